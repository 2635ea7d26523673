//! Grader specifications as written on the command line and in configs.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::composite::CompositeMode;
use crate::error::GradeError;

/// Which grader to build: `rules`, `judge:MODEL`, `composite:MODEL` (checks where present,
/// judge elsewhere) or `both:MODEL` (checks and judge, disagreements reported). MODEL is
/// any model spec (`openai:URL#NAME`, a GGUF path, a Hugging Face directory, or `default`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct GraderSpec {
    /// Who decides each criterion.
    pub mode: CompositeMode,
    /// The judge model, for every mode but `rules`.
    pub judge_model: Option<String>,
}

impl GraderSpec {
    /// Rules only.
    pub fn rules() -> Self {
        Self {
            mode: CompositeMode::Rules,
            judge_model: None,
        }
    }
}

impl FromStr for GraderSpec {
    type Err = GradeError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let text = text.trim();
        if text == "rules" {
            return Ok(Self::rules());
        }
        let (head, model) = text.split_once(':').ok_or_else(|| {
            GradeError::Config(format!(
                "grader `{text}`: expected `rules`, `judge:MODEL`, `composite:MODEL` or `both:MODEL`"
            ))
        })?;
        let mode = match head {
            "judge" => CompositeMode::Judge,
            "composite" => CompositeMode::Auto,
            "both" => CompositeMode::Both,
            other => {
                return Err(GradeError::Config(format!(
                    "grader `{text}`: unknown kind `{other}` (expected rules, judge, composite or both)"
                )));
            }
        };
        if model.trim().is_empty() {
            return Err(GradeError::Config(format!(
                "grader `{text}`: the judge model is missing after `{head}:`"
            )));
        }
        Ok(Self {
            mode,
            judge_model: Some(model.trim().to_string()),
        })
    }
}

impl fmt::Display for GraderSpec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.judge_model {
            Some(model) if self.mode != CompositeMode::Rules => {
                write!(f, "{}:{model}", self.mode.as_str())
            }
            _ => f.write_str("rules"),
        }
    }
}

impl TryFrom<String> for GraderSpec {
    type Error = GradeError;

    fn try_from(text: String) -> Result<Self, Self::Error> {
        text.parse()
    }
}

impl From<GraderSpec> for String {
    fn from(spec: GraderSpec) -> Self {
        spec.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints_every_kind() {
        for text in [
            "rules",
            "judge:openai:http://127.0.0.1:8000/v1#judge",
            "composite:default",
            "both:/models/judge.gguf",
        ] {
            let spec: GraderSpec = text.parse().unwrap();
            assert_eq!(spec.to_string(), text);
        }
        let spec: GraderSpec = "judge:openai:http://h/v1#m".parse().unwrap();
        assert_eq!(spec.judge_model.as_deref(), Some("openai:http://h/v1#m"));
        for bad in ["", "judge", "judge:", "oracle:x", "rule"] {
            assert!(bad.parse::<GraderSpec>().is_err(), "{bad:?} parsed");
        }
    }
}
