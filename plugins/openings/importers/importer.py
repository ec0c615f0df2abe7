"""The import of every source: each file read into Drafts (formats.py), its text cleaned and its
language settled, one job's languages grouped, the fields mapped, the file written and checked.
"""

from __future__ import annotations

import os

from ..checks import data
from ..core.today import site_timezone, today
from ..reading.postingfile import report_path
from . import bodyfacts, cleanup, language, sources, translations
from .check import WrittenFileCheck, full_settings
from .destination import Destination
from .draft import Draft, Unreadable
from .formats import drafts_of
from .mapper import TargetSite, WrittenField
from .mapping import map_draft
from .naming import posting_slug
from .results import ImportResult, ImportSummary
from .writer import render


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
            found = drafts_of(path, site)
            for draft in found:
                order[id(draft)] = index
                _settle_language(draft, path)
                _clean(draft)
                draft.apply_links += bodyfacts.apply_links(draft.body)
                draft.text_facts = bodyfacts.facts(draft.body)
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


def _site(settings: dict | None) -> tuple[TargetSite, WrittenFileCheck | None]:
    if settings is None:
        return TargetSite(today=today({}), timezone=site_timezone({})), None
    values = full_settings(settings)
    found = data.load(values["PATH"], values["JOBPOSTING_DATA_PATH"], report_path)
    organization = (values.get("JOBPOSTING_ORGANIZATION") or {}).get("name")
    site = TargetSite(
        today=today(values),
        timezone=site_timezone(values),
        offices=found.offices,
        departments=found.departments,
        organization=organization,
        default_lang=values.get("DEFAULT_LANG"),
    )
    return site, WrittenFileCheck(values)


def _import(
    draft: Draft,
    site: TargetSite,
    destination: Destination,
    force: bool,
    checker: WrittenFileCheck | None,
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


def _as_translation(
    entries: list[WrittenField], original: ImportResult, slug: str
) -> list[WrittenField]:
    """The same job in another language: the original's slug; its req_id stays on the original,
    since two postings may not share one."""
    out = [e for e in entries if e.name not in ("slug", "req_id")]
    had = next((e for e in entries if e.name == "req_id"), None)
    note = f"a translation of {original.path}: the same slug, its own lang"
    if had is not None:
        note += f"; the req_id ({had.value}) is on {original.path}"
    out.append(WrittenField("slug", slug, note))
    return out
