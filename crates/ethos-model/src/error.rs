//! Errors of the model crate.

use std::path::PathBuf;

/// Everything that can go wrong loading or running a model.
#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    /// A model file or directory could not be read.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The path.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// A file that is not a valid model file (truncated, corrupt, wrong format).
    #[error("{path}: not a valid model file: {message}")]
    Format {
        /// The path.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
    /// A metadata key the model needs is missing or has the wrong type.
    #[error("{path}: metadata `{key}` is missing or invalid")]
    Metadata {
        /// The path.
        path: PathBuf,
        /// The key.
        key: String,
    },
    /// A model architecture ethos cannot run.
    #[error(
        "unsupported architecture `{0}` (supported: llama-family models such as Llama, SmolLM, Qwen2)"
    )]
    UnsupportedArchitecture(String),
    /// The tokenizer could not be built or applied.
    #[error("tokenizer: {0}")]
    Tokenizer(String),
    /// The chat template could not be compiled or rendered.
    #[error("chat template: {0}")]
    Template(String),
    /// A prompt does not fit in the context window.
    #[error(
        "prompt of {tokens} tokens plus {max_new} new tokens exceeds the context length {context}"
    )]
    PromptTooLong {
        /// Prompt length in tokens.
        tokens: usize,
        /// Tokens requested for generation.
        max_new: usize,
        /// The model's context length.
        context: usize,
    },
    /// A request with parameters out of range.
    #[error("invalid request: {0}")]
    InvalidRequest(String),
    /// An HTTP model server failed or answered something unusable.
    #[error("HTTP backend: {0}")]
    Http(String),
    /// Fetching the default model failed.
    #[error("model pull: {0}")]
    Pull(String),
    /// A tensor operation failed.
    #[error("tensor error: {0}")]
    Candle(#[from] candle_core::Error),
}

/// Result alias for the model crate.
pub type Result<T> = std::result::Result<T, ModelError>;
