"""The dev server's HTTP server, in a process of its own (server.py starts it).

The builder's process holds the interpreter's lock while it builds, and after a build on a big
board for most of a second more while it collects the last build's objects
(speed/memory.collect_after_build: 0.7-0.9 s at 10,000 postings). A server thread in that
process would make every request wait for both. In a process of its own, the server answers
from the files on disk at once: the last build's pages while the next one is written, and 503
for the search index's files while a flag file (SharedFlag, which searchlater.py sets) says
the index is older than the pages.

The server is a new interpreter (`python -m openings.devserver.serving`): it holds nothing of
the builder's heap, and no lock one of the builder's threads held. It ends when the builder
shuts it down, and by itself when the builder's process is gone (its standard input closes).
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import weakref

STARTUP_SECONDS = 60  # for the new interpreter to import Pelican's server and listen (busy CI)


class CannotServe(Exception):
    """The server could not listen (the port is taken, the address is not this machine's)."""


class SharedFlag:
    """A flag the server's process reads: set while a file exists, in a folder of its own."""

    def __init__(self):
        folder = tempfile.mkdtemp(prefix="openings-devserver-")
        self.path = os.path.join(folder, "set")
        weakref.finalize(self, shutil.rmtree, folder, True)

    def set(self, on: bool) -> None:
        if on:
            open(self.path, "wb").close()
        else:
            with contextlib.suppress(FileNotFoundError):
                os.remove(self.path)


class ServerProcess:
    """The HTTP server's process: where it listens (`server_address`), and `shutdown()`."""

    def __init__(self, output: str, bind: str, port: int, stale: SharedFlag, prefix: str):
        command = [sys.executable, "-m", __name__, output, bind, str(port), prefix, stale.path]
        # stdin: a pipe the server never gets a byte from, closed when this process ends
        self.process = subprocess.Popen(
            command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, encoding="utf-8"
        )
        answer: list[str] = []
        reader = threading.Thread(target=lambda: answer.append(self.process.stdout.readline()))
        reader.start()
        reader.join(STARTUP_SECONDS)
        said = answer[0].strip() if answer else ""
        if not said.startswith("serving "):
            self.shutdown()
            if not answer:  # nothing read in time
                said = f"the server did not listen within {STARTUP_SECONDS} s"
            elif not said:  # its output ended before a word: Python's own message is above
                said = f"the server's process ended (exit {self.process.returncode}) at its start"
            raise CannotServe(said)
        host, port_text = said.split()[1:3]
        self.server_address = (host, int(port_text))  # the port the system chose for 0

    def shutdown(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.process.wait(10)
        for stream in (self.process.stdin, self.process.stdout):
            with contextlib.suppress(OSError):
                stream.close()


def main(argv: list[str]) -> int:
    """In the server's process: OUTPUT BIND PORT PREFIX FLAG_PATH."""
    output, bind, port, prefix, flag_path = argv
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the builder's: it ends this one
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s")
    from pelican.server import RootedHTTPServer

    RootedHTTPServer.allow_reuse_address = True
    try:
        server = RootedHTTPServer(output, (bind, int(port)), handler_for(flag_path, prefix))
    except OSError as exc:
        advice = (
            "stop what uses that port, or choose another: make devserver PORT=8001 (-p 8001)"
            if exc.errno == errno.EADDRINUSE
            else "choose an address of this machine: make devserver BIND=127.0.0.1 (-b 127.0.0.1)"
        )
        print(f"cannot serve on {bind}:{port}: {exc.strerror or exc}; {advice}", flush=True)
        return 1
    host, chosen = server.server_address[:2]
    print(f"serving {host} {chosen}", flush=True)
    os.dup2(2, 1)  # nobody reads the pipe after that line: anything printed goes to stderr
    threading.Thread(target=_end_with_the_builder, daemon=True).start()
    server.serve_forever()
    return 0


def _end_with_the_builder() -> None:
    sys.stdin.buffer.read()  # returns when the builder's end of the pipe closes
    os._exit(0)


def handler_for(stale_path: str, prefix: str):
    """Pelican's request handler, answering the files under `prefix` (the search index's) with
    503 while the file `stale_path` exists (SharedFlag)."""
    from pelican.server import ComplexHTTPRequestHandler

    class Handler(ComplexHTTPRequestHandler):
        def do_GET(self):
            if self.path.startswith(prefix) and os.path.exists(stale_path):
                self.send_response(503, "The search index is being made again")
                self.send_header("Retry-After", "2")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            super().do_GET()

        def end_headers(self):
            self.send_header("Cache-Control", "no-store")  # an edit shows at the next reload
            super().end_headers()

    return Handler


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
