"""Fixtures shared by claimcheck's own tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

REPO = Path(__file__).resolve().parents[1]
#: ../shared beside the checkout (read-only): seed article, eval sets, fixtures
SHARED = REPO.parent / "shared"


@pytest.fixture(autouse=True)
def isolate_plugins():
    """Unregister every plugin a test added, so local plugins don't leak between tests."""
    from claimcheck import plugins

    plugins.load_builtin_plugins()
    before = set(map(id, plugins.pm.get_plugins()))
    local_before = dict(plugins.LOCAL_PLUGIN_FILES)
    yield
    for plugin in plugins.pm.get_plugins():
        if id(plugin) not in before:
            plugins.pm.unregister(plugin)
    plugins.LOCAL_PLUGIN_FILES.clear()
    plugins.LOCAL_PLUGIN_FILES.update(local_before)


@pytest.fixture
def run(monkeypatch):
    """Run the CLI as ``claimcheck ARGS...`` in ``cwd`` and return click's result.

    Loads plugins the way the real entry point does (local plugins included).
    """

    def invoke(*args: str, cwd: Path | None = None, input: str | None = None):
        from claimcheck.cli import load_plugins_for, make_cli

        if cwd is not None:
            monkeypatch.chdir(cwd)
        errors = load_plugins_for(list(args))
        result = CliRunner().invoke(make_cli(), list(args), input=input, catch_exceptions=False)
        result.load_errors = errors
        return result

    return invoke


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """An empty claims project folder."""
    (tmp_path / "claims").mkdir()
    return tmp_path


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path
