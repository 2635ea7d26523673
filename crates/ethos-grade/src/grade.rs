//! What a grader returns, and the trait every grader implements.

use ethos_core::{Criterion, Message, Scenario, Task};
use serde::{Deserialize, Serialize};

use crate::error::GradeError;

/// Something a response can be graded against.
#[derive(Debug, Clone)]
pub enum GradeItem {
    /// A trait scenario with a rubric.
    Scenario(Scenario),
    /// A standard task with a verifier.
    Task(Task),
}

impl GradeItem {
    /// The item's id.
    pub fn id(&self) -> &str {
        match self {
            Self::Scenario(s) => &s.id,
            Self::Task(t) => &t.id,
        }
    }

    /// The conversation the response answers.
    pub fn messages(&self) -> &[Message] {
        match self {
            Self::Scenario(s) => &s.messages,
            Self::Task(t) => &t.messages,
        }
    }

    /// The rubric, empty for tasks.
    pub fn rubric(&self) -> &[Criterion] {
        match self {
            Self::Scenario(s) => &s.rubric,
            Self::Task(_) => &[],
        }
    }

    /// `scenario` or `task`.
    pub fn kind(&self) -> &'static str {
        match self {
            Self::Scenario(_) => "scenario",
            Self::Task(_) => "task",
        }
    }

    /// The trait a scenario targets.
    pub fn trait_id(&self) -> Option<&str> {
        match self {
            Self::Scenario(s) => Some(&s.trait_id),
            Self::Task(_) => None,
        }
    }

    /// The domain a scenario is set in.
    pub fn domain_id(&self) -> Option<&str> {
        match self {
            Self::Scenario(s) => Some(&s.domain_id),
            Self::Task(_) => None,
        }
    }
}

/// One response to grade against one item.
#[derive(Debug, Clone, Copy)]
pub struct GradeJob<'a> {
    /// What the response answers.
    pub item: &'a GradeItem,
    /// The response (the final assistant turn).
    pub response: &'a str,
}

/// The verdict on one rubric criterion (or one task).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CriterionVerdict {
    /// 1-based position in the rubric.
    pub index: usize,
    /// The criterion's text.
    pub criterion: String,
    /// Its points (negative for undesirable behaviour).
    pub points: i32,
    /// Whether the behaviour it describes is present.
    pub met: bool,
    /// Why, in the decider's words.
    pub explanation: String,
    /// Id of the grader that decided (`rules`, `task`, or the judge's id).
    pub decided_by: String,
    /// A second grader's verdict where both were asked (composite `both` mode).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub second_opinion: Option<SecondOpinion>,
}

/// Another grader's verdict on the same criterion.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SecondOpinion {
    /// That grader's id.
    pub grader: String,
    /// Its verdict.
    pub met: bool,
    /// Its explanation.
    pub explanation: String,
}

impl CriterionVerdict {
    /// True when a second grader was asked and disagreed.
    pub fn disagrees(&self) -> bool {
        self.second_opinion
            .as_ref()
            .is_some_and(|o| o.met != self.met)
    }
}

/// What a grade cost.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct Cost {
    /// Model calls made (retries included; cache hits excluded).
    pub calls: u64,
    /// Prompt tokens sent to the judge.
    pub prompt_tokens: u64,
    /// Tokens the judge generated.
    pub completion_tokens: u64,
    /// Wall-clock milliseconds spent on this item's calls.
    pub millis: u64,
    /// Verdicts served from the cache.
    pub cache_hits: u64,
}

impl Cost {
    /// Adds another cost to this one.
    pub fn add(&mut self, other: &Cost) {
        self.calls += other.calls;
        self.prompt_tokens += other.prompt_tokens;
        self.completion_tokens += other.completion_tokens;
        self.millis += other.millis;
        self.cache_hits += other.cache_hits;
    }
}

/// A graded response.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Grade {
    /// For rubrics: points of met criteria (negatives included) over the positive points;
    /// may fall below 0. For tasks: the verifier's reward in [0, 1].
    pub score: f64,
    /// One verdict per criterion (one for a task).
    pub verdicts: Vec<CriterionVerdict>,
    /// What it cost.
    pub cost: Cost,
    /// Id of the grader that produced it.
    pub grader: String,
}

impl Grade {
    /// Builds a rubric grade from verdicts in rubric order.
    pub fn from_verdicts(grader: String, verdicts: Vec<CriterionVerdict>, cost: Cost) -> Self {
        let score = rubric_score(verdicts.iter().map(|v| (v.points, v.met)));
        Self {
            score,
            verdicts,
            cost,
            grader,
        }
    }

    /// Number of criteria where a second grader disagreed.
    pub fn disagreements(&self) -> usize {
        self.verdicts.iter().filter(|v| v.disagrees()).count()
    }
}

/// HealthBench's per-item score: the points of met criteria (negative ones included)
/// divided by the sum of the positive points. 0 when no criterion has positive points.
pub fn rubric_score(verdicts: impl IntoIterator<Item = (i32, bool)>) -> f64 {
    let (mut achieved, mut possible) = (0i64, 0i64);
    for (points, met) in verdicts {
        if met {
            achieved += i64::from(points);
        }
        if points > 0 {
            possible += i64::from(points);
        }
    }
    if possible == 0 {
        0.0
    } else {
        achieved as f64 / possible as f64
    }
}

/// Turns responses into grades.
pub trait Grader: Send + Sync {
    /// A stable id naming the grader and its configuration (part of cache keys).
    fn id(&self) -> String;

    /// Grades many responses; the result at position i belongs to `jobs[i]`. Graders that
    /// call models overlap those calls.
    fn grade_batch(&self, jobs: &[GradeJob<'_>]) -> Vec<Result<Grade, GradeError>>;

    /// Grades one response.
    fn grade(&self, item: &GradeItem, response: &str) -> Result<Grade, GradeError> {
        self.grade_batch(&[GradeJob { item, response }])
            .pop()
            .unwrap_or_else(|| {
                Err(GradeError::Config(format!(
                    "grader {} returned no grade",
                    self.id()
                )))
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rubric_score_counts_negative_points_against_positive_total() {
        // HealthBench: (met points, negatives included) / (sum of positive points).
        assert_eq!(
            rubric_score([(5, true), (3, false), (-2, false)]),
            5.0 / 8.0
        );
        assert_eq!(rubric_score([(5, true), (3, true), (-2, true)]), 6.0 / 8.0);
        assert_eq!(rubric_score([(5, false), (-4, true)]), -4.0 / 5.0);
        assert_eq!(rubric_score([(-4, true)]), 0.0);
        assert_eq!(rubric_score([]), 0.0);
    }
}
