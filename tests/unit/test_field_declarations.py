"""Each field of a posting is declared once, in checks/fields/: the validator, the JSON Schema,
docs/errors.md, the posting template, the JSON-LD and the importer's names agree with the
declarations, so a field added or renamed there changes all of them or fails here."""

from __future__ import annotations

import ast
import dataclasses
import datetime as dt
import re

import pytest
import yaml
from openings.checks import schema
from openings.checks.fields import ALIASES, BY_NAME, DECLARATIONS, FIELDS, REQUIRED
from openings.checks.fields.names import NOT_FIELDS, RESERVED
from openings.checks.publishing import REQUIRED_TO_PUBLISH
from openings.commands.new import render
from openings.core.model import JobPosting
from openings.importers.fieldnames import (
    FIELD_NAMES,
    NOT_FROM_SOURCES,
    ORDER,
    SOURCE_MEANINGS,
)
from openings.render import jsonld
from sitebuild import ROOT
from test_validate import BASE, messages, posting

PACKAGE = ROOT / "plugins" / "openings"


def test_the_schema_has_each_declared_field_as_declared():
    built = schema.build()
    assert list(built["properties"]) == list(FIELDS)
    for spec in DECLARATIONS:
        assert built["properties"][spec.name] == spec.schema
    assert built["required"] == list(REQUIRED) == ["title", "date_posted", "department"]
    assert list(built["$defs"]) == [n for spec in DECLARATIONS for n in spec.schema_defs]


def test_the_posting_model_has_an_attribute_for_each_declared_field():
    attributes = {f.name for f in dataclasses.fields(JobPosting)}
    # what the posting has besides its front matter's fields: where it came from, its text, the
    # groups of countries named in remote_countries, and what other plugins add
    besides = {"source_path", "body_html", "remote_regions", "extra"}
    assert attributes - besides == {spec.model_attribute for spec in DECLARATIONS}


def test_an_alias_stands_for_one_field_and_is_no_field():
    declared = [alias for spec in DECLARATIONS for alias in spec.aliases]
    assert len(declared) == len(set(declared)), "an alias is declared for two fields"
    assert not set(declared) & set(FIELDS)
    assert not set(declared) & set(RESERVED)
    assert not set(declared) & set(NOT_FIELDS)
    assert not set(declared) & set(schema.build()["properties"])
    assert set(BY_NAME) == set(FIELDS) and len(FIELDS) == len(DECLARATIONS)


@pytest.mark.parametrize("alias", sorted(ALIASES))
def test_the_validator_names_the_field_an_alias_stands_for(alias):
    field = ALIASES[alias]
    _, found = posting(drop=(field,), **{alias: BASE.get(field, "x")})
    assert any(
        line.endswith(f"{alias}: unknown field; did you mean {field}?") for line in messages(found)
    ), messages(found)
    # written under another name, the field is not reported as missing on top
    assert not any(f": {field}: is required" in line for line in messages(found))


def test_the_recommended_fields_are_declared_so():
    _, found = posting(drop=("valid_through", "employment_type", "salary", "req_id"))
    warned = [p.field for p in found if p.rule == "recommended"]
    assert warned == [spec.name for spec in DECLARATIONS if spec.recommended]


def test_docs_errors_lists_every_field_with_its_aliases():
    text = (ROOT / "docs" / "errors.md").read_text(encoding="utf-8")
    section = text.split("\n## Every field\n", 1)[1]
    rows = re.findall(r"^\| `(\w+)` \|.*\| (.+) \|$", section, re.MULTILINE)
    assert [name for name, _ in rows] == list(FIELDS)
    for name, others in rows:
        written = re.findall(r"`(\w+)`", others)
        assert written == list(BY_NAME[name].aliases), name


def test_the_jsonld_properties_are_the_declared_ones():
    """Every property of a full posting's JSON-LD is some field's, and every field's shows."""
    onsite, found = posting(
        education="bachelor degree", experience_months="36", openings="2",
        experience_in_place_of_education="true", start_date="2027-02-01", direct_apply="true",
    )  # fmt: skip
    assert onsite is not None, messages(found)
    remote, found = posting(workplace="remote", remote_countries="[DE]", drop=("locations",))
    assert remote is not None, messages(found)
    written = set()
    for job in (onsite, remote):
        written |= set(jsonld.build(job, "https://careers.example/jobs/x/", "<p>x</p>"))
    own = {"@context", "@type", "description", "url"}  # the page's, not a field's
    declared = {spec.jsonld for spec in DECLARATIONS if spec.jsonld}
    assert written - own == declared


def test_the_importer_maps_to_declared_fields_by_their_declared_names():
    assert set(ORDER) <= set(FIELDS)
    assert set(FIELDS) - set(ORDER) == {"experience_in_place_of_education"}
    targets = set(FIELD_NAMES.values()) - set(SOURCE_MEANINGS.values())
    assert targets <= set(FIELDS)
    for spec in DECLARATIONS:
        if spec.name not in ORDER:
            assert spec.name not in FIELD_NAMES  # never guessed from another system's data
            continue
        assert FIELD_NAMES[spec.name] == spec.name
        for name in spec.source_names:
            assert FIELD_NAMES[name] == spec.name or name in SOURCE_MEANINGS, name
        for alias in spec.aliases:
            one_word = alias in ((spec.jsonld or "").lower(), spec.name.replace("_", ""))
            if one_word or alias in NOT_FROM_SOURCES:
                assert alias not in FIELD_NAMES, alias
            elif alias not in SOURCE_MEANINGS:
                assert FIELD_NAMES[alias] in (spec.name, *_source_name_of(alias)), alias


def _source_name_of(name: str) -> list[str]:
    """The field whose source names include `name` (another system's meaning wins)."""
    return [spec.name for spec in DECLARATIONS if name in spec.source_names]


def test_the_template_writes_declared_fields_and_every_required_one():
    text = render(
        title="Designer", department="Engineering", offices=["berlin"], remote=[],
        today=dt.date(2026, 11, 28), known_departments=["Engineering"],
        known_offices=["berlin"], apply_default=None, slug="designer",
    )  # fmt: skip
    front = text.split("---\n")[1]
    written = yaml.safe_load(front)
    assert set(written) <= set(FIELDS)
    for name in (*REQUIRED, *REQUIRED_TO_PUBLISH):
        assert re.search(rf"^(# )?{name}:", front, re.MULTILINE), f"the template has no {name}"
    assert set(REQUIRED) <= set(written)
    switched_off = set(re.findall(r"^# ([a-z_]+):", front, re.MULTILINE))
    assert not switched_off & (set(ALIASES) | set(RESERVED)), "the template shows an alias"
    # written by hand for HR (its notes say more than a declaration's line), so checked here:
    # every declared field is in it, filled in or switched off with "# "
    shown = re.findall(r"^(?:# )?([a-z_]+):", front, re.MULTILINE)
    assert [name for name in FIELDS if name not in shown] == [], "declared, not in the template"


def test_the_jsonld_module_restates_no_field():
    """render/jsonld.py takes every field's property from its declaration, none by hand."""
    source = (PACKAGE / "render" / "jsonld.py").read_text(encoding="utf-8")
    nodes = list(ast.walk(ast.parse(source)))
    words = {n.value for n in nodes if isinstance(n, ast.Constant) and isinstance(n.value, str)}
    assert words & {spec.jsonld for spec in DECLARATIONS} == set(), "a property by hand"
    read = {n.attr for n in nodes if isinstance(n, ast.Attribute)}
    assert read & {spec.model_attribute for spec in DECLARATIONS} == set(), "a field by hand"
