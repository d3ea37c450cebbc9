"""Check-worthiness: the documented features move the score the documented way."""

from __future__ import annotations

from pathlib import Path

from claimcheck.extract import FEATURES, BASE, parse_document
from claimcheck_plugins.extract_rules import RulesExtractor


def proposals(text: str):
    return RulesExtractor().extract(parse_document(text))


def best(text: str, figure: str | None = None) -> float:
    """The best score among the proposals (0 when nothing is proposed: the extractor drops
    proposals under its floor of 0.1)."""
    found = [p for p in proposals(text) if figure is None or p.figure == figure]
    return max((p.score for p in found), default=0.0)


def test_every_feature_is_documented_with_a_weight():
    assert 0 < BASE < 0.5
    for feature in FEATURES.values():
        assert feature.description and -1 <= feature.weight <= 1


def test_a_public_figure_with_a_measured_figure_ranks_high():
    assert best("According to the Interior Ministry, police detained more than 6,000 people in Minsk in August 2020.") >= 0.8


def test_questions_opinions_feelings_and_predictions_rank_low():
    for text in (
        "Will the government raise taxes next year?",
        "“I felt sheer horror, I could not do anything,” she says.",
        "I think the new policy is a wonderful idea.",
        "If the talks fail, prices could rise sharply.",
    ):
        assert best(text) < 0.5, text


def test_the_private_detail_feature_marks_a_private_persons_age():
    from claimcheck.extract import figure_features, find_figures

    [age] = [f for f in find_figures("Marina, a 33-year-old IT specialist, woke up.") if f.kind == "age"]
    assert figure_features(age, {"private_person": True})["private_detail"] is True
    assert figure_features(age, {"private_person": False, "public_actor": True})["private_detail"] is False


def test_a_private_persons_age_is_not_checkworthy_but_a_public_figures_is():
    text = ("Marina, a 33-year-old IT specialist, woke up early. “It has started,” Marina says.\n\n"
            "Andrej Stryzhak, the head of the foundation, said it raised 65,000 euros. "
            "A 37-year-old human rights activist, Stryzhak founded the group in 2020.")
    found = {p.figure: p for p in proposals(text)}
    assert "33-year-old" not in found or found["33-year-old"].score < 0.5
    assert found["37-year-old"].score >= 0.5


def test_two_figures_in_one_sentence_make_two_proposals():
    text = "On February 27, more than 800 people were arrested by police in Belarus, officials said."
    found = [p for p in proposals(text) if p.score >= 0.5]
    assert sorted(p.figure for p in found) == ["February 27", "more than 800"]
    assert {p.quote for p in found} == {text}
    assert len({p.id for p in found}) == 2


def test_a_checkable_statement_without_a_figure_is_proposed():
    found = proposals("The European Union imposed sanctions on the Belarusian government.")
    assert found[0].figure is None and found[0].kind == "event" and found[0].score >= 0.5


def test_boilerplate_and_headings_are_not_proposed():
    for text in ("This reporting was supported by the International Women’s Media Foundation.",
                 "A photo of nine people holding hands in the street.",
                 "https://www.youtube.com/watch?v=abc123"):
        assert best(text) < 0.5, text


def test_scores_stay_in_the_unit_interval():
    text = open(__file__, encoding="utf-8").read()
    assert all(0.0 <= p.score <= 1.0 for p in proposals(text))


def test_a_human_interest_story_yields_only_its_public_facts():
    # Written for this test: an interviewee's story around a few public figures.
    text = (Path(__file__).parent / "data" / "human-interest.txt").read_text(encoding="utf-8")
    kept = [p for p in proposals(text) if p.score >= 0.5]
    assert {p.figure for p in kept if p.figure} == {
        "€12 million", "March 2023", "more than 1.1 million", "about 1.1 million", "2022",
    }
    assert not any("Anna" in p.quote or p.quote.startswith(("Her ", "She ", "They ", "“")) for p in kept)


def test_announced_plans_with_a_figure_are_checkable_but_speculation_is_not():
    assert best("Volkswagen plans to cut more than 35,000 jobs in Germany by 2030.", "more than 35,000") >= 0.5
    assert best("The renovation of the Louvre will cost about €700m.") >= 0.5
    assert best("If the talks fail, prices could rise sharply.") < 0.5


def test_a_news_report_proposes_its_figures_and_officials_not_its_interviewee():
    # Written for this test: wire-style news with an official, a named interviewee and a comment.
    text = (Path(__file__).parent / "data" / "floods-news.txt").read_text(encoding="utf-8")
    kept = [p for p in proposals(text) if p.score >= 0.5]
    figures = {p.figure for p in kept}
    assert {"at least 1,136", "More than 33 million", "nearly 1 million", "$160 million", "less than 1%"} <= figures
    assert "45-year-old" not in figures, "a farmer named in full with his age is still a private person"
    assert any(p.quote.startswith("Prime Minister Shehbaz Sharif called it") for p in kept)
    assert not any(p.quote.startswith(("Can the world", "Many experts", "It is heartbreaking", "Follow AP")) for p in kept)


def test_people_who_ask_not_to_be_named_are_private():
    text = ("Olga, who asked that her surname not be used, fled Minsk in August 2020.\n\n"
            "The Interior Ministry said 7,000 people were detained in August 2020.")
    found = {(p.quote[:4], p.figure): p.score for p in proposals(text)}
    assert found.get(("Olga", "August 2020"), 0.0) < 0.5
    assert found[("The ", "7,000")] >= 0.5
