"""fetch_text: the readable text of HTML pages, PDFs and text files, from the web or the project."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path
from typing import Any

import attrs
import pytest

from claimcheck.http import (
    Document,
    DocumentError,
    HttpPool,
    HttpSettings,
    HttpStatusError,
    ResponseTooLarge,
    UnsafePathError,
    UnsafeURLError,
    UnsupportedContent,
)


def fetch(target: str, root: Path | None = None, **settings: Any) -> Document:
    async def main() -> Document:
        async with HttpPool(HttpSettings(retries=0, **settings), root=root) as pool:
            return await pool.fetch_text(target)

    return asyncio.run(main())


def test_an_html_article_gives_its_main_text_and_metadata(http_server) -> None:
    doc = fetch(http_server.url("/article"))
    assert doc.kind == "html" and doc.content_type == "text/html" and doc.status == 200
    assert "More than 35,000 people have been arrested in Belarus" in doc.text
    assert "1,093 of them are political prisoners" in doc.text
    # menus and footers are not part of the readable text
    assert "Donate" not in doc.text and "Cookie settings" not in doc.text
    assert doc.title is not None and doc.title.startswith("Belarus: 35,000 arrested since August 2020")
    assert doc.publisher == "Rights Watch"
    assert doc.date == "2021-08-09"
    assert doc.author == "Jane Roe"


@pytest.mark.parametrize("path", ["/article", "/pdf"])
def test_without_metadata_the_text_is_the_same_and_the_description_is_left_out(http_server, tmp_path: Path, path: str) -> None:
    """``metadata=False`` is for verifiers that only read the text (source-text, link-check): the
    page's description of itself is not read, and the text is exactly what a full read gives."""

    async def main() -> tuple[Document, Document, Document]:
        async with HttpPool(HttpSettings(retries=0), cache_dir=tmp_path) as pool:
            text_only = await pool.fetch_text(http_server.url(path), metadata=False)
            full = await pool.fetch_text(http_server.url(path))  # a text-only document never serves this
            again = await pool.fetch_text(http_server.url(path), metadata=False)
            return text_only, full, again

    text_only, full, again = asyncio.run(main())
    assert full.title is not None and full.date == "2021-08-09"
    assert (text_only.title, text_only.publisher, text_only.date, text_only.author) == (None, None, None, None)
    assert text_only.text == full.text and "35,000" in text_only.text
    assert again == attrs.evolve(text_only, from_cache=True)


def test_a_pdf_gives_the_text_of_its_pages(http_server) -> None:
    doc = fetch(http_server.url("/pdf"))
    assert doc.kind == "pdf"
    assert "Detained since August 2020: 35,000 people." in doc.text
    assert doc.title == "Viasna report"
    assert doc.date == "2021-08-09"


def test_a_pdf_served_as_octet_stream_is_recognised_by_its_bytes(http_server) -> None:
    doc = fetch(http_server.url("/pdf-as-octet"))
    assert doc.kind == "pdf" and "35,000 people" in doc.text


def test_a_broken_pdf_is_a_document_error(http_server) -> None:
    with pytest.raises(DocumentError, match="could not read the PDF"):
        fetch(http_server.url("/broken-pdf"))


def test_plain_text_is_returned_as_it_is(http_server) -> None:
    doc = fetch(http_server.url("/text"))
    assert doc.kind == "text" and doc.text.startswith("Plain text source: 35,000 arrests")
    assert doc.title is None


def test_an_image_is_refused_as_unsupported_content(http_server) -> None:
    with pytest.raises(UnsupportedContent, match=r"/image: cannot read image/png content as text"):
        fetch(http_server.url("/image"))


def test_invalid_utf8_does_not_fail_the_document(http_server) -> None:
    doc = fetch(http_server.url("/invalid-utf8"))
    assert doc.text.startswith("café ok") and "\ufffd" in doc.text


def test_a_latin1_page_is_decoded_with_its_declared_charset(http_server) -> None:
    doc = fetch(http_server.url("/latin1-page"))
    assert "Café crème" in doc.text


def test_an_error_status_is_an_http_status_error(http_server) -> None:
    with pytest.raises(HttpStatusError, match="HTTP 404") as error:
        fetch(http_server.url("/status/404"))
    assert error.value.status == 404


def test_the_size_cap_applies_to_documents(http_server) -> None:
    with pytest.raises(ResponseTooLarge):
        fetch(http_server.url("/big"))


def test_unsafe_urls_are_refused(http_server) -> None:
    with pytest.raises(UnsafeURLError, match="refused javascript"):
        fetch("javascript:alert(1)")


# -- local documents -----------------------------------------------------------------------


@pytest.fixture
def project(tmp_path: Path, sample_pdf: bytes) -> Path:
    root = tmp_path / "project"
    (root / "sources").mkdir(parents=True)
    (root / "sources" / "note.txt").write_text("Local note: 35,000 detained.\n", encoding="utf-8")
    (root / "sources" / "report.pdf").write_bytes(sample_pdf)
    (root / "sources" / "page.html").write_text(
        "<html><head><title>Saved page</title></head><body><article><p>"
        + "A saved copy of the article says 35,000 people were detained since 2020. " * 3
        + "</p></article></body></html>",
        encoding="utf-8",
    )
    return root


def test_local_text_pdf_and_html_files_are_read(project: Path) -> None:
    note = fetch("sources/note.txt", root=project)
    assert note.text == "Local note: 35,000 detained.\n" and note.kind == "text" and note.status == 200
    assert note.url == "sources/note.txt"
    assert "35,000 people" in fetch("sources/report.pdf", root=project).text
    page = fetch("sources/page.html", root=project)
    assert page.kind == "html" and page.title == "Saved page" and "35,000 people were detained" in page.text


def test_local_paths_outside_the_project_are_refused(project: Path, tmp_path: Path) -> None:
    (tmp_path / "secret.txt").write_text("private")
    os.symlink(tmp_path / "secret.txt", project / "sources" / "link.txt")
    for path in ("../../etc/passwd", "/etc/passwd", "sources/link.txt"):
        with pytest.raises(UnsafePathError, match="outside the project"):
            fetch(path, root=project)


def test_a_local_file_over_the_cap_is_refused(project: Path) -> None:
    with pytest.raises(ResponseTooLarge, match="larger than the 10 bytes cap"):
        fetch("sources/note.txt", root=project, max_bytes=10)


def test_a_missing_local_file_is_a_clear_error(project: Path) -> None:
    with pytest.raises(Exception, match="does not exist"):
        fetch("sources/missing.txt", root=project)


def test_local_paths_need_a_project_root() -> None:
    with pytest.raises(UnsafePathError, match="no project root"):
        fetch("sources/note.txt")


def test_extraction_in_worker_processes_gives_the_same_document(http_server) -> None:
    inline = fetch(http_server.url("/article"), extract_processes=0)
    in_worker = fetch(http_server.url("/article"), extract_processes=1)
    assert in_worker == inline


def test_a_broken_pdf_fails_the_same_way_in_a_worker_process(http_server) -> None:
    with pytest.raises(DocumentError, match="could not read the PDF"):
        fetch(http_server.url("/broken-pdf"), extract_processes=1)


def test_a_local_image_is_refused_naming_the_file(project: Path) -> None:
    (project / "sources" / "chart.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(UnsupportedContent, match="sources/chart.png: cannot read image/png content as text"):
        fetch("sources/chart.png", root=project)


PAGES = [
    """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Arrests (1)</title>
    <meta property="og:site_name" content="Slow News"><meta name="date" content="2021-08-09"></head>
    <body><nav><a href="/">Home</a></nav><article><h1>Arrests in Belarus</h1>
    <p>More than 35,000 people have been arrested in Belarus since August 2020, Viasna said.</p>
    <table><tr><td>2021</td><td>1,093 political prisoners</td></tr></table></article>
    <div class="comments"><p>Reader: this is wrong!</p></div><footer>Copyright</footer></body></html>""",
    """<html><head><title>No metadata here</title></head><body><p>14km (8.7 miles) from the border.</p></body></html>""",
]


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("url", ["https://news.example.org/belarus/1", "https://other.example.com/x", ""])
def test_reused_extraction_settings_give_what_trafilatura_builds_per_call(page: str, url: str) -> None:
    """``documents._options`` copies one prototype of trafilatura's settings per page instead of
    building them (and reading trafilatura's config) for every page: same result."""
    import trafilatura

    from claimcheck.http.documents import _extract_html

    mine = _extract_html(page, url, True)
    theirs = trafilatura.bare_extraction(page, url=url or None, with_metadata=True, include_comments=False,
                                         include_tables=True, favor_recall=True)
    assert mine["text"] == (theirs.text or trafilatura.html2txt(page)).strip()
    assert (mine["title"], mine["publisher"], mine["date"]) == (theirs.title, theirs.sitename, theirs.date)


def test_extraction_workers_that_cannot_start_leave_extraction_in_process(http_server, monkeypatch) -> None:
    from claimcheck.http import pool as pool_module
    from claimcheck.workers import WorkerGone

    async def broken(processes: int):
        raise WorkerGone("cannot start a worker process: no such interpreter")

    monkeypatch.setattr(pool_module, "_start_extractors", broken)
    doc = fetch(http_server.url("/article"), extract_processes=1)
    assert "More than 35,000 people have been arrested in Belarus" in doc.text
