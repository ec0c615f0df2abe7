"""The plugin's own templates (posting, closed, facet and list pages), whatever the site's theme.

They live in the package (openings/templates/jobposting/) and are found under the prefix
`jobposting/`, through a loader placed after the site's own: a template of the same name in
THEME_TEMPLATES_OVERRIDES or in the theme's templates/jobposting/ folder is used instead, and
one that only changes a block extends the packaged one as `!jobposting/<name>.html`. They extend
the site's base template (JOBPOSTING_BASE_TEMPLATE). Autoescape is on for them, whatever the
site's JINJA_ENVIRONMENT says of its own templates: front-matter text comes from many hands.
"""

from __future__ import annotations

import os

import jinja2

PREFIX = "jobposting"
ROOT = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "templates")

# names as Pelican's get_template takes them (it adds the extension)
POSTING = f"{PREFIX}/posting"
CLOSED = f"{PREFIX}/closed"
FACET = f"{PREFIX}/facet"
INDEX = f"{PREFIX}/index"


def is_ours(name: str | None) -> bool:
    return bool(name) and name.lstrip("!").startswith(PREFIX + "/")


class Autoescape:
    """Jinja's autoescape test: on for the plugin's templates, the site's choice for its own."""

    def __init__(self, site):
        self.site = site  # JINJA_ENVIRONMENT's autoescape: a bool or a function of the name

    def __call__(self, name: str | None) -> bool:
        if is_ours(name):
            return True
        return bool(self.site(name)) if callable(self.site) else bool(self.site)

    def __repr__(self) -> str:  # part of the template cache's key (templatecache.py)
        site = getattr(self.site, "__qualname__", None) or repr(self.site)
        return f"jobposting-autoescape({site})"


class PackagedLoader(jinja2.BaseLoader):
    """The package's templates under their full names, `jobposting/<name>` and
    `!jobposting/<name>`: Jinja's PrefixLoader would compile them under their names without
    the prefix, which the autoescape test could not tell from a site's own."""

    def __init__(self):
        self.files = jinja2.FileSystemLoader(ROOT)

    def get_source(self, environment, template):
        name = template.removeprefix("!")
        if not is_ours(name):
            raise jinja2.TemplateNotFound(template)
        return self.files.get_source(environment, name)

    def list_templates(self) -> list[str]:
        return [name for name in self.files.list_templates() if is_ours(name)]


def attach(generator) -> None:
    """generator_init: find the plugin's templates after the site's, escape them."""
    env = generator.env
    env.loader = jinja2.ChoiceLoader([env.loader, PackagedLoader()])
    site = env.autoescape
    env.autoescape = site if isinstance(site, Autoescape) else Autoescape(site)
