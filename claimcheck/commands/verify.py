"""``claimcheck verify``: run the verifiers over the claims and write what they found."""

from __future__ import annotations

import sys
from typing import Any

import click

from claimcheck.cli import Settings, pass_settings
from claimcheck.hookspecs import hookimpl

#: Exit codes (docs/verify.md): a CI job can tell "a verifier broke" from "a claim is refuted".
EXIT_OK = 0
EXIT_FAILURES = 3
EXIT_FAIL_ON = 4

_STATUSES = ("supported", "refuted", "conflicting", "not-enough-evidence", "unchecked")


@hookimpl
def register_commands(cli: click.Group) -> None:
    cli.add_command(verify)


def _fail_on(value: str | None) -> tuple[str, ...]:
    if not value:
        return ()
    out = tuple(s.strip() for s in value.split(",") if s.strip())
    for s in out:
        if s not in _STATUSES:
            raise click.BadParameter(f"{s!r} is not a status; choose from {', '.join(_STATUSES)}", param_hint="--fail-on")
    return out


@click.command()
@click.argument("ids", nargs=-1)
@click.option("--collection", multiple=True, help="Only this collection and the ones inside it (repeatable).")
@click.option("--status", multiple=True, help="Only claims whose resolved status is this (repeatable).")
@click.option("--verifier", "verifier_names", multiple=True, help="Only this verifier (repeatable; default: all).")
@click.option("--offline", is_flag=True, help="No network: verifiers read stored excerpts and local files only.")
@click.option("--stale", metavar="AGE", help="Re-run verdicts older than this (7d, 12h, 0 for all). Default: only "
              "when the claim or the verifier's version changed.")
@click.option("--dry-run", is_flag=True, help="Show what would change; write nothing.")
@click.option("--concurrency", type=click.IntRange(1, 512), default=16, show_default=True,
              help="HTTP requests at once (verifier runs: twice as many, so CPU work overlaps waiting).")
@click.option("--per-host", type=click.IntRange(1, 64), default=4, show_default=True, help="HTTP requests at once per host.")
@click.option("--timeout", type=click.FloatRange(0.01, 3600), default=30.0, show_default=True,
              help="Seconds one verifier may take on one claim.")
@click.option("--fail-on", "fail_on", metavar="STATUSES", help="Exit 4 when a claim ends with one of these statuses "
              "(comma-separated, e.g. refuted,conflicting): a CI gate.")
@click.option("--archive", is_flag=True, help="wayback: ask the Internet Archive for a capture when none exists.")
@click.option("-q", "--quiet", is_flag=True, help="No progress output; the summary only.")
@pass_settings
def verify(settings: Settings, ids, collection, status, verifier_names, offline, stale, dry_run, concurrency, per_host,
           timeout, fail_on, archive, quiet) -> None:
    """Run the verifiers over claims and write their verdicts, sources and status.

    \b
    Each claim file is written as soon as its verifiers finish (atomically, keeping comments),
    so an interrupted run loses only the claims in flight, and a rerun skips fresh verdicts.
    Exit codes: 0 done; 3 some verifier failed (error verdict, unreadable or conflicting file);
    4 a claim has a --fail-on status; 1 usage or project error.
    """
    import asyncio

    from claimcheck.errors import ClaimcheckError
    from claimcheck.store import Query
    from claimcheck.verify.engine import Engine, Options, select_verifiers
    from claimcheck.verify.freshness import parse_duration
    from claimcheck.verify.report import Reporter, summary_text

    gate = _fail_on(fail_on)
    options = Options(
        ids=tuple(ids), collections=tuple(collection), statuses=tuple(status), verifiers=tuple(verifier_names),
        offline=offline, stale=parse_duration(stale) if stale else None, dry_run=dry_run,
        concurrency=concurrency, per_host=per_host, timeout=timeout, archive=archive,
    )
    store = settings.store()
    for p in store.problems:
        click.echo(f"warning: {p}", err=True)
    rows = store.rows(Query(ids=options.ids, collection=options.collections, status=options.statuses, sort="path"))
    if options.ids:
        found = {r.id for r in rows}
        missing = [i for i in options.ids if i not in found]
        if missing:
            hint = store._suggest(missing[0]) if hasattr(store, "_suggest") else ""
            raise ClaimcheckError(f"no claim with id {missing[0]!r}{hint}")
    verifiers = select_verifiers(options.verifiers)
    reporter = Reporter(quiet=quiet)
    engine = Engine(store.project, store, verifiers, options, reporter=reporter)
    result = _run(engine, rows)
    if dry_run:
        for c in sorted(result.claims, key=lambda c: c.id):
            if c.changed_keys:
                click.echo(f"would update {c.path}: {', '.join(c.changed_keys)}")
    click.echo(summary_text(result, dry_run=dry_run), nl=False)
    code = EXIT_OK
    if result.failures:
        code = EXIT_FAILURES
    if gate:
        hits = [c for c in result.claims if c.new_status in gate]
        if hits:
            click.echo(f"fail-on: {len(hits)} claim(s) {'/'.join(gate)}: " + ", ".join(sorted(c.id for c in hits)), err=True)
            code = EXIT_FAIL_ON
    sys.exit(code)


def _run(engine: Any, rows: list[Any]) -> Any:
    """``engine.run(rows)`` on a new event loop.

    The coroutine given to ``asyncio.run`` returns nothing: on Python 3.11, restoring the
    Ctrl-C handler at the end formats the main task's repr, result included, and the result of
    a large run holds a line per claim (a quarter of a second for 10,000 claims).
    """
    import asyncio

    results: list[Any] = []

    async def main() -> None:
        results.append(await engine.run(rows))

    asyncio.run(main())
    return results[0]
