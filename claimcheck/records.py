"""Reading one claim file: bytes to a validated ``Claim``, with every problem located.

Reading is the hot path (a cold ``claimcheck list`` parses every file), so it uses PyYAML's C
loader, never a pure-Python one. Line numbers are only looked up when something is wrong: the
file is composed a second time into nodes, which carry their marks.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import attrs
import yaml

from claimcheck.convert import structure_claim
from claimcheck.errors import Problem, RecordError
from claimcheck.model import Claim

#: Claim files are small; anything larger is a mistake (or an attack) and is refused unread.
MAX_RECORD_BYTES = 1024 * 1024

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@attrs.frozen
class FileState:
    """What a file looked like when it was read, so a later write can tell it changed since."""

    size: int
    mtime_ns: int

    @classmethod
    def of(cls, path: Path) -> "FileState":
        st = os.stat(path)
        return cls(st.st_size, st.st_mtime_ns)


@attrs.frozen
class Record:
    """A claim as read from its file."""

    claim: Claim
    path: Path
    collection: str
    state: FileState
    text: str


def read_text(path: Path) -> str:
    """The file's text, or ``RecordError`` for a file too large, not UTF-8, or empty."""
    size = os.stat(path).st_size
    if size > MAX_RECORD_BYTES:
        raise _fail(path, None, f"file is {size / 1e6:.1f} MB; a claim file may be at most {MAX_RECORD_BYTES // 1024} KB")
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise _fail(path, line, f"not UTF-8 text (byte 0x{raw[exc.start]:02x} at offset {exc.start}); save the file as UTF-8") from None
    if not text.strip():
        raise _fail(path, None, "file is empty; a claim file needs at least `claim:`")
    return text


def parse_yaml(text: str, path: Path | None = None) -> Any:
    """Parse YAML safely. Aliases are refused: a record never needs them, and they are how
    'billion laughs' files blow up memory."""
    if "*" in text:
        _refuse_aliases(text, path)
    try:
        return yaml.load(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        if mark is not None and exc.context_mark is not None and mark.index >= len(text.rstrip()):
            mark = exc.context_mark  # hit the end of the file: point at what was left open
        line = mark.line + 1 if mark else None
        what = (exc.problem or "invalid YAML").strip()
        bad_line = text.splitlines()[mark.line] if mark and mark.line < len(text.splitlines()) else ""
        if "\t" in bad_line[: len(bad_line) - len(bad_line.lstrip())]:
            what = "tab character used for indentation; indent with spaces"
        raise _fail(path, line, f"invalid YAML: {what}") from None
    except yaml.YAMLError as exc:
        raise _fail(path, None, f"invalid YAML: {exc}") from None


def _refuse_aliases(text: str, path: Path | None) -> None:
    try:
        for token in yaml.scan(text, Loader=_Loader):
            if isinstance(token, yaml.AliasToken):
                line = token.start_mark.line + 1
                raise _fail(path, line, "YAML aliases (*name) are not allowed in claim files; write the value out")
    except yaml.MarkedYAMLError:
        return  # the parse that follows reports it with its line


def load_claim(text: str, path: Path | None = None) -> Claim:
    """Validate parsed text into a ``Claim``; problems carry the file and line."""
    return parse_record(text, path)[1]


def parse_record(text: str, path: Path | None = None) -> tuple[Any, Claim]:
    """The parsed YAML data and the validated ``Claim`` (the index stores the data as written)."""
    data = parse_yaml(text, path)
    try:
        claim = structure_claim(data)
    except RecordError as exc:
        raise RecordError([_locate(text, p, path) for p in exc.problems]) from None
    if path is not None:
        stem = path.stem
        if claim.id is None:
            claim = attrs.evolve(claim, id=stem)
        elif claim.id != stem:
            problem = Problem(path, None, "id", f"{claim.id!r} does not match the file name {path.name!r}; rename one of them")
            raise RecordError([_locate(text, problem, path)])
    return data, claim


def read_record(path: Path, claims_dir: Path) -> Record:
    """Read and validate one claim file."""
    state = FileState.of(path)
    text = read_text(path)
    claim = load_claim(text, path)
    collection = path.parent.relative_to(claims_dir).as_posix()
    return Record(claim, path, "" if collection == "." else collection, state, text)


def _fail(path: Path | None, line: int | None, message: str) -> RecordError:
    return RecordError([Problem(path, line, None, message)])


def _locate(text: str, problem: Problem, path: Path | None) -> Problem:
    """Give a problem its line number by walking the composed YAML to its field."""
    line = problem.line
    if line is None and problem.field:
        line = line_of(text, problem.field)
    return Problem(path, line, problem.field, problem.message)


def line_of(text: str, field: str) -> int | None:
    """The 1-based line of a dotted field path (``sources[0].stance``) in YAML text."""
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError:
        return None
    best = node.start_mark.line + 1 if node is not None else None
    for step in _steps(field):
        if isinstance(node, yaml.MappingNode) and isinstance(step, str):
            for key, value in node.value:
                if key.value == step:
                    best, node = key.start_mark.line + 1, value
                    break
            else:
                return best
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value):
            node = node.value[step]
            best = node.start_mark.line + 1
        else:
            return best
    return best


def _steps(field: str) -> list[str | int]:
    steps: list[str | int] = []
    for part in field.replace("[", ".[").split("."):
        if not part:
            continue
        steps.append(int(part[1:-1]) if part.startswith("[") else part)
    return steps
