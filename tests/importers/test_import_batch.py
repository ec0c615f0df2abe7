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
