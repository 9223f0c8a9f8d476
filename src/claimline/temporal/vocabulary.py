"""The temporal stage's view of the language data: word tables and the regular-expression pieces
built from them, so that a month, weekday, season, unit or holiday added to `lang/en/*.toml` is
read by every rule and by the detector alike."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Literal

from claimline.lang.calendar import calendar
from claimline.lang.numbers import numbers
from claimline.lang.time_words import time_words
from claimline.models import TimeMod

Tense = Literal["PAST", "PRESENT", "FUTURE"]

_CALENDAR = calendar()
_NUMBERS = numbers()
_WORDS = time_words()


def words_pattern(words: Iterable[str]) -> str:
    """An alternation of literal words (longest first) as a non-capturing group, for a rule or a
    pattern piece that reads a word list of the language data."""
    return "(?:" + "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w))) + ")"


# --- calendar

MONTHS: dict[str, int] = _CALENDAR.month_numbers()
# a month word, with an optional full stop after an abbreviation ("sept.", "dec.")
_MONTH_RE = words_pattern(MONTHS) + r"\.?"
WEEKDAYS: dict[str, int] = _CALENDAR.weekday_numbers()
# only full weekday names are read as a day by themselves ("wed" is too often a verb)
_WEEKDAY_RE = words_pattern(day.name for day in _CALENDAR.weekdays)
SEASONS: dict[str, str] = dict(_CALENDAR.seasons)
_SEASON_RE = words_pattern(SEASONS)
PARTS_OF_DAY: dict[str, str] = {**_CALENDAR.parts_of_day, **_CALENDAR.part_of_day_words}
# the parts of day that combine with a day ("friday night", "the morning of june 3")
_POD_RE = words_pattern(_CALENDAR.parts_of_day)
HOLIDAY_NAMES: list[str] = [name for holiday in _CALENDAR.holidays for name in holiday.names]
HOLIDAY_RE = words_pattern(HOLIDAY_NAMES)

# --- numbers and units

UNITS: dict[str, str] = _NUMBERS.unit_letters()
# the unit words of "N units ago" and durations; weekends are named apart where a pattern takes them
_UNIT_RE = words_pattern(word for word, letter in UNITS.items() if letter != "WE")
# unit words that start an expression by themselves (abbreviations such as "hrs" do not)
UNIT_WORDS: list[str] = [word for unit in _NUMBERS.units for word in unit.words]
NUMBERS: dict[str, int] = dict(_NUMBERS.cardinals)
ORDINALS: dict[str, int] = dict(_NUMBERS.quarter_ordinals)
ORDINAL_DAYS: dict[str, int] = dict(_NUMBERS.ordinal_days)
DECADE_WORDS: dict[str, int] = dict(_NUMBERS.decade_words)

# --- reference and frequency words

PRESENT_WORDS = frozenset(_WORDS.present)
PAST_WORDS = frozenset(_WORDS.past)
FUTURE_WORDS = frozenset(_WORDS.future)
SET_WORDS: dict[str, str] = dict(_WORDS.sets)
LEXICAL: list[str] = list(_WORDS.detection.lexical)
ADJECTIVAL_SETS = frozenset(_WORDS.detection.adjectival_sets)

# --- modifiers

_MOD_PREFIXES: list[tuple[str, TimeMod]] = [(entry.pattern, entry.mod) for entry in _WORDS.prefix_mods]
_MOD_PREFIX_RE = re.compile(
    r"^(?:" + "|".join(f"(?P<m{i}>{p})" for i, (p, _) in enumerate(_MOD_PREFIXES)) + r")[\s-]*"
)
SUFFIX_MODS: list[tuple[str, TimeMod]] = [(entry.pattern, entry.mod) for entry in _WORDS.suffix_mods]
_POINT_MODS = {"START", "MID", "END", "APPROX"}

# --- extents and direction cues

EXTENT = _WORDS.extent
DIRECTION = _WORDS.direction
