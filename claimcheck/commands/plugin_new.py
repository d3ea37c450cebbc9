"""``claimcheck plugin new NAME``: scaffold a verifier plugin package that installs and tests green.

The package follows the llm / datasette plugin layout: one module at the top level, an entry
point in the ``claimcheck`` group, a README and tests using claimcheck's pytest fixtures. The
templates live in ``claimcheck/templates/plugin/`` (Jinja2, rendered with ``StrictUndefined`` so
a template that names an unknown variable fails loudly instead of writing an empty string).
"""

from __future__ import annotations

import re
from pathlib import Path

import attrs
import click

from claimcheck.errors import ClaimcheckError
from claimcheck.hookspecs import hookimpl

#: template file -> path in the new package ({module} is filled in)
FILES: tuple[tuple[str, str], ...] = (
    ("pyproject.toml.j2", "pyproject.toml"),
    ("README.md.j2", "README.md"),
    ("module.py.j2", "{module}.py"),
    ("test_module.py.j2", "tests/test_{module}.py"),
    ("gitignore.j2", ".gitignore"),
)

_NAME = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
_PREFIX = "claimcheck-"


@attrs.frozen
class PluginNames:
    """Every name a plugin package needs, derived from the one the user gave."""

    name: str  # "population-check": the entry point's name and the verifier's name

    @property
    def dist(self) -> str:
        return _PREFIX + self.name

    @property
    def module(self) -> str:
        return self.dist.replace("-", "_")

    @property
    def verifier(self) -> str:
        return self.name

    @property
    def class_name(self) -> str:
        return "".join(part.capitalize() for part in self.name.split("-")) + "Verifier"

    @classmethod
    def parse(cls, raw: str) -> PluginNames:
        """``Population_Check``, ``claimcheck-population-check`` -> ``population-check``."""
        name = re.sub(r"[\s_]+", "-", raw.strip().lower())
        if name.startswith(_PREFIX):
            name = name[len(_PREFIX):]
        if not _NAME.match(name):
            raise ClaimcheckError(
                f"{raw!r} is not a usable plugin name: use lower-case letters, digits and hyphens, "
                "starting with a letter (e.g. population-check)"
            )
        return cls(name)


def render(names: PluginNames) -> dict[str, str]:
    """The files of the new package: relative path -> text."""
    from importlib.resources import files

    import jinja2

    from claimcheck import __version__

    folder = files("claimcheck").joinpath("templates", "plugin")
    env = jinja2.Environment(undefined=jinja2.StrictUndefined, keep_trailing_newline=True, autoescape=False)
    variables = {
        "name": names.name,
        "dist": names.dist,
        "module": names.module,
        "verifier": names.verifier,
        "class_name": names.class_name,
        "claimcheck_version": __version__,
    }
    out = {}
    for template, target in FILES:
        text = folder.joinpath(template).read_text(encoding="utf-8")
        out[target.format(module=names.module)] = env.from_string(text).render(variables)
    return out


def scaffold_plugin(raw_name: str, parent: Path) -> tuple[Path, list[Path]]:
    """Write the package into ``parent/claimcheck-NAME``; returns the folder and the files.

    Refuses a folder that exists and is not empty: a scaffold never overwrites work.
    """
    names = PluginNames.parse(raw_name)
    target = parent / names.dist
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise ClaimcheckError(f"{target} already exists and is not empty; choose another name or --dir")
    created = []
    for rel, text in render(names).items():
        path = target / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        created.append(path)
    return target, created


def _taken(verifier: str) -> str | None:
    """The plugin that already registers a verifier of this name, if any (worth a warning)."""
    try:
        from claimcheck.registry import collect

        found = collect("verifier")
    except ClaimcheckError:
        return None  # another plugin is broken: not this command's business
    return found[verifier].plugin if verifier in found else None


@hookimpl
def register_commands(cli: click.Group) -> None:
    cli.add_command(plugin)


@click.group()
def plugin() -> None:
    """Write your own plugins: `claimcheck plugin new NAME`."""


@plugin.command()
@click.argument("name")
@click.option(
    "--dir",
    "parent",
    default=".",
    show_default=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Where to create the claimcheck-NAME folder.",
)
def new(name: str, parent: Path) -> None:
    """Scaffold a verifier plugin package: claimcheck-NAME/ with pyproject.toml (the entry
    point), the module with a working verifier, a README and tests.

    \b
    Then:
      cd claimcheck-NAME && pip install -e ".[test]" && python -m pytest
      claimcheck verifiers        # shows the new verifier
    See docs/writing-plugins.md.
    """
    names = PluginNames.parse(name)
    owner = _taken(names.verifier)
    if owner is not None:
        click.echo(
            f"warning: a verifier named {names.verifier!r} already exists (plugin {owner!r}); "
            "both cannot be installed at once: rename `name` in the module",
            err=True,
        )
    target, created = scaffold_plugin(name, parent)
    for path in created:
        click.echo(f"created {path}")
    click.echo(
        f"\nNext:\n  cd {target}\n  pip install -e \".[test]\"\n  python -m pytest\n"
        f"  claimcheck verifiers    # lists {names.verifier}",
        err=True,
    )
