"""A generated board for the tests that need more than the ten sample postings: many postings
per department, every office, remote postings, German ones, closed ones, bodies with headings,
lists, links, tables and typographic punctuation. Deterministic: the same count writes the same
bytes. Every posting passes the checks (no errors), as the sample data files and "today"
(sitebuild.TODAY) expect.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from sitebuild import ROOT, TODAY

# the sample site's offices and the currency their pay is in
OFFICES = {"berlin": "EUR", "london": "GBP", "denver": "USD", "new-york": "USD", "lisbon": "EUR"}
DEPARTMENTS = {  # the sample departments, and what their people do
    "Engineering": ("Backend Developer", "Site Reliability Engineer", "Mobile Developer"),
    "Product & Design": ("Product Designer", "Product Manager", "UX Researcher"),
    "Data": ("Data Analyst", "Data Engineer", "Machine Learning Engineer"),
    "Customer Success": ("Support Specialist", "Solutions Engineer", "Onboarding Manager"),
    "People & Operations": ("Recruiter", "Logistics Coordinator", "IT Administrator"),
}
CUSTOMERS = ("hospital groups", "logistics firms", "retail chains", "city councils")
LEVELS = ("", "Senior ", "Junior ", "Staff ", "Lead ")
EMPLOYMENT = ("FULL_TIME", "PART_TIME", "[FULL_TIME, CONTRACTOR]", "TEMPORARY")
REMOTE = {"EUR": "[DE, PT]", "GBP": "[GB]", "USD": "[US]"}
PAY = {"EUR": 60_000, "GBP": 52_000, "USD": 95_000}


def _body(number: int, role: str, department: str) -> str:
    team = f"the {department} team"
    parts = [
        (
            f"We’re looking for a {role.lower()} to join {team} — someone who’s happy to own "
            f"problems for our customers, {CUSTOMERS[number % len(CUSTOMERS)]} among them, from "
            f"the first sketch to the last fix. Posting number {number} of the board."
        ),
        "## What you will do",
        (
            "- Work with people across the company on what our customers need next\n"
            "- Write down what you learn, so the next person doesn’t start from scratch\n"
            f"- Help {team} ship small changes often"
        ),
        "## What we offer",
        (
            f"Read more about [how we work](https://fernhill.example/how-we-work/{number % 7}) "
            "and about our offices."
        ),
    ]
    if number % 5 == 0:
        parts.append("| Stage | Length |\n|---|---|\n| Call | 30 min |\n| Interview | 2 h |")
    return "\n\n".join(parts) + "\n"


def posting(number: int) -> tuple[str, str]:
    """The file name and text of the board's posting `number`."""
    department = list(DEPARTMENTS)[number % len(DEPARTMENTS)]
    roles = DEPARTMENTS[department]
    role = LEVELS[number // 7 % len(LEVELS)] + roles[number // 3 % len(roles)]
    office = list(OFFICES)[number % len(OFFICES)]
    currency = OFFICES[office]
    places = [office]
    if number % 10 == 7:  # a second office with the same currency
        places += [o for o in OFFICES if OFFICES[o] == currency and o != office][:1]
    posted = dt.date.fromisoformat(TODAY) - dt.timedelta(days=number % 60)
    lines = [
        f"title: {role} {number}",
        f"department: {department}",
        f"date_posted: {posted.isoformat()}",
        "valid_through: 2027-02-28",
        f"employment_type: {EMPLOYMENT[number % len(EMPLOYMENT)]}",
        f"locations: [{', '.join(places)}]",
        (
            f"salary: {{min: {PAY[currency] + number * 100}, max: {PAY[currency] + number * 100 + 15_000},"
            f" currency: {currency}, per: YEAR}}"
        ),
        f"apply_url: https://fernhill.example/apply/{number}",
        f"req_id: GEN-{number}",
    ]
    if number % 4 == 1:
        lines += ["workplace: remote", f"remote_countries: {REMOTE[currency]}"]
    elif number % 4 == 2:
        lines.append("workplace: hybrid")
    if number % 6 == 3 and currency == "EUR":
        lines.append("lang: de")
    if number % 9 == 8:
        lines += ["status: closed", f"modified: {(posted + dt.timedelta(days=3)).isoformat()}"]
    name = f"{role.lower().replace(' ', '-')}-{number}.md"
    return name, "---\n" + "\n".join(lines) + "\n---\n" + _body(number, role, department)


def generate(content: Path, count: int) -> None:
    """`count` postings in content/jobs/, with the sample site's data files in content/data/."""
    (content / "jobs").mkdir(parents=True, exist_ok=True)
    (content / "pages").mkdir(exist_ok=True)
    if not (content / "data").exists():
        shutil.copytree(ROOT / "content" / "data", content / "data")
    for number in range(count):
        name, text = posting(number)
        (content / "jobs" / name).write_text(text, encoding="utf-8")
