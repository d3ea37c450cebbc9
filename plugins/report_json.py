"""The JSON report format: the report model as data, with a versioned schema.

The schema ships as ``claimcheck/report.schema.json``; ``schema_version`` in every report says
which version it follows (docs/reports.md).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from claimcheck import hookimpl

if TYPE_CHECKING:  # the report model is imported when a report is made, not on every CLI start
    from claimcheck import RenderOptions, Report


class JsonFormat:
    name = "json"
    description = "JSON: summary and claims with verdicts and sources (schema: claimcheck/report.schema.json)"
    extension = "json"

    def render(self, report: Report, options: RenderOptions) -> str:
        return report.to_json()


@hookimpl
def register_report_formats(register) -> None:
    register(JsonFormat())
