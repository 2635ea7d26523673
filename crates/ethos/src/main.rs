//! The `ethos` command-line interface: parses flags and hands work to the library crates.

mod cli;
mod commands;

use std::process::ExitCode;

use clap::Parser;

/// Pins candle's thread count before any thread starts.
///
/// When `RAYON_NUM_THREADS` is unset, candle asks for the number of physical cores on
/// every parallel operation, which on Linux re-parses `/proc/cpuinfo` each time: a few
/// percent of a decode step on the default model. Setting the variable once makes that a
/// cheap lookup. An explicit setting by the user is kept.
#[allow(unsafe_code)]
fn pin_thread_count() {
    if std::env::var_os("RAYON_NUM_THREADS").is_none() {
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
        // SAFETY: called first thing in `main`, before any other thread exists, so no
        // thread can be reading the environment concurrently.
        unsafe { std::env::set_var("RAYON_NUM_THREADS", threads.to_string()) };
    }
}

fn main() -> ExitCode {
    pin_thread_count();
    let cli = cli::Cli::parse();
    match commands::run(cli) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("error: {err:#}");
            ExitCode::FAILURE
        }
    }
}
