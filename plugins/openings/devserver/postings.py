"""Each posting as the last dev-server build left it: its reading, its verdict and its Article.

- The reading (the reader's sanitised HTML and metadata) is kept under the file's bytes and the
  settings; a posting whose reading is kept is not parsed again.
- The Article Pelican made for a posting is kept under the reading's key: it is made of the
  reading and the settings only. While that key holds, the next build takes a copy of that
  Article instead of reading the file: Pelican does not make it, its metadata, slug and
  addresses again (`reuse`).
- Its verdict (pipeline.check_posting's Outcome, as plugin.check_when_read made it) is kept
  under the reading's key and the checks' key (the settings, the data files, "today"). When
  only the checks changed (a new day, a data file), the posting is checked again from its
  kept reading, as check_when_read checks it, and the Article is still reused. On a new day
  with the same settings and data files, the kept validation is taken (it does not depend on
  "today") and only the day's checks are made again: its state, freshness and pay rules.

A copy is taken as Pelican's read_file returned the Article, before the build's later steps
set anything on it (its state, JSON-LD, translations), and each build gets its own copy of it:
so a reused Article is what Pelican and the plugin would make of the same file. What a build
sets on it afterwards is set again on the copy. The kept one is a KeptArticle: what Pelican
asks of every Article many times a build (its address, its output path, whether it is valid,
the static files it links to) is found once. Not sent again for a reused Article: the
signals Pelican sends while reading a file (article_generator_preread,
article_generator_context, content_object_init), as with Pelican's own content cache.

A posting whose text may hold one of Pelican's intrasite links (sourcefiles.LINK_WORDS) depends
on other files: it is read and checked at every build.
"""

from __future__ import annotations

import copy
import dataclasses
import datetime
import functools
import logging
import os
from dataclasses import dataclass

from pelican.contents import Article, Content
from pelican.utils import file_suffix

from ..build import plugin, scope
from ..build.buildstate import CONTEXT_KEY
from ..build.reader import PostingReader
from .keys import Round, facts
from .sourcefiles import Files


@dataclass
class _Reading:
    key: tuple
    html: str
    metadata: dict


@dataclass
class _Checked:
    key: tuple  # (the reading's key, the checks' key): the Article's and the outcome's
    validation: bytes  # the validation's key the outcome was made under
    outcome: object  # pipeline.Outcome, as check_when_read made it (before the checks across)
    facts: bytes  # keys.facts of its posting
    # as read_file returned it, without its build's settings and context (_kept): never
    # handed to a build itself, only copied, and read for its plain attributes (its date)
    article: Article
    future: bool | None  # Pelican's WITH_FUTURE_DATES test when it was made (None: not run)


def _copy_outcome(outcome):
    """An Outcome the build may change (check_across adds problems and rejects)."""
    found = copy.copy(outcome)
    found.problems = list(outcome.problems)
    found.lines = dict(outcome.lines)
    return found


class KeptArticle(Article):
    """An Article the dev server hands to builds again. Pelican computes an Article's address
    and output path from its metadata and the settings at every use (thousands of times a
    build); what they are computed from is the same as long as the Article is reused (its
    reading and the settings are its key), so they are computed once."""

    @functools.cached_property
    def url(self) -> str:
        return Article.url.fget(self)

    @functools.cached_property
    def save_as(self) -> str:
        return Article.save_as.fget(self)

    def get_relative_source_path(self, source_path=None):
        if not source_path:  # its own: Content.__init__ set it from this very call
            return self.relative_source_path
        return super().get_relative_source_path(source_path)

    def get_static_links(self) -> set[str]:
        return set(self.static_links)  # found in its HTML when it was kept (_kept)

    def is_valid(self) -> bool:
        return True  # only a valid Article is kept (Postings.keep)

    def __copy__(self) -> KeptArticle:
        """A build's copy (_copy_article): the same attributes, `texts` shared. Not through
        __getstate__, which is what a kept build saves."""
        found = object.__new__(type(self))
        found.__dict__.update(self.__dict__)
        return found

    def __getstate__(self) -> dict:
        """Saved by a kept build (keptstate.py) without the build's settings and context:
        Postings.reuse gives each copy the build's own."""
        state = dict(self.__dict__)
        state.pop("settings", None)
        state.pop("_context", None)
        state["texts"] = {}  # keyed by functions, made again at the first use
        return state

    # Its HTML with Pelican's links made absolute, and its summary: Pelican keeps them per
    # Article object (in a cache of its own that keeps every object it saw); a kept one's
    # copies share theirs (`texts`), made from the same HTML and settings.
    def get_content(self, siteurl: str) -> str:
        return self._text(_CONTENT, siteurl)

    def get_summary(self, siteurl: str) -> str:
        return self._text(_SUMMARY, siteurl)

    def _text(self, make, siteurl: str) -> str:
        found = self.texts.get((make, siteurl))
        if found is None:
            found = self.texts[make, siteurl] = make(self, siteurl)
        return found


# Pelican's own, without its cache (pelican.utils.memoized)
_CONTENT = Content.__dict__["get_content"].func
_SUMMARY = Content.__dict__["get_summary"].func


def _copy_article(article: Article, kind: type | None = None) -> Article:
    """An Article as Pelican's read_file returned it, whose lists a build may change."""
    found = copy.copy(article)
    if kind is not None:
        found.__class__ = kind
    found.metadata = dict(article.metadata)
    found.translations = []  # Pelican's process_translations sets them at every build
    return found


def _kept(article: Article) -> KeptArticle:
    """The copy of a new Article that builds are handed copies of, its addresses computed."""
    found = _copy_article(article, KeptArticle)
    found.url, found.save_as  # noqa: B018 computed now, so that every copy has them
    found.static_links = frozenset(Article.get_static_links(found))
    found.texts = {}  # shared by its copies (KeptArticle.get_content)
    # Each copy is given its build's settings and context (Postings.reuse): kept here, this
    # build's context (every Article and page of it) would live as long as the posting's file.
    del found.settings, found._context
    return found


def _valid(article: Article) -> bool:
    """Article.is_valid, quietly: Pelican's generator calls it next, and says why not."""
    log = logging.getLogger("pelican.contents")
    was, log.disabled = log.disabled, True
    try:
        return article.is_valid()
    finally:
        log.disabled = was


def _in_future(article: Article, values) -> bool | None:
    """Article.__init__'s test: a posting dated after now is a draft (WITH_FUTURE_DATES off)."""
    if values["WITH_FUTURE_DATES"] or not hasattr(article, "date"):
        return None
    date = article.date
    now = datetime.datetime.now(datetime.UTC if date.tzinfo else None)  # as Article.__init__ does
    return date > now


class Postings:
    """What the dev server keeps of each posting file, by its source path."""

    def __init__(self, files: Files):
        self.files = files
        self.readings: dict[str, _Reading] = {}
        self.checked: dict[str, _Checked] = {}

    def reading_key(self, round: Round, source_path: str) -> tuple | None:
        """The key of a posting's reading: the settings and the file's bytes; None for a file
        that is gone or may hold intrasite links. Noted in the Round (page keys use it)."""
        known = self.files.get(source_path)
        if known is None or known.links:
            return None
        key = (round.settings, known.digest)
        round.reading_keys[source_path] = key
        return key

    # --- the reading ----------------------------------------------------------------------

    def read(self, round: Round, reader, source_path: str):
        """The reader's (html, metadata) kept for this file, or None: then it is read."""
        if not reader.is_posting(source_path):
            return None
        key = self.reading_key(round, source_path)
        reading = self.readings.get(source_path)
        if key is None or reading is None or reading.key != key:
            return None
        metadata = dict(reading.metadata)
        metadata["jobposting_problems"] = list(metadata["jobposting_problems"])
        return reading.html, metadata

    def keep_reading(self, round: Round, source_path: str, html: str, metadata: dict) -> None:
        key = round.reading_keys.get(source_path)
        if key is None:
            return
        kept = dict(metadata)
        doc = kept.get("jobposting_document")
        if doc is not None and getattr(doc, "body", ""):  # checks never see it (drop_markdown)
            kept["jobposting_document"] = dataclasses.replace(doc, body="")
        kept["jobposting_problems"] = list(kept.get("jobposting_problems", ()))
        self.readings[source_path] = _Reading(key, html, kept)

    def keep_only(self, source_paths) -> None:
        """Forget the posting files not in `source_paths` (deleted, or now read at every
        build): a kept build's saved cache would otherwise grow with every posting the board
        ever had."""
        for kept in (self.readings, self.checked):
            for path in [path for path in kept if path not in source_paths]:
                del kept[path]

    def models(self) -> list:
        """The checked model of every posting kept."""
        return [checked.outcome.posting for checked in self.checked.values()]

    # --- the Article and its verdict ------------------------------------------------------

    def reuse(self, round: Round, source_path: str, context, values) -> Article | None:
        """A copy of the Article the last build made of this posting, handed to this build as
        check_when_read hands a checked one, its verdict made again when the checks changed;
        None when the file or the settings changed."""
        key = self.reading_key(round, source_path)
        checked = self.checked.get(source_path)
        if key is None or checked is None or checked.key[0] != key:
            return None
        if _in_future(checked.article, values) != checked.future:  # its status would change
            return None
        article = _copy_article(checked.article)
        article.settings = values
        article._context = context
        if checked.key[1] != round.checks and not self._check_again(
            round, source_path, checked, article
        ):
            return None
        plugin.take_outcome(article, _copy_outcome(checked.outcome))
        round.reused += 1
        return article

    def _check_again(self, round: Round, source_path: str, checked: _Checked, article) -> bool:
        """The kept Article's verdict under this build's checks (`article`: this build's copy),
        from the kept reading; False when the reading is not kept (then the file is read)."""
        reading = self.readings.get(source_path)
        if reading is None or reading.key != checked.key[0]:
            return False
        doc = reading.metadata.get("jobposting_document")
        if doc is None:
            return False
        validated = None
        if checked.validation == round.validation:  # a new day: only its own checks again
            validated = checked.outcome.validated
        outcome = plugin.check_again(
            article, doc, reading.metadata["jobposting_problems"], validated
        )
        checked.key, checked.validation = (checked.key[0], round.checks), round.validation
        checked.outcome, checked.facts = _copy_outcome(outcome), facts(outcome.posting)
        return True

    def keep(self, round: Round, article, context, values) -> None:
        """After Pelican's read_file made an Article of a posting: keep it with its verdict."""
        source_path = getattr(article, "source_path", None)
        key = round.reading_keys.get(source_path)
        state = context.get(CONTEXT_KEY)
        path = getattr(article, "jobposting_source", None)
        if key is None or state is None or path not in state.early or not _valid(article):
            self.checked.pop(source_path, None)
            return
        outcome = state.early[path]
        self.checked[source_path] = _Checked(
            (key, round.checks), round.validation, _copy_outcome(outcome), facts(outcome.posting),
            _kept(article), _in_future(article, values),
        )  # fmt: skip

    def facts_of(self, article, outcome) -> bytes:
        """keys.facts of a posting, as kept when its posting is the one the cache kept."""
        found = self._kept_facts(article, outcome.posting)
        return found if found is not None else facts(outcome.posting)

    def article_facts(self, article) -> bytes | None:
        """keys.facts of an Article's posting when it is the one the cache kept, else None."""
        return self._kept_facts(article, getattr(article, "jobposting", None))

    def _kept_facts(self, article, posting) -> bytes | None:
        checked = self.checked.get(article.source_path) if article is not None else None
        if checked is not None and posting is not None and checked.outcome.posting is posting:
            return checked.facts
        return None


class CachedReading:
    """Mixed into the plugin's reader class: a posting's reading taken from the cache."""

    cache = None  # the DevCache

    def read(self, source_path):
        cached = self.cache.postings.read(self.cache.round, self, source_path)
        if cached is not None:
            return cached
        html, metadata = super().read(source_path)
        self.cache.postings.keep_reading(self.cache.round, source_path, html, metadata)
        return html, metadata


def cached_readers(readers, cache) -> None:
    """readers_init: postings are read through the cache, and their Articles reused."""
    for extension in PostingReader.file_extensions:
        base = readers.reader_classes.get(extension)
        if isinstance(base, type) and issubclass(base, PostingReader):
            readers.reader_classes[extension] = type(
                "CachedReader", (CachedReading, base), {"cache": cache}
            )
        elif isinstance(base, type) and issubclass(base, scope.RoutedReader):  # a site with a blog
            cached = type("CachedReader", (CachedReading, base.posting_class), {"cache": cache})
            readers.reader_classes[extension] = type(
                base.__name__, (base,), {"posting_class": cached}
            )
    readers.read_file = _ReadFile(readers.read_file, cache, readers.settings)


class _ReadFile:
    """Pelican's Readers.read_file for one generator: a posting's Article reused when it can
    be, else made by Pelican and kept."""

    def __init__(self, read_file, cache, values):
        self.read_file = read_file
        self.cache = cache
        self.values = values
        self.root = scope.postings_root(values) + os.sep

    def __call__(self, base_path, path, content_class=None, fmt=None, context=None, **signals):
        source_path = os.path.abspath(os.path.join(base_path, path))
        ours = (
            content_class is Article
            and source_path.startswith(self.root)
            and (fmt or file_suffix(source_path)) in PostingReader.file_extensions
        )
        postings, round = self.cache.postings, self.cache.round
        if ours:
            article = postings.reuse(round, source_path, context, self.values)
            if article is not None:
                return article
        kwargs = {"fmt": fmt, "context": context, **signals}
        if content_class is not None:
            kwargs["content_class"] = content_class
        made = self.read_file(base_path, path, **kwargs)
        if ours and isinstance(made, Article):
            postings.keep(round, made, context, self.values)
        return made
