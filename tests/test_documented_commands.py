"""Every command the README and the HR guide print runs as printed, on a copy of the repository.

A command is a code span or a line of a code block that starts with `./openings` or `make`. Each
runs with bash in its own copy of the repository (commands write postings, docs, builds), which
shares this checkout's .venv and is a git repository with a `main` branch, as a fresh clone after
the README's set-up is. Commands that serve, run for minutes or talk to other services are only
asked of Make with `make -n`: that their target exists and what they would run.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from sitebuild import ROOT, TODAY, share_venv

DOCUMENTS = ("README.md", "docs/hr-guide.md")
COMMAND = re.compile(r"^(?:\./openings\s+\S|make(?:\s|$))")
# `openings validate` as printed is "command not found" on a fresh clone: docs print ./openings
BARE = re.compile(r"^(?:\.venv/bin/)?openings\s+[a-z]")
FENCE = re.compile(r"^```[\w-]*\n(.*?)^```", re.MULTILINE | re.DOTALL)
SPAN = re.compile(r"`([^`\n]+)`")
# target -> what `make -n` must show it would run
NOT_RUN = {
    "serve": "pelican --listen",
    "devserver": "openings.devserver",
    "test": "pytest",
    "publish": "publishconf.py",
    "bench": "bench/run.py",
    "lighthouse": "test_lighthouse.py",
    "notify": "--settings publishconf.py",
}
# files a documented command names, as an HR person would have them
GIVEN = {
    "job-description.txt": "Data Analyst\n\nWe are looking for a data analyst to join our Berlin "
    "team.\n\nWhat you will do:\n- build dashboards\n- answer questions with data\n",
}
SKIPPED = shutil.ignore_patterns(
    ".venv", ".git", "output", "preview", "__pycache__", ".pytest_cache", ".ruff_cache",
    ".hypothesis", "node_modules", "test-artifacts", ".pelican-cache", "*.egg-info",
)  # fmt: skip


def commands_in(text: str) -> list[str]:
    found = []
    for block in FENCE.finditer(text):
        found += [line.strip() for line in block[1].splitlines() if COMMAND.match(line.strip())]
    for span in SPAN.findall(FENCE.sub("", text)):
        if COMMAND.match(span.strip()):
            found.append(span.strip())
    return found


def documented() -> list[str]:
    found = []
    for name in DOCUMENTS:
        found += commands_in((ROOT / name).read_text(encoding="utf-8"))
    return list(dict.fromkeys(found))


def target_of(command: str) -> str | None:
    words = command.split()
    return words[1] if words[0] == "make" and len(words) > 1 else None


@pytest.fixture
def fresh_clone(tmp_path) -> Path:
    site = tmp_path / "site"
    shutil.copytree(ROOT, site, ignore=SKIPPED, symlinks=True)
    share_venv(site)
    for name, text in GIVEN.items():
        (site / name).write_text(text, encoding="utf-8")
    for args in (
        ["init", "-q", "-b", "main"],
        ["add", "-A"],
        ["-c", "user.name=HR", "-c", "user.email=hr@example.com", "commit", "-q", "-m", "site"],
    ):
        subprocess.run(["git", *args], cwd=site, check=True, capture_output=True)
    return site


def run(command: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GITHUB_", "MAKE"))}
    env["SOURCE_DATE_EPOCH"] = _epoch(TODAY)  # the sample postings' "today"
    return subprocess.run(
        ["bash", "-c", command],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def _epoch(day: str) -> str:
    import datetime as dt

    moment = dt.datetime.fromisoformat(day).replace(hour=12, tzinfo=dt.UTC)
    return str(int(moment.timestamp()))


def test_the_documents_print_commands():
    commands = documented()
    assert len(commands) >= 25, commands
    assert any(c.startswith("./openings new ") for c in commands)
    assert {"serve", "test", "preview", "validate"} <= {target_of(c) for c in commands}


def test_no_document_prints_a_command_that_is_not_found():
    for name in DOCUMENTS:
        text = (ROOT / name).read_text(encoding="utf-8")
        spans = SPAN.findall(FENCE.sub("", text))
        lines = [line.strip() for block in FENCE.finditer(text) for line in block[1].splitlines()]
        bare = [s for s in spans + lines if BARE.match(s.strip())]
        assert bare == [], f"{name} prints {bare}: write ./openings, which works on a fresh clone"


def test_the_wrapper_is_executable():
    assert os.access(ROOT / "openings", os.X_OK)


@pytest.mark.parametrize("command", documented())
def test_documented_command_runs_as_printed(command, fresh_clone):
    target = target_of(command)
    if target in NOT_RUN:
        result = run(f"make -n {target}", fresh_clone)
        assert result.returncode == 0, result.stdout + result.stderr
        assert NOT_RUN[target] in result.stdout, result.stdout
        return
    result = run(command, fresh_clone)
    assert result.returncode == 0, f"{command}\n{result.stdout}\n{result.stderr}"
    assert "Traceback" not in result.stderr
