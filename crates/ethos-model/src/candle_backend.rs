//! The local backend: a [`Llama`] run with candle, batched.

use std::collections::HashMap;
use std::path::Path;
use std::time::Instant;

use candle_core::{DType, Device, Tensor};

use crate::error::{ModelError, Result};
use crate::gguf::GgufFile;
use crate::llama::{Cache, Llama, Logits, Precision};
use crate::model::{
    Completion, FinishReason, Generation, GenerationRequest, LanguageModel, Prompt, PromptLogprobs,
    Score, ScoreRequest, StreamEvent, TokenLogprob,
};
use crate::placement::{DeviceSpec, WeightType};
use crate::sampling::{argmax, log_softmax, sample, sample_log_probs, sequence_rng};
use crate::template::{CHATML_TEMPLATE, ChatTemplate};
use crate::tokenizer::TextTokenizer;

/// A llama-family model with its tokenizer and chat template, run locally.
pub struct CandleModel {
    id: String,
    llama: Llama,
    tokenizer: TextTokenizer,
    template: ChatTemplate,
    pad_id: u32,
    decode_precision: Precision,
}

/// How [`CandleModel::load_with`] prepares a model.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LoadOptions {
    /// Decode steps multiply with Q8_0 copies of the weights (about 4x faster at batch 1
    /// on the default model where the CPU has integer dot-product instructions). Prompt
    /// passes and scoring always use the f32 weights, so a sequence's output never depends
    /// on what else is in its batch either way. CPU with f32 weights only; ignored
    /// elsewhere.
    pub int8_decode: bool,
    /// Where the weights live.
    pub device: DeviceSpec,
    /// The weights' float type; `None` takes the device's default
    /// ([`DeviceSpec::default_weights`]: f32 on the CPU, bf16 on a GPU).
    pub weights: Option<WeightType>,
}

impl Default for LoadOptions {
    /// On the CPU in f32, with Q8_0 decoding where it is the faster path on this CPU
    /// ([`crate::llama::int8_decode_is_faster`]).
    fn default() -> Self {
        Self {
            int8_decode: crate::llama::int8_decode_is_faster(),
            device: DeviceSpec::Cpu,
            weights: None,
        }
    }
}

impl LoadOptions {
    /// On the CPU in f32 without Q8_0 decoding: every pass multiplies with the same
    /// weights.
    pub fn exact() -> Self {
        Self {
            int8_decode: false,
            ..Self::default()
        }
    }
}

/// Where the time of a generation call went.
#[derive(Debug, Clone, Copy, Default, PartialEq, serde::Serialize)]
pub struct Timing {
    /// Prompt tokens processed (padding excluded; a prompt shared by several sequences
    /// counts once).
    pub prompt_tokens: usize,
    /// Seconds spent on the prompt pass.
    pub prompt_seconds: f64,
    /// Tokens generated, over all sequences.
    pub decode_tokens: usize,
    /// Seconds spent decoding after the prompt pass.
    pub decode_seconds: f64,
}

impl Timing {
    /// Prompt tokens per second.
    pub fn prompt_tokens_per_second(&self) -> f64 {
        rate(self.prompt_tokens, self.prompt_seconds)
    }

    /// Generated tokens per second, all sequences together.
    pub fn decode_tokens_per_second(&self) -> f64 {
        rate(self.decode_tokens, self.decode_seconds)
    }
}

fn rate(tokens: usize, seconds: f64) -> f64 {
    if seconds > 0.0 {
        tokens as f64 / seconds
    } else {
        0.0
    }
}

/// One sequence being decoded.
struct Sequence {
    request: usize,
    index: usize,
    prompt: Vec<u32>,
    max_new: usize,
    temperature: f32,
    top_p: f32,
    top_logprobs: usize,
    stop: Vec<String>,
    rng: rand::rngs::StdRng,
    tokens: Vec<u32>,
    logprobs: Vec<f32>,
    top: Vec<Vec<TokenLogprob>>,
    text: String,
    /// Bytes of `text` already streamed.
    streamed: usize,
    finished: Option<FinishReason>,
}

impl Sequence {
    /// Text that is safe to stream: not a possible start of a stop string, and not a
    /// character still waiting for its remaining bytes.
    fn settled_len(&self) -> usize {
        if self.finished.is_some() {
            return self.text.len();
        }
        let mut end = self.text.len();
        if self.text.ends_with('\u{FFFD}') {
            end -= '\u{FFFD}'.len_utf8();
        }
        let held = self
            .stop
            .iter()
            .flat_map(|stop| {
                (1..stop.len())
                    .filter(|&k| stop.is_char_boundary(k))
                    .map(move |k| &stop[..k])
            })
            .filter(|prefix| self.text[..end].ends_with(prefix))
            .map(str::len)
            .max()
            .unwrap_or(0);
        end - held
    }
}

impl CandleModel {
    /// Loads a model on the CPU in f32: a GGUF file, or a Hugging Face checkpoint directory.
    pub fn load(path: &Path) -> Result<Self> {
        Self::load_with(path, LoadOptions::default())
    }

    /// [`CandleModel::load`] with explicit options.
    pub fn load_with(path: &Path, options: LoadOptions) -> Result<Self> {
        // Open the device first: a missing GPU should fail before a long load.
        let device = options.device.open()?;
        let weights = options
            .weights
            .unwrap_or(options.device.default_weights())
            .dtype();
        let mut model = Self::load_exact(path)?;
        // Cast on the CPU, tensor by tensor, then move: the device never holds f32 copies.
        if weights != DType::F32 {
            model.llama = model.llama.to_dtype(weights)?;
        }
        if !device.is_cpu() {
            model.llama = model.llama.to_device(&device)?;
        }
        if options.int8_decode && device.is_cpu() && weights == DType::F32 {
            model.llama.prepare_int8()?;
            model.decode_precision = Precision::Int8;
        }
        Ok(model)
    }

    fn load_exact(path: &Path) -> Result<Self> {
        if !path.exists() {
            return Err(ModelError::Io {
                path: path.to_path_buf(),
                source: std::io::Error::new(
                    std::io::ErrorKind::NotFound,
                    "no such file or directory",
                ),
            });
        }
        let device = Device::Cpu;
        let id = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        if path.is_dir() {
            let llama = Llama::from_hf_dir(path, &device)?;
            let (tokenizer, template) = TextTokenizer::from_hf_dir(path)?;
            let pad_id = tokenizer.eos().first().copied().unwrap_or(0);
            return Self::assemble(
                id,
                llama,
                tokenizer,
                template.as_deref().unwrap_or(CHATML_TEMPLATE),
                pad_id,
            );
        }
        let mut gguf = GgufFile::open(path)?;
        let llama = Llama::from_gguf(&mut gguf, &device)?;
        let tokenizer = TextTokenizer::from_gguf(&gguf)?;
        let source = gguf
            .string("tokenizer.chat_template")
            .unwrap_or(CHATML_TEMPLATE)
            .to_string();
        let pad_id = gguf
            .usize("tokenizer.ggml.padding_token_id")
            .ok()
            .and_then(|v| u32::try_from(v).ok())
            .or(tokenizer.eos().first().copied())
            .unwrap_or(0);
        Self::assemble(id, llama, tokenizer, &source, pad_id)
    }

    fn assemble(
        id: String,
        llama: Llama,
        mut tokenizer: TextTokenizer,
        source: &str,
        pad_id: u32,
    ) -> Result<Self> {
        if tokenizer.vocab_size() > llama.config().vocab {
            return Err(ModelError::Tokenizer(format!(
                "the tokenizer has {} tokens but the model only {} embeddings",
                tokenizer.vocab_size(),
                llama.config().vocab
            )));
        }
        let text_of =
            |id: Option<u32>| id.and_then(|i| tokenizer.token_text(i)).unwrap_or_default();
        let template = ChatTemplate::new(
            source,
            &text_of(tokenizer.bos()),
            &text_of(tokenizer.eos().first().copied()),
        )?;
        // Chat templates end turns with their own marker; stop there even when the file's
        // EOS token is a different one.
        for marker in ["<|im_end|>", "<|eot_id|>", "<|end|>"] {
            if source.contains(marker)
                && let Some(id) = tokenizer.token_id(marker)
            {
                tokenizer.add_eos(id);
            }
        }
        Ok(Self {
            id,
            llama,
            tokenizer,
            template,
            pad_id,
            decode_precision: Precision::Exact,
        })
    }

    /// Applies a LoRA adapter (PEFT directory) to every later pass; the model's id gains
    /// `+adapter-name`.
    pub fn attach_peft_adapter(&mut self, dir: &Path) -> Result<()> {
        let adapters =
            crate::lora::LoraAdapters::load_peft(dir, self.llama.config(), self.llama.device())?;
        self.llama.attach_adapters(adapters)?;
        let name = dir.file_name().map_or_else(
            || dir.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        self.id = format!("{}+{name}", self.id);
        Ok(())
    }

    /// The underlying transformer, mutably (to attach or detach adapters).
    pub fn llama_mut(&mut self) -> &mut Llama {
        &mut self.llama
    }

    /// The underlying transformer.
    pub fn llama(&self) -> &Llama {
        &self.llama
    }

    /// Renders and tokenizes a chat prompt ending with the assistant's opening.
    pub fn prompt_tokens(&self, messages: &[ethos_core::Message]) -> Result<Vec<u32>> {
        let text = self.template.render(messages, true)?;
        self.tokenizer.encode(&text)
    }

    fn check_fits(&self, tokens: usize, max_new: usize) -> Result<()> {
        let context = self.llama.config().context;
        if tokens + max_new > context {
            return Err(ModelError::PromptTooLong {
                tokens,
                max_new,
                context,
            });
        }
        Ok(())
    }

    /// Runs a batch of left-padded prompts through the model, filling a fresh cache.
    fn prefill(
        &self,
        prompts: &[&[u32]],
        capacity: usize,
        logits: Logits,
    ) -> Result<(Tensor, Cache, Vec<usize>)> {
        let device = self.llama.device();
        let width = prompts.iter().map(|p| p.len()).max().unwrap_or(0);
        let pads: Vec<usize> = prompts.iter().map(|p| width - p.len()).collect();
        let mut tokens = Vec::with_capacity(prompts.len() * width);
        let mut positions = Vec::with_capacity(prompts.len() * width);
        for (prompt, &pad) in prompts.iter().zip(&pads) {
            tokens.extend(std::iter::repeat_n(self.pad_id, pad).chain(prompt.iter().copied()));
            positions.extend((0..width).map(|i| i.saturating_sub(pad) as u32));
        }
        let tokens = Tensor::from_vec(tokens, (prompts.len(), width), device)?;
        let positions = Tensor::from_vec(positions, (prompts.len(), width), device)?;
        let mut cache = Cache::new(self.llama.config(), capacity);
        let out = self.llama.forward(
            &tokens,
            &positions,
            &pads,
            &mut cache,
            logits,
            Precision::Exact,
        )?;
        Ok((out, cache, pads))
    }

    fn decode_batch(
        &self,
        sequences: &mut [Sequence],
        sink: &mut dyn FnMut(StreamEvent),
    ) -> Result<Timing> {
        let device = self.llama.device().clone();
        // Each distinct prompt runs once; sequences sampling from the same prompt (n > 1,
        // GRPO groups) copy its cache rows and last logits.
        let mut prompts: Vec<&[u32]> = Vec::new();
        let mut prompt_of: HashMap<&[u32], u32> = HashMap::new();
        let rows: Vec<u32> = sequences
            .iter()
            .map(|s| {
                *prompt_of.entry(s.prompt.as_slice()).or_insert_with(|| {
                    prompts.push(s.prompt.as_slice());
                    (prompts.len() - 1) as u32
                })
            })
            .collect();
        let width = prompts.iter().map(|p| p.len()).max().unwrap_or(0);
        let longest = sequences.iter().map(|s| s.max_new).max().unwrap_or(0);
        let started = Instant::now();
        let (mut logits, mut cache, mut pads) =
            self.prefill(&prompts, width + longest, Logits::Last)?;
        if prompts.len() < sequences.len() {
            let index = Tensor::new(rows.as_slice(), &device)?;
            logits = logits.index_select(&index, 0)?;
            cache = cache.select_rows(&index, width + longest)?;
            pads = rows.iter().map(|&r| pads[r as usize]).collect();
        }
        let mut timing = Timing {
            prompt_tokens: prompts.iter().map(|p| p.len()).sum(),
            prompt_seconds: started.elapsed().as_secs_f64(),
            ..Timing::default()
        };
        let started = Instant::now();
        for step in 0..longest {
            let rows: Vec<Vec<f32>> = logits.to_vec2()?;
            for (sequence, row) in sequences.iter_mut().zip(rows) {
                if sequence.finished.is_none() {
                    self.advance(sequence, &row)?;
                    emit(sequence, sink);
                }
            }
            if sequences.iter().all(|s| s.finished.is_some()) || step + 1 == longest {
                break;
            }
            let next: Vec<u32> = sequences
                .iter()
                .map(|s| {
                    s.tokens
                        .last()
                        .copied()
                        .filter(|_| s.finished.is_none())
                        .unwrap_or(self.pad_id)
                })
                .collect();
            let positions: Vec<u32> = sequences
                .iter()
                .map(|s| (s.prompt.len() + s.tokens.len()).saturating_sub(1) as u32)
                .collect();
            let tokens = Tensor::from_vec(next, (sequences.len(), 1), &device)?;
            let positions = Tensor::from_vec(positions, (sequences.len(), 1), &device)?;
            logits = self.llama.forward(
                &tokens,
                &positions,
                &pads,
                &mut cache,
                Logits::Last,
                self.decode_precision,
            )?;
        }
        for sequence in sequences.iter_mut() {
            if sequence.finished.is_none() {
                sequence.finished = Some(FinishReason::Length);
                emit(sequence, sink);
            }
        }
        timing.decode_tokens = sequences.iter().map(|s| s.tokens.len()).sum();
        timing.decode_seconds = started.elapsed().as_secs_f64();
        Ok(timing)
    }

    /// The `k` most likely tokens of a log-probability row.
    fn top_alternatives(&self, logprobs: &[f32], k: usize) -> Result<Vec<TokenLogprob>> {
        let mut order: Vec<usize> = (0..logprobs.len()).collect();
        let k = k.min(order.len());
        order.select_nth_unstable_by(k.saturating_sub(1), |&a, &b| {
            logprobs[b].total_cmp(&logprobs[a])
        });
        order.truncate(k);
        order.sort_by(|&a, &b| logprobs[b].total_cmp(&logprobs[a]));
        order
            .into_iter()
            .map(|id| {
                Ok(TokenLogprob {
                    token: self.piece(id as u32)?,
                    id: id as u32,
                    logprob: logprobs[id],
                })
            })
            .collect()
    }

    /// The text of one token as it would appear in output.
    fn piece(&self, id: u32) -> Result<String> {
        self.tokenizer.piece(id)
    }

    /// Samples one token for `sequence` from its logits row and updates its state.
    fn advance(&self, sequence: &mut Sequence, row: &[f32]) -> Result<()> {
        // The untempered log-probabilities are reported anyway; at temperature 1 they are
        // also the sampling distribution, so compute them once.
        let logprobs = log_softmax(row);
        let token = if sequence.temperature == 1.0 {
            sample_log_probs(&logprobs, sequence.top_p, &mut sequence.rng)
        } else {
            sample(row, sequence.temperature, sequence.top_p, &mut sequence.rng)
        } as u32;
        if self.tokenizer.eos().contains(&token) {
            sequence.finished = Some(FinishReason::Stop);
            return Ok(());
        }
        sequence.tokens.push(token);
        sequence.logprobs.push(logprobs[token as usize]);
        if sequence.top_logprobs > 0 {
            sequence
                .top
                .push(self.top_alternatives(&logprobs, sequence.top_logprobs)?);
        }
        sequence.text = self.tokenizer.decode(&sequence.tokens)?;
        if let Some(cut) = sequence
            .stop
            .iter()
            .filter_map(|s| sequence.text.find(s.as_str()))
            .min()
        {
            sequence.text.truncate(cut);
            sequence.finished = Some(FinishReason::Stop);
        } else if sequence.tokens.len() >= sequence.max_new {
            sequence.finished = Some(FinishReason::Length);
        }
        Ok(())
    }
}

impl CandleModel {
    /// Like [`LanguageModel::generate`], also reporting where the time went.
    pub fn generate_timed(
        &self,
        requests: &[GenerationRequest],
    ) -> Result<(Vec<Generation>, Timing)> {
        self.run_generation(requests, &mut |_| {})
    }

    /// Tokens of a prompt: chat messages through the template, or raw text.
    pub fn encode_prompt(&self, prompt: &Prompt) -> Result<Vec<u32>> {
        let tokens = match prompt {
            Prompt::Chat(messages) => self.prompt_tokens(messages)?,
            Prompt::Text(text) => self.tokenizer.encode(text)?,
        };
        if tokens.is_empty() {
            return Err(ModelError::InvalidRequest(
                "the prompt is empty".to_string(),
            ));
        }
        Ok(tokens)
    }

    fn run_generation(
        &self,
        requests: &[GenerationRequest],
        sink: &mut dyn FnMut(StreamEvent),
    ) -> Result<(Vec<Generation>, Timing)> {
        let mut sequences = Vec::new();
        let mut prompt_lengths = Vec::new();
        for (request_index, request) in requests.iter().enumerate() {
            let params = &request.params;
            params.validate()?;
            let prompt = self.encode_prompt(&request.prompt)?;
            self.check_fits(prompt.len(), params.max_tokens)?;
            prompt_lengths.push(prompt.len());
            for index in 0..params.n {
                sequences.push(Sequence {
                    request: request_index,
                    index,
                    prompt: prompt.clone(),
                    max_new: params.max_tokens,
                    temperature: params.temperature,
                    top_p: params.top_p,
                    top_logprobs: params.top_logprobs,
                    stop: params.stop.clone(),
                    rng: sequence_rng(params.seed, index),
                    tokens: Vec::new(),
                    logprobs: Vec::new(),
                    top: Vec::new(),
                    text: String::new(),
                    streamed: 0,
                    finished: None,
                });
            }
        }
        let timing = if sequences.is_empty() {
            Timing::default()
        } else {
            self.decode_batch(&mut sequences, sink)?
        };
        let mut generations: Vec<Generation> = prompt_lengths
            .into_iter()
            .map(|prompt_tokens| Generation {
                prompt_tokens,
                completions: Vec::new(),
            })
            .collect();
        for s in sequences {
            let tokens = s
                .tokens
                .iter()
                .map(|&id| self.piece(id))
                .collect::<Result<Vec<_>>>()?;
            generations[s.request].completions.push(Completion {
                text: s.text,
                token_ids: s.tokens,
                logprobs: s.logprobs,
                tokens,
                top_logprobs: s.top,
                finish_reason: s.finished.unwrap_or(FinishReason::Length),
            });
        }
        Ok((generations, timing))
    }
}

/// Prompt tokens (padding included) per scoring batch: prompts are sorted by length and
/// cut into batches of about this size.
const SCORE_BATCH_TOKENS: usize = 4096;

/// One continuation to score, pointing at its distinct prompt.
struct Scored<'a> {
    input: usize,
    prompt: usize,
    continuation: &'a [u32],
}

impl CandleModel {
    /// Log-likelihood of each `(prompt, continuation)` pair of token ids.
    ///
    /// Each distinct prompt runs once, however many continuations follow it (the choices
    /// of a multiple-choice item): its last position's logits score every continuation's
    /// first token, and its key/value cache rows are copied to one row per continuation,
    /// which then runs only its own tokens but the last. The output head is applied only
    /// where a continuation token is predicted. Prompts are batched by length.
    pub fn score_tokens(&self, inputs: &[(Vec<u32>, Vec<u32>)]) -> Result<Vec<Score>> {
        if inputs.iter().any(|(p, c)| p.is_empty() || c.is_empty()) {
            return Err(ModelError::InvalidRequest(
                "prompt and continuation must both have tokens".to_string(),
            ));
        }
        let mut prompts: Vec<&[u32]> = Vec::new();
        let mut prompt_of: HashMap<&[u32], usize> = HashMap::new();
        let mut scored: Vec<Scored<'_>> = Vec::with_capacity(inputs.len());
        for (input, (prompt, continuation)) in inputs.iter().enumerate() {
            let index = *prompt_of.entry(prompt.as_slice()).or_insert_with(|| {
                prompts.push(prompt.as_slice());
                prompts.len() - 1
            });
            scored.push(Scored {
                input,
                prompt: index,
                continuation,
            });
        }
        let mut order: Vec<usize> = (0..prompts.len()).collect();
        order.sort_by_key(|&p| prompts[p].len());
        let mut by_prompt: Vec<Vec<&Scored<'_>>> = vec![Vec::new(); prompts.len()];
        for s in &scored {
            by_prompt[s.prompt].push(s);
        }
        let mut out: Vec<Option<Score>> = vec![None; inputs.len()];
        let mut batch: Vec<usize> = Vec::new();
        for &p in &order {
            // Sorted by length, so the newest prompt is the batch's widest.
            if !batch.is_empty() && (batch.len() + 1) * prompts[p].len() > SCORE_BATCH_TOKENS {
                self.score_batch(&batch, &prompts, &by_prompt, &mut out)?;
                batch.clear();
            }
            batch.push(p);
        }
        if !batch.is_empty() {
            self.score_batch(&batch, &prompts, &by_prompt, &mut out)?;
        }
        out.into_iter()
            .map(|s| s.ok_or_else(|| ModelError::InvalidRequest("a score is missing".into())))
            .collect()
    }

    /// Scores the continuations of the prompts `batch` (indices into `prompts`).
    fn score_batch(
        &self,
        batch: &[usize],
        prompts: &[&[u32]],
        by_prompt: &[Vec<&Scored<'_>>],
        out: &mut [Option<Score>],
    ) -> Result<()> {
        let rows: Vec<&[u32]> = batch.iter().map(|&p| prompts[p]).collect();
        let width = rows.iter().map(|r| r.len()).max().unwrap_or(0);
        let members: Vec<(usize, &Scored<'_>)> = batch
            .iter()
            .enumerate()
            .flat_map(|(row, &p)| by_prompt[p].iter().map(move |s| (row, *s)))
            .collect();
        // The last continuation token is only predicted, never fed.
        let tail = members
            .iter()
            .map(|(_, s)| s.continuation.len() - 1)
            .max()
            .unwrap_or(0);
        let (last, cache, pads) = self.prefill(&rows, width + tail, Logits::Last)?;
        let last: Vec<Vec<f32>> = last.to_vec2()?;
        let mut scores: Vec<Score> = members
            .iter()
            .map(|(row, s)| {
                let first = s.continuation[0] as usize;
                let logprob = log_softmax(&last[*row])[first];
                Score {
                    logprob: f64::from(logprob),
                    tokens: s.continuation.len(),
                    is_greedy: argmax(&last[*row]) == first,
                    token_logprobs: vec![logprob],
                }
            })
            .collect();
        let longer: Vec<usize> = (0..members.len())
            .filter(|&m| members[m].1.continuation.len() > 1)
            .collect();
        if !longer.is_empty() {
            let device = self.llama.device();
            let context = self.llama.config().context;
            let mut tokens = Vec::with_capacity(longer.len() * tail);
            let mut positions = Vec::with_capacity(longer.len() * tail);
            let mut source_rows = Vec::with_capacity(longer.len());
            for &m in &longer {
                let (row, s) = members[m];
                let fed = &s.continuation[..s.continuation.len() - 1];
                // Right padding: real tokens come first and never attend to it.
                tokens.extend(
                    fed.iter()
                        .copied()
                        .chain(std::iter::repeat(self.pad_id))
                        .take(tail),
                );
                let start = rows[row].len();
                positions.extend((0..tail).map(|k| (start + k).min(context - 1) as u32));
                source_rows.push(row as u32);
            }
            let index = Tensor::new(source_rows.as_slice(), device)?;
            let mut cache = cache.select_rows(&index, width + tail)?;
            let row_pads: Vec<usize> = source_rows.iter().map(|&r| pads[r as usize]).collect();
            let tokens = Tensor::from_vec(tokens, (longer.len(), tail), device)?;
            let positions = Tensor::from_vec(positions, (longer.len(), tail), device)?;
            let logits = self.llama.forward(
                &tokens,
                &positions,
                &row_pads,
                &mut cache,
                Logits::All,
                Precision::Exact,
            )?;
            let vocab = logits.dim(2)?;
            let flat: Vec<f32> = logits.flatten_all()?.to_vec1()?;
            for (r, &m) in longer.iter().enumerate() {
                let score = &mut scores[m];
                for (k, &token) in members[m].1.continuation.iter().enumerate().skip(1) {
                    let at = (r * tail + k - 1) * vocab;
                    let step = &flat[at..at + vocab];
                    let logprob = log_softmax(step)[token as usize];
                    score.token_logprobs.push(logprob);
                    score.logprob += f64::from(logprob);
                    score.is_greedy &= argmax(step) == token as usize;
                }
            }
        }
        for ((_, s), score) in members.iter().zip(scores) {
            out[s.input] = Some(score);
        }
        Ok(())
    }
}

/// Streams what `sequence` has settled since its last event.
fn emit(sequence: &mut Sequence, sink: &mut dyn FnMut(StreamEvent)) {
    let settled = sequence.settled_len();
    if settled > sequence.streamed || sequence.finished.is_some() {
        let text = sequence
            .text
            .get(sequence.streamed..settled)
            .unwrap_or_default()
            .to_string();
        sequence.streamed = settled.max(sequence.streamed);
        sink(StreamEvent {
            request: sequence.request,
            completion: sequence.index,
            text,
            finish_reason: sequence.finished,
        });
    }
}

impl LanguageModel for CandleModel {
    fn id(&self) -> &str {
        &self.id
    }

    fn generate(&self, requests: &[GenerationRequest]) -> Result<Vec<Generation>> {
        Ok(self.generate_timed(requests)?.0)
    }

    fn generate_streaming(
        &self,
        requests: &[GenerationRequest],
        sink: &mut dyn FnMut(StreamEvent),
    ) -> Result<Vec<Generation>> {
        Ok(self.run_generation(requests, sink)?.0)
    }

    fn prompt_logprobs(&self, text: &str, top: usize) -> Result<PromptLogprobs> {
        let ids = self.tokenizer.encode(text)?;
        if ids.is_empty() {
            return Err(ModelError::InvalidRequest(
                "the prompt is empty".to_string(),
            ));
        }
        self.check_fits(ids.len(), 0)?;
        let mut out = PromptLogprobs {
            tokens: ids
                .iter()
                .map(|&id| self.piece(id))
                .collect::<Result<_>>()?,
            ids: ids.clone(),
            logprobs: vec![None],
            top_logprobs: vec![Vec::new()],
        };
        if ids.len() > 1 {
            let (logits, _, _) = self.prefill(&[ids.as_slice()], ids.len(), Logits::All)?;
            let rows: Vec<Vec<f32>> = logits.get(0)?.to_vec2()?;
            for (position, &token) in ids.iter().enumerate().skip(1) {
                let logprobs = log_softmax(&rows[position - 1]);
                out.logprobs.push(Some(logprobs[token as usize]));
                out.top_logprobs.push(if top > 0 {
                    self.top_alternatives(&logprobs, top)?
                } else {
                    Vec::new()
                });
            }
        }
        Ok(out)
    }

    fn loglikelihood(&self, requests: &[ScoreRequest]) -> Result<Vec<Score>> {
        let mut inputs = Vec::with_capacity(requests.len());
        for request in requests {
            let prompt = self.prompt_tokens(&request.messages)?;
            let continuation = self.tokenizer.encode(&request.continuation)?;
            if continuation.is_empty() {
                return Err(ModelError::InvalidRequest(
                    "the continuation to score is empty".to_string(),
                ));
            }
            self.check_fits(prompt.len() + continuation.len(), 0)?;
            inputs.push((prompt, continuation));
        }
        self.score_tokens(&inputs)
    }

    fn tokenizer(&self) -> Option<&TextTokenizer> {
        Some(&self.tokenizer)
    }

    fn chat_template(&self) -> Option<&ChatTemplate> {
        Some(&self.template)
    }
}
