"""CAMEO/PETRARCH actor and agent dictionaries read as gazetteer files, on small invented dictionaries."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import pytest
from click.testing import CliRunner

from ckg.cli import cli
from ontology.dictionaries import read_dictionary
from ontology.errors import GazetteerError
from ontology.gazetteer import WORLD_FILES, DatedCode, Gazetteer

DATA = Path(__file__).resolve().parent / "data" / "dictionaries"
ACTORS_EN = DATA / "actors.en.txt"
ACTORS_AR = DATA / "actors.ar.txt"
AGENTS_EN = DATA / "agents.en.txt"
AGENTS_AR = DATA / "agents.ar.txt"


def summary(actor) -> tuple:
    return (actor.id, actor.type, actor.name, actor.name_ar, actor.aliases, actor.aliases_ar, actor.cameo,
            actor.iso3, actor.codes, actor.known)


# ---- actor dictionaries


def test_english_actor_dictionary() -> None:
    contents = read_dictionary(ACTORS_EN)
    assert contents.kind == "actors" and contents.agent_forms == ()
    assert [summary(a) for a in contents.actors] == [
        ("northern-shield-brigade", "ArmedGroup", "Northern Shield Brigade", "الدرع الشمالي", ("Shield Brigade",),
         (), "SYRREB", None, (), True),
        ("karim-ben-haddou", "Person", "Karim Ben Haddou", None, ("Minister Ben Haddou",), (), "SYRELI", None,
         (DatedCode("SYRGOV", "1995-06-01", "1999-08-15"), DatedCode("SYROPP", "1999-08-16", None)), True),
        ("layla-al-mansouri", "Person", "Layla al-Mansouri", None, (), (), None, None,
         (DatedCode("LBYGOV", None, "2011-02-15"), DatedCode("LBYOPP", "2011-02-16", "2014-06-01")), True),
        ("ministry-of-water-works", "Government", "Ministry of Water Works", None, (), (), "SYRGOV", None, (), True),
        ("coastal-league", "InternationalOrganization", "Coastal League", None, (), (), "IGOMEA", None, (), True),
        ("malta", "State", "Malta", None, (), (), "MLT", "MLT", (), True),
    ]  # UNCODED_NAME_ [---] has PETRARCH's null code: nothing to code it as, so no actor


def test_dated_codes_give_the_code_in_force_on_a_date() -> None:
    actors = {a.id: a for a in read_dictionary(ACTORS_EN).actors}
    karim, layla = actors["karim-ben-haddou"], actors["layla-al-mansouri"]
    assert [karim.cameo_on(d) for d in ("1990-01-01", "1995-06-01", "1996-01-01", "1999-08-15", "1999-08-16",
                                        "2020-05-05", None)] == [
        "SYRELI", "SYRGOV", "SYRGOV", "SYRGOV", "SYROPP", "SYROPP", "SYRELI"]
    # YYMMDD: 11 is 2011, 14 is 2014; no plain code, so none outside the dated ones
    assert [layla.cameo_on(d) for d in ("2009-01-01", "2011-02-15", "2011-02-16", "2014-06-02")] == [
        "LBYGOV", "LBYGOV", "LBYOPP", None]


def test_arabic_actor_dictionary() -> None:
    contents = read_dictionary(ACTORS_AR)
    assert [summary(a) for a in contents.actors] == [
        ("syr-a0bcb342", "ArmedGroup", "لواء الدرع الشمالي", "لواء الدرع الشمالي", (), ("الدرع الشمالي",),
         "SYRREB", None, (), True),
        ("syr-02f96b9a", "Person", "كريم بن حدو", "كريم بن حدو", (), (), "SYRELI", None,
         (DatedCode("SYRGOV", "1995-06-01", "1999-08-15"),), True),
        ("syr-0a58f60e", "Government", "وزارة الموارد المائية", "وزارة الموارد المائية", (), (), "SYRGOV", None,
         (), True),
        ("mlt-b96faf8c", "State", "مالطا", "مالطا", (), (), "MLT", "MLT", (), True),
        # a dated code, but "قوة" (force) names an organisation; the restriction with no code codes nothing
        ("syr-311f97d3", "ArmedGroup", "قوة الساحل", "قوة الساحل", (), (), None, None,
         (DatedCode("SYRMIL", "2012-01-01", None),), True),
    ]
    assert read_dictionary(ACTORS_AR).actors[1].cameo_on("1997-07-07") == "SYRGOV"


def test_repeated_entries_become_one_actor(tmp_path: Path) -> None:
    path = tmp_path / "repeat.txt"
    path.write_text("RIVER_FRONT_ [SYRREB]\n+RIVER_FRONT_FIGHTERS\nRIVER_FRONT\n\t[SYRREB 20150101-20151231]\n"
                    "River front [SYRMIL]\n", encoding="utf-8")
    [actor] = read_dictionary(path).actors
    assert summary(actor) == ("river-front", "ArmedGroup", "River Front", None, ("River Front Fighters",), (),
                              "SYRREB", None, (DatedCode("SYRREB", "2015-01-01", "2015-12-31"),), True)


def test_names_are_cased_as_news_writes_them(tmp_path: Path) -> None:
    path = tmp_path / "case.txt"
    path.write_text("COUNCIL_OF_THE_U.N._MISSION_(UNXM) [IGOUNO]\nPKK_WATCH [TURGOV]\nAbu_Zaid_Group [SYRREB]\n",
                    encoding="utf-8")
    assert [a.name for a in read_dictionary(path).actors] == [
        "Council of the U.N. Mission (UNXM)", "PKK Watch", "Abu Zaid Group"]


# ---- agent dictionaries


def test_english_agent_dictionary() -> None:
    contents = read_dictionary(AGENTS_EN)
    assert contents.kind == "agents" and contents.actors == ()
    assert contents.agent_forms == (
        ("en", "border guard", "MIL"), ("en", "border guards", "MIL"),
        ("en", "militia", "REB"),
        ("en", "attorney general", "GOVJUD"), ("en", "attorneys general", "GOVJUD"),
        ("en", "coastman", "MIL"), ("en", "coastmen", "MIL"), ("en", "coastwoman", "MIL"), ("en", "coastwomen", "MIL"),
        ("en", "national army", "MIL"), ("en", "national navy", "MIL"),
        ("en", "humanitarian agency", "NGO"), ("en", "humanitarian agencies", "NGO"),
        ("en", "security service", "SPY"), ("en", "security services", "SPY"),
    )


def test_arabic_agent_dictionary() -> None:
    assert read_dictionary(AGENTS_AR).agent_forms == (
        ("ar", "حرس الحدود", "MIL"),
        ("ar", "ميليشيا", "REB"), ("ar", "ميليشيات", "REB"),
        ("ar", "جيش الحدود", "MIL"), ("ar", "شرطة الحدود", "MIL"),
        ("ar", "منظمة إغاثة", "NGO"),
        ("ar", "جيش", "MIL"), ("ar", "شرطة", "MIL"),  # a marker alone takes its words' language
    )


# ---- malformed dictionaries


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("SOME_NAME [SYRGOV\n", "1: unclosed '[' in 'SOME_NAME [SYRGOV'"),
        ("# a comment\nSOME_NAME\n\t[ISR 19991340]\n",
         "3: bad date '19991340' in [ISR 19991340]: write YYMMDD or YYYYMMDD"),
        ("SOME_NAME\n\t[KOR 2004017-20061201]\n",
         "2: bad date '2004017' in [KOR 2004017-20061201]: write YYMMDD or YYYYMMDD"),
        ("SOME_NAME\n\t[SYR 19990101]\n",
         "2: date restriction '19990101' in [SYR 19990101]: write <DATE, >DATE or DATE-DATE"),
        ("\t[SYRGOV]\nSOME_NAME [SYR]\n",
         "1: code line with no entry before it: start with a name line, e.g. 'SOME_NAME [SYR]'"),
        ("\n+OTHER_NAME\nSOME_NAME [SYR]\n",
         "2: synonym '+' with no entry before it: start with a name line, e.g. 'SOME_NAME [SYR]'"),
        ("SOME_NAME [SYR]\nOTHER_NAME [syrgov]\n",
         "2: bad code 'syrgov' in [syrgov]: a CAMEO actor code is upper-case letters in threes, e.g. SYRGOV"),
        ("SOME_NAME [SYR] OTHER_NAME\n", "1: text after the code in 'SOME_NAME [SYR] OTHER_NAME': "
                                         "one entry a line, codes in [...] last"),
        ("SOME_NAME SYRGOV] [SYR]\n", "1: ']' with no '[' before it in 'SOME_NAME SYRGOV] [SYR]'"),
        ("BORDER!PERSON! [~MIL]\n",
         "1: substitution set !PERSON! is used but never defined: add a line '!PERSON! = WORD, WORD'"),
        ("!FORCE! = ARMY\nPOLICE [~COP]\nSOLDIER [MIL]\n",
         "3: bad agent code [MIL]: write [~GOV], or [NGO~] for a code that goes first"),
        ("POLICE {POLICE_FORCES [~COP]\n", "1: unclosed '{' in 'POLICE {POLICE_FORCES [~COP]'"),
        ("POLICE [~COP]\nSOLDIER\n", "2: no [~CODE] in 'SOLDIER': write NOUN [~CODE]"),
    ],
)
def test_malformed_lines_name_file_and_line(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "f.txt"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(GazetteerError) as caught:
        read_dictionary(path)
    assert str(caught.value) == f"{path}:{message}"


def test_a_file_that_is_no_dictionary_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("Some notes about actors.\nNothing in brackets here.\n", encoding="utf-8")
    with pytest.raises(GazetteerError) as caught:
        Gazetteer.load([path])
    assert str(caught.value) == (
        f"{path}: neither a gazetteer JSON file nor a CAMEO/PETRARCH dictionary "
        "(actor lines 'NAME [CODE]', or agent lines 'NOUN [~CODE]')"
    )


# ---- the gazetteer


def test_load_reads_dictionaries_by_content_not_name(tmp_path: Path) -> None:
    actors, agents = tmp_path / "actors.json", tmp_path / "agents.dat"  # misleading names on purpose
    actors.write_bytes(ACTORS_EN.read_bytes())
    agents.write_bytes(AGENTS_AR.read_bytes())
    gaz = Gazetteer.load([*WORLD_FILES, actors, agents])
    assert gaz.get("karim-ben-haddou").cameo_on("1996-01-01") == "SYRGOV"
    assert gaz.agent_forms == read_dictionary(AGENTS_AR).agent_forms


def test_a_dictionary_entry_overrides_a_pack_actor_with_its_id() -> None:
    default = Gazetteer.default()
    assert default.get("malta").name_ar == "مالطا"
    gaz = Gazetteer.for_packs(("libya",), (ACTORS_EN,))
    assert summary(gaz.get("malta")) == ("malta", "State", "Malta", None, (), (), "MLT", "MLT", (), True)
    assert len(gaz) == len(default) + 5
    assert gaz.get("gna") == default.get("gna")


def test_agent_forms_merge_in_order_and_travel_whole(tmp_path: Path) -> None:
    gaz = Gazetteer.load([*WORLD_FILES, AGENTS_EN, AGENTS_AR, AGENTS_EN, ACTORS_AR])
    expected = read_dictionary(AGENTS_EN).agent_forms + read_dictionary(AGENTS_AR).agent_forms
    assert gaz.agent_forms == expected
    clone = pickle.loads(pickle.dumps(gaz))
    assert clone == gaz and clone.agent_forms == expected
    assert clone != Gazetteer.load([*WORLD_FILES, AGENTS_EN, ACTORS_AR])
    extra = read_dictionary(ACTORS_EN).actors[0]
    view = gaz.with_actors({extra.id: extra})
    assert view.agent_forms == expected and view.get(extra.id) == extra


# ---- end to end


def test_extract_finds_an_actor_only_the_dictionary_names(tmp_path: Path) -> None:
    doc = tmp_path / "visit.en.txt"
    doc.write_text("Karim Ben Haddou toured a water plant near the coast on Tuesday.\n", encoding="utf-8")
    (tmp_path / "visit.en.meta.json").write_text(json.dumps({"id": "visit", "published": "1996-03-05"}),
                                                 encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(cli, ["--gazetteer", str(ACTORS_EN), "extract", str(doc)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    [document] = json.loads(result.output)["documents"]
    assert document["actors"] == [{
        "id": "karim-ben-haddou", "name": "Karim Ben Haddou", "type": "Person", "cameo": "SYRGOV", "known": True,
        "aliases": ["Minister Ben Haddou"], "wikidata": None,
        "mentions": [{"text": "Karim Ben Haddou", "start": 0, "end": 16}],
    }]
    without = runner.invoke(cli, ["extract", str(doc)], catch_exceptions=False)
    assert json.loads(without.output)["documents"][0]["actors"] == []


def test_extract_refuses_a_malformed_dictionary_with_its_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text("SOME_NAME\n\t[ISR 19991340]\n", encoding="utf-8")
    doc = tmp_path / "d.en.txt"
    doc.write_text("Nothing happened.\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["--gazetteer", str(bad), "extract", str(doc)])
    assert result.exit_code == 1
    assert result.output == f"Error: {bad}:2: bad date '19991340' in [ISR 19991340]: write YYMMDD or YYYYMMDD\n"
