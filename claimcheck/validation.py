"""``claimcheck validate``: every problem of every record, one line each."""

from __future__ import annotations

from pathlib import Path

from claimcheck.errors import Problem
from claimcheck.records import line_of
from claimcheck.store import Store


def validate_project(store: Store) -> tuple[list[Problem], int]:
    """Problems found by the scan (syntax, schema, ids) plus the checks on valid records."""
    problems = list(store.problems)
    rows = store.rows()
    for row in rows:
        problems += source_problems(store.project.root / row.path, row.record_json)
    count = sum(1 for _ in store.project.claim_files())
    return sorted(problems, key=lambda p: (str(p.path), p.line or 0)), count


def source_problems(path: Path, record_json: str) -> list[Problem]:
    """Sources a reader cannot follow: no url, or nothing quoted from it."""
    import json

    out = []
    for i, source in enumerate(json.loads(record_json).get("sources", [])):
        if not source.get("url"):
            out.append(_problem(path, f"sources[{i}]", "source has no url (a link, or a path inside the project)"))
        elif not source.get("excerpt"):
            out.append(_problem(path, f"sources[{i}]", "source has no excerpt: quote the passage that bears on the claim"))
    return out


def _problem(path: Path, field: str, message: str) -> Problem:
    return Problem(path, line_of(path.read_text(encoding="utf-8"), field), field, message)
