"""The pay: salary with min and max (or value), currency and per."""

from __future__ import annotations

import re
from decimal import Decimal

from ...core import rules
from ...core.model import SALARY_PERIODS, Salary
from ...core.text import clean_line, truncate
from ...reading.frontmatter import Document, Field
from .. import currencies, figures, normalize, salarytext
from . import jsonldparts as ld
from . import schemaparts as sp
from .checker import Checker, did_you_mean, quote
from .spec import FieldSpec

# Beyond these, a figure is a typo or an attack (Babel cannot format 10**30 with its precision).
MAX_PAY = 10**12
HUGE_EXPONENT = re.compile(r"[eE][+-]?\d{3,}")
SALARY_KEYS = {"min": "min", "max": "max", "value": "value", "currency": "currency", "per": "per",
               "minimum": "min", "from": "min", "maximum": "max", "to": "max", "amount": "value",
               "period": "per", "unit": "per", "interval": "per", "unittext": "per"}  # fmt: skip
# salary keys people write, and the ones we use
SALARY_HINTS = {"low": "min", "lower": "min", "from": "min", "high": "max", "upper": "max",
                "up_to": "max", "rate": "value", "base": "value", "amount": "value",
                "frequency": "per", "cadence": "per", "unit_text": "per", "money": "currency"}  # fmt: skip


def salary_lines(doc: Document) -> dict[str, int]:
    """The line of each part of a salary written as fields (min, max, value, per)."""
    salary = doc.fields.get("salary")
    if salary is None or not salary.is_mapping:
        return {}
    parts = {SALARY_KEYS.get(k.lower().replace("_", "")): f.line for k, f in salary.value.items()}
    return {k: line for k, line in parts.items() if k} | {"salary": salary.line}


def check_salary(c: Checker) -> Salary | None:
    value = c.fields.get("salary")
    if value is None or (value.is_scalar and value.value is None):
        return None
    if value.is_scalar:
        _salary_text(c, clean_line(str(value.text)), value.line)
        return None
    if value.is_list:
        c.found.error(
            value.line,
            "salary",
            "write one salary with min, max, currency and per, not a list",
            rules.SALARY,
        )
        return None
    parts: dict[str, Field] = {}
    unknown = False
    for key, part in value.value.items():
        name = SALARY_KEYS.get(key.lower().replace("_", ""))
        if name is None:
            close = SALARY_HINTS.get(key.lower()) or normalize.suggest(
                key, ["min", "max", "value", "currency", "per"]
            )
            unknown = True
            c.found.error(
                part.line,
                f"salary.{key}",
                f"unknown salary field; use min, max (or value), currency and per{did_you_mean(close)}",
                rules.SALARY,
            )
        else:
            parts[name] = part
    ok = True
    figures = {}
    for name in ("min", "max", "value"):
        if name in parts:
            figures[name] = _amount(c, parts[name], f"salary.{name}")
            ok = ok and figures[name] is not None
    if not figures and not unknown:
        c.found.error(
            value.line, "salary", "give min and max (a range) or value (one figure)", rules.SALARY
        )
        ok = False
    if not figures:
        ok = False
    if "value" in figures and ("min" in figures or "max" in figures):
        c.found.error(
            parts["value"].line,
            "salary.value",
            "give either value or min and max, not both",
            rules.SALARY,
        )
        ok = False
    low, high = figures.get("min"), figures.get("max")
    if low is not None and high is not None and low > high:
        c.found.error(
            parts["min"].line,
            "salary.min",
            f"{low} is more than max {high}; swap them",
            rules.SALARY_RANGE,
        )
        ok = False
    currency = _salary_currency(c, parts.get("currency"), value.line)
    per = _salary_period(c, parts.get("per"), value.line)
    if not (ok and currency and per):
        return None
    if "value" not in figures and (low is None or high is None):
        # "from 60000" or "up to 80000" would be published as exactly that figure
        given, other = ("min", "max") if low is not None else ("max", "min")
        c.found.error(
            parts[given].line,
            f"salary.{given}",
            f"has no {other}; give both min and max (a range), or write value: "
            f"{figures[given]} for one figure",
            rules.SALARY,
        )
        return None
    return Salary(currency, per, min=low, max=high, value=figures.get("value"))


def _salary_text(c: Checker, text: str, line: int) -> None:
    """A salary written as text: refused, with the fields it would be when that is clear."""
    parsed = salarytext.parse_salary_text(text)
    if parsed:
        guessed_period = "per" not in parsed
        parsed.setdefault("per", "YEAR")
        keys = ("min", "max", "value", "currency", "per")
        structured = ", ".join(f"{k}: {parsed[k]}" for k in keys if k in parsed)
        check = " (check the period: HOUR, DAY, WEEK, MONTH or YEAR)" if guessed_period else ""
        c.found.error(
            line,
            "salary",
            f"{quote(text)} must be written as fields: salary: {{{structured}}}{check}",
            rules.SALARY,
        )
    else:
        c.found.error(
            line,
            "salary",
            f"{quote(text)} is not a salary; give figures (salary: {{min: 60000, max: 80000, currency: EUR, per: YEAR}}) or leave the field out",
            rules.SALARY,
        )


def _amount(c: Checker, part: Field, name: str) -> Decimal | None:
    if part.value is True or part.value is False or not part.is_scalar or part.value is None:
        c.found.error(part.line, name, "should be a number like 60000", rules.SALARY)
        return None
    written = clean_line(str(part.text))
    if len(written) > 40 or HUGE_EXPONENT.search(written) or len(str(part.value)) > 40:
        # 1e999999999 would be written out digit by digit (a hung build); no pay is that long
        c.found.error(
            part.line,
            name,
            f"{quote(truncate(written, 40))} is not a realistic pay figure; write the "
            "figure in digits, e.g. 60000",
            rules.SALARY_RANGE,
        )
        return None
    number, hint = figures.parse_number(written)
    if number is None:
        extra = f"; write {hint}" if hint else ""
        c.found.error(part.line, name, f"{quote(part.text)} is not a number{extra}", rules.SALARY)
        return None
    if number <= 0:
        c.found.error(
            part.line,
            name,
            f"is {part.text}; a pay figure must be more than 0 (leave salary out if the "
            "pay is not known yet)",
            rules.SALARY_RANGE,
        )
        return None
    if number >= MAX_PAY:
        c.found.error(
            part.line,
            name,
            f"is {written}; that is not a realistic pay figure (at most {MAX_PAY - 1:,})",
            rules.SALARY_RANGE,
        )
        return None
    return number


def _salary_currency(c: Checker, part: Field | None, line: int) -> str | None:
    return _salary_part(
        c, part, line, "salary.currency", currencies.currency, rules.CURRENCY,
        missing="is required: write the ISO 4217 code, e.g. EUR, USD, GBP",
        wrong="is not an ISO 4217 currency code",
    )  # fmt: skip


def _salary_period(c: Checker, part: Field | None, line: int) -> str | None:
    periods = ", ".join(SALARY_PERIODS)
    return _salary_part(
        c, part, line, "salary.per", normalize.salary_period, rules.PAY_PERIOD,
        missing=f"is required: say what period the pay is for: {periods}",
        wrong=f"is not a pay period; use {periods}",
    )  # fmt: skip


def _salary_part(c: Checker, part, line, name, normalizer, rule, *, missing, wrong) -> str | None:
    """A coded part of the salary (currency, per): required, and one of the known codes."""
    if part is None or not part.is_scalar or part.value is None:
        c.found.error(part.line if part else line, name, missing, rule)
        return None
    text = clean_line(str(part.text))
    normal = normalizer(text)
    if normal.value is None:
        c.found.error(
            part.line, name, f"{quote(text)} {wrong}{did_you_mean(normal.suggestion)}", rule
        )
    return normal.value


def salary_schema() -> dict:
    figure = {"anyOf": [{"type": "number", "exclusiveMinimum": 0}, {"type": "string"}]}
    properties = {
        "min": {**figure, "description": "The lowest pay of the range, a plain number: 60000."},
        "max": {**figure, "description": "The highest pay of the range."},
        "value": {**figure, "description": "One figure instead of a range."},
        "currency": {
            "type": "string",
            "description": "ISO 4217 code: EUR, USD, GBP.",
            "examples": ["EUR", "USD", "GBP"],
        },
        "per": sp.one_of_or_synonym(SALARY_PERIODS, "The period the pay is for."),
    }
    for alias, name in SALARY_KEYS.items():
        if alias not in properties:
            properties[alias] = {**properties[name], "description": f"Same as {name}."}
    return {
        "type": "object",
        "description": "The pay: min and max (or value), currency and per.",
        "properties": properties,
        "required": ["currency", "per"],
        "additionalProperties": False,
        "examples": [{"min": 60000, "max": 80000, "currency": "EUR", "per": "YEAR"}],
    }


SALARY = FieldSpec(
    "salary", "min and max (or value), currency, per",
    "The pay, shown on the page; several pay-transparency laws require it.",
    check=check_salary,
    schema={"$ref": "#/$defs/salary"}, schema_defs={"salary": salary_schema()},
    example="{min: 60000, max: 80000, currency: EUR, per: YEAR}", jsonld="baseSalary",
    jsonld_value=lambda pay, _: None if pay is None else ld.salary(pay),
    recommended="add the pay, e.g. salary: {min: 60000, max: 80000, currency: EUR, per: YEAR}",
    aliases=("pay", "compensation", "wage", "salary_range", "basesalary"),
    source_names=("pay_range", "base_salary"),
)  # fmt: skip
