"""Values from another system as plain Python: text, lists of text, yes/no, numbers."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Any

from ..checks import figures, normalize


def inline(value: Any) -> str:
    """A kept value on one comment line."""
    if isinstance(value, list):
        return "[" + ", ".join(inline(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {inline(v)}" for k, v in value.items()) + "}"
    if isinstance(value, dt.date):
        return value.isoformat()
    return " ".join(str(value).split())


def is_empty(value: Any) -> bool:
    return value is None or (isinstance(value, str | list | dict) and not value)


def text_of(value: Any) -> str | None:
    if value is None or isinstance(value, dict | list):
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip() or None


def texts_of(value: Any) -> list[str]:
    """A list, a "a, b" line or one value -> texts. Dicts with a name count by their name."""
    items = value if isinstance(value, list) else [value]
    texts = []
    for item in items:
        text = text_of(item.get("name") or item.get("value") if isinstance(item, dict) else item)
        if text:
            texts.append(text)
    return texts


def plain(value: Any) -> Any:
    """A value as YAML can write it: Decimals as numbers, dicts and lists of the same."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    return value


def truthy(value: Any) -> bool | None:
    if isinstance(value, bool):
        return value
    text = (text_of(value) or "").lower()
    if text in ("true", "yes", "y", "on", "1"):
        return True
    if text in ("false", "no", "n", "off", "0"):
        return False
    return None


def workplace_of(value: Any) -> str | None:
    """remote: true / "Remote" / "on-site" / "hybrid" -> our workplace; "unspecified" -> None."""
    truth = truthy(value)
    if truth is not None:
        return "remote" if truth else "onsite"
    normal = normalize.workplace(text_of(value) or "")
    return normal.value


def number_of(value: Any) -> int | float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float | Decimal):
        return plain(Decimal(str(value)))
    text = text_of(value) or ""
    number, suggestion = figures.parse_number(text)
    if number is None and suggestion and re.fullmatch(r"\d+(?:\.\d+)?", suggestion):
        number = Decimal(suggestion)  # "60k" -> 60000, "60.000 €" -> 60000
    return plain(number) if number is not None and number > 0 else None


def whole_of(value: Any) -> int | None:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    text = text_of(value) or ""
    return int(text) if text.isdigit() else None


def others_note(names: list[str], chosen: str) -> str | None:
    rest = [n for n in names if n != chosen]
    return f"the old posting also named {', '.join(rest)}" if rest else None
