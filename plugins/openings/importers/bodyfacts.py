"""What an old posting's body says that belongs in fields: its "Apply" links, and the facts
written as labelled lines (salary, location, closing date...)."""

from __future__ import annotations

import re

_LINK = re.compile(
    r"\[([^\]]{1,80})\]\(\s*<?((?:https?://|mailto:)[^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)"
)
_HTML_LINK = re.compile(r"<a\s[^>]*href=[\"']((?:https?://|mailto:)[^\"']+)[\"'][^>]*>(.{1,80}?)</a>",
                        re.IGNORECASE | re.DOTALL)  # fmt: skip
_APPLY = re.compile(
    r"\b(?:apply|application|bewerb\w*|postul\w*|candidat\w*|solliciteer|aplicar|candidatar)"
    r"|応募|エントリー",
    re.IGNORECASE,
)


def apply_links(body: str) -> list[str]:
    """The targets of links whose text says "apply" ("Apply now", "Jetzt bewerben"), in order."""
    found = [(m.start(), m.group(1), m.group(2)) for m in _LINK.finditer(body)]
    found += [(m.start(), m.group(2), m.group(1)) for m in _HTML_LINK.finditer(body)]
    return [target.removeprefix("mailto:") for _, label, target in sorted(found)
            if _APPLY.search(label)]  # fmt: skip


# "Salary: $70k - $75k per year", "- **Location:** Berlin", "Bewerbungsfrist: 15.01.2027"
_LABELS = {
    "salary": r"salary(?: range)?|pay(?: range)?|compensation|wage|gehalt|verg[üu]tung|salaire|"
              r"r[ée]mun[ée]ration|salario|salaris",
    "locations": r"location|job location|work location|standort|arbeitsort|einsatzort|lieu|"
                 r"lieu de travail|ubicaci[óo]n|locatie|standplaats",
    "valid_through": r"closing date|application deadline|deadline|apply by|closes|"
                     r"bewerbungsfrist|bewerbungsschluss|date limite|fecha l[íi]mite|sluitingsdatum",
    "employment_type": r"job type|employment type|contract type|position type|anstellungsart|"
                       r"besch[äa]ftigungsart|type de contrat|tipo de contrato|dienstverband",
}  # fmt: skip
_LABELLED = re.compile(
    r"^[ \t]*(?:[-*+][ \t]+)?(?:\*\*|__)?(?P<label>"
    + "|".join(f"(?:{p})" for p in _LABELS.values())
    + r")(?:\*\*|__)?[ \t]*:[ \t]*(?:\*\*|__)?[ \t]*(?P<value>[^\n]{1,120}?)[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
_CURRENCY = r"(?:[$€£]|US\$|USD|EUR|GBP)"
_AMOUNT = r"\d[\d.,]*\s?[kK]?"
_PERIOD = (r"(?:\s*(?:per|an|a|/)\s*(?:hour|hr|year|yr|month|annum|week|day)|\s*(?:annually|yearly"
           r"|monthly|hourly|p\.?\s?a\.?|per annum|bruto p/m|brutto|p/m|pro (?:jahr|monat)))?")  # fmt: skip
_PAY_RANGE = re.compile(
    rf"{_CURRENCY}\s?{_AMOUNT}\s?(?:-|–|—|to|bis)\s?{_CURRENCY}?\s?{_AMOUNT}{_PERIOD}"
    rf"|{_CURRENCY}\s?{_AMOUNT}\s*(?:per|an|a|/)\s*(?:hour|hr|year|yr|month|annum)",
    re.IGNORECASE,
)
_LONGEST = {"locations": 60}  # a sentence about the place is not a place


def facts(body: str) -> dict[str, tuple[str, str]]:
    """Fields the text states on a labelled line, or a pay range stated once: {field: (value,
    the line as written)}. Proposals for HR to confirm; the text itself is not changed."""
    found: dict[str, tuple[str, str]] = {}
    for match in _LABELLED.finditer(body):
        label = match.group("label").lower()
        field = next(f for f, p in _LABELS.items() if re.fullmatch(p, label, re.IGNORECASE))
        value = re.sub(r"[*_`]", "", match.group("value")).strip()
        if field in found or not value or len(value) > _LONGEST.get(field, 120):
            continue
        found[field] = (value, match.group(0).strip())
    if "salary" not in found:
        ranges = {m.group(0).strip() for m in _PAY_RANGE.finditer(body)}
        if len(ranges) == 1:  # two different figures: which is the pay is for HR to say
            (text,) = ranges
            found["salary"] = (text, text)
    return found
