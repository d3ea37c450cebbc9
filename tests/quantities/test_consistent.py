"""consistent(): one figure stated in two units in one claim ("14km (8.7 miles)")."""

from __future__ import annotations

import datetime as dt

from claimcheck.quantities import Quantity, consistent
from claimcheck.quantities.convert import exchange_rate

# 65,000 EUR was 72,702.50 USD at the ECB reference rate of 3 June 2019 (1.1185).
JUNE_2019 = dt.date(2019, 6, 3)


def fig(text: str, low: float | None, high: float | None, unit: str | None = None, value: float | None = None) -> Quantity:
    return Quantity(0, len(text), text, low, high, low is None, high is None, unit, value=value)


def km14() -> Quantity:
    return fig("14km", 13.5, 14.5, "kilometer", value=14)


def test_a_length_and_its_conversion_are_consistent():
    # 14 km = 8.699 miles, inside 8.7 miles [8.65, 8.75]
    assert consistent(km14(), fig("8.7 miles", 8.65, 8.75, "mile", value=8.7)) is True


def test_the_first_figures_value_must_fall_inside_the_second_interval():
    # 9.5 miles [9.45, 9.55] is not 14 km
    assert consistent(km14(), fig("9.5 miles", 9.45, 9.55, "mile", value=9.5)) is False


def test_physical_units_get_only_the_half_percent_end_tolerance():
    # 14 km = 8.699 miles, 0.58% below 8.8 miles' low end (8.75): too far
    assert consistent(km14(), fig("8.8 miles", 8.75, 8.85, "mile", value=8.8)) is False


def test_money_converts_at_the_ecb_rate_of_the_day():
    euros = fig("65,000 euros", 64_500, 65_500, "EUR", value=65_000)
    assert consistent(euros, fig("$72,000", 71_500, 72_500, "USD", value=72_000), on=JUNE_2019) is True


def test_currency_conversions_get_two_percent_more_room():
    euros = fig("65,000 euros", 64_500, 65_500, "EUR", value=65_000)
    # $74,000 [73,500, 74,500]: 72,702.50 is 1.1% below it, inside the 2% spread of daily rates
    assert consistent(euros, fig("$74,000", 73_500, 74_500, "USD", value=74_000), on=JUNE_2019) is True
    # $76,000 [75,500, 76,500]: 3.7% below it
    assert consistent(euros, fig("$76,000", 75_500, 76_500, "USD", value=76_000), on=JUNE_2019) is False


def test_a_day_without_a_fixing_uses_the_nearest_day_with_one():
    # Sunday 30 March 2014: Monday the 31st is nearer than Friday the 28th
    assert exchange_rate("EUR", "USD", on=dt.date(2014, 3, 30)) == (1.3788, "2014-03-31")
    # before the ECB series began (4 January 1999): its first day
    assert exchange_rate("EUR", "USD", on=dt.date(1990, 1, 1))[1] == "1999-01-04"


def test_without_a_day_the_latest_rates_are_used():
    rate, day = exchange_rate("EUR", "USD")
    assert dt.date.fromisoformat(day) > dt.date(2024, 1, 1)
    assert 0.5 < rate < 2


def test_a_figure_without_a_value_uses_the_middle_of_its_interval():
    assert consistent(fig("13.5-14.5km", 13.5, 14.5, "kilometer"), fig("8.7 miles", 8.65, 8.75, "mile")) is True


def test_units_that_cannot_be_compared_give_none():
    assert consistent(km14(), fig("14", 13.5, 14.5, None, value=14)) is None  # length and count
    assert consistent(fig("40%", 39.5, 40.5, "percent", 40), fig("40 points", 39.5, 40.5, "percentage-point", 40)) is None
    # the ECB publishes no rate for the Kenyan shilling
    assert consistent(fig("KSh 1m", 0.95e6, 1.05e6, "KES", 1e6), fig("$7,700", 7_650, 7_750, "USD", 7_700)) is None


def test_figures_read_from_a_sentence_with_their_conversion():
    from claimcheck.quantities import find_quantities

    first, second = find_quantities("The storm surge pushed seawater 3 miles (4.8km) inland.")
    assert consistent(first, second) is True  # 3 miles = 4.828 km, inside 4.8km [4.75, 4.85]
    first, second = find_quantities("The storm surge pushed seawater 3 miles (5.8km) inland.")
    assert consistent(first, second) is False
    euros, dollars = find_quantities("They raised 65,000 euros ($72,000) in June 2019.")[:2]
    assert consistent(euros, dollars, on=JUNE_2019) is True
