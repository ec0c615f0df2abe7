"""What kind of job it is: status, employment_type, department, education, experience, openings."""

from __future__ import annotations

import re

from ...core import rules
from ...core.model import EDUCATION_LEVELS, EMPLOYMENT_TYPES, STATUSES, JobPosting
from ...core.text import clean_line
from .. import normalize
from . import jsonldparts as ld
from . import schemaparts as sp
from .checker import Checker, did_you_mean, quote
from .spec import FieldSpec


def check_employment_types(c: Checker) -> tuple[str, ...]:
    written = c.fields.get("employment_type")
    if (
        written is not None
        and written.is_scalar
        and isinstance(written.value, str)
        and "," in written.value
    ):
        # "Full time, Part time" is a list; "contract, 6 months" is one type with a note
        text = clean_line(written.text)
        parts = [normalize.employment_type(p.strip()) for p in text.split(",") if p.strip()]
        if any(p.value is None for p in parts):
            return _employment_type_text(c, text, written.line)
    result = []
    for item in c.items("employment_type"):
        if not item.is_scalar:
            c.found.error(
                item.line,
                "employment_type",
                "should be a type like FULL_TIME, or a list of them",
                rules.WRONG_TYPE,
            )
            continue
        text = clean_line(str(item.text))
        normal = normalize.employment_type(text)
        if normal.value is None:
            c.found.error(
                item.line,
                "employment_type",
                f"{quote(text)} is not an employment type; use one of {', '.join(EMPLOYMENT_TYPES)}{did_you_mean(normal.suggestion)}",
                rules.EMPLOYMENT_TYPE,
            )
        elif normal.value not in result:
            result.append(normal.value)
    return tuple(result)


def _employment_type_text(c: Checker, text: str, line: int) -> tuple[str, ...]:
    normal = normalize.employment_type(text)
    if normal.value is not None:
        return (normal.value,)
    note = "; the length of a contract belongs in the description" if re.search(r"\d", text) else ""
    c.found.error(
        line,
        "employment_type",
        f"{quote(text)} is not an employment type; use one of {', '.join(EMPLOYMENT_TYPES)}{did_you_mean(normal.suggestion)}{note}",
        rules.EMPLOYMENT_TYPE,
    )
    return ()


def check_department(c: Checker) -> str:
    name = c.text("department", required=True)
    if not name:
        return ""
    known = c.ctx.departments
    if not known:
        return name
    for department in known:
        if name.lower() in (department.name.lower(), department.slug):
            return department.name
    names = [d.name for d in known]
    close = normalize.suggest(name, names)
    c.found.error(
        c.line("department"),
        "department",
        f"{quote(name)} is not in content/data/departments.yml; use one of {', '.join(names)}{did_you_mean(close)}",
        rules.DEPARTMENT,
    )
    return name


def check_in_place_of_education(c: Checker) -> bool:
    name = "experience_in_place_of_education"
    in_place = c.boolean(name) or False
    if in_place and (c.value("education") is None or c.value("experience_months") is None):
        c.found.error(
            c.line(name),
            name,
            "needs both education and experience_months; add them or remove this field",
            rules.EXPERIENCE_IN_PLACE,
        )
    return in_place


def education_jsonld(level: str | None, posting: JobPosting) -> dict | None:
    if not level:
        return None
    return {"@type": "EducationalOccupationalCredential", "credentialCategory": level}


def experience_jsonld(months: int | None, posting: JobPosting) -> dict | None:
    if months is None:
        return None
    return {"@type": "OccupationalExperienceRequirements", "monthsOfExperience": months}


STATUS = FieldSpec(
    "status", "draft, open or closed",
    "draft: not published; open (the default): published; closed: kept online with a notice.",
    check=lambda c: c.choice("status", normalize.status, "draft, open or closed", rules.STATUS)
    or "open",
    schema=sp.one_of_or_synonym(STATUSES, "draft: not published; open (default): published; "
                                "closed: kept online with a notice, out of every list."),
    example="open", source_names=("state",),
)  # fmt: skip
EMPLOYMENT_TYPE = FieldSpec(
    "employment_type", "one type or a list", "FULL_TIME, PART_TIME, CONTRACTOR, ...",
    check=check_employment_types,
    schema=sp.one_or_list(sp.one_of_or_synonym(
        EMPLOYMENT_TYPES, "One type, or a list: FULL_TIME, PART_TIME, ...")),
    example="FULL_TIME", jsonld="employmentType", attribute="employment_types",
    jsonld_value=lambda types, _: ld.one_or_list(list(types)) if types else None,
    recommended="add e.g. employment_type: FULL_TIME",
    aliases=("type", "job_type", "employment", "employmenttype", "employment_types", "contract",
             "contract_type"),
    source_names=("commitment", "schedule", "position_type", "working_hours"),
)  # fmt: skip
DEPARTMENT = FieldSpec(
    "department", "text", "One of the names in content/data/departments.yml.",
    check=check_department,
    schema={**sp.TEXT, "minLength": 1,
            "description": "One of the names in content/data/departments.yml."},
    example="Engineering", required=True,
    aliases=("team", "dept"),
    source_names=("departments", "category", "division", "business_unit"),
)  # fmt: skip
EDUCATION = FieldSpec(
    "education", "an education level", "The education the job needs.",
    check=lambda c: c.choice(
        "education", normalize.education,
        "high school, associate degree, bachelor degree, professional certificate or "
        "postgraduate degree, or leave the field out when no degree is needed",
        rules.EDUCATION, noun="education level"),
    schema=sp.one_of_or_synonym(EDUCATION_LEVELS, "The education the job needs."),
    example="bachelor degree", jsonld="educationRequirements", jsonld_value=education_jsonld,
    aliases=("degree", "educationrequirements"), source_names=("education_level",),
)  # fmt: skip
EXPERIENCE_MONTHS = FieldSpec(
    "experience_months", "whole number", "Experience in whole months (3 years = 36).",
    check=lambda c: c.whole_number("experience_months", minimum=0, unit_hint=True),
    schema={**sp.whole_number(0), "description": "Experience in whole months (3 years = 36)."},
    example="36", jsonld="experienceRequirements", jsonld_value=experience_jsonld,
    aliases=("experience", "years_experience", "experiencerequirements"),
)  # fmt: skip
EXPERIENCE_IN_PLACE_OF_EDUCATION = FieldSpec(
    "experience_in_place_of_education", "true or false",
    "true when experience can replace the education.",
    check=check_in_place_of_education,
    schema={**sp.BOOLEAN, "description": "true when experience can replace the education."},
    example="true", jsonld="experienceInPlaceOfEducation",
    jsonld_value=lambda in_place, _: True if in_place else None,
)  # fmt: skip
OPENINGS = FieldSpec(
    "openings", "whole number", "How many people are hired.",
    check=lambda c: c.whole_number("openings", minimum=1),
    schema={**sp.whole_number(1), "description": "How many people are hired."},
    example="1", jsonld="totalJobOpenings",
    aliases=("positions", "vacancies", "headcount", "totaljobopenings"),
    source_names=("number_of_positions", "number_of_openings", "vacancy_count",
                  "open_positions"),
)  # fmt: skip
