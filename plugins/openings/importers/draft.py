"""What every reader of a foreign format hands on: one job, in the source's own terms."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Draft:
    """One job as read from a source, before its fields are mapped to ours.

    `fields` keeps the source's field names (mapping.py knows which of ours each one means) in the
    source's order; `body` is Markdown. `origin` names the job for people ("jobs.json, Greenhouse
    job 4012345"); `key` identifies it across imports ("greenhouse:4012345"), so importing the
    same job again finds the file it went to. `left_out` lists what the source had that no
    posting needs (the old site's layout, Lever's owner...), to be said in the file, not dropped
    silently. `notes` are what reading it changed (encoding, garbled characters).
    """

    origin: str
    key: str
    title: str | None = None
    body: str = ""
    fields: dict[str, Any] = field(default_factory=dict)
    left_out: dict[str, Any] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    # why a source field needs HR, where the reader knows better than "no field here"
    hints: dict[str, str] = field(default_factory=dict)
    # (code, how it was found: "path" or the detector's name) when the fields give no language
    lang: tuple[str, str] | None = None
    apply_links: list[str] = field(default_factory=list)  # "Apply" links in the text
    old_front_matter: list[str] = field(default_factory=list)  # unreadable YAML, kept as comments
    title_as_written: str | None = None  # before cleaning: "[Closed] Engineer" says closed
    # fields the text states ("Salary: ..."): {field: (value, the line)}, proposed to HR
    text_facts: dict[str, tuple[str, str]] = field(default_factory=dict)


class Unreadable(Exception):
    """A source that cannot be imported at all; the message is one line for HR."""
