"""The one converter between claim records and plain data (YAML and JSON alike).

``structure_claim`` turns a parsed YAML mapping into a ``Claim`` and reports every problem with
the field it is about; ``unstructure_claim`` turns a ``Claim`` back into a mapping with the keys
in file order and empty values left out, so a written file holds only what was said.
"""

from __future__ import annotations

import datetime as dt
import difflib
import enum
from typing import Any

import attrs
import cattrs
from cattrs.errors import ForbiddenExtraKeysError, IterableValidationError

from claimcheck.errors import FieldError, Problem, RecordError
from claimcheck.model import Claim, Stance, Status, VerdictStatus

converter = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)


def _structure_date(value: Any, _: type) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise FieldError("", f"must be a date like 2022-03-21, got {value!r}")


def _structure_datetime(value: Any, _: type) -> dt.datetime:
    if isinstance(value, dt.datetime):
        return value if value.tzinfo else value.replace(tzinfo=dt.timezone.utc)
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day, tzinfo=dt.timezone.utc)
    if isinstance(value, str):
        try:
            parsed = dt.datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
            return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.timezone.utc)
        except ValueError:
            pass
    raise FieldError("", f"must be a time like 2026-11-25T21:40:00Z, got {value!r}")


def _structure_str(value: Any, _: type) -> str:
    # YAML reads `figure: 35,000` as a string but `figure: 800` as an int: both are text here.
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise FieldError("", f"must be text, got {_describe(value)}")
    return str(value)


def _structure_float(value: Any, _: type) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise FieldError("", f"must be a number, got {_describe(value)}")
    return float(value)


def _structure_int(value: Any, _: type) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise FieldError("", f"must be a whole number, got {_describe(value)}")
    return value


def _structure_enum(value: Any, cls: type[enum.Enum]) -> enum.Enum:
    try:
        return cls(value)
    except ValueError:
        choices = ", ".join(m.value for m in cls)
        hint = _did_you_mean(str(value), [m.value for m in cls])
        raise FieldError("", f"must be one of {choices}; got {value!r}{hint}") from None


def _structure_dict(value: Any, _: type) -> dict:
    if not isinstance(value, dict):
        raise FieldError("", f"must be a mapping, got {_describe(value)}")
    return value


def _describe(value: Any) -> str:
    if isinstance(value, (dict, list)):
        return f"a {'mapping' if isinstance(value, dict) else 'list'}"
    return repr(value)


def _did_you_mean(word: str, choices: list[str]) -> str:
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


converter.register_structure_hook(dt.datetime, _structure_datetime)
converter.register_structure_hook(dt.date, _structure_date)
converter.register_structure_hook(str, _structure_str)
converter.register_structure_hook(float, _structure_float)
converter.register_structure_hook(int, _structure_int)
# Registered per class: the enums are str subclasses, and the str hook would otherwise win.
for _enum in (Status, VerdictStatus, Stance):
    converter.register_structure_hook(_enum, _structure_enum)


def _optional(hook: Any, cls: type) -> Any:
    def structure(value: Any, _: type) -> Any:
        return None if value is None else hook(value, cls)

    return structure


# ``X | None`` fields straight to X's hook: cattrs' generic optional hook dispatches on every
# value (a third of the time it takes to read a claim).
for _cls, _hook in ((str, _structure_str), (float, _structure_float), (int, _structure_int),
                    (dt.date, _structure_date), (dt.datetime, _structure_datetime)):
    converter.register_structure_hook(_cls | None, _optional(_hook, _cls))
converter.register_structure_hook(Stance | None, _optional(_structure_enum, Stance))


def _structure_tuple(value: Any, cls: Any) -> tuple:
    # A lone string would otherwise become a tuple of its characters.
    if not isinstance(value, (list, tuple)):
        raise FieldError("", f"must be a list, got {_describe(value)}")
    return tuple(converter.structure(value, list[cls.__args__[0]]))


converter.register_structure_hook_func(lambda t: getattr(t, "__origin__", None) is tuple, _structure_tuple)
converter.register_structure_hook_func(lambda t: t == dict[str, Any], _structure_dict)
converter.register_unstructure_hook(dt.date, lambda d: d)
converter.register_unstructure_hook(dt.datetime, lambda d: d)


def _path_text(path: tuple[str | int, ...]) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


def _problems(exc: BaseException, path: tuple[str | int, ...], cls: type | None) -> list[tuple]:
    """Flatten cattrs' exception tree into (path, message) pairs."""
    if isinstance(exc, ForbiddenExtraKeysError):
        known = [a.name for a in attrs.fields(exc.cl)]
        return [
            (path + (key,), f"unknown key{_did_you_mean(key, known)}; put your own fields under `extra`")
            for key in sorted(exc.extra_fields)
        ]
    if isinstance(exc, cattrs.BaseValidationError):
        out: list[tuple] = []
        with_notes, without_notes = exc.group_exceptions()
        for sub, note in with_notes:
            step = note.index if isinstance(exc, IterableValidationError) else note.name
            out += _problems(sub, path + (step,), note.type)
        for sub in without_notes:
            out += _problems(sub, path, None)
        return out
    if isinstance(exc, FieldError):
        return [(path + ((exc.field,) if exc.field else ()), str(exc))]
    if isinstance(exc, (TypeError, ValueError, AttributeError, KeyError)):
        if isinstance(exc, KeyError):
            key = exc.args[0]
            return [(path if path[-1:] == (key,) else path + (key,), "is required")]
        text = str(exc)
        if "required" in text and "argument" in text:
            missing = text.rsplit("'", 2)[-2] if "'" in text else "?"
            return [(path + (missing,), "is required")]
        return [(path, f"must be {_expected(cls)}" if cls else text)]
    raise exc


def _expected(cls: Any) -> str:
    members = [t for t in getattr(cls, "__args__", ()) if t is not type(None)]
    if getattr(cls, "__origin__", None) is not tuple and len(members) == 1:
        cls = members[0]  # Optional[X]
    if attrs.has(cls):
        return "a mapping"
    return "a list" if getattr(cls, "__origin__", None) in (tuple, list) else f"a {cls}"


def structure_claim(data: Any) -> Claim:
    """Build a ``Claim`` from parsed YAML/JSON, or raise ``RecordError`` listing every problem."""
    if not isinstance(data, dict):
        raise RecordError([Problem(None, None, None, f"a claim file must hold a mapping of keys, got {_describe(data)}")])
    try:
        return converter.structure(data, Claim)
    except (cattrs.BaseValidationError, FieldError) as exc:
        found = _problems(exc, (), Claim)
        raise RecordError([Problem(None, None, _path_text(p) or None, m) for p, m in found]) from None


def _is_empty(value: Any) -> bool:
    return value is None or value == () or value == [] or value == {}


def unstructure_claim(claim: Claim) -> dict[str, Any]:
    """The record as a plain mapping in file order, without empty values or defaults."""
    data = converter.unstructure(claim)
    out: dict[str, Any] = {}
    for key, value in data.items():
        if key == "status" and value == "unchecked" and not claim.verdicts and claim.review is None:
            continue
        cleaned = _clean(value)
        if not _is_empty(cleaned):
            out[key] = cleaned
    return out


def _clean(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items() if not _is_empty(_clean(v)) and k != "sources"}
    if isinstance(value, (list, tuple)):
        return [_clean(v) for v in value]
    if isinstance(value, enum.Enum):
        return value.value
    return value
