"""The everyday commands on claims: list, show, add, review, validate."""

from __future__ import annotations

import sys

import click

from claimcheck.cli import Settings, pass_settings
from claimcheck.hookspecs import hookimpl

STATUSES = ("unchecked", "supported", "refuted", "conflicting", "not-enough-evidence")


def _warn_problems(problems: list) -> None:
    for p in problems:
        click.echo(f"warning: {p}", err=True)


@hookimpl
def register_commands(cli: click.Group) -> None:
    cli.add_command(list_claims)
    cli.add_command(show)
    cli.add_command(add)
    cli.add_command(review)
    cli.add_command(validate)


@click.command("list")
@click.option("--status", multiple=True, help="Only claims with this status (repeatable).")
@click.option("--tag", multiple=True, help="Only claims with this tag (repeat: all of them).")
@click.option("--collection", multiple=True, help="Only this collection and the ones inside it.")
@click.option("--search", help="Text in the claim, quote, measure or figure (case-insensitive).")
@click.option("--claimant", help="Text in the claimant's name (case-insensitive).")
@click.option("--sort", type=click.Choice(["id", "status", "confidence", "date", "path"]), default="id", show_default=True)
@click.option("--format", "fmt", type=click.Choice(["table", "json", "jsonl", "csv", "yaml"]), default="table", show_default=True)
@pass_settings
def list_claims(settings: Settings, status, tag, collection, search, claimant, sort, fmt) -> None:
    """List claims, filtered and sorted.

    A table for people (plain columns when the output is not a terminal); json, jsonl, csv and
    yaml for programs (json carries every field of each record plus its path). Invalid files are
    reported on stderr and the other claims are still listed.
    """
    from claimcheck.output import needs_full_records, write_rows
    from claimcheck.store import Query

    for s in status:
        if s not in STATUSES:
            click.echo(f"note: {s!r} is not a built-in status; plugins may use their own", err=True)
    store = settings.store()
    _warn_problems(store.problems)
    query = Query(status=status, tag=tag, collection=collection, search=search, claimant=claimant, sort=sort)
    if fmt == "table" and not sys.stdout.isatty():
        sys.stdout.write(store.table(query))  # plain columns, formatted by SQLite: fast in a pipe
        return
    write_rows(store.rows(query, full=needs_full_records(fmt)), fmt)


@click.command()
@click.argument("claim_id")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "yaml"]), default="text", show_default=True)
@pass_settings
def show(settings: Settings, claim_id: str, fmt: str) -> None:
    """Show one claim in full: its sources, verdicts and review."""
    store = settings.store()
    record = store.get(claim_id)
    if fmt == "yaml":
        click.echo(record.text, nl=False)
        return
    if fmt == "json":
        from claimcheck.store import record_json

        click.echo(record_json(record.claim, record.path.relative_to(store.project.root).as_posix(), record.collection))
        return
    from claimcheck.showing import render_claim

    render_claim(record)


def stdin_is_terminal() -> bool:
    return sys.stdin.isatty()


@click.command()
@click.option("--claim", "text", help="The claim, as one self-contained sentence.")
@click.option("--id", "claim_id", help="The id (default: a slug of the claim).")
@click.option("--figure", help="The figure to check, with its qualifier: 'more than 35,000'.")
@click.option("--measure", help="What the figure counts.")
@click.option("--claimant", help="Who made the claim.")
@click.option("--date", "date_", help="When it was made (YYYY-MM-DD).")
@click.option("--tag", multiple=True, help="A tag (repeatable).")
@click.option("--source", multiple=True, help="A source URL or project-relative path (repeatable).")
@click.option("--collection", default="", help="The collection folder under claims/.")
@pass_settings
def add(settings: Settings, text, claim_id, figure, measure, claimant, date_, tag, source, collection) -> None:
    """Create a claim file. Asks for what is missing when run in a terminal."""
    from claimcheck.editing import add_claim

    if not text:
        if not stdin_is_terminal():
            raise click.UsageError("--claim is required when not running in a terminal")
        text = click.prompt("Claim")
        figure = figure or click.prompt("Figure (blank for none)", default="", show_default=False) or None
        claimant = claimant or click.prompt("Claimant (blank for none)", default="", show_default=False) or None
        if not tag:
            tags = click.prompt("Tags, comma-separated (blank for none)", default="", show_default=False)
            tag = tuple(t.strip() for t in tags.split(",") if t.strip())
    path = add_claim(
        settings.project(), text=text, claim_id=claim_id, figure=figure, measure=measure, claimant=claimant,
        date=date_, tags=tag, sources=source, collection=collection,
    )
    click.echo(f"created {path}")


@click.command()
@click.argument("claim_id")
@click.option("--status", type=click.Choice(STATUSES[1:]), required=True, help="Your decision.")
@click.option("--note", help="Why: shown in reports.")
@click.option("--by", help="Who decided (default: git's user.name).")
@pass_settings
def review(settings: Settings, claim_id: str, status: str, note: str | None, by: str | None) -> None:
    """Record an editorial decision on a claim. It overrides every verifier."""
    from claimcheck.editing import record_review

    store = settings.store()
    record = store.get(claim_id)
    record_review(record, status=status, note=note, by=by)
    click.echo(f"{claim_id}: reviewed as {status}")


@click.command()
@pass_settings
def validate(settings: Settings) -> None:
    """Check every claim file; print file:line: message per problem; exit 1 when any."""
    from claimcheck.validation import validate_project

    problems, count = validate_project(settings.store())
    for p in problems:
        click.echo(str(p))
    if problems:
        click.echo(f"{len(problems)} problem{'s' if len(problems) != 1 else ''} in {count} claim files", err=True)
        sys.exit(1)
    click.echo(f"{count} claim files, all valid", err=True)
