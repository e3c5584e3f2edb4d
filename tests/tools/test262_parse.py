#!/usr/bin/env python3
"""caplet's parser on the real tc39/test262 suite, parse phase only (run by hand).

Not a pytest test: test262 is a local, git-ignored copy (``.test262`` by default),
never committed and not in CI. For every test of ``test/language``, ``test/annexB`` and
``test/built-ins`` the YAML frontmatter decides how it is parsed:

* ``flags: [module]`` -> once, as a module;
* ``flags: [raw]`` -> once, the text as is;
* ``flags: [onlyStrict]`` -> once, with ``"use strict";\\n`` prepended;
* ``flags: [noStrict]`` -> once, as is;
* otherwise twice: as is (sloppy) and with the strict prefix.

A test with ``negative: {phase: parse, type: SyntaxError}`` must raise
``JSSyntaxError``; every other test (no ``negative``, or a negative of the resolution
or runtime phase) must parse. Tests that need a proposal acorn does not parse
(``SKIP_FEATURES``) are skipped: acorn with ``ecmaVersion: "latest"`` is the AST
reference. Source-phase imports are kept: caplet parses them though acorn does not.

Each file runs in one of ``--jobs`` worker processes; a file that takes longer than
``--timeout`` seconds is stopped (its worker is killed and replaced) and reported as a
failure. The run prints a pass/fail table per directory (``language/<dir>``,
``annexB/<dir>``, the ``built-ins`` directories that fail, and totals) and, with
``--out FILE``, writes every failure as one tab-separated line: file, mode, expected,
our outcome (and acorn's verdict with ``--acorn``). The exit status is 1 if any failure
is not one of ``ACORN_DISAGREES`` (test262 and acorn disagree there; acorn holds).

``--ast`` compares the tree of every case that parses with acorn's (each worker runs
its own acorn process); a difference is listed as a failure of the kind "acorn's AST"
but does not count in the table, which is about test262's verdicts.

``--acorn`` also parses every case with acorn (one Node.js process, answers cached in
``.cache/test262-acorn``) and says, for each failure, whether acorn agrees with test262
(then it is a caplet bug) or with caplet (a test262/acorn disagreement to judge).

    python tests/tools/test262_parse.py [--out failures.tsv] [--acorn] [--jobs 2]
        [--ast] [--timeout 5] [--filter SUBSTRING] [--root .test262]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import multiprocessing as mp
import signal
import subprocess
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(Path(__file__).parent)]

SUITES = ("language", "annexB", "built-ins")
STRICT_PREFIX = '"use strict";\n'

# Proposals acorn 8.19 (ecmaVersion "latest") does not parse.
SKIP_FEATURES = frozenset({"decorators", "import-defer"})

# Failures where acorn, our AST reference, disagrees with test262: path prefix -> why.
# They count as failures in the table; the exit status ignores them.
ACORN_DISAGREES = {
    "test/annexB/language/expressions/assignmenttargettype/c": (
        "Annex B (web compatibility): a call as an assignment target is a runtime "
        "ReferenceError in sloppy code; acorn keeps the early SyntaxError"),
}

# --- the frontmatter ---------------------------------------------------------------------


@dataclass(frozen=True)
class Meta:
    flags: frozenset[str]
    features: frozenset[str]
    negative_phase: str | None
    negative_type: str | None


def _scalar(text: str) -> str:
    text = text.split(" #", 1)[0].strip()
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "'\"":
        text = text[1:-1]
    return text


def _flow_list(text: str) -> list[str]:
    inner = text.strip()
    if inner.startswith("[") and inner.endswith("]"):
        inner = inner[1:-1]
    return [_scalar(item) for item in inner.split(",") if item.strip()]


def frontmatter(source: str) -> Meta | None:
    """The keys this runner needs from the ``/*--- ... ---*/`` block (None: no block).

    A small reader of the YAML subset test262 uses for these keys: flow lists
    (``flags: [a, b]``), block lists (``- a`` lines) and the ``negative`` mapping.
    """
    begin = source.find("/*---")
    if begin < 0:
        return None
    end = source.find("---*/", begin)
    if end < 0:
        return None
    lists: dict[str, list[str]] = {"flags": [], "features": []}
    negative: dict[str, str] = {}
    key: str | None = None
    for raw in source[begin + 5:end].splitlines():
        line = raw.rstrip()
        if not line.strip():
            continue
        indent = len(line) - len(line.lstrip())
        stripped = line.strip()
        if indent == 0:
            name, _, rest = stripped.partition(":")
            key = name.strip()
            if key in lists and rest.strip():
                lists[key] = _flow_list(rest)
            elif key == "negative" and rest.strip().startswith("{"):
                for part in rest.strip()[1:-1].split(","):
                    k, _, v = part.partition(":")
                    negative[k.strip()] = _scalar(v)
            continue
        if key in lists and stripped.startswith("- "):
            lists[key].append(_scalar(stripped[2:]))
        elif key in lists and stripped.startswith("["):
            lists[key] = _flow_list(stripped)
        elif key == "negative" and ":" in stripped:
            k, _, v = stripped.partition(":")
            negative[k.strip()] = _scalar(v)
    return Meta(frozenset(lists["flags"]), frozenset(lists["features"]),
                negative.get("phase"), negative.get("type"))


# --- the cases --------------------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    path: str  # relative to the test262 root, e.g. test/language/asi/S7.9_A1.js
    mode: str  # sloppy | strict | module | raw
    expect_error: bool


def read_source(path: Path) -> str:
    """A test file as Node.js reads it: UTF-8, no newline translation."""
    with open(path, encoding="utf-8", errors="replace", newline="") as f:
        return f.read()


def modes(meta: Meta) -> list[str]:
    if "module" in meta.flags:
        return ["module"]
    if "raw" in meta.flags:
        return ["raw"]
    if "onlyStrict" in meta.flags:
        return ["strict"]
    if "noStrict" in meta.flags:
        return ["sloppy"]
    return ["sloppy", "strict"]


def collect(root: Path, needle: str | None) -> tuple[list[Case], Counter]:
    """Every case under the suites, and counts of what was skipped and why."""
    cases: list[Case] = []
    skipped: Counter = Counter()
    for suite in SUITES:
        for path in sorted((root / "test" / suite).rglob("*.js")):
            rel = path.relative_to(root).as_posix()
            if "_FIXTURE" in path.name or (needle and needle not in rel):
                continue
            meta = frontmatter(read_source(path))
            if meta is None:
                skipped["no frontmatter"] += 1
                continue
            blocked = meta.features & SKIP_FEATURES
            if blocked:
                skipped["feature " + ",".join(sorted(blocked))] += 1
                continue
            expect_error = meta.negative_phase == "parse"
            if expect_error and meta.negative_type != "SyntaxError":
                skipped[f"negative parse {meta.negative_type}"] += 1
                continue
            cases.extend(Case(rel, m, expect_error) for m in modes(meta))
    return cases, skipped


def case_text(root: Path, case: Case) -> str:
    text = read_source(root / case.path)
    return STRICT_PREFIX + text if case.mode == "strict" else text


# --- the workers ------------------------------------------------------------------------


def _run_case(root: Path, case: Case) -> tuple[str, str, object]:
    """(outcome, detail, program): outcome is "ok", "syntax" (JSSyntaxError) or "crash"."""
    from compiler import JSSyntaxError, parse

    text = case_text(root, case)
    try:
        program = parse(text, module=case.mode == "module", filename=case.path)
    except JSSyntaxError as e:
        return "syntax", str(e).splitlines()[0][:300], None
    except RecursionError:
        return "crash", "RecursionError", None
    except Exception as e:  # noqa: BLE001 - any other exception is a parser bug to report
        return "crash", f"{type(e).__name__}: {e}"[:300], None
    return "ok", "", program


def _compare_ast(acorn, root: Path, case: Case, program) -> str | None:
    """None if acorn builds the same tree (or rejects the text), else the first difference."""
    from acorn_oracle import describe_difference

    from compiler.ast import to_json

    text = case_text(root, case)
    raw = acorn.parse_raw(source=text, source_type="module" if case.mode == "module" else "script")
    # A JSON integer beyond 2**53 is a double printed in JavaScript's shortest form (e.g.
    # 55340232221128655000): read it as that double, not as an exact Python int.
    answer = json.loads(raw, parse_int=lambda digits: int(digits) if len(digits) < 16
                        else float(digits))
    if not answer["ok"]:
        return None
    problem = describe_difference(to_json(program), answer["ast"], text)
    return None if problem is None else " ".join(problem.split())[:300]


def _worker(conn: Connection, root: Path, timeout: float, ast: bool) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    acorn = None
    if ast:
        from acorn_oracle import Acorn

        acorn = Acorn()

    def expire(signum: int, frame: object) -> None:
        raise TimeoutError(f"parse took over {timeout:g} s")

    signal.signal(signal.SIGALRM, expire)
    while True:
        try:
            task = conn.recv()
        except EOFError:
            return
        if task is None:
            return
        index, case = task
        signal.setitimer(signal.ITIMER_REAL, timeout)
        start = time.perf_counter()
        program = None
        try:
            outcome, detail, program = _run_case(root, case)
        except TimeoutError as e:
            outcome, detail = "timeout", str(e)
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        seconds = time.perf_counter() - start
        if acorn is not None and program is not None and not case.expect_error:
            problem = _compare_ast(acorn, root, case, program)
            if problem is not None:
                outcome, detail = "astdiff", problem
        conn.send((index, outcome, detail, seconds))


class _Slot:
    """One worker process and the case it is running."""

    def __init__(self, ctx: mp.context.BaseContext, root: Path, timeout: float,
                 ast: bool) -> None:
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=_worker, args=(child, root, timeout, ast), daemon=True)
        self.proc.start()
        child.close()
        self.task: int | None = None
        self.since = 0.0

    def send(self, index: int, case: Case) -> None:
        self.task, self.since = index, time.monotonic()
        self.conn.send((index, case))

    def kill(self) -> None:
        self.proc.kill()
        self.proc.join()
        self.conn.close()


def run_all(root: Path, cases: list[Case], jobs: int, timeout: float, progress: bool,
            ast: bool = False) -> list[tuple[str, str, float]]:
    """(outcome, detail, seconds) per case; a case over the hard limit is "timeout";
    with ``ast``, a parsed case whose tree is not acorn's is "astdiff"."""
    from compiler import parse

    parse("0")  # load the tables once, before forking
    ctx = mp.get_context("fork")
    results: list[tuple[str, str, float] | None] = [None] * len(cases)
    hard_limit = timeout + (30.0 if ast else 3.0)  # acorn's answer comes after the parse

    def new_slot() -> _Slot:
        return _Slot(ctx, root, timeout, ast)

    slots = [new_slot() for _ in range(max(1, jobs))]
    pending = iter(range(len(cases)))
    done = 0
    last_report = time.monotonic()

    def feed(slot: _Slot) -> None:
        index = next(pending, None)
        if index is None:
            slot.task = None
        else:
            slot.send(index, cases[index])

    for slot in slots:
        feed(slot)
    try:
        while any(slot.task is not None for slot in slots):
            busy = {slot.conn: slot for slot in slots if slot.task is not None}
            for conn in wait(list(busy), timeout=0.5):
                slot = busy[conn]
                try:
                    index, outcome, detail, seconds = conn.recv()
                except EOFError:  # the worker died (a crash below Python)
                    index, outcome, detail, seconds = slot.task, "crash", "worker died", 0.0
                    slot.kill()
                    slots[slots.index(slot)] = slot = new_slot()
                results[index] = (outcome, detail, seconds)
                done += 1
                feed(slot)
            now = time.monotonic()
            for i, slot in enumerate(slots):
                if slot.task is not None and now - slot.since > hard_limit:
                    results[slot.task] = ("timeout", f"killed after {hard_limit:g} s", hard_limit)
                    done += 1
                    slot.kill()
                    slots[i] = new_slot()
                    feed(slots[i])
            if progress and now - last_report > 10:
                last_report = now
                print(f"  {done}/{len(cases)} cases", file=sys.stderr, flush=True)
    finally:
        for slot in slots:
            if slot.proc.is_alive():
                try:
                    slot.conn.send(None)
                except OSError:
                    pass
                slot.proc.join(timeout=2)
                if slot.proc.is_alive():
                    slot.kill()
    return [r if r is not None else ("crash", "no result", 0.0) for r in results]


# --- acorn ------------------------------------------------------------------------------

_ACORN_JS = r"""
const fs = require("fs");
const acorn = require(process.argv[1]);
const readline = require("readline");
process.stdout.write(JSON.stringify({acorn: acorn.version}) + "\n");
const rl = readline.createInterface({input: process.stdin, crlfDelay: Infinity});
rl.on("line", (line) => {
  const r = JSON.parse(line);
  let text = fs.readFileSync(r.path, "utf8");
  if (r.mode === "strict") text = '"use strict";\n' + text;
  let out;
  try {
    const sourceType = r.mode === "module" ? "module" : "script";
    acorn.parse(text, {ecmaVersion: "latest", sourceType});
    out = {ok: true};
  } catch (e) {
    out = {ok: false, message: String(e.message)};
  }
  process.stdout.write(JSON.stringify(out) + "\n");
});
"""


def acorn_verdicts(root: Path, cases: list[Case]) -> list[tuple[bool, str]]:
    """acorn's (ok, message) per case, cached by file content, mode and acorn version."""
    from npm_cache import ensure_node_modules, node_executable

    acorn_dir = ensure_node_modules() / "acorn"
    version = json.loads((acorn_dir / "package.json").read_text())["version"]
    script_digest = hashlib.sha256(_ACORN_JS.encode()).hexdigest()[:10]
    cache_file = ROOT / ".cache" / "test262-acorn" / f"{version}-{script_digest}.json"
    cache: dict[str, list] = {}
    if cache_file.is_file():
        cache = json.loads(cache_file.read_text(encoding="utf-8"))
    keys = []
    for case in cases:
        digest = hashlib.sha1((root / case.path).read_bytes()).hexdigest()
        keys.append(f"{digest}:{case.mode}")
    missing = [i for i, key in enumerate(keys) if key not in cache]
    if missing:
        print(f"acorn: parsing {len(missing)} cases", file=sys.stderr, flush=True)
        proc = subprocess.Popen(
            [node_executable(), "-e", _ACORN_JS, str(acorn_dir)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, encoding="utf-8")
        assert proc.stdin is not None and proc.stdout is not None
        proc.stdout.readline()
        for i in missing:
            request = {"path": str(root / cases[i].path), "mode": cases[i].mode}
            proc.stdin.write(json.dumps(request) + "\n")
            proc.stdin.flush()
            answer = json.loads(proc.stdout.readline())
            cache[keys[i]] = [answer["ok"], answer.get("message", "")]
        proc.stdin.close()
        proc.wait(timeout=30)
        cache_file.parent.mkdir(parents=True, exist_ok=True)
        tmp = cache_file.with_suffix(".tmp")
        tmp.write_text(json.dumps(cache), encoding="utf-8")
        tmp.replace(cache_file)
    return [(bool(cache[k][0]), cache[k][1]) for k in keys]


# --- the report -------------------------------------------------------------------------


def group_of(path: str) -> str:
    """``language/<dir>``, ``annexB/<dir>`` or ``built-ins/<dir>``."""
    parts = path.split("/")
    return f"{parts[1]}/{parts[2]}" if len(parts) > 3 else parts[1]


def table(rows: dict[str, list[int]], cases_failing_only: set[str]) -> Iterator[str]:
    yield f"{'directory':<44} {'cases':>7} {'pass':>7} {'fail':>6} {'rate':>8}"
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for name in sorted(rows):
        passed, failed = rows[name]
        suite = name.split("/")[0]
        totals[suite][0] += passed
        totals[suite][1] += failed
        if name in cases_failing_only and not failed:
            continue
        yield _row(name, passed, failed)
    yield ""
    for suite in SUITES:
        if suite in totals:
            yield _row(f"{suite} (all)", *totals[suite])
    yield _row("TOTAL", sum(t[0] for t in totals.values()), sum(t[1] for t in totals.values()))


def _row(name: str, passed: int, failed: int) -> str:
    total = passed + failed
    rate = 100.0 * passed / total if total else 100.0
    return f"{name:<44} {total:>7} {passed:>7} {failed:>6} {rate:>7.2f}%"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--root", type=Path, default=ROOT / ".test262", help="test262 checkout")
    ap.add_argument("--out", type=Path, help="write the failures (TSV) here")
    ap.add_argument("--jobs", type=int, default=2, help="worker processes (default 2)")
    ap.add_argument("--timeout", type=float, default=5.0, help="seconds per case (default 5)")
    ap.add_argument("--filter", help="only files whose path contains this")
    ap.add_argument("--acorn", action="store_true", help="also ask acorn about every case")
    ap.add_argument("--ast", action="store_true",
                    help="also compare every parsed tree with acorn's (slower)")
    ap.add_argument("--quiet", action="store_true", help="no progress on stderr")
    args = ap.parse_args(argv)

    root = args.root.resolve()
    if not (root / "test").is_dir():
        print(f"no test262 at {root}", file=sys.stderr)
        return 2
    started = time.monotonic()
    cases, skipped = collect(root, args.filter)
    print(f"{len(cases)} cases from {root}", file=sys.stderr, flush=True)
    results = run_all(root, cases, args.jobs, args.timeout, not args.quiet, args.ast)
    acorn = acorn_verdicts(root, cases) if args.acorn else None

    rows: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    failures: list[str] = []
    causes: Counter = Counter()
    disagreements: list[str] = []  # caplet passes, acorn does not agree with test262
    ast_diffs: list[str] = []  # parsed as test262 says, but not to acorn's tree
    known_failures: list[str] = []  # failures listed in ACORN_DISAGREES
    for i, (case, (outcome, detail, _)) in enumerate(zip(cases, results, strict=True)):
        if outcome == "astdiff":
            ast_diffs.append(f"{case.path}\t{case.mode}\tacorn's AST\t{detail}")
            outcome = "ok"
        raised = outcome == "syntax"
        passed = outcome in ("ok", "syntax") and raised == case.expect_error
        rows[group_of(case.path)][0 if passed else 1] += 1
        acorn_note = ""
        if acorn is not None:
            acorn_ok, acorn_message = acorn[i]
            agrees = acorn_ok != case.expect_error
            acorn_note = ("acorn agrees" if agrees else "acorn DISAGREES") + \
                (f": {acorn_message}" if acorn_message else ": parses")
            if passed and not agrees:
                disagreements.append(f"{case.path}\t{case.mode}\t"
                                     f"{'error' if case.expect_error else 'parse'}\t{acorn_note}")
        if passed:
            continue
        causes[outcome if outcome in ("crash", "timeout") else
               ("missed error" if case.expect_error else "false error")] += 1
        ours = {"ok": "parsed", "syntax": f"SyntaxError: {detail}"}.get(outcome,
                                                                        f"{outcome}: {detail}")
        line = f"{case.path}\t{case.mode}\t{'error' if case.expect_error else 'parse'}\t{ours}"
        known = next((why for prefix, why in ACORN_DISAGREES.items()
                      if case.path.startswith(prefix)), None)
        if known is not None:
            known_failures.append(f"{line}\tknown: {known}")
            continue
        failures.append(line + (f"\t{acorn_note}" if acorn_note else ""))

    built_ins = {name for name in rows if name.startswith("built-ins/")}
    for line in table(rows, built_ins):
        print(line)
    print()
    print("failures: " + (", ".join(f"{k} {v}" for k, v in sorted(causes.items())) or "none")
          + f" ({len(known_failures)} of them where acorn disagrees with test262, listed in "
          "ACORN_DISAGREES)")
    if skipped:
        print("skipped files: " + ", ".join(f"{k} {v}" for k, v in sorted(skipped.items())))
    if acorn is not None:
        bugs = sum(1 for f in failures if "\tacorn agrees" in f)
        print(f"acorn agrees with test262 on {bugs} of the {len(failures)} unlisted failures; "
              f"caplet passes {len(disagreements)} cases where acorn disagrees with test262")
    if args.ast:
        print(f"trees different from acorn's: {len(ast_diffs)}")
    slow = sorted(((r[2], c.path, c.mode) for c, r in zip(cases, results, strict=True)),
                  reverse=True)[:5]
    print("slowest: " + ", ".join(f"{p} ({m}) {s:.2f}s" for s, p, m in slow))
    print(f"took {time.monotonic() - started:.0f} s with {args.jobs} jobs")
    if args.out:
        with open(args.out, "w", encoding="utf-8") as f:
            f.write("# file\tmode\texpected\tours" + ("\tacorn" if acorn else "") + "\n")
            for line in failures + ast_diffs + known_failures:
                f.write(line + "\n")
            if disagreements:
                f.write("# passing cases where acorn disagrees with test262\n")
                for line in disagreements:
                    f.write("# " + line + "\n")
    return 1 if failures or ast_diffs else 0


if __name__ == "__main__":
    sys.exit(main())
