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

from .code import Code, EvalSite, TemplateSite
from .encoding import BytecodeError, decode, encode
from .isa import ISA_VERSION, NAMES, OPCODES, OPERANDS, WIDE, XWIDE
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

MAGIC = b"\x89CAPLET\n"
FORMAT_VERSION = 2
FIXED_HEADER_SIZE = 22  # magic .. body length; the names and the section table follow
HEADER_SIZE = 80  # the header without its section table always fits in this many bytes
MAX_BOARD_NAME, MAX_ARCH_NAME = 31, 15
DIGEST_SIZE = 32
SIGNATURE_SIZE = 64
MAX_IMAGE_SIZE = 16 * 1024 * 1024  # no board has an app slot near this
MAX_SECTIONS = 64
MAX_COUNT = 1 << 20  # registers, cells, parameters per function: far past any real one

FLAG_STRIPPED = 1
FLAG_SIGNED = 2
SECTION_OPTIONAL = 1  # a reader that does not know the kind may skip the section

STRINGS, CONSTANTS, FUNCTIONS, MODULES, MANIFEST, LINES, SOURCES, ROM = range(1, 9)
SECTION_NAMES = {STRINGS: "strings", CONSTANTS: "constants", FUNCTIONS: "functions",
                 MODULES: "modules", MANIFEST: "manifest", LINES: "lines",
                 SOURCES: "sources", ROM: "rom"}
REQUIRED = (STRINGS, CONSTANTS, FUNCTIONS, MODULES, MANIFEST)

# constant tags
K_UNDEFINED, K_FALSE, K_TRUE, K_FLOAT, K_INTFLOAT, K_STRING, K_BIGINT, K_TUPLE, K_LIST, \
    K_TEMPLATE, K_EVALSITE = range(11)

# function flags: bits 0-2 the kind (an index in FUNCTION_KINDS; 7: a string ref follows),
# then properties and which optional parts of the record follow, most common first
F_KIND = 7
F_STRICT, F_USES_THIS, F_CHILDREN, F_CONSTS_IN_CODE, F_LENGTH, F_CELLS, F_CAPTURES, \
    F_HANDLERS, F_PARAM_CELLS, F_GENERATOR, F_ASYNC, F_MAPPED_ARGUMENTS = (
        1 << b for b in range(3, 15))
# EvalSite flags, in this order
_SITE_FLAGS = ("strict", "function", "new_target", "super_prop", "super_call", "args_banned",
               "in_params")

MODULE_KINDS = ("script", "module")
# Code.kind values stored as a number; another kind is stored as a string
FUNCTION_KINDS = ("normal", "arrow", "method", "constructor", "derived", "script", "module")
# the name a function of that kind has when its name field is 0
DEFAULT_NAMES = {"script": "<script>", "module": "<module>"}
# ROM section, beyond compiler/bytecode/rom.py's tags: an integral number as a zigzag
# varint; object kind byte flags: the kind's usual prototype, a function's usual
# `length` and `name` first (both left out)
T_INTEGER = 11
R_KIND, R_DEFAULT_PROTO, R_FUNCTION_PROPS = 7, 8, 16
DEFAULT_PROTOS = {"object": "%Object.prototype%", "array": "%Array.prototype%",
                  "function": "%Function.prototype%", "alias-object": "%Object.prototype%",
                  "alias-array": "%Array.prototype%"}
# optional manifest fields
M_VERSION, M_QUOTA, M_CAPABILITIES, M_STEPS = 1, 2, 4, 8
DEFAULT_VERSION = "0.0.0"
_CODE_FIELDS = {"name", "params", "registers", "cells", "captures", "param_cells",
                "constants", "code", "handlers", "lines", "functions", "strict", "kind",
                "generator", "is_async", "length", "source", "text", "uses_this",
                "this_cell", "mapped_arguments"}


class ImageError(Exception):
    """An image that must not run: the message says which check failed."""


def isa_hash() -> bytes:
    """4 bytes identifying the instruction table: names, numbers and operand kinds.

    The doc column is left out, so rewording an opcode's description changes nothing;
    renumbering, adding or retyping an opcode changes the hash.
    """
    text = "\n".join(f"{i}:{name}:{kinds}" for i, (name, kinds, _) in enumerate(OPCODES))
    return sha256(f"caplet-isa-{ISA_VERSION}\n{text}".encode()).digest()[:4]


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
                 "signature_verified", "rom", "header_size")

    def __init__(self, board: str, arch: str, endianness: str, word_size: int,
                 format_version: int, isa_version: int, stripped: bool, signed: bool,
                 size: int, sections: list[SectionInfo], strings: list[str],
                 constants: list, functions: list[Code], code_sizes: list[int],
                 modules: list[ModuleRecord], manifest: Manifest, digest: bytes,
                 signature: bytes | None = None, signature_verified: bool = False,
                 rom: Rom | None = None, header_size: int = 0) -> None:
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

    @property
    def entry(self) -> Code:
        return self.functions[self.modules[0].function]


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


def instruction_starts(data: bytes) -> list[int]:
    """Byte offset of each encoded instruction, then the end of the code."""
    starts, pos = [], 0
    while pos < len(data):
        starts.append(pos)
        op = data[pos]
        width = 1
        if op in (WIDE, XWIDE):
            width = 2 if op == WIDE else 4
            pos += 1
            op = data[pos]
        pos += 1 + width * len(OPERANDS[op])
    starts.append(pos)
    return starts


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
    def __init__(self, order: str, strip: bool):
        self.order = order  # "<" or ">"
        self.strip = strip
        self.strings: list[str] = []
        self.string_index: dict[str, int] = {}
        self.constants: list = []
        self.const_records: list[bytes] = []
        self.const_index: dict[tuple, int] = {}
        self.functions: list[Code] = []

    def string(self, text: str) -> int:
        idx = self.string_index.get(text)
        if idx is None:
            idx = self.string_index[text] = len(self.strings)
            self.strings.append(text)
        return idx

    def ref(self, value) -> int:
        """A const ref: a string's index << 1, or a constant record's index << 1 | 1."""
        if isinstance(value, str):
            return self.string(value) << 1
        return self.constant(value) << 1 | 1

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
                rec = bytes([K_FLOAT]) + struct.pack(self.order + "d", value)
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
            data = encode(code.code)
            refs = [w.ref(v) for v in code.constants]
            table = _uleb(len(refs)) + b"".join(_uleb(i) for i in refs)
            inline = _constants_in_code(code.code, refs)
            if inline is not None:
                data_inline = encode(inline)
                if len(data_inline) <= len(data) + len(table):
                    data, table = data_inline, b""
        except BytecodeError as e:
            raise ImageError(f"cannot encode function {code.name!r}: {e}") from None
        starts = instruction_starts(data)
        flags = ((0 if table else F_CONSTS_IN_CODE)
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
        rec += _uleb(code.params) + _uleb(code.registers)
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
        rec += _uleb(len(data)) + data
        if flags & F_HANDLERS:
            rec += _uleb(len(code.handlers))
            for start, end, target, *kind in code.handlers:
                if kind and kind[0] != "finally":
                    raise ImageError(f"handler kind {kind[0]!r} cannot be stored")
                rec += _uleb(starts[start]) + _uleb(starts[end]) + _uleb(starts[target])
                rec.append(1 if kind else 0)
        body += rec
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
        out += _uleb(w.string(m.specifier)) + bytes([MODULE_KINDS.index(m.kind)])
        out += _uleb(m.function)
        out += _uleb(len(m.requests)) + b"".join(_uleb(w.string(s)) for s in m.requests)
        out += _uleb(len(m.imports))
        for i in m.imports:
            out += b"".join(_uleb(w.string(s)) for s in (i.specifier, i.import_name,
                                                          i.local_name))
        out += _uleb(len(m.exports))
        for e in m.exports:
            out += b"".join(_uleb(w.string(s)) for s in (e.export_name, e.local_name,
                                                          e.specifier, e.import_name))
    return bytes(out)


def _section_manifest(w: _Writer, m: Manifest) -> bytes:
    flags = ((M_VERSION if m.version != DEFAULT_VERSION else 0)
             | (M_QUOTA if m.heap_quota else 0) | (M_CAPABILITIES if m.capabilities else 0)
             | (M_STEPS if m.step_budget else 0))
    out = bytearray(_uleb(flags))
    out += _uleb(w.string(m.name)) + _uleb(w.string(m.entry))
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
    out = bytearray(_uleb(len(w.strings)))
    for s in w.strings:
        data = _encode_text(s)
        out += _uleb(len(data)) + data
    return bytes(out)


def _name_field(text: str, limit: int, what: str) -> bytes:
    data = text.encode("ascii", "replace")
    if not data or len(data) > limit:
        raise ImageError(f"{what} {text!r} is empty or longer than {limit} bytes")
    return bytes([len(data)]) + data


def _function_props(code: Code) -> list[tuple]:
    """A ROM function's usual first properties: `length` and `name` from its code."""
    return [(("string", "length"), 0, ("number", float(code.length)), ("undefined",),
             ("undefined",)),
            (("string", "name"), 0, ("string", code.name), ("undefined",), ("undefined",))]


def _section_rom(w: _Writer, rom: Rom) -> bytes:
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

    out = bytearray(_uleb(len(rom.cells)))
    for cell in rom.cells:
        out += value(cell)
    out += _uleb(len(rom.objects))
    for obj in rom.objects:
        props = obj.props
        flags = KINDS.index(obj.kind)
        if obj.proto == ("intrinsic", DEFAULT_PROTOS.get(obj.kind)):
            flags |= R_DEFAULT_PROTO
        if obj.kind == "function" and props[:2] == _function_props(obj.code):
            flags |= R_FUNCTION_PROPS
            props = props[2:]
        out.append(flags)
        if not flags & R_DEFAULT_PROTO:
            out += value(obj.proto)
        if obj.kind == "function":
            if id(obj.code) not in index:
                raise ImageError("internal: a ROM function's code is not in the image")
            out += _uleb(index[id(obj.code)]) + _uleb(len(obj.cells))
            for cell in obj.cells:
                out += _uleb(cell)
            out += value(obj.home) + value(obj.this)
            out.append(CONSTRUCTOR_KINDS.index(obj.constructor_kind))
        elif obj.kind in ITEM_KINDS:
            out += _uleb(len(obj.items))
            for item in obj.items:
                out += value(item)
        out += _uleb(len(props))
        for key, flags, val, getter, setter in props:
            out += value(key) + bytes([flags])
            out += value(getter) + value(setter) if flags & ROM_ACCESSOR else value(val)
    out += _uleb(len(rom.modules))
    for module in rom.modules:
        out += _uleb(w.string(module.specifier)) + _uleb(len(module.exports))
        for name, cell in module.exports:
            out += _uleb(w.string(name)) + _uleb(cell)
    return bytes(out)


def write_image(code: Code, *, board: BoardProfile, manifest: Manifest,
                modules: list[ModuleRecord] | None = None, strip: bool = False,
                signing_key=None, rom: Rom | None = None) -> bytes:
    """The image bytes of ``code`` (a script's top level, or a module graph's functions).

    Deterministic: the same code, records, board and options give the same bytes.
    ``signing_key`` is an Ed25519 private key (see ``signing.py``).
    """
    order = "<" if board.endianness == "little" else ">"
    w = _Writer(order, strip)
    w.collect(code)
    if modules is None:
        modules = [_default_module(manifest)]
    functions, lines, sources = _section_functions(w)
    mods = _section_modules(w, modules, manifest)
    man = _section_manifest(w, manifest)
    rom_data = _section_rom(w, rom) if rom is not None else None
    consts = _uleb(len(w.const_records)) + b"".join(w.const_records)
    strings = _section_strings(w)  # last: every other section has named its strings
    sections = [(STRINGS, 0, strings), (CONSTANTS, 0, consts), (FUNCTIONS, 0, functions),
                (MODULES, 0, mods), (MANIFEST, 0, man)]
    if not strip:
        sections += [(LINES, SECTION_OPTIONAL, lines), (SOURCES, SECTION_OPTIONAL, sources)]
    if rom_data is not None:
        sections.append((ROM, 0, rom_data))
    table = bytearray()
    for kind, flags, data in sections:
        table += _uleb(kind << 1 | flags) + _uleb(len(data))
    names = _name_field(board.name, MAX_BOARD_NAME, "board name")
    names += _name_field(board.arch, MAX_ARCH_NAME, "arch")
    payload = b"".join(data for _, _, data in sections)
    body_length = FIXED_HEADER_SIZE + len(names) + 1 + len(table) + len(payload)
    flags = (FLAG_STRIPPED if strip else 0) | (FLAG_SIGNED if signing_key is not None else 0)
    header = MAGIC + bytes([1 if order == "<" else 2, board.word_size, FORMAT_VERSION, flags])
    header += struct.pack(order + "H", ISA_VERSION) + isa_hash()
    header += struct.pack(order + "I", body_length) + names + bytes([len(sections)])
    body = bytes(header + table + payload)
    assert len(body) == body_length
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

    def finish(self) -> None:
        if self.pos != self.end:
            raise self.fail(f"{self.end - self.pos} unexpected bytes at its end")


class Header(Frozen):
    """The header's facts, read from the first bytes of an image (see ``read_header``)."""

    __slots__ = ("order", "word_size", "format_version", "flags", "isa_version", "isa_hash",
                 "body_length", "board", "arch", "sections", "size")

    def __init__(self, order: str, word_size: int, format_version: int, flags: int,
                 isa_version: int, isa_hash: bytes, body_length: int, board: str, arch: str,
                 sections: int, size: int) -> None:
        _set(self, "order", order)  # "<" or ">"
        _set(self, "word_size", word_size)
        _set(self, "format_version", format_version)
        _set(self, "flags", flags)
        _set(self, "isa_version", isa_version)
        _set(self, "isa_hash", isa_hash)
        _set(self, "body_length", body_length)
        _set(self, "board", board)
        _set(self, "arch", arch)
        _set(self, "sections", sections)  # entries in the section table
        _set(self, "size", size)  # bytes of the header, up to the section table

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

    Checks, in order: ``truncated``, ``magic``, ``header`` (byte order), ``format
    version``, ``instruction set``, ``header`` (flags, names). Enough for a device to
    refuse another board's image from the first bytes of a transfer.
    """
    if len(data) < FIXED_HEADER_SIZE:
        raise ImageError(f"truncated: {len(data)} bytes is shorter than a header")
    if data[:8] != MAGIC:
        raise ImageError("magic: not a caplet image")
    if data[8] not in (1, 2):
        raise ImageError(f"header: byte order {data[8]} is neither 1 (little) nor 2 (big)")
    order = "<" if data[8] == 1 else ">"
    word_size, fmt, flags = data[9], data[10], data[11]
    if fmt != FORMAT_VERSION:
        raise ImageError(f"format version: the image is version {fmt}, this reader reads "
                         f"version {FORMAT_VERSION}")
    isa_version, body_length = struct.unpack_from(order + "H", data, 12)[0], \
        struct.unpack_from(order + "I", data, 18)[0]
    if isa_version != ISA_VERSION or data[14:18] != isa_hash():
        raise ImageError(f"instruction set: the image was compiled for ISA {isa_version} "
                         f"({data[14:18].hex()}), this VM runs ISA {ISA_VERSION} "
                         f"({isa_hash().hex()}); recompile it")
    if flags & ~(FLAG_STRIPPED | FLAG_SIGNED):
        raise ImageError("header: unknown flags are set")
    board, pos = _header_name(data, FIXED_HEADER_SIZE, MAX_BOARD_NAME, "board name")
    arch, pos = _header_name(data, pos, MAX_ARCH_NAME, "arch")
    if pos >= len(data):
        raise ImageError("truncated: the image ends inside its header (section count)")
    return Header(order, word_size, fmt, flags, isa_version, bytes(data[14:18]), body_length,
                  board, arch, data[pos], pos + 1)


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
    body_length, order = head.body_length, head.order
    signed = bool(head.flags & FLAG_SIGNED)
    expected = body_length + DIGEST_SIZE + (SIGNATURE_SIZE if signed else 0)
    if body_length < head.size:
        raise ImageError(f"header: body length {body_length} is shorter than the header")
    if size < expected:
        raise ImageError(f"truncated: the header announces {expected} bytes, the image has "
                         f"{size}")
    if size > expected:
        raise ImageError(f"oversized: {size - expected} bytes after the end the header "
                         f"announces ({expected})")
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
    if word_size not in (2, 4, 8):
        raise ImageError(f"header: word size {word_size} is not 2, 4 or 8")
    sections, table_end = _read_table(data, head.size, head.sections, body_length)
    decoder = _Decoder(data, order, sections)
    decoder.lazy = lazy
    return decoder.image(
        board=head.board, arch=arch, endianness=endianness, word_size=word_size,
        format_version=head.format_version, isa_version=head.isa_version,
        stripped=bool(head.flags & FLAG_STRIPPED), signed=signed, size=size, digest=digest,
        signature=signature, signature_verified=verified, header_size=table_end)


def _read_table(data: bytes, start: int, n: int, body_length: int
                ) -> tuple[list[SectionInfo], int]:
    """The section table at ``start``; sections follow it back to back."""
    if n > MAX_SECTIONS:
        raise ImageError(f"section table: {n} sections is over the limit of {MAX_SECTIONS}")
    c = _Cursor(data, start, body_length, "section table", "<")
    entries = []
    try:
        for _ in range(n):
            entries.append((c.uint(1 << 16, "kind"), c.uint(MAX_IMAGE_SIZE, "length")))
    except ImageError as e:
        raise ImageError(str(e).replace("section table section:", "section table:")) from None
    sections, seen, pos = [], set(), c.pos
    for word, length in entries:
        kind, flags = word >> 1, word & SECTION_OPTIONAL
        name = SECTION_NAMES.get(kind, f"kind {kind}")
        if kind in seen:
            raise ImageError(f"section table: the {name} section appears twice")
        seen.add(kind)
        if pos + length > body_length:
            raise ImageError(f"section table: the {name} section ({pos}+{length}) runs past "
                             "the body")
        offset, pos = pos, pos + length
        if kind not in SECTION_NAMES:
            if flags & SECTION_OPTIONAL:
                continue
            raise ImageError(f"section table: unknown required section kind {kind}")
        sections.append(SectionInfo(kind, offset, length, flags))
    if pos != body_length:
        raise ImageError(f"section table: {body_length - pos} bytes after the last section")
    for kind in REQUIRED:
        if kind not in seen:
            raise ImageError(f"section table: the {SECTION_NAMES[kind]} section is missing")
    return sections, c.pos


# Opcodes reading a run of registers: (base operand, count operand, first offset).
_REGISTER_RUNS = {NAMES.index(name): run for name, run in (
    ("NEWARRAY", (1, 2, 0)), ("CALL", (2, 3, 1)), ("NEW", (2, 3, 0)),
    ("SUPERCALL", (1, 2, 0)), ("EVAL", (2, 3, 0)), ("CALLFN", (1, 2, 1)),
    ("CALLPROP", (1, 3, 1)))}
# Opcodes whose constant operand must be of one kind: (operand index, type).
_CONSTANT_KINDS = {NAMES.index(name): kind for name, kind in (
    ("EVAL", (4, EvalSite)), ("GETTEMPLATE", (1, TemplateSite)), ("DEFGLOBALS", (0, tuple)))}
# Opcodes after which control never falls through to the next instruction.
_TERMINATORS = frozenset(NAMES.index(name) for name in (
    "JMP", "RETURN", "RETURNUNDEF", "THROW", "THROWERROR"))


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
        if run is not None and ins[1 + run[1]] > 0:
            last = ins[1 + run[0]] + run[2] + ins[1 + run[1]] - 1
            if last >= registers:
                raise c.fail(f"{where} instruction {pc} ({NAMES[op]}): reads register "
                             f"r{last}, past its {registers} registers")


class _Body:
    """One function's bytecode, exception table and line table as stored, checked and
    decoded by :meth:`decode` (at once, or on first use for a lazily read image)."""

    __slots__ = ("cursor", "where", "raw", "handlers", "constants", "limits", "starts",
                 "lines", "lines_cursor", "from_code")

    def __init__(self, cursor: _Cursor, where: str, raw: bytes, handlers: list,
                 constants: list, limits: dict[str, int], from_code=None):
        self.cursor, self.where, self.raw, self.handlers = cursor, where, raw, handlers
        self.constants, self.limits = constants, limits
        self.from_code = from_code  # rebuilds the constant list kept in the bytecode
        self.starts: dict[int, int] = {}  # byte offset -> instruction index
        self.lines: list[tuple[int, int]] = []  # (byte offset, line) as stored
        self.lines_cursor = cursor

    def decode(self) -> tuple[list, list]:
        """The instructions (every operand checked) and the exception table."""
        c, where, constants = self.cursor, self.where, self.constants
        try:
            instructions = decode(self.raw)
        except (BytecodeError, IndexError) as e:
            raise c.fail(f"{where} bytecode: {e}") from None
        index_of = self.starts = {pos: k for k, pos in enumerate(instruction_starts(self.raw))}
        if self.from_code is not None:  # constants kept in the code: the list fills now
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
        out = []
        for offset, line in self.lines:
            if offset not in self.starts or line < 0:
                raise self.lines_cursor.fail(f"{self.where} line entry ({offset}, {line}) is "
                                             "malformed")
            out.append((self.starts[offset], line))
        return out


class _LazyCode(Code):
    """A function of a lazily read image (``read_image(..., lazy=True)``): everything
    but its instructions, exception table and line table is read and checked; those are
    decoded and checked on first use (its first call), then it becomes a plain ``Code``.
    So booting an image does not scale with the code it holds, and no instruction runs
    unchecked: a corrupt body raises ``ImageError`` instead of running."""

    @staticmethod
    def defer(code: Code, body: _Body) -> None:
        code.__class__ = _LazyCode
        state = code.__dict__
        del state["code"], state["handlers"], state["lines"]
        state["_body"] = body

    def load(self) -> None:
        body = self.__dict__["_body"]
        code, handlers = body.decode()
        lines = body.decode_lines()
        state = self.__dict__
        del state["_body"]
        state["code"], state["handlers"], state["lines"] = code, handlers, lines
        self.__class__ = Code

    def __getattr__(self, name: str):  # only for attributes not yet in the instance
        if name in ("code", "handlers", "lines") and "_body" in self.__dict__:
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


def _scan_rom_objects(c: _Cursor, n: int) -> list[int]:
    """The offsets of the ``n`` ROM objects at the cursor, which it moves past them: a
    skim of the layout ``read_rom_object`` decodes (no values made, nothing looked up),
    so a lazily read image finds its module table without decoding every object."""
    data, pos, end = c.data, c.pos, c.end
    function = KINDS.index("function")
    with_items = frozenset(KINDS.index(kind) for kind in ITEM_KINDS)

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
                raise c.fail("varint too long")

    def skip(pos: int) -> int:  # one value: a tag and its payload
        tag = data[pos]
        if tag == T_NUMBER:
            return pos + 9
        if tag >= T_BIGINT or tag == T_STRING:
            pos += 1
            while data[pos] & 0x80:
                pos += 1
        return pos + 1

    offsets = []
    try:
        for i in range(n):
            offsets.append(pos)
            flags = data[pos]
            kind = flags & R_KIND
            pos += 1
            if not flags & R_DEFAULT_PROTO:
                pos = skip(pos)
            if kind == function:
                pos = uint(pos)[1]
                k, pos = uint(pos)
                if k > end - pos:
                    raise c.fail(f"object {i} cells count {k} is more than the section holds")
                for _ in range(k):
                    pos = uint(pos)[1]
                pos = skip(skip(pos)) + 1
            elif kind in with_items:
                k, pos = uint(pos)
                if k > end - pos:
                    raise c.fail(f"object {i} items count {k} is more than the section holds")
                for _ in range(k):  # skip(), inlined: arrays are the bulk of a ROM
                    tag = data[pos]
                    if tag <= T_NUMBER:
                        pos += 9 if tag == T_NUMBER else 1
                    else:
                        pos += 1
                        while data[pos] & 0x80:
                            pos += 1
                        pos += 1
            k, pos = uint(pos)
            if 3 * k > end - pos:
                raise c.fail(f"object {i} properties count {k} is more than the section "
                             "holds")
            for _ in range(k):
                pos = skip(pos)
                flags = data[pos]
                pos = skip(pos + 1)
                if flags & ROM_ACCESSOR:
                    pos = skip(pos)
            if pos > end:
                break
    except IndexError:
        pos = end + 1
    if pos > end:
        raise c.fail("ends early")
    c.pos = pos
    return offsets


class _Decoder:
    def __init__(self, data: bytes, order: str, sections: list[SectionInfo]):
        self.data, self.order = data, order
        self.sections = sections
        self.by_kind = {s.kind: s for s in sections}
        self.bodies: list[_Body] = []  # per function: its bytecode as read
        self.lazy = False

    def cursor(self, kind: int) -> _Cursor:
        s = self.by_kind[kind]
        return _Cursor(self.data, s.offset, s.offset + s.length, s.name, self.order)

    def image(self, **header) -> Image:
        self.strings = self.read_strings()
        self.string_constants: dict[int, str] = {}  # the strings used as constants
        self.constants = self.read_constants()
        functions, sizes = self.read_functions()
        if LINES in self.by_kind:
            self.read_lines(functions)
        if SOURCES in self.by_kind:
            self.read_sources(functions)
        manifest = self.read_manifest()
        modules = self.read_modules(len(functions), manifest)
        rom = self.read_rom(functions) if ROM in self.by_kind else None
        constants = self.constants + [self.strings[i] for i in sorted(self.string_constants)]
        return Image(sections=self.sections, strings=self.strings, constants=constants,
                     functions=functions, code_sizes=sizes, modules=modules,
                     manifest=manifest, rom=rom, **header)

    def read_rom(self, functions: list[Code]) -> Rom:
        """The ROM snapshot; every object, cell and function reference is checked. Read
        lazily, objects are found by a scan and each decoded (and checked) on first use."""
        c = self.cursor(ROM)
        rom = Rom()
        value = self.value_reader = self.rom_value_reader(c)
        for i in range(c.count("cells")):
            rom.cells.append(value(f"cell {i}"))
        n = c.count("objects", 2)
        if self.lazy:
            offsets = _scan_rom_objects(c, n)
            section = self.by_kind[ROM]
            end = section.offset + section.length

            def decode(i: int) -> RomObject:
                cursor = _Cursor(self.data, offsets[i], end, section.name, self.order)
                return self.read_rom_object(cursor, i, n, functions, len(rom.cells))

            rom.objects = LazyObjects(n, decode)
        else:
            for i in range(n):
                rom.objects.append(self.read_rom_object(c, i, n, functions, len(rom.cells)))
        for i in range(c.count("modules", 2)):
            module = RomModule(self.string(c, f"module {i} specifier"))
            for j in range(c.count(f"module {i} exports", 2)):
                name = self.string(c, f"module {i} export {j}")
                module.exports.append((name, c.uint(len(rom.cells), f"module {i} export "
                                                                   f"{j} cell")))
            rom.modules.append(module)
        c.finish()
        for what, i in self.rom_refs:
            if i >= n:
                raise c.fail(f"an {what} reference ({i}) is past the {n} ROM objects")
        return rom

    def rom_value_reader(self, c: _Cursor):
        self.rom_refs: list[tuple[str, int]] = []  # checked once the object count is known

        def value(what: str) -> tuple:
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
                self.rom_refs.append(("object", i))
                return ("object", i)
            if tag in (T_INTRINSIC, T_SYMBOL):
                return ("intrinsic" if tag == T_INTRINSIC else "symbol", self.string(c, what))
            raise c.fail(f"{what}: unknown value tag {tag}")

        return value

    def read_rom_object(self, c: _Cursor, i: int, n: int, functions: list[Code],
                        ncells: int) -> RomObject:
        """ROM object ``i`` of ``n`` at the cursor; its object references are checked
        against ``n`` when the whole section is not being read (lazy reading)."""
        value = self.rom_value_reader(c) if self.lazy else self.value_reader
        where = f"object {i}"
        flags = c.byte()
        kind = flags & R_KIND
        if kind >= len(KINDS) or flags & ~(R_KIND | R_DEFAULT_PROTO | R_FUNCTION_PROPS) or (
                flags & R_FUNCTION_PROPS and KINDS[kind] != "function") or (
                flags & R_DEFAULT_PROTO and KINDS[kind] not in DEFAULT_PROTOS):
            raise c.fail(f"{where}: unknown kind or flags {flags}")
        obj = RomObject(KINDS[kind], ("intrinsic", DEFAULT_PROTOS[KINDS[kind]])
                        if flags & R_DEFAULT_PROTO else value(f"{where} prototype"))
        if obj.kind == "function":
            obj.code = functions[c.uint(len(functions), f"{where} function index")]
            for _ in range(c.count(f"{where} cells")):
                obj.cells.append(c.uint(ncells, f"{where} cell index"))
            obj.home = value(f"{where} home object")
            obj.this = value(f"{where} this")
            ctor = c.byte()
            if ctor >= len(CONSTRUCTOR_KINDS):
                raise c.fail(f"{where}: unknown constructor kind {ctor}")
            obj.constructor_kind = CONSTRUCTOR_KINDS[ctor]
        elif obj.kind in ITEM_KINDS:
            for j in range(c.count(f"{where} items")):
                obj.items.append(value(f"{where} item {j}"))
        if flags & R_FUNCTION_PROPS:
            obj.props.extend(_function_props(obj.code))
        for j in range(c.count(f"{where} properties", 3)):
            key = value(f"{where} property {j} key")
            if key[0] not in ("string", "symbol"):
                raise c.fail(f"{where} property {j}: a key must be a string or a symbol")
            flags = c.byte()
            if flags & ~15:
                raise c.fail(f"{where} property {j}: unknown attribute bits {flags}")
            if flags & ROM_ACCESSOR:
                getter = value(f"{where} property {j} getter")
                setter = value(f"{where} property {j} setter")
                obj.props.append((key, flags, ("undefined",), getter, setter))
            else:
                obj.props.append((key, flags, value(f"{where} property {j}"),
                                  ("undefined",), ("undefined",)))
        if self.lazy:
            for what, k in self.rom_refs:
                if k >= n:
                    raise c.fail(f"{where}: an {what} reference ({k}) is past the {n} ROM "
                                 "objects")
        return obj

    def string(self, c: _Cursor, what: str) -> str:
        return self.strings[c.uint(len(self.strings), f"{what} (string index)")]

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

    def const_ref(self, c: _Cursor, records: list, what: str):
        """A string (ref << 1) or one of ``records`` so far (ref << 1 | 1)."""
        return self.const_value(c, c.uint(what=f"{what} (const ref)"), records, what)

    def const_value(self, c: _Cursor, ref: int, records: list, what: str):
        if ref & 1:
            if ref >> 1 >= len(records):
                raise c.fail(f"{what}: constant {ref >> 1} is out of range (limit "
                             f"{len(records)})")
            return records[ref >> 1]
        if ref >> 1 >= len(self.strings):
            raise c.fail(f"{what}: string {ref >> 1} is out of range (limit "
                         f"{len(self.strings)})")
        self.string_constants[ref >> 1] = self.strings[ref >> 1]
        return self.strings[ref >> 1]

    def read_strings(self) -> list[str]:
        c = self.cursor(STRINGS)
        out = []
        for i in range(c.count("string")):
            raw = c.raw(c.uint(what=f"string {i} length"), f"string {i}")
            try:
                out.append(raw.decode("utf-8", "surrogatepass"))
            except UnicodeDecodeError:
                raise c.fail(f"string {i} is not valid UTF-8") from None
        c.finish()
        return out

    def read_constants(self) -> list:
        c = self.cursor(CONSTANTS)
        out: list = []
        for i in range(c.count("constant")):
            tag = c.byte()
            if tag == K_UNDEFINED:
                out.append(None)
            elif tag in (K_FALSE, K_TRUE):
                out.append(tag == K_TRUE)
            elif tag == K_FLOAT:
                out.append(struct.unpack(self.order + "d", c.raw(8, "number"))[0])
            elif tag == K_INTFLOAT:
                value = _unzigzag(c.uint(1 << 54, "integer"))
                out.append(float(value))
            elif tag == K_BIGINT:
                out.append(c.bigint())
            elif tag in (K_TUPLE, K_LIST):
                items = [self.const_ref(c, out, f"constant {i} item")
                         for _ in range(c.count(f"constant {i} item"))]
                out.append(tuple(items) if tag == K_TUPLE else items)
            elif tag == K_TEMPLATE:
                n = c.count(f"constant {i} strings")
                items = [self.const_ref(c, out, f"constant {i} item") for _ in range(2 * n)]
                if not all(v is None or isinstance(v, str) for v in items[:n]) or \
                        not all(isinstance(v, str) for v in items[n:]):
                    raise c.fail(f"constant {i}: a template's strings must be strings")
                out.append(TemplateSite(tuple(items[:n]), tuple(items[n:])))
            elif tag == K_EVALSITE:
                out.append(self.read_eval_site(c, f"constant {i}"))
            else:
                raise c.fail(f"constant {i} has unknown tag {tag}")
        c.finish()
        return out

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

    def read_functions(self) -> tuple[list[Code], list[int]]:
        c = self.cursor(FUNCTIONS)
        n = c.count("function", 7)
        if n == 0:
            raise c.fail("the image has no functions")
        codes: list[Code] = []
        children: list[list[int]] = []
        sizes: list[int] = []
        for i in range(n):
            code, kids, size = self.read_function(c, i, n)
            codes.append(code)
            children.append(kids)
            sizes.append(size)
        c.finish()
        parent = [-1] * n
        for i, kids in enumerate(children):
            for k in kids:
                if k <= i or parent[k] != -1:
                    raise c.fail(f"function {i} lists function {k} as a child: the function "
                                 "tree is malformed")
                parent[k] = i
            codes[i].functions = [codes[k] for k in kids]
        for i, code in enumerate(codes):
            if parent[i] == -1:
                if code.captures:
                    raise c.fail(f"function {i} captures cells but has no parent")
                continue
            p = codes[parent[i]]
            for slot in code.captures:
                if slot >= p.cells + len(p.captures):
                    raise c.fail(f"function {i} captures cell {slot} its parent does not have")
        return codes, sizes

    def read_function(self, c: _Cursor, i: int, n: int) -> tuple[Code, list[int], int]:
        where = f"function {i}"
        flags = c.uint(F_MAPPED_ARGUMENTS << 1, f"{where} flags")
        k = flags & F_KIND
        if len(FUNCTION_KINDS) < k < F_KIND:
            raise c.fail(f"{where} kind {k} is unknown")
        kind = FUNCTION_KINDS[k] if k < len(FUNCTION_KINDS) else \
            self.string(c, f"{where} kind")
        ref = c.uint(len(self.strings) + 1, f"{where} name")
        name = self.strings[ref - 1] if ref else DEFAULT_NAMES.get(kind, "")
        params, registers = (c.uint(MAX_COUNT, f"{where} {w}") for w in
                             ("params", "registers"))
        length = c.uint(MAX_COUNT, f"{where} length") if flags & F_LENGTH else params
        cells, this_cell = 0, -1
        if flags & F_CELLS:
            cells = c.uint(MAX_COUNT, f"{where} cells")
            this_cell = c.uint(MAX_COUNT, f"{where} this cell") - 1
        slots = cells  # own cells, then captured ones
        captures = [c.uint(MAX_COUNT, f"{where} capture") for _ in
                    range(c.count("capture") if flags & F_CAPTURES else 0)]
        slots += len(captures)
        if params > registers:
            raise c.fail(f"{where} has {params} parameters but {registers} registers")
        if this_cell >= slots:
            raise c.fail(f"{where} this cell {this_cell} is not one of its {slots} cells")
        param_cells = []
        for _ in range(c.count("parameter cell", 2) if flags & F_PARAM_CELLS else 0):
            reg = c.uint(registers, f"{where} parameter cell register")
            param_cells.append((reg, c.uint(slots, f"{where} parameter cell slot")))
        constants = [] if flags & F_CONSTS_IN_CODE else [
            self.const_ref(c, self.constants, f"{where} constant")
            for _ in range(c.count("constant"))]
        kids = [c.uint(n, f"{where} child") for _ in
                range(c.count("child function") if flags & F_CHILDREN else 0)]
        raw = c.raw(c.uint(what=f"{where} code length"), f"{where} code")
        handlers = []  # byte offsets as stored: checked against the decoded code
        for _ in range(c.count("handler", 4) if flags & F_HANDLERS else 0):
            spans = [c.uint(what=f"{where} handler {what}") for what in ("start", "end",
                                                                         "target")]
            tag = c.uint(2, f"{where} handler kind")
            handlers.append((*spans, "finally" if tag else None))
        body = _Body(c, where, raw, handlers, constants,
                     {"R": registers, "K": len(constants), "F": len(kids), "C": slots},
                     self.constants_from_code if flags & F_CONSTS_IN_CODE else None)
        code = Code(name=name, params=params, registers=registers, cells=cells,
                    captures=captures, param_cells=param_cells, constants=constants,
                    strict=bool(flags & F_STRICT),
                    kind=kind, generator=bool(flags & F_GENERATOR),
                    is_async=bool(flags & F_ASYNC), length=length,
                    uses_this=bool(flags & F_USES_THIS), this_cell=this_cell,
                    mapped_arguments=bool(flags & F_MAPPED_ARGUMENTS))
        if self.lazy:
            _LazyCode.defer(code, body)
        else:
            code.code, code.handlers = body.decode()
        self.bodies.append(body)  # for the lines section
        return code, kids, len(raw)

    def read_lines(self, codes: list[Code]) -> None:
        c = self.cursor(LINES)
        for i, code in enumerate(codes):
            offset, line, entries = 0, 0, []
            for _ in range(c.count(f"function {i} line", 2)):
                offset += c.uint(what=f"function {i} line offset")
                line += _unzigzag(c.uint(what=f"function {i} line"))
                entries.append((offset, line))
            body = self.bodies[i]
            body.lines, body.lines_cursor = entries, c
            if not self.lazy:
                code.lines = body.decode_lines()
        c.finish()

    def read_sources(self, codes: list[Code]) -> None:
        c = self.cursor(SOURCES)
        texts = [self.string(c, "source text") for _ in range(c.count("source text"))]
        for i, code in enumerate(codes):
            idx = c.uint(len(texts) + 1, f"function {i} source text")
            start = c.uint(what="source start")
            end = start + c.uint(what="source length")
            if idx:
                code.text = texts[idx - 1]
                if end > len(code.text):
                    raise c.fail(f"function {i} source span {start}..{end} is outside its "
                                 "text")
            code.source = (start, end)
        c.finish()

    def read_modules(self, nfunctions: int, manifest: Manifest) -> list[ModuleRecord]:
        c = self.cursor(MODULES)
        out = []
        for i in range(c.count("module", 4)):
            where = f"module {i}"
            specifier = self.string(c, f"{where} specifier")
            kind = MODULE_KINDS[c.uint(len(MODULE_KINDS), f"{where} kind")]
            function = c.uint(nfunctions, f"{where} function")
            requests = tuple(self.string(c, f"{where} request")
                             for _ in range(c.count("request")))
            imports = tuple(ImportEntry(*(self.string(c, f"{where} import") for _ in range(3)))
                            for _ in range(c.count("import", 3)))
            exports = tuple(ExportEntry(*(self.string(c, f"{where} export") for _ in range(4)))
                            for _ in range(c.count("export", 4)))
            out.append(ModuleRecord(specifier, kind, function, requests, imports, exports))
        c.finish()
        return out or [_default_module(manifest)]

    def read_manifest(self) -> Manifest:
        c = self.cursor(MANIFEST)
        flags = c.uint(16, "manifest flags")
        name, entry = (self.string(c, f"manifest {w}") for w in ("name", "entry"))
        version = self.string(c, "manifest version") if flags & M_VERSION else DEFAULT_VERSION
        quota = c.uint(what="heap quota") if flags & M_QUOTA else 0
        caps = tuple(self.string(c, "capability") for _ in
                     range(c.count("capability") if flags & M_CAPABILITIES else 0))
        steps = c.uint(what="step budget") if flags & M_STEPS else 0
        c.finish()
        return Manifest(name, version, entry, caps, quota, steps)


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
