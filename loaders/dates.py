"""Dates named in a sentence, resolved against the publication date of the article."""

from __future__ import annotations

import datetime as dt
import json
import re
from functools import cache
from pathlib import Path

from loaders.normalize import fold

_LANG_DIR = Path(__file__).parent / "lang"


@cache
def _words(lang: str) -> dict:
    data = json.loads((_LANG_DIR / lang / "dates.json").read_text(encoding="utf-8"))
    return {
        "months": {fold(k): v for k, v in data["months"].items()},
        "weekdays": {fold(k): v for k, v in data["weekdays"].items()},
        "ordinals": {fold(k): v for k, v in data["ordinals"].items()},
        "relative": {fold(k): v for k, v in data["relative"].items()},
        "last_year": tuple(fold(k) for k in data["last_year"]),
        "glue": {k: tuple(fold(w) for w in v) for k, v in data["glue"].items()},
    }


@cache
def date_words(lang: str) -> frozenset[str]:
    # Weekday and relative-day words ("السبت", "yesterday"), which say when, not who.
    if not (_LANG_DIR / lang / "dates.json").is_file():
        return frozenset()
    words = _words(lang)
    return frozenset((*words["weekdays"], *words["relative"]))


@cache
def _patterns(lang: str) -> dict[str, re.Pattern[str]]:
    w = _words(lang)

    def alt(keys: object) -> str:
        return "|".join(re.escape(k) for k in sorted(keys, key=len, reverse=True))

    months, weekdays, ordinals, relative = (alt(w[k]) for k in ("months", "weekdays", "ordinals", "relative"))
    glue = w["glue"]

    def optional(key: str) -> str:
        """One of the glue words of `key` and a space, or nothing."""
        return rf"(?:(?:{alt(glue[key])}) )?" if glue[key] else ""

    clitics = rf"[{''.join(glue['clitics'])}]?" if glue["clitics"] else ""
    suffixes = rf"(?:{alt(glue['ordinal_suffixes'])})?" if glue["ordinal_suffixes"] else ""
    edge_l, edge_r = r"(?<![^\W_])", r"(?![^\W_])"
    year = rf"(?:,? {optional('year_words')}(?P<year>\d{{4}}))?"
    of = rf"(?:{alt(glue['of'])}) "
    return {
        # "the tenth of December", "العاشر من ديسمبر"
        "ordinal": re.compile(
            rf"{edge_l}{clitics}{optional('in')}{optional('articles')}(?P<day>{ordinals}) {of}{optional('month_words')}"
            rf"(?P<month>{months}){year}{edge_r}"
        ),
        # "4 April 2019", "4 ابريل"
        "day_month": re.compile(rf"{edge_l}(?P<day>\d{{1,2}}) {optional('of')}(?P<month>{months}){year}{edge_r}"),
        # "April 4, 2019"
        "month_day": re.compile(rf"{edge_l}(?P<month>{months}) (?P<day>\d{{1,2}}){suffixes}{year}{edge_r}"),
        "weekday": re.compile(rf"{edge_l}{clitics}{optional('day_words')}(?P<weekday>{weekdays}){edge_r}"),
        "relative": re.compile(rf"{edge_l}{clitics}(?P<relative>{relative}){edge_r}"),
    }


def _on_or_before(year: int, month: int, day: int, published: dt.date, explicit_year: bool) -> dt.date | None:
    try:
        date = dt.date(year, month, day)
    except ValueError:
        return None
    if not explicit_year and date > published:
        try:
            date = dt.date(year - 1, month, day)
        except ValueError:
            return None
    return date


def find_date(folded_sentence: str, lang: str, published: str | None) -> str | None:
    """The first resolvable date of a folded sentence, as YYYY-MM-DD, or None."""
    if not (_LANG_DIR / lang / "dates.json").is_file():
        return None
    words = _words(lang)
    base = dt.date.fromisoformat(published) if published else None
    pats = _patterns(lang)
    found: list[tuple[int, dt.date]] = []
    for name in ("ordinal", "day_month", "month_day"):
        for m in pats[name].finditer(folded_sentence):
            day = words["ordinals"][m["day"]] if name == "ordinal" else int(m["day"])
            month = words["months"][m["month"]]
            if m["year"]:
                date = _on_or_before(int(m["year"]), month, day, base or dt.date.max, True)
            elif base:
                date = _on_or_before(base.year, month, day, base, False)
                tail = folded_sentence[m.end() : m.end() + 24].lstrip(" ,")
                if date and any(tail.startswith(w) for w in words["last_year"]):
                    date = _on_or_before(base.year - 1, month, day, dt.date(base.year - 1, 12, 31), True)
            else:
                date = None
            if date:
                found.append((m.start(), date))
    if base:
        for m in pats["weekday"].finditer(folded_sentence):
            back = (base.weekday() - words["weekdays"][m["weekday"]]) % 7
            found.append((m.start(), base - dt.timedelta(days=back)))
        for m in pats["relative"].finditer(folded_sentence):
            found.append((m.start(), base + dt.timedelta(days=words["relative"][m["relative"]])))
    if not found:
        return None
    return min(found, key=lambda item: item[0])[1].isoformat()
