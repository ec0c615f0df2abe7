"""What GitHub's runner would read as workflow commands in a step's output.

A port of the runner's parser (actions/runner, src/Runner.Common/ActionCommand.cs and
ActionCommandManager.cs): the output is cut into lines at CR, LF or CRLF (.NET's ReadLine); a line
whose text, after leading white space, starts with `::name` and has a second `::` is a command
(v2), and so is `##[name ...]` anywhere in a line (v1), for every registered command name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

REGISTERED = {
    "add-mask", "add-matcher", "add-path", "debug", "echo", "endgroup", "error", "group",
    "notice", "remove-matcher", "save-state", "set-env", "set-output", "stop-commands",
    "warning",
}  # fmt: skip

_DATA = (("%0D", "\r"), ("%0A", "\n"), ("%25", "%"))
_PROPERTY = (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%"))


@dataclass
class Command:
    name: str
    properties: dict[str, str]
    data: str
    line: str


def _unescape(text: str, table) -> str:
    for escaped, char in table:
        text = text.replace(escaped, char)
    return text


def _v2(line: str) -> Command | None:
    message = line.lstrip()  # .NET's TrimStart: every Unicode white space
    if not message.startswith("::"):
        return None
    end = message.find("::", 2)
    if end < 0:
        return None
    info = message[2:end]
    name, _, props = info.partition(" ")
    if name.lower() not in REGISTERED:
        return None
    properties = {}
    for item in (p for p in props.strip().split(",") if p):
        key, sep, value = item.partition("=")
        if sep and key and value:
            properties[key] = _unescape(value, _PROPERTY)
    return Command(name.lower(), properties, _unescape(message[end + 2 :], _DATA), line)


def _v1(line: str) -> Command | None:
    start = line.find("##[")
    if start < 0:
        return None
    close = line.find("]", start)
    if close < 0:
        return None
    name = line[start + 3 : close].partition(" ")[0]
    if name.lower() not in REGISTERED:
        return None
    return Command(name.lower(), {}, line[close + 1 :], line)


def commands(output: str) -> list[Command]:
    """Every workflow command the runner would find in output."""
    found = []
    for line in re.split(r"\r\n|\r|\n", output):
        command = _v2(line) or _v1(line)
        if command:
            found.append(command)
    return found
