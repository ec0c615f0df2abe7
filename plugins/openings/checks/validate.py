"""A posting's raw front matter -> a frozen JobPosting and every problem found, in one pass.

Pure: no Pelican objects. Each field is declared once, with its check, in checks/fields/; this
runs every declared field's check, then the checks that look at the whole posting (the text
pasted in, the apply links, the pay against the job, the title's hygiene).
"""

from __future__ import annotations

from ..core import rules
from ..core.model import JobPosting
from ..core.problems import ProblemList
from ..reading import paste
from ..reading.frontmatter import Document
from . import applylinks, hygiene, paysanity
from .fields import BY_NAME, DECLARATIONS
from .fields.checker import Checker, Context
from .fields.names import check_names
from .fields.pay import salary_lines
from .fields.text import LOWER_GROWTH, check_description

__all__ = ["LOWER_GROWTH", "Context", "validate"]


def validate(doc: Document, path: str, slug: str, body_html: str, ctx: Context):
    """Return (JobPosting or None, ProblemList). None when any error was found."""
    found = ProblemList(path)
    if doc.errors or not doc.has_front_matter:
        # the front matter could not be read (or is missing): its own error says why; a list of
        # every field as "required" on top would bury it
        return None, found
    checker = Checker(doc, found, ctx, BY_NAME, slug, body_html)
    posting = check_fields(checker)
    found.extend(paste.title_problems(doc.fields.get("title"), path))
    found.extend(paste.body_problems(doc.body, doc.body_line, path))
    found.extend(applylinks.problems(doc, path))
    if posting is not None and posting.salary is not None:
        found.extend(paysanity.problems(posting.salary, salary_lines(doc), path))
    if posting is not None:
        found.extend(hygiene.title_problems(posting, checker.line("title")))
    return (None if found.has_errors else posting), found


def check_fields(c: Checker) -> JobPosting | None:
    """Every declared field checked; the posting when none has an error."""
    check_names(c)
    for spec in DECLARATIONS:
        c.value(spec.name)
    check_description(c)
    for spec in DECLARATIONS:
        if spec.recommended and not c.value(spec.name) and c.absent(spec.name):
            c.found.warning(
                None,
                spec.name,
                f"is missing; {spec.recommended} (Google recommends it)",
                rules.RECOMMENDED,
            )
    if c.found.has_errors:
        return None
    values = {spec.model_attribute: c.value(spec.name) for spec in DECLARATIONS}
    return JobPosting(
        source_path=c.found.path,
        body_html=c.body_html,
        remote_regions=tuple(c.remote_regions),
        **values,
    )
