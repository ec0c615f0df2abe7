"""The interface's words in real builds: the site's language, a posting's own, plural forms, a
site's own wording, and a language without words refused with a message that says what to do."""

from __future__ import annotations

from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup
from openings.core import catalogs
from openings.core.problems import BuildFailed
from sitebuild import VALID_POSTING, Site

DEPARTMENTS = ("Engineering", "Data", "Customer Success", "People & Operations")


@pytest.fixture
def site(tmp_path) -> Site:
    return Site(tmp_path)


def posting(n: int, department: str = "Engineering", lang: str | None = None) -> str:
    text = VALID_POSTING.replace("Backend Developer", f"Backend Developer {n}")
    text = text.replace("department: Engineering", f"department: {department}")
    text = text.replace("req_id: ENG-1", f"req_id: ENG-{n}")
    return text.replace("---\nWe build", f"lang: {lang}\n---\nWe build") if lang else text


def words(page, selector: str) -> list[str]:
    return [tag.get_text(" ", strip=True) for tag in page.select(selector)]


def test_a_french_site_has_french_words(site):
    site.posting("backend.md", posting(1))
    site.build(DEFAULT_LANG="fr")
    index = site.page("index.html")
    assert index.html["lang"] == "fr"
    assert index.h1.get_text() == "Postes ouverts"
    assert words(index, "p.count") == ["1 poste ouvert"]
    assert "Temps plein" in words(index, ".card .tags span")
    assert "Open jobs" not in index.get_text()
    job = site.page("jobs/backend/index.html")
    assert words(job, ".apply a.button")[0] == "Postuler"
    assert {"Salaire", "Service", "Entreprise", "Mode de travail"} <= set(words(job, "dt"))
    assert "par an" in words(job, "dd.pay")[0]


def test_a_german_posting_on_an_english_site_has_german_words_around_it(site):
    site.posting("backend.md", posting(1))
    site.posting("werkstudent.md", posting(2, lang="de"))
    site.build()
    job = site.page("jobs/werkstudent/de/index.html")
    assert job.html["lang"] == "de"
    assert words(job, ".apply a.button")[0] == "Jetzt bewerben"
    assert "Gehalt" in words(job, "dt")
    # the site's own header stays in the site's language
    assert job.select_one(".site-header")["lang"] == "en"
    assert "Open jobs" in words(job, ".site-header nav a")
    assert site.page("index.html").h1.get_text() == "Open jobs"


def test_polish_counts_take_polish_plural_forms(site):
    sizes = dict(zip(DEPARTMENTS, (14, 5, 2, 1), strict=True))
    n = 0
    for department, size in sizes.items():
        for _ in range(size):
            n += 1
            site.posting(f"job-{n}.md", posting(n, department))
    site.build(DEFAULT_LANG="pl")
    index = site.page("index.html")
    assert words(index, "p.count") == ["22 otwarte oferty"]
    headings = {h.a.get_text(): h.select_one(".n").get_text() for h in index.select(".group h2")}
    assert headings == {
        "Engineering": "14 ofert",
        "Data": "5 ofert",
        "Customer Success": "2 oferty",
        "People & Operations": "1 oferta",
    }
    # the in-page filter's count: a form per CLDR category, picked by Intl.PluralRules (site.js)
    form = index.select_one("form#filters")
    assert (form["data-one"], form["data-few"], form["data-many"]) == (
        "{n} oferta pasuje", "{n} oferty pasują", "{n} ofert pasuje"
    )  # fmt: skip
    assert not form.has_attr("data-other")
    data = site.page("departments/data/index.html")
    assert words(data, "p.count strong") == ["5 otwartych ofert"]
    support = site.page("departments/customer-success/index.html")
    assert words(support, "p.count strong") == ["2 otwarte oferty"]


def failed(site, capsys, **settings) -> list[str]:
    with pytest.raises(BuildFailed):
        site.build(**settings)
    return capsys.readouterr().err.splitlines()


def test_a_site_language_without_words_stops_the_build_with_what_to_do(site, capsys):
    site.posting("backend.md", posting(1))
    err = failed(site, capsys, DEFAULT_LANG="it")
    (line,) = [line for line in err if "DEFAULT_LANG" in line]
    assert line.startswith("pelicanconf: DEFAULT_LANG = 'it': the interface (buttons, headings,")
    assert "no words in Italian (it)" in line
    assert "Polish (pl), Portuguese (pt)" in line
    assert "JOBPOSTING_UI_STRINGS['it']" in line and "docs/translations.md" in line
    assert not (site.output / "index.html").exists()


def test_a_posting_in_a_language_without_words_is_an_error_on_its_line(site, capsys):
    path = site.posting("backend.md", posting(1, lang="it"))
    err = failed(site, capsys)
    (line,) = [line for line in err if line.startswith(str(path))]
    assert line.startswith(f"{path}:11: lang: the site has no words in Italian (it) for the")
    assert "it has them in German (de), English (en)" in line
    assert "docs/translations.md" in line


def test_a_site_overrides_words_and_adds_a_language(site):
    site.posting("backend.md", posting(1))
    site.posting("werkstudent.md", posting(2, lang="it"))
    italian = {
        message: f"IT {message}" if plural is None else [f"IT {message}", f"IT {plural}"]
        for message, plural in catalogs.messages().items()
    }
    italian["Apply now"] = "Candidati ora"
    site.build(
        JOBPOSTING_UI_STRINGS={
            "en": {
                "Apply now": "Send us your CV",
                "%(num)s open job": ["One role", "%(num)s roles"],
            },
            "it": italian,
        }
    )
    index = site.page("index.html")
    assert words(index, "p.count") == ["2 roles"]
    assert words(site.page("jobs/backend/index.html"), ".apply a.button")[0] == "Send us your CV"
    job = site.page("jobs/werkstudent/it/index.html")
    assert words(job, ".apply a.button")[0] == "Candidati ora"
    assert "IT Salary" in words(job, "dt")
    assert "IT per year" in words(job, "dd.pay")[0]


def test_a_posting_in_two_languages_is_one_posting_at_the_addresses_the_guide_states(site):
    site.posting("backend.md", posting(1).replace("---\nWe build", "slug: backend\n---\nWe build"))
    german = posting(1, lang="de").replace("Backend Developer 1", "Backend-Entwickler")
    site.posting("backend.de.md", german.replace("---\nWe build", "slug: backend\n---\nWir bauen"))
    site.posting("werkstudent.md", posting(2, lang="de"))
    site.build()
    english, deutsch = site.page("jobs/backend/index.html"), site.page("jobs/backend/de/index.html")
    absolute = "https://careers.example/jobs/backend/"
    expected = {"en": absolute, "de": absolute + "de/", "x-default": absolute}
    for page in (english, deutsch):
        links = page.select('head link[rel="alternate"][hreflang]')
        assert {link["hreflang"]: link["href"] for link in links} == expected
        assert page.select_one('script[type="application/ld+json"]') is not None
    assert words(deutsch, ".apply a.button")[0] == "Jetzt bewerben"
    # one posting on the list, in the site's language; a posting in German only at /de/ too
    assert words(site.page("index.html"), ".card .title") == [
        "Backend Developer 1",
        "Backend Developer 2",
    ]
    assert (site.output / "jobs" / "werkstudent" / "de" / "index.html").exists()
    sitemap = (site.output / "sitemap.xml").read_text(encoding="utf-8")
    assert sitemap.count('hreflang="x-default"') == 2 and sitemap.count(absolute + "de/") == 3


def test_translations_with_different_req_ids_are_an_error(site, capsys):
    first = site.posting(
        "backend.md", posting(1).replace("---\nWe build", "slug: backend\n---\nWe")
    )
    german = posting(7, lang="de").replace("---\nWe build", "slug: backend\n---\nWir bauen")
    second = site.posting("backend.de.md", german)
    err = failed(site, capsys)
    assert (
        f"{first}:10: req_id: ENG-1 here, but {second} (ENG-7) translates this posting"
        in "\n".join(err)
    )
    assert any(line.startswith(f"{second}:10: req_id: ENG-7 here") for line in err)


def test_a_site_in_several_languages_has_each_list_in_each_language(site):
    site.posting("backend.md", posting(1).replace("---\nWe build", "slug: backend\n---\nWe build"))
    german = posting(1, lang="de").replace("Backend Developer 1", "Backend-Entwickler")
    site.posting("backend.de.md", german.replace("---\nWe build", "slug: backend\n---\nWir bauen"))
    (site.content / "pages" / "about.md").write_text(
        "---\ntitle: About us\n---\nWho we are.\n", encoding="utf-8"
    )
    (site.content / "pages" / "about.de.md").write_text(
        "---\ntitle: Über uns\nslug: about\nlang: de\n---\nWer wir sind.\n", encoding="utf-8"
    )
    site.build(JOBPOSTING_LANGUAGES=["en", "de"])
    english, deutsch = site.page("index.html"), site.page("de/index.html")
    assert (english.html["lang"], english.h1.get_text()) == ("en", "Open jobs")
    assert (deutsch.html["lang"], deutsch.h1.get_text()) == ("de", "Offene Stellen")
    # each list shows the posting in its own language, where it has one
    assert words(deutsch, ".card .title") == ["Backend-Entwickler"]
    assert words(deutsch, ".card .tags span") == ["Vor Ort", "Vollzeit"]
    facet = site.page("de/locations/berlin/index.html")
    assert facet.h1.get_text() == "Stellen in Berlin"
    assert site.page("de/departments/engineering/index.html").html["lang"] == "de"
    # the switcher: a labelled nav, each language in its own name, no script needed
    for page, current in ((english, "en"), (deutsch, "de"), (facet, "de")):
        switcher = page.select_one("header nav.languages")
        assert switcher["aria-label"] == {"en": "Language", "de": "Sprache"}[current]
        links = {
            a["hreflang"]: (a["lang"], a.get_text(), a.get("aria-current"))
            for a in switcher.select("a")
        }
        assert links == {
            "en": ("en", "English", "true" if current == "en" else None),
            "de": ("de", "Deutsch", "true" if current == "de" else None),
        }
    head = {link["hreflang"]: link["href"] for link in facet.select("head link[hreflang]")}
    assert head == {
        "en": "https://careers.example/locations/berlin/",
        "de": "https://careers.example/de/locations/berlin/",
        "x-default": "https://careers.example/locations/berlin/",
    }
    # the header's words and menu are the list's language; company pages link their translation
    assert words(deutsch, ".site-header nav a")[:2] == ["Offene Stellen", "Über uns"]
    about = site.page("about/index.html").select_one("header nav.languages a[hreflang=de]")
    assert about["href"].endswith("about/de/")
    job = site.page("jobs/backend/de/index.html").select_one("header nav.languages a[hreflang=en]")
    assert job["href"].endswith("jobs/backend/")


def test_a_listed_language_without_words_is_an_error(site, capsys):
    site.posting("backend.md", posting(1))
    err = failed(site, capsys, JOBPOSTING_LANGUAGES=["en", "it", "../x"])
    listed = [line for line in err if "JOBPOSTING_LANGUAGES" in line]
    code = "pelicanconf: JOBPOSTING_LANGUAGES: '../x' is not a language code; write e.g. de, pt-BR"
    assert listed[1] == code
    assert listed[0].startswith("pelicanconf: JOBPOSTING_LANGUAGES lists 'it': the interface")
    assert "no words in Italian (it)" in listed[0]


def test_the_sitemap_lists_each_list_page_in_each_language(site):
    site.posting("backend.md", posting(1))
    site.build(JOBPOSTING_LANGUAGES=["en", "pl"])
    sitemap = BeautifulSoup((site.output / "sitemap.xml").read_text(encoding="utf-8"), "xml")
    urls = {url.loc.get_text(): url for url in sitemap.find_all("url")}
    for path in ("", "locations/berlin/", "departments/engineering/", "workplace/onsite/"):
        english, polish = (
            urls[f"https://careers.example/{path}"],
            urls[f"https://careers.example/pl/{path}"],
        )
        for entry in (english, polish):
            links = {link["hreflang"]: link["href"] for link in entry.find_all("link")}
            assert links == {
                "en": f"https://careers.example/{path}",
                "pl": f"https://careers.example/pl/{path}",
                "x-default": f"https://careers.example/{path}",
            }
        assert (site.output / "pl" / path / "index.html").exists()


@pytest.fixture
def two_languages(site) -> Site:
    """An English and German site: a posting in both, one in German only, one closed in German,
    a company page in both."""
    site.posting("backend.md", posting(1).replace("---\nWe build", "slug: backend\n---\nWe build"))
    german = posting(1, lang="de").replace("Backend Developer 1", "Backend-Entwickler")
    site.posting("backend.de.md", german.replace("---\nWe build", "slug: backend\n---\nWir bauen"))
    site.posting("werkstudent.md", posting(2, lang="de"))
    site.posting("alt.md", posting(3, lang="de").replace("---\nWe", "status: closed\n---\nWe"))
    (site.content / "pages" / "about.md").write_text(
        "---\ntitle: About us\n---\nWho we are.\n", encoding="utf-8"
    )
    (site.content / "pages" / "about.de.md").write_text(
        "---\ntitle: Über uns\nslug: about\nlang: de\n---\nWer wir sind.\n", encoding="utf-8"
    )
    site.build(JOBPOSTING_LANGUAGES=["en", "de"])
    return site


def hrefs(page, selector: str) -> list[str]:
    """The links' addresses, made absolute from the page's own (`page.at`: links are relative
    where Pelican makes them so)."""
    return [urljoin(page.at, a["href"]) for a in page.select(selector)]


def read(site: Site, path: str):
    page = site.page(path)
    page.at = ROOT_URL + path.removesuffix("index.html")
    return page


ROOT_URL = "https://careers.example/"


def test_each_listed_language_has_its_own_404_page(two_languages):
    english, deutsch = read(two_languages, "404.html"), read(two_languages, "de/404.html")
    assert (english.html["lang"], english.h1.get_text()) == ("en", "Page not found")
    assert (deutsch.html["lang"], deutsch.h1.get_text()) == ("de", "Seite nicht gefunden")
    assert deutsch.select_one('meta[name="robots"]')["content"] == "noindex"
    assert hrefs(deutsch, "main a.button") == [ROOT_URL + "de/"]
    assert hrefs(english, "main a.button") == [ROOT_URL]
    # its links are absolute (served at any depth) and lead to the German pages
    assert ROOT_URL + "de/departments/engineering/" in hrefs(deutsch, "main ul.links a")
    assert words(deutsch, "main ul.links a")[-1] == "Über uns"
    assert hrefs(deutsch, ".site-header nav a")[:2] == [ROOT_URL + "de/", ROOT_URL + "about/de/"]
    # a missing page has no translation: the switcher leads to each language's list
    for page in (english, deutsch):
        assert hrefs(page, "nav.languages a") == [ROOT_URL, ROOT_URL + "de/"]
        assert not page.select("head link[hreflang]")


def test_a_company_page_names_its_translations_in_its_head_and_the_sitemap(two_languages):
    expected = {
        "en": ROOT_URL + "about/",
        "de": ROOT_URL + "about/de/",
        "x-default": ROOT_URL + "about/",
    }
    for path in ("about/index.html", "about/de/index.html"):
        links = read(two_languages, path).select('head link[rel="alternate"][hreflang]')
        assert {link["hreflang"]: link["href"] for link in links} == expected
    # and the sitemap says the same of each version
    sitemap = BeautifulSoup((two_languages.output / "sitemap.xml").read_text("utf-8"), "xml")
    for url in (ROOT_URL + "about/", ROOT_URL + "about/de/"):
        entry = sitemap.find("loc", string=url).parent
        links = {link["hreflang"]: link["href"] for link in entry.find_all("link")}
        assert links == expected


def test_pages_in_a_listed_language_lead_to_that_languages_list(two_languages):
    for path in ("jobs/backend/de/index.html", "jobs/werkstudent/de/index.html"):
        job = read(two_languages, path)
        # the header in the posting's language, when the site has its lists in it
        assert job.select_one(".site-header").get("lang") is None
        assert words(job, ".site-header nav a")[:2] == ["Offene Stellen", "Über uns"]
        assert hrefs(job, ".site-header nav a")[0] == ROOT_URL + "de/"
        assert hrefs(job, "nav.crumbs a") == [
            ROOT_URL + "de/", ROOT_URL + "de/departments/engineering/"
        ]  # fmt: skip
    # more jobs in the department: those of the German list, in German where they have it
    job = read(two_languages, "jobs/werkstudent/de/index.html")
    assert words(job, "section.more li a") == ["Backend-Entwickler"]
    assert hrefs(job, "section.more li a") == [ROOT_URL + "jobs/backend/de/"]
    assert hrefs(job, "section.more p a") == [ROOT_URL + "de/departments/engineering/"]
    closed = read(two_languages, "jobs/alt/de/index.html")
    assert ROOT_URL + "de/" in hrefs(closed, ".notice a.button")
    about = read(two_languages, "about/de/index.html")
    assert hrefs(about, "main a.button") == [ROOT_URL + "de/"]
    assert words(about, ".site-header nav a")[0] == "Offene Stellen"
    # the site's language keeps the site's list
    english = read(two_languages, "jobs/backend/index.html")
    assert hrefs(english, "nav.crumbs a")[0] == ROOT_URL
    assert hrefs(read(two_languages, "about/index.html"), "main a.button") == [ROOT_URL]


def test_a_posting_in_a_language_the_site_does_not_list_leads_to_the_sites_list(site):
    site.posting("backend.md", posting(1))
    site.posting("werkstudent.md", posting(2, lang="de"))
    site.build()
    job = read(site, "jobs/werkstudent/de/index.html")
    assert job.select_one(".site-header")["lang"] == "en"
    assert hrefs(job, "nav.crumbs a")[0] == ROOT_URL
    assert not (site.output / "de" / "404.html").exists()
