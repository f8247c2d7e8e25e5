"""CAMEO coverage in both languages: each trigger frame of lang/<lang>/triggers.json reaches its predicate with
the finest CAMEO code its words support, on a sentence written for it (one case a frame; removing the frame
loses the relation or its code)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.extracting import extract_text

U = "libya/unattributed/"  # lone agents in a document read with the default pack
Rel = tuple[str, str, str, str, str]

CASES: list[tuple[str, Rel]] = [
    # 02 appeals: plural and dual verbs, military (0232) and humanitarian (0233) aid asked for
    ("مصر والسعودية طالبتا تركيا بسحب قواتها.", ("saudi-arabia", "APPEALS_TO", "turkey", "asserted", "020")),
    ("وكان السراج طلب دعما عسكريا من إيطاليا.", ("sarraj", "REQUESTS_AID_FROM", "italy", "asserted", "0232")),
    ("وكانت السودان طلبت مساعدات إنسانية من الكويت.", ("sudan", "REQUESTS_AID_FROM", "kuwait", "asserted", "0233")),
    ("Sarraj pleaded with Washington to intervene.",
     ("sarraj", "REQUESTS_AID_FROM", "united-states", "asserted", "023")),
    # 03 intent
    ("الجزائر أبدت استعدادها لتقديم مساعدات لتونس.", ("algeria", "OFFERS_SUPPORT", "tunisia", "asserted", "030")),
    # 04 phone (041), visits (042), hosting a visit (043), consultation, mediation
    ("Egypt's foreign minister telephoned his Greek counterpart on Sunday.",
     ("egypt", "COOPERATES_WITH", "greece", "asserted", "041")),
    ("وكان أردوغان أجرى اتصالا هاتفيا مع بوتين.", ("erdogan", "COOPERATES_WITH", "putin", "asserted", "041")),
    ("The Qatari emir travelled to Ankara on Friday.", ("qatar", "CONSULTS", "turkey", "asserted", "042")),
    ("وزار أردوغان الجزائر الأسبوع الماضي.", ("erdogan", "CONSULTS", "algeria", "asserted", "042")),
    ("واستقبل أردوغان فايز السراج في إسطنبول.", ("erdogan", "CONSULTS", "sarraj", "asserted", "043")),
    ("وتباحث وزير الخارجية المصري مع نظيره الفرنسي في القاهرة.", ("egypt", "CONSULTS", "france", "asserted", "040")),
    ("GNA and LNA delegates met in Geneva under the auspices of the UN.", ("un", "MEDIATES", "lna", "asserted", "045")),
    ("Germany co-hosted talks between the GNA and the LNA.", ("germany", "MEDIATES", "lna", "asserted", "045")),
    ("ووقعت حكومة الوفاق والجيش الوطني الليبي الاتفاق تحت رعاية الأمم المتحدة.",
     ("un", "MEDIATES", "gna", "asserted", "045")),
    ("ونظمت ألمانيا مؤتمرا بين حكومة الوفاق والجيش الوطني الليبي.", ("germany", "MEDIATES", "gna", "asserted", "045")),
    # 05 praise, apology (055), forgiveness (056)
    ("وأثنت فرنسا على الموقف المصري.", ("france", "SUPPORTS", "egypt", "asserted", "051")),
    ("Japan apologized to South Korea for wartime abuses.", ("japan", "SUPPORTS", "south-korea", "asserted", "055")),
    ("واعتذرت اليابان لكوريا الجنوبية.", ("japan", "SUPPORTS", "south-korea", "asserted", "055")),
    ("Rwanda forgave Burundi for the border raids.", ("rwanda", "SUPPORTS", "burundi", "asserted", "056")),
    # 06 military (062) and intelligence (064) cooperation
    ("Egypt held joint drills with Sudan near the border.", ("egypt", "COOPERATES_WITH", "sudan", "asserted", "062")),
    ("وأجرت مصر مناورات عسكرية مشتركة مع السودان.", ("egypt", "COOPERATES_WITH", "sudan", "asserted", "062")),
    ("Jordan shared intelligence with Iraq about the cell.", ("jordan", "COOPERATES_WITH", "iraq", "asserted", "064")),
    ("وبحث الأردن التعاون الاستخباراتي مع العراق.", ("jordan", "COOPERATES_WITH", "iraq", "asserted", "064")),
    # 07 military (072), humanitarian (073) aid, asylum (075)
    ("Russia sold weapons to Mali last year.", ("russia", "SUPPORTS", "mali", "asserted", "072")),
    ("ودربت تركيا قوات حكومة الوفاق.", ("turkey", "SUPPORTS", "gna", "asserted", "072")),
    ("Kuwait sent humanitarian aid to Yemen.", ("kuwait", "SUPPORTS", "yemen", "asserted", "073")),
    ("وكانت الكويت قدمت مساعدات إنسانية لليمن.", ("kuwait", "SUPPORTS", "yemen", "asserted", "073")),
    ("Oman offered asylum to the Yemeni minister.", ("oman", "SUPPORTS", "yemen", "asserted", "075")),
    ("وكانت تركيا منحت حق اللجوء لمعارضين مصريين.", ("turkey", "SUPPORTS", "egypt/opposition", "asserted", "075")),
    # 11 condemnation by two, complaints (114), lawsuits (115), accusations of a named wrong (112x)
    ("وكانت مصر والسعودية نددتا بالتدخل التركي.", ("saudi-arabia", "CONDEMNS", "turkey", "asserted", "111")),
    ("Cyprus lodged a complaint against Turkey at the UN.", ("cyprus", "CONDEMNS", "turkey", "asserted", "114")),
    ("وأعلنت اليونان شكوى ضد تركيا لدى الأمم المتحدة.", ("greece", "CONDEMNS", "turkey", "asserted", "114")),
    ("Qatar filed a lawsuit against the UAE at the world court.",
     ("qatar", "CONDEMNS", "united-arab-emirates", "asserted", "115")),
    ("ورفعت قطر دعوى قضائية ضد الإمارات.", ("qatar", "CONDEMNS", "united-arab-emirates", "asserted", "115")),
    ("The GNA accused the LNA of war crimes.", ("gna", "ACCUSES", "lna", "asserted", "1124")),
    ("واتهمت تركيا حفتر بارتكاب جرائم حرب.", ("turkey", "ACCUSES", "haftar", "asserted", "1124")),
    ("Sudan accused Chad of human rights abuses.", ("sudan", "ACCUSES", "chad", "asserted", "1122")),
    ("واتهم السودان تشاد بانتهاكات لحقوق الإنسان.", ("sudan", "ACCUSES", "chad", "asserted", "1122")),
    ("Armenia accused Azerbaijan of aggression.", ("armenia", "ACCUSES", "azerbaijan", "asserted", "1123")),
    ("واتهمت أرمينيا أذربيجان بالعدوان.", ("armenia", "ACCUSES", "azerbaijan", "asserted", "1123")),
    ("Iran accused Britain of espionage.", ("iran", "ACCUSES", "united-kingdom", "asserted", "1125")),
    ("واتهمت إيران بريطانيا بالتجسس.", ("iran", "ACCUSES", "united-kingdom", "asserted", "1125")),
    ("Kenya accused Somalia of corruption in the deal.", ("kenya", "ACCUSES", "somalia", "asserted", "1121")),
    ("واتهمت كينيا الصومال بالفساد.", ("kenya", "ACCUSES", "somalia", "asserted", "1121")),
    ("The LNA was accused by the GNA of shelling civilians.", ("gna", "ACCUSES", "lna", "asserted", "112")),
    # 12 opposition, veto (129), defiance (128), mediation (126) and talks (125) refused
    ("Morocco is opposed to Algerian mediation.", ("morocco", "REJECTS", "algeria", "asserted", "120")),
    ("وعارضت روسيا المبادرة الفرنسية.", ("russia", "REJECTS", "france", "asserted", "120")),
    ("Russia and China vetoed a French draft.", ("china", "REJECTS", "france", "asserted", "129")),
    ("وكانت روسيا استخدمت الفيتو ضد مشروع قرار بريطاني.", ("russia", "REJECTS", "united-kingdom", "asserted", "129")),
    ("Serbia defied the United Nations for months.", ("serbia", "REJECTS", "un", "asserted", "128")),
    ("وتحدت تركيا قرار مجلس الأمن.", ("turkey", "REJECTS", "unsc", "asserted", "128")),
    ("Ethiopia rejected mediation by Egypt.", ("ethiopia", "REJECTS", "egypt", "asserted", "126")),
    ("وكانت إثيوبيا رفضت أي وساطة من السودان.", ("ethiopia", "REJECTS", "sudan", "asserted", "126")),
    ("Haftar refused to negotiate with the GNA.", ("haftar", "REJECTS", "gna", "asserted", "125")),
    ("وكان حفتر رفض التفاوض مع حكومة الوفاق.", ("haftar", "REJECTS", "gna", "asserted", "125")),
    # 13 threats of force (138), of sanctions (1312), to break relations (1313), ultimatums (139)
    ("Egypt threatened military action against the GNA.", ("egypt", "THREATENS", "gna", "asserted", "138")),
    ("وهددت مصر بالتدخل العسكري ضد حكومة الوفاق.", ("egypt", "THREATENS", "gna", "asserted", "138")),
    ("The EU threatened sanctions against Haftar.", ("eu", "THREATENS", "haftar", "asserted", "1312")),
    ("وهدد الاتحاد الأوروبي بفرض عقوبات على حفتر.", ("eu", "THREATENS", "haftar", "asserted", "1312")),
    ("Greece threatened to cut ties with the GNA.", ("greece", "THREATENS", "gna", "asserted", "1313")),
    ("وهددت اليونان بطرد السفير التركي.", ("greece", "THREATENS", "turkey", "asserted", "1313")),
    ("Haftar issued an ultimatum to the GNA.", ("haftar", "THREATENS", "gna", "asserted", "139")),
    ("وأمهل الجيش الوطني الليبي حكومة الوفاق ثلاثة أيام.", ("lna", "THREATENS", "gna", "asserted", "139")),
    # 14 demonstrations against a party (141) and riots at its embassy (145), as CONDEMNS
    ("Protesters demonstrated against Turkey outside its embassy in Tripoli.",
     (U + "protesters", "CONDEMNS", "turkey", "asserted", "141")),
    ("ونظم محتجون مظاهرات ضد قطر في بنغازي.", (U + "protesters", "CONDEMNS", "qatar", "asserted", "141")),
    ("Protesters stormed the embassy of Denmark in Beirut.",
     (U + "protesters", "CONDEMNS", "denmark", "asserted", "145")),
    # 15 mobilisation
    ("Russia massed troops near Ukraine.", ("russia", "DEPLOYS_TO", "ukraine", "asserted", "154")),
    ("وحشدت روسيا قوات قرب أوكرانيا.", ("russia", "DEPLOYS_TO", "ukraine", "asserted", "154")),
    # 16 relations broken (161), aid stopped (162), talks halted (164), assets frozen
    ("Morocco severed diplomatic relations with Iran.", ("morocco", "SANCTIONS", "iran", "asserted", "161")),
    ("وكانت المغرب قطعت العلاقات الدبلوماسية مع إيران.", ("morocco", "SANCTIONS", "iran", "asserted", "161")),
    ("Washington suspended aid to Egypt.", ("united-states", "SANCTIONS", "egypt", "asserted", "162")),
    ("وكانت واشنطن علقت المساعدات العسكرية لمصر.", ("united-states", "SANCTIONS", "egypt", "asserted", "162")),
    ("The GNA suspended talks with the LNA.", ("gna", "SANCTIONS", "lna", "asserted", "164")),
    ("وكان المجلس الرئاسي علق المفاوضات مع الجيش الوطني الليبي.",
     ("presidential-council", "SANCTIONS", "lna", "asserted", "164")),
    ("وكانت واشنطن جمدت أصول مجموعة فاغنر.", ("united-states", "SANCTIONS", "wagner-group", "asserted", "163")),
    # 17 confiscation (1711), destruction (1712), arrests (173), deportation (174), curfews (1723), martial law (1724)
    ("Israeli forces confiscated Palestinian land.", ("israel/military", "ATTACKS", "palestine", "asserted", "1711")),
    ("وصادرت إسرائيل أراضي فلسطينية.", ("israel", "ATTACKS", "palestine", "asserted", "1711")),
    ("ودمرت طائرات مسيرة تركية منظومة دفاع جوي روسية.", ("turkey", "ATTACKS", "russia", "asserted", "1712")),
    ("Turkish police apprehended two Syrian nationals.",
     ("turkey/police", "ATTACKS", "syria/civilians", "asserted", "173")),
    ("وكانت الشرطة التونسية ألقت القبض على مسلحين ليبيين.",
     ("tunisia/police", "ATTACKS", "libya/gunmen", "asserted", "173")),
    ("وأمر حفتر باعتقال قادة حكومة الوفاق.", ("haftar", "ATTACKS", "gna", "asserted", "173")),
    ("والسلطات الجزائرية قامت بترحيل مهاجرين ماليين.", ("algeria", "SANCTIONS", U + "refugees", "asserted", "174")),
    ("The GNA imposed a curfew in Tripoli.", ("gna", "SANCTIONS", "tripoli", "asserted", "1723")),
    ("وكانت حكومة الوفاق فرضت حظر التجول في طرابلس.", ("gna", "SANCTIONS", "tripoli", "asserted", "1723")),
    ("Haftar declared martial law in Derna.", ("haftar", "SANCTIONS", "derna", "asserted", "1724")),
    ("وكان حفتر أعلن حالة الطوارئ في درنة.", ("haftar", "SANCTIONS", "derna", "asserted", "1724")),
    # 18 hostages (181), rape (1821), executions (1823), bombings (183x), assassination attempts (185)
    ("وكان مسلحون احتجزوا رهائن مصريين.", (U + "gunmen", "ATTACKS", "egypt/civilians", "asserted", "181")),
    ("واحتجز مسلحون مدنيين مصريين رهائن في سرت.", (U + "gunmen", "ATTACKS", "egypt/civilians", "asserted", "181")),
    ("Congolese soldiers sexually assaulted Rwandan refugees.",
     (U + "military", "ATTACKS", "rwanda/refugees", "asserted", "1821")),
    ("واغتصب جنود سودانيون مدنيين تشاديين.", ("sudan/military", "ATTACKS", "chad/civilians", "asserted", "1821")),
    ("وأعدم تنظيم داعش مسيحيين مصريين.", ("isis", "ATTACKS", "egypt", "asserted", "1823")),
    ("Islamic State carried out a suicide attack on the Saiqa forces in Benghazi.",
     ("isis", "ATTACKS", "saiqa", "asserted", "1831")),
    ("وشن تنظيم داعش هجوما انتحاريا على قوات البنيان المرصوص.",
     ("isis", "ATTACKS", "bunyan-al-marsous", "asserted", "1831")),
    ("A suicide bombing against Saiqa by Islamic State killed four.", ("isis", "ATTACKS", "saiqa", "asserted", "1831")),
    ("وفجر انتحاري نفسه وسط تجمع للشرطة الليبية.",
     (U + "suicide-bomber", "ATTACKS", "libya/police", "asserted", "1831")),
    ("Al-Shabaab launched a car bomb attack against Somali troops.",
     ("al-shabaab", "ATTACKS", "somalia/military", "asserted", "1832")),
    ("ونفذ تنظيم داعش هجوما بسيارة مفخخة على قوات الوفاق.", ("isis", "ATTACKS", "gna", "asserted", "1832")),
    ("A car bomb attack on GNA forces by Islamic State killed six.", ("isis", "ATTACKS", "gna", "asserted", "1832")),
    ("The Taliban carried out a roadside bomb attack on Afghan police.",
     ("taliban", "ATTACKS", "afghanistan/police", "asserted", "1833")),
    ("ونفذ تنظيم داعش هجوما بعبوة ناسفة على قوات الوفاق.", ("isis", "ATTACKS", "gna", "asserted", "1833")),
    ("Gunmen tried to assassinate Fathi Bashagha in Tripoli.", (U + "gunmen", "ATTACKS", "gna", "asserted", "185")),
    ("وكان مسلحون حاولوا اغتيال باشاغا.", (U + "gunmen", "ATTACKS", "gna", "asserted", "185")),
    ("ونفذت عناصر تنظيم داعش محاولة اغتيال باشاغا.", ("isis", "ATTACKS", "gna", "asserted", "185")),
    # 19 siege (191), occupation (192), small arms (193), artillery (194), aircraft (195), invasion (190)
    ("Haftar's forces besieged Derna for months.", ("lna", "ATTACKS", "derna", "asserted", "191")),
    ("وحاصرت قوات حفتر درنة.", ("lna", "ATTACKS", "derna", "asserted", "191")),
    ("The LNA captured Sirte in January.", ("lna", "ATTACKS", "sirte", "asserted", "192")),
    ("وكانت قوات الوفاق سيطرت على قاعدة الوطية.", ("gna", "ATTACKS", "al-watiya", "asserted", "192")),
    ("ودار تبادل لإطلاق النار بين قوات الوفاق وقوات حفتر.", ("gna", "FIGHTS", "lna", "asserted", "193")),
    ("The LNA shelled Zawiya overnight.", ("lna", "ATTACKS", "zawiya", "asserted", "194")),
    ("Haftar's forces launched an artillery bombardment on Misrata.", ("lna", "ATTACKS", "misrata", "asserted", "194")),
    ("The bombardment of Tripoli by the LNA went on.", ("lna", "ATTACKS", "tripoli", "asserted", "194")),
    ("وقصفت قوات حفتر بالمدفعية الثقيلة أحياء طرابلس.", ("lna", "ATTACKS", "tripoli", "asserted", "194")),
    ("Egypt launched air strikes on Derna.", ("egypt", "ATTACKS", "derna", "asserted", "195")),
    ("Emirati air strikes on Tripoli killed nine.", ("united-arab-emirates", "ATTACKS", "tripoli", "asserted", "195")),
    ("The United States carried out air strikes on Islamic State in Sirte.",
     ("united-states", "ATTACKS", "isis", "asserted", "195")),
    ("وشنت مقاتلات إماراتية غارات على مواقع لقوات الوفاق.",
     ("united-arab-emirates", "ATTACKS", "gna", "asserted", "195")),
    ("وقصفت طائرات حربية إماراتية مواقع لقوات الوفاق.",
     ("united-arab-emirates/military", "ATTACKS", "gna", "asserted", "195")),
    ("Poland condemned the Russian invasion of Ukraine.", ("russia", "ATTACKS", "ukraine", "asserted", "190")),
    ("Iraq invaded Kuwait in 1990.", ("iraq", "ATTACKS", "kuwait", "asserted", "190")),
    # 20 mass killings (202), ethnic cleansing (203), chemical weapons (2041)
    ("Serbian forces massacred Bosnian civilians.",
     ("serbia/military", "ATTACKS", "bosnia-and-herzegovina/civilians", "asserted", "202")),
    ("وكان تنظيم داعش ارتكب مجزرة بحق المدنيين.", ("isis", "ATTACKS", U + "civilians", "asserted", "202")),
    ("Serbia carried out ethnic cleansing against Bosnian Muslims.",
     ("serbia", "ATTACKS", "bosnia-and-herzegovina", "asserted", "203")),
    ("The massacre of Bosnian civilians by Serbian forces shocked Europe.",
     ("serbia/military", "ATTACKS", "bosnia-and-herzegovina/civilians", "asserted", "202")),
    ("The ethnic cleansing of Bosnian Muslims by Serbia ended in 1995.",
     ("serbia", "ATTACKS", "bosnia-and-herzegovina", "asserted", "203")),
    ("The assassination attempt on Bashagha by gunmen failed.", (U + "gunmen", "ATTACKS", "gna", "asserted", "185")),
    ("A chemical attack on rebels by Syria killed dozens.", ("syria", "ATTACKS", U + "rebels", "asserted", "2041")),
    ("Syria used chemical weapons against rebels in Ghouta.", ("syria", "ATTACKS", U + "rebels", "asserted", "2041")),
    ("وكان النظام السوري استخدم الأسلحة الكيميائية ضد المدنيين.",
     ("syria", "ATTACKS", U + "civilians", "asserted", "2041")),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[f"{c[1][4]}-{i}" for i, c in enumerate(CASES)])
def test_cameo_family(tmp_path: Path, text: str, expected: Rel) -> None:
    doc = extract_text(tmp_path, text)
    found = [(r.source, r.predicate, r.target, r.modality, r.cameo) for r in doc.relations]
    assert expected in found, found
