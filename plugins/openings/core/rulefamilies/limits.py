"""Rules about limits, and values that become paths or requests."""

from __future__ import annotations

from .rule import Rule, registrar

RULES: dict[str, Rule] = {}
rule = registrar(RULES)

LIMIT_BODY = rule(
    "limit-body-size",
    "error",
    "The description is longer than a posting's or page's may be (JOBPOSTING_MAX_BODY_BYTES, "
    "200 KB by default), or the whole file far bigger; it was not rendered.",
    "Shorten the description, or link to a longer document. Check that nothing was pasted "
    "twice or pasted as a picture's data.",
    why="Every build reads every file; a file far bigger than any description slows down or "
    "stops the build for everyone.",
)
LIMIT_NESTING = rule(
    "limit-nesting",
    "error",
    "The description nests quotes, lists or HTML tags too deeply (JOBPOSTING_MAX_NESTING, 20 "
    "levels by default).",
    "Use fewer levels: a `>` quote inside a quote, a list inside a list, or an HTML tag opened "
    "and never closed each add one. Close every HTML tag you open.",
    "- Requirements\n  - Python\n    - Django",
    why="Reading deeply nested HTML takes a time that grows with the square of the depth, and "
    "browsers give up on such pages.",
)
LIMIT_LIST = rule(
    "limit-list-items",
    "error",
    "A list (locations, remote_countries, tags, hiring_organization.same_as) has more entries "
    "than allowed (JOBPOSTING_MAX_LIST_ITEMS, 100 by default).",
    "Keep the entries that matter; for a job open in many countries, list the regions "
    "applicants may live in.",
    "remote_countries: [DE, AT, CH]",
)
LIMIT_FIELDS = rule(
    "limit-fields",
    "error",
    "The front matter has more fields than any posting (JOBPOSTING_MAX_FIELDS, 60 by default); "
    "it was not read.",
    "Remove the fields that docs/hr-guide.md does not list.",
)
IMAGE_HOST = rule(
    "image-host",
    "error",
    "The description shows an image from another site.",
    "Put the picture in content/images/ and link it with {static}; or ask the site's "
    "maintainers to add the host to JOBPOSTING_IMAGE_HOSTS (images load over https only).",
    "![Our team]({static}/images/team.jpg)",
    why="A picture from another site is fetched by every reader's browser: that site learns "
    "who reads the posting, and can change the picture after the pull request was reviewed.",
)
KEY_SLUG = rule(
    "key-slug",
    "error",
    "An office key (offices.yml) or a department's slug (departments.yml) is not a slug.",
    "Write lowercase letters, digits and dashes only: the key becomes a web address such as "
    "/locations/berlin-mitte/.",
    "berlin-mitte:\n  name: Berlin Mitte\n  country: DE",
)
TIMEZONE = rule(
    "timezone",
    "error",
    "An office's timezone (offices.yml) is not an IANA time zone name.",
    "Write a name from the IANA time zone database: Area/City, as in Europe/Berlin.",
    "timezone: America/New_York",
)
LIMIT_TABLE = rule(
    "limit-table-cells",
    "error",
    "The description's tables have more than 100,000 cells, counting the empty cells each row "
    "gets so that it has as many as the header.",
    "Give each table fewer columns, write only the rows you need, and end each table with an "
    "empty line (text right under a table becomes one more row of it).",
    "| Benefit | Value |\n|---|---|\n| Holidays | 30 days |",
    why="Each row of a table is filled up to the header's width: a wide header over many short "
    "lines makes a page of megabytes out of a few kilobytes.",
)
