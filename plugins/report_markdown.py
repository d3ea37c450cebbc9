"""The Markdown report format: for GitHub, wikis and e-mail.

Text from records is escaped for Markdown (CommonMark backslash escapes), so a claim holding
``<script>``, ``*`` or ``|`` reads as written and never turns into HTML, emphasis or a table cell
break; only http(s) addresses become links.

The page frame (title, summary) is the template ``templates/report.md.j2``; the table rows and
the per-claim sections, repeated 10,000 times in a large report, are built here in Python, which
is several times faster than the template engine (docs/reports.md, "Speed").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from claimcheck import hookimpl

if TYPE_CHECKING:  # the report model is imported when a report is made, not on every CLI start
    from claimcheck import RenderOptions, Report

BAR_WIDTH = 20


class MarkdownFormat:
    name = "markdown"
    description = "Markdown: summary, table of claims, one section per claim with verdicts and sources"
    extension = "md"

    def render(self, report: Report, options: RenderOptions) -> str:
        from claimcheck_plugins._templating import environment

        env = environment(autoescape=False)
        if "md" not in env.filters:
            env.filters.update(md=md_inline, bar=text_bar)
        return env.get_template("report.md.j2").render(
            report=report,
            table_rows="".join(table_row(c) for c in report.claims),
            claim_sections="".join(claim_section(c) for c in report.claims),
        )


@hookimpl
def register_report_formats(register) -> None:
    register(MarkdownFormat())


# -- escaping -----------------------------------------------------------------------------------

# Characters that start Markdown syntax inside a line. `&` only when it would start an entity.
_INLINE = re.compile(r"([\\`*_\[\]<>|~]|&(?=#?\w+;))")
_MAYBE = re.compile(r"[\\`*_\[\]<>|~&]")
# Things that mean something at the start of a line: headings, lists, quotes, rules, tables.
_LINE_START = re.compile(r"^(\s*)(?:([#>+\-=])|(\d+)([.)]))")


def _escape_line_start(line: str) -> str:
    # `1.` is escaped as `1\.`: a backslash before a digit is not an escape in CommonMark
    return _LINE_START.sub(lambda m: m.group(1) + ("\\" + m.group(2) if m.group(2) else m.group(3) + "\\" + m.group(4)), line)


def _escape(text: str) -> str:
    # Most text has nothing to escape: a search is cheaper than a substitution.
    return _INLINE.sub(r"\\\1", text) if _MAYBE.search(text) else text


def md_inline(value: Any) -> str:
    """Text for one line (a table cell, a list item): whitespace collapsed, syntax escaped."""
    if value is None:
        return ""
    # never placed at the start of a line by the template, so only inline syntax needs escaping
    text = str(value)
    if "\n" in text or "  " in text or "\t" in text or "\r" in text:
        text = " ".join(text.split())
    return _escape(text)


def md_quote(value: Any) -> str:
    """A block quote, line by line, each line escaped: ``> text``."""
    lines = []
    for line in str(value or "").strip().splitlines():
        line = line.rstrip()
        lines.append("> " + _escape_line_start(_escape(line)) if line else ">")
    return "\n".join(lines)


_URL_KEEP = "/:?#[]@!$&'*+,;=%~.-_"
_URL_SAFE = re.compile(r"[A-Za-z0-9/:?#\[\]@!$&'*+,;=%~._-]*")


def md_url(url: str) -> str:
    """An http(s) address made safe inside ``(...)`` and ``<...>``: brackets and spaces encoded."""
    if _URL_SAFE.fullmatch(url):
        return url
    return quote(url, safe=_URL_KEEP)  # keeps the URL, encodes ( ) < > and spaces


def text_bar(share: float) -> str:
    """A small text bar for a share between 0 and 1: ``██████░░░░``."""
    full = round(max(0.0, min(1.0, share)) * BAR_WIDTH)
    return "█" * full + "░" * (BAR_WIDTH - full)


def github_anchor(text: str) -> str:
    """The anchor GitHub (and most Markdown renderers) give a heading with this text."""
    text = text.strip().lower()
    text = re.sub(r"[^\w\- ]", "", text)
    return text.replace(" ", "-")


# -- the parts repeated per claim -----------------------------------------------------------------


def table_row(c: Any) -> str:
    return (f"| [{md_inline(c.id)}](#{github_anchor(c.id)}) | {md_inline(c.status_label)} | {c.confidence_text} "
            f"| {md_inline(c.short(160))} | {md_inline(c.figure)} |\n")


def _link(url: str | None, text: str) -> str:
    return f"[{md_inline(text)}]({md_url(url)})" if _is_web(url) else md_inline(text)


def _is_web(url: str | None) -> bool:
    return bool(url) and _WEB.match(url) is not None


_WEB = re.compile(r"https?://[^\s<>]+\Z", re.IGNORECASE)


def claim_section(c: Any) -> str:
    """The claim and its quote, its status and who decided it, verdicts, and quoted sources."""
    out = [f"\n### {md_inline(c.id)}\n\n**{md_inline(c.claim)}**\n"]
    if c.quote:
        out.append(f"\n{md_quote('“' + c.quote + '”')}\n")
    ap = c.appeared_in
    if c.claimant or c.date or ap:
        line = f"\n— {md_inline(c.claimant or 'Unknown claimant')}"
        if c.date:
            line += f", {md_inline(c.date)}"
        if ap:
            line += ", in " + _link(ap.url, ap.title or ap.publisher or ap.url or "")
            if ap.publisher and ap.title:
                line += f" ({md_inline(ap.publisher)})"
        out.append(line + "\n")
    confidence = f" (confidence {c.confidence_text})" if c.confidence_text else ""
    out.append(f"\n- **Status:** {md_inline(c.status_label)}{confidence}. {md_inline(c.decided_by.text)}.\n")
    if c.review and c.review.note:
        out.append(f"- **Review note:** {md_inline(c.review.note)}\n")
    if c.figure or c.measure:
        measure = f"; **measure:** {md_inline(c.measure)}" if c.measure else ""
        out.append(f"- **Figure:** {md_inline(c.figure or '—')}{measure}\n")
    if c.collection:
        out.append(f"- **Collection:** {md_inline(c.collection)}\n")
    if c.tags:
        out.append(f"- **Tags:** {', '.join(md_inline(t) for t in c.tags)}\n")
    if c.notes:
        out.append(f"- **Notes:** {md_inline(c.notes)}\n")
    if c.verdicts:
        out.append("\n**Verdicts**\n\n")
        for v in c.verdicts:
            line = f"- {md_inline(v.verifier)}: {md_inline(v.status)}"
            if v.confidence is not None:
                line += f" ({v.confidence:.2f})"
            if v.checked:
                line += f", {md_inline(v.checked)}"
            if v.version:
                line += f", version {md_inline(v.version)}"
            if v.note:
                line += f". {md_inline(v.note)}"
            out.append(line + "\n")
    out.append("\n")
    if not c.sources:
        out.append("_No sources yet._\n")
        return "".join(out)
    out.append("**Sources**\n")
    for i, s in enumerate(c.sources, 1):
        head = f"\n{i}. **{md_inline(s.label)}**"
        if s.publisher and s.title:
            head += f", {md_inline(s.publisher)}"
        if s.published:
            head += f", {md_inline(s.published)}"
        if s.stance:
            head += f": _{md_inline(s.stance)}_"
        if s.rating:
            head += f" (rated “{md_inline(s.rating)}”)"
        out.append(head + ("\\\n" if s.url else "\n"))
        if s.url:
            line = f"   <{md_url(s.url)}>" if _is_web(s.url) else f"   Local document: {md_inline(s.url)}"
            if s.dead:
                line += f" (link dead: HTTP {int(s.http_status)})"
            if s.archived:
                line += " · " + (f"[archived]({md_url(s.archived)})" if _is_web(s.archived) else f"archived: {md_inline(s.archived)}")
            out.append(line + "\n")
        if s.excerpt:
            quoted = "\n".join("   " + line for line in md_quote(s.excerpt).split("\n"))
            out.append(f"\n{quoted}\n")
    return "".join(out)
