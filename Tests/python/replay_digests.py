#!/usr/bin/env python3
"""Fetch recorded Tumen digests from storage with pyzmq, using only Protocols/ (topology.json, the schemas, README.md).

Usage:
    python3 Tests/python/replay_digests.py [--endpoint tcp://127.0.0.1:5551] [--topic digest.] [--from-seq N]
                                           [--since 2025-06-19T00:00:00.000Z] [--limit 50] [--timeout 10]
                                           [--protocols Protocols]

Connects a DEALER socket to storage's `store` ROUTER socket (default: $TUMEN_STORE_ENDPOINT, else the `store` row
of Protocols/topology.json) and sends `digest.replay` requests for the digests whose topic starts with --topic,
page by page: while a `digest.replayed` reply says `more`, the next request carries `after` = the position
(`pubSubTopic`, `seq`) of the last digest received. Each request is validated against digest.replay.schema.json
before it is sent, each reply against digest.replayed.schema.json; the reply must carry the request's id as
`correlationId`, and the digests must come in (topic, seq) order. A request that gets no reply in time is sent
again with the same id. Prints each digest (`payload.digests[i]`) as one line of JSON on stdout, and a summary
(digests, pages) on stderr.

Exit status: 0 on success; 1 when storage does not answer (after 3 attempts) or answers `error`; 2 when a message
is malformed or fails validation; 3 when pyzmq or jsonschema is missing.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.dont_write_bytecode = True  # keep Tests/python free of __pycache__
sys.path.insert(0, str(Path(__file__).resolve().parent))
import tumen_wire  # noqa: E402

ATTEMPTS = 3


def main() -> int:
    parser = argparse.ArgumentParser(description="Fetch recorded Tumen digests from storage (digest.replay).")
    parser.add_argument("--endpoint", help="store ROUTER endpoint (default: $TUMEN_STORE_ENDPOINT or topology.json)")
    parser.add_argument("--topic", default="digest.", help="topic prefix of the digests (default: %(default)s)")
    parser.add_argument("--from-seq", type=int, help="first sequence number wanted on each topic")
    parser.add_argument("--since", help="only digests recorded at or after this time (YYYY-MM-DDTHH:MM:SS.sssZ)")
    parser.add_argument("--limit", type=int, help="digests per page (storage's default: 50, at most 500)")
    parser.add_argument("--timeout", type=float, default=10.0, help="seconds to wait for each reply")
    parser.add_argument("--protocols", type=Path, default=tumen_wire.PROTOCOLS, help="the Protocols/ folder")
    args = parser.parse_args()

    zmq = tumen_wire.require("zmq", "pyzmq")
    request_validator = tumen_wire.validator(args.protocols, "digest.replay")
    reply_validator = tumen_wire.validator(args.protocols, "digest.replayed")
    error_validator = tumen_wire.validator(args.protocols, "error")
    if request_validator is None or reply_validator is None or error_validator is None:
        tumen_wire.fail(f"{args.protocols / 'schemas'} lacks digest.replay, digest.replayed or error schemas", 2)
    endpoint = args.endpoint or tumen_wire.default_endpoint(args.protocols, "store")

    payload: dict = {"topicPrefix": args.topic}
    if args.from_seq is not None:
        payload["fromSeq"] = args.from_seq
    if args.since is not None:
        payload["since"] = args.since
    if args.limit is not None:
        payload["limit"] = args.limit

    socket = zmq.Context.instance().socket(zmq.DEALER)
    socket.setsockopt(zmq.LINGER, 0)
    socket.connect(endpoint)
    digests, pages, last = 0, 0, None
    try:
        while True:
            request = tumen_wire.envelope("digest.replay", payload)
            found = tumen_wire.problems(request_validator, request)
            if found:
                tumen_wire.fail("request does not match digest.replay.schema.json:\n  " + "\n  ".join(found), 2)
            reply = exchange(zmq, socket, request, args.timeout, endpoint)
            if reply.get("type") == "error":
                found = tumen_wire.problems(error_validator, reply)
                detail = "" if found else f": {reply['payload']['code']}: {reply['payload']['message']}"
                tumen_wire.fail(f"storage answered error{detail}", 1 if not found else 2)
            found = tumen_wire.problems(reply_validator, reply)
            if found:
                tumen_wire.fail("reply does not match digest.replayed.schema.json:\n  " + "\n  ".join(found), 2)
            pages += 1
            for digest in reply["payload"]["digests"]:
                position = (f"digest.{digest['cadence']}.{digest['topic']}", digest["seq"])
                if not position[0].startswith(args.topic):
                    tumen_wire.fail(f"storage replayed {position[0]!r}, which does not start with {args.topic!r}", 2)
                if last is not None and position <= last:
                    tumen_wire.fail(f"digest {position} does not come after {last}", 2)
                last = position
                print(json.dumps(digest, ensure_ascii=False, sort_keys=True, separators=(",", ":")), flush=True)
                digests += 1
            if not reply["payload"]["more"]:
                break
            if last is None:
                tumen_wire.fail("storage said `more` on an empty page", 2)
            payload["after"] = {"pubSubTopic": last[0], "seq": last[1]}
    finally:
        socket.close()
    print(f"replayed {digests} digest(s) on {args.topic!r} in {pages} page(s) from {endpoint}", file=sys.stderr)
    return 0


def exchange(zmq, socket, request: dict, timeout: float, endpoint: str) -> dict:
    """Sends a request (again with the same id when no reply comes in time) and returns its reply."""
    for _ in range(ATTEMPTS):
        socket.send(json.dumps(request).encode("utf-8"))
        while socket.poll(int(timeout * 1000), zmq.POLLIN):
            try:
                reply = json.loads(socket.recv().decode("utf-8"))
            except (UnicodeDecodeError, ValueError) as error:
                tumen_wire.fail(f"reply is not UTF-8 JSON: {error}", 2)
            if not isinstance(reply, dict) or reply.get("v") != 1:
                tumen_wire.fail(f"reply is not a version 1 envelope: {reply!r:.200}", 2)
            if reply.get("correlationId") == request["id"]:
                return reply
            # a late reply to an earlier attempt of another request: not ours, keep waiting
    tumen_wire.fail(f"no reply from {endpoint} after {ATTEMPTS} attempts of {timeout:g} s", 1)


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        sys.exit(130)
