//! Tokenizers built from model files: a byte-level BPE from GGUF metadata, or a Hugging
//! Face `tokenizer.json`.

use std::path::Path;

use serde_json::{Value, json};

use crate::error::{ModelError, Result};
use crate::gguf::GgufFile;

/// GGUF token type of control tokens (`<|im_start|>`, `<|endoftext|>`, ...).
const TOKEN_TYPE_CONTROL: i64 = 3;
/// GGUF token type of user-defined tokens.
const TOKEN_TYPE_USER_DEFINED: i64 = 4;

// Pre-tokenizer split patterns of the BPE families llama.cpp knows, by `tokenizer.ggml.pre`.
const QWEN2_SPLIT: &str = r"(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+";
const LLAMA3_SPLIT: &str = r"(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+";

/// GPT-2's byte-to-character table: byte-level BPE vocabularies spell byte `b` as
/// `table[b]`, so that every byte is a printable character.
pub fn byte_level_alphabet() -> Vec<char> {
    let mut bytes: Vec<u32> = (u32::from('!')..=u32::from('~'))
        .chain(0xA1..=0xAC)
        .chain(0xAE..=0xFF)
        .collect();
    let mut chars: Vec<u32> = bytes.clone();
    let mut extra = 0;
    for byte in 0..256u32 {
        if !bytes.contains(&byte) {
            bytes.push(byte);
            chars.push(256 + extra);
            extra += 1;
        }
    }
    let mut table = vec![' '; 256];
    for (byte, ch) in bytes.into_iter().zip(chars) {
        table[byte as usize] = char::from_u32(ch).unwrap_or('?');
    }
    table
}

static BYTE_OF_CHAR: std::sync::LazyLock<std::collections::HashMap<char, u8>> =
    std::sync::LazyLock::new(|| {
        byte_level_alphabet()
            .into_iter()
            .enumerate()
            .map(|(byte, ch)| (ch, byte as u8))
            .collect()
    });

/// A tokenizer with the ids of its special tokens.
#[derive(Clone)]
pub struct TextTokenizer {
    inner: tokenizers::Tokenizer,
    /// Whether vocabulary entries are byte-level spellings (GPT-2 style).
    byte_level: bool,
    bos: Option<u32>,
    eos: Vec<u32>,
    add_bos: bool,
}

impl std::fmt::Debug for TextTokenizer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TextTokenizer")
            .field("vocab_size", &self.vocab_size())
            .field("bos", &self.bos)
            .field("eos", &self.eos)
            .finish()
    }
}

impl TextTokenizer {
    /// Builds the tokenizer described by a GGUF file's `tokenizer.ggml.*` metadata.
    pub fn from_gguf(gguf: &GgufFile) -> Result<Self> {
        let model = gguf.string("tokenizer.ggml.model")?;
        if model != "gpt2" {
            return Err(ModelError::Tokenizer(format!(
                "tokenizer model `{model}` is not supported yet (only byte-level BPE, `gpt2`)"
            )));
        }
        let tokens = gguf.strings("tokenizer.ggml.tokens")?;
        let merges = gguf.strings("tokenizer.ggml.merges")?;
        let types = gguf
            .integers("tokenizer.ggml.token_type")
            .unwrap_or_default();
        let pre = gguf.string("tokenizer.ggml.pre").unwrap_or("default");
        let spec = byte_level_bpe_json(&tokens, &merges, &types, pre)?;
        let inner = tokenizers::Tokenizer::from_bytes(spec.to_string().as_bytes())
            .map_err(|err| ModelError::Tokenizer(format!("building from GGUF metadata: {err}")))?;
        let id = |key: &str| gguf.usize(key).ok().and_then(|v| u32::try_from(v).ok());
        let mut eos: Vec<u32> = id("tokenizer.ggml.eos_token_id").into_iter().collect();
        if let Some(eot) = id("tokenizer.ggml.eot_token_id") {
            eos.push(eot);
        }
        let add_bos = matches!(
            gguf.metadata().get("tokenizer.ggml.add_bos_token"),
            Some(candle_core::quantized::gguf_file::Value::Bool(true))
        );
        Ok(Self {
            inner,
            byte_level: true,
            bos: id("tokenizer.ggml.bos_token_id"),
            eos,
            add_bos,
        })
    }

    /// Loads the tokenizer of a Hugging Face checkpoint directory (`tokenizer.json` and
    /// `tokenizer_config.json`), and returns the chat template it declares, if any.
    pub fn from_hf_dir(dir: &Path) -> Result<(Self, Option<String>)> {
        let path = dir.join("tokenizer.json");
        let inner = tokenizers::Tokenizer::from_file(&path)
            .map_err(|err| ModelError::Tokenizer(format!("{}: {err}", path.display())))?;
        let config_path = dir.join("tokenizer_config.json");
        let config: Value = match std::fs::read_to_string(&config_path) {
            Ok(text) => serde_json::from_str(&text).map_err(|err| ModelError::Format {
                path: config_path.clone(),
                message: err.to_string(),
            })?,
            Err(_) => Value::Null,
        };
        // Special tokens are written either as strings or as {"content": ...} objects.
        let token_of = |key: &str| -> Option<u32> {
            let value = &config[key];
            let text = value.as_str().or_else(|| value["content"].as_str())?;
            inner.token_to_id(text)
        };
        let bos = token_of("bos_token");
        let eos: Vec<u32> = token_of("eos_token").into_iter().collect();
        let add_bos = config["add_bos_token"].as_bool().unwrap_or(false);
        let template = match &config["chat_template"] {
            Value::String(source) => Some(source.clone()),
            // A list of named templates: take the default one.
            Value::Array(list) => list
                .iter()
                .find(|t| t["name"] == "default")
                .and_then(|t| t["template"].as_str())
                .map(str::to_string),
            _ => std::fs::read_to_string(dir.join("chat_template.jinja")).ok(),
        };
        let byte_level = matches!(
            inner.get_decoder(),
            Some(tokenizers::DecoderWrapper::ByteLevel(_))
        );
        Ok((
            Self {
                inner,
                byte_level,
                bos,
                eos,
                add_bos,
            },
            template,
        ))
    }

    /// The tokenizer as a Hugging Face `tokenizer.json` document.
    pub fn to_json(&self) -> Result<String> {
        self.inner
            .to_string(false)
            .map_err(|err| ModelError::Tokenizer(err.to_string()))
    }

    /// Token ids of `text`. Special tokens written in the text (`<|im_start|>`) are
    /// recognised; a BOS token is prepended when the model asks for one.
    pub fn encode(&self, text: &str) -> Result<Vec<u32>> {
        let encoding = self
            .inner
            .encode(text, false)
            .map_err(|err| ModelError::Tokenizer(err.to_string()))?;
        let mut ids = Vec::with_capacity(encoding.len() + 1);
        if self.add_bos {
            ids.extend(self.bos);
        }
        ids.extend_from_slice(encoding.get_ids());
        Ok(ids)
    }

    /// Text of `ids`, with special tokens left out.
    pub fn decode(&self, ids: &[u32]) -> Result<String> {
        self.inner
            .decode(ids, true)
            .map_err(|err| ModelError::Tokenizer(err.to_string()))
    }

    /// The text one token stands for, special tokens written out (`<|im_start|>`), so
    /// that the pieces of a text add up to the text.
    pub fn piece(&self, id: u32) -> Result<String> {
        self.inner
            .decode(&[id], false)
            .map_err(|err| ModelError::Tokenizer(err.to_string()))
    }

    /// The exact bytes one token stands for. A character split over several tokens shows
    /// as U+FFFD in [`TextTokenizer::piece`]; its bytes are still right here.
    pub fn token_bytes(&self, id: u32) -> Result<Vec<u8>> {
        if self.byte_level
            && let Some(spelling) = self.inner.id_to_token(id)
            && let Some(bytes) = spelling
                .chars()
                .map(|c| BYTE_OF_CHAR.get(&c).copied())
                .collect::<Option<Vec<u8>>>()
        {
            return Ok(bytes);
        }
        Ok(self.piece(id)?.into_bytes())
    }

    /// The text of one token as stored in the vocabulary, special tokens included.
    pub fn token_text(&self, id: u32) -> Option<String> {
        self.inner.id_to_token(id)
    }

    /// Number of tokens in the vocabulary, added tokens included.
    pub fn vocab_size(&self) -> usize {
        self.inner.get_vocab_size(true)
    }

    /// The beginning-of-sequence token, if any.
    pub fn bos(&self) -> Option<u32> {
        self.bos
    }

    /// Tokens that end generation.
    pub fn eos(&self) -> &[u32] {
        &self.eos
    }

    /// Adds an end-of-generation token (e.g. the chat template's turn terminator).
    pub fn add_eos(&mut self, id: u32) {
        if !self.eos.contains(&id) {
            self.eos.push(id);
        }
    }

    /// The id of a token given by its text, if it is in the vocabulary.
    pub fn token_id(&self, text: &str) -> Option<u32> {
        self.inner.token_to_id(text)
    }
}

/// A Hugging Face `tokenizer.json` document for a byte-level BPE given as llama.cpp stores
/// it: tokens, merges, token types (3 = control, 4 = user-defined) and pre-tokenizer name.
pub fn byte_level_bpe_json(
    tokens: &[String],
    merges: &[String],
    types: &[i64],
    pre: &str,
) -> Result<Value> {
    let pre_tokenizer = pre_tokenizer_for(pre)?;
    let mut added = Vec::new();
    for (id, token) in tokens.iter().enumerate() {
        let kind = types.get(id).copied().unwrap_or(1);
        if kind == TOKEN_TYPE_CONTROL || kind == TOKEN_TYPE_USER_DEFINED {
            added.push(json!({
                "id": id, "content": token, "single_word": false, "lstrip": false, "rstrip": false,
                "normalized": false, "special": kind == TOKEN_TYPE_CONTROL
            }));
        }
    }
    let vocab: serde_json::Map<String, Value> = tokens
        .iter()
        .enumerate()
        .map(|(id, token)| (token.clone(), json!(id)))
        .collect();
    Ok(json!({
        "version": "1.0",
        "truncation": null,
        "padding": null,
        "added_tokens": added,
        "normalizer": null,
        "pre_tokenizer": pre_tokenizer,
        "post_processor": null,
        "decoder": {"type": "ByteLevel", "add_prefix_space": true, "trim_offsets": true, "use_regex": true},
        "model": {
            "type": "BPE", "dropout": null, "unk_token": null, "continuing_subword_prefix": null,
            "end_of_word_suffix": null, "fuse_unk": false, "byte_fallback": false,
            "ignore_merges": pre == "llama-bpe", "vocab": vocab, "merges": merges
        }
    }))
}

fn byte_level(use_regex: bool) -> Value {
    json!({"type": "ByteLevel", "add_prefix_space": false, "trim_offsets": true, "use_regex": use_regex})
}

fn split(pattern: &str) -> Value {
    json!({"type": "Split", "pattern": {"Regex": pattern}, "behavior": "Isolated", "invert": false})
}

/// The pre-tokenizer that reproduces llama.cpp's splitting for a `tokenizer.ggml.pre` value.
fn pre_tokenizer_for(pre: &str) -> Result<Value> {
    let sequence = |steps: Vec<Value>| json!({"type": "Sequence", "pretokenizers": steps});
    match pre {
        // SmolLM: every digit is its own pre-token, then GPT-2's byte-level split.
        "smollm" => Ok(sequence(vec![
            json!({"type": "Digits", "individual_digits": true}),
            byte_level(true),
        ])),
        "default" | "gpt2" | "gpt-2" => Ok(byte_level(true)),
        "qwen2" => Ok(sequence(vec![split(QWEN2_SPLIT), byte_level(false)])),
        "llama-bpe" | "llama3" => Ok(sequence(vec![split(LLAMA3_SPLIT), byte_level(false)])),
        other => Err(ModelError::Tokenizer(format!(
            "pre-tokenizer `{other}` is not supported yet"
        ))),
    }
}
