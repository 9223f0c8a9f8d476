"""Temporal stage: find temporal expressions and normalise them to ISO-TimeML TIMEX3.

Detection takes spaCy's DATE/TIME entities, adds what the model misses through a `Matcher`
(temporal adverbs such as "now", "recently", frequency words, durations, seasons, quarters...)
and corrects extents following the TimeML guidelines (modifiers such as "early", "late", "last",
"the" belong to the expression; ages such as "44-year-old" and bare numbers do not).

Normalisation (:func:`normalise`) is a pure function of the expression text, the publication
date, the tense of the governing clause and the previously mentioned date. It produces the TIMEX3
`type`, `value` and `mod` and the calendar interval `earliest`/`latest`:

- a bare month or weekday is placed before publication in a past-tense clause, after it in a
  future-tense clause (or after "until", "due", "effective"...), and nearest to it otherwise; a
  day date up to 92 days ahead of publication stays ahead even in a past-tense or untensed
  clause ("said the dividend is payable Dec. 1": scheduled dates are reported in the past tense);
- the direction also follows the clause's aspect and the phrase: a past perfect ("until Thursday
  they had not...", "had been due to lapse Friday") is past whatever the preposition; a weekday
  in a present-perfect clause ("has called a vote Thursday") or a "would be -ing" clause is the
  nearest one; a possessive weekday ("Thursday's proposal") or a month premodifying a noun ("the June
  accord", unless the clause says "will") names something already there, so a past one;
  "planned/scheduled for" looks ahead; a day date a few days gone stays in a future clause;
- relative expressions ("the next day", "two days later", "that week", "a year earlier") are
  resolved against the previously mentioned date when there is one (its id becomes `anchor`),
  otherwise against the publication date; "that year" against the last date of any granularity;
  "the day before last Tuesday" / "the day after the collapse" one day off; "overnight" the night
  before the story's day of the past week; in earnings reports, "the 1988 quarter" is the quarter
  under discussion in 1988, "the quarter ended July 31" (no quarter named yet) the calendar
  quarter holding most of those months, an indefinite "after a weak second quarter" does not
  change the quarter under discussion, and "a year earlier" right after a span of months ("the
  first nine months") is the previous year;
- without a publication date nothing is guessed: unknown parts stay X ("XXXX-03-18");
- `mod` START/MID/END narrow the interval to its first, middle or last third (so "late March"
  is March 21-31, "early 1990" January-April); seasons are meteorological (spring =
  March-May, winter = December-February, named after the year of its December); a part of day
  ("TNI") keeps the whole day as its interval; BEFORE/AFTER-type mods open one end;
- decades are written "199X" and centuries "19" (TimeBank itself writes decades "199");
- seasons run spring, summer, fall, winter within a year, winter named after its December;
- some look-alikes are no times: names ("USA Today", a quoted programme title), ages ("in
  her 40s"), "a March for Peace", fractions ("more than a quarter of the shares").

dateparser is only a fallback for explicit dates in layouts the rules do not read (a 4-digit year
and a month name, all of day, month and year required), through one parser built on first use.
Compiled tables and the `Matcher` are built once per process / `Vocab`; `normalise` is cached.
"""

from __future__ import annotations

import calendar
import re
from bisect import bisect_left
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache
from typing import Any, Literal

from spacy.attrs import ORTH
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from claimline.models import TimeExpression, TimeMod, TimeType
from claimline.sentences import SentenceIndex

Tense = Literal["PAST", "PRESENT", "FUTURE"]

# --------------------------------------------------------------------------------------------
# tables

MONTHS: dict[str, int] = {}
for _i, _name in enumerate(calendar.month_name):
    if _i:
        MONTHS[_name.lower()] = _i
        MONTHS[_name[:3].lower()] = _i
MONTHS.update({"sept": 9, "june": 6, "july": 7})
_MONTH_RE = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december|"
    r"jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?"
)
WEEKDAYS = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
    "mon": 0,
    "tue": 1,
    "tues": 1,
    "wed": 2,
    "thu": 3,
    "thur": 3,
    "thurs": 3,
    "fri": 4,
    "sat": 5,
    "sun": 6,
}
_WEEKDAY_RE = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
PARTS_OF_DAY = {
    "morning": "MO",
    "afternoon": "AF",
    "evening": "EV",
    "night": "NI",
    "overnight": "NI",
    "tonight": "NI",
    "daytime": "DT",
}
_POD_RE = r"(?:morning|afternoon|evening|night)"
UNITS = {
    "second": "S",
    "seconds": "S",
    "minute": "MIN",
    "minutes": "MIN",
    "min": "MIN",
    "mins": "MIN",
    "hour": "H",
    "hours": "H",
    "hr": "H",
    "hrs": "H",
    "day": "D",
    "days": "D",
    "week": "W",
    "weeks": "W",
    "weekend": "WE",
    "weekends": "WE",
    "month": "M",
    "months": "M",
    "quarter": "Q",
    "quarters": "Q",
    "year": "Y",
    "years": "Y",
    "decade": "E",
    "decades": "E",
    "century": "C",
    "centuries": "C",
    "millennium": "L",
    "millennia": "L",
}
_UNIT_RE = (
    r"(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|quarters?|years?|decades?|"
    r"century|centuries|millennium|millennia)"
)
NUMBERS: dict[str, int] = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "thousand": 1000,
    "dozen": 12,
    "couple": 2,
    "single": 1,
}
ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "1st": 1,
    "2nd": 2,
    "3rd": 3,
    "4th": 4,
    "last": 4,
    "final": 4,
}
PRESENT_WORDS = {
    "now",
    "right now",
    "just now",
    "currently",
    "current",
    "presently",
    "present",
    "the present",
    "at present",
    "these days",
    "nowadays",
    "today's",
    "the moment",
    "this moment",
    "this time",
    "this point",
    "the current",
    "yet",
    "already",
}
PAST_WORDS = {
    "recently",
    "recent",
    "then current",
    "then-current",
    "more recently",
    "the past",
    "past",
    "previously",
    "formerly",
    "lately",
    "once",
    "earlier",
    "the time",
    "then",
    "recent times",
    "some time ago",
    "long ago",
    "years ago",
    "months ago",
    "weeks ago",
    "days ago",
}
FUTURE_WORDS = {
    "future",
    "the future",
    "the near future",
    "the distant future",
    "soon",
    "the near term",
    "the short term",
    "the long term",
    "near term",
    "short term",
    "long term",
    "later",
    "a later date",
    "eventually",
    "shortly",
    "as soon as possible",
    "some day",
    "someday",
    "from time to time",
}
SET_WORDS = {
    "daily": "P1D",
    "nightly": "P1D",
    "weekly": "P1W",
    "biweekly": "P2W",
    "monthly": "P1M",
    "quarterly": "P3M",
    "annually": "P1Y",
    "yearly": "P1Y",
    "hourly": "PT1H",
    "annual": "P1Y",
}

_MOD_PREFIXES: list[tuple[str, TimeMod]] = [
    (r"the (?:very )?(?:beginning|start|dawn) of", "START"),
    (r"the (?:first|early) (?:part|days|weeks|months) of", "START"),
    (r"the (?:middle|mid-point|midpoint) of", "MID"),
    (r"the (?:end|close|last part|latter part|final days|final weeks) of", "END"),
    (r"(?:beginning|start) of", "START"),
    (r"(?:end|close) of", "END"),
    (r"earlier", "START"),
    (r"early", "START"),
    (r"later", "END"),
    (r"late", "END"),
    (r"mid-?", "MID"),
    (r"no (?:more|later) than", "EQUAL_OR_LESS"),
    (r"no less than", "EQUAL_OR_MORE"),
    (r"more than", "MORE_THAN"),
    (r"over", "MORE_THAN"),
    (r"upwards of", "MORE_THAN"),
    (r"less than", "LESS_THAN"),
    (r"under", "LESS_THAN"),
    (r"fewer than", "LESS_THAN"),
    (r"at least", "EQUAL_OR_MORE"),
    (r"at most", "EQUAL_OR_LESS"),
    (r"up to", "EQUAL_OR_LESS"),
    (r"within", "EQUAL_OR_LESS"),
    (r"nearly", "EQUAL_OR_LESS"),
    (r"almost", "EQUAL_OR_LESS"),
    (r"about", "APPROX"),
    (r"around", "APPROX"),
    (r"approximately", "APPROX"),
    (r"roughly", "APPROX"),
    (r"some", "APPROX"),
    (r"circa", "APPROX"),
    (r"an estimated", "APPROX"),
]
_MOD_PREFIX_RE = re.compile(
    r"^(?:" + "|".join(f"(?P<m{i}>{p})" for i, (p, _) in enumerate(_MOD_PREFIXES)) + r")[\s-]*"
)
_POINT_MODS = {"START", "MID", "END", "APPROX"}


# --------------------------------------------------------------------------------------------
# points and intervals


@dataclass(frozen=True)
class Point:
    """A calendar value at some granularity; `year is None` means the year is unknown."""

    year: int | None
    month: int | None = None
    day: int | None = None
    week: int | None = None
    weekend: bool = False
    quarter: int | None = None
    half: int | None = None
    season: str | None = None
    decade: int | None = None
    century: int | None = None
    pod: str | None = None
    hour: int | None = None
    minute: int | None = None
    unknown: str | None = None  # value pattern for relative expressions without a reference date

    @property
    def granularity(self) -> str:
        if self.hour is not None or self.pod:
            return "T"
        if self.day is not None:
            return "D"
        if self.week is not None:
            return "W"
        if self.month is not None:
            return "M"
        if self.quarter is not None:
            return "Q"
        if self.season is not None or self.half is not None:
            return "S"
        if self.century is not None:
            return "C"
        if self.decade is not None:
            return "E"
        return "Y"

    def value(self) -> str:
        if self.unknown:
            return self.unknown
        if self.century is not None:
            return f"{self.century:02d}"
        if self.decade is not None:
            return f"{self.decade:03d}X"
        y = "XXXX" if self.year is None else f"{self.year:04d}"
        if self.week is not None:
            return f"{y}-W{self.week:02d}" + ("-WE" if self.weekend else "")
        if self.quarter is not None:
            return f"{y}-Q{self.quarter}"
        if self.half is not None:
            return f"{y}-H{self.half}"
        if self.season is not None:
            return f"{y}-{self.season}"
        if self.month is None:
            return y
        v = f"{y}-{self.month:02d}"
        if self.day is None:
            return v
        v += f"-{self.day:02d}"
        if self.hour is not None:
            v += f"T{self.hour:02d}:{self.minute or 0:02d}"
        elif self.pod:
            v += f"T{self.pod}"
        return v

    def interval(self) -> tuple[date, date] | None:
        """The calendar interval (first and last day) covered, if the year is known."""
        if self.unknown:
            return None
        if self.century is not None:
            return date(self.century * 100, 1, 1), date(self.century * 100 + 99, 12, 31)
        if self.decade is not None:
            return date(self.decade * 10, 1, 1), date(self.decade * 10 + 9, 12, 31)
        y = self.year
        if y is None or not 1 <= y <= 9998:
            return None
        if self.week is not None:
            monday = date.fromisocalendar(y, self.week, 1)
            if self.weekend:
                return monday + timedelta(days=5), monday + timedelta(days=6)
            return monday, monday + timedelta(days=6)
        if self.quarter is not None:
            first = 3 * (self.quarter - 1) + 1
            return date(y, first, 1), _month_end(y, first + 2)
        if self.half is not None:
            first = 6 * (self.half - 1) + 1
            return date(y, first, 1), _month_end(y, first + 5)
        if self.season is not None:
            if self.season == "WI":
                return date(y, 12, 1), _month_end(y + 1, 2)
            first = {"SP": 3, "SU": 6, "FA": 9}[self.season]
            return date(y, first, 1), _month_end(y, first + 2)
        if self.month is None:
            return date(y, 1, 1), date(y, 12, 31)
        if self.day is None:
            return date(y, self.month, 1), _month_end(y, self.month)
        d = date(y, self.month, self.day)
        return d, d


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _narrow(interval: tuple[date, date], mod: str | None) -> tuple[date, date]:
    """START/MID/END keep the first, middle or last third of the interval."""
    start, end = interval
    days = (end - start).days + 1
    if mod not in ("START", "MID", "END") or days < 3:
        return interval
    if start.day == 1 and end.month != start.month and (end + timedelta(days=1)).day == 1:
        months = (end.year - start.year) * 12 + end.month - start.month + 1
        if months % 3 == 0:
            k = months // 3
            offset = {"START": 0, "MID": k, "END": 2 * k}[mod]
            first = _add_months(start, offset)
            return first, _add_months(first, k) - timedelta(days=1)
    third = days // 3
    if mod == "START":
        return start, start + timedelta(days=third - 1)
    if mod == "END":
        return start + timedelta(days=2 * third), end
    return start + timedelta(days=third), start + timedelta(days=2 * third - 1)


def _from_date(d: date, gran: str) -> Point:
    if gran == "Y":
        return Point(d.year)
    if gran == "M":
        return Point(d.year, d.month)
    if gran == "W":
        iso = d.isocalendar()
        return Point(iso[0], week=iso[1])
    if gran == "Q":
        return Point(d.year, quarter=(d.month - 1) // 3 + 1)
    if gran == "E":
        return Point(None, decade=d.year // 10)
    if gran == "C":
        return Point(None, century=d.year // 100)
    return Point(d.year, d.month, d.day)


def _add_months(d: date, n: int) -> date:
    m = d.month - 1 + n
    y = d.year + m // 12
    m = m % 12 + 1
    return date(y, m, min(d.day, calendar.monthrange(y, m)[1]))


def _shift(d: date, unit: str, n: int) -> date:
    if unit == "D":
        return d + timedelta(days=n)
    if unit in ("W", "WE"):
        return d + timedelta(weeks=n)
    if unit == "M":
        return _add_months(d, n)
    if unit == "Q":
        return _add_months(d, 3 * n)
    if unit == "Y":
        return _add_months(d, 12 * n)
    if unit == "E":
        return _add_months(d, 120 * n)
    if unit == "C":
        return _add_months(d, 1200 * n)
    return d


def _point_date(p: Point) -> date | None:
    """A representative day of a point (its first day), for arithmetic."""
    iv = p.interval()
    return iv[0] if iv else None


_UNKNOWN = {
    "D": "XXXX-XX-XX",
    "W": "XXXX-WXX",
    "WE": "XXXX-WXX-WE",
    "M": "XXXX-XX",
    "Q": "XXXX-QX",
    "Y": "XXXX",
    "E": "XXX",
    "C": "XX",
}


# --------------------------------------------------------------------------------------------
# normalisation


@dataclass(frozen=True)
class Normalised:
    type: TimeType
    value: str
    mod: TimeMod | None = None
    earliest: date | None = None
    latest: date | None = None
    point: Point | None = None
    anchored: bool = False  # resolved against the previous date rather than publication


@dataclass(frozen=True)
class _Ctx:
    published: date | None
    tense: Tense | None
    anchor: Point | None


def _clean(text: str) -> str:
    s = text.lower().replace("\u2019", "'").replace("\u2013", "-").replace("\u2014", "-")
    s = re.sub(r"\s+", " ", s).strip()
    s = re.sub(r"[\s,.;:!?)(\"'`]+$", "", s) if not s.endswith((" a.m.", " p.m.")) else s
    s = re.sub(r"^[\s,(\"'`]+", "", s)
    s = re.sub(r"(?<=\w)'s$", "", s)  # possessive: "2024's", "Tuesday's"
    return s


def _to_number(s: str) -> float | None:
    """'five' -> 5, 'twenty four' -> 24, '5 1/2' -> 5.5, 'a' -> 1; None if not a number."""
    s = s.strip().replace(",", "")
    if not s:
        return None
    m = re.fullmatch(r"(\d+)(?:\s*(?:1/2|½)|\.(\d+))?", s)
    if m:
        n = float(m.group(1))
        if "1/2" in s or "½" in s:
            n += 0.5
        elif m.group(2):
            n = float(s)
        return n
    if s in ("half a", "half an", "a half"):
        return 0.5
    words = re.split(r"[\s-]+", s)
    if words and words[0] in ("a", "an") and len(words) > 1:
        words = words[1:]
    words = [w for i, w in enumerate(words) if not (w in ("a", "an") and words[i + 1 : i + 2] == ["half"])]
    if len(words) > 1 and any(w in ("a", "an") for w in words):
        return None  # "seven a (year ago)": two numbers, not one
    total = 0.0
    current = 0.0
    half = False
    for w in words:
        if w in ("and", "of"):
            continue
        if w == "half":
            half = True
            continue
        if w not in NUMBERS:
            return None
        n = NUMBERS[w]
        if n == 100 or n == 1000:
            current = max(current, 1) * n
            if n == 1000:
                total += current
                current = 0
        else:
            current += n
    total += current
    if half:
        total += 0.5
    return total if total else None


def _duration_value(n: float | None, unit: str) -> str:
    """ISO duration for `n` units; None -> X."""
    if unit == "WE":
        unit = "D"
        n = None if n is None else 2 * n
    time_unit = unit in ("H", "MIN", "S")
    letter = {"MIN": "M"}.get(unit, unit)
    if n is None:
        return ("PTX" if time_unit else "PX") + letter
    if unit == "E" and n == int(n):
        return f"P{int(n * 10)}Y"
    if unit == "C" and n == int(n) and n > 1:
        return f"P{int(n * 100)}Y"
    if n != int(n):
        whole = int(n)
        frac = n - whole
        if unit == "Y":
            return f"P{whole}Y{round(frac * 12)}M" if whole else f"P{round(frac * 12)}M"
        if unit == "H":
            return f"PT{whole}H{round(frac * 60)}M" if whole else f"PT{round(frac * 60)}M"
        if unit == "D":
            return f"P{whole}DT{round(frac * 24)}H" if whole else f"PT{round(frac * 24)}H"
        if unit == "MIN":
            return f"PT{whole}M{round(frac * 60)}S" if whole else f"PT{round(frac * 60)}S"
        if unit == "M":
            return f"P{whole}M{round(frac * 30)}D" if whole else f"P{round(frac * 30)}D"
        if unit == "W":
            return f"P{round(n * 7)}D"
    return ("PT" if time_unit else "P") + f"{int(n)}{letter}"


def _direction(tense: Tense | None) -> int:
    return -1 if tense == "PAST" else 1 if tense == "FUTURE" else 0


# a date a little after publication in a past-tense clause is usually a scheduled one
# ("said the dividend is payable Dec. 1"): keep it in the future up to this many days ahead
_PAST_TOLERANCE_DAYS = 92
# and a day date just gone by in a future-tense clause is that one (a deadline reported as
# "is due by Jan. 14" written a day later), not the one a year ahead, which would carry its year
_FUTURE_TOLERANCE_DAYS = 14


def _resolve_month_day(ctx: _Ctx, month: int, day: int | None) -> Point:
    ref = ctx.published
    if ref is None:
        return Point(None, month, day)
    key = (month, day or (1 if ctx.tense == "FUTURE" else 31))
    now = (ref.month, ref.day)
    direction = _direction(ctx.tense)
    if direction == 0 and day is not None:
        direction = -1  # news mostly reports: an untensed day date is a past one unless it is just ahead
    year = ref.year
    if direction < 0:
        ahead = (date(ref.year, month, min(day or 1, 28)) - ref).days
        tolerance = _PAST_TOLERANCE_DAYS if day is not None else 0
        if key > now and not (day is None and month == ref.month) and ahead > tolerance:
            year -= 1
    elif direction > 0:
        behind = (ref - date(ref.year, month, min(day or 1, 28))).days
        if (
            key < now
            and not (day is None and month == ref.month)
            and not (day is not None and behind <= _FUTURE_TOLERANCE_DAYS)
        ):
            year += 1
    else:
        distance = (month - ref.month) % 12
        if distance > 6 and month > ref.month:
            year -= 1
        elif distance <= 6 and month < ref.month and ref.month - month > 6:
            year += 1
    if day is not None and day > calendar.monthrange(year, month)[1]:
        return Point(year, month)
    return Point(year, month, day)


def _resolve_weekday(ctx: _Ctx, weekday: int, direction: int | None = None) -> Point:
    ref = ctx.published
    if ref is None:
        return Point(None, unknown=f"XXXX-WXX-{weekday + 1}")
    if direction is None:
        direction = _direction(ctx.tense)
    diff = weekday - ref.weekday()
    if direction < 0:
        if diff > 0:
            diff -= 7
    elif direction > 0:
        if diff < 0:
            diff += 7
    else:
        if diff > 3:
            diff -= 7
        elif diff < -3:
            diff += 7
    d = ref + timedelta(days=diff)
    return Point(d.year, d.month, d.day)


def _reference(ctx: _Ctx, unit: str, use_anchor: bool) -> tuple[date | None, bool]:
    """The date to count from: the previous date (anchor) or publication."""
    if use_anchor and ctx.anchor is not None:
        d = _point_date(ctx.anchor)
        if d is not None:
            return d, True
    return ctx.published, False


def _relative(ctx: _Ctx, unit: str, n: int, use_anchor: bool = False) -> tuple[Point, bool]:
    ref, anchored = _reference(ctx, unit, use_anchor)
    if ref is None:
        return Point(None, unknown=_UNKNOWN.get(unit, "XXXX")), False
    d = _shift(ref, unit, n)
    if unit == "WE":
        p = _from_date(d, "W")
        return replace(p, weekend=True), anchored
    return _from_date(d, unit), anchored


def _year_of(ctx: _Ctx) -> int | None:
    return ctx.published.year if ctx.published else None


def _quarter_point(ctx: _Ctx, q: int, year: int | None = None) -> Point:
    if year is not None:
        return Point(year, quarter=q)
    ref = ctx.published
    if ref is None:
        return Point(None, quarter=q)
    cur = (ref.month - 1) // 3 + 1
    y = ref.year
    if q > cur and ctx.tense == "PAST":
        y -= 1
    return Point(y, quarter=q)


def _year_from_text(s: str) -> int | None:
    m = re.fullmatch(r"(\d{4})|'(\d{2})", s)
    if m:
        if m.group(1):
            return int(m.group(1))
        return 1900 + int(m.group(2))
    m = re.fullmatch(r"nineteen[\s-]+(\w+)(?:[\s-]+(\w+))?", s)
    if m:
        tens = NUMBERS.get(m.group(1), -1)
        ones = NUMBERS.get(m.group(2) or "", 0)
        if 10 <= tens <= 99 and 0 <= ones < 10:
            return 1900 + tens + ones
        return None
    m = re.fullmatch(r"two thousand(?:(?: and)?[\s-]+(\w+))?", s)
    if m:
        ones = NUMBERS.get(m.group(1) or "", 0)
        return 2000 + ones
    return None


_YEAR = r"(?:\d{4}|'\d{2}|nineteen[\s-]+\w+(?:[\s-]+\w+)?|two thousand(?:[\s-]+\w+)?)"


def _date_point(s: str, ctx: _Ctx) -> Point | None:
    """Absolute or calendar expressions: '18 march', 'march 18, 2025', 'march 2025', '2025-04-10'."""
    m = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", s)
    if m:
        y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if 1 <= mo <= 12 and 1 <= d <= calendar.monthrange(y, mo)[1]:
            return Point(y, mo, d)
        return None
    m = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})", s)
    if m:
        mo, d, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
        y = y + 1900 if y < 100 else y
        if 1 <= mo <= 12 and 1 <= d <= calendar.monthrange(y, mo)[1]:
            return Point(y, mo, d)
        return None
    wd = rf"(?:{_WEEKDAY_RE},?\s+)?"
    m = re.fullmatch(
        rf"{wd}(?:the\s+)?(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH_RE})(?:,?\s+({_YEAR}))?", s
    )
    if not m:
        m2 = re.fullmatch(
            rf"{wd}({_MONTH_RE})\s+(?:the\s+)?(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+({_YEAR}))?",
            s,
        )
        if m2:
            month_s, day_s, year_s = m2.group(1), m2.group(2), m2.group(3)
        else:
            month_s = day_s = year_s = None
    else:
        day_s, month_s, year_s = m.group(1), m.group(2), m.group(3)
    if month_s is None:
        m3 = re.fullmatch(rf"{wd}({_MONTH_RE})\s+(?:the\s+)?(\w+?)(?:-(\w+))?(?:,?\s+({_YEAR}))?", s)
        if m3 and m3.group(2) in _ORDINAL_DAYS:
            month_s = m3.group(1)
            day_s = str(_ORDINAL_DAYS[m3.group(2)] + (_ORDINAL_DAYS.get(m3.group(3) or "", 0)))
            year_s = m3.group(4)
    if month_s is not None and day_s is not None:
        month = MONTHS[month_s.rstrip(".")]
        day = int(day_s)
        if not 1 <= day <= 31:
            return None
        if year_s:
            year = _year_from_text(year_s)
            if year is None:
                return None
            if day > calendar.monthrange(year, month)[1]:
                return None
            return Point(year, month, day)
        return _resolve_month_day(ctx, month, day)
    m = re.fullmatch(rf"({_MONTH_RE})(?:,?\s+(?:of\s+)?({_YEAR}))?", s)
    if m:
        month = MONTHS[m.group(1).rstrip(".")]
        if m.group(2):
            year = _year_from_text(m.group(2))
            return Point(year, month) if year is not None else None
        return _resolve_month_day(ctx, month, None)
    year = _year_from_text(s)
    if year is not None:
        return Point(year)
    return None


_ORDINAL_DAYS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "thirtieth": 30,
    "twenty": 20,
    "thirty": 30,
}


def _season_point(ctx: _Ctx, season: str, which: str | None) -> Point:
    ref = ctx.published
    if ref is None:
        return Point(None, season=season)
    current = {12: "WI", 1: "WI", 2: "WI", 3: "SP", 4: "SP", 5: "SP", 6: "SU", 7: "SU", 8: "SU"}.get(
        ref.month, "FA"
    )
    # a year's seasons in order: winter is named after the year of its December, so it comes last
    # (winter 1997 = December 1997 to February 1998, after fall 1997 and before spring 1998)
    order = ["SP", "SU", "FA", "WI"]
    cur_year = ref.year - 1 if current == "WI" and ref.month < 12 else ref.year
    ci, si = order.index(current), order.index(season)
    if which == "last":
        delta = (si - ci) % 4 - 4 or -4
    elif which == "next":
        delta = (si - ci) % 4 or 4
    elif which == "this":
        direction = _direction(ctx.tense)
        delta = (si - ci) % 4
        if (direction < 0 and delta) or (direction == 0 and delta > 2):
            delta -= 4
    else:
        direction = _direction(ctx.tense)
        delta = (si - ci) % 4
        if (direction < 0 and delta) or (direction == 0 and delta > 2):
            delta -= 4
    idx = ci + delta
    year = cur_year + (idx // 4)
    season_code = order[idx % 4]
    return Point(year, season=season_code)


def _holiday_date(name: str, year: int) -> date:
    if name.startswith("christmas"):
        return date(year, 12, 24 if name.endswith("eve") else 25)
    if name.startswith("new year"):
        return date(year, 12, 31) if name.endswith("eve") else date(year, 1, 1)
    if name == "independence day":
        return date(year, 7, 4)
    if name == "halloween":
        return date(year, 10, 31)
    if name.startswith("valentine"):
        return date(year, 2, 14)
    if name.startswith("thanksgiving"):
        first = date(year, 11, 1)
        return first + timedelta(days=(3 - first.weekday()) % 7 + 21)
    if name == "election day":
        first = date(year, 11, 2)
        return first + timedelta(days=(1 - first.weekday()) % 7)
    if name == "labor day":
        first = date(year, 9, 1)
        return first + timedelta(days=(0 - first.weekday()) % 7)
    if name == "memorial day":
        last = date(year, 5, 31)
        return last - timedelta(days=last.weekday())
    # Easter Sunday (anonymous Gregorian algorithm)
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month = (h + l_ - 7 * m + 114) // 31
    day = (h + l_ - 7 * m + 114) % 31 + 1
    return date(year, month, day)


def _holiday(ctx: _Ctx, name: str, which: str | None) -> Point:
    ref = ctx.published
    if ref is None:
        return Point(None, unknown="XXXX-XX-XX")
    d = _holiday_date(name, ref.year)
    direction = {"last": -1, "next": 1, "this": 0}.get(which or "", _direction(ctx.tense))
    if direction < 0 and d > ref:
        d = _holiday_date(name, ref.year - 1)
    elif direction > 0 and d < ref:
        d = _holiday_date(name, ref.year + 1)
    elif direction == 0 and (d - ref).days > 183:
        d = _holiday_date(name, ref.year - 1)
    elif direction == 0 and (ref - d).days > 183:
        d = _holiday_date(name, ref.year + 1)
    return Point(d.year, d.month, d.day)


def _holiday_week(ctx: _Ctx, name: str, which: str | None, weekend: bool) -> Point:
    ref = ctx.published
    if ref is None:
        return Point(None, unknown="XXXX-WXX-WE" if weekend else "XXXX-WXX")
    d = _holiday_date(name, ref.year)
    if d.isocalendar()[:2] != ref.isocalendar()[:2]:
        p = _holiday(ctx, name, which)
        d = date(p.year or ref.year, p.month or 1, p.day or 1)
    iso = d.isocalendar()
    return Point(iso[0], week=iso[1], weekend=weekend)


def _time_of_day(s: str) -> tuple[int, int] | None:
    m = re.fullmatch(r"(\d{1,2})(?::(\d{2}))?\s*(a\.?m\.?|p\.?m\.?|o'clock)?", s)
    if m and (m.group(2) or m.group(3)):
        h, mi = int(m.group(1)), int(m.group(2) or 0)
        suffix = (m.group(3) or "").replace(".", "")
        if suffix == "pm" and h < 12:
            h += 12
        if suffix == "am" and h == 12:
            h = 0
        if h <= 24 and mi < 60:
            return h, mi
        return None
    m = re.fullmatch(r"(\d{3,4})\s*(?:hours|hrs|gmt|utc)", s)
    if m:
        h, mi = divmod(int(m.group(1)), 100)
        if h <= 24 and mi < 60:
            return h, mi
    if s in ("noon", "midday"):
        return 12, 0
    if s == "midnight":
        return 24, 0
    return None


_TZ = r"(?:\s+(?:[a-z]{2,4}t|gmt|utc|local time|\(\d{4} gmt\)))?"


def _core(s: str, ctx: _Ctx) -> tuple[str, Point | str | None, bool]:
    """Normalise a modifier-free expression.

    Returns (kind, payload, anchored): kind is 'point' (payload a Point), 'duration', 'set' or
    'ref' (payload the value string), or 'none'.
    """
    # --- reference words
    if s in PRESENT_WORDS:
        return "ref", "PRESENT_REF", False
    if s in PAST_WORDS or re.fullmatch(
        r"(?:in )?(?:recent|past|previous|earlier) (?:times|years)(?: and (?:weeks|months|years))?"
        r"|recent weeks and months",
        s,
    ):
        return "ref", "PAST_REF", False
    if s in FUTURE_WORDS or re.fullmatch(
        r"(?:the )?(?:future|upcoming) (?:days|weeks|months|years|quarters)", s
    ):
        return "ref", "FUTURE_REF", False
    if s in SET_WORDS:
        return "set", SET_WORDS[s], False
    m = re.fullmatch(
        r"(?:sometime|some time|as early as|as late as|as soon as|by|until|in|on|at|from|since)\s+(.+)", s
    )
    if m:
        return _core(m.group(1), ctx)
    m = re.fullmatch(
        r"(recent|the past few|the last few|coming|the coming) (days|weeks|months|quarters|decades)", s
    )
    if m:
        return "duration", _duration_value(None, UNITS[m.group(2)]), False
    if re.fullmatch(r"(?:an?|one|two|three)[\s-]*quarters?|(?:an?|the) second", s):
        return "none", None, False
    # year end: "year-end", "by year's end", "the end of the year"
    if re.fullmatch(r"(?:the )?(?:year[\s-]end|year's end|end of the year)", s):
        y = _year_of(ctx)
        return "point", Point(y) if y is not None else Point(None, unknown="XXXX"), False
    m = re.fullmatch(r"(?:the )?year (\d{4}|two thousand(?:[\s-]\w+)?)", s)
    if m:
        y2 = _year_from_text(m.group(1))
        if y2 is not None:
            return "point", Point(y2), False
    m = re.fullmatch(r"(last|next|this) year's (?:(first|second|third|fourth) )?quarter", s)
    if m and ctx.published is None:
        return "point", Point(None, unknown="XXXX-QX"), False
    if m and ctx.published is not None:
        y = ctx.published.year + {"last": -1, "next": 1, "this": 0}[m.group(1)]
        if m.group(2):
            return "point", Point(y, quarter=ORDINALS[m.group(2)]), False
        if ctx.anchor is not None and ctx.anchor.quarter is not None:
            return "point", Point(y, quarter=ctx.anchor.quarter), True
        return "point", Point(y, quarter=(ctx.published.month - 1) // 3 + 1), False
    m = re.fullmatch(r"(earlier|later|early|late) (?:in|during) the (day|week|month|year)", s)
    if m:
        unit = UNITS[m.group(2)]
        if ctx.anchor is not None and ctx.anchor.granularity == "D" and unit == "D":
            return "point", replace(ctx.anchor, pod=None, hour=None, minute=None), True
        p, anchored = _relative(ctx, unit, 0)
        return "point", p, anchored
    m = re.fullmatch(rf"(?:the )?(next|following|previous) ({_POD_RE})", s)
    if m:
        p, anchored = _relative(ctx, "D", -1 if m.group(1) == "previous" else 1, use_anchor=True)
        if p.unknown is None:
            p = replace(p, pod=PARTS_OF_DAY[m.group(2)])
        return "point", p, anchored
    m = re.fullmatch(rf"({_POD_RE})(?:\s+(yesterday|today|tomorrow))?", s)
    if m:
        word = m.group(2) or "today"
        if m.group(2) is None and ctx.anchor is not None and ctx.anchor.day is not None:
            return "point", replace(ctx.anchor, pod=PARTS_OF_DAY[m.group(1)], hour=None, minute=None), True
        p, _ = _relative(ctx, "D", {"yesterday": -1, "today": 0, "tomorrow": 1}[word])
        if p.unknown is None:
            p = replace(p, pod=PARTS_OF_DAY[m.group(1)])
        return "point", p, False
    m = re.fullmatch(
        r"(?:(last|this|next) )?(christmas(?: day| eve)?|new year's(?: day| eve)?|thanksgiving(?: day)?|"
        r"independence day|halloween|valentine's day|election day|easter(?: sunday)?|labor day|memorial day)"
        r"( week(?:end)?)?",
        s,
    )
    if m:
        if m.group(3):
            # "Easter week", "Thanksgiving weekend": the (ISO) week of the holiday
            return "point", _holiday_week(ctx, m.group(2), m.group(1), m.group(3).endswith("end")), False
        return "point", _holiday(ctx, m.group(2), m.group(1)), False

    # --- sets: every/each/per + unit / weekday
    m = re.fullmatch(
        r"(?:every|each|per|a|an)\s+(other\s+)?(\w+)(?:\s+(morning|afternoon|evening|night))?", s
    )
    if m and (m.group(2) in UNITS or m.group(2) in WEEKDAYS or m.group(2) in MONTHS or m.group(2) in SEASONS):
        word = m.group(2)
        if s.split()[0] in ("a", "an") and word not in ("day", "week", "month", "year"):
            pass
        elif s.split()[0] in ("a", "an"):
            return "duration", _duration_value(1, UNITS[word]), False
        elif word in UNITS:
            return "set", _duration_value(2 if m.group(1) else 1, UNITS[word]), False
        elif word in WEEKDAYS:
            pod = PARTS_OF_DAY.get(m.group(3) or "")
            return "set", f"XXXX-WXX-{WEEKDAYS[word] + 1}" + (f"T{pod}" if pod else ""), False
        elif word in MONTHS:
            return "set", f"XXXX-{MONTHS[word]:02d}", False
        else:
            return "set", f"XXXX-{SEASONS[word]}", False
    m = re.fullmatch(rf"({_WEEKDAY_RE})s(?:\s+({_POD_RE})s?)?", s) or re.fullmatch(
        rf"({_WEEKDAY_RE})\s+({_POD_RE})s", s
    )
    if m:
        pod = PARTS_OF_DAY.get(m.group(2) or "")
        return "set", f"XXXX-WXX-{WEEKDAYS[m.group(1)] + 1}" + (f"T{pod}" if pod else ""), False
    m = re.fullmatch(r"(\w+) times? (?:a|an|per|each) (\w+)", s)
    if m and m.group(2) in UNITS:
        return "set", _duration_value(1, UNITS[m.group(2)]), False

    # --- deictic days
    m = re.fullmatch(
        rf"(today|yesterday|tomorrow|tonight|the day before yesterday|the day after tomorrow)"
        rf"(?:'s)?(?:\s+({_POD_RE}))?",
        s,
    )
    if m:
        offsets = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}
        word = m.group(1)
        n = offsets.get(word, -2 if "yesterday" in word else 2)
        p, _ = _relative(ctx, "D", n)
        pod = PARTS_OF_DAY.get(m.group(2) or "")
        if pod and p.unknown is None:
            p = replace(p, pod=pod)
        return "point", p, False
    m = re.fullmatch(rf"(this|last|tomorrow|yesterday|the|that)\s+({_POD_RE}|overnight)", s)
    if m or s in ("overnight", "tonight"):
        word = m.group(1) if m else "this"
        pod_word = m.group(2) if m else s
        pod = PARTS_OF_DAY[pod_word]
        n = {"last": -1 if pod_word == "night" else 0, "yesterday": -1, "tomorrow": 1}.get(word, 0)
        if s == "overnight":
            n = -1 if ctx.tense == "PAST" else 0
            anchor_day = _point_date(ctx.anchor) if ctx.anchor is not None and ctx.anchor.day else None
            if (
                anchor_day is not None
                and ctx.published is not None
                and 0 < (ctx.published - anchor_day).days <= 7
            ):
                # the night before the day the story is about (a day of the past week), not publication:
                # "Tokyo stocks fell Friday after overnight declines on Wall Street"
                p, anchored = _relative(ctx, "D", n, use_anchor=True)
                return "point", replace(p, pod=pod) if p.unknown is None else p, anchored
        if word in ("the", "that") and ctx.anchor is not None and ctx.anchor.day is not None:
            return "point", replace(ctx.anchor, pod=pod, hour=None, minute=None), True
        p, _ = _relative(ctx, "D", n)
        if p.unknown is None:
            p = replace(p, pod=pod)
        return "point", p, False

    # --- clock times, optionally with a day: "10:35 a.m.", "9 a.m. tuesday", "noon thursday"
    m = re.fullmatch(
        rf"(?:at\s+)?(\d{{1,2}}(?::\d{{2}})?\s*(?:a\.?m\.?|p\.?m\.?|o'clock)|\d{{3,4}}\s*(?:hours|hrs|gmt|utc)|"
        rf"noon|midnight|midday){_TZ}(?:,?\s+(?:on\s+)?(.+))?",
        s,
    )
    if m:
        hm = _time_of_day(re.sub(r"\s+(?:[a-z]{2,4}t|gmt|utc)$", "", m.group(1)))
        if hm is not None:
            rest = m.group(2)
            base: Point | None
            anchored = False
            if rest:
                kind, payload, anchored = _core(rest, ctx)
                base = payload if kind == "point" and isinstance(payload, Point) else None
                if base is None:
                    return "none", None, False
            elif ctx.anchor is not None and ctx.anchor.day is not None:
                base, anchored = ctx.anchor, True
            else:
                base, _ = _relative(ctx, "D", 0)
            if base.unknown is not None or base.day is None:
                return "point", Point(None, unknown=f"XXXX-XX-XXT{hm[0]:02d}:{hm[1]:02d}"), False
            return "point", replace(base, hour=hm[0], minute=hm[1], pod=None), anchored
    m = re.fullmatch(rf"(\d{{1,2}}) in the ({_POD_RE})", s)
    if m:
        h = int(m.group(1)) + (12 if m.group(2) in ("afternoon", "evening") and int(m.group(1)) < 12 else 0)
        base, _ = _relative(ctx, "D", 0)
        if base.unknown is None:
            return "point", replace(base, hour=h, minute=0), False

    # --- weekdays, possibly with part of day or a date: "last friday", "tuesday morning"
    m = re.fullmatch(
        rf"(?:(last|this|next|this coming|this past|the previous|the following|the next|coming|past|"
        rf"on)\s+)?({_WEEKDAY_RE})(?:'s)?(?:\s+({_POD_RE}))?",
        s,
    )
    if m:
        which = m.group(1)
        wd = WEEKDAYS[m.group(2)]
        pod = PARTS_OF_DAY.get(m.group(3) or "")
        anchored = False
        if which in ("the previous", "the following", "the next") and ctx.anchor is not None:
            ref = _point_date(ctx.anchor)
            if ref is not None:
                sub = _Ctx(ref, ctx.tense, None)
                p = _resolve_weekday(sub, wd, -1 if which == "the previous" else 1)
                if p.day == ref.day and p.month == ref.month:
                    p, _ = _relative(_Ctx(ref, None, None), "D", -7 if which == "the previous" else 7)
                anchored = True
            else:
                p = _resolve_weekday(ctx, wd)
        elif which in ("last", "this past", "past", "the previous"):
            p = _resolve_weekday(ctx, wd, -1)
            if ctx.published is not None and p.day == ctx.published.day:
                p, _ = _relative(ctx, "D", -7)
        elif which in ("next", "this coming", "coming", "the following", "the next"):
            p = _resolve_weekday(ctx, wd, 1)
            if ctx.published is not None and p.day == ctx.published.day:
                p, _ = _relative(ctx, "D", 7)
        else:
            p = _resolve_weekday(ctx, wd)
        if pod and p.unknown is None:
            p = replace(p, pod=pod)
        elif pod and p.unknown:
            p = replace(p, unknown=p.unknown + f"T{pod}")
        return "point", p, anchored
    m = re.fullmatch(rf"({_WEEKDAY_RE}),?\s+(.+)", s)
    if m:
        kind, payload, anchored = _core(m.group(2), ctx)
        if kind == "point":
            return kind, payload, anchored

    # --- "the night of 18 march", "the morning of june 3"
    m = re.fullmatch(rf"(?:the\s+)?({_POD_RE}) of (.+)", s)
    if m:
        kind, payload, anchored = _core(m.group(2), ctx)
        if kind == "point" and isinstance(payload, Point):
            pod = PARTS_OF_DAY[m.group(1)]
            if payload.unknown is None and payload.day is not None:
                return "point", replace(payload, pod=pod), anchored
        return kind, payload, anchored
    # "(during) the day friday", "the early hours of thursday": that day
    m = re.fullmatch(r"(?:the\s+day|the\s+(?:early|small|wee)\s+hours\s+of)\s+(.+)", s)
    if m:
        kind, payload, anchored = _core(m.group(1), ctx)
        if kind == "point" and isinstance(payload, Point) and (payload.day is not None or payload.unknown):
            return kind, payload, anchored
        return "none", None, False
    # "friday night", "march 18 evening"
    m = re.fullmatch(rf"(.+?)\s+({_POD_RE})", s)
    if m and not m.group(1).endswith(("the", "this", "last", "that")):
        kind, payload, anchored = _core(m.group(1), ctx)
        if kind == "point" and isinstance(payload, Point) and payload.day is not None and not payload.unknown:
            return "point", replace(payload, pod=PARTS_OF_DAY[m.group(2)]), anchored

    # --- absolute calendar dates
    p0 = _date_point(s, ctx)
    if p0 is not None:
        return "point", p0, False
    m = re.fullmatch(r"(?:the\s+)?(?:week|weekend) of (.+)", s)
    if m:
        kind, payload, anchored = _core(m.group(1), ctx)
        if kind == "point" and isinstance(payload, Point):
            d = _point_date(payload)
            if d is not None:
                iso = d.isocalendar()
                return (
                    "point",
                    Point(iso[0], week=iso[1], weekend=s.startswith(("weekend", "the weekend"))),
                    anchored,
                )
        return kind, payload, anchored

    # --- decades and centuries
    m = re.fullmatch(r"(?:the\s+)?(?:(\d{2})(\d)0|')?(\d)?0'?s", s)
    if m and (m.group(1) or m.group(3)):
        if m.group(1):
            return "point", Point(None, decade=int(m.group(1) + m.group(2))), False
        return "point", Point(None, decade=190 + int(m.group(3))), False
    m = re.fullmatch(r"(?:the\s+)?(\d{4})s", s)
    if m:
        return "point", Point(None, decade=int(m.group(1)) // 10), False
    decades = {
        "twenties": 2,
        "thirties": 3,
        "forties": 4,
        "fifties": 5,
        "sixties": 6,
        "seventies": 7,
        "eighties": 8,
        "nineties": 9,
    }
    m = re.fullmatch(r"(?:the\s+)?(?:nineteen[\s-]+)?(\w+ies)", s)
    if m and m.group(1) in decades:
        return "point", Point(None, decade=190 + decades[m.group(1)]), False
    m = re.fullmatch(r"(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)[\s-]+century", s)
    if m:
        return "point", Point(None, century=int(m.group(1)) - 1), False
    m = re.fullmatch(r"(?:the\s+)?(\w+)[\s-]+century", s)
    if m and m.group(1) in _ORDINAL_DAYS:
        return "point", Point(None, century=_ORDINAL_DAYS[m.group(1)] - 1), False
    if s in ("this century", "the century"):
        ref = ctx.published
        return "point", (Point(None, century=ref.year // 100) if ref else Point(None, unknown="XX")), False

    # --- "Q1 2025", "2025 Q1", "H2 2024", "FY2025", "FY 25"
    m = re.fullmatch(r"(?:the\s+)?(?:(\d{4})\s+)?([qh])([1-4])(?:[\s-]+(?:of\s+)?(\d{4}|'\d{2}))?", s)
    if m and not (m.group(2) == "h" and m.group(3) not in "12"):
        year_s = m.group(1) or m.group(4)
        year = (1900 + int(year_s[1:]) if year_s.startswith("'") else int(year_s)) if year_s else None
        n = int(m.group(3))
        if m.group(2) == "h":
            return "point", Point(year if year is not None else _year_of(ctx), half=n), False
        return "point", _quarter_point(ctx, n, year), False
    m = re.fullmatch(r"fy\s*-?\s*(\d{4}|\d{2})", s)
    if m:
        ys = m.group(1)
        return "point", Point(int(ys) if len(ys) == 4 else 2000 + int(ys)), False

    # --- quarters and halves: "the third quarter", "third-quarter", "the fiscal first quarter of 1990"
    m = re.fullmatch(
        r"(?:(?:the|its|this year's|last year's|next year's|a flat|the latest|the current|this)\s+)?"
        r"(?:(\d{4})\s+)?(?:fiscal[\s-]+)?(first|second|third|fourth|1st|2nd|3rd|4th|last|final)"
        r"[\s-]+(?:fiscal[\s-]+)?(quarter|half)(?:\s+(?:of\s+)?(?:fiscal\s+)?(\d{4}))?",
        s,
    )
    if m:
        n = ORDINALS[m.group(2)]
        year_s = m.group(1) or m.group(4)
        year = int(year_s) if year_s else None
        prefix = s.split()[0]
        if year is None and prefix in ("last", "next") and "year's" in s and ctx.published:
            year = ctx.published.year + (-1 if prefix == "last" else 1)
        if m.group(3) == "half":
            n = min(n, 2)
            if year is None:
                year = _year_of(ctx)
            return "point", Point(year, half=n), False
        return "point", _quarter_point(ctx, n, year), False
    m = re.fullmatch(
        r"(?:the\s+)?(?:(\d{4})\s+)?(?:fiscal[\s-]+)?(?:year|fy)[\s-]*(\d{4}|'?\d{2})", s
    ) or re.fullmatch(r"fiscal[\s-]+(?:year\s+)?(\d{4})()", s)
    if m:
        ys = m.group(2) or m.group(1)
        year = int(ys.lstrip("'")) if len(ys.lstrip("'")) == 4 else 1900 + int(ys.lstrip("'"))
        return "point", Point(year), False
    m = re.fullmatch(r"(?:the|that|this)\s+(\d{4})\s+(period|quarter|year|season)", s)
    if m:
        # "the 1988 quarter": the quarter under discussion, in that year
        if m.group(2) in ("period", "quarter") and ctx.anchor is not None and ctx.anchor.quarter is not None:
            return "point", Point(int(m.group(1)), quarter=ctx.anchor.quarter), True
        return "point", Point(int(m.group(1))), False

    # --- "the year-earlier nine months": a span of months, as "the first nine months" is
    m = re.fullmatch(r"(?:the\s+)?(?:comparable\s+)?(?:year|a year)[\s-]+(?:earlier|ago)\s+(\w+)\s+months", s)
    if m and _to_number(m.group(1)) is not None:
        return "duration", _duration_value(_to_number(m.group(1)), "M"), False
    # --- anchored "year-earlier/year-ago" periods: "the year-earlier quarter", "year-ago"
    m = re.fullmatch(
        r"(?:the\s+)?(?:comparable\s+|corresponding\s+|same\s+)?(year|month|quarter)[\s-]+(?:earlier|ago)"
        r"(?:\s+(?:\w+\s+)?(period|quarter|month|year|nine months|six months))?",
        s,
    ) or re.fullmatch(
        r"(?:the\s+)?(?:comparable|corresponding|same) (period|quarter) "
        r"(?:a year ago|last year|a year earlier)()",
        s,
    )
    if m:
        unit = UNITS.get(m.group(1), "Y") if m.group(1) in UNITS else "Y"
        if ctx.anchor is not None and ctx.anchor.granularity in ("Q", "M", "Y", "S", "D"):
            d = _point_date(ctx.anchor)
            if d is not None:
                gran = ctx.anchor.granularity if ctx.anchor.granularity != "S" else "Y"
                return "point", _from_date(_shift(d, unit, -1), gran), True
        if ctx.published is not None:
            q = _quarter_point(_Ctx(ctx.published, "PAST", None), ((ctx.published.month - 1) // 3) or 4)
            d = _point_date(q)
            if d is not None:
                return "point", _from_date(_shift(d, unit, -1), "Q"), False
        return "point", Point(None, unknown="XXXX-QX"), False

    m = re.fullmatch(r"(?:the )?(?:quarter|period) (?:a year (?:ago|earlier)|last year)", s)
    if m:
        if ctx.anchor is not None and ctx.anchor.granularity == "Q":
            d = _point_date(ctx.anchor)
            if d is not None:
                return "point", _from_date(_shift(d, "Y", -1), "Q"), True
        return "none", None, False

    # --- "the quarter", "the latest quarter", "the period": the quarter in discussion
    m = re.fullmatch(
        r"(?:the|that|this|its)\s+(?:latest\s+|most recent\s+|current\s+|recent\s+|same\s+)?"
        r"(?:fiscal\s+)?(quarter|period)",
        s,
    )
    if m:
        if (
            ctx.anchor is not None
            and ctx.anchor.granularity == "Q"
            and not re.search(r"latest|most recent|current", s)
        ):
            return "point", ctx.anchor, True
        ref = ctx.published
        if ref is None:
            return "point", Point(None, unknown="XXXX-QX"), False
        cur = (ref.month - 1) // 3 + 1
        if "current" in s or s.startswith("this"):
            return "point", Point(ref.year, quarter=cur), False
        prev = cur - 1 or 4
        return "point", Point(ref.year if cur > 1 else ref.year - 1, quarter=prev), False

    # --- seasons: "this spring", "last summer", "the winter of 1994", "spring 2025"
    m = re.fullmatch(
        r"(?:(this|last|next|this past|this coming|the|that|past|coming)\s+)?"
        r"(spring|summer|fall|autumn|winter)(?:\s+(?:of\s+)?(\d{4}|" + _YEAR + r"))?",
        s,
    )
    if m:
        season = SEASONS[m.group(2)]
        which = m.group(1)
        if m.group(3):
            year = _year_from_text(m.group(3))
            return "point", Point(year, season=season), False
        if which in ("that",) and ctx.anchor is not None and ctx.anchor.year is not None:
            return "point", Point(ctx.anchor.year, season=season), True
        w = {"this past": "last", "past": "last", "this coming": "next", "coming": "next"}.get(
            which or "", which
        )
        return "point", _season_point(ctx, season, w if w in ("last", "next", "this") else None), False

    # --- "last/this/next month name": "last march", "this september", "next june", "march last year"
    m = re.fullmatch(rf"(last|this|next|this past|this coming|past)\s+({_MONTH_RE})", s)
    if m:
        month = MONTHS[m.group(2).rstrip(".")]
        which = m.group(1)
        if ctx.published is None:
            return "point", Point(None, month), False
        ref = ctx.published
        if which in ("last", "past", "this past"):
            year = ref.year if month < ref.month else ref.year - 1
        elif which in ("next", "this coming"):
            year = ref.year if month > ref.month else ref.year + 1
        else:
            year = ref.year
        return "point", Point(year, month), False
    m = re.fullmatch(rf"({_MONTH_RE})\s+(?:of\s+)?(last|this|next) year", s)
    if m:
        month = MONTHS[m.group(1).rstrip(".")]
        y = _year_of(ctx)
        off = {"last": -1, "this": 0, "next": 1}[m.group(2)]
        return "point", Point(None if y is None else y + off, month), False

    # --- units relative to publication or to the previous date
    m = re.fullmatch(
        r"(last|this|next|the past|the last|the previous|the prior|the next|the coming|the following|"
        r"the current|the same|that|the|past|previous|coming|following|current|the latest|latest|"
        r"the preceding|the present|the very same|the same|the new|the current fiscal|the fiscal|"
        r"the full|the latest fiscal|this fiscal|last fiscal|next fiscal)\s+"
        r"(day|week|weekend|month|year|quarter|decade|century)",
        s,
    )
    if m:
        which, unit_word = m.group(1), m.group(2)
        unit = UNITS[unit_word]
        anchor_words = (
            "the following",
            "the next",
            "the previous",
            "the prior",
            "the preceding",
            "following",
            "previous",
        )
        if (
            which in ("the", "that", "the same", "the very same")
            and unit_word == "day"
            and ctx.anchor is not None
            and ctx.anchor.day is not None
        ):
            return "point", replace(ctx.anchor, pod=None, hour=None, minute=None), True
        if which in ("that", "the same") and ctx.anchor is not None:
            d = _point_date(ctx.anchor)
            if d is not None:
                p = _from_date(d, unit if unit != "WE" else "W")
                return "point", replace(p, weekend=unit == "WE"), True
        if which in ("the next", "the following", "following") and unit_word == "day":
            p, anchored = _relative(ctx, "D", 1, use_anchor=True)
            return "point", p, anchored
        if which in ("the previous", "the prior", "the preceding", "previous") and unit_word == "day":
            p, anchored = _relative(ctx, "D", -1, use_anchor=True)
            return "point", p, anchored
        if which in anchor_words:
            n = 1 if which in ("the following", "the next", "following") else -1
            if which == "the next" and ctx.anchor is None:
                n = 1
            p, anchored = _relative(ctx, unit, n, use_anchor=True)
            return "point", p, anchored
        if unit_word == "day" and which in ("the", "that", "this", "the same"):
            p, _ = _relative(ctx, "D", 0)
            return "point", p, False
        if unit_word == "quarter":
            return (
                _core("the quarter", ctx)
                if which not in ("last", "next", "this", "the current")
                else (
                    "point",
                    _relative(ctx, "Q", {"last": -1, "next": 1}.get(which, 0))[0],
                    False,
                )
            )
        n = {
            "last": -1,
            "the last": -1,
            "the past": -1,
            "past": -1,
            "next": 1,
            "the next": 1,
            "the coming": 1,
            "coming": 1,
            "last fiscal": -1,
            "next fiscal": 1,
        }.get(which, 0)
        weekday = ctx.published.weekday() if ctx.published is not None else None
        if (
            unit == "WE"
            and n == 0
            and weekday is not None
            and ctx.tense != "FUTURE"
            and ((weekday < 5 and ctx.tense == "PAST") or weekday == 0)
        ):
            n = -1
        p, anchored = _relative(ctx, unit, n)
        return "point", p, anchored

    # --- "the day before last tuesday", "the week after christmas": one unit off a named date
    m = re.fullmatch(r"(?:the\s+)?(day|week|month|year)\s+(before|after)\s+(.+)", s)
    if m:
        kind, payload, anchored = _core(m.group(3), ctx)
        if kind != "point" or not isinstance(payload, Point):
            return "none", None, False
        unit = UNITS[m.group(1)]
        if payload.unknown is not None or payload.year is None:
            return "point", Point(None, unknown=_UNKNOWN[unit]), False
        d = _point_date(payload)
        if d is None:
            return "none", None, False
        return "point", _from_date(_shift(d, unit, 1 if m.group(2) == "after" else -1), unit), anchored

    # --- "N units ago", "N units earlier/later", "N units from now", "the next day"
    m = re.fullmatch(
        rf"(.+?)\s+({_UNIT_RE}|weekends?)\s+"
        r"(ago|earlier|later|before|after|hence|from now|back|previously|since|prior)(?: or so)?",
        s,
    )
    if m:
        unit = UNITS[m.group(2)]
        word = m.group(3)
        amount = _to_number(m.group(1))
        if amount is None:
            if m.group(1) in ("a few", "several", "some", "many", "a couple of", "few", "a number of"):
                if word in ("ago", "back", "previously"):
                    return "ref", "PAST_REF", False
                return (
                    "ref",
                    "FUTURE_REF" if word in ("later", "after", "hence", "from now") else "PAST_REF",
                    False,
                )
            return "none", None, False
        sign = 1 if word in ("later", "after", "hence", "from now") else -1
        use_anchor = word in ("earlier", "later", "before", "after", "prior")
        gran = unit
        if unit in ("H", "MIN", "S"):
            gran = "D"
            k = 0 if amount < 24 or unit != "H" else int(amount // 24)
            p, anchored = _relative(ctx, "D", sign * k, use_anchor=use_anchor)
            return "point", p, anchored
        if unit == "E":
            unit, amount = "Y", amount * 10
        if unit == "C":
            unit, amount = "Y", amount * 100
        if unit == "Y" and ctx.anchor is not None and ctx.anchor.granularity == "Q" and amount == int(amount):
            d = _point_date(ctx.anchor)
            if d is not None:
                return "point", _from_date(_shift(d, "Y", sign * int(amount)), "Q"), True
        if (
            unit == "Y"
            and use_anchor
            and ctx.anchor is not None
            and ctx.anchor.granularity in ("Q", "M", "D")
        ):
            d = _point_date(ctx.anchor)
            if d is not None and amount == int(amount):
                return "point", _from_date(_shift(d, "Y", sign * int(amount)), ctx.anchor.granularity), True
        if amount != int(amount):
            return "none", None, False
        p, anchored = _relative(ctx, unit if unit != "WE" else "W", sign * int(amount), use_anchor=use_anchor)
        if gran == "W" and p.unknown is None and ctx.published is not None and not anchored:
            # TimeML: "two weeks ago" is the week two weeks before
            pass
        return "point", p, anchored

    m = re.fullmatch(rf"(an?|one|\d+|[a-z]+) ({_UNIT_RE}) and a half", s)
    if m:
        n0 = _to_number(m.group(1))
        if n0 is not None:
            return "duration", _duration_value(n0 + 0.5, UNITS[m.group(2)]), False

    # --- durations: "five years", "the past two months", "a 10-year", "the first nine months"
    m = re.fullmatch(
        rf"(?:(?:the|a|an|its|their|his|her)\s+)?(?:(past|last|next|first|previous|coming|final|following|"
        rf"ensuing|latest|initial|remaining|preceding|same|full|entire|whole|additional|further|other|"
        rf"recent)\s+)?(?:(\d+(?:\s+1/2)?|[a-z]+(?:[\s-][a-z]+){{0,3}}?)\s*[\s-]\s*)?(?:(more|additional|"
        rf"straight|consecutive|full|long|trading|business|calendar|working)\s+)?({_UNIT_RE}|weekends?)"
        rf"(?:[\s-](?:long|old|period|term|span|stretch|run|time|or so|at most|or more|ahead|running))?",
        s,
    )
    if m:
        qualifier, num_s, unit_word = m.group(1), m.group(2), m.group(4)
        unit = UNITS[unit_word]
        count: float | None
        if num_s is None:
            plural = unit_word.endswith("s") or unit_word in ("centuries", "millennia")
            if plural:
                count = None
                if unit == "E" or unit == "C":
                    return "duration", f"PX{unit}", False
            else:
                count = 1
        elif num_s in (
            "few",
            "several",
            "many",
            "couple of",
            "a few",
            "a couple of",
            "some",
            "a number of",
            "numerous",
        ):
            count = 2 if "couple" in num_s else None
        else:
            count = _to_number(num_s)
            if count is None:
                return "none", None, False
        if (
            num_s is None
            and count == 1
            and qualifier in ("past", "last", "previous", "preceding")
            and unit in ("W", "M", "Y", "E")
        ):
            # "the past year": a date (the preceding calendar unit) in TimeML practice
            p, anchored = _relative(ctx, unit, -1)
            return "point", p, anchored
        if unit == "Q" and count is not None and count == int(count) and count > 1:
            return "duration", f"P{int(count) * 3}M", False
        return "duration", _duration_value(count, unit), False
    if re.fullmatch(r"(?:a |the )?(?:long |short |brief )?(?:while|time|period|spell)(?: of time)?", s):
        return "duration", "PXX", False

    return "none", None, False


def _strip_mod(s: str) -> tuple[str, TimeMod | None]:
    m0 = re.match(r"(?:the very |the )(?=(?:early|late|mid)\b)", s)
    if m0:
        s = s[m0.end() :]
    m = _MOD_PREFIX_RE.match(s)
    if not m or m.end() >= len(s):
        return s, None
    for i, (_, mod) in enumerate(_MOD_PREFIXES):
        if m.group(f"m{i}") is not None:
            return s[m.end() :].strip(), mod
    return s, None


_SUFFIX_MODS: list[tuple[str, TimeMod]] = [
    (r"or (?:so|thereabouts)", "APPROX"),
    (r"or (?:later|after|beyond)", "ON_OR_AFTER"),
    (r"and (?:beyond|later|after)", "ON_OR_AFTER"),
    (r"or (?:earlier|before)", "ON_OR_BEFORE"),
    (r"or more", "EQUAL_OR_MORE"),
    (r"or less", "EQUAL_OR_LESS"),
    (r"at (?:the )?(?:most|latest)", "EQUAL_OR_LESS"),
    (r"at (?:the )?(?:least|earliest)", "EQUAL_OR_MORE"),
]


# a full calendar date (a 4-digit year and a month name) in a layout the rules did not read
_EXPLICIT_DATE = re.compile(rf"(?=.*\b(?:1[6-9]|20)\d\d\b).*\b{_MONTH_RE}")


@lru_cache(maxsize=1)
def _date_parser() -> Any:
    """One English dateparser instance, built on first use, that accepts only complete dates."""
    from dateparser.date import DateDataParser

    return DateDataParser(
        languages=["en"],
        settings={"REQUIRE_PARTS": ["day", "month", "year"], "STRICT_PARSING": True, "DATE_ORDER": "MDY"},
    )


def _parse_explicit(text: str) -> date | None:
    """Fallback for explicit dates in unusual layouts ("the 10th day of April, 2025"); never guesses."""
    if len(text) > 40:
        return None
    data = _date_parser().get_date_data(text)
    found = getattr(data, "date_obj", None) if data is not None else None
    return found.date() if found is not None else None


_NOT_TEMPORAL = re.compile(r"(?:an?|one|two|three)[\s-]*quarters?|(?:an?|the) second|second|minute")
_IMPLIED_MODS: list[tuple[str, TimeMod]] = [
    (r"year[\s-]end|year's end|end of the year", "END"),
    (r"^(?:earlier|early) (?:in|during) ", "START"),
    (r"^(?:later|late) (?:in|during) ", "END"),
]


@lru_cache(maxsize=65536)
def normalise(
    text: str,
    published: date | None,
    tense: Tense | None = None,
    anchor: Point | None = None,
) -> Normalised | None:
    """Normalise one temporal expression to TIMEX3; None if the text is not one we understand."""
    ctx = _Ctx(published, tense, anchor)
    s = _clean(text)
    if not s or _NOT_TEMPORAL.fullmatch(s):
        return None
    mod: TimeMod | None = None
    if " or so " in s:
        s, mod = s.replace(" or so ", " "), "APPROX"
    for pattern, suffix_mod in _SUFFIX_MODS:
        m = re.fullmatch(rf"(.+?),?\s+{pattern}", s)
        if m:
            s, mod = m.group(1), suffix_mod
            break
    kind, payload, anchored = _core(s, ctx)
    if kind == "point" and mod is None:
        for pattern, implied in _IMPLIED_MODS:
            if re.search(pattern, s):
                mod = implied
                break
    if kind == "none":
        stripped, prefix_mod = _strip_mod(s)
        if prefix_mod is not None:
            kind, payload, anchored = _core(stripped, ctx)
            if kind == "none":
                stripped2, mod2 = _strip_mod(stripped)
                if mod2 is not None:
                    kind, payload, anchored = _core(stripped2, ctx)
                    if kind != "none":
                        mod = mod2 if prefix_mod == "APPROX" else prefix_mod
            elif mod is None:
                mod = prefix_mod
            if (
                kind == "none"
                and prefix_mod in ("END", "START", "MID")
                and stripped in ("yesterday", "today")
            ):
                kind, payload, anchored = _core(stripped, ctx)
    if kind == "none":
        part_of = (
            r"(?:the\s+)?(?:(first|second|last|latter) half|(first|last) two quarters|"
            r"(first|second|third|last) quarter) of (.+)"
        )
        m = re.fullmatch(part_of, s)
        if m is None:
            # "at least the first two quarters of 1990"
            stripped, prefix_mod = _strip_mod(s)
            m = re.fullmatch(part_of, stripped) if prefix_mod is not None else None
            if m is not None and mod is None:
                mod = prefix_mod
        if m:
            kind, payload, anchored = _core(m.group(4), ctx)
            half_word = m.group(1) or m.group(2)  # "the first two quarters of 1990" is its first half
            if (
                kind == "point"
                and isinstance(payload, Point)
                and payload.year is not None
                and payload.granularity == "Y"
            ):
                if half_word:
                    payload = Point(payload.year, half=1 if half_word == "first" else 2)
                else:
                    payload = Point(payload.year, quarter=ORDINALS[m.group(3)])
            elif kind == "point" and isinstance(payload, Point):
                mod = "START" if (half_word or m.group(3)) == "first" else "END"
    if kind == "none":
        m = re.fullmatch(r"(the|a|an|last|this past|past|previous|next|this coming|coming|this)\s+(.+)", s)
        if m:
            word = m.group(1)
            sub_tense: Tense | None = tense
            if word in ("last", "this past", "past", "previous"):
                sub_tense = "PAST"
            elif word in ("next", "this coming", "coming"):
                sub_tense = "FUTURE"
            kind, payload, anchored = _core(m.group(2), _Ctx(published, sub_tense, anchor))
            if kind != "point" and word not in ("the", "a", "an"):
                kind = "none"
    if kind == "none" and _EXPLICIT_DATE.search(s):
        parsed = _parse_explicit(s)
        if parsed is not None:
            kind, payload, anchored = "point", Point(parsed.year, parsed.month, parsed.day), False
    if kind == "none" or payload is None:
        return None
    if kind == "ref":
        assert isinstance(payload, str)
        return Normalised("DATE", payload, None)
    if kind == "set":
        assert isinstance(payload, str)
        return Normalised("SET", payload, None)
    if kind == "duration":
        assert isinstance(payload, str)
        if mod in _POINT_MODS and mod != "APPROX":
            mod = None
        return Normalised("DURATION", payload, mod)
    assert isinstance(payload, Point)
    point = payload
    if mod in ("LESS_THAN", "MORE_THAN", "EQUAL_OR_LESS", "EQUAL_OR_MORE"):
        mod = "APPROX" if mod in ("EQUAL_OR_LESS", "LESS_THAN") and point.granularity in "YMWDQ" else mod
    value = point.value()
    typ: TimeType = "TIME" if point.granularity == "T" else "DATE"
    iv = point.interval()
    earliest = latest = None
    if iv is not None:
        earliest, latest = _narrow(iv, mod)
        if mod in ("BEFORE", "ON_OR_BEFORE"):
            earliest = None
        elif mod in ("AFTER", "ON_OR_AFTER"):
            latest = None
    return Normalised(typ, value, mod, earliest, latest, point, anchored)


# --------------------------------------------------------------------------------------------
# tense of the governing clause


def clause_tense(span: Span) -> Tense | None:
    """Tense of the verb that governs `span`: PAST, FUTURE, PRESENT, or None if there is none."""
    tok = span.root
    for _ in range(8):
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("amod",):
            break
        if tok.head is tok:
            return None
        tok = tok.head
    else:
        return None
    if tok.pos_ not in ("VERB", "AUX"):
        return None
    for _ in range(4):
        auxes = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
        lowers = {a.lower_ for a in auxes}
        if lowers & {"will", "'ll", "shall", "wo", "ll"}:
            return "FUTURE"
        if any(a.lower_ == "going" for a in auxes) or (
            tok.lower_ == "going" and any(c.lower_ == "to" for c in tok.children)
        ):
            return "FUTURE"
        if tok.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
            return "PAST"
        if tok.tag_ == "VBN" and any(a.lemma_ == "have" for a in auxes):
            return "PAST"
        if tok.tag_ == "VB" and "to" in lowers:
            head = tok.head
            if head is tok or head.pos_ not in ("VERB", "AUX", "ADJ"):
                return "FUTURE"
            if head.tag_ == "VBD" and head.lemma_ not in (
                "plan",
                "expect",
                "schedule",
                "agree",
                "want",
                "decide",
            ):
                return "PAST"
            return "FUTURE"
        if tok.tag_ == "VB" and lowers & {"would", "could", "should", "might", "may", "must", "can"}:
            return "FUTURE" if lowers & {"should", "might", "may", "must", "can"} else None
        if tok.tag_ in ("VBG", "VBN") and lowers & {"would", "could"} and "have" not in lowers:
            return None  # "would be traveling Thursday": future in the past, the nearest one
        if tok.tag_ == "VBG" and any(a.tag_ in ("VBZ", "VBP") for a in auxes):
            return "FUTURE"
        if tok.tag_ in ("VBZ", "VBP"):
            return "PRESENT"
        if tok.dep_ in ("conj", "advcl", "xcomp", "relcl", "ccomp") and tok.head is not tok:
            tok = tok.head
            continue
        return None
    return None


def _governing_verb(span: Span) -> Token | None:
    tok = span.root
    for _ in range(8):
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("amod",):
            return tok
        if tok.head is tok:
            return None
        tok = tok.head
    return None


def clause_perfect(span: Span) -> Literal["PAST", "PRESENT"] | None:
    """Perfect aspect of the clause governing `span`: "had left" PAST, "has scheduled" PRESENT.

    A past perfect places its time before publication whatever the preposition ("until
    Thursday the ministry had not replied", "it had been due to lapse Friday"); a present perfect
    cannot take a definite past time in English ("*has left on Tuesday"), so a weekday in such a
    clause is a scheduled, nearby one ("has called a strike vote Thursday").
    """
    tok = _governing_verb(span)
    for _ in range(3):
        if tok is None:
            return None
        auxes = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
        if any(a.lower_ in ("had", "'d") and a.tag_ == "VBD" for a in auxes):
            return "PAST"
        if tok.tag_ == "VBN" and any(a.lower_ in ("has", "have", "'s", "'ve") for a in auxes):
            return "PRESENT"
        if tok.dep_ in ("xcomp", "acomp") or (tok.tag_ == "VB" and any(a.lower_ == "to" for a in auxes)):
            tok = tok.head if tok.head is not tok else None
            continue
        return None
    return None


# --------------------------------------------------------------------------------------------
# detection


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


_AGE = re.compile(r"(?:\d+|\b[a-z]+)[\s-]*(?:-?year|-?month|-?week|-?day)s?[\s-]*old\b|\bage[sd]?\b", re.I)
_LEADING_DROP = {
    "in",
    "on",
    "at",
    "by",
    "since",
    "until",
    "till",
    "from",
    "for",
    "during",
    "of",
    "to",
    "through",
    "throughout",
    "before",
    "after",
    "as",
    "and",
    "or",
    "but",
    "with",
    "when",
    "while",
    "than",
    "into",
    ",",
    "(",
    "-",
    "--",
    "'s",
    "between",
}
_TRAILING_DROP = {",", "(", ")", "-", "--", "and", "or", "'s", "'", ";", ":", "to", "of", "in"}
_KEEP_APPROX = {"around", "nearly", "almost"}


def _accept(text: str) -> bool:
    t = text.strip().lower()
    if not t or _AGE.search(t):
        return False
    if re.fullmatch(r"[\d.,/-]+", t):
        return re.fullmatch(r"1[0-9]\d\d|20\d\d|\d{4}-\d\d-\d\d|\d{1,2}/\d{1,2}/\d{2,4}", t) is not None
    if re.fullmatch(r"(?:the\s+)?(?:morning|afternoon|evening|night)s?", t):
        return t.startswith("the")
    return True


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


_CONNECTORS = {
    "ended",
    "ending",
    "through",
    "thru",
    "to",
    "and",
    "until",
    "till",
    "-",
    "\u2013",
    "from",
    "between",
}
_DETERMINERS = {
    "the",
    "this",
    "that",
    "these",
    "those",
    "its",
    "their",
    "his",
    "her",
    "our",
    "recent",
    "last",
    "next",
    "past",
}
_SOLO_DROP_LEFT = {"about", "just", "only", "barely", "right", "all", "both", "since", "even", "fully"}
_EXTEND_LEFT = {
    "each",
    "every",
    "the",
    "early",
    "late",
    "mid",
    "mid-",
    "earlier",
    "later",
    "this",
    "last",
    "next",
    "past",
    "coming",
    "recent",
    "previous",
    "following",
    "around",
    "nearly",
    "almost",
    "approximately",
    "roughly",
}
_APPROX_WORDS = {"around", "nearly", "almost", "approximately", "roughly"}
_EXTEND_LEFT_PAIRS = {("more", "than"), ("less", "than"), ("at", "least"), ("up", "to"), ("no", "more")}


def _understood(doc: Doc, s: int, e: int) -> tuple[int, int]:
    """If the span cannot be normalised, the largest sub-span (trimming a few edge tokens) that can."""
    if normalise(doc[s:e].text, None) is not None:
        return s, e
    for trim in range(1, min(4, e - s)):
        for left in range(trim + 1):
            ns, ne = s + left, e - (trim - left)
            if ne - ns == 1 and doc[ns].lower_ in UNITS:
                continue  # a bare unit word left over from "the eighth day" is no expression
            if ns < ne and normalise(doc[ns:ne].text, None) is not None:
                return ns, ne
    return s, e


def _is_point(doc: Doc, s: int, e: int) -> bool:
    if s >= e:
        return False
    r = normalise(doc[s:e].text, None)
    return r is not None and r.type in ("DATE", "TIME") and not r.value.endswith("_REF")


def _split(doc: Doc, s: int, e: int) -> list[tuple[int, int]]:
    """Split "the quarter ended Sept. 30", "between 1994 and 1997", "the first nine months of 1997"."""
    while (
        s < e
        and doc[s].lower_ in _LEADING_DROP
        and not (s + 1 < e and (doc[s].lower_, doc[s + 1].lower_) in _EXTEND_LEFT_PAIRS)
    ):
        s += 1
    for i in range(s + 1, e - 1):
        low = doc[i].lower_
        if low in ("-", "\u2013") and not doc[i - 1].whitespace_:
            continue  # an infix hyphen: "year-earlier", "1994-95"
        if low in _CONNECTORS:
            left_ok = _is_point(doc, s, i) or normalise(doc[s:i].text, None) is not None
            if left_ok and _is_point(doc, i + 1, e):
                return [*_split(doc, s, i), *_split(doc, i + 1, e)]
        if low == "of":
            left = normalise(doc[s:i].text, None)
            if (
                left is not None
                and left.type == "DURATION"
                and normalise(doc[s:e].text, None) is None
                and normalise(doc[i + 1 : e].text, None) is not None
            ):
                return [(s, i), *_split(doc, i + 1, e)]
    return [(s, e)]


def _adjust(doc: Doc, s: int, e: int) -> tuple[int, int] | None:
    """TimeML extent: drop prepositions and focus words, keep determiners and modifiers."""
    n = len(doc)
    while (
        s < e
        and not (s + 1 < e and (doc[s].lower_, doc[s + 1].lower_) in _EXTEND_LEFT_PAIRS)
        and (
            doc[s].lower_ in _LEADING_DROP
            or doc[s].lower_ in _SOLO_DROP_LEFT
            or doc[s].is_space
            or (
                doc[s].lower_ in ("over", "within", "under", "throughout")
                and s + 1 < e
                and doc[s + 1].lower_ in _DETERMINERS
            )
        )
    ):
        if (
            doc[s].lower_ in _KEEP_APPROX
            and e - s > 1
            and (s < doc[s].head.i < e or any(t.head.i == s for t in doc[s + 1 : e]))
        ):
            break  # "around 5 p.m.", not "work around [Wednesday]'s decision"
        s += 1
    while e > s and (
        doc[e - 1].lower_ in _TRAILING_DROP
        or doc[e - 1].is_space
        or (doc[e - 1].is_punct and doc[e - 1].text != ".")
    ):
        e -= 1
    if s >= e:
        return None
    # extend left over TimeML modifiers and determiners
    while s > 0:
        low = doc[s - 1].lower_
        first = doc[s].lower_
        if (
            low in _EXTEND_LEFT
            and first not in ("the", "a", "an")
            and (
                low not in _APPROX_WORDS
                or s <= doc[s - 1].head.i < e
                or any(t.head.i == s - 1 for t in doc[s:e])
            )
            and not (low in ("the",) and first in _EXTEND_LEFT and first in ("this", "last", "next"))
        ):
            s -= 1
            continue
        if s >= 2 and (doc[s - 2].lower_, low) in _EXTEND_LEFT_PAIRS:
            s -= 2
            continue
        if (
            low == "of"
            and s >= 2
            and doc[s - 2].lower_
            in (
                "night",
                "morning",
                "evening",
                "afternoon",
                "hours",
                "end",
                "beginning",
                "start",
                "middle",
                "week",
                "weekend",
            )
        ):
            s -= 2
            continue
        if low in ("end", "beginning", "start", "middle") and doc[s].lower_ == "of":
            s -= 1
            continue
        if low == "then" and first in ("current", "-"):
            s -= 1  # "the then current price": the time then, a past one
            continue
        break
    # "as early as next week": the comparison is not part of the expression
    while (
        e - s > 2
        and doc[s].lower_ in ("early", "late", "soon", "long", "recently")
        and doc[s + 1].lower_ == "as"
    ):
        s += 2
    # "earlier Friday", "late Monday": TimeML leaves these adverbs out before a weekday
    while (
        e - s > 1 and doc[s].lower_ in ("earlier", "later", "early", "late") and doc[s + 1].lower_ in WEEKDAYS
    ):
        s += 1
    # a time used as a premodifier ("the [third-quarter] loss", "the [Aug. 7] bombings") keeps no determiner
    if doc[s].lower_ in ("the", "a", "an", "its", "their") and e - s > 1:
        head = doc[e - 1]
        inner = [t for t in doc[s + 1 : e] if not (s + 1 <= t.head.i < e)]
        root = inner[0] if inner else doc[s:e].root
        if (
            (
                root.dep_ in ("compound", "amod", "nmod", "nummod")
                and root.head.i >= e
                and root.head.pos_ in ("NOUN", "PROPN")
            )
            or (
                head.lower_ in ("days", "weeks", "months", "years", "decades", "hours", "minutes")
                and e - s == 2
            )
            or (doc[s + 1].lower_ in ("past",) and e - s > 2 and doc[s + 2].like_num and False)
        ):
            s += 1
    if e < n and doc[e].lower_ in ("ago",) and e - s >= 1:
        e += 1
    if (
        e - s == 1
        and s > 0
        and e < n
        and re.fullmatch(r"1[5-9]\d\d|20\d\d", doc[s].text)
        and doc[e].lower_ in ("period", "quarter")
        and doc[s - 1].lower_ in ("the", "that")
    ):
        s, e = s - 1, e + 1  # "the 1988 period": the period under discussion, in 1988
    if (
        e < n
        and doc[e].lower_ == "period"
        and doc[e - 1].lower_ in ("year-earlier", "year-ago", "earlier", "ago")
    ):
        e += 1
    return (s, e) if s < e else None


_QUARTER_TALK = re.compile(
    r"\b(?:quarter|period)\b|year[\s-](?:ago|earlier)|\ba year (?:ago|earlier)|last year's", re.I
)
_DAY_TALK = re.compile(r"\b(?:days?|morning|afternoon|evening|night|hours?)\b", re.I)
_ADJECTIVAL_SET = {"quarterly", "annual", "annually", "yearly", "monthly", "weekly", "daily", "nightly"}


_FUTURE_CUES = {"until", "till", "effective", "due", "payable", "starting", "expire", "expires", "expiring"}
_PAST_CUES = {"since"}
_SCHEDULE_VERBS = {"plan", "schedule", "set", "slate", "due", "reschedule", "timetable", "earmark"}


def _temporal_word(word: str) -> bool:
    """A word that can carry time: a unit, month, weekday, season, clock time or year."""
    return (
        word.rstrip("s") in UNITS
        or word.rstrip(".") in MONTHS
        or word in WEEKDAYS
        or word in SEASONS
        or word in PARTS_OF_DAY
        or word in _LEXICAL
        or re.fullmatch(r"(?:1[5-9]|20)\d\ds?|'\d0s|\d{1,2}:\d\d|[ap]\.m\.?|noon|midnight|ago|fiscal", word)
        is not None
    )


def _cue_tense(doc: Doc, start: int) -> Tense | None:
    """A preposition or adjective right before the expression that fixes its direction."""
    i = start - 1
    while i >= 0 and doc[i].lower_ in ("on", "at", "as", "of", "early", "late", "soon"):
        i -= 1
    if i < 0:
        return None
    low = doc[i].lower_
    if low in _FUTURE_CUES:
        return "FUTURE"
    if low == "for" and i > 0 and doc[i - 1].lemma_.lower() in _SCHEDULE_VERBS:
        return "FUTURE"  # "planned for early March", "scheduled for Thursday"
    if low in _PAST_CUES:
        return "PAST"
    return None


_BARE_WEEKDAY = re.compile(rf"(?:on\s+)?{_WEEKDAY_RE}(?:\s+{_POD_RE})?(?:'s)?", re.I)


_BARE_MONTH = re.compile(
    rf"(?:(?:early|mid|late)[\s-]+)?{_MONTH_RE}(?:\s+\d{{1,2}})?|\d{{1,2}}\s+{_MONTH_RE}", re.I
)
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


def _quarter_ending(end: Point | None) -> Point | None:
    """The calendar quarter of the middle month of the three months that end on `end`."""
    if end is None or end.unknown is not None or end.year is None or end.month is None or end.day is None:
        return None
    last = date(end.year, end.month, 1)
    middle = _add_months(last, -1 if end.day >= 15 else -2)
    return Point(middle.year, quarter=(middle.month - 1) // 3 + 1)


def _will_clause(span: Span) -> bool:
    verb = _governing_verb(span)
    return verb is not None and any(
        c.dep_ == "aux" and c.lower_ in ("will", "shall", "'ll", "wo") for c in verb.children
    )


def _indefinite(doc: Doc, span: Span) -> bool:
    """An indefinite noun phrase: "a weak second quarter" (not "a [third-quarter] loss")."""
    if span.root.dep_ in ("compound", "amod", "nmod", "poss") and not (
        span.start <= span.root.head.i < span.end
    ):
        return False
    start = span.start
    i = start
    while i >= 0 and i > start - 3:
        if doc[i].lower_ in ("a", "an"):
            return True
        if i < start and doc[i].pos_ != "ADJ":
            return False
        i -= 1
    return False


_OPEN_QUOTES = {'"', "``", "\u201c", "'", "`", "''"}
_CLOSE_QUOTES = {'"', "''", "\u201d", "'"}


def _is_title(doc: Doc, s: int, e: int) -> bool:
    """A quoted, capitalised name such as a programme called "Good Morning": no time."""
    if s == 0 or e >= len(doc) or doc[s - 1].text not in _OPEN_QUOTES:
        return False
    after = doc[e].text if doc[e].text not in (",", ".") or e + 1 >= len(doc) else doc[e + 1].text
    if doc[e].text not in _CLOSE_QUOTES and after not in _CLOSE_QUOTES:
        return False
    words = [t for t in doc[s:e] if t.is_alpha]
    return bool(words) and all(t.text[0].isupper() for t in words) and e - s > 1


def _not_a_time(doc: Doc, s: int, e: int) -> bool:
    """Words that only look temporal here: "the annual March for Peace" (a march), "more than a
    quarter of the shares" (a fraction)."""
    last = doc[e - 1].lower_
    following = doc[e].lower_ if e < len(doc) else ""
    if (
        e - s == 1
        and doc[s].text == "Today"
        and s > 0
        and not doc[s].is_sent_start
        and doc[s - 1].pos_ == "PROPN"
        and doc[s - 1].text[:1].isupper()
    ):
        return True  # "USA Today": a name
    if (
        e - s == 1
        and last in ("march", "may")
        and following in ("for", "against", "on", "to")
        and s > 0
        and doc[s - 1].pos_ in ("DET", "ADJ")
    ):
        return True
    if last in ("quarter", "quarters") and following == "of" and e + 1 < len(doc):
        nxt = doc[e + 1]
        counted = any(t.lower_ in ("a", "an", "one", "two", "three") for t in doc[s : e - 1])
        of_time = nxt.like_num or any(
            _temporal_word(t.lower_) or t.lower_ == "fiscal" for t in doc[e + 1 : min(len(doc), e + 4)]
        )
        return counted and not of_time
    return False


def _is_age_decade(doc: Doc, s: int, e: int) -> bool:
    """ "in her 40s", "their late forties": an age, not a decade."""
    i = s - 1
    while i >= 0 and doc[i].lower_ in ("early", "mid", "late", "mid-"):
        i -= 1
    return (
        i >= 0
        and doc[i].lower_ in ("his", "her", "their", "my", "our", "your")
        and re.fullmatch(r"(?:early|mid-?|late|\s)*(?:\d0'?s|\w+ties)", doc[s:e].text.lower()) is not None
    )


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


def _tense(doc: Doc, span: Span) -> Tense | None:
    """Direction for resolving the expression: a cue word, else the tense of the governing clause."""
    perfect = clause_perfect(span)
    if perfect == "PAST":
        return "PAST"
    cue = _cue_tense(doc, span.start)
    if cue is not None:
        return cue
    weekday = _BARE_WEEKDAY.fullmatch(span.text) is not None
    if weekday and (
        span.text.lower().endswith("'s") or (span.end < len(doc) and doc[span.end].lower_ == "'s")
    ):
        # "Thursday's proposal", "Friday's close": an event already there to refer to
        return "PAST"
    if weekday and perfect == "PRESENT":
        return None
    clause = clause_tense(span)
    if span.start > 0 and doc[span.start - 1].lower_ in ("through", "thru") and clause != "PAST":
        return "FUTURE"  # "loans through January": the end of a period still running
    root = span.root
    if (
        (weekday or _BARE_MONTH.fullmatch(span.text))
        and root.dep_ in ("compound", "nmod", "amod")
        and not (span.start <= root.head.i < span.end)
        and root.head.pos_ == "NOUN"
        and root.head.i >= span.end
        and not _will_clause(span)
    ):
        # "the June accord", "the late-November floods": a premodifier names an event that exists
        return "PAST"
    return clause


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
