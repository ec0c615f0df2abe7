"""robots.txt: let every crawler in, and name the sitemap.

Nothing is disallowed: a closed posting must stay crawlable, or search engines never read the
`noindex` that takes it out of their index. Crawlers read robots.txt only at the root of a host;
a site published under a path (a GitHub project site, /<repo>/) should submit its sitemap in the
search engines' webmaster tools as well.
"""

from __future__ import annotations

from .outputs import OutputGenerator, Snapshot
from .sitemap import PATH as SITEMAP_PATH

PATH = "robots.txt"


def render(siteurl: str) -> bytes:
    return f"User-agent: *\nAllow: /\n\nSitemap: {siteurl}/{SITEMAP_PATH}\n".encode()


class RobotsGenerator(OutputGenerator):
    def write_files(self, site: Snapshot) -> None:
        self.write(PATH, render(site.siteurl))


def get_generators(pelican):
    return RobotsGenerator
