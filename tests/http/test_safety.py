"""Only http(s) URLs are fetched, and local documents never come from outside the project."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from claimcheck.http import UnsafePathError, UnsafeURLError, check_url, has_scheme, resolve_local_path


@pytest.mark.parametrize("url", ["https://example.org/a?b=1", "http://127.0.0.1:8080/x", "  HTTPS://EXAMPLE.ORG  "])
def test_http_and_https_urls_are_accepted(url: str) -> None:
    assert check_url(url) == url.strip()


@pytest.mark.parametrize(
    ("url", "scheme"),
    [
        ("file:///etc/passwd", "file"),
        ("ftp://example.org/data.csv", "ftp"),
        ("javascript:alert(1)", "javascript"),
        ("data:text/html,<script>", "data"),
        ("gopher://example.org", "gopher"),
    ],
)
def test_other_schemes_are_refused_with_a_message_naming_the_scheme(url: str, scheme: str) -> None:
    with pytest.raises(UnsafeURLError, match=rf"refused {scheme}: URL .*only http and https"):
        check_url(url)


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("https://", "without a host"),
        ("https://exa mple.org/", "spaces or control characters"),
        ("http://example.org:99999/", "malformed URL"),
        ("https://user:secret@example.org/", "user name or password"),
        ("example.org/page", "not a URL"),
    ],
)
def test_malformed_urls_are_refused(url: str, message: str) -> None:
    with pytest.raises(UnsafeURLError, match=message):
        check_url(url)


def test_credentials_never_appear_in_the_refusal() -> None:
    with pytest.raises(UnsafeURLError) as error:
        check_url("https://user:hunter2secret@example.org/")
    assert "hunter2secret" not in str(error.value)


def test_has_scheme_tells_urls_from_project_paths() -> None:
    assert has_scheme("https://example.org")
    assert has_scheme("file:///etc/passwd")
    assert not has_scheme("sources/report.pdf")
    assert not has_scheme("../../etc/passwd")


def test_a_path_inside_the_project_resolves(tmp_path: Path) -> None:
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "report.txt").write_text("x")
    assert resolve_local_path("sources/report.txt", tmp_path) == (tmp_path / "sources" / "report.txt").resolve()
    # ".." that stays inside is fine
    assert resolve_local_path("sources/../sources/report.txt", tmp_path).name == "report.txt"


@pytest.mark.parametrize("path", ["../../etc/passwd", "../outside.txt", "/etc/passwd"])
def test_paths_leaving_the_project_are_refused(tmp_path: Path, path: str) -> None:
    with pytest.raises(UnsafePathError, match="leads outside the project"):
        resolve_local_path(path, tmp_path)


def test_a_symlink_pointing_out_of_the_project_is_refused(tmp_path: Path) -> None:
    project = tmp_path / "project"
    project.mkdir()
    secret = tmp_path / "secret.txt"
    secret.write_text("private")
    os.symlink(secret, project / "innocent.txt")
    with pytest.raises(UnsafePathError, match="outside the project"):
        resolve_local_path("innocent.txt", project)


def test_a_file_url_given_as_a_local_path_is_still_refused(tmp_path: Path) -> None:
    with pytest.raises(UnsafeURLError, match="refused file"):
        resolve_local_path("file:///etc/passwd", tmp_path)
