"""A figure as HR writes it -> a number, when it can mean only one: "60,000", "60 000" and
"60_000" are read; "60k", "3,25" and "3.250" get a suggestion of what to write instead.

Pure functions, no Pelican.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from .matching import fix_text

# fmt: off
_SMALL = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
          "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
          "eighteen", "nineteen")
_TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
# fmt: on
_SCALES = ((10**12, "trillion"), (10**9, "billion"), (10**6, "million"), (1000, "thousand"))


def _in_words(n: int) -> str:
    """English words for a whole number, so an ambiguous figure can be read back to HR."""
    if n < 0:
        return "minus " + _in_words(-n)
    for scale, name in _SCALES:
        if n >= scale:
            head, rest = divmod(n, scale)
            tail = "" if not rest else (" and " if rest < 100 else " ") + _in_words(rest)
            return f"{_in_words(head)} {name}{tail}"
    if n >= 100:
        head, rest = divmod(n, 100)
        return f"{_SMALL[head]} hundred" + (f" and {_in_words(rest)}" if rest else "")
    if n >= 20:
        head, rest = divmod(n, 10)
        return _TENS[head] + (f"-{_SMALL[rest]}" if rest else "")
    return _SMALL[n]


def _plain(number: Decimal) -> str:
    """Decimal as people write it: no exponent, no trailing zeros after the point."""
    text = format(number, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


_SPACES = re.compile(r"[\s\u00a0\u202f\u2009]+")


def _read_digits(text: str) -> tuple[Decimal | None, str | None, bool]:
    """Read a figure with separators -> (value, suggestion, accepted).

    Accepted: plain digits, "." as the decimal point, "," / space / "_" / "'" grouping thousands.
    Not accepted but readable: "3,25" (decimal comma), "1.234.567" (dots grouping).
    Ambiguous: "3.250" - a dot and three digits: thousands in Europe, decimals in English.
    """
    sign = ""
    if text and text[0] in "+-−":
        sign, text = ("-" if text[0] != "+" else ""), text[1:].lstrip()
    if re.fullmatch(r"\d+(\.\d+)?", text) and not re.fullmatch(r"\d{1,3}\.\d{3}", text):
        return Decimal(sign + text), None, True
    grouped = re.fullmatch(
        r"(\d{1,3})((?:([,'’_ \u00a0\u202f\u2009])\d{3})(?:\3\d{3})*)(\.\d+)?", text
    )
    if grouped:
        digits = grouped.group(1) + re.sub(r"\D", "", grouped.group(2)) + (grouped.group(4) or "")
        return Decimal(sign + digits), None, True
    # European style: dots group thousands, a comma is the decimal point.
    european = re.fullmatch(
        r"(\d{1,3})((?:([.'’ \u00a0\u202f\u2009])\d{3})(?:\3\d{3})*)?(,\d+)?", text
    )
    if european and (european.group(2) or european.group(4)):
        digits = european.group(1) + re.sub(r"\D", "", european.group(2) or "")
        decimals = (european.group(4) or "").replace(",", ".")
        value = Decimal(sign + digits + decimals)
        if european.group(3) == "." and european.group(2).count(".") == 1 and not decimals:
            # "3.250": three thousand two hundred and fifty, or three and a quarter.
            small = Decimal(sign + text)
            whole = int(value)
            return (
                None,
                f"{_plain(value)} (if you mean {_in_words(whole)}) or {_plain(small)}",
                False,
            )
        return None, _plain(value), False
    return None, None, False


def parse_number(text: str) -> tuple[Decimal | None, str | None]:
    """A figure as written -> (Decimal, None) when it is unambiguous, else (None, suggestion text).

    "60000", "60000.50", "60,000", "60 000", "60_000" -> Decimal. "60k" -> (None, "60000");
    "3.250" -> (None, "3250 (if you mean three thousand two hundred and fifty) or 3.25");
    "DOE" -> (None, None). YAML numbers (int, float, Decimal) are accepted as they are; booleans
    are not numbers.
    """
    if isinstance(text, bool):
        return None, None
    if isinstance(text, int | Decimal):
        return Decimal(text), None
    if isinstance(text, float):
        return Decimal(str(text)), None
    if not isinstance(text, str):
        return None, None
    raw = fix_text(text).strip()
    value, suggestion, accepted = _read_digits(raw)
    if accepted:
        return value, None
    if suggestion is not None:
        return None, suggestion
    # Thousands suffix or a currency around the figure: readable, but not a number field's form.
    loose = re.sub(r"^[^\d+\-−]+|[^\dkK.]+$", "", raw)
    multiplier = 1
    if loose[-1:] in ("k", "K"):
        multiplier, loose = 1000, _SPACES.sub("", loose[:-1])
    if (loose and loose != raw) or multiplier != 1:
        value, suggestion, accepted = _read_digits(loose)
        if accepted and value is not None:
            return None, _plain(value * multiplier)
        if suggestion is not None and multiplier == 1:
            return None, suggestion
    # Scientific notation and the like: Decimal can read it, people should not write it.
    try:
        number = Decimal(raw.replace(" ", ""))
    except InvalidOperation:
        return None, None
    if not number.is_finite() or abs(number.adjusted()) > _MAX_DIGITS:
        # "1e999999999" would be a billion digits written out: no salary looks like that
        return None, None
    return None, _plain(number)


# More digits than any pay or count has; keeps "1e999999999" from being written out in full.
_MAX_DIGITS = 30
