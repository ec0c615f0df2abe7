"""The openings list on a slow phone: a built site's list page in Chromium, with and without
the rule that lets the browser skip the cards far from the screen, in one run.

    .venv/bin/python bench/phone.py OUTPUT_FOLDER [--repeat 3]

Serves OUTPUT_FOLDER on loopback and opens its list page in the Chromium the browser tests
use (Debian's `chromium`), 360 x 740 px, with the processor slowed down 4 times (Chrome's
DevTools calls this a mid-range phone). Each load is timed in the page (the `load` event) with
the time Chromium spent laying the page out, then one department is chosen in the filter and
the filter cleared again, each timed until the next frame is drawn. Loads take turns, each
variant going first in turn: the site's stylesheet as built, and without its card rule
(`.long .cards > .card { content-visibility ... }`). Prints the medians and their ratios
(with / without the rule) as one line of JSON. The site must be built with relative
addresses (as `make html` builds it), so that its script loads from the folder.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import json
import os
import re
import shutil
import statistics
import sys
import threading
from pathlib import Path

# the rule of site.css this benchmark takes out for the comparison
CARD_RULE = re.compile(r"^\.long \.cards > \.card \{ content-visibility:[^}]*\}\n", re.MULTILINE)

FIGURES = ("load_seconds", "layout_seconds", "filter_seconds", "clear_seconds")
LOAD_TIMEOUT_MS = 180_000  # 10,000 cards without the rule: about 15 s here

# What the page shows: its cards, whether the list is long and the card rule applies to it,
# whether site.js ran
SEEN = """() => {
  const card = document.querySelector(".cards > .card");
  return {
    cards: document.querySelectorAll(".cards > .card").length,
    long: !!document.querySelector("#results.long"),
    skips: !!card && getComputedStyle(card).contentVisibility === "auto",
    script: !!document.getElementById("filters") && !document.getElementById("filters").hidden,
  };
}"""

# Chooses a value in the list's first filter and waits for the frame that shows the result.
FILTER = """async (value) => {
  const select = document.querySelector("#filters select");
  const start = performance.now();
  select.value = value;
  select.dispatchEvent(new Event("change", {bubbles: true}));
  await new Promise(done => requestAnimationFrame(() => setTimeout(done, 0)));
  return (performance.now() - start) / 1000;
}"""


class PhoneError(Exception):
    """What keeps the list page from being measured, said to the person running the benchmark."""


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def _serve(root: Path) -> http.server.ThreadingHTTPServer:
    handler = functools.partial(_Quiet, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def chromium() -> str | None:
    """The browser the browser tests use: CHROMIUM_PATH, else Debian's `chromium`."""
    named = os.environ.get("CHROMIUM_PATH")
    if named and Path(named).is_file():
        return named
    return shutil.which("chromium") or shutil.which("chromium-browser")


def _load(browser, address: str, stylesheet: str, skips: bool) -> dict:
    # Both variants get their stylesheet the same way; the page's CSP allows only its own host
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True,
                                  has_touch=True, device_scale_factor=2, bypass_csp=True)  # fmt: skip
    try:
        page = context.new_page()
        page.route("**/theme/css/site.css", lambda route: route.fulfill(
            status=200, content_type="text/css", body=stylesheet))  # fmt: skip
        devtools = context.new_cdp_session(page)
        devtools.send("Emulation.setCPUThrottlingRate", {"rate": 4})
        devtools.send("Performance.enable")
        page.goto(address, wait_until="load", timeout=LOAD_TIMEOUT_MS)
        seen = page.evaluate(SEEN)
        if not seen["long"]:
            raise PhoneError(
                f"the list page has {seen['cards']} cards: a list of 100 or fewer is drawn "
                "whole, so there is no card rule to compare"
            )
        if seen["cards"] == 0 or seen["skips"] != skips or not seen["script"]:
            raise PhoneError(
                f"the list page at {address} did not load as built (cards: {seen['cards']}, "
                f"card rule applied: {seen['skips']}, site.js ran: {seen['script']}); build the "
                "site with relative addresses (as `make html` does), not for its public address"
            )
        load = page.evaluate("performance.getEntriesByType('navigation')[0].loadEventEnd / 1000")
        metrics = {
            m["name"]: m["value"] for m in devtools.send("Performance.getMetrics")["metrics"]
        }
        department = page.evaluate("document.querySelector('#filters select').options[1].value")
        return {
            "load_seconds": load,
            "layout_seconds": metrics["LayoutDuration"],
            "filter_seconds": page.evaluate(FILTER, department),
            "clear_seconds": page.evaluate(FILTER, ""),
            "cards": seen["cards"],
        }
    finally:
        context.close()


def measure(output: Path, repeat: int) -> dict:
    """The medians of `repeat` loads of each variant, in turns, and their ratios."""
    from playwright.sync_api import Error, sync_playwright

    executable = chromium()
    if executable is None:
        raise PhoneError("Chromium is not installed (make system-deps)")
    css = output / "theme" / "css" / "site.css"
    if not (output / "index.html").is_file() or not css.is_file():
        raise PhoneError(f"{output} has no list page and site.css: build the site first")
    stylesheet = css.read_text(encoding="utf-8")
    without = CARD_RULE.sub("", stylesheet)
    if without == stylesheet:
        raise PhoneError(f"{css} has no card rule ({CARD_RULE.pattern})")
    variants = {"with": (stylesheet, True), "without": (without, False)}
    server = _serve(output)
    address = f"http://127.0.0.1:{server.server_address[1]}/"
    runs: dict[str, list[dict]] = {"with": [], "without": []}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=executable)
            for turn in range(repeat):
                # in turns, each going first in turn: a browser's first page loads slower
                for name in ("with", "without") if turn % 2 == 0 else ("without", "with"):
                    runs[name].append(_load(browser, address, *variants[name]))
            browser.close()
    except Error as exc:
        raise PhoneError(f"Chromium failed: {str(exc).splitlines()[0]}") from exc
    finally:
        server.shutdown()
    cards = runs["with"][0]["cards"]
    medians = {
        name: {key: statistics.median(run[key] for run in found) for key in FIGURES}
        for name, found in runs.items()
    }
    return {
        "cards": cards,
        "repeat": repeat,
        "median": medians,
        "ratio": {
            key: medians["with"][key] / medians["without"][key]
            for key in FIGURES if medians["without"][key]
        },
    }  # fmt: skip


def table(found: list[dict]) -> list[str]:
    """The lines of bench/run.py's table: one per board, each figure with and without the rule."""
    lines = []
    for one in found:
        with_, without = one["median"]["with"], one["median"]["without"]
        figures = ", ".join(
            f"{label} {with_[key]:.2f} s against {without[key]:.2f} s"
            + (f" ({one['ratio'][key]:.2f})" if key in one["ratio"] else "")
            for key, label in (("load_seconds", "load"), ("layout_seconds", "layout"),
                               ("filter_seconds", "filter"), ("clear_seconds", "cleared"))
        )  # fmt: skip
        lines.append(
            f"list page on a phone (360 px, CPU / 4), {one['cards']:,} cards, median of "
            f"{one['repeat']}, with the card rule against without: {figures}"
        )
    return lines


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of 1 or more")
    return int(text)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench/phone.py", description=__doc__.split("\n")[0])
    parser.add_argument("output", type=Path, help="a built site's output folder")
    parser.add_argument("--repeat", type=_positive, default=3, help="loads of each (default 3)")
    args = parser.parse_args(argv)
    try:
        print(json.dumps(measure(args.output, args.repeat)))
    except PhoneError as exc:
        print(f"bench/phone.py: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
