"""Fuzzing the image reader with mutated valid images (seeded, so failures reproduce).

Two kinds of mutation: plain ones (bit flips, byte changes, cuts, insertions, splices)
must all be refused before anything runs; resealed ones (the same edits with a fresh
digest, as a hostile producer would send) must be refused or decode into code whose
every operand the reader checked. Either way the reader raises nothing but ImageError.
"""

from __future__ import annotations

import random
import time

from image_support import image_of, reseal, unsealed

import boards
from compiler.bytecode.image import ImageError, read_image

PICO = boards.load_board("rpi-pico")
SOURCES = [
    "let s = 0; for (let i = 0; i < 10; i++) { s += i } console.log(s, 'done', 1.5, -0, 7n)",
    "class A { #x = 1; get x() { return this.#x } static m(a, ...r) { return [a, r] } }"
    "function* g() { try { yield 1 } finally { console.log('f') } } console.log([...g()])",
    "const o = { a: [1, 2, { b: `t${3}` }] }; const { a: [p, , { b }] } = o; console.log(p, b)"
    "; async function f() { await null; return 2 } f().then(v => console.log(v))",
]
CASES = 10_000
SECONDS = 15.0


def mutate(rng: random.Random, data: bytes) -> bytes:
    out = bytearray(data)
    for _ in range(rng.choice((1, 1, 1, 2, 3, 8))):
        kind = rng.randrange(6)
        pos = rng.randrange(len(out)) if out else 0
        if kind == 0 and out:
            out[pos] ^= 1 << rng.randrange(8)
        elif kind == 1 and out:
            out[pos] = rng.choice((0, 1, 0x7F, 0x80, 0xFF, rng.randrange(256)))
        elif kind == 2:
            del out[pos:pos + rng.randrange(1, 16)]
        elif kind == 3:
            out[pos:pos] = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 8)))
        elif kind == 4 and len(out) > 8:  # duplicate a span elsewhere
            a = rng.randrange(len(out) - 4)
            span = out[a:a + rng.randrange(1, 32)]
            out[pos:pos + len(span)] = span
        else:
            out = out[:pos]
    return bytes(out)


def lazily_refused(data: bytes) -> bool:
    """Read ``data`` lazily (as booting does), use every function, then load the rest
    (strings, constants, module records, debug sections): a corrupt image is refused by
    the read, by a first use or by the rest, and only with ImageError."""
    try:
        image = read_image(data, lazy=True)
        functions = image.functions
        for i in reversed(range(len(functions))):  # last first: each found by a skim
            assert functions[i].code and functions[i].registers >= functions[i].params
        image.load_all()
    except ImageError:
        return True
    return False


def test_mutated_images_never_load_and_never_crash_the_reader():
    rng = random.Random(20240605)
    images = [image_of(src, PICO, strip=strip) for src in SOURCES for strip in (False, True)]
    deadline = time.monotonic() + SECONDS
    plain = resealed = accepted = 0
    checks: dict[str, int] = {}
    while plain + resealed < CASES and time.monotonic() < deadline:
        base = rng.choice(images)
        mutant = mutate(rng, base)
        if mutant == base:
            continue
        if rng.random() < 0.5:
            plain += 1
            try:
                read_image(mutant)
            except ImageError as e:
                check = str(e).split(":")[0]
                checks[check] = checks.get(check, 0) + 1
            else:
                raise AssertionError(f"a corrupt image loaded: {mutant.hex()}")
        else:
            resealed += 1
            body = mutate(rng, bytes(unsealed(base)))
            try:
                image = read_image(reseal(body))
            except ImageError as e:
                check = str(e).split(":")[0]
                checks[check] = checks.get(check, 0) + 1
                refused = True
            else:
                accepted += 1
                refused = False
                for code in image.functions:  # what the reader promises of loaded code
                    assert code.code and code.registers >= code.params
            assert lazily_refused(reseal(body)) == refused
    assert plain + resealed >= 5000, f"only {plain + resealed} cases in {SECONDS} s"
    # the plain mutations reached the digest and earlier checks; the resealed ones reached
    # the structural checks behind it
    assert checks.get("digest", 0) > 100
    assert sum(n for c, n in checks.items() if c.endswith("section")) > 100, checks
