"""A claims project: a folder with ``claims/``, maybe ``claimcheck.toml`` and ``plugins/``."""

from __future__ import annotations

import os
import tomllib
from functools import cached_property
from pathlib import Path
from typing import Any, Iterator

import attrs

from claimcheck.errors import ClaimcheckError, Problem

CONFIG_NAME = "claimcheck.toml"
STATE_DIR = ".claimcheck"


@attrs.frozen
class Project:
    """Where a claims project lives, and its settings."""

    root: Path

    @property
    def claims_dir(self) -> Path:
        return self.root / "claims"

    @property
    def plugins_dir(self) -> Path:
        return self.root / "plugins"

    @property
    def state_dir(self) -> Path:
        """Machine state (index, HTTP cache): never edited by hand, safe to delete."""
        return self.root / STATE_DIR

    @cached_property
    def config(self) -> dict[str, Any]:
        path = self.root / CONFIG_NAME
        if not path.exists():
            return {}
        try:
            return tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ClaimcheckError(f"{path}: invalid TOML: {exc}") from None

    def settings(self, *table: str) -> dict[str, Any]:
        """A table of ``claimcheck.toml``, e.g. ``settings("verifiers", "source-text")``."""
        node: Any = self.config
        for name in table:
            node = node.get(name, {}) if isinstance(node, dict) else {}
        return node if isinstance(node, dict) else {}

    def resolve_local(self, ref: str) -> Path:
        """A local document path of a source, refused when it points outside the project."""
        path = (self.root / ref).resolve()
        root = self.root.resolve()
        if path != root and root not in path.parents:
            raise ClaimcheckError(f"{ref}: refusing a local source outside the project folder")
        return path

    def claim_files(self, problems: list[Problem] | None = None) -> Iterator[os.DirEntry]:
        """Every ``*.yaml``/``*.yml`` file under ``claims/``, as directory entries, in no order.

        Symlinked folders are not followed (a link loop would never end); they are reported.
        Names starting with ``.`` (editors' swap files, hidden folders) are skipped.
        """
        if not self.claims_dir.is_dir():
            return
        stack = [str(self.claims_dir)]
        while stack:
            folder = stack.pop()
            try:
                with os.scandir(folder) as entries:
                    for entry in entries:
                        name = entry.name
                        if name[0] == ".":
                            continue
                        if name.endswith((".yaml", ".yml")) and entry.is_file():
                            yield entry
                        elif entry.is_dir(follow_symlinks=False):
                            stack.append(entry.path)
                        elif entry.is_symlink() and entry.is_dir() and problems is not None:
                            problems.append(Problem(Path(entry.path), None, None, "symlinked folder not followed"))
            except OSError as exc:
                if problems is not None:
                    problems.append(Problem(Path(folder), None, None, f"cannot read folder: {exc.strerror}"))


def find_project(start: Path | None = None, explicit: Path | None = None) -> Project:
    """The project at ``explicit``, or the nearest folder above ``start`` holding ``claims/``
    or ``claimcheck.toml``."""
    if explicit is not None:
        if not explicit.is_dir():
            raise ClaimcheckError(f"{explicit}: no such project folder")
        return Project(explicit.resolve())
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "claims").is_dir() or (folder / CONFIG_NAME).is_file():
            return Project(folder)
    raise ClaimcheckError(
        f"no claims project here: no claims/ folder or {CONFIG_NAME} in {here} or above "
        "(run `claimcheck init` to make one, or pass --project DIR)"
    )
