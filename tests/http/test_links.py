"""check(): what a link checker needs, with failures reported as data, never raised."""

from __future__ import annotations

import asyncio

from claimcheck.http import HttpPool, HttpSettings, LinkStatus


def check(url: str) -> LinkStatus:
    async def main() -> LinkStatus:
        async with HttpPool(HttpSettings(retries=0)) as pool:
            return await pool.check(url)

    return asyncio.run(main())


def test_a_live_link(http_server) -> None:
    status = check(http_server.url("/text"))
    assert status.ok and status.status == 200 and not status.dead
    assert status.final_url == http_server.url("/text")
    assert status.summary == "HTTP 200"


def test_a_redirected_link_reports_its_chain_and_final_url(http_server) -> None:
    status = check(http_server.url("/redirect/2"))
    assert status.status == 200
    assert status.redirects == (http_server.url("/redirect/2"), http_server.url("/redirect/1"))
    assert status.summary == f"HTTP 200 -> {http_server.url('/text')}"


def test_404_and_410_are_dead(http_server) -> None:
    assert check(http_server.url("/status/404")).dead
    gone = check(http_server.url("/status/410"))
    assert gone.dead and not gone.ok and gone.status == 410


def test_a_host_that_does_not_exist_is_dead_not_a_crash() -> None:
    status = check("https://no-such-host.invalid/article")
    assert status.status is None and status.reason == "dns" and status.dead
    assert "DNS lookup failed" in (status.error or "")


def test_servers_refusing_head_are_asked_with_get(http_server) -> None:
    assert check(http_server.url("/no-head")).status == 200
    # a server answering HEAD with 404 must not get a live source reported dead
    live = check(http_server.url("/head-404"))
    assert live.status == 200 and not live.dead


def test_a_redirect_loop_is_reported(http_server) -> None:
    status = check(http_server.url("/loop/a"))
    assert status.status is None and status.reason == "redirect-loop"
    assert "redirect loop" in (status.error or "")


def test_an_unsafe_url_is_reported_not_raised() -> None:
    status = check("ftp://example.org/file")
    assert status.reason == "unsafe" and "refused ftp" in (status.error or "")
