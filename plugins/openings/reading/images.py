"""Images a description may show: the site's own, and those of the hosts the site allows.

An image from another site is fetched by every reader's browser when the page opens: its host
learns who reads the posting, and can change the picture after the pull request was reviewed.
"""

from __future__ import annotations

import html as html_lib
import re
from urllib.parse import unquote, urlsplit

from ..core import rules
from ..core.problems import Problem, Severity

# A host name as JOBPOSTING_IMAGE_HOSTS lists it: lowercase labels joined by dots.
HOST = re.compile(r"^(?=.{1,253}\Z)[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63})*\Z")
# every <img src> in clean_html's output (nh3 writes attribute values in double quotes)
_IMG_SRC = re.compile(r'<img\b[^>]*?\ssrc="([^"]*)"')


def foreign_images(
    body_html: str, body: str, body_line: int, path: str, hosts: frozenset[str], site_url: str = ""
) -> list[Problem]:
    """An error for every image that is neither the site's own (relative, or under `site_url`)
    nor from one of `hosts` over https."""
    if "<img" not in body_html:
        return []
    found = []
    for match in _IMG_SRC.finditer(body_html):
        src = html_lib.unescape(match.group(1)).strip()
        message = _refusal(src, hosts, site_url)
        if message is not None:
            written = body.find(src)
            line = body_line + body.count("\n", 0, written) if written >= 0 else body_line
            found.append(Problem(path, line, None, message, Severity.ERROR, rules.IMAGE_HOST))
    return found


def _refusal(src: str, hosts: frozenset[str], site_url: str) -> str | None:
    try:
        parts = urlsplit(src)
        host = (parts.hostname or "").lower()
    except ValueError:  # an unclosed [ in a host: not an address a browser would fetch either
        return None
    if not host:
        return None  # the site's own: {static}/images/..., a relative path
    if site_url and _under(parts, urlsplit(site_url)):
        return None
    if host in hosts and parts.scheme == "https":
        return None
    if host in hosts:
        return f"the image {src} is not loaded over https; write https://"
    return (
        f"the image {src} comes from another site ({host}), which would learn who reads the "
        "page and could change the picture after review: put the picture in content/images/ "
        "and write ![what it shows]({static}/images/<name>.png), or ask the site's maintainers "
        f"to add {host} to JOBPOSTING_IMAGE_HOSTS"
    )


def _under(parts, site) -> bool:
    """The address is inside the site: its scheme, host and port, below its path. Project
    sites of one owner share a host (owner.github.io/other-project/), so the path counts."""
    try:
        same_place = (parts.scheme, parts.hostname, parts.port) == (
            site.scheme, site.hostname, site.port,
        )  # fmt: skip
    except ValueError:  # a port that is not a number
        return False
    segments = unquote(parts.path).replace("\\", "/").split("/")
    return (
        same_place
        and (parts.path + "/").startswith(site.path.rstrip("/") + "/")
        and ".." not in segments
    )
