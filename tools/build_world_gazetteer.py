"""Rebuild the English/ISO part of ontology/gazetteers/world.json from pycountry.

The script owns, for every UN member state and observer state: id, type, name, aliases (English),
iso3 and cameo. Every other field (Arabic names and aliases, nisba adjectives, capitals, Wikidata
ids) is curated by hand in world.json and carried over unchanged, keyed by iso3.

    python tools/build_world_gazetteer.py           # rewrite world.json
    python tools/build_world_gazetteer.py --check   # exit 1 if world.json differs from a rebuild
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from pathlib import Path
from typing import Any

import pycountry

WORLD_PATH = Path(__file__).resolve().parent.parent / "ontology" / "gazetteers" / "world.json"

# The 193 member states of the United Nations (ISO 3166-1 alpha-3).
_UN_MEMBER_CODES = """
AFG AGO ALB AND ARE ARG ARM ATG AUS AUT AZE BDI BEL BEN BFA BGD BGR BHR BHS BIH BLR BLZ BOL BRA BRB
BRN BTN BWA CAF CAN CHE CHL CHN CIV CMR COD COG COL COM CPV CRI CUB CYP CZE DEU DJI DMA DNK DOM DZA
ECU EGY ERI ESP EST ETH FIN FJI FRA FSM GAB GBR GEO GHA GIN GMB GNB GNQ GRC GRD GTM GUY HND HRV HTI
HUN IDN IND IRL IRN IRQ ISL ISR ITA JAM JOR JPN KAZ KEN KGZ KHM KIR KNA KOR KWT LAO LBN LBR LBY LCA
LIE LKA LSO LTU LUX LVA MAR MCO MDA MDG MDV MEX MHL MKD MLI MLT MMR MNE MNG MOZ MRT MUS MWI MYS NAM
NER NGA NIC NLD NOR NPL NRU NZL OMN PAK PAN PER PHL PLW PNG POL PRK PRT PRY QAT ROU RUS RWA SAU SDN
SEN SGP SLB SLE SLV SMR SOM SRB SSD STP SUR SVK SVN SWE SWZ SYC SYR TCD TGO THA TJK TKM TLS TON TTO
TUN TUR TUV TZA UGA UKR URY USA UZB VCT VEN VNM VUT WSM YEM ZAF ZMB ZWE
"""
UN_MEMBERS = frozenset(_UN_MEMBER_CODES.split())
# Non-member observer states of the General Assembly.
OBSERVERS = frozenset({"PSE", "VAT"})

# The name the press uses where ISO's short name differs; the id is its slug.
COMMON_NAMES = {
    "BOL": "Bolivia",
    "BRN": "Brunei",
    "COD": "Democratic Republic of the Congo",
    "COG": "Republic of the Congo",
    "FSM": "Micronesia",
    "IRN": "Iran",
    "KOR": "South Korea",
    "LAO": "Laos",
    "MDA": "Moldova",
    "PRK": "North Korea",
    "PSE": "Palestine",
    "RUS": "Russia",
    "SYR": "Syria",
    "TUR": "Turkey",
    "TZA": "Tanzania",
    "VAT": "Vatican City",
    "VEN": "Venezuela",
    "VNM": "Vietnam",
}

# English forms the press uses beyond ISO's names (dotted forms such as U.S. fold to these when matched).
EXTRA_ALIASES = {
    "ARE": ["UAE", "the Emirates"],
    "BIH": ["Bosnia"],
    "CIV": ["Ivory Coast"],
    "COD": ["DR Congo", "DRC", "Congo-Kinshasa"],
    "COG": ["Congo-Brazzaville"],
    "CPV": ["Cape Verde"],
    "CZE": ["Czech Republic"],
    "GBR": ["UK", "Britain", "Great Britain"],
    "MKD": ["Macedonia"],
    "MMR": ["Burma"],
    "NLD": ["Holland"],
    "PSE": ["State of Palestine"],
    "SWZ": ["Swaziland"],
    "TLS": ["East Timor"],
    "TUR": ["Türkiye", "Turkiye"],
    "RUS": ["Kremlin"],
    "FRA": ["Elysee", "Élysée", "Quai d'Orsay"],
    "USA": ["USA", "US", "America", "White House", "Pentagon", "State Department"],
    "VAT": ["Holy See", "Vatican"],
}

GENERATED_FIELDS = ("id", "type", "name", "aliases", "iso3", "cameo")
FIELD_ORDER = (
    "id", "type", "name", "name_ar", "aliases", "aliases_ar", "nisba_en", "nisba_ar",
    "capital_en", "capital_ar", "iso3", "cameo", "wikidata",
)


def slug(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")


def english_part(country: Any) -> dict[str, Any]:
    iso3 = country.alpha_3
    name = COMMON_NAMES.get(iso3, country.name)
    candidates = [country.name, getattr(country, "official_name", None), getattr(country, "common_name", None)]
    aliases: list[str] = []
    for alias in [*candidates, *EXTRA_ALIASES.get(iso3, [])]:
        if alias and alias != name and alias not in aliases:
            aliases.append(alias)
    return {"id": slug(name), "type": "State", "name": name, "aliases": aliases, "iso3": iso3, "cameo": iso3}


def build(curated: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """The world gazetteer: generated fields from pycountry, every other field from `curated` by iso3."""
    wanted = UN_MEMBERS | OBSERVERS
    actors = []
    for country in pycountry.countries:
        if country.alpha_3 not in wanted:
            continue
        entry = english_part(country)
        extra = {k: v for k, v in curated.get(country.alpha_3, {}).items() if k not in GENERATED_FIELDS}
        merged = {**entry, **extra}
        ordered = {k: merged[k] for k in FIELD_ORDER if merged.get(k) not in (None, [], "")}
        ordered.update({k: v for k, v in merged.items() if k not in ordered and v not in (None, [], "")})
        actors.append(ordered)
    actors.sort(key=lambda actor: actor["id"])
    return {
        "name": "world",
        "title": "Member and observer states of the United Nations",
        "actors": actors,
    }


def curated_fields(document: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {actor["iso3"]: actor for actor in document["actors"] if "iso3" in actor}


def render(document: dict[str, Any]) -> str:
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only compare; exit 1 when world.json is stale")
    args = parser.parse_args(argv)
    current = WORLD_PATH.read_text(encoding="utf-8")
    rebuilt = render(build(curated_fields(json.loads(current))))
    if args.check:
        if rebuilt != current:
            print(f"{WORLD_PATH} differs from a rebuild: run tools/build_world_gazetteer.py", file=sys.stderr)
            return 1
        return 0
    WORLD_PATH.write_text(rebuilt, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
