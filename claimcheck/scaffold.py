"""``claimcheck init``: the files of a new claims project."""

from __future__ import annotations

from pathlib import Path

from claimcheck.errors import ClaimcheckError

CONFIG = """\
# claimcheck project settings. Every table is optional: delete what you don't need.

[verify]
# concurrency = 16        # (claim, verifier) pairs run at once
# per_host = 4            # requests at once to one web host
# timeout = 30            # seconds a verifier may take for one claim
# stale = "7d"            # a verdict older than this is checked again

# Settings for one verifier go in a table named after it:
# [verifiers.fact-check-search]
# language = "en"

[report]
# title = "Verification report"
# base_url = "https://example.org/fact-checks/"   # claim anchors are appended (ClaimReview `url`)
# organisation = "Example Fact Check"             # the ClaimReview `author`
"""

EXAMPLE_PLUGIN = '''\
"""An example local plugin: files in plugins/ are loaded by every claimcheck command.

Uncomment the code below to add a `claimcheck hello` command. See docs/writing-plugins.md.
"""

# import click
# from claimcheck import hookimpl
#
#
# @hookimpl
# def register_commands(cli):
#     @cli.command()
#     def hello():
#         """Say hello."""
#         click.echo("Hello from a local plugin")
'''

EXAMPLE_CLAIM = """\
# One claim per file. See https://claimcheck docs: docs/format.md for every key.
claim: The Eiffel Tower is 330 metres tall.
figure: 330 metres
measure: height of the Eiffel Tower
tags: [example]
sources:
  - url: https://www.toureiffel.paris/en/the-monument/key-figures
    title: The Eiffel Tower's key figures
    excerpt: "The Eiffel Tower is 330 metres high."
"""


def init_project(directory: Path) -> list[Path]:
    """Create the project files that don't exist yet; returns what was created."""
    if (directory / "claims").exists() and any((directory / "claims").iterdir()):
        raise ClaimcheckError(f"{directory / 'claims'} already exists and is not empty: this is a project already")
    created = []
    for path, text in (
        (directory / "claimcheck.toml", CONFIG),
        (directory / "plugins" / "example_plugin.py", EXAMPLE_PLUGIN),
        (directory / "claims" / "examples" / "eiffel-tower-height.yaml", EXAMPLE_CLAIM),
        (directory / ".gitignore", ".claimcheck/\n"),
    ):
        if path.exists():
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        created.append(path)
    return created
