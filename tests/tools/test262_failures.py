#!/usr/bin/env python3
"""Group the failures of a ``caplet test262 --json OUT`` run by cause (run by hand).

    python tests/tools/test262_failures.py OUT.json [--md failures.md] [--top 80]

Prints (or writes as Markdown) the issue's figure — ``test/language`` without
``module-code``, ``import`` and ``export``, strict and non-strict runs counted
separately — and the failures grouped by cause: the outcome class the runner recorded
(``TypeError (runtime)``, ``unsupported``, ``Python KeyError``, ...) and the message
with names, numbers and quoted text blanked, so that one bug is one line, with counts
and a few example tests.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter, defaultdict

EXCLUDED = ("test/language/module-code/", "test/language/import/", "test/language/export/")


def shape(message: str) -> str:
    """A message with its particulars blanked: quoted text, numbers, long tails."""
    text = re.sub(r"'[^']*'|\"[^\"]*\"|`[^`]*`", "'…'", message)
    text = re.sub(r"\b\d+(\.\d+)?\b", "N", text)
    text = re.sub(r"Expected SameValue\(«.*", "Expected SameValue(…)", text)
    return text[:110]


def figure(results: list[dict]) -> tuple[int, int, int]:
    """(passed, failed, skipped) of the issue's selection."""
    counts: Counter = Counter()
    for r in results:
        if r["path"].startswith("test/language/") and not r["path"].startswith(EXCLUDED):
            counts[r["status"]] += 1
    return counts["pass"], counts["fail"], counts["skip"]


def groups(results: list[dict]) -> list[tuple[str, str, list[dict]]]:
    """Failures grouped by (cause, message shape), biggest group first."""
    by: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for r in results:
        if r["status"] == "fail":
            by[(r["cause"], shape(r["message"]))].append(r)
    return sorted(((c, m, rs) for (c, m), rs in by.items()), key=lambda g: -len(g[2]))


def markdown(data: dict, top: int) -> str:
    results = data["results"]
    passed, failed, skipped = figure(results)
    ran = passed + failed
    lines = ["# test262 failures by cause", "",
             f"Run of `{data['root']}` in {data.get('seconds', '?')} s. The issue's figure "
             "(test/language without module-code, import, export; strict and non-strict "
             f"runs counted separately): **{passed} passed, {failed} failed "
             f"({100 * passed / max(ran, 1):.1f}%)**, {skipped} skipped.", ""]
    causes = Counter(r["cause"] for r in results if r["status"] == "fail")
    lines += ["## Outcome classes", "", "| failures | class |", "|---:|---|"]
    lines += [f"| {n} | {c} |" for c, n in causes.most_common()]
    lines += ["", f"## The {top} biggest causes", "",
              "Each: count, outcome class, message shape, then example tests (mode).", ""]
    for cause, message, rs in groups(results)[:top]:
        files = sorted({r["path"] for r in rs})
        examples = ", ".join(f"`{p.removeprefix('test/')}`" for p in files[:3])
        lines.append(f"* **{len(rs)}** ({len(files)} files) — {cause} — `{message}`  ")
        lines.append(f"  e.g. {examples}")
    return "\n".join(lines) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("results")
    ap.add_argument("--md", help="write the Markdown report here (default: print it)")
    ap.add_argument("--top", type=int, default=80)
    args = ap.parse_args()
    with open(args.results, encoding="utf-8") as f:
        data = json.load(f)
    text = markdown(data, args.top)
    if args.md:
        with open(args.md, "w", encoding="utf-8") as f:
            f.write(text)
    else:
        print(text, end="")


if __name__ == "__main__":
    main()
