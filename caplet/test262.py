"""The project's own test262 runner: ``caplet test262 --root PATH [DIR|FILE ...]``.

It follows test262's INTERPRETING.md: each test runs in a fresh :class:`vm.Machine`
after ``harness/assert.js``, ``harness/sta.js`` (``doneprintHandle.js`` for async
tests) and the test's ``includes``; once non-strict and once with ``"use strict";``
prepended unless its flags say otherwise; negative tests must fail in the phase and
with the constructor they name. The host gives each Global ``print`` and ``$262``.

Speed: the workers are processes that live for the whole run (``--jobs``) and compile
each harness file once (a compiled :class:`Code` is plain data, so every new machine
runs the same one). Safety: an instruction budget and a wall-clock limit stop runaway
tests inside the VM, the parent kills a worker that does not answer in time, and a
Python exception escaping the VM is a failure that names its type, never the end of
the run.
"""

from __future__ import annotations

import gc
import multiprocessing as mp
import sys
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from pathlib import Path

# Features the VM does not implement yet (or that this host cannot give): their tests
# are reported as skipped, with the reason, never as passed. Measured on test262's
# test/language and test/built-ins; remove a line when the feature lands.
SKIP_FEATURES: dict[str, str] = {
    # Proposals (not in ECMA-262 yet) and host facilities left to other issues.
    "decorators": "proposal",
    "import-defer": "proposal",
    "source-phase-imports": "proposal",
    "source-phase-imports-module-source": "proposal",
    "import-text": "proposal",
    "import-bytes": "proposal",
    "immutable-arraybuffer": "proposal",
    "Temporal": "proposal",
    "iterator-sequencing": "proposal",
    "joint-iteration": "proposal",
    "iterator-chunking": "proposal",
    "iterator-includes": "proposal",
    "Iterator.prototype.join": "proposal",
    "ShadowRealm": "proposal",
    "Atomics": "no shared memory on this host",
    "SharedArrayBuffer": "no shared memory on this host",
    "IsHTMLDDA": "host has no [[IsHTMLDDA]] object",
    "tail-call-optimization": "no proper tail calls (call depth is bounded)",
    "cross-realm": "$262.createRealm shares the machine's intrinsics",
}

# Features that are a global of the standard library: skipped while the VM's global
# object lacks that name (a later issue brings them), run as soon as it has it.
GLOBAL_FEATURES: dict[str, str] = {
    "TypedArray": "Int8Array", "resizable-arraybuffer": "ArrayBuffer",
    **{name: name for name in (
        "Map", "Set", "WeakMap", "WeakSet", "WeakRef", "FinalizationRegistry", "Proxy",
        "ArrayBuffer", "DataView", "Float16Array", "Int8Array", "Uint8Array",
        "Uint8ClampedArray", "Int16Array", "Uint16Array", "Int32Array", "Uint32Array",
        "Float32Array", "Float64Array", "BigInt64Array", "BigUint64Array")},
}

# Flags this host cannot honour. The desktop host's agent can block ([[CanBlock]] true).
SKIP_FLAGS: dict[str, str] = {"CanBlockIsFalse": "host agent can block"}

STRICT_PREFIX = '"use strict";\n'
ASYNC_DONE = "Test262:AsyncTestComplete"
ASYNC_FAILED = "Test262:AsyncTestFailure:"
UNSUPPORTED = "not supported yet"  # how the code generator names what it cannot compile yet


# --- the frontmatter ------------------------------------------------------------------


@dataclass(frozen=True)
class Meta:
    """The keys of a test's ``/*--- ... ---*/`` block that decide how it runs."""

    includes: tuple[str, ...] = ()
    flags: frozenset[str] = frozenset()
    features: frozenset[str] = frozenset()
    locale: tuple[str, ...] = ()
    negative_phase: str | None = None
    negative_type: str | None = None


def _scalar(text: str) -> str:
    text = text.split(" #", 1)[0].strip()
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "'\"":
        text = text[1:-1]
    return text


def _flow(text: str) -> list[str]:
    """The items of a YAML flow sequence ``[a, b]`` (or a lone scalar)."""
    inner = text.split(" #", 1)[0].strip()
    if inner.startswith("[") and inner.endswith("]"):
        inner = inner[1:-1]
    return [_scalar(item) for item in inner.split(",") if item.strip()]


def parse_frontmatter(source: str) -> Meta | None:
    """Read the YAML subset test262 uses for these keys (None: the test has no block).

    Top-level ``key: value`` pairs; flow sequences (possibly over several lines), block
    sequences of ``- item`` lines, and ``negative`` as a block or flow mapping. Other
    keys (description, info, ...) and block scalars are passed over.
    """
    begin = source.find("/*---")
    if begin < 0:
        return None
    end = source.find("---*/", begin)
    if end < 0:
        return None
    lists: dict[str, list[str]] = {"includes": [], "flags": [], "features": [], "locale": []}
    negative: dict[str, str] = {}
    key: str | None = None
    pending = ""  # an unfinished flow sequence
    for raw in source[begin + 5:end].splitlines():
        line = raw.rstrip()
        if pending:
            pending += " " + line.strip()
            if "]" in line and key in lists:
                lists[key] = _flow(pending)
                pending = ""
            continue
        if not line.strip():
            continue
        stripped = line.strip()
        if not line[0].isspace():
            name, _, rest = stripped.partition(":")
            key, rest = name.strip(), rest.strip()
            if key in lists and rest:
                if rest.startswith("[") and "]" not in rest:
                    pending = rest
                else:
                    lists[key] = _flow(rest)
            elif key == "negative" and rest.startswith("{"):
                for part in rest.strip("{} ").split(","):
                    k, _, v = part.partition(":")
                    negative[k.strip()] = _scalar(v)
            continue
        if key in lists and stripped.startswith("-"):
            lists[key].append(_scalar(stripped[1:]))
        elif key == "negative" and ":" in stripped:
            k, _, v = stripped.partition(":")
            negative[k.strip()] = _scalar(v)
    return Meta(tuple(lists["includes"]), frozenset(lists["flags"]),
                frozenset(lists["features"]), tuple(lists["locale"]),
                negative.get("phase"), negative.get("type"))


def modes(meta: Meta) -> list[str]:
    """The runs a test asks for: ``non-strict``, ``strict`` or ``module`` (raw: as is)."""
    if "module" in meta.flags:
        return ["module"]
    if "raw" in meta.flags or "noStrict" in meta.flags:
        return ["non-strict"]
    if "onlyStrict" in meta.flags:
        return ["strict"]
    return ["non-strict", "strict"]


def missing_globals() -> frozenset[str]:
    """The features of ``GLOBAL_FEATURES`` whose global a new machine does not have."""
    from vm.machine import Machine

    names = Machine().main.global_object
    return frozenset(f for f, name in GLOBAL_FEATURES.items() if not names.has_property(name))


def skip_reason(meta: Meta, missing: frozenset[str] = frozenset()) -> str | None:
    """Why this host does not run the test (``missing``: see missing_globals), or None."""
    unknown = sorted(meta.features & SKIP_FEATURES.keys())
    if unknown:
        return f"feature {unknown[0]}: {SKIP_FEATURES[unknown[0]]}"
    absent = sorted(meta.features & missing)
    if absent:
        return f"feature {absent[0]}: no {GLOBAL_FEATURES[absent[0]]} yet"
    for flag in sorted(meta.flags & SKIP_FLAGS.keys()):
        return f"flag {flag}: {SKIP_FLAGS[flag]}"
    return None


def read_source(path: Path) -> str:
    """A file's text exactly as stored (no newline translation; bad bytes kept)."""
    return path.read_bytes().decode("utf-8", errors="surrogateescape")


# --- running one test (inside a worker) -----------------------------------------------


@dataclass
class Result:
    path: str  # relative to the root: test/language/...
    mode: str  # non-strict | strict | module
    status: str  # pass | fail | skip
    message: str = ""
    cause: str = ""  # a short class of the outcome, for grouping failures
    seconds: float = 0.0

    def as_json(self) -> dict:
        return {"path": self.path, "mode": self.mode, "status": self.status,
                "message": self.message, "cause": self.cause,
                "seconds": round(self.seconds, 3)}


class _Outcome(Exception):
    """How a run ended other than normally: phase, constructor name, message."""

    def __init__(self, phase: str, name: str, message: str):
        super().__init__(message)
        self.phase, self.name, self.message = phase, name, message


class Runner:
    """Runs test cases in fresh machines; one per worker process, harness code cached."""

    def __init__(self, root: Path, timeout: float = 10.0, step_chunk: int = 200_000):
        self.root = root
        self.timeout = timeout
        self.step_chunk = step_chunk
        self.harness: dict[str, object] = {}  # file name -> Code, or _Outcome if it failed

    # -- the harness, compiled once ----------------------------------------------------

    def harness_code(self, name: str):
        code = self.harness.get(name)
        if code is None:
            try:
                code = self.compile(read_source(self.root / "harness" / name),
                                    f"harness/{name}", "harness")
            except OSError as e:
                code = _Outcome("harness", "OSError", f"harness/{name}: {e.strerror}")
            except _Outcome as e:
                code = _Outcome("harness", e.name, f"harness/{name}: {e.message}")
            self.harness[name] = code
        if isinstance(code, _Outcome):
            raise code
        return code

    @staticmethod
    def compile(text: str, filename: str, phase: str = "parse"):
        """Parse and compile a script; a SyntaxError becomes an ``_Outcome``."""
        from compiler import JSSyntaxError, parse
        from compiler.codegen import compile_script

        try:
            program = parse(text, module=False, filename=filename)
        except JSSyntaxError as e:
            raise _Outcome(phase, "SyntaxError", "SyntaxError: " + e.message) from None
        try:
            return compile_script(program, text, filename)
        except JSSyntaxError as e:
            kind = "unsupported" if UNSUPPORTED in e.message else phase
            raise _Outcome(kind, "SyntaxError", "SyntaxError: " + e.message) from None

    # -- one case ----------------------------------------------------------------------

    def run_case(self, rel: str, mode: str) -> Result:
        start = time.perf_counter()
        try:
            source = read_source(self.root / rel)
        except OSError as e:
            return Result(rel, mode, "fail", f"cannot read: {e.strerror}", "OSError")
        meta = parse_frontmatter(source) or Meta()
        try:
            status, message, cause = self.judge(meta, self.execute(rel, source, meta, mode))
        except Exception as e:  # noqa: BLE001 - a bug in the VM is a result, not a crash
            status, message, cause = "fail", f"{type(e).__name__}: {e}", \
                f"Python {type(e).__name__}"
        return Result(rel, mode, status, message[:500], cause, time.perf_counter() - start)

    def judge(self, meta: Meta, outcome: _Outcome | list[str]) -> tuple[str, str, str]:
        """(status, message, cause) from how the run ended and what the test expects."""
        expected = meta.negative_phase
        if isinstance(outcome, list):  # ran to the end; outcome is what print() saw
            if expected:
                return "fail", f"expected {meta.negative_type} ({expected} phase), " \
                               "but the test completed", f"missing {meta.negative_type}"
            if "async" in meta.flags:
                failure = next((m for m in outcome if m.startswith(ASYNC_FAILED)), None)
                if failure is not None:
                    return "fail", failure[len(ASYNC_FAILED):].strip(), "async failure"
                if ASYNC_DONE not in outcome:
                    return "fail", "async test never printed " + ASYNC_DONE, "async incomplete"
            return "pass", "", ""
        if outcome.phase in ("unsupported", "harness", "timeout", "crash"):
            cause = {"unsupported": "unsupported", "harness": "harness error",
                     "timeout": "timeout", "crash": f"Python {outcome.name}"}[outcome.phase]
            return "fail", outcome.message, cause
        phase = outcome.phase
        if expected == "resolution" and phase == "runtime":
            # A host reports a failed link as a thrown error; these tests call
            # $DONOTEVALUATE() first, so evaluation cannot be where it came from.
            phase = "resolution"
        if expected == phase and meta.negative_type == outcome.name:
            return "pass", "", ""
        if expected:
            return "fail", f"expected {meta.negative_type} ({expected} phase), got " \
                           f"{outcome.name} ({outcome.phase} phase): {outcome.message}", \
                           f"{outcome.name} instead of {meta.negative_type}"
        return "fail", outcome.message, f"{outcome.name} ({outcome.phase})"

    def execute(self, rel: str, source: str, meta: Meta, mode: str) -> _Outcome | list[str]:
        """Run one case in a new machine: its prints, or how it ended early."""
        from vm import Machine

        printed: list[str] = []
        deadline = time.monotonic() + self.timeout
        machine = Machine(output=lambda line: None, step_budget=self.step_chunk,
                          limit_hook=lambda: time.monotonic() < deadline)
        machine.track_rejection = lambda promise: None  # the host ignores rejections
        install_host(machine, machine.main, printed)
        try:
            if mode == "module":
                self.run_harness(machine, meta)
                self.guard(machine, lambda: machine.run_module(source, str(self.root / rel)))
                self.guard(machine, machine.run_jobs)
                return printed
            if "raw" not in meta.flags:
                self.run_harness(machine, meta)
            text = STRICT_PREFIX + source if mode == "strict" else source
            code = self.compile(text, rel)
            path = str(self.root / rel)  # where import() in the test resolves specifiers
            self.guard(machine, lambda: run_top_level(machine, code, path))
            self.guard(machine, machine.run_jobs)
        except _Outcome as outcome:
            return outcome
        return printed

    def run_harness(self, machine, meta: Meta) -> None:
        names = ["assert.js", "sta.js"]
        if "async" in meta.flags:
            names.append("doneprintHandle.js")
        names += [n for n in meta.includes if n not in names]
        for name in names:
            code = self.harness_code(name)
            try:
                path = str(self.root / "harness" / name)
                self.guard(machine, lambda c=code, p=path: run_top_level(machine, c, p))
            except _Outcome as e:
                raise _Outcome("harness", e.name, f"harness/{name}: {e.message}") from None

    @staticmethod
    def guard(machine, thunk) -> None:
        """Run ``thunk``; an exception that ends the script becomes an ``_Outcome``."""
        from compiler import JSSyntaxError
        from vm.errors import UncaughtError
        from vm.interpreter import StepLimit
        from vm.objects import JSError, JSThrow

        try:
            thunk()
        except JSThrow as e:
            raise thrown(machine, e.value) from None
        except JSError as e:
            raise thrown(machine, machine.error_object(e)) from None
        except UncaughtError as e:
            if e.value is None:  # the host's own report (stack overflow, unsettled TLA)
                text = str(e).removeprefix("Uncaught ")
                name = "RangeError" if text.startswith("RangeError") else "(host)"
                raise _Outcome("runtime", name, text) from None
            raise thrown(machine, e.value) from None
        except JSSyntaxError as e:  # only modules get here: parsing happens inside
            phase = "unsupported" if UNSUPPORTED in e.message else "parse"
            raise _Outcome(phase, "SyntaxError", "SyntaxError: " + e.message) from None
        except StepLimit:
            raise _Outcome("timeout", "timeout", "instruction budget or time limit "
                           "exhausted") from None
        except RecursionError:
            raise _Outcome("crash", "RecursionError", "Python recursion limit") from None
        except (_Outcome, KeyboardInterrupt):
            raise
        except Exception as e:  # noqa: BLE001 - a VM bug ends this test only
            raise _Outcome("crash", type(e).__name__, f"{type(e).__name__}: {e}") from None


def thrown(machine, value) -> _Outcome:
    """The outcome of an uncaught JavaScript value: its constructor's name and text."""
    from vm.convert import type_of
    from vm.objects import JSObject

    name, text = f"({type_of(value)})", None  # a thrown primitive: "(string)", ...
    if isinstance(value, JSObject):
        try:
            ctor = value.get("constructor")
            ctor_name = ctor.get("name") if isinstance(ctor, JSObject) else None
            name = ctor_name if isinstance(ctor_name, str) and ctor_name else "(anonymous)"
            message = value.get("message")
            if isinstance(message, str):  # Test262Error has a message but no name
                text = f"{name}: {message}" if message else name
        except Exception:  # noqa: BLE001 - a getter that throws: the name stays unknown
            name = "(unknown)"
    if text is None:
        try:
            text = machine.describe(value)
        except Exception:  # noqa: BLE001
            text = "(cannot describe the thrown value)"
    return _Outcome("runtime", name, text)


def run_top_level(machine, code, filename: str):
    """Run a script's compiled code in the main Global as the machine does (its own
    ``run_code`` where it has one: that also records the script for ``import()``)."""
    if hasattr(machine, "run_code"):
        return machine.run_code(code, machine.main, filename)
    return run_code(machine, code, machine.main)


def run_code(machine, code, g):
    """Run compiled script code in Global ``g`` (no jobs); its completion value."""
    from vm.objects import JSFunction
    from vm.values import UNDEFINED

    fn = JSFunction(machine.realm.function_prototype, code, [], g)
    return machine.interpreter.run(fn, g.global_object, [], UNDEFINED)


# --- the host: print and $262 ---------------------------------------------------------


def install_host(machine, g, printed: list[str]):
    """Give Global ``g`` the host's ``print`` and ``$262`` (INTERPRETING.md); its $262."""
    from vm.convert import to_string
    from vm.objects import CONFIGURABLE, WRITABLE, JSError, JSObject
    from vm.realm import Global
    from vm.values import UNDEFINED

    realm = machine.realm
    obj = g.global_object

    def print_(this, args):
        printed.append(to_string(args[0]) if args else "undefined")
        return UNDEFINED

    def create_realm(this, args):
        # One Machine holds one set of intrinsics, so a "new realm" is a new Global of
        # the same machine: its own global object and lexical scope, shared intrinsics.
        other = Global(realm, name=f"realm{len(machine.globals)}")
        machine.install_host(other)
        other.output = g.output
        machine.globals.append(other)
        return install_host(machine, other, printed)

    def eval_script(this, args):
        text = to_string(args[0]) if args else "undefined"
        try:
            code = Runner.compile(text, "evalScript")
        except _Outcome as e:
            raise JSError("SyntaxError", e.message.removeprefix("SyntaxError: ")) from None
        return run_code(machine, code, g)

    def collect(this, args):
        gc.collect()
        return UNDEFINED

    realm.method(obj, "print", print_, 1)
    host = JSObject(realm.object_prototype)
    host.define("global", obj, WRITABLE | CONFIGURABLE)
    realm.method(host, "createRealm", create_realm, 0)
    realm.method(host, "evalScript", eval_script, 1)
    realm.method(host, "gc", collect, 0)
    detach = _detach_array_buffer()
    if detach is not None and "%ArrayBuffer%" in realm.intrinsics:
        realm.method(host, "detachArrayBuffer", lambda this, args: detach(
            args[0] if args else UNDEFINED) or UNDEFINED, 1)
    obj.define("$262", host, WRITABLE | CONFIGURABLE)
    return host


def _detach_array_buffer():
    """The VM's DetachArrayBuffer operation, once it has ArrayBuffer (else None)."""
    try:
        from vm.builtins.arraybuffer import detach_array_buffer
    except ImportError:
        return None
    return detach_array_buffer


# --- the workers ----------------------------------------------------------------------


def _limit_memory(megabytes: int) -> None:
    """A runaway allocation is a MemoryError in this worker, not the machine's OOM."""
    try:
        import resource

        limit = megabytes << 20
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    except (ImportError, ValueError, OSError):
        pass


def _worker(conn: Connection, root: str, timeout: float, memory_mb: int) -> None:
    _limit_memory(memory_mb)
    runner = Runner(Path(root), timeout)
    while True:
        try:
            task = conn.recv()
        except (EOFError, KeyboardInterrupt):
            return
        if task is None:
            return
        try:
            result = runner.run_case(*task)
        except BaseException as e:  # noqa: BLE001 - even MemoryError must answer
            result = Result(task[0], task[1], "fail", f"{type(e).__name__}: {e}"[:500],
                            f"Python {type(e).__name__}")
        conn.send(result)


class Pool:
    """Worker processes reused for the whole run; a worker that hangs or dies is replaced."""

    def __init__(self, jobs: int, root: Path, timeout: float, memory_mb: int = 2048):
        methods = mp.get_all_start_methods()
        self.ctx = mp.get_context("fork" if "fork" in methods else "spawn")
        self.args = (str(root), timeout, memory_mb)
        self.grace = timeout * 2 + 10  # the VM stops itself at `timeout`; this is the backstop
        self.workers = [self._start() for _ in range(max(1, jobs))]

    def _start(self):
        parent, child = self.ctx.Pipe()
        proc = self.ctx.Process(target=_worker, args=(child, *self.args), daemon=True)
        proc.start()
        child.close()
        return proc, parent

    def _replace(self, i: int) -> None:
        proc, conn = self.workers[i]
        proc.kill()
        proc.join()
        conn.close()
        self.workers[i] = self._start()

    def run(self, cases: Iterable[tuple[str, str]]) -> Iterator[Result]:
        pending = iter(cases)
        busy: dict[int, tuple[tuple[str, str], float]] = {}  # worker -> (case, deadline)

        def feed(i: int) -> None:
            case = next(pending, None)
            if case is not None:
                self.workers[i][1].send(case)
                busy[i] = (case, time.monotonic() + self.grace)

        for i in range(len(self.workers)):
            feed(i)
        while busy:
            conns = {self.workers[i][1]: i for i in busy}
            soonest = min(deadline for _, deadline in busy.values())
            ready = wait(list(conns), timeout=max(0.0, soonest - time.monotonic()))
            for conn in ready:
                i = conns[conn]
                case, _ = busy.pop(i)
                try:
                    yield conn.recv()
                except (EOFError, OSError):
                    code = self.workers[i][0].exitcode
                    yield Result(*case, "fail", f"worker died (exit code {code})",
                                 "worker died")
                    self._replace(i)
                feed(i)
            now = time.monotonic()
            for i, (case, deadline) in list(busy.items()):
                if now >= deadline:
                    del busy[i]
                    yield Result(*case, "fail", "no answer in time: worker killed", "timeout")
                    self._replace(i)
                    feed(i)

    def close(self) -> None:
        for _proc, conn in self.workers:
            try:
                conn.send(None)
            except OSError:
                pass
        for proc, conn in self.workers:
            proc.join(timeout=2)
            if proc.is_alive():
                proc.kill()
                proc.join()
            conn.close()


# --- collecting the tests -------------------------------------------------------------


def test_files(root: Path, targets: list[str]) -> Iterator[Path]:
    """The test files named (files, or every ``*.js`` under a folder), fixtures left out."""
    for target in targets or ["test"]:
        path = Path(target)
        if not path.is_absolute():
            path = root / target if (root / target).exists() else Path.cwd() / target
        if path.is_dir():
            yield from (p for p in sorted(path.rglob("*.js")) if "_FIXTURE" not in p.name)
        elif path.is_file():
            yield path
        else:
            raise FileNotFoundError(target)


def plan(root: Path, files: Iterable[Path], skipped: list[Result], modules: bool = True,
         missing: frozenset[str] = frozenset()) -> Iterator[tuple[str, str]]:
    """The (path, mode) runs of each file; skipped runs are appended to ``skipped``."""
    for path in files:
        rel = path.resolve().relative_to(root).as_posix()
        meta = parse_frontmatter(read_source(path)) or Meta()
        why = skip_reason(meta, missing)
        if why is None and not modules and "module" in meta.flags:
            why = "modules unsupported"
        for mode in modes(meta):
            if why is None:
                yield rel, mode
            else:
                skipped.append(Result(rel, mode, "skip", why, "skipped"))


# --- reporting ------------------------------------------------------------------------


def directory_of(rel: str, depth: int) -> str:
    """``test/language/expressions/class/x.js`` -> ``language/expressions/class``."""
    parts = rel.split("/")[:-1]
    if parts and parts[0] == "test":
        parts = parts[1:]
    return "/".join(parts[:depth]) or "."


def report(results: list[Result], depth: int, out=sys.stdout) -> None:
    """A pass/fail/skip table per directory, then the totals (the last line)."""
    table: dict[str, Counter] = {}
    for r in results:
        table.setdefault(directory_of(r.path, depth), Counter())[r.status] += 1
    width = max([len(d) for d in table] + [9])
    print(f"{'directory':<{width}}  {'passed':>7}  {'failed':>7}  {'skipped':>7}  "
          f"{'pass %':>6}", file=out)
    for name in sorted(table):
        c = table[name]
        ran = c["pass"] + c["fail"]
        rate = f"{100 * c['pass'] / ran:6.1f}" if ran else "     -"
        print(f"{name:<{width}}  {c['pass']:7d}  {c['fail']:7d}  {c['skip']:7d}  {rate}",
              file=out)
    total = Counter(r.status for r in results)
    print(f"{total['skip']} skipped", file=out)
    print(f"{total['pass']} passed, {total['fail']} failed", file=out)


def run_command(root: str, targets: list[str], jobs: int = 1, json_out: str | None = None,
                timeout: float = 10.0, depth: int = 3) -> int:
    """``caplet test262``: exit status 0 if nothing failed, 1 if something did, 2 on misuse."""
    import json

    base = Path(root).resolve()
    if not (base / "harness" / "assert.js").is_file():
        print(f"caplet: {root} is not a test262 checkout (no harness/assert.js)",
              file=sys.stderr)
        return 2
    try:
        files = list(test_files(base, targets))
    except FileNotFoundError as e:
        print(f"caplet: no such test file or folder: {e}", file=sys.stderr)
        return 2
    outside = [f for f in files if not f.resolve().is_relative_to(base)]
    if outside:
        print(f"caplet: {outside[0]} is not inside {root}", file=sys.stderr)
        return 2
    started = time.monotonic()
    skipped: list[Result] = []
    results: list[Result] = []
    progress = sys.stderr.isatty()
    from vm.machine import Machine  # imported before the workers fork: they inherit it

    pool = Pool(jobs, base, timeout)
    try:
        runs = plan(base, files, skipped, hasattr(Machine, "run_module"), missing_globals())
        for n, result in enumerate(pool.run(runs), 1):
            results.append(result)
            if progress and n % 100 == 0:
                print(f"\r{n} runs, {time.monotonic() - started:.0f} s", end="",
                      file=sys.stderr, flush=True)
    finally:
        pool.close()
        if progress:
            print("\r" + " " * 40 + "\r", end="", file=sys.stderr)
    results += skipped
    results.sort(key=lambda r: (r.path, r.mode))
    if json_out:
        with open(json_out, "w", encoding="utf-8") as f:
            json.dump({"root": str(base), "seconds": round(time.monotonic() - started, 1),
                       "results": [r.as_json() for r in results]}, f, ensure_ascii=False,
                      indent=0)
    report(results, depth)
    return 1 if any(r.status == "fail" for r in results) else 0

