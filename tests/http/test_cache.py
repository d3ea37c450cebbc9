"""The HTTP cache under .claimcheck/http-cache/: reruns come from disk, failures are never cached."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path
from typing import Any, Awaitable, Callable

import pytest

from claimcheck.http import HttpPool, HttpSettings, OfflineError, Redactor, ResponseTooLarge

FAST = HttpSettings(backoff=0.01, backoff_max=0.02, retries=1)


def run(job: Callable[[HttpPool], Awaitable[Any]], cache_dir: Path, **options: Any) -> Any:
    async def main() -> Any:
        async with HttpPool(FAST, cache_dir=cache_dir, **options) as pool:
            return await job(pool)

    return asyncio.run(main())


@pytest.fixture
def cache_dir(tmp_path: Path) -> Path:
    return tmp_path / ".claimcheck" / "http-cache"


def test_a_second_run_is_served_from_the_cache_without_touching_the_server(http_server, cache_dir) -> None:
    url = http_server.url("/counted/rerun")
    first = run(lambda pool: pool.get(url), cache_dir)
    second = run(lambda pool: pool.get(url), cache_dir)  # a new pool, as in a new `claimcheck verify`
    assert first.text == second.text == "served 1 times"
    assert (first.from_cache, second.from_cache) == (False, True)
    assert second.status == 200 and second.final_url == url
    assert http_server.hits("/counted/rerun") == 1
    assert (cache_dir / "http.sqlite").exists()


def test_cache_false_always_asks_the_server(http_server, cache_dir) -> None:
    url = http_server.url("/counted/no-cache")
    run(lambda pool: pool.get(url), cache_dir)
    fresh = run(lambda pool: pool.get(url, cache=False), cache_dir)
    assert fresh.text == "served 2 times" and not fresh.from_cache


def test_errors_are_not_cached(http_server, cache_dir) -> None:
    before = http_server.hits("/status/404")
    run(lambda pool: pool.get(http_server.url("/status/404")), cache_dir)
    again = run(lambda pool: pool.get(http_server.url("/status/404")), cache_dir)
    assert again.status == 404 and not again.from_cache
    assert http_server.hits("/status/404") - before == 2


def test_a_body_over_the_cap_is_not_left_half_stored(http_server, cache_dir) -> None:
    for _ in range(2):
        with pytest.raises(ResponseTooLarge):
            run(lambda pool: pool.get(http_server.url("/big-chunked")), cache_dir)
    with sqlite3.connect(cache_dir / "http.sqlite") as db:
        assert db.execute("SELECT count(*) FROM entries WHERE chunk_count IS NOT NULL").fetchone()[0] == 0


def test_redirected_pages_are_cached_under_the_url_asked_for(http_server, cache_dir) -> None:
    url = http_server.url("/redirect/2")
    run(lambda pool: pool.get(url), cache_dir)
    before = http_server.hits("/redirect/2")
    cached = run(lambda pool: pool.get(url), cache_dir)
    assert cached.from_cache and cached.final_url == http_server.url("/text")
    assert http_server.hits("/redirect/2") == before


def test_large_bodies_stored_in_several_chunks_come_back_whole(http_server, cache_dir) -> None:
    url = http_server.url("/gzip")  # ~5 KB; force chunking with a tiny hishel chunk below
    import hishel._core._storages._async_sqlite as storage_module

    original = storage_module.STORAGE_CHUNK_SIZE
    storage_module.STORAGE_CHUNK_SIZE = 64
    try:
        first = run(lambda pool: pool.get(url), cache_dir)
    finally:
        storage_module.STORAGE_CHUNK_SIZE = original
    second = run(lambda pool: pool.get(url), cache_dir)
    assert second.from_cache and second.content == first.content


def test_offline_mode_serves_the_cache_and_refuses_the_rest(http_server, cache_dir) -> None:
    url = http_server.url("/counted/offline")
    run(lambda pool: pool.get(url), cache_dir)
    assert run(lambda pool: pool.get(url), cache_dir, offline=True).from_cache
    with pytest.raises(OfflineError, match="offline: .* is not in the HTTP cache"):
        run(lambda pool: pool.get(http_server.url("/counted/never-fetched")), cache_dir, offline=True)


def test_head_answers_are_cached_for_the_link_checker(http_server, cache_dir) -> None:
    url = http_server.url("/counted/head")
    first = run(lambda pool: pool.check(url), cache_dir)
    second = run(lambda pool: pool.check(url), cache_dir)
    assert first.status == second.status == 200
    assert second.from_cache


def test_api_keys_are_not_written_into_the_cache(http_server, cache_dir) -> None:
    key = "AIza-cache-secret-987654321"
    run(lambda pool: pool.get(http_server.url("/json"), params={"key": key}), cache_dir, redactor=Redactor([key]))
    cached = run(lambda pool: pool.get(http_server.url("/json"), params={"key": key}), cache_dir, redactor=Redactor([key]))
    assert cached.from_cache and key not in cached.url
    for name in ("http.sqlite", "http.sqlite-wal"):
        path = cache_dir / name
        if path.exists():
            assert key.encode() not in path.read_bytes()


def test_documents_are_extracted_once_and_reused(http_server, cache_dir) -> None:
    url = http_server.url("/article")
    first = run(lambda pool: pool.fetch_text(url), cache_dir)
    second = run(lambda pool: pool.fetch_text(url), cache_dir)
    assert second.from_cache and not first.from_cache
    assert (second.title, second.text) == (first.title, first.text)
    with sqlite3.connect(cache_dir / "documents.sqlite") as db:
        assert db.execute("SELECT count(*) FROM documents").fetchone()[0] == 1


def test_entries_expire_after_the_cache_ttl(http_server, cache_dir) -> None:
    url = http_server.url("/counted/ttl")

    async def twice() -> tuple[str, str]:
        settings = HttpSettings(cache_ttl=0.3, retries=0)
        async with HttpPool(settings, cache_dir=cache_dir) as pool:
            first = await pool.get(url)
            fresh = await pool.get(url)
            assert fresh.from_cache
            await asyncio.sleep(0.5)
            expired = await pool.get(url)
            assert not expired.from_cache
            return first.text, expired.text

    assert asyncio.run(twice()) == ("served 1 times", "served 2 times")


def test_compressed_answers_are_cached_decoded(http_server, cache_dir) -> None:
    first = run(lambda pool: pool.get(http_server.url("/gzip")), cache_dir)
    second = run(lambda pool: pool.get(http_server.url("/gzip")), cache_dir)
    assert second.from_cache and second.content == first.content
    assert second.text.count("Plain text source") == 100
    assert "content-encoding" not in second.headers
    assert second.headers["content-length"] == str(len(second.content))
