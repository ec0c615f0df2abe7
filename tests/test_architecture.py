"""The layout of the `openings` package: which package may import which, and no import cycles.

docs/architecture.md explains the packages; this test keeps the code and that page in step. Every
import counts, those inside functions too: a cycle hidden in a function is still a cycle.
"""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

from sitebuild import ROOT

PACKAGE = ROOT / "plugins" / "openings"

# Who may import whom (docs/architecture.md, "Who imports whom"); a package may always import
# its own modules.
ALLOWED = {
    "core": set(),
    "config": {"core", "reading"},
    "reading": {"core"},
    "checks": {"core", "reading"},
    "render": {"core", "checks"},
    "outputs": {"core", "config", "checks", "render"},
    "boundary": {"core", "reading", "outputs"},
    "build": {"core", "config", "reading", "boundary", "checks", "render", "outputs", "speed"},
    "speed": {"core"},
    # make devserver: a warm process that runs the build, so above it
    "devserver": {"core", "config", "reading", "checks", "render", "outputs", "build", "speed"},
    "importers": {"core", "config", "reading", "checks", "build"},
    "commands": {"core", "config", "reading", "boundary", "checks", "render", "outputs",
                 "importers", "speed"},
    "": {"core", "build"},  # openings/__init__.py: register()
}  # fmt: skip
# Checking a posting needs no Pelican: `openings validate` runs without it.
WITHOUT_PELICAN = ("core", "config", "reading", "checks", "render", "commands")
# ... but for one fallback: a settings file with Pelican's old names is read by Pelican itself.
PELICAN_EXCEPTIONS = {("openings.config.sitesettings", "pelican.settings")}


def modules() -> dict[str, Path]:
    found = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE).with_suffix("").parts
        name = ".".join(("openings", *parts)).removesuffix(".__init__")
        found[name] = path
    return found


def imports_of(name: str, path: Path, known: dict[str, Path]) -> set[str]:
    """Every module of `openings` and every outside module `name` imports, anywhere in it."""
    found = set()
    is_package = path.name == "__init__.py"
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = name.split(".") if is_package else name.split(".")[:-1]
                base = base[: len(base) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            for alias in node.names:
                sub = f"{target}.{alias.name}"
                found.add(sub if sub in known else target)
    return found


def package_of(name: str) -> str:
    parts = name.split(".")
    return parts[1] if len(parts) > 1 and (PACKAGE / parts[1]).is_dir() else ""


def graph() -> dict[str, set[str]]:
    known = modules()
    return {name: imports_of(name, path, known) for name, path in known.items()}


def test_every_package_is_described():
    packages = {p.name for p in PACKAGE.iterdir() if (p / "__init__.py").exists()}
    assert packages == set(ALLOWED) - {""}
    page = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    missing = [p for p in sorted(packages) if f"`{p}/`" not in page]
    assert missing == [], f"docs/architecture.md does not describe {missing}"


def documented() -> tuple[dict[str, set[str]], set[str]]:
    """docs/architecture.md's rules: who may import whom, and which packages need no Pelican."""
    page = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    packages = page.split("\n## The packages\n", 1)[1].split("\n## ", 1)[0]
    no_pelican = set(re.findall(r"^\| `(\w+)/` \|.*\| yes\b[^|]*\|$", packages, re.MULTILINE))
    section = page.split("\n## Who imports whom\n", 1)[1].split("\n## ", 1)[0]
    allowed = {}
    for package, cell in re.findall(
        r"^\| `(\w+)/?`(?: itself)? \| (.+) \|$", section, re.MULTILINE
    ):
        names = re.sub(r"\([^)]*\)", "", cell).replace("—", "")
        allowed["" if package == "openings" else package] = {
            name.strip() for name in names.split(",") if name.strip()
        }
    return allowed, no_pelican


def test_the_architecture_page_states_these_rules():
    allowed, no_pelican = documented()
    assert allowed == ALLOWED
    assert no_pelican == set(WITHOUT_PELICAN)


def test_packages_import_only_what_the_architecture_allows():
    wrong = []
    for name, targets in graph().items():
        mine = package_of(name)
        for target in targets:
            theirs = package_of(target)
            if target.startswith("openings") and theirs not in {mine, "", *ALLOWED[mine]}:
                wrong.append(f"{name} imports {target}")
    assert wrong == []


def test_the_build_reaches_the_speed_code_only_through_speedup():
    """The build hands its steps to speed/ in one module, and `openings validate` in one;
    nothing imports the dev server."""
    users = {
        (package_of(target), name)
        for name, targets in graph().items()
        for target in targets
        if package_of(target) in {"speed", "devserver"} and package_of(name) != package_of(target)
    }
    speed = {name for package, name in users if package == "speed"}
    assert {name for name in speed if package_of(name) != "devserver"} <= {
        "openings.build.speedup",
        "openings.commands.checking",
    }
    assert {name for package, name in users if package == "devserver"} == set()


def test_checking_a_posting_needs_no_pelican():
    wrong = [
        f"{name} imports {target}"
        for name, targets in graph().items()
        if package_of(name) in WITHOUT_PELICAN
        for target in targets
        if target.split(".")[0] == "pelican" and (name, target) not in PELICAN_EXCEPTIONS
    ]
    assert wrong == []


def test_no_import_cycle_between_modules():
    edges = {
        name: {t for t in targets if t.startswith("openings") and t != name}
        for name, targets in graph().items()
    }
    cycles, done, path = [], set(), []

    def visit(node: str) -> None:
        if node in path:
            cycles.append(" -> ".join([*path[path.index(node) :], node]))
            return
        if node in done:
            return
        path.append(node)
        for target in sorted(edges.get(node, ())):
            visit(target)
        path.pop()
        done.add(node)

    for node in sorted(edges):
        visit(node)
    assert cycles == []


# A module a reader can hold in mind, a class with one job.
MODULE_LINES = 400
CLASS_LINES = 200


def sizes(path: Path) -> tuple[int, dict[str, int]]:
    """A module's lines, and each class's (nested ones too)."""
    source = path.read_text(encoding="utf-8")
    classes = {
        node.name: node.end_lineno - node.lineno + 1
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.ClassDef)
    }
    return source.count("\n"), classes


def test_modules_and_classes_stay_small():
    too_big = []
    for path in sorted((ROOT / "plugins").rglob("*.py")):
        name = path.relative_to(PACKAGE).as_posix() if path.is_relative_to(PACKAGE) else path.name
        lines, classes = sizes(path)
        if lines > MODULE_LINES:
            too_big.append(f"{name}: {lines} lines")
        too_big += [f"{name}: class {c}, {n} lines" for c, n in classes.items() if n > CLASS_LINES]
    assert too_big == [], (
        f"split these (at most {MODULE_LINES} lines a module, {CLASS_LINES} a class)"
    )


def test_the_test_finds_a_cycle_and_a_forbidden_import(tmp_path, monkeypatch):
    """The checks above would fail on a cycle or on core importing the build."""
    fake = tmp_path / "openings"
    for package in ("core", "build"):
        (fake / package).mkdir(parents=True)
        (fake / package / "__init__.py").write_text("")
    (fake / "__init__.py").write_text("")
    (fake / "core" / "a.py").write_text("from ..build import b\n")
    (fake / "build" / "b.py").write_text("def f():\n    from ..core import a\n")
    monkeypatch.setattr(sys.modules[__name__], "PACKAGE", fake)
    edges = graph()
    assert "openings.build.b" in edges["openings.core.a"]
    assert "openings.core.a" in edges["openings.build.b"]  # inside a function: counted
    assert "build" not in ALLOWED["core"]


def test_the_size_test_measures_classes_nested_ones_too(tmp_path):
    module = tmp_path / "big.py"
    inner = [f"        x{i} = {i}\n" for i in range(CLASS_LINES)]
    module.write_text("".join(["class Outer:\n", "    class Inner:\n", *inner]))
    lines, classes = sizes(module)
    assert lines == CLASS_LINES + 2
    assert classes == {"Outer": CLASS_LINES + 2, "Inner": CLASS_LINES + 1}
