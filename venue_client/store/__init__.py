"""Storage: SQLAlchemy models, the database (SQLite or PostgreSQL) and its migrations."""
