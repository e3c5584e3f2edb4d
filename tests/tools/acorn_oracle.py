"""acorn as the AST oracle: one Node.js process per batch, answers cached on disk.

The parser must produce exactly acorn's ESTree (``ecmaVersion: "latest"``). Spawning
node per file would dominate the run, so :class:`Acorn` keeps one ``acorn_dump.js``
process and talks JSON lines to it, one request at a time (so neither side can block
on a full pipe). Answers for files are cached under ``.cache/acorn`` keyed by the file's
content hash, acorn's version and the dump script, so repeat runs skip node entirely.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from npm_cache import ROOT, ensure_node_modules, node_executable

DUMP_SCRIPT = Path(__file__).with_name("acorn_dump.js")
CACHE = ROOT / ".cache" / "acorn"

Answer = dict[str, Any]  # {"ok", "sourceType", "ast"} or {"ok", "message", "pos", ...}


class Acorn:
    """A running ``acorn_dump.js``: ``parse`` sends one request and reads its answer."""

    def __init__(self) -> None:
        acorn_dir = ensure_node_modules() / "acorn"
        self.proc = subprocess.Popen(
            [node_executable(), str(DUMP_SCRIPT), str(acorn_dir)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, encoding="utf-8",
            errors="surrogatepass",
        )
        self.version: str = json.loads(self._readline())["acorn"]

    def _readline(self) -> str:
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline()
        if not line:
            raise RuntimeError(f"acorn_dump.js exited ({self.proc.poll()})")
        return line

    def parse_raw(self, *, source: str | None = None, path: Path | None = None,
                  source_type: str = "auto") -> str:
        """acorn's answer as one JSON text (as cached)."""
        request: dict[str, str] = {"sourceType": source_type}
        if path is not None:
            request["path"] = str(path)
        else:
            assert source is not None
            request["source"] = source
        assert self.proc.stdin is not None
        self.proc.stdin.write(json.dumps(request) + "\n")
        self.proc.stdin.flush()
        line = self._readline()
        if '"internal":true' in line[:40]:
            raise RuntimeError(f"acorn_dump.js failed: {json.loads(line)['message']}")
        return line

    def parse(self, source: str, source_type: str = "script") -> Answer:
        """acorn's verdict on a source text (``source_type`` script, module or auto)."""
        return json.loads(self.parse_raw(source=source, source_type=source_type))

    def close(self) -> None:
        if self.proc.stdin:
            self.proc.stdin.close()
        self.proc.wait(timeout=30)

    def __enter__(self) -> Acorn:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _cache_dir() -> Path:
    """One folder per acorn version and dump-script content (either changes the answers)."""
    version = json.loads((ensure_node_modules() / "acorn" / "package.json").read_text())["version"]
    script = hashlib.sha256(DUMP_SCRIPT.read_bytes()).hexdigest()[:12]
    return CACHE / f"{version}-{script}"


def _cache_path(folder: Path, path: Path, source_type: str) -> Path:
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    return folder / digest[:2] / f"{digest}-{source_type}.json"


def prefetch(paths: Iterable[Path], source_type: str = "auto") -> None:
    """Make sure acorn's answer for each file is cached, with at most one node process."""
    folder = _cache_dir()
    missing = [(p, c) for p in paths if not (c := _cache_path(folder, p, source_type)).is_file()]
    if not missing:
        return
    with Acorn() as acorn:
        for path, cached in missing:
            text = acorn.parse_raw(path=path, source_type=source_type)
            cached.parent.mkdir(parents=True, exist_ok=True)
            tmp = cached.with_suffix(".tmp")
            tmp.write_text(text, encoding="utf-8", errors="surrogatepass")
            tmp.replace(cached)


def answer_for(path: Path, source_type: str = "auto") -> Answer:
    """acorn's (cached) answer for a file; runs acorn for it if it is not cached yet."""
    cached = _cache_path(_cache_dir(), path, source_type)
    if not cached.is_file():
        prefetch([path], source_type)
    return json.loads(cached.read_text(encoding="utf-8", errors="surrogatepass"))


def read_source(path: Path) -> str:
    """A JavaScript file as Node.js reads it: UTF-8, no newline translation, BOM kept."""
    with open(path, encoding="utf-8", errors="replace", newline="") as f:
        return f.read()


# --- comparing trees -------------------------------------------------------------------


def _walk_diff(a: Any, b: Any, path: list[str | int]) -> Iterator[tuple[list, Any, Any]]:
    if isinstance(a, dict) and isinstance(b, dict):
        for key in list(b) + [k for k in a if k not in b]:
            if key not in a:
                yield [*path, key], "<missing>", b[key]
            elif key not in b:
                yield [*path, key], a[key], "<missing>"
            else:
                yield from _walk_diff(a[key], b[key], [*path, key])
    elif isinstance(a, list) and isinstance(b, list):
        for i, (x, y) in enumerate(zip(a, b, strict=False)):
            yield from _walk_diff(x, y, [*path, i])
        if len(a) != len(b):
            yield [*path, "length"], len(a), len(b)
    elif type(a) is not type(b) and not (_is_number(a) and _is_number(b)):
        yield path, a, b
    elif a != b:
        yield path, a, b


def _is_number(x: Any) -> bool:
    return isinstance(x, int | float) and not isinstance(x, bool)


def format_path(path: list[str | int]) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


def first_difference(ours: Any, theirs: Any) -> tuple[list, Any, Any] | None:
    """The first place (in acorn's field order) where two JSON trees differ, or None."""
    return next(_walk_diff(ours, theirs, []), None)


def _node_at(tree: Any, path: list[str | int]) -> dict | None:
    """The innermost node (dict with start/end) on ``path``."""
    found, here = None, tree
    for part in path:
        if isinstance(here, dict) and "start" in here:
            found = here
        try:
            here = here[part]
        except (KeyError, IndexError, TypeError):
            break
    if isinstance(here, dict) and "start" in here:
        found = here
    return found


def utf16_to_index(text: str, offset: int) -> int:
    """The ``str`` index of a UTF-16 offset (acorn counts code units, Python code points)."""
    if text.isascii():
        return offset
    units = 0
    for i, ch in enumerate(text):
        if units >= offset:
            return i
        units += 2 if ord(ch) > 0xFFFF else 1
    return len(text)


def snippet(source: str, offset: int, width: int = 60) -> str:
    """The source around a UTF-16 offset, with line:column and a caret."""
    i = utf16_to_index(source, offset)
    line = source.count("\n", 0, i) + 1
    begin = max(source.rfind("\n", 0, i) + 1, i - width)
    end = source.find("\n", i)
    end = min(end if end >= 0 else len(source), i + width)
    text = source[begin:end].replace("\t", " ").replace("\r", " ")
    return f"line {line}, column {i - (source.rfind(chr(10), 0, i) + 1)}:\n    {text}\n    " \
           f"{' ' * (i - begin)}^"


def describe_difference(ours: Any, theirs: Any, source: str) -> str | None:
    """None if the trees are equal, else the first differing path, both values and a snippet."""
    diff = first_difference(ours, theirs)
    if diff is None:
        return None
    path, a, b = diff
    short = [json.dumps(v)[:200] if not isinstance(v, str) else repr(v)[:200] for v in (a, b)]
    text = f"{format_path(path)}: {short[0]} != {short[1]}  (ours != acorn)"
    node = _node_at(theirs, path) or _node_at(ours, path)
    if node is not None:
        at = b if path and path[-1] in ("start", "end") and _is_number(b) else node["start"]
        text += f"\nin acorn's {node.get('type', '?')} {node['start']}-{node['end']}, "
        text += f"at {at}, {snippet(source, at)}"
    return text
