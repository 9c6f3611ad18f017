"""The header corpora: Debian packages fetched with `apt-get download`, unpacked with `dpkg-deb -x`.

Nothing is installed and nothing lands in the repo: the .deb files and the unpacked tree live in a
cache folder (``~/.cache/gen-tests/corpus``, or ``$GEN_CORPUS_CACHE``) and are reused on later runs.

Corpora:
  wine   libwine-dev (Wine 8.0 on Debian 12): usr/include/wine/wine/windows/**.h, with the Wine CRT
         headers (msvcrt) after it on the include path.
  mingw  mingw-w64-common + mingw-w64-x86-64-dev (mingw-w64 10.0): usr/x86_64-w64-mingw32/include/**.h
         (a tree of relative symlinks into usr/share/mingw-w64/include).
Plus libclang-common-16-dev, for clang's own resource headers (stddef.h, x86intrin.h, ...), which the
libclang wheel does not ship; only the clang oracle gets that folder, our tool uses its built-in shims.
"""

from __future__ import annotations

import fcntl
import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

PACKAGES = ("libwine-dev", "mingw-w64-common", "mingw-w64-x86-64-dev", "libclang-common-16-dev")
CORPUS_NAMES = ("wine", "mingw")


class CorpusError(RuntimeError):
    """The corpus could not be fetched or unpacked (no network, no apt-get, ...)."""


@dataclass(frozen=True)
class Corpus:
    name: str
    #: Debian package versions the headers came from, e.g. {"libwine-dev": "8.0~repack-4"}.
    versions: dict[str, str]
    #: Headers are named relative to this folder ("d3d9types.h", "ddk/ntddk.h").
    root: Path
    headers: tuple[str, ...]
    #: For clang and for our tool alike (-I, in order).
    include_dirs: tuple[str, ...]
    #: clang's resource headers; for the clang oracle only (-isystem, after include_dirs).
    resource_dir: str

    def path(self, header: str) -> Path:
        return self.root / header


def cache_dir() -> Path:
    return Path(os.environ.get("GEN_CORPUS_CACHE") or "~/.cache/gen-tests/corpus").expanduser()


def _run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(args, cwd=cwd, capture_output=True, text=True, check=False)
    except OSError as exc:  # no apt-get / dpkg-deb on this machine
        raise CorpusError(f"cannot run {args[0]}: {exc}") from exc


def _download(package: str, debs: Path) -> Path:
    def found() -> Path | None:
        hits = sorted(debs.glob(f"{package}_*.deb"))
        return hits[-1] if hits else None

    if (deb := found()) is not None:
        return deb
    proc = _run(["apt-get", "download", package], debs)
    if proc.returncode != 0:  # maybe the package lists are stale or missing
        _run(["apt-get", "update"], debs)
        proc = _run(["apt-get", "download", package], debs)
    if proc.returncode != 0 or (deb := found()) is None:
        raise CorpusError(f"apt-get download {package} failed (network? apt sources?):\n{proc.stderr.strip()}")
    return deb


def fetch(cache: Path | None = None) -> Path:
    """Download and unpack every package once; return the unpacked tree. Safe to call concurrently."""
    cache = cache or cache_dir()
    debs, tree = cache / "debs", cache / "root"
    debs.mkdir(parents=True, exist_ok=True)
    tree.mkdir(parents=True, exist_ok=True)
    with open(cache / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        for package in PACKAGES:
            marker = tree / f".{package}.unpacked"
            if marker.exists():
                continue
            deb = _download(package, debs)
            proc = _run(["dpkg-deb", "-x", str(deb), str(tree)], debs)
            if proc.returncode != 0:
                raise CorpusError(f"dpkg-deb -x {deb.name} failed:\n{proc.stderr.strip()}")
            marker.write_text(deb.name.split("_")[1].replace("%3a", ":") + "\n")
    return tree


def _versions(tree: Path, packages: tuple[str, ...]) -> dict[str, str]:
    return {p: (tree / f".{p}.unpacked").read_text().strip() for p in packages}


def _headers(root: Path) -> tuple[str, ...]:
    return tuple(sorted(p.relative_to(root).as_posix() for p in root.rglob("*.h") if p.is_file()))


def _first_dir(candidates: list[Path], what: str) -> Path:
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    raise CorpusError(f"{what} not found; looked in {', '.join(map(str, candidates))}")


def load(name: str, tree: Path | None = None) -> Corpus:
    """The corpus called ``name`` ("wine" or "mingw"), fetching the packages first if needed."""
    tree = tree or fetch()
    resources = [d for d in sorted(tree.glob("usr/lib/llvm-*/lib/clang/*/include")) if (d / "stddef.h").exists()]
    resource_dir = str(_first_dir(resources, "clang resource headers"))
    if name == "wine":
        # Debian's multiarch libwine-dev has usr/include/wine/wine/{windows,msvcrt}; upstream has one level less.
        windows = _first_dir(
            [tree / "usr/include/wine/wine/windows", tree / "usr/include/wine/windows"], "Wine headers"
        )
        include_dirs = (str(windows), str(windows.parent / "msvcrt"))
        return Corpus(name, _versions(tree, PACKAGES[:1]), windows, _headers(windows), include_dirs, resource_dir)
    if name == "mingw":
        mingw = _first_dir([tree / "usr/x86_64-w64-mingw32/include"], "mingw-w64 headers")
        return Corpus(name, _versions(tree, PACKAGES[1:3]), mingw, _headers(mingw), (str(mingw),), resource_dir)
    raise ValueError(f"unknown corpus {name!r} (known: {', '.join(CORPUS_NAMES)})")
