"""The head start of a kept build's search index (devserver/headstart.py): Pagefind is sent the
last build's records, as far as their files are unchanged, and the record an edited posting's
file gives now, before the build knows its own. What it was sent is used only when it is the
start of the index's first part, and the output is a cold build's either way. Real builds, real
Pagefind."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest
from openings.core.problems import BuildFailed
from openings.devserver import headstart, keptstate
from openings.outputs import search_index
from openings.outputs.search_records import Record
from sitebuild import Site
from test_kept_build import Kept

LANG = "en"


class Watched:
    """Every head start of the builds: the source paths it was given, in order, how many records
    it sent, and how many of them the index took."""

    def __init__(self, monkeypatch):
        self.starts: list[headstart.HeadStart] = []
        self.paths: list[list[str]] = []
        self.taken: list[tuple[int, int]] = []  # (sent, taken)
        init, take = headstart.HeadStart.__init__, headstart.HeadStart.take

        def watched_init(head, last, unchanged, lang, guess=None):
            self.starts.append(head)
            self.paths.append([path for path, _record in last])
            init(head, last, unchanged, lang, guess)

        def watched_take(head, part, lang):
            head._thread.join()  # it has sent all it would: what follows does not hang on timing
            service, sent = take(head, part, lang)
            self.taken.append((len(head.sent), sent))
            return service, sent

        monkeypatch.setattr(headstart.HeadStart, "__init__", watched_init)
        monkeypatch.setattr(headstart.HeadStart, "take", watched_take)


@pytest.fixture
def kept(tmp_path):
    return Kept(Site(tmp_path, with_samples=True), tmp_path)


def _check_out_again(content: Path) -> None:
    """As a CI job's checkout: the same bytes in new files (new inodes and times)."""
    fresh = content.with_name("checkout")
    shutil.copytree(content, fresh)
    shutil.rmtree(content)
    fresh.rename(content)


def _edit(path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), "utf-8")


def _add_a_paragraph(source_path: str) -> None:
    path = Path(source_path)
    path.write_text(path.read_text("utf-8") + "\nA paragraph added.\n", "utf-8")


def test_an_edited_postings_record_is_guessed_and_every_record_sent_ahead(kept, monkeypatch):
    kept.build()
    watched = Watched(monkeypatch)
    assert "0 of 1 part made again" in kept.build()  # the part is kept: the head start is not
    assert watched.taken == [] and watched.starts[0]._service is None  # ... and it is ended

    order = watched.paths[-1]
    assert len(order) >= 5
    _check_out_again(kept.site.content)
    _add_a_paragraph(order[-1])
    assert "1 of 1 part made again" in kept.build()
    assert watched.taken[-1] == (len(order), len(order))  # the edited posting's guessed too
    kept.assert_same_as_cold("last posting edited")

    _add_a_paragraph(order[0])
    assert "1 of 1 part made again" in kept.build()
    assert watched.taken[-1] == (len(order), len(order))
    kept.assert_same_as_cold("first posting edited")


def test_a_posting_closed_is_left_out_of_what_is_sent(kept, monkeypatch):
    kept.build()
    watched = Watched(monkeypatch)
    kept.build()
    order = watched.paths[-1]
    _edit(Path(order[1]), "status: open", "status: closed")
    assert "1 of 1 part made again" in kept.build()
    assert watched.taken[-1] == (len(order) - 1, len(order) - 1)
    kept.assert_same_as_cold("a posting closed")


def test_a_wrong_guess_is_thrown_away(kept, monkeypatch):
    """A new slug gives the posting another address: the record guessed under the last one
    does not begin the index, so Pagefind is sent every record again."""
    kept.build()
    watched = Watched(monkeypatch)
    kept.build()
    backend = kept.site.content / "jobs" / "backend-developer.md"
    _edit(backend, "title: Backend Developer", "title: Backend Developer\nslug: backend-engineer")
    assert "1 of 1 part made again" in kept.build()
    sent, taken = watched.taken[-1]
    assert sent == len(watched.paths[-1]) and taken == 0
    kept.assert_same_as_cold("a posting renamed")


def test_records_sent_that_do_not_begin_the_index_are_thrown_away(kept, monkeypatch):
    kept.build()
    watched = Watched(monkeypatch)
    later = "2027-01-20"  # staff-platform-engineer and werkstudent-frontend: valid until 01-15
    assert "1 of 1 part made again" in kept.build(today=later)
    sent, taken = watched.taken[-1]
    assert sent == len(watched.paths[-1]) and taken == 0  # every file was unchanged
    kept.assert_same_as_cold("expired", today=later)


def test_a_build_that_fails_ends_its_head_start(kept, monkeypatch):
    kept.build()
    watched = Watched(monkeypatch)
    backend = kept.site.content / "jobs" / "backend-developer.md"
    _edit(backend, "title: Backend Developer", "title:")
    with pytest.raises(BuildFailed):
        kept.build()
    assert watched.starts and all(head._service is None for head in watched.starts)


def test_a_build_interrupted_while_pagefind_indexes_leaves_nothing_running(kept, monkeypatch):
    kept.build()
    kept_file = kept.folder / keptstate.FILE
    before = kept_file.read_bytes()
    watched = Watched(monkeypatch)
    _add_a_paragraph(str(kept.site.content / "jobs" / "backend-developer.md"))

    def interrupted(*_args):
        raise KeyboardInterrupt

    monkeypatch.setattr(keptstate.CacheFile, "write_build", interrupted)
    with pytest.raises(KeyboardInterrupt):
        kept.build()
    assert not [t for t in threading.enumerate() if t.name.startswith("kept-search")]
    assert all(head._service is None for head in watched.starts)
    assert not (kept.output / "pagefind.next").exists()
    assert kept_file.read_bytes() == before
    monkeypatch.undo()
    kept.build()
    kept.assert_same_as_cold("after the interrupted build")


def _records(count: int) -> list[Record]:
    return [
        Record(f"/jobs/job-{n}/", f"Job {n}", f"Job {n} builds bridges and tunnels, number {n}.")
        for n in range(count)
    ]


def test_pagefind_makes_the_same_files_with_a_head_start(monkeypatch):
    records = _records(6)
    without = search_index._index(records, LANG)
    watched = Watched(monkeypatch)
    head = headstart.HeadStart([(r.url, r) for r in records[:4]], lambda _path: True, LANG)
    assert search_index._index(records, LANG, head) == without
    assert watched.taken == [(4, 4)]

    head = headstart.HeadStart([(r.url, r) for r in records[:4]], lambda _path: True, LANG)
    head._thread.join()
    assert head.take(records, "de") == (None, 0)  # an index in another language
    assert head._service is None


def test_a_head_start_stops_at_the_first_changed_file_and_is_used_only_as_a_beginning():
    records = _records(5)
    changed = records[2].url
    head = headstart.HeadStart([(r.url, r) for r in records], lambda path: path != changed, LANG)
    head._thread.join()
    service, sent = head.take(records[:1] + records[3:], LANG)  # what was sent does not begin it
    assert (service, sent) == (None, 0) and head.sent == records[:2]
    assert head._service is None  # ended


def test_a_guess_that_fails_stops_the_sending_there_and_one_left_out_is_skipped():
    records = _records(5)
    changed = {records[1].url, records[3].url}

    def guess(path, last):
        if path == records[1].url:
            return headstart.LEFT_OUT  # closed since the last build
        raise OSError("unreadable")  # the build reads it itself and says what is wrong

    head = headstart.HeadStart(
        [(r.url, r) for r in records], lambda path: path not in changed, LANG, guess
    )
    head._thread.join()
    assert head.sent == [records[0], records[2]]
    service, sent = head.take([records[0], records[2], records[4]], LANG)
    assert sent == 2 and service is not None
    service.close(discard=True)
