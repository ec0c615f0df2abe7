"""A blog made by pelican-quickstart, with a post in each of Pelican's header styles, to which
Openings is added as docs/existing-site.md says: for tests/build/test_existing_site.py and, from
the installed wheel, tests/test_packaging.py."""

from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

from sitebuild import TODAY

PELICAN = Path(sys.executable).parent

# pelican-quickstart's questions, answered: folder, title, author, language (defaults given on
# the command line), a URL prefix (yes, https://blog.example), no pagination, the time zone, no
# Makefile or upload scripts.
QUICKSTART_ANSWERS = "\n\n\n\ny\nhttps://blog.example\nn\nEurope/Berlin\nn\n"

BLOG = {
    # Pelican's Markdown header
    "first-post.md": """
        Title: My first post
        Date: 2026-10-01 10:00
        Category: Notes
        Tags: hello, pelican
        Slug: first-post
        Summary: The first post.

        Hello, *world*.
        """,
    # Markdown with a YAML-style header between --- lines, and a category
    "yaml-post.md": """
        ---
        title: A post with a YAML-style header
        date: 2026-10-05
        category: Travel
        tags: trains
        ---

        Trains are **fast**.
        """,
    "rest-post.rst": """
        A reST post
        ###########

        :date: 2026-10-10 09:00
        :category: Notes
        :tags: rest
        :slug: rest-post

        Some *reStructuredText*.
        """,
    "html-post.html": """
        <html>
          <head>
            <title>An HTML post</title>
            <meta name="date" content="2026-10-12" />
            <meta name="category" content="Travel" />
            <meta name="tags" content="html" />
          </head>
          <body>
            <p>Written in <em>HTML</em>.</p>
          </body>
        </html>
        """,
    "pages/about.md": """
        Title: About

        About this blog.
        """,
}

POSTINGS = {
    "jobs/backend-developer.md": """
        ---
        title: Backend Developer
        department: Engineering
        date_posted: 2026-11-02
        valid_through: 2027-01-31
        employment_type: Full-time
        locations:
          - {city: Berlin, country: DE}
        salary: {min: 65000, max: 85000, currency: EUR, per: YEAR}
        apply_url: https://blog.example/apply/eng-1
        ---
        We build things. **You** will help.

        - Python
        - Postgres
        """,
    "jobs/product-designer.md": """
        ---
        title: Product Designer
        department: Design
        date_posted: 2026-11-10
        valid_through: 2027-02-28
        employment_type: Part-time
        locations:
          - {city: Hamburg, country: DE}
        salary: {min: 50000, max: 60000, currency: EUR, per: YEAR}
        apply_email: jobs@blog.example
        ---
        Design with us.
        """,
}

# What a site owner adds to the quickstart's pelicanconf.py (docs/existing-site.md). The
# comparison names its plugins: this environment has another namespace plugin installed
# (pelican-yaml-metadata, the benchmark's baseline), which Pelican would find with PLUGINS unset.
SETTINGS = f"""
JOBPOSTING_ORGANIZATION = {{"name": "Ada Labs", "url": "https://blog.example"}}
JOBPOSTING_TODAY = "{TODAY}"
JOBPOSTING_SEARCH = False
"""
ADDED_SETTINGS = 'PLUGINS = ["pelican.plugins.jobposting"]\n' + SETTINGS

# Files the plugin writes besides its pages under jobs/ (its feeds and crawler files).
PLUGIN_FILES = {
    "changes.json",
    "jobs.json",
    "robots.txt",
    "sitemap.xml",
    "feeds/indeed.xml",
    "feeds/jobs.atom.xml",
}


def write(folder: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = folder / "content" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")


def quickstart(folder: Path, python: Path = PELICAN) -> Path:
    """A new blog, made by pelican-quickstart itself, with its answers piped in."""
    done = subprocess.run(
        [str(python / "pelican-quickstart"), "-p", str(folder), "-t", "My Blog", "-a", "Ada",
         "-l", "en"],
        input=QUICKSTART_ANSWERS, capture_output=True, text=True, check=False, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    assert (folder / "pelicanconf.py").exists() and (folder / "publishconf.py").exists()
    write(folder, BLOG)
    return folder


def add_openings(blog: Path, folder: Path, settings: str = ADDED_SETTINGS) -> Path:
    shutil.copytree(blog, folder)
    write(folder, POSTINGS)
    with open(folder / "pelicanconf.py", "a", encoding="utf-8") as conf:
        conf.write(settings)
    return folder


def build(site: Path, *extra: str, python: Path = PELICAN) -> Path:
    """`pelican content -s publishconf.py` in the site's folder (feeds on, absolute URLs)."""
    output = site / "output"
    done = subprocess.run(
        [str(python / "pelican"), "content", "-s", "publishconf.py", "-o", str(output), *extra],
        cwd=site, capture_output=True, text=True, check=False, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    return output


def files(output: Path) -> dict[str, bytes]:
    return {
        p.relative_to(output).as_posix(): p.read_bytes() for p in output.rglob("*") if p.is_file()
    }
