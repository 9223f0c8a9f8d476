"""The named rules of a verb cue: when it reports nothing, and where its content is.

`NOT_REPORTED` says when a cue verb reports nothing anyone claimed ("let's say", "it is worth
noting"); `CONTENT_RULES` finds the content of the others. Both are tried in the order listed, and
the first rule that matches decides (a content rule matches when it returns a `Reading`). The
argument readings come first (a quote before the cue, a complement clause, an infinitive, an
object), then the fallbacks for verbs whose content the parse put elsewhere. Two readings claim
the verb even when they find no content, so that the readings after them do not apply: a verb that
only reports quotes ("he continued: “...”" but not "continues to grow") and a verb with an
infinitive complement (its object belongs to the infinitive); the rules after them say so in their
guard (`VerbClause.quote_only`, `VerbClause.reads_infinitive`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import NamedTuple

from spacy.tokens import Doc, Token

from claimline.claims.candidate import SentenceBounds, subtree_chars
from claimline.claims.content import (
    adjacent_quote,
    around,
    attitude_object_preposition,
    clause_span,
    colon_quote,
    complement_after,
    fronted_before_comma,
    misattached_complement,
    object_as,
    object_content,
    object_then_preposition,
    quote_before,
)
from claimline.claims.cue import is_passive, unasserted_infinitive
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
from claimline.claims.quotes import QuoteIndex
from claimline.spans import CharSpan


@dataclass
class VerbClause:
    """A cue verb with its arguments, as the rules read it."""

    doc: Doc
    verb: Token
    lemma: str
    quotes: QuoteIndex
    sents: SentenceBounds
    by_dep: dict[str, Token]  # its clausal and object arguments by label (the one after the verb)
    inner: Token | None  # the clause it hangs off ("“...,” the official said")
    preps: list[Token]  # its prepositional arguments
    subject: Token | None
    speech: bool  # a speech verb, or "as X put it"
    cue: CharSpan  # the cue before the content is known

    @property
    def quote_only(self) -> bool:
        return self.lemma in QUOTE_ONLY_VERBS

    @property
    def reads_infinitive(self) -> bool:
        """An infinitive complement decides the reading of speech, belief and stance verbs."""
        return "xcomp" in self.by_dep and (
            self.speech or self.lemma in BELIEF_VERBS or self.lemma in STANCE_VERBS
        )

    @cached_property
    def subordinate(self) -> bool:
        """The verb heads a subordinate clause ("after the union objected")."""
        return any(
            (c.dep_ == "mark" and c.lower_ != "as") or (c.dep_ == "advmod" and c.tag_ == "WRB")
            for c in self.verb.children
        )

    @property
    def passive_subject(self) -> Token | None:
        subject = self.subject
        return subject if subject is not None and subject.dep_ == "nsubjpass" else None


class Reading(NamedTuple):
    """The content a rule found, and how the cue then runs."""

    content: CharSpan
    prep: Token | None = None  # a selected preposition that belongs to the cue ("called for")
    through: Token | None = None  # the cue runs over the object up to this preposition ("accused Holt of")


# ---------------------------------------------------------------------------------------------
# Verbs that report nothing


def _let_us_say(verb: Token, lemma: str) -> bool:
    """ "let's say ...", "it goes without saying that ...": nobody is reported."""
    return verb.head.lemma_ == "let" or (verb.dep_ == "pcomp" and verb.head.lower_ == "without")


def _worth_noting(verb: Token, lemma: str) -> bool:
    """ "it is worth noting that ...": the writer's aside, nobody is reported."""
    return verb.tag_ == "VBG" and verb.head.lower_ == "worth"


def _reason_given(verb: Token, lemma: str) -> bool:
    """ "criticized for promoting quack cures": a reason given, not a claim made."""
    return verb.dep_ == "pcomp" and verb.head.lower_ == "for" and lemma not in SPEECH_VERBS


NOT_REPORTED: list[tuple[str, Callable[[Token, str], bool]]] = [
    ("let_us_say", _let_us_say),
    ("unasserted_infinitive", lambda verb, lemma: unasserted_infinitive(verb)),
    ("worth_noting", _worth_noting),
    ("reason_given", _reason_given),
]


# ---------------------------------------------------------------------------------------------
# Content rules, in the order listed in CONTENT_RULES


def _quote_before_cue(c: VerbClause) -> Reading | None:
    """ "“...,” Clinton said": a quote closing just before the cue (unless a complement follows)."""
    if not c.speech:
        return None
    quoted = quote_before(c.verb, c.cue, c.subject, c.quotes)
    if quoted is None or ("ccomp" in c.by_dep and c.by_dep["ccomp"].idx > c.cue[1]):
        return None
    return Reading(quoted)


def _complement_clause(c: VerbClause) -> Reading | None:
    """ "said [that ...]", "believes [...]", "a poll shows [...]"."""
    if "ccomp" not in c.by_dep or c.quote_only:
        return None
    if not (c.speech or c.lemma in BELIEF_VERBS or c.lemma in EVIDENCE_VERBS):
        return None
    return Reading(clause_span(c.by_dep["ccomp"], c.doc))


def _misattached_complement(c: VerbClause) -> Reading | None:
    """A complement clause the parser attached elsewhere ("said after the convention [he would ...]")."""
    if "ccomp" in c.by_dep or not (c.speech or c.lemma in BELIEF_VERBS) or c.quote_only:
        return None
    misparsed = misattached_complement(c.verb)
    return None if misparsed is None else Reading(clause_span(misparsed, c.doc))


def _parataxis_after(c: VerbClause) -> Reading | None:
    """ "said: Republicans are ...": a clause after the speech verb parsed as parataxis."""
    clause = c.by_dep.get("parataxis")
    if clause is None or not c.speech or clause.i <= c.verb.i:
        return None
    return Reading(clause_span(clause, c.doc))


def _infinitive(c: VerbClause) -> Reading | None:
    """ "hopes [to win]", "urged [him to resign]", "called on [donors to release ...]"."""
    if c.quote_only or not c.reads_infinitive:
        return None
    verb, xcomp = c.verb, c.by_dep["xcomp"]
    asked = [  # "called on donors to release ...": whom the verb addresses opens the content
        obj
        for p in c.preps
        if p.lower_ in VERB_PREPS.get(c.lemma, ()) and verb.i < p.i < xcomp.i
        for obj in p.children
        if obj.dep_ == "pobj"
    ]
    if "dobj" in c.by_dep and c.by_dep["dobj"].i < xcomp.i:
        return Reading(object_content(verb, c.by_dep["dobj"]))
    if asked and xcomp.i > verb.i:
        return Reading(CharSpan(asked[0].left_edge.idx, clause_span(xcomp, c.doc)[1]))
    if xcomp.i > verb.i:
        return Reading(clause_span(xcomp, c.doc))
    return None


def _colon_quote_after_pronoun(c: VerbClause) -> Reading | None:
    """ "McCaskill scolded him: “...”": the quote after the colon is what was said."""
    obj = c.by_dep.get("dobj")
    if obj is None or obj.pos_ != "PRON" or c.quote_only or c.reads_infinitive:
        return None
    colon = colon_quote(obj, c.quotes)
    return None if colon is None else Reading(colon)


def _object(c: VerbClause) -> Reading | None:
    """ "criticized [the law]", "the poll shows [a tie]", and what was said named by its object:
    "claimed [vast wealth]", "has said [the same thing]"."""
    obj = c.by_dep.get("dobj")
    if obj is None or c.quote_only or c.reads_infinitive:
        return None
    verb, lemma = c.verb, c.lemma
    if not (
        lemma in STANCE_VERBS
        or lemma in EVIDENCE_VERBS
        or (c.speech and lemma not in ACT_OBJECT_VERBS)
        or (lemma == "see" and object_as(obj, c.preps))
    ):
        return None
    if obj.i > verb.i and (selected := object_then_preposition(verb, obj, lemma, c.preps)) is not None:
        # "accused Holt of [being a Democrat]", "asked Clinton about [her emails]": the person
        # addressed belongs to the cue, what the preposition introduces is the content
        objects = [o for o in selected.children if o.dep_ in ("pobj", "pcomp")]
        return Reading(
            CharSpan(objects[0].left_edge.idx, object_content(verb, selected)[1]), through=selected
        )
    if obj.i > verb.i and (selected := attitude_object_preposition(verb, obj, lemma, c.preps)) is not None:
        # "have expressed deep concern about [the policy]", "raised questions about [his health]":
        # the attitude noun is part of the cue, what it is about is the content
        objects = [o for o in selected.children if o.dep_ in ("pobj", "pcomp")]
        return Reading(subtree_chars(objects[0]), through=selected)
    if obj.i > verb.i and obj.lower_ not in ("what", "which", "so", "that"):
        return Reading(object_content(verb, obj))
    if obj.lower_ in ("what", "which", "that") and (complement := complement_after(verb)) is not None:
        # "what she called [a “rant”]", "which Tim Cook called [“total political crap”]"
        return Reading(subtree_chars(complement))
    return None


def _evaluative_complement(c: VerbClause) -> Reading | None:
    """ "Cruz called Trump a “pathological liar”" parsed with two object complements."""
    if "dobj" in c.by_dep or c.lemma not in EVALUATIVE_VERBS or is_passive(c.verb):
        return None
    complements = [o for o in c.verb.rights if o.dep_ == "oprd"]
    return Reading(object_content(c.verb, complements[0])) if complements else None


def _selected_preposition(c: VerbClause) -> Reading | None:
    """ "called for [...]", "complained about [his mic]": a preposition the verb selects."""
    selected = VERB_PREPS.get(c.lemma)
    if selected is None:
        return None
    for prep in c.preps:
        if prep.lower_ in selected and prep.i > c.verb.i:
            objects = [o for o in prep.children if o.dep_ in ("pobj", "pcomp")]
            if objects:
                return Reading(CharSpan(objects[0].left_edge.idx, object_content(c.verb, prep)[1]), prep=prep)
    return None


def _reported_clause_around(c: VerbClause) -> Reading | None:
    """ "“...,” the official said" / "The museum, Mr. Obama said, would ...": the reporting verb hangs
    off the reported clause ("after the union objected, the case was moved" reports nothing)."""
    inner = c.inner
    if inner is None or not c.speech or c.by_dep or inner.pos_ not in ("VERB", "AUX") or c.subordinate:
        return None
    return Reading(around(inner, c.verb))


def _adjacent_quote(c: VerbClause) -> Reading | None:
    """ "He said: “...”", "He adds, “...”": a quote right after the verb or its colon."""
    if not c.speech:
        return None
    quote = adjacent_quote(c.doc, c.verb, c.quotes, c.sents)
    return None if quote is None else Reading(quote)


def _fronted_before_comma(c: VerbClause) -> Reading | None:
    """ "Language unclear on whether mothers are covered, experts say."."""
    if not c.speech or c.subject is None or c.by_dep or c.subordinate:
        return None
    fronted = fronted_before_comma(c.doc, c.verb, c.subject, c.sents)
    return None if fronted is None else Reading(fronted)


def _said_so(c: VerbClause) -> Reading | None:
    """ "said so", "said as much": what was said, by an anaphoric adverb."""
    verb, doc = c.verb, c.doc
    if not c.speech or verb.i + 1 >= len(doc):
        return None
    nxt = doc[verb.i + 1]
    pro = nxt.head if nxt.lower_ == "as" and nxt.head.lower_ == "much" else nxt
    if pro.lower_ in ("so", "much") and pro.head.i == verb.i and pro.dep_ == "advmod":
        return Reading(CharSpan(nxt.idx, pro.idx + len(pro.text)))
    return None


def _passive_with_agent(c: VerbClause) -> Reading | None:
    """ "the issue was first reported by The Post": the passive subject is what was reported."""
    subject = c.passive_subject
    if subject is None or not any(o.dep_ == "agent" for o in c.verb.rights):
        return None
    return Reading(clause_span(subject, c.doc))


def _passive_with_complement(c: VerbClause) -> Reading | None:
    """ "it was labeled “Mostly True”", "Pence was dubbed the winner": the clause from its subject."""
    subject = c.passive_subject
    if subject is None or not (c.speech or c.lemma in EVALUATIVE_VERBS):
        return None
    if not any(o.dep_ in ("oprd", "attr", "xcomp") and o.i > c.verb.i for o in c.verb.children):
        return None
    return Reading(CharSpan(subject.left_edge.idx, clause_span(c.verb, c.doc)[1]))


ContentRule = Callable[[VerbClause], "Reading | None"]

# Where the content of a verb cue is: the first rule that returns a Reading decides.
CONTENT_RULES: list[tuple[str, ContentRule]] = [
    # the verb's own arguments
    ("quote_before_cue", _quote_before_cue),
    ("complement_clause", _complement_clause),
    ("misattached_complement", _misattached_complement),
    ("parataxis_after", _parataxis_after),
    ("infinitive", _infinitive),
    ("colon_quote_after_pronoun", _colon_quote_after_pronoun),
    ("object", _object),
    # fallbacks: the content is elsewhere in the parse
    ("evaluative_complement", _evaluative_complement),
    ("selected_preposition", _selected_preposition),
    ("reported_clause_around", _reported_clause_around),
    ("adjacent_quote", _adjacent_quote),
    ("fronted_before_comma", _fronted_before_comma),
    ("said_so", _said_so),
    ("passive_with_agent", _passive_with_agent),
    ("passive_with_complement", _passive_with_complement),
]


def read_content(clause: VerbClause) -> tuple[str, Reading] | None:
    """The name of the first content rule that matches `clause`, and what it found."""
    for name, rule in CONTENT_RULES:
        reading = rule(clause)
        if reading is not None:
            return name, reading
    return None
