"""The ``claimcheck`` command line: a click group that plugins fill with commands.

Every command, the core ones included, is added by a plugin's ``register_commands`` hook
(see ``claimcheck.commands``). ``make_cli()`` builds a fresh group each time, so tests that add
commands don't leak into each other.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import attrs
import click

from claimcheck import __version__
from claimcheck.errors import ClaimcheckError


@attrs.define
class Settings:
    """The global options, shared with every command through ``click.Context.obj``."""

    project_dir: Path | None = None
    plugins_dirs: tuple[Path, ...] = ()
    debug: bool = False

    def project(self):
        """The claims project (found by walking up from the current folder)."""
        from claimcheck.project import find_project

        return find_project(explicit=self.project_dir)

    def store(self):
        """The project's claims, with the index brought up to date."""
        from claimcheck.store import open_store

        return open_store(self.project())


pass_settings = click.make_pass_decorator(Settings)


class ClaimcheckGroup(click.Group):
    """Shows a ``ClaimcheckError`` as one line (``Error: ...``, exit 1) unless ``--debug``."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except ClaimcheckError as exc:
            settings = ctx.obj
            if isinstance(settings, Settings) and settings.debug:
                raise
            raise click.ClickException(str(exc)) from None


def make_cli(load_plugins: bool = True) -> click.Group:
    """A fresh ``claimcheck`` group with every loaded plugin's commands."""

    @click.group(cls=ClaimcheckGroup, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
    @click.version_option(__version__, prog_name="claimcheck")
    @click.option(
        "--project",
        "project_dir",
        type=click.Path(file_okay=False, path_type=Path),
        help="The claims project folder (default: found by walking up from here).",
    )
    @click.option(
        "--plugins-dir",
        multiple=True,
        type=click.Path(file_okay=False, path_type=Path),
        help="Also load the plugin files (*.py) in this folder.",
    )
    @click.option("--debug", is_flag=True, help="Show full tracebacks on errors.")
    @click.pass_context
    def cli(ctx: click.Context, project_dir: Path | None, plugins_dir: tuple[Path, ...], debug: bool) -> None:
        """claimcheck: track fact-check claims as YAML records, verify them, publish reports.

        \b
        Start with `claimcheck list` in a claims project (a folder with claims/),
        or `claimcheck init` to make one.
        """
        ctx.obj = Settings(project_dir, tuple(plugins_dir), debug)

    if load_plugins:
        from claimcheck.plugins import pm

        pm.hook.register_commands.call_historic(kwargs={"cli": cli})
    return cli


def _early_option(argv: list[str], name: str) -> list[str]:
    """Values of a global option, read before click parses (local plugins add commands)."""
    values = []
    for i, arg in enumerate(argv):
        if arg == name and i + 1 < len(argv):
            values.append(argv[i + 1])
        elif arg.startswith(name + "="):
            values.append(arg.split("=", 1)[1])
    return values


def load_plugins_for(argv: list[str]) -> list[ClaimcheckError]:
    """Load built-in, installed and local plugins for a command line; returns load errors."""
    from claimcheck import plugins
    from claimcheck.project import find_project

    errors = plugins.load_all()
    project_values = _early_option(argv, "--project")
    root = None
    try:
        root = find_project(explicit=Path(project_values[-1]) if project_values else None).root
    except ClaimcheckError:
        pass  # no project here: commands that need one say so themselves
    extra = tuple(Path(p) for p in _early_option(argv, "--plugins-dir"))
    errors += plugins.load_project_plugins(root, extra)
    return errors


def main(argv: list[str] | None = None) -> Any:
    """The console entry point: load plugins, run the CLI, turn errors into one line."""
    argv = sys.argv[1:] if argv is None else argv
    debug = "--debug" in argv or os.environ.get("CLAIMCHECK_DEBUG") == "1"
    try:
        for error in load_plugins_for(argv):
            click.echo(f"claimcheck: warning: {error}", err=True)
        cli = make_cli()
        return cli.main(args=argv, prog_name="claimcheck", standalone_mode=True)
    except ClaimcheckError as exc:
        if debug:
            raise
        click.echo(f"claimcheck: error: {exc}", err=True)
        sys.exit(1)
    except KeyboardInterrupt:
        click.echo("claimcheck: interrupted", err=True)
        sys.exit(130)
