"""``HttpPool``: the one HTTP client a claimcheck run shares between all its verifiers.

What it does for every request, in order:

1. refuses anything but http(s) (``safety.check_url``);
2. answers from the on-disk cache when it can, *without* entering httpx or aiohttp (the fast path);
3. otherwise waits for a slot for the host (default 4) and a global slot (default 16);
4. sends the request (aiohttp's session, or a shard of httpx transports), with a per-attempt timeout;
5. reads the body as a stream and stops at the size cap;
6. retries transient failures (network errors, 429, 5xx) with exponential backoff,
   honouring ``Retry-After`` on 429/503 up to a cap;
7. follows redirects itself, so it can refuse non-http targets, name loops, and keep the
   chain for the link checker.

Two transports. "aiohttp" (the default when aiohttp is installed): one
``aiohttp.ClientSession`` that the pool calls directly (``_send_aiohttp``), with no httpx in the
request path. Through httpx (httpx-aiohttp's transport, as the pool first did),
``benchmarks/http_pool.py`` cost 0.99-1.18 ms of CPU per request, ~0.45 ms of it (under a
profiler) httpx building and parsing its ``Request`` and URL and adapting aiohttp's response;
with aiohttp called directly, 0.73-0.92 ms (a bare ``aiohttp.ClientSession``, without the
pool's cache: ~0.25 ms). "httpcore"
(httpx's own transport, when aiohttp is missing): one ``httpx.AsyncClient`` transport turns
CPU-bound past ~10 connections (encode/httpx#3215), so the pool spreads hosts over several
transports ("shards") of at most 10 connections each (``_pick_shard``). Both send the same
request line, headers and bodies, and give the same answers and errors (tests/http runs every
test on both). See docs/http.md for the measurements.
"""

from __future__ import annotations

import asyncio
import errno
import random
import re
import socket
import time
import zlib
from collections import defaultdict
from pathlib import Path
from typing import TYPE_CHECKING, Any, AsyncIterator, Iterable, Mapping
from urllib.parse import urljoin, urlsplit

from claimcheck.http.cache import SLOW_PATH, DocumentCache, cache_key, open_storage
from claimcheck.http.documents import EXTRACTOR_VERSION, Document, extract, local_content_type, sniff_kind
from claimcheck.http.errors import (
    FetchError,
    HttpError,
    HttpStatusError,
    OfflineError,
    ResponseTooLarge,
    TooManyRedirects,
    UnsafePathError,
    UnsafeURLError,
    UnsupportedContent,
)
from claimcheck.http.response import LinkStatus, Response
from claimcheck.http.safety import check_url, has_scheme, resolve_local_path
from claimcheck.http.secrets import Redactor
from claimcheck.http.settings import HttpSettings

if TYPE_CHECKING:
    import httpx

#: statuses worth another attempt: rate limiting and server-side trouble
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
#: methods that are safe to send twice
IDEMPOTENT = frozenset({"GET", "HEAD", "OPTIONS"})
REDIRECTS = frozenset({301, 302, 303, 307, 308})
#: HEAD answers that some servers give while GET works (HEAD not implemented, blocked, or
#: routed to a 404): a link is only reported with one of these after a GET agrees
HEAD_DOUBTFUL = frozenset({400, 403, 404, 405, 410, 429, 501, 503})
#: the most connections one httpcore-backed transport is given (see the module docstring)
SHARD_CONNECTIONS = 10
#: the most httpcore transports a pool makes (each costs little: the TLS context is shared)
MAX_SHARDS = 128
#: documents bigger than this are extracted in a worker thread, so the loop keeps serving
THREAD_EXTRACT_BYTES = 256 * 1024


def _user_agent() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return f"claimcheck/{version('claimcheck')}"
    except PackageNotFoundError:
        return "claimcheck/0+unknown"


def _aiohttp_available() -> bool:
    from importlib.util import find_spec

    # find_spec, not import: aiohttp costs ~0.2 s to import, and a cached run never needs it.
    return find_spec("aiohttp") is not None


class _Shard:
    """One httpx transport (its own connection pool) and how many requests it is serving."""

    __slots__ = ("transport", "in_flight", "hosts")

    def __init__(self, transport: "httpx.AsyncBaseTransport") -> None:
        self.transport = transport
        self.in_flight = 0
        self.hosts = 0


class _Answer:
    """One hop's answer, body already read (internal)."""

    __slots__ = ("status", "headers", "content", "url")

    def __init__(self, status: int, headers: dict[str, str], content: bytes, url: str) -> None:
        self.status = status
        self.headers = headers
        self.content = content
        self.url = url


class HttpPool:
    """Shared HTTP access for verifiers: caching, limits, retries, size caps and URL safety.

    Use as ``async with HttpPool(settings, cache_dir=project / ".claimcheck" / "http-cache",
    root=project) as http: ...``. All methods are safe to call from many tasks at once.

    ``transport``: "auto" (aiohttp when installed, else httpcore), "aiohttp" or "httpcore".
    ``offline``: serve from the cache only; anything else raises ``OfflineError``.
    """

    def __init__(
        self,
        settings: HttpSettings | None = None,
        *,
        cache_dir: Path | str | None = None,
        root: Path | str | None = None,
        offline: bool = False,
        redactor: Redactor | None = None,
        transport: str = "auto",
    ) -> None:
        self.settings = settings or HttpSettings()
        self.cache_dir = Path(cache_dir) if cache_dir is not None else None
        self.root = Path(root) if root is not None else None
        self.offline = offline
        self.redactor = redactor if redactor is not None else Redactor.from_environ()
        if transport not in ("auto", "aiohttp", "httpcore"):
            raise ValueError(f"unknown transport {transport!r}")
        if transport == "auto":
            transport = "aiohttp" if _aiohttp_available() else "httpcore"
        self.transport = transport
        self.user_agent = self.settings.user_agent or _user_agent()
        #: counters for reports and benchmarks
        self.stats: dict[str, int] = defaultdict(int)
        #: the network clients, made on the first cache miss: aiohttp's session or httpcore's shards
        self._session: Any = None
        self._shards: list[_Shard] | None = None
        self._base_headers: dict[str, str] | None = None
        self._storage: Any = None
        self._reader: Any = None
        self._documents: DocumentCache | None = None
        self._global: asyncio.Semaphore | None = None
        self._hosts: dict[str, asyncio.Semaphore] = {}
        self._homes: dict[str, int] = {}
        self._closed = False
        #: extraction worker processes (``claimcheck.workers.Worker``), being started or up
        self._extractors: asyncio.Future | None = None
        self._no_workers = False
        #: workers ``start_extractors`` asked for, started on the first extraction
        self._armed = 0

    # -- life cycle ---------------------------------------------------------------------

    async def __aenter__(self) -> "HttpPool":
        self._start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    def _start(self) -> None:
        """Open the cache (cheap). Network clients are made on the first cache miss."""
        if self._closed:
            raise RuntimeError("this HttpPool is closed")
        if self._global is not None:
            return
        settings = self.settings
        if self.cache_dir is not None:
            self._storage, self._reader = open_storage(
                self.cache_dir, ttl=settings.cache_ttl, max_bytes=settings.cache_max_bytes, redact=self.redactor
            )
            self._documents = DocumentCache(self.cache_dir / "documents.sqlite")
        self._global = asyncio.Semaphore(settings.max_concurrency)

    def _start_network(self) -> None:
        # Creating clients loads the TLS trust store (~0.1 s) and aiohttp (~0.2 s): a run
        # served from the cache skips both.
        if self._base_headers is not None:
            return
        import httpx

        timeout = self.settings.timeout
        self._timeout = {"connect": min(10.0, timeout), "read": timeout, "write": timeout, "pool": timeout}
        self._base_headers = {
            "User-Agent": self.user_agent,
            "Accept": "*/*",
            # Only what zlib can undo: bodies are decoded before they are cached.
            "Accept-Encoding": "gzip, deflate",
        }
        self._ssl = httpx.create_ssl_context()  # one trust store for the session or every shard
        if self.transport == "aiohttp":
            self._session = self._make_session()
        else:
            self._shards = [_Shard(self._make_transport(SHARD_CONNECTIONS))]

    def _make_session(self) -> Any:
        import aiohttp

        timeout = self._timeout
        connector = aiohttp.TCPConnector(
            ssl=self._ssl,
            # Keep-alive for every connection we may open: reconnecting costs more than an idle
            # socket. No per-host limit here: the pool's own semaphores hold it.
            limit=self.settings.max_concurrency,
            limit_per_host=0,
            keepalive_timeout=5.0,  # httpx's default, as with the httpcore transport
        )
        return aiohttp.ClientSession(
            connector=connector,
            cookie_jar=aiohttp.DummyCookieJar(),  # no cookies kept between requests
            trust_env=False,  # no proxies or .netrc from the environment
            auto_decompress=False,  # bodies are decoded by _decode_body, under the size cap
            timeout=aiohttp.ClientTimeout(
                total=None, connect=timeout["pool"], sock_connect=timeout["connect"], sock_read=timeout["read"]
            ),
        )

    def _make_transport(self, connections: int) -> Any:
        import httpx

        # Keep-alive for every connection we may open: reconnecting costs more than an idle socket.
        limits = httpx.Limits(max_connections=connections, max_keepalive_connections=connections)
        return httpx.AsyncHTTPTransport(verify=self._ssl, limits=limits)

    async def aclose(self) -> None:
        """Close connections and the cache. Idempotent."""
        self._closed = True
        session, self._session = self._session, None
        if session is not None:
            await session.close()
        shards, self._shards = self._shards, None
        for shard in shards or ():
            await shard.transport.aclose()
        if self._storage is not None:
            await self._storage.close()
            self._storage = None
        if self._documents is not None:
            self._documents.close()
            self._documents = None
        extractors, self._extractors = self._extractors, None
        if extractors is not None:
            try:
                workers = await extractors
            except Exception:
                workers = []
            for worker in workers:
                await worker.close()

    # -- public API -----------------------------------------------------------------------

    async def get(
        self,
        url: str,
        *,
        params: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
        cache: bool = True,
        max_bytes: int | None = None,
    ) -> Response:
        """GET ``url`` (http/https only) and read the whole body. Non-2xx statuses are returned, not raised.

        Raises ``UnsafeURLError``, ``FetchError`` (network, after retries), ``TooManyRedirects``,
        ``ResponseTooLarge``, ``OfflineError``.
        """
        return await self.request("GET", url, params=params, headers=headers, cache=cache, max_bytes=max_bytes)

    async def head(self, url: str, *, cache: bool = True) -> Response:
        """HEAD ``url``, following redirects; the body is empty."""
        return await self.request("HEAD", url, cache=cache)

    async def request(
        self,
        method: str,
        url: str,
        *,
        params: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
        json: Any = None,
        data: Mapping[str, Any] | bytes | None = None,
        cache: bool = True,
        follow_redirects: bool = True,
        max_bytes: int | None = None,
        read_body: bool = True,
    ) -> Response:
        """Any method. Only GET and HEAD are cached; only idempotent methods are retried.
        ``data``: a form (a mapping, sent URL-encoded) or the raw body (bytes)."""
        method = method.upper()
        try:
            url = check_url(url)
        except UnsafeURLError as error:
            raise UnsafeURLError(self.redactor(str(error)), url=self.redactor(url)) from None
        if params:
            url = _with_params(url, params)
        shown = self.redactor.redact(url)
        cacheable = cache and self._storage is not None and method in ("GET", "HEAD") and not (json or data)
        key = cache_key(method, shown) if cacheable else None
        self._start()
        if key is not None:
            hit = await self._from_cache(method, shown, key, max_bytes or self.settings.max_bytes, read_body)
            if hit is not None:
                return hit
        if self.offline:
            raise OfflineError(f"offline: {shown} is not in the HTTP cache", url=shown, reason="offline")
        self.stats["network"] += 1

        seen = [url]
        current = url
        while True:
            answer = await self._attempts(
                method, current, headers=headers, json=json, data=data,
                max_bytes=max_bytes or self.settings.max_bytes, read_body=read_body,
            )
            if not (follow_redirects and answer.status in REDIRECTS and answer.headers.get("location")):
                break
            target = urljoin(current, answer.headers["location"].strip())
            try:
                check_url(target)
            except UnsafeURLError:
                raise UnsafeURLError(
                    f"{self.redactor(current)} redirects to a non-http(s) URL: {self.redactor(target)}", url=shown
                ) from None
            if target in seen:
                chain = " -> ".join(self.redactor(u) for u in [*seen[seen.index(target):], target])
                raise TooManyRedirects(f"redirect loop: {chain}", url=shown, chain=tuple(map(self.redactor, seen)))
            if len(seen) > self.settings.max_redirects:
                raise TooManyRedirects(
                    f"more than {self.settings.max_redirects} redirects from {shown}",
                    url=shown, chain=tuple(map(self.redactor, seen)),
                )
            if answer.status == 303 or (answer.status in (301, 302) and method == "POST"):
                method, json, data = ("HEAD" if method == "HEAD" else "GET"), None, None
            seen.append(target)
            current = target
        if key is not None and (read_body or method == "HEAD") and 200 <= answer.status < 300 and answer.status != 206:
            # Stored after the concurrency slots are released: a slot is held only while
            # the network is in use.
            await self._store(key, method, answer)
        return Response(
            url=shown,
            final_url=self.redactor(answer.url),
            status=answer.status,
            headers=answer.headers,
            content=answer.content,
            from_cache=False,
            redirects=tuple(self.redactor(u) for u in seen[:-1]),
        )

    async def check(self, url: str, *, cache: bool = True) -> LinkStatus:
        """Status of a link for a link checker: never raises for a bad link, reports it.

        Uses HEAD, and GET (body not read) when HEAD gives an answer a GET may contradict
        (``HEAD_DOUBTFUL``: 404, 405, 501, 403...), so a live source is never reported dead
        because its server mishandles HEAD.
        """
        try:
            response = await self.request("HEAD", url, cache=cache, read_body=False)
            if response.status in HEAD_DOUBTFUL:
                response = await self.request("GET", url, cache=cache, read_body=False)
        except UnsafeURLError as error:
            return LinkStatus(url=self.redactor(url), status=None, reason="unsafe", error=str(error))
        except TooManyRedirects as error:
            return LinkStatus(
                url=self.redactor(url), status=None, redirects=error.chain, reason="redirect-loop", error=str(error)
            )
        except FetchError as error:
            return LinkStatus(url=self.redactor(url), status=None, reason=error.reason, error=str(error))
        except ResponseTooLarge as error:  # pragma: no cover - read_body=False reads nothing
            return LinkStatus(url=self.redactor(url), status=None, reason="too-large", error=str(error))
        return LinkStatus(
            url=response.url,
            status=response.status,
            final_url=response.final_url,
            redirects=response.redirects,
            from_cache=response.from_cache,
        )

    async def fetch_text(self, url_or_path: str | Path, *, metadata: bool = True) -> Document:
        """The readable text of an http(s) URL or of a document inside the project.

        HTML: main text via trafilatura, with title/publisher/date/author from the page.
        PDF: text of every page via pypdf. text/*, JSON, XML: decoded as they are.
        ``metadata=False``: the text only (title, publisher, date, author left ``None``), for
        callers that do not use them: on HTML that halves the extraction's CPU.
        Raises ``HttpStatusError`` (non-2xx), ``UnsupportedContent`` (an image...),
        ``UnsafeURLError``/``UnsafePathError``, and whatever ``get`` raises.
        """
        target = str(url_or_path).strip()
        if not has_scheme(target):
            return await self._read_local(target, metadata)
        response = await self.get(target)
        if not response.ok:
            raise HttpStatusError(
                f"HTTP {response.status} for {response.url}", url=response.url, status=response.status
            )
        content_type = response.content_type
        try:
            kind = sniff_kind(content_type, response.content, suffix=_suffix(response.final_url))
        except UnsupportedContent as error:
            raise UnsupportedContent(f"{response.url}: {error}", url=response.url) from None
        fields = await self._extract(
            response.content, kind, response.headers.get("content-type", ""), response.final_url, metadata
        )
        return Document(
            url=response.url,
            final_url=response.final_url,
            status=response.status,
            content_type=content_type,
            kind=kind,
            from_cache=response.from_cache,
            **fields,
        )

    # -- local documents --------------------------------------------------------------------

    async def _read_local(self, target: str, metadata: bool) -> Document:
        if self.root is None:
            raise UnsafePathError(f"cannot read local document {target!r}: no project root was given", url=target)
        path = resolve_local_path(target, self.root)
        limit = self.settings.max_bytes
        try:
            size = path.stat().st_size
            if not path.is_file():
                raise HttpError(f"local document {target!r} is not a file", url=target)
            if size > limit:
                raise ResponseTooLarge(
                    f"local document {target} is {size} bytes, larger than the {_mb(limit)} cap", url=target, limit=limit
                )
            body = path.read_bytes()
        except FileNotFoundError:
            raise HttpError(f"local document {target!r} does not exist", url=target) from None
        except OSError as error:
            raise HttpError(f"cannot read local document {target!r}: {error.strerror}", url=target) from None
        content_type = local_content_type(path)
        try:
            kind = sniff_kind(content_type, body, suffix=path.suffix.lower())
        except UnsupportedContent as error:
            raise UnsupportedContent(f"{target}: {error}", url=target) from None
        fields = await self._extract(body, kind, content_type, path.as_uri(), metadata)
        return Document(
            url=target, final_url=str(path), status=200, content_type=content_type, kind=kind, **fields
        )

    async def _extract(self, body: bytes, kind: str, content_type: str, url: str, metadata: bool) -> dict[str, Any]:
        documents = self._documents
        version = EXTRACTOR_VERSION if metadata else f"{EXTRACTOR_VERSION}-text"  # text-only documents apart
        key = DocumentCache.key(url, body, version) if documents is not None else ""
        if documents is not None:
            cached = documents.get(key)
            if cached is not None:
                return cached
        fields: dict[str, Any] | None = None
        worker = await self._extractor()
        if worker is not None:
            from claimcheck.workers import WorkerGone

            try:
                fields = await worker.call(
                    "extract", body, kind=kind, content_type=content_type, url=url, metadata=metadata
                )
            except WorkerGone:
                self._no_workers = True  # a worker died (out of memory, killed): extract here
        if fields is not None:
            pass
        elif len(body) > THREAD_EXTRACT_BYTES:
            fields = await asyncio.to_thread(
                extract, body, kind=kind, content_type=content_type, url=url, metadata=metadata
            )
        else:
            fields = extract(body, kind=kind, content_type=content_type, url=url, metadata=metadata)
        if documents is not None:
            documents.put(key, fields)
        return fields

    def start_extractors(self, processes: int) -> None:
        """Use ``processes`` extraction workers, for a run about to read many pages.

        They are started on the first document that has to be extracted (a run served from the
        document cache never starts them). Starting a worker and importing trafilatura in it
        takes a second or more; documents that arrive before the workers are ready are
        extracted in this process rather than waiting. Does nothing when workers are already
        configured (``extract_processes``) or failed.
        """
        if processes > 0 and self._extractors is None and not self._no_workers and self.settings.extract_processes <= 0:
            self._armed = processes

    async def _extractor(self) -> Any:
        """The extraction worker with the fewest documents in hand, or ``None`` (extract here).

        trafilatura takes 2-4 ms of CPU per page, more than the network work of a request: a
        run over thousands of pages is bound by it, and worker processes move it off the event
        loop's core. ``claimcheck.workers`` rather than a process pool: calls go over pipes
        read by the event loop itself, with no manager and feeder threads to fight the loop for
        the GIL (those cost the loop ~0.7 ms per document here).
        """
        if self._no_workers:
            return None
        if self._extractors is None:
            processes = self.settings.extract_processes or self._armed
            if processes <= 0:
                return None
            self._armed = 0
            self._extractors = asyncio.ensure_future(_start_extractors(processes))
        if not self._extractors.done():
            if not self.settings.extract_processes:
                return None  # started for a run (``start_extractors``): nothing waits for them
            try:
                await asyncio.shield(self._extractors)
            except Exception:
                pass  # could not start: extract here (below)
        if self._extractors.cancelled() or self._extractors.exception() is not None:
            self._no_workers = True
            return None
        workers = [w for w in self._extractors.result() if w.alive]
        if not workers:
            self._no_workers = True
            return None
        return min(workers, key=lambda w: w.pending)

    # -- cache fast path ---------------------------------------------------------------------

    async def _from_cache(self, method: str, shown: str, key: str, max_bytes: int, read_body: bool) -> Response | None:
        found = self._reader.lookup(key, method)
        if found is None:
            return None
        if found is not SLOW_PATH:
            headers = found.headers
            body = _decode_body(found.body, headers.pop("content-encoding", ""), max_bytes, shown) if read_body else b""
            self.stats["cache_hits"] += 1
            return Response(
                url=shown, final_url=found.url, status=found.status, headers=headers, content=body, from_cache=True
            )
        entries = await self._storage.get_entries(key)
        entry = next((e for e in entries if e.request.method == method), None)
        if entry is None:
            return None
        headers = {name: ", ".join(entry.response.headers.get_list(name) or ()) for name in entry.response.headers}
        chunks = []
        stream = entry.response.stream
        if read_body and method != "HEAD":
            async for chunk in stream:
                chunks.append(chunk)
        elif hasattr(stream, "aclose"):
            await stream.aclose()
        body = _decode_body(b"".join(chunks), headers.pop("content-encoding", ""), max_bytes, shown)
        self.stats["cache_hits"] += 1
        return Response(
            url=shown,
            final_url=entry.request.url,
            status=entry.response.status_code,
            headers=headers,
            content=body,
            from_cache=True,
        )

    # -- network --------------------------------------------------------------------------------

    def _host_limit(self, host: str) -> asyncio.Semaphore:
        semaphore = self._hosts.get(host)
        if semaphore is None:
            semaphore = self._hosts[host] = asyncio.Semaphore(self.settings.max_per_host)
        return semaphore

    def _pick_shard(self, host: str) -> _Shard:
        """The shard (httpx transport) for a request to ``host`` (httpcore only).

        Every host gets a home shard holding at most
        ``SHARD_CONNECTIONS // max_per_host`` hosts (2 with the defaults), so a shard never has
        more than 10 connections, idle ones included: httpcore's scheduling cost grows with the
        connections of its pool (encode/httpx#3215), and a pool shared by more hosts than it
        has connections keeps closing one host's idle connection to open another's. Shards are
        added as hosts appear, up to ``MAX_SHARDS``; past that, hosts share the least-loaded.
        """
        if self._shards is None:
            self._start_network()
        shards = self._shards
        assert shards is not None
        index = self._homes.get(host)
        if index is None:
            per_shard = max(1, SHARD_CONNECTIONS // self.settings.max_per_host)
            open_shards = [i for i, shard in enumerate(shards) if shard.hosts < per_shard]
            if open_shards:
                index = open_shards[0]
            elif len(shards) < MAX_SHARDS:
                shards.append(_Shard(self._make_transport(SHARD_CONNECTIONS)))
                index = len(shards) - 1
            else:
                index = min(range(len(shards)), key=lambda i: (shards[i].hosts, shards[i].in_flight))
            self._homes[host] = index
            shards[index].hosts += 1
        shard = shards[index]
        if shard.in_flight >= SHARD_CONNECTIONS:  # only when hosts share shards past MAX_SHARDS
            shard = min(shards, key=lambda candidate: candidate.in_flight)
        return shard

    async def _attempts(
        self,
        method: str,
        url: str,
        *,
        headers: Mapping[str, str] | None,
        json: Any,
        data: Any,
        max_bytes: int,
        read_body: bool,
    ) -> _Answer:
        settings = self.settings
        parts = urlsplit(url)
        host = parts.netloc.lower().rsplit("@", 1)[-1]
        shown = self.redactor(url)
        retryable = method in IDEMPOTENT
        self._start_network()
        direct = self._session is not None
        attempt = 0
        while True:
            failure: FetchError | None = None
            answer: _Answer | None = None
            async with self._host_limit(host):
                assert self._global is not None
                async with self._global:
                    shard = None if direct else self._pick_shard(host)
                    if shard is not None:
                        shard.in_flight += 1
                    try:
                        async with asyncio.timeout(settings.timeout):
                            if shard is None:
                                answer = await self._send_aiohttp(
                                    method, url, headers, json, data, max_bytes, read_body, shown
                                )
                            else:
                                answer = await self._send(
                                    shard, method, url, headers, json, data, max_bytes, read_body, shown
                                )
                    except TimeoutError as error:
                        if type(error) is TimeoutError:  # our asyncio.timeout, not a transport's own
                            failure = FetchError(
                                f"timed out after {settings.timeout:g} s: {shown}", url=shown, reason="timeout"
                            )
                        else:  # aiohttp's connect/read timeouts are TimeoutError subclasses
                            failure = _network_failure(error, shown, host)
                    except HttpError:
                        raise
                    except Exception as error:  # httpx/aiohttp/OS errors, classified below
                        failure = _network_failure(error, shown, host)
                    finally:
                        if shard is not None:
                            shard.in_flight -= 1
            self.stats["attempts"] += 1
            if answer is not None:
                if not (retryable and answer.status in RETRY_STATUSES and attempt < settings.retries):
                    return answer
                delay = self._retry_delay(answer, attempt)
                if delay is None:
                    return answer  # Retry-After longer than we are willing to wait: report the 429/503
            else:
                assert failure is not None
                if not (retryable and failure.reason in ("connect", "timeout", "reset", "protocol")) or attempt >= settings.retries:
                    raise failure
                delay = self._backoff(attempt)
            self.stats["retries"] += 1
            attempt += 1
            await asyncio.sleep(delay)

    def _backoff(self, attempt: int) -> float:
        base = min(self.settings.backoff_max, self.settings.backoff * (2**attempt))
        return base / 2 + random.uniform(0, base / 2)  # jitter, so retries of many tasks spread out

    def _retry_delay(self, answer: _Answer, attempt: int) -> float | None:
        if answer.status in (429, 503):
            seconds = _retry_after(answer.headers.get("retry-after"))
            if seconds is not None:
                return seconds if seconds <= self.settings.retry_after_max else None
        return self._backoff(attempt)

    async def _send(
        self,
        shard: _Shard,
        method: str,
        url: str,
        headers: Mapping[str, str] | None,
        json: Any,
        data: Any,
        max_bytes: int,
        read_body: bool,
        shown: str,
    ) -> _Answer:
        import httpx

        # The transport is called directly: redirects, cookies and auth flows are not wanted
        # here, and httpx.AsyncClient.send's wrappers cost more CPU than the rest of a request.
        raw = data if isinstance(data, (bytes, str)) else None  # httpx takes a raw body as content=
        request = httpx.Request(
            method,
            url,
            headers={**self._base_headers, **headers} if headers else self._base_headers,
            json=json,
            data=None if raw is not None else data,
            content=raw,
            extensions={"timeout": self._timeout},
        )
        response = await shard.transport.handle_async_request(request)
        try:
            content = b""
            if read_body and method != "HEAD":
                content = await _read_body(response.headers.get("content-length"), response.aiter_bytes(), max_bytes, shown)
        finally:
            await response.aclose()
        return _Answer(response.status_code, _headers(response.headers.multi_items()), content, url)

    async def _send_aiohttp(
        self,
        method: str,
        url: str,
        headers: Mapping[str, str] | None,
        json: Any,
        data: Any,
        max_bytes: int,
        read_body: bool,
        shown: str,
    ) -> _Answer:
        """One request through the pool's aiohttp session: what ``_send`` does, without httpx.

        The request line, headers and body are the ones the httpcore path sends (tested against
        a server that records them); aiohttp does not follow redirects, keep cookies, decode
        bodies or add headers of its own (ours name User-Agent, Accept and Accept-Encoding).
        """
        assert self._base_headers is not None
        sent = {**self._base_headers, **headers} if headers else self._base_headers
        body: bytes | None = None
        extra: dict[str, Any] = {}
        if json is not None or data:
            body, content_type = _encode_body(json, data)
            if content_type is not None and not any(name.lower() == "content-type" for name in sent):
                sent = {**sent, "Content-Type": content_type}
        if method in ("POST", "PUT", "PATCH") and not any(name.lower() == "content-type" for name in sent):
            extra["skip_auto_headers"] = ("Content-Type",)  # aiohttp would add one; httpx sends none
        response = await self._session.request(
            method, _wire_url(url), headers=sent, data=body, allow_redirects=False, **extra
        )
        try:
            content = b""
            if read_body and method != "HEAD":
                content = await _read_body(
                    response.headers.get("Content-Length"), response.content.iter_any(), max_bytes, shown
                )
                encoding = response.headers.get("Content-Encoding")
                if encoding:
                    content = _decode_body(content, encoding, max_bytes, shown)
        except BaseException:
            response.close()  # a body left half-read: the connection cannot be reused
            raise
        response.release()  # back to the keep-alive pool (closed instead when the body was not read)
        return _Answer(response.status, _headers(response.headers.items()), content, url)

    async def _store(self, key: str, method: str, answer: _Answer) -> None:
        """Write a fully read answer into hishel's storage (a 206 or an unread body never is)."""
        from hishel import Headers, Request
        from hishel import Response as StoredResponse

        headers = {name: value for name, value in answer.headers.items() if name not in ("content-length", "transfer-encoding")}
        headers["content-length"] = str(len(answer.content))

        async def body() -> Any:
            yield answer.content

        entry = await self._storage.create_entry(
            Request(method=method, url=self.redactor(answer.url), headers=Headers({})),
            StoredResponse(status_code=answer.status, headers=Headers(headers), stream=body()),
            key,
        )
        # hishel saves the body while it is read, and publishes the entry at the end.
        async for _ in entry.response.stream:
            pass


# -- helpers ---------------------------------------------------------------------------------------


async def _start_extractors(processes: int) -> list[Any]:
    """Start extraction workers and wait until each has imported what extraction needs."""
    from claimcheck.workers import Worker

    workers = list(await asyncio.gather(*(Worker.start("claimcheck.http.documents") for _ in range(processes))))
    try:
        await asyncio.gather(*(w.call("warm_up") for w in workers))
    except BaseException:
        for worker in workers:
            await worker.close()
        raise
    return workers


def _with_params(url: str, params: Mapping[str, Any]) -> str:
    from urllib.parse import urlencode

    pairs = []
    for name, value in params.items():
        values = value if isinstance(value, (list, tuple)) else [value]
        pairs.extend((name, str(item)) for item in values if item is not None)
    query = urlencode(pairs)
    if not query:
        return url
    base, _, fragment = url.partition("#")
    joined = f"{base}&{query}" if "?" in base else f"{base}?{query}"
    return f"{joined}#{fragment}" if fragment else joined


async def _read_body(declared: str | None, chunks: AsyncIterator[bytes], max_bytes: int, shown: str) -> bytes:
    """Read a body, refusing a declared length past the cap before reading and stopping past it."""
    if declared is not None and declared.isdigit() and int(declared) > max_bytes:
        raise ResponseTooLarge(
            f"{shown} is {int(declared)} bytes, larger than the {_mb(max_bytes)} cap", url=shown, limit=max_bytes
        )
    out: list[bytes] = []
    total = 0
    async for chunk in chunks:
        total += len(chunk)
        if total > max_bytes:
            raise ResponseTooLarge(
                f"{shown} is larger than the {_mb(max_bytes)} cap; stopped reading", url=shown, limit=max_bytes
            )
        out.append(chunk)
    return b"".join(out)


# URLs sent exactly as given: ASCII, a lower-case host, no dot segments ("/."), and none of the
# characters httpx percent-encodes in a path or query ('"', "<", ">", "`", "{", "}"). Spaces and
# control characters never get here (``check_url`` refuses them).
_WIRE_AS_GIVEN = re.compile(r"^https?://[a-z0-9.\-]+(?::[0-9]+)?(?:[/?#][!#-;=?-_a-z|~]*)?$")


def _wire_url(url: str) -> Any:
    """``url`` as aiohttp should send it: the request line and Host header httpx would send.

    aiohttp re-quotes a URL given as a string (``%41`` becomes ``A``, ``%zz`` ``%25zz``, ``%2F``
    in a query ``/``); httpx
    sends what it was given, percent-encoding only what must be (non-ASCII, quotes, ``<>``,
    braces and backquotes in the path) and removing dot segments. So a URL that needs none of
    that goes to aiohttp as it is (``encoded=True``), and any other is normalised by
    ``httpx.URL`` first (rare, so httpx's ~20 µs of parsing do not matter).
    """
    from yarl import URL

    if _WIRE_AS_GIVEN.match(url) is None or "/." in url:
        import httpx

        url = str(httpx.URL(url))
    return URL(url, encoded=True)


def _encode_body(json: Any, data: Any) -> tuple[bytes, str | None]:
    """The body and Content-Type httpx sends for ``json=`` or ``data=`` (the same bytes)."""
    if data and isinstance(data, Mapping):
        from urllib.parse import urlencode

        pairs = []
        for name, value in data.items():
            for item in value if isinstance(value, (list, tuple)) else [value]:
                pairs.append((name, "true" if item is True else "false" if item is False else "" if item is None else str(item)))
        return urlencode(pairs).encode("utf-8"), "application/x-www-form-urlencoded"
    if data:  # raw bytes or text, which httpx takes too (as content=)
        return (data.encode("utf-8") if isinstance(data, str) else bytes(data)), None
    import json as json_module

    text = json_module.dumps(json, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return text.encode("utf-8"), "application/json"


def _headers(items: Iterable[tuple[str, str]]) -> dict[str, str]:
    """An answer's headers as a dict of lower-case names, a repeated header's values joined with
    ", ", without Content-Encoding: the body handed back is decoded."""
    out: dict[str, str] = {}
    for name, value in items:
        name = name.lower()
        out[name] = f"{out[name]}, {value}" if name in out else value
    out.pop("content-encoding", None)
    return out


def _decode_body(body: bytes, encoding: str, max_bytes: int, shown: str) -> bytes:
    encoding = encoding.strip().lower()
    if encoding in ("gzip", "x-gzip", "deflate"):
        wbits = 31 if "gzip" in encoding else 15
        try:
            decoder = zlib.decompressobj(wbits)
            out = decoder.decompress(body, max_bytes + 1)
        except zlib.error:
            if encoding != "deflate":
                raise
            decoder = zlib.decompressobj(-15)  # raw deflate, as some servers send
            out = decoder.decompress(body, max_bytes + 1)
        body = out
    if len(body) > max_bytes:
        raise ResponseTooLarge(f"{shown} is larger than the {_mb(max_bytes)} cap", url=shown, limit=max_bytes)
    return body


def _retry_after(value: str | None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    import email.utils

    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when is None:
        return None
    return max(0.0, when.timestamp() - time.time())


def _network_failure(error: BaseException, shown: str, host: str) -> FetchError:
    """Turn an httpx/aiohttp/OS exception into a FetchError with a reason and one sentence."""
    chain: list[BaseException] = []
    seen: BaseException | None = error
    while seen is not None and seen not in chain:
        chain.append(seen)
        os_error = getattr(seen, "os_error", None)  # aiohttp keeps the OSError here
        if isinstance(os_error, BaseException) and os_error not in chain:
            chain.append(os_error)
        seen = seen.__cause__ or seen.__context__
    names = {type(item).__name__ for item in chain}
    name = host.rsplit(":", 1)[0] if not host.endswith("]") else host
    if any(isinstance(item, socket.gaierror) for item in chain) or "ClientConnectorDNSError" in names:
        return FetchError(f"DNS lookup failed: host {name} not found ({shown})", url=shown, reason="dns")
    if any(isinstance(item, ConnectionRefusedError) for item in chain):
        return FetchError(f"connection refused by {host} ({shown})", url=shown, reason="connect")
    tls = _tls_failure(chain, host, shown)
    if tls is not None:
        return tls
    if any(isinstance(item, ConnectionResetError) for item in chain) or names & {
        "ServerDisconnectedError", "RemoteProtocolError", "ReadError", "ClientPayloadError",
        "ClientConnectionError", "ServerConnectionError",  # aiohttp: the connection closed mid-answer
    } or any(getattr(item, "errno", None) in (errno.ECONNRESET, errno.EPIPE) for item in chain):
        return FetchError(f"connection reset by {host} ({shown})", url=shown, reason="reset")
    if names & {
        "ConnectTimeout", "ReadTimeout", "WriteTimeout", "PoolTimeout",
        "ServerTimeoutError", "SocketTimeoutError", "ConnectionTimeoutError",
    }:
        return FetchError(f"timed out talking to {host} ({shown})", url=shown, reason="timeout")
    if names & {
        "ConnectError", "ClientConnectorError", "ClientOSError", "ConnectionError",
        "ClientSSLError", "ClientConnectorSSLError", "ClientConnectorCertificateError",
    }:
        return FetchError(f"could not connect to {host} ({shown})", url=shown, reason="connect")
    if names & {"LocalProtocolError", "ProtocolError", "ClientResponseError", "TooManyRedirects", "DecodingError"} or any(
        isinstance(item, zlib.error) for item in chain  # a body its Content-Encoding does not undo
    ):
        return FetchError(f"bad HTTP answer from {host} ({shown}): {error}", url=shown, reason="protocol")
    return FetchError(f"request to {shown} failed: {type(error).__name__}: {error}", url=shown, reason="error")


def _tls_failure(chain: list[BaseException], host: str, shown: str) -> FetchError | None:
    """A TLS failure, said exactly ("certificate has expired", "Hostname mismatch"): a source whose
    certificate is not trusted is a finding for a fact-checker, not a network hiccup, and it is
    not retried (reason ``tls``)."""
    import ssl

    for item in chain:
        # aiohttp's error is itself a CertificateError (the same class as SSLCertVerificationError,
        # without its fields): the one it wraps, kept as ``certificate_error``, says why
        failed = getattr(item, "certificate_error", item)
        if isinstance(failed, ssl.SSLCertVerificationError):
            why = (getattr(failed, "verify_message", None) or getattr(failed, "reason", None) or "certificate verify failed").rstrip(".")
            return FetchError(f"the TLS certificate of {host} is not trusted: {why} ({shown})", url=shown, reason="tls")
    for item in chain:
        if isinstance(item, ssl.SSLError) and not isinstance(item, (ssl.SSLEOFError, ssl.SSLZeroReturnError)):
            why = item.reason or type(item).__name__
            return FetchError(f"the TLS handshake with {host} failed: {why} ({shown})", url=shown, reason="tls")
    return None


def _suffix(url: str) -> str:
    """".pdf" for "https://x.org/a/report.PDF?dl=1"; "" when the path has no suffix."""
    path = url.partition("#")[0].partition("?")[0]
    if path.count("/") < 3:  # "https://host" has no path
        return ""
    dot, slash = path.rfind("."), path.rfind("/")
    return path[dot:].lower() if dot > slash else ""


def _mb(size: int) -> str:
    mb = 1024 * 1024
    if size >= mb:
        return f"{size / mb:g} MB"
    return f"{size} bytes"
