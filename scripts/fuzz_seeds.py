"""Writes seed inputs for scripts/fuzz.sh: one minimal and one fuller valid envelope per message type, built from
Protocols/schemas, and a libFuzzer dictionary of the protocol's keys and constants.

usage: python3 scripts/fuzz_seeds.py CORPUS_DIR DICT_FILE
"""

import json
import pathlib
import sys

SCHEMAS = pathlib.Path(__file__).resolve().parent.parent / "Protocols" / "schemas"
TIMESTAMP = "2025-06-19T08:30:00.125Z"


def load():
    return {p.name: json.loads(p.read_text()) for p in SCHEMAS.glob("*.schema.json")}


def resolve(schemas, ref):
    file, _, pointer = ref.partition("#")
    node = schemas[file or "common.schema.json"]
    for part in filter(None, pointer.split("/")):
        node = node[part]
    return node


def instance(schemas, schema, full, depth=0):
    """A value that satisfies `schema` (required properties only unless `full`)."""
    if "$ref" in schema:
        if schema["$ref"].endswith("/Timestamp"):
            return TIMESTAMP
        return instance(schemas, resolve(schemas, schema["$ref"]), full, depth + 1)
    if "const" in schema:
        return schema["const"]
    if "enum" in schema:
        return schema["enum"][0]
    for key in ("oneOf", "anyOf", "allOf"):
        if key in schema and "properties" not in schema:
            return instance(schemas, schema[key][0], full, depth + 1)
    kind = schema.get("type", "object")
    if isinstance(kind, list):
        kind = kind[0]
    if kind == "object":
        names = schema.get("properties", {}).keys() if full and depth < 12 else schema.get("required", [])
        return {n: instance(schemas, schema.get("properties", {}).get(n, {}), full, depth + 1) for n in names}
    if kind == "array":
        return [instance(schemas, schema.get("items", {}), full, depth + 1)] if full and depth < 12 else []
    if kind == "integer":
        return schema.get("minimum", 1)
    if kind == "number":
        return 1.5
    if kind == "boolean":
        return True
    if kind == "null":
        return None
    return schema.get("examples", ["2025-06-19" if "date" in json.dumps(schema).lower() else "x"])[0]


def walk_strings(node, out):
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "properties":
                out.update(value.keys())
            if key in ("const", "title") and isinstance(value, str):
                out.add(value)
            if key == "enum":
                out.update(v for v in value if isinstance(v, str))
            walk_strings(value, out)
    elif isinstance(node, list):
        for value in node:
            walk_strings(value, out)


def main():
    corpus, dictionary = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
    corpus.mkdir(parents=True, exist_ok=True)
    schemas = load()
    for name, schema in schemas.items():
        if name == "common.schema.json":
            continue
        kind = name.removesuffix(".schema.json")
        for full in (False, True):
            try:
                envelope = instance(schemas, schema, full)
            except (KeyError, RecursionError):
                continue
            envelope.update({"v": 1, "type": kind, "id": "seed", "ts": TIMESTAMP})
            (corpus / f"{kind}.{'full' if full else 'minimal'}.json").write_text(json.dumps(envelope))
    words = set()
    walk_strings(schemas, words)
    lines = [json.dumps(f'"{w}"') for w in sorted(words) if w and len(w) < 60]
    dictionary.write_text("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
