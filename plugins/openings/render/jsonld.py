"""schema.org JobPosting as a dict, made from the field declarations; the theme writes it with
|tojson.

Each field's declaration (checks/fields/) names its schema.org property and how its value is
written; this module adds what belongs to the page rather than to a field (its description and
its url) and leaves out what a posting does not have. Google's required properties come from
fields every posting has: title, date_posted and the hiring organization.
"""

from __future__ import annotations

from ..checks.fields import DECLARATIONS
from ..core.model import JobPosting

CONTEXT = "https://schema.org/"
# (property, the posting's attribute, how its value is written) for each field that has one
PROPERTIES = tuple(
    (spec.jsonld, spec.model_attribute, spec.jsonld_value) for spec in DECLARATIONS if spec.jsonld
)


def build(posting: JobPosting, url: str, description_html: str) -> dict:
    data: dict = {
        "@context": CONTEXT,
        "@type": "JobPosting",
        "description": description_html,
        "url": url,
    }
    for name, attribute, written in PROPERTIES:
        value = written(getattr(posting, attribute), posting)
        if value is not None:
            data[name] = value
    return data
