"""The site's JOBPOSTING_* settings, checked before anything is read: by the build (plugin.py's
`initialized` receiver) and by every `openings` command, with the same messages.

Its own small module so the commands can check settings without importing plugin.py, which
brings in Pelican's generators, Babel and every output.
"""

from __future__ import annotations

from ..core import report
from ..core.problems import BuildFailed
from ..core.today import check_today_setting
from ..reading import images, limits
from . import settings


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
    for name in ("JOBPOSTING_TEMPLATE_CACHE", "JOBPOSTING_CHECK_ALL_CONTENT"):
        if not isinstance(values.get(name), bool):
            found.append(f"{name} must be True or False")
    base = values.get("JOBPOSTING_BASE_TEMPLATE")
    if not isinstance(base, str) or not base:
        found.append('JOBPOSTING_BASE_TEMPLATE must be a template\'s name, e.g. "base.html"')
    index = values.get("JOBPOSTING_INDEX_URL")
    if index is not None and (
        not isinstance(index, str) or index.startswith("/") or (index and not index.endswith("/"))
    ):
        found.append(
            'JOBPOSTING_INDEX_URL must be None, "" (the site\'s own index) or an address'
            ' relative to the site that ends with /, e.g. "jobs/"'
        )
    else:
        values["JOBPOSTING_INDEX_URL"] = settings.index_url(values)  # what templates link to
    stale = values.get("JOBPOSTING_STALE_DAYS")
    if stale is not None and (not isinstance(stale, int) or isinstance(stale, bool) or stale < 1):
        found.append("JOBPOSTING_STALE_DAYS must be None or a whole number of days, e.g. 90")
    limits = values.get("JOBPOSTING_PARALLEL_PAGES")
    if limits is not None and not _is_range(limits):
        found.append(
            "JOBPOSTING_PARALLEL_PAGES must be None or two whole numbers (lowest, highest),"
            " e.g. (200, 3000)"
        )
    found += limit_problems(values)
    if found:
        report.emit(f"pelicanconf: {line}" for line in found)
        raise BuildFailed(f"jobposting: {len(found)} settings problems")


def limit_problems(values: dict) -> list[str]:
    """The JOBPOSTING_MAX_* limits are whole numbers above zero; image hosts are host names.
    Valid limits are set for the files read after this check (limits.configure)."""
    found = []
    for name in limits.SETTINGS:
        value = values.get(name)
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            found.append(f"{name} must be a whole number above 0, e.g. {settings.DEFAULTS[name]}")
    hosts = values.get("JOBPOSTING_IMAGE_HOSTS")
    if not isinstance(hosts, (list, tuple)) or not all(
        isinstance(host, str) and images.HOST.match(host) for host in hosts
    ):
        found.append(
            "JOBPOSTING_IMAGE_HOSTS must be a list of host names such as"
            ' ["images.example.com"] (no https://, no path)'
        )
    if not found:
        limits.configure(values)
    return found


def _is_range(value) -> bool:
    return (
        isinstance(value, (tuple, list))
        and len(value) == 2
        and all(isinstance(n, int) and not isinstance(n, bool) and n >= 0 for n in value)
        and value[0] <= value[1]
    )
