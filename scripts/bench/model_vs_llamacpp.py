#!/usr/bin/env python3
"""ethos's candle backend against llama.cpp on the same GGUF, same machine, same run.

    pip install llama-cpp-python numpy gguf
    cargo build --release
    python3 scripts/bench/model_vs_llamacpp.py [--model PATH] [--threads 2]

Measures, for both sides: prompt processing tokens/s, batch-1 decode tokens/s, and for
ethos the aggregate decode tokens/s at batch 32 (llama.cpp's batch-1 decode is the peer);
then per-token log-prob parity on 20 prompts, twice: on the Q4_1 file (llama.cpp multiplies
Q4_1 weights with Q8-quantised activations, ethos scores with the dequantised f32 weights)
and on an F32 copy of it (the same weights on both sides; llama.cpp's KV cache in its
default f16 and in f32). Prints a Markdown table for BENCHMARKS.md.
"""
import argparse
import gguf_to_f32
import json
import os
import subprocess
import tempfile
import time

import numpy as np
from llama_cpp import Llama

ETHOS = os.path.join(os.path.dirname(__file__), "..", "..", "target", "release", "ethos")
LONG_PROMPT = ("Here are notes from a planning meeting. " * 40) + "Summarise the notes in one paragraph."
STORY = "Write a long, detailed story about a lighthouse keeper who finds a message in a bottle."


def chatml(user):
    return ("<|im_start|>system\nYou are a helpful AI assistant named SmolLM, trained by Hugging Face<|im_end|>\n"
            f"<|im_start|>user\n{user}<|im_end|>\n<|im_start|>assistant\n")


def ethos_generate(model, prompt, n, max_tokens, temperature):
    out = subprocess.run([ETHOS, "generate", "--model", model, "--prompt", prompt, "--n", str(n), "--max-tokens",
                          str(max_tokens), "--temperature", str(temperature), "--seed", "1", "--json"],
                         check=True, capture_output=True, text=True)
    return json.loads(out.stdout)


def llama_prompt_speed(llm, text):
    tokens = llm.tokenize(text.encode(), add_bos=False, special=True)
    best = 0.0
    for _ in range(3):
        llm.reset()
        start = time.perf_counter()
        llm.eval(tokens)
        best = max(best, len(tokens) / (time.perf_counter() - start))
    return best, len(tokens)


def llama_decode_speed(llm, text, steps):
    tokens = llm.tokenize(text.encode(), add_bos=False, special=True)
    llm.reset()
    llm.eval(tokens)
    start = time.perf_counter()
    for _ in range(steps):
        # Without logits_all, llama-cpp-python fills only the last row of `scores`.
        logits = llm.scores[llm.n_tokens - 1]
        llm.eval([int(np.argmax(logits))])
    return steps / (time.perf_counter() - start)


def log_softmax(row):
    row = row.astype(np.float64)
    m = row.max()
    return row - (m + np.log(np.exp(row - m).sum()))


def parity(model, llm, items):
    diffs = []
    for user, continuation in items:
        with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
            json.dump([{"role": "user", "content": user}], f)
        out = subprocess.run([ETHOS, "score", "--model", model, "--messages", f.name, "--continuation", continuation,
                              "--json"], check=True, capture_output=True, text=True)
        os.unlink(f.name)
        ours = json.loads(out.stdout)["token_logprobs"]
        prompt = llm.tokenize(chatml(user).encode(), add_bos=False, special=True)
        cont = llm.tokenize(continuation.encode(), add_bos=False, special=False)
        llm.reset()
        llm.eval(prompt + cont)
        theirs = [log_softmax(np.asarray(llm.scores[len(prompt) + k - 1]))[tok] for k, tok in enumerate(cont)]
        assert len(theirs) == len(ours), (user, len(theirs), len(ours))
        diffs.extend(abs(a - b) for a, b in zip(ours, theirs))
    return float(np.mean(diffs)), float(np.max(diffs)), len(diffs)


def two_choice_items(limit=200):
    """Factual questions from the shipped tasks, each with its answer and another's."""
    facts = [json.loads(line) for line in open("data/tasks/factual.jsonl", encoding="utf-8")]
    items = []
    for i in range(limit):
        fact, other = facts[i % len(facts)], facts[(i * 7 + 3) % len(facts)]
        question = fact["messages"][0]["content"]
        right, wrong = fact["params"]["accepted"][0], other["params"]["accepted"][0]
        if right.lower() == wrong.lower():
            wrong = facts[(i + 1) % len(facts)]["params"]["accepted"][0]
        items.append((question, right, wrong))
    return items


def ethos_scoring(model, items):
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as f:
        for question, right, wrong in items:
            for answer in (right, wrong):
                f.write(json.dumps({"messages": [{"role": "user", "content": question}], "continuation": answer}) + "\n")
    start = time.perf_counter()
    out = subprocess.run([ETHOS, "score", "--model", model, "--items", f.name, "--batch-size", "16"],
                         check=True, capture_output=True, text=True)
    total = time.perf_counter() - start
    os.unlink(f.name)
    scores = [json.loads(line)["logprob"] for line in out.stdout.splitlines()]
    inner = float(out.stderr.split(" in ")[1].split("s:")[0])
    correct = sum(scores[2 * i] > scores[2 * i + 1] for i in range(len(items)))
    return len(items) / inner, len(items) / total, correct


def llama_scoring(llm, items):
    start = time.perf_counter()
    correct = 0
    for question, right, wrong in items:
        prompt = llm.tokenize(chatml(question).encode(), add_bos=False, special=True)
        totals = []
        for answer in (right, wrong):
            cont = llm.tokenize(answer.encode(), add_bos=False, special=False)
            llm.reset()
            llm.eval(prompt + cont)
            totals.append(sum(log_softmax(np.asarray(llm.scores[len(prompt) + k - 1]))[t] for k, t in enumerate(cont)))
        correct += totals[0] > totals[1]
    return len(items) / (time.perf_counter() - start), correct


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", default="../shared/models/SmolLM2-135M-Instruct.Q4_1.gguf")
    ap.add_argument("--threads", type=int, default=2)
    args = ap.parse_args()
    # Speed without per-position logits (llama.cpp's normal mode); parity needs them all.
    fast = Llama(model_path=args.model, n_ctx=2048, n_batch=512, n_threads=args.threads, verbose=False)
    pp_llama, pp_tokens = llama_prompt_speed(fast, chatml(LONG_PROMPT))
    dec_llama = llama_decode_speed(fast, chatml(STORY), 128)
    del fast
    llm = Llama(model_path=args.model, n_ctx=2048, n_batch=512, n_threads=args.threads, logits_all=True, verbose=False)
    e_pp = ethos_generate(args.model, LONG_PROMPT, 1, 1, 0.0)["timing"]["prompt_tokens_per_second"]
    e1 = ethos_generate(args.model, STORY, 1, 128, 0.0)["timing"]
    e32 = ethos_generate(args.model, STORY, 32, 128, 1.0)["timing"]

    items = [
        ("What is the capital city of France?", "The capital city of France is Paris."),
        ("Name three primary colours.", "Red, blue and yellow."),
        ("What is 12 times 12?", "12 times 12 is 144."),
        ("Translate 'good morning' into French.", "Bonjour."),
        ("Give me a synonym for happy.", "Joyful."),
        ("Who wrote Romeo and Juliet?", "William Shakespeare wrote Romeo and Juliet."),
        ("What is the boiling point of water?", "Water boils at 100 degrees Celsius at sea level."),
        ("Describe the sky in five words.", "Vast, blue, bright, open, calm."),
        ("Is a tomato a fruit?", "Yes, botanically a tomato is a fruit."),
        ("What does CPU stand for?", "CPU stands for central processing unit."),
        ("Suggest a name for a cat.", "How about Whiskers?"),
        ("How many legs does a spider have?", "A spider has eight legs."),
        ("What colour are bananas when ripe?", "Ripe bananas are yellow."),
        ("Write a haiku about rain.", "Soft rain on the roof\nwhispers to the sleeping town\nmorning comes washed clean"),
        ("What is the largest planet?", "Jupiter is the largest planet in our solar system."),
        ("Say hello in Spanish.", "Hola."),
        ("What is H2O?", "H2O is the chemical formula for water."),
        ("Give an example of a mammal.", "A dolphin is a mammal."),
        ("What is the square root of 81?", "The square root of 81 is 9."),
        ("Recommend a book.", "You might enjoy 'Pride and Prejudice' by Jane Austen."),
    ]
    mean_diff, max_diff, n_tokens = parity(args.model, llm, items)
    f32_rows = []
    with tempfile.TemporaryDirectory() as tmp:
        f32_model = os.path.join(tmp, "f32.gguf")
        gguf_to_f32.convert(args.model, f32_model)
        for label, kv_type in (("f16 KV cache", 1), ("f32 KV cache", 0)):
            same = Llama(model_path=f32_model, n_ctx=2048, n_batch=512, n_threads=args.threads, logits_all=True,
                         verbose=False, type_k=kv_type, type_v=kv_type)
            f32_rows.append((label, parity(f32_model, same, items)))
            del same
    choice_items = two_choice_items()
    e_items, e_items_total, e_correct = ethos_scoring(args.model, choice_items)
    l_items, l_correct = llama_scoring(llm, choice_items)

    print(f"| measurement | ethos | llama.cpp (llama-cpp-python) | ratio |")
    print(f"| --- | --- | --- | --- |")
    print(f"| prompt processing, {pp_tokens}-token prompt, tok/s | {e_pp:.0f} | {pp_llama:.0f} | {e_pp / pp_llama:.2f}x |")
    print(f"| decode, batch 1, tok/s | {e1['decode_tokens_per_second']:.1f} ({e1['decode_tokens']} tokens) | {dec_llama:.1f} | {e1['decode_tokens_per_second'] / dec_llama:.2f}x |")
    print(f"| decode, ethos batch 32 (aggregate) vs llama.cpp batch 1, tok/s | {e32['decode_tokens_per_second']:.1f} ({e32['decode_tokens']} tokens) | {dec_llama:.1f} | {e32['decode_tokens_per_second'] / dec_llama:.2f}x |")
    print(f"| scoring 200 two-choice items (400 continuations), items/s | {e_items:.1f} ({e_items_total:.1f} with model load; {e_correct}/200 right) | {l_items:.1f} ({l_correct}/200 right) | {e_items / l_items:.2f}x |")
    print(f"| log-prob parity, Q4_1 file, 20 prompts ({n_tokens} tokens): ethos f32 (dequantised) vs llama.cpp Q4_1 x Q8 | mean abs diff {mean_diff:.4f} nats, max {max_diff:.4f} | | |")
    for label, (f_mean, f_max, f_n) in f32_rows:
        print(f"| log-prob parity, F32 copy, same weights both sides, llama.cpp {label} ({f_n} tokens) | mean abs diff {f_mean:.6f} nats, max {f_max:.6f} | | |")


if __name__ == "__main__":
    main()
