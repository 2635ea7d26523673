//! Why a grade could not be obtained.

use std::path::PathBuf;

/// A grade that could not be obtained. Never turned into a score.
#[derive(Debug, thiserror::Error)]
pub enum GradeError {
    /// The item has no rubric (or the grader has no way to grade this kind of item).
    #[error("item `{item}` cannot be graded by {grader}: {reason}")]
    Ungradable {
        /// The item's id.
        item: String,
        /// The grader's id.
        grader: String,
        /// Why.
        reason: String,
    },
    /// A criterion without a machine check reached a rules-only grader.
    #[error("item `{item}`, criterion {criterion}: no check, and this grader has no judge")]
    Unchecked {
        /// The item's id.
        item: String,
        /// 1-based criterion number.
        criterion: usize,
    },
    /// The judge's answers never parsed, after every allowed attempt.
    #[error(
        "item `{item}`{}: judge answer unusable after {attempts} attempts: {reason}",
        criterion.map(|c| format!(", criterion {c}")).unwrap_or_default()
    )]
    JudgeAnswer {
        /// The item's id.
        item: String,
        /// 1-based criterion number, or `None` for a batched call.
        criterion: Option<usize>,
        /// Attempts made.
        attempts: usize,
        /// What was wrong with the last answer.
        reason: String,
    },
    /// The judge model failed (HTTP error, timeout, bad model output).
    #[error("item `{item}`: judge call failed: {source}")]
    Model {
        /// The item's id.
        item: String,
        /// The model's error.
        #[source]
        source: ethos_model::ModelError,
    },
    /// The verdict cache failed.
    #[error("verdict cache {path}: {message}")]
    Cache {
        /// The database file.
        path: PathBuf,
        /// What went wrong.
        message: String,
    },
    /// A judge prompt template failed to load or render.
    #[error("judge template `{name}`: {message}")]
    Template {
        /// The template's name.
        name: String,
        /// What went wrong.
        message: String,
    },
    /// A grader specification or configuration is invalid.
    #[error("{0}")]
    Config(String),
}

impl GradeError {
    /// A short machine-readable kind, for graded records and summaries.
    pub fn kind(&self) -> &'static str {
        match self {
            Self::Ungradable { .. } => "ungradable",
            Self::Unchecked { .. } => "unchecked",
            Self::JudgeAnswer { .. } => "judge_answer",
            Self::Model { .. } => "model",
            Self::Cache { .. } => "cache",
            Self::Template { .. } => "template",
            Self::Config(_) => "config",
        }
    }
}
