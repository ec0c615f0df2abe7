"""JSON-LD built from the model: Google's required properties, recommended ones when known,
and written safely with Jinja's |tojson (the theme's filter)."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from jinja2 import Environment
from openings.checks.fields import jsonldparts
from openings.core.model import Address, Area, JobPosting, Organization, Salary
from openings.render import jsonld

BERLIN_OFFICE = Address("DE", "Berlin", "BE", "DE-BE", "10119", "Torstraße 109", "Berlin", "berlin")
ORG = Organization("Fernhill Labs", "https://fernhill.example", "https://fernhill.example/l.png")
URL = "https://careers.example/jobs/backend/"


def job(**fields) -> JobPosting:
    values = {
        "source_path": "x.md", "slug": "backend", "title": "Backend Developer", "lang": "en",
        "status": "open", "date_posted": dt.date(2026, 11, 2), "department": "Engineering",
        "body_html": "<p>Body</p>", "organization": ORG, "locations": (BERLIN_OFFICE,),
    }  # fmt: skip
    values.update(fields)
    return JobPosting(**values)


def build(**fields) -> dict:
    return jsonld.build(job(**fields), URL, "<p>Body</p>")


def test_required_properties_always():
    data = build()
    assert data["@context"] == "https://schema.org/" and data["@type"] == "JobPosting"
    assert data["title"] == "Backend Developer"
    assert data["description"] == "<p>Body</p>"
    assert data["datePosted"] == "2026-11-02"
    assert data["hiringOrganization"] == {
        "@type": "Organization",
        "name": "Fernhill Labs",
        "url": "https://fernhill.example",
        "logo": "https://fernhill.example/l.png",
    }
    assert data["url"] == URL
    assert data["jobLocation"] == {
        "@type": "Place",
        "address": {
            "@type": "PostalAddress",
            "streetAddress": "Torstraße 109",
            "addressLocality": "Berlin",
            "addressRegion": "BE",
            "postalCode": "10119",
            "addressCountry": "DE",
        },
    }


def test_nothing_unknown_is_invented():
    data = build()
    for key in ("validThrough", "employmentType", "baseSalary", "identifier", "directApply",
                "educationRequirements", "experienceRequirements", "totalJobOpenings",
                "jobStartDate", "jobLocationType", "applicantLocationRequirements"):  # fmt: skip
        assert key not in data, key


def test_valid_through_is_written_with_its_offset():
    moment = dt.datetime(2027, 1, 31, 23, 59, 59, tzinfo=ZoneInfo("Europe/Berlin"))
    assert build(valid_through=moment)["validThrough"] == "2027-01-31T23:59:59+01:00"


def test_one_employment_type_is_a_string_several_a_list():
    assert build(employment_types=("FULL_TIME",))["employmentType"] == "FULL_TIME"
    assert build(employment_types=("FULL_TIME", "PART_TIME"))["employmentType"] == [
        "FULL_TIME",
        "PART_TIME",
    ]


def test_remote_is_telecommute_with_countries_and_states():
    data = build(
        workplace="remote",
        locations=(),
        remote_areas=(Area("DE", "Germany"), Area("US-CA", "California")),
    )
    assert data["jobLocationType"] == "TELECOMMUTE"
    assert data["applicantLocationRequirements"] == [
        {"@type": "Country", "name": "Germany"},
        {"@type": "State", "name": "California"},
    ]
    assert "jobLocation" not in data


@pytest.mark.parametrize("workplace", ["hybrid", "onsite"])
def test_hybrid_and_onsite_are_never_telecommute(workplace):
    data = build(workplace=workplace, remote_areas=(Area("DE", "Germany"),))
    assert "jobLocationType" not in data and "applicantLocationRequirements" not in data


def test_salary_range_and_single_value():
    pay = build(salary=Salary("EUR", "YEAR", min=Decimal(65000), max=Decimal("85000.00")))
    assert pay["baseSalary"] == {
        "@type": "MonetaryAmount",
        "currency": "EUR",
        "value": {"@type": "QuantitativeValue", "unitText": "YEAR", "minValue": 65000, "maxValue": 85000},
    }  # fmt: skip
    hourly = build(salary=Salary("GBP", "HOUR", value=Decimal("18.50")))["baseSalary"]["value"]
    assert hourly == {"@type": "QuantitativeValue", "unitText": "HOUR", "value": 18.5}
    assert isinstance(pay["baseSalary"]["value"]["minValue"], int)


def test_identifier_education_experience_openings_start_lang():
    data = build(
        req_id="ENG-101", direct_apply=False, education="bachelor degree", experience_months=24,
        experience_in_place_of_education=True, openings=2, start_date=dt.date(2027, 2, 1),
        lang="de",
    )  # fmt: skip
    assert data["identifier"] == {"@type": "PropertyValue", "name": "Fernhill Labs", "value": "ENG-101"}  # fmt: skip
    assert data["directApply"] is False
    assert data["educationRequirements"] == {
        "@type": "EducationalOccupationalCredential",
        "credentialCategory": "bachelor degree",
    }
    assert data["experienceRequirements"] == {
        "@type": "OccupationalExperienceRequirements",
        "monthsOfExperience": 24,
    }
    assert data["experienceInPlaceOfEducation"] is True
    assert (data["totalJobOpenings"], data["jobStartDate"]) == (2, "2027-02-01")
    assert "inLanguage" not in data  # not a property of JobPosting in schema.org


def test_posting_organization_override_with_same_as():
    org = Organization("Fernhill Health", same_as=("https://social.example/fh",))
    assert build(organization=org)["hiringOrganization"] == {
        "@type": "Organization",
        "name": "Fernhill Health",
        "sameAs": ["https://social.example/fh"],
    }


def test_region_without_an_iso_code_is_written_as_given():
    place = jsonldparts.place(Address("GB", "London", region="Greater London"))
    assert place["address"]["addressRegion"] == "Greater London"


def test_a_script_in_the_title_stays_inside_the_json_string():
    """The theme writes the dict with Jinja's |tojson, which escapes < > & '."""
    title = "Engineer</script><script>alert(1)</script>"
    data = build(title=title)
    html = (
        Environment(autoescape=True)
        .from_string('<script type="application/ld+json">{{ data|tojson }}</script>')
        .render(data=data)
    )
    inside = html.removeprefix('<script type="application/ld+json">').removesuffix("</script>")
    assert "</script>" not in inside.lower() and "<script" not in inside.lower()
    assert json.loads(inside)["title"] == title


def test_remote_countries_are_named_as_the_page_names_them():
    # the page shows countries in the posting's language; the JSON-LD must say the same
    from openings.render import display

    posting = job(
        workplace="remote",
        lang="de",
        remote_areas=(Area("AT", "Austria"), Area("US-CA", "California")),
    )
    names = [
        place["name"]
        for place in jsonld.build(posting, "https://x.example/jobs/a/", "<p>x</p>")[
            "applicantLocationRequirements"
        ]
    ]
    assert names == ["Österreich", "California"]
    assert display.remote_areas(posting) == "Österreich, California"


def test_one_location_is_one_place_several_are_a_list():
    london = Address("GB", "London", postal_code="EC4M 9BE", street="21 Bread Street")
    assert build()["jobLocation"]["@type"] == "Place"
    several = build(locations=(BERLIN_OFFICE, london))["jobLocation"]
    assert [p["address"]["addressCountry"] for p in several] == ["DE", "GB"]
