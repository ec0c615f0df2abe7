"""Pay-transparency rules: the shipped data, the matching of postings to laws, the file checks."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from openings.checks import paytransparency as pt
from openings.checks import paytransparency_file as ptfile

ROOT = Path(__file__).resolve().parents[2]
RULES_FILE = ROOT / "content" / "data" / "pay_transparency.yml"
DOC = ROOT / "docs" / "pay-transparency.md"
TODAY = dt.date(2026, 11, 28)
Place = pt.Place


@pytest.fixture(scope="module")
def rules():
    loaded, problems = ptfile.load(RULES_FILE)
    assert problems == []
    return loaded


def ids(found):
    return [rule.id for rule in found]


# --- the shipped data ---------------------------------------------------------------------------


def test_shipped_file_loads_without_problems():
    loaded, problems = ptfile.load(RULES_FILE)
    assert problems == []
    assert len(loaded) >= 20


def test_shipped_file_has_the_jurisdictions_of_the_issue(rules):
    expected = {
        "us-co", "us-ca", "us-wa", "us-ny", "us-ny-nyc", "us-il", "us-md", "us-mn", "us-ma",
        "us-nj", "us-hi", "us-vt", "us-dc", "ca-on", "ca-bc", "eu",
    }  # fmt: skip
    assert expected <= set(ids(rules))


def test_every_jurisdiction_has_a_source_or_says_it_has_none(rules):
    for rule in rules:
        assert rule.source or rule.source_note, rule.id
        if rule.source:
            assert rule.source.startswith("https://"), rule.id
        else:
            assert "not verified" in rule.source_note, rule.id


def test_every_jurisdiction_explains_itself(rules):
    for rule in rules:
        assert rule.law and rule.notes, rule.id


def test_the_eu_entry_covers_the_27_member_states_as_a_warning(rules):
    eu = next(rule for rule in rules if rule.id == "eu")
    assert len(eu.countries) == 27
    assert {"DE", "FR", "GR", "IE", "PL", "SE"} <= set(eu.countries)
    assert "GB" not in eu.countries
    assert eu.severity == "warning"
    assert eu.requires == "range-or-before-interview"
    assert eu.effective == dt.date(2026, 6, 7)


def test_only_the_eu_directive_is_a_warning(rules):
    assert [rule.id for rule in rules if rule.severity == "warning"] == ["eu"]


def test_the_doc_lists_every_jurisdiction(rules):
    doc = DOC.read_text(encoding="utf-8")
    missing = [rule.id for rule in rules if f"`{rule.id}`" not in doc]
    assert missing == []


def test_the_doc_table_gives_each_effective_date(rules):
    doc = DOC.read_text(encoding="utf-8")
    for rule in rules:
        row = next(line for line in doc.splitlines() if line.startswith(f"| `{rule.id}`"))
        assert rule.effective.isoformat() in row, rule.id


# --- which laws cover a posting -----------------------------------------------------------------


def test_an_office_in_new_york_city_is_covered_by_the_state_and_the_city(rules):
    found = pt.applicable(rules, [Place("US", "US-NY", "New York City")], [], TODAY, 100)
    assert ids(found) == ["us-ny", "us-ny-nyc"]


def test_other_names_of_new_york_city_match_case_insensitively(rules):
    for locality in ("brooklyn", "NEW YORK", "Staten Island"):
        found = pt.applicable(rules, [Place("US", "US-NY", locality)], [], TODAY, 100)
        assert ids(found) == ["us-ny", "us-ny-nyc"], locality


def test_an_office_elsewhere_in_new_york_state_is_covered_by_the_state_only(rules):
    found = pt.applicable(rules, [Place("US", "US-NY", "Buffalo")], [], TODAY, 100)
    assert ids(found) == ["us-ny"]


def test_a_city_of_the_same_name_in_another_state_is_not_caught(rules):
    found = pt.applicable(rules, [Place("US", "US-GA", "Columbus")], [], TODAY, 100)
    assert found == []


def test_a_bare_region_code_is_completed_with_the_country(rules):
    assert Place("us", "co") == Place("US", "US-CO")
    found = pt.applicable(rules, [Place("US", "CO", "Denver")], [], TODAY, 100)
    assert ids(found) == ["us-co"]


def test_a_remote_posting_open_to_all_of_the_us_is_covered_by_every_us_covered_rule(rules):
    found = pt.applicable(rules, [], [Place("US")], TODAY, 100)
    expected = [
        rule.id
        for rule in rules
        if rule.countries == ("US",) and rule.remote_roles == "covered" and rule.effective <= TODAY
    ]
    assert ids(found) == expected
    assert {"us-co", "us-ca", "us-wa", "us-ny-nyc", "us-nj"} <= set(ids(found))
    # laws that reach only roles reporting to an office there, or are silent, are not triggered
    assert not {"us-ny", "us-il", "us-vt", "us-md", "us-de"} & set(ids(found))


def test_a_remote_posting_limited_to_colorado_is_covered_by_colorado_only(rules):
    found = pt.applicable(rules, [], [Place("US", "US-CO")], TODAY, 100)
    assert ids(found) == ["us-co"]


def test_a_remote_posting_limited_to_new_york_state_reaches_the_city_law(rules):
    found = pt.applicable(rules, [], [Place("US", "US-NY")], TODAY, 100)
    assert ids(found) == ["us-ny-nyc"]


def test_remote_places_and_offices_combine(rules):
    found = pt.applicable(
        rules, [Place("US", "US-IL", "Chicago")], [Place("US", "US-CA")], TODAY, 100
    )
    assert ids(found) == ["us-ca", "us-il"]


def test_a_rule_not_yet_effective_is_skipped(rules):
    office = [Place("US", "US-DE", "Wilmington")]
    assert pt.applicable(rules, office, [], TODAY, 100) == []
    assert ids(pt.applicable(rules, office, [], dt.date(2027, 9, 26), 100)) == ["us-de"]
    assert pt.applicable(rules, office, [], dt.date(2027, 9, 25), 100) == []


def test_a_rule_applies_from_its_effective_day(rules):
    toronto = [Place("CA", "CA-ON", "Toronto")]
    assert pt.applicable(rules, toronto, [], dt.date(2025, 12, 31), 100) == []
    assert ids(pt.applicable(rules, toronto, [], dt.date(2026, 1, 1), 100)) == ["ca-on"]


def test_employer_size_threshold(rules):
    honolulu = [Place("US", "US-HI", "Honolulu")]
    assert pt.applicable(rules, honolulu, [], TODAY, 49) == []
    assert ids(pt.applicable(rules, honolulu, [], TODAY, 50)) == ["us-hi"]
    assert ids(pt.applicable(rules, honolulu, [], TODAY, None)) == ["us-hi"]


def test_employer_size_threshold_for_remote_postings(rules):
    found = pt.applicable(rules, [], [Place("US")], TODAY, 12)
    assert ids(found) == ["us-co", "us-ny-nyc", "us-nj"]  # California and Washington need 15


def test_an_eu_posting_gets_the_directive_as_a_warning(rules):
    found = pt.applicable(rules, [Place("DE", "DE-BE", "Berlin")], [], TODAY, 100)
    assert ids(found) == ["eu"]
    assert found[0].severity == "warning"
    assert (
        pt.applicable(rules, [Place("DE", "DE-BE", "Berlin")], [], dt.date(2026, 6, 6), 100) == []
    )


def test_a_remote_posting_open_to_an_eu_country_gets_the_directive(rules):
    assert ids(pt.applicable(rules, [], [Place("IE")], TODAY, 100)) == ["eu"]
    assert pt.applicable(rules, [], [Place("GB")], TODAY, 100) == []


def test_message_names_the_place_the_law_the_date_and_the_fix(rules):
    colorado = next(rule for rule in rules if rule.id == "us-co")
    text = pt.message(colorado)
    assert text.startswith("postings for Colorado must show a pay range (")
    assert "C.R.S. 8-5-201" in text
    assert "since 2021-01-01" in text
    assert "salary: {min: 90000, max: 120000, currency: USD, per: YEAR}" in text
    eu = next(rule for rule in rules if rule.id == "eu")
    assert "before the interview" in pt.message(eu)
    assert "currency: CAD" in pt.message(next(r for r in rules if r.id == "ca-bc"))


def test_places_of_a_posting_model():
    class Address:
        def __init__(self, country, region_code, locality):
            self.country, self.region_code, self.locality = country, region_code, locality

    class Area:
        def __init__(self, code):
            self.code = code
            self.country = code.split("-")[0]
            self.is_country = "-" not in code

    class Posting:
        locations = (Address("US", "US-CO", "Denver"),)
        remote_areas = (Area("US"), Area("CA-BC"))

    places, remote = pt.places_of(Posting())
    assert places == [Place("US", "US-CO", "Denver")]
    assert remote == [Place("US"), Place("CA", "CA-BC")]


# --- checking the file --------------------------------------------------------------------------

GOOD = """\
- id: xx-test
  name: Testland
  applies_to: {country: US, region: US-CO}
  law: Test Act
  effective: 2020-01-01
  employers: {min_employees: 1}
  remote_roles: covered
  requires: range
  severity: error
  source: https://example.org/test
"""


def _with(replace_from: str, replace_to: str) -> str:
    assert replace_from in GOOD
    return GOOD.replace(replace_from, replace_to)


def test_a_good_entry_loads():
    loaded, problems = ptfile.loads(GOOD)
    assert problems == []
    assert loaded[0].id == "xx-test"
    assert loaded[0].line == 1


def test_a_missing_file_is_no_rules_and_no_problems(tmp_path):
    assert ptfile.load(tmp_path / "nope.yml") == ((), [])


def test_an_empty_file_is_no_rules_and_no_problems():
    assert ptfile.loads("# nothing yet\n") == ((), [])


def test_a_yaml_syntax_error_has_its_line():
    loaded, problems = ptfile.loads(GOOD + "- id: [unclosed\n  name: x\n")
    assert loaded == ()
    [(line, text)] = problems
    assert line in (11, 12)
    assert "not valid YAML" in text


def test_the_file_must_be_a_list():
    loaded, problems = ptfile.loads("id: us-co\nname: Colorado\n")
    assert loaded == ()
    assert problems == [(1, problems[0][1])]
    assert "must be a list" in problems[0][1]


def test_an_unknown_key_says_did_you_mean_with_its_line():
    loaded, problems = ptfile.loads(_with("  severity: error", "  sevrity: error"))
    assert loaded == ()
    lines = {line for line, _ in problems}
    assert 9 in lines
    text = next(text for line, text in problems if line == 9)
    assert 'unknown key `sevrity` (did you mean "severity"?)' in text
    assert text.startswith("xx-test: ")
    assert any("severity: missing" in text for _, text in problems)


def test_a_bad_severity_says_did_you_mean():
    _, problems = ptfile.loads(_with("severity: error", "severity: eror"))
    assert problems == [
        (9, 'xx-test: severity: "eror" is not one of error, warning (did you mean "error"?)')
    ]


def test_a_bad_remote_roles_value_lists_the_choices():
    _, problems = ptfile.loads(_with("remote_roles: covered", "remote_roles: yes"))
    [(line, text)] = problems
    assert line == 7
    assert "covered, if-reports-to-office" in text


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("2021-13-01", "not a real date"),
        ("1 January 2021", "YYYY-MM-DD"),
        ("2021-01-01T00:00:00", "YYYY-MM-DD"),
    ],
)
def test_dates_must_be_iso(written, expected):
    _, problems = ptfile.loads(_with("effective: 2020-01-01", f"effective: {written}"))
    [(line, text)] = problems
    assert line == 5
    assert expected in text


def test_country_codes_are_checked():
    _, problems = ptfile.loads(_with("{country: US, region: US-CO}", "{country: XX}"))
    assert problems == [
        (3, 'xx-test: applies_to: country: "XX" is not an ISO 3166-1 country code, like US or DE')
    ]


def test_norway_written_bare_is_still_norway():
    loaded, problems = ptfile.loads(_with("{country: US, region: US-CO}", "{country: NO}"))
    assert problems == []
    assert loaded[0].countries == ("NO",)


def test_region_codes_are_checked():
    _, problems = ptfile.loads(_with("region: US-CO", "region: US-XY"))
    assert len(problems) == 1 and "US-XY" in problems[0][1] and problems[0][0] == 3
    _, problems = ptfile.loads(_with("region: US-CO", "region: CO"))
    assert "ISO 3166-2 code of US" in problems[0][1]
    _, problems = ptfile.loads(_with("region: US-CO", "region: CA-ON"))
    assert "ISO 3166-2 code of US" in problems[0][1]


def test_a_locality_needs_a_region():
    _, problems = ptfile.loads(
        _with("{country: US, region: US-CO}", "{country: US, locality: Denver}")
    )
    assert "needs a `region`" in problems[0][1]


def test_a_group_of_countries_is_checked():
    loaded, problems = ptfile.loads(_with("{country: US, region: US-CO}", "{countries: [AT, BE]}"))
    assert problems == [] and loaded[0].countries == ("AT", "BE") and loaded[0].country is None
    _, problems = ptfile.loads(_with("{country: US, region: US-CO}", "{countries: [AT, EL]}"))
    assert '"EL" is not an ISO 3166-1 country code' in problems[0][1]
    _, problems = ptfile.loads(_with("{country: US, region: US-CO}", "{countries: [AT, AT]}"))
    assert "twice" in problems[0][1]


def test_min_employees_must_be_a_whole_number():
    _, problems = ptfile.loads(_with("{min_employees: 1}", "{min_employees: fifteen}"))
    assert problems == [
        (6, 'xx-test: employers: min_employees: "fifteen" must be a whole number, 1 or more')
    ]
    _, problems = ptfile.loads(_with("{min_employees: 1}", "{min_employes: 1}"))
    assert 'did you mean "min_employees"' in problems[0][1]


def test_a_source_or_a_source_note_is_required():
    _, problems = ptfile.loads(_with("  source: https://example.org/test\n", ""))
    assert problems == [
        (
            1,
            (
                "xx-test: source: missing; give the page the facts were read from, "
                "or `source_note: not verified with a published source`"
            ),
        )
    ]
    loaded, problems = ptfile.loads(
        _with(
            "  source: https://example.org/test\n",
            "  source_note: not verified with a published source\n",
        )
    )
    assert problems == [] and loaded[0].source is None


def test_a_source_must_be_a_web_address():
    _, problems = ptfile.loads(_with("https://example.org/test", "the statute book"))
    assert problems == [(10, "xx-test: source: must be a web address starting with https://")]


def test_duplicate_ids_and_keys_are_reported():
    second = GOOD.replace("name: Testland", "name: Again")
    loaded, problems = ptfile.loads(GOOD + second)
    assert ids(loaded) == ["xx-test"]
    assert problems == [(11, "xx-test: id: already used on line 1; ids must be unique")]
    _, problems = ptfile.loads(_with("  law: Test Act\n", "  law: Test Act\n  law: Other Act\n"))
    assert problems == [(5, "xx-test: law: appears twice (also line 4); keep one")]


def test_a_bad_id_is_reported():
    _, problems = ptfile.loads(_with("id: xx-test", "id: XX Test"))
    assert problems[0][0] == 1
    assert "lower-case letters, digits and dashes" in problems[0][1]


def test_a_bad_entry_is_left_out_and_the_good_ones_kept():
    bad = GOOD.replace("xx-test", "xx-bad").replace("requires: range", "requires: salary")
    loaded, problems = ptfile.loads(GOOD + bad)
    assert ids(loaded) == ["xx-test"]
    assert len(problems) == 1
    line, text = problems[0]
    assert line == 18 and text.startswith("xx-bad: requires:")


def test_every_problem_in_the_shipped_format_has_a_line():
    text = RULES_FILE.read_text(encoding="utf-8").replace("severity: warning", "severity: warn")
    _, problems = ptfile.loads(text)
    assert len(problems) == 1
    line, message = problems[0]
    assert re.match(r"eu: severity: ", message)
    assert text.splitlines()[line - 1].strip() == "severity: warn"
