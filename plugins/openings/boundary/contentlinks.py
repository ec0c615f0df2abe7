"""Pelican's `{filename}`, `{static}` and `{attach}` links in a posting or page, checked when read.

Pelican copies whatever such a link names onto the site ({static}, {attach}), and {attach}
moves it next to the linking page, where it can replace that page. So each link must name a
file inside the content folder (after `..` and symbolic links are resolved): {filename} a
posting or a company page, {static} and {attach} an image, font or PDF (statictypes.py).
The links are found in the sanitised HTML with Pelican's own pattern, so that every link Pelican
will replace is checked; the line is the first line of the file that has the link's text.
"""

from __future__ import annotations

import fnmatch
import functools
import html
import os
import re
from urllib.parse import unquote, urlparse

from ..core import rules
from ..core.problems import Problem, Severity
from ..core.text import truncate
from ..reading.postingfile import EXTENSIONS, decode
from . import statictypes

PELICAN_WHATS = ("filename", "static", "attach")
PELICAN_DEFAULT = "[{|](?P<what>.*?)[|}]"  # Pelican's INTRASITE_LINK_REGEX


@functools.cache
def _pattern(intrasite: str) -> re.Pattern:
    """Pelican's Content._get_intrasite_link_regex, for the same INTRASITE_LINK_REGEX."""
    return re.compile(
        rf"""(?P<markup><[^\>]+(?:href|src|poster|data|cite|formaction|action|content)\s*=\s*)
            (?P<quote>["\'])(?P<path>{intrasite}(?P<value>.*?))(?P=quote)""",
        re.X,
    )


@functools.cache
def _candidates() -> re.Pattern:
    """A quick test before the full pattern (most bodies have no such link), for Pelican's
    default INTRASITE_LINK_REGEX only."""
    return re.compile(r"[{|](?:filename|static|attach)[|}]")


class LinkTargets:
    """What a link may point to: the content folder and where postings and pages live."""

    def __init__(self, settings):
        self.root = os.path.abspath(settings["PATH"])
        self.real_root = os.path.realpath(self.root)
        self.intrasite = settings.get("INTRASITE_LINK_REGEX", PELICAN_DEFAULT)
        folders = [settings.get("JOBPOSTING_PATH", "jobs"), *settings.get("PAGE_PATHS", ["pages"])]
        self.documents = tuple(os.path.join(self.root, f) + os.sep for f in folders)
        self.types = statictypes.DEFAULT_TYPES
        self.ignored = tuple(settings.get("IGNORE_FILES", ()))

    def is_ignored(self, target: str) -> bool:
        """Whether IGNORE_FILES keeps the file (or a folder it is in) out of the site."""
        parts = os.path.relpath(target, self.root).split(os.sep)
        return any(fnmatch.fnmatch(part, pattern) for part in parts for pattern in self.ignored)


def check(body_html: str, source_path: str, path: str, site: LinkTargets) -> list[Problem]:
    """Problems of the Pelican links in one file's HTML (none for a body without any)."""
    if not body_html:
        return []
    if site.intrasite == PELICAN_DEFAULT and not (
        # substring searches first: far cheaper than the pattern over a body without links
        ("filename" in body_html or "static" in body_html or "attach" in body_html)
        and _candidates().search(body_html)
    ):
        return []
    found = []
    for match in _pattern(site.intrasite).finditer(body_html):
        what = match.group("what")
        if what not in PELICAN_WHATS:
            continue  # {category}, {tag}, {index}: addresses of the site's own pages
        message, rule = _judge(what, match.group("value"), source_path, site)
        if message:
            line = _line_of(source_path, what, match.group("value"))
            found.append(Problem(path, line, None, message, Severity.ERROR, rule))
    return found


def _judge(what: str, value: str, source_path: str, site: LinkTargets) -> tuple[str | None, str]:
    written = html.unescape(value)
    shown = truncate(f"{{{what}}}{written}", 120)
    # Pelican tries the path as written, percent-decoded and HTML-unescaped: none may leave
    # content/, and each it can find must be a file the site publishes
    paths = {urlparse(value).path, unquote(urlparse(value).path), urlparse(written).path}
    paths |= {unquote(p) for p in list(paths)} | {p.replace("%20", " ") for p in paths}
    if not all(paths) or any("\x00" in p for p in paths):
        message = f"the link {shown} names no file: write the file's path after {{{what}}}"
        return message, rules.LINK_MISSING
    here = os.path.dirname(os.path.abspath(source_path))
    targets = sorted(
        # as Pelican: one leading slash means the content folder (`//etc` is the root's /etc)
        os.path.normpath(
            os.path.join(site.root, p[1:]) if p.startswith("/") else os.path.join(here, p)
        )
        for p in paths
    )
    if not all(_inside(target, site) for target in targets):
        message = (
            f"the link {shown} points outside the content folder (or through a symbolic link): "
            "link only to files in content/, e.g. {static}/images/team.jpg, or write a full "
            "web address"
        )
        return message, rules.LINK_OUTSIDE
    found = [target for target in targets if os.path.isfile(target)]
    if not found:
        message = (
            f"the link {shown} names a file that does not exist: check the name and folder (a "
            "path starting with / starts at content/)"
        )
        return message, rules.LINK_MISSING
    for target in found:
        if site.is_ignored(target):
            message = (
                f"the link {shown} names a file the site keeps out (IGNORE_FILES: hidden files, "
                "README.md): rename the file, or link to another"
            )
            return message, rules.LINK_TYPE
        document = target.startswith(site.documents)
        if what == "filename" and document and statictypes.extension(target) in EXTENSIONS:
            continue
        if what == "filename" and not statictypes.allowed(target, site.types):
            message = (
                f"the link {shown} names a file that is not a posting or a company page: "
                "{filename} links go to .md files in content/jobs/ or content/pages/"
            )
            return message, rules.LINK_TYPE
        refused = statictypes.why_refused(target, site.types)
        if refused:
            return f"the link {shown} cannot be published: {refused}", rules.LINK_TYPE
    return None, ""


def _inside(target: str, site: LinkTargets) -> bool:
    return (
        target.startswith(site.root + os.sep)
        and os.path.realpath(target).startswith(site.real_root + os.sep)
        and not _through_link(target, site.root)
    )


def _through_link(target: str, root: str) -> bool:
    """Whether the target or a folder between it and the content folder is a symbolic link."""
    here = target
    while here.startswith(root + os.sep):
        if os.path.islink(here):
            return True
        here = os.path.dirname(here)
    return False


def _line_of(source_path: str, what: str, value: str) -> int | None:
    """The first line of the file with the link's text; read again only when a link is wrong."""
    try:
        with open(source_path, "rb") as handle:
            text, _ = decode(handle.read(), source_path)
    except OSError:
        return None
    written = html.unescape(value)
    needles = [f"{o}{what}{c}{written}" for o in "{|" for c in "}|"]
    for needle in (*needles, written, unquote(written), written.split("/")[-1]):
        if not needle:
            continue
        for number, line in enumerate(text.split("\n"), 1):
            if needle in line:
                return number
    return None


def attach_links(content, site: LinkTargets) -> list[str]:
    """The files a Pelican content's {attach} links name, relative to content/, as Pelican
    finds them (Content.get_static_links), for outputpaths.attached."""
    body = getattr(content, "_content", None)
    if not body or "attach" not in body:
        return []
    found = []
    relative_dir = os.path.dirname(content.get_relative_source_path())
    for match in _pattern(site.intrasite).finditer(body):
        if match.group("what") != "attach":
            continue
        path = urlparse(match.group("value")).path
        path = (
            path[1:] if path.startswith("/") else os.path.normpath(os.path.join(relative_dir, path))
        )
        found.append(path.replace("%20", " "))
    return found
