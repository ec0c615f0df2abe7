"""Groups of countries in remote_countries (regions.yml): written once, shown by their name,
expanded into every country for the JSON-LD and the pay-transparency rules."""

from __future__ import annotations

import datetime as dt

import pycountry
import pytest
from openings.checks import paytransparency, paytransparency_file, regions
from openings.render import display, jsonld
from sitebuild import ROOT
from test_validate import messages, posting

REMOTE = {"locations": None, "workplace": "remote"}
TODAY = dt.date(2026, 11, 28)


def test_every_group_lists_real_country_codes_once():
    for region in regions.regions().values():
        assert len(set(region.countries)) == len(region.countries), region.code
        for code in region.countries:
            assert pycountry.countries.get(alpha_2=code) is not None, (region.code, code)
    assert len(regions.regions()["EU"].countries) == 27
    assert set(regions.regions()["EU"].countries) < set(regions.regions()["EEA"].countries)


@pytest.mark.parametrize("written", ["EU", "eu", "European Union", "Europäische Union"])
def test_a_group_by_its_code_or_a_name_people_write(written):
    assert regions.lookup(written).code == "EU"


@pytest.mark.parametrize("written", ["DE", "US-CA", "NO"])
def test_a_country_or_state_code_is_never_a_group(written):
    assert regions.lookup(written) is None


def test_a_posting_open_to_the_eu_names_the_eu_and_keeps_every_country():
    job, found = posting(**REMOTE, remote_countries="[EU]")
    assert not found.has_errors, list(found)
    assert job.remote_regions == ("EU",)
    assert len(job.remote_areas) == 27 and {a.code for a in job.remote_areas} >= {"DE", "FR"}
    assert display.where(job) == "Remote (EU)"
    assert display.remote_areas(job, "de") == "EU"
    assert len(display.remote_countries(job, "de")) == 27
    data = jsonld.build(job, "https://careers.example/jobs/x/", "<p>x</p>")
    names = {a["name"] for a in data["applicantLocationRequirements"]}
    assert len(names) == 27 and "Germany" in names and "France" in names


def test_groups_and_single_places_together():
    job, found = posting(**REMOTE, remote_countries="[DACH, US-CA, FR]")
    assert not found.has_errors, list(found)
    assert display.where(job) == "Remote (DACH, California, France)"
    assert [a.code for a in job.remote_areas] == ["DE", "AT", "CH", "US-CA", "FR"]


def test_pay_transparency_sees_every_country_of_a_group():
    """Colorado's and British Columbia's laws cover remote jobs open to people living there."""
    laws, problems = paytransparency_file.load(ROOT / "content" / "data" / "pay_transparency.yml")
    assert problems == []
    job, _ = posting(**REMOTE, remote_countries="[North America]", salary=None)
    places, remote = paytransparency.places_of(job)
    found = {law.id for law in paytransparency.applicable(laws, places, remote, TODAY, None)}
    assert {"us-co", "ca-bc"} <= found
    job, _ = posting(**REMOTE, remote_countries="[DACH]", salary=None)
    places, remote = paytransparency.places_of(job)
    found = {law.id for law in paytransparency.applicable(laws, places, remote, TODAY, None)}
    assert not {"us-co", "ca-bc"} & found


def test_an_unknown_group_says_what_to_write():
    _, found = posting(**REMOTE, remote_countries="[Europe-ish]")
    assert any("nor a group such as EU or DACH" in m for m in messages(found)), messages(found)
