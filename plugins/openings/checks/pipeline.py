"""The checks of one build, callable with or without Pelican.

The plugin runs them inside a build; `openings validate` runs them on files directly. Both get
exactly the same rules and messages because both call these functions.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from ..core import catalogs, lifecycle, rules
from ..core.lifecycle import State
from ..core.model import JobPosting, Organization
from ..core.problems import Problem, Severity
from ..core.today import site_timezone, today
from ..reading import limits
from ..reading.postingfile import report_path
from . import data, freshness, hygiene, paytransparency, paytransparency_file
from .validate import Context, validate


@dataclass
class Outcome:
    """One file's verdict."""

    path: str
    posting: JobPosting | None
    state: State
    problems: list[Problem] = field(default_factory=list)
    # field -> line, for the checks across files (a req_id another posting also has)
    lines: dict[str, int] = field(default_factory=dict)
    # validate()'s (posting, problems), which do not depend on "today": the dev cache checks a
    # kept posting on a new day from them (devserver/postings.py)
    validated: tuple | None = field(default=None, repr=False, compare=False)


@dataclass
class Checks:
    """What every file of a build is checked against, read once per build."""

    ctx: Context
    strict: bool
    data_problems: list[Problem]
    pay_rules: tuple = ()
    pay_settings: dict = field(default_factory=dict)
    employees: int | None = None
    stale_days: int | None = 90  # JOBPOSTING_STALE_DAYS

    @property
    def limits(self) -> limits.Limits:
        return self.ctx.limits

    def promote(self, problems) -> list[Problem]:
        return [p.promoted() for p in problems] if self.strict else list(problems)


def prepare(settings: dict) -> Checks:
    """Settings and data files -> the Checks of this build."""
    site = data.load(settings["PATH"], settings["JOBPOSTING_DATA_PATH"], report_path)
    org = settings.get("JOBPOSTING_ORGANIZATION") or {}
    organization = (
        Organization(org["name"], org.get("url"), org.get("logo"), tuple(org.get("same_as", ())))
        if org.get("name")
        else None
    )
    ctx = Context(
        timezone=site_timezone(settings),
        today=today(settings),
        organization=organization,
        apply_url=settings.get("JOBPOSTING_APPLY_URL"),
        apply_email=settings.get("JOBPOSTING_APPLY_EMAIL"),
        offices=site.offices,
        departments=site.departments,
        default_lang=settings.get("DEFAULT_LANG", "en"),
        languages=catalogs.languages(settings.get("JOBPOSTING_UI_STRINGS")),
        limits=limits.from_settings(settings),
    )
    problems = list(site.problems)
    pay_path = os.path.join(
        settings["PATH"], settings["JOBPOSTING_DATA_PATH"], "pay_transparency.yml"
    )
    pay_rules, pay_problems = paytransparency_file.load(pay_path)
    problems += [
        Problem(report_path(pay_path), line, None, message, Severity.ERROR, rules.DATA_FILE)
        for line, message in pay_problems
    ]
    checks = Checks(
        ctx=ctx,
        strict=bool(settings.get("JOBPOSTING_STRICT")),
        data_problems=[],
        pay_rules=pay_rules,
        pay_settings={
            "error": settings.get("JOBPOSTING_PAY_TRANSPARENCY", "error"),
            "warning": settings.get("JOBPOSTING_EU_PAY_TRANSPARENCY", "warning"),
        },
        employees=settings.get("JOBPOSTING_EMPLOYEES"),
        stale_days=settings.get("JOBPOSTING_STALE_DAYS", 90),
    )
    cap = ctx.limits.messages_per_rule
    checks.data_problems = checks.promote(limits.cap_per_rule(problems, cap))
    return checks


def not_markdown(path: str) -> Outcome:
    """A file in the postings folder that is not Markdown: rejected, never skipped silently."""
    problem = Problem(
        path, None, None,
        "is in the postings folder but is not a Markdown file: rename it to end in .md, or "
        "move it out of the folder",
        Severity.ERROR, rules.NOT_MARKDOWN,
    )  # fmt: skip
    return Outcome(path, None, State.REJECTED, [problem])


def check_posting(
    doc, path: str, slug: str, body_html: str, read_problems, checks: Checks, validated=None
) -> Outcome:
    """One posting: validation, pay transparency, then its place in the lifecycle; at most
    JOBPOSTING_MAX_MESSAGES_PER_RULE messages of one rule (limits.cap_per_rule).

    Strict mode makes warnings errors only for postings that are or will become public: a
    draft or a closed posting gets no JSON-LD, so Google's recommendations do not block it.

    `validated`: an earlier Outcome's `validated`, for the same file under the same settings
    and data files (validation does not depend on "today"); None: the posting is validated.
    """
    if validated is None:
        validated = validate(doc, path, slug, body_html, checks.ctx)
    outcome = _verdict(doc, path, validated, read_problems, checks)
    outcome.problems = limits.cap_per_rule(outcome.problems, checks.limits.messages_per_rule)
    outcome.validated = validated
    return outcome


def _verdict(doc, path: str, validated: tuple, read_problems, checks: Checks) -> Outcome:
    posting, found = validated
    found = [*read_problems, *found]
    if posting is None or any(p.is_error for p in found):
        return Outcome(path, None, State.REJECTED, checks.promote(found))
    state = lifecycle.state_of(posting, checks.ctx.today, checks.ctx.timezone)
    stale = freshness.problems(posting, state, doc, checks.ctx.today, checks.stale_days)
    if any(p.rule == rules.STALE_POSTING for p in stale):  # says more than "is missing"
        found = [
            p for p in found if not (p.rule == rules.RECOMMENDED and p.field == "valid_through")
        ]
    found += stale
    if state in (State.OPEN, State.SCHEDULED):
        law = pay_transparency_problems(posting, checks)
        if law:  # the law's message says more than Google's recommendation of a salary
            found = [p for p in found if not (p.rule == rules.RECOMMENDED and p.field == "salary")]
        found = checks.promote([*found, *law])
    elif state is State.DRAFT:
        # a draft may be saved before the pay is settled; it must have it before it opens
        found += [p.demoted() for p in pay_transparency_problems(posting, checks)]
    if any(p.is_error for p in found):
        return Outcome(path, None, State.REJECTED, found)
    lines = {n: doc.fields[n].line for n in ("req_id", "slug", "title") if n in doc.fields}
    return Outcome(path, posting, state, found, lines)


def pay_transparency_problems(posting: JobPosting, checks: Checks) -> list[Problem]:
    """A posting where a pay-transparency law applies must show its pay."""
    if posting.salary is not None:
        return []
    places, remote = paytransparency.places_of(posting)
    found = []
    for law in paytransparency.applicable(
        checks.pay_rules, places, remote, checks.ctx.today, checks.employees
    ):
        chosen = checks.pay_settings.get(law.severity, law.severity)
        if chosen == "off":
            continue
        severity = Severity.ERROR if chosen == "error" else Severity.WARNING
        found.append(
            Problem(
                posting.source_path,
                None,
                "salary",
                paytransparency.message(law),
                severity,
                rules.PAY_TRANSPARENCY,
            )
        )
    return found


def check_across(outcomes: list[Outcome], strict: bool = False) -> None:
    """What no single file shows: two postings at one address, or sharing a req_id.

    Adds the problems to the outcomes concerned and rejects them.
    """
    valid = [o for o in outcomes if o.posting is not None]
    _duplicates(valid, lambda p: (p.slug, p.lang), rules.DUPLICATE_SLUG, "slug",
                lambda key, others: f"the web address jobs/{key[0]}/ is also used by {others}; rename one file or give one a different slug")  # fmt: skip
    # the translations of one posting (one slug, a file per language) share its req_id
    langs: dict[str, set] = {}
    for outcome in valid:
        langs.setdefault(outcome.posting.slug, set()).add(outcome.posting.lang)
    translated = {slug for slug, found in langs.items() if len(found) > 1}
    _duplicates(valid, lambda p: p.req_id, rules.DUPLICATE_REQ_ID, "req_id",
                lambda key, others: f"{key} is also the req_id of {others}; give each posting its own",
                same=lambda o: o.posting.slug if o.posting.slug in translated else o.path)  # fmt: skip
    _translations_share_req_id([o for o in valid if o.posting.slug in translated])
    hygiene.duplicate_postings(outcomes, strict)  # same title and place: a warning unless strict


def _translations_share_req_id(translations: list[Outcome]) -> None:
    by_slug: dict[str, list[Outcome]] = {}
    for outcome in translations:
        by_slug.setdefault(outcome.posting.slug, []).append(outcome)
    for slug, group in by_slug.items():
        # a translation may leave req_id out (openings import does); two different ones are two
        if len({o.posting.req_id for o in group if o.posting.req_id}) < 2:
            continue
        for outcome in (o for o in group if o.posting.req_id):
            others = ", ".join(
                f"{o.path} ({o.posting.req_id})"
                for o in group
                if o.posting.req_id and o.posting.req_id != outcome.posting.req_id
            )
            outcome.problems.append(
                Problem(
                    outcome.path, outcome.lines.get("req_id"), "req_id",
                    f"{outcome.posting.req_id} here, but {others} translates this"
                    f" posting (slug {slug}); the translations of a posting share one req_id",
                    Severity.ERROR, rules.TRANSLATION_REQ_ID,
                )
            )  # fmt: skip
            outcome.state = State.REJECTED


def _duplicates(outcomes, key_of, rule, field_name, message, same=None) -> None:
    """Postings sharing a key; `same` names the posting an outcome is a file of (its path, or
    the slug its translations share), so the files of one posting are no duplicates."""
    same = same or (lambda outcome: outcome.path)
    groups: dict = {}
    for outcome in outcomes:
        key = key_of(outcome.posting)
        if key:
            groups.setdefault(key, []).append(outcome)
    for key, group in groups.items():
        if len({same(o) for o in group}) < 2:
            continue
        for outcome in group:
            others = ", ".join(o.path for o in group if same(o) != same(outcome))
            outcome.problems.append(
                Problem(
                    outcome.path,
                    outcome.lines.get(field_name),
                    field_name,
                    message(key, others),
                    Severity.ERROR,
                    rule,
                )
            )
            outcome.state = State.REJECTED
