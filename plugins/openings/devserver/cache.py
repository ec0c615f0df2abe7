"""What the dev server keeps from one build to the next, keyed by what each result depends on.

`make devserver` rebuilds the site in one warm process after every edit (devserver.py). Most of
a rebuild would redo what the last one did: read and check every unchanged posting, render every
unchanged posting page. This cache keeps, per posting file:

- the reader's result (sanitised HTML and metadata), keyed by the file's bytes and the settings;
- the posting's verdict (pipeline.check_posting's Outcome), keyed by that and by the data files
  and "today", so expiry and every check are decided again whenever one of them changes;
- its pieces of the crawler files, while its checked model is the same object
  (devmemo.py);
- each posting page's rendering, keyed by the file, the settings, the theme, every file of the
  content folder that is not a posting, "today", and the board: every posting's place in the
  lifecycle and its checked fields apart from its description (a posting page shows other
  postings' titles and places, never their descriptions). The page itself is not held: the
  file written last time is kept when its key and the file on disk are unchanged.

Anything that cannot be keyed this way is done again every time: a posting whose text mentions
Pelican's {filename}, {static} or {attach} links (they depend on other files), every page that is
not a posting page (lists, facet pages, company pages, crawler files). Files are written only
when their bytes change, and the files an earlier build wrote that this one did not are deleted
(incremental.py), so the output folder is what a cold build writes (tests/build/test_incremental.py).

The plugin's Python code is not part of any key: the dev server is restarted after it changes.
"""

from __future__ import annotations

import dataclasses
import hashlib
import io
import os
import time
from dataclasses import dataclass, field

from pelican import signals
from pelican.contents import Article
from pelican.utils import sanitised_join
from pelican.writers import Writer

from ..build.buildstate import CONTEXT_KEY
from ..build.reader import PostingReader
from ..build.scope import RoutedReader
from ..core.today import today
from .memo import Memo

# A file whose last change is this recent may change again within the clock's resolution without
# its size or time changing: its bytes are read again at the next build (git's "racy" files).
RACY_SECONDS = 2.0
# Text that may be one of Pelican's intrasite links: such a posting depends on other files.
LINK_WORDS = (b"filename", b"static", b"attach")


def _digest(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=16).digest()


def _signature(path: str):
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)


@dataclass
class _Known:
    """A source file's bytes as last read: its signature then, their digest, and whether it
    may hold intrasite links."""

    signature: tuple
    digest: bytes
    links: bool
    trusted: bool  # older than RACY_SECONDS when read: the signature stands for the bytes


class Files:
    """Digests of source files, read again only when a file's size or times change."""

    def __init__(self):
        self._known: dict[str, _Known] = {}

    def get(self, path: str) -> _Known | None:
        signature = _signature(path)
        if signature is None:
            self._known.pop(path, None)
            return None
        known = self._known.get(path)
        if known is not None and known.trusted and known.signature == signature:
            return known
        now = time.time()
        try:
            with open(path, "rb") as handle:
                data = handle.read()
        except OSError:
            return None
        trusted = (
            signature[2] / 1e9 < now - RACY_SECONDS and signature[3] / 1e9 < now - RACY_SECONDS
        )
        known = _Known(signature, _digest(data), any(w in data for w in LINK_WORDS), trusted)
        self._known[path] = known
        return known

    def tree(self, root: str, skip: str | None = None) -> bytes:
        """One digest of every file under `root` (names and bytes), leaving out folder `skip`."""
        found = hashlib.blake2b(digest_size=16)
        if not root or not os.path.isdir(root):
            return found.digest()
        for folder, folders, names in os.walk(root):
            folders.sort()
            if skip is not None:
                folders[:] = [f for f in folders if os.path.join(folder, f) != skip]
            for name in sorted(names):
                path = os.path.join(folder, name)
                known = self.get(path)
                found.update(os.path.relpath(path, root).encode("utf-8", "surrogateescape"))
                found.update(known.digest if known is not None else b"?")
        return found.digest()


@dataclass
class _Reading:
    key: tuple
    html: str
    metadata: dict


@dataclass
class _Verdict:
    key: tuple
    slug: str
    outcome: object  # pipeline.Outcome, as check_when_read made it (before the checks across)
    facts: bytes  # digest of the checked posting without its description


@dataclass
class _Page:
    key: tuple
    signature: tuple | None


@dataclass
class Round:
    """One build's keys, made as it starts."""

    settings: bytes
    checks: bytes  # the settings, the data files and "today"
    site: bytes  # the checks, the theme and every file of the content folder but postings
    board: bytes | None = None  # made when the first posting page is written
    reading_keys: dict[str, tuple] = field(default_factory=dict)  # source path -> key
    kept: set[str] = field(default_factory=set)  # output files left as they were
    open_articles: list = field(default_factory=list)  # for the search index, in reading order


def _copy(outcome):
    """An Outcome the build may change (check_across adds problems and rejects)."""
    return dataclasses.replace(outcome, problems=list(outcome.problems), lines=dict(outcome.lines))


def _facts(posting) -> bytes:
    if posting is None:
        return b""
    return _digest(repr(dataclasses.replace(posting, body_html="")).encode("utf-8"))


def settings_digest(values) -> bytes:
    return _digest(repr(sorted(values.items(), key=lambda item: item[0])).encode("utf-8"))


def _template_folders(values) -> list[str]:
    folders = [values.get("THEME") or ""]
    folders += list(values.get("THEME_TEMPLATES_OVERRIDES") or ())
    folders += list(values.get("EXTRA_TEMPLATES_PATHS") or ())
    return [os.path.abspath(f) for f in folders if f]


class DevCache:
    """The dev server's memory between builds; connect() before a build, disconnect() after."""

    def __init__(self):
        self.files = Files()
        self.readings: dict[str, _Reading] = {}  # by source path
        self.verdicts: dict[str, _Verdict] = {}
        self.pages: dict[str, _Page] = {}  # by output path
        self.outputs: dict[str, tuple] = {}  # output path -> (signature, digest) as written
        self.memo = Memo()  # the crawler files' pieces of unchanged postings
        self.round: Round | None = None

    # --- a build's keys ----------------------------------------------------------------------

    def start(self, values) -> Round:
        """Before a build: the keys everything of this build depends on."""
        own = settings_digest(values)
        content = os.path.abspath(values["PATH"])
        data = self.files.tree(os.path.join(content, values.get("JOBPOSTING_DATA_PATH", "data")))
        checks = _digest(own + data + today(values).isoformat().encode())
        jobs = os.path.join(content, values.get("JOBPOSTING_PATH", "jobs"))
        site = [checks, self.files.tree(content, skip=jobs)]
        site += [self.files.tree(folder) for folder in _template_folders(values)]
        self.round = Round(own, checks, _digest(b"".join(site)))
        return self.round

    def board_key(self, context) -> bytes:
        """Every posting's state and checked fields but its description, and its address."""
        state = context.get(CONTEXT_KEY)
        found = hashlib.blake2b(digest_size=16)
        if state is None:
            return found.digest()
        for path in sorted(state.outcomes):
            outcome = state.outcomes[path]
            article = state.articles.get(path)
            verdict = self.verdicts.get(article.source_path) if article is not None else None
            facts = (
                verdict.facts
                if verdict is not None and verdict.outcome.posting is outcome.posting
                else _facts(outcome.posting)
            )
            where = (
                (article.slug, article.lang, article.status, getattr(article, "template", ""))
                if article is not None
                else None
            )
            found.update(repr((path, outcome.state.name, where)).encode("utf-8") + facts)
        return found.digest()

    # --- the receivers -----------------------------------------------------------------------

    def connect(self) -> None:
        # after the plugin's own receivers (connected when Pelican loaded it): blinker calls
        # receivers in the order they were connected
        signals.readers_init.connect(self.cached_reader)
        signals.content_object_init.connect(self.keep_verdict)
        signals.get_writer.connect(self.writer)
        signals.all_generators_finalized.connect(self.keep_open_articles)
        self.memo.connect()

    def disconnect(self) -> None:
        signals.readers_init.disconnect(self.cached_reader)
        signals.content_object_init.disconnect(self.keep_verdict)
        signals.get_writer.disconnect(self.writer)
        signals.all_generators_finalized.disconnect(self.keep_open_articles)
        self.memo.disconnect()

    def cached_reader(self, readers) -> None:
        """readers_init: postings are read through the cache."""
        for extension in PostingReader.file_extensions:
            base = readers.reader_classes.get(extension)
            if isinstance(base, type) and issubclass(base, PostingReader):
                readers.reader_classes[extension] = type(
                    "CachedReader", (_CachedReading, base), {"cache": self}
                )
            elif isinstance(base, type) and issubclass(base, RoutedReader):  # a site with a blog
                cached = type("CachedReader", (_CachedReading, base.posting_class), {"cache": self})
                readers.reader_classes[extension] = type(
                    base.__name__, (base,), {"posting_class": cached}
                )

    def keep_verdict(self, content) -> None:
        """content_object_init, after the plugin's check_when_read: keep a new verdict."""
        if not isinstance(content, Article) or self.round is None:
            return
        source = content.source_path
        key = self.round.reading_keys.get(source)
        state = content._context.get(CONTEXT_KEY)
        path = getattr(content, "jobposting_source", None)
        if key is None or state is None or path not in state.early:
            return
        verdict_key = (key, self.round.checks)
        known = self.verdicts.get(source)
        if known is not None and known.key == verdict_key and known.slug == content.slug:
            return
        outcome = state.early[path]
        self.verdicts[source] = _Verdict(verdict_key, content.slug, _copy(outcome),
                                         _facts(outcome.posting))  # fmt: skip

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
        """get_writer: Pelican's writer, keeping unchanged files and posting pages."""
        return type("CachedWriter", (_CachedWriter,), {"cache": self})

    # --- used by the reader and the writer ---------------------------------------------------

    def read(self, reader, source_path: str):
        known = self.files.get(source_path)
        if self.round is None or known is None or known.links or not reader.is_posting(source_path):
            return None
        key = (self.round.settings, known.digest)
        self.round.reading_keys[source_path] = key
        reading = self.readings.get(source_path)
        if reading is None or reading.key != key:
            return None
        metadata = dict(reading.metadata)
        metadata["jobposting_problems"] = list(metadata["jobposting_problems"])
        verdict = self.verdicts.get(source_path)
        if verdict is not None and verdict.key == (key, self.round.checks):
            metadata["jobposting_ahead"] = (verdict.slug, _copy(verdict.outcome), None)
        return reading.html, metadata

    def keep_reading(self, source_path: str, html: str, metadata: dict) -> None:
        key = self.round.reading_keys.get(source_path) if self.round else None
        if key is None:
            return
        kept = {k: v for k, v in metadata.items() if k != "jobposting_ahead"}
        doc = kept.get("jobposting_document")
        if doc is not None and getattr(doc, "body", ""):  # checks never see it (drop_markdown)
            kept["jobposting_document"] = dataclasses.replace(doc, body="")
        kept["jobposting_problems"] = list(kept.get("jobposting_problems", ()))
        self.readings[source_path] = _Reading(key, html, kept)

    def write(self, path: str, text: str, encoding: str) -> None:
        """Write a file unless it holds these bytes already, as this cache last wrote it."""
        data = text.encode(encoding)
        digest = _digest(data)
        known = self.outputs.get(path)
        if known is not None and known == (_signature(path), digest):
            if self.round is not None:
                self.round.kept.add(path)
            return
        with open(path, "wb") as handle:
            handle.write(data)
        self.outputs[path] = (_signature(path), digest)

    def forget_output(self, path: str) -> None:
        self.outputs.pop(path, None)
        self.pages.pop(path, None)

    def page_key(self, name: str, template, context, relative_urls, kwargs) -> tuple | None:
        """What a page the writer renders depends on; None: render it every time.

        A posting's own page: its file and the board. Any other page (lists, facet pages,
        company pages): the board alone, since it shows of each posting everything but its
        description.
        """
        if self.round is None or not name or kwargs.get("paginated"):
            return None
        article = kwargs.get("article")
        own = None
        if article is not None:
            own = self.round.reading_keys.get(getattr(article, "source_path", None))
            if own is None:
                return None
        if self.round.board is None:
            self.round.board = self.board_key(context)
        template_name = getattr(template, "name", None)
        if template_name is None:
            return None
        return (self.round.site, self.round.board, own, template_name, name, relative_urls)


class _CachedReading:
    """Mixed into the plugin's reader class: a posting's reading taken from the cache."""

    cache: DevCache

    def read(self, source_path):
        cached = self.cache.read(self, source_path)
        if cached is not None:
            return cached
        html, metadata = super().read(source_path)
        self.cache.keep_reading(source_path, html, metadata)
        return html, metadata


class _CachedWriter(Writer):
    """Pelican's writer: an unchanged posting page is not rendered again, and a file whose
    bytes are unchanged is not written again."""

    cache: DevCache

    def write_file(self, name, template, context, relative_urls=False, paginated=None,
                   template_name=None, override_output=False, url=None, **kwargs):  # fmt: skip
        key = None
        if not paginated:
            key = self.cache.page_key(name, template, context, relative_urls, kwargs)
        if key is not None:
            path = sanitised_join(self.output_path, name)
            known = self.cache.pages.get(path)
            if (
                known is not None
                and known.key == key
                and known.signature == _signature(path)
                and path not in self._written_files
            ):
                self._written_files.add(path)  # Pelican's check that no file is written twice
                self.cache.round.kept.add(path)
                return
        super().write_file(name, template, context, relative_urls, paginated, template_name,
                           override_output, url, **kwargs)  # fmt: skip
        if key is not None:
            self.cache.pages[path] = _Page(key, _signature(path))

    def _open_w(self, filename, encoding, override=False):
        if filename in self._overridden_files or filename in self._written_files:
            return super()._open_w(filename, encoding, override)  # Pelican's own verdict
        if override:
            self._overridden_files.add(filename)
        self._written_files.add(filename)
        return _WriteIfChanged(self.cache, filename, encoding)


class _WriteIfChanged(io.StringIO):
    """A file Pelican writes, written only when its bytes differ from what is there."""

    def __init__(self, cache: DevCache, path: str, encoding: str):
        super().__init__()
        self.cache = cache
        self.path = path
        self._encoding = encoding

    def close(self) -> None:
        if not self.closed:
            self.cache.write(self.path, self.getvalue(), self._encoding)
        super().close()
