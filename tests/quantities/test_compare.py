"""compare(): the stance of one found figure on a claimed one (contract, section 3),
and status_from_stances(): the status of a claim from its sources (section 4)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimcheck.quantities import Quantity, Stance, StanceKind, compare, status_from_stances

SUPPORTS, REFUTES = StanceKind.SUPPORTS, StanceKind.REFUTES
INCONCLUSIVE, NO_FIGURE = StanceKind.INCONCLUSIVE, StanceKind.NO_FIGURE


def fig(
    text: str,
    low: float | None,
    high: float | None,
    unit: str | None = None,
    *,
    low_open: bool = False,
    high_open: bool = False,
) -> Quantity:
    """A figure as the reader gives it (an unbounded end is open)."""
    return Quantity(
        0, len(text), text, low, high, low_open or low is None, high_open or high is None, unit
    )


def more_than(text: str, x: float, unit: str | None = None) -> Quantity:
    return fig(text, x, None, unit, low_open=True)


# --- the five outcomes -------------------------------------------------------------------


def test_source_inside_the_claim_supports_it():
    stance = compare(more_than("more than 35,000", 35_000), fig("36,000", 35_500, 36_500))
    assert stance == Stance(SUPPORTS, "source: 36,000 lies inside claim: more than 35,000")


def test_a_narrow_source_that_contains_the_claim_supports_it():
    # claim 14km [13.5, 14.5]; source about 14 kilometres [12.6, 15.4]: width 20% of 14
    stance = compare(fig("14km", 13.5, 14.5, "kilometer"), fig("about 14 kilometres", 12.6, 15.4, "kilometer"))
    assert stance.kind is SUPPORTS
    assert "narrow (width 20% of its midpoint)" in stance.reason


def test_a_wide_source_that_contains_the_claim_is_inconclusive():
    # between 200 and 400mm: width 67% of its midpoint
    stance = compare(fig("300mm", 270, 330, "millimeter"), fig("between 200 and 400mm", 200, 400, "millimeter"))
    assert stance.kind is INCONCLUSIVE
    assert "not narrow (width 67% of its midpoint)" in stance.reason


def test_the_narrow_limit_is_a_quarter_of_the_midpoint():
    claim = fig("10", 9.9, 10.1)
    assert compare(claim, fig("a quarter wide", 8.75, 11.25)).kind is SUPPORTS  # width 2.5 of 10
    assert compare(claim, fig("a bit wider", 8.7, 11.3)).kind is INCONCLUSIVE  # width 2.6 of 10


def test_an_unbounded_source_that_contains_the_claim_is_inconclusive():
    stance = compare(fig("About 20,000", 18_000, 22_000), more_than("more than 10,000", 10_000))
    assert stance.kind is INCONCLUSIVE
    assert "unbounded" in stance.reason


def test_a_disjoint_source_refutes_the_claim():
    stance = compare(fig("About 20,000", 18_000, 22_000), more_than("more than 200,000", 200_000))
    assert stance == Stance(REFUTES, "source: more than 200,000 is disjoint from claim: About 20,000")


def test_an_overlap_where_neither_contains_the_other_is_inconclusive():
    stance = compare(more_than("More than 35,000", 35_000), fig("35,000", 34_500, 35_500))
    assert stance.kind is INCONCLUSIVE
    assert stance.reason == "source: 35,000 overlaps claim: More than 35,000, neither contains the other"


def test_a_source_partly_outside_the_claim_is_inconclusive():
    # source 'about 20 days' [18, 22] days = [2.571, 3.143] weeks; claim '3 weeks' [2.7, 3.3]
    stance = compare(fig("3 weeks", 2.7, 3.3, "week"), fig("about 20 days", 18, 22, "day"))
    assert stance.kind is INCONCLUSIVE


@pytest.mark.parametrize(
    ("claim_unit", "source_unit"),
    [
        ("percent", None),  # a share against a count of people
        ("percent", "percentage-point"),
        ("calendar-year", "year"),  # a year on the calendar against a duration
        ("ordinal", None),
        ("EUR", None),
        ("kilometer", "kilogram"),
        ("degree_Celsius", "delta_degree_Celsius"),  # a temperature against an anomaly
        ("kilometer", "furlongs of nonsense"),
    ],
)
def test_a_figure_of_another_unit_family_gives_no_figure(claim_unit, source_unit):
    stance = compare(fig("40", 39.5, 40.5, claim_unit), fig("40", 39.5, 40.5, source_unit))
    assert stance.kind is NO_FIGURE
    assert "not the claim's measure" in stance.reason


# --- the end tolerance --------------------------------------------------------------------


def test_ends_within_half_a_percent_count_as_equal_whatever_their_openness():
    # 'at least 800' sits inside 'more than 800'
    assert compare(more_than("more than 800", 800), fig("at least 800", 800, None)).kind is SUPPORTS


def test_the_end_tolerance_applies_to_exact_counts():
    stance = compare(fig("Up to 1,000", 0, 1_000), fig("1,004", 1_004, 1_004))
    assert stance.kind is SUPPORTS
    assert stance.reason.endswith("(within the 0.5% end tolerance)")


def test_the_end_tolerance_stops_at_half_a_percent():
    assert compare(fig("Up to 1,000", 0, 1_000), fig("1,006", 1_006, 1_006)).kind is REFUTES


def test_ends_touching_within_the_tolerance_overlap_rather_than_refute():
    # 'nearly 10,000' [9000, 10000) against 'between 10,030 and 12,000'
    stance = compare(fig("nearly 10,000", 9_000, 10_000, high_open=True), fig("10,030-12,000", 10_030, 12_000))
    assert stance.kind is INCONCLUSIVE


def test_calendar_years_get_no_tolerance():
    # 1986 and 1987 differ by 0.05%, well inside 0.5%: a year must still be the year.
    assert compare(fig("1987", 1987, 1987, "calendar-year"), fig("1986", 1986, 1986, "calendar-year")).kind is REFUTES
    assert compare(fig("1994", 1994, 1994, "calendar-year"), fig("1994", 1994, 1994, "calendar-year")).kind is SUPPORTS


def test_ordinals_get_no_tolerance_and_keep_their_openness():
    assert compare(fig("199th", 199, 199, "ordinal"), fig("200th", 200, 200, "ordinal")).kind is REFUTES
    after_fifth = fig("after the fifth", 5, None, "ordinal", low_open=True)
    assert compare(after_fifth, fig("fifth", 5, 5, "ordinal")).kind is REFUTES
    assert compare(after_fifth, fig("sixth", 6, 6, "ordinal")).kind is SUPPORTS


# --- units --------------------------------------------------------------------------------


def test_physical_units_convert_into_the_claims_unit():
    # claim 19km; source 11.8 miles = [18.9098, 19.0707] km
    stance = compare(fig("19km", 18.5, 19.5, "kilometer"), fig("11.8 miles", 11.75, 11.85, "mile"))
    assert stance.kind is SUPPORTS
    assert stance.reason == "source: 11.8 miles (= [18.9098, 19.0707] kilometer) lies inside claim: 19km"


def test_a_conversion_can_refute():
    # claim more than 20 miles; source 27 kilometres = [16.47, 17.09] miles
    stance = compare(more_than("more than 20 miles", 20, "mile"), fig("27 kilometres", 26.5, 27.5, "kilometer"))
    assert stance.kind is REFUTES


def test_area_and_absolute_temperatures_convert():
    assert compare(fig("1,000 hectares", 950, 1_050, "hectare"), fig("10 sq km", 9.95, 10.05, "square_kilometer")).kind is SUPPORTS
    assert compare(fig("100F", 99.5, 100.5, "degree_Fahrenheit"), fig("37.9C", 37.85, 37.95, "degree_Celsius")).kind is SUPPORTS


def test_money_converts_at_the_ecb_rate_of_the_given_day():
    # EUR/USD was 1.599 on 15 July 2008 and about 1.05 in mid-March 2015.
    claim = fig("about $1.55m", 1_395_000, 1_705_000, "USD")
    found = fig("€1,000,000", 1_000_000, 1_000_000, "EUR")
    in_2008 = compare(claim, found, on=dt.date(2008, 7, 15))
    assert in_2008.kind is SUPPORTS
    assert in_2008.reason == (
        "source: €1,000,000 (= 1.599M USD at the ECB rate of 2008-07-15) lies inside claim: about $1.55m"
    )
    assert compare(claim, found, on=dt.date(2015, 3, 16)).kind is REFUTES


def test_money_without_an_ecb_rate_gives_no_figure():
    stance = compare(fig("KSh 2bn", 1.95e9, 2.05e9, "KES"), fig("$15m", 14.5e6, 15.5e6, "USD"))
    assert stance.kind is NO_FIGURE
    assert "KES" in stance.reason


def test_a_figure_built_in_code_is_named_by_its_interval():
    claim = Quantity(0, 0, "", 35_000, None, True, True, None)
    found = Quantity(0, 0, "", 35_500, 36_500, False, False, None)
    assert compare(claim, found).reason == "source: [35500, 36500] lies inside claim: (35000, ∞)"


# --- section 4: the status of a claim ------------------------------------------------------


@pytest.mark.parametrize(
    ("stances", "status"),
    [
        (["supports", "inconclusive", "no-figure"], "supported"),
        (["refutes", "no-figure"], "refuted"),
        (["supports", "refutes", "inconclusive"], "conflicting"),
        (["inconclusive", "no-figure"], "not-enough-evidence"),
        ([], "not-enough-evidence"),
    ],
)
def test_status_from_stances(stances, status):
    assert status_from_stances(stances) == status
    assert status_from_stances([Stance(StanceKind(kind), "") for kind in stances]) == status


# --- properties ----------------------------------------------------------------------------

@st.composite
def intervals(draw) -> tuple[float | None, float | None, bool, bool]:
    # Figures in news are whole or a few decimals; subnormal floats (5e-324) underflow to 0 when
    # converted between units, which says nothing about the comparison rules.
    values = st.floats(0, 1e6, allow_subnormal=False).map(lambda v: round(v, 6))
    low = draw(st.one_of(st.none(), values))
    high = draw(st.one_of(st.none(), values.filter(lambda v: v >= (low or 0))))
    return low, high, draw(st.booleans()) or low is None, draw(st.booleans()) or high is None


def as_figure(interval, unit: str | None = None, scale: float = 1.0) -> Quantity:
    low, high, low_open, high_open = interval
    return Quantity(
        0, 0, "", None if low is None else low * scale, None if high is None else high * scale, low_open, high_open, unit
    )


@given(intervals())
def test_a_figure_supports_itself(interval):
    assert compare(as_figure(interval), as_figure(interval)).kind is SUPPORTS


@given(intervals(), intervals())
def test_refuting_is_symmetric(a, b):
    assert (compare(as_figure(a), as_figure(b)).kind is REFUTES) == (compare(as_figure(b), as_figure(a)).kind is REFUTES)


@given(intervals(), intervals())
def test_the_stance_does_not_depend_on_the_sources_unit(claim, source):
    in_metres = compare(as_figure(claim, "meter"), as_figure(source, "meter"))
    in_kilometres = compare(as_figure(claim, "meter"), as_figure(source, "kilometer", scale=1e-3))
    assert in_metres.kind is in_kilometres.kind
