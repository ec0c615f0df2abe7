"""slugs.py gives the slug Pelican gives, so `openings validate` finds the build's slug clashes."""

from __future__ import annotations

import copy

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openings.core import slugs
from pelican.contents import Article
from pelican.settings import DEFAULT_CONFIG
from pelican.utils import slugify as pelicans_slugify

RULES = {
    "Pelican's default": DEFAULT_CONFIG["SLUG_REGEX_SUBSTITUTIONS"],
    "none": [],
    "a site's own": [(r"c\+\+", "cpp"), (r"[^\w\s-]", ""), (r"[-\s]+", "_")],
}
TITLES = st.one_of(
    st.text(max_size=80),
    st.sampled_from(
        [
            "Senior Backend Developer (m/w/d)",
            "Développeuse·eur Full-Stack",
            "C++ Engineer – Embedded",
            "<b>Head</b> of Sales &amp; Partnerships",
            "  Werkstudent*in  Data  ",
            "Ingeniero/a de Datos — Madrid",
            "ＦＵＬＬＷＩＤＴＨ title ①",
            "מפתח/ת Backend",
            "数据工程师",
        ]
    ),
)


@settings(max_examples=300, deadline=None)
@given(
    title=TITLES,
    rules=st.sampled_from(list(RULES.values())),
    preserve_case=st.booleans(),
    use_unicode=st.booleans(),
)
def test_the_same_slug_as_pelicans_slugify(title, rules, preserve_case, use_unicode):
    options = {"regex_subs": rules, "preserve_case": preserve_case, "use_unicode": use_unicode}
    assert slugs.pelican_slugify(title, **options) == pelicans_slugify(title, **options)


@pytest.mark.parametrize("source", ["title", "basename"])
@pytest.mark.parametrize(
    "metadata",
    [
        {"title": "Senior Backend Developer (m/w/d)"},
        {"title": "C++ Engineer", "slug": "cpp-engineer"},
        {"title": "Développeuse Full-Stack"},
    ],
)
def test_the_same_slug_as_pelicans_page(source, metadata):
    values = copy.deepcopy(DEFAULT_CONFIG)
    values["SLUGIFY_SOURCE"] = source
    path = "/site/content/jobs/Backend Dev (Berlin).md"
    article = Article("<p>x</p>", metadata=dict(metadata), settings=values, source_path=path)
    assert slugs.page_slug(metadata, path, values) == article.slug
