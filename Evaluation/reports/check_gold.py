#!/usr/bin/env python3
"""Verify the reports evaluation set: documents, gold offsets and schemas.

Usage:  python3 check_gold.py [DIR]     (DIR defaults to this script's folder)
Exit status is 0 when every check passes, 1 otherwise.
"""
import collections
import glob
import json
import os
import re
import sys

HERE = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))

QUALIFIERS = {"about", "over", "under", "up to", "at least", "nearly", "exact"}
TIERS = {"core", "aux"}
PRECISION = {"day": 10, "month": 7, "year": 4}
CATEGORIES = {"military", "diplomatic", "economic", "intelligence", "technology"}
BANDS = ["almost no chance", "very unlikely", "unlikely", "roughly even chance",
         "likely", "very likely", "almost certain"]
# ISO 8601 date (YYYY, YYYY-MM, YYYY-MM-DD) or interval of two such dates.
ISO_POINT = r"\d{4}(-\d{2}(-\d{2})?)?"
ISO_DATE = re.compile(rf"^{ISO_POINT}(/{ISO_POINT})?$")

errors = []


def err(msg):
    errors.append(msg)


def load_docs():
    docs = {}
    for path in sorted(glob.glob(os.path.join(HERE, "[0-9][0-9]_*.txt"))):
        name = os.path.basename(path)
        raw = open(path, "rb").read()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            err(f"{name}: not valid UTF-8 ({exc})")
            continue
        if b"\r" in raw:
            err(f"{name}: contains CR characters (LF line endings required)")
        if raw.startswith(b"\xef\xbb\xbf"):
            err(f"{name}: has a UTF-8 BOM")
        lines = text.split("\n")
        if len(lines) < 3 or not lines[0].strip() or not lines[1].strip():
            err(f"{name}: must start with a title line and a date line")
        words = len(text.split())
        if not 300 <= words <= 700:
            err(f"{name}: {words} words (expected 300-700)")
        docs[name] = text
    expected = [f"{i:02d}_" for i in range(1, 11)]
    prefixes = sorted(n[:3] for n in docs)
    if prefixes != expected:
        err(f"expected documents 01_..10_, found {prefixes}")
    return docs


def read_jsonl(name):
    rows = []
    path = os.path.join(HERE, name)
    with open(path, encoding="utf-8") as f:
        for i, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                rows.append((i, json.loads(line)))
            except json.JSONDecodeError as exc:
                err(f"{name}:{i}: bad JSON ({exc})")
    return rows


def check_span(fname, i, r, docs, field):
    doc = r.get("doc")
    if doc not in docs:
        err(f"{fname}:{i}: unknown doc {doc!r}")
        return False
    st, en = r.get("start"), r.get("end")
    if not (isinstance(st, int) and isinstance(en, int) and 0 <= st < en <= len(docs[doc])):
        err(f"{fname}:{i}: bad offsets {st}..{en}")
        return False
    got = docs[doc][st:en]
    if got != r.get(field):
        err(f"{fname}:{i}: {doc}[{st}:{en}] is {got!r}, record says {r.get(field)!r}")
        return False
    return True


def is_num(x):
    return isinstance(x, (int, float)) and not isinstance(x, bool)


def check_quantities(docs):
    fname = "gold_quantities.jsonl"
    rows = read_jsonl(fname)
    counts = collections.Counter()
    seen = set()
    for i, r in rows:
        check_span(fname, i, r, docs, "text")
        key = (r.get("doc"), r.get("start"), r.get("end"))
        if key in seen:
            err(f"{fname}:{i}: duplicate span {key}")
        seen.add(key)
        tier = r.get("tier")
        if tier not in TIERS:
            err(f"{fname}:{i}: bad tier {tier!r}")
        has_value = "value" in r
        has_range = "low" in r or "high" in r
        if has_value == has_range:
            err(f"{fname}:{i}: needs exactly one of value or low/high")
        if has_range:
            if not (is_num(r.get("low")) and is_num(r.get("high")) and r["low"] <= r["high"]):
                err(f"{fname}:{i}: bad range {r.get('low')}..{r.get('high')}")
        elif tier == "core" and not is_num(r.get("value")):
            err(f"{fname}:{i}: core record needs a numeric value")
        elif r.get("value") is not None and not is_num(r.get("value")):
            err(f"{fname}:{i}: value must be a number or null")
        if r.get("qualifier") not in QUALIFIERS:
            err(f"{fname}:{i}: bad qualifier {r.get('qualifier')!r}")
        if not isinstance(r.get("unit"), str) or not r["unit"]:
            err(f"{fname}:{i}: missing unit")
        if tier == "core":
            for f in ("measure", "source"):
                if not isinstance(r.get(f), str) or not r[f]:
                    err(f"{fname}:{i}: core record missing {f}")
        d = r.get("date")
        if d is not None and not ISO_DATE.match(d):
            err(f"{fname}:{i}: date {d!r} is not ISO (YYYY[-MM[-DD]] or interval a/b)")
        counts[(r.get("doc"), tier)] += 1
    # core spans must not overlap each other
    by_doc = collections.defaultdict(list)
    for i, r in rows:
        if r.get("tier") == "core":
            by_doc[r.get("doc")].append((r["start"], r["end"], i))
    for doc, spans in by_doc.items():
        spans.sort()
        for (a1, b1, i1), (a2, b2, i2) in zip(spans, spans[1:]):
            if a2 < b1:
                err(f"{fname}: core spans overlap in {doc} (lines {i1} and {i2})")
    return counts


def check_events(docs):
    fname = "gold_events.jsonl"
    rows = read_jsonl(fname)
    counts = collections.Counter()
    for i, r in rows:
        check_span(fname, i, r, docs, "dateText")
        prec, date = r.get("precision"), r.get("date")
        if prec not in PRECISION:
            err(f"{fname}:{i}: bad precision {prec!r}")
        elif not (isinstance(date, str) and re.fullmatch(ISO_POINT, date) and len(date) == PRECISION[prec]):
            err(f"{fname}:{i}: date {date!r} does not match precision {prec!r}")
        if r.get("category") not in CATEGORIES:
            err(f"{fname}:{i}: bad category {r.get('category')!r}")
        if not r.get("event"):
            err(f"{fname}:{i}: missing event description")
        counts[r.get("doc")] += 1
    # every chronology line (YYYY-MM[-DD] — ...) must carry an event
    for doc, text in docs.items():
        starts = {r["start"] for _, r in rows if r.get("doc") == doc}
        for m in re.finditer(r"(?m)^(\d{4}-\d{2}(?:-\d{2})?) — ", text):
            if m.start(1) not in starts:
                err(f"{doc}: chronology entry {m.group(1)} has no event record")
    return counts


def check_estimates(docs):
    fname = "gold_estimates.jsonl"
    rows = read_jsonl(fname)
    counts = collections.Counter()
    for i, r in rows:
        check_span(fname, i, r, docs, "text")
        if r.get("band") not in BANDS:
            err(f"{fname}:{i}: bad band {r.get('band')!r}")
        counts[(r.get("doc"), r.get("band"))] += 1
    return counts


def main():
    docs = load_docs()
    q = check_quantities(docs)
    ev = check_events(docs)
    es = check_estimates(docs)

    print(f"{'document':45} {'words':>5} {'core':>5} {'aux':>4} {'events':>6} {'estim':>5}")
    tot = collections.Counter()
    for name, text in docs.items():
        w = len(text.split())
        c, a = q[(name, "core")], q[(name, "aux")]
        e = ev[name]
        s = sum(v for (d, _), v in es.items() if d == name)
        tot.update(words=w, core=c, aux=a, events=e, estimates=s)
        print(f"{name:45} {w:5} {c:5} {a:4} {e:6} {s:5}")
    print(f"{'TOTAL':45} {tot['words']:5} {tot['core']:5} {tot['aux']:4} {tot['events']:6} {tot['estimates']:5}")
    bands = collections.Counter()
    for (_, b), v in es.items():
        bands[b] += v
    print("estimate bands:", ", ".join(f"{b}={bands[b]}" for b in BANDS if bands[b]))

    if errors:
        print(f"\nFAILED: {len(errors)} problem(s)")
        for e in errors:
            print("  -", e)
        return 1
    print("\nOK: all offsets and schemas verified")
    return 0


if __name__ == "__main__":
    sys.exit(main())
