"""Other cues: light verbs with attitude nouns, noun cues, "according to", layout, standalone quotes."""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Doc, Token

from claimline.claims.candidate import Candidate, SentenceBounds, overlaps, span_chars, subtree_chars, trim
from claimline.claims.content import attitude_object_preposition, in_quote
from claimline.claims.cue import left_deps_start, raised, verb_lemma
from claimline.claims.lexicon import (
    HEADLINE_NOT_SPEAKERS,
    IN_SOURCE_NOUNS,
    IN_VIEW_NOUNS,
    NOUN_CUE_CARRIERS,
    SPEECH_VERBS,
)
from claimline.claims.quotes import QuoteIndex
from claimline.claims.speaker import speaker_span, subject_of
from claimline.claims.triggers import Triggers
from claimline.models import ClaimKind
from claimline.sentences import SentenceIndex
from claimline.spans import CharSpan

# A quote shorter than this is a phrase, not a paragraph of speech (see `standalone_quotes`).
MIN_QUOTE_WORDS = 4


def light_verb_candidates(doc: Doc, quotes: QuoteIndex, found: Triggers) -> Iterator[Candidate]:
    """ "Trump is raising questions about [his microphone]", "took offense at [suggestions ...]": a
    light verb with an attitude noun and what the attitude is about."""
    for i in found.light:
        verb = doc[i]
        objects = [c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i]
        if not objects:
            continue
        preps = [c for c in verb.children if c.dep_ == "prep"]
        prep = attitude_object_preposition(verb, objects[0], "", preps)
        if prep is None:
            continue
        subject = subject_of(verb)
        speaker = speaker_span(subject) if subject is not None else None
        if speaker is None:
            continue
        pobj = next(c for c in prep.children if c.dep_ in ("pobj", "pcomp"))
        start, end = trim(quotes.text, *subtree_chars(pobj))
        start, end, kind = in_quote(doc, start, end, quotes)
        cue_first = raised(verb, left_deps_start(verb))
        yield Candidate(
            cue=CharSpan(cue_first.idx, prep.idx + len(prep.text)),
            cue_lemma=verb.lemma_.casefold(),
            content=CharSpan(start, end),
            speaker=speaker,
            kind=kind,
            anchor=verb,
            priority=1,
            rule="light_verb",
        )


def _before_misparsed_clause(doc: Doc, first: int, last: int) -> int:
    """The end of an "according to" source whose following clause the parser took for an apposition
    running to the end of the sentence ("According to Rush Limbaugh, [the move reeks of ...]")."""
    for token in doc[first : last + 1]:
        if token.dep_ == "appos" and token.right_edge.i == last and doc[token.left_edge.i - 1].text == ",":
            after = doc[last + 1] if last + 1 < len(doc) else None
            if after is None or (after.is_punct and after.text != ","):
                return token.left_edge.i - 2
            break
    return last


def _is_in_source(noun: Token) -> bool:
    word = noun.lower_
    return word in IN_SOURCE_NOUNS or (word in IN_VIEW_NOUNS and any(c.dep_ == "poss" for c in noun.children))


def according_candidates(
    doc: Doc, found: Triggers, sents: SentenceBounds
) -> Iterator[tuple[Token, Candidate]]:
    for start in found.according:
        according = doc[start]
        if according.lower_ == "in":
            # "In this poll, Trump rose ...", "only Europeans are “safe” in his eyes": the source of
            # what the clause says; not the occasion of a statement ("said in a June report")
            to = according
            objects = [c for c in to.children if c.dep_ == "pobj" and _is_in_source(c)]
            if not objects or according.head.pos_ == "ADP" or verb_lemma(according.head) in SPEECH_VERBS:
                continue
        else:
            to = doc[start + 1]
            # "show insiders" parsed as a verb phrase (pcomp) is still the source
            objects = [c for c in to.children if c.dep_ in ("pobj", "pcomp")]
        if not objects:
            continue
        source_first = min(o.left_edge.i for o in objects)
        source_last = max(o.right_edge.i for o in objects)
        source_last = _before_misparsed_clause(doc, source_first, source_last)
        speaker = span_chars(doc[source_first : source_last + 1])
        phrase_first, phrase_last = according.i, source_last
        head = according.head if according.head is not according else according
        sent_start, sent_end, sent_last = sents.of(according)
        if head.i == according.i:
            # fragmentary parse: the rest of the sentence
            clause = (doc[source_last + 1].idx if source_last + 1 < sent_last else sent_end, sent_end)
        else:
            root = head
            while root.dep_ in ("prep", "pobj") and root.head is not root:
                root = root.head
            clause_start, clause_end = subtree_chars(root)
            clause_start = max(clause_start, sent_start)
            clause_end = min(clause_end, sent_end)
            phrase_start = doc[phrase_first].idx
            phrase_end = doc[phrase_last].idx + len(doc[phrase_last].text)
            if phrase_start <= clause_start + 1:
                clause = (phrase_end, clause_end)
            elif phrase_end >= clause_end - 2:
                clause = (clause_start, phrase_start)
            else:
                clause = (
                    (phrase_end, clause_end)
                    if clause_end - phrase_end > phrase_start - clause_start
                    else (
                        clause_start,
                        phrase_start,
                    )
                )
        start, end = trim(sents.text, *clause)
        if end - start < 2:
            continue
        yield (
            head,
            Candidate(
                cue=CharSpan(according.idx, to.idx + len(to.text)),
                cue_lemma=f"{according.lower_} {to.lower_}" if to is not according else "in",
                content=CharSpan(start, end),
                speaker=speaker,
                kind="according_to",
                anchor=according,
                priority=1,
                rule="according_to",
            ),
        )


def _that_clause(noun: Token) -> Token | None:
    """The complement clause of a noun cue: "the claim [that ...]" (not a relative "that")."""
    for child in noun.rights:
        if child.dep_ in ("acl", "relcl", "ccomp", "appos"):
            for grandchild in child.lefts:
                if grandchild.dep_ == "mark" and grandchild.lower_ == "that":
                    return child
    return None


def _modified_noun_start(noun: Token) -> Token:
    """The first of the determiners and adjectives right before a noun cue ("a recognition", "his
    earlier claim" -> "earlier claim", "growing concerns"); a possessor or a compound is the source."""
    first = noun
    for child in reversed(list(noun.lefts)):
        if child.i != first.i - 1 or child.dep_ not in ("det", "amod", "nummod"):
            break
        first = child
    return first


def noun_candidates(doc: Doc, quotes: QuoteIndex, found: Triggers) -> Iterator[tuple[int | None, Candidate]]:
    for n in found.nouns:
        noun = doc[n]
        clause = _that_clause(noun)
        if clause is None:
            continue
        content = trim(quotes.text, *subtree_chars(clause))
        start, end, kind = in_quote(doc, *content, quotes)
        kind = "indirect" if kind == "indirect" else kind
        cue_first = noun
        speaker: CharSpan | None = None
        carrier: int | None = None
        for child in noun.children:
            if child.dep_ == "poss":
                speaker = span_chars(child.subtree)
            elif child.dep_ == "compound" and child.ent_type_ and speaker is None:
                run = [t for t in noun.lefts if t.dep_ == "compound" and t.ent_type_]
                speaker = span_chars(run)
            elif child.dep_ == "prep" and child.lower_ in ("by", "from"):
                objects = [o for o in child.children if o.dep_ == "pobj"]
                if objects:
                    speaker = span_chars(objects[0].subtree)
        head = noun.head
        own = speaker is not None  # "his claim", "a Times report": a source of its own
        if noun.dep_ in ("dobj", "pobj"):
            verb = head.head if noun.dep_ == "pobj" and head.dep_ == "prep" else head
            own_source = speaker is not None
            if noun.dep_ == "dobj" and not own_source and verb_lemma(verb) in NOUN_CUE_CARRIERS:
                # "citing concerns that": the verb is part of the cue and its subject the speaker
                cue_first = raised(verb, left_deps_start(verb))  # "have expressed concern that"
                carrier = verb.i
            if speaker is None and verb.pos_ in ("VERB", "AUX"):
                subject = subject_of(verb)
                if subject is not None:
                    speaker = speaker_span(subject)
        if speaker is None:
            continue
        cue_start = cue_first.idx if cue_first.i < noun.i else _modified_noun_start(noun).idx
        yield (
            carrier,
            Candidate(
                cue=CharSpan(cue_start, noun.idx + len(noun.text)),
                cue_lemma=noun.lemma_.casefold(),
                content=CharSpan(start, end),
                speaker=speaker,
                kind=kind,
                anchor=noun,
                priority=2 if own else 1,
                rule="noun_cue",
            ),
        )


def standalone_quotes(
    doc: Doc, quotes: QuoteIndex, claims: list[Candidate], sentences: SentenceIndex
) -> Iterator[Candidate]:
    """A quoted paragraph no claim covers, right after a paragraph that quotes someone: the same
    speaker (the cue is null, the speaker mention is the neighbouring claim's)."""
    text = quotes.text
    for quote in quotes.quotes:
        if len(text[quote.start : quote.end].split()) < MIN_QUOTE_WORDS:
            continue
        # a paragraph of its own that is all quote ...
        line_start = text.rfind("\n", 0, quote.start) + 1
        line_end = text.find("\n", quote.end)
        line_end = len(text) if line_end < 0 else line_end
        if text[line_start : quote.start].strip() or text[quote.end : line_end].strip():
            continue
        if sentences.at(quote.start) is None:
            continue
        inside = (quote.start, quote.end)
        if any(
            overlaps(inside, c.content) and not (c.cue is not None and quote.start <= c.cue[0] < quote.end)
            for c in claims
        ):
            continue
        # ... right after a paragraph whose last claim quotes someone: the same voice goes on
        before = [c for c in claims if c.content[1] <= quote.start and c.speaker is not None]
        if not before:
            continue
        previous = max(before, key=lambda c: c.content[1])
        gap = text[previous.content[1] : quote.start]
        if previous.kind not in ("direct", "mixed") or len(gap) > 120 or gap.count("\n\n") > 1:
            continue
        yield Candidate(
            cue=None,
            cue_lemma="",
            content=CharSpan(quote.start, quote.end),
            speaker=previous.speaker,
            kind="direct",
            anchor=None,
            priority=0,
            rule="standalone_quote",
        )


# "WALLACE: ..." / "Pence: ..." at the start of a line (transcripts, interview write-ups)
_SPEAKER_LINE = re.compile(
    r"^[ \t]*[\"“]?(?P<name>[A-Z][\w.'’\-]*(?: [A-Z][\w.'’\-]*){0,3}):[ \t]+(?P<body>\S.*)$", re.M
)
# "“...” ― Sonya Herridge": a quote signed with a dash
_SIGNED_QUOTE = re.compile(
    r"(?P<dash>[―—]|--)[ \t\xa0]*(?P<name>[A-Z][\w.'’\-]*(?: [A-Z][\w.'’\-]*){0,4})[ \t\xa0]*$", re.M
)


def _headline_speaker(name: str, body: str) -> bool:
    """ "Pence: Flowers won't be at debate", "Poll: ...": a headline opened by a name of up to three
    words and a colon attributes the rest to that name."""
    words = name.split()
    return len(words) <= 3 and not any(w in HEADLINE_NOT_SPEAKERS for w in words) and len(body.split()) >= 3


def layout_candidates(doc: Doc, quotes: QuoteIndex, sents: SentenceBounds) -> Iterator[Candidate]:
    """Speaker labels: transcript lines ("PENCE: Well, ...") and signed quotes ("“...” ― Name")."""
    text = quotes.text
    names = {(e.start_char, e.end_char) for e in doc.ents if e.label_ in ("PERSON", "ORG", "NORP", "GPE")}
    first_line = len(text) - len(text.lstrip())
    for match in _SPEAKER_LINE.finditer(text):
        name = match.group("name")
        start, end = match.span("name")
        upper = name.replace(".", "").replace(" ", "").isupper() and len(name) > 1
        headline = not upper and match.start() <= first_line and _headline_speaker(name, match.group("body"))
        if not upper and not headline and not any(s <= start and end <= e for s, e in names):
            continue
        body = trim(text, *match.span("body"))
        # a transcript line is what was said; a headline's "Pence: Flowers won't be at debate"
        # is reported speech unless it is quoted
        kind: ClaimKind = in_quote(doc, *body, quotes)[2] if headline else "direct"
        yield Candidate(
            cue=CharSpan(end, end + 1),
            cue_lemma=":",
            content=body,
            speaker=CharSpan(start, end),
            kind="indirect" if kind == "mixed" else kind,
            anchor=None,
            priority=2,
            rule="speaker_line",
        )
    for match in _SIGNED_QUOTE.finditer(text):
        dash_start, dash_end = match.span("dash")
        quote = quotes.last_before(dash_start)
        if quote is None or text[quote.end : dash_start].strip():
            continue
        yield Candidate(
            cue=CharSpan(dash_start, dash_end),
            cue_lemma=text[dash_start:dash_end],
            content=CharSpan(quote.start, quote.end),
            speaker=CharSpan(*match.span("name")),
            kind="direct",
            anchor=None,
            priority=2,
            rule="signed_quote",
        )
