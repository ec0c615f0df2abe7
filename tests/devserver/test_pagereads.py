"""What a posting page's templates look up is recorded, and asked again at the next build:
pagereads.py, on real Jinja templates and real boards."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest
from jinja2 import DictLoader, Environment
from openings.build.facets import Board, Facet
from openings.devserver import pagereads

SETTINGS = {"SITENAME": "Acme", "DEFAULT_LANG": "en"}


def posting(name: str, department: str = "eng", url: str | None = None):
    return SimpleNamespace(
        source_path=f"/content/jobs/{name}.md", lang="en", url=url or f"jobs/{name}/",
        status="published", jobposting=None, category=SimpleNamespace(slug=department),
    )  # fmt: skip


def board(*articles, today=dt.date(2026, 11, 28)) -> Board:
    departments = {}
    for article in articles:
        slug = article.category.slug
        departments.setdefault(
            slug, Facet("department", slug, slug.title(), slug.title(), f"departments/{slug}/",
                        f"departments/{slug}/index.html"),
        ).articles.append(article)  # fmt: skip
    facets = {"department": list(departments.values()), "location": [], "workplace": [],
              "employment": []}  # fmt: skip
    return Board(today, list(articles), facets)


def render(templates: dict, context: dict, page: dict) -> tuple[str, tuple]:
    """Render templates["page"] as the dev server renders a posting's page: what it looked up."""
    env = Environment(loader=DictLoader(templates))
    env.context_class = pagereads.RecordingContext
    with pagereads.Reads(context, SETTINGS, page) as reads:
        html = env.get_template("page").render({**context, **page})
    return html, reads.found()


def asked_again(reads: tuple, context: dict, articles) -> list[bool]:
    by_source = {a.source_path: a for a in articles}
    return [pagereads.answer(q, context, by_source, b"whole") == a for q, a in reads]


@pytest.fixture
def site():
    me, first, second = posting("me"), posting("first"), posting("second")
    other = posting("designer", "design")
    context = {**SETTINGS, "openings": board(first, me, second, other), "articles": [me]}
    return context, {"article": me, "category": me.category}, (me, first, second, other)


def test_settings_the_pages_own_arguments_and_template_variables_are_not_recorded(site):
    context, page, _ = site
    html, reads = render(
        {"page": "{% set t = article.url %}{{ SITENAME }} {{ t }} {{ category.slug }}"},
        context, page,
    )  # fmt: skip
    assert html == "Acme jobs/me/ eng"
    assert reads == ()


def test_the_departments_other_postings_are_recorded_with_their_answer(site):
    context, page, articles = site
    templates = {
        "page": "{% for o in openings.others_in_department(article) %}{{ o.url }} {% endfor %}"
    }
    html, reads = render(templates, context, page)
    assert html == "jobs/first/ jobs/second/ "
    assert [q for q, _ in reads] == [("others", "", "/content/jobs/me.md", 5)]
    assert asked_again(reads, context, articles) == [True]

    # the next build: a posting of another department opened, one of this department moved
    me, first, second, other = articles
    moved = posting("second", url="jobs/second-renamed/")
    unrelated = {**context, "openings": board(first, me, second, other, posting("ux", "design"))}
    assert asked_again(reads, unrelated, articles) == [True]
    renamed = {**context, "openings": board(first, me, moved, other)}
    assert asked_again(reads, renamed, (me, first, moved, other)) == [False]
    closed = {**context, "openings": board(me, second, other)}
    assert asked_again(reads, closed, articles) == [False]


def test_a_facets_fields_are_recorded_and_its_postings_stand_for_the_whole_board(site):
    context, page, articles = site
    _, reads = render({"page": "{{ openings.facet('department', 'eng').url }}"}, context, page)
    assert [q for q, _ in reads] == [("facet", "", "department", "eng", "url")]
    assert asked_again(reads, context, articles) == [True]
    _, reads = render({"page": "{{ openings.facet('department', 'eng').articles|length }}"},
                      context, page)  # fmt: skip
    assert pagereads.WHOLE in dict(reads)
    _, reads = render({"page": "{{ openings.facet('department', 'sales') is none }}"},
                      context, page)  # fmt: skip
    assert [q for q, _ in reads] == [("no facet", "", "department", "sales")]
    opened = {**context, "openings": board(*articles, posting("seller", "sales"))}
    assert asked_again(reads, opened, articles) == [False]


@pytest.mark.parametrize(
    "template",
    [
        "{{ articles|length }}",  # a context name that is not a setting: Pelican's list
        "{{ openings.today }}",  # anything else asked of a board: its lists, its day
        "{% for a in openings.articles %}{{ a.url }}{% endfor %}",
        "{% include 'part' %}",  # the same, in an included template
    ],
)
def test_any_other_lookup_of_the_build_stands_for_the_whole_board_and_the_day(site, template):
    context, page, _ = site
    _, reads = render({"page": template, "part": "{{ openings.today }}"}, context, page)
    assert dict(reads).get(pagereads.WHOLE) == b""


def test_an_included_template_asks_the_board_as_its_page_does(site):
    context, page, _ = site
    templates = {
        "page": "{% include 'more' %}",
        "more": "{{ openings.others_in_department(article)|length }}",
    }
    html, reads = render(templates, context, page)
    assert html == "2"
    assert [q[0] for q, _ in reads] == ["others"]


def test_a_name_the_context_lacks_is_recorded_as_missing(site):
    context, page, articles = site
    _, reads = render({"page": "{% if banner %}{{ banner }}{% endif %}"}, context, page)
    assert reads == ((("missing", "banner"), b""),)
    assert asked_again(reads, context, articles) == [True]
    assert asked_again(reads, {**context, "banner": "Hiring!"}, articles) == [False]


def test_the_boards_of_other_languages_are_asked_by_language(site):
    context, page, articles = site
    context = {**context, "openings_languages": {"de": board(*articles)}}
    templates = {
        "page": "{% set b = openings_languages['de'] if 'de' in openings_languages else none %}"
        "{{ b.others_in_department(article)|length }}"
    }
    html, reads = render(templates, context, page)
    assert html == "2"
    assert [q for q, _ in reads] == [("others", "de", "/content/jobs/me.md", 5)]
    assert asked_again(reads, context, articles) == [True]
    assert asked_again(reads, {**context, "openings_languages": {}}, articles) == [False]
