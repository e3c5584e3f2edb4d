"""caplet firmware_bridge layer (see ARCHITECTURE.md)."""
