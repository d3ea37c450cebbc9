"""The verify write-back's fast path never lies: whatever it returns as the new data is what a
YAML parser reads from the new text, and a person's comments survive."""

from __future__ import annotations

import datetime as dt

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.verify.writeback import normal, updated_text

words = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=30)
stances = st.sampled_from(["supports", "refutes", "inconclusive", "no-figure", "unrelated"])
statuses = st.sampled_from(["supported", "refuted", "conflicting", "not-enough-evidence"])
times = st.datetimes(min_value=dt.datetime(1, 1, 1), max_value=dt.datetime(2100, 1, 1)).map(
    lambda d: d.replace(microsecond=0, tzinfo=dt.timezone.utc)
)


@st.composite
def claim_files(draw) -> tuple[str, list[str]]:
    n_sources = draw(st.integers(0, 3))
    lines = ["# a person's comment at the top", "id: c", f"claim: {yaml.safe_dump(draw(words), width=10**6).splitlines()[0]}"]
    urls = []
    if n_sources:
        lines.append("sources:  # evidence")
        for i in range(n_sources):
            url = f"https://example.org/{i}"
            urls.append(url)
            lines.append(f"  - url: {url}   # source {i}")
            if draw(st.booleans()):
                lines.append(f"    stance: {draw(stances)}")
    if draw(st.booleans()):
        lines.append("notes: kept as written")
    return "\n".join(lines) + "\n", urls


@settings(max_examples=300, deadline=None)
@given(claim_files(), statuses, st.floats(0, 1), times, words, st.data())
def test_the_new_data_is_what_the_new_text_says(file, status, confidence, checked, note, data):
    text, urls = file
    old = yaml.safe_load(text)
    changes = {
        "verdicts": {"source-text": {"status": status, "confidence": round(confidence, 3), "note": note,
                                     "checked": checked, "version": "1.0.0"}},
        "status": status,
        "confidence": round(confidence, 3),
    }
    if urls:
        changes["sources"] = [
            {**source, "stance": data.draw(stances), "stance_by": "source-text"} for source in old["sources"]
        ]
    new_text, new_data = updated_text(text, changes)
    assert normal(yaml.safe_load(new_text)) == normal(new_data)
    for comment in ("# a person's comment at the top", "# evidence", *(f"# source {i}" for i in range(len(urls)))):
        if comment in text:
            assert comment in new_text
