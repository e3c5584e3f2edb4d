"""The well-known symbols and the global symbol registry.

ECMA-262 §6.1.5.1 and §20.4.2.2: both are shared by every realm, so they live here at
module level rather than on a Realm (an array made in one Global iterates in another).
"""

from __future__ import annotations

from .values import JSSymbol

NAMES = ("asyncDispose", "asyncIterator", "dispose", "hasInstance", "isConcatSpreadable",
         "iterator", "match", "matchAll", "replace", "search", "species", "split",
         "toPrimitive", "toStringTag", "unscopables")  # (a)syncDispose: `using` declarations

WELL_KNOWN: dict[str, JSSymbol] = {name: JSSymbol(f"Symbol.{name}") for name in NAMES}

ASYNC_DISPOSE = WELL_KNOWN["asyncDispose"]
ASYNC_ITERATOR = WELL_KNOWN["asyncIterator"]
DISPOSE = WELL_KNOWN["dispose"]
HAS_INSTANCE = WELL_KNOWN["hasInstance"]
IS_CONCAT_SPREADABLE = WELL_KNOWN["isConcatSpreadable"]
ITERATOR = WELL_KNOWN["iterator"]
MATCH = WELL_KNOWN["match"]
MATCH_ALL = WELL_KNOWN["matchAll"]
REPLACE = WELL_KNOWN["replace"]
SEARCH = WELL_KNOWN["search"]
SPECIES = WELL_KNOWN["species"]
SPLIT = WELL_KNOWN["split"]
TO_PRIMITIVE = WELL_KNOWN["toPrimitive"]
TO_STRING_TAG = WELL_KNOWN["toStringTag"]
UNSCOPABLES = WELL_KNOWN["unscopables"]

# GlobalSymbolRegistry: Symbol.for(key) -> the one symbol registered under key.
REGISTRY: dict[str, JSSymbol] = {}


def symbol_for(key: str) -> JSSymbol:
    """Symbol.for: the registered symbol for ``key``, made on first use."""
    sym = REGISTRY.get(key)
    if sym is None:
        sym = REGISTRY[key] = JSSymbol(key, registered=True)
    return sym


def symbol_descriptive_string(sym: JSSymbol) -> str:
    """SymbolDescriptiveString: ``Symbol(desc)``."""
    return f"Symbol({sym.description or ''})"
