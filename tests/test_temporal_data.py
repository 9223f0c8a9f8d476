"""The temporal stage over its language data: what a line of lang/en/*.toml does, and the named rules."""

from __future__ import annotations

from datetime import date

import pytest
import spacy
from spacy.tokens import Doc

from claimline.lang import LanguageDataError, parse, validate
from claimline.lang.calendar import Calendar, Holiday, calendar
from claimline.sentences import SentenceIndex
from claimline.temporal import TimeExtractor, extract_times, normalise
from claimline.temporal.arithmetic import Point, holiday_date
from claimline.temporal.extract import extractor_for
from claimline.temporal.resolve import Normalised
from claimline.temporal.rules import RULES
from claimline.temporal.state import DiscourseState

PUB = date(2025, 4, 5)  # a Saturday

BLANK = spacy.blank("en")
EXTRACTOR = TimeExtractor(BLANK.vocab)


def _doc(text: str) -> Doc:
    """A tokenised Doc with a coarse part of speech and no entities: what is found in it, the
    detector's Matcher found (the model's DATE entities are not there to help)."""
    doc = BLANK(text)
    for token in doc:
        token.pos_ = "NUM" if token.like_num else "PUNCT" if token.is_punct else "X"
    return doc


def _found(text: str, published: date | None = PUB) -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in EXTRACTOR(_doc(text), published, SentenceIndex([]))]


# ----------------------------------------------------------------------------- holidays


@pytest.mark.parametrize("holiday", calendar().holidays, ids=lambda h: h.names[0])
def test_every_holiday_of_the_data_is_detected_and_dated(holiday: Holiday) -> None:
    """A holiday is one entry of calendar.toml: each of its names is found by the detector and
    normalised to the day its rule gives (the nearest one to publication in an untensed clause)."""
    # a name ending in "'s" alone ("New Year's") loses its "'s" as a possessive would: not read
    for name in [name for name in holiday.names if not name.endswith("'s")]:
        written = " ".join(word.capitalize() for word in name.split())
        found = _found(f"Crowds gathered on {written} in the capital.")
        day = holiday_date(holiday, PUB.year)
        if (day - PUB).days > 183:
            day = holiday_date(holiday, PUB.year - 1)
        elif (PUB - day).days > 183:
            day = holiday_date(holiday, PUB.year + 1)
        assert found == [(written, day.isoformat())], name


def test_a_holiday_week_and_a_relative_holiday() -> None:
    assert _found("Prices rose in the Easter week.") == [("the Easter week", "2025-W16")]
    assert _found("Sales fell last Christmas.") == [("last Christmas", "2024-12-25")]


@pytest.mark.parametrize(
    ("rule", "year", "expected"),
    [
        ({"rule": "fixed", "month": 2, "day": 2}, 2025, date(2025, 2, 2)),
        ({"rule": "nth_weekday", "month": 1, "weekday": "monday", "nth": 3}, 2025, date(2025, 1, 20)),
        ({"rule": "last_weekday", "month": 5, "weekday": "monday"}, 2024, date(2024, 5, 27)),
        ({"rule": "easter", "days": -2}, 2025, date(2025, 4, 18)),  # Good Friday
        (
            {"rule": "nth_weekday", "month": 11, "weekday": "tuesday", "nth": 1, "from_day": 2},
            2024,
            date(2024, 11, 5),
        ),
    ],
)
def test_holiday_rules(rule: dict[str, object], year: int, expected: date) -> None:
    holiday = Holiday.model_validate({"names": ["a holiday"], **rule})
    assert holiday_date(holiday, year) == expected


def test_a_holiday_rule_without_its_fields_is_an_error() -> None:
    document = parse(
        'months = []\nweekdays = []\nholidays = [{names = ["groundhog day"], rule = "fixed", month = 2}]\n'
        "[seasons]\n[parts_of_day]\n[part_of_day_words]\n",
        "calendar.toml",
    )
    with pytest.raises(LanguageDataError, match="needs day"):
        validate(document, Calendar, "calendar.toml")


# ----------------------------------------------------------------------------- months


@pytest.mark.parametrize(
    ("abbreviation", "month"),
    [(a, n) for n, m in enumerate(calendar().months, 1) for a in m.abbreviations],
)
def test_every_month_abbreviation_is_detected_and_normalised(abbreviation: str, month: int) -> None:
    written = abbreviation.capitalize() + "."
    assert _found(f"The vote is set for {written} 12 in the capital.", None) == [
        (f"{written} 12", f"XXXX-{month:02d}-12")
    ]
    assert normalise(f"{abbreviation} 12", None) == Normalised(
        "DATE", f"XXXX-{month:02d}-12", point=Point(None, month, 12)
    )


def test_a_bare_three_letter_month_is_left_to_the_model() -> None:
    assert _found("Officials may 12 times revise it.") == []


# ----------------------------------------------------------------------------- rules


def test_rule_names_are_unique() -> None:
    names = [rule.name for rule in RULES]
    assert len(names) == len(set(names))


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("last Friday", "weekday"),
        ("sometime next week", "preposition>relative_unit"),
        ("early March", "modifier>calendar_date"),
        ("the first two quarters of 1990", "part_of>calendar_date"),
        ("9 a.m. Tuesday", "clock_time>weekday"),
        ("Christmas Eve", "holiday"),
        ("now", "present_word"),
        ("the 10th day of April, 2025", "dateparser"),
    ],
)
def test_the_rule_that_read_a_value_is_kept(text: str, rule: str) -> None:
    result = normalise(text, PUB, "PAST")
    assert result is not None and result.rule == rule


def test_with_rules_gives_the_same_times_and_their_rules() -> None:
    doc = _doc("The talks resumed last Tuesday and ended two days ago.")
    found = EXTRACTOR.with_rules(doc, PUB, SentenceIndex([]))
    assert [t for t, _ in found] == EXTRACTOR(doc, PUB, SentenceIndex([]))
    assert [(t.text, t.value, rule) for t, rule in found] == [
        ("last Tuesday", "2025-04-01", "weekday"),
        ("two days ago", "2025-04-03", "units_ago"),
    ]


def test_extract_times_uses_one_extractor_per_vocab() -> None:
    doc = _doc("They met on Tuesday.")
    assert extractor_for(BLANK.vocab) is extractor_for(BLANK.vocab)
    assert extract_times(doc, PUB, SentenceIndex([])) == EXTRACTOR(doc, PUB, SentenceIndex([]))


def test_discourse_state_picks_the_reference() -> None:
    state = DiscourseState()
    day = Normalised("DATE", "2025-03-18", point=Point(2025, 3, 18))
    quarter = Normalised("DATE", "2024-Q3", point=Point(2024, quarter=3))
    state.update(day, "t0", "March 18", lambda: False)
    state.update(quarter, "t1", "the third quarter", lambda: False)
    assert state.reference_for("two days later") == (Point(2025, 3, 18), "t0")  # a day counts from a day
    assert state.reference_for("the year-earlier quarter") == (Point(2024, quarter=3), "t1")
    assert state.reference_for("that year") == (Point(2024, quarter=3), "t1")
    state.update(
        Normalised("DATE", "2023-Q2", point=Point(2023, quarter=2)), "t2", "a weak quarter", lambda: True
    )
    assert state.quarter is not None and state.quarter.id == "t1"  # mentioned in passing: not the topic


def test_an_abbreviation_whose_full_stop_is_split_off_is_detected() -> None:
    """A new abbreviation is not among the tokenizer's exceptions: "Octo." comes as "Octo" + "."."""
    words = ["They", "voted", "on", "Sept", ".", "12", "in", "the", "capital", "."]
    spaces = [True, True, True, False, True, True, True, True, False, False]
    doc = Doc(BLANK.vocab, words=words, spaces=spaces, pos=["X"] * 5 + ["NUM"] + ["X"] * 4)
    assert [(t.text, t.value) for t in EXTRACTOR(doc, None, SentenceIndex([]))] == [
        ("Sept. 12", "XXXX-09-12")
    ]
