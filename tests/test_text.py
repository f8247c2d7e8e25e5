"""Normalisation, phrase matching, sentences and dates: the text layer of the loaders."""

from __future__ import annotations

from loaders.dates import find_date
from loaders.matcher import PhraseMatcher
from loaders.normalize import fold, normalize
from loaders.sentences import split_sentences


def test_normalize_folds_arabic_forms_and_keeps_offsets() -> None:
    text = "«أعلنَت» الإمارات ـ إيطاليا"
    norm = normalize(text)
    assert norm.text == '"اعلنت" الامارات  ايطاليا'
    start = norm.text.index("الامارات")
    assert norm.to_original(start, start + len("الامارات")) == (text.index("الإمارات"), text.index("الإمارات") + 8)


def test_fold_collapses_spaces_and_case() -> None:
    assert fold("  The  UN\u00a0Mission ") == "the un mission"
    assert fold("مُسْتَشْفى") == "مستشفي"


def test_matcher_reports_attached_clitics_and_whole_words_only() -> None:
    matcher = PhraseMatcher()
    matcher.add(fold("حكومة الوفاق"), "gna")
    matcher.add(fold("الإمارات"), "uae")
    matcher.add(fold("مصر"), "egypt")
    text = fold("لحكومة الوفاق وللإمارات ومصرف مصر")
    found = [(text[m.start:m.end], m.payload, m.clitic) for m in matcher.find(text)]
    assert found == [("لحكومه الوفاق", "gna", "ل"), ("وللامارات", "uae", "ول"), ("مصر", "egypt", "")]


def test_matcher_prefers_the_longest_match() -> None:
    matcher = PhraseMatcher()
    matcher.add("united states", "usa")
    matcher.add("united states africa command", "africom")
    text = "the united states africa command said"
    assert [(m.payload, m.start, m.end) for m in matcher.find(text)] == [("africom", 4, 32)]


def test_sentences_keep_abbreviations_and_original_offsets() -> None:
    text = "The U.S. envoy met Gen. Haftar on Monday. He said no.\nقال السراج: نعم؟ ثم غادر"
    got = [(s.start, s.end, s.text) for s in split_sentences(text)]
    assert got == [
        (0, 41, "The U.S. envoy met Gen. Haftar on Monday."),
        (42, 53, "He said no."),
        (54, 70, "قال السراج: نعم؟"),
        (71, 78, "ثم غادر"),
    ]


def test_dates_resolve_against_publication() -> None:
    published = "2019-12-20"  # a Friday
    cases = {
        ("وكان الرئيس التركي صرح في العاشر من ديسمبر أنه مستعد", "ar"): "2019-12-10",
        ("مواجهات منذ الرابع من أبريل عندما", "ar"): "2019-04-04",
        ("قال السراج الجمعة", "ar"): "2019-12-20",
        ("وقالت الخارجية أمس", "ar"): "2019-12-19",
        ("On Tuesday, the envoy said", "en"): "2019-12-17",
        ("a statement on December 25", "en"): "2018-12-25",
        ("signed on the tenth of January 2020", "en"): "2020-01-10",
        ("فرضت في 4 أبريل 2011", "ar"): "2011-04-04",
        ("no date here at all", "en"): None,
        ("the offensive on the fourth of April last year", "en"): "2018-04-04",
        ("منذ الرابع من أبريل من العام الماضي", "ar"): "2018-04-04",
    }
    for (sentence, lang), expected in cases.items():
        assert find_date(fold(sentence), lang, published) == expected, sentence
    assert find_date(fold("On Tuesday"), "en", None) is None
