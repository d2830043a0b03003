#!/usr/bin/env bash
# Runs the benchmarks of Benchmarks/ (their own package, built in release) and prints the results with the machine
# they ran on. The analysis target of issue 4: the whole shared corpus in under 0.1 s, >= 300,000 words per second.
#   scripts/bench.sh                                   every benchmark
#   scripts/bench.sh --target AnalysisBenchmarks       one target (any option of `swift package benchmark`)
# The shared corpus is read from ../shared beside the repository, or $TUMEN_SHARED; without it the analysis
# benchmarks measure a synthetic English text of the same size and say so.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== machine"
echo "cores (nproc): $(nproc)"
echo "cpu: $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null | head -n 1)"
echo "memory: $(free -h 2>/dev/null | awk '/^Mem:/ {print $2}')"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)"
echo "kernel: $(uname -srm)"
echo "swift: $(swift --version 2>/dev/null | head -n 1)"
echo "commit: $(git rev-parse --short HEAD 2>/dev/null)$(git diff --quiet HEAD 2>/dev/null || echo ' (with local changes)')"
shared="${TUMEN_SHARED:-../shared}"
if ls "$shared"/corpus/seeds/*.txt "$shared"/corpus/timeline/*.txt >/dev/null 2>&1; then
    echo "corpus: $(ls "$shared"/corpus/{seeds,timeline}/*.txt | wc -l) files, $(cat "$shared"/corpus/{seeds,timeline}/*.txt | wc -w) words (whitespace-separated) in $shared/corpus/{seeds,timeline}"
else
    echo "corpus: $shared/corpus not found: the analysis benchmarks measure a synthetic text instead"
fi
echo

if [ -d "${TUMEN_SHARED:-}" ]; then export TUMEN_SHARED="$(cd "$TUMEN_SHARED" && pwd)"; fi
cd Benchmarks
# Build first so that compiler output does not end up between the results.
echo "== building the benchmarks (release)" >&2
swift build -c release >&2

echo "== benchmarks"
results=$(mktemp)
trap 'rm -f "$results"' EXIT
swift package --disable-sandbox benchmark --no-progress "$@" | tee "$results"

# The medians again, one line per benchmark: wall clock, and words per second or messages per second.
echo "== medians (p50)"
awk -F '│' '
    /^[^│╒╞├╘=]/ && NF == 1 && $0 != "" { name = $0 }
    /^│/ && ($2 ~ /Time \(wall clock\)|Words per second|Throughput|Malloc \(total\)/) {
        metric = $2; gsub(/^ +| +$/, "", metric); value = $5; gsub(/ /, "", value)
        printf "%-40s %-32s %s\n", name, metric, value
    }' "$results"
echo "(issue 4 target for the analysis of the whole corpus: wall clock < 100 ms, >= 300 K words per second)"
