"""extract (moved from temporal.py)."""

from __future__ import annotations

import calendar
import re
from dataclasses import replace
from datetime import date

from spacy.tokens import Doc, Token

from claimline.models import TimeExpression, TimeType
from claimline.sentences import SentenceIndex
from claimline.temporal.arithmetic import _UNKNOWN, Point, _quarter_ending
from claimline.temporal.detection import _spans
from claimline.temporal.filters import _indefinite, _is_age_decade, _is_title, _not_a_time, _temporal_word
from claimline.temporal.normalise import normalise
from claimline.temporal.resolve import Normalised
from claimline.temporal.tense import _tense
from claimline.temporal.vocabulary import MONTHS, UNITS

_QUARTER_TALK = re.compile(
    r"\b(?:quarter|period)\b|year[\s-](?:ago|earlier)|\ba year (?:ago|earlier)|last year's", re.I
)
_DAY_TALK = re.compile(r"\b(?:days?|morning|afternoon|evening|night|hours?)\b", re.I)
_ADJECTIVAL_SET = {"quarterly", "annual", "annually", "yearly", "monthly", "weekly", "daily", "nightly"}


_THAT_YEAR = re.compile(r"(?:that|the same|the following|the next|the previous|the prior)\s+year", re.I)
_YEAR_EARLIER = re.compile(r"(?:an?\s+|one\s+)?year[\s-]+(?:earlier|ago)", re.I)
_MONTHS_SPAN = re.compile(
    r"(?:the\s+)?(?:first\s+|latest\s+|past\s+|last\s+)?(?:two|three|four|five|six|seven|eight|nine|ten|"
    r"eleven|\d{1,2})\s+months",
    re.I,
)
_ONE_DAY = re.compile(r"one day|some day", re.I)
_RELATIVE_FOLLOWERS = {
    "after",
    "before",
    "later",
    "earlier",
    "ago",
    "of",
    "and",
    "or",
    "to",
    "from",
    "in",
    "off",
}
_UNNUMBERED_QUARTER = re.compile(r"(?:the|its|their|that)\s+(?:latest\s+|fiscal\s+)?(?:quarter|period)", re.I)


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


def extract_times(doc: Doc, published: date | None, sentences: SentenceIndex) -> list[TimeExpression]:
    """Temporal expressions of `doc` in text order (ids t0, t1, ...)."""
    times: list[TimeExpression] = []
    last: tuple[Point, str] | None = None  # previous resolved date, for relative expressions
    last_quarter: tuple[Point, str] | None = None  # quarter under discussion (earnings reports)
    last_day: tuple[Point, str] | None = None  # previous day-level date, for "two days later"
    after_months = False  # the previous expression was a span of months ("the first nine months")
    last_year: tuple[Point, str] | None = None  # previous date of any granularity, for "that year"
    entity_tokens = {
        i for ent in doc.ents if ent.label_ in ("DATE", "TIME") for i in range(ent.start, ent.end)
    }
    spans = _spans(doc)
    for k, (s, e) in enumerate(spans):
        span = doc[s:e]
        text = span.text
        if _is_title(doc, s, e) or _is_age_decade(doc, s, e) or _not_a_time(doc, s, e):
            continue
        reference = last
        if last_quarter is not None and _QUARTER_TALK.search(text):
            reference = last_quarter
        elif _DAY_TALK.search(text) and (last is None or last[0].granularity not in "DT"):
            reference = last_day  # a day offset counts from a day, not from "January"
        elif last_year is not None and _THAT_YEAR.fullmatch(text):
            reference = last_year  # "in 1988, ... that year": the year just named
        tense = _tense(doc, span)
        result = normalise(text, published, tense, reference[0] if reference else None)
        following = doc[e].lower_ if e < len(doc) else ""
        if result is None and any(t.pos_ == "ADJ" and not _temporal_word(t.lower_) for t in span):
            # "a tumultuous week": read it without its descriptive adjectives
            plain = " ".join(t.text for t in span if t.pos_ != "ADJ" or _temporal_word(t.lower_))
            result = normalise(plain, published, tense, reference[0] if reference else None)
        if result is None:
            if s not in entity_tokens or not any(_temporal_word(t.lower_) for t in span):
                continue
            typ: TimeType = "TIME" if re.search(r"\d:\d|a\.m|p\.m", text) else "DATE"
            result = Normalised(typ, _UNKNOWN["Y"])
        elif result.type == "SET" and e - s == 1 and span[0].lower_ in _ADJECTIVAL_SET:
            # "quarterly dividend", "annual sales": a modifier, not a TimeML SET
            if span[0].tag_ == "JJ" and span[0].dep_ == "amod" and span[0].lower_ != "daily":
                continue
        elif (
            following in ("after", "before")
            and re.fullmatch(r"the\s+day", text, re.I)
            and (s == 0 or doc[s - 1].text != ",")  # not "Oct. 12, the day before the vote"
            and reference is not None
            and reference[0].day is not None
        ):
            # "the day after the collapse": a day off the event just dated
            result = (
                normalise(
                    "the following day" if following == "after" else "the previous day",
                    published,
                    tense,
                    reference[0],
                )
                or result
            )
        elif after_months and _YEAR_EARLIER.fullmatch(text) and published is not None:
            # "in the first nine months, net rose ... from $X a year earlier": a year before a span
            # of months that is not a calendar unit: the year is all TIMEX3 can say
            year = (last_quarter[0].year if last_quarter and last_quarter[0].year else published.year) - 1
            result = Normalised(
                "DATE", f"{year:04d}", None, date(year, 1, 1), date(year, 12, 31), Point(year)
            )
        elif (
            result.type == "DURATION"
            and _ONE_DAY.fullmatch(text)
            and (s == 0 or doc[s - 1].pos_ not in ("ADP", "DET", "NUM", "SCONJ"))
            and following not in _RELATIVE_FOLLOWERS
            and (tense == "FUTURE" or (e < len(doc) and doc[e].tag_ == "VB"))
        ):
            # "the tunnel will one day link...": a vague future time, not a duration of one day
            result = Normalised("DATE", "FUTURE_REF")
        elif (
            following in ("ended", "ending")
            and k + 1 < len(spans)
            and spans[k + 1][0] == e + 1
            and _UNNUMBERED_QUARTER.fullmatch(text)
            and last_quarter is None
        ):
            # "the quarter ended July 31" with no (fiscal) quarter named before: the calendar quarter
            # that holds most of those three months
            end = normalise(doc[spans[k + 1][0] : spans[k + 1][1]].text, published, "PAST")
            q = _quarter_ending(end.point if end is not None else None)
            iv = q.interval() if q is not None else None
            if q is not None and iv is not None:
                result = Normalised("DATE", q.value(), None, iv[0], iv[1], q)
        elif following in ("ended", "ending") and re.fullmatch(
            r"(?:the|its|their)?\s*(?:fiscal\s+)?year", text.lower()
        ):
            # "the year ended Sept. 30": the twelve months up to that date
            result = Normalised("DURATION", "P1Y")
        tid = f"t{len(times)}"
        end_char = span.end_char
        if text.endswith(".") and len(text) > 1 and text[-2].isdigit():
            # "on March 3." at a sentence end: the tokenizer keeps the full stop on the number
            end_char -= 1
            text = text[:-1]
        times.append(
            TimeExpression(
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
                anchor=reference[1] if result.anchored and reference else None,
            )
        )
        elided = _elided_day(doc, e, spans[k + 1][0] if k + 1 < len(spans) else len(doc), result.point)
        if elided is not None:
            # "April 24 and 25": the second day shares the month and year of the first
            day_token, day_point = elided
            iv = day_point.interval()
            times.append(
                TimeExpression(
                    id=f"t{len(times)}",
                    start=day_token.idx,
                    end=day_token.idx + len(day_token.text),
                    text=day_token.text,
                    type="DATE",
                    value=day_point.value(),
                    mod=None,
                    earliest=iv[0] if iv else None,
                    latest=iv[1] if iv else None,
                    sentence=sentences.id_at(day_token.idx),
                    anchor=tid,
                )
            )
        after_months = result.type == "DURATION" and _MONTHS_SPAN.fullmatch(text) is not None
        p = result.point
        if p is None or p.unknown is not None or p.year is None:
            continue
        if p.granularity in "DWMQTY" and p.decade is None and p.century is None:
            last_year = (p, tid)
        if p.granularity in "DWMQT":
            last = (p, tid)
        if p.granularity in "DT":
            last_day = (p, tid)
        if p.granularity == "Q" and not result.anchored and not _indefinite(doc, span):
            # an indefinite mention ("after a weak second quarter") is background, not the topic
            last_quarter = (p, tid)
    return times
