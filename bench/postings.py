"""A deterministic board of realistic job postings for the benchmark.

Same seed, same bytes: every choice comes from one seeded random.Random, files are written in a
fixed order, and nothing depends on the clock or the machine. Each posting uses every field the
posting schema knows (docs/posting.schema.json) with the values people really type, and a body of
400 to 1,500 words of headings, paragraphs, lists, links and the odd table.

Two forms of the same board:
- "openings": what HR writes for Openings (date_posted, department, ...);
- "plain": the same content for plain Pelican with pelican-yaml-metadata, which needs Pelican's
  own keys (date, category) and knows only published, hidden and draft.
"""

from __future__ import annotations

import datetime as dt
import random
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The day the board is written around; the benchmark pins JOBPOSTING_TODAY to it.
TODAY = dt.date(2026, 11, 28)
DEFAULT_SEED = 2026
FORMS = ("openings", "plain")

# --- data files -------------------------------------------------------------------------------

# key: (name, street, locality, region, postal code, country, time zone, currency)
OFFICES = {
    "berlin": ("Berlin", "Torstraße 109", "Berlin", "BE", "10119", "DE", "Europe/Berlin", "EUR"),
    "munich": ("Munich", "Sendlinger Straße 7", "München", "BY", "80331", "DE", "Europe/Berlin", "EUR"),
    "hamburg": ("Hamburg", "Großer Burstah 31", "Hamburg", "HH", "20457", "DE", "Europe/Berlin", "EUR"),
    "london": ("London", "21 Bread Street, 4th Floor", "London", "LND", "EC4M 9BE", "GB", "Europe/London", "GBP"),
    "manchester": ("Manchester", "3 Hardman Street", "Manchester", "MAN", "M3 3HF", "GB", "Europe/London", "GBP"),
    "lisbon": ("Lisbon", "Rua da Prata 80, 3.º andar", "Lisboa", "11", "1100-415", "PT", "Europe/Lisbon", "EUR"),
    "paris": ("Paris", "12 Rue du Mail", "Paris", None, "75002", "FR", "Europe/Paris", "EUR"),
    "amsterdam": ("Amsterdam", "Herengracht 182", "Amsterdam", "NH", "1016 BR", "NL", "Europe/Amsterdam", "EUR"),
    "madrid": ("Madrid", "Calle de Alcalá 21", "Madrid", "M", "28014", "ES", "Europe/Madrid", "EUR"),
    "warsaw": ("Warsaw", "ul. Prosta 20", "Warszawa", "14", "00-850", "PL", "Europe/Warsaw", "PLN"),
    "denver": ("Denver", "1550 Wynkoop Street, Suite 400", "Denver", "CO", "80202", "US", "America/Denver", "USD"),
    "new-york": ("New York City", "245 West 29th Street, 8th Floor", "New York", "NY", "10001", "US", "America/New_York", "USD"),
    "san-francisco": ("San Francisco", "535 Mission Street", "San Francisco", "CA", "94105", "US", "America/Los_Angeles", "USD"),
    "austin": ("Austin", "500 West 2nd Street", "Austin", "TX", "78701", "US", "America/Chicago", "USD"),
    "toronto": ("Toronto", "100 King Street West", "Toronto", "ON", "M5X 1A9", "CA", "America/Toronto", "CAD"),
    "singapore": ("Singapore", "8 Marina View", "Singapore", None, "018960", "SG", "Asia/Singapore", "SGD"),
}  # fmt: skip

DEPARTMENTS = {
    "Engineering": ("engineering", "ENG", "We build and run the platform, from the APIs and data pipelines to the apps people use every day."),
    "Product & Design": ("product-design", "PD", "Product managers, designers and researchers who decide what we build next and make it simple to use."),
    "Data": ("data", "DAT", "Data engineers, analysts and scientists who turn what our customers do into decisions."),
    "Customer Success": ("customer-success", "CS", "Support, onboarding and solutions engineering: the people our customers talk to when they need help."),
    "Sales": ("sales", "SAL", "Account executives and sales engineers who find the companies we can help and earn their trust."),
    "Marketing": ("marketing", "MKT", "Writers, designers and analysts who tell the world what we do, plainly and without hype."),
    "People & Operations": ("people-operations", "OPS", "Hiring, offices, IT and everything else that lets the rest of the company do its best work."),
    "Finance": ("finance", "FIN", "Accounting, payroll and planning: we keep the numbers right and the bills paid."),
}  # fmt: skip

# department -> roles: (title, yearly pay floor in thousands of the local unit, skills)
ROLES = {
    "Engineering": [
        ("Backend Developer", 60, ["Python", "PostgreSQL", "REST APIs", "Kubernetes"]),
        ("Frontend Developer", 55, ["TypeScript", "React", "CSS", "accessibility"]),
        ("Mobile Developer", 60, ["Kotlin", "Swift", "offline sync", "app store releases"]),
        ("Site Reliability Engineer", 70, ["Terraform", "Prometheus", "incident response", "Linux"]),
        ("Security Engineer", 75, ["threat modelling", "OAuth", "penetration testing", "cloud IAM"]),
        ("Engineering Manager", 90, ["coaching", "hiring", "roadmaps", "delivery"]),
        ("QA Engineer", 50, ["test automation", "Playwright", "exploratory testing", "CI"]),
    ],
    "Product & Design": [
        ("Product Designer", 55, ["Figma", "user research", "prototyping", "design systems"]),
        ("Product Manager", 70, ["discovery", "roadmaps", "analytics", "writing"]),
        ("UX Researcher", 55, ["interviews", "usability testing", "survey design", "synthesis"]),
        ("Content Designer", 50, ["plain language", "microcopy", "localisation", "style guides"]),
    ],
    "Data": [
        ("Data Engineer", 65, ["SQL", "dbt", "Airflow", "data modelling"]),
        ("Data Analyst", 50, ["SQL", "dashboards", "statistics", "storytelling"]),
        ("Machine Learning Engineer", 80, ["forecasting", "Python", "feature stores", "MLOps"]),
    ],
    "Customer Success": [
        ("Customer Support Specialist", 35, ["written communication", "troubleshooting", "patience", "help centre articles"]),
        ("Solutions Engineer", 70, ["integrations", "REST APIs", "workshops", "SSO"]),
        ("Customer Success Manager", 55, ["onboarding", "renewals", "account planning", "training"]),
        ("Implementation Consultant", 55, ["project management", "data migration", "workshops", "configuration"]),
    ],
    "Sales": [
        ("Account Executive", 60, ["discovery calls", "negotiation", "CRM hygiene", "forecasting"]),
        ("Sales Development Representative", 40, ["prospecting", "cold outreach", "qualification", "research"]),
        ("Sales Engineer", 70, ["demos", "technical discovery", "proofs of concept", "security reviews"]),
    ],
    "Marketing": [
        ("Content Marketing Manager", 55, ["writing", "editing", "SEO", "customer stories"]),
        ("Product Marketing Manager", 65, ["positioning", "launches", "sales enablement", "research"]),
        ("Marketing Operations Specialist", 50, ["marketing automation", "reporting", "CRM", "attribution"]),
    ],
    "People & Operations": [
        ("Recruiter", 50, ["sourcing", "structured interviews", "candidate experience", "offers"]),
        ("Office Manager", 40, ["vendors", "events", "facilities", "budgets"]),
        ("IT Support Engineer", 45, ["device management", "identity", "onboarding", "networking"]),
        ("People Partner", 60, ["employee relations", "performance", "policy", "coaching"]),
    ],
    "Finance": [
        ("Accountant", 50, ["month-end close", "reconciliations", "VAT", "audits"]),
        ("Payroll Specialist", 45, ["payroll", "benefits", "compliance", "reporting"]),
        ("Financial Analyst", 60, ["forecasting", "budgeting", "modelling", "SQL"]),
    ],
}  # fmt: skip

TEAMS = ["Payments", "Scheduling", "Platform", "Reporting", "Integrations", "Mobile", "Onboarding",
         "Billing", "Search", "Growth", "Identity", "Time Tracking", "Rota Planning", "Analytics",
         "Enterprise", "Healthcare", "Logistics", "Retail", "Public Sector", "Core"]  # fmt: skip
LEVELS = ["", "", "", "Junior ", "Senior ", "Senior ", "Staff ", "Lead ", "Principal "]
LEVEL_FACTOR = {"": 1.0, "Junior ": 0.75, "Senior ": 1.3, "Staff ": 1.6, "Lead ": 1.5,
                "Principal ": 1.8}  # fmt: skip
CURRENCY_FACTOR = {"EUR": 1.0, "GBP": 0.9, "USD": 1.6, "CAD": 1.5, "PLN": 2.2, "SGD": 1.6}
REMOTE_AREAS = [
    (["DE", "AT", "NL"], "EUR"),
    (["PT", "ES"], "EUR"),
    (["GB", "IE"], "GBP"),
    (["US-CO", "US-NY", "US-CA", "US-WA"], "USD"),
    (["US"], "USD"),
    (["CA"], "CAD"),
    (["PL", "CZ"], "PLN"),
]
# The values HR really writes, all of which Openings reads (normalize.py's vocabularies).
FULL_TIME = ["Full-time", "full time", "FULL_TIME", "Permanent", "Full Time", "fulltime"]
EDUCATION = ["bachelor degree", "Bachelor's", "BSc", "master's degree", "high school",
             "professional certificate", "associate degree"]  # fmt: skip
YEARLY = ["YEAR", "year", "annual", "per annum", "yearly"]
TAG_WORDS = ["remote-friendly", "visa-sponsorship", "relocation", "four-day-week", "mentoring",
             "on-call", "travel", "german", "english", "spanish", "python", "typescript",
             "leadership", "graduate", "b2b", "saas", "healthcare", "logistics"]  # fmt: skip

# --- body text --------------------------------------------------------------------------------

CUSTOMERS = ["hospital groups", "logistics firms", "retail chains", "care services", "city councils",
             "universities", "airlines", "manufacturers", "restaurant groups", "banks"]  # fmt: skip
PRODUCTS = ["the scheduling platform", "the mobile app", "the reporting suite", "the public API",
            "the payroll integration", "the planning engine", "the admin console"]  # fmt: skip
INTRO = [
    "We are looking for a {role} to join our {team} team in {place}.",
    "Every day, {customers} use {product} to plan the work of thousands of people, and as our new {role} you will help them do it better.",
    "Our {team} team is growing, and we need a {role} who enjoys {skill} as much as we do.",
    "This is a role for someone who likes hard problems, clear writing and colleagues who answer questions kindly.",
    "You don't need to tick every box below; if most of it sounds like you, we'd like to hear from you.",
    "The {team} team is small, so your work will be visible from the first week and you will see its effect on {customers}.",
]
SENTENCES = [
    "You will work closely with {other} and share what you learn in short written notes.",
    "Most of our decisions are written down first, so people in every time zone can take part.",
    "We ship small changes often and measure whether they helped before we build the next one.",
    "In your first month you will pair with a colleague, meet {customers} and ship something real.",
    "We care about {skill}, and we give people the time to get good at it.",
    "The team plans in six-week cycles with a week of cool-down for fixes, ideas and learning.",
    "You will own {product} together with two or three colleagues, from the first sketch to production.",
    "Our customers rely on us during their busiest hours, so reliability matters more to us than novelty.",
    "We review each other's work with care and without ego, and we expect the same from you.",
    "Good documentation is part of the work here, not something we'll leave for later.",
    "You will have a budget for books, courses and one conference a year of your choosing.",
    "Many of our best ideas started as a question from someone new, so don't hesitate to ask.",
    "We measure ourselves by outcomes for {customers}, not by hours spent at a desk.",
    "You will help us decide what to build next, using what {customers} tell us and what the data shows.",
    "We would rather do fewer things well than many things badly, and we say no when we must.",
    "Expect a mix of focused work, a few meetings a week and time to think - we're serious about the last part.",
]
DUTIES = [
    "Design, build and maintain {product} with a focus on {skill}.",
    "Talk to {customers} every month to understand how they really work.",
    "Write clear proposals and review the proposals of your colleagues.",
    "Improve our practices around {skill} and teach them to others.",
    "Measure what you ship and share the results, good or bad.",
    "Work with {other} to plan releases and remove what slows the team down.",
    "Keep our documentation accurate and useful for the next person.",
    "Take part in a fair on-call or support rotation, with time off in return.",
    "Help us hire: take part in interviews and welcome new colleagues.",
    "Turn vague requests into small, testable steps.",
]
NEEDS = [
    "Experience with {skill}, gained at work or on your own projects.",
    "Clear written English; {language} is a plus.",
    "A habit of asking why before asking how.",
    "Comfort with working in a small team that owns its results.",
    "At least {years} years in a similar role, or equivalent experience.",
    "Care for the people who will use what you build.",
    "The patience to explain technical things to people who are not technical.",
    "Curiosity about how {customers} work.",
]
OFFERS = [
    "**{days} days of paid holiday** a year, plus public holidays.",
    "A learning budget of **{budget}** a year.",
    "Parental leave well beyond the legal minimum, for every parent.",
    "A laptop of your choice and a budget for your home office.",
    "Flexible hours within a core window of four hours.",
    "A yearly company meeting, and team offsites twice a year.",
    "Health insurance and a pension plan with employer contributions.",
    "A public transport pass or a bike lease.",
]
INTERVIEW = [
    ("Introductory call", "30 minutes", "who we are, what you are looking for"),
    ("Work sample", "2 hours, at home", "a small task close to the real work"),
    ("Team interview", "60 minutes", "your work sample and how you like to work"),
    ("Meet the lead", "45 minutes", "expectations, growth and your questions"),
]
LANGUAGES = ["German", "Spanish", "Portuguese", "French", "Dutch", "Polish"]


@dataclass(frozen=True)
class Posting:
    name: str  # file name without .md
    front: list[tuple[str, str]]  # (key, YAML value as written), in order
    body: str


def _words(text: str) -> int:
    return len(re.findall(r"\w+", text))


class _Board:
    """All random choices of one board, in one fixed order."""

    def __init__(self, seed: int):
        self.rng = random.Random(seed)
        self.titles: set[tuple[str, tuple]] = set()

    def pick(self, items):
        return items[self.rng.randrange(len(items))]

    def fill(self, template: str, slots: dict) -> str:
        return template.format(**slots)

    def body(self, role: str, team: str, place: str, skills: list[str], currency: str) -> str:
        rng = self.rng
        target = rng.randint(400, 1500)

        def slots() -> dict:
            return {
                "role": role, "team": team, "place": place, "skill": self.pick(skills),
                "customers": self.pick(CUSTOMERS), "product": self.pick(PRODUCTS),
                "other": self.pick(["designers", "product managers", "engineers",
                                    "the support team", "our data team", "sales"]),
                "language": self.pick(LANGUAGES), "years": rng.randint(1, 6),
                "days": rng.choice([26, 28, 30]),
                "budget": f"{rng.choice([1000, 1500, 2000])} {currency}",
            }  # fmt: skip

        def paragraph(pool, count) -> str:
            return " ".join(self.fill(item, slots()) for item in rng.sample(pool, count))

        def bullets(pool, count) -> str:
            chosen = rng.sample(pool, min(count, len(pool)))
            return "\n".join(f"- {self.fill(item, slots())}" for item in chosen)

        parts = [
            paragraph(INTRO, 3),
            paragraph(SENTENCES, 4),
            "## What you will do",
            bullets(DUTIES, rng.randint(4, 7)),
            "## What you bring",
            bullets(NEEDS, rng.randint(4, 6)),
            "## What we offer",
            bullets(OFFERS, rng.randint(4, 7)),
        ]
        if rng.random() < 0.5:
            rows = "\n".join(f"| {a} | {b} | {c} |" for a, b, c in INTERVIEW)
            parts += ["## How we hire", "| Step | Length | What |\n|---|---|---|\n" + rows]
        # more about the team until the body reaches its length
        extra_titles = ["## About the team", "## How we work", "## Your first months",
                        "## Why this role matters"]  # fmt: skip
        insert_at = 2
        while _words("\n\n".join(parts)) < target:
            if rng.random() < 0.25 and extra_titles:
                parts.insert(insert_at, extra_titles.pop(0))
                insert_at += 1
            parts.insert(insert_at, paragraph(SENTENCES, rng.randint(3, 6)))
            insert_at += 1
        parts.append(
            "Questions before you apply? Read about [our hiring process](/hiring-process/) "
            "or write to us; a person, not a robot, will answer."
        )
        return "\n\n".join(parts) + "\n"

    def title(self, job: str, where: tuple) -> str:
        """The job and its team: two open postings with one title at one place are duplicates."""
        for _ in range(len(TEAMS)):
            title = f"{job}, {self.pick(TEAMS)}"
            if (title, where) not in self.titles:
                break
        else:  # every team taken at this place: two teams share the role
            title = f"{job}, {self.pick(TEAMS)} and {self.pick(TEAMS)}"
        self.titles.add((title, where))
        return title

    def posting(self, index: int) -> Posting:
        rng = self.rng
        department = self.pick(list(DEPARTMENTS))
        slug_base, code, _ = DEPARTMENTS[department]
        role, floor, skills = self.pick(ROLES[department])
        level = self.pick(LEVELS) if "Manager" not in role else ""
        roll = rng.random()
        workplace = "remote" if roll < 0.25 else "hybrid" if roll < 0.65 else "onsite"
        front: list[tuple[str, str]] = []

        posted = TODAY - dt.timedelta(days=rng.randint(0, 120))
        lifecycle = rng.random()
        status = "open"
        if lifecycle < 0.03:
            status = "draft"
        elif lifecycle < 0.05:
            status = "closed"
        elif lifecycle < 0.08:  # scheduled: goes live after today
            posted = TODAY + dt.timedelta(days=rng.randint(1, 40))
        until = max(posted, TODAY) + dt.timedelta(days=rng.randint(14, 120))
        if 0.08 <= lifecycle < 0.10:  # expired: closed by the lifecycle, not by HR
            posted = TODAY - dt.timedelta(days=rng.randint(60, 120))
            until = TODAY - dt.timedelta(days=rng.randint(1, 30))
        front += [("date_posted", posted.isoformat()), ("valid_through", until.isoformat())]
        front.append(("status", status))
        front.append(("department", _quoted(department)))

        if workplace == "remote":
            areas, currency = self.pick(REMOTE_AREAS)
            place = "a remote team"
            front.append(("workplace", self.pick(["remote", "fully remote", "Remote"])))
            front.append(("remote_countries", "[" + ", ".join(areas) + "]"))
        else:
            offices = rng.sample(list(OFFICES), rng.choice([1, 1, 1, 2]))
            currency = OFFICES[offices[0]][7]
            place = OFFICES[offices[0]][2]
            front.append(("workplace", workplace if rng.random() < 0.8 else "on-site"))
            if rng.random() < 0.1:  # an address written in the posting instead of an office key
                office = OFFICES[offices[0]]
                lines = [f'street: "{office[1]}"', f'locality: "{office[2]}"',
                         f'postal_code: "{office[4]}"', f"country: {office[5]}"]  # fmt: skip
                front.append(("locations", "\n  - " + "\n    ".join(lines)))
                offices = offices[:1]
            else:
                front.append(("locations", "[" + ", ".join(offices) + "]"))

        where = tuple(areas) if workplace == "remote" else tuple(sorted(offices))
        title = self.title(f"{level}{role}", where)
        front.insert(0, ("title", _quoted(title)))

        student = level == "Junior " and rng.random() < 0.3
        if student:
            front.append(("employment_type", self.pick(["Internship", "Werkstudent", "intern"])))
        elif rng.random() < 0.1:
            front.append(("employment_type", "[Full-time, contract]"))
        else:
            front.append(("employment_type", self.pick(FULL_TIME)))

        yearly = floor * LEVEL_FACTOR[level] * CURRENCY_FACTOR[currency] * 1000
        low = int(round(yearly * rng.uniform(0.9, 1.1), -3))
        high = int(round(low * rng.uniform(1.15, 1.35), -3))
        if student:
            pay = _block(min=rng.randint(14, 18), max=rng.randint(19, 24), currency=currency,
                         per="hourly")  # fmt: skip
        elif rng.random() < 0.1:
            pay = f"{{value: {low}, currency: {currency}, per: {self.pick(YEARLY)}}}"
        else:
            pay = _block(min=low, max=high, currency=currency, per=self.pick(YEARLY))
        front.append(("salary", pay))

        req_id = f"{code}-{index + 1000}"
        if rng.random() < 0.7:
            front.append(("apply_url", f"https://fernhill.example/apply/{req_id.lower()}"))
            front.append(("direct_apply", self.pick(["true", "false"])))
        else:
            front.append(("apply_email", "jobs@fernhill.example"))
        front.append(("req_id", req_id))
        if rng.random() < 0.1:
            organization = _block(name="Fernhill Health", url="https://health.fernhill.example",
                                  logo="https://health.fernhill.example/logo.png")  # fmt: skip
            front.append(("hiring_organization", organization))
        education = self.pick(EDUCATION)
        front.append(("education", education))
        months = rng.choice([0, 12, 24, 36, 48, 60, 96])
        front.append(("experience_months", str(months)))
        if months and rng.random() < 0.3:
            front.append(("experience_in_place_of_education", "true"))
        front.append(("openings", str(rng.choice([1, 1, 1, 2, 3]))))
        if rng.random() < 0.5:
            front.append(("start_date", (until + dt.timedelta(days=30)).isoformat()))
        front.append(
            ("summary", _quoted(f"Join our {department} team as {title} and help "
                                f"{self.pick(CUSTOMERS)} plan their work with {self.pick(PRODUCTS)}."))
        )  # fmt: skip
        if rng.random() < 0.05:
            front.append(("lang", "en-GB"))
        front.append(("tags", "[" + ", ".join(rng.sample(TAG_WORDS, rng.randint(1, 4))) + "]"))
        if rng.random() < 0.1:
            front.append(("modified", (posted + dt.timedelta(days=rng.randint(0, 10))).isoformat()))
        body = self.body(role, department, place, skills, currency)
        if rng.random() < 0.5:  # pasted from a word processor: typographic punctuation
            body = body.replace("'", "\u2019").replace(" - ", " \u2013 ")
        name = f"{slug_base}-{re.sub(r'[^a-z0-9]+', '-', role.lower()).strip('-')}-{index:05d}"
        return Posting(name, front, body)


def _block(**values) -> str:
    """A nested YAML mapping, one `key: value` line each, indented under its field."""
    return "".join(f"\n  {key}: {value}" for key, value in values.items())


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


PLAIN_KEYS = {"date_posted": "date", "department": "category"}
PLAIN_STATUS = {"open": None, "closed": "hidden", "draft": "draft"}


def render(posting: Posting, form: str) -> str:
    """The file's text: YAML front matter between --- lines, then the Markdown body."""
    lines = ["---"]
    for name, written in posting.front:
        key, value = name, written
        if form == "plain":
            key = PLAIN_KEYS.get(name, name)
            value = PLAIN_STATUS[written] if name == "status" else written
            if value is None:
                continue
        lines.append(f"{key}:{value}" if value.startswith("\n") else f"{key}: {value}")
    if form == "plain":  # Openings takes the slug from the file name; Pelican, from the title
        lines.append(f"slug: {posting.name}")
    lines += ["---", "", posting.body]
    return "\n".join(lines)


def offices_yml() -> str:
    out = ["# Generated by bench/postings.py: the benchmark's offices."]
    for key, (name, street, locality, region, postal, country, tz, _) in OFFICES.items():
        out += [f"{key}:", f'  name: "{name}"', f'  street: "{street}"',
                f'  locality: "{locality}"']  # fmt: skip
        if region:
            out.append(f'  region: "{region}"')
        out += [f'  postal_code: "{postal}"', f'  country: "{country}"', f"  timezone: {tz}"]
    return "\n".join(out) + "\n"


def departments_yml() -> str:
    out = ["# Generated by bench/postings.py: the benchmark's departments."]
    for name, (slug, _, blurb) in DEPARTMENTS.items():
        out += [f'- name: "{name}"', f"  slug: {slug}", f'  blurb: "{blurb}"']
    return "\n".join(out) + "\n"


def generate(content: Path, count: int, seed: int = DEFAULT_SEED, form: str = "openings") -> int:
    """Write `count` postings, the data files and the company pages under `content`.

    Returns the number of posting files written. The folder is emptied first, so a smaller
    board never keeps files of a bigger one.
    """
    if form not in FORMS:
        raise ValueError(f"form must be one of {FORMS}, not {form!r}")
    if content.exists():
        shutil.rmtree(content)
    jobs = content / "jobs"
    jobs.mkdir(parents=True)
    board = _Board(seed)
    for index in range(count):
        posting = board.posting(index)
        (jobs / f"{posting.name}.md").write_text(render(posting, form), encoding="utf-8")
    data = content / "data"
    data.mkdir()
    (data / "offices.yml").write_text(offices_yml(), encoding="utf-8")
    (data / "departments.yml").write_text(departments_yml(), encoding="utf-8")
    # the project's own pay-transparency rules: every generated posting must satisfy them
    shutil.copyfile(
        ROOT / "content" / "data" / "pay_transparency.yml", data / "pay_transparency.yml"
    )
    shutil.copytree(ROOT / "content" / "pages", content / "pages")
    return count
