"""The HTTP side of a verify run, as verifiers see it through ``ctx``: a thin adapter over
``claimcheck.http.HttpPool`` (cache, limits, retries, size caps, URL safety; docs/http.md).

What the adapter adds for a run: one fetch per URL (source-text and link-check reading the
same page make one request and one extraction, whether they ask at the same moment or one
after the other: recent answers are remembered for the run), and the translation of the HTTP
layer's errors into the three a verifier handles (``claimcheck.FetchError``, ``SourceRefused``,
``Offline``), each one human sentence with secrets blanked.
"""

from __future__ import annotations

import asyncio
from collections import OrderedDict
from pathlib import Path
from typing import Any

from claimcheck.context import FetchError, Offline, SourceRefused


def _translate(error: BaseException) -> Exception:
    from claimcheck.http import (HttpStatusError, OfflineError, TooManyRedirects, UnsafePathError,
                                 UnsafeURLError)
    from claimcheck.http import FetchError as NetError

    text = str(error)
    if isinstance(error, (UnsafeURLError, UnsafePathError)):
        return SourceRefused(text)
    if isinstance(error, OfflineError):
        return Offline(text)
    if isinstance(error, HttpStatusError):
        return FetchError(text, status=error.status, final_url=getattr(error, "url", None))
    if isinstance(error, TooManyRedirects):
        return FetchError(text, reason="redirect-loop")
    if isinstance(error, NetError):
        return FetchError(text, reason=error.reason)
    return FetchError(text)


class Web:
    """One run's HTTP access over an ``HttpPool``."""

    #: how many recent answers of ``fetch_text`` are remembered. The verifiers of one claim read
    #: its sources within moments of each other, and at most 2 x concurrency claims are in
    #: flight, so a few hundred cover them; a bound keeps memory flat on a long run.
    REMEMBERED = 512

    def __init__(self, pool: Any) -> None:
        self.pool = pool
        self._inflight: dict[tuple[str, bool], asyncio.Future] = {}
        #: (url, with metadata) -> (ok, document or error)
        self._recent: OrderedDict[tuple[str, bool], tuple[bool, Any]] = OrderedDict()
        self._entered = False
        self._client: Any = None

    async def _ready(self) -> Any:
        # The pool opens its cache on entry; a request made before that would bypass the cache.
        if not self._entered:
            self._entered = True
            await self.pool.__aenter__()
        return self.pool

    @property
    def requests_made(self) -> int:
        return int(self.pool.stats.get("network", 0))

    @property
    def cache_hits(self) -> int:
        return int(self.pool.stats.get("cache_hits", 0))

    def start_extractors(self, processes: int) -> None:
        """Extract pages in worker processes from now on (see ``HttpPool.start_extractors``)."""
        start = getattr(self.pool, "start_extractors", None)
        if start is not None:
            start(processes)

    async def client(self) -> Any:
        """The run's one ``httpx.AsyncClient``, whose requests all go through the pool
        (``claimcheck.http.client``); made on first use."""
        if self._client is None:
            from claimcheck.http.client import pool_client

            self._client = pool_client(await self._ready())
        return self._client

    async def aclose(self) -> None:
        if self._client is not None:
            await self._client.aclose()
        await self.pool.aclose()

    async def request(self, method: str, url: str, **kwargs: Any) -> Any:
        from claimcheck.http import HttpError

        try:
            return await (await self._ready()).request(method, url, **kwargs)
        except HttpError as exc:
            raise _translate(exc) from None

    async def check(self, url: str) -> Any:
        return await (await self._ready()).check(url)

    async def fetch_text(self, url: str, metadata: bool = True) -> Any:
        """A page's readable text; callers for one URL in one run share one fetch (and its
        failure: a dead link is not asked twice in a run). A document read with its metadata
        serves callers that do not need it too; one read without serves only those."""
        if not metadata and ((url, True) in self._recent or (url, True) in self._inflight):
            key = (url, True)
        else:
            key = (url, metadata)
        recent = self._recent.get(key)
        if recent is not None:
            self._recent.move_to_end(key)
            ok, value = recent
            if ok:
                return value
            raise value
        running = self._inflight.get(key)
        if running is not None:
            return await asyncio.shield(running)
        future: asyncio.Future = asyncio.get_running_loop().create_future()
        self._inflight[key] = future
        try:
            doc = await self._fetch(url, metadata)
        except asyncio.CancelledError as exc:
            future.set_exception(exc)
            future.exception()
            raise
        except BaseException as exc:
            future.set_exception(exc)
            future.exception()  # retrieved: a lone caller must not log "never retrieved"
            if isinstance(exc, Exception):
                self._remember(key, False, exc)
            raise
        finally:
            self._inflight.pop(key, None)
        future.set_result(doc)
        self._remember(key, True, doc)
        return doc

    def _remember(self, key: tuple[str, bool], ok: bool, value: Any) -> None:
        self._recent[key] = (ok, value)
        if len(self._recent) > self.REMEMBERED:
            self._recent.popitem(last=False)

    async def _fetch(self, ref: str, metadata: bool) -> Any:
        from claimcheck.http import HttpError

        try:
            return await (await self._ready()).fetch_text(ref, metadata=metadata)
        except HttpError as exc:
            raise _translate(exc) from None

    async def read_file(self, path: Path, ref: str, metadata: bool = True) -> Any:
        return await self._fetch(ref, metadata)


def make_web(project: Any, *, concurrency: int, per_host: int, timeout: float, offline: bool, cache: bool = True) -> Web:
    """The run's HTTP pool: limits from the command line, the rest from ``[http]`` in claimcheck.toml."""
    import attrs

    from claimcheck.http import HttpPool, HttpSettings

    table = project.settings("http")
    known = {f.name for f in attrs.fields(HttpSettings)}
    settings = HttpSettings(**{
        **{k: v for k, v in table.items() if k in known},
        "max_concurrency": concurrency, "max_per_host": per_host,
        "timeout": min(float(table.get("timeout", timeout)), timeout),
    })
    cache_dir = project.state_dir / "http-cache" if cache else None
    pool = HttpPool(settings, cache_dir=cache_dir, root=project.root, offline=offline)
    return Web(pool)
