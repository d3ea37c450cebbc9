"""``claimcheck report``: render a verification report with a report-format plugin."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from claimcheck.cli import Settings, pass_settings
from claimcheck.hookspecs import hookimpl

DEFAULT_FORMAT = "markdown"


@hookimpl
def register_commands(cli: click.Group) -> None:
    cli.add_command(report)


@click.command()
@click.option("--format", "fmt", metavar="NAME",
              help="markdown (default), html, json, csv, claimreview, or a plugin's format; "
                   "with -o and no --format, picked from the file's extension.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the report to this file (atomically) instead of stdout.")
@click.option("--collection", multiple=True, help="Only this collection and the ones inside it (repeatable).")
@click.option("--status", multiple=True, help="Only claims with this status (repeatable).")
@click.option("--tag", multiple=True, help="Only claims with this tag (repeat: all of them).")
@click.option("--title", help="The report's title (default: [report] title in claimcheck.toml, "
                              "else 'Verification report').")
@click.option("--html-snippet", is_flag=True,
              help="claimreview: emit <script type=\"application/ld+json\"> blocks to paste into a page.")
@click.option("--list-formats", is_flag=True, help="List the report formats and exit.")
@pass_settings
def report(settings: Settings, fmt, output, collection, status, tag, title, html_snippet, list_formats) -> None:
    """Write a verification report: summary, claims, verdicts and the evidence they rest on.

    \b
    Examples:
      claimcheck report                          Markdown to stdout
      claimcheck report -o report.html           a self-contained HTML page
      claimcheck report --format claimreview --html-snippet --status refuted
    """
    from claimcheck.errors import ClaimcheckError
    from claimcheck.registry import collect
    from claimcheck.report import RenderOptions, Report
    from claimcheck.store import Query

    formats = collect("report format")
    if list_formats:
        for name, reg in formats.items():
            click.echo(f"{name}\t.{reg.obj.extension}\t{reg.obj.description}  [{reg.plugin}]")
        return
    name = fmt or _format_for(output, formats) or DEFAULT_FORMAT
    if name not in formats:
        raise ClaimcheckError(f"no report format {name!r}; choose one of {', '.join(formats)} "
                              "(see `claimcheck report --list-formats`)")
    if html_snippet and name != "claimreview":
        click.echo(f"note: --html-snippet applies to the claimreview format, not {name!r}; ignored", err=True)
    from claimcheck.report import STATUS_ORDER

    for s in status:
        if s not in STATUS_ORDER:
            click.echo(f"note: {s!r} is not a built-in status; plugins may use their own", err=True)
    store = settings.store()
    for problem in store.problems:
        click.echo(f"warning: {problem} (left out of the report)", err=True)
    config = store.project.settings("report")
    query = Query(status=tuple(status), tag=tuple(tag), collection=tuple(collection))
    built = Report.from_store(store, query, title=title or _text_setting(config, "title"))
    options = RenderOptions(settings=config, html_snippet=html_snippet,
                            note=lambda message: click.echo(f"note: {message}", err=True))
    try:
        text = formats[name].obj.render(built, options)
    except ValueError as exc:
        # A format's way to say the settings or the records don't allow this report (plugins
        # see only the public API, which has no error class of its own): one line, no traceback.
        if settings.debug:
            raise
        raise ClaimcheckError(f"report format {name!r}: {exc}") from None
    if not isinstance(text, str):
        raise ClaimcheckError(f"report format {name!r} (plugin {formats[name].plugin!r}) returned "
                              f"{type(text).__name__}, not text")
    if output is None or str(output) == "-":
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    write_atomically(output, text)
    click.echo(f"wrote {output} ({name}, {built.summary.total} claim{'s' if built.summary.total != 1 else ''})", err=True)


def _format_for(output: Path | None, formats: dict) -> str | None:
    """The first registered format whose extension matches the output file's (built-ins first)."""
    if output is None or not output.suffix:
        return None
    suffix = output.suffix.lower().lstrip(".")
    aliases = {"htm": "html", "markdown": "md"}
    suffix = aliases.get(suffix, suffix)
    for name, reg in formats.items():
        if str(reg.obj.extension).lower().lstrip(".") == suffix:
            return name
    return None


def _text_setting(config: dict, key: str) -> str | None:
    value = config.get(key)
    return value if isinstance(value, str) and value.strip() else None


def write_atomically(path: Path, text: str) -> None:
    """Write via a temporary file in the same folder and a rename: a reader (a web server, a
    browser reloading) never sees half a report, and a failed run leaves the old one in place."""
    from claimcheck.errors import ClaimcheckError

    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise ClaimcheckError(f"{path}: folder {folder} does not exist")
    from claimcheck.writer import atomic_write

    atomic_write(path, text)  # keeps a replaced report's permissions; a new one gets 0666 less the umask
