"""The speed-ups of the build change nothing a person can see.

Each fast path is checked against the slow way it replaces, on real content: the sample postings,
a generated board, and text made to trip the shortcut.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import boards
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openings.reading.postingfile import looks_garbled, repair_mojibake
from openings.render import display

ROOT = Path(__file__).resolve().parents[2]


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
    from openings.reading.postingfile import MOJIBAKE_ONLY

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


def test_the_detector_matches_no_more_than_the_stretches_reach():
    # looks_garbled looks DETECTOR_REACH characters around non-ASCII text: enough only while
    # ftfy's longest pattern is at most one more than that (an ftfy upgrade could change it)
    import re

    from ftfy.badness import BADNESS_RE
    from openings.reading.postingfile import DETECTOR_REACH

    widest = re._parser.parse(BADNESS_RE.pattern, BADNESS_RE.flags).getwidth()[1]
    assert widest <= DETECTOR_REACH + 1
    assert not BADNESS_RE.flags & re.MULTILINE  # ^ means the text's start only


# Characters ftfy's patterns are made of, with plain text around them.
GARBLE = "ab Z\n.1ÃÂâ€™œŠš¢£“”–—é°²×ØÙВГРС‚Ä√±≈à’\xa0\u2019éè"


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet=GARBLE, max_size=40))
def test_looks_garbled_agrees_with_ftfy(text):
    from ftfy.badness import is_bad

    assert looks_garbled(text) == is_bad(text)


def test_looks_garbled_agrees_with_ftfy_on_real_postings(tmp_path):
    from ftfy.badness import is_bad

    boards.generate(tmp_path / "board", 60)
    files = [*(ROOT / "content").rglob("*.md"), *(tmp_path / "board").rglob("*.md")]
    texts = [p.read_text(encoding="utf-8") for p in files]
    texts += [t.replace("’", "â€™").replace("–", "â€“") for t in texts[-20:]]  # pasted wrong
    assert any(is_bad(t) for t in texts) and not all(is_bad(t) for t in texts)
    for text in texts:
        assert looks_garbled(text) == is_bad(text)


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


# Markup a posting may carry, raw HTML and its tricks included; the sanitiser writes it out.
HTML_BITS = st.sampled_from(
    ["<p>", "</p>", "<b>", "</b>", "<br>", "<a href='x?a=1&b=\"2\"' title='a>b'>", "</a>",
     '<img alt="x>y" src="/a.png">', "<td>", "<table>", "<script>", "</script>", "<!--", "-->",
     "<", ">", "&", "&amp;", "&lt;", "&nbsp;", "&#x27;", '"', "'", " ", "\n", "text", "é",
     "**", "[l](/u)", "| a |\n|---|\n| b |\n", "`<i>`", "<svg><title>t</title></svg>",
     "<![CDATA[x]]>", "<textarea>t</textarea>", "<details><summary>s</summary>", "\u00a0"]
)  # fmt: skip


@settings(max_examples=2000, deadline=None)
@given(st.lists(HTML_BITS, max_size=25).map("".join))
def test_text_of_clean_html_reads_as_nh3_reads_it(markup):
    from openings.reading import gfm
    from openings.reading.sanitize import clean_html, plain_text, plain_text_of_clean

    for cleaned in (clean_html(markup), gfm.to_html(markup)):
        assert plain_text_of_clean(cleaned) == plain_text(cleaned)


def test_text_of_clean_html_on_real_postings(tmp_path):
    from openings.reading import frontmatter, gfm
    from openings.reading.sanitize import plain_text, plain_text_of_clean

    boards.generate(tmp_path / "board", 30)
    for path in [*(ROOT / "content").rglob("*.md"), *(tmp_path / "board").rglob("*.md")]:
        html = gfm.to_html(frontmatter.parse(path.read_text(encoding="utf-8")).body)
        assert plain_text_of_clean(html) == plain_text(html)


@pytest.mark.parametrize("lang", [None, "en", "de", "fr"])
def test_cached_dates_and_salaries_read_like_babel_each_time(lang):
    import datetime as dt

    from babel.dates import format_date
    from openings.core.model import Salary

    for day in (dt.date(2026, 11, 28), dt.datetime(2026, 3, 1, 12, tzinfo=dt.UTC)):
        expected = format_date(day, format="long", locale=display.locale_of(lang))
        assert display.date(day, lang) == expected and display.date(day, lang) == expected
    band = Salary("EUR", "YEAR", min=Decimal("65000"), max=Decimal("85000"))
    first = display.salary(band, lang)
    display._figure.cache_clear()
    assert display.salary(band, lang) == first == display.salary(band, lang)
    assert display.money(Decimal("65000"), "EUR", lang) in first
    assert display.salary(Salary("USD", "HOUR", value=Decimal("24.50")), lang) != first
