#!/usr/bin/env bash
# The fault test: ingests DOCS documents (real paragraphs of ../shared recombined by index) into a system of three
# analysis workers while killing, with SIGKILL at seeded random moments, a worker, storage, ingest and reporting in
# turn for at least SECONDS seconds, restarting each; then checks that every acknowledged document is stored once,
# analysed once and in a digest, and that the store's integrity check passes, and prints the figures.
#   scripts/chaos.sh                 2000 documents, at least 120 s of kills
#   scripts/chaos.sh 5000 600        longer
# TUMEN_CHAOS_SEED (default 5) picks the moments; TUMEN_SCRATCH_PATH the build directory (default .build).
# `swift test` runs a short version (200 documents, one round of kills).
set -euo pipefail
cd "$(dirname "$0")/.."
export TUMEN_CHAOS_DOCS="${1:-2000}" TUMEN_CHAOS_SECONDS="${2:-120}"
scratch="${TUMEN_SCRATCH_PATH:-.build}"
swift build --scratch-path "$scratch" --build-tests
swift test --scratch-path "$scratch" --skip-build \
    --filter 'ChaosTests/documentsAcknowledgedWhileEachServiceIsKilled'
