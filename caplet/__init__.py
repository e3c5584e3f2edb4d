"""caplet: Hardened JavaScript for microcontrollers (CLI and the small public API)."""

from compiler import JSSyntaxError

__all__ = ["JSSyntaxError", "parse"]
__version__ = "0.1.0"


def __getattr__(name: str):
    """``caplet.parse`` loads the parser on first use (`caplet run app.caplet` never
    parses, so it never pays for it)."""
    if name == "parse":
        from compiler import parse

        return parse
    raise AttributeError(f"module 'caplet' has no attribute {name!r}")
