"""How reading one posting grows with the size of its body (`bench/run.py --body-sizes`).

A body of each shape is cut to each size, given the front matter of a sample posting and
checked as `openings validate` checks it (read, render, sanitise, validate), in this process:
the command's start-up would hide differences of milliseconds. The shapes are prose and the
deepest nesting the limits allow (JOBPOSTING_MAX_NESTING): quotes, lists and HTML 20 levels
deep, the shapes whose cost grew with the square of the depth before the limits. The
"exponent" of each shape is log(t(largest) / t(smallest)) / log(largest / smallest): 1 when
time grows linearly with the size, 2 when it grows with its square.
"""

from __future__ import annotations

import math
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "content" / "jobs" / "backend-developer.md"
DEFAULT_SIZES = (25_000, 50_000, 100_000, 200_000)
# One unit of each shape, repeated up to the size.
UNITS = {
    "prose": "We build reliable services for hospital groups and city councils, and you will "
    "help us run them: **on call** one week in six, with [a runbook](https://example.org).\n\n",
    "quotes": "> " * 20 + "a quoted line, twenty levels deep\n",
    "lists": "".join("  " * depth + "- an item\n" for depth in range(20)) + "\n",
    "html": "<div>" * 20 + "text in twenty divs" + "</div>" * 20 + "\n\n",
}


def body(shape: str, size: int) -> str:
    unit = UNITS[shape]
    return unit * (size // len(unit.encode()))


def front_matter() -> str:
    text = SAMPLE.read_text(encoding="utf-8")
    return text[: text.index("\n---\n", 4) + len("\n---\n")]


def measure(sizes, repeat: int, work: Path, say) -> dict:
    """{shape: {size: best seconds}} and each shape's growth from half the largest size."""
    plugins = str(ROOT / "plugins")
    if plugins not in sys.path:
        sys.path.insert(0, plugins)
    from openings.checks import pipeline
    from openings.config import settingscheck
    from openings.reading import postingfile
    from pelican.settings import read_settings

    values = read_settings(str(ROOT / "pelicanconf.py"), override={"PATH": str(ROOT / "content")})
    settingscheck.check(values)
    checks = pipeline.prepare(values)
    work.mkdir(parents=True, exist_ok=True)
    head = front_matter()
    seconds: dict[str, dict[int, float]] = {}
    for shape in UNITS:
        seconds[shape] = {}
        for size in sizes:
            path = work / f"{shape}-{size}.md"
            path.write_text(head + body(shape, size), encoding="utf-8")
            best = float("inf")
            for _ in range(repeat):
                started = time.perf_counter()
                doc, problems, html = postingfile.read_posting(str(path), checks.limits)
                outcome = pipeline.check_posting(doc, path.name, "x", html, problems, checks)
                best = min(best, time.perf_counter() - started)
            if any(p.is_error for p in outcome.problems):
                raise ValueError(f"{path}: {outcome.problems[0].as_text()}")
            seconds[shape][size] = best
            say(f"  {shape:<7}{size:>9,} bytes {best * 1000:9.1f} ms")
    smallest, largest = min(sizes), max(sizes)
    exponent = {
        shape: math.log(times[largest] / times[smallest]) / math.log(largest / smallest)
        if largest > smallest
        else None
        for shape, times in seconds.items()
    }
    return {"repeat": repeat, "sizes": list(sizes), "seconds": seconds, "exponent": exponent}


def table(result: dict) -> list[str]:
    sizes = result["sizes"]
    lines = [
        f"one posting read and checked, by body size (best of {result['repeat']}), ms:",
        f"{'shape':<8}" + "".join(f"{size:>11,}" for size in sizes) + f"{'exponent':>10}",
    ]
    for shape, times in result["seconds"].items():
        exponent = result["exponent"][shape]
        lines.append(
            f"{shape:<8}"
            + "".join(f"{times[size] * 1000:>11.1f}" for size in sizes)
            + (f"{exponent:>10.2f}" if exponent is not None else f"{'-':>10}")
        )
    lines.append("exponent: time ~ size ** exponent between the sizes (linear 1, quadratic 2)")
    return lines
