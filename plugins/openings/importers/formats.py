"""Which reader a source file needs (JSON from Greenhouse or Lever, Jekyll/Hugo front matter in
TOML or YAML, Pelican's headers, or plain text), and the Drafts it reads from it."""

from __future__ import annotations

import json

from . import greenhouse, lever, pelicanmarkdown, plaintext, sources, staticsite
from .draft import Draft, Unreadable
from .mapper import TargetSite


def drafts_of(path: str, site: TargetSite) -> list[Draft]:
    text = sources.read(path)
    kind = format_of(text)
    if kind == "json":
        return _json_drafts(text, site)
    if kind == "toml":
        return staticsite.read_toml(text)
    if kind == "yaml":
        return staticsite.read_yaml(text)
    if kind == "pelican":
        return pelicanmarkdown.read(text)
    return plaintext.read(text)


def format_of(text: sources.Text) -> str:
    """Which reader a file needs: json, toml, yaml, pelican or text."""
    start = text.text.lstrip()
    if text.suffix == ".json" or start.startswith("{") or _json_list(start):
        return "json"
    first = text.text.split("\n", 1)[0].strip()
    if first == "+++":
        return "toml"
    if first == "---":
        return "yaml"
    if pelicanmarkdown.has_headers(text.text):
        return "pelican"
    return "text"


def _json_list(start: str) -> bool:
    return start.startswith("[") and start[1:].lstrip()[:1] in ("{", "]")


def _json_drafts(text: sources.Text, site: TargetSite) -> list[Draft]:
    try:
        parsed = json.loads(text.text)
    except json.JSONDecodeError as exc:
        raise Unreadable(
            f"is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg}); "
            "save the API's answer again, whole"
        ) from None
    if parsed in ([], {"jobs": []}):
        raise Unreadable("has no jobs in it")
    if greenhouse.looks_like(parsed):
        return greenhouse.read(parsed, text.path, text.notes)
    if lever.looks_like(parsed):
        return lever.read(parsed, text.path, text.notes, site.timezone)
    raise Unreadable(
        'is JSON, but not a Greenhouse job-board export (a job, or {"jobs": [...]}) nor a '
        "Lever postings export (a posting, or a list of them)"
    )
