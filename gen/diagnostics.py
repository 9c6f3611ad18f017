"""Problems as data: a level, a message and a source location.

Stages report problems by raising :class:`GenError` (fatal) or by appending
:class:`Diagnostic` objects to a :class:`Reporter` (warnings); the CLI prints
them as ``file:line:col: level: message`` and maps them to an exit code.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field


@dataclass(frozen=True, order=True)
class Location:
    file: str
    line: int
    column: int = 0

    def __str__(self) -> str:
        if self.column:
            return f"{self.file}:{self.line}:{self.column}"
        return f"{self.file}:{self.line}"


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
        # Messages are one line by contract: control characters from the
        # input (a name, a path) must not break that.
        message = " ".join(self.message.split())
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
