//! The rule grader: machine checks for rubric criteria, verifiers for tasks.

use ethos_core::{Criterion, Task};

use crate::error::GradeError;
use crate::grade::{Cost, CriterionVerdict, Grade, GradeItem, GradeJob, Grader};

/// Id of the rule grader (and the `decided_by` of its verdicts).
pub const RULES_ID: &str = "rules";
/// `decided_by` of task verifier verdicts.
pub const TASK_ID: &str = "task";

/// Grades with the `check` of each criterion that has one, and tasks with their verifiers.
///
/// Criteria without a check are left to a judge (`composite:`); the rule grader scores a
/// rubric on its checked criteria alone. A negative criterion's check counts a pattern only
/// where it is affirmed ([`ethos_core::Check::holds_affirmed`]): a behaviour named to
/// decline it is not the behaviour.
#[derive(Debug, Clone, Copy, Default)]
pub struct RuleGrader;

impl RuleGrader {
    /// The verdict on one criterion, or `None` when it has no check.
    pub fn verdict(
        index: usize,
        criterion: &Criterion,
        response: &str,
    ) -> Option<CriterionVerdict> {
        let met = criterion.met_by(response)?;
        let spec = criterion
            .check
            .as_ref()
            .and_then(|c| serde_json::to_string(c.spec()).ok())
            .unwrap_or_default();
        Some(CriterionVerdict {
            index,
            criterion: criterion.criterion.clone(),
            points: criterion.points,
            met,
            explanation: format!(
                "check {spec} {}",
                if met { "holds" } else { "does not hold" }
            ),
            decided_by: RULES_ID.to_string(),
            second_opinion: None,
        })
    }

    /// Grades a task response with its verifier (reward in [0, 1], partial credit where the
    /// kind defines it).
    pub fn grade_task(task: &Task, response: &str) -> Grade {
        let verdict = task.spec.verify(response);
        Grade {
            score: verdict.score,
            verdicts: vec![CriterionVerdict {
                index: 1,
                criterion: format!("{} task", task.spec.kind()),
                points: 1,
                met: verdict.passed,
                explanation: verdict.reason,
                decided_by: TASK_ID.to_string(),
                second_opinion: None,
            }],
            cost: Cost::default(),
            grader: TASK_ID.to_string(),
        }
    }

    fn grade_one(item: &GradeItem, response: &str) -> Result<Grade, GradeError> {
        let scenario = match item {
            GradeItem::Task(task) => return Ok(Self::grade_task(task, response)),
            GradeItem::Scenario(scenario) => scenario,
        };
        if scenario.rubric.is_empty() {
            return Err(GradeError::Ungradable {
                item: scenario.id.clone(),
                grader: RULES_ID.to_string(),
                reason: "the scenario has no rubric".to_string(),
            });
        }
        let verdicts: Vec<CriterionVerdict> = scenario
            .rubric
            .iter()
            .enumerate()
            .filter_map(|(i, criterion)| Self::verdict(i + 1, criterion, response))
            .collect();
        if !verdicts.iter().any(|v| v.points > 0) {
            return Err(GradeError::Ungradable {
                item: scenario.id.clone(),
                grader: RULES_ID.to_string(),
                reason: "no criterion with positive points has a check (grade it with \
                         `composite:MODEL`)"
                    .to_string(),
            });
        }
        Ok(Grade::from_verdicts(
            RULES_ID.to_string(),
            verdicts,
            Cost::default(),
        ))
    }
}

impl Grader for RuleGrader {
    fn id(&self) -> String {
        RULES_ID.to_string()
    }

    fn grade_batch(&self, jobs: &[GradeJob<'_>]) -> Vec<Result<Grade, GradeError>> {
        jobs.iter()
            .map(|job| Self::grade_one(job.item, job.response))
            .collect()
    }
}
