"""The normalisation rules, in order: the first rule whose pattern matches the whole (modifier-free,
cleaned) expression and whose handler accepts it gives the reading.

Order matters where patterns overlap: reference words before anything else, parts of day before
weekdays, clock times before dates, specific calendar forms before the generic "last/next + unit",
"N units ago" before plain durations. A handler may read part of the expression with `core` again
("sometime next week", "9 a.m. tuesday"); the outcome then names both rules ("preposition>relative_unit").
"""

from __future__ import annotations

from claimline.temporal import rules_calendar as cal
from claimline.temporal import rules_relative as rel
from claimline.temporal import rules_words as words
from claimline.temporal.engine import Outcome, Rule, apply
from claimline.temporal.resolve import _Ctx

RULES: list[Rule] = [
    # reference words, sets and look-alikes
    Rule("present_word", words.PRESENT_WORD, words.present_ref),
    Rule("past_word", words.PAST_WORD, words.past_ref),
    Rule("future_word", words.FUTURE_WORD, words.future_ref),
    Rule("set_word", words.SET_WORD, words.set_word),
    Rule("preposition", words.PREPOSITION, words.without_preposition),
    Rule("vague_span", words.VAGUE_SPAN, words.vague_span),
    Rule("fraction", words.FRACTION, words.not_a_time),
    Rule("year_end", words.YEAR_END, words.year_end),
    Rule("the_year", words.THE_YEAR, words.the_year),
    Rule("years_quarter", words.YEARS_QUARTER, words.years_quarter),
    Rule("in_the_unit", words.IN_THE_UNIT, words.in_the_unit),
    Rule("next_pod", words.NEXT_POD, words.next_pod),
    Rule("pod_of_day", words.POD_OF_DAY, words.pod_of_day),
    Rule("holiday", words.HOLIDAY, words.holiday),
    Rule("every", words.EVERY, words.every),
    Rule("weekdays_plural", words.WEEKDAYS_PLURAL, words.weekday_set),
    Rule("weekday_pods", words.WEEKDAY_PODS, words.weekday_set),
    Rule("times_per", words.TIMES_PER, words.times_per),
    # days and times of day
    Rule("deictic_day", words.DEICTIC_DAY, words.deictic_day),
    Rule("deictic_pod", words.DEICTIC_POD, words.deictic_pod),
    Rule("clock_time", words.CLOCK_TIME, words.clock_time),
    Rule("hour_in_the_pod", words.HOUR_IN_THE_POD, words.hour_in_the_pod),
    Rule("weekday", words.WEEKDAY, words.weekday),
    Rule("weekday_and_date", words.WEEKDAY_AND_DATE, words.weekday_and_date),
    Rule("pod_of_date", words.POD_OF_DATE, words.pod_of_date),
    Rule("the_day_of", words.THE_DAY_OF, words.the_day_of),
    Rule("date_pod", words.DATE_POD, words.date_pod),
    # calendar expressions
    Rule("calendar_date", cal.ANYTHING, cal.calendar_date),
    Rule("week_of", cal.WEEK_OF, cal.week_of),
    Rule("decade_digits", cal.DECADE_DIGITS, cal.decade_digits),
    Rule("decade_year", cal.DECADE_YEAR, cal.decade_year),
    Rule("decade_word", cal.DECADE_WORD, cal.decade_word),
    Rule("century_digits", cal.CENTURY_DIGITS, cal.century_digits),
    Rule("century_word", cal.CENTURY_WORD, cal.century_word),
    Rule("this_century", cal.THIS_CENTURY, cal.this_century),
    Rule("quarter_code", cal.QUARTER_CODE, cal.quarter_code),
    Rule("fy_code", cal.FY_CODE, cal.fy_code),
    Rule("ordinal_quarter", cal.ORDINAL_QUARTER, cal.ordinal_quarter),
    Rule("fiscal_year", cal.FISCAL_YEAR, cal.fiscal_year),
    Rule("fiscal_year_words", cal.FISCAL_YEAR_WORDS, cal.fiscal_year),
    Rule("years_period", cal.YEARS_PERIOD, cal.years_period),
    # counted from another date
    Rule("year_earlier_months", rel.YEAR_EARLIER_MONTHS, rel.year_earlier_months),
    Rule("year_earlier_period", rel.YEAR_EARLIER_PERIOD, rel.year_earlier_period),
    Rule("same_period_last_year", rel.SAME_PERIOD_LAST_YEAR, rel.year_earlier_period),
    Rule("quarter_a_year_ago", rel.QUARTER_A_YEAR_AGO, rel.quarter_a_year_ago),
    Rule("the_quarter", rel.THE_QUARTER, rel.the_quarter),
    Rule("season", cal.SEASON, cal.season),
    Rule("relative_month", cal.RELATIVE_MONTH, cal.relative_month),
    Rule("month_of_relative_year", cal.MONTH_OF_RELATIVE_YEAR, cal.month_of_relative_year),
    Rule("relative_unit", rel.RELATIVE_UNIT, rel.relative_unit),
    Rule("unit_before_date", rel.UNIT_BEFORE_DATE, rel.unit_before_date),
    Rule("units_ago", rel.UNITS_AGO, rel.units_ago),
    # durations
    Rule("units_and_a_half", rel.UNITS_AND_A_HALF, rel.units_and_a_half),
    Rule("duration", rel.DURATION, rel.duration),
    Rule("a_while", rel.A_WHILE, rel.a_while),
]


def core(s: str, ctx: _Ctx) -> Outcome:
    """The reading of a modifier-free expression by the first rule that accepts it."""
    return apply(RULES, s, ctx)
