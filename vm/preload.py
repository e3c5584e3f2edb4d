"""Preload: run a module graph at build time, snapshot it into ROM, boot from that ROM.

Build (:func:`snapshot`): a build-time machine loads, links and evaluates the graph,
then locks down. Every module's environment is the root: its cells (in RAM on a device,
so copied at boot) and the objects they reach. Functions are hardened, as lockdown
hardens the intrinsics' functions; any other object must already be frozen, and one that
is not is reported with its path (``PreloadError``) — the build fails rather than put a
mutable object into memory nothing may write. What passes is frozen into the ROM
segment and described by a :class:`compiler.bytecode.rom.Rom`; objects that are shared
intrinsics are named by a property path from a ``%Name%``.

Boot (:func:`boot`): a fresh machine locks down, makes the ROM objects (segment ROM,
frozen), gives every module environment cell its value, and registers one record per
module whose exports are those cells — no module code runs. The app starts by calling
the entry module's default export if it is a function (as a Moddable app's `main.js`
default export is called by its host).
"""

from __future__ import annotations

from compiler.bytecode.rom import Rom, RomModule, RomObject

from .builtins.keyed_data import EMPTY, KeyedData
from .harden import _freeze_in_place, harden
from .objects import (
    ACCESSOR,
    CONFIGURABLE,
    ROM,
    WRITABLE,
    Cell,
    JSArray,
    JSFunction,
    JSObject,
    Slot,
)
from .symbols import JSSymbol
from .values import HOLE, NULL, UNDEFINED


class PreloadError(Exception):
    """The graph cannot be preloaded; the message lists the offending paths."""


def intrinsic_paths(realm) -> dict[int, str]:
    """id -> shortest property path of every object reachable from the intrinsics."""
    paths: dict[int, str] = {}
    queue = []
    for name in sorted(realm.intrinsics):
        obj = realm.intrinsics[name]
        if isinstance(obj, JSObject) and id(obj) not in paths:
            paths[id(obj)] = name
            queue.append(obj)
    while queue:
        nxt = []
        for obj in queue:
            base = paths[id(obj)]
            for key, stored in list(obj.props.items()):
                if type(key) is not str:
                    continue
                steps = ((key, stored),) if type(stored) is not Slot else (
                    ((f"{key}@get", stored.getter), (f"{key}@set", stored.setter))
                    if stored.flags & ACCESSOR else ((key, stored.value),))
                for step, value in steps:
                    if isinstance(value, JSObject) and id(value) not in paths:
                        paths[id(value)] = f"{base}.{step}"
                        nxt.append(value)
        queue = nxt
    return paths


def resolve_path(realm, path: str):
    """The intrinsic a path of :func:`intrinsic_paths` names, in ``realm``."""
    end = path.find("%", 1) + 1
    obj = realm.intrinsics.get(path[:end]) if path.startswith("%") and end else None
    for step in path[end:].split(".")[1:]:
        if not isinstance(obj, JSObject):
            break
        stored = obj.props.get(step[:-4] if step[-4:] in ("@get", "@set") else step)
        if step.endswith("@get") or step.endswith("@set"):
            obj = (stored.getter if step.endswith("@get") else stored.setter) \
                if type(stored) is Slot else None
        else:
            obj = stored.value if type(stored) is Slot else stored
    if not isinstance(obj, JSObject):
        raise PreloadError(f"the image names an intrinsic this VM does not have: {path}")
    return obj


WELL_KNOWN = "Symbol."


def _keyed(obj: JSObject) -> bool:
    return type(obj) is JSObject and obj.class_name in ("Map", "Set") and \
        type(obj.internal) is KeyedData


def _unaliasable(obj: JSObject) -> str:
    """Why a writable object cannot be stored for aliasing ("" when it can): an alias is
    rebuilt as a plain extensible object, array, Map or Set."""
    if not obj.extensible:
        return "not extensible, yet not frozen"
    if type(obj) is JSArray and (not obj.length_writable or obj.sparse_length):
        return "an array with a fixed or sparse length, not frozen"
    return ""


def _frozen(obj: JSObject) -> bool:
    if obj.extensible:
        return False
    for key in obj.own_keys():
        slot = obj.get_own_property(key)
        if slot.flags & CONFIGURABLE or (not slot.flags & ACCESSOR and slot.flags & WRITABLE):
            return False
    return True


def snapshot(machine, records: list) -> tuple[Rom, list]:
    """The ROM of the evaluated module ``records`` (the entry first) of a locked-down
    ``machine``; also the hardened roots. Raises PreloadError listing unfrozen objects."""
    paths = intrinsic_paths(machine.realm)
    found: dict[int, tuple[JSObject, str]] = {}
    aliases: set[int] = set()  # objects that stay writable: aliased, never in ROM
    offenders: list[str] = []
    cells: dict[int, tuple[Cell, str]] = {}

    def visit(value, where: str) -> None:
        if isinstance(value, JSSymbol):
            if not str(value.description).startswith(WELL_KNOWN):
                offenders.append(f"{where} (a symbol that is not well-known)")
            return
        if not isinstance(value, JSObject) or id(value) in paths or id(value) in found:
            return
        found[id(value)] = (value, where)
        if isinstance(value, JSFunction):
            if value.fields:
                offenders.append(f"{where} (a class with fields)")
            harden(value)
            for i, cell in enumerate(value.cells):
                if id(cell) not in cells:
                    cells[id(cell)] = (cell, f"{where} [closure cell {i}]")
                    visit(cell.value, f"{where} [closure cell {i}]")
            visit(value.home_object, f"{where} [home object]")
            if value.this_value is not None:
                visit(value.this_value, f"{where} [this]")
        elif _keyed(value):  # a Map or Set: its entries can always change
            problem = _unaliasable(value)
            if problem:
                offenders.append(f"{where} ({problem})")
            aliases.add(id(value))
            data = value.internal
            for k, v in zip(data.keys, data.values, strict=True):
                if k is not EMPTY:
                    visit(k, f"{where} [key]")
                    visit(v, f"{where} [entry]")
        elif type(value) not in (JSObject, JSArray) or value.internal is not None:
            offenders.append(f"{where} (a {value.class_name} object, which preload cannot "
                             "store)")
            return
        elif not _frozen(value):  # copied into a Global's heap when it reaches it
            problem = _unaliasable(value)
            if problem:
                offenders.append(f"{where} ({problem})")
            aliases.add(id(value))
        visit(value.proto, f"{where} [prototype]")
        if type(value) is JSArray:
            for i, item in enumerate(value.items):
                visit(item, f"{where}[{i}]")
        for key, stored in value.props.items():
            name = key if type(key) is str else f"[{key.description}]"
            visit(key, f"{where}.{name}")
            if type(stored) is Slot:
                for part, v in (("", stored.value), ("@get", stored.getter),
                                ("@set", stored.setter)):
                    visit(v, f"{where}.{name}{part}")
            else:
                visit(stored, f"{where}.{name}")

    for record in records:
        for name, cell in record.env.items():
            where = f"{record.specifier}: {name}"
            if id(cell) not in cells:
                cells[id(cell)] = (cell, where)
                visit(cell.value, where)
    if offenders:
        raise PreloadError("objects reachable from preloaded modules cannot be stored:\n  " +
                           "\n  ".join(offenders))
    objects = [obj for obj, _ in found.values()]
    aliases = {i for i in aliases if _keyed(found[i][0]) or not _frozen(found[i][0])}
    for obj in objects:  # the rest is frozen already (or hardened, for functions)
        if id(obj) not in aliases:
            _freeze_in_place(obj)
            obj.segment = ROM
    index = {id(obj): i for i, obj in enumerate(objects)}
    cell_index = {key: i for i, key in enumerate(cells)}

    def value(v) -> tuple:
        if v is UNDEFINED or v is None:
            return ("undefined",)
        if v is NULL:
            return ("null",)
        if v is HOLE:
            return ("hole",)
        if type(v) is bool:
            return ("bool", v)
        if type(v) is float:
            return ("number", v)
        if type(v) is str:
            return ("string", v)
        if type(v) is int:
            return ("bigint", v)
        if isinstance(v, JSSymbol):
            return ("symbol", str(v.description))
        if id(v) in paths:
            return ("intrinsic", paths[id(v)])
        return ("object", index[id(v)])

    rom = Rom(cells=[value(cell.value) for cell, _ in cells.values()])
    for obj in objects:
        kind = "function" if isinstance(obj, JSFunction) else \
            "array" if type(obj) is JSArray else "object"
        if id(obj) in aliases:
            kind = f"alias-{obj.class_name.lower()}" if _keyed(obj) else f"alias-{kind}"
        out = RomObject(kind, value(obj.proto))
        if kind == "function":
            out.code = obj.code
            out.cells = [cell_index[id(c)] for c in obj.cells]
            out.home = value(obj.home_object)
            out.this = value(obj.this_value)
            out.constructor_kind = obj.constructor_kind or ""
        elif kind in ("array", "alias-array"):
            out.items = [value(v) for v in obj.items]
        elif kind in ("alias-map", "alias-set"):
            data = obj.internal
            out.items = [value(x) for k, v in zip(data.keys, data.values, strict=True)
                         if k is not EMPTY for x in (k, v)]
        for key, stored in obj.props.items():
            slot = stored if type(stored) is Slot else Slot(stored)
            out.props.append((value(key), slot.flags, value(slot.value), value(slot.getter),
                              value(slot.setter)))
        if kind == "array":  # an array's length is its items: never a stored property
            out.props = [p for p in out.props if p[0] != ("string", "length")]
        rom.objects.append(out)
    for record in records:
        module = RomModule(record.specifier)
        for name in record.get_exported_names():
            binding = record.resolve_export(name)
            if binding is None or binding.binding_name == "*namespace*" or \
                    id(binding.module.env.get(binding.binding_name)) not in cell_index:
                raise PreloadError(f"{record.specifier}: export {name} cannot be preloaded")
            module.exports.append((name, cell_index[id(binding.module.env[
                binding.binding_name])]))
        rom.modules.append(module)
    return rom, objects


class RomCell(Cell):
    """A module environment cell of a booted image whose value is still the ROM's: the
    value is made the first time the cell is read (or is simply replaced if written
    first), and from then on the cell is a plain ``Cell``. Its one slot holds
    ``(materialize, ROM cell index)`` meanwhile, so the class can be swapped in place."""

    __slots__ = ()

    def _read(self):
        materialize, stored = _CELL_SLOT.__get__(self)
        value = materialize(stored)
        _CELL_SLOT.__set__(self, value)
        self.__class__ = Cell
        return value

    def _write(self, value) -> None:
        _CELL_SLOT.__set__(self, value)
        self.__class__ = Cell

    value = property(_read, _write)

    def __repr__(self) -> str:
        return "<cell (in ROM)>"


_CELL_SLOT = Cell.__dict__["value"]


class _Materializer:
    """Makes the ROM objects of one boot on demand: an object is made (frozen, segment
    ROM, with its properties, items and prototype) the first time a cell's value or
    another object leads to it; cells stay a lazy boundary (``RomCell``)."""

    def __init__(self, machine, rom: Rom, g):
        from .symbols import WELL_KNOWN as symbols_by_name

        self.machine, self.rom, self.g, self.realm = machine, rom, g, machine.realm
        self.symbols = {s.description: s for s in symbols_by_name.values()}
        self.made: list[JSObject | None] = [None] * len(rom.objects)
        self.cells: list[Cell | None] = [None] * len(rom.cells)  # made when first named
        self.shells = machine.limits.rom_roots  # every object made, for the ROM report

    def cell(self, k: int) -> Cell:
        """Module-environment cell ``k`` of this boot: one object however it is reached
        (a module's export, a closure), its ROM value read when the cell first is."""
        cell = self.cells[k]
        if cell is None:
            cell = self.cells[k] = RomCell.__new__(RomCell)
            _CELL_SLOT.__set__(cell, (self.cell_value, k))
        return cell

    def cell_value(self, k: int):
        return self.value(self.rom.cells[k])

    def value(self, v: tuple):
        tag = v[0]
        if tag == "object":
            made = self.made[v[1]]
            return made if made is not None else self.make(v[1])
        if tag == "intrinsic":
            return resolve_path(self.realm, v[1])
        if tag == "symbol":
            if v[1] not in self.symbols:
                raise PreloadError(f"the image names an unknown symbol: {v[1]}")
            return self.symbols[v[1]]
        if tag in CONSTANTS:
            return CONSTANTS[tag]
        return v[1]

    def make(self, i: int) -> JSObject:
        """Object ``i``: its shell is registered first, so cycles end at it."""
        obj = self.rom.objects[i]
        realm = self.realm
        kind = obj.kind
        if kind.startswith("alias-"):
            return self.make_alias(i, obj)
        if kind == "function":
            shell = JSFunction(realm.function_prototype, obj.code, [], self.g)
        elif kind == "array":
            shell = JSArray(realm.array_prototype)
        else:
            shell = JSObject(None)
        self.made[i] = shell
        self.shells.append(shell)
        value = self.value
        proto = value(obj.proto)
        shell.proto = None if proto is NULL else proto
        if obj.kind == "function":
            shell.cells = [self.cell(k) for k in obj.cells]
            home = value(obj.home)
            shell.home_object = None if home is UNDEFINED else home
            this = value(obj.this)
            shell.this_value = None if this is UNDEFINED else this
            shell.constructor_kind = obj.constructor_kind or None
        elif obj.kind == "array":
            shell.items = [value(v) for v in obj.items]
            shell.length_writable = False
        for key, flags, val, getter, setter in obj.props:
            shell.props[value(key)] = Slot(value(val), flags, value(getter), value(setter)) \
                if flags != 7 else value(val)
        shell.extensible = False
        shell.segment = ROM
        return shell

    def make_alias(self, i: int, obj) -> JSObject:
        """An object that was writable at build time: this Global's own copy, made in its
        heap from the ROM's, which stays as it is (another Global, or another boot, makes
        its own copy from the same ROM)."""
        if obj.kind == "alias-array":
            made = JSArray(None)
        else:
            made = JSObject(None, obj.kind[6:].capitalize())
        self.made[i] = made
        value = self.value
        proto = value(obj.proto)
        made.proto = None if proto is NULL else proto
        if obj.kind == "alias-array":
            made.items = [value(v) for v in obj.items]
        elif obj.kind != "alias-object":
            made.internal = data = KeyedData()
            items = obj.items
            for k in range(0, len(items) - 1, 2):
                data.set(value(items[k]), value(items[k + 1]))
        for key, flags, val, getter, setter in obj.props:
            made.props[value(key)] = Slot(value(val), flags, value(getter), value(setter)) \
                if flags != 7 else value(val)
        return made

    def make_all(self) -> None:
        for i, made in enumerate(self.made):
            if made is None:
                self.make(i)


def boot(machine, rom: Rom, g=None):
    """Link ``rom``'s module records into a fresh ``machine`` (locked down first);
    returns the records, the entry first. No module code runs, and no ROM object is
    made yet: each is made when first reached (``RomCell``, ``_Materializer``), so
    booting costs the same whatever the number of modules."""
    from .modules import EVALUATED, SyntheticModule

    g = g or machine.main
    if not machine.hardened.done:
        machine.hardened.lockdown()
    made = _Materializer(machine, rom, g)
    machine.limits.rom_pending.append(made.make_all)  # the ROM report counts them all
    cell = made.cell
    records = []
    host = g.module_host
    for module in rom.modules:
        record = SyntheticModule(module.specifier, host, g, {})
        record.export_names = [name for name, _ in module.exports]
        record.env = {name: cell(i) for name, i in module.exports}
        record.status = EVALUATED
        host.module_map[(module.specifier, "javascript")] = record  # its cells: RAM roots
        records.append(record)
    return records


CONSTANTS = {"undefined": UNDEFINED, "null": NULL, "hole": HOLE}

__all__ = ["PreloadError", "boot", "snapshot"]


def build(entry: str, output=None):
    """Run the module graph of the file ``entry`` at build time and snapshot it.

    Returns ``(root, records, rom)``: a root ``Code`` whose children are the module
    bodies (the image's function table needs one root), the image's module records
    (the entry first, specifiers relative to the entry's folder, so builds do not
    depend on where they ran) and the ROM. Errors: UncaughtError (the graph threw),
    JSSyntaxError, PreloadError.
    """
    import os

    from compiler.bytecode.code import Code
    from compiler.bytecode.image import ExportEntry, ModuleRecord
    from compiler.bytecode.isa import OPCODE

    from .machine import Machine
    from .modules import SourceTextModule

    with open(entry, encoding="utf-8", errors="surrogateescape", newline="") as f:
        text = f.read()
    machine = Machine(output=output)
    machine.run_module(text, entry)
    base = os.path.dirname(os.path.abspath(entry))
    records = [r for r in machine.main.module_host.module_map.values()
               if isinstance(r, SourceTextModule)]
    if any(r.status != "evaluated" for r in records):
        raise PreloadError("a module of the graph did not finish evaluating")
    first = os.path.abspath(entry)
    records.sort(key=lambda r: (r.filename != first, os.path.relpath(r.filename, base)))
    for r in records:
        r.specifier = "./" + os.path.relpath(r.filename, base).replace(os.sep, "/")
    machine.hardened.lockdown()
    rom, _ = snapshot(machine, records)
    # a module body's cells are its environment, which the host supplies when it runs:
    # in the image (where it never runs) they are its own cells
    bodies = [r.compiled.code.replace(cells=len(r.compiled.env_names))
              for r in records]
    root = Code(name="", kind="script", code=[(OPCODE["RETURNUNDEF"],)], functions=bodies,
                strict=True)
    index, order = {}, [root]
    while order:  # preorder numbering, as the image writer flattens
        code = order.pop(0)
        index[id(code)] = len(index)
        order[:0] = code.functions
    modules = [ModuleRecord(r.specifier, "module", index[id(body)],
                            tuple(r.compiled.import_specifiers), (),
                            tuple(ExportEntry(m.exports[i][0], m.exports[i][0])
                                  for i in range(len(m.exports))))
               for r, m, body in zip(records, rom.modules, bodies, strict=True)]
    return root, modules, rom


def start(machine, rom: Rom) -> None:
    """Boot ``rom`` into ``machine`` and call the entry's default export, then run the
    jobs (errors are reported as ``run_script`` reports them)."""
    records = boot(machine, rom)
    main = records[0].env.get("default") if records else None
    if main is not None and isinstance(main.value, JSFunction):
        fn = main.value
        machine._guard(lambda: machine.interpreter.call(fn, UNDEFINED, []), machine.main)
    machine.run_jobs()
