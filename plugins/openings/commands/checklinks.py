"""`openings check-links OUTPUT`: every link and resource of a built site leads somewhere.

Offline, on the files Pelican wrote: each href and src of each HTML page that stays on the site
must name a file of OUTPUT (a folder's index.html counts), and a #fragment an id on that page.
Links to other sites, mailto: and tel: are not followed: a build must not depend on the network.
"""

from __future__ import annotations

import os
import posixpath
import sys
from html.parser import HTMLParser
from urllib.parse import unquote, urlsplit

from .options import UsageError

ATTRIBUTES = {"href", "src"}


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "check-links",
        help="check every link of a built site (offline)",
        description="Read every HTML page under OUTPUT and report each link or resource of the "
        "site that leads nowhere, with the page it is on. Links to other sites are not followed.",
    )
    parser.add_argument("output", metavar="OUTPUT", help="the built site's folder, e.g. output")
    parser.add_argument(
        "--site-url",
        metavar="URL",
        help="the site's own address: absolute links under it are checked too",
    )
    parser.set_defaults(func=run)


class _LinkParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[int, str]] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs) -> None:
        for name, value in attrs:
            if name in ("id", "name") and value and (name == "id" or tag == "a"):
                self.ids.add(value)
            if name in ATTRIBUTES and value is not None:
                self.links.append((self.getpos()[0], value))


def _read(path: str) -> _LinkParser:
    page = _LinkParser()
    with open(path, encoding="utf-8", errors="replace") as handle:
        page.feed(handle.read())
    page.close()
    return page


def broken_links(output: str, site_url: str | None = None) -> list[str]:
    """Each link that leads nowhere, as `page:line: link: what is wrong`."""
    root = os.path.realpath(output)
    base = urlsplit(site_url.rstrip("/") + "/") if site_url else None
    pages, found = {}, []
    for here, folders, names in os.walk(root):
        folders.sort()
        for name in sorted(names):
            if name.endswith(".html"):
                path = os.path.join(here, name)
                pages[path] = _read(path)
    for path, page in pages.items():
        shown = os.path.relpath(path, root)
        for line, link in page.links:
            target = _target(link, path, root, base)
            if target is None:
                continue
            file, fragment = target
            problem = _problem(file, fragment, root, pages)
            if problem:
                found.append(f"{shown}:{line}: {link}: {problem}")
    return found


def _target(link: str, page: str, root: str, base) -> tuple[str, str] | None:
    """The file and fragment a link of the site names; None for one that leaves the site."""
    parts = urlsplit(link.strip())
    if parts.scheme or parts.netloc:
        if base is None or (parts.scheme, parts.netloc) != (base.scheme, base.netloc):
            return None
        if not parts.path.startswith(base.path):
            return None
        relative = parts.path[len(base.path) :]
        return os.path.join(root, *unquote(relative).split("/")), parts.fragment
    if link.startswith("//"):
        return None
    if not parts.path:  # "#top": this page
        return page, parts.fragment
    if parts.path.startswith("/"):
        return os.path.join(root, *unquote(parts.path).lstrip("/").split("/")), parts.fragment
    folder = os.path.dirname(page)
    joined = posixpath.normpath(posixpath.join(folder.replace(os.sep, "/"), unquote(parts.path)))
    return joined, parts.fragment


def _problem(file: str, fragment: str, root: str, pages: dict) -> str | None:
    real = os.path.realpath(file)
    if real != root and not real.startswith(root + os.sep):
        return "leads out of the site"
    if os.path.isdir(real):
        real = os.path.join(real, "index.html")
    if not os.path.isfile(real):
        return "no such file in the built site"
    if fragment and real in pages and unquote(fragment) not in pages[real].ids:
        return f"the page has no #{fragment}"
    return None


def run(args) -> int:
    if not os.path.isdir(args.output):
        raise UsageError(f"{args.output} is not a folder; build the site first (make html)")
    found = broken_links(args.output, args.site_url)
    for line in found:
        print(line, file=sys.stderr)
    if found:
        print(f"{len(found)} broken links.", file=sys.stderr)
        return 1
    print(f"Every link of the site in {args.output} leads somewhere.")
    return 0
