#!/usr/bin/env python3
"""Verify the news-wire gold annotations against the article files.

Checks
  * articles: UTF-8, LF line endings, headline + date line, 250-600 words,
    paragraphs separated by single blank lines;
  * every record in gold_quantities.jsonl / gold_events.jsonl: the document
    exists and text[start:end] equals the recorded span (offsets are Unicode
    code points, i.e. Python str indices after reading the file as UTF-8);
  * schema: required fields, enums, numeric values, ISO dates/intervals;
  * events whose dateText names a weekday resolve to a date on that weekday,
    and relative dates lie close to the publication date.

Prints per-document and total counts; exits 1 on any failure.
Usage:  python3 check_gold.py
"""
import collections
import datetime as dt
import glob
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))

PUB_DATES = {
    "01_eurozone_inflation_ecb.txt": "2025-03-04",
    "02_yonhap_nk_missiles_troops.txt": "2025-03-10",
    "03_tass_gas_exports_china.txt": "2025-04-09",
    "04_bbc_explainer_food_prices.txt": "2025-05-23",
    "05_aljazeera_sudan_el_fasher.txt": "2025-04-14",
    "06_nikkei_chipmaker_investment.txt": "2025-04-01",
    "07_kyiv_overnight_drone_attack.txt": "2025-06-05",
    "08_india_state_budget.txt": "2025-03-15",
    "09_energy_oil_gas_markets.txt": "2025-10-28",
    "10_cyclone_mozambique_cholera.txt": "2025-02-17",
    "11_sanctions_shadow_fleet_trade.txt": "2025-11-12",
    "12_romania_defence_procurement.txt": "2025-09-16",
}

QUALIFIERS = {"about", "over", "under", "up to", "at least", "nearly", "exact"}
TIERS = {"core", "aux"}
CATEGORIES = {"military", "diplomatic", "economic", "intelligence", "technology"}
PRECISION_RE = {
    "day": re.compile(r"^\d{4}-\d{2}-\d{2}$"),
    "month": re.compile(r"^\d{4}-\d{2}$"),
    "year": re.compile(r"^\d{4}$"),
}
ISO_POINT = r"\d{4}(?:-\d{2}(?:-\d{2})?)?"
ISO_DATE_OR_INTERVAL = re.compile(rf"^{ISO_POINT}(?:/{ISO_POINT})?$")
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

errors = []


def err(msg):
    errors.append(msg)


def valid_iso_point(s):
    parts = s.split("-")
    try:
        if len(parts) == 1:
            return True
        if len(parts) == 2:
            return 1 <= int(parts[1]) <= 12
        dt.date.fromisoformat(s)
        return True
    except ValueError:
        return False


def check_articles():
    texts = {}
    files = sorted(os.path.basename(p) for p in glob.glob(os.path.join(HERE, "[0-9][0-9]_*.txt")))
    if len(files) != 12:
        err(f"expected 12 articles, found {len(files)}")
    for f in files:
        raw = open(os.path.join(HERE, f), "rb").read()
        try:
            t = raw.decode("utf-8")
        except UnicodeDecodeError as e:
            err(f"{f}: not UTF-8 ({e})")
            continue
        if b"\r" in raw:
            err(f"{f}: contains CR characters (must be LF only)")
        lines = t.split("\n")
        if not lines[0].strip():
            err(f"{f}: first line (headline) is empty")
        if len(lines) < 2 or not lines[1].strip():
            err(f"{f}: second line (publication date / dateline) is empty")
        if "\n\n\n" in t:
            err(f"{f}: paragraphs separated by more than one blank line")
        words = len(t.split())
        if not 250 <= words <= 600:
            err(f"{f}: {words} words (expected 250-600)")
        if f not in PUB_DATES:
            err(f"{f}: no publication date registered in check_gold.py")
        texts[f] = t
    return texts


def load_jsonl(name):
    recs = []
    with open(os.path.join(HERE, name), encoding="utf-8") as fh:
        for i, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                recs.append((i, json.loads(line)))
            except json.JSONDecodeError as e:
                err(f"{name}:{i}: invalid JSON ({e})")
    return recs


def check_span(name, i, r, texts, key):
    doc = r.get("doc")
    if doc not in texts:
        err(f"{name}:{i}: unknown doc {doc!r}")
        return False
    s, e = r.get("start"), r.get("end")
    if not (isinstance(s, int) and isinstance(e, int) and 0 <= s < e <= len(texts[doc])):
        err(f"{name}:{i}: bad offsets {s}-{e}")
        return False
    if texts[doc][s:e] != r.get(key):
        err(f"{name}:{i}: {doc}[{s}:{e}] = {texts[doc][s:e]!r} != {key} {r.get(key)!r}")
        return False
    return True


def check_quantities(texts):
    name = "gold_quantities.jsonl"
    recs = load_jsonl(name)
    seen = set()
    for i, r in recs:
        check_span(name, i, r, texts, "text")
        key = (r.get("doc"), r.get("start"), r.get("end"))
        if key in seen:
            err(f"{name}:{i}: duplicate span {key}")
        seen.add(key)
        has_value = "value" in r
        has_range = "low" in r or "high" in r
        if has_value == has_range:
            err(f"{name}:{i}: need exactly one of value or low/high")
        if has_value and not isinstance(r["value"], (int, float)):
            err(f"{name}:{i}: value not numeric")
        if has_range:
            lo, hi = r.get("low"), r.get("high")
            if not (isinstance(lo, (int, float)) and isinstance(hi, (int, float)) and lo <= hi):
                err(f"{name}:{i}: bad range low={lo} high={hi}")
        for f in ("unit", "measure", "source", "date"):
            if not isinstance(r.get(f), str) or not r[f].strip():
                err(f"{name}:{i}: missing/empty {f}")
        if r.get("qualifier") not in QUALIFIERS:
            err(f"{name}:{i}: bad qualifier {r.get('qualifier')!r}")
        if r.get("tier") not in TIERS:
            err(f"{name}:{i}: bad tier {r.get('tier')!r}")
        d = r.get("date", "")
        if not ISO_DATE_OR_INTERVAL.match(d) or not all(valid_iso_point(p) for p in d.split("/")):
            err(f"{name}:{i}: bad date {d!r}")
        if "per" in r and (not isinstance(r["per"], str) or not r["per"].strip()):
            err(f"{name}:{i}: empty per")
    return [r for _, r in recs]


def check_events(texts):
    name = "gold_events.jsonl"
    recs = load_jsonl(name)
    seen = set()
    for i, r in recs:
        check_span(name, i, r, texts, "dateText")
        key = (r.get("doc"), r.get("start"), r.get("end"))
        if key in seen:
            err(f"{name}:{i}: duplicate span {key}")
        seen.add(key)
        prec = r.get("precision")
        if prec not in PRECISION_RE:
            err(f"{name}:{i}: bad precision {prec!r}")
            continue
        d = r.get("date", "")
        if not PRECISION_RE[prec].match(d) or not valid_iso_point(d):
            err(f"{name}:{i}: date {d!r} does not match precision {prec}")
            continue
        if r.get("category") not in CATEGORIES:
            err(f"{name}:{i}: bad category {r.get('category')!r}")
        if r.get("tier", "core") not in TIERS:
            err(f"{name}:{i}: bad tier {r.get('tier')!r}")
        if not isinstance(r.get("event"), str) or not r["event"].strip():
            err(f"{name}:{i}: missing event description")
        low = r.get("dateText", "").lower()
        pub = dt.date.fromisoformat(PUB_DATES.get(r.get("doc"), "1900-01-01"))
        for wi, wd in enumerate(WEEKDAYS):
            if wd in low:
                day = dt.date.fromisoformat(d)
                if day.weekday() != wi:
                    err(f"{name}:{i}: {r['dateText']!r} resolved to {d}, a {WEEKDAYS[day.weekday()]}")
                if abs((day - pub).days) > 7:
                    err(f"{name}:{i}: weekday date {d} more than a week from publication {pub}")
    return [r for _, r in recs]


def main():
    texts = check_articles()
    quants = check_quantities(texts)
    events = check_events(texts)

    qc = collections.Counter((r["doc"], r["tier"]) for r in quants)
    ec = collections.Counter((r["doc"], r.get("tier", "core")) for r in events)
    print(f"{'document':40} {'words':>5} {'q.core':>6} {'q.aux':>5} {'ev.core':>7} {'ev.aux':>6}")
    for doc in sorted(texts):
        print(f"{doc:40} {len(texts[doc].split()):5d} {qc[(doc, 'core')]:6d} {qc[(doc, 'aux')]:5d}"
              f" {ec[(doc, 'core')]:7d} {ec[(doc, 'aux')]:6d}")
    tq = collections.Counter(r["tier"] for r in quants)
    te = collections.Counter(r.get("tier", "core") for r in events)
    print(f"TOTAL: {len(texts)} articles, {len(quants)} quantities "
          f"({tq['core']} core, {tq['aux']} aux), {len(events)} events "
          f"({te['core']} core, {te['aux']} aux)")
    if errors:
        print(f"\nFAILED: {len(errors)} problem(s)")
        for e in errors:
            print("  -", e)
        sys.exit(1)
    print("OK: all offsets and fields verified")


if __name__ == "__main__":
    main()
