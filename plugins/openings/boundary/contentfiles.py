"""Every file under content/ is read and checked, or refused with its path and a fix.

That is the whole content folder on a site that opts in (JOBPOSTING_CHECK_ALL_CONTENT, as the
sites `openings init` makes); on any other, the postings folder alone (build/scope.py): the
rest of the site is Pelican's, read and copied as Pelican does.

Pelican on its own follows symbolic links, reads .rst and .html files with readers that include
other files or keep raw HTML, and copies any file in STATIC_PATHS (or named by a {static} link)
as it is. Here its generators list files without following links, only the plugin's Markdown
reader is left, static files are limited to the types in statictypes.py, and at the end every
file under the content folder is accounted for: a posting or page read by the plugin, a static
file that passed, a data file the plugin reads, a file IGNORE_FILES keeps out of the site; any
other is an error that names it.
"""

from __future__ import annotations

import fnmatch
import os
import re

from ..core import rules
from ..core.problems import Problem, Severity
from ..reading.postingfile import EXTENSIONS, report_path
from . import statictypes

DATA_FILES = ("offices.yml", "departments.yml", "pay_transparency.yml")  # data.py, pipeline.py


def ignored(name: str, settings) -> bool:
    """Pelican's test for IGNORE_FILES: the name of a file or folder, at any depth."""
    return _ignore_test(settings)(name)


def _ignore_test(settings):
    """Pelican's test for IGNORE_FILES (fnmatch against each pattern), the patterns compiled
    into one, for a walk over thousands of files."""
    patterns = [fnmatch.translate(os.path.normcase(p)) for p in settings.get("IGNORE_FILES", ())]
    if not patterns:
        return lambda name: False
    match = re.compile("|".join(f"(?:{p})" for p in patterns)).match
    return lambda name: match(os.path.normcase(name)) is not None


def _walk(root: str):
    """os.walk(root) as it walks by default (top-down, links not followed, unreadable folders
    passed over), with each entry's os.DirEntry, whose type needs no further system call:
    (folder, folders, names), folders being what os.walk lists as folders (links to folders
    included), the caller may prune them in place."""
    stack = [root]
    while stack:
        folder = stack.pop()
        try:
            with os.scandir(folder) as found:
                entries = list(found)
        except OSError:
            continue
        folders, names = [], []
        for entry in entries:
            try:
                is_folder = entry.is_dir()
            except OSError:
                is_folder = False
            (folders if is_folder else names).append(entry)
        yield folder, folders, names
        stack += reversed([d.path for d in folders if not d.is_symlink()])


def list_files(generator, paths, exclude=None, extensions=None) -> set[str]:
    """Generator.get_files without following symbolic links, and (for static files) only the
    types the site publishes; what is left out is reported by `account_for`."""
    settings = generator.settings
    static = extensions is False
    if extensions is None:  # "static" is Pelican's reader of static files, never a page's
        extensions = tuple(e for e in generator.readers.extensions if e != "static")
    if isinstance(paths, str):
        paths = [paths]
    excluded = {os.path.normpath(os.path.join(generator.path, e)) for e in exclude or ()}
    is_ignored = _ignore_test(settings)
    found = set()

    def keep(relative_folder: str, name: str, full: str) -> None:
        if is_ignored(name):
            return
        if static:
            if statictypes.why_refused(full) is not None:
                return
        elif os.path.splitext(name)[1][1:] not in extensions:  # as Pelican: case matters
            return
        found.add(name if relative_folder == os.curdir else os.path.join(relative_folder, name))

    for path in paths:
        root = os.path.join(generator.path, path) if path else generator.path
        if os.path.islink(root):
            continue
        if os.path.isfile(root):
            keep(
                os.path.relpath(os.path.dirname(root), generator.path), os.path.basename(root), root
            )
            continue
        for folder, folders, names in _walk(root):
            folders[:] = [
                d for d in folders
                if not is_ignored(d.name) and not d.is_symlink()
                and os.path.normpath(d.path) not in excluded
            ]  # fmt: skip
            relative_folder = os.path.relpath(folder, generator.path)
            for entry in names:
                if not entry.is_symlink() and entry.is_file():
                    keep(relative_folder, entry.name, entry.path)
    return found


def safe_links(links: set[str], settings) -> set[str]:
    """The {static}/{attach} targets Pelican collected (relative to content/) that it may copy:
    inside the content folder, no link on the way, of a published type. The others were
    reported with their file and line when read (contentlinks.py)."""
    root = os.path.abspath(settings["PATH"])
    real_root = os.path.realpath(root)
    kept = set()
    for link in links:
        target = os.path.normpath(os.path.join(root, link))
        if (
            target.startswith(root + os.sep)
            and os.path.realpath(target) == os.path.join(real_root, os.path.relpath(target, root))
            and os.path.isfile(target)
            and statictypes.why_refused(target) is None
            and not any(ignored(part, settings) for part in link.split(os.sep))
        ):
            kept.add(link)
    return kept


def account_for(
    settings, read: set[str], copied: set[str], already: set[str], only: str | None = None
) -> list[Problem]:
    """Problems for every file or folder under content/ that is neither read by the plugin, nor
    a static file that passed, nor a known data file, nor kept out by IGNORE_FILES.

    `read` and `copied` are paths relative to content/ (Pelican's generated_content and
    static_content); `already` the report paths of files with a problem of their own; `only`,
    a folder relative to content/: the files under it alone.
    """
    root = settings["PATH"]
    data = os.path.normpath(settings.get("JOBPOSTING_DATA_PATH", "data"))
    pages = {os.path.normpath(p) for p in settings.get("PAGE_PATHS", ())}
    jobs = os.path.normpath(settings.get("JOBPOSTING_PATH", "jobs"))
    statics = {os.path.normpath(p) for p in settings.get("STATIC_PATHS", ())}
    found = []

    def refuse(full, message, rule):
        path = report_path(full)
        if path not in already:
            found.append(Problem(path, None, None, message, Severity.ERROR, rule))

    is_ignored = _ignore_test(settings)
    for folder, folders, names in _walk(os.path.join(root, only) if only else root):
        folders.sort(key=lambda entry: entry.name)
        for entry in folders:
            if entry.is_symlink():
                refuse(entry.path, "is a symbolic link to a folder: the site never follows one; "
                       "put a copy of the folder here, or remove the link", rules.SYMLINK)  # fmt: skip
        folders[:] = [d for d in folders if not is_ignored(d.name) and not d.is_symlink()]
        relative_folder = os.path.normpath(os.path.relpath(folder, root))
        for entry in sorted(names, key=lambda entry: entry.name):
            name, full = entry.name, entry.path
            relative = name if relative_folder == os.curdir else os.path.join(relative_folder, name)
            if entry.is_symlink():
                refuse(full, "is a symbolic link: the site never follows one; put a copy of the "
                       "file here, or remove the link", rules.SYMLINK)  # fmt: skip
                continue
            if is_ignored(name) or relative in read or relative in copied:
                continue
            top = relative.split(os.sep)[0]
            kind = statictypes.extension(name)
            if os.path.dirname(relative) == data and name in DATA_FILES:
                continue
            if top in statics:
                refused = statictypes.why_refused(full) or "is not published"
                refuse(full, f"{refused}; remove it from content/", rules.STATIC_TYPE)
            elif top in (jobs, *pages) and os.path.splitext(name)[1][1:] in EXTENSIONS:
                continue  # a posting or page Pelican could not read: reported as unreadable
            elif top in (jobs, *pages) and kind in EXTENSIONS:
                stem = os.path.splitext(name)[0]
                refuse(full, f"is not read: the extension must be written in lowercase; "
                       f"rename the file to {stem}.{kind}", rules.NOT_PUBLISHED)  # fmt: skip
            elif top in pages:
                refuse(full, f"company pages are Markdown files: a .{kind} page is not read "
                       f"(nor published); write it in Markdown as {os.path.splitext(name)[0]}.md",
                       rules.NOT_PUBLISHED)  # fmt: skip
            else:
                refuse(full, "is not part of the site: postings go in content/jobs/, company "
                       "pages in content/pages/ (Markdown), images, fonts and PDFs in "
                       "content/images/; move the file there or remove it", rules.NOT_PUBLISHED)  # fmt: skip
    return found
