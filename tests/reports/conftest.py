"""Fixtures for the report tests: a small project whose claims cover every part of a report."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any, Callable

import pytest
import yaml

#: Reports made in tests carry this time, so their text can be compared.
FIXED = dt.datetime(2026, 11, 25, 21, 0, tzinfo=dt.timezone.utc)

XSS_CLAIM = '<script>window.__xss = 1</script> "><img src=x onerror="window.__xss=2"> & it said so'
RTL_CLAIM = "قال المتحدث إن أكثر من 35,000 شخص اعتقلوا 🚨 — והוא הוסיף 👍🏽"

ARRESTS = {
    "id": "arrests-35000",
    "claim": "Belarusian authorities have arrested more than 35,000 people since August 2020.",
    "figure": "more than 35,000",
    "measure": "people detained for political reasons in Belarus since August 2020",
    "quote": "the routine has arrested extra than 35,000 Belarusians",
    "claimant": "Al Jazeera",
    "date": "2022-03-21",
    "appeared_in": {"url": "https://www.aljazeera.com/news/2022/3/21/we-have-one-enemy", "title": "We have one enemy",
                    "publisher": "Al Jazeera"},
    "tags": ["belarus", "repression"],
    "sources": [
        {"url": "https://spring96.org/en/news/105000", "title": "Viasna: more than 35,000 detained", "publisher": "Viasna",
         "published": "2021-08-09", "excerpt": "More than 35,000 people have been arrested since August 2020.",
         "archived": "https://web.archive.org/web/2021/https://spring96.org/en/news/105000", "stance": "supports",
         "added_by": "person"},
        {"url": "https://www.hrw.org/report/belarus", "title": "Belarus crackdown", "publisher": "Human Rights Watch",
         "excerpt": "Tens of thousands were detained.", "stance": "inconclusive", "http_status": 404},
    ],
    "verdicts": {
        "source-text": {"status": "supported", "confidence": 0.86, "checked": "2026-11-25T21:40:00Z",
                        "note": "One source gives more than 35,000; the other gives no figure.", "version": "1.0.0"},
        "link-check": {"status": "skipped", "note": "One source returns 404.", "checked": "2026-11-24T10:00:00Z"},
    },
    "review": {"status": "supported", "by": "Jane Doe", "date": "2026-11-25", "note": "Viasna's count is the reference."},
    "status": "supported",
    "confidence": 0.86,
}

RAISED = {
    "id": "bysol-raised-65000-eur",
    "claim": "BySol raised more than 65,000 euros for Ukraine within days.",
    "figure": "more than 65,000 euros",
    "claimant": "Andrej Stryzhak",
    "date": "2022-03-20",
    "tags": ["belarus", "money"],
    "sources": [{"url": "https://bysol.org/en/campaign", "title": "Campaign page", "excerpt": "Raised: 52,300 EUR",
                 "stance": "refutes"}],
    "verdicts": {"source-text": {"status": "refuted", "confidence": 0.7, "checked": "2026-11-25T21:41:00Z",
                                 "note": "The campaign page shows 52,300 euros."}},
    "status": "refuted",
    "confidence": 0.7,
}

#: only the required field: everything optional is missing
BARE = {"id": "un-vote", "claim": "141 countries voted for the UN resolution."}

XSS = {
    "id": "xss-claim",
    "claim": XSS_CLAIM,
    "figure": '"><b>bold</b>',
    "quote": "</blockquote><script>window.__xss = 3</script>",
    "claimant": "<i>someone</i>",
    "tags": ["<b>tag</b>", "belarus"],
    "sources": [{"url": "javascript:window.__xss=4", "title": "<img src=x onerror=\"window.__xss=5\">",
                 "excerpt": "| pipes | and *stars* and [links](http://evil.example) and &amp; entities",
                 "archived": "javascript:alert(1)", "stance": "unrelated"}],
    "verdicts": {"source-text": {"status": "conflicting", "confidence": 0.5, "note": "<script>alert(1)</script>"}},
    "status": "conflicting",
    "confidence": 0.5,
}

RTL = {
    "id": "rtl-emoji",
    "claim": RTL_CLAIM,
    "figure": "أكثر من 35,000",
    "claimant": "متحدث 🗣️",
    "tags": ["عربي", "belarus"],
    "sources": [{"url": "https://example.org/ar", "title": "تقرير 📄", "excerpt": "اعتقل أكثر من 35,000 شخص", "stance": "inconclusive"}],
    "verdicts": {"source-text": {"status": "not-enough-evidence", "confidence": 0.4}},
    "status": "not-enough-evidence",
    "confidence": 0.4,
}

#: collection -> records
PROJECT = {"belarus-2022": [ARRESTS, RAISED, XSS, RTL], "world/un": [BARE]}

CONFIG = """\
[report]
title = "Belarus 2022: verification report"
base_url = "https://desk.example.org/checks/belarus-2022.html"
organisation = "Example Fact-Check Desk"
organisation_url = "https://desk.example.org/"
"""


def write_project(root: Path, collections: dict[str, list[dict[str, Any]]], config: str | None = None) -> Path:
    """A claims project at ``root``: one YAML file per record under claims/<collection>/."""
    (root / "claims").mkdir(parents=True, exist_ok=True)
    for collection, records in collections.items():
        folder = root / "claims" / collection
        folder.mkdir(parents=True, exist_ok=True)
        for data in records:
            text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=10_000)
            (folder / f"{data['id']}.yaml").write_text(text, encoding="utf-8")
    if config is not None:
        (root / "claimcheck.toml").write_text(config, encoding="utf-8")
    return root


@pytest.fixture
def sample_project(tmp_path: Path) -> Path:
    """The five claims above, in two collections, with a [report] table."""
    return write_project(tmp_path / "desk", PROJECT, CONFIG)


@pytest.fixture
def sample_report(sample_project: Path):
    from claimcheck import Report
    from claimcheck.project import Project
    from claimcheck.store import open_store

    store = open_store(Project(sample_project))
    try:
        return Report.from_store(store, generated_at=FIXED)
    finally:
        store.close()


@pytest.fixture
def render() -> Callable[..., str]:
    """Render a report with a registered format: ``render(report, "html", settings={...})``."""
    from claimcheck import RenderOptions
    from claimcheck.registry import collect

    formats = collect("report format")

    def do(report, name: str, notes: list[str] | None = None, **options: Any) -> str:
        note = notes.append if notes is not None else (lambda message: None)
        return formats[name].obj.render(report, RenderOptions(note=note, **options))

    return do
