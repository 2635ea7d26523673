//! `ethos train`: GRPO or SFT with LoRA from an experiment config.

use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;
use ethos_model::{CandleModel, LoadOptions};
use ethos_train::{Mode, RunEvent, RunOptions, Target, TrainError, load_config, train};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use serde_json::Value;

use super::EXIT_INVALID;
use super::grade::build_grader;
use super::model::resolve;
use crate::cli::{JudgeArgs, JudgeModeArg, TrainArgs};

/// A short summary of a metrics line for logs and the progress bar.
fn describe(line: &Value) -> String {
    let num = |key: &str| line.get(key).and_then(Value::as_f64).unwrap_or(0.0);
    // Fields that were not measured in a step are null: shown as "-".
    let maybe = |key: &str, digits: usize| {
        line.get(key)
            .and_then(Value::as_f64)
            .map_or_else(|| "-".to_string(), |v| format!("{v:.digits$}"))
    };
    if line.get("reward_mean").is_some() {
        format!(
            "reward {} ± {}  kl {}  loss {}  len {:.0}  skipped {}+{}  {:.0}s",
            maybe("reward_mean", 3),
            maybe("reward_std", 3),
            maybe("kl", 4),
            maybe("loss", 4),
            num("completion_len_mean"),
            num("zero_variance_groups"),
            num("failed_groups"),
            num("rollout_seconds") + num("grade_seconds") + num("update_seconds"),
        )
    } else {
        format!(
            "loss {:.4}  tokens {}  {:.0}s",
            num("loss"),
            num("trained_tokens"),
            num("update_seconds")
        )
    }
}

/// Exit code for errors in the user's inputs (config, data), 1 for the rest.
fn failure(err: TrainError) -> anyhow::Result<ExitCode> {
    match err {
        TrainError::Config(_) | TrainError::Data(_) => {
            eprintln!("error: {err}");
            Ok(ExitCode::from(EXIT_INVALID))
        }
        other => Err(other.into()),
    }
}

pub fn run(args: TrainArgs) -> anyhow::Result<ExitCode> {
    let mut loaded = match load_config(&args.config) {
        Ok(loaded) => loaded,
        Err(err) => return failure(err),
    };
    if let Some(seed) = args.seed {
        loaded.config.seed = seed;
    }
    let config = &loaded.config;
    let spec = args.model.clone().unwrap_or_else(|| config.model.clone());
    let path = if spec == "default" {
        resolve(None)?
    } else {
        let given = Path::new(&spec);
        if args.model.is_some() {
            given.to_path_buf()
        } else {
            loaded.resolve(given)
        }
    };
    let mode = if args.sft { Mode::Sft } else { Mode::Grpo };
    // Check the arm before the (slow) model load.
    if mode == Mode::Grpo
        && let Err(err) = loaded.arm(args.arm.as_deref())
    {
        return failure(err);
    }
    let options = LoadOptions {
        device: args.placement.device,
        weights: args.placement.dtype,
        ..LoadOptions::default()
    };
    let mut model = CandleModel::load_with(&path, options)
        .with_context(|| format!("loading model {} on {}", path.display(), options.device))?;
    let grader = match mode {
        Mode::Grpo => {
            let judge_args = JudgeArgs {
                judge_mode: JudgeModeArg::PerCriterion,
                concurrency: args.judge_concurrency,
                max_attempts: 3,
                judge_timeout: 120.0,
                judge_template: None,
                cache: args.judge_cache.clone(),
                no_cache: false,
            };
            Some(
                build_grader(&config.graders.reward, &judge_args, None)
                    .context("[graders] reward")?
                    .0,
            )
        }
        Mode::Sft => None,
    };
    let options = RunOptions {
        out: args.out.clone(),
        steps: args.steps,
        resume: args.resume,
        arm: args.arm.clone(),
        mode,
        model_id: path
            .file_name()
            .map_or_else(|| spec.clone(), |n| n.to_string_lossy().into_owned()),
        init_adapter: None,
    };
    let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
    if args.quiet {
        bar.set_draw_target(ProgressDrawTarget::hidden());
    }
    let mut unit = "steps";
    let mut on_event = |event: RunEvent<'_>| match event {
        RunEvent::Start {
            target,
            state,
            record,
        } => {
            let (done, total) = target.progress(mode, state);
            unit = match target {
                Target::Steps(_) => "steps",
                Target::Tokens(_) => "tokens",
            };
            bar.set_length(total);
            bar.set_position(done);
            if let Ok(style) = ProgressStyle::with_template(&format!(
                "{{bar:30}} {{pos}}/{{len}} {unit}  eta {{eta}}  {{msg}}"
            )) {
                bar.set_style(style);
            }
            let from = if state.step > 0 {
                format!(", resuming after step {}", state.step)
            } else {
                String::new()
            };
            let arm = record.arm.as_deref().unwrap_or("sft");
            eprintln!(
                "ethos train: {} arm `{arm}` on {}{from} -> {}",
                match mode {
                    Mode::Grpo => "GRPO",
                    Mode::Sft => "SFT",
                },
                record.model,
                args.out.display()
            );
        }
        RunEvent::Step { line, state } => {
            let text = describe(line);
            let step = line.get("step").and_then(Value::as_u64).unwrap_or(0);
            if args.quiet || bar.is_hidden() {
                eprintln!("step {step}: {text}");
            }
            bar.set_position(match unit {
                "tokens" => match mode {
                    Mode::Grpo => state.compute.generated_tokens,
                    Mode::Sft => state.compute.trained_tokens,
                },
                _ => state.step,
            });
            bar.set_message(text);
        }
        RunEvent::Checkpoint(path) => {
            if args.quiet || bar.is_hidden() {
                eprintln!("checkpoint {}", path.display());
            }
        }
    };
    let outcome = train(
        &loaded,
        &mut model,
        grader.as_deref(),
        &options,
        &mut on_event,
    );
    bar.finish_and_clear();
    match outcome {
        Ok(summary) => {
            let c = &summary.compute;
            println!(
                "trained {} steps: {} generated tokens, {} trained tokens, {:.3e} estimated FLOPs; adapter in {}",
                c.steps,
                c.generated_tokens,
                c.trained_tokens,
                c.flops(),
                summary.final_checkpoint.display()
            );
            Ok(ExitCode::SUCCESS)
        }
        Err(err) => failure(err),
    }
}
