"""Number words and units of time (`lang/<language>/numbers.toml`)."""

from __future__ import annotations

from functools import cache

from pydantic import Field

from claimline.lang import LangModel, load


class Unit(LangModel):
    letter: str
    words: list[str]
    abbreviations: list[str] = Field(default_factory=list)


class Numbers(LangModel):
    cardinals: dict[str, int]
    quarter_ordinals: dict[str, int]
    ordinal_days: dict[str, int]
    decade_words: dict[str, int]
    units: list[Unit]

    def unit_letters(self) -> dict[str, str]:
        """Every unit word and abbreviation to its letter ("weeks" -> "W")."""
        return {word: unit.letter for unit in self.units for word in [*unit.words, *unit.abbreviations]}


@cache
def numbers() -> Numbers:
    """The number and unit vocabulary, read once."""
    return load("numbers", Numbers)
