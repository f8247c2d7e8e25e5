"""Classes of relations the engine once got wrong, each on sentences written for its test: every relation
the sentence gives is listed, so that a wrong direction or an extra relation fails as surely as a miss."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.extracting import extract_text

Rel = tuple[str, str, str, str, str]

CASES: list[tuple[str, list[Rel]]] = [
    # two callers addressing "both sides" appeal to the sides of the conflict, not to each other
    ("Clashes between the GNA and the LNA went on near Gharyan. Macron and Conte urged both sides to stop "
     "the fighting.",
     [("gna", "FIGHTS", "lna", "asserted", "190"),
      ("macron", "APPEALS_TO", "gna", "asserted", "020"), ("macron", "APPEALS_TO", "lna", "asserted", "020"),
      ("conte", "APPEALS_TO", "gna", "asserted", "020"), ("conte", "APPEALS_TO", "lna", "asserted", "020")]),
    ("واندلعت اشتباكات بين حكومة الوفاق والجيش الوطني الليبي جنوب طرابلس. وحث ماكرون وكونتي الطرفين على "
     "التهدئة.",
     [("gna", "FIGHTS", "lna", "asserted", "190"),
      ("macron", "APPEALS_TO", "gna", "asserted", "020"), ("macron", "APPEALS_TO", "lna", "asserted", "020"),
      ("conte", "APPEALS_TO", "gna", "asserted", "020"), ("conte", "APPEALS_TO", "lna", "asserted", "020")]),
    # a host named after its verb (verb-first) mediates between the sides its talks bring together
    ("واستضافت تونس مباحثات بين حكومة الوفاق ومجلس النواب.",
     [("tunisia", "MEDIATES", "gna", "asserted", "045"), ("tunisia", "MEDIATES", "hor", "asserted", "045"),
      ("gna", "CONSULTS", "hor", "asserted", "040")]),
    # a relative clause headed by an event noun: its doer is inside it, never the condemner outside
    ("وأدانت الجزائر الهجوم الذي شنته قوات حفتر على مصراتة.",
     [("algeria", "CONDEMNS", "lna", "asserted", "111"), ("lna", "ATTACKS", "misrata", "asserted", "190")]),
    ("وندد المجلس الرئاسي بالقصف الذي استهدف ميناء طرابلس.", []),
    ("Tunisia condemned the assault that Haftar's forces mounted on Misrata.",
     [("tunisia", "CONDEMNS", "lna", "asserted", "111"), ("lna", "ATTACKS", "misrata", "asserted", "190")]),
    # the attack a condemnation names is its author's, when the sentence names him after it
    ("Algeria denounced the shelling of Misrata by Haftar's forces.",
     [("algeria", "CONDEMNS", "lna", "asserted", "111"), ("lna", "ATTACKS", "misrata", "asserted", "194")]),
    # ... or when an earlier sentence reported it
    ("Haftar's forces shelled Misrata overnight. Tunisia condemned the attack.",
     [("lna", "ATTACKS", "misrata", "asserted", "194"), ("tunisia", "CONDEMNS", "lna", "asserted", "111")]),
    # after an article a verb form is a noun: "the attack" attacks nothing, it heads the relative clause
    ("Egypt condemned the attack that Haftar's forces launched against Misrata.",
     [("egypt", "CONDEMNS", "lna", "asserted", "111"), ("lna", "ATTACKS", "misrata", "asserted", "190")]),
    # "X's backers, Y and Z": the list beside the supporter noun backs its possessor, in either order
    ("Sarraj's backers, Turkey and Qatar, sent more drones.",
     [("turkey", "SUPPORTS", "sarraj", "asserted", "050"), ("qatar", "SUPPORTS", "sarraj", "asserted", "050")]),
    ("Russia and the UAE, Haftar's key backers, stayed silent.",
     [("russia", "SUPPORTS", "haftar", "asserted", "050"),
      ("united-arab-emirates", "SUPPORTS", "haftar", "asserted", "050")]),
    ("وصمت داعمو السراج، تركيا وقطر، عن الهجوم.",
     [("turkey", "SUPPORTS", "sarraj", "asserted", "050"), ("qatar", "SUPPORTS", "sarraj", "asserted", "050")]),
    # a rejection of a deal between two parties rejects each party to it, for every rejecting state
    ("Egypt and Greece rejected the accord between Ankara and the GNA.",
     [("egypt", "REJECTS", "turkey", "asserted", "120"), ("egypt", "REJECTS", "gna", "asserted", "120"),
      ("greece", "REJECTS", "turkey", "asserted", "120"), ("greece", "REJECTS", "gna", "asserted", "120")]),
    # a passive after a comma reads agent -> patient
    ("The LNA, armed by the UAE, shelled Zawiya.",
     [("united-arab-emirates", "SUPPORTS", "lna", "asserted", "050"), ("lna", "ATTACKS", "zawiya", "asserted", "194")]),
    # what a threat threatens has not happened: a threatened sanction is no sanction
    ("Cyprus threatened sanctions against Turkey over the drilling.",
     [("cyprus", "THREATENS", "turkey", "asserted", "1312")]),
    ("وهددت اليونان بفرض عقوبات على تركيا.", [("greece", "THREATENS", "turkey", "asserted", "1312")]),
    # a finite verb under a noun's clitic is another word: "وبحث" discussed, it urged no one
    ("وبحث الأردن مع العراق الوضع الأمني.", [("jordan", "CONSULTS", "iraq", "asserted", "040")]),
    # "انتحاريا" qualifies the attack; it is no second attacker
    ("وشن تنظيم داعش هجوما انتحاريا على قوات الوفاق.", [("isis", "ATTACKS", "gna", "asserted", "1831")]),
    # an appeal upgraded to a request for aid takes the request's code
    ("The GNA urged Italy to send troops.", [("gna", "REQUESTS_AID_FROM", "italy", "asserted", "023")]),
    # a verb-first clause puts the subject between a verb and its preposition: the verb stands alone too
    ("واستولت قوات الوفاق على قاعدة الوطية.", [("gna", "ATTACKS", "al-watiya", "asserted", "192")]),
    ("واعترفت إيطاليا بالمجلس الوطني الانتقالي.", [("italy", "SUPPORTS", "ntc", "asserted", "054")]),
    # a clause after a warning says what is feared: its subject is threatened only through a condition
    ("Tunisia's interior minister warned that police would break up any rally by the opposition.", []),
    ("Bashagha warned that GNA forces would march on Sirte if Haftar's troops stayed there.",
     [("gna", "THREATENS", "lna", "conditional", "130")]),
    # a required word is a word: "war" is not in "warned", "force" not in "forces"
    ("Egypt warned Haftar's forces to stop.", [("egypt", "THREATENS", "lna", "asserted", "130")]),
    # talks one rejects are a proposal, no mediation; a truce brokered before it was rejected is a fact
    ("Haftar rejected a Russian offer to host talks between the GNA and the LNA.",
     [("haftar", "REJECTS", "russia", "asserted", "120")]),
    ("The GNA rejected a truce brokered by Egypt and the UAE.",
     [("egypt", "MEDIATES", "gna", "asserted", "045"), ("egypt", "MEDIATES", "lna", "asserted", "045"),
      ("united-arab-emirates", "MEDIATES", "gna", "asserted", "045"),
      ("united-arab-emirates", "MEDIATES", "lna", "asserted", "045")]),
    # the sides of a pack's conflict are nobody's addressees in news that never names them
    ("Ghana hosted talks on Monday.", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[f"case-{i}" for i in range(len(CASES))])
def test_relation_class(tmp_path: Path, text: str, expected: list[Rel]) -> None:
    doc = extract_text(tmp_path, text)
    found = [(r.source, r.predicate, r.target, r.modality, r.cameo) for r in doc.relations]
    assert sorted(found) == sorted(expected), found
