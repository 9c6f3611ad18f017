"""The quick path: an unchanged rerun answered before anything heavy loads.

A run that found every output already current leaves a *stamp*: what it
printed, its exit code, and everything its result depended on (each file
read, each output and depfile, gen's own files, the pyproject.toml files
that were or were not there on the way up, the folders where something was
looked for in vain). A later run with the same arguments, working folder and
interpreter replays the stamp when every one of those is as it was, and
otherwise falls through to the CLI and the run cache (:mod:`gen.run.cache`).
A hit imports only ``os``, ``sys``, ``marshal`` and ``zlib``, so a rerun in
a build costs little more than starting the interpreter.

A file counts as unchanged when its size, inode, mtime and ctime match the
stamp and that ctime is older than the stamp by more than :data:`RACY_NS`.
Otherwise its content hash decides, so a file rewritten within the
timestamp granularity of its recording is never taken on its times alone
(git's "racily clean" rule).

A stamp is input like any other: one that does not have exactly the
expected shape (fields, types) is ignored, and the run goes the normal way.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import sys
import zlib
from collections.abc import Iterable, Sequence
from typing import Any

STAMP_VERSION = 2
RACY_NS = 2_000_000_000
#: The installed package (gen/, one level up from gen/run/).
PACKAGE_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# (path, size, inode, mtime_ns, ctime_ns, content hash)
FileEntry = tuple[str, int, int, int, int, str]


def file_hash(path: str | os.PathLike[str]) -> str | None:
    """The content hash the caches compare; None if unreadable."""
    import hashlib

    try:
        with open(path, "rb") as f:
            return hashlib.blake2b(f.read(), digest_size=20).hexdigest()
    except OSError:
        return None


def dir_state(path: str | os.PathLike[str]) -> int | None:
    """A folder's modification time (changes when an entry is added), or None."""
    try:
        return os.stat(path).st_mtime_ns
    except OSError:
        return None


def own_files() -> list[str]:
    """gen's own files (code, shims, data, templates), sorted."""
    roots = [PACKAGE_DIR]
    templates = os.path.join(os.path.dirname(PACKAGE_DIR), "templates")
    if not os.path.isdir(os.path.join(PACKAGE_DIR, "templates")) and os.path.isdir(templates):
        roots.append(templates)
    found: list[str] = []
    for root in roots:
        for folder, subdirs, files in os.walk(root):
            subdirs[:] = sorted(d for d in subdirs if d != "__pycache__")
            found += [os.path.join(folder, f) for f in sorted(files)]
    return found


def _key(argv: Sequence[str]) -> bytes:
    # repr, not marshal: marshal's bytes for equal values may differ.
    return repr((STAMP_VERSION, sys.version, os.getcwd(), tuple(argv))).encode("utf-8", "surrogateescape")


def cache_folder() -> str:
    """``$GEN_CACHE_DIR``, else ``$XDG_CACHE_HOME/gen``, else ``~/.cache/gen``."""
    explicit = os.environ.get("GEN_CACHE_DIR")
    if explicit:
        return explicit
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "gen")


def _stamp_path(key: bytes) -> str:
    # gen.run.cache knows this pattern (quick-<16 hex digits>.stamp).
    return os.path.join(cache_folder(), f"quick-{zlib.crc32(key):08x}{zlib.adler32(key):08x}.stamp")


_FIELDS = frozenset(("version", "key", "time", "files", "absent", "dirs", "stdout", "stderr", "code"))


def _is_int(value: object) -> bool:
    return type(value) is int  # not bool


def _valid(stamp: object) -> bool:
    """Whether ``stamp`` has exactly the shape :func:`store` writes."""
    if not isinstance(stamp, dict) or set(stamp) != _FIELDS:
        return False
    files, absent, dirs = stamp["files"], stamp["absent"], stamp["dirs"]
    return (
        _is_int(stamp["version"])
        and isinstance(stamp["key"], bytes)
        and _is_int(stamp["time"])
        and isinstance(files, list)
        and all(
            isinstance(f, tuple)
            and len(f) == 6
            and isinstance(f[0], str)
            and all(_is_int(n) for n in f[1:5])
            and isinstance(f[5], str)
            for f in files
        )
        and isinstance(absent, list)
        and all(isinstance(a, str) for a in absent)
        and isinstance(dirs, list)
        and all(
            isinstance(d, tuple) and len(d) == 2 and isinstance(d[0], str) and (d[1] is None or _is_int(d[1]))
            for d in dirs
        )
        and isinstance(stamp["stdout"], str)
        and isinstance(stamp["stderr"], str)
        and _is_int(stamp["code"])
        and 0 <= stamp["code"] <= 255
    )


def _unchanged(entry: FileEntry, stamped_at: int) -> bool:
    path, size, ino, mtime, ctime, digest = entry
    try:
        st = os.stat(path)
    except OSError:
        return False
    if (st.st_size, st.st_ino, st.st_mtime_ns, st.st_ctime_ns) == (size, ino, mtime, ctime):
        if ctime < stamped_at - RACY_NS:
            return True
    elif st.st_size != size:
        return False
    return file_hash(path) == digest


def replay(argv: Sequence[str]) -> int | None:
    """Print what the stamped run printed and return its exit code, if this
    run's arguments have a stamp and nothing it depends on changed; else None."""
    if os.environ.get("GEN_NO_CACHE"):
        return None
    try:
        key = _key(argv)
        path = _stamp_path(key)
        with open(path, "rb") as f:
            stamp: dict[str, Any] = marshal.load(f)
        if not _valid(stamp) or stamp["version"] != STAMP_VERSION or stamp["key"] != key:
            return None
        at = stamp["time"]
        if not all(_unchanged(entry, at) for entry in stamp["files"]):
            return None
        if any(os.path.lexists(path) for path in stamp["absent"]):
            return None
        if any(dir_state(path) != state for path, state in stamp["dirs"]):
            return None
        stdout, stderr, code = stamp["stdout"], stamp["stderr"], stamp["code"]
        with contextlib.suppress(OSError):
            os.utime(path)  # recently used: the cache evicts it last
    except Exception:
        return None  # no stamp, or an unreadable or malformed one: the normal path decides
    try:
        sys.stdout.write(stdout)
        sys.stdout.flush()
        sys.stderr.write(stderr)
        sys.stderr.flush()
    except BrokenPipeError:
        # As gen.run.cli does: stop quietly, exit code 2.
        with contextlib.suppress(OSError, ValueError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 2
    return int(code)


def store(
    argv: Sequence[str],
    files: Iterable[str],
    absent: Iterable[str],
    dirs: Iterable[str],
    printed: tuple[str, str],
    code: int,
    not_after: int,
) -> None:
    """Stamp a run that changed nothing. Skipped when any file is missing or
    changed after ``not_after`` (time.time_ns() when the run started); a
    stamp that cannot be written is silently skipped."""
    import time

    now = time.time_ns()
    key = _key(argv)
    entries: list[FileEntry] = []
    for path in dict.fromkeys(os.path.abspath(p) for p in files):
        try:
            st = os.stat(path)
        except OSError:
            return
        if st.st_ctime_ns >= not_after:
            return
        digest = file_hash(path)
        if digest is None:
            return
        entries.append((path, st.st_size, st.st_ino, st.st_mtime_ns, st.st_ctime_ns, digest))
    stamp = {
        "version": STAMP_VERSION,
        "key": key,
        "time": now,
        "files": entries,
        "absent": sorted({os.path.abspath(p) for p in absent}),
        "dirs": [(d, dir_state(d)) for d in dict.fromkeys(os.path.abspath(p) for p in dirs)],
        "stdout": printed[0],
        "stderr": printed[1],
        "code": code,
    }
    path = _stamp_path(key)
    # Written as every file gen writes (atomically; a temporary file named
    # as the cache's housekeeping expects), loaded only now: a full run.
    from pathlib import Path

    from gen.diagnostics import GenError
    from gen.output.writer import PlannedOutput, write_outputs

    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        write_outputs([PlannedOutput(Path(path), "", marshal.dumps(stamp))])
    except (OSError, GenError):
        return


class Recorder:
    """A text stream that passes everything through to ``stream`` and keeps
    a copy, so a run's printed text can be stamped."""

    def __init__(self, stream: Any) -> None:
        self.stream = stream
        self.parts: list[str] = []

    def write(self, text: str) -> int:
        self.parts.append(text)
        return int(self.stream.write(text))

    def flush(self) -> None:
        self.stream.flush()

    def text(self) -> str:
        return "".join(self.parts)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.stream, name)
