//! Packing with shared prompts: the log-probabilities and adapter gradients of a packed
//! micro-batch equal those of running every sequence on its own.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic

use candle_core::{DType, Device, Tensor};
use ethos_model::LoadOptions;
use ethos_model::llama::Llama;
use ethos_model::lora::{LoraAdapters, LoraConfig, LoraTarget};
use ethos_model::tiny::TinyModel;
use ethos_model::train_ops::token_logprobs;
use ethos_train::{Sequence, pack, pack_micro_batches};
use rand::{Rng, SeedableRng, rngs::StdRng};

fn tiny(dir: &std::path::Path) -> (Llama, LoraAdapters) {
    let model = TinyModel::default()
        .load_in(dir, LoadOptions::exact())
        .unwrap();
    let llama = model.llama().clone();
    let config = LoraConfig {
        rank: 2,
        alpha: 4.0,
        dropout: 0.0,
        targets: LoraTarget::ALL.to_vec(),
    };
    let adapters = LoraAdapters::new(config, llama.config(), 3, &Device::Cpu).unwrap();
    // Random B factors so every adapter tensor matters.
    let mut rng = StdRng::seed_from_u64(9);
    for (_, var) in adapters.named_vars() {
        let data: Vec<f32> = (0..var.elem_count())
            .map(|_| rng.random_range(-0.2f32..0.2))
            .collect();
        var.set(&Tensor::from_vec(data, var.dims(), var.device()).unwrap())
            .unwrap();
    }
    (llama, adapters)
}

/// Two prompts of different lengths with several completions each (one of a single
/// token), and a multi-turn sequence whose trained tokens are interrupted.
fn sequences() -> Vec<Sequence> {
    let a = [5u32, 17, 33, 2];
    let b = [9u32, 4];
    let mut out = vec![
        Sequence::prompt_completion(&a, &[40, 41, 42], 1.5),
        Sequence::prompt_completion(&b, &[7], -0.5),
        Sequence::prompt_completion(&a, &[50], -1.0),
        Sequence::prompt_completion(&b, &[60, 61, 62, 63, 64], 0.25),
        Sequence::prompt_completion(&a, &[70, 71], 2.0),
    ];
    let tokens = vec![3u32, 8, 12, 13, 20, 21, 22, 30, 31];
    let trained = vec![false, false, false, true, true, false, false, true, true];
    out.push(Sequence {
        tokens,
        trained,
        advantage: 0.75,
    });
    out
}

/// Log-probs of every trained token, each sequence run alone, in pack's order
/// (sequence by sequence, token by token).
fn one_by_one(llama: &Llama, adapters: Option<&LoraAdapters>, seqs: &[Sequence]) -> Tensor {
    let mut parts = Vec::new();
    for s in seqs {
        let n = s.tokens.len() - 1;
        let tokens = Tensor::new(&s.tokens[..n], &Device::Cpu)
            .unwrap()
            .unsqueeze(0)
            .unwrap();
        let positions = Tensor::arange(0u32, n as u32, &Device::Cpu)
            .unwrap()
            .unsqueeze(0)
            .unwrap();
        let targets = Tensor::new(&s.tokens[1..], &Device::Cpu)
            .unwrap()
            .unsqueeze(0)
            .unwrap();
        let logits = llama
            .forward_train(&tokens, &positions, &[0], adapters, None)
            .unwrap();
        let logp = token_logprobs(&logits, &targets)
            .unwrap()
            .squeeze(0)
            .unwrap();
        let keep: Vec<u32> = (0..n)
            .filter(|&i| s.trained[i + 1])
            .map(|i| i as u32)
            .collect();
        parts.push(
            logp.index_select(&Tensor::new(keep.as_slice(), &Device::Cpu).unwrap(), 0)
                .unwrap(),
        );
    }
    Tensor::cat(&parts, 0).unwrap().unsqueeze(0).unwrap()
}

fn max_diff(a: &Tensor, b: &Tensor) -> f32 {
    (a - b)
        .unwrap()
        .abs()
        .unwrap()
        .max_all()
        .unwrap()
        .to_dtype(DType::F32)
        .unwrap()
        .to_scalar::<f32>()
        .unwrap()
}

#[test]
fn a_packed_batch_scores_and_differentiates_like_sequences_run_alone() {
    let dir = tempfile::tempdir().unwrap();
    let (llama, adapters) = tiny(dir.path());
    let seqs = sequences();
    let batch = pack(&seqs, &Device::Cpu).unwrap();
    // Each prompt is run once: 3 distinct prompts (the multi-turn one's is 3 tokens).
    assert_eq!(batch.inputs.prompt_pads.len(), 3);
    let trained: usize = seqs.iter().map(Sequence::trained_tokens).sum();
    assert_eq!(batch.trained_tokens, trained);
    // Continuations (lengths 2, 0, 0, 4, 1, 5) packed into rows of width 5: 3 rows, and
    // far fewer positions than padding every sequence to the longest.
    assert_eq!(batch.inputs.tokens.dims(), &[3, 5]);
    let padded = seqs.len() * seqs.iter().map(|s| s.tokens.len() - 1).max().unwrap();
    assert_eq!(batch.forward_tokens, 3 * 4 + 3 * 5);
    assert!(batch.forward_tokens < padded);
    let expected = one_by_one(&llama, Some(&adapters), &seqs);
    let (logp, logits) = batch.logprobs(&llama, Some(&adapters), None).unwrap();
    assert_eq!(logits.dims()[..2], [1, trained]);
    assert!(max_diff(&logp, &expected) < 1e-5, "{logp} vs {expected}");
    // Advantage-weighted objective: same gradient for every adapter tensor.
    let objective = |logp: &Tensor| (logp * &batch.advantages).unwrap().sum_all().unwrap();
    let g_packed = objective(&logp).backward().unwrap();
    let g_alone = objective(&expected).backward().unwrap();
    for var in adapters.vars() {
        let (a, b) = (g_packed.get(&var).unwrap(), g_alone.get(&var).unwrap());
        let scale = b
            .abs()
            .unwrap()
            .max_all()
            .unwrap()
            .to_scalar::<f32>()
            .unwrap();
        assert!(scale > 0.0, "every adapter tensor gets a gradient");
        assert!(max_diff(a, b) <= 1e-4 * scale.max(1.0));
    }
    // Without adapters: the base model's log-probs, the same way.
    let (base, _) = batch.logprobs(&llama, None, None).unwrap();
    assert!(max_diff(&base, &one_by_one(&llama, None, &seqs)) < 1e-5);
}

#[test]
fn micro_batches_group_a_prompt_and_cover_every_token() {
    let seqs = sequences();
    let batches = pack_micro_batches(&seqs, 2, &Device::Cpu).unwrap();
    assert_eq!(batches.len(), 3);
    let total: usize = batches.iter().map(|b| b.trained_tokens).sum();
    assert_eq!(
        total,
        seqs.iter().map(Sequence::trained_tokens).sum::<usize>()
    );
    // Sorted by prompt: the two-token prompt's completions share a micro-batch, and one
    // prompt row serves them both.
    assert_eq!(batches[0].inputs.prompt_pads.len(), 1);
    assert_eq!(
        batches[0].inputs.segments.len(),
        1,
        "the 1-token completion has none"
    );
    assert!(batches[0].inputs.segments.iter().all(|s| s.prompt == 0));
    // A single-token completion has no continuation positions; the batch still packs.
    let one = pack(
        &[Sequence::prompt_completion(&[1, 2], &[3], 1.0)],
        &Device::Cpu,
    )
    .unwrap();
    assert_eq!(one.inputs.tokens.dims(), &[0, 0]);
    assert_eq!(one.trained_tokens, 1);
}
