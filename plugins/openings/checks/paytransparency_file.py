"""content/data/pay_transparency.yml -> the laws it lists, with a message for every mistake in it
(the line, what is wrong, what to write), so counsel and HR can edit it by hand.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Iterable
from pathlib import Path

import pycountry
import yaml

from .paytransparency import REMOTE_ROLES, REQUIRES, SEVERITIES, Jurisdiction

try:  # libyaml's C loader where it is installed; the marks (line numbers) are the same
    from yaml import CSafeLoader as SafeLoader
except ImportError:  # pragma: no cover - libyaml missing
    from yaml import SafeLoader

_ENTRY_KEYS = (
    "id",
    "name",
    "applies_to",
    "law",
    "effective",
    "employers",
    "remote_roles",
    "requires",
    "severity",
    "source",
    "source_note",
    "notes",
)
_REQUIRED_KEYS = _ENTRY_KEYS[:9]
_APPLIES_TO_KEYS = ("country", "countries", "region", "locality", "also_called")
_EMPLOYERS_KEYS = ("min_employees",)
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

LoadProblem = tuple[int | None, str]  # (line, message)


def load(path) -> tuple[tuple[Jurisdiction, ...], list[LoadProblem]]:
    """Read and check the rules file. Never raises for its content.

    Returns the valid rules and a list of (line, message) problems in plain words; an entry with
    a problem is left out. A missing file gives no rules and no problems.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return (), []
    except (OSError, UnicodeDecodeError) as exc:
        return (), [(None, f"the file could not be read: {exc}")]
    return loads(text)


def loads(text: str) -> tuple[tuple[Jurisdiction, ...], list[LoadProblem]]:
    """`load`, from the text of the file."""
    problems: list[LoadProblem] = []
    try:
        root = yaml.compose(text, Loader=SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = mark.line + 1 if mark else None
        what = getattr(exc, "problem", None) or str(exc)
        return (), [(line, f"this is not valid YAML ({what}); check indentation and colons")]
    if root is None:
        return (), []
    if not isinstance(root, yaml.SequenceNode):
        return (), [
            (
                _line(root),
                "the file must be a list of jurisdictions, each starting with `- id: ...`",
            )
        ]
    rules: list[Jurisdiction] = []
    seen: dict[str, int] = {}
    for node in root.value:
        rule = _entry(node, problems)
        if rule is None:
            continue
        if rule.id in seen:
            problems.append(
                (
                    rule.line,
                    f"{rule.id}: id: already used on line {seen[rule.id]}; ids must be unique",
                )
            )
            continue
        seen[rule.id] = rule.line or 0
        rules.append(rule)
    return tuple(rules), problems


def _line(node) -> int:
    return node.start_mark.line + 1


def _entry(node, problems: list[LoadProblem]) -> Jurisdiction | None:
    if not isinstance(node, yaml.MappingNode):
        problems.append((_line(node), "each jurisdiction must be a set of `key: value` lines"))
        return None
    ident = next(
        (_text(v) for k, v in node.value if isinstance(k, yaml.ScalarNode) and k.value == "id"),
        None,
    )
    where = f"{ident}: " if ident else f"the jurisdiction on line {_line(node)}: "
    before = len(problems)

    def add(at, key: str, message: str) -> None:
        """Record a problem at a node's line, or (None) at the entry's first line."""
        line = _line(at) if at is not None else _line(node)
        problems.append((line, f"{where}{key}: {message}" if key else f"{where}{message}"))

    fields = _mapping(node, _ENTRY_KEYS, "", add)
    for key in _REQUIRED_KEYS:
        if key not in fields:
            add(None, key, f"missing; every jurisdiction needs `{key}:`")
    if "source" not in fields and "source_note" not in fields:
        add(
            None,
            "source",
            "missing; give the page the facts were read from, "
            "or `source_note: not verified with a published source`",
        )

    if ident is not None and not _ID.match(ident):
        add(
            fields["id"],
            "id",
            f'"{ident}" must be lower-case letters, digits and dashes, like us-co',
        )
    for key in ("name", "law", "notes", "source_note"):
        if key in fields and not _text(fields[key]):
            add(fields[key], key, "must be some text")

    countries, region, locality, also_called = _applies_to(fields.get("applies_to"), add)
    effective = _effective(fields.get("effective"), add)
    min_employees = _employers(fields.get("employers"), add)
    remote_roles = _choice(fields.get("remote_roles"), "remote_roles", REMOTE_ROLES, add)
    requires = _choice(fields.get("requires"), "requires", REQUIRES, add)
    severity = _choice(fields.get("severity"), "severity", SEVERITIES, add)
    source = None
    if "source" in fields:
        source = _text(fields["source"])
        if not source or not re.match(r"^https?://\S+$", source):
            add(fields["source"], "source", "must be a web address starting with https://")

    if len(problems) > before:
        return None
    return Jurisdiction(
        id=ident,
        name=_text(fields["name"]),
        countries=countries,
        region=region,
        locality=locality,
        law=_text(fields["law"]),
        effective=effective,
        min_employees=min_employees,
        remote_roles=remote_roles,
        requires=requires,
        severity=severity,
        source=source,
        notes=_text(fields.get("notes")) or "",
        source_note=_text(fields.get("source_note")),
        also_called=also_called,
        line=_line(node),
    )


def _mapping(node, allowed: tuple[str, ...], prefix: str, add) -> dict:
    """The mapping's value nodes by key; unknown and repeated keys are reported."""
    out: dict = {}
    for key_node, value_node in node.value:
        key = key_node.value if isinstance(key_node, yaml.ScalarNode) else "(not a name)"
        if key not in allowed:
            hint = _did_you_mean(key, allowed)
            known = ", ".join(allowed)
            add(key_node, prefix, f"unknown key `{key}`{hint}; the keys are: {known}")
        elif key in out:
            add(key_node, prefix + key, f"appears twice (also line {_line(out[key])}); keep one")
        else:
            out[key] = value_node
    return out


def _did_you_mean(word: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(word.lower(), list(choices), n=1, cutoff=0.6)
    return f' (did you mean "{close[0]}"?)' if close else ""


def _text(node) -> str | None:
    """A scalar exactly as written (so `NO` stays Norway), stripped; None for lists and mappings."""
    if isinstance(node, yaml.ScalarNode):
        return node.value.strip()
    return None


def _choice(node, key, choices, add) -> str | None:
    if node is None:
        return None
    value = _text(node)
    if value not in choices:
        hint = _did_you_mean(value or "", choices)
        add(node, key, f'"{value}" is not one of {", ".join(choices)}{hint}')
        return None
    return value


def _effective(node, add) -> dt.date | None:
    if node is None:
        return None
    value = _text(node)
    if value is None or not _DATE.match(value):
        add(node, "effective", f'"{value}" is not a date; write it as YYYY-MM-DD, like 2021-01-01')
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        add(node, "effective", f'"{value}" is not a real date')
        return None


def _employers(node, add) -> int | None:
    if node is None:
        return None
    if not isinstance(node, yaml.MappingNode):
        add(node, "employers", "must be like `{min_employees: 15}`")
        return None
    fields = _mapping(node, _EMPLOYERS_KEYS, "employers", add)
    if "min_employees" not in fields:
        add(node, "employers", "needs `min_employees:` (1 when the law covers every employer)")
        return None
    value = _text(fields["min_employees"])
    if value is None or not value.isdigit() or int(value) < 1:
        add(
            fields["min_employees"],
            "employers: min_employees",
            f'"{value}" must be a whole number, 1 or more',
        )
        return None
    return int(value)


def _applies_to(node, add):
    empty = ((), None, None, ())
    if node is None:
        return empty
    if not isinstance(node, yaml.MappingNode):
        add(node, "applies_to", "must be like `{country: US, region: US-CO}`")
        return empty
    reported: list = []

    def note(at, key, message):
        reported.append(1)
        add(at, key, message)

    fields = _mapping(node, _APPLIES_TO_KEYS, "applies_to", note)

    if "country" in fields and "countries" in fields:
        note(fields["countries"], "applies_to", "give `country` or `countries`, not both")
        return empty
    if "country" in fields:
        nodes = [fields["country"]]
    elif "countries" in fields:
        seq = fields["countries"]
        if not isinstance(seq, yaml.SequenceNode) or not seq.value:
            note(seq, "applies_to: countries", "must be a list of country codes, like [AT, BE]")
            return empty
        nodes = seq.value
    else:
        note(node, "applies_to", "needs `country:` (or `countries:` for a group)")
        return empty
    countries = [_text(n) or "" for n in nodes]
    for code, code_node in zip(countries, nodes, strict=True):
        if not (len(code) == 2 and code.isupper() and pycountry.countries.get(alpha_2=code)):
            note(
                code_node,
                "applies_to: country",
                f'"{code}" is not an ISO 3166-1 country code, like US or DE',
            )
    if len(set(countries)) != len(countries):
        note(fields["countries"], "applies_to: countries", "lists a country twice")

    region = None
    if "region" in fields:
        region = _text(fields["region"]) or ""
        if len(countries) != 1:
            note(fields["region"], "applies_to: region", "needs exactly one `country`")
        elif not region.startswith(f"{countries[0]}-"):
            note(
                fields["region"],
                "applies_to: region",
                f'"{region}" must be an ISO 3166-2 code of {countries[0]}, like {countries[0]}-XX',
            )
        elif pycountry.subdivisions.get(code=region) is None:
            note(fields["region"], "applies_to: region", f'"{region}" is not an ISO 3166-2 code')

    locality = None
    if "locality" in fields:
        locality = _text(fields["locality"])
        if not locality:
            note(fields["locality"], "applies_to: locality", "must be a city name")
        elif region is None:
            note(
                fields["locality"],
                "applies_to: locality",
                "needs a `region` too, so that cities of the same name elsewhere are not caught",
            )
    also_called: tuple[str, ...] = ()
    if "also_called" in fields:
        seq = fields["also_called"]
        names = [_text(n) for n in seq.value] if isinstance(seq, yaml.SequenceNode) else None
        if not names or not all(names):
            note(
                seq,
                "applies_to: also_called",
                "must be a list of city names, like [Manhattan, Brooklyn]",
            )
        elif locality is None:
            note(seq, "applies_to: also_called", "needs a `locality`")
        else:
            also_called = tuple(names)
    if reported:
        return empty
    return tuple(countries), region, locality, also_called
