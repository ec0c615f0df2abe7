"""`make devserver`: build the site, serve it, and rebuild it in the same process after every edit.

    python -m openings.devserver [-s pelicanconf.py] [-o output] [-b 127.0.0.1] [-p 8000]

One Python process stays warm: it watches the content folder, the theme and the settings file,
and after a change builds the site again through the dev cache (cache.py, incremental.py),
so an edit of one posting re-reads, checks and renders that posting and the pages listing it,
and the files written are those a cold build writes. The settings are read again when their
file changes; "today" is decided at every build, and once a minute the server rebuilds when
the day has changed, so a posting whose valid_through has passed closes as it would when
published. The search index follows a moment later (searchlater.py); meanwhile the server
answers its files with 503, and the search box says search is not available right now. The
HTTP server runs in a process of its own (serving.py), so a request never waits for a build.
Errors in the content are reported as a build reports them, and the last good site is served
until they are fixed. The plugin's Python code is not watched: restart after changing it.
"""

from __future__ import annotations

import argparse
import copy
import logging
import os
import signal
import threading

import watchfiles
from pelican.settings import read_settings
from pelican.utils import FileChangeFilter

from ..core import report
from ..core.problems import BuildFailed
from ..core.today import today
from ..outputs.search import BUNDLE
from ..speed import memory
from . import incremental, serving
from .cache import DevCache
from .searchlater import SearchLater

# What the dev server's builds do otherwise than `make html`: the cache replaces the helper
# processes (nothing is read twice), and the search index is made after the pages.
DEV_OVERRIDES = {
    "JOBPOSTING_SEARCH": False,
    "JOBPOSTING_PARALLEL_PAGES": None,
    "JOBPOSTING_READAHEAD": None,
    # the files no longer produced are deleted by incremental.py, not by Pelican emptying the
    # folder: the listing taken before the build (speed/listahead.py) stands for what is there
    "DELETE_OUTPUT_DIRECTORY": False,
    # every static file copied, so that incremental.py counts it as produced
    "STATIC_CHECK_IF_MODIFIED": False,
    "STATIC_CREATE_LINKS": False,
}
DAY_CHECK_MS = 60_000  # how often, without any edit, the server looks whether the day changed


class DevServer:
    """The warm process: settings, cache, the search index's thread, one build after another."""

    def __init__(self, settings_file: str, overrides: dict):
        self.settings_file = os.path.abspath(settings_file)
        self.overrides = overrides
        self.cache = DevCache()
        self.search = SearchLater()
        self.values = None
        self.day = None
        self.load_settings()

    def load_settings(self) -> None:
        self.values = read_settings(self.settings_file, override=dict(self.overrides))
        self.wants_search = self.values.get("JOBPOSTING_SEARCH", True)
        self.values.update(DEV_OVERRIDES)

    def build(self) -> incremental.Result | None:
        """One build; None when it failed (the report says why, and nothing changed)."""
        self.day = today(self.values)
        values = fresh(self.values)
        try:
            done = incremental.build(values, self.cache)
        except BuildFailed:
            return None  # the report said what is wrong
        except Exception as exc:  # a template or settings error: say it, keep serving
            report.emit([f"devserver: the build failed: {exc.__class__.__name__}: {exc}"])
            return None
        if self.wants_search:
            self.search.request(self.cache.round.open_articles, values)
        deleted = f", {len(done.deleted)} old files deleted" if done.deleted else ""
        report.emit([f"devserver: built in {done.seconds:.2f} s{deleted}"])
        # the last build's objects, now garbage: without it the server would grow at every
        # edit (about 4 MB at 1,000 postings); it takes 0.7-0.9 s at 10,000, after the pages
        memory.collect_after_build()
        return done

    def watched(self) -> list[str]:
        values = self.values
        paths = [self.settings_file, values.get("THEME", ""), values.get("PATH", "")]
        paths += list(values.get("THEME_TEMPLATES_OVERRIDES") or ())
        return [os.path.abspath(p) for p in paths if p and os.path.exists(p)]

    def watch(self, stop: threading.Event | None = None) -> None:
        """Rebuild after every change (and when the day changes) until `stop` is set."""
        stop = stop or threading.Event()
        changes = watchfiles.watch(
            *self.watched(),
            watch_filter=FileChangeFilter(ignore_file_patterns=set(self.values["IGNORE_FILES"])),
            rust_timeout=DAY_CHECK_MS,
            yield_on_timeout=True,
            stop_event=stop,
        )
        for changed in changes:
            if stop.is_set():
                return
            names = {path for _, path in changed}
            if not names and today(self.values) == self.day:
                continue
            if self.settings_file in names:
                self.load_settings()
            shown = ", ".join(sorted(os.path.relpath(n) for n in names)) or "the day changed"
            report.emit([f"devserver: {shown}: building again"])
            self.build()


def fresh(values):
    """A copy of the settings for one build: Pelican changes some in place while it builds
    (its Markdown reader adds to MARKDOWN), and each build must start from the same ones, or
    no key of the dev cache would match the last build's."""
    try:
        return copy.deepcopy(values)
    except Exception:  # a value that cannot be copied: Pelican's own reloads reuse them too
        return copy.copy(values)


def serve(output: str, bind: str, port: int, search: SearchLater) -> serving.ServerProcess:
    """The site in `output`, served from a process of its own (serving.py) until shutdown()."""
    return serving.ServerProcess(output, bind, port, search.stale_flag, f"/{BUNDLE}/")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m openings.devserver",
        description="Build the site, serve it, and rebuild it after every change.",
    )
    parser.add_argument("-s", "--settings", default="pelicanconf.py")
    parser.add_argument("-o", "--output", default="output")
    parser.add_argument("path", nargs="?", help="the content folder (default: the settings' PATH)")
    parser.add_argument("-b", "--bind", default="127.0.0.1")
    parser.add_argument("-p", "--port", type=int, default=8000)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s")
    overrides = {"OUTPUT_PATH": os.path.abspath(args.output)}
    if args.path:
        overrides["PATH"] = os.path.abspath(args.path)
    # stopped as by Ctrl-C: the server's process and the temporary flag go with this one
    signal.signal(signal.SIGTERM, _interrupt)
    try:
        return _build_serve_and_watch(args, overrides)
    except KeyboardInterrupt:
        return 0


def _build_serve_and_watch(args, overrides: dict) -> int:
    dev = DevServer(args.settings, overrides)
    dev.build()
    os.makedirs(overrides["OUTPUT_PATH"], exist_ok=True)
    try:
        server = serve(overrides["OUTPUT_PATH"], args.bind, args.port, dev.search)
    except serving.CannotServe as exc:
        report.emit([f"devserver: {exc}"])
        return 1
    port = server.server_address[1]  # the one given, or the one the system chose for 0
    report.emit([f"devserver: serving http://{args.bind}:{port}/ (Ctrl-C stops)"])
    try:
        dev.watch()
    finally:
        server.shutdown()
    return 0


def _interrupt(signum, frame):
    raise KeyboardInterrupt
