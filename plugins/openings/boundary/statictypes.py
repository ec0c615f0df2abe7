"""Which files the site publishes (images, fonts, PDF), known by name and by content.

A static file is copied to the site byte for byte and served with the type its extension names.
HTML and JavaScript would run scripts with the site's own address, so only types a browser never
runs are allowed, and a file must start the way its type does: an `.png` that is really an HTML
page is refused too. SVG drawings, which can hold scripts, are published filtered (svgfiles.py).
"""

from __future__ import annotations

import os

# extension -> the ways a file of that type may start (its "magic" bytes)
SIGNATURES: dict[str, tuple[bytes, ...]] = {
    "png": (b"\x89PNG\r\n\x1a\n",),
    "jpg": (b"\xff\xd8\xff",),
    "jpeg": (b"\xff\xd8\xff",),
    "gif": (b"GIF87a", b"GIF89a"),
    "webp": (b"RIFF",),  # then four bytes of size and WEBP, checked below
    "avif": (b"",),  # an ISO media box: four bytes of size, then ftyp, checked below
    "ico": (b"\x00\x00\x01\x00",),
    "woff": (b"wOFF",),
    "woff2": (b"wOF2",),
    "ttf": (b"\x00\x01\x00\x00", b"true"),
    "otf": (b"OTTO",),
    "pdf": (b"%PDF-",),
    "svg": (b"",),  # published only as svg-hush filters it, which reads it whole (svgfiles.py)
}
DEFAULT_TYPES = tuple(SIGNATURES)
REFUSED_HINTS = {"svgz": "save the drawing uncompressed, as .svg"}


def extension(path: str) -> str:
    return os.path.splitext(path)[1].lstrip(".").lower()


def allowed(path: str, types=DEFAULT_TYPES) -> bool:
    return extension(path) in types


def why_refused(path: str, types=DEFAULT_TYPES) -> str | None:
    """None for a file the site may publish as it is; else what is wrong, for HR."""
    kind = extension(path)
    if kind not in types:
        hint = REFUSED_HINTS.get(kind) or (
            "only images (PNG, JPEG, GIF, WebP, AVIF, ICO, SVG), fonts (WOFF, WOFF2, TTF, OTF) "
            "and PDF are published"
        )
        shown = f"a .{kind} file" if kind else "a file without an extension"
        return f"{shown} is not published: {hint}"
    if not os.path.isfile(path):  # a pipe or a device would never end (git carries neither)
        return "is not a regular file"
    try:
        with open(path, "rb") as handle:
            start = handle.read(16)
    except OSError as exc:
        return f"cannot be read ({exc.strerror or exc})"
    if not _starts_as(kind, start):
        return (
            f"the file is named .{kind} but its content is not a {kind.upper()} file: export it "
            f"again from the program that made it"
        )
    return None


def _starts_as(kind: str, start: bytes) -> bool:
    if kind == "webp":
        return start[:4] == b"RIFF" and start[8:12] == b"WEBP"
    if kind == "avif":
        return start[4:8] == b"ftyp"
    return any(start.startswith(magic) for magic in SIGNATURES.get(kind, (b"",)))
