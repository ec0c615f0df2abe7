"""Rules about what pasting leaves, and mistakes that look fine (paste.py, paysanity.py,
freshness.py)."""

from __future__ import annotations

from .rule import GOOGLE, Rule, registrar

RULES: dict[str, Rule] = {}
rule = registrar(RULES)

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
TEMPLATE_PLACEHOLDER = rule(
    "template-placeholder",
    "warning",
    "The description still has a line of the posting template that `openings new` writes, "
    "such as “Replace with the main responsibilities, one a line.”; the page would show it as "
    "written. The publish rules refuse it.",
    "Write the real text in its place, or delete the line.",
    "- Design and build the payment services",
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
