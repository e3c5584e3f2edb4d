"""caplet boards layer (see ARCHITECTURE.md)."""
