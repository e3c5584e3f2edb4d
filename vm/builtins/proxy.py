"""The Proxy constructor (§28.2): `new Proxy(target, handler)` and `Proxy.revocable`.

The exotic objects themselves are in vm/proxy.py. %Proxy% has no `prototype` property
(proxies take no prototype from it) and throws when called without `new`.
"""

from __future__ import annotations

from ..objects import JSError, JSObject, Slot
from ..proxy import proxy_create, revoke
from ..values import UNDEFINED
from .support import arg


def setup(realm) -> None:
    def proxy_call(this, args):
        raise JSError("TypeError", "Constructor Proxy requires 'new'")

    def proxy_construct(args, new_target):
        return proxy_create(realm, arg(args, 0), arg(args, 1))

    ctor = realm.native("Proxy", proxy_call, 2, proxy_construct)
    realm.intrinsics["%Proxy%"] = ctor

    def revocable(this, args):
        """Proxy.revocable: the proxy and a function that revokes it (once)."""
        proxy = proxy_create(realm, arg(args, 0), arg(args, 1))
        holder = [proxy]  # [[RevocableProxy]], emptied by the first call

        def revoke_(this, args):
            if holder[0] is not None:
                revoke(holder[0])
                holder[0] = None
            return UNDEFINED

        result = JSObject(realm.object_prototype)
        result.define_own_property("proxy", Slot(proxy))
        result.define_own_property("revoke", Slot(realm.native("", revoke_, 0)))
        return result

    realm.method(ctor, "revocable", revocable, 2)
