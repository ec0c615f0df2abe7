"""The benchmark's alternative: the same board built by Hugo, then indexed by Pagefind's CLI.

What a team would set up without Openings for a static careers site with search: Hugo (from the
`hugo` package, which ships its binary; `make bench` installs it) with a small theme of its own
that shows what an Openings posting page shows (title, place, facts, pay, apply link,
description), a list page, a page per department, Hugo's own sitemap and RSS feed, and then
Pagefind's command line over the written pages.

    .venv/bin/python bench/hugo.py --postings 1000        # one build, its time and page count

The postings are bench/postings.py's board, written with Hugo's names for the same facts
(`date`, `expiryDate`, `draft`) and the department as a taxonomy; every other field is kept as
a page parameter, so the templates read the same values Openings does. Hugo leaves out drafts
and postings past their `expiryDate`, as Openings leaves them out of its lists.
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import postings  # noqa: E402

CONFIG = """\
baseURL: https://careers.example/
title: Careers at Fernhill
languageCode: en
timeZone: Europe/Berlin
enableRobotsTXT: true
taxonomies:
  department: departments
disableKinds: [taxonomy]
"""

LAYOUTS = {
    "_default/baseof.html": """\
<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }} – {{ site.Title }}</title>
<meta name="description" content="{{ .Summary | plainify | truncate 160 }}"></head>
<body><header><a href="{{ "" | relURL }}">{{ site.Title }}</a></header>
<main>{{ block "main" . }}{{ end }}</main></body></html>
""",
    "_default/single.html": """\
{{ define "main" }}<article data-pagefind-body>
<h1>{{ .Title }}</h1>
<p>{{ .Params.workplace }} · {{ range .Params.locations }}{{ if reflect.IsMap . }}{{ .locality }}{{ else }}{{ . }}{{ end }} {{ end }}{{ delimit (.Params.remote_countries | default slice) ", " }}</p>
<dl>
<dt>Department</dt><dd>{{ delimit (.Params.departments | default slice) ", " }}</dd>
<dt>Employment</dt><dd>{{ .Params.employment_type }}</dd>
{{ with .Params.salary }}<dt>Pay</dt><dd>{{ with .min }}{{ lang.FormatNumber 0 . }}–{{ end }}{{ with .max }}{{ lang.FormatNumber 0 . }}{{ end }}{{ with .value }}{{ lang.FormatNumber 0 . }}{{ end }} {{ .currency }} {{ .per }}</dd>{{ end }}
<dt>Posted</dt><dd>{{ .Date.Format "2 January 2006" }}</dd>
{{ if not .ExpiryDate.IsZero }}<dt>Apply by</dt><dd>{{ .ExpiryDate.Format "2 January 2006" }}</dd>{{ end }}
{{ with .Params.req_id }}<dt>Reference</dt><dd>{{ . }}</dd>{{ end }}
</dl>
{{ with .Params.apply_url }}<p><a href="{{ . }}">Apply</a></p>{{ else }}<p><a href="mailto:{{ .Params.apply_email }}">Apply</a></p>{{ end }}
{{ .Content }}
</article>{{ end }}
""",
    "_default/list.html": """\
{{ define "main" }}<h1>{{ .Title }}</h1>
<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <p>{{ .Params.summary }}</p></li>{{ end }}</ul>
{{ end }}
""",
}

# Openings' names for the facts Hugo has names of its own for
HUGO_KEYS = {"date_posted": "date", "valid_through": "expiryDate", "department": "departments"}
DROPPED = {"lang"}  # a Hugo page's language is a site setting, not a field


def hugo_front(front: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """A posting's front matter in Hugo's terms (values stay as YAML text)."""
    converted = []
    for name, value in front:
        if name in DROPPED:
            continue
        if name == "status":
            if value == "draft":
                converted.append(("draft", "true"))
            elif value == "closed":  # closed: Hugo leaves it out, as a past expiryDate would
                yesterday = postings.TODAY - dt.timedelta(days=1)
                converted = [(k, v) for k, v in converted if k != "expiryDate"]
                converted.append(("expiryDate", yesterday.isoformat()))
            continue
        written = f"[{value}]" if name == "department" else value  # a taxonomy is a list
        converted.append((HUGO_KEYS.get(name, name), written))
    return converted


def write_site(site: Path, count: int, seed: int = postings.DEFAULT_SEED) -> int:
    """The Hugo site of the board: config, layouts, the postings and the company pages."""
    if site.exists():
        shutil.rmtree(site)
    board = postings._Board(seed)
    jobs = site / "content" / "jobs"
    jobs.mkdir(parents=True)
    (site / "content" / "_index.md").write_text("---\ntitle: Open jobs\n---\n", "utf-8")
    for index in range(count):
        posting = board.posting(index)
        hugo = postings.Posting(posting.name, hugo_front(posting.front), posting.body)
        (jobs / f"{posting.name}.md").write_text(postings.render(hugo, "openings"), "utf-8")
    shutil.copytree(ROOT / "content" / "pages", site / "content" / "pages")
    (site / "hugo.yaml").write_text(CONFIG, "utf-8")
    for relative, text in LAYOUTS.items():
        path = site / "layouts" / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
    return count


def commands(site: Path) -> list[list[str]]:
    """Hugo's build, then Pagefind's index over its output, as a team would run them."""
    return [
        [sys.executable, "-m", "hugo", "--quiet", "--source", str(site), "--destination", "public"],
        [sys.executable, "-m", "pagefind", "--site", str(site / "public"), "--silent"],
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--postings", type=int, default=1000)
    parser.add_argument("--work", type=Path, default=ROOT / "bench" / "out" / "hugo")
    args = parser.parse_args(argv)
    write_site(args.work, args.postings)
    start = time.perf_counter()
    for command in commands(args.work):
        subprocess.run(command, check=True)
    seconds = time.perf_counter() - start
    pages = sum(1 for _ in (args.work / "public").rglob("*.html"))
    print(f"Hugo + Pagefind, {args.postings:,} postings: {seconds:.2f} s, {pages:,} HTML files")
    return 0


if __name__ == "__main__":
    sys.exit(main())
