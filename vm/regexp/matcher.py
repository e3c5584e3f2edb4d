"""Pattern tree -> a backtracking matcher made of closures.

Every node compiles, with its continuation already known (``nxt``), into a function
``m(s, i, st) -> bool`` that matches at code-unit index ``i`` of ``s`` and then calls
``nxt``; it returns True only when the whole rest of the pattern matched.  Whatever a
matcher writes into the state list ``st`` (captures, loop counters) it restores before
returning False, so one state list serves every start position of a search.

``st`` holds, in order: the capture pairs (start, end) for group 0..G, the pending start
of each group (set when the group opens), two slots (count, iteration start) for each
general quantifier, then the meter callback and its countdown.

Lookbehind bodies compile backwards (``fwd=False``): characters are read before ``i``
and sequences run right to left, as ECMA-262 §22.2.2 specifies.

Simple quantified characters (a class, a character or ``.``, with no groups) loop
without recursing; general quantifiers recurse once per iteration.  The caller raises
the recursion limit and turns a RecursionError into a RangeError.
"""

from __future__ import annotations

from .charset import (
    LINE_TERMINATORS,
    WORD,
    WORD_UNICODE_IGNORE_CASE,
    case_classes,
    case_table,
    close_over_case,
    membership,
    normalize,
)
from .parser import INFINITY, Pattern, parse

TICK_BATCH = 2000


def _succeed(s, i, st):
    return True


def _utf16(cp: int) -> str:
    if cp < 0x10000:
        return chr(cp)
    cp -= 0x10000
    return chr(0xD800 + (cp >> 10)) + chr(0xDC00 + (cp & 0x3FF))


def _no_meter(n):
    return None


class Flags:
    __slots__ = ("ignore_case", "multiline", "dot_all", "unicode", "sets")

    def __init__(self, flags: str):
        self.ignore_case = "i" in flags
        self.multiline = "m" in flags
        self.dot_all = "s" in flags
        self.sets = "v" in flags
        self.unicode = self.sets or "u" in flags

    def modified(self, added: str, removed: str) -> Flags:
        f = Flags("")
        f.unicode, f.sets = self.unicode, self.sets
        f.ignore_case = ("i" in added) or (self.ignore_case and "i" not in removed)
        f.multiline = ("m" in added) or (self.multiline and "m" not in removed)
        f.dot_all = ("s" in added) or (self.dot_all and "s" not in removed)
        return f


def _group_span(node) -> tuple[int, int]:
    """The capture groups inside a node: (first, end) indices, empty when first >= end."""
    found: list[int] = []

    def walk(n):
        kind = n[0]
        if kind == "group":
            found.append(n[1])
            walk(n[2])
        elif kind in ("seq", "alt"):
            for x in n[1]:
                walk(x)
        elif kind == "quant":
            walk(n[4])
        elif kind == "look":
            walk(n[3])
        elif kind == "mods":
            walk(n[3])

    walk(node)
    return (min(found), max(found) + 1) if found else (0, 0)


class Program:
    """A compiled pattern: ``match(s, index, sticky, meter)`` gives the capture indices
    ``[start0, end0, start1, end1, ...]`` (-1 for unmatched groups) or None."""

    def __init__(self, source: str, flags: str):
        pattern: Pattern = parse(source, flags)
        self.group_count = pattern.group_count
        self.group_names = pattern.group_names
        self.flags = Flags(flags)
        g = self.group_count + 1
        self.cap_size = 2 * g
        self.pending = 2 * g
        self.meter_slot = 3 * g  # the meter callback, then its countdown
        self.next_slot = 3 * g + 2
        self.unicode = self.flags.unicode
        tree = pattern.tree
        self.matcher = self.compile(tree, self._accept, True, self.flags)
        self.initial = [-1] * self.next_slot
        self.initial[self.meter_slot] = _no_meter
        self.initial[self.meter_slot + 1] = TICK_BATCH
        self.prefix = self._literal_prefix(tree)
        self.anchored = self._anchored(tree)
        self.skip = None if self.prefix else self._first_char_skip(tree)

    @staticmethod
    def _accept(s, i, st):
        st[1] = i
        return True

    def _literal_prefix(self, tree) -> str:
        if self.flags.ignore_case:
            return ""
        nodes = tree[1] if tree[0] == "seq" else [tree]
        out = []
        for n in nodes:
            if n[0] != "char":
                break
            out.append(_utf16(n[1]) if self.unicode else chr(n[1]))
        prefix = "".join(out)
        if prefix and 0xD800 <= ord(prefix[0]) <= 0xDFFF:
            return ""  # a lone surrogate may need the pair rule
        return prefix

    def _first_char_skip(self, tree):
        """``skip(s, i, n)``: the next index where the pattern's first character can
        match, when that character comes from a small set; else None."""
        first = tree[1][0] if tree[0] == "seq" and tree[1] else tree
        if first[0] == "quant" and first[1] >= 1:
            first = first[4]
        if first[0] not in ("char", "set") or first[0] == "set" and first[1].strings:
            return None
        chars = self.char_set_of(first, self.flags)
        if chars is None or chars[1] or any(ord(c) >= 0xD800 for c in chars[0]):
            return None
        return self.run_scanner(None, (chars[0], True))

    def _anchored(self, tree) -> bool:
        if self.flags.multiline:
            return False
        if tree[0] == "seq":
            return bool(tree[1]) and tree[1][0][0] == "bol"
        return tree[0] == "bol"

    # -- running ------------------------------------------------------------------------

    def match(self, s: str, index: int, sticky: bool, meter=None) -> list[int] | None:
        st = self.initial[:]
        if meter is not None:
            st[self.meter_slot] = meter
        m = self.matcher
        n = len(s)
        if self.unicode and 0 < index < n and 0xDC00 <= ord(s[index]) <= 0xDFFF \
                and 0xD800 <= ord(s[index - 1]) <= 0xDBFF:
            index -= 1  # u/v match code points: an index inside a pair means the pair
        if sticky:
            st[0] = index
            return st[:self.cap_size] if m(s, index, st) else None
        if self.anchored:
            if index != 0:
                return None
            st[0] = 0
            return st[:self.cap_size] if m(s, 0, st) else None
        prefix = self.prefix
        i = index
        countdown = TICK_BATCH
        unicode = self.unicode
        skip = self.skip
        while i <= n:
            if prefix:
                i = s.find(prefix, i)
                if i < 0:
                    return None
            elif skip is not None:
                i = skip(s, i, n)
                if i >= n:
                    return None
            st[0] = i
            if m(s, i, st):
                return st[:self.cap_size]
            countdown -= 1
            if countdown < 0:
                st[self.meter_slot](TICK_BATCH)
                countdown = TICK_BATCH
            if unicode and i + 1 < n and 0xD800 <= ord(s[i]) <= 0xDBFF \
                    and 0xDC00 <= ord(s[i + 1]) <= 0xDFFF:
                i += 2
            else:
                i += 1
        return None

    # -- compiling ----------------------------------------------------------------------

    def slot(self) -> int:
        self.next_slot += 1
        return self.next_slot - 1

    def compile(self, node, nxt, fwd: bool, flags: Flags):
        kind = node[0]
        return getattr(self, "c_" + kind)(node, nxt, fwd, flags)

    def c_seq(self, node, nxt, fwd, flags):
        items = list(node[1])
        # Runs of literal characters become one string comparison.
        merged: list = []
        for x in items:
            if x[0] == "char" and not flags.ignore_case:
                text = _utf16(x[1]) if self.unicode else chr(x[1])
                if merged and merged[-1][0] == "lit":
                    merged[-1] = ("lit", merged[-1][1] + text)
                else:
                    merged.append(("lit", text))
            else:
                merged.append(x)
        order = merged if fwd else merged[::-1]
        m = nxt
        for x in reversed(order):
            m = self.literal(x[1], m, fwd) if x[0] == "lit" else self.compile(x, m, fwd, flags)
        return m

    def c_alt(self, node, nxt, fwd, flags):
        alts = tuple(self.compile(x, nxt, fwd, flags) for x in node[1])
        if len(alts) == 2:
            a, b = alts

            def alt2(s, i, st):
                return a(s, i, st) or b(s, i, st)
            return alt2

        def alt(s, i, st):
            for a in alts:
                if a(s, i, st):
                    return True
            return False
        return alt

    def c_char(self, node, nxt, fwd, flags):
        cp = node[1]
        if not flags.ignore_case:
            return self.literal(_utf16(cp) if self.unicode else chr(cp), nxt, fwd)
        members = case_classes(self.unicode).get(cp, (cp,))
        if len(members) == 1:
            return self.literal(_utf16(cp) if self.unicode else chr(cp), nxt, fwd)
        return self.single(frozenset(members).__contains__, nxt, fwd)

    def literal(self, text: str, nxt, fwd):
        size = len(text)
        guard_end = self.unicode and 0xD800 <= ord(text[-1]) <= 0xDBFF
        guard_start = self.unicode and 0xDC00 <= ord(text[0]) <= 0xDFFF
        if fwd:
            if guard_end or guard_start:
                def lit_guarded(s, i, st):
                    if not s.startswith(text, i):
                        return False
                    j = i + size
                    if guard_end and j < len(s) and 0xDC00 <= ord(s[j]) <= 0xDFFF:
                        return False
                    if guard_start and i > 0 and 0xD800 <= ord(s[i - 1]) <= 0xDBFF:
                        return False
                    return nxt(s, j, st)
                return lit_guarded
            if size == 1:
                def char1(s, i, st):
                    return i < len(s) and s[i] == text and nxt(s, i + 1, st)
                char1.first_char = text
                return char1

            def lit(s, i, st):
                return s.startswith(text, i) and nxt(s, i + size, st)
            lit.first_char = text[0]
            return lit

        def lit_back(s, i, st):
            j = i - size
            if j < 0 or not s.startswith(text, j):
                return False
            if guard_start and j > 0 and 0xD800 <= ord(s[j - 1]) <= 0xDBFF:
                return False
            if guard_end and i < len(s) and 0xDC00 <= ord(s[i]) <= 0xDFFF:
                return False
            return nxt(s, j, st)
        return lit_back

    def char_test(self, node, flags: Flags):
        """A ``cp -> bool`` test for a one-character node (char, set without strings, any)."""
        kind = node[0]
        if kind == "any":
            if flags.dot_all:
                return lambda cp: True
            return lambda cp: cp not in LINE_TERMINATORS
        if kind == "char":
            cp = node[1]
            if flags.ignore_case:
                members = case_classes(self.unicode).get(cp, (cp,))
                return frozenset(members).__contains__
            return lambda c: c == cp
        cs, negated = node[1], node[2]
        ranges = cs.ranges
        if flags.ignore_case:
            ranges = close_over_case(ranges, self.unicode)
        test = membership(ranges)
        if negated:
            return lambda cp: not test(cp)
        return test

    def c_any(self, node, nxt, fwd, flags):
        return self.single(self.char_test(node, flags), nxt, fwd)

    def c_set(self, node, nxt, fwd, flags):
        cs = node[1]
        chars = self.single(self.char_test(node, flags), nxt, fwd)
        if not cs.strings:
            return chars
        # v-mode strings: the longest first, then single characters.
        alts = []
        for text in sorted(cs.strings, key=len, reverse=True):
            seq = ("seq", [("char", ord(c)) for c in text])
            alts.append(self.compile(seq, nxt, fwd, flags))
        alts.append(chars)
        alts_t = tuple(alts)

        def strings(s, i, st):
            for a in alts_t:
                if a(s, i, st):
                    return True
            return False
        return strings

    def single(self, test, nxt, fwd):
        """Match one character satisfying ``test``."""
        if not self.unicode:
            if fwd:
                def one(s, i, st):
                    return i < len(s) and test(ord(s[i])) and nxt(s, i + 1, st)
                return one

            def one_back(s, i, st):
                return i > 0 and test(ord(s[i - 1])) and nxt(s, i - 1, st)
            return one_back
        if fwd:
            def one_u(s, i, st):
                j = _next_cp(s, i)
                return j >= 0 and test(_cp_at(s, i, j)) and nxt(s, j, st)
            return one_u

        def one_u_back(s, i, st):
            j = _prev_cp(s, i)
            return j >= 0 and test(_cp_at(s, j, i)) and nxt(s, j, st)
        return one_u_back

    def c_group(self, node, nxt, fwd, flags):
        index = node[1]
        a, b, p = 2 * index, 2 * index + 1, self.pending + index

        def close(s, i, st):
            old_a, old_b = st[a], st[b]
            if fwd:
                st[a], st[b] = st[p], i
            else:
                st[a], st[b] = i, st[p]
            if nxt(s, i, st):
                return True
            st[a], st[b] = old_a, old_b
            return False

        body = self.compile(node[2], close, fwd, flags)

        def open_(s, i, st):
            old = st[p]
            st[p] = i
            if body(s, i, st):
                return True
            st[p] = old
            return False
        return open_

    def c_mods(self, node, nxt, fwd, flags):
        return self.compile(node[3], nxt, fwd, flags.modified(node[1], node[2]))

    def c_bol(self, node, nxt, fwd, flags):
        if flags.multiline:
            def bol_m(s, i, st):
                return (i == 0 or ord(s[i - 1]) in LINE_TERMINATORS) and nxt(s, i, st)
            return bol_m

        def bol(s, i, st):
            return i == 0 and nxt(s, i, st)
        return bol

    def c_eol(self, node, nxt, fwd, flags):
        if flags.multiline:
            def eol_m(s, i, st):
                return (i == len(s) or ord(s[i]) in LINE_TERMINATORS) and nxt(s, i, st)
            return eol_m

        def eol(s, i, st):
            return i == len(s) and nxt(s, i, st)
        return eol

    def c_wordb(self, node, nxt, fwd, flags):
        negated = node[1]
        ranges = WORD_UNICODE_IGNORE_CASE if self.unicode and flags.ignore_case else WORD
        word = frozenset(cp for lo, hi in ranges for cp in range(lo, hi + 1))

        def boundary(s, i, st):
            a = i > 0 and ord(s[i - 1]) in word
            b = i < len(s) and ord(s[i]) in word
            return ((a != b) != negated) and nxt(s, i, st)
        return boundary

    def c_look(self, node, nxt, fwd, flags):
        behind, negated, body_node = node[1], node[2], node[3]
        first, end = _group_span(body_node)
        lo, hi = 2 * first, 2 * end
        body = self.compile(body_node, _succeed, not behind, flags)
        if negated:
            def look_not(s, i, st):
                saved = st[lo:hi]
                if body(s, i, st):
                    st[lo:hi] = saved
                    return False
                return nxt(s, i, st)
            return look_not

        def look(s, i, st):
            saved = st[lo:hi]
            if not body(s, i, st):
                return False
            if nxt(s, i, st):
                return True
            st[lo:hi] = saved
            return False
        return look

    def c_backref(self, node, nxt, fwd, flags):
        indices = tuple(node[1])
        ignore_case = flags.ignore_case
        canon = case_table(self.unicode).get
        unicode = self.unicode

        def same(x: str, y: str) -> bool:
            if x == y:
                return True
            if not ignore_case or len(x) != len(y):
                return False
            if unicode:
                x, y = _code_points(x), _code_points(y)
                if len(x) != len(y):
                    return False
                return all(canon(a, a) == canon(b, b) for a, b in zip(x, y, strict=True))
            return all(canon(ord(a), ord(a)) == canon(ord(b), ord(b))
                       for a, b in zip(x, y, strict=True))

        def backref(s, i, st):
            for g in indices:
                start, end = st[2 * g], st[2 * g + 1]
                if start >= 0 and end >= 0:
                    break
            else:
                return nxt(s, i, st)
            size = end - start
            if fwd:
                j = i + size
                if j > len(s) or not same(s[start:end], s[i:j]):
                    return False
                return nxt(s, j, st)
            j = i - size
            if j < 0 or not same(s[start:end], s[j:i]):
                return False
            return nxt(s, j, st)
        return backref

    def c_quant(self, node, nxt, fwd, flags):
        low, high, greedy, atom, first, end = node[1:]
        if high == 0:
            return nxt
        if atom[0] in ("char", "any") or (atom[0] == "set" and not atom[1].strings):
            self.loop_chars = self.char_set_of(atom, flags)
            return self.simple_loop(self.char_test(atom, flags), low, high, greedy, nxt, fwd)
        return self.general_loop(node, nxt, fwd, flags)

    def simple_loop(self, test, low, high, greedy, nxt, fwd):
        """A quantified one-character atom: count matches in a loop, then backtrack by
        stepping back (greedy) or forward (lazy) without recursion."""
        meter = self.meter_slot
        unicode = self.unicode
        big = high == INFINITY
        high_i = 0 if big else int(high)

        if not unicode and fwd:
            extent = self.run_scanner(test, self.loop_chars)
            first = getattr(nxt, "first_char", None)

            def greedy_fwd(s, i, st):
                limit = len(s) if big else min(len(s), i + high_i)
                j = extent(s, i, limit)
                floor = i + low
                while j >= floor:
                    if first is not None:
                        j = s.rfind(first, floor, j + 1)
                        if j < 0:
                            return False
                    if nxt(s, j, st):
                        return True
                    j -= 1
                    t = st[meter + 1] - 1
                    if t < 0:
                        st[meter](TICK_BATCH)
                        t = TICK_BATCH
                    st[meter + 1] = t
                return False

            def lazy_fwd(s, i, st):
                limit = len(s) if big else min(len(s), i + high_i)
                top = extent(s, i, limit)
                j = i + low
                while j <= top:
                    if first is not None:
                        j = s.find(first, j, top + 1)
                        if j < 0:
                            return False
                    if nxt(s, j, st):
                        return True
                    j += 1
                    t = st[meter + 1] - 1
                    if t < 0:
                        st[meter](TICK_BATCH)
                        t = TICK_BATCH
                    st[meter + 1] = t
                return False
            return greedy_fwd if greedy else lazy_fwd

        # Code points (u-mode) or backwards: collect the positions.
        step = _next_cp if fwd else _prev_cp

        def read(s, i):
            j = step(s, i) if unicode else (i + 1 if fwd and i < len(s) else
                                            (i - 1 if not fwd and i > 0 else -1))
            if j < 0:
                return -1
            cp = _cp_at(s, i, j) if fwd else _cp_at(s, j, i)
            return j if test(cp) else -1

        def greedy_any(s, i, st):
            positions = [i]
            j = i
            while big or len(positions) <= high_i:
                j = read(s, j)
                if j < 0:
                    break
                positions.append(j)
            k = len(positions) - 1
            while k >= low:
                if nxt(s, positions[k], st):
                    return True
                k -= 1
                t = st[meter + 1] - 1
                if t < 0:
                    st[meter](TICK_BATCH)
                    t = TICK_BATCH
                st[meter + 1] = t
            return False

        def lazy_any(s, i, st):
            j = i
            count = 0
            while count < low:
                j = read(s, j)
                if j < 0:
                    return False
                count += 1
            while True:
                if nxt(s, j, st):
                    return True
                if not big and count >= high_i:
                    return False
                j = read(s, j)
                if j < 0:
                    return False
                count += 1
                t = st[meter + 1] - 1
                if t < 0:
                    st[meter](TICK_BATCH)
                    t = TICK_BATCH
                st[meter + 1] = t
        return greedy_any if greedy else lazy_any

    def char_set_of(self, node, flags: Flags):
        """(members, negated) of a one-character node when it is small enough to scan with
        string methods, else None."""
        kind = node[0]
        if kind == "any":
            return None if flags.dot_all else ("\n\r\u2028\u2029", True)
        if kind == "char":
            cp = node[1]
            members = case_classes(self.unicode).get(cp, (cp,)) if flags.ignore_case else (cp,)
            return "".join(map(chr, members)), False
        ranges = node[1].ranges
        if flags.ignore_case:
            ranges = close_over_case(ranges, self.unicode)
        if sum(hi - lo + 1 for lo, hi in ranges) > 64 or ranges and ranges[-1][1] > 0xFFFF:
            return None
        return "".join(chr(c) for lo, hi in ranges for c in range(lo, hi + 1)), node[2]

    @staticmethod
    def run_scanner(test, chars):
        """``extent(s, i, limit)``: the end of the run of matching code units from ``i``,
        found by string methods in growing windows where the set allows it."""
        if chars is None:
            def extent_slow(s, i, limit):
                j = i
                while j < limit and test(ord(s[j])):
                    j += 1
                return j
            return extent_slow
        members, negated = chars
        if negated:
            def extent_until(s, i, limit):
                window = 64
                lo = i
                while lo < limit:
                    hi = min(limit, lo + window)
                    best = hi
                    for c in members:
                        k = s.find(c, lo, best)
                        if k >= 0:
                            best = k
                    if best < hi:
                        return best
                    lo = hi
                    window *= 4
                return limit
            return extent_until

        def extent_while(s, i, limit):
            window = 64
            lo = i
            while lo < limit:
                hi = min(limit, lo + window)
                chunk = s[lo:hi]
                rest = len(chunk.lstrip(members))
                if rest:
                    return hi - rest
                lo = hi
                window *= 4
            return limit
        return extent_while

    def general_loop(self, node, nxt, fwd, flags):
        low, high, greedy, atom, first, end = node[1:]
        c, p = self.slot(), self.slot()
        lo, hi = 2 * first, 2 * end
        clear = [-1] * (hi - lo)
        meter = self.meter_slot
        body = None  # set below, once the tail exists

        def iteration(s, i, st):
            t = st[meter + 1] - 1
            if t < 0:
                st[meter](TICK_BATCH)
                t = TICK_BATCH
            st[meter + 1] = t
            saved = st[lo:hi]
            st[lo:hi] = clear
            old_p = st[p]
            st[p] = i
            if body(s, i, st):
                return True
            st[lo:hi] = saved
            st[p] = old_p
            return False

        def step(s, i, st):
            n = st[c]
            if n < low:
                return iteration(s, i, st)
            if n >= high:
                return nxt(s, i, st)
            if greedy:
                return iteration(s, i, st) or nxt(s, i, st)
            return nxt(s, i, st) or iteration(s, i, st)

        def tail(s, i, st):
            n = st[c]
            if i == st[p] and n >= low:
                return False  # an optional iteration may not match the empty string
            st[c] = n + 1
            if step(s, i, st):
                return True
            st[c] = n
            return False

        body = self.compile(atom, tail, fwd, flags)

        def entry(s, i, st):
            old_c, old_p = st[c], st[p]
            st[c] = 0
            if step(s, i, st):
                return True
            st[c], st[p] = old_c, old_p
            return False
        return entry


def _next_cp(s: str, i: int) -> int:
    """Index after the code point at ``i``, or -1 at the end."""
    n = len(s)
    if i >= n:
        return -1
    if 0xD800 <= ord(s[i]) <= 0xDBFF and i + 1 < n and 0xDC00 <= ord(s[i + 1]) <= 0xDFFF:
        return i + 2
    return i + 1


def _prev_cp(s: str, i: int) -> int:
    """Index of the code point that ends at ``i``, or -1 at the start."""
    if i <= 0:
        return -1
    if 0xDC00 <= ord(s[i - 1]) <= 0xDFFF and i >= 2 and 0xD800 <= ord(s[i - 2]) <= 0xDBFF:
        return i - 2
    return i - 1


def _cp_at(s: str, i: int, j: int) -> int:
    if j - i == 2:
        return (ord(s[i]) - 0xD800) * 0x400 + ord(s[i + 1]) - 0xDC00 + 0x10000
    return ord(s[i])


def _code_points(x: str) -> list[int]:
    out = []
    i = 0
    while i < len(x):
        j = _next_cp(x, i)
        out.append(_cp_at(x, i, j))
        i = j
    return out


__all__ = ["Program", "normalize"]
