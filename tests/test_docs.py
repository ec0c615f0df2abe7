"""The generated documentation stays true: every rule explained, the schema agreeing with the
validator, the HR guide covering every field."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
import yaml
from jsonschema import Draft202012Validator
from openings.checks import schema
from openings.checks.fields import FIELDS
from openings.commands import cli
from openings.commands.checking import check_files, load_settings
from openings.core import rules
from openings.core.rulefamilies import board, content, fields, file, limits, pasting
from openings.reading import frontmatter
from openings.reading.postingfile import decode
from sitebuild import ROOT, TODAY

PLUGIN = ROOT / "plugins" / "openings"
DOCS = ROOT / "docs"
FIXTURES = sorted((ROOT / "tests" / "fixtures" / "postings").glob("*/*.md"))
SAMPLES = sorted((ROOT / "content" / "jobs").rglob("*.md"))


# --- errors.md ----------------------------------------------------------------------------------


def rule_names_used() -> set[tuple[str, str]]:
    """(file, NAME) for every `rules.NAME` in the plugin's code."""
    found = set()
    for path in PLUGIN.rglob("*.py"):
        for name in re.findall(r"\brules\.([A-Z][A-Z0-9_]*)\b", path.read_text(encoding="utf-8")):
            found.add((str(path.relative_to(ROOT)), name))
    return found


def test_the_plugin_uses_rules():
    assert len({name for _, name in rule_names_used()}) > 30


def test_each_rule_is_written_once_and_exported():
    """rules.py assembles the families of core/rulefamilies/: an id written in two families
    would leave one explanation out, a rule not exported could not be reported."""
    families = [board, content, fields, file, limits, pasting]
    ids = [rule_id for family in families for rule_id in family.RULES]
    assert sorted(ids) == sorted(rules.RULES)
    exported = {getattr(rules, name) for name in rules.__all__ if name not in ("RULES", "Rule")}
    assert set(rules.RULES) <= exported


@pytest.mark.parametrize("where,name", sorted(rule_names_used()))
def test_every_rule_used_is_explained(where, name):
    rule_id = getattr(rules, name, None)
    assert isinstance(rule_id, str), f"{where} uses rules.{name}, which rules.py does not define"
    assert rule_id in rules.RULES
    entry = rules.RULES[rule_id]
    assert entry.summary and entry.fix, f"{rule_id} needs a summary and a fix"
    assert re.search(rf"^## {re.escape(rule_id)}$", (DOCS / "errors.md").read_text(encoding="utf-8"), re.M)  # fmt: skip


def test_rule_ids_written_as_text_are_known():
    # frontmatter.py names its rules as strings (it sits below rules.py)
    text = (PLUGIN / "reading" / "frontmatter.py").read_text(encoding="utf-8")
    for rule_id in re.findall(r'^\s+"([a-z][a-z-]+)",\n\s+\)', text, re.M):
        assert rule_id in rules.RULES, rule_id


def test_generated_docs_are_up_to_date(capsys):
    status = cli.main(["docs", "--check", "--folder", str(DOCS)])
    out, _ = capsys.readouterr()
    assert status == 0, f"{out} (run `make docs`)"


def test_docs_check_notices_a_stale_file(tmp_path, capsys):
    assert cli.main(["docs", "--folder", str(tmp_path)]) == 0
    assert cli.main(["docs", "--check", "--folder", str(tmp_path)]) == 0
    errors = tmp_path / "errors.md"
    errors.write_text(errors.read_text(encoding="utf-8").replace("## yaml\n", ""), encoding="utf-8")
    assert cli.main(["docs", "--check", "--folder", str(tmp_path)]) == 1
    assert "out of date" in capsys.readouterr().out


# --- the JSON Schema ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def validator() -> Draft202012Validator:
    built = json.loads((DOCS / "posting.schema.json").read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(built)
    return Draft202012Validator(built)


def test_the_schema_describes_every_field():
    built = schema.build()
    assert built["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert list(built["properties"]) == list(FIELDS)
    for name, entry in built["properties"].items():
        assert entry.get("description") or "$ref" in entry or "anyOf" in entry, name


def test_openings_schema_prints_the_same(capsys):
    assert cli.main(["schema"]) == 0
    assert json.loads(capsys.readouterr().out) == schema.build()


def front_matter(path: Path):
    """What an editor's YAML checker sees: the front matter as JSON values (dates as text)."""
    text, _ = decode(path.read_bytes(), str(path))
    yaml_text, *_ = frontmatter.split(text)
    try:
        loaded = yaml.safe_load(yaml_text) if yaml_text is not None else None
    except (yaml.YAMLError, ValueError):  # ValueError: a date like 2026-02-30
        return None
    return _json(loaded) if isinstance(loaded, dict) else None


def _json(value):
    if isinstance(value, dict):
        return {str(k): _json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_json(v) for v in value]
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    return value


def schema_errors(validator, path: Path) -> list[str]:
    data = front_matter(path)
    if data is None:
        return ["not a YAML mapping"]
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(data)]  # fmt: skip


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_every_sample_posting_passes_the_schema(validator, path):
    assert schema_errors(validator, path) == []


@pytest.fixture(scope="module")
def verdicts() -> dict[str, list]:
    """The validator's errors for every fixture, with the sample site's settings."""

    class Args:
        settings = str(ROOT / "pelicanconf.py")
        content = str(ROOT / "content")
        today = dt.date.fromisoformat(TODAY)
        strict = False

    values = load_settings(Args)
    checked = check_files(values, [str(p) for p in FIXTURES])
    return {o.path: [p for p in o.problems if p.is_error] for o in checked.outcomes}


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_schema_and_validator_agree_on_the_fixtures(validator, verdicts, path):
    from openings.reading.postingfile import report_path

    found = schema_errors(validator, path)
    errors = verdicts[report_path(str(path))]
    # The schema is the editor's quick check: it must never reject what the validator accepts.
    if found:
        assert errors, f"the schema rejects what the validator accepts: {found}"
    if path.parent.name == "valid":
        assert found == []
    for problem in errors:
        assert problem.rule in rules.RULES, problem.rule


# --- the HR guide and the editor set-up ---------------------------------------------------------


def test_the_hr_guide_covers_every_field():
    guide = (DOCS / "hr-guide.md").read_text(encoding="utf-8")
    for name in FIELDS:
        assert re.search(rf"^#+ `{name}`", guide, re.M), (
            f"docs/hr-guide.md has no section on {name}"
        )


def test_the_hr_guide_explains_the_workflow():
    guide = " ".join((DOCS / "hr-guide.md").read_text(encoding="utf-8").split())
    for words in (
        "site-preview", "status: closed", "valid_through", "60 days", "errors.md",
        "openings validate", "openings new", "openings list", "Propose changes",
    ):  # fmt: skip
        assert words in guide, words
    for link in re.findall(r"\]\((?!https?://|#)([^)#]+)", guide):
        assert (DOCS / link).exists(), f"docs/hr-guide.md links to {link}, which does not exist"


def test_the_vscode_example_points_at_the_schema():
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    assert "docs/posting.schema.json" in json.dumps(settings)
    tasks = json.loads((ROOT / ".vscode" / "tasks.json").read_text(encoding="utf-8"))
    commands = " ".join(t["command"] for t in tasks["tasks"])
    assert "openings validate" in commands
