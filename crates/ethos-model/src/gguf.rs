//! Reading GGUF files: metadata, tensors, and a summary for `ethos model info`.

use std::collections::HashMap;
use std::fs::File;
use std::io::{BufReader, Read};
use std::path::{Path, PathBuf};

use candle_core::Device;
use candle_core::quantized::gguf_file::{Content, Value};
use candle_core::quantized::{GgmlDType, QTensor};
use serde::Serialize;

use crate::error::{ModelError, Result};

/// An open GGUF file: parsed header and a reader for tensor data.
pub struct GgufFile {
    path: PathBuf,
    content: Content,
    reader: BufReader<File>,
}

impl GgufFile {
    /// Opens and parses the header of a GGUF file.
    pub fn open(path: &Path) -> Result<Self> {
        let file = File::open(path).map_err(|source| ModelError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        let mut reader = BufReader::new(file);
        let content = Content::read(&mut reader).map_err(|err| ModelError::Format {
            path: path.to_path_buf(),
            message: first_line(&err.to_string()),
        })?;
        Ok(Self {
            path: path.to_path_buf(),
            content,
            reader,
        })
    }

    /// The file's path.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// All metadata entries.
    pub fn metadata(&self) -> &HashMap<String, Value> {
        &self.content.metadata
    }

    fn missing(&self, key: &str) -> ModelError {
        ModelError::Metadata {
            path: self.path.clone(),
            key: key.to_string(),
        }
    }

    /// A string metadata value.
    pub fn string(&self, key: &str) -> Result<&str> {
        self.metadata()
            .get(key)
            .and_then(|v| v.to_string().ok())
            .map(String::as_str)
            .ok_or_else(|| self.missing(key))
    }

    /// An integer metadata value of any integer width.
    pub fn usize(&self, key: &str) -> Result<usize> {
        let value = self.metadata().get(key).ok_or_else(|| self.missing(key))?;
        let number = match value {
            Value::U8(v) => Some(u64::from(*v)),
            Value::U16(v) => Some(u64::from(*v)),
            Value::U32(v) => Some(u64::from(*v)),
            Value::U64(v) => Some(*v),
            Value::I8(v) => u64::try_from(*v).ok(),
            Value::I16(v) => u64::try_from(*v).ok(),
            Value::I32(v) => u64::try_from(*v).ok(),
            Value::I64(v) => u64::try_from(*v).ok(),
            _ => None,
        };
        number
            .and_then(|n| usize::try_from(n).ok())
            .ok_or_else(|| self.missing(key))
    }

    /// A float metadata value.
    pub fn f64(&self, key: &str) -> Result<f64> {
        match self.metadata().get(key) {
            Some(Value::F32(v)) => Ok(f64::from(*v)),
            Some(Value::F64(v)) => Ok(*v),
            _ => Err(self.missing(key)),
        }
    }

    fn list(&self, key: &str) -> Result<&Vec<Value>> {
        self.metadata()
            .get(key)
            .and_then(|v| v.to_vec().ok())
            .ok_or_else(|| self.missing(key))
    }

    /// A list of strings.
    pub fn strings(&self, key: &str) -> Result<Vec<String>> {
        self.list(key)?
            .iter()
            .map(|v| v.to_string().cloned().map_err(|_| self.missing(key)))
            .collect()
    }

    /// A list of integers.
    pub fn integers(&self, key: &str) -> Result<Vec<i64>> {
        self.list(key)?
            .iter()
            .map(|v| match v {
                Value::I32(x) => Ok(i64::from(*x)),
                Value::U32(x) => Ok(i64::from(*x)),
                Value::I64(x) => Ok(*x),
                Value::U8(x) => Ok(i64::from(*x)),
                Value::I8(x) => Ok(i64::from(*x)),
                _ => Err(self.missing(key)),
            })
            .collect()
    }

    /// Whether a tensor is present.
    pub fn has_tensor(&self, name: &str) -> bool {
        self.content.tensor_infos.contains_key(name)
    }

    /// Reads one tensor in its stored (possibly quantised) form.
    pub fn tensor(&mut self, name: &str, device: &Device) -> Result<QTensor> {
        let path = self.path.clone();
        self.content
            .tensor(&mut self.reader, name, device)
            .map_err(|err| ModelError::Format {
                path,
                message: format!("tensor `{name}`: {}", first_line(&err.to_string())),
            })
    }

    /// Summary of the model for humans.
    pub fn info(&self) -> ModelInfo {
        let architecture = self
            .string("general.architecture")
            .unwrap_or("unknown")
            .to_string();
        let context_length = self.usize(&format!("{architecture}.context_length")).ok();
        let parameters = self
            .content
            .tensor_infos
            .values()
            .map(|t| t.shape.elem_count())
            .sum();
        let mut by_dtype: HashMap<String, usize> = HashMap::new();
        for info in self.content.tensor_infos.values() {
            *by_dtype.entry(dtype_name(info.ggml_dtype)).or_default() += info.shape.elem_count();
        }
        let mut quantization: Vec<(String, usize)> = by_dtype.into_iter().collect();
        quantization.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        ModelInfo {
            path: self.path.display().to_string(),
            format: "gguf".to_string(),
            name: self.string("general.name").ok().map(str::to_string),
            architecture,
            parameters,
            quantization: quantization.into_iter().map(|(dtype, _)| dtype).collect(),
            context_length,
            vocab_size: self.strings("tokenizer.ggml.tokens").map(|t| t.len()).ok(),
            chat_template: self
                .string("tokenizer.chat_template")
                .ok()
                .map(str::to_string),
        }
    }
}

/// The name llama.cpp uses for a tensor type.
pub fn dtype_name(dtype: GgmlDType) -> String {
    let name = match dtype {
        GgmlDType::F32 => "F32",
        GgmlDType::F16 => "F16",
        GgmlDType::BF16 => "BF16",
        GgmlDType::Q4_0 => "Q4_0",
        GgmlDType::Q4_1 => "Q4_1",
        GgmlDType::Q5_0 => "Q5_0",
        GgmlDType::Q5_1 => "Q5_1",
        GgmlDType::Q8_0 => "Q8_0",
        GgmlDType::Q8_1 => "Q8_1",
        GgmlDType::Q2K => "Q2_K",
        GgmlDType::Q3K => "Q3_K",
        GgmlDType::Q4K => "Q4_K",
        GgmlDType::Q5K => "Q5_K",
        GgmlDType::Q6K => "Q6_K",
        GgmlDType::Q8K => "Q8_K",
    };
    name.to_string()
}

/// What `ethos model info` prints.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ModelInfo {
    /// Where the model is.
    pub path: String,
    /// `gguf` or `safetensors`.
    pub format: String,
    /// The model's own name, if recorded.
    pub name: Option<String>,
    /// Architecture (`llama`, `qwen2`, ...).
    pub architecture: String,
    /// Number of parameters.
    pub parameters: usize,
    /// Tensor types by share of parameters, most common first.
    pub quantization: Vec<String>,
    /// Trained context length.
    pub context_length: Option<usize>,
    /// Vocabulary size.
    pub vocab_size: Option<usize>,
    /// Jinja chat template.
    pub chat_template: Option<String>,
}

fn first_line(text: &str) -> String {
    text.lines().next().unwrap_or(text).to_string()
}

/// True when the first bytes of a file are the GGUF magic.
pub fn looks_like_gguf(path: &Path) -> bool {
    let mut magic = [0u8; 4];
    File::open(path)
        .and_then(|mut f| f.read_exact(&mut magic))
        .is_ok()
        && &magic == b"GGUF"
}
