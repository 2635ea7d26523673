//! `ethos grade`, `ethos grade audit` and `ethos grade validate`.

use std::collections::HashMap;
use std::path::Path;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use anyhow::{Context, bail};
use ethos_core::dataset::{DataSet, LoadOptions};
use ethos_core::jsonl::{read_jsonl, write_jsonl};
use ethos_core::{Diagnostic, Scenario};
use ethos_eval::grader_validation::{self, ValidationReport};
use ethos_grade::audit::{self, AuditReport};
use ethos_grade::summary::GradedRecord;
use ethos_grade::{
    CompositeGrader, CompositeMode, GradeItem, GradeJob, GradeSummary, Grader, GraderSpec,
    JudgeConfig, JudgeMode, JudgeTemplate, RubricJudge, VerdictCache,
};
use ethos_model::LanguageModel;
use serde::Deserialize;

use super::EXIT_INVALID;
use super::model::open_model;
use crate::cli::{
    AuditArgs, GradeAction, GradeArgs, GradeCommand, JudgeArgs, JudgeModeArg, ValidateArgs,
};

/// Responses graded per batch (progress is reported between batches).
const CHUNK: usize = 64;

pub fn run(command: GradeCommand) -> anyhow::Result<ExitCode> {
    match command.action {
        Some(GradeAction::Audit(args)) => run_audit(args),
        Some(GradeAction::Validate(args)) => run_validate(args),
        None => run_grade(command.grade),
    }
}

/// One line of `--responses`.
#[derive(Debug, Deserialize)]
struct ResponseLine {
    /// The scenario or task id.
    id: String,
    /// The response text.
    response: String,
}

/// A grader and the verdict cache it writes to, if any.
type BuiltGrader = (Box<dyn Grader>, Option<Arc<VerdictCache>>);

/// Builds the grader a spec describes. `judge_model` is the judge when the caller has
/// already opened it (the same model as the spec names); otherwise the spec's model is
/// opened here.
pub fn build_grader(
    spec: &GraderSpec,
    args: &JudgeArgs,
    judge_model: Option<Arc<dyn LanguageModel>>,
) -> anyhow::Result<BuiltGrader> {
    let Some(model_spec) = spec
        .judge_model
        .as_deref()
        .filter(|_| spec.mode != CompositeMode::Rules)
    else {
        return Ok((Box::new(CompositeGrader::rules()), None));
    };
    let model = match judge_model {
        Some(model) => model,
        None => open_judge(model_spec, args)?,
    };
    let config = JudgeConfig {
        mode: match args.judge_mode {
            JudgeModeArg::PerCriterion => JudgeMode::PerCriterion,
            JudgeModeArg::Batched => JudgeMode::Batched,
            JudgeModeArg::YesNo => JudgeMode::YesNo,
        },
        concurrency: args.concurrency.max(1),
        max_attempts: args.max_attempts.max(1),
        ..JudgeConfig::default()
    };
    let mut judge = RubricJudge::new(model, config);
    if let Some(path) = &args.judge_template {
        judge = judge.with_template(JudgeTemplate::from_file(path)?);
    }
    let cache = if args.no_cache {
        None
    } else {
        let path = args
            .cache
            .clone()
            .unwrap_or_else(|| ethos_model::pull::cache_dir().join("verdicts.sqlite"));
        Some(Arc::new(VerdictCache::open(&path)?))
    };
    if let Some(cache) = &cache {
        judge = judge.with_cache(cache.clone());
    }
    Ok((
        Box::new(CompositeGrader::new(spec.mode, Some(judge))?),
        cache,
    ))
}

/// Opens a judge model with the call settings of `args`.
pub fn open_judge(spec: &str, args: &JudgeArgs) -> anyhow::Result<Arc<dyn LanguageModel>> {
    if !(args.judge_timeout.is_finite() && args.judge_timeout > 0.0) {
        bail!("--judge-timeout must be a positive number of seconds");
    }
    open_model(
        spec,
        args.concurrency,
        Duration::from_secs_f64(args.judge_timeout),
    )
}

fn load_data(paths: &[std::path::PathBuf]) -> Result<DataSet, ExitCode> {
    let (data, problems) = DataSet::load(paths, &LoadOptions::default());
    if problems.is_empty() {
        Ok(data)
    } else {
        Err(report(&problems))
    }
}

fn report(problems: &[Diagnostic]) -> ExitCode {
    for problem in problems {
        eprintln!("{problem}");
    }
    eprintln!("invalid input: {} problem(s) listed above", problems.len());
    ExitCode::from(EXIT_INVALID)
}

fn read_responses(
    path: &Path,
    items: &HashMap<&str, &GradeItem>,
) -> Result<Vec<(String, String)>, ExitCode> {
    let (lines, mut problems) = read_jsonl::<ResponseLine>(path);
    for line in &lines {
        if !items.contains_key(line.value.id.as_str()) {
            problems.push(Diagnostic::at(
                path,
                line.line,
                "id",
                format!("no scenario or task `{}` in --data", line.value.id),
            ));
        }
    }
    if lines.is_empty() && problems.is_empty() {
        problems.push(Diagnostic::file(path, "no responses in the file"));
    }
    if problems.is_empty() {
        Ok(lines
            .into_iter()
            .map(|l| (l.value.id, l.value.response))
            .collect())
    } else {
        Err(report(&problems))
    }
}

fn run_grade(args: GradeArgs) -> anyhow::Result<ExitCode> {
    let Some(responses_path) = &args.responses else {
        bail!("--responses is required");
    };
    let data = match load_data(&args.data) {
        Ok(data) => data,
        Err(code) => return Ok(code),
    };
    let items: Vec<GradeItem> = data
        .scenarios
        .iter()
        .map(|s| GradeItem::Scenario(s.value.clone()))
        .chain(data.tasks.iter().map(|t| GradeItem::Task(t.value.clone())))
        .collect();
    let by_id: HashMap<&str, &GradeItem> = items.iter().map(|i| (i.id(), i)).collect();
    let responses = match read_responses(responses_path, &by_id) {
        Ok(responses) => responses,
        Err(code) => return Ok(code),
    };
    let spec: GraderSpec = args.grader.grader.parse().context("--grader")?;
    let (grader, cache) = build_grader(&spec, &args.grader.judge, None)?;
    let grader_id = grader.id();
    let mut records = Vec::with_capacity(responses.len());
    for (done, chunk) in responses.chunks(CHUNK).enumerate() {
        let jobs: Vec<GradeJob<'_>> = chunk
            .iter()
            .map(|(id, response)| GradeJob {
                item: by_id[id.as_str()],
                response,
            })
            .collect();
        for (job, outcome) in jobs.iter().zip(grader.grade_batch(&jobs)) {
            records.push(GradedRecord::new(job.item, &grader_id, outcome));
        }
        if responses.len() > CHUNK {
            eprintln!(
                "ethos: graded {}/{}",
                (done * CHUNK + chunk.len()).min(responses.len()),
                responses.len()
            );
        }
    }
    if let Some(out) = &args.out {
        write_jsonl(out, &records).with_context(|| format!("cannot write {}", out.display()))?;
    }
    let summary = GradeSummary::from_records(&grader_id, &records);
    if args.json {
        let mut value = serde_json::to_value(&summary)?;
        if let Some(cache) = &cache {
            value["cache"] = serde_json::to_value(cache.stats())?;
        }
        println!("{}", serde_json::to_string_pretty(&value)?);
    } else {
        print_summary(&summary, cache.as_deref());
    }
    if summary.failures > 0 {
        eprintln!(
            "ethos: {} of {} responses could not be graded (see the `error` field{})",
            summary.failures,
            summary.items,
            if args.out.is_some() {
                " in --out"
            } else {
                "s with --out"
            }
        );
        return Ok(ExitCode::FAILURE);
    }
    Ok(ExitCode::SUCCESS)
}

fn fmt_mean(mean: Option<f64>) -> String {
    mean.map_or_else(|| "-".to_string(), |m| format!("{m:.3}"))
}

fn print_summary(summary: &GradeSummary, cache: Option<&VerdictCache>) {
    println!("grader        {}", summary.grader);
    println!(
        "responses     {} ({} graded, {} failed)",
        summary.items, summary.graded, summary.failures
    );
    for (kind, n) in &summary.failures_by_kind {
        println!("  failed: {kind} x{n}");
    }
    println!(
        "mean          {} (clipped to [0, 1]: {})",
        fmt_mean(summary.mean),
        fmt_mean(summary.clipped_mean)
    );
    for (title, groups) in [
        ("kind", &summary.per_kind),
        ("trait", &summary.per_trait),
        ("domain", &summary.per_domain),
    ] {
        for (name, group) in groups {
            println!("  {title:<6} {name:<32} {:.3}  (n={})", group.mean, group.n);
        }
    }
    if summary.double_checked > 0 {
        println!(
            "disagreements {} of {} double-checked criteria",
            summary.disagreements, summary.double_checked
        );
    }
    let cost = &summary.cost;
    println!(
        "judge cost    {} calls, {} prompt + {} completion tokens, {:.1} s",
        cost.calls,
        cost.prompt_tokens,
        cost.completion_tokens,
        cost.millis as f64 / 1000.0
    );
    if let Some(cache) = cache {
        let stats = cache.stats();
        println!(
            "cache         {} ({} hits, {} misses, {} written)",
            cache.path().display(),
            stats.hits,
            stats.misses,
            stats.writes
        );
    }
}

fn run_audit(args: AuditArgs) -> anyhow::Result<ExitCode> {
    let data = match load_data(&args.data) {
        Ok(data) => data,
        Err(code) => return Ok(code),
    };
    let scenarios: Vec<Scenario> = data.scenarios.into_iter().map(|s| s.value).collect();
    let sample = audit::sample(&scenarios, args.sample, args.seed);
    if sample.is_empty() {
        bail!("no scenario with a `reference` response in --data: nothing to audit");
    }
    let spec: GraderSpec = args.grader.grader.parse().context("--grader")?;
    let (grader, _cache) = build_grader(&spec, &args.grader.judge, None)?;
    let report: AuditReport = audit::run(grader.as_ref(), &sample);
    if let Some(out) = &args.out {
        if let Some(parent) = out.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent)
                .with_context(|| format!("--out: creating {}", parent.display()))?;
        }
        ethos_core::jsonl::write_atomic(out, serde_json::to_string_pretty(&report)?.as_bytes())
            .with_context(|| format!("--out: writing {}", out.display()))?;
    }
    if args.json {
        println!("{}", serde_json::to_string_pretty(&report.rows)?);
    } else {
        println!(
            "grader {} on {} scenarios ({} gradings failed)\n",
            report.grader, report.scenarios, report.failures
        );
        print!("{}", report.table());
        for row in report.rows.iter().filter(|r| r.verdict == "gamed") {
            if let Some(id) = &row.worst_scenario {
                println!("{}: closest to the reference on {id}", row.strategy);
            }
        }
    }
    if report.all_resisted() {
        Ok(ExitCode::SUCCESS)
    } else if !report.all_graded() {
        eprintln!(
            "ethos: the audit could not grade ({} gradings failed); fix the grader and rerun",
            report.failures
        );
        Ok(ExitCode::FAILURE)
    } else {
        eprintln!(
            "ethos: some strategies game the grader (above 40% of the reference's mean; padding: above the reference)"
        );
        Ok(ExitCode::FAILURE)
    }
}

fn run_validate(args: ValidateArgs) -> anyhow::Result<ExitCode> {
    let data = match load_data(&args.scenarios) {
        Ok(data) => data,
        Err(code) => return Ok(code),
    };
    let scenarios: Vec<Scenario> = data.scenarios.into_iter().map(|s| s.value).collect();
    let (mut cases, problems) = grader_validation::load_labelled(&args.data, &scenarios);
    if !problems.is_empty() {
        return Ok(report(&problems));
    }
    if cases.is_empty() {
        bail!("no labelled answers in --data");
    }
    if let Some(limit) = args.limit {
        cases.truncate(limit);
    }
    let specs = args
        .graders
        .iter()
        .map(|g| {
            g.parse::<GraderSpec>()
                .with_context(|| format!("--grader {g}"))
        })
        .collect::<anyhow::Result<Vec<_>>>()?;
    let mut reports = Vec::with_capacity(specs.len());
    for spec in &specs {
        let (grader, _cache) = build_grader(spec, &args.judge, None)?;
        let id = grader.id();
        let report = grader_validation::validate(grader.as_ref(), &cases, CHUNK, |done, all| {
            if all > CHUNK && !args.json {
                eprintln!("ethos: {id}: graded {done}/{all}");
            }
        });
        reports.push(report);
    }
    if args.json {
        println!("{}", serde_json::to_string_pretty(&reports)?);
    } else {
        for report in &reports {
            print_validation(report, args.show);
        }
    }
    if args.require_targets && !reports.iter().all(ValidationReport::targets_met) {
        eprintln!("ethos: a grader misses its targets");
        return Ok(ExitCode::FAILURE);
    }
    Ok(ExitCode::SUCCESS)
}

fn print_validation(report: &ValidationReport, show: usize) {
    println!(
        "grader {}: {} labelled answers ({} graded); {} of {} criteria decided ({:.0}%)",
        report.grader,
        report.answers,
        report.graded,
        report.decided,
        report.criteria,
        100.0 * report.decided as f64 / report.criteria.max(1) as f64
    );
    let neg = &report.negatives;
    println!(
        "  criterion accuracy {} (positive criteria {}); negatives: precision {}, recall {} ({} labelled met, {} flagged)",
        fmt_mean(report.accuracy),
        fmt_mean(report.positive_accuracy),
        fmt_mean(neg.precision),
        fmt_mean(neg.recall),
        neg.labelled_met,
        neg.flagged
    );
    println!(
        "  good mean {}  bad mean {}  gap {}  Spearman with labels {}",
        fmt_mean(report.good_mean),
        fmt_mean(report.bad_mean),
        fmt_mean(report.gap),
        fmt_mean(report.spearman)
    );
    println!("  | group | n | score | label score | accuracy |");
    println!("  | --- | --- | --- | --- | --- |");
    for (title, groups) in [("kind", &report.per_kind), ("trait", &report.per_trait)] {
        for (name, g) in groups {
            println!(
                "  | {title} {name} | {} | {:.3} | {:.3} | {} |",
                g.n,
                g.mean_score,
                g.mean_label_score,
                fmt_mean(g.accuracy)
            );
        }
    }
    for t in &report.targets {
        println!(
            "  target {} {} {:.2}: {} ({})",
            t.name,
            t.relation,
            t.bound,
            fmt_mean(t.value),
            if t.met { "met" } else { "MISSED" }
        );
    }
    let failed: Vec<_> = report.cases.iter().filter(|c| c.error.is_some()).collect();
    if let Some(first) = failed.first() {
        println!(
            "  {} gradings failed; first: {}: {}",
            failed.len(),
            first.source,
            first.error.as_deref().unwrap_or_default()
        );
    }
    let worst = report.worst_criteria(show);
    if !worst.is_empty() {
        println!("  criteria most often wrong:");
        for (scenario, index, criterion, points, n) in worst {
            println!("    {n}x {scenario} #{index} ({points:+}) {criterion}");
        }
    }
    println!();
}
