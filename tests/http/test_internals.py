"""The small decisions inside the pool that the end-to-end tests cannot see directly."""

from __future__ import annotations

import asyncio
import email.utils
import sqlite3
import time
from pathlib import Path

from claimcheck.http import HttpPool, HttpSettings
from claimcheck.http.cache import InlineConnection
from claimcheck.http.pool import SHARD_CONNECTIONS, _retry_after


def test_retry_after_accepts_seconds_and_http_dates() -> None:
    assert _retry_after("7") == 7.0
    in_a_minute = email.utils.formatdate(time.time() + 60, usegmt=True)
    assert 55 <= (_retry_after(in_a_minute) or 0) <= 60
    assert _retry_after(email.utils.formatdate(time.time() - 60, usegmt=True)) == 0.0  # already past
    assert _retry_after("soon") is None and _retry_after(None) is None


def test_httpcore_shards_hold_two_hosts_each_so_none_passes_ten_connections() -> None:
    pool = HttpPool(HttpSettings(max_concurrency=64, max_per_host=4), transport="httpcore")

    async def main() -> None:
        picked = {host: pool._pick_shard(host) for host in ("a:443", "b:443", "c:443", "d:443", "e:443")}
        assert picked["a:443"] is picked["b:443"]  # 2 hosts x 4 connections <= 10
        assert picked["c:443"] is picked["d:443"] and picked["c:443"] is not picked["a:443"]
        assert len(pool._shards) == 3
        assert pool._pick_shard("a:443") is picked["a:443"]  # keep-alive affinity
        assert SHARD_CONNECTIONS == 10
        await pool.aclose()

    asyncio.run(main())


def test_the_aiohttp_transport_is_one_session_with_a_connection_for_every_slot() -> None:
    import aiohttp

    pool = HttpPool(HttpSettings(max_concurrency=64, max_per_host=4), transport="aiohttp")

    async def main() -> None:
        pool._start_network()
        session = pool._session
        assert pool._shards is None  # no httpx transport in the request path
        assert session.connector.limit == 64
        assert session.connector.limit_per_host == 0  # the pool's per-host semaphores hold that limit
        assert isinstance(session.cookie_jar, aiohttp.DummyCookieJar)
        assert session.trust_env is False  # no proxies from the environment
        await pool.aclose()
        assert session.closed

    asyncio.run(main())


def test_grouped_writes_are_committed_by_the_timer_and_on_close(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite"

    def rows() -> int:
        with sqlite3.connect(path) as other:  # another connection sees committed rows only
            return other.execute("SELECT count(*) FROM t").fetchone()[0]

    async def main() -> None:
        connection = InlineConnection(path)
        await connection.execute("CREATE TABLE t (x)")
        await connection.execute("INSERT INTO t VALUES (1)")
        assert rows() == 0  # still in the group
        await asyncio.sleep(InlineConnection.GROUP_COMMIT_SECONDS + 0.1)
        assert rows() == 1
        await connection.execute("INSERT INTO t VALUES (2)")
        await connection.close()
        assert rows() == 2

    asyncio.run(main())


def test_aiohttp_errors_get_the_reasons_their_httpcore_counterparts_get() -> None:
    import socket
    import ssl
    import zlib
    from types import SimpleNamespace

    import aiohttp

    from claimcheck.http.pool import _network_failure

    key = SimpleNamespace(host="example.org", port=443, ssl=True)  # what aiohttp's messages read
    cases = {
        aiohttp.ClientConnectorDNSError(key, socket.gaierror(-2, "Name or service not known")): "dns",
        aiohttp.ClientConnectorError(key, ConnectionRefusedError(111, "Connection refused")): "connect",
        aiohttp.ClientConnectorCertificateError(key, ssl.SSLCertVerificationError(1, "certificate verify failed")): "tls",
        aiohttp.ConnectionTimeoutError("Connection timeout to host"): "timeout",
        aiohttp.SocketTimeoutError("Timeout on reading data from socket"): "timeout",
        aiohttp.ServerDisconnectedError(): "reset",
        aiohttp.ClientConnectionError("Connection closed"): "reset",
        aiohttp.ClientPayloadError("Response payload is not completed"): "reset",
        zlib.error("Error -3 while decompressing data: incorrect header check"): "protocol",
    }
    reasons = {type(error).__name__: _network_failure(error, "https://example.org/", "example.org:443").reason for error in cases}
    assert reasons == {type(error).__name__: reason for error, reason in cases.items()}
