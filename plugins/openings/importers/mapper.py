"""The front matter `openings import` writes for one posting, as it is put together.

A Mapper holds the source's fields by the field of ours each one means (fieldnames.py), and
what is written so far: our fields, the values marked for HR (`imported_<name>` with a TODO), and
the source's fields that have no place here (kept as a comment). The mapping*.py modules fill it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from ..checks.data import Department
from ..core.model import Address
from .draft import Draft
from .fieldnames import ORDER
from .values import inline, is_empty, plain

_TODO_END = "then delete this line"

KEPT_INTRO = (
    "The old posting also had these fields, which have no field here. Move what candidates need "
    "to know into the text below, then delete these lines:"
)


@dataclass(frozen=True)
class TargetSite:
    """What mapping needs to know about this site."""

    today: dt.date
    timezone: dt.tzinfo
    offices: dict[str, Address] = field(default_factory=dict)
    departments: tuple[Department, ...] = ()
    organization: str | None = None
    default_lang: str | None = None


@dataclass
class WrittenField:
    """One line (or block) of the written front matter."""

    name: str
    value: Any  # None is written as an empty field, for HR to fill in
    comment: str | None = None
    todo: bool = False


class Mapper:
    def __init__(self, draft: Draft, site: TargetSite):
        self.draft = draft
        self.site = site
        self.entries: dict[str, WrittenField] = {}
        self.marked: list[tuple[str, WrittenField]] = []  # (the field it belongs after, entry)
        self.by_target: dict[str, list[tuple[str, Any]]] = {}
        self.kept: list[tuple[str, Any]] = []  # fields with no place here, kept as comments
        self.salary_text = ""  # the pay as the source wrote it: "$" or "US$"

    def kept_entry(self) -> list[WrittenField]:
        """Source fields with no field here: kept as commented lines, for HR to move into the
        text if candidates need them. A comment, so the posting validates as it is."""
        if not self.kept:
            return []
        lines = "\n".join(f"{name}: {inline(value)}" for name, value in self.kept)
        return [WrittenField("", lines, KEPT_INTRO)]

    def ordered(self) -> list[WrittenField]:
        result = []
        for name in ORDER:
            if name in self.entries:
                result.append(self.entries[name])
            result += [entry for after, entry in self.marked if after == name]
        result += [entry for after, entry in self.marked if after not in ORDER]
        return result + self.kept_entry()

    def take(self, target: str) -> tuple[str, Any] | None:
        """The first source field meaning `target`; any further ones are marked."""
        given = [(k, v) for k, v in self.by_target.get(target, []) if not is_empty(v)]
        if not given:
            return None
        first, *others = given
        for key, value in others:
            self.mark(key, value, target, f"{first[0]!r} already gave {target}: if this value "
                      f"is the right one, write it as {target} instead")  # fmt: skip
        return first

    def put(self, name: str, value: Any, comment: str | None = None, todo: bool = False) -> None:
        self.entries[name] = WrittenField(name, value, comment, todo)

    def mark(self, key: str, value: Any, after: str | None, why: str) -> None:
        """Keep a value HR must decide about, as a field the validator reports."""
        if key == "text":
            return  # a proposal from the text that does not read as the field: the text has it
        name = key if key.startswith("imported_") else f"imported_{key}"
        while any(entry.name == name for _, entry in self.marked):
            name += "_2"
        self.marked.append(
            (after or "", WrittenField(name, plain(value), f"{why}; {_TODO_END}", True))
        )

    def missing(self, name: str, advice: str) -> None:
        """A required field the source did not give: written empty, with what to write."""
        self.put(name, None, advice, todo=True)
