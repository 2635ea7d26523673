//! AdamW with state that can be saved and restored, the learning-rate schedule, and
//! gradient-norm clipping.
//!
//! candle-nn's AdamW keeps its moments private, so a resumed run could not continue
//! exactly where it stopped; this one stores them (and the step count) in a safetensors
//! file next to the adapter.

use std::collections::HashMap;
use std::path::Path;

use candle_core::backprop::GradStore;
use candle_core::{DType, Device, Tensor, Var};
use serde::{Deserialize, Serialize};

use crate::error::{Result, TrainError};

/// AdamW hyper-parameters (decoupled weight decay).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct AdamWConfig {
    /// First-moment decay.
    pub beta1: f64,
    /// Second-moment decay.
    pub beta2: f64,
    /// Added to the denominator.
    pub eps: f64,
    /// Decoupled weight decay.
    pub weight_decay: f64,
}

impl Default for AdamWConfig {
    fn default() -> Self {
        Self {
            beta1: 0.9,
            beta2: 0.999,
            eps: 1e-8,
            weight_decay: 0.0,
        }
    }
}

/// AdamW over named variables.
#[derive(Debug)]
pub struct AdamW {
    config: AdamWConfig,
    vars: Vec<(String, Var)>,
    m: Vec<Tensor>,
    v: Vec<Tensor>,
    step: u64,
}

impl AdamW {
    /// An optimizer for `vars` (names must be unique; they key the saved state).
    pub fn new(vars: Vec<(String, Var)>, config: AdamWConfig) -> Result<Self> {
        let mut m = Vec::with_capacity(vars.len());
        let mut v = Vec::with_capacity(vars.len());
        for (_, var) in &vars {
            m.push(var.zeros_like()?.to_dtype(DType::F32)?);
            v.push(var.zeros_like()?.to_dtype(DType::F32)?);
        }
        Ok(Self {
            config,
            vars,
            m,
            v,
            step: 0,
        })
    }

    /// Updates taken so far.
    pub fn steps(&self) -> u64 {
        self.step
    }

    /// One update with learning rate `lr`. Variables without a gradient are left alone
    /// (their moments do not decay either).
    pub fn step(&mut self, grads: &GradStore, lr: f64) -> Result<()> {
        self.step += 1;
        let c = &self.config;
        let t = self.step as i32;
        let (bias1, bias2) = (1.0 - c.beta1.powi(t), 1.0 - c.beta2.powi(t));
        for (i, (_, var)) in self.vars.iter().enumerate() {
            let Some(grad) = grads.get(var) else {
                continue;
            };
            let grad = grad.to_dtype(DType::F32)?;
            let m = ((&self.m[i] * c.beta1)? + (&grad * (1.0 - c.beta1))?)?;
            let v = ((&self.v[i] * c.beta2)? + (grad.sqr()? * (1.0 - c.beta2))?)?;
            let update = ((&m / bias1)? / ((&v / bias2)?.sqrt()? + c.eps)?)?;
            let theta = var.as_tensor().to_dtype(DType::F32)?;
            let theta = ((&theta * (1.0 - lr * c.weight_decay))? - (update * lr)?)?;
            var.set(&theta.to_dtype(var.dtype())?)?;
            self.m[i] = m;
            self.v[i] = v;
        }
        Ok(())
    }

    /// Saves the moments and the step count (atomically: temporary file, then rename).
    pub fn save(&self, path: &Path) -> Result<()> {
        let mut tensors: HashMap<String, Tensor> = HashMap::new();
        for (i, (name, _)) in self.vars.iter().enumerate() {
            tensors.insert(format!("m.{name}"), self.m[i].clone());
            tensors.insert(format!("v.{name}"), self.v[i].clone());
        }
        // u64 steps fit f64 exactly far beyond any run's length.
        tensors.insert(
            "step".into(),
            Tensor::new(&[self.step as f64], &Device::Cpu)?,
        );
        let tmp = path.with_extension("tmp");
        candle_core::safetensors::save(&tensors, &tmp)?;
        std::fs::rename(&tmp, path).map_err(|e| TrainError::File {
            path: path.to_path_buf(),
            message: e.to_string(),
        })
    }

    /// Restores state written by [`AdamW::save`] for the same variables.
    pub fn load(&mut self, path: &Path) -> Result<()> {
        let device = self
            .vars
            .first()
            .map_or(Device::Cpu, |(_, v)| v.device().clone());
        let mut tensors =
            candle_core::safetensors::load(path, &device).map_err(|e| TrainError::File {
                path: path.to_path_buf(),
                message: e.to_string(),
            })?;
        let missing = |name: &str| TrainError::File {
            path: path.to_path_buf(),
            message: format!("no optimizer state `{name}` (saved for other variables?)"),
        };
        for (i, (name, var)) in self.vars.iter().enumerate() {
            for (prefix, slot) in [("m", &mut self.m[i]), ("v", &mut self.v[i])] {
                let key = format!("{prefix}.{name}");
                let tensor = tensors.remove(&key).ok_or_else(|| missing(&key))?;
                if tensor.dims() != var.dims() {
                    return Err(TrainError::File {
                        path: path.to_path_buf(),
                        message: format!(
                            "`{key}` has shape {:?}, expected {:?}",
                            tensor.dims(),
                            var.dims()
                        ),
                    });
                }
                *slot = tensor;
            }
        }
        let step = tensors.remove("step").ok_or_else(|| missing("step"))?;
        self.step = step.to_vec1::<f64>()?.first().copied().unwrap_or(0.0) as u64;
        Ok(())
    }
}

/// Scales gradients so that their global L2 norm is at most `max_norm`; returns the norm
/// before clipping.
pub fn clip_grad_norm(grads: &mut GradStore, vars: &[Var], max_norm: f64) -> Result<f64> {
    let mut total = 0.0;
    for var in vars {
        if let Some(g) = grads.get(var) {
            total += g
                .to_dtype(DType::F64)?
                .sqr()?
                .sum_all()?
                .to_scalar::<f64>()?;
        }
    }
    let norm = total.sqrt();
    if norm > max_norm && norm > 0.0 {
        let scale = max_norm / norm;
        for var in vars {
            if let Some(g) = grads.get(var) {
                let scaled = (g * scale)?;
                grads.insert(var, scaled);
            }
        }
    }
    Ok(norm)
}

/// Learning rate by step: linear warm-up, then cosine decay to `min_ratio * peak`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LrSchedule {
    /// Highest learning rate, reached at the end of warm-up.
    pub peak: f64,
    /// Steps of linear warm-up.
    pub warmup_steps: u64,
    /// Total steps of the run (the cosine ends here).
    pub total_steps: u64,
    /// Final learning rate as a share of `peak`.
    pub min_ratio: f64,
}

impl LrSchedule {
    /// The learning rate for 0-based `step`.
    pub fn at(&self, step: u64) -> f64 {
        if step < self.warmup_steps {
            return self.peak * (step + 1) as f64 / self.warmup_steps as f64;
        }
        let span = self.total_steps.saturating_sub(self.warmup_steps).max(1);
        let progress = ((step - self.warmup_steps) as f64 / span as f64).min(1.0);
        let cosine = 0.5 * (1.0 + (std::f64::consts::PI * progress).cos());
        self.peak * (self.min_ratio + (1.0 - self.min_ratio) * cosine)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quadratic_grads(var: &Var) -> GradStore {
        // d/dx of sum((x - 3)^2)
        let loss = (var.as_tensor() - 3.0)
            .unwrap()
            .sqr()
            .unwrap()
            .sum_all()
            .unwrap();
        loss.backward().unwrap()
    }

    #[test]
    fn adamw_minimises_a_quadratic_and_resumes_exactly() {
        let dir = tempfile::tempdir().unwrap();
        let start = Tensor::new(&[0.0f32, 10.0, -4.0], &Device::Cpu).unwrap();
        let run = |steps: u64, resume_at: Option<u64>| -> Vec<f32> {
            let var = Var::from_tensor(&start).unwrap();
            let mut opt =
                AdamW::new(vec![("x".into(), var.clone())], AdamWConfig::default()).unwrap();
            for s in 0..steps {
                if Some(s) == resume_at {
                    // Save, rebuild everything from the files, continue.
                    let path = dir.path().join("opt.safetensors");
                    opt.save(&path).unwrap();
                    let saved = var.as_tensor().copy().unwrap();
                    let fresh = Var::from_tensor(&saved).unwrap();
                    let mut again =
                        AdamW::new(vec![("x".into(), fresh.clone())], AdamWConfig::default())
                            .unwrap();
                    again.load(&path).unwrap();
                    assert_eq!(again.steps(), s);
                    for t in s..steps {
                        again.step(&quadratic_grads(&fresh), 0.1).unwrap();
                        let _ = t;
                    }
                    return fresh.as_tensor().to_vec1().unwrap();
                }
                opt.step(&quadratic_grads(&var), 0.1).unwrap();
            }
            var.as_tensor().to_vec1().unwrap()
        };
        let straight = run(300, None);
        assert!(
            straight.iter().all(|x| (x - 3.0).abs() < 0.05),
            "{straight:?}"
        );
        assert_eq!(run(300, Some(120)), straight, "resuming changes nothing");
    }

    #[test]
    fn clipping_scales_to_the_max_norm() {
        let var = Var::from_tensor(&Tensor::new(&[0.0f32, 0.0], &Device::Cpu).unwrap()).unwrap();
        let loss = (var.as_tensor() * Tensor::new(&[3.0f32, 4.0], &Device::Cpu).unwrap())
            .unwrap()
            .sum_all()
            .unwrap();
        let mut grads = loss.backward().unwrap();
        let norm = clip_grad_norm(&mut grads, std::slice::from_ref(&var), 1.0).unwrap();
        assert!((norm - 5.0).abs() < 1e-6);
        let g: Vec<f32> = grads.get(&var).unwrap().to_vec1().unwrap();
        assert!((g[0] - 0.6).abs() < 1e-6 && (g[1] - 0.8).abs() < 1e-6);
    }

    #[test]
    fn schedule_warms_up_then_decays() {
        let s = LrSchedule {
            peak: 1e-4,
            warmup_steps: 4,
            total_steps: 14,
            min_ratio: 0.1,
        };
        assert!((s.at(0) - 2.5e-5).abs() < 1e-12);
        assert!((s.at(3) - 1e-4).abs() < 1e-12);
        assert!((s.at(9) - 1e-4 * (0.1 + 0.9 * 0.5)).abs() < 1e-12);
        assert!((s.at(14) - 1e-5).abs() < 1e-12);
        assert!((s.at(100) - 1e-5).abs() < 1e-12);
    }
}
