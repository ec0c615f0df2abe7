"""The dev server's per-posting pieces of the crawler files, kept between builds.

Every build makes each open posting's JSON-LD, Atom entry, jobs.json record and
Indeed <job>s, from its checked model, its address and the site's settings. When the dev
cache hands a build a posting's verdict again (postings.py), its model is the very same object
as in the last build: the file, the settings, the data files and "today" are unchanged. So each
of these pieces is kept with the model it was made from, and made again only when the model is
another object or another argument differs. The functions are wrapped only during the dev
server's builds (connect, disconnect).
"""

from __future__ import annotations

from ..outputs import feeds, indeed, jobsjson
from ..render import jsonld


class _Kept:
    __slots__ = ("posting", "result", "same", "values")

    def __init__(self, posting, same: tuple, values: tuple, result):
        self.posting = posting
        self.same = same  # objects that must be the very same
        self.values = values  # values that must be equal
        self.result = result


class Memo:
    """Wrapped functions and what each kept, by posting file."""

    def __init__(self):
        self._kept: dict[str, dict[str, _Kept]] = {}
        self._originals: list[tuple[object, str, object]] = []

    def _wrap(self, module, name: str, key_of) -> None:
        original = getattr(module, name)
        kept = self._kept.setdefault(name, {})

        def wrapped(*args):
            posting, same, values = key_of(*args)
            path = getattr(posting, "source_path", None)
            found = kept.get(path)
            if (
                found is not None
                and found.posting is posting
                and found.values == values
                and len(found.same) == len(same)
                and all(a is b for a, b in zip(found.same, same, strict=True))
            ):
                return found.result
            result = original(*args)
            if path is not None:
                kept[path] = _Kept(posting, same, values, result)
            return result

        wrapped.__wrapped__ = original
        setattr(module, name, wrapped)
        self._originals.append((module, name, original))

    def connect(self) -> None:
        if self._originals:
            return
        self._wrap(
            feeds,
            "entry",
            lambda feed, item, site: (item.posting, (), (item.url, site.siteurl, site.timezone)),
        )
        # a posting's JSON-LD: the very same object while its model, address and HTML are, so
        # that its jobs.json record is kept too
        self._wrap(jsonld, "build", lambda posting, url, html: (posting, (), (url, html)))
        self._wrap(indeed, "jobs", lambda item, siteurl: (item.posting, (), (item.url, siteurl)))
        self._wrap(
            jobsjson,
            "job",
            lambda item: (item.posting, (getattr(item.article, "jsonld", None),), (item.url,)),
        )

    def disconnect(self) -> None:
        while self._originals:
            module, name, original = self._originals.pop()
            setattr(module, name, original)
