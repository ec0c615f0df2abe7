"""Rules about one field's value: title, dates, pay, places and the other fields."""

from __future__ import annotations

from .rule import GOOGLE, Rule, registrar

RULES: dict[str, Rule] = {}
rule = registrar(RULES)

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
    "hiring_organization:\n  name: Example Health\n  url: https://health.example",
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
