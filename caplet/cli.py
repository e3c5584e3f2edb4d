"""The `caplet` command line."""

from __future__ import annotations

import sys

TYPE_CHECKING = False
if TYPE_CHECKING:  # the compiler is imported by the commands that parse (start-up matters)
    import argparse
    from collections import Counter

    from compiler import JSSyntaxError
    from compiler.ast import Node


def read_source(path: str) -> str:
    """Source text exactly as stored: no newline translation.

    A UTF-8 byte-order mark stays: JavaScript reads U+FEFF as whitespace, and keeping
    it keeps every offset equal to what acorn reports for the same file.
    """
    with open(path, "rb") as f:
        return f.read().decode("utf-8", errors="surrogateescape")


def format_syntax_error(err: JSSyntaxError, path: str) -> str:
    """`FILE:LINE:COL: SyntaxError: message`, the source line, and a caret under COL."""
    line = err.source_line()
    caret_col = len(line[: err.column].expandtabs(8)) if line else 0
    shown = line.expandtabs(8)
    return f"{path}:{err.line}:{err.column + 1}: SyntaxError: {err.message}\n{shown}\n" \
           f"{' ' * caret_col}^"


def summarize(program: Node) -> str:
    from collections import Counter

    from compiler.ast import iter_children

    counts: Counter[str] = Counter()
    stack = [program]
    while stack:
        node = stack.pop()
        counts[node.type] += 1
        stack.extend(iter_children(node))
    top = Counter(stmt.type for stmt in program.body)
    lines = [f"{program.sourceType}: {len(program.body)} top-level statements, "
             f"{sum(counts.values())} nodes, {program.end} code units"]
    lines += [f"  {n:5d}  {t}" for t, n in sorted(top.items(), key=lambda kv: (-kv[1], kv[0]))]
    return "\n".join(lines)


def cmd_parse(args: argparse.Namespace) -> int:
    import json

    from compiler import JSSyntaxError, parse
    from compiler.ast import to_json

    try:
        text = read_source(args.file)
    except OSError as e:
        print(f"caplet: cannot read {args.file}: {e.strerror}", file=sys.stderr)
        return 2
    module = args.module or args.file.endswith(".mjs")
    try:
        program = parse(text, module=module, filename=args.file)
    except JSSyntaxError as err:
        print(format_syntax_error(err, args.file), file=sys.stderr)
        return 1
    if args.json:
        sys.stdout.write(json.dumps(to_json(program), ensure_ascii=False,
                                    separators=(",", ":")) + "\n")
    else:
        print(summarize(program))
    return 0


def _compile_file(path: str, module: bool):
    from compiler import parse
    from compiler.codegen import compile_script

    text = read_source(path)
    if module:
        from compiler.module import compile_module

        return text, compile_module(text, path).code
    program = parse(text, module=module, filename=path)
    return text, compile_script(program, text, path)


def cmd_run(args: argparse.Namespace) -> int:
    import gc

    gc.disable()  # during start-up only: hosting.run_guarded turns it on again
    from . import image_commands

    if image_commands.is_image(args.file):
        return image_commands.run_image_command(args)
    try:
        text = read_source(args.file)
    except OSError as e:
        print(f"caplet: cannot read {args.file}: {e.strerror}", file=sys.stderr)
        return 2
    from compiler import JSSyntaxError

    from .hosting import make_machine, run_guarded

    machine = make_machine(report=bool(args.memory_report))
    if args.module or args.file.endswith(".mjs"):
        action = lambda: machine.run_module(text, args.file)  # noqa: E731
    else:
        action = lambda: machine.run_script(text, filename=args.file)  # noqa: E731
    try:
        return run_guarded(machine, action, args.memory_report)
    except JSSyntaxError as err:
        print(format_syntax_error(err, args.file), file=sys.stderr)
        return 1


def cmd_disasm(args: argparse.Namespace) -> int:
    from compiler import JSSyntaxError
    from compiler.bytecode.disasm import disassemble

    from . import image_commands

    if image_commands.is_image(args.file):
        return image_commands.disasm_image_command(args)
    try:
        text, code = _compile_file(args.file, args.module or args.file.endswith(".mjs"))
    except OSError as e:
        print(f"caplet: cannot read {args.file}: {e.strerror}", file=sys.stderr)
        return 2
    except JSSyntaxError as err:
        print(format_syntax_error(err, args.file), file=sys.stderr)
        return 1
    print(disassemble(code, text))
    if args.tier:  # what the translating tier makes of each function
        from vm.tier import listing

        print()
        print(listing(code))
    return 0


def cmd_test262(args: argparse.Namespace) -> int:
    from caplet.test262 import run_command

    return run_command(args.root, args.targets, args.jobs, args.json, args.timeout, args.depth)


def add_test262_command(sub) -> None:
    t = sub.add_parser("test262", help="run tc39/test262 tests on the reference VM")
    t.add_argument("--root", required=True, help="the test262 checkout")
    t.add_argument("targets", nargs="*", metavar="DIR|FILE", help="tests to run (default: "
                   "test/); relative to the root or to the current folder")
    t.add_argument("--jobs", type=int, default=1, help="worker processes (default 1)")
    t.add_argument("--json", metavar="OUT", help="write every run's result to OUT")
    t.add_argument("--timeout", type=float, default=10.0, help="seconds per run (default 10)")
    t.add_argument("--depth", type=int, default=3, help="folder depth of the table (default 3)")
    t.set_defaults(run=cmd_test262)


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The whole command line, or (``only``, one of CORE_COMMANDS) just that subcommand:
    `caplet run app.caplet` need not build and import every other command (start-up)."""
    import argparse

    ap = argparse.ArgumentParser(prog="caplet", description="Hardened JavaScript for "
                                 "microcontrollers: compile, simulate, flash.")
    sub = ap.add_subparsers(dest="command", required=True)
    if only is not None:
        CORE_COMMANDS[only](sub)
        return ap
    for add in CORE_COMMANDS.values():
        add(sub)
    from . import image_commands

    image_commands.add_commands(sub)
    from firmware_bridge.commands import register as register_device_commands

    register_device_commands(sub)
    return ap


def _add_parse(sub) -> None:
    p = sub.add_parser("parse", help="parse a JavaScript file and print its AST or a summary")
    p.add_argument("file")
    p.add_argument("--module", action="store_true", help="parse as an ES module (.mjs is "
                   "always a module)")
    p.add_argument("--json", action="store_true", help="print the ESTree AST as acorn would")
    p.set_defaults(run=cmd_parse)


def _add_run(sub) -> None:
    r = sub.add_parser("run", help="run a JavaScript program or a .caplet image on the "
                       "reference VM")
    r.add_argument("file")
    r.add_argument("--module", action="store_true", help="run as an ES module (.mjs is "
                   "always a module); imports are found relative to FILE")
    r.add_argument("--memory-report", metavar="FILE", help="at exit, write JSON to FILE ('-': "
                   "stderr): ROM bytes and each Global's live, peak bytes and quota")
    r.set_defaults(run=cmd_run)


def _add_disasm(sub) -> None:
    d = sub.add_parser("disasm", help="print the bytecode of a JavaScript file or an image")
    d.add_argument("file")
    d.add_argument("--module", action="store_true")
    d.add_argument("--tier", action="store_true", help="also print the Python source the "
                   "translating tier runs for each function")
    d.set_defaults(run=cmd_disasm)


# the commands this module defines: `caplet run ...` builds only the parser it needs
CORE_COMMANDS = {"test262": add_test262_command, "parse": _add_parse, "run": _add_run,
                 "disasm": _add_disasm}


def parse_args(argv: list[str]):
    """The command line's arguments. `caplet run FILE`, the command whose start-up is
    measured against node, is recognised without argparse (which imports gettext and
    locale): the result is the Namespace argparse would give."""
    if len(argv) == 2 and argv[0] == "run" and argv[1][:1] not in ("-", ""):
        from types import SimpleNamespace

        return SimpleNamespace(command="run", file=argv[1], module=False,
                               memory_report=None, run=cmd_run)
    first = argv[0] if argv else None
    return build_parser(first if first in CORE_COMMANDS else None).parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    try:
        return args.run(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `caplet ... | head`: the reader left, nothing to report
        return 0
    except MemoryError:  # the host ran out, not a bug: the same words node uses
        print("caplet: fatal: JavaScript heap out of memory (the host machine ran out)",
              file=sys.stderr)
        return 1
    except Exception as e:  # a bug of ours: say so plainly, never a traceback
        print(f"caplet: internal error ({type(e).__name__}: {e}); please report it",
              file=sys.stderr)
        return 70


if __name__ == "__main__":
    sys.exit(main())
