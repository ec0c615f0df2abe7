"""Compiled templates kept from one build to the next (Jinja's bytecode cache).

Pelican compiles every template it uses at every build: at N = 1,000, 0.13-0.16 s in the
build's process and 0.06 s more in the process writing the posting pages, and again at every
rebuild of `make devserver`. The compiled code is kept in CACHE_PATH/jobposting-templates/, in
a folder per Jinja configuration (the code Jinja writes depends on Python's and Jinja's
versions and on the environment's syntax and escaping settings, which Jinja's own cache key
leaves out), under the checksum of each template's source: an edited template is compiled
anew. A cache that cannot be read or written is passed over; the build never depends on it.
JOBPOSTING_TEMPLATE_CACHE = False turns it off.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sys

import jinja2

FOLDER = "jobposting-templates"  # in Pelican's CACHE_PATH


class _Cache(jinja2.FileSystemBytecodeCache):
    """Jinja's file cache, minus its failures: a miss instead of a broken or unwritable file."""

    def load_bytecode(self, bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except Exception:  # a damaged file (a crash mid-write, another tool): compile anew
            bucket.reset()

    def dump_bytecode(self, bucket) -> None:
        # read-only or full disk: this build compiled it, the next one will too
        with contextlib.suppress(OSError):
            super().dump_bytecode(bucket)


def configuration(env: jinja2.Environment) -> str:
    """What, besides a template's source, decides the code Jinja compiles it to."""
    escape = env.autoescape
    return repr(
        (
            sys.version, jinja2.__version__,
            env.block_start_string, env.block_end_string, env.variable_start_string,
            env.variable_end_string, env.comment_start_string, env.comment_end_string,
            env.line_statement_prefix, env.line_comment_prefix, env.trim_blocks,
            env.lstrip_blocks, env.newline_sequence, env.keep_trailing_newline, env.optimized,
            env.is_async, env.finalize is not None, sorted(env.extensions),
            escape if isinstance(escape, bool) else getattr(escape, "__qualname__", repr(escape)),
        )
    )  # fmt: skip


def folder(values, env: jinja2.Environment) -> str:
    digest = hashlib.sha256(configuration(env).encode("utf-8")).hexdigest()[:16]
    return os.path.join(values["CACHE_PATH"], FOLDER, digest)


def attach(generator) -> None:
    """generator_init, once the plugin has set up the environment: use the cache."""
    values = generator.settings
    if not values.get("JOBPOSTING_TEMPLATE_CACHE", True) or not values.get("CACHE_PATH"):
        return
    where = folder(values, generator.env)
    try:
        os.makedirs(where, exist_ok=True)
    except OSError:  # e.g. a read-only checkout: compile as Pelican does
        return
    generator.env.bytecode_cache = _Cache(where)
