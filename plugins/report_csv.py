"""The CSV report format: one row per claim, for spreadsheets.

Two decisions for spreadsheet users (docs/reports.md): the file starts with a UTF-8 byte-order
mark, so Excel reads accents, right-to-left text and emoji correctly when the file is opened by
double-click; and a text cell starting with ``=``, ``+``, ``-``, ``@`` or a tab is prefixed with
``'`` so a spreadsheet shows it as text instead of running it as a formula (CSV injection).
"""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING

from claimcheck import hookimpl

if TYPE_CHECKING:  # the report model is imported when a report is made, not on every CLI start
    from claimcheck import RenderOptions, Report

COLUMNS = ("id", "status", "confidence", "claim", "figure", "claimant", "date", "sources",
           "first_source_url", "review_note")

BOM = "\ufeff"


def _cell(value: object) -> str:
    if value is None:
        return ""
    text = str(value)
    if text[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + text
    return text


class CsvFormat:
    name = "csv"
    description = "CSV: one row per claim (id, status, confidence, claim, figure, claimant, date, sources, ...)"
    extension = "csv"

    def render(self, report: Report, options: RenderOptions) -> str:
        out = io.StringIO()
        out.write(BOM)
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(COLUMNS)
        for c in report.claims:
            writer.writerow([
                _cell(c.id),
                _cell(c.status),
                c.confidence_text,
                _cell(c.claim),
                _cell(c.figure),
                _cell(c.claimant),
                c.date or "",
                len(c.sources),
                _cell(c.sources[0].url if c.sources else None),
                _cell(c.review.note if c.review else None),
            ])
        return out.getvalue()


@hookimpl
def register_report_formats(register) -> None:
    register(CsvFormat())
