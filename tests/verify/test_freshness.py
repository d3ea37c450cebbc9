"""A verdict's ``claim_hash`` ties it to the content it was reached on."""

from __future__ import annotations

import attrs
from hypothesis import given
from hypothesis import strategies as st

from claimcheck.convert import structure_claim
from claimcheck.model import Source, Stance
from claimcheck.records import parse_record
from claimcheck.verify.engine import _plain
from claimcheck.verify.freshness import claim_digest, claim_hash
from tests.conftest import REPO


def test_the_digest_of_a_claim_object_is_the_hash_of_its_plain_data_for_every_example_claim():
    paths = sorted((REPO / "claims").rglob("*.yaml"))
    assert len(paths) >= 40
    for path in paths:
        data, claim = parse_record(path.read_text(encoding="utf-8"), path)
        assert claim_digest(claim) == claim_hash(data) == claim_hash(_plain(claim)), path.name


words = st.text(min_size=1, max_size=30).filter(str.strip)
texts = st.one_of(st.none(), words)
sources = st.builds(
    Source, url=texts, excerpt=texts, stance=st.one_of(st.none(), st.sampled_from(list(Stance))),
    added_by=st.sampled_from([None, "person", "source-text"]), stance_by=st.sampled_from([None, "person", "link-check"]),
)


@given(claim=words, figure=texts, measure=texts, srcs=st.lists(sources, max_size=4))
def test_digest_and_hash_agree_on_any_claim(claim, figure, measure, srcs):
    srcs = [s for s in srcs if s.url or s.excerpt]
    c = structure_claim({"claim": claim, "figure": figure, "measure": measure, "date": "2022-03-08"})
    c = attrs.evolve(c, sources=tuple(srcs))
    assert claim_digest(c) == claim_hash(_plain(c))


def test_what_verifiers_write_does_not_change_the_hash_and_what_people_write_does():
    base = {"claim": "More than 35,000 people were arrested.", "figure": "more than 35,000",
            "sources": [{"url": "https://example.org/a", "excerpt": "36,000 people were detained."}]}
    verified = {**base, "status": "supported", "sources": [{**base["sources"][0], "stance": "supports",
                                                            "stance_by": "source-text", "http_status": 200}]}
    person = {**base, "sources": [{**base["sources"][0], "stance": "refutes"}]}
    assert claim_hash(base) == claim_hash(verified)
    assert claim_hash(base) != claim_hash(person)
    assert claim_hash(base) != claim_hash({**base, "figure": "more than 36,000"})
