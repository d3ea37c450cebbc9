"""The package installs what the repository holds."""

from __future__ import annotations

import importlib
import tomllib

from tests.conftest import REPO


def test_every_package_folder_is_listed_in_pyproject():
    listed = set(tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    found = set()
    for top, name in (("claimcheck", "claimcheck"), ("plugins", "claimcheck_plugins")):
        for init in (REPO / top).rglob("__init__.py"):
            rel = init.parent.relative_to(REPO / top).parts
            found.add(".".join((name, *rel)))
    assert found == listed


def test_every_builtin_plugin_imports():
    from claimcheck.plugins import DEFAULT_PLUGINS

    for name in DEFAULT_PLUGINS:
        importlib.import_module(name)


def test_first_party_plugins_use_only_the_public_api():
    for path in (REPO / "plugins").glob("*.py"):
        for line in path.read_text().splitlines():
            stripped = line.strip()
            if stripped.startswith(("from claimcheck.", "import claimcheck.")):
                module = stripped.split()[1]
                assert module.split(".")[1] in PUBLIC_MODULES, f"{path.name}: {stripped}"


#: Modules of claimcheck that plugins may import: the quantity engine, the extraction toolkit
#: (sentences, features: docs/extract.md) and the test fixtures.
PUBLIC_MODULES = {"quantities", "extract", "testing"}
