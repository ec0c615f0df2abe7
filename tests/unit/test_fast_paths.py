"""The speed-ups of the build change nothing a person can see.

Each fast path is checked against the slow way it replaces, on real content: the sample postings,
a generated board, and text made to trip the shortcut.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from jobposting import display
from jobposting.reader import repair_mojibake


@pytest.mark.parametrize(
    "text",
    [
        "Plain ASCII: Bachelor's degree, 100% remote -- no repairs needed.\n",
        "Bachelorâ€™s degree in computer science\n",  # mojibake: repaired and reported
        "Bachelor’s degree – typographic, not mojibake\n",
        "CafÃ© and naÃ¯ve\nsecond line\n",
    ],
)
def test_mojibake_check_agrees_with_ftfy_on_every_kind_of_text(text):
    import ftfy
    from ftfy.badness import is_bad
    from jobposting.reader import MOJIBAKE_ONLY

    fixed, problems = repair_mojibake(text, "x.md")
    expected = ftfy.fix_text(text, config=MOJIBAKE_ONLY) if is_bad(text) else text
    assert fixed == expected
    assert bool(problems) == (expected != text)


def test_no_ascii_text_is_mojibake_for_ftfy():
    # The ASCII shortcut relies on this: ftfy's detector needs a non-ASCII character.
    from ftfy.badness import is_bad

    ascii_text = "".join(chr(c) for c in range(128)) * 3
    assert not is_bad(ascii_text)
    for first in range(32, 127):
        assert not is_bad(chr(first) + ascii_text + chr(first))


@pytest.mark.parametrize("lang", [None, "en", "de", "en-GB", "fr", "pt-BR", "xx"])
@pytest.mark.parametrize(
    ("amount", "currency"),
    [(Decimal("65000"), "EUR"), (Decimal("24.50"), "USD"), (Decimal("65000.0"), "GBP"),
     (Decimal("1200"), "PLN"), (Decimal("18"), "EUR")],
)  # fmt: skip
def test_cached_money_reads_like_babel_each_time(amount, currency, lang):
    first = display.money(amount, currency, lang)
    display.money.cache_clear()
    display.locale_of.cache_clear()
    assert display.money(amount, currency, lang) == first
    assert display.money(amount, currency, lang) == first  # now from the cache
    assert display.money.cache_info().hits >= 1


@pytest.mark.parametrize("lang", [None, "en", "de", "fr"])
def test_cached_posted_ago_reads_like_babel_each_time(lang):
    import datetime as dt

    from babel.dates import format_timedelta

    today = dt.date(2026, 11, 28)
    for days in (0, 1, 2, 13, 45, 59, 61, 120, 400):
        shown = display.posted_ago(today - dt.timedelta(days=days), today, lang)
        if days == 0:
            continue
        expected = format_timedelta(
            dt.timedelta(days=-days), granularity="day", threshold=2, add_direction=True,
            locale=display.locale_of(lang),
        )  # fmt: skip
        assert expected in shown
        assert display.posted_ago(today - dt.timedelta(days=days), today, lang) == shown
