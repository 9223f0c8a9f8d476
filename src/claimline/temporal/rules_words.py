"""Normalisation rules for words and days: reference words, sets, holidays, deictic days, parts of
day, clock times and weekdays. Each handler reads one pattern's match (see `rules.RULES`)."""

from __future__ import annotations

import re
from dataclasses import replace

from claimline.temporal import rules
from claimline.temporal.arithmetic import Point, _point_date
from claimline.temporal.engine import NOT_A_TIME, Outcome
from claimline.temporal.resolve import (
    _TZ,
    _Ctx,
    _duration_value,
    _holiday,
    _holiday_week,
    _relative,
    _resolve_weekday,
    _time_of_day,
    _year_from_text,
    _year_of,
)
from claimline.temporal.vocabulary import (
    _POD_RE,
    _WEEKDAY_RE,
    FUTURE_WORDS,
    HOLIDAY_RE,
    MONTHS,
    ORDINALS,
    PARTS_OF_DAY,
    PAST_WORDS,
    PRESENT_WORDS,
    SEASONS,
    SET_WORDS,
    UNITS,
    WEEKDAYS,
    words_pattern,
)

# --- reference words

PRESENT_WORD = re.compile(words_pattern(PRESENT_WORDS))
PAST_WORD = re.compile(
    words_pattern(PAST_WORDS) + r"|(?:(?:in )?(?:recent|past|previous|earlier) (?:times|years)"
    r"(?: and (?:weeks|months|years))?|recent weeks and months)"
)
FUTURE_WORD = re.compile(
    words_pattern(FUTURE_WORDS) + r"|(?:(?:the )?(?:future|upcoming) (?:days|weeks|months|years|quarters))"
)
SET_WORD = re.compile(words_pattern(SET_WORDS))


def present_ref(m: re.Match[str], ctx: _Ctx) -> Outcome:
    return Outcome("ref", "PRESENT_REF")


def past_ref(m: re.Match[str], ctx: _Ctx) -> Outcome:
    return Outcome("ref", "PAST_REF")


def future_ref(m: re.Match[str], ctx: _Ctx) -> Outcome:
    return Outcome("ref", "FUTURE_REF")


def set_word(m: re.Match[str], ctx: _Ctx) -> Outcome:
    return Outcome("set", SET_WORDS[m.group(0)])


PREPOSITION = re.compile(
    r"(?:sometime|some time|as early as|as late as|as soon as|by|until|in|on|at|from|since)\s+(.+)"
)


def without_preposition(m: re.Match[str], ctx: _Ctx) -> Outcome:
    return rules.core(m.group(1), ctx)


VAGUE_SPAN = re.compile(
    r"(recent|the past few|the last few|coming|the coming) (days|weeks|months|quarters|decades)"
)


def vague_span(m: re.Match[str], ctx: _Ctx) -> Outcome:
    return Outcome("duration", _duration_value(None, UNITS[m.group(2)]))


FRACTION = re.compile(r"(?:an?|one|two|three)[\s-]*quarters?|(?:an?|the) second")


def not_a_time(m: re.Match[str], ctx: _Ctx) -> Outcome:
    return NOT_A_TIME


# --- years named as such

YEAR_END = re.compile(r"(?:the )?(?:year[\s-]end|year's end|end of the year)")


def year_end(m: re.Match[str], ctx: _Ctx) -> Outcome:
    y = _year_of(ctx)
    return Outcome("point", Point(y) if y is not None else Point(None, unknown="XXXX"))


THE_YEAR = re.compile(r"(?:the )?year (\d{4}|two thousand(?:[\s-]\w+)?)")


def the_year(m: re.Match[str], ctx: _Ctx) -> Outcome | None:
    y2 = _year_from_text(m.group(1))
    return Outcome("point", Point(y2)) if y2 is not None else None


YEARS_QUARTER = re.compile(r"(last|next|this) year's (?:(first|second|third|fourth) )?quarter")


def years_quarter(m: re.Match[str], ctx: _Ctx) -> Outcome:
    if ctx.published is None:
        return Outcome("point", Point(None, unknown="XXXX-QX"))
    y = ctx.published.year + {"last": -1, "next": 1, "this": 0}[m.group(1)]
    if m.group(2):
        return Outcome("point", Point(y, quarter=ORDINALS[m.group(2)]))
    if ctx.anchor is not None and ctx.anchor.quarter is not None:
        return Outcome("point", Point(y, quarter=ctx.anchor.quarter), True)
    return Outcome("point", Point(y, quarter=(ctx.published.month - 1) // 3 + 1))


IN_THE_UNIT = re.compile(r"(earlier|later|early|late) (?:in|during) the (day|week|month|year)")


def in_the_unit(m: re.Match[str], ctx: _Ctx) -> Outcome:
    unit = UNITS[m.group(2)]
    if ctx.anchor is not None and ctx.anchor.granularity == "D" and unit == "D":
        return Outcome("point", replace(ctx.anchor, pod=None, hour=None, minute=None), True)
    p, anchored = _relative(ctx, unit, 0)
    return Outcome("point", p, anchored)


# --- parts of day

NEXT_POD = re.compile(rf"(?:the )?(next|following|previous) ({_POD_RE})")


def next_pod(m: re.Match[str], ctx: _Ctx) -> Outcome:
    p, anchored = _relative(ctx, "D", -1 if m.group(1) == "previous" else 1, use_anchor=True)
    if p.unknown is None:
        p = replace(p, pod=PARTS_OF_DAY[m.group(2)])
    return Outcome("point", p, anchored)


POD_OF_DAY = re.compile(rf"({_POD_RE})(?:\s+(yesterday|today|tomorrow))?")


def pod_of_day(m: re.Match[str], ctx: _Ctx) -> Outcome:
    word = m.group(2) or "today"
    if m.group(2) is None and ctx.anchor is not None and ctx.anchor.day is not None:
        return Outcome(
            "point", replace(ctx.anchor, pod=PARTS_OF_DAY[m.group(1)], hour=None, minute=None), True
        )
    p, _ = _relative(ctx, "D", {"yesterday": -1, "today": 0, "tomorrow": 1}[word])
    if p.unknown is None:
        p = replace(p, pod=PARTS_OF_DAY[m.group(1)])
    return Outcome("point", p)


# --- holidays: names and dates from the calendar data

HOLIDAY = re.compile(rf"(?:(last|this|next) )?({HOLIDAY_RE})( week(?:end)?)?")


def holiday(m: re.Match[str], ctx: _Ctx) -> Outcome:
    if m.group(3):
        # "Easter week", "Thanksgiving weekend": the (ISO) week of the holiday
        return Outcome("point", _holiday_week(ctx, m.group(2), m.group(1), m.group(3).endswith("end")))
    return Outcome("point", _holiday(ctx, m.group(2), m.group(1)))


# --- sets: every/each/per + unit / weekday

EVERY = re.compile(rf"(?:every|each|per|a|an)\s+(other\s+)?(\w+)(?:\s+({_POD_RE}))?")


def every(m: re.Match[str], ctx: _Ctx) -> Outcome | None:
    word = m.group(2)
    if not (word in UNITS or word in WEEKDAYS or word in MONTHS or word in SEASONS):
        return None
    article = m.group(0).split()[0] in ("a", "an")
    if article and word not in ("day", "week", "month", "year"):
        return None
    if article:
        return Outcome("duration", _duration_value(1, UNITS[word]))
    if word in UNITS:
        return Outcome("set", _duration_value(2 if m.group(1) else 1, UNITS[word]))
    if word in WEEKDAYS:
        pod = PARTS_OF_DAY.get(m.group(3) or "")
        return Outcome("set", f"XXXX-WXX-{WEEKDAYS[word] + 1}" + (f"T{pod}" if pod else ""))
    if word in MONTHS:
        return Outcome("set", f"XXXX-{MONTHS[word]:02d}")
    return Outcome("set", f"XXXX-{SEASONS[word]}")


WEEKDAYS_PLURAL = re.compile(rf"({_WEEKDAY_RE})s(?:\s+({_POD_RE})s?)?")
WEEKDAY_PODS = re.compile(rf"({_WEEKDAY_RE})\s+({_POD_RE})s")


def weekday_set(m: re.Match[str], ctx: _Ctx) -> Outcome:
    pod = PARTS_OF_DAY.get(m.group(2) or "")
    return Outcome("set", f"XXXX-WXX-{WEEKDAYS[m.group(1)] + 1}" + (f"T{pod}" if pod else ""))


TIMES_PER = re.compile(r"(\w+) times? (?:a|an|per|each) (\w+)")


def times_per(m: re.Match[str], ctx: _Ctx) -> Outcome | None:
    if m.group(2) not in UNITS:
        return None
    return Outcome("set", _duration_value(1, UNITS[m.group(2)]))


# --- deictic days

DEICTIC_DAY = re.compile(
    rf"(today|yesterday|tomorrow|tonight|the day before yesterday|the day after tomorrow)"
    rf"(?:'s)?(?:\s+({_POD_RE}))?"
)


def deictic_day(m: re.Match[str], ctx: _Ctx) -> Outcome:
    offsets = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}
    word = m.group(1)
    n = offsets.get(word, -2 if "yesterday" in word else 2)
    p, _ = _relative(ctx, "D", n)
    pod = PARTS_OF_DAY.get(m.group(2) or "")
    if pod and p.unknown is None:
        p = replace(p, pod=pod)
    return Outcome("point", p)


DEICTIC_POD = re.compile(
    rf"(?:(this|last|tomorrow|yesterday|the|that)\s+({_POD_RE}|overnight))|overnight|tonight"
)


def deictic_pod(m: re.Match[str], ctx: _Ctx) -> Outcome:
    s = m.group(0)
    word = m.group(1) or "this"
    pod_word = m.group(2) or s
    pod = PARTS_OF_DAY[pod_word]
    n = {"last": -1 if pod_word == "night" else 0, "yesterday": -1, "tomorrow": 1}.get(word, 0)
    if s == "overnight":
        n = -1 if ctx.tense == "PAST" else 0
        anchor_day = _point_date(ctx.anchor) if ctx.anchor is not None and ctx.anchor.day else None
        if (
            anchor_day is not None
            and ctx.published is not None
            and 0 < (ctx.published - anchor_day).days <= 7
        ):
            # the night before the day the story is about (a day of the past week), not publication:
            # "Tokyo stocks fell Friday after overnight declines on Wall Street"
            p, anchored = _relative(ctx, "D", n, use_anchor=True)
            return Outcome("point", replace(p, pod=pod) if p.unknown is None else p, anchored)
    if word in ("the", "that") and ctx.anchor is not None and ctx.anchor.day is not None:
        return Outcome("point", replace(ctx.anchor, pod=pod, hour=None, minute=None), True)
    p, _ = _relative(ctx, "D", n)
    if p.unknown is None:
        p = replace(p, pod=pod)
    return Outcome("point", p)


# --- clock times, optionally with a day: "10:35 a.m.", "9 a.m. tuesday", "noon thursday"

CLOCK_TIME = re.compile(
    rf"(?:at\s+)?(\d{{1,2}}(?::\d{{2}})?\s*(?:a\.?m\.?|p\.?m\.?|o'clock)|\d{{3,4}}\s*(?:hours|hrs|gmt|utc)|"
    rf"noon|midnight|midday){_TZ}(?:,?\s+(?:on\s+)?(.+))?"
)


def clock_time(m: re.Match[str], ctx: _Ctx) -> Outcome | None:
    hm = _time_of_day(re.sub(r"\s+(?:[a-z]{2,4}t|gmt|utc)$", "", m.group(1)))
    if hm is None:
        return None
    rest = m.group(2)
    base: Point | None
    anchored = False
    rule = ""
    if rest:
        inner = rules.core(rest, ctx)
        base = inner.payload if inner.kind == "point" and isinstance(inner.payload, Point) else None
        if base is None:
            return NOT_A_TIME
        anchored, rule = inner.anchored, inner.rule
    elif ctx.anchor is not None and ctx.anchor.day is not None:
        base, anchored = ctx.anchor, True
    else:
        base, _ = _relative(ctx, "D", 0)
    if base.unknown is not None or base.day is None:
        return Outcome("point", Point(None, unknown=f"XXXX-XX-XXT{hm[0]:02d}:{hm[1]:02d}"), False, rule)
    return Outcome("point", replace(base, hour=hm[0], minute=hm[1], pod=None), anchored, rule)


HOUR_IN_THE_POD = re.compile(rf"(\d{{1,2}}) in the ({_POD_RE})")


def hour_in_the_pod(m: re.Match[str], ctx: _Ctx) -> Outcome | None:
    h = int(m.group(1)) + (12 if m.group(2) in ("afternoon", "evening") and int(m.group(1)) < 12 else 0)
    base, _ = _relative(ctx, "D", 0)
    if base.unknown is None:
        return Outcome("point", replace(base, hour=h, minute=0))
    return None


# --- weekdays, possibly with part of day or a date: "last friday", "tuesday morning"

WEEKDAY = re.compile(
    rf"(?:(last|this|next|this coming|this past|the previous|the following|the next|coming|past|"
    rf"on)\s+)?({_WEEKDAY_RE})(?:'s)?(?:\s+({_POD_RE}))?"
)


def _weekday_from_anchor(ctx: _Ctx, wd: int, which: str) -> tuple[Point, bool]:
    """ "the previous/following/next friday": counted from the previous date when there is one."""
    ref = _point_date(ctx.anchor) if ctx.anchor is not None else None
    if ref is None:
        return _resolve_weekday(ctx, wd), False
    sub = _Ctx(ref, ctx.tense, None)
    p = _resolve_weekday(sub, wd, -1 if which == "the previous" else 1)
    if p.day == ref.day and p.month == ref.month:
        p, _ = _relative(_Ctx(ref, None, None), "D", -7 if which == "the previous" else 7)
    return p, True


def weekday(m: re.Match[str], ctx: _Ctx) -> Outcome:
    which = m.group(1)
    wd = WEEKDAYS[m.group(2)]
    pod = PARTS_OF_DAY.get(m.group(3) or "")
    anchored = False
    if which in ("the previous", "the following", "the next") and ctx.anchor is not None:
        p, anchored = _weekday_from_anchor(ctx, wd, which)
    elif which in ("last", "this past", "past", "the previous"):
        p = _resolve_weekday(ctx, wd, -1)
        if ctx.published is not None and p.day == ctx.published.day:
            p, _ = _relative(ctx, "D", -7)
    elif which in ("next", "this coming", "coming", "the following", "the next"):
        p = _resolve_weekday(ctx, wd, 1)
        if ctx.published is not None and p.day == ctx.published.day:
            p, _ = _relative(ctx, "D", 7)
    else:
        p = _resolve_weekday(ctx, wd)
    if pod and p.unknown is None:
        p = replace(p, pod=pod)
    elif pod and p.unknown:
        p = replace(p, unknown=p.unknown + f"T{pod}")
    return Outcome("point", p, anchored)


WEEKDAY_AND_DATE = re.compile(rf"({_WEEKDAY_RE}),?\s+(.+)")


def weekday_and_date(m: re.Match[str], ctx: _Ctx) -> Outcome | None:
    inner = rules.core(m.group(2), ctx)
    return inner if inner.kind == "point" else None


# --- "the night of 18 march", "the morning of june 3"

POD_OF_DATE = re.compile(rf"(?:the\s+)?({_POD_RE}) of (.+)")


def pod_of_date(m: re.Match[str], ctx: _Ctx) -> Outcome:
    inner = rules.core(m.group(2), ctx)
    payload = inner.payload
    if (
        inner.kind == "point"
        and isinstance(payload, Point)
        and payload.unknown is None
        and payload.day is not None
    ):
        return inner._replace(payload=replace(payload, pod=PARTS_OF_DAY[m.group(1)]))
    return inner


# "(during) the day friday", "the early hours of thursday": that day
THE_DAY_OF = re.compile(r"(?:the\s+day|the\s+(?:early|small|wee)\s+hours\s+of)\s+(.+)")


def the_day_of(m: re.Match[str], ctx: _Ctx) -> Outcome:
    inner = rules.core(m.group(1), ctx)
    payload = inner.payload
    if inner.kind == "point" and isinstance(payload, Point) and (payload.day is not None or payload.unknown):
        return inner
    return NOT_A_TIME


# "friday night", "march 18 evening"
DATE_POD = re.compile(rf"(.+?)\s+({_POD_RE})")


def date_pod(m: re.Match[str], ctx: _Ctx) -> Outcome | None:
    if m.group(1).endswith(("the", "this", "last", "that")):
        return None
    inner = rules.core(m.group(1), ctx)
    payload = inner.payload
    if (
        inner.kind == "point"
        and isinstance(payload, Point)
        and payload.day is not None
        and not payload.unknown
    ):
        return inner._replace(payload=replace(payload, pod=PARTS_OF_DAY[m.group(2)]))
    return None
