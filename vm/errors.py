"""Errors the VM reports to its host (never to JavaScript code)."""

from __future__ import annotations


class UncaughtError(Exception):
    """A JavaScript exception no handler caught; ``str()`` reads like node's report."""

    def __init__(self, value, text: str):
        super().__init__(text)
        self.value = value
