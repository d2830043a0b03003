#!/usr/bin/env bash
# Prints the analysis scores of issue 4 with one command: quantitative claims on the seeds against
# ../shared/gold/seeds_quantities.jsonl, dated events on the timeline against ../shared/gold/timeline_events.jsonl.
# Exits non-zero when a score is below its target. Uses the release build of `tumen analyze`, as a user would.
#   scripts/evaluate.sh [SHARED_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
shared="${1:-../shared}"
[ -d "$shared/gold" ] || { echo "evaluate: $shared/gold not found; pass the shared directory" >&2; exit 2; }
swift build -c release --product tumen >&2
tumen=.build/release/tumen
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

echo "== quantitative claims: seeds vs gold/seeds_quantities.jsonl (core items)"
"$tumen" analyze "$shared"/corpus/seeds/*.txt --format jsonl > "$out/seeds.jsonl"
status=0
python3 scripts/score_quantities.py "$out/seeds.jsonl" --gold "$shared/gold/seeds_quantities.jsonl" \
    --min-precision 0.90 --min-recall 0.95 --min-source 0.85 --min-unit 0.95 || status=1

echo
echo "== dated events: timeline vs gold/timeline_events.jsonl"
"$tumen" analyze "$shared"/corpus/timeline/*.txt --format jsonl > "$out/timeline.jsonl"
python3 scripts/score_events.py "$out/timeline.jsonl" --gold "$shared/gold/timeline_events.jsonl" \
    --min-recall 0.97 --min-precision 0.95 --min-category 0.80 || status=1

# The sets in Evaluation/ (news and reports written for Tumen without looking at the analyser; see their READMEs):
# only their scores are printed. news-wire and reports guided fixes (development sets); blind/ is held out — read its
# scores, never its per-item errors. The issue's targets apply to the shared gold above.
for set in Evaluation/*/; do
    [ -f "$set/gold_quantities.jsonl" ] || continue
    echo
    echo "== $set"
    "$tumen" analyze "$set"*.txt --format jsonl > "$out/heldout.jsonl"
    python3 scripts/score_quantities.py "$out/heldout.jsonl" --gold "$set/gold_quantities.jsonl" | sed -n '1,7p'
    python3 scripts/score_events.py "$out/heldout.jsonl" --gold "$set/gold_events.jsonl" --show 0 | sed -n '1,4p'
done
exit $status
