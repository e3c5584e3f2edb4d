"""Time values (ECMA-262 §21.4.1): day and time arithmetic, TimeClip, and local time.

A time value is a float of milliseconds since 1970-01-01T00:00:00Z (NaN when invalid).
Calendar fields come from the proleptic Gregorian day count with integer arithmetic
(days_from_civil / civil_from_days), exact over the whole ±8.64e15 ms range.

Local time is the host's time zone as the C library knows it (the TZ environment
variable, else /etc/localtime): ``time.localtime`` gives the offset and the zone's
abbreviation at any instant, DST and historical rules included, for the full range of
years a Date can hold. UTC() resolves a local time the way the spec (and V8) does: a
repeated local time takes the earlier instant, a skipped one the offset in force before
the transition.
"""

from __future__ import annotations

import math
import os
import time

MS_PER_SECOND = 1000.0
MS_PER_MINUTE = 60000.0
MS_PER_HOUR = 3600000.0
MS_PER_DAY = 86400000.0
MAX_TIME = 8.64e15
NAN = float("nan")
_MAX_YEAR_SPAN = 400000  # MakeDay gives NaN for years this far out (TimeClip would anyway)


def is_finite(x: float) -> bool:
    return not (math.isnan(x) or math.isinf(x))


def day(t: float) -> int:
    """Day(t): the day number containing time value t."""
    return math.floor(t / MS_PER_DAY)


def time_within_day(t: float) -> float:
    return t % MS_PER_DAY


def days_from_civil(y: int, m: int, d: int) -> int:
    """Days since 1970-01-01 of the proleptic Gregorian date y-m-d (m in 1..12)."""
    y -= m <= 2
    era = y // 400
    yoe = y - era * 400
    doy = (153 * (m + (-3 if m > 2 else 9)) + 2) // 5 + d - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468


def civil_from_days(z: int) -> tuple[int, int, int]:
    """(year, month 1..12, day 1..31) of a day number."""
    z += 719468
    era = z // 146097
    doe = z - era * 146097
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    d = doy - (153 * mp + 2) // 5 + 1
    m = mp + (3 if mp < 10 else -9)
    return yoe + era * 400 + (m <= 2), m, d


def fields(t: float) -> tuple[int, int, int, int, int, int, int, int]:
    """(year, month 0..11, date, hours, minutes, seconds, ms, weekday) of finite t."""
    days = day(t)
    y, m, d = civil_from_days(days)
    ms = int(t - days * MS_PER_DAY)
    return (y, m - 1, d, ms // 3600000, ms // 60000 % 60, ms // 1000 % 60, ms % 1000,
            (days + 4) % 7)


def make_time(hour: float, minute: float, sec: float, ms: float) -> float:
    """MakeTime: NaN unless all finite; each part truncated, then combined as doubles."""
    if not (is_finite(hour) and is_finite(minute) and is_finite(sec) and is_finite(ms)):
        return NAN
    return (float(math.trunc(hour)) * MS_PER_HOUR + float(math.trunc(minute)) * MS_PER_MINUTE
            + float(math.trunc(sec)) * MS_PER_SECOND + float(math.trunc(ms)))


def make_day(year: float, month: float, date: float) -> float:
    """MakeDay: the day number of date ``date`` of month ``month`` of ``year``."""
    if not (is_finite(year) and is_finite(month) and is_finite(date)):
        return NAN
    m = math.trunc(month)
    ym = math.trunc(year) + m // 12
    if abs(ym) > _MAX_YEAR_SPAN:
        return NAN
    return float(days_from_civil(ym, m % 12 + 1, 1)) + float(math.trunc(date)) - 1.0


def make_date(day_: float, time_: float) -> float:
    if not (is_finite(day_) and is_finite(time_)):
        return NAN
    tv = day_ * MS_PER_DAY + time_
    return tv if is_finite(tv) else NAN


def time_clip(t: float) -> float:
    """TimeClip: NaN outside ±8.64e15, else the integer part (never -0)."""
    if not is_finite(t) or abs(t) > MAX_TIME:
        return NAN
    return float(math.trunc(t)) + 0.0


def make_full_date(values: list[float]) -> float:
    """MakeDate(MakeDay(y, m, d), MakeTime(h, min, s, ms)) from seven numbers."""
    y, m, d, h, mi, s, ms = values
    return make_date(make_day(y, m, d), make_time(h, mi, s, ms))


def two_digit_year(y: float) -> float:
    """The Date constructor's and Date.UTC's rule: years 0..99 mean 1900..1999."""
    if y != y:
        return y
    yi = math.trunc(y) if is_finite(y) else y
    return 1900.0 + yi if 0 <= yi <= 99 else y


# -- the host time zone ---------------------------------------------------------------

_CLAMP_SECONDS = MAX_TIME / 1000 + 2 * 86400  # keep time.localtime inside its range


def _localtime(t: float) -> time.struct_time:
    seconds = math.floor(t / 1000)
    seconds = max(-_CLAMP_SECONDS, min(_CLAMP_SECONDS, seconds))
    return time.localtime(seconds)


def offset_at(t: float) -> float:
    """The local time zone's offset from UTC, in ms, at the UTC instant t."""
    return _localtime(t).tm_gmtoff * 1000.0


def local_time(t: float) -> float:
    """LocalTime(t)."""
    return t + offset_at(t)


def utc(t: float) -> float:
    """UTC(t): the instant a local time value names (earlier one if repeated)."""
    if not is_finite(t):
        return NAN
    before = offset_at(t - MS_PER_DAY)
    after = offset_at(t + MS_PER_DAY)
    for offset in sorted({before, after}, reverse=True):
        if offset_at(t - offset) == offset:
            return t - offset
    return t - before  # a skipped local time: the offset in force before the gap


# ICU's long names for the abbreviations the C library reports (as node prints them);
# an abbreviation that several zones share is told apart by its offset in minutes.
_ZONE_NAMES = {
    "UTC": "Coordinated Universal Time", "GMT": "Greenwich Mean Time",
    "BST": "British Summer Time", "IST": "Irish Standard Time",
    "WET": "Western European Standard Time", "WEST": "Western European Summer Time",
    "CET": "Central European Standard Time", "CEST": "Central European Summer Time",
    "EET": "Eastern European Standard Time", "EEST": "Eastern European Summer Time",
    "MSK": "Moscow Standard Time",
    "EST": "Eastern Standard Time", "EDT": "Eastern Daylight Time",
    "CST": "Central Standard Time", "CDT": "Central Daylight Time",
    "MST": "Mountain Standard Time", "MDT": "Mountain Daylight Time",
    "PST": "Pacific Standard Time", "PDT": "Pacific Daylight Time",
    "AKST": "Alaska Standard Time", "AKDT": "Alaska Daylight Time",
    "HST": "Hawaii-Aleutian Standard Time", "AST": "Atlantic Standard Time",
    "ADT": "Atlantic Daylight Time", "NST": "Newfoundland Standard Time",
    "NDT": "Newfoundland Daylight Time", "JST": "Japan Standard Time",
    "KST": "Korean Standard Time", "HKT": "Hong Kong Standard Time",
    "AEST": "Australian Eastern Standard Time", "AEDT": "Australian Eastern Daylight Time",
    "ACST": "Australian Central Standard Time", "ACDT": "Australian Central Daylight Time",
    "AWST": "Australian Western Standard Time", "NZST": "New Zealand Standard Time",
    "NZDT": "New Zealand Daylight Time", "SAST": "South Africa Standard Time",
    "IST330": "India Standard Time", "IST120": "Israel Standard Time",
    "IDT": "Israel Daylight Time", "CST480": "China Standard Time",
    "CST-300": "Cuba Standard Time", "CDT-240": "Cuba Daylight Time",
    "PKT": "Pakistan Standard Time", "WIB": "Western Indonesia Time",
    "CAT": "Central Africa Time", "EAT": "East Africa Time", "WAT": "West Africa Standard Time",
}


_names_cache: dict = {}


def _zone_long_names() -> tuple[str | None, str | None]:
    """ICU's (standard, daylight) names of the host zone, from today's abbreviations:
    like ICU, old dates (local mean time, wartime rules) get the zone's present names."""
    key = os.environ.get("TZ")
    if key not in _names_cache:
        std = dst = None
        if key != "":  # TZ="": ICU knows no zone and names none
            for month in (1, 7):
                tm = time.localtime(time.mktime((2021, month, 1, 12, 0, 0, 0, 0, -1)))
                name = _ZONE_NAMES.get(f"{tm.tm_zone}{tm.tm_gmtoff // 60}") \
                    or _ZONE_NAMES.get(tm.tm_zone)
                if tm.tm_isdst:
                    dst = name
                else:
                    std = name
        _names_cache[key] = (std, dst)
    return _names_cache[key]


def zone_name(t: float) -> str:
    """The time zone's name at UTC instant t, as node's Date.prototype.toString shows it."""
    tm = _localtime(t)
    std, dst = _zone_long_names()
    daylight = tm.tm_isdst
    if tm.tm_zone == "LMT":  # before standard time: ICU asks today's rules about the season
        daylight = time.localtime(time.mktime((2021, tm.tm_mon, min(tm.tm_mday, 28), 12, 0, 0,
                                               0, 0, -1))).tm_isdst
    name = dst if daylight else std
    if name is None:
        minutes = int(tm.tm_gmtoff // 60) if tm.tm_gmtoff >= 0 else -int(-tm.tm_gmtoff // 60)
        sign = "+" if minutes >= 0 else "-"
        name = f"GMT{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
    return name
