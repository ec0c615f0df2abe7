"""Writes a new careers site from the package's site template (openings/sitetemplate/).

A small copier of our own: every file of the template is copied, those ending in .jinja are
rendered with Jinja2 first (and lose the suffix), and a name part starting with `dot-` becomes a
hidden one (`dot-github` -> `.github`), since a wheel's package data leaves hidden files out.
The whole site is made in memory first, so an answer that fails leaves nothing behind.

What a visitor reads (the site's name, the example posting, the company pages, the departments'
blurbs) is in the site's language, from `locale/<lang>/sitetemplate.yml`; the example posting
and the company pages are written again in each further language, as their translations
(`example-role.de.md`, `about.de.md`).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from dataclasses import dataclass
from importlib import metadata, resources
from pathlib import Path, PurePosixPath
from zoneinfo import ZoneInfo

import jinja2
import yaml

from ..checks import currencies, fields, paysanity

TEMPLATE = "sitetemplate"
WORDS = "sitetemplate.yml"  # in locale/<lang>/
TRANSLATED = ("content/jobs/", "content/pages/")  # written once per language
CLOSES_AFTER_DAYS = 60  # the example posting's last day
DISTRIBUTION = "openings"


@dataclass
class NewSite:
    """The answers a site is made from (checked by initanswers.py)."""

    company: str
    url: str
    apply_email: str
    languages: list[str]
    offices: list
    departments: list
    logo: Path | None = None
    colour: str | None = None
    today: dt.date | None = None  # None: today where the first office is


def version() -> str:
    return metadata.version(DISTRIBUTION)


def pins(distribution: str = DISTRIBUTION) -> list[str]:
    """name==version of every package `distribution` needs, as installed here: the versions the
    new site is first built and tested with. A package another platform needs and this one has
    not installed is left out."""
    found: dict[str, str] = {}
    todo = [(distribution, ())]
    while todo:
        name, extras = todo.pop()
        for line in metadata.requires(name) or ():
            needed, wanted, marker = _requirement(line)
            extra = re.search(r"""extra\s*==\s*["']([^"']+)["']""", marker)
            if extra and extra.group(1) not in extras:
                continue
            key = re.sub(r"[-_.]+", "-", needed).lower()
            if key in found:
                continue
            try:
                found[key] = metadata.version(needed)
            except metadata.PackageNotFoundError:
                continue
            todo.append((needed, wanted))
    found.pop(distribution, None)
    return [f"{name}=={found[name]}" for name in sorted(found)]


def _requirement(line: str) -> tuple[str, tuple[str, ...], str]:
    """ "pyjwt[crypto]>=2.15; extra == 'x'" -> ("pyjwt", ("crypto",), "extra == 'x'")."""
    spec, _, marker = line.partition(";")
    match = re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[([^\]]*)\])?", spec)
    extras = tuple(e.strip() for e in (match.group(2) or "").split(",") if e.strip())
    return match.group(1), extras, marker


def files(site: NewSite) -> dict[str, bytes]:
    """Every file of the new site: its path (with /) -> its bytes."""
    context = _context(site)
    environment = jinja2.Environment(
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,  # Python, YAML and Markdown: no HTML is written
    )
    environment.filters["py"] = _quoted  # a Python string literal
    environment.filters["q"] = _quoted  # a YAML double-quoted string (JSON's is one)
    found = {}
    root = resources.files("openings").joinpath(TEMPLATE)
    in_language = {lang: _in_language(environment, context, lang) for lang in site.languages}
    # the site's name in each further language (pelicanconf's JOBPOSTING_SITENAMES)
    context["sitenames"] = {
        lang: in_language[lang]["words"]["sitename"] for lang in site.languages[1:]
    }
    for path, source in _walk(root, PurePosixPath()):
        data, name = source.read_bytes(), path
        if path.suffix != ".jinja":
            found[_visible_name(name)] = data
            continue
        template = environment.from_string(data.decode("utf-8"))
        name = path.with_suffix("")
        languages = site.languages if str(path).startswith(TRANSLATED) else site.languages[:1]
        for lang in languages:
            # a translation shares the first file's slug; its name says its language
            translated = name if lang == site.languages[0] else name.with_suffix(f".{lang}.md")
            text = template.render({**context, **in_language[lang]})
            found[_visible_name(translated)] = text.encode("utf-8")
    if site.logo is not None:
        found[f"content/{context['logo']}"] = site.logo.read_bytes()
    return found


def words(lang: str) -> dict[str, str]:
    """The texts init writes in `lang` (locale/<lang>/sitetemplate.yml), as Jinja sources."""
    path = resources.files("openings").joinpath("locale", lang, WORDS)
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _in_language(environment, context: dict, lang: str) -> dict:
    """What the templates need of one language: its code, whether it is a translation, and its
    texts filled in ({{ company }}, the first department and office)."""
    first = {"department": context["departments"][0].name, "office": context["offices"][0].key}
    texts = {
        key: environment.from_string(text).render({**context, **first}).rstrip("\n")
        for key, text in words(lang).items()
        if key != "department_blurb"
    }
    blurb = environment.from_string(words(lang)["department_blurb"])
    texts["blurb"] = lambda name: blurb.render({**context, "department": name})
    translation = lang != context["default_lang"]
    return {"lang": lang, "translation": translation, "words": texts}


def _walk(folder, here: PurePosixPath):
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name in ("__pycache__", "__init__.py") or entry.name.startswith("."):
            continue
        if entry.is_dir():
            yield from _walk(entry, here / entry.name)
        else:
            yield here / entry.name, entry


def _visible_name(path: PurePosixPath) -> str:
    return "/".join("." + part[4:] if part.startswith("dot-") else part for part in path.parts)


def _quoted(value) -> str:
    return json.dumps(str(value), ensure_ascii=False)


GUIDE_FIELDS = {  # the fields the site's docs/hr-guide.md explains with the site's own values
    "title", "status", "date_posted", "valid_through", "department", "employment_type",
    "locations", "workplace", "salary", "req_id", "apply_url", "apply_email",
    "summary", "lang",
}  # fmt: skip


def _context(site: NewSite) -> dict:
    first = site.offices[0]
    # the example posting opens today where the site's "today" is (its TIMEZONE, the office's)
    today = site.today or dt.datetime.now(ZoneInfo(first.timezone)).date()
    currency = _currency(first.country, today)
    unit = paysanity.UNIT.get(currency, 1_000)
    return {
        "company": site.company,
        "url": site.url,
        "apply_email": site.apply_email,
        "default_lang": site.languages[0],
        "other_languages": site.languages[1:],
        "timezone": first.timezone,
        "offices": site.offices,
        "departments": site.departments,
        "logo": f"images/logo{site.logo.suffix.lower()}" if site.logo else None,
        "colour": site.colour,
        "today": today.isoformat(),
        "closes": (today + dt.timedelta(days=CLOSES_AFTER_DAYS)).isoformat(),
        "currency": currency,
        # an example range of about 50,000 to 65,000 US dollars a year, in the office's currency
        "salary_min": 50 * unit,
        "salary_max": 65 * unit,
        "version": version(),
        "pins": pins(),
        # the guide's table names the common fields in the site's terms; the rest, from their
        # declarations, so that "docs/hr-guide.md lists every field" holds for the site's guide
        "other_fields": [
            (spec.name, spec.example, spec.doc)
            for spec in fields.DECLARATIONS
            if spec.name not in GUIDE_FIELDS
        ],
    }


def _currency(country: str, today: dt.date) -> str:
    from babel.numbers import get_territory_currencies

    found = get_territory_currencies(country, start_date=today, tender=True)
    code = found[0] if found else "EUR"
    return code if currencies.currency(code).value else "EUR"


EXECUTABLE = {"openings"}  # the site's ./openings, which the checks' messages name


def write(folder: Path, contents: dict[str, bytes]) -> None:
    """Write the files; the folder is new or empty (checked before)."""
    for relative, data in contents.items():
        path = folder.joinpath(*relative.split("/"))
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "xb") as handle:  # "x": never replace a file
            handle.write(data)
        # what GitHub Pages and git expect, whatever the umask; ./openings is a command
        os.chmod(path, 0o755 if relative in EXECUTABLE else 0o644)
