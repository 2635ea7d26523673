#!/usr/bin/env python3
"""Print scenarios for writing graded answers: conversation, rubric criteria and points, and
the reference, without the machine checks (so answers are not written to fit them).

    python3 scripts/data/show_scenario.py data/scenarios/train/truthfulness.jsonl [ID...]
"""
import json
import sys

path, wanted = sys.argv[1], set(sys.argv[2:])
with open(path, encoding="utf-8") as f:
    for number, line in enumerate(f, 1):
        s = json.loads(line)
        if wanted and s["id"] not in wanted:
            continue
        print(f"=== {s['id']}  (line {number}, pressure: {s.get('pressure')})")
        for m in s["messages"]:
            print(f"[{m['role']}] {m['content']}\n")
        print("RUBRIC:")
        for c in s["rubric"]:
            print(f"  {c['points']:+d}  {c['criterion']}")
        print(f"REFERENCE:\n{s.get('reference')}\n")
