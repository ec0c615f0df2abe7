"""The dev server's rebuild after one posting is edited, timed in its warm process.

    .venv/bin/python bench/incremental.py SETTINGS_FILE [--edits 3]

Starts the dev server's builder (openings.devserver.server.DevServer, what `make devserver`
runs) on the board SETTINGS_FILE points at, builds once (the cold start, not timed), then edits
the description of one posting after another, each time building again, and prints the
figures as one line of JSON: each rebuild's seconds, how long after it the search index was
ready (searchlater.py), and the server's resident memory once the index was ready, after each
edit (it should not grow from edit to edit). Meanwhile a client in a process of its own asks
the server (serving.py) for the list page every 20 ms, from just before the first edit until the
last index is ready, and the slowest of its answers is reported: a candidate's reload should
not wait for a build. The edited files are put back as they were at the end.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

from openings.devserver.server import DevServer, serve

EDIT = "\n\nThis paragraph was added to time the dev server.\n"

# Asks for a page every 20 ms until its standard input closes, then prints the slowest answer
# and the number of answers as JSON.
CLIENT = """
import json, sys, threading, time, urllib.request
done = threading.Event()
threading.Thread(target=lambda: (sys.stdin.read(), done.set()), daemon=True).start()
slowest, count = 0.0, 0
while not done.is_set():
    start = time.perf_counter()
    with urllib.request.urlopen(sys.argv[1], timeout=60) as page:
        page.read()
    slowest, count = max(slowest, time.perf_counter() - start), count + 1
    time.sleep(0.02)
print(json.dumps({"slowest_request_seconds": slowest, "requests": count}))
"""


def measure(settings_file: Path, output: Path, edits: int) -> dict:
    dev = DevServer(str(settings_file), {"OUTPUT_PATH": str(output)})
    start = time.perf_counter()
    if dev.build() is None:
        raise SystemExit("bench/incremental.py: the first build failed")
    first = time.perf_counter() - start
    dev.search.wait()
    postings = sorted((Path(dev.values["PATH"]) / "jobs").glob("*.md"))
    chosen = [postings[(i * 7919) % len(postings)] for i in range(edits)]
    originals = {path: path.read_bytes() for path in chosen}
    rebuilds, index_after, resident = [], [], []
    server = serve(str(output), "127.0.0.1", 0, dev.search)
    address = f"http://127.0.0.1:{server.server_address[1]}/"
    client = subprocess.Popen([sys.executable, "-c", CLIENT, address], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)  # fmt: skip
    try:
        for path in chosen:
            path.write_bytes(originals[path] + EDIT.encode())
            done = dev.build()
            if done is None:
                raise SystemExit(f"bench/incremental.py: the build after editing {path} failed")
            rebuilds.append(done.seconds)
            waited = time.perf_counter()
            dev.search.wait()
            index_after.append(time.perf_counter() - waited)
            resident.append(resident_mb())
        answers, _ = client.communicate("", timeout=120)  # closes its input: it stops
        if client.returncode != 0:
            raise SystemExit("bench/incremental.py: a request to the dev server failed")
    finally:
        for path, data in originals.items():
            path.write_bytes(data)
        if client.poll() is None:
            client.kill()
        server.shutdown()
    return {"first_build_seconds": first, "rebuild_seconds": rebuilds,
            "search_index_after_seconds": index_after,
            "resident_mb_after_edits": resident, **json.loads(answers)}  # fmt: skip


def resident_mb() -> float | None:
    """This process's resident memory now, from /proc (None elsewhere than Linux)."""
    try:
        with open("/proc/self/statm", encoding="ascii") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError, IndexError):
        return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("settings", type=Path)
    parser.add_argument("--output", type=Path, help="default: dev-output beside the settings")
    parser.add_argument("--edits", type=int, default=3)
    args = parser.parse_args(argv)
    output = args.output or args.settings.parent / "dev-output"
    print(json.dumps(measure(args.settings, output, args.edits)), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
