"""What HR people type -> the canonical values the posting model uses, for the fields that take
one of a fixed set of words: employment type, workplace, pay period, education, status.

Pure functions, no Pelican: each takes the text as written and returns either the canonical value
(accepted) or a "did you mean" suggestion (rejected). The rule is: accept only what can mean one
thing; for anything else, say what it would be, so the error message can show the fix.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable

from .matching import Normalized, fold, match_key, text_cache


def _words(text: str) -> list[str]:
    return [w for w in re.split(r"[\W_]+", fold(text)) if w]


class _Vocabulary:
    """Synonyms of a fixed set of canonical values, matched by key, whole words, then spelling."""

    def __init__(self, synonyms: dict[str, Iterable[str]], *, fuzzy_cutoff: float = 0.8):
        self._by_key: dict[str, str] = {}
        for canonical, spellings in synonyms.items():
            for spelling in (canonical, *spellings):
                key = match_key(spelling, clean=True)
                if self._by_key.setdefault(key, canonical) != canonical:
                    raise ValueError(f"{spelling!r} means two things")  # a bug in the tables below
        self._keys = list(self._by_key)
        self._cutoff = fuzzy_cutoff
        self.spellings = synonyms  # for the test that clean keys are ftfy's keys

    def exact(self, text: str) -> str | None:
        return self._by_key.get(match_key(text))

    def found_in(self, text: str) -> list[str]:
        """Canonical values named by whole words inside a longer text ("contract, 6 months").

        Keys of one or two letters ("ft", "ba", "h") are too easily an unrelated word, so they
        only count when they are the whole text.
        """
        words = _words(text)
        found: dict[str, None] = {}
        covered: set[int] = set()
        for size in range(len(words), 0, -1):  # longest phrase first: "part time" before "time"
            for start in range(len(words) - size + 1):
                span = set(range(start, start + size))
                if span & covered:
                    continue
                key = "".join(words[start : start + size])
                if len(key) > 2 and key in self._by_key:
                    found.setdefault(self._by_key[key])
                    covered |= span
        return list(found)

    def misspelt(self, text: str) -> str | None:
        key = match_key(text)
        if len(key) < 3:
            return None
        close = difflib.get_close_matches(key, self._keys, n=1, cutoff=self._cutoff)
        return self._by_key[close[0]] if close else None

    def normalize(self, text: object, *, several: str | None = None) -> Normalized:
        if not text.strip():
            return Normalized(None)
        value = self.exact(text)
        if value is not None:
            return Normalized(value)
        found = self.found_in(text)
        if len(found) == 1:
            return Normalized(None, found[0])
        if len(found) > 1:
            # Two meanings in one text: say what a list would be when the field takes one.
            return Normalized(None, several.format(", ".join(found)) if several else None)
        return Normalized(None, self.misspelt(text))


_EMPLOYMENT = _Vocabulary(
    {
        "FULL_TIME": (
            "full time", "fulltime", "FT", "permanent", "perm", "permanent full-time",
            "full time permanent", "regular full time", "CDI",
            "Vollzeit", "temps plein", "temps complet", "tiempo completo", "jornada completa",
            "tempo pieno", "tempo integral", "voltijd", "heltid", "pełny etat",
        ),
        "PART_TIME": (
            "part time", "parttime", "PT", "permanent part-time", "part time permanent",
            "Teilzeit", "temps partiel", "tiempo parcial", "media jornada",
            "tempo parziale", "deeltijd", "deltid", "niepełny etat", "Minijob",
            "Werkstudent", "Werkstudentin", "working student",  # students working part-time
        ),
        "CONTRACTOR": (
            "contract", "contractor", "contracting", "B2B", "freelance", "freelancer",
            "freelancing", "1099", "independent contractor", "self-employed", "Freiberufler",
            "freiberuflich", "indépendant", "autónomo",
        ),
        "TEMPORARY": (
            "temporary", "temp", "fixed-term", "fixed term contract", "seasonal", "befristet",
            "CDD", "temporal", "temporaire", "tijdelijk",
        ),
        "INTERN": (
            "intern", "internship", "Praktikum", "Praktikant", "Praktikantin", "stage",
            "stagiaire", "prácticas", "becario", "tirocinio", "stagiair", "co-op",
        ),
        "VOLUNTEER": ("volunteer", "volunteering", "voluntary", "Ehrenamt", "bénévole",
                      "voluntario"),
        "PER_DIEM": ("per diem", "PRN"),  # PRN: the per-diem shift work of nursing
        "OTHER": ("other",),
    }
)  # fmt: skip

_WORKPLACE = _Vocabulary(
    {
        "onsite": (
            "on-site", "on site", "office", "in office", "in the office", "office based",
            "office-based", "in-person", "in person", "on premises", "onsite only",
            "vor Ort", "présentiel", "presencial",
        ),
        "hybrid": (
            "flexible", "partly remote", "partially remote", "part remote", "hybrid remote",
            "remote hybrid", "hybride", "híbrido",
        ),
        "remote": (
            "fully remote", "100% remote", "full remote", "remote only", "all remote",
            "telecommute", "telecommuting", "telework", "work from home",
            "working from home", "WFH", "work from anywhere", "WFA", "anywhere", "distributed",
            "remoto", "à distance",
        ),
    }
)  # fmt: skip

_PERIODS = _Vocabulary(
    {
        "HOUR": ("hour", "hours", "hourly", "per hour", "hr", "hrs", "h", "an hour", "a hour",
                 "/hr", "/h", "ph", "p/h", "per hr", "Stunde", "pro Stunde", "heure",
                 "hora", "por hora"),
        "DAY": ("day", "days", "daily", "per day", "a day", "pd", "p/d", "/day", "day rate",
                "Tag", "pro Tag", "jour", "par jour"),
        "WEEK": ("week", "weeks", "weekly", "per week", "a week", "wk", "pw", "p/w", "/wk",
                 "Woche", "semaine"),
        "MONTH": ("month", "months", "monthly", "per month", "a month", "pm", "p.m.", "p/m",
                  "mo", "mth", "/mo", "/month", "pcm", "Monat", "monatlich", "pro Monat",
                  "mensuel", "par mois", "mois", "mensual", "al mes", "por mes",
                  "por mês", "mês", "per maand", "maand"),
        "YEAR": ("year", "years", "yearly", "annual", "annually", "per annum", "annum", "p.a.",
                 "pa", "per year", "a year", "yr", "/yr", "/year", "per yr", "Jahr", "jährlich",
                 "pro Jahr", "par an", "annuel", "anual", "al año", "por año", "por ano",
                 "per jaar", "jaar"),
    }
)  # fmt: skip

_EDUCATION = _Vocabulary(
    {
        "high school": (
            "high school diploma", "highschool", "GED", "secondary school", "secondary",
            "secondary education", "high school or equivalent", "A-levels", "A levels",
            "Abitur", "Matura", "baccalauréat", "bachillerato",
        ),
        "associate degree": (
            "associate", "associates", "associate's", "associate's degree", "associates degree",
            "AA", "AS", "AAS", "A.A.", "A.S.",
        ),
        "bachelor degree": (
            "bachelor", "bachelors", "Bachelor's", "bachelors degree", "bachelor's degree",
            "BSc", "BA", "B.S.", "B.A.", "BS", "BEng", "B.Eng.", "BBA", "BTech", "B.Tech",
            "LLB", "undergraduate degree", "university degree", "college degree", "licenciatura",
        ),
        "professional certificate": (
            "certificate", "certification", "professional certification", "certified",
            "trade certificate", "vocational certificate", "vocational training",
            "apprenticeship", "Ausbildung",
        ),
        "postgraduate degree": (
            "postgraduate", "post-graduate", "post graduate", "graduate degree", "master",
            "masters", "Master's", "master's degree", "masters degree", "MSc", "M.Sc.", "MA",
            "M.A.", "MS", "M.S.", "MBA", "MEng", "LLM", "PhD", "Ph.D.", "doctorate",
            "doctoral degree", "Diplom",
        ),
    }
)  # fmt: skip

_STATUS = _Vocabulary(
    {
        "open": ("published", "active", "live", "public", "opened", "online"),
        "draft": ("wip", "work in progress", "unpublished", "drafted", "preview"),
        "closed": ("filled", "expired", "archived", "close", "inactive", "ended", "offline"),
    }
)  # fmt: skip


# The vocabularies are immutable, so results can be cached: a board repeats the same few words.
@text_cache(4096)
def employment_type(text: str) -> Normalized:
    """One employment type -> one of model.EMPLOYMENT_TYPES ("Full Time" -> FULL_TIME)."""
    return _EMPLOYMENT.normalize(text, several="a list: [{}]")


@text_cache(1024)
def workplace(text: str) -> Normalized:
    """-> onsite / hybrid / remote."""
    return _WORKPLACE.normalize(text)


@text_cache(1024)
def salary_period(text: str) -> Normalized:
    """-> HOUR DAY WEEK MONTH YEAR ("per annum" -> YEAR, "/hr" -> HOUR, "p/m" -> MONTH)."""
    return _PERIODS.normalize(text)


@text_cache(1024)
def education(text: str) -> Normalized:
    """-> one of model.EDUCATION_LEVELS ("Bachelor's" -> "bachelor degree")."""
    return _EDUCATION.normalize(text)


@text_cache(1024)
def status(text: str) -> Normalized:
    """-> draft / open / closed."""
    return _STATUS.normalize(text)


def suggest(word: str, candidates: Iterable[str], cutoff: float = 0.7) -> str | None:
    """The candidate closest to `word` (case-insensitive), as written in `candidates`; None if
    nothing is close."""
    by_fold: dict[str, str] = {}
    for candidate in candidates:
        by_fold.setdefault(candidate.casefold(), candidate)
    close = difflib.get_close_matches(word.casefold(), list(by_fold), n=1, cutoff=cutoff)
    return by_fold[close[0]] if close else None
