"""Discourse state: the dates that relative expressions ("two days later", "that year", "the
year-earlier quarter") resolve against, updated after each expression in text order."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

from claimline.temporal.arithmetic import Point
from claimline.temporal.resolve import Normalised

_QUARTER_TALK = re.compile(
    r"\b(?:quarter|period)\b|year[\s-](?:ago|earlier)|\ba year (?:ago|earlier)|last year's", re.I
)
_DAY_TALK = re.compile(r"\b(?:days?|morning|afternoon|evening|night|hours?)\b", re.I)
_THAT_YEAR = re.compile(r"(?:that|the same|the following|the next|the previous|the prior)\s+year", re.I)
_MONTHS_SPAN = re.compile(
    r"(?:the\s+)?(?:first\s+|latest\s+|past\s+|last\s+)?(?:two|three|four|five|six|seven|eight|nine|ten|"
    r"eleven|\d{1,2})\s+months",
    re.I,
)


class Mention(NamedTuple):
    """A resolved date and the id of the expression that gave it (an expression's `anchor`)."""

    point: Point
    id: str


@dataclass
class DiscourseState:
    last: Mention | None = None  # previous date (a day, week, month, quarter or time)
    quarter: Mention | None = None  # the quarter under discussion (earnings reports)
    day: Mention | None = None  # previous day-level date, for "two days later"
    year: Mention | None = None  # previous date of any granularity, for "that year"
    after_months: bool = False  # the previous expression was a span of months ("the first nine months")

    def reference_for(self, text: str) -> Mention | None:
        """The date an expression with this text is counted from."""
        if self.quarter is not None and _QUARTER_TALK.search(text):
            return self.quarter
        if _DAY_TALK.search(text) and (self.last is None or self.last.point.granularity not in "DT"):
            return self.day  # a day offset counts from a day, not from "January"
        if self.year is not None and _THAT_YEAR.fullmatch(text):
            return self.year  # "in 1988, ... that year": the year just named
        return self.last

    def update(self, result: Normalised, tid: str, text: str, background: Callable[[], bool]) -> None:
        """Take in the expression `tid` just read; `background()` says whether a quarter it names is
        mentioned in passing ("after a weak second quarter") rather than the topic."""
        self.after_months = result.type == "DURATION" and _MONTHS_SPAN.fullmatch(text) is not None
        p = result.point
        if p is None or p.unknown is not None or p.year is None:
            return
        mention = Mention(p, tid)
        if p.granularity in "DWMQTY" and p.decade is None and p.century is None:
            self.year = mention
        if p.granularity in "DWMQT":
            self.last = mention
        if p.granularity in "DT":
            self.day = mention
        if p.granularity == "Q" and not result.anchored and not background():
            self.quarter = mention
