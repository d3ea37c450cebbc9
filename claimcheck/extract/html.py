"""An HTML page to a Document: the article's main text and its metadata, read by trafilatura."""

from __future__ import annotations

import re

from claimcheck.errors import ClaimcheckError
from claimcheck.extract.document import MIN_ARTICLE_WORDS, Document, iso_date


def html_document(html: str, *, source: str, url: str | None = None) -> Document:
    """Main text (navigation, comments and boilerplate removed) with title, publisher, date, canonical URL."""
    import trafilatura  # heavy: imported only when an HTML page is read

    label = "standard input" if source == "-" else source
    meta = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=False, favor_precision=True
    )
    # The text output keeps one paragraph per line; bare_extraction's text may not.
    text = trafilatura.extract(html, url=url, include_comments=False, include_tables=False, favor_precision=True) or ""
    words = len(re.findall(r"\w+", text))
    if words < MIN_ARTICLE_WORDS:
        raise ClaimcheckError(f"{label}: no article text found in this HTML page ({words} words of content)")
    # one paragraph per line in trafilatura's output: make each a paragraph for the splitter
    text = re.sub(r"\n+", "\n\n", text.strip())
    title = publisher = author = None
    date = None
    canonical = url
    if meta is not None:
        title = _clean(getattr(meta, "title", None))
        publisher = _clean(getattr(meta, "sitename", None)) or _clean(getattr(meta, "hostname", None))
        author = _clean(getattr(meta, "author", None))
        date = iso_date(getattr(meta, "date", None))
        canonical = _clean(getattr(meta, "url", None)) or url
    return Document(text=text, source=source, format="html", title=title, publisher=publisher, date=date,
                    url=canonical, author=author)


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None
