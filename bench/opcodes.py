"""How often real code uses each opcode, and whether the table's nibble bands follow it.

The opcode table (``compiler/bytecode/isa.py``) is ordered by use: opcodes 0-11 encode
in one nibble, 12-67 in two, 68-123 in three, the rest in four. This counts opcodes
statically over real code that is not a benchmark program: the npm libraries pinned in
``tests/npm`` (weighted twice) and the ``tests/js`` programs, each corpus normalised by
its own size. It lists the opcodes whose rank earns a shorter band than the one they
sit in, with the bytes of the corpus that a re-sort would save.

    python bench/opcodes.py [--all]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "tools"))

MODULES = ["acorn/dist/acorn.mjs", "preact/dist/preact.mjs", "immer/dist/immer.mjs",
           "clsx/dist/clsx.mjs", "zimmerframe/src/walk.js"]
SCRIPTS = ["esprima/dist/esprima.js", "lodash/lodash.js", "moment/moment.js",
           "jquery/dist/jquery.js"]
BANDS = (12, 68, 124)  # the first opcode of the two-, three- and four-nibble bands


def band(number: int) -> int:
    """Nibbles an opcode number takes."""
    return 1 + sum(number >= b for b in BANDS)


def count(code, into: Counter) -> None:
    from compiler.bytecode.isa import NAMES

    into.update(NAMES[ins[0]] for ins in code.code)
    for child in code.functions:
        count(child, into)


def corpus_counts() -> tuple[Counter, Counter]:
    from npm_cache import ensure_node_modules

    from compiler import parse
    from compiler.codegen import compile_script
    from compiler.module import compile_module

    modules = ensure_node_modules()
    libraries, programs = Counter(), Counter()
    for rel in MODULES:
        count(compile_module((modules / rel).read_text(), rel).code, libraries)
    for rel in SCRIPTS:
        text = (modules / rel).read_text()
        count(compile_script(parse(text, filename=rel), text, rel), libraries)
    for path in sorted((ROOT / "tests" / "js").glob("*/*.js")):
        text = path.read_text()
        count(compile_script(parse(text, filename=str(path)), text, str(path)), programs)
    return libraries, programs


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--all", action="store_true", help="list every opcode")
    args = ap.parse_args()
    from compiler.bytecode.isa import NAMES, OPCODE

    libraries, programs = corpus_counts()
    n_lib, n_prog = sum(libraries.values()), sum(programs.values())
    weight = {name: 2 * libraries[name] / n_lib + programs[name] / n_prog for name in NAMES}
    ranked = sorted(NAMES, key=lambda name: (-weight[name], OPCODE[name]))
    print(f"{n_lib} instructions in {len(MODULES) + len(SCRIPTS)} libraries, {n_prog} in "
          "the tests/js programs")
    print(f"{'opcode':<18}{'number':>7}{'nibbles':>8}{'earned':>8}{'libraries':>11}"
          f"{'programs':>10}")
    misplaced = saved = 0
    for rank, name in enumerate(ranked):
        have, earned = band(OPCODE[name]), band(rank)
        if have > earned:
            misplaced += 1
            saved += (have - earned) * (libraries[name] + programs[name])
        if args.all or have > earned:
            print(f"{name:<18}{OPCODE[name]:>7}{have:>8}{earned:>8}{libraries[name]:>11}"
                  f"{programs[name]:>10}")
    print(f"{misplaced} opcodes sit in a longer band than their rank earns; a re-sort would "
          f"save {saved // 2} bytes of this corpus's code")
    return 0


if __name__ == "__main__":
    sys.exit(main())
