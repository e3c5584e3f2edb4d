"""Image size against minified source: stripped `.caplet` images beside terser and gzip.

For each program in ``bench/js`` (scripts) and two real npm ESM libraries pinned in
``tests/npm`` (clsx, zimmerframe; compiled with ``--preload``, their graph running at
build time), the report gives the stripped image size for a 32-bit board (rpi-pico),
the size of the same source minified by terser (compress + mangle, the pinned version,
run on node in the same run) and of that minified text gzipped (level 9), and the
ratios image/terser, image/gzip and gzip(image)/gzip (both gzipped at level 9) with
their geometric means. The issue's target:
the geometric mean of image/terser at most 1.0.

    python bench/size.py [--json]
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "tools"))

PROGRAMS = Path(__file__).with_name("js")
LIBRARIES = {"clsx": "clsx/dist/clsx.mjs", "zimmerframe": "zimmerframe/src/walk.js"}
MINIFY = """
const { minify } = require(process.argv[process.argv.length - 1]);
let input = ''; process.stdin.on('data', d => input += d).on('end', async () => {
  const jobs = JSON.parse(input); const out = [];
  for (const [code, module] of jobs) {
    const r = await minify(code, { compress: true, mangle: true, module, ecma: 2020 });
    out.push(r.code);
  }
  process.stdout.write(JSON.stringify(out));
});
"""


def terser_all(sources: list[tuple[str, bool]]) -> list[str]:
    from npm_cache import ensure_node_modules, node_executable

    modules = ensure_node_modules()
    done = subprocess.run([node_executable(), "-e", MINIFY, str(modules / "terser")],
                          input=json.dumps(sources), capture_output=True, text=True,
                          check=True)
    return json.loads(done.stdout)


def script_image(path: Path, board) -> bytes:
    from compiler import parse
    from compiler.bytecode.image import Manifest, write_image
    from compiler.codegen import compile_script

    text = path.read_text()
    code = compile_script(parse(text, filename=str(path)), text, str(path))
    return write_image(code, board=board, manifest=Manifest(path.stem, "0.0.0", path.name),
                       strip=True)


def module_image(path: Path, board) -> bytes:
    from compiler.bytecode.image import Manifest, write_image
    from vm.preload import build

    root, modules, rom = build(str(path), output=lambda line: None)
    return write_image(root, board=board, manifest=Manifest(path.stem, "0.0.0", path.name),
                       modules=modules, rom=rom, strip=True)


def measure() -> dict:
    from npm_cache import ensure_node_modules

    from boards import load_board

    board = load_board("rpi-pico")
    cases = [(p.stem, p, False) for p in sorted(PROGRAMS.glob("*.js"))]
    modules = ensure_node_modules()
    cases += [(name, modules / rel, True) for name, rel in LIBRARIES.items()]
    minified = terser_all([(p.read_text(), is_module) for _, p, is_module in cases])
    rows = []
    for (name, path, is_module), small in zip(cases, minified, strict=True):
        image = module_image(path, board) if is_module else script_image(path, board)
        packed = gzip.compress(small.encode(), compresslevel=9, mtime=0)
        packed_image = gzip.compress(image, compresslevel=9, mtime=0)
        rows.append({"program": name, "kind": "module (preloaded)" if is_module else "script",
                     "source": len(path.read_bytes()), "image": len(image),
                     "terser": len(small.encode()), "gzip": len(packed),
                     "image/terser": len(image) / len(small.encode()),
                     "image/gzip": len(image) / len(packed),
                     "gzip(image)/gzip": len(packed_image) / len(packed)})

    def geomean(key: str) -> float:
        return math.exp(sum(math.log(r[key]) for r in rows) / len(rows))

    return {"board": board.name, "rows": rows, "geomean_image_terser": geomean("image/terser"),
            "geomean_image_gzip": geomean("image/gzip"),
            "geomean_gzip_image_gzip": geomean("gzip(image)/gzip")}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    report = measure()
    if args.json:
        print(json.dumps(report, indent=2))
        return 0
    print(f"{'program':<14}{'kind':<20}{'source':>8}{'image':>8}{'terser':>8}{'gzip':>8}"
          f"{'img/terser':>12}{'img/gzip':>10}{'gz(img)/gz':>12}")
    for r in report["rows"]:
        print(f"{r['program']:<14}{r['kind']:<20}{r['source']:>8}{r['image']:>8}"
              f"{r['terser']:>8}{r['gzip']:>8}{r['image/terser']:>12.2f}{r['image/gzip']:>10.2f}"
              f"{r['gzip(image)/gzip']:>12.2f}")
    print(f"geometric mean: image/terser {report['geomean_image_terser']:.2f} (target <= 1.0), "
          f"image/gzip {report['geomean_image_gzip']:.2f}, "
          f"gzip(image)/gzip {report['geomean_gzip_image_gzip']:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
