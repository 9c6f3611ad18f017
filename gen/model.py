"""The extracted model: frozen dataclasses that every later stage reads.

Nothing here knows about C syntax or about output formats; the extractor fills
it in and the renderers only read it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from gen.diagnostics import Diagnostic, Level, Location


@dataclass(frozen=True)
class IntType:
    """A C integer type: its name, width, signedness and conversion rank
    (the front ends know which types a target has; see gen.c.inttypes)."""

    name: str
    bits: int
    signed: bool
    #: Conversion rank (C11 6.3.1.1): bool < char < short < int < long < long long.
    rank: int

    @property
    def min(self) -> int:
        return -(1 << (self.bits - 1)) if self.signed else 0

    @property
    def max(self) -> int:
        return (1 << (self.bits - 1)) - 1 if self.signed else (1 << self.bits) - 1

    def wrap(self, value: int) -> int:
        """Convert ``value`` to this type (modulo 2**bits, as C does)."""
        if self.bits == 1:  # _Bool: any non-zero value becomes 1
            return 1 if value else 0
        value &= (1 << self.bits) - 1
        if self.signed and value >> (self.bits - 1):
            value -= 1 << self.bits
        return value

    def holds(self, value: int) -> bool:
        return self.min <= value <= self.max

    def __str__(self) -> str:
        return self.name


@dataclass(frozen=True)
class Member:
    """One enumerator (or one macro of a macro group)."""

    name: str
    value: int
    #: The initializer as written in the source, whitespace-normalised; None
    #: when the value is implicit (previous + 1, or 0 for the first).
    expr: str | None
    location: Location
    #: A description, e.g. from a documentation page (filled in later stages).
    doc: str | None = None
    #: The header's own comment on this member (above it, or after it on its
    #: line), as plain text; outputs use it when ``doc`` is None.
    comment: str | None = None


@dataclass(frozen=True)
class Enum:
    """One enum declaration with a body, or one group of #define constants."""

    tag: str | None
    typedefs: tuple[str, ...]
    members: tuple[Member, ...]
    location: Location
    #: The C type every member value is representable in (clang's choice).
    underlying: IntType
    #: The underlying type as written (``enum X : unsigned __int64``), if fixed.
    fixed_type: str | None = None
    #: "enum" for C enums, "macros" for groups of #define constants.
    origin: str = "enum"
    doc: str | None = None
    #: The name of a #define group (its typedef or common prefix).
    group: str | None = None
    #: The header's own comment on the declaration, as plain text; outputs
    #: use it when ``doc`` is None.
    comment: str | None = None

    @property
    def name(self) -> str | None:
        """The name users know the type by: group name, first typedef, else the tag."""
        if self.group:
            return self.group
        if self.typedefs:
            return self.typedefs[0]
        return self.tag

    @property
    def anonymous(self) -> bool:
        return self.name is None


@dataclass(frozen=True)
class Module:
    """Everything extracted from one input header."""

    #: The header as the user named it (relative path, '/' separators).
    source: str
    enums: tuple[Enum, ...]
    #: Every file read to produce this module (header, includes), for depfiles.
    files_read: tuple[str, ...] = field(default=())
    #: Folders where an include was looked for and not found (for caches).
    dirs_probed: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class GroupSpec:
    """An explicit #define group from the configuration: its name, a regular
    expression its macros' names match, and the IntFlag choice (None: the rule)."""

    name: str
    pattern: str
    flags: bool | None = None


@dataclass
class Extraction:
    """What a front end returns for one input: the module, and the problems
    found on the way (errors leave the enumerators they concern out)."""

    module: Module
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.level is Level.ERROR]
