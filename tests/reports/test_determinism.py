"""Same records, same report: byte for byte, apart from the generated-at line."""

from __future__ import annotations

import datetime as dt
import difflib

import pytest

from claimcheck import Report
from claimcheck.project import Project
from claimcheck.store import open_store

from .conftest import CONFIG, PROJECT, write_project

SETTINGS = {"base_url": "https://desk.example.org/r.html", "organisation": "Desk"}
#: the one line that may change, per format
GENERATED_LINE = {"markdown": "_Generated ", "html": '<p class="cc-meta">Generated ', "json": '  "generated_at": '}


def changed_lines(a: str, b: str) -> list[str]:
    return [line for line in difflib.ndiff(a.splitlines(), b.splitlines()) if line[:2] in ("- ", "+ ")]


@pytest.mark.parametrize("fmt", ["markdown", "html", "json", "csv", "claimreview"])
def test_only_the_generated_at_line_differs_between_runs(sample_project, render, fmt):
    store = open_store(Project(sample_project))
    first = render(Report.from_store(store, generated_at=dt.datetime(2026, 11, 25, 9, 0, tzinfo=dt.timezone.utc)), fmt, settings=SETTINGS)
    second = render(Report.from_store(store, generated_at=dt.datetime(2026, 12, 1, 17, 30, tzinfo=dt.timezone.utc)), fmt, settings=SETTINGS)
    changed = changed_lines(first, second)
    if fmt in GENERATED_LINE:
        assert len(changed) == 2 and all(line[2:].startswith(GENERATED_LINE[fmt]) for line in changed), changed
    else:
        assert first == second


@pytest.mark.parametrize("fmt", ["markdown", "html", "json", "csv", "claimreview"])
def test_file_order_and_index_state_do_not_change_the_report(tmp_path, render, fmt):
    # The same records written in the opposite order (other mtimes, other index row order).
    reversed_project = {c: list(reversed(records)) for c, records in reversed(list(PROJECT.items()))}
    a = write_project(tmp_path / "a", PROJECT, CONFIG)
    b = write_project(tmp_path / "b", reversed_project, CONFIG)
    when = dt.datetime(2026, 11, 25, 9, 0, tzinfo=dt.timezone.utc)
    reports = [Report.from_store(open_store(Project(p)), generated_at=when) for p in (a, b)]
    assert render(reports[0], fmt, settings=SETTINGS) == render(reports[1], fmt, settings=SETTINGS)


def test_source_date_epoch_makes_the_cli_output_identical(sample_project, run, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764104400")
    first = run("report", "--format", "html", cwd=sample_project).stdout
    second = run("report", "--format", "html", cwd=sample_project).stdout
    assert first == second
    assert '<time datetime="2025-11-25T21:00:00Z">' in first
