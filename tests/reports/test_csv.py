"""The CSV report: one row per claim, for spreadsheets."""

from __future__ import annotations

import csv
import io

from claimcheck import Report

from .conftest import FIXED, RTL_CLAIM, XSS_CLAIM


def rows(text: str) -> list[dict[str, str]]:
    assert text.startswith("\ufeff")  # so Excel reads UTF-8 (accents, RTL, emoji) on double-click
    return list(csv.DictReader(io.StringIO(text[1:])))


def test_one_row_per_claim_with_the_issue_columns(sample_report, render):
    table = rows(render(sample_report, "csv"))
    assert list(table[0]) == ["id", "status", "confidence", "claim", "figure", "claimant", "date", "sources",
                              "first_source_url", "review_note"]
    assert [r["id"] for r in table] == ["arrests-35000", "bysol-raised-65000-eur", "rtl-emoji", "xss-claim", "un-vote"]
    assert table[0] == {
        "id": "arrests-35000", "status": "supported", "confidence": "0.86",
        "claim": "Belarusian authorities have arrested more than 35,000 people since August 2020.",
        "figure": "more than 35,000", "claimant": "Al Jazeera", "date": "2022-03-21", "sources": "2",
        "first_source_url": "https://spring96.org/en/news/105000", "review_note": "Viasna's count is the reference.",
    }
    assert table[-1] == {"id": "un-vote", "status": "unchecked", "confidence": "", "claim": "141 countries voted for the UN resolution.",
                         "figure": "", "claimant": "", "date": "", "sources": "0", "first_source_url": "", "review_note": ""}


def test_text_round_trips_exactly(sample_report, render):
    table = {r["id"]: r for r in rows(render(sample_report, "csv"))}
    assert table["xss-claim"]["claim"] == XSS_CLAIM
    assert table["rtl-emoji"]["claim"] == RTL_CLAIM
    assert table["xss-claim"]["first_source_url"] == "javascript:window.__xss=4"


def test_cells_that_a_spreadsheet_would_run_as_formulas_are_neutralised(render):
    report = Report.build([{"id": "f", "claim": '=HYPERLINK("http://evil.example","click")', "figure": "-40%",
                            "claimant": "@someone", "review": {"status": "refuted", "note": "+1 from the desk"}}],
                          generated_at=FIXED)
    row = rows(render(report, "csv"))[0]
    assert row["claim"] == "'=HYPERLINK(\"http://evil.example\",\"click\")"
    assert (row["figure"], row["claimant"], row["review_note"]) == ("'-40%", "'@someone", "'+1 from the desk")


def test_multi_line_and_100_kb_text_stays_in_one_cell(render):
    long_claim = "More than 35,000 people were arrested. " * 2700  # ~100 KB
    report = Report.build([{"id": "long", "claim": long_claim.strip(), "notes": "x"},
                           {"id": "lines", "claim": "First line,\nsecond \"line\"."}], generated_at=FIXED)
    table = rows(render(report, "csv"))
    assert [r["id"] for r in table] == ["lines", "long"]
    assert table[0]["claim"] == "First line,\nsecond \"line\"."
    assert table[1]["claim"] == long_claim.strip()


def test_empty_report_is_just_the_header(render):
    assert render(Report.build([], generated_at=FIXED), "csv") == (
        "\ufeffid,status,confidence,claim,figure,claimant,date,sources,first_source_url,review_note\n")
