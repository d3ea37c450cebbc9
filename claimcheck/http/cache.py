"""The on-disk HTTP cache: hishel's SQLite storage, run without worker threads.

hishel's ``AsyncSqliteStorage`` talks to SQLite through ``anysqlite``, which sends every
statement to a worker thread. Storing one response takes about 17 statements, and on this
kind of machine that cost 4-6 ms of CPU per response, which alone broke the benchmark's
1.3x target at 64 requests in flight. SQLite on a local file answers these statements in
microseconds, so ``InlineConnection`` runs them directly on the event loop (same interface
as ``anysqlite.Connection``, which hishel accepts as its ``connection``) and groups writes
into one transaction every 0.2 s. Everything else, the schema, chunked bodies, TTLs,
size-based eviction, discarding half-written entries, is hishel's own code, reached through
the storage's public ``create_entry``/``get_entries``.

Entries are keyed by our own key (method + URL with secrets masked) so that the pool can
look a response up *before* going through httpx (``FastReader``): that fast path is what
makes a cached run 20x faster than the network run.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable

if TYPE_CHECKING:
    from hishel import AsyncSqliteStorage

# Request headers are not needed to answer from the cache (keys are method + URL), and they
# may hold credentials, so none is written to disk.
_STORED_REQUEST_HEADERS: frozenset[str] = frozenset()


def cache_key(method: str, url: str) -> str:
    """The storage key of a request; ``url`` must already have its secrets masked."""
    return hashlib.sha256(f"claimcheck {method.upper()} {url}".encode()).hexdigest()


class InlineCursor:
    """An ``anysqlite.Cursor`` look-alike that runs statements on the calling thread."""

    def __init__(self, cursor: sqlite3.Cursor, owner: "InlineConnection") -> None:
        self._cursor = cursor
        self._owner = owner

    @property
    def rowcount(self) -> int:
        return self._cursor.rowcount

    @property
    def description(self) -> Any:
        return self._cursor.description

    async def execute(self, sql: str, parameters: Iterable[Any] = ()) -> "InlineCursor":
        self._owner._before(sql)
        self._cursor.execute(sql, tuple(parameters))
        return self

    async def fetchone(self) -> Any:
        return self._cursor.fetchone()

    async def fetchall(self) -> list[Any]:
        return self._cursor.fetchall()

    async def close(self) -> None:
        self._cursor.close()


class InlineConnection:
    """An ``anysqlite.Connection`` look-alike over a plain ``sqlite3`` connection, with group commit.

    Each write statement committed on its own costs ~130 us here (WAL append and file locks
    for every statement), ~40 us inside a transaction. hishel writes about five statements
    per stored response, so writes are grouped: the first write opens a transaction, which
    is committed ``GROUP_COMMIT_SECONDS`` later (or at ``close``). Readers on this connection
    see their own writes at once; a crash loses at most that window of cache entries, which
    are then simply fetched again. Other processes sharing the cache wait on SQLite's busy
    timeout, as with any writer.
    """

    GROUP_COMMIT_SECONDS = 0.2
    GROUP_COMMIT_STATEMENTS = 500

    def __init__(self, path: Path) -> None:
        # Autocommit mode, as hishel expects; transactions are opened by _before() only.
        # timeout: how long to wait for another process's write lock (SQLite's busy timeout).
        self._connection = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False, timeout=5.0)
        self._pending = 0
        self._timer: Any = None

    def _before(self, sql: str) -> None:
        head = sql.lstrip()[:7].upper()
        if head.startswith(("SELECT", "WITH")):
            return
        if head.startswith("PRAGMA") or head.startswith("CREATE"):
            self._flush()  # journal-mode changes and DDL run outside a group
            return
        if self._pending == 0:
            # IMMEDIATE takes the write lock now: a deferred transaction that later upgrades
            # can fail at once (SQLITE_BUSY) when another process holds it, instead of waiting.
            self._connection.execute("BEGIN IMMEDIATE")
            import asyncio

            self._timer = asyncio.get_running_loop().call_later(self.GROUP_COMMIT_SECONDS, self._flush)
        self._pending += 1
        if self._pending >= self.GROUP_COMMIT_STATEMENTS:
            self._flush()

    def _flush(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        if self._pending:
            self._pending = 0
            try:
                self._connection.execute("COMMIT")
            except sqlite3.Error:
                # Nothing committed is lost data for a cache; make sure no transaction stays open.
                if self._connection.in_transaction:
                    self._connection.execute("ROLLBACK")

    async def cursor(self) -> InlineCursor:
        return InlineCursor(self._connection.cursor(), self)

    async def execute(self, sql: str, parameters: Iterable[Any] = ()) -> InlineCursor:
        cursor = await self.cursor()
        return await cursor.execute(sql, parameters)

    async def commit(self) -> None:
        # Grouped: the pending transaction is committed by the timer (see the class docstring).
        return None

    async def rollback(self) -> None:
        self._pending = 0
        if self._connection.in_transaction:
            self._connection.execute("ROLLBACK")

    async def close(self) -> None:
        self._flush()
        self._connection.close()


class CachedAnswer:
    __slots__ = ("url", "status", "headers", "body")

    def __init__(self, url: str, status: int, headers: dict[str, str], body: bytes) -> None:
        self.url = url
        self.status = status
        self.headers = headers
        self.body = body


#: lookup() could not answer by itself (a body stored in several chunks): use hishel's get_entries
SLOW_PATH = object()


class FastReader:
    """Answers a cache lookup with one SQL statement on hishel's own tables.

    hishel's ``get_entries`` + streaming a one-chunk body costs ~3x more Python than this
    (entry objects, UUIDs, an async generator per body). Bodies up to hishel's chunk size
    (128 KB: nearly every web page) come back in the same row. Anything unexpected (a fresh
    cache without tables, a schema change in a future hishel) makes the caller fall back to
    hishel's public ``get_entries``, so this is an optimisation, never a second source of truth.
    """

    _SQL = (
        "SELECT e.id, e.data, e.chunk_count, e.last_accessed_at, s.chunk_data FROM entries e"
        " LEFT JOIN streams s ON s.entry_id = e.id AND s.chunk_number = 0"
        " WHERE e.cache_key = ? AND (e.expires_at IS NULL OR e.expires_at > ?)"
    )
    TOUCH_INTERVAL = 60.0  # as hishel: last_accessed_at (for LRU eviction) written at most this often

    def __init__(self, connection: InlineConnection) -> None:
        self._connection = connection

    def lookup(self, key: str, method: str) -> "CachedAnswer | None | object":
        import time

        import msgpack  # hishel's own serialisation (a dependency of hishel)

        now = time.time()
        try:
            rows = self._connection._connection.execute(self._SQL, (key.encode("utf-8"), now)).fetchall()
        except sqlite3.Error:
            return SLOW_PATH
        for id_, data, chunk_count, last_accessed_at, chunk in rows:
            try:
                packed = msgpack.unpackb(data)
                stored_method = packed["request"]["method"]
                stored_url = packed["request"]["url"]
                status = int(packed["response"]["status_code"])
                stored_headers = packed["response"]["headers"]
            except Exception:  # not the layout we know: let hishel's public API read it
                return SLOW_PATH
            if stored_method != method:
                continue
            if chunk_count is None or chunk_count > 1 or (chunk_count == 1 and chunk is None):
                return SLOW_PATH
            if now - last_accessed_at >= self.TOUCH_INTERVAL:
                self._connection._before("UPDATE")
                self._connection._connection.execute(
                    "UPDATE entries SET last_accessed_at = ? WHERE id = ?", (now, id_)
                )
            headers = {
                name.lower(): values if isinstance(values, str) else ", ".join(values)
                for name, values in stored_headers.items()
            }
            return CachedAnswer(stored_url, status, headers, bytes(chunk) if chunk_count else b"")
        return None


def open_storage(
    cache_dir: Path, *, ttl: float | None, max_bytes: int, redact: Callable[[str], str]
) -> "tuple[AsyncSqliteStorage, FastReader]":
    """hishel storage in ``cache_dir/http.sqlite``; request URLs are stored redacted."""
    from hishel import AsyncSqliteStorage

    class _RedactingStorage(AsyncSqliteStorage):
        async def create_entry(self, request, response, key, *, ttl=None, tti=None):  # type: ignore[no-untyped-def]
            from hishel import Headers

            headers = {k: v for k, v in request.headers._headers.items() if k in _STORED_REQUEST_HEADERS}
            safe = replace(request, url=redact(request.url), headers=Headers(headers))
            return await super().create_entry(safe, response, key, ttl=ttl, tti=tti)

    cache_dir.mkdir(parents=True, exist_ok=True)
    path = cache_dir / "http.sqlite"
    connection = InlineConnection(path)
    storage = _RedactingStorage(
        connection=connection,  # type: ignore[arg-type]
        database_path=path,
        default_ttl=ttl,
        max_size=max_bytes,
    )
    return storage, FastReader(connection)


class DocumentCache:
    """Extracted documents, keyed by (final URL, body hash, extractor version).

    trafilatura takes a few milliseconds per page; a rerun that reads its pages from the
    HTTP cache should not pay that again. Keyed by the body's hash, so a changed page is
    always re-extracted.
    """

    #: writes are grouped into one transaction of at most this many documents (or until
    #: ``flush``/``close``): a commit per document cost ~0.4 ms of blocking I/O on the event loop,
    #: and a crash loses at most one group of extractions, which are simply done again
    GROUP = 64

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.execute("PRAGMA busy_timeout=5000")
        self._db.execute("CREATE TABLE IF NOT EXISTS documents (key TEXT PRIMARY KEY, data TEXT NOT NULL)")
        self._pending: dict[str, str] = {}

    @staticmethod
    def key(final_url: str, body: bytes, version: str) -> str:
        digest = hashlib.sha256(body).hexdigest()
        return hashlib.sha256(f"{version}\0{final_url}\0{digest}".encode()).hexdigest()

    def get(self, key: str) -> dict[str, Any] | None:
        pending = self._pending.get(key)
        if pending is not None:
            return json.loads(pending)
        try:
            row = self._db.execute("SELECT data FROM documents WHERE key = ?", (key,)).fetchone()
        except sqlite3.Error:
            return None  # a cache that cannot be read is a miss, not a failure
        return json.loads(row[0]) if row else None

    def put(self, key: str, data: dict[str, Any]) -> None:
        self._pending[key] = json.dumps(data)
        if len(self._pending) >= self.GROUP:
            self.flush()

    def flush(self) -> None:
        """Write the pending documents in one transaction."""
        if not self._pending:
            return
        rows, self._pending = list(self._pending.items()), {}
        try:
            with self._db:
                self._db.execute("BEGIN IMMEDIATE")
                self._db.executemany("INSERT OR REPLACE INTO documents (key, data) VALUES (?, ?)", rows)
        except sqlite3.Error:
            pass  # a cache that cannot be written is only slower next time

    def close(self) -> None:
        self.flush()
        self._db.close()
