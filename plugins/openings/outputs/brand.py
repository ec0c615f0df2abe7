"""theme/css/brand.css: the site's brand colour, when JOBPOSTING_BRAND_COLOUR sets one.

A stylesheet file, not a `style` attribute: the pages' Content-Security-Policy allows the site's
own stylesheets only. base.html links it after the theme's site.css, whose colours it overrides.
"""

from __future__ import annotations

from ..core import colours
from .outputs import write

PATH = "theme/css/brand.css"
SETTING = "JOBPOSTING_BRAND_COLOUR"


class BrandGenerator:
    """Pelican builds it like its own generators and calls generate_output in the write phase."""

    def __init__(self, context, settings, path, theme, output_path, **kwargs):
        self.settings = settings
        self.output_path = output_path

    def generate_output(self, writer) -> None:
        colour = self.settings.get(SETTING)
        if colour:  # checked with the other settings (settingscheck.py) before the build ran
            write(self.output_path, PATH, colours.stylesheet(colour).encode())


def get_generators(pelican):
    return BrandGenerator
