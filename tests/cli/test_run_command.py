"""`caplet run` on scripts that go wrong at run time: a clear message, an exit code,
never a Python traceback."""

from __future__ import annotations

import resource
import subprocess
import sys
from pathlib import Path


def run(path: Path, limit_bytes: int | None = None) -> subprocess.CompletedProcess:
    def cap():
        if limit_bytes:
            resource.setrlimit(resource.RLIMIT_AS, (limit_bytes, limit_bytes))

    return subprocess.run([sys.executable, "-m", "caplet.cli", "run", str(path)],
                          capture_output=True, text=True, timeout=300, preexec_fn=cap)


def test_uncaught_error_names_the_error(tmp_path):
    src = tmp_path / "throws.js"
    src.write_text("function f() { null.x; }\nf();\n")
    r = run(src)
    assert r.returncode == 1 and "Uncaught TypeError" in r.stderr
    assert "Traceback" not in r.stderr


def test_host_memory_running_out_is_reported_plainly(tmp_path):
    src = tmp_path / "hog.js"
    src.write_text("const keep = [];\nwhile (true) keep.push('x'.repeat(2 ** 20) + keep.length);\n")
    r = run(src, limit_bytes=700 * 2**20)
    assert r.returncode == 1, r.stderr
    assert "JavaScript heap out of memory" in r.stderr
    assert "Traceback" not in r.stderr and "internal error" not in r.stderr
