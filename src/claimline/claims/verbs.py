"""Verb cues: the claim of a cue verb, its content found by named rules tried in order."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Token

from claimline.claims.candidate import Candidate, SentenceBounds, subtree_chars, trim
from claimline.claims.content import (
    adjacent_quote,
    around,
    attitude_object_preposition,
    clause_span,
    colon_quote,
    complement_after,
    continued_quote,
    fronted_before_comma,
    in_quote,
    misattached_complement,
    object_as,
    object_content,
    object_then_preposition,
    quote_before,
)
from claimline.claims.cue import as_put_it, cue_span, is_passive, unasserted_infinitive, verb_lemma
from claimline.claims.lexicon import (
    ACT_OBJECT_VERBS,
    BELIEF_VERBS,
    EVALUATIVE_VERBS,
    EVIDENCE_VERBS,
    QUOTE_ONLY_VERBS,
    SPEECH_VERBS,
    STANCE_VERBS,
    VERB_PREPS,
)
from claimline.claims.quotes import ALL_QUOTES, QuoteIndex
from claimline.claims.speaker import PERSONAL_PRONOUNS, can_speak, speaker_span, subject_of
from claimline.claims.triggers import Triggers
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
    if verb.head.lemma_ == "let" or (verb.dep_ == "pcomp" and verb.head.lower_ == "without"):
        return None  # "let's say ...", "it goes without saying that ...": nobody is reported
    if unasserted_infinitive(verb):
        return None
    if verb.tag_ == "VBG" and verb.head.lower_ == "worth":
        return None  # "it is worth noting that ...": the writer's aside, nobody is reported
    if verb.dep_ == "pcomp" and verb.head.lower_ == "for" and lemma not in SPEECH_VERBS:
        return None  # "criticized for promoting quack cures": a reason given, not a claim made
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
    subject = subject_of(verb)
    content: tuple[int, int] | None = None
    prep_used: Token | None = None
    cue_through: Token | None = None  # the cue runs over the object up to this preposition
    speech = lemma in SPEECH_VERBS or put_it
    cue = cue_span(verb, None)
    quoted = quote_before(verb, cue, subject, quotes) if speech else None
    if quoted is not None and not ("ccomp" in by_dep and by_dep["ccomp"].idx > cue[1]):
        content = quoted
    elif (
        "ccomp" in by_dep
        and (speech or lemma in BELIEF_VERBS or lemma in EVIDENCE_VERBS)
        and (lemma not in QUOTE_ONLY_VERBS)
    ):
        content = clause_span(by_dep["ccomp"], doc)
    elif (
        "ccomp" not in by_dep
        and (speech or lemma in BELIEF_VERBS)
        and lemma not in QUOTE_ONLY_VERBS
        and (misparsed := misattached_complement(verb)) is not None
    ):
        content = clause_span(misparsed, doc)
    elif "parataxis" in by_dep and speech and by_dep["parataxis"].i > verb.i:
        content = clause_span(by_dep["parataxis"], doc)
    elif lemma in QUOTE_ONLY_VERBS:
        pass  # "he continued: “...”" only; "continues to grow" reports nothing
    elif "xcomp" in by_dep and (speech or lemma in BELIEF_VERBS or lemma in STANCE_VERBS):
        xcomp = by_dep["xcomp"]
        asked = [  # "called on donors to release ...": whom the verb addresses opens the content
            obj
            for p in preps
            if p.lower_ in VERB_PREPS.get(lemma, ()) and verb.i < p.i < xcomp.i
            for obj in p.children
            if obj.dep_ == "pobj"
        ]
        if "dobj" in by_dep and by_dep["dobj"].i < xcomp.i:
            content = object_content(verb, by_dep["dobj"])
        elif asked and xcomp.i > verb.i:
            content = asked[0].left_edge.idx, clause_span(xcomp, doc)[1]
        elif xcomp.i > verb.i:
            content = clause_span(xcomp, doc)
    elif (
        "dobj" in by_dep and by_dep["dobj"].pos_ == "PRON" and (colon := colon_quote(by_dep["dobj"], quotes))
    ):
        # "McCaskill scolded him: “...”": the quote after the colon is what was said
        content = colon
    elif "dobj" in by_dep and (
        lemma in STANCE_VERBS
        or lemma in EVIDENCE_VERBS
        or (speech and lemma not in ACT_OBJECT_VERBS)
        or (lemma == "see" and object_as(by_dep["dobj"], preps))
    ):
        # "criticized the law", "the poll shows a tie", and what was said named by its object:
        # "claimed vast wealth", "has said the same thing", "reported her presence on Twitter"
        obj = by_dep["dobj"]
        if obj.i > verb.i and (selected := object_then_preposition(verb, obj, lemma, preps)) is not None:
            # "accused Holt of [being a Democrat]", "asked Clinton about [her emails]": the person
            # addressed belongs to the cue, what the preposition introduces is the content
            cue_through = selected
            objects = [c for c in selected.children if c.dep_ in ("pobj", "pcomp")]
            content = objects[0].left_edge.idx, object_content(verb, selected)[1]
        elif (
            obj.i > verb.i and (selected := attitude_object_preposition(verb, obj, lemma, preps)) is not None
        ):
            # "have expressed deep concern about [the policy]", "raised questions about [his health]":
            # the attitude noun is part of the cue, what it is about is the content
            cue_through = selected
            objects = [c for c in selected.children if c.dep_ in ("pobj", "pcomp")]
            content = subtree_chars(objects[0])
        elif obj.i > verb.i and obj.lower_ not in ("what", "which", "so", "that"):
            content = object_content(verb, obj)
        elif obj.lower_ in ("what", "which", "that") and (complement := complement_after(verb)) is not None:
            # "what she called [a “rant”]", "which Tim Cook called [“total political crap”]"
            content = subtree_chars(complement)
    if (
        content is None
        and "dobj" not in by_dep
        and lemma in EVALUATIVE_VERBS
        and not is_passive(verb)
        and (complements := [c for c in verb.rights if c.dep_ == "oprd"])
    ):
        # "Cruz called Trump a “pathological liar”" parsed with two object complements
        content = object_content(verb, complements[0])
    if content is None and lemma in VERB_PREPS:
        for prep in preps:
            if prep.lower_ in VERB_PREPS[lemma] and prep.i > verb.i:
                objects = [c for c in prep.children if c.dep_ in ("pobj", "pcomp")]
                if objects:
                    prep_used = prep
                    content = objects[0].left_edge.idx, object_content(verb, prep)[1]
                    content = (objects[0].left_edge.idx, content[1])
                    break
    subordinate = any(
        (c.dep_ == "mark" and c.lower_ != "as") or (c.dep_ == "advmod" and c.tag_ == "WRB")
        for c in verb.children
    )
    if (
        content is None
        and inner is not None
        and speech
        and not by_dep
        and inner.pos_ in ("VERB", "AUX")
        and not subordinate  # "after the union objected, the case was moved" reports nothing
    ):
        # "“...,” the official said" / "The museum, Mr. Obama said, would ...": the reporting verb
        # hangs off the reported clause
        content = around(inner, verb)
    if content is None and speech:
        content = adjacent_quote(doc, verb, quotes, sents)
    if content is None and speech and subject is not None and not by_dep and not subordinate:
        content = fronted_before_comma(doc, verb, subject, sents)
    if content is None and speech and verb.i + 1 < len(doc):
        # "said so", "said as much": what was said, by an anaphoric adverb
        nxt = doc[verb.i + 1]
        pro = nxt.head if nxt.lower_ == "as" and nxt.head.lower_ == "much" else nxt
        if pro.lower_ in ("so", "much") and pro.head.i == verb.i and pro.dep_ == "advmod":
            content = nxt.idx, pro.idx + len(pro.text)
    if (
        content is None
        and subject is not None
        and subject.dep_ == "nsubjpass"
        and any(c.dep_ == "agent" for c in verb.rights)
    ):
        # "the issue was first reported by The Post": the passive subject is what was reported
        content = clause_span(subject, doc)
    if (
        content is None
        and subject is not None
        and subject.dep_ == "nsubjpass"
        and (speech or lemma in EVALUATIVE_VERBS)
        and any(c.dep_ in ("oprd", "attr", "xcomp") and c.i > verb.i for c in verb.children)
    ):
        # "it was labeled “Mostly True”", "Pence was dubbed the winner": the clause from its subject
        content = subject.left_edge.idx, clause_span(verb, doc)[1]
    if content is None:
        return None
    start, end = trim(quotes.text, *content)
    if end - start < 2:
        return None
    start, end, kind = in_quote(doc, start, end, quotes)
    cue = cue_span(verb, prep_used, start if start > verb.idx else None)
    if cue_through is not None:
        cue = CharSpan(cue[0], cue_through.idx + len(cue_through.text))
    if cue[0] < end and start < cue[1] and not start < cue[0] < cue[1] < end:
        return None
    evidence_only = lemma in EVIDENCE_VERBS and lemma not in SPEECH_VERBS | BELIEF_VERBS | STANCE_VERBS
    if (
        evidence_only
        and subject is not None
        and (
            subject.ent_type_ == "PERSON"
            or (subject.lower_ in PERSONAL_PRONOUNS and "ccomp" not in by_dep and "xcomp" not in by_dep)
        )
    ):
        return None  # "they showed a film": people showing things is an act; "they showed that ..." stays
    speaker = speaker_span(subject) if subject is not None else None
    if speaker is not None and (
        (speaker[0] < end and start < speaker[1] and not start < speaker[0] < speaker[1] < end)
        or quotes.containing(*speaker) is not None
    ):
        speaker = None
    if speaker is None and kind == "direct" and end <= cue[0]:
        # inverted "“...,” said Leslie Wimes, a ..." with the name parsed as an object
        after = [c for c in verb.rights if c.pos_ in ("PROPN", "NOUN", "PRON") and c.i <= verb.i + 6]
        if after:
            speaker = speaker_span(after[0])
    passive = is_passive(verb)
    if passive and subject is not None and subject.dep_ == "nsubjpass":
        # "it was reported that ..." / "the veto is expected to come ...": the passive subject is
        # not a source; the clause is the content, the source is an agent ("by X") or none
        speaker = None
        agentless = not any(c.dep_ == "agent" for c in verb.rights)
        if agentless and lemma not in SPEECH_VERBS and lemma not in BELIEF_VERBS | EVALUATIVE_VERBS:
            return None  # "the bill was signed": an act, not an attribution; "he was criticized" is one
        if subject.lower_ not in ("it", "there"):
            # the clause from its subject: a fronted adverbial ("Although ..., they were criticized")
            # is not part of what was reported
            start, end = trim(quotes.text, subject.left_edge.idx, clause_span(verb, doc)[1])
            agent = [c for c in verb.rights if c.dep_ == "agent"]
            if agent:
                objects = [o for o in agent[0].children if o.dep_ == "pobj"]
                if objects and not can_speak(objects[0]):
                    return None  # "characterized by mutual distrust": a cause, not a source
                if objects:
                    speaker = speaker_span(objects[0])
                    start, end = trim(quotes.text, *clause_span(subject, doc))
    elif speaker is None and not passive:
        # a reporting verb whose speaker the parse lost (a participle modifying a noun, a broken
        # clause): on the development gold these were almost never right
        return None
    if kind == "direct" and end <= cue[0]:
        # the speaker clause closes its sentence: “A,” said X, a ... . “B.” continues the quote
        clause_end = max(cue[1], speaker[1] if speaker else 0)
        _, sent_end, _ = sents.of(verb)
        if not any(ch in ALL_QUOTES for ch in quotes.text[clause_end:sent_end]):
            clause_end = max(clause_end, sent_end)
        end = continued_quote(quotes, end, clause_end)
    elif kind == "direct":
        end = continued_quote(quotes, end, max(cue[1], speaker[1] if speaker else 0))
    priority = 2 if speech else 1
    return Candidate(
        cue=cue,
        cue_lemma=lemma,
        content=CharSpan(start, end),
        speaker=speaker,
        kind=kind,
        anchor=verb,
        priority=priority,
    )
