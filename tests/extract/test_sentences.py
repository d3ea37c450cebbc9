"""The sentence splitter: every sentence is a verbatim span, and the usual traps of news text
(abbreviations, initials, decimals, quotations with their speaker, captions) split right."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.extract import split_sentences


def texts(source: str) -> list[str]:
    return [s.text for s in split_sentences(source)]


def test_abbreviations_titles_and_initials_do_not_end_a_sentence():
    assert texts("Mr. Smith met Gen. Jones in St. Petersburg. Howard G. Buffett paid.") == [
        "Mr. Smith met Gen. Jones in St. Petersburg.",
        "Howard G. Buffett paid.",
    ]


def test_us_ends_a_sentence_only_before_a_sentence_opener():
    assert texts("U.S. officials said it rose. He lives in the U.S. The economy grew.") == [
        "U.S. officials said it rose.",
        "He lives in the U.S.",
        "The economy grew.",
    ]


def test_decimal_points_and_numbered_abbreviations_stay_inside():
    assert texts("Inflation hit 3.5 percent in No. 10 data, p. 12. Then it fell.") == [
        "Inflation hit 3.5 percent in No. 10 data, p. 12.",
        "Then it fell.",
    ]


def test_a_quotation_stays_with_its_speaker():
    assert texts("“Has it started?” Marina asked. “It has,” he said. “I keep inside.” She says she left.") == [
        "“Has it started?” Marina asked.",
        "“It has,” he said.",
        "“I keep inside.”",
        "She says she left.",
    ]


def test_captions_and_headings_without_a_full_stop_stand_alone():
    text = "Russia invades\n\nProtesters in Minsk on August 23, 2020 [Photo by A. B.]\nThe police arrested 800 people."
    assert texts(text) == [
        "Russia invades",
        "Protesters in Minsk on August 23, 2020 [Photo by A. B.]",
        "The police arrested 800 people.",
    ]


def test_hard_wrapped_prose_is_joined_across_lines():
    line = "The ministry said that more than 35,000 people had been detained across the"
    text = "\n".join([line, "country since the election in August 2020, a figure rights groups dispute", line,
                      "country. The count rose again in the spring of the following year and then fell"])
    result = texts(text)
    assert len(result) == 2
    assert result[0].startswith("The ministry said") and result[0].endswith("country.")


def test_exclamation_question_and_ellipsis_end_sentences():
    assert texts("It fell! Did it? Yes… And then it rose.") == ["It fell!", "Did it?", "Yes…", "And then it rose."]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(list("ab .?!\n“”\"'3,U.S") + ["Mr.", " The ", "\n\n"]), max_size=120).map("".join))
def test_sentences_are_verbatim_ordered_spans(text):
    last = 0
    for s in split_sentences(text):
        assert text[s.start:s.end] == s.text
        assert s.text == s.text.strip() and s.text
        assert s.start >= last
        last = s.end
