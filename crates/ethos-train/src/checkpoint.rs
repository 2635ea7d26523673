//! Checkpoints: `RUN/checkpoints/step-N/` with the adapter in the PEFT layout, the
//! optimizer state and the trainer's counters.
//!
//! A checkpoint is written into a hidden temporary folder and renamed into place, so a
//! crash leaves either a complete `step-N` or none; [`latest`] ignores leftovers. Sampling
//! seeds are derived from the run seed and the step number, so the counters in
//! `trainer_state.json` are all the random state a resumed run needs.

use std::path::{Path, PathBuf};

use candle_core::Device;
use ethos_model::llama::LlamaConfig;
use ethos_model::lora::LoraAdapters;
use serde::{Deserialize, Serialize};

use crate::compute::ComputeTotals;
use crate::error::{Result, TrainError};
use crate::optim::AdamW;

/// Counters saved with every checkpoint.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TrainerState {
    /// Steps completed.
    pub step: u64,
    /// The run's seed (every step's sampling seed derives from it and the step).
    pub seed: u64,
    /// Compute used so far.
    pub compute: ComputeTotals,
}

fn io(path: &Path, err: impl ToString) -> TrainError {
    TrainError::File {
        path: path.to_path_buf(),
        message: err.to_string(),
    }
}

/// The folder of the checkpoint after `step` steps.
pub fn checkpoint_dir(run: &Path, step: u64) -> PathBuf {
    run.join("checkpoints").join(format!("step-{step}"))
}

/// Writes a checkpoint after `state.step` steps.
pub fn save(
    run: &Path,
    adapters: &LoraAdapters,
    optimizer: &AdamW,
    state: &TrainerState,
    base_model: &str,
) -> Result<PathBuf> {
    let target = checkpoint_dir(run, state.step);
    let parent = run.join("checkpoints");
    let tmp = parent.join(format!(".step-{}.tmp", state.step));
    if tmp.exists() {
        std::fs::remove_dir_all(&tmp).map_err(|e| io(&tmp, e))?;
    }
    std::fs::create_dir_all(&tmp).map_err(|e| io(&tmp, e))?;
    adapters.save_peft(&tmp, base_model)?;
    optimizer.save(&tmp.join("optimizer.safetensors"))?;
    let json = serde_json::to_string_pretty(state).map_err(|e| io(&tmp, e))?;
    std::fs::write(tmp.join("trainer_state.json"), json).map_err(|e| io(&tmp, e))?;
    if target.exists() {
        std::fs::remove_dir_all(&target).map_err(|e| io(&target, e))?;
    }
    std::fs::rename(&tmp, &target).map_err(|e| io(&target, e))?;
    Ok(target)
}

/// The most advanced complete checkpoint of a run, if any.
pub fn latest(run: &Path) -> Result<Option<(TrainerState, PathBuf)>> {
    let parent = run.join("checkpoints");
    let entries = match std::fs::read_dir(&parent) {
        Ok(entries) => entries,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(err) => return Err(io(&parent, err)),
    };
    let mut best: Option<(TrainerState, PathBuf)> = None;
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        if !name.starts_with("step-") {
            continue; // temporary folders of interrupted saves, other files
        }
        let Ok(text) = std::fs::read_to_string(path.join("trainer_state.json")) else {
            continue;
        };
        let state: TrainerState =
            serde_json::from_str(&text).map_err(|e| io(&path.join("trainer_state.json"), e))?;
        if best.as_ref().is_none_or(|(b, _)| state.step > b.step) {
            best = Some((state, path));
        }
    }
    Ok(best)
}

/// Loads a checkpoint's adapters (for a model of shape `model`), and restores `optimizer`
/// from it once the caller has built it over those adapters.
pub fn load_adapters(dir: &Path, model: &LlamaConfig, device: &Device) -> Result<LoraAdapters> {
    Ok(LoraAdapters::load_peft(dir, model, device)?)
}

/// Restores optimizer state saved in checkpoint `dir`.
pub fn load_optimizer(dir: &Path, optimizer: &mut AdamW) -> Result<()> {
    optimizer.load(&dir.join("optimizer.safetensors"))
}

#[cfg(test)]
mod tests {
    use ethos_model::lora::{LoraConfig, LoraTarget};

    use super::*;
    use crate::optim::AdamWConfig;

    fn model() -> LlamaConfig {
        LlamaConfig {
            hidden: 16,
            layers: 2,
            heads: 2,
            kv_heads: 1,
            intermediate: 32,
            vocab: 50,
            rms_eps: 1e-5,
            rope_theta: 10_000.0,
            context: 64,
            rope_interleaved: true,
        }
    }

    #[test]
    fn save_then_resume_restores_adapters_optimizer_and_counters() {
        let dir = tempfile::tempdir().unwrap();
        let run = dir.path();
        assert!(latest(run).unwrap().is_none());
        let config = LoraConfig {
            rank: 2,
            alpha: 4.0,
            dropout: 0.0,
            targets: vec![LoraTarget::Q, LoraTarget::Down],
        };
        let adapters = LoraAdapters::new(config, &model(), 0, &Device::Cpu).unwrap();
        let mut opt = AdamW::new(adapters.named_vars(), AdamWConfig::default()).unwrap();
        // One real update so that moments and B are non-zero.
        let loss = adapters
            .vars()
            .iter()
            .map(|v| v.as_tensor().sum_all().unwrap())
            .reduce(|a, b| (a + b).unwrap())
            .unwrap();
        opt.step(&loss.backward().unwrap(), 0.1).unwrap();
        for step in [1, 2] {
            let state = TrainerState {
                step,
                seed: 7,
                compute: ComputeTotals {
                    steps: step,
                    generated_tokens: 100 * step,
                    trained_tokens: 60 * step,
                    forward_tokens: 90 * step,
                    rollout_flops: 1e9 * step as f64,
                    update_flops: 2e9 * step as f64,
                },
            };
            save(run, &adapters, &opt, &state, "tiny.gguf").unwrap();
        }
        // A save interrupted by a crash leaves a temporary folder; it is ignored.
        std::fs::create_dir_all(run.join("checkpoints/.step-3.tmp")).unwrap();
        let (state, path) = latest(run).unwrap().unwrap();
        assert_eq!(state.step, 2);
        assert_eq!(state.compute.update_flops, 4e9);
        assert_eq!(path, checkpoint_dir(run, 2));
        let restored = load_adapters(&path, &model(), &Device::Cpu).unwrap();
        for ((name, a), (_, b)) in adapters.named_vars().iter().zip(restored.named_vars()) {
            let diff = (a.as_tensor() - b.as_tensor())
                .unwrap()
                .abs()
                .unwrap()
                .max_all()
                .unwrap()
                .to_scalar::<f32>()
                .unwrap();
            assert_eq!(diff, 0.0, "{name}");
        }
        let mut again = AdamW::new(restored.named_vars(), AdamWConfig::default()).unwrap();
        load_optimizer(&path, &mut again).unwrap();
        assert_eq!(again.steps(), 1);
        assert!(path.join("adapter_config.json").is_file());
    }
}
