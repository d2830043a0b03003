"""Shared helpers of the Python clients, written from Protocols/ only (README.md, topology.json, schemas/).

Not a Tumen library: just the few things the pyzmq clients in this folder need.
"""

from __future__ import annotations

import datetime
import json
import os
import sys
import uuid
from pathlib import Path
from typing import NoReturn

PROTOCOLS = Path(__file__).resolve().parents[2] / "Protocols"


def fail(message: str, status: int) -> NoReturn:
    """Prints a message naming the script on stderr and exits with the status."""
    print(f"{Path(sys.argv[0]).name}: {message}", file=sys.stderr)
    sys.exit(status)


def require(module: str, install: str):
    """Imports a module or exits with status 3 saying what to install."""
    try:
        return __import__(module)
    except ImportError as error:
        fail(f"cannot import {module} ({error}); install it with: python3 -m pip install {install}", 3)


def now() -> str:
    """The current time as the protocol writes it: ISO 8601 UTC with milliseconds."""
    return datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


def envelope(message_type: str, payload: dict, message_id: str | None = None) -> dict:
    return {"v": 1, "type": message_type, "id": message_id or str(uuid.uuid4()), "ts": now(), "payload": payload}


def default_endpoint(protocols: Path, socket: str, service: str | None = None) -> str:
    """The endpoint of a bound socket: its `env` variable if set, else the default in topology.json.

    `service` picks one when several services bind a socket of that name (`health`). A wildcard bind address
    (`*`, `0.0.0.0`) is turned into loopback so that it can be connected to.
    """
    rows = json.loads((protocols / "topology.json").read_text(encoding="utf-8"))
    for row in rows:
        if row["socket"] == socket and row["role"] == "bind" and service in (None, row["service"]):
            endpoint = os.environ.get(row["env"]) or row["endpoint"]
            return endpoint.replace("://*:", "://127.0.0.1:").replace("://0.0.0.0:", "://127.0.0.1:")
    fail(f"{protocols / 'topology.json'} has no bound socket named {socket!r}", 2)


def validator(protocols: Path, message_type: str):
    """A draft 2020-12 validator for one message type, resolving `$ref`s to common.schema.json."""
    require("jsonschema", "'jsonschema>=4.18'")
    try:
        from jsonschema import Draft202012Validator
        from referencing import Registry, Resource
    except ImportError as error:
        fail(f"jsonschema is too old ({error}); install it with: python3 -m pip install 'jsonschema>=4.18'", 3)
    schemas = {
        path.name[: -len(".schema.json")]: json.loads(path.read_text(encoding="utf-8"))
        for path in (protocols / "schemas").glob("*.schema.json")
    }
    if message_type not in schemas:
        return None
    registry = Registry().with_resources((s["$id"], Resource.from_contents(s)) for s in schemas.values())
    return Draft202012Validator(schemas[message_type], registry=registry)


def problems(validator, instance) -> list[str]:
    """Every validation error of an instance, one line each, with its JSON path."""
    errors = sorted(validator.iter_errors(instance), key=lambda error: list(error.absolute_path))
    return [f"{error.json_path}: {error.message}" for error in errors]
