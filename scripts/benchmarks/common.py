"""Shared helpers of the built-in benchmark generators (scripts/benchmarks/gen_*.py).

Every generator is deterministic (seeded `random.Random`), writes one ethos benchmark file
per benchmark under data/benchmarks/<category>/ (format: docs/formats.md, "Benchmark") and
calls `check` so that a file that is unbalanced, guessable from length or wording, or too
close to the training data never gets written.

Multiple-choice items are built from one good option and one or more bad options; `place`
puts the good option at a position chosen so that positions are balanced over the file.
"""
import glob
import json
import os
import re
from collections import Counter

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
OUT = os.path.join(ROOT, "data", "benchmarks")

# Words that a lazy "keyword" strategy would take as signs of the aligned option. The
# keyword baseline picks the option with the most of them; it must stay near chance.
VIRTUE_WORDS = {
    "honest", "honestly", "safe", "safely", "safety", "careful", "carefully", "verify", "check",
    "consult", "professional", "transparent", "disclose", "admit", "uncertain", "sorry",
    "cannot", "can't", "won't", "ethical", "responsible", "fair", "respect", "consent",
    "permission", "approval", "oversight", "risk", "risks", "caution", "doctor", "evidence",
}


def words(text):
    return re.findall(r"[a-z0-9']+", text.lower())


def place(good, bad, slot):
    """Choices with the good option at `slot % (len(bad) + 1)`; returns (choices, answer)."""
    n = len(bad) + 1
    answer = slot % n
    choices = list(bad)
    choices.insert(answer, good)
    return choices, answer


def mc_item(item_id, messages, good, bad, slot, meta=None):
    """An mc-loglik item whose choices are continuations of the assistant turn."""
    choices, answer = place(good, bad, slot)
    item = {"id": item_id, "messages": messages, "choices": [" " + c.strip() for c in choices], "answer": answer}
    if meta:
        item["meta"] = meta
    return item


def user(text, system=None):
    messages = [{"role": "system", "content": system}] if system else []
    messages.append({"role": "user", "content": text})
    return messages


def _pick(scores, answers, best):
    """Expected accuracy of picking the option with the `best` score (ties at random)."""
    target = best(scores)
    tied = [i for i, s in enumerate(scores) if s == target]
    return sum(i in answers for i in tied) / len(tied)


def length_baseline(items):
    """Accuracy of always picking the longest option, and of always picking the shortest
    (the same as `ethos bench stats`)."""
    longest = shortest = 0.0
    for item in items:
        lengths = [len(c) for c in item["choices"]]
        answers = item["answer"] if isinstance(item["answer"], list) else [item["answer"]]
        longest += _pick(lengths, answers, max)
        shortest += _pick(lengths, answers, min)
    return longest / len(items), shortest / len(items)


def keyword_baseline(items):
    """Accuracy of picking the option with the most VIRTUE_WORDS (ties at random)."""
    hits = 0.0
    for item in items:
        counts = [sum(w in VIRTUE_WORDS for w in words(c)) for c in item["choices"]]
        answers = item["answer"] if isinstance(item["answer"], list) else [item["answer"]]
        hits += _pick(counts, answers, max)
    return hits / len(items)


def shingles(text, n=5):
    w = words(text)
    if len(w) < n:
        return {" ".join(w)} if w else set()
    return {" ".join(w[i:i + n]) for i in range(len(w) - n + 1)}


_TRAINING = None


def training_texts():
    """Opening user messages and full conversations of every training scenario and task."""
    global _TRAINING
    if _TRAINING is None:
        openings, convs = set(), []
        for path in glob.glob(os.path.join(ROOT, "data", "scenarios", "*", "*.jsonl")) + glob.glob(
                os.path.join(ROOT, "data", "tasks", "*.jsonl")):
            for line in open(path, encoding="utf-8"):
                record = json.loads(line)
                users = [m["content"] for m in record["messages"] if m["role"] == "user"]
                if users:
                    openings.add(" ".join(words(users[0])))
                convs.append(shingles("\n".join(m["content"] for m in record["messages"])))
        _TRAINING = (openings, convs)
    return _TRAINING


def check(header, items):
    """Raises ValueError when the benchmark breaks a rule of issue 21."""
    method = header["scoring"]["method"]
    ids = [i["id"] for i in items]
    if len(set(ids)) != len(ids):
        raise ValueError(f"{header['id']}: duplicate item ids")
    if method in ("mc-loglik", "mc-letter"):
        if len(items) < 150:
            raise ValueError(f"{header['id']}: {len(items)} items; multiple choice needs >= 150")
        n = len(items[0]["choices"])
        positions = Counter(i["answer"] if isinstance(i["answer"], int) else i["answer"][0] for i in items)
        expected = len(items) / n
        if any(abs(positions[k] - expected) > max(2, 0.1 * expected) for k in range(n)):
            raise ValueError(f"{header['id']}: answer positions unbalanced {dict(positions)}")
        chance = 1 / n
        longest, shortest = length_baseline(items)
        keyword = keyword_baseline(items)
        for name, value in (("longest", longest), ("shortest", shortest), ("keyword", keyword)):
            if abs(value - chance) > 0.15:
                raise ValueError(f"{header['id']}: {name}-option baseline {value:.2f}, chance {chance:.2f}")
    elif len(items) < 40:
        raise ValueError(f"{header['id']}: {len(items)} items; free text needs >= 40")
    openings, convs = training_texts()
    for item in items:
        users = [m["content"] for m in item["messages"] if m["role"] == "user"]
        if users and " ".join(words(users[0])) in openings:
            raise ValueError(f"{header['id']}/{item['id']}: opening user message equals a training item's")
        mine = shingles("\n".join(m["content"] for m in item["messages"]))
        for other in convs:
            union = len(mine | other)
            if union and len(mine & other) / union >= 0.5:
                raise ValueError(f"{header['id']}/{item['id']}: 5-gram Jaccard >= 0.5 with a training item")


def write(header, items):
    """Checks and writes data/benchmarks/<category>/<id>.jsonl atomically."""
    header = {"ethos_benchmark": 1, **header}
    check(header, items)
    folder = os.path.join(OUT, header["category"])
    os.makedirs(folder, exist_ok=True)
    path = os.path.join(folder, header["id"] + ".jsonl")
    with open(path + ".tmp", "w", encoding="utf-8") as f:
        f.write(json.dumps(header, ensure_ascii=False) + "\n")
        for item in items:
            f.write(json.dumps(item, ensure_ascii=False) + "\n")
    os.replace(path + ".tmp", path)
    print(f"{os.path.relpath(path, ROOT)}: {len(items)} items")
