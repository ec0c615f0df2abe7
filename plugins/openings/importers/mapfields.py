"""Another system's other fields -> title, education, experience, openings, req_id, how to
apply, hiring_organization, summary, lang, tags, slug."""

from __future__ import annotations

import re
from typing import Any

from ..checks import normalize
from ..checks.fields.apply import EMAIL
from ..checks.fields.text import SLUG
from ..core.text import clean_line, slugify
from .fieldnames import field_name
from .mapper import Mapper
from .values import is_empty, plain, text_of, texts_of, truthy, whole_of


def title(m: Mapper) -> None:
    taken = m.take("title")
    title = m.draft.title or (text_of(taken[1]) if taken else None)
    if m.draft.title and taken:
        m.by_target["title"] = []
    if title:
        m.put("title", clean_line(title))
    else:
        m.missing("title", "write the job title (the title only: no location or salary)")


def education(m: Mapper) -> None:
    taken = m.take("education")
    if not taken:
        return
    normal = normalize.education(text_of(taken[1]) or "")
    if normal.value:
        m.put("education", normal.value)
    else:
        m.mark(taken[0], taken[1], "education", "write education: high school, associate degree, "
                  "bachelor degree, professional certificate or postgraduate degree")  # fmt: skip


def experience(m: Mapper) -> None:
    months = m.take("experience_months")
    years = m.take("experience_years")
    if months:
        number = whole_of(months[1])
        if number is not None:
            m.put("experience_months", number)
        else:
            m.mark(
                months[0],
                months[1],
                "experience_months",
                "write experience_months as a number of months",
            )
    if years and "experience_months" not in m.entries:
        text = text_of(years[1]) or ""
        found = re.fullmatch(
            r"(\d{1,2})\s*\+?\s*(?:years?|yrs?|jahre)?", text.strip(), re.IGNORECASE
        )
        if found:
            m.put("experience_months", int(found.group(1)) * 12)
        else:
            m.mark(
                years[0],
                years[1],
                "experience_months",
                "write experience_months as a number of months",
            )
    elif years:
        m.mark(years[0], years[1], "experience_months", "experience_months is already given")


def whole_number(m: Mapper, name: str) -> None:
    taken = m.take(name)
    if taken:
        number = whole_of(taken[1])
        if number is not None:
            m.put(name, number)
        else:
            m.mark(taken[0], taken[1], name, f"write {name} as a whole number")


def text(m: Mapper, name: str) -> None:
    taken = m.take(name)
    if taken:
        text = text_of(taken[1])
        if text is not None and not isinstance(taken[1], dict | list):
            m.put(name, clean_line(text))
        else:
            m.mark(taken[0], taken[1], name, f"write {name} as one line of text")


def apply(m: Mapper) -> None:
    given = m.by_target.get("apply_url", []) + m.by_target.get("apply_email", [])
    given += [(k, v) for k, v in m.draft.fields.items() if field_name(k) == "url"]
    given += [("text", link) for link in m.draft.apply_links]
    for key, value in given:
        texts = apply_texts(value)
        for text in texts:
            name = "apply_email" if EMAIL.match(text) else "apply_url"
            if name not in m.entries:
                m.put(name, text)
            elif m.entries[name].value != text and key not in ("url", "text"):
                m.kept.append((key, text))
        if not texts and key not in ("url", "text") and not is_empty(value):
            m.kept.append((key, plain(value)))


def boolean(m: Mapper, name: str) -> None:
    taken = m.take(name)
    if taken:
        value = truthy(taken[1])
        if value is None:
            m.mark(taken[0], taken[1], name, f"write {name}: true or false")
        else:
            m.put(name, value)


def organization(m: Mapper) -> None:
    taken = m.take("hiring_organization")
    if not taken:
        return
    name = text_of(taken[1].get("name") if isinstance(taken[1], dict) else taken[1])
    site = m.site.organization
    if name and site and name.strip().casefold() == site.casefold():
        return  # the site's own organization, which every posting has anyway
    if name:
        m.put("hiring_organization", {"name": clean_line(name)},
                 f"the old posting names {name!r} as the employer; remove these lines if "
                 f"the job is at {site or 'the organization set in pelicanconf.py'}")  # fmt: skip
    else:
        m.mark(taken[0], taken[1], "hiring_organization", "write hiring_organization: {name: ...}")


def lang(m: Mapper) -> None:
    taken = m.take("lang")
    if not taken and m.draft.lang:
        code, how = m.draft.lang
        m.put("lang", code, None if how == "path" else f"detected from the text ({how}): "
                 "change it if the posting is in another language")  # fmt: skip
        return
    if taken:
        text = (text_of(taken[1]) or "").replace("_", "-")
        if re.fullmatch(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*", text):
            m.put("lang", text.split("-")[0].lower() + text[len(text.split("-")[0]) :])
        else:
            m.mark(taken[0], taken[1], "lang", "write lang: a language code such as en or de")


def tags(m: Mapper) -> None:
    taken = m.take("tags")
    if taken:
        parts = [p for t in texts_of(taken[1]) for p in re.split(r"\s*[,;]\s*", t)]
        tags = [clean_line(t) for t in parts if clean_line(t)]
        if tags:
            m.put("tags", list(dict.fromkeys(tags)))


def slug(m: Mapper) -> None:
    taken = m.take("slug")
    if taken:
        text = text_of(taken[1]) or ""
        if SLUG.match(text):
            m.put("slug", text)
        else:
            m.mark(taken[0], taken[1], "slug", f"write slug: {slugify(text) or 'a-web-address'}")


def apply_texts(value: Any) -> list[str]:
    """Addresses and links in an apply value: a URL, an address, "mailto:", a {email: ...}
    mapping (contact.email), or a sentence that contains them (how_to_apply)."""
    if isinstance(value, dict):
        return [t for v in value.values() for t in apply_texts(v)]
    if isinstance(value, list):
        return [t for v in value for t in apply_texts(v)]
    text = clean_line(text_of(value) or "")
    if not text:
        return []
    bare = text.removeprefix("mailto:")
    if EMAIL.match(bare) or re.match(r"https?://[^\s/]+\.[^\s]+$", bare):
        return [bare]
    found = re.findall(r"https?://[^\s<>()\[\]\"']+[^\s<>()\[\]\"'.,;:!?]", text)
    found += re.findall(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", text)
    return found
