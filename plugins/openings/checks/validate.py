"""A posting's raw front matter -> a frozen JobPosting and every problem found, in one pass.

Pure: no Pelican objects. Every field's type is checked explicitly (YAML 1.1 guesses), synonyms
people type are normalised, and each message says what to write instead.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal
from urllib.parse import urlsplit

from babel import Locale, UnknownLocaleError

from ..core import rules, zones
from ..core.model import (
    EMPLOYMENT_TYPES,
    SALARY_PERIODS,
    Address,
    Area,
    JobPosting,
    Organization,
    Salary,
)
from ..core.problems import ProblemList
from ..core.text import clean_line, slugify, truncate
from ..reading import limits, paste
from ..reading.frontmatter import Document, Field
from ..reading.sanitize import plain_text_of_clean
from . import (
    applylinks,
    currencies,
    dates,
    figures,
    geo,
    hygiene,
    langtag,
    normalize,
    paysanity,
    regions,
    salarytext,
    summaries,
)
from .data import Department, parse_address
from .fields import ALIASES, FIELDS, RESERVED
from .langtag import BCP47

# One plain address: no ?, &, % or commas (they add recipients or headers to the mailto: link)
EMAIL = re.compile(
    r"^(?!\.)(?!.*\.\.)[A-Za-z0-9._+'-]+(?<!\.)@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$"
)
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Beyond these, a figure is a typo or an attack (Babel cannot format 10**30 with its precision).
MAX_PAY = 10**12
MAX_COUNT = 1_000_000
HUGE_EXPONENT = re.compile(r"[eE][+-]?\d{3,}")
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# Lists whose length JOBPOSTING_MAX_LIST_ITEMS bounds: each entry costs a lookup and a line.
LIMITED_LISTS = ("locations", "remote_countries", "tags")
ISO_SHAPED_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}(?:[T ].*)?$")
SUMMARY_LIMIT = 300
LOWER_GROWTH = 3  # len(c.lower()) <= 3 * len(c) for every character (tested)
TITLE_LIMIT = 120
SALARY_KEYS = {"min": "min", "max": "max", "value": "value", "currency": "currency", "per": "per",
               "minimum": "min", "from": "min", "maximum": "max", "to": "max", "amount": "value",
               "period": "per", "unit": "per", "interval": "per", "unittext": "per"}  # fmt: skip
ORGANIZATION_KEYS = ("name", "url", "logo", "same_as")
# salary keys people write, and the ones we use
SALARY_HINTS = {"low": "min", "lower": "min", "from": "min", "high": "max", "upper": "max",
                "up_to": "max", "rate": "value", "base": "value", "amount": "value",
                "frequency": "per", "cadence": "per", "unit_text": "per", "money": "currency"}  # fmt: skip
# the posting field a reserved Pelican key stands for, when there is one
RESERVED_INSTEAD = {"url": "apply_url", "category": "department", "date": "date_posted"}


@dataclass(frozen=True)
class Context:
    """What validation needs besides the file: settings, data files and "today"."""

    timezone: dt.tzinfo
    today: dt.date
    organization: Organization | None = None
    apply_url: str | None = None
    apply_email: str | None = None
    offices: dict[str, Address] = field(default_factory=dict)
    departments: tuple[Department, ...] = ()
    default_lang: str = "en"
    limits: limits.Limits = field(default_factory=limits.Limits)  # JOBPOSTING_MAX_*


def validate(doc: Document, path: str, slug: str, body_html: str, ctx: Context):
    """Return (JobPosting or None, ProblemList). None when any error was found."""
    found = ProblemList(path)
    if doc.errors or not doc.has_front_matter:
        # the front matter could not be read (or is missing): its own error says why; a list of
        # every field as "required" on top would bury it
        return None, found
    checker = _Checker(doc, found, ctx)
    posting = checker.run(slug, body_html)
    found.extend(paste.title_problems(doc.fields.get("title"), path))
    found.extend(paste.body_problems(doc.body, doc.body_line, path))
    found.extend(applylinks.problems(doc, path))
    if posting is not None and posting.salary is not None:
        found.extend(paysanity.problems(posting.salary, _salary_lines(doc), path))
    if posting is not None:
        found.extend(hygiene.title_problems(posting, checker.line("title")))
    return (None if found.has_errors else posting), found


def _salary_lines(doc: Document) -> dict[str, int]:
    """The line of each part of a salary written as fields (min, max, value, per)."""
    salary = doc.fields.get("salary")
    if salary is None or not salary.is_mapping:
        return {}
    parts = {SALARY_KEYS.get(k.lower().replace("_", "")): f.line for k, f in salary.value.items()}
    return {k: line for k, line in parts.items() if k} | {"salary": salary.line}


REMOTE_WORDS = re.compile(r"\b(remote|telecommute|anywhere|home|wfh)\b", re.IGNORECASE)


def _area_codes_in(text: str) -> list[str]:
    """ISO codes named in free text such as "Remote (US)" or "Remote - EU only", for hints."""
    codes = []
    for word in re.findall(r"[^\W\d_]+", text):
        group = regions.lookup(word)  # "EU", "DACH": remote_countries takes the group itself
        if group is not None and group.code not in codes:
            codes.append(group.code)
    if codes:
        return codes
    for word in re.findall(r"\b[A-Z]{2}\b", text):
        normal = geo.area(word)
        code = normal.value or (
            normal.suggestion if normal.suggestion and " " not in normal.suggestion else None
        )
        if code and code not in codes:
            codes.append(code)
    return codes


def _apply_url_trick(url: str) -> str | None:
    """Addresses that look like one site and lead to another (phishing), in plain words."""
    host = urlsplit(url).netloc
    if "@" in host:
        return (
            f"{_quote(url)} has a name and @ before the site's address, which hides where the "
            "link really goes; write the address without it"
        )
    if not host.isascii():
        try:
            ascii_host = host.encode("idna").decode("ascii")
        except UnicodeError:
            ascii_host = "the xn-- form"
        return (
            f"{_quote(url)} has non-Latin letters in the site's name, which can imitate another "
            f"site; write it as {ascii_host}"
        )
    return None


def _is_calendar_day(text: str) -> bool:
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return True


def _quote(value) -> str:
    text = str(value)
    return f'"{text}"'


def _did_you_mean(suggestion: str | None) -> str:
    if not suggestion:
        return ""
    if " " in suggestion and not suggestion.islower():
        # advice such as "a list of the countries applicants may live in, e.g. US, GB"
        return f"; write {suggestion}"
    return f" (did you mean {suggestion}?)"


class _Checker:
    def __init__(self, doc: Document, found: ProblemList, ctx: Context):
        self.doc = doc
        self.fields = doc.fields
        self.found = found
        self.ctx = ctx
        # fields written under another name (Title, deparment, location): already reported as
        # unknown with the right name, so not reported again as missing
        self.misnamed: set[str] = set()
        self.remote_regions: list[str] = []  # groups named in remote_countries, e.g. "EU"

    # --- the whole posting ---
    def run(self, slug: str, body_html: str) -> JobPosting | None:
        self.check_names()
        title = self.title()
        self.description(body_html, title)
        date_posted = self.date("date_posted", required=True)
        status = (
            self.choice("status", normalize.status, "draft, open or closed", rules.STATUS) or "open"
        )
        employment = self.employment_types()
        department = self.department()
        workplace = (
            self.choice(
                "workplace", normalize.workplace, "onsite, hybrid or remote", rules.WORKPLACE
            )
            or "onsite"
        )
        locations = self.locations(workplace)
        valid_through = self.valid_through(date_posted, locations)
        areas = self.remote_areas(workplace)
        salary = self.salary()
        apply_url, apply_email = self.apply()
        direct_apply = self.boolean("direct_apply")
        req_id = self.text("req_id")
        organization = self.organization()
        education = self.choice(
            "education",
            normalize.education,
            "high school, associate degree, bachelor degree, professional certificate or "
            "postgraduate degree, or leave the field out when no degree is needed",
            rules.EDUCATION,
            noun="education level",
        )
        experience = self.whole_number("experience_months", minimum=0, unit_hint=True)
        in_place = self.boolean("experience_in_place_of_education") or False
        if in_place and (education is None or experience is None):
            self.found.error(
                self.line("experience_in_place_of_education"),
                "experience_in_place_of_education",
                "needs both education and experience_months; add them or remove this field",
                rules.EXPERIENCE_IN_PLACE,
            )
        openings = self.whole_number("openings", minimum=1)
        start_date = self.date("start_date")
        modified = self.date("modified")
        summary = self.summary(body_html)
        lang = self.lang()
        tags = self.tags()
        slug = self.slug(slug)
        self.recommended(valid_through, employment, salary, req_id, locations)
        if self.found.has_errors:
            return None
        return JobPosting(
            source_path=self.found.path, slug=slug, title=title, lang=lang, status=status,
            date_posted=date_posted, department=department, body_html=body_html,
            organization=organization, valid_through=valid_through,
            employment_types=employment, workplace=workplace, locations=locations,
            remote_areas=areas, remote_regions=tuple(self.remote_regions), salary=salary,
            apply_url=apply_url, apply_email=apply_email,
            direct_apply=direct_apply, req_id=req_id, education=education,
            experience_months=experience, experience_in_place_of_education=in_place,
            openings=openings, start_date=start_date, summary=summary, tags=tags,
            modified=modified,
        )  # fmt: skip

    def line(self, name: str) -> int | None:
        field_ = self.fields.get(name)
        return field_.line if field_ else None

    def check_names(self) -> None:
        for name, lines in self.doc.duplicates.items():
            shown = " and ".join(str(n) for n in lines)
            self.found.error(
                lines[-1],
                name,
                f"is written {len(lines)} times (lines {shown}); keep one",
                rules.DUPLICATE_FIELD,
            )
        for name, value in self.fields.items():
            if name in FIELDS:
                continue
            lowered = name.lower().replace("-", "_").replace(" ", "_")
            target = (
                lowered
                if lowered in FIELDS
                else RESERVED_INSTEAD.get(lowered)
                or ALIASES.get(lowered, ALIASES.get(lowered.replace("_", "")))
                or normalize.suggest(lowered, FIELDS)
            )
            if target:
                self.misnamed.add(target)
            if lowered in RESERVED:
                self.found.error(
                    value.line,
                    name,
                    f"is reserved for the page itself; {RESERVED[lowered]}",
                    rules.RESERVED_FIELD,
                )
            elif lowered in FIELDS:
                self.found.error(
                    value.line, name, f"unknown field; write it as {lowered}", rules.UNKNOWN_FIELD
                )
            elif lowered in ALIASES or lowered.replace("_", "") in ALIASES:
                target = ALIASES.get(lowered, ALIASES.get(lowered.replace("_", "")))
                if target is None:
                    self.found.error(
                        value.line,
                        name,
                        "unknown field; the description is the text below the front matter, not a field",
                        rules.UNKNOWN_FIELD,
                    )
                else:
                    self.found.error(
                        value.line,
                        name,
                        f"unknown field; did you mean {target}?",
                        rules.UNKNOWN_FIELD,
                    )
            elif lowered.startswith("imported_"):
                self.found.error(
                    value.line,
                    name,
                    "was left by openings import because it could not be mapped: see the TODO "
                    "comment above it, move the value into the right field, then delete this line",
                    rules.UNKNOWN_FIELD,
                )
            else:
                close = normalize.suggest(lowered, FIELDS)
                self.found.error(
                    value.line,
                    name,
                    f"unknown field{'; did you mean ' + close + '?' if close else ''} (docs/hr-guide.md lists every field)",
                    rules.UNKNOWN_FIELD,
                )

    # --- typed getters ---
    def text(self, name: str, required: bool = False, rule: str = rules.WRONG_TYPE) -> str | None:
        value = self.fields.get(name)
        if value is None or (
            value.is_scalar and (value.value is None or str(value.text).strip() == "")
        ):
            if required and name not in self.misnamed:
                self.found.error(value.line if value else None, name, "is required", rules.REQUIRED)
            return None
        if not value.is_scalar:
            kind = "a list" if value.is_list else "a group of fields"
            self.found.error(value.line, name, f"should be text, not {kind}", rule)
            return None
        # the text as written: `req_id: 0123` stays 0123, `title: Yes` stays Yes
        text = clean_line(str(value.text))
        if CONTROL_CHARACTERS.search(text):
            # "\0" or "\e" escapes in quotes: invisible, and they break feeds and terminals
            self.found.warning(
                value.line,
                name,
                "contains invisible control characters (written as \\0, \\e, \\x.. in quotes); "
                "they were left out: delete them",
                rules.INVISIBLE_CHARACTER,
            )
            text = clean_line(CONTROL_CHARACTERS.sub("", text))
        return text or None

    def title(self) -> str:
        title = self.text("title", required=True)
        if title and len(title) > TITLE_LIMIT:
            self.found.error(
                self.line("title"),
                "title",
                f"is {len(title)} characters long; write the job title only (at most {TITLE_LIMIT})",
                rules.TITLE,
            )
        return title or ""

    def description(self, body_html: str, title: str) -> str:
        text = plain_text_of_clean(body_html)  # the reader's sanitised HTML
        if not text:
            self.found.error(
                self.doc.body_line,
                None,
                "the description is empty; write the job description below the second --- line",
                rules.DESCRIPTION,
            )
        elif (
            title
            # lowercasing never shortens text and at most triples it: a longer description cannot
            # be the title, and lowering a whole description is a tenth of the checks' time
            and len(text) <= LOWER_GROWTH * len(title)
            and text.strip().lower() == title.strip().lower()
        ):
            self.found.error(
                self.doc.body_line,
                None,
                "the description only repeats the title; describe the job",
                rules.DESCRIPTION,
            )
        return text

    def date(self, name: str, required: bool = False) -> dt.date | None:
        value = self.fields.get(name)
        if value is None or (value.is_scalar and value.value is None):
            if required and name not in self.misnamed:
                self.found.error(
                    value.line if value else None,
                    name,
                    "is required; write a date like 2026-11-28",
                    rules.REQUIRED,
                )
            return None
        if isinstance(value.value, dt.datetime):
            return value.value.date()
        if isinstance(value.value, dt.date):
            return value.value
        if not value.is_scalar:
            self.found.error(
                value.line, name, "should be one date like 2026-11-28", rules.WRONG_TYPE
            )
            return None
        text = clean_line(str(value.text))
        parsed, candidates = dates.parse_date(text)
        if parsed is not None:
            return parsed
        try:  # a date with a time that YAML did not read as one ("2026-11-02 09:30")
            return dt.datetime.fromisoformat(text).date()
        except ValueError:
            pass
        self.found.error(
            value.line, name, self.date_message(text, candidates, required), rules.DATE
        )
        return None

    @staticmethod
    def date_message(text: str, candidates, required: bool = False) -> str:
        if ISO_SHAPED_DATE.match(text) and not _is_calendar_day(text[:10]):
            return f"{_quote(text)} is not a day of the calendar; check the month and the day"
        base = f"{_quote(text)} is not a date in the form YYYY-MM-DD"
        if len(candidates) == 1:
            return f"{base}; write {candidates[0].isoformat()}"
        if candidates:
            readings = " or ".join(f"{c.isoformat()} ({c.day} {c:%B})" for c in candidates)
            return f"{base}; write {readings}"
        if required:
            return f"{base}; write a date like 2026-11-28"
        return f"{base}; write a date like 2026-11-28, or leave the field out"

    def valid_through(
        self, date_posted: dt.date | None, locations: tuple[Address, ...] = ()
    ) -> dt.datetime | None:
        name = "valid_through"
        value = self.fields.get(name)
        if value is None or (value.is_scalar and value.value is None):
            return None
        if not value.is_scalar:
            self.found.error(
                value.line, name, "should be one date like 2027-01-31", rules.WRONG_TYPE
            )
            return None
        raw = value.value
        if isinstance(raw, dt.datetime):
            moment = raw if raw.tzinfo else raw.replace(tzinfo=self.ctx.timezone)
        elif isinstance(raw, dt.date):
            moment = dt.datetime.combine(raw, dt.time(23, 59, 59), self.ctx.timezone)
        else:
            text = clean_line(str(value.text))
            moment, candidates = dates.parse_datetime(text, self.ctx.timezone)
            if moment is None:
                days = [c.date() for c in candidates]
                self.found.error(value.line, name, self.date_message(text, days), rules.DATE)
                return None
        if moment.tzinfo is self.ctx.timezone:
            # no offset written: the day (or time) is the office's, as its applicants read it
            zone = zones.posting_zone(locations, self.ctx.timezone, moment.date())
            moment = moment.replace(tzinfo=zone)
        if date_posted and moment.date() < date_posted:
            self.found.error(
                value.line,
                name,
                f"{moment.date().isoformat()} is before date_posted {date_posted.isoformat()}",
                rules.DATE_ORDER,
            )
        return moment

    def choice(
        self, name: str, normalizer, expected: str, rule: str, noun: str | None = None
    ) -> str | None:
        text = self.text(name)
        if text is None:
            return None
        result = normalizer(text)
        if result.value is None:
            noun = noun or name.replace("_", " ")
            article = "an" if noun[0] in "aeiou" else "a"
            self.found.error(
                self.line(name),
                name,
                f"{_quote(text)} is not {article} {noun}; use {expected}{_did_you_mean(result.suggestion)}",
                rule,
            )
        return result.value

    def items(self, name: str) -> list[Field]:
        """A list field; a single value counts as a list of one."""
        value = self.fields.get(name)
        if value is None or (value.is_scalar and value.value is None):
            return []
        if value.is_list:
            return self.within_limit(name, value) if name in LIMITED_LISTS else value.value
        if (
            value.is_scalar
            and isinstance(value.value, str)
            and "," in value.value
            and name in ("employment_type", "remote_countries", "tags")
        ):
            # "DE, AT" written on one line: read it as the list it means
            return [
                Field(part.strip(), value.line, part.strip(), value.quoted)
                for part in value.value.split(",")
                if part.strip()
            ]
        return [value]

    def within_limit(self, name: str, value: Field) -> list[Field]:
        """The first JOBPOSTING_MAX_LIST_ITEMS entries; more are an error."""
        limit = self.ctx.limits.list_items
        if len(value.value) > limit:
            message = limits.too_many_items(len(value.value), limit)
            self.found.error(value.line, name, message, rules.LIMIT_LIST)
        return value.value[:limit]

    def employment_types(self) -> tuple[str, ...]:
        written = self.fields.get("employment_type")
        if (
            written is not None
            and written.is_scalar
            and isinstance(written.value, str)
            and "," in written.value
        ):
            # "Full time, Part time" is a list; "contract, 6 months" is one type with a note
            text = clean_line(written.text)
            parts = [normalize.employment_type(p.strip()) for p in text.split(",") if p.strip()]
            if any(p.value is None for p in parts):
                return self.employment_type_text(text, written.line)
        result = []
        for item in self.items("employment_type"):
            if not item.is_scalar:
                self.found.error(
                    item.line,
                    "employment_type",
                    "should be a type like FULL_TIME, or a list of them",
                    rules.WRONG_TYPE,
                )
                continue
            text = clean_line(str(item.text))
            normal = normalize.employment_type(text)
            if normal.value is None:
                self.found.error(
                    item.line,
                    "employment_type",
                    f"{_quote(text)} is not an employment type; use one of {', '.join(EMPLOYMENT_TYPES)}{_did_you_mean(normal.suggestion)}",
                    rules.EMPLOYMENT_TYPE,
                )
            elif normal.value not in result:
                result.append(normal.value)
        return tuple(result)

    def employment_type_text(self, text: str, line: int) -> tuple[str, ...]:
        normal = normalize.employment_type(text)
        if normal.value is not None:
            return (normal.value,)
        note = (
            "; the length of a contract belongs in the description"
            if re.search(r"\d", text)
            else ""
        )
        self.found.error(
            line,
            "employment_type",
            f"{_quote(text)} is not an employment type; use one of {', '.join(EMPLOYMENT_TYPES)}{_did_you_mean(normal.suggestion)}{note}",
            rules.EMPLOYMENT_TYPE,
        )
        return ()

    def department(self) -> str:
        name = self.text("department", required=True)
        if not name:
            return ""
        known = self.ctx.departments
        if not known:
            return name
        for department in known:
            if name.lower() in (department.name.lower(), department.slug):
                return department.name
        names = [d.name for d in known]
        close = normalize.suggest(name, names)
        self.found.error(
            self.line("department"),
            "department",
            f"{_quote(name)} is not in content/data/departments.yml; use one of {', '.join(names)}{_did_you_mean(close)}",
            rules.DEPARTMENT,
        )
        return name

    def locations(self, workplace: str) -> tuple[Address, ...]:
        items = self.items("locations")
        if not items:
            if workplace != "remote" and "locations" not in self.misnamed:
                self.found.error(
                    self.line("locations"),
                    "locations",
                    "is required: list office keys from content/data/offices.yml (or addresses), or set workplace: remote",
                    rules.REQUIRED,
                )
            return ()
        result = []
        for item in items:
            if item.is_mapping:
                address = parse_address(item, self.found, "locations")
                if address is not None:
                    missing = [
                        n for n in ("street", "locality", "postal_code") if not getattr(address, n)
                    ]
                    if missing:
                        words = " or ".join(n.replace("_", " ") for n in missing)
                        self.found.warning(
                            item.line,
                            "locations",
                            f"the address has no {words}; Google recommends a full address",
                            rules.ADDRESS_INCOMPLETE,
                        )
                    result.append(address)
            elif item.is_scalar and item.value is not None:
                office = self.office(clean_line(str(item.text)), item.line)
                if office is not None:
                    result.append(office)
            else:
                self.found.error(
                    item.line,
                    "locations",
                    "each location is an office key or an address; write one office key per "
                    "line (- berlin), or an address with street, locality, postal_code and country",
                    rules.LOCATION,
                )
        return tuple(result)

    def office(self, text: str, line: int) -> Address | None:
        offices = self.ctx.offices
        key = text.lower()
        if key in offices:
            return offices[key]
        for office in offices.values():
            if key in ((office.name or "").lower(), (office.locality or "").lower()):
                return office
        if REMOTE_WORDS.search(key):
            codes = _area_codes_in(text)
            where = f"[{', '.join(codes)}]" if codes else "[US, GB, DE]"
            self.found.error(
                line,
                "locations",
                f"{_quote(text)} is not an office key; for a job done 100% remotely write "
                f"workplace: remote and remote_countries: {where} (where applicants may live) "
                "instead; for a job split between an office and home, list the office and "
                "write workplace: hybrid",
                rules.LOCATION,
            )
            return None
        names = sorted(offices)
        close = normalize.suggest(key, names + [o.locality or "" for o in offices.values()])
        if close and close not in offices:
            close = next((k for k, o in offices.items() if (o.locality or "") == close), close)
        known = (
            f"; known offices: {', '.join(names)}"
            if names
            else "; content/data/offices.yml lists none"
        )
        self.found.error(
            line,
            "locations",
            f"{_quote(text)} is not an office key{_did_you_mean(close)}{known}; or write the address with street, locality, postal_code and country",
            rules.LOCATION,
        )
        return None

    def remote_areas(self, workplace: str) -> tuple[Area, ...]:
        items = self.items("remote_countries")
        if workplace != "remote":
            if items:
                self.found.warning(
                    self.line("remote_countries"),
                    "remote_countries",
                    "is only used when workplace is remote; remove it or set workplace: remote",
                    rules.REMOTE,
                )
            return ()
        if not items:
            self.found.error(
                self.line("workplace"),
                "remote_countries",
                "a remote posting must say where applicants may live: add remote_countries: [DE, AT] (countries or states such as US-CA)",
                rules.REMOTE,
            )
            return ()
        result = []
        for item in items:
            if item.value is False or item.value is True:
                self.found.error(
                    item.line,
                    "remote_countries",
                    f'{item.text} was read as yes/no; write it in quotes: "{item.text}"',
                    rules.COUNTRY,
                )
                continue
            if not item.is_scalar or item.value is None:
                self.found.error(
                    item.line,
                    "remote_countries",
                    "each entry is a country code (DE) or a state code (US-CA)",
                    rules.REMOTE,
                )
                continue
            text = clean_line(str(item.text))
            region = regions.lookup(text)
            if region is not None:
                # every country of the group, for the JSON-LD and the pay-transparency rules
                if region.code not in self.remote_regions:
                    self.remote_regions.append(region.code)
                for code in region.countries:
                    if all(a.code != code for a in result):
                        result.append(Area(code, geo.country_name(code)))
                continue
            normal = geo.area(text)
            if normal.value is None:
                # "Remote - EU only": the group named inside the phrase is what was meant
                groups = [regions.lookup(w) for w in re.findall(r"[^\W\d_]+", text)]
                group = next((g for g in groups if g is not None), None)
                suggestion = group.code if group else normal.suggestion
                if suggestion is None:
                    # "Remote - EU only": the code inside the phrase is what was meant
                    words = [geo.area(w) for w in re.findall(r"\b[A-Z]{2}\b", text)]
                    suggestion = next(
                        (w.value or w.suggestion for w in words if w.value or w.suggestion), None
                    )
                self.found.error(
                    item.line,
                    "remote_countries",
                    f"{_quote(text)} is not an ISO country or state code, nor a group such as EU or DACH"
                    f"{_did_you_mean(suggestion)}",
                    rules.REMOTE,
                )
                continue
            name = (
                geo.subdivision_name(normal.value)
                if "-" in normal.value
                else geo.country_name(normal.value)
            )
            if all(a.code != normal.value for a in result):
                result.append(Area(normal.value, name))
        return tuple(result)

    def salary(self) -> Salary | None:
        value = self.fields.get("salary")
        if value is None or (value.is_scalar and value.value is None):
            return None
        if value.is_scalar:
            text = clean_line(str(value.text))
            parsed = salarytext.parse_salary_text(text)
            if parsed:
                guessed_period = "per" not in parsed
                parsed.setdefault("per", "YEAR")
                keys = ("min", "max", "value", "currency", "per")
                structured = ", ".join(f"{k}: {parsed[k]}" for k in keys if k in parsed)
                check = (
                    " (check the period: HOUR, DAY, WEEK, MONTH or YEAR)" if guessed_period else ""
                )
                self.found.error(
                    value.line,
                    "salary",
                    f"{_quote(text)} must be written as fields: salary: {{{structured}}}{check}",
                    rules.SALARY,
                )
            else:
                self.found.error(
                    value.line,
                    "salary",
                    f"{_quote(text)} is not a salary; give figures (salary: {{min: 60000, max: 80000, currency: EUR, per: YEAR}}) or leave the field out",
                    rules.SALARY,
                )
            return None
        if value.is_list:
            self.found.error(
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
                self.found.error(
                    part.line,
                    f"salary.{key}",
                    f"unknown salary field; use min, max (or value), currency and per{_did_you_mean(close)}",
                    rules.SALARY,
                )
            else:
                parts[name] = part
        ok = True
        figures = {}
        for name in ("min", "max", "value"):
            if name in parts:
                figures[name] = self.amount(parts[name], f"salary.{name}")
                ok = ok and figures[name] is not None
        if not figures and not unknown:
            self.found.error(
                value.line,
                "salary",
                "give min and max (a range) or value (one figure)",
                rules.SALARY,
            )
            ok = False
        if not figures:
            ok = False
        if "value" in figures and ("min" in figures or "max" in figures):
            self.found.error(
                parts["value"].line,
                "salary.value",
                "give either value or min and max, not both",
                rules.SALARY,
            )
            ok = False
        low, high = figures.get("min"), figures.get("max")
        if low is not None and high is not None and low > high:
            self.found.error(
                parts["min"].line,
                "salary.min",
                f"{low} is more than max {high}; swap them",
                rules.SALARY_RANGE,
            )
            ok = False
        currency = self.salary_currency(parts.get("currency"), value.line)
        per = self.salary_period(parts.get("per"), value.line)
        if not (ok and currency and per):
            return None
        if "value" not in figures and (low is None or high is None):
            # "from 60000" or "up to 80000" would be published as exactly that figure
            given, other = ("min", "max") if low is not None else ("max", "min")
            self.found.error(
                parts[given].line,
                f"salary.{given}",
                f"has no {other}; give both min and max (a range), or write value: "
                f"{figures[given]} for one figure",
                rules.SALARY,
            )
            return None
        return Salary(currency, per, min=low, max=high, value=figures.get("value"))

    def amount(self, part: Field, name: str) -> Decimal | None:
        if part.value is True or part.value is False or not part.is_scalar or part.value is None:
            self.found.error(part.line, name, "should be a number like 60000", rules.SALARY)
            return None
        written = clean_line(str(part.text))
        if len(written) > 40 or HUGE_EXPONENT.search(written) or len(str(part.value)) > 40:
            # 1e999999999 would be written out digit by digit (a hung build); no pay is that long
            self.found.error(
                part.line,
                name,
                f"{_quote(truncate(written, 40))} is not a realistic pay figure; write the "
                "figure in digits, e.g. 60000",
                rules.SALARY_RANGE,
            )
            return None
        number, hint = figures.parse_number(written)
        if number is None:
            extra = f"; write {hint}" if hint else ""
            self.found.error(
                part.line, name, f"{_quote(part.text)} is not a number{extra}", rules.SALARY
            )
            return None
        if number <= 0:
            self.found.error(
                part.line,
                name,
                f"is {part.text}; a pay figure must be more than 0 (leave salary out if the "
                "pay is not known yet)",
                rules.SALARY_RANGE,
            )
            return None
        if number >= MAX_PAY:
            self.found.error(
                part.line,
                name,
                f"is {written}; that is not a realistic pay figure (at most {MAX_PAY - 1:,})",
                rules.SALARY_RANGE,
            )
            return None
        return number

    def salary_currency(self, part: Field | None, line: int) -> str | None:
        return self.salary_part(
            part, line, "salary.currency", currencies.currency, rules.CURRENCY,
            missing="is required: write the ISO 4217 code, e.g. EUR, USD, GBP",
            wrong="is not an ISO 4217 currency code",
        )  # fmt: skip

    def salary_period(self, part: Field | None, line: int) -> str | None:
        periods = ", ".join(SALARY_PERIODS)
        return self.salary_part(
            part, line, "salary.per", normalize.salary_period, rules.PAY_PERIOD,
            missing=f"is required: say what period the pay is for: {periods}",
            wrong=f"is not a pay period; use {periods}",
        )  # fmt: skip

    def salary_part(self, part, line, name, normalizer, rule, *, missing, wrong) -> str | None:
        """A coded part of the salary (currency, per): required, and one of the known codes."""
        if part is None or not part.is_scalar or part.value is None:
            self.found.error(part.line if part else line, name, missing, rule)
            return None
        text = clean_line(str(part.text))
        normal = normalizer(text)
        if normal.value is None:
            self.found.error(
                part.line, name, f"{_quote(text)} {wrong}{_did_you_mean(normal.suggestion)}", rule
            )
        return normal.value

    def apply(self) -> tuple[str | None, str | None]:
        url = self.text("apply_url")
        email = self.text("apply_email")
        if url is not None:
            parts = urlsplit(url)
            if (
                parts.scheme.lower() not in ("http", "https")
                or not parts.netloc
                or " " in url
                or "." not in parts.netloc
            ):
                hint = (
                    f"; write https://{url}"
                    if not parts.scheme and "." in url.split("/")[0]
                    else ""
                )
                self.found.error(
                    self.line("apply_url"),
                    "apply_url",
                    f"{_quote(url)} is not a web address starting with https://{hint}",
                    rules.APPLY,
                )
                url = None
        if url is not None and (trick := _apply_url_trick(url)):
            self.found.error(self.line("apply_url"), "apply_url", trick, rules.APPLY)
            url = None
        if email is not None:
            candidate = email.removeprefix("mailto:")
            if not EMAIL.match(candidate):
                several = candidate.count("@") > 1
                hint = (
                    "; give one address" if several else "; write an address like jobs@example.com"
                )
                self.found.error(
                    self.line("apply_email"),
                    "apply_email",
                    f"{_quote(email)} is not an email address{hint}",
                    rules.APPLY,
                )
                email = None
            elif candidate != email:
                self.found.error(
                    self.line("apply_email"),
                    "apply_email",
                    f"write the address without mailto: ({candidate})",
                    rules.APPLY,
                )
                email = None
        # an empty apply_url: line means "not given": the site's default applies
        refused = any(p.field in ("apply_url", "apply_email") for p in self.found)
        if url is None and email is None and not refused:
            url, email = self.ctx.apply_url, self.ctx.apply_email
            if url is None and email is None and "apply_url" not in self.misnamed:
                self.found.error(
                    None,
                    "apply_url",
                    "there is no way to apply: add apply_url (https://...) or apply_email",
                    rules.APPLY,
                )
        return url, email

    def boolean(self, name: str) -> bool | None:
        value = self.fields.get(name)
        if value is None or value.value is None:
            return None
        if isinstance(value.value, bool):
            return value.value
        text = str(value.text).strip().lower()
        if text in ("true", "false"):
            return text == "true"
        self.found.error(
            value.line, name, f"{_quote(value.text)} is not true or false", rules.BOOLEAN
        )
        return None

    def whole_number(self, name: str, minimum: int, unit_hint: bool = False) -> int | None:
        value = self.fields.get(name)
        if value is None or value.value is None:
            return None
        text = clean_line(str(value.text)) if value.is_scalar else ""
        digits = text.removeprefix("-")
        if value.is_scalar and not isinstance(value.value, bool) and digits.isdigit():
            # as written: 012 is twelve, not YAML's octal ten; a 5,000-digit one is refused
            number = int(text) if len(digits) <= len(str(MAX_COUNT)) else MAX_COUNT + 1
            if number > MAX_COUNT:
                self.found.error(
                    value.line, name, f"is {truncate(text, 20)}; write a realistic number",
                    rules.NUMBER,
                )  # fmt: skip
                return None
            if number >= minimum:
                return number
            self.found.error(
                value.line, name, f"is {number}; it must be at least {minimum}", rules.NUMBER
            )
            return None
        hint = ""
        years = re.match(r"^(\d+)\s*\+?\s*(years?|yrs?|jahre)\b", text, re.IGNORECASE)
        if unit_hint and years:
            hint = f"; experience is in months: write {int(years.group(1)) * 12}"
        self.found.error(
            value.line,
            name,
            f"{_quote(text or value.plain())} is not a whole number{hint}",
            rules.NUMBER,
        )
        return None

    def organization(self) -> Organization:
        value = self.fields.get("hiring_organization")
        default = self.ctx.organization
        if value is None:
            if default is None:
                self.found.error(
                    None,
                    "hiring_organization",
                    "no hiring organization: set JOBPOSTING_ORGANIZATION in pelicanconf.py or give hiring_organization with a name",
                    rules.ORGANIZATION,
                )
                return Organization(name="")
            return default
        if value.is_scalar and value.value is not None:
            name = clean_line(str(value.text))
            return Organization(name=name, url=None, logo=None)
        if not value.is_mapping:
            self.found.error(
                value.line,
                "hiring_organization",
                "write it as fields: name, url, logo",
                rules.ORGANIZATION,
            )
            return default or Organization(name="")
        parts = value.value
        for key in parts:
            if key not in ORGANIZATION_KEYS:
                self.found.error(
                    parts[key].line,
                    f"hiring_organization.{key}",
                    f"unknown field; use {', '.join(ORGANIZATION_KEYS)}{_did_you_mean(normalize.suggest(key, ORGANIZATION_KEYS))}",
                    rules.ORGANIZATION,
                )
        name = (
            clean_line(str(parts["name"].text))
            if "name" in parts and parts["name"].is_scalar and parts["name"].value is not None
            else ""
        )
        if not name:
            self.found.error(
                value.line, "hiring_organization.name", "is required", rules.ORGANIZATION
            )
        links = {}
        for key in ("url", "logo"):
            if key in parts:
                link = clean_line(str(parts[key].text or ""))
                if urlsplit(link).scheme not in ("http", "https"):
                    self.found.error(
                        parts[key].line,
                        f"hiring_organization.{key}",
                        f"{_quote(link)} is not a web address starting with https://",
                        rules.ORGANIZATION,
                    )
                    link = None
                links[key] = link
        same_as = ()
        if "same_as" in parts:
            entries = (
                self.within_limit("hiring_organization.same_as", parts["same_as"])
                if parts["same_as"].is_list
                else [parts["same_as"]]
            )
            same_as = tuple(clean_line(str(e.text)) for e in entries if e.is_scalar and e.value)
            for entry in entries:
                link = clean_line(str(entry.text or ""))
                # sameAs goes into the JSON-LD as a link: only web addresses
                if entry.is_scalar and link and urlsplit(link).scheme not in ("http", "https"):
                    self.found.error(
                        entry.line,
                        "hiring_organization.same_as",
                        f"{_quote(link)} is not a web address starting with https://",
                        rules.ORGANIZATION,
                    )
        return Organization(
            name=name, url=links.get("url"), logo=links.get("logo"), same_as=same_as
        )

    def summary(self, body_html: str) -> str:
        summary = self.text("summary")
        if summary is None:
            return summaries.fallback(body_html)
        if len(summary) > SUMMARY_LIMIT:
            self.found.warning(
                self.line("summary"),
                "summary",
                f"is {len(summary)} characters long; keep it under {SUMMARY_LIMIT}",
                rules.SUMMARY,
            )
        return summary

    def lang(self) -> str:
        lang = self.text("lang")
        if lang is None:
            return self.ctx.default_lang
        # as written, control characters too (the reader gives Pelican that text), and before
        # Babel, which reads "de.x/../../evil" as de
        written = clean_line(str(self.fields["lang"].text))
        if not BCP47.match(written):
            self.found.error(self.line("lang"), "lang", langtag.message(written), rules.LANG)
            return self.ctx.default_lang
        try:
            Locale.parse(lang.replace("-", "_"))
        except (ValueError, UnknownLocaleError):
            self.found.error(
                self.line("lang"),
                "lang",
                f"{_quote(lang)} is not a language code; write e.g. en, de, fr, pt-BR",
                rules.LANG,
            )
        return lang

    def tags(self) -> tuple[str, ...]:
        result = []
        for item in self.items("tags"):
            if item.is_scalar and item.value is not None:
                result.append(clean_line(str(item.text)))
            else:
                self.found.error(
                    item.line, "tags", "each tag is a word or short phrase", rules.WRONG_TYPE
                )
        return tuple(t for t in result if t)

    def slug(self, default: str) -> str:
        slug = self.text("slug")
        if slug is None:
            return default
        # as written, control characters too: the reader gives Pelican that text for the path
        slug = clean_line(str(self.fields["slug"].text))
        if not SLUG.match(slug):
            self.found.error(
                self.line("slug"),
                "slug",
                f"{_quote(slug)} has characters a web address should not have; write {slugify(slug) or 'backend-developer'}",
                rules.SLUG,
            )
        return slug

    def absent(self, name: str) -> bool:
        """Not written, or written with nothing after the colon (a line left empty)."""
        value = self.fields.get(name)
        if value is None:
            return True
        if value.is_scalar:
            return value.value is None or str(value.text).strip() == ""
        return not value.value

    def recommended(self, valid_through, employment, salary, req_id, locations) -> None:
        def warn(name: str, advice: str) -> None:
            self.found.warning(
                None, name, f"is missing; {advice} (Google recommends it)", rules.RECOMMENDED
            )

        if valid_through is None and self.absent("valid_through"):
            warn("valid_through", "add the last day applications are accepted, e.g. 2027-01-31")
        if not employment and self.absent("employment_type"):
            warn("employment_type", "add e.g. employment_type: FULL_TIME")
        if salary is None and self.absent("salary"):
            warn(
                "salary",
                "add the pay, e.g. salary: {min: 60000, max: 80000, currency: EUR, per: YEAR}",
            )
        if req_id is None and self.absent("req_id"):
            warn("req_id", "add the requisition number, e.g. req_id: ENG-101")
