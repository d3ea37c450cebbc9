"""``ctx.client()``: an ``httpx.AsyncClient`` whose requests all go through the run's pool."""

from __future__ import annotations

import asyncio
import json
import socket
from pathlib import Path
from typing import Any, Awaitable, Callable

import httpx
import pytest

from claimcheck.http import HttpPool, HttpSettings
from claimcheck.http.client import pool_client


def with_client(tmp_path: Path, use: Callable[[httpx.AsyncClient], Awaitable[Any]], transport: str = "auto",
                **settings: Any) -> Any:
    async def main() -> Any:
        options = {"retries": 2, "backoff": 0.05, **settings}
        async with HttpPool(HttpSettings(**options), cache_dir=tmp_path / "cache", transport=transport) as pool:
            async with pool_client(pool) as client:
                return await use(client)

    return asyncio.run(main())


def test_a_get_is_an_httpx_response_served_from_the_pool_cache_the_second_time(http_server, tmp_path: Path) -> None:
    url = http_server.url("/counted/client-cache")

    async def use(client: httpx.AsyncClient) -> tuple[httpx.Response, httpx.Response]:
        return await client.get(url), await client.get(url)

    first, second = with_client(tmp_path, use)
    assert isinstance(first, httpx.Response) and first.status_code == 200
    assert first.text == second.text == "served 1 times"
    assert (first.extensions["from_cache"], second.extensions["from_cache"]) == (False, True)
    assert http_server.hits("/counted/client-cache") == 1


def test_retries_honour_retry_after_behind_the_httpx_api(http_server, tmp_path: Path) -> None:
    url = http_server.url("/flaky/client-429?fail=1&status=429&retry_after=1")
    response = with_client(tmp_path, lambda client: client.get(url))
    assert response.status_code == 200
    assert http_server.hits("/flaky/client-429") == 2


@pytest.mark.parametrize("transport", ["aiohttp", "httpcore"])
def test_a_post_sends_what_httpx_encodes_with_the_pool_s_user_agent_and_is_never_cached(
        http_server, tmp_path: Path, transport: str) -> None:
    url = http_server.url(f"/echo/client-post-{transport}")

    async def use(client: httpx.AsyncClient) -> list[dict]:
        answers = [await client.post(url, json={"claim": "35,000 arrested", "n": 1}) for _ in range(2)]
        return [a.json() for a in answers]

    first, second = with_client(tmp_path, use, transport)
    assert json.loads(first["body"]) == {"claim": "35,000 arrested", "n": 1}
    headers = {name.lower(): value for name, value in first["headers"]}
    assert headers["content-type"] == "application/json"
    assert headers["user-agent"].startswith("claimcheck/")
    assert http_server.hits(f"/echo/client-post-{transport}") == 2  # both reached the server


def test_redirects_are_followed_by_the_client_one_hop_at_a_time(http_server, tmp_path: Path) -> None:
    response = with_client(tmp_path, lambda client: client.get(http_server.url("/redirect/2")))
    assert response.status_code == 200 and str(response.url) == http_server.url("/text")
    assert [r.status_code for r in response.history] == [301, 301]


def test_the_pool_s_failures_are_httpx_errors(http_server, tmp_path: Path) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed = probe.getsockname()[1]  # nothing listens once the probe is closed

    async def use(client: httpx.AsyncClient) -> list[BaseException]:
        errors = []
        for url in (f"http://127.0.0.1:{closed}/", http_server.url("/big")):
            try:
                await client.get(url)
            except httpx.HTTPError as error:
                errors.append(error)
        return errors

    refused, too_big = with_client(tmp_path, use, retries=0, max_bytes=1024 * 1024)
    assert isinstance(refused, httpx.ConnectError) and "connection refused" in str(refused)
    assert isinstance(too_big, httpx.ReadError) and "larger than the 1 MB cap" in str(too_big)


def test_a_verifier_gets_one_shared_client_that_an_offline_run_refuses(run_verifier) -> None:
    from claimcheck import Offline, Verdict, VerdictStatus

    clients: list[httpx.AsyncClient] = []

    class ApiVerifier:
        name, description, version = "api", "asks an API with httpx", "1"

        def applies_to(self, claim):
            return True

        async def verify(self, claim, ctx):
            try:
                client = await ctx.client()
            except Offline:
                return None
            clients.append(client)
            answer = await client.get("https://api.example.org/figures", params={"q": claim.figure})
            answer.raise_for_status()
            total = answer.json()["total"]
            return Verdict(status=VerdictStatus.SUPPORTED, note=f"the API counts {total}")

    routes = {"https://api.example.org/figures": {"status": 200, "json": {"total": 35000}}}
    verdict = run_verifier(ApiVerifier(), {"claim": "More than 35,000 arrested.", "figure": "more than 35,000"},
                           responses=routes)
    again = run_verifier(ApiVerifier(), {"claim": "More than 35,000 arrested.", "figure": "more than 35,000"},
                         responses=routes)
    assert verdict.note == again.note == "the API counts 35000"
    assert all(isinstance(c, httpx.AsyncClient) for c in clients) and len(clients) == 2
    assert run_verifier(ApiVerifier(), {"claim": "More than 35,000 arrested."}) is None  # offline
