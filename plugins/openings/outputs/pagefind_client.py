"""A small synchronous client for Pagefind's service mode (`pagefind --service`).

The `pagefind` package's own Python API speaks the same protocol, but it polls for each answer
every 0.1 s, so 10,000 records take at least 1,000 s. Here records are queued with `add` and
sent in chunks without waiting for their answers, so Python makes the next records while
Pagefind indexes the last (Pagefind 1.x reads its input on a thread of its own into an
unbounded queue and handles messages one at a time, in order: sending ahead cannot deadlock and
adds the records in the order sent); the answers that have arrived are read at each chunk, and
all of them before the index files are asked for. The build may add records while it reads the
postings (search_stream.py). The protocol (Pagefind 1.x, as the Node and Python APIs use it): each
message is base64 of a JSON object `{"message_id", "payload"}`, followed by a comma, on the
binary's stdin; answers come back the same way on its stdout.
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

# Pagefind is built with jemalloc, which keeps freed memory for 10 s before giving it back to
# the system; building an index frees and reallocates a lot. Giving every freed page back at
# once gives the lowest peak but costs system time (a fifth of Pagefind's time for the
# benchmark's 890 open postings); a Pagefind process indexes at most a part's words
# (search_index.py), and keeping its dirty pages for a second is as fast as jemalloc's defaults,
# with a peak between the two. The same index files either way.
JEMALLOC_CONF = "dirty_decay_ms:1000,muzzy_decay_ms:0"

RECORD_TIMEOUT = 60.0  # seconds for one record: milliseconds normally, so only a hang hits it
WRITE_TIMEOUT_BASE = 60.0  # seconds for writing the index files ...
WRITE_TIMEOUT_PER_RECORD = 0.05  # ... plus this per record (ten times what one takes)
WRITE_CHUNK = 1 << 20  # bytes of records sent to Pagefind in one write (about 300 postings)
# ... from the build's own thread while it reads (search_stream.py), a pipe's worth: Pagefind
# starts on the first records at once and keeps pace instead of waiting for 300 at a time.
STREAM_CHUNK = 1 << 16


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

    def __init__(self, config: dict, chunk: int = WRITE_CHUNK):
        # imported here: the pagefind package's service module loads asyncio, which the build
        # needs only once it has a record to index, not while it starts
        from pagefind.service import get_executable

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
        self._chunk = bytearray()  # records queued, not yet sent
        self._chunk_size = chunk
        self._sent = 0  # records sent or queued
        self.records = 0  # records Pagefind has answered
        self._files_asked = False  # GetFiles sent, its answer not yet read (ask_for_files)
        answer = self._send({"type": "NewIndex", "config": config}, RECORD_TIMEOUT)
        self._index_id = answer["index_id"]

    def add(self, url: str, content: str, language: str, meta: dict[str, str]) -> None:
        """Queue one record. Records are sent in chunks, not a write each: on the build's
        second thread every write gives up the interpreter lock, and taking it back can wait for
        Pelican's rendering of a page. Answers that have arrived are read at each chunk, so
        that Pagefind never waits on a full pipe while the build is busy elsewhere."""
        if self._files_asked:  # its answer would be taken for a record's
            raise PagefindError("a record was added after the index files were asked for")
        self._chunk += self._encode(
            {"type": "AddRecord", "index_id": self._index_id, "url": url, "content": content,
             "language": language, "meta": meta, "filters": None, "sort": None}
        )  # fmt: skip
        self._sent += 1
        if len(self._chunk) >= self._chunk_size:
            self._flush()

    def add_records(self, records: Iterable[tuple[str, str, str, dict[str, str]]]) -> None:
        """Add (url, content, language, meta) records and wait until Pagefind has them all."""
        for url, content, language, meta in records:
            self.add(url, content, language, meta)
        self.wait_for_records()

    def wait_for_records(self) -> None:
        """Send what is queued and read every record's answer."""
        self._flush()
        while self.records < self._sent:
            self._answer(RECORD_TIMEOUT)
            self.records += 1

    def _flush(self) -> None:
        if self._chunk:
            self._put(self._chunk)
            self._chunk.clear()
        while self.records < self._sent and self._selector.select(0):
            self._receive()
            while self.records < self._sent and (message := self._take_message()) is not None:
                self._check(message)
                self.records += 1

    def ask_for_files(self) -> None:
        """Have Pagefind start building the index files from the records sent so far, without
        waiting for them: `files` collects them. Records added afterwards are not in them."""
        if not self._files_asked:
            self._flush()
            self._put(self._encode({"type": "GetFiles", "index_id": self._index_id}))
            self._files_asked = True

    def files(self) -> dict[str, bytes]:
        """The index files by their path in the bundle folder, built from the records sent
        before they were asked for (ask_for_files; here, if not yet).

        Pagefind's WriteFiles answers before every file is on disk (an empty
        wasm.unknown.pagefind was seen when the service was closed right after), so the caller
        writes the files itself.
        """
        self.ask_for_files()
        while self.records < self._sent:  # Pagefind answers in order: the records' come first
            self._answer(RECORD_TIMEOUT)
            self.records += 1
        timeout = WRITE_TIMEOUT_BASE + WRITE_TIMEOUT_PER_RECORD * self.records
        answer = self._answer(timeout)
        self._files_asked = False
        return {item["path"]: base64.b64decode(item["content"]) for item in answer["files"]}

    def running(self) -> bool:
        return self._process.poll() is None

    def close(self, discard: bool = False) -> None:
        """End the service; `discard`: at once, its index is not wanted (no wait for the
        records it still has to index)."""
        process = self._process
        if discard:
            process.kill()
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
        message = self._take_message()
        while message is None:
            if not self._selector.select(timeout):
                self._process.kill()
                raise PagefindError(f"Pagefind did not answer within {timeout:.0f} s")
            self._receive()
            message = self._take_message()
        return self._check(message)

    def _check(self, message: bytes) -> dict:
        answer = json.loads(base64.b64decode(message))
        body = answer.get("payload") or {}
        if body.get("type") == "Error":
            raise PagefindError(f"Pagefind: {body.get('message', 'unknown error')}")
        return body

    def _receive(self) -> None:
        """Read what Pagefind has written (the caller knows there is something)."""
        chunk = self._process.stdout.read1(1 << 20)
        if not chunk:
            self._process.wait()
            raise PagefindError(
                f"Pagefind stopped (exit status {self._process.returncode}){self._stderr()}"
            )
        self._pending += chunk

    def _take_message(self) -> bytes | None:
        """The next whole answer read so far, if any."""
        end = self._pending.find(b",")
        if end < 0:
            return None
        message = bytes(self._pending[:end])
        del self._pending[: end + 1]
        return message

    def _stderr(self) -> str:
        self._errors.seek(0)
        text = self._errors.read().decode("utf-8", "replace").strip()
        return f": {text[-500:]}" if text else ""
