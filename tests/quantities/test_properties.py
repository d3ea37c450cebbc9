"""Properties of the reader, checked on generated input (hypothesis).

- A number written in any supported style (digits with comma, space or thin-space separators,
  a scale suffix or word, English words) reads back to the same interval.
- No input makes the reader raise: any unicode, figure-like noise, empty text.
- Every figure's span is the text between its offsets, and figures come in reading order.
"""

from __future__ import annotations

import math

from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from claimcheck.quantities.reader import find_quantities

_ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
         "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
         "nineteen"]
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_SCALES = [(10**12, "trillion"), (10**9, "billion"), (10**6, "million"), (10**3, "thousand")]


def _below_thousand(n: int, british_and: bool) -> str:
    words = []
    if n >= 100:
        words.append(f"{_ONES[n // 100]} hundred")
        n %= 100
        if n and british_and:
            words.append("and")
    if n >= 20:
        words.append(_TENS[n // 10] + (f"-{_ONES[n % 10]}" if n % 10 else ""))
    elif n:
        words.append(_ONES[n])
    return " ".join(words)


def in_words(n: int, british_and: bool = False) -> str:
    """English words for a positive integer ("one hundred and twenty", "three million")."""
    parts = []
    for size, name in _SCALES:
        if n >= size:
            parts.append(f"{_below_thousand(n // size, british_and)} {name}")
            n %= size
    if n:
        parts.append(_below_thousand(n, british_and))
    return " ".join(parts)


def grouped(n: int, sep: str) -> str:
    return f"{n:,}".replace(",", sep)


def interval(text: str) -> tuple[float | None, float | None, str | None]:
    found = find_quantities(f"Officials said {text} people came.")
    assert len(found) == 1, (text, [q.text for q in found])
    q = found[0]
    assert q.text == text
    return q.low, q.high, q.unit


def same(a: tuple, b: tuple) -> bool:
    return a[2] == b[2] and all(math.isclose(x, y, rel_tol=1e-9) for x, y in zip(a[:2], b[:2]))


# Plain four-digit integers from 1000 to 2199 read as calendar years, so counts use separators.
counts = st.integers(min_value=1, max_value=999_999_999_999).filter(lambda n: not 1000 <= n <= 2199)


@given(counts)
@example(35000)
@example(120)
@example(1_250_000)
def test_a_count_reads_the_same_in_digits_separators_and_words(n: int) -> None:
    expected = interval(f"{n:,}")
    for written in (grouped(n, " "), grouped(n, "\u2009"), in_words(n), in_words(n, british_and=True)):
        assert same(interval(written), expected), (written, interval(written), expected)


@given(
    st.integers(min_value=1, max_value=999),
    st.integers(min_value=0, max_value=2),
    st.sampled_from([(3, ["k", " thousand"]), (6, ["m", "mn", " million"]), (9, ["bn", " billion"]), (12, ["tn", " trillion"])]),
)
def test_a_scaled_number_reads_the_same_with_a_suffix_a_scale_word_or_all_digits(
    mantissa: int, decimals: int, scale: tuple[int, list[str]]
) -> None:
    power, suffixes = scale
    assume(decimals < power)
    written = f"{mantissa / 10**decimals:.{decimals}f}"
    value = mantissa * 10 ** (power - decimals)
    expected = interval(f"{value:,}")
    for suffix in suffixes:
        got = interval(f"{written}{suffix}")
        assert same(got, expected), (written + suffix, got, expected)
        money = interval(f"${written}{suffix}")
        assert same(money, (*interval(f"${value:,}")[:2], "USD")), (f"${written}{suffix}", money)


@given(st.integers(min_value=1, max_value=99), st.sampled_from(["%", " per cent", " percent"]))
def test_a_percentage_reads_the_same_in_digits_and_words(n: int, unit: str) -> None:
    expected = interval(f"{n}{unit}")
    assert expected[2] == "percent"
    assert same(interval(f"{in_words(n)}{unit}"), expected)


_NOISE = st.lists(
    st.sampled_from(
        list("0123456789,. \u2009-–/()$€£¥%+~:#[]\n\x00")
        + ["٣", "３", "😀", "km", "m", "bn", "k", " million", " and ", " a ", "half", "third", "between ",
           "more than ", "up to ", "dozen", "hundreds of ", "March ", "pm", "per cent", "A$", "R", "KSh ",
           "-year-old", "s", "th", " to ", " or more", "COVID-", "iPhone ", "°C", "1990", "2022-23"]
    ),
    max_size=120,
).map("".join)


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(max_size=300), _NOISE))
@example("")
@example("\x00" * 50)
@example("(" * 5000 + "1" + ")" * 5000)
@example("1," * 2000)
@example("٣٥٬٠٠٠ and ３５，０００")
@example("a few " + "trillion " * 30)
@example("9" * 400 + " trillion")
def test_no_input_makes_the_reader_raise_and_spans_are_the_text_between_offsets(text: str) -> None:
    found = find_quantities(text)
    previous_start = -1
    for q in found:
        assert text[q.start : q.end] == q.text
        assert q.start >= previous_start
        previous_start = q.start
        assert q.low is None or q.high is None or q.low <= q.high
        assert (q.low is not None) or q.low_open
        assert (q.high is not None) or q.high_open
