"""The dev server's writer keeps a page whose file is still the one it rendered (writer.py):
the output folder's listing taken before the build says so, with no stat of its own."""

from __future__ import annotations

from openings.devserver import writer

KEY = ("the page's key",)


def still_reads(reads, whole) -> bool:
    return True


def rendered_page(tmp_path):
    """A page written and rendered through the writer's records, as a build leaves it."""
    page = tmp_path / "index.html"
    outputs = writer.Outputs()
    outputs.write(str(page), "<p>a page</p>", "utf-8", kept=set())
    outputs.rendered(str(page), KEY)
    return page, outputs


def counting_stats(monkeypatch) -> list[str]:
    stats = []
    real = writer.signature
    monkeypatch.setattr(writer, "signature", lambda path: stats.append(path) or real(path))
    return stats


def test_a_page_the_listing_shows_unchanged_is_kept_without_a_stat(tmp_path, monkeypatch):
    page, outputs = rendered_page(tmp_path)
    st = page.stat()
    outputs.listed = {str(page): (st.st_ino, st.st_ctime_ns)}
    stats = counting_stats(monkeypatch)
    assert outputs.unchanged_page(str(page), KEY, still_reads)
    assert stats == []


def test_a_page_the_listing_shows_rewritten_is_not_kept(tmp_path, monkeypatch):
    page, outputs = rendered_page(tmp_path)
    st = page.stat()
    page.write_text("<p>changed by hand</p>", "utf-8")
    outputs.listed = {str(page): (st.st_ino, st.st_ctime_ns + 1)}  # written since
    assert not outputs.unchanged_page(str(page), KEY, still_reads)


def test_a_page_the_listing_leaves_out_is_looked_at_with_a_stat(tmp_path, monkeypatch):
    page, outputs = rendered_page(tmp_path)
    outputs.listed = {}  # a folder the listing skips (the search index's, OUTPUT_RETENTION's)
    stats = counting_stats(monkeypatch)
    assert outputs.unchanged_page(str(page), KEY, still_reads)
    assert stats == [str(page)]
    page.unlink()
    assert not outputs.unchanged_page(str(page), KEY, still_reads)


def test_without_a_listing_each_page_is_looked_at_with_a_stat(tmp_path, monkeypatch):
    page, outputs = rendered_page(tmp_path)
    stats = counting_stats(monkeypatch)
    assert outputs.unchanged_page(str(page), KEY, still_reads)
    assert stats == [str(page)]
