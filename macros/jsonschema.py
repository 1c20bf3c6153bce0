"""JSON Schemas for each kind's front matter, generated from the same pydantic models the
build uses, with the vocabularies' allowed values added as enums, so editors that read
YAML schemas can complete and check the fields.

The schemas are committed under docs/assets/schemas/ (published with the site);
a test fails when they drift from the models. Regenerate with `make schemas`.
"""

from __future__ import annotations

import json
from pathlib import Path

from .schema import KINDS, VOCAB_FIELDS
from .vocab import Vocabularies, load_vocabularies

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "docs" / "assets" / "schemas"


def _property(schema: dict, dotted: str) -> dict | None:
    """The schema of a (possibly nested) property, following $refs into $defs."""
    node = schema
    for part in dotted.split("."):
        if "$ref" in node:
            node = schema["$defs"][node["$ref"].split("/")[-1]]
        props = node.get("properties", {})
        if part not in props:
            return None
        node = props[part]
    return node


def build(kind: str, vocab: Vocabularies) -> dict:
    schema = KINDS[kind].model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = f"Innovation Handbook {kind} front matter"
    for dotted, name in VOCAB_FIELDS.items():
        prop = _property(schema, dotted)
        if prop is None:
            continue
        target = prop["items"] if prop.get("type") == "array" else prop
        target["enum"] = vocab.keys(name)
    return schema


def built(kind: str, vocab: Vocabularies, cache: Path | None) -> dict:
    """`build`, kept between builds in `cache` (macros/caches.py) under a hash of the models' code,
    pydantic's version and the allowed values: pydantic makes a schema slowly, and the contributor
    guide's fields page shows every kind's on every build."""
    if cache is None:
        return build(kind, vocab)
    import hashlib

    import pydantic

    code = b"".join((Path(__file__).parent / name).read_bytes() for name in ("schema.py", "jsonschema.py"))
    values = repr({name: vocab.keys(name) for name in sorted(set(VOCAB_FIELDS.values()))})
    key = hashlib.sha256(code + f"|{pydantic.VERSION}|{kind}|{values}".encode()).hexdigest()
    stored = cache / f"{key}.json"
    if stored.is_file():
        return json.loads(stored.read_text(encoding="utf-8"))
    schema = build(kind, vocab)
    from .caches import store

    store(stored, json.dumps(schema, ensure_ascii=False).encode("utf-8"))
    return schema


def write(vocab: Vocabularies | None = None) -> list[Path]:
    vocab = vocab or load_vocabularies()
    SCHEMA_DIR.mkdir(parents=True, exist_ok=True)
    written = []
    for kind in KINDS:
        path = SCHEMA_DIR / f"{kind}.schema.json"
        path.write_text(render(kind, vocab), encoding="utf-8")
        written.append(path)
    return written


def render(kind: str, vocab: Vocabularies) -> str:
    return json.dumps(build(kind, vocab), indent=2, ensure_ascii=False) + "\n"
