"""A small synchronous client for Pagefind's service mode (`pagefind --service`).

The `pagefind` package's own Python API speaks the same protocol, but it polls for each answer
every 0.1 s, so 10,000 records take at least 1,000 s. Here each request waits for its own
answer, and `add_records` sends all of a part's records before reading their answers, so Python
makes the next record while Pagefind indexes the last (Pagefind 1.x reads its input on a thread
of its own into an unbounded queue and handles messages one at a time, in order: writing
everything first cannot deadlock and adds the records in the order sent). The protocol (Pagefind 1.x, as the Node and Python APIs
use it): each message is base64 of a JSON object `{"message_id", "payload"}`, followed by a
comma, on the binary's stdin; answers come back the same way on its stdout.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import selectors
import subprocess
import tempfile
import weakref
from collections.abc import Iterable

from pagefind.service import get_executable

# Pagefind is built with jemalloc, which keeps freed memory for 10 s before giving it back to
# the system; building an index frees and reallocates a lot, so give it back at once
# (measured on 2,000 benchmark postings: peak 646 MB -> 502 MB, same index files).
JEMALLOC_CONF = "dirty_decay_ms:0,muzzy_decay_ms:0"

RECORD_TIMEOUT = 60.0  # seconds for one record: milliseconds normally, so only a hang hits it
WRITE_TIMEOUT_BASE = 60.0  # seconds for writing the index files ...
WRITE_TIMEOUT_PER_RECORD = 0.05  # ... plus this per record (about 0.005 s measured)
WRITE_CHUNK = 1 << 20  # bytes of records sent to Pagefind in one write (about 100 postings)


_live: weakref.WeakSet[PagefindService] = weakref.WeakSet()


def _close_inherited_pipes() -> None:
    """In a forked child (parallel.py): close its copies of every live service's pipes.

    Otherwise Pagefind would not see the end of its input while the child runs, and the child
    could never write to it by mistake.
    """
    for service in list(_live):
        for stream in (service._process.stdin, service._process.stdout):
            if stream is not None:
                with contextlib.suppress(OSError, ValueError):
                    os.close(stream.fileno())


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_close_inherited_pipes)


class PagefindError(Exception):
    """Pagefind could not be started, answered with an error, stopped or did not answer."""


class PagefindService:
    """One Pagefind process with one index: add records, write the files, close."""

    def __init__(self, config: dict):
        binary = get_executable()
        if binary is None:
            raise PagefindError("the Pagefind program is not installed")
        self._errors = tempfile.TemporaryFile()  # noqa: SIM115 (closed in close())
        env = {**os.environ, "_RJEM_MALLOC_CONF": JEMALLOC_CONF}
        try:
            self._process = subprocess.Popen(
                [str(binary), "--service"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                stderr=self._errors, env=env,
            )  # fmt: skip
        except OSError as exc:
            self._errors.close()
            raise PagefindError(f"could not start Pagefind ({exc})") from exc
        _live.add(self)
        self._selector = selectors.DefaultSelector()
        self._selector.register(self._process.stdout, selectors.EVENT_READ)
        self._message_id = 0
        self._pending = bytearray()  # read beyond the last answer: the start of the next ones
        self.records = 0
        answer = self._send({"type": "NewIndex", "config": config}, RECORD_TIMEOUT)
        self._index_id = answer["index_id"]

    def add_records(self, records: Iterable[tuple[str, str, str, dict[str, str]]]) -> None:
        """Add (url, content, language, meta) records: all sent first, then every answer read.

        Sent in chunks, not a write per record: on the build's second thread every write gives
        up the interpreter lock, and taking it back can wait 5 ms while Pelican renders pages.
        """
        sent = 0
        chunk = bytearray()
        for url, content, language, meta in records:
            chunk += self._encode(
                {"type": "AddRecord", "index_id": self._index_id, "url": url, "content": content,
                 "language": language, "meta": meta, "filters": None, "sort": None}
            )  # fmt: skip
            sent += 1
            if len(chunk) >= WRITE_CHUNK:
                self._put(chunk)
                chunk.clear()
        self._put(chunk)
        for _ in range(sent):
            self._answer(RECORD_TIMEOUT)
            self.records += 1

    def files(self) -> dict[str, bytes]:
        """The index files by their path in the bundle folder, built from the records so far.

        Pagefind's WriteFiles answers before every file is on disk (an empty
        wasm.unknown.pagefind was seen when the service was closed right after), so the caller
        writes the files itself.
        """
        timeout = WRITE_TIMEOUT_BASE + WRITE_TIMEOUT_PER_RECORD * self.records
        answer = self._send({"type": "GetFiles", "index_id": self._index_id}, timeout)
        return {item["path"]: base64.b64decode(item["content"]) for item in answer["files"]}

    def close(self) -> None:
        process = self._process
        if process.stdin and not process.stdin.closed:
            with contextlib.suppress(OSError):
                process.stdin.close()  # the service ends when its input ends
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        self._selector.close()
        process.stdout.close()
        self._errors.close()

    def __enter__(self) -> PagefindService:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def _send(self, payload: dict, timeout: float) -> dict:
        self._put(self._encode(payload))
        return self._answer(timeout)

    def _encode(self, payload: dict) -> bytes:
        self._message_id += 1
        message = json.dumps({"message_id": self._message_id, "payload": payload})
        return base64.b64encode(message.encode("utf-8")) + b","

    def _put(self, data: bytes | bytearray) -> None:
        try:
            self._process.stdin.write(data)
            self._process.stdin.flush()
        except OSError as exc:
            raise PagefindError(f"Pagefind stopped ({exc}){self._stderr()}") from exc

    def _answer(self, timeout: float) -> dict:
        answer = json.loads(base64.b64decode(self._read_message(timeout)))
        body = answer.get("payload") or {}
        if body.get("type") == "Error":
            raise PagefindError(f"Pagefind: {body.get('message', 'unknown error')}")
        return body

    def _read_message(self, timeout: float) -> bytes:
        data = self._pending
        stream = self._process.stdout
        while b"," not in data:
            if not self._selector.select(timeout):
                self._process.kill()
                raise PagefindError(f"Pagefind did not answer within {timeout:.0f} s")
            chunk = stream.read1(1 << 20)
            if not chunk:
                self._process.wait()
                raise PagefindError(
                    f"Pagefind stopped (exit status {self._process.returncode}){self._stderr()}"
                )
            data += chunk
        end = data.index(b",")
        message = bytes(data[:end])
        del data[: end + 1]
        return message

    def _stderr(self) -> str:
        self._errors.seek(0)
        text = self._errors.read().decode("utf-8", "replace").strip()
        return f": {text[-500:]}" if text else ""
