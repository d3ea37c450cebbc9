"""Fetching an article by URL.

claimcheck's HTTP layer (``claimcheck.http``, with its cache and rate limits) is meant for
verifiers; until it offers a plain "get this page" call, extraction uses httpx directly behind
this one function, so switching over later touches nothing else. The body is streamed and cut
off at ``max_bytes``; every failure is one ``ClaimcheckError`` line.
"""

from __future__ import annotations

import attrs

from claimcheck.errors import ClaimcheckError

USER_AGENT = "claimcheck-extract/0.1 (+https://github.com/claimcheck)"


@attrs.frozen
class Page:
    body: bytes
    #: the URL after redirects
    url: str
    content_type: str = ""
    charset: str | None = None


def fetch(url: str, *, max_bytes: int, timeout: float = 20.0) -> Page:
    """GET ``url``; follows redirects; refuses error statuses and bodies over ``max_bytes``."""
    import httpx  # heavy: only when a URL is given

    try:
        with httpx.Client(follow_redirects=True, timeout=timeout, headers={"User-Agent": USER_AGENT}) as client:
            with client.stream("GET", url) as response:
                if response.status_code >= 400:
                    reason = response.reason_phrase or ""
                    raise ClaimcheckError(f"{url}: cannot fetch: HTTP {response.status_code} {reason}".rstrip())
                chunks: list[bytes] = []
                size = 0
                for chunk in response.iter_bytes():
                    size += len(chunk)
                    if size > max_bytes:
                        raise ClaimcheckError(f"{url}: the page is larger than {max_bytes // (1024 * 1024)} MB; not read")
                    chunks.append(chunk)
                content_type = response.headers.get("content-type", "").lower()
                return Page(b"".join(chunks), str(response.url), content_type, response.charset_encoding)
    except httpx.InvalidURL as exc:
        raise ClaimcheckError(f"{url}: not a valid URL: {exc}") from None
    except httpx.ConnectError as exc:
        raise ClaimcheckError(f"{url}: cannot fetch: connection failed ({_reason(exc)})") from None
    except httpx.TimeoutException:
        raise ClaimcheckError(f"{url}: cannot fetch: no answer within {timeout:g} s") from None
    except httpx.TooManyRedirects:
        raise ClaimcheckError(f"{url}: cannot fetch: too many redirects") from None
    except httpx.HTTPError as exc:
        raise ClaimcheckError(f"{url}: cannot fetch: {_reason(exc)}") from None


def _reason(exc: Exception) -> str:
    text = str(exc).strip() or type(exc).__name__
    if "Connection refused" in text or "Errno 111" in text:
        return "connection refused"
    return text.splitlines()[0][:200]
