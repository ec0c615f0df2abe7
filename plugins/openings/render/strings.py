"""Every word the theme shows that does not come from a posting, in one place per language.

A site translates itself by adding a language here, or by overriding single strings with the
JOBPOSTING_UI_STRINGS setting ({"de": {"apply": "Bewerben"}}). Templates call the `t` filter:
`{{ "apply"|t }}`, `{{ "openings_count"|t(n=3) }}`; the language is the page's (`page_lang`), so a
posting written with `lang: de` gets German words around its German text.

A string with a count is a pair (one, other): enough for the languages shipped here; a language
with more plural forms can still be added with Babel's plural rules.
"""

from __future__ import annotations

from jinja2 import pass_context

FALLBACK = "en"

STRINGS: dict[str, dict[str, str | tuple[str, str]]] = {
    "en": {
        "skip": "Skip to content",
        "site_nav": "Site",
        "open_roles": "Open jobs",
        "see_open_roles": "See all open jobs",
        "intro": "Join us. Every posting shows its pay, where you would work and how to apply.",
        "openings_count": ("{n} open job", "{n} open jobs"),
        "openings_in": ("{n} job", "{n} jobs"),
        "empty_title": "No open jobs right now",
        "empty_text": "We are not hiring at the moment. New jobs appear here first: "
        "check back soon, or subscribe to the feed.",
        "empty_facet": "No open jobs match this right now.",
        "feed": "Subscribe to new jobs (Atom feed)",
        "feed_title": "Open jobs",
        "json_title": "Open jobs (JSON)",
        "browse": "Browse open jobs",
        "filters": "Filter open jobs",
        "search": "Search",
        "search_label": "Search open jobs",
        "search_hint": "For example: Python, Berlin, part-time",
        "search_unavailable": "Search is not available right now; use the filters.",
        "did_you_mean": "Did you mean:",
        "search_results": "Search results",
        "all": "All",
        "clear": "Clear filters",
        "matches": ("{n} job matches", "{n} jobs match"),
        "no_matches": "No jobs match. Try fewer filters or another word.",
        "department": "Department",
        "location": "Location",
        "locations": "Locations",
        "workplace": "Workplace",
        "employment": "Employment type",
        "salary": "Salary",
        "company": "Company",
        "remote_from": "Remote from",
        "region_countries": ("{n} country", "{n} countries"),
        "posted": "Posted",
        "apply_by": "Apply by",
        "start_date": "Start date",
        "openings": "Number of hires",
        "education": "Education",
        "or_experience": "or equivalent experience",
        "experience": "Experience",
        "reference": "Reference",
        "facts": "Key facts",
        "posted_today": "Posted today",
        "posted_ago": "Posted {ago}",
        "apply": "Apply now",
        "apply_for": "Apply for {title}",
        "apply_email": "Apply by email",
        "apply_email_to": "Send your application to",
        "apply_subject": "Application: {title}",
        "apply_subject_ref": "Application: {title} ({ref})",
        "apply_subject_note": "Subject: {subject}",
        "copy_address": "Copy address",
        "copied": "Address copied.",
        "copy_failed": "Select the address to copy it.",
        "breadcrumbs": "Breadcrumbs",
        "more_in": "More jobs in {department}",
        "all_in": "All jobs in {department}",
        "closed_notice": "This job is no longer open.",
        "closed_thanks": "Thank you for your interest.",
        "closed_title": "{title} (no longer open)",
        "draft_notice": "Draft preview: this posting is not published and search engines ignore it.",
        "remote": "Remote",
        "remote_in": "Remote ({areas})",
        "remote_jobs": "Remote jobs",
        "jobs_in": "Jobs in {place}",
        "kind_jobs": "{kind} jobs",
        "not_found_title": "Page not found",
        "not_found_text": "This page does not exist, or the job it described has been filled "
        "and taken down.",
        "not_found_next": "Here is where to go next:",
        "company_pages": "About us",
        "experience_years": ("{n} year", "{n} years"),
        "experience_months": ("{n} month", "{n} months"),
        "FULL_TIME": "Full-time",
        "PART_TIME": "Part-time",
        "CONTRACTOR": "Contract",
        "TEMPORARY": "Temporary",
        "INTERN": "Internship",
        "VOLUNTEER": "Volunteer",
        "PER_DIEM": "Per diem",
        "OTHER": "Other",
        "onsite": "On-site",
        "hybrid": "Hybrid",
        "HOUR": "per hour",
        "DAY": "per day",
        "WEEK": "per week",
        "MONTH": "per month",
        "YEAR": "per year",
        "high school": "High school",
        "associate degree": "Associate degree",
        "bachelor degree": "Bachelor's degree",
        "professional certificate": "Professional certificate",
        "postgraduate degree": "Postgraduate degree",
    },
    "de": {
        "skip": "Zum Inhalt springen",
        "site_nav": "Website",
        "open_roles": "Offene Stellen",
        "see_open_roles": "Alle offenen Stellen ansehen",
        "intro": "Arbeite mit uns. Jede Anzeige nennt Gehalt, Arbeitsort und den Weg zur Bewerbung.",
        "openings_count": ("{n} offene Stelle", "{n} offene Stellen"),
        "openings_in": ("{n} Stelle", "{n} Stellen"),
        "empty_title": "Zurzeit keine offenen Stellen",
        "empty_text": "Im Moment suchen wir niemanden. Neue Stellen erscheinen zuerst hier: "
        "schau bald wieder vorbei oder abonniere den Feed.",
        "empty_facet": "Dazu gibt es gerade keine offenen Stellen.",
        "feed": "Neue Stellen abonnieren (Atom-Feed)",
        "feed_title": "Offene Stellen",
        "json_title": "Offene Stellen (JSON)",
        "browse": "Offene Stellen durchsuchen",
        "filters": "Offene Stellen filtern",
        "search": "Suchen",
        "search_label": "Offene Stellen durchsuchen",
        "search_hint": "Zum Beispiel: Python, Berlin, Teilzeit",
        "search_unavailable": "Die Suche ist gerade nicht verfügbar; nutze die Filter.",
        "did_you_mean": "Meintest du:",
        "search_results": "Suchergebnisse",
        "all": "Alle",
        "clear": "Filter zurücksetzen",
        "matches": ("{n} Stelle passt", "{n} Stellen passen"),
        "no_matches": "Keine Stelle passt. Versuche weniger Filter oder ein anderes Wort.",
        "department": "Bereich",
        "location": "Arbeitsort",
        "locations": "Arbeitsorte",
        "workplace": "Arbeitsmodell",
        "employment": "Anstellungsart",
        "salary": "Gehalt",
        "company": "Unternehmen",
        "remote_from": "Remote aus",
        "region_countries": ("{n} Land", "{n} Ländern"),
        "posted": "Veröffentlicht",
        "apply_by": "Bewerbungsschluss",
        "start_date": "Beginn",
        "openings": "Anzahl Stellen",
        "education": "Abschluss",
        "or_experience": "oder gleichwertige Erfahrung",
        "experience": "Berufserfahrung",
        "reference": "Referenz",
        "facts": "Das Wichtigste",
        "posted_today": "Heute veröffentlicht",
        "posted_ago": "Veröffentlicht {ago}",
        "apply": "Jetzt bewerben",
        "apply_for": "Als {title} bewerben",
        "apply_email": "Per E-Mail bewerben",
        "apply_email_to": "Schick deine Bewerbung an",
        "apply_subject": "Bewerbung: {title}",
        "apply_subject_ref": "Bewerbung: {title} ({ref})",
        "apply_subject_note": "Betreff: {subject}",
        "copy_address": "Adresse kopieren",
        "copied": "Adresse kopiert.",
        "copy_failed": "Markiere die Adresse, um sie zu kopieren.",
        "breadcrumbs": "Pfadnavigation",
        "more_in": "Weitere Stellen im Bereich {department}",
        "all_in": "Alle Stellen im Bereich {department}",
        "closed_notice": "Diese Stelle ist nicht mehr ausgeschrieben.",
        "closed_thanks": "Danke für dein Interesse.",
        "closed_title": "{title} (nicht mehr ausgeschrieben)",
        "draft_notice": "Entwurf: Diese Anzeige ist nicht veröffentlicht, Suchmaschinen "
        "ignorieren sie.",
        "remote": "Remote",
        "remote_in": "Remote ({areas})",
        "remote_jobs": "Remote-Stellen",
        "jobs_in": "Stellen in {place}",
        "kind_jobs": "Stellen: {kind}",
        "not_found_title": "Seite nicht gefunden",
        "not_found_text": "Diese Seite gibt es nicht, oder die Stelle ist besetzt und die Anzeige "
        "entfernt.",
        "not_found_next": "Hier geht es weiter:",
        "company_pages": "Über uns",
        "experience_years": ("{n} Jahr", "{n} Jahre"),
        "experience_months": ("{n} Monat", "{n} Monate"),
        "FULL_TIME": "Vollzeit",
        "PART_TIME": "Teilzeit",
        "CONTRACTOR": "Freie Mitarbeit",
        "TEMPORARY": "Befristet",
        "INTERN": "Praktikum",
        "VOLUNTEER": "Ehrenamt",
        "PER_DIEM": "Tageweise",
        "OTHER": "Sonstige",
        "onsite": "Vor Ort",
        "hybrid": "Hybrid",
        "HOUR": "pro Stunde",
        "DAY": "pro Tag",
        "WEEK": "pro Woche",
        "MONTH": "pro Monat",
        "YEAR": "pro Jahr",
        "high school": "Schulabschluss",
        "associate degree": "Berufsausbildung",
        "bachelor degree": "Bachelor",
        "professional certificate": "Berufszertifikat",
        "postgraduate degree": "Master oder höher",
    },
}
# The workplace "remote" reads the same as the facet label.
for _words in STRINGS.values():
    _words.setdefault("remote_workplace", _words["remote"])


def language(lang: str | None) -> str:
    """ "de-AT" -> "de"; a language without strings falls back to English."""
    base = (lang or FALLBACK).replace("_", "-").split("-")[0].lower()
    return base if base in STRINGS else FALLBACK


def text(key: str, lang: str | None = None, overrides: dict | None = None, **values) -> str:
    """The string `key` in `lang`, with {placeholders} filled; `n` picks the plural form."""
    code = language(lang)
    found = None
    for table in ((overrides or {}).get(code, {}), STRINGS[code], STRINGS[FALLBACK]):
        if key in table:
            found = table[key]
            break
    if found is None:
        raise KeyError(f"no UI string {key!r}: add it to openings/render/strings.py")
    if isinstance(found, tuple):
        found = found[0] if values.get("n") == 1 else found[1]
    return found.format(**values) if values else found


@pass_context
def translate(context, key: str, lang: str | None = None, **values) -> str:
    """Jinja filter `t`: the page's language unless one is given."""
    lang = lang or context.get("page_lang") or context.get("DEFAULT_LANG")
    return text(key, lang, context.get("JOBPOSTING_UI_STRINGS"), **values)
