//! `ethos run`: a whole study from one experiment file, as a plan of ordinary `ethos`
//! commands (train every arm and seed, evaluate every model, attack, report), each run in
//! this process through the same flags a user would type. Every stage writes into the run
//! directory and resumes from it, so a killed run picks up where it stopped, and
//! `--dry-run` prints the commands with an estimate of the work.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Context;
use clap::Parser;
use ethos_core::jsonl::write_atomic;
use serde::{Deserialize, Serialize};

use super::EXIT_INVALID;
use super::bench::registry;
use crate::cli::{Cli, RunArgs};

/// An experiment file (`experiments/NAME.toml`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Experiment {
    /// The training config (model, sources, arms, budget), relative to this file.
    pub train: PathBuf,
    /// The arms to train; the first is the baseline every other arm is compared with.
    pub arms: Vec<String>,
    /// One training run per arm and seed.
    #[serde(default = "default_seeds")]
    pub seeds: Vec<u64>,
    /// Steps per run instead of the config's budget.
    #[serde(default)]
    pub steps: Option<u64>,
    /// Evaluation of every trained model and the pre-RL base.
    pub evaluation: EvaluationSection,
    /// A persona attack on the base and on each arm's first seed.
    #[serde(default)]
    pub persona: Option<PersonaSection>,
    /// A harmful fine-tuning attack on the base and on each arm's first seed.
    #[serde(default)]
    pub finetune: Option<FinetuneSection>,
}

fn default_seeds() -> Vec<u64> {
    vec![7]
}

/// `[evaluation]`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EvaluationSection {
    /// Benchmark selection, as `ethos eval --benchmarks`.
    pub benchmarks: String,
    /// Items per benchmark.
    #[serde(default)]
    pub limit: Option<usize>,
    /// The evaluation judge, as `ethos eval --judge`.
    #[serde(default)]
    pub judge: Option<String>,
}

/// `[persona]`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PersonaSection {
    /// Persona selection, as `ethos attack persona --personas`.
    pub personas: String,
    /// Benchmarks (default: the evaluation's).
    #[serde(default)]
    pub benchmarks: Option<String>,
    /// Items per benchmark (default: the evaluation's).
    #[serde(default)]
    pub limit: Option<usize>,
}

/// `[finetune]`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FinetuneSection {
    /// The attack set, relative to the experiment file.
    pub data: PathBuf,
    /// Doses (attack examples), as `ethos attack finetune --doses`.
    pub doses: Vec<u64>,
    /// Benchmarks (default: the evaluation's).
    #[serde(default)]
    pub benchmarks: Option<String>,
    /// Items per benchmark (default: the evaluation's).
    #[serde(default)]
    pub limit: Option<usize>,
}

/// One stage of the plan: what it is and the command that does it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Stage {
    /// `train`, `eval`, `persona`, `finetune`.
    pub kind: String,
    /// The model or run it concerns (`base`, `trait-s7`).
    pub subject: String,
    /// The `ethos` arguments that run it.
    pub args: Vec<String>,
    /// The training run whose final checkpoint is passed as `--adapter` (known only once
    /// that run has finished).
    #[serde(default)]
    pub adapter_of: Option<PathBuf>,
    /// Where it writes.
    pub out: PathBuf,
}

/// The plan of a run, written to `plan.json` and read back by `ethos report`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Plan {
    /// The experiment's name (its file stem).
    pub name: String,
    /// The experiment file as read.
    pub experiment: Experiment,
    /// The base model as the training config names it.
    pub model: String,
    /// Training runs as (arm, seed, folder).
    pub runs: Vec<(String, u64, PathBuf)>,
    /// The stages in order.
    pub stages: Vec<Stage>,
}

impl Plan {
    /// Reads `plan.json` of a run directory.
    pub fn load(dir: &Path) -> anyhow::Result<Self> {
        let path = dir.join("plan.json");
        let text = std::fs::read_to_string(&path)
            .with_context(|| format!("{} is not an `ethos run` directory", dir.display()))?;
        serde_json::from_str(&text).with_context(|| format!("reading {}", path.display()))
    }
}

/// The name of a training run.
pub fn run_name(arm: &str, seed: u64) -> String {
    format!("{arm}-s{seed}")
}

fn text(path: &Path) -> String {
    path.display().to_string()
}

/// Reads and checks an experiment file; every problem names the file and the field.
pub(super) fn load_experiment(
    path: &Path,
) -> Result<(Experiment, ethos_train::LoadedConfig), String> {
    let raw = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let experiment: Experiment =
        toml::from_str(&raw).map_err(|e| format!("{}: {e}", path.display()))?;
    let folder = path.parent().unwrap_or(Path::new("."));
    let train_path = folder.join(&experiment.train);
    let loaded = ethos_train::load_config(&train_path)
        .map_err(|e| format!("{}: train: {e}", path.display()))?;
    let mut problems = Vec::new();
    if experiment.arms.is_empty() {
        problems.push("arms: name at least one arm (the first is the baseline)".to_string());
    }
    for arm in &experiment.arms {
        if !loaded.config.arms.iter().any(|a| &a.name == arm) {
            problems.push(format!(
                "arms: `{arm}` is not an arm of {} (it has: {})",
                train_path.display(),
                loaded
                    .config
                    .arms
                    .iter()
                    .map(|a| a.name.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
    }
    if experiment.seeds.is_empty() {
        problems.push("seeds: give at least one seed".to_string());
    }
    if experiment.steps == Some(0) {
        problems.push("steps: must be at least 1".to_string());
    }
    // Selections are checked now, not when their stage comes after hours of training.
    let mut selections = vec![(
        "evaluation.benchmarks",
        Some(&experiment.evaluation.benchmarks),
    )];
    if let Some(p) = &experiment.persona {
        selections.push(("persona.benchmarks", p.benchmarks.as_ref()));
        if let Err(e) = ethos_eval::persona::PersonaLibrary::builtin()
            .and_then(|library| library.select(&p.personas).map(|_| ()))
        {
            problems.push(format!("persona.personas: {e}"));
        }
    }
    if let Some(f) = &experiment.finetune {
        selections.push(("finetune.benchmarks", f.benchmarks.as_ref()));
    }
    match ethos_eval::Registry::builtin() {
        Ok(mut registry) => {
            for (field, selection) in selections {
                if let Some(selection) = selection
                    && let Err(e) = registry.select(selection)
                {
                    problems.push(format!("{field}: {e}"));
                }
            }
        }
        Err(e) => problems.push(format!("the built-in benchmarks: {e}")),
    }
    if let Some(finetune) = &experiment.finetune {
        if let Some(problem) = ethos_eval::dose::dose_problems(&finetune.doses) {
            problems.push(format!("finetune.doses: {problem}"));
        }
        if !folder.join(&finetune.data).is_file() {
            problems.push(format!(
                "finetune.data: no file {}",
                folder.join(&finetune.data).display()
            ));
        }
    }
    if problems.is_empty() {
        Ok((experiment, loaded))
    } else {
        Err(problems
            .iter()
            .map(|p| format!("{}: {p}", path.display()))
            .collect::<Vec<_>>()
            .join("\n"))
    }
}

/// Scenarios the reward grader's audit grades (a deterministic spread of the trait data;
/// each costs eight gradings).
const AUDIT_SAMPLE: usize = 60;

/// The stages of `experiment` into `out`.
fn plan(
    path: &Path,
    experiment: &Experiment,
    loaded: &ethos_train::LoadedConfig,
    out: &Path,
) -> Plan {
    let folder = path.parent().unwrap_or(Path::new("."));
    let train_config = folder.join(&experiment.train);
    let model = loaded.config.model.clone();
    // The model as `--model` takes it: `default`, or a path relative to the train config.
    let model_arg = if model == "default" {
        None
    } else {
        Some(text(&loaded.resolve(Path::new(&model))))
    };
    let with_model = |args: &mut Vec<String>| {
        if let Some(m) = &model_arg {
            args.extend(["--model".to_string(), m.clone()]);
        }
    };
    let mut stages = Vec::new();
    if model == "default" {
        // Fetches the default model once (checked by its hash; a no-op when present).
        stages.push(Stage {
            kind: "model".into(),
            subject: "default".into(),
            args: vec!["model".into(), "pull".into()],
            adapter_of: None,
            out: PathBuf::new(),
        });
    }
    let mut data: Vec<String> = loaded
        .config
        .sources
        .iter()
        .flat_map(|s| s.paths.iter().map(|p| text(&loaded.resolve(p))))
        .collect();
    data.dedup();
    if !data.is_empty() {
        stages.push(Stage {
            kind: "data".into(),
            subject: "training sources".into(),
            args: std::iter::once("data".to_string())
                .chain(std::iter::once("validate".to_string()))
                .chain(data)
                .collect(),
            adapter_of: None,
            out: PathBuf::new(),
        });
    }
    // The reward grader's audit on the trait scenarios: can gaming answers score?
    let trait_data: Vec<String> = loaded
        .config
        .sources
        .iter()
        .filter(|s| s.role == ethos_train::config::SourceRole::Trait)
        .flat_map(|s| s.paths.iter().map(|p| text(&loaded.resolve(p))))
        .collect();
    if !trait_data.is_empty() {
        let file = out.join("audit").join("reward-grader.json");
        stages.push(Stage {
            kind: "audit".into(),
            subject: "reward grader".into(),
            args: ["grade", "audit", "--data"]
                .into_iter()
                .map(String::from)
                .chain(trait_data)
                .chain([
                    "--sample".to_string(),
                    AUDIT_SAMPLE.to_string(),
                    "--grader".to_string(),
                    loaded.config.graders.reward.to_string(),
                    "--out".to_string(),
                    text(&file),
                ])
                .collect(),
            adapter_of: None,
            out: file,
        });
    }
    let mut runs = Vec::new();
    for arm in &experiment.arms {
        for &seed in &experiment.seeds {
            let dir = out.join("arms").join(run_name(arm, seed));
            let mut args: Vec<String> = vec![
                "train".into(),
                "--config".into(),
                text(&train_config),
                "--arm".into(),
                arm.clone(),
                "--seed".into(),
                seed.to_string(),
                "--out".into(),
                text(&dir),
                "--resume".into(),
                "--quiet".into(),
            ];
            if let Some(steps) = experiment.steps {
                args.extend(["--steps".into(), steps.to_string()]);
            }
            stages.push(Stage {
                kind: "train".into(),
                subject: run_name(arm, seed),
                args,
                adapter_of: None,
                out: dir.clone(),
            });
            runs.push((arm.clone(), seed, dir));
        }
    }
    // Models: the pre-RL base, then every training run (its final checkpoint is the adapter).
    let mut models: Vec<(String, Option<PathBuf>)> = vec![("base".to_string(), None)];
    models.extend(
        runs.iter()
            .map(|(arm, seed, dir)| (run_name(arm, *seed), Some(dir.clone()))),
    );
    let evaluation = &experiment.evaluation;
    for (name, adapter) in &models {
        let dir = out.join("eval").join(name);
        let mut args: Vec<String> = vec!["eval".into()];
        with_model(&mut args);
        args.extend([
            "--benchmarks".into(),
            evaluation.benchmarks.clone(),
            "--out".into(),
            text(&dir),
            "--quiet".into(),
        ]);
        if let Some(limit) = evaluation.limit {
            args.extend(["--limit".into(), limit.to_string()]);
        }
        if let Some(judge) = &evaluation.judge {
            args.extend(["--judge".into(), judge.clone()]);
        }
        stages.push(Stage {
            kind: "eval".into(),
            subject: name.clone(),
            args,
            adapter_of: adapter.clone(),
            out: dir,
        });
    }
    // Attacks on the base and on each arm's first seed.
    let first_seed = experiment.seeds.first().copied().unwrap_or(0);
    let attacked: Vec<&(String, Option<PathBuf>)> = models
        .iter()
        .filter(|(name, _)| name == "base" || name.ends_with(&format!("-s{first_seed}")))
        .collect();
    if let Some(persona) = &experiment.persona {
        for (name, adapter) in &attacked {
            let dir = out.join("persona").join(name);
            let mut args: Vec<String> = vec!["attack".into(), "persona".into()];
            with_model(&mut args);
            args.extend([
                "--personas".into(),
                persona.personas.clone(),
                "--benchmarks".into(),
                persona
                    .benchmarks
                    .clone()
                    .unwrap_or_else(|| evaluation.benchmarks.clone()),
                "--out".into(),
                text(&dir),
                "--quiet".into(),
            ]);
            if let Some(limit) = persona.limit.or(evaluation.limit) {
                args.extend(["--limit".into(), limit.to_string()]);
            }
            stages.push(Stage {
                kind: "persona".into(),
                subject: name.clone(),
                args,
                adapter_of: adapter.clone(),
                out: dir,
            });
        }
    }
    if let Some(finetune) = &experiment.finetune {
        for (name, adapter) in &attacked {
            let dir = out.join("finetune").join(name);
            let mut args: Vec<String> = vec!["attack".into(), "finetune".into()];
            with_model(&mut args);
            args.extend([
                "--data".into(),
                text(&folder.join(&finetune.data)),
                "--doses".into(),
                finetune
                    .doses
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join(","),
                "--benchmarks".into(),
                finetune
                    .benchmarks
                    .clone()
                    .unwrap_or_else(|| evaluation.benchmarks.clone()),
                "--out".into(),
                text(&dir),
                "--quiet".into(),
            ]);
            if let Some(limit) = finetune.limit.or(evaluation.limit) {
                args.extend(["--limit".into(), limit.to_string()]);
            }
            stages.push(Stage {
                kind: "finetune".into(),
                subject: name.clone(),
                args,
                adapter_of: adapter.clone(),
                out: dir,
            });
        }
    }
    Plan {
        name: path.file_stem().map_or_else(
            || "experiment".to_string(),
            |s| s.to_string_lossy().into_owned(),
        ),
        experiment: experiment.clone(),
        model,
        runs,
        stages,
    }
}

/// Rough rates on the 2-core development machine (default model, f32, CPU) that the
/// estimate of `--dry-run` divides by; a GPU or another CPU differs. Where they come from:
/// - GRPO: the quickstart's arms generated 15,392 and 16,775 tokens in about 107 s each,
///   rollouts and updates together (2026-12-05);
/// - multiple choice: the quickstart's evaluations scored 240 items in 55-57 s, the
///   log-likelihood benchmark of BENCHMARKS.md 4.2-4.3 items/s;
/// - free text: rescoring risk_awareness-plan's 52 items took 34 s (200-token cap);
/// - SFT: the fine-tuning attack's 5 steps of 5 examples took about 25 s.
const GENERATED_TOKENS_PER_SECOND: f64 = 140.0;
const MC_ITEMS_PER_SECOND: f64 = 4.0;
const FREE_TEXT_ITEMS_PER_SECOND: f64 = 1.5;
const SFT_EXAMPLES_PER_SECOND: f64 = 1.0;

/// Work and time the plan will take: lines in words and seconds per stage.
struct Estimate {
    lines: Vec<String>,
    stage_seconds: Vec<f64>,
}

/// Estimates the work of every stage of `plan` on the development machine.
fn estimate(plan: &Plan, loaded: &ethos_train::LoadedConfig) -> anyhow::Result<Estimate> {
    let config = &loaded.config;
    let steps = plan.experiment.steps.or(config.budget.steps).unwrap_or(0);
    let per_step = (config.budget.prompts_per_step
        * config.rollout.group
        * config.rollout.max_new_tokens) as u64;
    let mut registry = match registry(&[]) {
        Ok(r) => r,
        Err(_) => anyhow::bail!("the benchmark registry could not be read"),
    };
    // (multiple-choice items, free-text items) of a selection.
    let mut items = |selection: &str, limit: Option<usize>| -> anyhow::Result<(usize, usize)> {
        let ids = registry
            .select(selection)
            .map_err(|e| anyhow::anyhow!("{e}"))?;
        let (mut mc, mut free) = (0, 0);
        for id in ids {
            if let Some(entry) = registry.get(&id) {
                let n = limit.unwrap_or(usize::MAX).min(entry.benchmark.items.len());
                match entry.benchmark.header.scoring {
                    ethos_core::Scoring::McLoglik(_) => mc += n,
                    _ => free += n,
                }
            }
        }
        Ok((mc, free))
    };
    let seconds_of = |(mc, free): (usize, usize)| {
        mc as f64 / MC_ITEMS_PER_SECOND + free as f64 / FREE_TEXT_ITEMS_PER_SECOND
    };
    let experiment = &plan.experiment;
    let evaluation = &experiment.evaluation;
    let eval_items = items(&evaluation.benchmarks, evaluation.limit)?;
    let persona = match &experiment.persona {
        Some(p) => {
            let n = items(
                p.benchmarks.as_deref().unwrap_or(&evaluation.benchmarks),
                p.limit.or(evaluation.limit),
            )?;
            let personas = ethos_eval::persona::PersonaLibrary::builtin()?
                .select(&p.personas)
                .map_or(1, |selected| selected.len());
            Some((n, personas + 1))
        }
        None => None,
    };
    let finetune = match &experiment.finetune {
        Some(f) => Some((
            items(
                f.benchmarks.as_deref().unwrap_or(&evaluation.benchmarks),
                f.limit.or(evaluation.limit),
            )?,
            f.doses.len(),
            f.doses.last().copied().unwrap_or(0),
        )),
        None => None,
    };
    let stage_seconds: Vec<f64> = plan
        .stages
        .iter()
        .map(|stage| match stage.kind.as_str() {
            "train" => (steps * per_step) as f64 / GENERATED_TOKENS_PER_SECOND,
            "eval" => seconds_of(eval_items),
            "persona" => persona.map_or(0.0, |(n, conditions)| conditions as f64 * seconds_of(n)),
            "finetune" => finetune.map_or(0.0, |(n, doses, top)| {
                top as f64 / SFT_EXAMPLES_PER_SECOND + doses as f64 * seconds_of(n)
            }),
            _ => 2.0,
        })
        .collect();
    let count = |kind: &str| plan.stages.iter().filter(|s| s.kind == kind).count();
    let runs = plan.runs.len() as u64;
    let mut lines = vec![format!(
        "training: {runs} run(s) x {steps} steps, at most {} generated tokens",
        runs * steps * per_step
    )];
    lines.push(format!(
        "evaluation: {} model(s) x {} items ({} multiple choice, {} free text)",
        count("eval"),
        eval_items.0 + eval_items.1,
        eval_items.0,
        eval_items.1
    ));
    if let Some((n, conditions)) = persona {
        lines.push(format!(
            "persona attack: {} model(s) x {conditions} condition(s) x {} items",
            count("persona"),
            n.0 + n.1
        ));
    }
    if let Some((n, doses, top)) = finetune {
        lines.push(format!(
            "fine-tuning attack: {} model(s), {top} attack examples, {doses} dose(s) x {} items",
            count("finetune"),
            n.0 + n.1
        ));
    }
    if count("audit") > 0 {
        lines.push(format!(
            "grader audit: up to {AUDIT_SAMPLE} trait scenarios x 8 responses with the reward grader"
        ));
    }
    lines.push(format!(
        "judge calls: {}",
        if evaluation.judge.is_some() {
            "one per judged criterion or item (see --judge)"
        } else {
            "none (offline rule graders)"
        }
    ));
    lines.push(format!(
        "estimated time on a 2-core CPU with the default model: about {:.0} minutes",
        stage_seconds.iter().sum::<f64>() / 60.0
    ));
    Ok(Estimate {
        lines,
        stage_seconds,
    })
}

/// Minutes and seconds, for the progress line.
fn clock(seconds: f64) -> String {
    let s = seconds.max(0.0).round() as u64;
    format!("{}:{:02}", s / 60, s % 60)
}

/// Runs `ethos ARGS` in this process.
fn run_command(args: &[String]) -> anyhow::Result<ExitCode> {
    let argv = std::iter::once("ethos".to_string()).chain(args.iter().cloned());
    let cli = Cli::try_parse_from(argv).map_err(|e| anyhow::anyhow!("{e}"))?;
    super::run(cli)
}

/// A stage's arguments, with `--adapter` set to its training run's final checkpoint.
fn stage_args(stage: &Stage) -> anyhow::Result<Vec<String>> {
    let mut args = stage.args.clone();
    if let Some(run) = &stage.adapter_of {
        let summary = ethos_train::load_summary(run).map_err(|e| anyhow::anyhow!("{e}"))?;
        args.extend(["--adapter".into(), text(&summary.final_checkpoint)]);
    }
    Ok(args)
}

pub fn run(args: RunArgs) -> anyhow::Result<ExitCode> {
    let (experiment, loaded) = match load_experiment(&args.experiment) {
        Ok(x) => x,
        Err(problems) => {
            eprintln!("error: {problems}");
            return Ok(ExitCode::from(EXIT_INVALID));
        }
    };
    let name = args.experiment.file_stem().map_or_else(
        || "experiment".to_string(),
        |s| s.to_string_lossy().into_owned(),
    );
    let out = args
        .out
        .clone()
        .unwrap_or_else(|| Path::new("runs").join(&name));
    let plan = plan(&args.experiment, &experiment, &loaded, &out);
    if args.dry_run {
        println!(
            "ethos run {}: {} stage(s) -> {}",
            args.experiment.display(),
            plan.stages.len() + 1,
            out.display()
        );
        for (i, stage) in plan.stages.iter().enumerate() {
            let adapter = stage.adapter_of.as_ref().map_or(String::new(), |run| {
                format!(" --adapter <final checkpoint of {}>", run.display())
            });
            println!("  {:>2}. ethos {}{adapter}", i + 1, stage.args.join(" "));
        }
        println!(
            "  {:>2}. ethos report {}",
            plan.stages.len() + 1,
            out.display()
        );
        for line in estimate(&plan, &loaded)?.lines {
            println!("{line}");
        }
        return Ok(ExitCode::SUCCESS);
    }
    std::fs::create_dir_all(&out).with_context(|| format!("creating {}", out.display()))?;
    write_atomic(
        &out.join("plan.json"),
        serde_json::to_string_pretty(&plan)?.as_bytes(),
    )?;
    // The estimate only feeds the progress line: without it the study still runs.
    let stage_seconds = estimate(&plan, &loaded).map(|e| e.stage_seconds).ok();
    let started = Instant::now();
    let total = plan.stages.len() + 1;
    // The ETA is the estimate of the stages left, scaled by how this machine has done
    // against the estimate on the stages run so far.
    let (mut estimated_done, mut measured_done) = (0.0_f64, 0.0_f64);
    for (i, stage) in plan.stages.iter().enumerate() {
        let done = stage.kind == "train" && stage.out.join("summary.json").is_file();
        let pace = if estimated_done > 30.0 {
            measured_done / estimated_done
        } else {
            1.0
        };
        let left = stage_seconds.as_ref().map_or(String::new(), |s| {
            format!(" | about {} left", clock(s[i..].iter().sum::<f64>() * pace))
        });
        eprintln!(
            "ethos run [{}/{total}] {} {}{} | elapsed {}{left}",
            i + 1,
            stage.kind,
            stage.subject,
            if done { ": done, skipped" } else { "" },
            clock(started.elapsed().as_secs_f64()),
        );
        if done {
            continue;
        }
        if stage.kind == "audit" && stage.out.is_file() {
            // Rerun in full (its gradings are cached), so a stale file never stands in
            // for an audit that failed.
            std::fs::remove_file(&stage.out)
                .with_context(|| format!("removing {}", stage.out.display()))?;
        }
        let stage_started = Instant::now();
        let code = run_command(&stage_args(stage)?)?;
        estimated_done += stage_seconds.as_ref().map_or(0.0, |s| s[i]);
        measured_done += stage_started.elapsed().as_secs_f64();
        if code != ExitCode::SUCCESS {
            // A gamed grader is a finding for the report, not a reason to stop; an audit
            // whose gradings failed (a judge outage) is a failed stage.
            let gamed_only = stage.kind == "audit"
                && std::fs::read_to_string(&stage.out)
                    .ok()
                    .and_then(|text| {
                        serde_json::from_str::<ethos_grade::audit::AuditReport>(&text).ok()
                    })
                    .is_some_and(|audit| audit.all_graded());
            if gamed_only {
                eprintln!(
                    "ethos run: the reward grader's audit found gaming strategies; see {} and the report",
                    stage.out.display()
                );
                continue;
            }
            eprintln!(
                "ethos run: stage {} ({} {}) failed; fix the cause and rerun the same command to resume",
                i + 1,
                stage.kind,
                stage.subject
            );
            return Ok(code);
        }
    }
    eprintln!(
        "ethos run [{total}/{total}] report | elapsed {}",
        clock(started.elapsed().as_secs_f64())
    );
    let (path, summary) = super::report::build(&out)?;
    println!("{summary}");
    println!("report: {}", path.display());
    eprintln!(
        "ethos run: finished in {:.1} min",
        started.elapsed().as_secs_f64() / 60.0
    );
    Ok(ExitCode::SUCCESS)
}
