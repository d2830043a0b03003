#!/usr/bin/env python3
"""Check sample Tumen messages against the JSON Schemas in Protocols/schemas (the drift test).

Usage:
    python3 Tests/python/check_schemas.py FULL_DIR [--minimal MINIMAL_DIR] [--schemas SCHEMA_DIR]

FULL_DIR holds one envelope per message type, named `<type>.json` (e.g. `document.submit.json`), with every
optional field populated and every list non-empty. A type whose payload has alternative shapes (`job.result` carries
either `result` or `crosscheck`) has one more file per further shape, `<type>+<variant>.json`
(e.g. `job.result+crosscheck.json`). MINIMAL_DIR, if given, holds the same files with every optional field absent.
The Swift test `TumenProtocolTests` writes both from the Swift types and runs this script.

Checks:
  0. every schema file is a valid draft 2020-12 schema and names its own type;
  1. every sample validates against its schema as published (what a client in another language sees);
  2. every sample validates against a strict copy in which every object schema (but a map, whose
     `additionalProperties` is a schema) has `additionalProperties: false`, so a field the Swift type writes but the
     schema does not know fails;
  3. the full samples of each type, merged into one instance (objects: the union of their fields; lists: all their
     items), validate against a complete copy in which every property of every object schema is also required, so a
     field the schema lists but no full sample of the type writes fails. Only missing properties are reported here:
     the merged instance may combine alternatives the schema allows one at a time, and the rest is checked by 1 and 2;
  4. every schema has a sample `<type>.json` in each directory, and every sample has a schema.

Exit status: 0 when all checks pass, 1 when any fails, 2 on bad usage, 3 when `jsonschema` is missing.
Requires Python 3.9+ and `jsonschema` >= 4.18 (`pip install jsonschema`).
"""

from __future__ import annotations

import argparse
import copy
import json
import sys
from pathlib import Path

try:
    from jsonschema import Draft202012Validator
    from referencing import Registry, Resource
except ImportError as error:  # pragma: no cover - depends on the machine
    print(
        f"check_schemas.py: cannot import jsonschema/referencing ({error}).\n"
        "Install it with: python3 -m pip install 'jsonschema>=4.18'",
        file=sys.stderr,
    )
    sys.exit(3)

SCHEMA_SUFFIX = ".schema.json"
VARIANT_SEPARATOR = "+"
COMMON = "common" + SCHEMA_SUFFIX
DEFAULT_SCHEMAS = Path(__file__).resolve().parents[2] / "Protocols" / "schemas"


def load_schemas(directory: Path) -> dict[str, dict]:
    """All schema files of a directory by file name."""
    return {path.name: json.loads(path.read_text(encoding="utf-8")) for path in sorted(directory.glob("*" + SCHEMA_SUFFIX))}


def is_object_schema(node: dict) -> bool:
    return node.get("type") == "object" or "properties" in node


def is_map_schema(node: dict) -> bool:
    """An object used as a map (any key, values of one schema), such as `system.health`'s `counters`."""
    return isinstance(node.get("additionalProperties"), dict) and "properties" not in node


def tightened(node, *, require_all: bool):
    """A copy of a schema in which every object schema refuses unknown properties (and, if asked, requires all)."""
    if isinstance(node, list):
        return [tightened(item, require_all=require_all) for item in node]
    if not isinstance(node, dict):
        return node
    result = {key: tightened(value, require_all=require_all) for key, value in node.items()}
    if is_object_schema(node) and not is_map_schema(node):
        result["additionalProperties"] = False
        if require_all:
            result["required"] = sorted(set(node.get("required", [])) | set(node.get("properties", {})))
    # `properties` maps names to schemas; tightening its values is done above, but the map itself is not a schema.
    if "properties" in node:
        result["properties"] = {name: tightened(value, require_all=require_all) for name, value in node["properties"].items()}
    return result


def validators(schemas: dict[str, dict]) -> dict[str, Draft202012Validator]:
    """A validator per message schema, resolving `$ref`s to the other schemas through a registry."""
    registry = Registry().with_resources(
        (schema["$id"], Resource.from_contents(schema)) for schema in schemas.values()
    )
    return {
        name[: -len(SCHEMA_SUFFIX)]: Draft202012Validator(schema, registry=registry)
        for name, schema in schemas.items()
        if name != COMMON
    }


def merged(first, second):
    """One instance with the fields of both: objects are merged field by field, lists concatenated."""
    if isinstance(first, dict) and isinstance(second, dict):
        result = dict(first)
        for key, value in second.items():
            result[key] = merged(first[key], value) if key in first else value
        return result
    if isinstance(first, list) and isinstance(second, list):
        return first + second
    return first


def describe(error) -> str:
    where = error.json_path
    return f"{where}: {error.message}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("full", type=Path, help="directory of fully populated samples, one <type>.json per type")
    parser.add_argument("--minimal", type=Path, help="directory of samples with every optional field absent")
    parser.add_argument("--schemas", type=Path, default=DEFAULT_SCHEMAS, help="schema directory (default: %(default)s)")
    args = parser.parse_args()

    for directory in [args.full, args.minimal, args.schemas]:
        if directory is not None and not directory.is_dir():
            print(f"check_schemas.py: {directory} is not a directory", file=sys.stderr)
            return 2

    problems: list[str] = []
    schemas = load_schemas(args.schemas)
    if COMMON not in schemas:
        problems.append(f"{args.schemas / COMMON} is missing")

    # 0. The schemas themselves.
    for name, schema in schemas.items():
        try:
            Draft202012Validator.check_schema(schema)
        except Exception as error:  # jsonschema.SchemaError
            problems.append(f"{name}: not a valid draft 2020-12 schema: {error}")
            continue
        if not str(schema.get("$id", "")).endswith("/" + name):
            problems.append(f"{name}: $id {schema.get('$id')!r} does not end with /{name}")
        if name != COMMON:
            message_type = name[: -len(SCHEMA_SUFFIX)]
            declared = schema.get("properties", {}).get("type", {}).get("const")
            if declared != message_type:
                problems.append(f"{name}: properties.type.const is {declared!r}, expected {message_type!r}")
            if "additionalProperties" in schema:
                problems.append(f"{name}: the envelope must stay open (no top-level additionalProperties)")
    if problems:
        return report(problems, 0)

    modes = {
        "schema": validators(schemas),
        "strict": validators({name: tightened(schema, require_all=False) for name, schema in schemas.items()}),
        "complete": validators({name: tightened(schema, require_all=True) for name, schema in schemas.items()}),
    }
    message_types = set(modes["schema"])

    checked = 0
    runs = [(args.full, ["schema", "strict", "complete"])]
    if args.minimal is not None:
        runs.append((args.minimal, ["schema", "strict"]))
    for directory, mode_names in runs:
        samples: dict[str, list[Path]] = {}
        for path in sorted(directory.glob("*.json")):
            samples.setdefault(path.name[: -len(".json")].split(VARIANT_SEPARATOR, 1)[0], []).append(path)
        # 4. One sample per schema and one schema per sample.
        for missing in sorted(message_types - set(samples)):
            problems.append(f"{directory}: no sample for schema {missing}{SCHEMA_SUFFIX}")
        for message_type in sorted(message_types & set(samples)):
            if directory / f"{message_type}.json" not in samples[message_type]:
                problems.append(f"{directory}: no sample {message_type}.json, only variants of it")
        for extra in sorted(set(samples) - message_types):
            for path in samples[extra]:
                problems.append(f"{path}: no schema {extra}{SCHEMA_SUFFIX} in {args.schemas}")
        for message_type in sorted(message_types & set(samples)):
            instances = []
            for path in samples[message_type]:
                try:
                    instance = json.loads(path.read_text(encoding="utf-8"))
                except ValueError as error:
                    problems.append(f"{path}: not JSON: {error}")
                    continue
                instances.append(instance)
                before = len(problems)
                for mode in mode_names:
                    if mode == "complete":
                        continue
                    errors = sorted(modes[mode][message_type].iter_errors(instance), key=lambda e: list(e.absolute_path))
                    for error in errors:
                        problems.append(f"{directory.name}/{path.name} [{mode}] {describe(error)}")
                checked += 1
                if len(problems) == before:
                    print(f"ok {directory.name}/{path.name} ({', '.join(m for m in mode_names if m != 'complete')})")
            # 3. Together, the full samples of a type write every property its schema lists.
            if "complete" in mode_names and instances:
                combined = instances[0]
                for instance in instances[1:]:
                    combined = merged(combined, instance)
                names = " + ".join(path.name for path in samples[message_type])
                before = len(problems)
                errors = sorted(modes["complete"][message_type].iter_errors(combined), key=lambda e: list(e.absolute_path))
                for error in errors:
                    if error.validator == "required":
                        problems.append(f"{directory.name}/{names} [complete] {describe(error)}")
                if len(problems) == before:
                    print(f"ok {directory.name}/{names} (complete)")
    return report(problems, checked)


def report(problems: list[str], checked: int) -> int:
    if problems:
        print(f"FAILED: {len(problems)} problem(s) in {checked} sample(s) checked", file=sys.stdout)
        for line in problems:
            print("  " + line)
        print(
            "Hints: [strict] 'Additional properties are not allowed' = the Swift type writes a field the schema lacks;"
            " [complete] 'is a required property' = the schema lists a field the full sample does not write"
            " (remove it from the schema or populate it in the sample); [schema] = the schema refuses what Swift writes."
        )
        return 1
    print(f"all {checked} sample(s) match their schemas")
    return 0


if __name__ == "__main__":
    sys.exit(main())
