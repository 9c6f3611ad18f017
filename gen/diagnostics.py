"""Problems as data: a level, a message and a source location.

Stages report problems by raising :class:`GenError` (fatal) or by appending
:class:`Diagnostic` objects to a :class:`Reporter` (warnings); the CLI prints
them as ``file:line:col: level: message`` and maps them to an exit code.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass, field

#: Characters that must not reach a terminal as they are: C0 and C1 controls
#: (ESC starts escape sequences, BEL rings, a newline splits a line), DEL,
#: and Unicode's invisible format characters (bidi overrides and isolates,
#: marks, zero-width characters, line and paragraph separators, the BOM).
_UNPRINTABLE_RE = re.compile(
    "[\x00-\x1f\x7f-\x9f\xad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ud800-\udfff]"
)
_NAMED_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(char: str) -> str:
    code = ord(char)
    if char in _NAMED_ESCAPES:
        return _NAMED_ESCAPES[char]
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str) -> str:
    """``text`` fit for one line of a terminal: every control or invisible
    character written as an escape (``\\x1b``, ``\\n``, ``\\u202e``), and
    the lone surrogates of undecodable file names as ``\\udcXX``."""
    return _UNPRINTABLE_RE.sub(lambda m: _escape(m.group()), text)


@dataclass(frozen=True, order=True)
class Location:
    file: str
    line: int
    column: int = 0

    def __str__(self) -> str:
        file = printable(self.file)
        if self.column:
            return f"{file}:{self.line}:{self.column}"
        return f"{file}:{self.line}"


class Level(enum.Enum):
    NOTE = "note"
    WARNING = "warning"
    ERROR = "error"


@dataclass(frozen=True)
class Diagnostic:
    level: Level
    message: str
    location: Location | None = None
    #: What kind of problem, for settings that single it out
    #: (``missing-include``: --missing-includes error).
    code: str | None = None

    def __str__(self) -> str:
        # Messages are one line of plain text by contract: whitespace from
        # the input (a name, a path, #error text) becomes one space, and any
        # other control character is escaped so it cannot drive the terminal.
        message = printable(" ".join(self.message.split()))
        # Without a file to name (a command-line problem), the program's
        # name stands there, as in argparse's own "gen: error: ...".
        prefix = f"{self.location}: " if self.location else "gen: "
        return f"{prefix}{self.level.value}: {message}"


class GenError(Exception):
    """A fatal problem; carries the diagnostic the CLI prints (``str()`` of
    the exception is that line: ``file:line:col: error: message``)."""

    def __init__(self, message: str, location: Location | None = None) -> None:
        super().__init__(message)
        self.diagnostic = Diagnostic(Level.ERROR, message, location)

    def __str__(self) -> str:
        return str(self.diagnostic)


@dataclass
class Reporter:
    """Collects non-fatal diagnostics; deduplicates identical ones."""

    diagnostics: list[Diagnostic] = field(default_factory=list)
    _seen: set[Diagnostic] = field(default_factory=set)

    def fork(self) -> Reporter:
        """A reporter holding what this one holds, continuing on its own."""
        return Reporter(list(self.diagnostics), set(self._seen))

    def warn(self, message: str, location: Location | None = None, code: str | None = None) -> None:
        self.add(Diagnostic(Level.WARNING, message, location, code))

    def note(self, message: str, location: Location | None = None) -> None:
        self.add(Diagnostic(Level.NOTE, message, location))

    def add(self, diagnostic: Diagnostic) -> None:
        if diagnostic not in self._seen:
            self._seen.add(diagnostic)
            self.diagnostics.append(diagnostic)
