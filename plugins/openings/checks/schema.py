"""A JSON Schema (draft 2020-12) of a posting's front matter, built from the model and fields.

docs/posting.schema.json is generated from it (`openings docs`), for editors and other tools.
It never claims more than the validator: whatever it rejects, the validator rejects too (the
tests check both on every fixture). The validator knows more (office keys, departments, dates in
order, countries), so passing the schema is necessary, not enough: `openings validate` decides.
"""

from __future__ import annotations

from ..core.model import EDUCATION_LEVELS, EMPLOYMENT_TYPES, SALARY_PERIODS, STATUSES, WORKPLACES
from .data import ADDRESS_ALIASES, OFFICE_FIELDS
from .fields import FIELDS
from .publishing import REQUIRED_TO_PUBLISH
from .validate import SALARY_KEYS, SLUG, TITLE_LIMIT

DRAFT = "https://json-schema.org/draft/2020-12/schema"
DATE = r"^\d{4}-\d{2}-\d{2}$"
DATE_OR_TIME = r"^\d{4}-\d{2}-\d{2}([Tt ].+)?$"
# YAML reads unquoted 0123, 2026 or Yes as numbers and booleans; the validator uses the text as
# written, so any scalar is text to it.
TEXT = {"type": ["string", "number", "boolean"]}
BOOLEAN = {"anyOf": [{"type": "boolean"}, {"type": "string", "pattern": "^([Tt]rue|TRUE|[Ff]alse|FALSE)$"}]}  # fmt: skip
INVISIBLE = r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]"
SYNONYMS = "Other common spellings are understood too, and reported when they are not."


def whole_number(minimum: int) -> dict:
    return {"anyOf": [{"type": "integer", "minimum": minimum}, {"type": "string", "pattern": r"^\d+$"}]}  # fmt: skip


def one_of_or_synonym(values, description: str) -> dict:
    """Canonical values for autocompletion; any other text for the synonyms the validator maps."""
    return {
        "description": description,
        "anyOf": [{"enum": list(values)}, {"type": "string", "description": SYNONYMS}],
    }


def one_or_list(item: dict) -> dict:
    return {"anyOf": [item, {"type": "array", "items": item, "minItems": 1}]}


def address() -> dict:
    properties = dict.fromkeys(OFFICE_FIELDS, TEXT)
    properties["country"] = {
        "type": "string",
        "description": 'ISO 3166-1 two-letter code: DE, GB (not UK), US. Write "NO" (Norway) in quotes.',
        "examples": ["DE", "GB", "US"],
    }
    properties["region"] = {
        **TEXT,
        "description": "The ISO 3166-2 code of the state or province without the country: CA, BY.",
    }
    properties["locality"] = {**TEXT, "description": "The city."}
    properties["postal_code"] = {**TEXT, "description": 'In quotes, so 01067 stays 01067: "01067".'}
    for alias, name in ADDRESS_ALIASES.items():
        properties[alias] = {**TEXT, "description": f"Same as {name}."}
    return {
        "type": "object",
        "description": "A full address, for a place that is not an office in content/data/offices.yml.",
        "properties": properties,
        "required": ["country"],
        "additionalProperties": False,
    }


def salary() -> dict:
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
        "per": one_of_or_synonym(SALARY_PERIODS, "The period the pay is for."),
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


def organization() -> dict:
    link = {"type": "string", "pattern": "^https?://"}
    return {
        "description": "Only when another company of the group is hiring; the site's own "
        "organization is used otherwise.",
        "anyOf": [
            {"type": "string", "minLength": 1},
            {
                "type": "object",
                "properties": {
                    "name": {**TEXT, "description": "The company's name."},
                    "url": link,
                    "logo": link,
                    "same_as": one_or_list({"type": "string"}),
                },
                "required": ["name"],
                "additionalProperties": False,
            },
        ],
    }


def properties() -> dict:
    date = {"type": "string", "pattern": DATE, "format": "date"}
    return {
        "title": {**TEXT, "minLength": 1, "maxLength": TITLE_LIMIT,
                  "description": "The job title only: no salary, place, company or code.",
                  "examples": ["Senior Backend Engineer"]},
        "date_posted": {**date, "description": "The first day the posting is public: YYYY-MM-DD."},
        "valid_through": {"type": "string", "pattern": DATE_OR_TIME,
                          "description": "The last day applications are accepted: YYYY-MM-DD. "
                          "The site closes the posting after that day."},
        "status": one_of_or_synonym(STATUSES, "draft: not published; open (default): published; "
                                    "closed: kept online with a notice, out of every list."),
        "employment_type": one_or_list(one_of_or_synonym(
            EMPLOYMENT_TYPES, "One type, or a list: FULL_TIME, PART_TIME, ...")),
        "department": {**TEXT, "minLength": 1,
                       "description": "One of the names in content/data/departments.yml."},
        "locations": one_or_list({"anyOf": [
            {**TEXT, "description": "An office key from content/data/offices.yml."},
            {"$ref": "#/$defs/address"}]}),
        "workplace": one_of_or_synonym(WORKPLACES, "onsite (default), hybrid, or remote "
                                       "(100% remote: needs remote_countries)."),
        "remote_countries": one_or_list({
            "type": "string",
            "description": "ISO country code (DE), state code (US-CA) or group (EU, DACH)."}),
        "salary": {"$ref": "#/$defs/salary"},
        "apply_url": {"type": "string", "pattern": "^[Hh][Tt][Tt][Pp][Ss]?://",
                      "format": "uri", "description": "Where candidates apply: https://..."},
        "apply_email": {"type": "string", "format": "email",
                        "description": "One address candidates write to."},
        "direct_apply": {**BOOLEAN, "description": "true when candidates apply on that page "
                         "directly, without an account."},
        "req_id": {**TEXT, "description": "The requisition number; unique per posting."},
        "hiring_organization": organization(),
        "education": one_of_or_synonym(EDUCATION_LEVELS, "The education the job needs."),
        "experience_months": {**whole_number(0),
                              "description": "Experience in whole months (3 years = 36)."},
        "experience_in_place_of_education": {
            **BOOLEAN, "description": "true when experience can replace the education."},
        "openings": {**whole_number(1), "description": "How many people are hired."},
        "start_date": {**date, "description": "The first day of work: YYYY-MM-DD."},
        "summary": {**TEXT, "description": "One or two sentences (under 300 characters) for "
                    "lists and search results."},
        "lang": {**TEXT, "description": "The posting's language: en, de, pt-BR."},
        "tags": one_or_list(TEXT),
        "slug": {**TEXT, "pattern": SLUG.pattern,
                 "description": "Changes the web address jobs/<slug>/."},
        "modified": {**date, "description": "The date of a real change to the posting."},
    }  # fmt: skip


def build() -> dict:
    props = properties()
    missing = [name for name in FIELDS if name not in props]
    if missing:  # a field added to fields.py must be described here as well
        raise LookupError(f"schema.py describes no {', '.join(missing)}")
    not_remote = {"anyOf": [
        {"not": {"required": ["workplace"]}},
        {"properties": {"workplace": {"enum": ["onsite", "hybrid"]}}},
    ]}  # fmt: skip
    return {
        "$schema": DRAFT,
        "title": "Openings job posting",
        "description": "The front matter of a posting in content/jobs/ (generated by "
        "`openings docs` from the posting model; docs/hr-guide.md explains every field).",
        "type": "object",
        "properties": props,
        "required": ["title", "department", "date_posted"],
        # what publishing adds: an annotation, since drafts and local builds may lack them
        "x-required-to-publish": list(REQUIRED_TO_PUBLISH),
        # A name pasted with an invisible character is read without it (and warned about); the
        # schema cannot strip it, so it lets such names through to the validator.
        "patternProperties": {INVISIBLE: {}},
        "additionalProperties": False,
        "allOf": [
            {
                "if": {"properties": {"workplace": {"const": "remote"}}, "required": ["workplace"]},
                "then": {"required": ["remote_countries"]},
            },
            {"if": not_remote, "then": {"required": ["locations"]}},
        ],
        "$defs": {"address": address(), "salary": salary()},
    }
