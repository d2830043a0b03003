#!/usr/bin/env python3
"""Subscribe to Tumen digests with pyzmq, using only Protocols/ (topology.json, the schemas, README.md).

Usage:
    python3 Tests/python/subscribe_digest.py [--endpoint tcp://127.0.0.1:5553] [--topic digest.]
                                             [--count 1] [--timeout 60] [--protocols Protocols]

Connects a SUB socket to reporting's `digests` PUB socket (default: $TUMEN_DIGESTS_ENDPOINT, else the `digests`
row of Protocols/topology.json), subscribes to the topic prefix (`digest.` = every digest, `digest.daily.` = one
cadence, `digest.weekly.economic` = one stream), and for each message:
  - expects two frames: [topic, envelope];
  - validates the envelope against Protocols/schemas/digest.published.schema.json;
  - checks that the topic frame equals `digest.<cadence>.<topic>` of the digest inside, and starts with --topic;
  - prints the digest object (`payload.digest`) as one line of JSON on stdout.
Notes about sequence gaps go to stderr. Start it before the digest is published: PUB/SUB drops what is sent
before the subscription reaches the publisher.

Exit status: 0 after --count digests; 1 on timeout (no --count digests within --timeout seconds in total);
2 when a message is malformed or fails validation (the problems are printed); 3 when pyzmq or jsonschema
is missing (`python3 -m pip install pyzmq 'jsonschema>=4.18'`).
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

MESSAGE_TYPE = "digest.published"


def main() -> int:
    parser = argparse.ArgumentParser(description="Subscribe to Tumen digests and validate them against Protocols/.")
    parser.add_argument("--endpoint", help="digests PUB endpoint (default: $TUMEN_DIGESTS_ENDPOINT or topology.json)")
    parser.add_argument("--topic", default="digest.", help="topic prefix to subscribe to (default: %(default)s)")
    parser.add_argument("--count", type=int, default=1, help="digests to receive before exiting (default: %(default)s)")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds to wait in total (default: %(default)s)")
    parser.add_argument("--protocols", type=Path, default=tumen_wire.PROTOCOLS, help="the Protocols/ folder")
    args = parser.parse_args()
    if not args.topic.startswith("digest."):
        tumen_wire.fail(f"--topic {args.topic!r} is not a digest topic; use a prefix of digest.<cadence>.<topic>", 2)

    zmq = tumen_wire.require("zmq", "pyzmq")
    validator = tumen_wire.validator(args.protocols, MESSAGE_TYPE)
    if validator is None:
        tumen_wire.fail(f"{args.protocols / 'schemas'} has no {MESSAGE_TYPE}.schema.json", 2)
    endpoint = args.endpoint or tumen_wire.default_endpoint(args.protocols, "digests")

    context = zmq.Context.instance()
    socket = context.socket(zmq.SUB)
    socket.setsockopt(zmq.LINGER, 0)
    socket.setsockopt_string(zmq.SUBSCRIBE, args.topic)
    socket.connect(endpoint)
    print(f"subscribed to {args.topic!r} on {endpoint}", file=sys.stderr)

    deadline = time.monotonic() + args.timeout
    received = 0
    last_seq: dict[str, int] = {}
    try:
        while received < args.count:
            remaining_ms = int((deadline - time.monotonic()) * 1000)
            if remaining_ms <= 0 or not socket.poll(remaining_ms, zmq.POLLIN):
                tumen_wire.fail(
                    f"timed out after {args.timeout:g} s: received {received} of {args.count} digest(s) "
                    f"on {args.topic!r} from {endpoint}",
                    1,
                )
            frames = socket.recv_multipart()
            if len(frames) != 2:
                tumen_wire.fail(f"expected 2 frames [topic, envelope], got {len(frames)}", 2)
            try:
                topic = frames[0].decode("utf-8")
                envelope = json.loads(frames[1].decode("utf-8"))
            except (UnicodeDecodeError, ValueError) as error:
                tumen_wire.fail(f"frame is not UTF-8 JSON: {error}", 2)
            if isinstance(envelope, dict) and envelope.get("v") != 1:
                tumen_wire.fail(f"unsupported protocol version {envelope.get('v')!r} (this client speaks v1)", 2)
            found = tumen_wire.problems(validator, envelope)
            if found:
                tumen_wire.fail(
                    f"message on {topic!r} does not match {MESSAGE_TYPE}.schema.json:\n  " + "\n  ".join(found), 2
                )
            digest = envelope["payload"]["digest"]
            expected = f"digest.{digest['cadence']}.{digest['topic']}"
            if topic != expected:
                tumen_wire.fail(f"topic frame {topic!r} does not match the digest inside ({expected!r})", 2)
            if not topic.startswith(args.topic):
                tumen_wire.fail(f"received topic {topic!r}, which does not start with {args.topic!r}", 2)
            previous = last_seq.get(topic)
            if previous is not None and digest["seq"] != previous + 1:
                print(f"note: {topic} seq {digest['seq']} follows {previous}", file=sys.stderr)
            last_seq[topic] = digest["seq"]
            print(json.dumps(digest, ensure_ascii=False, sort_keys=True, separators=(",", ":")), flush=True)
            received += 1
    finally:
        socket.close()
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        sys.exit(130)
