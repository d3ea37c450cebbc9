"""A real HTTP server on 127.0.0.1 with every kind of bad behaviour the HTTP layer must survive.

It is a plain ``ThreadingHTTPServer`` (one thread per connection, HTTP/1.1 keep-alive) run
for the whole test session. Routes:

- ``/article``, ``/text``, ``/json``, ``/pdf``, ``/pdf-as-octet``, ``/image``, ``/gzip``:
  documents of each kind (the PDF is generated below);
- ``/invalid-utf8``, ``/bad-charset``, ``/latin1-page``: broken or unusual encodings;
- ``/slow?seconds=S``: answers after S seconds;
- ``/status/CODE``: that status; ``/flaky/ID?fail=N&status=S&retry_after=R``: fails N
  times with S (and a Retry-After of R) before a 200;
- ``/reset``, ``/reset-once/ID``: connection reset (RST) before any answer;
- ``/loop/a`` <-> ``/loop/b``: a redirect loop; ``/redirect/N``: N redirects then /text;
  ``/redirect-file``: a redirect to file:///etc/passwd;
- ``/big``: 100 MB with a Content-Length; ``/big-chunked``: 100 MB chunked, no length;
- ``/no-head``, ``/head-404``: 405 or 404 on HEAD, 200 on GET; ``/headers``: echoes the request headers as JSON;
- ``/counted/ID``: 200 whose body says how often it was served;
- ``/echo/...`` (any method): the raw request line, headers (in order) and body, as JSON;
- ``/deflate``, ``/deflate-raw``, ``/bad-gzip``: zlib-wrapped and raw deflate bodies, and a body
  that says gzip but is not; ``/set-cookie``: a 200 that sets a cookie;
- ``/concurrent?seconds=S``: records how many requests were in flight at once.
"""

from __future__ import annotations

import gzip
import json
import socket
import struct
import threading
import time
import zlib
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Iterator
from urllib.parse import parse_qs, urlsplit

import pytest

ARTICLE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>Belarus: 35,000 arrested since August 2020 | Rights Watch</title>
<meta property="og:site_name" content="Rights Watch">
<meta name="author" content="Jane Roe">
<meta property="article:published_time" content="2021-08-09T10:00:00Z">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/about">About us</a></li><li>Donate</li></ul></nav>
<article>
<h1>Belarus: 35,000 arrested since August 2020</h1>
<p>More than 35,000 people have been arrested in Belarus since the disputed election of
August 2020, according to figures compiled by the Viasna human rights centre.</p>
<p>The centre says that 1,093 of them are political prisoners today, and that the real
number of detentions is probably higher because many families are afraid to report them.</p>
<p>The authorities have not published a count of their own and dispute the centre's method.</p>
</article>
<footer>Subscribe to our newsletter. Cookie settings. Copyright 2021 Rights Watch.</footer>
</body></html>"""

PLAIN = "Plain text source: 35,000 arrests since August 2020.\n"
BIG_SIZE = 100 * 1024 * 1024


def make_pdf(lines: list[str], title: str = "Viasna report") -> bytes:
    """A small valid PDF with one page of text (Helvetica), built by hand with a correct xref."""
    text_ops = ["BT", "/F1 12 Tf", "72 720 Td", "14 TL"]
    for line in lines:
        escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        text_ops.append(f"({escaped}) Tj T*")
    text_ops.append("ET")
    stream = "\n".join(text_ops).encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Title (" + title.encode("latin-1") + b") /CreationDate (D:20210809120000Z) >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R /Info 6 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


PDF = make_pdf(["Annual report of the Viasna human rights centre.", "Detained since August 2020: 35,000 people."])
# A 1x1 PNG: a binary type the document reader must refuse.
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
    "0000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)


class ServerState:
    def __init__(self) -> None:
        self.hits: Counter[str] = Counter()
        self.lock = threading.Lock()
        self.in_flight = 0
        self.max_in_flight = 0

    def hit(self, key: str) -> int:
        with self.lock:
            self.hits[key] += 1
            return self.hits[key]


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    state: ServerState  # set on the subclass made per server

    def log_message(self, format: str, *args: object) -> None:  # keep pytest output clean
        pass

    # -- helpers
    def _send(self, status: int, body: bytes = b"", content_type: str = "text/plain; charset=utf-8", **headers: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _redirect(self, location: str, status: int = 302) -> None:
        self._send(status, b"", Location=location)

    def _reset(self) -> None:
        # SO_LINGER with a zero timeout makes close() send a TCP RST instead of a FIN.
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.connection.close()
        self.close_connection = True

    def do_HEAD(self) -> None:
        self.do_GET()

    def do_POST(self) -> None:
        self.do_GET()

    do_PUT = do_PATCH = do_DELETE = do_POST

    def _echo(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        record = {"line": self.requestline, "headers": list(self.headers.items()), "body": body.decode("utf-8")}
        self._send(200, json.dumps(record).encode(), "application/json")

    def do_GET(self) -> None:  # noqa: C901 - one branch per route reads best here
        parts = urlsplit(self.path)
        path, query = parts.path, {k: v[-1] for k, v in parse_qs(parts.query).items()}
        self.state.hit(path)
        segments = path.strip("/").split("/")
        head = segments[0]
        if head == "echo":
            self._echo()
        elif self.command not in ("GET", "HEAD"):
            self._send(405, b"method not allowed")
        elif path == "/article":
            self._send(200, ARTICLE.encode(), "text/html; charset=utf-8")
        elif path == "/text":
            self._send(200, PLAIN.encode(), "text/plain; charset=utf-8")
        elif path == "/json":
            self._send(200, json.dumps({"claims": [{"text": "35,000 arrested"}]}).encode(), "application/json")
        elif path == "/pdf":
            self._send(200, PDF, "application/pdf")
        elif path == "/pdf-as-octet":
            self._send(200, PDF, "application/octet-stream")
        elif path == "/broken-pdf":
            self._send(200, b"%PDF-1.4\nthis is not really a pdf", "application/pdf")
        elif path == "/image":
            self._send(200, PNG, "image/png")
        elif path == "/gzip":
            self._send(200, gzip.compress(PLAIN.encode() * 100), "text/plain; charset=utf-8", Content_Encoding="gzip")
        elif path == "/deflate":
            self._send(200, zlib.compress(PLAIN.encode() * 100), "text/plain; charset=utf-8", Content_Encoding="deflate")
        elif path == "/deflate-raw":  # what some servers send as "deflate": no zlib header
            packer = zlib.compressobj(wbits=-15)
            body = packer.compress(PLAIN.encode() * 100) + packer.flush()
            self._send(200, body, "text/plain; charset=utf-8", Content_Encoding="deflate")
        elif path == "/bad-gzip":
            self._send(200, b"this is not gzip", "text/plain; charset=utf-8", Content_Encoding="gzip")
        elif path == "/set-cookie":
            self._send(200, b"have a cookie", Set_Cookie="session=abc123; Path=/")
        elif path == "/invalid-utf8":
            self._send(200, b"caf\xc3\xa9 ok \xff\xfe broken \xc3", "text/plain; charset=utf-8")
        elif path == "/bad-charset":
            self._send(200, "café".encode(), "text/plain; charset=x-no-such-charset")
        elif path == "/latin1-page":
            body = "<html><head><title>Caf\xe9</title></head><body><p>Caf\xe9 cr\xe8me, 35\xa0000 arrests.</p></body></html>"
            self._send(200, body.encode("latin-1"), "text/html; charset=iso-8859-1")
        elif path == "/concurrent":
            with self.state.lock:
                self.state.in_flight += 1
                self.state.max_in_flight = max(self.state.max_in_flight, self.state.in_flight)
            time.sleep(float(query.get("seconds", "0.2")))
            with self.state.lock:
                self.state.in_flight -= 1
            self._send(200, b"done")
        elif path == "/slow":
            time.sleep(float(query.get("seconds", "1")))
            self._send(200, b"finally")
        elif head == "status":
            self._send(int(segments[1]), f"status {segments[1]}".encode())
        elif head == "flaky":
            count = self.state.hit("flaky:" + segments[1])
            if count <= int(query.get("fail", "1")):
                extra = {"Retry_After": query["retry_after"]} if "retry_after" in query else {}
                self._send(int(query.get("status", "500")), b"try again", **extra)
            else:
                self._send(200, f"recovered after {count - 1} failures".encode())
        elif path == "/reset":
            self._reset()
        elif head == "reset-once":
            if self.state.hit("reset:" + segments[1]) == 1:
                self._reset()
            else:
                self._send(200, b"second time lucky")
        elif path == "/loop/a":
            self._redirect("/loop/b")
        elif path == "/loop/b":
            self._redirect("/loop/a")
        elif head == "redirect":
            left = int(segments[1])
            self._redirect(f"/redirect/{left - 1}" if left > 1 else "/text", 301)
        elif path == "/redirect-file":
            self._redirect("file:///etc/passwd")
        elif path == "/big":
            self._stream_big(chunked=False)
        elif path == "/big-chunked":
            self._stream_big(chunked=True)
        elif path in ("/no-head", "/head-404"):
            if self.command == "HEAD":
                self._send(405 if path == "/no-head" else 404, b"")
            else:
                self._send(200, b"GET works")
        elif path == "/headers":
            self._send(200, json.dumps(dict(self.headers.items())).encode(), "application/json")
        elif head == "counted":
            # do_GET already counted this hit under its path
            self._send(200, f"served {self.state.hits[path]} times".encode())
        else:
            self._send(404, b"not found")

    def _stream_big(self, *, chunked: bool) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        if chunked:
            self.send_header("Transfer-Encoding", "chunked")
        else:
            self.send_header("Content-Length", str(BIG_SIZE))
        self.end_headers()
        if self.command == "HEAD":
            return
        block = b"x" * (1024 * 1024)
        try:
            for _ in range(BIG_SIZE // len(block)):
                if chunked:
                    self.wfile.write(f"{len(block):x}\r\n".encode() + block + b"\r\n")
                else:
                    self.wfile.write(block)
            if chunked:
                self.wfile.write(b"0\r\n\r\n")
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client stopped reading at its size cap, as it should
        self.close_connection = True


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 128

    def handle_error(self, request: object, client_address: object) -> None:
        # Clients hanging up early (size caps, timeouts) are what these tests are about.
        import sys

        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            super().handle_error(request, client_address)  # type: ignore[arg-type]


@pytest.fixture
def sample_pdf() -> bytes:
    """The PDF the server serves at /pdf, for tests that need it as a local file."""
    return PDF


@pytest.fixture(scope="session")
def http_server() -> Iterator["RunningServer"]:
    state = ServerState()
    handler = type("Handler", (_Handler,), {"state": state})
    server = _Server(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield RunningServer(f"http://127.0.0.1:{server.server_address[1]}", state)
    finally:
        server.shutdown()
        server.server_close()


class RunningServer:
    def __init__(self, base: str, state: ServerState) -> None:
        self.base = base
        self.state = state

    def url(self, path: str) -> str:
        return self.base + path

    def hits(self, path: str) -> int:
        return self.state.hits[path]
