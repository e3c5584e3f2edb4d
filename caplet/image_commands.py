"""`caplet compile|inspect|verify|keygen|boards`, and `run`/`disasm` of `.caplet` images.

Start-up matters (`caplet run app.caplet` is meant to start as fast as node): this module
imports only the standard library at load time; the compiler, the VM and the crypto
library are imported by the commands that need them.
"""

from __future__ import annotations

import sys

TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse
    from pathlib import Path

MAGIC = b"\x89CPL"  # compiler.bytecode.image.MAGIC, repeated to avoid importing it
MANIFEST_FILE = "caplet.json"
MANIFEST_KEYS = {"name", "version", "entry", "capabilities", "heapQuota", "stepBudget"}


class CommandError(Exception):
    """A user-facing failure: printed as `caplet: error: ...`, exit status ``code``."""

    def __init__(self, message: str, code: int = 1):
        super().__init__(message)
        self.code = code


def error(message: str) -> None:
    print(f"caplet: error: {message}", file=sys.stderr)


def warn(message: str) -> None:
    print(f"caplet: warning: {message}", file=sys.stderr)


def is_image(path: str) -> bool:
    """Whether ``path`` names an image (by its first bytes, or by its suffix)."""
    if path.endswith(".caplet"):
        return True
    try:
        with open(path, "rb") as f:
            return f.read(len(MAGIC)) == MAGIC
    except OSError:
        return False


def _guarded(command):
    def run(args: argparse.Namespace) -> int:
        try:
            return command(args)
        except CommandError as e:
            error(str(e))
            return e.code
    return run


def _read_bytes(path: str) -> bytes:
    try:
        with open(path, "rb") as f:
            return f.read()
    except OSError as e:
        raise CommandError(f"cannot read {path}: {e.strerror}", 2) from None


def _write_bytes(path: str, data: bytes) -> None:
    try:
        with open(path, "wb") as f:
            f.write(data)
    except OSError as e:
        raise CommandError(f"cannot write {path}: {e.strerror}", 2) from None


def _board(name: str):
    from boards import BoardError, load_board

    try:
        return load_board(name)
    except BoardError as e:
        raise CommandError(str(e), 2) from None


def _load_image(path: str, *, board=None, public_key=None):
    from compiler.bytecode.image import ImageError, read_image

    data = _read_bytes(path)
    try:
        return read_image(data, board=board, public_key=public_key)
    except ImageError as e:
        raise CommandError(f"{path}: {e}") from None


def _known_board(name: str):
    """The profile named in an image's header, or None for a board caplet does not ship."""
    from boards import BoardError, is_board, load_board

    if not is_board(name):
        return None
    try:
        return load_board(name)
    except BoardError as e:
        raise CommandError(str(e), 2) from None


# --------------------------------------------------------------------- manifest


def read_manifest(entry: Path):
    import json
    """The manifest from `caplet.json` beside the entry, or defaults named after it."""
    from compiler.bytecode.image import Manifest

    path = entry.parent / MANIFEST_FILE
    defaults = {"name": entry.stem, "version": "0.0.0", "capabilities": [], "heapQuota": 0,
                "stepBudget": 0}
    if not path.exists():
        return Manifest(defaults["name"], defaults["version"], entry.name)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as e:
        raise CommandError(f"cannot read {path}: {e.strerror}", 2) from None
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise CommandError(f"{path}: not valid JSON: {e}") from None
    if not isinstance(data, dict):
        raise CommandError(f"{path}: must hold a JSON object")
    for key in sorted(set(data) - MANIFEST_KEYS):
        raise CommandError(f"{path}: {key}: unknown field (known: "
                           f"{', '.join(sorted(MANIFEST_KEYS))})")
    values = {**defaults, **data}
    for key in ("name", "version"):
        if not isinstance(values[key], str) or not values[key]:
            raise CommandError(f"{path}: {key}: must be a non-empty string")
    if "entry" in data and data["entry"] != entry.name:
        raise CommandError(f"{path}: entry: names {data['entry']!r}, but the entry compiled "
                           f"is {entry.name!r}")
    caps = values["capabilities"]
    if not isinstance(caps, list) or not all(isinstance(c, str) and c for c in caps):
        raise CommandError(f"{path}: capabilities: must be an array of non-empty strings")
    quota = values["heapQuota"]
    if type(quota) is not int or quota < 0:
        raise CommandError(f"{path}: heapQuota: must be a non-negative integer (bytes)")
    steps = values["stepBudget"]
    if type(steps) is not int or steps < 0:
        raise CommandError(f"{path}: stepBudget: must be a non-negative integer "
                           "(instructions per activation)")
    return Manifest(values["name"], values["version"], entry.name, tuple(sorted(set(caps))),
                    quota, steps)


# --------------------------------------------------------------------- commands


def cmd_compile(args: argparse.Namespace) -> int:
    from pathlib import Path

    from compiler import JSSyntaxError, parse
    from compiler.bytecode.image import ImageError, estimate_boot_ram, write_image
    from compiler.codegen import compile_script

    from .cli import format_syntax_error, read_source

    board = _board(args.board)
    entry = Path(args.entry)
    if args.preload:
        return compile_preloaded(args, board, entry)
    try:
        text = read_source(args.entry)
    except OSError as e:
        raise CommandError(f"cannot read {args.entry}: {e.strerror}", 2) from None
    if entry.suffix == ".mjs" or args.module or _is_module_entry(text, args.entry):
        print(f"caplet compile: {args.entry} is an ES module: its graph is preloaded (it "
              "runs now; the app starts at its default export)", file=sys.stderr)
        return compile_preloaded(args, board, entry)
    manifest = read_manifest(entry)
    key = None
    if args.sign:
        from compiler.bytecode import signing

        try:
            key = signing.load_private_key(args.sign)
        except signing.SigningKeyError as e:
            raise CommandError(str(e), 2) from None
    try:
        program = parse(text, module=False, filename=args.entry)
        code = compile_script(program, text, args.entry)
    except JSSyntaxError as err:
        print(format_syntax_error(err.locate(text, args.entry), args.entry), file=sys.stderr)
        return 1
    try:
        data = write_image(code, board=board, manifest=manifest, strip=args.strip,
                           signing_key=key)
    except ImageError as e:
        raise CommandError(f"{args.entry}: {e}") from None
    slot = board.flash.largest_slot
    if len(data) > slot:
        raise CommandError(f"the image is {len(data)} bytes; {board.name}'s app slots hold "
                           f"{slot} bytes")
    from compiler.bytecode.image import read_image

    image = read_image(data, board=board)  # what the device will check, checked here first
    ram = estimate_boot_ram(image, board.cost)["total"]
    budget = manifest.heap_quota or board.memory.heap_budget
    if manifest.heap_quota > board.memory.heap_budget:
        warn(f"the manifest's heap quota ({manifest.heap_quota} bytes) exceeds "
             f"{board.name}'s heap budget ({board.memory.heap_budget} bytes)")
    if ram > budget:
        warn(f"estimated RAM at boot is {ram} bytes, over the heap "
             f"{'quota' if manifest.heap_quota else 'budget'} of {budget} bytes on "
             f"{board.name}")
    _write_bytes(args.output, data)
    print(f"{args.output}: {len(data)} bytes for {board.name} "
          f"({100 * len(data) / slot:.1f}% of an app slot), estimated boot RAM {ram} bytes"
          f"{', stripped' if args.strip else ''}{', signed' if key else ''}")
    return 0


def _is_module_entry(text: str, filename: str) -> bool:
    """A `.js` entry that is only valid as a module: it has static imports or exports."""
    from compiler import JSSyntaxError, parse

    try:
        parse(text, module=False, filename=filename)
        return False
    except JSSyntaxError:
        pass
    try:
        program = parse(text, module=True, filename=filename)
    except JSSyntaxError:
        return False  # broken either way: report it as the script it claims to be
    return any(node.type.startswith(("Import", "Export")) for node in program.body)


def compile_preloaded(args: argparse.Namespace, board, entry: Path) -> int:
    """`caplet compile --preload`: run the graph now, store its frozen instances in ROM."""
    from compiler import JSSyntaxError
    from compiler.bytecode.image import ImageError, write_image
    from vm import UncaughtError
    from vm.preload import PreloadError, build

    from .cli import format_syntax_error

    manifest = read_manifest(entry)
    try:
        root, modules, rom = build(str(entry), output=lambda line: print(
            f"caplet: preload: {line}", file=sys.stderr))
    except OSError as e:
        raise CommandError(f"cannot read {e.filename}: {e.strerror}", 2) from None
    except JSSyntaxError as err:
        print(format_syntax_error(err, err.filename or args.entry), file=sys.stderr)
        return 1
    except UncaughtError as err:
        raise CommandError(f"preload: the module graph threw: {err}") from None
    except PreloadError as err:
        raise CommandError(f"preload: {err}") from None
    key = None
    if args.sign:
        from compiler.bytecode import signing

        key = signing.load_private_key(args.sign)
    try:
        data = write_image(root, board=board, manifest=manifest, modules=modules,
                           strip=args.strip, signing_key=key, rom=rom)
    except ImageError as e:
        raise CommandError(f"{args.entry}: {e}") from None
    slot = board.flash.largest_slot
    if len(data) > slot:
        raise CommandError(f"the image is {len(data)} bytes; {board.name}'s app slots hold "
                           f"{slot} bytes")
    _write_bytes(args.output, data)
    print(f"{args.output}: {len(data)} bytes for {board.name} "
          f"({100 * len(data) / slot:.1f}% of an app slot), {len(modules)} preloaded "
          f"modules, {len(rom.objects)} ROM objects{', stripped' if args.strip else ''}"
          f"{', signed' if key else ''}")
    return 0


def describe(image, path: str) -> dict:
    """What `caplet inspect` shows, as JSON-ready data."""
    from compiler.bytecode.image import estimate_boot_ram

    board = _known_board(image.board)
    funcs = []
    for i, code in enumerate(image.functions):
        funcs.append({"index": i, "name": code.name, "kind": code.kind,
                      "bytecode": image.code_sizes[i], "instructions": len(code.code),
                      "registers": code.registers, "cells": code.cells,
                      "constants": len(code.constants)})
    out = {
        "file": path, "size": image.size, "board": image.board, "arch": image.arch,
        "endianness": image.endianness, "word_size": image.word_size,
        "format_version": image.format_version, "isa_version": image.isa_version,
        "stripped": image.stripped, "signed": image.signed, "digest": image.digest.hex(),
        "header_bytes": image.header_size,
        "sections": [{"name": s.name, "offset": s.offset, "size": s.length}
                     for s in image.sections],
        "functions": funcs,
        "strings": image.strings,
        "modules": [{"specifier": m.specifier, "kind": m.kind, "function": m.function,
                     "requests": list(m.requests),
                     "imports": [i.as_dict() for i in m.imports],
                     "exports": [e.as_dict() for e in m.exports]} for m in image.modules],
        "manifest": {"name": image.manifest.name, "version": image.manifest.version,
                     "entry": image.manifest.entry,
                     "capabilities": list(image.manifest.capabilities),
                     "heapQuota": image.manifest.heap_quota,
                     **({"stepBudget": image.manifest.step_budget}
                        if image.manifest.step_budget else {})},
        "rom_objects": None if image.rom is None else len(image.rom.objects),
    }
    if board is not None:
        ram = estimate_boot_ram(image, board.cost)
        out["boot_ram"] = {**ram, "heap_budget": board.memory.heap_budget,
                           "slot_size": board.flash.largest_slot}
    else:
        out["boot_ram"] = None
    return out


def _show_text(text: str, width: int = 60) -> str:
    import json
    shown = json.dumps(text, ensure_ascii=False)
    return shown if len(shown) <= width else shown[:width - 4] + '..."'


def cmd_inspect(args: argparse.Namespace) -> int:
    import json
    image = _load_image(args.image)
    info = describe(image, args.image)
    if args.json:
        print(json.dumps(info, ensure_ascii=False, indent=2))
        return 0
    lines = [f"{args.image}: {info['size']} bytes, image format {info['format_version']}, "
             f"ISA {info['isa_version']}",
             f"  board {info['board']} ({info['arch']}, {info['endianness']}-endian, "
             f"{info['word_size']}-byte words){', stripped' if info['stripped'] else ''}"
             f"{', signed' if info['signed'] else ''}",
             f"  sha-256 {info['digest']}", "", "sections:",
             f"  {'header+table':<14}{info['header_bytes']:>8}"]
    lines += [f"  {s['name']:<14}{s['size']:>8}  @{s['offset']}" for s in info["sections"]]
    lines += [f"  rom objects    {info['rom_objects'] or 0}", "",
              f"functions ({len(info['functions'])}):"]
    lines += [f"  f{f['index']:<4}{f['bytecode']:>6} B  {f['instructions']:>5} ins  "
              f"{f['kind']:<11} {f['name'] or '<anonymous>'}" for f in info["functions"]]
    lines += ["", f"strings ({len(info['strings'])}):"]
    lines += [f"  s{i:<4}{_show_text(s)}" for i, s in enumerate(info["strings"])]
    lines += ["", "modules:"]
    for m in info["modules"]:
        lines.append(f"  {m['specifier']} ({m['kind']}, body f{m['function']})")
        lines += [f"    import {i['import_name']} as {i['local_name']} from "
                  f"{i['specifier']}" for i in m["imports"]]
        lines += [f"    export {e['export_name']}" for e in m["exports"]]
    man = info["manifest"]
    lines += ["", f"manifest: {man['name']} {man['version']}, entry {man['entry'] or '-'}, "
              f"capabilities [{', '.join(man['capabilities'])}], heap quota "
              f"{man['heapQuota'] or 'board default'}"
              + (f", step budget {man['stepBudget']}" if man.get("stepBudget") else "")]
    ram = info["boot_ram"]
    if ram is None:
        lines.append(f"estimated boot RAM: unknown board {info['board']}")
    else:
        parts = ", ".join(f"{k} {v}" for k, v in ram.items()
                          if k not in ("total", "heap_budget", "slot_size"))
        lines.append(f"estimated boot RAM: {ram['total']} bytes of a {ram['heap_budget']}-byte "
                     f"heap budget ({parts})")
    print("\n".join(lines))
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    key = None
    if args.key:
        from compiler.bytecode import signing

        try:
            key = signing.load_public_key(args.key)
        except signing.SigningKeyError as e:
            raise CommandError(str(e), 2) from None
    data = _read_bytes(args.image)
    from compiler.bytecode.image import ImageError, read_image

    try:
        image = read_image(data, public_key=key)
        board = _known_board(image.board)
        if board is not None:
            image = read_image(data, board=board, public_key=key)
    except ImageError as e:
        raise CommandError(f"{args.image}: {e}") from None
    if board is None:
        warn(f"{args.image}: board {image.board!r} is not one caplet knows; its fit was not "
             "checked")
    sig = ("signature verified" if image.signature_verified else
           "signed (no key given: signature not checked)" if image.signed else "not signed")
    print(f"{args.image}: ok: {image.size} bytes for {image.board}, sha-256 "
          f"{image.digest.hex()}, {sig}")
    return 0


def cmd_keygen(args: argparse.Namespace) -> int:
    from pathlib import Path

    from compiler.bytecode import signing

    private, public = Path(args.output + ".key"), Path(args.output + ".pub")
    for path in (private, public):
        if path.exists() and not args.force:
            raise CommandError(f"{path} exists; use --force to replace it", 2)
    priv_pem, pub_pem = signing.generate()
    try:
        private.touch(mode=0o600, exist_ok=True)
        private.chmod(0o600)
    except OSError as e:
        raise CommandError(f"cannot write {private}: {e.strerror}", 2) from None
    _write_bytes(str(private), priv_pem)
    _write_bytes(str(public), pub_pem)
    print(f"wrote {private} (private, keep it secret) and {public} (public)")
    return 0


def cmd_boards(args: argparse.Namespace) -> int:
    import json

    from boards import BoardError, board_names, load_board

    rows = []
    for name in board_names():
        try:
            b = load_board(name)
        except BoardError as e:
            raise CommandError(str(e)) from None
        rows.append(b)
    if args.json:
        print(json.dumps([{
            "name": b.name, "title": b.title, "mcu": b.mcu, "arch": b.arch,
            "endianness": b.endianness, "word_size": b.word_size, "clock_hz": b.clock_hz,
            "flash": b.flash.size, "erase_sector": b.flash.erase_sector_size,
            "slots": [{"name": s.name, "offset": s.offset, "size": s.size}
                      for s in b.flash.slots],
            "ram": b.memory.ram, "heap_budget": b.memory.heap_budget,
            "stack_budget": b.memory.stack_budget, "default_baud": b.serial.default_baud,
            "max_baud": b.serial.max_baud} for b in rows], indent=2))
        return 0
    head = (f"{'board':<19}{'mcu':<32}{'arch':<14}{'flash':>7}{'sector':>8}{'slots':>12}"
            f"{'RAM':>7}{'heap':>7}{'baud':>9}")
    print(head)
    for b in rows:
        slots = f"{len(b.flash.slots)}x{b.flash.largest_slot // 1024}K"
        print(f"{b.name:<19}{b.mcu[:31]:<32}{b.arch:<14}{b.flash.size // 1024:>6}K"
              f"{b.flash.erase_sector_size // 1024:>7}K{slots:>12}{b.memory.ram // 1024:>6}K"
              f"{b.memory.heap_budget // 1024:>6}K{b.serial.default_baud:>9}")
    return 0


def run_image(path: str, memory_report: str | None = None) -> int:
    """`caplet run app.caplet`: check the image for its board, then run its entry under
    the board's limits (the manifest's heap quota, else the board's heap budget, as the
    main Global's quota; a default instruction budget per turn)."""
    from compiler.bytecode.image import ImageError, board_name_of, read_image

    data = _read_bytes(path)
    name = board_name_of(data)
    board = _known_board(name) if name is not None else None
    try:
        image = read_image(data, board=board, lazy=True)  # each function checked on first use
    except ImageError as e:
        raise CommandError(f"{path}: {e}") from None
    if image.rom is None and any(m.kind != "script" for m in image.modules):
        raise CommandError(f"{path}: a module image without a ROM snapshot cannot run")
    from .hosting import DEFAULT_TURN_BUDGET, make_machine, run_guarded

    quota = image.manifest.heap_quota or (board.memory.heap_budget if board else None)
    machine = make_machine(cost=board.cost if board else None, quota=quota,
                           instructions=DEFAULT_TURN_BUDGET, report=bool(memory_report))
    if image.rom is not None:
        from vm.preload import start

        action = lambda: start(machine, image.rom)  # noqa: E731
    else:
        action = lambda: machine.run_code(image.entry)  # noqa: E731
    try:
        return run_guarded(machine, action, memory_report)
    except ImageError as e:  # a corrupt function, found when it was first called: it never ran
        raise CommandError(f"{path}: {e}") from None


def disasm_image(path: str) -> int:
    from compiler.bytecode.disasm import disassemble

    image = _load_image(path)
    source = next((f.text for f in image.functions if f.text is not None), None)
    print(disassemble(image.entry, source))
    return 0


def add_commands(sub) -> None:
    """Register the image and board subcommands on the CLI's subparsers."""
    import argparse

    c = sub.add_parser("compile", help="compile a script into a .caplet image for a board")
    c.add_argument("entry")
    c.add_argument("-o", "--output", required=True, help="the image file to write")
    c.add_argument("--board", required=True, help="target board (see `caplet boards`)")
    c.add_argument("--strip", action="store_true", help="leave out line tables and sources")
    c.add_argument("--sign", metavar="KEY", help="sign with this Ed25519 private key (PEM)")
    c.add_argument("--module", action="store_true", help=argparse.SUPPRESS)
    c.add_argument("--preload", action="store_true", help="run the module graph now and "
                   "store its frozen instances in the image's ROM: booting runs no module "
                   "code (the entry's default export, if a function, is the app's main)")
    c.set_defaults(run=_guarded(cmd_compile))
    i = sub.add_parser("inspect", help="show the sections, functions, strings, modules and "
                       "manifest of an image")
    i.add_argument("image")
    i.add_argument("--json", action="store_true")
    i.set_defaults(run=_guarded(cmd_inspect))
    v = sub.add_parser("verify", help="check an image's integrity, board fit and signature")
    v.add_argument("image")
    v.add_argument("--key", metavar="PUB", help="Ed25519 public key (PEM) the signature must "
                   "verify against")
    v.set_defaults(run=_guarded(cmd_verify))
    k = sub.add_parser("keygen", help="write an Ed25519 key pair for signing images")
    k.add_argument("-o", "--output", default="caplet", help="file name prefix: PREFIX.key "
                   "and PREFIX.pub (default: caplet)")
    k.add_argument("--force", action="store_true", help="replace existing key files")
    k.set_defaults(run=_guarded(cmd_keygen))
    b = sub.add_parser("boards", help="list the board profiles with their key figures")
    b.add_argument("--json", action="store_true")
    b.set_defaults(run=_guarded(cmd_boards))


run_image_command = _guarded(lambda args: run_image(args.file,
                                                   getattr(args, "memory_report", None)))
disasm_image_command = _guarded(lambda args: disasm_image(args.file))
