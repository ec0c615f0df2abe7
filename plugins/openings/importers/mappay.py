"""Another system's pay, in one field or in parts -> salary: {min, max, currency, per}."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from ..checks import currencies, normalize, salarytext
from ..checks.fields.pay import SALARY_KEYS
from ..core.model import SALARY_PERIODS
from .fieldnames import field_name
from .mapper import Mapper
from .values import is_empty, number_of, plain, text_of


def salary(m: Mapper) -> None:
    taken = m.take("salary")
    parts = {name: m.take(f"salary.{name}") for name in ("min", "max", "currency", "per")}
    salary: dict[str, Any] = {}
    given = [taken[1] if taken else None] + [p[1] for p in parts.values() if p]
    m.salary_text = " ".join(str(plain(v)) for v in given if v is not None)
    if taken:
        value = taken[1]
        if isinstance(value, dict):
            for key, part in value.items():
                name = SALARY_KEYS.get(field_name(key).replace("_", "")) or {
                    "minvalue": "min", "maxvalue": "max", "currencytype": "currency",
                }.get(field_name(key).replace("_", ""))  # fmt: skip
                if name and not is_empty(part):
                    salary.setdefault(name, part)
                elif not is_empty(part):
                    m.mark(f"{taken[0]}_{field_name(key)}", part, "salary", "not part of a salary")
        elif isinstance(value, int | float | Decimal) and not isinstance(value, bool):
            salary["value"] = value
        else:
            parsed = salarytext.parse_salary_text(text_of(value) or "")
            if parsed:
                salary.update(parsed)
            else:
                m.mark(taken[0], value, "salary",
                          "not a salary with figures: write salary: {min: ..., max: ..., "
                          "currency: ..., per: YEAR} if you publish the pay, or leave it out")  # fmt: skip
    for name, part in parts.items():
        if part:
            salary.setdefault(name, part[1])
    if salary:
        write_salary(m, salary, taken[0] if taken else "salary")


def write_salary(m: Mapper, salary: dict, source: str) -> None:
    out: dict[str, Any] = {}
    source_text = m.salary_text
    wrong = []
    for name in ("min", "max", "value"):
        if name in salary:
            number = number_of(salary[name])
            if number is None:
                wrong.append(f'{name} "{salary[name]}" is not a number')
            else:
                out[name] = number
    if "currency" in salary:
        text = text_of(salary["currency"]) or ""
        normal = currencies.currency(text)
        code = normal.value or (
            normal.suggestion
            if normal.suggestion and re.fullmatch(r"[A-Z]{3}", normal.suggestion)
            else None
        )
        if code:
            out["currency"] = code
        else:
            wrong.append(f'currency "{text}" is not an ISO 4217 code (EUR, USD, GBP...)')
    if "per" in salary:
        text = text_of(salary["per"]) or ""
        normal = normalize.salary_period(text)
        period = normal.value or (
            normal.suggestion if normal.suggestion in SALARY_PERIODS else None
        )
        if period:
            out["per"] = period
        else:
            wrong.append(f'"{text}" is not a pay period')
    if wrong or not any(n in out for n in ("min", "max", "value")):
        m.mark(source, salary, "salary", "; ".join(wrong or ["no figures"])
                  + ": write salary: {min: ..., max: ..., currency: ..., per: YEAR}")  # fmt: skip
        return
    missing = [n for n in ("currency", "per") if n not in out]
    comment = None
    if missing:
        what = {
            "currency": "currency: (EUR, USD, GBP...)",
            "per": f"per: ({', '.join(SALARY_PERIODS)})",
        }
        comment = ("the source does not say " + " or ".join(missing) + ": add "
                   + " and ".join(what[m] for m in missing))  # fmt: skip
    dollar = dollar_elsewhere(m, source_text, out.get("currency"))
    if dollar:
        comment = f"{comment}; {dollar}" if comment else dollar
    m.put("salary", out, comment, todo=bool(missing) or bool(dollar))


def dollar_elsewhere(m: Mapper, text: str, currency: str | None) -> str | None:
    """ "$" is US dollars, unless the job is in another dollar country (Canada, Australia...),
    where the source's "$" may mean that country's dollar."""
    if (
        currency != "USD"
        or not re.search(r"(?<![A-Za-z])\$", text)
        or re.search(r"US\$|USD|U\.S\.", text)
    ):
        return None
    places = m.entries.get("locations")
    countries = set()
    for place in places.value if places is not None and places.value else []:
        office = m.site.offices.get(place) if isinstance(place, str) else None
        countries.add(office.country if office else (place or {}).get("country"))
    elsewhere = sorted(c for c in countries - {None, "US"} if c)
    if not elsewhere:
        return None
    return (f'the source writes "$" and the job is in {", ".join(elsewhere)}: if the pay is '
            "not in US dollars, write its currency (CAD, AUD...)")  # fmt: skip
