//! `ethos serve` on a tiny model, driven by the official `openai` Python package.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test helpers may panic

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use ethos_model::tiny::TinyModel;

/// Kills the server when the test ends, however it ends.
struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn start_server(model: &Path, api_key: &str) -> (Server, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_ethos"))
        .args([
            "serve",
            "--model",
            model.to_str().unwrap(),
            "--port",
            "0",
            "--api-key",
            api_key,
        ])
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

/// A virtual environment with `openai` from the package index, kept in `target/`.
fn openai_python() -> Option<PathBuf> {
    let venv = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/openai-venv");
    let python = venv.join("bin/python");
    let ready = |python: &Path| {
        Command::new(python)
            .args(["-c", "import openai"])
            .output()
            .is_ok_and(|o| o.status.success())
    };
    if ready(&python) {
        return Some(python);
    }
    if Command::new("python3").arg("--version").output().is_err() {
        eprintln!("skipping: python3 is not installed");
        return None;
    }
    let status = Command::new("python3")
        .args(["-m", "venv"])
        .arg(&venv)
        .status()
        .unwrap();
    assert!(status.success(), "python3 -m venv failed");
    let status = Command::new(&python)
        .args([
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            "openai",
        ])
        .status()
        .unwrap();
    assert!(status.success(), "pip install openai failed");
    Some(python)
}

#[test]
fn the_openai_python_client_works_against_ethos_serve() {
    let Some(python) = openai_python() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let model = dir.path().join("tiny.gguf");
    TinyModel::default().write_gguf(&model).unwrap();
    let (_server, url) = start_server(&model, "test-key");
    let script =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/python/openai_client_check.py");
    let output = Command::new(python)
        .arg(script)
        .args([url.as_str(), "test-key"])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    println!("{stdout}");
    assert!(
        output.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(stdout.contains("8 passed, 0 failed"), "{stdout}");
}
