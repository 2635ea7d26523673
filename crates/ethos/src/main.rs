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

/// Keeps freed memory in the process for reuse instead of handing it back to the kernel.
///
/// A training step allocates gigabytes of activations, frees them, and allocates them
/// again for the next micro-batch. By default glibc serves blocks above 128 KiB-32 MiB
/// with fresh `mmap`s and trims its heap on `free`, so every micro-batch arrived as new
/// pages that the kernel had to fault in and clear. On a virtual machine that first touch
/// is very slow: on the 2-vCPU Intel host of 2026-12-04 the first policy forward of an
/// update (1016 positions) took 14.3 s against 3.3 s for the same forward once the pages
/// were the process's own (`update_profile`), and `perf` put 30% of an update in the
/// kernel's `clear_page`. So: no `mmap` for allocations (`M_MMAP_MAX` 0) and no trimming
/// (`M_TRIM_THRESHOLD` -1). Peak resident memory is unchanged; memory freed after the
/// peak is kept until the process ends. A user's own `GLIBC_TUNABLES` is kept.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
#[allow(unsafe_code)]
fn tune_allocator() {
    if std::env::var_os("GLIBC_TUNABLES").is_none() {
        // SAFETY: mallopt only sets allocator parameters; it is called first thing in
        // `main`, before any other thread exists.
        unsafe {
            libc::mallopt(libc::M_MMAP_MAX, 0);
            libc::mallopt(libc::M_TRIM_THRESHOLD, -1);
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
