//! Fixtures shared by the CLI integration tests.

#![allow(dead_code)] // each test binary uses a different part

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};

/// Kills the server when the test ends, however it ends.
pub struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Starts `ethos serve --port 0` on `model` and returns it with its base URL (`.../v1`).
pub fn start_server(model: &Path, api_key: Option<&str>) -> (Server, String) {
    let mut command = Command::new(env!("CARGO_BIN_EXE_ethos"));
    command.args(["serve", "--model", model.to_str().unwrap(), "--port", "0"]);
    if let Some(key) = api_key {
        command.args(["--api-key", key]);
    }
    let mut child = command
        .env_remove("ETHOS_API_KEY")
        .stderr(Stdio::piped())
        .spawn()
        .expect("start ethos serve");
    let stderr = child.stderr.take().unwrap();
    let server = Server(child);
    for line in BufReader::new(stderr).lines() {
        let line = line.unwrap();
        if let Some(url) = line.strip_prefix("ethos: listening on ") {
            return (server, url.to_string());
        }
    }
    panic!("ethos serve exited before listening");
}

/// Runs the `ethos` binary with `args`.
pub fn ethos(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_ethos"))
        .args(args)
        .output()
        .expect("run ethos")
}
