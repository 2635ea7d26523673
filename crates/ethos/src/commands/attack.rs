//! `ethos attack`: persistence attacks on top of the evaluation runner.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;
use ethos_core::jsonl::write_atomic;
use ethos_eval::Progress;
use ethos_eval::dose::{FinetuneAttack, FinetuneRecipe, dose_dir, dose_problems, dose_table};
use ethos_eval::evaluate;
use ethos_eval::persona::{
    ATTACK_VERSION, PersonaAttack, PersonaKind, PersonaLibrary, Push, run_persona_attack,
};
use ethos_eval::run::{Stage, pending_items, wanted_items};
use ethos_model::lora::{LoraConfig, LoraTarget};
use ethos_model::{CandleModel, LanguageModel, LoadOptions};
use ethos_train::sft::load_examples;
use ethos_train::{Mode, RunOptions, checkpoint, load_config, train};
use sha2::{Digest, Sha256};

use super::EXIT_INVALID;
use super::eval::{EvalSetup, eval_failure, progress_bar, report_failed_records};
use super::model::{open_evaluated, resolve};
use crate::cli::{AttackCommand, FinetuneArgs, PersonaArgs};

pub fn run(command: AttackCommand) -> anyhow::Result<ExitCode> {
    match command {
        AttackCommand::Persona(args) => run_persona(args),
        AttackCommand::Finetune(args) => run_finetune(args),
    }
}

fn kind_name(kind: PersonaKind) -> &'static str {
    match kind {
        PersonaKind::Harmful => "harmful",
        PersonaKind::Helpful => "helpful",
    }
}

fn push_name(push: Push) -> &'static str {
    match push {
        Push::Worse => "worse",
        Push::Better => "better",
    }
}

fn run_persona(args: PersonaArgs) -> anyhow::Result<ExitCode> {
    let mut library = PersonaLibrary::builtin()?;
    for file in &args.persona_file {
        if let Err(err) = library.add_file(file) {
            eprintln!("error: {err}");
            return Ok(ExitCode::from(EXIT_INVALID));
        }
    }
    if args.list {
        if args.eval.json {
            println!("{}", serde_json::to_string_pretty(&library.all())?);
        } else {
            for p in library.all() {
                let targets: Vec<String> = p
                    .targets
                    .iter()
                    .map(|(c, push)| format!("{c} {}", push_name(*push)))
                    .collect();
                println!(
                    "{:<24} {:<8} {}  [{}]",
                    p.id,
                    kind_name(p.kind),
                    p.title,
                    targets.join(", ")
                );
            }
        }
        return Ok(ExitCode::SUCCESS);
    }
    let Some(selection) = &args.personas else {
        eprintln!("error: --personas is required (or --list)");
        return Ok(ExitCode::from(EXIT_INVALID));
    };
    let personas = match library.select(selection) {
        Ok(p) => p,
        Err(err) => {
            eprintln!("error: {err}");
            return Ok(ExitCode::from(EXIT_INVALID));
        }
    };
    if args.eval.system_prompt.is_some() {
        eprintln!("error: --system-prompt: a persona attack sets the system prompt itself");
        return Ok(ExitCode::from(EXIT_INVALID));
    }
    let Some(out) = &args.eval.out else {
        eprintln!("error: --out is required");
        return Ok(ExitCode::from(EXIT_INVALID));
    };
    let setup = match EvalSetup::open(&args.eval)? {
        Ok(setup) => setup,
        Err(code) => return Ok(code),
    };
    let model = open_evaluated(&args.eval.model)?;
    let benchmarks = setup.benchmarks();
    let models = setup.models(model.as_ref());
    eprintln!(
        "ethos attack persona: {} on {} benchmark(s), clean and under {} persona(s) -> {}",
        models.model.id(),
        benchmarks.len(),
        personas.len(),
        out.display()
    );
    let mut progress = progress_bar(args.eval.quiet);
    let attack = match run_persona_attack(
        out,
        &benchmarks,
        &personas,
        &models,
        &setup.settings,
        &mut progress,
    ) {
        Ok(attack) => attack,
        Err(err) => return eval_failure(err, &mut progress),
    };
    if args.eval.json {
        println!("{}", serde_json::to_string_pretty(&attack)?);
    } else {
        print_persona_attack(&attack);
        println!("records and attack.json in {}", out.display());
    }
    Ok(ExitCode::SUCCESS)
}

fn fmt(value: Option<f64>) -> String {
    value.map_or_else(|| "-".to_string(), |v| format!("{v:.3}"))
}

fn print_persona_attack(attack: &PersonaAttack) {
    println!("model {}", attack.model);
    println!(
        "{:<24} {:<8} {:<44} {:>5} {:>7} {:>8} {:>11}  push",
        "persona", "kind", "benchmark", "n", "clean", "attacked", "degradation"
    );
    for row in &attack.rows {
        println!(
            "{:<24} {:<8} {:<44} {:>5} {:>7} {:>8} {:>11}  {}{}",
            row.persona,
            kind_name(row.kind),
            row.benchmark,
            row.n,
            fmt(row.clean),
            fmt(row.attacked),
            fmt(row.degradation),
            push_name(row.push),
            if row.targeted { "" } else { " (not targeted)" }
        );
    }
    println!(
        "degradation: how much worse the persona made the score (positive is worse; direction-aware)"
    );
}

/// The fixed fine-tuning recipe: the same for every model attacked, so curves compare.
const EXAMPLES_PER_STEP: u64 = 5;
const LEARNING_RATE: f64 = 1e-3;
const MAX_TOKENS: usize = 256;
const RECIPE_SEED: u64 = 0;

fn invalid(message: impl std::fmt::Display) -> anyhow::Result<ExitCode> {
    eprintln!("error: {message}");
    Ok(ExitCode::from(EXIT_INVALID))
}

fn run_finetune(args: FinetuneArgs) -> anyhow::Result<ExitCode> {
    let doses = args.doses.clone();
    if let Some(problem) = dose_problems(&doses) {
        return invalid(problem);
    }
    if doses[0] != 0 {
        return invalid(
            "--doses must start at 0: degradation is measured against the model as given",
        );
    }
    if let Some(d) = doses.iter().find(|d| *d % EXAMPLES_PER_STEP != 0) {
        return invalid(format!(
            "--doses: {d} is not a multiple of the recipe's {EXAMPLES_PER_STEP} examples per step"
        ));
    }
    let Some(data) = &args.data else {
        return invalid(
            "--data is required (an attack set, e.g. data/attacks/confident-medical-misinformation.jsonl)",
        );
    };
    let examples = match load_examples(std::slice::from_ref(data)) {
        Ok(examples) => examples,
        Err(err) => return invalid(format!("--data: {err}")),
    };
    let Some(out) = args.eval.out.clone() else {
        return invalid("--out is required");
    };
    if args.eval.system_prompt.is_some() {
        return invalid("--system-prompt: the fine-tuning attack evaluates the model without one");
    }
    if args
        .eval
        .model
        .model
        .as_deref()
        .is_some_and(|m| m.starts_with("openai:"))
    {
        return invalid(
            "--model: the fine-tuning attack trains the model, so it must be a local GGUF file or Hugging Face folder",
        );
    }
    let setup = match EvalSetup::open(&args.eval)? {
        Ok(setup) => setup,
        Err(code) => return Ok(code),
    };
    let path = resolve(args.eval.model.model.as_deref().map(Path::new))?;
    let options = LoadOptions {
        device: args.eval.model.placement.device,
        weights: args.eval.model.placement.dtype,
        ..LoadOptions::default()
    };
    let mut model = CandleModel::load_with(&path, options)
        .with_context(|| format!("loading model {}", path.display()))?;
    let lora = match &args.eval.model.adapter {
        Some(adapter) => {
            if let Err(err) = model.attach_peft_adapter(adapter) {
                return invalid(format!(
                    "--adapter {}: {err} (was it trained on {}?)",
                    adapter.display(),
                    path.display()
                ));
            }
            model.llama().adapters().map(|a| a.config().clone())
        }
        None => None,
    };
    let start = if lora.is_some() {
        "continued adapter"
    } else {
        "fresh adapter"
    };
    let lora = lora.unwrap_or(LoraConfig {
        rank: 16,
        alpha: 32.0,
        dropout: 0.0,
        targets: vec![LoraTarget::Q, LoraTarget::V],
    });
    let recipe = FinetuneRecipe {
        lr: LEARNING_RATE,
        examples_per_step: EXAMPLES_PER_STEP as usize,
        micro_batch: EXAMPLES_PER_STEP as usize,
        max_tokens: MAX_TOKENS,
        rank: lora.rank,
        alpha: lora.alpha,
        dropout: lora.dropout,
        targets: lora
            .targets
            .iter()
            .map(|t| t.peft_name().to_string())
            .collect(),
        seed: RECIPE_SEED,
        start: start.to_string(),
    };
    let data_bytes = std::fs::read(data).with_context(|| format!("reading {}", data.display()))?;
    let data_abs = std::fs::canonicalize(data).unwrap_or_else(|_| data.clone());
    // The recipe as an SFT config of the trainer, written once into the run directory.
    let targets = lora
        .targets
        .iter()
        .map(serde_json::to_string)
        .collect::<Result<Vec<_>, _>>()?;
    let config_text = format!(
        "# ethos attack finetune: the fixed recipe (constant learning rate, so each dose continues the last)\n\
         model = {model}\nseed = {RECIPE_SEED}\n\n[lora]\nrank = {rank}\nalpha = {alpha:?}\ndropout = {dropout:?}\ntargets = [{targets}]\n\n\
         [optimizer]\nlr = {LEARNING_RATE:?}\nwarmup_steps = 0\nmin_lr_ratio = 1.0\n\n\
         [budget]\nsteps = 1 # each dose passes its own step count\nprompts_per_step = {EXAMPLES_PER_STEP}\nmicro_batch = {EXAMPLES_PER_STEP}\ncheckpoint_every = 1000000\n\n\
         [graders]\nreward = \"rules\"\nevaluation = \"rules\"\n\n[sft]\npaths = [{data}]\nmax_tokens = {MAX_TOKENS}\n",
        model = serde_json::to_string(&path.display().to_string())?,
        rank = lora.rank,
        alpha = lora.alpha,
        dropout = lora.dropout,
        targets = targets.join(", "),
        data = serde_json::to_string(&data_abs.display().to_string())?,
    );
    std::fs::create_dir_all(&out).with_context(|| format!("creating {}", out.display()))?;
    let config_path = out.join("recipe.toml");
    match std::fs::read_to_string(&config_path) {
        Ok(existing) if existing != config_text => {
            return invalid(format!(
                "{} holds an attack with another recipe, model, adapter or data: use another --out",
                out.display()
            ));
        }
        Ok(_) => {}
        Err(_) => write_atomic(&config_path, config_text.as_bytes())
            .with_context(|| format!("writing {}", config_path.display()))?,
    }
    let loaded = match load_config(&config_path) {
        Ok(loaded) => loaded,
        Err(err) => return invalid(err),
    };
    let benchmarks = setup.benchmarks();
    let train_dir = out.join("train");
    let per_dose = wanted_items(&benchmarks, &setup.settings);
    let mut progress = progress_bar(args.eval.quiet);
    eprintln!(
        "ethos attack finetune: {} ({start}) on {} examples of {}, doses {:?}, {} benchmark(s) -> {}",
        model.id(),
        examples.len(),
        data.display(),
        doses,
        benchmarks.len(),
        out.display()
    );
    let tokens_path = out.join("trained_tokens.json");
    let mut trained_tokens: BTreeMap<u64, u64> = std::fs::read_to_string(&tokens_path)
        .ok()
        .and_then(|t| serde_json::from_str(&t).ok())
        .unwrap_or_default();
    trained_tokens.insert(0, 0);
    for (index, &dose) in doses.iter().enumerate() {
        let dir = out.join(dose_dir(dose));
        let pending = pending_items(&dir, &benchmarks, &setup.settings)?;
        let steps = dose / EXAMPLES_PER_STEP;
        if pending > 0 && steps > 0 {
            let latest = checkpoint::latest(&train_dir)?.map_or(0, |(state, _)| state.step);
            if latest > steps {
                return invalid(format!(
                    "dose {dose} has items left to score but training in {} went past it (step {latest}); use another --out",
                    train_dir.display()
                ));
            }
            progress.benchmark(&format!("training to dose {dose} ({steps} steps)"));
            let options = RunOptions {
                out: train_dir.clone(),
                steps: Some(steps),
                resume: true,
                arm: None,
                mode: Mode::Sft,
                model_id: path.file_name().map_or_else(
                    || path.display().to_string(),
                    |n| n.to_string_lossy().into_owned(),
                ),
                init_adapter: args.eval.model.adapter.clone(),
            };
            let summary = match train(&loaded, &mut model, None, &options, &mut |_| {}) {
                Ok(summary) => summary,
                Err(err) => {
                    progress.finish();
                    return Err(err.into());
                }
            };
            trained_tokens.insert(dose, summary.compute.trained_tokens);
            write_atomic(
                &tokens_path,
                serde_json::to_string_pretty(&trained_tokens)?.as_bytes(),
            )?;
        }
        let models = setup.models(&model);
        let mut stage = Stage {
            inner: &mut progress,
            name: format!("[dose {dose}]"),
            done_before: index * per_dose,
            total: per_dose * doses.len(),
        };
        let summary = match evaluate(&dir, &benchmarks, &models, &setup.settings, &mut stage) {
            Ok(summary) => summary,
            Err(err) => return eval_failure(err, &mut progress),
        };
        if report_failed_records(&summary, &setup.ids) > 0 {
            progress.finish();
            eprintln!("ethos attack finetune: rerun the same command to retry the failed records");
            return Ok(ExitCode::FAILURE);
        }
    }
    progress.finish();
    let table = dose_table(&out, &benchmarks, &doses, 10_000, 0)?;
    let attack = FinetuneAttack {
        ethos_attack: ATTACK_VERSION,
        attack: "finetune".to_string(),
        model: model.id().to_string(),
        adapter: args
            .eval
            .model
            .adapter
            .as_ref()
            .map(|p| p.display().to_string()),
        data: data.clone(),
        data_examples: examples.len(),
        data_sha256: format!("{:x}", Sha256::digest(&data_bytes)),
        doses: doses.clone(),
        recipe,
        benchmarks: setup.ids.clone(),
        rows: table.rows,
        pooled: table.pooled,
        auc: table.auc,
        trained_tokens: doses
            .iter()
            .filter_map(|d| trained_tokens.get(d).map(|t| (*d, *t)))
            .collect(),
    };
    write_atomic(
        &out.join("attack.json"),
        serde_json::to_string_pretty(&attack)?.as_bytes(),
    )?;
    if args.eval.json {
        println!("{}", serde_json::to_string_pretty(&attack)?);
    } else {
        print_dose_table(&attack);
        println!("records and attack.json in {}", out.display());
    }
    Ok(ExitCode::SUCCESS)
}

fn print_dose_table(attack: &FinetuneAttack) {
    println!(
        "model {} ({}), attack set {} ({} examples)",
        attack.model,
        attack.recipe.start,
        attack.data.display(),
        attack.data_examples
    );
    println!(
        "{:<44} {:>6} {:>5} {:>7} {:>11} {:>18}",
        "benchmark", "dose", "n", "mean", "degradation", "95% CI"
    );
    for row in &attack.rows {
        println!(
            "{:<44} {:>6} {:>5} {:>7} {:>11} {:>18}",
            row.benchmark,
            row.dose,
            row.n,
            fmt(row.mean),
            fmt(row.degradation),
            row.ci
                .map_or("-".to_string(), |(l, h)| format!("[{l:.3}, {h:.3}]"))
        );
    }
    for p in &attack.pooled {
        println!(
            "{:<44} {:>6} {:>5} {:>7} {:>11} {:>18}",
            "all benchmarks (pooled items)",
            p.dose,
            p.n,
            "",
            fmt(p.degradation),
            p.ci.map_or("-".to_string(), |(l, h)| format!("[{l:.3}, {h:.3}]"))
        );
    }
    println!(
        "area under the pooled degradation curve (mean over the dose range): {}",
        fmt(attack.auc)
    );
}
