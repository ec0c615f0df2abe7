"""The search index: compact records of open postings, split into parts on big boards.

Real builds with the real Pagefind binary; what a browser finds in them is in
tests/browser/test_search_parts.py and tests/browser/test_site_filters.py.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from openings.core.problems import BuildFailed
from openings.outputs import search, search_index, search_records
from sitebuild import SAMPLE_OPEN_PATHS, Site

OPEN_URLS = SAMPLE_OPEN_PATHS


def entry(folder) -> dict:
    return json.loads((folder / "pagefind-entry.json").read_text(encoding="utf-8"))


def pages_in(folder) -> int:
    return sum(language["page_count"] for language in entry(folder)["languages"].values())


def digest(folder) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_plain_text_separates_words_at_every_tag_and_decodes_entities():
    html = "<h2>About</h2><p>Fish &amp; chips</p><ul><li>one</li><li>two</li></ul><p>a<br>b</p>"
    assert search_records.plain_text(html) == "About Fish & chips one two a b"


def test_distinct_words_keeps_each_word_once_in_the_order_of_first_use():
    text = "Python, Go and python. We use Go (GO) daily; “Go” — and C++, C# and .NET (C#)"
    assert search_records.distinct_words(text) == "Python, Go and We use daily; — C++, C# .NET"


def test_the_words_of_the_head_lines_are_not_repeated_from_the_description():
    head = "Backend Developer\nBerlin, Germany\nFull-time · Engineering"
    text = "As a backend developer in Berlin you will write Python for our engineering team."
    assert (
        search_records.distinct_words(text, head) == "As a in you will write Python for our team."
    )


def test_a_description_word_used_once_or_many_times_finds_the_posting_alike():
    many = search_records.distinct_words("Kubernetes " * 50 + "Terraform")
    assert many == "Kubernetes Terraform"


def test_parts_stay_under_the_word_budget_and_keep_every_record_in_order():
    records = [search_records.Record(f"/jobs/{n}/", str(n), "word " * words)
               for n, words in enumerate([400, 300, 500, 1200, 100, 100])]  # fmt: skip
    parts = list(search_index.split(records, 800))
    assert [[r.title for r in part] for part in parts] == [["0", "1"], ["2"], ["3"], ["4", "5"]]
    assert [r for part in parts for r in part] == records
    assert list(search_index.split([], 800)) == [[]]


def _board_records(count: int, words: int = 100) -> list:
    return [search_records.Record(f"/jobs/job-{n:05d}/", str(n), "word " * words)
            for n in range(count)]  # fmt: skip


def _parts(records, part_words: int) -> list[tuple[str, ...]]:
    return [tuple(r.url for r in part) for part in search_index.split(records, part_words)]


def test_a_board_within_the_word_budget_is_one_part_and_parts_stay_within_it():
    assert len(_parts(_board_records(199), 20_000)) == 1  # 19,900 words
    parts = list(search_index.split(_board_records(3000), 20_000))
    assert 15 <= len(parts) <= 30
    assert all(sum(r.words for r in part) <= 20_000 for part in parts)
    assert [r for part in parts for r in part] == _board_records(3000)


@pytest.mark.parametrize("where", [10, 1234, 2500, 2999])
def test_a_posting_added_or_closed_changes_its_own_part_and_at_most_two_more(where):
    """Parts end where the postings say (search_index.Cuts), not at a running count: a kept
    build then indexes again the few parts around the change, not every part after it."""
    board = _board_records(3000)
    before = set(_parts(board, 20_000))
    added = search_records.Record("/jobs/new-one/", "new", "word " * 100)
    for changed in ([*board[:where], added, *board[where:]], board[:where] + board[where + 1 :]):
        after = _parts(changed, 20_000)
        assert 1 <= len([p for p in after if p not in before]) <= 3


def test_a_record_holds_what_candidates_search_for(tmp_path):
    from pelican import signals

    state = {}

    def keep(generators):
        articles = next(g for g in generators if hasattr(g, "articles") and hasattr(g, "drafts"))
        state["records"] = {
            r.url: r
            for r in map(search_records.record, articles.context["jobposting"].open_articles())
        }

    signals.all_generators_finalized.connect(keep)
    try:
        Site(tmp_path, with_samples=True).build()
    finally:
        signals.all_generators_finalized.disconnect(keep)
    records = state["records"]
    assert sorted(records) == OPEN_URLS
    german = records["/jobs/werkstudent-frontend/de/"]
    assert german.title == "Werkstudent*in Frontend-Entwicklung"
    assert "Teilzeit" in german.content and "Fernhill Health" in german.content
    backend = records["/jobs/backend-developer/"].content
    assert "Backend Developer" in backend and "Berlin" in backend
    assert "<" not in backend and "&amp;" not in backend
    # parts are measured in the posting's words, repeats included (its memory in Pagefind)
    item = records["/jobs/backend-developer/"]
    assert item.words > len(item.content.split()) > 100


def test_one_index_for_a_small_board(tmp_path, capsys):
    site = Site(tmp_path, with_samples=True)
    site.build()
    bundle = site.output / "pagefind"
    assert pages_in(bundle) == 7
    assert entry(bundle)["languages"].keys() == {"en"}  # German posting in the English index
    assert not list(bundle.glob("part-*"))
    assert "parts" not in capsys.readouterr().err


def test_a_big_board_is_indexed_in_parts_behind_one_module(tmp_path, capsys):
    site = Site(tmp_path, with_samples=True)
    site.build(JOBPOSTING_SEARCH_PART_WORDS=800)
    bundle = site.output / "pagefind"
    parts = sorted(bundle.glob("part-*"), key=lambda p: int(p.name.split("-")[1]))
    assert len(parts) >= 3
    assert sum(pages_in(part) for part in parts) == 7  # every open posting, once
    module = (bundle / "pagefind.js").read_text(encoding="utf-8")
    assert 'export * from "./part-1/pagefind.js";' in module
    merged = json.loads(re.search(r"await Promise\.all\((\[.*?\])", module).group(1))
    assert merged == [p.name for p in parts[1:]]
    err = capsys.readouterr().err
    assert f"search index in {len(parts)} parts of at most 800 words" in err


def paths_of(bundle) -> dict:
    return json.loads((bundle / "paths.json").read_text(encoding="utf-8"))


def test_paths_json_names_the_posting_of_every_result_and_fragments_stay_unpublished(tmp_path):
    site = Site(tmp_path, with_samples=True)
    site.build()
    bundle = site.output / "pagefind"
    paths = paths_of(bundle)
    assert sorted(paths.values()) == OPEN_URLS
    assert all(re.fullmatch(r"en_[0-9a-f]+", result_id) for result_id in paths)
    assert not (bundle / "fragment").exists()
    # Pagefind's own search interfaces: the list page has its own
    assert (
        not list(bundle.glob("pagefind-*ui*")) and not (bundle / "pagefind-highlight.js").exists()
    )
    assert (bundle / "pagefind.js").is_file() and (bundle / "pagefind-worker.js").is_file()


def test_paths_json_covers_every_part_of_a_big_board(tmp_path):
    site = Site(tmp_path, with_samples=True)
    site.build(JOBPOSTING_SEARCH_PART_WORDS=800)
    bundle = site.output / "pagefind"
    paths = paths_of(bundle)
    assert sorted(paths.values()) == OPEN_URLS  # ids unique across these parts
    assert not list(bundle.glob("part-*/fragment"))


def test_a_smaller_board_leaves_no_part_of_a_bigger_one(tmp_path):
    site = Site(tmp_path, with_samples=True)
    site.build(JOBPOSTING_SEARCH_PART_WORDS=800)
    site.build()
    assert not list((site.output / "pagefind").glob("part-*"))
    assert pages_in(site.output / "pagefind") == 7


@pytest.mark.parametrize("part_words", [1_000_000, 800])
def test_two_builds_write_identical_index_files(tmp_path, part_words):
    first, second = Site(tmp_path / "a", with_samples=True), Site(tmp_path / "b", with_samples=True)
    first.build(JOBPOSTING_SEARCH_PART_WORDS=part_words)
    second.build(JOBPOSTING_SEARCH_PART_WORDS=part_words)
    assert digest(first.output / "pagefind") == digest(second.output / "pagefind")


def test_no_index_without_search(tmp_path):
    site = Site(tmp_path, with_samples=True)
    site.build(JOBPOSTING_SEARCH=False)
    assert not (site.output / "pagefind").exists()


def test_a_missing_pagefind_fails_the_build_with_a_message(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(tmp_path / "no-such-pagefind"))
    site = Site(tmp_path, with_samples=True)
    with pytest.raises(BuildFailed):
        site.build()
    err = capsys.readouterr().err
    assert "jobposting: the search index was not built: could not start Pagefind" in err
    assert "JOBPOSTING_SEARCH = False" in err
    assert "Traceback" not in err


def test_a_pagefind_that_stops_fails_the_build_with_a_message(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", "/bin/true")  # starts, reads nothing, exits
    site = Site(tmp_path, with_samples=True)
    with pytest.raises(BuildFailed):
        site.build()
    assert "the search index was not built: Pagefind stopped" in capsys.readouterr().err


def test_a_build_with_errors_writes_no_index(tmp_path):
    site = Site(tmp_path, with_samples=True)
    site.posting("broken.md", "---\ntitle: [unclosed\n---\nbody\n")
    with pytest.raises(BuildFailed):
        site.build()
    assert not (site.output / "pagefind").exists()


def test_records_sent_in_chunks_are_all_indexed(monkeypatch):
    from openings.outputs import pagefind_client

    monkeypatch.setattr(pagefind_client, "WRITE_CHUNK", 2000)  # several writes, many answers
    records = [(f"/jobs/{n}/", f"posting {n} rustacean" + " word" * 300, "en", {"title": str(n)})
               for n in range(60)]  # fmt: skip
    with pagefind_client.PagefindService({"force_language": "en"}) as service:
        service.add_records(iter(records))
        files = service.files()
    assert service.records == 60
    index = json.loads(files["pagefind-entry.json"])
    assert sum(language["page_count"] for language in index["languages"].values()) == 60


def test_index_files_asked_for_early_hold_the_records_sent_before(monkeypatch):
    from openings.outputs import pagefind_client

    monkeypatch.setattr(pagefind_client, "STREAM_CHUNK", 2000)
    with pagefind_client.PagefindService(
        {"force_language": "en"}, chunk=pagefind_client.STREAM_CHUNK
    ) as service:
        for n in range(40):  # queued and sent in chunks; the answers are not waited for
            service.add(f"/jobs/{n}/", f"posting {n}" + " word" * 200, "en", {"title": str(n)})
        service.ask_for_files()
        with pytest.raises(pagefind_client.PagefindError, match="after the index files"):
            service.add("/jobs/late/", "late", "en", {"title": "late"})
        files = service.files()
    assert service.records == 40
    index = json.loads(files["pagefind-entry.json"])
    assert index["languages"]["en"]["page_count"] == 40


def test_a_one_part_board_asks_for_its_index_as_soon_as_the_postings_are_read(
    tmp_path, monkeypatch
):
    from openings.outputs import pagefind_client, search_stream
    from pelican import signals

    events: list[str] = []
    real_ask, real_end = pagefind_client.PagefindService.ask_for_files, search_stream.Stream.end

    def ask(service):
        events.append("asked")
        real_ask(service)

    def end(stream):
        events.append("end")
        real_end(stream)

    def on_write(path, context):
        events.append("page")

    monkeypatch.setattr(pagefind_client.PagefindService, "ask_for_files", ask)
    monkeypatch.setattr(search_stream.Stream, "end", end)
    signals.content_written.connect(on_write)
    site = Site(tmp_path, with_samples=True)
    try:
        site.build()
    finally:
        signals.content_written.disconnect(on_write)
    # the end of the records is told at the end of reading (ask_early), before any page is
    # written; the stream's thread then asks Pagefind for the files once
    assert events[0] == "end"
    assert events.count("asked") == 1
    assert pages_in(site.output / "pagefind") == 7


def _search_threads() -> list[str]:
    return [t.name for t in threading.enumerate() if t.name == "jobposting-search"]


def test_the_index_is_collected_after_the_pages_are_written(tmp_path):
    # built on a thread while Pelican writes; the build waits for it before it ends
    site = Site(tmp_path, with_samples=True)
    site.build()
    assert _search_threads() == []
    assert (site.output / "pagefind" / "pagefind.js").is_file()
    assert not (site.output / "pagefind.streaming").exists()
    assert (site.output / "jobs" / "backend-developer" / "index.html").is_file()


def test_a_streamed_board_in_parts_ends_its_last_part_while_the_pages_are_written(
    tmp_path, monkeypatch
):
    # the last part's Pagefind runs on the second core while Pelican writes; the parts before
    # it were made while the postings were read (one Pagefind process at a time all along)
    from pelican import signals

    site = Site(tmp_path, with_samples=True)
    page_written = threading.Event()
    seen: list[str] = []
    streamed = search.write_streamed

    def held(stream, bundle):  # the last part is collected once a page is written
        seen.append("after a page" if page_written.wait(20) else "before any page")
        return streamed(stream, bundle)

    monkeypatch.setattr(search, "write_streamed", held)
    on_write = lambda path, context: page_written.set()  # noqa: E731
    signals.content_written.connect(on_write)
    try:
        site.build(JOBPOSTING_SEARCH_PART_WORDS=800)
    finally:
        signals.content_written.disconnect(on_write)
    assert seen == ["after a page"]
    bundle = site.output / "pagefind"
    parts = list(bundle.glob("part-*"))
    assert len(parts) >= 3 and sum(pages_in(part) for part in parts) == 7
    assert not (site.output / "pagefind.streaming").exists()


def _build_in_a_process(tmp_path, name: str, hash_seed: str):
    site = Site(tmp_path / name, with_samples=True)
    code = (
        "import sys; from pathlib import Path; sys.path.insert(0, sys.argv[1]);"
        "from sitebuild import run_build; from openings.outputs import search;"
        "streamed = search.write_streamed;"
        "search.write_streamed = lambda *a: print('streamed') or streamed(*a);"
        "run_build(Path(sys.argv[2]), Path(sys.argv[3]))"
    )
    env = {**os.environ, "PYTHONHASHSEED": hash_seed}
    done = subprocess.run(
        [sys.executable, "-c", code, str(Path(__file__).parent.parent), str(site.content),
         str(site.output)],
        check=True, env=env, capture_output=True, text=True,
    )  # fmt: skip
    assert "streamed" in done.stdout.splitlines()  # sent while reading, not indexed after
    return site.output / "pagefind"


def test_the_index_is_the_same_whatever_order_python_lists_the_files_in(tmp_path):
    # Pelican finds the files as a set, whose order follows the hash seed of each process;
    # the postings are read, and sent to Pagefind, in the order of their paths all the same
    first = _build_in_a_process(tmp_path, "a", "1")
    second = _build_in_a_process(tmp_path, "b", "2")
    assert pages_in(first) == 7
    assert digest(first) == digest(second)


@pytest.mark.parametrize("part_words", [None, 800])
def test_the_index_sent_while_reading_is_the_index_made_after_reading(
    tmp_path, monkeypatch, part_words
):
    # in parts too: the stream splits the records where write_index does
    extra = {"JOBPOSTING_SEARCH_PART_WORDS": part_words} if part_words else {}
    streamed = Site(tmp_path / "streamed", with_samples=True)
    streamed.build(**extra)
    monkeypatch.setattr(search, "offer", lambda *args: None)  # no early start
    after = Site(tmp_path / "after", with_samples=True)
    after.build(**extra)
    assert digest(streamed.output / "pagefind") == digest(after.output / "pagefind")
    if part_words:
        assert len(list((streamed.output / "pagefind").glob("part-*"))) >= 3


def test_a_stream_that_does_not_hold_the_open_postings_is_dropped(tmp_path, monkeypatch):
    # a posting sent twice: the streamed index is not used, its staging folder is removed,
    # and the board is indexed after reading
    offer = search.offer

    def twice(*args):
        offer(*args)
        offer(*args)

    monkeypatch.setattr(search, "offer", twice)
    site = Site(tmp_path, with_samples=True)
    site.build()
    assert pages_in(site.output / "pagefind") == 7
    assert not (site.output / "pagefind.streaming").exists()
    assert _search_threads() == []


def _pagefind_children() -> list[str]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().split(") ")[-1].split()
            name = stat.read_text().split("(")[1].split(")")[0]
        except (OSError, IndexError):
            continue
        if int(fields[1]) == os.getpid() and "pagefind" in name:
            found.append(name)
    return found


def test_a_build_that_fails_after_reading_leaves_no_pagefind_running(tmp_path):
    site = Site(tmp_path, with_samples=True)
    site.posting("zz-broken.md", "---\ntitle: [unclosed\n---\nbody\n")  # read after the others
    with pytest.raises(BuildFailed):
        site.build()
    assert _pagefind_children() == []
    assert _search_threads() == []
    assert not (site.output / "pagefind.streaming").exists()


def words_of(bundle) -> list[str]:
    return json.loads((bundle / search_records.WORDS).read_text(encoding="utf-8"))


@pytest.mark.parametrize("part_words", [None, 800])
def test_words_json_holds_the_open_postings_words_sorted(tmp_path, part_words):
    site = Site(tmp_path, with_samples=True)
    site.build(**({"JOBPOSTING_SEARCH_PART_WORDS": part_words} if part_words else {}))
    words = words_of(site.output / "pagefind")
    assert words == sorted(set(words))
    assert {"kubernetes", "designer", "lisbon", "lisboa", "c++"} & set(words) >= {
        "kubernetes", "designer", "lisbon", "lisboa"
    }  # fmt: skip
    assert "forklift" not in words
    assert "scavenger" not in words  # only in the closed posting
    assert all(w == w.casefold() for w in words)


def test_vocabulary_splits_words_as_the_list_page_does():
    record = search_records.Record("/jobs/x/", "C++ Engineer", "Build APIs, in C# and part-time.")
    assert search_records.vocabulary([record]) == [
        "and", "apis", "build", "c#", "c++", "engineer", "in", "part", "time"
    ]  # fmt: skip


def test_an_index_from_kept_parts_is_the_index_made_anew(tmp_path):
    """write_index's `kept` (kept builds, the dev server): a part whose records are unchanged
    takes the files Pagefind made of it last time, and the folder is the same as made anew."""
    records = [
        search_records.Record(f"/jobs/job-{n}/", f"Job {n}", f"job{n} words " * 40, 120)
        for n in range(8)
    ]
    kept = search_index.KeptParts()
    assert search_index.write_index(records, str(tmp_path / "first"), "en", 250, kept=kept) == 4
    assert kept.made == 4 and len(kept.now) == 4

    records[5] = search_records.Record("/jobs/job-5/", "Job 5", "changed words " * 40, 120)
    again = search_index.KeptParts(kept.now)
    bundle = tmp_path / "again"
    search_index.write_index(records, str(bundle), "en", 250, kept=again)
    assert again.made == 1 and len(again.now) == 4  # only the part of job 5 is indexed
    search_index.write_index(records, str(tmp_path / "anew"), "en", 250)
    assert digest(bundle) == digest(tmp_path / "anew")
