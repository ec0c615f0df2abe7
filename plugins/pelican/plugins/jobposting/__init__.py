"""Openings' Pelican plugin, where Pelican looks for plugins: pelican.plugins.jobposting.

Pelican finds it by itself when PLUGINS is not set, and loads it by name with
PLUGINS = ["jobposting"] or ["pelican.plugins.jobposting"]. The code is the `openings` package,
which the `openings` command uses without loading Pelican.
"""

from openings import register

__all__ = ["register"]
