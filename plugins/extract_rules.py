"""The built-in claim extractor: rules and features, no model download.

A first-party plugin written against the public API only (``claimcheck`` and
``claimcheck.extract``), like any third-party extractor would be. For each sentence of the
article it reads the figures, computes the check-worthiness features and proposes one claim per
checkable figure (or one claim without a figure for a checkable statement that has none).
"""

from __future__ import annotations

import gc
from typing import TYPE_CHECKING

from claimcheck import hookimpl

if TYPE_CHECKING:
    from claimcheck.extract import Document, Proposal

#: Sentences longer than this are not proposed as one claim (a run-on list or a table row).
MAX_QUOTE = 600
#: Proposals scoring under this are not returned at all: questions, feelings, boilerplate. Not
#: even `--min-score 0` would make a desk read them, and skipping them saves the wording work.
FLOOR = 0.1


class RulesExtractor:
    name = "rules"
    description = "Rule- and feature-based: one proposal per checkable figure, scored by documented features"

    def extract(self, document: "Document") -> "list[Proposal]":
        # The cyclic garbage collector is paused for the run: extraction makes hundreds of thousands
        # of small short-lived objects (words, matches, tuples), none of them in a reference cycle,
        # and the collector's repeated passes over them cost 5-10% of the time for nothing.
        paused = gc.isenabled()
        if paused:
            gc.disable()
        try:
            return self._extract(document)
        finally:
            if paused:
                gc.enable()

    def _extract(self, document: "Document") -> "list[Proposal]":
        # imported here: this module loads on every CLI start, the toolkit only when extracting
        from claimcheck.extract import (
            Proposal,
            TakenIds,
            claim_text,
            figure_features,
            find_figures,
            guess_measure,
            proposal_id,
            read_context,
            score,
            sentence_features,
            split_sentences,
            with_engine,
        )

        sentences = split_sentences(document.text)
        context = read_context(sentences)
        title = " ".join((document.title or "").split()).casefold()
        taken = TakenIds()
        proposals: list[Proposal] = []
        for index, sentence in enumerate(sentences):
            if context.duplicate[index] or len(sentence.text) > MAX_QUOTE:
                continue
            if title and abs(len(sentence.text) - len(title)) < 20 and " ".join(sentence.text.split()).casefold() == title:
                continue  # the headline repeats the body
            flags = sentence_features(sentence, index, context)
            words = context.tokens[index].set if index < len(context.tokens) else None
            figures = with_engine(sentence.text, find_figures(sentence.text, words))
            claim = None
            voting = None  # whether the sentence speaks of a vote: worked out once, when needed
            for figure in figures or [None]:
                features = {**flags, **figure_features(figure, flags)}
                value, contributions = score(features)
                if value < FLOOR:
                    continue
                if claim is None:
                    claim = claim_text(sentence.text)
                fig_text = figure.text if figure else None
                measure = guess_measure(sentence.text, figure)
                if figure is not None and voting is None and figure.kind in _VOTE_KINDS:
                    voting = _speaks_of_voting(sentence.text.lower())
                proposals.append(Proposal(
                    id=proposal_id(claim, fig_text, taken, measure),
                    claim=claim,
                    quote=sentence.text,
                    figure=fig_text,
                    kind=_kind(figure, sentence.text, voting),
                    measure=measure,
                    score=value,
                    features=contributions,
                    start=sentence.start,
                    end=sentence.end,
                    extractor=self.name,
                ))
        proposals.sort(key=lambda p: (-p.score, p.start or 0))
        return proposals


#: the kinds of figure that make a vote when the sentence speaks of voting
_VOTE_KINDS = ("count", "ordinal", "percent")


def _kind(figure, sentence: str, voting: bool | None = None) -> str:
    """``voting``: ``_speaks_of_voting(sentence.lower())`` when the caller has it already."""
    if figure is None:
        return "event"
    if figure.kind in _VOTE_KINDS:
        if voting is None:
            voting = _speaks_of_voting(sentence.lower())
        if voting:
            return "vote"
    return figure.kind


def _speaks_of_voting(lowered: str) -> bool:
    return any(w in lowered for w in ("vote", "voted", "election", "referendum", "term in office", " term "))


@hookimpl
def register_extractors(register) -> None:
    register(RulesExtractor())
