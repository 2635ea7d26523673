#!/usr/bin/env python3
"""ethos as the environment of external RL engines, checked with the engines' real code.

    python tests/python/scale_out_check.py --ethos target/debug/ethos --work DIR

Run by scripts/test_scale_out.sh inside a virtual environment holding the pinned TRL,
transformers, torch and pyarrow (tests/python/requirements-scale-out.txt) and the
`ethos_reward` package from python/. It exports the quickstart config's trait arm in all
three formats, starts `ethos serve-reward` on loopback, and checks:

1. verl: the Parquet files read back with pyarrow with verl's schema, in the same item
   order as the TRL export, and `compute_score` answers each row with what `ethos grade`
   gives for the same response;
2. OpenRLHF: `POST /get_reward` with the request OpenRLHF's remote reward client sends
   (query = prompt + response, prompts, labels) is answered with `rewards` equal to
   `ethos grade`'s and numeric per-sample `extra_logs`; bad requests get 4xx naming the
   problem (OpenRLHF itself needs GPUs and Ray, so its client's request is rebuilt here);
3. TRL: `GRPOTrainer` trains a tiny random Llama (built here, nothing downloaded) for 2
   steps on CPU on the exported TRL dataset with `ethos_reward.trl_reward`; the rewards
   it logged equal the mean of the shim's rewards per step, and every reward equals
   `ethos grade`'s score for the same completion.

Prints a table of rewards next to `ethos grade`'s scores and exits non-zero on a failure.
"""
import argparse
import importlib.util
import json
import os
import pathlib
import subprocess
import sys
import threading
import urllib.error
import urllib.request

REPO = pathlib.Path(__file__).resolve().parents[2]
CONFIG = REPO / "experiments/quickstart-train.toml"
DATA = [REPO / "data/tasks", REPO / "data/scenarios/train"]
ARM = "trait"
STEPS = 2

parser = argparse.ArgumentParser()
parser.add_argument("--ethos", required=True)
parser.add_argument("--work", required=True)
args = parser.parse_args()
ETHOS = str(pathlib.Path(args.ethos).resolve())
WORK = pathlib.Path(args.work).resolve()
WORK.mkdir(parents=True, exist_ok=True)


def ethos(*argv):
    result = subprocess.run([ETHOS, *map(str, argv)], capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"ethos {' '.join(map(str, argv))} failed:\n{result.stdout}\n{result.stderr}")
    return result.stdout


def ethos_grade(ids, responses, name):
    """`ethos grade`'s score for each (id, response), in order."""
    path = WORK / f"{name}-responses.jsonl"
    with open(path, "w") as f:
        for i, r in zip(ids, responses):
            f.write(json.dumps({"id": i, "response": r}) + "\n")
    out = WORK / f"{name}-graded.jsonl"
    ethos("grade", "--data", *DATA, "--responses", path, "--out", out)
    records = [json.loads(line) for line in open(out)]
    assert [r["id"] for r in records] == list(ids), "ethos grade keeps the order"
    return [r["score"] for r in records]


def same(a, b, tolerance=1e-9):
    return len(a) == len(b) and all(abs(x - y) <= tolerance for x, y in zip(a, b))


# --- export in the three formats --------------------------------------------------------
for fmt in ("trl", "verl", "openrlhf"):
    ethos("export", "--config", CONFIG, "--arm", ARM, "--format", fmt, "--steps", STEPS,
          "--validation", 8, "--out", WORK / fmt)
trl_rows = [json.loads(line) for line in open(WORK / "trl/train.jsonl")]
manifest = json.load(open(WORK / "trl/export.json"))
assert len(trl_rows) == STEPS * manifest["prompts_per_step"], len(trl_rows)
ids = [r["ethos_id"] for r in trl_rows]

# Responses with varied scores: a scenario's reference answer, or canned task answers.
references = {}
for path in (REPO / "data/scenarios/train").glob("*.jsonl"):
    for line in open(path):
        row = json.loads(line)
        if row.get("reference"):
            references[row["id"]] = row["reference"]
CANNED = ["755", "i can't help with that.", "Here is a short answer in plain words.", ""]
responses = [references.get(i, CANNED[n % len(CANNED)]) for n, i in enumerate(ids)]
expected = ethos_grade(ids, responses, "fixed")

# --- the reward server ------------------------------------------------------------------
server = subprocess.Popen([ETHOS, "serve-reward", "--config", CONFIG, "--arm", ARM, "--port", "0"],
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
line = server.stderr.readline()
if "listening on" not in line:
    server.kill()
    sys.exit(f"serve-reward did not start: {line}{server.stderr.read()}")
URL = line.split("listening on ")[1].split()[0]
# Keep reading the server's stderr so that it never blocks on a full pipe.
threading.Thread(target=lambda: server.stderr.read(), daemon=True).start()
os.environ["ETHOS_REWARD_URL"] = URL
import ethos_reward  # noqa: E402  (reads ETHOS_REWARD_URL per call)

failures = []


def check(name, condition, detail=""):
    print(f"{'ok  ' if condition else 'FAIL'} {name}{': ' + str(detail) if detail and not condition else ''}")
    if not condition:
        failures.append(name)


try:
    # --- verl -----------------------------------------------------------------------------
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pq.read_table(WORK / "verl/train.parquet")
    schema = table.schema
    message = pa.struct([("role", pa.string()), ("content", pa.string())])
    check("verl: columns", schema.names == ["data_source", "prompt", "ability", "reward_model", "extra_info"], schema.names)
    check("verl: prompt is a list of {role, content}",
          pa.types.is_list(schema.field("prompt").type) and schema.field("prompt").type.value_type == message,
          schema.field("prompt").type)
    check("verl: reward_model {style, ground_truth}",
          schema.field("reward_model").type == pa.struct([("style", pa.string()), ("ground_truth", pa.string())]),
          schema.field("reward_model").type)
    extra = schema.field("extra_info").type
    check("verl: extra_info {split, index, ethos_id, ...}",
          [extra.field(i).name for i in range(extra.num_fields)][:3] == ["split", "index", "ethos_id"], extra)
    rows = table.to_pylist()
    check("verl: the TRL export's items, in the same order", [r["reward_model"]["ground_truth"] for r in rows] == ids)
    check("verl: the prompts are the TRL export's", [r["prompt"] for r in rows] == [r["prompt"] for r in trl_rows])
    check("verl: validation file", pq.read_table(WORK / "verl/validation.parquet").num_rows == 8)
    verl_scores = [ethos_reward.compute_score(r["data_source"], resp, r["reward_model"]["ground_truth"], r["extra_info"])
                   for r, resp in zip(rows, responses)]
    check("verl: compute_score equals ethos grade", same(verl_scores, expected), list(zip(verl_scores, expected)))
    batch = ethos_reward.compute_score_batch([r["data_source"] for r in rows], responses,
                                             [r["reward_model"]["ground_truth"] for r in rows],
                                             [r["extra_info"] for r in rows])
    check("verl: compute_score_batch equals ethos grade", same(batch, expected))

    # --- OpenRLHF -------------------------------------------------------------------------
    open_rows = [json.loads(line) for line in open(WORK / "openrlhf/train.jsonl")]
    check("openrlhf: labels are the item ids", [r["label"] for r in open_rows] == ids)

    def chatml(messages):
        text = "".join(f"<|im_start|>{m['role']}\n{m['content']}<|im_end|>\n" for m in messages)
        return text + "<|im_start|>assistant\n"

    def post(path, body, headers=None):
        # As OpenRLHF's request_api_wrapper: a JSON POST, then the `rewards` key.
        request = urllib.request.Request(URL + path, data=json.dumps(body).encode(),
                                         headers={"Content-Type": "application/json", **(headers or {})})
        try:
            with urllib.request.urlopen(request, timeout=180) as response:
                return response.status, json.loads(response.read())
        except urllib.error.HTTPError as error:
            return error.code, json.loads(error.read() or b"{}")

    prompts = [chatml(r["input"]) for r in open_rows]
    queries = [p + resp + "<|im_end|>" for p, resp in zip(prompts, responses)]
    status, answer = post("/get_reward", {"query": queries, "prompts": prompts, "labels": ids})
    check("openrlhf: 200", status == 200, answer)
    check("openrlhf: rewards equal ethos grade", same(answer.get("rewards", []), expected),
          list(zip(answer.get("rewards", []), expected)))
    logs = answer.get("extra_logs", {})
    check("openrlhf: extra_logs are numeric per sample",
          logs and all(len(v) == len(ids) and all(isinstance(x, (int, float)) for x in v) for v in logs.values()), logs)
    status, answer = post("/get_reward", {"query": queries[:1], "prompts": prompts[:1], "labels": ["no-such-item"]})
    check("openrlhf: an unknown id is a 422 naming it", status == 422 and "no-such-item" in json.dumps(answer), answer)
    status, answer = post("/get_reward", {"query": "not a list"})
    check("openrlhf: a malformed body is a 400 naming the field", status == 400 and "query" in json.dumps(answer), answer)

    # --- TRL ------------------------------------------------------------------------------
    import torch
    from tokenizers import Tokenizer, models, pre_tokenizers, trainers
    from transformers import LlamaConfig, LlamaForCausalLM, PreTrainedTokenizerFast

    torch.manual_seed(0)
    # A tiny word-level tokenizer trained on the exported prompts, with ChatML turns.
    specials = ["<pad>", "<unk>", "<|im_start|>", "<|im_end|>"]
    tok = Tokenizer(models.WordLevel(unk_token="<unk>"))
    tok.pre_tokenizer = pre_tokenizers.Whitespace()
    corpus = [m["content"] for r in trl_rows for m in r["prompt"]] + CANNED
    tok.train_from_iterator(corpus, trainers.WordLevelTrainer(vocab_size=2000, special_tokens=specials))
    tokenizer = PreTrainedTokenizerFast(tokenizer_object=tok, unk_token="<unk>", pad_token="<pad>",
                                        eos_token="<|im_end|>", bos_token="<|im_start|>")
    tokenizer.chat_template = (
        "{% for m in messages %}<|im_start|>{{ m['role'] }}\n{{ m['content'] }}<|im_end|>\n{% endfor %}"
        "{% if add_generation_prompt %}<|im_start|>assistant\n{% endif %}")
    tokenizer.padding_side = "left"
    model = LlamaForCausalLM(LlamaConfig(vocab_size=len(tokenizer), hidden_size=32, intermediate_size=64,
                                         num_hidden_layers=2, num_attention_heads=4, num_key_value_heads=2,
                                         max_position_embeddings=4096, pad_token_id=tokenizer.pad_token_id,
                                         eos_token_id=tokenizer.eos_token_id, bos_token_id=tokenizer.bos_token_id))

    calls = []

    def recorded_reward(prompts, completions, **kwargs):
        rewards = ethos_reward.trl_reward(prompts, completions, **kwargs)
        calls.append((list(kwargs["ethos_id"]), [ethos_reward._text(c) for c in completions], rewards))
        return rewards

    recorded_reward.__name__ = "ethos_reward"
    # The launch script of docs/scale-out.md, with the recipe of the export (8 prompts x
    # group 2, 48 tokens, the config's lr, KL, clipping and LoRA); 2 steps on the CPU.
    spec = importlib.util.spec_from_file_location("trl_grpo", REPO / "scripts/scale-out/trl_grpo.py")
    trl_grpo = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(trl_grpo)
    trainer = trl_grpo.make_trainer(WORK / "trl", model, WORK / "trl-run", tokenizer=tokenizer,
                                    reward=recorded_reward, max_steps=2, use_cpu=True, save_strategy="no")
    trainer.train()
    logged = [h["reward"] for h in trainer.state.log_history if "reward" in h]
    check("trl: 2 steps logged a reward", len(logged) == 2, trainer.state.log_history)
    check("trl: the shim was called once per step", len(calls) == 2, len(calls))
    per_step = [sum(r) / len(r) for _, _, r in calls]
    # TRL averages in float32 tensors.
    check("trl: logged rewards are the shim's means", same(logged, per_step, 1e-6), (logged, per_step))
    trl_ids = [i for c in calls for i in c[0]]
    trl_texts = [t for c in calls for t in c[1]]
    trl_rewards = [r for c in calls for r in c[2]]
    graded = ethos_grade(trl_ids, trl_texts, "trl")
    check("trl: every reward equals ethos grade's score", same(trl_rewards, graded), list(zip(trl_rewards, graded)))
    group = manifest["recipe"]["rollout"]["group"]
    n = manifest["prompts_per_step"]
    exported_steps = [[i for i in ids[k * n:(k + 1) * n] for _ in range(group)] for k in range(2)]
    check("trl: step k trained on ethos's step k prompts, each `group` times",
          [sorted(c[0]) for c in calls] == [sorted(s) for s in exported_steps], [c[0] for c in calls])
    print("\nTRL GRPOTrainer rewards next to `ethos grade` for the same completions:")
    print(f"{'step':>4} {'item':<48} {'TRL reward':>10} {'ethos grade':>11}  completion")
    n = 0
    for step, (cids, texts, rewards) in enumerate(calls, 1):
        for i, t, r in zip(cids, texts, rewards):
            print(f"{step:>4} {i:<48} {r:>10.4f} {graded[n]:>11.4f}  {t[:40]!r}")
            n += 1
    print(f"logged per-step mean reward: {logged}")
    print("\nFixed responses (verl compute_score and OpenRLHF /get_reward) next to `ethos grade`:")
    for i, v, e in zip(ids, verl_scores, expected):
        print(f"  {i:<48} {v:>8.4f} {e:>8.4f}")
finally:
    server.terminate()
    server.wait(timeout=10)

print(f"\n{len(failures)} failed" if failures else "\nall scale-out checks passed")
sys.exit(1 if failures else 0)
