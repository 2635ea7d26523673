//! Training errors.

/// Why a training step could not run.
#[derive(Debug, thiserror::Error)]
pub enum TrainError {
    /// A tensor operation failed.
    #[error("tensor error: {0}")]
    Tensor(#[from] candle_core::Error),
    /// The model layer failed.
    #[error(transparent)]
    Model(#[from] ethos_model::ModelError),
    /// A configuration that cannot run (each line names the file and field).
    #[error("{0}")]
    Config(String),
    /// Training data that cannot be used.
    #[error("{0}")]
    Data(String),
    /// Inputs that do not fit together.
    #[error("{0}")]
    Invalid(String),
    /// A file could not be read or written.
    #[error("{path}: {message}")]
    File {
        /// The file.
        path: std::path::PathBuf,
        /// What went wrong.
        message: String,
    },
}

/// Result with a [`TrainError`].
pub type Result<T> = std::result::Result<T, TrainError>;
