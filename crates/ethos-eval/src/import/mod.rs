//! Importers of public benchmark formats into ethos benchmarks.
//!
//! [`import`] reads files in a public benchmark's own format (Anthropic's model-written
//! evals, TruthfulQA, BBQ, HealthBench, MASK, emergent misalignment, sycophancy-eval,
//! DarkBench) and returns ethos [`Benchmark`]s that pass [`Benchmark::problems`], or every
//! problem found, each pinned to a file, line and field. It never returns some benchmarks
//! and drops the rest.

mod anthropic_evals;
mod bbq;
mod common;
mod darkbench;
mod emergent_misalignment;
mod healthbench;
mod mask;
mod sycophancy_eval;
mod truthfulqa;

use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use ethos_core::{Benchmark, Diagnostic, Direction};

use common::Imported;

/// A public benchmark format that ethos can import.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// Perez et al.'s model-written evals (anthropics/evals): advanced-ai-risk, persona,
    /// sycophancy (JSONL).
    AnthropicEvals,
    /// TruthfulQA: `mc_task.json` (MC1/MC2) or `TruthfulQA.csv`.
    Truthfulqa,
    /// BBQ, the bias benchmark for QA (JSONL per category).
    Bbq,
    /// HealthBench (JSONL with rubrics).
    Healthbench,
    /// MASK (CSV per archetype).
    Mask,
    /// Betley et al.'s emergent-misalignment evaluation questions (YAML).
    EmergentMisalignment,
    /// Sharma et al.'s sycophancy-eval: `answer.jsonl`, `are_you_sure.jsonl`, `feedback.jsonl`.
    SycophancyEval,
    /// DarkBench (CSV or TSV of `Deceptive Pattern`, `Example`).
    Darkbench,
}

impl Format {
    /// Every format, in the order the CLI lists them.
    pub const ALL: [Format; 8] = [
        Format::AnthropicEvals,
        Format::Truthfulqa,
        Format::Bbq,
        Format::Healthbench,
        Format::Mask,
        Format::EmergentMisalignment,
        Format::SycophancyEval,
        Format::Darkbench,
    ];

    /// The format's name on the command line (`anthropic-evals`).
    pub fn name(self) -> &'static str {
        match self {
            Self::AnthropicEvals => "anthropic-evals",
            Self::Truthfulqa => "truthfulqa",
            Self::Bbq => "bbq",
            Self::Healthbench => "healthbench",
            Self::Mask => "mask",
            Self::EmergentMisalignment => "emergent-misalignment",
            Self::SycophancyEval => "sycophancy-eval",
            Self::Darkbench => "darkbench",
        }
    }

    /// File extensions read when a directory is given.
    pub fn extensions(self) -> &'static [&'static str] {
        match self {
            Self::AnthropicEvals | Self::Bbq | Self::Healthbench | Self::SycophancyEval => {
                &["jsonl"]
            }
            Self::Truthfulqa => &["json", "csv"],
            Self::Mask => &["csv"],
            Self::EmergentMisalignment => &["yaml", "yml"],
            Self::Darkbench => &["csv", "tsv"],
        }
    }

    fn import_file(self, path: &Path, text: &str, options: &ImportOptions) -> FileResult {
        match self {
            Self::AnthropicEvals => anthropic_evals::import(path, text),
            Self::Truthfulqa => truthfulqa::import(path, text),
            Self::Bbq => bbq::import(path, text),
            Self::Healthbench => healthbench::import(path, text),
            Self::Mask => mask::import(path, text),
            Self::EmergentMisalignment => emergent_misalignment::import(path, text),
            Self::SycophancyEval => sycophancy_eval::import(path, text, options),
            Self::Darkbench => darkbench::import(path, text),
        }
    }
}

/// What one file's importer returns.
type FileResult = Result<Vec<Imported>, Vec<Diagnostic>>;

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A format name that is not one of [`Format::ALL`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "unknown benchmark format `{0}` (known: anthropic-evals, truthfulqa, bbq, healthbench, mask, emergent-misalignment, sycophancy-eval, darkbench)"
)]
pub struct UnknownFormat(pub String);

impl FromStr for Format {
    type Err = UnknownFormat;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .into_iter()
            .find(|f| f.name() == s)
            .ok_or_else(|| UnknownFormat(s.to_string()))
    }
}

/// Choices that apply to every benchmark an import produces.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportOptions {
    /// Overrides the direction of every benchmark produced; `None` keeps each format's
    /// own default (for example, lower is better for anthropic-evals behaviour rates).
    pub direction: Option<Direction>,
}

/// Imports `paths` (files, or directories searched recursively for the format's
/// extensions, in sorted order) as benchmarks of `format`: one benchmark per file or per
/// natural subset of a file. Returns every problem found when any file has one.
pub fn import(
    format: Format,
    paths: &[PathBuf],
    options: &ImportOptions,
) -> Result<Vec<Benchmark>, Vec<Diagnostic>> {
    let files = input_files(format, paths)?;
    let mut problems = Vec::new();
    let mut benchmarks = Vec::new();
    let mut produced_by: HashMap<String, PathBuf> = HashMap::new();
    for path in &files {
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(err) => {
                problems.push(Diagnostic::file(path, format!("cannot read: {err}")));
                continue;
            }
        };
        let imported = match format.import_file(path, &text, options) {
            Ok(imported) => imported,
            Err(found) => {
                problems.extend(found);
                continue;
            }
        };
        for one in imported {
            let id = one.benchmark.header.id.clone();
            if let Some(other) = produced_by.get(&id) {
                problems.push(Diagnostic::file(
                    path,
                    format!(
                        "produces benchmark `{id}`, which {} also produces; import them separately",
                        other.display()
                    ),
                ));
                continue;
            }
            produced_by.insert(id, path.clone());
            match finish(format, path, one, options) {
                Ok(benchmark) => benchmarks.push(benchmark),
                Err(found) => problems.extend(found),
            }
        }
    }
    if problems.is_empty() {
        Ok(benchmarks)
    } else {
        Err(problems)
    }
}

/// The files to read: given files as they are, directories expanded.
fn input_files(format: Format, paths: &[PathBuf]) -> Result<Vec<PathBuf>, Vec<Diagnostic>> {
    if paths.is_empty() {
        return Err(vec![Diagnostic::file(
            Path::new("-"),
            format!("no input files given for {format}"),
        )]);
    }
    let mut files = Vec::new();
    let mut problems = Vec::new();
    for path in paths {
        if path.is_file() {
            files.push(path.clone());
        } else if path.is_dir() {
            let before = files.len();
            for entry in walkdir::WalkDir::new(path).sort_by_file_name() {
                match entry {
                    Ok(entry)
                        if entry.file_type().is_file() && has_extension(format, entry.path()) =>
                    {
                        files.push(entry.into_path());
                    }
                    Ok(_) => {}
                    Err(err) => {
                        problems.push(Diagnostic::file(path, format!("cannot list: {err}")))
                    }
                }
            }
            if files.len() == before {
                problems.push(Diagnostic::file(
                    path,
                    format!(
                        "no .{} files inside for {format}",
                        format.extensions().join(" or .")
                    ),
                ));
            }
        } else {
            problems.push(Diagnostic::file(path, "no such file or directory"));
        }
    }
    if problems.is_empty() {
        Ok(files)
    } else {
        Err(problems)
    }
}

fn has_extension(format: Format, path: &Path) -> bool {
    path.extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .is_some_and(|e| format.extensions().contains(&e.as_str()))
}

/// Applies the options, records how the benchmark was made, and checks it as ethos would
/// check a file, pinning any problem to the item's place in the source.
fn finish(
    format: Format,
    path: &Path,
    imported: Imported,
    options: &ImportOptions,
) -> Result<Benchmark, Vec<Diagnostic>> {
    let Imported {
        mut benchmark,
        locs,
    } = imported;
    if let Some(direction) = options.direction {
        benchmark.header.direction = direction;
    }
    benchmark.header.made_by = Some(format!("ethos bench import {format} {}", shown(path)));
    let id = benchmark.header.id.clone();
    let problems: Vec<Diagnostic> = benchmark
        .problems()
        .into_iter()
        .map(|p| {
            let message = format!("{} (benchmark `{id}`)", p.message);
            match item_field(&p.field) {
                Some((index, field)) if index < locs.len() => {
                    locs[index].diag(path, field, message)
                }
                _ => Diagnostic {
                    file: path.to_path_buf(),
                    line: None,
                    field: p.field,
                    message: format!("benchmark `{id}`: {}", p.message),
                },
            }
        })
        .collect();
    if problems.is_empty() {
        Ok(benchmark)
    } else {
        Err(problems)
    }
}

/// Splits `items[3].choices[0]` into `(3, "choices[0]")`.
fn item_field(field: &str) -> Option<(usize, &str)> {
    let rest = field.strip_prefix("items[")?;
    let (index, rest) = rest.split_once(']')?;
    let field = rest.strip_prefix('.').unwrap_or("-");
    Some((
        index.parse().ok()?,
        if field.is_empty() { "-" } else { field },
    ))
}

/// The input as `made_by` names it: the parent folder and the file name, which say which
/// file it was without recording where it sat on the importing machine.
fn shown(path: &Path) -> String {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
    let parent = path
        .parent()
        .and_then(Path::file_name)
        .map(|n| n.to_string_lossy().into_owned());
    match (parent, name) {
        (Some(parent), Some(name)) => format!("{parent}/{name}"),
        (None, Some(name)) => name,
        _ => path.display().to_string(),
    }
}
