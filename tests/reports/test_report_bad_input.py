"""Bad and unusual input: every format copes, and says what it could not show."""

from __future__ import annotations

import json

import pytest

from claimcheck import Report
from claimcheck.project import Project
from claimcheck.store import open_store

from .conftest import BARE, FIXED, RTL_CLAIM, write_project

FORMATS = ("markdown", "html", "json", "csv", "claimreview")
SETTINGS = {"base_url": "https://desk.example.org/r.html", "organisation": "Desk"}


def report_of(tmp_path, records):
    store = open_store(Project(write_project(tmp_path / "p", {"c": records})))
    assert store.problems == []
    return Report.from_store(store, generated_at=FIXED)


@pytest.mark.parametrize("fmt", FORMATS)
def test_claims_with_only_the_required_field(tmp_path, render, fmt):
    checked_bare = {"id": "bare-checked", "claim": "Checked, with nothing else.", "status": "refuted"}
    text = render(report_of(tmp_path, [BARE, checked_bare]), fmt, settings=SETTINGS)
    assert "Checked, with nothing else." in text
    if fmt != "claimreview":  # the unchecked one has nothing to publish
        assert "141 countries voted for the UN resolution." in text


def test_a_100_kb_claim_is_shown_in_full_in_sections_and_shortened_in_tables(tmp_path, render):
    long_claim = ("Officials said that more than 35,000 people had been detained in Minsk and elsewhere. " * 1200).strip()
    assert len(long_claim.encode()) > 100_000
    report = report_of(tmp_path, [{"id": "long", "claim": long_claim, "status": "supported"}])
    markdown = render(report, "markdown")
    assert f"**{long_claim}**" in markdown
    row = next(line for line in markdown.splitlines() if line.startswith("| [long]"))
    assert len(row) < 300 and "…" in row
    html = render(report, "html")
    assert html.count(long_claim) == 1  # the section; the table has the shortened text
    for fmt in ("json", "csv", "claimreview"):
        assert long_claim in render(report, fmt, settings=SETTINGS)


@pytest.mark.parametrize("fmt", FORMATS)
def test_right_to_left_and_emoji_text_comes_out_unchanged(tmp_path, render, fmt):
    report = report_of(tmp_path, [{"id": "rtl", "claim": RTL_CLAIM, "claimant": "متحدث 🗣️", "status": "refuted",
                                   "tags": ["عربي"]}])
    text = render(report, fmt, settings=SETTINGS)
    if fmt in ("json", "claimreview"):
        assert RTL_CLAIM in json.dumps(json.loads(text), ensure_ascii=False)
    assert RTL_CLAIM in text


def test_unknown_statuses_are_shown_as_is_and_counted_under_other(render):
    report = Report.build([
        {"id": "a", "claim": "A.", "status": "misleading"},
        {"id": "b", "claim": "B.", "status": "satire"},
        {"id": "c", "claim": "C.", "status": "supported"},
    ], generated_at=FIXED)
    markdown = render(report, "markdown")
    assert "| Other | 2 | █████████████░░░░░░░ 67% |" in markdown
    assert '"Other" counts statuses outside claimcheck\'s vocabulary: misleading (1), satire (1).' in markdown
    assert "| [a](#a) | misleading |  | A. |  |" in markdown
    data = json.loads(render(report, "json"))
    assert data["summary"]["counts"]["other"] == 2 and data["summary"]["other_statuses"] == {"misleading": 1, "satire": 1}
    assert [c["status"] for c in data["claims"]] == ["misleading", "satire", "supported"]
    assert [c["summary_status"] for c in data["claims"]] == ["other", "other", "supported"]
    assert "\na,misleading," in render(report, "csv")
    html = render(report, "html")
    assert '<option value="misleading">misleading (1)</option>' in html
    reviews = json.loads(render(report, "claimreview", settings=SETTINGS))
    assert [r["reviewRating"]["alternateName"] for r in reviews] == ["misleading", "satire", "Supported"]


@pytest.mark.parametrize("fmt, expected", [
    ("markdown", "This project has no claims yet."),
    ("html", "This project has no claims yet."),
    ("json", '"claims": []'),
    ("csv", "id,status,confidence"),
    ("claimreview", "[]"),
])
def test_an_empty_project(tmp_path, render, fmt, expected):
    store = open_store(Project(write_project(tmp_path / "empty", {})))
    text = render(Report.from_store(store, generated_at=FIXED), fmt, settings=SETTINGS)
    assert expected in text


def test_a_filter_that_matches_nothing_says_which_filter(sample_project, render):
    from claimcheck.store import Query

    store = open_store(Project(sample_project))
    report = Report.from_store(store, Query(tag=("nothing-here",)), generated_at=FIXED)
    assert "No claims match the filters (tag nothing-here)." in render(report, "markdown")
