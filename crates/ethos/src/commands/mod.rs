//! One module per command group; each turns parsed flags into library calls.

mod attack;
mod bench;
mod compare;
mod data;
mod eval;
mod export;
mod grade;
mod model;
mod report;
mod run;
mod train;

use std::process::ExitCode;

use crate::cli::{Cli, Command};

/// Exit status for invalid input data (usage errors also exit 2, via clap).
pub const EXIT_INVALID: u8 = 2;

/// Runs the parsed command.
pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Data(command) => data::run(command),
        Command::Model(command) => model::run_model(command),
        Command::Generate(args) => model::run_generate(args),
        Command::Score(args) => model::run_score(args),
        Command::Serve(args) => model::run_serve(args),
        Command::Grade(command) => grade::run(command),
        Command::Train(args) => train::run(args),
        Command::Compare(args) => compare::run(args),
        Command::Bench(command) => bench::run(command),
        Command::Eval(command) => eval::run(command),
        Command::Attack(command) => attack::run(command),
        Command::Run(args) => run::run(args),
        Command::Report(args) => report::run(args),
        Command::Export(args) => export::run_export(args),
        Command::ServeReward(args) => export::run_serve_reward(args),
    }
}
