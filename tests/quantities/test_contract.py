"""The reading contract of the quantity engine, one test per row (issue 3, sections 1, 2 and 5).

Each test reads a sentence and states the figure a careful reader takes from it: the span, the
interval (``[`` closed, ``(`` open, ``None`` unbounded) and the unit.
"""

from __future__ import annotations

import math

import pytest

from claimcheck.quantities.model import Qualifier, Quantity
from claimcheck.quantities.reader import find_quantities


def figures(text: str) -> list[tuple[str, float | None, float | None, str | None]]:
    return [(q.text, q.low, q.high, q.unit) for q in find_quantities(text)]


def only(text: str) -> Quantity:
    found = find_quantities(text)
    assert len(found) == 1, f"expected one figure in {text!r}, read {[q.text for q in found]}"
    return found[0]


def assert_interval(q: Quantity, low: float | None, high: float | None, *, low_open: bool = False,
                    high_open: bool = False, unit: str | None = None, span: str | None = None) -> None:
    for got, want in ((q.low, low), (q.high, high)):
        if want is None:
            assert got is None
        else:
            assert got is not None and math.isclose(got, want, rel_tol=1e-9), (q, low, high)
    assert (q.low_open, q.high_open) == (low_open, high_open), q
    assert q.unit == unit, q
    if span is not None:
        assert q.text == span


# --- section 1: a figure is an interval ---------------------------------------------------------


class TestBareNumbers:
    def test_a_whole_count_without_trailing_zeros_is_exact(self) -> None:
        assert_interval(only("Police counted 65,312 people."), 65312, 65312)
        assert_interval(only("The mayor has 4 deputies."), 4, 4)
        assert only("The mayor has 4 deputies.").qualifier is Qualifier.EXACT

    def test_money_without_trailing_zeros_is_exact(self) -> None:
        assert_interval(only("It cost €1,234."), 1234, 1234, unit="EUR")

    def test_trailing_zeros_make_a_count_rounded_to_half_its_last_significant_digit(self) -> None:
        assert_interval(only("35,000 people marched."), 34500, 35500)
        assert_interval(only("800 people marched."), 750, 850)
        assert only("800 people marched.").qualifier is Qualifier.ROUNDED

    def test_a_scaled_number_is_rounded_on_its_last_written_digit(self) -> None:
        assert_interval(only("3.7 million people voted."), 3_650_000, 3_750_000)

    def test_the_rounding_is_capped_at_ten_percent(self) -> None:
        assert_interval(only("3 million people voted."), 2_700_000, 3_300_000)
        assert_interval(only("The fund holds €100bn."), 90e9, 110e9, unit="EUR")

    def test_physical_units_are_rounded(self) -> None:
        assert_interval(only("The town is 14km away."), 13.5, 14.5, unit="kilometer")
        assert_interval(only("The town is 8.7 miles away."), 8.65, 8.75, unit="mile")

    def test_percentages_keep_their_trailing_zeros(self) -> None:
        assert_interval(only("Turnout was 40%."), 39.5, 40.5, unit="percent")

    def test_number_words_follow_the_same_rule(self) -> None:
        assert_interval(only("Forty journalists were held."), 36, 44)
        assert_interval(only("They held four journalists."), 4, 4)


@pytest.mark.parametrize("word", ["about", "around", "roughly", "approximately", "some", "an estimated", "~"])
def test_about_x_is_ten_percent_either_side(word: str) -> None:
    sep = "" if word == "~" else " "
    q = only(f"Police said {word}{sep}2,000 people came.")
    assert_interval(q, 1800, 2200, span=f"{word}{sep}2,000")
    assert q.qualifier is Qualifier.ABOUT


@pytest.mark.parametrize("word", ["more than", "over", "upwards of", "in excess of", "above"])
def test_more_than_x_is_open_above_x(word: str) -> None:
    q = only(f"The ministry said {word} 35,000 were arrested.")
    assert_interval(q, 35000, None, low_open=True, high_open=True, span=f"{word} 35,000")
    assert q.qualifier is Qualifier.MORE_THAN


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("at least 48 people died", "at least 48"),
        ("no fewer than 48 people died", "no fewer than 48"),
        ("no less than 48 people died", "no less than 48"),
        ("48 or more people died", "48 or more"),
        ("48+ people died", "48+"),
    ],
)
def test_at_least_x_is_closed_at_x_and_unbounded(text: str, span: str) -> None:
    assert_interval(only(text), 48, None, high_open=True, span=span)


@pytest.mark.parametrize("word", ["nearly", "almost", "close to", "just under", "approaching"])
def test_nearly_x_is_up_to_ten_percent_below_x(word: str) -> None:
    assert_interval(only(f"{word} 600 migrants were rescued"), 540, 600, high_open=True, span=f"{word} 600")


@pytest.mark.parametrize("word", ["less than", "fewer than", "under", "below"])
def test_less_than_x_starts_at_zero_for_counts_and_money(word: str) -> None:
    assert_interval(only(f"{word} 5% applied"), 0, 5, high_open=True, unit="percent")
    assert_interval(only(f"it cost {word} $300"), 0, 300, high_open=True, unit="USD")


@pytest.mark.parametrize("word", ["at most", "up to", "no more than", "a maximum of"])
def test_at_most_x_is_closed_from_zero_to_x(word: str) -> None:
    assert_interval(only(f"{word} 50 people may be trapped"), 0, 50, span=f"{word} 50")


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("between 8,000 and 10,000 people", "between 8,000 and 10,000"),
        ("8,000-10,000 people", "8,000-10,000"),
        ("8,000 to 10,000 people", "8,000 to 10,000"),
        ("from 8,000 to 10,000 people", "from 8,000 to 10,000"),
    ],
)
def test_a_range_uses_the_written_values_as_bounds(text: str, span: str) -> None:
    q = only(text)
    assert_interval(q, 8000, 10000, span=span)
    assert q.qualifier is Qualifier.RANGE


class TestVagueAmounts:
    def test_a_dozen_is_about_twelve(self) -> None:
        assert_interval(only("A dozen countries came."), 10.8, 13.2)

    def test_dozens_handful_and_few(self) -> None:
        assert_interval(only("Dozens were hurt."), 24, 99)
        assert_interval(only("a handful of people"), 3, 6)
        assert_interval(only("a few people"), 2, 5)

    @pytest.mark.parametrize(
        ("text", "low", "high"),
        [
            ("a few hundred", 200, 500),
            ("several hundred", 200, 999),
            ("hundreds", 200, 999),
            ("a few thousand", 2000, 5000),
            ("several thousand", 2000, 9999),
            ("thousands", 2000, 9999),
            ("tens of thousands", 20000, 99999),
            ("hundreds of thousands", 200000, 999999),
            ("millions", 2e6, 9999999),
            ("tens of millions", 20e6, 99999999),
        ],
    )
    def test_plural_and_vague_scale_words(self, text: str, low: float, high: float) -> None:
        q = only(f"{text} of people fled")
        assert_interval(q, low, high, span=text)
        assert q.qualifier is Qualifier.VAGUE


@pytest.mark.parametrize(
    ("text", "value"),
    [("two and a half", 2.5), ("a third", 1 / 3), ("half", 0.5), ("a quarter", 0.25), ("two thirds", 2 / 3)],
)
def test_fractions_and_halves_are_exact(text: str, value: float) -> None:
    q = only(f"{text} of the voters stayed home")
    assert_interval(q, value, value, span=text)


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("$1.2bn", "$1.2bn", 1.2e9),
        ("12k", "12k", 12e3),
        ("3.5m people", "3.5m", 3.5e6),
        ("£2mn", "£2mn", 2e6),
        ("4 tn yen", "4 tn yen", 4e12),
        ("3 thousand", "3 thousand", 3e3),
        ("2 billion", "2 billion", 2e9),
    ],
)
def test_scale_words_and_suffixes_multiply(text: str, span: str, value: float) -> None:
    assert only(text).value == pytest.approx(value)
    assert only(text).text == span


class TestSeparators:
    def test_comma_and_space_and_thin_space_group_thousands(self) -> None:
        for written in ("35,000", "35 000", "35\u2009000", "35\u202f000"):
            assert only(f"{written} people").low == 34500

    def test_a_dot_groups_thousands_only_where_a_comma_decimal_is_evident(self) -> None:
        first, second = find_quantities("Turnout was 35.000 people, up 2,5 % on last year.")
        assert (first.value, second.value) == (35000, 2.5)
        assert figures("Turnout was 35.000 people.") == []  # never guessed silently

    def test_a_dot_is_a_decimal_point_otherwise(self) -> None:
        assert only("Inflation was 3.125 percent.").value == pytest.approx(3.125)


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("forty", 40, None),
        ("three million", 3e6, None),
        ("one hundred and twenty", 120, None),
        ("forty-eight", 48, None),
        ("sixth", 6, "ordinal"),
        ("twenty-first", 21, "ordinal"),
    ],
)
def test_number_words(text: str, value: float, unit: str | None) -> None:
    q = only(f"They saw {text} times")
    assert q.value == value and q.unit == unit and q.text == text


class TestPercentages:
    @pytest.mark.parametrize("text", ["40%", "40 per cent", "40 percent", "forty percent"])
    def test_percent_in_any_wording(self, text: str) -> None:
        assert_interval(only(f"Turnout was {text}."), 39.5, 40.5, unit="percent", span=text)

    def test_percentage_points_are_their_own_unit(self) -> None:
        found = find_quantities("Support fell by 4 percentage points to 31%.")
        assert [q.unit for q in found] == ["percentage-point", "percent"]

    def test_a_polls_points_are_percentage_points(self) -> None:
        q = find_quantities("The lead is within the poll's margin of error of 2.5 points.")[0]
        assert_interval(q, 2.45, 2.55, unit="percentage-point", span="2.5 points")


# --- section 2: units ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("65,000 euros", "EUR"), ("€65,000", "EUR"), ("EUR 65,000", "EUR"), ("$72,000", "USD"),
        ("72,000 dollars", "USD"), ("£5,000", "GBP"), ("A$368bn", "AUD"), ("C$5m", "CAD"),
        ("₹500 crore", "INR"), ("KSh 600 billion", "KES"), ("27.5 trillion naira", "NGN"),
        ("845 million złoty", "PLN"), ("12 million Swiss francs", "CHF"),
    ],
)
def test_money_is_normalised_to_an_iso_code(text: str, unit: str) -> None:
    assert find_quantities(f"They paid {text} for it.")[0].unit == unit


def test_yen_and_rand_signs_need_their_context() -> None:
    assert only("Japan approved a ¥112.1 trillion budget.").unit == "JPY"
    assert only("Cape Town set aside R2.5bn for water.").unit == "ZAR"


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("14km", "kilometer"), ("8.7 miles", "mile"), ("750mm", "millimeter"), ("20cm", "centimeter"),
        ("5 tonnes", "tonne"), ("300kg", "kilogram"), ("18 hectares", "hectare"), ("48 hours", "hour"),
        ("3 minutes", "minute"), ("22 seconds", "second"), ("2 weeks", "week"), ("3 years", "year"),
        ("1.1 metres", "meter"), ("16,000 feet", "foot"), ("500 square kilometres", "square_kilometer"),
    ],
)
def test_physical_units_get_their_pint_name(text: str, unit: str) -> None:
    q = only(f"It measured {text} then.")
    assert q.unit == unit and q.text == text


# --- section 5: reading decisions ---------------------------------------------------------------


def test_a_count_that_is_not_whole_is_rounded() -> None:
    assert_interval(only("The ratio was 0.92 last year."), 0.915, 0.925)


def test_cents_are_written_digits_so_money_with_cents_is_exact() -> None:
    assert_interval(only("Shares closed at $77.96."), 77.96, 77.96, unit="USD")


def test_trailing_zeros_are_judged_on_the_value_with_its_scale_word() -> None:
    assert_interval(only("1.1 million people"), 1.05e6, 1.15e6)
    assert_interval(only("£40k a year"), 36000, 44000, unit="GBP")
    assert_interval(only("The party won 460 seats."), 455, 465)
    assert_interval(only("The climb was 16,000 feet."), 15500, 16500, unit="foot")
    assert_interval(only("The tower is 200 metres tall."), 180, 220, unit="meter")


def test_number_words_for_a_duration_are_rounded_and_fractions_exact() -> None:
    assert_interval(only("It took two hours."), 1.8, 2.2, unit="hour")
    assert_interval(only("It took two and a half weeks."), 2.5, 2.5, unit="week")


def test_a_fraction_of_a_scale_word_is_a_scaled_number() -> None:
    assert_interval(only("half a million people"), 450000, 550000, span="half a million")
    assert_interval(only("A quarter of a million tickets sold."), 245000, 255000)


def test_a_range_shares_a_trailing_scale_or_unit() -> None:
    assert_interval(only("2-3 million people"), 2e6, 3e6)
    assert_interval(only("20-30cm of snow"), 20, 30, unit="centimeter")
    assert_interval(only("between 200 and 400mm of rain"), 200, 400, unit="millimeter")


def test_calendar_years_are_figures_wherever_they_occur() -> None:
    assert figures("He has ruled since 1994.") == [("1994", 1994, 1994, "calendar-year")]
    assert figures("The deal was signed on 14 July 2015.") == [("2015", 2015, 2015, "calendar-year")]
    assert figures("Turnout rose between 2016 and 2021.") == [
        ("between 2016 and 2021", 2016, 2021, "calendar-year")
    ]


def test_ordinals_that_number_something_are_exact() -> None:
    assert figures("his sixth term") == [("sixth", 6, 6, "ordinal")]
    assert figures("in the 88th minute") == [("88th", 88, 88, "ordinal")]


def test_ages_are_durations_in_years() -> None:
    assert_interval(only("The 33-year-old striker scored."), 32.5, 33.5, unit="year", span="33-year-old")


@pytest.mark.parametrize(
    "text",
    [
        "The vote is on March 21.",
        "Polls open at 6pm and close at 09:00.",
        "Call +44 20 7946 0958 now.",
        "UN Security Council Resolution 2231 was passed.",
        "The iPhone 15 went on sale.",
        "The Boeing 737 MAX 9 was grounded.",
        "Emissions of CO2 fell.",
        "COVID-19 spread.",
        "The G7 met.",
        "Arsenal won 4-1 at home.",
        "They take a year to build.",
    ],
)
def test_not_figures(text: str) -> None:
    assert figures(text) == []


def test_below_does_not_qualify_a_year() -> None:
    assert figures("emissions 65% below 1990 levels") == [
        ("65%", 64.5, 65.5, "percent"),
        ("1990", 1990, 1990, "calendar-year"),
    ]


def test_not_more_than_and_not_less_than() -> None:
    assert_interval(only("not more than 20 people"), 0, 20)
    assert_interval(only("not less than 20 people"), 20, None, high_open=True)


def test_a_figure_and_its_conversion_in_parentheses_are_two_figures() -> None:
    assert figures("more than 14km (8.7 miles) away") == [
        ("more than 14km", 14, None, "kilometer"),
        ("8.7 miles", 8.65, 8.75, "mile"),
    ]


def test_temperatures_and_their_anomalies() -> None:
    assert only("It was 40C in Seville.").unit == "degree_Celsius"
    assert only("It was 104F in Phoenix.").unit == "degree_Fahrenheit"
    assert only("Warming reached 1.45C above pre-industrial levels.").unit == "delta_degree_Celsius"


# --- decisions where the contract is silent (docs/quantities.md) --------------------------------


class TestDecisions:
    def test_a_date_span_is_not_a_figure(self) -> None:
        assert figures("The festival runs from 14 to 16 July.") == []
        assert figures("Talks are set for July 14-16 in Geneva.") == []

    def test_a_decade_is_a_span_of_calendar_years(self) -> None:
        assert figures("since the 1950s") == [("1950s", 1950, 1959, "calendar-year")]

    def test_a_season_is_a_span_of_calendar_years(self) -> None:
        assert figures("the 2022-23 season") == [("2022-23", 2022, 2023, "calendar-year")]

    def test_a_qualifier_with_a_four_digit_count_reads_a_count(self) -> None:
        assert_interval(only("more than 2000 people"), 2000, None, low_open=True, high_open=True)

    def test_points_are_percentage_points_only_in_a_text_about_polls(self) -> None:
        assert only("The party's lead in the poll narrowed by 3 points.").unit == "percentage-point"
        assert only("The Nikkei rose 690 points.").unit is None

    def test_the_yen_sign_is_yuan_in_a_text_about_china(self) -> None:
        assert only("Beijing set aside ¥1.5 trillion.").unit == "CNY"

    def test_m_after_a_number_is_a_million_before_a_noun_and_a_metre_before_tall(self) -> None:
        assert only("3.5m Ukrainians fled.").value == 3_500_000
        assert only("The wall is 4m tall.").unit == "meter"

    def test_a_fraction_after_by_is_a_fraction_and_before_a_noun_an_ordinal(self) -> None:
        assert figures("Rents rose by a third since 2020.")[0][:2] == ("a third", 1 / 3)
        assert figures("He began a third consecutive term.") == [("third", 3, 3, "ordinal")]

    def test_one_million_and_a_half_is_one_and_a_half_million(self) -> None:
        assert only("one million and a half people").value == 1_500_000

    def test_digits_in_a_web_address_are_not_figures(self) -> None:
        assert figures("See https://example.org/report-2023/page/45 for 12 charts.") == [("12", 12, 12, None)]

    def test_a_run_of_numbers_with_only_spaces_between_is_no_figure(self) -> None:
        assert figures("1 2 3 4 5 6") == []

    def test_verbs_and_as_many_as_are_not_qualifiers(self) -> None:
        assert figures("Exports exceeded 3,000 tonnes.") == [("3,000 tonnes", 2700, 3300, "tonne")]
        assert figures("as many as 50 people") == [("50", 45, 55, None)]

    def test_ages_after_aged_are_durations(self) -> None:
        assert figures("The leader, aged 45, was jailed.") == [("45", 44.5, 45.5, "year")]

    def test_a_qualifier_before_a_range_bounds_the_range(self) -> None:
        assert_interval(only("up to 20-30cm of snow"), 0, 30, unit="centimeter", span="up to 20-30cm")
        assert_interval(only("about 2-3 million people"), 1.8e6, 3.3e6, span="about 2-3 million")
        assert_interval(only("more than 2-3 days"), 2, None, low_open=True, high_open=True, unit="day")

    def test_about_before_a_year_leaves_the_year_exact(self) -> None:
        assert figures("The house was built around 1900.") == [("1900", 1900, 1900, "calendar-year")]
        assert figures("around 2016-2018") == [("2016-2018", 2016, 2018, "calendar-year")]
        assert only("about 1500 people").unit is None

    def test_ages_in_a_range_are_years(self) -> None:
        assert figures("voters aged 18 to 24") == [("18 to 24", 18, 24, "year")]
