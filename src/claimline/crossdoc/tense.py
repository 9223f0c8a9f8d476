"""The tense of an event, read from its trigger and summary (the JSON keeps no part-of-speech tags).

An undated event is placed by its tense against its article's publication date: a past or present
event in a news article is at or just before it; a future one is after it and stays undated.
Rules are tried in order; the first that answers decides.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from typing import Literal

from claimline.lang.crossdoc import crossdoc_words

Tense = Literal["past", "present", "future", "unknown"]
TenseRule = Callable[[str, str, str], Tense | None]  # (trigger text, lemma, summary) -> tense


@cache
def _phrase_pattern(phrases: tuple[str, ...], before_trigger: bool) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"(?:^|\s)(?:{alternatives})\s+(?:\w+\s+){{0,2}}$" if before_trigger else alternatives)


def _before(trigger: str, summary: str) -> str:
    """The summary's words before the trigger (lower case), or '' when the trigger is not in it."""
    lowered = summary.lower()
    at = re.search(rf"\b{re.escape(trigger.lower())}\b", lowered)
    return lowered[: at.start()] if at else ""


def future_marker(trigger: str, lemma: str, summary: str) -> Tense | None:
    """'will launch', 'is set to open', 'plans to sell'."""
    words = tuple(crossdoc_words().future_markers)
    return "future" if _phrase_pattern(words, True).search(_before(trigger, summary)) else None


def progressive(trigger: str, lemma: str, summary: str) -> Tense | None:
    """'was selling' is past, 'is selling' present; an '-ing' form alone says nothing."""
    if not trigger.lower().endswith("ing") or lemma.endswith("ing"):
        return None
    before = _before(trigger, summary)
    words = crossdoc_words()
    if _phrase_pattern(tuple(words.past_auxiliaries), True).search(before):
        return "past"
    if _phrase_pattern(tuple(words.present_auxiliaries), True).search(before):
        return "present"
    return "unknown"


def past_form(trigger: str, lemma: str, summary: str) -> Tense | None:
    """A form other than the lemma that is not '-s' or '-ing' is a past form: 'launched', 'sold', 'took'."""
    word = trigger.lower()
    if word == lemma or word.endswith("ing"):
        return None
    if word.endswith("ed") or not word.endswith("s"):
        return "past"
    return None


def third_person_present(trigger: str, lemma: str, summary: str) -> Tense | None:
    """'sells', 'owns': a present-tense verb (or a plural event noun, also read as current)."""
    word = trigger.lower()
    return "present" if word != lemma and word.endswith("s") else None


TENSE_RULES: tuple[TenseRule, ...] = (future_marker, progressive, past_form, third_person_present)


def tense_of(trigger: str, lemma: str, summary: str) -> Tense:
    for rule in TENSE_RULES:
        found = rule(trigger, lemma.lower(), summary)
        if found is not None:
            return found
    return "unknown"
