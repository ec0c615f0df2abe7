"""An imported posting as a file: YAML front matter with comments, then the Markdown body.

PyYAML writes every value, so strings YAML would misread come back quoted ('NO', '0123',
'12:30', '2026-01-01' when it is text, 'London: UK'); lists of plain values are written on one
line ([berlin, london]) and salary as a block, as in the sample postings. Comments go above the
field they are about, where HR looks when the validator names that line.
"""

from __future__ import annotations

import textwrap
from decimal import Decimal
from typing import Any

import yaml

from .mapper import WrittenField

SOURCE_PREFIX = "# Import source: "
_WIDTH = 98


class _Dumper(yaml.SafeDumper):
    pass


def _represent_list(dumper: yaml.SafeDumper, data: list) -> yaml.Node:
    flat = all(not isinstance(item, dict | list) for item in data)
    return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=flat)


def _represent_decimal(dumper: yaml.SafeDumper, data: Decimal) -> yaml.Node:
    number = int(data) if data == data.to_integral_value() else float(data)
    return dumper.represent_data(number)


def _represent_text(dumper: yaml.SafeDumper, data: str) -> yaml.Node:
    # several lines (an old posting's "benefits" field) stay readable as a block
    style = "|" if "\n" in data.strip("\n") else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)


_Dumper.add_representer(list, _represent_list)
_Dumper.add_representer(str, _represent_text)
_Dumper.add_representer(Decimal, _represent_decimal)


def render(entries: list[WrittenField], body: str, header: list[str], kept: list[str] = ()) -> str:
    """`kept`: comment lines written as they are (the first wrapped), after the header."""
    lines = ["---"]
    for text in header:
        lines += _comment(text)
    for index, text in enumerate(kept):
        lines += _comment(text) if index == 0 else [text]
    for entry in entries:
        if not entry.name:  # lines kept from the source, as comments only
            lines += _comment(entry.comment or "")
            lines += [f"#   {line}" for line in str(entry.value).split("\n")]
            continue
        if entry.comment:
            lines += _comment(entry.comment, todo=entry.todo)
        lines.append(field(entry.name, entry.value))
    lines.append("---")
    return "\n".join(lines) + "\n\n" + body.strip("\n") + "\n"


def field(name: str, value: Any) -> str:
    """One field as YAML: `name: value`, or `name:` alone for HR to fill in."""
    if value is None:
        return f"{name}:"
    text = yaml.dump(
        {name: value},
        Dumper=_Dumper,
        default_flow_style=False,
        sort_keys=False,
        allow_unicode=True,
        width=10_000,
    )
    return text.rstrip("\n")


def _comment(text: str, todo: bool = False) -> list[str]:
    label = "TODO: " if todo else ""
    wrapped = textwrap.wrap(
        label + " ".join(text.split()),
        width=_WIDTH,
        initial_indent="# ",
        subsequent_indent="#   " if todo else "# ",
        break_on_hyphens=False,
        break_long_words=False,  # a path or address stays whole
    )
    return wrapped or ["#"]
