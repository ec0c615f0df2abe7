"""A site changes the packaged theme and the plugin's templates without copying them
(docs/theming.md): a whole template by its name, or one block of it, in THEME_TEMPLATES_OVERRIDES.
"""

from __future__ import annotations

import textwrap

import openings
import pytest
from sitebuild import Site


def write(folder, name: str, text: str) -> None:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("overrides")
    overrides = tmp_path / "overrides"
    # one block of the packaged theme's base.html: "!theme/" is the theme in use (a path here)
    write(overrides, "base.html", """
        {% extends "!theme/base.html" %}
        {% block nav %}{{ super() }}<li><a href="https://blog.example/">Our blog</a></li>{% endblock %}
        {% block footer %}<footer class="own-footer">Fernhill, since 1998</footer>{% endblock %}
        """)  # fmt: skip
    # a whole template of the packaged theme
    write(overrides, "page.html", """
        {% extends "base.html" %}
        {% block title %}{{ page.title }} · our own{% endblock %}
        {% block content %}<article class="own-page"><h1>{{ page.title }}</h1>{{ page.content|safe }}</article>{% endblock %}
        """)  # fmt: skip
    # one block of the plugin's posting page, by its name
    write(overrides, "jobposting/posting.html", """
        {% extends "!jobposting/posting.html" %}
        {% block title %}Job: {{ job.title }}{% endblock %}
        """)  # fmt: skip
    # a whole template of the plugin's: the closed posting's page
    write(overrides, "jobposting/closed.html", """
        {% extends JOBPOSTING_BASE_TEMPLATE %}
        {% block content %}<p class="own-closed">{{ article.jobposting.title }} is filled.</p>{% endblock %}
        """)  # fmt: skip
    built = Site(tmp_path, with_samples=True)
    built.build(THEME=openings.THEME, THEME_TEMPLATES_OVERRIDES=[str(overrides)])
    return built


def test_blocks_of_the_theme_are_overridden_and_the_rest_kept(site):
    for name in ("index.html", "jobs/backend-developer/index.html", "about/index.html"):
        page = site.page(name)
        assert page.select_one("footer.own-footer").get_text() == "Fernhill, since 1998"
        assert not page.select("footer.site-footer")
        menu = [a.get_text() for a in page.select("header.site-header nav li a")]
        assert menu[0] == "Open jobs" and menu[-1] == "Our blog" and "About Fernhill" in menu
        assert page.find("link", rel="stylesheet")["href"].endswith("/theme/css/site.css")


def test_a_whole_template_of_the_theme_is_overridden(site):
    page = site.page("about/index.html")
    assert page.title.string.endswith("· our own")
    assert page.select_one("article.own-page h1")


def test_a_block_of_the_posting_page_is_overridden_and_the_rest_kept(site):
    page = site.page("jobs/backend-developer/index.html")
    assert page.title.string == "Job: Backend Developer"
    assert page.find("script", type="application/ld+json")
    assert page.select(".apply a.button") and page.select_one(".facts .pay")


def test_a_whole_template_of_the_plugin_is_overridden(site):
    closed = [
        p for p in site.output.glob("jobs/*/index.html") if 'class="own-closed"' in p.read_text()
    ]
    assert len(closed) == 1
