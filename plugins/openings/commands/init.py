"""`openings init DIR`: start a new careers site, asking for what it needs or taking flags.

Every answer has a flag, so the command runs unattended (CI, scripts): `--company`, `--url`,
`--logo`, `--colour`, `--language`, `--office`, `--department`, `--apply-email`. In a terminal it
asks for each answer no flag gave, and asks again after a wrong one. Without a terminal, or with
--no-input, it never asks: the optional answers take their defaults, and missing required ones
are named in one message. A wrong flag value, or a folder that is not empty, stops it with
status 2 before any file is written.
"""

from __future__ import annotations

import sys
from pathlib import Path

from .options import UsageError

OFFICE_FORM = "KEY=City,COUNTRY,Time/Zone"
EXAMPLE_COMMAND = (
    'openings init careers --company "Acme" --url https://acme.example '
    "--office berlin=Berlin,DE,Europe/Berlin --department Engineering"
)


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "init",
        help="start a new careers site in a folder",
        description="Write a new careers site into DIR: settings, an example posting, company "
        "pages, offices and departments, GitHub workflows and a README. Asks for each answer "
        "in a terminal; every answer also has an option, for running it unattended.",
        epilog=f"Example: {EXAMPLE_COMMAND}",
    )
    parser.add_argument("folder", metavar="DIR", help="the new site's folder (new or empty)")
    parser.add_argument("--company", help='the company name candidates know, e.g. "Acme"')
    parser.add_argument("--url", help="the company website, e.g. https://acme.example")
    parser.add_argument("--logo", metavar="PATH", help="the logo (PNG, JPEG, WebP or SVG file)")
    parser.add_argument(
        "--colour", "--color", dest="colour", help='the brand colour, e.g. "#0b6e4f"'
    )
    parser.add_argument(
        "--language",
        "--languages",
        action="append",
        default=[],
        metavar="CODE",
        help="the site's language, e.g. en (repeat, or separate with commas: the first is the "
        "site's default)",
    )
    parser.add_argument(
        "--office",
        action="append",
        default=[],
        metavar=OFFICE_FORM,
        help="an office, e.g. berlin=Berlin,DE,Europe/Berlin (repeat for each; the time zone "
        "may be left out where the country has one)",
    )
    parser.add_argument(
        "--department",
        action="append",
        default=[],
        metavar="NAME",
        help="a department, e.g. Engineering, or SLUG=Name to choose its address (repeat)",
    )
    parser.add_argument(
        "--apply-email",
        help="where applications go by default (default: jobs@ the website's domain)",
    )
    parser.add_argument(
        "--no-wheel",
        dest="wheel",
        action="store_false",
        help="do not put a wheel of this openings in the site's wheels/ folder (by default it "
        "is put there when openings was installed from a checkout or a wheel file, not an index)",
    )
    parser.add_argument(
        "--yes",
        "--no-input",
        dest="no_input",
        action="store_true",
        help="never ask: take the defaults for what no option gives",
    )
    parser.set_defaults(func=run)


def run(args) -> int:
    from . import initanswers as check
    from . import initsite

    folder = Path(args.folder)
    _check_folder(folder)
    asking = not args.no_input and sys.stdin.isatty()
    ask = _Asker() if asking else None
    errors: list[str] = []

    def answer(flag, given, checker, question, default=None, required=True):
        """The flag's value checked; else, in a terminal, the person's answer; else the default."""
        if given not in (None, []):
            try:
                return checker(given)
            except check.Invalid as error:
                errors.append(f"{flag}: {error}")
                return None
        if ask is not None:
            return ask(question, checker, default)
        if default is not None or not required:
            return checker(default) if default is not None else None
        missing.append(flag)
        return None

    missing: list[str] = []
    company = answer("--company", args.company, check.company, "Company name")
    site_url = answer("--url", args.url, check.url, "Company website (https://...)")
    logo = answer("--logo", args.logo, check.logo, "Logo file (PNG, JPEG, SVG; empty: none)", "")
    colour = answer(
        "--colour",
        args.colour,
        check.colour,
        'Brand colour (e.g. "#0b6e4f"; empty: the theme\'s)',
        "",
    )
    available = _languages()
    languages = answer(
        "--language", args.language, lambda texts: check.languages(_list(texts), available),
        f"Languages, the first is the site's ({', '.join(available)})", "en",
    )  # fmt: skip
    offices = answer(
        "--office", args.office, lambda texts: _many(texts, check.office, "office", lambda o: o.key),
        f"Offices, separated by ; ({OFFICE_FORM}, e.g. berlin=Berlin,DE,Europe/Berlin)",
    )  # fmt: skip
    departments = answer(
        "--department", args.department,
        lambda texts: _many(texts, check.department, "department", lambda d: d.name.lower()),
        "Departments, separated by ; (e.g. Engineering; Sales)",
    )  # fmt: skip
    email = answer(
        "--apply-email", args.apply_email, check.email, "Where applications go (email)",
        check.default_email(site_url) if site_url else None,
        required=False,
    )  # fmt: skip
    if missing:
        errors.append(
            "these answers are missing: "
            + ", ".join(missing)
            + ". Give them as options (run it in a terminal to be asked), e.g.\n  "
            + EXAMPLE_COMMAND
        )
    if errors:
        raise UsageError("nothing was written.\n  " + "\n  ".join(errors))
    if email is None:
        email = check.default_email(site_url)
    site = initsite.NewSite(
        company=company, url=site_url, apply_email=email, languages=languages,
        offices=offices, departments=departments, logo=logo, colour=colour,
    )  # fmt: skip
    contents = initsite.files(site)
    initsite.write(folder, contents)
    print(f"Wrote a new careers site for {company} in {folder}/ ({len(contents)} files).")
    _bundle_openings(folder, args.wheel)
    others = ", ".join(f"example-role.{lang}.md" for lang in languages[1:])
    translations = f" (and its translations {others})" if others else ""
    print(
        f"Next:\n  cd {folder}\n  make serve    # look at it on http://127.0.0.1:8000\n"
        "  make test     # what CI checks on every pull request\n"
        f"Then rewrite content/jobs/example-role.md{translations} as a real posting (the site is "
        "not published while it is the example), and follow docs/setup.md of openings to "
        "publish it on GitHub Pages."
    )
    return 0


def _bundle_openings(folder: Path, wanted: bool) -> None:
    """The site installs openings from its requirements.txt: from an index, or, while this
    openings came from a checkout or a wheel file, from a wheel of it in the site (initwheel)."""
    from . import initwheel

    source = initwheel.local_source() if wanted else None
    if source is None:
        return
    try:
        name = initwheel.bundle(folder, source)
    except OSError as error:
        print(
            f"warning: {error}. The site cannot install openings until it can: put a wheel of "
            "openings in its wheels/ folder and --find-links wheels first in requirements.txt "
            "(docs/setup.md of openings, step 3).",
            file=sys.stderr,
        )
        return
    print(
        f"openings is not on a package index: the site installs it from wheels/{name} "
        "(commit that folder with the site; requirements.txt says so)."
    )


def _check_folder(folder: Path) -> None:
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"{folder} is a file; give the name of a new or empty folder")
    if folder.is_dir() and any(folder.iterdir()):
        raise UsageError(
            f"{folder} is not empty, and init never changes an existing site; give the name of "
            "a new or empty folder. Nothing was written."
        )


def _languages() -> list[str]:
    """The languages the interface's words exist in (the shipped gettext catalogs)."""
    from ..core import catalogs

    return sorted(catalogs.shipped())


def _list(texts) -> list[str]:
    return [texts] if isinstance(texts, str) else list(texts)


def _many(texts, checker, what: str, key) -> list:
    """Each flag's value, or a prompt's answer separated by ;, checked one by one."""
    from .initanswers import Invalid, unique

    parts = [part.strip() for text in _list(texts) for part in text.split(";") if part.strip()]
    if not parts:
        raise Invalid(f"give at least one {what}")
    return unique([checker(part) for part in parts], what, key)


class _Asker:
    """Asks in the terminal until the answer passes its check; an empty answer takes the
    default, shown in brackets."""

    def __call__(self, question: str, checker, default):
        from .initanswers import Invalid

        shown = f" [{default}]" if default else ""
        while True:
            try:
                text = input(f"{question}{shown}: ").strip()
            except EOFError:
                raise UsageError("the questions were not answered; nothing was written") from None
            if not text and default is not None:
                text = default
            try:
                return checker(text)
            except Invalid as error:
                print(f"  {error}", file=sys.stderr)
