"""``claimcheck quantities "TEXT"``: show what the quantity engine reads in a sentence.

A built-in plugin: the core CLI loads it from its default plugins and calls
``register_commands``. The engine, json and rich are imported inside the command so that
``claimcheck --help`` stays fast.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from claimcheck.hookspecs import hookimpl

if TYPE_CHECKING:
    import click

    from claimcheck.quantities import Quantity


@hookimpl
def register_commands(cli: "click.Group") -> None:
    import click

    @cli.command("quantities")
    @click.argument("words", metavar="TEXT", nargs=-1, required=True)
    @click.option("--table", is_flag=True, help="Print a table for people instead of JSON lines.")
    def quantities(words: tuple[str, ...], table: bool) -> None:
        """Print every figure read in TEXT ("-" reads standard input).

        One JSON object per figure and per line, in reading order: span (start, end, text),
        interval (low, high, low_open, high_open; null is unbounded), unit, qualifier and value.
        Offsets count characters of TEXT (several words are joined by single spaces).
        """
        from claimcheck.quantities import find_quantities

        # Forgive a missing pair of quotes: the words are one text.
        text = " ".join(words)
        if text == "-":
            text = sys.stdin.read()
        found = find_quantities(text)
        if table:
            _print_table(found)
            return
        import json

        for quantity in found:
            click.echo(json.dumps(quantity.to_dict(), ensure_ascii=False))


def _print_table(found: "list[Quantity]") -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"{len(found)} figure{'' if len(found) == 1 else 's'}")
    for column in ("span", "interval", "unit", "qualifier", "value", "at"):
        table.add_column(
            column,
            justify="right" if column in ("value", "at") else "left",
            no_wrap=column != "span",  # only the words may wrap
        )
    for q in found:
        table.add_row(
            q.text,
            _interval(q),
            q.unit or "(count)",
            q.qualifier.value,
            "" if q.value is None else _number(q.value, q.unit),
            f"{q.start}-{q.end}",
        )
    Console().print(table)


def _number(x: float, unit: str | None) -> str:
    # A year or an ordinal is a name, not an amount: no thousands separator (2019, not 2,019).
    return f"{x:.10g}" if unit in ("calendar-year", "ordinal") else f"{x:,.10g}"


def _interval(q: "Quantity") -> str:
    low = "-∞" if q.low is None else _number(q.low, q.unit)
    high = "∞" if q.high is None else _number(q.high, q.unit)
    if q.low is not None and q.low == q.high:
        return low
    opening = "(" if q.low_open or q.low is None else "["
    closing = ")" if q.high_open or q.high is None else "]"
    return f"{opening}{low}, {high}{closing}"
