"""The `.caplet` image: compiled code for one board, checked before anything runs.

``write_image`` turns the compiler's ``Code`` tree (plus module records and a manifest)
into bytes; ``read_image`` checks those bytes in a fixed order (size, magic, versions,
instruction-set hash, length, digest, signature, board, section table, every section,
every instruction operand) and gives back ``Code`` objects equal to the compiler's. Any
failed check raises ``ImageError`` naming the check. The byte layout is specified in
``docs/image-format.md``; this module and that document change together.
"""

from __future__ import annotations

import struct

from .atoms import ATOMS
from .code import Code, EvalSite, TemplateSite
from .encoding import BytecodeError, decode_with_starts, encode_with_starts
from .isa import (
    ISA_VERSION,
    NAMES,
    OPCODES,
    OPERANDS,
    REGISTER_RUNS,
    TERMINATORS,
    WRITES_NEXT,
)
from .records import Frozen, Record
from .rom import ACCESSOR as ROM_ACCESSOR
from .rom import (
    CONSTRUCTOR_KINDS,
    ITEM_KINDS,
    KINDS,
    T_BIGINT,
    T_FALSE,
    T_HOLE,
    T_INTRINSIC,
    T_NULL,
    T_NUMBER,
    T_OBJECT,
    T_STRING,
    T_SYMBOL,
    T_TRUE,
    T_UNDEFINED,
    LazyObjects,
    Rom,
    RomModule,
    RomObject,
)

TYPE_CHECKING = False
if TYPE_CHECKING:
    from boards import BoardProfile

try:  # the interpreter's built-in SHA-256: `import hashlib` loads OpenSSL (start-up matters)
    from _sha256 import sha256
except ImportError:  # Python 3.12 renamed it; any other build has hashlib's
    try:
        from _sha2 import sha256
    except ImportError:
        from hashlib import sha256

MAGIC = b"\x89CPL"
FORMAT_VERSION = 5
FIXED_HEADER_SIZE = 9  # magic, version, flags, ISA version and hash (at their smallest)
HEADER_SIZE = 80  # the header without its section table always fits in this many bytes
ISA_HASH_SIZE = 2
MAX_BOARD_NAME, MAX_ARCH_NAME = 31, 15
DIGEST_SIZE = 32
SIGNATURE_SIZE = 64
MAX_IMAGE_SIZE = 16 * 1024 * 1024  # no board has an app slot near this
MAX_SECTIONS = 64
MAX_COUNT = 1 << 20  # registers, cells, parameters per function: far past any real one

FLAG_BIG_ENDIAN = 1
FLAG_STRIPPED = 2
FLAG_SIGNED = 4
FLAG_WORD = 0x18  # bits 3-4: the word size, 1 << (1 + value) bytes (1: 2, 2: 4, 3: 8)
WORD_SHIFT = 3
# target architectures stored as one byte (their index + 1); 0: the name follows
ARCHES = ("armv6-m", "armv7-m", "armv7e-m", "armv8-m.main", "xtensa-lx6", "xtensa-lx7",
          "xtensa-lx106", "riscv32")
SECTION_OPTIONAL = 1  # a reader that does not know the kind may skip the section
FIRST_OPTIONAL_KIND = 16  # kinds from here on are optional; 9-15 are required kinds

STRINGS, CONSTANTS, FUNCTIONS, MODULES, MANIFEST, LINES, SOURCES, ROM = range(1, 9)
SECTION_NAMES = {STRINGS: "strings", CONSTANTS: "constants", FUNCTIONS: "functions",
                 MODULES: "modules", MANIFEST: "manifest", LINES: "lines",
                 SOURCES: "sources", ROM: "rom"}
REQUIRED = (FUNCTIONS, MANIFEST)
# sections a writer leaves out when they would hold only a zero count (no strings, no
# constants, the one implied module record of a script): a reader supplies that
EMPTY = b"\x00"

# constant tags
K_UNDEFINED, K_FALSE, K_TRUE, K_FLOAT, K_INTFLOAT, K_STRING, K_BIGINT, K_TUPLE, K_LIST, \
    K_TEMPLATE, K_EVALSITE, K_DECIMAL = range(12)
MAX_DECIMAL_EXPONENT = 400  # |e| of m * 10**e; beyond it every double is 0 or infinite

# function flags: bits 0-2 the kind (an index in FUNCTION_KINDS; 7: a string ref follows),
# then properties and which optional parts of the record follow, most common first
F_KIND = 7
F_STRICT, F_CHILDREN, F_CELLS, F_CAPTURES, F_HANDLERS, F_CONSTANT_LIST, F_LENGTH, \
    F_PARAM_CELLS, F_GENERATOR, F_ASYNC, F_MAPPED_ARGUMENTS, F_USES_THIS = (
        1 << b for b in range(3, 15))
FRAME_PARAMS = 7  # the frame varint: (registers - params) << 3 | params (7: params follow)
# EvalSite flags, in this order
_SITE_FLAGS = ("strict", "function", "new_target", "super_prop", "super_call", "args_banned",
               "in_params")

MODULE_KINDS = ("script", "module")
# a module record's kind byte: bit 0 the kind, then which lists follow (absent: empty)
MOD_REQUESTS, MOD_IMPORTS, MOD_EXPORTS = 2, 4, 8
# Code.kind values stored as a number; another kind is stored as a string
FUNCTION_KINDS = ("normal", "arrow", "method", "constructor", "derived", "script", "module")
# the name a function of that kind has when its name field is 0
DEFAULT_NAMES = {"script": "<script>", "module": "<module>"}
# ROM section, beyond compiler/bytecode/rom.py's tags: an integral number as a zigzag
# varint; object kind byte flags: the kind's usual prototype, a function's usual
# `length` and `name` first (both left out)
T_INTEGER = 11
R_KIND, R_DEFAULT_PROTO, R_FUNCTION_PROPS = 7, 8, 16
# a function's usual `prototype` or its prototype object's usual `constructor` property
# (attribute 0, an object) as just the object's index; a function's home and lexical
# `this` both undefined (left out)
R_LINK, R_PLAIN = 32, 64
LINK_KEYS = {"function": "prototype", "object": "constructor"}
DEFAULT_PROTOS = {"object": "%Object.prototype%", "array": "%Array.prototype%",
                  "function": "%Function.prototype%", "alias-object": "%Object.prototype%",
                  "alias-array": "%Array.prototype%"}
# optional manifest fields
M_VERSION, M_QUOTA, M_CAPABILITIES, M_STEPS = 1, 2, 4, 8
# how the entry is stored: absent (the name + ".js"), the name + ".mjs", or spelled
M_ENTRY_MJS, M_ENTRY = 16, 32
# export entry fields stored (absent: the usual value, see _section_modules)
X_LOCAL, X_SPECIFIER, X_IMPORT = 1, 2, 4
DEFAULT_VERSION = "0.0.0"
_CODE_FIELDS = {"name", "params", "registers", "cells", "captures", "param_cells",
                "constants", "code", "handlers", "lines", "functions", "strict", "kind",
                "generator", "is_async", "length", "source", "text", "uses_this",
                "this_cell", "mapped_arguments"}


class ImageError(Exception):
    """An image that must not run: the message says which check failed."""


def isa_hash() -> bytes:
    """2 bytes identifying the instruction table (names, numbers and operand kinds) and
    the atom table (``atoms.py``): what a VM must share with an image to read it.

    The doc column is left out, so rewording an opcode's description changes nothing;
    renumbering, adding or retyping an opcode, or any change to the atoms, changes it.
    """
    text = "\n".join(f"{i}:{name}:{kinds}" for i, (name, kinds, _) in enumerate(OPCODES))
    atoms = "\n".join(ATOMS)  # no atom holds a newline
    return sha256(f"caplet-isa-{ISA_VERSION}\n{text}\natoms {len(ATOMS)}\n{atoms}".encode(
        "utf-8", "surrogatepass")).digest()[:ISA_HASH_SIZE]


# ------------------------------------------------------------------------- records


_set = object.__setattr__  # a frozen record's constructor sets its slots through this


class ImportEntry(Frozen):
    __slots__ = ("specifier", "import_name", "local_name")

    def __init__(self, specifier: str, import_name: str, local_name: str) -> None:
        _set(self, "specifier", specifier)
        _set(self, "import_name", import_name)  # "*" for a namespace import, "default", a name
        _set(self, "local_name", local_name)


class ExportEntry(Frozen):
    __slots__ = ("export_name", "local_name", "specifier", "import_name")

    def __init__(self, export_name: str, local_name: str, specifier: str = "",
                 import_name: str = "") -> None:
        _set(self, "export_name", export_name)
        _set(self, "local_name", local_name)  # "" for a re-export
        _set(self, "specifier", specifier)  # the module re-exported from, "" for a local one
        _set(self, "import_name", import_name)  # the name re-exported ("*": `export *`)


class ModuleRecord(Frozen):
    """One module of the image: its specifier, its body function, its static record."""

    __slots__ = ("specifier", "kind", "function", "requests", "imports", "exports")

    def __init__(self, specifier: str, kind: str = "script", function: int = 0,
                 requests: tuple[str, ...] = (), imports: tuple[ImportEntry, ...] = (),
                 exports: tuple[ExportEntry, ...] = ()) -> None:
        _set(self, "specifier", specifier)
        _set(self, "kind", kind)  # script | module
        _set(self, "function", function)  # index of its body in the function table
        _set(self, "requests", requests)  # specifiers it imports, in source order
        _set(self, "imports", imports)
        _set(self, "exports", exports)


class Manifest(Frozen):
    __slots__ = ("name", "version", "entry", "capabilities", "heap_quota", "step_budget")

    def __init__(self, name: str, version: str = "0.0.0", entry: str = "",
                 capabilities: tuple[str, ...] = (), heap_quota: int = 0,
                 step_budget: int = 0) -> None:
        _set(self, "name", name)
        _set(self, "version", version)
        _set(self, "entry", entry)
        _set(self, "capabilities", capabilities)
        _set(self, "heap_quota", heap_quota)  # bytes; 0 = the board's heap budget
        # instructions per activation on a device; 0 = the device's default
        _set(self, "step_budget", step_budget)


class SectionInfo(Frozen):
    __slots__ = ("kind", "offset", "length", "flags")

    def __init__(self, kind: int, offset: int, length: int, flags: int = 0) -> None:
        _set(self, "kind", kind)
        _set(self, "offset", offset)
        _set(self, "length", length)
        _set(self, "flags", flags)

    @property
    def name(self) -> str:
        return SECTION_NAMES.get(self.kind, f"unknown-{self.kind}")


class Image(Record):
    """A checked image: header facts, sections, and the code ready to run."""

    __slots__ = ("board", "arch", "endianness", "word_size", "format_version", "isa_version",
                 "stripped", "signed", "size", "sections", "strings", "constants",
                 "functions", "code_sizes", "modules", "manifest", "digest", "signature",
                 "signature_verified", "rom", "header_size", "loader")

    def __init__(self, board: str, arch: str, endianness: str, word_size: int,
                 format_version: int, isa_version: int, stripped: bool, signed: bool,
                 size: int, sections: list[SectionInfo], strings: list[str],
                 constants: list, functions: list[Code], code_sizes: list[int],
                 modules: list[ModuleRecord], manifest: Manifest, digest: bytes,
                 signature: bytes | None = None, signature_verified: bool = False,
                 rom: Rom | None = None, header_size: int = 0, loader=None) -> None:
        self.board = board
        self.arch = arch
        self.endianness = endianness
        self.word_size = word_size
        self.format_version = format_version
        self.isa_version = isa_version
        self.stripped = stripped
        self.signed = signed
        self.size = size
        self.sections = sections
        self.strings = strings
        self.constants = constants
        # the flat table, in preorder; a module's body is one of them
        self.functions = functions
        self.code_sizes = code_sizes  # encoded bytecode bytes of each function
        self.modules = modules
        self.manifest = manifest
        self.digest = digest
        self.signature = signature
        self.signature_verified = signature_verified
        self.rom = rom  # the preloaded module instances, if it has a ROM section
        self.header_size = header_size  # bytes before the first section: header, table
        # read lazily (to boot): the tables (strings, functions, code sizes, modules, ROM
        # cells and objects) are sequences that decode an entry when it is first asked
        # for, and ``constants`` is None, until ``load_all``
        self.loader = loader

    @property
    def entry(self) -> Code:
        return self.functions[self.modules[0].function]

    def load_all(self) -> None:
        """Decode and check everything a lazy read left for later, as the eager reader
        does at once (raises ``ImageError`` naming the check); the tables become lists."""
        if self.loader is not None:
            self.loader.load_all(self)


# ------------------------------------------------------------------------ encoding


def _uleb(value: int) -> bytes:
    if value < 0:
        raise ImageError(f"internal: negative varint {value}")
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        if value:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def _zigzag(value: int) -> int:
    return value * 2 if value >= 0 else -value * 2 - 1


def _unzigzag(value: int) -> int:
    return value >> 1 if not value & 1 else -((value + 1) >> 1)


def _encode_text(text: str) -> bytes:
    """CESU-8-like: each UTF-16 code unit of a JS string (lone surrogates too) as UTF-8."""
    return text.encode("utf-8", "surrogatepass")


def _decimal_record(value: float) -> bytes | None:
    """``m * 10**e`` from the shortest decimal that reads back as ``value`` (``0.5`` is
    5e-1: three bytes, not a tag and eight), or None when the double is shorter."""
    if value != value or value in (float("inf"), float("-inf")) or value == 0:
        return None
    text, _, power = repr(value).partition("e")
    whole, _, fraction = text.partition(".")
    mantissa = int(whole + fraction.rstrip("0") if fraction.rstrip("0") else whole)
    exponent = int(power or 0) - len(fraction.rstrip("0"))
    rec = bytes([K_DECIMAL]) + _uleb(_zigzag(mantissa)) + _uleb(_zigzag(exponent))
    if len(rec) >= 9 or float(f"{mantissa}e{exponent}") != value:
        return None
    return rec


def _const_key(value) -> tuple:
    if value is None:
        return ("u",)
    if isinstance(value, bool):
        return ("b", value)
    if isinstance(value, float):
        return ("f", struct.pack("<d", value))
    if isinstance(value, int):
        return ("i", value)
    if isinstance(value, str):
        return ("s", value)
    if isinstance(value, tuple):
        return ("t", tuple(_const_key(v) for v in value))
    if isinstance(value, list):
        return ("l", tuple(_const_key(v) for v in value))
    if isinstance(value, (TemplateSite, EvalSite)):
        return ("site", id(value))  # compared by identity: never merged
    raise ImageError(f"cannot store a constant of type {type(value).__name__} in an image: "
                     f"{value!r}")


class _Writer:
    def __init__(self, order: str, strip: bool, numbering: list[str] = ()):
        self.order = order  # "<" or ">"
        self.strip = strip
        # the strings in the order a first (counting) pass chose; others are appended
        self.strings: list[str] = list(numbering)
        self.string_index: dict[str, int] = {s: i for i, s in enumerate(numbering)}
        # const refs name records after the strings: only right once numbering is final
        self.string_count = len(numbering)
        self.uses: dict[str, int] = {}  # how many refs name each string (stored bytes)
        self.constants: list = []
        self.const_records: list[bytes] = []
        self.const_index: dict[tuple, int] = {}
        self.functions: list[Code] = []

    def string(self, text: str) -> int:
        idx = self.string_index.get(text)
        if idx is None:
            idx = self.string_index[text] = len(self.strings)
            self.strings.append(text)
        self.uses[text] = self.uses.get(text, 0) + 1
        return idx

    def by_use(self) -> list[str]:
        """The strings most referenced first (ties: first use first): the numbering
        that makes the most refs small (K operands below 15 take half a byte)."""
        return sorted(self.strings, key=lambda s: (-self.uses.get(s, 0),
                                                   self.string_index[s]))

    def ref(self, value) -> int:
        """A const ref: a string's index, or the string count plus a constant record's
        index (in the counting pass, where the count is not known, only sizes matter)."""
        if isinstance(value, str):
            return self.string(value)
        return self.string_count + self.constant(value)

    def constant(self, value) -> int:
        key = _const_key(value)
        idx = self.const_index.get(key)
        if idx is not None:
            return idx
        if value is None:
            rec = bytes([K_UNDEFINED])
        elif isinstance(value, bool):
            rec = bytes([K_TRUE if value else K_FALSE])
        elif isinstance(value, float):
            if value.is_integer() and abs(value) < 2**53 and not (
                    value == 0 and struct.pack("<d", value)[7] & 0x80):
                rec = bytes([K_INTFLOAT]) + _uleb(_zigzag(int(value)))
            else:
                rec = _decimal_record(value) or \
                    bytes([K_FLOAT]) + struct.pack(self.order + "d", value)
        elif isinstance(value, int):
            rec = bytes([K_BIGINT]) + _uleb(_zigzag(value))
        elif isinstance(value, TemplateSite):
            items = [self.ref(v) for v in (*value.cooked, *value.raw)]
            rec = bytes([K_TEMPLATE]) + _uleb(len(value.raw)) + b"".join(_uleb(i)
                                                                          for i in items)
        elif isinstance(value, EvalSite):
            rec = bytearray([K_EVALSITE])
            rec += _uleb(sum(1 << i for i, f in enumerate(_SITE_FLAGS) if getattr(value, f)))
            for n in (value.evalvars + 1, value.depth, value.this_cell + 1):
                rec += _uleb(n)
            rec += _uleb(len(value.names))
            for name, cell, kind, level in value.names:
                rec += _uleb(self.string(name)) + _uleb(cell) + _uleb(self.string(kind))
                rec += _uleb(self.string(level))
            rec += _uleb(len(value.privates))
            rec += b"".join(_uleb(self.string(p)) for p in value.privates)
            rec = bytes(rec)
        else:  # tuple or list: items are earlier constants
            items = [self.ref(v) for v in value]
            tag = K_TUPLE if isinstance(value, tuple) else K_LIST
            rec = bytes([tag]) + _uleb(len(items)) + b"".join(_uleb(i) for i in items)
        idx = self.const_index[key] = len(self.constants)
        self.constants.append(value)
        self.const_records.append(rec)
        return idx

    def collect(self, code: Code) -> None:
        """The function table in preorder: a parent comes before its children."""
        unstored = [f for f in code.FIELDS if f not in _CODE_FIELDS]
        if unstored:  # a field added to Code: refused unless it has its default value
            blank = type(code)(code.name)
            for f in unstored:
                if getattr(code, f) != getattr(blank, f):
                    raise ImageError(f"Code.{f} is not stored by image format "
                                     f"{FORMAT_VERSION}: extend compiler/bytecode/image.py")
        self.functions.append(code)
        for child in code.functions:
            self.collect(child)


def _section_functions(w: _Writer) -> tuple[bytes, bytes, bytes]:
    """The functions, lines and sources sections (the latter two empty when stripped)."""
    index_of = {id(c): i for i, c in enumerate(w.functions)}
    body, lines, sources = bytearray(_uleb(len(w.functions))), bytearray(), bytearray()
    texts: list[str] = []
    text_index: dict[str, int] = {}
    per_function_sources = bytearray()
    for code in w.functions:
        try:
            data, starts = encode_with_starts(code.code)
            refs = [w.ref(v) for v in code.constants]
            table = _uleb(len(refs)) + b"".join(_uleb(i) for i in refs)
            inline = _constants_in_code(code.code, refs)
            if inline is not None:
                data_inline, starts_inline = encode_with_starts(inline)
                if len(data_inline) <= len(data) + len(table):
                    data, table, starts = data_inline, b"", starts_inline
                    _count_inline_refs(w, code)
        except BytecodeError as e:
            raise ImageError(f"cannot encode function {code.name!r}: {e}") from None
        flags = ((F_CONSTANT_LIST if table else 0)
                 | (F_STRICT if code.strict else 0) | (F_GENERATOR if code.generator else 0)
                 | (F_ASYNC if code.is_async else 0) | (F_USES_THIS if code.uses_this else 0)
                 | (F_MAPPED_ARGUMENTS if code.mapped_arguments else 0)
                 | (F_LENGTH if code.length != code.params else 0)
                 | (F_CELLS if code.cells or code.this_cell != -1 else 0)
                 | (F_CAPTURES if code.captures else 0)
                 | (F_PARAM_CELLS if code.param_cells else 0)
                 | (F_CHILDREN if code.functions else 0)
                 | (F_HANDLERS if code.handlers else 0))
        known = code.kind in FUNCTION_KINDS
        kind = FUNCTION_KINDS.index(code.kind) if known else F_KIND
        rec = bytearray(_uleb(flags | kind))
        if not known:
            rec += _uleb(w.string(code.kind))
        default = DEFAULT_NAMES.get(code.kind, "")
        rec += _uleb(0 if code.name == default else w.string(code.name) + 1)
        if code.registers < code.params:
            raise ImageError(f"function {code.name!r} has fewer registers than parameters")
        rec += _uleb((code.registers - code.params) << 3 | min(code.params, FRAME_PARAMS))
        if code.params >= FRAME_PARAMS:
            rec += _uleb(code.params)
        if flags & F_LENGTH:
            rec += _uleb(code.length)
        if flags & F_CELLS:
            rec += _uleb(code.cells) + _uleb(code.this_cell + 1)
        if flags & F_CAPTURES:
            rec += _uleb(len(code.captures)) + b"".join(_uleb(c) for c in code.captures)
        if flags & F_PARAM_CELLS:
            rec += _uleb(len(code.param_cells))
            for reg, cell in code.param_cells:
                rec += _uleb(reg) + _uleb(cell)
        rec += table
        if flags & F_CHILDREN:
            rec += _uleb(len(code.functions))
            rec += b"".join(_uleb(index_of[id(c)]) for c in code.functions)
        if flags & F_HANDLERS:
            rec += _uleb(len(code.handlers))
            for start, end, target, *kind in code.handlers:
                if kind and kind[0] != "finally":
                    raise ImageError(f"handler kind {kind[0]!r} cannot be stored")
                rec += _uleb(starts[start]) + _uleb(starts[end]) + _uleb(starts[target])
                rec.append(1 if kind else 0)
        rec += data  # the code: the rest of the record
        body += _uleb(len(rec)) + rec
        if not w.strip:
            lines += _uleb(len(code.lines))
            prev_pc, prev_line = 0, 0
            for pc, line in code.lines:
                offset = starts[pc]
                lines += _uleb(offset - prev_pc) + _uleb(_zigzag(line - prev_line))
                prev_pc, prev_line = offset, line
            if code.text is None:
                per_function_sources += _uleb(0)
            else:
                if code.text not in text_index:
                    text_index[code.text] = len(texts)
                    texts.append(code.text)
                per_function_sources += _uleb(text_index[code.text] + 1)
            per_function_sources += _uleb(code.source[0]) + _uleb(code.source[1] - code.source[0])
    if not w.strip:
        sources += _uleb(len(texts)) + b"".join(_uleb(w.string(t)) for t in texts)
        sources += per_function_sources
    return bytes(body), bytes(lines), bytes(sources)


def _count_inline_refs(w: _Writer, code: Code) -> None:
    """K operands that are const refs each name their string: count every one (the
    constant list counted each string once)."""
    constants, uses = code.constants, w.uses
    for ins in code.code:
        for kind, v in zip(OPERANDS[ins[0]], ins[1:], strict=True):
            if kind == "K" and isinstance(constants[v], str):
                uses[constants[v]] += 1
    for v in {v for v in constants if isinstance(v, str)}:
        uses[v] -= 1


def _constants_in_code(code: list, refs: list[int]) -> list | None:
    """The instructions with const refs as K operands, when the function's constant list
    is exactly its K operands in order of first use (so a reader can rebuild it)."""
    seen: list[int] = []
    out = []
    for ins in code:
        kinds = OPERANDS[ins[0]]
        if "K" in kinds:
            new = list(ins)
            for j, kind in enumerate(kinds):
                if kind == "K":
                    v = ins[1 + j]
                    if v == len(seen):
                        seen.append(v)
                    elif v > len(seen):
                        return None
                    new[1 + j] = refs[v]
            ins = tuple(new)
        out.append(ins)
    return out if len(seen) == len(refs) else None


def _default_module(manifest: Manifest) -> ModuleRecord:
    """The record of a one-script image, stored as an empty modules section."""
    return ModuleRecord(specifier=manifest.entry or manifest.name)


def _section_modules(w: _Writer, modules: list[ModuleRecord], manifest: Manifest) -> bytes:
    if modules == [_default_module(manifest)]:
        return _uleb(0)
    out = bytearray(_uleb(len(modules)))
    for m in modules:
        if m.kind not in MODULE_KINDS:
            raise ImageError(f"module kind {m.kind!r} is not one of {MODULE_KINDS}")
        if not 0 <= m.function < len(w.functions):
            raise ImageError(f"module {m.specifier!r} names function {m.function}, "
                             f"which the image does not hold")
        implied = m.specifier == _entry_specifier(manifest)
        out += _uleb(0 if implied else w.string(m.specifier) + 1)
        out.append(MODULE_KINDS.index(m.kind) | (MOD_REQUESTS if m.requests else 0)
                   | (MOD_IMPORTS if m.imports else 0) | (MOD_EXPORTS if m.exports else 0))
        out += _uleb(m.function)
        if m.requests:
            out += _uleb(len(m.requests)) + b"".join(_uleb(w.string(s)) for s in m.requests)
        if m.imports:
            out += _uleb(len(m.imports))
        for i in m.imports:
            out += b"".join(_uleb(w.string(s)) for s in (i.specifier, i.import_name,
                                                          i.local_name))
        if m.exports:
            out += _uleb(len(m.exports))
        for e in m.exports:
            local, imported = _export_defaults(e.export_name, e.specifier)
            fields = (X_LOCAL if e.local_name != local else 0) | (
                X_SPECIFIER if e.specifier else 0) | (
                X_IMPORT if e.import_name != imported else 0)
            out += _uleb(w.string(e.export_name)) + bytes([fields])
            for flag, text in ((X_LOCAL, e.local_name), (X_SPECIFIER, e.specifier),
                               (X_IMPORT, e.import_name)):
                if fields & flag:
                    out += _uleb(w.string(text))
    return bytes(out)


def _export_defaults(name: str, specifier: str) -> tuple[str, str]:
    """An export entry's usual local name and import name, given its specifier (stored
    when not empty): a local export under its own name (``export { x }``), or a
    re-export of the same name (``export { x } from "m"``)."""
    return ("", name) if specifier else (name, "")


def _entry_specifier(manifest: Manifest) -> str:
    """How a preloaded image's module graph names its entry (relative to its folder)."""
    return "./" + manifest.entry


def _section_manifest(w: _Writer, m: Manifest) -> bytes:
    entry = 0 if m.entry == m.name + ".js" else M_ENTRY_MJS if m.entry == m.name + ".mjs" \
        else M_ENTRY
    flags = ((M_VERSION if m.version != DEFAULT_VERSION else 0)
             | (M_QUOTA if m.heap_quota else 0) | (M_CAPABILITIES if m.capabilities else 0)
             | (M_STEPS if m.step_budget else 0) | entry)
    out = bytearray(_uleb(flags) + _uleb(w.string(m.name)))
    if flags & M_ENTRY:
        out += _uleb(w.string(m.entry))
    if flags & M_VERSION:
        out += _uleb(w.string(m.version))
    if flags & M_QUOTA:
        out += _uleb(m.heap_quota)
    if flags & M_CAPABILITIES:
        out += _uleb(len(m.capabilities))
        out += b"".join(_uleb(w.string(c)) for c in m.capabilities)
    if flags & M_STEPS:
        out += _uleb(m.step_budget)
    return bytes(out)


def _section_strings(w: _Writer) -> bytes:
    """Each string as ``atom << 1 | 1`` when it is an atom, else ``bytes << 1`` and its
    bytes."""
    atom_index = {name: i for i, name in enumerate(ATOMS)}
    out = bytearray(_uleb(len(w.strings)))
    for s in w.strings:
        atom = atom_index.get(s)
        if atom is not None:
            out += _uleb(atom << 1 | 1)
        else:
            data = _encode_text(s)
            out += _uleb(len(data) << 1) + data
    return bytes(out)


def _name_field(text: str, limit: int, what: str) -> bytes:
    data = text.encode("ascii", "replace")
    if not data or len(data) > limit or not all(0x20 < c < 0x7F for c in data):
        raise ImageError(f"{what} {text!r} is empty or longer than {limit} bytes")
    return bytes([len(data)]) + data


def _function_props(code: Code) -> list[tuple]:
    """A ROM function's usual first properties: `length` and `name` from its code."""
    return [(("string", "length"), 0, ("number", float(code.length)), ("undefined",),
             ("undefined",)),
            (("string", "name"), 0, ("string", code.name), ("undefined",), ("undefined",))]


def _link_prop(kind: str, target: int) -> tuple:
    """A function's usual `prototype`, or its prototype object's `constructor`."""
    return (("string", LINK_KEYS[kind]), 0, ("object", target), ("undefined",),
            ("undefined",))


def _link(kind: str, prop: tuple) -> int | None:
    """The object index of ``prop`` when it is ``kind``'s usual link property."""
    if kind in LINK_KEYS and prop[2][0] == "object" and prop == _link_prop(kind, prop[2][1]):
        return prop[2][1]
    return None


def _section_rom(w: _Writer, rom: Rom, modules: list[ModuleRecord]) -> bytes:
    index = {id(c): i for i, c in enumerate(w.functions)}
    simple = {"undefined": T_UNDEFINED, "null": T_NULL, "hole": T_HOLE}

    def value(v: tuple) -> bytes:
        tag = v[0]
        if tag in simple:
            return bytes([simple[tag]])
        if tag == "bool":
            return bytes([T_TRUE if v[1] else T_FALSE])
        if tag == "number":
            x = v[1]
            if x.is_integer() and abs(x) < 2**53 and not (x == 0 and str(x)[0] == "-"):
                return bytes([T_INTEGER]) + _uleb(_zigzag(int(x)))
            return bytes([T_NUMBER]) + struct.pack(w.order + "d", x)
        if tag == "string":
            return bytes([T_STRING]) + _uleb(w.string(v[1]))
        if tag == "bigint":
            return bytes([T_BIGINT]) + _uleb(_zigzag(v[1]))
        if tag == "object":
            return bytes([T_OBJECT]) + _uleb(v[1])
        if tag == "intrinsic":
            return bytes([T_INTRINSIC]) + _uleb(w.string(v[1]))
        if tag == "symbol":
            return bytes([T_SYMBOL]) + _uleb(w.string(v[1]))
        raise ImageError(f"internal: ROM value {v!r}")

    out = bytearray(_uleb(len(rom.cells)) + _uleb(len(rom.objects)))
    out += _uleb(len(rom.modules))
    for module, record in zip(rom.modules, modules, strict=True):
        # names as the module record's exports, in order: only the cells (low bit set)
        implied = [name for name, _ in module.exports] == [
            e.export_name for e in record.exports[:len(module.exports)]]
        out += _uleb(len(module.exports) << 1 | implied)
        for name, cell in module.exports:
            out += (b"" if implied else _uleb(w.string(name))) + _uleb(cell)
    cells = b"".join(value(cell) for cell in rom.cells)
    out += _uleb(len(cells)) + cells
    for obj in rom.objects:
        props = obj.props
        flags = KINDS.index(obj.kind)
        if obj.proto == ("intrinsic", DEFAULT_PROTOS.get(obj.kind)):
            flags |= R_DEFAULT_PROTO
        if obj.kind == "function" and props[:2] == _function_props(obj.code):
            flags |= R_FUNCTION_PROPS
            props = props[2:]
        link = _link(obj.kind, props[0]) if props else None
        if link is not None:
            flags |= R_LINK
            props = props[1:]
        if obj.kind == "function" and obj.home == obj.this == ("undefined",):
            flags |= R_PLAIN
        out.append(flags)
        if not flags & R_DEFAULT_PROTO:
            out += value(obj.proto)
        if obj.kind == "function":
            if id(obj.code) not in index:
                raise ImageError("internal: a ROM function's code is not in the image")
            out += _uleb(index[id(obj.code)]) + _uleb(len(obj.cells))
            for cell in obj.cells:
                out += _uleb(cell)
            if not flags & R_PLAIN:
                out += value(obj.home) + value(obj.this)
            out.append(CONSTRUCTOR_KINDS.index(obj.constructor_kind))
        elif obj.kind in ITEM_KINDS:
            out += _uleb(len(obj.items))
            for item in obj.items:
                out += value(item)
        if link is not None:
            out += _uleb(link)
        out += _uleb(len(props))
        for key, flags, val, getter, setter in props:
            out += value(key) + bytes([flags])
            out += value(getter) + value(setter) if flags & ROM_ACCESSOR else value(val)
    return bytes(out)


def _sections(w: _Writer, code: Code, modules: list[ModuleRecord], manifest: Manifest,
              rom: Rom | None) -> list[tuple[int, int, bytes]]:
    """(kind, flags, bytes) of each section, in kind order."""
    w.collect(code)
    functions, lines, sources = _section_functions(w)
    mods = _section_modules(w, modules, manifest)
    man = _section_manifest(w, manifest)
    if rom is not None and len(rom.modules) != len(modules):
        raise ImageError(f"the ROM has {len(rom.modules)} modules, the image "
                         f"{len(modules)} module records")
    rom_data = _section_rom(w, rom, modules) if rom is not None else None
    consts = _uleb(len(w.const_records)) + b"".join(w.const_records)
    strings = _section_strings(w)  # last: every other section has named its strings
    sections = [(STRINGS, 0, strings), (CONSTANTS, 0, consts), (FUNCTIONS, 0, functions),
                (MODULES, 0, mods), (MANIFEST, 0, man)]
    if not w.strip:
        sections += [(LINES, SECTION_OPTIONAL, lines), (SOURCES, SECTION_OPTIONAL, sources)]
    if rom_data is not None:
        sections.append((ROM, 0, rom_data))
    return sections


def write_image(code: Code, *, board: BoardProfile, manifest: Manifest,
                modules: list[ModuleRecord] | None = None, strip: bool = False,
                signing_key=None, rom: Rom | None = None) -> bytes:
    """The image bytes of ``code`` (a script's top level, or a module graph's functions).

    Deterministic: the same code, records, board and options give the same bytes.
    ``signing_key`` is an Ed25519 private key (see ``signing.py``).
    """
    order = "<" if board.endianness == "little" else ">"
    if modules is None:
        modules = [_default_module(manifest)]
    # two passes: the first counts the refs to each string, the second numbers the
    # strings most referenced first (the same walk names the same strings)
    counted = _Writer(order, strip)
    _sections(counted, code, modules, manifest, rom)
    final = _Writer(order, strip, counted.by_use())
    sections = _sections(final, code, modules, manifest, rom)
    if len(final.strings) != final.string_count:  # a const ref would name the wrong thing
        raise ImageError("the writing pass named a string the counting pass did not")
    sections = [(k, f, d) for k, f, d in sections if k in REQUIRED or d != EMPTY]
    # the kinds present as a bitmap (bit k - 1), then each one's length in kind order
    table = _uleb(sum(1 << (kind - 1) for kind, _, _ in sections))
    table += b"".join(_uleb(len(data)) for _, _, data in sections)
    if board.word_size not in (2, 4, 8):
        raise ImageError(f"word size {board.word_size} is not 2, 4 or 8")
    flags = ((FLAG_BIG_ENDIAN if order == ">" else 0) | (FLAG_STRIPPED if strip else 0)
             | (FLAG_SIGNED if signing_key is not None else 0)
             | (board.word_size.bit_length() - 2) << WORD_SHIFT)
    header = MAGIC + bytes([FORMAT_VERSION, flags]) + _uleb(ISA_VERSION) + isa_hash()
    header += _name_field(board.name, MAX_BOARD_NAME, "board name")[1:]  # the arch ends it
    if board.arch in ARCHES:
        header += bytes([ARCHES.index(board.arch) + 1])
    else:
        header += b"\x00" + _name_field(board.arch, MAX_ARCH_NAME, "arch")
    body = bytes(header + table + b"".join(data for _, _, data in sections))
    if len(body) + DIGEST_SIZE + SIGNATURE_SIZE > MAX_IMAGE_SIZE:
        raise ImageError(f"image of {len(body)} bytes exceeds the format's limit of "
                         f"{MAX_IMAGE_SIZE} bytes")
    digest = sha256(body).digest()
    out = body + digest
    if signing_key is not None:
        from . import signing

        out += signing.sign(signing_key, digest)
    return out


# ------------------------------------------------------------------------- reading


class _Cursor:
    """Bounds-checked reads inside one section."""

    def __init__(self, data: bytes, start: int, end: int, section: str, order: str):
        self.data, self.pos, self.end, self.section, self.order = data, start, end, section, order

    def fail(self, problem: str) -> ImageError:
        return ImageError(f"{self.section} section: {problem}")

    def byte(self) -> int:
        if self.pos >= self.end:
            raise self.fail("ends early")
        b = self.data[self.pos]
        self.pos += 1
        return b

    def uint(self, limit: int = 1 << 32, what: str = "value") -> int:
        pos = self.pos
        if pos < self.end and self.data[pos] < 0x80:  # one byte: most values (boot time)
            value = self.data[pos]
            if value >= limit:
                raise self.fail(f"{what} {value} is out of range (limit {limit})")
            self.pos = pos + 1
            return value
        value, shift = 0, 0
        while True:
            b = self.byte()
            value |= (b & 0x7F) << shift
            shift += 7
            if not b & 0x80:
                break
            if shift > limit.bit_length() + 6:
                raise self.fail(f"{what}: varint too long")
        if value >= limit:
            raise self.fail(f"{what} {value} is out of range (limit {limit})")
        return value

    def count(self, what: str, min_item_bytes: int = 1) -> int:
        n = self.uint(what=f"{what} count")
        if n * min_item_bytes > self.end - self.pos:
            raise self.fail(f"{what} count {n} is more than the section can hold")
        return n

    def bigint(self) -> int:
        value, shift = 0, 0
        while True:
            b = self.byte()
            value |= (b & 0x7F) << shift
            shift += 7
            if not b & 0x80:
                return _unzigzag(value)

    def raw(self, n: int, what: str) -> bytes:
        if n > self.end - self.pos:
            raise self.fail(f"{what} of {n} bytes runs past the end of the section")
        out = self.data[self.pos:self.pos + n]
        self.pos += n
        return out

    def skip(self, n: int, what: str) -> None:
        if n > self.end - self.pos:
            raise self.fail(f"{what} of {n} bytes runs past the end of the section")
        self.pos += n

    def finish(self) -> None:
        if self.pos != self.end:
            raise self.fail(f"{self.end - self.pos} unexpected bytes at its end")


class Header(Frozen):
    """The header's facts, read from the first bytes of an image (see ``read_header``)."""

    __slots__ = ("order", "word_size", "format_version", "flags", "isa_version", "isa_hash",
                 "board", "arch", "sections", "size", "kinds")

    def __init__(self, order: str, word_size: int, format_version: int, flags: int,
                 isa_version: int, isa_hash: bytes, board: str, arch: str,
                 sections: int, size: int, kinds: tuple[int, ...] = ()) -> None:
        _set(self, "order", order)  # "<" or ">"
        _set(self, "word_size", word_size)
        _set(self, "format_version", format_version)
        _set(self, "flags", flags)
        _set(self, "isa_version", isa_version)
        _set(self, "isa_hash", isa_hash)
        _set(self, "board", board)
        _set(self, "arch", arch)
        _set(self, "sections", sections)  # entries in the section table
        _set(self, "size", size)  # bytes of the header and the kind bitmap, up to the lengths
        _set(self, "kinds", kinds)  # the section kinds present, in order

    @property
    def endianness(self) -> str:
        return "little" if self.order == "<" else "big"


def _header_name(data: bytes, pos: int, limit: int, what: str) -> tuple[str, int]:
    if pos >= len(data):
        raise ImageError(f"truncated: the image ends inside its header ({what})")
    n = data[pos]
    text = data[pos + 1:pos + 1 + n]
    if not 0 < n <= limit:
        raise ImageError(f"header: {what} field is malformed")
    if len(text) < n:
        raise ImageError(f"truncated: the image ends inside its header ({what})")
    if not all(0x20 < c < 0x7F for c in text):
        raise ImageError(f"header: {what} field is malformed")
    return text.decode("ascii"), pos + 1 + n


def read_header(data: bytes) -> Header:
    """The header at the start of ``data`` (an image, or the first bytes of one).

    Checks, in order: ``truncated``, ``magic``, ``format version``, ``header`` (flags),
    ``instruction set``, ``header`` (names). Enough for a device to refuse another
    board's image from the first bytes of a transfer.
    """
    if len(data) < FIXED_HEADER_SIZE:
        raise ImageError(f"truncated: {len(data)} bytes is shorter than a header")
    if data[:len(MAGIC)] != MAGIC:
        raise ImageError("magic: not a caplet image")
    fmt, flags = data[4], data[5]
    if fmt != FORMAT_VERSION:
        raise ImageError(f"format version: the image is version {fmt}, this reader reads "
                         f"version {FORMAT_VERSION}")
    if flags & ~(FLAG_BIG_ENDIAN | FLAG_STRIPPED | FLAG_SIGNED | FLAG_WORD):
        raise ImageError("header: unknown flags are set")
    if not flags & FLAG_WORD:
        raise ImageError("header: the word size is not given")
    order = ">" if flags & FLAG_BIG_ENDIAN else "<"
    word_size = 1 << (1 + ((flags & FLAG_WORD) >> WORD_SHIFT))
    c = _Cursor(data, 6, len(data), "header", order)
    try:
        isa_version = c.uint(1 << 16, "ISA version")
    except ImageError:
        raise ImageError("truncated: the image ends inside its header (ISA version)") \
            from None
    found = bytes(data[c.pos:c.pos + ISA_HASH_SIZE])
    if isa_version != ISA_VERSION or found != isa_hash():
        raise ImageError(f"instruction set: the image was compiled for ISA {isa_version} "
                         f"(opcode and atom tables {found.hex()}), this VM runs ISA "
                         f"{ISA_VERSION} (tables {isa_hash().hex()}); recompile it")
    board, pos = _board_name(data, c.pos + ISA_HASH_SIZE)
    code, pos = data[pos], pos + 1
    if code == 0:
        arch, pos = _header_name(data, pos, MAX_ARCH_NAME, "arch")
    elif code <= len(ARCHES):
        arch = ARCHES[code - 1]
    else:
        raise ImageError(f"header: architecture code {code} is unknown")
    c.pos = pos
    try:
        bitmap = c.uint(1 << MAX_SECTIONS, "section bitmap")
    except ImageError:
        raise ImageError("truncated: the image ends inside its header (section bitmap)") \
            from None
    kinds = tuple(k + 1 for k in range(MAX_SECTIONS) if bitmap >> k & 1)
    return Header(order, word_size, fmt, flags, isa_version, found, board, arch, len(kinds),
                  c.pos, kinds)


def _board_name(data: bytes, pos: int) -> tuple[str, int]:
    """The board name: printable ASCII up to the architecture byte (below 0x20)."""
    end = pos
    while end < len(data) and 0x20 < data[end] < 0x7F and end - pos <= MAX_BOARD_NAME:
        end += 1
    if end >= len(data):
        raise ImageError("truncated: the image ends inside its header (board name)")
    if not 0 < end - pos <= MAX_BOARD_NAME or data[end] >= 0x20:
        raise ImageError("header: board name field is malformed")
    return data[pos:end].decode("ascii"), end


def board_name_of(data: bytes) -> str | None:
    """The board an image's header names, or None: a peek to pick the profile before
    the one full ``read_image`` (which checks the header properly)."""
    try:
        return read_header(data).board
    except ImageError:
        return None


def read_image(data: bytes, *, board: BoardProfile | None = None, public_key=None,
               require_signature: bool = False, lazy: bool = False) -> Image:
    """Check ``data`` and decode it; raises ``ImageError`` saying which check failed.

    ``board``: the image must target it and fit its largest app slot. ``public_key``: an
    Ed25519 public key the signature must verify against (an unsigned image is refused).
    ``lazy``: each function's instructions are decoded and checked on first use rather
    than now (booting: see ``_LazyCode``); every other check is made now.
    """
    data = bytes(data)
    size = len(data)
    if size > MAX_IMAGE_SIZE:
        raise ImageError(f"size: {size} bytes is over the {MAX_IMAGE_SIZE}-byte limit")
    if board is not None and size > board.flash.largest_slot:
        raise ImageError(f"size: {size} bytes does not fit the app slots of {board.name} "
                         f"({board.flash.largest_slot} bytes)")
    if size < FIXED_HEADER_SIZE + DIGEST_SIZE:
        raise ImageError(f"truncated: {size} bytes is shorter than a header and digest "
                         f"({FIXED_HEADER_SIZE + DIGEST_SIZE})")
    head = read_header(data)
    order = head.order
    signed = bool(head.flags & FLAG_SIGNED)
    entries, table_end = _table_entries(data, head.size, head.kinds)
    body_length = table_end + sum(length for _, length in entries)
    expected = body_length + DIGEST_SIZE + (SIGNATURE_SIZE if signed else 0)
    if size < expected:
        raise ImageError(f"truncated: the section table announces {expected} bytes, the "
                         f"image has {size}")
    if size > expected:
        raise ImageError(f"oversized: {size - expected} bytes after the end the section "
                         f"table announces ({expected})")
    body = data[:body_length]
    digest = data[body_length:body_length + DIGEST_SIZE]
    if sha256(body).digest() != digest:
        raise ImageError("digest: the SHA-256 of the image does not match; it is corrupt")
    signature = data[body_length + DIGEST_SIZE:] if signed else None
    verified = False
    if public_key is not None or require_signature:
        if signature is None:
            raise ImageError("signature: the image is not signed")
    if public_key is not None:
        from . import signing

        if not signing.verify(public_key, digest, signature):
            raise ImageError("signature: the Ed25519 signature does not verify with this key")
        verified = True
    word_size, arch, endianness = head.word_size, head.arch, head.endianness
    if board is not None:
        if head.board != board.name:
            raise ImageError(f"board: the image is for {head.board}, not {board.name}")
        if (arch, endianness, word_size) != (board.arch, board.endianness, board.word_size):
            raise ImageError(f"board: the image targets {arch}/{endianness}/{word_size}-byte "
                             f"words, {board.name} is {board.arch}/{board.endianness}/"
                             f"{board.word_size}-byte words")
    sections = _read_table(entries, table_end)
    image = _Decoder(data, order, sections).image(
        board=head.board, arch=arch, endianness=endianness, word_size=word_size,
        format_version=head.format_version, isa_version=head.isa_version,
        stripped=bool(head.flags & FLAG_STRIPPED), signed=signed, size=size, digest=digest,
        signature=signature, signature_verified=verified, header_size=table_end)
    if not lazy:
        image.load_all()
    return image


def _table_entries(data: bytes, start: int, kinds: tuple[int, ...]
                   ) -> tuple[list[tuple[int, int]], int]:
    """(kind word, length) of each section the header's bitmap lists, from the lengths at
    ``start``, and where they end: the sections follow back to back, so this also gives
    the body's length. The kind word is ``kind << 1 | optional``."""
    c = _Cursor(data, start, len(data), "section table", "<")
    entries = []
    try:
        for kind in kinds:
            optional = kind in (LINES, SOURCES) or kind >= FIRST_OPTIONAL_KIND
            entries.append((kind << 1 | optional, c.uint(MAX_IMAGE_SIZE, "length")))
    except ImageError as e:
        raise ImageError(str(e).replace("section table section:", "section table:")) from None
    return entries, c.pos


def _read_table(entries: list[tuple[int, int]], pos: int) -> list[SectionInfo]:
    """The sections the table lists (those of unknown optional kinds left out), checked."""
    sections, seen = [], set()
    for word, length in entries:
        kind, flags = word >> 1, word & SECTION_OPTIONAL
        seen.add(kind)  # each at most once: the header's bitmap lists kinds
        offset, pos = pos, pos + length
        if kind not in SECTION_NAMES:
            if flags & SECTION_OPTIONAL:
                continue
            raise ImageError(f"section table: unknown required section kind {kind}")
        sections.append(SectionInfo(kind, offset, length, flags))
    for kind in REQUIRED:
        if kind not in seen:
            raise ImageError(f"section table: the {SECTION_NAMES[kind]} section is missing")
    return sections


_REGISTER_RUNS = REGISTER_RUNS
# Opcodes whose constant operand must be of one kind: (operand index, type).
_CONSTANT_KINDS = {NAMES.index(name): kind for name, kind in (
    ("EVAL", (4, EvalSite)), ("GETTEMPLATE", (1, TemplateSite)), ("DEFGLOBALS", (0, tuple)))}
_TERMINATORS = TERMINATORS


def _verify(c: _Cursor, where: str, instructions: list, limits: dict[str, int]) -> None:
    """Every operand indexes something that exists; control cannot run off the end."""
    if not instructions or instructions[-1][0] not in _TERMINATORS:
        raise c.fail(f"{where} bytecode: control can run past its last instruction")
    registers = limits["R"]
    for pc, ins in enumerate(instructions):
        op = ins[0]
        run = _REGISTER_RUNS.get(op)
        empty_base = run is not None and run[2] == 0 and ins[1 + run[1]] == 0
        for i, (kind, value) in enumerate(zip(OPERANDS[op], ins[1:], strict=True)):
            limit = limits.get(kind)
            if empty_base and i == run[0]:
                limit = registers + 1  # an empty run may start just past the last register
            if limit is not None and not 0 <= value < limit:
                raise c.fail(f"{where} instruction {pc} ({NAMES[op]}): operand "
                             f"{kind}{value} is out of range (limit {limit})")
        if op in WRITES_NEXT and ins[1] + 1 >= registers:
            raise c.fail(f"{where} instruction {pc} ({NAMES[op]}): writes register "
                         f"r{ins[1] + 1}, past its {registers} registers")
        if run is not None and ins[1 + run[1]] > 0:
            last = ins[1 + run[0]] + run[2] + ins[1 + run[1]] - 1
            if last >= registers:
                raise c.fail(f"{where} instruction {pc} ({NAMES[op]}): reads register "
                             f"r{last}, past its {registers} registers")


class _Entries:
    """Where each of ``n`` variable-length entries starts, found by skimming (``skip``
    moves a cursor past one entry) only as far as the furthest entry asked for: a lazily
    read image finds entry ``i`` without decoding, or even skimming, the entries after
    it. ``finish`` skims them all and checks that they fill their part exactly."""

    __slots__ = ("scan", "offsets", "n", "skip")

    def __init__(self, c: _Cursor, n: int, skip):
        self.scan, self.n, self.skip = c, n, skip  # the cursor is the table's own
        self.offsets = [c.pos]

    def cursor(self, i: int) -> _Cursor:
        offsets, scan = self.offsets, self.scan
        while len(offsets) <= i:
            self.skip(scan, len(offsets) - 1)
            offsets.append(scan.pos)
        return _Cursor(scan.data, offsets[i], scan.end, scan.section, scan.order)

    def ended(self, i: int, pos: int) -> None:
        """Entry ``i`` was decoded and ends at ``pos``: reading in order needs no skim."""
        if len(self.offsets) == i + 1:
            self.offsets.append(pos)
            self.scan.pos = pos

    def finish(self) -> None:
        self.cursor(self.n).finish()


class _InOrder:
    """Records decoded in order, as far as asked: each may name only earlier ones (the
    constant table), or nothing needs the later ones yet (the module table)."""

    __slots__ = ("n", "done", "next")

    def __init__(self, n: int, next_record):
        self.n, self.done, self.next = n, [], next_record  # next_record(i, done)

    def __len__(self) -> int:
        return self.n

    def __getitem__(self, i: int):
        done = self.done
        while len(done) <= i:
            done.append(self.next(len(done), done))
        return done[i]

    def __iter__(self):
        return (self[i] for i in range(self.n))


def _skip_varint(c: _Cursor, what: str) -> None:
    data, pos, end = c.data, c.pos, c.end
    while pos < end and data[pos] & 0x80:
        pos += 1
    if pos >= end:
        raise c.fail(f"{what}: ends early")
    c.pos = pos + 1


def _skip_rom_value(data: bytes, pos: int) -> int:
    """Past one ROM value (a tag and its payload); bounds are the caller's check."""
    tag = data[pos]
    if tag == T_NUMBER:
        return pos + 9
    if tag >= T_BIGINT or tag == T_STRING:
        pos += 1
        while data[pos] & 0x80:
            pos += 1
    return pos + 1


def _skip_rom_cell(c: _Cursor, i: int) -> None:
    try:
        pos = _skip_rom_value(c.data, c.pos)
    except IndexError:
        pos = c.end + 1
    if pos > c.end:
        raise c.fail(f"cell {i}: ends early")
    c.pos = pos


_ROM_FUNCTION = KINDS.index("function")
_ROM_WITH_ITEMS = frozenset(KINDS.index(kind) for kind in ITEM_KINDS)


def _skip_rom_object(c: _Cursor, i: int) -> None:
    """Past ROM object ``i``: a skim of the layout ``read_rom_object`` decodes (no values
    made, nothing looked up, nothing checked but the bounds)."""
    data, pos, end = c.data, c.pos, c.end

    def uint(pos: int) -> tuple[int, int]:
        value = shift = 0
        while True:
            b = data[pos]
            pos += 1
            value |= (b & 0x7F) << shift
            if not b & 0x80:
                return value, pos
            shift += 7
            if shift > 63:
                raise c.fail(f"object {i}: varint too long")

    skip = _skip_rom_value
    try:
        flags = data[pos]
        kind = flags & R_KIND
        pos += 1
        if not flags & R_DEFAULT_PROTO:
            pos = skip(data, pos)
        if kind == _ROM_FUNCTION:
            pos = uint(pos)[1]
            k, pos = uint(pos)
            if k > end - pos:
                raise c.fail(f"object {i} cells count {k} is more than the section holds")
            for _ in range(k):
                pos = uint(pos)[1]
            if not flags & R_PLAIN:
                pos = skip(data, skip(data, pos))
            pos += 1
        elif kind in _ROM_WITH_ITEMS:
            k, pos = uint(pos)
            if k > end - pos:
                raise c.fail(f"object {i} items count {k} is more than the section holds")
            for _ in range(k):
                pos = skip(data, pos)
        if flags & R_LINK:
            pos = uint(pos)[1]
        k, pos = uint(pos)
        if 3 * k > end - pos:
            raise c.fail(f"object {i} properties count {k} is more than the section holds")
        for _ in range(k):
            pos = skip(data, pos)
            flags = data[pos]
            pos = skip(data, pos + 1)
            if flags & ROM_ACCESSOR:
                pos = skip(data, pos)
    except IndexError:
        pos = end + 1
    if pos > end:
        raise c.fail(f"object {i}: ends early")
    c.pos = pos


class _Body:
    """One function's bytecode, exception table, line table and children as stored,
    checked and decoded by :meth:`decode` (at once, or on first use for a lazily read
    image)."""

    __slots__ = ("decoder", "index", "cursor", "where", "raw", "handlers", "constants",
                 "limits", "starts", "from_code", "kids")

    def __init__(self, decoder: _Decoder, index: int, cursor: _Cursor, raw: bytes,
                 handlers: list, constants: list, limits: dict[str, int], kids: list[int],
                 from_code=None):
        self.decoder, self.index, self.cursor, self.raw = decoder, index, cursor, raw
        self.where = f"function {index}"
        self.handlers, self.constants, self.limits, self.kids = handlers, constants, \
            limits, kids
        self.from_code = from_code  # rebuilds the constant list kept in the bytecode
        self.starts: dict[int, int] = {}  # byte offset -> instruction index

    def decode(self) -> tuple[list, list]:
        """The instructions (every operand checked) and the exception table."""
        c, where, constants = self.cursor, self.where, self.constants
        try:
            instructions, starts = decode_with_starts(self.raw)
        except (BytecodeError, IndexError) as e:
            raise c.fail(f"{where} bytecode: {e}") from None
        index_of = self.starts = {pos: k for k, pos in enumerate(starts)}
        if self.from_code is not None:  # constants kept in the code: the list fills now
            del constants[:]
            instructions = self.from_code(c, where, instructions, constants)
        for pc, ins in enumerate(instructions):
            expected = _CONSTANT_KINDS.get(ins[0])
            if expected is not None and ins[1 + expected[0]] < len(constants) and \
                    not isinstance(constants[ins[1 + expected[0]]], expected[1]):
                raise c.fail(f"{where} instruction {pc} ({NAMES[ins[0]]}): constant "
                             f"{ins[1 + expected[0]]} is not a {expected[1].__name__}")
        _verify(c, where, instructions, {**self.limits, "K": len(constants),
                                         "J": len(instructions)})
        handlers = []
        for *offsets, kind in self.handlers:
            spans = []
            for what, offset in zip(("start", "end", "target"), offsets, strict=True):
                if offset not in index_of:
                    raise c.fail(f"{where} handler {what} {offset} is not an instruction "
                                 "boundary")
                spans.append(index_of[offset])
            start, end, target = spans
            if not start <= end or target >= len(instructions):
                raise c.fail(f"{where} handler [{start}, {end}) -> {target} is malformed")
            handlers.append((start, end, target) if kind is None else (start, end, target,
                                                                        kind))
        return instructions, handlers

    def decode_lines(self) -> list[tuple[int, int]]:
        """The line table as (instruction index, line); after :meth:`decode`."""
        stored = self.decoder.lines_of(self.index)
        if stored is None:
            return []
        c, entries = stored
        out = []
        for offset, line in entries:
            if offset not in self.starts or line < 0:
                raise c.fail(f"{self.where} line entry ({offset}, {line}) is malformed")
            out.append((self.starts[offset], line))
        return out


class _LazyCode(Code):
    """A function of a lazily read image (``read_image(..., lazy=True)``): its header is
    read and checked when the function is first reached (a parent's first call, a ROM
    object, a module record); its instructions, exception table, line table and children
    are decoded and checked on its first use (its first call), then it becomes a plain
    ``Code``. So booting an image does not scale with the code it holds, and no
    instruction runs unchecked: a corrupt body raises ``ImageError`` instead of
    running."""

    DEFERRED = ("code", "handlers", "lines", "functions")

    @staticmethod
    def defer(code: Code, body: _Body) -> None:
        code.__class__ = _LazyCode
        state = code.__dict__
        for name in _LazyCode.DEFERRED:
            del state[name]
        state["_body"] = body

    def load(self) -> None:
        body = self.__dict__["_body"]
        code, handlers = body.decode()
        lines = body.decode_lines()
        functions = body.decoder.children(body, self)
        state = self.__dict__
        del state["_body"]
        state["code"], state["handlers"], state["lines"] = code, handlers, lines
        state["functions"] = functions
        self.__class__ = Code

    def __getattr__(self, name: str):  # only for attributes not yet in the instance
        if name in _LazyCode.DEFERRED and "_body" in self.__dict__:
            self.load()
            return self.__dict__[name]
        raise AttributeError(name)

    def __eq__(self, other):
        self.load()
        return self == other

    __hash__ = None

    def __repr__(self) -> str:
        self.load()
        return repr(self)

    def __reduce_ex__(self, protocol):  # pickled and copied as the plain Code it becomes
        self.load()
        return self.__reduce_ex__(protocol)


class _Decoder:
    """Reads the sections of one image. Every table is a lazy sequence (``LazyObjects``,
    ``_InOrder``) that decodes and checks an entry when it is first asked for; ``load_all``
    asks for everything (the eager reader, ``caplet verify``)."""

    def __init__(self, data: bytes, order: str, sections: list[SectionInfo]):
        self.data, self.order = data, order
        self.sections = sections
        self.by_kind = {s.kind: s for s in sections}
        self.sizes: dict[int, int] = {}  # function index -> bytes of bytecode
        self.texts: list | None = None  # the sources section's texts, once read
        self.checks: list = []  # what load_all does beyond asking for every entry
        self.string_constants: dict[int, None] = {}  # strings named by const refs

    def cursor(self, kind: int) -> _Cursor:
        s = self.by_kind.get(kind)
        if s is None:  # left out: it would hold only a zero count
            return _Cursor(EMPTY, 0, len(EMPTY), SECTION_NAMES[kind], self.order)
        return _Cursor(self.data, s.offset, s.offset + s.length, s.name, self.order)

    def image(self, **header) -> Image:
        """The image with its tables still lazy: only the counts, the manifest and (for a
        preloaded image) the ROM's module table are read now."""
        self.strings = self.read_strings()
        self.constants = self.read_constants()
        self.functions = self.read_functions()
        self.lines = self.read_lines() if LINES in self.by_kind else None
        self.source_entries = self.read_sources() if SOURCES in self.by_kind else None
        manifest = self.manifest = self.read_manifest()
        modules = self.read_modules(manifest)
        rom = self.read_rom(modules) if ROM in self.by_kind else None
        sizes = LazyObjects(len(self.functions), self.code_size)
        return Image(sections=self.sections, strings=self.strings, constants=None,
                     functions=self.functions, code_sizes=sizes, modules=modules,
                     manifest=manifest, rom=rom, loader=self, **header)

    def load_all(self, image: Image) -> None:
        """Decode and check every entry of every table (in section order) and make them
        plain lists; ``image.constants`` is filled in."""
        for check in self.checks:
            check()
        image.strings = list(self.strings)
        image.functions = list(self.functions)
        image.code_sizes = list(image.code_sizes)
        image.modules = list(image.modules)
        if image.rom is not None:
            image.rom.cells = list(image.rom.cells)
            image.rom.objects = list(image.rom.objects)
        image.constants = list(self.constants) + [self.strings[i] for i in
                                                  sorted(self.string_constants)]
        image.loader = None

    def code_size(self, i: int) -> int:
        self.functions[i]
        return self.sizes[i]

    # -- strings and constants

    def read_strings(self) -> LazyObjects:
        c = self.cursor(STRINGS)
        n = c.count("string")

        def skip(c: _Cursor, i: int) -> None:
            word = c.uint(what=f"string {i} length")
            if not word & 1:
                c.skip(word >> 1, f"string {i}")

        entries = _Entries(c, n, skip)
        atoms = ATOMS

        def decode(i: int) -> str:
            c = entries.cursor(i)
            word = c.uint(what=f"string {i} length")
            if word & 1:  # an atom: the VM's own copy of a well-known string
                entries.ended(i, c.pos)
                if word >> 1 >= len(atoms):
                    raise c.fail(f"string {i} names atom {word >> 1}, past the "
                                 f"{len(atoms)} atoms of this VM")
                return atoms[word >> 1]
            raw = c.raw(word >> 1, f"string {i}")
            entries.ended(i, c.pos)
            try:
                return raw.decode("utf-8", "surrogatepass")
            except UnicodeDecodeError:
                raise c.fail(f"string {i} is not valid UTF-8") from None

        strings = LazyObjects(n, decode)
        self.nstrings = n
        self.checks.append(lambda: (list(strings), entries.finish()))
        return strings

    def string(self, c: _Cursor, what: str) -> str:
        return self.strings[c.uint(self.nstrings, f"{what} (string index)")]

    def read_constants(self) -> _InOrder:
        c = self.cursor(CONSTANTS)
        constants = _InOrder(c.count("constant"), lambda i, done: self.read_constant(c, i,
                                                                                     done))
        self.checks.append(lambda: (list(constants), c.finish()))
        return constants

    def read_constant(self, c: _Cursor, i: int, out: list):
        """Constant record ``i`` at the cursor; ``out`` holds the earlier ones."""
        tag = c.byte()
        if tag == K_UNDEFINED:
            return None
        if tag in (K_FALSE, K_TRUE):
            return tag == K_TRUE
        if tag == K_FLOAT:
            return struct.unpack(self.order + "d", c.raw(8, "number"))[0]
        if tag == K_INTFLOAT:
            return float(_unzigzag(c.uint(1 << 54, "integer")))
        if tag == K_DECIMAL:
            mantissa = _unzigzag(c.uint(1 << 54, "decimal digits"))
            exponent = _unzigzag(c.uint(2 * MAX_DECIMAL_EXPONENT, "decimal exponent"))
            return float(f"{mantissa}e{exponent}")
        if tag == K_BIGINT:
            return c.bigint()
        if tag in (K_TUPLE, K_LIST):
            items = [self.const_ref(c, out, f"constant {i} item")
                     for _ in range(c.count(f"constant {i} item"))]
            return tuple(items) if tag == K_TUPLE else items
        if tag == K_TEMPLATE:
            n = c.count(f"constant {i} strings")
            items = [self.const_ref(c, out, f"constant {i} item") for _ in range(2 * n)]
            if not all(v is None or isinstance(v, str) for v in items[:n]) or \
                    not all(isinstance(v, str) for v in items[n:]):
                raise c.fail(f"constant {i}: a template's strings must be strings")
            return TemplateSite(tuple(items[:n]), tuple(items[n:]))
        if tag == K_EVALSITE:
            return self.read_eval_site(c, f"constant {i}")
        raise c.fail(f"constant {i} has unknown tag {tag}")

    def constants_from_code(self, c: _Cursor, where: str, instructions: list,
                            constants: list) -> list:
        """K operands that are const refs become indices into a rebuilt constant list."""
        local: dict[int, int] = {}
        out = []
        for ins in instructions:
            kinds = OPERANDS[ins[0]]
            if "K" in kinds:
                new = list(ins)
                for j, kind in enumerate(kinds):
                    if kind == "K":
                        ref = ins[1 + j]
                        if ref not in local:
                            local[ref] = len(constants)
                            constants.append(self.const_value(c, ref, self.constants,
                                                              f"{where} constant"))
                        new[1 + j] = local[ref]
                ins = tuple(new)
            out.append(ins)
        return out

    def const_ref(self, c: _Cursor, records, what: str):
        """A string (ref below the string count) or one of ``records`` so far."""
        return self.const_value(c, c.uint(what=f"{what} (const ref)"), records, what)

    def const_value(self, c: _Cursor, ref: int, records, what: str):
        if ref >= self.nstrings:
            ref -= self.nstrings
            if ref >= len(records):
                raise c.fail(f"{what}: constant {ref} is out of range (limit "
                             f"{len(records)})")
            return records[ref]
        self.string_constants[ref] = None
        return self.strings[ref]

    def read_eval_site(self, c: _Cursor, where: str) -> EvalSite:
        flags = c.uint(1 << len(_SITE_FLAGS), f"{where} flags")
        evalvars = c.uint(MAX_COUNT, f"{where} eval vars") - 1
        depth = c.uint(MAX_COUNT, f"{where} depth")
        this_cell = c.uint(MAX_COUNT, f"{where} this cell") - 1
        names = tuple((self.string(c, f"{where} name"), c.uint(MAX_COUNT, f"{where} cell"),
                       self.string(c, f"{where} kind"), self.string(c, f"{where} level"))
                      for _ in range(c.count(f"{where} names", 4)))
        privates = tuple(self.string(c, f"{where} private")
                         for _ in range(c.count(f"{where} privates")))
        return EvalSite(names=names, evalvars=evalvars, depth=depth, this_cell=this_cell,
                        privates=privates, **{f: bool(flags >> i & 1)
                                              for i, f in enumerate(_SITE_FLAGS)})

    # -- functions and their debug sections

    def read_functions(self) -> LazyObjects:
        c = self.cursor(FUNCTIONS)
        n = c.count("function", 5)
        if n == 0:
            raise c.fail("the image has no functions")

        def skip(c: _Cursor, i: int) -> None:
            c.skip(c.uint(what=f"function {i} length"), f"function {i}")

        self.function_entries = entries = _Entries(c, n, skip)
        self.parent = [-1] * n
        functions = LazyObjects(n, self.read_function)

        def check() -> None:
            for code in functions:
                if type(code) is _LazyCode:
                    code.load()
            entries.finish()
            for i, code in enumerate(functions):
                if self.parent[i] == -1 and code.captures:
                    raise c.fail(f"function {i} captures cells but has no parent")

        self.checks.append(check)
        return functions

    def read_function(self, i: int) -> Code:
        """Function ``i``'s header; its body is decoded at once or (lazily) on first use."""
        c = self.function_entries.cursor(i)
        where = f"function {i}"
        size = c.uint(c.end - c.pos + 1, f"{where} length")
        c.end = c.pos + size  # the cursor stays inside the function's own record
        self.function_entries.ended(i, c.end)
        n = len(self.functions)
        flags = c.uint(F_USES_THIS << 1, f"{where} flags")
        k = flags & F_KIND
        if len(FUNCTION_KINDS) < k < F_KIND:
            raise c.fail(f"{where} kind {k} is unknown")
        kind = FUNCTION_KINDS[k] if k < len(FUNCTION_KINDS) else \
            self.string(c, f"{where} kind")
        ref = c.uint(self.nstrings + 1, f"{where} name")
        name = self.strings[ref - 1] if ref else DEFAULT_NAMES.get(kind, "")
        frame = c.uint(MAX_COUNT << 3, f"{where} frame")
        params = frame & FRAME_PARAMS
        if params == FRAME_PARAMS:
            params = c.uint(MAX_COUNT, f"{where} params")
        registers = params + (frame >> 3)
        length = c.uint(MAX_COUNT, f"{where} length") if flags & F_LENGTH else params
        cells, this_cell = 0, -1
        if flags & F_CELLS:
            cells = c.uint(MAX_COUNT, f"{where} cells")
            this_cell = c.uint(MAX_COUNT, f"{where} this cell") - 1
        slots = cells  # own cells, then captured ones
        captures = [c.uint(MAX_COUNT, f"{where} capture") for _ in
                    range(c.count("capture") if flags & F_CAPTURES else 0)]
        slots += len(captures)
        if this_cell >= slots:
            raise c.fail(f"{where} this cell {this_cell} is not one of its {slots} cells")
        param_cells = []
        for _ in range(c.count("parameter cell", 2) if flags & F_PARAM_CELLS else 0):
            reg = c.uint(registers, f"{where} parameter cell register")
            param_cells.append((reg, c.uint(slots, f"{where} parameter cell slot")))
        constants = [] if not flags & F_CONSTANT_LIST else [
            self.const_ref(c, self.constants, f"{where} constant")
            for _ in range(c.count("constant"))]
        kids = [c.uint(n, f"{where} child") for _ in
                range(c.count("child function") if flags & F_CHILDREN else 0)]
        handlers = []  # byte offsets as stored: checked against the decoded code
        for _ in range(c.count("handler", 4) if flags & F_HANDLERS else 0):
            spans = [c.uint(what=f"{where} handler {what}") for what in ("start", "end",
                                                                         "target")]
            tag = c.uint(2, f"{where} handler kind")
            handlers.append((*spans, "finally" if tag else None))
        raw = c.data[c.pos:c.end]  # the code: the rest of the record
        self.sizes[i] = len(raw)
        body = _Body(self, i, c, raw, handlers, constants,
                     {"R": registers, "K": len(constants), "F": len(kids), "C": slots},
                     kids, None if flags & F_CONSTANT_LIST else self.constants_from_code)
        code = Code(name=name, params=params, registers=registers, cells=cells,
                    captures=captures, param_cells=param_cells, constants=constants,
                    strict=bool(flags & F_STRICT),
                    kind=kind, generator=bool(flags & F_GENERATOR),
                    is_async=bool(flags & F_ASYNC), length=length,
                    uses_this=bool(flags & F_USES_THIS), this_cell=this_cell,
                    mapped_arguments=bool(flags & F_MAPPED_ARGUMENTS))
        if self.source_entries is not None:
            self.read_source(code, i)
        _LazyCode.defer(code, body)
        return code

    def children(self, body: _Body, code: Code) -> list[Code]:
        """A function's children, claimed: each has one parent, after it in the table,
        and captures only cells the parent has."""
        i, kids, c = body.index, body.kids, body.cursor
        if len(set(kids)) != len(kids):
            raise c.fail(f"function {i} lists a child twice: the function tree is malformed")
        slots = code.cells + len(code.captures)
        out = []
        for k in kids:
            if k <= i or self.parent[k] not in (-1, i):
                raise c.fail(f"function {i} lists function {k} as a child: the function "
                             "tree is malformed")
            self.parent[k] = i
            child = self.functions[k]
            for slot in child.captures:
                if slot >= slots:
                    raise c.fail(f"function {k} captures cell {slot} its parent does not have")
            out.append(child)
        return out

    def read_lines(self) -> _Entries:
        def skip(c: _Cursor, i: int) -> None:
            for _ in range(2 * c.count(f"function {i} line", 2)):
                _skip_varint(c, f"function {i} line")

        entries = _Entries(self.cursor(LINES), len(self.functions), skip)
        self.checks.append(entries.finish)
        return entries

    def lines_of(self, i: int) -> tuple[_Cursor, list[tuple[int, int]]] | None:
        """Function ``i``'s line table as stored: (byte offset, line) pairs."""
        if self.lines is None:
            return None
        c = self.lines.cursor(i)
        offset, line, entries = 0, 0, []
        for _ in range(c.count(f"function {i} line", 2)):
            offset += c.uint(what=f"function {i} line offset")
            line += _unzigzag(c.uint(what=f"function {i} line"))
            entries.append((offset, line))
        self.lines.ended(i, c.pos)
        return c, entries

    def read_sources(self) -> _Cursor:
        """The sources section's texts are read when a function's source is first asked
        for; each function's span then by its entry."""
        c = self.cursor(SOURCES)

        def check() -> None:  # every function's header, hence its source, is read
            self.source_entries.finish()

        self.checks.append(check)
        return c

    def read_source(self, code: Code, i: int) -> None:
        entries = self.source_entries
        if type(entries) is _Cursor:  # first use: the text table, then the entries
            c = entries
            self.texts = [c.uint(len(self.strings), "source text (string index)")
                          for _ in range(c.count("source text"))]

            def skip(c: _Cursor, i: int) -> None:
                for _ in range(3):
                    _skip_varint(c, f"function {i} source")

            entries = self.source_entries = _Entries(c, len(self.functions), skip)
        c = entries.cursor(i)
        idx = c.uint(len(self.texts) + 1, f"function {i} source text")
        start = c.uint(what="source start")
        end = start + c.uint(what="source length")
        entries.ended(i, c.pos)
        if idx:
            code.text = self.strings[self.texts[idx - 1]]
            if end > len(code.text):
                raise c.fail(f"function {i} source span {start}..{end} is outside its text")
        code.source = (start, end)

    # -- modules and manifest

    def read_modules(self, manifest: Manifest):
        c = self.cursor(MODULES)
        n = c.count("module", 3)
        if n == 0:
            c.finish()
            return [_default_module(manifest)]
        modules = _InOrder(n, lambda i, done: self.read_module(c, i))
        self.checks.append(lambda: (list(modules), c.finish()))
        return modules

    def read_module(self, c: _Cursor, i: int) -> ModuleRecord:
        where = f"module {i}"
        ref = c.uint(self.nstrings + 1, f"{where} specifier (string index + 1)")
        specifier = self.strings[ref - 1] if ref else _entry_specifier(self.manifest)
        flags = c.uint(MOD_EXPORTS << 1, f"{where} kind")
        kind = MODULE_KINDS[flags & 1]
        function = c.uint(len(self.functions), f"{where} function")

        def count(flag: int, what: str, min_item_bytes: int = 1) -> int:
            if not flags & flag:
                return 0
            n = c.count(what, min_item_bytes)
            if n == 0:
                raise c.fail(f"{where}: an empty {what} list is flagged as present")
            return n

        requests = tuple(self.string(c, f"{where} request")
                         for _ in range(count(MOD_REQUESTS, "request")))
        imports = tuple(ImportEntry(*(self.string(c, f"{where} import") for _ in range(3)))
                        for _ in range(count(MOD_IMPORTS, "import", 3)))
        exports = tuple(self.read_export(c, f"{where} export")
                        for _ in range(count(MOD_EXPORTS, "export", 2)))
        return ModuleRecord(specifier, kind, function, requests, imports, exports)

    def read_export(self, c: _Cursor, what: str) -> ExportEntry:
        name = self.string(c, what)
        fields = c.byte()
        if fields & ~(X_LOCAL | X_SPECIFIER | X_IMPORT):
            raise c.fail(f"{what}: unknown field bits {fields}")
        local = self.string(c, what) if fields & X_LOCAL else None
        specifier = self.string(c, what) if fields & X_SPECIFIER else ""
        usual = _export_defaults(name, specifier)
        imported = self.string(c, what) if fields & X_IMPORT else usual[1]
        return ExportEntry(name, usual[0] if local is None else local, specifier, imported)

    def read_manifest(self) -> Manifest:
        c = self.cursor(MANIFEST)
        flags = c.uint(64, "manifest flags")
        if flags & M_ENTRY and flags & M_ENTRY_MJS:
            raise c.fail("the entry is both spelled and implied")
        name = self.string(c, "manifest name")
        entry = self.string(c, "manifest entry") if flags & M_ENTRY else \
            name + (".mjs" if flags & M_ENTRY_MJS else ".js")
        version = self.string(c, "manifest version") if flags & M_VERSION else DEFAULT_VERSION
        quota = c.uint(what="heap quota") if flags & M_QUOTA else 0
        caps = tuple(self.string(c, "capability") for _ in
                     range(c.count("capability") if flags & M_CAPABILITIES else 0))
        steps = c.uint(what="step budget") if flags & M_STEPS else 0
        c.finish()
        return Manifest(name, version, entry, caps, quota, steps)

    # -- the ROM snapshot

    def read_rom(self, modules) -> Rom:
        """The ROM snapshot: its module table now (each module's specifier is its
        record's); cells and objects when first asked for, each checked then (every
        object, cell and function reference)."""
        nmodules = len(modules)
        c = self.cursor(ROM)
        ncells = c.count("cells")
        self.rom_objects = nobjects = c.count("objects")
        rom = Rom()
        n = c.count("modules", 2)
        if n != nmodules:
            raise c.fail(f"{n} modules, but the image has {nmodules} module records")
        strings, nstrings, uint = self.strings, self.nstrings, c.uint
        for i in range(n):
            where = f"module {i}"
            module = RomModule(modules[i].specifier)
            exports = module.exports
            word = uint(what=f"{where} exports count")
            n, implied = word >> 1, word & 1
            if n > c.end - c.pos:
                raise c.fail(f"{where} exports count {n} is more than the section can hold")
            names = modules[i].exports
            if implied and n > len(names):
                raise c.fail(f"{where}: {n} exports named as its record's, which has "
                             f"{len(names)}")
            for j in range(n):
                name = names[j].export_name if implied else \
                    strings[uint(nstrings, f"{where} export {j} (string index)")]
                exports.append((name, uint(ncells, f"{where} export {j} cell")))
            rom.modules.append(module)
        size = c.uint(c.end - c.pos + 1, "cells length")
        cells = _Cursor(c.data, c.pos, c.pos + size, c.section, c.order)
        objects = _Cursor(c.data, c.pos + size, c.end, c.section, c.order)
        cell_entries = _Entries(cells, ncells, _skip_rom_cell)
        object_entries = _Entries(objects, nobjects, _skip_rom_object)

        def cell(i: int) -> tuple:
            c = cell_entries.cursor(i)
            value = self.rom_value(c, f"cell {i}")
            cell_entries.ended(i, c.pos)
            return value

        def rom_object(i: int) -> RomObject:
            c = object_entries.cursor(i)
            obj = self.read_rom_object(c, i, ncells)
            object_entries.ended(i, c.pos)
            return obj

        rom.cells = LazyObjects(ncells, cell)
        rom.objects = LazyObjects(nobjects, rom_object)

        def check() -> None:
            list(rom.cells)
            cell_entries.finish()
            list(rom.objects)
            object_entries.finish()

        self.checks.append(check)
        return rom

    def rom_value(self, c: _Cursor, what: str) -> tuple:
        tag = c.byte()
        if tag == T_UNDEFINED:
            return ("undefined",)
        if tag == T_NULL:
            return ("null",)
        if tag == T_HOLE:
            return ("hole",)
        if tag in (T_FALSE, T_TRUE):
            return ("bool", tag == T_TRUE)
        if tag == T_NUMBER:
            return ("number", struct.unpack(self.order + "d", c.raw(8, what))[0])
        if tag == T_INTEGER:
            return ("number", float(_unzigzag(c.uint(1 << 54, what))))
        if tag == T_STRING:
            return ("string", self.string(c, what))
        if tag == T_BIGINT:
            return ("bigint", _unzigzag(c.bigint()))
        if tag == T_OBJECT:
            i = c.uint(1 << 24, f"{what} (object index)")
            if i >= self.rom_objects:
                raise c.fail(f"{what}: an object reference ({i}) is past the "
                             f"{self.rom_objects} ROM objects")
            return ("object", i)
        if tag in (T_INTRINSIC, T_SYMBOL):
            return ("intrinsic" if tag == T_INTRINSIC else "symbol", self.string(c, what))
        raise c.fail(f"{what}: unknown value tag {tag}")

    def read_rom_object(self, c: _Cursor, i: int, ncells: int) -> RomObject:
        """ROM object ``i`` at the cursor, every reference in it checked."""
        value = self.rom_value
        functions = self.functions
        where = f"object {i}"
        flags = c.byte()
        kind = flags & R_KIND
        if kind >= len(KINDS) or flags & ~(R_KIND | R_DEFAULT_PROTO | R_FUNCTION_PROPS
                                           | R_LINK | R_PLAIN) or (
                flags & (R_FUNCTION_PROPS | R_PLAIN) and KINDS[kind] != "function") or (
                flags & R_LINK and KINDS[kind] not in LINK_KEYS) or (
                flags & R_DEFAULT_PROTO and KINDS[kind] not in DEFAULT_PROTOS):
            raise c.fail(f"{where}: unknown kind or flags {flags}")
        obj = RomObject(KINDS[kind], ("intrinsic", DEFAULT_PROTOS[KINDS[kind]])
                        if flags & R_DEFAULT_PROTO else value(c, f"{where} prototype"))
        if obj.kind == "function":
            obj.code = functions[c.uint(len(functions), f"{where} function index")]
            for _ in range(c.count(f"{where} cells")):
                obj.cells.append(c.uint(ncells, f"{where} cell index"))
            if not flags & R_PLAIN:
                obj.home = value(c, f"{where} home object")
                obj.this = value(c, f"{where} this")
            ctor = c.byte()
            if ctor >= len(CONSTRUCTOR_KINDS):
                raise c.fail(f"{where}: unknown constructor kind {ctor}")
            obj.constructor_kind = CONSTRUCTOR_KINDS[ctor]
        elif obj.kind in ITEM_KINDS:
            for j in range(c.count(f"{where} items")):
                obj.items.append(value(c, f"{where} item {j}"))
        if flags & R_FUNCTION_PROPS:
            obj.props.extend(_function_props(obj.code))
        if flags & R_LINK:
            link = c.uint(self.rom_objects, f"{where} {LINK_KEYS[obj.kind]} (object index)")
            obj.props.append(_link_prop(obj.kind, link))
        for j in range(c.count(f"{where} properties", 3)):
            key = value(c, f"{where} property {j} key")
            if key[0] not in ("string", "symbol"):
                raise c.fail(f"{where} property {j}: a key must be a string or a symbol")
            flags = c.byte()
            if flags & ~15:
                raise c.fail(f"{where} property {j}: unknown attribute bits {flags}")
            if flags & ROM_ACCESSOR:
                getter = value(c, f"{where} property {j} getter")
                setter = value(c, f"{where} property {j} setter")
                obj.props.append((key, flags, ("undefined",), getter, setter))
            else:
                obj.props.append((key, flags, value(c, f"{where} property {j}"),
                                  ("undefined",), ("undefined",)))
        return obj


# -------------------------------------------------------------- the RAM estimate


def estimate_boot_ram(image: Image, cost) -> dict[str, int]:
    """Bytes of device heap the image needs at boot, by the board's cost model.

    Conservative: everything a module body allocates before it runs is charged (its
    global bindings, the closures it creates, its environment), and the code and string
    constants as if copied to RAM. Debug sections (lines, sources) stay in flash.
    """
    define, define_run = NAMES.index("DEFGLOBAL"), NAMES.index("DEFGLOBALS")
    globals_ = closures = environment = 0
    for m in image.modules:
        body = image.functions[m.function]
        # (kind | 8: the check-only pass of GlobalDeclarationInstantiation makes nothing)
        bindings = sum(1 for ins in body.code if ins[0] == define and not ins[2] & 8)
        bindings += sum(len(body.constants[ins[1]]) for ins in body.code
                        if ins[0] == define_run)
        globals_ += cost.property_slot * bindings
        closures += cost.closure * len(body.functions)
        environment += cost.environment + cost.property_slot * body.cells
    globals_ += cost.object_header
    used_strings = {v for v in image.constants if isinstance(v, str)}
    used_strings.update(f.name for f in image.functions)
    strings = sum(cost.string + cost.string_byte * len(_encode_text(s)) for s in used_strings)
    code = cost.code_byte * sum(image.code_sizes)
    parts = {"globals": globals_, "closures": closures, "environments": environment,
             "code": code, "strings": strings}
    parts["total"] = sum(parts.values())
    return parts


__all__ = ["ExportEntry", "FORMAT_VERSION", "Header", "Image", "ImageError", "ImportEntry",
           "MAGIC", "Manifest", "ModuleRecord", "SECTION_NAMES", "estimate_boot_ram",
           "isa_hash", "read_header", "read_image", "write_image"]
