"""Bad input: one clear line, a non-zero exit, and nothing written to the project."""

from __future__ import annotations

import http.server
import socket
import threading
from pathlib import Path

import pytest

from tests.conftest import write


def refused(project: Path, run, *args: str, input: str | None = None) -> str:
    before = sorted(p.as_posix() for p in (project / "claims").rglob("*"))
    result = run("extract", *args, cwd=project, input=input)
    assert result.exit_code != 0
    assert sorted(p.as_posix() for p in (project / "claims").rglob("*")) == before, "nothing written"
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1, result.output
    assert "Traceback" not in result.output
    return lines[0]


def test_empty_file(project, run):
    write(project / "empty.txt", "")
    assert "is empty" in refused(project, run, str(project / "empty.txt"))


def test_whitespace_only_from_standard_input(project, run):
    assert "standard input: is empty" in refused(project, run, "-", input="  \n\n \t")


def test_binary_file(project, run):
    (project / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40)
    assert "binary file" in refused(project, run, str(project / "photo.txt"))


def test_a_broken_pdf(project, run):
    (project / "report.pdf").write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 4)
    assert "cannot read this PDF" in refused(project, run, str(project / "report.pdf"))


def test_html_without_article_text(project, run):
    write(project / "menu.html", "<html><head><title>Home</title></head><body><nav><a href='/'>Home</a>"
          "<a href='/login'>Log in</a></nav><footer>© 2024</footer></body></html>")
    assert "no article text" in refused(project, run, str(project / "menu.html"))


def test_a_50_mb_file_is_refused_with_its_size(project, run):
    big = project / "dump.txt"
    with open(big, "wb") as fh:
        fh.truncate(50 * 1024 * 1024)  # sparse: the size is refused before anything is read
    line = refused(project, run, str(big))
    assert "50.0 MB is too large" in line and "up to 10.0 MB" in line


def test_text_without_sentence_punctuation(project, run):
    write(project / "words.txt", " ".join(["police arrested people in minsk"] * 40))
    assert "no sentence punctuation" in refused(project, run, str(project / "words.txt"))


def test_missing_file(project, run):
    assert "no such file" in refused(project, run, str(project / "nope.txt"))


class _Failing(http.server.BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 (http.server's naming)
        self.send_response(500)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        self.wfile.write(b"<html><body>Internal error</body></html>")

    def log_message(self, *args):
        pass


@pytest.fixture
def failing_server():
    server = http.server.HTTPServer(("127.0.0.1", 0), _Failing)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/article"
    server.shutdown()
    server.server_close()


def test_url_answering_500(project, run, failing_server):
    line = refused(project, run, failing_server)
    assert "cannot fetch: HTTP 500" in line


def test_url_with_connection_refused(project, run):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    # the port was free a moment ago and nothing listens on it now
    line = refused(project, run, f"http://127.0.0.1:{port}/article")
    assert "cannot fetch: connection refused" in line


def test_outside_a_project_without_dry_run(tmp_path, run):
    write(tmp_path / "a.txt", "The police arrested 800 people in Minsk, officials said.")
    result = run("extract", str(tmp_path / "a.txt"), cwd=tmp_path)
    assert result.exit_code != 0
    assert not (tmp_path / "claims").exists()
