"""Pay that cannot be meant as written: a figure that does not fit its period, a range too wide.

`salary: {min: 20, max: 25, currency: USD, per: YEAR}` is an hourly wage with the wrong period;
25,000 per HOUR is a yearly salary. Nobody is paid less than about 1,000 US dollars a year, or
more than about 1,000 an hour, for a job advertised on a careers site: each currency's version of
that "1,000" is in UNIT below (the figure people there write, rounded to a readable number). A
currency not listed is not checked.
"""

from __future__ import annotations

from decimal import Decimal

from ..core import rules
from ..core.model import Salary
from ..core.problems import Problem, Severity

# 1,000 US dollars in each currency's usual terms (rounded; only the order of magnitude matters)
UNIT: dict[str, int] = {
    "USD": 1_000, "EUR": 1_000, "GBP": 1_000, "CHF": 1_000, "CAD": 1_000, "AUD": 1_000,
    "NZD": 1_000, "SGD": 1_000, "PLN": 4_000, "CZK": 20_000, "HUF": 350_000,
    "RON": 5_000, "BGN": 2_000, "SEK": 10_000, "NOK": 10_000, "DKK": 7_000, "ISK": 140_000,
    "JPY": 150_000, "CNY": 7_000, "HKD": 8_000, "TWD": 30_000, "KRW": 1_400_000,
    "INR": 85_000, "PKR": 280_000, "BDT": 120_000, "IDR": 16_000_000, "VND": 25_000_000,
    "PHP": 55_000, "THB": 35_000, "MYR": 4_500, "BRL": 5_000, "MXN": 18_000, "ARS": 1_000_000,
    "CLP": 900_000, "COP": 4_000_000, "ZAR": 18_000, "NGN": 1_500_000, "KES": 130_000,
    "EGP": 50_000, "TRY": 35_000, "ILS": 3_500, "AED": 3_500, "SAR": 3_500, "UAH": 40_000,
}  # fmt: skip
# working hours in each period, to carry the hourly ceiling and the yearly floor to the others
HOURS = {"HOUR": 1, "DAY": 8, "WEEK": 40, "MONTH": 173, "YEAR": 2080}
SPREAD = 3  # a max above three times the min is questioned


def bounds(currency: str, per: str) -> tuple[Decimal, Decimal] | None:
    """(lowest, highest) believable figure for the period, or None for an unknown currency."""
    unit = UNIT.get(currency)
    if unit is None or per not in HOURS:
        return None
    hours = Decimal(HOURS[per])
    return Decimal(unit) * hours / HOURS["YEAR"], Decimal(unit) * hours


def problems(salary: Salary, lines: dict[str, int | None], path: str) -> list[Problem]:
    """lines: the line of each written part ("min", "max", "value", "per")."""
    found = []
    limits = bounds(salary.currency, salary.per)
    figures = [(k, getattr(salary, k)) for k in ("min", "max", "value") if getattr(salary, k)]
    if limits is not None:
        low, high = limits
        wrong = [(k, f) for k, f in figures if not low <= f <= high]
        if wrong:
            name, figure = wrong[0]
            shown = "–".join(_amount(f) for _, f in wrong)
            too_high = figure > high
            fits = [
                p for p in HOURS if (b := bounds(salary.currency, p)) and b[0] <= figure <= b[1]
            ]
            better = (fits[-1] if too_high else fits[0]) if fits else None
            hint = f" (did you mean per: {better}?)" if better else ""
            side = (
                f"more than anyone is paid per {salary.per} (at most {_amount(high)})"
                if too_high
                else f"less than anyone is paid per {salary.per} (at least {_amount(low)})"
            )
            found.append(
                Problem(
                    path, lines.get(name), "salary",
                    f"{shown} {salary.currency} per {salary.per} is {side}; check the figures "
                    f"and per{hint}",
                    Severity.ERROR, rules.PAY_PERIOD_MISMATCH,
                )
            )  # fmt: skip
    if salary.min and salary.max and salary.max > SPREAD * salary.min:
        found.append(
            Problem(
                path, lines.get("max"), "salary.max",
                f"{_amount(salary.max)} is more than {SPREAD} times min {_amount(salary.min)}; "
                "check both figures and give the range you expect to pay",
                Severity.WARNING, rules.PAY_SPREAD,
            )
        )  # fmt: skip
    return found


def _amount(figure: Decimal) -> str:
    rounded = figure.quantize(Decimal(1)) if figure == figure.to_integral() else figure
    return f"{rounded:,}"
