"""The theme's cached wording reads exactly like the uncached way, in every language."""

from __future__ import annotations

from decimal import Decimal

import pytest
from babel.numbers import format_decimal
from openings.render import display


@pytest.mark.parametrize("lang", [None, "en", "de", "fr", "pt-BR", "xx"])
def test_cached_number_reads_like_babel_each_time(lang):
    values = [1, 2, 12, 1000, 12345, Decimal("1.50"), 1.5, Decimal("1000.0"), 1000.0]
    for value in values:
        expected = format_decimal(value, locale=display.locale_of(lang))
        assert display.number(value, lang) == expected
        assert display.number(value, lang) == expected  # now from the cache
    assert display.number.cache_info().hits >= len(values)
