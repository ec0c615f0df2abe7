"""What a posting's page read of the rest of the build, so that it is rendered again only when
that changed.

A posting's page shows its own posting and, of the others, a few: its department's other open
jobs ("More jobs in Engineering") and its language versions. Keyed by the whole board and by
"today" like the lists (keys.py), every posting page would be rendered again on each new day and
whenever any posting opened or closed, though nearly all of them come out byte for byte the
same. So while a posting's page is rendered, what its templates look up in the build's context
is recorded (`Reads`), and the next build keeps the page when every lookup answers the same:

- a name whose value is the same for every build with the same settings and site (a setting,
  the page's own arguments, a template function, Pelican's pages): nothing to record;
- a board (`openings`, `openings_languages`): each question asked of it and its answer, e.g.
  the department's other postings or a facet's address; anything else asked of a board, such
  as its list or its "today", stands for the whole board and the day;
- any other name of the build's context (Pelican's `articles`, `dates`, a plugin's list): the
  whole board and the day;
- a name the context does not hold: that it is still missing.

Every answer is made of the board (each posting's state, checked fields and address) and the
day, so while their key is the one the page was rendered under, nothing is asked again: an
edited description asks nothing of the other 9,999 pages of a big board (DevCache.still_reads).

The page's own posting, its verdict, JSON-LD and language versions are in its key
(DevCache.page_key). Template functions and filters are taken to read the build through what
the page hands them (its context, its posting), as the plugin's and Pelican's do.
"""

from __future__ import annotations

import threading

from jinja2.runtime import Context, missing

from ..build.facets import CONTEXT_KEY as BOARD_KEY
from ..build.facets import LANGUAGES_KEY, Board
from .keys import facts
from .sourcefiles import digest

WHOLE = ("whole",)  # the whole board and "today"
SITE_LANG = ""  # `openings`, the board in the site's language; else openings_languages[lang]

# Written per page by Pelican's writer from the page's name and RELATIVE_URLS (in the key); and
# Pelican's pages (a theme's menu), made of files of the content folder other than postings,
# which the key holds (keys.Round.lasting).
_PAGE_NAMES = frozenset(
    {"SITEURL", "localsiteurl", "output_file", "pages", "hidden_pages", "draft_pages"}
)

_recording = threading.local()  # .reads: the Reads of the page being rendered, on this thread
_questions: dict[tuple, tuple] = {}  # one copy of each question, however many pages ask it


class Reads:
    """The lookups of one page's render: {question: its answer's digest}."""

    def __init__(self, context: dict, settings: dict, own_names):
        self.context = context  # the build's context, as the writer was handed it
        self.settings = settings
        self.own_names = own_names  # the page's own arguments (article, category, url…)
        self.asked: dict[tuple, bytes] = {}

    def __enter__(self) -> Reads:
        _recording.reads = self
        return self

    def __exit__(self, *exc) -> None:
        _recording.reads = None

    def found(self) -> tuple:
        """The lookups, in an order that does not depend on the render's."""
        return tuple(sorted((_questions.setdefault(q, q), a) for q, a in self.asked.items()))

    def looked_up(self, key: str, value):
        if key in self.own_names or key in _PAGE_NAMES:
            return value
        if value is missing:
            if key not in self.context:
                self.asked[("missing", key)] = b""
            return value
        if type(value) is Board:
            return BoardAsked(value, self, _lang_of(self.context, value))
        if key == LANGUAGES_KEY and isinstance(value, dict):
            return LanguagesAsked(value, self)
        if self.context.get(key, missing) is not value:
            return value  # the template's own variable, or a function's
        if self.settings.get(key, missing) is value:
            return value
        self.asked[WHOLE] = b""
        return value


class RecordingContext(Context):
    """Jinja's context, telling the page's Reads what each name it looks up found. Mixed into
    the environment's own context class (`recording`), which may reuse macros' HTML
    (speed/templatecache.py: those macros read nothing but their arguments and SITEURL)."""

    def resolve_or_missing(self, key: str):
        value = super().resolve_or_missing(key)
        reads = getattr(_recording, "reads", None)
        if reads is None or key in self.vars:  # not recording, or set by the template
            return value
        return reads.looked_up(key, value)


def recording(context_class: type[Context]) -> type[Context]:
    """The environment's context class, recording what is looked up."""
    if issubclass(context_class, RecordingContext):
        return context_class
    return type(f"Recording{context_class.__name__}", (RecordingContext, context_class), {})


def _lang_of(context: dict, board: Board) -> str:
    if context.get(BOARD_KEY) is board:
        return SITE_LANG
    for lang, found in (context.get(LANGUAGES_KEY) or {}).items():
        if found is board:
            return lang
    return "?"  # a board the context does not name: only the whole board answers for it


class BoardAsked:
    """A board as a posting page sees it: what the page asks of it is recorded with the answer."""

    __slots__ = ("_board", "_lang", "_reads")

    def __init__(self, board: Board, reads: Reads, lang: str):
        self._board, self._reads, self._lang = board, reads, lang

    def others_in_department(self, article, limit: int = 5) -> tuple:
        found = self._board.others_in_department(article, limit)
        question = ("others", self._lang, article.source_path, limit)
        self._reads.asked[question] = _postings_digest(found)
        return found

    def facet(self, kind: str, slug: str):
        found = self._board.facet(kind, slug)
        if found is None:
            self._reads.asked[("no facet", self._lang, kind, slug)] = b""
            return None
        return FacetAsked(found, self._reads, (self._lang, kind, slug))

    def __bool__(self) -> bool:
        return True  # a board is true, whatever it holds

    def __getattr__(self, name: str):
        self._reads.asked[WHOLE] = b""
        return getattr(self._board, name)


class FacetAsked:
    """A facet found on a board: each of its fields a page reads is recorded; its postings
    stand for the whole board."""

    __slots__ = ("_facet", "_reads", "_where")

    def __init__(self, facet, reads: Reads, where: tuple):
        self._facet, self._reads, self._where = facet, reads, where

    def __getattr__(self, name: str):
        value = getattr(self._facet, name)
        if name == "articles":
            self._reads.asked[WHOLE] = b""
        else:
            self._reads.asked[("facet", *self._where, name)] = digest(repr(value).encode())
        return value


class LanguagesAsked:
    """`openings_languages`, {lang: its board}: its languages come from the settings."""

    __slots__ = ("_boards", "_reads")

    def __init__(self, boards: dict, reads: Reads):
        self._boards, self._reads = boards, reads

    def __getitem__(self, lang: str):
        return BoardAsked(self._boards[lang], self._reads, lang)

    def get(self, lang: str, default=None):
        return self[lang] if lang in self._boards else default

    def __contains__(self, lang) -> bool:
        return lang in self._boards

    def __bool__(self) -> bool:
        return bool(self._boards)

    def __len__(self) -> int:
        return len(self._boards)

    def __getattr__(self, name: str):  # items(), values(), …: every board
        self._reads.asked[WHOLE] = b""
        return getattr(self._boards, name)

    def __iter__(self):
        self._reads.asked[WHOLE] = b""
        return iter(self._boards)


def _postings_digest(articles) -> bytes:
    """What a page may show of other postings: their file, language, address and checked
    fields (keys.facts, found once a build: `shown`)."""
    return digest(b"".join(shown(a) for a in articles))


def shown(article, its_facts: bytes | None = None) -> bytes:
    """A posting as other pages may show it, found once per build and Article. `its_facts`:
    keys.facts of its posting, when the caller has it already."""
    found = getattr(article, "_openings_shown", None)
    if found is None:
        if its_facts is None:
            its_facts = facts(getattr(article, "jobposting", None))
        state = getattr(getattr(article, "jobposting_state", None), "name", None)
        where = (article.source_path, article.lang, article.url, article.status, state)
        found = digest(repr(where).encode() + its_facts)
        article._openings_shown = found
    return found


def answer(question: tuple, context: dict, by_source: dict, whole: bytes) -> bytes | None:
    """What `question` answers in this build: None when it cannot be asked any more (a board or
    a posting is gone). `by_source`: this build's Articles by source path; `whole`: the board's
    and the day's key."""
    kind = question[0]
    if kind == "whole":
        return whole
    if kind == "missing":
        return b"" if question[1] not in context else None
    board = context.get(BOARD_KEY)
    lang = question[1]
    if lang != SITE_LANG:
        board = (context.get(LANGUAGES_KEY) or {}).get(lang)
    if type(board) is not Board:
        return None
    if kind == "others":
        article = by_source.get(question[2])
        if article is None:
            return None
        return _postings_digest(board.others_in_department(article, question[3]))
    if kind == "no facet":
        return b"" if board.facet(question[2], question[3]) is None else None
    if kind == "facet":
        found = board.facet(question[2], question[3])
        return None if found is None else digest(repr(getattr(found, question[4])).encode())
    return None
