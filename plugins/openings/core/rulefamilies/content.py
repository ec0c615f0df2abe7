"""Rules about what else lives in content/: links, company pages, static files
(docs/security.md)."""

from __future__ import annotations

from .rule import Rule, registrar

RULES: dict[str, Rule] = {}
rule = registrar(RULES)

LINK_OUTSIDE = rule(
    "link-outside",
    "error",
    "A `{filename}`, `{static}` or `{attach}` link points outside the content folder, or through "
    "a symbolic link.",
    "Link to a file inside content/ (images go in content/images/), written from the content "
    "folder: `{static}/images/team.jpg`. For anything else write its full web address.",
    "![Our team]({static}/images/team.jpg)",
    "Such a link would copy any file the build can read (a password file, the build's settings) "
    "onto the public site.",
)
LINK_MISSING = rule(
    "link-missing",
    "error",
    "A `{filename}`, `{static}` or `{attach}` link names a file that does not exist.",
    "Check the spelling and the folder; a path starting with `/` starts at content/.",
    "[Benefits]({filename}/pages/benefits.md)",
)
LINK_TYPE = rule(
    "link-type",
    "error",
    "A link points to a file of a kind the site does not publish.",
    "`{filename}` links go to a posting or a company page (.md); `{static}` and `{attach}` to an "
    "image (PNG, JPEG, GIF, WebP, AVIF, SVG), a font or a PDF.",
    "[Our handbook (PDF)]({static}/images/handbook.pdf)",
    "A web page or script copied onto the site would run with the site's own address.",
)
PAGE_FIELD = rule(
    "page-field",
    "error",
    "A company page (content/pages/) uses a field pages do not have.",
    "A page has title, summary, slug, lang, order and status; remove the others. The page's "
    "address comes from its file name (or slug), its layout from the site.",
    "---\ntitle: Benefits\nsummary: What everyone gets.\norder: 2\n---\n",
    "Pelican's own keys (save_as, url, template) would let a page replace any other page.",
)
PAGE_VALUE = rule(
    "page-value",
    "error",
    "A company page's field has a value it cannot have.",
    "slug: lowercase letters, digits and hyphens; lang: a code such as en or pt-BR; order: a "
    "whole number; status: published, hidden or draft.",
    "slug: hiring-process\norder: 3",
)
NOT_PUBLISHED = rule(
    "not-published",
    "error",
    "A file in content/ is of a kind the site neither reads nor publishes.",
    "Postings go in content/jobs/ and company pages in content/pages/, both as Markdown (.md); "
    "images, fonts and PDFs go in content/images/. Convert the file or remove it.",
    "",
    "Pelican would publish .html files and read .rst files (which can include other files) "
    "without any of the site's checks.",
)
STATIC_TYPE = rule(
    "static-type",
    "error",
    "A file in content/images/ is not an image, font or PDF, or its content is not what its "
    "name says.",
    "Keep only PNG, JPEG, GIF, WebP, AVIF, ICO and SVG images, WOFF/WOFF2/TTF/OTF fonts and PDF "
    "there; export the file again from the program that made it. SVG drawings are published "
    "without scripts, links to other sites or other sites' images.",
    "",
    "An HTML or JavaScript file on the site runs scripts with the site's own address.",
)
SYMLINK = rule(
    "symlink",
    "error",
    "A file or folder in content/ is a symbolic link.",
    "Replace the link with a copy of the file (or the folder), or remove it.",
    "",
    "A link can point anywhere on the machine that builds the site, which would then publish it.",
)
OUTPUT_CLASH = rule(
    "output-clash",
    "error",
    "Two files would be published at the same web address.",
    "Rename one of them, or give one a different slug; the message names both.",
)
LIMIT_HTML = rule(
    "limit-html-size",
    "error",
    "The description makes more than ten times JOBPOSTING_MAX_BODY_BYTES of HTML (2,000,000 "
    "characters by default).",
    "Look for something repeated that makes much HTML: a footnote reference such as [^1] "
    "written thousands of times, or a table whose rows are much shorter than its header.",
    why="The sanitiser reads every character of the HTML; a few kilobytes of such text would "
    "make megabytes of HTML and a slow build.",
)
