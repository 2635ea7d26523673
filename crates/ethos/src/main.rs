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

/// Keeps freed memory in glibc's heap for reuse instead of handing it back at once.
///
/// By default glibc serves blocks above a (dynamic, initially 128 KiB) threshold with
/// fresh `mmap`s and returns them on `free`, so every activation of a training step
/// arrived as new pages that the kernel had to clear: 12% of an update's time in `perf`.
/// Raising the threshold to 32 MiB (glibc's maximum) and the trim threshold to 1 GiB made
/// an update on the default model about a fifth faster. Tensors above 32 MiB (the
/// output-head logits) still come from `mmap`. A user's own `GLIBC_TUNABLES` is kept.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
#[allow(unsafe_code)]
fn tune_allocator() {
    if std::env::var_os("GLIBC_TUNABLES").is_none() {
        // SAFETY: mallopt only sets allocator parameters; it is called first thing in
        // `main`, before any other thread exists.
        unsafe {
            libc::mallopt(libc::M_MMAP_THRESHOLD, 32 << 20);
            libc::mallopt(libc::M_TRIM_THRESHOLD, 1 << 30);
        }
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn tune_allocator() {}

fn main() -> ExitCode {
    tune_allocator();
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
