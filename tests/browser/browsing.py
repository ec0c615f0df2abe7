"""Browser tests: the built site served on loopback, opened in Debian's real Chromium.

Playwright drives the system Chromium through `executable_path`; it never downloads a browser.
Every request to a host other than the loopback server is recorded and refused, so a test can
assert that a page makes no third-party requests.
"""

from __future__ import annotations

import functools
import http.server
import os
import re
import shutil
import socket
import threading
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import boards
from sitebuild import Site

CHROMIUM_FLAGS = [
    "--headless=new",
    "--no-sandbox",  # CI runs as root
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",  # no calls home on a closed network
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


# In the page: the path of every posting the search index holds, sorted, as site.js finds them
# (pagefind/paths.json, or the result's own fragment where paths.json has null).
EVERY_INDEXED_PATH = """async () => {
    const bundle = new URL('pagefind/', location.href);
    const pagefind = await import(new URL('pagefind.js', bundle).href);
    const paths = await (await fetch(new URL('paths.json', bundle))).json();
    const found = await pagefind.search(null, {});
    const all = await Promise.all(found.results.map(async (r) => paths[r.id] || (await r.data()).url));
    return all.sort();
}"""


def visible_titles(page) -> list[str]:
    return page.locator(".card:visible h3").all_inner_texts()


def search_finds_the_customer_roles(page) -> None:
    """Type "customers" in the list's search: the two roles about customers show, the Backend
    Developer (which never mentions them) does not."""
    from playwright.sync_api import expect

    page.get_by_label("Search open jobs").fill("customers")
    expect(page.locator("#status")).to_have_text(re.compile("jobs match"))
    found = set(visible_titles(page))
    assert {"Solutions Engineer", "Customer Support Specialist"} <= found
    assert "Backend Developer" not in found


def chromium_path() -> str | None:
    candidates = [os.environ.get("CHROMIUM_PATH"), "chromium", "chromium-browser", "google-chrome"]
    for candidate in candidates:
        if candidate and shutil.which(candidate):
            return shutil.which(candidate)
    return None


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test output readable
        pass


@dataclass
class Server:
    root: Path
    url: str
    httpd: http.server.ThreadingHTTPServer


def serve(root: Path, sock: socket.socket | None = None) -> Server:
    handler = functools.partial(_QuietHandler, directory=str(root))
    httpd = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), handler, bind_and_activate=sock is None
    )
    if sock is not None:
        httpd.socket.close()
        httpd.socket = sock
        httpd.server_address = sock.getsockname()
        httpd.server_activate()
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    host, port = httpd.server_address[:2]
    return Server(root, f"http://{host}:{port}", httpd)


def reserve_port() -> socket.socket:
    """A bound socket on loopback, so the site can be built for its URL before serving."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    return sock


def build_and_serve(
    tmp: Path, with_samples: bool = True, postings: int = 0, **overrides
) -> tuple[Site, Server]:
    """The site built for its loopback address and served there; `postings`: a generated
    board of that many (tests/boards.py) besides."""
    sock = reserve_port()
    host, port = sock.getsockname()
    site = Site(tmp, with_samples=with_samples)
    if postings:
        boards.generate(site.content, postings)
    site.build(SITEURL=f"http://{host}:{port}", RELATIVE_URLS=False, **overrides)
    return site, serve(site.output, sock)


@dataclass
class Visit:
    """What a page did besides rendering: outside requests, console errors, dialogs."""

    outside_requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)


def open_context(browser, *, width: int = 1280, height: int = 900, javascript: bool = True):
    """A fresh browser context that refuses (and records) requests leaving loopback."""
    context = browser.new_context(
        viewport={"width": width, "height": height}, java_script_enabled=javascript
    )
    visit = Visit()

    def route(route_):
        host = urlsplit(route_.request.url).hostname or ""
        if host in ("127.0.0.1", "localhost", "::1") or route_.request.url.startswith(
            ("data:", "blob:")
        ):
            route_.continue_()
        else:
            visit.outside_requests.append(route_.request.url)
            route_.abort()

    context.route("**/*", route)
    context.on("page", lambda page: _watch(page, visit))
    return context, visit


def _watch(page, visit: Visit) -> None:
    page.on(
        "console",
        lambda msg: visit.console_errors.append(msg.text) if msg.type == "error" else None,
    )
    page.on("pageerror", lambda exc: visit.page_errors.append(str(exc)))

    def on_dialog(dialog):
        visit.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    page.on("dialog", on_dialog)


def screenshot(page, name: str) -> Path:
    """Saved under test-artifacts/screenshots/ for a person to review."""
    folder = ARTIFACTS / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
