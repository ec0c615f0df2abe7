"""The speed-ups of the build change nothing a person can see.

Each fast path is checked against the slow way it replaces, on real content: the sample postings,
a generated board, and text made to trip the shortcut.
"""

from __future__ import annotations

import sys
from decimal import Decimal
from pathlib import Path

import pytest
from jobposting import display
from jobposting.reader import PostingReader, repair_mojibake
from jobposting.sanitize import clean_html
from markdown import Markdown
from pelican.settings import read_settings

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
from bench import postings  # noqa: E402

# Markdown that leaves state behind in a Markdown instance: abbreviations, footnotes,
# reference links, raw HTML (the stash), and a header id.
STATEFUL = [
    "The HR team\n\n*[HR]: Human Resources\n\nSee the note[^1].\n\n[^1]: A footnote.\n",
    "HR again, no definition here. A [link][ref] without its reference.\n",
    "[ref]: https://fernhill.example/ref\n\nNow [link][ref] works. <div>raw</div>\n",
    "Another footnote[^1], numbered from one again.\n\n[^1]: Second file.\n",
    "## Heading {#custom}\n\nText *[SQL]: Structured Query Language\n\nSQL here.\n",
]


@pytest.fixture(scope="module")
def settings():
    return read_settings(str(ROOT / "pelicanconf.py"))


def bodies(tmp_path: Path) -> list[str]:
    found = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "content").rglob("*.md"))]
    postings.generate(tmp_path / "board", 40)
    found += [p.read_text(encoding="utf-8") for p in sorted((tmp_path / "board").rglob("*.md"))]
    return STATEFUL + found + STATEFUL


def test_one_markdown_per_reader_renders_like_a_fresh_one_per_file(settings, tmp_path):
    reader = PostingReader(settings)
    texts = bodies(tmp_path)
    assert len(texts) > 50
    for text in texts:
        fresh = clean_html(Markdown(**settings["MARKDOWN"]).convert(text))
        assert reader.markdown(text) == fresh


def test_the_reused_markdown_is_really_reused(settings):
    reader = PostingReader(settings)
    reader.markdown("one")
    first = reader._markdown
    reader.markdown("two")
    assert reader._markdown is first


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
