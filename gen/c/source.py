"""Stage 1, read: bytes on disk to text a preprocessor can split into lines.

Decoding (BOM, UTF-16, CRLF), line splicing and comment removal happen here,
in translation phases 1-3 order. Comments are blanked rather than removed so
that every remaining character keeps its line and column.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from gen.c.lexer import Token
from gen.diagnostics import GenError, Location

#: Largest file accepted; real SDK headers stay far below it.
MAX_FILE_BYTES = 256 * 1024 * 1024


@dataclass(frozen=True)
class SourceFile:
    #: The name shown in diagnostics and outputs (as the user or include named it).
    name: str
    path: Path
    #: Decoded, spliced text with comments blanked; always ends in "\n".
    text: str
    #: The codec that decoded it ("utf-8" or "utf-16..."); with "utf-8",
    #: bytes that are not UTF-8 are lone surrogates U+DC80-U+DCFF (Python's
    #: "surrogateescape"), so an #include name maps back to its bytes.
    encoding: str = "utf-8"


@dataclass(frozen=True)
class PreLexed:
    """Tokens another front end has lexed already: :mod:`gen.idl` hands the
    preprocessor its declarations this way, with their .idl locations."""

    tokens: list[Token]


@dataclass(frozen=True)
class Deferred:
    """A file read only when the preprocessor reaches this point, if ``open``
    says so then (an IDL import: skipped when the header it stands for was
    included already); ``open`` returns None to skip it."""

    open: Callable[[], SourceFile | None]


#: A part of a file as the preprocessor walks it: a directive line (its
#: number, its text), a block of text lines (minus its first line number, its
#: text), or, in a :class:`VirtualSource`, pre-lexed tokens or a deferred file.
Segment = tuple[int, str] | PreLexed | Deferred


@dataclass(frozen=True)
class VirtualSource(SourceFile):
    """A file another front end has already cut into segments: gen.idl's
    translation of an .idl into the header it stands for. ``segments`` is
    walked once, lazily, in order; directive and text segments are padded so
    that their columns are the .idl's."""

    segments: Iterable[Segment] = field(default=())


def decode(data: bytes, name: str) -> tuple[str, str]:
    """Bytes to str and the codec used: UTF-16 with a BOM (or plainly
    UTF-16LE), else UTF-8 (with or without BOM; bytes that are not UTF-8 as
    lone surrogates)."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            raise GenError("not a valid UTF-16 file", Location(name, 1, 1)) from None
    elif len(data) >= 4 and data[1] == 0 and data[3] == 0 and data[0] != 0:
        # UTF-16LE without a BOM: ASCII text with every other byte NUL.
        try:
            return data.decode("utf-16-le"), "utf-16-le"
        except UnicodeDecodeError:
            pass
    nul = data.find(b"\0")
    if nul >= 0:
        line = data.count(b"\n", 0, nul) + 1
        col = nul - (data.rfind(b"\n", 0, nul) + 1) + 1
        raise GenError("not a C header: the file contains NUL bytes", Location(name, line, col))
    _reject_binary(data, name)
    # Legacy code-page comments (cp1252 etc.) are common in old SDK headers.
    # A byte that is not UTF-8 becomes a lone surrogate (U+DC80-U+DCFF), as
    # clang reads it: blank in a comment, its own value in a literal, and
    # never part of a name.
    return data.decode("utf-8", "surrogateescape"), "utf-8"


#: Control bytes a text file does not hold (tab, newlines, form feed, vertical
#: tab, ESC and the DOS end-of-file mark 0x1A are allowed).
_CONTROL_BYTES_RE = re.compile(rb"[\x01-\x08\x0e-\x19\x1c-\x1f\x7f]")
#: How much of a file the binary check looks at, and the share of control
#: bytes there that makes it binary (random bytes have about 10%).
_BINARY_SAMPLE = 1 << 16
_BINARY_SHARE = 0.01


def _reject_binary(data: bytes, name: str) -> None:
    """Refuse data that is not text: many control bytes near the start."""
    sample = data[:_BINARY_SAMPLE]
    found = _CONTROL_BYTES_RE.findall(sample)
    if len(found) <= max(4, len(sample) * _BINARY_SHARE):
        return
    first = _CONTROL_BYTES_RE.search(sample)
    assert first is not None
    pos = first.start()
    line = data.count(b"\n", 0, pos) + 1
    col = pos - (data.rfind(b"\n", 0, pos) + 1) + 1
    raise GenError(f"not a C header: binary data (byte 0x{data[pos]:02X})", Location(name, line, col))


_SPLICE_RE = re.compile(r"\\[ \t]*\n")
# A comment, or a literal (comment markers inside it are not comments). A
# literal left open runs to the end of its line and a comment left open to
# the end of the file, as in gcc; the open forms are separate alternatives
# so that a failed match never rescans (no quadratic time on ``/* /* ...``
# or a line of escaped quotes).
_COMMENT_OR_LITERAL_RE = re.compile(
    r"""//[^\n]*|/\*(?:.*?\*/|.*)|"(?:[^"\\\n]|\\.)*(?:"|[^\n]*)|'(?:[^'\\\n]|\\.)*(?:'|[^\n]*)""",
    re.S,
)
_NON_NEWLINE_RE = re.compile(r"[^\n]")
_NON_BLANK_RE = re.compile(r"[^ \t\f\v\n]")
_HASH_NEXT_RE = re.compile(r"[ \t\f\v]*#")


def splice_lines(text: str) -> str:
    """Join backslash-continued lines, keeping the line count unchanged.

    The newlines removed from a logical line are re-added after it, so a
    token's line number is that of its logical line's start plus the number
    of splices before it, as with gcc.
    """
    if "\\" not in text:
        return text
    out: list[str] = []
    pending = 0
    for piece in _SPLICE_RE.split(text):
        if pending:
            nl = piece.find("\n")
            if nl < 0:
                out.append(piece)
            else:
                out.append(piece[:nl])
                out.append("\n" * pending)
                out.append(piece[nl:])
                pending = 0
        else:
            out.append(piece)
        pending += 1
    # The last piece followed no splice; undo its count.
    pending -= 1
    if pending:
        out.append("\n" * pending)
    return "".join(out)


class _Blanker:
    """Comments to blanks (phase 3), keeping every other character's line
    and column, except where a comment spanning lines must join them.

    A comment is one space before directives are processed (C11 5.1.1.2),
    so a comment spanning lines inside a directive continues the directive
    (``#define X 1 /* ... */ + 1``), and one spanning lines after C code
    keeps a later ``#`` out of the directives. Such a comment becomes one
    space and the newlines it held go after its logical line, as for line
    splices; every other comment keeps its newlines (so the enumerators
    after a comment keep their lines).
    """

    def __init__(self, text: str, name: str) -> None:
        self.text = text
        self.name = name
        self.out: list[str] = []
        #: First non-blank character of the logical line so far ("" if none).
        self.first = ""
        #: Newlines of joined comments, owed at the end of the logical line.
        self.owed = 0

    def run(self) -> str:
        text = self.text
        pos = 0
        for m in _COMMENT_OR_LITERAL_RE.finditer(text):
            start = m.start()
            if start > pos:
                self._plain(text[pos:start])
            s = m.group()
            if s[0] != "/":
                self._plain(s)
            elif s[1] == "*" and (len(s) < 4 or not s.endswith("*/")):
                line = text.count("\n", 0, start) + 1
                col = start - (text.rfind("\n", 0, start) + 1) + 1
                raise GenError("unterminated /* comment", Location(self.name, line, col))
            elif "\n" not in s:
                self.out.append(" " * len(s))
            elif self._joins(m.end()):
                self.out.append(" ")
                self.owed += s.count("\n")
            else:
                self.out.append(_NON_NEWLINE_RE.sub(" ", s))
                self.first = ""
            pos = m.end()
        if pos < len(text):
            self._plain(text[pos:])
        if self.owed:
            self.out.append("\n" * self.owed)
        return "".join(self.out)

    def _joins(self, end: int) -> bool:
        """Whether a comment spanning lines, ending at ``end``, must join
        its lines: it is inside a directive, or C code precedes it and a
        ``#`` follows it (which must then stay out of the directives)."""
        if self.first == "#":
            return True
        if not self.first:
            return False
        return _HASH_NEXT_RE.match(self.text, end) is not None

    def _plain(self, piece: str) -> None:
        nl = piece.find("\n")
        if nl < 0:
            if not self.first:
                m = _NON_BLANK_RE.search(piece)
                if m is not None:
                    self.first = m.group()
            self.out.append(piece)
            return
        if self.owed:
            self.out.append(piece[: nl + 1])
            self.out.append("\n" * self.owed)
            self.owed = 0
            self.out.append(piece[nl + 1 :])
        else:
            self.out.append(piece)
        last = piece.rfind("\n")
        m = _NON_BLANK_RE.search(piece, last + 1)
        self.first = m.group() if m is not None else ""


def strip_comments(text: str, name: str) -> str:
    """Replace each comment by spaces (keeping newlines); literals are kept.

    A comment spanning lines inside a directive joins the directive's
    lines (see :class:`_Blanker`)."""
    if "/" not in text:
        return text
    return _Blanker(text, name).run()


def normalize(text: str, name: str) -> str:
    """Phases 1-3: newlines to LF, splices joined, comments blanked."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.endswith("\n"):
        text += "\n"
    return strip_comments(splice_lines(text), name)


def real_path(path: Path) -> Path:
    """``path`` with symbolic links resolved; for a symbolic link loop, the
    absolute path as it is (reading it then fails with a clean error)."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # RuntimeError: a loop, before Python 3.13
        return Path(os.path.abspath(path))


def read_bytes(path: Path, name: str) -> bytes:
    """The bytes of a regular file, at most :data:`MAX_FILE_BYTES` of them.

    The file is opened without blocking and checked before it is read, so a
    FIFO, a terminal or a device (``/dev/zero``) is an error instead of a
    hang or an endless read; a directory is an error too.
    """
    where = Location(name, 1, 1)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except IsADirectoryError:
        raise GenError("is a directory, not a header", where) from None
    except (OSError, ValueError) as exc:  # ValueError: a NUL in the path
        raise GenError(f"cannot read file: {getattr(exc, 'strerror', None) or exc}", where) from None
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise GenError("is a directory, not a header", where)
        if not stat.S_ISREG(mode):
            raise GenError("not a regular file (a device, FIFO or socket?)", where)
        chunks: list[bytes] = []
        size = 0
        while size <= MAX_FILE_BYTES:
            chunk = os.read(fd, min(1 << 24, MAX_FILE_BYTES + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as exc:
        raise GenError(f"cannot read file: {exc.strerror or exc}", where) from None
    finally:
        os.close(fd)
    if size > MAX_FILE_BYTES:
        raise GenError(f"file is larger than {MAX_FILE_BYTES >> 20} MiB", where)
    return b"".join(chunks)


def read_source(path: Path, name: str) -> SourceFile:
    """Read and normalise one file; problems become a GenError at ``name``."""
    text, encoding = decode(read_bytes(path, name), name)
    return SourceFile(name, path, normalize(text, name), encoding)
