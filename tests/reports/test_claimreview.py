"""ClaimReview JSON-LD: Google's required fields, the configured scale, and real-world shapes."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from claimcheck import Report

from .conftest import CONFIG, FIXED, XSS_CLAIM

PAYLOADS = Path(__file__).resolve().parents[2].parent / "shared" / "fixtures" / "payloads"
SETTINGS = {"base_url": "https://desk.example.org/checks/belarus-2022.html",
            "organisation": "Example Fact-Check Desk", "organisation_url": "https://desk.example.org/"}


def reviews(render, report, notes=None, **settings):
    return json.loads(render(report, "claimreview", notes=notes, settings={**SETTINGS, **settings}))


def assert_google_valid(review: dict) -> None:
    """Google's required ClaimReview properties (developers.google.com/search/docs/appearance/
    structured-data/factcheck): claimReviewed, reviewRating with alternateName, url."""
    assert review["@context"] == "https://schema.org" and review["@type"] == "ClaimReview"
    assert isinstance(review["claimReviewed"], str) and review["claimReviewed"]
    rating = review["reviewRating"]
    assert rating["@type"] == "Rating" and isinstance(rating["alternateName"], str) and rating["alternateName"]
    if "ratingValue" in rating:  # numbers come as a full scale
        assert rating["worstRating"] <= rating["ratingValue"] <= rating["bestRating"]
    assert re.match(r"^https?://[^\s#]+#\S+$", review["url"])


def test_one_object_per_checked_claim_with_googles_required_fields(sample_report, render):
    notes: list[str] = []
    out = reviews(render, sample_report, notes)
    assert [r["url"].split("#")[1] for r in out] == ["arrests-35000", "bysol-raised-65000-eur", "rtl-emoji", "xss-claim"]
    for review in out:
        assert_google_valid(review)
    # the unchecked claim is left out, and the user is told
    assert notes == ["1 unchecked claim left out of the ClaimReview markup (nothing to publish yet): un-vote"]


def test_the_full_object_for_a_reviewed_claim(sample_report, render):
    assert reviews(render, sample_report)[0] == {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": "https://desk.example.org/checks/belarus-2022.html#arrests-35000",
        "claimReviewed": "Belarusian authorities have arrested more than 35,000 people since August 2020.",
        "author": {"@type": "Organization", "name": "Example Fact-Check Desk", "url": "https://desk.example.org/"},
        "datePublished": "2026-11-25",
        "itemReviewed": {
            "@type": "Claim",
            # the claimant is the outlet the claim appeared in: an Organization
            "author": {"@type": "Organization", "name": "Al Jazeera"},
            "datePublished": "2022-03-21",
            "appearance": {"@type": "CreativeWork", "url": "https://www.aljazeera.com/news/2022/3/21/we-have-one-enemy",
                           "headline": "We have one enemy", "publisher": {"@type": "Organization", "name": "Al Jazeera"}},
            "firstAppearance": {"@type": "CreativeWork", "url": "https://www.aljazeera.com/news/2022/3/21/we-have-one-enemy",
                                "headline": "We have one enemy", "publisher": {"@type": "Organization", "name": "Al Jazeera"}},
        },
        "reviewRating": {"@type": "Rating", "ratingValue": 5, "bestRating": 5, "worstRating": 1, "alternateName": "Supported"},
    }


def test_default_scale_is_one_to_five(sample_report, render):
    ratings = {r["url"].split("#")[1]: r["reviewRating"] for r in reviews(render, sample_report)}
    assert ratings["bysol-raised-65000-eur"] == {"@type": "Rating", "ratingValue": 1, "bestRating": 5, "worstRating": 1,
                                                 "alternateName": "Refuted"}
    assert ratings["xss-claim"]["ratingValue"] == 2 and ratings["xss-claim"]["alternateName"] == "Conflicting evidence"
    assert ratings["rtl-emoji"]["ratingValue"] == 3 and ratings["rtl-emoji"]["alternateName"] == "Not enough evidence"


def test_scale_and_names_come_from_the_report_rating_table(sample_report, render):
    rating = {"worst": 0, "best": 10, "values": {"supported": 10, "refuted": 0, "not-enough-evidence": False},
              "names": {"refuted": "False", "supported": "True"}}
    ratings = {r["url"].split("#")[1]: r["reviewRating"] for r in reviews(render, sample_report, rating=rating)}
    assert ratings["arrests-35000"] == {"@type": "Rating", "ratingValue": 10, "bestRating": 10, "worstRating": 0, "alternateName": "True"}
    assert ratings["bysol-raised-65000-eur"]["alternateName"] == "False"
    # `false`: a textual rating only, as some publishers do
    assert ratings["rtl-emoji"] == {"@type": "Rating", "alternateName": "Not enough evidence"}


@pytest.mark.parametrize("rating, message", [
    ({"worst": 5, "best": 1}, "worst (5) must be below best (1)"),
    ({"values": {"supported": 9}}, "supported = 9 is outside the scale 1-5"),
    ({"best": "five"}, "best must be a whole number"),
    ({"names": "False"}, "[report.rating.names] in claimcheck.toml must be a table"),
])
def test_a_wrong_scale_is_a_clear_error(sample_report, render, rating, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        reviews(render, sample_report, rating=rating)


def test_a_status_outside_the_scale_keeps_its_words(render):
    report = Report.build([{"id": "m", "claim": "M.", "status": "misleading"}], generated_at=FIXED)
    [review] = reviews(render, report)
    assert review["reviewRating"] == {"@type": "Rating", "alternateName": "misleading"}


def test_without_base_url_there_is_no_markup_to_publish(sample_report, render):
    with pytest.raises(ValueError, match=r"set base_url in the \[report\] table of claimcheck.toml"):
        render(sample_report, "claimreview", settings={"organisation": "Desk"})


def test_without_organisation_the_author_is_left_out_with_a_note(sample_report, render):
    notes: list[str] = []
    out = reviews(render, sample_report, notes, organisation="")
    assert all("author" not in r for r in out)
    assert any("no organisation" in n for n in notes)


def test_html_snippet_blocks_survive_script_end_tags_in_claims(sample_report, render):
    snippet = render(sample_report, "claimreview", settings=SETTINGS, html_snippet=True)
    blocks = re.findall(r'<script type="application/ld\+json">\n(.*?)\n</script>\n', snippet, flags=re.S)
    assert len(blocks) == 4 and snippet.count("</script>") == 4  # the claim's own </script> is escaped
    assert "<" not in "".join(blocks) and ">" not in "".join(blocks)
    claims = [json.loads(b)["claimReviewed"] for b in blocks]
    assert XSS_CLAIM in claims  # and the JSON still says exactly what the claim says


def test_empty_or_unchecked_only_reports_give_an_empty_list(render):
    notes: list[str] = []
    report = Report.build([{"id": "a", "claim": "A."}], generated_at=FIXED)
    assert render(report, "claimreview", notes=notes, settings={}) == "[]\n"
    assert notes and "left out" in notes[0]
    assert render(report, "claimreview", settings={}, html_snippet=True) == ""


# -- real-world shapes (../shared/fixtures/payloads) ----------------------------------------------


def _payload(name: str):
    path = PAYLOADS / name
    if not path.exists():
        pytest.skip(f"{path} not available (read-only shared fixtures)")
    return json.loads(path.read_text(encoding="utf-8"))


def _types(node, prefix=""):
    """{dotted key: @type or JSON type} for every key of a JSON-LD object, lists flattened."""
    out = {}
    if isinstance(node, list):
        for item in node:
            out.update(_types(item, prefix))
        return out
    for key, value in node.items():
        where = f"{prefix}{key}"
        if isinstance(value, (dict, list)):
            first = value[0] if isinstance(value, list) and value else value
            out[where] = first.get("@type", "object") if isinstance(first, dict) else type(first).__name__
            out.update(_types(value, where + "."))
    return out


def test_our_objects_have_the_shape_real_publishers_use(sample_report, render):
    afp = _payload("afp-claimreview-simple.json")
    dpa = _payload("datacommons-datafeeditem-claimreview.json")["item"][0]
    ours = reviews(render, sample_report)[0]
    # every property we emit is one a real publisher emits, with the same schema.org type
    real_keys = set(afp) | set(dpa)
    assert set(ours) <= real_keys
    real_types: dict[str, set[str]] = {}
    for example in (afp, dpa):
        for key, kind in _types(example).items():
            real_types.setdefault(key, set()).add(kind)
    # schema.org: a claim's author is a Person or an Organization (the examples show Persons)
    real_types["itemReviewed.author"] |= {"Person", "Organization"}
    for key, kind in _types(ours).items():
        if key in real_types:
            assert kind in real_types[key], key
    for prop in ("author", "itemReviewed", "reviewRating"):
        assert ours[prop]["@type"] == afp[prop]["@type"]
    assert set(ours["reviewRating"]) == set(afp["reviewRating"])
    assert set(ours["itemReviewed"]) - {"firstAppearance"} <= set(afp["itemReviewed"]) | set(dpa["itemReviewed"])


def test_google_fact_check_tools_would_read_our_markup_into_its_claim_shape(sample_report, render):
    # The Fact Check Tools API (claims:search) serves ClaimReview markup as below; map ours the
    # same way and compare with a real response element.
    real = _payload("google-factcheck-claims-search-claim.json")
    ours = reviews(render, sample_report)[0]
    as_served = {
        "text": ours["claimReviewed"],
        "claimant": ours["itemReviewed"]["author"]["name"],
        "claimDate": ours["itemReviewed"]["datePublished"],
        "claimReview": [{"publisher": {"site": "desk.example.org", "name": ours["author"]["name"]},
                         "url": ours["url"], "reviewDate": ours["datePublished"],
                         "textualRating": ours["reviewRating"]["alternateName"]}],
    }
    assert set(as_served) == set(real)
    assert set(as_served["claimReview"][0]) - {"name"} <= set(real["claimReview"][0]) | {"title", "languageCode"}
    assert as_served["claimReview"][0]["textualRating"] == "Supported"


def test_the_config_file_of_the_sample_project_feeds_the_format(sample_project, run):
    result = run("--project", str(sample_project), "report", "--format", "claimreview")
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert out[0]["author"]["name"] == "Example Fact-Check Desk"
    assert "1 unchecked claim left out" in result.stderr
    assert "organisation = \"Example Fact-Check Desk\"" in CONFIG
