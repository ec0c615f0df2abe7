"""Every open posting page's JSON-LD, read by an independent extractor (extruct), against Google's
job posting rules, and every value in it shown on the page; no JobPosting anywhere else."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import extruct
import pytest
from babel.numbers import format_decimal, get_currency_symbol
from bs4 import BeautifulSoup
from crawling import NOT_OPEN_SLUGS, OPEN_URLS
from openings.checks import addresses, geo
from openings.render import display
from sitebuild import SITEURL

EMPLOYMENT_TYPES = {
    "FULL_TIME",
    "PART_TIME",
    "CONTRACTOR",
    "TEMPORARY",
    "INTERN",
    "VOLUNTEER",
    "PER_DIEM",
    "OTHER",
}
UNITS = {"HOUR", "DAY", "WEEK", "MONTH", "YEAR"}
# Google's job posting structured data: required, and recommended where the posting has the data
REQUIRED = ("title", "description", "datePosted", "hiringOrganization")
RECOMMENDED = ("validThrough", "employmentType", "baseSalary", "identifier")


def page_path(url: str) -> str:
    return url.removeprefix(f"{SITEURL}/") + "index.html"


def extract(html: str, url: str) -> dict:
    return extruct.extract(
        html, base_url=url, syntaxes=["json-ld", "microdata", "rdfa"], uniform=True
    )


def job_postings(found: dict) -> list[dict]:
    items = [*found["json-ld"], *found["microdata"], *found["rdfa"]]
    flat = []
    for item in items:
        flat += item.get("@graph", [item])
    return [i for i in flat if "JobPosting" in str(i.get("@type", ""))]


def is_iso_date(text: str) -> bool:
    try:
        dt.date.fromisoformat(text) if len(text) == 10 else dt.datetime.fromisoformat(text)
    except ValueError:
        return False
    return True


def google_problems(data: dict) -> list[str]:
    """What Google's rules would reject or miss (required, recommended, value formats)."""
    found = [f"missing required {key}" for key in REQUIRED if not data.get(key)]
    found += [f"missing recommended {key}" for key in RECOMMENDED if key not in data]
    org = data.get("hiringOrganization") or {}
    if not org.get("name"):
        found.append("hiringOrganization has no name")
    for key in ("url", "logo"):
        if org.get(key) and not org[key].startswith("https://"):
            found.append(f"hiringOrganization.{key} is not an absolute URL")
    for key in ("datePosted", "validThrough", "jobStartDate"):
        if key in data and not is_iso_date(data[key]):
            found.append(f"{key} {data[key]!r} is not ISO 8601")
    if "validThrough" in data:
        through = dt.datetime.fromisoformat(data["validThrough"])
        if through.tzinfo is None:
            found.append("validThrough has no time zone")
        if through.date() < dt.date.fromisoformat(data["datePosted"][:10]):
            found.append("validThrough is before datePosted")
    places = data.get("jobLocation") or []
    places = places if isinstance(places, list) else [places]
    for place in places:
        address = place.get("address") or {}
        if place.get("@type") != "Place" or address.get("@type") != "PostalAddress":
            found.append("jobLocation is not a Place with a PostalAddress")
        if not re.fullmatch(r"[A-Z]{2}", address.get("addressCountry", "")):
            found.append("jobLocation has no ISO addressCountry")
    if data.get("jobLocationType") not in (None, "TELECOMMUTE"):
        found.append("jobLocationType is not TELECOMMUTE")
    if data.get("jobLocationType") == "TELECOMMUTE":
        areas = data.get("applicantLocationRequirements") or []
        if not areas or any(
            a.get("@type") not in ("Country", "State") or not a.get("name") for a in areas
        ):
            found.append("a remote job needs applicantLocationRequirements (Country/State)")
    elif not places:
        found.append("missing required jobLocation")
    types = data.get("employmentType", [])
    for kind in types if isinstance(types, list) else [types]:
        if kind not in EMPLOYMENT_TYPES:
            found.append(f"employmentType {kind!r} is not one of Google's")
    pay = data.get("baseSalary")
    if pay:
        value = pay.get("value") or {}
        if pay.get("@type") != "MonetaryAmount" or not re.fullmatch(
            r"[A-Z]{3}", pay.get("currency", "")
        ):
            found.append("baseSalary is not a MonetaryAmount with an ISO 4217 currency")
        if value.get("@type") != "QuantitativeValue" or value.get("unitText") not in UNITS:
            found.append("baseSalary.value is not a QuantitativeValue with a unitText Google knows")
        figures = [value.get(k) for k in ("value", "minValue", "maxValue") if k in value]
        if not figures or not all(isinstance(f, (int, float)) and f > 0 for f in figures):
            found.append("baseSalary has no positive numbers")
        if "minValue" in value and value.get("maxValue", 0) < value["minValue"]:
            found.append("baseSalary maxValue is below minValue")
    ident = data.get("identifier")
    if ident and (ident.get("@type") != "PropertyValue" or not ident.get("value")):
        found.append("identifier is not a PropertyValue with a value")
    if "directApply" in data and not isinstance(data["directApply"], bool):
        found.append("directApply is not true or false")
    return found


def visible_text(html: str) -> str:
    soup = BeautifulSoup(html, "html.parser")
    for hidden in soup(["script", "style", "template", "head"]):
        hidden.decompose()
    for hidden in soup.select("[hidden], [aria-hidden=true]"):
        hidden.decompose()
    return re.sub(r"\s+", " ", soup.get_text(" ")).replace("\u00a0", " ").replace("\u202f", " ")


def number_forms(value, lang: str) -> set[str]:
    """65000 as a page may show it: "65,000", "65.000", "65 000", "65000"."""
    amount = Decimal(str(value))
    shown = format_decimal(amount, locale=display.locale_of(lang))
    return {shown.replace("\u00a0", " ").replace("\u202f", " "), str(value), f"{amount:,}"}


def not_visible(data: dict, html: str) -> list[str]:
    """Every value in the JSON-LD that a reader of the page cannot see."""
    text = visible_text(html)
    soup = BeautifulSoup(html, "html.parser")
    lang = soup.html.get("lang", "en") if soup.html else "en"
    missing = []

    def need(label, *forms):
        if not any(form and form in text for form in forms):
            missing.append(f"{label}: {forms[0]!r}")

    need("title", data["title"])
    need("company", data["hiringOrganization"]["name"])
    description = re.sub(
        r"\s+", " ", BeautifulSoup(data["description"], "html.parser").get_text(" ")
    )
    need("description", description.strip()[:200])
    for key in ("datePosted", "validThrough", "jobStartDate"):
        if key in data:
            times = [t for t in soup.find_all("time") if t.get("datetime") == data[key]]
            if not times or not times[0].get_text(strip=True):
                missing.append(f"{key}: no visible <time datetime={data[key]!r}>")
    types = data.get("employmentType", [])
    for kind in types if isinstance(types, list) else [types]:
        need("employmentType", display.employment_type(kind, lang))
    places = data.get("jobLocation") or []
    for place in places if isinstance(places, list) else [places]:
        address = place["address"]
        for key in ("streetAddress", "addressLocality", "postalCode"):
            if key in address:
                need(key, address[key])
        # the region's code, where the country's addresses carry one ("Denver, CO 80202"; a
        # German address has none: "BE" would be noise to a candidate)
        if "addressRegion" in address and addresses.writes_region(address["addressCountry"]):
            need("addressRegion", address["addressRegion"])
        need("addressCountry", geo.country_name(address["addressCountry"], lang.split("-")[0]))
    for area in data.get("applicantLocationRequirements", ()):
        need(
            "applicantLocationRequirements",
            area["name"],
            *(geo.country_name(c, lang) for c in geo_codes(area["name"])),
        )
    pay = data.get("baseSalary")
    if pay:
        need("currency", pay["currency"], get_currency_symbol(pay["currency"], locale=lang))
        for key in ("value", "minValue", "maxValue"):
            if key in pay["value"]:
                need(f"baseSalary {key}", *sorted(number_forms(pay["value"][key], lang)))
    if "identifier" in data:
        need("identifier", data["identifier"]["value"])
    return missing


def geo_codes(name: str) -> list[str]:
    """The ISO code of a country named in English, to find its name in another language."""
    import pycountry

    try:
        return [pycountry.countries.lookup(name).alpha_2]
    except LookupError:
        return []


def all_urls(value) -> list[str]:
    if isinstance(value, dict):
        return [u for v in value.values() for u in all_urls(v)]
    if isinstance(value, list):
        return [u for v in value for u in all_urls(v)]
    if isinstance(value, str) and re.match(r"^[a-z]+://|^/|^\.\./|^\./", value):
        return [value]
    return []


@pytest.mark.parametrize("url", sorted(OPEN_URLS))
def test_open_posting_jsonld_follows_google_and_is_visible(built, url):
    html = (built.output / page_path(url)).read_text(encoding="utf-8")
    postings = job_postings(extract(html, url))
    assert len(postings) == 1, "exactly one JobPosting on a posting page"
    data = postings[0]
    assert google_problems(data) == []
    assert not_visible(data, html) == []
    assert data["url"] == url
    soup = BeautifulSoup(html, "html.parser")
    assert soup.find("link", rel="canonical")["href"] == url
    for link in all_urls(data):
        assert link.startswith(("https://", "mailto:")), link
        if link.startswith(SITEURL.split("//")[0]) and "careers" in link:
            assert link.startswith(f"{SITEURL}/"), link


def test_the_checks_can_fail():
    """The checker itself: a posting Google would reject, with values the page does not show."""
    bad = {
        "@type": "JobPosting",
        "title": "Engineer",
        "description": "<p>Build.</p>",
        "datePosted": "3/21/2022",
        "hiringOrganization": {"name": ""},
        "employmentType": "Full time",
        "baseSalary": {
            "@type": "MonetaryAmount",
            "currency": "$",
            "value": {
                "@type": "QuantitativeValue",
                "minValue": 90,
                "maxValue": 80,
                "unitText": "ANNUAL",
            },
        },
    }
    problems = google_problems(bad)
    for expected in (
        "validThrough",
        "not ISO 8601",
        "no name",
        "jobLocation",
        "employmentType",
        "ISO 4217",
        "unitText",
        "maxValue",
    ):
        assert any(expected in p for p in problems), expected
    page = "<html><body><h1>Engineer</h1><p>Build.</p><time datetime='2022-03-21'></time></body></html>"
    bad.update(
        datePosted="2022-03-21",
        hiringOrganization={"name": "Acme"},
        employmentType="FULL_TIME",
        baseSalary={"currency": "EUR", "value": {"minValue": 65000, "maxValue": 85000}},
    )
    missing = not_visible(bad, page)
    assert any("company" in m for m in missing)
    assert any("datePosted" in m for m in missing)  # the <time> is empty
    assert any("employmentType" in m for m in missing)
    assert any("minValue" in m for m in missing)
    assert any("currency" in m for m in missing)


def pages_without_postings(site) -> list:
    """Every HTML page of the site that is not an open posting's page."""
    open_paths = {page_path(url) for url in OPEN_URLS}
    return sorted(
        path
        for path in site.output.rglob("*.html")
        if str(path.relative_to(site.output)) not in open_paths
    )


def test_no_jobposting_on_list_facet_closed_or_content_pages(built):
    pages = pages_without_postings(built)
    relative = {str(p.relative_to(built.output)) for p in pages}
    # the kinds of pages the issue names are all among them
    assert "index.html" in relative
    assert "departments/engineering/index.html" in relative
    assert "jobs/office-manager/index.html" in relative
    assert "about/index.html" in relative
    for path in pages:
        url = f"{SITEURL}/{path.relative_to(built.output).parent}/"
        found = extract(path.read_text(encoding="utf-8"), url)
        assert job_postings(found) == [], path


def test_closed_posting_page_has_noindex_and_no_markup(built):
    html = (built.output / "jobs/office-manager/index.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(html, "html.parser")
    robots = soup.find("meta", attrs={"name": "robots"})
    assert robots is not None and "noindex" in robots["content"]
    assert not soup.find_all("script", type="application/ld+json")


@pytest.mark.parametrize("slug", NOT_OPEN_SLUGS[1:])
def test_draft_and_scheduled_postings_are_not_published(built, slug):
    assert not (built.output / f"jobs/{slug}/index.html").exists()
