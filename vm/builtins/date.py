"""Date (§21.4): the constructor, Date.parse/UTC/now, and Date.prototype.

A Date object's [[DateValue]] is its ``internal`` float (NaN for an invalid date). The
arithmetic lives in date_math, string parsing in date_parse; this module holds the
objects and the string forms, which follow node's output exactly (toString's zone name
in parentheses, toLocale*String as node's en-US defaults).
"""

from __future__ import annotations

import math
import time

from ..convert import (
    describe,
    ordinary_to_primitive,
    to_number,
    to_object,
    to_primitive,
    to_string,
    type_error,
)
from ..convert import range_error as _range_error
from ..objects import CONFIGURABLE, ROM, JSObject
from ..operations import get_prototype_from_constructor, invoke
from ..symbols import TO_PRIMITIVE
from ..values import NULL, UNDEFINED
from . import date_math as dm
from .support import arg, make_constructor, method

DAYS = ("Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
FIELD_INDEX = {"FullYear": 0, "Month": 1, "Date": 2, "Hours": 3, "Minutes": 4,
               "Seconds": 5, "Milliseconds": 6}
SETTER_ARITY = {"FullYear": 3, "Month": 2, "Date": 1, "Hours": 4, "Minutes": 3,
                "Seconds": 2, "Milliseconds": 1}


def is_date(value) -> bool:
    return isinstance(value, JSObject) and value.class_name == "Date" \
        and type(value.internal) is float


def this_time_value(this, method_name: str) -> float:
    """thisTimeValue: the [[DateValue]] of a Date object, else a TypeError."""
    if is_date(this):
        if this.segment is ROM and method_name.startswith("Date.prototype.set"):
            raise type_error(f"{method_name}: the Date is read-only (in ROM)")
        return this.internal
    if method_name.startswith("Date.prototype.get") and method_name != "Date.prototype.getYear" \
            or method_name == "Date.prototype.valueOf":
        raise type_error("this is not a Date object.")
    raise type_error(f"Method {method_name} called on incompatible receiver {describe(this)}")


def now() -> float:
    return float(time.time_ns() // 1000000)


# -- the string forms ------------------------------------------------------------------


def year_text(y: int) -> str:
    return f"{y:04d}" if y >= 0 else f"-{-y:04d}"


def offset_text(t: float) -> str:
    """``GMT+0100``: the local offset at UTC instant t, in whole minutes."""
    minutes = int((dm.local_time(t) - t) / dm.MS_PER_MINUTE)
    sign = "+" if minutes >= 0 else "-"
    return f"GMT{sign}{abs(minutes) // 60:02d}{abs(minutes) % 60:02d}"


def date_text(tv_local: float) -> str:
    y, m, d, *_rest, wd = dm.fields(tv_local)
    return f"{DAYS[wd]} {MONTHS[m]} {d:02d} {year_text(y)}"


def time_text(tv_local: float) -> str:
    _, _, _, h, mi, s, _, _ = dm.fields(tv_local)
    return f"{h:02d}:{mi:02d}:{s:02d}"


def zone_text(t: float) -> str:
    return f"{offset_text(t)} ({dm.zone_name(t)})"


def to_date_string(tv: float) -> str:
    """ToDateString: what Date() and Date.prototype.toString return."""
    if tv != tv:
        return "Invalid Date"
    local = dm.local_time(tv)
    return f"{date_text(local)} {time_text(local)} {zone_text(tv)}"


def utc_string(tv: float) -> str:
    y, m, d, h, mi, s, _, wd = dm.fields(tv)
    return f"{DAYS[wd]}, {d:02d} {MONTHS[m]} {year_text(y)} {h:02d}:{mi:02d}:{s:02d} GMT"


def iso_string(tv: float) -> str:
    y, m, d, h, mi, s, ms, _ = dm.fields(tv)
    year = f"{y:04d}" if 0 <= y <= 9999 else f"{'+' if y > 0 else '-'}{abs(y):06d}"
    return f"{year}-{m + 1:02d}-{d:02d}T{h:02d}:{mi:02d}:{s:02d}.{ms:03d}Z"


def locale_date_text(local: float) -> str:
    """en-US short date: ``1/2/2024`` (years before 1 counted as node's era years)."""
    y, m, d, *_ = dm.fields(local)
    return f"{m + 1}/{d}/{y if y > 0 else 1 - y}"


def locale_time_text(local: float) -> str:
    """en-US time: ``3:04:05 AM``."""
    _, _, _, h, mi, s, _, _ = dm.fields(local)
    return f"{h % 12 or 12}:{mi:02d}:{s:02d} {'AM' if h < 12 else 'PM'}"


# -- the constructor -------------------------------------------------------------------


def components(args: list, defaults: tuple) -> list[float]:
    """ToNumber of each given argument (in order), defaults for the missing ones."""
    values = [to_number(a) for a in args[:7]]
    values.extend(defaults[len(values):])
    values[0] = dm.two_digit_year(values[0])
    return values


def setup(realm) -> None:
    proto = JSObject(realm.object_prototype)

    def date_call(this, args):
        return to_date_string(now())

    def date_construct(args, new_target):
        if len(args) == 0:
            tv = now()
        elif len(args) == 1:
            value = args[0]
            if is_date(value):
                tv = dm.time_clip(value.internal)
            else:
                v = to_primitive(value)
                tv = dm.time_clip(_parse(v) if type(v) is str else to_number(v))
        else:
            values = components(args, (dm.NAN, dm.NAN, 1.0, 0.0, 0.0, 0.0, 0.0))
            tv = dm.time_clip(dm.utc(dm.make_full_date(values)))
        obj = JSObject(get_prototype_from_constructor(realm, new_target, "%Date.prototype%"),
                       "Date")
        obj.internal = tv
        return obj

    ctor = make_constructor(realm, "Date", date_call, 7, date_construct, proto)

    def date_now(this, args):
        return now()

    def date_parse_(this, args):
        return _parse(to_string(arg(args, 0)))

    def date_utc(this, args):
        values = components(list(args) or [UNDEFINED], (dm.NAN, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0))
        return dm.time_clip(dm.make_full_date(values))

    method(realm, ctor, "now", date_now, 0)
    method(realm, ctor, "parse", date_parse_, 1)
    method(realm, ctor, "UTC", date_utc, 7)

    # -- getters ------------------------------------------------------------------------

    def getter(name: str, index: int, local: bool):
        def get(this, args):
            t = this_time_value(this, f"Date.prototype.{name}")
            if t != t:
                return dm.NAN
            return float(dm.fields(dm.local_time(t) if local else t)[index])
        method(realm, proto, name, get, 0)

    for field, index in (("FullYear", 0), ("Month", 1), ("Date", 2), ("Day", 7), ("Hours", 3),
                         ("Minutes", 4), ("Seconds", 5), ("Milliseconds", 6)):
        getter(f"get{field}", index, True)
        getter(f"getUTC{field}", index, False)

    def get_time(this, args):
        return this_time_value(this, "Date.prototype.getTime")

    def get_timezone_offset(this, args):
        t = this_time_value(this, "Date.prototype.getTimezoneOffset")
        if t != t:
            return dm.NAN
        return float(math.trunc((t - dm.local_time(t)) / dm.MS_PER_MINUTE)) + 0.0

    def get_year(this, args):
        t = this_time_value(this, "Date.prototype.getYear")
        if t != t:
            return dm.NAN
        return float(dm.fields(dm.local_time(t))[0] - 1900)

    method(realm, proto, "getTime", get_time, 0)
    method(realm, proto, "getTimezoneOffset", get_timezone_offset, 0)
    method(realm, proto, "getYear", get_year, 0)

    # -- setters ------------------------------------------------------------------------

    def setter(name: str, first: int, arity: int, local: bool):
        def set_fields(this, args):
            t = this_time_value(this, f"Date.prototype.{name}")
            given = [to_number(a) for a in args[:arity]] or [dm.NAN]
            if t != t:
                if first != 0:
                    return dm.NAN
                t = 0.0
            elif local:
                t = dm.local_time(t)
            values = [float(v) for v in dm.fields(t)[:7]]
            values[first:first + len(given)] = given
            new = dm.make_full_date(values)
            u = dm.time_clip(dm.utc(new) if local else new)
            this.internal = u
            return u
        method(realm, proto, name, set_fields, arity)

    for field, index in FIELD_INDEX.items():
        setter(f"set{field}", index, SETTER_ARITY[field], True)
        setter(f"setUTC{field}", index, SETTER_ARITY[field], False)

    def set_time(this, args):
        this_time_value(this, "Date.prototype.setTime")
        this.internal = dm.time_clip(to_number(arg(args, 0)))
        return this.internal

    def set_year(this, args):
        """Annex B setYear: two-digit years mean 19xx."""
        t = this_time_value(this, "Date.prototype.setYear")
        y = to_number(arg(args, 0))
        t = 0.0 if t != t else dm.local_time(t)
        if y != y:
            this.internal = dm.NAN
            return dm.NAN
        values = [float(v) for v in dm.fields(t)[:7]]
        values[0] = dm.two_digit_year(y)
        this.internal = dm.time_clip(dm.utc(dm.make_full_date(values)))
        return this.internal

    method(realm, proto, "setTime", set_time, 1)
    method(realm, proto, "setYear", set_year, 1)

    # -- conversions --------------------------------------------------------------------

    def string_method(name: str, form):
        def to_text(this, args):
            t = this_time_value(this, f"Date.prototype.{name}")
            return "Invalid Date" if t != t else form(t)
        return method(realm, proto, name, to_text, 0)

    string_method("toString", to_date_string)
    string_method("toDateString", lambda t: date_text(dm.local_time(t)))
    string_method("toTimeString", lambda t: f"{time_text(dm.local_time(t))} {zone_text(t)}")
    utc_fn = string_method("toUTCString", utc_string)
    proto.define("toGMTString", utc_fn)
    string_method("toLocaleString", lambda t: f"{locale_date_text(dm.local_time(t))}, "
                                              f"{locale_time_text(dm.local_time(t))}")
    string_method("toLocaleDateString", lambda t: locale_date_text(dm.local_time(t)))
    string_method("toLocaleTimeString", lambda t: locale_time_text(dm.local_time(t)))

    def to_iso_string(this, args):
        t = this_time_value(this, "Date.prototype.toISOString")
        if t != t:
            raise _range_error("Invalid time value")
        return iso_string(t)

    def to_json(this, args):
        o = to_object(realm, this)
        tv = to_primitive(o, "number")
        if type(tv) is float and not dm.is_finite(tv):
            return NULL
        return invoke(realm, o, "toISOString", [])

    def value_of(this, args):
        return this_time_value(this, "Date.prototype.valueOf")

    def to_primitive_(this, args):
        if not isinstance(this, JSObject):
            raise type_error("Method Date.prototype [ @@toPrimitive ] called on incompatible "
                             f"receiver {describe(this)}")
        hint = arg(args, 0)
        if hint in ("string", "default"):
            return ordinary_to_primitive(this, "string")
        if hint == "number":
            return ordinary_to_primitive(this, "number")
        raise type_error(f"Invalid hint: {describe(hint)}")

    method(realm, proto, "toISOString", to_iso_string, 0)
    method(realm, proto, "toJSON", to_json, 1)
    method(realm, proto, "valueOf", value_of, 0)
    prim = realm.native("[Symbol.toPrimitive]", to_primitive_, 1)
    proto.define(TO_PRIMITIVE, prim, CONFIGURABLE)


def _parse(text: str) -> float:
    """Date.parse (its tables load on first use: most programs never parse a date)."""
    from .date_parse import parse_date

    return parse_date(text)
