#!/usr/bin/env bash
# Installs what Tumen needs besides the Swift toolchain: libzmq (Debian's libzmq3-dev) and, for the tests,
# Python's pyzmq, jsonschema and PyYAML. Does nothing for what is already there.
set -euo pipefail

missing=()
pkg-config --exists libzmq 2>/dev/null || missing+=(libzmq3-dev pkg-config)
command -v python3 >/dev/null || missing+=(python3)
python3 -m pip --version >/dev/null 2>&1 || missing+=(python3-pip)
if [ ${#missing[@]} -gt 0 ]; then
    echo "setup: installing ${missing[*]}" >&2
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi
if ! python3 -c 'import zmq, jsonschema, yaml' 2>/dev/null; then
    echo "setup: installing pyzmq and jsonschema from PyPI" >&2
    python3 -m pip install --quiet pyzmq jsonschema pyyaml 2>/dev/null \
        || python3 -m pip install --quiet --break-system-packages pyzmq jsonschema pyyaml
fi
command -v swift >/dev/null || { echo "setup: Swift 6.1 or later is required (https://swift.org/install)" >&2; exit 1; }
