"""A cache of whole runs, keyed by the content of everything they read.

A record holds what a successful run produced (output texts, the warnings
it printed, the files a depfile names) together with a content hash of every
file the run read and the state of every folder in which an include was
looked for and not found. A lookup re-hashes those files and re-reads those
folders' modification times; any difference, any change to gen itself
(its code, templates, shims) or to the settings, and the record is ignored.
So a hit is exactly what a fresh run would produce, without importing the
parser or Jinja.

Records live in ``$GEN_CACHE_DIR``, else ``$XDG_CACHE_HOME/gen``, else
``~/.cache/gen``; ``--no-cache`` (or ``GEN_NO_CACHE=1``) turns the cache off.
The folder is kept under ``$GEN_CACHE_MAX_MB`` megabytes (default
:data:`DEFAULT_MAX_MB`): storing a record deletes the least recently used
files (records, quick-path stamps, compiled templates) beyond it.
``gen --clear-cache`` deletes them all.

A record is input like any other: one that does not have exactly the
expected shape is ignored, and the run is done in full.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import os
import re
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gen import __version__
from gen.output.writer import TEMP_NAME, PlannedOutput, remove_stale_temporaries, write_outputs
from gen.run.quick import PACKAGE_DIR, RACY_NS, cache_folder, dir_state, file_hash, own_files

RECORD_VERSION = 2
#: The cache's size limit in megabytes, unless $GEN_CACHE_MAX_MB says otherwise.
DEFAULT_MAX_MB = 200
#: Files of the cache folder that are gen's (records, stamps, temporaries).
RECORD_NAME = re.compile(r"[0-9a-f]{40}\.json\Z")
STAMP_NAME = re.compile(r"quick-[0-9a-f]{16}\.stamp\Z")
#: States after the forced includes (see PrefixCache).
PREFIX_NAME = re.compile(r"prefix-[0-9a-f]{40}\.json\Z")
#: The folder of compiled templates (gen.output.render) and its files.
JINJA_FOLDER = "jinja"
_JINJA_NAME = re.compile(r"__jinja2_.*\.cache\Z")


def cache_dir() -> Path:
    return Path(cache_folder())


_SELF_HASH: str | None = None


def _self_hash() -> str:
    """A hash of gen's own files: code, templates, shims, data."""
    global _SELF_HASH
    if _SELF_HASH is None:
        h = hashlib.blake2b(__version__.encode(), digest_size=20)
        for path in own_files():
            h.update(os.path.relpath(path, PACKAGE_DIR).encode())
            with open(path, "rb") as f:
                h.update(f.read())
        _SELF_HASH = h.hexdigest()
    return _SELF_HASH


def run_key(settings: Sequence[Any], extra: dict[str, Any]) -> str:
    """The key of a run: gen itself, the settings, the working folder."""
    payload = {
        "record": RECORD_VERSION,
        "gen": _self_hash(),
        "cwd": os.getcwd(),
        "settings": [dataclasses.asdict(s) for s in settings],
        "extra": extra,
    }
    text = json.dumps(payload, sort_keys=True, default=str)
    return hashlib.blake2b(text.encode(), digest_size=20).hexdigest()


@dataclass
class Record:
    #: Every file read, with its content hash.
    inputs: dict[str, str]
    #: Folders where an include was looked for in vain, with their state.
    dirs: dict[str, int | None]
    #: (path, text) of every output.
    outputs: list[tuple[str, str]]
    #: Diagnostics printed (warnings), already formatted.
    diagnostics: list[str]
    #: The files a depfile names.
    deps: list[str]

    def is_current(self) -> bool:
        for path, digest in self.inputs.items():
            if file_hash(path) != digest:
                return False
        return all(dir_state(path) == state for path, state in self.dirs.items())


def _strings(value: object) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def _parse(data: object) -> Record | None:
    """A record from its JSON, if every field has the expected type."""
    if not isinstance(data, dict) or set(data) != {f.name for f in dataclasses.fields(Record)}:
        return None
    inputs, dirs, outputs = data["inputs"], data["dirs"], data["outputs"]
    if not (isinstance(inputs, dict) and all(isinstance(v, str) for v in inputs.values())):
        return None
    if not (isinstance(dirs, dict) and all(v is None or type(v) is int for v in dirs.values())):
        return None
    if not (isinstance(outputs, list) and all(_strings(o) and len(o) == 2 for o in outputs)):
        return None
    if not (_strings(data["diagnostics"]) and _strings(data["deps"])):
        return None
    return Record(dict(inputs), dict(dirs), [(p, t) for p, t in outputs], data["diagnostics"], data["deps"])


def load(key: str) -> Record | None:
    """The record of ``key`` if there is one, well formed and current."""
    path = cache_dir() / f"{key}.json"
    try:
        record = _parse(json.loads(path.read_text(encoding="utf-8", errors="surrogateescape")))
    except (OSError, ValueError, RecursionError):
        return None
    if record is None or not record.is_current():
        return None
    with _quietly():
        os.utime(path)  # recently used: the last to be evicted
    return record


def _quietly() -> contextlib.suppress:
    """The cache is a help, never a reason to fail."""
    return contextlib.suppress(OSError)


def store(key: str, record: Record) -> None:
    """Save a record, then keep the folder under its size limit; a cache
    that cannot be written is silently skipped."""
    folder = cache_dir()
    text = json.dumps(dataclasses.asdict(record))
    with _quietly():
        folder.mkdir(parents=True, exist_ok=True)
        write_outputs([PlannedOutput(folder / f"{key}.json", text)])
    with _quietly():
        remove_stale_temporaries(folder)
        trim(max_bytes())


def max_bytes() -> int:
    """The size limit: $GEN_CACHE_MAX_MB megabytes, else the default."""
    try:
        megabytes = float(os.environ.get("GEN_CACHE_MAX_MB", DEFAULT_MAX_MB))
    except ValueError:
        megabytes = DEFAULT_MAX_MB
    return max(0, int(megabytes * 1_000_000))


def _own_files() -> Iterator[os.DirEntry[str]]:
    """gen's files in the cache folder: records, stamps, temporaries and
    compiled templates (nothing else, should the folder be shared)."""
    folder = cache_dir()
    for sub, pattern in ((folder, None), (folder / JINJA_FOLDER, _JINJA_NAME)):
        try:
            with os.scandir(sub) as entries:
                for entry in entries:
                    if pattern is not None:
                        mine = bool(pattern.match(entry.name))
                    else:
                        mine = any(p.match(entry.name) for p in (RECORD_NAME, STAMP_NAME, PREFIX_NAME, TEMP_NAME))
                    if mine and entry.is_file(follow_symlinks=False):
                        yield entry
        except OSError:
            continue


def trim(limit: int) -> int:
    """Delete the least recently used files until the cache holds at most
    ``limit`` bytes; how many were deleted."""
    files = []
    for entry in _own_files():
        with _quietly():
            st = entry.stat(follow_symlinks=False)
            files.append((st.st_mtime_ns, st.st_size, entry.path))
    total = sum(size for _, size, _ in files)
    removed = 0
    for _, size, path in sorted(files):
        if total <= limit:
            break
        with _quietly():
            os.unlink(path)
            total -= size
            removed += 1
    return removed


def clear() -> int:
    """Delete every file of the cache; how many were deleted."""
    removed = 0
    for entry in list(_own_files()):
        with _quietly():
            os.unlink(entry.path)
            removed += 1
    with _quietly():
        os.rmdir(cache_dir() / JINJA_FOLDER)
    return removed


def make_record(
    files_read: Sequence[str],
    dirs_probed: Sequence[str],
    outputs: Sequence[tuple[str, str]],
    diagnostics: Sequence[str],
    deps: Sequence[str],
    not_after: int,
) -> Record | None:
    """A record of a finished run; None if some input vanished or changed
    after ``not_after`` (time.time_ns() when the run started): the outputs
    might come from its old content."""
    inputs: dict[str, str] = {}
    for path in dict.fromkeys(files_read):
        try:
            if os.stat(path).st_mtime_ns >= not_after:
                return None
        except OSError:
            return None
        digest = file_hash(path)
        if digest is None:
            return None
        inputs[path] = digest
    dirs = {d: dir_state(d) for d in dict.fromkeys(dirs_probed)}
    return Record(inputs, dirs, list(outputs), list(diagnostics), list(deps))


class PrefixCache:
    """The state after the forced includes (``-include windows.h``), kept
    in the cache folder as ``prefix-<key>.json`` for later processes with
    the same options (see gen.c.precompiled): plain JSON, keyed by the
    options, the working folder and gen itself, counted toward the size
    limit like every record. The C front end checks each file's and
    folder's stamp before using one."""

    def load(self, key: dict[str, Any]) -> object | None:
        path = cache_dir() / f"prefix-{self._hash(key)}.json"
        try:
            data = json.loads(path.read_text(encoding="utf-8", errors="surrogateescape"))
        except (OSError, ValueError, RecursionError):
            return None
        if not isinstance(data, dict) or data.get("key") != key or data.get("gen") != _self_hash():
            return None
        with _quietly():
            os.utime(path)  # recently used: the last to be evicted
        return data.get("state")

    def save(self, key: dict[str, Any], data: dict[str, Any], inputs: list[str]) -> None:
        """Store unless some input changed too recently to be told apart
        from a later change by its stamp (see gen.run.quick.RACY_NS)."""
        now = time.time_ns()
        for path in inputs:
            state = dir_state(path)
            if state is not None and state >= now - RACY_NS:
                return
        text = json.dumps({"key": key, "gen": _self_hash(), "state": data}, separators=(",", ":"))
        folder = cache_dir()
        with _quietly():
            folder.mkdir(parents=True, exist_ok=True)
            write_outputs([PlannedOutput(folder / f"prefix-{self._hash(key)}.json", text)])
        with _quietly():
            remove_stale_temporaries(folder)
            trim(max_bytes())

    @staticmethod
    def _hash(key: dict[str, Any]) -> str:
        text = json.dumps({"gen": _self_hash(), "key": key}, sort_keys=True)
        return hashlib.blake2b(text.encode(), digest_size=20).hexdigest()
