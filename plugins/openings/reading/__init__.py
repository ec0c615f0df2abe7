"""A posting file -> its front matter (with lines), problems and sanitised HTML; no Pelican."""
