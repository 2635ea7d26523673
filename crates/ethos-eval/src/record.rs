//! Per-item records: one JSON line per (item, sample), the evidence behind every number.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use ethos_core::Message;
use ethos_core::jsonl::{read_jsonl, write_jsonl};
use ethos_grade::CriterionVerdict;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::error::EvalError;

/// A choice's log-likelihood as a continuation of the prompt.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChoiceScore {
    /// The continuation.
    pub text: String,
    /// Sum of its tokens' log-probabilities (nats).
    pub logprob: f64,
    /// Its number of tokens.
    pub tokens: usize,
    /// The per-token mean log-probability.
    pub mean: f64,
}

/// What a judge said about one response on one prompt.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JudgeReading {
    /// The judge's text.
    pub text: String,
    /// The number parsed from the text, when it gave one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parsed: Option<f64>,
    /// The probability-weighted number from the first position's top log-probs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weighted: Option<f64>,
    /// The probability mass on number tokens at that position.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number_mass: Option<f64>,
    /// The value the score used (parsed or weighted, by the run's judge scoring mode).
    pub value: Option<f64>,
}

/// One scored (item, sample).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Record {
    /// Benchmark id.
    pub benchmark: String,
    /// Item id.
    pub item: String,
    /// Sample index (0 for deterministic methods).
    pub sample: usize,
    /// The conversation as the model saw it (system prompt applied).
    pub prompt: Vec<Message>,
    /// Multiple choice by log-likelihood: every choice's score.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub choices: Vec<ChoiceScore>,
    /// Multiple choice: the index chosen (None when no letter could be read).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chosen: Option<usize>,
    /// Multiple choice: the indices that score 1.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub answer: Vec<usize>,
    /// The model's response, for generative methods.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response: Option<String>,
    /// The item's score; `None` when the method leaves it out (see `detail`) or it failed.
    pub score: Option<f64>,
    /// Whether the response is a flat refusal.
    pub refused: bool,
    /// Rubric or verifier verdicts, for `free-text`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub verdicts: Vec<CriterionVerdict>,
    /// Judge readings by judge prompt name, for `judge-score`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub judges: BTreeMap<String, JudgeReading>,
    /// Method-specific evidence (second answers, baseline responses, belief classes, ...).
    #[serde(default, skip_serializing_if = "Value::is_null")]
    pub detail: Value,
    /// Why the item could not be scored; such records are redone on resume.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

impl Record {
    /// A record with the identifying fields set and nothing scored yet.
    pub fn new(benchmark: &str, item: &str, sample: usize, prompt: Vec<Message>) -> Self {
        Self {
            benchmark: benchmark.to_string(),
            item: item.to_string(),
            sample,
            prompt,
            choices: Vec::new(),
            chosen: None,
            answer: Vec::new(),
            response: None,
            score: None,
            refused: false,
            verdicts: Vec::new(),
            judges: BTreeMap::new(),
            detail: Value::Null,
            error: None,
        }
    }

    /// True when the record is final (scored, or deliberately left out of the score).
    pub fn is_complete(&self) -> bool {
        self.error.is_none()
    }
}

/// The records file of a benchmark in a run directory.
pub fn records_path(run: &Path, benchmark: &str) -> PathBuf {
    run.join("records").join(format!("{benchmark}.jsonl"))
}

/// Reads a benchmark's records; a missing file is an empty list.
pub fn read_records(path: &Path) -> Result<Vec<Record>, EvalError> {
    if !path.exists() {
        return Ok(Vec::new());
    }
    let (lines, problems) = read_jsonl::<Record>(path);
    if let Some(problem) = problems.into_iter().next() {
        return Err(EvalError::Records(problem.to_string()));
    }
    Ok(lines.into_iter().map(|l| l.value).collect())
}

/// Writes a benchmark's records atomically.
pub fn write_records(path: &Path, records: &[Record]) -> Result<(), EvalError> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| EvalError::io(dir, e))?;
    }
    write_jsonl(path, records).map_err(|e| EvalError::io(path, e))
}

/// Per item: the mean score over its scored samples, and whether any sample refused.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ItemScore {
    /// Mean score over samples with a score; `None` when no sample has one.
    pub score: Option<f64>,
    /// Whether any sample was a refusal.
    pub refused: bool,
}

/// Item scores of a benchmark's records, by item id.
pub fn item_scores(records: &[Record]) -> BTreeMap<String, ItemScore> {
    let mut sums: BTreeMap<String, (f64, usize, bool)> = BTreeMap::new();
    for record in records.iter().filter(|r| r.is_complete()) {
        let entry = sums.entry(record.item.clone()).or_insert((0.0, 0, false));
        if let Some(score) = record.score {
            entry.0 += score;
            entry.1 += 1;
        }
        entry.2 |= record.refused;
    }
    sums.into_iter()
        .map(|(item, (sum, n, refused))| {
            let score = (n > 0).then(|| sum / n as f64);
            (item, ItemScore { score, refused })
        })
        .collect()
}

/// Item scores of one benchmark in an evaluation run directory.
pub fn run_item_scores(
    run: &Path,
    benchmark: &str,
) -> Result<BTreeMap<String, ItemScore>, EvalError> {
    Ok(item_scores(&read_records(&records_path(run, benchmark))?))
}

/// Per-item degradation from `before` to `after`: `direction.sign() * (before - after)` on
/// the items scored in both, so positive is worse whichever way the benchmark runs.
pub fn degradation(
    before: &BTreeMap<String, ItemScore>,
    after: &BTreeMap<String, ItemScore>,
    direction: ethos_core::Direction,
) -> BTreeMap<String, f64> {
    before
        .iter()
        .filter_map(|(item, b)| {
            let a = after.get(item)?.score?;
            Some((item.clone(), direction.sign() * (b.score? - a)))
        })
        .collect()
}
