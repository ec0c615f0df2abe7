"""Every rule the validator applies, with the explanation HR reads in docs/errors.md.

Each Problem carries one of these ids; a test fails when the validator uses an id that has no
entry here, so no message goes unexplained.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Rule:
    id: str
    severity: str  # "error", "warning", or "error or warning" where a setting decides
    summary: str  # what is wrong, in one line
    fix: str  # what to write instead
    example: str = ""  # a correct example, YAML
    why: str = ""  # the reason, e.g. Google's rule


RULES: dict[str, Rule] = {}


def rule(id: str, severity: str, summary: str, fix: str, example: str = "", why: str = "") -> str:
    RULES[id] = Rule(id, severity, summary, fix, example, why)
    return id


GOOGLE = "Google's job posting structured data guidelines"

# --- the file itself ---
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
# --- fields ---
TITLE = rule(
    "title",
    "error",
    "The title is empty, too long, or the same as the description.",
    "Write the job title only, e.g. `Backend Developer`.",
    why=GOOGLE,
)
TITLE_HYGIENE = rule(
    "title-hygiene",
    "warning",
    "The title contains a salary, location, code, company name, ALL CAPS or exclamation marks.",
    "Keep only the job title; salary, location and reference go in their own fields.",
    "title: Senior Backend Engineer",
    why=GOOGLE,
)
DESCRIPTION = rule(
    "description",
    "error",
    "The description (the text below the front matter) is empty.",
    "Write the job description below the second `---` line.",
    why=GOOGLE,
)
DATE = rule(
    "date",
    "error",
    "A date is not in the form YYYY-MM-DD.",
    "Write the date as year-month-day; the message shows the date it probably means.",
    "date_posted: 2026-03-21",
)
DATE_ORDER = rule(
    "date-order",
    "error",
    "valid_through is before date_posted.",
    "Check both dates: the posting must be open for at least a day.",
)
STATUS = rule(
    "status",
    "error",
    "status is not draft, open or closed.",
    "Write one of draft, open, closed.",
    "status: open",
)
EMPLOYMENT_TYPE = rule(
    "employment-type",
    "error",
    "employment_type is not one of the known types.",
    "Write FULL_TIME, PART_TIME, CONTRACTOR, TEMPORARY, INTERN, VOLUNTEER, PER_DIEM or OTHER "
    "(common spellings such as Full-time or permanent are understood).",
    "employment_type: FULL_TIME",
    why=GOOGLE,
)
WORKPLACE = rule(
    "workplace",
    "error",
    "workplace is not onsite, hybrid or remote.",
    "Write one of onsite, hybrid, remote. Only a 100% remote job is remote for Google.",
    "workplace: hybrid",
    why=GOOGLE,
)
DEPARTMENT = rule(
    "department",
    "error",
    "department is not one of content/data/departments.yml.",
    "Use a department name from that file, or add the department there first.",
    "department: Engineering",
)
LOCATION = rule(
    "location",
    "error",
    "A location is not an office key or a complete address.",
    "Use a key from content/data/offices.yml, or write the address with its fields.",
    "locations:\n  - berlin\n  - street: 1 Main St\n    locality: Denver\n    region: CO\n"
    '    postal_code: "80202"\n    country: US',
    why=GOOGLE,
)
ADDRESS_INCOMPLETE = rule(
    "address-incomplete",
    "warning",
    "An address has no street, city or postal code.",
    "Give the full address; Google recommends street, city, region and postal code.",
    why=GOOGLE,
)
COUNTRY = rule(
    "country",
    "error",
    "A country is not an ISO 3166-1 two-letter code.",
    'Write the two-letter code, e.g. DE, GB (not UK), US. Write "NO" (Norway) in quotes.',
    'country: "NO"',
)
REGION = rule(
    "region",
    "warning",
    "A region is not a known subdivision of the country.",
    "Write the ISO 3166-2 code of the state or province, e.g. CA for California.",
)
REMOTE = rule(
    "remote",
    "error",
    "A remote posting does not say where applicants may live, or names a place wrongly.",
    "Add remote_countries with ISO codes of countries (DE) or states (US-CA), or groups of "
    "countries: EU, EEA, DACH, Nordics, Benelux, Baltics, North America, Americas, Latin America.",
    "workplace: remote\nremote_countries: [EU, US-CA]",
    why="Google does not show remote jobs without applicant location requirements.",
)
SALARY = rule(
    "salary",
    "error",
    "salary is not in the structured form.",
    "Write min and max (or value), currency and per.",
    "salary:\n  min: 60000\n  max: 80000\n  currency: EUR\n  per: YEAR",
)
SALARY_RANGE = rule(
    "salary-range",
    "error",
    "salary min is larger than max, or a figure is not positive.",
    "Swap or correct the figures.",
)
CURRENCY = rule(
    "currency",
    "error",
    "currency is not an ISO 4217 code.",
    "Write the three-letter code: EUR, USD, GBP, ...",
    "currency: EUR",
)
PAY_PERIOD = rule(
    "pay-period",
    "error",
    "per is not HOUR, DAY, WEEK, MONTH or YEAR.",
    "Write the period the pay is for; hourly, monthly, per annum and so on are understood.",
    "per: YEAR",
)
PAY_TRANSPARENCY = rule(
    "pay-transparency",
    "error or warning",
    "A law where the job is (or could be done remotely) requires a pay range in the posting.",
    "Add salary with min and max. docs/pay-transparency.md lists the laws and their sources.",
    "salary:\n  min: 90000\n  max: 120000\n  currency: USD\n  per: YEAR",
)
APPLY = rule(
    "apply",
    "error",
    "There is no way to apply, or apply_url / apply_email is not valid.",
    "Give apply_url (a web address starting with https://) or apply_email (one address).",
    "apply_url: https://example.com/apply/eng-101",
)
NUMBER = rule(
    "number",
    "error",
    "A number field (openings, experience_months) is not a whole number.",
    "Write a plain number; experience is in months (3 years = 36).",
    "experience_months: 36",
)
BOOLEAN = rule("boolean", "error", "A yes/no field is not true or false.", "Write true or false.")
EDUCATION = rule(
    "education",
    "error",
    "education is not one of the known levels.",
    "Write high school, associate degree, bachelor degree, professional certificate or "
    "postgraduate degree.",
    "education: bachelor degree",
    why=GOOGLE,
)
EXPERIENCE_IN_PLACE = rule(
    "experience-in-place-of-education",
    "error",
    "experience_in_place_of_education is set without both education and experience_months.",
    "Add both fields, or remove it.",
    why=GOOGLE,
)
ORGANIZATION = rule(
    "organization",
    "error",
    "hiring_organization is incomplete, or no organization is set.",
    "Give at least its name (and url, logo); or set JOBPOSTING_ORGANIZATION in pelicanconf.py.",
    "hiring_organization:\n  name: Fernhill Health\n  url: https://health.example",
)
LANG = rule(
    "lang",
    "error",
    "lang is not a language code.",
    "Write a code such as en, de, fr or pt-BR.",
    "lang: de",
)
LANG_WORDS = rule(
    "lang-words",
    "error",
    "The site's interface has no words in the posting's language.",
    "Write the posting in one of the languages the message lists, or ask the site's maintainers"
    " to add the language (docs/translations.md).",
    "lang: de",
)
SLUG = rule(
    "slug",
    "error",
    "slug has characters a web address should not have.",
    "Use lowercase letters, digits and hyphens.",
    "slug: backend-developer",
)
SUMMARY = rule(
    "summary",
    "warning",
    "summary is very long.",
    "Keep it to one or two sentences (under 300 characters); it is shown in lists and search.",
)
# --- across files ---
DUPLICATE_SLUG = rule(
    "duplicate-slug",
    "error",
    "Two postings would have the same web address.",
    "Rename one file, or give one of them a different slug.",
)
DUPLICATE_REQ_ID = rule(
    "duplicate-req-id",
    "error",
    "Two postings have the same req_id.",
    "Give each posting its own.",
)
TRANSLATION_REQ_ID = rule(
    "translation-req-id",
    "error",
    "The translations of one posting (files with the same slug) have different req_ids.",
    "A posting translated into several languages is one posting: give each translation the"
    " posting's req_id (or none).",
    "req_id: ENG-101",
)
DUPLICATE_POSTING = rule(
    "duplicate-posting",
    "warning",
    "Two open postings have the same title and location.",
    "Close one, or make the titles say what differs (e.g. the team).",
)
NOT_MARKDOWN = rule(
    "not-markdown",
    "error",
    "A file in content/jobs/ is not a Markdown (.md) file.",
    "Rename it to end in .md, or move it out of content/jobs/.",
)
UNREADABLE = rule(
    "unreadable",
    "error",
    "Pelican could not read the file.",
    "The message above it says why; often the file is empty or not text.",
)
DATA_FILE = rule(
    "data-file",
    "error",
    "A data file (offices.yml, departments.yml, ...) has a mistake.",
    "Fix the line named; the message says what each entry needs.",
)
SETTING = rule(
    "setting",
    "error",
    "A JOBPOSTING_* setting is unknown or has a wrong value.",
    "Use the setting named in the message (settings.py lists them).",
)

# --- limits, and values that become paths or requests ---
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

# --- what else lives in content/: links, company pages, static files (docs/security.md) ---
LINK_OUTSIDE = rule(
    "link-outside",
    "error",
    "A `{filename}`, `{static}` or `{attach}` link points outside the content folder, or through "
    "a symbolic link.",
    "Link to a file inside content/ (images go in content/images/), written from the content "
    "folder: `{static}/images/team.jpg`. For anything else write its full web address.",
    "![Our team]({static}/images/team.jpg)",
    "Such a link would copy any file the build can read (a password file, the build's settings) "
    "onto the public site.",
)
LINK_MISSING = rule(
    "link-missing",
    "error",
    "A `{filename}`, `{static}` or `{attach}` link names a file that does not exist.",
    "Check the spelling and the folder; a path starting with `/` starts at content/.",
    "[Benefits]({filename}/pages/benefits.md)",
)
LINK_TYPE = rule(
    "link-type",
    "error",
    "A link points to a file of a kind the site does not publish.",
    "`{filename}` links go to a posting or a company page (.md); `{static}` and `{attach}` to an "
    "image (PNG, JPEG, GIF, WebP, AVIF, SVG), a font or a PDF.",
    "[Our handbook (PDF)]({static}/images/handbook.pdf)",
    "A web page or script copied onto the site would run with the site's own address.",
)
PAGE_FIELD = rule(
    "page-field",
    "error",
    "A company page (content/pages/) uses a field pages do not have.",
    "A page has title, summary, slug, lang, order and status; remove the others. The page's "
    "address comes from its file name (or slug), its layout from the site.",
    "---\ntitle: Benefits\nsummary: What everyone gets.\norder: 2\n---\n",
    "Pelican's own keys (save_as, url, template) would let a page replace any other page.",
)
PAGE_VALUE = rule(
    "page-value",
    "error",
    "A company page's field has a value it cannot have.",
    "slug: lowercase letters, digits and hyphens; lang: a code such as en or pt-BR; order: a "
    "whole number; status: published, hidden or draft.",
    "slug: hiring-process\norder: 3",
)
NOT_PUBLISHED = rule(
    "not-published",
    "error",
    "A file in content/ is of a kind the site neither reads nor publishes.",
    "Postings go in content/jobs/ and company pages in content/pages/, both as Markdown (.md); "
    "images, fonts and PDFs go in content/images/. Convert the file or remove it.",
    "",
    "Pelican would publish .html files and read .rst files (which can include other files) "
    "without any of the site's checks.",
)
STATIC_TYPE = rule(
    "static-type",
    "error",
    "A file in content/images/ is not an image, font or PDF, or its content is not what its "
    "name says.",
    "Keep only PNG, JPEG, GIF, WebP, AVIF, ICO and SVG images, WOFF/WOFF2/TTF/OTF fonts and PDF "
    "there; export the file again from the program that made it. SVG drawings are published "
    "without scripts, links to other sites or other sites' images.",
    "",
    "An HTML or JavaScript file on the site runs scripts with the site's own address.",
)
SYMLINK = rule(
    "symlink",
    "error",
    "A file or folder in content/ is a symbolic link.",
    "Replace the link with a copy of the file (or the folder), or remove it.",
    "",
    "A link can point anywhere on the machine that builds the site, which would then publish it.",
)
OUTPUT_CLASH = rule(
    "output-clash",
    "error",
    "Two files would be published at the same web address.",
    "Rename one of them, or give one a different slug; the message names both.",
)
LIMIT_HTML = rule(
    "limit-html-size",
    "error",
    "The description makes more than ten times JOBPOSTING_MAX_BODY_BYTES of HTML (2,000,000 "
    "characters by default).",
    "Look for something repeated that makes much HTML: a footnote reference such as [^1] "
    "written thousands of times, or a table whose rows are much shorter than its header.",
    why="The sanitiser reads every character of the HTML; a few kilobytes of such text would "
    "make megabytes of HTML and a slow build.",
)
# --- what pasting leaves, and mistakes that look fine (paste.py, paysanity.py, freshness.py) ---
INVISIBLE_IN_FRONT_MATTER = rule(
    "invisible-in-front-matter",
    "error",
    "The front matter contains an invisible character: a non-breaking space, a zero-width space, "
    "a direction mark. It comes from pasting, and it makes YAML misread the line.",
    "Delete the character named on the line named (or retype the line) and type a plain space.",
    "valid_through: 2027-01-31",
)
CURLY_QUOTES = rule(
    "curly-quotes",
    "error",
    "A value is in curly quotes “ ” or ‘ ’ from a word processor; YAML would keep them as text.",
    "Write straight double quotes around the value, or none.",
    'title: "Engineer: Payments"',
)
PASTED_BULLETS = rule(
    "pasted-bullets",
    "warning",
    "Lines of the description start with •, ◦, ▪ or – pasted from Word or Google Docs; the "
    "page shows them as one run-on paragraph.",
    "Run `./openings fix content/jobs/<file>.md`: it turns them into a Markdown list. Or start "
    "each item with `- ` yourself.",
    "- Build the payment services\n- Review code with the team",
)
TEMPLATE_LEFTOVER = rule(
    "template-leftover",
    "warning",
    "The description contains template code from another site ({% ... %}, {{ ... }}, Hugo "
    "shortcodes, JSX); the page would show it as written.",
    "Delete it, or write out what it stood for (an email address, a link).",
)
TITLE_SYNTAX = rule(
    "title-syntax",
    "error",
    "The title contains a web address, a Markdown link, emphasis (** or _), code or template "
    "syntax; it is shown as plain text on the page and in Google.",
    "Write the job title only.",
    "title: Senior Backend Engineer",
    why=GOOGLE,
)
PAY_PERIOD_MISMATCH = rule(
    "pay-period-mismatch",
    "error",
    "The pay does not fit its period: more than the currency's usual top per hour, or less than "
    "its usual bottom per year (e.g. 25 USD per YEAR, or 25,000 USD per HOUR). The limits per "
    "currency are in plugins/openings/checks/paysanity.py.",
    "Check the figures and `per`: HOUR, DAY, WEEK, MONTH or YEAR.",
    "salary:\n  min: 20\n  max: 25\n  currency: USD\n  per: HOUR",
)
PAY_SPREAD = rule(
    "pay-spread",
    "warning",
    "The salary's max is more than three times its min; usually a typo, and pay-transparency "
    "laws expect a range you would really pay.",
    "Check both figures; give the range you expect to pay.",
    "salary: {min: 60000, max: 80000, currency: EUR, per: YEAR}",
)
STALE_POSTING = rule(
    "stale-posting",
    "warning (error when publishing)",
    "An open posting was first posted long ago (90 days by default, JOBPOSTING_STALE_DAYS) and "
    "has no valid_through: it may stay online long after the job is filled.",
    "Add valid_through with the last day applications are accepted, or close the posting.",
    "valid_through: 2027-01-31",
    why=GOOGLE + ": expired postings must be taken down",
)
EXPIRED_OPEN = rule(
    "expired-open",
    "warning",
    "The posting says `status: open`, but its valid_through has passed, so the site shows it as "
    "closed.",
    "To reopen it, set valid_through to a day in the future. To close it, write status: closed.",
    "status: open\nvalid_through: 2027-01-31",
)
APPLY_BOTH = rule(
    "apply-both",
    "warning",
    "Both apply_url and apply_email are given; the page links only to apply_url, so apply_email "
    "is ignored.",
    "Keep one of them.",
    "apply_url: https://example.com/apply/eng-101",
)
APPLY_HTTP = rule(
    "apply-http",
    "warning (error when publishing)",
    "apply_url starts with http://: candidates would send their details unencrypted, and "
    "browsers warn about such pages.",
    "Write https:// (check that the address works with it).",
    "apply_url: https://example.com/apply/eng-101",
)
