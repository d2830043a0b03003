#!/usr/bin/env python3
"""Watch Tumen's `system.health` heartbeats with pyzmq, using only Protocols/ (topology.json, the schemas).

Usage:
    python3 Tests/python/watch_health.py [--endpoint ENDPOINT ...] [--seconds 3] [--protocols Protocols]

Connects one SUB socket to every `health` PUB socket (default: the `health` rows of Protocols/topology.json, each
overridden by its environment variable), subscribes to `system.health`, and for --seconds:
  - expects two frames: [b"system.health", envelope];
  - validates the envelope against Protocols/schemas/system.health.schema.json;
  - checks that `seq` increases per instance (service + instance).
Then prints the latest heartbeat payload of each instance heard, one JSON object per line, sorted by service and
instance.

Exit status: 0 when every endpoint sent at least one valid heartbeat; 1 when an endpoint sent none; 2 when a
message is malformed, fails validation or repeats a sequence number; 3 when pyzmq or jsonschema is missing.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.dont_write_bytecode = True  # keep Tests/python free of __pycache__
sys.path.insert(0, str(Path(__file__).resolve().parent))
import tumen_wire  # noqa: E402

MESSAGE_TYPE = "system.health"


def health_endpoints(protocols: Path) -> list[str]:
    """Every `health` socket of the topology, as a connectable endpoint."""
    rows = json.loads((protocols / "topology.json").read_text(encoding="utf-8"))
    services = [row["service"] for row in rows if row["socket"] == "health"]
    return [tumen_wire.default_endpoint(protocols, "health", service=service) for service in services]


def main() -> int:
    parser = argparse.ArgumentParser(description="Watch Tumen heartbeats and validate them against Protocols/.")
    parser.add_argument("--endpoint", action="append", help="a health PUB endpoint (repeatable; default: topology)")
    parser.add_argument("--seconds", type=float, default=3.0, help="how long to listen (default: %(default)s)")
    parser.add_argument("--protocols", type=Path, default=tumen_wire.PROTOCOLS, help="the Protocols/ folder")
    args = parser.parse_args()

    zmq = tumen_wire.require("zmq", "pyzmq")
    validator = tumen_wire.validator(args.protocols, MESSAGE_TYPE)
    if validator is None:
        tumen_wire.fail(f"{args.protocols / 'schemas'} has no {MESSAGE_TYPE}.schema.json", 2)
    endpoints = args.endpoint or health_endpoints(args.protocols)

    context = zmq.Context.instance()
    sockets = {}
    poller = zmq.Poller()
    for endpoint in endpoints:
        socket = context.socket(zmq.SUB)
        socket.setsockopt(zmq.LINGER, 0)
        socket.setsockopt_string(zmq.SUBSCRIBE, MESSAGE_TYPE)
        socket.connect(endpoint)
        sockets[socket] = endpoint
        poller.register(socket, zmq.POLLIN)

    latest: dict[tuple[str, str], dict] = {}
    heard: set[str] = set()
    deadline = time.monotonic() + args.seconds
    try:
        while (remaining_ms := int((deadline - time.monotonic()) * 1000)) > 0:
            for socket, _ in poller.poll(remaining_ms):
                frames = socket.recv_multipart()
                endpoint = sockets[socket]
                if len(frames) != 2 or frames[0] != MESSAGE_TYPE.encode():
                    tumen_wire.fail(f"{endpoint}: expected frames [b'{MESSAGE_TYPE}', envelope], got {frames[:1]!r}", 2)
                try:
                    envelope = json.loads(frames[1].decode("utf-8"))
                except (UnicodeDecodeError, ValueError) as error:
                    tumen_wire.fail(f"{endpoint}: frame is not UTF-8 JSON: {error}", 2)
                found = tumen_wire.problems(validator, envelope)
                if found:
                    tumen_wire.fail(f"{endpoint}: heartbeat does not match the schema:\n  " + "\n  ".join(found), 2)
                health = envelope["payload"]
                key = (health["service"], health["instance"])
                previous = latest.get(key)
                if previous and previous["startedAt"] == health["startedAt"] and health["seq"] <= previous["seq"]:
                    tumen_wire.fail(f"{key}: seq {health['seq']} after {previous['seq']}", 2)
                latest[key] = health
                heard.add(endpoint)
    finally:
        for socket in sockets:
            socket.close()
    for key in sorted(latest):
        print(json.dumps(latest[key], ensure_ascii=False, sort_keys=True, separators=(",", ":")))
    silent = [endpoint for endpoint in endpoints if endpoint not in heard]
    if silent:
        print("no heartbeat from: " + ", ".join(silent), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        sys.exit(130)
