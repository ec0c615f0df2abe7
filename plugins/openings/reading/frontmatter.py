"""Front matter between `---` lines, parsed safely with the line of every value.

YAML 1.1 guesses types (`NO` is false, `0123` is 83, `12:30` is 750), so every scalar keeps the
text as written beside what YAML made of it; the validator decides what each field means.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import yaml

from ..core import rules
from ..core.text import clean_line
from . import limits, paste

try:  # libyaml's C loader where it is installed: big boards are read in much less time
    from yaml import CSafeLoader as SafeLoader
except ImportError:  # pragma: no cover - libyaml missing
    from yaml import SafeLoader


@dataclass(frozen=True, slots=True)
class Field:
    """One value of the front matter.

    `value` is what YAML made of it: for a mapping a dict of Fields, for a list a list of Fields.
    `text` is the scalar exactly as written (None for mappings and lists); `quoted` says whether it
    was in quotes, so `NO` (false) and `"NO"` (Norway) can be told apart. `line` is 1-based.
    """

    value: Any
    line: int
    text: str | None = None
    quoted: bool = False

    @property
    def is_mapping(self) -> bool:
        return isinstance(self.value, dict)

    @property
    def is_list(self) -> bool:
        return isinstance(self.value, list)

    @property
    def is_scalar(self) -> bool:
        # one isinstance() instead of the two properties: the validator asks 45,000 times a board
        return not isinstance(self.value, (dict, list))

    def plain(self) -> Any:
        """The value as plain Python (dicts, lists, scalars), for messages and exports."""
        if self.is_mapping:
            return {k: f.plain() for k, f in self.value.items()}
        if self.is_list:
            return [f.plain() for f in self.value]
        return self.value

    def __reduce__(self):
        # Pickled as its constructor's arguments: a read-ahead helper's results and a kept
        # build's cache hold about 26 Fields a posting, and dataclasses' own pickling of a
        # slotted class looks its fields up again for every object.
        return (Field, (self.value, self.line, self.text, self.quoted))


@dataclass(frozen=True)
class FrontMatterError:
    line: int | None
    message: str
    rule: str
    warning: bool = False  # reported, but the front matter was read


@dataclass(frozen=True)
class Document:
    """A Markdown file split into its front matter and body."""

    fields: dict[str, Field]
    body: str
    body_line: int  # the line the body starts on
    errors: tuple[FrontMatterError, ...]
    has_front_matter: bool
    # key -> lines where a key was repeated; YAML keeps the last silently, we do not.
    duplicates: dict[str, tuple[int, ...]]
    # what was read, but repaired on the way (an invisible character in a field name)
    warnings: tuple[FrontMatterError, ...] = ()


def split(text: str) -> tuple[str | None, str, int, int]:
    """Return (yaml_text or None, body, yaml_first_line, body_first_line).

    The front matter starts with `---` on the first line and ends at the next `---` (or `...`).
    """
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return None, text, 0, 1
    for index in range(1, len(lines)):
        if lines[index].rstrip() in ("---", "..."):
            yaml_text = "\n".join(lines[1:index])
            body = "\n".join(lines[index + 1 :])
            return yaml_text, body, 2, index + 2
    return "\n".join(lines[1:]), "", 2, -1


def parse(text: str, max_fields: int | None = None) -> Document:
    """Parse a whole file. Never raises for anything a person can type.

    Front matter with more than `max_fields` fields is refused before a field is built."""
    yaml_text, body, yaml_line, body_line = split(text)
    if yaml_text is None:
        return Document({}, body, 1, (), False, {})
    errors: list[FrontMatterError] = []
    if body_line == -1:
        errors.append(
            FrontMatterError(
                1,
                "the front matter starts with --- on line 1 but never ends; add a line with "
                "only --- after the last field, then the description",
                rules.FRONT_MATTER_UNCLOSED,
            )
        )
        return Document({}, "", len(text.split("\n")), tuple(errors), True, {})
    pasted = paste.front_matter_problems(yaml_text, yaml_line)
    if pasted:  # said where they are: YAML would misread the line and complain lines later
        errors += [FrontMatterError(line, message, rule) for line, message, rule in pasted]
        return Document({}, body, body_line, tuple(errors), True, {})
    fields, duplicates = {}, {}
    try:
        node, refused = _compose_checked(yaml_text, yaml_line)
        if refused is not None:
            return Document({}, body, body_line, (refused,), True, {})
    except yaml.YAMLError as exc:
        errors.append(_yaml_error(exc, yaml_line, yaml_text))
        return Document({}, body, body_line, tuple(errors), True, {})
    if node is None:
        return Document({}, body, body_line, (), True, {})
    if not isinstance(node, yaml.MappingNode):
        hint = (
            ": remove the - at the start of each line"
            if isinstance(node, yaml.SequenceNode)
            else ", e.g. title: Backend Developer"
        )
        errors.append(
            FrontMatterError(
                yaml_line + node.start_mark.line,
                f"the front matter must be `field: value` lines, one field per line{hint}",
                rules.NOT_MAPPING,
            )
        )
        return Document({}, body, body_line, tuple(errors), True, {})
    if max_fields is not None and len(node.value) > max_fields:
        first_extra = yaml_line + node.value[max_fields][0].start_mark.line
        message = limits.too_many_fields(len(node.value), max_fields)
        refused = FrontMatterError(first_extra, message, rules.LIMIT_FIELDS)
        return Document({}, body, body_line, (refused,), True, {})
    builder = _Builder(yaml_line, errors)
    for key_node, value_node in node.value:
        key = builder.key(key_node)
        if key is None:
            continue
        if key in fields:
            duplicates.setdefault(key, (fields[key].line,))
            duplicates[key] += (yaml_line + key_node.start_mark.line,)
        fields[key] = builder.build(value_node, yaml_line + key_node.start_mark.line)
    return Document(
        fields, body, body_line, tuple(errors), True, duplicates, tuple(builder.warnings)
    )


# Front matter is a few levels deep (salary: {min: ...}; locations: [{city: ...}]). Deeper nesting
# is a mistake or an attack: libyaml's composer recurses in C and crashes the process on about
# 100,000 nested brackets, and the builder below recurses in Python.
MAX_DEPTH = 20
# the events that can carry an anchor (an alias's `anchor` is the name it repeats)
_NODE_EVENTS = frozenset({yaml.AliasEvent, yaml.ScalarEvent, yaml.MappingStartEvent,
                          yaml.SequenceStartEvent})  # fmt: skip
_COLLECTION_STARTS = frozenset({yaml.MappingStartEvent, yaml.SequenceStartEvent})
_COLLECTION_ENDS = frozenset({yaml.MappingEndEvent, yaml.SequenceEndEvent})


def _refuse_expansion(yaml_text: str, first_line: int) -> FrontMatterError | None:
    """Anchors, aliases and deep nesting, found in the event stream before anything is built.

    An alias (`*name`) repeats a value marked `&name`; aliases of aliases grow exponentially
    ("billion laughs": a few lines that expand to gigabytes), and a value can even contain
    itself. A posting never needs them, so they are refused with the line they are on.
    libyaml's event parser keeps its own stack, so reading events is safe at any depth.
    """
    depth = 0
    for event in yaml.parse(yaml_text, Loader=SafeLoader):
        # by exact type, not isinstance() and getattr(): this runs on every event of every file
        kind = type(event)
        if kind in _NODE_EVENTS and event.anchor:
            mark = f"*{event.anchor}" if kind is yaml.AliasEvent else f"&{event.anchor}"
            return FrontMatterError(
                first_line + event.start_mark.line,
                f"{mark}: YAML anchors (&name) and aliases (*name) are not allowed in front "
                "matter; write the value out in full (a value starting with & or * needs quotes)",
                rules.YAML_ALIAS,
            )
        if kind in _COLLECTION_STARTS:
            depth += 1
            if depth > MAX_DEPTH:
                return _too_deep(first_line + event.start_mark.line)
        elif kind in _COLLECTION_ENDS:
            depth -= 1
    return None


def _too_deep(line: int) -> FrontMatterError:
    return FrontMatterError(
        line,
        f"the front matter is nested more than {MAX_DEPTH} levels deep; a posting's "
        "fields are at most a few levels deep (salary: {min: ..., max: ...})",
        rules.YAML_DEPTH,
    )


# Every collection YAML opens needs one of these characters (a flow bracket, a list's dash, a
# key's colon or question mark), so their count bounds how deep a text can nest.
_OPENERS = "[{-?:"
COMPOSE_SAFE_OPENERS = 1000


def _compose_checked(yaml_text: str, first_line: int):
    """(node, None), or (None, what _refuse_expansion refuses); raises YAMLError as compose does.

    Reading every event in Python before composing would be most of the front matter's work.
    Text without & or * has no anchor or alias, and with few openers cannot nest deep enough to
    harm libyaml's composer: it is composed first, and its depth read from the nodes.
    """
    if (
        "&" not in yaml_text
        and "*" not in yaml_text
        and sum(map(yaml_text.count, _OPENERS)) <= COMPOSE_SAFE_OPENERS
    ):
        try:
            node = yaml.compose(yaml_text, Loader=SafeLoader)
        except yaml.YAMLError:
            pass  # the events below find the same error, or something to refuse before it
        else:
            refused = _first_too_deep(node, first_line)
            return (None, refused) if refused else (node, None)
    refused = _refuse_expansion(yaml_text, first_line)
    if refused is not None:
        return None, refused
    return yaml.compose(yaml_text, Loader=SafeLoader), None


def _first_too_deep(node: yaml.Node | None, first_line: int) -> FrontMatterError | None:
    """The first collection, in the text's order, nested deeper than MAX_DEPTH (as the events)."""
    stack = [(node, 1)] if node is not None else []
    while stack:
        current, depth = stack.pop()
        if isinstance(current, yaml.ScalarNode):
            continue
        if depth > MAX_DEPTH:
            return _too_deep(first_line + current.start_mark.line)
        if isinstance(current, yaml.MappingNode):
            children = [child for pair in current.value for child in pair]
        else:
            children = current.value
        stack.extend((child, depth + 1) for child in reversed(children))
    return None


def _yaml_error(exc: yaml.YAMLError, first_line: int, text: str = "") -> FrontMatterError:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    problem = getattr(exc, "problem", None) or str(exc)
    context = getattr(exc, "context", None) or ""
    if isinstance(exc, yaml.reader.ReaderError):
        # a character YAML refuses (NUL, other control characters): no mark, only a position
        line = first_line + text[: exc.position].count("\n")
        return FrontMatterError(
            line,
            f"the front matter contains the invisible control character "
            f"U+{exc.character:04X}, which YAML does not allow; delete it (it comes from pasting)",
            rules.YAML,
        )
    if "quoted scalar" in context and exc.context_mark is not None:
        # YAML notices a missing closing quote only at the end; the quote opens here
        mark = exc.context_mark
        problem = "a quote opens on this line and is never closed"
        hint = "; add the closing quote at the end of the value"
    else:
        hint = _yaml_hint(problem)
    line = first_line + mark.line if mark is not None else None
    return FrontMatterError(
        line, f"the front matter is not valid YAML: {problem}{hint}", rules.YAML
    )


def _yaml_hint(problem: str) -> str:
    if "mapping values are not allowed" in problem:
        return " (a value contains ': ' — put the whole value in double quotes)"
    if "found character '\\t'" in problem or "tab" in problem:
        return " (indent with spaces, not tabs)"
    if "could not find expected ':'" in problem:
        return " (every line needs `field: value`; check the line above too)"
    if "did not find expected key" in problem or "expected <block end>" in problem:
        return " (check the indentation, and that quotes are closed)"
    if (
        "found undefined alias" in problem
        or "found unknown escape" in problem
        or "expected alphabetic or numeric character" in problem
    ):
        return " (a value starting with * or & or containing \\ needs double quotes)"
    return ""


_TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"
_STR_TAG = "tag:yaml.org,2002:str"


class _Builder:
    """Turns PyYAML nodes into Fields, keeping each value's line and original text."""

    def __init__(self, first_line: int, errors: list[FrontMatterError]):
        self.first_line = first_line
        self.errors = errors
        self.warnings: list[FrontMatterError] = []
        self.constructor = SafeLoader("")  # only its construct_* methods are used

    def line_of(self, node: yaml.Node) -> int:
        return self.first_line + node.start_mark.line

    def key(self, node: yaml.Node) -> str | None:
        if isinstance(node, yaml.ScalarNode):
            written = str(node.value)
            if written.isascii() and written.isidentifier():
                return written  # date_posted: nothing for clean_line to fold or remove
            key = clean_line(written)
            if key != written.strip():
                # pasted names carry zero-width or non-breaking spaces; the name still counts
                self.warnings.append(
                    FrontMatterError(
                        self.line_of(node),
                        f"the field name {written!r} contains invisible or non-breaking "
                        f"characters; it was read as {key!r}: retype the name",
                        rules.INVISIBLE_CHARACTER,
                        warning=True,
                    )
                )
            return key
        self.errors.append(
            FrontMatterError(self.line_of(node), "a field name must be a plain word", rules.YAML)
        )
        return None

    def build(self, node: yaml.Node, line: int | None = None) -> Field:
        line = line if line is not None else self.line_of(node)
        if isinstance(node, yaml.MappingNode):
            items: dict[str, Field] = {}
            for key_node, value_node in node.value:
                key = self.key(key_node)
                if key is not None:
                    items[key] = self.build(value_node, self.line_of(key_node))
            return Field(items, line)
        if isinstance(node, yaml.SequenceNode):
            return Field([self.build(item) for item in node.value], line)
        return Field(self.scalar(node), line, str(node.value), node.style in ("'", '"'))

    def scalar(self, node: yaml.ScalarNode) -> Any:
        if node.tag == _STR_TAG:
            return node.value  # what SafeConstructor.construct_yaml_str returns, for 2 in 3 values
        try:
            value = self.constructor.construct_object(node, deep=True)
        except (yaml.YAMLError, ValueError, OverflowError):
            # e.g. a timestamp-looking value that is not a real date (2026-02-30)
            return str(node.value)
        if node.tag == _TIMESTAMP_TAG and isinstance(value, dt.datetime) and value.tzinfo:
            return value
        return value


def parse_yaml(text: str) -> tuple[Field | None, tuple[FrontMatterError, ...]]:
    """A whole YAML file (the data files) as one Field, with the same line-keeping rules."""
    errors: list[FrontMatterError] = []
    try:
        refused = _refuse_expansion(text, 1)
        if refused is not None:
            return None, (refused,)
        node = yaml.compose(text, Loader=SafeLoader)
    except yaml.YAMLError as exc:
        return None, (_yaml_error(exc, 1, text),)
    if node is None:
        return None, ()
    field = _Builder(1, errors).build(node)
    return field, tuple(errors)
