"""The new site's own copy of openings, when the running one came from no package index.

Until openings is on a package index, it is installed from a checkout (`pip install .`,
editable or not) or from a wheel file. A site made by `openings init` installs openings from
its requirements.txt, so init puts a wheel of the running openings in the site's `wheels/`
folder and `--find-links wheels` first in requirements.txt: the site's README commands and its
CI then work as they are. Installed from an index, the site needs neither.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
import tomllib
from importlib import metadata
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

DISTRIBUTION = "openings"
FIND_LINKS = "--find-links wheels"


def _copy_source(source: Path, copy: Path) -> None:
    """What building the wheel reads: the checkout's top-level files (pyproject.toml, README,
    LICENSE) and the folders its packages are found in (tool.setuptools.packages.find.where),
    without caches. Not the rest: a checkout may hold environments and benchmark boards of
    gigabytes, and building from a copy writes nothing into the checkout."""
    try:
        with (source / "pyproject.toml").open("rb") as handle:
            project = tomllib.load(handle)
    except tomllib.TOMLDecodeError as error:
        raise OSError(f"{source / 'pyproject.toml'} cannot be read: {error}") from error
    # packages is a table (find: where) or a list of names, which live at the top
    found = project.get("tool", {}).get("setuptools", {}).get("packages", {})
    folders = found.get("find", {}).get("where", ["."]) if isinstance(found, dict) else ["."]
    copy.mkdir()
    for path in source.iterdir():
        if path.is_file() and not path.name.startswith("."):
            shutil.copy2(path, copy / path.name)
    caches = shutil.ignore_patterns("__pycache__", "*.egg-info")
    for folder in folders:
        if folder in (".", ""):
            raise OSError(f"{source} keeps its packages at its top; build its wheel by hand")
        shutil.copytree(source / folder, copy / folder, ignore=caches, symlinks=True)


def local_source(distribution: str = DISTRIBUTION) -> Path | None:
    """The folder or wheel file the running openings was installed from, when it is local
    (pip records it in direct_url.json); None when it came from an index."""
    try:
        recorded = metadata.distribution(distribution).read_text("direct_url.json")
        url = json.loads(recorded or "{}").get("url", "")
    except (metadata.PackageNotFoundError, ValueError, AttributeError):
        return None
    parts = urlsplit(url)
    if parts.scheme != "file":
        return None
    path = Path(url2pathname(parts.path))
    return path if path.exists() else None


def bundle(site: Path, source: Path) -> str:
    """A wheel of `source` in site/wheels/, and requirements.txt told to look there first;
    returns the wheel's file name. Raises OSError with pip's own words when no wheel is made."""
    wheels = site / "wheels"
    wheels.mkdir(exist_ok=True)
    if source.is_file():
        shutil.copy2(source, wheels / source.name)
    else:
        _build_wheel(source, wheels)
    names = sorted(p.name for p in wheels.glob(f"{DISTRIBUTION}-*.whl"))
    if not names:
        raise OSError(f"no wheel of {DISTRIBUTION} was made from {source}")
    requirements = site / "requirements.txt"
    text = requirements.read_text(encoding="utf-8")
    requirements.write_text(
        "# openings from the wheel in wheels/ (it is not on a package index yet)\n"
        f"{FIND_LINKS}\n{text}",
        encoding="utf-8",
    )
    return names[-1]


def _build_wheel(source: Path, wheels: Path) -> None:
    with tempfile.TemporaryDirectory() as temporary:
        copy = Path(temporary) / "source"
        _copy_source(source, copy)
        done = subprocess.run(
            [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps",
             "--disable-pip-version-check", "-w", str(wheels), str(copy)],
            check=False, capture_output=True, text=True,
        )  # fmt: skip
    if done.returncode != 0:
        lines = [line for line in done.stderr.splitlines() if line.startswith("ERROR")]
        last = (lines or done.stderr.strip().splitlines() or ["pip failed"])[-1]
        raise OSError(f"pip could not make a wheel of {source}: {last}")
