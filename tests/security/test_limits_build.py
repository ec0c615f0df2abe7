"""Limits and values that become paths, through the real `pelican` command and real builds.

Each hostile file is refused with its file:line and the setting or value to change, the whole
report stays a handful of lines, nothing is written outside the output folder, and a body
nested as deeply as allowed still builds fast.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from openings.core.problems import BuildFailed
from sitebuild import ROOT, TODAY, VALID_POSTING, Site

PELICAN = Path(sys.executable).parent / "pelican"


def posting(**lines) -> str:
    """VALID_POSTING with fields replaced or added, and a body."""
    body = lines.pop("body", "We build things. You will help.\n")
    text = VALID_POSTING.strip().split("\n---\n")[0]
    fields = dict(line.split(": ", 1) for line in text.removeprefix("---\n").split("\n"))
    fields.update(lines)
    return "---\n" + "".join(f"{k}: {v}\n" for k, v in fields.items() if v) + "---\n" + body


def pelican(site: Site, *settings: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"}
    return subprocess.run(
        [str(PELICAN), str(site.content), "-o", str(site.output),
         "-s", str(ROOT / "pelicanconf.py"), "-e", f'JOBPOSTING_TODAY="{TODAY}"',
         "CACHE_CONTENT=false", "LOAD_CONTENT_CACHE=false", *settings],
        check=False, cwd=site.content.parent, env=env, capture_output=True, text=True,
        timeout=120,
    )  # fmt: skip


def files_outside(root: Path, site: Site) -> list[Path]:
    """Every file under `root` that is neither the site's content nor its output."""
    return [
        p
        for p in root.rglob("*")
        if p.is_file() and site.content not in p.parents and site.output not in p.parents
    ]


@pytest.fixture(scope="module")
def refused(tmp_path_factory):
    """One site with every hostile posting, page and data-file entry, built by `pelican`."""
    root = tmp_path_factory.mktemp("limits")
    site = Site(root / "1" / "2" / "3")  # ../../../evil from output/locations/ stays in root
    write = site.posting
    write("nested-quotes.md", posting(body="> " * 99_000 + "x\n"))
    write("nested-lists.md", posting(body="".join("  " * n + "- x\n" for n in range(300))))
    write("nested-html.md", posting(body="Intro\n\n" + "<div>" * 39_000 + "x\n"))
    with open(site.content / "jobs" / "huge.md", "w", encoding="utf-8") as handle:
        handle.write(posting(body="A long description. " * 1_000_000))  # 20 MB
    write("many-keys.md", "---\n" + "".join(f"k{n}: x\n" for n in range(100_000)) + "---\nx\n")
    write("lang-path.md", posting(lang='"de.x/../../../evil"'))
    write("office-path.md", posting(locations='["../evil"]'))
    write("office-path-deep.md", posting(locations='["../../../evil"]'))
    write("tracker.md", posting(body="Hi.\n\n![x](https://tracker.example/p.gif)\n"))
    countries = "[" + ", ".join(["DE"] * 150) + "]"
    write("countries.md", posting(workplace="remote", locations="", remote_countries=countries))
    (site.content / "pages" / "about.md").write_text(
        '---\ntitle: About\n---\nOur office:\n\n<img src="https://tracker.example/o.png">\n',
        encoding="utf-8",
    )
    (site.content / "pages" / "evil-lang.md").write_text(
        '---\ntitle: Evil\nlang: "../jobs/backend-developer"\n---\nHello\n', encoding="utf-8"
    )
    offices = site.content / "data" / "offices.yml"
    offices.write_text(
        offices.read_text(encoding="utf-8")
        + '\n"../evil":\n  country: DE\n\n"../../../evil":\n  country: DE\n'
        + "\nmunich:\n  country: DE\n  timezone: ../../../etc/passwd\n",
        encoding="utf-8",
    )
    started = time.perf_counter()
    result = pelican(site)
    return site, root, result, time.perf_counter() - started


def test_every_hostile_file_is_refused_with_its_line(refused):
    _site, _, result, _ = refused
    output = result.stderr + result.stdout
    jobs, data = "content/jobs", "content/data"  # as people see them, from the site's folder
    assert result.returncode == 1, output
    assert "Traceback" not in output
    for expected in [
        f"{jobs}/nested-quotes.md:12: the description is nested 99,000 levels deep",
        f"{jobs}/nested-lists.md:32: the description is nested 21 levels deep",
        f"{jobs}/nested-html.md:14: the description is nested 21 levels deep",
        (
            f"{jobs}/huge.md:1: the file is 20.0 MB; a posting or page may have at most 200,000 "
            "bytes (JOBPOSTING_MAX_BODY_BYTES) of description and 64,000 bytes of fields"
        ),
        f"{jobs}/many-keys.md:1: the file is 988,900 bytes",
        f'{jobs}/lang-path.md:11: lang: "de.x/../../../evil" is not a language code',
        f'{jobs}/office-path.md:7: locations: "../evil" is not an office key',
        f'{jobs}/office-path-deep.md:7: locations: "../../../evil" is not an office key',
        f"{jobs}/tracker.md:14: the image https://tracker.example/p.gif comes from another site",
        f"{jobs}/countries.md:11: remote_countries: has 150 entries; at most 100 are allowed",
        "content/pages/evil-lang.md:3: lang: '../jobs/backend-developer' is not a language code",
        "content/pages/about.md:6: the image https://tracker.example/o.png",
        f"{data}/offices.yml:53: '../evil' cannot be an office key",
        f"{data}/offices.yml:56: '../../../evil' cannot be an office key",
        f"{data}/offices.yml:61: munich.timezone: '../../../etc/passwd' is not an IANA time zone",
    ]:
        assert expected in output, f"{expected}\n---\n{output[-3000:]}"


def test_the_report_stays_short(refused):
    _, _, result, _ = refused
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) < 40, "\n".join(lines)
    # read and validated, the posting's lang is one problem, said once
    assert len([line for line in lines if "lang-path.md" in line]) == 1


def test_nothing_is_written_anywhere(refused):
    site, root, _, _ = refused
    assert files_outside(root, site) == []
    assert not site.output.exists() or not any(p.is_file() for p in site.output.rglob("*"))


def test_refusing_is_fast(refused):
    *_, seconds = refused
    assert seconds < 15  # Pelican's start included; the same files took minutes unchecked


def test_ten_thousand_unknown_fields_print_a_handful_of_lines(tmp_path, capsys):
    site = Site(tmp_path)
    unknown = "".join(f"field_{n}: x\n" for n in range(10_000))
    site.posting("keys.md", "---\n" + unknown + "title: Developer\n---\nBody\n")
    with pytest.raises(BuildFailed):  # the limits raised so that every field is read
        site.build(JOBPOSTING_MAX_BODY_BYTES=10_000_000, JOBPOSTING_MAX_FIELDS=1_000_000)
    lines = [line for line in capsys.readouterr().err.splitlines() if "keys.md" in line]
    assert len(lines) < 20, lines  # the unknown fields, then the required ones missing
    assert len([line for line in lines if "unknown field" in line]) == 5
    assert any("… and 9,995 more like the above (unknown-field)" in line for line in lines)


def test_a_body_nested_to_the_limit_builds_in_well_under_two_seconds(tmp_path):
    site = Site(tmp_path)
    body = ("> " * 20 + "quoted\n") * 4_200 + "<div>" * 20 + "x" + "</div>" * 20 + "\n"
    assert 190_000 < len(body.encode()) < 200_000
    site.posting("deep.md", posting(body=body))
    started = time.perf_counter()
    site.build()
    assert time.perf_counter() - started < 2
    page = site.page("jobs/deep/index.html")
    quote = page.select_one("article blockquote")
    assert quote is not None and len(quote.find_parents("blockquote")) == 0
    assert len(page.select("blockquote " * 20)) > 0


@pytest.mark.parametrize(
    "value", ["../evil", "../../x", "a/b", "..", "%2e%2e", "x\\y", "de.x/../../../evil", "de\\0"]
)
def test_no_page_is_written_outside_its_folder_whatever_the_value(tmp_path, value):
    """A slug, lang or department with a path in it never reaches a file name."""
    root = tmp_path
    site = Site(root / "a" / "b")
    site.posting("slug.md", posting(slug=f'"{value}"', req_id="S-1"))
    site.posting("lang.md", posting(lang=f'"{value}"', req_id="S-2"))
    site.posting("dept.md", posting(department=f'"{value}"', req_id="S-3"))
    site.posting("office.md", posting(locations=f'["{value}"]', req_id="S-4"))
    with pytest.raises(BuildFailed) as failure:
        site.build()
    refused = {Path(p.path).name for p in failure.value.problems if p.is_error}
    assert refused == {"slug.md", "lang.md", "dept.md", "office.md"}
    assert files_outside(root, site) == []
