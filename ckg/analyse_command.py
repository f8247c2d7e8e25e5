"""`ckg analyse`: centrality, blocs and structural balance of the actors, as tables or JSON."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import textwrap
from typing import Any

import click

from ckg import tables


def _day(ctx: click.Context, param: click.Parameter, value: dt.datetime | None) -> str | None:
    return value.date().isoformat() if value else None


def _names(actors: list[dict[str, Any]]) -> str:
    return " \u2013 ".join(a["name"] for a in actors)


def _say(text: str) -> None:
    """A line of prose, wrapped to the terminal's width on a terminal, whole in a pipe."""
    if tables.is_terminal():
        text = textwrap.fill(text, width=max(40, shutil.get_terminal_size().columns - 1))
    click.echo(text)


def render_table(data: dict[str, Any]) -> None:
    """The report as headed sections, each measure explained in a sentence, each list a table."""
    window = data["window"]
    span = (f", {window['from'] or 'the start'} to {window['to'] or 'the end'}"
            if window["from"] or window["to"] else "")
    measures = data["measures"]
    click.echo(f"{data['actors']} actors, {data['events']} asserted events{span} (places and documents left out)")
    click.echo("\nCentrality")
    _say(measures["pagerank"])
    _say(measures["events"])
    tables.print_table(("rank", "actor", "type", "pagerank", "events"),
                       [(i, a["name"], a["type"], f"{a['pagerank']:.4f}", a["events"])
                        for i, a in enumerate(data["centrality"], 1)],
                       numeric=(True, False, False, True, True), flex=1)
    click.echo("\nBlocs")
    _say(measures["blocs"])
    tables.print_table(("bloc", "actor", "type", "id"),
                       [(i, a["name"], a["type"], a["id"]) for i, bloc in enumerate(data["blocs"], 1) for a in bloc],
                       numeric=(True, False, False, False), flex=1)
    if data["alone"]:
        _say("alone: " + ", ".join(a["name"] for a in data["alone"]))
    for tie in data["frustrated"]:
        kind = "allies in different blocs" if tie["sign"] > 0 else "enemies in one bloc"
        _say(f"frustrated: {_names(tie['actors'])} ({kind})")
    balance = data["balance"]
    ratio = "none to judge" if balance["ratio"] is None else f"{balance['ratio']:.2f}"
    click.echo("\nStructural balance")
    _say(measures["balance"])
    click.echo(f"triangles {balance['triangles']}, balanced {balance['balanced']}, "
               f"unbalanced {balance['unbalanced']}, ratio {ratio}")
    for triangle in balance["unbalanced_triangles"]:
        _say(f"unbalanced: {_names(triangle)}")


@click.command()
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--from", "date_from", type=click.DateTime(["%Y-%m-%d"]), callback=_day, metavar="DATE",
              help="Keep events from this day on (YYYY-MM-DD; an undated event counts at its document's date).")
@click.option("--to", "date_to", type=click.DateTime(["%Y-%m-%d"]), callback=_day, metavar="DATE",
              help="Keep events up to this day, inclusive.")
@click.option("--top", type=click.IntRange(min=1), default=10, show_default=True, help="Actors ranked.")
@click.pass_context
def analyse(ctx: click.Context, fmt: str, date_from: str | None, date_to: str | None, top: int) -> None:
    """Centrality, blocs and structural balance of the actors (asserted events; places and documents
    left out), each measure explained in a sentence. Blocs keep support and cooperation inside and
    hostility between them, so that enemies do not share a bloc.

    \b
    Example:
      ckg analyse
      ckg analyse --from 2019-04-01 --to 2020-06-30 --format json
    """
    from ckg.cli_support import fail_on_ckg_error, open_kg

    if date_from and date_to and date_from > date_to:
        raise click.BadParameter(f"--from {date_from} is after --to {date_to}", param_hint="'--from'")

    @fail_on_ckg_error
    def run() -> dict[str, Any]:
        with open_kg(ctx) as kg:
            return kg.analyse(date_from, date_to, top)

    data = run()
    if fmt == "json":
        click.echo(json.dumps(data, ensure_ascii=False, indent=1))
    else:
        render_table(data)
