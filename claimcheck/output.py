"""Printing lists of claims: a table for people, JSON/JSONL/CSV/YAML for programs."""

from __future__ import annotations

import csv
import json
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from claimcheck.store import Row

FORMATS = ("table", "json", "jsonl", "csv", "yaml")

#: Status colours; each status is also written out, so colour is never the only signal.
STATUS_STYLE = {
    "supported": "green",
    "refuted": "red",
    "conflicting": "magenta",
    "not-enough-evidence": "yellow",
    "unchecked": "dim",
}

CSV_COLUMNS = ("id", "collection", "status", "confidence", "figure", "claim", "tags", "sources", "path")


def needs_full_records(fmt: str) -> bool:
    return fmt in ("json", "jsonl", "yaml")


def write_rows(rows: list["Row"], fmt: str, out=None) -> None:
    out = out or sys.stdout
    if fmt == "json":
        out.write("[" + ",\n".join(r.record_json for r in rows) + "]\n")
    elif fmt == "jsonl":
        out.write("".join(r.record_json + "\n" for r in rows))
    elif fmt == "csv":
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(CSV_COLUMNS)
        for r in rows:
            writer.writerow([r.id, r.collection, r.status, _conf(r.confidence), r.figure or "", r.claim,
                             ";".join(r.tag_list), r.n_sources, r.path])
    elif fmt == "yaml":
        import yaml

        data = [json.loads(r.record_json) for r in rows]
        yaml.dump(data, out, Dumper=getattr(yaml, "CSafeDumper", yaml.SafeDumper), sort_keys=False, allow_unicode=True)
    else:
        _rich_table(rows)


def _conf(value: float | None) -> str:
    return "" if value is None else f"{value:.2f}"


def _tags(tags_json: str) -> str:
    # tags are stored as a JSON list of strings; '["a", "b"]' -> 'a, b' without a JSON parse
    return tags_json[2:-2].replace('", "', ", ") if tags_json != "[]" else ""


HEADERS = ("id", "status", "conf", "figure", "tags", "src", "claim")  # as in Store.table


def _rich_table(rows: list["Row"]) -> None:
    """A coloured table that fits the terminal: every column keeps its width and the claim
    takes what is left, cut with an ellipsis, so each claim stays on one line."""
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    from claimcheck.store import shorten

    console = Console()
    cells = [
        (r.id, r.status, _conf(r.confidence), shorten(r.figure or "", 24), shorten(_tags(r.tags), 20), str(r.n_sources), r.claim)
        for r in rows
    ]
    widths = [max([len(HEADERS[i])] + [len(c[i]) for c in cells]) for i in range(len(HEADERS) - 1)]
    widths[0] = min(widths[0], 40)
    gaps = 2 * (len(HEADERS) - 1)
    claim_width = max(20, console.width - sum(widths) - gaps)
    table = Table(box=None, header_style="bold", pad_edge=False, padding=(0, 2, 0, 0), collapse_padding=True)
    # columns in reading order: id, status, confidence, figure, claim, tags, sources
    order = (0, 1, 2, 3, 6, 4, 5)
    all_widths = [*widths, claim_width]
    for i in order:
        name = HEADERS[i]
        table.add_column(name, width=all_widths[i], no_wrap=True, overflow="ellipsis",
                         justify="right" if name in ("conf", "src") else "left",
                         style={"id": "cyan", "tags": "dim"}.get(name))
    for c in cells:
        style = STATUS_STYLE.get(c[1], "")
        status = f"[{style}]{escape(c[1])}[/]" if style else escape(c[1])
        table.add_row(escape(c[0]), status, c[2], escape(c[3]), escape(c[6]), escape(c[4]), c[5])
    console.print(table)
    console.print(f"[dim]{len(rows)} claim{'s' if len(rows) != 1 else ''}[/]")
