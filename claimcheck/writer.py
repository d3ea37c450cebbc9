"""Writing claim files without losing what people wrote.

Every write is a ruamel.yaml round-trip of the file as it is on disk: comments, key order,
quoting and layout survive, and only values that changed are touched (nested mappings and lists
are merged in place, so a comment beside one source survives a change to another). The new text
goes to a temporary file in the same folder and is renamed over the old one (atomic on POSIX),
and only when the file still is what was read: a change made on disk since is never clobbered.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import os
import tempfile
from pathlib import Path
from typing import Any

from claimcheck.errors import ConflictError
from claimcheck.model import CLAIM_KEYS
from claimcheck.records import FileState

_DELETE = object()


def _yaml():
    from ruamel.yaml import YAML  # lazy: ruamel costs ~60 ms to import

    y = YAML(typ="rt")
    y.width = 4096  # never re-wrap a person's long lines
    y.preserve_quotes = True
    y.indent(mapping=2, sequence=4, offset=2)
    return y


def atomic_write(path: Path, text: str, expect: FileState | None = None, *, durable: bool = True,
                 mode: int | None = None) -> FileState:
    """Write ``text`` to ``path`` via a temporary file in the same folder and a rename; returns
    the new file's state.

    With ``expect``, refuse (``ConflictError``) when the file on disk no longer matches it.
    ``durable=False`` skips the fsync: a rename already survives a killed process, and a bulk
    writer (``verify`` over thousands of claims) would spend most of its time in fsync.
    ``mode``: the new file's permissions; by default those of the file it replaces (a claim
    file someone made group-readable stays so), else the usual ones (0666 less the umask).
    """
    if mode is None:
        try:
            mode = os.stat(path).st_mode & 0o7777
        except FileNotFoundError:
            mode = None
    fd, tmp = _temporary(path, 0o666 if mode is None else mode)
    try:
        try:
            data = memoryview(text.encode("utf-8"))
            while data:
                data = data[os.write(fd, data):]
            if mode is not None and mode & _umask():
                os.fchmod(fd, mode)  # the umask took bits off at creation
            if durable:
                os.fsync(fd)
            st = os.fstat(fd)  # a rename keeps size and mtime: this is the new file's state
        finally:
            os.close(fd)
        if expect is not None:
            _check_unchanged(path, expect)
        os.replace(tmp, path)
        return FileState(st.st_size, st.st_mtime_ns)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


@functools.cache
def _umask() -> int:
    """The process's umask, read once (reading it means setting it, briefly)."""
    current = os.umask(0o022)
    os.umask(current)
    return current


def _temporary(path: Path, mode: int) -> tuple[int, str]:
    """A new hidden file beside ``path`` (a leading dot: never read as a claim), opened for
    writing. The name is fixed per process, which costs less than ``mkstemp``'s random names on
    a run that writes thousands of files; a name in use (another thread, a leftover of a killed
    process with the same id) falls back to ``mkstemp``."""
    tmp = os.path.join(path.parent, f".{path.name}.{os.getpid()}.tmp")
    try:
        return os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, mode), tmp
    except FileExistsError:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        return fd, tmp


def _check_unchanged(path: Path, expect: FileState) -> None:
    try:
        now = FileState.of(path)
    except FileNotFoundError:
        raise ConflictError(f"{path}: the file was deleted after it was read; not writing") from None
    if now != expect:
        raise ConflictError(f"{path}: the file changed on disk after it was read; not overwriting it (run again)")


def update_text(text: str, changes: dict[str, Any]) -> str:
    """Apply top-level ``changes`` (key -> new plain value, or ``None`` to remove) to YAML text."""
    y = _yaml()
    doc = y.load(text)
    for key, value in changes.items():
        if value is None:
            doc.pop(key, None)
        elif key in doc:
            doc[key] = _merge(doc[key], value)
        else:
            doc.insert(_position(doc, key), key, _plain(value))
    out = io.StringIO()
    y.dump(doc, out)
    return out.getvalue()


def update_file(path: Path, changes: dict[str, Any], expect: FileState) -> str:
    """Apply ``changes`` to the claim file at ``path``, atomically; returns the new text."""
    old = path.read_text(encoding="utf-8")
    if FileState.of(path) != expect:
        _check_unchanged(path, expect)
    new = update_text(old, changes)
    if new != old:
        atomic_write(path, new, expect)
    return new


def _position(doc: Any, key: str) -> int:
    """Where a new key goes: after the keys that precede it in the documented order."""
    order = {k: i for i, k in enumerate(CLAIM_KEYS)}
    rank = order.get(key, len(order))
    pos = 0
    for i, existing in enumerate(doc):
        if order.get(existing, len(order)) <= rank:
            pos = i + 1
    return pos


def _merge(old: Any, new: Any) -> Any:
    """The new value, reusing the old ruamel containers where shapes match (keeps comments)."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if isinstance(old, CommentedMap) and isinstance(new, dict):
        for k in [k for k in old if k not in new]:
            del old[k]
        for k, v in new.items():
            if k in old:
                if not _same(old[k], v):
                    old[k] = _merge(old[k], v)
            else:
                old[k] = _plain(v)
        return old
    if isinstance(old, CommentedSeq) and isinstance(new, (list, tuple)):
        for i, v in enumerate(new):
            if i < len(old):
                if not _same(old[i], v):
                    old[i] = _merge(old[i], v)
            else:
                old.append(_plain(v))
        del old[len(new):]
        return old
    if _same(old, new):
        return old  # keeps the scalar's original quoting
    return _plain(new)


def _same(old: Any, new: Any) -> bool:
    if isinstance(old, dt.datetime) and isinstance(new, dt.datetime):
        return old.replace(tzinfo=old.tzinfo or dt.timezone.utc) == new
    if isinstance(old, (dict, list)) or isinstance(new, (dict, list, tuple)):
        return False
    return type(old) is not bool and old == new or str(old) == str(new) and isinstance(old, str)


def _plain(value: Any) -> Any:
    """Plain Python data ruamel can write: tuples as lists, datetimes in UTC without microseconds."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.timezone.utc).replace(microsecond=0)
    return value
