"""Stage 6, write: a run's files land all together, or not at all.

A file whose content is already current is not touched (its modification
time stays, so make and ninja do not rebuild). The others are written in
two phases (:func:`write_outputs`):

1. *prepare*: every new text goes to a temporary file in its target's
   folder (flushed to disk, with the old file's permissions), and every old
   file gets a second name (a hard link) to restore it from. Any failure
   here removes what was made and changes nothing.
2. *commit*: each temporary file is renamed over its target. Should a rename
   fail, the targets renamed before it get their old files back.

A run killed at any point leaves each file either old or new, never half.

Only regular files are replaced. A character device or a FIFO named as an
output (``--depfile /dev/null``) is written in place, after every rename
(it cannot be rolled back); a folder, block device or socket is an error. A
symbolic link is replaced, never followed, unless it leads to a character
device or a FIFO (``/dev/stdout``): then that is written in place.

Temporary files are named ``.gen-XXXXXXXX.tmp`` and old files
``.gen-XXXXXXXX.old`` (fixed length, so a long output name cannot make them
too long). A run that is killed leaves them behind; later runs remove those
older than :data:`STALE_SECONDS` (:func:`remove_stale_temporaries`).
"""

from __future__ import annotations

import contextlib
import errno
import functools
import keyword
import os
import re
import stat
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from gen.diagnostics import GenError, Location

#: Leftovers of killed runs: temporary (new) and backup (old) files.
TEMP_NAME = re.compile(r"\.gen-[a-z0-9]{8}\.(?:tmp|old)\Z")
#: A temporary file older than this belongs to no running gen.
STALE_SECONDS = 300
_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789"


@dataclass(frozen=True)
class PlannedOutput:
    path: Path
    text: str
    #: The bytes to write, for a file that is not text (``text`` is then unused).
    raw: bytes | None = None

    def current(self) -> str | None:
        if not self.path.is_file():  # missing, or a FIFO that would block the read
            return None
        try:
            return self.path.read_bytes().decode("utf-8", "surrogateescape")
        except (OSError, UnicodeDecodeError):
            return None

    def is_stale(self) -> bool:
        if self.raw is not None:
            try:
                return not stat_is_regular(self.path) or self.path.read_bytes() != self.raw
            except OSError:
                return True
        return self.current() != self.text

    def diff(self, name: str | None = None) -> str:
        """A unified diff from the file on disk to ``text``, labelled
        ``a/<name>`` and ``b/<name>`` (default: the path)."""
        import difflib  # only --diff shows one

        old = self.current() or ""
        name = name or self.path.as_posix()
        return "".join(difflib.unified_diff(old.splitlines(True), self.text.splitlines(True), f"a/{name}", f"b/{name}"))

    @property
    def data(self) -> bytes:
        if self.raw is not None:
            return self.raw
        # surrogateescape: a file name that is not UTF-8 (in a depfile) is
        # written back as the bytes it was read from.
        return self.text.encode("utf-8", "surrogateescape")


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


def _error(path: Path, why: str) -> GenError:
    return GenError(f"cannot write {path}: {why}", Location(str(path), 1))


def _reason(exc: OSError) -> str:
    return (exc.strerror or str(exc)).rstrip(".")


_KINDS = {
    stat.S_IFDIR: "it is a folder",
    stat.S_IFBLK: "it is a block device (gen writes only regular files, and character devices or FIFOs in place)",
    stat.S_IFSOCK: "it is a socket (gen writes only regular files, and character devices or FIFOs in place)",
}


@dataclass
class _Job:
    """One file to write, and what the two phases made for it."""

    output: PlannedOutput
    #: Write in place (a character device or FIFO), through this descriptor.
    fd: int | None = None
    in_place: bool = False
    mode: int = 0
    temp: str | None = None
    #: How to put the old file back: a hard link to it, its bytes, or the
    #: target of the symbolic link it was; ``existed`` False: remove it.
    backup: str | None = None
    old_bytes: bytes | None = None
    old_link: str | None = None
    existed: bool = False
    committed: bool = False


@dataclass
class _Transaction:
    jobs: list[_Job] = field(default_factory=list)
    made_dirs: list[Path] = field(default_factory=list)

    def discard(self, failed: bool) -> None:
        """Remove what the prepare phase made: temporary files, backups,
        descriptors, and (after a failure) the folders made for the outputs."""
        for job in self.jobs:
            for name in (job.temp, job.backup):
                if name is not None:
                    with contextlib.suppress(OSError):
                        os.unlink(name)
            if job.fd is not None:
                with contextlib.suppress(OSError):
                    os.close(job.fd)
                job.fd = None
        for folder in reversed(self.made_dirs if failed else []):
            with contextlib.suppress(OSError):
                os.rmdir(folder)

    def restore(self) -> list[Path]:
        """Put back the old files of committed jobs; the paths that could not be."""
        failed: list[Path] = []
        for job in reversed([j for j in self.jobs if j.committed and not j.in_place]):
            path = job.output.path
            try:
                if job.backup is not None:
                    os.replace(job.backup, path)
                    job.backup = None
                elif job.old_link is not None:
                    tmp = _create_temp(path.parent, functools.partial(_symlink, job.old_link))[0]
                    os.replace(tmp, path)
                elif job.old_bytes is not None:
                    tmp = _write_temp(path.parent, job.old_bytes, job.mode)
                    os.replace(tmp, path)
                elif not job.existed:
                    os.unlink(path)
            except OSError:
                failed.append(path)
        return failed


def _random_part() -> str:
    import secrets  # loaded when something is written, not by every run

    return "".join(secrets.choice(_ALPHABET) for _ in range(8))


def _create_temp(folder: Path, make: Callable[[str], None] | None) -> tuple[str, int | None]:
    """A new file named ``.gen-XXXXXXXX.tmp`` in ``folder``: made by
    ``make(name)`` (a symlink), else opened for writing; (name, fd or None)."""
    for _ in range(100):
        name = os.path.join(folder, f".gen-{_random_part()}.tmp")
        try:
            if make is not None:
                make(name)
                return name, None
            return name, os.open(name, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0), 0o600)
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no free temporary file name", str(folder))


def _symlink(target: str, name: str) -> None:
    os.symlink(target, name)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def _write_temp(folder: Path, data: bytes, mode: int) -> str:
    """``data`` in a new temporary file of ``folder``, on disk, with ``mode``."""
    name, fd = _create_temp(folder, None)
    assert fd is not None
    try:
        _write_all(fd, data)
        os.fsync(fd)
        os.fchmod(fd, mode)
    except BaseException:
        os.close(fd)
        with contextlib.suppress(OSError):
            os.unlink(name)
        raise
    os.close(fd)
    return name


def _backup_name(folder: Path) -> str:
    return os.path.join(folder, f".gen-{_random_part()}.old")


def _ensure_folder(folder: Path, path: Path, tx: _Transaction) -> None:
    missing: list[Path] = []
    probe = folder
    while True:
        try:
            st = os.stat(probe)
        except FileNotFoundError:
            missing.append(probe)
            if probe.parent == probe:
                break
            probe = probe.parent
            continue
        if not stat.S_ISDIR(st.st_mode):
            raise _error(path, f"'{probe}' is not a folder")
        break
    for made in reversed(missing):
        os.mkdir(made)
        tx.made_dirs.append(made)


def _prepare(job: _Job, tx: _Transaction) -> None:
    output = job.output
    path = output.path
    _ensure_folder(path.parent, path, tx)
    try:
        st: os.stat_result | None = os.lstat(path)
    except FileNotFoundError:
        st = None
    link_to_device = False
    if st is not None and stat.S_ISLNK(st.st_mode):
        try:
            target = os.stat(path)
        except OSError:
            target = None  # a dangling link: replaced
        if target is not None and stat.S_ISDIR(target.st_mode):
            raise _error(path, "it is a folder")
        link_to_device = target is not None and (stat.S_ISCHR(target.st_mode) or stat.S_ISFIFO(target.st_mode))
    if st is not None and not stat.S_ISLNK(st.st_mode) and stat.S_IFMT(st.st_mode) in _KINDS:
        raise _error(path, _KINDS[stat.S_IFMT(st.st_mode)])
    if link_to_device or (st is not None and (stat.S_ISCHR(st.st_mode) or stat.S_ISFIFO(st.st_mode))):
        # Never replaced: written in place at the end of the commit. A FIFO
        # without a reader is an error rather than a hang.
        job.in_place = True
        try:
            job.fd = os.open(path, os.O_WRONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
        except OSError as exc:
            if exc.errno == errno.ENXIO:
                raise _error(path, "it is a FIFO that nobody reads") from None
            raise
        os.set_blocking(job.fd, True)
        return
    job.existed = st is not None
    if st is None:
        job.mode = 0o666 & ~_umask()
    elif stat.S_ISLNK(st.st_mode):
        job.mode = 0o666 & ~_umask()
        job.old_link = os.readlink(path)
    else:
        job.mode = st.st_mode & 0o7777
    job.temp = _write_temp(path.parent, output.data, job.mode)
    if st is not None:
        backup = _backup_name(path.parent)
        try:
            os.link(path, backup, follow_symlinks=False)
            job.backup = backup
        except OSError:
            # No hard links here (or a name clash): keep the old file's bytes.
            if job.old_link is None:
                with open(path, "rb") as f:
                    job.old_bytes = f.read()


def write_outputs(outputs: Sequence[PlannedOutput]) -> list[bool]:
    """Write every output whose content changes, all or nothing; for each
    output, whether it was written. On failure raises :class:`GenError`
    and leaves every file as it was (a character device or FIFO written
    before the failure excepted)."""
    written = [not stat_is_regular(o.path) or o.is_stale() for o in outputs]
    tx = _Transaction([_Job(o) for o, w in zip(outputs, written, strict=True) if w])
    current: _Job | None = None
    try:
        for current in tx.jobs:
            _prepare(current, tx)
        for current in tx.jobs:
            if not current.in_place:
                assert current.temp is not None
                os.replace(current.temp, current.output.path)
                current.temp = None
                current.committed = True
        for current in tx.jobs:
            if current.in_place:
                assert current.fd is not None
                _write_all(current.fd, current.output.data)
                current.committed = True
    except OSError as exc:
        failed = tx.restore()
        tx.discard(failed=True)
        path = current.output.path if current is not None else Path(".")
        why = _reason(exc)
        if failed:
            why += f"; and {', '.join(str(p) for p in failed)} could not be restored"
        elif any(j.committed for j in tx.jobs):
            why += "; the files renamed before it were restored"
        raise _error(path, why) from None
    except BaseException:
        tx.restore()
        tx.discard(failed=True)
        raise
    tx.discard(failed=False)  # the backups and descriptors
    return written


def stat_is_regular(path: Path) -> bool:
    """Whether ``path`` is a regular file or a symbolic link to one (what
    may be read to compare); False for anything else, or nothing."""
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False


def write_if_changed(output: PlannedOutput) -> bool:
    """Write one output atomically unless current; True if it was written."""
    return write_outputs([output])[0]


def temporaries(folder: str | Path) -> Iterator[os.DirEntry[str]]:
    """The files of ``folder`` named like gen's temporary and backup files."""
    try:
        with os.scandir(folder) as entries:
            yield from (e for e in entries if TEMP_NAME.match(e.name))
    except OSError:
        return


def remove_stale_temporaries(folder: str | Path, older_than: float = STALE_SECONDS) -> int:
    """Delete the leftovers of killed runs in ``folder``: regular files named
    like gen's temporary files, last modified more than ``older_than``
    seconds ago (a running gen's are seconds old). How many were removed."""
    limit = time.time() - older_than
    removed = 0
    for entry in temporaries(folder):
        try:
            st = entry.stat(follow_symlinks=False)
            if stat.S_ISREG(st.st_mode) and st.st_mtime < limit:
                os.unlink(entry.path)
                removed += 1
        except OSError:
            continue
    return removed


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
