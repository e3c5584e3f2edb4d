"""caplet boards layer: board profiles (one TOML file per board) and their loader.

``load_board(name)`` gives a validated, frozen ``BoardProfile``; ``board_names()`` lists
the shipped boards. This package imports nothing else of caplet's.
"""

from .profile import (
    BoardError,
    BoardProfile,
    CostModel,
    Flash,
    Slot,
    board_names,
    is_board,
    load_board,
    load_board_file,
    parse_board,
)

__all__ = ["BoardError", "BoardProfile", "CostModel", "Flash", "Slot", "board_names",
           "is_board", "load_board", "load_board_file", "parse_board"]
