"""Transfer efficiency of `caplet flash`'s protocol: image bytes per second as a share
of the raw line rate (baud / 10), on the simulator's pty, clean and with 1% faults.
Timed from the first DATA frame to the acknowledgement of the last (BEGIN's and
COMMIT's round trips and the app's start are not transfer).

The simulator paces bytes at the line rate, so the share left after framing, COBS,
acknowledgements, retransmissions and flash writes is what this measures.
Run: `python bench/serial.py [--size BYTES]`.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# this file's folder comes first on sys.path, and this file's name is pyserial's: replace it
sys.path[:] = [str(ROOT)] + [p for p in sys.path if Path(p or ".").resolve() != ROOT / "bench"]


def bench_image(size: int) -> bytes:
    """A real image for the Pico of about ``size`` bytes (a long string constant)."""
    from boards import load_board
    from compiler import parse
    from compiler.bytecode.image import Manifest, write_image
    from compiler.codegen import compile_script

    text = f'console.log("bench"); var pad = "{"b" * max(0, size // 2 - 200)}";'
    code = compile_script(parse(text, module=False, filename="bench.js"), text, "bench.js")
    return write_image(code, board=load_board("rpi-pico"), manifest=Manifest("bench"))


def measure(baud: int, faults: str, size: int) -> float:
    from firmware_bridge.host import DeviceClient

    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    args = [sys.executable, "-m", "caplet.cli", "sim", "--pty", "--baud", str(baud)]
    if faults:
        args += ["--faults", faults]
    sim = subprocess.Popen(args, stdout=subprocess.PIPE, text=True, env=env)
    try:
        port = re.search(r"ready on (\S+)", sim.stdout.readline()).group(1)
        image = bench_image(size)
        digest = image[-32:]  # an unsigned image ends with its digest
        with DeviceClient(port, baud=baud, on_log=lambda msg: None) as client:
            client.connect()
            marks: dict[str, float] = {}

            def progress(done: int, total: int, resumed_from: int) -> None:
                marks.setdefault("first", time.perf_counter())
                if done >= total:
                    marks["last"] = time.perf_counter()

            client.flash("bench", image, digest=digest, progress=progress)
            dt = marks["last"] - marks["first"]
        return len(image) / dt / (baud / 10)
    finally:
        sim.terminate()
        sim.wait(10)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--size", type=int, default=100_000)
    args = ap.parse_args()
    print(f"image of {args.size} bytes over the simulator's pty")
    print(f"{'baud':>8} {'line':<34} {'efficiency':>10}")
    for baud in (115200, 921600):
        for faults in ("", "drop=0.01,corrupt=0.01,seed=1"):
            share = measure(baud, faults, args.size if baud > 115200 else args.size // 4)
            print(f"{baud:>8} {faults or 'clean':<34} {100 * share:>9.1f}%", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
