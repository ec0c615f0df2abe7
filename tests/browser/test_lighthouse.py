"""Lighthouse (mobile) on the list and a posting page, the way a developer runs it here: npm's
lighthouse pinned in tests/browser/package.json (installed by `make lighthouse` with `npm ci`),
the system Chromium through CHROME_PATH, with the same flags as the Playwright tests.

Slow (about a minute per page): `make lighthouse`. Reports go to test-artifacts/lighthouse/.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
from browsing import ARTIFACTS, CHROMIUM_FLAGS, build_and_serve, chromium_path

pytestmark = [pytest.mark.browser, pytest.mark.slow]

HERE = Path(__file__).resolve().parent
LIGHTHOUSE = HERE / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
PAGES = {"list": "/", "posting": "/jobs/backend-developer/"}


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    if not LIGHTHOUSE.exists():
        pytest.fail("Lighthouse is not installed: run `make lighthouse` (npm ci in tests/browser/)")
    if chromium_path() is None:
        pytest.fail("Chromium is not installed: run `make system-deps`")
    _, server = build_and_serve(tmp_path_factory.mktemp("lighthouse-site"))
    yield server
    server.httpd.shutdown()


def run_lighthouse(url: str, name: str) -> tuple[dict[str, float], dict]:
    folder = ARTIFACTS / "lighthouse"
    folder.mkdir(parents=True, exist_ok=True)
    report = folder / f"{name}.report.json"
    result = subprocess.run(
        [
            str(LIGHTHOUSE), url,
            "--output=json", f"--output-path={report}",
            f"--only-categories={','.join(CATEGORIES)}",
            f"--chrome-flags={' '.join(CHROMIUM_FLAGS)}",
            "--quiet",
        ],
        env={**os.environ, "CHROME_PATH": chromium_path()},
        capture_output=True, text=True, timeout=240, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    data = json.loads(report.read_text())
    return {key: data["categories"][key]["score"] for key in CATEGORIES}, data


@pytest.mark.parametrize("name", PAGES)
def test_lighthouse_scores(served, name):
    scores, data = run_lighthouse(served.url + PAGES[name], name)
    print(f"lighthouse {name}: {scores}")
    failing = {
        audit["id"]: audit.get("title")
        for audit in data["audits"].values()
        if audit.get("score") is not None
        and audit["score"] < 1
        and audit["scoreDisplayMode"] == "binary"
    }
    assert scores["performance"] >= 0.95, (scores, failing)
    for key in ("accessibility", "best-practices", "seo"):
        assert scores[key] == 1, (key, scores, failing)
