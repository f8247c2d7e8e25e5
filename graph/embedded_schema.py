"""The embedded database's schema on opening: created, brought up to date for a writer, checked for a reader."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from graph.embedded_support import statement
from graph.schema import MONTH, ddl, node_tables
from graph.store import split_statements
from ontology.errors import StoreError

# A summary table, and the column added last to every summary table: a store without it is older.
SUMMARY_TABLE, NEWEST_SUMMARY_COLUMN = "SUPPORTS", "days"


def table_names(conn: Any) -> set[str]:
    return {row[0] for row in conn.execute("CALL show_tables() RETURN name").get_all()}


def _columns(conn: Any, table: str) -> set[str]:
    return {row[0] for row in conn.execute(f"CALL table_info('{table}') RETURN name").get_all()}


def _current(conn: Any, tables: set[str]) -> bool:
    return MONTH in tables and NEWEST_SUMMARY_COLUMN in _columns(conn, SUMMARY_TABLE)


def create_schema(conn: Any) -> None:
    """The schema, created or brought up to date: a store from before the Month table or the summaries'
    days gets what was added with them, filled in from its graph."""
    tables = table_names(conn)
    current = "Event" not in tables or _current(conn, tables)
    for text in ddl():
        conn.execute(text)
    if not current:
        for text in split_statements(statement("bring_up_to_date")):
            conn.execute(text)


def check_schema(conn: Any, path: Path) -> None:
    """A reader's check: every table there, and nothing an earlier version left to fill in."""
    tables = table_names(conn)
    missing = [t for t in node_tables() if t not in tables]
    if missing:
        raise RuntimeError(f"it has no {', '.join(missing)} table")
    if not _current(conn, tables):
        raise StoreError(f"{path} was written by an earlier version of conflict-kg; run ckg ingest on it once "
                         "(of any document) to bring it up to date, then read it")
