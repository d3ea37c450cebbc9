"""Writing a verified claim back into its file, fast, without touching what people wrote.

A ruamel.yaml round-trip costs ~6 ms a file, a minute for 10,000 claims. A verify run only changes
a few keys, so this module edits the *text* instead: it composes the file once with PyYAML's C
loader (nodes carry their character offsets) and splices new text into exactly the spans that
change:

- machine-owned keys (``verdicts``, ``status``, ``confidence``) are one block each, rewritten as a
  whole (a comment inside ``verdicts`` is not kept: nobody should write one there);
- ``sources`` is edited value by value: a changed scalar is replaced in place (so a comment after
  it on the same line survives), a new key of a source is inserted as a line under its siblings,
  a new source is appended after the last one. Everything else, comments included, is untouched.

The result is parsed again and compared with what was meant; anything the splice cannot do
exactly (flow-style sources, a removed key, a shape it does not know) falls back to the
ruamel.yaml round-trip in ``claimcheck.writer``. So the fast path is never less correct, only
faster.
"""

from __future__ import annotations

import datetime as dt
import enum
import json
import re
from pathlib import Path
from typing import Any

import yaml

from claimcheck.model import CLAIM_KEYS
from claimcheck.errors import ConflictError
from claimcheck.records import FileState
from claimcheck.writer import atomic_write

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

#: Keys rewritten as a whole block: the verify run owns them.
BLOCK_KEYS = frozenset({"verdicts", "status", "confidence"})

_PLAIN = re.compile(r"[A-Za-z][A-Za-z0-9_./+-]*")
_RESERVED = frozenset({"yes", "no", "true", "false", "on", "off", "null", "y", "n", "nan", "inf"})


class _CannotSplice(Exception):
    """The text has a shape the splice does not handle: use the round-trip writer."""


# -- scalars ---------------------------------------------------------------------------------------


def scalar(value: Any) -> str:
    """One value as YAML text on one line (plain when unambiguous, else double-quoted)."""
    if isinstance(value, enum.Enum):
        value = value.value
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, dt.datetime):
        value = value.astimezone(dt.timezone.utc).replace(microsecond=0)
        return value.strftime("%Y-%m-%dT%H:%M:%SZ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        if _PLAIN.fullmatch(value) and value.lower() not in _RESERVED and not _looks_numeric(value):
            return value
        # a JSON string is a valid YAML double-quoted scalar
        return json.dumps(value, ensure_ascii=False)
    raise _CannotSplice(f"not a scalar: {type(value).__name__}")


def _looks_numeric(text: str) -> bool:
    return text[0] in "+-." or text[:1].isdigit()


def _flow(value: Any) -> str:
    if isinstance(value, dict):
        return "{" + ", ".join(f"{scalar(k)}: {_flow(v)}" for k, v in value.items()) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_flow(v) for v in value) + "]"
    return scalar(value)


def block(key: str, value: Any) -> str:
    """A top-level ``key: value`` as text, ending in a newline. Mappings of mappings (verdicts)
    get one flow mapping per line, the layout of docs/format.md."""
    if isinstance(value, dict) and value:
        lines = [f"{key}:"]
        for k, v in value.items():
            lines.append(f"  {scalar(k)}: {_flow(v)}")
        return "\n".join(lines) + "\n"
    if isinstance(value, (list, tuple)) and value:
        lines = [f"{key}:"]
        for item in value:
            lines.append(_list_item(item, "  "))
        return "\n".join(lines) + "\n"
    return f"{key}: {_flow(value)}\n"


def _list_item(item: Any, indent: str) -> str:
    if isinstance(item, dict) and item:
        pairs = [f"{scalar(k)}: {scalar(v)}" for k, v in item.items()]
        return f"{indent}- " + f"\n{indent}  ".join(pairs)
    return f"{indent}- {_flow(item)}"


# -- comparing what was written with what was meant ------------------------------------------------


def normal(value: Any) -> Any:
    """Plain data in one canonical form for comparison: YAML-loaded data and its JSON copy in
    the index compare equal (dates and times as ISO text, enums as their values)."""
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, dict):
        return {str(k): normal(v) for k, v in value.items() if v is not None}
    if isinstance(value, (list, tuple)):
        return [normal(v) for v in value]
    if isinstance(value, dt.datetime):
        value = value if value.tzinfo else value.replace(tzinfo=dt.timezone.utc)
        return value.astimezone(dt.timezone.utc).replace(microsecond=0).isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


# -- the splice ------------------------------------------------------------------------------------


def _line_end(text: str, index: int) -> int:
    """Index just past the newline ending the line that holds ``index`` (or len(text))."""
    nl = text.find("\n", index)
    return len(text) if nl < 0 else nl + 1


def _line_start(text: str, index: int) -> int:
    return text.rfind("\n", 0, index) + 1


def _content_end(node: yaml.Node) -> int:
    """Where a node's own content ends: a block collection's end mark runs on over the comments
    and blank lines that follow it, which belong to the next key."""
    if isinstance(node, yaml.ScalarNode) or getattr(node, "flow_style", False) or not node.value:
        return node.end_mark.index
    last = node.value[-1]
    return _content_end(last[1] if isinstance(node, yaml.MappingNode) else last)


def _top_span(text: str, key: yaml.Node, value: yaml.Node) -> tuple[int, int]:
    """The whole ``key: value`` entry, from its line start to the end of its last line."""
    if key.start_mark.column != 0:
        raise _CannotSplice("top-level key not at column 0")
    return key.start_mark.index, _line_end(text, max(_content_end(value) - 1, value.start_mark.index))


def _insert_point(text: str, root: yaml.MappingNode, key: str) -> int:
    """Where a new top-level key goes: before the first existing key that follows it in the
    documented order (and above that key's own comment lines), else at the end."""
    order = {k: i for i, k in enumerate(CLAIM_KEYS)}
    rank = order.get(key, len(order))
    for k, _ in root.value:
        if order.get(k.value, len(order)) > rank:
            pos = k.start_mark.index
            # keep a comment block written above that key attached to it
            while pos > 0:
                prev = _line_start(text, pos - 1)
                if text[prev:pos].lstrip().startswith("#"):
                    pos = prev
                else:
                    break
            return pos
    return len(text)


def splice(text: str, changes: dict[str, Any]) -> str:
    """Apply top-level ``changes`` (key -> new plain value; ``None`` removes the key) to ``text``.

    Raises ``_CannotSplice`` when the text has a shape this does not handle.
    """
    return _splice(text, changes)[0]


class _Proof:
    """Whether a splice is safe by construction, so its result need not be parsed again.

    Safe means: every edit is of a kind whose result is known without parsing (a top-level block
    replaced or inserted at column 0, a one-line scalar replaced, key lines added under a mapping
    whose last value is a one-line scalar), every value written is one that ``scalar`` writes
    back exactly (``_exact``), and the text has nothing that moves those rules (tabs, carriage
    returns, document markers, a byte-order mark). Anything else is checked by a re-parse.
    """

    __slots__ = ("safe", "order", "sources")

    def __init__(self, text: str) -> None:
        # plain substring scans first (C speed); the marker pattern only when one may be there
        self.safe = not ("\t" in text or "\r" in text or "\ufeff" in text or (
            (text.startswith(("---", "...")) or "\n---" in text or "\n..." in text) and _ODD_TEXT.search(text)))
        #: top-level keys in their new file order (existing keys by offset, inserted ones at theirs)
        self.order: list[tuple[int, int, str]] = []
        #: the sources as the new file holds them (keys in file order), when safe
        self.sources: list[dict[str, Any]] | None = None


_ODD_TEXT = re.compile(r"[\t\r\ufeff]|^(?:---|\.\.\.)(?:\s|$)", re.MULTILINE)
# what a double-quoted (JSON) or plain scalar written by ``scalar`` carries unchanged: YAML refuses
# non-printable characters and folds its own line breaks (NEL, LS, PS) inside quotes
_UNSAFE_CHARS = re.compile("[^\x09\x0a\x0d\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_YAML_FLOAT = re.compile(r"[-+]?[0-9][0-9_]*\.[0-9_]*(?:[eE][-+][0-9]+)?")


def _exact(value: Any) -> bool:
    """True when ``scalar``/``_flow`` write ``value`` so that a YAML load gives it back."""
    kind = type(value)
    if kind is str:
        return _UNSAFE_CHARS.search(value) is None
    if kind is dict:
        return all(type(k) is str and _UNSAFE_CHARS.search(k) is None and _exact(v) for k, v in value.items())
    if value is None or kind is bool or kind is int:
        return True
    if kind is float:
        return _YAML_FLOAT.fullmatch(repr(value)) is not None  # 1e-05, inf, nan are not
    if isinstance(value, enum.Enum):
        return _exact(value.value)
    if isinstance(value, dt.datetime):  # written in UTC to the second
        return value.tzinfo is not None and value.microsecond == 0 and 1000 <= value.astimezone(dt.timezone.utc).year <= 9999
    if isinstance(value, dt.date):
        return True
    if isinstance(value, str):
        return _UNSAFE_CHARS.search(value) is None
    if isinstance(value, (list, tuple)):
        return all(_exact(v) for v in value)
    if isinstance(value, dict):
        return all(isinstance(k, str) and _exact(k) and _exact(v) for k, v in value.items())
    return isinstance(value, (bool, int)) and not isinstance(value, enum.Enum)


def _clean_after(text: str, index: int) -> bool:
    """Only blanks or a comment follow ``index`` on its line."""
    rest = text[index:_line_end(text, index)].strip()
    return not rest or rest.startswith("#")


def _one_line(text: str, node: yaml.Node) -> bool:
    """A scalar written on one line, with something in it, and nothing but a comment after it."""
    return (isinstance(node, yaml.ScalarNode) and node.style in (None, "", '"', "'")
            and node.start_mark.line == node.end_mark.line and node.end_mark.index > node.start_mark.index
            and _clean_after(text, node.end_mark.index))


def _block_ends_clean(text: str, node: yaml.Node) -> bool:
    """A top-level value whose span (``_top_span``) ends where its last line does."""
    while isinstance(node, (yaml.MappingNode, yaml.SequenceNode)) and not node.flow_style and node.value:
        last = node.value[-1]
        node = last[1] if isinstance(node, yaml.MappingNode) else last
    if isinstance(node, yaml.ScalarNode):
        return _one_line(text, node)
    return node.start_mark.line == node.end_mark.line and _clean_after(text, node.end_mark.index)


def _splice(text: str, changes: dict[str, Any]) -> tuple[str, _Proof]:
    root = yaml.compose(text, Loader=_Loader)
    if not isinstance(root, yaml.MappingNode) or root.flow_style:
        raise _CannotSplice("not a block mapping")
    if not text.endswith("\n"):
        text += "\n"
    proof = _Proof(text)
    present = {k.value: (k, v) for k, v in root.value}
    # an existing key sorts after keys inserted at its own offset (they go above it)
    proof.order = [(k.start_mark.index, 1 << 30, k.value) for k, _ in root.value if k.value not in changes or
                   not (changes[k.value] is None or changes[k.value] == [] or changes[k.value] == {})]
    edits: list[tuple[int, int, str]] = []
    top_inserts: set[int] = set()
    for rank, (key, new) in enumerate(changes.items(), start=1):
        # what is written must read back exactly; sources are checked value by value, as edited
        if proof.safe and key != "sources" and not _exact(new):
            proof.safe = False
        if key in present:
            k_node, v_node = present[key]
            if new is None or new == [] or new == {}:
                start, end = _top_span(text, k_node, v_node)
                edits.append((start, end, ""))
                proof.safe = proof.safe and _block_ends_clean(text, v_node)
            elif key == "sources" and isinstance(v_node, yaml.SequenceNode):
                edits += _sources_edits(text, v_node, new, proof)
            elif isinstance(v_node, yaml.ScalarNode) and not isinstance(new, (dict, list, tuple)):
                if v_node.style in ("|", ">"):
                    raise _CannotSplice("block scalar")
                edits.append((v_node.start_mark.index, v_node.end_mark.index, scalar(new)))
                proof.safe = proof.safe and _one_line(text, v_node) and _exact(new)
            elif key in BLOCK_KEYS:
                start, end = _top_span(text, k_node, v_node)
                edits.append((start, end, block(key, new)))
                proof.safe = proof.safe and _block_ends_clean(text, v_node)
            else:
                raise _CannotSplice(f"cannot edit {key!r} in place")
        elif new is not None and new != [] and new != {}:
            pos = _insert_point(text, root, key)
            if key == "sources" and not _exact(new):
                proof.safe = False
            top_inserts.add(len(edits))
            edits.append((pos, pos, block(key, new)))
            # before an existing key (or at the very end): it lands where proof.order says
            proof.order.append((pos if pos < len(text) else len(text) + 1, rank, key))
    if proof.safe and not _apart(edits, top_inserts):
        proof.safe = False
    # apply from the end so earlier offsets stay valid; at one offset, the later edit goes first
    # so the inserted blocks end up in the order they were asked for
    ordered = sorted(enumerate(edits), key=lambda e: (e[1][0], e[1][1], e[0]), reverse=True)
    for _, (start, end, new_text) in ordered:
        text = text[:start] + new_text + text[end:]
    return text, proof


def _apart(edits: list[tuple[int, int, str]], top_inserts: set[int]) -> bool:
    """No two edits overlap, and where several land on one offset they are insertions in an order
    that keeps each where it belongs (a new top-level block may follow anything; nothing may
    follow a new top-level block there, nor share its offset with a replaced span)."""
    spans = sorted(enumerate(edits), key=lambda e: (e[1][0], e[0]))
    for (_, a), (j, b) in zip(spans, spans[1:]):
        if b[0] < a[1]:
            return False
        if b[0] == a[0] and (a[1] != a[0] or b[1] != b[0] or j not in top_inserts):
            return False
    return True


def _sources_edits(text: str, seq: yaml.SequenceNode, new: list[dict], proof: _Proof | None = None) -> list[tuple[int, int, str]]:
    if seq.flow_style or len(new) < len(seq.value):
        raise _CannotSplice("flow-style or shrinking sources")
    edits: list[tuple[int, int, str]] = []
    item_column = None
    as_written: list[dict[str, Any]] = []
    for node, item in zip(seq.value, new):
        if not isinstance(node, yaml.MappingNode) or node.flow_style or not node.value:
            raise _CannotSplice("source is not a block mapping")
        column = node.value[0][0].start_mark.column
        item_column = column
        old_keys = {k.value: v for k, v in node.value}
        if set(old_keys) - set(item):
            raise _CannotSplice("a source lost a key")
        added = []
        for k, v in item.items():
            if isinstance(v, (dict, list, tuple)):
                raise _CannotSplice("nested value in a source")
            if k in old_keys:
                old = old_keys[k]
                if not isinstance(old, yaml.ScalarNode):
                    raise _CannotSplice("nested value in a source")
                if _scalar_equal(old, v):
                    continue
                edits.append((old.start_mark.index, old.end_mark.index, scalar(v)))
                if proof is not None:
                    proof.safe = proof.safe and _one_line(text, old) and _exact(v)
            else:
                added.append(f"{' ' * column}{scalar(k)}: {scalar(v)}\n")
                if proof is not None:
                    proof.safe = proof.safe and isinstance(k, str) and _exact(k) and _exact(v)
        if added:
            end = _content_end(node)
            pos = _line_end(text, max(end - 1, node.start_mark.index))
            edits.append((pos, pos, "".join(added)))
            if proof is not None:
                proof.safe = proof.safe and _one_line(text, node.value[-1][1])
        if proof is not None and proof.safe:
            as_written.append({**{k.value: item[k.value] for k, _ in node.value},
                               **{k: v for k, v in item.items() if k not in old_keys}})
    extra = new[len(seq.value):]
    if extra:
        if proof is not None:
            proof.safe = False  # a new item's indentation is inferred: check it by a re-parse
        dash_column = seq.value[0].start_mark.column - 2 if seq.value else 2
        if item_column is not None:
            dash_column = item_column - 2
        if dash_column < 0:
            raise _CannotSplice("odd sequence indentation")
        end = _content_end(seq)
        pos = _line_end(text, max(end - 1, seq.start_mark.index))
        edits.append((pos, pos, "".join(_list_item(item, " " * dash_column) + "\n" for item in extra)))
    if proof is not None and proof.safe:
        proof.sources = as_written
    return edits


def _scalar_equal(node: yaml.ScalarNode, value: Any) -> bool:
    # fast answers first: most values are strings written the way we would write them
    if isinstance(value, enum.Enum):
        value = value.value
    if isinstance(value, str):
        if node.style in ('"', "'", "|", ">"):
            return node.value == value
        if node.value == value:
            return node.tag == "tag:yaml.org,2002:str" or scalar(value) == value
    elif node.style is None and node.value == scalar(value):
        return True
    # otherwise construct the scalar through the same resolver the loader uses
    try:
        loaded = yaml.load(_scalar_text(node), Loader=_Loader)
    except yaml.YAMLError:
        return False
    return normal(loaded) == normal(value)


def _scalar_text(node: yaml.ScalarNode) -> str:
    if node.style == '"':
        return json.dumps(node.value, ensure_ascii=False)
    if node.style == "'":
        return "'" + node.value.replace("'", "''") + "'"
    if node.style in ("|", ">"):
        return json.dumps(node.value, ensure_ascii=False)
    return node.value


# -- writing ---------------------------------------------------------------------------------------


def updated_text(text: str, changes: dict[str, Any], old_data: dict[str, Any] | None = None) -> tuple[str, Any]:
    """The file's new text and its parsed data: the fast splice when it reads back exactly as
    meant, else the ruamel round-trip. ``old_data``: the file's parsed data, when known."""
    if old_data is None:
        old_data = yaml.load(text, Loader=_Loader)
    try:
        new, proof = _splice(text, changes)
        if proof.safe:
            # Safe by construction (``_Proof``): the data is the old data with the changes, in
            # the new file's key order; parsing the file again would cost as much as the splice.
            return new, _applied(old_data, changes, proof)
        new_data = yaml.load(new, Loader=_Loader)
        if _means(new_data, old_data, changes):
            return new, new_data
    except (_CannotSplice, yaml.YAMLError):
        pass
    from claimcheck.writer import update_text

    new = update_text(text, {k: (None if v in ([], {}) else v) for k, v in changes.items()})
    return new, yaml.load(new, Loader=_Loader)


def _applied(old: dict[str, Any], changes: dict[str, Any], proof: _Proof) -> dict[str, Any]:
    """``old`` with ``changes`` applied, keys in the order the spliced file has them (what a
    YAML load of the new text gives, up to ``normal``)."""
    out = {}
    for _, _, key in sorted(proof.order):
        if key in changes:
            out[key] = proof.sources if key == "sources" and proof.sources is not None else changes[key]
        else:
            out[key] = old.get(key)
    return out


def _means(new: Any, old: Any, changes: dict[str, Any]) -> bool:
    """True when ``new`` (parsed) is ``old`` (parsed) with exactly ``changes`` applied."""
    if not isinstance(new, dict) or not isinstance(old, dict):
        return False
    expect = dict(old)
    for key, value in changes.items():
        if value is None or value == [] or value == {}:
            expect.pop(key, None)
        else:
            expect[key] = value
    # ``old`` may be the index's copy, which always carries ``id`` and ``status``
    if "id" not in new:
        expect.pop("id", None)
    if "status" not in new and expect.get("status") == "unchecked":
        expect.pop("status")
    return normal(new) == normal(expect)


def changed(old_data: dict[str, Any], values: dict[str, Any]) -> dict[str, Any]:
    """The entries of ``values`` (key -> new plain value) that differ from ``old_data``."""
    return {k: v for k, v in values.items() if normal(old_data.get(k)) != normal(v)}


def write_claim(path: str | Path, rel: str, old_text: str | None, state: tuple[int, int], values: dict[str, Any],
                old_data: dict[str, Any], columns: tuple) -> tuple[tuple[str, ...], tuple | None]:
    """Write the claim file at ``path`` (``rel`` to the project root) with the keys of
    ``values`` (key -> new plain value) where they differ from ``old_data``, the data it was
    read as. Returns the keys that changed and the new file's index row (``store.row_from``
    with the new claim's ``columns``; ``None`` when nothing changed).

    ``state`` is the file's (size, mtime_ns) when its data was read, and ``old_text`` its text
    (``None``: read it here, refusing a file no longer in that state). The whole write-back of
    one claim, plain data in and file out: a large verify run calls it in a worker process
    (``claimcheck.workers``; plain arguments pickle fastest), a small one on the event loop.
    Atomic (temporary file + rename in the same folder), so a crash or ``kill -9`` leaves either
    the old file or the new one, never half of one. Refuses (``ConflictError``) when the file
    changed on disk since it was read. No fsync per file: a rename survives a killed process,
    and a per-file fsync would cost more than the rest of an offline run (docs/verify.md).
    """
    changes = changed(old_data, values)
    if not changes:
        return (), None
    path, expect = Path(path), FileState(*state)
    if old_text is None:
        # The file was read and validated in this state (by the index): when it still is, its
        # bytes are that text. A change after this check is caught before the rename.
        if FileState.of(path) != expect:
            raise ConflictError(f"{path}: the file changed on disk after it was read; not overwriting it (run again)")
        old_text = path.read_bytes().decode("utf-8")
    new_text, new_data = updated_text(old_text, changes, old_data)
    if new_text == old_text:
        return tuple(changes), None
    new_state = atomic_write(path, new_text, expect, durable=False)
    from claimcheck.store import row_from

    return tuple(changes), row_from(rel, new_state.size, new_state.mtime_ns, new_data, columns)
