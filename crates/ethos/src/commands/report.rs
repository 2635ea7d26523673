//! `ethos report RUN_DIR`: rebuilds `report.html`, `summary.json` and `summary.md` of an
//! `ethos run` directory from its records (statistics through ethos-eval, drawing
//! through ethos-report).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use ethos_core::jsonl::write_atomic;
use ethos_eval::compare::{Side, compare};
use ethos_eval::dose::FinetuneAttack;
use ethos_eval::persona::{PersonaAttack, PersonaKind, compare_persona_attacks};
use ethos_eval::stats::PairedOptions;
use ethos_report::{
    ArmInfo, BenchmarkRow, DoseCurve, GraderAudit, MixtureShare, PersonaBar, Report, TrainingCurve,
    TransferMatrix,
};
use serde_json::Value;

use super::run::{Plan, run_name};
use crate::cli::ReportArgs;

pub fn run(args: ReportArgs) -> anyhow::Result<ExitCode> {
    let (path, summary) = build(&args.run)?;
    println!("{summary}");
    println!("report: {}", path.display());
    Ok(ExitCode::SUCCESS)
}

fn relative(dir: &Path, path: &Path) -> String {
    path.strip_prefix(dir).unwrap_or(path).display().to_string()
}

/// The JSON lines of a metrics file (none when it is missing).
fn lines_of(path: &Path) -> Vec<Value> {
    std::fs::read_to_string(path)
        .map(|text| {
            text.lines()
                .filter_map(|l| serde_json::from_str(l).ok())
                .collect()
        })
        .unwrap_or_default()
}

/// The name serde gives a unit enum variant (`reward-control`, `trait`, `q`).
fn serde_name<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// Training time over every process of a run: `elapsed_seconds` restarts at 0 when a run
/// resumes, so the last value of each stretch is summed. `None` without timings.
fn training_seconds(lines: &[Value]) -> Option<f64> {
    let elapsed: Vec<f64> = lines
        .iter()
        .filter_map(|l| l["elapsed_seconds"].as_f64())
        .collect();
    let last = *elapsed.last()?;
    let restarts: f64 = elapsed
        .windows(2)
        .filter(|w| w[1] < w[0])
        .map(|w| w[0])
        .sum();
    Some(restarts + last)
}

/// A training run's configuration (from its `run.json`, so the report shows what ran even
/// if the config file changed since) and compute, with its gap to the baseline run.
fn arm_info(
    dir: &Path,
    run: &Path,
    summary: &ethos_train::RunSummary,
    baseline: Option<&ethos_train::RunSummary>,
    wall_seconds: Option<f64>,
) -> ArmInfo {
    let record = ethos_train::load_record(run).ok();
    let config: Option<ethos_train::TrainConfig> = record
        .as_ref()
        .and_then(|r| toml::from_str(&r.config_text).ok());
    let arm_name = summary.arm.clone().unwrap_or_default();
    let kind = config
        .as_ref()
        .and_then(|c| c.arms.iter().find(|a| a.name == arm_name))
        .map_or_else(String::new, |a| {
            let mut kind = serde_name(&a.kind);
            if !a.domains.is_empty() {
                kind.push_str(&format!(" (domains: {})", a.domains.join(", ")));
            }
            if !a.exclude_domains.is_empty() {
                kind.push_str(&format!(" (without: {})", a.exclude_domains.join(", ")));
            }
            kind
        });
    let settings = config.as_ref().map_or_else(Vec::new, |c| {
        vec![
            ("model".to_string(), c.model.clone()),
            (
                "LoRA".to_string(),
                format!(
                    "rank {}, alpha {}, {}",
                    c.lora.rank,
                    c.lora.alpha,
                    c.lora
                        .targets
                        .iter()
                        .map(serde_name)
                        .collect::<Vec<_>>()
                        .join(",")
                ),
            ),
            (
                "learning rate".to_string(),
                format!(
                    "{:e} (warm-up {} steps, floor {}x)",
                    c.optimizer.lr, c.optimizer.warmup_steps, c.optimizer.min_lr_ratio
                ),
            ),
            (
                "prompts per step x group".to_string(),
                format!("{} x {}", c.budget.prompts_per_step, c.rollout.group),
            ),
            (
                "completion tokens (max)".to_string(),
                c.rollout.max_new_tokens.to_string(),
            ),
            ("temperature".to_string(), c.rollout.temperature.to_string()),
            (
                "KL beta, clip".to_string(),
                format!(
                    "{}, [{}, {}]",
                    c.grpo.kl_beta, c.grpo.clip_low, c.grpo.clip_high
                ),
            ),
        ]
    });
    let gap = |a: f64, b: f64| if b == 0.0 { 0.0 } else { (a - b) / b };
    ArmInfo {
        run: run
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned()),
        kind,
        seed: record.as_ref().and_then(|r| r.seed),
        reward_grader: record
            .as_ref()
            .and_then(|r| r.reward_grader.clone())
            .unwrap_or_default(),
        mixture: record.as_ref().map_or_else(Vec::new, |r| {
            r.sources
                .iter()
                .map(|s| MixtureShare {
                    source: s.name.clone(),
                    role: serde_name(&s.role),
                    share: s.share,
                    items: s.items,
                    generic_rubric: s.generic_rubric,
                })
                .collect()
        }),
        settings,
        steps: summary.compute.steps,
        generated_tokens: summary.compute.generated_tokens,
        trained_tokens: summary.compute.trained_tokens,
        flops: summary.compute.flops(),
        wall_seconds,
        gap_to_baseline: baseline.map(|b| {
            (
                gap(
                    summary.compute.generated_tokens as f64,
                    b.compute.generated_tokens as f64,
                ),
                gap(summary.compute.flops(), b.compute.flops()),
            )
        }),
        config_sha256: record
            .as_ref()
            .map(|r| r.config_sha256.chars().take(12).collect())
            .unwrap_or_default(),
        dir: relative(dir, run),
    }
}

/// Builds the report of run directory `dir`; returns its path and the summary line.
pub fn build(dir: &Path) -> anyhow::Result<(PathBuf, String)> {
    let plan = Plan::load(dir)?;
    let arms = &plan.experiment.arms;
    let seeds = &plan.experiment.seeds;
    let eval_dirs = |arm: &str| -> Vec<PathBuf> {
        seeds
            .iter()
            .map(|s| dir.join("eval").join(run_name(arm, *s)))
            .filter(|d| d.join("summary.json").is_file())
            .collect()
    };
    let baseline_arm = arms.first().cloned().unwrap_or_default();
    let candidate_arm = arms.get(1).cloned();
    let mut report = Report {
        title: plan.name.clone(),
        ..Report::default()
    };
    // The headline: the first trait arm against the baseline arm, seeds pooled; with one
    // arm, that arm against the pre-RL base.
    let (base_side, cand_side, words) = match &candidate_arm {
        Some(candidate) => (
            eval_dirs(&baseline_arm),
            eval_dirs(candidate),
            format!(
                "{candidate} (candidate) against {baseline_arm} (baseline), {} seed(s) each, paired by item",
                seeds.len()
            ),
        ),
        None => (
            vec![dir.join("eval").join("base")],
            eval_dirs(&baseline_arm),
            format!("{baseline_arm} against the pre-RL base, paired by item"),
        ),
    };
    if !base_side.is_empty() && !cand_side.is_empty() {
        let baseline = Side::load(&base_side)?;
        let candidate = Side::load(&cand_side)?;
        let comparison = compare(&baseline, &candidate, &PairedOptions::default())?;
        report.summary_line = comparison.summary_line.clone();
        // Mean scores of every evaluated model, for the table.
        let mut models: Vec<(String, Value)> = Vec::new();
        for name in std::iter::once("base".to_string())
            .chain(plan.runs.iter().map(|(a, s, _)| run_name(a, *s)))
        {
            let path = dir.join("eval").join(&name).join("summary.json");
            if let Ok(text) = std::fs::read_to_string(&path) {
                models.push((name, serde_json::from_str(&text)?));
            }
        }
        for row in &comparison.benchmarks {
            let Some(all) = &row.all else { continue };
            report.benchmarks.push(BenchmarkRow {
                id: row.benchmark.clone(),
                category: row.category.clone(),
                better: match row.direction {
                    ethos_core::Direction::HigherIsBetter => "higher".into(),
                    ethos_core::Direction::LowerIsBetter => "lower".into(),
                },
                scores: models
                    .iter()
                    .map(|(name, summary)| {
                        (
                            name.clone(),
                            summary["benchmarks"][&row.benchmark]["mean"].as_f64(),
                        )
                    })
                    .collect(),
                n: all.n,
                diff: all.diff,
                ci: all.ci,
                p_adjusted: row.p_adjusted,
                significant: row.significant,
                without_refusals: row.without_refusals.as_ref().map(|d| d.diff),
                refusal_rates: (row.baseline_refusal_rate, row.candidate_refusal_rate),
                records: row
                    .records
                    .iter()
                    .map(|r| relative(dir, Path::new(r)))
                    .collect(),
            });
        }
    } else {
        report.summary_line = "no evaluation to compare yet".to_string();
    }
    report.comparison = words;
    // Transfer: with several arms besides the baseline, each against it per category.
    if arms.len() > 2 && !base_side.is_empty() {
        let baseline = Side::load(&eval_dirs(&baseline_arm))?;
        let mut rows: Vec<(String, BTreeMap<String, Vec<f64>>)> = Vec::new();
        for arm in arms.iter().skip(1) {
            let dirs = eval_dirs(arm);
            if dirs.is_empty() {
                continue;
            }
            let c = compare(&baseline, &Side::load(&dirs)?, &PairedOptions::default())?;
            let mut by_category: BTreeMap<String, Vec<f64>> = BTreeMap::new();
            for row in &c.benchmarks {
                if let Some(all) = &row.all {
                    by_category
                        .entry(row.category.clone())
                        .or_default()
                        .push(row.direction.sign() * all.diff);
                }
            }
            rows.push((arm.clone(), by_category));
        }
        let categories: Vec<String> = rows
            .iter()
            .flat_map(|(_, m)| m.keys().cloned())
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect();
        if !rows.is_empty() {
            report.transfer = Some(TransferMatrix {
                arms: rows.iter().map(|(a, _)| a.clone()).collect(),
                values: rows
                    .iter()
                    .map(|(_, m)| {
                        categories
                            .iter()
                            .map(|c| m.get(c).map(|v| v.iter().sum::<f64>() / v.len() as f64))
                            .collect()
                    })
                    .collect(),
                categories,
            });
        }
    }
    for (arm, seed, run) in &plan.runs {
        let metrics = run.join("metrics.jsonl");
        let lines = lines_of(&metrics);
        if !lines.is_empty() {
            let series = |key: &str| -> Vec<(f64, f64)> {
                lines
                    .iter()
                    .filter_map(|l| Some((l["step"].as_f64()?, l[key].as_f64()?)))
                    .collect()
            };
            let mut sources: Vec<String> = lines
                .iter()
                .filter_map(|l| l["sources"].as_object())
                .flat_map(|m| m.keys().cloned())
                .collect();
            sources.sort();
            sources.dedup();
            let reward_by_source = sources
                .into_iter()
                .map(|source| {
                    let points = lines
                        .iter()
                        .filter_map(|l| {
                            Some((
                                l["step"].as_f64()?,
                                l["sources"][&source]["reward_mean"].as_f64()?,
                            ))
                        })
                        .collect();
                    (source, points)
                })
                .collect();
            report.training.push(TrainingCurve {
                run: run_name(arm, *seed),
                reward: series("reward_mean"),
                kl: series("kl"),
                length: series("completion_len_mean"),
                reward_by_source,
                file: relative(dir, &metrics),
            });
        }
        if let Ok(summary) = ethos_train::load_summary(run) {
            let baseline = plan
                .runs
                .iter()
                .find(|(a, s, _)| a == &baseline_arm && s == seed && a != arm)
                .and_then(|(_, _, d)| ethos_train::load_summary(d).ok());
            let wall_seconds = training_seconds(&lines);
            report.arms.push(arm_info(
                dir,
                run,
                &summary,
                baseline.as_ref(),
                wall_seconds,
            ));
        }
    }
    let first_seed = seeds.first().copied().unwrap_or(0);
    let attacked: Vec<String> = std::iter::once("base".to_string())
        .chain(arms.iter().map(|a| run_name(a, first_seed)))
        .collect();
    for model in &attacked {
        let persona_dir = dir.join("persona").join(model);
        if let Ok(attack) = PersonaAttack::load(&persona_dir) {
            for persona in &attack.personas {
                let rows: Vec<f64> = attack
                    .rows
                    .iter()
                    .filter(|r| r.persona == persona.id && r.targeted)
                    .filter_map(|r| r.degradation)
                    .collect();
                if rows.is_empty() {
                    continue;
                }
                report.personas.push(PersonaBar {
                    model: model.clone(),
                    persona: persona.id.clone(),
                    kind: match persona.kind {
                        PersonaKind::Harmful => "harmful".into(),
                        PersonaKind::Helpful => "helpful".into(),
                    },
                    degradation: rows.iter().sum::<f64>() / rows.len() as f64,
                    file: relative(dir, &persona_dir.join("attack.json")),
                });
            }
        }
        let finetune_dir = dir.join("finetune").join(model);
        if let Ok(attack) = FinetuneAttack::load(&finetune_dir) {
            report.doses.push(DoseCurve {
                model: model.clone(),
                points: attack
                    .pooled
                    .iter()
                    .filter_map(|p| {
                        let d = p.degradation?;
                        let (lo, hi) = p.ci.unwrap_or((d, d));
                        Some((p.dose as f64, d, lo, hi))
                    })
                    .collect(),
                auc: attack.auc,
                file: relative(dir, &finetune_dir.join("attack.json")),
            });
        }
    }
    if let Some(candidate) = &candidate_arm {
        let a = dir
            .join("persona")
            .join(run_name(&baseline_arm, first_seed));
        let b = dir.join("persona").join(run_name(candidate, first_seed));
        if a.join("attack.json").is_file() && b.join("attack.json").is_file() {
            let c = compare_persona_attacks(&a, &b, 10_000, 0, 0.95)?;
            report.persona_verdict =
                Some(format!("{candidate} against {baseline_arm}: {}", c.verdict));
        }
    }
    let audit_file = dir.join("audit").join("reward-grader.json");
    if let Ok(text) = std::fs::read_to_string(&audit_file) {
        let audit: ethos_grade::audit::AuditReport = serde_json::from_str(&text)
            .with_context(|| format!("reading {}", audit_file.display()))?;
        report.audit = Some(GraderAudit {
            grader: audit.grader,
            scenarios: audit.scenarios,
            failures: audit.failures,
            rows: audit
                .rows
                .into_iter()
                .map(|r| {
                    (
                        r.strategy,
                        r.mean_reward,
                        r.reference_mean,
                        r.ratio,
                        r.verdict,
                    )
                })
                .collect(),
            file: relative(dir, &audit_file),
        });
    }
    report.files = plan
        .stages
        .iter()
        .map(|s| format!("{} {}: {}", s.kind, s.subject, relative(dir, &s.out)))
        .collect();
    let html = ethos_report::render_html(&report)?;
    let path = dir.join("report.html");
    write_atomic(&path, html.as_bytes()).with_context(|| format!("writing {}", path.display()))?;
    write_atomic(
        &dir.join("summary.json"),
        serde_json::to_string_pretty(&report)?.as_bytes(),
    )?;
    write_atomic(
        &dir.join("summary.md"),
        ethos_report::render_markdown(&report).as_bytes(),
    )?;
    Ok((path, report.summary_line))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn training_time_adds_up_the_stretches_of_a_resumed_run() {
        let lines: Vec<Value> = [10.0, 20.0, 5.0, 12.0]
            .iter()
            .map(|e| serde_json::json!({"elapsed_seconds": e}))
            .collect();
        assert_eq!(training_seconds(&lines), Some(32.0));
        assert_eq!(training_seconds(&[]), None);
    }
}
