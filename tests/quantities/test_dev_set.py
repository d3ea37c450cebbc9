"""The quantity-reading development set (../shared/eval/quantities-dev.yaml), scored.

A figure is right when a figure read from the sentence has exactly the labelled span and the
labelled interval (both ends, their openness) and unit, numbers compared with a relative
tolerance of 1e-9. The target is 95% of the labelled figures; the test prints every miss.

The same scoring reads the spans labelled in ../shared/eval/verdicts-dev.yaml
(``claim_interval``, ``source_intervals``): reading the text of each span alone must give that
one figure.

Set CLAIMCHECK_QUANTITIES_EVAL to the path of another set labelled the same way to score it.
"""

from __future__ import annotations

import math
import os
from pathlib import Path

import pytest
import yaml

from claimcheck.quantities.model import Quantity
from claimcheck.quantities.reader import find_quantities

REPOSITORY = Path(__file__).resolve().parents[2]
SHARED = REPOSITORY.parent / "shared" / "eval"
DEV_SET = Path(os.environ.get("CLAIMCHECK_QUANTITIES_EVAL", SHARED / "quantities-dev.yaml"))
VERDICTS_SET = SHARED / "verdicts-dev.yaml"
TARGET = 0.95


def _load(path: Path) -> list[dict]:
    if not path.exists():
        pytest.skip(f"{path} is not here (the shared folder sits beside the checkout)")
    with path.open(encoding="utf-8") as stream:
        return yaml.safe_load(stream)


def _same(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)


def matches(found: Quantity, expected: dict) -> bool:
    return (
        found.text == str(expected["span"])
        and _same(found.low, expected["low"])
        and _same(found.high, expected["high"])
        and found.low_open == bool(expected["low_open"])
        and found.high_open == bool(expected["high_open"])
        and found.unit == expected["unit"]
    )


def describe(q: Quantity | dict) -> str:
    if isinstance(q, dict):
        low, high, lo_open, hi_open, unit = q["low"], q["high"], q["low_open"], q["high_open"], q["unit"]
        span = q["span"]
    else:
        low, high, lo_open, hi_open, unit, span = q.low, q.high, q.low_open, q.high_open, q.unit, q.text
    left = "(" if lo_open else "["
    right = ")" if hi_open else "]"
    return f"{span!r} {left}{low}, {high}{right} {unit}"


def score_sentence(text: str, expected: list[dict]) -> tuple[int, list[str]]:
    """How many labelled figures were read exactly right, and a line for each miss."""
    found = find_quantities(text)
    used: set[int] = set()
    right = 0
    misses = []
    for figure in expected:
        same_span = [k for k, q in enumerate(found) if q.text == str(figure["span"]) and k not in used]
        if not same_span:
            misses.append(f"missing {describe(figure)}; read {[describe(q) for q in found]}")
            continue
        k = same_span[0]
        used.add(k)
        if matches(found[k], figure):
            right += 1
        else:
            misses.append(f"wrong {describe(found[k])}, labelled {describe(figure)}")
    return right, misses


def test_the_reader_gets_95_percent_of_the_dev_figures_exactly_right() -> None:
    cases = _load(DEV_SET)
    total = sum(len(case["expect"]) for case in cases)
    right = 0
    report = []
    for case in cases:
        got, misses = score_sentence(case["text"], case["expect"])
        right += got
        report += [f"{case['id']}: {m}\n    in: {case['text']}" for m in misses]
    score = right / total
    print(f"\nquantities dev set: {right}/{total} figures exactly right ({score:.1%})")
    print("\n".join(report))
    assert score >= TARGET, f"{score:.1%} < {TARGET:.0%}:\n" + "\n".join(report)


def test_what_the_dev_set_says_is_no_figure_is_not_read_as_one() -> None:
    cases = _load(DEV_SET)
    wrong = []
    for case in cases:
        found = find_quantities(case["text"])
        for phrase in case.get("not_figures") or []:
            start = case["text"].find(phrase)
            end = start + len(phrase)
            for q in found:
                if q.start < end and start < q.end:
                    wrong.append(f"{case['id']}: {phrase!r} read as {describe(q)}")
    assert not wrong, "\n".join(wrong)


def _labelled_spans() -> list[dict]:
    cases = _load(VERDICTS_SET)
    spans = []
    for case in cases:
        spans.append(case["claim_interval"])
        spans += [s for s in case.get("source_intervals") or [] if s]
    return spans


def test_each_labelled_verdict_span_reads_as_its_interval() -> None:
    wrong = []
    spans = _labelled_spans()
    for figure in spans:
        found = find_quantities(str(figure["span"]))
        if len(found) != 1 or not matches(found[0], figure):
            wrong.append(f"{describe(figure)} read as {[describe(q) for q in found]}")
    assert spans and not wrong, "\n".join(wrong)
