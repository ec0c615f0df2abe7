"""The fields a posting needs before it is published, in the order the HR guide shows them.

The site build checks them (pelicanconf.py), warning about those Google only recommends; the
published site (publishconf.py, `openings validate --strict`, CI's first check) makes those
warnings errors. One list, so that the guide, content/README.md, the posting template and the
JSON Schema say the same as the validator (tests/test_publish_rules.py compares them).
"""

from __future__ import annotations

# name -> what may stand in for it (None: nothing)
REQUIRED_TO_PUBLISH: dict[str, str | None] = {
    "title": None,
    "date_posted": None,
    "valid_through": None,
    "department": None,
    "employment_type": None,
    "locations": "remote_countries, for a job with workplace: remote",
    "salary": None,
    "apply_url": "apply_email, or the site's JOBPOSTING_APPLY_URL / JOBPOSTING_APPLY_EMAIL",
    "req_id": None,
}
