"""Every field of a posting's front matter, each declared once (spec.py says what a declaration
holds), in the order the JSON Schema and the HR guide list them.

The families declare and check their fields: dates.py, job.py, place.py, pay.py, apply.py,
organization.py, text.py. From these declarations come the validator (checks/validate.py runs
each field's check), docs/posting.schema.json (checks/schema.py), the field list of
docs/errors.md (checks/errordocs.py), the page's JSON-LD (render/jsonld.py) and the names
`openings import` maps (importers/fieldnames.py). docs/architecture.md, "Adding a field", walks through adding one.
"""

from __future__ import annotations

from .apply import APPLY_EMAIL, APPLY_URL, DIRECT_APPLY
from .dates import DATE_POSTED, MODIFIED, START_DATE, VALID_THROUGH
from .job import (
    DEPARTMENT,
    EDUCATION,
    EMPLOYMENT_TYPE,
    EXPERIENCE_IN_PLACE_OF_EDUCATION,
    EXPERIENCE_MONTHS,
    OPENINGS,
    STATUS,
)
from .organization import HIRING_ORGANIZATION
from .pay import SALARY
from .place import LOCATIONS, REMOTE_COUNTRIES, WORKPLACE
from .spec import FieldSpec
from .text import LANG, REQ_ID, SLUG_FIELD, SUMMARY, TAGS, TITLE

DECLARATIONS: tuple[FieldSpec, ...] = (
    TITLE, DATE_POSTED, VALID_THROUGH, STATUS, EMPLOYMENT_TYPE, DEPARTMENT, LOCATIONS, WORKPLACE,
    REMOTE_COUNTRIES, SALARY, APPLY_URL, APPLY_EMAIL, DIRECT_APPLY, REQ_ID, HIRING_ORGANIZATION,
    EDUCATION, EXPERIENCE_MONTHS, EXPERIENCE_IN_PLACE_OF_EDUCATION, OPENINGS, START_DATE,
    SUMMARY, LANG, TAGS, SLUG_FIELD, MODIFIED,
)  # fmt: skip
BY_NAME: dict[str, FieldSpec] = {spec.name: spec for spec in DECLARATIONS}
FIELDS: tuple[str, ...] = tuple(BY_NAME)
# What people write instead of our names (other job boards, schema.org, other languages).
ALIASES: dict[str, str] = {alias: spec.name for spec in DECLARATIONS for alias in spec.aliases}
REQUIRED: tuple[str, ...] = tuple(spec.name for spec in DECLARATIONS if spec.required)
