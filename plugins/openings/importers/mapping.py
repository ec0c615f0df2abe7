"""Another system's fields -> ours: known names and values mapped, the rest marked for HR.

Every source field ends somewhere visible: in one of our fields (names from FIELD_NAMES, values
through the same normalisers the validator uses); when its value does not fit that field, in an
`imported_<name>` field with a TODO comment (the validator reports it, so the build stops until
HR decides); when no field here means it (benefits, visa notes), in a commented block for HR to
move into the text; for the old site's own settings (layout, permalink...), in the header.
What the source does not say is never filled in: a missing date or status is a TODO.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from ..checks import currencies, dates, figures, geo, normalize, salarytext
from ..checks.data import Department
from ..checks.validate import EMAIL, SALARY_KEYS, SLUG
from ..core.model import EMPLOYMENT_TYPES, SALARY_PERIODS, Address
from ..core.text import clean_line, slugify
from . import locations
from .draft import Draft


@dataclass(frozen=True)
class Site:
    """What mapping needs to know about this site."""

    today: dt.date
    timezone: dt.tzinfo
    offices: dict[str, Address] = field(default_factory=dict)
    departments: tuple[Department, ...] = ()
    organization: str | None = None
    default_lang: str | None = None


@dataclass
class Entry:
    """One line (or block) of the written front matter."""

    name: str
    value: Any  # None is written as an empty field, for HR to fill in
    comment: str | None = None
    todo: bool = False


# A source's field name (lower snake case) -> what it means here. Several names may mean one field;
# the first one a source gives wins, a second one is kept as a marked field.
FIELD_NAMES = {
    **dict.fromkeys(("title", "job_title", "position", "position_title", "role"), "title"),
    **dict.fromkeys(("date_posted", "date", "posted", "posted_date", "posted_on", "publish_date",
                     "published_at", "published_on", "date_published", "first_published",
                     "created", "created_at", "opens", "open_date", "opening_date", "start_posting"),
                    "date_posted"),
    **dict.fromkeys(("valid_through", "valid_until", "closes", "closing_date", "close_date",
                     "closing", "deadline", "application_deadline", "apply_by", "expires",
                     "expiry", "expiry_date", "expiration_date", "expires_at", "end_date"),
                    "valid_through"),
    **dict.fromkeys(("status", "state"), "status"),
    **dict.fromkeys(("archived", "closed", "filled", "expired"), "closed_flag"),
    **dict.fromkeys(("open", "is_open", "accepting_applications", "hiring"), "open_flag"),
    "draft": "draft",
    "published": "published",
    **dict.fromkeys(("employment_type", "employment_types", "job_type", "contract",
                     "contract_type", "type", "employment", "commitment", "schedule",
                     "position_type", "working_hours"), "employment_type"),
    **dict.fromkeys(("department", "departments", "team", "dept", "category", "division",
                     "business_unit"), "department"),
    **dict.fromkeys(("locations", "location", "city", "office", "offices", "place",
                     "job_location", "work_location", "all_locations"), "locations"),
    **dict.fromkeys(("workplace", "workplace_type", "remote", "is_remote", "remote_ok",
                     "remote_type", "work_type", "work_model", "remote_policy"), "workplace"),
    **dict.fromkeys(("remote_countries", "remote_regions", "countries"), "remote_countries"),
    "country": "country",
    **dict.fromkeys(("salary", "pay", "compensation", "salary_range", "pay_range", "wage",
                     "base_salary"), "salary"),
    **dict.fromkeys(("salary_min", "min_salary", "salary_from", "pay_min", "minimum_salary",
                     "salary_minimum"), "salary.min"),
    **dict.fromkeys(("salary_max", "max_salary", "salary_to", "pay_max", "maximum_salary",
                     "salary_maximum"), "salary.max"),
    **dict.fromkeys(("salary_currency", "currency", "pay_currency"), "salary.currency"),
    **dict.fromkeys(("salary_period", "salary_per", "salary_unit", "salary_interval",
                     "pay_period", "pay_interval", "per"), "salary.per"),
    **dict.fromkeys(("apply_url", "apply", "apply_link", "apply_href", "application_url",
                     "application_link", "link", "job_url", "source_url", "source", "original_url",
                     "how_to_apply", "application", "apply_here", "url_apply", "apply_link_url"),
                    "apply_url"),
    **dict.fromkeys(("apply_email", "email", "contact_email", "apply_to", "contact",
                     "application_email"), "apply_email"),
    "direct_apply": "direct_apply",
    **dict.fromkeys(("hiring_organization", "company", "company_name", "employer",
                     "organization", "organisation"), "hiring_organization"),
    **dict.fromkeys(("req_id", "ref", "reference", "job_id", "job_ref", "requisition",
                     "requisition_id", "req", "id", "job_number", "job_code", "vacancy_id"), "req_id"),
    **dict.fromkeys(("summary", "description", "excerpt", "teaser", "intro", "lede"), "summary"),
    **dict.fromkeys(("lang", "language", "locale"), "lang"),
    **dict.fromkeys(("tags", "keywords", "categories", "skills"), "tags"),
    "slug": "slug",
    **dict.fromkeys(("education", "degree", "education_level"), "education"),
    **dict.fromkeys(("experience_months",), "experience_months"),
    **dict.fromkeys(("experience", "experience_years", "years_experience",
                     "years_of_experience", "experience_level_years"), "experience_years"),
    **dict.fromkeys(("openings", "positions", "vacancies", "headcount", "number_of_positions",
                     "number_of_openings", "vacancy_count", "open_positions"), "openings"),
    **dict.fromkeys(("start_date", "start", "starts", "starting_date"), "start_date"),
    **dict.fromkeys(("modified", "lastmod", "last_modified", "updated", "updated_at"), "modified"),
}  # fmt: skip

# The old site's own machinery: nothing a candidate reads. Said in the header comment, not kept.
SITE_SETTINGS = frozenset((
    "layout", "permalink", "sitemap", "menu", "menus", "weight", "aliases", "redirect_from",
    "redirect_to", "url", "author", "authors", "comments", "share", "toc", "template", "save_as",
    "headless", "build", "outputs", "cascade", "markup", "translation_key", "translationkey",
    "image", "images", "featured_image", "thumbnail", "og_image", "seo", "robots",
    "sort_date", "draft_preview", "lang_url", "nav", "sidebar", "hero", "banner",
    "cover", "icon", "color", "colour", "order", "sort", "position_order", "featured", "hidden",
    "exclude", "list", "slug_lang", "ref_lang", "translations", "permalink_lang",
))  # fmt: skip
# An ordering prefix some sites put on field names (a_job_type, b_benefits, aa_degrees)
_ORDER_PREFIX = re.compile(r"^[a-z]{1,2}_(?=[a-z]{3})")

# The order fields are written in, as in the sample postings; marked fields follow the one they
# belong to.
ORDER = ("title", "date_posted", "valid_through", "status", "department", "locations",
         "workplace", "remote_countries", "employment_type", "salary", "education",
         "experience_months", "openings", "start_date", "req_id", "apply_url", "apply_email",
         "direct_apply", "hiring_organization", "summary", "lang", "tags", "slug", "modified")  # fmt: skip
_TODO_END = "then delete this line"
# Jekyll's own date form, which YAML does not read as a date: "2026-11-12 09:30:00 +0100"
_JEKYLL_TIME = re.compile(
    r"(\d{4}-\d{2}-\d{2})[ T](\d{1,2}:\d{2}(?::\d{2})?)\s*(Z|[+-]\d{2}:?\d{2})?", re.IGNORECASE
)


_SPOKEN_TIME = re.compile(
    r"(.*?\d{4}),?\s*(?:at|um|à|a las|om)?\s*\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)?"
    r"\s*(?:[A-Z]{2,5}|[A-Z][a-z]+ Time)?",
    re.IGNORECASE,
)


def field_name(name: str) -> str:
    """ "expiryDate", "Expiry Date", "expiry-date" -> "expiry_date"."""
    snake = re.sub(r"(?<=[a-z0-9])([A-Z])", r"_\1", str(name).strip())
    return re.sub(r"[^a-z0-9]+", "_", snake.lower()).strip("_")


def map_draft(draft: Draft, site: Site) -> list[Entry]:
    return _Mapper(draft, site).run()


class _Mapper:
    def __init__(self, draft: Draft, site: Site):
        self.draft = draft
        self.site = site
        self.entries: dict[str, Entry] = {}
        self.marked: list[tuple[str, Entry]] = []  # (the field it belongs after, entry)
        self.by_target: dict[str, list[tuple[str, Any]]] = {}
        self.kept: list[tuple[str, Any]] = []  # fields with no place here, kept as comments
        self.salary_text = ""  # the pay as the source wrote it: "$" or "US$"

    # --- the whole draft ---
    def run(self) -> list[Entry]:
        fields = self.draft.fields
        has_lang = any(field_name(n) in ("lang", "language", "locale") for n in fields)
        for name, value in fields.items():
            key = field_name(name)
            if key not in FIELD_NAMES and key not in SITE_SETTINGS:
                key = _ORDER_PREFIX.sub("", key)
            target = FIELD_NAMES.get(key)
            if key == "ref" and has_lang:
                target = None  # Jekyll's translation key (polyglot), not a requisition number
            if key == "name" and isinstance(value, str) and SLUG.match(value.strip()):
                target = None  # Jekyll's page name, a slug
            if target is None:
                if key in SITE_SETTINGS or key in ("ref", "name"):
                    self.draft.left_out[name] = value
                elif not _empty(value):
                    self.kept.append((str(name), _plain(value)))
                continue
            self.by_target.setdefault(target, []).append((key, value))
        proposed = {}
        for target, (value, line) in self.draft.text_facts.items():
            if not any(not _empty(v) for _, v in self.by_target.get(target, [])):
                self.by_target[target] = [("text", value)]
                proposed[target] = line
        self.title()
        self.date_posted()
        self.date("valid_through")
        self.status()
        self.department()
        self.places()
        self.employment_type()
        self.salary()
        self.education()
        self.experience()
        self.whole_number("openings")
        self.date("start_date")
        self.text("req_id")
        self.apply()
        self.boolean("direct_apply")
        self.organization()
        self.text("summary")
        self.lang()
        self.tags()
        self.slug()
        self.date("modified")
        for target, line in proposed.items():
            entry = self.entries.get(target)
            if entry is not None and entry.value is not None:
                entry.comment = (f'read from the text ("{line}"): check it, then delete this '
                                 "comment" + (f"; {entry.comment}" if entry.comment else ""))  # fmt: skip
                entry.todo = True
        return self.ordered()

    def kept_entry(self) -> list[Entry]:
        """Source fields with no field here: kept as commented lines, for HR to move into the
        text if candidates need them. A comment, so the posting validates as it is."""
        if not self.kept:
            return []
        lines = "\n".join(f"{name}: {_inline(value)}" for name, value in self.kept)
        return [Entry("", lines, KEPT_INTRO)]

    def ordered(self) -> list[Entry]:
        result = []
        for name in ORDER:
            if name in self.entries:
                result.append(self.entries[name])
            result += [entry for after, entry in self.marked if after == name]
        result += [entry for after, entry in self.marked if after not in ORDER]
        return result + self.kept_entry()

    # --- helpers ---
    def take(self, target: str) -> tuple[str, Any] | None:
        """The first source field meaning `target`; any further ones are marked."""
        given = [(k, v) for k, v in self.by_target.get(target, []) if not _empty(v)]
        if not given:
            return None
        first, *others = given
        for key, value in others:
            self.mark(key, value, target, f"{first[0]!r} already gave {target}: if this value "
                      f"is the right one, write it as {target} instead")  # fmt: skip
        return first

    def put(self, name: str, value: Any, comment: str | None = None, todo: bool = False) -> None:
        self.entries[name] = Entry(name, value, comment, todo)

    def mark(self, key: str, value: Any, after: str | None, why: str) -> None:
        """Keep a value HR must decide about, as a field the validator reports."""
        if key == "text":
            return  # a proposal from the text that does not read as the field: the text has it
        name = key if key.startswith("imported_") else f"imported_{key}"
        while any(entry.name == name for _, entry in self.marked):
            name += "_2"
        self.marked.append((after or "", Entry(name, _plain(value), f"{why}; {_TODO_END}", True)))

    def missing(self, name: str, advice: str) -> None:
        """A required field the source did not give: written empty, with what to write."""
        self.put(name, None, advice, todo=True)

    # --- fields ---
    def title(self) -> None:
        taken = self.take("title")
        title = self.draft.title or (_text(taken[1]) if taken else None)
        if self.draft.title and taken:
            self.by_target["title"] = []
        if title:
            self.put("title", clean_line(title))
        else:
            self.missing("title", "write the job title (the title only: no location or salary)")

    def date_posted(self) -> None:
        taken = self.take("date_posted")
        if taken:
            day, hint = self.read_date(taken[1])
            if day:
                self.put("date_posted", day)
                return
            self.mark(
                taken[0], taken[1], "date_posted", f"{hint}: the first day the job was advertised"
            )
        self.missing("date_posted", "the old posting does not say when it was advertised: "
                     "write the first day it was, as YYYY-MM-DD")  # fmt: skip

    def date(self, name: str) -> None:
        taken = self.take(name)
        if not taken:
            return
        day, hint = self.read_date(taken[1], keep_time=name == "valid_through")
        if day:
            self.put(name, day)
        elif len(_text(taken[1]) or "") > 40:
            self.kept.append((taken[0], _plain(taken[1])))  # a sentence, not a date: for the text
        else:
            self.mark(taken[0], taken[1], name, f"{hint}: write it as {name}")

    def read_date(self, value: Any, keep_time: bool = False):
        """(date or None, why not). A date-time means its date here, unless `keep_time` and it
        has a time of day that matters (a deadline at 17:00)."""
        if isinstance(value, dt.datetime):
            moment = value.astimezone(self.site.timezone) if value.tzinfo else value
            if keep_time and moment.time() not in (
                dt.time(0, 0),
                dt.time(23, 59, 59),
                dt.time(23, 59),
            ):
                return moment.replace(microsecond=0), None
            return moment.date(), None
        if isinstance(value, dt.date):
            return value, None
        text = _text(value)
        if text is None:
            return None, "not a date"
        parsed, candidates = dates.parse_date(text)
        if parsed:
            return parsed, None
        jekyll = _JEKYLL_TIME.fullmatch(text)
        if jekyll:
            return self.read_date(_jekyll_time(jekyll), keep_time)
        spoken = _SPOKEN_TIME.fullmatch(text)  # "November 15, 2021 at 11:59 pm EDT"
        if spoken:
            return self.read_date(spoken.group(1), keep_time=False)
        moment, _ = dates.parse_datetime(text, self.site.timezone)
        if moment is not None:
            return self.read_date(moment, keep_time)
        if len(candidates) == 1:
            return candidates[0], None
        if candidates:
            readings = " or ".join(c.isoformat() for c in candidates)
            return None, f'"{text}" can be read as {readings}; write the right one as YYYY-MM-DD'
        return None, f'"{text}" is not a date'

    def status(self) -> None:
        taken = self.take("status")
        draft = self.take("draft")
        published = self.take("published")
        flag = self.take("closed_flag")
        still = self.take("open_flag")
        if still and _truthy(still[1]) is False:
            flag = (still[0], True)  # open: false
        unpublished = (draft and _truthy(draft[1]) is True) or (
            published and _truthy(published[1]) is False
        )
        said = closed_signal(self.draft, taken, flag)
        if said:
            self.put("status", "closed", f"the old posting says it is closed ({said})")
            return
        if unpublished:
            self.put("status", "draft", "the old site did not publish it; write open to publish it")
            return
        if still and _truthy(still[1]) is True and not taken:
            self.put("status", "open")
            return
        if taken:
            text = _text(taken[1]) or ""
            normal = normalize.status(text)
            if normal.value:
                self.put("status", normal.value)
                return
            if text.lower() in ("published", "live", "active", "public"):
                self.put("status", "open")
                return
            if text.lower() in ("hidden", "internal", "pending", "unpublished"):
                self.put(
                    "status", "draft", f'the old site had it as "{text}"; write open to publish it'
                )
                return
            self.mark(taken[0], taken[1], "status", "write status: open, draft or closed")
        if "valid_through" in self.entries:
            self.put("status", "open")
            return
        self.put("status", "draft", "the old posting gives no status and no closing date: if the "
                 "job is still open write status: open and a valid_through date; if not, "
                 "write status: closed", todo=True)  # fmt: skip

    def department(self) -> None:
        taken = self.take("department")
        known = self.site.departments
        choices = ", ".join(d.name for d in known)
        if not taken:
            self.missing(
                "department", f"write the department{': one of ' + choices if choices else ''}"
            )
            return
        names = [n for n in (_texts(taken[1])) if n]
        for name in names:
            for department in known:
                if (
                    name.lower() in (department.name.lower(), department.slug)
                    or slugify(name) == department.slug
                ):
                    self.put("department", department.name, _others(names, name))
                    return
        if not names:
            self.missing(
                "department", f"write the department{': one of ' + choices if choices else ''}"
            )
            return
        if not known:
            self.put("department", names[0], _others(names, names[0]))
            return
        close = normalize.suggest(names[0], [d.name for d in known])
        hint = f" (did you mean {close}?)" if close else ""
        self.put("department", names[0],
                 f'"{names[0]}" is not in content/data/departments.yml{hint}: write one of '
                 f"{choices}, or add it there", todo=True)  # fmt: skip

    def places(self) -> None:
        taken = self.take("locations")
        workplace = self.take("workplace")
        country = self.take("country")
        areas = self.take("remote_countries")
        texts = _texts(taken[1]) if taken else []
        found = locations.where(texts, self.site.offices, _text(country[1]) if country else None)
        mode = None
        if workplace:
            mode = _workplace(workplace[1])
            if mode is None:
                self.mark(
                    workplace[0],
                    workplace[1],
                    "workplace",
                    "write workplace: onsite, hybrid or remote",
                )
        if mode is None and found.remote:
            mode = "remote"
        places: list = list(found.offices) + [address for address, _ in found.addresses]
        if places:
            missing = [advice for _, advice in found.addresses if advice]
            stated = [a for a, advice in found.addresses if not advice]
            comment = (locations.no_country(missing, self.site.offices) if missing else None) or (
                "not an office in content/data/offices.yml, so written as the address the old "
                "posting gives: add street and postal_code, or add the office there and write "
                "its key instead"
                if stated
                else None
            )
            self.put("locations", places, comment, todo=bool(missing))
        for text, advice in zip(found.unsettled, found.advice, strict=True):
            self.mark(taken[0] if taken else "location", text, "locations", advice)
        if mode:
            self.put("workplace", mode)
        if mode != "remote" and not places and not found.unsettled:
            known = ", ".join(sorted(self.site.offices))
            self.missing("locations", "list the office keys from content/data/offices.yml"
                         f"{' (' + known + ')' if known else ''}, or set workplace: remote")  # fmt: skip
        codes = list(found.countries)
        for text in _texts(areas[1]) if areas else []:
            normal = geo.area(text)
            if normal.value:
                codes.append(normal.value)
            else:
                self.mark(areas[0], text, "remote_countries", "write an ISO country or state code"
                          + (f" (did you mean {normal.suggestion}?)" if normal.suggestion else ""))  # fmt: skip
        if mode == "remote":
            if codes:
                self.put("remote_countries", list(dict.fromkeys(codes)))
            elif not found.unsettled:
                self.missing("remote_countries",
                             "list the countries applicants may live in (ISO codes), e.g. [DE, AT]")  # fmt: skip
        elif country and not places and not found.unsettled:
            self.mark(
                country[0],
                country[1],
                "locations",
                "the country of the job: write its office under locations",
            )

    def employment_type(self) -> None:
        taken = self.take("employment_type")
        if taken and taken[0] == "type" and str(taken[1]).strip().lower() in _SECTION_TYPES:
            self.draft.left_out["type"] = taken[1]  # Hugo's content type, not the contract
            taken = self.take("employment_type")
        if not taken:
            return
        values, failed = [], []
        for text in _texts(taken[1]):
            normal = normalize.employment_type(text)
            parts = (
                [normal]
                if normal.value
                else [
                    normalize.employment_type(p)
                    for p in re.split(r"\s*[,;/&+]\s*|\s+and\s+", text)
                    if p
                ]
            )
            if parts and all(p.value for p in parts):
                values += [p.value for p in parts if p.value not in values]
            else:
                failed.append((text, normal.suggestion))
        if values:
            self.put("employment_type", values[0] if len(values) == 1 else values)
        for text, suggestion in failed:
            hint = f" (did you mean {suggestion}?)" if suggestion else ""
            self.mark(taken[0], text, "employment_type",
                      f"write employment_type: one of {', '.join(EMPLOYMENT_TYPES)}{hint}")  # fmt: skip

    def salary(self) -> None:
        taken = self.take("salary")
        parts = {name: self.take(f"salary.{name}") for name in ("min", "max", "currency", "per")}
        salary: dict[str, Any] = {}
        given = [taken[1] if taken else None] + [p[1] for p in parts.values() if p]
        self.salary_text = " ".join(str(_plain(v)) for v in given if v is not None)
        if taken:
            value = taken[1]
            if isinstance(value, dict):
                for key, part in value.items():
                    name = SALARY_KEYS.get(field_name(key).replace("_", "")) or {
                        "minvalue": "min", "maxvalue": "max", "currencytype": "currency",
                    }.get(field_name(key).replace("_", ""))  # fmt: skip
                    if name and not _empty(part):
                        salary.setdefault(name, part)
                    elif not _empty(part):
                        self.mark(
                            f"{taken[0]}_{field_name(key)}", part, "salary", "not part of a salary"
                        )
            elif isinstance(value, int | float | Decimal) and not isinstance(value, bool):
                salary["value"] = value
            else:
                parsed = salarytext.parse_salary_text(_text(value) or "")
                if parsed:
                    salary.update(parsed)
                else:
                    self.mark(taken[0], value, "salary",
                              "not a salary with figures: write salary: {min: ..., max: ..., "
                              "currency: ..., per: YEAR} if you publish the pay, or leave it out")  # fmt: skip
        for name, part in parts.items():
            if part:
                salary.setdefault(name, part[1])
        if salary:
            self.write_salary(salary, taken[0] if taken else "salary")

    def write_salary(self, salary: dict, source: str) -> None:
        out: dict[str, Any] = {}
        source_text = self.salary_text
        wrong = []
        for name in ("min", "max", "value"):
            if name in salary:
                number = _number(salary[name])
                if number is None:
                    wrong.append(f'{name} "{salary[name]}" is not a number')
                else:
                    out[name] = number
        if "currency" in salary:
            text = _text(salary["currency"]) or ""
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
            text = _text(salary["per"]) or ""
            normal = normalize.salary_period(text)
            period = normal.value or (
                normal.suggestion if normal.suggestion in SALARY_PERIODS else None
            )
            if period:
                out["per"] = period
            else:
                wrong.append(f'"{text}" is not a pay period')
        if wrong or not any(n in out for n in ("min", "max", "value")):
            self.mark(source, salary, "salary", "; ".join(wrong or ["no figures"])
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
        dollar = self.dollar_elsewhere(source_text, out.get("currency"))
        if dollar:
            comment = f"{comment}; {dollar}" if comment else dollar
        self.put("salary", out, comment, todo=bool(missing) or bool(dollar))

    def dollar_elsewhere(self, text: str, currency: str | None) -> str | None:
        """ "$" is US dollars, unless the job is in another dollar country (Canada, Australia...),
        where the source's "$" may mean that country's dollar."""
        if (
            currency != "USD"
            or not re.search(r"(?<![A-Za-z])\$", text)
            or re.search(r"US\$|USD|U\.S\.", text)
        ):
            return None
        places = self.entries.get("locations")
        countries = set()
        for place in places.value if places is not None and places.value else []:
            office = self.site.offices.get(place) if isinstance(place, str) else None
            countries.add(office.country if office else (place or {}).get("country"))
        elsewhere = sorted(c for c in countries - {None, "US"} if c)
        if not elsewhere:
            return None
        return (f'the source writes "$" and the job is in {", ".join(elsewhere)}: if the pay is '
                "not in US dollars, write its currency (CAD, AUD...)")  # fmt: skip

    def education(self) -> None:
        taken = self.take("education")
        if not taken:
            return
        normal = normalize.education(_text(taken[1]) or "")
        if normal.value:
            self.put("education", normal.value)
        else:
            self.mark(taken[0], taken[1], "education", "write education: high school, associate degree, "
                      "bachelor degree, professional certificate or postgraduate degree")  # fmt: skip

    def experience(self) -> None:
        months = self.take("experience_months")
        years = self.take("experience_years")
        if months:
            number = _whole(months[1])
            if number is not None:
                self.put("experience_months", number)
            else:
                self.mark(
                    months[0],
                    months[1],
                    "experience_months",
                    "write experience_months as a number of months",
                )
        if years and "experience_months" not in self.entries:
            text = _text(years[1]) or ""
            found = re.fullmatch(
                r"(\d{1,2})\s*\+?\s*(?:years?|yrs?|jahre)?", text.strip(), re.IGNORECASE
            )
            if found:
                self.put("experience_months", int(found.group(1)) * 12)
            else:
                self.mark(
                    years[0],
                    years[1],
                    "experience_months",
                    "write experience_months as a number of months",
                )
        elif years:
            self.mark(years[0], years[1], "experience_months", "experience_months is already given")

    def whole_number(self, name: str) -> None:
        taken = self.take(name)
        if taken:
            number = _whole(taken[1])
            if number is not None:
                self.put(name, number)
            else:
                self.mark(taken[0], taken[1], name, f"write {name} as a whole number")

    def text(self, name: str) -> None:
        taken = self.take(name)
        if taken:
            text = _text(taken[1])
            if text is not None and not isinstance(taken[1], dict | list):
                self.put(name, clean_line(text))
            else:
                self.mark(taken[0], taken[1], name, f"write {name} as one line of text")

    def apply(self) -> None:
        given = self.by_target.get("apply_url", []) + self.by_target.get("apply_email", [])
        given += [(k, v) for k, v in self.draft.fields.items() if field_name(k) == "url"]
        given += [("text", link) for link in self.draft.apply_links]
        for key, value in given:
            texts = _apply_texts(value)
            for text in texts:
                name = "apply_email" if EMAIL.match(text) else "apply_url"
                if name not in self.entries:
                    self.put(name, text)
                elif self.entries[name].value != text and key not in ("url", "text"):
                    self.kept.append((key, text))
            if not texts and key not in ("url", "text") and not _empty(value):
                self.kept.append((key, _plain(value)))

    def boolean(self, name: str) -> None:
        taken = self.take(name)
        if taken:
            value = _truthy(taken[1])
            if value is None:
                self.mark(taken[0], taken[1], name, f"write {name}: true or false")
            else:
                self.put(name, value)

    def organization(self) -> None:
        taken = self.take("hiring_organization")
        if not taken:
            return
        name = _text(taken[1].get("name") if isinstance(taken[1], dict) else taken[1])
        site = self.site.organization
        if name and site and name.strip().casefold() == site.casefold():
            return  # the site's own organization, which every posting has anyway
        if name:
            self.put("hiring_organization", {"name": clean_line(name)},
                     f"the old posting names {name!r} as the employer; remove these lines if "
                     f"the job is at {site or 'the organization set in pelicanconf.py'}")  # fmt: skip
        else:
            self.mark(
                taken[0], taken[1], "hiring_organization", "write hiring_organization: {name: ...}"
            )

    def lang(self) -> None:
        taken = self.take("lang")
        if not taken and self.draft.lang:
            code, how = self.draft.lang
            self.put("lang", code, None if how == "path" else f"detected from the text ({how}): "
                     "change it if the posting is in another language")  # fmt: skip
            return
        if taken:
            text = (_text(taken[1]) or "").replace("_", "-")
            if re.fullmatch(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*", text):
                self.put("lang", text.split("-")[0].lower() + text[len(text.split("-")[0]) :])
            else:
                self.mark(
                    taken[0], taken[1], "lang", "write lang: a language code such as en or de"
                )

    def tags(self) -> None:
        taken = self.take("tags")
        if taken:
            parts = [p for t in _texts(taken[1]) for p in re.split(r"\s*[,;]\s*", t)]
            tags = [clean_line(t) for t in parts if clean_line(t)]
            if tags:
                self.put("tags", list(dict.fromkeys(tags)))

    def slug(self) -> None:
        taken = self.take("slug")
        if taken:
            text = _text(taken[1]) or ""
            if SLUG.match(text):
                self.put("slug", text)
            else:
                self.mark(
                    taken[0], taken[1], "slug", f"write slug: {slugify(text) or 'a-web-address'}"
                )


# --- plain values ---


_OPEN_FLAGS = ("open", "is_open", "accepting_applications", "hiring")
_SECTION_TYPES = frozenset(
    (
        "job",
        "jobs",
        "post",
        "posts",
        "page",
        "career",
        "careers",
        "position",
        "positions",
        "vacancy",
        "vacancies",
        "opening",
        "openings",
        "offer",
    )
)
# What says a job is no longer open, in a status or title or a banner line of the text
_CLOSED_WORDS = re.compile(
    r"^(?:closed|filled|solved|archived|expired|inactive|ended|done|resolved|cancell?ed|"
    r"geschlossen|besetzt|vergeben|pourvu|ferm[ée]e?|cerrad[oa]|encerrad[oa]|gesloten|vervuld)$",
    re.IGNORECASE,
)
_CLOSED_TITLE = re.compile(r"[\[(]\s*(?:closed|filled|expired|archived|besetzt|pourvu)\s*[\])]",
                           re.IGNORECASE)  # fmt: skip
_FILLED_BANNER = re.compile(
    r"^\W{0,6}(?:\*\*|__)?\s*(?:(?:this|the)\s+(?:position|job|role|vacancy|opening)\s+"
    r"(?:has\s+been|is|was)\s+(?:now\s+)?(?:filled|closed)|position\s+filled|"
    r"(?:this\s+)?(?:job|position|role)\s+(?:is\s+)?no\s+longer\s+(?:available|open)|"
    r"(?:we\s+are\s+)?no\s+longer\s+accepting\s+applications|applications?\s+(?:are\s+)?closed|"
    r"diese\s+stelle\s+ist\s+(?:bereits\s+)?besetzt|poste\s+pourvu)\b",
    re.IGNORECASE | re.MULTILINE,
)


def closed_signal(draft: Draft, status, flag) -> str | None:
    """What in the source says the job is closed, or None."""
    if flag and _truthy(flag[1]) is True:
        return f"{flag[0]}: false" if flag[0] in _OPEN_FLAGS else f"{flag[0]}: {_text(flag[1])}"
    if status and _CLOSED_WORDS.match(_text(status[1]) or ""):
        return f"{status[0]}: {_text(status[1])}"
    title = (
        draft.title_as_written
        or draft.title
        or next((_text(v) for k, v in draft.fields.items() if field_name(k) == "title"), None)
    )
    if title and _CLOSED_TITLE.search(title):
        return f"the title says {_CLOSED_TITLE.search(title).group(0)}"
    banner = _FILLED_BANNER.search(draft.body[:2000])
    if banner:
        return f'the text says "{banner.group(0).strip(" *_#>")}"'
    return None


def _apply_texts(value: Any) -> list[str]:
    """Addresses and links in an apply value: a URL, an address, "mailto:", a {email: ...}
    mapping (contact.email), or a sentence that contains them (how_to_apply)."""
    if isinstance(value, dict):
        return [t for v in value.values() for t in _apply_texts(v)]
    if isinstance(value, list):
        return [t for v in value for t in _apply_texts(v)]
    text = clean_line(_text(value) or "")
    if not text:
        return []
    bare = text.removeprefix("mailto:")
    if EMAIL.match(bare) or re.match(r"https?://[^\s/]+\.[^\s]+$", bare):
        return [bare]
    found = re.findall(r"https?://[^\s<>()\[\]\"']+[^\s<>()\[\]\"'.,;:!?]", text)
    found += re.findall(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", text)
    return found


KEPT_INTRO = (
    "The old posting also had these fields, which have no field here. Move what candidates need "
    "to know into the text below, then delete these lines:"
)


def _inline(value: Any) -> str:
    """A kept value on one comment line."""
    if isinstance(value, list):
        return "[" + ", ".join(_inline(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_inline(v)}" for k, v in value.items()) + "}"
    if isinstance(value, dt.date):
        return value.isoformat()
    return " ".join(str(value).split())


def _empty(value: Any) -> bool:
    return value is None or (isinstance(value, str | list | dict) and not value)


def _text(value: Any) -> str | None:
    if value is None or isinstance(value, dict | list):
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip() or None


def _texts(value: Any) -> list[str]:
    """A list, a "a, b" line or one value -> texts. Dicts with a name count by their name."""
    items = value if isinstance(value, list) else [value]
    texts = []
    for item in items:
        text = _text(item.get("name") or item.get("value") if isinstance(item, dict) else item)
        if text:
            texts.append(text)
    return texts


def _jekyll_time(match: re.Match) -> dt.datetime:
    day, time, offset = match.groups()
    if offset and offset.upper() != "Z" and ":" not in offset:
        offset = f"{offset[:3]}:{offset[3:]}"
    return dt.datetime.fromisoformat(f"{day}T{time.zfill(5)}{(offset or '').upper()}")


def _plain(value: Any) -> Any:
    """A value as YAML can write it: Decimals as numbers, dicts and lists of the same."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def _truthy(value: Any) -> bool | None:
    if isinstance(value, bool):
        return value
    text = (_text(value) or "").lower()
    if text in ("true", "yes", "y", "on", "1"):
        return True
    if text in ("false", "no", "n", "off", "0"):
        return False
    return None


def _workplace(value: Any) -> str | None:
    """remote: true / "Remote" / "on-site" / "hybrid" -> our workplace; "unspecified" -> None."""
    truth = _truthy(value)
    if truth is not None:
        return "remote" if truth else "onsite"
    normal = normalize.workplace(_text(value) or "")
    return normal.value


def _number(value: Any) -> int | float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float | Decimal):
        return _plain(Decimal(str(value)))
    text = _text(value) or ""
    number, suggestion = figures.parse_number(text)
    if number is None and suggestion and re.fullmatch(r"\d+(?:\.\d+)?", suggestion):
        number = Decimal(suggestion)  # "60k" -> 60000, "60.000 €" -> 60000
    return _plain(number) if number is not None and number > 0 else None


def _whole(value: Any) -> int | None:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    text = _text(value) or ""
    return int(text) if text.isdigit() else None


def _others(names: list[str], chosen: str) -> str | None:
    rest = [n for n in names if n != chosen]
    return f"the old posting also named {', '.join(rest)}" if rest else None
