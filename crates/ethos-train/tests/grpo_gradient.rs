//! The GRPO gradient on a tiny model: equal to the hand-derived policy gradient on
//! policy, and to finite differences off policy (clipping and KL active).

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic

use candle_core::{DType, Device, Tensor, Var};
use ethos_model::LoadOptions;
use ethos_model::llama::Llama;
use ethos_model::lora::{LoraAdapters, LoraConfig, LoraTarget};
use ethos_model::tiny::TinyModel;
use ethos_train::{GrpoBatch, GrpoConfig, grpo_loss, token_logprobs};
use rand::{Rng, SeedableRng, rngs::StdRng};

struct Setup {
    llama: Llama,
    adapters: LoraAdapters,
    tokens: Tensor,
    positions: Tensor,
    targets: Tensor,
    mask: Tensor,
    advantages: Tensor,
}

fn setup(dir: &std::path::Path) -> Setup {
    let llama = TinyModel::default()
        .load_in(dir, LoadOptions::exact())
        .unwrap()
        .llama()
        .to_dtype(DType::F64)
        .unwrap();
    let device = Device::Cpu;
    let adapters = LoraAdapters::new(
        LoraConfig {
            rank: 2,
            alpha: 4.0,
            dropout: 0.0,
            targets: vec![
                LoraTarget::Q,
                LoraTarget::V,
                LoraTarget::Up,
                LoraTarget::Down,
            ],
        },
        llama.config(),
        1,
        &device,
    )
    .unwrap();
    let mut rng = StdRng::seed_from_u64(2);
    for (name, var) in adapters.named_vars() {
        if name.ends_with("lora_B.weight") {
            let data: Vec<f32> = (0..var.elem_count())
                .map(|_| rng.random_range(-0.2..0.2))
                .collect();
            var.set(&Tensor::from_vec(data, var.dims(), &device).unwrap())
                .unwrap();
        }
    }
    // Two prompts' completions (a group of 2), the first row left-padded by one slot.
    let tokens = Tensor::new(&[[0u32, 5, 77, 258, 9], [3, 42, 9, 200, 17]], &device).unwrap();
    let positions = Tensor::new(&[[0u32, 0, 1, 2, 3], [0, 1, 2, 3, 4]], &device).unwrap();
    let targets = Tensor::new(&[[5u32, 77, 258, 9, 1], [42, 9, 200, 17, 64]], &device).unwrap();
    // The last three positions predict completion tokens.
    let mask = Tensor::new(
        &[[0f64, 0.0, 1.0, 1.0, 1.0], [0.0, 0.0, 1.0, 1.0, 1.0]],
        &device,
    )
    .unwrap();
    let advantages = Tensor::new(&[0.7f64, -0.7], &device).unwrap();
    Setup {
        llama,
        adapters,
        tokens,
        positions,
        targets,
        mask,
        advantages,
    }
}

fn logprobs(s: &Setup) -> Tensor {
    let logits = s
        .llama
        .forward_train(&s.tokens, &s.positions, &[1, 0], Some(&s.adapters), None)
        .unwrap();
    token_logprobs(&logits, &s.targets).unwrap()
}

#[test]
fn on_policy_the_gradient_is_the_plain_policy_gradient() {
    let dir = tempfile::tempdir().unwrap();
    let s = setup(dir.path());
    let logp = logprobs(&s);
    let batch = GrpoBatch {
        old_logprobs: logp.detach(),
        ref_logprobs: Some(logp.detach()),
        logprobs: logp.clone(),
        advantages: s.advantages.clone(),
        mask: Some(s.mask.clone()),
    };
    let (loss, stats) = grpo_loss(&batch, &GrpoConfig::default()).unwrap();
    assert_eq!(stats.clipped_fraction, 0.0);
    assert!(stats.kl.abs() < 1e-12);
    let grads = loss.backward().unwrap();
    // Hand-derived: at ratio 1 and policy == reference, d loss = -(1/N) sum A * d log p.
    let n = s.mask.sum_all().unwrap().to_scalar::<f64>().unwrap();
    let surrogate = ((logp
        .broadcast_mul(&s.advantages.unsqueeze(1).unwrap())
        .unwrap()
        * &s.mask)
        .unwrap()
        .sum_all()
        .unwrap()
        / -n)
        .unwrap();
    let expected = surrogate.backward().unwrap();
    for (name, var) in s.adapters.named_vars() {
        let a = grads.get(&var).unwrap().to_dtype(DType::F64).unwrap();
        let b = expected.get(&var).unwrap().to_dtype(DType::F64).unwrap();
        let diff = (a - b)
            .unwrap()
            .abs()
            .unwrap()
            .max_all()
            .unwrap()
            .to_scalar::<f64>()
            .unwrap();
        assert!(diff < 1e-7, "{name}: {diff}");
    }
}

#[test]
fn off_policy_the_gradient_matches_finite_differences() {
    let dir = tempfile::tempdir().unwrap();
    let s = setup(dir.path());
    let device = Device::Cpu;
    let base = logprobs(&s).detach();
    // The sampling policy and the reference differ from the current one, enough that
    // some ratios leave the clipping range.
    let shift = Tensor::new(
        &[[0.0f64, 0.0, 0.5, -0.05, 0.3], [0.0, 0.0, -0.4, 0.1, 0.02]],
        &device,
    )
    .unwrap();
    let old = (&base - &shift).unwrap();
    let reference = (&base + (&shift * 0.5).unwrap()).unwrap();
    let config = GrpoConfig {
        kl_beta: 0.2,
        ..GrpoConfig::default()
    };
    let loss_of = |s: &Setup| -> (Tensor, f64) {
        let batch = GrpoBatch {
            logprobs: logprobs(s),
            old_logprobs: old.clone(),
            ref_logprobs: Some(reference.clone()),
            advantages: s.advantages.clone(),
            mask: Some(s.mask.clone()),
        };
        let (loss, stats) = grpo_loss(&batch, &config).unwrap();
        (loss, stats.clipped_fraction)
    };
    let (loss, clipped) = loss_of(&s);
    assert!(clipped > 0.0, "the test must exercise clipping");
    let grads = loss.backward().unwrap();
    let mut rng = StdRng::seed_from_u64(9);
    for (name, var) in s.adapters.named_vars() {
        let grad: Vec<f64> = grads
            .get(&var)
            .unwrap()
            .to_dtype(DType::F64)
            .unwrap()
            .flatten_all()
            .unwrap()
            .to_vec1()
            .unwrap();
        for _ in 0..2 {
            let i = rng.random_range(0..var.elem_count());
            let fd = central_difference(&s, &var, i, &loss_of);
            assert!(
                (grad[i] - fd).abs() <= 1e-3 * fd.abs().max(1e-2),
                "{name}[{i}]: backprop {} vs finite difference {fd}",
                grad[i]
            );
        }
    }
}

fn central_difference(
    s: &Setup,
    var: &Var,
    i: usize,
    loss_of: &dyn Fn(&Setup) -> (Tensor, f64),
) -> f64 {
    let original: Vec<f32> = var.as_tensor().flatten_all().unwrap().to_vec1().unwrap();
    let eps = 1e-2f32;
    let at = |delta: f32| {
        let mut values = original.clone();
        values[i] += delta;
        var.set(&Tensor::from_vec(values, var.dims(), var.device()).unwrap())
            .unwrap();
        loss_of(s).0.to_scalar::<f64>().unwrap()
    };
    let (plus, minus) = (at(eps), at(-eps));
    var.set(&Tensor::from_vec(original, var.dims(), var.device()).unwrap())
        .unwrap();
    (plus - minus) / (2.0 * f64::from(eps))
}
