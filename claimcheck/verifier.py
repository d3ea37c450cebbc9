"""What a verifier is (the protocol plugins implement)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

if TYPE_CHECKING:
    from claimcheck.model import Claim, Verdict


@runtime_checkable
class Verifier(Protocol):
    """A verifier, registered through the ``register_verifiers`` hook.

    ``name`` is how users pick it (``claimcheck verify --verifier NAME``) and the key of its
    verdict in a record; ``version`` is stored with each verdict, and a new version makes old
    verdicts stale. ``verify`` is a coroutine; return ``None`` to say nothing about a claim.
    """

    name: str
    description: str
    version: str

    def applies_to(self, claim: "Claim") -> bool: ...

    async def verify(self, claim: "Claim", ctx: Any) -> "Verdict | None": ...
