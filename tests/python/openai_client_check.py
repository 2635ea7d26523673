#!/usr/bin/env python3
"""Drives a running `ethos serve` with the official `openai` Python client.

    python3 tests/python/openai_client_check.py BASE_URL API_KEY

Run by crates/ethos/tests/serve_cli.rs, which starts the server on a tiny model and
installs `openai` into a virtual environment first. Prints 'N passed, M failed'.
"""
import sys
import threading

import openai

BASE, KEY = sys.argv[1], sys.argv[2]
client = openai.OpenAI(base_url=BASE, api_key=KEY, max_retries=0)
results = []
SPECIAL = {"<|endoftext|>", "<|im_start|>", "<|im_end|>"}  # the tiny test model's special tokens


def check(name, fn):
    try:
        fn()
        results.append((name, None))
    except Exception as err:  # report every failure, keep going
        results.append((name, f"{type(err).__name__}: {err}"))


def models():
    ids = [m.id for m in client.models.list().data]
    assert ids == ["tiny.gguf"], ids


def chat_n_seed_logprobs():
    kwargs = dict(model="tiny.gguf", messages=[{"role": "user", "content": "hello"}], n=2, seed=3,
                  temperature=1.0, max_tokens=8, logprobs=True, top_logprobs=2)
    first = client.chat.completions.create(**kwargs)
    again = client.chat.completions.create(**kwargs)
    assert len(first.choices) == 2
    assert [c.message.content for c in first.choices] == [c.message.content for c in again.choices], "same seed"
    total = 0
    for choice in first.choices:
        content = choice.logprobs.content
        total += len(content)
        assert all(t.logprob <= 0 for t in content)
        assert all(len(t.top_logprobs) == 2 for t in content)
        # Token texts may split a character; their bytes add up to the text exactly, except
        # that special tokens are left out of the text (as vLLM's skip_special_tokens does).
        joined = b"".join(bytes(t.bytes) for t in content if t.token not in SPECIAL).decode("utf-8", errors="replace")
        assert joined == choice.message.content, (joined, choice.message.content)
    assert first.usage.completion_tokens == total, (first.usage, total)
    assert first.usage.prompt_tokens > 0


def chat_stop():
    base = client.chat.completions.create(model="tiny.gguf", messages=[{"role": "user", "content": "go"}],
                                          seed=5, temperature=1.0, max_tokens=12)
    text = base.choices[0].message.content
    assert len(text) >= 3, text
    stop = text[2]
    cut = client.chat.completions.create(model="tiny.gguf", messages=[{"role": "user", "content": "go"}],
                                         seed=5, temperature=1.0, max_tokens=12, stop=[stop])
    assert cut.choices[0].finish_reason == "stop"
    assert cut.choices[0].message.content == text[: text.index(stop)]


def chat_stream():
    kwargs = dict(model="tiny.gguf", messages=[{"role": "user", "content": "stream"}], seed=9,
                  temperature=1.0, max_tokens=10)
    whole = client.chat.completions.create(**kwargs).choices[0]
    pieces, reasons = [], []
    for chunk in client.chat.completions.create(stream=True, **kwargs):
        for choice in chunk.choices:
            if choice.delta.content:
                pieces.append(choice.delta.content)
            if choice.finish_reason:
                reasons.append(choice.finish_reason)
    assert "".join(pieces) == whole.message.content
    assert reasons == [whole.finish_reason]


def completions_echo_logprobs():
    out = client.completions.create(model="tiny.gguf", prompt="the cat sat on the mat", max_tokens=0,
                                    echo=True, logprobs=1)
    lp = out.choices[0].logprobs
    assert out.choices[0].text == "the cat sat on the mat"
    assert lp.token_logprobs[0] is None
    assert all(x < 0 for x in lp.token_logprobs[1:])
    assert "".join(lp.tokens) == "the cat sat on the mat"
    more = client.completions.create(model="tiny.gguf", prompt="the cat", max_tokens=4, seed=1, logprobs=0)
    assert len(more.choices[0].logprobs.tokens) == more.usage.completion_tokens


def bad_key_is_rejected():
    bad = openai.OpenAI(base_url=BASE, api_key="wrong", max_retries=0)
    try:
        bad.models.list()
    except openai.AuthenticationError:
        return
    raise AssertionError("a wrong key was accepted")


def bad_request_is_a_400():
    try:
        client.chat.completions.create(model="tiny.gguf", messages=[{"role": "user", "content": "x"}],
                                       max_tokens=10**6)
    except openai.BadRequestError as err:
        assert "cap" in str(err)
        return
    raise AssertionError("max_tokens above the cap was accepted")


def concurrent_requests_are_served():
    answers = {}

    def ask(i):
        r = client.chat.completions.create(model="tiny.gguf", messages=[{"role": "user", "content": f"q{i}"}],
                                           seed=i, max_tokens=6, temperature=0)
        answers[i] = r.choices[0].message.content

    threads = [threading.Thread(target=ask, args=(i,)) for i in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(answers) == 6
    alone = client.chat.completions.create(model="tiny.gguf", messages=[{"role": "user", "content": "q2"}],
                                           seed=2, max_tokens=6, temperature=0)
    assert alone.choices[0].message.content == answers[2], "batching must not change a greedy answer"


for name, fn in list(globals().items()):
    if callable(fn) and fn.__module__ == "__main__" and name not in ("check",) and not name.startswith("_"):
        check(name, fn)

failed = [(n, e) for n, e in results if e]
for name, err in failed:
    print(f"FAILED {name}: {err}")
print(f"{len(results) - len(failed)} passed, {len(failed)} failed")
sys.exit(1 if failed else 0)
