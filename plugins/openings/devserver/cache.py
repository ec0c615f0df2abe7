"""What the dev server keeps from one build to the next, keyed by what each result depends on.

`make devserver` rebuilds the site in one warm process after every edit (server.py). Most of a
rebuild would redo what the last one did: read, check and make the Article of every unchanged
posting, render every unchanged page. The DevCache keeps, in modules of one job each:

- sourcefiles.py: each source file's digest, read again when its size or times change;
- keys.py: the keys a build starts from (the settings; the checks: also the data files and
  "today"; `lasting`: the settings, the data files, the theme and every file of the content
  folder but postings; the site: `lasting` and "today") and the board's key (every posting's
  state and checked fields but its description);
- postings.py: per posting file, its reading and its Article, reused while the file and the
  settings are unchanged, and its verdict, reused while the checks are unchanged too;
- memo.py: its pieces of the crawler files, while its checked model is the same object;
- writer.py: each page's rendering, skipped when its key is unchanged, and each file's
  bytes, not written again when unchanged;
- pagereads.py: what a posting's page looked up of the other postings when it was rendered
  (its department's other jobs, a facet's address), asked again before it is kept: a list
  shows every posting and its age, a posting's page only a few others and no age, so a new
  day or a posting opened elsewhere does not render it again.

Anything that cannot be keyed this way is done again every time: a posting whose text mentions
Pelican's {filename}, {static} or {attach} links (they depend on other files), the paginated
lists, the crawler files as a whole. Files are written only when their bytes change, and the
files an earlier build wrote that this one did not are deleted (incremental.py), so the output
folder is what a cold build writes (tests/build/test_incremental.py).

The plugin's Python code is not part of any key: the dev server is restarted after it changes.
"""

from __future__ import annotations

from pelican import signals
from pelican.contents import Content

from ..build.buildstate import CONTEXT_KEY
from . import keys, pagereads
from .memo import Memo
from .postings import Postings, cached_readers
from .sourcefiles import Files, digest
from .writer import CachedWriter, Outputs


class DevCache:
    """The dev server's memory between builds: start() and connect() before a build,
    disconnect() after."""

    def __init__(self):
        self.files = Files()
        self.postings = Postings(self.files)
        self.outputs = Outputs()
        self.memo: Memo | None = Memo()  # the crawler files' pieces of unchanged postings
        self.round: keys.Round | None = None

    def start(self, values) -> keys.Round:
        """Before a build: the keys everything of this build depends on."""
        self.round = keys.start(self.files, values)
        return self.round

    # --- the receivers -----------------------------------------------------------------------

    def connect(self) -> None:
        # after the plugin's own receivers (connected when Pelican loaded it): blinker calls
        # receivers in the order they were connected
        signals.readers_init.connect(self.cached_reader)
        signals.get_writer.connect(self.writer)
        signals.all_generators_finalized.connect(self.keep_open_articles)
        signals.generator_init.connect(self.record_lookups)
        if self.memo is not None:
            self.memo.connect()

    def disconnect(self) -> None:
        signals.readers_init.disconnect(self.cached_reader)
        signals.get_writer.disconnect(self.writer)
        signals.all_generators_finalized.disconnect(self.keep_open_articles)
        signals.generator_init.disconnect(self.record_lookups)
        if self.memo is not None:
            self.memo.disconnect()
        forget_pelicans_texts()

    def cached_reader(self, readers) -> None:
        """readers_init: postings are read through the cache (postings.py)."""
        cached_readers(readers, self)

    def record_lookups(self, generator) -> None:
        """generator_init: its templates tell what they look up (pagereads.py)."""
        env = getattr(generator, "env", None)
        if env is not None:
            env.context_class = pagereads.recording(env.context_class)

    def keep_open_articles(self, generators) -> None:
        """all_generators_finalized, after the report: what the search index is made of, in
        the order a build indexes it (search.py)."""
        for generator in generators:
            state = generator.context.get(CONTEXT_KEY) if hasattr(generator, "context") else None
            if state is not None and self.round is not None:
                found = (a for a in state.open_articles() if getattr(a, "jobposting", None))
                self.round.open_articles = sorted(found, key=lambda a: a.source_path)
                return

    def writer(self, pelican):
        """get_writer: Pelican's writer, keeping unchanged files and pages (writer.py)."""
        return type("CachedWriter", (CachedWriter,), {"cache": self})

    # --- used by the writer ------------------------------------------------------------------

    def page_key(self, name: str, template, context, relative_urls, kwargs) -> tuple | None:
        """What a page the writer renders depends on; None: render it every time.

        A posting's own page: its file, its verdict, its language versions, the
        site without "today", and what it read of the other postings (pagereads.py, checked
        by `still_reads`). Any other page (lists, facet pages, company pages): the board and
        the day, since it shows of each posting everything but its description, and its age.
        """
        if self.round is None or not name or kwargs.get("paginated"):
            return None
        template_name = getattr(template, "name", None)
        if template_name is None:
            return None
        article = kwargs.get("article")
        if article is None:
            return (self.round.site, self._board(context), template_name, name, relative_urls)
        own = self.round.reading_keys.get(getattr(article, "source_path", None))
        if own is None:
            return None
        self._by_source(context)  # what every posting shows, found once
        return (self.round.lasting, own, _own_shown(article), template_name, name, relative_urls)

    def _board(self, context) -> bytes:
        if self.round.board is None:
            self.round.board = keys.board(context, self.postings.facts_of)
        return self.round.board

    def recording(self, context, settings, kwargs) -> pagereads.Reads:
        """What a posting's page looks up while it is rendered."""
        return pagereads.Reads(context, settings, kwargs)

    def whole(self, context) -> bytes:
        """The board's and the day's key: every lookup of a posting page answers the same while
        it is the same (pagereads.answer), so a page answered under it is not asked again."""
        return self.round.site + self._board(context)

    def still_reads(self, reads: tuple, whole_then: bytes | None, context) -> bool:
        """Whether each lookup of a posting page's last render answers the same now."""
        whole = self.whole(context)
        if whole_then == whole:
            return True
        return all(
            pagereads.answer(question, context, self._by_source(context), whole) == answer
            for question, answer in reads
        )

    def _by_source(self, context) -> dict:
        """This build's Articles by source path, each with what other pages show of it
        (pagereads.shown) found from the facts the cache kept of its posting."""
        round = self.round
        if round.by_source is None:
            state = context.get(CONTEXT_KEY)
            found = state.articles.values() if state is not None else ()
            round.by_source = {a.source_path: a for a in found}
            for article in found:
                pagereads.shown(article, self.postings.article_facts(article))
        return round.by_source

    def forget_output(self, path: str) -> None:
        self.outputs.forget(path)


def forget_pelicans_texts() -> None:
    """After a build: Pelican keeps every Article's and Page's HTML and summary in caches of its
    own, keyed by the object (pelican.utils.memoized on Content), which would keep every build's
    objects alive, and through them each build's whole context. The next build's are new objects:
    nothing kept there is asked for again."""
    for name in ("get_content", "get_summary"):
        kept = Content.__dict__.get(name)
        if kept is not None and hasattr(kept, "cache"):
            kept.cache.clear()


def _own_shown(article) -> bytes:
    """A posting's page's own part beyond its file: its verdict and checked fields, its facets,
    and its language versions as its page links them. Its JSON-LD is made of its checked
    fields, its file and the settings, all in the page's key already."""
    versions = b"".join(pagereads.shown(v) for v in getattr(article, "translations", ()))
    extra = (getattr(article, "jobposting_facets", None), getattr(article, "template", None))
    return digest(pagereads.shown(article) + versions + repr(extra).encode())
