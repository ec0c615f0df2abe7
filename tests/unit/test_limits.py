"""Limits on one content file (limits.py), checked before the slow parsers; images' hosts
(images.py); values that become paths (lang, office keys, department slugs, time zones)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from openings.checks import data, pipeline
from openings.checks.langtag import BCP47
from openings.config import settingscheck
from openings.core import rules
from openings.core.problems import BuildFailed, Problem, Severity
from openings.reading import images, limits, postingfile
from sitebuild import ROOT, site_settings

FRONT = "---\ntitle: Backend Developer\n---\n"
TIGHT = limits.Limits()


def parse(tmp_path: Path, body: str, front: str = FRONT, within=TIGHT):
    path = tmp_path / "x.md"
    path.write_text(front + body, encoding="utf-8")
    return postingfile.parse_file(str(path), "x.md", within)


def only_error(problems) -> Problem:
    errors = [p for p in problems if p.is_error]
    assert len(errors) == 1, [p.as_text() for p in problems]
    return errors[0]


# --- nesting, counted on the text ---

HOSTILE_BODIES = {
    "quotes on one line": "> " * 99_000 + "x\n",
    "quotes line by line": "".join(">" * n + " x\n" for n in range(1, 400)),
    "list markers on one line": "- " * 99_000 + "x\n",
    "numbered markers": "1. " * 60_000 + "x\n",
    "lists by indentation": "".join("  " * n + "- x\n" for n in range(200)),
    "tabs": "".join("\t" * n + "- x\n" for n in range(200)),
    "html divs": "<div>" * 39_000 + "x\n",
    "html bold": "<b>" * 60_000 + "x\n",
    "html spans over lines": "<span>\n" * 28_000,
    "quotes and html": "".join("> " * 10 + "<div>" * 11 + "x\n" for _ in range(3)),
}


@pytest.mark.parametrize("name", HOSTILE_BODIES)
def test_deep_bodies_are_refused_before_rendering_and_fast(tmp_path, name):
    started = time.perf_counter()
    doc, problems, html = parse(tmp_path, HOSTILE_BODIES[name])
    assert time.perf_counter() - started < 1  # with room for a busy machine
    error = only_error(problems)
    assert error.rule == rules.LIMIT_NESTING
    assert error.line >= 4  # in the body, which starts on line 4
    assert "at most 20" in error.message and "JOBPOSTING_MAX_NESTING" in error.message
    assert html == "" and doc.body == ""


def test_the_line_named_is_where_the_depth_is_passed(tmp_path):
    body = "Intro.\n\n" + "".join("  " * n + "- item\n" for n in range(25))
    _, problems, _ = parse(tmp_path, body)
    assert only_error(problems).line == 4 + 2 + 20  # the 21st item, in its 21st list


@pytest.mark.parametrize(
    "body",
    [
        "> quoted\n> > twice\n\n- a\n  - b\n    - c\n\n1. one\n   1. nested\n",
        "<details><summary>More</summary>\n\ntext\n</details>\n" * 300,
        "<p>para<p>para\n" * 1000 + "<br><img src=a.png><hr>\n" * 500,
        "Write to <me@fernhill.example> or see <https://fernhill.example/team>.\n" * 100,
        "| a | b |\n|---|---|\n" + "| 1 | 2 |\n" * 1000,
        "```\n" + "".join("  " * n + "code\n" for n in range(15)) + "```\n",
    ],
)
def test_ordinary_nesting_passes(tmp_path, body):
    _, problems, html = parse(tmp_path, body)
    assert problems == [] and html


def test_the_sample_postings_and_pages_are_within_every_limit():
    files = [*(ROOT / "content" / "jobs").glob("*.md"), *(ROOT / "content" / "pages").glob("*.md")]
    assert len(files) >= 10
    for path in files:
        _doc, problems, _ = postingfile.parse_file(str(path), path.name, TIGHT)
        assert not [p for p in problems if p.rule.startswith(("limit-", "image-"))], path


def test_a_setting_changes_the_depth_allowed(tmp_path):
    body = "".join("> " * 8 + "x\n" for _ in range(2))
    assert parse(tmp_path, body)[1] == []
    _, problems, _ = parse(tmp_path, body, within=limits.Limits(nesting=5))
    assert "at most 5" in only_error(problems).message


# --- size ---


def test_a_huge_file_is_refused_unread(tmp_path):
    path = tmp_path / "huge.md"
    with open(path, "wb") as handle:
        handle.write(FRONT.encode() + b"x" * 20_000_000)
    started = time.perf_counter()
    doc, problems, html = postingfile.parse_file(str(path), "huge.md", TIGHT)
    assert time.perf_counter() - started < 1  # with room for a busy machine
    error = only_error(problems)
    assert (error.line, error.rule) == (1, rules.LIMIT_BODY)
    assert error.message.startswith("the file is 20.0 MB;")
    assert "at most 200,000 bytes (JOBPOSTING_MAX_BODY_BYTES)" in error.message
    assert (doc.fields, doc.body, html) == ({}, "", "")


def test_a_body_over_the_limit_is_refused_with_its_line(tmp_path):
    front = FRONT.replace("---\n", "---\nsummary: fields come first\n", 1)
    _, problems, html = parse(tmp_path, "é" * 100_001, front=front)  # 200,002 bytes
    error = only_error(problems)
    assert (error.line, error.rule) == (5, rules.LIMIT_BODY)
    assert error.message.startswith("the description is 200,002 bytes;")
    assert html == ""
    _, problems, html = parse(tmp_path, "é" * 99_999, front=front)
    assert problems == [] and html


# --- front matter fields and messages ---


def test_too_many_fields_are_refused_before_they_are_built(tmp_path):
    fields = "".join(f"field_{n}: <script>{n}</script>\n" for n in range(5_000))
    doc, problems, _ = parse(tmp_path, "Body\n", front=f"---\n{fields}---\n")
    error = only_error(problems)
    assert error.rule == rules.LIMIT_FIELDS
    assert error.line == 2 + 60  # the 61st field
    assert "5,000 fields" in error.message and "at most 60" in error.message
    assert doc.fields == {}


def test_messages_of_one_rule_are_capped_with_a_count():
    found = [
        Problem("a.md", n, f"f{n}", "unknown field", Severity.ERROR, rules.UNKNOWN_FIELD)
        for n in range(100_000, 0, -1)
    ]
    found.append(Problem("a.md", 3, "title", "is required", Severity.ERROR, rules.REQUIRED))
    kept = limits.cap_per_rule(found, 5)
    assert len(kept) == 7
    unknown = [p for p in kept if p.rule == rules.UNKNOWN_FIELD]
    assert [p.line for p in unknown] == [1, 2, 3, 4, 5, 6]
    assert unknown[-1].message.startswith("… and 99,995 more like the above")
    assert any(p.rule == rules.REQUIRED for p in kept)


def test_warnings_and_errors_are_capped_apart():
    found = [Problem("a.md", 1, None, "w", Severity.WARNING, "r") for _ in range(6)]
    found += [Problem("a.md", 1, None, "e", Severity.ERROR, "r") for _ in range(3)]
    kept = limits.cap_per_rule(found, 5)
    assert sum(p.is_error for p in kept) == 3
    assert len([p for p in kept if not p.is_error]) == 6  # 5 and the count


# --- images ---


def test_images_from_other_hosts_are_errors_with_their_line(tmp_path):
    body = (
        "Team photo:\n\n![Team](https://tracker.example/pixel.gif)\n\n"
        '<img src="//cdn.example/a.png" alt="a">\n\n![ok]({static}/images/team.jpg) '
        "![also ok](images/x.png)\n"
    )
    _, problems, _html = parse(tmp_path, body)
    assert [(p.line, p.rule) for p in problems] == [(6, rules.IMAGE_HOST), (8, rules.IMAGE_HOST)]
    assert "tracker.example" in problems[0].message
    assert "{static}/images/" in problems[0].message
    assert "JOBPOSTING_IMAGE_HOSTS" in problems[0].message


def test_allowed_hosts_need_https(tmp_path):
    allowed = limits.Limits(image_hosts=frozenset({"images.fernhill.example"}))
    ok = "![a](https://images.fernhill.example/a.png)\n"
    assert parse(tmp_path, ok, within=allowed)[1] == []
    _, problems, _ = parse(tmp_path, ok.replace("https", "http"), within=allowed)
    assert "https" in only_error(problems).message


@pytest.mark.parametrize(
    ("src", "own"),
    [
        ("https://owner.github.io/careers/images/a.png", True),
        ("https://OWNER.github.io/careers/images/a.png", True),
        ("https://owner.github.io/other-project/pixel.gif", False),  # same host, another site
        ("https://owner.github.io/careers/../other-project/pixel.gif", False),
        ("https://owner.github.io/careers/%2e%2e/other-project/pixel.gif", False),
        ("https://owner.github.io/careers-old/a.png", False),
        ("http://owner.github.io/careers/images/a.png", False),
        ("https://owner.github.io:8443/careers/images/a.png", False),
    ],
)
def test_the_sites_own_images_are_those_under_siteurl(src, own):
    within = limits.from_settings({"SITEURL": "https://owner.github.io/careers"})
    html = f'<img src="{src}">'
    found = images.foreign_images(html, "", 1, "x.md", within.image_hosts, within.site_url)
    assert (found == []) is own


# --- settings ---


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("JOBPOSTING_MAX_BODY_BYTES", 0),
        ("JOBPOSTING_MAX_NESTING", "20"),
        ("JOBPOSTING_MAX_FIELDS", True),
        ("JOBPOSTING_MAX_MESSAGES_PER_RULE", -1),
        ("JOBPOSTING_IMAGE_HOSTS", "images.example.com"),
        ("JOBPOSTING_IMAGE_HOSTS", ["https://images.example.com/"]),
    ],
)
def test_wrong_limit_settings_stop_the_build(name, value, capsys):
    with pytest.raises(BuildFailed):
        settingscheck.check({name: value})
    assert name in capsys.readouterr().err


def test_the_settings_make_the_limits_files_are_checked_with(tmp_path):
    values = site_settings(ROOT / "content", tmp_path / "output")
    values.update(JOBPOSTING_MAX_NESTING=7, JOBPOSTING_IMAGE_HOSTS=["a.example"])
    settingscheck.check(values)
    checks = pipeline.prepare(values)
    assert checks.limits.nesting == 7 and checks.limits.image_hosts == {"a.example"}
    assert checks.limits.body_bytes == limits.Limits().body_bytes  # a default


# --- values that become paths ---


@pytest.mark.parametrize(
    "tag", ["en", "de", "pt-BR", "zh-Hant-TW", "es-419", "de-CH-1996", "en-x-hr"]
)
def test_language_tags(tag):
    assert BCP47.match(tag)


@pytest.mark.parametrize(
    "tag",
    ["de.x/../../../evil", "de/../evil", "../de", "de_DE", "de ", "de\n", "de-", "e", "de..x", ""],
)
def test_not_language_tags(tag):
    assert not BCP47.match(tag)


def load(tmp_path, offices: str = "", departments: str | None = None):
    folder = tmp_path / "data"
    folder.mkdir(exist_ok=True)
    (folder / "offices.yml").write_text(offices, encoding="utf-8")
    if departments is not None:
        (folder / "departments.yml").write_text(departments, encoding="utf-8")
    return data.load(str(tmp_path), "data", lambda p: p.replace(str(tmp_path) + "/", ""))


@pytest.mark.parametrize("key", ["../evil", "../../../evil", "a/b", "berlin mitte", "-x", "é"])
def test_office_keys_must_be_slugs(tmp_path, key):
    site = load(tmp_path, f'berlin:\n  country: DE\n"{key}":\n  country: DE\n')
    assert sorted(site.offices) == ["berlin"]
    (problem,) = site.problems
    assert (problem.path, problem.line, problem.rule) == ("data/offices.yml", 3, rules.KEY_SLUG)
    assert "lowercase letters, digits and dashes" in problem.message


def test_upper_case_office_keys_still_work(tmp_path):
    site = load(tmp_path, "Berlin-Mitte:\n  country: DE\n")
    assert site.problems == () and list(site.offices) == ["berlin-mitte"]


def test_department_slugs_must_be_slugs(tmp_path):
    site = load(tmp_path, "", "- name: Engineering\n  slug: ../../evil\n- name: Data\n")
    (problem,) = site.problems
    assert (problem.path, problem.line, problem.field) == ("data/departments.yml", 2, "slug")
    assert [d.name for d in site.departments] == ["Data"]


@pytest.mark.parametrize(
    "zone", ["Europe/Berln", "../../../etc/passwd", "/etc/localtime", "Europe/../UTC", "CET x", 5]
)
def test_office_timezones_must_be_iana_names(tmp_path, zone):
    written = f'"{zone}"' if isinstance(zone, str) else zone
    site = load(tmp_path, f"berlin:\n  country: DE\n  timezone: {written}\n")
    (problem,) = site.problems
    assert (problem.line, problem.field, problem.rule) == (3, "berlin.timezone", rules.TIMEZONE)
    assert "Europe/Berlin" in problem.message


@pytest.mark.parametrize("zone", ["Europe/Berlin", "America/Argentina/Buenos_Aires", "UTC"])
def test_real_timezones_pass(tmp_path, zone):
    assert load(tmp_path, f"berlin:\n  country: DE\n  timezone: {zone}\n").problems == ()


@pytest.mark.parametrize(
    ("written", "refused"),
    [('"de.x/../../evil"', True), ('"de\\0"', True), ('"pt_BR"', True), ("pt-BR", False)],
)
def test_a_postings_lang_is_checked_as_written(tmp_path, written, refused):
    """As the reader gives it to Pelican: a control character is not left out here."""
    values = site_settings(ROOT / "content", tmp_path / "output")
    settingscheck.check(values)
    posting = ROOT / "tests" / "fixtures" / "postings" / "invalid" / "lang-unknown.md"
    path = tmp_path / "x.md"
    path.write_text(posting.read_text(encoding="utf-8").replace("english", written), "utf-8")
    checks = pipeline.prepare(values)
    doc, problems, html = postingfile.read_posting(str(path), checks.limits)
    outcome = pipeline.check_posting(doc, "x.md", "x", html, problems, checks)
    found = [(p.line, p.field, p.rule) for p in outcome.problems if p.is_error]
    assert found == ([(11, "lang", rules.LANG)] if refused else [])


def test_one_message_more_than_the_cap_is_shown_not_counted():
    found = [Problem("a.md", n, None, f"m{n}", Severity.ERROR, "r") for n in range(6)]
    assert limits.cap_per_rule(found, 5) == found


# --- tables ---

WIDE_HEADER = "|a" * 300 + "|\n" + "|-" * 300 + "|\n"


@pytest.mark.parametrize(
    "body",
    [
        WIDE_HEADER + "x\n" * 20_000,  # one table, 6,000,000 cells
        (WIDE_HEADER + "x\n" * 100 + "\n") * 100,  # 100 tables of 30,300 cells
        "> " + WIDE_HEADER.replace("\n", "\n> ") + "x\n> " * 400,  # in a quote
    ],
)
def test_tables_that_would_fill_megabytes_are_refused_unrendered(tmp_path, body):
    started = time.perf_counter()
    _, problems, html = parse(tmp_path, body)
    assert time.perf_counter() - started < 1  # with room for a busy machine
    error = only_error(problems)
    assert error.rule == rules.LIMIT_TABLE and "at most 100,000" in error.message
    assert html == ""


def test_a_long_written_out_table_passes(tmp_path):
    row = "| " + " | ".join(f"cell {n}" for n in range(12)) + " |\n"
    table = row + "|" + "---|" * 12 + "\n" + row * 1_500  # 18,012 cells, 190 KB
    _, problems, html = parse(tmp_path, table + "\nAfter the table.\n")
    assert problems == [] and html.count("<td>") == 18_000


def test_the_table_named_is_where_the_count_is_passed(tmp_path):
    small = "| a | b |\n|---|---|\n| 1 | 2 |\n\n"
    _, problems, _ = parse(tmp_path, small + WIDE_HEADER + "x\n" * 400)
    assert only_error(problems).line == 4 + 5  # the second table's delimiter row


def test_a_data_file_with_thousands_of_bad_keys_reports_a_handful(tmp_path):
    content = tmp_path / "content"
    (content / "data").mkdir(parents=True)
    (content / "data" / "offices.yml").write_text(
        "".join(f'"../evil-{n}":\n  country: DE\n' for n in range(3_000)), encoding="utf-8"
    )
    values = site_settings(content, tmp_path / "output")
    settingscheck.check(values)
    checks = pipeline.prepare(values)
    assert len(checks.data_problems) == 6
    assert checks.data_problems[-1].message.startswith("… and 2,995 more like the above")


def test_a_huge_data_file_is_refused_unread(tmp_path):
    started = time.perf_counter()
    site = load(tmp_path, "berlin:\n  country: DE\n" + "# padding\n" * 500_000)
    assert time.perf_counter() - started < 1
    (problem,) = site.problems
    assert (problem.path, problem.rule) == ("data/offices.yml", rules.DATA_FILE)
    assert "longer than 1,000,000 characters" in problem.message
    assert site.offices == {}


# --- the HTML a description makes ---


def test_a_body_that_makes_megabytes_of_html_is_refused_before_the_sanitiser(tmp_path):
    body = "x[^a]\n\n" + "[^a]: " * 30_000 + "x\n"  # 180 KB, 8 MB of HTML
    started = time.perf_counter()
    doc, problems, html = parse(tmp_path, body)
    assert time.perf_counter() - started < 1  # sanitising that HTML took seconds
    error = only_error(problems)
    assert (error.line, error.rule) == (4, rules.LIMIT_HTML)
    assert "more than the 2,000,000 allowed" in error.message
    assert (doc.body, html) == ("", "")


def test_a_dense_honest_table_stays_within_the_html_limit(tmp_path):
    row = "|" + "a|" * 40 + "\n"  # one-letter cells: the most HTML per byte of a real table
    table = row + "|" + "-|" * 40 + "\n" + row * 2_300  # 190 KB, 40 columns
    _, problems, html = parse(tmp_path, table)
    assert problems == [] and html.count("<td>") == 92_000
