"""Rules about the file itself: its encoding, its front matter, the YAML, fields in general."""

from __future__ import annotations

from .rule import GOOGLE, Rule, registrar

RULES: dict[str, Rule] = {}
rule = registrar(RULES)

ENCODING = rule(
    "encoding",
    "warning",
    "The file is not saved as UTF-8.",
    "Save it as UTF-8 (GitHub's web editor always does). The build read it in the encoding it "
    "names, but a mistaken guess garbles letters such as é or ’.",
)
MOJIBAKE = rule(
    "mojibake",
    "warning",
    "Garbled characters such as `â€™` or `Ã©`, typical of text pasted from a word processor.",
    "Replace them with the characters shown in the message (the build already shows the "
    "repaired text on the site).",
    "Bachelor’s degree",
)
NO_FRONT_MATTER = rule(
    "front-matter-missing",
    "error",
    "A file in content/jobs/ has no front matter.",
    "Start the file with a line `---`, the fields, another `---`, then the description. "
    "`./openings new` writes such a file for you.",
    "---\ntitle: Backend Developer\ndepartment: Engineering\ndate_posted: 2026-11-28\n---\n",
)
FRONT_MATTER_UNCLOSED = rule(
    "front-matter-unclosed",
    "error",
    "The front matter starts with `---` but has no closing `---`.",
    "Add a line with only `---` after the last field.",
)
YAML = rule(
    "yaml",
    "error",
    "The front matter is not valid YAML.",
    "Look at the line named and the one above it: a missing `:`, a tab instead of spaces, an "
    "unclosed quote, or a value with `: ` in it that needs double quotes.",
    'title: "Engineer: Payments"',
)
YAML_ALIAS = rule(
    "yaml-alias",
    "error",
    "The front matter uses a YAML anchor (`&name`) or alias (`*name`).",
    "Write each value out in full. A value that starts with & or * needs quotes. (Aliases can "
    "make a few lines expand to gigabytes, so the site never reads them.)",
    'summary: "*Urgent* hire"',
)
YAML_DEPTH = rule(
    "yaml-depth",
    "error",
    "The front matter is nested far deeper than any posting field.",
    "Check the indentation and the brackets [ ] { } on the line named.",
)
INVISIBLE_CHARACTER = rule(
    "invisible-character",
    "warning",
    "A field name contains an invisible character (zero-width space, non-breaking space), "
    "usually from pasting.",
    "Delete the name and type it again; the build read it without the invisible character.",
)
NOT_MAPPING = rule(
    "front-matter-not-mapping",
    "error",
    "The front matter is not a list of `field: value` lines.",
    "Write one `field: value` per line.",
)
DUPLICATE_FIELD = rule(
    "duplicate-field",
    "error",
    "The same field is written twice.",
    "Keep one of them; YAML would silently use the last one.",
)
UNKNOWN_FIELD = rule(
    "unknown-field",
    "error",
    "A field name the site does not know (often a typo).",
    "Use the field named in the message; docs/hr-guide.md lists every field.",
)
RESERVED_FIELD = rule(
    "reserved-field",
    "error",
    "A field Pelican uses for the page itself (url, save_as, template, category, date, author).",
    "Use the posting field named in the message, e.g. `apply_url` instead of `url`.",
)
WRONG_TYPE = rule(
    "wrong-type",
    "error",
    "A field has the wrong kind of value (a list where text belongs, ...).",
    "Write the kind of value the message names.",
)
REQUIRED = rule("required", "error", "A required field is missing or empty.", "Add the field.")
RECOMMENDED = rule(
    "recommended",
    "warning",
    "A field Google recommends is missing.",
    "Add it if you can; the posting is published without it, but ranks worse in job search. "
    "Publishing builds treat this as an error.",
    why=GOOGLE,
)
