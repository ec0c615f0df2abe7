"""Encodings and pasting, YAML expansion limits, duplicates across files, title hygiene."""

from __future__ import annotations

import resource
import time

import pytest
from openings.core import rules
from openings.core.problems import BuildFailed
from openings.reading import frontmatter
from openings.reading.postingfile import decode, repair_mojibake
from sitebuild import VALID_POSTING

BODY = "We build things. You will help.\n"


def build_problems(site, **overrides):
    try:
        site.build(**overrides)
    except BuildFailed as failure:
        return list(failure.problems), False
    from openings.build.plugin import CONTEXT_KEY  # noqa: F401  (the build succeeded)

    return None, True


def variant(**fields) -> str:
    text = VALID_POSTING
    for key, value in fields.items():
        lines = [line for line in text.split("\n") if not line.startswith(f"{key}:")]
        text = "\n".join(lines).replace("---\n", f"---\n{key}: {value}\n", 1)
    return text


# --- encodings ---


def test_utf8_with_bom_and_crlf_read_transparently(site):
    raw = ("\ufeff" + VALID_POSTING.lstrip("\n").replace("\n", "\r\n")).encode("utf-8")
    (site.content / "jobs" / "bom.md").write_bytes(raw)
    site.build()
    assert site.page("jobs/bom/index.html").h1.get_text(strip=True) == "Backend Developer"


def test_windows_1252_is_read_with_a_warning_naming_encoding_and_line():
    text = VALID_POSTING.lstrip("\n").replace("We build", "Bachelor’s degree – we build")
    raw = text.encode("cp1252")
    decoded, problems = decode(raw, "content/jobs/x.md")
    assert "Bachelor’s degree – we build" in decoded
    (problem,) = problems
    assert problem.rule == rules.ENCODING and not problem.is_error
    assert (
        problem.line
        == text.split("\n").index("Bachelor’s degree – we build things. You will help.") + 1
    )
    assert "UTF-8" in problem.message and "Windows-1252" in problem.message


def test_mojibake_is_repaired_with_a_warning_on_its_line():
    text = "---\ntitle: Dev\n---\nA Bachelorâ€™s degree.\n"
    fixed, problems = repair_mojibake(text, "x.md")
    assert "Bachelor’s" in fixed
    (problem,) = problems
    assert problem.line == 4 and "Bachelor’s" in problem.message


def test_zero_width_and_nbsp_in_front_matter_are_errors_on_their_lines():
    # YAML would read `req\u00a0id` as another name, or `key:\u00a0value` as one word and
    # complain lines later: each is reported where it is, by name
    doc = frontmatter.parse(
        "---\ntitle\u200b: Dev\nreq\u00a0id: R-1\nsalary:\n  min\ufeff: 1\n---\nb"
    )
    assert [e.line for e in doc.errors] == [2, 3, 5]
    assert all(e.rule == rules.INVISIBLE_IN_FRONT_MATTER for e in doc.errors)
    names = ["ZERO WIDTH SPACE (U+200B)", "NO-BREAK SPACE (U+00A0)", "NO-BREAK SPACE (U+FEFF)"]
    assert all(n in e.message for n, e in zip(names, doc.errors, strict=True))


def test_written_escapes_of_invisible_characters_are_read_and_explained():
    doc = frontmatter.parse('---\n"title\\u200b": Dev\n---\nb')
    assert set(doc.fields) == {"title"}
    assert [w.line for w in doc.warnings] == [2]
    assert doc.warnings[0].rule == rules.INVISIBLE_CHARACTER


def test_emoji_and_rtl_publish(site):
    site.posting(
        "mixed.md",
        variant(title="Backend Developer", summary='"Wir 💙 Code — נשמח לשמוע ממך"'),
    )
    site.build()
    page = site.page("jobs/mixed/index.html")
    assert page.h1.get_text(strip=True) == "Backend Developer"
    assert "💙" in page.find("meta", attrs={"name": "description"})["content"]
    assert "נשמח" in page.get_text()


# --- YAML expansion: a small file cannot take the machine ---


@pytest.mark.parametrize(
    "yaml_text",
    [
        'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
        + "".join(
            f"b{i}: &b{i} [{','.join(['*a' if i == 0 else f'*b{i - 1}'] * 9)}]\n" for i in range(12)
        ),
        "a: &a [*a]\n",
        "a: &x {b: *x}\n",
        "title: " + "[" * 200_000 + "]" * 200_000 + "\n",
        "title:\n" + "".join(" " * (i + 1) + f"k{i}:\n" for i in range(3_000)),
    ],
    ids=["billion-laughs", "self-list", "self-map", "deep-flow", "deep-block"],
)
def test_expansion_is_refused_fast_and_small(yaml_text):
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.process_time()
    doc = frontmatter.parse(f"---\n{yaml_text}---\nbody\n")
    (error,) = doc.errors
    assert error.rule in (rules.YAML_ALIAS, rules.YAML_DEPTH, rules.YAML)
    assert error.line is not None
    # generous bounds, only to catch an expansion (gigabytes, minutes), not to time the code
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 200_000  # KiB
    assert time.process_time() - started < 20


def test_data_files_refuse_aliases_too():
    field, errors = frontmatter.parse_yaml("a: &a [1]\nb: *a\n")
    assert field is None and errors[0].rule == rules.YAML_ALIAS and errors[0].line == 1


def test_quoted_star_and_ampersand_are_plain_text():
    doc = frontmatter.parse('---\ntitle: "*Urgent* & more"\nsummary: "&amp; *x"\n---\nb')
    assert doc.errors == () and doc.fields["title"].value == "*Urgent* & more"


# --- duplicates across files ---


def test_duplicate_slugs_are_errors_naming_both_files(site):
    site.posting("a.md", variant(slug="same-role", req_id="A-1"))
    site.posting("b.md", variant(slug="same-role", req_id="B-1"))
    problems, built = build_problems(site)
    assert not built
    dup = [p for p in problems if p.rule == rules.DUPLICATE_SLUG]
    assert {p.path.rsplit("/", 1)[1] for p in dup} == {"a.md", "b.md"}
    assert any("b.md" in p.message for p in dup if p.path.endswith("a.md"))


def test_duplicate_req_ids_are_errors_naming_both_files(site):
    site.posting("a.md", variant(req_id="SAME-1"))
    site.posting("b.md", variant(req_id="SAME-1", title="Frontend Developer"))
    problems, built = build_problems(site)
    assert not built
    dup = [p for p in problems if p.rule == rules.DUPLICATE_REQ_ID]
    assert {p.path.rsplit("/", 1)[1] for p in dup} == {"a.md", "b.md"}
    assert all("SAME-1" in p.message for p in dup)


def test_same_title_and_location_is_a_warning_naming_both(site, capsys):
    site.posting("a.md", variant(req_id="A-1"))
    site.posting("b.md", variant(req_id="B-1", title='"backend  developer"'))
    site.posting("c.md", variant(req_id="C-1", locations="[london]"))
    site.build()  # a warning: both are published
    assert (site.output / "jobs" / "a" / "index.html").exists()
    assert (site.output / "jobs" / "b" / "index.html").exists()
    out = capsys.readouterr()
    lines = [line for line in (out.out + out.err).splitlines() if "at the same location" in line]
    assert len(lines) == 2, lines
    assert any("jobs/a.md" in line.split(":")[0] and "b.md" in line for line in lines)
    assert not any("c.md" in line for line in lines)


def test_same_title_and_location_is_an_error_when_strict(site):
    site.posting("a.md", variant(req_id="A-1"))
    site.posting("b.md", variant(req_id="B-1"))
    problems, built = build_problems(site, JOBPOSTING_STRICT=True)
    if built:
        pytest.fail("a strict build published two identical open postings")
    assert any(p.rule == rules.DUPLICATE_POSTING for p in problems)


def test_a_closed_copy_is_not_a_duplicate(site, capsys):
    site.posting("a.md", variant(req_id="A-1"))
    site.posting("b.md", variant(req_id="B-1", status="closed"))
    site.build()
    out = capsys.readouterr()
    assert "at the same location" not in out.out + out.err
