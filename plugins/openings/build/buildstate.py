"""One build's state: the checks it runs, each file's verdict, the articles it keeps.

It lives in the generators' shared context (never in a module global), so builds in one process
(tests, the dev server) do not leak into each other. The plugin's receivers (plugin.py,
speedup.py) reach it through the generator they are given.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..checks import pipeline
from ..core.lifecycle import State
from ..core.problems import Problem

CONTEXT_KEY = "jobposting"


@dataclass
class BuildState:
    checks: pipeline.Checks
    outcomes: dict[str, pipeline.Outcome] = field(default_factory=dict)  # by source path
    other_problems: list[Problem] = field(default_factory=list)  # pages, unreadable files
    articles: dict[str, object] = field(default_factory=dict)  # source path -> Pelican article
    early: dict[str, pipeline.Outcome] = field(default_factory=dict)  # checked when read
    written: list[tuple[str, str]] = field(default_factory=list)  # (output path, source)
    ahead: Any = None  # speedup.Ahead while helpers read posting files ahead
    pages_writer: Any = None  # parallel.PagesWriter while a second process writes posting pages
    search: Any = None  # the search index made on a thread while the pages are written (search.py)

    @property
    def problems(self) -> list[Problem]:
        found = [*self.checks.data_problems, *self.other_problems]
        for outcome in self.outcomes.values():
            found.extend(outcome.problems)
        return found

    @property
    def states(self) -> dict[str, State]:
        return {path: outcome.state for path, outcome in self.outcomes.items()}

    def open_articles(self):
        for path, outcome in self.outcomes.items():
            if outcome.state is State.OPEN and path in self.articles:
                yield self.articles[path]


def build_state(generator) -> BuildState:
    return state_in(generator.context, generator.settings)


def state_in(context, values) -> BuildState:
    if CONTEXT_KEY not in context:
        context[CONTEXT_KEY] = BuildState(pipeline.prepare(values))
    return context[CONTEXT_KEY]
