"""``claimcheck extract SOURCE``: propose an article's checkable claims as draft records.

A built-in command plugin. Extractors are plugins too (``register_extractors``); the built-in
one is ``rules`` (``claimcheck_plugins.extract_rules``). Heavy modules (trafilatura, httpx,
rapidfuzz, rich) are imported inside the command, so ``claimcheck --help`` stays fast.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from claimcheck.cli import Settings, pass_settings
from claimcheck.errors import ClaimcheckError
from claimcheck.hookspecs import hookimpl


@hookimpl
def register_commands(cli: click.Group) -> None:
    cli.add_command(extract)


@click.command()
@click.argument("source")
@click.option("--collection", default="", help="The collection folder under claims/ for the drafts.")
@click.option("--min-score", type=click.FloatRange(0, 1), default=0.5, show_default=True,
              help="Only propose claims at least this check-worthy (0-1).")
@click.option("--dry-run", is_flag=True, help="Print the ranked proposals; write nothing.")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "yaml"]), default="table", show_default=True)
@click.option("--extractor", "extractor_name", default="rules", show_default=True, help="Which registered extractor to use.")
@pass_settings
def extract(settings: Settings, source: str, collection: str, min_score: float, dry_run: bool, fmt: str,
            extractor_name: str) -> None:
    """Propose the checkable claims of an article as draft claim records.

    SOURCE is a text, Markdown, HTML or PDF file, '-' for standard input, or an http(s) URL. Each
    proposal is one checkable figure (or one checkable statement without a figure), ranked by
    check-worthiness. Drafts are written as claims/<collection>/<id>.yaml with status unchecked;
    claims the project already tracks are listed as "already tracked: ID" and skipped.
    """
    from claimcheck.extract import load_document
    from claimcheck.extract.document import check_prose

    extractor = _extractor(extractor_name)
    # Find the project first: a run that cannot write should fail before fetching anything.
    project = None if dry_run else settings.project()
    if collection and ".." in Path(collection).parts:
        raise ClaimcheckError(f"collection {collection!r} must stay inside claims/")
    cache_dir = _http_cache(settings, project)
    document = load_document(source, stdin=sys.stdin.buffer, cache_dir=cache_dir)
    check_prose(document)
    proposals = _run(extractor, document)
    proposals = sorted((p for p in proposals if p.score >= min_score), key=lambda p: (-p.score, p.start or 0))
    if dry_run:
        _print(proposals, fmt)
        if not proposals:
            click.echo(f"no proposals at or above --min-score {min_score:g}", err=True)
        return
    _write(settings, project, document, proposals, collection, fmt)


def _http_cache(settings: Settings, project: Any) -> Path | None:
    """The project's HTTP cache, shared with verifiers; none outside a project (a dry run may have none)."""
    if project is None:
        try:
            project = settings.project()
        except ClaimcheckError:
            return None
    return project.state_dir / "http-cache"


def _extractor(name: str) -> Any:
    from claimcheck.registry import collect

    found = collect("extractor")
    if name not in found:
        known = ", ".join(sorted(found)) or "none"
        raise ClaimcheckError(f"no extractor named {name!r}; registered: {known}")
    return found[name].obj


def _run(extractor: Any, document: Any) -> list:
    try:
        proposals = list(extractor.extract(document) or [])
    except ClaimcheckError:
        raise
    except Exception as exc:  # a plugin's bug is reported as one line naming it
        raise ClaimcheckError(f"extractor {extractor.name!r} failed: {type(exc).__name__}: {exc}") from None
    for p in proposals:
        if not all(hasattr(p, a) for a in ("id", "claim", "quote", "figure", "kind", "score")):
            raise ClaimcheckError(f"extractor {extractor.name!r} returned {type(p).__name__}, not a claimcheck.extract.Proposal")
    return proposals


def _write(settings: Settings, project: Any, document: Any, proposals: list, collection: str, fmt: str) -> None:
    from claimcheck.extract.drafts import already_tracked, draft_record, tracked_from_rows, write_draft
    from claimcheck.store import open_store

    store = open_store(project)
    existing = tracked_from_rows(store.rows())
    taken = set(store.ids())
    folder = project.claims_dir / collection.strip("/") if collection else project.claims_dir
    url = document.url or _local_ref(document.source, project.root)
    results: list[dict[str, Any]] = []
    from claimcheck.extract.drafts import Tracked

    for p in proposals:
        dup = already_tracked(p, existing)
        if dup is not None:
            results.append({**_summary(p), "already_tracked": dup.id})
            if fmt == "table":
                click.echo(f"already tracked: {dup.id}")
            continue
        record = draft_record(p, document, appeared_in_url=url)
        path = write_draft(folder, record, taken)
        claim_id = path.stem
        existing.append(Tracked(claim_id, p.claim, p.quote, p.figure))
        rel = path.relative_to(project.root).as_posix()
        results.append({**_summary(p), "id": claim_id, "path": rel})
        if fmt == "table":
            click.echo(f"created {rel}  (score {p.score:.2f})")
    written = sum(1 for r in results if "path" in r)
    tracked = len(results) - written
    if fmt != "table":
        _dump(results, fmt)
    click.echo(f"{written} draft claim{'s' if written != 1 else ''} written, {tracked} already tracked", err=True)


def _local_ref(source: str, root: Path) -> str | None:
    if source == "-":
        return None
    path = Path(source).resolve()
    try:
        return path.relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)


def _summary(p: Any) -> dict[str, Any]:
    return {"id": p.id, "claim": p.claim, "quote": p.quote, "figure": p.figure, "kind": p.kind,
            "measure": getattr(p, "measure", None), "score": p.score}


def _print(proposals: list, fmt: str) -> None:
    if fmt != "table":
        _dump([{**_summary(p), "features": dict(getattr(p, "features", {}) or {})} for p in proposals], fmt)
        return
    from rich.console import Console
    from rich.table import Table

    console = Console(soft_wrap=not sys.stdout.isatty())
    table = Table(title=f"{len(proposals)} proposed claim{'s' if len(proposals) != 1 else ''}", show_lines=False)
    for column, style in (("score", "bold"), ("kind", ""), ("figure", "cyan"), ("id", "dim"), ("claim", "")):
        table.add_column(column, style=style or None, overflow="fold")
    for p in proposals:
        table.add_row(f"{p.score:.2f}", p.kind, p.figure or "", p.id, p.claim)
    console.print(table)


def _dump(data: list[dict[str, Any]], fmt: str) -> None:
    if fmt == "json":
        import json

        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        import yaml

        click.echo(yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=4096), nl=False)
