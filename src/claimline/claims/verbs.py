"""Verb cues: the claim of a cue verb, its content found by the named rules of `verb_rules`."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Token

from claimline.claims.candidate import Candidate, SentenceBounds, token_at_or_after, trim
from claimline.claims.content import clause_span, continued_quote, in_quote
from claimline.claims.cue import as_put_it, cue_span, is_passive, verb_lemma
from claimline.claims.lexicon import (
    BELIEF_OR_EVALUATIVE_VERBS,
    EVIDENCE_ONLY_VERBS,
    PERSONAL_PRONOUNS,
    SPEECH_VERBS,
    VERB_FORMS,
)
from claimline.claims.quotes import ALL_QUOTES, QuoteIndex
from claimline.claims.speaker import can_speak, speaker_span, subject_of
from claimline.claims.triggers import Triggers
from claimline.claims.verb_rules import NOT_REPORTED, VerbClause, read_content
from claimline.models import ClaimKind
from claimline.spans import CharSpan

# Parts of speech of a verb cue.
ATTRIBUTION_TAGS = frozenset({"VB", "VBD", "VBG", "VBN", "VBP", "VBZ"})
# The arguments of a verb cue that may hold its content.
ARG_DEPS = frozenset({"ccomp", "xcomp", "dobj", "prep", "parataxis", "oprd"})


def verb_candidates(
    doc: Doc, quotes: QuoteIndex, found: Triggers, sents: SentenceBounds
) -> Iterator[Candidate]:
    cues: dict[int, list[tuple[str, Token]]] = {}
    for start in found.verbs:
        verb = doc[start]
        cues[start] = [("arg", child) for child in verb.children if child.dep_ in ARG_DEPS]
        if verb.dep_ in ("parataxis", "advcl") and verb.head is not verb:
            # a quote or fronted clause whose reporting verb is parsed as a dependent of it
            cues[start].append(("inner", verb.head))
    for i in sorted(cues):
        verb = doc[i]
        if verb.tag_ not in ATTRIBUTION_TAGS and verb.pos_ != "ADJ":
            continue
        candidate = _verb_candidate(doc, verb, cues[i], quotes, sents)
        if candidate is not None:
            yield candidate


def _verb_candidate(
    doc: Doc, verb: Token, args: list[tuple[str, Token]], quotes: QuoteIndex, sents: SentenceBounds
) -> Candidate | None:
    lemma = verb_lemma(verb)
    if any(applies(verb, lemma) for _, applies in NOT_REPORTED):
        return None
    clause = _clause(doc, verb, lemma, args, quotes, sents)
    found = read_content(clause)
    if found is None:
        return None
    rule, reading = found
    start, end = trim(quotes.text, *reading.content)
    if end - start < 2:
        return None
    start, end, kind = in_quote(doc, start, end, quotes)
    if kind == "indirect":
        start, end = without_final_relative(doc, quotes, start, end)
    cue = cue_span(verb, reading.prep, start if start > verb.idx else None)
    if reading.through is not None:
        cue = CharSpan(cue[0], reading.through.idx + len(reading.through.text))
    if cue[0] < end and start < cue[1] and not start < cue[0] < cue[1] < end:
        return None
    if _an_act_of_showing(clause):
        return None
    speaker = _local_speaker(clause, CharSpan(start, end), kind, cue)
    passive = is_passive(verb)
    reduced = speaker is not None and lemma in SPEECH_VERBS and reduced_passive(verb)
    if reduced:
        speaker = None  # "Asked about X, Trump said": Trump was asked; who asked is not said
    elif passive and clause.passive_subject is not None:
        found_passive = _passive_claim(clause, clause.passive_subject)
        if found_passive is None:
            return None
        if found_passive[0] is not None:
            start, end = found_passive[0]
        speaker = found_passive[1]
    elif speaker is None and not passive and not reduced:
        # a reporting verb whose speaker the parse lost (a participle modifying a noun, a broken
        # clause): on the development gold these were almost never right
        return None
    if kind == "direct":
        end = _direct_end(clause, end, cue, speaker)
    return Candidate(
        cue=cue,
        cue_lemma=lemma,
        content=CharSpan(start, end),
        speaker=speaker,
        kind=kind,
        anchor=verb,
        priority=2 if clause.speech else 1,
        rule=rule,
    )


def without_final_relative(doc: Doc, quotes: QuoteIndex, start: int, end: int) -> CharSpan:
    """The content without a non-restrictive relative clause that ends it ("attacked Donald Trump[,
    with whom he clashed at the debate]"): the attribution gold leaves that description out. One
    holding a cue verb stays (cutting it would release that verb's own claim)."""
    first, last = token_at_or_after(doc, start), token_at_or_after(doc, end - 1)
    for token in doc[first : min(last + 1, len(doc))]:
        comma = token.left_edge.i - 1
        if (
            token.dep_ == "relcl"
            and comma > first
            and doc[comma].text == ","
            and token.right_edge.idx + len(token.right_edge.text) >= end
            and not any(t.lower_ in VERB_FORMS for t in token.subtree)
        ):
            return trim(quotes.text, start, doc[comma].idx)
    return CharSpan(start, end)


def reduced_passive(verb: Token) -> bool:
    """A past participle heading an adverbial clause of its own, with no subject or auxiliary
    ("Asked about the vote, ...", "When told of the decision, ..."): the subject it shares with the
    main clause is the one spoken to, not the speaker."""
    return (
        verb.tag_ == "VBN"
        and verb.dep_ in ("advcl", "acl")
        and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "agent") for c in verb.children)
    )


def _clause(
    doc: Doc,
    verb: Token,
    lemma: str,
    args: list[tuple[str, Token]],
    quotes: QuoteIndex,
    sents: SentenceBounds,
) -> VerbClause:
    by_dep: dict[str, Token] = {}
    inner: Token | None = None
    preps: list[Token] = []
    put_it = as_put_it(verb)
    for how, token in args:
        if how == "inner":
            inner = token
        elif put_it and token.dep_ == "dobj":
            continue  # the "it" of "as X put it" is part of the cue
        elif token.dep_ == "prep":
            preps.append(token)
        elif token.dep_ not in by_dep or (by_dep[token.dep_].i < verb.i < token.i):
            # several clauses: the one after the verb ("...: Republicans said they're ...")
            by_dep[token.dep_] = token
    return VerbClause(
        doc=doc,
        verb=verb,
        lemma=lemma,
        quotes=quotes,
        sents=sents,
        by_dep=by_dep,
        inner=inner,
        preps=preps,
        subject=subject_of(verb),
        speech=lemma in SPEECH_VERBS or put_it,
        cue=cue_span(verb, None),
    )


def _an_act_of_showing(clause: VerbClause) -> bool:
    """ "they showed a film": people showing things is an act; "they showed that ..." stays."""
    subject = clause.subject
    if clause.lemma not in EVIDENCE_ONLY_VERBS or subject is None:
        return False
    return subject.ent_type_ == "PERSON" or (
        subject.lower_ in PERSONAL_PRONOUNS and "ccomp" not in clause.by_dep and "xcomp" not in clause.by_dep
    )


def _local_speaker(clause: VerbClause, content: CharSpan, kind: ClaimKind, cue: CharSpan) -> CharSpan | None:
    """The subject of the cue, unless it lies in the content or in a quote; for an inverted direct
    quote ("“...,” said Leslie Wimes, a ...") the name the parser took for an object."""
    start, end = content
    subject = clause.subject
    speaker = speaker_span(subject) if subject is not None else None
    if speaker is not None and (
        (speaker[0] < end and start < speaker[1] and not start < speaker[0] < speaker[1] < end)
        or clause.quotes.containing(*speaker) is not None
    ):
        speaker = None
    if speaker is None and kind == "direct" and end <= cue[0]:
        verb = clause.verb
        after = [c for c in verb.rights if c.pos_ in ("PROPN", "NOUN", "PRON") and c.i <= verb.i + 6]
        if after:
            speaker = speaker_span(after[0])
    return speaker


def _passive_claim(clause: VerbClause, subject: Token) -> tuple[CharSpan | None, CharSpan | None] | None:
    """ "it was reported that ..." / "the veto is expected to come ...": the passive subject is not
    a source; the clause is the content (a new span, or None to keep it), the source is an agent
    ("by X") or none. None: no claim ("the bill was signed" is an act, not an attribution)."""
    verb, lemma, text = clause.verb, clause.lemma, clause.quotes.text
    agentless = not any(c.dep_ == "agent" for c in verb.rights)
    if agentless and lemma not in SPEECH_VERBS and lemma not in BELIEF_OR_EVALUATIVE_VERBS:
        return None  # "he was criticized" is an attribution
    if subject.lower_ in ("it", "there"):
        return None, None
    # the clause from its subject: a fronted adverbial ("Although ..., they were criticized") is not
    # part of what was reported
    content = trim(text, subject.left_edge.idx, clause_span(verb, clause.doc)[1])
    agent = [c for c in verb.rights if c.dep_ == "agent"]
    if not agent:
        return content, None
    objects = [o for o in agent[0].children if o.dep_ == "pobj"]
    if not objects:
        return content, None
    if not can_speak(objects[0]):
        return None  # "characterized by mutual distrust": a cause, not a source
    return trim(text, *clause_span(subject, clause.doc)), speaker_span(objects[0])


def _direct_end(clause: VerbClause, end: int, cue: CharSpan, speaker: CharSpan | None) -> int:
    """The end of a direct quote, continued by a quote resuming right after the speaker clause."""
    quotes = clause.quotes
    clause_end = max(cue[1], speaker[1] if speaker else 0)
    if end <= cue[0]:
        # the speaker clause closes its sentence: “A,” said X, a ... . “B.” continues the quote
        _, sent_end, _ = clause.sents.of(clause.verb)
        if not any(ch in ALL_QUOTES for ch in quotes.text[clause_end:sent_end]):
            clause_end = max(clause_end, sent_end)
    return continued_quote(quotes, end, clause_end)
