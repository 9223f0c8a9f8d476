"""Dates at the precision the evidence gives: `2008-06-09`, `2008-06-XX`, `2008-XX-XX`, `XXXX-XX-XX`."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date

UNKNOWN = "XXXX-XX-XX"


@dataclass(frozen=True, slots=True)
class DateInterval:
    """A closed interval of days, and its label at the precision it has."""

    earliest: date
    latest: date

    @property
    def label(self) -> str:
        return precision_label(self.earliest, self.latest)

    @property
    def days(self) -> int:
        return (self.latest - self.earliest).days + 1

    def overlaps(self, other: DateInterval) -> bool:
        return self.earliest <= other.latest and other.earliest <= self.latest

    def intersect(self, other: DateInterval) -> DateInterval:
        return DateInterval(max(self.earliest, other.earliest), min(self.latest, other.latest))


def precision_label(earliest: date, latest: date) -> str:
    """The label of the smallest calendar unit holding [earliest, latest]: day, month, year or unknown."""
    if earliest == latest:
        return earliest.isoformat()
    if earliest.year != latest.year:
        return UNKNOWN
    if earliest.month == latest.month:
        return f"{earliest.year:04d}-{earliest.month:02d}-XX"
    return f"{earliest.year:04d}-XX-XX"


def label_interval(label: str) -> DateInterval | None:
    """The interval a label covers (`2008-06-XX` is all of June 2008); None for an unknown year."""
    parts = [*label.split("-"), "XX", "XX"][:3]
    if not parts[0].isdigit():
        return None
    year = int(parts[0])
    if not parts[1].isdigit():
        return DateInterval(date(year, 1, 1), date(year, 12, 31))
    month = int(parts[1])
    if not parts[2].isdigit():
        return DateInterval(date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1]))
    day = date(year, month, int(parts[2]))
    return DateInterval(day, day)


def interval_of(earliest: date | None, latest: date | None, *, max_days: int = 366) -> DateInterval | None:
    """A usable interval from an event's or a time's bounds: both known and at most about a year long.

    An open bound ("before 2008") or a span of several years says too little to place an event.
    """
    if earliest is None or latest is None or latest < earliest:
        return None
    interval = DateInterval(earliest, latest)
    return interval if interval.days <= max_days else None
