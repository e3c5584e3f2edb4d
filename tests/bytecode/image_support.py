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


def _varint(data: bytes, pos: int) -> tuple[int, int]:
    value = shift = 0
    while True:
        b = data[pos]
        pos += 1
        value |= (b & 0x7F) << shift
        shift += 7
        if not b & 0x80:
            return value, pos


def body_length(image: bytes) -> int:
    """The bytes the digest covers: the header, the section table and the sections."""
    head = read_header(image)
    pos, total = head.size, 0
    for _ in range(head.sections):  # one length varint per section the bitmap lists
        length, pos = _varint(image, pos)
        total += length
    return pos + total


def reseal(body: bytes) -> bytes:
    """An edited (unsigned) image with a fresh digest: what a hostile producer would send."""
    return body + hashlib.sha256(body).digest()


def with_section_kinds(body: bytes, kinds: list[int]) -> bytearray:
    """``body`` with the header's section bitmap listing ``kinds`` (one per length in the
    table, in order) instead: relabelled sections."""
    head = read_header(body)
    start = head.size - 1
    while start > 0 and body[start - 1] & 0x80:  # back to the bitmap's first byte
        start -= 1
    assert len(kinds) == head.sections and kinds == sorted(kinds)
    bitmap, out = sum(1 << (k - 1) for k in kinds), bytearray()
    while True:
        out.append(bitmap & 0x7F | (0x80 if bitmap >> 7 else 0))
        bitmap >>= 7
        if not bitmap:
            break
    return bytearray(body[:start] + out + body[head.size:])


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
