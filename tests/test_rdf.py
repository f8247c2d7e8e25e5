"""RDF export: exact triples, every format read back, named graphs per document, SHACL shapes."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pyshacl
import pytest
from rdflib import OWL, RDF, RDFS, SKOS, XSD, Dataset, Graph, Literal, Namespace, URIRef
from rdflib.compare import isomorphic
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import DCTERMS, PROV

from graph import rdf
from graph.model import GraphSnapshot
from ontology.errors import ExportError
from ontology.vocabulary import SHAPES_PATH

CKG = Namespace("https://w3id.org/conflict-kg/ontology#")
ID = "https://w3id.org/conflict-kg/id/"
SH = Namespace("http://www.w3.org/ns/shacl#")

GNA = URIRef(ID + "actor/gna")
TUR = URIRef(ID + "actor/tur")
LNA = URIRef(ID + "actor/lna")
# An id with Arabic letters, a space and a slash becomes one percent-encoded path segment.
ODD = URIRef(ID + "actor/%D9%85%D8%AC%D9%84%D8%B3%20%D8%A7%D9%84%D9%86%D9%88%D8%A7%D8%A8%2Ftobruk")
DOC = URIRef(ID + "document/gna-aid-request")
DOC2 = URIRef(ID + "document/en-brief")
EV_ASSERTED = URIRef(ID + "event/ev-asserted")
EV_NEGATED = URIRef(ID + "event/ev-negated")
EV_INTENT = URIRef(ID + "event/ev-intent")
EV_EN = URIRef(ID + "event/ev-en")

REQUEST_SENTENCE = "طالب فيها هذه الدول الصديقة بتفعيل اتفاقيات التعاون الأمني"


def _event(eid: str, predicate: str, modality: str, source: str, target: str, **extra: object) -> dict:
    row = {
        "id": eid, "predicate": predicate, "modality": modality, "date": "2019-12-20",
        "cameo": "023", "plover": "REQUEST", "confidence": 0.85, "sentence": REQUEST_SENTENCE,
        "start": 120, "end": 178, "source": source, "target": target, "document": "gna-aid-request",
    }
    row.update(extra)
    return row


def _snapshot() -> GraphSnapshot:
    return GraphSnapshot(
        actors=[
            {"id": "gna", "type": "Government", "name": "Government of National Accord",
             "name_ar": "حكومة الوفاق الوطني", "aliases": ["GNA", "حكومة الوفاق"], "wikidata": None,
             "cameo": "LBYGOV"},
            {"id": "lna", "type": "ArmedGroup", "name": "Libyan National Army",
             "name_ar": "الجيش الوطني الليبي", "aliases": ["قوات حفتر"], "wikidata": None, "cameo": None},
            {"id": "tur", "type": "State", "name": "Turkey", "name_ar": "تركيا", "aliases": [],
             "wikidata": "Q43", "cameo": "TUR"},
            {"id": "مجلس النواب/tobruk", "type": "PoliticalBody", "name": "مجلس النواب", "name_ar": None,
             "aliases": [], "wikidata": None, "cameo": None},
        ],
        documents=[
            {"id": "en-brief", "title": "Turkey and Libya", "lang": "en", "published": "2019-12-21",
             "url": None, "sha256": None},
            {"id": "gna-aid-request", "title": "حكومة الوفاق تطلب مساعدة 5 دول", "lang": "ar",
             "published": "2019-12-20", "url": "https://example.org/libya/gna aid",
             "sha256": "0f" * 32},
        ],
        events=[
            _event("ev-asserted", "REQUESTS_AID_FROM", "asserted", "gna", "tur"),
            _event("ev-negated", "SUPPORTS", "negated", "tur", "lna", cameo="051", plover="SUPPORT",
                   sentence="ونفت تركيا أنها تدعم قوات حفتر", start=300, end=330, date=None),
            _event("ev-intent", "DEPLOYS_TO", "intent", "tur", "gna", cameo="150", plover="MOBILIZE",
                   sentence="وقالت تركيا إنها ستنشر قوات في ليبيا", start=400, end=436, confidence=0.6),
            _event("ev-en", "CONDEMNS", "asserted", "مجلس النواب/tobruk", "tur", cameo="111",
                   plover="ACCUSE", sentence="The House condemned Turkey.", start=0, end=27,
                   document="en-brief", date="2019-12-21"),
        ],
    )


@pytest.fixture(scope="module")
def graph() -> Graph:
    return rdf.snapshot_to_graph(_snapshot())


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(SHAPES_PATH, format="turtle")


def test_actor_triples(graph: Graph) -> None:
    assert (TUR, OWL.sameAs, URIRef("http://www.wikidata.org/entity/Q43")) in graph
    assert list(graph.objects(GNA, OWL.sameAs)) == []
    assert set(graph.objects(GNA, RDF.type)) == {CKG.Actor, CKG.Government}
    assert set(graph.objects(GNA, RDFS.label)) == {
        Literal("Government of National Accord", lang="en"), Literal("حكومة الوفاق الوطني", lang="ar"),
    }
    assert set(graph.objects(GNA, SKOS.altLabel)) == {Literal("GNA", lang="en"), Literal("حكومة الوفاق", lang="ar")}
    assert graph.value(GNA, CKG.actorId) == Literal("gna")
    assert graph.value(GNA, CKG.cameoCode) == Literal("LBYGOV")
    assert list(graph.objects(LNA, CKG.cameoCode)) == []
    assert set(graph.objects(ODD, RDFS.label)) == {Literal("مجلس النواب", lang="ar")}
    assert graph.value(ODD, CKG.actorId) == Literal("مجلس النواب/tobruk")


def test_document_triples(graph: Graph) -> None:
    assert set(graph.objects(DOC, RDF.type)) == {CKG.Document, PROV.Entity}
    assert graph.value(DOC, DCTERMS.title) == Literal("حكومة الوفاق تطلب مساعدة 5 دول", lang="ar")
    assert graph.value(DOC, DCTERMS.language) == Literal("ar", datatype=XSD.language)
    assert graph.value(DOC, DCTERMS.issued) == Literal("2019-12-20", datatype=XSD.date)
    assert graph.value(DOC, CKG.sha256) == Literal("0f" * 32)
    assert graph.value(DOC, URIRef("https://schema.org/url")) == URIRef("https://example.org/libya/gna%20aid")
    assert list(graph.objects(DOC2, CKG.sha256)) == []


def test_event_triples(graph: Graph) -> None:
    assert set(graph.predicate_objects(EV_ASSERTED)) == {
        (RDF.type, CKG.Event),
        (RDF.type, PROV.Entity),
        (CKG.eventId, Literal("ev-asserted")),
        (CKG.predicate, Literal("REQUESTS_AID_FROM")),
        (CKG.modality, CKG.asserted),
        (CKG.source, GNA),
        (CKG.target, TUR),
        (CKG.date, Literal("2019-12-20", datatype=XSD.date)),
        (CKG.cameoCode, Literal("023")),
        (CKG.ploverCode, Literal("REQUEST")),
        (CKG.confidence, Literal(Decimal("0.85"), datatype=XSD.decimal)),
        (CKG.sentence, Literal(REQUEST_SENTENCE, lang="ar")),
        (CKG.start, Literal(120, datatype=XSD.integer)),
        (CKG.end, Literal(178, datatype=XSD.integer)),
        (PROV.wasDerivedFrom, DOC),
        (PROV.wasGeneratedBy, rdf.EXTRACTION_ACTIVITY),
    }
    assert graph.value(EV_NEGATED, CKG.modality) == CKG.negated
    assert list(graph.objects(EV_NEGATED, CKG.date)) == []
    assert graph.value(EV_INTENT, CKG.modality) == CKG.intent
    # The sentence carries its own document's language.
    assert graph.value(EV_EN, CKG.sentence) == Literal("The House condemned Turkey.", lang="en")


def test_direct_triple_only_for_asserted_events(graph: Graph) -> None:
    assert (GNA, CKG.requestsAidFrom, TUR) in graph
    assert (ODD, CKG.condemns, TUR) in graph
    # "Turkey denied supporting Haftar's forces" is not the fact that Turkey supports them.
    assert list(graph.triples((None, CKG.supports, None))) == []
    # "Turkey will deploy troops" is not a deployment.
    assert list(graph.triples((None, CKG.deploysTo, None))) == []
    direct = {
        (s, p, o) for s, p, o in graph
        if isinstance(s, URIRef) and s.startswith(ID + "actor/") and isinstance(o, URIRef)
        and o.startswith(ID + "actor/")
    }
    assert direct == {(GNA, CKG.requestsAidFrom, TUR), (ODD, CKG.condemns, TUR)}


@pytest.mark.parametrize("fmt", ["turtle", "nt", "json-ld"])
def test_graph_formats_read_back_unchanged(fmt: str, graph: Graph, tmp_path: Path) -> None:
    out = tmp_path / ("export" + rdf.FORMATS[fmt][1])
    count = rdf.export(_snapshot(), fmt, out)
    back = Graph().parse(out, format=rdf.FORMATS[fmt][0])
    assert count == len(graph) == len(back)
    assert isomorphic(back, graph)
    assert (TUR, OWL.sameAs, URIRef("http://www.wikidata.org/entity/Q43")) in back
    assert (GNA, RDFS.label, Literal("حكومة الوفاق الوطني", lang="ar")) in back
    assert (GNA, CKG.requestsAidFrom, TUR) in back
    assert (TUR, CKG.supports, LNA) not in back
    assert (TUR, CKG.deploysTo, GNA) not in back
    # Written atomically: nothing but the export is left in the directory.
    assert [p.name for p in tmp_path.iterdir()] == [out.name]


def test_trig_has_one_named_graph_per_document(tmp_path: Path) -> None:
    out = tmp_path / "export.trig"
    count = rdf.export(_snapshot(), "trig", out)
    ds = Dataset()
    ds.parse(out, format="trig")
    graph_ar = URIRef(ID + "graph/gna-aid-request")
    graph_en = URIRef(ID + "graph/en-brief")
    named = {g.identifier for g in ds.graphs() if len(g) and g.identifier != DATASET_DEFAULT_GRAPH_ID}
    assert named == {graph_ar, graph_en}
    assert count == sum(len(g) for g in ds.graphs())
    in_ar = ds.graph(graph_ar)
    assert set(in_ar.subjects(RDF.type, CKG.Event)) == {EV_ASSERTED, EV_NEGATED, EV_INTENT}
    assert (GNA, CKG.requestsAidFrom, TUR) in in_ar
    assert set(ds.graph(graph_en).subjects(RDF.type, CKG.Event)) == {EV_EN}
    default = ds.graph(DATASET_DEFAULT_GRAPH_ID)
    assert (TUR, OWL.sameAs, URIRef("http://www.wikidata.org/entity/Q43")) in default
    assert (DOC, RDF.type, CKG.Document) in default
    assert (graph_ar, PROV.wasDerivedFrom, DOC) in default
    assert list(default.subjects(RDF.type, CKG.Event)) == []
    # Every triple of the single graph is in the dataset, which adds only the graph-to-document links.
    union = Graph()
    for quad_graph in ds.graphs():
        for triple in quad_graph:
            union.add(triple)
    extra = set(union) - set(rdf.snapshot_to_graph(_snapshot()))
    assert extra == {(graph_ar, PROV.wasDerivedFrom, DOC), (graph_en, PROV.wasDerivedFrom, DOC2)}


def test_export_conforms_to_the_shapes(graph: Graph, shapes: Graph) -> None:
    conforms, _report, text = pyshacl.validate(graph, shacl_graph=shapes, advanced=True)
    assert conforms is True, text
    assert rdf.validate(graph) == (True, "Validation Report\nConforms: True\n")


def _violations(data: Graph, shapes: Graph) -> set[tuple[URIRef, URIRef, URIRef]]:
    """(focus node, path, constraint component) of every violation."""
    conforms, report, _text = pyshacl.validate(data, shacl_graph=shapes, advanced=True)
    found = {
        (report.value(r, SH.focusNode), report.value(r, SH.resultPath), report.value(r, SH.sourceConstraintComponent))
        for r in report.subjects(RDF.type, SH.ValidationResult)
    }
    assert conforms is (not found)
    return found


def _copy(graph: Graph) -> Graph:
    broken = Graph()
    for triple in graph:
        broken.add(triple)
    return broken


def test_event_without_source_does_not_conform(graph: Graph, shapes: Graph) -> None:
    broken = _copy(graph)
    broken.remove((EV_NEGATED, CKG.source, None))
    assert _violations(broken, shapes) == {(EV_NEGATED, CKG.source, SH.MinCountConstraintComponent)}


def test_other_broken_graphs_do_not_conform(graph: Graph, shapes: Graph) -> None:
    broken = _copy(graph)
    broken.set((EV_INTENT, CKG.start, Literal(500)))  # after its end (436)
    broken.set((EV_INTENT, CKG.modality, CKG.probable))
    broken.set((EV_INTENT, CKG.confidence, Literal(Decimal("1.5"))))
    broken.set((EV_INTENT, CKG.predicate, Literal("HELPS")))
    broken.remove((GNA, RDF.type, CKG.Government))
    broken.set((TUR, OWL.sameAs, URIRef("https://en.wikipedia.org/wiki/Turkey")))
    broken.remove((DOC, DCTERMS.language, None))
    assert _violations(broken, shapes) == {
        (EV_INTENT, CKG.start, SH.LessThanOrEqualsConstraintComponent),
        (EV_INTENT, CKG.modality, SH.InConstraintComponent),
        (EV_INTENT, CKG.confidence, SH.MaxInclusiveConstraintComponent),
        (EV_INTENT, CKG.predicate, SH.InConstraintComponent),
        (GNA, RDF.type, SH.QualifiedMinCountConstraintComponent),
        (TUR, OWL.sameAs, SH.PatternConstraintComponent),
        (DOC, DCTERMS.language, SH.MinCountConstraintComponent),
    }


def test_unknown_format_is_an_export_error(tmp_path: Path) -> None:
    out = tmp_path / "export.rdf"
    with pytest.raises(ExportError, match=r"unknown RDF format 'rdfxml'; choose one of: turtle, nt, json-ld, trig"):
        rdf.export(_snapshot(), "rdfxml", out)
    assert list(tmp_path.iterdir()) == []


def test_records_outside_the_vocabulary_are_export_errors(tmp_path: Path) -> None:
    snap = _snapshot()
    snap.events[0]["predicate"] = "HELPS"
    with pytest.raises(ExportError, match=r"event 'ev-asserted': predicate 'HELPS' is not one of REQUESTS_AID_FROM"):
        rdf.export(snap, "turtle", tmp_path / "x.ttl")
    snap = _snapshot()
    snap.actors[0]["wikidata"] = "Turkey"
    with pytest.raises(ExportError, match=r"actor 'gna': wikidata 'Turkey' is not a Wikidata id"):
        rdf.snapshot_to_graph(snap)
    snap = _snapshot()
    snap.events[1]["date"] = "20 December 2019"
    with pytest.raises(ExportError, match=r"event 'ev-negated': date '20 December 2019' is not YYYY-MM-DD"):
        rdf.snapshot_to_graph(snap)
    assert list(tmp_path.iterdir()) == []


def test_export_replaces_an_existing_file(tmp_path: Path) -> None:
    out = tmp_path / "export.nt"
    out.write_text("stale\n", encoding="utf-8")
    count = rdf.export(_snapshot(), "nt", out)
    assert len(out.read_text(encoding="utf-8").splitlines()) == count


@pytest.mark.parametrize("fmt", ["turtle", "nt", "json-ld", "trig"])
def test_small_chunks_give_the_same_export(fmt: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    whole = tmp_path / ("whole" + rdf.FORMATS[fmt][1])
    chunked = tmp_path / ("chunked" + rdf.FORMATS[fmt][1])
    count = rdf.export(_snapshot(), fmt, whole)
    monkeypatch.setattr(rdf, "CHUNK_STATEMENTS", 3)
    assert rdf.export(_snapshot(), fmt, chunked) == count
    if fmt == "trig":
        one, two = Dataset(), Dataset()
        one.parse(whole, format="trig")
        two.parse(chunked, format="trig")
        assert {(g.identifier, len(g)) for g in one.graphs()} == {(g.identifier, len(g)) for g in two.graphs()}
        assert set(one.quads()) == set(two.quads())
    else:
        one = Graph().parse(whole, format=rdf.FORMATS[fmt][0])
        two = Graph().parse(chunked, format=rdf.FORMATS[fmt][0])
        assert len(one) == len(two) == count
        assert isomorphic(one, two)


def test_nt_is_written_as_rdflib_reads_it(tmp_path: Path) -> None:
    out = tmp_path / "export.nt"
    rdf.export(_snapshot(), "nt", out)
    mine = Graph().parse(out, format="nt")
    assert set(mine) == set(rdf.snapshot_to_graph(_snapshot()))
    odd = Literal('a "quoted"\\ line\nand \r more', lang="en")
    assert Graph().parse(data=f"<urn:x> <urn:p> {rdf.nt_term(odd)} .\n", format="nt").value(
        URIRef("urn:x"), URIRef("urn:p")) == odd


def test_docstring_examples_run() -> None:
    import doctest

    result = doctest.testmod(rdf)
    assert (result.failed, result.attempted >= 2) == (0, True)
