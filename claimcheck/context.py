"""What a verifier gets besides the claim: ``ctx``.

Everything a verifier should not build itself: the shared HTTP client (cached, retried, limited
per host), ``await ctx.fetch_text(url_or_path)`` for the readable text of a page, a local file or
a PDF, its own settings from ``claimcheck.toml`` (``[verifiers.NAME]``), secrets from the
environment only, ``ctx.offline``, and the project. docs/plugins.md has a worked example.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any, Mapping
from urllib.parse import urlsplit

from claimcheck.errors import ClaimcheckError

if TYPE_CHECKING:
    import httpx

    from claimcheck.project import Project


class SourceRefused(ClaimcheckError):
    """A source reference claimcheck will not open: another URL scheme, or a path outside the project."""


class Offline(ClaimcheckError):
    """The run is offline (``--offline``): no request leaves the machine."""


class FetchError(ClaimcheckError):
    """A document could not be fetched or read (dead link, timeout, too large, unreadable).

    ``status``: the HTTP status when the server answered (404...); ``reason``: a short cause
    when it did not (dns, connect, tls, timeout, reset, redirect-loop, error).
    """

    def __init__(self, message: str, *, status: int | None = None, final_url: str | None = None,
                 reason: str | None = None):
        super().__init__(message)
        self.status = status
        self.final_url = final_url
        self.reason = reason


_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")


def classify(ref: str) -> str:
    """``"url"`` for an http(s) URL, ``"path"`` for a project-relative path; anything else is refused.

    Windows drive letters are not a thing here: ``c:`` is a scheme, and refused.
    """
    ref = ref.strip()
    match = _SCHEME.match(ref)
    if match:
        scheme = match.group(1).lower()
        if scheme in ("http", "https"):
            if not urlsplit(ref).hostname:
                raise SourceRefused(f"{ref}: a URL needs a host")
            return "url"
        raise SourceRefused(f"{ref}: refusing a source with the {scheme!r} scheme; use an http(s) URL or a path inside the project")
    return "path"


def redact(text: str, secrets: list[str]) -> str:
    """``text`` with every secret replaced by ``***`` (for notes, errors and logs)."""
    for secret in secrets:
        if secret and len(secret) >= 4:
            text = text.replace(secret, "***")
    return text


class Context:
    """The ``ctx`` argument of ``verify(claim, ctx)``; one per verifier per run.

    Attributes a verifier reads: ``name`` (the verifier's), ``project``, ``settings`` (its
    ``[verifiers.NAME]`` table, a read-only mapping), ``offline``, ``options`` (run options such
    as ``archive`` for ``--archive``), ``dry_run``.
    """

    def __init__(
        self,
        *,
        name: str,
        project: "Project",
        web: Any,
        offline: bool = False,
        settings: Mapping[str, Any] | None = None,
        options: Mapping[str, Any] | None = None,
        dry_run: bool = False,
        warn: Any = None,
    ) -> None:
        self.name = name
        self.project = project
        self.offline = offline
        self.settings: Mapping[str, Any] = dict(settings or {})
        self.options: Mapping[str, Any] = dict(options or {})
        self.dry_run = dry_run
        self._web = web
        self._warn = warn
        self._secrets: list[str] = []

    # -- settings and secrets ---------------------------------------------------------------------

    def setting(self, key: str, default: Any = None) -> Any:
        """One setting of ``[verifiers.NAME]`` in claimcheck.toml, or ``default``."""
        return self.settings.get(key, default)

    def secret(self, env_name: str) -> str | None:
        """A secret (an API key) from the environment, never from files.

        The value is remembered so it is blanked out of every note, error and log line the
        engine prints or writes for this verifier.
        """
        value = os.environ.get(env_name) or None
        if value and value not in self._secrets:
            self._secrets.append(value)
        return value

    def redact(self, text: str) -> str:
        return redact(text, self._secrets)

    def warn(self, message: str) -> None:
        """A one-line warning shown to the user (secrets blanked)."""
        if self._warn is not None:
            self._warn(f"{self.name}: {self.redact(message)}")

    # -- HTTP and documents -----------------------------------------------------------------------

    async def client(self) -> "httpx.AsyncClient":
        """``await ctx.client()``: the run's shared ``httpx.AsyncClient``, for verifiers written
        against httpx. Every request goes through the run's pool (``http``): the same HTTP cache,
        per-host limits, retries honouring Retry-After, size caps and URL checks. It follows
        redirects. Network failures raise httpx's errors (``httpx.ConnectError``,
        ``httpx.ReadTimeout``...); do not close it, the run does."""
        if self.offline:
            raise Offline("offline run: no HTTP requests")
        return await self._web.client()

    @property
    def http(self) -> Any:
        """The run's shared HTTP client (``claimcheck.http.HttpPool``: HTTP cache under
        ``.claimcheck/``, timeouts, retries honouring Retry-After, per-host limits, size caps).
        ``await ctx.http.get(url)``, ``.head``, ``.request``, ``.check``. Raises ``Offline`` in an
        offline run."""
        if self.offline:
            raise Offline("offline run: no HTTP requests")
        return self._web.pool

    async def request(self, method: str, url: str, **kwargs: Any) -> Any:
        """One HTTP request through the pool; returns a ``claimcheck.http.Response`` (``status``,
        ``headers``, ``content``, ``text``, ``json()``, ``final_url``). Non-2xx answers are returned;
        network failures raise ``FetchError``, other schemes ``SourceRefused``."""
        if self.offline:
            raise Offline("offline run: no HTTP requests")
        classify(url)
        return await self._web.request(method, url, **kwargs)

    async def get_json(self, url: str, **kwargs: Any) -> Any:
        """GET ``url`` and decode JSON (``FetchError`` on an HTTP error or invalid JSON)."""
        response = await self.request("GET", url, **kwargs)
        if not 200 <= response.status < 300:
            raise FetchError(f"HTTP {response.status} from {_safe_url(url)}", status=response.status)
        try:
            return response.json()
        except ValueError:
            raise FetchError(f"{_safe_url(url)} did not return JSON") from None

    async def check_link(self, url: str) -> Any:
        """A link's status for a link checker (``claimcheck.http.LinkStatus``); never raises for
        a bad link."""
        if self.offline:
            raise Offline("offline run: no HTTP requests")
        return await self._web.check(url)

    def resolve_local(self, ref: str) -> Path:
        """A project-relative path of a local document; refused outside the project."""
        try:
            return self.project.resolve_local(ref)
        except ClaimcheckError as exc:
            raise SourceRefused(str(exc)) from None

    async def fetch_text(self, url_or_path: str, *, metadata: bool = True) -> Any:
        """The readable text of a source: an http(s) page (main text, boilerplate removed), a PDF,
        or a plain-text / HTML file inside the project. Returns a ``Document`` (``text``,
        ``title``, ``url``, ``final_url``, ``status``, ``content_type``).

        ``metadata=False`` when the verifier only reads the text: ``title``, ``publisher``,
        ``date`` and ``author`` are then ``None``, and the page costs about half as much CPU
        (reading an HTML page's metadata is half of extracting it).

        Raises ``SourceRefused`` (other scheme, path outside the project), ``Offline`` (a URL in
        an offline run) or ``FetchError`` (unreachable, HTTP error, too large, unreadable).
        """
        kind = classify(url_or_path)
        if kind == "path":
            path = self.resolve_local(url_or_path)
            return await self._web.read_file(path, url_or_path, metadata)
        if self.offline:
            raise Offline("offline run: no HTTP requests")
        return await self._web.fetch_text(url_or_path, metadata)


def _safe_url(url: str) -> str:
    """The URL without its query string (where API keys travel)."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}{parts.path}"
