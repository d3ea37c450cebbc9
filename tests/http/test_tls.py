"""TLS: certificates are verified on both transports, and a bad one is said exactly, not retried.

The servers are real HTTPS servers on 127.0.0.1 whose certificates come from a test CA
(``trustme``); the machine does not trust that CA unless ``SSL_CERT_FILE`` points at it.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Iterator

import pytest

from claimcheck.http import FetchError, HttpPool, HttpSettings
from tests._tls import TLSServers, start_tls_servers

trustme = pytest.importorskip("trustme")

TRANSPORTS = ["aiohttp", "httpcore"]


@pytest.fixture(scope="module")
def tls() -> Iterator[TLSServers]:
    servers = start_tls_servers(trustme)
    yield servers
    servers.close()


@pytest.fixture
def trust_test_ca(tls: TLSServers, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Trust the test CA the way a newsroom trusts its own: ``SSL_CERT_FILE``."""
    bundle = tmp_path / "ca.pem"
    tls.ca.cert_pem.write_to_path(str(bundle))
    monkeypatch.setenv("SSL_CERT_FILE", str(bundle))


def get(url: str, transport: str) -> tuple[object, int]:
    """The answer (or the FetchError) and how many attempts the pool made."""

    async def main() -> tuple[object, int]:
        async with HttpPool(HttpSettings(retries=2, backoff=0.05), transport=transport) as pool:
            try:
                answer: object = await pool.get(url)
            except FetchError as error:
                answer = error
            return answer, pool.stats["attempts"]

    return asyncio.run(main())


@pytest.mark.parametrize("transport", TRANSPORTS)
def test_a_certificate_from_an_unknown_authority_is_refused_in_one_attempt(tls: TLSServers, transport: str) -> None:
    error, attempts = get(tls.urls["good"], transport)
    assert isinstance(error, FetchError) and error.reason == "tls"
    assert str(error) == (
        f"the TLS certificate of {tls.urls['good'].split('/')[2]} is not trusted: "
        f"unable to get local issuer certificate ({tls.urls['good']})"
    )
    assert attempts == 1  # not retried: it will not be valid a second later


@pytest.mark.parametrize("transport", TRANSPORTS)
def test_a_trusted_certificate_is_accepted(tls: TLSServers, trust_test_ca: None, transport: str) -> None:
    response, _ = get(tls.urls["good"], transport)
    assert getattr(response, "status", None) == 200 and response.content == b"hello"  # type: ignore[attr-defined]


@pytest.mark.parametrize("transport", TRANSPORTS)
@pytest.mark.parametrize(("server", "why"), [
    ("expired", "certificate has expired"),
    ("other-host", "IP address mismatch, certificate is not valid for '127.0.0.1'"),
])
def test_an_expired_or_misnamed_certificate_is_refused_even_from_a_trusted_authority(
        tls: TLSServers, trust_test_ca: None, transport: str, server: str, why: str) -> None:
    error, attempts = get(tls.urls[server], transport)
    assert isinstance(error, FetchError) and error.reason == "tls"
    assert why in str(error) and tls.urls[server] in str(error)
    assert attempts == 1


def test_the_link_checker_reports_a_bad_certificate_without_raising(tls: TLSServers) -> None:
    async def main():
        async with HttpPool(HttpSettings(retries=0)) as pool:
            return await pool.check(tls.urls["expired"])

    link = asyncio.run(main())
    assert link.status is None and link.reason == "tls" and not link.dead
    assert "is not trusted" in (link.error or "")
