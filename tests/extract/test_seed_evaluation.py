"""The seed article against its hand-labelled claims (../shared/seed): the issue's targets.

Matching is by quote overlap (``claimcheck.extract.evaluate``): recall of the check-worthy
claims at the default --min-score at least 90%, and at most 20% of the proposals not
check-worthy. ``benchmarks/extract.py`` prints the same figures.
"""

from __future__ import annotations

import yaml

from claimcheck.extract import load_document
from claimcheck.extract.evaluate import evaluate
from claimcheck_plugins.extract_rules import RulesExtractor
from tests.conftest import SHARED

SEED = SHARED / "seed"
DEFAULT_MIN_SCORE = 0.5


def seed_evaluation(strict: bool = False):
    document = load_document(str(SEED / "000_0291f574eafcc528.txt"))
    labels = yaml.safe_load((SEED / "claims.yaml").read_text(encoding="utf-8"))
    return evaluate(RulesExtractor().extract(document), labels, DEFAULT_MIN_SCORE, strict)


def test_recall_and_precision_on_the_seed_article():
    result = seed_evaluation()
    assert result.checkworthy == 48
    assert result.recall >= 0.90, f"missed: {result.missed}"
    assert result.not_checkworthy_share <= 0.20, "\n".join(result.false_positives)


def test_figure_aware_matching_does_not_collapse():
    # Stricter: a proposal only counts for the labelled claim its own figure belongs to.
    result = seed_evaluation(strict=True)
    assert result.recall >= 0.70
    assert result.not_checkworthy_share <= 0.25
