"""The data files (offices.yml, departments.yml): read like postings, every mistake with its line."""

from __future__ import annotations

import pytest
from openings.checks import data
from openings.core import rules
from sitebuild import ROOT


def load(tmp_path, offices: str | bytes | None = None, departments: str | None = None):
    folder = tmp_path / "data"
    folder.mkdir(exist_ok=True)
    if offices is not None:
        path = folder / "offices.yml"
        path.write_bytes(offices if isinstance(offices, bytes) else offices.encode())
    if departments is not None:
        (folder / "departments.yml").write_text(departments, encoding="utf-8")
    return data.load(str(tmp_path), "data", lambda p: p.replace(str(tmp_path) + "/", ""))


def texts(site) -> list[str]:
    return [p.as_text() for p in site.problems]


def test_the_sample_data_files_are_clean_and_complete():
    site = data.load(str(ROOT / "content"), "data", str)
    assert site.problems == ()
    assert sorted(site.offices) == ["berlin", "denver", "lisbon", "london", "new-york"]
    berlin = site.offices["berlin"]
    assert (berlin.key, berlin.name, berlin.region_code, berlin.postal_code) == (
        "berlin", "Berlin", "DE-BE", "10119",
    )  # fmt: skip
    assert site.offices["lisbon"].region_code == "PT-11"  # quoted "11" stays a code
    assert [d.name for d in site.departments] == [
        "Engineering", "Product & Design", "Data", "Customer Success", "People & Operations",
    ]  # fmt: skip
    assert site.departments[1].slug == "product-design"


def test_missing_files_mean_none(tmp_path):
    site = load(tmp_path)
    assert (site.offices, site.departments, site.problems) == ({}, (), ())


def test_office_mistakes_each_with_line_and_field(tmp_path):
    site = load(
        tmp_path,
        "oslo:\n  locality: Oslo\n  postal_code: 0150\n  country: NO\n"
        "london:\n  locality: London\n  country: UK\n"
        "paris:\n  city: Paris\n  land: FR\n"
        "berlin:\n  locality: Berlin\n  region: Bavaria Land\n  country: DE\n",
    )
    assert texts(site) == [
        'data/offices.yml:4: oslo.country: NO was read as yes/no; write it in quotes: "NO"',
        'data/offices.yml:7: london.country: "UK" is not a two-letter ISO 3166-1 country code (did you mean GB?)',
        "data/offices.yml:10: paris.land: unknown address field; use one of name, street, locality, region, postal_code, country, timezone",
        "data/offices.yml:8: paris.country: is missing: every address needs a country, as a two-letter ISO code such as DE or US",
        'data/offices.yml:13: warning: berlin.region: "Bavaria Land" is not a region of DE; write its code from ISO 3166-2:DE, or leave region out',
    ]  # fmt: skip
    assert {p.rule for p in site.problems} == {rules.COUNTRY, rules.DATA_FILE, rules.REGION}
    assert sorted(site.offices) == ["berlin"]


def test_unquoted_postal_code_keeps_its_digits(tmp_path):
    site = load(tmp_path, "dresden:\n  locality: Dresden\n  postal_code: 01067\n  country: DE\n")
    assert site.problems == () and site.offices["dresden"].postal_code == "01067"


def test_department_mistakes(tmp_path):
    site = load(
        tmp_path,
        departments="- Engineering\n- name: engineering\n- name: Data\n  colour: blue\n- [x]\n- name: ''\n",
    )
    assert texts(site) == [
        "data/departments.yml:2: name: department 'engineering' is listed twice",
        "data/departments.yml:4: colour: a department has name, slug and blurb only",
        "data/departments.yml:5: each department needs a name: `- name: Engineering`",
        "data/departments.yml:6: name: a department's name is empty",
    ]
    assert [d.name for d in site.departments] == ["Engineering", "Data"]


@pytest.mark.parametrize(
    ("offices", "words"),
    [
        ("berlin: [1, 2]\n", "berlin: write the address as fields"),
        ("- berlin\n", "offices.yml must map office keys to addresses"),
        ("berlin:\n  country: DE\n bad\n", "is not valid YAML"),
        (b"berlin:\n  locality: K\xf6ln\n  country: DE\n", "save it as UTF-8"),
    ],
)
def test_broken_offices_file_is_one_clear_error(tmp_path, offices, words):
    site = load(tmp_path, offices)
    assert site.problems and all(p.rule == rules.DATA_FILE for p in site.problems)
    assert any(words in p.as_text() for p in site.problems), texts(site)
