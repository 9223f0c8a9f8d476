"""Detection: candidate token spans of temporal expressions in a Doc.

spaCy's DATE/TIME entities, plus what a `Matcher` finds in windows around trigger words (temporal
adverbs, durations, seasons, quarters, holidays, weekdays, month dates...), merged, split at range
connectors and given TimeML extents (`extent`). The Matcher's word lists come from the language
data (`vocabulary`), so a month abbreviation or a holiday added there is detected too.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import Any

from spacy.attrs import ORTH
from spacy.matcher import Matcher
from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

from claimline.spans import TokenSpan
from claimline.temporal.extent import _accept, _adjust, _split, _understood
from claimline.temporal.normalisation import normalise
from claimline.temporal.vocabulary import (
    _CALENDAR,
    HOLIDAY_NAMES,
    LEXICAL,
    MONTHS,
    PARTS_OF_DAY,
    SEASONS,
    UNIT_WORDS,
    UNITS,
    WEEKDAYS,
)

Pattern = list[dict[str, Any]]

# The token regexes of the Matcher's patterns ("Q3", "H1", "FY2024").
_QUARTER_TOKEN = r"^(?:Q[1-4]|H[12])$"
_FISCAL_YEAR_TOKEN = r"^FY-?(?:\d\d|\d{4})$"
_PATTERN_TOKEN_REGEXES = (re.compile(_QUARTER_TOKEN), re.compile(_FISCAL_YEAR_TOKEN))


def _phrase_tokens(name: str) -> list[str]:
    """A phrase of the data as spaCy tokenises it: "new year's eve" -> new, year, 's, eve."""
    tokens: list[str] = []
    for word in name.split():
        if word.endswith("'s") and len(word) > 2:
            tokens += [word[:-2], "'s"]
        else:
            tokens.append(word)
    return tokens


def _holiday_patterns() -> list[Pattern]:
    """ "Christmas", "Election Day", "the Easter weekend": every name of every holiday.

    One pattern per name length, each position taking the words that names of that length have
    there (few patterns keep the Matcher fast; a mixed-up name such as "labor eve" is matched but
    not normalised, so it is dropped). "last/this/next" before a name join it as extent modifiers.
    """
    by_length: dict[int, list[list[str]]] = {}
    for name in HOLIDAY_NAMES:
        tokens = _phrase_tokens(name)
        by_length.setdefault(len(tokens), []).append(tokens)
    return [
        [
            *({"LOWER": {"IN": sorted({tokens[i] for tokens in names})}} for i in range(length)),
            {"LOWER": {"IN": ["week", "weekend"]}, "OP": "?"},
        ]
        for length, names in sorted(by_length.items())
    ]


# month words the detector takes: a three-letter word alone ("may", "jan", "mar") is too often
# something else, so only longer words, and every abbreviation with its full stop ("jan.")
_MONTH_WORDS = [m for m in MONTHS if len(m) > 3] + [
    f"{a}." for month in _CALENDAR.months for a in month.abbreviations
]
_ABBREVIATIONS = [a for month in _CALENDAR.months for a in month.abbreviations]
# weekday words the detector takes by themselves: the full names (and "thurs")
_WEEKDAY_WORDS = [w for w in WEEKDAYS if len(w) > 4]


_UNIT: dict[str, Any] = {"LOWER": {"IN": UNIT_WORDS}}
_NUMBER: dict[str, Any] = {"LIKE_NUM": True}


def _reference_patterns() -> list[Pattern]:
    """ "the future", "recent years", "these days", "the long term"."""
    return [
        [
            {"LOWER": {"IN": ["the", "in"]}, "OP": "?"},
            {"LOWER": {"IN": ["future", "past", "present"]}, "POS": "NOUN"},
        ],
        [{"LOWER": "the"}, {"LOWER": {"IN": ["near", "distant", "foreseeable"]}}, {"LOWER": "future"}],
        [
            {"LOWER": "recent"},
            {"LOWER": {"IN": ["years", "months", "weeks", "days", "decades", "times", "quarters"]}},
        ],
        [{"LOWER": "recent", "POS": "ADJ"}],
        [{"LOWER": "these"}, {"LOWER": "days"}],
        [{"LOWER": "right"}, {"LOWER": "now"}],
        [{"LOWER": "the"}, {"LOWER": {"IN": ["near", "short", "long"]}}, {"LOWER": "term"}],
        [
            {"LOWER": "coming"},
            {"LOWER": {"IN": ["years", "months", "weeks", "days", "decades", "quarters"]}},
        ],
    ]


def _duration_patterns() -> list[Pattern]:
    """ "two years", "a 10-year", "a few months", "several weeks", "decades"."""
    number, unit = _NUMBER, _UNIT
    return [
        [number, {"ORTH": "-", "OP": "?"}, unit],
        [number, {"ORTH": {"IN": ["1/2", "½"]}}, unit],
        [
            number,
            {"LOWER": {"IN": ["more", "additional", "further", "straight", "consecutive", "full"]}},
            unit,
        ],
        [
            {"LOWER": {"IN": ["a", "an"]}},
            {"LOWER": {"IN": ["few", "couple"]}, "OP": "?"},
            {"LOWER": "of", "OP": "?"},
            unit,
        ],
        [{"LOWER": {"IN": ["several", "few", "many"]}}, unit],
        [{"LOWER": {"IN": ["years", "decades", "months", "weeks", "centuries"]}}],
    ]


def build_matcher(vocab: Vocab) -> Matcher:
    """The detector's Matcher: every pattern needs a trigger word (see `windows`)."""
    matcher = Matcher(vocab)
    month = {"LOWER": {"IN": _MONTH_WORDS}}
    weekday = {"LOWER": {"IN": _WEEKDAY_WORDS}}
    season = {"LOWER": {"IN": list(SEASONS)}}
    rel = {
        "LOWER": {"IN": ["this", "last", "next", "early", "late", "mid", "mid-", "that", "past", "coming"]}
    }
    matcher.add("LEX", [[{"LOWER": {"IN": LEXICAL}}]])
    matcher.add("CURRENT", [[{"LOWER": "current", "POS": "ADJ"}]])
    matcher.add("REF", _reference_patterns())
    matcher.add("DURATION", _duration_patterns())
    matcher.add(
        "CALENDAR",
        [
            [rel, season],
            [season, {"LIKE_NUM": True, "LENGTH": 4}],
            [{"TEXT": {"REGEX": _QUARTER_TOKEN}}, {"LIKE_NUM": True, "LENGTH": 4, "OP": "?"}],
            [{"TEXT": {"REGEX": _FISCAL_YEAR_TOKEN}}],
            [
                {"LOWER": "the"},
                {
                    "LOWER": {
                        "IN": ["latest", "year-ago", "year-earlier", "comparable", "corresponding", "same"]
                    }
                },
                {"LOWER": {"IN": ["year", "-", "ago", "earlier"]}, "OP": "*"},
                {"LOWER": {"IN": ["period", "quarter"]}},
            ],
            [weekday],
            [month, {"LIKE_NUM": True}],
            # an abbreviation whose full stop the tokenizer split off ("Octo . 12")
            [{"LOWER": {"IN": _ABBREVIATIONS}}, {"ORTH": "."}, {"LIKE_NUM": True}],
            [{"LIKE_NUM": True}, month],
            [{"LOWER": {"IN": ["every", "each"]}}, {"LOWER": {"IN": list(UNITS) + list(WEEKDAYS)}}],
            [
                {"LOWER": {"IN": ["first", "second", "third", "fourth"]}},
                {"ORTH": "-", "OP": "?"},
                {"LOWER": "quarter"},
            ],
            [{"LOWER": {"IN": list(_CALENDAR.parts_of_day)}}],
        ],
    )
    matcher.add("HOLIDAY", _holiday_patterns())
    return matcher


_PERIOD_TOKEN = re.compile(r"Q[1-4]|H[12]|FY-?\d{2,4}")
# the words of the Matcher's patterns that are not in the vocabulary tables below
_EXTRA_TRIGGERS = (
    "current recent future past present now term period quarter these each every years decades centuries"
).split()
_TRIGGERS = frozenset(
    [
        *UNITS,
        *MONTHS,
        *(f"{m}." for m in MONTHS),
        *WEEKDAYS,
        *SEASONS,
        *PARTS_OF_DAY,
        *LEXICAL,
        *_EXTRA_TRIGGERS,
        *(_phrase_tokens(name)[0] for name in HOLIDAY_NAMES),
    ]
)


# What a word is for the Matcher windows (bit flags), by orth id, kept by the extractor per Vocab:
# the tests read only lexical attributes, so they run once per distinct word instead of per token.
_TRIGGER = 1  # a window is opened around it
_ANCHOR = 2  # a word of the kind every Matcher pattern needs one of (see `windows`)


def _word_class(token: Token) -> int:
    word, text = token.lower_, token.text
    trigger = word in _TRIGGERS or token.like_num or _PERIOD_TOKEN.fullmatch(text)
    anchor = word in _TRIGGERS or any(regex.search(text) for regex in _PATTERN_TOKEN_REGEXES)
    return (_TRIGGER if trigger else 0) | (_ANCHOR if anchor else 0)


def windows(doc: Doc, classes: dict[int, int]) -> list[TokenSpan]:
    """Token windows around words that can start or anchor a rule (the Matcher runs only there).

    Every pattern of `build_matcher` has a required token that is a trigger word (LOWER in
    `_TRIGGERS`) or matches one of `_PATTERN_TOKEN_REGEXES` (a test checks this), so in a window
    without such a word nothing can match: those windows (mostly around bare numbers, "30 people")
    are left out. `classes` caches `_word_class` by orth id.
    """
    found: list[TokenSpan] = []
    anchors: list[int] = []
    n = len(doc)
    # orth ids from one array read: a Token object is built only for a word not seen before
    for i, orth in enumerate(doc.to_array(ORTH).tolist()):
        kind = classes.get(orth)
        if kind is None:
            kind = classes[orth] = _word_class(doc[i])
        if kind & _ANCHOR:
            anchors.append(i)
        if kind & _TRIGGER:
            a, b = max(0, i - 4), min(n, i + 5)
            if found and a <= found[-1][1]:
                found[-1] = TokenSpan(found[-1][0], b)
            else:
                found.append(TokenSpan(a, b))
    # keep the windows holding an anchor: the first anchor at or after a window's start is before its end
    return [w for w in found if (k := bisect_left(anchors, w.start)) < len(anchors) and anchors[k] < w.end]


def _candidates(doc: Doc, matcher: Matcher, classes: dict[int, int]) -> list[TokenSpan]:
    """DATE/TIME entities, and the longest of overlapping Matcher spans outside them, in order."""
    cands = [TokenSpan(ent.start, ent.end) for ent in doc.ents if ent.label_ in ("DATE", "TIME")]
    covered = {i for s, e in cands for i in range(s, e)}
    matches: list[tuple[int, int, int]] = []
    for a, b in windows(doc, classes):
        matches.extend((key, a + ms, a + me) for key, ms, me in matcher(doc[a:b]))
    extra: list[TokenSpan] = []
    for _, s, e in matches:
        if any(i in covered for i in range(s, e)):
            continue
        extra.append(TokenSpan(s, e))
    # keep the longest of overlapping matcher spans
    extra.sort(key=lambda se: (se[0], -(se[1] - se[0])))
    last_end = -1
    for s, e in extra:
        if s >= last_end:
            cands.append(TokenSpan(s, e))
            last_end = e
    return sorted(cands)


def _merged(doc: Doc, cands: list[TokenSpan]) -> list[TokenSpan]:
    """Adjacent candidates merged where they read as one ("friday" + "morning", "10 a.m." + "tuesday")."""
    merged: list[TokenSpan] = []
    for s, e in cands:
        if merged:
            ps, pe = merged[-1]
            gap = doc[pe:s]
            if s < pe or (
                len(gap) <= 1
                and (len(gap) == 0 or gap[0].text == "," or gap[0].lower_ in ("before", "after"))
                and normalise(doc[ps:e].text, None) is not None
            ):
                merged[-1] = TokenSpan(ps, max(pe, e))
                continue
        merged.append(TokenSpan(s, e))
    return merged


def candidate_spans(doc: Doc, matcher: Matcher, classes: dict[int, int]) -> list[TokenSpan]:
    """Candidate token spans, merged, split at range connectors and with TimeML extents."""
    out: list[TokenSpan] = []
    for s, e in _merged(doc, _candidates(doc, matcher, classes)):
        for ps, pe in _split(doc, s, e):
            span = _adjust(doc, ps, pe)
            if span is not None:
                span = _understood(doc, *span)
            if span is not None and _accept(doc[span[0] : span[1]].text):
                out.append(TokenSpan(*span))
    # extents grown to the left may now cover another candidate: keep the longest of overlapping spans
    out.sort(key=lambda se: (se[0], -(se[1] - se[0])))
    kept: list[TokenSpan] = []
    taken: set[int] = set()  # token indices already covered: linear, not pairwise, in long documents
    for span in sorted(out, key=lambda se: -(se[1] - se[0])):
        if not any(i in taken for i in range(span[0], span[1])):
            kept.append(span)
            taken.update(range(span[0], span[1]))
    return sorted(kept)
