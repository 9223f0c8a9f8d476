"""Tense and aspect, polarity and modality of each candidate; statements and their claims.

Nothing is dropped here: a negated, hypothetical, intended or future event is marked, and the
ordering sieves keep off-axis events out of the factual order.
"""

from __future__ import annotations

from spacy.strings import get_string_id
from spacy.tokens import Token

from claimline.events.candidate import Candidate, Tense
from claimline.events.vocabulary import (
    AUX,
    AUXPASS,
    CONTENT_DEPS,
    MARK,
    NEG,
    TO,
    XCOMP,
    ids,
    vocabulary,
)
from claimline.models import Claim, Modality, Polarity

_PAST_AUX = ids("was", "were", "did", "had", "'d")
_PERFECT_PAST = ids("had", "'d")
_PERFECT_PRESENT = ids("has", "have", "'ve", "'s")
_PRESENT_AUX = ids("is", "are", "am", "'s", "'re", "'m", "does", "do", "has", "have", "'ve")
_NEGATIONS = ids("not", "n't", "never", "no")
_BEEN = get_string_id("been")
_VBD, _VBN, _VBG, _VB, _VBZ, _VBP = ids("VBD"), ids("VBN"), ids("VBG"), ids("VB"), ids("VBZ"), ids("VBP")


def verb_tense(token: Token) -> Tense:
    """Tense and aspect from the verb's tag and auxiliaries ("had proposed": past perfect)."""
    auxiliaries = [c.lower for c in token.children if c.dep in (AUX, AUXPASS) and c.i < token.i]
    vocab = vocabulary()
    if any(word in vocab.future_modals for word in auxiliaries):
        return "future"
    if any(word == TO for word in auxiliaries):
        return "infinitive"
    if token.tag in _VBN or _BEEN in auxiliaries:  # "had proposed", "has been shelling"
        if any(word in _PERFECT_PAST for word in auxiliaries):
            return "past_perfect"
        if any(word in _PERFECT_PRESENT for word in auxiliaries):
            return "present_perfect"
    if any(word in _PAST_AUX for word in auxiliaries):
        return "past"
    if any(word in _PRESENT_AUX for word in auxiliaries):
        return "present"
    if token.tag in _VBD:
        return "past"
    if token.tag in _VBZ or token.tag in _VBP:
        return "present"
    if auxiliaries:  # a modal ("could go", "would have gone")
        return "future" if token.tag in _VB else "past"
    return "participle"  # VBG/VBN/VB without auxiliaries: the governor's time


def _is_future_phrase(token: Token) -> bool:
    """'is going to X', 'is set to X', 'is expected to X': X is stated to happen."""
    head = token.head
    return token.dep == XCOMP and head.lower in vocabulary().future_phrases and head.i != token.i


def modality_of(token: Token, tense: Tense) -> Modality:
    """actual, future, possible (modal, conditional) or intended (wanted, planned, purpose)."""
    vocab = vocabulary()
    children = [(c.dep, c.lower) for c in token.children]
    if any(dep == MARK and word in vocab.hypothetical_marks for dep, word in children):
        return "possible"
    if any(dep == AUX and word in vocab.possible_modals for dep, word in children):
        return "possible"
    if token.dep_ == "pcomp" and token.head.head.lemma in vocab.intention:
        return "intended"  # "aimed at freeing the hostages"
    if tense == "infinitive":  # "plans to attack", "to free the hostages", "a plan to attack"
        return "future" if _is_future_phrase(token) else "intended"
    if tense == "future":
        return "future"
    return "actual"


def polarity_of(token: Token) -> Polarity:
    return "negative" if any(c.dep == NEG and c.lower in _NEGATIONS for c in token.children) else "positive"


def _claim_by_cue_char(claims: list[Claim]) -> dict[int, str]:
    """The claim whose cue covers each character (the first such claim), for lookups in O(1)."""
    by_char: dict[int, str] = {}
    for claim in claims:
        if claim.cue is not None:
            for char in range(claim.cue.start, claim.cue.end):
                by_char.setdefault(char, claim.id)
    return by_char


def mark_candidates(candidates: list[Candidate], claims: list[Claim]) -> None:
    """Tense, polarity, modality; statements (reporting verbs, claim cues) and the claim each makes."""
    claim_at = _claim_by_cue_char(claims)
    reporting = vocabulary().reporting
    for candidate in candidates:
        token = candidate.trigger
        if candidate.kind == "verb":
            candidate.tense = verb_tense(token)
            candidate.modality = modality_of(token, candidate.tense)
            candidate.polarity = polarity_of(token)
        candidate.claim = claim_at.get(token.idx, candidate.claim)
        has_content = any(c.dep in CONTENT_DEPS for c in token.children)
        candidate.reporting = candidate.kind == "verb" and (
            (token.lemma in reporting and (has_content or candidate.claim is not None))
            or (candidate.claim is not None and has_content)
        )
    _inherit_from_governor(candidates)


def _inherit_from_governor(candidates: list[Candidate]) -> None:
    """A participle takes its governor's tense; an event inside an off-axis clause is off-axis too."""
    by_token = {c.trigger.i: c for c in candidates}
    for candidate in candidates:  # text order: a governor mostly comes first and is settled already
        governor = _governor(candidate.trigger, by_token)
        if governor is None:
            continue
        if candidate.tense == "participle":
            candidate.tense = governor.tense if governor.tense != "participle" else "past"
        off_axis = governor.modality in ("possible", "intended") and candidate.modality == "actual"
        if (
            candidate.kind == "verb"
            and off_axis
            and candidate.trigger.dep_ in ("ccomp", "xcomp", "conj", "advcl")
        ):
            candidate.modality = governor.modality


def _governor(token: Token, by_token: dict[int, Candidate]) -> Candidate | None:
    head = token.head
    while head.i != token.i:
        if head.i in by_token:
            return by_token[head.i]
        if head.head.i == head.i:
            return None
        token, head = head, head.head
    return None
