//! The composite grader: rules where a criterion has a check, the judge elsewhere, or both
//! with disagreements reported. Tasks always go to their verifiers.

use ethos_core::Scenario;
use serde::Serialize;

use crate::error::GradeError;
use crate::grade::{CriterionVerdict, Grade, GradeItem, GradeJob, Grader, SecondOpinion};
use crate::judge::RubricJudge;
use crate::rules::{RULES_ID, RuleGrader};

/// Which grader decides each criterion.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CompositeMode {
    /// Checks only; a criterion without a check is an error.
    Rules,
    /// The judge for every criterion.
    Judge,
    /// The check where there is one, the judge elsewhere.
    Auto,
    /// Both where there is a check (the check decides, the judge's verdict is recorded as a
    /// second opinion and disagreements are counted); the judge elsewhere.
    Both,
}

impl CompositeMode {
    /// The mode's name in grader specs.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Rules => "rules",
            Self::Judge => "judge",
            Self::Auto => "composite",
            Self::Both => "both",
        }
    }
}

/// Rules, judge, or both, per criterion.
pub struct CompositeGrader {
    mode: CompositeMode,
    judge: Option<RubricJudge>,
}

impl CompositeGrader {
    /// A grader in `mode`; every mode but [`CompositeMode::Rules`] needs a judge.
    pub fn new(mode: CompositeMode, judge: Option<RubricJudge>) -> Result<Self, GradeError> {
        if mode != CompositeMode::Rules && judge.is_none() {
            return Err(GradeError::Config(format!(
                "grader mode `{}` needs a judge model",
                mode.as_str()
            )));
        }
        Ok(Self { mode, judge })
    }

    /// Rules only.
    pub fn rules() -> Self {
        Self {
            mode: CompositeMode::Rules,
            judge: None,
        }
    }

    /// The mode.
    pub fn mode(&self) -> CompositeMode {
        self.mode
    }
}

/// Work on one scenario job: the rule verdicts and which criteria go to the judge.
struct Plan {
    rules: Vec<Option<CriterionVerdict>>,
    judged: Vec<usize>,
    /// Index into the judge's batch.
    judge_job: Option<usize>,
}

impl Grader for CompositeGrader {
    fn id(&self) -> String {
        match (&self.judge, self.mode) {
            (None, _) | (_, CompositeMode::Rules) => RULES_ID.to_string(),
            (Some(judge), mode) => format!("{}[{}]", mode.as_str(), judge.id()),
        }
    }

    fn grade_batch(&self, jobs: &[GradeJob<'_>]) -> Vec<Result<Grade, GradeError>> {
        let judge = match (&self.judge, self.mode) {
            (Some(judge), mode) if mode != CompositeMode::Rules => judge,
            _ => return RuleGrader.grade_batch(jobs),
        };
        let mut plans: Vec<Option<Plan>> = Vec::with_capacity(jobs.len());
        let mut reduced: Vec<GradeItem> = Vec::new();
        let mut owners: Vec<usize> = Vec::new();
        for (i, job) in jobs.iter().enumerate() {
            let GradeItem::Scenario(scenario) = job.item else {
                plans.push(None);
                continue;
            };
            let rules: Vec<Option<CriterionVerdict>> = scenario
                .rubric
                .iter()
                .enumerate()
                .map(|(c, criterion)| match self.mode {
                    CompositeMode::Judge => None,
                    _ => RuleGrader::verdict(c + 1, criterion, job.response),
                })
                .collect();
            let judged: Vec<usize> = (0..scenario.rubric.len())
                .filter(|&c| self.mode == CompositeMode::Both || rules[c].is_none())
                .collect();
            let judge_job = (!judged.is_empty() || scenario.rubric.is_empty()).then(|| {
                reduced.push(GradeItem::Scenario(Scenario {
                    rubric: judged.iter().map(|&c| scenario.rubric[c].clone()).collect(),
                    ..scenario.clone()
                }));
                owners.push(i);
                reduced.len() - 1
            });
            plans.push(Some(Plan {
                rules,
                judged,
                judge_job,
            }));
        }
        let judge_jobs: Vec<GradeJob<'_>> = reduced
            .iter()
            .zip(&owners)
            .map(|(item, &owner)| GradeJob {
                item,
                response: jobs[owner].response,
            })
            .collect();
        let mut judged = judge
            .grade_batch(&judge_jobs)
            .into_iter()
            .map(Some)
            .collect::<Vec<_>>();
        let id = self.id();
        jobs.iter()
            .zip(plans)
            .map(|(job, plan)| {
                let Some(plan) = plan else {
                    let GradeItem::Task(task) = job.item else {
                        return unreachable_plan();
                    };
                    return Ok(RuleGrader::grade_task(task, job.response));
                };
                let mut verdicts = plan.rules;
                let mut cost = Default::default();
                if let Some(index) = plan.judge_job {
                    let grade = judged[index].take().unwrap_or_else(unreachable_plan)?;
                    cost = grade.cost;
                    for (&c, verdict) in plan.judged.iter().zip(grade.verdicts) {
                        let verdict = CriterionVerdict {
                            index: c + 1,
                            ..verdict
                        };
                        verdicts[c] = Some(match verdicts[c].take() {
                            Some(rule) => CriterionVerdict {
                                second_opinion: Some(SecondOpinion {
                                    grader: verdict.decided_by,
                                    met: verdict.met,
                                    explanation: verdict.explanation,
                                }),
                                ..rule
                            },
                            None => verdict,
                        });
                    }
                }
                let verdicts = verdicts
                    .into_iter()
                    .enumerate()
                    .map(|(c, v)| {
                        v.ok_or_else(|| GradeError::Unchecked {
                            item: job.item.id().to_string(),
                            criterion: c + 1,
                        })
                    })
                    .collect::<Result<Vec<_>, _>>()?;
                Ok(Grade::from_verdicts(id.clone(), verdicts, cost))
            })
            .collect()
    }
}

fn unreachable_plan<T>() -> Result<T, GradeError> {
    Err(GradeError::Config(
        "internal: composite plan and judge results out of step".to_string(),
    ))
}
