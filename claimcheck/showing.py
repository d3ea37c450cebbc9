"""``claimcheck show``: one claim, readable, in the terminal."""

from __future__ import annotations

from claimcheck.output import STATUS_STYLE
from claimcheck.records import Record


def render_claim(record: Record) -> None:
    from rich.console import Console
    from rich.markup import escape
    from rich.padding import Padding

    c = record.claim
    console = Console(highlight=False)
    style = STATUS_STYLE.get(c.status.value, "")
    conf = f"  confidence {c.confidence:.2f}" if c.confidence is not None else ""
    console.print(f"[bold cyan]{escape(c.id or '')}[/]  [{style}]{c.status.value}[/]{conf}  [dim]{escape(str(record.path))}[/]")
    console.print(Padding(f"[bold]{escape(c.claim)}[/]", (0, 0, 0, 2)))
    fields = [
        ("figure", c.figure), ("measure", c.measure), ("quote", f"“{c.quote}”" if c.quote else None),
        ("claimant", c.claimant), ("date", c.date.isoformat() if c.date else None),
        ("appeared in", " · ".join(filter(None, (c.appeared_in.title, c.appeared_in.publisher, c.appeared_in.url))) if c.appeared_in else None),
        ("tags", ", ".join(c.tags) if c.tags else None), ("notes", c.notes),
    ]
    for label, value in fields:
        if value:
            console.print(f"  [dim]{label:>11}[/]  {escape(value)}")
    if c.review:
        r = c.review
        who = " by ".join(filter(None, ("", r.by))) if r.by else ""
        console.print(f"\n  [bold]Review[/]: [{STATUS_STYLE.get(r.status.value, '')}]{r.status.value}[/]{escape(who)}"
                      f"{' on ' + r.date.isoformat() if r.date else ''}")
        if r.note:
            console.print(f"    {escape(r.note)}")
    if c.verdicts:
        console.print("\n  [bold]Verdicts[/]")
        for name, v in c.verdicts.items():
            conf = f" {v.confidence:.2f}" if v.confidence is not None else ""
            when = f" [dim]{v.checked:%Y-%m-%d %H:%M}[/]" if v.checked else ""
            console.print(f"    [cyan]{escape(name)}[/] {v.status.value}{conf}{when}  {escape(v.note or '')}")
    console.print(f"\n  [bold]Sources[/] ({len(c.sources)})" if c.sources else "\n  [dim]No sources yet.[/]")
    for i, s in enumerate(c.sources, 1):
        stance = f"[{_stance_style(s.stance.value)}]{s.stance.value}[/]" if s.stance else "[dim]no stance[/]"
        head = " · ".join(filter(None, (s.title, s.publisher, s.published.isoformat() if s.published else None)))
        console.print(f"    {i}. {stance}  {escape(head)}")
        if s.url:
            console.print(f"       [link={s.url}]{escape(s.url)}[/link]")
        if s.archived:
            console.print(f"       [dim]archived:[/] {escape(s.archived)}")
        if s.excerpt:
            console.print(Padding(f"[italic]“{escape(s.excerpt)}”[/]", (0, 0, 0, 7)))


def _stance_style(stance: str) -> str:
    return {"supports": "green", "refutes": "red", "inconclusive": "yellow"}.get(stance, "dim")
