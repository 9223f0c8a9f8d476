"""detection (moved from temporal.py)."""

from __future__ import annotations

import re
from bisect import bisect_left

from spacy.attrs import ORTH
from spacy.matcher import Matcher
from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

from claimline.temporal.extent import _accept, _adjust, _split, _understood
from claimline.temporal.normalise import normalise
from claimline.temporal.vocabulary import MONTHS, PARTS_OF_DAY, SEASONS, UNITS, WEEKDAYS

_LEXICAL = [
    "now",
    "currently",
    "recently",
    "today",
    "yesterday",
    "tomorrow",
    "tonight",
    "overnight",
    "daily",
    "weekly",
    "annually",
    "hourly",
    "nowadays",
    "presently",
]

_DETECTOR: dict[int, tuple[Vocab, Matcher]] = {}
# The token regexes of the Matcher's patterns ("Q3", "H1", "FY2024").
_QUARTER_TOKEN = r"^(?:Q[1-4]|H[12])$"
_FISCAL_YEAR_TOKEN = r"^FY-?(?:\d\d|\d{4})$"
_PATTERN_TOKEN_REGEXES = (re.compile(_QUARTER_TOKEN), re.compile(_FISCAL_YEAR_TOKEN))


def _matcher(vocab: Vocab) -> Matcher:
    cached = _DETECTOR.get(id(vocab))
    if cached is not None and cached[0] is vocab:
        return cached[1]
    matcher = Matcher(vocab)
    unit = {"LOWER": {"IN": [u for u in UNITS if u not in ("min", "mins", "hr", "hrs")]}}
    number = {"LIKE_NUM": True}
    month = {
        "LOWER": {
            "IN": [m for m in MONTHS if len(m) > 3]
            + ["jan.", "feb.", "aug.", "sept.", "sep.", "oct.", "nov.", "dec."]
        }
    }
    weekday = {"LOWER": {"IN": [w for w in WEEKDAYS if len(w) > 4]}}
    season = {"LOWER": {"IN": list(SEASONS)}}
    rel = {
        "LOWER": {"IN": ["this", "last", "next", "early", "late", "mid", "mid-", "that", "past", "coming"]}
    }
    matcher.add("LEX", [[{"LOWER": {"IN": _LEXICAL}}]])
    matcher.add("CURRENT", [[{"LOWER": "current", "POS": "ADJ"}]])
    matcher.add(
        "REF",
        [
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
        ],
    )
    matcher.add(
        "DURATION",
        [
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
        ],
    )
    matcher.add(
        "CALENDAR",
        [
            [rel, season],
            [season, {"LIKE_NUM": True, "LENGTH": 4}],
            [{"TEXT": {"REGEX": _QUARTER_TOKEN}}, {"LIKE_NUM": True, "LENGTH": 4, "OP": "?"}],
            [{"TEXT": {"REGEX": _FISCAL_YEAR_TOKEN}}],
            [
                {"LOWER": {"IN": ["last", "this", "next"]}, "OP": "?"},
                {"LOWER": {"IN": ["christmas", "thanksgiving", "easter", "halloween"]}},
                {"LOWER": {"IN": ["day", "eve", "sunday", "week", "weekend"]}, "OP": "?"},
            ],
            [
                {"LOWER": {"IN": ["new", "election", "independence", "labor", "memorial"]}},
                {"LOWER": "year", "OP": "?"},
                {"LOWER": {"IN": ["'s", "day"]}},
                {"LOWER": {"IN": ["day", "eve"]}, "OP": "?"},
            ],
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
            [{"LIKE_NUM": True}, month],
            [{"LOWER": {"IN": ["every", "each"]}}, {"LOWER": {"IN": list(UNITS) + list(WEEKDAYS)}}],
            [
                {"LOWER": {"IN": ["first", "second", "third", "fourth"]}},
                {"ORTH": "-", "OP": "?"},
                {"LOWER": "quarter"},
            ],
            [{"LOWER": {"IN": ["morning", "afternoon", "evening", "night"]}}],
        ],
    )
    _DETECTOR[id(vocab)] = (vocab, matcher)
    return matcher


_PERIOD_TOKEN = re.compile(r"Q[1-4]|H[12]|FY-?\d{2,4}")
_EXTRA_TRIGGERS = (
    "current recent future past present now term period quarter these each every years decades centuries "
    "christmas thanksgiving easter halloween new election independence labor memorial"
).split()
_TRIGGERS = frozenset(
    [
        *UNITS,
        *MONTHS,
        *(f"{m}." for m in MONTHS),
        *WEEKDAYS,
        *SEASONS,
        *PARTS_OF_DAY,
        *_LEXICAL,
        *_EXTRA_TRIGGERS,
    ]
)


# What a word is for the Matcher windows (bit flags), by orth id, per Vocab: the tests read only
# lexical attributes, so they run once per distinct word instead of once per token.
_TRIGGER = 1  # a window is opened around it
_ANCHOR = 2  # a word of the kind every Matcher pattern needs one of (see `_windows`)
_WORD_CLASSES: dict[int, tuple[Vocab, dict[int, int]]] = {}


def _word_class(token: Token) -> int:
    word, text = token.lower_, token.text
    trigger = word in _TRIGGERS or token.like_num or _PERIOD_TOKEN.fullmatch(text)
    anchor = word in _TRIGGERS or any(regex.search(text) for regex in _PATTERN_TOKEN_REGEXES)
    return (_TRIGGER if trigger else 0) | (_ANCHOR if anchor else 0)


def _windows(doc: Doc) -> list[tuple[int, int]]:
    """Token windows around words that can start or anchor a rule (the Matcher runs only there).

    Every pattern of `_matcher` has a required token that is a trigger word (LOWER in `_TRIGGERS`)
    or matches one of `_PATTERN_TOKEN_REGEXES` (a test checks this), so in a window without such a
    word nothing can match: those windows (mostly around bare numbers, "30 people") are left out.
    """
    cached = _WORD_CLASSES.get(id(doc.vocab))
    if cached is None or cached[0] is not doc.vocab:
        cached = _WORD_CLASSES[id(doc.vocab)] = (doc.vocab, {})
    classes = cached[1]
    windows: list[tuple[int, int]] = []
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
            if windows and a <= windows[-1][1]:
                windows[-1] = (windows[-1][0], b)
            else:
                windows.append((a, b))
    # keep the windows holding an anchor: the first anchor at or after a window's start is before its end
    return [(a, b) for a, b in windows if (k := bisect_left(anchors, a)) < len(anchors) and anchors[k] < b]


def _spans(doc: Doc) -> list[tuple[int, int]]:
    """Candidate token spans (start, end), merged and with TimeML extents."""
    cands: list[tuple[int, int]] = []
    for ent in doc.ents:
        if ent.label_ in ("DATE", "TIME"):
            cands.append((ent.start, ent.end))
    covered = {i for s, e in cands for i in range(s, e)}
    matcher = _matcher(doc.vocab)
    matches: list[tuple[int, int, int]] = []
    for a, b in _windows(doc):
        matches.extend((key, a + ms, a + me) for key, ms, me in matcher(doc[a:b]))
    extra: list[tuple[int, int]] = []
    for _, s, e in matches:
        if any(i in covered for i in range(s, e)):
            continue
        extra.append((s, e))
    # keep the longest of overlapping matcher spans
    extra.sort(key=lambda se: (se[0], -(se[1] - se[0])))
    last_end = -1
    for s, e in extra:
        if s >= last_end:
            cands.append((s, e))
            last_end = e
    cands.sort()
    # merge adjacent candidates ("friday" + "morning", "10 a.m." + "tuesday")
    merged: list[tuple[int, int]] = []
    for s, e in cands:
        if merged:
            ps, pe = merged[-1]
            gap = doc[pe:s]
            if s < pe or (
                len(gap) <= 1
                and (len(gap) == 0 or gap[0].text == "," or gap[0].lower_ in ("before", "after"))
                and normalise(doc[ps:e].text, None) is not None
            ):
                merged[-1] = (ps, max(pe, e))
                continue
        merged.append((s, e))
    out: list[tuple[int, int]] = []
    for s, e in merged:
        for ps, pe in _split(doc, s, e):
            span = _adjust(doc, ps, pe)
            if span is not None:
                span = _understood(doc, *span)
            if span is not None and _accept(doc[span[0] : span[1]].text):
                out.append(span)
    # extents grown to the left may now cover another candidate: keep the longest of overlapping spans
    out.sort(key=lambda se: (se[0], -(se[1] - se[0])))
    kept: list[tuple[int, int]] = []
    taken: set[int] = set()  # token indices already covered: linear, not pairwise, in long documents
    for span in sorted(out, key=lambda se: -(se[1] - se[0])):
        if not any(i in taken for i in range(span[0], span[1])):
            kept.append(span)
            taken.update(range(span[0], span[1]))
    return sorted(kept)
