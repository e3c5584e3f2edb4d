"""Proxy exotic objects (ECMA-262 §10.5).

A proxy keeps no properties of its own: each essential internal method asks the
handler's trap (or, without one, the target) and then checks the trap's answer against
what the target allows, so a proxy can never report something its target's frozen or
non-configurable parts contradict. ``internal`` holds the [[ProxyTarget]] and
[[ProxyHandler]]; revocation sets both to None.

The object model reads an object's [[Prototype]] and [[Extensible]] as the attributes
``proto`` and ``extensible``; a proxy answers them through its getPrototypeOf and
isExtensible traps (properties shadowing JSObject's slots), so every spec operation
written against an ordinary object also works for proxies. Walks that must not run
JavaScript (heap tracing, console.log, preload) test ``is_proxy`` first. The only
private state a proxy has is private class members (``props`` keyed by PrivateName),
which the spec keeps on the proxy itself.
"""

from __future__ import annotations

from .convert import describe, is_callable, is_constructor, to_boolean, type_error
from .objects import (
    ACCESSOR,
    CONFIGURABLE,
    ENUMERABLE,
    WRITABLE,
    JSNative,
    JSObject,
    Slot,
    _complete,
    same_value,
)
from .operations import (
    GETTER,
    SETTER,
    VALUE,
    call,
    construct,
    create_array_from_list,
    define_from_descriptor,
    key_text,
    length_of_array_like,
    to_property_descriptor,
)
from .values import NULL, UNDEFINED, JSSymbol

EMPTY = 128  # ``present`` of an empty descriptor object (vm.operations._EMPTY)


class ProxyData:
    """[[ProxyTarget]] and [[ProxyHandler]] (None once revoked), and the realm whose
    %Object.prototype% and %Array.prototype% the traps' argument objects get."""

    __slots__ = ("target", "handler", "realm")

    def __init__(self, target, handler, realm) -> None:
        self.target = target
        self.handler = handler
        self.realm = realm


def _fail(trap: str, why: str):
    return type_error(f"'{trap}' on proxy: {why}")


class JSProxy(JSObject):
    """A proxy of a target that is not callable."""

    __slots__ = ()
    is_proxy = True

    def __init__(self, target: JSObject, handler: JSObject, realm) -> None:
        self.props = {}
        self.segment = None
        self.class_name = "Proxy"
        self.internal = ProxyData(target, handler, realm)

    def __repr__(self) -> str:
        return f"<Proxy object at {id(self):#x}>"

    @property
    def revoked(self) -> bool:
        return self.internal.handler is None

    def _trap(self, name: str):
        """The target, the handler and the handler's ``name`` trap (None if absent)."""
        data = self.internal
        handler = data.handler
        if handler is None:
            raise type_error(f"Cannot perform '{name}' on a proxy that has been revoked")
        target = data.target
        trap = handler.get(name, handler)
        if trap is UNDEFINED or trap is NULL:
            return target, handler, None
        if not is_callable(trap):
            raise type_error(f"{describe(trap)} returned for property '{name}' of object "
                             "'#<Object>' is not a function")
        return target, handler, trap

    # -- [[GetPrototypeOf]], [[SetPrototypeOf]], [[IsExtensible]], [[PreventExtensions]]

    @property
    def proto(self):
        target, handler, trap = self._trap("getPrototypeOf")
        if trap is None:
            return target.proto
        proto = call(trap, handler, [target])
        if proto is NULL:
            proto = None
        elif not isinstance(proto, JSObject):
            raise _fail("getPrototypeOf", "trap returned neither object nor null")
        if target.extensible:
            return proto
        if proto is not target.proto:
            raise _fail("getPrototypeOf", "proxy target is non-extensible but the trap did "
                        "not return its actual prototype")
        return proto

    def set_prototype_of(self, proto) -> bool:
        target, handler, trap = self._trap("setPrototypeOf")
        if trap is None:
            return target.set_prototype_of(proto)
        if not to_boolean(call(trap, handler, [target, NULL if proto is None else proto])):
            return False
        if target.extensible:
            return True
        if target.proto is not proto:
            raise _fail("setPrototypeOf", "trap returned truish for setting a new prototype "
                        "on the non-extensible proxy target")
        return True

    @property
    def extensible(self) -> bool:
        target, handler, trap = self._trap("isExtensible")
        if trap is None:
            return target.extensible
        result = to_boolean(call(trap, handler, [target]))
        if result != target.extensible:
            raise _fail("isExtensible", "trap result does not reflect extensibility of proxy "
                        f"target (which is '{'false' if result else 'true'}')")
        return result

    def prevent_extensions(self) -> bool:
        target, handler, trap = self._trap("preventExtensions")
        if trap is None:
            return target.prevent_extensions()
        result = to_boolean(call(trap, handler, [target]))
        if result and target.extensible:
            raise _fail("preventExtensions", "trap returned truish but the proxy target is "
                        "extensible")
        return result

    # -- [[GetOwnProperty]], [[DefineOwnProperty]] ----------------------------------------

    def get_own_property(self, key) -> Slot | None:
        target, handler, trap = self._trap("getOwnPropertyDescriptor")
        if trap is None:
            return target.get_own_property(key)
        result = call(trap, handler, [target, key])
        if result is not UNDEFINED and not isinstance(result, JSObject):
            raise _fail("getOwnPropertyDescriptor", "trap returned neither object nor "
                        f"undefined for property '{key_text(key)}'")
        target_desc = target.get_own_property(key)
        if result is UNDEFINED:
            if target_desc is None:
                return None
            if not target_desc.flags & CONFIGURABLE:
                raise _fail("getOwnPropertyDescriptor", "trap returned undefined for property "
                            f"'{key_text(key)}' which is non-configurable in the proxy target")
            if not target.extensible:
                raise _fail("getOwnPropertyDescriptor", "trap returned undefined for property "
                            f"'{key_text(key)}' which exists in the non-extensible proxy "
                            "target")
            return None
        extensible = target.extensible
        desc, present = to_property_descriptor(result)
        desc = _complete(desc, present)
        if not is_compatible(extensible, desc, 0, target_desc):
            raise _fail("getOwnPropertyDescriptor", "trap returned descriptor for property "
                        f"'{key_text(key)}' that is incompatible with the existing property "
                        "in the proxy target")
        if not desc.flags & CONFIGURABLE:
            if target_desc is None or target_desc.flags & CONFIGURABLE:
                raise _fail("getOwnPropertyDescriptor", "trap reported non-configurability "
                            f"for property '{key_text(key)}' which is either non-existent or "
                            "configurable in the proxy target")
            if not desc.flags & (ACCESSOR | WRITABLE) and target_desc.flags & WRITABLE:
                raise _fail("getOwnPropertyDescriptor", "trap reported non-configurable and "
                            f"writable for property '{key_text(key)}' which is non-configurable,"
                            " non-writable in the proxy target")
        return desc

    def define_own_property(self, key, desc: Slot, present: int = 0) -> bool:
        target, handler, trap = self._trap("defineProperty")
        if trap is None:
            return define_from_descriptor(target, key, desc, present)
        desc_obj = descriptor_object(self.internal.realm, desc, present)
        if not to_boolean(call(trap, handler, [target, key, desc_obj])):
            return False
        target_desc = target.get_own_property(key)
        extensible = target.extensible
        gives = present if present else (
            DATA_FIELDS if not desc.flags & ACCESSOR else ACCESSOR_FIELDS)
        config_false = bool(gives & CONFIGURABLE) and not desc.flags & CONFIGURABLE
        if target_desc is None:
            if not extensible:
                raise _fail("defineProperty", f"trap returned truish for adding property "
                            f"'{key_text(key)}'  to the non-extensible proxy target")
            if config_false:
                raise _fail("defineProperty", "trap returned truish for defining "
                            f"non-configurable property '{key_text(key)}' which is either "
                            "non-existent or configurable in the proxy target")
            return True
        if not is_compatible(extensible, desc, present, target_desc):
            raise _fail("defineProperty", "trap returned truish for adding property "
                        f"'{key_text(key)}'  that is incompatible with the existing property "
                        "in the proxy target")
        if config_false and target_desc.flags & CONFIGURABLE:
            raise _fail("defineProperty", "trap returned truish for defining non-configurable "
                        f"property '{key_text(key)}' which is either non-existent or "
                        "configurable in the proxy target")
        if not target_desc.flags & (ACCESSOR | CONFIGURABLE) and target_desc.flags & WRITABLE \
                and gives & WRITABLE and not desc.flags & WRITABLE:
            raise _fail("defineProperty", "trap returned truish for defining non-configurable "
                        f"property '{key_text(key)}' which cannot be non-writable, unless "
                        "there exists a corresponding non-configurable, non-writable own "
                        "property of the target object.")
        return True

    # -- [[HasProperty]], [[Get]], [[Set]], [[Delete]] ----------------------------------

    def has_property(self, key) -> bool:
        target, handler, trap = self._trap("has")
        if trap is None:
            return target.has_property(key)
        result = to_boolean(call(trap, handler, [target, key]))
        if not result:
            target_desc = target.get_own_property(key)
            if target_desc is not None:
                if not target_desc.flags & CONFIGURABLE:
                    raise _fail("has", f"trap returned falsish for property '{key_text(key)}' "
                                "which exists in the proxy target as non-configurable")
                if not target.extensible:
                    raise _fail("has", f"trap returned falsish for property '{key_text(key)}' "
                                "but the proxy target is not extensible")
        return result

    def get(self, key, receiver=None):
        target, handler, trap = self._trap("get")
        if receiver is None:
            receiver = self
        if trap is None:
            return target.get(key, receiver)
        value = call(trap, handler, [target, key, receiver])
        target_desc = target.get_own_property(key)
        if target_desc is not None and not target_desc.flags & CONFIGURABLE:
            if target_desc.flags & ACCESSOR:
                if target_desc.getter is UNDEFINED and value is not UNDEFINED:
                    raise _fail("get", f"property '{key_text(key)}' is a non-configurable "
                                "accessor property on the proxy target and does not have a "
                                "getter function, but the trap did not return 'undefined' "
                                f"(got '{describe(value)}')")
            elif not target_desc.flags & WRITABLE and not same_value(value, target_desc.value):
                raise _fail("get", f"property '{key_text(key)}' is a read-only and "
                            "non-configurable data property on the proxy target but the proxy "
                            "did not return its actual value")
        return value

    def set(self, key, value, receiver=None) -> bool:
        target, handler, trap = self._trap("set")
        if receiver is None:
            receiver = self
        if trap is None:
            return target.set(key, value, receiver)
        if not to_boolean(call(trap, handler, [target, key, value, receiver])):
            return False
        target_desc = target.get_own_property(key)
        if target_desc is not None and not target_desc.flags & CONFIGURABLE:
            if target_desc.flags & ACCESSOR:
                if target_desc.setter is UNDEFINED:
                    raise _fail("set", "trap returned truish for property "
                                f"'{key_text(key)}' which exists in the proxy target as a "
                                "non-configurable and writable accessor property without a "
                                "setter")
            elif not target_desc.flags & WRITABLE and not same_value(value, target_desc.value):
                raise _fail("set", f"trap returned truish for property '{key_text(key)}' "
                            "which exists in the proxy target as a non-configurable and "
                            "non-writable data property with a different value")
        return True

    def delete(self, key) -> bool:
        target, handler, trap = self._trap("deleteProperty")
        if trap is None:
            return target.delete(key)
        if not to_boolean(call(trap, handler, [target, key])):
            return False
        target_desc = target.get_own_property(key)
        if target_desc is None:
            return True
        if not target_desc.flags & CONFIGURABLE:
            raise _fail("deleteProperty", f"trap returned truish for property "
                        f"'{key_text(key)}' which is non-configurable in the proxy target")
        if not target.extensible:
            raise _fail("deleteProperty", f"trap returned truish for property "
                        f"'{key_text(key)}' but the proxy target is non-extensible")
        return True

    # -- [[OwnPropertyKeys]] --------------------------------------------------------------

    def own_keys(self) -> list:
        target, handler, trap = self._trap("ownKeys")
        if trap is None:
            return target.own_keys()
        keys = _key_list(call(trap, handler, [target]))
        extensible = target.extensible
        configurable, fixed = [], []
        for key in target.own_keys():
            desc = target.get_own_property(key)
            if desc is not None and not desc.flags & CONFIGURABLE:
                fixed.append(key)
            else:
                configurable.append(key)
        if extensible and not fixed:
            return keys
        unchecked = set(keys)
        for key in fixed:
            if key not in unchecked:
                raise _fail("ownKeys", f"trap result did not include '{key_text(key)}'")
            unchecked.discard(key)
        if extensible:
            return keys
        for key in configurable:
            if key not in unchecked:
                raise _fail("ownKeys", f"trap result did not include '{key_text(key)}'")
            unchecked.discard(key)
        if unchecked:
            raise _fail("ownKeys", "trap returned extra keys but proxy target is "
                        "non-extensible")
        return keys


class JSCallableProxy(JSProxy, JSNative):
    """A proxy of a callable target: [[Call]], and [[Construct]] if the target has it.

    Being a JSNative, it is called wherever a built-in function would be (``fn``), and
    IsCallable / IsConstructor / typeof need nothing proxy-specific."""

    __slots__ = ()

    def __init__(self, target: JSObject, handler: JSObject, realm) -> None:
        JSProxy.__init__(self, target, handler, realm)
        self.fn = self._call
        self.construct = self._construct if is_constructor(target) else None

    def _call(self, this, args: list):
        target, handler, trap = self._trap("apply")
        if trap is None:
            return call(target, this, args)
        return call(trap, handler, [target, this,
                                    create_array_from_list(self.internal.realm, list(args))])

    def _construct(self, args: list, new_target):
        target, handler, trap = self._trap("construct")
        if trap is None:
            return construct(target, args, new_target)
        result = call(trap, handler, [target, create_array_from_list(self.internal.realm,
                                                                     list(args)), new_target])
        if not isinstance(result, JSObject):
            raise _fail("construct", f"trap returned non-object ('{describe(result)}')")
        return result


def proxy_create(realm, target, handler) -> JSProxy:
    """ProxyCreate (§10.5.14)."""
    if not isinstance(target, JSObject) or not isinstance(handler, JSObject):
        raise type_error("Cannot create proxy with a non-object as target or handler")
    if is_callable(target):
        return JSCallableProxy(target, handler, realm)
    return JSProxy(target, handler, realm)


def revoke(proxy: JSProxy) -> None:
    """What a revocable proxy's revoke function does to it."""
    proxy.internal.target = None
    proxy.internal.handler = None


def unwrap(value):
    """The innermost target of a chain of proxies, None if one is revoked (inspection
    that must not run traps)."""
    while isinstance(value, JSProxy):
        value = value.internal.target
    return value


# The fields a complete descriptor gives (``present`` 0 in the object model).
DATA_FIELDS = VALUE | WRITABLE | ENUMERABLE | CONFIGURABLE
ACCESSOR_FIELDS = GETTER | SETTER | ENUMERABLE | CONFIGURABLE


def descriptor_object(realm, desc: Slot, present: int) -> JSObject:
    """FromPropertyDescriptor of a possibly partial descriptor: only its fields."""
    if present == 0:
        present = ACCESSOR_FIELDS if desc.flags & ACCESSOR else DATA_FIELDS
    obj = JSObject(realm.object_prototype)
    props = obj.props
    if present & VALUE:
        props["value"] = desc.value
    if present & WRITABLE:
        props["writable"] = bool(desc.flags & WRITABLE)
    if present & GETTER:
        props["get"] = desc.getter
    if present & SETTER:
        props["set"] = desc.setter
    if present & ENUMERABLE:
        props["enumerable"] = bool(desc.flags & ENUMERABLE)
    if present & CONFIGURABLE:
        props["configurable"] = bool(desc.flags & CONFIGURABLE)
    return obj


_SCRATCH_KEY = "p"


def is_compatible(extensible: bool, desc: Slot, present: int, current: Slot | None) -> bool:
    """IsCompatiblePropertyDescriptor: ValidateAndApplyPropertyDescriptor with no object,
    run on a scratch ordinary object holding ``current``."""
    if present == EMPTY:
        return current is not None or extensible
    scratch = JSObject(None)
    scratch.extensible = extensible
    if current is not None:
        scratch.props[_SCRATCH_KEY] = current
    return scratch.define_own_property(_SCRATCH_KEY, desc, present)


def _key_list(value) -> list:
    """CreateListFromArrayLike(value, « String, Symbol ») without duplicates."""
    if not isinstance(value, JSObject):
        raise type_error("CreateListFromArrayLike called on non-object")
    keys = []
    seen = set()
    for i in range(length_of_array_like(value)):
        key = value.get(str(i))
        if type(key) is not str and type(key) is not JSSymbol:
            raise type_error(f"{describe(key)} is not a valid property name")
        if key in seen:
            raise _fail("ownKeys", "trap returned duplicate entries")
        seen.add(key)
        keys.append(key)
    return keys
