"""The "More jobs in <department>" box on a posting's page: which other postings it lists."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

from openings.build.facets import Board, Facet


def department(slug: str, count: int) -> list:
    return [SimpleNamespace(name=f"{slug}-{n}", category=SimpleNamespace(slug=slug))
            for n in range(count)]  # fmt: skip


def board(*departments: list) -> Board:
    facets = [Facet("department", d[0].category.slug, "", "", "", "", articles=list(d))
              for d in departments]  # fmt: skip
    everyone = [a for d in departments for a in d]
    kinds = {"department": facets, "location": [], "workplace": [], "employment": []}
    return Board(dt.date(2026, 11, 28), everyone, kinds)


def names(articles) -> list[str]:
    return [a.name for a in articles]


def test_a_big_department_shows_the_postings_listed_after_this_one_then_from_the_top():
    engineering = department("eng", 8)
    found = board(engineering, department("data", 3))
    assert names(found.others_in_department(engineering[0])) == [
        "eng-1", "eng-2", "eng-3", "eng-4", "eng-5",
    ]  # fmt: skip
    assert names(found.others_in_department(engineering[6])) == [
        "eng-7", "eng-0", "eng-1", "eng-2", "eng-3",
    ]  # fmt: skip
    # every posting of the department is in the box of some other posting
    shown = {a.name for p in engineering for a in found.others_in_department(p)}
    assert shown == set(names(engineering))


def test_a_small_department_shows_all_its_other_postings_in_list_order():
    data = department("data", 6)
    assert names(board(data).others_in_department(data[3])) == [
        "data-0", "data-1", "data-2", "data-4", "data-5",
    ]  # fmt: skip


def test_a_posting_opened_or_closed_changes_the_boxes_of_the_five_listed_before_it_only():
    engineering = department("eng", 40)
    before = board(engineering)
    opened = SimpleNamespace(name="eng-new", category=SimpleNamespace(slug="eng"))
    after = board([opened, *engineering])  # the newest posting: the top of the list
    changed = [p.name for p in engineering
               if before.others_in_department(p) != after.others_in_department(p)]  # fmt: skip
    assert changed == ["eng-35", "eng-36", "eng-37", "eng-38", "eng-39"]
    closed = board(engineering[:20] + engineering[21:])
    changed = [p.name for p in engineering if p is not engineering[20]
               and before.others_in_department(p) != closed.others_in_department(p)]  # fmt: skip
    assert changed == ["eng-15", "eng-16", "eng-17", "eng-18", "eng-19"]


def test_a_closed_postings_page_shows_the_top_of_its_department():
    engineering = department("eng", 8)
    closed = SimpleNamespace(name="eng-closed", category=SimpleNamespace(slug="eng"))
    assert names(board(engineering).others_in_department(closed)) == [
        "eng-0", "eng-1", "eng-2", "eng-3", "eng-4",
    ]  # fmt: skip
    assert board(engineering).others_in_department(department("sales", 1)[0]) == ()
