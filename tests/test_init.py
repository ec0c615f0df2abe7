"""`openings init`: a new careers site that builds, tests and publishes, with nothing of Fernhill.

The created site is built the way its README says (`make test`, `make publish`), with this
repository's environment standing in for the one `make install` would make (`VENV=`, and
`-o` so that make does not install into it). The slow test installs the wheel into a new
environment from the site's requirements.txt, as a company's site does.
"""

from __future__ import annotations

import json
import os
import pty
import re
import select
import shlex
import shutil
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from sitebuild import ROOT, soup

VENV = Path(sys.executable).parent.parent
OPENINGS = VENV / "bin" / "openings"
COMPANY = "Acme Widgets"
COLOUR = "#0b6e4f"
ANSWERS = [
    "--company", COMPANY, "--url", "https://acme.example", "--colour", COLOUR,
    "--language", "en", "--office", "munich=Munich,DE,Europe/Berlin",
    "--office", "nyc=New York,US,America/New_York",
    "--department", "Engineering", "--department", "people=People & Culture",
]  # fmt: skip
# the smallest PNG: a 1x1 transparent pixel
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)


def init(folder: Path, *answers: str, stdin=subprocess.DEVNULL) -> subprocess.CompletedProcess:
    return subprocess.run(
        [OPENINGS, "init", str(folder), *answers],
        check=False, stdin=stdin, capture_output=True, text=True, timeout=120,
    )  # fmt: skip


def make(site: Path, *targets: str, **env: str) -> subprocess.CompletedProcess:
    """The site's own Makefile, with this repository's environment as its VENV."""
    return subprocess.run(
        ["make", "--no-print-directory", "-o", f"{VENV}/.site-installed", f"VENV={VENV}",
         *targets],
        check=False, cwd=site, capture_output=True, text=True, timeout=300,
        env={**os.environ, **env},
    )  # fmt: skip


def every_file(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file()]


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    """A site made unattended, with a logo; then `make test` run in it (which builds output/)."""
    folder = tmp_path_factory.mktemp("made") / "careers"
    logo = folder.parent / "acme-logo.png"
    logo.write_bytes(PNG)
    result = init(folder, *ANSWERS, "--logo", str(logo))
    assert result.returncode == 0, result.stderr
    assert "make serve" in result.stdout
    return folder


@pytest.fixture(scope="module")
def tested(site) -> subprocess.CompletedProcess:
    return make(site, "test")


def test_the_site_has_every_part(site):
    names = {str(p.relative_to(site)) for p in every_file(site)}
    assert {
        "pelicanconf.py", "publishconf.py", "Makefile", "requirements.txt", "README.md",
        ".gitignore", ".github/dependabot.yml", ".github/workflows/ci.yml",
        ".github/workflows/pages.yml", "content/jobs/example-role.md", "content/pages/about.md",
        "content/data/offices.yml", "content/data/departments.yml", "content/images/logo.png",
        "templates/README.md", "docs/hr-guide.md",
    } <= names  # fmt: skip
    assert (site / "content/images/logo.png").read_bytes() == PNG
    settings = (site / "pelicanconf.py").read_text()
    for line in ("import openings", "THEME = openings.THEME",
                 'PLUGINS = ["pelican.plugins.jobposting"]', f'JOBPOSTING_BRAND_COLOUR = "{COLOUR}"',
                 '"name": "Acme Widgets"', 'JOBPOSTING_APPLY_EMAIL = "jobs@acme.example"',
                 "\nJOBPOSTING_CHECK_ALL_CONTENT = True"):  # fmt: skip
        assert line in settings
    from openings.commands.initsite import version

    assert f"openings=={version()}\n" in (site / "requirements.txt").read_text()
    assert "pelican==" in (site / "requirements.txt").read_text()
    assert "package-ecosystem: pip" in (site / ".github/dependabot.yml").read_text()


def test_nothing_of_fernhill_in_the_site_or_what_it_builds(site, tested):
    assert tested.returncode == 0, tested.stdout + tested.stderr
    for path in every_file(site):
        text = path.read_bytes().decode("utf-8", "replace").lower()
        assert "fernhill" not in text, path


def test_make_test_validates_builds_and_checks_the_links(tested):
    assert tested.returncode == 0, tested.stdout + tested.stderr
    assert "openings validate --strict" in tested.stdout
    assert "0 errors, 0 warnings" in tested.stdout
    assert "Every link of the site in output leads somewhere." in tested.stdout


def test_the_posting_page_has_its_json_ld_the_company_and_the_colour(site, tested):
    assert tested.returncode == 0, tested.stderr
    page = soup(site / "output/jobs/example-role/index.html")
    (block,) = page.find_all("script", type="application/ld+json")
    data = json.loads(block.string)
    assert data["@type"] == "JobPosting"
    assert data["title"] == "Example Role"
    assert data["hiringOrganization"]["name"] == COMPANY
    assert data["hiringOrganization"]["logo"].endswith("/images/logo.png")
    assert data["baseSalary"]["currency"] == "EUR"
    assert COMPANY in page.get_text()
    sheets = [link["href"] for link in page.find_all("link", rel="stylesheet")]
    assert sheets[-1].endswith("theme/css/brand.css")
    css = (site / "output/theme/css/brand.css").read_text()
    assert f"--accent: {COLOUR};" in css
    home = soup(site / "output/index.html")
    assert f"Careers at {COMPANY}" in home.title.string
    assert home.find("a", href=lambda h: h and "jobs/example-role" in h)
    assert (site / "output/about/index.html").is_file()
    assert (site / "output/how-we-hire/index.html").is_file()
    assert (site / "output/departments/engineering/index.html").is_file()


def test_publishing_refuses_the_example_posting_until_it_is_rewritten(site, tested, tmp_path):
    copy = tmp_path / "site"
    shutil.copytree(site, copy, ignore=shutil.ignore_patterns("output", ".pelican-cache"))
    refused = make(copy, "publish", SITEURL="https://acme.github.io/careers")
    assert refused.returncode != 0
    assert "content/jobs/example-role.md is still the example posting" in refused.stderr
    assert not (copy / "output").exists()
    posting = copy / "content/jobs/example-role.md"
    posting.write_text(
        "\n".join(
            line for line in posting.read_text().splitlines() if "EXAMPLE POSTING" not in line
        )
    )
    published = make(copy, "publish", SITEURL="https://acme.github.io/careers")
    assert published.returncode == 0, published.stderr
    page = soup(copy / "output/jobs/example-role/index.html")
    data = json.loads(page.find("script", type="application/ld+json").string)
    assert data["hiringOrganization"]["logo"] == "https://acme.github.io/careers/images/logo.png"
    assert data["url"] == "https://acme.github.io/careers/jobs/example-role/"

    # as the site's Pages workflow publishes: twice from its build cache, as a cold build would
    cold = {p.relative_to(copy / "output"): p.read_bytes() for p in every_file(copy / "output")}
    for said in ("kept build: no cache used", "kept build: 1 posting reused"):
        kept = make(copy, "publish", "BUILD_CACHE=.build-cache",
                    SITEURL="https://acme.github.io/careers")  # fmt: skip
        assert kept.returncode == 0, kept.stderr
        assert said in kept.stderr
        built = {
            p.relative_to(copy / "output"): p.read_bytes() for p in every_file(copy / "output")
        }
        assert built == cold
    assert ".build-cache/" in (copy / ".gitignore").read_text()


def test_an_overridden_block_keeps_the_rest_of_the_packaged_theme(site, tested, tmp_path):
    copy = tmp_path / "site"
    shutil.copytree(site, copy, ignore=shutil.ignore_patterns("output", ".pelican-cache"))
    # templates/README.md's example, as a site writes it
    (copy / "templates/page.html").write_text(
        '{% extends "!theme/page.html" %}\n{% block content %}\n{{ super() }}\n'
        '<p class="wrap" id="questions">Questions? Write to jobs@acme.example.</p>\n'
        "{% endblock %}\n"
    )
    result = make(copy, "test")
    assert result.returncode == 0, result.stdout + result.stderr
    about = soup(copy / "output/about/index.html")
    assert about.find("h1").get_text() == "About Acme Widgets"  # the theme's block, kept
    assert "Questions?" in about.find(id="questions").get_text()
    posting = soup(copy / "output/jobs/example-role/index.html")
    assert posting.find("script", type="application/ld+json")
    assert posting.find("link", href=lambda h: h and h.endswith("brand.css"))
    assert not posting.find(id="questions")


def test_check_links_names_a_broken_link_with_its_page_and_line(site, tested, tmp_path):
    output = tmp_path / "output"
    shutil.copytree(site / "output", output)
    page = output / "about/index.html"
    page.write_text(page.read_text().replace("</main>", '<a href="../nowhere/">x</a>\n</main>'))
    result = subprocess.run(
        [OPENINGS, "check-links", str(output)],
        check=False,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert "about/index.html:" in result.stderr
    assert "../nowhere/: no such file in the built site" in result.stderr


def test_the_sites_workflows_and_dependabot_match_their_schemas(site):
    workflows = sorted((site / ".github/workflows").glob("*.yml"))
    check = VENV / "bin" / "check-jsonschema"
    result = subprocess.run(
        [check, "--builtin-schema", "vendor.github-workflows", *workflows],
        check=False, capture_output=True, text=True,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    result = subprocess.run(
        [check, "--builtin-schema", "vendor.dependabot", site / ".github/dependabot.yml"],
        check=False, capture_output=True, text=True,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr


def test_zizmor_finds_nothing_in_the_sites_workflows(site):
    # as strict as tests/test_workflows.py is with this repository's own workflows
    result = subprocess.run(
        [VENV / "bin" / "zizmor", "--offline", "--persona=auditor", "--min-severity=informational",
         "--min-confidence=low", "--no-config", "--no-ignores", "--strict-collection",
         "--collect=all", "--format=json", ".github/"],
        check=False, cwd=site, capture_output=True, text=True,
    )  # fmt: skip
    assert result.returncode == 0 and json.loads(result.stdout or "[]") == [], result.stdout


def test_the_sites_settings_files_are_clean_python(site):
    result = subprocess.run(
        [VENV / "bin" / "ruff", "check", "--isolated", "--no-cache", "--line-length", "100",
         "--select", "E,F,W,I",
         "pelicanconf.py", "publishconf.py"],
        check=False, cwd=site, capture_output=True, text=True,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout


@pytest.mark.parametrize(
    ("change", "says"),
    [
        (["--colour", "green"], '--colour: the brand colour "green" is not a colour code'),
        (["--colour", "#12345"], "write it as # and six digits or letters a-f"),
        (["--url", "acme.example"], "--url: \"acme.example\" is not a web address: write the company website with https://, such as https://acme.example"),
        (["--office", "hq=Munich,XX,Europe/Berlin"], '--office: office hq: "XX" is not a country code'),
        (["--office", "hq=Munich,DE,Europe/Munich"], '--office: office hq: "Europe/Munich" is not a time zone'),
        (["--office", "hq=Munich"], "is not an office: write KEY=City,COUNTRY,Time/Zone"),
        (["--office", "Head Office=Munich,DE"], '"head office" cannot be an office key'),
        (["--office", "hq=Denver,US"], "US has several time zones; add the office's as a third part"),
        (["--language", "klingon"], '--language: "klingon": the site\'s words (Apply, Salary, ...) exist in'),
        (["--department", "Sales", "--department", "sales"], "department sales is given twice"),
        (["--apply-email", "jobs at acme"], '--apply-email: "jobs at acme" is not an email address'),
        (["--logo", "nowhere.png"], "--logo: the logo nowhere.png is not a file"),
    ],
)  # fmt: skip
def test_a_wrong_answer_is_named_and_nothing_is_written(tmp_path, change, says):
    answers = list(ANSWERS)
    for flag, value in zip(change[::2], change[1::2], strict=True):
        if flag in answers and flag not in ("--department",):
            answers[answers.index(flag) + 1] = value
        else:
            answers += [flag, value]
    if change[0] == "--department":
        answers = [
            a
            for a in ANSWERS
            if a not in ("--department", "Engineering", "people=People & Culture")
        ] + change
    result = init(tmp_path / "careers", *answers)
    assert result.returncode == 2
    assert says in result.stderr
    assert "nothing was written" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "careers").exists()


def test_every_wrong_answer_at_once(tmp_path):
    result = init(
        tmp_path / "careers", "--company", "Acme", "--url", "ftp://acme", "--colour", "blue",
        "--office", "hq=Munich,ZZ,Europe/Berlin", "--department", "Sales",
    )  # fmt: skip
    assert result.returncode == 2
    lines = result.stderr.splitlines()  # one problem per line, not escaped into one
    assert lines[0] == "openings init: nothing was written."
    assert [line.split(":")[0].strip() for line in lines[1:]] == ["--url", "--colour", "--office"]


def test_without_a_terminal_the_missing_answers_are_named(tmp_path):
    result = init(tmp_path / "careers", "--company", "Acme")
    assert result.returncode == 2
    assert "these answers are missing: --url, --office, --department" in result.stderr
    assert "openings init careers --company" in result.stderr  # an example to copy
    assert not (tmp_path / "careers").exists()


def test_a_folder_that_is_not_empty_is_left_alone(tmp_path):
    folder = tmp_path / "careers"
    folder.mkdir()
    (folder / "notes.txt").write_text("mine")
    result = init(folder, *ANSWERS)
    assert result.returncode == 2
    assert "is not empty, and init never changes an existing site" in result.stderr
    assert [p.name for p in folder.iterdir()] == ["notes.txt"]


def test_an_empty_folder_is_filled(tmp_path):
    folder = tmp_path / "careers"
    folder.mkdir()
    assert init(folder, *ANSWERS, "--yes").returncode == 0
    assert (folder / "pelicanconf.py").is_file()
    assert not (folder / "content/images").exists()  # no logo given: none


def test_the_questions_in_a_terminal_ask_again_after_a_wrong_answer(tmp_path):
    folder = tmp_path / "careers"
    answers = [
        "Acme",  # company
        "acme.example",  # website: wrong, asked again
        "https://acme.example",
        "",  # logo: none
        "#0b6e4f",  # colour
        "",  # languages: the default, en
        "hq=Munich,DE",  # offices (Germany has one time zone)
        "Engineering; Sales",  # departments
        "",  # apply email: the default
    ]
    output = _in_a_terminal([OPENINGS, "init", str(folder)], answers)
    assert "Company name:" in output
    assert "is not a web address" in output
    assert "Languages, the first is the site's" in output
    assert "[jobs@acme.example]" in output
    assert "Wrote a new careers site for Acme" in output
    offices = (folder / "content/data/offices.yml").read_text()
    assert 'timezone: "Europe/Berlin"' in offices
    assert '- name: "Sales"' in (folder / "content/data/departments.yml").read_text()


def _in_a_terminal(command: list, answers: list[str], timeout: float = 60) -> str:
    """Run `command` with a pseudo-terminal as its input and output; type the answers."""
    main, secondary = pty.openpty()
    process = subprocess.Popen(command, stdin=secondary, stdout=secondary, stderr=secondary)
    os.close(secondary)
    os.write(main, "".join(f"{a}\n" for a in answers).encode())
    seen, deadline = b"", time.monotonic() + timeout
    while time.monotonic() < deadline:
        ready, _, _ = select.select([main], [], [], 0.5)
        if ready:
            try:
                chunk = os.read(main, 4096)
            except OSError:  # the command ended and closed the terminal
                break
            if not chunk:
                break
            seen += chunk
        elif process.poll() is not None:
            break
    process.wait(timeout=10)
    os.close(main)
    return seen.decode("utf-8", "replace")


@pytest.mark.slow
def test_a_site_installs_openings_from_its_requirements_and_passes_its_tests(tmp_path):
    """As a company's site runs its README's command: a new environment, requirements.txt, and
    the wheel init put in the site (this openings is on no package index)."""
    folder = tmp_path / "careers"
    assert init(folder, *ANSWERS).returncode == 0
    result = subprocess.run(
        ["make", "test"], check=False, cwd=folder, capture_output=True, text=True, timeout=1200
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert (folder / ".venv/bin/openings").exists()
    assert (folder / "output/jobs/example-role/index.html").is_file()


def test_the_site_gets_a_wheel_of_this_openings_while_it_is_on_no_index(site):
    """This checkout's openings is installed editable, from no package index: the site gets a
    wheel of it, and requirements.txt looks for openings there first."""
    from openings.commands.initsite import version

    wheels = sorted(p.name for p in (site / "wheels").iterdir())
    assert wheels == [f"openings-{version()}-py3-none-any.whl"]
    with zipfile.ZipFile(site / "wheels" / wheels[0]) as wheel:
        held = set(wheel.namelist())
    packaged = {
        f"openings/{path.relative_to(ROOT / 'plugins/openings').as_posix()}"
        for path in (ROOT / "plugins/openings").rglob("*.py")
    }
    assert packaged <= held  # every module of the package, openings/build/ included
    lines = (site / "requirements.txt").read_text(encoding="utf-8").splitlines()
    assert next(line for line in lines if not line.startswith("#")) == "--find-links wheels"


def test_the_sites_openings_command_runs_what_the_messages_name(site, tmp_path):
    """./openings in the made site: the command the checks' messages print (`./openings fix`)."""
    assert (site / "openings").stat().st_mode & 0o111
    copy = tmp_path / "site"
    shutil.copytree(site, copy, ignore=shutil.ignore_patterns("output", ".pelican-cache"))
    # the site's .venv as `make install` leaves it, on this repository's environment
    bin_folder = copy / ".venv" / "bin"
    bin_folder.mkdir(parents=True)
    for name in ("python", "openings"):
        (bin_folder / name).symlink_to(VENV / "bin" / name)
    (copy / ".venv/.site-installed").touch()
    posting = copy / "content/jobs/example-role.md"
    posting.write_text(
        posting.read_text(encoding="utf-8") + "\n• one pasted bullet\n• and another\n",
        encoding="utf-8",
    )
    checked = subprocess.run(
        ["./openings", "validate", "content/jobs/example-role.md"],
        check=False, cwd=copy, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert "./openings fix content/jobs/example-role.md" in checked.stdout + checked.stderr
    fixed = subprocess.run(
        ["./openings", "fix", "content/jobs/example-role.md"],
        check=False, cwd=copy, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert fixed.returncode == 0, fixed.stdout + fixed.stderr
    assert "\n- one pasted bullet\n- and another\n" in posting.read_text(encoding="utf-8")


def test_the_sites_hr_guide_lists_every_field(site):
    """The checks' messages say "docs/hr-guide.md lists every field": in a made site that is
    the site's own guide."""
    from openings.checks.fields import FIELDS

    guide = (site / "docs/hr-guide.md").read_text(encoding="utf-8")
    assert [name for name in FIELDS if f"`{name}`" not in guide] == []


def test_a_new_posting_on_a_french_site_starts_in_french(tmp_path):
    """`make new` writes the description's headings and placeholders in the site's language;
    the checks name each placeholder left, whatever its language."""
    folder = tmp_path / "carrieres"
    answers = [a if a != "en" else "fr" for a in ANSWERS]
    assert init(folder, *answers, "--no-wheel").returncode == 0
    result = make(folder, "new", "TITLE=Vendeur", "DEPARTMENT=Engineering", "OFFICE=munich")
    assert result.returncode == 0, result.stdout + result.stderr
    text = (folder / "content/jobs/vendeur.md").read_text(encoding="utf-8")
    assert "## Vos missions" in text and "## What you will do" not in text
    assert result.stdout.count("the posting template's placeholder") == 4


def test_no_wheel_leaves_openings_to_a_package_index(tmp_path):
    folder = tmp_path / "careers"
    result = init(folder, *ANSWERS, "--no-wheel")
    assert result.returncode == 0, result.stderr
    assert not (folder / "wheels").exists()
    assert "--find-links" not in (folder / "requirements.txt").read_text(encoding="utf-8")


def _wheel(tmp_path: Path, wheels: Path, version: str, base_html_extra: str = "") -> None:
    """A wheel of this checkout as the given version (and the theme's base.html with a line
    more, so that a build shows which version made it)."""
    source = tmp_path / f"source-{version}"
    source.mkdir(parents=True)
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        shutil.copyfile(ROOT / name, source / name)
    shutil.copytree(ROOT / "plugins", source / "plugins",
                    ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))  # fmt: skip
    pyproject = source / "pyproject.toml"
    text = pyproject.read_text(encoding="utf-8")
    pyproject.write_text(re.sub(r'(?m)^version = ".*"$', f'version = "{version}"', text, count=1))
    base = source / "plugins/openings/theme/templates/base.html"
    base.write_text(base.read_text().replace("</head>", f"{base_html_extra}</head>", 1))
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(wheels),
         str(source)],
        check=True, capture_output=True,
    )  # fmt: skip


def test_a_site_takes_a_new_version_by_its_requirements_and_keeps_its_own_templates(tmp_path):
    """The upgrade a Dependabot pull request makes: `openings==` raised in requirements.txt. The
    site's next build installs the new version, shows the packaged theme's change, and keeps the
    block the site overrode."""
    from openings.commands.initsite import version

    current = version()
    major, minor, patch = (int(part) for part in current.split(".")[:3])
    newer = f"{major}.{minor}.{patch + 1}"
    wheels = tmp_path / "wheels"
    _wheel(tmp_path, wheels, current)
    _wheel(tmp_path, wheels, newer, f'<meta name="x-openings-version" content="{newer}">')
    folder = tmp_path / "careers"
    assert init(folder, *ANSWERS).returncode == 0
    (folder / "templates/page.html").write_text(
        '{% extends "!theme/page.html" %}\n{% block content %}\n{{ super() }}\n'
        '<p class="wrap" id="questions">Questions? Write to jobs@acme.example.</p>\n'
        "{% endblock %}\n"
    )

    def build() -> tuple[str | None, str]:
        result = subprocess.run(
            ["make", "html", f"PIP_FLAGS=--find-links {wheels}"],
            check=False, cwd=folder, capture_output=True, text=True, timeout=900,
        )  # fmt: skip
        assert result.returncode == 0, result.stdout + result.stderr
        about = soup(folder / "output/about/index.html")
        assert "Questions?" in about.find(id="questions").get_text()  # the site's own block
        posting = soup(folder / "output/jobs/example-role/index.html")
        assert posting.find("script", type="application/ld+json")
        marker = posting.find("meta", attrs={"name": "x-openings-version"})
        installed = subprocess.run(
            [folder / ".venv/bin/python", "-c",
             "from importlib.metadata import version; print(version('openings'))"],
            check=True, capture_output=True, text=True,
        ).stdout.strip()  # fmt: skip
        return (marker["content"] if marker else None), installed

    assert build() == (None, current)
    requirements = folder / "requirements.txt"
    text = requirements.read_text(encoding="utf-8")
    assert f"openings=={current}\n" in text
    requirements.write_text(text.replace(f"openings=={current}\n", f"openings=={newer}\n"))
    assert build() == (newer, newer)


def test_the_setup_guides_unattended_command_runs_as_printed(tmp_path):
    text = (ROOT / "docs/setup.md").read_text(encoding="utf-8")
    (block,) = [b for b in text.split("```sh\n") if b.startswith("openings init careers --")]
    command = shlex.split(block.split("```")[0].replace("\\\n", " "))
    logo = tmp_path / "logo.png"
    logo.write_bytes(PNG)
    command[command.index("--logo") + 1] = str(logo)
    assert command[:3] == ["openings", "init", "careers"]
    result = subprocess.run(
        [OPENINGS, *command[1:]], check=False, cwd=tmp_path, capture_output=True, text=True,
        stdin=subprocess.DEVNULL, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    offices = (tmp_path / "careers/content/data/offices.yml").read_text()
    assert "nyc:" in offices and '"America/New_York"' in offices


def test_a_new_posting_in_the_site_brings_nothing_of_fernhill(site, tested, tmp_path):
    copy = tmp_path / "site"
    shutil.copytree(site, copy, ignore=shutil.ignore_patterns("output", ".pelican-cache"))
    # the command as the site's HR guide prints it
    (printed,) = re.findall(r"`(make new [^`]+)`", (copy / "docs/hr-guide.md").read_text())
    assert printed == "make new TITLE='Data Analyst' DEPARTMENT='Engineering' OFFICE=munich"
    result = make(copy, *shlex.split(printed)[1:])
    assert result.returncode == 0, result.stdout + result.stderr
    posting = (copy / "content/jobs/data-analyst.md").read_text()
    assert "locations: [munich]" in posting
    assert "fernhill" not in posting.lower()


def test_a_site_in_another_language_is_that_language(tmp_path):
    folder = tmp_path / "karriere"
    answers = [a if a != "en" else "de,en" for a in ANSWERS]
    assert init(folder, *answers).returncode == 0
    settings = (folder / "pelicanconf.py").read_text()
    assert 'DEFAULT_LANG = "de"' in settings
    assert 'JOBPOSTING_LANGUAGES = ["de", "en"]' in settings
    result = make(folder, "html")
    assert result.returncode == 0, result.stdout + result.stderr
    page = soup(folder / "output/jobs/example-role/index.html")
    assert page.html["lang"] == "de"
    # the lists in the other language too, with a switcher between them
    english = soup(folder / "output/en/index.html")
    assert english.html["lang"] == "en"
    assert english.find("nav", class_="languages") is not None
    # what a visitor reads is German, with the example posting and company pages translated
    assert 'SITENAME = "Karriere bei Acme Widgets"' in settings
    assert '"en": "Careers at Acme Widgets",' in settings  # JOBPOSTING_SITENAMES
    assert english.select_one(".site-name").get_text() == "Careers at Acme Widgets"
    assert page.select_one(".site-name").get_text() == "Karriere bei Acme Widgets"
    assert page.h1.get_text() == "Beispielstelle"
    assert "Dies ist eine Beispielanzeige." in page.select_one(".description").get_text()
    assert [h.get_text() for h in english.select(".card .title")] == ["Example Role"]
    translation = soup(folder / "output/jobs/example-role/en/index.html")
    assert translation.html["lang"] == "en"
    links = {link["hreflang"] for link in translation.select("head link[hreflang]")}
    assert links == {"de", "en", "x-default"}
    assert soup(folder / "output/about/index.html").h1.get_text() == "Über uns"
    assert soup(folder / "output/about/en/index.html").h1.get_text() == "About Acme Widgets"
    assert (folder / "output/en/404.html").exists()
    # publishing waits until the translation of the example is rewritten too
    (folder / "content/jobs/example-role.md").unlink()
    result = make(folder, "publish", SITEURL="https://careers.acme.example")
    assert result.returncode != 0
    assert "content/jobs/example-role.en.md is still the example posting" in result.stderr


@pytest.mark.parametrize("lang", ["de", "es", "fr", "nl", "pl", "pt"])
def test_a_new_site_speaks_its_first_language(tmp_path, lang):
    folder = tmp_path / "site"
    answers = [a if a != "en" else lang for a in ANSWERS]
    assert init(folder, *answers, "--no-wheel").returncode == 0
    english = initsite_words("en")
    texts = [
        (folder / name).read_text(encoding="utf-8")
        for name in ("content/jobs/example-role.md", "content/pages/about.md",
                     "content/pages/how-we-hire.md", "content/data/departments.yml",
                     "pelicanconf.py")
    ]  # fmt: skip
    for key in ("example_title", "hiring_title", "hiring_summary", "about_summary"):
        assert english[key] not in "\n".join(texts)
    assert "What the Engineering team does" not in texts[3]
    assert "Careers at" not in texts[4]
    assert not list(folder.glob("content/*/*.*.md"))  # one language: no translations


def initsite_words(lang: str) -> dict:
    from openings.commands import initsite

    return initsite.words(lang)


def test_every_language_has_every_text_init_writes():
    from openings.core import catalogs

    english = initsite_words("en")
    for lang in catalogs.shipped():
        found = initsite_words(lang)
        assert set(found) == set(english), lang
        assert all(isinstance(text, str) and text.strip() for text in found.values()), lang
        if lang != "en":
            assert found["example_body"] != english["example_body"], lang
        # the command that starts a posting is the one that works in the new site
        command = "DEPARTMENT='{{ department }}' OFFICE={{ office }}`"
        assert command in found["example_body"], lang
