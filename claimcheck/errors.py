"""Errors that reach a user as one clear line."""

from __future__ import annotations

from pathlib import Path

import attrs


class ClaimcheckError(Exception):
    """An error the CLI shows as one line (no traceback unless ``--debug``)."""


@attrs.frozen
class Problem:
    """One thing wrong with one record: where, and what.

    ``field`` is a dotted path into the record (``sources[0].stance``), or ``None`` for the file.
    """

    path: Path | None
    line: int | None
    field: str | None
    message: str

    def __str__(self) -> str:
        where = str(self.path) if self.path is not None else "<record>"
        if self.line is not None:
            where += f":{self.line}"
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"


class RecordError(ClaimcheckError):
    """A record that cannot be read or is not valid. ``problems`` lists every reason."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


class FieldError(ValueError):
    """Raised by model validators, so the message can name the field it is about."""

    def __init__(self, field: str, message: str):
        self.field = field
        super().__init__(message)


class ConflictError(ClaimcheckError):
    """A record changed on disk after it was read: writing would lose that change."""
