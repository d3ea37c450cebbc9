"""Readable text out of what a source points at: an HTML page, a PDF, or a plain-text file.

HTML goes through trafilatura (main text without menus and footers, plus title, site name
and date from the page's metadata); PDF through pypdf; anything textual is decoded as it
is. Both libraries are imported only when a document of their kind shows up.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import attrs

from claimcheck.http.errors import DocumentError, UnsupportedContent
from claimcheck.http.response import charset_of, decode_text

#: bump when extraction changes, so cached documents are extracted again
EXTRACTOR_VERSION = "1"

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
PDF_TYPES = frozenset({"application/pdf", "application/x-pdf"})
# Textual types that are read as they are (JSON and XML included: an API answer or a feed
# is still text a fact-checker can search).
TEXT_TYPES = frozenset(
    {"application/json", "application/xml", "application/ld+json", "application/rss+xml", "application/atom+xml"}
)
#: what ``extract(..., metadata=False)`` gives for the page's own description of itself
_NO_METADATA: dict[str, Any] = {"title": None, "publisher": None, "date": None, "author": None}
_SUFFIX_KIND = {".html": "html", ".htm": "html", ".xhtml": "html", ".pdf": "pdf"}
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?([A-Za-z0-9_.:\-]+)", re.IGNORECASE)


@attrs.frozen
class Document:
    """The readable text of a source, with what the page says about itself."""

    #: what was asked for: the URL, or the project-relative path of a local file
    url: str
    #: where it was read from: the URL after redirects, or the resolved local path
    final_url: str
    #: HTTP status (200 for local files)
    status: int
    title: str | None
    text: str = attrs.field(repr=False)
    #: media type as served ("text/html"), or guessed from the file suffix for local files
    content_type: str
    #: html | pdf | text
    kind: str
    #: site or publisher name when the page declares one
    publisher: str | None = None
    #: publication date (ISO 8601, "2021-08-09") when the page declares one
    date: str | None = None
    author: str | None = None
    from_cache: bool = False

    def to_dict(self) -> dict[str, Any]:
        return attrs.asdict(self)


def sniff_kind(content_type: str, body: bytes, *, suffix: str = "") -> str:
    """html | pdf | text, from the declared type, the file suffix and the first bytes.

    Servers lie about types (a PDF as ``application/octet-stream``, HTML as ``text/plain``), so
    the magic bytes win over the header; a binary type with no recognisable content is refused.
    """
    head = body[:1024].lstrip()
    if head.startswith(b"%PDF-"):
        return "pdf"
    if suffix in _SUFFIX_KIND:
        return _SUFFIX_KIND[suffix]
    lowered = head[:256].lower()
    if content_type in HTML_TYPES or lowered.startswith((b"<!doctype html", b"<html")):
        return "html"
    if content_type in PDF_TYPES:
        return "pdf"  # declared PDF without the magic: pypdf will say what is wrong
    if not content_type or content_type.startswith("text/") or content_type in TEXT_TYPES or content_type.endswith("+json"):
        return "text"
    if content_type == "application/octet-stream" and _looks_textual(body):
        return "text"
    raise UnsupportedContent(f"cannot read {content_type} content as text")


def _looks_textual(body: bytes) -> bool:
    sample = body[:4096]
    return b"\x00" not in sample and decode_text(sample, "utf-8").count("\ufffd") <= len(sample) // 100


def extract(body: bytes, *, kind: str, content_type: str, url: str, metadata: bool = True) -> dict[str, Any]:
    """The fields of a Document that come from the body (title, text, publisher, date, author).

    ``metadata=False``: the text only; title, publisher, date and author are ``None``. Reading
    a page's metadata is about half of trafilatura's time on a news page (0.5-0.8 ms here), and
    a verifier that only reads the text (source-text) should not pay for it on every page.
    """
    if kind == "pdf":
        return _extract_pdf(body, url, metadata)
    if kind == "html":
        try:
            return _extract_html(_decode_html(body, content_type), url, metadata)
        except RecursionError:  # absurdly nested markup
            raise DocumentError(f"could not read the page at {url}: its HTML is nested too deeply", url=url) from None
        except (ValueError, TypeError, AttributeError) as error:  # an extractor bug must not crash a verifier
            raise DocumentError(f"could not extract the text of {url}: {type(error).__name__}: {error}", url=url) from None
    return {**_NO_METADATA, "text": decode_text(body, charset_of(content_type))}


def warm_up() -> bool:
    """Import what extraction needs and extract once (run in a new extraction worker, so that
    the first real document does not pay for it)."""
    extract(b"<html><body><p>warm</p></body></html>", kind="html", content_type="text/html", url="")
    return True


def _decode_html(body: bytes, content_type: str) -> str:
    charset = charset_of(content_type)
    if charset is None:
        match = _META_CHARSET.search(body[:4096])
        charset = match.group(1).decode("ascii", "replace").lower() if match else None
    return decode_text(body, charset)


def _extract_html(html: str, url: str, metadata: bool) -> dict[str, Any]:
    import trafilatura

    doc = trafilatura.bare_extraction(html, options=_options(url or None, metadata))
    text = getattr(doc, "text", None) if doc is not None else None
    if not text:
        # Nothing looked like an article (a short page, a listing): keep all visible text.
        text = trafilatura.html2txt(html) or ""
    if not metadata:
        return {**_NO_METADATA, "text": text.strip()}
    meta = doc if doc is not None else trafilatura.extract_metadata(html, default_url=url or None)
    return {
        "title": _clean(getattr(meta, "title", None)),
        "text": text.strip(),
        "publisher": _clean(getattr(meta, "sitename", None)),
        "date": _clean(getattr(meta, "date", None)),
        "author": _clean(getattr(meta, "author", None)),
    }


_PROTOTYPE: dict[tuple[str, bool], Any] = {}


def _options(url: str | None, metadata: bool = True) -> Any:
    """trafilatura's settings for one page: favor_recall (a fact-checker would rather see a
    boilerplate line than lose the paragraph that holds the figure), tables, no comments, and
    the page's metadata when asked for (it never changes the text: trafilatura reads it from
    copies of the page).

    Made once per process and day, then copied with the page's URL: building them reads
    trafilatura's configuration file each time, ~0.25 ms, a tenth of extracting a news page.
    The copy equals what ``bare_extraction(url=...)`` builds itself (tests/http/test_documents.py).
    """
    import copy
    import datetime as dt

    from trafilatura.settings import Extractor

    today = dt.date.today().isoformat()  # the date search's upper bound is "today"
    prototype = _PROTOTYPE.get((today, metadata))
    if prototype is None:
        if any(day != today for day, _ in _PROTOTYPE):
            _PROTOTYPE.clear()
        prototype = _PROTOTYPE[today, metadata] = Extractor(
            output_format="python", with_metadata=metadata, comments=False, tables=True, recall=True
        )
    options = copy.copy(prototype)
    options.url = url
    options.source = url and url.encode("utf-8", "replace").decode("utf-8")
    return options


def _extract_pdf(body: bytes, url: str, metadata: bool) -> dict[str, Any]:
    import io

    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(io.BytesIO(body))
        if reader.is_encrypted:
            reader.decrypt("")  # many "protected" PDFs only forbid printing
        pages = [page.extract_text() or "" for page in reader.pages]
        meta = reader.metadata
    except (PyPdfError, ValueError, KeyError, TypeError, OSError) as error:
        raise DocumentError(f"could not read the PDF at {url}: {error}", url=url) from None
    text = "\n\n".join(page.strip() for page in pages if page.strip())
    if not metadata:
        return {**_NO_METADATA, "text": text}
    created = getattr(meta, "creation_date", None) if meta else None
    return {
        "title": _clean(meta.title) if meta else None,
        "text": text,
        "publisher": None,
        "date": created.date().isoformat() if created else None,
        "author": _clean(meta.author) if meta else None,
    }


def _clean(value: Any) -> str | None:
    if value is None:
        return None
    text = " ".join(str(value).split())
    return text or None


def local_content_type(path: Path) -> str:
    import mimetypes

    guessed, _ = mimetypes.guess_type(path.name)
    return guessed or "text/plain"
