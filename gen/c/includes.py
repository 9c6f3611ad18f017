"""Include resolution: where ``#include`` finds a file, and each file read once.

The search runs through the folders of :mod:`gen.c.search`: the user's
``-I`` folders, the system's (Linux targets), the shim headers standing in
for the Windows SDK, then gen's own standard headers. A missing include is
a warning, not a failure: extraction goes on without it.
Every folder searched in vain is recorded, since a file appearing there
later would change the result (the caches and depfiles need that).
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from gen.c import skim
from gen.c.lexer import spell, tokenize
from gen.c.macros import Expander, ExpansionBudget, Macro
from gen.c.search import SHIM_DIR, STD_DIR
from gen.c.source import SourceFile, read_source, real_path
from gen.diagnostics import GenError, Location, Reporter

#: How shim headers are named in diagnostics (``<gen>/windows.h``).
SHIM_PREFIX = "<gen>/"


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
    budget: ExpansionBudget
    #: The folders searched, in order (see gen.c.search).
    _search: list[Path]
    _once: set[Path]
    _guards: dict[Path, str]
    _cache: dict[Path, SourceFile]
    _by_name: dict[str, SourceFile]
    #: Files a stored state read (gen.c.precompiled), read again on first
    #: use: by real path (their display names), and by display name.
    _stored: dict[Path, str]
    _stored_names: dict[str, Path]
    _lines: dict[str, list[str]]
    _dir_listing: dict[Path, dict[str, str]]
    _main_real: Path | None
    _main_name: str
    _mains: dict[Path, str]
    _found: dict[Path, Path]
    #: Headers another front end provides, by file name (lower case): gen.idl
    #: provides the header of the .idl it reads, which SDK headers include.
    provided: dict[str, Callable[[], SourceFile | None]]

    def source_lines(self, name: str) -> list[str] | None:
        """The normalised lines of a file read in this run, by display name."""
        lines = self._lines.get(name)
        if lines is None:
            source = self.source_file(name)
            if source is None:
                return None
            lines = self._lines[name] = source.text.split("\n")
        return lines

    def source_file(self, name: str) -> SourceFile | None:
        """A file read in this run, by display name."""
        source = self._by_name.get(name)
        if source is None and name in self._stored_names:
            source = self._stored_source(self._stored_names[name])
        return source

    def _stored_source(self, real: Path) -> SourceFile:
        """A file of the stored state, read now (its stamps were checked
        when the state was restored)."""
        name = self._stored.pop(real)
        source = self._cache[real] = _shared_file(real, name).source
        if self._stored_names.get(name) == real:
            del self._stored_names[name]
            self._by_name[name] = source
        return source

    def _note_read(self, path: Path) -> None:
        if path not in self.files_read:
            self.files_read.append(path)

    def _include(
        self, directive: str, rest: str, current: SourceFile, dir_index: int, loc: Location, col: int
    ) -> IncludedFile | None:
        spec = rest.strip()
        if not spec.startswith(('"', "<")):
            raw = tokenize(rest, loc.file, loc.line, col)
            toks = Expander(self.macros, iter(raw), budget=self.budget).expand_all(len(raw))
            spec = spell(toks).strip()
        if spec.startswith('"') and spec.endswith('"') and len(spec) >= 2:
            target, quoted = spec[1:-1], True
        elif spec.startswith("<") and ">" in spec:
            target, quoted = spec[1 : spec.index(">")], False
        else:
            raise GenError(f'#{directive} expects "FILENAME" or <FILENAME>', loc)
        if not target.isascii():
            # The name's bytes as written (bytes that are not UTF-8 are lone
            # surrogates): a file name is bytes.
            target = os.fsdecode(target.encode("utf-8", "surrogateescape"))
        after = dir_index if directive == "include_next" else None
        provide = self.provided.get(target.replace("\\", "/").rsplit("/", 1)[-1].lower())
        if provide is not None:
            provided = provide()
            return IncludedFile(provided, -1) if provided is not None else None
        unusable: list[tuple[Path, str]] = []
        found = self._find_include(target, quoted, current, after, unusable)
        if found is None:
            self._missing(target, loc, unusable)
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

    def _missing(self, target: str, loc: Location, unusable: Sequence[tuple[Path, str]] = ()) -> None:
        """An include found nowhere: a warning, saying what stood where the
        file was looked for; a name that leads to something that cannot be
        read as a file (a FIFO, a device, a symbolic link loop) is an error."""
        for path, kind in unusable:
            if kind not in _SKIPPED_KINDS:
                raise GenError(f"cannot include '{target}': {path} is {kind}, not a regular file", loc)
        if target not in self.missing_includes:
            self.missing_includes.append(target)
        seen = "".join(f" ({path} is {kind})" for path, kind in unusable[:1])
        self.reporter.warn(f"'{target}' not found{seen}; continuing without it", loc, code="missing-include")

    def _find_include(
        self,
        target: str,
        quoted: bool,
        current: SourceFile | None,
        after: int | None,
        unusable: list[tuple[Path, str]] | None = None,
    ) -> IncludedFile | None:
        """The file ``target`` names, searched as gcc does; what stands at a
        candidate path without being a regular file goes to ``unusable``
        (directories are passed over, as by gcc)."""
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
            kind = _not_a_file(path) if unusable is not None else None
            if kind is not None and unusable is not None:
                unusable.append((path, kind))
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
        real = real_path(path)
        cached = self._cache.get(real)
        if cached is None and real in self._stored:
            cached = self._stored_source(real)
        if cached is None:
            main = real == self._main_real
            # A tree pass (gen.c.frontend) names each of its mains apart.
            display = self._main_name if main else self._mains.get(real) or included_name(path)
            # The main header is read once (and a tree pass's under their own
            # names): kept, the headers of a long run would pile up.
            cached = _shared_file(real, display, keep=not main and real not in self._mains).source
            self.budget.grant(len(cached.text))
            self._cache[real] = cached
            self._by_name.setdefault(display, cached)
            self._note_read(path if display == self._main_name else real)
            if real in self._mains:
                self._found[real] = path
        return cached


#: What may stand where an include is looked for and be passed over.
_SKIPPED_KINDS = ("a directory", "a broken symbolic link")


def _not_a_file(path: Path) -> str | None:
    """What is at ``path`` if something is but it is not a regular file
    (None when nothing is there)."""
    try:
        mode = os.lstat(path).st_mode
    except (OSError, ValueError):
        return None
    if stat.S_ISLNK(mode):
        try:
            mode = os.stat(path).st_mode
        except FileNotFoundError:
            return "a broken symbolic link"
        except OSError as exc:
            if exc.errno == errno.ELOOP:
                return "a symbolic link loop"
            return f"a symbolic link that cannot be followed ({exc.strerror or exc})"
    if stat.S_ISDIR(mode):
        return "a directory"
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return None


@dataclass
class SharedFile:
    """A file as read once per process: many headers of one run (or one
    worker) include the same SDK files."""

    stamp: tuple[int, int]
    source: SourceFile
    segments: list[tuple[int, str]] | None = None


SHARED: dict[tuple[Path, str], SharedFile] = {}
#: How many files, and how much text, SHARED keeps before it starts again
#: (a run over a whole SDK would otherwise keep every file).
_SHARED_LIMIT = 4096
_SHARED_TEXT_LIMIT = 16_000_000
_shared_text = [0]


def clear_caches() -> None:
    """Forget every file read in this process (and what was made of it)."""
    SHARED.clear()
    _shared_text[0] = 0
    skim.clear_caches()


def read_shared(path: Path, display: str) -> SourceFile:
    """A file as the preprocessor will read it (read once in this process,
    again when it changes)."""
    return _shared_file(real_path(path), display).source


def _shared_file(real: Path, display: str, keep: bool = True) -> SharedFile:
    """The file as read in this process (read now if it changed), kept for
    later runs if ``keep``."""
    try:
        st = real.stat()
        stamp = (st.st_mtime_ns, st.st_size)
    except OSError:
        stamp = (-1, -1)
    entry = SHARED.get((real, display))
    if entry is None or entry.stamp != stamp or stamp[0] < 0:
        entry = SharedFile(stamp, read_source(real, display))
        if keep:
            if len(SHARED) >= _SHARED_LIMIT or _shared_text[0] > _SHARED_TEXT_LIMIT:
                clear_caches()
            _shared_text[0] += len(entry.source.text)
            SHARED[(real, display)] = entry
    return entry


def included_name(path: Path) -> str:
    """gen's own headers are named by their include name, not their install
    path: ``<gen>/windows.h`` (a shim), ``<gen-std>/stdint.h``."""
    real = real_path(path)
    for folder, shown in ((SHIM_DIR, "<gen>"), (STD_DIR, "<gen-std>")):
        if real.is_relative_to(folder):
            return f"{shown}/{real.relative_to(folder).as_posix()}"
    return path.as_posix()
