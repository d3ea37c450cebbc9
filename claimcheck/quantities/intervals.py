"""From a written value to its interval: the bare-number precision rule (contract, section 1).

A bare figure is exact when it is a whole count or an amount of money whose last significant
digit is its units digit (or money written with cents); otherwise it is rounded: plus or minus
half a unit of its last significant digit, capped at 10% of the value. Trailing zeros are
significant only for percent and percentage points.
"""

from __future__ import annotations

from claimcheck.quantities import units as U


def normalise(mant: int, exp: int) -> tuple[int, int]:
    """Drop trailing zeros: (35000, 0) -> (35, 3)."""
    if mant == 0:
        return 0, 0
    while mant % 10 == 0:
        mant //= 10
        exp += 1
    return mant, exp


def to_float(mant: int, exp: int) -> float:
    # Exact integer arithmetic, then one correctly rounded division: 0.3 is the float nearest
    # 0.3, not 3 * 0.1.
    if exp >= 0:
        return float(mant * 10**exp)
    return mant / 10**-exp


def half_unit(exp: int) -> float:
    return to_float(5, exp - 1)


def is_percent_like(unit: str | None) -> bool:
    return unit in (U.PERCENT, U.PERCENTAGE_POINT)


def bare_interval(
    mant: int, exp: int, *, unit: str | None, money: bool, scaled: bool
) -> tuple[float, float, bool]:
    """The interval of a bare written number ``mant * 10**exp``: (low, high, exact?)."""
    value = to_float(mant, exp)
    n_mant, n_exp = normalise(mant, exp)
    if unit is None or money:
        whole = n_exp >= 0
        if whole and n_exp == 0:
            return value, value, True
        if money and exp < 0 and not scaled:
            return value, value, True  # cents are written digits: $77.96 is exact
    precision_exp = exp if is_percent_like(unit) else n_exp
    # Exact decimal arithmetic on integers, so 8.7 - 0.05 is the float nearest 8.65.
    base = min(exp - 1, precision_exp - 1)
    scaled_value = mant * 10 ** (exp - base)
    half = 5 * 10 ** (precision_exp - 1 - base)
    cap = abs(mant) * 10 ** (exp - 1 - base)  # 10% of the value
    half = min(half, cap)
    return to_float(scaled_value - half, base), to_float(scaled_value + half, base), False
