"""Jinja2 environments for the report formats' templates (plugins/templates/).

Shared by the first-party report formats; jinja2 is imported here, and this module is imported
only when a report is rendered, so CLI start-up stays fast.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

TEMPLATES = Path(__file__).resolve().parent / "templates"


@lru_cache(maxsize=None)
def environment(autoescape: bool) -> Any:
    """One environment per escaping mode. ``autoescape=True`` for HTML: every value from a record
    is escaped unless a filter marks it safe on purpose."""
    import jinja2

    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=autoescape,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,  # a typo in a template is an error, not a blank
    )
