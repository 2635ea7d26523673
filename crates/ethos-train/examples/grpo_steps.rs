//! A few GRPO steps on a real model with the rule grader, printing each step's metrics.
//!
//!     cargo run --release -p ethos-train --example grpo_steps -- MODEL.gguf [STEPS] [TASKS.jsonl]
//!
//! Trains rank-8 LoRA on q and v on standard tasks (default `data/tasks/word_limit.jsonl`;
//! 2 prompts x G = 4 per step, 48 new tokens), rewarded by their verifiers. It shows what
//! a step costs on this machine; it is not the learning experiment of issue 5.

use std::path::Path;

use candle_core::Device;
use ethos_core::Task;
use ethos_core::jsonl::read_jsonl;
use ethos_core::task::RawTask;
use ethos_grade::{GradeItem, RuleGrader};
use ethos_model::CandleModel;
use ethos_model::lora::{LoraAdapters, LoraConfig, LoraTarget};
use ethos_train::{AdamW, AdamWConfig, GrpoConfig, RolloutConfig, StepSettings, grpo_step};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let model_path = args
        .get(1)
        .ok_or("usage: grpo_steps MODEL.gguf [STEPS] [TASKS.jsonl]")?;
    let steps: u64 = args.get(2).map_or(Ok(3), |s| s.parse())?;
    let data = args.get(3).map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/tasks/word_limit.jsonl"),
        std::path::PathBuf::from,
    );
    let (lines, problems) = read_jsonl::<RawTask>(&data);
    if let Some(problem) = problems.first() {
        return Err(problem.to_string().into());
    }
    let tasks: Vec<GradeItem> = lines
        .into_iter()
        .filter_map(|l| Task::try_from(l.value).ok())
        .map(GradeItem::Task)
        .collect();
    let mut model = CandleModel::load(Path::new(model_path))?;
    let adapters = LoraAdapters::new(
        LoraConfig {
            rank: 8,
            alpha: 16.0,
            dropout: 0.0,
            targets: vec![LoraTarget::Q, LoraTarget::V],
        },
        model.llama().config(),
        0,
        &Device::Cpu,
    )?;
    model.llama_mut().attach_adapters(adapters.clone())?;
    let mut optimizer = AdamW::new(adapters.named_vars(), AdamWConfig::default())?;
    for step in 0..steps {
        let start = (step as usize * 2) % tasks.len().max(1);
        let prompts = &tasks[start..(start + 2).min(tasks.len())];
        let settings = StepSettings {
            rollout: RolloutConfig {
                group: 4,
                max_new_tokens: 48,
                ..RolloutConfig::default()
            },
            grpo: GrpoConfig::default(),
            lr: 1e-4,
            max_grad_norm: 1.0,
            seed: step,
        };
        let metrics = grpo_step(&model, &RuleGrader, prompts, &mut optimizer, &settings)?;
        println!("{}", serde_json::to_string(&metrics)?);
    }
    Ok(())
}
