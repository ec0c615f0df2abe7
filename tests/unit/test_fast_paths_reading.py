"""The shortcuts of reading and checking postings give the answers of the library calls they
stand in for (Pelican's date parser, nh3.clean, PyYAML's constructor and composer), on the
sample content, a generated board and input made to trip them.

What the reader refuses (anchors, aliases, deep nesting) is tested by its behaviour in
test_frontmatter.py and the golden files.
"""

from __future__ import annotations

import datetime as dt
import sys
import unicodedata
from pathlib import Path

import boards
import nh3
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from openings.build.reader import posting_date
from openings.checks import hygiene
from openings.core.text import clean_line
from openings.reading import frontmatter, gfm, sanitize

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def real_texts(tmp_path_factory):
    """The sample content and a generated board, as text."""
    board = tmp_path_factory.mktemp("board")
    boards.generate(board, 60)
    files = [*(ROOT / "content").rglob("*.md"), *board.rglob("*.md")]
    return [path.read_text(encoding="utf-8") for path in files]


# --- the posting's date for Pelican ---


@pytest.mark.parametrize(
    "day", ["2026-11-28", "2024-02-29", "2000-01-01", "1999-12-31", "2026-01-09", "9999-12-31"]
)
def test_posting_date_is_what_pelicans_date_processor_gives(day):
    from pelican.readers import METADATA_PROCESSORS
    from pelican.settings import DEFAULT_CONFIG

    expected = METADATA_PROCESSORS["date"](day, DEFAULT_CONFIG)
    got = posting_date(day)
    assert got == expected and type(got) is type(expected) and got.tzinfo is None


# --- the sanitiser, built once ---


def _clean_each_time(html: str) -> str:
    """nh3.clean with the same rules: the library builds the sanitiser for every call."""
    return nh3.clean(
        html,
        tags=set(sanitize.ALLOWED_TAGS),
        clean_content_tags=set(sanitize.DROPPED_WITH_CONTENT),
        attributes={tag: set(names) for tag, names in sanitize.ALLOWED_ATTRIBUTES.items()},
        attribute_filter=sanitize._attribute_filter,
        url_schemes=set(sanitize.URL_SCHEMES),
        link_rel="noopener noreferrer",
        strip_comments=True,
    )


HTML_BITS = st.sampled_from(
    ["<p>", "</p>", "<b>", "<a href='javascript:alert(1)'>", "<a href='#top'>", "</a>",
     '<a href="java\tscript:x">', '<img src="data:x" alt="a">', '<img src="/a.png" alt="a">',
     '<p id="main">', '<a id="fn:1" href="#fnref:1">', "<script>x</script>", "<style>p{}</style>",
     "<!-- c -->", "<td colspan=2 onclick=x>", "<table>", "<svg><title>t</title></svg>", "&amp;",
     "&#106;avascript:", "<", ">", '"', " ", "\n", "text", "é", "<iframe src=x>", "<u>",
     '<a href="mailto:a@b.c">', '<a href="https://e.com" target="_blank" rel="x">']
)  # fmt: skip


@settings(max_examples=1500, deadline=None)
@given(st.lists(HTML_BITS, max_size=25).map("".join))
def test_sanitiser_built_once_cleans_as_nh3_clean_does(markup):
    assert sanitize.clean_html(markup) == _clean_each_time(markup)


def test_sanitiser_built_once_on_real_postings(real_texts):
    import cmarkgfm

    for text in real_texts:
        rendered = cmarkgfm.markdown_to_html_with_extensions(
            frontmatter.parse(text).body, options=gfm.OPTIONS, extensions=gfm.EXTENSIONS
        )
        assert sanitize.clean_html(rendered) == _clean_each_time(rendered)


# --- front matter: plain strings and field names without PyYAML's constructor ---


def _built(yaml_text: str):
    builder = frontmatter._Builder(1, [])
    return builder.build(yaml.compose(yaml_text, Loader=frontmatter.SafeLoader)), builder


def _plain(field: frontmatter.Field):
    """A field's value as PyYAML would load it, without the lines."""
    if field.is_mapping:
        return {key: _plain(value) for key, value in field.value.items()}
    if field.is_list:
        return [_plain(item) for item in field.value]
    return field.value


TRICKY_FRONT_MATTER = """\
title: "NO"
country: NO
plain: Backend Developer
quoted: 'O''Brien'
block: |
  two
  lines
folded: >
  folded text
number: 0123
octal: 0o17
float: 1e3
date: 2026-02-30
stamp: 2026-01-09 12:30:00+01:00
empty:
tilde: ~
bool: yes
sexagesimal: 12:30
explicit: !!str 42
binary: !!binary aGk=
"Title": x
date-posted: 2026-01-09
"t\u200bitle": zero width
"field\u00a0name": non-breaking
Ünïcödé: x
_private: x
list: [a, 1, "b", 2026-01-09]
salary: {min: 60000, max: 80000.5, currency: EUR, per: YEAR}
"""


def test_builder_gives_pyyamls_values_on_tricky_front_matter():
    built, builder = _built(TRICKY_FRONT_MATTER)
    shown = {name: (field.line, field.value, field.quoted) for name, field in built.value.items()}
    utc_plus_one = dt.timezone(dt.timedelta(hours=1))
    assert shown == {
        "title": (23, "zero width", False),  # "t\u200bitle", cleaned, replaces the first
        "country": (2, False, False),  # YAML 1.1: NO is false
        "plain": (3, "Backend Developer", False),
        "quoted": (4, "O'Brien", True),
        "block": (5, "two\nlines\n", False),
        "folded": (8, "folded text\n", False),
        "number": (10, 83, False),  # YAML 1.1: a leading 0 is octal
        "octal": (11, "0o17", False),
        "float": (12, "1e3", False),
        "date": (13, "2026-02-30", False),  # no such day: the text
        "stamp": (14, dt.datetime(2026, 1, 9, 12, 30, tzinfo=utc_plus_one), False),
        "empty": (15, None, False),
        "tilde": (16, None, False),
        "bool": (17, True, False),
        "sexagesimal": (18, 750, False),
        "explicit": (19, "42", False),
        "binary": (20, b"hi", False),
        "Title": (21, "x", False),
        "date-posted": (22, dt.date(2026, 1, 9), False),
        "field name": (24, "non-breaking", False),
        "Ünïcödé": (25, "x", False),
        "_private": (26, "x", False),
        "list": (27, built.value["list"].value, False),
        "salary": (28, built.value["salary"].value, False),
    }
    assert _plain(built.value["list"]) == ["a", 1, "b", dt.date(2026, 1, 9)]
    assert built.value["list"].value[2].quoted
    assert _plain(built.value["salary"]) == {
        "min": 60000, "max": 80000.5, "currency": "EUR", "per": "YEAR"
    }  # fmt: skip
    assert [w.line for w in builder.warnings] == [23, 24]  # the names with invisible characters


def test_builder_gives_pyyamls_values_on_real_postings(real_texts):
    for text in real_texts:
        yaml_text = frontmatter.split(text)[0]
        if yaml_text:
            built, _ = _built(yaml_text)
            assert _plain(built) == yaml.load(yaml_text, Loader=frontmatter.SafeLoader)


@settings(max_examples=500, deadline=None)
@given(st.from_regex(r"[A-Za-z_][A-Za-z0-9_]{0,20}", fullmatch=True))
def test_a_plain_field_name_is_what_clean_line_makes_of_it(name):
    assert name.isascii() and name.isidentifier()
    assert clean_line(name) == name == name.strip()


@settings(max_examples=500, deadline=None)
@given(st.text(max_size=30))
def test_a_field_is_scalar_when_neither_mapping_nor_list(text):
    for value in (text, None, 1, [], {}, [frontmatter.Field(text, 1)], dt.date(2026, 1, 1)):
        field = frontmatter.Field(value, 1)
        assert field.is_scalar == (not (field.is_mapping or field.is_list))


# --- title hygiene: the title's words once, patterns compiled once ---


@settings(max_examples=1000, deadline=None)
@given(
    st.text(alphabet="ab Berlin-US.()/é_1", max_size=30),
    st.text(alphabet="ab Berlin-US.é_1", max_size=12),
)
def test_title_words_given_or_not_give_the_same_answer(title, phrase):
    assert hygiene._contains(title, phrase, hygiene._words(title)) == hygiene._contains(
        title, phrase
    )


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet="USAEMPCDH. (x)-/", max_size=20))
def test_country_word_patterns_match_as_the_patterns_built_each_time(title):
    import re

    for word, pattern in hygiene._COUNTRY_WORD_PATTERNS:
        built = re.search(rf"(?<![\w.]){re.escape(word)}(?![\w])", title)
        assert bool(pattern.search(title)) == bool(built)


def test_no_ascii_character_is_a_symbol():
    # title_problems skips the emoji check on ASCII titles
    assert not [c for c in map(chr, range(128)) if unicodedata.category(c) == "So"]


# --- composing first when the text can hold no anchor and cannot nest deeply ---


YAML_BITS = st.sampled_from(
    ["a: ", "b: ", "&x ", "*x", "&y [", "[", "]", "{", "}", "k: ", "- ", "\n", "\n  ", "v", ", ",
     "'q'", '"&z"', "? ", "&a {", "!!str ", "1", "*"]
)  # fmt: skip


def _compose_the_slow_way(yaml_text: str, first_line: int):
    refused = frontmatter._refuse_expansion(yaml_text, first_line)
    if refused is not None:
        return None, refused
    return yaml.compose(yaml_text, Loader=frontmatter.SafeLoader), None


def _outline(node):
    if node is None:
        return None
    if isinstance(node, yaml.ScalarNode):
        return ("scalar", node.tag, node.value, node.style, node.start_mark.line)
    if isinstance(node, yaml.MappingNode):
        items = [(_outline(k), _outline(v)) for k, v in node.value]
        return ("mapping", node.tag, items, node.start_mark.line)
    return ("sequence", node.tag, [_outline(n) for n in node.value], node.start_mark.line)


def _answer(compose, yaml_text: str):
    try:
        node, refused = compose(yaml_text, 2)
    except yaml.YAMLError as exc:
        return "error", str(exc)
    return _outline(node), refused


def _assert_composed_as_the_slow_way(yaml_text: str) -> None:
    fast = _answer(frontmatter._compose_checked, yaml_text)
    assert fast == _answer(_compose_the_slow_way, yaml_text)


@settings(max_examples=3000, deadline=None)
@given(st.lists(YAML_BITS, max_size=40).map("".join))
def test_composing_first_answers_as_checking_events_first(yaml_text):
    _assert_composed_as_the_slow_way(yaml_text)


@pytest.mark.parametrize(
    "yaml_text",
    [
        "a: " + "[" * 21 + "]" * 21,  # too deep, no anchor: found on the composed nodes
        "a: " + "[" * 20 + "]" * 20,
        "a: [1, " + "[" * 21 + "]" * 21 + "]\nb: " + "{k: " * 22 + "v" + "}" * 22,
        "".join(f"{'  ' * i}k{i}:\n" for i in range(25)) + "  " * 25 + "v",
        "- " * 25 + "x",
        "? " + "[" * 21 + "]" * 21 + "\n: v",  # a key nested too deep comes before its value
        "a: " + "[" * 21 + "]" * 21 + " bad: [",  # too deep, then a syntax error: refused
        "a: " + "[" * 2000 + "]" * 2000,  # too many openers: the events are read first
        "a: &x 1\nb: *x\n",
        "a: 'it''s: fine'\nb: x",
        "a: [1, 2\n",
        "",
        "just text",
    ],
)
def test_composing_first_on_deep_anchored_and_broken_yaml(yaml_text):
    _assert_composed_as_the_slow_way(yaml_text)


def test_composing_first_on_real_postings(real_texts):
    for text in real_texts:
        yaml_text = frontmatter.split(text)[0]
        if yaml_text is not None:
            _assert_composed_as_the_slow_way(yaml_text)


def test_pelican_links_restored_only_where_cmark_encoded_them():
    def restored_always(markdown: str) -> str:
        import cmarkgfm

        rendered = cmarkgfm.markdown_to_html_with_extensions(
            markdown, options=gfm.OPTIONS, extensions=gfm.EXTENSIONS
        )
        return sanitize.clean_html(gfm._PELICAN_LINK.sub(gfm._restore_link, rendered)).rstrip()

    for markdown in (
        "[a]({filename}/pages/about.md) [b](|static|/x.png) ![c]({static}/i.png)",
        "plain text with %7B braces %7D and a [link](https://example.com/%7Bx%7D)",
        "no links at all",
        "<a href='%7Cfilename%7C/x.md'>raw</a>",
    ):
        assert gfm.to_html(markdown) == restored_always(markdown)
    assert 'href="{filename}/pages/about.md"' in gfm.to_html("[a]({filename}/pages/about.md)")


def test_lowercasing_never_shortens_and_at_most_triples_a_character():
    # validate skips comparing a description with its title when it is longer than this allows
    from openings.checks.validate import LOWER_GROWTH

    lengths = {len(chr(c).lower()) for c in range(sys.maxunicode + 1)}
    assert min(lengths) >= 1 and max(lengths) <= LOWER_GROWTH


@pytest.mark.parametrize(
    ("title", "body", "repeats"),
    [("Backend Developer", "BACKEND   developer", True),
     ("İstanbul Ops", "İstanbul Ops".lower(), True),  # lowercasing makes the İ two characters
     ("Backend Developer", "Backend Developer, with more words", False)],
)  # fmt: skip
def test_a_description_repeating_the_title_is_still_found(title, body, repeats):
    from openings.checks import data
    from openings.checks.validate import Context, validate
    from openings.core.model import Organization

    sample = data.load(str(ROOT / "content"), "data", str)
    ctx = Context(
        timezone=dt.UTC, today=dt.date(2026, 11, 28), offices=sample.offices,
        organization=Organization("Fernhill Labs", "https://fernhill.example"),
        departments=sample.departments,
    )  # fmt: skip
    doc = frontmatter.parse(
        f"---\ntitle: {title}\ndate_posted: 2026-11-02\ndepartment: Engineering\n"
        f"locations: [berlin]\napply_url: https://fernhill.example/apply\n---\n{body}\n"
    )
    _, found = validate(doc, "x.md", "x", gfm.to_html(body), ctx)
    assert any("only repeats the title" in p.message for p in found) == repeats


# --- the mojibake check skips typographic punctuation ---


def _detector_alternatives():
    import re

    from ftfy.badness import BADNESS_RE

    (op, av), = list(re._parser.parse(BADNESS_RE.pattern, BADNESS_RE.flags))  # fmt: skip
    assert op is re._constants.BRANCH  # one alternative per kind of mojibake
    return BADNESS_RE, av[1]


def _item_matches(regex, alternative, item, chars) -> set[str]:
    """The characters among chars that one element of a pattern matches."""
    import re

    single = re._parser.SubPattern(alternative.state, [item])
    compiled = re._compiler.compile(single, regex.flags)
    return {c for c in chars if compiled.fullmatch(c)}


def test_every_detector_pattern_needs_a_character_beyond_ascii_and_typography():
    # looks_garbled builds its stretches only around characters outside ASCII and TYPOGRAPHIC
    import re

    from openings.reading.postingfile import TYPOGRAPHIC

    regex, alternatives = _detector_alternatives()
    plain = {chr(c) for c in range(128)} | set(TYPOGRAPHIC)
    elements = (re._constants.LITERAL, re._constants.IN, re._constants.NOT_LITERAL,
                re._constants.ANY)  # fmt: skip
    for alternative in alternatives:
        assert any(
            op in elements and not _item_matches(regex, alternative, (op, av), plain)
            for op, av in alternative  # an element outside a repeat: every match has it
        ), alternative
        items = list(alternative)
        if items[0][0] is re._constants.AT:  # ^: its next character is never plain either
            assert not _item_matches(regex, alternative, items[1], plain)
    # and the check can fail: with Ã counted as plain, the ^Ã pattern needs nothing else
    plain.add("Ã")
    assert not all(
        any(op in elements and not _item_matches(regex, a, (op, av), plain) for op, av in a)
        for a in alternatives
    )


TYPOGRAPHY_AND_GARBLE = "ab Z\n.1’‘“”–—…\xa0ÃÂâ€™œØÙВГРСé"


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet=TYPOGRAPHY_AND_GARBLE, max_size=40))
def test_looks_garbled_with_typography_agrees_with_ftfy(text):
    from ftfy.badness import is_bad
    from openings.reading.postingfile import looks_garbled

    assert looks_garbled(text) == is_bad(text)


def test_vocabulary_keys_made_without_ftfy_are_the_keys_made_with_it():
    # normalize._Vocabulary keys its own clean spellings without ftfy (whose import
    # `openings validate` then skips); text from postings still goes through ftfy
    from openings.checks import normalize
    from openings.checks.matching import match_key

    vocabularies = [v for v in vars(normalize).values() if isinstance(v, normalize._Vocabulary)]
    assert len(vocabularies) >= 5
    spellings = [
        spelling
        for vocabulary in vocabularies
        for canonical, others in vocabulary.spellings.items()
        for spelling in (canonical, *others)
    ]
    assert any(not s.isascii() for s in spellings)
    assert all(match_key(s, clean=True) == match_key(s) for s in spellings)
