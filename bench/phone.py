"""The openings list on a slow phone: a built site's list page in Chromium, with and without
the rule that lets the browser skip the cards far from the screen, in one run.

    .venv/bin/python bench/phone.py OUTPUT_FOLDER [--repeat 3]

Serves OUTPUT_FOLDER on loopback and opens its list page in the Chromium the browser tests
use (Debian's `chromium`), 360 x 740 px, with the processor slowed down 4 times (Chrome's
DevTools calls this a mid-range phone). Each load is timed in the page (the `load` event) with
the time Chromium spent laying the page out, then one department is chosen in the filter and
the filter cleared again, each timed until the next frame is drawn. Loads take turns: the
site as built, then its stylesheet without the `.cards > .card { content-visibility ... }`
rule. Prints the medians and their ratios (with / without the rule) as one line of JSON.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import json
import re
import shutil
import statistics
import sys
import threading
from pathlib import Path

# the rule of site.css this benchmark takes out for the comparison
CARD_RULE = re.compile(r"^\.cards > \.card \{ content-visibility:[^}]*\}\n", re.MULTILINE)

# Chooses a value in the list's first filter and waits for the frame that shows the result.
FILTER = """async (value) => {
  const select = document.querySelector("#filters select");
  const start = performance.now();
  select.value = value;
  select.dispatchEvent(new Event("change", {bubbles: true}));
  await new Promise(done => requestAnimationFrame(() => setTimeout(done, 0)));
  return (performance.now() - start) / 1000;
}"""


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def _serve(root: Path) -> http.server.ThreadingHTTPServer:
    handler = functools.partial(_Quiet, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


def _load(browser, address: str, stylesheet: str | None) -> dict:
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True,
                                  has_touch=True, device_scale_factor=2)  # fmt: skip
    try:
        page = context.new_page()
        if stylesheet is not None:
            page.route("**/theme/css/site.css", lambda route: route.fulfill(
                status=200, content_type="text/css", body=stylesheet))  # fmt: skip
        devtools = context.new_cdp_session(page)
        devtools.send("Emulation.setCPUThrottlingRate", {"rate": 4})
        devtools.send("Performance.enable")
        page.goto(address, wait_until="load")
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
            "cards": page.locator(".cards > .card").count(),
        }
    finally:
        context.close()


def measure(output: Path, repeat: int) -> dict:
    from playwright.sync_api import sync_playwright

    executable = chromium()
    if executable is None:
        raise SystemExit("bench/phone.py: Chromium is not installed (make system-deps)")
    stylesheet = (output / "theme" / "css" / "site.css").read_text(encoding="utf-8")
    without = CARD_RULE.sub("", stylesheet)
    if without == stylesheet:
        raise SystemExit(f"bench/phone.py: {output}/theme/css/site.css has no card rule")
    server = _serve(output)
    address = f"http://127.0.0.1:{server.server_address[1]}/"
    runs: dict[str, list[dict]] = {"with": [], "without": []}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=executable)
            for _ in range(repeat):
                runs["with"].append(_load(browser, address, None))
                runs["without"].append(_load(browser, address, without))
            browser.close()
    finally:
        server.shutdown()
    cards = runs["with"][0].pop("cards")
    for found in runs.values():
        for run in found:
            run.pop("cards", None)
    medians = {
        variant: {key: statistics.median(run[key] for run in found) for key in found[0]}
        for variant, found in runs.items()
    }
    return {
        "cards": cards,
        "repeat": repeat,
        "median": medians,
        "ratio": {
            key: medians["with"][key] / medians["without"][key]
            for key in medians["with"] if medians["without"][key]
        },
    }  # fmt: skip


def table(found: list[dict]) -> list[str]:
    """The lines of bench/run.py's table: one per board, each figure with and without the rule."""
    lines = []
    for one in found:
        with_, without = one["median"]["with"], one["median"]["without"]
        figures = ", ".join(
            f"{label} {with_[key]:.2f} s against {without[key]:.2f} s ({one['ratio'][key]:.2f})"
            for key, label in (("load_seconds", "load"), ("layout_seconds", "layout"),
                               ("filter_seconds", "filter"), ("clear_seconds", "cleared"))
        )  # fmt: skip
        lines.append(
            f"list page on a phone (360 px, CPU / 4), {one['cards']:,} cards, median of "
            f"{one['repeat']}, with the card rule against without: {figures}"
        )
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench/phone.py", description=__doc__.split("\n")[0])
    parser.add_argument("output", type=Path, help="a built site's output folder")
    parser.add_argument("--repeat", type=int, default=3, help="loads of each (default 3)")
    args = parser.parse_args(argv)
    if not (args.output / "index.html").is_file():
        print(f"bench/phone.py: {args.output} has no index.html (build the site first)",
              file=sys.stderr)  # fmt: skip
        return 2
    print(json.dumps(measure(args.output, args.repeat)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
