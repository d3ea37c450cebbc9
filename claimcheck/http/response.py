"""What the HTTP layer hands back: a fully read ``Response`` and a link checker's ``LinkStatus``.

Both are plain frozen values, not httpx objects: a verifier never has to close a stream, and
a response served from the cache costs no httpx machinery at all.
"""

from __future__ import annotations

import json as _json
import re
from typing import Any, Mapping

import attrs

_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:\-]+)", re.IGNORECASE)


def charset_of(content_type: str) -> str | None:
    match = _CHARSET.search(content_type or "")
    return match.group(1).lower() if match else None


def decode_text(body: bytes, charset: str | None) -> str:
    """Decode ``body``, never failing: unknown charsets fall back to UTF-8, bad bytes become U+FFFD."""
    if body.startswith(b"\xef\xbb\xbf"):
        body, charset = body[3:], "utf-8"
    try:
        return body.decode(charset or "utf-8", errors="replace")
    except LookupError:  # a charset Python does not know ("x-user-defined", typos)
        return body.decode("utf-8", errors="replace")


@attrs.frozen
class Response:
    """A fully read HTTP response (body capped at the pool's ``max_bytes``)."""

    #: the URL asked for (secrets redacted)
    url: str
    #: the URL that answered, after redirects (secrets redacted)
    final_url: str
    status: int
    #: lower-case names; repeated headers joined with ", "
    headers: Mapping[str, str] = attrs.field(repr=False)
    content: bytes = attrs.field(repr=False)
    from_cache: bool = False
    #: the URLs redirected from, in order (empty when there was no redirect or from cache)
    redirects: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return 200 <= self.status < 300

    @property
    def content_type(self) -> str:
        """Media type without parameters, lower case ("text/html"); "" when the server gave none."""
        return self.headers.get("content-type", "").split(";", 1)[0].strip().lower()

    @property
    def charset(self) -> str | None:
        return charset_of(self.headers.get("content-type", ""))

    @property
    def text(self) -> str:
        """The body decoded with the declared charset (UTF-8 by default), bad bytes replaced."""
        return decode_text(self.content, self.charset)

    def json(self) -> Any:
        """The body parsed as JSON (raises ``ValueError`` when it is not JSON)."""
        return _json.loads(self.text)


@attrs.frozen
class LinkStatus:
    """What a link checker needs to know about one URL. Never raised: failures are data."""

    url: str
    #: HTTP status, or None when no answer came (DNS failure, refused, timeout, unsafe URL)
    status: int | None
    final_url: str | None = None
    redirects: tuple[str, ...] = ()
    #: short cause when status is None or redirects looped: dns | connect | tls | timeout |
    #: reset | protocol | redirect-loop | unsafe | too-large | error
    reason: str | None = None
    #: one human sentence, secrets redacted
    error: str | None = None
    from_cache: bool = False

    @property
    def ok(self) -> bool:
        return self.status is not None and 200 <= self.status < 400

    @property
    def dead(self) -> bool:
        """Gone for good as far as a fact-checker is concerned: 404, 410, or the host does not exist."""
        return self.status in (404, 410) or self.reason == "dns"

    @property
    def summary(self) -> str:
        if self.status is not None:
            moved = f" -> {self.final_url}" if self.final_url and self.final_url != self.url else ""
            return f"HTTP {self.status}{moved}"
        return self.error or (self.reason or "no answer")
