"""The site's JOBPOSTING_* settings, checked before anything is read: by the build (plugin.py's
`initialized` receiver) and by every `openings` command, with the same messages.

Its own small module so the commands can check settings without importing plugin.py, which
brings in Pelican's generators, Babel and every output.
"""

from __future__ import annotations

from . import report, settings
from .problems import BuildFailed
from .today import check_today_setting


def check(values: dict) -> None:
    """Fill in the defaults, then report every problem at once and stop (BuildFailed)."""
    settings.apply_defaults(values)
    found = []
    for name, close in settings.unknown_names(values):
        hint = f"; did you mean {close}?" if close else ""
        found.append(f"unknown setting {name}{hint}")
    message = check_today_setting(values)
    if message:
        found.append(message)
    org = values.get("JOBPOSTING_ORGANIZATION") or {}
    if not isinstance(org, dict) or (org and not org.get("name")):
        found.append("JOBPOSTING_ORGANIZATION must be a dict with at least a name")
    for key in ("JOBPOSTING_PAY_TRANSPARENCY", "JOBPOSTING_EU_PAY_TRANSPARENCY"):
        if values.get(key) not in ("error", "warning", "off"):
            found.append(f'{key} must be "error", "warning" or "off"')
    if not isinstance(values.get("JOBPOSTING_TEMPLATE_CACHE"), bool):
        found.append("JOBPOSTING_TEMPLATE_CACHE must be True or False")
    stale = values.get("JOBPOSTING_STALE_DAYS")
    if stale is not None and (not isinstance(stale, int) or isinstance(stale, bool) or stale < 1):
        found.append("JOBPOSTING_STALE_DAYS must be None or a whole number of days, e.g. 90")
    limits = values.get("JOBPOSTING_PARALLEL_PAGES")
    if limits is not None and not _is_range(limits):
        found.append(
            "JOBPOSTING_PARALLEL_PAGES must be None or two whole numbers (lowest, highest),"
            " e.g. (200, 3000)"
        )
    if found:
        report.emit(f"pelicanconf: {line}" for line in found)
        raise BuildFailed(f"jobposting: {len(found)} settings problems")


def _is_range(value) -> bool:
    return (
        isinstance(value, (tuple, list))
        and len(value) == 2
        and all(isinstance(n, int) and not isinstance(n, bool) and n >= 0 for n in value)
        and value[0] <= value[1]
    )
