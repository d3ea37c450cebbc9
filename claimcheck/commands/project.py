"""Commands about the project and the tool itself: init, schema, plugins, verifiers."""

from __future__ import annotations

import json
from pathlib import Path

import click

from claimcheck.hookspecs import hookimpl


@hookimpl
def register_commands(cli: click.Group) -> None:
    cli.add_command(init)
    cli.add_command(schema)
    cli.add_command(plugins)
    cli.add_command(verifiers)


@click.command()
@click.argument("directory", default=".", type=click.Path(file_okay=False, path_type=Path))
def init(directory: Path) -> None:
    """Make a claims project: claims/, claimcheck.toml and plugins/ with an example."""
    from claimcheck.scaffold import init_project

    for path in init_project(directory):
        click.echo(f"created {path}")


@click.command()
def schema() -> None:
    """Print the JSON Schema of a claim file (for editors)."""
    from importlib.resources import files

    click.echo(files("claimcheck").joinpath("claim.schema.json").read_text(encoding="utf-8"), nl=False)


@click.command()
@click.option("--all", "show_all", is_flag=True, help="Include the built-in plugins.")
@click.option("--hook", help="Only plugins implementing this hook.")
def plugins(show_all: bool, hook: str | None) -> None:
    """List the loaded plugins as JSON: name, version, hooks, and the file of local ones."""
    from claimcheck.plugins import plugin_info

    found = plugin_info(include_builtins=show_all)
    if hook:
        found = [p for p in found if hook in p["hooks"]]
    click.echo(json.dumps(found, indent=2))


@click.command()
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def verifiers(fmt: str) -> None:
    """List the registered verifiers: name, plugin, version and description."""
    from claimcheck.registry import collect

    found = collect("verifier")
    rows = [
        {"name": r.name, "plugin": r.plugin, "version": str(r.obj.version), "description": r.obj.description}
        for r in found.values()
    ]
    if fmt == "json":
        click.echo(json.dumps(rows, indent=2))
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(box=None, header_style="bold")
    for column in ("name", "plugin", "version", "description"):
        table.add_column(column, style="cyan" if column == "name" else None, overflow="fold")
    for row in rows:
        table.add_row(*row.values())
    Console().print(table)
