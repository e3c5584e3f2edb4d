"""Plain data classes for the run path, without `dataclasses`.

`caplet run app.caplet` reads images, code and module records; importing `dataclasses`
(which pulls in `inspect`) and generating each class's methods cost tens of
milliseconds of start-up, so these records are plain classes. A subclass lists its
fields in ``__slots__`` (in constructor order) and writes its ``__init__``; this base
gives what a dataclass would: equality field by field (a tuple comparison, so a NaN
field equals itself as in a dataclass), a readable ``repr`` and ``replace``; a frozen
one's constructor takes its fields in ``__slots__`` order (pickling relies on it).
"""

from __future__ import annotations


class Record:
    """Mutable plain data; unhashable, like a dataclass with ``eq=True``."""

    __slots__ = ()

    def _key(self) -> tuple:
        return tuple([getattr(self, f) for f in self.__slots__])

    def __eq__(self, other):
        if type(other) is not type(self):
            return NotImplemented
        return self._key() == other._key()

    __hash__ = None

    def __repr__(self) -> str:
        fields = ", ".join(f"{f}={getattr(self, f)!r}" for f in self.__slots__)
        return f"{type(self).__name__}({fields})"

    def as_dict(self) -> dict:
        """The fields by name (``dataclasses.asdict`` for one level)."""
        return {f: getattr(self, f) for f in self.__slots__}

    def replace(self, **changes) -> Record:
        """A copy with some fields changed (``dataclasses.replace``)."""
        return type(self)(**{f: changes.pop(f, getattr(self, f)) for f in self.__slots__},
                          **changes)


class Frozen(Record):
    """Immutable plain data, hashable by its fields (a frozen dataclass)."""

    __slots__ = ()

    def __hash__(self) -> int:
        return hash(self._key())

    def __reduce__(self):  # pickled and copied through the constructor (fields in order)
        return type(self), self._key()

    def __setattr__(self, name: str, value) -> None:
        raise AttributeError(f"cannot assign to field {name!r} of a frozen "
                             f"{type(self).__name__}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"cannot delete field {name!r} of a frozen "
                             f"{type(self).__name__}")
