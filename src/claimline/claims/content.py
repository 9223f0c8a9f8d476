"""Content spans: clauses, objects and quotes that a cue reports."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from claimline.claims.candidate import SentenceBounds, subtree_chars, token_at_or_after
from claimline.claims.lexicon import (
    ADDRESSEE_PREPS,
    ARG_PREPS,
    ATTITUDE_NOUN_PREPS,
    ATTITUDE_NOUNS,
    ATTITUDE_OBJECT_PREPS,
    COMPLEMENTIZERS,
    NOUN_CUE_CARRIERS,
    NOUN_CUES,
    SPEECH_VERBS,
    VERB_FORMS,
    VERB_PREPS,
    WH_COMPLEMENTIZERS,
)
from claimline.claims.quotes import ALL_QUOTES, QuoteIndex
from claimline.models import ClaimKind
from claimline.spans import CharSpan

# Argument labels whose phrase an object content runs through ("called Trump [a liar]").
OBJECT_ARGS = frozenset({"dobj", "oprd", "dative", "attr", "ccomp", "xcomp", "acomp"})
_NOUN_MODIFIERS = frozenset({"det", "amod", "advmod", "poss", "compound", "nummod"})


def clause_span(head: Token, doc: Doc) -> CharSpan:
    """The clause of `head`, cut before a reporting verb coordinated or adjoined to it after a comma
    ("he didn't believe X, arguing that Y" / "it was opposed and warned Z"): that is a claim of its own.
    A conjunct that only contains a reporting verb ("... and play the club that criticized its
    owner") stays: the attribution gold keeps it in the content."""
    end = head.right_edge
    for child in head.rights:
        if child.dep_ in ("conj", "advcl", "parataxis", "prep") and _reports(child):
            if child.dep_ == "prep" and not doc[child.i - 1].is_punct:
                continue
            last = child.left_edge.i - 1
            while last > head.i and (doc[last].is_punct or doc[last].dep_ == "cc"):
                last -= 1
            end = doc[last]
            break
    return CharSpan(head.left_edge.idx, end.idx + len(end.text))


def _reports(head: Token) -> bool:
    """Is `head` a reporting verb, or a preposition over one ("by saying")?"""
    if head.dep_ == "prep":
        return any(c.lower_ in VERB_FORMS and c.pos_ == "VERB" for c in head.children)
    return head.lower_ in VERB_FORMS and head.pos_ == "VERB"


def object_content(verb: Token, first: Token) -> CharSpan:
    """From the object to the end of the argument phrases after it (no adjuncts after a comma)."""
    start = first.left_edge.idx
    end_token = first.right_edge
    for child in verb.rights:
        if child.i <= first.i:
            continue
        if child.dep_ in OBJECT_ARGS or (child.dep_ == "prep" and child.lower_ in ARG_PREPS):
            if any(t.is_punct and t.text == "," for t in verb.doc[end_token.i + 1 : child.i]):
                break
            end_token = child.right_edge
        elif child.dep_ == "punct" and child.text in ",;:":
            break
    return CharSpan(start, end_token.idx + len(end_token.text))


def in_quote(doc: Doc, start: int, end: int, quotes: QuoteIndex) -> tuple[int, int, ClaimKind]:
    """Extend content to quotes it cuts through; classify direct/mixed/indirect."""
    touched = quotes.overlapping(start, end)
    if not touched:
        return start, end, "indirect"
    new_start = min([start, *(q.start for q in touched if q.start < start <= q.end)])
    new_end = max([end, *(q.end for q in touched if q.start < end <= q.end)])
    quoted = sum(min(q.end, new_end) - max(q.start, new_start) for q in touched)
    text = quotes.text[new_start:new_end].strip()
    if text and text[0] in ALL_QUOTES and quoted >= 0.8 * (new_end - new_start):
        return new_start, new_end, "direct"
    return new_start, new_end, "mixed"


def _is_time_noun(token: Token) -> bool:
    return token.ent_type_ in ("DATE", "TIME") or token.lemma_.casefold() in ("time", "moment")


def misattached_complement(verb: Token) -> Token | None:
    """A complement clause the parser attached elsewhere: "told a meeting of leaders [that few
    people understood ...]" (a relative clause on the object, but with a subject of its own besides
    "that"), "said after the convention [he would not accept ...]" (an adverbial clause with a
    subject and no subordinator)."""
    for child in verb.rights:
        if child.dep_ == "advcl" and child.pos_ in ("VERB", "AUX"):
            kids = list(child.children)
            if any(
                k.i < child.i and k.lower_ in COMPLEMENTIZERS and k.dep_ in ("mark", "advmod") for k in kids
            ):
                return child  # "tweeted in the early morning hours [that Machado was ...]"
            if (
                not any(c.dep_ in ("dobj", "ccomp") for c in verb.children)
                and any(k.i < child.i and k.lower_ in WH_COMPLEMENTIZERS and k.dep_ == "advmod" for k in kids)
                and any(c.dep_ == "neg" for c in verb.children)
            ):
                return child  # "have not said [when they would take up the bill]"
            if any(k.dep_ in ("nsubj", "nsubjpass") for k in kids) and not any(
                k.dep_ in ("mark", "advmod") and k.i < child.i for k in kids
            ):
                return child
        nouns = [child] if child.dep_ == "dobj" else []
        if child.dep_ == "prep":
            # "reported at the time [that the editor had conveyed ...]", "said on Monday [that ...]"
            nouns = [o for o in child.children if o.dep_ == "pobj" and _is_time_noun(o)]
        for noun in nouns:
            for clause in noun.rights:
                if clause.dep_ not in ("relcl", "acl"):
                    continue
                kids = list(clause.lefts)
                that = [k for k in kids if k.lower_ == "that"]
                subjects = [k for k in kids if k.dep_ in ("nsubj", "nsubjpass") and k.lower_ != "that"]
                if that and subjects and that[0].i < subjects[0].i:
                    return clause
    return None


# Short objects that a cue may run over to its preposition ("accused Holt of"): the addressee. Only
# "of" and "about" introduce the content so; "described X as", "criticized X for" keep X in it.
_MAX_ADDRESSEE_TOKENS = 4


def object_then_preposition(verb: Token, obj: Token, lemma: str, preps: list[Token]) -> Token | None:
    """The preposition the verb selects right after a short person object: "accused [her] of",
    "asked [Clinton] about"; None when the object is a thing or long, or for other prepositions."""
    if not (obj.pos_ in ("PRON", "PROPN") or obj.ent_type_ in ("PERSON", "ORG", "GPE", "NORP")):
        return None
    if obj.i != verb.i + 1 and not all(t.head.i == obj.i for t in verb.doc[verb.i + 1 : obj.i]):
        return None
    if obj.right_edge.i - obj.left_edge.i + 1 > _MAX_ADDRESSEE_TOKENS:
        return None
    for prep in preps:
        if (
            prep.i == obj.right_edge.i + 1
            and prep.lower_ in ADDRESSEE_PREPS
            and prep.lower_ in VERB_PREPS.get(lemma, ())
            and any(c.dep_ in ("pobj", "pcomp") for c in prep.children)
        ):
            return prep
    return None


def attitude_object_preposition(verb: Token, obj: Token, lemma: str, preps: list[Token]) -> Token | None:
    """The preposition after the attitude noun a cue verb takes as its object ("expressed [concern]
    about", "voiced [strong support] for", "have embraced [the idea] of") or a light verb does
    (`lemma` ""; "is raising [questions] about", "has no [illusions] about"); None otherwise."""
    light = lemma == ""
    carrier = lemma in NOUN_CUE_CARRIERS
    if not (light or carrier) and lemma in SPEECH_VERBS:
        return None  # "claimed [broad support for the plan]": the object is what was said
    if obj.pos_ != "NOUN" or (obj.lemma_.casefold() not in ATTITUDE_NOUNS and obj.lower_ not in NOUN_CUES):
        return None
    # other cue verbs take an attitude noun only with a plain determiner or adjective: "have
    # embraced the idea of", "answering questions about", not "references FBI criticism of"
    allowed = ("det", "amod", "advmod", "compound") if carrier or light else ("det", "amod")
    if any(t.dep_ not in allowed for t in obj.lefts):
        return None
    if obj.left_edge.i != verb.i + 1 and not (
        light and all(t.dep_ in _NOUN_MODIFIERS for t in verb.doc[verb.i + 1 : obj.i])
    ):
        return None
    after = obj.i + 1
    candidates = [p for p in preps if p.i == after] + [
        c for c in obj.rights if c.dep_ == "prep" and c.i == after
    ]
    for prep in candidates:
        selected = (
            prep.lower_ in ATTITUDE_OBJECT_PREPS
            or (obj.lower_, prep.lower_) in ATTITUDE_NOUN_PREPS
            or (prep.lower_ == "on" and carrier)  # "voiced concern on"; "made claims on air" is a place
        )
        if selected and any(c.dep_ in ("pobj", "pcomp") for c in prep.children):
            return prep
    return None


def complement_after(verb: Token) -> Token | None:
    """The object complement after a verb whose object is a relative or interrogative pronoun."""
    for child in verb.rights:
        if child.dep_ in ("oprd", "attr", "xcomp", "ccomp") and child.left_edge.i > verb.i:
            return child
    return None


def object_as(obj: Token, preps: list[Token]) -> bool:
    """ "saw [the comment] as a dig": an "as" phrase after the object, on the verb or on the object."""
    return any(p.lower_ == "as" and p.i > obj.i for p in preps) or any(
        t.lower_ == "as" and t.dep_ == "prep" for t in obj.rights
    )


def quote_before(verb: Token, cue: CharSpan, subject: Token | None, quotes: QuoteIndex) -> CharSpan | None:
    """`“...,” Clinton said` / `“...,” said Clinton`: a quote closing just before the cue, with only
    the subject and punctuation between them."""
    text = quotes.text
    previous = quotes.last_before(cue[0])
    if previous is not None and subject is not None and subject.i < verb.i:
        s_first = subject.left_edge.idx
        if previous.start >= s_first:
            # a quoted nickname inside the speaker ("Marcia “Cia” Price"): the quote before the speaker
            previous = quotes.last_before(s_first)
    if previous is None or not previous.closed:
        return None
    gap_start, gap_end = previous.end, cue[0]
    if gap_end - gap_start > 150:
        return None
    gap = text[gap_start:gap_end]
    if subject is not None and subject.i < verb.i:
        s_start, s_end = subtree_chars(subject)
        if gap_start <= s_start and s_end <= gap_end:
            gap = text[gap_start:s_start] + text[s_end:gap_end]
    if "\n" in gap or any(ch.isalnum() for ch in gap):
        return None
    return CharSpan(previous.start, previous.end)


def colon_quote(after: Token, quotes: QuoteIndex) -> CharSpan | None:
    """A quote introduced by a colon right after `after`."""
    end = after.idx + len(after.text)
    quote = quotes.next_from(end)
    if quote is not None and quotes.text[end : quote.start].strip() == ":":
        return CharSpan(quote.start, quote.end)
    return None


def continued_quote(quotes: QuoteIndex, end: int, clause_end: int) -> int:
    """`“...,” Ms. Moore said. “...”`: a quote resuming right after the speaker clause, in the same
    paragraph, continues the claim."""
    text = quotes.text
    after = max(end, clause_end)
    while after > end and text[after - 1].isspace():  # sentence ends carry layout whitespace
        after -= 1
    quote = quotes.next_from(after)
    if quote is not None:
        gap = text[after : quote.start]
        if len(gap) <= 4 and "\n" not in gap and not any(ch.isalnum() for ch in gap):
            return quote.end
    return end


def around(head: Token, verb: Token) -> CharSpan:
    """The clause of `head` without the reporting clause of `verb` at its edge (kept in the middle)."""
    start, end = clause_span(head, head.doc)
    v_start, v_end = clause_span(verb, verb.doc)
    if v_start <= start + 2:
        return CharSpan(v_end, end)
    if v_end >= end - 2:
        return CharSpan(start, v_start)
    return CharSpan(start, end)


def fronted_before_comma(doc: Doc, verb: Token, subject: Token, sents: SentenceBounds) -> CharSpan | None:
    """ "Language unclear on whether mothers are covered, experts say.", "People like Scott, he
    said.": a reporting clause that closes its sentence after a comma, with the reported words
    before it parsed as a loose dependent of the verb rather than as its complement."""
    sent_start, _, sent_end = sents.of(verb)
    comma = subject.left_edge.i - 1
    if comma <= 0 or doc[comma].text != "," or verb.i < subject.i or verb.tag_ not in ("VBD", "VBZ", "VBP"):
        return None
    if subject.dep_ != "nsubj":
        return None
    if any(not t.is_punct and not t.is_space for t in doc[verb.i + 1 : sent_end]):
        return None  # the reporting clause must end the sentence
    first = token_at_or_after(doc, sent_start)
    if comma - first < 2:
        return None
    return CharSpan(doc[first].idx, doc[comma].idx)


def adjacent_quote(doc: Doc, verb: Token, quotes: QuoteIndex, sents: SentenceBounds) -> CharSpan | None:
    """`He said: “...”` / `He adds, “...”`: a quote right after the verb, or after a colon that ends
    the sentence (the quote then opens the next paragraph)."""
    text = quotes.text
    after = verb.idx + len(verb.text)
    quote = quotes.next_from(after)
    if quote is not None:
        gap = text[after : quote.start]
        if (len(gap) <= 40 and gap.strip(" \n\t,:") == "") or (gap.strip().endswith(":") and len(gap) < 80):
            if "\n\n" in gap and not gap.strip().endswith(":"):
                return None
            return CharSpan(quote.start, quote.end)
    # a colon closing the sentence introduces the next paragraph
    _, sent_end, _ = sents.of(verb)
    tail = text[after:sent_end].strip()
    if tail.endswith(":"):
        nxt = sent_end
        while nxt < len(text) and text[nxt].isspace():
            nxt += 1
        end = text.find("\n", nxt)
        end = len(text) if end < 0 else end
        if nxt < end:
            return CharSpan(nxt, end)
    return None
