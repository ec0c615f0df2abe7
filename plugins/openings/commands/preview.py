"""The preview HR downloads from a pull request and opens from disk, without a server.

`make preview` builds the site with relative links into preview/site/ (pelicanconf.py already asks
for them), then this module:

- makes every link to a folder (`../../jobs/x/`) name its `index.html`: a browser opening files
  shows a folder's listing, not its index page;
- writes preview/index.html, the start page: the postings the change adds, changes and closes,
  each linked to its page, with its problems (the same comparison as `openings summary`).

    python -m openings.commands.preview preview [--base COMMIT] [--settings pelicanconf.py]
"""

from __future__ import annotations

import argparse
import html
import os
import re
import subprocess
import sys

from ..core.lifecycle import State
from . import summary
from .options import UsageError

# href/src/action values that are relative paths (no scheme, not from the root, not a fragment)
RELATIVE_LINK = re.compile(
    r'(?P<attr>\b(?:href|src|action)=")(?P<path>(?![a-zA-Z][a-zA-Z0-9+.-]*:|/|#)[^"?#]*)'
    r'(?P<rest>[?#][^"]*)?"'
)
SECTION_WORDS = {
    "added": "Added by this change",
    "changed": "Changed by this change",
    "closed": "Closed by this change",
    "removed": "Removed by this change",
}


def folder_links_to_index(text: str) -> str:
    """`href="../jobs/x/"` -> `href="../jobs/x/index.html"`; other links stay as they are."""

    def fix(match: re.Match) -> str:
        path = match["path"]
        if path.endswith("/"):
            path += "index.html"
        elif path in (".", ".."):
            path += "/index.html"
        else:
            return match.group()  # a file, or "?q=x" and "#top" on the page itself
        return f'{match["attr"]}{path}{match["rest"] or ""}"'

    return RELATIVE_LINK.sub(fix, text)


def rewrite_site(site: str) -> int:
    """Rewrite the links of every page under site/; the number of pages."""
    count = 0
    for here, _folders, names in os.walk(site):
        for name in names:
            if not name.endswith(".html"):
                continue
            path = os.path.join(here, name)
            with open(path, encoding="utf-8") as handle:
                text = handle.read()
            fixed = folder_links_to_index(text)
            if fixed != text:
                with open(path, "w", encoding="utf-8") as handle:
                    handle.write(fixed)
            count += 1
    return count


def _git_top(path: str) -> str | None:
    try:
        return summary._git_root(path)
    except UsageError:  # not a git repository (a downloaded zip): every posting is listed
        return None


def default_base(top: str | None) -> str | None:
    """The pull request's base (BASE_SHA in CI), else where this branch left main."""
    if top is None:
        return None
    for candidate in (os.environ.get("BASE_SHA"), "origin/main", "main"):
        if not candidate or re.fullmatch(r"0+", candidate):
            continue
        found = subprocess.run(
            ["git", "merge-base", "HEAD", candidate],
            cwd=top,
            capture_output=True,
            text=True,
            check=False,
        )
        if found.returncode == 0 and found.stdout.strip():
            return found.stdout.strip()
    return None


def page_of(outcome, values: dict, site: str) -> str | None:
    """The posting's page in the preview, relative to the start page, if it was written."""
    posting = outcome.posting
    if posting is None or outcome.state in (State.REJECTED, State.SCHEDULED):
        return None
    if outcome.state is State.DRAFT:
        key = "DRAFT_SAVE_AS" if posting.lang == values["DEFAULT_LANG"] else "DRAFT_LANG_SAVE_AS"
    else:
        key = (
            "ARTICLE_SAVE_AS" if posting.lang == values["DEFAULT_LANG"] else "ARTICLE_LANG_SAVE_AS"
        )
    saved = values[key].format(slug=posting.slug, lang=posting.lang)
    if not saved or not os.path.isfile(os.path.join(site, saved)):
        return None
    return "site/" + saved


def changes(values: dict, base: str | None):
    """(section, SummaryItem) for each posting the change touches; every posting when no base."""
    from .checking import check_files, jobs_root, posting_files

    checked = check_files(values, posting_files(values))
    if base is None:
        return [summary.SummaryItem(o.path, "in this preview", o, None, o.problems)
                for o in checked.outcomes]  # fmt: skip
    top = summary._git_root(values["PATH"])
    jobs = os.path.relpath(os.path.abspath(jobs_root(values)), top)
    now = {os.path.abspath(o.path): o for o in checked.outcomes}
    entries = []
    for status, relative in summary._changed_files(base, top, jobs):
        absolute = os.path.join(top, relative)
        outcome = now.get(absolute)
        before = (
            None
            if status == "A"
            else summary._state_at(base, relative, top, values, checked.checks)
        )
        if status == "D" or outcome is None:
            entries.append(summary.SummaryItem(summary._shown(absolute), "removed", None, before))
        elif before is None:
            entries.append(
                summary.SummaryItem(outcome.path, "added", outcome, None, outcome.problems)
            )
        elif outcome.state is State.CLOSED and before is not State.CLOSED:
            entries.append(
                summary.SummaryItem(outcome.path, "closed", outcome, before, outcome.problems)
            )
        else:
            entries.append(
                summary.SummaryItem(outcome.path, "changed", outcome, before, outcome.problems)
            )
    return entries


def start_page(entries, values: dict, site: str, base: str | None) -> str:
    e = html.escape
    out = [
        "<!doctype html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="robots" content="noindex">',
        f"<title>Preview: {e(values.get('SITENAME', 'careers site'))}</title>",
        '<link rel="stylesheet" href="site/theme/css/site.css">',
        '</head><body><main id="main" class="preview-start">',
        "<h1>Preview of this change</h1>",
        (
            "<p>This preview opens from disk, without a server. Every page and link works; "
            "the search box needs a web server, so it does not search here.</p>"
        ),
        '<p><a href="site/index.html">Open the careers site as it will look</a></p>',
    ]
    sections = list(dict.fromkeys(entry.section for entry in entries))
    if not entries:
        out.append("<p>This change adds, changes and closes no posting.</p>")
    for section in sections:
        chosen = [entry for entry in entries if entry.section == section]
        heading = SECTION_WORDS.get(section, "Postings " + section)
        out.append(f"<h2>{e(heading)} ({len(chosen)})</h2>")
        out.append('<ul class="preview-changes">')
        for entry in chosen:
            out.append("<li>" + _entry_html(entry, values, site) + "</li>")
        out.append("</ul>")
    if base is None:
        out.append("<p>No commit to compare with was found, so every posting is listed.</p>")
    out.append("</main></body></html>")
    return "\n".join(out) + "\n"


def _entry_html(entry, values: dict, site: str) -> str:
    e = html.escape
    outcome = entry.outcome
    if outcome is None:
        return f"<code>{e(entry.path)}</code>: deleted, so its page disappears"
    state = outcome.state.value
    if entry.before is not None and entry.before is not outcome.state:
        state = f"{entry.before.value} → {state}"
    title = outcome.posting.title if outcome.posting else entry.path
    page = page_of(outcome, values, site)
    name = f'<a href="{e(page)}">{e(title)}</a>' if page else f"<strong>{e(title)}</strong>"
    why = {
        State.REJECTED: "no page: it has errors, so it is not published until they are fixed",
        State.SCHEDULED: "no page yet: its date_posted is in the future",
    }.get(outcome.state)
    parts = [f"{name} <code>{e(entry.path)}</code> ({e(state)})"]
    if why:
        parts.append(f"<br>{e(why)}")
    problems = sorted(set(entry.problems), key=lambda p: (p.line or 0, p.message))
    if problems:
        items = "".join(
            f"<li>{'error' if p.is_error else 'warning'}"
            f"{', line ' + str(p.line) if p.line else ''}"
            f"{', ' + e(p.field) if p.field else ''}: {e(p.message)}</li>"
            for p in problems
        )
        parts.append(f"<ul>{items}</ul>")
    return "".join(parts)


def main(argv: list[str] | None = None) -> int:
    from .checking import load_settings

    parser = argparse.ArgumentParser(prog="python -m openings.commands.preview")
    parser.add_argument("folder", help="the preview folder; the site is built in FOLDER/site")
    parser.add_argument("--base", help="the commit to compare with (default: the branch point)")
    parser.add_argument("--settings", default="pelicanconf.py")
    args = parser.parse_args(argv)
    site = os.path.join(args.folder, "site")
    try:
        if not os.path.isfile(os.path.join(site, "index.html")):
            raise UsageError(f"{site}/index.html is missing: build the site first (make preview)")
        namespace = argparse.Namespace(settings=args.settings, content=None, today=None)
        values = load_settings(namespace)
        base = args.base or default_base(_git_top(values["PATH"]))
        entries = changes(values, base)
    except UsageError as error:
        print(f"preview: {error}", file=sys.stderr)
        return 2
    pages = rewrite_site(site)
    with open(os.path.join(args.folder, "index.html"), "w", encoding="utf-8") as handle:
        handle.write(start_page(entries, values, site, base))
    print(f"{args.folder}/index.html: the preview's start page ({pages} pages, {len(entries)} "
          "postings listed); open it in a browser, no server needed")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
