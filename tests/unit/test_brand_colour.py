"""JOBPOSTING_BRAND_COLOUR: checked with the other settings; buttons stay readable on any colour."""

from __future__ import annotations

import pytest
from openings.config import settingscheck
from openings.core import colours
from openings.core.problems import BuildFailed


@pytest.mark.parametrize("value", ["#0b6e4f", "#0B6E4F", "#fc0", " #abcdef "])
def test_hex_codes_are_colours(value):
    assert colours.problem(value) is None


@pytest.mark.parametrize("value", ["green", "#12345", "0b6e4f", "#0b6e4g", "", 42, None])
def test_anything_else_says_what_to_write(value):
    assert 'for example "#0b6e4f"' in colours.problem(value)


def test_short_and_upper_case_codes_are_written_one_way():
    assert colours.normal("#FC0") == "#ffcc00"
    assert colours.normal("#0B6E4F") == "#0b6e4f"


@pytest.mark.parametrize(
    "colour", ["#0b6e4f", "#ffcc00", "#777777", "#ff0000", "#0000ff", "#ffffff", "#000000"]
)
def test_the_text_on_a_button_reads_on_any_brand_colour(colour):
    assert colours.contrast(colour, colours.text_on(colour)) >= 4.5  # WCAG AA, normal text


def test_the_stylesheet_sets_the_themes_accent():
    assert colours.stylesheet("#FC0") == ":root { --accent: #ffcc00; --accent-fg: #000000; }\n"
    assert "--accent-fg: #ffffff" in colours.stylesheet("#0b6e4f")


def test_a_wrong_colour_stops_the_build_with_the_other_settings(capsys):
    with pytest.raises(BuildFailed):
        settingscheck.check({"JOBPOSTING_BRAND_COLOUR": "teal"})
    err = capsys.readouterr().err
    assert 'JOBPOSTING_BRAND_COLOUR: "teal" is not a colour code' in err
    settingscheck.check({"JOBPOSTING_BRAND_COLOUR": "#008080"})
    settingscheck.check({})
