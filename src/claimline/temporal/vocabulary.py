"""vocabulary (moved from temporal.py)."""

from __future__ import annotations

import calendar
import re
from typing import Literal

from claimline.models import TimeMod

Tense = Literal["PAST", "PRESENT", "FUTURE"]


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
HOLIDAY_RE = (
    r"christmas(?: day| eve)?|new year's(?: day| eve)?|thanksgiving(?: day)?|"
    r"independence day|halloween|valentine's day|election day|easter(?: sunday)?|labor day|memorial day"
)
DECADE_WORDS = {
    "twenties": 2,
    "thirties": 3,
    "forties": 4,
    "fifties": 5,
    "sixties": 6,
    "seventies": 7,
    "eighties": 8,
    "nineties": 9,
}
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
