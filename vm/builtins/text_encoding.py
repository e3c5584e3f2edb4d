"""TextEncoder and TextDecoder (WHATWG Encoding Standard), UTF-8 only, as Moddable XS has.

Host globals, not ECMA-262, but intrinsics all the same (%TextEncoder%, %TextDecoder%):
lockdown freezes them with the rest, and ses 2.x permits both as universal globals, so a
Compartment's global object gets the shared ones (vm/compartment.py UNIVERSAL).

A JavaScript string is UTF-16 code units (a lone surrogate is a unit of its own):
``usv_text`` makes it a USVString's text (each lone surrogate becoming U+FFFD) before
encoding. Decoding uses Python's incremental UTF-8 decoder, whose replacement of bad
bytes (one U+FFFD per maximal subpart) and buffering of a sequence cut at a chunk's
end (``{stream: true}``) are the Encoding Standard's; the BOM is handled here.
Property shapes (enumerable methods and getters, brand checks) follow WebIDL and node.
"""

from __future__ import annotations

import codecs

from ..convert import describe, range_error, to_boolean, to_string, type_error
from ..objects import CONFIGURABLE, ENUMERABLE, WRITABLE, JSObject
from ..operations import get_prototype_from_constructor
from ..symbols import TO_STRING_TAG
from ..utf16 import to_utf16
from ..values import NULL, UNDEFINED
from .array_buffer import allocate_array_buffer, is_array_buffer
from .data_view import JSDataView
from .support import arg, make_constructor
from .typed_array import TYPES, JSTypedArray

# The labels of UTF-8 (Encoding Standard §4.2), after trimming and lower-casing.
UTF8_LABELS = frozenset(("unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8", "utf-8",
                         "utf8", "x-unicode20utf8"))
ASCII_WHITESPACE = "\t\n\f\r "
UNPAIRED = codecs.lookup("utf-16-le")


class DecoderState:
    """A TextDecoder's internal slots: its options, and the stream it is in the middle of."""

    __slots__ = ("fatal", "ignore_bom", "bom_seen", "do_not_flush", "decoder")

    def __init__(self, fatal: bool, ignore_bom: bool) -> None:
        self.fatal = fatal
        self.ignore_bom = ignore_bom
        self.bom_seen = False
        self.do_not_flush = False
        self.decoder = None

    def decode(self, data: bytes, stream: bool) -> str:
        """The decode() steps: a new decoder unless the last call streamed, then BOM."""
        if not self.do_not_flush:
            errors = "strict" if self.fatal else "replace"
            self.decoder = codecs.getincrementaldecoder("utf-8")(errors)
            self.bom_seen = False
        self.do_not_flush = stream
        try:
            text = self.decoder.decode(data, not stream)
        except UnicodeDecodeError:
            self.do_not_flush = False  # the next call starts afresh
            raise type_error("The encoded data was not valid for encoding utf-8") from None
        if text and not self.bom_seen:
            self.bom_seen = True
            if text[0] == "\ufeff" and not self.ignore_bom:
                text = text[1:]
        return to_utf16(text)


def usv_text(units: str) -> str:
    """A JavaScript string as text: pairs joined, each lone surrogate U+FFFD."""
    if units.isascii():
        return units
    return UNPAIRED.decode(units.encode("utf-16-le", "surrogatepass"), "replace")[0]


def buffer_source_bytes(value, what: str) -> bytes:
    """A copy of the bytes an ArrayBuffer or a view holds (none once detached)."""
    if is_array_buffer(value):
        data = value.internal.data
        return b"" if data is None else bytes(data)
    if type(value) is JSTypedArray:
        n = value.length()
        if n is None:
            return b""
        start = value.byte_offset
        return bytes(value.viewed_buffer.internal.data[start:start + n * value.kind.size])
    if type(value) is JSDataView:
        n = value.view_size()
        if n is None:
            return b""
        return bytes(value.viewed_buffer.internal.data[value.byte_offset:value.byte_offset + n])
    raise type_error(f"The \"{what}\" argument must be an ArrayBuffer or an ArrayBufferView; "
                     f"received {describe(value)}")


def dictionary_members(value, members: tuple[str, ...], what: str) -> list[bool]:
    """A WebIDL dictionary of booleans (all default false): its members, in order."""
    if value is UNDEFINED or value is NULL:
        return [False] * len(members)
    if not isinstance(value, JSObject):
        raise type_error(f"The \"{what}\" argument must be an object")
    return [to_boolean(value.get(name)) for name in members]


def require_brand(this, class_name: str):
    """A WebIDL brand check: the internal state of a ``class_name`` object."""
    if isinstance(this, JSObject) and this.class_name == class_name and \
            this.internal is not None and \
            (class_name == "TextEncoder") is (this.internal is ENCODER):
        return this.internal
    raise type_error(f"Value of \"this\" must be of type {class_name}")


ENCODER = object()  # a TextEncoder's internal: it has no state, only its brand


def new_uint8_array(realm, data: bytes) -> JSTypedArray:
    """A Uint8Array over a new ArrayBuffer holding ``data``."""
    intr = realm.intrinsics
    array = JSTypedArray(intr["%Uint8Array.prototype%"], TYPES["Uint8Array"])
    array.viewed_buffer = allocate_array_buffer(realm, intr["%ArrayBuffer%"], len(data))
    array.viewed_buffer.internal.data[:] = data
    array.array_length = len(data)
    return array


def encode(realm, this, args):
    """TextEncoder.prototype.encode(input = ""): UTF-8 bytes in a new Uint8Array."""
    require_brand(this, "TextEncoder")
    value = arg(args, 0)
    text = "" if value is UNDEFINED else usv_text(to_string(value))
    return new_uint8_array(realm, text.encode("utf-8"))


def encode_into(realm, this, args):
    """TextEncoder.prototype.encodeInto(source, destination): as many whole characters as
    fit; ``read`` counts UTF-16 code units, ``written`` bytes."""
    require_brand(this, "TextEncoder")
    units = to_string(arg(args, 0))
    dest = arg(args, 1)
    if type(dest) is not JSTypedArray or dest.kind is not TYPES["Uint8Array"]:
        raise type_error(f"The \"dest\" argument must be a Uint8Array; received "
                         f"{describe(dest)}")
    room = dest.length() or 0
    text = usv_text(units)
    encoded = text.encode("utf-8")
    if len(encoded) > room:
        read = written = 0
        for char in text:
            size = len(char.encode("utf-8"))
            if written + size > room:
                break
            written += size
            read += 2 if ord(char) > 0xFFFF else 1
        encoded = encoded[:written]
    else:
        read = len(units)
    start = dest.byte_offset
    if encoded:
        dest.viewed_buffer.internal.data[start:start + len(encoded)] = encoded
    result = JSObject(realm.object_prototype)
    result.props["read"] = float(read)
    result.props["written"] = float(len(encoded))
    return result


def decode(realm, this, args):
    """TextDecoder.prototype.decode(input, {stream})."""
    state = require_brand(this, "TextDecoder")
    value = arg(args, 0)
    data = b"" if value is UNDEFINED else buffer_source_bytes(value, "input")
    (stream,) = dictionary_members(arg(args, 1), ("stream",), "options")
    return state.decode(data, stream)


def encoding(this, class_name: str) -> str:
    """The ``encoding`` getters: the one encoding there is."""
    require_brand(this, class_name)
    return "utf-8"


def utf8_label(label) -> bool:
    """Get an encoding: is ``label`` one of UTF-8's?"""
    return label.strip(ASCII_WHITESPACE).lower() in UTF8_LABELS


def setup(realm) -> None:
    """%TextEncoder% and %TextDecoder% with their prototypes."""
    def method(target: JSObject, name: str, fn, length: int) -> None:
        f = realm.native(name, lambda this, args: fn(realm, this, args), length)
        target.define(name, f, WRITABLE | ENUMERABLE | CONFIGURABLE)

    def getter(target: JSObject, name: str, fn) -> None:
        get = realm.native(f"get {name}", fn, 0)
        target.define_accessor(name, get, UNDEFINED, ENUMERABLE | CONFIGURABLE)

    def new_required(name: str):
        def call_(this, args):
            raise type_error(f"Class constructor {name} cannot be invoked without 'new'")
        return call_

    encoder_proto = JSObject(realm.object_prototype)

    def construct_encoder(args, new_target):
        obj = JSObject(get_prototype_from_constructor(realm, new_target,
                                                      "%TextEncoder.prototype%"),
                       "TextEncoder")
        obj.internal = ENCODER
        return obj

    make_constructor(realm, "TextEncoder", new_required("TextEncoder"), 0, construct_encoder,
                     encoder_proto)
    getter(encoder_proto, "encoding", lambda this, args: encoding(this, "TextEncoder"))
    method(encoder_proto, "encode", encode, 0)
    method(encoder_proto, "encodeInto", encode_into, 2)
    encoder_proto.define(TO_STRING_TAG, "TextEncoder", CONFIGURABLE)

    decoder_proto = JSObject(realm.object_prototype)

    def construct_decoder(args, new_target):
        label = arg(args, 0)
        label = "utf-8" if label is UNDEFINED else to_string(label)
        fatal, ignore_bom = dictionary_members(arg(args, 1), ("fatal", "ignoreBOM"),
                                               "options")
        if not utf8_label(label):
            raise range_error(f"The \"{label}\" encoding is not supported")
        obj = JSObject(get_prototype_from_constructor(realm, new_target,
                                                      "%TextDecoder.prototype%"),
                       "TextDecoder")
        obj.internal = DecoderState(fatal, ignore_bom)
        return obj

    make_constructor(realm, "TextDecoder", new_required("TextDecoder"), 0, construct_decoder,
                     decoder_proto)
    method(decoder_proto, "decode", decode, 0)
    getter(decoder_proto, "encoding", lambda this, args: encoding(this, "TextDecoder"))
    getter(decoder_proto, "fatal", lambda this, args: require_brand(this, "TextDecoder").fatal)
    getter(decoder_proto, "ignoreBOM",
           lambda this, args: require_brand(this, "TextDecoder").ignore_bom)
    decoder_proto.define(TO_STRING_TAG, "TextDecoder", CONFIGURABLE)
