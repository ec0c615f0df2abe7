"""The list must not jump when the script swaps the no-JavaScript links for the filter form:
a candidate aiming at a posting would tap the wrong one (and Lighthouse counts it as CLS)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

CLS = """() => new Promise(resolve => {
  let total = 0;
  new PerformanceObserver(list => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) total += entry.value;
  }).observe({type: "layout-shift", buffered: true});
  setTimeout(() => resolve(total), 500);
})"""


@pytest.mark.parametrize("path", ["/", "/departments/engineering/"])
def test_the_list_does_not_move_once_the_script_runs(sample_server, phone, desktop, path):
    for page in (phone, desktop):
        page.goto(sample_server.url + path)
        page.wait_for_load_state("load")
        assert page.evaluate(CLS) < 0.01
        if path == "/":
            assert page.locator("#filters").is_visible()
            assert page.locator("#browse").is_visible()  # folded facet links, in case
