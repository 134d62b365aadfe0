"""Audit log core: RFC 9162 Merkle trees, C2SP signed notes and checkpoints (pure, no I/O)."""
