"""HttpPool against a real local server: retries, Retry-After, resets, timeouts, redirects, caps, limits.

Every behaviour is checked on both transports the pool can use (its own aiohttp session, and
httpx's httpcore), since a machine may have either.
"""

from __future__ import annotations

import asyncio
import importlib.util
import time
from typing import Any, Awaitable, Callable

import pytest

from claimcheck.http import (
    FetchError,
    HttpPool,
    HttpSettings,
    Redactor,
    ResponseTooLarge,
    TooManyRedirects,
    UnsafeURLError,
)

FAST = HttpSettings(backoff=0.01, backoff_max=0.05, timeout=5.0)
TRANSPORTS = ["httpcore"] + (["aiohttp"] if importlib.util.find_spec("aiohttp") else [])


@pytest.fixture(params=TRANSPORTS)
def transport(request: pytest.FixtureRequest) -> str:
    return request.param


def run(transport: str, job: Callable[[HttpPool], Awaitable[Any]], settings: HttpSettings = FAST, **options: Any) -> Any:
    async def main() -> Any:
        async with HttpPool(settings, transport=transport, **options) as pool:
            return await job(pool)

    return asyncio.run(main())


def test_get_reads_status_headers_and_text(http_server, transport) -> None:
    response = run(transport, lambda pool: pool.get(http_server.url("/text")))
    assert response.status == 200 and response.ok
    assert response.content_type == "text/plain"
    assert response.text.startswith("Plain text source: 35,000")
    assert response.final_url == response.url == http_server.url("/text")
    assert not response.from_cache


def test_json_apis_get_params_and_parsed_bodies(http_server, transport) -> None:
    response = run(transport, lambda pool: pool.get(http_server.url("/json"), params={"query": "35,000", "skip": None}))
    assert response.url.endswith("/json?query=35%2C000")
    assert response.json() == {"claims": [{"text": "35,000 arrested"}]}


def test_user_agent_names_claimcheck_and_its_version(http_server, transport) -> None:
    headers = run(transport, lambda pool: pool.get(http_server.url("/headers"))).json()
    agent = {k.lower(): v for k, v in headers.items()}["user-agent"]
    assert agent.startswith("claimcheck/") and len(agent) > len("claimcheck/")


def test_500s_are_retried_until_the_server_recovers(http_server, transport) -> None:
    url = http_server.url(f"/flaky/five-hundred-{transport}?fail=2&status=500")
    response = run(transport, lambda pool: pool.get(url))
    assert response.status == 200
    assert response.text == "recovered after 2 failures"


def test_a_persistent_500_is_returned_after_the_last_retry(http_server, transport) -> None:
    settings = HttpSettings(retries=2, backoff=0.01, backoff_max=0.02)
    before = http_server.hits("/status/500")
    response = run(transport, lambda pool: pool.get(http_server.url("/status/500")), settings)
    assert response.status == 500
    assert http_server.hits("/status/500") - before == 3  # first attempt + 2 retries


def test_429_waits_as_long_as_retry_after_says(http_server, transport) -> None:
    url = http_server.url(f"/flaky/rate-{transport}?fail=1&status=429&retry_after=1")
    started = time.monotonic()
    response = run(transport, lambda pool: pool.get(url))
    waited = time.monotonic() - started
    assert response.status == 200
    assert 0.9 <= waited < 4.0  # backoff alone would have been 0.01 s


def test_a_retry_after_beyond_the_cap_is_not_waited_for(http_server, transport) -> None:
    url = http_server.url(f"/flaky/too-long-{transport}?fail=1&status=503&retry_after=3600")
    started = time.monotonic()
    response = run(transport, lambda pool: pool.get(url))
    assert response.status == 503  # reported to the verifier instead of sleeping an hour
    assert time.monotonic() - started < 2.0


def test_a_connection_reset_is_retried(http_server, transport) -> None:
    response = run(transport, lambda pool: pool.get(http_server.url(f"/reset-once/{transport}")))
    assert response.text == "second time lucky"


def test_a_connection_that_always_resets_gives_a_clear_error(http_server, transport) -> None:
    with pytest.raises(FetchError, match="connection reset") as error:
        run(transport, lambda pool: pool.get(http_server.url("/reset")))
    assert error.value.reason == "reset"


def test_slow_answers_time_out_with_a_clear_error(http_server, transport) -> None:
    settings = HttpSettings(timeout=0.5, retries=0)
    started = time.monotonic()
    with pytest.raises(FetchError, match=r"timed out") as error:
        run(transport, lambda pool: pool.get(http_server.url("/slow?seconds=3")), settings)
    assert error.value.reason == "timeout"
    assert time.monotonic() - started < 2.5


def test_refused_connections_are_a_fetch_error(transport) -> None:
    import socket

    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with pytest.raises(FetchError, match="refused|could not connect") as error:
        run(transport, lambda pool: pool.get(f"http://127.0.0.1:{port}/"), HttpSettings(retries=0))
    assert error.value.reason == "connect"


def test_redirects_are_followed_and_recorded(http_server, transport) -> None:
    response = run(transport, lambda pool: pool.get(http_server.url("/redirect/3")))
    assert response.status == 200
    assert response.final_url == http_server.url("/text")
    assert response.redirects == tuple(http_server.url(f"/redirect/{n}") for n in (3, 2, 1))


def test_a_redirect_loop_is_named(http_server, transport) -> None:
    with pytest.raises(TooManyRedirects, match=r"redirect loop: .*/loop/a -> .*/loop/b -> .*/loop/a"):
        run(transport, lambda pool: pool.get(http_server.url("/loop/a")))


def test_a_chain_longer_than_the_limit_is_refused(http_server, transport) -> None:
    with pytest.raises(TooManyRedirects, match="more than 2 redirects"):
        run(transport, lambda pool: pool.get(http_server.url("/redirect/5")), HttpSettings(max_redirects=2))


def test_a_redirect_to_a_file_url_is_refused(http_server, transport) -> None:
    with pytest.raises(UnsafeURLError, match="redirects to a non-http"):
        run(transport, lambda pool: pool.get(http_server.url("/redirect-file")))


@pytest.mark.parametrize("path", ["/big", "/big-chunked"])
def test_a_100_mb_body_stops_at_the_size_cap(http_server, transport, path: str) -> None:
    started = time.monotonic()
    with pytest.raises(ResponseTooLarge, match="larger than the 20 MB cap") as error:
        run(transport, lambda pool: pool.get(http_server.url(path)))
    assert error.value.limit == 20 * 1024 * 1024
    assert time.monotonic() - started < 10


def test_the_size_cap_is_a_setting(http_server, transport) -> None:
    with pytest.raises(ResponseTooLarge, match="larger than the 100 bytes cap"):
        run(transport, lambda pool: pool.get(http_server.url("/article"), max_bytes=100))


def test_gzip_bodies_are_decoded(http_server, transport) -> None:
    response = run(transport, lambda pool: pool.get(http_server.url("/gzip")))
    assert response.text.count("Plain text source") == 100
    assert "content-encoding" not in response.headers


def test_invalid_utf8_is_decoded_with_replacement_characters(http_server, transport) -> None:
    response = run(transport, lambda pool: pool.get(http_server.url("/invalid-utf8")))
    assert response.text.startswith("café ok ")
    assert "\ufffd" in response.text


def test_an_unknown_charset_falls_back_to_utf8(http_server, transport) -> None:
    assert run(transport, lambda pool: pool.get(http_server.url("/bad-charset"))).text == "café"


def test_unsafe_schemes_are_refused_before_any_request(transport) -> None:
    with pytest.raises(UnsafeURLError, match="refused file"):
        run(transport, lambda pool: pool.get("file:///etc/passwd"))


def test_per_host_and_global_limits_hold(http_server, transport) -> None:
    http_server.state.max_in_flight = 0
    settings = HttpSettings(max_per_host=3, max_concurrency=16)

    async def burst(pool: HttpPool) -> None:
        await asyncio.gather(*(pool.get(http_server.url(f"/concurrent?seconds=0.2&n={i}")) for i in range(12)))

    run(transport, burst, settings)
    assert http_server.state.max_in_flight == 3

    http_server.state.max_in_flight = 0
    run(transport, burst, HttpSettings(max_per_host=8, max_concurrency=2))
    assert http_server.state.max_in_flight == 2


def test_dns_failure_is_a_fetch_error_with_reason_dns(transport) -> None:
    with pytest.raises(FetchError, match="DNS lookup failed: host no-such-host.invalid") as error:
        run(transport, lambda pool: pool.get("http://no-such-host.invalid/page"))
    assert error.value.reason == "dns"


def test_api_keys_never_appear_in_urls_or_errors(http_server, transport) -> None:
    key = "AIza-test-secret-key-123456"
    redactor = Redactor([key])
    response = run(transport, lambda pool: pool.get(http_server.url("/json"), params={"k": key}), redactor=redactor)
    assert key not in response.url and key not in response.final_url
    with pytest.raises(FetchError) as error:
        run(transport, lambda pool: pool.get(f"http://no-such-host.invalid/?k={key}"), redactor=redactor)
    assert key not in str(error.value)


# -- what goes on the wire: the same request from both transports ------------------------------

#: a URL's path as given -> the request target httpx sends, and so must the aiohttp session
WIRE = [
    ("/echo/a%2Fb/%41%zz?x=%2F&q=a+b&r=[1]|^", "/echo/a%2Fb/%41%zz?x=%2F&q=a+b&r=[1]|^"),  # as given
    ("/echo/café/п?q=é", "/echo/caf%C3%A9/%D0%BF?q=%C3%A9"),  # non-ASCII: UTF-8, percent-encoded
    ('/echo/"q"<a>`{b}?x="<>"`{}', "/echo/%22q%22%3Ca%3E%60%7Bb%7D?x=%22%3C%3E%22`{}"),
    ("/echo/x/../y/./z", "/echo/y/z"),  # dot segments removed
    ("/echo/page#section", "/echo/page"),  # the fragment stays here
]


@pytest.mark.parametrize("given, sent", WIRE, ids=[given for given, _ in WIRE])
def test_urls_go_on_the_wire_as_httpx_sends_them(http_server, transport, given: str, sent: str) -> None:
    echo = run(transport, lambda pool: pool.get(http_server.url(given))).json()
    assert echo["line"] == f"GET {sent} HTTP/1.1"
    assert dict(echo["headers"])["Host"] == http_server.base.removeprefix("http://")


def test_a_url_with_a_space_is_refused_rather_than_quoted(http_server, transport) -> None:
    with pytest.raises(UnsafeURLError, match="spaces"):
        run(transport, lambda pool: pool.get(http_server.url("/echo/a b")))


def test_only_the_pools_headers_are_sent_and_no_cookie_is_kept(http_server, transport) -> None:
    async def job(pool: HttpPool) -> Any:
        await pool.get(http_server.url("/set-cookie"))
        return (await pool.get(http_server.url("/echo/headers"), headers={"Accept": "application/json"})).json()

    sent = {name.lower(): value for name, value in run(transport, job)["headers"]}
    assert sorted(sent) == ["accept", "accept-encoding", "host", "user-agent"]  # no Cookie, no library's own
    assert sent["accept"] == "application/json"  # a per-call header replaces the pool's
    assert sent["accept-encoding"] == "gzip, deflate"
    assert sent["user-agent"].startswith("claimcheck/")


@pytest.mark.parametrize("method", ["POST", "PUT", "PATCH"])
def test_json_and_form_bodies_are_sent_as_httpx_sends_them(http_server, transport, method: str) -> None:
    bodies = [
        {"json": {"claim": "35 000 arrêtés", "n": [1, 2.5, None]}},
        {"data": {"q": "a b&c", "tag": ["x", "y"], "exact": True, "skip": None}},
        {},
    ]

    async def job(pool: HttpPool) -> list[tuple[Any, ...]]:
        out = []
        for body in bodies:
            echo = (await pool.request(method, http_server.url("/echo/body"), **body)).json()
            headers = {name.lower(): value for name, value in echo["headers"]}
            out.append((headers.get("content-type"), headers.get("content-length"), echo["body"]))
        return out

    assert run(transport, job) == [
        ("application/json", "45", '{"claim":"35 000 arrêtés","n":[1,2.5,null]}'),
        ("application/x-www-form-urlencoded", "38", "q=a+b%26c&tag=x&tag=y&exact=true&skip="),
        (None, "0", ""),
    ]


@pytest.mark.parametrize("path", ["/deflate", "/deflate-raw"])
def test_deflate_bodies_are_decoded_with_or_without_the_zlib_header(http_server, transport, path: str) -> None:
    response = run(transport, lambda pool: pool.get(http_server.url(path)))
    assert response.text.count("Plain text source") == 100
    assert "content-encoding" not in response.headers


def test_a_body_that_is_not_what_its_encoding_says_is_a_protocol_error(http_server, transport) -> None:
    with pytest.raises(FetchError, match="bad HTTP answer") as error:
        run(transport, lambda pool: pool.get(http_server.url("/bad-gzip")))
    assert error.value.reason == "protocol"


def test_aiohttp_is_imported_on_the_first_cache_miss_and_not_by_a_cached_run(http_server, tmp_path) -> None:
    import subprocess
    import sys

    # A fresh interpreter each time: this test session has imported aiohttp long ago.
    script = f"""
import asyncio, sys
from claimcheck.http import HttpPool
async def main():
    async with HttpPool(cache_dir={str(tmp_path)!r}, transport="aiohttp") as pool:
        response = await pool.get({http_server.url("/text")!r})
    print(response.from_cache, "aiohttp" in sys.modules)
asyncio.run(main())
"""
    runs = [subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout.split() for _ in range(2)]
    assert runs == [["False", "True"], ["True", "False"]]
