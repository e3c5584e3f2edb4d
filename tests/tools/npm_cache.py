"""The pinned npm packages the tests and benchmarks need, installed on demand.

``tests/npm/package.json`` and its lockfile pin every package (acorn, the
test262-parser-tests and the corpus). They are installed with ``npm ci`` into the
git-ignored ``.cache/npm``, and installed again whenever the pins change, so a plain
``python -m pytest`` works on a fresh clone. A missing Node.js is an error, not a skip:
without the oracle the parser tests would prove nothing.
"""

from __future__ import annotations

import fcntl
import hashlib
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PINS = ROOT / "tests" / "npm"
PIN_FILES = ("package.json", "package-lock.json")
CACHE = ROOT / ".cache" / "npm"
NODE_MODULES = CACHE / "node_modules"
STAMP = CACHE / ".installed"
MIN_NODE_MAJOR = 18


class NodeUnavailable(RuntimeError):
    """Node.js or npm is missing or too old, or ``npm ci`` failed."""


def _pins_digest() -> str:
    h = hashlib.sha256()
    for name in PIN_FILES:
        h.update((PINS / name).read_bytes())
    return h.hexdigest()


def node_executable() -> str:
    """Path of ``node``; raises :class:`NodeUnavailable` if absent or older than 18."""
    node = shutil.which("node")
    if node is None:
        raise NodeUnavailable(
            "Node.js is required for the parser tests (acorn is the AST oracle): "
            "install Node.js >= 18 with npm, e.g. `apt-get install nodejs npm`."
        )
    version = subprocess.run([node, "--version"], capture_output=True, text=True).stdout
    major = int(version.strip().lstrip("v").split(".")[0] or 0)
    if major < MIN_NODE_MAJOR:
        raise NodeUnavailable(f"Node.js >= {MIN_NODE_MAJOR} is required, found {version.strip()}")
    return node


def ensure_node_modules() -> Path:
    """Install the pinned packages into ``.cache/npm`` unless already there; return node_modules."""
    digest = _pins_digest()
    if STAMP.is_file() and STAMP.read_text() == digest and NODE_MODULES.is_dir():
        return NODE_MODULES
    node_executable()
    npm = shutil.which("npm")
    if npm is None:
        raise NodeUnavailable("npm is required to install the test packages: `apt-get install npm`")
    CACHE.mkdir(parents=True, exist_ok=True)
    with open(CACHE / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # another pytest worker may be installing
        if STAMP.is_file() and STAMP.read_text() == digest and NODE_MODULES.is_dir():
            return NODE_MODULES
        STAMP.unlink(missing_ok=True)
        for name in PIN_FILES:
            shutil.copyfile(PINS / name, CACHE / name)
        cmd = [npm, "ci", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error"]
        done = subprocess.run(cmd, cwd=CACHE, capture_output=True, text=True)
        if done.returncode != 0:
            raise NodeUnavailable(
                f"`npm ci` in {CACHE} failed ({done.returncode}):\n{done.stdout}\n{done.stderr}"
            )
        STAMP.write_text(digest)
    return NODE_MODULES


def package_file(package: str, relative: str) -> Path:
    """A file inside an installed package, e.g. ``package_file("lodash", "lodash.js")``."""
    return ensure_node_modules() / package / relative
