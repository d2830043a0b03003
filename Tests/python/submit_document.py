#!/usr/bin/env python3
"""Submit one file to Tumen's ingest service with a pyzmq DEALER socket, using only Protocols/.

Usage:
    python3 Tests/python/submit_document.py FILE [--endpoint tcp://127.0.0.1:5550] [--name NAME]
                                            [--media-type text/markdown] [--document-date YYYY-MM-DD]
                                            [--base64] [--timeout 30] [--retries 3] [--protocols Protocols]
                                            [--curve-dir DIR --curve-name NAME]

Sends one `document.submit` envelope (one frame) to ingest's `submit` ROUTER socket (default:
$TUMEN_SUBMIT_ENDPOINT, else the `submit` row of Protocols/topology.json). The file goes as `text` when it is
UTF-8, otherwise (or with --base64) as `contentBase64`, so that ingest itself reports binary or non-UTF-8 input.
Waits --timeout seconds for the reply; on no reply or on `busy` it resends the SAME envelope (same id: ingest and
storage answer a retry idempotently), at most --retries times. The reply is checked (correlationId = request id,
and its JSON Schema from Protocols/schemas) and printed as one line of JSON on stdout (after a `busy`, the
final answer is the last line). With --curve-dir, the socket uses CURVE (see Protocols/README.md, Security): its key
pair from DIR/NAME.key, the server's public key from DIR/server.pub (ZPL certificates, read with zmq.auth).

Exit status: 0 on `document.accepted` (new or duplicate); 1 on `document.rejected` or `error`; 2 when no valid reply
came (timeout, malformed reply); 3 when pyzmq or jsonschema is missing; 4 when FILE cannot be read.
"""

from __future__ import annotations

import argparse
import base64
import json
import sys
import time
from pathlib import Path

sys.dont_write_bytecode = True  # keep Tests/python free of __pycache__
sys.path.insert(0, str(Path(__file__).resolve().parent))
import tumen_wire  # noqa: E402


def payload_for(args: argparse.Namespace) -> dict:
    try:
        content = args.file.read_bytes()
    except OSError as error:
        tumen_wire.fail(f"cannot read {args.file}: {error.strerror or error}", 4)
    payload: dict = {"name": args.name or args.file.name}
    try:
        if args.base64:
            raise UnicodeDecodeError("utf-8", b"", 0, 0, "--base64 given")
        payload["text"] = content.decode("utf-8")
    except UnicodeDecodeError:
        payload["contentBase64"] = base64.b64encode(content).decode("ascii")
    if args.media_type:
        payload["mediaType"] = args.media_type
    if args.document_date:
        payload["documentDate"] = args.document_date
    payload["provenance"] = {"origin": str(args.file)}
    return payload


def main() -> int:
    parser = argparse.ArgumentParser(description="Submit a file to Tumen ingest (document.submit) with pyzmq.")
    parser.add_argument("file", type=Path, help="the file to submit")
    parser.add_argument("--endpoint", help="ingest submit endpoint (default: $TUMEN_SUBMIT_ENDPOINT or topology.json)")
    parser.add_argument("--name", help="document name (default: the file name)")
    parser.add_argument("--media-type", help="text/plain or text/markdown (default: ingest guesses from the name)")
    parser.add_argument("--document-date", help="the document's own date, YYYY-MM-DD")
    parser.add_argument("--base64", action="store_true", help="send the raw bytes as contentBase64")
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds to wait per attempt (default: %(default)s)")
    parser.add_argument("--retries", type=int, default=3, help="resends after a timeout or busy (default: %(default)s)")
    parser.add_argument("--protocols", type=Path, default=tumen_wire.PROTOCOLS, help="the Protocols/ folder")
    parser.add_argument("--curve-dir", type=Path, help="directory written by `tumen keys generate` (CURVE on)")
    parser.add_argument("--curve-name", default="cli", help="whose key pair to use (default: %(default)s)")
    args = parser.parse_args()

    zmq = tumen_wire.require("zmq", "pyzmq")
    request = tumen_wire.envelope("document.submit", payload_for(args))
    endpoint = args.endpoint or tumen_wire.default_endpoint(args.protocols, "submit")

    context = zmq.Context.instance()
    socket = context.socket(zmq.DEALER)
    socket.setsockopt(zmq.LINGER, 0)
    if args.curve_dir:
        import zmq.auth

        public, secret = zmq.auth.load_certificate(str(args.curve_dir / f"{args.curve_name}.key"))
        server, _ = zmq.auth.load_certificate(str(args.curve_dir / "server.pub"))
        socket.curve_publickey, socket.curve_secretkey, socket.curve_serverkey = public, secret, server
    socket.connect(endpoint)
    frame = json.dumps(request, ensure_ascii=False).encode("utf-8")
    try:
        for attempt in range(args.retries + 1):
            socket.send(frame)
            reply = wait_for_reply(zmq, socket, request["id"], args.timeout)
            if reply is None:
                print(f"no reply from {endpoint} within {args.timeout:g} s (attempt {attempt + 1})", file=sys.stderr)
                continue
            found = []
            validator = tumen_wire.validator(args.protocols, reply.get("type", ""))
            if validator is not None:
                found = tumen_wire.problems(validator, reply)
            print(json.dumps(reply, ensure_ascii=False, sort_keys=True, separators=(",", ":")), flush=True)
            if found:
                tumen_wire.fail(f"the {reply.get('type')} reply does not match its schema:\n  " + "\n  ".join(found), 2)
            if reply.get("type") == "busy":
                delay = reply["payload"]["retryAfterMs"] / 1000
                print(f"ingest is busy: retrying in {delay:g} s", file=sys.stderr)
                time.sleep(delay)
                continue
            if reply.get("type") == "document.accepted":
                return 0
            if reply.get("type") in ("document.rejected", "error"):
                payload = reply.get("payload", {})
                print(f"{payload.get('code')}: {payload.get('reason') or payload.get('message')}", file=sys.stderr)
                return 1
            tumen_wire.fail(f"unexpected reply type {reply.get('type')!r}", 2)
        tumen_wire.fail(f"gave up after {args.retries + 1} attempt(s): no answer from {endpoint}", 2)
    finally:
        socket.close()
    return 2


def wait_for_reply(zmq, socket, request_id: str, timeout: float) -> dict | None:
    """The reply to `request_id`, or None on timeout. Replies to earlier attempts of the same id also count."""
    deadline = time.monotonic() + timeout
    while True:
        remaining_ms = int((deadline - time.monotonic()) * 1000)
        if remaining_ms <= 0 or not socket.poll(remaining_ms, zmq.POLLIN):
            return None
        frames = [frame for frame in socket.recv_multipart() if frame]  # a DEALER gets one frame; skip delimiters
        if not frames:
            continue
        try:
            reply = json.loads(frames[-1].decode("utf-8"))
        except (UnicodeDecodeError, ValueError) as error:
            tumen_wire.fail(f"the reply is not UTF-8 JSON: {error}", 2)
        if not isinstance(reply, dict):
            tumen_wire.fail(f"the reply is not a JSON object: {reply!r}", 2)
        if reply.get("correlationId") == request_id:
            return reply
        if reply.get("type") == "error" and "correlationId" not in reply:
            return reply  # the server could not even read our id
        print(f"ignoring a reply to another request: {reply.get('correlationId')!r}", file=sys.stderr)


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        sys.exit(130)
