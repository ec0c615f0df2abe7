"""Pelican signal receivers: thin, taking values out of Pelican and calling pure functions.

Per-build state is a buildstate.BuildState in the generators' shared context, never a module
global, so builds in one process (tests, the dev server) do not leak into each other.
"""

from __future__ import annotations

import dataclasses
import functools
import os

from pelican import signals
from pelican.contents import Article
from pelican.generators import ArticlesGenerator, PagesGenerator, StaticGenerator

from ..boundary import contentfiles, contentlinks, outputpaths, svgfiles
from ..checks import pipeline
from ..config import settings, settingscheck
from ..core import report, rules
from ..core.lifecycle import State
from ..core.problems import BuildFailed, Problem, Severity
from ..outputs import outputs, receivers, search
from ..reading.postingfile import report_path
from ..render import alternates, display, jsonld, strings
from . import facets, scope, speedup, templates
from .buildstate import CONTEXT_KEY, BuildState, build_state, state_in
from .reader import PostingReader


def initialized(pelican) -> None:
    settingscheck.check(pelican.settings, also=(outputs.setting_problems,))


def add_reader(readers) -> None:
    """The plugin's Markdown reader for postings; for the rest, scope.py says."""
    scope.route(readers, PostingReader)


def list_files_safely(generator) -> None:
    """generator_init: no generator follows a symbolic link or lists a static file of a type
    the site does not publish, where the plugin checks the content (scope.py, contentfiles.py
    reports them)."""
    generator.get_files = functools.partial(scope.list_files, generator, generator.get_files)


def add_filters(generator) -> None:
    # The plugin's templates, escaped whatever a site's JINJA_ENVIRONMENT says of its own
    # (Pelican's default is no escaping): only the sanitised description is marked |safe.
    templates.attach(generator)
    generator.env.filters.update(display.FILTERS)
    # The interface's words, in each page's own language ({% trans %}, _(), ngettext()).
    generator.env.add_extension("jinja2.ext.i18n")
    generator.env.newstyle_gettext = True
    generator.env.globals.update(strings.GLOBALS)
    generator.env.globals["language_links"] = alternates.language_links
    generator.env.globals["language_home"] = alternates.language_home
    generator.env.globals["chrome_language"] = alternates.chrome_language
    generator.env.globals["site_name"] = alternates.site_name
    # Pelican makes SITEURL relative on each page when RELATIVE_URLS is on; canonical links,
    # Open Graph tags and JSON-LD need the absolute address.
    generator.env.globals["SITE_ABSOLUTE_URL"] = generator.settings["SITEURL"].rstrip("/")


def check_when_read(content) -> None:
    """content_object_init: check a posting as soon as Pelican has made its Article.

    So an open posting goes to the search index while the others are still being read
    (search.py). classify_postings takes these outcomes for the articles Pelican keeps.
    """
    doc = getattr(content, "jobposting_document", None)
    if doc is None or not isinstance(content, Article):
        return
    _place_under_index(content)
    state = state_in(content._context, content.settings)
    path = _path(content)
    ahead = state.ahead and state.ahead.verdict(
        content.source_path, content.jobposting_problems, content.slug
    )  # made by a helper reading ahead (speedup.py)
    if ahead:
        outcome, text = ahead
    else:
        outcome = pipeline.check_posting(
            doc, path, content.slug, content._content, content.jobposting_problems, state.checks
        )
        text = None
    _forget_source(content)
    take_outcome(content, outcome, text)


def check_again(content, doc, read_problems, validated=None) -> pipeline.Outcome:
    """The verdict check_when_read would give an Article the dev server kept from an earlier
    build, made under this build's checks (a new day, other data files): `doc` and
    `read_problems` are its reading's, as check_when_read had them; `validated`, the kept
    verdict's validation when the settings and data files are those it was made under."""
    state = state_in(content._context, content.settings)
    return pipeline.check_posting(
        doc, _path(content), content.slug, content._content, list(read_problems), state.checks,
        validated,
    )  # fmt: skip


def take_outcome(content, outcome, text=None) -> None:
    """A posting's verdict, for classify_postings and the search index; also what the dev
    server does with a posting it did not read again (devserver/postings.py)."""
    state_in(content._context, content.settings).early[_path(content)] = outcome
    if outcome.state is State.OPEN:
        search.offer(content, outcome.posting, text)


def _place_under_index(article) -> None:
    """On a site with a blog, a posting's address is under the list of open jobs: Pelican's
    address for it (ARTICLE_URL, ARTICLE_LANG_URL, DRAFT_URL) after JOBPOSTING_INDEX_URL,
    e.g. jobs/backend-developer.html; where every article is a posting, Pelican's own."""
    values = article.settings
    if settings.postings_are_articles(values):
        return
    index = settings.index_url(values)
    if index:
        article.override_url = index + article.url
        article.override_save_as = index + article.save_as if article.save_as else ""


def drop_markdown(generator, metadata) -> None:
    """Each posting's Markdown is not needed once it is HTML: drop it as soon as a file is read.

    The checks use the front matter and the HTML; holding every body until all files are read
    would add them all to the reading phase's memory peak.
    """
    doc = metadata.get("jobposting_document")
    if doc is not None and doc.body:
        metadata["jobposting_document"] = dataclasses.replace(doc, body="")


def classify_postings(generator: ArticlesGenerator) -> None:
    """Validate every posting, decide its state, and keep only open ones in the lists.

    Where every article is a posting, the open ones are Pelican's articles (the theme lists
    them); on a site with other articles (a blog), postings are hidden articles: written, in
    none of the blog's lists, feeds or archives. The plugin lists them (facets.py).
    """
    state = build_state(generator)
    values = generator.settings
    groups = {
        "articles": generator.articles,
        "translations": generator.translations,
        "hidden_articles": generator.hidden_articles,
        "hidden_translations": generator.hidden_translations,
        "drafts": generator.drafts,
        "drafts_translations": generator.drafts_translations,
    }
    postings, kept = {}, {}
    for name, group in groups.items():
        postings[name], kept[name] = [], []
        for article in group:
            (postings if _is_posting(article, values) else kept)[name].append(article)
    for articles in postings.values():
        for article in articles:
            _check(article, state)
    pipeline.check_across(list(state.outcomes.values()), state.checks.strict)
    listed = "" if settings.postings_are_articles(values) else "hidden_"
    show_drafts = values["JOBPOSTING_SHOW_DRAFTS"]
    opened = []
    for name, articles in postings.items():
        translation = name.endswith("translations")
        for article in articles:
            outcome = state.outcomes[_path(article)]
            if outcome.posting is not None:
                article.jobposting = outcome.posting
                article.jobposting_state = outcome.state
            article.template = templates.POSTING
            if outcome.state is State.OPEN:
                kept[listed + ("translations" if translation else "articles")].append(article)
                if not translation:
                    opened.append(article)
            elif outcome.state is State.CLOSED:
                article.template = templates.CLOSED
                kept["hidden_translations" if translation else "hidden_articles"].append(article)
            elif outcome.state is State.DRAFT and show_drafts:
                kept["drafts_translations" if translation else "drafts"].append(article)
    for name, articles in kept.items():
        setattr(generator, name, articles)
    generator.context[facets.OPEN_KEY] = opened  # the open postings, not their translations


def _is_posting(article, values) -> bool:
    return settings.in_postings(article.relative_source_path, values)


def _path(article) -> str:
    return getattr(article, "jobposting_source", None) or report_path(article.source_path)


def _check(article, state: BuildState) -> None:
    path = _path(article)
    state.articles[path] = article
    if path in state.early:
        state.outcomes[path] = state.early.pop(path)
        return
    doc = getattr(article, "jobposting_document", None)
    if doc is None:  # read by another reader (.rst, .html): not a posting we can check
        problem = Problem(
            path, None, None,
            "postings are Markdown files: rename it to end in .md and give it front matter",
            Severity.ERROR, rules.NOT_MARKDOWN,
        )  # fmt: skip
        state.outcomes[path] = pipeline.Outcome(path, None, State.REJECTED, [problem])
        return
    state.outcomes[path] = pipeline.check_posting(
        doc, path, article.slug, article._content, article.jobposting_problems, state.checks
    )
    _forget_source(article)


def _forget_source(article) -> None:
    """Drop the front matter and Markdown once checked: the model and the HTML are what is used.

    Kept, they would hold each body's text and every Field until the end of the build.
    """
    article.jobposting_document = None
    article.metadata.pop("jobposting_document", None)


def collect_page_problems(generator: PagesGenerator) -> None:
    state = build_state(generator)
    pages = [*generator.pages, *generator.translations, *generator.hidden_pages,
             *generator.hidden_translations, *generator.draft_pages, *generator.draft_translations]  # fmt: skip
    for page in pages:
        found = getattr(page, "jobposting_problems", ())
        state.other_problems.extend(state.checks.promote(found))
    if not scope.whole_site(generator.settings):
        return  # the site's own pages, as Pelican made them
    if not generator.settings["JOBPOSTING_SHOW_DRAFTS"]:  # as for postings: never published
        generator.draft_pages[:] = []
        generator.draft_translations[:] = []
    # the menu: pages with an order first, by it; then the others as Pelican ordered them
    generator.pages.sort(
        key=lambda page: (getattr(page, "order", None) is None, getattr(page, "order", 0))
    )
    # the files {static} and {attach} links name, which the static generator reads next: only
    # those it may copy (the others were reported with their line when read: contentlinks.py)
    links = generator.context["static_links"]
    safe = contentfiles.safe_links(links, generator.settings)
    links.intersection_update(safe)


def clean_drawings(generator: StaticGenerator) -> None:
    """static_generator_finalized: SVG drawings are filtered now (a file that is not one is
    reported with the rest) and written filtered (svgfiles.py)."""
    files = generator.staticfiles
    if not scope.whole_site(generator.settings):  # the site's own files are Pelican's
        files = [f for f in files if _posting_file(f.source_path, generator.settings)]
    cleaned, problems = svgfiles.clean(files, generator.path)
    build_state(generator).other_problems.extend(problems)
    svgfiles.write_cleaned(generator, cleaned)


def finish(generators) -> None:
    """Report everything once; any error stops the build before a single file is written."""
    articles = next(g for g in generators if isinstance(g, ArticlesGenerator))
    state = build_state(articles)
    values = articles.settings
    _unreadable_files(articles, state)
    _account_for_every_file(generators, state)
    problems = state.problems
    report.emit(report.lines(problems, settings.annotations_wanted(values)))
    report.emit([report.summary(state.states, problems)])
    errors = len({p for p in problems if p.is_error})
    if errors:
        _stop(articles, problems, errors)
    siteurl = values["SITEURL"].rstrip("/")
    for article in state.open_articles():
        url = f"{siteurl}/{article.url}"
        article.jsonld = jsonld.build(article.jobposting, url, article.get_content(siteurl))


def _unreadable_files(articles: ArticlesGenerator, state: BuildState) -> None:
    """Files Pelican failed to read, and files in the postings folder it never looked at."""
    values = articles.settings
    content = values["PATH"]
    for relative, item in articles.context["generated_content"].items():
        if item is None:
            path = report_path(os.path.join(content, relative))
            problem = Problem(
                path, None, None,
                "Pelican could not read this file (its message is above); it was not published",
                Severity.ERROR, rules.UNREADABLE,
            )  # fmt: skip
            if _in_jobs(relative, values):
                state.outcomes[path] = pipeline.Outcome(path, None, State.REJECTED, [problem])
            elif scope.whole_site(values):  # else a file of the site's own: Pelican said it
                state.other_problems.append(problem)
    jobs_root = os.path.join(content, values["JOBPOSTING_PATH"])
    ignored = set(values.get("IGNORE_FILES", ()))
    for folder, _, names in os.walk(jobs_root):
        for name in sorted(names):
            if name.startswith(".") or name in ignored:
                continue
            if os.path.splitext(name)[1].lstrip(".").lower() not in PostingReader.file_extensions:
                path = report_path(os.path.join(folder, name))
                if path not in state.outcomes:
                    state.outcomes[path] = pipeline.not_markdown(path)


def _account_for_every_file(generators, state: BuildState) -> None:
    """Every file under content/ read by the plugin or refused; no two sources written to the
    same place (contentfiles.py, outputpaths.py)."""
    articles = next(g for g in generators if isinstance(g, ArticlesGenerator))
    pages = next((g for g in generators if isinstance(g, PagesGenerator)), None)
    statics = next((g for g in generators if isinstance(g, StaticGenerator)), None)
    context = articles.context
    values = articles.settings
    already = {p.path for p in state.problems if p.is_error}
    whole = scope.whole_site(values)
    state.other_problems += contentfiles.account_for(
        values,
        {os.path.normpath(p) for p in context.get("generated_content", {})},
        {os.path.normpath(p) for p in context.get("static_content", {})},
        already,
        None if whole else values["JOBPOSTING_PATH"],
    )
    static_files = getattr(statics, "staticfiles", []) if statics else []
    written = outputpaths.sources(articles, pages, static_files)
    by_source = {s.get_relative_source_path(): s for s in static_files}
    site = contentlinks.LinkTargets(values)
    for content in outputpaths.contents(articles, pages):
        if whole or _posting_file(content.source_path, values):
            links = contentlinks.attach_links(content, site)
            written += outputpaths.attached(content, by_source, links)
    if not whole:  # postings last: a clash with the site's own file is said on the posting
        written.sort(key=lambda item: _posting_file(item[1], values))
    state.written = written
    state.other_problems += _ours(outputpaths.clashes(written, values), values)


def check_facet_paths(generators) -> None:
    """all_generators_finalized, after facets.build_board: no facet page where content writes."""
    articles = next(g for g in generators if isinstance(g, ArticlesGenerator))
    state = articles.context.get(CONTEXT_KEY)
    board = articles.context.get(facets.CONTEXT_KEY)
    if state is None or board is None:
        return
    facet_pages = {
        outputpaths.normal(f.save_as): f"the site's {f.kind} page {f.url}"
        for f in board.written_pages
    }
    if board.index_save_as:
        facet_pages[outputpaths.normal(board.index_save_as)] = "the list of open jobs"
    # finish() found no clash among the content's own paths: any found now is with a facet page
    problems = outputpaths.clashes(state.written, articles.settings, facet_pages)
    if not scope.whole_site(articles.settings):  # the site's own clashes are Pelican's to say
        own = set(outputpaths.clashes(state.written, articles.settings))
        problems = [p for p in problems if p not in own]
    if problems:
        report.emit(report.lines(problems, settings.annotations_wanted(articles.settings)))
        _stop(articles, problems, len(problems))


def _stop(articles: ArticlesGenerator, problems: list[Problem], errors: int) -> None:
    """After the report: the build ends here, before a single file is written."""
    plural = "s" if errors != 1 else ""
    report.emit([f"jobposting: the site was not built: fix the {errors} error{plural} above"])
    search.drop_stream(articles.context)
    raise BuildFailed("jobposting: errors in the content", tuple(problems))


def _in_jobs(relative: str, values) -> bool:
    return settings.in_postings(relative, values)


def _posting_file(path: str, values) -> bool:
    """Whether a file (its source path, or its path in the build's report) is a posting's."""
    return os.path.abspath(path).startswith(scope.postings_root(values) + os.sep)


def _ours(problems: list[Problem], values) -> list[Problem]:
    """On a site checked whole, every problem; else those of postings (the rest is Pelican's)."""
    if scope.whole_site(values):
        return problems
    return [p for p in problems if _posting_file(p.path, values)]


def register() -> None:
    signals.initialized.connect(initialized)
    signals.generator_init.connect(add_filters)
    signals.readers_init.connect(add_reader)
    signals.generator_init.connect(list_files_safely)  # before speedup.py orders the files
    signals.article_generator_context.connect(drop_markdown)
    signals.content_object_init.connect(check_when_read)
    signals.article_generator_pretaxonomy.connect(classify_postings)
    signals.page_generator_finalized.connect(collect_page_problems)
    signals.static_generator_finalized.connect(clean_drawings)
    signals.all_generators_finalized.connect(finish)
    facets.connect()
    # after facets.build_board, before search.py writes its index
    signals.all_generators_finalized.connect(check_facet_paths)
    receivers.connect()  # the search index and the crawler files
    speedup.connect()  # after the receivers above on each signal
    receivers.connect_last()  # the search index is waited for once every page is written
