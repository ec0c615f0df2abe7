"""Every test file is collected by the suite's own command (`make test`).

pytest passes over folders named like a build's output by default ("build", "dist"): the build's
own tests live in tests/build and would silently never run (pyproject.toml's norecursedirs).
"""

from __future__ import annotations

import subprocess
import sys

from sitebuild import ROOT

TESTS = ROOT / "tests"


def test_every_test_file_is_collected():
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider",
         "-m", "slow or not slow"],
        check=False, cwd=ROOT, capture_output=True, text=True, timeout=240,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    collected = {line.split("::", 1)[0] for line in done.stdout.splitlines() if "::" in line}
    on_disk = {
        str(path.relative_to(ROOT))
        for path in TESTS.rglob("test_*.py")
        if "node_modules" not in path.parts and "fixtures" not in path.parts
    }
    assert "tests/build/test_kept_build.py" in on_disk
    assert on_disk - collected == set()
