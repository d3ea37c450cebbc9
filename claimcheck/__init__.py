"""claimcheck: a fact-check claim tracker with a plugin system.

The public API, for plugin authors: ``hookimpl`` and the record types. Everything a plugin
needs is importable from here; other modules are internal and may change.
"""

from claimcheck.hookspecs import hookimpl
from claimcheck.model import Claim, Link, Review, Source, Stance, Status, Verdict, VerdictStatus
from claimcheck.report import RenderOptions, Report
from claimcheck.verifier import Verifier
from claimcheck.context import Context, FetchError, Offline, SourceRefused

__version__ = "0.1.0"

__all__ = [
    "Claim",
    "Context",
    "FetchError",
    "Offline",
    "SourceRefused",
    "Link",
    "RenderOptions",
    "Report",
    "Review",
    "Source",
    "Stance",
    "Status",
    "Verdict",
    "VerdictStatus",
    "Verifier",
    "__version__",
    "hookimpl",
]
