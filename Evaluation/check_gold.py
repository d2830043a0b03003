#!/usr/bin/env python3
"""Verify the gold annotations of the evaluation sets under Evaluation/ and print counts.

Usage:
    python3 Evaluation/check_gold.py [SET_DIR ...]
    e.g. python3 Evaluation/check_gold.py Evaluation/reports

Without arguments, every folder under Evaluation/ that holds a gold_quantities.jsonl is checked.
Exit status is 0 when every check passes in every set, 1 otherwise.

A set folder holds documents `NN_name.txt`, `gold_quantities.jsonl`, `gold_events.jsonl` and,
optionally, `gold_estimates.jsonl` (checked only when present).  Offsets are Unicode code points
(Python str indices after reading the file as UTF-8), end exclusive.

Checks
  documents
    * UTF-8 without BOM, LF line endings only (no CR);
    * line 1 is a title, line 2 a date line, followed by the body;
    * paragraphs separated by single blank lines (no "\\n\\n\\n");
    * 300-700 words (whitespace-separated tokens);
    * numbered 01, 02, ... without gaps; sets listed in EXPECTED_DOCS have exactly that many.
  every record of every gold file
    * valid JSON object; `doc` names an existing document;
    * integer offsets with 0 <= start < end <= len(text) and text[start:end] equal to the
      record's `text` (quantities, estimates) or `dateText` (events).
  gold_quantities.jsonl
    * no duplicate (doc, start, end); `tier` is core or aux; core spans do not overlap;
    * exactly one of `value` or `low`/`high`; low and high numeric with low <= high;
      `value` numeric (null allowed on aux records only);
    * `qualifier` in QUALIFIERS; `unit` and `measure` non-empty; `per`, if present, non-empty;
    * `source` non-empty (null allowed on aux records only);
    * `date` present: null (the text gives no date) or an ISO date YYYY, YYYY-MM or YYYY-MM-DD,
      or an interval a/b of two such dates, each a real calendar date.
  gold_events.jsonl
    * no duplicate (doc, start, end); `tier`, if present, is core or aux (absent counts as core);
    * `precision` is day, month or year and `date` is a real calendar date of that form;
    * `category` in CATEGORIES; `event` non-empty;
    * a day-precision event whose dateText names a weekday resolves to that weekday and, when the
      set's publication dates are known (PUB_DATES), lies within 7 days of publication;
    * every chronology line of a document ("YYYY-MM[-DD] — ...") has an event starting there.
  gold_estimates.jsonl (only if present)
    * `band` in BANDS.

Prints, per set, the per-document word and record counts and the totals.
"""
import collections
import datetime as dt
import glob
import json
import os
import re
import sys

EVAL_DIR = os.path.dirname(os.path.abspath(__file__))

MIN_WORDS, MAX_WORDS = 300, 700
# Number of documents expected in the known sets (keyed by folder name).
EXPECTED_DOCS = {"blind": 10, "news-wire": 12, "reports": 10}
# Publication dates for the weekday-proximity check (keyed by folder name, then document).
PUB_DATES = {
    "news-wire": {
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
    },
}

QUALIFIERS = {"about", "over", "under", "up to", "at least", "nearly", "exact"}
TIERS = {"core", "aux"}
CATEGORIES = {"military", "diplomatic", "economic", "intelligence", "technology"}
BANDS = ["almost no chance", "very unlikely", "unlikely", "roughly even chance",
         "likely", "very likely", "almost certain"]
PRECISION_RE = {
    "day": re.compile(r"^\d{4}-\d{2}-\d{2}$"),
    "month": re.compile(r"^\d{4}-\d{2}$"),
    "year": re.compile(r"^\d{4}$"),
}
ISO_POINT = r"\d{4}(?:-\d{2}(?:-\d{2})?)?"
ISO_DATE_OR_INTERVAL = re.compile(rf"^{ISO_POINT}(?:/{ISO_POINT})?$")
CHRONOLOGY_LINE = re.compile(r"(?m)^(\d{4}-\d{2}(?:-\d{2})?) — ")
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


def is_num(x):
    return isinstance(x, (int, float)) and not isinstance(x, bool)


def nonempty_str(x):
    return isinstance(x, str) and bool(x.strip())


def valid_iso_point(s):
    """True if s (already matching ISO_POINT) is a real year, year-month or calendar day."""
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


def valid_iso_date_or_interval(d):
    return (isinstance(d, str) and bool(ISO_DATE_OR_INTERVAL.match(d))
            and all(valid_iso_point(p) for p in d.split("/")))


class SetChecker:
    def __init__(self, folder):
        self.folder = folder
        self.name = os.path.basename(os.path.normpath(folder))
        self.errors = []
        self.docs = {}

    def err(self, msg):
        self.errors.append(msg)

    # ---- documents ---------------------------------------------------------------
    def load_docs(self):
        for path in sorted(glob.glob(os.path.join(self.folder, "[0-9][0-9]_*.txt"))):
            name = os.path.basename(path)
            with open(path, "rb") as f:
                raw = f.read()
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                self.err(f"{name}: not valid UTF-8 ({exc})")
                continue
            if raw.startswith(b"\xef\xbb\xbf"):
                self.err(f"{name}: has a UTF-8 BOM")
            if b"\r" in raw:
                self.err(f"{name}: contains CR characters (LF line endings required)")
            lines = text.split("\n")
            if len(lines) < 3 or not lines[0].strip() or not lines[1].strip():
                self.err(f"{name}: must start with a title line and a date line")
            if "\n\n\n" in text:
                self.err(f"{name}: paragraphs separated by more than one blank line")
            words = len(text.split())
            if not MIN_WORDS <= words <= MAX_WORDS:
                self.err(f"{name}: {words} words (expected {MIN_WORDS}-{MAX_WORDS})")
            self.docs[name] = text

        prefixes = sorted(n[:3] for n in self.docs)
        if prefixes != [f"{i:02d}_" for i in range(1, len(prefixes) + 1)]:
            self.err(f"documents must be numbered 01_..{len(prefixes):02d}_ without gaps, found {prefixes}")
        expected = EXPECTED_DOCS.get(self.name)
        if expected is not None and len(self.docs) != expected:
            self.err(f"expected {expected} documents, found {len(self.docs)}")
        pub = PUB_DATES.get(self.name)
        if pub is not None:
            for name in self.docs:
                if name not in pub:
                    self.err(f"{name}: no publication date registered in check_gold.py")

    # ---- records -----------------------------------------------------------------
    def load_jsonl(self, fname):
        rows = []
        path = os.path.join(self.folder, fname)
        if not os.path.isfile(path):
            self.err(f"{fname}: file missing")
            return rows
        with open(path, encoding="utf-8") as f:
            for i, line in enumerate(f, 1):
                if not line.strip():
                    continue
                try:
                    r = json.loads(line)
                except json.JSONDecodeError as exc:
                    self.err(f"{fname}:{i}: invalid JSON ({exc})")
                    continue
                if not isinstance(r, dict):
                    self.err(f"{fname}:{i}: not a JSON object")
                    continue
                rows.append((i, r))
        return rows

    def check_span(self, fname, i, r, field):
        doc = r.get("doc")
        if doc not in self.docs:
            self.err(f"{fname}:{i}: unknown doc {doc!r}")
            return False
        s, e = r.get("start"), r.get("end")
        if not (type(s) is int and type(e) is int and 0 <= s < e <= len(self.docs[doc])):
            self.err(f"{fname}:{i}: bad offsets {s!r}-{e!r}")
            return False
        got = self.docs[doc][s:e]
        if got != r.get(field):
            self.err(f"{fname}:{i}: {doc}[{s}:{e}] = {got!r} != {field} {r.get(field)!r}")
            return False
        return True

    def check_duplicates(self, fname, rows):
        seen = set()
        for i, r in rows:
            key = (r.get("doc"), r.get("start"), r.get("end"))
            if key in seen:
                self.err(f"{fname}:{i}: duplicate span {key}")
            seen.add(key)

    def check_quantities(self):
        fname = "gold_quantities.jsonl"
        rows = self.load_jsonl(fname)
        self.check_duplicates(fname, rows)
        counts = collections.Counter()
        core_spans = collections.defaultdict(list)
        for i, r in rows:
            ok_span = self.check_span(fname, i, r, "text")
            tier = r.get("tier")
            if tier not in TIERS:
                self.err(f"{fname}:{i}: bad tier {tier!r}")
            elif tier == "core" and ok_span:
                core_spans[r["doc"]].append((r["start"], r["end"], i))

            has_value = "value" in r
            has_range = "low" in r or "high" in r
            if has_value == has_range:
                self.err(f"{fname}:{i}: need exactly one of value or low/high")
            if has_range:
                lo, hi = r.get("low"), r.get("high")
                if not (is_num(lo) and is_num(hi) and lo <= hi):
                    self.err(f"{fname}:{i}: bad range low={lo!r} high={hi!r}")
            elif has_value and not (is_num(r["value"]) or (tier == "aux" and r["value"] is None)):
                self.err(f"{fname}:{i}: value must be numeric (null only on aux records)")

            if r.get("qualifier") not in QUALIFIERS:
                self.err(f"{fname}:{i}: bad qualifier {r.get('qualifier')!r}")
            if not nonempty_str(r.get("unit")):
                self.err(f"{fname}:{i}: missing/empty unit")
            if "per" in r and not nonempty_str(r["per"]):
                self.err(f"{fname}:{i}: empty per")
            if not nonempty_str(r.get("measure")):
                self.err(f"{fname}:{i}: missing/empty measure")
            if not (nonempty_str(r.get("source")) or (tier == "aux" and "source" in r and r["source"] is None)):
                self.err(f"{fname}:{i}: missing/empty source (null only on aux records)")
            if "date" not in r:
                self.err(f"{fname}:{i}: missing date (use null when the text gives none)")
            elif r["date"] is not None and not valid_iso_date_or_interval(r["date"]):
                self.err(f"{fname}:{i}: bad date {r['date']!r} (YYYY[-MM[-DD]] or interval a/b)")
            counts[(r.get("doc"), tier)] += 1

        for doc, spans in core_spans.items():
            spans.sort()
            for (_, e1, i1), (s2, _, i2) in zip(spans, spans[1:]):
                if s2 < e1:
                    self.err(f"{fname}: core spans overlap in {doc} (lines {i1} and {i2})")
        return counts

    def check_events(self):
        fname = "gold_events.jsonl"
        rows = self.load_jsonl(fname)
        self.check_duplicates(fname, rows)
        pub_dates = PUB_DATES.get(self.name, {})
        counts = collections.Counter()
        for i, r in rows:
            self.check_span(fname, i, r, "dateText")
            tier = r.get("tier", "core")
            if tier not in TIERS:
                self.err(f"{fname}:{i}: bad tier {tier!r}")
            if r.get("category") not in CATEGORIES:
                self.err(f"{fname}:{i}: bad category {r.get('category')!r}")
            if not nonempty_str(r.get("event")):
                self.err(f"{fname}:{i}: missing event description")
            counts[(r.get("doc"), tier)] += 1

            prec, d = r.get("precision"), r.get("date")
            if prec not in PRECISION_RE:
                self.err(f"{fname}:{i}: bad precision {prec!r}")
                continue
            if not (isinstance(d, str) and PRECISION_RE[prec].match(d) and valid_iso_point(d)):
                self.err(f"{fname}:{i}: date {d!r} does not match precision {prec}")
                continue
            if prec == "day" and isinstance(r.get("dateText"), str):
                self.check_weekday(fname, i, r, dt.date.fromisoformat(d), pub_dates.get(r.get("doc")))

        for doc, text in self.docs.items():
            starts = {r.get("start") for _, r in rows if r.get("doc") == doc}
            for m in CHRONOLOGY_LINE.finditer(text):
                if m.start(1) not in starts:
                    self.err(f"{doc}: chronology entry {m.group(1)} has no event record")
        return counts

    def check_weekday(self, fname, i, r, day, pub):
        low = r["dateText"].lower()
        for wi, wd in enumerate(WEEKDAYS):
            if wd not in low:
                continue
            if day.weekday() != wi:
                self.err(f"{fname}:{i}: {r['dateText']!r} resolved to {day}, a {WEEKDAYS[day.weekday()]}")
            if pub is not None and abs((day - dt.date.fromisoformat(pub)).days) > 7:
                self.err(f"{fname}:{i}: weekday date {day} more than a week from publication {pub}")

    def check_estimates(self):
        fname = "gold_estimates.jsonl"
        counts = collections.Counter()
        for i, r in self.load_jsonl(fname):
            self.check_span(fname, i, r, "text")
            if r.get("band") not in BANDS:
                self.err(f"{fname}:{i}: bad band {r.get('band')!r}")
            counts[(r.get("doc"), r.get("band"))] += 1
        return counts

    # ---- driver ------------------------------------------------------------------
    def run(self):
        print(f"== {self.folder}")
        self.load_docs()
        q = self.check_quantities()
        ev = self.check_events()
        has_est = os.path.exists(os.path.join(self.folder, "gold_estimates.jsonl"))
        es = self.check_estimates() if has_est else collections.Counter()
        self.report(q, ev, es, has_est)
        if self.errors:
            print(f"FAILED: {len(self.errors)} problem(s)")
            for m in self.errors:
                print("  -", m)
            return False
        print("OK: all documents, offsets and fields verified")
        return True

    def report(self, q, ev, es, has_est):
        width = max([len("document")] + [len(d) for d in self.docs]) + 1
        cols = ["words", "Q core", "Q aux", "E core", "E aux"] + (["estim"] if has_est else [])
        print(f"{'document':{width}}" + "".join(f" {c:>6}" for c in cols))
        est_by_doc = collections.Counter()
        for (doc, _), v in es.items():
            est_by_doc[doc] += v
        total = [0] * len(cols)
        for doc in sorted(self.docs):
            row = [len(self.docs[doc].split()), q[(doc, "core")], q[(doc, "aux")],
                   ev[(doc, "core")], ev[(doc, "aux")]] + ([est_by_doc[doc]] if has_est else [])
            total = [t + v for t, v in zip(total, row)]
            print(f"{doc:{width}}" + "".join(f" {v:6d}" for v in row))
        print(f"{'TOTAL':{width}}" + "".join(f" {v:6d}" for v in total))

        by_tier = lambda c, t: sum(v for (_, tier), v in c.items() if tier == t)
        summary = (f"{len(self.docs)} documents; {sum(q.values())} quantity records "
                   f"({by_tier(q, 'core')} core, {by_tier(q, 'aux')} aux); {sum(ev.values())} event records "
                   f"({by_tier(ev, 'core')} core, {by_tier(ev, 'aux')} aux)")
        if has_est:
            summary += f"; {sum(es.values())} estimate records"
        print(summary)
        if has_est:
            bands = collections.Counter()
            for (_, band), v in es.items():
                bands[band] += v
            print("estimate bands:", ", ".join(f"{b}={bands[b]}" for b in BANDS if bands[b]))


def default_sets():
    found = glob.glob(os.path.join(EVAL_DIR, "*", "gold_quantities.jsonl"))
    return sorted(os.path.relpath(os.path.dirname(p)) for p in found)


def main(argv):
    folders = argv or default_sets()
    if not folders:
        print("no evaluation sets found")
        return 1
    ok = True
    for n, folder in enumerate(folders):
        if n:
            print()
        if not os.path.isfile(os.path.join(folder, "gold_quantities.jsonl")):
            print(f"== {folder}\nFAILED: no gold_quantities.jsonl in {folder}")
            ok = False
            continue
        ok = SetChecker(folder).run() and ok
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
