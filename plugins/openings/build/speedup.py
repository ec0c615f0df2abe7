"""Where the build hands steps to the speed package (speed/), each behind its own setting.

- JOBPOSTING_READAHEAD: posting files parsed and checked by helper processes just ahead of
  Pelican reading them (speed/readahead.py);
- JOBPOSTING_PARALLEL_PAGES: posting pages written by a second process while this one writes
  the rest, then by both (speed/parallel.py);
- JOBPOSTING_TEMPLATE_CACHE: compiled templates kept between builds (speed/templatecache.py);
- and, with no setting: the HTML of the theme's cards made once per build
  (speed/templatecache.py), each posting's address computed once (speed/addresses.py), the
  garbage collector's pace and freed memory given back (speed/memory.py), and no file stamps
  taken for Pelican's content cache while it is off (speed/stamps.py).

Each changes where or when a step runs, never what it computes: the build's files are the same
with any of them on or off (tests/build/test_speed_*.py). Their state is the build's
(buildstate.BuildState), reached through the generator each receiver is given.
"""

from __future__ import annotations

import os
from dataclasses import replace

from pelican import signals
from pelican.generators import ArticlesGenerator

from ..boundary import outputpaths
from ..checks import pipeline
from ..config import settings
from ..core.lifecycle import State
from ..outputs import search_records
from ..reading.postingfile import import_repairs, parse_file, report_path
from ..speed import addresses, linear, memory, parallel, readahead, stamps, templatecache
from . import templates
from .buildstate import CONTEXT_KEY, build_state
from .reader import PostingReader

# The plugin's shipped macros whose HTML depends only on their arguments and SITEURL (as their
# templates say): a card on the lists, the "more openings" box on posting pages.
THEME_TEMPLATES = os.path.join(templates.ROOT, templates.PREFIX)
SAME_HTML_MACROS = ("card", "more_box", "more_item")

NO_SLUG = ""  # a posting checked ahead has no slug yet: Pelican's is given to it when read


def read_and_check_ahead(source_path: str, checks: pipeline.Checks) -> tuple:
    """A posting file read and checked before Pelican asks for it: what PostingReader.parse_file
    gives (doc, problems, html), and the Outcome check_when_read makes of it, checked with no slug
    (the only input the reader has not made yet); None for a file with no front matter."""
    path = report_path(source_path)
    doc, problems, html = parse_file(source_path, path, checks.limits)
    outcome = None
    if doc.has_front_matter:
        outcome = pipeline.check_posting(doc, path, NO_SLUG, html, problems, checks)
    return doc, problems, html, outcome


class Ahead:
    """The build's side of reading ahead: what a helper does with a posting file, and how the
    reader (PostingReader.parse_file) and plugin.check_when_read take it."""

    def __init__(self, source_paths: list[str], checks: pipeline.Checks, values):
        self.checks = checks
        self.search_on = values.get("JOBPOSTING_SEARCH", True)
        self.verdicts: dict[str, tuple] = {}  # source path -> (problems, Outcome, search text)
        # A board this big has a name with an accent or a currency sign somewhere: ftfy is
        # imported once here, not by each helper and again by the build for its pages.
        import_repairs()
        self.helpers = readahead.ReadAhead(source_paths, self.read_and_check)

    def read_and_check(self, source_path: str) -> tuple:
        """In a helper: read_and_check_ahead's answer, with the open posting's search text."""
        doc, problems, html, outcome = read_and_check_ahead(source_path, self.checks)
        verdict = None
        if outcome is not None:
            text = None
            if outcome.state is State.OPEN and self.search_on:
                text = search_records.record_text(outcome.posting)
            verdict = (tuple(problems), outcome, text)
        # the Markdown is dropped once read (plugin.drop_markdown): not sent
        return (replace(doc, body="") if doc.body else doc, problems, html), verdict

    def parse_file(self, source_path: str, path: str, within) -> tuple:
        """postingfile.parse_file's answer, from a helper when it has it."""
        made = self.helpers.take(source_path)
        if made is None:
            return parse_file(source_path, path, within)
        parsed, verdict = made
        if verdict is not None:
            self.verdicts[source_path] = verdict
        return parsed

    def verdict(self, source_path: str, read_problems, slug: str):
        """(Outcome, search text) made in a helper from the problems the reader ended with, or
        None: then the build checks the posting itself."""
        made = self.verdicts.pop(source_path, None)
        if made is None:
            return None
        problems, outcome, text = made
        if problems != tuple(read_problems):  # the reader found more (its links): check again
            return None
        posting, problems = outcome.validated
        if posting is not None and posting.slug == NO_SLUG:
            posting = replace(posting, slug=slug)
            outcome.validated = (posting, problems)  # as the dev cache may check it again
            if outcome.posting is not None:  # the same posting
                outcome.posting = posting
        return outcome, text

    def stop(self) -> None:
        self.helpers.stop()


def read_in_order(generator) -> None:
    """generator_init: the articles generator lists its files in path order, and helpers start
    reading them ahead when the board is big enough (JOBPOSTING_READAHEAD).

    Pelican's get_files returns a set, whose order changes from one run to the next; a sorted
    list is the order the helpers read in, and the order the search index gets its records
    (search.py: Pagefind's files depend on it).
    """
    if not isinstance(generator, ArticlesGenerator):
        return
    unordered = generator.get_files
    values = generator.settings

    def get_files(*args, **kwargs):
        files = sorted(unordered(*args, **kwargs))
        lowest = values["JOBPOSTING_READAHEAD"]
        if not readahead.wanted(len(files), lowest):  # fewer postings than files: no helpers
            return files
        reader = next(
            # the posting reader, or the one scope.RoutedReader hands postings to
            (
                p
                for r in generator.readers.readers.values()
                for p in (getattr(r, "posting", r),)
                if isinstance(p, PostingReader)
            ),
            None,
        )
        if reader is not None:
            paths = [os.path.join(generator.path, relative) for relative in files]
            postings = [path for path in paths if reader.is_posting(path)]
            if readahead.wanted(len(postings), lowest):
                # the build's checks (its "today", data files and limits) are made before the
                # fork, so that the helpers check against exactly these
                state = build_state(generator)
                state.ahead = Ahead(postings, state.checks, values)
                reader.parse_file = state.ahead.parse_file
        return files

    generator.get_files = get_files


def stop_reading_ahead(generator) -> None:
    """article_generator_finalized: every file is read; helpers with files left are stopped."""
    state = generator.context.get(CONTEXT_KEY)
    if state is not None and state.ahead is not None:
        state.ahead.stop()
        state.ahead = None


def write_posting_pages_aside(generators) -> None:
    """Once every posting has its JSON-LD and the facets are made: the posting pages are
    shared with a second process when their number is in JOBPOSTING_PARALLEL_PAGES."""
    articles = next(g for g in generators if isinstance(g, ArticlesGenerator))
    state = articles.context.get(CONTEXT_KEY)
    pages = sum(
        len(group)
        for group in (articles.translations, articles.articles,
                      articles.hidden_translations, articles.hidden_articles)
    )  # fmt: skip
    if state is None or not parallel.wanted(pages, articles.settings["JOBPOSTING_PARALLEL_PAGES"]):
        return
    # Pelican calls generate_articles(write) from generate_output once the writer exists and
    # the intersite links are updated: the child starts there, with that state.
    state.pages_writer = parallel.PagesWriter(articles.generate_articles, pages)
    articles.generate_articles = state.pages_writer


class WaitForPostingPages:
    """After the crawler files, before the wait for the search index: this process writes the
    posting pages the second process has not taken, then waits for it, so that the build fails
    if it did."""

    def __init__(self, context, **_):
        self.context = context

    def generate_output(self, writer) -> None:
        state = self.context.get(CONTEXT_KEY)
        pages = state.pages_writer if state is not None else None
        if pages is not None:
            state.pages_writer = None
            pages.wait(writer)


def set_up_templates(generator) -> None:
    """generator_init, after the plugin has set up the environment (the compiled templates are
    kept per configuration of it)."""
    values = generator.settings
    if values["JOBPOSTING_TEMPLATE_CACHE"] and values.get("CACHE_PATH"):
        templatecache.keep_compiled(generator.env, values["CACHE_PATH"])
    templatecache.reuse_macro_html(generator.env, THEME_TEMPLATES, SAME_HTML_MACROS)


def start_build(pelican) -> None:
    memory.collect_less_often()


def before_writing(generators) -> None:
    """all_generators_finalized: what reading freed goes back to the system, each posting's
    address is fixed, and the posting pages may go to a second process."""
    memory.give_back_freed_memory()
    fix_posting_addresses(generators)
    write_posting_pages_aside(generators)


def fix_posting_addresses(generators) -> None:
    """Once every generator is done: each posting's address is computed once (speed/addresses.py),
    drafts, closed postings and translations included."""
    articles = next((g for g in generators if isinstance(g, ArticlesGenerator)), None)
    if articles is None:
        return
    values = articles.settings
    addresses.fix_addresses(
        a
        for a in outputpaths.contents(articles, None)
        if settings.in_postings(a.relative_source_path, values)
    )


def wait_for_posting_pages(pelican):
    return WaitForPostingPages


def end_build(pelican) -> None:
    memory.collect_as_before()


def connect() -> None:
    """Last in plugin.register: these receivers run after the plugin's own on each signal."""
    signals.initialized.connect(start_build)
    signals.generator_init.connect(set_up_templates)
    signals.generator_init.connect(read_in_order)
    signals.article_generator_finalized.connect(stop_reading_ahead)
    signals.all_generators_finalized.connect(before_writing)
    signals.get_generators.connect(wait_for_posting_pages)
    signals.finalized.connect(end_build)
    linear.connect()  # Pelican's steps that grow with the square of the board
    signals.generator_init.connect(stamps.skip_stamps)
