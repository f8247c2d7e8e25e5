"""The Python vocabulary, conflict.ttl and shapes.ttl say the same thing, and what DESIGN.md §2 says."""

from __future__ import annotations

import re

import pytest
from rdflib import RDF, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection

from ontology.errors import CkgError
from ontology.vocabulary import (
    ACTOR_TYPES,
    MODALITIES,
    MODALITY_INFO,
    NAMESPACE,
    ONTOLOGY_PATH,
    PREDICATES,
    SHAPES_PATH,
    ActorType,
    Modality,
    Predicate,
    PredicateInfo,
    default_cameo,
)

CKG = Namespace("https://w3id.org/conflict-kg/ontology#")
SH = Namespace("http://www.w3.org/ns/shacl#")
ARABIC = re.compile("[\u0600-\u06ff]")

# DESIGN.md §2, in the table's order.
TABLE = [
    "REQUESTS_AID_FROM", "APPEALS_TO", "OFFERS_SUPPORT", "SUPPORTS", "COOPERATES_WITH", "CONSULTS",
    "SIGNS_AGREEMENT_WITH", "MEDIATES", "CONDEMNS", "ACCUSES", "REJECTS", "THREATENS", "SANCTIONS",
    "DEPLOYS_TO", "ATTACKS", "FIGHTS", "LEADS", "MEMBER_OF", "PROTESTS", "RIOTS",
]
# The table's CAMEO column, entry for entry.
TABLE_CAMEO = {
    "REQUESTS_AID_FROM": {"023x", "0212"},
    "APPEALS_TO": {"020", "022", "026-028"},
    "OFFERS_SUPPORT": {"03x", "0332", "0334", "0312"},
    "SUPPORTS": {"051-054", "071-075"},
    "COOPERATES_WITH": {"06x"},
    "CONSULTS": {"04x"},
    "SIGNS_AGREEMENT_WITH": {"057"},
    "MEDIATES": {"045"},
    "CONDEMNS": {"111", "110"},
    "ACCUSES": {"112x"},
    "REJECTS": {"12x"},
    "THREATENS": {"13x"},
    "SANCTIONS": {"163"},
    "DEPLOYS_TO": {"15x"},
    "ATTACKS": {"18x", "190", "194", "195"},
    "FIGHTS": {"190", "193"},
    "LEADS": set(),
    "MEMBER_OF": set(),
    "PROTESTS": {"14x"},
    "RIOTS": {"145"},
}
TABLE_PLOVER = {
    "REQUESTS_AID_FROM": "REQUEST", "APPEALS_TO": "REQUEST", "OFFERS_SUPPORT": "AGREE",
    "SUPPORTS": "SUPPORT", "COOPERATES_WITH": "COOPERATE", "CONSULTS": "CONSULT",
    "SIGNS_AGREEMENT_WITH": "SUPPORT", "MEDIATES": "CONSULT", "CONDEMNS": "ACCUSE", "ACCUSES": "ACCUSE",
    "REJECTS": "REJECT", "THREATENS": "THREATEN", "SANCTIONS": "SANCTION", "DEPLOYS_TO": "MOBILIZE",
    "ATTACKS": "ASSAULT", "FIGHTS": "ASSAULT", "LEADS": "", "MEMBER_OF": "", "PROTESTS": "PROTEST", "RIOTS": "PROTEST",
}


@pytest.fixture(scope="module")
def ontology() -> Graph:
    """conflict.ttl parsed afresh, independent of the module's cached graph."""
    return Graph().parse(ONTOLOGY_PATH, format="turtle")


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(SHAPES_PATH, format="turtle")


def test_predicates_are_the_design_table_in_order() -> None:
    assert list(PREDICATES) == TABLE
    assert [p.value for p in Predicate] == TABLE
    assert Predicate.SUPPORTS.value == "SUPPORTS"
    assert Predicate["REQUESTS_AID_FROM"] == "REQUESTS_AID_FROM"


def test_symmetric_and_structural_predicates() -> None:
    assert {n for n, p in PREDICATES.items() if p.symmetric} == {
        "COOPERATES_WITH", "CONSULTS", "SIGNS_AGREEMENT_WITH", "FIGHTS",
    }
    assert {n for n, p in PREDICATES.items() if p.structural} == {"LEADS", "MEMBER_OF"}


def test_codes_are_the_table_entries() -> None:
    assert {n: set(p.cameo) for n, p in PREDICATES.items()} == TABLE_CAMEO
    assert {n: p.plover for n, p in PREDICATES.items()} == TABLE_PLOVER
    assert PREDICATES["REQUESTS_AID_FROM"].plover_mode == "assist"
    assert PREDICATES["CONDEMNS"].plover_mode == "disapprove"
    assert PREDICATES["ACCUSES"].plover_mode == "allege"
    assert PREDICATES["SUPPORTS"].plover_alternatives == ("AID",)


def test_iris_are_lower_camel_case_in_the_namespace() -> None:
    assert PREDICATES["REQUESTS_AID_FROM"].iri == NAMESPACE + "requestsAidFrom"
    assert PREDICATES["SIGNS_AGREEMENT_WITH"].iri == NAMESPACE + "signsAgreementWith"
    assert PREDICATES["MEMBER_OF"].iri == NAMESPACE + "memberOf"
    for name, info in PREDICATES.items():
        first, *rest = name.lower().split("_")
        assert info.iri == NAMESPACE + first + "".join(word.title() for word in rest), name


def test_every_predicate_has_english_and_arabic_labels() -> None:
    for name, info in PREDICATES.items():
        assert info.label_en and not ARABIC.search(info.label_en), name
        assert ARABIC.search(info.label_ar), name
    assert PREDICATES["REQUESTS_AID_FROM"].label_ar == "يطلب المساعدة من"
    assert PREDICATES["SUPPORTS"].label_ar == "يدعم"
    assert PREDICATES["CONDEMNS"].label_ar == "يدين"
    assert PREDICATES["REQUESTS_AID_FROM"].label_en == "requests aid from"


def test_default_cameo() -> None:
    assert default_cameo("REQUESTS_AID_FROM") == "023"
    assert default_cameo("APPEALS_TO") == "020"
    assert default_cameo("OFFERS_SUPPORT") == "030"
    assert default_cameo("SUPPORTS") == "051"
    assert default_cameo("CONDEMNS") == "111"
    assert default_cameo("ACCUSES") == "112"
    assert default_cameo("SANCTIONS") == "163"
    assert default_cameo("ATTACKS") == "180"
    assert default_cameo("LEADS") == ""
    with pytest.raises(CkgError, match="unknown predicate 'HELPS'; use one of REQUESTS_AID_FROM"):
        default_cameo("HELPS")


def test_default_cameo_is_a_concrete_code_of_a_listed_entry() -> None:
    for name, info in PREDICATES.items():
        code = default_cameo(name)
        if info.structural:
            assert code == ""
            continue
        assert re.fullmatch(r"\d{3,4}", code), name
        # The default lies inside one of the predicate's entries (a code, an x-family or a range).
        def covers(entry: str, code: str = code) -> bool:
            if "-" in entry:
                low, high = entry.split("-")
                return low <= code[:3] <= high
            return code.startswith(entry.removesuffix("x"))
        assert any(covers(entry) for entry in info.cameo), name


def test_actor_types_and_modalities() -> None:
    assert list(ACTOR_TYPES) == [
        "State", "Government", "ArmedGroup", "InternationalOrganization", "Person", "PoliticalBody",
        "Location", "SocialGroup",
    ]
    assert ActorType.ARMED_GROUP.value == "ArmedGroup"
    assert ActorType.INTERNATIONAL_ORGANIZATION.value == "InternationalOrganization"
    assert ACTOR_TYPES["State"].label_ar == "دولة"
    assert MODALITIES == ("asserted", "negated", "intent", "conditional")
    assert [m.value for m in Modality] == list(MODALITIES)
    assert Modality.NEGATED == "negated"
    assert MODALITY_INFO["negated"].iri == NAMESPACE + "negated"
    assert MODALITY_INFO["negated"].label_ar == "منفي"


PREFIXES = """
PREFIX ckg: <https://w3id.org/conflict-kg/ontology#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
"""
PREDICATE_QUERY = PREFIXES + """
SELECT ?p ?name ?en ?ar ?plover ?mode ?default ?structural ?symmetric WHERE {
  ?p a owl:ObjectProperty ; ckg:predicateName ?name ; ckg:order ?order ;
     rdfs:domain ckg:Actor ; rdfs:range ckg:Actor ;
     rdfs:label ?en , ?ar ; rdfs:comment ?comment .
  FILTER (lang(?en) = "en" && lang(?ar) = "ar")
  OPTIONAL { ?p ckg:plover ?plover }
  OPTIONAL { ?p ckg:ploverMode ?mode }
  OPTIONAL { ?p ckg:defaultCameo ?default }
  OPTIONAL { ?p ckg:structural ?structural }
  OPTIONAL { ?p a owl:SymmetricProperty . BIND (true AS ?symmetric) }
}
ORDER BY ?order
"""


def _text(value: object) -> str:
    return "" if value is None else str(value)


def _values(ontology: Graph, prop: str) -> dict[str, tuple[str, ...]]:
    """predicate name -> sorted values of a multi-valued annotation."""
    found: dict[str, list[str]] = {}
    query = PREFIXES + f"SELECT ?name ?v WHERE {{ ?p ckg:predicateName ?name ; ckg:{prop} ?v }}"
    for row in ontology.query(query):
        found.setdefault(str(row.name), []).append(str(row.v))
    return {name: tuple(sorted(values)) for name, values in found.items()}


def test_python_vocabulary_matches_the_ontology_file(ontology: Graph) -> None:
    rows = list(ontology.query(PREDICATE_QUERY))
    cameo = _values(ontology, "cameo")
    alternatives = _values(ontology, "ploverAlternative")
    from_file = {}
    for row in rows:
        name = str(row.name)
        from_file[name] = PredicateInfo(
            name=name,
            iri=str(row.p),
            label_en=str(row.en),
            label_ar=str(row.ar),
            cameo=cameo.get(name, ()),
            plover=_text(row.plover),
            symmetric=row.symmetric is not None,
            structural=row.structural is not None and row.structural.toPython() is True,
            plover_mode=_text(row.mode),
            plover_alternatives=alternatives.get(name, ()),
            default_cameo=_text(row.default),
        )
    assert len(rows) == 20  # one row each: a second @en/@ar label or plover would add rows
    assert list(from_file) == list(PREDICATES)
    for name, info in PREDICATES.items():
        assert info == from_file[name], name


def test_actor_types_and_modalities_match_the_ontology_file(ontology: Graph) -> None:
    classes = ontology.query("""
        PREFIX ckg: <https://w3id.org/conflict-kg/ontology#>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT ?c ?en ?ar WHERE {
          ?c rdfs:subClassOf ckg:Actor ; ckg:order ?o ; rdfs:label ?en , ?ar .
          FILTER (lang(?en) = "en" && lang(?ar) = "ar")
        } ORDER BY ?o""")
    assert [(str(r.c), str(r.en), str(r.ar)) for r in classes] == [
        (t.iri, t.label_en, t.label_ar) for t in ACTOR_TYPES.values()
    ]
    modalities = ontology.query("""
        PREFIX ckg: <https://w3id.org/conflict-kg/ontology#>
        SELECT ?m ?name WHERE { ?m a ckg:Modality ; ckg:modalityName ?name }""")
    assert {str(r.name): str(r.m) for r in modalities} == {m.name: m.iri for m in MODALITY_INFO.values()}


def test_every_predicate_and_class_is_described(ontology: Graph) -> None:
    header = URIRef("https://w3id.org/conflict-kg/ontology")
    assert (header, RDF.type, URIRef("http://www.w3.org/2002/07/owl#Ontology")) in ontology
    assert ontology.value(header, URIRef("http://www.w3.org/2002/07/owl#versionInfo")) == Literal("0.1.0")
    prov_entity = URIRef("http://www.w3.org/ns/prov#Entity")
    subclass = URIRef("http://www.w3.org/2000/01/rdf-schema#subClassOf")
    assert (CKG.Document, subclass, prov_entity) in ontology
    assert (CKG.Event, subclass, prov_entity) in ontology


def _sh_in(shapes: Graph, path: URIRef) -> list:
    for prop in shapes.subjects(SH.path, path):
        values = shapes.value(prop, SH["in"])
        if values is not None:
            return list(Collection(shapes, values))
        qualified = shapes.value(prop, SH.qualifiedValueShape)
        if qualified is not None:
            return list(Collection(shapes, shapes.value(qualified, SH["in"])))
    raise AssertionError(f"no sh:in for {path} in shapes.ttl")


def test_shapes_list_the_ontology_names(shapes: Graph) -> None:
    assert [str(v) for v in _sh_in(shapes, CKG.predicate)] == list(PREDICATES)
    assert [str(v) for v in _sh_in(shapes, CKG.modality)] == [m.iri for m in MODALITY_INFO.values()]
    assert [str(v) for v in _sh_in(shapes, RDF.type)] == [t.iri for t in ACTOR_TYPES.values()]
