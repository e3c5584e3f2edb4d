"""Date.parse (§21.4.3.2): the Date Time String Format, then the forms V8 also accepts.

The spec leaves non-ISO strings to the implementation; programs are compared with node,
so this follows V8's rules. A string is tokenized (numbers, words, signs, other
symbols, white space; parenthesised text is skipped). The ISO reader consumes the
``YYYY-MM-DDTHH:mm:ss.sssZ`` shape; where the string stops fitting, the legacy reader
takes over with whatever was read so far, so ``2024-01-02 03:04`` and ``Tue Jan 02 2024
03:04:05 GMT+0000 (...)`` and ``1/2/2024, 3:04 PM`` all parse. Date-only ISO forms are
UTC; other forms without an offset are local time.
"""

from __future__ import annotations

import math
import re

from .date_math import NAN, make_date, make_day, make_time, time_clip, utc

_TOKEN = re.compile(r"(\d+)|([A-Za-z\u0080-\uffff]+)|(\s+)|(\()|(.)", re.S)

MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_ZONES = {"ut": 0, "utc": 0, "gmt": 0, "z": 0, "edt": -4, "est": -5, "cdt": -5, "cst": -6,
          "mdt": -6, "mst": -7, "pdt": -7, "pst": -8}
NONE = None


class Token:
    __slots__ = ("kind", "text", "value")

    def __init__(self, kind: str, text: str, value=None) -> None:
        self.kind = kind  # "num", "word", "sym", "space", "skip", "end"
        self.text = text
        self.value = value

    def is_sym(self, c: str) -> bool:
        return self.kind == "sym" and self.text == c

    def is_sign(self) -> bool:
        return self.kind == "sym" and self.text in "+-"

    def is_num(self, length: int | None = None) -> bool:
        return self.kind == "num" and (length is None or len(self.text) == length)

    def keyword(self):
        """("month", n) / ("ampm", 0|12) / ("zone", hours) / ("t", 0) / None for words."""
        if self.kind != "word":
            return None
        w = self.text.lower()
        if len(w) >= 3 and w[:3] in MONTHS:
            return "month", MONTHS.index(w[:3]) + 1
        if w in ("am", "pm"):
            return "ampm", 0 if w == "am" else 12
        if w in _ZONES:
            return "zone", _ZONES[w]
        if w == "t":
            return "t", 0
        return None


def tokenize(s: str) -> list[Token]:
    tokens = []
    i = 0
    while i < len(s):
        m = _TOKEN.match(s, i)
        num, word, space, paren, sym = m.groups()
        if paren:
            depth, j = 1, m.end()
            while j < len(s) and depth:
                depth += {"(": 1, ")": -1}.get(s[j], 0)
                j += 1
            tokens.append(Token("skip", s[i:j]))
            i = j
            continue
        if num:
            tokens.append(Token("num", num, int(num)))
        elif word:
            tokens.append(Token("word", word))
        elif space:
            tokens.append(Token("space", space))
        else:
            tokens.append(Token("sym", sym))
        i = m.end()
    tokens.append(Token("end", ""))
    return tokens


class Scanner:
    def __init__(self, tokens: list[Token]) -> None:
        self.tokens = tokens
        self.i = 0

    def peek(self) -> Token:
        return self.tokens[self.i]

    def next(self) -> Token:
        t = self.tokens[self.i]
        if t.kind != "end":
            self.i += 1
        return t

    def skip_sym(self, c: str) -> bool:
        if self.peek().is_sym(c):
            self.i += 1
            return True
        return False


class Parts:
    """What the readers collect: up to three day numbers, a named month, time, offset."""

    def __init__(self) -> None:
        self.day: list[int] = []
        self.named_month = NONE
        self.iso = False
        self.time: list[int] = []
        self.hour_offset = NONE
        self.tz_sign = NONE
        self.tz_hour = NONE
        self.tz_minute = NONE

    def set_zone(self, hours: int) -> None:
        self.tz_sign = 1 if hours >= 0 else -1
        self.tz_hour = abs(hours)
        self.tz_minute = 0

    def is_utc(self) -> bool:
        return self.tz_hour == 0 and self.tz_minute == 0

    def time_expecting(self, n: int) -> bool:
        k = len(self.time)
        return (k == 1 and n < 60) or (k == 2 and n < 60) or (k == 3 and n < 1000)

    def tz_expecting(self, n: int) -> bool:
        return self.tz_hour is not NONE and self.tz_minute is NONE and n < 60

    def add_time(self, n: int) -> bool:
        if len(self.time) >= 4:
            return False
        self.time.append(n)
        return True

    def add_time_final(self, n: int) -> bool:
        if not self.add_time(n):
            return False
        self.time.extend([0] * (4 - len(self.time)))
        return True


def milliseconds(token: Token) -> int:
    """ReadMilliseconds: the first three digits of a fraction, scaled."""
    digits = token.text
    if len(digits) >= 3:
        return int(digits[:3])
    return int(digits) * (100 if len(digits) == 1 else 10)


def read_iso(sc: Scanner, p: Parts):
    """The Date Time String Format. Returns "done", "invalid", or the first token the
    legacy reader must continue with."""
    t = sc.peek()
    if t.is_sign():
        sign = sc.next()
        if not sc.peek().is_num(6):
            return sign
        year = sc.next().value
        if sign.text == "-" and year == 0:
            return sign
        p.day.append(-year if sign.text == "-" else year)
    elif t.is_num(4):
        p.day.append(sc.next().value)
    else:
        return sc.next()
    if sc.skip_sym("-"):
        if not sc.peek().is_num(2) or not 1 <= sc.peek().value <= 12:
            return sc.next()
        p.day.append(sc.next().value)
        if sc.skip_sym("-"):
            if not sc.peek().is_num(2) or not 1 <= sc.peek().value <= 31:
                return sc.next()
            p.day.append(sc.next().value)
    kw = sc.peek().keyword()
    if not kw or kw[0] != "t":
        if sc.peek().kind != "end":
            return sc.next()
    else:
        sc.next()
        if not sc.peek().is_num(2) or sc.peek().value > 24:
            return "invalid"
        hour_is_24 = sc.peek().value == 24
        p.time.append(sc.next().value)
        if not sc.skip_sym(":"):
            return "invalid"
        if not sc.peek().is_num(2) or sc.peek().value > 59 or (hour_is_24 and sc.peek().value):
            return "invalid"
        p.time.append(sc.next().value)
        if sc.skip_sym(":"):
            if not sc.peek().is_num(2) or sc.peek().value > 59 or (
                    hour_is_24 and sc.peek().value):
                return "invalid"
            p.time.append(sc.next().value)
            if sc.skip_sym("."):
                if not sc.peek().is_num() or (hour_is_24 and sc.peek().value):
                    return "invalid"
                p.time.append(milliseconds(sc.next()))
        kw = sc.peek().keyword()
        if kw == ("zone", 0) and sc.peek().text.lower() == "z":
            sc.next()
            p.set_zone(0)
        elif sc.peek().is_sign():
            p.tz_sign = 1 if sc.next().text == "+" else -1
            if sc.peek().is_num(4):
                hm = sc.next().value
                if hm // 100 > 23 or hm % 100 > 59:
                    return "invalid"
                p.tz_hour, p.tz_minute = hm // 100, hm % 100
            else:
                if not sc.peek().is_num(2) or sc.peek().value > 23:
                    return "invalid"
                p.tz_hour = sc.next().value
                if not sc.skip_sym(":"):
                    return "invalid"
                if not sc.peek().is_num(2) or sc.peek().value > 59:
                    return "invalid"
                p.tz_minute = sc.next().value
        if sc.peek().kind != "end":
            return "invalid"
    if p.tz_sign is NONE and not p.time:
        p.set_zone(0)
    p.iso = True
    return "done"


def read_legacy(sc: Scanner, p: Parts, token: Token) -> bool:
    """V8's legacy date reader, from ``token`` on. False when the string is no date."""
    has_number = bool(p.day)
    while token.kind != "end":
        if token.kind == "num":
            has_number = True
            n = token.value
            if sc.skip_sym(":"):
                if sc.skip_sym(":"):
                    if p.time:
                        return False
                    p.time.extend([n, 0])
                else:
                    if not p.add_time(n):
                        return False
                    if sc.peek().is_sym("."):
                        sc.next()
            elif sc.peek().is_sym(".") and p.time_expecting(n):
                sc.next()
                p.add_time(n)
                if not sc.peek().is_num():
                    return False
                p.add_time_final(milliseconds(sc.next()))
            elif p.tz_expecting(n):
                p.tz_minute = n
            elif p.time_expecting(n):
                p.add_time_final(n)
                after = sc.peek()
                if not (after.kind in ("end", "space") or after.is_sign()
                        or (after.kind == "word" and after.text.lower() == "z")):
                    return False
            else:
                if len(p.day) >= 3:
                    return False
                p.day.append(n)
                sc.skip_sym("-")
        elif token.kind == "word":
            kw = token.keyword()
            if kw and kw[0] == "ampm" and p.time:
                p.hour_offset = kw[1]
            elif kw and kw[0] == "month":
                p.named_month = kw[1]
                sc.skip_sym("-")
            elif kw and kw[0] == "zone" and has_number:
                p.set_zone(kw[1])
            else:
                if has_number or sc.peek().kind == "num":
                    return False
        elif token.is_sign() and (p.is_utc() or p.time):
            p.tz_sign = 1 if token.text == "+" else -1
            n, length = 0, 0
            if sc.peek().is_num():
                t = sc.next()
                n, length = t.value, len(t.text)
            has_number = True
            if sc.peek().is_sym(":"):
                p.tz_hour, p.tz_minute = n, NONE
            elif length in (1, 2):
                p.tz_hour, p.tz_minute = n, 0
            elif length in (3, 4):
                p.tz_hour, p.tz_minute = n // 100, n % 100
            else:
                return False
        elif (token.is_sign() or token.is_sym(")")) and has_number:
            return False
        token = sc.next()
    return True


def compose_day(p: Parts):
    """DayComposer::Write: (year, month 0..11, day) or None."""
    if not p.day:
        return None
    comp = p.day + [1] * (3 - len(p.day))
    year = 0
    if p.named_month is NONE:
        if p.iso or not 1 <= comp[0] <= 31:
            year, month, day_ = comp
        else:
            month, day_, year = comp
    else:
        month = p.named_month
        if len(p.day) == 1:
            day_ = comp[0]
        elif not 1 <= comp[0] <= 31:
            year, day_ = comp[0], comp[1]
        else:
            day_, year = comp[0], comp[1]
    if not p.iso:
        if 0 <= year <= 49:
            year += 2000
        elif 50 <= year <= 99:
            year += 1900
    if not (1 <= month <= 12 and 1 <= day_ <= 31):
        return None
    return year, month - 1, day_


def compose_time(p: Parts):
    """TimeComposer::Write: (h, m, s, ms) or None."""
    h, m, s, ms = p.time + [0] * (4 - len(p.time))
    if p.hour_offset is not NONE:
        if not 0 <= h <= 12:
            return None
        h = h % 12 + p.hour_offset
    if not (h < 24 and m < 60 and s < 60 and ms < 1000):
        if h != 24 or m or s or ms:
            return None
    return h, m, s, ms


def parse_date(s: str) -> float:
    """Date.parse(s): a time value, NaN when the string is not a date V8 would accept."""
    sc = Scanner(tokenize(s))
    p = Parts()
    start = read_iso(sc, p)
    if start == "invalid":
        return NAN
    if start != "done" and not read_legacy(sc, p, start):
        return NAN
    ymd = compose_day(p)
    hms = compose_time(p)
    if ymd is None or hms is None:
        return NAN
    date = make_date(make_day(*map(float, ymd)), make_time(*map(float, hms)))
    if p.tz_sign is NONE:
        date = utc(date)
    else:
        tz_hour = p.tz_hour or 0
        tz_minute = p.tz_minute or 0
        date -= p.tz_sign * (tz_hour * 3600000.0 + tz_minute * 60000.0)
    return time_clip(date) if not math.isnan(date) else NAN
