"""A deliberately slow, but otherwise cheap, HTTP/1.1 server for the benchmarks.

Every request is answered after ``delay`` seconds (100 ms by default) with a small HTML
article, so a client's wall time can be compared with the ideal
``requests x delay / concurrency``. The server must never be the bottleneck, so it is a
raw asyncio ``Protocol`` (no framework, no per-request task: a ``call_later`` timer per
request) running in its own process, so it does not share the benchmark's GIL.

It listens on several ports of 127.0.0.1 at once: each port is a separate origin for the
client's per-host limit, so a benchmark can spread its requests over many "hosts" the way
real sources are spread over many sites.

Used by ``benchmarks/http_pool.py`` and ``benchmarks/verify.py``::

    from benchmarks._slow_server import SlowServer
    with SlowServer(delay=0.1, ports=32) as server:
        urls = server.urls(2000)          # round-robin over the ports
"""

from __future__ import annotations

import asyncio
import multiprocessing as mp
import socket
import time

# A realistic little article: trafilatura finds a title, a site name, a date and a body.
_ARTICLE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>Arrests in Belarus since August 2020 ({path})</title>
<meta property="og:site_name" content="Slow News">
<meta name="date" content="2021-08-09">
</head><body>
<nav><a href="/">Home</a> <a href="/about">About</a></nav>
<article><h1>Arrests in Belarus since August 2020</h1>
<p>More than 35,000 people have been arrested in Belarus since the protests of August 2020,
according to the Viasna human rights centre, which documents every detention.</p>
<p>The centre counts 1,093 political prisoners as of this week. Requested path: {path}.</p>
<p>Officials dispute the figures but have published no count of their own.</p>
</article><footer>Copyright Slow News</footer></body></html>
"""


class _SlowProtocol(asyncio.Protocol):
    """Parses just enough HTTP/1.1 (request line, headers, keep-alive) to answer GET/HEAD."""

    def __init__(self, delay: float) -> None:
        self.delay = delay
        self.buffer = b""
        self.transport: asyncio.Transport | None = None
        self.loop = asyncio.get_running_loop()

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport  # type: ignore[assignment]

    def connection_lost(self, exc: Exception | None) -> None:
        self.transport = None

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        # Requests have no body here (GET/HEAD), so a blank line ends each one.
        while b"\r\n\r\n" in self.buffer:
            head, self.buffer = self.buffer.split(b"\r\n\r\n", 1)
            request_line = head.split(b"\r\n", 1)[0].decode("latin-1")
            parts = request_line.split(" ")
            method, path = (parts[0], parts[1]) if len(parts) >= 2 else ("GET", "/")
            self.loop.call_later(self.delay, self._respond, method, path)

    def _respond(self, method: str, path: str) -> None:
        if self.transport is None or self.transport.is_closing():
            return
        body = _ARTICLE.format(path=path.replace("<", "")).encode()
        head = (
            "HTTP/1.1 200 OK\r\n"
            "Content-Type: text/html; charset=utf-8\r\n"
            f"Content-Length: {len(body)}\r\n"
            "Connection: keep-alive\r\n\r\n"
        ).encode()
        self.transport.write(head if method == "HEAD" else head + body)


async def _serve(sockets: list[socket.socket], delay: float, ready: "mp.synchronize.Event | None") -> None:
    loop = asyncio.get_running_loop()
    servers = [
        await loop.create_server(lambda: _SlowProtocol(delay), sock=sock, backlog=1024) for sock in sockets
    ]
    if ready is not None:
        ready.set()
    await asyncio.gather(*(server.serve_forever() for server in servers))


def _run(sockets: list[socket.socket], delay: float, ready: "mp.synchronize.Event | None") -> None:
    try:
        asyncio.run(_serve(sockets, delay, ready))
    except KeyboardInterrupt:
        pass


def _bind(count: int) -> list[socket.socket]:
    sockets = []
    for _ in range(count):
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(("127.0.0.1", 0))
        sock.listen(1024)
        sockets.append(sock)
    return sockets


class SlowServer:
    """Runs the slow server in a child process for the duration of a ``with`` block."""

    def __init__(self, delay: float = 0.1, ports: int = 32) -> None:
        self.delay = delay
        self._sockets = _bind(ports)
        self.ports = [sock.getsockname()[1] for sock in self._sockets]
        self._process: mp.process.BaseProcess | None = None

    def __enter__(self) -> "SlowServer":
        # fork keeps the already-bound sockets; the parent closes its copies afterwards.
        context = mp.get_context("fork")
        ready = context.Event()
        self._process = context.Process(target=_run, args=(self._sockets, self.delay, ready), daemon=True)
        self._process.start()
        for sock in self._sockets:
            sock.close()
        if not ready.wait(10):
            raise RuntimeError("the slow server did not start within 10 s")
        return self

    def __exit__(self, *exc: object) -> None:
        if self._process is not None:
            self._process.terminate()
            self._process.join(5)

    def cpu_seconds(self) -> float:
        """CPU time the server process has used so far (to show it is not the bottleneck)."""
        if self._process is None or self._process.pid is None:
            return 0.0
        import os

        try:
            with open(f"/proc/{self._process.pid}/stat") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
        except OSError:
            return 0.0
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    @property
    def origins(self) -> list[str]:
        return [f"http://127.0.0.1:{port}" for port in self.ports]

    def urls(self, count: int, prefix: str = "/page") -> list[str]:
        """``count`` distinct URLs, spread round-robin over the server's ports."""
        origins = self.origins
        return [f"{origins[i % len(origins)]}{prefix}/{i}" for i in range(count)]


if __name__ == "__main__":  # pragma: no cover - manual use: python -m benchmarks._slow_server
    with SlowServer() as running:
        print("listening on", ", ".join(running.origins))
        while True:
            time.sleep(3600)
