"""Another system's fields -> ours: known names and values mapped, the rest marked for HR.

Every source field ends somewhere visible: in one of our fields (names from fieldnames.py, values
through the same normalisers the validator uses); when its value does not fit that field, in an
`imported_<name>` field with a TODO comment (the validator reports it, so the build stops until
HR decides); when no field here means it (benefits, visa notes), in a commented block for HR to
move into the text; for the old site's own settings (layout, permalink...), in the header.
What the source does not say is never filled in: a missing date or status is a TODO.

This module routes each source field to the field it means and runs the mapping of each field,
in an order where a field can rely on those before it (status on valid_through, the currency's
"$" on locations): mapdates.py, mapplaces.py, mappay.py and mapfields.py hold them.
"""

from __future__ import annotations

import re

from ..checks.fields.text import SLUG
from . import mapdates, mapfields, mappay, mapplaces
from .draft import Draft
from .fieldnames import FIELD_NAMES, SITE_SETTINGS, field_name
from .mapper import Mapper, TargetSite, WrittenField
from .values import is_empty, plain

# An ordering prefix some sites put on field names (a_job_type, b_benefits, aa_degrees)
_ORDER_PREFIX = re.compile(r"^[a-z]{1,2}_(?=[a-z]{3})")


def map_draft(draft: Draft, site: TargetSite) -> list[WrittenField]:
    m = Mapper(draft, site)
    fields = m.draft.fields
    has_lang = any(field_name(n) in ("lang", "language", "locale") for n in fields)
    for name, value in fields.items():
        key = field_name(name)
        if key not in FIELD_NAMES and key not in SITE_SETTINGS:
            key = _ORDER_PREFIX.sub("", key)
        target = FIELD_NAMES.get(key)
        if key == "ref" and has_lang:
            target = None  # Jekyll's translation key (polyglot), not a requisition number
        if key == "name" and isinstance(value, str) and SLUG.match(value.strip()):
            target = None  # Jekyll's page name, a slug
        if target is None:
            if key in SITE_SETTINGS or key in ("ref", "name"):
                m.draft.left_out[name] = value
            elif not is_empty(value):
                m.kept.append((str(name), plain(value)))
            continue
        m.by_target.setdefault(target, []).append((key, value))
    proposed = {}
    for target, (value, line) in m.draft.text_facts.items():
        if not any(not is_empty(v) for _, v in m.by_target.get(target, [])):
            m.by_target[target] = [("text", value)]
            proposed[target] = line
    mapfields.title(m)
    mapdates.date_posted(m)
    mapdates.date(m, "valid_through")
    mapdates.status(m)
    mapplaces.department(m)
    mapplaces.places(m)
    mapplaces.employment_type(m)
    mappay.salary(m)
    mapfields.education(m)
    mapfields.experience(m)
    mapfields.whole_number(m, "openings")
    mapdates.date(m, "start_date")
    mapfields.text(m, "req_id")
    mapfields.apply(m)
    mapfields.boolean(m, "direct_apply")
    mapfields.organization(m)
    mapfields.text(m, "summary")
    mapfields.lang(m)
    mapfields.tags(m)
    mapfields.slug(m)
    mapdates.date(m, "modified")
    for target, line in proposed.items():
        entry = m.entries.get(target)
        if entry is not None and entry.value is not None:
            entry.comment = (f'read from the text ("{line}"): check it, then delete this '
                             "comment" + (f"; {entry.comment}" if entry.comment else ""))  # fmt: skip
            entry.todo = True
    return m.ordered()
