#!/usr/bin/env python3
"""How predictable the timeline gold's event categories are from the text, whatever the rules.

Trains a naive Bayes classifier on the gold itself (`../shared/gold/timeline_events.jsonl`: headline, or headline
and text) and scores it leave-one-out: each event is classified by a model trained on all the others. A classifier
that has seen every other label is an upper bound for general rules written without the labels; the majority class
is the floor.

Usage: scripts/category_ceiling.py [GOLD]
"""

import collections
import json
import math
import os
import re
import sys

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def words(event, with_text):
    text = event["headline"] + (" " + event["text"] if with_text else "")
    return set(re.findall(r"[a-z][a-z\-]+", text.lower()))


def leave_one_out(events, with_text, alpha):
    correct = 0
    bags = [words(e, with_text) for e in events]
    for i, event in enumerate(events):
        priors = collections.Counter()
        counts = collections.defaultdict(collections.Counter)
        vocabulary = set()
        for j, other in enumerate(events):
            if j == i:
                continue
            priors[other["category"]] += 1
            for word in bags[j]:
                counts[other["category"]][word] += 1
                vocabulary.add(word)
        best = None
        for category, prior in priors.items():
            total = sum(counts[category].values())
            score = math.log(prior) + sum(
                math.log((counts[category][w] + alpha) / (total + alpha * len(vocabulary)))
                for w in bags[i] if w in vocabulary)
            if best is None or score > best[0]:
                best = (score, category)
        correct += best[1] == event["category"]
    return correct / len(events)


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(REPO, "..", "shared", "gold", "timeline_events.jsonl")
    if not os.path.exists(path):
        print("category_ceiling: %s not found; pass the gold file" % path, file=sys.stderr)
        return 2
    with open(path, encoding="utf-8") as handle:
        events = [json.loads(line) for line in handle if line.strip()]
    majority = collections.Counter(e["category"] for e in events).most_common(1)[0]
    print("events: %d; majority class %s: %.3f" % (len(events), majority[0], majority[1] / len(events)))
    for with_text in (False, True):
        for alpha in (0.5, 1.0):
            print("naive Bayes trained on the gold, leave-one-out, %s, alpha %.1f: %.3f" % (
                "headline and text" if with_text else "headline only", alpha,
                leave_one_out(events, with_text, alpha)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
