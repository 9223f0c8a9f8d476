"""Resolution helpers of the rules: the context an expression is read in (publication date,
tense, previous date), number and clock-time parsing, and the placing of a bare month, day,
weekday, quarter, season or holiday before or after publication."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from claimline.models import TimeMod, TimeType
from claimline.temporal.arithmetic import _UNKNOWN, Point, _from_date, _holiday_date, _point_date, _shift
from claimline.temporal.vocabulary import _MONTH_RE, _WEEKDAY_RE, MONTHS, NUMBERS, ORDINAL_DAYS, Tense


@dataclass(frozen=True)
class Normalised:
    type: TimeType
    value: str
    mod: TimeMod | None = None
    earliest: date | None = None
    latest: date | None = None
    point: Point | None = None
    anchored: bool = False  # resolved against the previous date rather than publication
    rule: str = field(default="", compare=False)  # the rules that read it (debug output, eval errors)


@dataclass(frozen=True)
class _Ctx:
    published: date | None
    tense: Tense | None
    anchor: Point | None


def _clean(text: str) -> str:
    s = text.lower().replace("\u2019", "'").replace("\u2013", "-").replace("\u2014", "-")
    s = re.sub(r"\s+", " ", s).strip()
    s = re.sub(r"[\s,.;:!?)(\"'`]+$", "", s) if not s.endswith((" a.m.", " p.m.")) else s
    s = re.sub(r"^[\s,(\"'`]+", "", s)
    s = re.sub(r"(?<=\w)'s$", "", s)  # possessive: "2024's", "Tuesday's"
    return s


def _to_number(s: str) -> float | None:
    """'five' -> 5, 'twenty four' -> 24, '5 1/2' -> 5.5, 'a' -> 1; None if not a number."""
    s = s.strip().replace(",", "")
    if not s:
        return None
    m = re.fullmatch(r"(\d+)(?:\s*(?:1/2|½)|\.(\d+))?", s)
    if m:
        n = float(m.group(1))
        if "1/2" in s or "½" in s:
            n += 0.5
        elif m.group(2):
            n = float(s)
        return n
    if s in ("half a", "half an", "a half"):
        return 0.5
    words = re.split(r"[\s-]+", s)
    if words and words[0] in ("a", "an") and len(words) > 1:
        words = words[1:]
    words = [w for i, w in enumerate(words) if not (w in ("a", "an") and words[i + 1 : i + 2] == ["half"])]
    if len(words) > 1 and any(w in ("a", "an") for w in words):
        return None  # "seven a (year ago)": two numbers, not one
    total = 0.0
    current = 0.0
    half = False
    for w in words:
        if w in ("and", "of"):
            continue
        if w == "half":
            half = True
            continue
        if w not in NUMBERS:
            return None
        n = NUMBERS[w]
        if n == 100 or n == 1000:
            current = max(current, 1) * n
            if n == 1000:
                total += current
                current = 0
        else:
            current += n
    total += current
    if half:
        total += 0.5
    return total if total else None


def _duration_value(n: float | None, unit: str) -> str:
    """ISO duration for `n` units; None -> X."""
    if unit == "WE":
        unit = "D"
        n = None if n is None else 2 * n
    time_unit = unit in ("H", "MIN", "S")
    letter = {"MIN": "M"}.get(unit, unit)
    if n is None:
        return ("PTX" if time_unit else "PX") + letter
    if unit == "E" and n == int(n):
        return f"P{int(n * 10)}Y"
    if unit == "C" and n == int(n) and n > 1:
        return f"P{int(n * 100)}Y"
    if n != int(n):
        whole = int(n)
        frac = n - whole
        if unit == "Y":
            return f"P{whole}Y{round(frac * 12)}M" if whole else f"P{round(frac * 12)}M"
        if unit == "H":
            return f"PT{whole}H{round(frac * 60)}M" if whole else f"PT{round(frac * 60)}M"
        if unit == "D":
            return f"P{whole}DT{round(frac * 24)}H" if whole else f"PT{round(frac * 24)}H"
        if unit == "MIN":
            return f"PT{whole}M{round(frac * 60)}S" if whole else f"PT{round(frac * 60)}S"
        if unit == "M":
            return f"P{whole}M{round(frac * 30)}D" if whole else f"P{round(frac * 30)}D"
        if unit == "W":
            return f"P{round(n * 7)}D"
    return ("PT" if time_unit else "P") + f"{int(n)}{letter}"


def _direction(tense: Tense | None) -> int:
    return -1 if tense == "PAST" else 1 if tense == "FUTURE" else 0


# a date a little after publication in a past-tense clause is usually a scheduled one
# ("said the dividend is payable Dec. 1"): keep it in the future up to this many days ahead
_PAST_TOLERANCE_DAYS = 92
# and a day date just gone by in a future-tense clause is that one (a deadline reported as
# "is due by Jan. 14" written a day later), not the one a year ahead, which would carry its year
_FUTURE_TOLERANCE_DAYS = 14


def _resolve_month_day(ctx: _Ctx, month: int, day: int | None) -> Point:
    ref = ctx.published
    if ref is None:
        return Point(None, month, day)
    key = (month, day or (1 if ctx.tense == "FUTURE" else 31))
    now = (ref.month, ref.day)
    direction = _direction(ctx.tense)
    if direction == 0 and day is not None:
        direction = -1  # news mostly reports: an untensed day date is a past one unless it is just ahead
    year = ref.year
    if direction < 0:
        ahead = (date(ref.year, month, min(day or 1, 28)) - ref).days
        tolerance = _PAST_TOLERANCE_DAYS if day is not None else 0
        if key > now and not (day is None and month == ref.month) and ahead > tolerance:
            year -= 1
    elif direction > 0:
        behind = (ref - date(ref.year, month, min(day or 1, 28))).days
        if (
            key < now
            and not (day is None and month == ref.month)
            and not (day is not None and behind <= _FUTURE_TOLERANCE_DAYS)
        ):
            year += 1
    else:
        distance = (month - ref.month) % 12
        if distance > 6 and month > ref.month:
            year -= 1
        elif distance <= 6 and month < ref.month and ref.month - month > 6:
            year += 1
    if day is not None and day > calendar.monthrange(year, month)[1]:
        return Point(year, month)
    return Point(year, month, day)


def _resolve_weekday(ctx: _Ctx, weekday: int, direction: int | None = None) -> Point:
    ref = ctx.published
    if ref is None:
        return Point(None, unknown=f"XXXX-WXX-{weekday + 1}")
    if direction is None:
        direction = _direction(ctx.tense)
    diff = weekday - ref.weekday()
    if direction < 0:
        if diff > 0:
            diff -= 7
    elif direction > 0:
        if diff < 0:
            diff += 7
    else:
        if diff > 3:
            diff -= 7
        elif diff < -3:
            diff += 7
    d = ref + timedelta(days=diff)
    return Point(d.year, d.month, d.day)


def _reference(ctx: _Ctx, unit: str, use_anchor: bool) -> tuple[date | None, bool]:
    """The date to count from: the previous date (anchor) or publication."""
    if use_anchor and ctx.anchor is not None:
        d = _point_date(ctx.anchor)
        if d is not None:
            return d, True
    return ctx.published, False


def _relative(ctx: _Ctx, unit: str, n: int, use_anchor: bool = False) -> tuple[Point, bool]:
    ref, anchored = _reference(ctx, unit, use_anchor)
    if ref is None:
        return Point(None, unknown=_UNKNOWN.get(unit, "XXXX")), False
    d = _shift(ref, unit, n)
    if unit == "WE":
        p = _from_date(d, "W")
        return replace(p, weekend=True), anchored
    return _from_date(d, unit), anchored


def _year_of(ctx: _Ctx) -> int | None:
    return ctx.published.year if ctx.published else None


def _quarter_point(ctx: _Ctx, q: int, year: int | None = None) -> Point:
    if year is not None:
        return Point(year, quarter=q)
    ref = ctx.published
    if ref is None:
        return Point(None, quarter=q)
    cur = (ref.month - 1) // 3 + 1
    y = ref.year
    if q > cur and ctx.tense == "PAST":
        y -= 1
    return Point(y, quarter=q)


def _year_from_text(s: str) -> int | None:
    m = re.fullmatch(r"(\d{4})|'(\d{2})", s)
    if m:
        if m.group(1):
            return int(m.group(1))
        return 1900 + int(m.group(2))
    m = re.fullmatch(r"nineteen[\s-]+(\w+)(?:[\s-]+(\w+))?", s)
    if m:
        tens = NUMBERS.get(m.group(1), -1)
        ones = NUMBERS.get(m.group(2) or "", 0)
        if 10 <= tens <= 99 and 0 <= ones < 10:
            return 1900 + tens + ones
        return None
    m = re.fullmatch(r"two thousand(?:(?: and)?[\s-]+(\w+))?", s)
    if m:
        ones = NUMBERS.get(m.group(1) or "", 0)
        return 2000 + ones
    return None


_YEAR = r"(?:\d{4}|'\d{2}|nineteen[\s-]+\w+(?:[\s-]+\w+)?|two thousand(?:[\s-]+\w+)?)"


def _date_point(s: str, ctx: _Ctx) -> Point | None:
    """Absolute or calendar expressions: '18 march', 'march 18, 2025', 'march 2025', '2025-04-10'."""
    m = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", s)
    if m:
        y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if 1 <= mo <= 12 and 1 <= d <= calendar.monthrange(y, mo)[1]:
            return Point(y, mo, d)
        return None
    m = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})", s)
    if m:
        mo, d, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
        y = y + 1900 if y < 100 else y
        if 1 <= mo <= 12 and 1 <= d <= calendar.monthrange(y, mo)[1]:
            return Point(y, mo, d)
        return None
    wd = rf"(?:{_WEEKDAY_RE},?\s+)?"
    m = re.fullmatch(
        rf"{wd}(?:the\s+)?(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH_RE})(?:,?\s+({_YEAR}))?", s
    )
    if not m:
        m2 = re.fullmatch(
            rf"{wd}({_MONTH_RE})\s+(?:the\s+)?(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+({_YEAR}))?",
            s,
        )
        if m2:
            month_s, day_s, year_s = m2.group(1), m2.group(2), m2.group(3)
        else:
            month_s = day_s = year_s = None
    else:
        day_s, month_s, year_s = m.group(1), m.group(2), m.group(3)
    if month_s is None:
        m3 = re.fullmatch(rf"{wd}({_MONTH_RE})\s+(?:the\s+)?(\w+?)(?:-(\w+))?(?:,?\s+({_YEAR}))?", s)
        if m3 and m3.group(2) in ORDINAL_DAYS:
            month_s = m3.group(1)
            day_s = str(ORDINAL_DAYS[m3.group(2)] + (ORDINAL_DAYS.get(m3.group(3) or "", 0)))
            year_s = m3.group(4)
    if month_s is not None and day_s is not None:
        month = MONTHS[month_s.rstrip(".")]
        day = int(day_s)
        if not 1 <= day <= 31:
            return None
        if year_s:
            year = _year_from_text(year_s)
            if year is None:
                return None
            if day > calendar.monthrange(year, month)[1]:
                return None
            return Point(year, month, day)
        return _resolve_month_day(ctx, month, day)
    m = re.fullmatch(rf"({_MONTH_RE})(?:,?\s+(?:of\s+)?({_YEAR}))?", s)
    if m:
        month = MONTHS[m.group(1).rstrip(".")]
        if m.group(2):
            year = _year_from_text(m.group(2))
            return Point(year, month) if year is not None else None
        return _resolve_month_day(ctx, month, None)
    year = _year_from_text(s)
    if year is not None:
        return Point(year)
    return None


def _season_point(ctx: _Ctx, season: str, which: str | None) -> Point:
    ref = ctx.published
    if ref is None:
        return Point(None, season=season)
    current = {12: "WI", 1: "WI", 2: "WI", 3: "SP", 4: "SP", 5: "SP", 6: "SU", 7: "SU", 8: "SU"}.get(
        ref.month, "FA"
    )
    # a year's seasons in order: winter is named after the year of its December, so it comes last
    # (winter 1997 = December 1997 to February 1998, after fall 1997 and before spring 1998)
    order = ["SP", "SU", "FA", "WI"]
    cur_year = ref.year - 1 if current == "WI" and ref.month < 12 else ref.year
    ci, si = order.index(current), order.index(season)
    if which == "last":
        delta = (si - ci) % 4 - 4 or -4
    elif which == "next":
        delta = (si - ci) % 4 or 4
    elif which == "this":
        direction = _direction(ctx.tense)
        delta = (si - ci) % 4
        if (direction < 0 and delta) or (direction == 0 and delta > 2):
            delta -= 4
    else:
        direction = _direction(ctx.tense)
        delta = (si - ci) % 4
        if (direction < 0 and delta) or (direction == 0 and delta > 2):
            delta -= 4
    idx = ci + delta
    year = cur_year + (idx // 4)
    season_code = order[idx % 4]
    return Point(year, season=season_code)


def _holiday(ctx: _Ctx, name: str, which: str | None) -> Point:
    ref = ctx.published
    if ref is None:
        return Point(None, unknown="XXXX-XX-XX")
    d = _holiday_date(name, ref.year)
    direction = {"last": -1, "next": 1, "this": 0}.get(which or "", _direction(ctx.tense))
    if direction < 0 and d > ref:
        d = _holiday_date(name, ref.year - 1)
    elif direction > 0 and d < ref:
        d = _holiday_date(name, ref.year + 1)
    elif direction == 0 and (d - ref).days > 183:
        d = _holiday_date(name, ref.year - 1)
    elif direction == 0 and (ref - d).days > 183:
        d = _holiday_date(name, ref.year + 1)
    return Point(d.year, d.month, d.day)


def _holiday_week(ctx: _Ctx, name: str, which: str | None, weekend: bool) -> Point:
    ref = ctx.published
    if ref is None:
        return Point(None, unknown="XXXX-WXX-WE" if weekend else "XXXX-WXX")
    d = _holiday_date(name, ref.year)
    if d.isocalendar()[:2] != ref.isocalendar()[:2]:
        p = _holiday(ctx, name, which)
        d = date(p.year or ref.year, p.month or 1, p.day or 1)
    iso = d.isocalendar()
    return Point(iso[0], week=iso[1], weekend=weekend)


def _time_of_day(s: str) -> tuple[int, int] | None:
    m = re.fullmatch(r"(\d{1,2})(?::(\d{2}))?\s*(a\.?m\.?|p\.?m\.?|o'clock)?", s)
    if m and (m.group(2) or m.group(3)):
        h, mi = int(m.group(1)), int(m.group(2) or 0)
        suffix = (m.group(3) or "").replace(".", "")
        if suffix == "pm" and h < 12:
            h += 12
        if suffix == "am" and h == 12:
            h = 0
        if h <= 24 and mi < 60:
            return h, mi
        return None
    m = re.fullmatch(r"(\d{3,4})\s*(?:hours|hrs|gmt|utc)", s)
    if m:
        h, mi = divmod(int(m.group(1)), 100)
        if h <= 24 and mi < 60:
            return h, mi
    if s in ("noon", "midday"):
        return 12, 0
    if s == "midnight":
        return 24, 0
    return None


_TZ = r"(?:\s+(?:[a-z]{2,4}t|gmt|utc|local time|\(\d{4} gmt\)))?"
