"""rules (moved from temporal.py)."""

from __future__ import annotations

import re
from dataclasses import replace

from claimline.temporal.arithmetic import _UNKNOWN, Point, _from_date, _point_date, _shift
from claimline.temporal.resolve import (
    _ORDINAL_DAYS,
    _TZ,
    _YEAR,
    _Ctx,
    _date_point,
    _duration_value,
    _holiday,
    _holiday_week,
    _quarter_point,
    _relative,
    _resolve_weekday,
    _season_point,
    _time_of_day,
    _to_number,
    _year_from_text,
    _year_of,
)
from claimline.temporal.vocabulary import (
    _MONTH_RE,
    _POD_RE,
    _UNIT_RE,
    _WEEKDAY_RE,
    FUTURE_WORDS,
    MONTHS,
    ORDINALS,
    PARTS_OF_DAY,
    PAST_WORDS,
    PRESENT_WORDS,
    SEASONS,
    SET_WORDS,
    UNITS,
    WEEKDAYS,
)


def _core(s: str, ctx: _Ctx) -> tuple[str, Point | str | None, bool]:
    """Normalise a modifier-free expression.

    Returns (kind, payload, anchored): kind is 'point' (payload a Point), 'duration', 'set' or
    'ref' (payload the value string), or 'none'.
    """
    # --- reference words
    if s in PRESENT_WORDS:
        return "ref", "PRESENT_REF", False
    if s in PAST_WORDS or re.fullmatch(
        r"(?:in )?(?:recent|past|previous|earlier) (?:times|years)(?: and (?:weeks|months|years))?"
        r"|recent weeks and months",
        s,
    ):
        return "ref", "PAST_REF", False
    if s in FUTURE_WORDS or re.fullmatch(
        r"(?:the )?(?:future|upcoming) (?:days|weeks|months|years|quarters)", s
    ):
        return "ref", "FUTURE_REF", False
    if s in SET_WORDS:
        return "set", SET_WORDS[s], False
    m = re.fullmatch(
        r"(?:sometime|some time|as early as|as late as|as soon as|by|until|in|on|at|from|since)\s+(.+)", s
    )
    if m:
        return _core(m.group(1), ctx)
    m = re.fullmatch(
        r"(recent|the past few|the last few|coming|the coming) (days|weeks|months|quarters|decades)", s
    )
    if m:
        return "duration", _duration_value(None, UNITS[m.group(2)]), False
    if re.fullmatch(r"(?:an?|one|two|three)[\s-]*quarters?|(?:an?|the) second", s):
        return "none", None, False
    # year end: "year-end", "by year's end", "the end of the year"
    if re.fullmatch(r"(?:the )?(?:year[\s-]end|year's end|end of the year)", s):
        y = _year_of(ctx)
        return "point", Point(y) if y is not None else Point(None, unknown="XXXX"), False
    m = re.fullmatch(r"(?:the )?year (\d{4}|two thousand(?:[\s-]\w+)?)", s)
    if m:
        y2 = _year_from_text(m.group(1))
        if y2 is not None:
            return "point", Point(y2), False
    m = re.fullmatch(r"(last|next|this) year's (?:(first|second|third|fourth) )?quarter", s)
    if m and ctx.published is None:
        return "point", Point(None, unknown="XXXX-QX"), False
    if m and ctx.published is not None:
        y = ctx.published.year + {"last": -1, "next": 1, "this": 0}[m.group(1)]
        if m.group(2):
            return "point", Point(y, quarter=ORDINALS[m.group(2)]), False
        if ctx.anchor is not None and ctx.anchor.quarter is not None:
            return "point", Point(y, quarter=ctx.anchor.quarter), True
        return "point", Point(y, quarter=(ctx.published.month - 1) // 3 + 1), False
    m = re.fullmatch(r"(earlier|later|early|late) (?:in|during) the (day|week|month|year)", s)
    if m:
        unit = UNITS[m.group(2)]
        if ctx.anchor is not None and ctx.anchor.granularity == "D" and unit == "D":
            return "point", replace(ctx.anchor, pod=None, hour=None, minute=None), True
        p, anchored = _relative(ctx, unit, 0)
        return "point", p, anchored
    m = re.fullmatch(rf"(?:the )?(next|following|previous) ({_POD_RE})", s)
    if m:
        p, anchored = _relative(ctx, "D", -1 if m.group(1) == "previous" else 1, use_anchor=True)
        if p.unknown is None:
            p = replace(p, pod=PARTS_OF_DAY[m.group(2)])
        return "point", p, anchored
    m = re.fullmatch(rf"({_POD_RE})(?:\s+(yesterday|today|tomorrow))?", s)
    if m:
        word = m.group(2) or "today"
        if m.group(2) is None and ctx.anchor is not None and ctx.anchor.day is not None:
            return "point", replace(ctx.anchor, pod=PARTS_OF_DAY[m.group(1)], hour=None, minute=None), True
        p, _ = _relative(ctx, "D", {"yesterday": -1, "today": 0, "tomorrow": 1}[word])
        if p.unknown is None:
            p = replace(p, pod=PARTS_OF_DAY[m.group(1)])
        return "point", p, False
    m = re.fullmatch(
        r"(?:(last|this|next) )?(christmas(?: day| eve)?|new year's(?: day| eve)?|thanksgiving(?: day)?|"
        r"independence day|halloween|valentine's day|election day|easter(?: sunday)?|labor day|memorial day)"
        r"( week(?:end)?)?",
        s,
    )
    if m:
        if m.group(3):
            # "Easter week", "Thanksgiving weekend": the (ISO) week of the holiday
            return "point", _holiday_week(ctx, m.group(2), m.group(1), m.group(3).endswith("end")), False
        return "point", _holiday(ctx, m.group(2), m.group(1)), False

    # --- sets: every/each/per + unit / weekday
    m = re.fullmatch(
        r"(?:every|each|per|a|an)\s+(other\s+)?(\w+)(?:\s+(morning|afternoon|evening|night))?", s
    )
    if m and (m.group(2) in UNITS or m.group(2) in WEEKDAYS or m.group(2) in MONTHS or m.group(2) in SEASONS):
        word = m.group(2)
        if s.split()[0] in ("a", "an") and word not in ("day", "week", "month", "year"):
            pass
        elif s.split()[0] in ("a", "an"):
            return "duration", _duration_value(1, UNITS[word]), False
        elif word in UNITS:
            return "set", _duration_value(2 if m.group(1) else 1, UNITS[word]), False
        elif word in WEEKDAYS:
            pod = PARTS_OF_DAY.get(m.group(3) or "")
            return "set", f"XXXX-WXX-{WEEKDAYS[word] + 1}" + (f"T{pod}" if pod else ""), False
        elif word in MONTHS:
            return "set", f"XXXX-{MONTHS[word]:02d}", False
        else:
            return "set", f"XXXX-{SEASONS[word]}", False
    m = re.fullmatch(rf"({_WEEKDAY_RE})s(?:\s+({_POD_RE})s?)?", s) or re.fullmatch(
        rf"({_WEEKDAY_RE})\s+({_POD_RE})s", s
    )
    if m:
        pod = PARTS_OF_DAY.get(m.group(2) or "")
        return "set", f"XXXX-WXX-{WEEKDAYS[m.group(1)] + 1}" + (f"T{pod}" if pod else ""), False
    m = re.fullmatch(r"(\w+) times? (?:a|an|per|each) (\w+)", s)
    if m and m.group(2) in UNITS:
        return "set", _duration_value(1, UNITS[m.group(2)]), False

    # --- deictic days
    m = re.fullmatch(
        rf"(today|yesterday|tomorrow|tonight|the day before yesterday|the day after tomorrow)"
        rf"(?:'s)?(?:\s+({_POD_RE}))?",
        s,
    )
    if m:
        offsets = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}
        word = m.group(1)
        n = offsets.get(word, -2 if "yesterday" in word else 2)
        p, _ = _relative(ctx, "D", n)
        pod = PARTS_OF_DAY.get(m.group(2) or "")
        if pod and p.unknown is None:
            p = replace(p, pod=pod)
        return "point", p, False
    m = re.fullmatch(rf"(this|last|tomorrow|yesterday|the|that)\s+({_POD_RE}|overnight)", s)
    if m or s in ("overnight", "tonight"):
        word = m.group(1) if m else "this"
        pod_word = m.group(2) if m else s
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
                return "point", replace(p, pod=pod) if p.unknown is None else p, anchored
        if word in ("the", "that") and ctx.anchor is not None and ctx.anchor.day is not None:
            return "point", replace(ctx.anchor, pod=pod, hour=None, minute=None), True
        p, _ = _relative(ctx, "D", n)
        if p.unknown is None:
            p = replace(p, pod=pod)
        return "point", p, False

    # --- clock times, optionally with a day: "10:35 a.m.", "9 a.m. tuesday", "noon thursday"
    m = re.fullmatch(
        rf"(?:at\s+)?(\d{{1,2}}(?::\d{{2}})?\s*(?:a\.?m\.?|p\.?m\.?|o'clock)|\d{{3,4}}\s*(?:hours|hrs|gmt|utc)|"
        rf"noon|midnight|midday){_TZ}(?:,?\s+(?:on\s+)?(.+))?",
        s,
    )
    if m:
        hm = _time_of_day(re.sub(r"\s+(?:[a-z]{2,4}t|gmt|utc)$", "", m.group(1)))
        if hm is not None:
            rest = m.group(2)
            base: Point | None
            anchored = False
            if rest:
                kind, payload, anchored = _core(rest, ctx)
                base = payload if kind == "point" and isinstance(payload, Point) else None
                if base is None:
                    return "none", None, False
            elif ctx.anchor is not None and ctx.anchor.day is not None:
                base, anchored = ctx.anchor, True
            else:
                base, _ = _relative(ctx, "D", 0)
            if base.unknown is not None or base.day is None:
                return "point", Point(None, unknown=f"XXXX-XX-XXT{hm[0]:02d}:{hm[1]:02d}"), False
            return "point", replace(base, hour=hm[0], minute=hm[1], pod=None), anchored
    m = re.fullmatch(rf"(\d{{1,2}}) in the ({_POD_RE})", s)
    if m:
        h = int(m.group(1)) + (12 if m.group(2) in ("afternoon", "evening") and int(m.group(1)) < 12 else 0)
        base, _ = _relative(ctx, "D", 0)
        if base.unknown is None:
            return "point", replace(base, hour=h, minute=0), False

    # --- weekdays, possibly with part of day or a date: "last friday", "tuesday morning"
    m = re.fullmatch(
        rf"(?:(last|this|next|this coming|this past|the previous|the following|the next|coming|past|"
        rf"on)\s+)?({_WEEKDAY_RE})(?:'s)?(?:\s+({_POD_RE}))?",
        s,
    )
    if m:
        which = m.group(1)
        wd = WEEKDAYS[m.group(2)]
        pod = PARTS_OF_DAY.get(m.group(3) or "")
        anchored = False
        if which in ("the previous", "the following", "the next") and ctx.anchor is not None:
            ref = _point_date(ctx.anchor)
            if ref is not None:
                sub = _Ctx(ref, ctx.tense, None)
                p = _resolve_weekday(sub, wd, -1 if which == "the previous" else 1)
                if p.day == ref.day and p.month == ref.month:
                    p, _ = _relative(_Ctx(ref, None, None), "D", -7 if which == "the previous" else 7)
                anchored = True
            else:
                p = _resolve_weekday(ctx, wd)
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
        return "point", p, anchored
    m = re.fullmatch(rf"({_WEEKDAY_RE}),?\s+(.+)", s)
    if m:
        kind, payload, anchored = _core(m.group(2), ctx)
        if kind == "point":
            return kind, payload, anchored

    # --- "the night of 18 march", "the morning of june 3"
    m = re.fullmatch(rf"(?:the\s+)?({_POD_RE}) of (.+)", s)
    if m:
        kind, payload, anchored = _core(m.group(2), ctx)
        if kind == "point" and isinstance(payload, Point):
            pod = PARTS_OF_DAY[m.group(1)]
            if payload.unknown is None and payload.day is not None:
                return "point", replace(payload, pod=pod), anchored
        return kind, payload, anchored
    # "(during) the day friday", "the early hours of thursday": that day
    m = re.fullmatch(r"(?:the\s+day|the\s+(?:early|small|wee)\s+hours\s+of)\s+(.+)", s)
    if m:
        kind, payload, anchored = _core(m.group(1), ctx)
        if kind == "point" and isinstance(payload, Point) and (payload.day is not None or payload.unknown):
            return kind, payload, anchored
        return "none", None, False
    # "friday night", "march 18 evening"
    m = re.fullmatch(rf"(.+?)\s+({_POD_RE})", s)
    if m and not m.group(1).endswith(("the", "this", "last", "that")):
        kind, payload, anchored = _core(m.group(1), ctx)
        if kind == "point" and isinstance(payload, Point) and payload.day is not None and not payload.unknown:
            return "point", replace(payload, pod=PARTS_OF_DAY[m.group(2)]), anchored

    # --- absolute calendar dates
    p0 = _date_point(s, ctx)
    if p0 is not None:
        return "point", p0, False
    m = re.fullmatch(r"(?:the\s+)?(?:week|weekend) of (.+)", s)
    if m:
        kind, payload, anchored = _core(m.group(1), ctx)
        if kind == "point" and isinstance(payload, Point):
            d = _point_date(payload)
            if d is not None:
                iso = d.isocalendar()
                return (
                    "point",
                    Point(iso[0], week=iso[1], weekend=s.startswith(("weekend", "the weekend"))),
                    anchored,
                )
        return kind, payload, anchored

    # --- decades and centuries
    m = re.fullmatch(r"(?:the\s+)?(?:(\d{2})(\d)0|')?(\d)?0'?s", s)
    if m and (m.group(1) or m.group(3)):
        if m.group(1):
            return "point", Point(None, decade=int(m.group(1) + m.group(2))), False
        return "point", Point(None, decade=190 + int(m.group(3))), False
    m = re.fullmatch(r"(?:the\s+)?(\d{4})s", s)
    if m:
        return "point", Point(None, decade=int(m.group(1)) // 10), False
    decades = {
        "twenties": 2,
        "thirties": 3,
        "forties": 4,
        "fifties": 5,
        "sixties": 6,
        "seventies": 7,
        "eighties": 8,
        "nineties": 9,
    }
    m = re.fullmatch(r"(?:the\s+)?(?:nineteen[\s-]+)?(\w+ies)", s)
    if m and m.group(1) in decades:
        return "point", Point(None, decade=190 + decades[m.group(1)]), False
    m = re.fullmatch(r"(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)[\s-]+century", s)
    if m:
        return "point", Point(None, century=int(m.group(1)) - 1), False
    m = re.fullmatch(r"(?:the\s+)?(\w+)[\s-]+century", s)
    if m and m.group(1) in _ORDINAL_DAYS:
        return "point", Point(None, century=_ORDINAL_DAYS[m.group(1)] - 1), False
    if s in ("this century", "the century"):
        ref = ctx.published
        return "point", (Point(None, century=ref.year // 100) if ref else Point(None, unknown="XX")), False

    # --- "Q1 2025", "2025 Q1", "H2 2024", "FY2025", "FY 25"
    m = re.fullmatch(r"(?:the\s+)?(?:(\d{4})\s+)?([qh])([1-4])(?:[\s-]+(?:of\s+)?(\d{4}|'\d{2}))?", s)
    if m and not (m.group(2) == "h" and m.group(3) not in "12"):
        year_s = m.group(1) or m.group(4)
        year = (1900 + int(year_s[1:]) if year_s.startswith("'") else int(year_s)) if year_s else None
        n = int(m.group(3))
        if m.group(2) == "h":
            return "point", Point(year if year is not None else _year_of(ctx), half=n), False
        return "point", _quarter_point(ctx, n, year), False
    m = re.fullmatch(r"fy\s*-?\s*(\d{4}|\d{2})", s)
    if m:
        ys = m.group(1)
        return "point", Point(int(ys) if len(ys) == 4 else 2000 + int(ys)), False

    # --- quarters and halves: "the third quarter", "third-quarter", "the fiscal first quarter of 1990"
    m = re.fullmatch(
        r"(?:(?:the|its|this year's|last year's|next year's|a flat|the latest|the current|this)\s+)?"
        r"(?:(\d{4})\s+)?(?:fiscal[\s-]+)?(first|second|third|fourth|1st|2nd|3rd|4th|last|final)"
        r"[\s-]+(?:fiscal[\s-]+)?(quarter|half)(?:\s+(?:of\s+)?(?:fiscal\s+)?(\d{4}))?",
        s,
    )
    if m:
        n = ORDINALS[m.group(2)]
        year_s = m.group(1) or m.group(4)
        year = int(year_s) if year_s else None
        prefix = s.split()[0]
        if year is None and prefix in ("last", "next") and "year's" in s and ctx.published:
            year = ctx.published.year + (-1 if prefix == "last" else 1)
        if m.group(3) == "half":
            n = min(n, 2)
            if year is None:
                year = _year_of(ctx)
            return "point", Point(year, half=n), False
        return "point", _quarter_point(ctx, n, year), False
    m = re.fullmatch(
        r"(?:the\s+)?(?:(\d{4})\s+)?(?:fiscal[\s-]+)?(?:year|fy)[\s-]*(\d{4}|'?\d{2})", s
    ) or re.fullmatch(r"fiscal[\s-]+(?:year\s+)?(\d{4})()", s)
    if m:
        ys = m.group(2) or m.group(1)
        year = int(ys.lstrip("'")) if len(ys.lstrip("'")) == 4 else 1900 + int(ys.lstrip("'"))
        return "point", Point(year), False
    m = re.fullmatch(r"(?:the|that|this)\s+(\d{4})\s+(period|quarter|year|season)", s)
    if m:
        # "the 1988 quarter": the quarter under discussion, in that year
        if m.group(2) in ("period", "quarter") and ctx.anchor is not None and ctx.anchor.quarter is not None:
            return "point", Point(int(m.group(1)), quarter=ctx.anchor.quarter), True
        return "point", Point(int(m.group(1))), False

    # --- "the year-earlier nine months": a span of months, as "the first nine months" is
    m = re.fullmatch(r"(?:the\s+)?(?:comparable\s+)?(?:year|a year)[\s-]+(?:earlier|ago)\s+(\w+)\s+months", s)
    if m and _to_number(m.group(1)) is not None:
        return "duration", _duration_value(_to_number(m.group(1)), "M"), False
    # --- anchored "year-earlier/year-ago" periods: "the year-earlier quarter", "year-ago"
    m = re.fullmatch(
        r"(?:the\s+)?(?:comparable\s+|corresponding\s+|same\s+)?(year|month|quarter)[\s-]+(?:earlier|ago)"
        r"(?:\s+(?:\w+\s+)?(period|quarter|month|year|nine months|six months))?",
        s,
    ) or re.fullmatch(
        r"(?:the\s+)?(?:comparable|corresponding|same) (period|quarter) "
        r"(?:a year ago|last year|a year earlier)()",
        s,
    )
    if m:
        unit = UNITS.get(m.group(1), "Y") if m.group(1) in UNITS else "Y"
        if ctx.anchor is not None and ctx.anchor.granularity in ("Q", "M", "Y", "S", "D"):
            d = _point_date(ctx.anchor)
            if d is not None:
                gran = ctx.anchor.granularity if ctx.anchor.granularity != "S" else "Y"
                return "point", _from_date(_shift(d, unit, -1), gran), True
        if ctx.published is not None:
            q = _quarter_point(_Ctx(ctx.published, "PAST", None), ((ctx.published.month - 1) // 3) or 4)
            d = _point_date(q)
            if d is not None:
                return "point", _from_date(_shift(d, unit, -1), "Q"), False
        return "point", Point(None, unknown="XXXX-QX"), False

    m = re.fullmatch(r"(?:the )?(?:quarter|period) (?:a year (?:ago|earlier)|last year)", s)
    if m:
        if ctx.anchor is not None and ctx.anchor.granularity == "Q":
            d = _point_date(ctx.anchor)
            if d is not None:
                return "point", _from_date(_shift(d, "Y", -1), "Q"), True
        return "none", None, False

    # --- "the quarter", "the latest quarter", "the period": the quarter in discussion
    m = re.fullmatch(
        r"(?:the|that|this|its)\s+(?:latest\s+|most recent\s+|current\s+|recent\s+|same\s+)?"
        r"(?:fiscal\s+)?(quarter|period)",
        s,
    )
    if m:
        if (
            ctx.anchor is not None
            and ctx.anchor.granularity == "Q"
            and not re.search(r"latest|most recent|current", s)
        ):
            return "point", ctx.anchor, True
        ref = ctx.published
        if ref is None:
            return "point", Point(None, unknown="XXXX-QX"), False
        cur = (ref.month - 1) // 3 + 1
        if "current" in s or s.startswith("this"):
            return "point", Point(ref.year, quarter=cur), False
        prev = cur - 1 or 4
        return "point", Point(ref.year if cur > 1 else ref.year - 1, quarter=prev), False

    # --- seasons: "this spring", "last summer", "the winter of 1994", "spring 2025"
    m = re.fullmatch(
        r"(?:(this|last|next|this past|this coming|the|that|past|coming)\s+)?"
        r"(spring|summer|fall|autumn|winter)(?:\s+(?:of\s+)?(\d{4}|" + _YEAR + r"))?",
        s,
    )
    if m:
        season = SEASONS[m.group(2)]
        which = m.group(1)
        if m.group(3):
            year = _year_from_text(m.group(3))
            return "point", Point(year, season=season), False
        if which in ("that",) and ctx.anchor is not None and ctx.anchor.year is not None:
            return "point", Point(ctx.anchor.year, season=season), True
        w = {"this past": "last", "past": "last", "this coming": "next", "coming": "next"}.get(
            which or "", which
        )
        return "point", _season_point(ctx, season, w if w in ("last", "next", "this") else None), False

    # --- "last/this/next month name": "last march", "this september", "next june", "march last year"
    m = re.fullmatch(rf"(last|this|next|this past|this coming|past)\s+({_MONTH_RE})", s)
    if m:
        month = MONTHS[m.group(2).rstrip(".")]
        which = m.group(1)
        if ctx.published is None:
            return "point", Point(None, month), False
        ref = ctx.published
        if which in ("last", "past", "this past"):
            year = ref.year if month < ref.month else ref.year - 1
        elif which in ("next", "this coming"):
            year = ref.year if month > ref.month else ref.year + 1
        else:
            year = ref.year
        return "point", Point(year, month), False
    m = re.fullmatch(rf"({_MONTH_RE})\s+(?:of\s+)?(last|this|next) year", s)
    if m:
        month = MONTHS[m.group(1).rstrip(".")]
        y = _year_of(ctx)
        off = {"last": -1, "this": 0, "next": 1}[m.group(2)]
        return "point", Point(None if y is None else y + off, month), False

    # --- units relative to publication or to the previous date
    m = re.fullmatch(
        r"(last|this|next|the past|the last|the previous|the prior|the next|the coming|the following|"
        r"the current|the same|that|the|past|previous|coming|following|current|the latest|latest|"
        r"the preceding|the present|the very same|the same|the new|the current fiscal|the fiscal|"
        r"the full|the latest fiscal|this fiscal|last fiscal|next fiscal)\s+"
        r"(day|week|weekend|month|year|quarter|decade|century)",
        s,
    )
    if m:
        which, unit_word = m.group(1), m.group(2)
        unit = UNITS[unit_word]
        anchor_words = (
            "the following",
            "the next",
            "the previous",
            "the prior",
            "the preceding",
            "following",
            "previous",
        )
        if (
            which in ("the", "that", "the same", "the very same")
            and unit_word == "day"
            and ctx.anchor is not None
            and ctx.anchor.day is not None
        ):
            return "point", replace(ctx.anchor, pod=None, hour=None, minute=None), True
        if which in ("that", "the same") and ctx.anchor is not None:
            d = _point_date(ctx.anchor)
            if d is not None:
                p = _from_date(d, unit if unit != "WE" else "W")
                return "point", replace(p, weekend=unit == "WE"), True
        if which in ("the next", "the following", "following") and unit_word == "day":
            p, anchored = _relative(ctx, "D", 1, use_anchor=True)
            return "point", p, anchored
        if which in ("the previous", "the prior", "the preceding", "previous") and unit_word == "day":
            p, anchored = _relative(ctx, "D", -1, use_anchor=True)
            return "point", p, anchored
        if which in anchor_words:
            n = 1 if which in ("the following", "the next", "following") else -1
            if which == "the next" and ctx.anchor is None:
                n = 1
            p, anchored = _relative(ctx, unit, n, use_anchor=True)
            return "point", p, anchored
        if unit_word == "day" and which in ("the", "that", "this", "the same"):
            p, _ = _relative(ctx, "D", 0)
            return "point", p, False
        if unit_word == "quarter":
            return (
                _core("the quarter", ctx)
                if which not in ("last", "next", "this", "the current")
                else (
                    "point",
                    _relative(ctx, "Q", {"last": -1, "next": 1}.get(which, 0))[0],
                    False,
                )
            )
        n = {
            "last": -1,
            "the last": -1,
            "the past": -1,
            "past": -1,
            "next": 1,
            "the next": 1,
            "the coming": 1,
            "coming": 1,
            "last fiscal": -1,
            "next fiscal": 1,
        }.get(which, 0)
        weekday = ctx.published.weekday() if ctx.published is not None else None
        if (
            unit == "WE"
            and n == 0
            and weekday is not None
            and ctx.tense != "FUTURE"
            and ((weekday < 5 and ctx.tense == "PAST") or weekday == 0)
        ):
            n = -1
        p, anchored = _relative(ctx, unit, n)
        return "point", p, anchored

    # --- "the day before last tuesday", "the week after christmas": one unit off a named date
    m = re.fullmatch(r"(?:the\s+)?(day|week|month|year)\s+(before|after)\s+(.+)", s)
    if m:
        kind, payload, anchored = _core(m.group(3), ctx)
        if kind != "point" or not isinstance(payload, Point):
            return "none", None, False
        unit = UNITS[m.group(1)]
        if payload.unknown is not None or payload.year is None:
            return "point", Point(None, unknown=_UNKNOWN[unit]), False
        d = _point_date(payload)
        if d is None:
            return "none", None, False
        return "point", _from_date(_shift(d, unit, 1 if m.group(2) == "after" else -1), unit), anchored

    # --- "N units ago", "N units earlier/later", "N units from now", "the next day"
    m = re.fullmatch(
        rf"(.+?)\s+({_UNIT_RE}|weekends?)\s+"
        r"(ago|earlier|later|before|after|hence|from now|back|previously|since|prior)(?: or so)?",
        s,
    )
    if m:
        unit = UNITS[m.group(2)]
        word = m.group(3)
        amount = _to_number(m.group(1))
        if amount is None:
            if m.group(1) in ("a few", "several", "some", "many", "a couple of", "few", "a number of"):
                if word in ("ago", "back", "previously"):
                    return "ref", "PAST_REF", False
                return (
                    "ref",
                    "FUTURE_REF" if word in ("later", "after", "hence", "from now") else "PAST_REF",
                    False,
                )
            return "none", None, False
        sign = 1 if word in ("later", "after", "hence", "from now") else -1
        use_anchor = word in ("earlier", "later", "before", "after", "prior")
        gran = unit
        if unit in ("H", "MIN", "S"):
            gran = "D"
            k = 0 if amount < 24 or unit != "H" else int(amount // 24)
            p, anchored = _relative(ctx, "D", sign * k, use_anchor=use_anchor)
            return "point", p, anchored
        if unit == "E":
            unit, amount = "Y", amount * 10
        if unit == "C":
            unit, amount = "Y", amount * 100
        if unit == "Y" and ctx.anchor is not None and ctx.anchor.granularity == "Q" and amount == int(amount):
            d = _point_date(ctx.anchor)
            if d is not None:
                return "point", _from_date(_shift(d, "Y", sign * int(amount)), "Q"), True
        if (
            unit == "Y"
            and use_anchor
            and ctx.anchor is not None
            and ctx.anchor.granularity in ("Q", "M", "D")
        ):
            d = _point_date(ctx.anchor)
            if d is not None and amount == int(amount):
                return "point", _from_date(_shift(d, "Y", sign * int(amount)), ctx.anchor.granularity), True
        if amount != int(amount):
            return "none", None, False
        p, anchored = _relative(ctx, unit if unit != "WE" else "W", sign * int(amount), use_anchor=use_anchor)
        if gran == "W" and p.unknown is None and ctx.published is not None and not anchored:
            # TimeML: "two weeks ago" is the week two weeks before
            pass
        return "point", p, anchored

    m = re.fullmatch(rf"(an?|one|\d+|[a-z]+) ({_UNIT_RE}) and a half", s)
    if m:
        n0 = _to_number(m.group(1))
        if n0 is not None:
            return "duration", _duration_value(n0 + 0.5, UNITS[m.group(2)]), False

    # --- durations: "five years", "the past two months", "a 10-year", "the first nine months"
    m = re.fullmatch(
        rf"(?:(?:the|a|an|its|their|his|her)\s+)?(?:(past|last|next|first|previous|coming|final|following|"
        rf"ensuing|latest|initial|remaining|preceding|same|full|entire|whole|additional|further|other|"
        rf"recent)\s+)?(?:(\d+(?:\s+1/2)?|[a-z]+(?:[\s-][a-z]+){{0,3}}?)\s*[\s-]\s*)?(?:(more|additional|"
        rf"straight|consecutive|full|long|trading|business|calendar|working)\s+)?({_UNIT_RE}|weekends?)"
        rf"(?:[\s-](?:long|old|period|term|span|stretch|run|time|or so|at most|or more|ahead|running))?",
        s,
    )
    if m:
        qualifier, num_s, unit_word = m.group(1), m.group(2), m.group(4)
        unit = UNITS[unit_word]
        count: float | None
        if num_s is None:
            plural = unit_word.endswith("s") or unit_word in ("centuries", "millennia")
            if plural:
                count = None
                if unit == "E" or unit == "C":
                    return "duration", f"PX{unit}", False
            else:
                count = 1
        elif num_s in (
            "few",
            "several",
            "many",
            "couple of",
            "a few",
            "a couple of",
            "some",
            "a number of",
            "numerous",
        ):
            count = 2 if "couple" in num_s else None
        else:
            count = _to_number(num_s)
            if count is None:
                return "none", None, False
        if (
            num_s is None
            and count == 1
            and qualifier in ("past", "last", "previous", "preceding")
            and unit in ("W", "M", "Y", "E")
        ):
            # "the past year": a date (the preceding calendar unit) in TimeML practice
            p, anchored = _relative(ctx, unit, -1)
            return "point", p, anchored
        if unit == "Q" and count is not None and count == int(count) and count > 1:
            return "duration", f"P{int(count) * 3}M", False
        return "duration", _duration_value(count, unit), False
    if re.fullmatch(r"(?:a |the )?(?:long |short |brief )?(?:while|time|period|spell)(?: of time)?", s):
        return "duration", "PXX", False

    return "none", None, False
