"""Claims stage: attributed claims, "who claimed what", from the dependency parse.

One pass over the words finds the triggers: cue verbs by surface form (the lexicons below,
inflected, so a lemmatizer slip like "hoping" -> "hop" does not lose them), "according to", and
noun cues. Dependency rules on each trigger then find the speaker and the content; a
character-level pass pairs quotation marks.

Conventions (one each, applied everywhere):

* **content** of indirect speech is the complement clause including its complementiser ("that
  Hamas will not ...") without final sentence punctuation; of a direct quote, the quoted text
  *with* its quotation marks (and whatever punctuation sits inside them); a quote running over
  several sentences or paragraphs is one span, and a quote resuming right after the speaker
  clause (“A,” she said. “B.”) continues it. An object complement ("criticized the law as a
  'crazy system'") runs from the object to the end of its argument phrases, without adjuncts
  after a comma. A passive ("the veto is expected to come ...") has the whole clause as content
  and the agent ("by X"), if any, as speaker.
* **cue** is the predicate, one contiguous span: the verb with the auxiliaries, negation and
  adverbs right before it ("has stated", "did not deny"; see ``CUE_LEFT_DEPS``), an attitude
  adjective with its copula ("are afraid"), an infinitive with the raising or aspectual verb it
  hangs on ("appeared to suggest", "went on to discuss"); after the verb, never reaching into the
  content: a particle or a preposition the verb selects for its content ("pointed out", "called
  for", "complained about"), when and how it was said ("said Friday", "said then", "said
  sarcastically"), the occasion when the content stands before the verb ("“...,” she said in an
  interview", but "said | in a statement that ..."), a colon introducing the content
  ("said:"); "according to", or "in" before a poll or someone's eyes; a noun cue with its
  determiner and adjectives and the verb that carries it ("citing growing concerns", "issued a
  warning"); an attitude noun with its verb and preposition ("have expressed concern about", "is
  raising questions about"); ":" for a transcript line or a headline ("PENCE: ...", "Poll:
  ..."), the dash of a signed quote ("“...” ― Name"). The lemma names the verb ("say").
* **speaker** is the local mention: the subject noun phrase without appositives and relative
  clauses ("who" itself for "Smith, who said"); when the subject is a common noun with a named
  appositive ("a member of the politburo, Bassem Na'im, has stated") the name. The actor it
  refers to comes from :func:`claimline.coref.resolve_speaker`.
* **kind**: ``direct`` (the content is a quote), ``mixed`` (quoted fragments inside reported
  speech), ``indirect``, ``according_to`` ("according to X, ..." on its own, or over an act or
  stance, "Trump demeaned women, according to insiders"; nested under an inner speech or belief
  verb it becomes that claim's ``via`` instead).

What is emitted, deliberately: speech and report verbs with a clausal complement, a quote or an
object that names what was said ("claimed vast wealth", "has said the same thing"); belief and
intention verbs with a clausal or infinitival complement ("X believes that ...", "X hopes to
..."), stance verbs with an object ("criticized X", "called for X", "called Trump a liar") and
evidence verbs with a non-person subject ("a poll shows ..."). Beliefs, intentions and stances are
claims a reader wants attributed ("who holds what position"), and the attribution gold we measure
against counts them; verbs that only look like them ("try to", "need to", "continue to", "be
supposed to") and infinitives under heads that deny or only require the act ("failed to note",
"need to find") are left out. Not emitted: a claim whose speaker the parse lost (except an
agentless passive, "it was reported that", which has no speaker by nature), and a cue inside the
content of another claim ("Clinton says she hopes ...": the hope is part of what Clinton said).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from spacy.attrs import DEP, LOWER, POS
from spacy.strings import get_string_id
from spacy.symbols import ADJ, AUX, NOUN, VERB
from spacy.tokens import Doc, Token

from claimline.actors import PERSON_NOUNS, ActorIndex
from claimline.coref import ORGANISATION_NOUNS, resolve_by_name, resolve_speaker
from claimline.models import Claim, ClaimKind, Content, Cue, Speaker, TimeExpression
from claimline.sentences import SentenceIndex, doc_text


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Verbs of saying and reporting: a clausal complement, a quote, or (the flagged ones) an object.
SPEECH_VERBS = _words(
    """
    say tell add note state claim argue insist maintain reveal deny emphasize emphasise stress warn
    accuse acknowledge admit announce confirm report explain write tweet declare assert contend
    suggest predict promise pledge vow threaten urge ask demand propose recommend reply respond
    answer remark comment observe mention recall allege complain concede disclose testify inform
    assure reiterate repeat caution boast brag joke quip agree disagree dispute question challenge
    charge estimate conclude speculate forecast post chant point sing shout yell scream whisper lament
    decry denounce signal hint imply counter retort rebut interject continue describe call
    acknowledge proclaim pronounce affirm reaffirm attest certify swear guarantee advise counsel
    remind notify tell convince persuade indicate specify stipulate underscore highlight stress
    contend posit theorize reason surmise muse wonder marvel exclaim lie brief email text message
    telephone phone preach lecture testify rule order instruct direct ask beg plead implore request
    insist grumble fret gripe moan protest object concur echo mention outline tout acknowledge
    predict project calculate reckon quote cite blog write publish print editorialize editorialise
    clarify elaborate summarize summarise characterize characterise label brand dub term read
    express discuss detail
    """
)
# Speech verbs that report only a quote next to them ("he continued: “...”", "the letter reads").
QUOTE_ONLY_VERBS = _words("continue read")
# Verbs of belief, knowledge, perception of a fact and intention: a clausal complement only.
BELIEF_VERBS = _words(
    """
    believe think know hope expect fear worry doubt feel assume suspect consider guess imagine
    understand realize realise recognize recognise learn discover hear find wish bet trust
    figure presume anticipate foresee envision envisage prefer want plan intend seek aim
    refuse decline offer hesitate decide resolve agree vow pledge promise threaten demand
    remember forget regret acknowledge admit accept insist
    """
)
# Stance verbs that judge their object: passive and without an agent they still attribute a judgement
# to someone ("he has been criticized for ...", "it is considered a threat"), unlike acts ("was signed").
EVALUATIVE_VERBS = _words(
    """
    criticize criticise accuse blame condemn praise fault deride ridicule denounce decry rate
    consider regard deem view label brand dub describe characterize characterise portray call hail
    """
)
# Verbs that attribute a stance towards an object: "criticized the law", "backs the plan".
STANCE_VERBS = _words(
    """
    criticize criticise condemn praise blast slam attack defend dismiss reject support endorse
    oppose favor favour back applaud welcome hail blame credit cite accuse urge describe mention
    note propose recommend demand rebuke chastise lambaste lambast mock ridicule deride question
    dispute challenge deny admit acknowledge confirm announce reveal disclose decry denounce fault
    promote advocate highlight emphasize emphasise stress predict estimate tout champion
    applaud laud commend congratulate thank scold scorn assail berate excoriate castigate
    lampoon pan knock bash hammer needle taunt insult disparage belittle demean call label brand
    dub characterize characterise compare liken equate admire respect trust distrust doubt fear
    want seek request ask refuse reject veto approve ratify sign back embrace tout unveil outline
    publish tweet post recount acknowledge rule order suggest propose float pitch discuss detail
    reference rate view depict portray paint frame invoke encourage hail express echo
    bemoan downplay despise ignore judge link rail rebuff spurn snub shun vilify demonize demonise
    smear justify rationalize rationalise exaggerate overstate understate misrepresent distort
    regard deem rip grill
    """
)
# Evidence verbs with a non-human subject: "a poll shows", "the report found".
EVIDENCE_VERBS = _words(
    """
    show find indicate suggest reveal demonstrate confirm prove document estimate project predict
    conclude determine establish imply
    """
)
# Predicative adjectives of attitude: "she is confident that ...", "Republicans are worried about ...".
ATTITUDE_ADJECTIVES = _words(
    """
    confident sure certain convinced aware hopeful afraid fearful worried concerned skeptical
    sceptical optimistic pessimistic adamant determined eager keen doubtful unsure uncertain
    insistent critical supportive wary
    """
)
BELIEF_VERBS = BELIEF_VERBS | ATTITUDE_ADJECTIVES
ALL_VERBS = SPEECH_VERBS | BELIEF_VERBS | STANCE_VERBS | EVIDENCE_VERBS
_STANCE_ONLY = STANCE_VERBS - SPEECH_VERBS - BELIEF_VERBS

# A preposition a verb selects for its content: "called for X", "warned against X".
VERB_PREPS: dict[str, frozenset[str]] = {
    "call": frozenset({"for", "on"}),
    "warn": frozenset({"against", "of", "about"}),
    "argue": frozenset({"for", "against"}),
    "speak": frozenset({"of", "about", "out"}),
    "talk": frozenset({"about"}),
    "point": frozenset({"to"}),
    "complain": frozenset({"about", "of"}),
    "insist": frozenset({"on", "upon"}),
    "push": frozenset({"for"}),
    "press": frozenset({"for", "on"}),
    "decide": frozenset({"against"}),
    "bristle": frozenset({"at"}),
    "vote": frozenset({"against"}),  # a stance against; "vote for" is mostly advice to readers
    "joke": frozenset({"about", "of"}),
    "lobby": frozenset({"for"}),
    "campaign": frozenset({"for", "against"}),
    "advocate": frozenset({"for"}),
    "boast": frozenset({"about", "of"}),
    "brag": frozenset({"about"}),
    "worry": frozenset({"about"}),
    "ask": frozenset({"for", "about"}),
    "plead": frozenset({"for"}),
    "rail": frozenset({"against"}),
    "object": frozenset({"to"}),
    "respond": frozenset({"to"}),
    "comment": frozenset({"on"}),
    "hint": frozenset({"at"}),
    "testify": frozenset({"about", "to"}),
    "accuse": frozenset({"of"}),
    "blame": frozenset({"for"}),
    "criticize": frozenset({"for"}),
    "praise": frozenset({"for"}),
    "agree": frozenset({"with", "on"}),
    **{
        adjective: frozenset({"about", "of", "over"})
        for adjective in (
            "worried",
            "concerned",
            "confident",
            "optimistic",
            "pessimistic",
            "skeptical",
            "sceptical",
            "critical",
            "supportive",
            "wary",
            "hopeful",
            "afraid",
            "fearful",
            "sure",
            "certain",
            "aware",
        )
    },
    "disagree": frozenset({"with"}),
    # an object complement with "as" when the object is elsewhere ("what analysts described as [...]")
    **{
        verb: frozenset({"as"})
        for verb in (
            "describe",
            "characterize",
            "characterise",
            "portray",
            "label",
            "brand",
            "dismiss",
            "view",
            "regard",
            "see",  # only "saw the comment as a dig" is a judgement, never "saw a film"
        )
    },
}
_PREP_VERBS = frozenset(VERB_PREPS)
# Verb + preposition whose object is what prompted the statement, not what it says: it gives the
# content ("did not respond to [requests for comment]") but stays out of the cue.
_STIMULUS_PREPS = frozenset({("respond", "to"), ("reply", "to"), ("react", "to")})
# Speech verbs whose sense with a plain object is an act, not a statement: "added a week", "maintains a
# program", "directed questions to", "pronounced kiss-E-tow", "advises the president". (Speech verbs
# that are stance verbs too, "ordered", "posted", keep their object either way.)
_ACT_OBJECT_VERBS = _words("add maintain direct pronounce advise counsel instruct print preach")
# Verb + preposition that form one predicate and so one cue ("called for"); other selected
# prepositions only introduce the content ("argued | for a broader peace").
PHRASAL_CUES = frozenset({("call", "for"), ("call", "on"), ("point", "to"), ("speak", "out"), ("hint", "at")})

_IRREGULAR: dict[str, tuple[str, ...]] = {
    "say": ("said",),
    "tell": ("told",),
    "write": ("wrote", "written"),
    "think": ("thought",),
    "know": ("knew", "known"),
    "find": ("found",),
    "see": ("saw", "seen"),
    "hear": ("heard",),
    "feel": ("felt",),
    "mean": ("meant",),
    "seek": ("sought",),
    "swear": ("swore", "sworn"),
    "forecast": ("forecast",),
    "bet": ("bet",),
    "lie": ("lay", "lying"),
    "forget": ("forgot", "forgotten"),
    "understand": ("understood",),
    "foresee": ("foresaw", "foreseen"),
    "speak": ("spoke", "spoken"),
    "sing": ("sang", "sung"),
    "teach": ("taught",),
    "have": ("has", "had"),
    "make": ("made",),
    "take": ("took", "taken"),
    "hold": ("held",),
    "show": ("shown",),
    "prove": ("proven",),
    # British doubling: "labelled", "signalled", "counselled", "marvelled"
    **{verb: (verb + "led", verb + "ling") for verb in ("label", "signal", "counsel", "marvel")},
}


def _inflections(lemma: str) -> set[str]:
    """Regular English verb forms of `lemma` (over-generation is harmless: they only widen a lookup)."""
    forms = {lemma, *_IRREGULAR.get(lemma, ())}
    if lemma.endswith("e"):
        stem = lemma[:-1]
        forms |= {lemma + "s", lemma + "d", stem + "ing"}
    elif lemma.endswith("y") and lemma[-2:-1] not in tuple("aeiou"):
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"}
    else:
        suffix_s = "es" if lemma.endswith(("s", "sh", "ch", "x", "z")) else "s"
        forms |= {lemma + suffix_s, lemma + "ed", lemma + "ing"}
        if (
            len(lemma) > 2
            and lemma[-1] not in "aeiouwxy"
            and lemma[-2] in "aeiou"
            and lemma[-3] not in "aeiou"
        ):
            forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    return forms


# surface form -> lemma for every cue verb: the statistical lemmatizer misses some ("hoping" -> "hop")
VERB_FORMS: dict[str, str] = {
    form: lemma for lemma in sorted(ALL_VERBS | _PREP_VERBS) for form in _inflections(lemma)
}

# Noun cues introducing a "that" clause: "his claim that", "concerns that", "a warning that".
NOUN_CUES = _words(
    """
    claim statement warning concern concerns report reports belief assertion argument allegation
    accusation announcement promise pledge threat insistence suggestion view fear fears hope hopes
    notion evidence finding findings conclusion admission denial charge comment comments remark
    remarks assessment estimate prediction forecast assurance assurances message word news rumor
    rumour speculation suspicion suspicions confidence doubt doubts complaint insistence position
    contention opinion idea theory conviction expectation expectations acknowledgment
    acknowledgement declaration testimony indication indications sign signs proof recognition
    realization understanding impression sense argument demand demands call request
    """
)
# Verbs that only carry a noun cue: "citing concerns that", "issued a warning that".
NOUN_CUE_CARRIERS = _words(
    "cite voice express raise issue make repeat reiterate echo air share send leave deliver give"
)

# Verbs that carry an attitude noun without being cues themselves: "raised questions about", "made
# the case for", "took offense at", "has no illusions about".
# (Not "faced questions", "drew criticism", "enjoyed support": there the attitude is someone else's.)
LIGHT_VERBS = _words("have make take raise show sound hold")
# Subjects that are documents or data: evidence verbs only count with them.
ATTRIBUTION_TAGS = frozenset({"VB", "VBD", "VBG", "VBN", "VBP", "VBZ"})
_ARG_DEPS = frozenset({"ccomp", "xcomp", "dobj", "prep", "parataxis", "oprd"})
_OBJECT_ARGS = frozenset({"dobj", "oprd", "dative", "attr", "ccomp", "xcomp", "acomp"})
_ARG_PREPS = frozenset({"as", "for", "of", "about", "against", "over", "on", "to", "into", "with"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
_CLIMB = frozenset({"advcl", "xcomp", "conj", "acl", "pcomp", "acomp"})

OPEN_QUOTES = "“„‟«"
CLOSE_QUOTES = "”»"
STRAIGHT = '"'
ALL_QUOTES = OPEN_QUOTES + CLOSE_QUOTES + STRAIGHT
_TRAILING = " \t\n,.;:—–-"

MIN_QUOTE_WORDS = 4


# ---------------------------------------------------------------------------------------------
# Triggers: one pass over the doc's words as integer ids (string hashes are the same in every
# vocabulary, so the id sets are built once); a spaCy Matcher with `IN` lists ran Python code per
# token and cost about half of the stage.


def _ids(words: Iterable[str]) -> frozenset[int]:
    return frozenset(get_string_id(word) for word in words)


_VERB_FORM_IDS = _ids(VERB_FORMS)
_ATTITUDE_IDS = _ids(ATTITUDE_ADJECTIVES)


def _plural(noun: str) -> str:
    """The regular plural of a noun cue ("claim" -> "claims", "worry" -> "worries")."""
    if noun.endswith(("s", "sh", "ch", "x", "z")):
        return noun + "es"
    if noun.endswith("y") and noun[-2:-1] not in tuple("aeiou"):
        return noun[:-1] + "ies"
    return noun + "s"


_NOUN_CUE_IDS = _ids(NOUN_CUES | {_plural(noun) for noun in NOUN_CUES if not noun.endswith("s")})
_LIGHT_VERB_IDS = _ids(form for lemma in LIGHT_VERBS for form in _inflections(lemma))
_PUT_IDS = _ids(("put", "puts", "putting"))  # "as a memo put it, ...": the only sense of "put" that reports
_ACCORDING, _TO, _IT, _ACOMP, _IN, _PREP = (
    get_string_id(word) for word in ("according", "to", "it", "acomp", "in", "prep")
)
_VERB_POS = frozenset({VERB, AUX})


@dataclass
class _Matches:
    """Token offsets of the triggers of one doc, by kind."""

    verbs: list[int] = field(default_factory=list)
    according: list[int] = field(default_factory=list)
    nouns: list[int] = field(default_factory=list)
    light: list[int] = field(default_factory=list)  # light verbs that may carry an attitude noun


def _matches(doc: Doc) -> _Matches:
    """Cue verbs (any inflection, tagged VERB or AUX), attitude adjectives as complements ("is
    confident"), "as X put it", "according to", and noun cues."""
    found = _Matches()
    rows: list[list[int]] = doc.to_array([LOWER, POS, DEP]).tolist() if len(doc) else []
    last = len(rows) - 1
    for i, (lower, pos, dep) in enumerate(rows):
        if (
            (pos in _VERB_POS and lower in _VERB_FORM_IDS)
            or (pos == ADJ and dep == _ACOMP and lower in _ATTITUDE_IDS)
            or (pos == VERB and lower in _PUT_IDS and i < last and rows[i + 1][0] == _IT)
        ):
            found.verbs.append(i)
        elif (lower == _ACCORDING and i < last and rows[i + 1][0] == _TO) or (lower == _IN and dep == _PREP):
            found.according.append(i)
        elif pos == NOUN and lower in _NOUN_CUE_IDS:
            found.nouns.append(i)
        if pos == VERB and lower in _LIGHT_VERB_IDS:
            found.light.append(i)
    return found


# ---------------------------------------------------------------------------------------------
# Quotes


@dataclass(frozen=True)
class Quote:
    """A quoted stretch of text, marks included; `closed` is False for an unbalanced quote."""

    start: int
    end: int
    closed: bool


def find_quotes(text: str) -> list[Quote]:
    """Quotes delimited by double marks, straight or curly, in any mix; never fails.

    Curly marks nest (“he calls “hell” home” is one quote); straight marks toggle, and inside a
    quote opened by a curly mark they pair as text, except that a straight mark that ends a word
    closes a curly quote (“no evidence" yet). Inside a straight quote, curly marks nest, and a
    closing curly mark with none open closes it (mixed marks: "...,” she said). A paragraph that
    opens a quote without closing it continues into the next paragraph when that one opens with a
    quotation mark (the newspaper convention); otherwise the quote ends with the paragraph. A
    closing mark opening a paragraph is taken for an opening one (a common typo); any other
    unmatched closing mark is ignored.
    """
    quotes: list[Quote] = []
    open_at: int | None = None
    depth = 0
    straight = False  # the open quote started with a straight mark
    inner_straight = False  # a straight pair opened inside a curly quote
    pending: int | None = None  # start of a quote carried over a paragraph break
    pending_end = 0
    pending_straight = False
    position = 0
    for line in text.split("\n"):
        line_start = position
        position += len(line) + 1
        stripped = line.strip()
        if not stripped:
            continue
        first = line_start + (len(line) - len(line.lstrip()))
        skip_first = False
        if pending is not None:
            if stripped[0] in ALL_QUOTES:
                open_at, depth, straight, skip_first = pending, 1, pending_straight, True
                inner_straight = False
            else:
                quotes.append(Quote(pending, pending_end, closed=False))
            pending = None
        for offset, ch in enumerate(line):
            if ch not in ALL_QUOTES:
                continue
            char = line_start + offset
            if skip_first and char == first:
                continue
            if ch == STRAIGHT:
                if open_at is None:
                    open_at, depth, straight, inner_straight = char, 1, True, False
                elif straight:
                    quotes.append(Quote(open_at, char + 1, closed=True))
                    open_at = None
                elif inner_straight or (offset + 1 < len(line) and line[offset + 1].isalnum()):
                    inner_straight = not inner_straight  # a straight pair quoted inside: text
                elif depth == 1:
                    # a closing straight mark ends a curly quote (mixed marks: “no evidence" yet)
                    quotes.append(Quote(open_at, char + 1, closed=True))
                    open_at = None
            elif open_at is not None and straight:
                # curly marks inside a straight quote nest; a closing one with none open closes it
                # (mixed marks: "Oz has a huge bully pulpit,” said ...)
                if ch in OPEN_QUOTES:
                    depth += 1
                elif depth > 1:
                    depth -= 1
                else:
                    quotes.append(Quote(open_at, char + 1, closed=True))
                    open_at = None
            elif ch in OPEN_QUOTES or (ch in CLOSE_QUOTES and open_at is None and char == first):
                if open_at is None:
                    open_at, depth, straight, inner_straight = char, 1, False, False
                elif not straight:
                    depth += 1
            elif open_at is not None and not straight:
                depth -= 1
                if depth == 0:
                    quotes.append(Quote(open_at, char + 1, closed=True))
                    open_at = None
        if open_at is not None:
            pending, pending_straight = open_at, straight
            pending_end = line_start + len(line.rstrip())
            open_at = None
    if pending is not None:
        quotes.append(Quote(pending, pending_end, closed=False))
    return quotes


class _QuoteIndex:
    """The quotes of one text (disjoint, in order) with bisect lookups."""

    def __init__(self, text: str, quotes: list[Quote]) -> None:
        self.text = text  # `Doc.text` is rebuilt on every access: read it once
        self.quotes = quotes
        self._starts = [q.start for q in quotes]
        self._ends = [q.end for q in quotes]

    def containing(self, start: int, end: int) -> Quote | None:
        i = bisect_right(self._starts, start) - 1
        if i >= 0 and end <= self.quotes[i].end:
            return self.quotes[i]
        return None

    def overlapping(self, start: int, end: int) -> list[Quote]:
        lo = bisect_right(self._ends, start)
        hi = bisect_left(self._starts, end)
        return self.quotes[lo:hi]

    def next_from(self, char: int) -> Quote | None:
        """The first quote starting at or after `char`."""
        i = bisect_left(self._starts, char)
        return self.quotes[i] if i < len(self.quotes) else None

    def last_before(self, char: int) -> Quote | None:
        """The last quote ending at or before `char`."""
        i = bisect_right(self._ends, char) - 1
        return self.quotes[i] if i >= 0 else None


# ---------------------------------------------------------------------------------------------
# Candidates


class _Sents:
    """Sentence bounds of the parsed doc by token (``Token.sent`` rescans the doc on every call)."""

    def __init__(self, doc: Doc, text: str) -> None:
        self.text = text
        self.starts: list[int] = []
        self.bounds: list[tuple[int, int, int]] = []
        for sent in doc.sents:
            self.starts.append(sent.start)
            self.bounds.append((sent.start_char, sent.end_char, sent.end))

    def of(self, token: Token) -> tuple[int, int, int]:
        """(start char, end char, end token) of the sentence of `token`."""
        return self.bounds[bisect_right(self.starts, token.i) - 1]


@dataclass
class _Candidate:
    cue: tuple[int, int] | None
    cue_lemma: str
    content: tuple[int, int]
    speaker: tuple[int, int] | None
    kind: ClaimKind
    anchor: Token | None  # the cue token, for clause-level lookups (time)
    via: list[tuple[int, int]] = field(default_factory=list)
    priority: int = 0


def _span_chars(tokens: Iterable[Token]) -> tuple[int, int]:
    items = list(tokens)
    return items[0].idx, items[-1].idx + len(items[-1].text)


def _subtree_chars(token: Token) -> tuple[int, int]:
    """Character span of `token` and everything under it (its left to its right edge)."""
    return token.left_edge.idx, token.right_edge.idx + len(token.right_edge.text)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Strip whitespace and unquoted trailing punctuation; keep a closing quote and what it holds."""
    while start < end and (text[start].isspace() or text[start] in ",;:—–-"):
        start += 1
    while end > start and (text[end - 1] in _TRAILING or text[end - 1].isspace()):
        end -= 1
    for conjunction in _TRAILING_CONJUNCTIONS:
        # a clause cut before the next conjunct: "that the firm holds billions, and [the report says]"
        if text.endswith(conjunction, start, end) and end - len(conjunction) > start:
            return _trim(text, start, end - len(conjunction))
    return start, end


_TRAILING_CONJUNCTIONS = (" and", " but", " or", ",and")


# Left dependents joined to a verb cue when they stand right before it: auxiliaries, negation and
# adverbs ("has stated", "did not deny", "also said"). Negation changes what was claimed, and the
# attribution gold (PolNeAR) marks cues this way; the lemma still names the verb.
CUE_LEFT_DEPS: frozenset[str] = frozenset({"aux", "auxpass", "neg", "advmod"})


# Nouns of the occasion a statement was made on: "said in an interview", "told reporters at a briefing".
OCCASION_NOUNS = _words(
    """
    interview statement speech briefing rally conference appearance letter tweet tweets post email
    memo hearing testimony debate broadcast call release video message remarks address op-ed
    """
)
# Time adverbs the attribution gold keeps with the cue ("said then", "added later").
_CUE_TIME_ADVERBS = frozenset({"then", "later", "earlier", "again", "afterwards", "recently"})


def _cue_span(verb: Token, prep: Token | None = None, content_start: int | None = None) -> tuple[int, int]:
    """The predicate of a verb cue, as one contiguous span.

    Left: CUE_LEFT_DEPS dependents right before the verb, the copula of an attitude adjective
    ("are afraid") and a raising verb before an infinitive ("appeared to suggest"). Right, in any
    order and never into the content (which starts at `content_start`): a particle ("pointed
    out"); a selected preposition that introduces the content ("complained about [his mic]",
    "called for [...]"); when the statement was made ("said Friday", "said then"); its occasion
    ("said in an interview") when no content follows (before a "that" clause the attribution gold
    leaves it out: "said | in the letter that ..."); and a colon that introduces the content
    ("said: “...”").
    """
    first = _left_deps_start(verb)
    if verb.dep_ == "acomp" and verb.pos_ in ("ADJ", "VERB") and verb.head.i < first.i:
        # "are afraid", "weren't too concerned", "are convinced": the copula and what stands before it
        copula = verb.head
        if all(t.is_space or t.head.i in (copula.i, verb.i) for t in verb.doc[copula.i + 1 : first.i]):
            first = _left_deps_start(copula)
    doc = verb.doc
    first = _raised(verb, first)
    lemma = _lemma(verb)
    limit = len(doc) if content_start is None else _token_at_or_after(doc, content_start)
    # the verb's right dependents by the token they start at
    starting = {child.left_edge.i: child for child in verb.rights}
    last = verb
    while last.i + 1 < limit:
        nxt = last.i + 1
        child = starting.get(nxt)
        if child is not None and (
            child.dep_ == "prt"
            or _is_cue_preposition(child, lemma, prep, limit)
            or (child.dep_ == "dobj" and child.lower_ == "it" and _as_put_it(verb))
        ):
            last = child
        elif child is not None and child.right_edge.i < limit and _is_cue_modifier(child):
            last = child.right_edge
        elif (
            child is not None
            and child.dep_ == "prep"
            and content_start is None
            and (occasion := _occasion(child)) is not None
        ):
            if occasion.i >= limit:
                break
            last = occasion
        elif (
            doc[nxt].text == ":"
            and content_start is not None
            and all(t.is_space for t in doc[nxt + 1 : limit])
        ):
            last = doc[nxt]
        else:
            break
    return first.idx, last.idx + len(last.text)


# Verbs and adjectives that raise an infinitive cue or give it an aspect; the attribution gold keeps
# them in the cue ("appeared to suggest", "went on to discuss", "was able to tout", "has yet to explain").
RAISING_HEADS = _words(
    "appear seem go continue begin start stop come set able yet slow quick try attempt tend have"
)
# Heads under which an infinitive reports nothing anyone claimed: "failed to note", "need to find".
UNASSERTED_HEADS = _words("need fail force require allow bear way")


def _left_deps_start(token: Token) -> Token:
    """`token`, or the first of the CUE_LEFT_DEPS dependents (with an adverb's own modifiers: "almost
    immediately") standing right before it; layout whitespace between them is passed over."""
    doc = token.doc
    first = token
    for child in reversed(list(token.lefts)):
        before = first.i - 1
        while before > child.i and doc[before].is_space:
            before -= 1
        if child.i != before or child.dep_ not in CUE_LEFT_DEPS or child.tag_ == "WRB":
            break
        first = child.left_edge if child.dep_ == "advmod" and child.left_edge.tag_ != "WRB" else child
    return first


# Aspectual verbs a gerund cue hangs on, directly or through a preposition ("keeps saying", "could
# not resist pointing out", "started off by emphasizing", "set about persuading").
ASPECT_HEADS = _words("keep start begin stop continue resist quit finish set go")


def _raised(verb: Token, first: Token) -> Token:
    """Extend the start of an infinitive cue ("to suggest") over the raising or aspectual predicate
    it depends on ("appeared to suggest", "won't be able to brag"), and of a gerund cue over an
    aspectual verb ("keeps saying", "started off by emphasizing"), when that stands right before it."""
    if verb.tag_ == "VBG" and first.i == verb.i:
        head = verb.head
        if verb.dep_ == "pcomp" and head.dep_ == "prep" and head.i == verb.i - 1:
            head = head.head  # "started off by emphasizing", "set about persuading"
        elif verb.dep_ != "xcomp":
            return first
        between = verb.doc[head.i + 1 : first.i]
        if (
            head.i < first.i
            and head.lemma_.casefold() in ASPECT_HEADS
            and all(t.head.i in (head.i, verb.i) and t.dep_ in ("prt", "advmod", "prep") for t in between)
        ):
            return _left_deps_start(head)
        return first
    if first.lower_ != "to" or verb.dep_ not in ("xcomp", "advcl"):
        return first
    head = verb.head
    if head.i >= first.i or head.lemma_.casefold() not in RAISING_HEADS:
        return first
    if any(
        t.head.i != head.i or t.dep_ not in ("prt", "advmod", "acomp") for t in verb.doc[head.i + 1 : first.i]
    ):
        return first
    first = _left_deps_start(head)
    if head.dep_ in ("acomp", "xcomp") and head.head.i == first.i - 1:
        # "was able to", "appears set to": the copula or raising verb before it
        first = _left_deps_start(head.head)
    return first


def _unasserted_infinitive(verb: Token) -> bool:
    """ "failed to note that", "need to find": an infinitive cue under a head that denies or only
    requires the act, so nobody made the claim."""
    return (
        verb.dep_ in ("xcomp", "advcl", "acl", "relcl")
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.lefts)
        and verb.head.lemma_.casefold() in UNASSERTED_HEADS
    )


def _is_cue_preposition(token: Token, lemma: str, prep: Token | None, limit: int) -> bool:
    """A preposition that belongs to the cue: a phrasal one ("called for"), or one the verb selects
    whose object is the content ("complained about [his mic]")."""
    if token.dep_ != "prep":
        return False
    if (lemma, token.lower_) in _STIMULUS_PREPS:
        return False
    if (lemma, token.lower_) in PHRASAL_CUES or (prep is not None and prep.i == token.i):
        return True
    return token.lower_ in VERB_PREPS.get(lemma, ()) and token.right_edge.i >= limit


def _occasion(prep: Token) -> Token | None:
    """The noun of "in an interview", "at a briefing": the end of the occasion phrase (its own
    modifiers after the noun, "with The Huffington Post", "in Honolulu", are left out)."""
    for child in prep.children:
        if child.dep_ == "pobj" and child.lemma_.casefold() in OCCASION_NOUNS:
            return child
    return None


def _is_cue_modifier(token: Token) -> bool:
    """When or how a statement was made, right after its verb: "Friday", "this week", "then",
    "sarcastically", "more frequently"."""
    if token.dep_ in ("npadvmod", "tmod") and token.ent_type_ in ("DATE", "TIME"):
        return all(t.ent_type_ in ("DATE", "TIME") for t in token.subtree)
    if token.dep_ != "advmod" or token.tag_ == "WRB":
        return False
    return token.lower_ in _CUE_TIME_ADVERBS or (token.lower_.endswith("ly") and token.tag_ in ("RB", "RBR"))


def _token_at_or_after(doc: Doc, char: int) -> int:
    """Index of the first token that ends after `char` (the token holding `char`, or the next)."""
    return bisect_right(doc, char, key=lambda token: token.idx + len(token.text))


# Common nouns, besides people and bodies, that report or show things ("was reported by sources").
SOURCE_NOUNS = _words(
    """
    source sources people voter voters critic critics observer observers resident residents official
    officials poll polls survey surveys study studies report reports document documents record records
    data analysis analyst analysts expert experts investigator investigators witness witnesses media
    outlet outlets newspaper newspapers statement statements letter memo email emails filing filings
    publication publications paper papers
    """
)


def _can_speak(token: Token) -> bool:
    """Could this noun be the source of a claim: a name, a pronoun, a person or a body?"""
    if token.pos_ in ("PROPN", "PRON") or token.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
        return True
    lemma = token.lemma_.lower()
    if lemma in PERSON_NOUNS or lemma in ORGANISATION_NOUNS or lemma in SOURCE_NOUNS:
        return True
    if lemma in _QUANTITY_NOUNS or token.pos_ == "NUM":
        # "dozens of papers", "a number of tax experts", "42 percent of those responding": the group counted
        for prep in token.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                return any(o.dep_ == "pobj" and _can_speak(o) for o in prep.children)
    return False


_QUANTITY_NOUNS = _words("dozen dozens number percent majority minority handful lot lots host group")


def _subject(verb: Token) -> Token | None:
    """The subject of `verb`, climbing through participles, infinitives and coordination."""
    token = verb
    for _ in range(4):
        subjects = [child for child in token.children if child.dep_ in _SUBJECTS]
        if subjects:
            # two subjects: the parser took a word of a quote before the clause for one
            # ("“My reaction ...,” the strategist said"); the speaker is the one nearest the verb
            before = [child for child in subjects if child.i < token.i]
            return before[-1] if before else subjects[0]
        for child in token.children:
            if child.dep_ == "agent":
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        return pobj
        if token.dep_ == "relcl":
            return token.head
        if token.dep_ == "pcomp" and token.head.dep_ == "prep" and token.head.head is not token.head:
            # "responded by saying ...", "after saying ...": the subject of the governing verb
            token = token.head.head
            continue
        if token.dep_ == "xcomp" and token.head is not token:
            # object control: "pressed Stumpf to admit that ...", "urged him to say": the object speaks
            controllers = [c for c in token.head.children if c.dep_ == "dobj" and c.i < token.i]
            if controllers and _can_speak(controllers[0]):
                return controllers[0]
        if token.dep_ in _CLIMB and token.head is not token:
            if token is verb and token.dep_ == "conj":
                # "..., Bassem Na'im, has stated": a name right before a subject-less conjunct is
                # its subject the parser missed
                named = _name_before(verb)
                if named is not None:
                    return named
            head = token.head
            # "China said it was opposed and warned ...": a reporting verb coordinated into the
            # reported clause shares the reporter's subject
            if (
                (token.dep_ == "conj" or (token.dep_ == "advcl" and token.tag_ == "VBG"))
                and head.dep_ == "ccomp"
                and head.head.lemma_ in SPEECH_VERBS
            ):
                head = head.head
            token = head
            continue
        break
    return _name_before(verb)


def _name_before(verb: Token) -> Token | None:
    """A name or pronoun right before the cue when the parse found no subject ("... Post Trump said")."""
    i = verb.i - 1
    doc = verb.doc
    while i >= 0 and doc[i].dep_ in ("aux", "neg", "advmod") and doc[i].pos_ != "PROPN":
        i -= 1
    if i >= 0 and doc[i].text == ",":  # the comma closing an appositive: "a member, Bassem Na'im, has"
        i -= 1
    if i < 0:
        return None
    if (doc[i].pos_ == "PRON" and doc[i].lower_ in _PERSONAL) or doc[i].ent_type_ in _SPEAKER_ENTS:
        return doc[i]
    return None


_PERSONAL = frozenset({"he", "she", "they", "it", "we", "i", "you"})
_SPEAKER_ENTS = frozenset({"PERSON", "ORG", "NORP", "GPE"})


def _speaker_span(subject: Token) -> tuple[int, int] | None:
    """The subject noun phrase without appositives, relative clauses and punctuation; a relative
    pronoun ("who said") is the local mention itself."""
    if subject.lower_ in ("who", "that", "which"):
        return subject.idx, subject.idx + len(subject.text)
    if subject.lower_ == "what":
        return None
    if subject.dep_ not in _SUBJECTS and subject.dep_ != "pobj" and subject.ent_type_:
        # a bare name found by position: its whole entity
        first = subject
        while first.ent_iob_ == "I" and first.i > 0:
            first = first.doc[first.i - 1]
        return first.idx, subject.idx + len(subject.text)
    if subject.pos_ in ("NOUN",) and not subject.ent_type_:
        for child in subject.children:
            if child.dep_ == "appos" and child.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
                subject = child
                break
    excluded: set[int] = set()
    for child in subject.children:
        if child.dep_ in ("appos", "relcl", "acl", "punct", "cc", "conj", "advmod") and child.i > subject.i:
            excluded.update(t.i for t in child.subtree)
    tokens = [t for t in subject.subtree if t.i not in excluded and not t.is_space]
    # keep the contiguous run around the head
    keep = [t for t in tokens if t.i <= subject.i]
    for t in tokens:
        if t.i > subject.i and t.i == keep[-1].i + 1:
            keep.append(t)
    start_tokens = [t for t in keep]
    while start_tokens and start_tokens[-1].is_punct:
        start_tokens.pop()
    while start_tokens and start_tokens[0].is_punct:
        start_tokens.pop(0)
    if not start_tokens:
        return None
    return _span_chars(start_tokens)


def _clause_span(head: Token, doc: Doc) -> tuple[int, int]:
    """The clause of `head`, cut before a reporting verb coordinated or adjoined to it after a comma
    ("he didn't believe X, arguing that Y" / "it was opposed and warned Z"): that is a claim of its own."""
    end = head.right_edge
    for child in head.rights:
        if child.dep_ in ("conj", "advcl", "parataxis", "prep") and any(
            t.lower_ in VERB_FORMS and t.pos_ == "VERB" for t in child.subtree
        ):
            if child.dep_ == "prep" and not doc[child.i - 1].is_punct:
                continue
            last = child.left_edge.i - 1
            while last > head.i and (doc[last].is_punct or doc[last].dep_ == "cc"):
                last -= 1
            end = doc[last]
            break
    return head.left_edge.idx, end.idx + len(end.text)


def _object_content(verb: Token, first: Token) -> tuple[int, int]:
    """From the object to the end of the argument phrases after it (no adjuncts after a comma)."""
    start = first.left_edge.idx
    end_token = first.right_edge
    for child in verb.rights:
        if child.i <= first.i:
            continue
        if child.dep_ in _OBJECT_ARGS or (child.dep_ == "prep" and child.lower_ in _ARG_PREPS):
            if any(t.is_punct and t.text == "," for t in verb.doc[end_token.i + 1 : child.i]):
                break
            end_token = child.right_edge
        elif child.dep_ == "punct" and child.text in ",;:":
            break
    return start, end_token.idx + len(end_token.text)


def _in_quote(doc: Doc, start: int, end: int, quotes: _QuoteIndex) -> tuple[int, int, ClaimKind]:
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


def _verb_candidates(doc: Doc, quotes: _QuoteIndex, found: _Matches, sents: _Sents) -> Iterator[_Candidate]:
    cues: dict[int, list[tuple[str, Token]]] = {}
    for start in found.verbs:
        verb = doc[start]
        cues[start] = [("arg", child) for child in verb.children if child.dep_ in _ARG_DEPS]
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


def _is_time_noun(token: Token) -> bool:
    return token.ent_type_ in ("DATE", "TIME") or token.lemma_.casefold() in ("time", "moment")


def _misattached_complement(verb: Token) -> Token | None:
    """A complement clause the parser attached elsewhere: "told a meeting of leaders [that few
    people understood ...]" (a relative clause on the object, but with a subject of its own besides
    "that"), "said after the convention [he would not accept ...]" (an adverbial clause with a
    subject and no subordinator)."""
    for child in verb.rights:
        if child.dep_ == "advcl" and child.pos_ in ("VERB", "AUX"):
            kids = list(child.children)
            if any(
                k.i < child.i and k.lower_ in _COMPLEMENTIZERS and k.dep_ in ("mark", "advmod") for k in kids
            ):
                return child  # "tweeted in the early morning hours [that Machado was ...]"
            if (
                not any(c.dep_ in ("dobj", "ccomp") for c in verb.children)
                and any(
                    k.i < child.i and k.lower_ in _WH_COMPLEMENTIZERS and k.dep_ == "advmod" for k in kids
                )
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


# Words that open a complement clause the parser took for an adverbial one.
_COMPLEMENTIZERS = frozenset({"that", "whether", "how", "why"})
# Wh-words that open a complement only after a negated verb with no object ("has not said when ..."):
# after "said it" or a plain "said", "when ..." is the time of the statement.
_WH_COMPLEMENTIZERS = frozenset({"when", "where"})


# Short objects that a cue may run over to its preposition ("accused Holt of"): the addressee. Only
# "of" and "about" introduce the content so; "described X as", "criticized X for" keep X in it.
_MAX_ADDRESSEE_TOKENS = 4
_ADDRESSEE_PREPS = frozenset({"of", "about"})


def _object_then_preposition(verb: Token, obj: Token, lemma: str, preps: list[Token]) -> Token | None:
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
            and prep.lower_ in _ADDRESSEE_PREPS
            and prep.lower_ in VERB_PREPS.get(lemma, ())
            and any(c.dep_ in ("pobj", "pcomp") for c in prep.children)
        ):
            return prep
    return None


_ATTITUDE_OBJECT_PREPS = frozenset({"about", "over", "of", "for"})
# Attitude nouns that select another preposition: "interest in", "took offense at".
_ATTITUDE_NOUN_PREPS = frozenset(
    {
        ("interest", "in"),
        ("faith", "in"),
        ("confidence", "in"),
        ("offense", "at"),
        ("offence", "at"),
        ("insight", "into"),
        ("insights", "into"),
    }
)
_NOUN_MODIFIERS = frozenset({"det", "amod", "advmod", "poss", "compound", "nummod"})
# Nouns of an attitude a carrier verb expresses ("voiced support for", "expressed outrage over").
ATTITUDE_NOUNS = NOUN_CUES | _words(
    """
    misgiving misgivings reservation reservations outrage support opposition frustration anger
    skepticism scepticism dismay alarm disappointment regret sympathy condolences gratitude thanks
    question questions objection objections optimism pessimism displeasure disapproval approval
    illusion illusions case idea ideas interest insight insights understanding secret fun offense
    offence heat criticism praise disdain contempt faith enthusiasm condemnation adulation admiration
    respect hostility
    """
)


def _attitude_object_preposition(verb: Token, obj: Token, lemma: str, preps: list[Token]) -> Token | None:
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
            prep.lower_ in _ATTITUDE_OBJECT_PREPS
            or (obj.lower_, prep.lower_) in _ATTITUDE_NOUN_PREPS
            or (prep.lower_ == "on" and carrier)  # "voiced concern on"; "made claims on air" is a place
        )
        if selected and any(c.dep_ in ("pobj", "pcomp") for c in prep.children):
            return prep
    return None


def _light_verb_candidates(doc: Doc, quotes: _QuoteIndex, found: _Matches) -> Iterator[_Candidate]:
    """ "Trump is raising questions about [his microphone]", "took offense at [suggestions ...]": a
    light verb with an attitude noun and what the attitude is about."""
    for i in found.light:
        verb = doc[i]
        objects = [c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i]
        if not objects:
            continue
        preps = [c for c in verb.children if c.dep_ == "prep"]
        prep = _attitude_object_preposition(verb, objects[0], "", preps)
        if prep is None:
            continue
        subject = _subject(verb)
        speaker = _speaker_span(subject) if subject is not None else None
        if speaker is None:
            continue
        pobj = next(c for c in prep.children if c.dep_ in ("pobj", "pcomp"))
        start, end = _trim(quotes.text, *_subtree_chars(pobj))
        start, end, kind = _in_quote(doc, start, end, quotes)
        cue_first = _raised(verb, _left_deps_start(verb))
        yield _Candidate(
            cue=(cue_first.idx, prep.idx + len(prep.text)),
            cue_lemma=verb.lemma_.casefold(),
            content=(start, end),
            speaker=speaker,
            kind=kind,
            anchor=verb,
            priority=1,
        )


def _complement_after(verb: Token) -> Token | None:
    """The object complement after a verb whose object is a relative or interrogative pronoun."""
    for child in verb.rights:
        if child.dep_ in ("oprd", "attr", "xcomp", "ccomp") and child.left_edge.i > verb.i:
            return child
    return None


def _as_put_it(verb: Token) -> bool:
    """ "as a Homeland Security memo put it", "as Ms. Simonyan put it in a statement": a reporting
    clause whose "it" is what the other clause says."""
    return (
        verb.lemma_ == "put"
        and any(c.dep_ == "dobj" and c.lower_ == "it" and c.i == verb.i + 1 for c in verb.children)
        and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)
    )


def _object_as(obj: Token, preps: list[Token]) -> bool:
    """ "saw [the comment] as a dig": an "as" phrase after the object, on the verb or on the object."""
    return any(p.lower_ == "as" and p.i > obj.i for p in preps) or any(
        t.lower_ == "as" and t.dep_ == "prep" for t in obj.rights
    )


def _is_passive(verb: Token) -> bool:
    return any(child.dep_ == "auxpass" for child in verb.children)


def _lemma(verb: Token) -> str:
    lemma = verb.lemma_.casefold()
    if lemma in ALL_VERBS or lemma in _PREP_VERBS:
        return lemma
    return VERB_FORMS.get(verb.lower_, lemma)


def _verb_candidate(
    doc: Doc, verb: Token, args: list[tuple[str, Token]], quotes: _QuoteIndex, sents: _Sents
) -> _Candidate | None:
    lemma = _lemma(verb)
    if verb.head.lemma_ == "let" or (verb.dep_ == "pcomp" and verb.head.lower_ == "without"):
        return None  # "let's say ...", "it goes without saying that ...": nobody is reported
    if _unasserted_infinitive(verb):
        return None
    if verb.tag_ == "VBG" and verb.head.lower_ == "worth":
        return None  # "it is worth noting that ...": the writer's aside, nobody is reported
    if verb.dep_ == "pcomp" and verb.head.lower_ == "for" and lemma not in SPEECH_VERBS:
        return None  # "criticized for promoting quack cures": a reason given, not a claim made
    by_dep: dict[str, Token] = {}
    inner: Token | None = None
    preps: list[Token] = []
    as_put_it = _as_put_it(verb)
    for how, token in args:
        if how == "inner":
            inner = token
        elif as_put_it and token.dep_ == "dobj":
            continue  # the "it" of "as X put it" is part of the cue
        elif token.dep_ == "prep":
            preps.append(token)
        elif token.dep_ not in by_dep or (by_dep[token.dep_].i < verb.i < token.i):
            # several clauses: the one after the verb ("...: Republicans said they're ...")
            by_dep[token.dep_] = token
    subject = _subject(verb)
    content: tuple[int, int] | None = None
    prep_used: Token | None = None
    cue_through: Token | None = None  # the cue runs over the object up to this preposition
    speech = lemma in SPEECH_VERBS or as_put_it
    cue = _cue_span(verb, None)
    quoted = _quote_before(verb, cue, subject, quotes) if speech else None
    if quoted is not None and not ("ccomp" in by_dep and by_dep["ccomp"].idx > cue[1]):
        content = quoted
    elif (
        "ccomp" in by_dep
        and (speech or lemma in BELIEF_VERBS or lemma in EVIDENCE_VERBS)
        and (lemma not in QUOTE_ONLY_VERBS)
    ):
        content = _clause_span(by_dep["ccomp"], doc)
    elif (
        "ccomp" not in by_dep
        and (speech or lemma in BELIEF_VERBS)
        and lemma not in QUOTE_ONLY_VERBS
        and (misparsed := _misattached_complement(verb)) is not None
    ):
        content = _clause_span(misparsed, doc)
    elif "parataxis" in by_dep and speech and by_dep["parataxis"].i > verb.i:
        content = _clause_span(by_dep["parataxis"], doc)
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
            content = _object_content(verb, by_dep["dobj"])
        elif asked and xcomp.i > verb.i:
            content = asked[0].left_edge.idx, _clause_span(xcomp, doc)[1]
        elif xcomp.i > verb.i:
            content = _clause_span(xcomp, doc)
    elif (
        "dobj" in by_dep and by_dep["dobj"].pos_ == "PRON" and (colon := _colon_quote(by_dep["dobj"], quotes))
    ):
        # "McCaskill scolded him: “...”": the quote after the colon is what was said
        content = colon
    elif "dobj" in by_dep and (
        lemma in STANCE_VERBS
        or lemma in EVIDENCE_VERBS
        or (speech and lemma not in _ACT_OBJECT_VERBS)
        or (lemma == "see" and _object_as(by_dep["dobj"], preps))
    ):
        # "criticized the law", "the poll shows a tie", and what was said named by its object:
        # "claimed vast wealth", "has said the same thing", "reported her presence on Twitter"
        obj = by_dep["dobj"]
        if obj.i > verb.i and (selected := _object_then_preposition(verb, obj, lemma, preps)) is not None:
            # "accused Holt of [being a Democrat]", "asked Clinton about [her emails]": the person
            # addressed belongs to the cue, what the preposition introduces is the content
            cue_through = selected
            objects = [c for c in selected.children if c.dep_ in ("pobj", "pcomp")]
            content = objects[0].left_edge.idx, _object_content(verb, selected)[1]
        elif (
            obj.i > verb.i and (selected := _attitude_object_preposition(verb, obj, lemma, preps)) is not None
        ):
            # "have expressed deep concern about [the policy]", "raised questions about [his health]":
            # the attitude noun is part of the cue, what it is about is the content
            cue_through = selected
            objects = [c for c in selected.children if c.dep_ in ("pobj", "pcomp")]
            content = _subtree_chars(objects[0])
        elif obj.i > verb.i and obj.lower_ not in ("what", "which", "so", "that"):
            content = _object_content(verb, obj)
        elif obj.lower_ in ("what", "which", "that") and (complement := _complement_after(verb)) is not None:
            # "what she called [a “rant”]", "which Tim Cook called [“total political crap”]"
            content = _subtree_chars(complement)
    if (
        content is None
        and "dobj" not in by_dep
        and lemma in EVALUATIVE_VERBS
        and not _is_passive(verb)
        and (complements := [c for c in verb.rights if c.dep_ == "oprd"])
    ):
        # "Cruz called Trump a “pathological liar”" parsed with two object complements
        content = _object_content(verb, complements[0])
    if content is None and lemma in VERB_PREPS:
        for prep in preps:
            if prep.lower_ in VERB_PREPS[lemma] and prep.i > verb.i:
                objects = [c for c in prep.children if c.dep_ in ("pobj", "pcomp")]
                if objects:
                    prep_used = prep
                    content = objects[0].left_edge.idx, _object_content(verb, prep)[1]
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
        content = _around(inner, verb)
    if content is None and speech:
        content = _adjacent_quote(doc, verb, quotes, sents)
    if content is None and speech and subject is not None and not by_dep and not subordinate:
        content = _fronted_before_comma(doc, verb, subject, sents)
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
        content = _clause_span(subject, doc)
    if (
        content is None
        and subject is not None
        and subject.dep_ == "nsubjpass"
        and (speech or lemma in EVALUATIVE_VERBS)
        and any(c.dep_ in ("oprd", "attr", "xcomp") and c.i > verb.i for c in verb.children)
    ):
        # "it was labeled “Mostly True”", "Pence was dubbed the winner": the clause from its subject
        content = subject.left_edge.idx, _clause_span(verb, doc)[1]
    if content is None:
        return None
    start, end = _trim(quotes.text, *content)
    if end - start < 2:
        return None
    start, end, kind = _in_quote(doc, start, end, quotes)
    cue = _cue_span(verb, prep_used, start if start > verb.idx else None)
    if cue_through is not None:
        cue = cue[0], cue_through.idx + len(cue_through.text)
    if cue[0] < end and start < cue[1] and not start < cue[0] < cue[1] < end:
        return None
    evidence_only = lemma in EVIDENCE_VERBS and lemma not in SPEECH_VERBS | BELIEF_VERBS | STANCE_VERBS
    if (
        evidence_only
        and subject is not None
        and (
            subject.ent_type_ == "PERSON"
            or (subject.lower_ in _PERSONAL and "ccomp" not in by_dep and "xcomp" not in by_dep)
        )
    ):
        return None  # "they showed a film": people showing things is an act; "they showed that ..." stays
    speaker = _speaker_span(subject) if subject is not None else None
    if speaker is not None and (
        (speaker[0] < end and start < speaker[1] and not start < speaker[0] < speaker[1] < end)
        or quotes.containing(*speaker) is not None
    ):
        speaker = None
    if speaker is None and kind == "direct" and end <= cue[0]:
        # inverted "“...,” said Leslie Wimes, a ..." with the name parsed as an object
        after = [c for c in verb.rights if c.pos_ in ("PROPN", "NOUN", "PRON") and c.i <= verb.i + 6]
        if after:
            speaker = _speaker_span(after[0])
    passive = _is_passive(verb)
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
            start, end = _trim(quotes.text, subject.left_edge.idx, _clause_span(verb, doc)[1])
            agent = [c for c in verb.rights if c.dep_ == "agent"]
            if agent:
                objects = [o for o in agent[0].children if o.dep_ == "pobj"]
                if objects and not _can_speak(objects[0]):
                    return None  # "characterized by mutual distrust": a cause, not a source
                if objects:
                    speaker = _speaker_span(objects[0])
                    start, end = _trim(quotes.text, *_clause_span(subject, doc))
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
        end = _continued_quote(quotes, end, clause_end)
    elif kind == "direct":
        end = _continued_quote(quotes, end, max(cue[1], speaker[1] if speaker else 0))
    priority = 2 if speech else 1
    return _Candidate(
        cue=cue,
        cue_lemma=lemma,
        content=(start, end),
        speaker=speaker,
        kind=kind,
        anchor=verb,
        priority=priority,
    )


def _quote_before(
    verb: Token, cue: tuple[int, int], subject: Token | None, quotes: _QuoteIndex
) -> tuple[int, int] | None:
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
        s_start, s_end = _subtree_chars(subject)
        if gap_start <= s_start and s_end <= gap_end:
            gap = text[gap_start:s_start] + text[s_end:gap_end]
    if "\n" in gap or any(ch.isalnum() for ch in gap):
        return None
    return previous.start, previous.end


def _colon_quote(after: Token, quotes: _QuoteIndex) -> tuple[int, int] | None:
    """A quote introduced by a colon right after `after`."""
    end = after.idx + len(after.text)
    quote = quotes.next_from(end)
    if quote is not None and quotes.text[end : quote.start].strip() == ":":
        return quote.start, quote.end
    return None


def _continued_quote(quotes: _QuoteIndex, end: int, clause_end: int) -> int:
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


def _around(head: Token, verb: Token) -> tuple[int, int]:
    """The clause of `head` without the reporting clause of `verb` at its edge (kept in the middle)."""
    start, end = _clause_span(head, head.doc)
    v_start, v_end = _clause_span(verb, verb.doc)
    if v_start <= start + 2:
        return v_end, end
    if v_end >= end - 2:
        return start, v_start
    return start, end


def _fronted_before_comma(doc: Doc, verb: Token, subject: Token, sents: _Sents) -> tuple[int, int] | None:
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
    first = _token_at_or_after(doc, sent_start)
    if comma - first < 2:
        return None
    return doc[first].idx, doc[comma].idx


def _adjacent_quote(doc: Doc, verb: Token, quotes: _QuoteIndex, sents: _Sents) -> tuple[int, int] | None:
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
            return quote.start, quote.end
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
            return nxt, end
    return None


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


# Sources an "in" phrase cites: "in this poll", and a view when it is someone's ("in his eyes").
IN_SOURCE_NOUNS = _words("poll polls survey surveys study studies")
IN_VIEW_NOUNS = _words("eyes view views opinion estimation")


def _is_in_source(noun: Token) -> bool:
    word = noun.lower_
    return word in IN_SOURCE_NOUNS or (word in IN_VIEW_NOUNS and any(c.dep_ == "poss" for c in noun.children))


def _according_candidates(doc: Doc, found: _Matches, sents: _Sents) -> Iterator[tuple[Token, _Candidate]]:
    for start in found.according:
        according = doc[start]
        if according.lower_ == "in":
            # "In this poll, Trump rose ...", "only Europeans are “safe” in his eyes": the source of
            # what the clause says; not the occasion of a statement ("said in a June report")
            to = according
            objects = [c for c in to.children if c.dep_ == "pobj" and _is_in_source(c)]
            if not objects or according.head.pos_ == "ADP" or _lemma(according.head) in SPEECH_VERBS:
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
        speaker = _span_chars(doc[source_first : source_last + 1])
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
            clause_start, clause_end = _subtree_chars(root)
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
        start, end = _trim(sents.text, *clause)
        if end - start < 2:
            continue
        yield (
            head,
            _Candidate(
                cue=(according.idx, to.idx + len(to.text)),
                cue_lemma="according to" if to is not according else "in",
                content=(start, end),
                speaker=speaker,
                kind="according_to",
                anchor=according,
                priority=1,
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


def _noun_candidates(
    doc: Doc, quotes: _QuoteIndex, found: _Matches
) -> Iterator[tuple[int | None, _Candidate]]:
    for n in found.nouns:
        noun = doc[n]
        clause = _that_clause(noun)
        if clause is None:
            continue
        content = _trim(quotes.text, *_subtree_chars(clause))
        start, end, kind = _in_quote(doc, *content, quotes)
        kind = "indirect" if kind == "indirect" else kind
        cue_first = noun
        speaker: tuple[int, int] | None = None
        carrier: int | None = None
        for child in noun.children:
            if child.dep_ == "poss":
                speaker = _span_chars(child.subtree)
            elif child.dep_ == "compound" and child.ent_type_ and speaker is None:
                run = [t for t in noun.lefts if t.dep_ == "compound" and t.ent_type_]
                speaker = _span_chars(run)
            elif child.dep_ == "prep" and child.lower_ in ("by", "from"):
                objects = [o for o in child.children if o.dep_ == "pobj"]
                if objects:
                    speaker = _span_chars(objects[0].subtree)
        head = noun.head
        own = speaker is not None  # "his claim", "a Times report": a source of its own
        if noun.dep_ in ("dobj", "pobj"):
            verb = head.head if noun.dep_ == "pobj" and head.dep_ == "prep" else head
            own_source = speaker is not None
            if noun.dep_ == "dobj" and not own_source and _lemma(verb) in NOUN_CUE_CARRIERS:
                # "citing concerns that": the verb is part of the cue and its subject the speaker
                cue_first = _raised(verb, _left_deps_start(verb))  # "have expressed concern that"
                carrier = verb.i
            if speaker is None and verb.pos_ in ("VERB", "AUX"):
                subject = _subject(verb)
                if subject is not None:
                    speaker = _speaker_span(subject)
        if speaker is None:
            continue
        cue_start = cue_first.idx if cue_first.i < noun.i else _modified_noun_start(noun).idx
        yield (
            carrier,
            _Candidate(
                cue=(cue_start, noun.idx + len(noun.text)),
                cue_lemma=noun.lemma_.casefold(),
                content=(start, end),
                speaker=speaker,
                kind=kind,
                anchor=noun,
                priority=2 if own else 1,
            ),
        )


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _drop_nested(candidates: list[_Candidate]) -> list[_Candidate]:
    """Drop claims whose cue lies inside the content of another: "Clinton says she hopes ..." is one
    claim of the article, the hope is part of what Clinton said. A speech cue inside a mere stance
    object ("criticized him for saying that ...") stays. Near-linear: contents sorted by start."""
    ordered = sorted(candidates, key=lambda c: c.content[0])
    starts = [c.content[0] for c in ordered]
    longest = max((c.content[1] - c.content[0] for c in ordered), default=0)
    kept: list[_Candidate] = []
    for candidate in candidates:
        cue = candidate.cue
        nested = False
        if cue is not None:
            i = bisect_right(starts, cue[0]) - 1
            while i >= 0 and starts[i] >= cue[0] - longest:
                other = ordered[i]
                i -= 1
                if (
                    other is candidate
                    or (
                        other.priority < candidate.priority
                        and other.kind == "indirect"
                        and other.cue_lemma in _STANCE_ONLY
                    )
                    # "The researchers reported X; the report says Y, according to its website": the
                    # source in a phrase does not stand for the speakers of the clauses it covers
                    or (other.kind == "according_to" and candidate.cue_lemma in SPEECH_VERBS)
                ):
                    continue
                if cue[1] <= other.content[1] and not (other.cue is not None and _overlaps(other.cue, cue)):
                    nested = True
                    break
        if not nested:
            kept.append(candidate)
    return kept


def _standalone_quotes(
    doc: Doc, quotes: _QuoteIndex, claims: list[_Candidate], sentences: SentenceIndex
) -> Iterator[_Candidate]:
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
            _overlaps(inside, c.content) and not (c.cue is not None and quote.start <= c.cue[0] < quote.end)
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
        yield _Candidate(
            cue=None,
            cue_lemma="",
            content=(quote.start, quote.end),
            speaker=previous.speaker,
            kind="direct",
            anchor=None,
            priority=0,
        )


# "WALLACE: ..." / "Pence: ..." at the start of a line (transcripts, interview write-ups)
_SPEAKER_LINE = re.compile(
    r"^[ \t]*[\"“]?(?P<name>[A-Z][\w.'’\-]*(?: [A-Z][\w.'’\-]*){0,3}):[ \t]+(?P<body>\S.*)$", re.M
)
# "“...” ― Sonya Herridge": a quote signed with a dash
_SIGNED_QUOTE = re.compile(
    r"(?P<dash>[―—]|--)[ \t\xa0]*(?P<name>[A-Z][\w.'’\-]*(?: [A-Z][\w.'’\-]*){0,4})[ \t\xa0]*$", re.M
)


# Capitalised words that open a headline before a colon without being a source: function words
# ("The Latest:", "Stealth Over Health:") and the labels of news kickers ("Analysis:", "Exclusive:").
_HEADLINE_NOT_SPEAKERS = _words(
    """
    A An The Of On In At For From To With Over Under After Before And Or But By As Into About Is
    Analysis Exclusive Update Updated Live Breaking Opinion Editorial Review Factbox Explainer
    Watch Video Photos Timeline Commentary Interview Obituary Correction Latest Report Special
    Podcast Quiz Recap Preview Letters Column Sponsored Advertisement Editor Editors Note Fact Check
    """
)


def _headline_speaker(name: str, body: str) -> bool:
    """ "Pence: Flowers won't be at debate", "Poll: ...": a headline opened by a name of up to three
    words and a colon attributes the rest to that name."""
    words = name.split()
    return len(words) <= 3 and not any(w in _HEADLINE_NOT_SPEAKERS for w in words) and len(body.split()) >= 3


def _layout_candidates(doc: Doc, quotes: _QuoteIndex, sents: _Sents) -> Iterator[_Candidate]:
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
        body = _trim(text, *match.span("body"))
        # a transcript line is what was said; a headline's "Pence: Flowers won't be at debate"
        # is reported speech unless it is quoted
        kind: ClaimKind = _in_quote(doc, *body, quotes)[2] if headline else "direct"
        yield _Candidate(
            cue=(end, end + 1),
            cue_lemma=":",
            content=body,
            speaker=(start, end),
            kind="indirect" if kind == "mixed" else kind,
            anchor=None,
            priority=2,
        )
    for match in _SIGNED_QUOTE.finditer(text):
        dash_start, dash_end = match.span("dash")
        quote = quotes.last_before(dash_start)
        if quote is None or text[quote.end : dash_start].strip():
            continue
        yield _Candidate(
            cue=(dash_start, dash_end),
            cue_lemma=text[dash_start:dash_end],
            content=(quote.start, quote.end),
            speaker=match.span("name"),
            kind="direct",
            anchor=None,
            priority=2,
        )


def _time_for(
    candidate: _Candidate, times: list[TimeExpression], time_starts: list[int], sents: _Sents
) -> str | None:
    """A time expression in the cue's clause, outside the content."""
    anchor = candidate.anchor
    if anchor is None:
        return None
    clause_start, clause_end = _subtree_chars(anchor)
    sent_start, sent_end, _ = sents.of(anchor)
    clause_start, clause_end = max(clause_start, sent_start), min(clause_end, sent_end)
    for time in times[bisect_left(time_starts, clause_start) :]:
        if time.start >= clause_end:
            break
        if time.end <= clause_end and not _overlaps((time.start, time.end), candidate.content):
            return time.id
    return None


def extract_claims(
    doc: Doc, actors: ActorIndex, times: list[TimeExpression], sentences: SentenceIndex
) -> list[Claim]:
    """Attributed claims of `doc`, in text order, ids c0, c1, ..."""
    if len(doc) == 0 or not len(sentences):
        return []
    found = _matches(doc)
    text = doc_text(doc)
    quotes = _QuoteIndex(text, find_quotes(text))
    sents = _Sents(doc, text)
    candidates: list[_Candidate] = list(_verb_candidates(doc, quotes, found, sents))
    candidates.extend(_layout_candidates(doc, quotes, sents))
    candidates.extend(_light_verb_candidates(doc, quotes, found))

    # noun cues: "citing concerns that ..." replaces the carrier verb's object reading
    carriers: set[int] = set()
    noun_claims: list[_Candidate] = []
    for carrier, candidate in _noun_candidates(doc, quotes, found):
        if carrier is not None:
            carriers.add(carrier)
        noun_claims.append(candidate)
    candidates = [c for c in candidates if c.anchor is None or c.anchor.i not in carriers] + noun_claims

    # "according to X": the source of the inner speech or belief verb's claim (via: "according to
    # Bloomberg, some investors believe ..."), else a claim of its own; an act or stance inside it
    # ("Trump demeaned women, according to insiders") is X's claim, since nobody reports Trump saying
    # so (it is then nested in X's content and dropped)
    by_anchor: dict[int, _Candidate] = {}
    for c in candidates:
        if c.anchor is not None and c.speaker is not None:
            by_anchor.setdefault(c.anchor.i, c)
    for head, candidate in _according_candidates(doc, found, sents):
        inner = by_anchor.get(head.i)
        if inner is not None and (inner.cue_lemma in SPEECH_VERBS or inner.cue_lemma in BELIEF_VERBS):
            inner.via.append(candidate.speaker or (0, 0))
            continue
        candidates.append(candidate)

    candidates.extend(_standalone_quotes(doc, quotes, candidates, sentences))
    candidates = _drop_nested(candidates)
    candidates = _dedupe(candidates)
    return _to_claims(doc, sents, candidates, actors, times, sentences)


def _dedupe(candidates: list[_Candidate]) -> list[_Candidate]:
    """One claim per content: the speech cue wins over stance readings of the same words."""
    kept: list[_Candidate] = []
    contents: set[tuple[int, int]] = set()
    cues: set[tuple[int, int]] = set()
    for candidate in sorted(candidates, key=lambda c: (-c.priority, c.content[0])):
        if candidate.content in contents or (candidate.cue is not None and candidate.cue in cues):
            continue
        kept.append(candidate)
        contents.add(candidate.content)
        if candidate.cue is not None:
            cues.add(candidate.cue)
    return kept


def _to_claims(
    doc: Doc,
    sents: _Sents,
    candidates: list[_Candidate],
    actors: ActorIndex,
    times: list[TimeExpression],
    sentences: SentenceIndex,
) -> list[Claim]:
    text = sents.text
    ordered = sorted(candidates, key=lambda c: (_claim_start(c), c.content[0]))
    time_starts = [time.start for time in times]  # times come in text order
    claims: list[Claim] = []
    body_start = sentences.sentences[0].start
    for candidate in ordered:
        sentence = sentences.id_at(_claim_start(candidate))
        if sentence is None:
            sentence = sentences.id_at(candidate.content[0])
        if sentence is None and candidate.content[1] > body_start:
            continue  # between sentences; a claim wholly before the body is the headline's (null)
        speaker = None
        if candidate.speaker is not None:
            s, e = candidate.speaker
            actor = resolve_speaker(doc, s, e, actors)
            if actor is None and sentence is None:
                actor = resolve_by_name(text[s:e], actors)  # the headline has no actor mentions
            speaker = Speaker(start=s, end=e, text=text[s:e], actor=actor)
        cue = None
        if candidate.cue is not None:
            s, e = candidate.cue
            cue = Cue(start=s, end=e, text=text[s:e], lemma=candidate.cue_lemma)
        s, e = candidate.content
        via: list[str] = []
        for vs, ve in candidate.via:
            actor = actors.actor_at(vs, ve)
            if actor is not None and actor not in via:
                via.append(actor)
        claims.append(
            Claim(
                id=f"c{len(claims)}",
                speaker=speaker,
                cue=cue,
                content=Content(start=s, end=e, text=text[s:e]),
                kind=candidate.kind,
                via=via,
                sentence=sentence,
                time=_time_for(candidate, times, time_starts, sents),
            )
        )
    return claims


def _claim_start(candidate: _Candidate) -> int:
    """Where the claim starts: its first span, the speaker included only when the claim has its own
    cue (a quote continuing a neighbouring speaker starts at the quote)."""
    starts = [candidate.content[0]]
    if candidate.cue is not None:
        starts.append(candidate.cue[0])
        if candidate.speaker is not None and abs(candidate.speaker[0] - candidate.content[0]) < 400:
            starts.append(candidate.speaker[0])
    return min(starts)
