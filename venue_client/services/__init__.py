"""Use cases: orchestrate domain rules, the store, the audit log and the drivers."""
