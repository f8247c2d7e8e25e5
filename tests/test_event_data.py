"""ACLED and GDELT files: recognised by their first line or by --format, a row one event, actors resolved to
the graph's own, malformed rows one-line errors naming file and line while the other rows load."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from ckg.cli import cli
from loaders.codes import ActorResolver, UnknownActor
from loaders.pipeline import extract_paths
from loaders.readers import RawDocument, read_documents
from ontology.errors import InputError
from ontology.event_codes import acled_events, predicate_for_code
from ontology.gazetteer import Gazetteer
from ontology.records import DocumentRecord

DATA = Path(__file__).parent / "data"
ACLED_FILE = DATA / "acled" / "libya-2020-01.csv"
GDELT_FILE = DATA / "gdelt" / "20200105.export.CSV"


def outline(items: list) -> list:
    """Each item as a short tuple: a record's relations, an error's or a notice's line."""
    out = []
    for item in items:
        if isinstance(item, DocumentRecord):
            out.append((item.id, [(r.id, r.source, r.predicate, r.target, r.cameo, r.date) for r in item.relations]))
        else:
            out.append(str(item))
    return out


def test_acled_rows_errors_and_left_out_rows() -> None:
    f = str(ACLED_FILE)
    assert outline(list(extract_paths([ACLED_FILE]))) == [
        ("acled:LBY1001", [("acled:LBY1001", "gna", "FIGHTS", "lna", "193", "2020-01-05"),
                           ("acled:LBY1001#2", "gna", "FIGHTS", "wagner-group", "193", "2020-01-05")]),
        ("acled:LBY1002", [("acled:LBY1002", "turkey/military", "ATTACKS", "wagner-group", "195", "2020-01-05")]),
        ("acled:LBY1003", [("acled:LBY1003", "acled/militia-zintan", "ATTACKS", "libya/civilians", "182",
                            "2020-01-07")]),
        f"{f}:7: 10 columns where the header has 31",
        f"{f}:8: event_date '2020-02-30' is not a date",
        f"{f}:9: unknown event type 'Battles' / sub-event type 'Naval duel' (ontology/acled_events.json)",
        f"{f}:10: unknown inter code '9' for actor 'Militia (Kikla)'",
        # the notes of this row run over two lines
        ("acled:LBY1010", [("acled:LBY1010", "acled/rioters-libya", "RIOTS", "libya/police", "145", "2020-01-10")]),
        f"{f}:13: event 'acled:LBY1001' already read at {f}:2",
        f"{f}: 2 rows make no relation between two actors and were left out: Strategic developments: "
        "Looting/property destruction (1), one actor (1)",
    ]


def test_an_acled_row_keeps_its_notes_source_fatalities_and_place() -> None:
    first, second = next(iter(extract_paths([ACLED_FILE]))).relations
    assert first.to_json() == {
        "source": "gna", "predicate": "FIGHTS", "target": "lna", "modality": "asserted", "date": "2020-01-05",
        "cameo": "193", "plover": "ASSAULT", "confidence": 1.0,
        "evidence": {"sentence": "On 5 January 2020, forces loyal to the Tripoli government exchanged fire with "
                                 "eastern troops and Russian contractors south of the capital.",
                     "start": 0, "end": 138},
        "id": "acled:LBY1001", "origin": "acled", "provenance": "Libya Observer; Libya Herald", "fatalities": 4,
        "location": "Ain Zara, Tripoli, Libya", "latitude": 32.8012, "longitude": 13.2456,
    }
    # the associated actor's event: the same row, its fatalities counted once on the first
    assert (second.id, second.target, second.fatalities, second.provenance) == (
        "acled:LBY1001#2", "wagner-group", None, "Libya Observer; Libya Herald")


def test_acled_actors_unknown_to_the_table_keep_their_name_and_inter_code_type() -> None:
    records = [r for r in extract_paths([ACLED_FILE]) if isinstance(r, DocumentRecord)]
    actors = {a.id: (a.name, a.type, a.cameo, a.known) for r in records for a in r.actors}
    assert actors == {
        "gna": ("Government of National Accord", "Government", "LBYGOV", True),
        "lna": ("Libyan National Army", "ArmedGroup", "LBYREB", True),
        "wagner-group": ("Wagner Group", "ArmedGroup", "RUSUAF", True),
        "turkey/military": ("Turkish military", "ArmedGroup", "TURMIL", False),
        "acled/militia-zintan": ("Militia (Zintan)", "ArmedGroup", "LBYUAF", False),
        "libya/civilians": ("Libyan civilians", "SocialGroup", "LBYCVL", False),
        "acled/rioters-libya": ("Rioters (Libya)", "SocialGroup", "LBYOPP", False),
        "libya/police": ("Libyan police", "ArmedGroup", "LBYCOP", False),
    }


def test_gdelt_rows_errors_and_left_out_rows() -> None:
    f = str(GDELT_FILE)
    assert outline(list(extract_paths([GDELT_FILE]))) == [
        ("gdelt:1034567001", [("gdelt:1034567001", "turkey/military", "ATTACKS", "wagner-group", "195",
                               "2020-01-05")]),
        ("gdelt:1034567002", [("gdelt:1034567002", "libya/government", "REQUESTS_AID_FROM", "turkey", "0233",
                               "2020-01-05")]),
        f"{f}:5: 60 tab-separated columns; a GDELT 2.0 event row has 61",
        f"{f}:6: SQLDATE '20200231' is not a date",
        f"{f}:7: unknown CAMEO event code '999'",
        f"{f}:8: unknown actor code 'XYZ': no gazetteer actor holds it and it composes no agent",
        ("gdelt:1034567009", [("gdelt:1034567009", "cameo/igouno", "CONSULTS", "libya", "042", "2020-01-06")]),
        ("gdelt:1034567010", [("gdelt:1034567010", "egypt", "SUPPORTS", "united-states", "051", "2020-01-06")]),
        f"{f}: 2 rows make no relation between two actors and were left out: CAMEO 01 (1), one actor (1)",
    ]


def test_a_gdelt_row_keeps_its_id_url_and_place() -> None:
    record = next(iter(extract_paths([GDELT_FILE])))
    assert (record.id, record.title, record.url, record.published) == (
        "gdelt:1034567001", "GDELT 1034567001: TURKEY attacks WAGNER", "https://news.example.org/2020/01/05/sirte-drone",
        "2020-01-05")
    assert record.relations[0].to_json() == {
        "source": "turkey/military", "predicate": "ATTACKS", "target": "wagner-group", "modality": "asserted",
        "date": "2020-01-05", "cameo": "195", "plover": "ASSAULT", "confidence": 0.5,
        "evidence": {"sentence": "TURKEY attacks WAGNER (GDELT event 1034567001, CAMEO 195)", "start": 0, "end": 57},
        "id": "gdelt:1034567001", "origin": "gdelt", "provenance": "https://news.example.org/2020/01/05/sirte-drone",
        "location": "Sirte, Surt, Libya", "latitude": 31.2089, "longitude": 16.5887,
    }
    last = list(extract_paths([GDELT_FILE]))[-2]
    assert (last.url, last.relations[0].provenance, last.warnings) == (
        None, "not a url", [f"{GDELT_FILE}:10: field 'url': 'not a url' is not an http(s) IRI: dropped"])


def test_codes_resolve_to_one_actor_or_a_composed_one_never_a_guess() -> None:
    resolver = ActorResolver(Gazetteer.default())
    found = {code: resolver.code(code, "2020-01-05").id
             for code in ("TUR", "RUSUAF", "LBYGOV", "LBYMIL", "USAGOV", "IGOUNO", "MIL")}
    assert found == {
        "TUR": "turkey", "RUSUAF": "wagner-group",
        "LBYGOV": "libya/government",  # the GNA, the GNU, the interim government ... all hold it
        "LBYMIL": "libya/military", "USAGOV": "united-states", "IGOUNO": "cameo/igouno",
        "MIL": "libya/unattributed/military",
    }
    for bad, message in (("lby", "actor code 'lby' is no CAMEO actor code (groups of three capital letters)"),
                         ("QQQ", "unknown actor code 'QQQ': no gazetteer actor holds it and it composes no agent")):
        with pytest.raises(UnknownActor) as err:
            resolver.code(bad)
        assert str(err.value) == message


def test_event_codes_map_through_the_ontology() -> None:
    assert [predicate_for_code(c) for c in ("0233", "042", "045", "141", "145", "190", "193", "194", "010")] == [
        "REQUESTS_AID_FROM", "CONSULTS", "MEDIATES", "PROTESTS", "RIOTS", "FIGHTS", "FIGHTS", "ATTACKS", None]
    table = acled_events()
    assert table[("Battles", "Armed clash")].predicate == "FIGHTS"
    assert {table[k].predicate for k in table if k[0] in ("Explosions/Remote violence", "Violence against civilians")} \
        == {"ATTACKS"}
    assert {k[1]: v.predicate for k, v in table.items() if k[0] == "Strategic developments"}["Agreement"] \
        == "SIGNS_AGREEMENT_WITH"
    assert {table[k].predicate for k in table if k[0] == "Riots"} == {"RIOTS"}


def test_csv_in_a_folder_is_read_and_an_unknown_header_is_one_line(tmp_path: Path) -> None:
    shutil.copy(ACLED_FILE, tmp_path / "events.csv")
    (tmp_path / "prices.csv").write_text("date,price\n2020-01-01,3\n")
    (tmp_path / "note.txt").write_text("Egypt condemned the strike.")
    items = list(read_documents([tmp_path]))
    assert [str(i) if isinstance(i, InputError) else i.id for i in items] == [
        f"{tmp_path / 'events.csv'}: ACLED event data: read it with ckg extract or ckg ingest",
        "note",
        f"{tmp_path / 'prices.csv'}:1: neither an ACLED export (a header naming event_id_cnty, event_date, event_type, "
        "actor1, ...) nor GDELT's event table (61 tab-separated columns); give --format acled or --format gdelt to "
        "read it as one",
    ]
    ids = [i.id for i in extract_paths([tmp_path]) if isinstance(i, DocumentRecord)]
    assert ids == ["acled:LBY1001", "acled:LBY1002", "acled:LBY1003", "acled:LBY1010", "note"]


def test_format_says_what_a_file_is(tmp_path: Path) -> None:
    shutil.copy(GDELT_FILE, tmp_path / "gdelt-rows.txt")  # recognised by its 61 columns, whatever its name
    assert [i.id for i in extract_paths([tmp_path]) if isinstance(i, DocumentRecord)][:1] == ["gdelt:1034567001"]
    [doc] = read_documents([tmp_path / "gdelt-rows.txt"], "text")
    assert isinstance(doc, RawDocument)
    items = list(extract_paths([GDELT_FILE], fmt="acled"))
    assert [str(i) for i in items] == [f"{GDELT_FILE}:1: not an ACLED export: the header lacks event_id_cnty, "
                                       "event_date, event_type, sub_event_type, actor1, assoc_actor_1, inter1, "
                                       "actor2, assoc_actor_2, inter2, country, location, latitude, longitude, "
                                       "source, notes, fatalities"]


def test_ingest_both_files_from_the_command_line(tmp_path: Path) -> None:
    graph = str(tmp_path / "g.db")
    runner = CliRunner()
    result = runner.invoke(cli, ["--graph", graph, "ingest", str(ACLED_FILE), str(GDELT_FILE)])
    assert result.exit_code == 1
    assert result.stdout == "8 documents (8 added, 0 replaced, 0 unchanged), 9 events; 9 failed\n"
    assert sum(line.startswith("error: ") for line in result.stderr.splitlines()) == 9
    again = runner.invoke(cli, ["--graph", graph, "ingest", "--format", "gdelt", str(GDELT_FILE)])
    assert again.stdout == "4 documents (0 added, 0 replaced, 4 unchanged), 4 events; 4 failed\n"
    stats = runner.invoke(cli, ["--graph", graph, "stats"])
    assert [line for line in stats.stdout.splitlines() if line.startswith("origin\t")] == [
        "origin\tacled\t5", "origin\tgdelt\t4"]


def test_docstring_examples_run() -> None:
    import doctest

    import ontology.event_codes

    result = doctest.testmod(ontology.event_codes)
    assert (result.failed, result.attempted) == (0, 2)
