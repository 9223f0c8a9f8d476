"""Calendar arithmetic: points and their intervals, month ends, shifts by a unit, holidays' dates."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

from claimline.lang.calendar import Holiday
from claimline.lang.calendar import calendar as calendar_data
from claimline.temporal.vocabulary import WEEKDAYS


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


def _easter(year: int) -> date:
    """Easter Sunday (anonymous Gregorian algorithm)."""
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


def holiday_date(holiday: Holiday, year: int) -> date:
    """The day of `holiday` in `year`, by its rule in the calendar data."""
    if holiday.rule == "easter":
        return _easter(year) + timedelta(days=holiday.days)
    assert holiday.month is not None
    if holiday.rule == "fixed":
        assert holiday.day is not None
        return date(year, holiday.month, holiday.day)
    weekday = WEEKDAYS[holiday.weekday or ""]
    if holiday.rule == "last_weekday":
        last = _month_end(year, holiday.month)
        return last - timedelta(days=(last.weekday() - weekday) % 7)
    assert holiday.nth is not None
    first = date(year, holiday.month, holiday.from_day)
    return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (holiday.nth - 1))


def _holiday_date(name: str, year: int) -> date:
    return holiday_date(calendar_data().holiday_named(name), year)


def _quarter_ending(end: Point | None) -> Point | None:
    """The calendar quarter of the middle month of the three months that end on `end`."""
    if end is None or end.unknown is not None or end.year is None or end.month is None or end.day is None:
        return None
    last = date(end.year, end.month, 1)
    middle = _add_months(last, -1 if end.day >= 15 else -2)
    return Point(middle.year, quarter=(middle.month - 1) // 3 + 1)
