//! LoRA adapters and the differentiable forward pass on tiny random models.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic

use candle_core::{D, DType, Device, Tensor, Var};
use ethos_model::llama::{Cache, Llama, Logits, Precision};
use ethos_model::lora::{LoraAdapters, LoraConfig, LoraTarget};
use ethos_model::tiny::TinyModel;
use ethos_model::{CandleModel, LoadOptions};
use rand::{Rng, SeedableRng, rngs::StdRng};

fn tiny(dir: &std::path::Path) -> Llama {
    let model = TinyModel::default()
        .load_in(dir, LoadOptions::exact())
        .unwrap();
    model.llama().clone()
}

fn all_targets(rank: usize) -> LoraConfig {
    LoraConfig {
        rank,
        alpha: 2.0 * rank as f64,
        dropout: 0.0,
        targets: LoraTarget::ALL.to_vec(),
    }
}

/// Gives every `B` random values so that every factor matters.
fn randomize(adapters: &LoraAdapters, seed: u64) {
    let mut rng = StdRng::seed_from_u64(seed);
    for (name, var) in adapters.named_vars() {
        if name.ends_with("lora_B.weight") {
            let data: Vec<f32> = (0..var.elem_count())
                .map(|_| rng.random_range(-0.3..0.3))
                .collect();
            var.set(&Tensor::from_vec(data, var.dims(), var.device()).unwrap())
                .unwrap();
        }
    }
}

/// Two left-padded rows.
fn batch(device: &Device) -> (Tensor, Tensor, Vec<usize>) {
    let tokens = Tensor::new(&[[0u32, 0, 5, 77, 258, 9], [3, 42, 9, 200, 17, 64]], device).unwrap();
    let positions = Tensor::new(&[[0u32, 0, 0, 1, 2, 3], [0, 1, 2, 3, 4, 5]], device).unwrap();
    (tokens, positions, vec![2, 0])
}

fn max_diff(a: &Tensor, b: &Tensor) -> f32 {
    (a.to_dtype(DType::F32).unwrap() - b.to_dtype(DType::F32).unwrap())
        .unwrap()
        .abs()
        .unwrap()
        .max_all()
        .unwrap()
        .to_scalar::<f32>()
        .unwrap()
}

fn inference_logits(llama: &Llama, tokens: &Tensor, positions: &Tensor, pads: &[usize]) -> Tensor {
    let mut cache = Cache::new(llama.config(), tokens.dim(1).unwrap());
    llama
        .forward(
            tokens,
            positions,
            pads,
            &mut cache,
            Logits::All,
            Precision::Exact,
        )
        .unwrap()
}

#[test]
fn the_training_pass_matches_inference_with_and_without_adapters() {
    let dir = tempfile::tempdir().unwrap();
    let mut llama = tiny(dir.path());
    let device = Device::Cpu;
    let (tokens, positions, pads) = batch(&device);
    let plain = llama
        .forward_train(&tokens, &positions, &pads, None, None)
        .unwrap();
    let reference = inference_logits(&llama, &tokens, &positions, &pads);
    // Padding positions differ by construction (they attend only to themselves in both,
    // but compare real positions only).
    assert!(
        max_diff(
            &plain.narrow(1, 2, 4).unwrap(),
            &reference.narrow(1, 2, 4).unwrap()
        ) < 1e-4
    );
    assert!(max_diff(&plain.get(1).unwrap(), &reference.get(1).unwrap()) < 1e-4);

    // Fresh adapters (B = 0) change nothing.
    let adapters = LoraAdapters::new(all_targets(4), llama.config(), 1, &device).unwrap();
    let fresh = llama
        .forward_train(&tokens, &positions, &pads, Some(&adapters), None)
        .unwrap();
    assert_eq!(max_diff(&fresh, &plain), 0.0);

    // Trained-looking adapters change the output, identically in both passes.
    randomize(&adapters, 2);
    let adapted = llama
        .forward_train(&tokens, &positions, &pads, Some(&adapters), None)
        .unwrap();
    assert!(max_diff(&adapted, &plain) > 1e-3);
    llama.attach_adapters(adapters.clone()).unwrap();
    let served = inference_logits(&llama, &tokens, &positions, &pads);
    assert!(max_diff(&adapted.get(1).unwrap(), &served.get(1).unwrap()) < 1e-4);
    // An optimizer-style in-place update is seen by the attached model at once.
    let (_, b) = &adapters.named_vars()[1];
    b.set(&b.zeros_like().unwrap()).unwrap();
    let after = inference_logits(&llama, &tokens, &positions, &pads);
    assert!(max_diff(&after, &served) > 0.0);
}

/// Sum over real positions of weight * log p(next token): the shape of a policy-gradient
/// objective.
fn objective(llama: &Llama, adapters: &LoraAdapters) -> Tensor {
    let device = Device::Cpu;
    let (tokens, positions, pads) = batch(&device);
    let logits = llama
        .forward_train(&tokens, &positions, &pads, Some(adapters), None)
        .unwrap();
    let logp = candle_nn::ops::log_softmax(&logits, D::Minus1).unwrap();
    let targets = Tensor::new(
        &[[0u32, 0, 77, 258, 9, 1], [42, 9, 200, 17, 64, 2]],
        &device,
    )
    .unwrap()
    .unsqueeze(2)
    .unwrap();
    let picked = logp
        .gather(&targets, D::Minus1)
        .unwrap()
        .squeeze(2)
        .unwrap();
    let weights = Tensor::new(
        &[
            [0.0, 0.0, 1.0, -0.5, 2.0, 0.7],
            [0.3, -1.0, 0.5, 1.5, -0.2, 1.0],
        ],
        &device,
    )
    .unwrap()
    .to_dtype(picked.dtype())
    .unwrap();
    (picked * weights).unwrap().sum_all().unwrap()
}

#[test]
fn every_adapter_tensor_gets_the_finite_difference_gradient() {
    let dir = tempfile::tempdir().unwrap();
    // f64 activations so that finite differences are exact enough to compare.
    let llama = tiny(dir.path()).to_dtype(DType::F64).unwrap();
    let adapters = LoraAdapters::new(all_targets(2), llama.config(), 3, &Device::Cpu).unwrap();
    randomize(&adapters, 4);
    let loss = objective(&llama, &adapters);
    let grads = loss.backward().unwrap();
    let mut rng = StdRng::seed_from_u64(5);
    let named = adapters.named_vars();
    assert_eq!(named.len(), 2 * 2 * 7, "2 layers x 7 targets x (A, B)");
    for (name, var) in &named {
        let grad = grads
            .get(var)
            .unwrap_or_else(|| panic!("{name}: no gradient"));
        let grad: Vec<f32> = grad
            .to_dtype(DType::F32)
            .unwrap()
            .flatten_all()
            .unwrap()
            .to_vec1()
            .unwrap();
        assert!(grad.iter().any(|g| *g != 0.0), "{name}: zero gradient");
        for _ in 0..3 {
            let i = rng.random_range(0..var.elem_count());
            let fd = central_difference(&llama, &adapters, var, i, 1e-2);
            let g = f64::from(grad[i]);
            assert!(
                (g - fd).abs() <= 1e-3 * fd.abs().max(1.0),
                "{name}[{i}]: backprop {g} vs finite difference {fd}"
            );
        }
    }
}

fn central_difference(
    llama: &Llama,
    adapters: &LoraAdapters,
    var: &Var,
    i: usize,
    eps: f32,
) -> f64 {
    let original = var
        .as_tensor()
        .flatten_all()
        .unwrap()
        .to_vec1::<f32>()
        .unwrap();
    let at = |delta: f32| {
        let mut values = original.clone();
        values[i] += delta;
        var.set(&Tensor::from_vec(values, var.dims(), var.device()).unwrap())
            .unwrap();
        objective(llama, adapters).to_scalar::<f64>().unwrap()
    };
    let (plus, minus) = (at(eps), at(-eps));
    var.set(&Tensor::from_vec(original, var.dims(), var.device()).unwrap())
        .unwrap();
    (plus - minus) / (2.0 * f64::from(eps))
}

#[test]
fn peft_files_round_trip_and_fit_the_hugging_face_layout() {
    let dir = tempfile::tempdir().unwrap();
    let tiny_model = TinyModel {
        layers: 2,
        ..TinyModel::default()
    };
    let gguf_path = dir.path().join("tiny.gguf");
    tiny_model.write_gguf(&gguf_path).unwrap();
    let hf_dir = dir.path().join("tiny-hf");
    tiny_model.write_hf_dir(&hf_dir).unwrap();
    let exact = LoadOptions::exact();
    let gguf = CandleModel::load_with(&gguf_path, exact)
        .unwrap()
        .llama()
        .clone();
    let hf = CandleModel::load_with(&hf_dir, exact)
        .unwrap()
        .llama()
        .clone();
    assert!(gguf.config().rope_interleaved && !hf.config().rope_interleaved);

    let device = Device::Cpu;
    let adapters = LoraAdapters::new(all_targets(3), gguf.config(), 6, &device).unwrap();
    randomize(&adapters, 7);
    let out = dir.path().join("adapter");
    adapters.save_peft(&out, "tiny.gguf").unwrap();
    let config: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("adapter_config.json")).unwrap())
            .unwrap();
    assert_eq!(config["peft_type"], "LORA");
    assert_eq!(config["r"], 3);
    assert_eq!(config["base_model_name_or_path"], "tiny.gguf");

    let (tokens, positions, pads) = batch(&device);
    let expected = gguf
        .forward_train(&tokens, &positions, &pads, Some(&adapters), None)
        .unwrap();
    // Back into the GGUF model: same tensors, same output.
    let again = LoraAdapters::load_peft(&out, gguf.config(), &device).unwrap();
    let got = gguf
        .forward_train(&tokens, &positions, &pads, Some(&again), None)
        .unwrap();
    assert!(max_diff(&expected, &got) < 1e-6);
    // Into the Hugging Face layout of the same weights: q/k rows were permuted on save.
    let hf_adapters = LoraAdapters::load_peft(&out, hf.config(), &device).unwrap();
    let got = hf
        .forward_train(&tokens, &positions, &pads, Some(&hf_adapters), None)
        .unwrap();
    assert!(
        max_diff(&expected, &got) < 1e-4,
        "{}",
        max_diff(&expected, &got)
    );
    // Wrong shapes and broken files are clear errors.
    for (layers, expected) in [(3, "missing tensor"), (1, "unexpected tensor")] {
        let other_path = dir.path().join(format!("other-{layers}.gguf"));
        TinyModel {
            layers,
            ..TinyModel::default()
        }
        .write_gguf(&other_path)
        .unwrap();
        let other = CandleModel::load(&other_path).unwrap();
        let err = LoraAdapters::load_peft(&out, other.llama().config(), &device).unwrap_err();
        assert!(err.to_string().contains(expected), "{err}");
    }
    std::fs::write(
        out.join("adapter_config.json"),
        "{\"peft_type\": \"PREFIX\"}",
    )
    .unwrap();
    let err = LoraAdapters::load_peft(&out, gguf.config(), &device).unwrap_err();
    assert!(err.to_string().contains("LORA"), "{err}");
    assert!(
        LoraAdapters::new(
            LoraConfig {
                rank: 0,
                ..all_targets(1)
            },
            gguf.config(),
            0,
            &device
        )
        .is_err()
    );
}
