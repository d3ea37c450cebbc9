"""The HTML report format: one self-contained page for editors and readers.

No CDN, fonts or scripts from elsewhere: the stylesheet and a small script are inlined, the
status chart is inline SVG, and a Content-Security-Policy (``default-src 'none'`` with hashes of
the page's own style and script) makes sure the page can load nothing and run nothing else even
if something slipped through. All text from records is escaped: by the template (Jinja2
autoescape) for the page, and by ``_html_claims`` for the parts repeated per claim; links are
made only from http(s) addresses.
"""

from __future__ import annotations

import base64
import hashlib
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from claimcheck import hookimpl

if TYPE_CHECKING:  # the report model is imported when a report is made, not on every CLI start
    from claimcheck import RenderOptions, Report

CHART_LABEL_WIDTH = 170
CHART_BAR_WIDTH = 360
CHART_ROW = 28


@lru_cache(maxsize=None)
def _assets() -> tuple[str, str, str]:
    """The inline stylesheet and script, and the Content-Security-Policy allowing exactly them."""
    from claimcheck_plugins._templating import TEMPLATES

    css = "\n" + (TEMPLATES / "report.css").read_text(encoding="utf-8")
    js = "\n" + (TEMPLATES / "report.js").read_text(encoding="utf-8")

    def sha(text: str) -> str:
        return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"

    csp = (f"default-src 'none'; style-src {sha(css)}; script-src {sha(js)}; img-src data:; "
           "base-uri 'none'; form-action 'none'")
    return css, js, csp


def chart(report: Report) -> dict[str, Any]:
    """Geometry of the status bar chart: one bar per status row of the summary."""
    from claimcheck_plugins._html_claims import COLOURS, known

    rows = report.summary.rows
    top = max((n for _, n in rows), default=0)
    bars = []
    for i, (status, count) in enumerate(rows):
        width = round(CHART_BAR_WIDTH * count / top) if top else 0
        bars.append({
            "status": status,
            "label": report.label(status),
            "count": count,
            "percent": round(report.summary.share(status) * 100),
            "width": width,
            "y": i * CHART_ROW,
            "colour": COLOURS[known(status)],
        })
    return {
        "width": CHART_LABEL_WIDTH + CHART_BAR_WIDTH + 110,
        "height": max(len(rows), 1) * CHART_ROW + 4,
        "label_width": CHART_LABEL_WIDTH,
        "bar_width": CHART_BAR_WIDTH,
        "bars": bars,
    }


class HtmlFormat:
    name = "html"
    description = "HTML: one self-contained page with a status chart, search and filters (works offline)"
    extension = "html"

    def render(self, report: Report, options: RenderOptions) -> str:
        from markupsafe import Markup

        from claimcheck_plugins._html_claims import badge, claim_sections, table_chunks
        from claimcheck_plugins._templating import environment

        css, js, csp = _assets()
        counts: dict[str, int] = {}
        for c in report.claims:
            counts[c.status] = counts.get(c.status, 0) + 1
        lang = options.settings.get("language")
        template = environment(autoescape=True).get_template("report.html.j2")
        return template.render(
            report=report,
            chart=chart(report),
            counts=counts,
            css=Markup(css),
            script=Markup(js),
            csp=csp,
            lang=lang if isinstance(lang, str) and lang.strip() else "en",
            badge=lambda status: badge(status, report.label(status)),
            table_chunks=table_chunks(report.claims, report.label),
            claim_sections=claim_sections(report.claims, report.label),
        )


@hookimpl
def register_report_formats(register) -> None:
    register(HtmlFormat())
