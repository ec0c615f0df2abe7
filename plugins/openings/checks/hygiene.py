"""Title hygiene: warnings when a title is more than the job's name, as Google's guidance asks.

Google's job posting guidelines: the title is "the title of the job (not the title of the
posting)"; no job codes, addresses, dates, salaries or company names in it; no special characters
such as "!" and "*" (overused, they look spammy); numbers are fine ("Level 3 Engineer").
Each finding is a warning naming what to move where; publishing builds (strict) make it an error.

Also here, because it is about titles too: two open postings with the same title and location,
which job boards treat as duplicates (warned, naming both files).
"""

from __future__ import annotations

import re
import unicodedata

from ..core import rules
from ..core.model import JobPosting
from ..core.problems import Problem, Severity
from ..core.text import clean_line, truncate

_SALARY = re.compile(
    r"[$€£¥₹₩₽¢]\s*\d|\d\s*[$€£¥₹₩₽]"  # $120k, 50 €
    r"|\b\d+(?:[.,]\d+)?\s*[kK]\b"  # 120k
    r"|\b(?:USD|EUR|GBP|CHF|CAD|AUD|SEK|NOK|DKK|PLN|JPY|INR)\s*\d|\d\s*(?:USD|EUR|GBP|CHF)\b"
    r"|\b\d[\d.,]*\s*(?:/|per|an|pro)\s*(?:h|hr|hour|hours|year|yr|month|annum|stunde|jahr)\b"
    r"|\b(?:salary|gehalt|competitive pay)\b",
    re.IGNORECASE,
)
_CODE = re.compile(
    r"\b[A-Z]{2,6}[-_]?\d{2,}\b"  # REQ-123, ENG101 (capitals: "Level 10" is a level)
    r"|#\s?\d+"  # #1234
    r"|\b(?i:req|job|ref|requisition|reference)\s*(?i:id|no|nr|number|code)?\s*[:.#]\s*\d+\b"
    r"|\b(?i:req|job id|ref)\s+\d+\b"
)
_DATE = re.compile(
    r"\b(?:19|20)\d\d\b"  # a year ("Web 3.0" and "ISO 27001" are not dates)
    r"|\b(?:asap|ab sofort|immediate start|start(?:ing)? (?:in|on|from) \w+)\b",
    re.IGNORECASE,
)
# Only as a tag set off by punctuation: "(Remote)", "- Hybrid"; "Remote Sensing Scientist" and
# "Hybrid Cloud Engineer" are job names.
_WORKPLACE = re.compile(
    r"(?:^|[-–—(\[|,/]\s*)(remote|hybrid|on-?site|telecommute|work from home|wfh|homeoffice|"
    r"home office|100% remote|fully remote)(?=\s*(?:$|[-–—)\]|,/]))",
    re.IGNORECASE,
)
_COUNTRY_WORDS = ("UK", "USA", "U.S.", "US", "EU", "EMEA", "APAC", "DACH")
_LEGAL_SUFFIXES = {"inc", "ltd", "llc", "gmbh", "ag", "se", "plc", "co", "corp", "corporation",
                   "labs", "lab", "group", "limited", "sa", "sas", "bv", "nv", "kg", "ug", "the"}  # fmt: skip
# Gender notes are expected in German-speaking countries, and the gender star is spelling.
_GENDER_NOTE = re.compile(
    r"\((?:[mwfdx]\s*/\s*){1,3}(?:[mwfdx]|div)\)|\((?:all genders|gn\*?)\)|\b\w+[*:](?:in|innen)\b",
    re.IGNORECASE,
)
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")
# Words shouted to catch the eye; acronyms (QA, SRE, SCADA) are not shouting.
_SHOUTING = re.compile(
    r"\b(?:URGENT|URGENTLY|HIRING|IMMEDIATE|IMMEDIATELY|NOW|APPLY|HOT|NEW|DRINGEND|SOFORT)\b"
)


def title_problems(posting: JobPosting, line: int | None) -> list[Problem]:
    """Warnings for one valid posting's title."""
    title = posting.title
    found: list[tuple[str, str]] = []  # (message, rule)

    def warn(what: str, advice: str, rule: str = rules.TITLE_HYGIENE) -> None:
        found.append((f"{truncate(title, 60)!r} {what}; {advice}", rule))

    if _BIDI.search(title):
        warn(
            "contains an invisible right-to-left or left-to-right control character, which "
            "can make the title display in a different order than it is written",
            "delete it and retype the title (right-to-left text needs no control characters)",
            rules.INVISIBLE_CHARACTER,
        )
    plain = _GENDER_NOTE.sub(" ", title)
    if _SALARY.search(plain):
        warn(
            "contains pay",
            "put it in salary, e.g. salary: {min: 60000, max: 80000, currency: EUR, per: YEAR}",
        )
    if _code_in(plain, posting.req_id):
        warn("contains a reference code", "put it in req_id")
    if _DATE.search(plain):
        warn("contains a date", "put dates in date_posted, valid_through or start_date")
    place = _place_in(plain, posting)
    if place:
        warn(f"contains the location {place!r}", "locations and workplace show it on the page")
    company = _company_in(plain, posting.organization.name)
    if company:
        warn(f"contains the company name {company!r}", "the page and JSON-LD already name it")
    if "!" in plain or "¡" in plain or "*" in plain:
        warn("contains ! or *", "write the job title only; Google treats these as spam")
    if _is_shouting(plain):
        warn("is written in capitals", "write it in normal case, e.g. Senior Backend Engineer")
    # no ASCII character is a symbol ("So"); most titles are ASCII
    if not plain.isascii() and any(unicodedata.category(c) == "So" for c in plain):
        warn("contains emoji or symbols", "write the job title only, in words")
    return [
        Problem(posting.source_path, line, "title", message, Severity.WARNING, rule)
        for message, rule in found
    ]


def _code_in(title: str, req_id: str | None) -> bool:
    if req_id and len(req_id) >= 3 and req_id.casefold() in title.casefold():
        return True
    # "Level 3 Engineer", "Engineer II", "L5" are levels, not codes
    return bool(_CODE.search(title))


_WORD = re.compile(r"[^\W_]+")
# each of _COUNTRY_WORDS as a word of its own ("US" but not "USB" or "U.S.A.")
_COUNTRY_WORD_PATTERNS = tuple(
    (word, re.compile(rf"(?<![\w.]){re.escape(word)}(?![\w])")) for word in _COUNTRY_WORDS
)


def _words(text: str) -> str:
    """Letters and digits only, space-separated and padded, so phrases match whole words."""
    return " " + " ".join(_WORD.findall(text.casefold())) + " "


def _contains(title: str, phrase: str | None, title_words: str | None = None) -> bool:
    """Whether the phrase is in the title as whole words; title_words: _words(title), if known."""
    if not phrase:
        return False
    needle = _words(phrase)
    return needle.strip() != "" and needle in (title_words or _words(title))


def _place_in(title: str, posting: JobPosting) -> str | None:
    match = _WORKPLACE.search(title)
    if match:
        return match.group(1)
    title_words = _words(title)  # once, not once per place name
    for address in posting.locations:
        for name in (address.locality, address.region, address.name, _country_name(address)):
            if _contains(title, name, title_words):
                return name
    for area in posting.remote_areas:
        if _contains(title, area.name, title_words):
            return area.name
    for word, pattern in _COUNTRY_WORD_PATTERNS:
        if pattern.search(title):
            return word
    return None


def _country_name(address) -> str | None:
    import pycountry

    country = pycountry.countries.get(alpha_2=address.country)
    return getattr(country, "common_name", None) or getattr(country, "name", None)


def _company_in(title: str, company: str) -> str | None:
    title_words = _words(title)
    if _contains(title, company, title_words):
        return company
    words = [w for w in _WORD.findall(company) if w.casefold() not in _LEGAL_SUFFIXES]
    core = " ".join(words)
    if len(core) >= 4 and core != company and _contains(title, core, title_words):
        return core
    return None


def _is_shouting(title: str) -> bool:
    letters = [c for c in title if c.isalpha()]
    if len(letters) >= 8 and all(c.isupper() for c in letters):
        return True
    return bool(_SHOUTING.search(title))


def duplicate_postings(outcomes, strict: bool = False) -> None:
    """Two open postings with the same title and location: a warning on each, naming the other.

    Job boards and Google merge or drop such duplicates; usually one is a copy left open.
    A strict (publishing) build makes it an error, as it does every warning.
    """
    from ..core.lifecycle import State

    groups: dict[tuple, list] = {}
    for outcome in outcomes:
        if outcome.posting is None or outcome.state is not State.OPEN:
            continue
        groups.setdefault(_identity(outcome.posting), []).append(outcome)
    for group in groups.values():
        if len(group) < 2:
            continue
        for outcome in group:
            paths = [o.path for o in group if o is not outcome]
            others = ", ".join(paths[:3]) + (
                f" and {len(paths) - 3} more" if len(paths) > 3 else ""
            )
            outcome.problems.append(
                Problem(
                    outcome.path,
                    outcome.lines.get("title"),
                    "title",
                    f"{outcome.posting.title!r} at the same location is also open in {others}; "
                    "close one, or make the titles say what differs (team, level)",
                    Severity.ERROR if strict else Severity.WARNING,
                    rules.DUPLICATE_POSTING,
                )
            )
            if strict:
                outcome.state = State.REJECTED


def _identity(posting: JobPosting) -> tuple:
    title = clean_line(posting.title).casefold()
    places = tuple(
        sorted(
            (a.country, (a.locality or "").casefold(), (a.street or "").casefold())
            for a in posting.locations
        )
    )
    areas = tuple(sorted(a.code for a in posting.remote_areas))
    return title, posting.lang, posting.workplace == "remote", places, areas
