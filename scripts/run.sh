#!/usr/bin/env bash
# The main job: set up, build, start all four services on this machine (SQLite store in ./tumen-data),
# ingest PATH (default: ../shared/corpus/seeds, or the illustrative example corpus), print the digest, stop.
#   scripts/run.sh [PATH…]
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
swift build -c release >&2
if [ $# -eq 0 ]; then
    if [ -d ../shared/corpus/seeds ]; then
        set -- ../shared/corpus/seeds
    else
        echo "run: ../shared/corpus/seeds not found; using the illustrative example corpus in examples/corpus" >&2
        set -- examples/corpus
    fi
fi
exec .build/release/tumen up --once "$@"
