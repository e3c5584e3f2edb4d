"""caplet vm layer (see ARCHITECTURE.md)."""
