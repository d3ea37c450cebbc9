"""Conformance: find_quantities() on other projects' own test suites (tests/quantities/conformance.py).

The in-scope cases of Microsoft Recognizers-Text's English specs, quantulum3's quantities.json
and number-parser's English word lists must score at least 90%; docs/quantities.md lists what is
out of scope and why. Run ``python -m tests.quantities.conformance`` for the full report.
"""

from __future__ import annotations

import pytest

from tests.quantities import conformance

TARGET = 0.90


@pytest.fixture(scope="module")
def expectations() -> list[conformance.Expectation]:
    found = conformance.all_expectations()
    if not found:
        pytest.skip("../shared/external is not beside the checkout")
    return found


def test_the_in_scope_cases_of_the_external_suites_score_at_least_90_percent(expectations) -> None:
    result = conformance.score(expectations)
    print(f"\nconformance: {result.passed}/{result.in_scope} in scope = {result.rate:.1%}")
    for source, (ok, total) in sorted(result.by_source.items()):
        print(f"  {source}: {ok}/{total}")
    assert result.rate >= TARGET, "\n".join(result.failures)


def test_every_suite_contributes_in_scope_cases(expectations) -> None:
    result = conformance.score(expectations)
    sources = {source.split("/")[0] for source in result.by_source}
    assert sources == {"recognizers", "quantulum3", "number_parser"}
    assert result.in_scope > 1000


def test_out_of_scope_cases_carry_a_reason(expectations) -> None:
    skipped = [e for e in expectations if e.out_of_scope]
    assert skipped and all(e.out_of_scope.strip() for e in skipped)
    reasons = {e.out_of_scope for e in skipped}
    assert "relative ordinal (last, next, previous one)" in reasons
    assert "Indian digit grouping (1,00,000)" in reasons


def test_a_figure_of_the_wrong_kind_does_not_pass() -> None:
    expected = conformance.Expectation("t", "It weighs 14km.", "dimension", (10, 14), value=14.0, unit="kilogram")
    from claimcheck.quantities.reader import find_quantities

    assert not conformance.passes(expected, find_quantities(expected.text))
    right = conformance.Expectation("t", "It is 14km away.", "dimension", (6, 10), value=14.0, unit="kilometer")
    assert conformance.passes(right, find_quantities(right.text))
