//! LoRA adapters on the llama projections, saved and loaded in the PEFT layout.
//!
//! An adapted projection computes `W x + scale * B (A x)` with `A` (rank x in) and `B`
//! (out x rank), `scale = alpha / rank`. `A` starts random and `B` at zero (as PEFT
//! does), so a fresh adapter leaves the model unchanged. The base weights stay frozen;
//! only `A` and `B` are [`Var`]s. The adapters live beside the model (attached with
//! [`crate::llama::Llama::attach_adapters`]), and `Var`s share storage, so an optimizer
//! step is seen at once by generation: rollouts and training use the same weights.

use std::collections::HashMap;
use std::path::Path;

use candle_core::{DType, Device, Tensor, Var};
use rand::{Rng, SeedableRng, rngs::StdRng};
use serde::{Deserialize, Serialize};

use crate::error::{ModelError, Result};
use crate::llama::LlamaConfig;

/// A projection LoRA can adapt.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LoraTarget {
    /// Query projection.
    Q,
    /// Key projection.
    K,
    /// Value projection.
    V,
    /// Attention output projection.
    O,
    /// Feed-forward gate projection.
    Gate,
    /// Feed-forward up projection.
    Up,
    /// Feed-forward down projection.
    Down,
}

impl LoraTarget {
    /// Every target, in a fixed order.
    pub const ALL: [LoraTarget; 7] = [
        Self::Q,
        Self::K,
        Self::V,
        Self::O,
        Self::Gate,
        Self::Up,
        Self::Down,
    ];

    /// The module name in PEFT files (`q_proj`, ...).
    pub fn peft_name(self) -> &'static str {
        match self {
            Self::Q => "q_proj",
            Self::K => "k_proj",
            Self::V => "v_proj",
            Self::O => "o_proj",
            Self::Gate => "gate_proj",
            Self::Up => "up_proj",
            Self::Down => "down_proj",
        }
    }

    fn module(self) -> &'static str {
        match self {
            Self::Q | Self::K | Self::V | Self::O => "self_attn",
            _ => "mlp",
        }
    }

    /// Parses `q`, `q_proj`, `gate`, `gate_proj`, ...
    pub fn parse(name: &str) -> Option<Self> {
        let name = name.trim().trim_end_matches("_proj");
        Self::ALL
            .into_iter()
            .find(|t| t.peft_name().trim_end_matches("_proj") == name)
    }

    /// (out, in) of this projection.
    pub fn shape(self, config: &LlamaConfig) -> (usize, usize) {
        let (h, kv, ff) = (
            config.hidden,
            config.kv_heads * config.head_dim(),
            config.intermediate,
        );
        match self {
            Self::Q | Self::O => (h, h),
            Self::K | Self::V => (kv, h),
            Self::Gate | Self::Up => (ff, h),
            Self::Down => (h, ff),
        }
    }
}

/// Rank, scale, dropout and targets of an adapter.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LoraConfig {
    /// Rank of the update.
    pub rank: usize,
    /// The update is scaled by `alpha / rank`.
    pub alpha: f64,
    /// Dropout on the adapter's input during training.
    pub dropout: f64,
    /// Which projections get adapters.
    pub targets: Vec<LoraTarget>,
}

impl LoraConfig {
    /// `alpha / rank`.
    pub fn scale(&self) -> f64 {
        self.alpha / self.rank as f64
    }

    fn check(&self) -> Result<()> {
        if self.rank == 0 {
            return Err(ModelError::InvalidRequest(
                "LoRA rank must be at least 1".into(),
            ));
        }
        if !(0.0..1.0).contains(&self.dropout) {
            return Err(ModelError::InvalidRequest(format!(
                "LoRA dropout must be in [0, 1), got {}",
                self.dropout
            )));
        }
        if self.targets.is_empty() {
            return Err(ModelError::InvalidRequest(
                "LoRA needs at least one target module".into(),
            ));
        }
        Ok(())
    }
}

/// The two factors of one adapted projection.
#[derive(Debug, Clone)]
pub struct LoraPair {
    /// Down projection (rank x in).
    pub a: Var,
    /// Up projection (out x rank).
    pub b: Var,
}

/// LoRA adapters for every layer of one model.
#[derive(Debug, Clone)]
pub struct LoraAdapters {
    config: LoraConfig,
    /// The model shape the adapters were made for.
    model: LlamaConfig,
    /// layers[l][target] (absent: not adapted).
    layers: Vec<HashMap<LoraTarget, LoraPair>>,
}

impl LoraAdapters {
    /// Fresh adapters: `A` uniform in ±1/sqrt(in) (PEFT's Kaiming-uniform bound), `B` zero.
    pub fn new(
        config: LoraConfig,
        model: &LlamaConfig,
        seed: u64,
        device: &Device,
    ) -> Result<Self> {
        config.check()?;
        let mut rng = StdRng::seed_from_u64(seed);
        let mut layers = Vec::with_capacity(model.layers);
        for _ in 0..model.layers {
            let mut map = HashMap::new();
            for &target in &config.targets {
                let (out, inner) = target.shape(model);
                let bound = 1.0 / (inner as f64).sqrt();
                let a: Vec<f32> = (0..config.rank * inner)
                    .map(|_| rng.random_range(-bound..bound) as f32)
                    .collect();
                let a = Var::from_tensor(&Tensor::from_vec(a, (config.rank, inner), device)?)?;
                let b = Var::zeros((out, config.rank), DType::F32, device)?;
                map.insert(target, LoraPair { a, b });
            }
            layers.push(map);
        }
        Ok(Self {
            config,
            model: model.clone(),
            layers,
        })
    }

    /// The model shape the adapters fit.
    pub fn model_config(&self) -> &LlamaConfig {
        &self.model
    }

    /// The adapter's configuration.
    pub fn config(&self) -> &LoraConfig {
        &self.config
    }

    /// The factors of `target` in `layer`, if adapted.
    pub fn pair(&self, layer: usize, target: LoraTarget) -> Option<&LoraPair> {
        self.layers.get(layer)?.get(&target)
    }

    /// Every trainable tensor, in a fixed order (layer, target, A then B).
    pub fn vars(&self) -> Vec<Var> {
        self.named_vars().into_iter().map(|(_, v)| v).collect()
    }

    /// Every trainable tensor with its PEFT name, in a fixed order.
    pub fn named_vars(&self) -> Vec<(String, Var)> {
        let mut out = Vec::new();
        for (l, map) in self.layers.iter().enumerate() {
            for target in LoraTarget::ALL {
                if let Some(pair) = map.get(&target) {
                    let base = peft_key(l, target);
                    out.push((format!("{base}.lora_A.weight"), pair.a.clone()));
                    out.push((format!("{base}.lora_B.weight"), pair.b.clone()));
                }
            }
        }
        out
    }

    /// Trainable parameters.
    pub fn parameter_count(&self) -> usize {
        self.vars().iter().map(|v| v.elem_count()).sum()
    }

    /// The update `scale * B (A x)` for `target` in `layer` (None when not adapted).
    /// `dropout_mask`, when given, multiplies `x` first (training only).
    pub fn delta(
        &self,
        layer: usize,
        target: LoraTarget,
        x: &Tensor,
        dropout_mask: Option<&Tensor>,
    ) -> Result<Option<Tensor>> {
        let Some(pair) = self.pair(layer, target) else {
            return Ok(None);
        };
        let x = match dropout_mask {
            Some(mask) => x.broadcast_mul(mask)?,
            None => x.clone(),
        };
        let a = pair.a.as_tensor().to_dtype(x.dtype())?;
        let b = pair.b.as_tensor().to_dtype(x.dtype())?;
        let down = x.broadcast_matmul(&a.t()?)?;
        let up = down.broadcast_matmul(&b.t()?)?;
        Ok(Some((up * self.config.scale())?))
    }

    /// Writes `adapter_model.safetensors` and `adapter_config.json` into `dir` (created if
    /// needed; each file written to a temporary name and renamed). Query/key factors of
    /// models with interleaved rotary pairs (GGUF llama files) are permuted back to the
    /// Hugging Face row order, so the adapter applies to the original checkpoint.
    pub fn save_peft(&self, dir: &Path, base_model: &str) -> Result<()> {
        std::fs::create_dir_all(dir).map_err(|source| ModelError::Io {
            path: dir.to_path_buf(),
            source,
        })?;
        let mut tensors = HashMap::new();
        for (name, var) in self.named_vars() {
            let mut tensor = var.as_tensor().clone();
            if self.model.rope_interleaved && name.ends_with("lora_B.weight") {
                if name.contains(".q_proj.") {
                    tensor = unpermute_rows(&tensor, self.model.heads)?;
                } else if name.contains(".k_proj.") {
                    tensor = unpermute_rows(&tensor, self.model.kv_heads)?;
                }
            }
            tensors.insert(name, tensor);
        }
        let weights = dir.join("adapter_model.safetensors");
        let tmp = dir.join(".adapter_model.safetensors.tmp");
        candle_core::safetensors::save(&tensors, &tmp)?;
        rename(&tmp, &weights)?;
        let config = serde_json::json!({
            "peft_type": "LORA",
            "task_type": "CAUSAL_LM",
            "base_model_name_or_path": base_model,
            "r": self.config.rank,
            "lora_alpha": self.config.alpha,
            "lora_dropout": self.config.dropout,
            "target_modules": self.config.targets.iter().map(|t| t.peft_name()).collect::<Vec<_>>(),
            "bias": "none",
            "fan_in_fan_out": false,
            "inference_mode": true,
        });
        let text = serde_json::to_string_pretty(&config).unwrap_or_default();
        let path = dir.join("adapter_config.json");
        let tmp = dir.join(".adapter_config.json.tmp");
        std::fs::write(&tmp, text).map_err(|source| ModelError::Io {
            path: tmp.clone(),
            source,
        })?;
        rename(&tmp, &path)
    }

    /// Reads a PEFT adapter directory for a model of shape `model`.
    pub fn load_peft(dir: &Path, model: &LlamaConfig, device: &Device) -> Result<Self> {
        let config_path = dir.join("adapter_config.json");
        let text = std::fs::read_to_string(&config_path).map_err(|source| ModelError::Io {
            path: config_path.clone(),
            source,
        })?;
        let format = |message: String| ModelError::Format {
            path: config_path.clone(),
            message,
        };
        let json: serde_json::Value =
            serde_json::from_str(&text).map_err(|e| format(e.to_string()))?;
        if json["peft_type"].as_str() != Some("LORA") {
            return Err(format("`peft_type` is not \"LORA\"".into()));
        }
        let rank = json["r"]
            .as_u64()
            .ok_or_else(|| format("`r` is missing".into()))? as usize;
        let alpha = json["lora_alpha"]
            .as_f64()
            .ok_or_else(|| format("`lora_alpha` is missing".into()))?;
        let targets = json["target_modules"]
            .as_array()
            .ok_or_else(|| format("`target_modules` is not a list".into()))?
            .iter()
            .map(|t| {
                t.as_str()
                    .and_then(LoraTarget::parse)
                    .ok_or_else(|| format(format!("unsupported target module {t}")))
            })
            .collect::<Result<Vec<_>>>()?;
        let config = LoraConfig {
            rank,
            alpha,
            dropout: json["lora_dropout"].as_f64().unwrap_or(0.0),
            targets,
        };
        config.check()?;
        let weights_path = dir.join("adapter_model.safetensors");
        let mut tensors = candle_core::safetensors::load(&weights_path, device).map_err(|e| {
            ModelError::Format {
                path: weights_path.clone(),
                message: e.to_string(),
            }
        })?;
        let mut layers = Vec::with_capacity(model.layers);
        for l in 0..model.layers {
            let mut map = HashMap::new();
            for &target in &config.targets {
                let base = peft_key(l, target);
                let mut take = |part: &str, shape: (usize, usize)| -> Result<Tensor> {
                    let name = format!("{base}.{part}.weight");
                    let tensor = tensors.remove(&name).ok_or_else(|| ModelError::Format {
                        path: weights_path.clone(),
                        message: format!("missing tensor `{name}`"),
                    })?;
                    if tensor.dims() != [shape.0, shape.1] {
                        return Err(ModelError::Format {
                            path: weights_path.clone(),
                            message: format!(
                                "tensor `{name}` has shape {:?}, expected {shape:?}",
                                tensor.dims()
                            ),
                        });
                    }
                    Ok(tensor.to_dtype(DType::F32)?)
                };
                let (out, inner) = target.shape(model);
                let a = take("lora_A", (rank, inner))?;
                let mut b = take("lora_B", (out, rank))?;
                if model.rope_interleaved {
                    if target == LoraTarget::Q {
                        b = permute_rows(&b, model.heads)?;
                    } else if target == LoraTarget::K {
                        b = permute_rows(&b, model.kv_heads)?;
                    }
                }
                map.insert(
                    target,
                    LoraPair {
                        a: Var::from_tensor(&a)?,
                        b: Var::from_tensor(&b)?,
                    },
                );
            }
            layers.push(map);
        }
        if let Some(name) = tensors.keys().min() {
            return Err(ModelError::Format {
                path: weights_path,
                message: format!(
                    "unexpected tensor `{name}`: the adapter has more layers or modules than \
                     `adapter_config.json` and the model ({} layers) account for",
                    model.layers
                ),
            });
        }
        Ok(Self {
            config,
            model: model.clone(),
            layers,
        })
    }
}

fn peft_key(layer: usize, target: LoraTarget) -> String {
    format!(
        "base_model.model.model.layers.{layer}.{}.{}",
        target.module(),
        target.peft_name()
    )
}

fn rename(from: &Path, to: &Path) -> Result<()> {
    std::fs::rename(from, to).map_err(|source| ModelError::Io {
        path: to.to_path_buf(),
        source,
    })
}

/// llama.cpp's q/k row order (interleaved rotary pairs) from Hugging Face's (halves):
/// within each head, row `j * half + i` moves to `2 * i + j`.
fn permute_rows(t: &Tensor, heads: usize) -> Result<Tensor> {
    let (rows, cols) = t.dims2()?;
    let hd = rows / heads;
    Ok(t.reshape((heads, 2, hd / 2, cols))?
        .transpose(1, 2)?
        .reshape((rows, cols))?
        .contiguous()?)
}

/// The inverse of [`permute_rows`].
fn unpermute_rows(t: &Tensor, heads: usize) -> Result<Tensor> {
    let (rows, cols) = t.dims2()?;
    let hd = rows / heads;
    Ok(t.reshape((heads, hd / 2, 2, cols))?
        .transpose(1, 2)?
        .reshape((rows, cols))?
        .contiguous()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn row_permutations_invert_each_other() {
        let dev = Device::Cpu;
        let t = Tensor::arange(0f32, 8.0 * 3.0, &dev)
            .unwrap()
            .reshape((8, 3))
            .unwrap();
        let p = permute_rows(&t, 2).unwrap();
        // Head 0 has rows 0..4: halves [0, 1 | 2, 3] become pairs (0, 2), (1, 3).
        let first: Vec<f32> = p.get(1).unwrap().to_vec1().unwrap();
        assert_eq!(first, t.get(2).unwrap().to_vec1::<f32>().unwrap());
        let back: Vec<Vec<f32>> = unpermute_rows(&p, 2).unwrap().to_vec2().unwrap();
        assert_eq!(back, t.to_vec2::<f32>().unwrap());
    }

    #[test]
    fn targets_parse_both_spellings() {
        assert_eq!(LoraTarget::parse("q"), Some(LoraTarget::Q));
        assert_eq!(LoraTarget::parse("down_proj"), Some(LoraTarget::Down));
        assert_eq!(LoraTarget::parse("lm_head"), None);
    }
}
