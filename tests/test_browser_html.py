"""The HTML view (`ckg export --format html`) in headless Chromium: it loads without a console error,
draws every actor with a relation, fades what a selected actor takes no part in, and shows Arabic names
on request."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from ckg.cli import cli
from tests.cdp import Chromium, browser, keep_screenshot
from tests.paths import EXAMPLES

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def view(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("view")
    runner = CliRunner()
    graph = folder / "g.db"
    assert runner.invoke(cli, ["--graph", str(graph), "ingest", str(EXAMPLES)]).exit_code == 0
    page = folder / "graph.html"
    result = runner.invoke(cli, ["--graph", str(graph), "export", "--format", "html", "-o", str(page)])
    assert result.exit_code == 0, result.output
    return page


@pytest.fixture
def page(view: Path) -> Chromium:
    chromium = browser()
    try:
        chromium.navigate(view.as_uri())
        chromium.wait_for("document.querySelectorAll('#nodes g.node').length > 0")
        yield chromium
    finally:
        chromium.close()


def _data(view: Path) -> dict:
    text = view.read_text(encoding="utf-8")
    start = text.index('<script type="application/json" id="graph-data">') + len(
        '<script type="application/json" id="graph-data">')
    return json.loads(text[start:text.index("</script>", start)])


def _shown_nodes(page: Chromium) -> list[str]:
    return page.evaluate("""Array.from(document.querySelectorAll('#nodes g.node'))
        .filter(g => g.style.display !== 'none').map(g => g.dataset.id)""")


def test_the_view_loads_and_draws_every_actor_with_a_relation(page: Chromium, view: Path) -> None:
    data = _data(view)
    linked = {e["source"] for e in data["edges"]} | {e["target"] for e in data["edges"]}
    shown = _shown_nodes(page)
    assert sorted(shown) == sorted(linked) and len(shown) > 40
    # Each is drawn where the layout put it, inside the picture.
    inside = page.evaluate("""(() => { const svg = document.getElementById('graph').getBoundingClientRect();
        return Array.from(document.querySelectorAll('#nodes g.node circle')).filter(c => c.parentNode.style.display
          !== 'none').every(c => { const r = c.getBoundingClientRect();
          return r.width > 2 && r.left >= svg.left - 1 && r.right <= svg.right + 1 && r.top >= svg.top - 1
            && r.bottom <= svg.bottom + 1; }); })()""")
    assert inside
    assert page.evaluate("document.querySelectorAll('#edges g.link').length") == len(data["edges"])
    assert page.evaluate("document.getElementById('stats').textContent") == (
        f"{len(data['nodes'])} actors \u00b7 {len(data['events'])} events \u00b7 {data['documents']} documents")
    page.evaluate("1")  # let events that arrived after the drawing be read
    assert page.errors == []


def _node_centre(page: Chromium, actor_id: str) -> tuple[float, float]:
    x, y = page.evaluate(f"""(() => {{
        const c = document.querySelector('#nodes g.node[data-id={json.dumps(actor_id)}] circle');
        const r = c.getBoundingClientRect();
        return [r.left + r.width / 2, r.top + r.height / 2]; }})()""")
    # What a user's click there would reach: the actor's own circle, not one drawn over it.
    assert page.evaluate(f"document.elementFromPoint({x}, {y}).closest('g.node').dataset.id") == actor_id
    return x, y


def test_selecting_an_actor_fades_what_it_takes_no_part_in(page: Chromium, view: Path, tmp_path: Path) -> None:
    data = _data(view)
    page.click(*_node_centre(page, "gna"))
    page.wait_for("document.querySelector('#details h3') !== null")
    assert page.evaluate("document.querySelector('#details h3 span').textContent") == "Government of National Accord"
    faded = page.evaluate("""Array.from(document.querySelectorAll('#edges g.link')).map(
        g => getComputedStyle(g).opacity)""")
    touching = [e["source"] == "gna" or e["target"] == "gna" for e in data["edges"]]
    assert [o == "1" for o in faded] == touching
    assert sum(touching) >= 10 and set(faded) == {"1", "0.08"}
    png = tmp_path / "html-view.png"
    assert page.screenshot(png).startswith(PNG_MAGIC)
    keep_screenshot(png, "html-view.png")
    page.click(5, 5)  # the background: nothing selected, nothing faded
    page.wait_for("document.querySelectorAll('#edges g.link.faded').length === 0")
    assert page.errors == []


def test_arabic_names_can_be_switched_on(page: Chromium) -> None:
    def label(actor_id: str) -> str:
        return page.evaluate(f"document.querySelector('g.node[data-id={json.dumps(actor_id)}] text').textContent")

    assert (label("gna"), label("turkey")) == ("Government of National Accord", "Turkey")
    box = page.evaluate("(() => { const r = document.getElementById('arabic-names').getBoundingClientRect();"
                        " return [r.left + r.width / 2, r.top + r.height / 2]; })()")
    page.click(*box)
    page.wait_for("document.getElementById('arabic-names').checked")
    assert (label("gna"), label("turkey")) == ("حكومة الوفاق الوطني", "تركيا")
    page.click(*_node_centre(page, "lna"))
    page.wait_for("document.querySelector('#details h3') !== null")
    assert page.evaluate("document.querySelector('#details h3').textContent") == (
        "Libyan National Army \u00b7 الجيش الوطني الليبي")
    assert page.errors == []
