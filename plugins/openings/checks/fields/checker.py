"""The state one posting's check shares between its fields, and the readers of typed values.

A field's check (in its family module) reads the front matter through a Checker: `text`,
`items`, `boolean`, `whole_number` and `choice` check the YAML type explicitly (YAML 1.1 guesses)
and report what to write instead. `value(name)` is another field's checked value, checked first
when it has not been yet, so a check can depend on another (valid_through on date_posted).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from ...core import rules
from ...core.model import Address, Organization
from ...core.problems import ProblemList
from ...core.text import clean_line, truncate
from ...reading import limits
from ...reading.frontmatter import Document, Field
from ..data import Department

CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
MAX_COUNT = 1_000_000  # beyond it, a count is a typo or an attack
# Lists whose length JOBPOSTING_MAX_LIST_ITEMS bounds: each entry costs a lookup and a line.
LIMITED_LISTS = ("locations", "remote_countries", "tags")
# Lists that may be written on one line: "DE, AT"
COMMA_LISTS = ("employment_type", "remote_countries", "tags")


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
    # the languages the interface has words in (core/catalogs.py); None: the shipped catalogs
    languages: tuple[str, ...] | None = None
    limits: limits.Limits = field(default_factory=limits.Limits)  # JOBPOSTING_MAX_*


def quote(value) -> str:
    text = str(value)
    return f'"{text}"'


def did_you_mean(suggestion: str | None) -> str:
    if not suggestion:
        return ""
    if " " in suggestion and not suggestion.islower():
        # advice such as "a list of the countries applicants may live in, e.g. US, GB"
        return f"; write {suggestion}"
    return f" (did you mean {suggestion}?)"


class Checker:
    def __init__(self, doc: Document, found: ProblemList, ctx: Context, specs, page_slug: str,
                 body_html: str):  # fmt: skip
        self.doc = doc
        self.fields = doc.fields
        self.found = found
        self.ctx = ctx
        self.specs = specs  # name -> FieldSpec
        self.page_slug = page_slug  # from the file name, unless slug says otherwise
        self.body_html = body_html
        # fields written under another name (Title, deparment, location): already reported as
        # unknown with the right name, so not reported again as missing
        self.misnamed: set[str] = set()
        self.remote_regions: list[str] = []  # groups named in remote_countries, e.g. "EU"
        self.values: dict = {}
        self.shared_values: dict = {}

    def value(self, name: str):
        """The checked value of a field, its check run once, on first use."""
        if name not in self.values:
            self.values[name] = self.specs[name].check(self)
        return self.values[name]

    def shared(self, check):
        """The result of a check that gives two fields at once (apply_url and apply_email)."""
        if check not in self.shared_values:
            self.shared_values[check] = check(self)
        return self.shared_values[check]

    def line(self, name: str) -> int | None:
        field_ = self.fields.get(name)
        return field_.line if field_ else None

    def absent(self, name: str) -> bool:
        """Not written, or written with nothing after the colon (a line left empty)."""
        value = self.fields.get(name)
        if value is None:
            return True
        if value.is_scalar:
            return value.value is None or str(value.text).strip() == ""
        return not value.value

    # --- typed readers ---
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
                f"{quote(text)} is not {article} {noun}; use {expected}{did_you_mean(result.suggestion)}",
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
            and name in COMMA_LISTS
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
            value.line, name, f"{quote(value.text)} is not true or false", rules.BOOLEAN
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
            f"{quote(text or value.plain())} is not a whole number{hint}",
            rules.NUMBER,
        )
        return None
