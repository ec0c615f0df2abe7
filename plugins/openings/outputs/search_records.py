"""What a posting gives the search index: one compact record of the words a candidate types.

Each open posting becomes one Pagefind record: its title, where, summary, the facts a candidate
types (employment, workplace, remote areas, department, company, reference) and the words of its
description, each once. The board's words (/pagefind/words.json) come from the same records.
"""

from __future__ import annotations

import html as html_lib
import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..render import display


@dataclass(frozen=True)
class Record:
    url: str  # site-relative, as Pagefind reports it: "/jobs/backend-developer/"
    title: str
    content: str
    # The posting's size in words, repeats included: what a part is measured in. Pagefind's
    # memory grows with the postings more than with their distinct words, so parts measured
    # this way stay the size the memory target for big boards holds with.
    size: int = 0

    @property
    def words(self) -> int:
        return self.size or len(self.content.split())


# clean_html (sanitize.py) writes <, > and " as entities in text and attribute values, so in a
# description's HTML every "<" opens a tag and the next ">" closes it: a pattern finds the tags
# as surely as a parser, at a fraction of the cost.
_TAG = re.compile(r"<[^>]*>")


def plain_text(html: str) -> str:
    """The words of a description (clean_html's output); every tag separates words."""
    return " ".join(html_lib.unescape(_TAG.sub(" ", html)).split())


# Sentence punctuation around a word does not make it another word: "Python," is "Python".
# "+", "#" and a leading "." stay: C++, C# and .NET are words candidates search for.
_OPENING = "\"'“‘«„([{"
_CLOSING = "\"'”’»)]}.,;:!?…"


def distinct_words(text: str, known: str = "") -> str:
    """Each word of `text` once, in the order of its first use (case and edge punctuation aside),
    leaving out the words of `known`.

    The search page only asks Pagefind which postings match and keeps the board's own order, so
    a word repeated adds nothing a candidate sees, while Pagefind's time grows with every word
    it is sent. The words the title, place, summary and facts lines already have (`known`, kept
    whole so that a title still matches as a phrase) are left out for the same reason.
    """
    seen = dict.fromkeys(
        word.lstrip(_OPENING).rstrip(_CLOSING).casefold() for word in known.split()
    )
    skip = len(seen)
    for word in dict.fromkeys(text.split()):  # the same word written the same way: once, in C
        seen.setdefault(word.lstrip(_OPENING).rstrip(_CLOSING).casefold(), word)
    return " ".join(itertools.islice(seen.values(), skip, None))  # the new words only


def record(article) -> Record:
    return record_of(article.jobposting, article.url)


def record_of(job, url: str, text: tuple[str, int] | None = None) -> Record:
    content, size = text or record_text(job)
    return Record("/" + url.lstrip("/"), job.title, content, size)


def record_text(job) -> tuple[str, int]:
    """A posting's searchable text and its size in words (build/speedup.py has helpers make it ahead)."""
    lang = job.lang
    facts = [
        display.employment(job, lang),
        display.workplace(job, lang),
        display.remote_areas(job, lang) if job.is_remote else "",
        job.department,
        job.organization.name,
        job.req_id or "",
    ]
    description = plain_text(job.body_html)
    lines = [
        job.title,
        display.where(job, lang),
        " ".join(display.place_synonyms(job)),
        job.summary,
        " · ".join(fact for fact in facts if fact),
    ]
    head = "\n".join(line for line in lines if line)
    # plain_text joins its words with single spaces: counting them needs no second split
    size = len(head.split()) + (description.count(" ") + 1 if description else 0)
    content = head + "\n" + distinct_words(description, head) if description else head
    return content, size


WORDS = "words.json"  # in the bundle folder: every word on the board, sorted, lower case
# a word as the list page splits a query: letters, digits and the + and # of C++ and C#
_WORD = re.compile(r"[\w+#]+")


def vocabulary(records: Iterable[Record]) -> list[str]:
    """Every word the board's postings contain, once, lower case and sorted.

    The list page checks a query's words against it before asking Pagefind, which answers a
    word no posting contains with the postings of its longest known prefix ("forklift" finding
    everything with "for"); it also suggests the board's words closest to an unknown one.
    """
    return Vocabulary(records).sorted()


class Vocabulary:
    """The words of records added one by one (the search index's thread adds each record as it
    is sent to Pagefind): `words` as `vocabulary` sorts them.

    The pattern never matches across white space, and case folding makes none, so the words of
    a text are those of its white-space separated tokens; a board repeats most of its tokens
    from posting to posting, so each distinct token is folded and matched once, instead of every
    posting's whole text.
    """

    def __init__(self, records: Iterable[Record] = ()):
        self.words: set[str] = set()
        self._tokens: set[str] = set()
        for item in records:
            self.add(item)

    def add(self, item: Record) -> None:
        new = set(item.title.split()).union(item.content.split()) - self._tokens
        if new:
            self._tokens |= new
            self.words.update(_WORD.findall(" ".join(new).casefold()))

    def sorted(self) -> list[str]:
        return sorted(w.strip("_") for w in self.words if w.strip("_"))
