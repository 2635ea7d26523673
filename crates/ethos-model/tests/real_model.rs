//! Checks on the real default model. They read `ETHOS_TEST_MODEL` (default
//! `../shared/models/SmolLM2-135M-Instruct.Q4_1.gguf` beside the repository) and skip,
//! saying why, when the file is absent.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test helpers may panic

use std::path::PathBuf;
use std::sync::OnceLock;

use ethos_core::Message;
use ethos_model::{
    CandleModel, GenerationRequest, GgufFile, LanguageModel, SamplingParams, TextTokenizer,
};

fn model_path() -> Option<PathBuf> {
    ethos_model::tiny::real_test_model()
}

fn model() -> Option<&'static CandleModel> {
    static MODEL: OnceLock<Option<CandleModel>> = OnceLock::new();
    MODEL
        .get_or_init(|| model_path().map(|p| CandleModel::load(&p).unwrap()))
        .as_ref()
}

#[test]
fn tokenizer_matches_llama_cpp_on_the_corpus() {
    let Some(path) = model_path() else { return };
    let tokenizer = TextTokenizer::from_gguf(&GgufFile::open(&path).unwrap()).unwrap();
    let fixture = include_str!("fixtures/llamacpp_tokens.jsonl");
    let mut checked = 0;
    for line in fixture.lines() {
        let record: serde_json::Value = serde_json::from_str(line).unwrap();
        let text = record["text"].as_str().unwrap();
        let expected: Vec<u32> = serde_json::from_value(record["ids"].clone()).unwrap();
        assert_eq!(tokenizer.encode(text).unwrap(), expected, "text: {text:?}");
        checked += 1;
    }
    assert!(checked > 250, "{checked}");
}

#[test]
fn greedy_answer_names_paris() {
    let Some(model) = model() else { return };
    let request = GenerationRequest {
        prompt: ethos_model::Prompt::Chat(vec![Message::user(
            "What is the capital city of France? Answer in one word.",
        )]),
        params: SamplingParams {
            temperature: 0.0,
            max_tokens: 16,
            ..SamplingParams::default()
        },
    };
    let out = model.generate(&[request]).unwrap();
    let completion = &out[0].completions[0];
    // llama.cpp, greedy, same file: "The capital city of France is Paris."
    assert_eq!(completion.text, "The capital city of France is Paris.");
    assert_eq!(completion.finish_reason, ethos_model::FinishReason::Stop);
    assert!(
        completion
            .logprobs
            .iter()
            .all(|l| *l <= 0.0 && l.is_finite())
    );
}

#[test]
fn batching_does_not_change_a_greedy_answer() {
    let Some(model) = model() else { return };
    let ask = |q: &str| GenerationRequest {
        prompt: ethos_model::Prompt::Chat(vec![Message::user(q)]),
        params: SamplingParams {
            temperature: 0.0,
            max_tokens: 12,
            ..SamplingParams::default()
        },
    };
    let alone = model.generate(&[ask("Name a primary colour.")]).unwrap();
    let batched = model
        .generate(&[
            ask("Write one sentence about the history of the bicycle in Europe."),
            ask("Name a primary colour."),
        ])
        .unwrap();
    // Bit-for-bit: the fused attention visits only a row's own keys, and the matrix
    // products (f32 and Q8_0) treat rows independently.
    assert_eq!(
        alone[0].completions[0].token_ids,
        batched[1].completions[0].token_ids
    );
    assert_eq!(
        alone[0].completions[0].logprobs,
        batched[1].completions[0].logprobs
    );
}
