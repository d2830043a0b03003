#!/usr/bin/env bash
# Runs every test: the format check, unit tests, protocol schema checks, and the integration tests that start the four real
# executables and talk ZeroMQ (Swift and Python pyzmq clients).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
swift format lint --strict --recursive Package.swift Sources Services Tests
swift build --build-tests
swift test --skip-build "$@"
