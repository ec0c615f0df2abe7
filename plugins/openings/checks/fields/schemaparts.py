"""Pieces of JSON Schema the field declarations share (schema.py assembles the whole schema)."""

from __future__ import annotations

DATE = r"^\d{4}-\d{2}-\d{2}$"
DATE_OR_TIME = r"^\d{4}-\d{2}-\d{2}([Tt ].+)?$"
# YAML reads unquoted 0123, 2026 or Yes as numbers and booleans; the validator uses the text as
# written, so any scalar is text to it.
TEXT = {"type": ["string", "number", "boolean"]}
BOOLEAN = {"anyOf": [{"type": "boolean"}, {"type": "string", "pattern": "^([Tt]rue|TRUE|[Ff]alse|FALSE)$"}]}  # fmt: skip
SYNONYMS = "Other common spellings are understood too, and reported when they are not."


def date(description: str) -> dict:
    return {"type": "string", "pattern": DATE, "format": "date", "description": description}


def whole_number(minimum: int) -> dict:
    return {"anyOf": [{"type": "integer", "minimum": minimum}, {"type": "string", "pattern": r"^\d+$"}]}  # fmt: skip


def one_of_or_synonym(values, description: str) -> dict:
    """Canonical values for autocompletion; any other text for the synonyms the validator maps."""
    return {
        "description": description,
        "anyOf": [{"enum": list(values)}, {"type": "string", "description": SYNONYMS}],
    }


def one_or_list(item: dict) -> dict:
    return {"anyOf": [item, {"type": "array", "items": item, "minItems": 1}]}
