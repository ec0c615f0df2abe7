"""What validate, list and summary share: the site's settings, its posting files, their verdicts.

Every check goes through pipeline.py, exactly as the build does, so a posting that passes here
passes `make html`, with the same messages. On a board of JOBPOSTING_READAHEAD files or more,
helper processes read and check the files just ahead, as they do for the build
(speed/readahead.py): the same verdicts, in the same order.
"""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Iterator
from dataclasses import dataclass, field

from ..boundary import contentlinks
from ..checks import pipeline
from ..config import settings, settingscheck, sitesettings
from ..core import rules
from ..core.lifecycle import State
from ..core.problems import BuildFailed, Problem, Severity
from ..core.slugs import page_slug
from ..reading import postingfile
from ..speed import readahead
from .options import UsageError


def load_settings(args) -> dict:
    """pelicanconf.py (or -s FILE) with the plugin's defaults, checked as the build checks them."""
    path = args.settings
    if not os.path.isfile(path):
        raise UsageError(
            f"the settings file {path} does not exist; run the command in the site's folder "
            "(where pelicanconf.py is) or give -s FILE"
        )
    override = {}
    if getattr(args, "content", None):
        if not os.path.isdir(args.content):
            raise UsageError(f"the content folder {args.content} does not exist")
        override["PATH"] = os.path.abspath(args.content)
    if getattr(args, "today", None):
        override["JOBPOSTING_TODAY"] = args.today.isoformat()
    try:
        values = sitesettings.read_settings(path, override=override)
    except SystemExit as stop:
        # publishconf.py stops itself when SITEURL is missing; say why, without a traceback
        reason = stop.code if isinstance(stop.code, str) else f"it exited with status {stop.code}"
        raise UsageError(
            f"{path} could not be read: {reason}\n"
            "To check postings the way the published site does, `openings validate --strict` "
            "is enough: it needs no SITEURL."
        ) from None
    except sitesettings.SettingsError as error:
        raise UsageError(f"{path}: {error}") from None
    except Exception as exc:  # a settings file is Python: any mistake in it lands here
        raise UsageError(f"{path} could not be read: {type(exc).__name__}: {exc}") from None
    settings.apply_defaults(values)
    if getattr(args, "strict", False):
        values["JOBPOSTING_STRICT"] = True
    try:
        settingscheck.check(values)
    except BuildFailed as failed:
        raise UsageError(f"{path}: {failed}; fix the settings named above") from None
    return values


def jobs_root(values: dict) -> str:
    return os.path.join(values["PATH"], values["JOBPOSTING_PATH"])


def posting_files(values: dict, given: list[str] | None = None) -> list[str]:
    """The files to check: those given (folders expanded), else every file in the postings folder."""
    if not given:
        root = jobs_root(values)
        if not os.path.isdir(root):
            raise UsageError(
                f"the postings folder {os.path.relpath(root)} does not exist; "
                "run the command in the site's folder, or give --content FOLDER"
            )
        return _walk(root, values)
    files = []
    for name in given:
        if os.path.isdir(name):
            files += _walk(name, values)
        elif os.path.isfile(name):
            files.append(name)
        else:
            raise UsageError(f"{name}: no such file")
    return list(dict.fromkeys(files))


def _walk(folder: str, values: dict) -> list[str]:
    """Like Pelican: hidden files and IGNORE_FILES patterns are skipped."""
    ignored = values.get("IGNORE_FILES", ())
    found = []
    for here, folders, names in os.walk(folder):  # never into a symbolic link: it is refused
        folders[:] = sorted(f for f in folders if not f.startswith("."))
        found += [os.path.join(here, f) for f in folders if os.path.islink(os.path.join(here, f))]
        for name in sorted(names):
            if name.startswith(".") or any(fnmatch.fnmatch(name, p) for p in ignored):
                continue
            found.append(os.path.join(here, name))
    return found


@dataclass
class Checked:
    """The verdict on a set of posting files, and what each file said."""

    checks: object  # pipeline.Checks
    outcomes: list  # pipeline.Outcome, one per file, in the order given
    documents: dict[str, object] = field(default_factory=dict)  # report path -> Document

    @property
    def problems(self) -> list:
        found = list(self.checks.data_problems)
        for outcome in self.outcomes:
            found += outcome.problems
        return found

    @property
    def states(self) -> dict:
        return {o.path: o.state for o in self.outcomes}


def check_files(values: dict, files: list[str], checks=None) -> Checked:
    """Read and validate each file as the build would, then the checks across files."""
    checks = checks or pipeline.prepare(values)
    result = Checked(checks, [])
    for outcome, doc in read_and_check_all(values, files, checks):
        result.outcomes.append(outcome)
        if doc is not None:
            result.documents[outcome.path] = doc
    pipeline.check_across(
        result.outcomes + _the_other_postings(values, files, checks), checks.strict
    )
    return result


def _the_other_postings(values: dict, files: list[str], checks) -> list:
    """The postings of the site not among those checked, for the checks across files only
    (a req_id or an address another posting already has): their own problems are not shown."""
    root = jobs_root(values)
    if not os.path.isdir(root):
        return []
    given = {os.path.realpath(f) for f in files}
    others = [f for f in _walk(root, values) if os.path.realpath(f) not in given]
    return [outcome for outcome, _ in read_and_check_all(values, others, checks)]


def read_and_check_all(values: dict, files: list[str], checks) -> Iterator[tuple]:
    """read_and_check of each file, in order; from helper processes on a big board."""
    helpers = None
    if readahead.wanted(len(files), values.get("JOBPOSTING_READAHEAD")):
        postingfile.import_repairs()  # once, before the helpers fork, as the build does
        helpers = readahead.ReadAhead(files, lambda path: read_and_check(values, path, checks))
    try:
        for path in files:
            made = helpers.take(path) if helpers is not None else None
            yield made if made is not None else read_and_check(values, path, checks)
    finally:
        if helpers is not None:
            helpers.stop()


def read_and_check(values: dict, path: str, checks):
    """One file -> (Outcome, Document or None); a file that cannot be read is a problem, too.

    A file named on the command line is a posting wherever it lives (an import's output, a copy
    in another folder), so it gets the postings' rules."""
    shown = postingfile.report_path(path)
    if os.path.islink(path):  # never read: it could print any file of the machine into a CI log
        problem = Problem(
            shown, None, None, "is a symbolic link: the site never follows one; put a copy "
            "here, or remove the link", Severity.ERROR, rules.SYMLINK,
        )  # fmt: skip
        return pipeline.Outcome(shown, None, State.REJECTED, [problem]), None
    extension = os.path.splitext(path)[1].lstrip(".").lower()
    if extension not in postingfile.EXTENSIONS:
        return pipeline.not_markdown(shown), None
    try:
        doc, problems, body_html = postingfile.read_posting(path, checks.limits)
    except OSError as exc:
        problem = Problem(
            shown, None, None, f"cannot be read ({exc.strerror or exc})", Severity.ERROR,
            rules.UNREADABLE,
        )  # fmt: skip
        return pipeline.Outcome(shown, None, State.REJECTED, [problem]), None
    problems += contentlinks.check(body_html, path, shown, contentlinks.LinkTargets(values))
    given_to_pelican = {  # what the build's reader gives Pelican, which makes the slug of it
        "title": postingfile.title_of(doc, path),
        "slug": postingfile.scalar(doc.fields.get("slug")),
    }
    outcome = pipeline.check_posting(
        doc, shown, page_slug(given_to_pelican, path, values), body_html, problems, checks
    )
    return outcome, doc
