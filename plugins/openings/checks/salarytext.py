"""A salary written as one string ("$120k–$150k", "£40-50K per annum") -> its structured form,
when it can be read one way only.

Pure functions, no Pelican.
"""

from __future__ import annotations

import re
from decimal import Decimal

from .currencies import SYMBOLS, currency_symbol, is_dollar
from .matching import fix_text
from .normalize import salary_period


def _currency_token_pattern() -> str:
    symbols = sorted(SYMBOLS, key=len, reverse=True)
    parts = []
    for symbol in symbols:
        pattern = re.escape(symbol)
        # Letters in a symbol ("R", "Ft", "lei") must not be part of a word ("per", "hr").
        if symbol[0].isalpha():
            pattern = rf"(?<![^\W\d_]){pattern}"
        if symbol[-1].isalpha():
            pattern = rf"{pattern}(?![^\W\d_])"
        parts.append(pattern)
    parts.append(r"(?<![^\W\d_])[A-Z]{3}(?![^\W\d_])")  # ISO codes, written in capitals
    return "|".join(parts)


_CURRENCY = re.compile(_currency_token_pattern())
# A figure: digits grouped by separators, an optional decimal part, an optional "k" (thousands).
_AMOUNT = re.compile(
    r"(?<![\w.,])"
    r"(\d{1,3}(?:([.,'’ \u00a0\u202f])\d{3})(?:\2\d{3})*(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?)"
    r"(?:\s?([kK])(?![^\W\d_]))?"
)
_RANGE = re.compile(r"-|–|—|−|‒|to|bis|à|a|tot|till?", re.IGNORECASE)
# Words that say nothing about the amount: gross pay is what a salary means anyway.
_FILLER = re.compile(
    r"\b(?:gross|bruto|brutto|brut|base|salary|pay|range|fixed)\b|[:()]", re.IGNORECASE
)


def _salary_figure(text: str) -> Decimal | None:
    """A figure inside a salary: here a separator before exactly three digits groups thousands
    ("€3.250" is 3250: nobody writes pay with three decimals), one or two digits are decimals."""
    last = re.search(r"[.,](\d+)$", text)
    decimals = ""
    if last and len(last.group(1)) <= 2:
        decimals, text = "." + last.group(1), text[: last.start()]
    digits = re.sub(r"[.,'’ \u00a0\u202f]", "", text)
    return Decimal(digits + decimals) if digits.isdigit() else None


def _as_number(value: Decimal) -> int | Decimal:
    return int(value) if value == value.to_integral_value() else value


def parse_salary_text(text: str) -> dict | None:
    """A salary written as one string -> the structured form, when it can be read unambiguously.

    "$120k–$150k" -> {"min": 120000, "max": 150000, "currency": "USD"} (no "per" when none is
    written); "£40-50K per annum" -> {..., "per": "YEAR"}; "US$35/hr" -> {"value": 35, ...};
    "Competitive", "DOE", "negotiable", "up to 50k" -> None. Numbers are int when whole, Decimal
    otherwise.
    """
    if not isinstance(text, str):
        return None
    raw = fix_text(text).strip()
    amounts = list(_AMOUNT.finditer(raw))
    if not 1 <= len(amounts) <= 2:
        return None
    currencies: set[str] = set()

    def note(found: re.Match) -> str:
        code = currency_symbol(found.group())
        if code is None:
            return found.group()  # capitals that are no currency: "PER ANNUM"
        currencies.add("$" if found.group() == "$" else code)
        return " "

    def outside(segment: str) -> str:
        """What is left of a piece of text once its currencies are noted and removed."""
        return _CURRENCY.sub(note, segment)

    before = outside(raw[: amounts[0].start()])
    after = outside(raw[amounts[-1].end() :])
    if len(amounts) == 2:
        between = outside(raw[amounts[0].end() : amounts[1].start()]).strip()
        if not _RANGE.fullmatch(between):
            return None
    if _FILLER.sub(" ", before).strip():
        return None  # "up to", "from", "approx." - not a plain figure or range
    if "$" in currencies:
        # A bare "$" is USD unless a code says which dollar: "$100k CAD"
        currencies.discard("$")
        if not currencies:
            currencies.add(SYMBOLS["$"])
        elif not all(is_dollar(code) for code in currencies):
            return None  # "$100k EUR" contradicts itself
    if len(currencies) != 1:
        return None  # no currency (or only an ambiguous one, "kr"), or two different ones
    period_text = _FILLER.sub(" ", after).strip()
    per = None
    if period_text:
        per = salary_period(period_text).value
        if per is None:
            return None  # "+ bonus", "DOE", "(negotiable)" - not only a salary

    figures = []
    for match in amounts:
        figure = _salary_figure(match.group(1))
        if figure is None:
            return None
        figures.append((figure, 1000 if match.group(3) else 1))
    if len(figures) == 2 and figures[1][1] != figures[0][1]:
        if figures[0][1] == 1 and figures[0][0] <= figures[1][0]:
            # "£40-50K": the k of the maximum is the minimum's too
            figures[0] = (figures[0][0], figures[1][1])
        else:
            return None
    values = [figure * multiplier for figure, multiplier in figures]
    result: dict = {}
    if len(values) == 1 or values[0] == values[1]:
        result["value"] = _as_number(values[0])
    elif values[0] < values[1]:
        result["min"], result["max"] = _as_number(values[0]), _as_number(values[1])
    else:
        return None
    result["currency"] = currencies.pop()
    if per:
        result["per"] = per
    return result
