"""schema.org JobPosting as a dict, built from the model; the theme writes it with |tojson."""

from __future__ import annotations

from decimal import Decimal

from ..checks import geo
from ..core.model import Address, JobPosting, Organization, Salary

CONTEXT = "https://schema.org/"


def build(posting: JobPosting, url: str, description_html: str) -> dict:
    """Google's required properties always; recommended ones wherever the posting has the data."""
    data: dict = {
        "@context": CONTEXT,
        "@type": "JobPosting",
        "title": posting.title,
        "description": description_html,
        "datePosted": posting.date_posted.isoformat(),
        "hiringOrganization": organization(posting.organization),
        "url": url,
    }
    if posting.valid_through is not None:
        data["validThrough"] = posting.valid_through.isoformat()
    if posting.employment_types:
        types = list(posting.employment_types)
        data["employmentType"] = types[0] if len(types) == 1 else types
    if posting.locations:
        places = [place(a) for a in posting.locations]
        # one Place as an object: validators (Adobe's, Google's) read jobLocation.address directly
        data["jobLocation"] = places[0] if len(places) == 1 else places
    if posting.is_remote:
        data["jobLocationType"] = "TELECOMMUTE"
        data["applicantLocationRequirements"] = [
            {
                "@type": "Country" if area.is_country else "State",
                "name": geo.area_name(area.code, posting.lang),
            }
            for area in posting.remote_areas
        ]
    if posting.salary is not None:
        data["baseSalary"] = salary(posting.salary)
    if posting.req_id:
        data["identifier"] = {
            "@type": "PropertyValue",
            "name": posting.organization.name,
            "value": posting.req_id,
        }
    if posting.direct_apply is not None:
        data["directApply"] = posting.direct_apply
    if posting.education:
        data["educationRequirements"] = {
            "@type": "EducationalOccupationalCredential",
            "credentialCategory": posting.education,
        }
    if posting.experience_months is not None:
        data["experienceRequirements"] = {
            "@type": "OccupationalExperienceRequirements",
            "monthsOfExperience": posting.experience_months,
        }
    if posting.experience_in_place_of_education:
        data["experienceInPlaceOfEducation"] = True
    if posting.openings is not None:
        data["totalJobOpenings"] = posting.openings
    if posting.start_date is not None:
        data["jobStartDate"] = posting.start_date.isoformat()
    return data


def organization(org: Organization) -> dict:
    data = {"@type": "Organization", "name": org.name}
    if org.url:
        data["url"] = org.url
    if org.logo:
        data["logo"] = org.logo
    if org.same_as:
        data["sameAs"] = list(org.same_as)
    return data


def place(address: Address) -> dict:
    postal = {"@type": "PostalAddress"}
    if address.street:
        postal["streetAddress"] = address.street
    if address.locality:
        postal["addressLocality"] = address.locality
    region = address.region_code.split("-", 1)[1] if address.region_code else address.region
    if region:
        postal["addressRegion"] = region
    if address.postal_code:
        postal["postalCode"] = address.postal_code
    postal["addressCountry"] = address.country
    return {"@type": "Place", "address": postal}


def salary(pay: Salary) -> dict:
    value: dict = {"@type": "QuantitativeValue", "unitText": pay.per}
    if pay.value is not None:
        value["value"] = number(pay.value)
    else:
        value["minValue"] = number(pay.min)
        value["maxValue"] = number(pay.max)
    return {"@type": "MonetaryAmount", "currency": pay.currency, "value": value}


def number(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)
