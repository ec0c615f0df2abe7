"""The site's settings: the plugin's defaults, their checks, the settings file read without Pelican."""
