"""`openings import`: existing job descriptions -> postings in content/jobs/.

One reader per source format turns a file into Drafts (plaintext, staticsite for Jekyll/Hugo,
pelican, greenhouse, lever); cleanup.py, text.py and language.py read what the text says;
translations.py groups one job's languages; mapping.py maps the fields to ours and marks what it
cannot; writer.py writes the file; check.py runs the build's own checks on it. Every source gets
its own file (destination.py), nothing is overwritten but by --force with the same source, and a
file that cannot be imported gets one line saying why.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field

from ..checks import data
from ..core.problems import Problem
from ..core.today import site_timezone, today
from ..reading.postingfile import report_path
from . import (
    cleanup,
    greenhouse,
    language,
    lever,
    pelican,
    plaintext,
    sources,
    staticsite,
    text,
    translations,
)
from .check import Checker, full_settings
from .destination import Destination
from .draft import Draft, Unreadable
from .mapping import Entry, Site, map_draft
from .naming import posting_slug
from .writer import render

__all__ = ["ImportResult", "ImportSummary", "format_summary", "run"]


@dataclass
class ImportResult:
    """One job (or one source that gave none)."""

    source: str  # "jobs.json (Greenhouse job 4012345)", "old/backend.md"
    path: str | None = None  # the file written, as people see it
    failure: str | None = None  # why nothing was written
    todos: list[str] = field(default_factory=list)  # fields marked for HR in the file
    problems: list[Problem] = field(default_factory=list)  # the build's checks on the file
    notes: list[str] = field(default_factory=list)
    replaced: bool = False  # an earlier import of the same job was overwritten (--force)
    slug: str | None = None  # the web address it was written for; translations share it
    left_out: list[str] = field(default_factory=list)  # the old site's bookkeeping fields

    @property
    def outcome(self) -> str:
        if self.failure:
            return "failed"
        return "attention" if self.todos or self.problems else "imported"


@dataclass
class ImportSummary:
    results: list[ImportResult] = field(default_factory=list)
    assets: list[str] = field(default_factory=list)  # images and such in the folders, not read

    @property
    def imported(self) -> int:
        """Files written, including those that need attention."""
        return len({r.path for r in self.results if r.failure is None})

    @property
    def needs_attention(self) -> int:
        return sum(1 for r in self.results if r.outcome == "attention")

    @property
    def failed(self) -> int:
        return sum(1 for r in self.results if r.outcome == "failed")

    @property
    def exit_code(self) -> int:
        """0 when every source was imported (perhaps with TODOs to settle), else 1."""
        return 1 if self.failed else 0


def run(
    sources_given: list[str],
    dest_dir: str,
    force: bool = False,
    *,
    settings: dict | None = None,
) -> ImportSummary:
    """Import every source into dest_dir. With `settings` (Pelican's, as pelicanconf.py gives
    them), offices and departments are matched against the site's data files, "today" is the
    site's, and each written file is checked as the build would check it."""
    summary = ImportSummary()
    if not os.path.isdir(dest_dir):
        summary.results.append(
            ImportResult(report_path(dest_dir), failure="the folder to import into does not exist")
        )
        return summary
    site, checker = _site(settings)
    destination = Destination(dest_dir)
    drafts: list[Draft] = []
    order: dict[int, int] = {}  # result or draft -> its source's place in the run, for the summary
    for index, (path, failure) in enumerate(sources.expand(list(sources_given), summary.assets)):
        if failure:
            summary.results.append(ImportResult(path, failure=failure))
            order[id(summary.results[-1])] = index
            continue
        try:
            found = _drafts(path, site)
            for draft in found:
                order[id(draft)] = index
                _settle_language(draft, path)
                _clean(draft)
                draft.apply_links += text.apply_links(draft.body)
                draft.text_facts = text.facts(draft.body)
            drafts += found
        except Unreadable as exc:
            summary.results.append(ImportResult(report_path(path), failure=str(exc)))
            order[id(summary.results[-1])] = index
        except Exception as exc:  # a bug of ours: one line for HR, and the run goes on
            summary.results.append(ImportResult(report_path(path), failure=_bug(exc)))
            order[id(summary.results[-1])] = index
    for group in translations.groups(drafts, _lang_of, site.default_lang):
        original = None
        for draft in group:
            try:
                result = _import(draft, site, destination, force, checker, original)
            except Exception as exc:
                result = ImportResult(draft.origin, failure=_bug(exc))
            summary.results.append(result)
            order[id(result)] = order[id(draft)]
            original = original or result
    summary.results.sort(key=lambda r: order.get(id(r), 0))
    return summary


def _clean(draft: Draft) -> None:
    """Title and text without the old site's markup (see cleanup.py)."""
    title = draft.title
    if not title:
        title = next((v for k, v in draft.fields.items() if str(k).lower() == "title"), None)
    if isinstance(title, str) and title.strip():
        draft.title_as_written = title
        draft.title, link = cleanup.clean_title(title)
        if link:
            draft.apply_links.append(link)
    draft.body, notes = cleanup.clean_body(draft.body, draft.title)
    draft.notes += notes


def _lang_of(draft: Draft) -> str | None:
    for name, value in draft.fields.items():
        if str(name).lower() in ("lang", "language", "locale") and isinstance(value, str):
            return value.strip().lower()[:2] or None
    return draft.lang[0] if draft.lang else None


def _settle_language(draft: Draft, path: str) -> None:
    """The language from the file's name or path, else from its text (see language.py)."""
    if any(str(n).lower() in ("lang", "language", "locale") for n in draft.fields):
        return
    code = language.from_path(path)
    if code:
        draft.lang = (code, "path")
        return
    code = language.from_text(f"{draft.title or ''}\n{draft.body}")
    if code:
        draft.lang = (code, "py3langid")


def _bug(exc: Exception) -> str:
    return (
        f"could not be imported ({type(exc).__name__}: {exc}); this is a bug in openings "
        "import: please report it with the file"
    )


def _site(settings: dict | None) -> tuple[Site, Checker | None]:
    if settings is None:
        return Site(today=today({}), timezone=site_timezone({})), None
    values = full_settings(settings)
    found = data.load(values["PATH"], values["JOBPOSTING_DATA_PATH"], report_path)
    organization = (values.get("JOBPOSTING_ORGANIZATION") or {}).get("name")
    site = Site(
        today=today(values),
        timezone=site_timezone(values),
        offices=found.offices,
        departments=found.departments,
        organization=organization,
        default_lang=values.get("DEFAULT_LANG"),
    )
    return site, Checker(values)


def _drafts(path: str, site: Site) -> list[Draft]:
    text = sources.read(path)
    kind = format_of(text)
    if kind == "json":
        return _json_drafts(text, site)
    if kind == "toml":
        return staticsite.read_toml(text)
    if kind == "yaml":
        return staticsite.read_yaml(text)
    if kind == "pelican":
        return pelican.read(text)
    return plaintext.read(text)


def format_of(text: sources.Text) -> str:
    """Which reader a file needs: json, toml, yaml, pelican or text."""
    start = text.text.lstrip()
    if text.suffix == ".json" or start.startswith("{") or _json_list(start):
        return "json"
    first = text.text.split("\n", 1)[0].strip()
    if first == "+++":
        return "toml"
    if first == "---":
        return "yaml"
    if pelican.has_headers(text.text):
        return "pelican"
    return "text"


def _json_list(start: str) -> bool:
    return start.startswith("[") and start[1:].lstrip()[:1] in ("{", "]")


def _json_drafts(text: sources.Text, site: Site) -> list[Draft]:
    try:
        parsed = json.loads(text.text)
    except json.JSONDecodeError as exc:
        raise Unreadable(
            f"is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg}); "
            "save the API's answer again, whole"
        ) from None
    if parsed in ([], {"jobs": []}):
        raise Unreadable("has no jobs in it")
    if greenhouse.looks_like(parsed):
        return greenhouse.read(parsed, text.path, text.notes)
    if lever.looks_like(parsed):
        return lever.read(parsed, text.path, text.notes, site.timezone)
    raise Unreadable(
        'is JSON, but not a Greenhouse job-board export (a job, or {"jobs": [...]}) nor a '
        "Lever postings export (a posting, or a list of them)"
    )


def _import(
    draft: Draft,
    site: Site,
    destination: Destination,
    force: bool,
    checker: Checker | None,
    original: ImportResult | None = None,
) -> ImportResult:
    """Write one draft; with `original`, as a translation of that posting (same slug)."""
    result = ImportResult(draft.origin, notes=list(draft.notes))
    entries = map_draft(draft, site)
    result.left_out = [str(name) for name in draft.left_out]
    values = {entry.name: entry.value for entry in entries}
    slug = posting_slug(str(values.get("title") or ""), draft.key.split(":", 1)[-1])
    name = slug
    if original is not None and original.slug:
        slug, name = original.slug, f"{original.slug}-{values.get('lang') or 'translation'}"
        entries = _as_translation(entries, original, slug)
        values = {entry.name: entry.value for entry in entries}
    req_id = str(values["req_id"]) if values.get("req_id") is not None else None
    path, existing = destination.place(name, draft.key)
    shown = report_path(path)
    if existing and path in destination.written:
        result.failure = f"{shown} was written from the same source a moment ago; given twice"
        return result
    if existing and not force:
        result.failure = (
            f"{shown} already holds this posting (imported from the same source before); "
            "add --force to replace it with the imported version"
        )
        return result
    twin = destination.other_with(req_id, path)
    if twin:
        entry = next(e for e in entries if e.name == "req_id")
        entry.todo = True
        entry.comment = (
            f"{report_path(twin)} has the same req_id: if it is the same job, keep one of the two "
            "files and delete the other; if not, write this job's own req_id here"
        )
    header = [f"Imported from {draft.origin} by openings import on {site.today.isoformat()}."]
    if any(entry.todo for entry in entries):
        header.append(
            "Each TODO says what to decide: change the field below it, then delete the TODO "
            "comment. `./openings validate` lists what is left."
        )
    header += [f"Note: {note}." for note in draft.notes]
    if draft.left_out:
        kept = "; ".join(f"{key}: {value}" for key, value in draft.left_out.items())
        header.append(f"Left out (the old system's own bookkeeping, not needed here): {kept}")
    header.append(f"Import source: {draft.key}")
    try:
        with open(path, "w" if existing else "x", encoding="utf-8", newline="\n") as handle:
            handle.write(render(entries, draft.body, header, draft.old_front_matter))
    except OSError as exc:
        result.failure = f"{shown} could not be written: {exc.strerror or exc}"
        return result
    destination.remember(path, draft.key, req_id)
    result.path = shown
    result.slug = str(values.get("slug") or os.path.splitext(os.path.basename(path))[0])
    result.replaced = existing
    result.todos = [entry.name for entry in entries if entry.todo]
    if checker is not None:
        result.problems = checker.problems(path)
    return result


def _as_translation(entries: list[Entry], original: ImportResult, slug: str) -> list[Entry]:
    """The same job in another language: the original's slug; its req_id stays on the original,
    since two postings may not share one."""
    out = [e for e in entries if e.name not in ("slug", "req_id")]
    had = next((e for e in entries if e.name == "req_id"), None)
    note = f"a translation of {original.path}: the same slug, its own lang"
    if had is not None:
        note += f"; the req_id ({had.value}) is on {original.path}"
    out.append(Entry("slug", slug, note))
    return out


def format_summary(summary: ImportSummary) -> str:
    """What happened to each source, the problems to fix, and the counts, for the terminal."""
    lines = []
    for result in summary.results:
        if result.failure:
            lines.append(f"{result.source}: not imported: {result.failure}")
            continue
        verb = "replaced" if result.replaced else "written"
        state = "needs attention" if result.outcome == "attention" else "ready"
        lines.append(f"{result.path}: {verb} from {result.source} ({state})")
        lines += [f"  note: {note}" for note in result.notes]
        if result.problems:
            lines += [f"  {problem.as_text()}" for problem in result.problems]
        elif result.todos:
            lines.append(f"  fields marked TODO: {', '.join(result.todos)}")
    left_out: dict[str, int] = {}
    for result in summary.results:
        if result.failure is None:
            for name in result.left_out:
                left_out[name] = left_out.get(name, 0) + 1
    if left_out:
        names = ", ".join(f"{name} ({count})" for name, count in sorted(left_out.items()))
        lines.append(
            "Left out, as the old site's own settings that no posting needs (each file's header "
            f"keeps its values): {names}"
        )
    if summary.assets:
        shown = ", ".join(summary.assets[:5]) + (", ..." if len(summary.assets) > 5 else "")
        lines.append(
            f"Not read, as the old site's images and assets ({len(summary.assets)}): {shown}; "
            "copy an image into content/images/ if a posting shows it"
        )
    lines.append(_counts(summary))
    return "\n".join(lines)


def _counts(summary: ImportSummary) -> str:
    imported = summary.imported
    text = f"{imported} posting{'s' if imported != 1 else ''} imported"
    if summary.needs_attention:
        text += f" ({summary.needs_attention} need{'s' if summary.needs_attention == 1 else ''} attention)"
    text += f", {summary.failed} failed."
    return text
