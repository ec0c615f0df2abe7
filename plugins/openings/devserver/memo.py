"""The dev server's per-posting pieces of the crawler files, kept between builds.

Every build makes each open posting's JSON-LD, jobs.json record, Indeed <job>s and the keys of
the facet pages it dates in the sitemap, and the Atom entry of each posting a feed lists, from
its checked model, its address and the site's settings. When the dev cache hands a build a posting's verdict again
(postings.py), its model is the very same object as in the last build: the file, the settings,
the data files and "today" are unchanged. So each of these pieces is kept with the model it was
made from, and made again only when the model is another object or another argument differs;
jobs.json's text is made of its records' texts, kept as long as each record is (JobsText). The
functions are wrapped only during the dev server's builds (connect, disconnect).

A kept build (keptbuild.py) saves the Memo in the same pickle as the postings it was made from,
so that each piece's model is, after loading, the very object the loaded verdict holds.
"""

from __future__ import annotations

import json

from ..outputs import feeds, indeed, jobsjson, sitemap
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
        self._jobs_text = JobsText(jobsjson.render)

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

        self._replace(module, name, wrapped)

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
        # the facet pages the sitemap dates by a posting's own values
        self._wrap(sitemap, "_keys_of_posting", lambda posting, lang="en": (posting, (), (lang,)))
        self._wrap(
            jobsjson,
            "job",
            lambda item: (item.posting, (getattr(item.article, "jsonld", None),), (item.url,)),
        )

        self._replace(jobsjson, "render", self._jobs_text)

    def _replace(self, module, name: str, replacement) -> None:
        replacement.__wrapped__ = getattr(module, name)
        setattr(module, name, replacement)
        self._originals.append((module, name, replacement.__wrapped__))

    def disconnect(self) -> None:
        while self._originals:
            module, name, original = self._originals.pop()
            setattr(module, name, original)

    def keep_only(self, postings) -> None:
        """Forget the pieces made from any model but `postings` (the checked models the cache
        holds): no other can be the very same object again, and a kept build's saved Memo would
        otherwise grow with every posting the board ever had."""
        alive = {id(posting) for posting in postings}
        for kept in self._kept.values():
            for path in [path for path, found in kept.items() if id(found.posting) not in alive]:
                del kept[path]

    # Pickled between kept builds: the pieces, not the wrapped functions; JobsText's records
    # by themselves, since it finds them by id() and ids are new after loading.
    def __getstate__(self) -> dict:
        return {"kept": self._kept, "jobs": list(self._jobs_text._texts.values())}

    def __setstate__(self, state: dict) -> None:
        self._kept = state["kept"]
        self._originals = []
        self._jobs_text = JobsText(jobsjson.render)
        self._jobs_text._texts = {id(record): (record, text) for record, text in state["jobs"]}


class JobsText:
    """jobsjson.render, its text made of each record's text, kept while the record is the very
    same object (Memo keeps the records of unchanged postings).

    json.dumps with an indent writes a list's items one after the other, each as it would alone,
    its lines indented to its depth: the document is the text of itself with no jobs, with the
    jobs' texts put in their list. Each build checks that on its first job against `render`
    itself, and renders the whole document with it if they differ.
    """

    JOBS = '"jobs": []\n}\n'  # how the document without jobs ends: jobs is its last field
    INDENT = "    "  # the depth of the list's items: two levels of json.dumps' indent of 2

    def __init__(self, render):
        self.render = render
        self._texts: dict[int, tuple[dict, str]] = {}  # id(record) -> (record, its text)

    def __call__(self, data: dict) -> bytes:
        jobs = data.get("jobs")
        if not jobs or list(data)[-1] != "jobs":
            return self.render(data)
        head = self.render({**data, "jobs": []}).decode("utf-8")
        if not head.endswith(self.JOBS):
            return self.render(data)
        texts, kept = [], {}
        for job in jobs:
            found = self._texts.get(id(job))
            if found is None or found[0] is not job:
                found = (job, self.text(job))
            kept[id(job)] = found
            texts.append(found[1])
        self._texts = kept
        if self._join(head, texts[:1]) != self.render({**data, "jobs": jobs[:1]}):
            return self.render(data)
        return self._join(head, texts)

    def text(self, job: dict) -> str:
        return json.dumps(job, ensure_ascii=False, indent=2).replace("\n", "\n" + self.INDENT)

    def _join(self, head: str, texts: list[str]) -> bytes:
        items = f",\n{self.INDENT}".join(texts)
        start = head[: -len(self.JOBS)]
        return f'{start}"jobs": [\n{self.INDENT}{items}\n  ]\n}}\n'.encode()
