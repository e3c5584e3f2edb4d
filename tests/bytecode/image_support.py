"""Helpers shared by the image tests: compiling programs, resealing edited images."""

from __future__ import annotations

import hashlib
import math
import struct

from compiler import parse
from compiler.bytecode.code import Code, EvalSite, TemplateSite
from compiler.bytecode.image import DIGEST_SIZE, Manifest, read_header, write_image
from compiler.codegen import compile_script


def compile_text(text: str, filename: str = "app.js") -> Code:
    return compile_script(parse(text, filename=filename), text, filename)


def image_of(text: str, board, **options) -> bytes:
    return write_image(compile_text(text), board=board, manifest=Manifest("app"), **options)


def body_length(image: bytes) -> int:
    """The bytes the digest covers: the header, the section table and the sections."""
    head = read_header(image)
    pos, total = head.size, 0
    for _ in range(head.sections):  # kind, then length: varints
        for i in range(2):
            value = shift = 0
            while True:
                b = image[pos]
                pos += 1
                value |= (b & 0x7F) << shift
                shift += 7
                if not b & 0x80:
                    break
            total += value if i else 0
    return pos + total


def reseal(body: bytes) -> bytes:
    """An edited (unsigned) image with a fresh digest: what a hostile producer would send."""
    return body + hashlib.sha256(body).digest()


def last_section_entry(body: bytes) -> int:
    """Offset in ``body`` of the last section table entry's kind byte (small kinds only)."""
    head = read_header(body)
    pos = head.size
    for i in range(head.sections):
        if i == head.sections - 1:
            return pos
        for _ in range(2):  # kind, then length: varints
            while body[pos] & 0x80:
                pos += 1
            pos += 1
    raise AssertionError("an image without sections")


def unsealed(image: bytes) -> bytearray:
    """The body of an unsigned image (everything the digest covers)."""
    return bytearray(image[:len(image) - DIGEST_SIZE])


def comparable(code: Code) -> dict:
    """A Code as plain data; NaN constants compare equal to each other, -0 unlike 0."""
    out = {f: getattr(code, f) for f in code.FIELDS}
    out["functions"] = [comparable(c) for c in code.functions]
    out["constants"] = [_constant(v) for v in code.constants]
    return out


def _constant(v):
    if isinstance(v, (EvalSite, TemplateSite)):  # compared field by field
        return (type(v).__name__, tuple(getattr(v, f) for f in v.__slots__))
    if isinstance(v, float):
        return ("float", "nan" if math.isnan(v) else struct.pack("<d", v))
    if isinstance(v, (tuple, list)):
        return (type(v).__name__, [_constant(x) for x in v])
    return (type(v).__name__, v)
