"""pytest fixtures for claimcheck plugin authors (registered as a pytest plugin: ``pytest11``).

Installed with claimcheck, so a plugin's own tests can use them without any import:

- ``claims_project(records)``: a temporary claims project built from records (dicts or YAML text)
- ``make_claim(**fields)``: a valid ``Claim`` with sensible defaults
- ``register_plugin(obj)``: register an object as a plugin for one test (removed afterwards)
- ``run_verifier(verifier, claim, responses=...)``: run one verifier with a mocked HTTP layer
  (a routing table ``{url: response}`` or recorded responses; offline without them)

Keep this module light: pytest imports it in every run of every project that has claimcheck.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable, Iterator

import pytest


@pytest.fixture
def claims_project(tmp_path: Path) -> Callable[..., Any]:
    """Build a claims project in a temporary folder: ``claims_project({"id": ..., "claim": ...}, ...)``.

    Each record is a dict or YAML text; ``collection=`` picks the folder under ``claims/`` and
    ``config=`` the text of ``claimcheck.toml``. Returns the ``claimcheck.project.Project``.
    """
    import yaml

    from claimcheck.project import Project

    def build(*records: dict | str, collection: str = "", config: str | None = None) -> Project:
        root = tmp_path / "project"
        folder = root / "claims" / collection if collection else root / "claims"
        folder.mkdir(parents=True, exist_ok=True)
        if config is not None:
            (root / "claimcheck.toml").write_text(config, encoding="utf-8")
        for i, record in enumerate(records):
            text = record if isinstance(record, str) else yaml.safe_dump(record, sort_keys=False, allow_unicode=True)
            data = yaml.safe_load(text) if isinstance(record, str) else record
            name = (data or {}).get("id") or f"claim-{i + 1}"
            (folder / f"{name}.yaml").write_text(text, encoding="utf-8")
        return Project(root)

    return build


@pytest.fixture
def make_claim() -> Callable[..., Any]:
    """Make a ``Claim``: ``make_claim(claim="...", figure="more than 800", sources=[{...}])``.

    Fields are given as plain data, exactly as in a claim file, and validated the same way.
    """
    from claimcheck.convert import structure_claim

    def make(**fields: Any) -> Any:
        fields.setdefault("id", "test-claim")
        fields.setdefault("claim", "More than 35,000 people have been arrested since August 2020.")
        return structure_claim(fields)

    return make


@pytest.fixture
def register_plugin() -> Iterator[Callable[[Any], Any]]:
    """Register an object (module, class or instance with ``@hookimpl`` methods) for one test."""
    from claimcheck.plugins import check_hooks, load_all, pm

    load_all()
    added: list[Any] = []

    def register(plugin: Any, name: str | None = None) -> Any:
        if pm.is_registered(plugin):  # e.g. the module of an installed plugin: already loaded, keep it
            check_hooks(plugin, name or repr(plugin))
            return plugin
        check_hooks(plugin, name or repr(plugin))  # before pluggy, whose messages are about its internals
        pm.register(plugin, name=name)
        added.append(plugin)
        return plugin

    yield register
    for plugin in added:
        if pm.is_registered(plugin):
            pm.unregister(plugin)


# -- run_verifier ----------------------------------------------------------------------------------


class VerifierRunner:
    """``run_verifier(verifier, claim, responses=...)``: run one verifier on one claim, as the engine would.

    - ``claim``: a ``Claim``, a dict of claim fields, or just the claim sentence.
    - ``responses``: the HTTP answers. A routing table ``{url: response}``, a list of recorded
      responses ``[{"url": ..., "status": ..., "headers": ..., "body": ...}]``, or the path of a
      JSON/YAML file holding either. Without it the run is offline (``ctx.offline`` is true).
      Either way no request of the HTTP layer, nor one made with httpx, leaves the machine: a
      request nothing answers fails like an unreachable host inside the verifier, and then
      fails the test (``strict=False``: only the former).
    - ``project``: a ``Project`` (from ``claims_project``) whose ``claimcheck.toml`` gives the
      verifier's ``[verifiers.NAME]`` settings; ``settings={...}`` overrides them.

    Returns the ``Verdict`` exactly as ``verify`` returned it (the engine adds ``checked`` and
    ``version`` when it stores one). An exception in ``verify`` propagates, so the test shows it.
    After a call, ``run_verifier.requests`` lists the ``(method, url)`` of every request made,
    and ``run_verifier.warnings`` what the verifier passed to ``ctx.warn``.
    """

    def __init__(self, tmp_path: Path) -> None:
        self._tmp_path = tmp_path
        self.requests: list[tuple[str, str]] = []
        self.warnings: list[str] = []

    def __call__(self, verifier: Any, claim: Any, responses: Any = None, **options: Any) -> Any:
        import asyncio

        try:
            asyncio.get_running_loop()
        except RuntimeError:
            return asyncio.run(self.run_async(verifier, claim, responses, **options))
        raise RuntimeError("run_verifier() was called inside a running event loop: use `await run_verifier.run_async(...)`")

    async def run_async(
        self,
        verifier: Any,
        claim: Any,
        responses: Any = None,
        *,
        project: Any = None,
        settings: dict[str, Any] | None = None,
        offline: bool | None = None,
        timeout: float = 30.0,
        strict: bool = True,
    ) -> Any:
        """The same as calling ``run_verifier(...)``, from a test that runs its own event loop."""
        import asyncio

        from claimcheck.context import Context
        from claimcheck.model import Verdict
        from claimcheck.registry import check_object

        check_object(verifier, "verifier", type(verifier).__module__)
        claim = _as_claim(claim)
        if not verifier.applies_to(claim):
            pytest.fail(
                f"run_verifier: {verifier.name}.applies_to(claim) is False, so `claimcheck verify` would not run it "
                "on this claim; give the claim what the verifier needs, or test applies_to() on its own"
            )
        project = project if project is not None else self._empty_project()
        routes = _Routes(_load_responses(responses))
        offline = responses is None if offline is None else offline
        self.requests = routes.seen
        self.warnings = []
        web = _make_web(project, offline=offline, timeout=timeout)
        ctx = Context(
            name=verifier.name,
            project=project,
            web=web,
            offline=offline,
            settings={**project.settings("verifiers", verifier.name), **(settings or {})},
            warn=self.warnings.append,
        )
        routes.strict = strict
        with routes.mocked():
            try:
                verdict = await asyncio.wait_for(verifier.verify(claim, ctx), timeout)
            except asyncio.TimeoutError:
                pytest.fail(f"run_verifier: {verifier.name}.verify did not finish within {timeout:g} s")
            except Exception:
                routes.fail_if_unrouted()  # the real cause, when there is one
                raise
            finally:
                close = getattr(web, "aclose", None)
                if close is not None:
                    await close()
        routes.fail_if_unrouted()
        if verdict is not None and not isinstance(verdict, Verdict):
            pytest.fail(f"run_verifier: {verifier.name}.verify returned {type(verdict).__name__}, not a claimcheck.Verdict or None")
        return verdict

    def _empty_project(self) -> Any:
        from claimcheck.project import Project

        root = self._tmp_path / "run-verifier-project"
        (root / "claims").mkdir(parents=True, exist_ok=True)
        # Retries without the real backoff, so a test of an unreachable host takes milliseconds.
        (root / "claimcheck.toml").write_text("[http]\nbackoff = 0.01\nbackoff_max = 0.05\n", encoding="utf-8")
        return Project(root)


@pytest.fixture
def run_verifier(tmp_path: Path) -> VerifierRunner:
    """Run one verifier on one claim with a mocked HTTP layer: ``run_verifier(verifier, claim, responses={url: body})``."""
    return VerifierRunner(tmp_path)


def _as_claim(claim: Any) -> Any:
    from claimcheck.convert import structure_claim
    from claimcheck.model import Claim

    if isinstance(claim, Claim):
        return claim
    fields = {"claim": claim} if isinstance(claim, str) else dict(claim)
    fields.setdefault("id", "test-claim")
    return structure_claim(fields)


def _make_web(project: Any, *, offline: bool, timeout: float) -> Any:
    """The HTTP layer ``claimcheck verify`` gives verifiers, without its on-disk caches.

    No cache, so two runs in one test with different responses for a URL each see their own.
    """
    from claimcheck.verify.engine import Options, make_web

    return make_web(project, Options(offline=offline, dry_run=True, timeout=timeout))


def _load_responses(responses: Any) -> list[tuple[Any, Any]]:
    """``responses=`` as a list of (pattern, answer) pairs, in matching order."""
    if responses is None:
        return []
    if isinstance(responses, (str, Path)):
        path = Path(responses)
        text = path.read_text(encoding="utf-8")
        if path.suffix.lower() == ".json":
            import json

            responses = json.loads(text)
        else:
            import yaml

            responses = yaml.safe_load(text)
    if isinstance(responses, dict):
        return list(responses.items())
    if isinstance(responses, list):  # recorded responses: each one names its url (and method)
        out = []
        for item in responses:
            if not isinstance(item, dict) or "url" not in item:
                raise TypeError(f"run_verifier: a recorded response needs a 'url': {item!r}")
            answer = {k: v for k, v in item.items() if k not in ("url", "method")}
            out.append((f"{item.get('method', 'GET').upper()} {item['url']}", answer))
        return out
    raise TypeError(f"run_verifier: responses= takes a dict, a list or a file path, not {type(responses).__name__}")


_METHODS = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS")


class _Routes:
    """Answers requests from the routing table; remembers what was asked and what was not answered."""

    def __init__(self, table: list[tuple[Any, Any]]) -> None:
        self.table = table
        self.seen: list[tuple[str, str]] = []
        self.unrouted: list[tuple[str, str]] = []
        self.strict = True
        self._calls: dict[int, int] = {}

    def mocked(self) -> Any:
        """Answer every request from the routing table for the duration of the run.

        The HTTP layer calls its transports directly (no ``httpx.AsyncClient`` in between), so
        client-level mocks (respx's) would miss it: the transport classes themselves are
        patched. That covers the pool's httpcore transports, any ``httpx.Client``/``AsyncClient``
        a verifier makes itself (httpx-aiohttp's transport included), and caching transports
        wrapped around them. The pool's aiohttp path has no httpx in it: its send method is
        patched to build the ``httpx.Request`` the httpcore path would and send it down that
        path to the table instead, so no request of the run can reach the network.
        """
        import contextlib
        from types import SimpleNamespace
        from unittest import mock

        import httpx

        from claimcheck.http.pool import HttpPool, _Shard

        routes = self

        async def handle_async_request(transport: Any, request: Any) -> Any:
            return routes.answer(request)

        def handle_request(transport: Any, request: Any) -> Any:
            return routes.answer(request)

        async def answer(request: Any) -> Any:
            return routes.answer(request)

        routed = _Shard(SimpleNamespace(handle_async_request=answer))  # a transport: the routing table

        async def send_aiohttp(pool: Any, method: str, url: str, headers: Any, json: Any, data: Any,
                               max_bytes: int, read_body: bool, shown: str) -> Any:
            return await pool._send(routed, method, url, headers, json, data, max_bytes, read_body, shown)

        stack = contextlib.ExitStack()
        stack.enter_context(mock.patch.object(HttpPool, "_send_aiohttp", send_aiohttp))
        stack.enter_context(mock.patch.object(httpx.AsyncHTTPTransport, "handle_async_request", handle_async_request))
        stack.enter_context(mock.patch.object(httpx.HTTPTransport, "handle_request", handle_request))
        try:
            from httpx_aiohttp import AiohttpTransport
        except ImportError:
            pass
        else:
            stack.enter_context(mock.patch.object(AiohttpTransport, "handle_async_request", handle_async_request))
        return stack

    def answer(self, request: Any) -> Any:
        import httpx

        method, url = request.method.upper(), str(request.url)
        self.seen.append((method, url))
        for i, (pattern, spec) in enumerate(self.table):
            if _matches(pattern, method, url):
                if isinstance(spec, list):  # successive answers (a 429, then a 200); the last one repeats
                    n = self._calls.get(i, 0)
                    self._calls[i] = n + 1
                    spec = spec[min(n, len(spec) - 1)] if spec else 404
                return _response(spec, request)
        self.unrouted.append((method, url))
        if self.strict:
            # Not an httpx error: the HTTP layer must not retry it, nor the verifier take it for
            # a dead link. The test fails with the list of unanswered requests.
            raise _Unrouted(f"run_verifier: no response for {method} {url}")
        raise httpx.ConnectError(f"run_verifier: no response for {method} {url}", request=request)

    def fail_if_unrouted(self) -> None:
        if self.strict and self.unrouted:
            listed = "\n  ".join(f"{m} {u}" for m, u in self.unrouted)
            what = "requests that responses= does not answer" if self.table else "requests, and no responses= were given"
            pytest.fail(
                f"run_verifier: the verifier made {what}:\n  {listed}\n"
                "(add them to responses=, or pass strict=False to let them fail as unreachable hosts)"
            )


class _Unrouted(Exception):
    """A request the routing table does not answer (strict mode)."""


def _matches(pattern: Any, method: str, url: str) -> bool:
    """A key of the routing table: ``"https://x/y"``, ``"POST https://x/y"``, ``"https://x/*"``
    (a prefix), or a compiled regular expression. A key without a query string matches the URL
    with any query string."""
    if hasattr(pattern, "search"):
        return bool(pattern.search(url))
    key = str(pattern).strip()
    want_method = "GET"
    head, _, rest = key.partition(" ")
    if rest and head.upper() in _METHODS:
        want_method, key = head.upper(), rest.strip()
    if method != want_method and not (method == "HEAD" and want_method == "GET"):
        return False
    if key.endswith("*"):
        return url.startswith(key[:-1])
    import httpx

    wanted = httpx.URL(key)
    got = httpx.URL(url)
    if wanted == got:
        return True
    return not wanted.query and got.copy_with(query=None) == wanted


def _response(spec: Any, request: Any) -> Any:
    """One answer of the routing table as an ``httpx.Response`` (or the exception it stands for)."""
    import httpx

    if isinstance(spec, httpx.Response):
        return _streamed(spec.status_code, spec.content, dict(spec.headers), request)
    if isinstance(spec, BaseException):
        raise spec
    if isinstance(spec, type) and issubclass(spec, BaseException):
        raise spec(f"run_verifier: {spec.__name__}", request=request) if issubclass(spec, httpx.RequestError) else spec()
    if isinstance(spec, int):
        return _streamed(spec, b"", {}, request)
    if isinstance(spec, str):
        kind = "text/html" if spec.lstrip().startswith("<") else "text/plain"
        return _streamed(200, spec.encode("utf-8"), {"content-type": f"{kind}; charset=utf-8"}, request)
    if isinstance(spec, bytes):
        kind = "application/pdf" if spec.startswith(b"%PDF-") else "application/octet-stream"
        return _streamed(200, spec, {"content-type": kind}, request)
    if isinstance(spec, dict):
        headers = {str(k).lower(): str(v) for k, v in (spec.get("headers") or {}).items()}
        status = int(spec.get("status", 200))
        if "json" in spec:
            import json

            headers.setdefault("content-type", "application/json")
            content = json.dumps(spec["json"]).encode("utf-8")
        elif "file" in spec:
            content = Path(spec["file"]).read_bytes()
        else:
            body = spec.get("body", spec.get("text", spec.get("content", b"")))
            content = body.encode("utf-8") if isinstance(body, str) else bytes(body)
            if isinstance(body, str) and body:
                kind = "text/html" if body.lstrip().startswith("<") else "text/plain"
                headers.setdefault("content-type", f"{kind}; charset=utf-8")
        return _streamed(status, content, headers, request)
    raise TypeError(f"run_verifier: cannot answer a request with {spec!r}")


def _streamed(status: int, content: bytes, headers: dict[str, str], request: Any) -> Any:
    """A response whose body is still to be read, as a transport returns it."""
    import httpx

    headers = {k: v for k, v in headers.items() if k.lower() not in ("content-encoding", "transfer-encoding")}
    headers["content-length"] = str(len(content))
    return httpx.Response(status, headers=headers, stream=_Body(content), request=request)


def _body_class() -> Any:
    import httpx

    class Body(httpx.AsyncByteStream, httpx.SyncByteStream):
        # A stream still to be read, as from a real transport: the HTTP layer reads bodies in
        # chunks (to stop at its size cap), and httpx.Response(content=...) arrives already read.
        def __init__(self, content: bytes) -> None:
            self.content = content

        def __iter__(self):
            yield self.content

        async def __aiter__(self):
            yield self.content

    return Body


def _Body(content: bytes) -> Any:
    global _BODY
    if _BODY is None:
        _BODY = _body_class()
    return _BODY(content)


_BODY: Any = None
