"""Words of time that are not calendar names or numbers (`lang/<language>/time_words.toml`):
reference words, frequency words, the words at an expression's edges, direction cues, modifiers."""

from __future__ import annotations

from functools import cache

from claimline.lang import LangModel, load
from claimline.models import TimeMod


class Detection(LangModel):
    lexical: list[str]
    adjectival_sets: list[str]


class Extent(LangModel):
    leading_drop: list[str]
    trailing_drop: list[str]
    solo_drop_left: list[str]
    keep_approx: list[str]
    extend_left: list[str]
    approx: list[str]
    extend_left_pairs: list[tuple[str, str]]
    connectors: list[str]
    determiners: list[str]


class Direction(LangModel):
    future_cues: list[str]
    past_cues: list[str]
    schedule_verbs: list[str]
    relative_followers: list[str]


class ModPattern(LangModel):
    pattern: str  # a regular expression over the lower-cased text
    mod: TimeMod


class TimeWords(LangModel):
    present: list[str]
    past: list[str]
    future: list[str]
    sets: dict[str, str]
    detection: Detection
    extent: Extent
    direction: Direction
    prefix_mods: list[ModPattern]
    suffix_mods: list[ModPattern]


@cache
def time_words() -> TimeWords:
    """The time-word vocabulary, read once."""
    return load("time_words", TimeWords)
