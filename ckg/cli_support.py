"""What the `ckg` commands share: opening the store, one-line errors and warnings, the options of extraction,
and tables of rows."""

from __future__ import annotations

import csv
import functools
import json
import sys
from typing import Any

import click
from rich.console import Console

from ckg import tables
from ckg.api import ConflictKG
from loaders.limits import Limits
from ontology.errors import CkgError, InputError, InternalError

err_console = Console(stderr=True)


def debug_on() -> bool:
    ctx = click.get_current_context(silent=True)
    return bool(ctx and ctx.find_root().obj and ctx.find_root().obj.get("debug"))


def fail_on_ckg_error(func: Any) -> Any:
    """Library errors become one-line messages and exit code 1 at the edge; so does anything unexpected,
    whose traceback only --debug shows."""
    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except CkgError as err:
            if debug_on():
                raise
            raise click.ClickException(str(err)) from None
        except Exception as err:
            if debug_on():
                raise
            what = " ".join(f"{type(err).__name__}: {err}".split())[:300]
            raise click.ClickException(f"internal error (please report): {what}; "
                                       "`ckg --debug ...` shows the traceback") from None

    return wrapper


def open_kg(ctx: click.Context, read_only: bool = True) -> ConflictKG:
    """The store; reading commands open it read-only, beside a running ingest."""
    o = ctx.obj
    kg = ConflictKG.open(o["kind"], graph=o["graph"], uri=o["uri"], database=o["database"],
                         gazetteers=o["gazetteers"], packs=o["packs"], read_only=read_only)
    if read_only and kg.store.summaries_behind():
        report_warning("the summary relationships are behind the events: an ingest is counting them again, or "
                       "stopped before it could; questions that read them lag until `ckg ingest` ends")
    return kg


def report_error(error: InputError) -> None:
    err_console.print("[red]error:[/red] ", end="", highlight=False)
    err_console.print(str(error), highlight=False, soft_wrap=True, markup=False)  # names may hold "[...]"
    if isinstance(error, InternalError) and error.detail and debug_on():
        err_console.print(error.detail, highlight=False, soft_wrap=True, markup=False)


def report_warning(message: str) -> None:
    err_console.print("[yellow]warning:[/yellow] ", end="", highlight=False)
    err_console.print(message, highlight=False, soft_wrap=True, markup=False)


# Shared by extract and ingest (click builds a new option each time the decorator is applied).
jobs_option = click.option("--jobs", "-j", type=click.IntRange(min=0), default=1, show_default=True, metavar="N",
                            help="Extract in N processes; 0 = one per core. The output is the same for any N.")


def limit_options(func: Any) -> Any:
    func = click.option("--max-relations", type=click.IntRange(min=1), default=Limits.max_relations,
                        show_default=True, metavar="N",
                        help="Relations kept from one sentence; the rest are dropped with a warning.")(func)
    return click.option("--max-seconds", type=click.FloatRange(min=0), default=Limits.max_seconds,
                        show_default=True, metavar="S",
                        help="Time allowed to extract one document; one that takes longer is reported and "
                             "skipped. 0: no limit.")(func)


def limits_of(max_seconds: float, max_relations: int) -> Limits:
    return Limits(max_seconds=max_seconds or None, max_relations=max_relations)


def csv_value(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def print_rows(columns: list[str], rows: list[dict[str, Any]]) -> None:
    tables.print_dicts(columns, rows)
    click.echo(f"{len(rows)} rows", err=True)  # beside the table, not in what a pipe reads


def emit_rows(columns: list[Any], rows: list[dict[str, Any]], fmt: str) -> None:
    """Answer rows as JSON, CSV or a table (the row count on stderr beside a table)."""
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=1))
    elif fmt == "csv":
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(columns)
        for row in rows:
            writer.writerow([csv_value(row.get(c)) for c in columns])
    else:
        print_rows(columns, rows)
