"""Stage 6, write: outputs land atomically and only when they change.

A file whose content is already current is not touched (its modification
time stays, so make and ninja do not rebuild). Otherwise the text goes to a
temporary file in the same folder, then replaces the target with one rename:
a run killed at any point leaves either the old or the new file, never half.
"""

from __future__ import annotations

import contextlib
import difflib
import keyword
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

from gen.diagnostics import GenError, Location


@dataclass(frozen=True)
class PlannedOutput:
    path: Path
    text: str

    def current(self) -> str | None:
        if not self.path.is_file():  # missing, or a FIFO that would block the read
            return None
        try:
            return self.path.read_bytes().decode("utf-8", "surrogateescape")
        except (OSError, UnicodeDecodeError):
            return None

    def is_stale(self) -> bool:
        return self.current() != self.text

    def diff(self, name: str | None = None) -> str:
        """A unified diff from the file on disk to ``text``, labelled
        ``a/<name>`` and ``b/<name>`` (default: the path)."""
        old = self.current() or ""
        name = name or self.path.as_posix()
        return "".join(difflib.unified_diff(old.splitlines(True), self.text.splitlines(True), f"a/{name}", f"b/{name}"))


def safe_output_path(out_dir: Path, filename: str) -> Path:
    """``out_dir/filename``, refusing names that would escape ``out_dir``."""
    if not filename or "/" in filename or "\\" in filename or filename in (".", "..") or "\0" in filename:
        raise GenError(f"refusing to write output named {filename!r}")
    return out_dir / filename


def _umask() -> int:
    # os.umask can only be read by setting it; set it straight back.
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _mode_for(path: Path) -> int:
    """Permission bits for a rewritten file: the old file's, else what a
    plain ``open(path, "w")`` would give (0o666 less the umask). mkstemp
    alone would leave 0o600."""
    try:
        return os.stat(path).st_mode & 0o7777
    except OSError:
        return 0o666 & ~_umask()


def write_if_changed(output: PlannedOutput) -> bool:
    """Write ``output`` atomically unless current; True if it was written."""
    if not output.is_stale():
        return False
    folder = output.path.parent
    try:
        if folder.exists() and not folder.is_dir():
            raise GenError(f"cannot write {output.path}: '{folder}' is not a folder", Location(str(output.path), 1))
        folder.mkdir(parents=True, exist_ok=True)
        if output.path.is_dir():
            raise GenError(f"cannot write {output.path}: it is a folder", Location(str(output.path), 1))
        mode = _mode_for(output.path)
        fd, tmp = tempfile.mkstemp(prefix=f".{output.path.name}.", suffix=".tmp", dir=folder)
        try:
            with os.fdopen(fd, "wb") as f:
                # surrogateescape: a file name that is not UTF-8 (in a depfile)
                # is written back as the bytes it was read from.
                f.write(output.text.encode("utf-8", "surrogateescape"))
                f.flush()
                os.fsync(f.fileno())
            os.chmod(tmp, mode)
            os.replace(tmp, output.path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
    except OSError as exc:
        raise GenError(f"cannot write {output.path}: {exc.strerror or exc}", Location(str(output.path), 1)) from None
    return True


def output_stem(header: str) -> str:
    """Output base name: the header's file name without its extension,
    lower-cased, made a valid Python module name (``My-Header.h`` ->
    ``my_header``, ``windows.foundation.h`` -> ``windows_foundation``)."""
    stem = Path(header.replace("\\", "/")).name.rsplit(".", 1)[0].lower()
    stem = re.sub(r"[^a-z0-9_]", "_", stem)
    if not stem or stem[0].isdigit():
        stem = "_" + stem
    if keyword.iskeyword(stem):  # class.h: ``import class`` would not parse
        stem += "_"
    return stem
