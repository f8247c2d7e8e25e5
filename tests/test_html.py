"""graph.html (the offline HTML view) and graph/browser.grass (the Neo4j Browser style)."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from graph.html import (
    PREDICATE_COLOURS,
    TEMPLATE_PATH,
    TYPE_COLOURS,
    render_html,
    script_json,
    view_data,
    write_html,
)
from graph.model import GraphSnapshot
from ontology.errors import ExportError
from ontology.vocabulary import ACTOR_TYPES, PREDICATES

GRASS_PATH = Path(__file__).resolve().parent.parent / "graph" / "browser.grass"
HOSTILE_SENTENCE = 'He said "</script><script>alert(1)</script>" & left <!-- here'
ARABIC_SENTENCE = "طلبت حكومة الوفاق من تركيا تفعيل اتفاقية التعاون الأمني."


def _actor(actor_id: str, actor_type: str, name: str, name_ar: str | None) -> dict:
    return {"id": actor_id, "type": actor_type, "name": name, "name_ar": name_ar,
            "aliases": [], "wikidata": None, "cameo": None}


def _event(eid: str, source: str, predicate: str, target: str, modality: str, sentence: str,
           date: str | None = "2019-12-20", document: str = "doc-ar") -> dict:
    return {"id": eid, "predicate": predicate, "modality": modality, "date": date, "cameo": "",
            "plover": "", "confidence": 0.9, "sentence": sentence, "start": 0, "end": len(sentence),
            "source": source, "target": target, "document": document}


def _snapshot() -> GraphSnapshot:
    return GraphSnapshot(
        actors=[
            _actor("gna", "Government", "Government of National Accord", "حكومة الوفاق الوطني"),
            _actor("lna", "ArmedGroup", "Libyan National Army", None),
            _actor("tur", "State", "Turkey", "تركيا"),
            _actor("unsmil", "InternationalOrganization", "UNSMIL", None),
        ],
        documents=[
            {"id": "doc-ar", "title": "ليبيا: حكومة الوفاق تطلب مساعدة", "lang": "ar",
             "published": "2019-12-20", "url": None, "sha256": "0" * 64},
            {"id": "doc-en", "title": "Turkey & Libya", "lang": "en", "published": "2019-12-21",
             "url": None, "sha256": "1" * 64},
        ],
        events=[
            _event("ev-1", "gna", "REQUESTS_AID_FROM", "tur", "asserted", ARABIC_SENTENCE),
            _event("ev-2", "gna", "REQUESTS_AID_FROM", "tur", "asserted", "GNA asked Turkey again.",
                   document="doc-en"),
            _event("ev-3", "tur", "SUPPORTS", "gna", "intent", "Turkey is ready to support the GNA.",
                   document="doc-en"),
            _event("ev-4", "tur", "DEPLOYS_TO", "lna", "negated", HOSTILE_SENTENCE, date=None,
                   document="doc-en"),
            _event("ev-5", "lna", "ATTACKS", "tripoli", "asserted", "The LNA shelled Tripoli."),
        ],
    )


class _Page(HTMLParser):
    """Collects the script elements and every src/href of a page, as a browser's parser sees them."""

    def __init__(self) -> None:
        super().__init__()
        self.scripts: list[tuple[dict, str]] = []
        self.sources: list[str] = []
        self.title = ""
        self._in: str | None = None
        self._attrs: dict = {}
        self._text: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.sources += [v for k, v in attrs.items() if k in ("src", "href") and v]
        if tag in ("script", "title"):
            self._in, self._attrs, self._text = tag, attrs, []

    def handle_data(self, data):
        if self._in:
            self._text.append(data)

    def handle_endtag(self, tag):
        if tag == self._in == "script":
            self.scripts.append((self._attrs, "".join(self._text)))
        elif tag == self._in == "title":
            self.title = "".join(self._text)
        if tag == self._in:
            self._in = None


def _parse(page: str) -> _Page:
    parser = _Page()
    parser.feed(page)
    parser.close()
    return parser


def _embedded(page: str) -> dict:
    [(attrs, text)] = [(a, t) for a, t in _parse(page).scripts if a.get("type") == "application/json"]
    assert attrs["id"] == "graph-data"
    return json.loads(text)


def test_embedded_json_holds_exactly_the_nodes_and_edges():
    data = _embedded(render_html(_snapshot(), "Libya"))
    assert data["nodes"] == [
        {"id": "gna", "type": "Government", "name": "Government of National Accord",
         "name_ar": "حكومة الوفاق الوطني", "degree": 3},
        {"id": "lna", "type": "ArmedGroup", "name": "Libyan National Army", "name_ar": None, "degree": 2},
        {"id": "tripoli", "type": None, "name": "tripoli", "name_ar": None, "degree": 1},
        {"id": "tur", "type": "State", "name": "Turkey", "name_ar": "تركيا", "degree": 4},
        {"id": "unsmil", "type": "InternationalOrganization", "name": "UNSMIL", "name_ar": None,
         "degree": 0},
    ]
    assert data["edges"] == [
        {"id": "e0", "source": "gna", "target": "tur", "predicate": "REQUESTS_AID_FROM",
         "modality": "asserted", "events": ["ev-1", "ev-2"]},
        {"id": "e1", "source": "lna", "target": "tripoli", "predicate": "ATTACKS",
         "modality": "asserted", "events": ["ev-5"]},
        {"id": "e2", "source": "tur", "target": "gna", "predicate": "SUPPORTS",
         "modality": "intent", "events": ["ev-3"]},
        {"id": "e3", "source": "tur", "target": "lna", "predicate": "DEPLOYS_TO",
         "modality": "negated", "events": ["ev-4"]},
    ]
    assert data["events"][0] == {
        "id": "ev-1", "predicate": "REQUESTS_AID_FROM", "modality": "asserted", "date": "2019-12-20",
        "source": "gna", "target": "tur", "sentence": ARABIC_SENTENCE, "confidence": 0.9,
        "document": "doc-ar", "document_title": "ليبيا: حكومة الوفاق تطلب مساعدة",
    }
    assert [p["name"] for p in data["predicates"]] == ["REQUESTS_AID_FROM", "SUPPORTS", "DEPLOYS_TO", "ATTACKS"]
    assert [(t["name"], t["color"]) for t in data["types"]] == [
        ("State", "#4C8EDA"), ("Government", "#57C7E3"), ("ArmedGroup", "#F16667"),
        ("InternationalOrganization", "#8DCC93"), (None, "#A5ABB6"),
    ]
    assert data["documents"] == 2
    assert data == view_data(_snapshot())


def test_script_end_tag_in_a_sentence_cannot_break_the_page():
    page = render_html(_snapshot(), "Libya")
    assert "</script><script>alert(1)" not in page
    assert "<!--" not in page
    parsed = _parse(page)
    # Exactly the template's two scripts: the data island and the drawing code.
    assert [attrs.get("type") for attrs, _ in parsed.scripts] == ["application/json", None]
    sentences = {e["id"]: e["sentence"] for e in _embedded(page)["events"]}
    assert sentences["ev-4"] == HOSTILE_SENTENCE


def test_script_json_escapes_markup_and_line_separators():
    text = script_json({"s": "</script> & <b> \u2028"})
    assert text == '{"s":"\\u003c/script\\u003e \\u0026 \\u003cb\\u003e \\u2028"}'
    assert json.loads(text) == {"s": "</script> & <b> \u2028"}


def test_title_is_html_escaped_everywhere():
    title = '<script>alert("x")</script> & {{data}}'
    page = render_html(_snapshot(), title)
    assert "<script>alert(" not in page
    escaped = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; {{data}}"
    assert page.count(escaped) == 3  # <title>, the heading and the drawing's aria-label
    assert _parse(page).title == title
    assert len([a for a, _ in _parse(page).scripts if a.get("type") == "application/json"]) == 1


def test_page_is_self_contained():
    page = render_html(_snapshot(), "Libya")
    parsed = _parse(page)
    assert parsed.sources == []  # no <script src>, <link href>, <img src>
    assert not re.search(r"@import|url\(\s*['\"]?(https?:)?//", page)
    assert "default-src 'none'" in page  # the page's own policy forbids any fetch


def test_write_html_is_atomic_and_leaves_no_temporary_file(tmp_path):
    out = tmp_path / "views" / "libya.html"
    write_html(_snapshot(), out, "Libya")
    assert out.read_text(encoding="utf-8") == render_html(_snapshot(), "Libya")
    assert sorted(p.name for p in out.parent.iterdir()) == ["libya.html"]


def test_write_html_to_an_unwritable_place_says_so(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(ExportError, match="cannot write"):
        write_html(_snapshot(), blocker / "view.html", "Libya")


def test_template_has_the_placeholders():
    template = TEMPLATE_PATH.read_text(encoding="utf-8")
    assert template.count("{{data}}") == 1
    assert template.count("{{title}}") == 3
    assert 'setAttribute("dir", "auto")' in template  # sentences take their own direction


def test_colours_cover_the_ontology():
    assert set(TYPE_COLOURS) == set(ACTOR_TYPES)
    assert set(PREDICATE_COLOURS) == set(PREDICATES)


def _parse_grass(text: str) -> dict[str, dict[str, str]]:
    """Neo4j Browser's GraSS reader (graphStyle.parse), step for step, with a check that no
    property is lost to a stray colon."""
    rules: dict[str, str] = {}
    inside_string = inside_props = False
    keyword = props = ""
    for c in text:
        if c == "{" and not inside_string:
            inside_props = True
            continue
        if c == "}" and not inside_string:
            inside_props = False
            rules[keyword] = props
            keyword = props = ""
            continue
        if c == "'":
            inside_string = not inside_string
            continue
        if inside_props:
            props += c
        elif not c.isspace():
            keyword += c
    parsed = {}
    for selector, body in rules.items():
        pairs = [p.split(":") for p in body.split(";") if p.strip()]
        assert all(len(pair) == 2 for pair in pairs), f"{selector}: a value holds a colon"
        parsed[selector] = {k.strip(): v.strip() for k, v in pairs}
    return parsed


def test_grass_style_is_browser_syntax_and_matches_the_view_colours():
    text = GRASS_PATH.read_text(encoding="utf-8")
    assert "/*" not in text and "//" not in text  # the Browser's reader knows no comments
    style = _parse_grass(text)
    assert style["node.Actor"]["caption"] == "{name}"
    assert style["node.Event"]["caption"] == "{predicate}"
    assert int(style["node.Event"]["diameter"].removesuffix("px")) < int(
        style["node.Actor"]["diameter"].removesuffix("px"))
    assert style["node.Document"]["caption"] == "{title}"
    for actor_type in ACTOR_TYPES:
        assert style[f"node.{actor_type}"]["color"] == TYPE_COLOURS[actor_type]
    for predicate in PREDICATES:
        rule = style[f"relationship.{predicate}"]
        # Browser 5 draws "<type>" only as a caption of its own; beside other text it stays literal.
        assert (rule["color"], rule["caption"]) == (PREDICATE_COLOURS[predicate], "<type>")
    for link in ("SOURCE", "TARGET", "REPORTED_IN"):
        assert style[f"relationship.{link}"]["caption"] == "<type>"
    # Rules apply in file order, so every label rule must follow the catch-all node rule.
    selectors = list(style)
    assert selectors[:3] == ["node", "relationship", "node.Actor"]
