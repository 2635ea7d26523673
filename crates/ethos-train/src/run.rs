//! A whole training run: the loop over steps, the run folder and resuming.
//!
//! ```text
//! RUN/
//!   run.json                 what was run: config text and hash, arm, mode, model, graders, mixture
//!   metrics.jsonl            one line per step (metrics, learning rate, running compute totals)
//!   checkpoints/step-N/      PEFT adapter, optimizer state, trainer_state.json
//!   summary.json             totals at the end (compared across arms)
//! ```
//!
//! Every random choice of step `s` derives from (seed, s), and the optimizer state is
//! saved with the adapter, so a run resumed from its last checkpoint repeats exactly what
//! the uninterrupted run would have done. Lines of `metrics.jsonl` written after that
//! checkpoint are dropped on resume.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

use ethos_grade::Grader;
use ethos_model::CandleModel;
use ethos_model::lora::LoraAdapters;
use rand::SeedableRng;
use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use sha2::{Digest, Sha256};

use crate::checkpoint::{self, TrainerState};
use crate::compute::ComputeTotals;
use crate::config::LoadedConfig;
use crate::error::{Result, TrainError};
use crate::mixture::{Mixture, SourceSummary, mix};
use crate::optim::AdamW;
use crate::sft::{SftExample, load_examples, sft_step, tokenize_example};
use crate::step::{RolloutPrompt, StepSettings, grpo_step};

/// GRPO or supervised fine-tuning.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    /// Reinforcement learning on the arm's mixture.
    Grpo,
    /// Cross-entropy on the `[sft]` conversations.
    Sft,
}

/// How to run.
#[derive(Debug, Clone)]
pub struct RunOptions {
    /// The run folder.
    pub out: PathBuf,
    /// Override the budget with this many steps.
    pub steps: Option<u64>,
    /// Continue the run in `out` from its last checkpoint.
    pub resume: bool,
    /// The arm (GRPO; the first arm when `None`).
    pub arm: Option<String>,
    /// GRPO or SFT.
    pub mode: Mode,
    /// The base model's name, written into `adapter_config.json` and `run.json`.
    pub model_id: String,
    /// Start from this PEFT adapter instead of a fresh one (when there is no checkpoint
    /// to resume); its LoRA settings must be the config's.
    pub init_adapter: Option<PathBuf>,
}

/// What `run.json` records.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RunRecord {
    /// ethos version that started the run.
    pub ethos_version: String,
    /// GRPO or SFT.
    pub mode: Mode,
    /// Arm name (GRPO).
    pub arm: Option<String>,
    /// The config file as given.
    pub config_path: String,
    /// SHA-256 of the config text; a resume must use the same config.
    pub config_sha256: String,
    /// The config text.
    pub config_text: String,
    /// The seed the run used: the config's, unless the caller set another (`ethos run`
    /// trains each arm under several seeds from one config).
    /// `None` in runs started before the field existed.
    #[serde(default)]
    pub seed: Option<u64>,
    /// The base model.
    pub model: String,
    /// The reward grader (GRPO).
    pub reward_grader: Option<String>,
    /// The evaluation grader named by the config (kept apart from the reward grader).
    pub evaluation_grader: String,
    /// The arm's sources after filtering (GRPO).
    pub sources: Vec<SourceSummary>,
}

/// What `summary.json` records at the end.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RunSummary {
    /// GRPO or SFT.
    pub mode: Mode,
    /// Arm name (GRPO).
    pub arm: Option<String>,
    /// Compute used by the whole run.
    pub compute: ComputeTotals,
    /// The last checkpoint.
    pub final_checkpoint: PathBuf,
}

/// Reads a finished run's `summary.json` (a run still going, or killed, has none yet).
pub fn load_summary(run: &Path) -> Result<RunSummary> {
    let path = run.join("summary.json");
    if !path.is_file() {
        return Err(TrainError::Data(format!(
            "{}: no such file; the run in {} has not finished (resume it with `ethos train --resume`)",
            path.display(),
            run.display()
        )));
    }
    let text = std::fs::read_to_string(&path).map_err(|e| file_error(&path, e))?;
    serde_json::from_str(&text).map_err(|e| TrainError::Data(format!("{}: {e}", path.display())))
}

/// Reads a run's `run.json` (written when the run starts).
pub fn load_record(run: &Path) -> Result<RunRecord> {
    let path = run.join("run.json");
    let text = std::fs::read_to_string(&path).map_err(|e| file_error(&path, e))?;
    serde_json::from_str(&text).map_err(|e| TrainError::Data(format!("{}: {e}", path.display())))
}

/// The stopping rule of a run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// This many steps.
    Steps(u64),
    /// Until this many tokens were generated (GRPO) or trained on (SFT).
    Tokens(u64),
}

impl Target {
    fn reached(self, mode: Mode, state: &TrainerState) -> bool {
        match self {
            Self::Steps(n) => state.step >= n,
            Self::Tokens(n) => {
                let used = match mode {
                    Mode::Grpo => state.compute.generated_tokens,
                    Mode::Sft => state.compute.trained_tokens,
                };
                used >= n
            }
        }
    }

    /// Progress so far and the total, in the target's unit.
    pub fn progress(self, mode: Mode, state: &TrainerState) -> (u64, u64) {
        match self {
            Self::Steps(n) => (state.step, n),
            Self::Tokens(n) => match mode {
                Mode::Grpo => (state.compute.generated_tokens, n),
                Mode::Sft => (state.compute.trained_tokens, n),
            },
        }
    }
}

/// What the loop tells its caller (for progress bars and logs).
#[derive(Debug)]
pub enum RunEvent<'a> {
    /// About to run; `state` is where it starts (step 0 or a checkpoint).
    Start {
        /// The stopping rule.
        target: Target,
        /// Where the run starts.
        state: &'a TrainerState,
        /// The record of the run.
        record: &'a RunRecord,
    },
    /// A step finished and its line was written.
    Step {
        /// The `metrics.jsonl` line.
        line: &'a Value,
        /// Counters after the step.
        state: &'a TrainerState,
    },
    /// A checkpoint was written.
    Checkpoint(&'a Path),
}

fn file_error(path: &Path, err: impl ToString) -> TrainError {
    TrainError::File {
        path: path.to_path_buf(),
        message: err.to_string(),
    }
}

/// Writes `bytes` to `path` through a temporary file and a rename.
fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let tmp = path.with_extension("tmp");
    std::fs::write(&tmp, bytes).map_err(|e| file_error(&tmp, e))?;
    std::fs::rename(&tmp, path).map_err(|e| file_error(path, e))
}

fn write_json(path: &Path, value: &impl Serialize) -> Result<()> {
    let text = serde_json::to_string_pretty(value).map_err(|e| file_error(path, e))?;
    write_atomic(path, format!("{text}\n").as_bytes())
}

/// Keeps the lines of `metrics.jsonl` up to `step` (a torn last line is dropped too).
fn truncate_metrics(path: &Path, step: u64) -> Result<()> {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(err) => return Err(file_error(path, err)),
    };
    let kept: String = text
        .lines()
        .filter(|line| {
            serde_json::from_str::<Value>(line)
                .ok()
                .and_then(|v| v.get("step").and_then(Value::as_u64))
                .is_some_and(|s| s <= step)
        })
        .map(|line| format!("{line}\n"))
        .collect();
    write_atomic(path, kept.as_bytes())
}

fn append_line(path: &Path, line: &Value) -> Result<()> {
    let mut file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
        .map_err(|e| file_error(path, e))?;
    writeln!(file, "{line}")
        .and_then(|()| file.flush())
        .map_err(|e| file_error(path, e))
}

/// The prompts or examples of a run.
enum Work<'g> {
    Grpo {
        mixture: Mixture,
        grader: &'g dyn Grader,
    },
    Sft(Vec<SftExample>),
}

fn to_value(metrics: &impl Serialize) -> Result<Value> {
    serde_json::to_value(metrics).map_err(|e| TrainError::Invalid(e.to_string()))
}

/// Runs (or resumes) training as `loaded` and `options` say. `grader` is the reward
/// grader (required for GRPO). Returns the run's totals.
pub fn train(
    loaded: &LoadedConfig,
    model: &mut CandleModel,
    grader: Option<&dyn Grader>,
    options: &RunOptions,
    on_event: &mut dyn FnMut(RunEvent<'_>),
) -> Result<RunSummary> {
    let config = &loaded.config;
    let mode = options.mode;
    // Everything that can be wrong with the inputs is checked before the run folder is
    // touched.
    let (mut work, arm_name, sources) = match mode {
        Mode::Grpo => {
            let arm = loaded.arm(options.arm.as_deref())?;
            let grader =
                grader.ok_or_else(|| TrainError::Invalid("GRPO needs a reward grader".into()))?;
            let mixture = Mixture::for_arm(loaded, arm)?;
            let sources = mixture.summary().to_vec();
            (
                Work::Grpo { mixture, grader },
                Some(arm.name.clone()),
                sources,
            )
        }
        Mode::Sft => {
            let sft = config.sft.as_ref().ok_or_else(|| {
                TrainError::Config(format!(
                    "{}: sft: --sft needs an [sft] section with paths",
                    loaded.path.display()
                ))
            })?;
            let paths: Vec<PathBuf> = sft.paths.iter().map(|p| loaded.resolve(p)).collect();
            (Work::Sft(load_examples(&paths)?), None, Vec::new())
        }
    };
    let target = match (
        options.steps,
        config.budget.steps,
        config.budget.generated_tokens,
    ) {
        (Some(0), _, _) => {
            return Err(TrainError::Config("--steps must be above 0".into()));
        }
        (Some(n), _, _) | (None, Some(n), _) => Target::Steps(n),
        (None, None, Some(n)) => Target::Tokens(n),
        (None, None, None) => {
            return Err(TrainError::Config(format!(
                "{}: budget: set steps or generated_tokens",
                loaded.path.display()
            )));
        }
    };
    let per_step = config.budget.prompts_per_step;
    let schedule_steps = match target {
        Target::Steps(n) => n,
        // A token budget: the schedule assumes every completion runs to full length, so
        // the cosine reaches its floor no later than the budget does.
        Target::Tokens(n) => {
            let per = match mode {
                Mode::Grpo => per_step * config.rollout.group * config.rollout.max_new_tokens,
                Mode::Sft => per_step * config.sft.as_ref().map_or(1, |s| s.max_tokens),
            };
            n.div_ceil(per.max(1) as u64)
        }
    };
    let schedule = config.optimizer.schedule(schedule_steps);

    let record = RunRecord {
        ethos_version: env!("CARGO_PKG_VERSION").to_string(),
        mode,
        arm: arm_name.clone(),
        config_path: loaded.path.display().to_string(),
        config_sha256: format!("{:x}", Sha256::digest(loaded.text.as_bytes())),
        config_text: loaded.text.clone(),
        seed: Some(config.seed),
        model: options.model_id.clone(),
        reward_grader: (mode == Mode::Grpo).then(|| config.graders.reward.to_string()),
        evaluation_grader: config.graders.evaluation.to_string(),
        sources,
    };
    let out = &options.out;
    let record_path = out.join("run.json");
    let metrics_path = out.join("metrics.jsonl");
    let existing = checkpoint::latest(out)?;
    if record_path.exists() || existing.is_some() {
        if !options.resume {
            return Err(TrainError::Invalid(format!(
                "{} already holds a run; pass --resume to continue it or choose another --out",
                out.display()
            )));
        }
        let text =
            std::fs::read_to_string(&record_path).map_err(|e| file_error(&record_path, e))?;
        let before: RunRecord =
            serde_json::from_str(&text).map_err(|e| file_error(&record_path, e))?;
        if (before.config_sha256.as_str(), before.mode, &before.arm)
            != (record.config_sha256.as_str(), record.mode, &record.arm)
            || before.seed.is_some_and(|s| Some(s) != record.seed)
        {
            return Err(TrainError::Invalid(format!(
                "{} was started with another config, mode, arm or seed ({}, {:?}, arm {:?}, seed {:?}); resume it with the same ones or choose another --out",
                out.display(),
                before.config_path,
                before.mode,
                before.arm,
                before.seed
            )));
        }
    }
    std::fs::create_dir_all(out).map_err(|e| file_error(out, e))?;
    write_json(&record_path, &record)?;

    let device = model.llama().device().clone();
    let model_config = model.llama().config().clone();
    let (adapters, mut state) = match existing.filter(|_| options.resume) {
        Some((state, dir)) => (
            checkpoint::load_adapters(&dir, &model_config, &device)?,
            state,
        ),
        None => (
            match &options.init_adapter {
                Some(dir) => LoraAdapters::load_peft(dir, &model_config, &device)?,
                None => LoraAdapters::new(
                    config.lora.to_lora_config(),
                    &model_config,
                    config.seed,
                    &device,
                )?,
            },
            TrainerState {
                step: 0,
                seed: config.seed,
                compute: ComputeTotals::default(),
            },
        ),
    };
    if adapters.config() != &config.lora.to_lora_config() {
        return Err(TrainError::Invalid(format!(
            "the starting adapter ({:?}) differs from the config's [lora]",
            adapters.config()
        )));
    }
    let mut optimizer = AdamW::new(adapters.named_vars(), config.optimizer.adamw())?;
    if state.step > 0 {
        checkpoint::load_optimizer(&checkpoint::checkpoint_dir(out, state.step), &mut optimizer)?;
    }
    model.llama_mut().attach_adapters(adapters.clone())?;
    truncate_metrics(&metrics_path, state.step)?;
    on_event(RunEvent::Start {
        target,
        state: &state,
        record: &record,
    });

    let sft_sequences = match &work {
        Work::Sft(examples) => {
            let max = config.sft.as_ref().map_or(512, |s| s.max_tokens);
            examples
                .iter()
                .map(|e| tokenize_example(model, e, max))
                .collect::<Result<Vec<_>>>()?
        }
        Work::Grpo { .. } => Vec::new(),
    };
    let mut saved_step = state.step;
    let started = Instant::now();
    while !target.reached(mode, &state) {
        let step = state.step;
        let lr = schedule.at(step);
        let seed = mix(config.seed, step);
        let outcome = match &mut work {
            Work::Grpo { mixture, grader } => {
                let draws = mixture.draw(step, per_step);
                let prompts: Vec<RolloutPrompt<'_>> = draws
                    .iter()
                    .map(|d| RolloutPrompt {
                        item: mixture.item(*d),
                        source: mixture.source_name(*d),
                    })
                    .collect();
                let settings = StepSettings {
                    rollout: config.rollout.clone(),
                    grpo: config.grpo.clone(),
                    lr,
                    max_grad_norm: config.optimizer.max_grad_norm,
                    micro_batch: config.budget.micro_batch,
                    seed,
                };
                let ids: Vec<&str> = prompts.iter().map(|p| p.item.id()).collect();
                grpo_step(model, *grader, &prompts, &mut optimizer, &settings).and_then(|m| {
                    state.compute.generated_tokens += m.generated_tokens as u64;
                    state.compute.trained_tokens += m.trained_tokens as u64;
                    state.compute.forward_tokens += m.forward_tokens as u64;
                    state.compute.rollout_flops += m.rollout_flops;
                    state.compute.update_flops += m.update_flops;
                    Ok((to_value(&m)?, ids.join(",")))
                })
            }
            Work::Sft(examples) => {
                let n = sft_sequences.len() as u64;
                let batch: Vec<_> = (step * per_step as u64..(step + 1) * per_step as u64)
                    .map(|slot| {
                        let mut order: Vec<usize> = (0..n as usize).collect();
                        order.shuffle(&mut StdRng::seed_from_u64(mix(config.seed, slot / n)));
                        order[(slot % n) as usize]
                    })
                    .collect();
                let sequences: Vec<_> = batch.iter().map(|&i| sft_sequences[i].clone()).collect();
                let ids: Vec<&str> = batch.iter().map(|&i| examples[i].origin.as_str()).collect();
                sft_step(
                    model,
                    &sequences,
                    &mut optimizer,
                    lr,
                    config.optimizer.max_grad_norm,
                    config.budget.micro_batch,
                    seed,
                )
                .and_then(|m| {
                    state.compute.trained_tokens += m.trained_tokens as u64;
                    state.compute.forward_tokens += m.forward_tokens as u64;
                    state.compute.update_flops += m.update_flops;
                    Ok((to_value(&m)?, ids.join(",")))
                })
            }
        };
        let (metrics, items) = match outcome {
            Ok(done) => done,
            Err(err) => {
                // Keep what was learned before the failing step.
                if state.step > saved_step {
                    checkpoint::save(out, &adapters, &optimizer, &state, &options.model_id)?;
                }
                return Err(err);
            }
        };
        state.step += 1;
        state.compute.steps = state.step;
        let mut line = Map::new();
        line.insert("step".into(), state.step.into());
        line.insert("lr".into(), lr.into());
        line.insert("items".into(), items.into());
        if let Value::Object(fields) = metrics {
            line.extend(fields);
        }
        line.insert(
            "totals".into(),
            serde_json::to_value(&state.compute).map_err(|e| file_error(&metrics_path, e))?,
        );
        line.insert(
            "elapsed_seconds".into(),
            started.elapsed().as_secs_f64().into(),
        );
        let line = Value::Object(line);
        append_line(&metrics_path, &line)?;
        on_event(RunEvent::Step {
            line: &line,
            state: &state,
        });
        let done = target.reached(mode, &state);
        if done || state.step % config.budget.checkpoint_every == 0 {
            let path = checkpoint::save(out, &adapters, &optimizer, &state, &options.model_id)?;
            saved_step = state.step;
            on_event(RunEvent::Checkpoint(&path));
        }
    }
    if saved_step != state.step {
        checkpoint::save(out, &adapters, &optimizer, &state, &options.model_id)?;
    }
    let summary = RunSummary {
        mode,
        arm: arm_name,
        compute: state.compute.clone(),
        final_checkpoint: checkpoint::checkpoint_dir(out, state.step),
    };
    write_json(&out.join("summary.json"), &summary)?;
    Ok(summary)
}
