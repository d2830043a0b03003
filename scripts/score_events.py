#!/usr/bin/env python3
"""Score the dated events of `tumen analyze --format jsonl` against a gold standard: the timeline chronology
(default) or a gold that gives each event's document and date-expression span (the held-out sets in `Evaluation/`).

Usage:
    .build/release/tumen analyze ../shared/corpus/timeline/*.txt --format jsonl > /tmp/ev.jsonl
    scripts/score_events.py /tmp/ev.jsonl [--min-recall 0.97 --min-precision 0.95 --min-category 0.8]
    (or pipe the jsonl on stdin)

Matching rules
- The gold (`../shared/gold/timeline_events.jsonl`) covers 2022-2026; the corpus files hold only some of those
  events. A gold event counts when the corpus has its paragraph: a paragraph `Month D, YYYY - text` whose date is
  the gold date and whose text starts with the gold headline (compared case-folded, with white space collapsed and
  typographic quotes and dashes folded). Each paragraph serves one gold event.
- A predicted event belongs to the paragraph that contains its sentence (the record's `start`/`end`, Unicode scalar
  offsets into the file, which are code point offsets in Python). It is a hit when its `date` equals the date of
  that paragraph's gold event; the first hit per gold event counts, every other prediction is a false positive
  (a second event for the same paragraph, a wrong date, or a paragraph without gold).
- Recall = gold events hit / gold events in the corpus; precision = hits / predicted events.
- Span mode, when gold records carry `doc` and `start` (e.g. `Evaluation/news-wire/gold_events.jsonl`): a
  predicted event hits a gold event of its document when the event's sentence span holds the start of the gold
  date expression and the dates are equal; each gold event is hit once, other predictions are false positives.
  Gold events with `tier` other than `core` (bare statements, hard cases) count neither way.
- Category agreement over the hits: the predicted category, mapped to the gold's five categories through the
  `compare` field of `Sources/TumenAnalysis/Resources/event_categories.json`, equals the gold category.
"""

import argparse
import collections
import json
import os
import re
import sys
import unicodedata

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MONTHS = {
    m: i + 1
    for i, m in enumerate(
        "january february march april may june july august september october november december".split())
}
LEAD = re.compile(r"([A-Z][a-z]+)\.? (\d{1,2}), (\d{4}) [-–—] ")


def fold(text):
    text = unicodedata.normalize("NFC", text)
    for a, b in (("’", "'"), ("‘", "'"), ("“", '"'), ("”", '"'), ("–", "-"), ("—", "-")):
        text = text.replace(a, b)
    return " ".join(text.split()).casefold()


def paragraphs(path):
    """(start, end, date, body) of each `Month D, YYYY - body` paragraph, offsets in code points."""
    with open(path, encoding="utf-8") as handle:
        text = unicodedata.normalize("NFC", handle.read().replace("\r\n", "\n"))
    result = []
    for match in re.finditer(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*", text):
        lead = LEAD.match(match.group(0))
        if not lead or lead.group(1).lower() not in MONTHS:
            continue
        date = "%s-%02d-%02d" % (lead.group(3), MONTHS[lead.group(1).lower()], int(lead.group(2)))
        result.append((match.start(), match.end(), date, match.group(0)[lead.end():]))
    return text, result


def match_chronology(corpus, gold, events):
    """Chronology mode: gold events are `Month D, YYYY - headline` paragraphs of the corpus files."""
    # Paragraphs of the corpus, and the gold events they hold.
    texts, paras = {}, {}
    for name in sorted(os.listdir(corpus)):
        if name.endswith(".txt"):
            texts[name], paras[name] = paragraphs(os.path.join(corpus, name))
    by_key = collections.defaultdict(list)
    for doc, items in paras.items():
        for index, (_, _, date, body) in enumerate(items):
            by_key[date].append((doc, index, fold(body)))
    gold_of = {}  # (doc, paragraph index) -> gold event
    for event in gold:
        headline = fold(event["headline"])
        for doc, index, body in by_key.get(event["date"], []):
            if (doc, index) not in gold_of and body.startswith(headline):
                gold_of[(doc, index)] = event
                break
    in_corpus = len(gold_of)

    hits, false_positives, hit_gold = [], [], set()
    skipped = 0
    for event in events:
        doc = event.get("doc")
        if doc not in paras:
            skipped += 1
            continue
        start = event["start"]
        if texts[doc][start:event["end"]] != event.get("text"):
            found = texts[doc].find(event.get("text") or "\0")
            start = found if found >= 0 else start
        where = next((i for i, (s, e, _, _) in enumerate(paras[doc]) if s <= start < e), None)
        target = gold_of.get((doc, where))
        if target is not None and target["date"] == event["date"] and id(target) not in hit_gold:
            hit_gold.add(id(target))
            hits.append((event, target))
        else:
            false_positives.append((event, target))
    misses = [g for g in gold_of.values() if id(g) not in hit_gold]
    return in_corpus, hits, false_positives, misses, skipped


def match_spans(gold, events):
    """Span mode: each gold event names its document and the span of its date expression; a predicted event hits
    it when its sentence span holds the start of that expression and the dates are equal."""
    by_doc = collections.defaultdict(list)
    for item in gold:
        by_doc[item["doc"]].append(item)
    hits, false_positives, hit_gold, skipped = [], [], set(), 0
    for event in events:
        doc = event.get("doc")
        if doc not in by_doc:
            skipped += 1
            continue
        target = next((g for g in by_doc[doc] if id(g) not in hit_gold and event["start"] <= g["start"] < event["end"]
                       and g["date"] == event["date"]), None)
        if target is None:
            false_positives.append((event, None))
        elif target.get("tier", "core") != "core":
            hit_gold.add(id(target))  # an aux event: neither right nor wrong
        else:
            hit_gold.add(id(target))
            hits.append((event, target))
    core = [g for g in gold if g.get("tier", "core") == "core"]
    misses = [g for g in core if id(g) not in hit_gold]
    return len(core), hits, false_positives, misses, skipped


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("records", nargs="?", help="jsonl from `tumen analyze` (default: stdin)")
    parser.add_argument("--gold", default=os.path.join(REPO, "..", "shared", "gold", "timeline_events.jsonl"))
    parser.add_argument("--corpus", default=os.path.join(REPO, "..", "shared", "corpus", "timeline"))
    parser.add_argument(
        "--lexicon", default=os.path.join(REPO, "Sources", "TumenAnalysis", "Resources", "event_categories.json"))
    parser.add_argument("--min-recall", type=float, default=0.0)
    parser.add_argument("--min-precision", type=float, default=0.0)
    parser.add_argument("--min-category", type=float, default=0.0)
    parser.add_argument("--show", type=int, default=20, help="misses and false positives to list (default 20)")
    args = parser.parse_args()

    with open(args.lexicon, encoding="utf-8") as handle:
        lexicon = json.load(handle)
    compare = {c["name"]: c.get("compare") or c["name"] for c in lexicon["categories"]}

    with open(args.gold, encoding="utf-8") as handle:
        gold = [json.loads(line) for line in handle if line.strip()]
    source = open(args.records, encoding="utf-8") if args.records else sys.stdin
    events = [r for r in map(json.loads, filter(str.strip, source)) if r.get("kind") == "event"]
    if gold and "doc" in gold[0] and "start" in gold[0]:
        in_corpus, hits, false_positives, misses, skipped = match_spans(gold, events)
    else:
        in_corpus, hits, false_positives, misses, skipped = match_chronology(args.corpus, gold, events)

    recall = len(hits) / in_corpus if in_corpus else 0.0
    precision = len(hits) / len(false_positives + hits) if hits or false_positives else 0.0
    agree = sum(1 for e, g in hits if compare.get(e.get("category"), e.get("category")) == g["category"])
    category = agree / len(hits) if hits else 0.0
    confusion = collections.Counter((g["category"], compare.get(e.get("category"), e.get("category"))) for e, g in hits)

    print("gold events: %d, in the corpus: %d; predicted events: %d%s" % (
        len(gold), in_corpus, len(hits) + len(false_positives),
        " (%d in documents outside the corpus ignored)" % skipped if skipped else ""))
    print("date recall     %.3f  (%d/%d)" % (recall, len(hits), in_corpus))
    print("date precision  %.3f  (%d/%d)" % (precision, len(hits), len(hits) + len(false_positives)))
    print("category agreement %.3f  (%d/%d)" % (category, agree, len(hits)))
    print("category confusion (gold -> predicted):")
    for (g, p), n in sorted(confusion.items(), key=lambda item: (-item[1], item[0])):
        print("  %-13s -> %-13s %d" % (g, p, n))
    if misses:
        print("misses (%d):" % len(misses))
        for g in misses[: args.show]:
            what = g.get("headline") or "%r: %s" % (g.get("dateText"), g.get("event", ""))
            print("  %s %s %s" % (g.get("doc", ""), g["date"], what[:90]))
    if false_positives:
        print("false positives (%d):" % len(false_positives))
        for event, target in false_positives[: args.show]:
            expected = " (paragraph dated %s)" % target["date"] if target else ""
            print("  %s %s %r%s: %s" % (
                event["doc"], event["date"], event.get("dateText"), expected, (event.get("text") or "")[:90]))

    failed = []
    if recall < args.min_recall:
        failed.append("recall %.3f < %.3f" % (recall, args.min_recall))
    if precision < args.min_precision:
        failed.append("precision %.3f < %.3f" % (precision, args.min_precision))
    if category < args.min_category:
        failed.append("category agreement %.3f < %.3f" % (category, args.min_category))
    if failed:
        print("FAILED: " + "; ".join(failed))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
