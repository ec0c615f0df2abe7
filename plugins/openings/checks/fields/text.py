"""The words: title, req_id, summary, lang, tags, slug, and the description below the front matter."""

from __future__ import annotations

import re

from babel import Locale, UnknownLocaleError

from ...core import catalogs, rules
from ...core.model import JobPosting
from ...core.text import clean_line, slugify
from ...reading.sanitize import plain_text_of_clean
from .. import langtag, summaries
from ..langtag import BCP47
from . import schemaparts as sp
from .checker import Checker, quote
from .spec import FieldSpec

TITLE_LIMIT = 120
SUMMARY_LIMIT = 300
LOWER_GROWTH = 3  # len(c.lower()) <= 3 * len(c) for every character (tested)
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def check_title(c: Checker) -> str:
    title = c.text("title", required=True)
    if title and len(title) > TITLE_LIMIT:
        c.found.error(
            c.line("title"),
            "title",
            f"is {len(title)} characters long; write the job title only (at most {TITLE_LIMIT})",
            rules.TITLE,
        )
    return title or ""


def check_description(c: Checker) -> str:
    """The text below the front matter: not a field, but checked with them."""
    text = plain_text_of_clean(c.body_html)  # the reader's sanitised HTML
    title = c.value("title")
    if not text:
        c.found.error(
            c.doc.body_line,
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
        c.found.error(
            c.doc.body_line,
            None,
            "the description only repeats the title; describe the job",
            rules.DESCRIPTION,
        )
    return text


def check_summary(c: Checker) -> str:
    summary = c.text("summary")
    if summary is None:
        return summaries.fallback(c.body_html)
    if len(summary) > SUMMARY_LIMIT:
        c.found.warning(
            c.line("summary"),
            "summary",
            f"is {len(summary)} characters long; keep it under {SUMMARY_LIMIT}",
            rules.SUMMARY,
        )
    return summary


def check_lang(c: Checker) -> str:
    lang = c.text("lang")
    if lang is None:
        return c.ctx.default_lang
    # as written, control characters too (the reader gives Pelican that text), and before
    # Babel, which reads "de.x/../../evil" as de
    written = clean_line(str(c.fields["lang"].text))
    if not BCP47.match(written):
        c.found.error(c.line("lang"), "lang", langtag.message(written), rules.LANG)
        return c.ctx.default_lang
    try:
        Locale.parse(lang.replace("-", "_"))
    except (ValueError, UnknownLocaleError):
        c.found.error(
            c.line("lang"),
            "lang",
            f"{quote(lang)} is not a language code; write e.g. en, de, fr, pt-BR",
            rules.LANG,
        )
        return lang
    known = catalogs.shipped() if c.ctx.languages is None else c.ctx.languages
    if catalogs.code(lang, known) is None:
        name = catalogs.language_name(lang)
        c.found.error(
            c.line("lang"),
            "lang",
            f"the site has no words in {name} for the buttons and headings around the"
            f" posting; it has them in {catalogs.names(known)}. Ask the site's maintainers"
            f" to add {name} (docs/translations.md), or write the posting in one of these",
            rules.LANG_WORDS,
        )
    return lang


def check_tags(c: Checker) -> tuple[str, ...]:
    result = []
    for item in c.items("tags"):
        if item.is_scalar and item.value is not None:
            result.append(clean_line(str(item.text)))
        else:
            c.found.error(item.line, "tags", "each tag is a word or short phrase", rules.WRONG_TYPE)
    return tuple(t for t in result if t)


def check_slug(c: Checker) -> str:
    slug = c.text("slug")
    if slug is None:
        return c.page_slug
    # as written, control characters too: the reader gives Pelican that text for the path
    slug = clean_line(str(c.fields["slug"].text))
    if not SLUG.match(slug):
        c.found.error(
            c.line("slug"),
            "slug",
            f"{quote(slug)} has characters a web address should not have; write {slugify(slug) or 'backend-developer'}",
            rules.SLUG,
        )
    return slug


def identifier_jsonld(req_id: str | None, posting: JobPosting) -> dict | None:
    if not req_id:
        return None
    return {"@type": "PropertyValue", "name": posting.organization.name, "value": req_id}


TITLE = FieldSpec(
    "title", "text", "The job title only: no salary, place, company or code.",
    check=check_title,
    schema={**sp.TEXT, "minLength": 1, "maxLength": TITLE_LIMIT,
            "description": "The job title only: no salary, place, company or code.",
            "examples": ["Senior Backend Engineer"]},
    example="Senior Backend Engineer", jsonld="title", required=True,
    source_names=("job_title", "position", "position_title", "role"),
)  # fmt: skip
REQ_ID = FieldSpec(
    "req_id", "text", "The requisition number; unique per posting.",
    check=lambda c: c.text("req_id"),
    schema={**sp.TEXT, "description": "The requisition number; unique per posting."},
    example="ENG-101", jsonld="identifier", jsonld_value=identifier_jsonld,
    recommended="add the requisition number, e.g. req_id: ENG-101",
    aliases=("id", "job_id", "reference", "ref", "requisition", "requisition_id", "identifier"),
    source_names=("job_ref", "req", "job_number", "job_code", "vacancy_id"),
)  # fmt: skip
SUMMARY = FieldSpec(
    "summary", "text",
    "One or two sentences for lists and search results; the description's start otherwise.",
    check=check_summary,
    schema={**sp.TEXT, "description": "One or two sentences (under 300 characters) for "
            "lists and search results."},
    example="Build the services behind our products with the Berlin engineering team.",
    source_names=("description", "excerpt", "teaser", "intro", "lede"),
)  # fmt: skip
LANG = FieldSpec(
    "lang", "language code", "The posting's language (the site's by default): en, de, pt-BR.",
    check=check_lang,
    schema={**sp.TEXT, "description": "The posting's language: en, de, pt-BR."},
    example="en", aliases=("language",), source_names=("locale",),
)  # fmt: skip
TAGS = FieldSpec(
    "tags", "words", "Words for the job list's filters.",
    check=check_tags, schema=sp.one_or_list(sp.TEXT),
    example="[python, backend]", aliases=("tag", "keywords"),
    source_names=("categories", "skills"),
)  # fmt: skip
SLUG_FIELD = FieldSpec(
    "slug", "lowercase words joined by hyphens",
    "The last part of the page's web address, instead of the file name.",
    check=check_slug,
    schema={**sp.TEXT, "pattern": SLUG.pattern,
            "description": "Changes the web address jobs/<slug>/."},
    example="backend-developer",
)  # fmt: skip
