"""The openings board: open postings grouped by department, and the facet pages that narrow them.

Without JavaScript a candidate narrows the list by following links to pre-rendered pages
(/departments/engineering/, /locations/berlin/, /remote/, /workplace/hybrid/,
/employment/part-time/); with JavaScript the list filters in place by the same slugs, which every
card carries as data attributes.

Where every article is a posting, departments are Pelican's category pages (CATEGORY_URL) and the
theme's index is the list; on a site with other articles (a blog), the list of open jobs
(JOBPOSTING_INDEX_URL) and the department pages are written here too. The other facets are
written here after the articles, from the same open postings. Facet URLs come from
JOBPOSTING_FACET_URLS, under JOBPOSTING_INDEX_URL.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from itertools import islice
from types import SimpleNamespace

from pelican import signals

from ..checks import geo, regions
from ..config import settings as plugin_settings
from ..core.text import slugify
from ..render import alternates, display
from . import templates

CONTEXT_KEY = "openings"
OPEN_KEY = "jobposting_open"  # in the shared context: the open postings, not their translations
LANGUAGES_KEY = "openings_languages"  # {lang: its Board}, for a site in several languages
KINDS = ("department", "location", "workplace", "employment")
WORKPLACE_ORDER = ("onsite", "hybrid", "remote")


@dataclass
class Facet:
    kind: str  # one of KINDS
    slug: str  # the value in ?location=berlin and on the cards
    label: str  # "Berlin", "Germany", "Hybrid", "Part-time", "Engineering"
    title: str  # the facet page's h1: "Jobs in Berlin"
    url: str
    save_as: str
    group: str = ""  # locations: "office" or "country"
    blurb: str = ""  # departments: from departments.yml
    articles: list = field(default_factory=list)
    _positions: dict | None = field(default=None, repr=False, compare=False)

    def position(self, article) -> int | None:
        """Where the posting is in `articles`, once they are all there."""
        if self._positions is None:
            self._positions = {id(a): i for i, a in enumerate(self.articles)}
        return self._positions.get(id(article))


@dataclass
class Group:
    """One department's open postings, in the order of departments.yml."""

    name: str
    slug: str
    url: str
    blurb: str
    articles: list


@dataclass
class Board:
    today: dt.date
    articles: list
    facets: dict[str, list[Facet]]
    index_save_as: str = ""  # the list of open jobs, when this module writes it
    departments_written: bool = False  # else they are Pelican's category pages

    def groups(self, articles=None) -> list[Group]:
        """`articles` (default: all open) grouped by department, departments.yml order first."""
        chosen = self.articles if articles is None else articles
        groups = []
        for facet in self.facets["department"]:
            # by identity, in a set: `a in facet.articles` scanned the whole department each time
            members_ids = {id(a) for a in facet.articles}
            members = [a for a in chosen if id(a) in members_ids]
            if members:
                groups.append(Group(facet.label, facet.slug, facet.url, facet.blurb, members))
        return groups

    def facet(self, kind: str, slug: str) -> Facet | None:
        return next((f for f in self.facets.get(kind, ()) if f.slug == slug), None)

    def others_in_department(self, article, limit: int = 5) -> tuple:
        """The "More jobs" box: up to `limit` other open postings of the department, those
        listed after this one, from the top again past the end (all of them in a small
        department). So every open posting is linked from the pages of the few listed before
        it, where a crawler finds it, and a posting that opens or closes changes those few
        boxes, not every page of its department. A posting not on the board (a closed one's
        page): the first of the list. A tuple: the theme's box can be kept by its postings."""
        facet = self.facet("department", article.category.slug)
        if facet is None:
            return ()
        members = facet.articles
        at = facet.position(article) if len(members) > limit + 1 else None
        if at is None:
            # stop at `limit`: a department of thousands must not cost thousands per page
            return tuple(islice((a for a in members if a is not article), limit))
        return tuple(members[(at + step) % len(members)] for step in range(1, limit + 1))

    @property
    def written_pages(self) -> list[Facet]:
        """Facet pages this module writes."""
        kinds = KINDS if self.departments_written else KINDS[1:]
        return [f for kind in kinds for f in self.facets[kind]]


def build_board(generators) -> None:
    """After validation: the board every template of this build reads, in the shared context."""
    articles_generator = next(
        g for g in generators if hasattr(g, "articles") and hasattr(g, "drafts")
    )
    context = articles_generator.context
    state = context.get("jobposting")
    if state is None:
        return
    values = articles_generator.settings
    site_lang = values.get("DEFAULT_LANG", "en")
    open_paths = {id(a) for a in state.open_articles()}
    articles = list(context.get(OPEN_KEY, ()))
    articles.sort(key=lambda a: (-a.jobposting.date_posted.toordinal(), a.jobposting.title))
    context[CONTEXT_KEY] = _board(state, articles, values, site_lang, site_lang)
    # a site in several languages: the lists again under /<lang>/, each posting in its version
    # in that language where it has one (language_pages)
    context[LANGUAGES_KEY] = {
        lang: _board(
            state, [_version(a, lang, open_paths) for a in articles], values, lang, site_lang
        )
        for lang in alternates.site_languages(values)
        if lang != site_lang
    }


def _version(article, lang: str, open_paths: set):
    """The posting's open version in `lang`, else the posting as the site's list has it."""
    for other in getattr(article, "translations", ()):
        if other.lang == lang and id(other) in open_paths:
            return other
    return article


def _board(state, articles: list, values: dict, lang: str, site_lang: str) -> Board:
    """The board of one language: its labels in `lang`, its slugs in the site's language (one
    address per facet, whatever the language: /locations/germany/, /de/locations/germany/)."""
    overrides = values.get("JOBPOSTING_UI_STRINGS")
    urls = values.get("JOBPOSTING_FACET_URLS") or {}
    prefix = "" if lang == site_lang else f"{lang}/"
    index = plugin_settings.index_url(values)
    pelican_categories = plugin_settings.postings_are_articles(values)

    def _(message, **values):
        return display.gettext(message, lang, overrides, **values)

    def make(kind, slug, label, title, **extra) -> Facet:
        pattern = urls.get(
            kind, "departments/{slug}/" if kind == "department" else f"{kind}/{{slug}}/"
        )
        if kind == "workplace" and slug == "remote":
            pattern = urls.get("remote", "remote/")
        url = prefix + index + pattern.format(slug=slug)
        return Facet(kind, slug, label, title, url, url + "index.html", **extra)

    facets: dict[str, dict[str, Facet]] = {kind: {} for kind in KINDS}
    departments = {d.name: d for d in state.checks.ctx.departments}
    offices = list(state.checks.ctx.offices.values())
    country_slugs: dict[str, str] = {}  # ISO code -> its country facet's slug
    for article in articles:
        job = article.jobposting
        slugs: dict[str, list[str]] = {kind: [] for kind in KINDS}
        category = article.category
        known = departments.get(job.department)
        blurb = known.blurb if known else ""
        facet = facets["department"].get(category.slug) or (
            Facet("department", category.slug, job.department, job.department,
                  prefix + category.url, prefix + category.save_as, blurb=blurb)
            if pelican_categories
            else make("department", category.slug, job.department, job.department, blurb=blurb)
        )  # fmt: skip
        facets["department"][category.slug] = facet
        slugs["department"].append(category.slug)
        for place in job.locations:
            if place.key:
                slugs["location"].append(place.key)
                if place.key not in facets["location"]:  # a facet is made once, not per posting
                    facets["location"][place.key] = make(
                        "location", place.key, place.label,
                        _("Jobs in %(place)s", place=place.label), group="office",
                    )  # fmt: skip
        covered = regions.covering(job.remote_regions)
        placed = {place.country for place in job.locations}
        for code in job.countries:
            if code in covered and code not in placed:
                continue  # a group's country: the group's facet stands for it (below)
            slug = slugify(geo.country_name(code, site_lang))
            if slug in facets["location"] and facets["location"][slug].group == "office":
                slug = f"{slug}-{code.lower()}"  # an office named like a country keeps its page
            slugs["location"].append(slug)
            country_slugs[code] = slug
            if slug not in facets["location"]:
                name = geo.country_name(code, lang)
                facets["location"][slug] = make(
                    "location", slug, name, _("Jobs in %(place)s", place=name), group="country"
                )
        for code in job.remote_regions:
            region = regions.regions()[code]
            label = _("Remote (%(areas)s)", areas=region.name(lang))
            slug = f"remote-{slugify(code)}"
            slugs["location"].append(slug)
            facets["location"].setdefault(
                slug, make("location", slug, label, label, group="region")
            )
        if job.workplace not in facets["workplace"]:
            kind_label = display.workplace_kind(job.workplace, lang, overrides)
            title = _("Remote jobs") if job.is_remote else _("%(kind)s jobs", kind=kind_label)
            facets["workplace"][job.workplace] = make("workplace", job.workplace, kind_label, title)
        slugs["workplace"].append(job.workplace)
        for code in job.employment_types:
            slug = code.lower().replace("_", "-")
            if slug not in facets["employment"]:
                label = display.employment_type(code, lang, overrides)
                facets["employment"][slug] = make(
                    "employment", slug, label, _("%(kind)s jobs", kind=label)
                )
            slugs["employment"].append(slug)
        for kind, values_ in slugs.items():
            for slug in dict.fromkeys(values_):
                facets[kind][slug].articles.append(article)
        article.jobposting_facets = {kind: " ".join(dict.fromkeys(v)) for kind, v in slugs.items()}

    _add_group_postings_to_countries(articles, facets["location"], country_slugs)
    return Board(
        today=state.checks.ctx.today,
        articles=articles,
        facets={
            kind: _ordered(kind, found, departments, offices) for kind, found in facets.items()
        },
        index_save_as=index + "index.html" if index and not prefix else "",
        departments_written=not pelican_categories,
    )


def _add_group_postings_to_countries(articles, locations: dict, country_slugs: dict) -> None:
    """A posting open to the EU is also under Germany, where Germany has a page for other
    postings: a candidate filtering by their country finds it, without a page per member."""
    order = {id(a): i for i, a in enumerate(articles)}
    for article in articles:
        job = article.jobposting
        placed = {place.country for place in job.locations}
        mine = article.jobposting_facets["location"].split()
        for code in sorted(regions.covering(job.remote_regions) - placed):
            slug = country_slugs.get(code)
            if slug is None or slug in mine:
                continue
            locations[slug].articles.append(article)
            locations[slug].articles.sort(key=lambda a: order[id(a)])
            mine.append(slug)
        article.jobposting_facets["location"] = " ".join(mine)


def _ordered(kind: str, found: dict[str, Facet], departments: dict, offices: list) -> list[Facet]:
    facets = list(found.values())
    if kind == "department":
        order = {name: i for i, name in enumerate(departments)}
        return sorted(facets, key=lambda f: (order.get(f.label, len(order)), f.label.lower()))
    if kind == "location":
        office_order = {o.key: i for i, o in enumerate(offices)}
        groups = ("office", "country", "region")
        return sorted(
            facets,
            key=lambda f: (groups.index(f.group), office_order.get(f.slug, 0), f.label.lower()),
        )
    if kind == "workplace":
        return sorted(facets, key=lambda f: WORKPLACE_ORDER.index(f.slug))
    if kind == "employment":
        order = ("full-time", "part-time", "contractor", "temporary", "intern")
        return sorted(
            facets, key=lambda f: (order.index(f.slug) if f.slug in order else 99, f.slug)
        )
    return facets


def write_facet_pages(generator, writer) -> None:
    """Location, workplace and employment pages, each a list of the postings it matches."""
    board = generator.context.get(CONTEXT_KEY)
    if board is None:
        return
    relative_urls = generator.settings["RELATIVE_URLS"]
    if board.index_save_as:
        url = board.index_save_as.removesuffix("index.html")
        writer.write_file(
            board.index_save_as, generator.get_template(templates.INDEX), generator.context,
            relative_urls=relative_urls, url=url, articles=board.articles,
            page_name=url.rstrip("/"), template_name=templates.INDEX,
        )  # fmt: skip
    template = generator.get_template(templates.FACET)
    for facet in board.written_pages:
        writer.write_file(
            facet.save_as, template, generator.context,
            relative_urls=relative_urls, url=facet.url,
            facet=facet, articles=facet.articles, page_name=facet.url.rstrip("/"),
            template_name=templates.FACET,
        )  # fmt: skip


def write_language_pages(generator, writer) -> None:
    """A site in several languages: its list, department and facet pages again under /<lang>/,
    their words in that language (the header's too: site_lang)."""
    boards = generator.context.get(LANGUAGES_KEY) or {}
    relative = generator.settings["RELATIVE_URLS"]
    # the list at JOBPOSTING_INDEX_URL (a site with a blog) is the plugin's template, not the
    # theme's index
    index = plugin_settings.index_url(generator.settings)
    index_template = templates.INDEX if index else "index"
    for lang, board in boards.items():
        home = f"{lang}/{index}"
        words = {"openings": board, "page_lang": lang, "site_lang": lang, "home": home}
        writer.write_file(
            f"{home}index.html", generator.get_template(index_template), generator.context,
            relative_urls=relative, url=home, articles=board.articles,
            page_name=f"{home}index", template_name=index_template, **words,
        )  # fmt: skip
        if "404" in generator.settings.get("DIRECT_TEMPLATES", ()):
            # for hosts that serve a folder's own 404.html (docs/translations.md)
            writer.write_file(
                f"{lang}/404.html", generator.get_template("404"), generator.context,
                relative_urls=relative, url=f"{lang}/404.html", page_name=f"{lang}/404",
                template_name="404", **words,
            )  # fmt: skip
        # departments written as facet pages (below) where Pelican's categories are a blog's
        for facet in () if board.departments_written else board.facets["department"]:
            writer.write_file(
                facet.save_as, generator.get_template("category"), generator.context,
                relative_urls=relative, url=facet.url, category=SimpleNamespace(slug=facet.slug),
                articles=facet.articles, page_name=facet.url.rstrip("/"),
                template_name="category", **words,
            )  # fmt: skip
        for facet in board.written_pages:
            writer.write_file(
                facet.save_as, generator.get_template(templates.FACET), generator.context,
                relative_urls=relative, url=facet.url, facet=facet, articles=facet.articles,
                page_name=facet.url.rstrip("/"), template_name=templates.FACET, **words,
            )  # fmt: skip


def connect() -> None:
    signals.all_generators_finalized.connect(build_board)
    signals.article_writer_finalized.connect(write_facet_pages)
    signals.article_writer_finalized.connect(write_language_pages)
