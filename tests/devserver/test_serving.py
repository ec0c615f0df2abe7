"""The dev server's HTTP server in a process of its own (devserver/serving.py): a page is
answered while the builder's process holds the interpreter's lock, the search index's files
follow the shared flag, and a port that is taken is said, not a traceback."""

from __future__ import annotations

import ctypes
import socket
import subprocess
import sys
import urllib.error
import urllib.request

import pytest
from openings.devserver import serving

# Asks for a page and writes what came back (or why nothing did) to its standard output.
CLIENT = """
import sys, urllib.request
try:
    with urllib.request.urlopen(sys.argv[1], timeout=20) as page:
        said = page.read()
except Exception as exc:
    said = repr(exc).encode()
sys.stdout.buffer.write(said[:200] or b"(empty)")
sys.stdout.flush()
"""


@pytest.fixture
def served(tmp_path):
    (tmp_path / "index.html").write_text("<p>served</p>", "utf-8")
    (tmp_path / "pagefind").mkdir()
    (tmp_path / "pagefind" / "pagefind.js").write_text("// index", "utf-8")
    stale = serving.SharedFlag()
    server = serving.ServerProcess(str(tmp_path), "127.0.0.1", 0, stale, "/pagefind/")
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", stale
    finally:
        server.shutdown()
    assert server.process.poll() is not None


@pytest.mark.skipif(sys.platform == "win32", reason="read() of the C library through ctypes")
def test_a_page_is_answered_while_the_builders_process_holds_the_interpreter(served):
    address, _ = served
    client = subprocess.Popen([sys.executable, "-c", CLIENT, f"{address}/index.html"],
                              stdout=subprocess.PIPE)  # fmt: skip
    try:
        # A blocking read through ctypes.PyDLL keeps the interpreter's lock, as a build or a
        # garbage collection does: no thread of this process runs until the client has its
        # answer. A server thread here would answer nothing, and the client's 20 s would end.
        answer = ctypes.create_string_buffer(200)
        count = ctypes.PyDLL(None).read(client.stdout.fileno(), answer, 200)
        assert answer.raw[:count] == b"<p>served</p>"
    finally:
        client.kill()
        client.wait()


def test_the_search_index_is_refused_while_the_shared_flag_says_it_is_stale(served):
    address, stale = served
    stale.set(True)
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(f"{address}/pagefind/pagefind.js", timeout=10)
    assert refused.value.code == 503
    assert refused.value.headers["Retry-After"] == "2"
    with urllib.request.urlopen(f"{address}/index.html", timeout=10) as page:
        assert page.status == 200
        assert page.headers["Cache-Control"] == "no-store"
    stale.set(False)
    with urllib.request.urlopen(f"{address}/pagefind/pagefind.js", timeout=10) as index:
        assert index.read() == b"// index"


def test_a_port_that_is_taken_is_said(tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with pytest.raises(serving.CannotServe) as refused:
            serving.ServerProcess(str(tmp_path), "127.0.0.1", port, serving.SharedFlag(), "/p/")
    said = str(refused.value)
    assert said.startswith(f"cannot serve on 127.0.0.1:{port}: ")
    assert said.endswith(
        "; stop what uses that port, or choose another: make devserver PORT=8001 (-p 8001)"
    )


def test_an_address_not_of_this_machine_is_said(tmp_path):
    # 192.0.2.1: TEST-NET-1, documentation only, never a local address
    with pytest.raises(serving.CannotServe, match=r"choose an address of this machine: "):
        serving.ServerProcess(str(tmp_path), "192.0.2.1", 0, serving.SharedFlag(), "/p/")
