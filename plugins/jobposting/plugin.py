"""Pelican signal receivers: thin, taking values out of Pelican and calling pure functions.

Per-build state lives in the generators' shared context, never in module globals, so builds in
one process (tests, the dev server) do not leak into each other.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from pelican import signals
from pelican.generators import ArticlesGenerator, PagesGenerator

from . import data, display, jsonld, lifecycle, report, rules, settings
from .lifecycle import State
from .model import Organization
from .problems import BuildFailed, Problem, Severity
from .reader import PostingReader, report_path
from .today import check_today_setting, site_timezone, today
from .validate import Context, validate

CONTEXT_KEY = "jobposting"


@dataclass
class BuildState:
    ctx: Context
    strict: bool
    problems: list[Problem] = field(default_factory=list)
    states: dict[str, State] = field(default_factory=dict)  # source path -> state
    postings: list = field(default_factory=list)  # Pelican articles that carry a posting


def initialized(pelican) -> None:
    values = pelican.settings
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
    if found:
        report.emit(f"pelicanconf: {line}" for line in found)
        raise BuildFailed(f"jobposting: {len(found)} settings problems")


def add_reader(readers) -> None:
    for extension in PostingReader.file_extensions:
        readers.reader_classes[extension] = PostingReader


def build_state(generator) -> BuildState:
    context = generator.context
    if CONTEXT_KEY not in context:
        values = generator.settings
        site = data.load(values["PATH"], values["JOBPOSTING_DATA_PATH"], report_path)
        org = values.get("JOBPOSTING_ORGANIZATION") or {}
        organization = (
            Organization(
                org["name"], org.get("url"), org.get("logo"), tuple(org.get("same_as", ()))
            )
            if org.get("name")
            else None
        )
        ctx = Context(
            timezone=site_timezone(values),
            today=today(values),
            organization=organization,
            apply_url=values.get("JOBPOSTING_APPLY_URL"),
            apply_email=values.get("JOBPOSTING_APPLY_EMAIL"),
            offices=site.offices,
            departments=site.departments,
            default_lang=values.get("DEFAULT_LANG", "en"),
        )
        state = BuildState(ctx=ctx, strict=bool(values.get("JOBPOSTING_STRICT")))
        state.problems.extend(_strict(state, site.problems))
        context[CONTEXT_KEY] = state
    return context[CONTEXT_KEY]


def _strict(state: BuildState, problems) -> list[Problem]:
    return [p.promoted() for p in problems] if state.strict else list(problems)


def classify_postings(generator: ArticlesGenerator) -> None:
    """Validate every posting, decide its state, and keep only open ones in Pelican's lists."""
    state = build_state(generator)
    groups = {
        "articles": generator.articles,
        "translations": generator.translations,
        "hidden_articles": generator.hidden_articles,
        "hidden_translations": generator.hidden_translations,
        "drafts": generator.drafts,
        "drafts_translations": generator.drafts_translations,
    }
    kept = {name: [] for name in groups}
    for name, articles in groups.items():
        translation = name.endswith("translations")
        for article in articles:
            posting_state = _classify(article, state)
            if posting_state is State.OPEN:
                kept["translations" if translation else "articles"].append(article)
            elif posting_state is State.CLOSED:
                article.template = "closed"
                kept["hidden_translations" if translation else "hidden_articles"].append(article)
            elif posting_state is State.DRAFT and generator.settings["JOBPOSTING_SHOW_DRAFTS"]:
                kept["drafts_translations" if translation else "drafts"].append(article)
    _check_across(state)
    for name, articles in kept.items():
        setattr(generator, name, articles)


def _classify(article, state: BuildState) -> State:
    path = getattr(article, "jobposting_source", None) or report_path(article.source_path)
    doc = getattr(article, "jobposting_document", None)
    if doc is None:  # read by another reader (.rst, .html): not a posting we can check
        state.problems.append(
            Problem(
                path,
                None,
                None,
                "postings are Markdown files: rename it to end in .md and give it front matter",
                Severity.ERROR,
                rules.NOT_MARKDOWN,
            )
        )
        state.states[path] = State.REJECTED
        return State.REJECTED
    posting, found = validate(doc, path, article.slug, article._content, state.ctx)
    found = _strict(state, [*article.jobposting_problems, *found])
    state.problems.extend(found)
    if posting is None or any(p.is_error for p in found):
        state.states[path] = State.REJECTED
        return State.REJECTED
    posting_state = lifecycle.state_of(posting, state.ctx.today, state.ctx.timezone)
    article.jobposting = posting
    article.jobposting_state = posting_state
    state.states[path] = posting_state
    state.postings.append(article)
    return posting_state


def _check_across(state: BuildState) -> None:
    """What no single file shows: two postings at one address, or sharing a req_id."""
    by_slug, by_req = {}, {}
    for article in state.postings:
        posting = article.jobposting
        key = (posting.slug, posting.lang)
        by_slug.setdefault(key, []).append(posting)
        if posting.req_id:
            by_req.setdefault(posting.req_id, []).append(posting)
    for (slug, _), postings in by_slug.items():
        if len(postings) > 1:
            paths = [p.source_path for p in postings]
            for posting in postings:
                others = ", ".join(p for p in paths if p != posting.source_path)
                state.problems.append(
                    Problem(
                        posting.source_path,
                        None,
                        "slug",
                        f"the web address jobs/{slug}/ is also used by {others}; rename one "
                        "file or give one a different slug",
                        Severity.ERROR,
                        rules.DUPLICATE_SLUG,
                    )
                )
                state.states[posting.source_path] = State.REJECTED
    for req_id, postings in by_req.items():
        if len(postings) > 1:
            paths = [p.source_path for p in postings]
            for posting in postings:
                others = ", ".join(p for p in paths if p != posting.source_path)
                state.problems.append(
                    Problem(
                        posting.source_path,
                        None,
                        "req_id",
                        f"{req_id} is also the req_id of {others}; give each posting its own",
                        Severity.ERROR,
                        rules.DUPLICATE_REQ_ID,
                    )
                )
                state.states[posting.source_path] = State.REJECTED


def collect_page_problems(generator: PagesGenerator) -> None:
    state = build_state(generator)
    pages = [*generator.pages, *generator.translations, *generator.hidden_pages,
             *generator.hidden_translations, *generator.draft_pages, *generator.draft_translations]  # fmt: skip
    for page in pages:
        state.problems.extend(_strict(state, getattr(page, "jobposting_problems", ())))


def finish(generators) -> None:
    """Report everything once; any error stops the build before a single file is written."""
    articles = next(g for g in generators if isinstance(g, ArticlesGenerator))
    state = build_state(articles)
    values = articles.settings
    _unreadable_files(articles, state)
    report.emit(report.lines(state.problems, settings.annotations_wanted(values)))
    report.emit([report.summary(state.states, state.problems)])
    if any(p.is_error for p in state.problems):
        errors = len({p for p in state.problems if p.is_error})
        report.emit(
            [
                f"jobposting: the site was not built: fix the {errors} error{'s' if errors != 1 else ''} above"
            ]
        )
        raise BuildFailed("jobposting: errors in the content", tuple(state.problems))
    siteurl = values["SITEURL"].rstrip("/")
    for article in state.postings:
        if article.jobposting_state is State.OPEN:
            url = f"{siteurl}/{article.url}"
            article.jsonld = jsonld.build(article.jobposting, url, article.get_content(siteurl))


def _unreadable_files(articles: ArticlesGenerator, state: BuildState) -> None:
    """Files Pelican failed to read, and files in the postings folder it never looked at."""
    values = articles.settings
    content = values["PATH"]
    for relative, item in articles.context["generated_content"].items():
        if item is None:
            path = report_path(os.path.join(content, relative))
            state.problems.append(
                Problem(
                    path,
                    None,
                    None,
                    "Pelican could not read this file (its message is above); it was not published",
                    Severity.ERROR,
                    rules.UNREADABLE,
                )
            )
            if _in_jobs(relative, values):
                state.states[path] = State.REJECTED
    jobs_root = os.path.join(content, values["JOBPOSTING_PATH"])
    ignored = set(values.get("IGNORE_FILES", ()))
    for folder, _, names in os.walk(jobs_root):
        for name in sorted(names):
            if name.startswith(".") or name in ignored:
                continue
            if os.path.splitext(name)[1].lstrip(".").lower() not in PostingReader.file_extensions:
                path = report_path(os.path.join(folder, name))
                if path not in state.states:
                    state.problems.append(
                        Problem(
                            path,
                            None,
                            None,
                            "is in the postings folder but is not a Markdown file: rename it "
                            "to end in .md, or move it out of the folder",
                            Severity.ERROR,
                            rules.NOT_MARKDOWN,
                        )
                    )
                    state.states[path] = State.REJECTED


def _in_jobs(relative: str, values) -> bool:
    return relative.replace(os.sep, "/").startswith(values["JOBPOSTING_PATH"].rstrip("/") + "/")


def add_filters(generator) -> None:
    generator.env.filters.update(display.FILTERS)
    # Pelican makes SITEURL relative on each page when RELATIVE_URLS is on; canonical links,
    # Open Graph tags and JSON-LD need the absolute address.
    generator.env.globals["SITE_ABSOLUTE_URL"] = generator.settings["SITEURL"].rstrip("/")


def register() -> None:
    signals.initialized.connect(initialized)
    signals.generator_init.connect(add_filters)
    signals.readers_init.connect(add_reader)
    signals.article_generator_pretaxonomy.connect(classify_postings)
    signals.page_generator_finalized.connect(collect_page_problems)
    signals.all_generators_finalized.connect(finish)
