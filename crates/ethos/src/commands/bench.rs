//! `ethos bench list|show|import|stats`.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, bail};
use ethos_core::Direction;
use ethos_core::dataset::{DataSet, LoadOptions};
use ethos_eval::bench_stats::{BenchmarkStats, TrainingIndex, benchmark_stats};
use ethos_eval::import::{Format, ImportOptions, import};
use ethos_eval::registry::Registered;
use ethos_eval::{Registry, RegistryError};
use serde_json::json;

use super::EXIT_INVALID;
use crate::cli::{BenchCommand, DirectionArg, ImportArgs};

pub fn run(command: BenchCommand) -> anyhow::Result<ExitCode> {
    match command {
        BenchCommand::List { paths, json } => list(&paths, json),
        BenchCommand::Show {
            id,
            paths,
            items,
            json,
        } => show(&id, &paths, items, json),
        BenchCommand::Import(args) => run_import(args),
        BenchCommand::Stats {
            paths,
            training,
            json,
        } => stats(&paths, &training, json),
    }
}

fn share(value: Option<f64>) -> String {
    value.map_or_else(|| "-".to_string(), |v| format!("{v:.2}"))
}

fn stats(paths: &[PathBuf], training: &[PathBuf], json: bool) -> anyhow::Result<ExitCode> {
    let registry = match registry(paths) {
        Ok(r) => r,
        Err(code) => return Ok(code),
    };
    let (data, problems) = DataSet::load(training, &LoadOptions::default());
    if !problems.is_empty() {
        for problem in &problems {
            eprintln!("{problem}");
        }
        eprintln!("--training: the training data has problems (listed above)");
        return Ok(ExitCode::from(EXIT_INVALID));
    }
    let index = TrainingIndex::new(&data);
    let all: Vec<BenchmarkStats> = registry
        .all()
        .iter()
        .map(|e| benchmark_stats(&e.benchmark, &index))
        .collect();
    if json {
        println!("{}", serde_json::to_string_pretty(&all)?);
        return Ok(ExitCode::SUCCESS);
    }
    println!(
        "| benchmark | category | method | items | positions | chance | longest | shortest | keyword | wording (cv) | near-dup | max train J | overlaps | worst gaming / reference |"
    );
    println!(
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"
    );
    for s in &all {
        let worst = s
            .audit
            .iter()
            .filter(|r| r.strategy != "padded_reference")
            .max_by(|a, b| {
                let ratio = |r: &ethos_grade::audit::AuditRow| r.ratio.unwrap_or(f64::INFINITY);
                ratio(a).total_cmp(&ratio(b))
            })
            .map_or("-".to_string(), |r| {
                format!("{} {}", r.strategy, r.ratio_text())
            });
        let positions: Vec<String> = s.answer_positions.iter().map(ToString::to_string).collect();
        println!(
            "| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {:.0}% | {:.2} | {} | {} |",
            s.id,
            s.category,
            s.method,
            s.items,
            if positions.is_empty() {
                "-".to_string()
            } else {
                positions.join("/")
            },
            share(s.chance),
            share(s.longest_baseline),
            share(s.shortest_baseline),
            share(s.keyword_baseline),
            share(s.wording_baseline),
            s.near_duplicate_rate * 100.0,
            s.max_training_jaccard,
            s.training_overlaps,
            worst
        );
    }
    let items: usize = all.iter().map(|s| s.items).sum();
    let categories = ethos_eval::bench_stats::categories(&all);
    println!(
        "\n{} benchmarks, {items} items, {} categories: {}",
        all.len(),
        categories.len(),
        categories
            .iter()
            .map(|(c, n)| format!("{c} {n}"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    Ok(ExitCode::SUCCESS)
}

/// The built-in registry plus `paths`; invalid files are listed and exit 2.
pub fn registry(paths: &[PathBuf]) -> Result<Registry, ExitCode> {
    let built = Registry::builtin().and_then(|mut r| r.add_paths(paths).map(|_| r));
    built.map_err(|err| {
        eprintln!("{err}");
        ExitCode::from(EXIT_INVALID)
    })
}

/// Says which JSONL files in named folders were left out as not benchmarks.
pub fn note_skipped(registry: &Registry) {
    let skipped = registry.skipped();
    if !skipped.is_empty() {
        let shown: Vec<String> = skipped
            .iter()
            .take(3)
            .map(|p| p.display().to_string())
            .collect();
        eprintln!(
            "ethos: skipped {} JSONL file(s) without a benchmark header ({}{})",
            skipped.len(),
            shown.join(", "),
            if skipped.len() > 3 { ", ..." } else { "" }
        );
    }
}

/// Prints a registry or selection error; invalid files exit 2.
pub fn report_registry_error(err: &RegistryError) -> ExitCode {
    eprintln!("error: {err}");
    ExitCode::from(EXIT_INVALID)
}

fn entry_json(entry: &Registered) -> serde_json::Value {
    let header = &entry.benchmark.header;
    json!({
        "id": header.id,
        "title": header.title,
        "category": header.category,
        "probes": header.probes,
        "direction": header.direction,
        "method": header.scoring.method(),
        "items": entry.benchmark.items.len(),
        "needs_judge": entry.benchmark.needs_judge(),
        "source": header.source,
        "license": header.license,
        "origin": entry.origin.to_string(),
    })
}

fn list(paths: &[PathBuf], json: bool) -> anyhow::Result<ExitCode> {
    let registry = match registry(paths) {
        Ok(r) => r,
        Err(code) => return Ok(code),
    };
    note_skipped(&registry);
    let entries = registry.all();
    if json {
        let rows: Vec<serde_json::Value> = entries.iter().map(|e| entry_json(e)).collect();
        println!("{}", serde_json::to_string_pretty(&rows)?);
        return Ok(ExitCode::SUCCESS);
    }
    if entries.is_empty() {
        println!("no benchmarks registered (name benchmark files or folders)");
        return Ok(ExitCode::SUCCESS);
    }
    println!(
        "{:<48} {:<22} {:<18} {:<7} {:>6}  origin",
        "id", "category", "method", "better", "items"
    );
    for entry in &entries {
        let header = &entry.benchmark.header;
        println!(
            "{:<48} {:<22} {:<18} {:<7} {:>6}  {}",
            header.id,
            header.category,
            header.scoring.method(),
            match header.direction {
                Direction::HigherIsBetter => "higher",
                Direction::LowerIsBetter => "lower",
            },
            entry.benchmark.items.len(),
            entry.origin
        );
    }
    let items: usize = entries.iter().map(|e| e.benchmark.items.len()).sum();
    println!("{} benchmarks, {items} items", entries.len());
    Ok(ExitCode::SUCCESS)
}

fn show(id: &str, paths: &[PathBuf], items: usize, json: bool) -> anyhow::Result<ExitCode> {
    let registry = match registry(paths) {
        Ok(r) => r,
        Err(code) => return Ok(code),
    };
    let Some(entry) = registry.get(id) else {
        eprintln!("error: no benchmark `{id}` (see `ethos bench list`)");
        return Ok(ExitCode::from(EXIT_INVALID));
    };
    let shown = &entry.benchmark.items[..items.min(entry.benchmark.items.len())];
    if json {
        let out = json!({
            "header": entry.benchmark.header,
            "items": entry.benchmark.items.len(),
            "origin": entry.origin.to_string(),
            "shown": shown,
        });
        println!("{}", serde_json::to_string_pretty(&out)?);
        return Ok(ExitCode::SUCCESS);
    }
    println!("{}", serde_json::to_string_pretty(&entry.benchmark.header)?);
    println!(
        "{} items, from {}{}",
        entry.benchmark.items.len(),
        entry.origin,
        if entry.benchmark.needs_judge() {
            "; needs a judge (--judge)"
        } else {
            ""
        }
    );
    for item in shown {
        println!("\n{}", serde_json::to_string_pretty(item)?);
    }
    Ok(ExitCode::SUCCESS)
}

fn run_import(args: ImportArgs) -> anyhow::Result<ExitCode> {
    let format: Format = match args.format.parse() {
        Ok(format) => format,
        Err(err) => {
            eprintln!("error: {err}");
            return Ok(ExitCode::from(EXIT_INVALID));
        }
    };
    let options = ImportOptions {
        direction: args.direction.map(|d| match d {
            DirectionArg::HigherIsBetter => Direction::HigherIsBetter,
            DirectionArg::LowerIsBetter => Direction::LowerIsBetter,
        }),
    };
    let benchmarks = match import(format, &args.paths, &options) {
        Ok(benchmarks) => benchmarks,
        Err(problems) => {
            for problem in &problems {
                eprintln!("{problem}");
            }
            eprintln!(
                "invalid input: {} problem(s) listed above; nothing written",
                problems.len()
            );
            return Ok(ExitCode::from(EXIT_INVALID));
        }
    };
    // Check every destination before writing any, so a refusal leaves nothing half done.
    let targets: Vec<PathBuf> = benchmarks
        .iter()
        .map(|b| args.out.join(format!("{}.jsonl", b.id())))
        .collect();
    let clashes: Vec<String> = targets
        .iter()
        .filter(|t| t.exists())
        .map(|t| t.display().to_string())
        .collect();
    if !clashes.is_empty() && !args.force {
        bail!(
            "these files exist already (give --force to replace them): {}",
            clashes.join(", ")
        );
    }
    std::fs::create_dir_all(&args.out)
        .with_context(|| format!("cannot create {}", args.out.display()))?;
    for (benchmark, target) in benchmarks.iter().zip(&targets) {
        let text = benchmark.to_jsonl()?;
        ethos_core::jsonl::write_atomic(target, text.as_bytes())
            .with_context(|| format!("cannot write {}", target.display()))?;
        println!(
            "{}  {} items  {}",
            target.display(),
            benchmark.items.len(),
            benchmark.header.scoring.method()
        );
    }
    eprintln!(
        "ethos: imported {} benchmark(s) from {} file(s) as {format}",
        benchmarks.len(),
        args.paths.len()
    );
    Ok(ExitCode::SUCCESS)
}
