"""HTTPS servers on 127.0.0.1 with certificates from a test CA (``trustme``), for TLS tests."""

from __future__ import annotations

import datetime as dt
import ssl
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


class _Hello(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", "5")
        self.end_headers()
        self.wfile.write(b"hello")

    def log_message(self, *args: object) -> None:
        pass


class _QuietTLSServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # clients that refuse our certificate hang up mid-handshake: that is the point


class TLSServers:
    """One HTTPS server per kind of certificate, all signed by ``ca``."""

    def __init__(self, ca: Any) -> None:
        self.ca = ca
        self.urls: dict[str, str] = {}
        self._servers: list[ThreadingHTTPServer] = []

    def serve(self, name: str, cert: Any) -> None:
        server = _QuietTLSServer(("127.0.0.1", 0), _Hello)
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        cert.configure_cert(context)
        server.socket = context.wrap_socket(server.socket, server_side=True)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        self._servers.append(server)
        self.urls[name] = f"https://127.0.0.1:{server.server_address[1]}/hello"

    def close(self) -> None:
        for server in self._servers:
            server.shutdown()
            server.server_close()


def start_tls_servers(trustme: Any) -> TLSServers:
    """"good" (a valid certificate for 127.0.0.1), "other-host" (one for news.example.org) and
    "expired" (expired in 2020), all signed by the same test CA, which nothing trusts yet."""
    servers = TLSServers(trustme.CA())
    servers.serve("good", servers.ca.issue_cert("127.0.0.1"))
    servers.serve("other-host", servers.ca.issue_cert("news.example.org"))
    servers.serve("expired", servers.ca.issue_cert("127.0.0.1", not_after=dt.datetime(2020, 1, 1)))
    return servers
