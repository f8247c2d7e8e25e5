"""The conflict-kg vocabulary as Python values, read once from conflict.ttl (the one source of truth).

>>> Predicate.SUPPORTS.value
'SUPPORTS'
>>> PREDICATES["REQUESTS_AID_FROM"].label_ar
'يطلب المساعدة من'
>>> default_cameo("REQUESTS_AID_FROM")
'023'
>>> sorted(p for p, info in PREDICATES.items() if info.symmetric)
['CONSULTS', 'COOPERATES_WITH', 'FIGHTS', 'SIGNS_AGREEMENT_WITH']
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rdflib import OWL, RDF, RDFS, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.namespace import ClosedNamespace

from ontology.errors import CkgError

ONTOLOGY_PATH = Path(__file__).with_name("conflict.ttl")
SHAPES_PATH = Path(__file__).with_name("shapes.ttl")
NAMESPACE = "https://w3id.org/conflict-kg/ontology#"
DATA_NAMESPACE = "https://w3id.org/conflict-kg/id/"

_CKG = Namespace(NAMESPACE)


@dataclass(frozen=True)
class PredicateInfo:
    name: str
    iri: str
    label_en: str
    label_ar: str
    cameo: tuple[str, ...]
    plover: str
    symmetric: bool
    structural: bool
    plover_mode: str = ""
    plover_alternatives: tuple[str, ...] = ()
    default_cameo: str = ""


@dataclass(frozen=True)
class ActorTypeInfo:
    name: str
    iri: str
    label_en: str
    label_ar: str


@dataclass(frozen=True)
class ModalityInfo:
    name: str
    iri: str
    label_en: str
    label_ar: str


@lru_cache(maxsize=1)
def ontology_graph() -> Graph:
    """The parsed ontology; parsed once per process. Callers must not modify it."""
    graph = Graph()
    graph.parse(ONTOLOGY_PATH, format="turtle")
    return graph


def _label(graph: Graph, subject: URIRef, lang: str) -> str:
    for value in graph.objects(subject, RDFS.label):
        if isinstance(value, Literal) and value.language == lang:
            return str(value)
    raise CkgError(f"{ONTOLOGY_PATH}: {subject} has no rdfs:label @{lang}; add one")


def _order(graph: Graph, subject: URIRef) -> int:
    value = graph.value(subject, _CKG.order)
    if value is None:
        raise CkgError(f"{ONTOLOGY_PATH}: {subject} has no ckg:order; give it its position in the table")
    return int(value)


def _strings(graph: Graph, subject: URIRef, prop: URIRef) -> list[str]:
    return [str(v) for v in graph.objects(subject, prop)]


@lru_cache(maxsize=1)
def _load_predicates() -> dict[str, PredicateInfo]:
    graph = ontology_graph()
    found: list[tuple[int, PredicateInfo]] = []
    for prop in graph.subjects(_CKG.predicateName, None):
        assert isinstance(prop, URIRef)
        plover = _strings(graph, prop, _CKG.plover)
        mode = _strings(graph, prop, _CKG.ploverMode)
        structural = graph.value(prop, _CKG.structural)
        info = PredicateInfo(
            name=str(graph.value(prop, _CKG.predicateName)),
            iri=str(prop),
            label_en=_label(graph, prop, "en"),
            label_ar=_label(graph, prop, "ar"),
            # RDF keeps no order among values: codes come sorted, ckg:defaultCameo names the main one.
            cameo=tuple(sorted(_strings(graph, prop, _CKG.cameo))),
            plover=plover[0] if plover else "",
            symmetric=(prop, RDF.type, OWL.SymmetricProperty) in graph,
            structural=bool(structural.toPython()) if isinstance(structural, Literal) else False,
            plover_mode=mode[0] if mode else "",
            plover_alternatives=tuple(sorted(_strings(graph, prop, _CKG.ploverAlternative))),
            default_cameo=str(graph.value(prop, _CKG.defaultCameo) or ""),
        )
        found.append((_order(graph, prop), info))
    return {info.name: info for _, info in sorted(found, key=lambda pair: pair[0])}


@lru_cache(maxsize=1)
def _load_actor_types() -> dict[str, ActorTypeInfo]:
    graph = ontology_graph()
    found: list[tuple[int, ActorTypeInfo]] = []
    for cls in graph.subjects(RDFS.subClassOf, _CKG.Actor):
        assert isinstance(cls, URIRef)
        name = str(cls).removeprefix(NAMESPACE)
        info = ActorTypeInfo(name, str(cls), _label(graph, cls, "en"), _label(graph, cls, "ar"))
        found.append((_order(graph, cls), info))
    return {info.name: info for _, info in sorted(found, key=lambda pair: pair[0])}


@lru_cache(maxsize=1)
def _load_modalities() -> dict[str, ModalityInfo]:
    graph = ontology_graph()
    # The owl:oneOf list that defines ckg:Modality gives the modalities and their order.
    enumeration = graph.value(_CKG.Modality, OWL.equivalentClass)
    members = Collection(graph, graph.value(enumeration, OWL.oneOf)) if enumeration is not None else []
    modalities: dict[str, ModalityInfo] = {}
    for individual in members:
        assert isinstance(individual, URIRef)
        name = str(graph.value(individual, _CKG.modalityName))
        modalities[name] = ModalityInfo(
            name, str(individual), _label(graph, individual, "en"), _label(graph, individual, "ar")
        )
    if not modalities:
        raise CkgError(f"{ONTOLOGY_PATH}: ckg:Modality has no owl:oneOf list of modalities")
    return modalities


@lru_cache(maxsize=1)
def ontology_terms() -> frozenset[str]:
    """Local names of every term the ontology defines in its namespace."""
    return frozenset(
        str(s).removeprefix(NAMESPACE)
        for s in ontology_graph().subjects(RDF.type, None)
        if isinstance(s, URIRef) and str(s).startswith(NAMESPACE)
    )


PREDICATES: dict[str, PredicateInfo] = _load_predicates()
ACTOR_TYPES: dict[str, ActorTypeInfo] = _load_actor_types()
MODALITY_INFO: dict[str, ModalityInfo] = _load_modalities()
MODALITIES: tuple[str, ...] = tuple(MODALITY_INFO)

# A namespace that rejects terms the ontology does not define, so a typo fails at once.
CKG = ClosedNamespace(NAMESPACE, sorted(ontology_terms()))


def _member_name(name: str) -> str:
    """ArmedGroup -> ARMED_GROUP, asserted -> ASSERTED, SUPPORTS -> SUPPORTS."""
    return re.sub(r"(?<=[a-z])(?=[A-Z])", "_", name).upper()


Predicate = enum.StrEnum("Predicate", {name: name for name in PREDICATES})
ActorType = enum.StrEnum("ActorType", {_member_name(name): name for name in ACTOR_TYPES})
Modality = enum.StrEnum("Modality", {_member_name(name): name for name in MODALITIES})


def predicate_info(predicate: str) -> PredicateInfo:
    """The PredicateInfo of a predicate name; a CkgError naming the known ones otherwise."""
    try:
        return PREDICATES[predicate]
    except KeyError:
        raise CkgError(
            f"unknown predicate {predicate!r}; use one of {', '.join(PREDICATES)} "
            f"(defined in {ONTOLOGY_PATH.name})"
        ) from None


def default_cameo(predicate: str) -> str:
    """The CAMEO code to give an event of this predicate when the trigger gives none.

    It is the ontology's ckg:defaultCameo: the first code the table lists, as a concrete code
    ("023x" -> "023"; a two-digit root family "03x" -> its "not specified" code "030").
    Structural predicates (LEADS, MEMBER_OF) carry actor codes only and give "".

    >>> default_cameo("OFFERS_SUPPORT"), default_cameo("CONDEMNS"), default_cameo("LEADS")
    ('030', '111', '')
    """
    return predicate_info(predicate).default_cameo
