"""Errors raised by the HTTP and document layer.

Every message is one human sentence naming the URL (with secrets redacted), so a verifier
can put ``str(error)`` straight into a verdict note.
"""

from __future__ import annotations


class HttpError(Exception):
    """Base class: anything that went wrong fetching a URL or reading a document."""

    def __init__(self, message: str, *, url: str | None = None) -> None:
        super().__init__(message)
        self.url = url


class UnsafeURLError(HttpError, ValueError):
    """The URL's scheme is not http/https, or it is malformed (``file:``, ``javascript:``...)."""


class UnsafePathError(HttpError, ValueError):
    """A local document path escapes the project root (``../../etc/passwd``, a symlink out)."""


class FetchError(HttpError):
    """The request failed at the network level (DNS, refused, reset, timeout) after retries."""

    def __init__(self, message: str, *, url: str | None = None, reason: str = "error") -> None:
        super().__init__(message, url=url)
        #: short machine-readable cause: dns | connect | tls | timeout | reset | protocol | error
        self.reason = reason


class OfflineError(FetchError):
    """Offline mode and the URL is not in the HTTP cache."""


class TooManyRedirects(HttpError):
    """A redirect loop, or a chain longer than the limit."""

    def __init__(self, message: str, *, url: str | None = None, chain: tuple[str, ...] = ()) -> None:
        super().__init__(message, url=url)
        self.chain = chain


class ResponseTooLarge(HttpError):
    """The body is bigger than the size cap; reading stopped at the cap."""

    def __init__(self, message: str, *, url: str | None = None, limit: int = 0) -> None:
        super().__init__(message, url=url)
        self.limit = limit


class HttpStatusError(HttpError):
    """``fetch_text`` got a non-2xx answer (there is no document to read)."""

    def __init__(self, message: str, *, url: str | None = None, status: int = 0) -> None:
        super().__init__(message, url=url)
        self.status = status


class UnsupportedContent(HttpError):
    """``fetch_text`` got something that is not HTML, text or PDF (an image, a zip...)."""


class DocumentError(HttpError):
    """The document could not be read (a broken PDF, an unreadable file)."""
