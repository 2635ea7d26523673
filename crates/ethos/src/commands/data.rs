//! `ethos data validate` and `ethos data stats`.

use std::collections::BTreeSet;
use std::process::ExitCode;

use ethos_core::dataset::{CatalogSource, DataSet, LoadOptions};
use ethos_core::{DataStats, Diagnostic};

use super::EXIT_INVALID;
use crate::cli::{DataArgs, DataCommand};

pub fn run(command: DataCommand) -> anyhow::Result<ExitCode> {
    match command {
        DataCommand::Validate(args) => {
            let (data, problems) = load(&args);
            if !problems.is_empty() {
                return Ok(report_problems(&problems));
            }
            println!("{}", summary_line(&data));
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
