"""How `openings import` does on a corpus of real postings: run as a script or from the corpus test.

    .venv/bin/python tests/importers/corpus_report.py [CORPUS_FOLDER]

Every file under the folder (default: tests/fixtures/import/corpus) is imported in ONE batch into
a fresh site with the sample data files, as a company moving its board would, then each written
posting is checked as `openings validate` checks it. Reported: files imported, tracebacks,
postings lost (a source without its own file), values invented (a written value the source does
not contain), and the edits HR needs: one per field the validator reports an error on.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import statistics
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent)]

from openings.importers import run  # noqa: E402
from openings.reading import frontmatter  # noqa: E402
from sitebuild import ROOT, Site, site_settings  # noqa: E402

CORPUS = ROOT / "tests" / "fixtures" / "import" / "corpus"
_SKIP = {"SOURCES.md", "manifest.json", "LICENSE"}


@dataclass
class Report:
    sources: int = 0
    imported: int = 0
    tracebacks: list[str] = field(default_factory=list)
    lost: list[str] = field(default_factory=list)
    invented: list[str] = field(default_factory=list)
    edits: list[int] = field(default_factory=list)
    error_fields: Counter = field(default_factory=Counter)
    failures: list[str] = field(default_factory=list)

    def text(self) -> str:
        share = 100 * self.imported / self.sources if self.sources else 0
        median = statistics.median(self.edits) if self.edits else 0
        lines = [
            f"files: {self.sources}",
            f"imported: {self.imported} ({share:.1f} %)",
            f"tracebacks: {len(self.tracebacks)}",
            f"postings lost: {len(self.lost)}",
            f"values invented: {len(self.invented)}",
            f"median edits to pass validate: {median}",
            f"edits per posting: {dict(sorted(Counter(self.edits).items()))}",
            "fields with errors: "
            + ", ".join(f"{k} {v}" for k, v in self.error_fields.most_common()),
        ]
        lines += [f"  failed: {f}" for f in self.failures]
        lines += [f"  traceback: {t}" for t in self.tracebacks]
        lines += [f"  lost: {t}" for t in self.lost]
        lines += [f"  invented: {t}" for t in self.invented]
        return "\n".join(lines)


def corpus_files(folder: Path) -> list[Path]:
    return sorted(
        p for p in folder.rglob("*") if p.is_file() and p.name not in _SKIP and p.suffix != ".json"
    )


def measure(folder: Path) -> Report:
    report = Report()
    files = corpus_files(folder)
    report.sources = len(files)
    with tempfile.TemporaryDirectory() as tmp:
        site = Site(Path(tmp))
        settings = site_settings(site.content, site.output)
        here = os.getcwd()
        os.chdir(folder)  # sources named as HR would type them
        try:
            named = [str(p.relative_to(folder)) for p in files]
            summary = run(named, str(site.content / "jobs"), settings=settings)
        finally:
            os.chdir(here)
        written: dict[str, list[str]] = {}
        for result in summary.results:
            if result.failure:
                if "bug in openings import" in result.failure:
                    report.tracebacks.append(f"{result.source}: {result.failure}")
                else:
                    report.failures.append(f"{result.source}: {result.failure}")
                continue
            path = result.path if os.path.isabs(result.path) else os.path.join(here, result.path)
            written.setdefault(path, []).append(result.source)
            source = folder / result.source
            errors = {p.field or p.message for p in result.problems if p.is_error}
            report.edits.append(len(errors))
            report.error_fields.update(p.field or "(file)" for p in result.problems if p.is_error)
            report.invented += invented(Path(path), source)
        report.imported = sum(len(sources) for sources in written.values())
        for path, sources in written.items():
            if len(sources) > 1 and not _translations(Path(path)):
                report.lost += [f"{', '.join(sources)} all went to {path}"]
        seen = {s for sources in written.values() for s in sources}
        for result in summary.results:
            if result.failure is None and result.source not in seen:
                report.lost.append(result.source)
    return report


def _translations(path: Path) -> bool:
    return False


def _plain(text: str) -> str:
    return " ".join(re.sub(r"[*_`\\\"'“”‘’]", "", text).split()).casefold()


def invented(posting: Path, source: Path) -> list[str]:
    """Written values the source does not state: each must be found in the source's text."""
    if not source.is_file():
        return []
    original = source.read_text(encoding="utf-8", errors="replace")
    plain = _plain(original)
    doc = frontmatter.parse(posting.read_text(encoding="utf-8"))
    found = []

    def value(name):
        f = doc.fields.get(name)
        return None if f is None else f.value

    for name in ("title", "req_id", "apply_url", "apply_email"):
        text = value(name)
        if isinstance(text, str) and text and _plain(text) not in plain:
            found.append(f"{source}: {name} {text!r} is not in the source")
    for name in ("date_posted", "valid_through"):
        day = value(name)
        if isinstance(day, dt.datetime):
            day = day.date()
        if isinstance(day, dt.date) and not _date_in(day, original, source):
            found.append(f"{source}: {name} {day} is not in the source")
    org = value("hiring_organization")
    if isinstance(org, dict):
        name = org.get("name")
        name = name.value if hasattr(name, "value") else name
        if isinstance(name, str) and _plain(name) not in plain:
            found.append(f"{source}: hiring_organization {name!r} is not in the source")
    status = value("status")
    if status == "open" and _SAYS_CLOSED.search(original):
        found.append(f"{source}: status open, but the source says closed/filled/archived")
    if status == "open" and value("valid_through") is None:
        found.append(f"{source}: status open, but the source gives no end date")
    places = doc.fields.get("locations")
    for item in places.value if places is not None and places.is_list else []:
        # an office key stands for its city; an address for its locality
        if item.is_scalar and _plain(str(item.value)).replace("-", " ") not in plain:
            found.append(f"{source}: office {item.value} is not named in the source")
        if item.is_mapping:
            part = item.value.get("locality")
            if part is not None and _plain(str(part.value)) not in plain:
                found.append(f"{source}: locality {part.value} is not in the source")
    salary = doc.fields.get("salary")
    if salary is not None and salary.is_mapping:
        for key in ("min", "max", "value"):
            part = salary.value.get(key)
            if part is not None and not _number_in(part.value, plain):
                found.append(f"{source}: salary {key} {part.value} is not in the source")
    return found


_SAYS_CLOSED = re.compile(
    r"^(?:archived|closed|filled):\s*true|^(?:state|status):\s*[\"']?(?:closed|solved|filled)"
    r"|\[closed\]|this position (?:has been|is) (?:now )?filled",
    re.IGNORECASE | re.MULTILINE,
)


def _date_in(day: dt.date, text: str, source: Path) -> bool:
    if day.isoformat() in text or day.strftime("%Y%m%d") in str(source):
        return True
    months = day.strftime("%B|%b").lower().split("|")
    low = text.lower()
    return str(day.year) in low and (
        any(m in low for m in months)
        or f"{day.month}/{day.day}" in low
        or f"{day.day}.{day.month}" in low
        or f"{day.month:02d}-{day.day:02d}" in low
        or f"{day.day:02d}.{day.month:02d}" in low
    )


def _number_in(number, plain: str) -> bool:
    n = float(number)
    digits = re.sub(r"[,.\s]", "", plain)
    forms = {f"{n:.0f}", f"{n / 1000:.0f}k", f"{n:g}"}
    return any(form in plain or form in digits for form in forms)


if __name__ == "__main__":
    folder = Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else CORPUS
    print(measure(folder).text())
