"""Work Jinja would otherwise repeat: compiling templates at every build, and rendering the
same macro call on page after page.

Compiled templates: Pelican compiles every template it uses at every build, and again at every
rebuild of `make devserver`. The compiled code is kept in CACHE_PATH/jobposting-templates/, in
a folder per Jinja configuration (the code Jinja writes depends on Python's and Jinja's
versions and on the environment's syntax and escaping settings, which Jinja's own cache key
leaves out), under the checksum of each template's source: an edited template is compiled
anew. A cache that cannot be read or written is passed over; the build never depends on it.

Macro calls: a board shows each posting's card on the list and on four or five facet pages, and
the same "more openings" box on most postings of a department. For the macros named to
`reuse_macro_html` (whose HTML depends only on their arguments and SITEURL), a call with the
same arguments and SITEURL returns the HTML the first such call made, in one environment (one
generator of one build). Templates call them as any macro; a site's own copy of such a template
is not the one named, and is rendered at every call.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sys
from typing import ClassVar

import jinja2
from jinja2.runtime import Context, Macro

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


def keep_compiled(env: jinja2.Environment, cache_path: str) -> None:
    """Once the environment is set up: compiled templates kept under `cache_path`."""
    where = folder(cache_path, env)
    try:
        os.makedirs(where, exist_ok=True)
    except OSError:  # e.g. a read-only checkout: compile as Pelican does
        return
    env.bytecode_cache = _Cache(where)


def folder(cache_path: str, env: jinja2.Environment) -> str:
    digest = hashlib.sha256(configuration(env).encode("utf-8")).hexdigest()[:16]
    return os.path.join(cache_path, FOLDER, digest)


class _ReusingContext(Context):
    """Jinja's context, whose `call` (every call a template makes) reuses macros' HTML."""

    # Set per environment by reuse_macro_html: the templates' folder, the names of its macros
    # whose HTML is reused, that HTML by (template file, macro, SITEURL, arguments), and whether
    # each template file met is in the folder.
    folder: ClassVar[str]
    names: ClassVar[frozenset[str]]
    made: ClassVar[dict]
    files: ClassVar[dict[str, bool]]

    def call(__self, __obj, *args, **kwargs):  # Jinja's own signature
        if not isinstance(__obj, Macro) or __obj.name not in __self.names:
            return super().call(__obj, *args, **kwargs)
        file = __obj._func.__code__.co_filename  # the template the macro was compiled from
        ours = __self.files.get(file)
        if ours is None:
            ours = __self.files[file] = os.path.dirname(os.path.normpath(file)) == __self.folder
        if not ours or any(name not in ("_loop_vars", "_block_vars") for name in kwargs):
            return super().call(__obj, *args, **kwargs)
        try:
            key = (file, __obj.name, __self.get("SITEURL"), *args)
            html = __self.made.get(key)
        except TypeError:  # an argument that cannot be a key
            return super().call(__obj, *args, **kwargs)
        if html is None:
            html = __self.made[key] = super().call(__obj, *args, **kwargs)
        return html


def reuse_macro_html(env: jinja2.Environment, folder: str, names) -> None:
    """The HTML of calls of the macros `names` defined in the templates of `folder` is made once
    per set of arguments and SITEURL in this environment (see above)."""
    env.context_class = type(
        "ReusingContext",
        (_ReusingContext,),
        {"folder": os.path.normpath(folder), "names": frozenset(names), "made": {}, "files": {}},
    )
