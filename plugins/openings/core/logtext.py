"""Text that is safe in a CI log: a file name or a value never becomes a workflow command.

GitHub's runner reads every line a step prints. A line that starts with `::` (after spaces) is a
workflow command (`::error::`, `::add-mask::`, `::stop-commands::` ...), and so is `##[command]`
anywhere in a line. A pull request chooses its file names, titles and values, and Pelican's
console wraps long log lines at any space or inside a long word, so no position is safe: every
`::` and `##[` in text we print is broken with a backslash, and line breaks and other control
characters in values are shown escaped (`\\n`), so one value is one line, as written.
"""

from __future__ import annotations

import logging
import re

# Line breaks and control characters, and the invisible marks that reorder or hide text
# (a reviewer must read a name as the computer does).
_INVISIBLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]")
_SHORT = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
_COMMAND = re.compile(r"(?<=:)(?=:)|(?<=##)(?=\[)")


def _escape(char: str) -> str:
    code = ord(char)
    return _SHORT.get(char) or (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")


def escaped(value: object) -> str:
    """One value on one line: control characters and invisible marks written as `\\n`, `\\x1b`,
    `\\u202e`."""
    return _INVISIBLE.sub(lambda m: _escape(m[0]), str(value))


def guarded(text: str) -> str:
    """Text with no `::` and no `##[` left for the runner to read as a command."""
    return _COMMAND.sub("\\\\", text)


def loggable(value: object) -> str:
    """A value as a CI log may show it: escaped, then guarded."""
    return guarded(escaped(value))


# --- log records -------------------------------------------------------------------------------


def _safe_arg(arg):
    if arg is None or isinstance(arg, int | float):
        return arg
    return escaped(arg)


class _GuardedRecord(logging.LogRecord):
    """A log record whose values are escaped and whose message is guarded when it is formatted,
    whatever handler formats it (Pelican's console, or the plain handler of a worker process)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if isinstance(self.args, tuple):
            self.args = tuple(_safe_arg(a) for a in self.args)
        elif isinstance(self.args, dict):
            self.args = {k: _safe_arg(v) for k, v in self.args.items()}

    def getMessage(self) -> str:
        return guarded(super().getMessage())


def guard_logging() -> None:
    """Every log record made from now on in this process is guarded (Pelican's own messages naming
    a file, too). Once per process; a record factory someone else set is left alone."""
    if logging.getLogRecordFactory() is logging.LogRecord:
        logging.setLogRecordFactory(_GuardedRecord)
