"""Unit families and conversion between units of one family (contract, section 2).

A figure's ``unit`` names its family: plain counts (``None``), ``percent``,
``percentage-point``, ``calendar-year``, ``ordinal``, money (an ISO 4217 code) and the physical
dimensions pint knows (length, mass, area, duration ...). Figures of two families are never
compared. Inside a family, physical units convert with pint and money converts at the ECB
reference rate of a date, from the offline data that ships with the ``currencyconverter``
package. Both libraries are slow to load, so each is imported on first use and kept in one
cached instance.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from typing import Any

import attrs

# Our own units: each is a family of its own, whatever pint would make of the name
# (pint reads "percent" as a dimensionless ratio and "year" as a duration).
COUNT = "count"
OWN_FAMILIES = frozenset({"percent", "percentage-point", "calendar-year", "ordinal"})
MONEY = "money"

# Units that count exactly: a calendar year or an ordinal is never rounded, so two of them
# are equal only when they are the same number (no end tolerance, section 3).
STRICT_UNITS = frozenset({"calendar-year", "ordinal"})

_CURRENCY_CODE = re.compile(r"[A-Z]{3}")
# Absolute temperatures convert with an offset; a difference of temperatures does not, and
# the two are different measures ("1.45C above pre-industrial levels" is not a temperature).
_ABSOLUTE_TEMPERATURES = frozenset(
    {"degree_Celsius", "degree_Fahrenheit", "kelvin", "degree_Rankine", "degree_Reaumur"}
)


class NotComparable(Exception):
    """Two units that cannot be compared: other families, or no exchange rate."""


@attrs.frozen
class Conversion:
    """How a figure was brought into another unit, for the human reason of a stance."""

    factor: float | None  # None for an offset conversion (temperatures)
    note: str  # "" when nothing was converted, else "mile->kilometer"
    rate_day: str = ""  # money: the day(s) of the ECB rates used


def is_currency(unit: str | None) -> bool:
    return unit is not None and _CURRENCY_CODE.fullmatch(unit) is not None


@functools.lru_cache(maxsize=1)
def unit_registry() -> Any:
    """The one pint registry of the process (building one takes most of a second)."""
    import pint

    ureg = pint.UnitRegistry()
    # pint's "decade" is a factor of ten on a log scale; in news text it is ten years.
    ureg.define("decade_of_years = 10 * year")
    return ureg


_SPELLINGS = (("metre", "meter"), ("litre", "liter"))
_ALIASES = {"decade": "decade_of_years", "decades": "decade_of_years"}


@functools.lru_cache(maxsize=256)
def _pint_unit(unit: str) -> Any:
    """The pint unit for a normalised name, tolerating a few spellings of the same name.

    Raises NotComparable when pint does not know it.
    """
    import pint

    ureg = unit_registry()
    name = _ALIASES.get(unit.strip(), unit.strip())
    for british, american in _SPELLINGS:
        name = name.replace(british, american)
    candidates = [name, name.replace(" ", "_").replace("-", "_")]
    # "square_kilometer", "square kilometer", "cubic_meter": pint wants a power.
    power = re.fullmatch(r"(square|cubic)[ _-](\w+)", name)
    if power:
        candidates.append(f"{power.group(2)} ** {2 if power.group(1) == 'square' else 3}")
    for candidate in candidates:
        try:
            return ureg.parse_units(candidate)
        except (pint.errors.PintError, AttributeError, TypeError, ValueError, SyntaxError):
            continue
    raise NotComparable(f"unknown unit {unit!r}")


@functools.lru_cache(maxsize=1024)
def family(unit: str | None) -> str:
    """The family a unit belongs to; two figures compare only inside one family.

    Counts are ``"count"``; our own units are their own name; money is ``"money"``; a pint
    unit is its dimensionality (``"[length]"``), with absolute temperatures apart from
    temperature differences. A name nobody knows is a family of its own (``"?furlongs"``), so
    it compares only with the very same name.
    """
    if unit is None:
        return COUNT
    if unit in OWN_FAMILIES:
        return unit
    if is_currency(unit):
        return MONEY
    try:
        pint_unit = _pint_unit(unit)
    except NotComparable:
        return "?" + unit
    dimensionality = str(unit_registry().get_dimensionality(pint_unit))
    if str(pint_unit) in _ABSOLUTE_TEMPERATURES:
        return dimensionality + " absolute"
    return dimensionality


def same_family(a: str | None, b: str | None) -> bool:
    return family(a) == family(b)


def convert_ends(
    low: float | None,
    high: float | None,
    unit: str | None,
    to_unit: str | None,
    *,
    on: dt.date | None = None,
) -> tuple[float | None, float | None, Conversion]:
    """Bring the ends of an interval from ``unit`` into ``to_unit``.

    An unbounded end (``None``) stays unbounded. Raises NotComparable when the two units are
    of different families, or when money has no rate for one of the currencies.
    """
    if unit == to_unit:
        return low, high, Conversion(1.0, "")
    if not same_family(unit, to_unit):
        raise NotComparable(f"{_family_name(unit)} and {_family_name(to_unit)} are different measures")
    assert unit is not None and to_unit is not None  # counts only equal counts
    if is_currency(unit):
        rate, used = exchange_rate(unit, to_unit, on=on)
        conversion = Conversion(rate, f"{unit}->{to_unit}", used)
        return _scaled(low, rate), _scaled(high, rate), conversion
    return _convert_physical(low, high, unit, to_unit)


def convert_value(value: float, unit: str | None, to_unit: str | None, *, on: dt.date | None = None) -> float:
    """One number from ``unit`` into ``to_unit`` (see ``convert_ends``)."""
    low, _, _ = convert_ends(value, value, unit, to_unit, on=on)
    assert low is not None
    return low


def _scaled(x: float | None, factor: float) -> float | None:
    return None if x is None else x * factor


def _convert_physical(
    low: float | None, high: float | None, unit: str, to_unit: str
) -> tuple[float | None, float | None, Conversion]:
    if str(_pint_unit(unit)) in _ABSOLUTE_TEMPERATURES:
        # Offset units convert point by point (and stay ordered: the maps are increasing).
        def one(x: float | None) -> float | None:
            return None if x is None else _convert_offset(x, unit, to_unit)

        return one(low), one(high), Conversion(None, f"{unit}->{to_unit}")
    factor = _factor(unit, to_unit)
    return _scaled(low, factor), _scaled(high, factor), Conversion(factor, f"{unit}->{to_unit}")


@functools.lru_cache(maxsize=1024)
def _factor(unit: str, to_unit: str) -> float:
    """How many ``to_unit`` make one ``unit`` (cached: a pint conversion costs ~100 µs)."""
    import pint

    ureg = unit_registry()
    try:
        return float(ureg.Quantity(1.0, _pint_unit(unit)).to(_pint_unit(to_unit)).magnitude)
    except pint.errors.PintError as error:
        raise NotComparable(str(error)) from error


def _convert_offset(x: float, unit: str, to_unit: str) -> float:
    import pint

    ureg = unit_registry()
    try:
        return float(ureg.Quantity(x, _pint_unit(unit)).to(_pint_unit(to_unit)).magnitude)
    except pint.errors.PintError as error:
        raise NotComparable(str(error)) from error


def _family_name(unit: str | None) -> str:
    if unit is None:
        return "a count"
    if is_currency(unit):
        return f"money ({unit})"
    return f"{unit}"


# --- money -------------------------------------------------------------------------------


@functools.lru_cache(maxsize=1)
def currency_converter() -> Any:
    """The one CurrencyConverter of the process, on the ECB history shipped in the package.

    No fallbacks inside the library: a missing day is resolved by ``_eur_rate`` (nearest day
    with a published rate), so the date actually used can be reported.
    """
    from currency_converter import CurrencyConverter

    return CurrencyConverter(fallback_on_wrong_date=False, fallback_on_missing_rate=False)


def currencies() -> frozenset[str]:
    """The ISO codes that have ECB reference rates in the shipped data."""
    return frozenset(currency_converter().currencies)


@functools.lru_cache(maxsize=4096)
def _eur_rate(currency: str, on: dt.date | None) -> tuple[float, dt.date]:
    """Units of ``currency`` for one euro on ``on``, or on the nearest day that has a rate.

    ``None`` means the latest day in the data. A day outside the currency's range falls back
    to its first or last day; a day without a fixing (weekend, holiday) to the nearest day
    with one, the earlier day winning a tie.
    """
    from currency_converter import RateNotFoundError

    converter = currency_converter()
    if currency not in converter.currencies:
        raise NotComparable(f"no ECB reference rate for {currency}")
    first, last = converter.bounds[currency]
    day = last if on is None else min(max(on, first), last)
    for distance in range((last - first).days + 1):
        for candidate in (day - dt.timedelta(days=distance), day + dt.timedelta(days=distance)):
            if not first <= candidate <= last:
                continue
            try:
                return float(converter.convert(1.0, "EUR", currency, date=candidate)), candidate
            except RateNotFoundError:
                continue
    raise NotComparable(f"no ECB reference rate for {currency}")  # pragma: no cover: empty series


def exchange_rate(currency: str, to_currency: str, *, on: dt.date | None = None) -> tuple[float, str]:
    """Units of ``to_currency`` for one ``currency`` at the ECB reference rate of ``on``.

    Returns the rate and the day(s) whose rates were used, as text ("2014-03-28", or
    "2022-03-01 for RUB, 2024-03-28 for USD" when the two currencies fell back to different
    days). Raises NotComparable for a currency the ECB does not publish (KES, NGN, ARS ...).
    """
    days: dict[str, dt.date] = {}
    rates = []
    for code in (currency, to_currency):
        if code == "EUR":
            rates.append(1.0)
            continue
        rate, day = _eur_rate(code, on)
        rates.append(rate)
        days[code] = day
    if len(set(days.values())) <= 1:
        used = next(iter(days.values()), on or dt.date.today()).isoformat()
    else:
        used = ", ".join(f"{day.isoformat()} for {code}" for code, day in days.items())
    return rates[1] / rates[0], used
