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
}

impl Default for TinyModel {
    fn default() -> Self {
        Self {
            seed: 0,
            dtype: GgmlDType::F32,
            architecture: "llama".to_string(),
            context: 256,
            layers: 2,
        }
    }
}

const HIDDEN: usize = 64;
const HEADS: usize = 4;
const KV_HEADS: usize = 2;
const INTERMEDIATE: usize = 128;
/// Special tokens of the tiny vocabulary, after the 256 byte tokens and 3 merges.
pub const TINY_SPECIAL_TOKENS: [&str; 3] = ["<|endoftext|>", "<|im_start|>", "<|im_end|>"];

/// GPT-2's byte-to-character table: every byte gets a printable character.
fn byte_level_alphabet() -> Vec<char> {
    let mut printable: Vec<u32> = (u32::from('!')..=u32::from('~'))
        .chain(0xA1..=0xAC)
        .chain(0xAE..=0xFF)
        .collect();
    let mut chars: Vec<u32> = printable.clone();
    let mut extra = 0;
    for byte in 0..256u32 {
        if !printable.contains(&byte) {
            printable.push(byte);
            chars.push(256 + extra);
            extra += 1;
        }
    }
    let mut table = vec![' '; 256];
    for (byte, ch) in printable.into_iter().zip(chars) {
        table[byte as usize] = char::from_u32(ch).unwrap_or('?');
    }
    table
}

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

    /// Writes the model as a GGUF file.
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
        let mut rng = StdRng::seed_from_u64(self.seed);
        let device = Device::Cpu;
        let mut tensors: Vec<(String, QTensor)> = Vec::new();
        let mut add =
            |name: String, shape: (usize, usize), scale: f32, dtype: GgmlDType| -> Result<()> {
                let data: Vec<f32> = (0..shape.0 * shape.1)
                    .map(|_| rng.random_range(-scale..scale))
                    .collect();
                let tensor = Tensor::from_vec(data, shape, &device)?;
                tensors.push((name, QTensor::quantize(&tensor, dtype)?));
                Ok(())
            };
        let kv = KV_HEADS * HIDDEN / HEADS;
        add("token_embd.weight".into(), (vocab, HIDDEN), 0.2, self.dtype)?;
        for i in 0..self.layers {
            let name = |part: &str| format!("blk.{i}.{part}.weight");
            add(name("attn_q"), (HIDDEN, HIDDEN), 0.2, self.dtype)?;
            add(name("attn_k"), (kv, HIDDEN), 0.2, self.dtype)?;
            add(name("attn_v"), (kv, HIDDEN), 0.2, self.dtype)?;
            add(name("attn_output"), (HIDDEN, HIDDEN), 0.2, self.dtype)?;
            add(name("ffn_gate"), (INTERMEDIATE, HIDDEN), 0.2, self.dtype)?;
            add(name("ffn_up"), (INTERMEDIATE, HIDDEN), 0.2, self.dtype)?;
            add(name("ffn_down"), (HIDDEN, INTERMEDIATE), 0.2, self.dtype)?;
            // Norm weights stay f32, as in real GGUF files; near 1 so activations stay sane.
            add(name("attn_norm"), (1, HIDDEN), 0.1, GgmlDType::F32)?;
            add(name("ffn_norm"), (1, HIDDEN), 0.1, GgmlDType::F32)?;
        }
        add(
            "output_norm.weight".into(),
            (1, HIDDEN),
            0.1,
            GgmlDType::F32,
        )?;
        // Norms are stored as vectors; shift them to 1 ± 0.1 and drop the leading axis.
        let tensors: Vec<(String, QTensor)> = tensors
            .into_iter()
            .map(|(name, q)| {
                if name.ends_with("norm.weight") {
                    let v = (q.dequantize(&device)?.squeeze(0)? + 1.0)?;
                    Ok((name, QTensor::quantize(&v, GgmlDType::F32)?))
                } else {
                    Ok((name, q))
                }
            })
            .collect::<Result<_>>()?;
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
}
