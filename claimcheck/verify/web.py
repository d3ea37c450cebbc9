"""The HTTP side of a verify run, as verifiers see it through ``ctx``.

This is a thin adapter: the run needs ``request``, ``fetch_text`` (pages), ``read_file`` (local
documents) and ``client_for``. It keeps, per run, one in-flight fetch per URL (source-text and
link-check reading the same page make one request) and a document cache under
``.claimcheck/documents/`` so a second run does not fetch or extract again.

When the core HTTP layer (``claimcheck.http``) provides a client pool, requests go through it;
otherwise a small built-in pool is used: several ``httpx.AsyncClient``s of at most 8 connections
each (one client turns CPU-bound in its pool scheduling past ~10 connections, encode/httpx#3215),
a global limit (``--concurrency``), a per-host limit, retries with backoff that honour
``Retry-After`` on 429/503, and a size cap on every body.
"""

from __future__ import annotations

import asyncio
import email.utils
import hashlib
import json
import os
import random
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import attrs

from claimcheck.context import FetchError

#: Bodies larger than this are refused (a claim's evidence is an article, not a dump).
MAX_BYTES = 10 * 1024 * 1024
RETRY_STATUSES = frozenset({429, 502, 503, 504})
TEXT_TYPES = ("text/plain", "text/markdown", "text/csv")
HTML_TYPES = ("text/html", "application/xhtml+xml")


@attrs.frozen
class Document:
    """The readable text of a source, and what the fetch saw."""

    url: str
    text: str
    title: str | None = None
    final_url: str | None = None
    status: int | None = None
    content_type: str | None = None
    from_cache: bool = False


def extract_html(html: str, url: str | None = None) -> tuple[str, str | None]:
    """Main text and title of an HTML page (trafilatura; a crude tag strip if it finds nothing)."""
    import trafilatura

    text = trafilatura.extract(html, url=url, fast=True, include_comments=False) or ""
    title = None
    lower = html[:20000].lower()
    i = lower.find("<title")
    if i >= 0:
        j = lower.find(">", i)
        k = lower.find("</title>", j)
        if j >= 0 and k > j:
            title = " ".join(html[j + 1 : k].split()) or None
    if not text.strip():
        import re

        text = re.sub(r"(?s)<(script|style)\b.*?</\1>|<[^>]*>", " ", html)
        text = " ".join(text.split())
    return text, title


def extract_pdf(data: bytes) -> str:
    import io

    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(data))
        return "\n".join((page.extract_text() or "") for page in reader.pages[:200])
    except Exception as exc:  # pypdf raises many kinds on a broken file
        raise FetchError(f"unreadable PDF: {type(exc).__name__}") from None


def decode(data: bytes, charset: str | None) -> str:
    """Text from bytes: the declared charset, else UTF-8; invalid bytes become U+FFFD."""
    for encoding in filter(None, (charset, "utf-8")):
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    return data.decode("utf-8", errors="replace")


def document_from_bytes(url: str, data: bytes, content_type: str | None, *, status: int | None = None,
                        final_url: str | None = None, charset: str | None = None) -> Document:
    kind = (content_type or "").split(";")[0].strip().lower()
    if kind == "application/pdf" or data[:5] == b"%PDF-":
        text, title = extract_pdf(data), None
    elif kind in HTML_TYPES or (not kind and data.lstrip()[:1] == b"<"):
        text, title = extract_html(decode(data, charset), final_url or url)
    elif kind in TEXT_TYPES or kind.startswith("text/") or kind in ("application/json", ""):
        text, title = decode(data, charset), None
    else:
        raise FetchError(f"{url}: cannot read a {kind} document", status=status, final_url=final_url)
    return Document(url=url, text=text, title=title, final_url=final_url, status=status, content_type=kind or None)


def _retry_after(value: str | None, cap: float) -> float | None:
    if not value:
        return None
    try:
        return min(max(float(value), 0.0), cap)
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value).timestamp()
    except (TypeError, ValueError):
        return None
    return min(max(when - time.time(), 0.0), cap)


class Web:
    """One run's HTTP access. Create with ``Web(state_dir, ...)``; ``await aclose()`` at the end."""

    def __init__(self, state_dir: Path | None, *, concurrency: int = 16, per_host: int = 4, timeout: float = 20.0,
                 retries: int = 3, max_bytes: int = MAX_BYTES, cache_ttl: float | None = 86400.0,
                 user_agent: str = "claimcheck (fact-check verifier; +https://claimcheck.invalid)") -> None:
        self.state_dir = state_dir
        self.concurrency = max(1, concurrency)
        self.per_host = max(1, per_host)
        self.timeout = timeout
        self.retries = retries
        self.max_bytes = max_bytes
        self.cache_ttl = cache_ttl
        self.user_agent = user_agent
        self.requests_made = 0
        self._clients: list[Any] = []
        self._host_client: dict[str, int] = {}
        self._host_limits: dict[str, asyncio.Semaphore] = {}
        self._limit: asyncio.Semaphore | None = None
        self._inflight: dict[str, asyncio.Future] = {}
        self._cache_dir = state_dir / "documents" if state_dir is not None else None

    # -- clients -----------------------------------------------------------------------------------

    def _make_client(self) -> Any:
        import httpx

        return httpx.AsyncClient(
            follow_redirects=True,
            max_redirects=10,
            timeout=httpx.Timeout(self.timeout, connect=min(10.0, self.timeout)),
            limits=httpx.Limits(max_connections=8, max_keepalive_connections=8),
            headers={"User-Agent": self.user_agent},
        )

    def client_for(self, url: str | None) -> Any:
        n_clients = max(1, -(-self.concurrency // 8))
        if not self._clients:
            self._clients = [self._make_client() for _ in range(n_clients)]
        host = urlsplit(url).netloc if url else ""
        if host not in self._host_client:
            self._host_client[host] = len(self._host_client) % len(self._clients)
        return self._clients[self._host_client[host]]

    async def aclose(self) -> None:
        for client in self._clients:
            await client.aclose()
        self._clients = []

    # -- requests ----------------------------------------------------------------------------------

    async def request(self, method: str, url: str, *, stream_cap: int | None = None, **kwargs: Any) -> Any:
        """One request with the limits, retries and Retry-After; the body is read (capped)."""
        import httpx

        if self._limit is None:
            self._limit = asyncio.Semaphore(self.concurrency)
        host = urlsplit(url).netloc
        host_limit = self._host_limits.setdefault(host, asyncio.Semaphore(self.per_host))
        cap = stream_cap or self.max_bytes
        attempt = 0
        while True:
            attempt += 1
            wait = None
            async with host_limit, self._limit:
                self.requests_made += 1
                try:
                    client = self.client_for(url)
                    async with client.stream(method, url, **kwargs) as response:
                        length = response.headers.get("content-length")
                        if length and length.isdigit() and int(length) > cap:
                            raise FetchError(f"{url}: body of {int(length) / 1e6:.0f} MB exceeds the {cap // 1_000_000} MB cap",
                                             status=response.status_code, final_url=str(response.url))
                        body = bytearray()
                        async for chunk in response.aiter_raw():
                            body += chunk
                            if len(body) > cap:
                                raise FetchError(f"{url}: body exceeds the {cap // 1_000_000} MB cap",
                                                 status=response.status_code, final_url=str(response.url))
                        response._content = _decoded(response, bytes(body))
                except httpx.TooManyRedirects:
                    raise FetchError(f"{url}: too many redirects (a redirect loop?)") from None
                except (httpx.TimeoutException, httpx.NetworkError, httpx.RemoteProtocolError) as exc:
                    if attempt > self.retries:
                        raise FetchError(f"{url}: {_describe(exc)}") from None
                    wait = min(0.25 * 2 ** attempt, 4.0) * (0.5 + random.random() / 2)
                except httpx.HTTPError as exc:
                    raise FetchError(f"{url}: {_describe(exc)}") from None
                else:
                    if response.status_code in RETRY_STATUSES and attempt <= self.retries:
                        wait = _retry_after(response.headers.get("retry-after"), cap=min(30.0, self.timeout))
                        if wait is None:
                            wait = min(0.25 * 2 ** attempt, 4.0) * (0.5 + random.random() / 2)
                    else:
                        return response
            await asyncio.sleep(wait)

    async def fetch_text(self, url: str) -> Document:
        """A page's readable text; one fetch per URL per run, and a document cache across runs."""
        running = self._inflight.get(url)
        if running is not None:
            return await asyncio.shield(running)
        future: asyncio.Future = asyncio.get_running_loop().create_future()
        self._inflight[url] = future
        try:
            doc = await self._fetch_text(url)
        except BaseException as exc:
            future.set_exception(exc)
            future.exception()  # mark retrieved: a lone caller must not log "never retrieved"
            raise
        future.set_result(doc)
        return doc

    async def _fetch_text(self, url: str) -> Document:
        cached = self._cache_get(url)
        if cached is not None:
            return cached
        response = await self.request("GET", url, headers={"Accept": "text/html, application/pdf, text/plain;q=0.9, */*;q=0.5"})
        final = str(response.url)
        if response.status_code >= 400:
            raise FetchError(f"{url}: HTTP {response.status_code}", status=response.status_code, final_url=final)
        content_type = response.headers.get("content-type")
        doc = document_from_bytes(url, response.content, content_type, status=response.status_code, final_url=final,
                                  charset=response.charset_encoding)
        self._cache_put(doc)
        return doc

    async def read_file(self, path: Path, ref: str) -> Document:
        """A local document of the project (text, Markdown, HTML or PDF), size-capped."""
        try:
            size = path.stat().st_size
        except OSError as exc:
            raise FetchError(f"{ref}: cannot read: {exc.strerror}") from None
        if size > self.max_bytes:
            raise FetchError(f"{ref}: file of {size / 1e6:.0f} MB exceeds the {self.max_bytes // 1_000_000} MB cap")
        data = path.read_bytes()
        suffix = path.suffix.lower()
        kind = {".pdf": "application/pdf", ".html": "text/html", ".htm": "text/html"}.get(suffix, "text/plain")
        return document_from_bytes(ref, data, kind)

    # -- the document cache ------------------------------------------------------------------------

    def _cache_path(self, url: str) -> Path | None:
        if self._cache_dir is None or not self.cache_ttl:
            return None
        digest = hashlib.sha256(url.encode()).hexdigest()
        return self._cache_dir / digest[:2] / f"{digest}.json"

    def _cache_get(self, url: str) -> Document | None:
        path = self._cache_path(url)
        if path is None:
            return None
        try:
            st = path.stat()
            if time.time() - st.st_mtime > self.cache_ttl:
                return None
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if data.get("url") != url:
            return None
        return Document(**{**data, "from_cache": True})

    def _cache_put(self, doc: Document) -> None:
        path = self._cache_path(doc.url)
        if path is None:
            return
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(f".{os.getpid()}.tmp")
            tmp.write_text(json.dumps(attrs.asdict(doc), ensure_ascii=False), encoding="utf-8")
            os.replace(tmp, path)
        except OSError:
            pass  # a cache that cannot be written is only slower


def _decoded(response: Any, raw: bytes) -> bytes:
    """Undo Content-Encoding (gzip, deflate, br) on a raw body."""
    encoding = response.headers.get("content-encoding", "").lower().strip()
    if not encoding or encoding == "identity":
        return raw
    try:
        if encoding == "gzip":
            import gzip

            return gzip.decompress(raw)
        if encoding == "deflate":
            import zlib

            return zlib.decompress(raw)
    except (OSError, ValueError, Exception):
        return raw
    return raw


def _describe(exc: BaseException) -> str:
    import httpx

    if isinstance(exc, httpx.ConnectError):
        text = str(exc)
        if "Name or service not known" in text or "nodename nor servname" in text or "getaddrinfo" in text:
            return "DNS lookup failed (no such host)"
        return "connection refused or failed"
    if isinstance(exc, httpx.TimeoutException):
        return "timed out"
    if isinstance(exc, httpx.RemoteProtocolError):
        return "the server broke the connection"
    if isinstance(exc, httpx.NetworkError):
        return "network error (connection reset)"
    return f"{type(exc).__name__}: {exc}"
