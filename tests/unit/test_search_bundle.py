"""search_bundle.py: which of Pagefind's files are published, and paths.json."""

from __future__ import annotations

import gzip
import json

import pytest
from openings.outputs.pagefind_client import PagefindError
from openings.outputs.search_bundle import Bundle, fragment_id, fragment_url


def fragment(url: str) -> bytes:
    return gzip.compress(b"pagefind_dcd" + json.dumps({"url": url, "content": "x"}).encode())


def test_a_fragment_is_named_by_its_result_id():
    assert fragment_id("fragment/en_04dde15.pf_fragment") == "en_04dde15"
    assert fragment_id("index/en_04dde15.pf_index") is None
    assert fragment_id("pagefind.js") is None


def test_a_fragment_says_its_url_and_an_unreadable_one_says_nothing():
    assert fragment_url(fragment("/jobs/a/")) == "/jobs/a/"
    assert fragment_url(b"not gzip") is None
    assert fragment_url(gzip.compress(b"pagefind_dcd{not json")) is None
    assert fragment_url(gzip.compress(b'pagefind_dcd{"content": "no url"}')) is None


def test_one_index_publishes_no_fragment_and_no_ready_made_interface(tmp_path):
    files = {
        "pagefind.js": b"js",
        "pagefind-worker.js": b"worker",
        "pagefind-ui.js": b"ui",
        "pagefind-ui.css": b"ui",
        "pagefind-modular-ui.js": b"ui",
        "pagefind-component-ui.css": b"ui",
        "pagefind-highlight.js": b"ui",
        "index/en_1.pf_index": b"index",
        "fragment/en_a.pf_fragment": fragment("/jobs/a/"),
        "fragment/en_b.pf_fragment": fragment("/jobs/b/"),
    }
    bundle = Bundle(str(tmp_path))
    bundle.add(files, str(tmp_path))
    bundle.finish()
    written = sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*") if p.is_file())
    assert written == ["index/en_1.pf_index", "pagefind-worker.js", "pagefind.js", "paths.json"]
    assert json.loads((tmp_path / "paths.json").read_text()) == {
        "en_a": "/jobs/a/",
        "en_b": "/jobs/b/",
    }


def test_an_id_two_parts_share_maps_to_null_and_both_fragments_are_published(tmp_path):
    one, two = tmp_path / "part-1", tmp_path / "part-2"
    bundle = Bundle(str(tmp_path))
    bundle.add({"fragment/en_a.pf_fragment": fragment("/jobs/a/")}, str(one))
    bundle.add(
        {
            "fragment/en_a.pf_fragment": fragment("/jobs/other/"),
            "fragment/en_c.pf_fragment": fragment("/jobs/c/"),
        },
        str(two),
    )
    bundle.finish()
    assert json.loads((tmp_path / "paths.json").read_text()) == {"en_a": None, "en_c": "/jobs/c/"}
    assert fragment_url((one / "fragment/en_a.pf_fragment").read_bytes()) == "/jobs/a/"
    assert fragment_url((two / "fragment/en_a.pf_fragment").read_bytes()) == "/jobs/other/"
    assert not (two / "fragment/en_c.pf_fragment").exists()


def test_an_unreadable_fragment_maps_to_null_and_is_published(tmp_path):
    bundle = Bundle(str(tmp_path))
    bundle.add({"fragment/en_a.pf_fragment": b"garbled"}, str(tmp_path))
    bundle.finish()
    assert json.loads((tmp_path / "paths.json").read_text()) == {"en_a": None}
    assert (tmp_path / "fragment/en_a.pf_fragment").read_bytes() == b"garbled"


def test_a_file_outside_the_folder_is_refused(tmp_path):
    with pytest.raises(PagefindError, match="outside its folder"):
        Bundle(str(tmp_path / "b")).add({"../escape.js": b"x"}, str(tmp_path / "b"))
