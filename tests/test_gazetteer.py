"""The actor gazetteers: their contents, the loader's checks, and the world file's generator."""

from __future__ import annotations

import importlib.util
import json
from collections import defaultdict
from pathlib import Path

import pycountry
import pytest

from loaders.normalize import fold
from ontology.errors import GazetteerError
from ontology.gazetteer import GAZETTEER_DIR, PACK_DIR, Gazetteer

ROOT = Path(__file__).resolve().parent.parent
SEED_GOLD = ROOT.parent / "shared" / "corpus" / "seed" / "gna-aid-request.gold.json"
WORLD = GAZETTEER_DIR / "world.json"
LIBYA = PACK_DIR / "libya" / "gazetteer.json"

# ISO 3166-1 entries that are not UN member states: territories, Taiwan, and the two observer states.
_NOT_UN_MEMBER_CODES = (
    "ABW AIA ALA ASM ATA ATF BES BLM BMU BVT CCK COK CUW CXR CYM ESH FLK FRO GGY GIB GLP GRL GUF GUM "
    "HKG HMD IMN IOT JEY MAC MAF MNP MSR MTQ MYT NCL NFK NIU PCN PRI PYF REU SGS SHN SJM SPM SXM TCA "
    "TKL UMI VGB VIR WLF TWN PSE VAT"
)
NOT_UN_MEMBERS = set(_NOT_UN_MEMBER_CODES.split())

# The seed annotation's actor keys and the gazetteer ids that stand for them.
SEED_IDS = {
    "gna": "gna", "sarraj": "sarraj", "haftar_forces": "lna", "haftar": "haftar",
    "usa": "united-states", "uk": "united-kingdom", "italy": "italy", "algeria": "algeria",
    "turkey": "turkey", "erdogan": "erdogan", "egypt": "egypt", "uae": "united-arab-emirates",
    "unsmil": "unsmil", "isis": "isis", "alqaeda": "al-qaeda", "gaddafi": "gaddafi",
    "libya": "libya", "tripoli": "tripoli",
}
# Seed names that are role phrases or anaphora, resolved by the matcher rather than listed as aliases.
SEED_NON_ALIASES = {("erdogan", "الرئيس التركي"), ("unsmil", "البعثة")}


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.default()


def surface_forms(actor) -> list[str]:
    return [actor.name, *actor.aliases, actor.name_ar or "", *actor.aliases_ar]


def write(tmp_path: Path, name: str, actors: list[dict] | str) -> Path:
    path = tmp_path / name
    text = actors if isinstance(actors, str) else json.dumps({"name": name, "actors": actors}, indent=1)
    path.write_text(text, encoding="utf-8")
    return path


# ---- contents


def test_libya_has_at_least_80_actors_and_world_every_un_state(gaz: Gazetteer) -> None:
    libya_ids = [a["id"] for a in json.loads(LIBYA.read_text(encoding="utf-8"))["actors"]]
    assert len(libya_ids) >= 80
    un_members = {c.alpha_3 for c in pycountry.countries} - NOT_UN_MEMBERS
    assert len(un_members) == 193
    states = {a.iso3: a for a in gaz if a.type == "State"}
    assert set(states) == un_members | {"PSE", "VAT"}
    assert all(a.cameo == a.iso3 for a in states.values())


def test_every_seed_actor_is_present_with_its_names_type_and_wikidata(gaz: Gazetteer) -> None:
    gold = json.loads(SEED_GOLD.read_text(encoding="utf-8"))
    assert {a["key"] for a in gold["actors"]} == set(SEED_IDS)
    for entry in gold["actors"]:
        actor = gaz.get(SEED_IDS[entry["key"]])
        assert actor.name == entry["names"][0], entry["key"]
        assert actor.type == entry["type"], entry["key"]
        if entry["wikidata"]:
            assert actor.wikidata == entry["wikidata"], entry["key"]
        forms = {fold(f) for f in surface_forms(actor)}
        missing = [n for n in entry["names"] if fold(n) not in forms and (entry["key"], n) not in SEED_NON_ALIASES]
        assert missing == [], entry["key"]


def test_seed_wikidata_ids(gaz: Gazetteer) -> None:
    expected = {
        "united-states": "Q30", "united-kingdom": "Q145", "italy": "Q38", "algeria": "Q262", "turkey": "Q43",
        "egypt": "Q79", "united-arab-emirates": "Q878", "libya": "Q1016", "tripoli": "Q3579",
        "erdogan": "Q39259", "gaddafi": "Q19878", "al-qaeda": "Q34490",
    }
    assert {actor_id: gaz.get(actor_id).wikidata for actor_id in expected} == expected


def test_state_fields_used_by_the_matcher(gaz: Gazetteer) -> None:
    turkey = gaz.get("turkey")
    assert (turkey.name_ar, turkey.capital_en, turkey.capital_ar) == ("تركيا", "Ankara", "أنقرة")
    assert (turkey.nisba_en[0], turkey.nisba_ar[0]) == ("Turkish", "تركي")
    usa = gaz.get("united-states")
    assert usa.name_ar == "الولايات المتحدة"
    assert {"USA", "US", "United States of America"} <= set(usa.aliases)
    assert {"الولايات المتحدة الأميركية", "أمريكا", "أميركا"} <= set(usa.aliases_ar)
    assert usa.nisba_ar == ("أميركي", "أمريكي")
    assert gaz.get("un").nisba_ar == ("أممي",)


def test_at_least_60_states_have_nisba_adjectives_in_both_languages(gaz: Gazetteer) -> None:
    with_nisba = [a.id for a in gaz if a.type == "State" and a.nisba_en and a.nisba_ar]
    assert len(with_nisba) >= 60
    arab_league = {
        "algeria", "bahrain", "comoros", "djibouti", "egypt", "iraq", "jordan", "kuwait", "lebanon", "libya",
        "mauritania", "morocco", "oman", "palestine", "qatar", "saudi-arabia", "somalia", "sudan", "syria",
        "tunisia", "united-arab-emirates", "yemen",
    }
    involved = {"turkey", "russia", "france", "italy", "germany", "united-kingdom", "united-states", "china",
                "chad", "niger", "greece", "malta", "iran", "israel"}
    # Comoros' nisba (قمري, also 'lunar') is left out on purpose.
    assert (arab_league | involved) - {"comoros"} <= set(with_nisba)


def test_every_actor_has_an_arabic_name(gaz: Gazetteer) -> None:
    assert [a.id for a in gaz if not a.name_ar] == []


def test_no_surface_form_is_repeated_or_shared_between_actors(gaz: Gazetteer) -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for actor in gaz:
        forms = [fold(f) for f in surface_forms(actor) if f]
        assert len(forms) == len(set(forms)), actor.id
        capitals = [fold(c) for c in (actor.capital_en, actor.capital_ar) if c]
        for form in set(forms + capitals):
            owners[form].add(actor.id)
    shared = {form: sorted(ids) for form, ids in owners.items() if len(ids) > 1}
    # Tripoli is both Libya's capital and the place the seed annotates.
    assert shared == {"tripoli": ["libya", "tripoli"], "طرابلس": ["libya", "tripoli"]}


def test_persons_lead_with_dates(gaz: Gazetteer) -> None:
    sarraj = gaz.get("sarraj")
    assert sarraj.holds("LEADS", "gna", "2019-12-20")
    assert not sarraj.holds("LEADS", "gna", "2022-01-01")
    assert not sarraj.holds("LEADS", "gna", "2016-03-29")
    assert sarraj.holds("LEADS", "gna", None)
    assert gaz.get("haftar").holds("LEADS", "lna", "2019-04-04")
    assert gaz.get("gaddafi").holds("LEADS", "libya", "2011-02-17")
    assert not gaz.get("gaddafi").holds("LEADS", "libya", "2011-10-21")


def test_holders_resolve_role_phrases_by_date(gaz: Gazetteer) -> None:
    def ids(of: str, on: str) -> list[str]:
        return [a.id for a in gaz.holders("LEADS", of, on)]

    assert ids("turkey", "2019-12-10") == ["erdogan"]
    assert ids("united-states", "2019-12-20") == ["trump"]
    assert ids("united-states", "2011-03-19") == ["obama"]
    assert ids("unsmil", "2019-12-20") == ["salame"]
    assert ids("unsmil", "2020-06-01") == ["williams"]
    assert ids("presidential-council", "2021-06-01") == ["menfi"]
    assert ids("gna", "2019-12-20") == ["sarraj"]
    assert ids("algeria", "2019-12-20") == ["tebboune"]
    erdogan_titles = [p.title_en for p in gaz.get("erdogan").positions if p.active_on("2019-12-10")]
    assert erdogan_titles == ["President"]


def test_membership_links(gaz: Gazetteer) -> None:
    assert gaz.get("unsmil").member_of == ("un",)
    assert gaz.get("tariq-bin-ziyad-brigade").member_of == ("lna",)
    assert gaz.get("operation-irini").member_of == ("eu",)
    assert gaz.get("wilayat-barqa").member_of == ("isis-libya",)
    assert gaz.get("isis-libya").member_of == ("isis",)


def test_default_is_loaded_once_and_read_only(gaz: Gazetteer) -> None:
    assert Gazetteer.default() is gaz
    with pytest.raises(TypeError):
        gaz.actors["x"] = gaz.get("gna")  # type: ignore[index]
    assert "gna" in gaz and "no-such-actor" not in gaz
    assert len(gaz) == len(list(gaz))


def test_unknown_id_and_bad_query_date(gaz: Gazetteer) -> None:
    with pytest.raises(GazetteerError, match=r"^unknown actor id 'gnaa': add it to a gazetteer file"):
        gaz.get("gnaa")
    with pytest.raises(GazetteerError, match=r"^date '20/12/2019' is not a calendar date: write it as YYYY-MM-DD$"):
        gaz.get("sarraj").holds("LEADS", "gna", "20/12/2019")


def test_world_file_is_reproduced_by_its_generator() -> None:
    spec = importlib.util.spec_from_file_location("build_world_gazetteer", ROOT / "tools" / "build_world_gazetteer.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    current = WORLD.read_text(encoding="utf-8")
    assert module.render(module.build(module.curated_fields(json.loads(current)))) == current
    assert module.main(["--check"]) == 0


# ---- loading and validation

PERSON = {"id": "someone", "type": "Person", "name": "Some One",
          "positions": [{"predicate": "LEADS", "of": "group", "from": "2019-01-01", "to": "2019-12-31"}]}
GROUP = {"id": "group", "type": "ArmedGroup", "name": "A Group", "name_ar": "مجموعة"}


def test_load_reads_every_field(tmp_path: Path) -> None:
    path = write(tmp_path, "t.json", [GROUP, PERSON])
    gaz = Gazetteer.load([path])
    person = gaz.get("someone")
    assert person.positions[0].start == "2019-01-01" and person.positions[0].end == "2019-12-31"
    assert person.positions[0].title_en is None
    assert (person.aliases, person.member_of, person.wikidata) == ((), (), None)
    assert [a.id for a in gaz.holders("LEADS", "group", "2019-06-01")] == ["someone"]
    assert gaz.holders("LEADS", "group", "2020-01-01") == []


def test_later_file_overrides_by_id(tmp_path: Path) -> None:
    first = write(tmp_path, "a.json", [GROUP, PERSON])
    renamed = {"id": "group", "type": "ArmedGroup", "name": "Renamed Group", "aliases": ["RG"]}
    extra = {"id": "unit", "type": "ArmedGroup", "name": "A Unit", "member_of": ["group"]}
    second = write(tmp_path, "b.json", [renamed, extra])
    gaz = Gazetteer.load([first, second])
    assert len(gaz) == 3
    assert gaz.get("group").name == "Renamed Group"
    assert gaz.get("group").aliases == ("RG",)
    assert gaz.get("group").name_ar is None  # replaced as a whole, not merged field by field
    assert gaz.get("unit").member_of == ("group",)


def test_references_are_checked_after_merging(tmp_path: Path) -> None:
    person_only = write(tmp_path, "persons.json", [PERSON])
    groups = write(tmp_path, "groups.json", [GROUP])
    assert len(Gazetteer.load([groups, person_only])) == 2


def test_malformed_json_names_file_and_line(tmp_path: Path) -> None:
    path = write(tmp_path, "bad.json", '{\n "name": "x",\n "actors": [\n  {"id": "a",}\n ]\n}\n')
    with pytest.raises(GazetteerError) as err:
        Gazetteer.load([path])
    assert str(err.value) == (
        f"{path}:4: malformed JSON: Expecting property name enclosed in double quotes (column 14)"
    )


@pytest.mark.parametrize(
    ("actors", "message"),
    [
        ([{"id": "x", "type": "Militia", "name": "X"}],
         "actor 'x': unknown type 'Militia'; use one of State, Government, ArmedGroup, "
         "InternationalOrganization, Person, PoliticalBody, Location, SocialGroup"),
        ([{"id": "x", "type": "State"}], "actor 'x': missing name: give the English canonical name"),
        ([{"id": "Bad Id", "type": "State", "name": "X"}],
         "actor #0: bad id 'Bad Id': use a lowercase ascii slug like 'wagner-group'"),
        ([GROUP, {**GROUP, "name": "Again"}], "actor 'group': duplicate id in this file; merge the two entries"),
        ([{**GROUP, "wikidata": "30"}],
         "actor 'group': wikidata '30' is not a Q-id like 'Q30'; leave it out when unsure"),
        ([{**GROUP, "from": "2019-13-01"}], "actor 'group': bad date from='2019-13-01': write it as YYYY-MM-DD"),
        ([GROUP, {**PERSON, "positions": [{"predicate": "LEADS", "of": "group", "from": "1 May 2019"}]}],
         "actor 'someone': position #0: bad date from='1 May 2019': write it as YYYY-MM-DD"),
        ([GROUP, {**PERSON, "positions": [{"predicate": "COMMANDS", "of": "group"}]}],
         "actor 'someone': position #0: predicate 'COMMANDS' must be one of LEADS, MEMBER_OF"),
        ([{**GROUP, "alias": ["G"]}], "actor 'group': unknown field(s) alias; known fields:"),
        ([{**GROUP, "positions": PERSON["positions"]}],
         "actor 'group': only persons hold positions; give organisations member_of instead"),
        ([{**GROUP, "from": "2020-01-01", "to": "2019-01-01"}],
         "actor 'group': 'to' (2019-01-01) is before 'from' (2020-01-01)"),
        ([PERSON], "actor 'someone': position LEADS points to unknown actor 'group'; "
                   "add that actor or load the file that defines it"),
        ([{**GROUP, "member_of": ["nowhere"]}], "actor 'group': member_of points to unknown actor 'nowhere'"),
    ],
)
def test_validation_errors_name_file_and_actor(tmp_path: Path, actors: list[dict], message: str) -> None:
    path = write(tmp_path, "t.json", actors)
    with pytest.raises(GazetteerError) as err:
        Gazetteer.load([path])
    assert str(err.value).startswith(f"{path}: {message}")


def test_top_level_shape_is_checked(tmp_path: Path) -> None:
    path = write(tmp_path, "list.json", "[]")
    with pytest.raises(GazetteerError, match=r'expected an object \{"name": \.\.\., "actors": \[\.\.\.\]\}'):
        Gazetteer.load([path])
    with pytest.raises(GazetteerError, match="cannot read gazetteer file"):
        Gazetteer.load([tmp_path / "missing.json"])


# ---- the conflict's sides


def test_libya_declares_its_opposing_sides(gaz: Gazetteer) -> None:
    assert gaz.sides == (("gna", "lna"), ("gnu", "lna"), ("gnc", "hor"), ("ntc", "libya"))


def test_sides_must_be_pairs_of_known_ids(tmp_path: Path) -> None:
    bad_shape = tmp_path / "shape.json"
    bad_shape.write_text(json.dumps({"name": "x", "sides": [["a"]], "actors": [GROUP]}), encoding="utf-8")
    with pytest.raises(GazetteerError) as caught:
        Gazetteer.load([bad_shape])
    assert str(caught.value) == f'{bad_shape}: "sides" must be a list of pairs of actor ids, e.g. [["gna", "lna"]]'
    unknown = tmp_path / "unknown.json"
    unknown.write_text(json.dumps({"name": "x", "sides": [[GROUP["id"], "nobody"]], "actors": [GROUP]}),
                       encoding="utf-8")
    with pytest.raises(GazetteerError) as caught:
        Gazetteer.load([unknown])
    assert str(caught.value) == (
        f"sides ['{GROUP['id']}', 'nobody']: unknown actor id 'nobody'; add it to a gazetteer file"
    )


def test_libya_names_its_home_country(gaz: Gazetteer, tmp_path: Path) -> None:
    assert gaz.home == "libya"
    bad = tmp_path / "home.json"
    bad.write_text(json.dumps({"name": "x", "home": "atlantis", "actors": [GROUP]}), encoding="utf-8")
    with pytest.raises(GazetteerError) as caught:
        Gazetteer.load([bad])
    assert str(caught.value) == "home 'atlantis': unknown actor id; add it to a gazetteer file"
