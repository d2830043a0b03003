#!/usr/bin/env python3
"""Verify the blind evaluation set: offsets, required fields, allowed values; print counts.

Usage: python3 check_gold.py            (run from anywhere; paths are relative to this file)
Exit status 0 when every check passes, 1 otherwise.
"""
import collections
import glob
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
QUALIFIERS = {"about", "over", "under", "up to", "at least", "nearly", "exact"}
CATEGORIES = {"military", "diplomatic", "economic", "intelligence", "technology"}
PRECISION_LEN = {"day": 10, "month": 7, "year": 4}
DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")

errors = []


def err(msg):
    errors.append(msg)


def load_docs():
    docs = {}
    for path in sorted(glob.glob(os.path.join(HERE, "[0-9][0-9]_*.txt"))):
        with open(path, "rb") as f:
            raw = f.read()
        name = os.path.basename(path)
        if b"\r" in raw:
            err(f"{name}: contains CR characters (LF line endings required)")
        text = raw.decode("utf-8")  # raises if not UTF-8
        lines = text.split("\n")
        if len(lines) < 3 or not lines[0].strip() or not lines[1].strip():
            err(f"{name}: must start with a title line and a date line")
        words = len(text.split())
        if not 300 <= words <= 650:
            err(f"{name}: {words} words, outside 300-650")
        docs[name] = text
    return docs


def load_jsonl(name):
    rows = []
    with open(os.path.join(HERE, name), encoding="utf-8") as f:
        for i, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                rows.append((i, json.loads(line)))
            except json.JSONDecodeError as e:
                err(f"{name}:{i}: invalid JSON ({e})")
    return rows


def check_span(fname, i, r, docs, key):
    doc = r.get("doc")
    if doc not in docs:
        err(f"{fname}:{i}: unknown doc {doc!r}")
        return False
    s, e = r.get("start"), r.get("end")
    if not (isinstance(s, int) and isinstance(e, int) and 0 <= s < e <= len(docs[doc])):
        err(f"{fname}:{i}: bad offsets {s}-{e}")
        return False
    if docs[doc][s:e] != r.get(key):
        err(f"{fname}:{i}: text[{s}:{e}]={docs[doc][s:e]!r} != {key}={r.get(key)!r}")
        return False
    return True


def main():
    docs = load_docs()
    if len(docs) != 10:
        err(f"expected 10 documents, found {len(docs)}")

    qrows = load_jsonl("gold_quantities.jsonl")
    erows = load_jsonl("gold_events.jsonl")
    qcount = collections.Counter()
    ecount = collections.Counter()

    seen = set()
    for i, r in qrows:
        if not check_span("gold_quantities.jsonl", i, r, docs, "text"):
            continue
        key = (r["doc"], r["start"], r["end"])
        if key in seen:
            err(f"gold_quantities.jsonl:{i}: duplicate span")
        seen.add(key)
        has_val = "value" in r
        has_rng = "low" in r and "high" in r
        if has_val == has_rng:
            err(f"gold_quantities.jsonl:{i}: need exactly one of value or low/high")
        nums = [r["value"]] if has_val else [r.get("low"), r.get("high")]
        if not all(isinstance(x, (int, float)) and not isinstance(x, bool) for x in nums):
            err(f"gold_quantities.jsonl:{i}: non-numeric value")
        elif has_rng and r["low"] > r["high"]:
            err(f"gold_quantities.jsonl:{i}: low > high")
        for k in ("unit", "measure", "source", "date"):
            if not isinstance(r.get(k), str) or not r[k].strip():
                err(f"gold_quantities.jsonl:{i}: missing {k}")
        if r.get("qualifier") not in QUALIFIERS:
            err(f"gold_quantities.jsonl:{i}: bad qualifier {r.get('qualifier')!r}")
        if r.get("tier") not in ("core", "aux"):
            err(f"gold_quantities.jsonl:{i}: bad tier")
        if not DATE_RE.match(str(r.get("date", ""))):
            err(f"gold_quantities.jsonl:{i}: bad date {r.get('date')!r}")
        if "per" in r and (not isinstance(r["per"], str) or not r["per"].strip()):
            err(f"gold_quantities.jsonl:{i}: empty per")
        qcount[(r["doc"], r.get("tier"))] += 1

    seen = set()
    for i, r in erows:
        if not check_span("gold_events.jsonl", i, r, docs, "dateText"):
            continue
        key = (r["doc"], r["start"], r["end"])
        if key in seen:
            err(f"gold_events.jsonl:{i}: duplicate span")
        seen.add(key)
        p = r.get("precision")
        if p not in PRECISION_LEN:
            err(f"gold_events.jsonl:{i}: bad precision {p!r}")
        elif not (DATE_RE.match(str(r.get("date", ""))) and len(r["date"]) == PRECISION_LEN[p]):
            err(f"gold_events.jsonl:{i}: date {r.get('date')!r} does not match precision {p}")
        if r.get("category") not in CATEGORIES:
            err(f"gold_events.jsonl:{i}: bad category {r.get('category')!r}")
        if r.get("tier") not in ("core", "aux"):
            err(f"gold_events.jsonl:{i}: bad tier")
        if not isinstance(r.get("event"), str) or not r["event"].strip():
            err(f"gold_events.jsonl:{i}: missing event")
        ecount[(r["doc"], r.get("tier"))] += 1

    print(f"{'document':34} {'words':>5} {'Q core':>6} {'Q aux':>5} {'E core':>6} {'E aux':>5}")
    for d in sorted(docs):
        print(f"{d:34} {len(docs[d].split()):5d} {qcount[(d, 'core')]:6d} {qcount[(d, 'aux')]:5d} "
              f"{ecount[(d, 'core')]:6d} {ecount[(d, 'aux')]:5d}")
    tq = sum(qcount.values()); te = sum(ecount.values())
    print(f"{'TOTAL':34} {'':5} {sum(v for k, v in qcount.items() if k[1] == 'core'):6d} "
          f"{sum(v for k, v in qcount.items() if k[1] == 'aux'):5d} "
          f"{sum(v for k, v in ecount.items() if k[1] == 'core'):6d} "
          f"{sum(v for k, v in ecount.items() if k[1] == 'aux'):5d}")
    print(f"quantity records: {tq}; event records: {te}")

    if errors:
        print(f"\nFAILED: {len(errors)} problem(s)")
        for m in errors:
            print("  -", m)
        return 1
    print("\nOK: all offsets and fields verified")
    return 0


if __name__ == "__main__":
    sys.exit(main())
