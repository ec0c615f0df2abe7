"""The interface's gettext catalogs: complete, up to date with the code and theme, compiled."""

from __future__ import annotations

import configparser
import io

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import read_mo, write_mo
from babel.messages.plurals import get_plural
from babel.messages.pofile import read_po
from jinja2 import Environment
from openings.config import settingscheck
from openings.core import catalogs
from openings.core.problems import BuildFailed
from openings.render import strings
from sitebuild import ROOT

LOCALE = catalogs.LOCALE_DIR
SHIPPED = ("de", "en", "es", "fr", "nl", "pl", "pt")


def po(lang: str):
    with (LOCALE / lang / "LC_MESSAGES" / "openings.po").open("rb") as file:
        return read_po(file, locale=lang)


def ids(catalog) -> set:
    return {m.id for m in catalog if m.id}


def extracted() -> set:
    """The messages of plugins/openings/ as `make translations` finds them (babel.cfg)."""
    config = configparser.ConfigParser()
    config.read(ROOT / "babel.cfg")
    method_map, options_map = [], {}
    for section in config.sections():
        method, pattern = (part.strip() for part in section.split(":", 1))
        method_map.append((pattern, method))
        options_map[pattern] = dict(config[section])
    found = extract_from_dir(
        str(ROOT / "plugins" / "openings"), method_map, options_map, strip_comment_tags=True
    )
    return {message if isinstance(message, str) else tuple(message) for _, _, message, *_ in found}


def test_the_shipped_languages():
    assert catalogs.shipped() == SHIPPED


@pytest.mark.parametrize("lang", SHIPPED)
def test_every_message_is_translated_and_none_is_fuzzy(lang):
    catalog = po(lang)
    forms = get_plural(lang).num_plurals
    untranslated, fuzzy, wrong = [], [], []
    for message in catalog:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if not all(strings) or (message.pluralizable and len(strings) != forms):
            untranslated.append(message.id)
        if message.fuzzy:
            fuzzy.append(message.id)
        # Babel's checks: the same %(placeholders)s as the English text
        wrong += [(message.id, str(error)) for error in message.check(catalog)]
    assert (untranslated, fuzzy, wrong) == ([], [], [])
    assert not list(catalog.obsolete), "obsolete messages: run make translations"


@pytest.mark.parametrize("lang", SHIPPED)
def test_every_catalog_has_the_messages_of_the_template(lang):
    template = po_template()
    assert ids(po(lang)) == ids(template), "run make translations"


def po_template():
    with (LOCALE / "openings.pot").open("rb") as file:
        return read_po(file)


def test_the_template_has_every_message_of_the_code_and_theme():
    found = extracted()
    assert found, "nothing extracted: babel.cfg does not find the templates"
    assert found == ids(po_template()), "the template is out of date: run make translations"


def as_dict(catalog) -> dict:
    def frozen(value):
        return tuple(value) if isinstance(value, (list, tuple)) else value

    return {frozen(m.id): frozen(m.string) for m in catalog}


@pytest.mark.parametrize("lang", SHIPPED)
def test_the_compiled_catalog_is_the_catalog(lang):
    compiled = io.BytesIO()
    write_mo(compiled, po(lang))
    with (LOCALE / lang / "LC_MESSAGES" / "openings.mo").open("rb") as file:
        shipped = read_mo(file)
    compiled.seek(0)
    fresh = read_mo(compiled)
    assert as_dict(shipped) == as_dict(fresh), (
        "the .mo is older than the .po: run make translations"
    )


@pytest.mark.parametrize(
    ("n", "expected"),
    [(1, "1 otwarta oferta"), (2, "2 otwarte oferty"), (5, "5 otwartych ofert"),
     (22, "22 otwarte oferty"), (12, "12 otwartych ofert"), (101, "101 otwartych ofert")],
)  # fmt: skip
def test_polish_has_three_plural_forms(n, expected):
    words = catalogs.words("pl")
    assert words.ngettext("%(num)s open job", "%(num)s open jobs", n) % {"num": n} == expected


@pytest.mark.parametrize(
    ("lang", "found"),
    [("de-AT", "de"), ("pt-BR", "pt"), ("PT_br", "pt"), ("en-US", "en"), ("it", None)],
)
def test_a_regional_language_takes_its_language_catalog(lang, found):
    assert catalogs.code(lang, catalogs.shipped()) == found


def test_a_site_overrides_a_message_by_its_english_text():
    overrides = {"de": {"Apply now": "Bewirb dich", "%(num)s job": ["eine Stelle", "%(num)s"]}}
    words = catalogs.words("de-CH", overrides)
    assert words.gettext("Apply now") == "Bewirb dich"
    assert words.gettext("Salary") == "Gehalt"  # the rest from the catalog
    assert words.ngettext("%(num)s job", "%(num)s jobs", 1) == "eine Stelle"
    assert catalogs.words("de").gettext("Apply now") == "Jetzt bewerben"


def test_a_site_adds_a_language_with_its_plural_rule():
    italian = {
        message: f"IT {message}" if plural is None else [f"IT {message}", f"IT {plural}"]
        for message, plural in catalogs.messages().items()
    }
    italian["%(num)s open job"] = ["%(num)s posizione aperta", "%(num)s posizioni aperte"]
    words = catalogs.words("it", {"it": italian})
    assert words.gettext("Apply now") == "IT Apply now"
    assert words.ngettext("%(num)s open job", "", 3) == "%(num)s posizioni aperte"
    assert "it" in catalogs.languages({"it": italian})
    site = {"DEFAULT_LANG": "it", "JOBPOSTING_UI_STRINGS": {"it": italian}}
    assert settingscheck.language_problems(site) == []


def settings_problems(**values) -> list[str]:
    values.setdefault("JOBPOSTING_UI_STRINGS", {})
    return settingscheck.language_problems(values)


def test_a_site_language_without_words_is_an_error_that_says_what_to_do(capsys):
    (problem,) = settings_problems(DEFAULT_LANG="it")
    assert problem.startswith("DEFAULT_LANG = 'it': the interface (buttons, headings, labels)")
    assert "no words in Italian (it)" in problem
    assert (
        "it has them in German (de), English (en), Spanish (es), French (fr), Dutch (nl),"
        " Polish (pl), Portuguese (pt)"
    ) in problem
    assert "JOBPOSTING_UI_STRINGS['it']" in problem and "docs/translations.md" in problem
    assert settings_problems(DEFAULT_LANG="pt-br") == []
    values = {"DEFAULT_LANG": "it", "PATH": "content"}
    with pytest.raises(BuildFailed):
        settingscheck.check(values)
    assert "pelicanconf: DEFAULT_LANG = 'it'" in capsys.readouterr().err


@pytest.mark.parametrize("plugin", ["i18n_subsites", "pelican.plugins.i18n_subsites"])
def test_i18n_subsites_is_refused_with_what_to_write_instead(plugin):
    (problem,) = settings_problems(DEFAULT_LANG="en", PLUGINS=["jobposting", plugin])
    assert problem.startswith("PLUGINS lists i18n_subsites")
    assert "JOBPOSTING_LANGUAGES, e.g. ['en', 'de']" in problem


def test_the_sites_own_words_are_checked():
    found = settings_problems(
        JOBPOSTING_UI_STRINGS={
            "de": {"Apply now!": "Los", "Salary": ["a", "b"], "%(num)s job": "eine"},
            "it": {"Apply now": "Candidati"},
        }
    )
    assert found[0].startswith("JOBPOSTING_UI_STRINGS['de']['Apply now!']: the interface has no")
    assert "did you mean 'Apply now'?" in found[0]
    assert found[1] == "JOBPOSTING_UI_STRINGS['de']['Salary'] must be text"
    assert "has a count: write a list of its forms" in found[2] and "2 for German" in found[2]
    assert found[3].startswith("JOBPOSTING_UI_STRINGS['it'] adds Italian (it), but lacks")
    assert len(found) == 4
    assert settings_problems(JOBPOSTING_UI_STRINGS=["de"])[0].startswith(
        "JOBPOSTING_UI_STRINGS must be a dict of languages"
    )


def test_templates_speak_the_pages_language_through_the_i18n_extension():
    env = Environment(autoescape=True, extensions=["jinja2.ext.i18n"])
    env.newstyle_gettext = True
    env.globals.update(strings.GLOBALS)
    template = env.from_string(
        "{{ _('Apply now') }}|{{ _('More jobs in %(department)s', department=d) }}"
        "|{% trans num=n %}{{ num }} open job{% pluralize %}{{ num }} open jobs{% endtrans %}"
        "|{{ _('Open jobs', lang=DEFAULT_LANG) }}"
    )
    shown = template.render(page_lang="pl", DEFAULT_LANG="en", d="R&D", n=22)
    assert shown == "Aplikuj teraz|Więcej ofert: R&amp;D|22 otwarte oferty|Open jobs"
    own = {"pl": {"Apply now": "Wyślij CV"}}
    shown = template.render(page_lang="pl", JOBPOSTING_UI_STRINGS=own, d="", n=1)
    assert shown.startswith("Wyślij CV|") and "|1 otwarta oferta|Otwarte oferty" in shown


@pytest.mark.parametrize(
    ("lang", "shown"), [("en", "Open jobs: Acme"), ("fr", "Postes ouverts : Acme")]
)
def test_a_label_and_its_text_are_joined_as_the_language_writes_it(lang, shown):
    """French puts a space before the colon: the join is a message, not a ': ' in a template."""
    env = Environment(autoescape=True, extensions=["jinja2.ext.i18n"])
    env.newstyle_gettext = True
    env.globals.update(strings.GLOBALS)
    template = env.from_string("{{ _('%(label)s: %(text)s', label=_('Open jobs'), text=name) }}")
    assert template.render(page_lang=lang, DEFAULT_LANG="en", name="Acme") == shown


def test_no_template_joins_words_with_a_colon_of_its_own():
    templates = [
        *(ROOT / "plugins/openings/theme/templates").rglob("*.html"),
        *(ROOT / "plugins/openings/templates").rglob("*.html"),
    ]
    joined = [str(t) for t in templates if "}}: {{" in t.read_text() or '~ ": " ~' in t.read_text()]
    assert joined == []
