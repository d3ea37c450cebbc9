"""From a quoted sentence to a draft's claim, measure and id."""

from __future__ import annotations

from claimcheck.extract import claim_text, find_figures, guess_measure, proposal_id


def test_claim_drops_credit_connective_and_quotation_marks_where_easy():
    assert claim_text("Protesters in Minsk on August 23, 2020 [Photo by Misha Friedman/Getty Images]") == \
        "Protesters in Minsk on August 23, 2020."
    assert claim_text("As a result, tens of thousands fled to Lithuania.") == "Tens of thousands fled to Lithuania."
    assert claim_text("“They were very vulnerable,” says Andrej Stryzhak, the head of the organisation.") == \
        "Andrej Stryzhak, the head of the organisation, says they were very vulnerable."


def test_first_person_quotations_are_left_as_they_are():
    quote = "“We lost everything,” said Muhammad Ali, a farmer."
    assert claim_text(quote) == quote


def test_measure_is_what_the_figure_counts():
    sentence = "The regime has arrested more than 35,000 Belarusians in an effort to suppress the movement."
    [figure] = find_figures(sentence)
    assert guess_measure(sentence, figure) == "Belarusians"
    sentence = "The government appealed for $160 million in international aid."
    [figure] = find_figures(sentence)
    assert guess_measure(sentence, figure) == "international aid"


def test_ids_are_short_slugs_of_figure_and_content_and_unique():
    taken: set[str] = set()
    first = proposal_id("The regime arrested more than 35,000 Belarusians.", "more than 35,000", taken, "Belarusians")
    second = proposal_id("The regime arrested more than 35,000 Belarusians.", "more than 35,000", taken, "Belarusians")
    assert first == "35000-belarusians-regime-arrested"
    assert second == first + "-2"
    assert len(proposal_id("word " * 100, None)) <= 40
