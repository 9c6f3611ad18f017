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
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gen import __version__
from gen.run.quick import PACKAGE_DIR, cache_folder, dir_state, file_hash, own_files

RECORD_VERSION = 1


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


def load(key: str) -> Record | None:
    path = cache_dir() / f"{key}.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        record = Record(
            inputs=dict(data["inputs"]),
            dirs=dict(data["dirs"]),
            outputs=[(p, t) for p, t in data["outputs"]],
            diagnostics=list(data["diagnostics"]),
            deps=list(data["deps"]),
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return record if record.is_current() else None


def store(key: str, record: Record) -> None:
    """Save a record; a cache that cannot be written is silently skipped."""
    folder = cache_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{key}.", suffix=".tmp", dir=folder)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(dataclasses.asdict(record), f)
        os.replace(tmp, folder / f"{key}.json")
    except OSError:
        return


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
