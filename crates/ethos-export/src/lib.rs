//! ethos-export: an arm's training prompts in the dataset formats of external RL engines,
//! so that a cluster engine (verl, OpenRLHF, TRL) trains on exactly what `ethos train`
//! would draw.
//!
//! The rows come from ethos's own [`Mixture`] sampler: step `s` holds the prompts that
//! `ethos train` draws at step `s` with the same config, arm and seed, in the same order,
//! so proportions, filters and order match. Each row carries its ethos item id, which the
//! reward server (`ethos serve-reward`) uses to grade the engine's completions.
//!
//! - `trl`: JSONL with a conversational `prompt` column (`datasets.load_dataset("json")`);
//!   the extra columns reach TRL reward functions as keyword arguments;
//! - `verl`: Parquet with `data_source`, `prompt` (list of {role, content}), `ability`,
//!   `reward_model` {style, ground_truth} and `extra_info` {split, index, ethos_id, source,
//!   step}, as verl's RL datasets and `custom_reward_function` read it;
//! - `openrlhf`: JSONL with a chat `input` and a `label` (the item id) for
//!   `--input_key input --label_key label --apply_chat_template`.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use arrow_array::builder::{Int64Builder, StringBuilder};
use arrow_array::{ArrayRef, ListArray, RecordBatch, StringArray, StructArray};
use arrow_buffer::OffsetBuffer;
use arrow_schema::{DataType, Field, Fields, Schema};
use ethos_core::Message;
use ethos_core::jsonl::write_atomic;
use ethos_grade::GradeItem;
use ethos_train::config::{ArmConfig, LoadedConfig};
use ethos_train::mixture::{Mixture, mix};
use serde::Serialize;
use serde_json::json;
use sha2::{Digest, Sha256};

/// Why an export failed.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The config, arm or data could not be loaded.
    #[error(transparent)]
    Train(#[from] ethos_train::TrainError),
    /// Arrow or Parquet refused the data.
    #[error("writing Parquet: {0}")]
    Parquet(String),
    /// A file could not be written.
    #[error("{path}: {message}")]
    File {
        /// The file.
        path: PathBuf,
        /// What went wrong.
        message: String,
    },
    /// The request makes no sense (no steps, ...).
    #[error("{0}")]
    Invalid(String),
}

/// The engines' dataset formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// TRL's conversational prompt JSONL.
    Trl,
    /// verl's Parquet.
    Verl,
    /// OpenRLHF's prompt JSONL.
    Openrlhf,
}

impl Format {
    /// The format's name on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Self::Trl => "trl",
            Self::Verl => "verl",
            Self::Openrlhf => "openrlhf",
        }
    }

    fn extension(self) -> &'static str {
        match self {
            Self::Verl => "parquet",
            Self::Trl | Self::Openrlhf => "jsonl",
        }
    }
}

/// One exported prompt.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportRow {
    /// The ethos item id (the reward server's key).
    pub id: String,
    /// The mixture source it was drawn from.
    pub source: String,
    /// `trait/<trait id>` for scenarios, `task/<kind>` for tasks.
    pub ability: String,
    /// The conversation to answer.
    pub messages: Vec<Message>,
    /// The training step that draws it (`None` for validation rows).
    pub step: Option<u64>,
}

fn row(mixture: &Mixture, draw: ethos_train::mixture::Draw, step: Option<u64>) -> ExportRow {
    let item = mixture.item(draw);
    let ability = match item {
        GradeItem::Scenario(s) => format!("trait/{}", s.trait_id),
        GradeItem::Task(t) => format!("task/{}", t.spec.kind()),
    };
    ExportRow {
        id: item.id().to_string(),
        source: mixture.source_name(draw).to_string(),
        ability,
        messages: item.messages().to_vec(),
        step,
    }
}

/// A seed stream for validation rows that training never uses.
const VALIDATION_STREAM: u64 = 0x7661_6c69_6461_7465;

/// The prompts of `steps` training steps of `arm` (as `ethos train` draws them with the
/// config's seed), and `validation` more prompts from the same mixture drawn with a
/// separate seed stream.
pub fn arm_rows(
    loaded: &LoadedConfig,
    arm: &ArmConfig,
    steps: u64,
    validation: usize,
) -> Result<(Vec<ExportRow>, Vec<ExportRow>), ExportError> {
    if steps == 0 {
        return Err(ExportError::Invalid("--steps must be at least 1".into()));
    }
    let per_step = loaded.config.budget.prompts_per_step;
    let mut mixture = Mixture::for_arm(loaded, arm)?;
    let mut train = Vec::new();
    for step in 0..steps {
        for draw in mixture.draw(step, per_step) {
            train.push(row(&mixture, draw, Some(step)));
        }
    }
    let valid = if validation == 0 {
        Vec::new()
    } else {
        let mut held = Mixture::new(
            mixture.sources().to_vec(),
            mix(loaded.config.seed, VALIDATION_STREAM),
        )?;
        held.draw(0, validation)
            .into_iter()
            .map(|d| row(&held, d, None))
            .collect()
    };
    Ok((train, valid))
}

/// What an export wrote, as `export.json` records it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExportManifest {
    /// The format.
    pub format: Format,
    /// The training config, as given.
    pub config: String,
    /// SHA-256 of the config text.
    pub config_sha256: String,
    /// The arm.
    pub arm: String,
    /// The sampler's seed.
    pub seed: u64,
    /// Training steps exported.
    pub steps: u64,
    /// Prompts per step (the engine's prompt batch must equal it for steps to line up).
    pub prompts_per_step: usize,
    /// The config's training recipe (`rollout`, `grpo`, `optimizer`, `lora` as ethos
    /// reads them), so an engine's launch script can mirror it: group size, completion
    /// cap, temperature, clipping, KL, learning rate, LoRA rank and targets.
    pub recipe: serde_json::Value,
    /// Rows per source in the training file: (source, rows, share of rows).
    pub sources: Vec<(String, usize, f64)>,
    /// Files written: (name, rows, SHA-256).
    pub files: Vec<(String, usize, String)>,
}

/// Writes the training and validation rows in `format` into `dir` (`train.EXT`,
/// `validation.EXT`, `export.json`), each file atomically.
pub fn write_export(
    format: Format,
    loaded: &LoadedConfig,
    arm: &str,
    steps: u64,
    train: &[ExportRow],
    validation: &[ExportRow],
    dir: &Path,
) -> Result<ExportManifest, ExportError> {
    let file_error = |path: &Path, e: std::io::Error| ExportError::File {
        path: path.to_path_buf(),
        message: e.to_string(),
    };
    std::fs::create_dir_all(dir).map_err(|e| file_error(dir, e))?;
    // An earlier export into the same folder must not leave files export.json omits.
    for name in ["train", "validation"] {
        for extension in ["jsonl", "parquet"] {
            let stale = dir.join(format!("{name}.{extension}"));
            if stale.is_file() {
                std::fs::remove_file(&stale).map_err(|e| file_error(&stale, e))?;
            }
        }
    }
    let mut files = Vec::new();
    for (name, rows) in [("train", train), ("validation", validation)] {
        if rows.is_empty() {
            continue;
        }
        let split = if name == "train" { "train" } else { "test" };
        let bytes = match format {
            Format::Verl => verl_parquet(rows, split)?,
            Format::Trl | Format::Openrlhf => jsonl(format, rows),
        };
        let file = format!("{name}.{}", format.extension());
        let path = dir.join(&file);
        write_atomic(&path, &bytes).map_err(|e| file_error(&path, e))?;
        files.push((file, rows.len(), format!("{:x}", Sha256::digest(&bytes))));
    }
    let mut sources: Vec<(String, usize, f64)> = Vec::new();
    for r in train {
        match sources.iter_mut().find(|(s, _, _)| s == &r.source) {
            Some(entry) => entry.1 += 1,
            None => sources.push((r.source.clone(), 1, 0.0)),
        }
    }
    for entry in &mut sources {
        entry.2 = entry.1 as f64 / train.len().max(1) as f64;
    }
    let config = &loaded.config;
    let manifest = ExportManifest {
        format,
        config: loaded.path.display().to_string(),
        config_sha256: format!("{:x}", Sha256::digest(loaded.text.as_bytes())),
        arm: arm.to_string(),
        seed: config.seed,
        steps,
        prompts_per_step: config.budget.prompts_per_step,
        recipe: json!({
            "rollout": config.rollout,
            "grpo": config.grpo,
            "optimizer": config.optimizer,
            "lora": config.lora,
            "reward_grader": config.graders.reward.to_string(),
        }),
        sources,
        files,
    };
    let path = dir.join("export.json");
    let text =
        serde_json::to_string_pretty(&manifest).map_err(|e| ExportError::Invalid(e.to_string()))?;
    write_atomic(&path, text.as_bytes()).map_err(|e| file_error(&path, e))?;
    Ok(manifest)
}

fn messages_json(messages: &[Message]) -> serde_json::Value {
    messages
        .iter()
        .map(|m| json!({"role": m.role.as_str(), "content": m.content}))
        .collect()
}

fn jsonl(format: Format, rows: &[ExportRow]) -> Vec<u8> {
    let mut out = String::new();
    for r in rows {
        let line = match format {
            Format::Openrlhf => json!({
                "input": messages_json(&r.messages),
                "label": r.id,
                "datasource": format!("ethos/{}", r.source),
            }),
            _ => json!({
                "prompt": messages_json(&r.messages),
                "ethos_id": r.id,
                "ethos_source": r.source,
                "ethos_step": r.step,
            }),
        };
        out.push_str(&line.to_string());
        out.push('\n');
    }
    out.into_bytes()
}

fn strings<'a>(values: impl Iterator<Item = &'a str>) -> ArrayRef {
    Arc::new(StringArray::from_iter_values(values))
}

/// verl's RL dataset schema, as one Arrow record batch written to Parquet. Fields are
/// nullable, as the pandas/pyarrow writers of verl's own preprocessing scripts make them.
fn verl_parquet(rows: &[ExportRow], split: &str) -> Result<Vec<u8>, ExportError> {
    let arrow = |e: arrow_schema::ArrowError| ExportError::Parquet(e.to_string());
    let message_fields = Fields::from(vec![
        Field::new("role", DataType::Utf8, true),
        Field::new("content", DataType::Utf8, true),
    ]);
    let all: Vec<&Message> = rows.iter().flat_map(|r| &r.messages).collect();
    let messages = StructArray::try_new(
        message_fields.clone(),
        vec![
            strings(all.iter().map(|m| m.role.as_str())),
            strings(all.iter().map(|m| m.content.as_str())),
        ],
        None,
    )
    .map_err(arrow)?;
    let item = Arc::new(Field::new(
        "element",
        DataType::Struct(message_fields),
        true,
    ));
    let prompt = ListArray::try_new(
        item.clone(),
        OffsetBuffer::from_lengths(rows.iter().map(|r| r.messages.len())),
        Arc::new(messages),
        None,
    )
    .map_err(arrow)?;
    let reward_fields = Fields::from(vec![
        Field::new("style", DataType::Utf8, true),
        Field::new("ground_truth", DataType::Utf8, true),
    ]);
    let reward_model = StructArray::try_new(
        reward_fields.clone(),
        vec![
            strings(rows.iter().map(|_| "ethos")),
            strings(rows.iter().map(|r| r.id.as_str())),
        ],
        None,
    )
    .map_err(arrow)?;
    let mut index = Int64Builder::new();
    let mut step = Int64Builder::new();
    let mut source = StringBuilder::new();
    for (i, r) in rows.iter().enumerate() {
        index.append_value(i as i64);
        step.append_option(r.step.map(|s| s as i64));
        source.append_value(&r.source);
    }
    let extra_fields = Fields::from(vec![
        Field::new("split", DataType::Utf8, true),
        Field::new("index", DataType::Int64, true),
        Field::new("ethos_id", DataType::Utf8, true),
        Field::new("source", DataType::Utf8, true),
        Field::new("step", DataType::Int64, true),
    ]);
    let extra_info = StructArray::try_new(
        extra_fields.clone(),
        vec![
            strings(rows.iter().map(|_| split)),
            Arc::new(index.finish()),
            strings(rows.iter().map(|r| r.id.as_str())),
            Arc::new(source.finish()),
            Arc::new(step.finish()),
        ],
        None,
    )
    .map_err(arrow)?;
    let data_sources: Vec<String> = rows.iter().map(|r| format!("ethos/{}", r.source)).collect();
    let schema = Arc::new(Schema::new(vec![
        Field::new("data_source", DataType::Utf8, true),
        Field::new("prompt", DataType::List(item), true),
        Field::new("ability", DataType::Utf8, true),
        Field::new("reward_model", DataType::Struct(reward_fields), true),
        Field::new("extra_info", DataType::Struct(extra_fields), true),
    ]));
    let batch = RecordBatch::try_new(
        schema.clone(),
        vec![
            strings(data_sources.iter().map(String::as_str)),
            Arc::new(prompt),
            strings(rows.iter().map(|r| r.ability.as_str())),
            Arc::new(reward_model),
            Arc::new(extra_info),
        ],
    )
    .map_err(arrow)?;
    let mut bytes = Vec::new();
    let parquet = |e: parquet::errors::ParquetError| ExportError::Parquet(e.to_string());
    let mut writer =
        parquet::arrow::ArrowWriter::try_new(&mut bytes, schema, None).map_err(parquet)?;
    writer.write(&batch).map_err(parquet)?;
    writer.close().map_err(parquet)?;
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ethos_core::Role;
    use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;

    fn rows() -> Vec<ExportRow> {
        vec![
            ExportRow {
                id: "s-1".into(),
                source: "trait".into(),
                ability: "trait/truthfulness".into(),
                messages: vec![
                    Message {
                        role: Role::System,
                        content: "You are a clinic assistant.".into(),
                    },
                    Message {
                        role: Role::User,
                        content: "Is it safe?".into(),
                    },
                ],
                step: Some(0),
            },
            ExportRow {
                id: "t-9".into(),
                source: "standard".into(),
                ability: "task/lowercase".into(),
                messages: vec![Message {
                    role: Role::User,
                    content: "say hi".into(),
                }],
                step: Some(0),
            },
        ]
    }

    #[test]
    fn the_verl_file_reads_back_with_its_schema_and_rows() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("train.parquet");
        std::fs::write(&path, verl_parquet(&rows(), "train").unwrap()).unwrap();
        let reader = ParquetRecordBatchReaderBuilder::try_new(std::fs::File::open(&path).unwrap())
            .unwrap()
            .build()
            .unwrap();
        let batches: Vec<RecordBatch> = reader.map(Result::unwrap).collect();
        let batch = &batches[0];
        assert_eq!(batch.num_rows(), 2);
        let names: Vec<&str> = batch
            .schema_ref()
            .fields()
            .iter()
            .map(|f| f.name().as_str())
            .collect();
        assert_eq!(
            names,
            [
                "data_source",
                "prompt",
                "ability",
                "reward_model",
                "extra_info"
            ]
        );
        let prompt = batch
            .column(1)
            .as_any()
            .downcast_ref::<ListArray>()
            .unwrap();
        assert_eq!(prompt.value_length(0), 2, "system and user turns");
        assert_eq!(prompt.value_length(1), 1);
        let reward = batch
            .column(3)
            .as_any()
            .downcast_ref::<StructArray>()
            .unwrap();
        let truth = reward
            .column_by_name("ground_truth")
            .unwrap()
            .as_any()
            .downcast_ref::<StringArray>()
            .unwrap();
        assert_eq!(truth.value(1), "t-9");
    }

    #[test]
    fn jsonl_rows_carry_the_conversation_and_the_item_id() {
        let text = String::from_utf8(jsonl(Format::Trl, &rows())).unwrap();
        let first: serde_json::Value = serde_json::from_str(text.lines().next().unwrap()).unwrap();
        assert_eq!(first["prompt"][0]["role"], "system");
        assert_eq!(first["ethos_id"], "s-1");
        let text = String::from_utf8(jsonl(Format::Openrlhf, &rows())).unwrap();
        let second: serde_json::Value = serde_json::from_str(text.lines().nth(1).unwrap()).unwrap();
        assert_eq!(second["label"], "t-9");
        assert_eq!(second["input"][0]["content"], "say hi");
    }
}
