"""Postings from other static sites: Jekyll or Hugo YAML front matter (`---`), Hugo TOML (`+++`).

YAML is read with our own front-matter parser, which keeps each value as written: the old site's
`country: NO` stays Norway and `ref: 0123` stays 0123 instead of YAML 1.1's false and 83. Hugo's
custom fields under `[params]` count like top-level ones.
"""

from __future__ import annotations

import re
import tomllib
from typing import Any

from ..reading import frontmatter
from .draft import Draft, Unreadable
from .htmltomarkdown import demote_headings
from .plaintext import split_title
from .sources import Text


def read_yaml(text: Text) -> list[Draft]:
    doc = frontmatter.parse(text.text)
    if doc.errors:
        return [_broken(text, doc.errors[0])]
    fields = {name: _value(value) for name, value in doc.fields.items()}
    return [_draft(text, fields, doc.body)]


def _broken(text: Text, error) -> Draft:
    """Front matter YAML cannot read: the text is imported all the same, and the old front
    matter kept as comments, with a TODO at the line that failed, for HR to copy values from."""
    lines = text.text.split("\n")
    end = next((i for i in range(1, len(lines)) if lines[i].strip() == "---"), None)
    where = f" (line {error.line})" if error.line else ""
    if end is None:
        raise Unreadable(f"{error.message}{where}; fix it in the old file, then import it again")
    draft = _draft(text, _readable_part(lines[: end + 1], error.line), "\n".join(lines[end + 1 :]))
    old = []
    for number, line in enumerate(lines[1:end], start=2):
        if number == error.line:
            old.append(f"# | TODO: YAML could not read the next line ({error.message}); copy what "
                       "it says into the fields below, then delete this block")  # fmt: skip
        old.append(f"# | {line}")
    draft.old_front_matter = [
        (
            f"The old front matter{where} could not be read: {error.message}. It is kept "
            "below; the lines YAML could read are imported below; copy the rest, then delete "
            "these lines."
        ),
        *old,
    ]
    title = re.search(r"^title:\s*['\"]?(.+?)['\"]?\s*$", "\n".join(lines[1:end]), re.MULTILINE)
    if title and not draft.title:
        draft.title = title.group(1)
    return draft


def _readable_part(lines: list[str], failed: int | None) -> dict[str, Any]:
    """The fields of the front matter without the lines YAML cannot read (a few at most)."""
    dropped = set()
    for _ in range(5):
        if failed is None or failed in dropped:
            return {}
        dropped.add(failed)
        kept = [line if n + 1 not in dropped else "" for n, line in enumerate(lines)]
        doc = frontmatter.parse("\n".join(kept) + "\n")
        if not doc.errors:
            return {name: _value(value) for name, value in doc.fields.items()}
        failed = doc.errors[0].line
    return {}


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
