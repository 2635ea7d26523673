//! Tiny random llama models for tests: real files in the real format, built in a
//! fraction of a second, so that tests never need the 100 MB default model.

use std::fs::File;
use std::io::BufWriter;
use std::path::Path;

use candle_core::quantized::gguf_file::{self, Value};
use candle_core::quantized::{GgmlDType, QTensor};
use candle_core::{Device, Tensor};
use rand::{Rng, SeedableRng, rngs::StdRng};

use crate::error::{ModelError, Result};
use crate::template::CHATML_TEMPLATE;
use crate::tokenizer::{byte_level_alphabet, byte_level_bpe_json};

/// The real default model for the few tests that need it: `$ETHOS_TEST_MODEL`, else
/// `shared/models/SmolLM2-135M-Instruct.Q4_1.gguf` beside the repository. Prints why and
/// returns `None` when the file is absent, so that callers skip.
pub fn real_test_model() -> Option<std::path::PathBuf> {
    let path = std::env::var_os("ETHOS_TEST_MODEL")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| {
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("../../../shared/models/SmolLM2-135M-Instruct.Q4_1.gguf")
        });
    if path.is_file() {
        Some(path)
    } else {
        eprintln!(
            "skipping: real model not found at {} (set ETHOS_TEST_MODEL)",
            path.display()
        );
        None
    }
}

/// What to build.
#[derive(Debug, Clone)]
pub struct TinyModel {
    /// Seed of the random weights.
    pub seed: u64,
    /// Storage type of the matrices (F32, F16 or Q8_0).
    pub dtype: GgmlDType,
    /// `general.architecture` written to the file.
    pub architecture: String,
    /// Context length.
    pub context: usize,
    /// Number of transformer blocks.
    pub layers: usize,
    /// Whether q/k/v projections carry biases (as Qwen2's do).
    pub bias: bool,
}

impl Default for TinyModel {
    fn default() -> Self {
        Self {
            seed: 0,
            dtype: GgmlDType::F32,
            architecture: "llama".to_string(),
            context: 256,
            layers: 2,
            bias: false,
        }
    }
}

const HIDDEN: usize = 64;
const HEADS: usize = 4;
const KV_HEADS: usize = 2;
const INTERMEDIATE: usize = 128;
/// Special tokens of the tiny vocabulary, after the 256 byte tokens and 3 merges.
pub const TINY_SPECIAL_TOKENS: [&str; 3] = ["<|endoftext|>", "<|im_start|>", "<|im_end|>"];

impl TinyModel {
    /// The vocabulary: 256 byte tokens, three merges, then the special tokens.
    pub fn vocabulary() -> (Vec<String>, Vec<String>) {
        let mut tokens: Vec<String> = byte_level_alphabet()
            .into_iter()
            .map(String::from)
            .collect();
        let merges = vec!["Ġ t".to_string(), "h e".to_string(), "Ġt he".to_string()];
        tokens.extend(["Ġt", "he", "Ġthe"].map(String::from));
        tokens.extend(TINY_SPECIAL_TOKENS.map(String::from));
        (tokens, merges)
    }

    /// The weights in Hugging Face naming and layout, from the seed.
    fn hf_weights(&self, vocab: usize) -> Result<Vec<(String, Tensor)>> {
        let mut rng = StdRng::seed_from_u64(self.seed);
        let device = Device::Cpu;
        let mut weights = Vec::new();
        let mut add =
            |name: String, shape: (usize, usize), scale: f32, offset: f32| -> Result<()> {
                let data: Vec<f32> = (0..shape.0 * shape.1)
                    .map(|_| offset + rng.random_range(-scale..scale))
                    .collect();
                let tensor = Tensor::from_vec(data, shape, &device)?;
                // Norm weights are vectors.
                let tensor = if shape.0 == 1 {
                    tensor.squeeze(0)?
                } else {
                    tensor
                };
                weights.push((name, tensor));
                Ok(())
            };
        let kv = KV_HEADS * HIDDEN / HEADS;
        add(
            "model.embed_tokens.weight".into(),
            (vocab, HIDDEN),
            0.2,
            0.0,
        )?;
        for i in 0..self.layers {
            let name = |part: &str| format!("model.layers.{i}.{part}.weight");
            add(name("input_layernorm"), (1, HIDDEN), 0.1, 1.0)?;
            add(name("self_attn.q_proj"), (HIDDEN, HIDDEN), 0.2, 0.0)?;
            add(name("self_attn.k_proj"), (kv, HIDDEN), 0.2, 0.0)?;
            add(name("self_attn.v_proj"), (kv, HIDDEN), 0.2, 0.0)?;
            if self.bias {
                let bias = |part: &str| format!("model.layers.{i}.self_attn.{part}.bias");
                add(bias("q_proj"), (1, HIDDEN), 0.2, 0.0)?;
                add(bias("k_proj"), (1, kv), 0.2, 0.0)?;
                add(bias("v_proj"), (1, kv), 0.2, 0.0)?;
            }
            add(name("self_attn.o_proj"), (HIDDEN, HIDDEN), 0.2, 0.0)?;
            add(name("post_attention_layernorm"), (1, HIDDEN), 0.1, 1.0)?;
            add(name("mlp.gate_proj"), (INTERMEDIATE, HIDDEN), 0.2, 0.0)?;
            add(name("mlp.up_proj"), (INTERMEDIATE, HIDDEN), 0.2, 0.0)?;
            add(name("mlp.down_proj"), (HIDDEN, INTERMEDIATE), 0.2, 0.0)?;
        }
        add("model.norm.weight".into(), (1, HIDDEN), 0.1, 1.0)?;
        Ok(weights)
    }

    /// Writes the model to `dir/tiny.gguf` and loads it with `options` (a test fixture).
    pub fn load_in(&self, dir: &Path, options: crate::LoadOptions) -> Result<crate::CandleModel> {
        let path = dir.join("tiny.gguf");
        self.write_gguf(&path)?;
        crate::CandleModel::load_with(&path, options)
    }

    /// Writes the model as a GGUF file, the way llama.cpp's converter would: q/k rows
    /// permuted for interleaved rotary embeddings, matrices stored as `dtype`.
    pub fn write_gguf(&self, path: &Path) -> Result<()> {
        let (tokens, merges) = Self::vocabulary();
        let vocab = tokens.len();
        let special = vocab - TINY_SPECIAL_TOKENS.len();
        let token_types: Vec<Value> = (0..vocab)
            .map(|i| Value::I32(if i >= special { 3 } else { 1 }))
            .collect();
        let arch = self.architecture.as_str();
        let u32v = |n: usize| Value::U32(n as u32);
        let metadata: Vec<(String, Value)> = vec![
            ("general.architecture".into(), Value::String(arch.into())),
            (
                "general.name".into(),
                Value::String("ethos tiny test model".into()),
            ),
            (format!("{arch}.context_length"), u32v(self.context)),
            (format!("{arch}.embedding_length"), u32v(HIDDEN)),
            (format!("{arch}.block_count"), u32v(self.layers)),
            (format!("{arch}.feed_forward_length"), u32v(INTERMEDIATE)),
            (format!("{arch}.attention.head_count"), u32v(HEADS)),
            (format!("{arch}.attention.head_count_kv"), u32v(KV_HEADS)),
            (
                format!("{arch}.attention.layer_norm_rms_epsilon"),
                Value::F32(1e-5),
            ),
            (format!("{arch}.rope.freq_base"), Value::F32(10_000.0)),
            ("tokenizer.ggml.model".into(), Value::String("gpt2".into())),
            ("tokenizer.ggml.pre".into(), Value::String("smollm".into())),
            (
                "tokenizer.ggml.tokens".into(),
                Value::Array(tokens.into_iter().map(Value::String).collect()),
            ),
            (
                "tokenizer.ggml.merges".into(),
                Value::Array(merges.into_iter().map(Value::String).collect()),
            ),
            (
                "tokenizer.ggml.token_type".into(),
                Value::Array(token_types),
            ),
            ("tokenizer.ggml.bos_token_id".into(), u32v(special + 1)),
            ("tokenizer.ggml.eos_token_id".into(), u32v(special + 2)),
            ("tokenizer.ggml.padding_token_id".into(), u32v(special)),
            (
                "tokenizer.chat_template".into(),
                Value::String(CHATML_TEMPLATE.into()),
            ),
        ];
        let mut tensors: Vec<(String, QTensor)> = Vec::new();
        for (name, tensor) in self.hf_weights(vocab)? {
            // llama.cpp permutes q/k only for interleaved-rotary architectures (llama);
            // Qwen2 files keep the Hugging Face layout and rotate halves.
            let (gguf_name, tensor) = gguf_tensor(&name, tensor, self.architecture == "llama")?;
            let dtype = if tensor.rank() == 1 {
                GgmlDType::F32
            } else {
                self.dtype
            };
            tensors.push((gguf_name, QTensor::quantize(&tensor, dtype)?));
        }
        let file = File::create(path).map_err(|source| ModelError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        let mut writer = BufWriter::new(file);
        let metadata_refs: Vec<(&str, &Value)> =
            metadata.iter().map(|(k, v)| (k.as_str(), v)).collect();
        let tensor_refs: Vec<(&str, &QTensor)> =
            tensors.iter().map(|(k, v)| (k.as_str(), v)).collect();
        gguf_file::write(&mut writer, &metadata_refs, &tensor_refs)?;
        Ok(())
    }

    /// Writes the same model as a Hugging Face checkpoint directory: `config.json`,
    /// `model.safetensors`, `tokenizer.json`, `tokenizer_config.json`.
    pub fn write_hf_dir(&self, dir: &Path) -> Result<()> {
        let io = |source| ModelError::Io {
            path: dir.to_path_buf(),
            source,
        };
        std::fs::create_dir_all(dir).map_err(io)?;
        let (tokens, merges) = Self::vocabulary();
        let vocab = tokens.len();
        let special = vocab - TINY_SPECIAL_TOKENS.len();
        let types: Vec<i64> = (0..vocab)
            .map(|i| if i >= special { 3 } else { 1 })
            .collect();
        let tokenizer = byte_level_bpe_json(&tokens, &merges, &types, "smollm")?;
        let config = serde_json::json!({
            "architectures": ["LlamaForCausalLM"],
            "model_type": if self.architecture == "llama" { "llama" } else { self.architecture.as_str() },
            "hidden_size": HIDDEN, "num_hidden_layers": self.layers, "num_attention_heads": HEADS,
            "num_key_value_heads": KV_HEADS, "intermediate_size": INTERMEDIATE, "vocab_size": vocab,
            "rms_norm_eps": 1e-5, "rope_theta": 10000.0, "max_position_embeddings": self.context,
            "tie_word_embeddings": true, "torch_dtype": "float32"
        });
        let tokenizer_config = serde_json::json!({
            "bos_token": TINY_SPECIAL_TOKENS[1], "eos_token": TINY_SPECIAL_TOKENS[2],
            "add_bos_token": false, "chat_template": CHATML_TEMPLATE
        });
        let write_json = |name: &str, value: &serde_json::Value| {
            std::fs::write(dir.join(name), value.to_string()).map_err(io)
        };
        write_json("config.json", &config)?;
        write_json("tokenizer.json", &tokenizer)?;
        write_json("tokenizer_config.json", &tokenizer_config)?;
        let weights: std::collections::HashMap<String, Tensor> =
            self.hf_weights(vocab)?.into_iter().collect();
        candle_core::safetensors::save(&weights, dir.join("model.safetensors"))?;
        Ok(())
    }
}

/// The GGUF name of a Hugging Face tensor, with q/k rows permuted as llama.cpp does when
/// `permute` is set.
fn gguf_tensor(name: &str, tensor: Tensor, permute: bool) -> Result<(String, Tensor)> {
    if name == "model.embed_tokens.weight" {
        return Ok(("token_embd.weight".into(), tensor));
    }
    if name == "model.norm.weight" {
        return Ok(("output_norm.weight".into(), tensor));
    }
    let rest = name.strip_prefix("model.layers.").unwrap_or(name);
    let (layer, part) = rest.split_once('.').unwrap_or(("0", rest));
    let (part, kind) = part.rsplit_once('.').unwrap_or((part, "weight"));
    let (short, heads) = match part {
        "input_layernorm" => ("attn_norm", None),
        "self_attn.q_proj" => ("attn_q", Some(HEADS)),
        "self_attn.k_proj" => ("attn_k", Some(KV_HEADS)),
        "self_attn.v_proj" => ("attn_v", None),
        "self_attn.o_proj" => ("attn_output", None),
        "post_attention_layernorm" => ("ffn_norm", None),
        "mlp.gate_proj" => ("ffn_gate", None),
        "mlp.up_proj" => ("ffn_up", None),
        _ => ("ffn_down", None),
    };
    let tensor = match heads.filter(|_| permute) {
        Some(heads) => {
            let rows = tensor.dim(0)?;
            let cols = tensor.elem_count() / rows;
            tensor
                .reshape((heads, 2, rows / heads / 2, cols))?
                .transpose(1, 2)?
                .contiguous()?
                .reshape(tensor.shape())?
        }
        None => tensor,
    };
    Ok((format!("blk.{layer}.{short}.{kind}"), tensor))
}
