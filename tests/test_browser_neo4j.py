"""Neo4j Browser, served by the test Neo4j, in headless Chromium: it connects, runs a catalog query,
takes graph/browser.grass, and draws actors captioned with their whole names."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from neo4j import GraphDatabase

from ckg.cli import cli
from graph.neo4j_store import Neo4jStore
from ontology.vocabulary import PREDICATES
from queries import catalog
from tests.cdp import Chromium, browser, keep_screenshot
from tests.paths import EXAMPLES

pytestmark = pytest.mark.neo4j

ROOT = Path(__file__).resolve().parent.parent
GRASS = ROOT / "graph" / "browser.grass"
GRAPH_QUERY = "MATCH (s:Actor)-[r:SUPPORTS]->(t:Actor) RETURN s, r, t"
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def run_in_editor(page: Chromium, command: str) -> None:
    """Put a command in the Browser's editor as a paste (typing would let the editor close brackets
    for us) and press its Run button."""
    page.evaluate("""(command => {
      const area = document.querySelector('[data-testid=activeEditor] textarea');
      area.focus();
      const data = new DataTransfer();
      data.setData('text/plain', command);
      area.dispatchEvent(new ClipboardEvent('paste', {clipboardData: data, bubbles: true, cancelable: true}));
      document.querySelector('[data-testid=editor-Run]').click();
    })(""" + json.dumps(command) + ")")


def frames(page: Chromium) -> int:
    return page.evaluate("document.querySelectorAll('[data-testid=frame]').length")


def run_and_wait(page: Chromium, command: str, ready: str) -> None:
    run_in_editor(page, command)
    page.wait_for(ready)


@pytest.fixture
def page(neo4j_clean: str, neo4j_browser_url: str) -> Chromium:
    result = CliRunner().invoke(cli, ["--store", "neo4j", "--uri", neo4j_clean, "ingest", str(EXAMPLES)])
    assert result.exit_code == 0, result.output
    chromium = browser()
    try:
        chromium.navigate(neo4j_browser_url)
        # Without authentication the Browser connects by itself and says so in a frame.
        chromium.wait_for("document.body.innerText.includes('Connected to Neo4j')")
        yield chromium
    finally:
        chromium.close()


def _expected_rows(uri: str) -> list[list[str]]:
    # the parameters Browser is given: the actor's group as the runner would derive it for "gna" alone
    with Neo4jStore(uri, user=None, password=None) as store:
        rows = store.run_query(catalog.get_query("supporters-of").text, {"actor_group": ["gna"]})
    return [[json.dumps(row[c]) if isinstance(row[c], str) else str(row[c]) for c in row] for row in rows]


def test_browser_runs_a_catalog_query(page: Chromium, neo4j_clean: str) -> None:
    run_and_wait(page, ':param actor_group => ["gna"]',
                 "document.body.innerText.includes('\"actor_group\": [')")
    run_and_wait(page, ":clear", "document.querySelectorAll('[data-testid=frame]').length === 0")
    query = catalog.get_query("supporters-of")
    run_and_wait(page, (ROOT / "queries" / "supporters-of.cypher").read_text(encoding="utf-8"),
                 "document.body.innerText.includes('Started streaming')")
    text = page.evaluate("document.querySelector('[data-testid=frameContents]').innerText")
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    header = lines.index("\t".join(query.returns)) if "\t".join(query.returns) in lines else None
    assert header is not None, lines
    shown = [line.split("\t") for line in lines[header + 1:] if "\t" in line]
    expected = _expected_rows(neo4j_clean)
    assert len(expected) >= 3 and shown == expected


def test_browser_draws_actors_with_their_names_in_the_project_style(page: Chromium, neo4j_clean: str,
                                                                    tmp_path: Path) -> None:
    run_and_wait(page, ":style " + GRASS.read_text(encoding="utf-8"),
                 "document.body.innerText.includes('caption: \"{name}\"')")
    assert "Could not parse grass" not in page.evaluate("document.body.innerText")
    run_and_wait(page, ":clear", "document.querySelectorAll('[data-testid=frame]').length === 0")
    run_and_wait(page, GRAPH_QUERY, "document.querySelectorAll('svg g.node').length > 0")
    time.sleep(3)  # the layout settles
    nodes = page.evaluate("""Array.from(document.querySelectorAll('svg g.node')).map(n => ({
        caption: Array.from(n.querySelectorAll('text')).map(t => t.textContent.trim()).join(' '),
        fill: n.querySelector('circle.b-outline').getAttribute('fill')}))""")
    with GraphDatabase.driver(neo4j_clean, auth=None) as driver:
        records, _, _ = driver.execute_query(
            "MATCH (s:Actor)-[:SUPPORTS]->(t:Actor) UNWIND [s, t] AS a RETURN DISTINCT a.name AS name, a.type AS type")
    names = sorted(r["name"] for r in records)
    assert sorted(n["caption"] for n in nodes) == names  # whole names: no "Govern…"
    colours = {n["caption"]: n["fill"] for n in nodes}
    assert (colours["Government of National Accord"], colours["Turkey"]) == ("#57C7E3", "#4C8EDA")  # by type
    captions = page.evaluate("Array.from(document.querySelectorAll('svg g.relationship text')).map(t => t.textContent)")
    # Each relationship is captioned with its type (cut with an ellipsis where the arrow is short).
    assert captions and all(any(p.startswith(c.rstrip("\u2026")) for p in PREDICATES) and c.rstrip("\u2026")
                            for c in captions), captions
    # The picture for the README: the result frame alone, in full screen.
    page.evaluate("Array.from(document.querySelectorAll('button')).filter(b => b.closest('[data-testid=frame]') "
                  "&& b.title === 'Fullscreen').forEach(b => b.click())")
    page.evaluate("document.querySelector('button[aria-label=\"Collapse the node properties display\"]').click()")
    time.sleep(1)
    for _ in range(2):
        page.evaluate("document.querySelector('button[aria-label=zoom-in]').click()")
    time.sleep(1)
    png = tmp_path / "neo4j-browser.png"
    assert page.screenshot(png).startswith(PNG_MAGIC)
    keep_screenshot(png, "neo4j-browser.png")
