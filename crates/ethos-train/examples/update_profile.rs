//! Times the phases of one GRPO update on a model (for optimisation work).
//!
//!     cargo run --release -p ethos-train --example update_profile -- MODEL.gguf [SEQS] [LEN] [ROUNDS]
//!
//! The `ethos` binary keeps freed memory in the process (see its `main`); to time the
//! same way, run this with
//! `GLIBC_TUNABLES=glibc.malloc.mmap_max=0:glibc.malloc.trim_threshold=68719476736`, or
//! the first touch of fresh pages dominates every round (with `mmap_max=0` alone, glibc
//! still trims the heap: the policy forward measured 4.1-4.8 s against 2.6-2.9 s).

use std::time::Instant;

use candle_core::Device;
use ethos_model::CandleModel;
use ethos_model::lora::{LoraAdapters, LoraConfig, LoraTarget};
use ethos_train::batch::{Sequence, pack};
use ethos_train::{GrpoBatch, GrpoConfig, grpo_loss};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .ok_or("usage: update_profile MODEL.gguf [SEQS] [LEN] [ROUNDS]")?;
    let seqs: usize = args.next().map_or(Ok(8), |s| s.parse())?;
    let len: usize = args.next().map_or(Ok(128), |s| s.parse())?;
    let rounds: usize = args.next().map_or(Ok(2), |s| s.parse())?;
    let mut model = CandleModel::load(std::path::Path::new(&path))?;
    let adapters = LoraAdapters::new(
        LoraConfig {
            rank: 16,
            alpha: 32.0,
            dropout: 0.0,
            targets: vec![LoraTarget::Q, LoraTarget::V],
        },
        model.llama().config(),
        0,
        &Device::Cpu,
    )?;
    model.llama_mut().attach_adapters(adapters.clone())?;
    let sequences: Vec<Sequence> = (0..seqs)
        .map(|i| {
            let prompt: Vec<u32> = (0..len / 2)
                .map(|t| 100 + ((t * 31 + i) % 5000) as u32)
                .collect();
            let completion: Vec<u32> = (0..len / 2)
                .map(|t| 200 + ((t * 17 + i) % 5000) as u32)
                .collect();
            Sequence::prompt_completion(&prompt, &completion, i as f64 - 3.5)
        })
        .collect();
    let llama = model.llama();
    let batch = pack(&sequences, &Device::Cpu)?;
    for round in 0..rounds {
        let t = Instant::now();
        let train_ref = batch.logprobs(llama, None, None)?.0.detach();
        let t_train_ref = t.elapsed().as_secs_f64();
        let t = Instant::now();
        let (logp, _) = batch.logprobs(llama, Some(&adapters), None)?;
        let t_pol = t.elapsed().as_secs_f64();
        let t = Instant::now();
        let (loss, _) = grpo_loss(
            &GrpoBatch {
                old_logprobs: logp.detach(),
                logprobs: logp,
                ref_logprobs: Some(train_ref),
                advantages: batch.advantages.clone(),
                mask: None,
            },
            &GrpoConfig::default(),
        )?;
        let grads = loss.backward()?;
        let t_bwd = t.elapsed().as_secs_f64();
        println!(
            "round {round}: {} positions: reference forward {t_train_ref:.2}s, policy forward+log-probs {t_pol:.2}s, loss+backward {t_bwd:.2}s ({} grads)",
            batch.forward_tokens,
            adapters
                .vars()
                .iter()
                .filter(|v| grads.get(v).is_some())
                .count()
        );
    }
    Ok(())
}
