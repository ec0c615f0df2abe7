"""The dev server's listing of its output folder, taken by a helper process while the build reads
(speed/listahead.py, devserver/incremental.py): the same files written and deleted as when the
build lists the folder itself, and no helper left behind, whether the build succeeds or fails.

Real dev-server builds of the sample site, real helper processes; the only stand-ins are spies
that record where each listing came from.
"""

from __future__ import annotations

import os
import signal

import pytest
from openings.core.problems import BuildFailed
from openings.devserver import cache as devcache
from openings.devserver import incremental
from openings.devserver import server as devserver
from openings.speed import listahead
from sitebuild import TODAY, Site, site_settings


@pytest.fixture(autouse=True)
def helpers_on(monkeypatch):
    """A helper whatever the machine's cores (one core runs it too, only not beside the build);
    a test that wants none says so."""
    monkeypatch.setattr(listahead, "wanted", lambda: True)


def _folder(tmp_path):
    """An output folder with a search index's folder and a retained file at its top."""
    root = tmp_path / "output"
    for relative in ("index.html", "jobs/a/index.html", "jobs/b/index.html", "feeds/all.xml",
                     "pagefind/pagefind.js", "pagefind.streaming/x.pf_index", ".git/HEAD",
                     "keep.txt"):  # fmt: skip
        (root / relative).parent.mkdir(parents=True, exist_ok=True)
        (root / relative).write_text(relative, "utf-8")
    return str(root), "pagefind", (".git", "keep.txt")


def test_the_helper_lists_what_the_build_would_list_itself(tmp_path, monkeypatch):
    arguments = _folder(tmp_path)
    ahead = listahead.ListAhead(*arguments)
    helper = ahead.helper
    assert helper is not None
    monkeypatch.setattr(listahead, "list_files", None)  # the build's own listing is not used
    listing = ahead.take()
    monkeypatch.undo()
    assert listing == listahead.list_files(*arguments)
    root = arguments[0]
    assert sorted(os.path.relpath(path, root) for path in listing) == [
        "feeds/all.xml", "index.html", "jobs/a/index.html", "jobs/b/index.html",
    ]  # fmt: skip
    assert helper.returncode == 0  # waited for


def test_without_a_second_core_the_build_lists_the_folder_itself(tmp_path, monkeypatch):
    arguments = _folder(tmp_path)
    monkeypatch.setattr(listahead, "wanted", lambda: False)
    ahead = listahead.ListAhead(*arguments)
    assert ahead.helper is None
    assert ahead.take() == listahead.list_files(*arguments)


def test_a_helper_that_stops_without_answering_leaves_the_listing_to_the_build(tmp_path):
    arguments = _folder(tmp_path)
    ahead = listahead.ListAhead(*arguments)
    helper = ahead.helper
    helper.kill()
    helper.wait()
    assert ahead.take() == listahead.list_files(*arguments)
    assert helper.returncode != 0


def test_a_helper_that_does_not_answer_in_time_is_stopped(tmp_path, monkeypatch):
    arguments = _folder(tmp_path)
    monkeypatch.setattr(listahead, "HELPER_TIMEOUT_S", 0.2)
    ahead = listahead.ListAhead(*arguments)
    helper = ahead.helper
    os.kill(helper.pid, signal.SIGSTOP)  # a helper that hangs
    assert ahead.take() == listahead.list_files(*arguments)
    assert helper.returncode == -signal.SIGKILL


def test_ctrl_c_while_the_build_waits_for_the_listing_stops_the_helper(tmp_path, monkeypatch):
    ahead = listahead.ListAhead(*_folder(tmp_path))
    helper = ahead.helper

    real_communicate = helper.communicate
    calls = []

    def interrupted_once(*args, **kwargs):  # Ctrl-C during the build's wait, not after
        calls.append(kwargs)
        if len(calls) == 1:
            raise KeyboardInterrupt
        return real_communicate(*args, **kwargs)

    monkeypatch.setattr(helper, "communicate", interrupted_once)
    with pytest.raises(KeyboardInterrupt):
        ahead.take()
    ahead.close()
    assert helper.returncode is not None
    with pytest.raises(ChildProcessError):
        os.waitpid(helper.pid, os.WNOHANG)


def test_a_listing_never_taken_is_closed_and_its_helper_waited_for(tmp_path):
    ahead = listahead.ListAhead(*_folder(tmp_path))
    helper = ahead.helper
    ahead.close()
    assert helper.returncode is not None
    with pytest.raises(ChildProcessError):
        os.waitpid(helper.pid, os.WNOHANG)  # no zombie left


@pytest.fixture
def listings(monkeypatch):
    """Each listing the builds took: whether a helper made it, and the helper's process."""
    taken = []
    real_take = listahead.ListAhead.take
    real_init = listahead.ListAhead.__init__

    def recording_init(self, *arguments):
        real_init(self, *arguments)
        taken.append({"helper": self.helper, "taken": False})

    def recording_take(self):
        taken[-1]["taken"] = True
        return real_take(self)

    monkeypatch.setattr(listahead.ListAhead, "__init__", recording_init)
    monkeypatch.setattr(listahead.ListAhead, "take", recording_take)
    return taken


def _builds(tmp_path, name: str) -> tuple[list, dict[str, bytes]]:
    """The sample site built by a dev server, then again after an edit and after a deletion:
    what each build deleted, and the output folder's files at the end."""
    site = Site(tmp_path / name, with_samples=True)
    output = tmp_path / name / "output"
    cache = devcache.DevCache()
    values = {}

    def build() -> list[str]:
        values.update(site_settings(site.content, output, JOBPOSTING_TODAY=TODAY))
        values.update(devserver.DEV_OVERRIDES)
        return incremental.build(values, cache).deleted

    jobs = site.content / "jobs"
    deleted = [build()]
    backend = jobs / "backend-developer.md"
    backend.write_text(backend.read_text("utf-8").replace("You should have", "You have"), "utf-8")
    deleted.append(build())
    (jobs / "solutions-engineer-remote-us.md").unlink()
    deleted.append(build())
    files = {
        path.relative_to(output).as_posix(): path.read_bytes()
        for path in sorted(output.rglob("*"))
        if path.is_file()
    }
    return deleted, files


def test_the_dev_servers_builds_write_and_delete_the_same_with_the_helper(
    tmp_path, monkeypatch, listings
):
    monkeypatch.setattr(listahead, "wanted", lambda: False)
    deleted_itself, files_itself = _builds(tmp_path, "itself")
    assert [entry["helper"] for entry in listings] == [None, None, None]

    listings.clear()
    monkeypatch.setattr(listahead, "wanted", lambda: True)
    deleted_ahead, files_ahead = _builds(tmp_path, "ahead")
    assert all(entry["helper"] and entry["taken"] for entry in listings)
    assert len(listings) == 3

    assert deleted_ahead == deleted_itself
    assert "jobs/solutions-engineer/index.html" in deleted_ahead[-1]
    assert files_ahead.keys() == files_itself.keys()
    # the pages name their build folder nowhere, so every file is the same bytes
    assert [n for n in files_ahead if files_ahead[n] != files_itself[n]] == []
    assert all(entry["helper"].returncode == 0 for entry in listings)


def test_a_build_that_fails_before_writing_leaves_no_helper(tmp_path, monkeypatch, listings):
    monkeypatch.setattr(listahead, "wanted", lambda: True)
    site = Site(tmp_path, with_samples=True)
    site.posting("broken.md", "---\ntitle: [unclosed\n---\nText.\n")
    values = site_settings(site.content, tmp_path / "output", JOBPOSTING_TODAY=TODAY)
    values.update(devserver.DEV_OVERRIDES)
    with pytest.raises(BuildFailed):
        incremental.build(values, devcache.DevCache())
    assert len(listings) == 1 and listings[0]["helper"] and not listings[0]["taken"]
    assert listings[0]["helper"].returncode is not None  # waited for


def test_a_setting_refused_before_the_build_starts_leaves_no_helper(tmp_path, listings):
    site = Site(tmp_path, with_samples=True)
    values = site_settings(site.content, tmp_path / "output", JOBPOSTING_TODAY=TODAY)
    values.update(devserver.DEV_OVERRIDES)
    values["JOBPOSTING_FEED_MAX_ITEMS"] = 0  # refused when Pelican loads the plugin
    with pytest.raises(BuildFailed):
        incremental.build(values, devcache.DevCache())
    assert len(listings) == 1 and not listings[0]["taken"]
    assert listings[0]["helper"].returncode is not None  # waited for
