//! `ethos serve` on a tiny model, driven by the official `openai` Python package.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test helpers may panic

use std::path::{Path, PathBuf};
use std::process::Command;

use ethos_model::tiny::TinyModel;

mod common;

use common::start_server;

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
    let (_server, url) = start_server(&model, Some("test-key"));
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

mod http_backend {
    use std::time::Duration;

    use ethos_core::Message;
    use ethos_model::template::CHATML_TEMPLATE;
    use ethos_model::{
        CandleModel, ChatTemplate, GenerationRequest, HttpConfig, HttpModel, LanguageModel,
        ModelError, SamplingParams, ScoreRequest,
    };

    use super::*;

    fn config(url: &str, api_key: Option<&str>) -> HttpConfig {
        let mut config = HttpConfig::from_spec(&format!("openai:{url}#tiny.gguf")).unwrap();
        config.api_key = api_key.map(str::to_string);
        config.backoff = Duration::from_millis(20);
        config.timeout = Duration::from_secs(30);
        config
    }

    fn ask(text: &str, seed: u64) -> GenerationRequest {
        GenerationRequest::chat(
            vec![Message::user(text)],
            SamplingParams {
                temperature: 1.0,
                max_tokens: 8,
                seed,
                n: 2,
                ..SamplingParams::default()
            },
        )
    }

    #[test]
    fn talks_to_ethos_serve_like_the_local_backend() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("tiny.gguf");
        TinyModel::default().write_gguf(&path).unwrap();
        let (_server, url) = start_server(&path, Some("k"));
        let local = CandleModel::load(&path).unwrap();
        let remote = HttpModel::new(config(&url, Some("k")))
            .unwrap()
            .with_template(ChatTemplate::new(CHATML_TEMPLATE, "", "").unwrap());
        let requests: Vec<GenerationRequest> =
            (0..5).map(|i| ask(&format!("question {i}"), i)).collect();
        let (a, b) = (
            local.generate(&requests).unwrap(),
            remote.generate(&requests).unwrap(),
        );
        for (x, y) in a.iter().zip(&b) {
            assert_eq!(x.prompt_tokens, y.prompt_tokens);
            for (cx, cy) in x.completions.iter().zip(&y.completions) {
                assert_eq!(cx.text, cy.text);
                assert_eq!(cx.finish_reason, cy.finish_reason);
                assert_eq!(cx.logprobs.len(), cy.logprobs.len());
            }
        }
        let score = |model: &dyn LanguageModel| {
            model
                .loglikelihood(&[ScoreRequest {
                    messages: vec![Message::user("q")],
                    continuation: "the answer".into(),
                }])
                .unwrap()
                .remove(0)
        };
        let (x, y) = (score(&local), score(&remote));
        assert_eq!(x.tokens, y.tokens);
        assert!(
            (x.logprob - y.logprob).abs() < 1e-3,
            "{} vs {}",
            x.logprob,
            y.logprob
        );

        let unauthorised = HttpModel::new(config(&url, Some("wrong"))).unwrap();
        let err = unauthorised.generate(&[ask("x", 0)]).unwrap_err();
        assert!(err.to_string().contains("401"), "{err}");
        assert!(
            err.to_string().contains("after 1 attempt"),
            "a 401 is not retried: {err}"
        );
    }

    fn fake_server(answers: Vec<Option<String>>) -> String {
        ethos_model::testing::scripted_server(answers, Duration::from_secs(3)).unwrap()
    }

    fn http(status: &str, body: &str) -> String {
        ethos_model::testing::http_response(status, body)
    }

    const OK_BODY: &str = r#"{"choices":[{"index":0,"message":{"role":"assistant","content":"hi"},"finish_reason":"stop","logprobs":null}],"usage":{"prompt_tokens":3,"completion_tokens":1,"total_tokens":4}}"#;

    fn one(text: &str) -> GenerationRequest {
        GenerationRequest::chat(
            vec![Message::user(text)],
            SamplingParams {
                max_tokens: 4,
                ..SamplingParams::default()
            },
        )
    }

    #[test]
    fn retries_429_and_5xx_then_succeeds() {
        let url = fake_server(vec![
            Some(http(
                "429 Too Many Requests",
                r#"{"error":{"message":"slow down"}}"#,
            )),
            Some(http("503 Service Unavailable", "busy")),
            Some(http("200 OK", OK_BODY)),
        ]);
        let model = HttpModel::new(config(&url, None)).unwrap();
        let out = model.generate(&[one("x")]).unwrap();
        assert_eq!(out[0].completions[0].text, "hi");
        assert_eq!(out[0].prompt_tokens, 3);
    }

    #[test]
    fn gives_up_after_the_retry_budget_with_the_last_error() {
        let url = fake_server(
            (0..3)
                .map(|_| Some(http("500 Internal Server Error", "boom")))
                .collect(),
        );
        let mut config = config(&url, None);
        config.max_retries = 2;
        let err = HttpModel::new(config)
            .unwrap()
            .generate(&[one("x")])
            .unwrap_err();
        assert!(matches!(err, ModelError::Http(_)));
        assert!(
            err.to_string().contains("500") && err.to_string().contains("after 3 attempts"),
            "{err}"
        );
    }

    #[test]
    fn malformed_and_off_schema_answers_are_errors_not_results() {
        let url = fake_server(vec![
            Some(http("200 OK", "not json at all")),
            Some(http("200 OK", r#"{"choices":[{"text":1}]}"#)),
        ]);
        let model = HttpModel::new(config(&url, None)).unwrap();
        let err = model.generate(&[one("x")]).unwrap_err();
        assert!(err.to_string().contains("malformed response"), "{err}");
        let err = model.generate(&[one("x")]).unwrap_err();
        assert!(err.to_string().contains("no `message.content`"), "{err}");
    }

    #[test]
    fn timeouts_are_retried_then_reported() {
        let url = fake_server(vec![None, None]);
        let mut config = config(&url, None);
        config.timeout = Duration::from_millis(300);
        config.max_retries = 1;
        let err = HttpModel::new(config)
            .unwrap()
            .generate(&[one("x")])
            .unwrap_err();
        assert!(err.to_string().contains("after 2 attempts"), "{err}");
    }

    #[test]
    fn bad_specs_are_rejected() {
        assert!(HttpConfig::from_spec("http://x/v1").is_err());
        assert!(HttpConfig::from_spec("openai:ftp://x#m").is_err());
        let config = HttpConfig::from_spec("openai:http://127.0.0.1:9/v1/#m").unwrap();
        assert_eq!(
            (config.base_url.as_str(), config.model.as_str()),
            ("http://127.0.0.1:9/v1", "m")
        );
    }
}
