"""The keys one dev-server build starts from, and the board's key its pages are rendered under.

Every result the dev cache keeps is kept with the key of what it depends on (cache.py):

- `settings`: the build's settings;
- `validation`: the settings and the data files (a posting's validation depends on them);
- `checks`: `validation` and "today" (a posting's verdict depends on them);
- `lasting`: the settings, the data files, the theme's templates and every file of the
  content folder but the postings (any page may show them);
- `site`: `lasting` and "today" (the lists show each posting's age);
- the board: every posting's state and checked fields but its description, and its address
  (what a page shows of the other postings). It is made once the postings are checked.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import re
from dataclasses import dataclass, field

from ..build.buildstate import CONTEXT_KEY
from ..core.today import today
from .sourcefiles import Files, digest


@dataclass
class Round:
    """One build's keys, made as it starts, and what the build did with the cache."""

    settings: bytes
    validation: bytes  # the settings and the data files
    checks: bytes  # the settings, the data files and "today"
    site: bytes  # `lasting` and "today"
    lasting: bytes  # the settings, data files, theme and content folder but the postings
    board: bytes | None = None  # made when the first page is written
    reading_keys: dict[str, tuple] = field(default_factory=dict)  # source path -> key
    kept: set[str] = field(default_factory=set)  # output files left as they were
    reused: int = 0  # postings whose Article was taken from the last build
    open_articles: list = field(default_factory=list)  # for the search index, in reading order
    by_source: dict | None = None  # this build's Articles by source path, once pages are asked


# Settings left out of `settings`: the speed settings change where or when a step runs, never
# what it computes (performance.md); JOBPOSTING_SEARCH says whether the index is made, which is
# not kept here; JOBPOSTING_TODAY is in `checks` as the day it gives, and neither reading a
# posting nor its Article depends on the day. So a build with the read-ahead helpers keys the
# same results as one without, and a new day reads no posting and makes no Article again.
NOT_IN_KEYS = frozenset(
    {
        "JOBPOSTING_READAHEAD",
        "JOBPOSTING_PARALLEL_PAGES",
        "JOBPOSTING_TEMPLATE_CACHE",
        "JOBPOSTING_SEARCH",
        "JOBPOSTING_TODAY",
    }
)


# repr() of a function, a class instance or a module names its address, which differs from one
# process to the next (kept builds load the last process's keys): left out, the name stays.
_ADDRESS = re.compile(r" at 0x[0-9a-fA-F]+")


def settings_digest(values) -> bytes:
    kept = sorted((k, v) for k, v in values.items() if k not in NOT_IN_KEYS)
    return digest(_ADDRESS.sub("", repr(kept)).encode("utf-8"))


def start(files: Files, values) -> Round:
    """Before a build: the keys everything of this build depends on."""
    own = settings_digest(values)
    content = os.path.abspath(values["PATH"])
    data = files.tree(os.path.join(content, values.get("JOBPOSTING_DATA_PATH", "data")))
    day = today(values).isoformat().encode()
    validation = digest(own + data)
    checks = digest(validation + day)
    jobs = os.path.join(content, values.get("JOBPOSTING_PATH", "jobs"))
    lasting = [own, data, files.tree(content, skip=jobs)]
    lasting += [files.tree(folder) for folder in _template_folders(values)]
    lasting = digest(b"".join(lasting))
    return Round(own, validation, checks, digest(lasting + day), lasting)


def _template_folders(values) -> list[str]:
    folders = [values.get("THEME") or ""]
    folders += list(values.get("THEME_TEMPLATES_OVERRIDES") or ())
    folders += list(values.get("EXTRA_TEMPLATES_PATHS") or ())
    return [os.path.abspath(f) for f in folders if f]


def facts(posting) -> bytes:
    """A checked posting's digest without its description: what other pages show of it."""
    if posting is None:
        return b""
    return digest(repr(dataclasses.replace(posting, body_html="")).encode("utf-8"))


def board(context, facts_of) -> bytes:
    """Every posting's state and checked fields but its description, and its address.

    `facts_of(article, outcome)`: the posting's facts(), from what the cache kept when it can.
    """
    state = context.get(CONTEXT_KEY)
    found = hashlib.blake2b(digest_size=16)
    if state is None:
        return found.digest()
    for path in sorted(state.outcomes):
        outcome = state.outcomes[path]
        article = state.articles.get(path)
        where = (
            (article.slug, article.lang, article.status, getattr(article, "template", ""))
            if article is not None
            else None
        )
        found.update(repr((path, outcome.state.name, where)).encode("utf-8"))
        found.update(facts_of(article, outcome))
    return found.digest()
