"""What `openings notify`'s senders (notify.py, indexingapi.py) share: the error a person must
fix, the report, and one POST with the words of a refusal.

Standard library only: the CI job that holds the Indexing API's secret installs nothing but PyJWT
(scripts/notify-deployed.sh).
"""

from __future__ import annotations

import urllib.error
import urllib.request
from dataclasses import dataclass, field

TIMEOUT_SECONDS = 30


class NotifyError(Exception):
    """Something the person running the command must fix; the message says what."""


@dataclass
class Notified:
    lines: list[str] = field(default_factory=list)
    failed: bool = False

    def say(self, line: str) -> None:
        self.lines.append(line)

    def fail(self, line: str) -> None:
        self.lines.append(line)
        self.failed = True


def urls_of(entries) -> list[str]:
    return [e["url"] for e in entries if isinstance(e, dict) and e.get("url")]


def post(url: str, body: bytes, content_type: str, token: str | None = None):
    headers = {"Content-Type": content_type, "User-Agent": "openings-notify"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    request = urllib.request.Request(url, data=body, headers=headers, method="POST")
    with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:
        return response.status, response.read()


def refusal(error: urllib.error.HTTPError) -> str:
    detail = error.read().decode("utf-8", "replace").strip()[:300]
    return f"HTTP {error.code}" + (f": {detail}" if detail else "")
