"""The figure spotter: each checkable figure with its qualifier and kind; look-alikes skipped."""

from __future__ import annotations

import pytest

from claimcheck.extract import find_figures


def spotted(sentence: str) -> list[tuple[str, str]]:
    return [(f.text, f.kind) for f in find_figures(sentence)]


@pytest.mark.parametrize("sentence, expected", [
    ("Police arrested more than 35,000 people.", [("more than 35,000", "count")]),
    ("It raised above 65,000 euros ($72,000) for aid.", [("above 65,000 euros ($72,000)", "money")]),
    ("The town is just 14km (8.7 miles) from the border.", [("just 14km (8.7 miles)", "distance")]),
    ("Turnout was about 40% and fell 3 percentage points.", [("about 40%", "percent"), ("3 percentage points", "percent")]),
    ("Lukashenko won a sixth term in August 2020.", [("sixth term", "ordinal"), ("August 2020", "date")]),
    ("He has ruled Belarus since 1994.", [("1994", "date")]),
    ("Tens of thousands fled; at least several hundred joined.", [("Tens of thousands", "count"), ("at least several hundred", "count")]),
    ("The firm paid US$ 3 million and £1.2bn in fines.", [("US$ 3 million", "money"), ("£1.2bn", "money")]),
    ("The talks lasted two hours in January.", [("two hours", "duration"), ("January", "date")]),
    ("A 37-year-old activist, Stryzhak, spoke.", [("37-year-old", "age")]),
    ("Dina, 34, a dissident, waited.", [("34", "age")]),
    ("The parliament voted 226-0 to approve the law.", [("226-0", "vote")]),
])
def test_figures_with_qualifier_and_kind(sentence, expected):
    assert spotted(sentence) == expected


@pytest.mark.parametrize("sentence", [
    "The meeting starts at 6pm or 09:30 on page 12.",
    "Call 555-123-4567 for COVID-19 news about the G7.",
    "See https://example.org/2020/05/report and {580e7ab747ba2a04fc17}.",
    "He may go there, one of the few.",
    "Madrid won 4-1 on Sunday.",
])
def test_look_alikes_are_not_figures(sentence):
    assert spotted(sentence) == []


def test_a_machine_reworded_qualifier_is_kept_with_its_figure():
    # "extra than" is what a rewording tool makes of "more than": the qualifier still matters
    assert spotted("The regime has arrested extra than 35,000 Belarusians.") == [("extra than 35,000", "count")]


def test_spans_are_verbatim():
    sentence = "On February 27 additional than 800 people were arrested, until 2035."
    for f in find_figures(sentence):
        assert sentence[f.start:f.end] == f.text
    assert [f.qualifier for f in find_figures(sentence)] == [None, "additional than", None]


def test_the_quantity_engine_fills_what_the_spotter_misses():
    from claimcheck.extract import with_engine

    sentence = "Poland celebrated its 23rd NATO membership anniversary in March."
    spotted_only = find_figures(sentence)
    combined = with_engine(sentence, spotted_only)
    assert [(f.text, f.kind) for f in combined] == [("23rd", "ordinal"), ("March", "date")]
    # nothing left uncovered: the engine is not even asked
    assert with_engine("Police arrested 800 people.", find_figures("Police arrested 800 people.")) == \
        find_figures("Police arrested 800 people.")
