#!/usr/bin/env python3
"""One-off rubric migration (issue 20): length control only where brevity is the construct.

- Negative criteria whose check is only a word or sentence count (the generic "pads the
  answer" penalty) are removed, except in `dense_usefulness`, where brevity is the trait:
  there the limit becomes per scenario (2.5x the reference's words) and weighs 4 points.
- `min_words` / `min_sentences` are dropped from positive checks that also match text, so a
  terse answer that does the thing is not marked as missing it.

Run from the repository root; rewrites data/scenarios/**/*.jsonl in place (one JSON object
per line, keys in their existing order).
"""
import glob
import json
import math

LENGTH_KEYS = {"min_words", "max_words", "min_sentences", "max_sentences"}


def migrate(scenario):
    rubric = []
    words = len((scenario.get("reference") or "").split())
    for criterion in scenario["rubric"]:
        check = criterion.get("check") or {}
        length_only = bool(check) and set(check) <= LENGTH_KEYS
        if criterion["points"] < 0 and length_only:
            if scenario["trait"] != "dense_usefulness" or not words:
                continue
            criterion["check"] = {"min_words": int(math.ceil(2.5 * words / 10.0) * 10)}
            criterion["points"] = -4
        elif criterion["points"] > 0 and not length_only:
            for key in ("min_words", "min_sentences"):
                check.pop(key, None)
        rubric.append(criterion)
    scenario["rubric"] = rubric
    return scenario


for path in sorted(glob.glob("data/scenarios/*/*.jsonl")):
    with open(path, encoding="utf-8") as f:
        scenarios = [json.loads(line) for line in f if line.strip()]
    with open(path + ".tmp", "w", encoding="utf-8") as f:
        for scenario in scenarios:
            f.write(json.dumps(migrate(scenario), ensure_ascii=False) + "\n")
    import os
    os.replace(path + ".tmp", path)
