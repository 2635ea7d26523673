//! Problems found in data files, each pinned to a file, line and field.

use std::fmt;
use std::path::{Path, PathBuf};

/// One problem in a data file: where it is and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The file the problem is in.
    pub file: PathBuf,
    /// 1-based line number; `None` when the problem concerns the whole file.
    pub line: Option<usize>,
    /// Dotted path of the offending field (`rubric[2].points`), or `-` for the whole record.
    pub field: String,
    /// What is wrong, in words.
    pub message: String,
}

impl Diagnostic {
    /// A problem at a given line and field.
    pub fn at(
        file: &Path,
        line: usize,
        field: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        Self {
            file: file.to_path_buf(),
            line: Some(line),
            field: field.into(),
            message: message.into(),
        }
    }

    /// A [`FieldError`] found at `line` of `file`.
    pub fn field(file: &Path, line: usize, error: FieldError) -> Self {
        Self {
            file: file.to_path_buf(),
            line: Some(line),
            field: error.field,
            message: error.message,
        }
    }

    /// A problem with a whole file (unreadable, wrong kind, ...).
    pub fn file(file: &Path, message: impl Into<String>) -> Self {
        Self {
            file: file.to_path_buf(),
            line: None,
            field: "-".to_string(),
            message: message.into(),
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(
                f,
                "{}:{}: {}: {}",
                self.file.display(),
                line,
                self.field,
                self.message
            ),
            None => write!(f, "{}: {}", self.file.display(), self.message),
        }
    }
}

/// A problem with one field of a record, before it is pinned to a file and line.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{field}: {message}")]
pub struct FieldError {
    /// Dotted path of the offending field.
    pub field: String,
    /// What is wrong.
    pub message: String,
}

impl FieldError {
    /// A problem with `field`.
    pub fn new(field: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            field: field.into(),
            message: message.into(),
        }
    }
}

/// Turns a `serde_path_to_error` path into our field notation (`rubric[1].check`).
pub(crate) fn field_path(path: &serde_path_to_error::Path) -> String {
    let text = path.to_string();
    if text == "." || text.is_empty() {
        "-".to_string()
    } else {
        text
    }
}
