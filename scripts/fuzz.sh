#!/usr/bin/env bash
# Runs one libFuzzer target for a given time: scripts/fuzz.sh EnvelopeFuzzer|TextFuzzer|CSVFuzzer SECONDS [flags…]
# Builds it with -sanitize=fuzzer and AddressSanitizer in .build-fuzz; keeps the corpus in .build-fuzz/corpus/TARGET
# (seeded from Protocols/schemas, examples/ and CSV samples written below, never committed) and writes crash inputs
# to .build-fuzz/crashes/TARGET.
# Replay a crash input: the built fuzzer with the file as argument (the path is printed on a crash).
# A plain `swift build` compiles the targets too (without -parse-as-library their main does nothing).
set -euo pipefail
cd "$(dirname "$0")/.."
target="${1:?usage: scripts/fuzz.sh EnvelopeFuzzer|TextFuzzer|CSVFuzzer SECONDS [libFuzzer flags…]}"
seconds="${2:-60}"
shift $(( $# >= 2 ? 2 : $# ))
scratch=.build-fuzz
# swiftc keeps only the last -sanitize= flag, and SwiftPM passes its --sanitize flags one by one in no fixed order
# (so a build got either coverage or AddressSanitizer, never both); the combined flag after them turns on both.
sanitize=(--sanitize=fuzzer --sanitize=address -Xswiftc -sanitize=fuzzer,address)
swift build --scratch-path "$scratch" --product "$target" -c debug \
    "${sanitize[@]}" -Xswiftc -parse-as-library
binary="$(swift build --scratch-path "$scratch" --product "$target" -c debug "${sanitize[@]}" \
     -Xswiftc -parse-as-library --show-bin-path)/$target"
corpus="$scratch/corpus/$target"
crashes="$scratch/crashes/$target"
mkdir -p "$corpus" "$crashes"
dictionary=()
options=()
case "$target" in
    EnvelopeFuzzer)
        # Valid envelopes of every message type, built from Protocols/schemas, and their keys as a dictionary.
        python3 scripts/fuzz_seeds.py "$corpus" "$scratch/corpus/$target.dict"
        dictionary=(-dict="$scratch/corpus/$target.dict")
        ;;
    TextFuzzer)
        cp examples/corpus/*.md examples/corpus/*.txt "$corpus/" 2>/dev/null || true
        ;;
    CSVFuzzer)
        # Small CSV samples (quotes, escapes, line ends, BOM, blank lines, bad rows), the series in
        # ../shared/data/series when present (copied into the uncommitted corpus only), and CSV tokens as dictionary.
        printf 'date,city,value\n2024-01-01,hyesan,5\n2024-02-01,sinuiju,7\n' >"$corpus/seed-plain.csv"
        printf 'id,note\r\n1,"a, b"\r\n2,"say ""hi"""\r\n3,"two\nlines"\r\n' >"$corpus/seed-quoted.csv"
        printf '\xef\xbb\xbfa;b\rc;"d;e"\r\r;\n\n' >"$corpus/seed-bom-cr.csv"
        printf 'a,b,c\n1,2\n3,4,5,6\nx,y"z,w\n"q"r,s,t\n7,\xff,9\n"open,8\n' >"$corpus/seed-bad.csv"
        printf 'a\tb\n""\t\n,,\n' >"$corpus/seed-tab.csv"
        cp ../shared/data/series/*.csv "$corpus/" 2>/dev/null || true
        printf '"\\""\n"\\"\\""\n","\n";"\n"\\x09"\n"\\x0d\\x0a"\n"\\x0d"\n"\\xef\\xbb\\xbf"\n' \
            >"$scratch/corpus/$target.dict"
        dictionary=(-dict="$scratch/corpus/$target.dict")
        # Small inputs reach every state of the reader (the fuzzer uses small limits too) and run ~20x more often
        # than 64 KiB ones in this debug + sanitizer build.
        options=(-max_len=4096)
        ;;
esac
"$binary" "$corpus" -max_total_time="$seconds" -timeout=20 -rss_limit_mb=4096 -max_len=65536 \
    -artifact_prefix="$crashes/" -print_final_stats=1 "${dictionary[@]}" "${options[@]}" "$@"
