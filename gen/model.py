"""The extracted model: frozen dataclasses that every later stage reads.

Nothing here knows about C syntax or about output formats; the extractor fills
it in and the renderers only read it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from gen.diagnostics import Location
from gen.inttypes import IntType


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
