"""`openings new "Title" --department X [--office KEY] [--remote DE,AT]`: start a posting.

Writes content/jobs/<slug>.md from templates/posting.md, where every field is present and
explained; never overwrites a file; checks the department, offices and countries against the
site's data first, and says which ones it knows.

Pelican, pycountry and the validator are imported in the functions that use them, so building
the `openings` parser (for any command) does not load them.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from importlib import resources

import yaml

from ..core.text import slugify
from .options import UsageError, add_site_options

CLOSES_AFTER_DAYS = 60  # the example expiry date the template suggests


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "new",
        help="start a posting from the template",
        description="Write content/jobs/<slug>.md with every field present and explained. "
        "The posting starts as a draft; nothing is published until you set status: open.",
    )
    parser.add_argument("title", help='the job title, e.g. "Senior Backend Engineer"')
    parser.add_argument(
        "--department", required=True, help="a department from content/data/departments.yml"
    )
    parser.add_argument(
        "--office",
        action="append",
        default=[],
        metavar="KEY",
        help="an office key from content/data/offices.yml (repeat, or separate with commas)",
    )
    parser.add_argument(
        "--remote",
        metavar="CODES",
        help="a 100%% remote job: where applicants may live, e.g. DE,AT or US-CA,US-NY",
    )
    parser.add_argument("--slug", help="the file name and web address (default: from the title)")
    add_site_options(parser)
    parser.set_defaults(func=run)


def run(args) -> int:
    from ..checks import pipeline
    from ..core import report
    from ..reading.postingfile import report_path
    from .checking import check_files, jobs_root, load_settings

    values = load_settings(args)

    checks = pipeline.prepare(values)
    ctx = checks.ctx
    title = " ".join(args.title.split())
    if not title:
        raise UsageError('give the job title, e.g. openings new "Backend Developer" ...')
    department = known_department(args.department, ctx.departments)
    offices = [known_office(key, ctx.offices) for key in _split(args.office)]
    remote = [known_area(code) for code in _split([args.remote] if args.remote else [])]
    if args.remote is not None and not remote:
        raise UsageError("--remote needs country or state codes, e.g. --remote DE,AT")
    if not offices and not remote:
        if len(ctx.offices) != 1:
            raise UsageError(
                "say where the job is: --office KEY (known: "
                f"{', '.join(sorted(ctx.offices)) or 'none yet'}) or, for a 100% remote job, "
                "--remote with country codes, e.g. --remote DE,AT (with make new: OFFICE=KEY "
                "or REMOTE=DE,AT)"
            )
        offices = list(ctx.offices)
    slug = args.slug or slugify(title)
    if not slug or slugify(slug) != slug:
        raise UsageError(
            f"{slug!r} cannot be a file name; give --slug with lowercase letters, digits and "
            "hyphens, e.g. --slug backend-developer"
        )
    path = os.path.join(jobs_root(values), f"{slug}.md")
    shown = report_path(path)
    if os.path.exists(path):
        print(
            f"openings new: {shown} already exists and was left as it is. Edit that file, or "
            "choose another name with --slug."
        )
        return 1
    text = render(
        title=title, department=department, offices=offices, remote=remote, today=ctx.today,
        known_departments=[d.name for d in ctx.departments], known_offices=sorted(ctx.offices),
        apply_default=values.get("JOBPOSTING_APPLY_URL") or values.get("JOBPOSTING_APPLY_EMAIL"),
        slug=slug, body=skeleton(values.get("DEFAULT_LANG") or "en"),
    )  # fmt: skip
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "x", encoding="utf-8") as handle:  # "x": never replace a file
        handle.write(text)
    print(f"Wrote {shown}: a draft, not yet published.")
    checked = check_files(values, [path], checks)
    problems = checked.problems
    if problems:
        print("Still to settle (the checks say, in the build's words):")
        for line in report.lines(problems, github=False):
            print(f"  {line}")
    print(
        f"Next: write the description and the fields in {shown}, check it with "
        f"`{_validate_command(shown)}`, then set status: open and open a pull request."
    )
    return 0


def _validate_command(shown: str) -> str:
    """The check command this folder offers: a site made by `openings init` (and this project)
    has `make validate`; a Pelican site the plugin was added to has only `openings`."""
    try:
        with open("Makefile", encoding="utf-8") as handle:
            offers_make = any(line.startswith("validate:") for line in handle)
    except OSError:
        offers_make = False
    return f"make validate FILES={shown}" if offers_make else f"openings validate {shown}"


def _split(values: list[str]) -> list[str]:
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def known_department(name: str, departments) -> str:
    from ..checks import normalize

    if not departments:  # the site keeps no list: any name is fine
        return " ".join(name.split())
    wanted = name.strip().lower()
    for department in departments:
        if wanted in (department.name.lower(), department.slug):
            return department.name
    names = [d.name for d in departments]
    close = normalize.suggest(name, names)
    hint = f" Did you mean {close}?" if close else ""
    raise UsageError(
        f'"{name}" is not a department in content/data/departments.yml.{hint} Known: '
        f"{', '.join(names)}. A new department goes into that file first."
    )


def known_office(key: str, offices) -> str:
    from ..checks import normalize

    wanted = key.lower()
    if wanted in offices:
        return wanted
    for office_key, office in offices.items():
        if wanted in ((office.name or "").lower(), (office.locality or "").lower()):
            return office_key
    close = normalize.suggest(wanted, sorted(offices))
    hint = f" Did you mean {close}?" if close else ""
    raise UsageError(
        f'"{key}" is not an office key in content/data/offices.yml.{hint} Known: '
        f"{', '.join(sorted(offices)) or 'none yet'}. For another place, write its address in "
        "the posting's locations."
    )


def known_area(code: str) -> str:
    from ..checks import geo

    found = geo.area(code)
    if found.value is None:
        hint = f" Did you mean {found.suggestion}?" if found.suggestion else ""
        raise UsageError(
            f'--remote: "{code}" is not an ISO country code (DE, GB, US) or a state code '
            f"(US-CA).{hint}"
        )
    return found.value


def yaml_text(value: str) -> str:
    """The value as YAML reads it back unchanged: plain when it can be, else double-quoted."""
    try:
        plain = yaml.safe_load(f"key: {value}")
    except yaml.YAMLError:
        plain = None
    if isinstance(plain, dict) and plain.get("key") == value and "#" not in value:
        return value
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a YAML double-quoted one


def skeleton(lang: str) -> str:
    """The description a new posting starts with, in the site's language (its headings and
    placeholder lines: locale/<lang>/sitetemplate.yml), English where there is none."""
    from .initsite import words

    for code in (lang, lang.replace("_", "-").split("-")[0].lower(), "en"):
        try:
            return words(code)["new_body"]
        except (FileNotFoundError, KeyError):
            continue
    return ""


def render(
    *, title, department, offices, remote, today: dt.date, known_departments, known_offices,
    apply_default, slug, body: str = "",
) -> str:  # fmt: skip
    template = resources.files("openings").joinpath("templates/posting.md")
    text = template.read_text(encoding="utf-8")
    example_office = offices[0] if offices else (known_offices[0] if known_offices else "berlin")
    replacements = {
        "title": yaml_text(title),
        "department": yaml_text(department),
        "today": today.isoformat(),
        "closes": (today + dt.timedelta(days=CLOSES_AFTER_DAYS)).isoformat(),
        "start": (today + dt.timedelta(days=90)).isoformat(),
        "departments": ", ".join(known_departments) or "any name",
        "offices": ", ".join(known_offices) or "none yet",
        "locations": (
            f"locations: [{', '.join(offices)}]" if offices else f"# locations: [{example_office}]"
        ),
        "workplace": "remote" if remote else "onsite",
        "remote_countries": (
            f"remote_countries: [{', '.join(_quoted_code(c) for c in remote)}]"
            if remote
            else "# remote_countries: [DE, AT]"
        ),
        "apply_default": apply_default or "none is set, so give one of them",
        "slug": slug,
        "body": body or skeleton("en"),
    }
    for name, value in replacements.items():
        text = text.replace("{{" + name + "}}", value)
    return text


def _quoted_code(code: str) -> str:
    # "NO" (Norway) and friends would be read as yes/no: quote what YAML would misread
    return yaml_text(code) if yaml.safe_load(code) == code else f'"{code}"'
