"""schema.org JobPosting as a dict, made from the field declarations; the theme writes it with
|tojson.

Each field's declaration (checks/fields/) names its schema.org property and how its value is
written; this module adds what belongs to the page rather than to a field (the description and
the address) and leaves out what a posting does not have. Google's required properties come
from fields every posting has: title, date_posted and the hiring organization.
"""

from __future__ import annotations

from ..checks.fields import DECLARATIONS
from ..core.model import JobPosting

CONTEXT = "https://schema.org/"
PROPERTIES = tuple(spec for spec in DECLARATIONS if spec.jsonld)


def build(posting: JobPosting, url: str, description_html: str) -> dict:
    data: dict = {
        "@context": CONTEXT,
        "@type": "JobPosting",
        "description": description_html,
        "url": url,
    }
    for spec in PROPERTIES:
        value = spec.jsonld_value(getattr(posting, spec.model_attribute), posting)
        if value is not None:
            data[spec.jsonld] = value
    return data
