"""The claims stage as one object: its state (the trigger lexicon as string ids) built once."""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.vocab import Vocab

from claimline.actors import ActorIndex
from claimline.claims.candidate import Candidate, SentenceBounds
from claimline.claims.candidates import (
    according_candidates,
    layout_candidates,
    light_verb_candidates,
    noun_candidates,
    standalone_quotes,
)
from claimline.claims.evidential import evidential_candidates
from claimline.claims.quotes import QuoteIndex, typewriter_quotes
from claimline.claims.resolution import dedupe, drop_nested, to_claims, with_according, without_carriers
from claimline.claims.triggers import TriggerFinder
from claimline.claims.verbs import verb_candidates
from claimline.models import Claim, TimeExpression
from claimline.sentences import SentenceIndex, doc_text


class ClaimExtractor:
    """Attributed claims of the Docs of one vocabulary; build once, call per Doc."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab
        self.find_triggers = TriggerFinder()

    def __call__(
        self, doc: Doc, actors: ActorIndex, times: list[TimeExpression], sentences: SentenceIndex
    ) -> list[Claim]:
        """Attributed claims of `doc`, in text order, ids c0, c1, ..."""
        if len(doc) == 0 or not len(sentences):
            return []
        found = self.find_triggers(doc)
        text = doc_text(doc)
        quotes = QuoteIndex(*typewriter_quotes(text))
        sents = SentenceBounds(doc, text)
        candidates: list[Candidate] = list(verb_candidates(doc, quotes, found, sents))
        candidates.extend(layout_candidates(doc, quotes, sents))
        candidates.extend(light_verb_candidates(doc, quotes, found))
        candidates.extend(evidential_candidates(doc, quotes, found))
        candidates = without_carriers(candidates, list(noun_candidates(doc, quotes, found)))
        with_according(candidates, according_candidates(doc, found, sents))
        candidates.extend(standalone_quotes(doc, quotes, candidates, sentences))
        candidates = drop_nested(candidates)
        candidates = dedupe(candidates)
        return to_claims(doc, sents, candidates, actors, times, sentences)


_last: ClaimExtractor | None = None


def extract_claims(
    doc: Doc, actors: ActorIndex, times: list[TimeExpression], sentences: SentenceIndex
) -> list[Claim]:
    """Attributed claims of `doc`, in text order, ids c0, c1, ...: a `ClaimExtractor` built once for
    the vocabulary of `doc` (the last one seen; a process normally has one)."""
    global _last
    if _last is None or _last.vocab is not doc.vocab:
        _last = ClaimExtractor(doc.vocab)
    return _last(doc, actors, times, sentences)
