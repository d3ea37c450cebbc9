"""What may be fetched: http(s) URLs, and local documents inside the project.

A claim's source is either an http(s) URL or a path relative to the claims project. Anything
else (``file:``, ``ftp:``, ``javascript:``, ``data:``...) is refused, and so is a path that
leads out of the project, whether by ``..``, by being absolute, or through a symlink.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

from claimcheck.http.errors import UnsafePathError, UnsafeURLError

ALLOWED_SCHEMES = frozenset({"http", "https"})

# "scheme:" at the start, as RFC 3986 defines a scheme. A Windows drive ("C:\") would
# match too, but claims projects are POSIX paths in git, so that is fine.
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):")
_CONTROL = re.compile(r"[\x00-\x20\x7f]")


def has_scheme(value: str) -> bool:
    """True when ``value`` is meant as a URL (has a scheme), False for a local path."""
    return _SCHEME.match(value.strip()) is not None


# The everyday case, checked without urlsplit: http(s)://host[:port] then a path, query or
# nothing; no spaces, controls, user info or brackets (IPv6 literals take the full check).
_PLAIN_URL = re.compile(r"^https?://[A-Za-z0-9.\-]+(?::[0-9]{1,5})?(?:[/?#][^\x00-\x20\x7f]*)?$", re.IGNORECASE)


def check_url(url: str) -> str:
    """Return ``url`` (trimmed) if it is a fetchable http(s) URL, else raise UnsafeURLError."""
    url = url.strip()
    match = _PLAIN_URL.match(url)
    if match is not None and "@" not in url.split("/", 3)[2] and _port_ok(url):
        return url
    match = _SCHEME.match(url)
    if match is None:
        raise UnsafeURLError(f"not a URL (no http:// or https://): {url!r}", url=url)
    scheme = match.group(1).lower()
    if scheme not in ALLOWED_SCHEMES:
        raise UnsafeURLError(
            f"refused {scheme}: URL {_short(url)}: only http and https sources are fetched", url=url
        )
    if _CONTROL.search(url):
        raise UnsafeURLError(f"refused URL with spaces or control characters: {_short(url)!r}", url=url)
    try:
        parts = urlsplit(url)
        host = parts.hostname
        parts.port  # raises ValueError on a bad port
    except ValueError as error:
        raise UnsafeURLError(f"malformed URL {_short(url)}: {error}", url=url) from None
    if not host:
        raise UnsafeURLError(f"URL without a host: {_short(url)}", url=url)
    if parts.username or parts.password:
        # Credentials in a source URL would end up in records and reports.
        raise UnsafeURLError(f"refused URL with a user name or password in it: {parts.scheme}://…@{host}", url=url)
    return url


def _port_ok(url: str) -> bool:
    authority = url.split("/", 3)[2]
    _, colon, port = authority.partition(":")
    return not colon or (port.isdigit() and 0 < int(port) < 65536)


def resolve_local_path(path: str | Path, root: Path) -> Path:
    """Resolve a project-relative document path, refusing anything outside ``root``.

    Symlinks are resolved before the check, so a link pointing out of the project is refused
    even though its own path is inside.
    """
    text = str(path).strip()
    if has_scheme(text):
        # file:, ftp:, ... never reach the file system through this door.
        check_url(text)
    if "\x00" in text:
        raise UnsafePathError(f"refused document path with a NUL byte: {text!r}")
    base = root.resolve()
    target = (base / text).resolve()
    if target != base and base not in target.parents:
        raise UnsafePathError(
            f"refused document path {text!r}: it leads outside the project ({base})", url=text
        )
    return target


def _short(url: str, limit: int = 120) -> str:
    return url if len(url) <= limit else url[: limit - 1] + "…"
