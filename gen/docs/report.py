"""Drift between documentation pages and the headers they describe.

Usage::

    matches = match_pages(load_docs(dirs), enums)
    report = drift_report(matches)
    print(report.to_text())              # one finding per line
    json.dumps(report.to_json())         # the same, as data
    exit_code = 1 if strict and report.has_drift else 0

For each matched enum the report lists: typedef (or tag) names the page
uses that the header does not; members whose documented value differs from
the header's computed value; members the page lists that the header lacks,
and header members the page does not mention. Pages that match no enum are
reported too.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from gen.diagnostics import Location, printable
from gen.docs.matching import DocMatch, DocMatches
from gen.docs.page import DocPage
from gen.docs.sections import DocMember
from gen.model import Enum, Member

#: Where a page writes values, in the order findings are reported.
_SOURCES: tuple[tuple[str, Callable[[DocPage], tuple[DocMember, ...]]], ...] = (
    ("syntax", lambda page: page.syntax_members),
    ("constants", lambda page: page.constant_values),
)


@dataclass(frozen=True)
class ValueDrift:
    """A member whose documented value is not the header's."""

    member: Member
    #: The value as the page writes it (None: implied, previous + 1).
    docs_text: str | None
    docs_value: int
    #: Where the page gives it: "syntax" (the code block) or "constants".
    source: str


@dataclass(frozen=True)
class EnumDrift:
    """What one page says that its enum's header does not."""

    enum: Enum
    page: DocPage
    #: How the page was matched (see :class:`gen.docs.matching.DocMatch`).
    how: str
    #: Typedef names in the page that are none of the header's names.
    typedef_names: tuple[str, ...]
    #: The page's enum tag, when both name one and they differ.
    tag: str | None
    values: tuple[ValueDrift, ...]
    #: Members the page lists that the header does not declare.
    documented_only: tuple[str, ...]
    #: Header members the page does not list.
    undocumented: tuple[Member, ...]

    @property
    def has_drift(self) -> bool:
        return bool(self.typedef_names or self.tag or self.values or self.documented_only or self.undocumented)


@dataclass(frozen=True)
class DriftReport:
    """The drift of every matched enum, and the pages no enum matched."""

    #: One entry per matched enum, in enum order (drifting or not).
    enums: tuple[EnumDrift, ...]
    unmatched_pages: tuple[DocPage, ...]

    @property
    def has_drift(self) -> bool:
        """True when :meth:`to_text` reports anything (the ``--strict`` test).

        A page that matches no enum counts: pass only the pages meant for
        the headers at hand.
        """
        return bool(self.unmatched_pages) or any(e.has_drift for e in self.enums)

    def to_text(self) -> str:
        """One line per finding, ``file:line: NAME: message (page P)``; "" if none."""
        lines = [line for entry in self.enums for line in _enum_lines(entry)]
        lines += [_unmatched_line(page) for page in self.unmatched_pages]
        # One finding per line: never let a name or path break a line.
        return "\n".join(printable(" ".join(line.split())) for line in lines)

    def to_json(self) -> dict[str, Any]:
        """The report as JSON-ready data; keys and lists in a fixed order."""
        return {
            "has_drift": self.has_drift,
            "enums": [_enum_json(entry) for entry in self.enums],
            "unmatched_pages": [{"page": p.path, "name": p.name} for p in self.unmatched_pages],
        }


def drift_report(matches: DocMatches) -> DriftReport:
    """Compare every matched page with its enum."""
    return DriftReport(
        enums=tuple(_enum_drift(match) for match in matches.matches),
        unmatched_pages=matches.unmatched_pages,
    )


def _enum_drift(match: DocMatch) -> EnumDrift:
    enum, page = match.enum, match.page
    header_names = {m.name for m in enum.members}
    documented = page.member_names
    return EnumDrift(
        enum=enum,
        page=page,
        how=match.how,
        typedef_names=_foreign_typedefs(enum, page),
        tag=page.syntax_tag if enum.tag and page.syntax_tag and page.syntax_tag != enum.tag else None,
        values=_value_drift(enum, page),
        documented_only=tuple(n for n in documented if n not in header_names),
        undocumented=tuple(m for m in enum.members if m.name not in documented),
    )


def _foreign_typedefs(enum: Enum, page: DocPage) -> tuple[str, ...]:
    """The page's typedef names the header doesn't know.

    The Syntax block is the page's declaration; the front-matter api_name
    list speaks only when there is no Syntax block.
    """
    known = set(enum.typedefs) | {enum.tag}
    names = page.syntax_typedefs or (page.api_names if not page.syntax_members else ())
    return tuple(n for n in names if n not in known)


def _value_drift(enum: Enum, page: DocPage) -> tuple[ValueDrift, ...]:
    """Documented values that differ; the Syntax block first, then Constants."""
    found = []
    for member in enum.members:
        for source, documented in _SOURCES:
            doc = _find(documented(page), member.name)
            if doc is not None and doc.value is not None and _differs(enum, member, doc.value):
                found.append(ValueDrift(member, doc.value_text, doc.value, source))
    return tuple(found)


def _find(members: tuple[DocMember, ...], name: str) -> DocMember | None:
    return next((m for m in members if m.name == name), None)


def _differs(enum: Enum, member: Member, documented: int) -> bool:
    """Whether the values differ in the enum's underlying type.

    Comparing modulo the type accepts ``0xFFFFFFFF`` for a member the
    header computes as -1 in a 32-bit int: the same bits, a matter of style.
    """
    wrap = enum.underlying.wrap
    return wrap(documented) != wrap(member.value)


# --------------------------------------------------------------------------
# Rendering
# --------------------------------------------------------------------------


def _where(location: Location) -> str:
    return f"{location.file}:{location.line}"


def _enum_name(enum: Enum) -> str:
    return enum.name or "(anonymous enum)"


def _enum_lines(entry: EnumDrift) -> list[str]:
    enum, page = entry.enum, f"(page {entry.page.path})"
    head = f"{_where(enum.location)}: {_enum_name(enum)}:"
    lines = []
    if entry.typedef_names:
        plural = "s" if len(entry.typedef_names) > 1 else ""
        lines.append(f"{head} docs name the typedef{plural} {', '.join(entry.typedef_names)} {page}")
    if entry.tag:
        lines.append(f"{head} docs name the tag {entry.tag}, the header {enum.tag} {page}")
    for drift in entry.values:
        lines.append(
            f"{_where(drift.member.location)}: {_enum_name(enum)}: {drift.member.name} is"
            f" {drift.member.value} in the header, docs {_docs_value(drift)} {page}"
        )
    lines += [f"{head} docs list {name}, which the header does not declare {page}" for name in entry.documented_only]
    lines += [
        f"{_where(m.location)}: {_enum_name(enum)}: {m.name} is not documented {page}" for m in entry.undocumented
    ]
    return lines


def _docs_value(drift: ValueDrift) -> str:
    if drift.docs_text is None:
        return f"imply {drift.docs_value}"
    if drift.docs_text == str(drift.docs_value):
        return f"say {drift.docs_text}"
    return f"say {drift.docs_text} (= {drift.docs_value})"


def _unmatched_line(page: DocPage) -> str:
    return f"{page.path}: page documents {page.name}, which matches no enum"


def _location_json(location: Location) -> dict[str, Any]:
    return {"file": location.file, "line": location.line, "column": location.column}


def _enum_json(entry: EnumDrift) -> dict[str, Any]:
    return {
        "enum": entry.enum.name,
        "location": _location_json(entry.enum.location),
        "page": entry.page.path,
        "matched_by": entry.how,
        "has_drift": entry.has_drift,
        "typedef_names": list(entry.typedef_names),
        "tag": entry.tag,
        "values": [_value_json(v) for v in entry.values],
        "documented_only": list(entry.documented_only),
        "undocumented": [m.name for m in entry.undocumented],
    }


def _value_json(drift: ValueDrift) -> dict[str, Any]:
    return {
        "member": drift.member.name,
        "location": _location_json(drift.member.location),
        "header_value": drift.member.value,
        "docs_text": drift.docs_text,
        "docs_value": drift.docs_value,
        "source": drift.source,
    }
