"""What `openings import` did: one result per job or source, and the summary the terminal shows."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..core.problems import Problem


@dataclass
class ImportResult:
    """One job (or one source that gave none)."""

    source: str  # "jobs.json (Greenhouse job 4012345)", "old/backend.md"
    path: str | None = None  # the file written, as people see it
    failure: str | None = None  # why nothing was written
    todos: list[str] = field(default_factory=list)  # fields marked for HR in the file
    problems: list[Problem] = field(default_factory=list)  # the build's checks on the file
    notes: list[str] = field(default_factory=list)
    replaced: bool = False  # an earlier import of the same job was overwritten (--force)
    slug: str | None = None  # the web address it was written for; translations share it
    left_out: list[str] = field(default_factory=list)  # the old site's bookkeeping fields

    @property
    def outcome(self) -> str:
        if self.failure:
            return "failed"
        return "attention" if self.todos or self.problems else "imported"


@dataclass
class ImportSummary:
    results: list[ImportResult] = field(default_factory=list)
    assets: list[str] = field(default_factory=list)  # images and such in the folders, not read

    @property
    def imported(self) -> int:
        """Files written, including those that need attention."""
        return len({r.path for r in self.results if r.failure is None})

    @property
    def needs_attention(self) -> int:
        return sum(1 for r in self.results if r.outcome == "attention")

    @property
    def failed(self) -> int:
        return sum(1 for r in self.results if r.outcome == "failed")

    @property
    def exit_code(self) -> int:
        """0 when every source was imported (perhaps with TODOs to settle), else 1."""
        return 1 if self.failed else 0


def format_summary(summary: ImportSummary) -> str:
    """What happened to each source, the problems to fix, and the counts, for the terminal."""
    lines = []
    for result in summary.results:
        if result.failure:
            lines.append(f"{result.source}: not imported: {result.failure}")
            continue
        verb = "replaced" if result.replaced else "written"
        state = "needs attention" if result.outcome == "attention" else "ready"
        lines.append(f"{result.path}: {verb} from {result.source} ({state})")
        lines += [f"  note: {note}" for note in result.notes]
        if result.problems:
            lines += [f"  {problem.as_text()}" for problem in result.problems]
        elif result.todos:
            lines.append(f"  fields marked TODO: {', '.join(result.todos)}")
    left_out: dict[str, int] = {}
    for result in summary.results:
        if result.failure is None:
            for name in result.left_out:
                left_out[name] = left_out.get(name, 0) + 1
    if left_out:
        names = ", ".join(f"{name} ({count})" for name, count in sorted(left_out.items()))
        lines.append(
            "Left out, as the old site's own settings that no posting needs (each file's header "
            f"keeps its values): {names}"
        )
    if summary.assets:
        shown = ", ".join(summary.assets[:5]) + (", ..." if len(summary.assets) > 5 else "")
        lines.append(
            f"Not read, as the old site's images and assets ({len(summary.assets)}): {shown}; "
            "copy an image into content/images/ if a posting shows it"
        )
    lines.append(_counts(summary))
    return "\n".join(lines)


def _counts(summary: ImportSummary) -> str:
    imported = summary.imported
    text = f"{imported} posting{'s' if imported != 1 else ''} imported"
    if summary.needs_attention:
        text += f" ({summary.needs_attention} need{'s' if summary.needs_attention == 1 else ''} attention)"
    text += f", {summary.failed} failed."
    return text
