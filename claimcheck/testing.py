"""pytest fixtures for claimcheck plugin authors (registered as a pytest plugin: ``pytest11``).

Installed with claimcheck, so a plugin's own tests can use them without any import:

- ``claims_project(records)``: a temporary claims project built from records (dicts or YAML text)
- ``make_claim(**fields)``: a valid ``Claim`` with sensible defaults
- ``register_plugin(obj)``: register an object as a plugin for one test (removed afterwards)
- ``run_verifier(verifier, claim, responses=...)``: run one verifier with a mocked HTTP layer

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
        pm.register(plugin, name=name)
        added.append(plugin)
        check_hooks(plugin, name or repr(plugin))
        return plugin

    yield register
    for plugin in added:
        if pm.is_registered(plugin):
            pm.unregister(plugin)
