"""Depfiles in Makefile syntax, as ``gcc -MD -MP`` writes them."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from gen.diagnostics import GenError
from gen.output.writer import PlannedOutput, write_if_changed


def depfile_path(path: str | Path, cwd: Path | None = None, project: Path | None = None) -> str:
    """A path as the depfile names it: relative to ``cwd`` (default: the
    working folder), as the Makefile or build.ninja names its files, when
    inside ``cwd`` or inside ``project`` (then with ``..``); else absolute
    (gen's own shim headers and templates, for instance). Normalised, with
    '/' separators."""
    text = os.fspath(path)
    base = cwd if cwd is not None else Path.cwd()
    if os.path.isabs(text):
        # As given, then with symlinks resolved (/tmp -> /private/tmp).
        for here, top in ((base, project), (base.resolve(), project.resolve() if project else None)):
            if any(Path(text).is_relative_to(folder) for folder in (here, top) if folder is not None):
                text = os.path.relpath(text, here)
                break
    text = os.path.normpath(text)
    return text.replace(os.sep, "/") if os.sep != "/" else text


def _escape_make(path: str) -> str:
    if "\n" in path or "\r" in path:
        raise GenError(f"cannot name {path!r} in a depfile: it contains a line break")
    return path.replace(" ", "\\ ").replace("#", "\\#").replace("$", "$$")


def depfile_text(targets: Sequence[str | Path], deps: Sequence[str | Path]) -> str:
    """Makefile syntax, as ``gcc -MD -MP`` writes it: one rule naming the
    targets and every file read, then an empty rule per file read, so make
    does not stop when one of them is deleted. GNU make and ninja read it."""
    names = list(dict.fromkeys(_escape_make(depfile_path(t)) for t in targets))
    files = list(dict.fromkeys(_escape_make(depfile_path(d)) for d in deps))
    head = " ".join(names) + ":"
    lines = [head + "".join(f" \\\n  {f}" for f in files), ""]
    lines += [f"{f}:" for f in files]
    return "\n".join(lines) + "\n"


def depfile_output(path: Path, targets: Sequence[str | Path], deps: Sequence[str | Path]) -> PlannedOutput:
    """The depfile as one more output of the run (written with the others)."""
    return PlannedOutput(path, depfile_text(targets, deps))


def write_depfile(path: Path, targets: Sequence[str | Path], deps: Sequence[str | Path]) -> bool:
    """Write the depfile alone (only if its content changes); True if written."""
    return write_if_changed(depfile_output(path, targets, deps))
