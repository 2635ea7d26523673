//! Benchmarks: held-out evaluation sets, one JSONL file each.
//!
//! The first non-blank line of a benchmark file is its header ([`BenchmarkHeader`], marked
//! by `"ethos_benchmark": 1`); every later line is an [`Item`]. The header's [`Scoring`]
//! says how a response to an item becomes a score, and which item fields that needs.
//! Parsing and validation report every problem as `file:line: field: message`.

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::diagnostic::{Diagnostic, FieldError, field_path};
use crate::message::{Message, conversation_problems};
use crate::scenario::{Criterion, id_problem, rubric_problems};
use crate::task::TaskSpec;

/// The version of the benchmark format this code reads and writes.
pub const BENCHMARK_FORMAT_VERSION: u32 = 1;

/// Most choices an item may have (letters A-Z for `mc-letter`).
pub const MAX_CHOICES: usize = 26;

/// Most criteria in a benchmark item's rubric (HealthBench rubrics run to several dozen).
pub const MAX_BENCHMARK_CRITERIA: usize = 64;

/// Whether a higher score is better.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// A higher score is better (accuracy, honesty rate).
    HigherIsBetter,
    /// A lower score is better (rate of a risky behaviour).
    LowerIsBetter,
}

impl Direction {
    /// +1 when higher is better, -1 when lower is better: multiplying a difference by it
    /// makes an improvement positive.
    pub fn sign(self) -> f64 {
        match self {
            Self::HigherIsBetter => 1.0,
            Self::LowerIsBetter => -1.0,
        }
    }

    /// `higher_is_better` or `lower_is_better`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::HigherIsBetter => "higher_is_better",
            Self::LowerIsBetter => "lower_is_better",
        }
    }
}

/// Which log-likelihood decides a multiple-choice answer.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LoglikDecision {
    /// The sum over the choice's tokens (TruthfulQA MC1/MC2).
    #[default]
    Sum,
    /// The mean per token, which does not favour short choices.
    Mean,
}

/// What a multiple-choice item scores.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum McMetric {
    /// 1 when the chosen (most likely) choice is one of `answer`, else 0 (MC1).
    #[default]
    Accuracy,
    /// The probability mass of the `answer` choices, normalised over all choices (MC2).
    Mass,
}

/// `mc-loglik` settings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct McLoglik {
    /// Sum or per-token mean decides (and weighs, for `mass`).
    #[serde(default)]
    pub decide_by: LoglikDecision,
    /// Accuracy or probability mass.
    #[serde(default)]
    pub metric: McMetric,
}

/// Settings of methods that generate a response.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Generate {
    /// Most new tokens per response.
    pub max_tokens: usize,
}

/// A comparison in a [`ScoreRule::All`] condition.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Comparison {
    /// Strictly greater.
    #[serde(rename = ">")]
    Greater,
    /// Greater or equal.
    #[serde(rename = ">=")]
    AtLeast,
    /// Strictly less.
    #[serde(rename = "<")]
    Less,
    /// Less or equal.
    #[serde(rename = "<=")]
    AtMost,
}

impl Comparison {
    /// Whether `value <op> threshold` holds.
    pub fn holds(self, value: f64, threshold: f64) -> bool {
        match self {
            Self::Greater => value > threshold,
            Self::AtLeast => value >= threshold,
            Self::Less => value < threshold,
            Self::AtMost => value <= threshold,
        }
    }
}

/// One condition on a judge's number.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Condition {
    /// The judge prompt's name.
    pub judge: String,
    /// How to compare.
    pub op: Comparison,
    /// The threshold.
    pub value: f64,
}

/// How the judges' numbers become an item's score.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum ScoreRule {
    /// One judge's number divided by `max` (a 0-100 scale gives 0-1).
    Scale {
        /// The judge prompt's name.
        judge: String,
        /// The top of the scale.
        max: f64,
    },
    /// 1 when every condition holds, else 0 (emergent misalignment: coherent > 50 and
    /// aligned < 30).
    All {
        /// The conditions.
        conditions: Vec<Condition>,
    },
}

impl ScoreRule {
    /// The judges whose numbers the rule reads.
    pub fn judges(&self) -> Vec<&str> {
        match self {
            Self::Scale { judge, .. } => vec![judge.as_str()],
            Self::All { conditions } => conditions.iter().map(|c| c.judge.as_str()).collect(),
        }
    }
}

/// `judge-score` settings: the response is judged on numeric scales.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct JudgeScore {
    /// Most new tokens per response.
    pub max_tokens: usize,
    /// Judge prompts by name. `{question}` is replaced by the last user message and
    /// `{answer}` by the response. The judge answers a number (0-100 by convention), or a
    /// word such as REFUSAL or CODE, which leaves that number missing.
    pub judges: BTreeMap<String, String>,
    /// How the numbers become the item's score.
    pub rule: ScoreRule,
}

/// `answer-flip` settings: the model answers, is challenged, and answers again.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnswerFlip {
    /// Most new tokens per answer.
    pub max_tokens: usize,
    /// The user's challenge after the first answer.
    pub pushback: String,
}

/// `pairwise-judge` settings: a judge compares the response to an item's prompt with the
/// response to its baseline prompt.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PairwiseJudge {
    /// Most new tokens per response.
    pub max_tokens: usize,
    /// The judge prompt: `{question}` (the baseline's last user message), `{first}` and
    /// `{second}` (the two responses, shown in both orders). The judge answers `1` or `2`.
    pub judge_prompt: String,
}

/// `belief-consistency` settings (MASK): does what the model asserts under pressure agree
/// with what it says it believes when asked neutrally?
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BeliefConsistency {
    /// Most new tokens per response.
    pub max_tokens: usize,
}

/// How a benchmark turns responses into scores.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "method", rename_all = "kebab-case")]
pub enum Scoring {
    /// Choices scored by log-likelihood as continuations of the prompt.
    McLoglik(McLoglik),
    /// The model answers with a letter, which is parsed.
    McLetter(Generate),
    /// A free-text response graded by the item's rubric or its task verifier.
    FreeText(Generate),
    /// A free-text response judged on numeric scales.
    JudgeScore(JudgeScore),
    /// An answer, a challenge, a second answer: does a correct answer flip?
    AnswerFlip(AnswerFlip),
    /// A judge compares the responses to the item's prompt and to its baseline prompt.
    PairwiseJudge(PairwiseJudge),
    /// Pressured statement against neutrally elicited belief, classified by a judge.
    BeliefConsistency(BeliefConsistency),
}

impl Scoring {
    /// The method's name as files write it.
    pub fn method(&self) -> &'static str {
        match self {
            Self::McLoglik(_) => "mc-loglik",
            Self::McLetter(_) => "mc-letter",
            Self::FreeText(_) => "free-text",
            Self::JudgeScore(_) => "judge-score",
            Self::AnswerFlip(_) => "answer-flip",
            Self::PairwiseJudge(_) => "pairwise-judge",
            Self::BeliefConsistency(_) => "belief-consistency",
        }
    }

    /// Most new tokens per generated response; `None` for `mc-loglik`.
    pub fn max_tokens(&self) -> Option<usize> {
        match self {
            Self::McLoglik(_) => None,
            Self::McLetter(g) | Self::FreeText(g) => Some(g.max_tokens),
            Self::JudgeScore(j) => Some(j.max_tokens),
            Self::AnswerFlip(a) => Some(a.max_tokens),
            Self::PairwiseJudge(p) => Some(p.max_tokens),
            Self::BeliefConsistency(b) => Some(b.max_tokens),
        }
    }

    /// True for methods that always need a judge model.
    pub fn needs_judge(&self) -> bool {
        matches!(
            self,
            Self::JudgeScore(_) | Self::PairwiseJudge(_) | Self::BeliefConsistency(_)
        )
    }
}

/// Aggregates reported beside the mean.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ExtraMetric {
    /// BBQ's bias score, from the items' `choice_roles` (`biased`, `counter`, `unknown`):
    /// 2 x (biased answers / answers that are not `unknown`) - 1, scaled by (1 - accuracy)
    /// when the benchmark's contexts are ambiguous.
    BbqBias,
}

/// The first line of a benchmark file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BenchmarkHeader {
    /// Format version; must be [`BENCHMARK_FORMAT_VERSION`].
    pub ethos_benchmark: u32,
    /// Unique id (`truthfulqa-mc1`); plain characters only.
    pub id: String,
    /// A short human title.
    pub title: String,
    /// The category it belongs to (`honesty`, `sycophancy`, `fairness`, ...).
    pub category: String,
    /// The trait or behaviour it probes (a catalog trait id or a behaviour name).
    pub probes: String,
    /// Whether higher scores are better.
    pub direction: Direction,
    /// How responses are scored.
    pub scoring: Scoring,
    /// Where the items come from (a citation or "written for ethos").
    pub source: String,
    /// The items' license.
    pub license: String,
    /// What the benchmark measures, in a sentence or two.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// How the file was made (importer and input, generator script, by hand).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub made_by: Option<String>,
    /// Responses per item unless the run asks otherwise (generative methods only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub samples: Option<usize>,
    /// Extra aggregates to report.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub metrics: Vec<ExtraMetric>,
    /// The contexts are ambiguous (BBQ's ambiguous condition), for [`ExtraMetric::BbqBias`].
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub ambiguous: bool,
    /// The benchmark that asks this one's items (same ids) without pressure: when both run,
    /// the summary adds `kept_under_pressure`, the share of items answered well without
    /// pressure that are still answered well with it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub neutral_twin: Option<String>,
}

/// A task verifier attached to a free-text item: a task `kind` and its `params`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "RawVerify", into = "RawVerify")]
pub struct Verify(pub TaskSpec);

/// The file form of [`Verify`].
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawVerify {
    kind: String,
    #[serde(default)]
    params: Value,
}

impl TryFrom<RawVerify> for Verify {
    type Error = String;

    fn try_from(raw: RawVerify) -> Result<Self, Self::Error> {
        TaskSpec::from_parts(&raw.kind, raw.params)
            .map(Verify)
            .map_err(|e| e.to_string())
    }
}

impl From<Verify> for RawVerify {
    fn from(verify: Verify) -> Self {
        Self {
            kind: verify.0.kind().to_string(),
            params: verify.0.params_json(),
        }
    }
}

/// One or several indices; files may write `"answer": 1` or `"answer": [0, 2]`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(from = "OneOrMany", into = "Vec<usize>")]
pub struct Indices(pub Vec<usize>);

#[derive(Deserialize)]
#[serde(untagged)]
enum OneOrMany {
    One(usize),
    Many(Vec<usize>),
}

impl From<OneOrMany> for Indices {
    fn from(value: OneOrMany) -> Self {
        match value {
            OneOrMany::One(i) => Self(vec![i]),
            OneOrMany::Many(v) => Self(v),
        }
    }
}

impl From<Indices> for Vec<usize> {
    fn from(indices: Indices) -> Self {
        indices.0
    }
}

/// One benchmark item. Which fields are required depends on the benchmark's [`Scoring`];
/// [`item_problems`] checks them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    /// Unique within the benchmark; imported items keep the source's ids.
    pub id: String,
    /// The conversation (a system prompt allowed first), ending with a user turn.
    pub messages: Vec<Message>,
    /// Text the assistant's turn starts with (for prompts that pre-fill the answer, like
    /// "The answer is ("); the response continues it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assistant_prefix: Option<String>,
    /// Multiple choice: the choices (continuations for `mc-loglik`; A, B, ... in order for
    /// `mc-letter`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub choices: Vec<String>,
    /// Multiple choice: the choices that score 1 (the correct ones, or for behaviour
    /// benchmarks the ones that show the behaviour).
    #[serde(default, skip_serializing_if = "Indices::is_empty")]
    pub answer: Indices,
    /// Multiple choice: a role per choice for extra metrics (BBQ: `biased`, `counter`,
    /// `unknown`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub choice_roles: Vec<String>,
    /// `free-text`: the rubric the response is graded on.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rubric: Vec<Criterion>,
    /// `free-text`: a task verifier instead of a rubric.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verify: Option<Verify>,
    /// `free-text` with a rubric: a good response, which must pass the rubric's own checks
    /// (the gaming audit compares strategies with it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
    /// `judge-score`: judge prompts replacing the benchmark's, by name.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub judges: BTreeMap<String, String>,
    /// `answer-flip`: accepted answers (matched as phrases, ignoring case and punctuation).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub accepted: Vec<String>,
    /// `answer-flip`: the correct letter, when the question is multiple choice.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub correct_letter: Option<String>,
    /// `pairwise-judge`: the neutral prompt the item's prompt is compared with.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub baseline_messages: Vec<Message>,
    /// `belief-consistency`: the two opposite statements the responses are classified by.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub propositions: Vec<String>,
    /// `belief-consistency`: neutral conversations that elicit the model's belief.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub belief_prompts: Vec<Vec<Message>>,
    /// `belief-consistency`: the index (0 or 1) of the proposition the model is given as
    /// true, for items whose belief is provided in the prompt instead of elicited.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub belief: Option<usize>,
    /// Anything else worth keeping from the source (subsets, tags, ground truth).
    #[serde(default, skip_serializing_if = "serde_json::Map::is_empty")]
    pub meta: serde_json::Map<String, Value>,
}

impl Indices {
    /// True when no index is given.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl Item {
    /// An item with only an id and messages; the other fields empty.
    pub fn new(id: impl Into<String>, messages: Vec<Message>) -> Self {
        Self {
            id: id.into(),
            messages,
            assistant_prefix: None,
            choices: Vec::new(),
            answer: Indices::default(),
            choice_roles: Vec::new(),
            rubric: Vec::new(),
            verify: None,
            reference: None,
            judges: BTreeMap::new(),
            accepted: Vec::new(),
            correct_letter: None,
            baseline_messages: Vec::new(),
            propositions: Vec::new(),
            belief_prompts: Vec::new(),
            belief: None,
            meta: serde_json::Map::new(),
        }
    }

    /// The last user message: the question, for judge prompts.
    pub fn question(&self) -> &str {
        last_user(&self.messages)
    }

    /// True when grading this item needs a judge model: a `free-text` rubric with a
    /// criterion that has no machine check.
    pub fn rubric_needs_judge(&self) -> bool {
        self.rubric.iter().any(|c| c.check.is_none())
    }
}

/// The content of the last user message (empty when there is none).
pub fn last_user(messages: &[Message]) -> &str {
    messages
        .iter()
        .rev()
        .find(|m| m.role == crate::message::Role::User)
        .map_or("", |m| m.content.as_str())
}

/// A loaded benchmark: its header and items.
#[derive(Debug, Clone, PartialEq)]
pub struct Benchmark {
    /// The header.
    pub header: BenchmarkHeader,
    /// The items, in file order.
    pub items: Vec<Item>,
    /// The file it was read from, when it came from one.
    pub path: Option<PathBuf>,
}

impl Benchmark {
    /// The benchmark's id.
    pub fn id(&self) -> &str {
        &self.header.id
    }

    /// True when some item cannot be scored without a judge model.
    pub fn needs_judge(&self) -> bool {
        self.header.scoring.needs_judge()
            || (matches!(self.header.scoring, Scoring::FreeText(_))
                && self.items.iter().any(Item::rubric_needs_judge))
    }

    /// Reads and validates a benchmark file.
    pub fn load(path: &Path) -> Result<Self, Vec<Diagnostic>> {
        match std::fs::read_to_string(path) {
            Ok(text) => Self::parse(path, &text),
            Err(err) => Err(vec![Diagnostic::file(path, format!("cannot read: {err}"))]),
        }
    }

    /// Parses and validates benchmark text that came from `path` (used for locations).
    pub fn parse(path: &Path, text: &str) -> Result<Self, Vec<Diagnostic>> {
        let mut lines = text
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty());
        let Some((header_index, header_line)) = lines.next() else {
            return Err(vec![Diagnostic::file(
                path,
                "empty file: a benchmark needs a header line and at least one item",
            )]);
        };
        let header_line_no = header_index + 1;
        let header = parse_header(path, header_line_no, header_line)?;
        let mut problems = Vec::new();
        let mut items = Vec::new();
        let mut seen = HashSet::new();
        for (index, raw) in lines {
            let line = index + 1;
            let item: Item = match parse_record(raw) {
                Ok(item) => item,
                Err(err) => {
                    problems.push(Diagnostic::field(path, line, err));
                    continue;
                }
            };
            if !seen.insert(item.id.clone()) {
                problems.push(Diagnostic::at(
                    path,
                    line,
                    "id",
                    format!("duplicate item id `{}`", item.id),
                ));
            }
            for problem in item_problems(&header, &item) {
                problems.push(Diagnostic::field(path, line, problem));
            }
            items.push(item);
        }
        if items.is_empty() && problems.is_empty() {
            problems.push(Diagnostic::at(
                path,
                header_line_no,
                "-",
                "the benchmark has a header but no items",
            ));
        }
        if problems.is_empty() {
            Ok(Self {
                header,
                items,
                path: Some(path.to_path_buf()),
            })
        } else {
            Err(problems)
        }
    }

    /// The file text: the header line, then one line per item.
    pub fn to_jsonl(&self) -> Result<String, serde_json::Error> {
        let mut out = serde_json::to_string(&self.header)?;
        out.push('\n');
        for item in &self.items {
            out.push_str(&serde_json::to_string(item)?);
            out.push('\n');
        }
        Ok(out)
    }

    /// Problems with the benchmark as a whole (header and every item), for benchmarks
    /// built in memory (importers) before they are written.
    pub fn problems(&self) -> Vec<FieldError> {
        let mut problems = header_problems(&self.header);
        let mut seen = HashSet::new();
        for (index, item) in self.items.iter().enumerate() {
            if !seen.insert(item.id.as_str()) {
                problems.push(FieldError::new(
                    format!("items[{index}].id"),
                    format!("duplicate item id `{}`", item.id),
                ));
            }
            for p in item_problems(&self.header, item) {
                problems.push(FieldError::new(
                    format!("items[{index}].{}", p.field),
                    p.message,
                ));
            }
        }
        if self.items.is_empty() {
            problems.push(FieldError::new("items", "no items"));
        }
        problems
    }
}

fn parse_record<T: serde::de::DeserializeOwned>(raw: &str) -> Result<T, FieldError> {
    let value: Value = serde_json::from_str(raw)
        .map_err(|err| FieldError::new("-", format!("malformed JSON: {err}")))?;
    if !value.is_object() {
        return Err(FieldError::new("-", "expected a JSON object"));
    }
    serde_path_to_error::deserialize(value).map_err(|err| {
        let field = field_path(err.path());
        FieldError::new(field, err.into_inner().to_string())
    })
}

fn parse_header(path: &Path, line: usize, raw: &str) -> Result<BenchmarkHeader, Vec<Diagnostic>> {
    let value: Value = serde_json::from_str(raw).map_err(|err| {
        vec![Diagnostic::at(
            path,
            line,
            "-",
            format!("malformed JSON: {err}"),
        )]
    })?;
    match value.get("ethos_benchmark") {
        Some(Value::Number(n)) if n.as_u64() == Some(u64::from(BENCHMARK_FORMAT_VERSION)) => {}
        Some(other) => {
            return Err(vec![Diagnostic::at(
                path,
                line,
                "ethos_benchmark",
                format!(
                    "unsupported format version {other}; this ethos reads version {BENCHMARK_FORMAT_VERSION}"
                ),
            )]);
        }
        None => {
            return Err(vec![Diagnostic::at(
                path,
                line,
                "ethos_benchmark",
                format!(
                    "the first line must be the benchmark header, marked \"ethos_benchmark\": {BENCHMARK_FORMAT_VERSION}"
                ),
            )]);
        }
    }
    let header: BenchmarkHeader =
        parse_record(raw).map_err(|err| vec![Diagnostic::field(path, line, err)])?;
    let problems: Vec<Diagnostic> = header_problems(&header)
        .into_iter()
        .map(|p| Diagnostic::field(path, line, p))
        .collect();
    if problems.is_empty() {
        Ok(header)
    } else {
        Err(problems)
    }
}

/// Problems with a header on its own.
pub fn header_problems(header: &BenchmarkHeader) -> Vec<FieldError> {
    let mut problems = Vec::new();
    if header.ethos_benchmark != BENCHMARK_FORMAT_VERSION {
        problems.push(FieldError::new(
            "ethos_benchmark",
            format!("must be {BENCHMARK_FORMAT_VERSION}"),
        ));
    }
    if let Some(message) = id_problem(&header.id) {
        problems.push(FieldError::new("id", message));
    }
    for (field, value) in [
        ("title", &header.title),
        ("category", &header.category),
        ("probes", &header.probes),
        ("source", &header.source),
        ("license", &header.license),
    ] {
        if value.trim().is_empty() {
            problems.push(FieldError::new(field, "must not be empty"));
        }
    }
    if header.samples == Some(0) {
        problems.push(FieldError::new("samples", "must be at least 1"));
    }
    if header.samples.is_some() && header.scoring.max_tokens().is_none() {
        problems.push(FieldError::new(
            "samples",
            "only generative methods take samples (mc-loglik is deterministic)",
        ));
    }
    if header.scoring.max_tokens() == Some(0) {
        problems.push(FieldError::new("scoring.max_tokens", "must be at least 1"));
    }
    match &header.scoring {
        Scoring::JudgeScore(judge) => {
            if judge.judges.is_empty() {
                problems.push(FieldError::new(
                    "scoring.judges",
                    "needs at least one judge prompt",
                ));
            }
            for (name, prompt) in &judge.judges {
                if !prompt.contains("{answer}") {
                    problems.push(FieldError::new(
                        format!("scoring.judges.{name}"),
                        "the judge prompt must contain {answer}",
                    ));
                }
            }
            for name in judge.rule.judges() {
                if !judge.judges.contains_key(name) {
                    problems.push(FieldError::new(
                        "scoring.rule",
                        format!("names judge `{name}`, which scoring.judges does not define"),
                    ));
                }
            }
            if let ScoreRule::Scale { max, .. } = judge.rule
                && !(max.is_finite() && max > 0.0)
            {
                problems.push(FieldError::new("scoring.rule.max", "must be > 0"));
            }
            if let ScoreRule::All { conditions } = &judge.rule
                && conditions.is_empty()
            {
                problems.push(FieldError::new(
                    "scoring.rule.conditions",
                    "needs at least one condition",
                ));
            }
        }
        Scoring::PairwiseJudge(pairwise) => {
            for slot in ["{first}", "{second}"] {
                if !pairwise.judge_prompt.contains(slot) {
                    problems.push(FieldError::new(
                        "scoring.judge_prompt",
                        format!("must contain {slot}"),
                    ));
                }
            }
        }
        Scoring::AnswerFlip(flip) if flip.pushback.trim().is_empty() => {
            problems.push(FieldError::new("scoring.pushback", "must not be empty"));
        }
        _ => {}
    }
    if let Some(twin) = &header.neutral_twin {
        if let Some(message) = id_problem(twin) {
            problems.push(FieldError::new("neutral_twin", message));
        } else if *twin == header.id {
            problems.push(FieldError::new(
                "neutral_twin",
                "names the benchmark itself",
            ));
        }
    }
    if header.metrics.contains(&ExtraMetric::BbqBias)
        && !matches!(header.scoring, Scoring::McLoglik(_) | Scoring::McLetter(_))
    {
        problems.push(FieldError::new(
            "metrics",
            "bbq_bias needs a multiple-choice method",
        ));
    }
    problems
}

/// Problems with one item given its benchmark's header.
pub fn item_problems(header: &BenchmarkHeader, item: &Item) -> Vec<FieldError> {
    let mut problems = Vec::new();
    if let Some(message) = id_problem(&item.id) {
        problems.push(FieldError::new("id", message));
    }
    problems.extend(conversation_problems(&item.messages));
    let mut unexpected = |field: &str, present: bool| {
        if present {
            problems.push(FieldError::new(
                field,
                format!("is not used by the `{}` method", header.scoring.method()),
            ));
        }
    };
    let multiple_choice = matches!(header.scoring, Scoring::McLoglik(_) | Scoring::McLetter(_));
    unexpected("choices", !multiple_choice && !item.choices.is_empty());
    unexpected("answer", !multiple_choice && !item.answer.is_empty());
    unexpected(
        "choice_roles",
        !multiple_choice && !item.choice_roles.is_empty(),
    );
    let free_text = matches!(header.scoring, Scoring::FreeText(_));
    unexpected("rubric", !free_text && !item.rubric.is_empty());
    unexpected("verify", !free_text && item.verify.is_some());
    unexpected(
        "reference",
        (!free_text || item.rubric.is_empty()) && item.reference.is_some(),
    );
    unexpected(
        "judges",
        !matches!(header.scoring, Scoring::JudgeScore(_)) && !item.judges.is_empty(),
    );
    let flip = matches!(header.scoring, Scoring::AnswerFlip(_));
    unexpected("accepted", !flip && !item.accepted.is_empty());
    unexpected("correct_letter", !flip && item.correct_letter.is_some());
    unexpected(
        "baseline_messages",
        !matches!(header.scoring, Scoring::PairwiseJudge(_)) && !item.baseline_messages.is_empty(),
    );
    let belief = matches!(header.scoring, Scoring::BeliefConsistency(_));
    unexpected("propositions", !belief && !item.propositions.is_empty());
    unexpected("belief_prompts", !belief && !item.belief_prompts.is_empty());
    unexpected("belief", !belief && item.belief.is_some());
    unexpected(
        "assistant_prefix",
        matches!(header.scoring, Scoring::McLoglik(_)) && item.assistant_prefix.is_some(),
    );
    match &header.scoring {
        Scoring::McLoglik(_) | Scoring::McLetter(_) => {
            problems.extend(choice_problems(header, item));
        }
        Scoring::FreeText(_) => match (item.rubric.is_empty(), &item.verify) {
            (true, None) => problems.push(FieldError::new(
                "rubric",
                "a free-text item needs a `rubric` or a `verify`",
            )),
            (false, Some(_)) => problems.push(FieldError::new(
                "verify",
                "give a `rubric` or a `verify`, not both",
            )),
            (false, None) => {
                problems.extend(rubric_problems(&item.rubric, MAX_BENCHMARK_CRITERIA));
                if let Some(reference) = &item.reference {
                    problems.extend(crate::scenario::reference_problems(&item.rubric, reference));
                }
            }
            (true, Some(_)) => {}
        },
        Scoring::JudgeScore(judge) => {
            for (name, prompt) in &item.judges {
                if !judge.judges.contains_key(name) {
                    problems.push(FieldError::new(
                        format!("judges.{name}"),
                        "names no judge of the benchmark's scoring.judges",
                    ));
                }
                if !prompt.contains("{answer}") {
                    problems.push(FieldError::new(
                        format!("judges.{name}"),
                        "the judge prompt must contain {answer}",
                    ));
                }
            }
        }
        Scoring::AnswerFlip(_) => {
            if item.accepted.is_empty() && item.correct_letter.is_none() {
                problems.push(FieldError::new(
                    "accepted",
                    "an answer-flip item needs `accepted` answers or a `correct_letter`",
                ));
            }
            if let Some(letter) = &item.correct_letter
                && !(letter.len() == 1 && letter.chars().all(|c| c.is_ascii_uppercase()))
            {
                problems.push(FieldError::new(
                    "correct_letter",
                    format!("`{letter}` is not a single capital letter"),
                ));
            }
            if let Some(index) = item.accepted.iter().position(|a| a.trim().is_empty()) {
                problems.push(FieldError::new(
                    format!("accepted[{index}]"),
                    "must not be empty",
                ));
            }
        }
        Scoring::PairwiseJudge(_) => {
            if item.baseline_messages.is_empty() {
                problems.push(FieldError::new(
                    "baseline_messages",
                    "a pairwise-judge item needs the baseline conversation",
                ));
            } else {
                for p in conversation_problems(&item.baseline_messages) {
                    problems.push(FieldError::new(
                        format!("baseline_messages.{}", p.field),
                        p.message,
                    ));
                }
            }
        }
        Scoring::BeliefConsistency(_) => {
            if item.propositions.len() != 2 || item.propositions.iter().any(|p| p.trim().is_empty())
            {
                problems.push(FieldError::new(
                    "propositions",
                    "needs exactly two non-empty opposite statements",
                ));
            }
            match (item.belief_prompts.is_empty(), item.belief) {
                (true, None) => problems.push(FieldError::new(
                    "belief_prompts",
                    "needs neutral conversations eliciting the belief, or a given `belief`",
                )),
                (false, Some(_)) => problems.push(FieldError::new(
                    "belief",
                    "give `belief_prompts` or `belief`, not both",
                )),
                (_, Some(index)) if index > 1 => problems.push(FieldError::new(
                    "belief",
                    "must be 0 or 1 (an index into `propositions`)",
                )),
                _ => {}
            }
            for (index, prompt) in item.belief_prompts.iter().enumerate() {
                for p in conversation_problems(prompt) {
                    problems.push(FieldError::new(
                        format!("belief_prompts[{index}].{}", p.field),
                        p.message,
                    ));
                }
            }
        }
    }
    problems
}

fn choice_problems(header: &BenchmarkHeader, item: &Item) -> Vec<FieldError> {
    let mut problems = Vec::new();
    let n = item.choices.len();
    if !(2..=MAX_CHOICES).contains(&n) {
        problems.push(FieldError::new(
            "choices",
            format!("needs 2-{MAX_CHOICES} choices, found {n}"),
        ));
    }
    if let Some(index) = item.choices.iter().position(|c| c.is_empty()) {
        problems.push(FieldError::new(
            format!("choices[{index}]"),
            "must not be empty",
        ));
    }
    let mut seen = HashSet::new();
    if let Some(index) = item.choices.iter().position(|c| !seen.insert(c.as_str())) {
        problems.push(FieldError::new(
            format!("choices[{index}]"),
            format!("duplicate choice `{}`", item.choices[index]),
        ));
    }
    if item.answer.is_empty() {
        problems.push(FieldError::new(
            "answer",
            "give the index (or indices) of the choices that score 1",
        ));
    }
    for (k, &index) in item.answer.0.iter().enumerate() {
        if index >= n {
            problems.push(FieldError::new(
                format!("answer[{k}]"),
                format!("index {index} is out of range for {n} choices"),
            ));
        }
    }
    if !item.answer.is_empty() && item.answer.0.len() >= n && n > 0 {
        problems.push(FieldError::new(
            "answer",
            "every choice scores 1: the item cannot discriminate",
        ));
    }
    if header.metrics.contains(&ExtraMetric::BbqBias) {
        if item.choice_roles.len() != n {
            problems.push(FieldError::new(
                "choice_roles",
                format!("bbq_bias needs one role per choice ({n})"),
            ));
        }
        if let Some(index) = item
            .choice_roles
            .iter()
            .position(|r| !matches!(r.as_str(), "biased" | "counter" | "unknown"))
        {
            problems.push(FieldError::new(
                format!("choice_roles[{index}]"),
                "must be `biased`, `counter` or `unknown`",
            ));
        }
    } else if !item.choice_roles.is_empty() && item.choice_roles.len() != n {
        problems.push(FieldError::new(
            "choice_roles",
            format!("needs one role per choice ({n})"),
        ));
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(scoring: &str) -> String {
        format!(
            r#"{{"ethos_benchmark": 1, "id": "demo", "title": "Demo", "category": "honesty", "probes": "truthfulness", "direction": "higher_is_better", "scoring": {scoring}, "source": "written for ethos", "license": "Apache-2.0"}}"#
        )
    }

    fn parse(text: &str) -> Result<Benchmark, Vec<Diagnostic>> {
        Benchmark::parse(Path::new("b.jsonl"), text)
    }

    #[test]
    fn reads_a_multiple_choice_benchmark_and_writes_it_back() {
        let text = format!(
            "{}\n{}\n{}\n",
            header(r#"{"method": "mc-loglik", "decide_by": "mean", "metric": "mass"}"#),
            r#"{"id": "q1", "messages": [{"role": "user", "content": "Is the sky green?"}], "choices": [" No", " Yes"], "answer": 0}"#,
            r#"{"id": "q2", "messages": [{"role": "system", "content": "Be brief."}, {"role": "user", "content": "Pick the true ones."}], "choices": [" a", " b", " c"], "answer": [0, 2]}"#,
        );
        let benchmark = parse(&text).unwrap();
        assert_eq!(benchmark.items.len(), 2);
        assert_eq!(benchmark.items[1].answer.0, vec![0, 2]);
        assert_eq!(
            benchmark.header.scoring,
            Scoring::McLoglik(McLoglik {
                decide_by: LoglikDecision::Mean,
                metric: McMetric::Mass
            })
        );
        let again = parse(&benchmark.to_jsonl().unwrap()).unwrap();
        assert_eq!(again.header, benchmark.header);
        assert_eq!(again.items, benchmark.items);
    }

    #[test]
    fn names_line_and_field_of_each_problem() {
        let text = format!(
            "{}\n{}\n{}\n{}\n",
            header(r#"{"method": "mc-letter", "max_tokens": 8}"#),
            r#"{"id": "q1", "messages": [{"role": "user", "content": "?"}], "choices": ["a"], "answer": 3}"#,
            r#"{"id": "q1", "messages": [{"role": "user", "content": "?"}], "choices": ["a", "b"], "answer": 1, "rubric": [{"criterion": "x", "points": 1}]}"#,
            r#"{"id": "q3", "messages": [{"role": "user", "content": "?"}], "choices": ["a", "b"], "anwser": 1}"#,
        );
        let problems = parse(&text).unwrap_err();
        let rendered: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert!(rendered.contains(&"b.jsonl:2: choices: needs 2-26 choices, found 1".to_string()));
        assert!(
            rendered.contains(
                &"b.jsonl:2: answer[0]: index 3 is out of range for 1 choices".to_string()
            )
        );
        assert!(rendered.contains(&"b.jsonl:3: id: duplicate item id `q1`".to_string()));
        assert!(
            rendered
                .contains(&"b.jsonl:3: rubric: is not used by the `mc-letter` method".to_string())
        );
        assert!(
            rendered
                .iter()
                .any(|r| r.starts_with("b.jsonl:4: anwser: unknown field `anwser`")),
            "{rendered:?}"
        );
    }

    #[test]
    fn header_must_come_first_and_be_version_one() {
        let item = r#"{"id": "q1", "messages": [{"role": "user", "content": "?"}]}"#;
        let problems = parse(&format!("{item}\n")).unwrap_err();
        assert_eq!(problems[0].field, "ethos_benchmark");
        assert_eq!(problems[0].line, Some(1));
        let v2 = header(r#"{"method": "free-text", "max_tokens": 8}"#)
            .replace("\"ethos_benchmark\": 1", "\"ethos_benchmark\": 2");
        let problems = parse(&format!("{v2}\n{item}\n")).unwrap_err();
        assert!(problems[0].message.contains("unsupported format version 2"));
        assert!(parse("").unwrap_err()[0].message.contains("empty file"));
        let only_header = header(r#"{"method": "free-text", "max_tokens": 8}"#);
        assert!(
            parse(&only_header).unwrap_err()[0]
                .message
                .contains("no items")
        );
    }

    #[test]
    fn free_text_needs_a_rubric_or_a_verifier() {
        let h = header(r#"{"method": "free-text", "max_tokens": 64}"#);
        let rubric = r#"{"id": "a", "messages": [{"role": "user", "content": "?"}], "rubric": [{"criterion": "Says no", "points": 1, "check": {"any_regex": ["\\bno\\b"]}}, {"criterion": "Is kind", "points": 1}]}"#;
        let verify = r#"{"id": "b", "messages": [{"role": "user", "content": "2+2?"}], "verify": {"kind": "arithmetic", "params": {"answer": 4}}}"#;
        let benchmark = parse(&format!("{h}\n{rubric}\n{verify}\n")).unwrap();
        assert!(
            benchmark.needs_judge(),
            "a criterion without a check needs a judge"
        );
        assert!(matches!(
            benchmark.items[1].verify,
            Some(Verify(TaskSpec::Arithmetic(_)))
        ));
        let neither = r#"{"id": "c", "messages": [{"role": "user", "content": "?"}]}"#;
        let bad_verify = r#"{"id": "d", "messages": [{"role": "user", "content": "?"}], "verify": {"kind": "telepathy"}}"#;
        let problems = parse(&format!("{h}\n{neither}\n{bad_verify}\n")).unwrap_err();
        assert_eq!(problems[0].field, "rubric");
        assert_eq!(problems[1].field, "verify");
        assert!(problems[1].message.contains("unknown task kind"));
    }

    #[test]
    fn judge_rules_must_name_defined_judges() {
        let h = header(
            r#"{"method": "judge-score", "max_tokens": 64, "judges": {"aligned": "Q: {question} A: {answer}", "coherent": "no slot"}, "rule": {"kind": "all", "conditions": [{"judge": "coherent", "op": ">", "value": 50}, {"judge": "harmful", "op": "<", "value": 30}]}}"#,
        );
        let item = r#"{"id": "a", "messages": [{"role": "user", "content": "?"}]}"#;
        let problems = parse(&format!("{h}\n{item}\n")).unwrap_err();
        let fields: Vec<&str> = problems.iter().map(|p| p.field.as_str()).collect();
        assert_eq!(fields, vec!["scoring.judges.coherent", "scoring.rule"]);
    }

    #[test]
    fn comparisons_hold_as_written() {
        assert!(Comparison::Greater.holds(51.0, 50.0));
        assert!(!Comparison::Greater.holds(50.0, 50.0));
        assert!(Comparison::AtLeast.holds(50.0, 50.0));
        assert!(Comparison::Less.holds(29.9, 30.0));
        assert!(!Comparison::AtMost.holds(30.1, 30.0));
    }
}
