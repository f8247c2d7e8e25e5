"""Catalog parameters as researchers type them: ids, names and aliases in both languages, predicates in any
case, dates; what does not name anything is an error with the closest matches."""

from __future__ import annotations

import pytest
from catalog_data import gazetteer, three_documents

from graph.embedded import EmbeddedStore
from ontology.errors import QueryError
from queries import catalog
from queries.params import Resolver, calendar_date, predicate_name


@pytest.fixture(scope="module")
def resolver(tmp_path_factory: pytest.TempPathFactory) -> Resolver:
    directory = tmp_path_factory.mktemp("params")
    store = EmbeddedStore(directory / "graph.db")
    store.ingest_many(three_documents())
    return Resolver(store, gazetteer(directory))


@pytest.mark.parametrize(("typed", "actor"), [
    ("gna", "gna"),                                  # an id
    ("GOVERNMENT OF NATIONAL ACCORD", "gna"),        # a name, any case
    ("حكومة الوفاق الوطني", "gna"),                   # the Arabic name
    ("حكومة الوفاق", "gna"),                          # an Arabic alias
    ("LNA", "haftar_forces"),                        # an alias of the store's actor
    ("قوات حفتر", "haftar_forces"),
    ("Türkiye", "turkey"),
    ("Khalifa Haftar", "khalifa-haftar"),            # in the gazetteer, not in the graph
    ("حَفْتَر", "khalifa-haftar"),                     # diacritics set aside
    ("  presidential   guard ", "presidential-guard"),
])
def test_an_actor_is_named_as_ckg_show_names_it(resolver: Resolver, typed: str, actor: str) -> None:
    assert resolver.actor(typed) == actor


def test_an_unknown_actor_is_an_error_with_the_closest_names(resolver: Resolver) -> None:
    with pytest.raises(QueryError) as caught:
        resolver.actor("Haftr")
    assert str(caught.value) == ("no actor 'Haftr' in the graph or the gazetteer; "
                                 "closest: Khalifa Haftar (khalifa-haftar)")
    with pytest.raises(QueryError) as caught:
        resolver.actor("Nobody At All")
    assert str(caught.value) == "no actor 'Nobody At All' in the graph or the gazetteer"


@pytest.mark.parametrize(("typed", "name"), [("condemns", "CONDEMNS"), ("Requests aid from", "REQUESTS_AID_FROM"),
                                             ("requests-aid-from", "REQUESTS_AID_FROM"), ("FIGHTS", "FIGHTS")])
def test_a_predicate_in_any_case(typed: str, name: str) -> None:
    assert predicate_name(typed) == name


def test_an_unknown_predicate_names_the_closest() -> None:
    with pytest.raises(QueryError) as caught:
        predicate_name("condems")
    assert str(caught.value).startswith("no predicate 'condems'; closest: CONDEMNS, CONSULTS")
    assert str(caught.value).endswith("(the ontology has: REQUESTS_AID_FROM, APPEALS_TO, OFFERS_SUPPORT, SUPPORTS, "
                                      "COOPERATES_WITH, CONSULTS, SIGNS_AGREEMENT_WITH, MEDIATES, CONDEMNS, ACCUSES, "
                                      "REJECTS, THREATENS, SANCTIONS, DEPLOYS_TO, ATTACKS, FIGHTS, LEADS, MEMBER_OF, "
                                      "PROTESTS, RIOTS)")


def test_a_date_is_a_calendar_date() -> None:
    assert calendar_date(" 2019-12-20 ") == "2019-12-20"
    with pytest.raises(QueryError) as caught:
        calendar_date("2019-02-30")
    assert str(caught.value) == "date '2019-02-30' is no calendar date; write YYYY-MM-DD, e.g. 2019-12-20"


def test_a_group_holds_what_the_actor_leads_its_members_and_its_composed_forces(resolver: Resolver) -> None:
    assert resolver.group("turkey", led=True) == ["cavusoglu", "turkey", "turkey/military"]
    assert resolver.group("gna", led=True) == ["gna", "presidential-guard"]
    assert resolver.group("sarraj", led=True) == ["gna", "presidential-guard", "sarraj"]  # he leads the GNA
    assert resolver.group("turkey", led=False) == ["turkey"]


def test_a_query_binds_resolved_values_and_derived_ones(resolver: Resolver) -> None:
    query = catalog.get_query("supporters-of")
    assert resolver.bind(query, {"actor": "Türkiye"}) == {"actor_group": ["cavusoglu", "turkey", "turkey/military"]}
    assert resolver.bind(query, {"actor": "تركيا", "led": "no"}) == {"actor_group": ["turkey"]}
    assert resolver.bind(catalog.get_query("foreign-states"), {}) == {"home": "libya"}
    holders = catalog.get_query("role-holders")
    assert resolver.bind(holders, {"date": "2019-12-20"})["actor"] == ""
    assert len(resolver.bind(holders, {"date": "2019-12-20"})["roles"]) == 3


def test_a_bad_value_names_the_query_and_the_parameter(resolver: Resolver) -> None:
    with pytest.raises(QueryError) as caught:
        catalog.run(resolver.store, "supporters-of", {"actor": "gna", "led": "perhaps"}, resolver.gazetteer)
    assert str(caught.value) == "query 'supporters-of', -p led: parameter led takes yes or no, not 'perhaps'"
    with pytest.raises(QueryError) as caught:
        catalog.run(resolver.store, "edge-evidence", {"source": "gna", "predicate": "backs", "target": "usa"})
    assert str(caught.value).startswith("query 'edge-evidence', -p predicate: no predicate 'backs'")


def test_a_parameter_left_out_takes_its_default() -> None:
    assert catalog.get_query("supporters-of").defaults == {"led": "yes"}
    assert catalog.usage(catalog.get_query("role-holders")) == "-p date DATE [-p actor any]"
    assert catalog.usage(catalog.get_query("denials")) == "-"
