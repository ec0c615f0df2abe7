"""hiring_organization: the site's organization, unless a posting names another of the group."""

from __future__ import annotations

from urllib.parse import urlsplit

from ...core import rules
from ...core.model import Organization
from ...core.text import clean_line
from .. import normalize
from . import jsonldparts as ld
from . import schemaparts as sp
from .checker import Checker, did_you_mean, quote
from .spec import FieldSpec

ORGANIZATION_KEYS = ("name", "url", "logo", "same_as")


def check_organization(c: Checker) -> Organization:
    value = c.fields.get("hiring_organization")
    default = c.ctx.organization
    if value is None:
        if default is None:
            c.found.error(
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
        c.found.error(
            value.line,
            "hiring_organization",
            "write it as fields: name, url, logo",
            rules.ORGANIZATION,
        )
        return default or Organization(name="")
    parts = value.value
    for key in parts:
        if key not in ORGANIZATION_KEYS:
            c.found.error(
                parts[key].line,
                f"hiring_organization.{key}",
                f"unknown field; use {', '.join(ORGANIZATION_KEYS)}{did_you_mean(normalize.suggest(key, ORGANIZATION_KEYS))}",
                rules.ORGANIZATION,
            )
    name = (
        clean_line(str(parts["name"].text))
        if "name" in parts and parts["name"].is_scalar and parts["name"].value is not None
        else ""
    )
    if not name:
        c.found.error(value.line, "hiring_organization.name", "is required", rules.ORGANIZATION)
    links = {}
    for key in ("url", "logo"):
        if key in parts:
            link = clean_line(str(parts[key].text or ""))
            if urlsplit(link).scheme not in ("http", "https"):
                c.found.error(
                    parts[key].line,
                    f"hiring_organization.{key}",
                    f"{quote(link)} is not a web address starting with https://",
                    rules.ORGANIZATION,
                )
                link = None
            links[key] = link
    same_as = _same_as(c, parts["same_as"]) if "same_as" in parts else ()
    return Organization(name=name, url=links.get("url"), logo=links.get("logo"), same_as=same_as)


def _same_as(c: Checker, written) -> tuple[str, ...]:
    entries = (
        c.within_limit("hiring_organization.same_as", written) if written.is_list else [written]
    )
    same_as = tuple(clean_line(str(e.text)) for e in entries if e.is_scalar and e.value)
    for entry in entries:
        link = clean_line(str(entry.text or ""))
        # sameAs goes into the JSON-LD as a link: only web addresses
        if entry.is_scalar and link and urlsplit(link).scheme not in ("http", "https"):
            c.found.error(
                entry.line,
                "hiring_organization.same_as",
                f"{quote(link)} is not a web address starting with https://",
                rules.ORGANIZATION,
            )
    return same_as


def organization_schema() -> dict:
    link = {"type": "string", "pattern": "^https?://"}
    return {
        "description": "Only when another company of the group is hiring; the site's own "
        "organization is used otherwise.",
        "anyOf": [
            {"type": "string", "minLength": 1},
            {
                "type": "object",
                "properties": {
                    "name": {**sp.TEXT, "description": "The company's name."},
                    "url": link,
                    "logo": link,
                    "same_as": sp.one_or_list({"type": "string"}),
                },
                "required": ["name"],
                "additionalProperties": False,
            },
        ],
    }


HIRING_ORGANIZATION = FieldSpec(
    "hiring_organization", "name, url, logo, same_as",
    "Only when another company of the group is hiring; the site's organization otherwise.",
    check=check_organization, schema=organization_schema(),
    example="{name: Example Health, url: https://health.example}", jsonld="hiringOrganization",
    jsonld_value=lambda org, _: ld.organization(org),
    attribute="organization",
    aliases=("company", "employer", "organization", "hiringorganization"),
    source_names=("company_name", "organisation"),
)  # fmt: skip
