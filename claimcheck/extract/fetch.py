"""Fetching an article by URL, with claimcheck's HTTP layer (``claimcheck.http``).

The pool brings what verifiers get: URL safety, a size cap, redirects, one quick retry of a
failed connection or a 5xx, and the project's HTTP cache (``.claimcheck/http-cache/``) when
there is a project, so extracting the same page twice fetches it once. The page's bytes come
back here; main text and metadata are read by ``claimcheck.extract.html`` (which needs the
canonical URL and says so when a page has no article text). Every failure is one
``ClaimcheckError`` line.
"""

from __future__ import annotations

from http import HTTPStatus
from pathlib import Path

import attrs

from claimcheck.errors import ClaimcheckError


@attrs.frozen
class Page:
    body: bytes
    #: the URL after redirects
    url: str
    content_type: str = ""
    charset: str | None = None


def fetch(url: str, *, max_bytes: int, timeout: float = 20.0, cache_dir: Path | None = None) -> Page:
    """GET ``url``; refuses error statuses, unsafe URLs and bodies over ``max_bytes``."""
    import asyncio

    from claimcheck.http import HttpError, HttpPool, HttpSettings, ResponseTooLarge

    settings = HttpSettings(timeout=timeout, retries=1, backoff=0.25, max_bytes=max_bytes)

    async def get():
        async with HttpPool(settings, cache_dir=cache_dir) as http:
            return await http.get(url)

    try:
        response = asyncio.run(get())
    except ResponseTooLarge:
        raise ClaimcheckError(f"{url}: the page is larger than {max_bytes // (1024 * 1024)} MB; not read") from None
    except HttpError as exc:
        raise ClaimcheckError(f"{url}: cannot fetch: {_first_line(exc)}") from None
    if not response.ok:
        try:
            phrase = HTTPStatus(response.status).phrase
        except ValueError:
            phrase = ""
        raise ClaimcheckError(f"{url}: cannot fetch: HTTP {response.status} {phrase}".rstrip())
    return Page(response.content, response.final_url or url, response.content_type.lower(), response.charset)


def _first_line(exc: Exception) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0][:300]
