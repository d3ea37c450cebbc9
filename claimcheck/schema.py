"""The JSON Schema of a claim file, derived from the model so the two cannot drift apart.

The package ships the result as ``claim.schema.json`` (a test checks it is current), for
editors: point the YAML language server at it and claim files are checked as you type.
"""

from __future__ import annotations

import datetime as dt
import enum
import json
import types
import typing
from typing import Any

import attrs

from claimcheck.model import Claim

SCHEMA_ID = "https://claimcheck.invalid/schema/claim.schema.json"

_DESCRIPTIONS = {
    "id": "Defaults to the file name; must match it when given.",
    "claim": "The claim as one self-contained sentence.",
    "figure": "The figure to check, in words with its qualifier ('more than 35,000'); default: read from `claim`.",
    "measure": "What the figure counts.",
    "quote": "The claim's wording where it appeared, verbatim.",
    "claimant": "Who made the claim.",
    "date": "When the claim was made.",
    "sources": "Evidence: people and verifiers add to it.",
    "verdicts": "Written by verifiers: one entry per verifier, latest wins.",
    "review": "A person's decision; it overrides the verifiers.",
    "status": "The resolved status, written by claimcheck.",
    "extra": "Your own fields.",
    "url": "An http(s) URL, or a path relative to the project for a local document.",
    "excerpt": "The passage that bears on the claim, verbatim.",
}


def _type_schema(tp: Any, defs: dict[str, Any]) -> dict[str, Any]:
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        members = [a for a in typing.get_args(tp) if a is not type(None)]
        inner = _type_schema(members[0], defs) if len(members) == 1 else {"anyOf": [_type_schema(m, defs) for m in members]}
        return {"anyOf": [inner, {"type": "null"}]}
    if origin is tuple or origin is list:
        return {"type": "array", "items": _type_schema(typing.get_args(tp)[0], defs)}
    if origin is dict:
        return {"type": "object", "additionalProperties": _type_schema(typing.get_args(tp)[1], defs)}
    if tp is Any:
        return {}
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return {"type": "string", "enum": [m.value for m in tp]}
    if tp is str:
        return {"type": "string"}
    if tp is float:
        return {"type": "number"}
    if tp is int:
        return {"type": "integer"}
    if tp is dt.datetime:
        return {"type": "string", "format": "date-time"}
    if tp is dt.date:
        return {"type": "string", "format": "date"}
    if attrs.has(tp):
        if tp.__name__ not in defs:
            defs[tp.__name__] = {}
            defs[tp.__name__] = _class_schema(tp, defs)
        return {"$ref": f"#/$defs/{tp.__name__}"}
    raise TypeError(f"no JSON Schema for {tp!r}")


def _class_schema(cls: type, defs: dict[str, Any]) -> dict[str, Any]:
    hints = typing.get_type_hints(cls)
    props: dict[str, Any] = {}
    required = []
    for field in attrs.fields(cls):
        if field.name == "sources" and cls.__name__ == "Verdict":
            continue  # merged into the claim's sources, never stored in a verdict
        schema = _type_schema(hints[field.name], defs)
        if field.name in _DESCRIPTIONS:
            schema = {**schema, "description": _DESCRIPTIONS[field.name]}
        props[field.name] = schema
        if field.default is attrs.NOTHING:
            required.append(field.name)
    out: dict[str, Any] = {"type": "object", "properties": props, "additionalProperties": False}
    if required:
        out["required"] = required
    return out


def claim_schema() -> dict[str, Any]:
    defs: dict[str, Any] = {}
    body = _class_schema(Claim, defs)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "claimcheck claim record",
        "description": "One claim per file: claims/<collection>/<id>.yaml (see docs/format.md).",
        **body,
        "$defs": dict(sorted(defs.items())),
    }


def schema_text() -> str:
    return json.dumps(claim_schema(), indent=2, ensure_ascii=False) + "\n"
