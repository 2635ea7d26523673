//! `ethos export` and `ethos serve-reward`: the bridge to external RL engines. The engine
//! trains on an arm's prompts exported here and rewards its completions through the reward
//! server, both built from the same config, arm and mixture as `ethos train`.

use std::collections::HashMap;
use std::path::Path;
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::Context;
use ethos_export::{Format, arm_rows, write_export};
use ethos_grade::{GradeItem, GraderSpec};
use ethos_train::LoadedConfig;
use ethos_train::config::ArmConfig;
use ethos_train::mixture::Mixture;

use super::EXIT_INVALID;
use super::grade::build_grader;
use super::run::{Experiment, load_experiment};
use crate::cli::{ExportArgs, ExportFormatArg, ServeRewardArgs};

/// The training config behind `--config`: the file itself, or the `train` config of an
/// experiment file (with the experiment).
fn training_config(path: &Path) -> anyhow::Result<(LoadedConfig, Option<Experiment>)> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("--config {}", path.display()))?;
    let table: toml::Table =
        toml::from_str(&text).with_context(|| format!("--config {}", path.display()))?;
    if table.contains_key("train") {
        let (experiment, loaded) = load_experiment(path).map_err(|e| anyhow::anyhow!("{e}"))?;
        Ok((loaded, Some(experiment)))
    } else {
        Ok((
            ethos_train::load_config(path).map_err(|e| anyhow::anyhow!("{e}"))?,
            None,
        ))
    }
}

/// ethos train subtracts `[grpo] length_penalty` (scaled by completion tokens) from the
/// grade; the reward server and the exported recipe cannot, so say so.
fn warn_length_penalty(loaded: &LoadedConfig) {
    let penalty = loaded.config.grpo.length_penalty;
    if penalty != 0.0 {
        eprintln!(
            "warning: {}: [grpo] length_penalty = {penalty} is applied by ethos train from token counts; \
             the reward server and the engines' recipes leave it out, so their rewards differ from ethos train's",
            loaded.path.display()
        );
    }
}

/// The arm `name` of `loaded`, or the usage error naming `--arm`.
fn arm_of(loaded: &LoadedConfig, name: &str) -> Result<ArmConfig, ExitCode> {
    loaded.arm(Some(name)).cloned().map_err(|e| {
        eprintln!("error: --arm: {e}");
        ExitCode::from(EXIT_INVALID)
    })
}

pub fn run_export(args: ExportArgs) -> anyhow::Result<ExitCode> {
    let (mut loaded, experiment) = match training_config(&args.config) {
        Ok(x) => x,
        Err(e) => {
            eprintln!("error: {e:#}");
            return Ok(ExitCode::from(EXIT_INVALID));
        }
    };
    if let Some(seed) = args
        .seed
        .or_else(|| experiment.as_ref().and_then(|e| e.seeds.first().copied()))
    {
        loaded.config.seed = seed;
    }
    let Some(steps) = args
        .steps
        .or_else(|| experiment.as_ref().and_then(|e| e.steps))
        .or(loaded.config.budget.steps)
    else {
        eprintln!(
            "error: --steps: {} budgets generated tokens, not steps; say how many steps to export",
            args.config.display()
        );
        return Ok(ExitCode::from(EXIT_INVALID));
    };
    let arm = match arm_of(&loaded, &args.arm) {
        Ok(arm) => arm,
        Err(code) => return Ok(code),
    };
    let format = match args.format {
        ExportFormatArg::Trl => Format::Trl,
        ExportFormatArg::Verl => Format::Verl,
        ExportFormatArg::Openrlhf => Format::Openrlhf,
    };
    warn_length_penalty(&loaded);
    let (train, validation) = match arm_rows(&loaded, &arm, steps, args.validation) {
        Ok(rows) => rows,
        Err(ethos_export::ExportError::Invalid(message)) => {
            eprintln!("error: {message}");
            return Ok(ExitCode::from(EXIT_INVALID));
        }
        Err(e) => return Err(e.into()),
    };
    let manifest = write_export(
        format,
        &loaded,
        &args.arm,
        steps,
        &train,
        &validation,
        &args.out,
    )?;
    println!(
        "ethos export: arm {} of {} as {}, seed {}, {} steps x {} prompts -> {}",
        manifest.arm,
        manifest.config,
        format.name(),
        manifest.seed,
        manifest.steps,
        manifest.prompts_per_step,
        args.out.display()
    );
    for (source, rows, share) in &manifest.sources {
        println!("  {source}: {rows} prompts ({:.1}%)", 100.0 * share);
    }
    for (file, rows, _) in &manifest.files {
        println!("  {file}: {rows} rows");
    }
    Ok(ExitCode::SUCCESS)
}

pub fn run_serve_reward(args: ServeRewardArgs) -> anyhow::Result<ExitCode> {
    let (loaded, _) = match training_config(&args.config) {
        Ok(x) => x,
        Err(e) => {
            eprintln!("error: {e:#}");
            return Ok(ExitCode::from(EXIT_INVALID));
        }
    };
    let arm = match arm_of(&loaded, &args.arm) {
        Ok(arm) => arm,
        Err(code) => return Ok(code),
    };
    let Some(max_body_bytes) = args.max_body_mib.max(1).checked_mul(1 << 20) else {
        eprintln!("error: --max-body-mib {} is too large", args.max_body_mib);
        return Ok(ExitCode::from(EXIT_INVALID));
    };
    warn_length_penalty(&loaded);
    let spec: GraderSpec = match &args.grader {
        Some(text) => match text.parse() {
            Ok(spec) => spec,
            Err(e) => {
                eprintln!("error: --grader: {e}");
                return Ok(ExitCode::from(EXIT_INVALID));
            }
        },
        None => loaded.config.graders.reward.clone(),
    };
    // The arm's items as its mixture holds them (the reward-control arm's trait items
    // carry the generic rubric), so rewards are those `ethos train` would give.
    let mixture = Mixture::for_arm(&loaded, &arm).map_err(|e| anyhow::anyhow!("{e}"))?;
    let items: HashMap<String, GradeItem> = mixture
        .sources()
        .iter()
        .flat_map(|s| s.items.iter())
        .map(|item| (item.id().to_string(), item.clone()))
        .collect();
    let (grader, _cache) = build_grader(&spec, &args.judge, None)?;
    let service = ethos_serve::RewardService {
        grader: Arc::from(grader),
        items,
        arm: args.arm.clone(),
    };
    let config = ethos_serve::RewardServeConfig {
        host: args.host,
        port: args.port,
        api_key: args.api_key.clone(),
        max_body_bytes,
        max_batch: args.max_batch.max(1),
        max_gradings: args.max_concurrent.max(1),
        retry_after_seconds: args.retry_after,
    };
    let count = service.items.len();
    let grader_id = service.grader.id();
    let runtime = tokio::runtime::Runtime::new()?;
    runtime
        .block_on(ethos_serve::serve_reward(service, config, |address| {
            // The same line as `ethos serve`, on stderr, for scripts waiting on the port.
            eprintln!(
                "ethos: listening on http://{address} (reward server: arm {}, {count} items, grader {grader_id})",
                args.arm
            );
        }))
        .with_context(|| format!("serving on {}:{}", args.host, args.port))?;
    Ok(ExitCode::SUCCESS)
}
