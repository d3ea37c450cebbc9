"""Claim extraction: from an article to ranked proposals of checkable claims.

The public toolkit extractor plugins build on (the built-in rule-based extractor,
``claimcheck_plugins.extract_rules``, uses nothing else)::

    from claimcheck.extract import load_document, split_sentences, find_figures, read_context
    from claimcheck.extract import sentence_features, figure_features, score, Proposal

An extractor is an object with ``name``, ``description`` and ``extract(document) -> list[Proposal]``,
registered with the ``register_extractors`` hook. ``docs/extract.md`` documents the features.
"""

from claimcheck.extract.context import Context, read_context
from claimcheck.extract.document import MAX_BYTES, Document, load_document, parse_document
from claimcheck.extract.features import BASE, FEATURES, Feature, figure_features, score, sentence_features
from claimcheck.extract.figures import KINDS, Figure, find_figures, with_engine
from claimcheck.extract.proposal import Proposal
from claimcheck.extract.sentences import Sentence, split_sentences
from claimcheck.extract.wording import TakenIds, claim_text, guess_measure, proposal_id

__all__ = [
    "BASE", "FEATURES", "KINDS", "MAX_BYTES", "Context", "Document", "Feature", "Figure", "Proposal", "Sentence",
    "TakenIds",
    "claim_text", "figure_features", "find_figures", "guess_measure", "load_document", "parse_document",
    "proposal_id", "read_context", "score", "sentence_features", "split_sentences", "with_engine",
]
