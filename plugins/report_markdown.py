"""The Markdown report format: for GitHub, wikis and e-mail.

Text from records is escaped for Markdown (CommonMark backslash escapes), so a claim holding
``<script>``, ``*`` or ``|`` reads as written and never turns into HTML, emphasis or a table cell
break; only http(s) addresses become links.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import quote

from claimcheck import RenderOptions, Report, hookimpl

BAR_WIDTH = 20


class MarkdownFormat:
    name = "markdown"
    description = "Markdown: summary, table of claims, one section per claim with verdicts and sources"
    extension = "md"

    def render(self, report: Report, options: RenderOptions) -> str:
        from claimcheck_plugins._templating import environment

        env = environment(autoescape=False)
        if "md" not in env.filters:
            env.filters.update(md=md_inline, mdquote=md_quote, mdurl=md_url, bar=text_bar, ghanchor=github_anchor)
        return env.get_template("report.md.j2").render(report=report)


@hookimpl
def register_report_formats(register) -> None:
    register(MarkdownFormat())


# -- escaping -----------------------------------------------------------------------------------

# Characters that start Markdown syntax inside a line. `&` only when it would start an entity.
_INLINE = re.compile(r"([\\`*_\[\]<>|~])|&(?=#?\w+;)")
# Things that mean something at the start of a line: headings, lists, quotes, rules, tables.
_LINE_START = re.compile(r"^(\s*)(?:([#>+\-=])|(\d+)([.)]))")


def _escape_line_start(line: str) -> str:
    # `1.` is escaped as `1\.`: a backslash before a digit is not an escape in CommonMark
    return _LINE_START.sub(lambda m: m.group(1) + ("\\" + m.group(2) if m.group(2) else m.group(3) + "\\" + m.group(4)), line)


def _escape(text: str) -> str:
    return _INLINE.sub(lambda m: "\\" + (m.group(1) or "&"), text)


def md_inline(value: Any) -> str:
    """Text for one line (a table cell, a list item): whitespace collapsed, syntax escaped."""
    if value is None:
        return ""
    # never placed at the start of a line by the template, so only inline syntax needs escaping
    return _escape(" ".join(str(value).split()))


def md_quote(value: Any) -> str:
    """A block quote, line by line, each line escaped: ``> text``."""
    lines = []
    for line in str(value or "").strip().splitlines():
        line = line.rstrip()
        lines.append("> " + _escape_line_start(_escape(line)) if line else ">")
    return "\n".join(lines)


def md_url(url: str) -> str:
    """An http(s) address made safe inside ``(...)`` and ``<...>``: brackets and spaces encoded."""
    return quote(url, safe="/:?#[]@!$&'*+,;=%~.-_")  # keeps the URL, encodes ( ) < > and spaces


def text_bar(share: float) -> str:
    """A small text bar for a share between 0 and 1: ``██████░░░░``."""
    full = round(max(0.0, min(1.0, share)) * BAR_WIDTH)
    return "█" * full + "░" * (BAR_WIDTH - full)


def github_anchor(text: str) -> str:
    """The anchor GitHub (and most Markdown renderers) give a heading with this text."""
    text = text.strip().lower()
    text = re.sub(r"[^\w\- ]", "", text)
    return text.replace(" ", "-")
