"""claimcheck: a fact-check claim tracker with a plugin system.

The public API, for plugin authors: ``hookimpl`` and the record types. Everything a plugin
needs is importable from here; other modules are internal and may change.
"""

from claimcheck.context import Context, FetchError, Offline, SourceRefused
from claimcheck.errors import ClaimcheckError
from claimcheck.hookspecs import hookimpl
from claimcheck.model import Claim, Link, Review, Source, Stance, Status, Verdict, VerdictStatus
from claimcheck.verifier import Verifier

__version__ = "0.1.0"

#: Imported on first use: the report model is only needed by `claimcheck report`, and every
#: CLI start imports this package.
_LAZY = {"Report": "claimcheck.report", "RenderOptions": "claimcheck.report"}


def __getattr__(name: str):
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'claimcheck' has no attribute {name!r}")


__all__ = [
    "Claim",
    "ClaimcheckError",
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
