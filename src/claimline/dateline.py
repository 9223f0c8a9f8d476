"""Datelines (pure text, no model): where a dateline opening the body ends, and the publication
date a dateline or a leading metadata line states. The one place that reads datelines; month and
weekday names come from the calendar data (`lang/en/calendar.toml`).

A dateline opening the body (`dateline_end`): a place in capitals, optional comma-separated state
and date, an optional agency in brackets, then a dash ("GAZA, April 10 (Reuters) -",
"SAN JOSE, Calif., Oct. 7, 2024 -", "WASHINGTON (AP) —").

Publication dates recognised at the start of the body (or on a metadata line just before it):

- "WASHINGTON, April 10, 2025 (Reuters) -", "April 10, 2025 —", "10 April 2025 -"
- "Published: 10 April 2025", "Updated on April 10, 2025 at 10:32 a.m. EDT", "Date: 2025-04-10"
- a bare ISO date "2025-04-10" (optionally with a time), "2025/04/10", "10.04.2025" is not used
  (day/month order is ambiguous).

A dateline without a year ("GAZA, April 10 (Reuters) -") gives None: a year is never guessed.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache

from claimline.lang.calendar import calendar

# "GAZA, April 10 (Reuters) -", "SAN JOSE, Calif., Oct. 7, 2024 -", "WASHINGTON (AP) —": a place in
# capitals, optional comma-separated state and date, optional agency in brackets, then a dash.
_DATELINE_PREFIX = re.compile(
    r"[A-Z][A-Z.'’\-]+(?:\s+[A-Z][A-Z.'’\-]+){0,3}"
    r"(?:,\s*[A-Za-z0-9.'’]+(?:\s+[A-Za-z0-9.'’]+){0,3}){0,3}"
    r"(?:\s*\([^()\n]{1,40}\))?"
    r"\s+(?:-|–|—|--)\s+"
)


def dateline_end(text: str, start: int) -> int | None:
    """Where a dateline that opens the body at `start` ends (after its dash), or None."""
    found = _DATELINE_PREFIX.match(text, start)
    return found.end() if found and found.end() < len(text) else None


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))


@cache
def _date_forms() -> tuple[re.Pattern[str], ...]:
    """The full-date layouts, with the month and weekday names of the calendar data."""
    data = calendar()
    month = rf"(?P<month>{_alternation(list(data.month_numbers()))})\.?"
    weekday = rf"(?:(?:{_alternation(list(data.weekday_numbers()))})\.?,?\s+)?"
    return (
        re.compile(rf"{weekday}{month}\s+{_DAY},?\s+{_YEAR}\b", re.I),
        re.compile(rf"{weekday}{_DAY}\s+(?:of\s+)?{month},?\s+{_YEAR}\b", re.I),
        re.compile(r"(?P<year>(?:19|20)\d\d)[-/](?P<mnum>[01]?\d)[-/](?P<day>[0-3]?\d)(?!\d)"),
    )


@cache
def _month_numbers() -> dict[str, int]:
    return calendar().month_numbers()


_YEAR = r"(?P<year>(?:19|20)\d\d)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"

_LABEL = re.compile(
    r"^\s*(?:published|posted|updated|last updated|date|dated|first published|originally published)"
    r"(?:\s+on)?\s*[:\-\u2013\u2014]?\s*",
    re.I,
)
# "WASHINGTON, " / "GAZA CITY (AP) " / "LONDON/PARIS, " before the date of a dateline
_PLACE = r"(?:[A-Z][A-Za-z.'\u2019/-]*(?:\s+[A-Z][A-Za-z.'\u2019/-]*){0,4}(?:\s*\([A-Za-z .]+\))?,?\s+)?"
_DATELINE = re.compile(rf"^\s*{_PLACE}(?P<rest>.*)$", re.S)
_DASHES = r"(?:\s*\([^)]{1,40}\))?\s*(?:[-\u2013\u2014:|]|--|$)"


def _to_date(m: re.Match[str]) -> date | None:
    groups = m.groupdict()
    try:
        year = int(groups["year"])
        month = (
            int(groups["mnum"]) if groups.get("mnum") else calendar().month_numbers()[groups["month"].lower()]
        )
        return date(year, month, int(groups["day"]))
    except (ValueError, KeyError, TypeError):
        return None


def _date_at_start(line: str) -> date | None:
    """A full date at the very start of `line` (after a place name), followed by a dash/paren/end."""
    for form in _date_forms():
        m = form.match(line)
        if m is None:
            continue
        tail = line[m.end() :]
        if re.match(
            rf"(?:[T ,]*\d{{1,2}}:\d\d\S*(?:\s*(?:[ap]\.?m\.?|[A-Z]{{2,4}}))*)?{_DASHES}", tail, re.I
        ):
            return _to_date(m)
        if re.match(r"\s*\(", tail) or not tail.strip():
            return _to_date(m)
    return None


def _labelled(line: str) -> date | None:
    m = _LABEL.match(line)
    if not m:
        return None
    rest = line[m.end() :]
    for form in _date_forms():
        d = form.search(rest[:60])
        if d:
            return _to_date(d)
    return None


def find_publication_date(text: str, body_start: int = 0) -> date | None:
    """The publication date stated by a dateline or metadata line, or None.

    Looks at the first non-empty lines from `body_start` and at the few lines just before it.
    """
    before = [ln for ln in text[:body_start].splitlines() if ln.strip()][-3:]
    after = [ln for ln in text[body_start:].splitlines() if ln.strip()][:3]
    candidates = [*after[:1], *reversed(before), *after[1:]]
    for line in candidates:
        found = _labelled(line)
        if found:
            return found
        stripped = line.strip()
        found = _date_at_start(stripped)
        if found:
            return found
        m = _DATELINE.match(stripped)
        if m and m.group("rest") != stripped:
            found = _date_at_start(m.group("rest"))
            if found:
                return found
    return None


def date_in_dateline(dateline: str) -> date | None:
    """A full date anywhere in a dateline already set apart by its layout
    ("SAN JOSE, Calif., Oct. 7, 2024 -"), where a place with a state stands before the date."""
    for form in _date_forms():
        m = form.search(dateline)
        if m is not None:
            found = _to_date(m)
            if found is not None:
                return found
    return None
