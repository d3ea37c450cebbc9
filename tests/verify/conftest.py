"""Fixtures for the verify tests: a claims project builder, the CLI, and a real HTTP server on
127.0.0.1 that misbehaves on purpose (slow, 429 with Retry-After, 500s, resets, redirect loops,
a 100 MB body, wrong content types, invalid UTF-8). No test reaches the internet."""

from __future__ import annotations

import json
import socket
import struct
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
import yaml

HERE = Path(__file__).resolve().parent
FIXTURES = HERE / "fixtures"

ARTICLE = """<!doctype html><html><head><meta charset="utf-8"><title>{title}</title></head><body>
<nav>Home | World | Sport</nav>
<article><h1>{title}</h1><p>{body}</p>
<p>The figures were published by the ministry on Monday and have not been disputed.</p></article>
<footer>Copyright 2022 Local News. All rights reserved.</footer></body></html>"""


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "claimcheck-test"

    def log_message(self, *args: Any) -> None:  # keep pytest output clean
        pass

    def _send(self, status: int, body: bytes, ctype: str = "text/html; charset=utf-8", headers: dict | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def do_HEAD(self) -> None:
        self.do_GET()

    def do_GET(self) -> None:
        server: LocalServer = self.server.owner  # type: ignore[attr-defined]
        path = self.path.split("?", 1)[0]
        server.log.append((self.command, self.path, dict(self.headers)))
        if path in server.pages:
            status, body, ctype = server.pages[path]
            # like most news sites: cacheable for a while
            self._send(status, body.encode() if isinstance(body, str) else body, ctype, {"Cache-Control": "max-age=3600"})
        elif path == "/slow":
            time.sleep(float(server.options.get("slow", 2.0)))
            self._send(200, ARTICLE.format(title="Slow", body="Nothing here.").encode())
        elif path == "/gone":
            self._send(410, b"gone", "text/plain")
        elif path.startswith("/redirect-to/"):
            self.send_response(301)
            self.send_header("Location", "/" + path[len("/redirect-to/"):])
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif path == "/loop-a" or path == "/loop-b":
            self.send_response(302)
            self.send_header("Location", "/loop-b" if path == "/loop-a" else "/loop-a")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif path == "/rate-limited":
            count = server.counts.get(path, 0)
            server.counts[path] = count + 1
            if count == 0:
                self._send(429, b"slow down", "text/plain", {"Retry-After": "1"})
            else:
                self._send(200, ARTICLE.format(title="Arrests", body="Police said 36,000 people had been arrested since August 2020.").encode())
        elif path == "/error":
            self._send(500, b"internal error", "text/plain")
        elif path == "/reset":
            # SO_LINGER 0 then close every handle on the socket: the kernel answers with a RST
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.close_connection = True
            for handle in (self.rfile, self.wfile, self.connection):
                handle.close()
        elif path == "/huge":
            size = 100 * 1024 * 1024
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", str(size))
            self.end_headers()
            chunk = b"35,000 people " * 4096
            try:
                sent = 0
                while sent < size:
                    self.wfile.write(chunk)
                    sent += len(chunk)
            except OSError:
                pass
        elif path == "/image":
            self._send(200, b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "image/png")
        elif path == "/bad-utf8":
            self._send(200, b"More than 36,000 people were arrested \xff\xfe in Belarus.", "text/plain; charset=utf-8")
        elif path == "/wayback/available":
            self._send(200, json.dumps(server.options.get("wayback", {"archived_snapshots": {}})).encode(), "application/json")
        elif path == "/factcheck":
            server.options["factcheck_headers"] = dict(self.headers)
            self._send(200, server.options.get("factcheck", b'{"claims": []}'), "application/json")
        else:
            self._send(404, b"not found", "text/plain")


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        import sys

        if not isinstance(sys.exc_info()[1], ConnectionError):  # a client that gave up is the point of some tests
            super().handle_error(request, client_address)


class LocalServer:
    """A real HTTP server on 127.0.0.1 in a thread; ``pages[path] = (status, body, content_type)``."""

    def __init__(self) -> None:
        self.pages: dict[str, tuple[int, Any, str]] = {}
        self.options: dict[str, Any] = {}
        self.counts: dict[str, int] = {}
        self.log: list[tuple[str, str, dict]] = []
        self.httpd = _QuietServer(("127.0.0.1", 0), _Handler)
        self.httpd.daemon_threads = True
        self.httpd.owner = self  # type: ignore[attr-defined]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base + path

    def article(self, path: str, body: str, title: str = "Report") -> str:
        self.pages[path] = (200, ARTICLE.format(title=title, body=body), "text/html; charset=utf-8")
        return self.url(path)


@pytest.fixture
def server():
    srv = LocalServer()
    srv.thread.start()
    yield srv
    srv.httpd.shutdown()
    srv.httpd.server_close()


@pytest.fixture
def closed_port() -> int:
    """A port on 127.0.0.1 where nothing listens (connection refused)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def make_project(tmp_path: Path):
    """Build a claims project: ``make_project({"id": {...record...}}, config="...")`` -> root."""

    def build(records: dict[str, Any], *, config: str | None = None, collection: str = "c") -> Path:
        root = tmp_path / "proj"
        folder = root / "claims" / collection
        folder.mkdir(parents=True, exist_ok=True)
        for claim_id, record in records.items():
            text = record if isinstance(record, str) else yaml.safe_dump(record, sort_keys=False, allow_unicode=True)
            (folder / f"{claim_id}.yaml").write_text(text, encoding="utf-8")
        if config is not None:
            (root / "claimcheck.toml").write_text(config, encoding="utf-8")
        return root

    return build


def load(root: Path, claim_id: str, collection: str = "c") -> dict[str, Any]:
    return yaml.safe_load((root / "claims" / collection / f"{claim_id}.yaml").read_text(encoding="utf-8"))


def snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted((root / "claims").rglob("*.yaml"))}
