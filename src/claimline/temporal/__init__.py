"""Temporal stage: find temporal expressions and normalise them to ISO-TimeML TIMEX3.

Detection takes spaCy's DATE/TIME entities, adds what the model misses through a `Matcher`
(temporal adverbs such as "now", "recently", frequency words, durations, seasons, quarters...)
and corrects extents following the TimeML guidelines (modifiers such as "early", "late", "last",
"the" belong to the expression; ages such as "44-year-old" and bare numbers do not).

Normalisation (:func:`normalise`) is a pure function of the expression text, the publication
date, the tense of the governing clause and the previously mentioned date. It produces the TIMEX3
`type`, `value` and `mod` and the calendar interval `earliest`/`latest`:

- a bare month or weekday is placed before publication in a past-tense clause, after it in a
  future-tense clause (or after "until", "due", "effective"...), and nearest to it otherwise; a
  day date up to 92 days ahead of publication stays ahead even in a past-tense or untensed
  clause ("said the dividend is payable Dec. 1": scheduled dates are reported in the past tense);
- the direction also follows the clause's aspect and the phrase: a past perfect ("until Thursday
  they had not...", "had been due to lapse Friday") is past whatever the preposition; a weekday
  in a present-perfect clause ("has called a vote Thursday") or a "would be -ing" clause is the
  nearest one; a possessive weekday ("Thursday's proposal") or a month premodifying a noun ("the June
  accord", unless the clause says "will") names something already there, so a past one;
  "planned/scheduled for" looks ahead; a day date a few days gone stays in a future clause;
- relative expressions ("the next day", "two days later", "that week", "a year earlier") are
  resolved against the previously mentioned date when there is one (its id becomes `anchor`),
  otherwise against the publication date; "that year" against the last date of any granularity;
  "the day before last Tuesday" / "the day after the collapse" one day off; "overnight" the night
  before the story's day of the past week; in earnings reports, "the 1988 quarter" is the quarter
  under discussion in 1988, "the quarter ended July 31" (no quarter named yet) the calendar
  quarter holding most of those months, an indefinite "after a weak second quarter" does not
  change the quarter under discussion, and "a year earlier" right after a span of months ("the
  first nine months") is the previous year;
- without a publication date nothing is guessed: unknown parts stay X ("XXXX-03-18");
- `mod` START/MID/END narrow the interval to its first, middle or last third (so "late March"
  is March 21-31, "early 1990" January-April); seasons are meteorological (spring =
  March-May, winter = December-February, named after the year of its December); a part of day
  ("TNI") keeps the whole day as its interval; BEFORE/AFTER-type mods open one end;
- decades are written "199X" and centuries "19" (TimeBank itself writes decades "199");
- seasons run spring, summer, fall, winter within a year, winter named after its December;
- some look-alikes are no times: names ("USA Today", a quoted programme title), ages ("in
  her 40s"), "a March for Peace", fractions ("more than a quarter of the shares").

dateparser is only a fallback for explicit dates in layouts the rules do not read (a 4-digit year
and a month name, all of day, month and year required), through one parser built on first use.
Compiled tables are built once per process; `normalise` is cached.

Layout of the package:

- `extract`: `TimeExtractor(vocab)` (its `Matcher` built once) and `extract_times`; contextual
  corrections as named rules (`CONTEXT_RULES`);
- `detection`, `extent`, `filters`: candidate spans, their TimeML extents, look-alikes;
- `normalisation`: `normalise` and its fallbacks; `rules`: the ordered, named normalisation rules
  (`RULES`), their handlers in `rules_words`, `rules_calendar`, `rules_relative`; `engine`: what a
  rule is;
- `resolve`, `arithmetic`: placing a date relative to publication, calendar arithmetic, holidays;
- `tense`: tense and aspect of the governing clause; `state`: the discourse state (previous date,
  quarter, day and year) that relative expressions resolve against;
- `vocabulary`: the word tables and regular-expression pieces built from the language data
  (`lang/en/calendar.toml`, `numbers.toml`, `time_words.toml`).
"""

from __future__ import annotations

from claimline.temporal.arithmetic import Point
from claimline.temporal.extract import TimeExtractor, extract_times
from claimline.temporal.normalisation import normalise
from claimline.temporal.resolve import Normalised
from claimline.temporal.tense import clause_perfect, clause_tense
from claimline.temporal.vocabulary import Tense

__all__ = [
    "Normalised",
    "Point",
    "Tense",
    "TimeExtractor",
    "clause_perfect",
    "clause_tense",
    "extract_times",
    "normalise",
]
