//! ethos-core: the vocabulary every other ethos crate speaks.
//!
//! Messages and conversations, the trait and domain catalog, scenarios with rubrics,
//! verifiable standard tasks and their verifiers, machine checks, line-numbered JSONL and
//! TOML loading, dataset validation and statistics. Nothing here touches models, HTTP or
//! databases, so every crate can depend on it cheaply.

pub mod benchmark;
pub mod catalog;
pub mod check;
pub mod dataset;
pub mod diagnostic;
pub mod jsonl;
pub mod message;
pub mod scenario;
pub mod similarity;
pub mod stats;
pub mod task;
pub mod text;
pub mod verify;

pub use benchmark::{Benchmark, BenchmarkHeader, Direction, Item, Scoring};
pub use catalog::{Catalog, Domain, TraitDef};
pub use check::Check;
pub use dataset::{DataSet, Located};
pub use diagnostic::{Diagnostic, FieldError};
pub use message::{Message, Role};
pub use scenario::{Criterion, Pressure, Scenario, Split};
pub use stats::DataStats;
pub use task::{Task, TaskSpec};
pub use verify::Verdict;
