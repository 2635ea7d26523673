//! Fixtures shared by the CLI integration tests.

#![allow(dead_code)] // each test binary uses a different part
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use ethos_model::tiny::TinyModel;

/// The repository root (for the shipped data).
pub fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Process output as text.
pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Writes `dir/tiny.gguf` (a tiny random model with a context long enough for the shipped
/// scenarios) and `dir/tasks/lowercase.jsonl` (six tasks `lc-0`..`lc-5`).
pub fn tiny_model_and_tasks(dir: &Path) {
    TinyModel {
        context: 2048,
        ..TinyModel::default()
    }
    .write_gguf(&dir.join("tiny.gguf"))
    .unwrap();
    let tasks: String = (0..6)
        .map(|i| format!("{{\"id\": \"lc-{i}\", \"kind\": \"lowercase\", \"messages\": [{{\"role\": \"user\", \"content\": \"say thing {i} in lowercase\"}}], \"params\": {{\"min_words\": 1}}}}\n"))
        .collect();
    std::fs::create_dir_all(dir.join("tasks")).unwrap();
    std::fs::write(dir.join("tasks/lowercase.jsonl"), tasks).unwrap();
}

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
