"""Any text goes through the extractor without an exception, and every proposal quotes it."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.extract import parse_document
from claimcheck_plugins.extract_rules import RulesExtractor

PIECES = ["The ministry said", " more than 35,000", " people", " were arrested", " in August 2020", ".", "?", "!",
          " “I felt", " horror,”", " says Marina", ", 34,", " $72,000", " 14km (8.7 miles)", "\n", "\n\n", " U.S.",
          " Mr.", " {580e7a}", " https://x.org/1", " 6pm", " COVID-19", " ١٢٣", " 🙂", " \x00", " (", ")", " –"]


@settings(max_examples=150, deadline=None)
@given(st.one_of(st.text(max_size=400), st.lists(st.sampled_from(PIECES), max_size=60).map("".join)))
def test_any_text_is_read_and_quoted_verbatim(text):
    if not text.strip():
        return
    document = parse_document(text)
    for p in RulesExtractor().extract(document):
        assert 0.0 <= p.score <= 1.0
        assert document.text[p.start:p.end] == p.quote
        assert p.figure is None or p.figure in p.quote
        assert p.id and len(p.id) <= 40
