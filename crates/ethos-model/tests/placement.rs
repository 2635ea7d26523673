//! Models in bf16 with f32 adapters, on the CPU or (`ETHOS_TEST_DEVICE=cuda` on a build
//! with `--features cuda`) on a GPU, checked against the f32 model on the CPU.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic

use candle_core::{DType, Device, Tensor};
use ethos_core::Message;
use ethos_model::llama::Llama;
use ethos_model::lora::{LoraAdapters, LoraConfig, LoraTarget};
use ethos_model::tiny::TinyModel;
use ethos_model::train_ops::token_logprobs;
use ethos_model::{
    CandleModel, DeviceSpec, GenerationRequest, LanguageModel, LoadOptions, SamplingParams,
    ScoreRequest, WeightType,
};
use rand::{Rng, SeedableRng, rngs::StdRng};

/// The device under test: `ETHOS_TEST_DEVICE`, else the CPU.
fn device_spec() -> DeviceSpec {
    match std::env::var("ETHOS_TEST_DEVICE") {
        Ok(text) => text.parse().expect("ETHOS_TEST_DEVICE"),
        Err(_) => DeviceSpec::Cpu,
    }
}

/// The tiny model twice: f32 on the CPU (the reference) and bf16 on the device under test.
fn reference_and_half(dir: &std::path::Path) -> (CandleModel, CandleModel) {
    let path = dir.join("tiny.gguf");
    TinyModel::default().write_gguf(&path).unwrap();
    let reference = CandleModel::load_with(&path, LoadOptions::exact()).unwrap();
    let half = CandleModel::load_with(
        &path,
        LoadOptions {
            int8_decode: false,
            device: device_spec(),
            weights: Some(WeightType::Bf16),
        },
    )
    .unwrap();
    (reference, half)
}

/// Adapters on every target with random `B` factors, so that every factor matters.
fn adapters(llama: &Llama, device: &Device) -> LoraAdapters {
    let config = LoraConfig {
        rank: 4,
        alpha: 8.0,
        dropout: 0.0,
        targets: LoraTarget::ALL.to_vec(),
    };
    let adapters = LoraAdapters::new(config, llama.config(), 1, device).unwrap();
    let mut rng = StdRng::seed_from_u64(2);
    for (name, var) in adapters.named_vars() {
        if name.ends_with("lora_B.weight") {
            let data: Vec<f32> = (0..var.elem_count())
                .map(|_| rng.random_range(-0.3..0.3))
                .collect();
            var.set(&Tensor::from_vec(data, var.dims(), device).unwrap())
                .unwrap();
        }
    }
    adapters
}

/// A policy-gradient-shaped objective: sum of weight * log p(next token) over the real
/// positions of two left-padded rows.
fn objective(llama: &Llama, adapters: &LoraAdapters) -> (Tensor, Tensor) {
    let device = llama.device();
    let tokens = Tensor::new(&[[0u32, 0, 5, 77, 258, 9], [3, 42, 9, 200, 17, 64]], device).unwrap();
    let positions = Tensor::new(&[[0u32, 0, 0, 1, 2, 3], [0, 1, 2, 3, 4, 5]], device).unwrap();
    let logits = llama
        .forward_train(&tokens, &positions, &[2, 0], Some(adapters), None)
        .unwrap();
    let targets =
        Tensor::new(&[[0u32, 0, 77, 258, 9, 1], [42, 9, 200, 17, 64, 2]], device).unwrap();
    let weights = Tensor::new(
        &[
            [0f32, 0.0, 1.0, -0.5, 2.0, 0.7],
            [0.3, -1.0, 0.5, 1.5, -0.2, 1.0],
        ],
        device,
    )
    .unwrap();
    let logp = token_logprobs(&logits, &targets).unwrap();
    ((logp * weights).unwrap().sum_all().unwrap(), logits)
}

fn to_cpu_f32(t: &Tensor) -> Vec<f32> {
    t.to_device(&Device::Cpu)
        .unwrap()
        .to_dtype(DType::F32)
        .unwrap()
        .flatten_all()
        .unwrap()
        .to_vec1()
        .unwrap()
}

fn cosine(a: &[f32], b: &[f32]) -> f64 {
    let dot: f64 = a
        .iter()
        .zip(b)
        .map(|(x, y)| f64::from(*x) * f64::from(*y))
        .sum();
    let norm = |v: &[f32]| v.iter().map(|x| f64::from(*x).powi(2)).sum::<f64>().sqrt();
    dot / (norm(a) * norm(b))
}

#[test]
fn bf16_weights_train_f32_adapters_along_the_f32_gradient() {
    let dir = tempfile::tempdir().unwrap();
    let (reference, half) = reference_and_half(dir.path());
    let (reference, half) = (reference.llama(), half.llama());
    assert_eq!(half.dtype(), DType::BF16);
    assert_eq!(reference.dtype(), DType::F32);
    assert_eq!(half.device().is_cuda(), device_spec() != DeviceSpec::Cpu);

    let ref_adapters = adapters(reference, &Device::Cpu);
    let half_adapters = adapters(half, half.device());
    for (_, var) in half_adapters.named_vars() {
        assert_eq!(var.dtype(), DType::F32, "adapters stay f32");
    }

    let (ref_loss, ref_logits) = objective(reference, &ref_adapters);
    let (half_loss, half_logits) = objective(half, &half_adapters);
    assert_eq!(half_logits.dtype(), DType::F32, "logits come out in f32");
    let (r, h) = (to_cpu_f32(&ref_logits), to_cpu_f32(&half_logits));
    let scale = r.iter().fold(0f32, |m, x| m.max(x.abs()));
    let worst = r
        .iter()
        .zip(&h)
        .fold(0f32, |m, (a, b)| m.max((a - b).abs()));
    // bf16 keeps 8 bits of mantissa: a few hundredths of the logits' scale.
    assert!(
        worst < 0.05 * scale,
        "logits differ by {worst} (scale {scale})"
    );
    let (ref_loss, half_loss) = (to_cpu_f32(&ref_loss)[0], to_cpu_f32(&half_loss)[0]);
    assert!(
        (ref_loss - half_loss).abs() < 0.02 * ref_loss.abs().max(1.0),
        "objective {half_loss} vs {ref_loss}"
    );

    let ref_grads = ref_loss_backward(reference, &ref_adapters);
    let half_grads = ref_loss_backward(half, &half_adapters);
    let half_named = half_adapters.named_vars();
    for ((name, ref_var), (_, half_var)) in ref_adapters.named_vars().iter().zip(&half_named) {
        let g_ref = ref_grads.get(ref_var).unwrap();
        let g_half = half_grads
            .get(half_var)
            .unwrap_or_else(|| panic!("{name}: no gradient in bf16"));
        assert_eq!(g_half.dtype(), DType::F32, "{name}: gradient not f32");
        let similarity = cosine(&to_cpu_f32(g_ref), &to_cpu_f32(g_half));
        assert!(
            similarity > 0.99,
            "{name}: cosine {similarity} to the f32 gradient"
        );
    }
}

fn ref_loss_backward(llama: &Llama, adapters: &LoraAdapters) -> candle_core::backprop::GradStore {
    objective(llama, adapters).0.backward().unwrap()
}

#[test]
fn bf16_models_generate_and_score_like_the_f32_model() {
    let dir = tempfile::tempdir().unwrap();
    let (reference, half) = reference_and_half(dir.path());
    let request = GenerationRequest::chat(
        vec![Message::user("hello there")],
        SamplingParams {
            temperature: 1.0,
            max_tokens: 10,
            seed: 7,
            n: 3,
            ..Default::default()
        },
    );
    let generation = half.generate(std::slice::from_ref(&request)).unwrap();
    let completions = &generation[0].completions;
    assert_eq!(completions.len(), 3);
    for completion in completions {
        assert!(!completion.token_ids.is_empty());
        assert_eq!(completion.logprobs.len(), completion.token_ids.len());
        assert!(
            completion
                .logprobs
                .iter()
                .all(|l| l.is_finite() && *l <= 0.0)
        );
    }
    // Scoring a continuation: the same log-likelihood as the f32 model, to bf16 accuracy.
    let score = ScoreRequest {
        messages: vec![Message::user("hello there")],
        continuation: completions[0].text.clone(),
    };
    let f32_score = reference
        .loglikelihood(std::slice::from_ref(&score))
        .unwrap()[0]
        .logprob;
    let bf16_score = half.loglikelihood(&[score]).unwrap()[0].logprob;
    assert!(
        (f32_score - bf16_score).abs() < 0.05 * f32_score.abs().max(1.0),
        "log-likelihood {bf16_score} in bf16 vs {f32_score} in f32"
    );
}
