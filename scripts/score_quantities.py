#!/usr/bin/env python3
"""Score `tumen analyze --format jsonl` quantities against the analysts' gold figures.

Usage:
    swift build --scratch-path .build-quant --product tumen
    .build-quant/debug/tumen analyze ../shared/corpus/seeds/*.txt --format jsonl > /tmp/q.jsonl
    python3 scripts/score_quantities.py /tmp/q.jsonl [--gold ../shared/gold/seeds_quantities.jsonl]
        [--min-precision 0.9 --min-recall 0.95 --min-unit 0.95 --min-source 0.85 --min-qualifier 0.9]

Without a file argument the records are read from stdin. Exits 1 when a `--min-…` threshold is not met.

Matching. A figure matches a gold item when both are in the same document, their scalar spans overlap, and the
values agree within 0.5 % (a range must match both bounds; a gold range may be `value: [low, high]` or
`low`/`high`; a fraction the analyser reports as a ratio, `one-third` = 0.333, also matches a gold in percent, 33.33,
and its unit `ratio` then counts as the gold's `percent`). Recall counts gold `core` items matched; precision
counts figures matching a core item among all figures, except those matching only an `aux` item (neither right nor
wrong). Unit, source and qualifier are scored over the matched core items.

Units. Names are compared after this documented equivalence (everything else must be equal):
  - case, a plural `s` and spaces are ignored (`items` = `item`, `Proposals` = `proposal`);
  - people: gold `persons`, `people`, `troops`, `workers`, `tourists`, `experts`, `personnel`, `casualties`
    = `person` (the analyser counts people, whatever their role; the role is in `measure`);
  - munitions: gold `rounds` = `shell` = `round`;
  - listed things: gold `items`, `articles`, `demands`, `clauses`, `provisions` = `item`;
  - weights: `tons`, `tonnes`, `metric tons` = `tonne`;
  - occurrences: gold `launches`, `times`, `tests`, `visits` = `time` (the analyser reads `once`/`one time` as a
    count of occurrences; what occurred is in `measure`);
  - rates: `USD per year` = `USD annually`; a gold that gives the rate apart (`unit` barrel, `per` day) means
    `barrel per day`; a gold without `per` whose unit is the rate's base (`USD` for `$40 billion a year`) accepts it;
  - multiples: gold `time` (`threefold`, `twice`) = `ratio` (`nine times higher`);
  - `cubic meter(s)`, `bcm` = `cubic metre`; `basis points`, `bps` = `basis point`; `kilogram` = `kg`;
    `millimetre` = `mm`.
  Fair because each group names one physical unit of counting; a wrong dimension (person vs USD) never matches.

Qualifiers. Both sides are normalised to about / over / under / up to / at least / nearly / exact:
`around`, `approximately`, `roughly`, `some` → about; `more than` → over; `as many as` → up to; `less than`,
`fewer than` → under; `almost` → nearly; missing, `only`, `a whopping`, `just`, `so far` → exact.

Sources. The gold `source` is free text such as "NIS (South Korea), briefing to …, via Yonhap" or
"Won Gon Park (EAI), transcript". Its *asserter* is the first organisation or person it names, read with the alias
knowledge of Sources/TumenAnalysis/Resources/gazetteer.json and sources.json (longest alias first), else the first
run of two or more capitalised words (a person, e.g. "Seung-ho Jung"). Parenthesised asides are ignored. When the
gold text starts with a lower-case description ("reports on …, via Park", "unattributed reports … via Park"), it
names no origin, and the first named relay after "via" / "by" is the asserter. A figure's source is correct when our
`source` (the origin, first link of `sourceChain`) names the same organisation or person: same gazetteer/registry
entry, same registry independence group (`origin`: a presidential aide speaks for his government), or the same person
name (a surname alone matches the full name: "Park" = "Won Gon Park"). Relays further down our chain do not count: an
outlet relaying a briefing is not the asserter.
Two more rules serve golds written for news (`Evaluation/`): a gold source `outlet` (nobody named but the publisher)
is matched by a figure that names nobody or only the document's author; and a source also matches when every
distinctive word of the shorter name is in the longer (`customs data` = `Chinese customs data`, `Defence Ministry` =
`Romanian Defence Ministry`; generic words such as `ministry` or `data` alone do not count).
"""

import argparse
import json
import os
import re
import sys

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RESOURCES = os.path.join(REPO, "Sources", "TumenAnalysis", "Resources")
DEFAULT_GOLD = os.path.join(REPO, "..", "shared", "gold", "seeds_quantities.jsonl")

UNIT_GROUPS = {
    "person": ["person", "persons", "people", "troop", "troops", "worker", "workers", "tourist", "tourists",
               "expert", "experts", "personnel", "casualty", "casualties", "soldier", "soldiers"],
    "shell": ["shell", "shells", "round", "rounds"],
    "item": ["item", "items", "article", "articles", "demand", "demands", "clause", "clauses", "provision",
             "provisions"],
    "tonne": ["tonne", "tonnes", "ton", "tons", "metric ton", "metric tons"],
    "time": ["time", "times", "launch", "launches", "test", "tests", "visit", "visits", "ratio"],
    "cubic metre": ["cubic metre", "cubic metres", "cubic meter", "cubic meters", "bcm"],
    "kg": ["kg", "kilogram", "kilograms"],
    "mm": ["mm", "millimetre", "millimetres", "millimeter", "millimeters"],
    "basis point": ["basis point", "basis points", "bp", "bps"],
}
UNIT_ALIASES = {name: group for group, names in UNIT_GROUPS.items() for name in names}

QUALIFIERS = {
    "about": "about", "around": "about", "approximately": "about", "roughly": "about", "some": "about",
    "an estimated": "about", "over": "over", "more than": "over", "above": "over", "in excess of": "over",
    "under": "under", "less than": "under", "fewer than": "under", "below": "under", "up to": "up to",
    "as many as": "up to", "as much as": "up to", "at most": "up to", "at least": "at least",
    "no fewer than": "at least", "nearly": "nearly", "almost": "nearly", "close to": "nearly",
    "exact": "exact", "only": "exact", "a whopping": "exact", "just": "exact", "so far": "exact", "": "exact",
}


def norm_unit(unit):
    if unit is None:
        return None
    u = " ".join(unit.lower().replace("annually", "per year").split())
    if u in UNIT_ALIASES:
        return UNIT_ALIASES[u]
    if u.endswith("s") and not u.endswith("ss") and len(u) > 3:
        u = u[:-1]
    return UNIT_ALIASES.get(u, u)


def gold_unit(gold):
    """The gold unit, with its rate when the gold gives one apart (`barrel` per `day` = `barrel per day`)."""
    unit = gold.get("unit")
    return "%s per %s" % (unit, gold["per"]) if unit and gold.get("per") else unit


def norm_qualifier(q):
    return QUALIFIERS.get((q or "").lower().strip(), (q or "").lower().strip())


class Names:
    """Alias knowledge from the gazetteer and the source registry."""

    def __init__(self):
        self.key = {}  # folded alias -> entity key
        self.group = {}  # entity key -> independence group
        self.countries = set()
        with open(os.path.join(RESOURCES, "gazetteer.json"), encoding="utf-8") as f:
            for e in json.load(f)["entities"]:
                if e["kind"] == "country":
                    self.countries.add("g:" + e["id"])
                if e["kind"] in ("organisation", "person", "country"):
                    for alias in [e["name"]] + e.get("aliases", []):
                        self.key.setdefault(self.fold(alias), "g:" + e["id"])
        with open(os.path.join(RESOURCES, "sources.json"), encoding="utf-8") as f:
            for s in json.load(f)["sources"]:
                key = "s:" + s["id"]
                existing = None
                for alias in [s["name"]] + s.get("aliases", []):
                    existing = existing or self.key.get(self.fold(alias))
                key = existing or key
                for alias in [s["name"]] + s.get("aliases", []):
                    self.key.setdefault(self.fold(alias), key)
                self.group[key] = s.get("origin") or s["id"]
        self.aliases = sorted(self.key, key=len, reverse=True)

    @staticmethod
    def fold(name):
        name = name.lower().replace("\u2019", "'")
        name = re.sub(r"\s+", " ", name).strip()
        return name[4:] if name.startswith("the ") else name

    def find(self, text):
        """The asserter named in `text`, as (key or None, surface): the earliest organisation or person alias (a
        country only when nothing else is named: "South Korea Ministry of National Defense" is the ministry), else
        the earliest run of two or more capitalised words holding no known name (a person), else a single
        capitalised word."""
        folded = self.fold(text)
        best, country, spans = None, None, []
        for alias in self.aliases:
            m = re.search(r"(?<![\w])" + re.escape(alias) + r"(?![\w])", folded)
            if not m:
                continue
            candidate = (m.start(), -len(alias), alias)
            spans.append((m.start(), m.end()))
            if self.key[alias] in self.countries:
                country = min(country, candidate) if country else candidate
            else:
                best = min(best, candidate) if best else candidate
        person = re.search(r"\b([A-Z][\w-]+(?: [A-Z][\w-]+)+)", text)
        overlaps = person and any(a < person.end() and person.start() < b for a, b in spans)
        if person and not overlaps and (best is None or person.start() < best[0]):
            surface = person.group(1)
            return self.key.get(self.fold(surface)), surface
        if best or country:
            alias = (best or country)[2]
            return self.key[alias], alias
        single = re.search(r"\b([A-Z][\w-]+)", text)
        return (None, single.group(1)) if single else (None, None)

    GENERIC = set("the a an of and for s data figures officials official ministry department office service "
                  "agency government source sources statistics report estimates spokesperson".split())

    def overlaps(self, gold_source, ours):
        """Whether our source and the gold's origin (before any `via`, without asides) name the same body in other
        words: every distinctive word of the shorter is in the longer (`customs data` and `Chinese customs data`,
        `Defence Ministry` and `Romanian Defence Ministry`), generic words (`ministry`, `data`) not sufficing."""
        if not ours or not gold_source:
            return False
        origin = re.split(r"\s+(?:via|citing)\s+", re.sub(r"\([^)]*\)", " ", gold_source))[0]
        words = lambda text: {w for w in re.findall(r"[a-z0-9]+", self.fold(text).replace("'s", ""))}
        g, o = words(origin), words(ours)
        if not g or not o:
            return False
        shorter, longer = (g, o) if len(g) <= len(o) else (o, g)
        return shorter <= longer and bool(shorter - self.GENERIC)

    def same(self, gold_name, ours):
        """Whether our source names the gold asserter."""
        if not ours:
            return False
        gkey, gsurface = gold_name
        okey, osurface = self.key.get(self.fold(ours)), ours
        if gkey and okey:
            return gkey == okey or self.group.get(gkey, gkey) == self.group.get(okey, okey)
        if gkey or okey:
            return False
        g = self.fold(gsurface).replace("-", " ").split()
        o = self.fold(osurface).replace("-", " ").split()
        return g == o or (len(g) == 1 and o[-1:] == g) or (len(o) == 1 and g[-1:] == o)


STOP = set("the a an of in on at to for from by with and or its their his her this that these those is are was "
           "were be been than as per".split())


def measure_overlaps(ours, gold):
    """Whether our measure shares a content word (plural folded) with the gold's: a loose check that it names what
    is counted, since measures are free text."""
    if not ours or not gold:
        return False
    words = lambda text: {w.rstrip("s") for w in re.findall(r"[a-z]+", text.lower()) if w not in STOP and len(w) > 2}
    return bool(words(ours) & words(gold))


def author(record):
    """The last link of a figure's source chain: the document's author when the analyser found one."""
    chain = record.get("sourceChain") or []
    return chain[-1] if chain else None


def gold_asserter(source, names):
    if not source:
        return None
    text = re.sub(r"\([^)]*\)", " ", source)
    parts = re.split(r",?\s+(?:via|as cited by|as described by|as recounted by|as reported by|quoted by|by)\s+", text)
    origin = parts[0]
    if origin.strip()[:1].islower():
        for relay in parts[1:]:
            found = names.find(relay)
            if found[1]:
                return found
        return None
    found = names.find(origin)
    if found[1]:
        return found
    for relay in parts[1:]:
        found = names.find(relay)
        if found[1]:
            return found
    return None


def gold_value(gold):
    """The gold value: a number, or `[low, high]` for a range (given as a list or as `low`/`high`)."""
    if "value" in gold:
        return gold["value"]
    return [gold["low"], gold["high"]]


def values_match(record, gold):
    value = gold_value(gold)

    def close(a, b):
        return a is not None and abs(a - b) <= 0.005 * max(abs(b), 1e-12)

    if isinstance(value, list):
        return close(record.get("low"), value[0]) and close(record.get("high"), value[1])
    ours = record.get("value")
    # A fraction: the analyser reports a ratio (`one-third` = 0.333), a gold may write it in percent (33.33).
    if record.get("unit") == "ratio" and ours is not None and ours < 1 and close(ours * 100, value):
        return True
    return close(ours, value)


def matches(record, gold):
    return (record["doc"] == gold["doc"] and record["start"] < gold["end"] and gold["start"] < record["end"]
            and values_match(record, gold))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("records", nargs="?", help="tumen analyze --format jsonl output (default: stdin)")
    parser.add_argument("--gold", default=DEFAULT_GOLD)
    for name in ("precision", "recall", "unit", "source", "qualifier", "measure"):
        parser.add_argument("--min-" + name, type=float, default=None)
    args = parser.parse_args()

    stream = open(args.records, encoding="utf-8") if args.records else sys.stdin
    records = [r for r in (json.loads(line) for line in stream if line.strip()) if r.get("kind") == "quantity"]
    with open(args.gold, encoding="utf-8") as f:
        gold = [json.loads(line) for line in f if line.strip()]
    docs = {r["doc"] for r in records}
    gold = [g for g in gold if g["doc"] in docs]
    core = [g for g in gold if g.get("tier") == "core"]
    aux = [g for g in gold if g.get("tier") != "core"]
    names = Names()

    found, misses, unit_ok, source_ok, qualifier_ok, measure_ok = 0, [], 0, 0, 0, 0
    wrong_units, wrong_sources, wrong_qualifiers = [], [], []
    for g in core:
        hit = next((r for r in records if matches(r, g)), None)
        if hit is None:
            misses.append(g)
            continue
        found += 1
        label = "%s %d %r" % (g["doc"][:3], g["start"], g["text"])
        fraction_in_percent = hit.get("unit") == "ratio" and norm_unit(gold_unit(g)) == "percent"
        # A gold that leaves the rate out (`USD` for `$40 billion a year`) accepts the unit without it.
        base = (hit.get("unit") or "").split(" per ")[0] if "per" not in g else None
        if norm_unit(hit.get("unit")) == norm_unit(gold_unit(g)) or fraction_in_percent or (
                base and norm_unit(base) == norm_unit(gold_unit(g))):
            unit_ok += 1
        else:
            wrong_units.append("%s: %s vs gold %s" % (label, hit.get("unit"), gold_unit(g)))
        asserter = gold_asserter(g.get("source"), names)
        if g.get("source") == "outlet":
            # The gold names nobody but the publishing outlet: right when we name nobody either, or the author.
            if not hit.get("source") or len(hit.get("sourceChain") or []) == 1 and hit["source"] == author(hit):
                source_ok += 1
            else:
                wrong_sources.append("%s: %s vs gold outlet" % (label, hit.get("source")))
        elif asserter and names.same(asserter, hit.get("source")) or names.overlaps(g.get("source"), hit.get("source")):
            source_ok += 1
        else:
            wrong_sources.append("%s: %s vs gold %s [%s]" % (
                label, " → ".join(hit.get("sourceChain") or []) or None, asserter and asserter[1], g.get("source")))
        if measure_overlaps(hit.get("measure"), g.get("measure")):
            measure_ok += 1
        if norm_qualifier(hit.get("qualifier")) == norm_qualifier(g.get("qualifier")):
            qualifier_ok += 1
        else:
            wrong_qualifiers.append("%s: %s vs gold %s" % (label, hit.get("qualifier"), g.get("qualifier")))

    scored, true_positive, extras = 0, 0, []
    for r in records:
        if any(matches(r, g) for g in core):
            scored += 1
            true_positive += 1
        elif any(matches(r, g) for g in aux):
            continue
        else:
            scored += 1
            extras.append(r)

    def ratio(a, b):
        return a / b if b else 1.0

    scores = {
        "precision": ratio(true_positive, scored),
        "recall": ratio(found, len(core)),
        "unit": ratio(unit_ok, found),
        "source": ratio(source_ok, found),
        "qualifier": ratio(qualifier_ok, found),
        "measure": ratio(measure_ok, found),
    }
    print("documents: %d, figures: %d, gold core items: %d (aux %d)" % (len(docs), len(records), len(core), len(aux)))
    print("precision  %.3f  (%d of %d figures match a core item)" % (scores["precision"], true_positive, scored))
    print("recall     %.3f  (%d of %d core items found)" % (scores["recall"], found, len(core)))
    print("unit       %.3f  (%d of %d matched)" % (scores["unit"], unit_ok, found))
    print("source     %.3f  (%d of %d matched)" % (scores["source"], source_ok, found))
    print("qualifier  %.3f  (%d of %d matched)" % (scores["qualifier"], qualifier_ok, found))
    print("measure    %.3f  (%d of %d matched share a content word with the gold's measure; informative)" % (
        scores["measure"], measure_ok, found))
    for title, lines in (
        ("missed", ["%s %d-%d %r = %s" % (g["doc"], g["start"], g["end"], g["text"], gold_value(g)) for g in misses]),
        ("not in gold", ["%s %d-%d %r" % (r["doc"], r["start"], r["end"], r["text"]) for r in extras]),
        ("wrong unit", wrong_units),
        ("wrong source", wrong_sources),
        ("wrong qualifier", wrong_qualifiers),
    ):
        if lines:
            print(title + ":")
            for line in lines:
                print("  " + line)

    failed = [n for n in scores if getattr(args, "min_" + n) is not None and scores[n] < getattr(args, "min_" + n)]
    if failed:
        print("below threshold: " + ", ".join(failed), file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
