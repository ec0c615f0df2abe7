"""Kept builds (`make publish BUILD_CACHE=folder`) on a generated board, as the Pages workflow
runs them: each a new `python -m openings.devserver.keptbuild` process, starting from the cache
folder and the output folder the last one left. Before each build, untimed, the content, output
and cache folders are copied anew, as a CI job sees them (a fresh checkout, and actions/cache
restoring its folders): the same bytes and modification times in new files, so that no file's
inode and change time tell the build it is unchanged.

After a first build from nothing, each repetition times three builds, each from the state the
previous scenario's build left:

- "same postings": nothing changed since the last build (a rebuild on the same day);
- "one posting edited": a paragraph added to one posting's description (a merged pull
  request); the file is put back and built once more, untimed;
- "next day": "today" one day later, so every verdict and every page is made again (the daily
  rebuild); then built once more on the board's own day, untimed.
"""

from __future__ import annotations

import datetime
import re
import shutil
import statistics
import sys
from pathlib import Path

EDIT = "\n\nThis paragraph was added to time a kept build.\n"
SCENARIOS = ("same postings", "one posting edited", "next day")


class KeptError(Exception):
    pass


def _command(settings_file: Path, output: Path, cache: Path) -> list[str]:
    return [sys.executable, "-m", "openings.devserver.keptbuild", "-s", str(settings_file),
            "-o", str(output), "--cache", str(cache)]  # fmt: skip


def _next_day_settings(settings_file: Path) -> Path:
    text = settings_file.read_text(encoding="utf-8")
    found = re.search(r"^JOBPOSTING_TODAY = '(\d{4}-\d{2}-\d{2})'$", text, re.MULTILINE)
    if found is None:
        raise KeptError(f"{settings_file} pins no JOBPOSTING_TODAY")
    day = datetime.date.fromisoformat(found.group(1)) + datetime.timedelta(days=1)
    later = settings_file.with_name("next_day_settings.py")
    later.write_text(text.replace(found.group(0), f"JOBPOSTING_TODAY = '{day}'"), "utf-8")
    return later


def _as_a_new_job_sees_it(tree: Path) -> None:
    """The same bytes and modification times in new files (shutil.copy2), as a checkout or an
    archive restored by actions/cache gives them."""
    if not tree.exists():
        return
    fresh = tree.with_name(tree.name + ".new")
    shutil.rmtree(fresh, ignore_errors=True)
    shutil.copytree(tree, fresh, symlinks=True)
    shutil.rmtree(tree)
    fresh.rename(tree)


def measure(settings_file: Path, count: int, repeat: int, say, run_measured) -> dict:
    """`run_measured`: run.py's, which times a command and its children."""
    folder = settings_file.parent
    output, cache = folder / "kept-output", folder / "kept-cache"
    shutil.rmtree(output, ignore_errors=True)
    shutil.rmtree(cache, ignore_errors=True)
    later = _next_day_settings(settings_file)
    postings = sorted((folder / "content" / "jobs").glob("*.md"))
    log = folder / "kept.log"

    peak_mb = 0.0  # the whole process tree's, the largest of every kept build

    def run(settings: Path) -> float:
        nonlocal peak_mb
        for tree in (folder / "content", output, cache):
            _as_a_new_job_sees_it(tree)
        done = run_measured(_command(settings, output, cache), folder, log)
        if done.exit_code != 0:
            tail = "\n".join(log.read_text(encoding="utf-8", errors="replace").splitlines()[-20:])
            raise KeptError(f"a kept build failed (exit {done.exit_code}); {log}:\n{tail}")
        peak_mb = max(peak_mb, done.peak_tree_mb or done.peak_mb)
        return done.seconds

    first = run(settings_file)
    say(f"  kept build from nothing          {first:7.2f} s")
    times: dict[str, list[float]] = {name: [] for name in SCENARIOS}
    for turn in range(repeat):
        times["same postings"].append(run(settings_file))
        edited = postings[(turn * 7919) % len(postings)]
        original = edited.read_bytes()
        edited.write_bytes(original + EDIT.encode())
        try:
            times["one posting edited"].append(run(settings_file))
        finally:
            edited.write_bytes(original)
        run(settings_file)
        times["next day"].append(run(later))
        run(settings_file)
        for name in SCENARIOS:
            say(f"  run {turn + 1}/{repeat}  kept, {name:<20} {times[name][-1]:7.2f} s")
    return {
        "postings": count,
        "first_seconds": first,
        "runs": times,
        "median_seconds": {name: statistics.median(t) for name, t in times.items()},
        "peak_tree_mb": peak_mb,
        "cache_mb": sum(f.stat().st_size for f in cache.iterdir()) / 1e6,
    }
