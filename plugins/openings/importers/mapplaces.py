"""Another system's department, places and kind of contract -> department, locations,
workplace, remote_countries, employment_type."""

from __future__ import annotations

import re

from ..checks import geo, normalize
from ..core.model import EMPLOYMENT_TYPES
from ..core.text import slugify
from . import locations
from .mapper import Mapper
from .values import others_note, text_of, texts_of, workplace_of

# Hugo's content types, which a source's `type` may be instead of the contract
_SECTION_TYPES = frozenset(
    (
        "job",
        "jobs",
        "post",
        "posts",
        "page",
        "career",
        "careers",
        "position",
        "positions",
        "vacancy",
        "vacancies",
        "opening",
        "openings",
        "offer",
    )
)


def department(m: Mapper) -> None:
    taken = m.take("department")
    known = m.site.departments
    choices = ", ".join(d.name for d in known)
    if not taken:
        m.missing("department", f"write the department{': one of ' + choices if choices else ''}")
        return
    names = [n for n in (texts_of(taken[1])) if n]
    for name in names:
        for department in known:
            if (
                name.lower() in (department.name.lower(), department.slug)
                or slugify(name) == department.slug
            ):
                m.put("department", department.name, others_note(names, name))
                return
    if not names:
        m.missing("department", f"write the department{': one of ' + choices if choices else ''}")
        return
    if not known:
        m.put("department", names[0], others_note(names, names[0]))
        return
    close = normalize.suggest(names[0], [d.name for d in known])
    hint = f" (did you mean {close}?)" if close else ""
    m.put("department", names[0],
             f'"{names[0]}" is not in content/data/departments.yml{hint}: write one of '
             f"{choices}, or add it there", todo=True)  # fmt: skip


def places(m: Mapper) -> None:
    taken = m.take("locations")
    workplace = m.take("workplace")
    country = m.take("country")
    areas = m.take("remote_countries")
    texts = texts_of(taken[1]) if taken else []
    found = locations.where(texts, m.site.offices, text_of(country[1]) if country else None)
    mode = None
    if workplace:
        mode = workplace_of(workplace[1])
        if mode is None:
            m.mark(
                workplace[0],
                workplace[1],
                "workplace",
                "write workplace: onsite, hybrid or remote",
            )
    if mode is None and found.remote:
        mode = "remote"
    places: list = list(found.offices) + [address for address, _ in found.addresses]
    if places:
        missing = [advice for _, advice in found.addresses if advice]
        stated = [a for a, advice in found.addresses if not advice]
        comment = (locations.no_country(missing, m.site.offices) if missing else None) or (
            "not an office in content/data/offices.yml, so written as the address the old "
            "posting gives: add street and postal_code, or add the office there and write "
            "its key instead"
            if stated
            else None
        )
        m.put("locations", places, comment, todo=bool(missing))
    for text, advice in zip(found.unsettled, found.advice, strict=True):
        m.mark(taken[0] if taken else "location", text, "locations", advice)
    if mode:
        m.put("workplace", mode)
    if mode != "remote" and not places and not found.unsettled:
        known = ", ".join(sorted(m.site.offices))
        m.missing("locations", "list the office keys from content/data/offices.yml"
                     f"{' (' + known + ')' if known else ''}, or set workplace: remote")  # fmt: skip
    codes = list(found.countries)
    for text in texts_of(areas[1]) if areas else []:
        normal = geo.area(text)
        if normal.value:
            codes.append(normal.value)
        else:
            m.mark(areas[0], text, "remote_countries", "write an ISO country or state code"
                      + (f" (did you mean {normal.suggestion}?)" if normal.suggestion else ""))  # fmt: skip
    if mode == "remote":
        if codes:
            m.put("remote_countries", list(dict.fromkeys(codes)))
        elif not found.unsettled:
            m.missing("remote_countries",
                         "list the countries applicants may live in (ISO codes), e.g. [DE, AT]")  # fmt: skip
    elif country and not places and not found.unsettled:
        m.mark(
            country[0],
            country[1],
            "locations",
            "the country of the job: write its office under locations",
        )


def employment_type(m: Mapper) -> None:
    taken = m.take("employment_type")
    if taken and taken[0] == "type" and str(taken[1]).strip().lower() in _SECTION_TYPES:
        m.draft.left_out["type"] = taken[1]  # Hugo's content type, not the contract
        taken = m.take("employment_type")
    if not taken:
        return
    values, failed = [], []
    for text in texts_of(taken[1]):
        normal = normalize.employment_type(text)
        parts = (
            [normal]
            if normal.value
            else [
                normalize.employment_type(p)
                for p in re.split(r"\s*[,;/&+]\s*|\s+and\s+", text)
                if p
            ]
        )
        if parts and all(p.value for p in parts):
            values += [p.value for p in parts if p.value not in values]
        else:
            failed.append((text, normal.suggestion))
    if values:
        m.put("employment_type", values[0] if len(values) == 1 else values)
    for text, suggestion in failed:
        hint = f" (did you mean {suggestion}?)" if suggestion else ""
        m.mark(taken[0], text, "employment_type",
                  f"write employment_type: one of {', '.join(EMPLOYMENT_TYPES)}{hint}")  # fmt: skip
