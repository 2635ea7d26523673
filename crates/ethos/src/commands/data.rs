//! `ethos data validate` and `ethos data stats`.

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::process::ExitCode;

use ethos_core::dataset::{CatalogSource, DataSet, LoadOptions};
use ethos_core::{DataStats, Diagnostic};
use ethos_eval::bench_stats::{TrainingIndex, near_duplicate_rate, separation_problems};
use ethos_eval::{Registry, RegistryError};

use super::EXIT_INVALID;
use crate::cli::{DataArgs, DataCommand};

pub fn run(command: DataCommand) -> anyhow::Result<ExitCode> {
    match command {
        DataCommand::Validate(args) => {
            let (data, mut problems) = load(&args);
            let benchmarks = if problems.is_empty() {
                check_benchmarks(&args.paths, &data, &mut problems)
            } else {
                None
            };
            if !problems.is_empty() {
                return Ok(report_problems(&problems));
            }
            println!("{}", summary_line(&data));
            if let Some(line) = benchmarks {
                println!("{line}");
            }
            Ok(ExitCode::SUCCESS)
        }
        DataCommand::Stats(args) => {
            let (data, problems) = load(&args.data);
            if !problems.is_empty() {
                eprintln!("the data is not valid; statistics are only computed on valid data");
                return Ok(report_problems(&problems));
            }
            let stats = DataStats::of(&data);
            if args.json {
                println!("{}", serde_json::to_string_pretty(&stats)?);
            } else {
                print!("{stats}");
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn load(args: &DataArgs) -> (DataSet, Vec<Diagnostic>) {
    let options = LoadOptions {
        catalog_dir: args.catalog.clone(),
        max_errors_per_file: args.max_errors.max(1),
    };
    DataSet::load(&args.paths, &options)
}

fn report_problems(problems: &[Diagnostic]) -> ExitCode {
    for problem in problems {
        eprintln!("{problem}");
    }
    let files: BTreeSet<_> = problems.iter().map(|p| &p.file).collect();
    eprintln!(
        "invalid: problems in {} of the files read (listed above)",
        files.len()
    );
    ExitCode::from(EXIT_INVALID)
}

/// Benchmark folders (`benchmarks/` in a data tree, or a folder so named) among `paths`:
/// their files must parse and their items must not repeat the training data. Returns a
/// summary line when there were any.
fn check_benchmarks(
    paths: &[PathBuf],
    data: &DataSet,
    problems: &mut Vec<Diagnostic>,
) -> Option<String> {
    let folders: Vec<PathBuf> = paths
        .iter()
        .filter(|p| p.is_dir())
        .map(|p| {
            if p.file_name().is_some_and(|n| n == "benchmarks") {
                p.clone()
            } else {
                p.join("benchmarks")
            }
        })
        .filter(|p| p.is_dir())
        .collect();
    if folders.is_empty() {
        return None;
    }
    let mut registry = Registry::default();
    if let Err(err) = registry.add_paths(&folders) {
        match err {
            RegistryError::Invalid(found) => problems.extend(found),
            other => problems.push(Diagnostic::file(&folders[0], other.to_string())),
        }
        return None;
    }
    let training = TrainingIndex::new(data);
    let mut worst: Option<(f64, String)> = None;
    let entries = registry.all();
    for entry in &entries {
        problems.extend(separation_problems(&entry.benchmark, &training));
        let rate = near_duplicate_rate(&entry.benchmark);
        if worst.as_ref().is_none_or(|w| rate > w.0) {
            worst = Some((rate, entry.benchmark.id().to_string()));
        }
    }
    let items: usize = entries.iter().map(|e| e.benchmark.items.len()).sum();
    Some(format!(
        "benchmarks: {} ({items} items), none repeating a training item; highest near-duplicate rate {}",
        entries.len(),
        worst.map_or("-".to_string(), |(rate, id)| format!(
            "{:.0}% ({id})",
            rate * 100.0
        ))
    ))
}

fn summary_line(data: &DataSet) -> String {
    let catalog = match &data.catalog_source {
        CatalogSource::Dir(dir) => dir.display().to_string(),
        CatalogSource::Builtin => "built-in".to_string(),
    };
    let stats = DataStats::of(data);
    format!(
        "ok: {} files; catalog {} ({} traits, {} domains); {} scenarios ({} train, {} heldout); {} tasks in {} kinds",
        data.files.len(),
        catalog,
        stats.traits,
        stats.domains,
        data.scenarios.len(),
        stats.scenarios.train,
        stats.scenarios.heldout,
        stats.tasks.total,
        stats.tasks.kinds
    )
}
