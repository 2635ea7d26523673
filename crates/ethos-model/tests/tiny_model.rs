//! The candle backend on tiny random models written to real GGUF files.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test helpers may panic

use std::path::{Path, PathBuf};

use candle_core::quantized::GgmlDType;
use candle_core::{Device, Tensor};
use ethos_core::Message;
use ethos_model::llama::{Cache, Logits, Precision};
use ethos_model::tiny::TinyModel;
use ethos_model::{
    CandleModel, GenerationRequest, GgufFile, LanguageModel, LoadOptions, ModelError,
    SamplingParams, ScoreRequest,
};

fn write(dir: &Path, name: &str, tiny: &TinyModel) -> PathBuf {
    let path = dir.join(name);
    tiny.write_gguf(&path).unwrap();
    path
}

/// The tiny model with Q8_0 decoding on, whatever this CPU prefers, so that the int8
/// path is tested everywhere.
fn tiny_model() -> (tempfile::TempDir, CandleModel) {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "tiny.gguf", &TinyModel::default());
    let model = CandleModel::load_with(
        &path,
        LoadOptions {
            int8_decode: true,
            ..LoadOptions::default()
        },
    )
    .unwrap();
    (dir, model)
}

fn request(text: &str, temperature: f32, seed: u64, n: usize) -> GenerationRequest {
    GenerationRequest {
        prompt: ethos_model::Prompt::Chat(vec![Message::user(text)]),
        params: SamplingParams {
            temperature,
            max_tokens: 12,
            seed,
            n,
            ..Default::default()
        },
    }
}

#[test]
fn loads_and_describes_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "tiny.gguf", &TinyModel::default());
    let info = GgufFile::open(&path).unwrap().info();
    assert_eq!(info.architecture, "llama");
    assert_eq!(info.context_length, Some(256));
    assert_eq!(info.vocab_size, Some(262));
    assert_eq!(info.quantization[0], "F32");
    assert!(info.chat_template.unwrap().contains("<|im_start|>"));
}

#[test]
fn quantised_files_load_too() {
    let dir = tempfile::tempdir().unwrap();
    let exact = CandleModel::load(&write(dir.path(), "f32.gguf", &TinyModel::default())).unwrap();
    let prompt = exact.prompt_tokens(&[Message::user("hi")]).unwrap();
    let continuation: Vec<u32> = vec![258, 100, 42, 7, 200];
    let reference = exact
        .score_tokens(&[(prompt.clone(), continuation.clone())])
        .unwrap()[0]
        .logprob;
    // Storage precision changes the numbers a little, never a lot: dequantisation is right.
    for (dtype, tolerance) in [(GgmlDType::F16, 0.01), (GgmlDType::Q8_0, 0.2)] {
        let tiny = TinyModel {
            dtype,
            ..TinyModel::default()
        };
        let model = CandleModel::load(&write(dir.path(), "q.gguf", &tiny)).unwrap();
        let score = model
            .score_tokens(&[(prompt.clone(), continuation.clone())])
            .unwrap()[0]
            .logprob;
        assert!(
            (score - reference).abs() < tolerance,
            "{dtype:?}: {score} vs {reference}"
        );
        if dtype == GgmlDType::Q8_0 {
            assert_ne!(score, reference, "Q8_0 really quantises");
        }
        model.generate(&[request("hi", 0.0, 0, 1)]).unwrap();
    }
}

#[test]
fn tokenizer_round_trips_and_knows_special_tokens() {
    let (_dir, model) = tiny_model();
    let tokenizer = model.tokenizer().unwrap();
    let text = "the théâtre 🎭\n\tcode();";
    let ids = tokenizer.encode(text).unwrap();
    assert_eq!(tokenizer.decode(&ids).unwrap(), text);
    assert_eq!(tokenizer.encode(" the").unwrap(), vec![258], "merges apply");
    let split = tokenizer.encode("é🎭").unwrap();
    let bytes: Vec<u8> = split
        .iter()
        .flat_map(|&id| tokenizer.token_bytes(id).unwrap())
        .collect();
    assert_eq!(
        bytes,
        "é🎭".as_bytes(),
        "token bytes add up even where pieces split characters"
    );
    assert!(
        split
            .iter()
            .any(|&id| tokenizer.piece(id).unwrap() == "\u{FFFD}")
    );
    let chat = tokenizer.encode("<|im_start|>user").unwrap();
    assert_eq!(chat[0], 260, "special tokens are single ids");
}

#[test]
fn greedy_generation_is_deterministic_and_seeds_matter_when_sampling() {
    let (_dir, model) = tiny_model();
    let greedy = || {
        model
            .generate(&[request("hello there", 0.0, 0, 1)])
            .unwrap()
    };
    assert_eq!(greedy(), greedy());
    let sampled = |seed| {
        model
            .generate(&[request("hello there", 1.0, seed, 3)])
            .unwrap()
    };
    let a = sampled(7);
    assert_eq!(a, sampled(7), "same seed, same completions");
    assert_ne!(a, sampled(8), "another seed, other completions");
    let texts: Vec<&str> = a[0].completions.iter().map(|c| c.text.as_str()).collect();
    assert!(
        texts[0] != texts[1] || texts[1] != texts[2],
        "the n completions use different streams: {texts:?}"
    );
}

#[test]
fn a_sequence_does_not_depend_on_the_rest_of_the_batch() {
    let (_dir, model) = tiny_model();
    let short = request("hi", 1.0, 3, 2);
    let long = request(
        "a much longer prompt that forces left padding of the short one",
        0.0,
        0,
        1,
    );
    let alone = model.generate(std::slice::from_ref(&short)).unwrap();
    let together = model.generate(&[long.clone(), short, long]).unwrap();
    // Bit for bit on the default path (Q8_0 products treat rows independently, and the
    // fused attention visits only a row's own keys).
    assert_eq!(alone[0], together[1]);
    assert_eq!(together[0], together[2]);
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "tiny.gguf", &TinyModel::default());
    let exact = CandleModel::load_with(&path, LoadOptions::exact()).unwrap();
    let short = request("hi", 1.0, 3, 2);
    let long = request("another, longer prompt to pad against", 0.0, 0, 1);
    let alone = exact.generate(std::slice::from_ref(&short)).unwrap();
    let together = exact.generate(&[long, short]).unwrap();
    // The f32 GEMM may group a sum differently for another row count: same tokens,
    // log-probs equal to rounding.
    for (a, b) in alone[0].completions.iter().zip(&together[1].completions) {
        assert_eq!(a.token_ids, b.token_ids);
        for (x, y) in a.logprobs.iter().zip(&b.logprobs) {
            assert!((x - y).abs() < 1e-4, "logprob {x} vs {y}");
        }
    }
}

#[test]
fn cached_decoding_matches_a_full_forward_pass() {
    let (_dir, model) = tiny_model();
    let llama = model.llama();
    let device = Device::Cpu;
    let tokens: Vec<u32> = vec![5, 77, 258, 100, 3, 42, 9, 200];
    let t = tokens.len();
    let full = {
        let input = Tensor::from_vec(tokens.clone(), (1, t), &device).unwrap();
        let positions = Tensor::arange(0u32, t as u32, &device)
            .unwrap()
            .reshape((1, t))
            .unwrap();
        let mut cache = Cache::new(llama.config(), t);
        llama
            .forward(
                &input,
                &positions,
                &[0],
                &mut cache,
                Logits::All,
                Precision::Exact,
            )
            .unwrap()
    };
    let mut cache = Cache::new(llama.config(), t);
    for (i, &token) in tokens.iter().enumerate() {
        let input = Tensor::from_vec(vec![token], (1, 1), &device).unwrap();
        let positions = Tensor::from_vec(vec![i as u32], (1, 1), &device).unwrap();
        let step = llama
            .forward(
                &input,
                &positions,
                &[0],
                &mut cache,
                Logits::Last,
                Precision::Exact,
            )
            .unwrap();
        let expected = full.get(0).unwrap().get(i).unwrap();
        let diff = (step.squeeze(0).unwrap() - expected)
            .unwrap()
            .abs()
            .unwrap()
            .max(0)
            .unwrap()
            .to_scalar::<f32>()
            .unwrap();
        assert!(diff < 1e-4, "position {i}: max |diff| {diff}");
    }
}

#[test]
fn loglikelihood_agrees_with_generation_logprobs() {
    // With exact decoding, generation and scoring multiply the same f32 weights.
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "tiny.gguf", &TinyModel::default());
    let model = CandleModel::load_with(&path, LoadOptions::exact()).unwrap();
    let out = model.generate(&[request("score me", 0.0, 0, 1)]).unwrap();
    let completion = &out[0].completions[0];
    let prompt = model.prompt_tokens(&[Message::user("score me")]).unwrap();
    assert!(!completion.token_ids.is_empty());
    let score = model
        .score_tokens(&[(prompt, completion.token_ids.clone())])
        .unwrap();
    let sum: f64 = completion.logprobs.iter().map(|&l| f64::from(l)).sum();
    assert!(
        (score[0].logprob - sum).abs() < 1e-3,
        "{} vs {sum}",
        score[0].logprob
    );
    assert!(
        score[0].is_greedy,
        "greedy tokens are the argmax at every step"
    );
    let scores = model
        .loglikelihood(&[
            ScoreRequest {
                messages: vec![Message::user("q")],
                continuation: " the".into(),
            },
            ScoreRequest {
                messages: vec![Message::user("a longer question")],
                continuation: " the end".into(),
            },
        ])
        .unwrap();
    assert_eq!(scores[0].tokens, 1);
    assert!(
        scores
            .iter()
            .all(|s| s.logprob < 0.0 && s.logprob.is_finite())
    );
}

#[test]
fn int8_decoding_stays_close_to_the_exact_weights() {
    // Decoding with Q8_0 copies of the weights; scoring uses the f32 weights.
    let (_dir, model) = tiny_model();
    let mut req = request("tell me something", 0.0, 0, 1);
    req.params.max_tokens = 24;
    let out = model.generate(&[req]).unwrap();
    let completion = &out[0].completions[0];
    let prompt = model
        .prompt_tokens(&[Message::user("tell me something")])
        .unwrap();
    let exact = model
        .score_tokens(&[(prompt, completion.token_ids.clone())])
        .unwrap();
    let diffs: Vec<f32> = completion
        .logprobs
        .iter()
        .zip(&exact[0].token_logprobs)
        .map(|(a, b)| (a - b).abs())
        .collect();
    assert_eq!(diffs.len(), completion.token_ids.len());
    let max = diffs.iter().copied().fold(0.0, f32::max);
    // The first token comes from the exact prompt pass; later ones from int8 products,
    // which differ a little but not much.
    assert!(diffs[0] < 1e-4, "first token {}", diffs[0]);
    assert!(
        diffs.len() > 1 && diffs[1..].iter().any(|&d| d > 0.0),
        "int8 path not used"
    );
    assert!(max < 0.05, "per-token |diff| up to {max}: {diffs:?}");
}

#[test]
fn stop_strings_and_max_tokens_end_generation() {
    let (_dir, model) = tiny_model();
    let mut req = request("tell me", 1.0, 1, 1);
    req.params.max_tokens = 5;
    let out = model.generate(std::slice::from_ref(&req)).unwrap();
    let c = &out[0].completions[0];
    assert!(c.token_ids.len() <= 5);
    if c.token_ids.len() == 5 {
        assert_eq!(c.finish_reason, ethos_model::FinishReason::Length);
    }
    // Stop at the first character the unconstrained run produced.
    if let Some(first) = c.text.chars().next() {
        req.params.stop = vec![first.to_string()];
        let stopped = model.generate(&[req]).unwrap();
        assert_eq!(stopped[0].completions[0].text, "");
        assert_eq!(
            stopped[0].completions[0].finish_reason,
            ethos_model::FinishReason::Stop
        );
    }
}

#[test]
fn bad_model_files_give_clear_errors() {
    let dir = tempfile::tempdir().unwrap();
    let missing = CandleModel::load(&dir.path().join("nope.gguf"))
        .err()
        .unwrap();
    assert!(matches!(missing, ModelError::Io { .. }), "{missing}");

    let good = write(dir.path(), "good.gguf", &TinyModel::default());
    let bytes = std::fs::read(&good).unwrap();
    let truncated = dir.path().join("truncated.gguf");
    std::fs::write(&truncated, &bytes[..bytes.len() / 2]).unwrap();
    let err = CandleModel::load(&truncated).err().unwrap();
    assert!(err.to_string().contains("truncated.gguf"), "{err}");

    let corrupt = dir.path().join("corrupt.gguf");
    std::fs::write(&corrupt, b"this is not a model file at all").unwrap();
    let err = CandleModel::load(&corrupt).err().unwrap();
    assert!(matches!(err, ModelError::Format { .. }), "{err}");

    let gpt2 = write(
        dir.path(),
        "gpt2.gguf",
        &TinyModel {
            architecture: "gpt2".into(),
            ..TinyModel::default()
        },
    );
    let err = CandleModel::load(&gpt2).err().unwrap();
    assert!(
        err.to_string().contains("unsupported architecture `gpt2`"),
        "{err}"
    );
}

#[test]
fn prompts_longer_than_the_context_and_bad_parameters_are_rejected() {
    let (_dir, model) = tiny_model();
    let err = model
        .generate(&[request(&"word ".repeat(300), 0.0, 0, 1)])
        .unwrap_err();
    assert!(
        matches!(err, ModelError::PromptTooLong { context: 256, .. }),
        "{err}"
    );
    let err = model.generate(&[request("x", 0.0, 0, 0)]).unwrap_err();
    assert!(err.to_string().contains("n must be at least 1"), "{err}");
    let mut bad = request("x", 0.0, 0, 1);
    bad.params.top_p = 0.0;
    assert!(model.generate(&[bad]).is_err());
    let err = model
        .loglikelihood(&[ScoreRequest {
            messages: vec![Message::user("x")],
            continuation: String::new(),
        }])
        .unwrap_err();
    assert!(err.to_string().contains("empty"), "{err}");
}

#[test]
fn hugging_face_directory_and_gguf_of_the_same_weights_agree() {
    let dir = tempfile::tempdir().unwrap();
    let tiny = TinyModel {
        seed: 9,
        ..TinyModel::default()
    };
    // Exact decoding: the layouts differ in rotary pairing, and the int8 path would turn
    // that rounding-level difference into visible log-prob differences.
    let exact = LoadOptions::exact();
    let gguf = CandleModel::load_with(&write(dir.path(), "tiny.gguf", &tiny), exact).unwrap();
    let hf_dir = dir.path().join("tiny-hf");
    tiny.write_hf_dir(&hf_dir).unwrap();
    let hf = CandleModel::load_with(&hf_dir, exact).unwrap();
    assert!(
        !hf.llama().config().rope_interleaved,
        "Hugging Face checkpoints rotate halves"
    );
    let requests = [
        request("compare the layouts", 0.0, 0, 1),
        request("again", 1.0, 5, 2),
    ];
    let (a, b) = (
        gguf.generate(&requests).unwrap(),
        hf.generate(&requests).unwrap(),
    );
    for (x, y) in a.iter().zip(&b) {
        for (cx, cy) in x.completions.iter().zip(&y.completions) {
            assert_eq!(cx.token_ids, cy.token_ids);
            for (lx, ly) in cx.logprobs.iter().zip(&cy.logprobs) {
                assert!((lx - ly).abs() < 1e-3, "{lx} vs {ly}");
            }
        }
    }
    assert_eq!(
        hf.tokenizer().unwrap().encode("<|im_start|>the").unwrap(),
        gguf.tokenizer().unwrap().encode("<|im_start|>the").unwrap()
    );
}

#[test]
fn broken_hugging_face_directories_give_clear_errors() {
    let dir = tempfile::tempdir().unwrap();
    let hf_dir = dir.path().join("hf");
    TinyModel::default().write_hf_dir(&hf_dir).unwrap();
    std::fs::remove_file(hf_dir.join("model.safetensors")).unwrap();
    let err = CandleModel::load(&hf_dir).err().unwrap();
    assert!(err.to_string().contains("no *.safetensors files"), "{err}");

    let other = dir.path().join("qwen3");
    TinyModel {
        architecture: "qwen3moe".into(),
        ..TinyModel::default()
    }
    .write_hf_dir(&other)
    .unwrap();
    let err = CandleModel::load(&other).err().unwrap();
    assert!(
        err.to_string()
            .contains("unsupported architecture `qwen3moe`"),
        "{err}"
    );
}

#[test]
fn streamed_pieces_add_up_to_the_final_text() {
    let (_dir, model) = tiny_model();
    let mut first = request("stream this", 1.0, 2, 2);
    first.params.max_tokens = 20;
    let plain = model.generate(std::slice::from_ref(&first)).unwrap();
    // Stop on a character that occurs in the plain run, so a stop is exercised too.
    let stop = plain[0].completions[0]
        .text
        .chars()
        .nth(3)
        .map(|c| c.to_string());
    let mut stopped = first.clone();
    stopped.params.stop = stop.into_iter().collect();
    let mut pieces: std::collections::BTreeMap<(usize, usize), (String, usize)> =
        Default::default();
    let out = model
        .generate_streaming(&[first, stopped], &mut |event| {
            let entry = pieces.entry((event.request, event.completion)).or_default();
            entry.0.push_str(&event.text);
            entry.1 += usize::from(event.finish_reason.is_some());
        })
        .unwrap();
    for (a, b) in out[0].completions.iter().zip(&plain[0].completions) {
        assert_eq!(
            (&a.text, &a.token_ids),
            (&b.text, &b.token_ids),
            "streaming does not change the result"
        );
    }
    for (request, generation) in out.iter().enumerate() {
        for (index, completion) in generation.completions.iter().enumerate() {
            let (text, finishes) = &pieces[&(request, index)];
            assert_eq!(text, &completion.text);
            assert_eq!(*finishes, 1, "exactly one final event");
        }
    }
}

#[test]
fn top_logprobs_and_prompt_logprobs() {
    let (_dir, model) = tiny_model();
    let mut req = request("alternatives", 0.0, 0, 1);
    req.params.top_logprobs = 3;
    let out = model.generate(&[req]).unwrap();
    let c = &out[0].completions[0];
    assert_eq!(c.top_logprobs.len(), c.token_ids.len());
    assert_eq!(c.tokens.len(), c.token_ids.len());
    for (position, top) in c.top_logprobs.iter().enumerate() {
        assert_eq!(top.len(), 3);
        assert!(top.windows(2).all(|w| w[0].logprob >= w[1].logprob));
        assert_eq!(
            top[0].id, c.token_ids[position],
            "greedy picks the most likely token"
        );
        assert!((top[0].logprob - c.logprobs[position]).abs() < 1e-6);
    }
    let text = "the cat sat on the mat";
    let prompt = model.prompt_logprobs(text, 2).unwrap();
    assert_eq!(prompt.logprobs[0], None);
    assert_eq!(prompt.tokens.concat(), text);
    let ids = prompt.ids.clone();
    let score = model
        .score_tokens(&[(ids[..1].to_vec(), ids[1..].to_vec())])
        .unwrap();
    let sum: f64 = prompt
        .logprobs
        .iter()
        .flatten()
        .map(|&l| f64::from(l))
        .sum();
    assert!((score[0].logprob - sum).abs() < 1e-3);
    assert!(prompt.top_logprobs[1..].iter().all(|t| t.len() == 2));
}

#[test]
fn qwen2_with_biases_agrees_across_layouts() {
    let dir = tempfile::tempdir().unwrap();
    let tiny = TinyModel {
        architecture: "qwen2".into(),
        bias: true,
        seed: 4,
        ..TinyModel::default()
    };
    let gguf = CandleModel::load(&write(dir.path(), "qwen.gguf", &tiny)).unwrap();
    let hf_dir = dir.path().join("qwen-hf");
    tiny.write_hf_dir(&hf_dir).unwrap();
    let hf = CandleModel::load(&hf_dir).unwrap();
    assert!(
        !gguf.llama().config().rope_interleaved,
        "Qwen2 GGUF files rotate halves"
    );
    let requests = [request("biases matter", 1.0, 2, 2)];
    let (a, b) = (
        gguf.generate(&requests).unwrap(),
        hf.generate(&requests).unwrap(),
    );
    assert_eq!(a[0].completions[0].token_ids, b[0].completions[0].token_ids);
    assert_eq!(a[0].completions[1].token_ids, b[0].completions[1].token_ids);
    // The same weights with the biases zeroed answer differently: the biases are applied.
    let weights_path = hf_dir.join("model.safetensors");
    let mut weights = candle_core::safetensors::load(&weights_path, &Device::Cpu).unwrap();
    for (name, tensor) in weights.iter_mut() {
        if name.ends_with(".bias") {
            *tensor = tensor.zeros_like().unwrap();
        }
    }
    candle_core::safetensors::save(&weights, &weights_path).unwrap();
    let zeroed = CandleModel::load(&hf_dir)
        .unwrap()
        .generate(&requests)
        .unwrap();
    assert_ne!(
        b[0].completions[0].logprobs,
        zeroed[0].completions[0].logprobs
    );
}

#[test]
fn completions_of_one_prompt_share_its_prompt_pass_correctly() {
    // n = 3 samples and a second request with the same prompt run one prompt pass and copy
    // its cache rows; every completion must still score as if decoded on its own.
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "tiny.gguf", &TinyModel::default());
    let model = CandleModel::load_with(&path, LoadOptions::exact()).unwrap();
    let mut sampled = request("tell me something", 1.0, 5, 3);
    sampled.params.max_tokens = 12;
    let mut again = sampled.clone();
    again.params.seed = 6;
    let other = request("another prompt, longer than the first one", 1.0, 7, 1);
    let (out, timing) = model.generate_timed(&[sampled, other, again]).unwrap();
    let prompt = |q: &str| model.prompt_tokens(&[Message::user(q)]).unwrap();
    let (first, second) = (
        prompt("tell me something"),
        prompt("another prompt, longer than the first one"),
    );
    assert_eq!(
        timing.prompt_tokens,
        first.len() + second.len(),
        "each prompt runs once"
    );
    for (generation, prompt) in [(&out[0], &first), (&out[1], &second), (&out[2], &first)] {
        for completion in &generation.completions {
            if completion.token_ids.is_empty() {
                continue;
            }
            let scored = model
                .score_tokens(&[(prompt.clone(), completion.token_ids.clone())])
                .unwrap();
            for (a, b) in completion.logprobs.iter().zip(&scored[0].token_logprobs) {
                assert!((a - b).abs() < 1e-4, "generated {a} vs scored {b}");
            }
        }
    }
}

/// Log-probabilities of `continuation` after `prompt` from one plain forward pass over
/// both, logits at every position: the straightforward way, to check the shared-prompt
/// scorer against.
fn full_pass_scores(model: &CandleModel, prompt: &[u32], continuation: &[u32]) -> (Vec<f32>, bool) {
    let llama = model.llama();
    let all: Vec<u32> = prompt.iter().chain(continuation).copied().collect();
    let n = all.len();
    let tokens = Tensor::from_vec(all.clone(), (1, n), &Device::Cpu).unwrap();
    let positions =
        Tensor::from_vec((0..n as u32).collect::<Vec<_>>(), (1, n), &Device::Cpu).unwrap();
    let mut cache = Cache::new(llama.config(), n);
    let logits = llama
        .forward(
            &tokens,
            &positions,
            &[0],
            &mut cache,
            Logits::All,
            Precision::Exact,
        )
        .unwrap();
    let rows: Vec<Vec<f32>> = logits.get(0).unwrap().to_vec2().unwrap();
    let mut greedy = true;
    let logprobs = continuation
        .iter()
        .enumerate()
        .map(|(k, &token)| {
            let row = &rows[prompt.len() + k - 1];
            greedy &= ethos_model::sampling::argmax(row) == token as usize;
            ethos_model::sampling::log_softmax(row)[token as usize]
        })
        .collect();
    (logprobs, greedy)
}

#[test]
fn shared_prompt_scoring_matches_one_full_pass_per_continuation() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "tiny.gguf", &TinyModel::default());
    let model = CandleModel::load_with(&path, LoadOptions::exact()).unwrap();
    let short = model.prompt_tokens(&[Message::user("q")]).unwrap();
    let long = model
        .prompt_tokens(&[Message::user(
            "a much longer question with many more words in it",
        )])
        .unwrap();
    // Shared prompts, continuations of 1 to 6 tokens, one duplicated pair, mixed order.
    let inputs: Vec<(Vec<u32>, Vec<u32>)> = vec![
        (long.clone(), vec![258, 100, 42]),
        (short.clone(), vec![7]),
        (long.clone(), vec![99]),
        (short.clone(), vec![200, 201, 202, 203, 204, 205]),
        (long.clone(), vec![258, 100, 42]),
        (short.clone(), vec![12, 13]),
    ];
    let scores = model.score_tokens(&inputs).unwrap();
    assert_eq!(scores.len(), inputs.len());
    for ((prompt, continuation), score) in inputs.iter().zip(&scores) {
        let (expected, greedy) = full_pass_scores(&model, prompt, continuation);
        assert_eq!(score.tokens, continuation.len());
        assert_eq!(score.token_logprobs.len(), continuation.len());
        for (got, want) in score.token_logprobs.iter().zip(&expected) {
            assert!((got - want).abs() < 1e-4, "{got} vs {want}");
        }
        let sum: f64 = expected.iter().map(|&l| f64::from(l)).sum();
        assert!((score.logprob - sum).abs() < 1e-3);
        assert_eq!(score.is_greedy, greedy);
    }
    assert_eq!(
        scores[0], scores[4],
        "the same continuation scores the same"
    );
    // A batch of one gives the same numbers as the mixed batch.
    let alone = model.score_tokens(&inputs[3..4]).unwrap();
    for (a, b) in alone[0]
        .token_logprobs
        .iter()
        .zip(&scores[3].token_logprobs)
    {
        assert!((a - b).abs() < 1e-5);
    }
}
