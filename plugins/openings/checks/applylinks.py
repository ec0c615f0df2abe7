"""How candidates apply, as written: both ways given (one is ignored), or a link without https.

The page has one Apply button: with apply_url and apply_email both set, it links to apply_url
and the address is never shown. An http:// link sends candidates' details unencrypted and
browsers warn on such forms: a warning, an error under the publish rules.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from ..core import rules
from ..core.problems import Problem, Severity


def _written(doc, name: str):
    field = doc.fields.get(name)
    if field is None or not field.is_scalar or not str(field.text or "").strip():
        return None
    return field


def problems(doc, path: str) -> list[Problem]:
    found = []
    url, email = _written(doc, "apply_url"), _written(doc, "apply_email")
    if url is not None and email is not None:
        found.append(
            Problem(
                path, email.line, "apply_email",
                "is ignored because apply_url is also given: the Apply button goes to apply_url "
                "only; keep one of the two",
                Severity.WARNING, rules.APPLY_BOTH,
            )
        )  # fmt: skip
    if url is not None:
        link = str(url.text).strip()
        parts = urlsplit(link)
        if parts.scheme.lower() == "http" and "." in parts.netloc:
            found.append(
                Problem(
                    path, url.line, "apply_url",
                    f"{link} is not encrypted (http://); write https://{link[7:]} (check that "
                    "the address works with it)",
                    Severity.WARNING, rules.APPLY_HTTP,
                )
            )  # fmt: skip
    return found
