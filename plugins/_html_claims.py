"""The repeated parts of the HTML report: one table row and one section per claim.

The page around them is the Jinja2 template ``templates/report.html.j2`` (autoescaped). These
parts run once per claim, and a 10,000-claim report has some 700,000 values in them; through the
template engine that alone took ~2 s, here it takes ~0.4 s (docs/reports.md, "Speed").

The rule that keeps this safe: every value from a record goes through ``_e`` (HTML escaping,
quotes included) or ``_link`` (which escapes and only links http(s) addresses); literal markup
is written here, never taken from a record. tests/reports/test_html.py and the browser test
check it with claims made of ``<script>`` and ``"><img onerror=...>``.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from html import escape as _html_escape
from typing import Any, Callable

from markupsafe import Markup

#: Okabe-Ito colours (the stylesheet uses the same ones)
COLOURS = {
    "supported": "#009e73",
    "refuted": "#d55e00",
    "conflicting": "#cc79a7",
    "not-enough-evidence": "#e69f00",
    "unchecked": "#8c8c8c",
    "other": "#56b4e9",
}
#: A symbol beside each status word, so badges differ in shape as well as colour
SYMBOLS = {
    "supported": "✓",
    "refuted": "✗",
    "conflicting": "⇄",
    "not-enough-evidence": "?",
    "unchecked": "○",
    "other": "•",
}

_WEB = re.compile(r"https?://\S+\Z", re.IGNORECASE)


try:
    # MarkupSafe's C escaper (what Jinja2's autoescape uses underneath), called without building
    # a Markup object each time: four times faster than html.escape on 500,000 values.
    from markupsafe._speedups import _escape_inner as _fast_escape
except ImportError:  # pure-Python MarkupSafe, or a future one without it: same escaping
    def _fast_escape(text: str) -> str:
        return _html_escape(text, quote=True)


def _e(value: Any) -> str:
    """HTML-escape a value from a record (``& < > " '``); ``None`` is empty."""
    if value is None:
        return ""
    return _fast_escape(value if type(value) is str else str(value))


def known(status: str) -> str:
    """The badge style of a status: itself when built in, else ``other``."""
    return status if status in COLOURS and status != "other" else "other"


def is_web(url: Any) -> bool:
    # Only http(s) addresses become links: a `javascript:` URL in a record stays text.
    return isinstance(url, str) and _WEB.match(url) is not None


@lru_cache(maxsize=256)
def badge(status: str, label: str) -> Markup:
    """A status badge: colour, symbol and the status in words."""
    style = known(status)
    return Markup(f'<span class="cc-badge cc-s-{style}" data-symbol="{SYMBOLS[style]}">{_e(label)}</span>')


def link(url: Any, text: Any) -> str:
    """A link for an http(s) address, else the text alone; both escaped."""
    if is_web(url):
        return f'<a href="{_e(url)}" rel="noopener noreferrer">{_e(text)}</a>'
    return _e(text)


#: Rows per table in the claims index, and claim sections per block. A long report comes in
#: chunks that the browser's layout skips while they are off screen (content-visibility): showing
#: 10,000 rows of one table again after a filter took seconds; in chunks, milliseconds.
CHUNK = 100

_TABLE_HEAD = ('<table class="cc-index"><colgroup><col class="cc-c-id"><col class="cc-c-status"><col class="cc-c-conf">'
               '<col><col class="cc-c-fig"></colgroup>\n<thead><tr><th>Claim</th><th>Status</th><th class="cc-num">'
               'Confidence</th><th>Text</th><th class="cc-fig">Figure</th></tr></thead>\n<tbody>\n')


def table_chunks(claims: Any, label: Callable[[str], str]) -> Markup:
    """The claims index: a header, then tables of ``CHUNK`` rows (each with its own header for
    screen readers, hidden on screen). The claim is shortened here; its section has it in full."""
    # the header shown on screen; each chunk's own header is there for screen readers only
    out = [_TABLE_HEAD.replace('<table class="cc-index">', '<table class="cc-index cc-index-head" aria-hidden="true">')
           .replace("<tbody>\n", "</table>\n")]
    for start in range(0, len(claims), CHUNK):
        out.append(f'<div class="cc-chunk">{_TABLE_HEAD}')
        out.extend(
            f'<tr><td><a href="#{_e(c.anchor)}">{_e(c.id)}</a></td><td>{badge(c.status, label(c.status))}</td>'
            f'<td class="cc-num">{c.confidence_text}</td><td dir="auto">{_e(c.short(200))}</td>'
            f'<td class="cc-fig" dir="auto">{_e(c.figure)}</td></tr>\n'
            for c in claims[start:start + CHUNK]
        )
        out.append("</tbody></table></div>\n")
    return Markup("".join(out))


def claim_sections(claims: Any, label: Callable[[str], str]) -> Markup:
    """One ``<article>`` per claim, with an anchor, and the status and tags the filters read;
    in chunks of ``CHUNK`` (like the index) that the browser skips while they are off screen."""
    out = []
    for start in range(0, len(claims), CHUNK):
        out.append('<div class="cc-chunk">\n')
        out.extend(_section(c, label) for c in claims[start:start + CHUNK])
        out.append("</div>\n")
    return Markup("".join(out))


def _section(c: Any, label: Callable[[str], str]) -> str:
    status_badge = badge(c.status, label(c.status))
    tags = _e(json.dumps(list(c.tags)))  # read by the page's script with JSON.parse
    out = [
        f'<article class="cc-claim" id="{_e(c.anchor)}" data-status="{_e(c.status)}" data-tags="{tags}">\n'
        f'<h3><a class="cc-self" href="#{_e(c.anchor)}">{_e(c.id)}</a> {status_badge}'
        + (f' <span class="cc-conf">confidence {c.confidence_text}</span>' if c.confidence_text else "")
        + f'</h3>\n<p class="cc-text" dir="auto">{_e(c.claim)}</p>\n'
    ]
    if c.quote:
        out.append(f'<blockquote dir="auto"><p>“{_e(c.quote)}”</p></blockquote>\n')
    ap = c.appeared_in
    if c.claimant or c.date or ap:
        line = f'<p class="cc-by">— <span dir="auto">{_e(c.claimant or "Unknown claimant")}</span>'
        if c.date:
            line += f", {_e(c.date)}"
        if ap:
            line += f', in <cite dir="auto">{link(ap.url, ap.title or ap.publisher or ap.url)}</cite>'
            if ap.publisher and ap.title:
                line += f" ({_e(ap.publisher)})"
        out.append(line + "</p>\n")
    out.append(f'<dl class="cc-facts">\n<dt>Status</dt><dd>{status_badge} {_e(c.decided_by.text)}</dd>\n')
    facts = (
        ("Review note", c.review.note if c.review else None, True),
        ("Figure", c.figure, True),
        ("Measure", c.measure, True),
        ("Collection", c.collection, False),
        ("Tags", ", ".join(c.tags), True),
        ("Notes", c.notes, True),
    )
    for name, value, auto in facts:
        if value:
            direction = ' dir="auto"' if auto else ""
            out.append(f"<dt>{name}</dt><dd{direction}>{_e(value)}</dd>\n")
    out.append("</dl>\n")
    if c.verdicts:
        out.append('<h4>Verdicts</h4>\n<table class="cc-verdicts">\n<thead><tr><th>Verifier</th><th>Verdict</th>'
                   '<th class="cc-num">Confidence</th><th>Checked</th><th>Note</th></tr></thead>\n<tbody>\n')
        for v in c.verdicts:
            version = f" <small>{_e(v.version)}</small>" if v.version else ""
            confidence = f"{v.confidence:.2f}" if v.confidence is not None else ""
            out.append(f'<tr><td>{_e(v.verifier)}{version}</td><td>{_e(v.status)}</td><td class="cc-num">{confidence}</td>'
                       f'<td>{_e(v.checked)}</td><td dir="auto">{_e(v.note)}</td></tr>\n')
        out.append("</tbody>\n</table>\n")
    out.append("<h4>Sources</h4>\n")
    if c.sources:
        out.append('<ol class="cc-sources">\n')
        for s in c.sources:
            stance = f' <span class="cc-stance">{_e(s.stance)}</span>' if s.stance else ""
            out.append(f'<li><strong dir="auto">{link(s.url, s.label)}</strong>{stance}\n'
                       f'<div class="cc-src-meta">{_source_meta(s)}</div>\n')
            if s.excerpt:
                out.append(f'<blockquote dir="auto"><p>{_e(s.excerpt)}</p></blockquote>\n')
            out.append("</li>\n")
        out.append("</ol>\n")
    else:
        out.append('<p class="cc-src-meta">No sources yet.</p>\n')
    out.append('<p class="cc-top"><a href="#cc-top">Back to top</a></p>\n</article>\n')
    return "".join(out)


def _source_meta(s: Any) -> str:
    """publisher · date · rating · local path · dead link · archived copy · who added it"""
    parts = []
    if s.publisher and s.title:
        parts.append(f'<span dir="auto">{_e(s.publisher)}</span>')
    if s.published:
        parts.append(_e(s.published))
    if s.rating:
        parts.append(f'rated “<span dir="auto">{_e(s.rating)}</span>”')
    if s.url and not s.is_web:
        parts.append(f"local document: <code>{_e(s.url)}</code>")
    if s.dead:
        parts.append(f'<span class="cc-dead">link dead (HTTP {int(s.http_status)})</span>')
    if s.archived:
        parts.append(link(s.archived, "archived copy") if s.archived_is_web else f"archived: {_e(s.archived)}")
    if s.added_by:
        parts.append(f"added by {_e(s.added_by)}")
    return " · ".join(parts)
