"""The parser driver: Lark's LALR(1) tables and contextual lexer, fed token by token.

Lark builds the tables and the per-state lexers from ``js.lark`` (cached on disk, so a
cold start only unpickles them). This module runs the LALR automaton itself, because
JavaScript needs decisions a plain token stream cannot make: semicolon insertion and
the restricted productions, template continuations, and the look-alike terminals
described at the top of ``js.lark``. The semantic values are built by
:class:`compiler.builder.Builder`, one method per rule.
"""

from __future__ import annotations

import binascii
import contextlib
import os
import pickle
import re
import tempfile
from pathlib import Path

from . import ast as A
from .builder import (
    CTX_AGEN,
    CTX_ARROW,
    CTX_ASYNC,
    CTX_ASYNC_ARROW,
    CTX_FN,
    CTX_GEN,
    CTX_MODULE,
    CTX_SCRIPT,
    CTX_STATIC,
    Builder,
)
from .errors import JSSyntaxError
from .literals import identifier_name, to_utf16

GRAMMAR = Path(__file__).with_name("js.lark")

# The `{` look-alikes, the contexts they open (None: no new context; _PARAMS: a function
# body, whose context its parameter list's `(` opened already).
_PARAMS = -1
_BRACES = {
    "BLOCK_LBRACE": None,
    "FN_LBRACE": _PARAMS,
    "GEN_LBRACE": _PARAMS,
    "ASYNC_LBRACE": _PARAMS,
    "AGEN_LBRACE": _PARAMS,
    "STATIC_LBRACE": CTX_STATIC,
    "ARROW_LBRACE": None,
}
# The `(` look-alikes that open a function's parameter list, and its context.
_PARAM_LPARS = {
    "FN_LPAR": CTX_FN,
    "GEN_LPAR": CTX_GEN,
    "ASYNC_LPAR": CTX_ASYNC,
    "AGEN_LPAR": CTX_AGEN,
}
_YIELD_CTX = frozenset({CTX_GEN, CTX_AGEN})
_AWAIT_CTX = frozenset({CTX_MODULE, CTX_ASYNC, CTX_AGEN, CTX_ASYNC_ARROW, CTX_STATIC})
_RESTRICTED = frozenset({"RETURN", "BREAK", "CONTINUE", "THROW"})

# Brace-stack entries.
_B_PLAIN, _B_TEMPLATE, _B_CONTEXT = 0, 1, 2

_WS = "\t\v\f \u00a0\ufeff\u1680\u2000-\u200a\u202f\u205f\u3000"
_NL = "\n\r\u2028\u2029"
_TRIVIA = re.compile(
    rf"(?:[{_WS}{_NL}]+|//[^{_NL}]*|/\*(?:[^*]|\*(?!/))*\*/)*"
)
_HAS_NL = re.compile(f"[{_NL}]")
# Characters that may begin whitespace or a comment (`<` and `-` for HTML-like ones).
_TRIVIA_START = frozenset("\t\v\f \u00a0\ufeff\u1680\u202f\u205f\u3000\n\r\u2028\u2029/<-"
                          + "".join(map(chr, range(0x2000, 0x200B))))
_TEMPLATE_CHARS = re.compile(r"(?:[^`\\$]|\\[\s\S]|\$(?!\{))*")
_LINE_REST = re.compile(f"[^{_NL}]*")
# What may follow `using` for it to begin a declaration: an identifier (or an escape).
_USING_NEXT = re.compile(r"\\|(?:[A-Za-z_$]|[^\x00-\x7f\s\ufeff])(?:[\w$]|[^\x00-\x7f\s\ufeff])*")


class _Tables:
    """Everything the driver needs from Lark, in the shapes its loop wants.

    Built once from Lark's LALR analysis and contextual lexer, then pickled beside
    Lark's own cache (keyed by the grammar text and Lark's version), so a warm start
    neither imports Lark nor rebuilds anything: it unpickles plain dicts and lists and
    compiles each state's lexer regex on first use.
    """

    VERSION = 2  # bump when the pickled shape changes

    def __init__(self) -> None:
        data = _read_table_cache()
        if data is None:
            data = _build_tables()
            _write_table_cache(data)
        self.start_states: dict[str, int] = data["start_states"]
        self.end_states: dict[str, int] = data["end_states"]
        self.rules: list[tuple[str, int, str]] = data["rules"]
        self.actions: list[dict[str, int]] = data["actions"]
        self.keywords: dict[str, str] = data["keywords"]
        self.lexer_of_state: list[int] = data["lexer_of_state"]
        self.patterns: list[tuple[str, ...]] = data["patterns"]
        self.root_pattern: tuple[str, ...] = data["root_pattern"]
        self.matcher_list: list = [None] * len(self.actions)
        # For each state, the terminals a lexed `{`, `function`, `class` or `=>` may stand
        # for, in order of preference. LALR merges states, so a state can list several
        # whose reductions later rule all but one out; the driver then simulates.
        self.variants: dict[str, list[tuple[str, ...]]] = {
            base: [_candidates(a, names) for a in self.actions]
            for base, names in _VARIANTS.items()
        }
        self.postfix_ok = [("INC" in a and "PLUS" not in a) for a in self.actions]
        # None where a lexed `(` can only be itself (most states): no choice to make.
        self.lpar_variants = [c if c not in ((), ("LPAR",)) else None
                              for c in self.variants["LPAR"]]
        self.accepts_memo: dict[tuple, bool] = {}
        self._root = None

    def matcher(self, state: int):
        """The match function of this state's lexer (its regex compiled on first use)."""
        m = self.matcher_list[state]
        if m is None:
            m = _compile_matcher(self.patterns[self.lexer_of_state[state]])
            self.matcher_list[state] = m
        return m

    def root_match(self, text: str, pos: int):
        """Match with every terminal (to name the token in an error message)."""
        if self._root is None:
            self._root = _compile_matcher(self.root_pattern)
        return self._root(text, pos)


def _compile_matcher(patterns: tuple[str, ...]):
    compiled = tuple(_regex(p).match for p in patterns)
    if len(compiled) == 1:
        return compiled[0]

    def match(text, pos):
        for m in compiled:
            r = m(text, pos)
            if r:
                return r
        return None

    return match


# -- compiled lexer regexes, cached per Python -----------------------------------------
#
# Compiling the lexers' large alternations is most of a cold parse (tens of ms for a
# small file). ``re`` cannot pickle a compiled pattern, but its compiler's output (the
# arguments of ``_sre.compile``) is plain data: it is cached on disk keyed by the
# Python version and the regex engine's MAGIC, and made again if either differs.
# Anything unexpected falls back to ``re.compile``.

_sre_cache: dict | None = None


def _regex(pattern: str):
    """``re.compile(pattern)``, from the compiled-code cache when possible."""
    global _sre_cache
    if _sre_cache is None:
        _sre_cache = _load_sre_cache()
    args = _sre_cache.get(pattern)
    if args is not None:
        try:
            import _sre

            return _sre.compile(*args)
        except Exception:  # noqa: BLE001 - a stale or foreign cache: compile normally
            _sre_cache.pop(pattern, None)
    return re.compile(pattern)


def _sre_cache_file() -> str:
    import _sre
    import sys

    key = _fingerprint(f"{_table_cache_file()} {sys.implementation.cache_tag} {sys.version} "
                       f"{_sre.MAGIC}".encode())
    return os.path.join(_cache_dir(), f"js-regex-{key}.pickle")


def _sre_args(pattern: str) -> tuple:
    """What ``re._compiler.compile`` hands to ``_sre.compile`` for ``pattern``."""
    from re import _compiler, _parser

    p = _parser.parse(pattern, 0)
    code = [int(c) for c in _compiler._code(p, 0)]
    groupindex = p.state.groupdict
    indexgroup = [None] * p.state.groups
    for k, i in groupindex.items():
        indexgroup[i] = k
    return (pattern, p.state.flags, code, p.state.groups - 1, dict(groupindex),
            tuple(indexgroup))


def _load_sre_cache() -> dict:
    path = _sre_cache_file()
    try:
        with open(path, "rb") as f:
            data = pickle.load(f)
        if isinstance(data, dict):
            return data
    except (OSError, pickle.UnpicklingError, EOFError, ValueError, AttributeError):
        pass
    t = tables()
    data = {}
    try:
        for patterns in (*t.patterns, t.root_pattern):
            for pattern in patterns:
                if pattern not in data:
                    args = _sre_args(pattern)
                    if re.compile(pattern).pattern != args[0]:
                        return {}
                    data[pattern] = args
    except Exception:  # noqa: BLE001 - another Python's re internals: no cache
        return {}
    tmp = f"{path}.{os.getpid()}.tmp"
    try:
        with open(tmp, "wb") as f:
            pickle.dump(data, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
    return data


def _build_tables() -> dict:
    lark = _load_lark()
    table = lark.parser.parser.parser.parse_table
    rule_index: dict[object, int] = {}
    rules: list[tuple[str, int, str]] = []
    actions: list[dict[str, int]] = [{} for _ in range(len(table.states))]
    for state, acts in table.states.items():
        out = actions[state]
        for sym, (action, arg) in acts.items():
            if action.name == "Shift":
                out[sym] = arg
            else:
                idx = rule_index.get(arg)
                if idx is None:
                    idx = rule_index[arg] = len(rules)
                    # Lark names are Token objects (str subclasses with a slow __eq__,
                    # whose unpickling would import Lark): keep plain str only.
                    name = str(arg.alias or arg.origin.name)
                    rules.append((str(arg.origin.name), len(arg.expansion), name))
                out[sym] = ~idx
    lexer = lark.parser.lexer
    lexer = getattr(lexer, "lexer", lexer)  # unwrap a post-lexer connector
    patterns: list[tuple[str, ...]] = []
    index: dict[int, int] = {}
    lexer_of_state = [0] * len(actions)
    for state, basic in lexer.lexers.items():
        if id(basic) not in index:
            index[id(basic)] = len(patterns)
            patterns.append(tuple(r.pattern for r in basic.scanner._mres))
        lexer_of_state[state] = index[id(basic)]
    return {
        "version": _Tables.VERSION,
        "start_states": dict(table.start_states),
        "end_states": dict(table.end_states),
        "rules": rules,
        "actions": actions,
        "keywords": {t.pattern.value: t.name for t in lark.terminals
                     if t.pattern.type == "str" and t.pattern.value.isalpha()},
        "lexer_of_state": lexer_of_state,
        "patterns": patterns,
        "root_pattern": tuple(r.pattern for r in lexer.root_lexer.scanner._mres),
    }


def _table_cache_file() -> str:
    # The pickle holds plain data only, so it depends on the grammar and its own shape,
    # not on the Lark version that built it.
    key = _fingerprint(GRAMMAR.read_bytes() + str(_Tables.VERSION).encode())
    return os.path.join(_cache_dir(), f"js-tables-{key}.pickle")


def _fingerprint(data: bytes) -> str:
    """A cache key for ``data``: two checksums and the length (hashlib's OpenSSL import
    alone would cost a noticeable share of a `caplet run`'s start-up)."""
    return f"{binascii.crc32(data):08x}{binascii.crc_hqx(data, 0):04x}{len(data):x}"


def _read_table_cache() -> dict | None:
    try:
        with open(_table_cache_file(), "rb") as f:
            data = pickle.load(f)
    except (OSError, pickle.UnpicklingError, EOFError, ValueError, AttributeError):
        return None
    return data if isinstance(data, dict) and data.get("version") == _Tables.VERSION else None


def _write_table_cache(data: dict) -> None:
    path = _table_cache_file()
    tmp = f"{path}.{os.getpid()}.tmp"
    try:
        with open(tmp, "wb") as f:
            pickle.dump(data, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)  # atomic: concurrent first runs never see half a file
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(tmp)


_VARIANTS = {
    "LBRACE": (*_BRACES, "LBRACE"),
    "FUNCTION": ("FUNCTION_STMT", "FUNCTION"),
    "CLASS": ("CLASS_STMT", "CLASS"),
    "ARROW": ("ASYNC_ARROW", "ARROW"),
    "LPAR": (*_PARAM_LPARS, "LPAR"),
}


def _candidates(actions: dict, names: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(n for n in names if n in actions)


class _AlwaysName:
    """A post-lexer that only makes every state's lexer also match identifiers.

    Keywords are then found by the driver (a word is a keyword only where the state
    accepts that keyword), and a word is never split into a keyword and a rest.
    """

    always_accept = ("NAME", "LBRACE", "ARROW", "LPAR")

    def process(self, stream):
        return stream


def _cache_dir() -> str:
    base = os.environ.get("CAPLET_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(Path.home(), ".cache"), "caplet"
    )
    try:
        os.makedirs(base, exist_ok=True)
        probe = os.path.join(base, ".w")
        with open(probe, "w"):
            pass
        os.unlink(probe)
    except OSError:
        base = tempfile.gettempdir()
    return base


def _load_lark():
    from lark import Lark  # only needed when the table cache is cold

    return Lark(
        GRAMMAR.read_text(encoding="utf-8"),
        parser="lalr",
        lexer="contextual",
        start=["start_script", "start_module"],
        postlex=_AlwaysName(),
        cache=os.path.join(_cache_dir(), "js-grammar.lark-cache"),
        maybe_placeholders=False,
    )


_tables: _Tables | None = None


def tables() -> _Tables:
    global _tables
    if _tables is None:
        _tables = _Tables()
    return _tables


class _Driver:
    """One parse: the LALR stacks, the brace stack and the context stack."""

    def __init__(self, text: str, module: bool, eval_site=None):
        self.t = tables()
        self.text = text
        self.module = module
        self.b = Builder(text, module, eval_site)
        b = self.b
        # None marks a one-child rule that passes its child through: the loop then
        # only swaps the state on top of the stack.
        self.callbacks = [getattr(b, name, None) for _, _, name in self.t.rules]
        for i, (_, size, _) in enumerate(self.t.rules):
            if self.callbacks[i] is None and size != 1:
                raise RuntimeError(f"no builder method for rule {self.t.rules[i]}")

    # ------------------------------------------------------------ trivia

    def skip(self, pos: int, at_line_start: bool) -> tuple[int, bool]:
        """Skip whitespace and comments; report whether a line terminator was crossed."""
        text = self.text
        nl = False
        while True:
            end = _TRIVIA.match(text, pos).end()
            if end > pos and not nl and _HAS_NL.search(text, pos, end):
                nl = True
            pos = end
            if text.startswith("/*", pos):
                raise JSSyntaxError("Unterminated comment", pos)
            if not self.module:
                if text.startswith("<!--", pos):
                    pos = _LINE_REST.match(text, pos).end()
                    continue
                if text.startswith("-->", pos) and (nl or at_line_start):
                    pos = _LINE_REST.match(text, pos).end()
                    continue
            return pos, nl

    # ------------------------------------------------------------ tokens

    def lex_template(self, pos: int, opening: bool) -> tuple[str, int]:
        """Scan a template chunk starting at the backtick or the closing brace."""
        text = self.text
        end = _TEMPLATE_CHARS.match(text, pos + 1).end()
        if text.startswith("`", end):
            return ("TEMPLATE_NOSUB" if opening else "TEMPLATE_TAIL"), end + 1
        if text.startswith("${", end):
            return ("TEMPLATE_HEAD" if opening else "TEMPLATE_MIDDLE"), end + 2
        raise JSSyntaxError("Unterminated template", pos)

    def using_follows(self, end: int, nl: bool, prev_type: str | None) -> bool:
        """Whether the `using` that ends at ``end`` begins a declaration (acorn's
        ``isUsingKeyword``): an identifier follows on the same line (and `await` before
        it is on the same line too); in a `for` head, `using of` only before `=`."""
        if nl and prev_type == "AWAIT":
            return False
        pos, crossed = self.skip(end, False)
        if crossed:
            return False
        m = _USING_NEXT.match(self.text, pos)
        if m is None:
            return False
        word = m.group()
        if word == "in" or word == "instanceof":
            return False
        if word == "of" and prev_type == "LPAR":
            after = self.skip(m.end(), False)[0]
            return self.text.startswith("=", after) and self.text[after + 1:after + 2] not in "=>"
        return True

    def unexpected(self, pos: int, ttype: str | None = None) -> JSSyntaxError:
        text = self.text
        if pos >= len(text) or ttype == "$END":
            return JSSyntaxError("Unexpected end of input", len(text))
        m = self.t.root_match(text, pos)
        if m is None:
            c = text[pos]
            if c in "\"'":
                return JSSyntaxError("Unterminated string constant", pos)
            if c == "/":
                return JSSyntaxError("Unterminated regular expression", pos)
            return JSSyntaxError(f"Unexpected character '{c}'", pos)
        return JSSyntaxError(f"Unexpected token '{m.group()}'", pos)

    def pick(self, stack: list[int], candidates: tuple[str, ...], base: str = "") -> str:
        """The first look-alike terminal the parser would really shift here (``base``,
        the lexed terminal, if the state takes none: it is then unexpected)."""
        if len(candidates) == 1:
            return candidates[0]
        if not candidates:
            return base
        for c in candidates:
            if self.accepts(stack, c):
                return c
        return candidates[-1]

    def accepts(self, stack: list[int], ttype: str) -> bool:
        """Would the parser shift ``ttype`` (after whatever reductions it triggers)?

        The answer depends only on the stack entries the simulated reductions reach;
        when those are within the top three, it is remembered for every later parse.
        """
        key = (ttype, *stack[-3:])
        memo = self.t.accepts_memo
        known = memo.get(key)
        if known is not None:
            return known
        actions, rules = self.t.actions, self.t.rules
        st = stack[:]
        low = len(st) - 1  # lowest index the simulation has read
        while True:
            act = actions[st[-1]].get(ttype)
            if act is None:
                result = False
                break
            if act >= 0:
                result = True
                break
            lhs, size, _ = rules[~act]
            if size:
                del st[-size:]
            low = min(low, len(st) - 1)
            st.append(actions[st[-1]][lhs])
            if st[-1] == self.end_state:
                result = ttype == "$END"
                break
        if low >= len(stack) - 3:
            memo[key] = result
        return result

    # ------------------------------------------------------------ the loop

    def run(self) -> A.Node:
        t = self.t
        text = self.text
        n = len(text)
        actions, rules, callbacks = t.actions, t.rules, self.callbacks
        keywords = t.keywords
        matchers = t.matcher_list
        rule_lhs = [r[0] for r in rules]
        rule_size = [r[1] for r in rules]
        skip = self.skip
        start = "start_module" if self.module else "start_script"
        stack = [t.start_states[start]]
        end_state = self.end_state = t.end_states[start]
        values: list = []
        braces: list[int] = []
        ctx = self.b.ctx
        ctx.append(CTX_MODULE if self.module else CTX_SCRIPT)
        pos = 0
        if text.startswith("#!"):
            pos = _LINE_REST.match(text, 0).end()
        prev_type = None
        prev_end = 0
        while True:
            if pos < n and text[pos] not in _TRIVIA_START:
                nl = False
            else:
                pos, nl = skip(pos, prev_type is None)
            state = stack[-1]
            acts = actions[state]
            if pos >= n:
                ttype, end = "$END", n
            else:
                c = text[pos]
                if c == "`":
                    ttype, end = self.lex_template(pos, True)
                elif c == "}" and braces and braces[-1] == _B_TEMPLATE:
                    ttype, end = self.lex_template(pos, False)
                else:
                    m = (matchers[state] or t.matcher(state))(text, pos)
                    if m is None:
                        # A `/` after an operand is a division punctuator; inserting a
                        # semicolon does not lex it again as a regular expression.
                        if (nl or c == "}") and prev_type != "ASI" and c != "/" \
                                and "SEMI" in acts and self.accepts(stack, "SEMI"):
                            ttype, end = "SEMI", -1
                        else:
                            raise self.unexpected(pos)
                    else:
                        ttype = m.lastgroup
                        end = m.end()
            value = text[pos:end] if end >= 0 else ""

            # The look-alike terminals.
            if ttype == "NAME":
                kw = keywords.get(value)
                if kw == "FUNCTION" or kw == "CLASS":
                    cands = t.variants[kw][state]
                    if cands:
                        ttype = self.pick(stack, cands)
                elif kw is not None and kw in acts:
                    ttype = kw
                    if kw == "ASYNC":
                        if self.skip(end, False)[1]:
                            ttype = "NAME"  # `async` then a line break: just a name
                    elif kw == "USING":
                        if not self.using_follows(end, nl, prev_type):
                            ttype = "NAME"
                    elif kw == "OF" and prev_type == "ASYNC" \
                            and text.startswith("=>", self.skip(end, False)[0]):
                        ttype = "NAME"  # `for (async of => ...;;)`: an arrow's parameter
                elif value == "yield":
                    if "YIELD" in acts and ctx[-1] in _YIELD_CTX:
                        ttype = "YIELD_BARE" if self.skip(end, False)[1] else "YIELD"
                elif value == "await":
                    if "AWAIT" in acts and ctx[-1] in _AWAIT_CTX:
                        ttype = "AWAIT"
                if ttype == "NAME":
                    value = identifier_name(value, pos) if not value.isascii() or "\\" in value \
                        else value
            elif ttype == "LBRACE":
                ttype = self.pick(stack, t.variants["LBRACE"][state], "LBRACE")
            elif ttype == "LPAR":
                cands = t.lpar_variants[state]
                if cands is not None:
                    ttype = self.pick(stack, cands)
            elif ttype == "ARROW":
                if nl:
                    raise JSSyntaxError("Unexpected token '=>'", pos)
                ttype = self.pick(stack, t.variants["ARROW"][state], "ARROW")
            elif ttype == "PRIVATE_NAME" and ("\\" in value or not value.isascii()):
                value = "#" + identifier_name(value[1:], pos + 1)

            # Restricted productions and automatic semicolon insertion.
            if nl:
                if prev_type in _RESTRICTED and ttype != "SEMI":
                    if prev_type == "THROW":
                        raise JSSyntaxError("Illegal newline after throw", prev_end)
                    ttype, end, value = "SEMI", -1, ""
                elif (ttype == "INC" or ttype == "DEC") and t.postfix_ok[state]:
                    ttype, end, value = "SEMI", -1, ""
            act = acts.get(ttype)
            if end >= 0:
                asi_ok = nl or ttype == "RBRACE" or ttype == "$END"
                if act is None or (act < 0 and asi_ok and not self.accepts(stack, ttype)):
                    if asi_ok and prev_type != "ASI" and text[pos:pos + 1] != "/" \
                            and "SEMI" in acts and self.accepts(stack, "SEMI"):
                        ttype, end, value = "SEMI", -1, ""
                    elif act is None:
                        raise self.unexpected(pos, ttype)
            if end < 0:
                self.b.asi_offender = pos  # where the inserted `;` stands in for nothing
                tok = ("", prev_end, prev_end)
                act = acts.get("SEMI")
            else:
                tok = (value, pos, end)

            # Reduce as far as the token needs, then shift it.
            while act is not None and act < 0:
                rule = ~act
                callback = callbacks[rule]
                if callback is None:
                    stack[-1] = actions[stack[-2]][rule_lhs[rule]]
                else:
                    size = rule_size[rule]
                    if size:
                        args = values[-size:]
                        del values[-size:]
                        del stack[-size:]
                    else:
                        args = []
                    values.append(callback(args))
                    stack.append(actions[stack[-1]][rule_lhs[rule]])
                if stack[-1] == end_state:
                    break
                act = actions[stack[-1]].get(ttype)
            if ttype == "$END":
                if stack[-1] == end_state:
                    program = values[-1]
                    self.b.finish(program)
                    return program
                raise self.unexpected(n, "$END")
            if act is None:
                raise self.unexpected(pos, ttype)
            stack.append(act)
            values.append(tok)

            # Bookkeeping after the shift.
            if end < 0:
                prev_type = "ASI"
                continue
            if ttype in _BRACES or ttype == "LBRACE":
                kind = _BRACES.get(ttype)
                if kind is None:
                    braces.append(_B_PLAIN)
                else:
                    if kind != _PARAMS:
                        ctx.append(kind)
                    braces.append(_B_CONTEXT)
            elif ttype == "RBRACE":
                if braces and braces.pop() == _B_CONTEXT:
                    ctx.pop()
            elif ttype == "TEMPLATE_HEAD":
                braces.append(_B_TEMPLATE)
            elif ttype == "TEMPLATE_MIDDLE":
                pass  # closes one substitution and opens the next
            elif ttype == "TEMPLATE_TAIL":
                braces.pop()
            elif ttype in _PARAM_LPARS:
                ctx.append(_PARAM_LPARS[ttype])
            elif ttype == "ARROW":
                ctx.append(CTX_ARROW)
            elif ttype == "ASYNC_ARROW":
                ctx.append(CTX_ASYNC_ARROW)
            prev_type = ttype
            prev_end = end
            pos = end


def parse(text: str, module: bool = False, filename: str | None = None,
          eval_site=None) -> A.Node:
    """Parse JavaScript source into an acorn-shaped ESTree ``Program``.

    ``text`` may hold real characters or UTF-16 code units; offsets in the tree count
    UTF-16 code units either way. Raises :class:`JSSyntaxError` (with line, column and
    filename filled in) for any input that is not a valid script or module.
    ``eval_site`` (a :class:`~compiler.bytecode.code.EvalSite`) parses code for a direct
    eval: strictness, `new.target`, `super` and private names come from the caller.
    """
    src = to_utf16(text)
    try:
        return _Driver(src, module, eval_site).run()
    except JSSyntaxError as e:
        raise e.locate(src, filename) from None
    except RecursionError:
        raise JSSyntaxError("Program too deeply nested", 0).locate(src, filename) from None
