"""%AbstractModuleSource% and ModuleSource (source-phase imports; the ModuleSource proposal).

A ModuleSource wraps one compiled module (``compiler.module.CompiledModule``): text is
compiled once, and the object only reads its static record, so it is immutable and may
be shared by every Global and Compartment. ``import source x from "m"`` and
``import.source("m")`` give the ModuleSource of a source text module.
"""

from __future__ import annotations

from compiler.errors import JSSyntaxError

from ..convert import to_string, type_error
from ..objects import JSError, JSObject
from ..operations import create_array_from_list, get_prototype_from_constructor
from ..symbols import TO_STRING_TAG
from ..values import UNDEFINED
from .support import accessor, arg, make_constructor


def make_module_source(realm, compiled, proto: JSObject | None = None) -> JSObject:
    obj = JSObject(proto or realm.intrinsics["%ModuleSource.prototype%"], "ModuleSource")
    obj.internal = compiled
    return obj


def this_module_source(value, name: str):
    """The compiled module of a ModuleSource receiver (TypeError otherwise)."""
    if isinstance(value, JSObject) and value.class_name == "ModuleSource" and \
            value.internal is not None:
        return value.internal
    raise type_error(f"ModuleSource.prototype.{name} called on an incompatible receiver")


def _plain(realm, value):
    """A Python list/dict/str/bool of static analysis as a JavaScript value."""
    if isinstance(value, list):
        return create_array_from_list(realm, [_plain(realm, v) for v in value])
    if isinstance(value, dict):
        obj = JSObject(realm.object_prototype)
        for k, v in value.items():
            obj.props[k] = _plain(realm, v)
        return obj
    return value


def setup(realm) -> None:
    abstract_proto = JSObject(realm.object_prototype)

    def abstract_call(this, args):
        raise type_error("AbstractModuleSource cannot be called")

    def abstract_construct(args, new_target):
        raise type_error("AbstractModuleSource cannot be constructed directly")

    make_constructor(realm, "AbstractModuleSource", abstract_call, 0, abstract_construct,
                     abstract_proto)

    def to_string_tag(this, args):
        if isinstance(this, JSObject) and this.class_name == "ModuleSource" and \
                this.internal is not None:
            return "ModuleSource"
        return UNDEFINED

    accessor(realm, abstract_proto, TO_STRING_TAG, to_string_tag)
    proto = JSObject(abstract_proto)

    def source_call(this, args):
        raise type_error("Constructor ModuleSource requires 'new'")

    def source_construct(args, new_target):
        from compiler.module import compile_module

        text = to_string(arg(args, 0))
        try:
            compiled = compile_module(text, "<ModuleSource>")
        except JSSyntaxError as err:
            raise JSError("SyntaxError", str(err)) from None
        target = get_prototype_from_constructor(realm, new_target, "%ModuleSource.prototype%")
        return make_module_source(realm, compiled, target)

    make_constructor(realm, "ModuleSource", source_call, 1, source_construct, proto,
                     realm.intrinsics["%AbstractModuleSource%"])
    getters = {
        "bindings": lambda c: _plain(realm, c.bindings()),
        "needsImport": lambda c: c.needs_import,
        "needsImportMeta": lambda c: c.needs_import_meta,
        "imports": lambda c: _plain(realm, c.import_specifiers),
        "exports": lambda c: _plain(realm, c.export_names),
        "reexports": lambda c: _plain(realm, c.reexport_specifiers),
    }
    for name, read in getters.items():
        accessor(realm, proto, name,
                 lambda this, args, name=name, read=read: read(this_module_source(this, name)))
