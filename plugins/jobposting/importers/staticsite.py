"""Postings from other static sites: Jekyll or Hugo YAML front matter (`---`), Hugo TOML (`+++`).

YAML is read with our own front-matter parser, which keeps each value as written: the old site's
`country: NO` stays Norway and `ref: 0123` stays 0123 instead of YAML 1.1's false and 83. Hugo's
custom fields under `[params]` count like top-level ones.
"""

from __future__ import annotations

import tomllib
from typing import Any

from .. import frontmatter
from .draft import Draft, Unreadable
from .html import demote_headings
from .plaintext import split_title
from .sources import Text


def read_yaml(text: Text) -> list[Draft]:
    doc = frontmatter.parse(text.text)
    if doc.errors:
        error = doc.errors[0]
        where = f" (line {error.line})" if error.line else ""
        raise Unreadable(f"{error.message}{where}; fix it in the old file, then import it again")
    fields = {name: _value(value) for name, value in doc.fields.items()}
    return [_draft(text, fields, doc.body)]


def read_toml(text: Text) -> list[Draft]:
    lines = text.text.split("\n")
    end = next((i for i in range(1, len(lines)) if lines[i].strip() == "+++"), None)
    if end is None:
        raise Unreadable("the +++ front matter never ends: add a line with only +++ after it")
    try:
        fields = tomllib.loads("\n".join(lines[1:end]))
    except tomllib.TOMLDecodeError as exc:
        raise Unreadable(f"the +++ front matter is not valid TOML: {exc}") from None
    return [_draft(text, fields, "\n".join(lines[end + 1 :]))]


def _draft(text: Text, fields: dict[str, Any], body: str) -> Draft:
    draft = Draft(origin=text.path, key=f"file:{text.path}", notes=list(text.notes))
    params = fields.pop("params", None)
    if isinstance(params, dict):
        fields = {**fields, **{k: v for k, v in params.items() if k not in fields}}
    draft.fields = fields
    if not any(str(k).lower() == "title" and v for k, v in fields.items()):
        draft.title, body = split_title(body)
    draft.body = demote_headings(body.strip("\n"))
    return draft


def _value(field: frontmatter.Field) -> Any:
    """What the old site meant: YAML's guesses undone where the text says otherwise."""
    if field.is_mapping:
        return {key: _value(item) for key, item in field.value.items()}
    if field.is_list:
        return [_value(item) for item in field.value]
    value, text = field.value, field.text or ""
    if isinstance(value, bool) and text.lower() not in ("true", "false"):
        return text  # NO, yes, on: kept as written; mapping reads yes/no where it means that
    if isinstance(value, int | float) and not isinstance(value, bool) and str(value) != text:
        return text  # 0123, 12:30, 1_000: the digits as written
    return value
