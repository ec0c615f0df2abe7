"""Front matter: split, parsed safely, every value with its line and its text as written."""

from __future__ import annotations

import datetime as dt
import pickle

import pytest
from openings.core import rules
from openings.reading import frontmatter


def parse(text: str) -> frontmatter.Document:
    return frontmatter.parse(text)


def test_split_finds_front_matter_and_body_lines():
    yaml_text, body, first, body_line = frontmatter.split("---\ntitle: A\n---\nBody\n")
    assert (yaml_text, body, first, body_line) == ("title: A", "Body\n", 2, 4)


def test_split_accepts_dots_as_the_end_marker():
    yaml_text, body, _, _ = frontmatter.split("---\ntitle: A\n...\nBody")
    assert (yaml_text, body) == ("title: A", "Body")


def test_no_front_matter_is_the_whole_body():
    doc = parse("Just text\n")
    assert not doc.has_front_matter and doc.fields == {} and doc.body == "Just text\n"


def test_unclosed_front_matter_is_an_error_on_line_one():
    doc = parse("---\ntitle: A\n\nBody\n")
    assert [(e.line, e.rule) for e in doc.errors] == [(1, rules.FRONT_MATTER_UNCLOSED)]


def test_every_value_has_its_line():
    doc = parse(
        "---\ntitle: A\nsalary:\n  min: 1\n  max: 2\nlocations:\n  - berlin\n  - london\n---\n"
    )
    fields = doc.fields
    assert fields["title"].line == 2
    assert fields["salary"].line == 3
    assert fields["salary"].value["max"].line == 5
    assert [item.line for item in fields["locations"].value] == [7, 8]
    assert doc.body_line == 10


def test_a_document_pickles_to_an_equal_one():
    """Read-ahead helpers and kept builds send documents through pickle (Field.__reduce__)."""
    doc = parse('---\ntitle: A\ncountry: "NO"\nsalary:\n  min: 1\nlocations:\n  - berlin\n---\n')
    again = pickle.loads(pickle.dumps(doc, protocol=pickle.HIGHEST_PROTOCOL))
    assert again == doc
    assert again.fields["country"].quoted and again.fields["country"].text == "NO"
    assert again.fields["salary"].value["min"].line == 5


@pytest.mark.parametrize(
    ("written", "value", "text", "quoted"),
    [
        ("NO", False, "NO", False),
        ('"NO"', "NO", "NO", True),
        ("0123", 83, "0123", False),
        ("12:30", 750, "12:30", False),
        ("yes", True, "yes", False),
        ("2026-11-02", dt.date(2026, 11, 2), "2026-11-02", False),
        ('"2026-11-02"', "2026-11-02", "2026-11-02", True),
        ("2026-02-30", "2026-02-30", "2026-02-30", False),  # not a real day: kept as text
        ("~", None, "~", False),
    ],
)
def test_yaml_traps_keep_the_text_as_written(written, value, text, quoted):
    field = parse(f"---\nx: {written}\n---\n").fields["x"]
    assert field.value == value
    assert field.text == text
    assert field.quoted is quoted


def test_datetimes_keep_their_offset():
    field = parse("---\nx: 2027-01-31T18:00:00+01:00\n---\n").fields["x"]
    assert field.value.utcoffset() == dt.timedelta(hours=1)


def test_duplicate_keys_are_recorded_with_their_lines():
    doc = parse("---\ntitle: A\ndepartment: Data\ntitle: B\n---\n")
    assert doc.duplicates == {"title": (2, 4)}
    assert doc.fields["title"].text == "B"


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("---\ntitle: Engineer: Payments\n---\n", 2, "put the whole value in double quotes"),
        ('---\ntitle: "Backend\ndepartment: Data\n---\n', 2, "never closed"),
        ("---\ntitle: A\nsalary:\n  min: 1\n\tmax: 2\n---\n", 5, "indent with spaces"),
        ("---\ntitle: *Urgent* job\n---\n", 2, "needs double quotes"),
    ],
)
def test_yaml_errors_name_the_line_and_the_fix(text, line, words):
    doc = parse(text)
    (error,) = doc.errors
    assert error.rule == rules.YAML
    assert error.line == line
    assert error.message.startswith("the front matter is not valid YAML: ")
    assert words in error.message


@pytest.mark.parametrize(
    ("yaml_text", "refused"),
    [
        ("a: " + "[" * 19 + "]" * 19, None),  # 20 levels with the fields' own: the limit
        ("a: " + "[" * 20 + "]" * 20, (2, rules.YAML_DEPTH)),
        ("a: " + "[" * 20 + "&x [" + "]" * 21, (2, rules.YAML_DEPTH)),  # too deep before the &
        (
            "".join(f"{'  ' * i}k{i}:\n" for i in range(25)) + "  " * 25 + "v",
            (22, rules.YAML_DEPTH),
        ),
        ("a: &x 1\nb: *x\n", (2, rules.YAML_ALIAS)),
        ("a: [&x {b: 1}]\n", (2, rules.YAML_ALIAS)),
        ("a: 1\nb: *x\n", (3, rules.YAML_ALIAS)),
        ("a: '&x'\nb: \"*y\"\n", None),  # in quotes: text
    ],
)
def test_anchors_aliases_and_deep_nesting_are_refused_at_their_line(yaml_text, refused):
    errors = [(e.line, e.rule) for e in parse(f"---\n{yaml_text}\n---\n").errors]
    assert errors == ([refused] if refused else [])


def test_a_list_instead_of_fields_says_to_remove_the_dashes():
    (error,) = parse("---\n- title: A\n- department: B\n---\n").errors
    assert error.rule == rules.NOT_MAPPING
    assert "remove the - at the start of each line" in error.message


def test_empty_front_matter_has_no_fields_and_no_errors():
    doc = parse("---\n---\nBody")
    assert doc.has_front_matter and doc.fields == {} and doc.errors == ()


@pytest.mark.parametrize(
    "garbage",
    ["---\n: :\n---\n", "---\n[\n---\n", "---\n{a: [}\n---\n", "---\n\x00\n---\n", "---\n? [a]\n: b\n---\n"],
)  # fmt: skip
def test_never_raises_for_anything_a_person_can_type(garbage):
    doc = parse(garbage)
    assert doc.errors


def test_plain_turns_fields_back_into_python():
    doc = parse("---\nsalary: {min: 1, per: [a, b]}\n---\n")
    assert doc.fields["salary"].plain() == {"min": 1, "per": ["a", "b"]}


def test_parse_yaml_reads_a_whole_data_file_with_lines():
    root, errors = frontmatter.parse_yaml("berlin:\n  country: DE\n")
    assert errors == ()
    assert root.value["berlin"].value["country"].line == 2
