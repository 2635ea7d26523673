//! Standard tasks: the verifiable share of the RL mixture.
//!
//! A task is a prompt plus the parameters of a verifier (`kind` + `params`). Adding a kind
//! means adding a params struct here, a verifier in [`crate::verify`], and a line in
//! `docs/tasks.md`.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::diagnostic::{FieldError, field_path};
use crate::message::{Message, conversation_problems};
use crate::scenario::id_problem;

/// Word-count bounds on the whole response.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WordLimit {
    /// Fewest words allowed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_words: Option<usize>,
    /// Most words allowed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_words: Option<usize>,
}

/// Sentence-count bounds on the whole response.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SentenceLimit {
    /// Fewest sentences allowed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_sentences: Option<usize>,
    /// Most sentences allowed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_sentences: Option<usize>,
}

/// Words or phrases that must all appear (partial credit: the fraction present).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RequiredWords {
    /// Required words or phrases, matched as whole words, ignoring case.
    pub words: Vec<String>,
}

/// Words that must not appear in a substantive answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ForbiddenWords {
    /// Forbidden words or phrases, matched as whole words, ignoring case.
    pub words: Vec<String>,
    /// Fewest words the answer must have (so that an empty answer does not pass).
    #[serde(default = "default_min_words")]
    pub min_words: usize,
}

/// An exact number of bullet points.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BulletCount {
    /// Required number of bullet lines (`-`, `*`, `•` or `1.` style).
    pub count: usize,
}

/// A JSON object with given keys.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct JsonKeys {
    /// Keys the object must have.
    pub keys: Vec<String>,
    /// When true, no other keys are allowed.
    #[serde(default = "default_true")]
    pub exact: bool,
}

/// The whole answer in lowercase letters.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Lowercase {
    /// Fewest words the answer must have.
    #[serde(default = "default_min_words")]
    pub min_words: usize,
}

/// A required opening and/or closing phrase.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StartEnd {
    /// The answer must start with this phrase (ignoring case and leading whitespace).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<String>,
    /// The answer must end with this phrase (ignoring case and trailing whitespace).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<String>,
}

/// No commas anywhere in a substantive answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NoCommas {
    /// Fewest words the answer must have.
    #[serde(default = "default_min_words")]
    pub min_words: usize,
}

/// A numeric final answer within an absolute tolerance.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NumericAnswer {
    /// The correct answer.
    pub answer: f64,
    /// Largest accepted absolute error.
    #[serde(default = "default_tolerance")]
    pub tolerance: f64,
}

/// A converted quantity within a relative tolerance.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UnitConversion {
    /// The correct value in the target unit.
    pub answer: f64,
    /// The target unit (for readers; the verifier checks the number).
    pub unit: String,
    /// Largest accepted relative error.
    #[serde(default = "default_rel_tolerance")]
    pub rel_tolerance: f64,
}

/// Sort direction for [`SortList`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SortOrder {
    /// Smallest or alphabetically first item first.
    Ascending,
    /// Largest or alphabetically last item first.
    Descending,
}

/// What to sort by for [`SortList`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SortKey {
    /// Case-insensitive alphabetical order.
    Alpha,
    /// Numeric value.
    Numeric,
}

/// A list to be given back in sorted order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SortList {
    /// The items as shown in the prompt.
    pub items: Vec<String>,
    /// Direction.
    pub order: SortOrder,
    /// Key.
    pub by: SortKey,
}

/// A short factual question with accepted answers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Factual {
    /// Accepted answers, matched as whole phrases ignoring case and punctuation.
    pub accepted: Vec<String>,
    /// Longest answer accepted, in words (long answers could list many guesses).
    #[serde(default = "default_factual_max_words")]
    pub max_words: usize,
}

/// Several format constraints on one answer (partial credit: the share satisfied).
#[derive(Debug, Clone, PartialEq)]
pub struct MultiConstraint {
    /// The constraints, each a format task kind with its params.
    pub constraints: Vec<TaskSpec>,
}

/// Task kinds a `multi_constraint` task may combine: format constraints, not answers.
pub const CONSTRAINT_KINDS: &[&str] = &[
    "word_limit",
    "sentence_limit",
    "required_words",
    "forbidden_words",
    "bullet_count",
    "lowercase",
    "start_end",
    "no_commas",
];

/// One constraint as written in a data file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConstraint {
    kind: String,
    #[serde(default)]
    params: Value,
}

/// `multi_constraint` params as written in a data file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMultiConstraint {
    constraints: Vec<RawConstraint>,
}

impl MultiConstraint {
    fn from_params(value: Value) -> Result<Self, FieldError> {
        let raw: RawMultiConstraint = params(value)?;
        if raw.constraints.len() < 2 {
            return Err(FieldError::new(
                "params.constraints",
                "give at least 2 constraints",
            ));
        }
        let mut constraints = Vec::with_capacity(raw.constraints.len());
        for (i, c) in raw.constraints.into_iter().enumerate() {
            if !CONSTRAINT_KINDS.contains(&c.kind.as_str()) {
                return Err(FieldError::new(
                    format!("params.constraints[{i}].kind"),
                    format!(
                        "`{}` cannot be combined (allowed: {})",
                        c.kind,
                        CONSTRAINT_KINDS.join(", ")
                    ),
                ));
            }
            let spec = TaskSpec::from_parts(&c.kind, c.params).map_err(|e| {
                FieldError::new(format!("params.constraints[{i}].{}", e.field), e.message)
            })?;
            constraints.push(spec);
        }
        Ok(Self { constraints })
    }

    fn to_params(&self) -> Value {
        serde_json::json!({
            "constraints": self
                .constraints
                .iter()
                .map(|c| serde_json::json!({"kind": c.kind(), "params": c.params_json()}))
                .collect::<Vec<_>>()
        })
    }
}

fn default_min_words() -> usize {
    10
}
fn default_true() -> bool {
    true
}
fn default_tolerance() -> f64 {
    1e-6
}
fn default_rel_tolerance() -> f64 {
    0.01
}
fn default_factual_max_words() -> usize {
    40
}

/// A task's verifier and its parameters.
#[derive(Debug, Clone, PartialEq)]
pub enum TaskSpec {
    /// `word_limit`
    WordLimit(WordLimit),
    /// `sentence_limit`
    SentenceLimit(SentenceLimit),
    /// `required_words`
    RequiredWords(RequiredWords),
    /// `forbidden_words`
    ForbiddenWords(ForbiddenWords),
    /// `bullet_count`
    BulletCount(BulletCount),
    /// `json_keys`
    JsonKeys(JsonKeys),
    /// `lowercase`
    Lowercase(Lowercase),
    /// `start_end`
    StartEnd(StartEnd),
    /// `no_commas`
    NoCommas(NoCommas),
    /// `arithmetic`
    Arithmetic(NumericAnswer),
    /// `unit_conversion`
    UnitConversion(UnitConversion),
    /// `sort_list`
    SortList(SortList),
    /// `factual`
    Factual(Factual),
    /// `multi_step_arithmetic`: a word problem of several steps, graded like `arithmetic`.
    MultiStepArithmetic(NumericAnswer),
    /// `reading`: a question on a passage given in the prompt, graded like `factual`.
    Reading(Factual),
    /// `multi_constraint`: several format constraints at once.
    MultiConstraint(MultiConstraint),
}

/// Every task kind, by name.
pub const TASK_KINDS: &[&str] = &[
    "word_limit",
    "sentence_limit",
    "required_words",
    "forbidden_words",
    "bullet_count",
    "json_keys",
    "lowercase",
    "start_end",
    "no_commas",
    "arithmetic",
    "unit_conversion",
    "sort_list",
    "factual",
    "multi_step_arithmetic",
    "reading",
    "multi_constraint",
];

fn params<T: DeserializeOwned>(value: Value) -> Result<T, FieldError> {
    serde_path_to_error::deserialize(value).map_err(|err| {
        let path = field_path(err.path());
        let field = if path == "-" {
            "params".to_string()
        } else {
            format!("params.{path}")
        };
        FieldError::new(field, err.into_inner().to_string())
    })
}

impl TaskSpec {
    /// Builds a spec from a kind name and its params, naming the bad field on failure.
    pub fn from_parts(kind: &str, value: Value) -> Result<Self, FieldError> {
        let value = if value.is_null() {
            Value::Object(Default::default())
        } else {
            value
        };
        let spec = match kind {
            "word_limit" => Self::WordLimit(params(value)?),
            "sentence_limit" => Self::SentenceLimit(params(value)?),
            "required_words" => Self::RequiredWords(params(value)?),
            "forbidden_words" => Self::ForbiddenWords(params(value)?),
            "bullet_count" => Self::BulletCount(params(value)?),
            "json_keys" => Self::JsonKeys(params(value)?),
            "lowercase" => Self::Lowercase(params(value)?),
            "start_end" => Self::StartEnd(params(value)?),
            "no_commas" => Self::NoCommas(params(value)?),
            "arithmetic" => Self::Arithmetic(params(value)?),
            "unit_conversion" => Self::UnitConversion(params(value)?),
            "sort_list" => Self::SortList(params(value)?),
            "factual" => Self::Factual(params(value)?),
            "multi_step_arithmetic" => Self::MultiStepArithmetic(params(value)?),
            "reading" => Self::Reading(params(value)?),
            "multi_constraint" => Self::MultiConstraint(MultiConstraint::from_params(value)?),
            other => {
                return Err(FieldError::new(
                    "kind".to_string(),
                    format!(
                        "unknown task kind `{other}` (known: {})",
                        TASK_KINDS.join(", ")
                    ),
                ));
            }
        };
        spec.problem().map_or(Ok(spec), Err)
    }

    /// The kind's name.
    pub fn kind(&self) -> &'static str {
        match self {
            Self::WordLimit(_) => "word_limit",
            Self::SentenceLimit(_) => "sentence_limit",
            Self::RequiredWords(_) => "required_words",
            Self::ForbiddenWords(_) => "forbidden_words",
            Self::BulletCount(_) => "bullet_count",
            Self::JsonKeys(_) => "json_keys",
            Self::Lowercase(_) => "lowercase",
            Self::StartEnd(_) => "start_end",
            Self::NoCommas(_) => "no_commas",
            Self::Arithmetic(_) => "arithmetic",
            Self::UnitConversion(_) => "unit_conversion",
            Self::SortList(_) => "sort_list",
            Self::Factual(_) => "factual",
            Self::MultiStepArithmetic(_) => "multi_step_arithmetic",
            Self::Reading(_) => "reading",
            Self::MultiConstraint(_) => "multi_constraint",
        }
    }

    /// The params as JSON, the inverse of [`TaskSpec::from_parts`].
    pub fn params_json(&self) -> Value {
        let value = match self {
            Self::WordLimit(p) => serde_json::to_value(p),
            Self::SentenceLimit(p) => serde_json::to_value(p),
            Self::RequiredWords(p) => serde_json::to_value(p),
            Self::ForbiddenWords(p) => serde_json::to_value(p),
            Self::BulletCount(p) => serde_json::to_value(p),
            Self::JsonKeys(p) => serde_json::to_value(p),
            Self::Lowercase(p) => serde_json::to_value(p),
            Self::StartEnd(p) => serde_json::to_value(p),
            Self::NoCommas(p) => serde_json::to_value(p),
            Self::Arithmetic(p) => serde_json::to_value(p),
            Self::UnitConversion(p) => serde_json::to_value(p),
            Self::SortList(p) => serde_json::to_value(p),
            Self::Factual(p) | Self::Reading(p) => serde_json::to_value(p),
            Self::MultiStepArithmetic(p) => serde_json::to_value(p),
            Self::MultiConstraint(p) => Ok(p.to_params()),
        };
        value.unwrap_or(Value::Null)
    }

    /// A semantic problem with parameters that parsed.
    fn problem(&self) -> Option<FieldError> {
        let err = |field: &str, message: &str| {
            Some(FieldError::new(
                format!("params.{field}"),
                message.to_string(),
            ))
        };
        match self {
            Self::WordLimit(p) => bounds_problem("words", p.min_words, p.max_words),
            Self::SentenceLimit(p) => bounds_problem("sentences", p.min_sentences, p.max_sentences),
            Self::RequiredWords(RequiredWords { words })
            | Self::ForbiddenWords(ForbiddenWords { words, .. }) => phrases_problem("words", words),
            Self::BulletCount(p) if p.count == 0 => err("count", "must be at least 1"),
            Self::JsonKeys(p) => phrases_problem("keys", &p.keys),
            Self::StartEnd(StartEnd {
                start: None,
                end: None,
            }) => err("start", "give `start`, `end` or both"),
            Self::StartEnd(p) => {
                let blank = |s: &Option<String>| s.as_ref().is_some_and(|s| s.trim().is_empty());
                if blank(&p.start) || blank(&p.end) {
                    err("start", "phrases must not be empty")
                } else {
                    None
                }
            }
            Self::Arithmetic(p) | Self::MultiStepArithmetic(p) if !p.answer.is_finite() => {
                err("answer", "must be a finite number")
            }
            Self::Arithmetic(p) | Self::MultiStepArithmetic(p)
                if (p.tolerance.is_nan() || p.tolerance < 0.0) =>
            {
                err("tolerance", "must be >= 0")
            }
            Self::UnitConversion(p) if !p.answer.is_finite() => {
                err("answer", "must be a finite number")
            }
            Self::UnitConversion(p) if (p.rel_tolerance.is_nan() || p.rel_tolerance <= 0.0) => {
                err("rel_tolerance", "must be > 0")
            }
            Self::UnitConversion(p) if p.unit.trim().is_empty() => err("unit", "must not be empty"),
            Self::SortList(p) if p.items.len() < 2 => err("items", "needs at least 2 items"),
            Self::SortList(p) => {
                if let Some(problem) = phrases_problem("items", &p.items) {
                    return Some(problem);
                }
                let numeric_ok = p
                    .items
                    .iter()
                    .all(|i| i.trim().parse::<f64>().is_ok_and(f64::is_finite));
                (p.by == SortKey::Numeric && !numeric_ok)
                    .then(|| FieldError::new("params.items", "numeric sort needs numbers"))
            }
            Self::Factual(p) | Self::Reading(p) => phrases_problem("accepted", &p.accepted),
            _ => None,
        }
    }
}

fn bounds_problem(unit: &str, min: Option<usize>, max: Option<usize>) -> Option<FieldError> {
    match (min, max) {
        (None, None) => Some(FieldError::new(
            format!("params.max_{unit}"),
            format!("give `min_{unit}`, `max_{unit}` or both"),
        )),
        (Some(min), Some(max)) if min > max => Some(FieldError::new(
            format!("params.min_{unit}"),
            format!("min_{unit} ({min}) is greater than max_{unit} ({max})"),
        )),
        (_, Some(0)) => Some(FieldError::new(
            format!("params.max_{unit}"),
            "must be at least 1".to_string(),
        )),
        _ => None,
    }
}

fn phrases_problem(field: &str, list: &[String]) -> Option<FieldError> {
    if list.is_empty() {
        return Some(FieldError::new(
            format!("params.{field}"),
            "must not be empty".to_string(),
        ));
    }
    if let Some(index) = list.iter().position(|s| s.trim().is_empty()) {
        return Some(FieldError::new(
            format!("params.{field}[{index}]"),
            "must not be empty".to_string(),
        ));
    }
    let mut seen = std::collections::HashSet::new();
    list.iter()
        .position(|s| !seen.insert(s.trim().to_lowercase()))
        .map(|index| {
            FieldError::new(
                format!("params.{field}[{index}]"),
                format!("duplicate entry `{}`", list[index]),
            )
        })
}

/// A standard task: a prompt and how to verify the answer.
#[derive(Debug, Clone, PartialEq)]
pub struct Task {
    /// Unique id.
    pub id: String,
    /// The prompt.
    pub messages: Vec<Message>,
    /// Verifier kind and parameters.
    pub spec: TaskSpec,
}

/// The on-disk shape of a task, before its params are checked against its kind.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTask {
    /// Unique id.
    pub id: String,
    /// Verifier kind.
    pub kind: String,
    /// The prompt.
    pub messages: Vec<Message>,
    /// Verifier parameters.
    #[serde(default)]
    pub params: Value,
}

impl TryFrom<RawTask> for Task {
    type Error = FieldError;

    /// Checks the params against the kind and the prompt's structure.
    fn try_from(raw: RawTask) -> Result<Self, Self::Error> {
        if let Some(message) = id_problem(&raw.id) {
            return Err(FieldError::new("id".to_string(), message));
        }
        if let Some(problem) = conversation_problems(&raw.messages).into_iter().next() {
            return Err(problem);
        }
        let spec = TaskSpec::from_parts(&raw.kind, raw.params)?;
        Ok(Self {
            id: raw.id,
            messages: raw.messages,
            spec,
        })
    }
}

impl From<&Task> for RawTask {
    fn from(task: &Task) -> Self {
        Self {
            id: task.id.clone(),
            kind: task.spec.kind().to_string(),
            messages: task.messages.clone(),
            params: task.spec.params_json(),
        }
    }
}

impl Serialize for Task {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        RawTask::from(self).serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Task {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = RawTask::deserialize(deserializer)?;
        Task::try_from(raw).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn parse(kind: &str, params: Value) -> Result<TaskSpec, FieldError> {
        TaskSpec::from_parts(kind, params)
    }

    #[test]
    fn every_kind_parses_and_round_trips() {
        let examples = [
            ("word_limit", json!({"max_words": 20, "min_words": 5})),
            ("sentence_limit", json!({"max_sentences": 3})),
            ("required_words", json!({"words": ["river", "bridge"]})),
            (
                "forbidden_words",
                json!({"words": ["very"], "min_words": 10}),
            ),
            ("bullet_count", json!({"count": 3})),
            ("json_keys", json!({"keys": ["name", "age"], "exact": true})),
            ("lowercase", json!({"min_words": 10})),
            ("start_end", json!({"start": "Dear team", "end": "Thanks."})),
            ("no_commas", json!({"min_words": 10})),
            ("arithmetic", json!({"answer": 42.0, "tolerance": 0.0})),
            (
                "unit_conversion",
                json!({"answer": 1.609, "unit": "km", "rel_tolerance": 0.01}),
            ),
            (
                "sort_list",
                json!({"items": ["b", "a"], "order": "ascending", "by": "alpha"}),
            ),
            ("factual", json!({"accepted": ["Paris"], "max_words": 40})),
            (
                "multi_step_arithmetic",
                json!({"answer": 12.5, "tolerance": 0.01}),
            ),
            ("reading", json!({"accepted": ["Mateo"], "max_words": 25})),
            (
                "multi_constraint",
                json!({"constraints": [
                    {"kind": "lowercase", "params": {"min_words": 8}},
                    {"kind": "word_limit", "params": {"max_words": 40}}
                ]}),
            ),
        ];
        assert_eq!(examples.len(), TASK_KINDS.len());
        for (kind, params) in examples {
            let spec = parse(kind, params.clone()).unwrap_or_else(|e| panic!("{kind}: {e:?}"));
            assert_eq!(spec.kind(), kind);
            assert_eq!(spec.params_json(), params, "{kind} round trip");
        }
    }

    #[test]
    fn bad_params_name_the_field() {
        assert_eq!(parse("frobnicate", json!({})).unwrap_err().field, "kind");
        assert_eq!(
            parse("word_limit", json!({})).unwrap_err().field,
            "params.max_words"
        );
        assert_eq!(
            parse("word_limit", json!({"max_words": "ten"}))
                .unwrap_err()
                .field,
            "params.max_words"
        );
        assert_eq!(
            parse("bullet_count", json!({"count": 3, "extra": 1}))
                .unwrap_err()
                .field,
            "params.extra"
        );
        assert_eq!(
            parse("required_words", json!({"words": ["a", ""]}))
                .unwrap_err()
                .field,
            "params.words[1]"
        );
        assert_eq!(
            parse(
                "sort_list",
                json!({"items": ["1", "x"], "order": "ascending", "by": "numeric"})
            )
            .unwrap_err()
            .field,
            "params.items"
        );
        assert_eq!(
            parse(
                "sort_list",
                json!({"items": ["1", "2"], "order": "up", "by": "numeric"})
            )
            .unwrap_err()
            .field,
            "params.order"
        );
        assert_eq!(
            parse("start_end", json!({})).unwrap_err().field,
            "params.start"
        );
        assert_eq!(
            parse("json_keys", json!({"keys": ["a", "A"]}))
                .unwrap_err()
                .message,
            "duplicate entry `A`"
        );
    }

    #[test]
    fn task_deserializes_and_serializes() {
        let value = json!({"id": "t1", "kind": "lowercase", "messages": [{"role": "user", "content": "hi"}], "params": {"min_words": 3}});
        let task: Task = serde_json::from_value(value.clone()).unwrap();
        assert_eq!(serde_json::to_value(&task).unwrap(), value);
        let bad = json!({"id": "t1", "kind": "lowercase", "messages": [{"role": "assistant", "content": "hi"}]});
        assert!(
            serde_json::from_value::<Task>(bad)
                .unwrap_err()
                .to_string()
                .contains("end with a user turn")
        );
    }
}
