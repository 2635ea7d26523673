#!/usr/bin/env python3
"""Record llama.cpp's token ids for a test corpus (the tokenizer parity fixture).

    pip install llama-cpp-python
    python3 scripts/bench/llamacpp_tokens.py [MODEL.gguf] > crates/ethos-model/tests/fixtures/llamacpp_tokens.jsonl

The corpus mixes hand-written edge cases (unicode, emoji, code, whitespace runs, digits)
with text sampled from the shipped data. `crates/ethos-model/tests/real_model.rs`
compares ethos's tokenizer against this file.
"""
import glob
import json
import random
import sys

from llama_cpp import Llama

EDGE_CASES = [
    "", " ", "  ", "\n", "\n\n\n", "\t\t", "a  b   c    d", "trailing spaces   ", "   leading spaces",
    "Hello, world!", "hello world", "HELLO WORLD", "12345", "3.14159", "1,000,000", "2026-11-27", "v1.2.3-rc4",
    "x=1+2*3/4-5", "don't won't it's I'm you're they've we'll she'd", "Ça va? Très bien, merci.",
    "naïve café résumé coöperate", "Straße München Größe", "Привет, как дела?", "Γειά σου κόσμε",
    "مرحبا بالعالم", "שלום עולם", "こんにちは世界", "你好，世界！", "안녕하세요 세계", "नमस्ते दुनिया",
    "🎉🎉 party 🎈", "👩‍💻 coder, 👨‍👩‍👧 family, 🏳️‍🌈 flag", "emoji🙂inline", "✓ ✗ → ← ∀ ∃ ∑ √ ∞ ≈ ≠",
    "def f(x):\n    return x ** 2\n", "for (int i = 0; i < n; ++i) {\n\tsum += a[i];\n}",
    "fn main() { println!(\"{}\", 42); }", "<div class=\"a\">&nbsp;</div>", "SELECT * FROM t WHERE id = 7;",
    "{\"key\": [1, 2, 3], \"nested\": {\"a\": null}}", "path/to/file.txt C:\\Windows\\System32",
    "https://example.com/a?b=c&d=e#frag", "user@example.com", "#hashtag @mention $100 50% ^_^",
    "line one\r\nline two\r\n", "mixed\t \t whitespace \n \n", "....!!!???", "---===***",
    "a\u00a0b (no-break space)", "zero\u200bwidth", "ＦＵＬＬＷＩＤＴＨ", "ﬁ ligature",
    "1st 2nd 3rd 4th", "0x1F 0b1010 1e-9 -42", "I have 3 apples and 12 oranges.",
    "   \n   indented\n      more\n", "end with newline\n",
]


def data_samples(rng, limit=200):
    texts = []
    for path in sorted(glob.glob("data/scenarios/*/*.jsonl")) + sorted(glob.glob("data/tasks/*.jsonl")):
        for line in open(path, encoding="utf-8"):
            record = json.loads(line)
            texts.extend(m["content"] for m in record["messages"])
            if record.get("reference"):
                texts.append(record["reference"])
    rng.shuffle(texts)
    return texts[:limit]


def main():
    model = sys.argv[1] if len(sys.argv) > 1 else "../shared/models/SmolLM2-135M-Instruct.Q4_1.gguf"
    llm = Llama(model_path=model, vocab_only=True, verbose=False)
    rng = random.Random(11)
    for text in EDGE_CASES + data_samples(rng):
        ids = llm.tokenize(text.encode("utf-8"), add_bos=False, special=False)
        print(json.dumps({"text": text, "ids": ids}, ensure_ascii=False))


if __name__ == "__main__":
    main()
