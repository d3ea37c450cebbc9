"""The hooks a claimcheck plugin can implement.

Each docstring here is the documentation of its hook (docs/hooks.md repeats them with examples,
and a test keeps the two in step). Implement a hook with ``@claimcheck.hookimpl``; the argument
names must match the ones below, though you may accept fewer of them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable

import pluggy

if TYPE_CHECKING:
    import click

    from claimcheck.model import Claim, Status, Verdict

hookspec = pluggy.HookspecMarker("claimcheck")
hookimpl = pluggy.HookimplMarker("claimcheck")


@hookspec
def register_verifiers(register: Callable[[Any], None]) -> None:
    """Register verifiers by calling ``register(verifier)`` once for each.

    A verifier is any object with ``name``, ``description``, ``version``,
    ``applies_to(claim) -> bool`` and ``async verify(claim, ctx) -> Verdict | None``.
    Called once when the verifiers are first needed (``verify``, ``verifiers``).
    """


@hookspec
def register_report_formats(register: Callable[[Any], None]) -> None:
    """Register report formats by calling ``register(report_format)`` once for each.

    A report format has ``name``, ``description``, ``extension`` (``"md"``) and
    ``render(report, options) -> str``, where ``report`` is a ``claimcheck.Report``.
    Called when ``claimcheck report`` runs.
    """


@hookspec
def register_extractors(register: Callable[[Any], None]) -> None:
    """Register claim extractors by calling ``register(extractor)`` once for each.

    An extractor has ``name``, ``description`` and ``extract(document) -> list[Proposal]``.
    Called when ``claimcheck extract`` runs.
    """


@hookspec(historic=True)
def register_commands(cli: "click.Group") -> None:
    """Add commands to the ``claimcheck`` command line: ``@cli.command()`` on your function.

    Historic: a plugin loaded late (a claims project's ``plugins/`` folder) still gets the call.
    Keep the module light: import heavy libraries inside the command, not at the top.
    """


@hookspec(firstresult=True)
def resolve_status(claim: "Claim", verdicts: "dict[str, Verdict]") -> "tuple[Status, float | None] | None":
    """Decide a claim's resolved ``(status, confidence)`` from its review and verdicts.

    The first plugin to return something other than ``None`` wins. The built-in rule runs last
    (``trylast``): a person's ``review`` wins; otherwise supported when some verdict supports and
    none refutes, refuted for the reverse, conflicting for both, else not-enough-evidence.
    Synchronous: it runs while a claim's file is written.
    """


@hookspec
def claim_verified(claim: "Claim", verdict: "Verdict") -> Any:
    """Called after a verifier returned a verdict for a claim (a notification).

    Return ``None``, or an awaitable that the engine awaits (so you can post to a chat, say).
    An exception here is reported and does not stop the run.
    """
