"""ISO 3166 through pycountry: codes accepted, names and typos suggested, exactly."""

from __future__ import annotations

import pycountry
import pytest
from openings.checks import geo
from openings.checks.matching import Normalized

# ---------------------------------------------------------------------------------------------
# country


@pytest.mark.parametrize(
    ("text", "expected"),
    [("DE", "DE"), ("de", "DE"), ("De", "DE"), (" us ", "US"), ("GB", "GB"), ("no", "NO")],
)
def test_country_code_accepted(text, expected):
    assert geo.country(text) == Normalized(expected)


@pytest.mark.parametrize(
    ("text", "suggestion"),
    [
        ("UK", "GB"),  # reserved by ISO for the United Kingdom, not assigned
        ("uk", "GB"),
        ("EL", "GR"),  # the EU's code for Greece
        ("Germany", "DE"),
        ("germany", "DE"),
        ("DEU", "DE"),
        ("deu", "DE"),
        ("USA", "US"),
        ("276", "DE"),  # ISO numeric
        ("Deutschland", "DE"),
        ("Allemagne", "DE"),
        ("Alemania", "DE"),
        ("Germny", "DE"),
        ("Gemany", "DE"),
        ("United States", "US"),
        ("United States of America", "US"),
        ("United Kingdom", "GB"),
        ("Britain", "GB"),
        ("Great Britain", "GB"),
        ("England", "GB"),  # a part of GB
        ("Bavaria", "DE"),
        ("Netherlands", "NL"),
        ("The Netherlands", "NL"),
        ("Holland", "NL"),
        ("Czech Republic", "CZ"),
        ("Czechia", "CZ"),
        ("South Korea", "KR"),
        ("Republic of Korea", "KR"),
        ("Korea", "KP or KR"),  # two countries share the name: both named
        ("Turkey", "TR"),
        ("Türkiye", "TR"),
        ("Vietnam", "VN"),
        ("Russia", "RU"),
        ("Côte d’Ivoire", "CI"),
        ("London, UK", "GB"),
        ("UK - London", "GB"),
        ("Remote (US)", "US"),
        ("Berlin, Germany", "DE"),
        ("ZZ", None),
        ("XYZ", None),
        ("Atlantis", None),
        ("Berlin or Paris", None),
        ("", None),
    ],
)
def test_country_suggestion(text, suggestion):
    assert geo.country(text) == Normalized(None, suggestion)


@pytest.mark.parametrize("value", [None, False, 276, ["DE"]])
def test_country_not_text(value):
    assert geo.country(value) == Normalized(None)


def test_every_iso_country_code_is_accepted():
    for entry in pycountry.countries:
        assert geo.country(entry.alpha_2.lower()) == Normalized(entry.alpha_2)


# ---------------------------------------------------------------------------------------------
# subdivision


@pytest.mark.parametrize(
    ("text", "country", "expected"),
    [
        ("US-CA", None, "US-CA"),
        ("us-ca", None, "US-CA"),
        ("US-CA", "US", "US-CA"),
        ("US-CA", "us", "US-CA"),
        ("CA", "US", "US-CA"),
        ("ca", "US", "US-CA"),
        ("California", "US", "US-CA"),
        ("california", "US", "US-CA"),
        ("NY", "US", "US-NY"),
        ("New York", "US", "US-NY"),
        ("BY", "DE", "DE-BY"),
        ("Bayern", "DE", "DE-BY"),  # the ISO name
        ("Bavaria", "DE", "DE-BY"),  # its English translation
        ("ON", "CA", "CA-ON"),
        ("Ontario", "CA", "CA-ON"),
        ("England", "GB", "GB-ENG"),
        ("Île-de-France", "FR", "FR-IDF"),
        ("Ile de France", "FR", "FR-IDF"),
        ("Illes Balears", "ES", "ES-IB"),
        ("Islas Baleares", "ES", "ES-IB"),  # the name in brackets
    ],
)
def test_subdivision_accepted(text, country, expected):
    assert geo.subdivision(text, country) == Normalized(expected)


@pytest.mark.parametrize(
    ("text", "country", "suggestion"),
    [
        ("Calif", "US", "US-CA"),
        ("Calif.", "US", "US-CA"),
        ("Texsa", "US", "US-TX"),
        ("California", None, "US-CA"),  # a name without its country: only a suggestion
        ("Ontario", None, "CA-ON"),
        ("US CA", None, "US-CA"),
        ("us_ca", None, "US-CA"),
        ("US-CA", "DE", None),  # a real code, of another country
        ("CA", None, None),  # California? Canada? - no country to say
        ("ZZ", "US", None),
        ("Atlantis", "US", None),
        ("XX-YY", None, None),
        ("", "US", None),
    ],
)
def test_subdivision_rejected(text, country, suggestion):
    assert geo.subdivision(text, country) == Normalized(None, suggestion)


def test_every_iso_subdivision_code_is_accepted():
    for entry in pycountry.subdivisions:
        assert geo.subdivision(entry.code.lower()) == Normalized(entry.code)


# ---------------------------------------------------------------------------------------------
# area (remote_countries entries)

ANYWHERE = (
    "a list of the countries applicants may live in, e.g. US, GB, DE (search engines drop remote "
    "jobs without one)"
)
EU_TEXT = "the EU members: " + ", ".join(sorted(geo.EU_MEMBERS))
REGION_TEXT = "a list of its countries' ISO codes, e.g. DE, FR, NL"


@pytest.mark.parametrize(
    ("text", "expected"),
    [("DE", "DE"), ("de", "DE"), ("US-CA", "US-CA"), ("us-ny", "US-NY"), ("GB-SCT", "GB-SCT")],
)
def test_area_accepted(text, expected):
    assert geo.area(text) == Normalized(expected)


@pytest.mark.parametrize(
    ("text", "suggestion"),
    [
        ("UK", "GB"),
        ("Germany", "DE"),
        ("USA", "US"),
        ("Germny", "DE"),
        ("California", "US-CA"),
        ("Texas", "US-TX"),
        ("Georgia", "GE"),  # the country, not the US state
        ("US CA", "US-CA"),
        ("EU", EU_TEXT),
        ("European Union", EU_TEXT),
        ("EU only", EU_TEXT),
        ("Anywhere", ANYWHERE),
        ("worldwide", ANYWHERE),
        ("Worldwide", ANYWHERE),
        ("global", ANYWHERE),
        ("Remote", ANYWHERE),
        ("Europe", REGION_TEXT),
        ("EMEA", REGION_TEXT),
        ("North America", REGION_TEXT),
        ("ZZ", None),
        ("Atlantis", None),
    ],
)
def test_area_rejected(text, suggestion):
    assert geo.area(text) == Normalized(None, suggestion)


def test_eu_members():
    assert len(geo.EU_MEMBERS) == 27
    assert "GB" not in geo.EU_MEMBERS  # left on 2020-01-31
    assert "GR" in geo.EU_MEMBERS and "EL" not in geo.EU_MEMBERS  # ISO code, not the EU's
    for code in geo.EU_MEMBERS:
        assert geo.country(code) == Normalized(code)


# ---------------------------------------------------------------------------------------------
# Names


@pytest.mark.parametrize(
    ("code", "locale", "name"),
    [
        ("DE", "en", "Germany"),
        ("de", "en", "Germany"),
        ("US", "en", "United States"),  # common name, not "United States of America"
        ("GB", "en", "United Kingdom"),
        ("KR", "en", "South Korea"),  # common name, not "Korea, Republic of"
        ("TW", "en", "Taiwan"),
        ("BO", "en", "Bolivia"),
        ("DE", "en_GB", "Germany"),
        ("DE", "de", "Deutschland"),
        ("US", "fr", "États-Unis"),
        ("DE", "pt-BR", "Alemanha"),
        ("DE", "pt_BR", "Alemanha"),
        ("DE", "xx", "Germany"),  # unknown locale: English
        ("DE", "", "Germany"),
        ("ZZ", "en", "ZZ"),  # unknown code comes back as it is
    ],
)
def test_country_name(code, locale, name):
    assert geo.country_name(code, locale) == name


def test_country_name_default_locale():
    assert geo.country_name("FR") == "France"


@pytest.mark.parametrize(
    ("code", "locale", "name"),
    [
        ("US-CA", "en", "California"),
        ("us-ca", "en", "California"),
        ("US-NY", "en", "New York"),
        ("DE-BY", "en", "Bavaria"),
        ("DE-BY", "de", "Bayern"),
        ("US-CA", "de", "Kalifornien"),
        ("GB-SCT", "en", "Scotland"),
        ("XX-YY", "en", "XX-YY"),
    ],
)
def test_subdivision_name(code, locale, name):
    assert geo.subdivision_name(code, locale) == name


def test_subdivision_name_default_locale():
    assert geo.subdivision_name("US-TX") == "Texas"


def test_lookups_are_cached():
    """A board repeats the same few places: the second lookup is a cache hit."""
    geo.country("Germany")
    before = geo.country.cache_info().hits
    geo.country("Germany")
    assert geo.country.cache_info().hits == before + 1
