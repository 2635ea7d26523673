//! `ethos eval` and `ethos eval correlate`.

use std::process::ExitCode;
use std::sync::Arc;

use anyhow::Context;
use ethos_core::Benchmark;
use ethos_eval::correlate::correlate;
use ethos_eval::{
    EvalError, EvalSettings, JudgeScoring, Models, Progress, Registry, RunSummary, evaluate,
};
use ethos_grade::Grader;
use ethos_grade::{CompositeMode, GraderSpec};
use ethos_model::LanguageModel;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use super::EXIT_INVALID;
use super::bench::{note_skipped, registry, report_registry_error};
use super::grade::{build_grader, open_judge};
use super::model::open_evaluated;
use crate::cli::{CorrelateArgs, EvalAction, EvalArgs, EvalCommand, JudgeScoringArg};

pub fn run(command: EvalCommand) -> anyhow::Result<ExitCode> {
    match command.action {
        Some(EvalAction::Correlate(args)) => run_correlate(args),
        None => run_eval(command.eval),
    }
}

/// A progress bar over items, named by the benchmark being scored. The flag records that
/// the bar has started: a job of several evaluations (attacks) starts it once per stage,
/// and only the first start can be a resume worth announcing.
pub struct Bar(ProgressBar, bool);

impl Progress for Bar {
    fn start(&mut self, total: usize, done: usize) {
        self.0.set_length(total as u64);
        self.0.set_position(done as u64);
        if let Ok(style) =
            ProgressStyle::with_template("{bar:30} {pos}/{len} items  eta {eta}  {msg}")
        {
            self.0.set_style(style);
        }
        if done > 0 && !self.1 {
            eprintln!("ethos eval: resuming, {done} of {total} items already scored");
        }
        self.1 = true;
    }
    fn benchmark(&mut self, id: &str) {
        if self.0.is_hidden() {
            eprintln!("ethos eval: {id}");
        }
        self.0.set_message(id.to_string());
    }
    fn advance(&mut self, items: usize) {
        self.0.inc(items as u64);
    }
    fn finish(&mut self) {
        self.0.finish_and_clear();
    }
}

/// Everything an evaluation needs besides the evaluated model, opened from the flags: the
/// selected benchmarks, the settings, the grader and the judge. Shared by `ethos eval`
/// and `ethos attack`.
pub struct EvalSetup {
    registry: Registry,
    /// The selected benchmark ids, in order.
    pub ids: Vec<String>,
    /// Settings of the run.
    pub settings: EvalSettings,
    adapter: Option<String>,
    grader: Box<dyn Grader>,
    judge: Option<Arc<dyn LanguageModel>>,
}

impl EvalSetup {
    /// Checks the flags, selects the benchmarks and opens the grader and judge. Bad input
    /// is reported and comes back as the exit code to return, before any model loads.
    pub fn open(args: &EvalArgs) -> anyhow::Result<Result<Self, ExitCode>> {
        let Some(selection) = &args.benchmarks else {
            eprintln!("error: --benchmarks is required");
            return Ok(Err(ExitCode::from(EXIT_INVALID)));
        };
        let mut registry = match registry(&[]) {
            Ok(r) => r,
            Err(code) => return Ok(Err(code)),
        };
        let ids = match registry.select(selection) {
            Ok(ids) => ids,
            Err(err) => return Ok(Err(report_registry_error(&err))),
        };
        note_skipped(&registry);
        if args.limit == Some(0) {
            eprintln!("error: --limit must be at least 1");
            return Ok(Err(ExitCode::from(EXIT_INVALID)));
        }
        let grader_spec: GraderSpec = match (&args.grader, &args.judge) {
            (Some(spec), _) => spec.parse().context("--grader")?,
            (None, Some(judge)) => GraderSpec {
                mode: CompositeMode::Auto,
                judge_model: Some(judge.clone()),
            },
            (None, None) => GraderSpec::rules(),
        };
        let needing: Vec<&str> = ids
            .iter()
            .filter_map(|id| registry.get(id))
            .filter(|e| e.benchmark.needs_judge())
            .map(|e| e.benchmark.id())
            .collect();
        if args.judge.is_none() && !needing.is_empty() {
            eprintln!(
                "error: these benchmarks need a judge model, given with --judge MODEL: {}",
                needing.join(", ")
            );
            return Ok(Err(ExitCode::from(EXIT_INVALID)));
        }
        let settings = EvalSettings {
            samples: args.samples,
            limit: args.limit,
            system_prompt: args.system_prompt.clone(),
            temperature: args.temperature,
            seed: args.seed,
            judge_scoring: match args.judge_scoring {
                JudgeScoringArg::Text => JudgeScoring::Text,
                JudgeScoringArg::Probability => JudgeScoring::Probability,
            },
            chunk: args.chunk.max(1),
        };
        let judge: Option<Arc<dyn LanguageModel>> = args
            .judge
            .as_deref()
            .map(|spec| open_judge(spec, &args.judge_args))
            .transpose()?;
        let shared = judge
            .clone()
            .filter(|_| grader_spec.judge_model.as_deref() == args.judge.as_deref());
        let (grader, _cache) = build_grader(&grader_spec, &args.judge_args, shared)?;
        Ok(Ok(Self {
            registry,
            ids,
            settings,
            adapter: args.model.adapter.as_ref().map(|p| p.display().to_string()),
            grader,
            judge,
        }))
    }

    /// The selected benchmarks, in order.
    pub fn benchmarks(&self) -> Vec<&Benchmark> {
        self.ids
            .iter()
            .filter_map(|id| self.registry.get(id).map(|e| &e.benchmark))
            .collect()
    }

    /// The models as the runner takes them, with `model` evaluated.
    pub fn models<'a>(&'a self, model: &'a dyn LanguageModel) -> Models<'a> {
        Models {
            model,
            adapter: self.adapter.clone(),
            grader: self.grader.as_ref(),
            judge: self.judge.as_deref(),
        }
    }
}

/// A progress bar over items, hidden with `quiet`.
pub fn progress_bar(quiet: bool) -> Bar {
    let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
    if quiet {
        bar.set_draw_target(ProgressDrawTarget::hidden());
    }
    Bar(bar, false)
}

/// The exit code of a failed evaluation: 2 for settings, 1 (an error) otherwise.
pub fn eval_failure(err: EvalError, progress: &mut Bar) -> anyhow::Result<ExitCode> {
    progress.finish();
    match err {
        EvalError::Invalid(_) | EvalError::SettingsChanged { .. } => {
            eprintln!("error: {err}");
            Ok(ExitCode::from(EXIT_INVALID))
        }
        other => Err(other.into()),
    }
}

/// Failed records across `ids`, reported on stderr; 0 when every record is complete.
pub fn report_failed_records(summary: &RunSummary, ids: &[String]) -> usize {
    let errors: usize = ids
        .iter()
        .filter_map(|id| summary.benchmarks.get(id))
        .map(|b| b.errors)
        .sum();
    if errors > 0 {
        eprintln!(
            "ethos eval: {errors} record(s) failed (see their `error` field); rerun the same command to retry them"
        );
    }
    errors
}

fn run_eval(args: EvalArgs) -> anyhow::Result<ExitCode> {
    let Some(out) = &args.out else {
        eprintln!("error: --out is required");
        return Ok(ExitCode::from(EXIT_INVALID));
    };
    let setup = match EvalSetup::open(&args)? {
        Ok(setup) => setup,
        Err(code) => return Ok(code),
    };
    let model = open_evaluated(&args.model)?;
    let benchmarks = setup.benchmarks();
    let models = setup.models(model.as_ref());
    eprintln!(
        "ethos eval: {} on {} benchmark(s) -> {}",
        models.model.id(),
        benchmarks.len(),
        out.display()
    );
    let mut progress = progress_bar(args.quiet);
    let summary = match evaluate(out, &benchmarks, &models, &setup.settings, &mut progress) {
        Ok(summary) => summary,
        Err(err) => return eval_failure(err, &mut progress),
    };
    if args.json {
        println!("{}", serde_json::to_string_pretty(&summary)?);
    } else {
        print_summary(&summary, &setup.ids);
        println!("records and summary.json in {}", out.display());
    }
    if report_failed_records(&summary, &setup.ids) > 0 {
        return Ok(ExitCode::FAILURE);
    }
    Ok(ExitCode::SUCCESS)
}

fn fmt(value: Option<f64>) -> String {
    value.map_or_else(|| "-".to_string(), |v| format!("{v:.3}"))
}

fn print_summary(summary: &RunSummary, ids: &[String]) {
    println!("model {}", summary.model);
    println!(
        "{:<48} {:>5} {:>7} {:>7} {:>8}  better  extra",
        "benchmark", "n", "mean", "se", "refused"
    );
    for id in ids {
        let Some(b) = summary.benchmarks.get(id) else {
            continue;
        };
        let extra: Vec<String> = b
            .metrics
            .iter()
            .map(|(k, v)| format!("{k} {v:.3}"))
            .collect();
        println!(
            "{id:<48} {:>5} {:>7} {:>7} {:>7.1}%  {:<6}  {}",
            b.n,
            fmt(b.mean),
            fmt(b.se),
            100.0 * b.refusal_rate,
            match b.direction {
                ethos_core::Direction::HigherIsBetter => "higher",
                ethos_core::Direction::LowerIsBetter => "lower",
            },
            extra.join(", ")
        );
    }
}

fn run_correlate(args: CorrelateArgs) -> anyhow::Result<ExitCode> {
    let result = match correlate(&args.runs, args.permutations, args.seed) {
        Ok(result) => result,
        Err(err) => {
            eprintln!("error: {err}");
            return Ok(ExitCode::from(EXIT_INVALID));
        }
    };
    if args.json {
        println!("{}", serde_json::to_string_pretty(&result)?);
        return Ok(ExitCode::SUCCESS);
    }
    println!(
        "{} runs, {} benchmarks ({} excluded: missing from a run or constant)",
        result.runs.len(),
        result.benchmarks.len(),
        result.excluded.len()
    );
    let short: Vec<String> = (0..result.benchmarks.len())
        .map(|i| format!("b{}", i + 1))
        .collect();
    for (i, id) in result.benchmarks.iter().enumerate() {
        println!("  {:<4} {id}", short[i]);
    }
    print!("\nSpearman (direction-adjusted)\n{:<5}", "");
    for s in &short {
        print!(" {s:>6}");
    }
    println!();
    for (i, row) in result.spearman.iter().enumerate() {
        print!("{:<5}", short[i]);
        for value in row {
            print!(
                " {:>6}",
                value.map_or("-".to_string(), |v| format!("{v:.2}"))
            );
        }
        println!();
    }
    match &result.first_component {
        Some(pc) => println!(
            "\nfirst principal component: {:.1}% of variance (permutation null mean {:.1}%, 95th percentile {:.1}%; p = {:.4})",
            100.0 * pc.observed,
            100.0 * pc.null_mean,
            100.0 * pc.null_p95,
            pc.p_value
        ),
        None => println!("\nfirst principal component: needs at least 3 runs and 2 benchmarks"),
    }
    Ok(ExitCode::SUCCESS)
}
