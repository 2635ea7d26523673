//! Why an evaluation could not run.

use std::path::{Path, PathBuf};

/// An evaluation that could not start or go on. Failures of single items are not errors:
/// they are recorded in the item's record and redone on resume.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    /// A file could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
    /// An existing records or summary file is unreadable.
    #[error("{0}")]
    Records(String),
    /// The run directory holds a run with other settings.
    #[error(
        "{dir} holds an evaluation with another {field} ({existing} there, {requested} now): use another --out, or the same settings to resume"
    )]
    SettingsChanged {
        /// The run directory.
        dir: PathBuf,
        /// The setting that differs.
        field: String,
        /// Its value in the directory.
        existing: String,
        /// Its value now.
        requested: String,
    },
    /// Settings or selection that cannot work, found before any item runs.
    #[error("{0}")]
    Invalid(String),
    /// The model failed as a whole (not one item).
    #[error("model {model}: {source}")]
    Model {
        /// The model's id.
        model: String,
        /// The cause.
        #[source]
        source: ethos_model::ModelError,
    },
}

impl EvalError {
    /// An I/O error on `path`.
    pub fn io(path: &Path, source: std::io::Error) -> Self {
        Self::Io {
            path: path.to_path_buf(),
            source,
        }
    }
}
