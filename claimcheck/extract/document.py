"""Reading an article: a text, Markdown, HTML or PDF file, standard input, or an http(s) URL.

Every way in ends in a ``Document``: the article's plain text (what sentences and quotes are
cut from) and what is known about it (title, publisher, date, canonical URL). Refusals are
``ClaimcheckError``s with one clear line: an empty or binary file, an oversized one, a page
with no article text, a URL that cannot be fetched.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from pathlib import Path
from typing import BinaryIO

import attrs

from claimcheck.errors import ClaimcheckError

#: Documents larger than this are refused: a news article is well under 1 MB, and a bigger file
#: is almost always the wrong file (a dump, a log, a video).
MAX_BYTES = 10 * 1024 * 1024
#: An extracted web page with fewer words than this has no article text (a menu, a login wall).
MIN_ARTICLE_WORDS = 15



@attrs.frozen
class Document:
    """An article to extract claims from."""

    text: str
    #: where it came from, as given: a path, ``-`` or a URL
    source: str
    format: str = "text"
    title: str | None = None
    publisher: str | None = None
    date: dt.date | None = None
    #: the canonical URL when the page gives one, else the URL it was fetched from
    url: str | None = None
    author: str | None = None


def load_document(source: str, *, stdin: BinaryIO | None = None, max_bytes: int = MAX_BYTES,
                  timeout: float = 20.0, cache_dir: Path | None = None) -> Document:
    """Read ``source`` (a path, ``-`` for standard input, or an http(s) URL) into a Document.

    ``cache_dir``: the HTTP cache for URLs (the project's ``.claimcheck/http-cache``), or None.
    """
    if re.match(r"https?://", source, re.IGNORECASE):
        from claimcheck.extract.fetch import fetch

        page = fetch(source, max_bytes=max_bytes, timeout=timeout, cache_dir=cache_dir)
        if page.body.startswith(b"%PDF") or "application/pdf" in page.content_type:
            return _pdf_document(page.body, source=source, url=page.url)
        fmt = "html" if "html" in page.content_type or _looks_like_html(page.body[:2048]) else _format_for(source, page.body)
        text = _decode(page.body, source, page.charset)
        return parse_document(text, source=source, fmt=fmt, url=page.url)
    if source == "-":
        stream = stdin if stdin is not None else sys.stdin.buffer
        data = stream.read(max_bytes + 1)
        label = "standard input"
    else:
        path = Path(source)
        if not path.exists():
            raise ClaimcheckError(f"{source}: no such file")
        if path.is_dir():
            raise ClaimcheckError(f"{source}: is a folder; give an article file, '-' or a URL")
        size = path.stat().st_size
        if size > max_bytes:
            raise ClaimcheckError(f"{source}: {_mb(size)} is too large; claimcheck extract reads documents up to {_mb(max_bytes)}")
        try:
            with open(path, "rb") as fh:
                data = fh.read(max_bytes + 1)
        except OSError as exc:
            raise ClaimcheckError(f"{source}: cannot read: {exc.strerror}") from None
        label = source
    if len(data) > max_bytes:
        raise ClaimcheckError(f"{label}: more than {_mb(max_bytes)}; claimcheck extract reads documents up to {_mb(max_bytes)}")
    if data.startswith(b"%PDF"):
        return _pdf_document(data, source=source, url=None)
    text = _decode(data, label)
    return parse_document(text, source=source, fmt=_format_for(source, data))


def parse_document(text: str, *, source: str = "-", fmt: str = "text", url: str | None = None) -> Document:
    """A Document from already decoded text in ``fmt`` (text, markdown or html)."""
    label = "standard input" if source == "-" else source
    if not text.strip():
        raise ClaimcheckError(f"{label}: is empty; nothing to extract")
    if fmt == "html":
        from claimcheck.extract.html import html_document

        return html_document(text, source=source, url=url)
    if fmt == "markdown":
        from claimcheck.extract.markdown import markdown_to_text

        text = markdown_to_text(text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return Document(text=text, source=source, format=fmt, title=_first_line_title(text), url=url)


def _pdf_document(data: bytes, *, source: str, url: str | None) -> Document:
    """A PDF's text (every page, through pypdf, as claimcheck's HTTP layer reads it) and its
    title, author and date from the PDF's metadata."""
    from claimcheck.http.documents import extract
    from claimcheck.http.errors import HttpError

    label = "standard input" if source == "-" else source
    try:
        fields = extract(data, kind="pdf", content_type="application/pdf", url=url or label)
    except HttpError as exc:
        raise ClaimcheckError(f"{label}: cannot read this PDF ({str(exc).splitlines()[0][:200]})") from None
    text = (fields.get("text") or "").strip()
    words = len(re.findall(r"\w+", text))
    if words < MIN_ARTICLE_WORDS:
        raise ClaimcheckError(f"{label}: no text found in this PDF ({words} words; a scanned image needs OCR first)")
    return Document(text=text + "\n", source=source, format="pdf", title=fields.get("title"), url=url,
                    date=iso_date(fields.get("date")), author=fields.get("author"))


def iso_date(value: object) -> dt.date | None:
    """A date from metadata text that starts with an ISO date ('2022-03-21T10:00'), else None."""
    if not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _first_line_title(text: str) -> str | None:
    """A plain-text article's title: a short first line without a full stop, followed by a blank line."""
    head, sep, rest = text.lstrip().partition("\n")
    head = head.strip().lstrip("#").strip()
    if sep and rest.lstrip(" \t").startswith("\n"):
        if 0 < len(head) <= 200 and head[-1] not in ".!?,;:":
            return head
    return None


def _format_for(source: str, head: bytes) -> str:
    suffix = Path(source.split("?", 1)[0]).suffix.lower()
    if suffix in (".html", ".htm", ".xhtml", ".shtml", ".php", ".asp", ".aspx"):
        return "html"
    if suffix in (".md", ".markdown", ".mdown", ".mkd"):
        return "markdown"
    if suffix in (".txt", ".text"):
        return "text"
    if _looks_like_html(head[:4096]):
        return "html"
    if re.search(rb"(?m)^#{1,6} \S|\]\([^)\s]+\)|^\*\*[^*]+\*\*$", head[:8192]):
        return "markdown"
    return "text"


def _looks_like_html(head: bytes) -> bool:
    lowered = head.lstrip()[:1024].lower()
    return lowered.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<body" in lowered or b"<head" in lowered


_BINARY_MAGIC = (b"%PDF", b"PK\x03\x04", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"\x1f\x8b", b"\x7fELF", b"MZ", b"ID3", b"OggS", b"RIFF")


def _decode(data: bytes, label: str, charset: str | None = None) -> str:
    """Text from bytes; binary data (NUL bytes, control characters, known file signatures) is refused."""
    head = data[:8192]
    if data.startswith(_BINARY_MAGIC) or b"\x00" in head:
        raise ClaimcheckError(f"{label}: is a binary file, not a text, Markdown or HTML article")
    for encoding in filter(None, (charset, "utf-8-sig", "cp1252")):
        try:
            text = data.decode(encoding)
            break
        except (UnicodeDecodeError, LookupError):
            continue
    else:
        text = data.decode("latin-1")
    sample = text[:8192]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f")
    if sample and controls > 0.02 * len(sample):
        raise ClaimcheckError(f"{label}: is a binary file, not a text, Markdown or HTML article")
    return text


def _mb(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB" if size < 100 * 1024 * 1024 else f"{size // (1024 * 1024)} MB"


def check_prose(document: Document, *, max_unpunctuated_words: int = 80) -> None:
    """Refuse text that cannot be split into sentences: no sentence punctuation at all.

    Short captions and headings without a full stop are fine; a long text without a single
    ``.``, ``!`` or ``?`` (a transcript, a keyword dump, a mis-encoded file) would be one giant
    "sentence" and the proposals would be meaningless.
    """
    label = "standard input" if document.source == "-" else document.source
    if re.search(r"[.!?…。！？]", document.text):
        return
    words = len(re.findall(r"\w+", document.text))
    if words > max_unpunctuated_words:
        raise ClaimcheckError(f"{label}: has no sentence punctuation ({words} words without '.', '!' or '?'); cannot split it into sentences")
