"""How to apply: apply_url or apply_email (or the site's default), and direct_apply."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from ...core import rules
from . import schemaparts as sp
from .checker import Checker, quote
from .spec import FieldSpec

# One plain address: no ?, &, % or commas (they add recipients or headers to the mailto: link)
EMAIL = re.compile(
    r"^(?!\.)(?!.*\.\.)[A-Za-z0-9._+'-]+(?<!\.)@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$"
)


def check_apply(c: Checker) -> tuple[str | None, str | None]:
    """(apply_url, apply_email): both are checked together, since either one will do."""
    url = _url(c, c.text("apply_url"))
    email = _email(c, c.text("apply_email"))
    # an empty apply_url: line means "not given": the site's default applies
    refused = any(p.field in ("apply_url", "apply_email") for p in c.found)
    if url is None and email is None and not refused:
        url, email = c.ctx.apply_url, c.ctx.apply_email
        if url is None and email is None and "apply_url" not in c.misnamed:
            c.found.error(
                None,
                "apply_url",
                "there is no way to apply: add apply_url (https://...) or apply_email",
                rules.APPLY,
            )
    return url, email


def _url(c: Checker, url: str | None) -> str | None:
    if url is None:
        return None
    parts = urlsplit(url)
    if (
        parts.scheme.lower() not in ("http", "https")
        or not parts.netloc
        or " " in url
        or "." not in parts.netloc
    ):
        hint = f"; write https://{url}" if not parts.scheme and "." in url.split("/")[0] else ""
        c.found.error(
            c.line("apply_url"),
            "apply_url",
            f"{quote(url)} is not a web address starting with https://{hint}",
            rules.APPLY,
        )
        return None
    if trick := _apply_url_trick(url):
        c.found.error(c.line("apply_url"), "apply_url", trick, rules.APPLY)
        return None
    return url


def _email(c: Checker, email: str | None) -> str | None:
    if email is None:
        return None
    candidate = email.removeprefix("mailto:")
    if not EMAIL.match(candidate):
        several = candidate.count("@") > 1
        hint = "; give one address" if several else "; write an address like jobs@example.com"
        c.found.error(
            c.line("apply_email"),
            "apply_email",
            f"{quote(email)} is not an email address{hint}",
            rules.APPLY,
        )
        return None
    if candidate != email:
        c.found.error(
            c.line("apply_email"),
            "apply_email",
            f"write the address without mailto: ({candidate})",
            rules.APPLY,
        )
        return None
    return email


def _apply_url_trick(url: str) -> str | None:
    """Addresses that look like one site and lead to another (phishing), in plain words."""
    host = urlsplit(url).netloc
    if "@" in host:
        return (
            f"{quote(url)} has a name and @ before the site's address, which hides where the "
            "link really goes; write the address without it"
        )
    if not host.isascii():
        try:
            ascii_host = host.encode("idna").decode("ascii")
        except UnicodeError:
            ascii_host = "the xn-- form"
        return (
            f"{quote(url)} has non-Latin letters in the site's name, which can imitate another "
            f"site; write it as {ascii_host}"
        )
    return None


APPLY_URL = FieldSpec(
    "apply_url", "web address", "Where candidates apply: https://...",
    check=lambda c: c.shared(check_apply)[0],
    schema={"type": "string", "pattern": "^[Hh][Tt][Tt][Pp][Ss]?://", "format": "uri",
            "description": "Where candidates apply: https://..."},
    example="https://example.com/apply/eng-101",
    aliases=("apply", "apply_link", "application_url", "applyurl", "link"),
    source_names=("apply_href", "application_link", "job_url", "source_url", "source",
                  "original_url", "how_to_apply", "application", "apply_here", "url_apply",
                  "apply_link_url"),
)  # fmt: skip
APPLY_EMAIL = FieldSpec(
    "apply_email", "email address", "One address candidates write to.",
    check=lambda c: c.shared(check_apply)[1],
    schema={"type": "string", "format": "email",
            "description": "One address candidates write to."},
    example="jobs@example.com",
    aliases=("email", "contact", "contact_email", "apply_to"),
    source_names=("application_email",),
)  # fmt: skip
DIRECT_APPLY = FieldSpec(
    "direct_apply", "true or false",
    "true when candidates apply on that page directly, without an account.",
    check=lambda c: c.boolean("direct_apply"),
    schema={**sp.BOOLEAN, "description": "true when candidates apply on that page "
            "directly, without an account."},
    example="true", jsonld="directApply", aliases=("directapply",),
)  # fmt: skip
