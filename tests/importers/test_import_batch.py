"""A whole old site in one command: every source its own posting, none written over another."""

from __future__ import annotations

from pathlib import Path

from importing import import_into
from sitebuild import Site

_POSTING = "---\ntitle: {title}\nlayout: job\n---\n\nWhat the job in {folder} is about.\n"


def _old_site(root: Path) -> Path:
    old = root / "old"
    for folder, name, title in [
        ("backend", "README.md", "Engineer"),
        ("frontend", "README.md", "Engineer"),
        ("design", "index.md", "Designer"),
        ("ops", "index.md", ""),
        ("jobs/data", "jd.mdx", ""),
    ]:
        (old / folder).mkdir(parents=True, exist_ok=True)
        text = _POSTING.format(title=title, folder=folder) if title else f"Words about {folder}.\n"
        (old / folder / name).write_text(text, encoding="utf-8")
    return old


def test_every_source_becomes_its_own_posting_and_clashes_get_a_suffix(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    site = Site(tmp_path / "site")
    summary = import_into(site, _old_site(tmp_path).relative_to(tmp_path))
    assert summary.failed == 0 and summary.imported == 5
    names = sorted(p.name for p in (site.content / "jobs").iterdir())
    assert names == ["data.md", "designer.md", "engineer-2.md", "engineer.md", "ops.md"]
    jobs = (site.content / "jobs").iterdir()
    assert len({p.read_text(encoding="utf-8").split("---\n", 2)[2] for p in jobs}) == 5


def test_force_replaces_only_what_the_same_source_wrote(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    site = Site(tmp_path / "site")
    old = _old_site(tmp_path).relative_to(tmp_path)
    import_into(site, old)
    (old / "frontend" / "README.md").write_text(
        _POSTING.format(title="Engineer", folder="frontend") + "\nNow with React.\n",
        encoding="utf-8",
    )
    again = import_into(site, old, force=True)
    assert again.failed == 0 and again.imported == 5
    assert all(result.replaced for result in again.results)
    jobs = site.content / "jobs"
    assert sorted(p.name for p in jobs.iterdir()) == [
        "data.md", "designer.md", "engineer-2.md", "engineer.md", "ops.md",
    ]  # fmt: skip
    assert "Now with React." in (jobs / "engineer-2.md").read_text(encoding="utf-8")
    assert "Now with React." not in (jobs / "engineer.md").read_text(encoding="utf-8")


def test_the_same_file_given_twice_is_written_once(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    site = Site(tmp_path / "site")
    old = _old_site(tmp_path).relative_to(tmp_path)
    summary = import_into(site, old / "ops" / "index.md", old / "ops" / "index.md", force=True)
    assert summary.imported == 1
    assert "given twice" in summary.results[1].failure


_EN = """---
layout: post
title: Software Developer Frontend
date: 2016-05-27 23:00:00
lang: {lang}
ref: frontend
location: Berlin, Germany
---

{body}
"""
_BODY_EN = "We are looking for a frontend developer who enjoys building accessible pages. " * 4
_BODY_DE = "Wir suchen eine Frontend-Entwicklerin, die gerne barrierefreie Seiten baut. " * 4


def test_an_english_german_pair_is_one_posting_in_two_languages(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for lang, body in (("de", _BODY_DE), ("en", _BODY_EN)):
        (tmp_path / "old" / lang).mkdir(parents=True)
        (tmp_path / "old" / lang / "2016-05-27-frontend.md").write_text(
            _EN.format(lang=lang, body=body), encoding="utf-8"
        )
    site = Site(tmp_path / "site")
    summary = import_into(site, "old")
    assert summary.failed == 0 and summary.imported == 2
    jobs = site.content / "jobs"
    english = (jobs / "software-developer-frontend.md").read_text(encoding="utf-8")
    german = (jobs / "software-developer-frontend-de.md").read_text(encoding="utf-8")
    assert "lang: en" in english and "slug:" not in english  # the original, in DEFAULT_LANG
    assert "lang: de" in german and "\nslug: software-developer-frontend\n" in german
    assert "\nref:" not in english and "imported_ref" not in english
    # Jekyll's ref pairs the translations: it is no req_id
    assert "req_id" not in english and "req_id" not in german


def test_the_language_comes_from_the_path_then_the_text(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "old").mkdir()
    (tmp_path / "old" / "dev.fr.md").write_text("# Développeur\n\nUn poste.\n", encoding="utf-8")
    (tmp_path / "old" / "entwickler.md").write_text(
        f"# Entwickler\n\n{_BODY_DE}\n", encoding="utf-8"
    )
    (tmp_path / "old" / "short.md").write_text("# Dev\n\nKurz.\n", encoding="utf-8")
    site = Site(tmp_path / "site")
    import_into(site, "old")
    jobs = site.content / "jobs"
    assert "\nlang: fr\n" in (jobs / "developpeur.md").read_text(encoding="utf-8")
    detected = (jobs / "entwickler.md").read_text(encoding="utf-8")
    assert "# detected from the text (py3langid)" in detected and "\nlang: de\n" in detected
    assert "lang:" not in (jobs / "dev.md").read_text(encoding="utf-8")  # too short to tell
