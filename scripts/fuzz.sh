#!/usr/bin/env bash
# Runs one libFuzzer target for a given time: scripts/fuzz.sh EnvelopeFuzzer|TextFuzzer SECONDS [libFuzzer flags…]
# Builds it with -sanitize=fuzzer and AddressSanitizer in .build-fuzz; keeps the corpus in .build-fuzz/corpus/TARGET
# (seeded from Protocols/schemas and examples/, never committed) and writes crash inputs to .build-fuzz/crashes/TARGET.
# Replay a crash input: the built fuzzer with the file as argument (the path is printed on a crash).
# A plain `swift build` compiles the targets too (without -parse-as-library their main does nothing).
set -euo pipefail
cd "$(dirname "$0")/.."
target="${1:?usage: scripts/fuzz.sh EnvelopeFuzzer|TextFuzzer SECONDS [libFuzzer flags…]}"
seconds="${2:-60}"
shift $(( $# >= 2 ? 2 : $# ))
scratch=.build-fuzz
swift build --scratch-path "$scratch" --product "$target" -c debug \
    --sanitize=fuzzer --sanitize=address -Xswiftc -parse-as-library
binary="$(swift build --scratch-path "$scratch" --product "$target" -c debug --sanitize=fuzzer --sanitize=address \
     -Xswiftc -parse-as-library --show-bin-path)/$target"
corpus="$scratch/corpus/$target"
crashes="$scratch/crashes/$target"
mkdir -p "$corpus" "$crashes"
dictionary=()
case "$target" in
    EnvelopeFuzzer)
        # Valid envelopes of every message type, built from Protocols/schemas, and their keys as a dictionary.
        python3 scripts/fuzz_seeds.py "$corpus" "$scratch/corpus/$target.dict"
        dictionary=(-dict="$scratch/corpus/$target.dict")
        ;;
    TextFuzzer)
        cp examples/corpus/*.md examples/corpus/*.txt "$corpus/" 2>/dev/null || true
        ;;
esac
"$binary" "$corpus" -max_total_time="$seconds" -timeout=20 -rss_limit_mb=4096 -max_len=65536 \
    -artifact_prefix="$crashes/" -print_final_stats=1 "${dictionary[@]}" "$@"
