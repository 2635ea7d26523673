//! ethos-grade: turning a response into a reward or a score.
//!
//! A [`Grader`] grades a response to a [`GradeItem`] (a scenario with a rubric, or a
//! verifiable task) and returns a [`Grade`]: the score, one verdict per criterion with who
//! decided it, and what it cost. Graders here:
//!
//! - [`RuleGrader`]: the machine checks of the data format, and task verifiers;
//! - [`RubricJudge`]: a language model following the HealthBench protocol, one call per
//!   criterion or all criteria in one call, with bounded retries on malformed answers;
//! - [`CompositeGrader`]: rules where a criterion has a check, the judge elsewhere, or both
//!   with disagreements reported.
//!
//! Judge verdicts are cached in SQLite ([`VerdictCache`]) so that none is paid for twice,
//! and [`audit`] measures whether a grader can be gamed.

pub mod audit;
pub mod cache;
pub mod composite;
pub mod error;
pub mod grade;
pub mod judge;
pub mod roles;
pub mod rules;
pub mod spec;
pub mod summary;
pub mod template;

pub use cache::{CacheStats, CachedVerdict, VerdictCache};
pub use composite::{CompositeGrader, CompositeMode};
pub use error::GradeError;
pub use grade::{Cost, CriterionVerdict, Grade, GradeItem, GradeJob, Grader, rubric_score};
pub use judge::{JudgeConfig, JudgeMode, RubricJudge};
pub use roles::GraderRoles;
pub use rules::RuleGrader;
pub use spec::GraderSpec;
pub use summary::GradeSummary;
pub use template::JudgeTemplate;
