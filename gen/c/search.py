"""The include search path: the folders ``#include <...>`` looks in, in
order, each with where it came from.

Built as a compiler driver builds it:

1. the user's ``-I`` folders;
2. for a Linux target, the system's folders: ``/usr/local/include``, the
   multiarch folder (``/usr/include/x86_64-linux-gnu``) and
   ``/usr/include``, in the order gcc and clang search them, each only if
   it exists (under ``--sysroot DIR`` when one is given);
3. gen's shim headers (``gen/include``), standing in for the Windows SDK;
4. gen's own standard headers (``gen/stdinc``: ``stdint.h``, ``limits.h``,
   ``stddef.h``, ...), last, as clang's resource folder, so that a real SDK
   or C library always wins.

Discovery only looks at the file system: it asks no compiler and runs
nothing, so the same machine always gives the same path. Every folder it
looked at, found or not, is reported (a folder appearing later changes the
path, which the run cache and the depfile must notice).

Kept free of heavy imports: ``gen --print-search-dirs`` uses it alone.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

#: The installed package (gen/): the shim and standard headers live there.
PACKAGE_DIR = Path(__file__).resolve().parent.parent
SHIM_DIR = PACKAGE_DIR / "include"
STD_DIR = PACKAGE_DIR / "stdinc"

#: Targets whose system folders are looked for, and their multiarch name
#: (Debian's folder for the target's own headers under /usr/include).
MULTIARCH = {"x86_64-linux-gnu": "x86_64-linux-gnu"}

#: Where each folder of the path came from (``--print-search-dirs`` shows it).
USER = "-I"
SYSTEM = "system"
SHIMS = "shims"
STANDARD = "standard"


@dataclass(frozen=True)
class SearchDir:
    path: Path
    origin: str


@dataclass(frozen=True)
class SearchPath:
    dirs: tuple[SearchDir, ...]
    #: The system folders looked for, present or not (absolute paths).
    probed: tuple[str, ...]


def system_candidates(target: str, sysroot: str | None = None) -> list[Path]:
    """The system folders a driver would search for ``target``, whether
    they exist or not; none for a target without system folders (Windows)."""
    arch = MULTIARCH.get(target)
    if arch is None:
        return []
    root = Path(os.path.abspath(sysroot)) if sysroot else Path("/")
    return [root / "usr/local/include", root / "usr/include" / arch, root / "usr/include"]


def search_path(
    include_dirs: Sequence[str],
    target: str,
    *,
    shims: bool = True,
    system_includes: bool = True,
    sysroot: str | None = None,
) -> SearchPath:
    """The folders searched for ``#include <...>``, in order."""
    dirs = [SearchDir(Path(d), USER) for d in include_dirs]
    probed: list[str] = []
    if system_includes:
        for candidate in system_candidates(target, sysroot):
            probed.append(str(candidate))
            if candidate.is_dir():
                dirs.append(SearchDir(candidate, SYSTEM))
    if shims:
        dirs.append(SearchDir(SHIM_DIR, SHIMS))
    dirs.append(SearchDir(STD_DIR, STANDARD))
    return SearchPath(tuple(dirs), tuple(probed))


def nearest_existing(folder: str) -> str:
    """``folder`` if it exists, else its nearest existing parent: the folder
    whose modification time changes when ``folder`` is created (what a
    depfile can name for a folder that is not there)."""
    path = Path(folder)
    while not path.is_dir() and path.parent != path:
        path = path.parent
    return str(path)


__all__ = [
    "MULTIARCH",
    "SHIMS",
    "SHIM_DIR",
    "STANDARD",
    "STD_DIR",
    "SYSTEM",
    "USER",
    "SearchDir",
    "SearchPath",
    "nearest_existing",
    "search_path",
    "system_candidates",
]
