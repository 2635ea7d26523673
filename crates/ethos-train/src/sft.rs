//! Supervised fine-tuning with LoRA: cross-entropy on the assistant tokens of
//! conversations (used for warm starts, and later for harmful fine-tuning attacks).
//!
//! A data line is either `{"messages": [...]}` ending in an assistant turn, or a scenario
//! with a `reference` answer, which becomes the final assistant turn. Every assistant
//! turn is trained on (its text and the end-of-turn token); everything else is context.

use std::path::PathBuf;
use std::time::Instant;

use ethos_core::jsonl::read_jsonl;
use ethos_core::{Diagnostic, Message, Role};
use ethos_model::{CandleModel, LanguageModel};
use rand::SeedableRng;
use rand::rngs::StdRng;
use serde::{Deserialize, Serialize};

use crate::batch::{Sequence, accumulate, pack_micro_batches};
use crate::compute::scored_forward_flops;
use crate::error::{Result, TrainError};
use crate::optim::{AdamW, clip_grad_norm};

/// One conversation to imitate.
#[derive(Debug, Clone, PartialEq)]
pub struct SftExample {
    /// Where it came from (`file:line`).
    pub origin: String,
    /// The conversation, ending in an assistant turn.
    pub messages: Vec<Message>,
}

#[derive(Debug, Deserialize)]
struct SftLine {
    messages: Vec<Message>,
    #[serde(default)]
    reference: Option<String>,
}

/// Reads SFT examples from JSONL files (folders are searched for `*.jsonl`).
pub fn load_examples(paths: &[PathBuf]) -> Result<Vec<SftExample>> {
    let mut files = Vec::new();
    for path in paths {
        if path.is_dir() {
            let mut found: Vec<PathBuf> = std::fs::read_dir(path)
                .map_err(|e| TrainError::File {
                    path: path.clone(),
                    message: e.to_string(),
                })?
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
                .collect();
            found.sort();
            files.extend(found);
        } else {
            files.push(path.clone());
        }
    }
    let mut examples = Vec::new();
    let mut problems: Vec<Diagnostic> = Vec::new();
    for file in &files {
        let (lines, diags) = read_jsonl::<SftLine>(file);
        problems.extend(diags);
        for line in lines {
            let mut messages = line.value.messages;
            if let Some(reference) = line.value.reference {
                if messages.last().is_some_and(|m| m.role == Role::Assistant) {
                    problems.push(Diagnostic::at(
                        file,
                        line.line,
                        "reference",
                        "the conversation already ends in an assistant turn",
                    ));
                    continue;
                }
                messages.push(Message::assistant(reference));
            }
            if messages.last().is_none_or(|m| m.role != Role::Assistant) {
                problems.push(Diagnostic::at(
                    file,
                    line.line,
                    "messages",
                    "SFT needs a conversation ending in an assistant turn (or a `reference`)",
                ));
                continue;
            }
            examples.push(SftExample {
                origin: format!("{}:{}", file.display(), line.line),
                messages,
            });
        }
    }
    if !problems.is_empty() {
        let lines: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
        return Err(TrainError::Data(lines.join("\n")));
    }
    if examples.is_empty() {
        return Err(TrainError::Data(format!(
            "no SFT examples in {}",
            paths
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        )));
    }
    Ok(examples)
}

/// Token ids and training mask of an example under `model`'s chat template.
///
/// Each assistant turn is appended as its encoded text plus the end-of-turn token after
/// the template's rendering of the conversation before it; the rendering must extend
/// what is already there (true of ChatML-style templates), otherwise it is an error
/// rather than a silently misaligned mask.
pub fn tokenize_example(
    model: &CandleModel,
    example: &SftExample,
    max_tokens: usize,
) -> Result<Sequence> {
    let tokenizer = model
        .tokenizer()
        .ok_or_else(|| TrainError::Invalid("the model has no tokenizer".into()))?;
    let eos = tokenizer.eos().first().copied();
    let mut tokens: Vec<u32> = Vec::new();
    let mut trained: Vec<bool> = Vec::new();
    for (i, message) in example.messages.iter().enumerate() {
        if message.role != Role::Assistant || i == 0 {
            continue;
        }
        let prefix = model.prompt_tokens(&example.messages[..i])?;
        if !prefix.starts_with(&tokens) {
            return Err(TrainError::Data(format!(
                "{}: the chat template does not render turn {} as an extension of the turns before it",
                example.origin,
                i + 1
            )));
        }
        trained.extend(std::iter::repeat_n(false, prefix.len() - tokens.len()));
        tokens = prefix;
        let mut answer = tokenizer.encode(&message.content)?;
        answer.extend(eos);
        trained.extend(std::iter::repeat_n(true, answer.len()));
        tokens.extend(answer);
    }
    tokens.truncate(max_tokens);
    trained.truncate(max_tokens);
    if trained.iter().skip(1).all(|t| !t) {
        return Err(TrainError::Data(format!(
            "{}: no assistant token within the first {max_tokens} tokens (sft.max_tokens)",
            example.origin
        )));
    }
    Ok(Sequence {
        tokens,
        trained,
        advantage: 1.0,
    })
}

/// What one SFT step did.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct SftMetrics {
    /// Mean cross-entropy per trained token (nats).
    pub loss: f64,
    /// Gradient norm before clipping.
    pub grad_norm: f64,
    /// Examples in the step.
    pub examples: usize,
    /// Tokens in the loss.
    pub trained_tokens: usize,
    /// Positions through the forward (padding included).
    pub forward_tokens: usize,
    /// Estimated FLOPs (forward and backward).
    pub update_flops: f64,
    /// Seconds of the step.
    pub update_seconds: f64,
}

/// One SFT update on `sequences` (gradients accumulated over micro-batches).
pub fn sft_step(
    model: &CandleModel,
    sequences: &[Sequence],
    optimizer: &mut AdamW,
    lr: f64,
    max_grad_norm: f64,
    micro_batch: usize,
    seed: u64,
) -> Result<SftMetrics> {
    let started = Instant::now();
    let llama = model.llama();
    let adapters = llama
        .adapters()
        .ok_or_else(|| TrainError::Invalid("attach LoRA adapters before training".into()))?
        .clone();
    let batches = pack_micro_batches(sequences, micro_batch, llama.device())?;
    let total: usize = batches.iter().map(|b| b.trained_tokens).sum();
    if total == 0 {
        return Err(TrainError::Invalid(
            "no assistant tokens to train on".into(),
        ));
    }
    let vars = adapters.vars();
    let mut dropout = (adapters.config().dropout > 0.0).then(|| StdRng::seed_from_u64(seed));
    let mut grads = None;
    let mut metrics = SftMetrics {
        examples: sequences.len(),
        trained_tokens: total,
        ..SftMetrics::default()
    };
    for batch in &batches {
        let (logprobs, _) = batch.logprobs(llama, Some(&adapters), dropout.as_mut())?;
        // Sum of -log p over this micro-batch's trained tokens, divided by the step's
        // total, so accumulated gradients are those of the mean over the whole step.
        let loss = (logprobs.sum_all()?.neg()? / total as f64)?;
        metrics.loss += f64::from(loss.to_scalar::<f32>()?);
        accumulate(&mut grads, loss.backward()?, &vars)?;
        metrics.forward_tokens += batch.forward_tokens;
    }
    if let Some(mut grads) = grads {
        metrics.grad_norm = clip_grad_norm(&mut grads, &vars, max_grad_norm)?;
        optimizer.step(&grads, lr)?;
    }
    metrics.update_flops =
        2.0 * scored_forward_flops(llama.config(), metrics.forward_tokens, total);
    metrics.update_seconds = started.elapsed().as_secs_f64();
    Ok(metrics)
}
