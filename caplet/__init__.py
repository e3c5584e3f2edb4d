"""caplet: Hardened JavaScript for microcontrollers (CLI and the small public API)."""

from compiler import JSSyntaxError, parse

__all__ = ["JSSyntaxError", "parse"]
__version__ = "0.1.0"
