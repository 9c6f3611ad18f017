"""Include resolution: where ``#include`` finds a file, and each file read once.

The search runs through the user's ``-I`` folders, then the shim headers
shipped with gen (``gen/include``), which stand in for the Windows SDK. A
missing include is a warning, not a failure: extraction goes on without it.
Every folder searched in vain is recorded, since a file appearing there
later would change the result (the caches and depfiles need that).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from gen.c import skim
from gen.c.lexer import spell, tokenize
from gen.c.macros import Expander, Macro
from gen.c.source import SourceFile, read_source
from gen.diagnostics import GenError, Location, Reporter

#: The installed package (gen/): the shim headers and target data live there.
PACKAGE_DIR = Path(__file__).resolve().parent.parent
SHIM_DIR = PACKAGE_DIR / "include"


@dataclass
class IncludedFile:
    source: SourceFile
    #: Index of the search directory the file was found in (for #include_next).
    dir_index: int


class IncludeResolver:
    """The include half of :class:`gen.c.preprocessor.Preprocessor` (a mixin:
    the state it reads is the preprocessor's)."""

    macros: dict[str, Macro]
    reporter: Reporter
    files_read: list[Path]
    missing_includes: list[str]
    dirs_probed: set[str]
    #: The folders searched, in order (-I folders, then the shims).
    _search: list[Path]
    _once: set[Path]
    _guards: dict[Path, str]
    _cache: dict[Path, SourceFile]
    _by_name: dict[str, SourceFile]
    _lines: dict[str, list[str]]
    _dir_listing: dict[Path, dict[str, str]]
    _main_real: Path | None
    _main_name: str
    #: Headers another front end provides, by file name (lower case): gen.idl
    #: provides the header of the .idl it reads, which SDK headers include.
    provided: dict[str, Callable[[], SourceFile | None]]

    def source_lines(self, name: str) -> list[str] | None:
        """The normalised lines of a file read in this run, by display name."""
        lines = self._lines.get(name)
        if lines is None:
            source = self._by_name.get(name)
            if source is None:
                return None
            lines = self._lines[name] = source.text.split("\n")
        return lines

    def source_file(self, name: str) -> SourceFile | None:
        """A file read in this run, by display name."""
        return self._by_name.get(name)

    def _note_read(self, path: Path) -> None:
        if path not in self.files_read:
            self.files_read.append(path)

    def _include(
        self, directive: str, rest: str, current: SourceFile, dir_index: int, loc: Location, col: int
    ) -> IncludedFile | None:
        spec = rest.strip()
        if not spec.startswith(('"', "<")):
            toks = Expander(self.macros, iter(tokenize(rest, loc.file, loc.line, col))).expand_all()
            spec = spell(toks).strip()
        if spec.startswith('"') and spec.endswith('"') and len(spec) >= 2:
            target, quoted = spec[1:-1], True
        elif spec.startswith("<") and ">" in spec:
            target, quoted = spec[1 : spec.index(">")], False
        else:
            raise GenError(f'#{directive} expects "FILENAME" or <FILENAME>', loc)
        if current.encoding == "latin-1" and not target.isascii():
            # The name's bytes as written: a file name is bytes, not Latin-1.
            target = os.fsdecode(target.encode("latin-1"))
        after = dir_index if directive == "include_next" else None
        provide = self.provided.get(target.replace("\\", "/").rsplit("/", 1)[-1].lower())
        if provide is not None:
            provided = provide()
            return IncludedFile(provided, -1) if provided is not None else None
        found = self._find_include(target, quoted, current, after)
        if found is None:
            self._missing(target, loc)
            return None
        path = found.source.path  # resolved
        if path in self._once:
            return None
        guard = self._guards.get(path)
        if guard is not None and guard in self.macros:
            return None
        if directive == "import":
            self._once.add(path)
        return found

    def _missing(self, target: str, loc: Location) -> None:
        if target not in self.missing_includes:
            self.missing_includes.append(target)
        self.reporter.warn(f"'{target}' not found; continuing without it", loc, code="missing-include")

    def _find_include(
        self, target: str, quoted: bool, current: SourceFile | None, after: int | None
    ) -> IncludedFile | None:
        target = target.replace("\\", "/")
        candidates: list[tuple[Path, int]] = []
        if Path(target).is_absolute():
            candidates.append((Path(target), -1))
        else:
            if quoted and current is not None and after is None and current.path.parent != Path("<command line>"):
                candidates.append((current.path.parent / target, -1))
            start = 0 if after is None else after + 1
            for i in range(start, len(self._search)):
                candidates.append((self._search[i] / target, i))
        for path, index in candidates:
            resolved = self._resolve_case(path)
            if resolved is not None:
                return IncludedFile(self._load(resolved, target), index)
            # A file appearing here later would change the result (for caches).
            self.dirs_probed.add(str(path.parent))
        return None

    def _resolve_case(self, path: Path) -> Path | None:
        """``path`` if it exists; else a case-insensitive match (Windows
        headers spell ``Windows.h`` and ``windows.h`` interchangeably)."""
        if path.is_file():
            return path
        parent = path.parent
        listing = self._dir_listing.get(parent)
        if listing is None:
            try:
                listing = {n.lower(): n for n in os.listdir(parent)}
            except OSError:
                listing = {}
            self._dir_listing[parent] = listing
        real = listing.get(path.name.lower())
        if real is not None and (parent / real).is_file():
            return parent / real
        return None

    def _load(self, path: Path, name: str) -> SourceFile:
        real = path.resolve()
        cached = self._cache.get(real)
        if cached is None:
            display = self._main_name if real == self._main_real else _display_name(path)
            cached = _shared_file(real, display).source
            self._cache[real] = cached
            self._by_name.setdefault(display, cached)
            self._note_read(path if display == self._main_name else real)
        return cached


@dataclass
class SharedFile:
    """A file as read once per process: many headers of one run (or one
    worker) include the same SDK files."""

    stamp: tuple[int, int]
    source: SourceFile
    segments: list[tuple[int, str]] | None = None


SHARED: dict[tuple[Path, str], SharedFile] = {}
_SHARED_LIMIT = 4096


def _shared_file(real: Path, display: str) -> SharedFile:
    try:
        st = real.stat()
        stamp = (st.st_mtime_ns, st.st_size)
    except OSError:
        stamp = (-1, -1)
    entry = SHARED.get((real, display))
    if entry is None or entry.stamp != stamp or stamp[0] < 0:
        if len(SHARED) >= _SHARED_LIMIT:
            SHARED.clear()
            skim.clear_caches()
        entry = SharedFile(stamp, read_source(real, display))
        SHARED[(real, display)] = entry
    return entry


def _display_name(path: Path) -> str:
    """Shim headers are named by their include name, not their install path."""
    try:
        rel = path.resolve().relative_to(SHIM_DIR)
        return f"<gen>/{rel.as_posix()}"
    except ValueError:
        return path.as_posix()
