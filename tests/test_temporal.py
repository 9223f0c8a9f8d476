"""Temporal stage: TIMEX3 normalisation families (pure function) and extraction over a parsed doc."""

from __future__ import annotations

import itertools
from datetime import date
from typing import TYPE_CHECKING

import pytest

from claimline.sentences import extract_sentences
from claimline.temporal import Normalised, Point, Tense, extract_times, normalise

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from claimline.models import TimeExpression

PUB = date(2025, 4, 5)  # a Saturday; ISO week 2025-W14


def norm(
    text: str, tense: Tense | None = None, published: date | None = PUB, anchor: Point | None = None
) -> Normalised:
    result = normalise(text, published, tense, anchor)
    assert result is not None, text
    return result


# ----------------------------------------------------------------------------- dates and mods


@pytest.mark.parametrize(
    ("text", "tense", "value", "mod"),
    [
        ("late March", "PAST", "2025-03", "END"),
        ("early March", "PAST", "2025-03", "START"),
        ("mid-November", "PAST", "2024-11", "MID"),
        ("the end of 1990", None, "1990", "END"),
        ("the beginning of October", "PAST", "2024-10", "START"),
        ("earlier this month", "PAST", "2025-04", "START"),
        ("later this year", "FUTURE", "2025", "END"),
        ("the late 1970s", None, "197X", "END"),
        ("early 1991", None, "1991", "START"),
        ("around Nov. 1", "PAST", "2024-11-01", "APPROX"),
        ("the next year or so", "FUTURE", "2026", "APPROX"),
        ("1994 or later", None, "1994", "ON_OR_AFTER"),
    ],
)
def test_modified_dates(text: str, tense: Tense | None, value: str, mod: str) -> None:
    r = norm(text, tense)
    assert (r.type, r.value, r.mod) == ("DATE", value, mod)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("March 18, 2025", "2025-03-18"),
        ("18 March 2025", "2025-03-18"),
        ("Oct. 15, 1999", "1999-10-15"),
        ("Friday, Oct. 23, 1998", "1998-10-23"),
        ("2025-04-10", "2025-04-10"),
        ("July 1997", "1997-07"),
        ("1990", "1990"),
        ("fiscal 1989", "1989"),
        ("nineteen ninety-six", "1996"),
        ("the year two thousand", "2000"),
        ("the 1990s", "199X"),
        ("the nineties", "199X"),
        ("the '80s", "198X"),
        ("the 20th century", "19"),
        ("the winter of 1994", "1994-WI"),
        ("the third quarter of 1990", "1990-Q3"),
        ("the first half of 1989", "1989-H1"),
        ("Q1 2025", "2025-Q1"),
        ("H2 2024", "2024-H2"),
        ("FY2024", "2024"),
        ("2024's", "2024"),
        ("the 10th day of April, 2025", "2025-04-10"),
    ],
)
def test_absolute_dates(text: str, value: str) -> None:
    r = norm(text)
    assert (r.type, r.value) == ("DATE", value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("today", "2025-04-05"),
        ("yesterday", "2025-04-04"),
        ("tomorrow", "2025-04-06"),
        ("last week", "2025-W13"),
        ("this week", "2025-W14"),
        ("next week", "2025-W15"),
        ("last month", "2025-03"),
        ("next month", "2025-05"),
        ("this year", "2025"),
        ("last year", "2024"),
        ("next year", "2026"),
        ("the past year", "2024"),
        ("two years ago", "2023"),
        ("a month ago", "2025-03"),
        ("six weeks ago", "2025-W08"),
        ("ten days ago", "2025-03-26"),
        ("this spring", "2025-SP"),
        ("last fall", "2024-FA"),
        ("next summer", "2025-SU"),
        ("the third quarter", "2025-Q3"),
        ("third-quarter", "2025-Q3"),
        ("the current quarter", "2025-Q2"),
        ("last March", "2025-03"),
        ("last May", "2024-05"),
        ("this September", "2025-09"),
        ("June last year", "2024-06"),
        ("the weekend", "2025-W14-WE"),
        ("Thanksgiving Day", "2024-11-28"),
        ("Christmas", "2024-12-25"),
    ],
)
def test_relative_to_publication(text: str, value: str) -> None:
    r = norm(text)
    assert r.type == "DATE"
    assert r.value == value
    assert not r.anchored


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("now", "PRESENT_REF"),
        ("currently", "PRESENT_REF"),
        ("right now", "PRESENT_REF"),
        ("these days", "PRESENT_REF"),
        ("recently", "PAST_REF"),
        ("the past", "PAST_REF"),
        ("recent years", "PAST_REF"),
        ("the future", "FUTURE_REF"),
        ("the near future", "FUTURE_REF"),
        ("soon", "FUTURE_REF"),
    ],
)
def test_reference_words(text: str, value: str) -> None:
    r = norm(text)
    assert (r.type, r.value, r.earliest, r.latest) == ("DATE", value, None, None)


# ----------------------------------------------------------------------------- tense decides direction


@pytest.mark.parametrize(
    ("text", "tense", "value"),
    [
        ("Tuesday", "PAST", "2025-04-01"),  # the preceding Tuesday
        ("Tuesday", "FUTURE", "2025-04-08"),  # the following Tuesday
        ("Friday", "PAST", "2025-04-04"),
        ("Saturday", "PAST", "2025-04-05"),  # the day of publication itself
        ("last Tuesday", None, "2025-04-01"),
        ("next Tuesday", None, "2025-04-08"),
        ("March", "PAST", "2025-03"),
        ("May", "PAST", "2024-05"),
        ("May", "FUTURE", "2025-05"),
        ("February", "FUTURE", "2026-02"),
        ("March 18", "PAST", "2025-03-18"),
        ("December 2", "PAST", "2024-12-02"),
        ("December 2", "FUTURE", "2025-12-02"),
    ],
)
def test_tense_sets_direction(text: str, tense: Tense, value: str) -> None:
    assert norm(text, tense).value == value


# ----------------------------------------------------------------------------- durations and sets


@pytest.mark.parametrize(
    ("text", "value", "mod"),
    [
        ("five years", "P5Y", None),
        ("two days", "P2D", None),
        ("a week", "P1W", None),
        ("the past two months", "P2M", None),
        ("the first nine months", "P9M", None),
        ("the next three years", "P3Y", None),
        ("years", "PXY", None),
        ("several months", "PXM", None),
        ("a few days", "PXD", None),
        ("decades", "PXE", None),
        ("two decades", "P20Y", None),
        ("16-hour", "PT16H", None),
        ("five-year", "P5Y", None),
        ("5 1/2 hours", "PT5H30M", None),
        ("2 1/2 years", "P2Y6M", None),
        ("a minute and a half", "PT1M30S", None),
        ("the last twenty four hours", "PT24H", None),
        ("at least 72 hours", "PT72H", "EQUAL_OR_MORE"),
        ("more than four hours", "PT4H", "MORE_THAN"),
        ("less than one hour", "PT1H", "LESS_THAN"),
        ("up to 180 days", "P180D", "EQUAL_OR_LESS"),
        ("about two weeks", "P2W", "APPROX"),
    ],
)
def test_durations(text: str, value: str, mod: str | None) -> None:
    r = norm(text)
    assert (r.type, r.value, r.mod) == ("DURATION", value, mod)
    assert r.earliest is None and r.latest is None


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("daily", "P1D"),
        ("weekly", "P1W"),
        ("annually", "P1Y"),
        ("every day", "P1D"),
        ("each year", "P1Y"),
        ("every other week", "P2W"),
        ("each Thursday", "XXXX-WXX-4"),
        ("Tuesday nights", "XXXX-WXX-2TNI"),
        ("each July", "XXXX-07"),
    ],
)
def test_sets(text: str, value: str) -> None:
    r = norm(text)
    assert (r.type, r.value) == ("SET", value)


# ----------------------------------------------------------------------------- times of day


@pytest.mark.parametrize(
    ("text", "tense", "value"),
    [
        ("the night of 18 March", "PAST", "2025-03-18TNI"),
        ("10:35 a.m.", None, "2025-04-05T10:35"),
        ("9 a.m. Tuesday", "PAST", "2025-04-01T09:00"),
        ("noon Thursday", "PAST", "2025-04-03T12:00"),
        ("this morning", None, "2025-04-05TMO"),
        ("last night", None, "2025-04-04TNI"),
        ("Friday morning", "PAST", "2025-04-04TMO"),
        ("yesterday afternoon", None, "2025-04-04TAF"),
    ],
)
def test_times_of_day(text: str, tense: Tense | None, value: str) -> None:
    r = norm(text, tense)
    assert (r.type, r.value) == ("TIME", value)
    day = date.fromisoformat(value[:10])
    assert r.earliest == r.latest == day


# ----------------------------------------------------------------------------- anchoring


ANCHOR = Point(2025, 3, 18)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("two days later", "2025-03-20"),
        ("the next day", "2025-03-19"),
        ("the following day", "2025-03-19"),
        ("a day earlier", "2025-03-17"),
        ("the previous day", "2025-03-17"),
        ("that day", "2025-03-18"),
        ("the same day", "2025-03-18"),
        ("that week", "2025-W12"),
        ("the following week", "2025-W13"),
        ("the next morning", "2025-03-19TMO"),
        ("a year earlier", "2024-03-18"),
    ],
)
def test_anchored_to_previous_date(text: str, value: str) -> None:
    r = norm(text, "PAST", anchor=ANCHOR)
    assert r.value == value
    assert r.anchored


def test_year_earlier_follows_quarter_under_discussion() -> None:
    r = norm("a year earlier", anchor=Point(1989, quarter=3), published=date(1989, 10, 27))
    assert (r.value, r.anchored) == ("1988-Q3", True)


def test_ago_counts_from_publication_not_anchor() -> None:
    r = norm("two days ago", anchor=ANCHOR)
    assert (r.value, r.anchored) == ("2025-04-03", False)


# ----------------------------------------------------------------------------- no publication date


@pytest.mark.parametrize(
    ("text", "tense", "value"),
    [
        ("late March", "PAST", "XXXX-03"),
        ("the night of 18 March", "PAST", "XXXX-03-18TNI"),
        ("March 18", "PAST", "XXXX-03-18"),
        ("Tuesday", "PAST", "XXXX-WXX-2"),
        ("yesterday", None, "XXXX-XX-XX"),
        ("last week", None, "XXXX-WXX"),
        ("last month", None, "XXXX-XX"),
        ("next year", None, "XXXX"),
        ("this spring", None, "XXXX-SP"),
        ("the third quarter", None, "XXXX-Q3"),
        ("two days later", None, "XXXX-XX-XX"),
        ("March 18, 2025", None, "2025-03-18"),
        ("five years", None, "P5Y"),
    ],
)
def test_without_publication_nothing_is_guessed(text: str, tense: Tense | None, value: str) -> None:
    r = norm(text, tense, published=None)
    assert r.value == value
    if "X" in value:
        assert r.earliest is None and r.latest is None


# ----------------------------------------------------------------------------- intervals


@pytest.mark.parametrize(
    ("text", "tense", "earliest", "latest"),
    [
        ("late March", "PAST", date(2025, 3, 21), date(2025, 3, 31)),
        ("early March", "PAST", date(2025, 3, 1), date(2025, 3, 10)),
        ("mid-March", "PAST", date(2025, 3, 11), date(2025, 3, 20)),
        ("March", "PAST", date(2025, 3, 1), date(2025, 3, 31)),
        ("last week", None, date(2025, 3, 24), date(2025, 3, 30)),
        ("early 1990", None, date(1990, 1, 1), date(1990, 4, 30)),
        ("late 1990", None, date(1990, 9, 1), date(1990, 12, 31)),
        ("the third quarter of 1990", None, date(1990, 7, 1), date(1990, 9, 30)),
        ("this spring", None, date(2025, 3, 1), date(2025, 5, 31)),
        ("the winter of 1994", None, date(1994, 12, 1), date(1995, 2, 28)),
        ("the 1990s", None, date(1990, 1, 1), date(1999, 12, 31)),
        ("the weekend", None, date(2025, 4, 5), date(2025, 4, 6)),
    ],
)
def test_calendar_interval(text: str, tense: Tense | None, earliest: date, latest: date) -> None:
    r = norm(text, tense)
    assert (r.earliest, r.latest) == (earliest, latest)


def test_not_temporal() -> None:
    assert normalise("the company", PUB) is None
    assert normalise("three-quarters", PUB) is None


# ----------------------------------------------------------------------------- over a parsed doc


def _times(nlp: Language, text: str, published: date | None = PUB) -> list[TimeExpression]:
    doc = nlp(text)
    return extract_times(doc, published, extract_sentences(doc))


def test_offsets_ids_and_sentences(nlp: Language) -> None:
    text = "Talks resumed on Tuesday. Two days later, the ceasefire collapsed in late March."
    times = _times(nlp, text)
    assert [t.id for t in times] == [f"t{i}" for i in range(len(times))]
    for t in times:
        assert text[t.start : t.end] == t.text
        assert t.sentence is not None
    assert [t.start for t in times] == sorted(t.start for t in times)
    assert all(a.end <= b.start for a, b in itertools.pairwise(times))


def test_past_tense_weekday_and_anchor(nlp: Language) -> None:
    times = _times(nlp, "The talks collapsed on Tuesday. Two days later, Israel resumed strikes.")
    by_text = {t.text.lower(): t for t in times}
    assert by_text["tuesday"].value == "2025-04-01"
    later = next(t for t in times if t.text.lower().startswith("two days"))
    assert later.value == "2025-04-03"
    assert later.anchor == by_text["tuesday"].id


def test_future_tense_weekday(nlp: Language) -> None:
    (t,) = _times(nlp, "The delegation will travel to Cairo on Tuesday.")
    assert t.value == "2025-04-08"


def test_model_misses_are_found(nlp: Language) -> None:
    times = _times(nlp, "Prices are currently high, but analysts expect them to fall in the near future.")
    values = {t.value for t in times}
    assert "PRESENT_REF" in values
    assert "FUTURE_REF" in values


def test_extent_follows_timeml(nlp: Language) -> None:
    text = "He said the rifle was found in the quarter ended Sept. 30, a 44-year-old witness said."
    times = _times(nlp, text, date(1989, 10, 27))
    texts = [t.text for t in times]
    assert "Sept. 30" in texts
    assert all("year-old" not in t for t in texts)


def test_premodifier_has_no_determiner(nlp: Language) -> None:
    times = _times(nlp, "The company reported a third-quarter loss.", date(1989, 10, 27))
    assert [(t.text, t.value) for t in times] == [("third-quarter", "1989-Q3")]


def test_seed_article(nlp: Language, seed_text: str) -> None:
    doc = nlp(seed_text)
    times = extract_times(doc, date(2025, 4, 5), extract_sentences(doc))
    late = next(t for t in times if t.text.lower() == "late march")
    assert (late.value, late.mod, late.type) == ("2025-03", "END", "DATE")
    assert (late.earliest, late.latest) == (date(2025, 3, 21), date(2025, 3, 31))
    for before, after in itertools.pairwise(times):
        assert before.end <= after.start, (before.text, after.text)
    night = next(t for t in times if "18 March" in t.text)
    assert night.text == "the night of 18 March"
    assert night.value == "2025-03-18TNI"
    assert night.earliest == night.latest == date(2025, 3, 18)


def test_seed_article_without_publication_date(nlp: Language, seed_text: str) -> None:
    doc = nlp(seed_text)
    times = extract_times(doc, None, extract_sentences(doc))
    values = {t.text: t.value for t in times}
    assert values["late March"] == "XXXX-03"
    assert values["the night of 18 March"] == "XXXX-03-18TNI"
    assert all(not t.value.startswith("20") for t in times)


def test_day_offset_counts_from_the_last_day_not_a_month(nlp: Language) -> None:
    text = (
        "The bank raised rates on Wednesday, its third increase since January. "
        "Two days later, the currency fell."
    )
    times = _times(nlp, text, date(2025, 4, 10))
    wednesday = next(t for t in times if t.text == "Wednesday")
    later = next(t for t in times if t.text.lower().startswith("two days"))
    assert (later.value, later.anchor) == ("2025-04-11", wednesday.id)


def test_descriptive_adjectives_do_not_block_normalisation(nlp: Language) -> None:
    times = _times(nlp, "Markets had a tumultuous week.")
    assert [(t.type, t.value) for t in times if "week" in t.text] == [("DURATION", "P1W")]


# ----------------------------------------------------------------------------- seasons across the year end


@pytest.mark.parametrize(
    ("text", "tense", "published", "value"),
    [
        # winter is named after its December: in February 2026 the current winter is 2025-WI
        ("last fall", "PAST", date(2026, 2, 10), "2025-FA"),
        ("this spring", "FUTURE", date(2026, 2, 10), "2026-SP"),
        ("this winter", "PAST", date(2026, 2, 10), "2025-WI"),
        ("last summer", None, date(2026, 1, 20), "2025-SU"),
        ("next winter", None, date(2026, 1, 20), "2026-WI"),
        ("last fall", "PAST", date(2025, 12, 15), "2025-FA"),
        ("next spring", None, date(2025, 12, 15), "2026-SP"),
    ],
)
def test_seasons_around_the_year_end(text: str, tense: Tense | None, published: date, value: str) -> None:
    assert norm(text, tense, published).value == value


# ----------------------------------------------------------------------------- one unit off a named date


@pytest.mark.parametrize(
    ("text", "published", "value"),
    [
        ("the day before last Tuesday", date(2025, 4, 10), "2025-04-07"),
        ("the day after Christmas", date(2025, 12, 30), "2025-12-26"),
        ("the week after March 3", date(2025, 4, 10), "2025-W11"),
        ("the day before last Tuesday", None, "XXXX-XX-XX"),
    ],
)
def test_unit_before_or_after_a_date(text: str, published: date | None, value: str) -> None:
    assert norm(text, "PAST", published).value == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Easter week", "2025-W16"),  # Easter Sunday 2025 is April 20
        ("Christmas week", "2024-W52"),
        ("Thanksgiving weekend", "2024-W48-WE"),
    ],
)
def test_holiday_weeks(text: str, value: str) -> None:
    assert norm(text, "PAST", date(2025, 4, 17)).value == value


# ----------------------------------------------------------------------------- quarters in earnings reports


@pytest.mark.parametrize(
    ("text", "anchor", "value"),
    [
        ("the 1988 quarter", Point(1989, quarter=3), "1988-Q3"),
        ("the 2023 period", Point(2024, quarter=2), "2023-Q2"),
        ("the 1988 period", None, "1988"),
        ("last year's quarter", Point(2025, quarter=1), "2024-Q1"),
    ],
)
def test_year_of_the_quarter_under_discussion(text: str, anchor: Point | None, value: str) -> None:
    assert norm(text, "PAST", anchor=anchor).value == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("the year-earlier nine months", "P9M"),
        ("the year-ago six months", "P6M"),
    ],
)
def test_year_earlier_span_of_months_is_a_duration(text: str, value: str) -> None:
    r = norm(text, "PAST", anchor=Point(2025, quarter=1))
    assert (r.type, r.value) == ("DURATION", value)


# ----------------------------------------------------------------------------- direction of day dates


@pytest.mark.parametrize(
    ("text", "tense", "published", "value"),
    [
        # a deadline that has just gone by, in a future-tense clause, is that one
        ("Jan. 14", "FUTURE", date(2025, 1, 15), "2025-01-14"),
        ("March 2", "FUTURE", date(2025, 3, 10), "2025-03-02"),
        # ... but not one long gone
        ("Jan. 14", "FUTURE", date(2025, 3, 15), "2026-01-14"),
    ],
)
def test_future_clause_tolerates_a_date_just_past(
    text: str, tense: Tense, published: date, value: str
) -> None:
    assert norm(text, tense, published).value == value


@pytest.mark.parametrize(
    ("text", "value"),
    [("then current", "PAST_REF"), ("then-current", "PAST_REF"), ("current", "PRESENT_REF")],
)
def test_then_current_is_past(text: str, value: str) -> None:
    assert norm(text).value == value


def test_a_number_before_a_year_ago_is_not_part_of_it() -> None:
    assert normalise("seven a year ago", PUB) is None
    assert norm("two and a half years", None).value == "P2Y6M"


# ------------------------------------------------------------------------- tense from the clause (parsed)


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # past perfect: before publication whatever the preposition or "due"
        ("Until Thursday, the ministry had not published the report.", date(2025, 4, 11), "2025-04-10"),
        ("The permit had been due to lapse Friday.", date(2025, 4, 14), "2025-04-11"),
        # a present perfect cannot take a past weekday: the scheduled, nearest one
        ("The union has called a strike vote Thursday.", date(2025, 4, 9), "2025-04-10"),
        # a possessive weekday names something already there
        ("The council will debate Thursday's proposal.", date(2025, 4, 14), "2025-04-10"),
        # future in the past: the nearest day
        ("She said the ferry would be sailing to Oslo Thursday.", date(2025, 4, 9), "2025-04-10"),
    ],
)
def test_weekday_direction_from_the_clause(nlp: Language, text: str, published: date, expected: str) -> None:
    times = _times(nlp, text, published)
    assert [t.value for t in times if t.type == "DATE"] == [expected]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a month premodifying a noun names an event that exists
        ("The farmers want to renegotiate the June accord.", date(2025, 4, 20), "2024-06"),
        ("The minister described the late-November floods to reporters.", date(2025, 1, 28), "2024-11"),
        # ... unless the clause says "will"
        ("The June conference will settle the budget.", date(2025, 4, 20), "2025-06"),
        # "planned for", "scheduled for": the coming one
        ("The launch was planned for early March.", date(2025, 2, 10), "2025-03"),
    ],
)
def test_month_direction_from_the_phrase(nlp: Language, text: str, published: date, expected: str) -> None:
    times = _times(nlp, text, published)
    assert [t.value for t in times if t.type == "DATE"] == [expected]


def test_approximation_word_must_govern_the_time(nlp: Language) -> None:
    times = _times(nlp, "Exporters hope to work around Wednesday's tariff decision.", date(2025, 4, 11))
    assert [(t.text, t.value, t.mod) for t in times] == [("Wednesday", "2025-04-09", None)]


# ------------------------------------------------------------------------- anchoring in a document (parsed)


def test_that_year_refers_to_the_year_just_named(nlp: Language) -> None:
    text = "The orchard sold 40 tonnes of apples in 2019, half of the region's harvest that year."
    times = _times(nlp, text, date(2021, 3, 2))
    that_year = next(t for t in times if t.text == "that year")
    year = next(t for t in times if t.text == "2019")
    assert (that_year.value, that_year.anchor) == ("2019", year.id)


def test_the_day_after_an_event_counts_from_the_last_date(nlp: Language) -> None:
    text = "The bridge collapsed on Oct. 23. Engineers inspected the river the day after the collapse."
    times = _times(nlp, text, date(2025, 11, 20))
    assert [t.value for t in times] == ["2025-10-23", "2025-10-24"]


def test_a_day_in_apposition_is_that_day(nlp: Language) -> None:
    text = "Ten days after Oct. 12, the day before the vote, turnout forecasts were revised."
    times = _times(nlp, text, date(2025, 10, 30))
    assert next(t for t in times if t.text == "the day").value == "2025-10-12"


def test_year_earlier_after_a_span_of_months_is_a_year(nlp: Language) -> None:
    text = (
        "The brewer's third-quarter sales rose 5%. In the first nine months, sales fell to $50 million "
        "from $61 million a year earlier."
    )
    times = _times(nlp, text, date(2025, 10, 28))
    assert next(t for t in times if "year earlier" in t.text).value == "2024"


def test_year_earlier_after_a_quarter_is_that_quarter(nlp: Language) -> None:
    text = "The airline's third-quarter revenue grew to $9 million from $7 million a year earlier."
    times = _times(nlp, text, date(2025, 10, 28))
    assert next(t for t in times if "year earlier" in t.text).value == "2024-Q3"


def test_indefinite_quarter_does_not_change_the_topic(nlp: Language) -> None:
    text = (
        "The chipmaker reported higher third-quarter revenue. After a weak second quarter, "
        "it said margins in the year-earlier period were thinner."
    )
    times = _times(nlp, text, date(2025, 11, 1))
    assert next(t for t in times if "year-earlier" in t.text).value == "2024-Q3"


def test_quarter_ended_date_without_a_named_quarter(nlp: Language) -> None:
    text = "In the quarter ended July 31, the bakery sold 2 million loaves."
    times = _times(nlp, text, date(2025, 10, 30))
    assert [(t.text, t.value) for t in times] == [("the quarter", "2025-Q2"), ("July 31", "2025-07-31")]


def test_overnight_is_the_night_before_the_story_day(nlp: Language) -> None:
    text = "Tokyo stocks fell Friday, dragged down by overnight declines on Wall Street."
    times = _times(nlp, text, date(2025, 4, 7))  # a Monday
    assert [t.value for t in times] == ["2025-04-04", "2025-04-03TNI"]


def test_the_previous_weekday_counts_from_the_story_day(nlp: Language) -> None:
    text = "The wheat price settled at $6 on Friday, up 2% from the previous Friday."
    times = _times(nlp, text, date(2025, 4, 7))
    assert [t.value for t in times] == ["2025-04-04", "2025-03-28"]


def test_elided_month_in_a_pair_of_days(nlp: Language) -> None:
    text = "The festival will run on April 24 and 25 in Lisbon."
    times = _times(nlp, text, date(2025, 2, 10))
    assert [(t.text, t.value) for t in times] == [("April 24", "2025-04-24"), ("25", "2025-04-25")]
    assert times[1].anchor == times[0].id


# ------------------------------------------------------------------------- extents and non-times (parsed)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The exhibition may stay open for at least two more weeks.", ("at least two more weeks", "P2W")),
        ("The lease could run for 20 additional years.", ("20 additional years", "P20Y")),
        ("Tickets were sold at the then current fare.", ("then current", "PAST_REF")),
        ("Engineers hope the tunnel will one day link both valleys.", ("one day", "FUTURE_REF")),
        ("Pilgrims arrived as Easter week began.", ("Easter week", "2025-W16")),
        ("During the day Friday, the shops stayed closed.", ("the day Friday", "2025-04-18")),
    ],
)
def test_extents_and_values(nlp: Language, text: str, expected: tuple[str, str]) -> None:
    times = _times(nlp, text, date(2025, 4, 19))
    assert [(t.text, t.value) for t in times] == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "The interview appeared in USA Today.",
        "The painter moved to Rome when she was in her 40s.",
        'The senator, speaking on the programme "Good Morning," defended the bill.',
        "Thousands joined the annual March for Peace.",
        "Pension funds hold more than a quarter of the shares.",
    ],
)
def test_names_ages_and_fractions_are_not_times(nlp: Language, text: str) -> None:
    assert _times(nlp, text, date(2025, 4, 19)) == []


@pytest.mark.parametrize(
    ("text", "value", "mod"),
    [
        ("the first two quarters of 2026", "2026-H1", None),
        ("the last two quarters of 2024", "2024-H2", None),
        ("at least the first two quarters of 2026", "2026-H1", "EQUAL_OR_MORE"),
    ],
)
def test_two_quarters_of_a_year_are_a_half(text: str, value: str, mod: str | None) -> None:
    r = norm(text, "FUTURE")
    assert (r.type, r.value, r.mod) == ("DATE", value, mod)


# ----------------------------------------------------------------------------- detection windows


def test_every_matcher_pattern_needs_an_anchor_word(nlp: Language) -> None:
    """`_windows` leaves out windows without an anchor word: sound only while every pattern has a
    required token that is a trigger word or matches one of the pattern token regexes."""
    from claimline.temporal import TimeExtractor
    from claimline.temporal import detection as temporal

    matcher = TimeExtractor(nlp.vocab).matcher
    keys = ["LEX", "CURRENT", "REF", "DURATION", "CALENDAR", "HOLIDAY"]
    assert len(matcher) == len(keys)

    def anchors(spec: dict[str, object]) -> bool:
        if spec.get("OP", "1") not in ("1", "+"):
            return False  # optional or negated: a match need not contain it
        lower, text = spec.get("LOWER"), spec.get("TEXT")
        if isinstance(lower, str):
            return lower in temporal._TRIGGERS
        if isinstance(lower, dict) and set(lower) == {"IN"}:
            return set(lower["IN"]) <= temporal._TRIGGERS
        regexes = {regex.pattern for regex in temporal._PATTERN_TOKEN_REGEXES}
        return isinstance(text, dict) and set(text) == {"REGEX"} and text["REGEX"] in regexes

    for key in keys:
        entry = matcher.get(key)
        assert entry is not None, key
        for pattern in entry[1]:
            assert any(anchors(spec) for spec in pattern), (key, pattern)


def test_windows_without_an_anchor_word_would_match_nothing(nlp: Language) -> None:
    from claimline.temporal import TimeExtractor

    doc = nlp(
        "About 30 people came, the mayor and her many friends from the old town hall among them. "
        "The 2 sides talked in Q3 and resumed the talks on Tuesday, with 12 of 40 delegates present."
    )
    extractor = TimeExtractor(nlp.vocab)
    kept = extractor.windows(doc)
    dropped = [window for window in _all_windows(doc) if window not in kept]
    assert len(kept) == 1 and dropped  # "Q3 ... Tuesday" kept, "About 30 people" not
    matcher = extractor.matcher
    for a, b in dropped:
        assert matcher(doc[a:b]) == []


def _all_windows(doc: Doc) -> list[tuple[int, int]]:
    """The windows before leaving out those without an anchor word."""
    from claimline.temporal import detection as temporal

    windows: list[tuple[int, int]] = []
    for token in doc:
        if temporal._word_class(token) & temporal._TRIGGER:
            a, b = max(0, token.i - 4), min(len(doc), token.i + 5)
            if windows and a <= windows[-1][1]:
                windows[-1] = (windows[-1][0], b)
            else:
                windows.append((a, b))
    return windows
