"""An ``httpx.AsyncClient`` over the run's ``HttpPool``: httpx's API, the pool's behaviour.

A verifier written against httpx (``await client.get(url, params=...)``, ``response.json()``,
``response.raise_for_status()``) gets the same cache, limits, retries honouring
``Retry-After``, size caps, URL checks and secret redaction as ``ctx.fetch_text`` and
``ctx.request``, because every request goes down ``PoolTransport`` into the pool. Nothing of
the pool is written twice: the transport only translates a request, an answer and the pool's
errors into httpx's terms.
"""

from __future__ import annotations

from typing import Any

import httpx

from claimcheck.http.errors import FetchError, ResponseTooLarge, UnsafeURLError

#: request headers the pool sets itself (or that describe a connection, not a request)
_POOL_HEADERS = frozenset({"host", "content-length", "transfer-encoding", "connection", "accept-encoding"})

#: the httpx error for each reason a request got no answer
_ERRORS: dict[str, type[httpx.TransportError]] = {
    "dns": httpx.ConnectError,
    "connect": httpx.ConnectError,
    "tls": httpx.ConnectError,
    "timeout": httpx.ReadTimeout,
    "reset": httpx.ReadError,
    "protocol": httpx.RemoteProtocolError,
}


class PoolTransport(httpx.AsyncBaseTransport):
    """Sends an httpx client's requests through an ``HttpPool`` (which the run closes, not this)."""

    def __init__(self, pool: Any) -> None:
        self.pool = pool

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        body = await request.aread()
        headers = {name: value for name, value in request.headers.items() if name.lower() not in _POOL_HEADERS}
        try:
            # Redirects are the client's to follow (its follow_redirects), one hop per request here.
            answer = await self.pool.request(
                request.method, str(request.url), headers=headers, data=body or None, follow_redirects=False
            )
        except UnsafeURLError as error:
            raise httpx.UnsupportedProtocol(str(error), request=request) from None
        except ResponseTooLarge as error:
            raise httpx.ReadError(str(error), request=request) from None
        except FetchError as error:
            raise _ERRORS.get(error.reason, httpx.TransportError)(str(error), request=request) from None
        # The pool hands back decoded bodies: their length is the content's, not the wire's.
        kept = [(name, value) for name, value in answer.headers.items() if name != "content-length"]
        return httpx.Response(
            answer.status, headers=kept, content=answer.content, request=request,
            extensions={"from_cache": answer.from_cache},
        )


def pool_client(pool: Any) -> httpx.AsyncClient:
    """An ``httpx.AsyncClient`` whose every request goes through ``pool``. It follows redirects
    (a source's ``http://`` link usually moves to ``https://``) and sends the pool's User-Agent
    unless a request names its own; timeouts are the pool's (per attempt, retries included)."""
    return httpx.AsyncClient(
        transport=PoolTransport(pool),
        follow_redirects=True,
        headers={"User-Agent": pool.user_agent},
        timeout=None,  # the pool times each attempt itself
        trust_env=False,  # proxies and certificates are the pool's business
    )
