"""The production build: `make publish` needs SITEURL and puts it in every URL crawlers read;
building the same content twice on the same day gives byte-identical files."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import subprocess
from pathlib import Path

import pytest
from sitebuild import ROOT, Site

TODAY_EPOCH = str(int(dt.datetime(2026, 11, 28, 12, tzinfo=dt.UTC).timestamp()))


def make_publish(output: Path, siteurl: str | None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("SITEURL", "PREVIOUS_JOBS_JSON")}
    env["SOURCE_DATE_EPOCH"] = TODAY_EPOCH
    if siteurl is not None:
        env["SITEURL"] = siteurl
    # -o: the virtualenv is already installed; do not let make reinstall it
    return subprocess.run(
        [
            "make",
            "--no-print-directory",
            "-o",
            ".venv/.installed",
            "publish",
            f"OUTPUTDIR={output}",
        ],
        check=False,
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.mark.parametrize("siteurl", [None, "", "careers.example"])
def test_publish_without_a_site_url_fails_clearly(tmp_path, siteurl):
    result = make_publish(tmp_path / "out", siteurl)
    assert result.returncode != 0
    assert "SITEURL is not set" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out" / "sitemap.xml").exists()


def test_publish_puts_the_site_url_in_everything_crawlers_read(tmp_path):
    siteurl = "https://example.github.io/careers"
    result = make_publish(tmp_path / "out", siteurl)
    assert result.returncode == 0, result.stderr
    out = tmp_path / "out"
    sitemap = (out / "sitemap.xml").read_text()
    locs = [line.strip()[5:-6] for line in sitemap.splitlines() if "<loc>" in line]
    assert locs and all(loc.startswith(f"{siteurl}/") for loc in locs)
    assert f"Sitemap: {siteurl}/sitemap.xml" in (out / "robots.txt").read_text()
    jobs = json.loads((out / "jobs.json").read_text())["jobs"]
    assert jobs and all(job["url"].startswith(f"{siteurl}/jobs/") for job in jobs)
    page = (out / "jobs/backend-developer/index.html").read_text()
    assert f'<link rel="canonical" href="{siteurl}/jobs/backend-developer/">' in page
    assert f'"url": "{siteurl}/jobs/backend-developer/"' in page or (
        f'"url":"{siteurl}/jobs/backend-developer/"' in page
    )
    assert not (out / "drafts").exists()  # publishing never shows drafts


def hashes(root: Path) -> dict[str, str]:
    return {
        str(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def test_same_content_same_day_gives_byte_identical_output(tmp_path):
    first = Site(tmp_path / "a", with_samples=True)
    first.build()
    second = Site(tmp_path / "b", with_samples=True)
    second.build()
    a, b = hashes(first.output), hashes(second.output)
    assert {
        "sitemap.xml",
        "robots.txt",
        "jobs.json",
        "changes.json",
        "feeds/jobs.atom.xml",
        "feeds/indeed.xml",
    } <= set(a)
    assert sorted(a) == sorted(b)
    assert [path for path in a if a[path] != b[path]] == []
    # and the crawler files do not carry the clock's date
    today = dt.datetime.now(dt.UTC).date().isoformat()
    if today != "2026-11-28":
        for path in ("sitemap.xml", "jobs.json", "feeds/jobs.atom.xml", "feeds/indeed.xml"):
            assert today not in (first.output / path).read_text(), path
