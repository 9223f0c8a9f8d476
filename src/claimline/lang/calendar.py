"""Calendar vocabulary (`lang/<language>/calendar.toml`): months, weekdays, seasons, parts of day
and holidays with the rule that dates them."""

from __future__ import annotations

from functools import cache
from typing import Literal

from pydantic import model_validator

from claimline.lang import LangModel, load


class NamedUnit(LangModel):
    """A month or weekday: its full name and its abbreviations (lower case, without full stop)."""

    name: str
    abbreviations: list[str]

    @property
    def words(self) -> list[str]:
        return [self.name, *self.abbreviations]


class Holiday(LangModel):
    names: list[str]
    rule: Literal["fixed", "nth_weekday", "last_weekday", "easter"]
    month: int | None = None
    day: int | None = None
    weekday: str | None = None
    nth: int | None = None
    from_day: int = 1
    days: int = 0

    @model_validator(mode="after")
    def _fields_of_rule(self) -> Holiday:
        needed = {
            "fixed": ("month", "day"),
            "nth_weekday": ("month", "weekday", "nth"),
            "last_weekday": ("month", "weekday"),
            "easter": (),
        }[self.rule]
        missing = [name for name in needed if getattr(self, name) is None]
        if missing:
            raise ValueError(f"holiday {self.names[0]!r} ({self.rule}) needs {', '.join(missing)}")
        return self


class Calendar(LangModel):
    months: list[NamedUnit]
    weekdays: list[NamedUnit]
    seasons: dict[str, str]
    parts_of_day: dict[str, str]
    part_of_day_words: dict[str, str]
    holidays: list[Holiday]

    @model_validator(mode="after")
    def _complete(self) -> Calendar:
        if len(self.months) != 12 or len(self.weekdays) != 7:
            raise ValueError("calendar needs 12 months and 7 weekdays")
        weekdays = {w.name for w in self.weekdays}
        for holiday in self.holidays:
            if holiday.weekday is not None and holiday.weekday not in weekdays:
                raise ValueError(f"holiday {holiday.names[0]!r}: unknown weekday {holiday.weekday!r}")
        return self

    def month_numbers(self) -> dict[str, int]:
        """Every month word (name or abbreviation) to its number, 1 to 12."""
        return {word: number for number, month in enumerate(self.months, 1) for word in month.words}

    def weekday_numbers(self) -> dict[str, int]:
        """Every weekday word to its number from Monday = 0 (Python's `date.weekday()`)."""
        return {word: number for number, day in enumerate(self.weekdays) for word in day.words}

    def holiday_named(self, name: str) -> Holiday:
        for holiday in self.holidays:
            if name in holiday.names:
                return holiday
        raise KeyError(name)


@cache
def calendar() -> Calendar:
    """The calendar vocabulary, read once."""
    return load("calendar", Calendar)
