"""SVG drawings in content/images/ are published only as svg-hush has filtered them.

An SVG file is a document, not only a picture: opened on its own it runs its scripts and event
handlers with the site's address, and it can load other sites' resources. Cloudflare's svg-hush
(Rust, through py-svg-hush) keeps the elements and attributes of drawings only, and makes every
reference a same-site path; a file it cannot read as SVG is refused. The filtered drawing is
what the site gets, written in place of Pelican's copy of the file.
"""

from __future__ import annotations

import os

from py_svg_hush import filter_svg

from ..core import rules
from ..core.problems import Problem, Severity
from ..reading.postingfile import report_path

# data: URLs a drawing may embed: raster images; any other (an HTML page, a script) is dropped
KEEP_DATA_URLS = {"image": ["png", "jpeg", "gif", "webp"]}


def is_svg(path: str) -> bool:
    return path.lower().endswith(".svg")


def clean(static_files, content_root: str) -> tuple[dict[str, bytes], list[Problem]]:
    """The filtered bytes of each SVG among Pelican's static files (by source path), and an
    error for each file that is not a drawing svg-hush can read."""
    cleaned, problems = {}, []
    for static in static_files:
        if not is_svg(static.source_path):
            continue
        full = os.path.join(content_root, static.source_path)
        try:
            with open(full, "rb") as handle:
                cleaned[static.source_path] = filter_svg(handle.read(), KEEP_DATA_URLS)
        except (OSError, ValueError, TypeError) as exc:
            message = (
                f"is not an SVG drawing the site can read ({exc}): export it again as SVG (or as "
                "PNG) from the program that made it"
            )
            problems.append(
                Problem(report_path(full), None, None, message, Severity.ERROR, rules.STATIC_TYPE)
            )
    return cleaned, problems


def write_cleaned(generator, cleaned: dict[str, bytes]) -> None:
    """The static generator writes the filtered drawings; every other file as Pelican does."""
    original = generator._link_or_copy_staticfile

    def link_or_copy(static) -> None:
        data = cleaned.get(static.source_path)
        if data is None:
            original(static)
            return
        save_as = os.path.join(generator.output_path, static.save_as)
        generator._mkdir(os.path.dirname(save_as))
        if os.path.lexists(save_as):  # a link to the source (STATIC_CREATE_LINKS) is not reused
            os.unlink(save_as)
        with open(save_as, "wb") as out:
            out.write(data)

    generator._link_or_copy_staticfile = link_or_copy
