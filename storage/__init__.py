"""The SQLite store: schema migrations and repository functions that all take ``team_id``."""
