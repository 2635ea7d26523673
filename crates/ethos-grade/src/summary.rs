//! Graded records (one per item) and their summary.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::error::GradeError;
use crate::grade::{Cost, CriterionVerdict, Grade, GradeItem};

/// Why an item has no grade.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RecordError {
    /// Machine-readable kind ([`GradeError::kind`]).
    pub kind: String,
    /// The full message.
    pub message: String,
}

/// One line of `ethos grade --out`: an item, its grade or the reason there is none.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GradedRecord {
    /// The item's id.
    pub id: String,
    /// `scenario` or `task`.
    pub kind: String,
    /// The scenario's trait.
    #[serde(default, rename = "trait", skip_serializing_if = "Option::is_none")]
    pub trait_id: Option<String>,
    /// The scenario's domain.
    #[serde(default, rename = "domain", skip_serializing_if = "Option::is_none")]
    pub domain_id: Option<String>,
    /// The grader's id.
    pub grader: String,
    /// The score, absent when grading failed.
    pub score: Option<f64>,
    /// Per-criterion verdicts.
    pub verdicts: Vec<CriterionVerdict>,
    /// What grading cost.
    pub cost: Cost,
    /// Why there is no score.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<RecordError>,
}

impl GradedRecord {
    /// The record for `item` from a grading outcome.
    pub fn new(item: &GradeItem, grader: &str, outcome: Result<Grade, GradeError>) -> Self {
        let (score, verdicts, cost, error) = match outcome {
            Ok(grade) => (Some(grade.score), grade.verdicts, grade.cost, None),
            Err(err) => (
                None,
                Vec::new(),
                Cost::default(),
                Some(RecordError {
                    kind: err.kind().to_string(),
                    message: err.to_string(),
                }),
            ),
        };
        Self {
            id: item.id().to_string(),
            kind: item.kind().to_string(),
            trait_id: item.trait_id().map(str::to_string),
            domain_id: item.domain_id().map(str::to_string),
            grader: grader.to_string(),
            score,
            verdicts,
            cost,
            error,
        }
    }
}

/// A mean over a group of items.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct GroupMean {
    /// Graded items in the group.
    pub n: usize,
    /// Their mean score (unclipped).
    pub mean: f64,
}

/// What `ethos grade` prints.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GradeSummary {
    /// The grader's id.
    pub grader: String,
    /// Items seen.
    pub items: usize,
    /// Items with a score.
    pub graded: usize,
    /// Items without one.
    pub failures: usize,
    /// Failures by kind.
    pub failures_by_kind: BTreeMap<String, usize>,
    /// Mean score over graded items (per-item scores can be negative).
    pub mean: Option<f64>,
    /// The mean clipped to [0, 1] (HealthBench's aggregate).
    pub clipped_mean: Option<f64>,
    /// Means per trait (scenarios).
    pub per_trait: BTreeMap<String, GroupMean>,
    /// Means per domain (scenarios).
    pub per_domain: BTreeMap<String, GroupMean>,
    /// Means per item kind (`scenario`, `task`).
    pub per_kind: BTreeMap<String, GroupMean>,
    /// Criteria where a second grader disagreed (composite `both` mode).
    pub disagreements: usize,
    /// Verdicts checked by both graders (composite `both` mode).
    pub double_checked: usize,
    /// Total cost.
    pub cost: Cost,
}

fn means(groups: BTreeMap<String, Vec<f64>>) -> BTreeMap<String, GroupMean> {
    groups
        .into_iter()
        .map(|(k, v)| {
            let mean = v.iter().sum::<f64>() / v.len() as f64;
            (k, GroupMean { n: v.len(), mean })
        })
        .collect()
}

impl GradeSummary {
    /// Summarises graded records.
    pub fn from_records(grader: &str, records: &[GradedRecord]) -> Self {
        let mut failures_by_kind = BTreeMap::new();
        let (mut traits, mut domains, mut kinds) =
            (BTreeMap::new(), BTreeMap::new(), BTreeMap::new());
        let mut scores = Vec::new();
        let mut cost = Cost::default();
        let (mut disagreements, mut double_checked) = (0, 0);
        for record in records {
            cost.add(&record.cost);
            disagreements += record.verdicts.iter().filter(|v| v.disagrees()).count();
            double_checked += record
                .verdicts
                .iter()
                .filter(|v| v.second_opinion.is_some())
                .count();
            let Some(score) = record.score else {
                let kind = record.error.as_ref().map_or("unknown", |e| e.kind.as_str());
                *failures_by_kind.entry(kind.to_string()).or_insert(0) += 1;
                continue;
            };
            scores.push(score);
            let push = |map: &mut BTreeMap<String, Vec<f64>>, key: &Option<String>| {
                if let Some(key) = key {
                    map.entry(key.clone()).or_default().push(score);
                }
            };
            push(&mut traits, &record.trait_id);
            push(&mut domains, &record.domain_id);
            push(&mut kinds, &Some(record.kind.clone()));
        }
        let mean = (!scores.is_empty()).then(|| scores.iter().sum::<f64>() / scores.len() as f64);
        Self {
            grader: grader.to_string(),
            items: records.len(),
            graded: scores.len(),
            failures: records.len() - scores.len(),
            failures_by_kind,
            mean,
            clipped_mean: mean.map(|m| m.clamp(0.0, 1.0)),
            per_trait: means(traits),
            per_domain: means(domains),
            per_kind: means(kinds),
            disagreements,
            double_checked,
            cost,
        }
    }
}
