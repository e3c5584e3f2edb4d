"""Records the interpreter and its helpers pass around (ECMA-262's spec records)."""

from __future__ import annotations


class GeneratorReturn(Exception):
    """generator.return(v) travelling through a suspended frame: finally blocks run."""

    def __init__(self, value):
        super().__init__(value)
        self.value = value


class InnerResult:
    """What yield* yields in a sync generator: the inner iterator's own result object,
    which the generator's next()/throw()/return() hand back unchanged (its `value` is
    not read, its `done` not re-created)."""

    __slots__ = ("result",)

    def __init__(self, result) -> None:
        self.result = result


class IterRecord:
    """An iterator record: the iterator object and its `next` method."""

    __slots__ = ("iterator", "next", "done")

    def __init__(self, iterator, next_method):
        self.iterator = iterator
        self.next = next_method
        self.done = False


GENSTART = object()  # what a generator's frame yields once its parameters are set up
