"""The quantity engine: read every figure in news text, and compare a claimed figure with a found one.

The public API that verifier plugins use (docs/quantities.md, docs/comparing.md)::

    from claimcheck.quantities import find_quantities, compare, status_from_stances

    claimed = find_quantities("more than 35,000 people were arrested")[0]
    found = find_quantities("police said 36,000 were detained")[-1]
    compare(claimed, found).kind   # StanceKind.SUPPORTS

pint and the ECB rates load on first use, not on import.
"""

from claimcheck.quantities.compare import compare, consistent, status_from_stances
from claimcheck.quantities.model import Qualifier, Quantity, Stance, StanceKind
from claimcheck.quantities.reader import find_quantities

__all__ = [
    "Qualifier",
    "Quantity",
    "Stance",
    "StanceKind",
    "compare",
    "consistent",
    "find_quantities",
    "status_from_stances",
]
