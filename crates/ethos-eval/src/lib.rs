//! ethos-eval: does training make a model better on benchmarks it never trained on?
//!
//! The benchmark format itself lives in `ethos_core::benchmark`. This crate holds the
//! registry of built-in and user benchmarks and their selection ([`registry`]), importers
//! of public benchmark formats ([`import`]), the runner that scores a model on benchmarks
//! and writes per-item records ([`run`], [`record`], [`summary`]), and the paired
//! statistics that compare runs ([`stats`]). It also measures graders themselves against
//! hand-labelled answers ([`grader_validation`]).

pub mod bench_stats;
pub mod compare;
pub mod correlate;
pub mod dose;
pub mod error;
pub mod grader_validation;
pub mod import;
pub mod parse;
pub mod persona;
pub mod record;
pub mod registry;
pub mod run;
pub mod stats;
pub mod summary;

pub use error::EvalError;
pub use record::Record;
pub use registry::{Registry, RegistryError};
pub use run::{EvalSettings, JudgeScoring, Models, Progress, evaluate};
pub use summary::{BenchmarkSummary, RunSummary};
