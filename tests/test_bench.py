"""The benchmark itself: a deterministic board that Openings accepts, and a runner that works.

No timing is asserted here (speed lives in bench/ and docs/performance.md); the 10,000-posting
memory check is marked slow and runs with `pytest -m slow tests/test_bench.py`.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest
from sitebuild import ROOT, run_build

sys.path.insert(0, str(ROOT))
from bench import phone, postings, run


def digest(folder: Path) -> dict[str, str]:
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


@pytest.mark.parametrize("form", postings.FORMS)
def test_same_seed_same_bytes(tmp_path, form):
    postings.generate(tmp_path / "a", 25, seed=7, form=form)
    postings.generate(tmp_path / "b", 25, seed=7, form=form)
    first, second = digest(tmp_path / "a"), digest(tmp_path / "b")
    assert len([name for name in first if name.startswith("jobs/")]) == 25
    assert first == second


def test_another_seed_another_board(tmp_path):
    postings.generate(tmp_path / "a", 10, seed=1)
    postings.generate(tmp_path / "b", 10, seed=2)
    assert digest(tmp_path / "a") != digest(tmp_path / "b")


def test_a_smaller_board_keeps_no_files_of_a_bigger_one(tmp_path):
    postings.generate(tmp_path / "c", 12)
    postings.generate(tmp_path / "c", 3)
    assert len(list((tmp_path / "c" / "jobs").glob("*.md"))) == 3


def test_postings_are_realistic(tmp_path):
    postings.generate(tmp_path / "c", 60)
    files = sorted((tmp_path / "c" / "jobs").glob("*.md"))
    texts = [f.read_text(encoding="utf-8") for f in files]
    for text in texts:
        _, front, body = text.split("---\n", 2)
        words = len(body.split())
        assert 400 <= words <= 1700, words  # 400-1,500 words of prose, plus the last paragraph
        for field in ("title", "date_posted", "valid_through", "department", "workplace",
                      "employment_type", "salary", "req_id", "education", "experience_months",
                      "openings", "summary", "tags", "status"):  # fmt: skip
            assert f"\n{field}:" in "\n" + front, (field, front)
    every = "\n".join(texts)
    for field in ("locations", "remote_countries", "apply_url", "apply_email", "direct_apply",
                  "hiring_organization", "experience_in_place_of_education", "start_date",
                  "lang", "modified"):  # fmt: skip
        assert f"\n{field}:" in every, field
    assert "## " in every and "\n- " in every and "| Step |" in every and "](" in every


def test_openings_builds_every_generated_posting_without_a_problem(tmp_path, capsys):
    content = tmp_path / "content"
    postings.generate(content, 80)
    run_build(content, tmp_path / "output", JOBPOSTING_TODAY=postings.TODAY.isoformat())
    report = capsys.readouterr().err.splitlines()
    summary = [line for line in report if "80 files:" in line]
    assert summary, "the build summary names all 80 files"
    assert "0 rejected; 0 errors" in summary[0]
    # the board's expired postings still say status: open, as real ones do: told, nothing else
    warnings = [line for line in report if ": warning: " in line]
    expired = "has passed, so the site shows this posting as closed"
    assert all(expired in line for line in warnings), warnings
    assert " 0 open" not in summary[0]
    pages = list((tmp_path / "output" / "jobs").glob("*/index.html"))
    assert len(pages) >= 60


def test_the_plain_form_is_what_yaml_metadata_reads(tmp_path):
    from pelican.plugins.yaml_metadata.yaml_metadata import YAMLMetadataReader
    from pelican.settings import DEFAULT_CONFIG

    postings.generate(tmp_path / "plain", 20, form="plain")
    postings.generate(tmp_path / "openings", 20, form="openings")
    reader = YAMLMetadataReader(dict(DEFAULT_CONFIG))
    for path in sorted((tmp_path / "plain" / "jobs").glob("*.md")):
        html, meta = reader.read(str(path))
        assert meta["title"] and meta["date"] and str(meta["category"])
        assert meta["slug"] == path.stem
        mine = (tmp_path / "openings" / "jobs" / path.name).read_text(encoding="utf-8")
        assert mine.split("---\n", 2)[2] == path.read_text(encoding="utf-8").split("---\n", 2)[2]
        assert "<h2>" in html


def test_runner_end_to_end_on_five_postings(tmp_path):
    results = tmp_path / "results.json"
    command = [sys.executable, str(ROOT / "bench" / "run.py"), "--postings", "5", "--repeat", "1",
               "--big", "0", "--validate-repeat", "1", "--incremental-edits", "1",
               "--kept-repeat", "1", "--phone-repeat", "1",
               "--work", str(tmp_path / "work"), "--results", str(results)]  # fmt: skip
    done = subprocess.run(
        command, check=False, capture_output=True, text=True, cwd=ROOT, timeout=600
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "ratio Openings / plain Pelican:" in done.stdout
    data = json.loads(results.read_text(encoding="utf-8"))
    comparison = data["comparison"]
    assert comparison["postings"] == 5
    hugo = {"hugo"} if run.hugo_installed() else set()  # make bench installs it
    assert {r["variant"] for r in comparison["runs"]} == {"plain", "openings"} | hugo
    for build in comparison["runs"]:
        assert build["seconds"] > 0 and build["peak_mb"] > 0 and build["html_files"] >= 5
        # sampled every 0.25 s: a Python build lives long enough to be seen with its imports;
        # Hugo and Pagefind on five postings may be seen only as they start
        least = 0 if build["variant"] == "hugo" else 10
        assert build["peak_tree_mb"] is None or build["peak_tree_mb"] > least
    assert comparison["ratio"] == pytest.approx(
        comparison["median_seconds"]["openings"] / comparison["median_seconds"]["plain"]
    )
    assert data["validate"]["runs"] and data["validate"]["median_seconds"] > 0
    if hugo:
        assert "ratio Openings / Hugo + Pagefind at N = 5:" in done.stdout
    (edit,) = data["incremental"]
    assert edit["postings"] == 5 and len(edit["rebuild_seconds"]) == 1
    assert "devserver rebuild after one edit, N = 5:" in done.stdout
    assert edit["requests"] >= 1 and edit["slowest_request_seconds"] > 0
    assert "the server meanwhile: " in done.stdout
    (kept,) = data["kept"]
    assert kept["postings"] == 5 and kept["first_seconds"] > 0 and kept["cache_mb"] > 0
    assert {name: len(times) for name, times in kept["runs"].items()} == {
        "same postings": 1,
        "one posting edited": 1,
        "next day": 1,
    }
    assert "kept builds, N = 5" in done.stdout
    if hugo:
        assert set(kept["hugo_ratio"]) == set(kept["runs"])
    if phone.chromium():  # make system-deps installs it; five cards are not a long list
        assert "phone" not in data
        assert "left out: the list page has 5 cards: a list of 100 or fewer" in done.stdout


def test_the_phone_benchmark_on_a_long_list(tmp_path):
    if phone.chromium() is None:
        pytest.skip("Chromium is not installed: run `make system-deps`")
    files = run.prepare(tmp_path, 130, postings.DEFAULT_SEED, variants=("openings",))
    run.build("openings", files["openings"], 130)
    # its own process, as run: Playwright's sync API refuses a second start in one process
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "phone.py"), str(tmp_path / "openings-130" / "output"),
         "--repeat", "1"],
        check=False, capture_output=True, text=True, cwd=ROOT, timeout=600,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    seen = json.loads(done.stdout)
    assert seen["cards"] > 100 and seen["repeat"] == 1
    assert set(seen["ratio"]) == set(phone.FIGURES)
    for variant in ("with", "without"):
        assert all(seconds > 0 for seconds in seen["median"][variant].values())
    (line,) = phone.table([seen])
    assert line.startswith(f"list page on a phone (360 px, CPU / 4), {seen['cards']:,} cards")


def test_the_phone_benchmark_takes_out_the_stylesheets_card_rule():
    """bench/phone.py compares the list with and without this rule: it must find it."""
    css = (ROOT / "plugins/openings/theme/static/css/site.css").read_text(encoding="utf-8")
    assert len(phone.CARD_RULE.findall(css)) == 1
    assert "content-visibility" not in phone.CARD_RULE.sub("", css)


def test_big_builds_take_the_median_in_turns(tmp_path):
    said = []
    others = ("hugo",) if run.hugo_installed() else ()
    openings, found = run.big_builds(6, postings.DEFAULT_SEED, tmp_path, others, 3, said.append)
    assert len(openings["runs"]) == 3
    assert openings["seconds"] == sorted(openings["runs"])[1]
    assert openings["memory_mb"] >= 10 and openings["met"]
    assert set(found) == set(others)
    for other in found.values():
        assert len(other["runs"]) == 3 and other["seconds"] == sorted(other["runs"])[1]
    if others:  # in turns, each going first in turn
        assert [line.split()[2] for line in said][:2] == ["Openings", "Hugo"]
        assert [line.split()[2] for line in said][2:4] == ["Hugo", "Openings"]


def test_runner_refuses_bad_options_with_a_message(tmp_path):
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "run.py"), "--postings", "-3"],
        check=False, capture_output=True, text=True, cwd=ROOT, timeout=60,
    )  # fmt: skip
    assert done.returncode == 2
    assert "negative" in done.stderr and "Traceback" not in done.stderr


def test_a_failed_build_is_reported_not_measured(tmp_path):
    files = run.prepare(tmp_path, 3, postings.DEFAULT_SEED, variants=("openings",))
    broken = next((tmp_path / "openings-3" / "content" / "jobs").glob("*.md"))
    broken.write_text("---\ntitle: [unclosed\n---\nbody\n", encoding="utf-8")
    with pytest.raises(run.BenchError, match="Openings build failed"):
        run.build("openings", files["openings"], 3)


@pytest.mark.slow
@pytest.mark.timeout(3600)
def test_ten_thousand_postings_build_in_under_a_gigabyte(tmp_path):
    big, _ = run.big_builds(10_000, postings.DEFAULT_SEED, tmp_path, (), 1, print)
    assert big["html_files"] >= 9_000
    assert big["memory_mb"] <= run.TARGET_PEAK_MB, big  # Pelican and Pagefind together


def test_same_output_names_every_file_that_differs(tmp_path):
    from bench.same_output import differences

    for side in ("before", "after"):
        (tmp_path / side / "jobs" / "a").mkdir(parents=True)
        (tmp_path / side / "jobs" / "a" / "index.html").write_text("<p>same</p>")
    (tmp_path / "before" / "jobs" / "gone.html").write_text("x")
    (tmp_path / "after" / "new.xml").write_text("x")
    (tmp_path / "before" / "sitemap.xml").write_text("<a/>")
    (tmp_path / "after" / "sitemap.xml").write_text("<b/>")
    assert differences(tmp_path / "before", tmp_path / "after") == [
        "differs:     sitemap.xml",
        "only after:  new.xml",
        "only before: jobs/gone.html",
    ]
    assert differences(tmp_path / "before" / "jobs" / "a", tmp_path / "after" / "jobs" / "a") == []
