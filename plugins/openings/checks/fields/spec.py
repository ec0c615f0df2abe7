"""What one field of a posting's front matter is: the declaration everything else is made from.

Each family module (dates.py, job.py, place.py, pay.py, apply.py, organization.py, text.py)
declares its fields as FieldSpec values next to the functions that check them. The validator
runs those checks, schema.py writes the JSON Schema from them, errordocs.py lists them in
docs/errors.md, render/jsonld.py writes the JSON-LD from them, and the importer maps other
systems' names through them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ...core.model import JobPosting
from .jsonldparts import as_is


@dataclass(frozen=True)
class FieldSpec:
    name: str  # as written in the front matter
    kind: str  # in words, for the docs: "date", "text", "one or a list of types"
    doc: str  # one line for HR
    check: Callable[[Any], Any]  # (Checker) -> the value the posting model gets
    schema: dict  # its JSON Schema
    example: str  # a value as written after "name: "
    aliases: tuple[str, ...] = ()  # names people write instead; reported with "did you mean"
    source_names: tuple[str, ...] = ()  # other systems' names, which `openings import` maps too
    jsonld: str | None = None  # the schema.org JobPosting property it becomes
    # (the field's value, the posting) -> that property's value; None leaves it out
    jsonld_value: Callable[[Any, JobPosting], Any] = as_is
    required: bool = False  # every posting needs it ("is required"), drafts too
    recommended: str | None = None  # advice when it is left out (Google recommends it)
    attribute: str = ""  # the JobPosting attribute, when its name differs
    schema_defs: dict = field(default_factory=dict)  # shared parts its schema refers to

    @property
    def model_attribute(self) -> str:
        return self.attribute or self.name
