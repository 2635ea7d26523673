//! A llama-family transformer forward pass owned by ethos.
//!
//! Why not `candle-transformers`: its quantized llama keeps one position counter for the
//! whole batch, has no padding mask, grows its KV cache by concatenation and returns only
//! last-token logits. Batched rollouts of prompts of different lengths need per-row
//! positions and masks, scoring needs all-position logits, and training will need LoRA
//! hooks on the same weights. Weights are held in f32 (dequantised from GGUF at load), the
//! path on which candle's batched matmuls scale.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use std::sync::Arc;

use candle_core::quantized::{GgmlDType, QMatMul, QTensor};
use candle_core::{D, DType, Device, Module, Tensor};
use candle_nn::kv_cache::KvCache;

use crate::attention::PaddedCausalAttention;
use crate::error::{ModelError, Result};
use crate::gguf::GgufFile;
use crate::lora::{LoraAdapters, LoraTarget};
use crate::placement::accumulation_dtype;

/// Shape of a llama-family model.
#[derive(Debug, Clone, PartialEq)]
pub struct LlamaConfig {
    /// Embedding width.
    pub hidden: usize,
    /// Number of transformer blocks.
    pub layers: usize,
    /// Attention heads.
    pub heads: usize,
    /// Key/value heads (grouped-query attention).
    pub kv_heads: usize,
    /// Width of the feed-forward layer.
    pub intermediate: usize,
    /// Vocabulary size.
    pub vocab: usize,
    /// RMS norm epsilon.
    pub rms_eps: f64,
    /// RoPE base frequency.
    pub rope_theta: f64,
    /// Trained context length.
    pub context: usize,
    /// GGUF files store q/k for interleaved-pair rotary embeddings; Hugging Face files for
    /// rotation of the two halves.
    pub rope_interleaved: bool,
}

impl LlamaConfig {
    /// Width of one attention head.
    pub fn head_dim(&self) -> usize {
        self.hidden / self.heads
    }

    /// Reads the configuration from GGUF metadata.
    pub fn from_gguf(gguf: &GgufFile) -> Result<Self> {
        let arch = gguf.string("general.architecture")?.to_string();
        if !matches!(arch.as_str(), "llama" | "qwen2" | "mistral") {
            return Err(ModelError::UnsupportedArchitecture(arch));
        }
        let key = |name: &str| format!("{arch}.{name}");
        let heads = gguf.usize(&key("attention.head_count"))?;
        let config = Self {
            hidden: gguf.usize(&key("embedding_length"))?,
            layers: gguf.usize(&key("block_count"))?,
            heads,
            kv_heads: gguf.usize(&key("attention.head_count_kv")).unwrap_or(heads),
            intermediate: gguf.usize(&key("feed_forward_length"))?,
            vocab: gguf.strings("tokenizer.ggml.tokens")?.len(),
            rms_eps: gguf
                .f64(&key("attention.layer_norm_rms_epsilon"))
                .unwrap_or(1e-5),
            rope_theta: gguf.f64(&key("rope.freq_base")).unwrap_or(10_000.0),
            context: gguf.usize(&key("context_length")).unwrap_or(2048),
            // llama.cpp stores llama-style q/k permuted for interleaved rotary pairs; Qwen2
            // files keep the original layout and rotate halves (its NEOX rope type).
            rope_interleaved: arch != "qwen2",
        };
        config.check()?;
        Ok(config)
    }

    /// Reads the configuration from a Hugging Face `config.json`.
    pub fn from_hf_config(path: &Path) -> Result<Self> {
        let text = std::fs::read_to_string(path).map_err(|source| ModelError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        let json: serde_json::Value =
            serde_json::from_str(&text).map_err(|err| ModelError::Format {
                path: path.to_path_buf(),
                message: err.to_string(),
            })?;
        let model_type = json["model_type"].as_str().unwrap_or("unknown").to_string();
        if !matches!(model_type.as_str(), "llama" | "qwen2" | "mistral") {
            return Err(ModelError::UnsupportedArchitecture(model_type));
        }
        let missing = |key: &str| ModelError::Metadata {
            path: path.to_path_buf(),
            key: key.to_string(),
        };
        let int = |key: &str| {
            json[key]
                .as_u64()
                .map(|v| v as usize)
                .ok_or_else(|| missing(key))
        };
        let heads = int("num_attention_heads")?;
        let config = Self {
            hidden: int("hidden_size")?,
            layers: int("num_hidden_layers")?,
            heads,
            kv_heads: int("num_key_value_heads").unwrap_or(heads),
            intermediate: int("intermediate_size")?,
            vocab: int("vocab_size")?,
            rms_eps: json["rms_norm_eps"].as_f64().unwrap_or(1e-6),
            rope_theta: json["rope_theta"].as_f64().unwrap_or(10_000.0),
            context: int("max_position_embeddings").unwrap_or(2048),
            rope_interleaved: false,
        };
        config.check()?;
        Ok(config)
    }

    fn check(&self) -> Result<()> {
        let ok = self.heads > 0
            && self.kv_heads > 0
            && self.hidden.is_multiple_of(self.heads)
            && self.heads.is_multiple_of(self.kv_heads)
            && self.head_dim().is_multiple_of(2)
            && self.layers > 0
            && self.vocab > 0;
        if ok {
            Ok(())
        } else {
            Err(ModelError::InvalidRequest(format!(
                "inconsistent model shape: {self:?}"
            )))
        }
    }
}

/// A weight matrix (out, in) in f32, with an optional Q8_0 copy for products over few rows.
///
/// Why two copies: decoding one token per row streams every weight once per step, so its
/// speed is set by memory traffic, where int8 weights move a quarter of the bytes of f32.
/// Long prompts, scoring and training are compute-bound and keep the exact f32 path.
#[derive(Debug, Clone)]
pub(crate) struct Weight {
    pub(crate) dense: Tensor,
    int8: Option<Arc<QMatMul>>,
    /// Input width of the int8 copy (zero-padded past the dense width when that reaches a
    /// faster kernel).
    int8_inner: usize,
}

impl Weight {
    pub(crate) fn new(dense: Tensor) -> Self {
        Self {
            dense,
            int8: None,
            int8_inner: 0,
        }
    }

    /// Adds the Q8_0 copy when the input width fits its 32-value blocks.
    fn quantize(&mut self) -> Result<()> {
        let inner = self.dense.dim(1)?;
        if self.int8.is_none() && inner.is_multiple_of(32) && self.dense.device().is_cpu() {
            let padded = int8_width(inner);
            let source = self.dense.pad_with_zeros(1, 0, padded - inner)?;
            let q = QTensor::quantize(&source, GgmlDType::Q8_0)?;
            self.int8 = Some(Arc::new(QMatMul::from_qtensor(q)?));
            self.int8_inner = padded;
        }
        Ok(())
    }

    fn dims(&self) -> &[usize] {
        self.dense.dims()
    }
}

/// Whether candle's tiled Q8_0 kernels (VNNI dot products on x86) run on this CPU.
fn x86_tiled_int8() -> bool {
    #[cfg(target_arch = "x86_64")]
    {
        (std::arch::is_x86_feature_detected!("avx512f")
            && std::arch::is_x86_feature_detected!("avx512vnni"))
            || (std::arch::is_x86_feature_detected!("avxvnni")
                && std::arch::is_x86_feature_detected!("avx2"))
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        false
    }
}

/// Whether decoding with Q8_0 copies of the weights beats the f32 products on this CPU.
///
/// candle multiplies Q8_0 quickly only with integer dot-product instructions: repacked
/// tiles with VNNI on x86, `dotprod` on Arm. Without them (an AVX2-only CPU) its generic
/// Q8_0 product is the slower one: on a 2-core AMD EPYC with AVX2 alone, batch-32 decode
/// of the default model ran at 39 tokens/s with Q8_0 and 125 with f32.
pub fn int8_decode_is_faster() -> bool {
    #[cfg(target_arch = "aarch64")]
    {
        std::arch::is_aarch64_feature_detected!("dotprod")
    }
    #[cfg(not(target_arch = "aarch64"))]
    {
        x86_tiled_int8()
    }
}

/// Input width for a Q8_0 copy of a matrix `inner` wide.
///
/// candle's fastest Q8_0 kernels (repacked tiles, VNNI) need the width to be a multiple
/// of 256; SmolLM2's 576 is not. Zero columns (and zero activations) leave the product
/// unchanged, and the tiled kernel on the padded matrix beats the plain kernel on the
/// narrow one. Elsewhere the width stays as it is.
fn int8_width(inner: usize) -> usize {
    if x86_tiled_int8() {
        inner.div_ceil(256) * 256
    } else {
        inner
    }
}

/// One transformer block's tensors as stored in a file, before fusing.
struct BlockTensors {
    attn_norm: Tensor,
    wq: Tensor,
    wk: Tensor,
    wv: Tensor,
    bias: Option<[Tensor; 3]>,
    wo: Tensor,
    ffn_norm: Tensor,
    w_gate: Tensor,
    w_up: Tensor,
    w_down: Tensor,
}

/// A transformer block ready to run: the query/key/value projections fused into one
/// matrix and the gate/up projections into another, so each takes one product.
#[derive(Debug, Clone)]
pub(crate) struct Block {
    pub(crate) attn_norm: Tensor,
    /// Rows: queries, then keys, then values.
    pub(crate) wqkv: Weight,
    /// Query/key/value biases concatenated (Qwen2 has them; Llama does not).
    pub(crate) bias_qkv: Option<Tensor>,
    pub(crate) wo: Weight,
    pub(crate) ffn_norm: Tensor,
    /// Rows: gate, then up.
    pub(crate) w_gate_up: Weight,
    pub(crate) w_down: Weight,
}

impl Block {
    fn fuse(t: BlockTensors) -> Result<Self> {
        let bias_qkv = match t.bias {
            Some(parts) => Some(Tensor::cat(&parts, 0)?),
            None => None,
        };
        Ok(Self {
            attn_norm: t.attn_norm,
            wqkv: Weight::new(Tensor::cat(&[t.wq, t.wk, t.wv], 0)?),
            bias_qkv,
            wo: Weight::new(t.wo),
            ffn_norm: t.ffn_norm,
            w_gate_up: Weight::new(Tensor::cat(&[t.w_gate, t.w_up], 0)?),
            w_down: Weight::new(t.w_down),
        })
    }

    pub(crate) fn weights_mut(&mut self) -> [&mut Weight; 4] {
        [
            &mut self.wqkv,
            &mut self.wo,
            &mut self.w_gate_up,
            &mut self.w_down,
        ]
    }
}

/// Which copy of the weights a forward pass multiplies with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Precision {
    /// The f32 weights: exact, and fastest when a pass covers many positions.
    Exact,
    /// Q8_0 copies where [`Llama::prepare_int8`] made them (f32 elsewhere): a quarter of
    /// the memory traffic, for decoding one position per row.
    Int8,
}

/// Which positions the forward pass returns logits for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Logits {
    /// Only the last position of each row (generation).
    Last,
    /// Every position (log-likelihood scoring, training).
    All,
}

/// A llama-family model with dense weights (f32; bf16 or f16 on a GPU).
#[derive(Debug, Clone)]
pub struct Llama {
    pub(crate) config: LlamaConfig,
    pub(crate) embed: Tensor,
    pub(crate) blocks: Vec<Block>,
    pub(crate) norm: Tensor,
    pub(crate) lm_head: Weight,
    pub(crate) cos: Tensor,
    pub(crate) sin: Tensor,
    pub(crate) device: Device,
    /// LoRA adapters applied by every forward pass.
    pub(crate) adapters: Option<LoraAdapters>,
}

/// Per-layer key/value caches for one batch.
pub struct Cache {
    layers: Vec<KvCache>,
}

impl Cache {
    /// An empty cache with room for `capacity` positions.
    pub fn new(config: &LlamaConfig, capacity: usize) -> Self {
        Self {
            layers: (0..config.layers)
                .map(|_| KvCache::new(2, capacity.max(1)))
                .collect(),
        }
    }

    /// Positions stored so far.
    pub fn len(&self) -> usize {
        self.layers.first().map_or(0, KvCache::current_seq_len)
    }

    /// True when nothing is stored.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// A new cache with room for `capacity` positions whose row `i` is row `rows[i]` of
    /// this one: completions of one prompt start from one prompt pass.
    pub fn select_rows(&self, rows: &Tensor, capacity: usize) -> Result<Cache> {
        let mut layers = Vec::with_capacity(self.layers.len());
        for kv in &self.layers {
            let mut copy = KvCache::new(2, capacity.max(1));
            if let (Some(k), Some(v)) = (kv.k()?, kv.v()?) {
                let (k, v) = (k.contiguous()?, v.contiguous()?);
                copy.append(&k.index_select(rows, 0)?, &v.index_select(rows, 0)?)?;
            }
            layers.push(copy);
        }
        Ok(Self { layers })
    }
}

/// `x @ weight.T` over the last dimension of `x`.
fn linear(x: &Tensor, weight: &Weight, precision: Precision) -> Result<Tensor> {
    let dims = x.dims().to_vec();
    let (rows, inner) = (
        dims[..dims.len() - 1].iter().product::<usize>(),
        dims[dims.len() - 1],
    );
    let x2 = x.reshape((rows, inner))?;
    let out = match &weight.int8 {
        Some(q) if precision == Precision::Int8 => {
            let x2 = x2.pad_with_zeros(1, 0, weight.int8_inner - inner)?;
            q.forward(&x2.contiguous()?)?
        }
        // candle's f32 GEMM takes another path, summing in another order, for one row;
        // from two rows on, each row's result is the same whatever the others are. Doubling
        // a lone row keeps a sequence's bits independent of its batch.
        _ if rows == 1 => Tensor::cat(&[&x2, &x2], 0)?
            .matmul(&weight.dense.t()?)?
            .narrow(0, 0, 1)?,
        _ => x2.matmul(&weight.dense.t()?)?,
    };
    let mut shape = dims;
    let last = shape.len() - 1;
    shape[last] = weight.dense.dim(0)?;
    Ok(out.reshape(shape)?)
}

impl Llama {
    /// Loads a llama-family GGUF, dequantising every weight to f32 on `device`.
    pub fn from_gguf(gguf: &mut GgufFile, device: &Device) -> Result<Self> {
        let config = LlamaConfig::from_gguf(gguf)?;
        let tied = !gguf.has_tensor("output.weight");
        let biased = gguf.has_tensor("blk.0.attn_q.bias");
        let mut load =
            |name: &str| -> Result<Tensor> { Ok(gguf.tensor(name, device)?.dequantize(device)?) };
        let embed = load("token_embd.weight")?;
        let mut blocks = Vec::with_capacity(config.layers);
        for i in 0..config.layers {
            let name = |part: &str| format!("blk.{i}.{part}.weight");
            let bias_of = |part: &str| format!("blk.{i}.{part}.bias");
            let bias = if biased {
                Some([
                    load(&bias_of("attn_q"))?,
                    load(&bias_of("attn_k"))?,
                    load(&bias_of("attn_v"))?,
                ])
            } else {
                None
            };
            blocks.push(BlockTensors {
                attn_norm: load(&name("attn_norm"))?,
                wq: load(&name("attn_q"))?,
                wk: load(&name("attn_k"))?,
                wv: load(&name("attn_v"))?,
                bias,
                wo: load(&name("attn_output"))?,
                ffn_norm: load(&name("ffn_norm"))?,
                w_gate: load(&name("ffn_gate"))?,
                w_up: load(&name("ffn_up"))?,
                w_down: load(&name("ffn_down"))?,
            });
        }
        let norm = load("output_norm.weight")?;
        let lm_head = Weight::new(if tied {
            embed.clone()
        } else {
            load("output.weight")?
        });
        Self::new(config, embed, blocks, norm, lm_head, device)
    }

    /// Loads a Hugging Face checkpoint directory (`config.json` and `*.safetensors`),
    /// converting every weight to f32 on `device`.
    pub fn from_hf_dir(dir: &Path, device: &Device) -> Result<Self> {
        let config = LlamaConfig::from_hf_config(&dir.join("config.json"))?;
        let mut tensors: HashMap<String, Tensor> = HashMap::new();
        let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
            .map_err(|source| ModelError::Io {
                path: dir.to_path_buf(),
                source,
            })?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "safetensors"))
            .collect();
        files.sort();
        if files.is_empty() {
            return Err(ModelError::Format {
                path: dir.to_path_buf(),
                message: "no *.safetensors files".to_string(),
            });
        }
        for file in files {
            let loaded = candle_core::safetensors::load(&file, device).map_err(|err| {
                ModelError::Format {
                    path: file.clone(),
                    message: err
                        .to_string()
                        .lines()
                        .next()
                        .unwrap_or_default()
                        .to_string(),
                }
            })?;
            tensors.extend(loaded);
        }
        let biased = tensors.contains_key("model.layers.0.self_attn.q_proj.bias");
        let tied = !tensors.contains_key("lm_head.weight");
        let mut take = |name: &str| -> Result<Tensor> {
            let tensor = tensors.remove(name).ok_or_else(|| ModelError::Format {
                path: dir.to_path_buf(),
                message: format!("missing tensor `{name}`"),
            })?;
            Ok(tensor.to_dtype(DType::F32)?)
        };
        let embed = take("model.embed_tokens.weight")?;
        let mut blocks = Vec::with_capacity(config.layers);
        for i in 0..config.layers {
            let name = |part: &str| format!("model.layers.{i}.{part}.weight");
            let bias_of = |part: &str| format!("model.layers.{i}.{part}.bias");
            let bias = if biased {
                Some([
                    take(&bias_of("self_attn.q_proj"))?,
                    take(&bias_of("self_attn.k_proj"))?,
                    take(&bias_of("self_attn.v_proj"))?,
                ])
            } else {
                None
            };
            blocks.push(BlockTensors {
                attn_norm: take(&name("input_layernorm"))?,
                wq: take(&name("self_attn.q_proj"))?,
                wk: take(&name("self_attn.k_proj"))?,
                wv: take(&name("self_attn.v_proj"))?,
                bias,
                wo: take(&name("self_attn.o_proj"))?,
                ffn_norm: take(&name("post_attention_layernorm"))?,
                w_gate: take(&name("mlp.gate_proj"))?,
                w_up: take(&name("mlp.up_proj"))?,
                w_down: take(&name("mlp.down_proj"))?,
            });
        }
        let norm = take("model.norm.weight")?;
        let lm_head = Weight::new(if tied {
            embed.clone()
        } else {
            take("lm_head.weight")?
        });
        Self::new(config, embed, blocks, norm, lm_head, device)
    }

    fn new(
        config: LlamaConfig,
        embed: Tensor,
        blocks: Vec<BlockTensors>,
        norm: Tensor,
        lm_head: Weight,
        device: &Device,
    ) -> Result<Self> {
        let expect = |t: &[usize], shape: &[usize], what: &str| -> Result<()> {
            if t == shape {
                Ok(())
            } else {
                Err(ModelError::InvalidRequest(format!(
                    "tensor {what} has shape {t:?}, expected {shape:?}"
                )))
            }
        };
        let (h, kv) = (config.hidden, config.kv_heads * config.head_dim());
        expect(embed.dims(), &[config.vocab, h], "token_embd")?;
        expect(lm_head.dims(), &[config.vocab, h], "output")?;
        for (i, b) in blocks.iter().enumerate() {
            expect(b.wq.dims(), &[h, h], &format!("blk.{i}.attn_q"))?;
            expect(b.wk.dims(), &[kv, h], &format!("blk.{i}.attn_k"))?;
            expect(b.wv.dims(), &[kv, h], &format!("blk.{i}.attn_v"))?;
            expect(b.wo.dims(), &[h, h], &format!("blk.{i}.attn_output"))?;
            expect(
                b.w_gate.dims(),
                &[config.intermediate, h],
                &format!("blk.{i}.ffn_gate"),
            )?;
            expect(
                b.w_up.dims(),
                &[config.intermediate, h],
                &format!("blk.{i}.ffn_up"),
            )?;
            if let Some([bq, bk, bv]) = &b.bias {
                expect(bq.dims(), &[h], &format!("blk.{i}.attn_q.bias"))?;
                expect(bk.dims(), &[kv], &format!("blk.{i}.attn_k.bias"))?;
                expect(bv.dims(), &[kv], &format!("blk.{i}.attn_v.bias"))?;
            }
            expect(
                b.w_down.dims(),
                &[h, config.intermediate],
                &format!("blk.{i}.ffn_down"),
            )?;
        }
        let blocks = blocks
            .into_iter()
            .map(Block::fuse)
            .collect::<Result<Vec<_>>>()?;
        let (cos, sin) = rope_tables(&config, device)?;
        Ok(Self {
            config,
            embed,
            blocks,
            norm,
            lm_head,
            cos,
            sin,
            device: device.clone(),
            adapters: None,
        })
    }

    /// Applies `adapters` in every later forward pass (inference and training). The
    /// adapters' tensors are shared, so optimizer steps show up without re-attaching.
    pub fn attach_adapters(&mut self, adapters: LoraAdapters) -> Result<()> {
        if adapters.model_config() != &self.config {
            return Err(ModelError::InvalidRequest(format!(
                "the adapters were made for another model shape: {:?}",
                adapters.model_config()
            )));
        }
        self.adapters = Some(adapters);
        Ok(())
    }

    /// Removes the adapters (the base model, e.g. the KL reference) and returns them.
    pub fn detach_adapters(&mut self) -> Option<LoraAdapters> {
        self.adapters.take()
    }

    /// The attached adapters.
    pub fn adapters(&self) -> Option<&LoraAdapters> {
        self.adapters.as_ref()
    }

    /// Makes the Q8_0 copies of the weight matrices that [`Precision::Int8`] passes use
    /// (on the CPU, for matrices whose width is a multiple of 32).
    pub fn prepare_int8(&mut self) -> Result<()> {
        for block in &mut self.blocks {
            for weight in block.weights_mut() {
                weight.quantize()?;
            }
        }
        self.lm_head.quantize()
    }

    /// A copy with every tensor in `dtype` (bf16 for a GPU, f64 for gradient checks).
    /// Q8_0 copies are dropped; attached adapters are kept as they are (f32).
    pub fn to_dtype(&self, dtype: DType) -> Result<Llama> {
        self.map_tensors(|t| t.to_dtype(dtype))
    }

    /// A copy with every tensor on `device`. Q8_0 copies are dropped. Adapters hold
    /// trainable variables that a copy cannot share, so move the model before attaching
    /// them.
    pub fn to_device(&self, device: &Device) -> Result<Llama> {
        if self.adapters.is_some() {
            return Err(ModelError::InvalidRequest(
                "move the model to its device before attaching adapters".into(),
            ));
        }
        let mut out = self.map_tensors(|t| t.to_device(device))?;
        out.device = device.clone();
        Ok(out)
    }

    /// A copy with `f` applied to every tensor; Q8_0 copies are dropped.
    fn map_tensors(&self, f: impl Fn(&Tensor) -> candle_core::Result<Tensor>) -> Result<Llama> {
        let mut out = self.clone();
        out.embed = f(&self.embed)?;
        out.norm = f(&self.norm)?;
        out.cos = f(&self.cos)?;
        out.sin = f(&self.sin)?;
        out.lm_head = Weight::new(f(&self.lm_head.dense)?);
        for block in &mut out.blocks {
            block.attn_norm = f(&block.attn_norm)?;
            block.ffn_norm = f(&block.ffn_norm)?;
            block.bias_qkv = block.bias_qkv.as_ref().map(&f).transpose()?;
            for weight in block.weights_mut() {
                *weight = Weight::new(f(&weight.dense)?);
            }
        }
        Ok(out)
    }

    /// The float type of the dense weights and activations.
    pub fn dtype(&self) -> DType {
        self.embed.dtype()
    }

    /// The model's shape.
    pub fn config(&self) -> &LlamaConfig {
        &self.config
    }

    /// The device the weights live on.
    pub fn device(&self) -> &Device {
        &self.device
    }

    /// Runs the model on `tokens` (B, T) at `positions` (B, T), appending keys and values to
    /// `cache`. Rows are left-padded: `pads[b]` slots at the start of row `b` (counted over
    /// the cache and the new positions) are padding, which attention hides as
    /// [`padded_causal_mask`] describes. Returns logits
    /// (B, T, V) for [`Logits::All`] or (B, V) for [`Logits::Last`].
    pub fn forward(
        &self,
        tokens: &Tensor,
        positions: &Tensor,
        pads: &[usize],
        cache: &mut Cache,
        logits: Logits,
        precision: Precision,
    ) -> Result<Tensor> {
        let (b, t) = tokens.dims2()?;
        let c = &self.config;
        let (heads, kv_heads, hd) = (c.heads, c.kv_heads, c.head_dim());
        let eps = c.rms_eps as f32;
        let q8 = precision;
        let flat_positions = positions.flatten_all()?;
        let cos = self
            .cos
            .index_select(&flat_positions, 0)?
            .reshape((b, t, hd / 2))?;
        let sin = self
            .sin
            .index_select(&flat_positions, 0)?
            .reshape((b, t, hd / 2))?;
        let mut x = self
            .embed
            .index_select(&tokens.flatten_all()?, 0)?
            .reshape((b, t, c.hidden))?;
        let scale = 1.0 / (hd as f64).sqrt();
        // Adds an adapter's update to a projection's output, where there is one.
        let adapt =
            |layer: usize, target: LoraTarget, input: &Tensor, out: Tensor| -> Result<Tensor> {
                match &self.adapters {
                    Some(a) => match a.delta(layer, target, input, None)? {
                        Some(delta) => Ok((out + delta)?),
                        None => Ok(out),
                    },
                    None => Ok(out),
                }
            };
        for (layer, (block, kv)) in self.blocks.iter().zip(cache.layers.iter_mut()).enumerate() {
            let h = candle_nn::ops::rms_norm(&x, &block.attn_norm, eps)?;
            let mut qkv = linear(&h, &block.wqkv, q8)?;
            if let Some(bias) = &block.bias_qkv {
                qkv = qkv.broadcast_add(bias)?;
            }
            let kv_width = kv_heads * hd;
            let q = adapt(layer, LoraTarget::Q, &h, qkv.narrow(2, 0, c.hidden)?)?;
            let k = adapt(layer, LoraTarget::K, &h, qkv.narrow(2, c.hidden, kv_width)?)?;
            let v = adapt(
                layer,
                LoraTarget::V,
                &h,
                qkv.narrow(2, c.hidden + kv_width, kv_width)?,
            )?;
            let q = q
                .reshape((b, t, heads, hd))?
                .transpose(1, 2)?
                .contiguous()?;
            let k = k
                .reshape((b, t, kv_heads, hd))?
                .transpose(1, 2)?
                .contiguous()?;
            let v = v
                .reshape((b, t, kv_heads, hd))?
                .transpose(1, 2)?
                .contiguous()?;
            let (q, k) = if c.rope_interleaved {
                (
                    candle_nn::rotary_emb::rope_i(&q, &cos, &sin)?,
                    candle_nn::rotary_emb::rope_i(&k, &cos, &sin)?,
                )
            } else {
                (
                    candle_nn::rotary_emb::rope(&q, &cos, &sin)?,
                    candle_nn::rotary_emb::rope(&k, &cos, &sin)?,
                )
            };
            let cached = kv.current_seq_len();
            let (k, v) = kv.append(&k, &v)?;
            // The fused kernel is CPU f32; other devices and types compose candle ops.
            let y = if self.device.is_cpu() && q.dtype() == DType::F32 {
                PaddedCausalAttention {
                    pads: pads.to_vec(),
                    cached,
                    scale: scale as f32,
                }
                .apply(&q, &k, &v)?
            } else {
                masked_attention(&q, &k, &v, pads, cached, scale)?
            };
            let y = y.transpose(1, 2)?.reshape((b, t, c.hidden))?;
            x = (x + adapt(layer, LoraTarget::O, &y, linear(&y, &block.wo, q8)?)?)?;
            let h = candle_nn::ops::rms_norm(&x, &block.ffn_norm, eps)?;
            let gate_up = linear(&h, &block.w_gate_up, q8)?;
            let plain_mlp = self.adapters.as_ref().is_none_or(|a| {
                a.pair(layer, LoraTarget::Gate).is_none() && a.pair(layer, LoraTarget::Up).is_none()
            });
            let act = if plain_mlp {
                // On the CPU one pass with the vectorised exp; silu then a product elsewhere.
                crate::fused::swiglu(&gate_up, c.intermediate)?
            } else {
                let gate = adapt(
                    layer,
                    LoraTarget::Gate,
                    &h,
                    gate_up.narrow(2, 0, c.intermediate)?,
                )?;
                let up = adapt(
                    layer,
                    LoraTarget::Up,
                    &h,
                    gate_up.narrow(2, c.intermediate, c.intermediate)?,
                )?;
                (candle_nn::ops::silu(&gate)? * up)?
            };
            x = (x + adapt(
                layer,
                LoraTarget::Down,
                &act,
                linear(&act, &block.w_down, q8)?,
            )?)?;
        }
        let x = match logits {
            Logits::Last => x.narrow(1, t - 1, 1)?.squeeze(1)?.contiguous()?,
            Logits::All => x,
        };
        let x = candle_nn::ops::rms_norm(&x, &self.norm, eps)?;
        // Sampling and scoring read f32 logits whatever the weights are.
        Ok(linear(&x, &self.lm_head, q8)?.to_dtype(accumulation_dtype(x.dtype()))?)
    }
}

/// Attention as separate operations (scores, additive mask, softmax, weighted values), for
/// devices without the fused kernel; also the reference the fused kernel is tested against.
pub(crate) fn masked_attention(
    q: &Tensor,
    k: &Tensor,
    v: &Tensor,
    pads: &[usize],
    cached: usize,
    scale: f64,
) -> Result<Tensor> {
    let (b, heads, t, hd) = q.dims4()?;
    let (kv_heads, s) = (k.dim(1)?, k.dim(2)?);
    let rep = heads / kv_heads;
    // Grouped-query attention without copying K/V: fold the query heads that share a
    // key/value head into the sequence axis.
    let q = q.reshape((b, kv_heads, rep * t, hd))?;
    let scores = (q.matmul(&k.t()?)? * scale)?.reshape((b, heads, t, s))?;
    let scores = match padded_causal_mask(pads, cached, t, q.device())? {
        Some(mask) => scores.broadcast_add(&mask.to_dtype(scores.dtype())?)?,
        None => scores,
    };
    let weights = candle_nn::ops::softmax_last_dim(&scores)?.reshape((b, kv_heads, rep * t, s))?;
    Ok(weights
        .matmul(&v.contiguous()?)?
        .reshape((b, heads, t, hd))?)
}

fn rope_tables(config: &LlamaConfig, device: &Device) -> Result<(Tensor, Tensor)> {
    let hd = config.head_dim();
    let inv_freq: Vec<f32> = (0..hd / 2)
        .map(|i| 1.0 / (config.rope_theta.powf(2.0 * i as f64 / hd as f64)) as f32)
        .collect();
    let inv_freq = Tensor::from_vec(inv_freq, (1, hd / 2), device)?;
    let positions = Tensor::arange(0u32, config.context as u32, device)?
        .to_dtype(DType::F32)?
        .reshape((config.context, 1))?;
    let angles = positions.broadcast_mul(&inv_freq)?;
    Ok((angles.cos()?, angles.sin()?))
}

/// Additive attention mask for a batch whose rows are left-padded.
///
/// `pads[b]` is the number of padding slots at the start of row `b`, `cached` the
/// positions already in the cache and `t` the new positions. A real query sees real keys
/// up to itself; a padding query sees only itself, which keeps its softmax finite.
/// Returns `None` when nothing is hidden (one new position, no padding), which saves an
/// addition per layer when decoding unpadded rows.
pub fn padded_causal_mask(
    pads: &[usize],
    cached: usize,
    t: usize,
    device: &Device,
) -> Result<Option<Tensor>> {
    if t == 1 && pads.iter().all(|&pad| pad == 0) {
        return Ok(None);
    }
    let s = cached + t;
    let mut data = vec![f32::NEG_INFINITY; pads.len() * t * s];
    for (row, &pad) in pads.iter().enumerate() {
        for i in 0..t {
            let query = cached + i;
            for key in 0..s {
                let visible = if query < pad {
                    key == query
                } else {
                    key >= pad && key <= query
                };
                if visible {
                    data[(row * t + i) * s + key] = 0.0;
                }
            }
        }
    }
    Ok(Some(Tensor::from_vec(data, (pads.len(), 1, t, s), device)?))
}

/// Log-probabilities over the last dimension.
pub fn log_softmax_last(logits: &Tensor) -> Result<Tensor> {
    Ok(candle_nn::ops::log_softmax(logits, D::Minus1)?)
}
