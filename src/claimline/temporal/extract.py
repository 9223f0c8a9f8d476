"""Extraction: `TimeExtractor` finds the temporal expressions of a Doc, reads each one in text
order against the discourse state, corrects the reading by its context, and builds the
`TimeExpression`s of the output. `extract_times` is the same as a function, over one extractor
per Vocab."""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from functools import partial

from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from claimline.models import TimeExpression, TimeType
from claimline.sentences import SentenceIndex
from claimline.spans import TokenSpan
from claimline.temporal.arithmetic import _UNKNOWN, Point, _quarter_ending
from claimline.temporal.detection import build_matcher, candidate_spans, windows
from claimline.temporal.filters import _indefinite, _is_age_decade, _is_title, _not_a_time, _temporal_word
from claimline.temporal.normalisation import normalise
from claimline.temporal.resolve import Normalised
from claimline.temporal.state import DiscourseState, Mention
from claimline.temporal.tense import _tense
from claimline.temporal.vocabulary import ADJECTIVAL_SETS, DIRECTION, MONTHS, UNITS, Tense

_YEAR_EARLIER = re.compile(r"(?:an?\s+|one\s+)?year[\s-]+(?:earlier|ago)", re.I)
_ONE_DAY = re.compile(r"one day|some day", re.I)
_RELATIVE_FOLLOWERS = frozenset(DIRECTION.relative_followers)
_UNNUMBERED_QUARTER = re.compile(r"(?:the|its|their|that)\s+(?:latest\s+|fiscal\s+)?(?:quarter|period)", re.I)
_THE_DAY = re.compile(r"the\s+day", re.I)
_THE_YEAR = re.compile(r"(?:the|its|their)?\s*(?:fiscal\s+)?year")


@dataclass(frozen=True)
class Found:
    """A candidate span being read, with what the contextual rules look at."""

    doc: Doc
    spans: list[TokenSpan]
    k: int  # index of this span in `spans`
    span: Span  # doc[spans[k]]
    published: date | None
    tense: Tense | None
    reference: Mention | None
    state: DiscourseState

    @property
    def following(self) -> str:
        end = self.spans[self.k].end
        return self.doc[end].lower_ if end < len(self.doc) else ""


# --- contextual rules: a reading corrected by the words around the expression (first match wins)


def _day_after_event(f: Found, result: Normalised) -> Normalised | None:
    """ "the day after the collapse": a day off the event just dated."""
    s = f.span.start
    if not (
        f.following in ("after", "before")
        and _THE_DAY.fullmatch(f.span.text)
        and (s == 0 or f.doc[s - 1].text != ",")  # not "Oct. 12, the day before the vote"
        and f.reference is not None
        and f.reference.point.day is not None
    ):
        return None
    text = "the following day" if f.following == "after" else "the previous day"
    return normalise(text, f.published, f.tense, f.reference.point) or result


def _year_before_months(f: Found, result: Normalised) -> Normalised | None:
    """ "in the first nine months, net rose ... from $X a year earlier": a year before a span of
    months that is not a calendar unit: the year is all TIMEX3 can say."""
    if not (f.state.after_months and _YEAR_EARLIER.fullmatch(f.span.text) and f.published is not None):
        return None
    quarter = f.state.quarter
    year = (quarter.point.year if quarter and quarter.point.year else f.published.year) - 1
    return Normalised("DATE", f"{year:04d}", None, date(year, 1, 1), date(year, 12, 31), Point(year))


def _one_day_ahead(f: Found, result: Normalised) -> Normalised | None:
    """ "the tunnel will one day link...": a vague future time, not a duration of one day."""
    s, e, doc = f.span.start, f.span.end, f.doc
    if (
        result.type == "DURATION"
        and _ONE_DAY.fullmatch(f.span.text)
        and (s == 0 or doc[s - 1].pos_ not in ("ADP", "DET", "NUM", "SCONJ"))
        and f.following not in _RELATIVE_FOLLOWERS
        and (f.tense == "FUTURE" or (e < len(doc) and doc[e].tag_ == "VB"))
    ):
        return Normalised("DATE", "FUTURE_REF")
    return None


def _quarter_ended(f: Found, result: Normalised) -> Normalised | None:
    """ "the quarter ended July 31" with no (fiscal) quarter named before: the calendar quarter that
    holds most of those three months."""
    k, spans, e = f.k, f.spans, f.span.end
    if not (
        f.following in ("ended", "ending")
        and k + 1 < len(spans)
        and spans[k + 1][0] == e + 1
        and _UNNUMBERED_QUARTER.fullmatch(f.span.text)
        and f.state.quarter is None
    ):
        return None
    end = normalise(f.doc[spans[k + 1][0] : spans[k + 1][1]].text, f.published, "PAST")
    q = _quarter_ending(end.point if end is not None else None)
    iv = q.interval() if q is not None else None
    if q is not None and iv is not None:
        return Normalised("DATE", q.value(), None, iv[0], iv[1], q)
    return result


def _year_ended(f: Found, result: Normalised) -> Normalised | None:
    """ "the year ended Sept. 30": the twelve months up to that date."""
    if f.following in ("ended", "ending") and _THE_YEAR.fullmatch(f.span.text.lower()):
        return Normalised("DURATION", "P1Y")
    return None


ContextRule = Callable[[Found, Normalised], "Normalised | None"]
CONTEXT_RULES: list[tuple[str, ContextRule]] = [
    ("day_after_event", _day_after_event),
    ("year_before_months", _year_before_months),
    ("one_day_ahead", _one_day_ahead),
    ("quarter_ended", _quarter_ended),
    ("year_ended", _year_ended),
]


def _read(f: Found) -> Normalised | None:
    """The reading of a candidate span, corrected by its context; None if it is no time."""
    span, published, tense = f.span, f.published, f.tense
    anchor = f.reference.point if f.reference else None
    result = normalise(span.text, published, tense, anchor)
    if result is None and any(t.pos_ == "ADJ" and not _temporal_word(t.lower_) for t in span):
        # "a tumultuous week": read it without its descriptive adjectives
        plain = " ".join(t.text for t in span if t.pos_ != "ADJ" or _temporal_word(t.lower_))
        result = normalise(plain, published, tense, anchor)
    if result is None:
        if not any(ent.start <= span.start < ent.end for ent in _date_entities(f.doc)) or not any(
            _temporal_word(t.lower_) for t in span
        ):
            return None
        typ: TimeType = "TIME" if re.search(r"\d:\d|a\.m|p\.m", span.text) else "DATE"
        return Normalised(typ, _UNKNOWN["Y"], rule="unread_entity")
    if result.type == "SET" and len(span) == 1 and span[0].lower_ in ADJECTIVAL_SETS:
        # "quarterly dividend", "annual sales": a modifier, not a TimeML SET
        if span[0].tag_ == "JJ" and span[0].dep_ == "amod" and span[0].lower_ != "daily":
            return None
        return result
    for name, rule in CONTEXT_RULES:
        corrected = rule(f, result)
        if corrected is not None:
            return corrected if corrected is result else replace(corrected, rule=f"{name}>{corrected.rule}")
    return result


def _date_entities(doc: Doc) -> list[Span]:
    return [ent for ent in doc.ents if ent.label_ in ("DATE", "TIME")]


def _elided_day(doc: Doc, end: int, limit: int, point: Point | None) -> tuple[Token, Point] | None:
    """The bare day number of "April 24 and 25" / "March 3 to 5" right after a day date."""
    if point is None or point.day is None or point.month is None or point.hour is not None or point.pod:
        return None
    if end + 1 >= min(limit, len(doc)) or doc[end].lower_ not in (
        "and",
        "or",
        "to",
        "through",
        "-",
        "\u2013",
    ):
        return None
    tok = doc[end + 1]
    if not re.fullmatch(r"\d{1,2}", tok.text) or not point.day < int(tok.text) <= 31:
        return None
    after = doc[end + 2] if end + 2 < len(doc) else None
    if after is not None and (after.like_num or after.lower_.rstrip(".") in MONTHS or after.lower_ in UNITS):
        return None
    if int(tok.text) > calendar.monthrange(point.year or 2000, point.month)[1]:
        return None
    return tok, replace(point, day=int(tok.text))


def _expression(
    tid: str, span: Span, result: Normalised, reference: Mention | None, sentences: SentenceIndex
) -> TimeExpression:
    text, end_char = span.text, span.end_char
    if text.endswith(".") and len(text) > 1 and text[-2].isdigit():
        # "on March 3." at a sentence end: the tokenizer keeps the full stop on the number
        end_char -= 1
        text = text[:-1]
    return TimeExpression(
        id=tid,
        start=span.start_char,
        end=end_char,
        text=text,
        type=result.type,
        value=result.value,
        mod=result.mod,
        earliest=result.earliest,
        latest=result.latest,
        sentence=sentences.id_at(span.start_char),
        anchor=reference.id if result.anchored and reference else None,
    )


def _elided_expression(
    tid: str, anchor: str, token: Token, point: Point, sentences: SentenceIndex
) -> TimeExpression:
    iv = point.interval()
    return TimeExpression(
        id=tid,
        start=token.idx,
        end=token.idx + len(token.text),
        text=token.text,
        type="DATE",
        value=point.value(),
        mod=None,
        earliest=iv[0] if iv else None,
        latest=iv[1] if iv else None,
        sentence=sentences.id_at(token.idx),
        anchor=anchor,
    )


class TimeExtractor:
    """The temporal stage for one spaCy Vocab: its Matcher and word classes are built once."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab
        self.matcher: Matcher = build_matcher(vocab)
        self.word_classes: dict[int, int] = {}  # detection word classes by orth id

    def windows(self, doc: Doc) -> list[TokenSpan]:
        return windows(doc, self.word_classes)

    def spans(self, doc: Doc) -> list[TokenSpan]:
        return candidate_spans(doc, self.matcher, self.word_classes)

    def __call__(self, doc: Doc, published: date | None, sentences: SentenceIndex) -> list[TimeExpression]:
        """Temporal expressions of `doc` in text order (ids t0, t1, ...)."""
        return [time for time, _ in self.with_rules(doc, published, sentences)]

    def with_rules(
        self, doc: Doc, published: date | None, sentences: SentenceIndex
    ) -> list[tuple[TimeExpression, str]]:
        """The expressions, each with the name of the rules that read its value (for debugging)."""
        found: list[tuple[TimeExpression, str]] = []
        state = DiscourseState()
        spans = self.spans(doc)
        for k, (s, e) in enumerate(spans):
            if _is_title(doc, s, e) or _is_age_decade(doc, s, e) or _not_a_time(doc, s, e):
                continue
            span = doc[s:e]
            reference = state.reference_for(span.text)
            f = Found(doc, spans, k, span, published, _tense(doc, span), reference, state)
            result = _read(f)
            if result is None:
                continue
            tid = f"t{len(found)}"
            found.append((_expression(tid, span, result, reference, sentences), result.rule))
            limit = spans[k + 1][0] if k + 1 < len(spans) else len(doc)
            elided = _elided_day(doc, e, limit, result.point)
            if elided is not None:
                # "April 24 and 25": the second day shares the month and year of the first
                token, point = elided
                found.append(
                    (_elided_expression(f"t{len(found)}", tid, token, point, sentences), "elided_day")
                )
            state.update(result, tid, span.text, partial(_indefinite, doc, span))
        return found


_EXTRACTORS: dict[int, TimeExtractor] = {}


def extractor_for(vocab: Vocab) -> TimeExtractor:
    """The `TimeExtractor` of `vocab`, built on first use."""
    cached = _EXTRACTORS.get(id(vocab))
    if cached is None or cached.vocab is not vocab:
        cached = _EXTRACTORS[id(vocab)] = TimeExtractor(vocab)
    return cached


def extract_times(doc: Doc, published: date | None, sentences: SentenceIndex) -> list[TimeExpression]:
    """Temporal expressions of `doc` in text order (ids t0, t1, ...)."""
    return extractor_for(doc.vocab)(doc, published, sentences)
