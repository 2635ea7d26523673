//! Command-line flags, defined once.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

/// ethos: beneficial-trait reinforcement learning.
#[derive(Debug, Parser)]
#[command(name = "ethos", version, about, long_about = None)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// Top-level commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check and summarise catalogs, scenarios and tasks.
    #[command(subcommand)]
    Data(DataCommand),
}

/// `ethos data ...`
#[derive(Debug, Subcommand)]
pub enum DataCommand {
    /// Validate data files; exit 2 and list every problem (file, line, field) if any.
    Validate(DataArgs),
    /// Print statistics of valid data: grid coverage, multi-turn share, references, tasks.
    Stats(StatsArgs),
}

/// Where the data is.
#[derive(Debug, Args)]
pub struct DataArgs {
    /// Files or directories (searched recursively for traits.toml, domains.toml, *.jsonl).
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Catalog directory with traits.toml and domains.toml (default: one among PATHs, a
    /// `catalog/` folder above them, or the built-in catalog).
    #[arg(long, value_name = "DIR")]
    pub catalog: Option<PathBuf>,
    /// Most problems listed per file.
    #[arg(long, value_name = "N", default_value_t = ethos_core::dataset::DEFAULT_MAX_ERRORS_PER_FILE)]
    pub max_errors: usize,
}

/// `ethos data stats` flags.
#[derive(Debug, Args)]
pub struct StatsArgs {
    /// Where the data is.
    #[command(flatten)]
    pub data: DataArgs,
    /// Print a JSON object instead of a table.
    #[arg(long)]
    pub json: bool,
}
