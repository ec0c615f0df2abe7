"""Which of our fields another system's field names mean, taken from the field declarations.

A declared field is found under its name, its aliases and the names other systems give it
(checks/fields/). A few names mean something else in another site's front matter than in a
posting, or stand for a part of a field; they are listed here, each with what it means.
"""

from __future__ import annotations

import re

from ..checks.fields import DECLARATIONS

# The fields written, in the order of the sample postings; marked fields follow the one they
# belong to. experience_in_place_of_education is never guessed from another system's data.
ORDER = ("title", "date_posted", "valid_through", "status", "department", "locations",
         "workplace", "remote_countries", "employment_type", "salary", "education",
         "experience_months", "openings", "start_date", "req_id", "apply_url", "apply_email",
         "direct_apply", "hiring_organization", "summary", "lang", "tags", "slug", "modified")  # fmt: skip

# Names that mean more than one field, or part of one, in other systems' data. mapping.py
# settles each: a status from flags, the country of a place, the pay written in parts.
SOURCE_MEANINGS = {
    **dict.fromkeys(("archived", "closed", "filled", "expired"), "closed_flag"),
    **dict.fromkeys(("open", "is_open", "accepting_applications", "hiring"), "open_flag"),
    "draft": "draft",
    "published": "published",
    "country": "country",
    **dict.fromkeys(("salary_min", "min_salary", "salary_from", "pay_min", "minimum_salary",
                     "salary_minimum"), "salary.min"),
    **dict.fromkeys(("salary_max", "max_salary", "salary_to", "pay_max", "maximum_salary",
                     "salary_maximum"), "salary.max"),
    **dict.fromkeys(("salary_currency", "currency", "pay_currency"), "salary.currency"),
    **dict.fromkeys(("salary_period", "salary_per", "salary_unit", "salary_interval",
                     "pay_period", "pay_interval", "per"), "salary.per"),
    **dict.fromkeys(("experience", "experience_years", "years_experience",
                     "years_of_experience", "experience_level_years"), "experience_years"),
}  # fmt: skip
# Aliases a posting may use that another site's data means otherwise: parts of an address, and
# rare spellings better left for HR to place.
NOT_FROM_SOURCES = frozenset(("address", "region", "remote_country", "tag"))


def _source_names() -> dict[str, str]:
    names: dict[str, str] = {}
    for spec in DECLARATIONS:
        if spec.name not in ORDER:
            continue
        names[spec.name] = spec.name
        for alias in spec.aliases:
            # schema.org's names in one word (validthrough): sources write them in camel case,
            # which field_name() reads as the field's own name (valid_through)
            one_word = alias in ((spec.jsonld or "").lower(), spec.name.replace("_", ""))
            if not one_word and alias not in NOT_FROM_SOURCES:
                names[alias] = spec.name
    for spec in DECLARATIONS:
        if spec.name in ORDER:
            names.update(dict.fromkeys(spec.source_names, spec.name))
    return names | SOURCE_MEANINGS


# A source's field name (lower snake case) -> what it means here. Several names may mean one field;
# the first one a source gives wins, a second one is kept as a marked field.
FIELD_NAMES = _source_names()

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


def field_name(name: str) -> str:
    """ "expiryDate", "Expiry Date", "expiry-date" -> "expiry_date"."""
    snake = re.sub(r"(?<=[a-z0-9])([A-Z])", r"_\1", str(name).strip())
    return re.sub(r"[^a-z0-9]+", "_", snake.lower()).strip("_")
