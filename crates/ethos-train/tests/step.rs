//! One GRPO step on a tiny model with test graders: it updates the adapters when rewards
//! vary, and records skips (flat groups, failed grading) instead of failing.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic

use candle_core::Device;
use ethos_core::{Message, Task, TaskSpec};
use ethos_grade::{Cost, Grade, GradeError, GradeItem, GradeJob, Grader};
use ethos_model::lora::{LoraAdapters, LoraConfig, LoraTarget};
use ethos_model::tiny::TinyModel;
use ethos_model::{CandleModel, LoadOptions};
use ethos_train::{
    AdamW, AdamWConfig, GrpoConfig, RolloutConfig, RolloutPrompt, Sequence, StepMetrics,
    StepSettings, TrainError, grpo_gradients, grpo_step,
};

/// Rewards by response length, fails, or rewards a constant.
enum TestGrader {
    Length,
    Fails,
    Constant,
}

impl Grader for TestGrader {
    fn id(&self) -> String {
        "test".into()
    }

    fn grade_batch(&self, jobs: &[GradeJob<'_>]) -> Vec<Result<Grade, GradeError>> {
        jobs.iter()
            .map(|job| match self {
                Self::Fails => Err(GradeError::Config("judge unavailable".into())),
                _ => Ok(Grade {
                    score: match self {
                        Self::Length => job.response.chars().count() as f64 / 40.0,
                        _ => 0.5,
                    },
                    verdicts: vec![],
                    cost: Cost::default(),
                    grader: "test".into(),
                }),
            })
            .collect()
    }
}

fn prompts() -> Vec<GradeItem> {
    ["write something", "say a few words"]
        .iter()
        .enumerate()
        .map(|(i, text)| {
            GradeItem::Task(Task {
                id: format!("t{i}"),
                messages: vec![Message::user(*text)],
                spec: TaskSpec::from_parts("word_limit", serde_json::json!({"max_words": 5}))
                    .unwrap(),
            })
        })
        .collect()
}

fn model(dir: &std::path::Path) -> (CandleModel, LoraAdapters) {
    let mut model = TinyModel::default()
        .load_in(dir, LoadOptions::default())
        .unwrap();
    let adapters = LoraAdapters::new(
        LoraConfig {
            rank: 4,
            alpha: 8.0,
            dropout: 0.0,
            targets: vec![LoraTarget::Q, LoraTarget::V, LoraTarget::Down],
        },
        model.llama().config(),
        0,
        &Device::Cpu,
    )
    .unwrap();
    model.llama_mut().attach_adapters(adapters.clone()).unwrap();
    (model, adapters)
}

fn step(
    model: &CandleModel,
    grader: &TestGrader,
    opt: &mut AdamW,
    seed: u64,
) -> Result<StepMetrics, TrainError> {
    step_with(model, grader, opt, seed, GrpoConfig::default())
}

fn step_with(
    model: &CandleModel,
    grader: &TestGrader,
    opt: &mut AdamW,
    seed: u64,
    grpo: GrpoConfig,
) -> Result<StepMetrics, TrainError> {
    let settings = StepSettings {
        rollout: RolloutConfig {
            group: 4,
            max_new_tokens: 12,
            ..RolloutConfig::default()
        },
        grpo,
        lr: 1e-2,
        max_grad_norm: 1.0,
        micro_batch: 3,
        seed,
    };
    let items = prompts();
    let prompts: Vec<RolloutPrompt<'_>> = items
        .iter()
        .map(|item| RolloutPrompt {
            item,
            source: "test",
        })
        .collect();
    grpo_step(model, grader, &prompts, opt, &settings)
}

#[test]
fn a_step_with_varying_rewards_updates_the_adapters() {
    let dir = tempfile::tempdir().unwrap();
    let (model, adapters) = model(dir.path());
    let mut opt = AdamW::new(adapters.named_vars(), AdamWConfig::default()).unwrap();
    let before: Vec<f32> = adapters.named_vars()[1]
        .1
        .flatten_all()
        .unwrap()
        .to_vec1()
        .unwrap();
    assert!(before.iter().all(|b| *b == 0.0));
    let metrics = step(&model, &TestGrader::Length, &mut opt, 7).unwrap();
    assert_eq!(metrics.failed_groups, 0);
    assert_eq!(metrics.zero_variance_groups, 0);
    assert!(
        metrics.loss.is_some_and(f64::is_finite) && metrics.grad_norm.is_some_and(|g| g > 0.0),
        "{metrics:?}"
    );
    assert_eq!(
        metrics.generated_tokens as f64,
        metrics.completion_len_mean * 8.0
    );
    assert!(metrics.trained_tokens > 0 && metrics.forward_tokens >= metrics.trained_tokens);
    assert!(
        metrics.kl.is_some_and(|kl| kl.abs() < 1e-6),
        "fresh adapters equal the reference"
    );
    let after: Vec<f32> = adapters.named_vars()[1]
        .1
        .flatten_all()
        .unwrap()
        .to_vec1()
        .unwrap();
    assert!(after.iter().any(|b| *b != 0.0), "B moved");
    assert_eq!(opt.steps(), 1);
    // The served model sees the update: a second step's KL is no longer zero.
    let metrics = step(&model, &TestGrader::Length, &mut opt, 8).unwrap();
    assert!(metrics.kl.is_some_and(|kl| kl > 0.0), "{metrics:?}");
}

#[test]
fn flat_groups_and_failed_grading_are_recorded_skips() {
    let dir = tempfile::tempdir().unwrap();
    let (model, adapters) = model(dir.path());
    let mut opt = AdamW::new(adapters.named_vars(), AdamWConfig::default()).unwrap();
    for (grader, flat, failed) in [(TestGrader::Constant, 2, 0), (TestGrader::Fails, 0, 2)] {
        let metrics = step(&model, &grader, &mut opt, 3).unwrap();
        assert_eq!(metrics.zero_variance_groups, flat);
        assert_eq!(metrics.failed_groups, failed);
        assert_eq!(metrics.trained_tokens, 0);
        // Nothing was measured, so nothing is reported.
        assert_eq!(metrics.updates, 0);
        assert_eq!(metrics.loss, None);
        assert_eq!(metrics.kl, None);
        assert_eq!(metrics.entropy, None);
        assert_eq!(metrics.grad_norm, None);
        assert_eq!(metrics.clipped_fraction, None);
        assert_eq!(
            metrics.reward_mean.is_some(),
            flat > 0,
            "only graded steps have a reward"
        );
    }
    assert_eq!(opt.steps(), 0, "nothing to learn from: no update");
    // Without adapters there is nothing to train.
    let path = dir.path().join("tiny.gguf");
    let bare = CandleModel::load(&path).unwrap();
    let err = step(&bare, &TestGrader::Length, &mut opt, 3).unwrap_err();
    assert!(err.to_string().contains("attach LoRA adapters"), "{err}");
}

#[test]
fn flat_groups_can_be_kept_for_their_kl_term() {
    let dir = tempfile::tempdir().unwrap();
    let (model, adapters) = model(dir.path());
    let mut opt = AdamW::new(adapters.named_vars(), AdamWConfig::default()).unwrap();
    let grpo = GrpoConfig {
        train_flat_groups: true,
        ..GrpoConfig::default()
    };
    let metrics = step_with(&model, &TestGrader::Constant, &mut opt, 3, grpo).unwrap();
    assert_eq!(metrics.zero_variance_groups, 2, "still counted");
    assert!(metrics.trained_tokens > 0, "{metrics:?}");
    assert_eq!(metrics.updates, 1);
    // Advantages are 0 and fresh adapters equal the reference: nothing to learn yet.
    assert!(metrics.loss.is_some_and(|l| l.abs() < 1e-6), "{metrics:?}");
    assert!(metrics.kl.is_some_and(|kl| kl.abs() < 1e-6), "{metrics:?}");
}

#[test]
fn accumulated_micro_batches_give_the_whole_batch_gradient() {
    let dir = tempfile::tempdir().unwrap();
    let (model, adapters) = model(dir.path());
    // Non-zero B so that every A gets a gradient too.
    for var in adapters.vars() {
        let noise = candle_core::Tensor::randn(0f32, 0.1, var.shape(), &Device::Cpu).unwrap();
        var.set(&(var.as_tensor() + noise).unwrap()).unwrap();
    }
    let sequences: Vec<Sequence> = (0..5)
        .map(|i| {
            let prompt: Vec<u32> = (0..3 + i).map(|t| 40 + t as u32).collect();
            let completion: Vec<u32> = (0..2 + 2 * i).map(|t| 60 + (t * 7 % 50) as u32).collect();
            Sequence::prompt_completion(&prompt, &completion, i as f64 - 2.0)
        })
        .collect();
    let grpo = GrpoConfig::default();
    let (whole, whole_loss) = grpo_gradients(&model, &sequences, &grpo, 8).unwrap();
    let (parts, parts_loss) = grpo_gradients(&model, &sequences, &grpo, 2).unwrap();
    assert!(
        (whole_loss - parts_loss).abs() < 1e-6,
        "{whole_loss} {parts_loss}"
    );
    for (name, var) in adapters.named_vars() {
        let a = whole.get(&var).unwrap();
        let b = parts.get(&var).unwrap();
        let scale = a
            .abs()
            .unwrap()
            .max_all()
            .unwrap()
            .to_scalar::<f32>()
            .unwrap();
        let diff = (a - b)
            .unwrap()
            .abs()
            .unwrap()
            .max_all()
            .unwrap()
            .to_scalar::<f32>()
            .unwrap();
        assert!(scale > 0.0, "{name} got no gradient");
        assert!(diff <= 1e-4 * scale, "{name}: {diff} vs {scale}");
    }
}
