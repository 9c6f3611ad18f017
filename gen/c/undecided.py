"""Conditionals a missing include leaves undecided, and what they may change.

With an include not found, gen goes on without it (SDK-less runs of MIDL
headers depend on that). Then ``#ifdef HAVE_TLS`` is false only because
``HAVE_TLS`` was never defined -- perhaps by the missing ``config.h``. The
preprocessor records each such conditional (:class:`Undecided`): its
location, the names it tested, and the enum whose body it sits in, if any.
Once the model is built, :func:`undecided_warnings` names what the
conditional guards -- the enum it sits in, enums and ``#define`` groups
declared in it, ``#define`` lines skipped in it -- in one warning at the
``#if``; a conditional that guards none of these says nothing.

Names reserved to the implementation (``__cplusplus``, ``__GNUC__``) are
never undecided: gen predefines exactly the target compiler's macros.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from gen.diagnostics import Diagnostic, Level, Location
from gen.model import Enum

#: The diagnostic code of these warnings.
CODE = "undecided-condition"
#: An object-like macro's definition (a function-like one is no constant).
_DEFINE = re.compile(r"^[ \t]*#[ \t]*define[ \t]+([A-Za-z_]\w*)(?![\w(])")
_ENUM_WORD = re.compile(r"\benum\b")


@dataclass
class Undecided:
    """An ``#if`` chain one of whose conditions tested names nobody defined
    while some include was missing."""

    #: The ``#`` of the directive.
    location: Location
    #: The directive as written (``#ifdef HAVE_TLS``), shortened.
    directive: str
    #: The names it tested that are not defined.
    names: tuple[str, ...]
    #: The first include not found before it.
    missing: str
    #: The line of its ``#endif`` (0 until reached).
    last_line: int = 0
    #: The ``enum`` keyword of the body it sits in, if it sits in one.
    enum_keyword: Location | None = None


def undecided_names(names: Sequence[str]) -> tuple[str, ...]:
    """The names that may be a missing header's (not the implementation's)."""
    return tuple(dict.fromkeys(n for n in names if not n.startswith("__") and n != "defined"))


def undecided_warnings(
    undecided: Sequence[Undecided],
    enums: Sequence[Enum],
    lines_of: Callable[[str], list[str] | None],
    macros_from: Callable[[str], bool],
) -> list[Diagnostic]:
    """One warning per undecided conditional that guards enum or macro
    content, naming what may differ. ``macros_from(file)``: whether the
    ``#define`` constants of ``file`` are extracted."""
    warnings: list[Diagnostic] = []
    if not undecided:
        return warnings
    lines_in = _lines_by_file(enums)
    for u in undecided:
        file, first, last = u.location.file, u.location.line, u.last_line or u.location.line
        inside = [e for e in enums if u.enum_keyword is not None and e.location == u.enum_keyword]
        # The enums with a member, or their own location, strictly between the
        # #if and its #endif in this file.
        marks, owners = lines_in.get(file, ([], []))
        between = set(owners[bisect.bisect_right(marks, first) : bisect.bisect_left(marks, last)])
        declared = [e for i, e in enumerate(enums) if i in between and e not in inside]
        what = [_enum_name(e) for e in [*inside, *declared] if e.origin == "enum" or macros_from(file)]
        lines = lines_of(file) or []
        body = lines[first : last - 1] if last > first else []
        grouped = {m.name for e in declared for m in e.members}
        skipped = [m.group(1) for m in map(_DEFINE.match, body) if m and m.group(1) not in grouped]
        if skipped and macros_from(file):
            listed = ", ".join(skipped[:4]) + (", ..." if len(skipped) > 4 else "")
            what.append(f"the macro{'s' if len(skipped) > 1 else ''} {listed}")
        # Enums in a branch not taken are not in the model.
        written = sum(len(_ENUM_WORD.findall(line)) for line in body)
        if written > len([e for e in declared if e.origin == "enum"]):
            what.append("other enums declared in it" if declared else "the enums declared in it")
        if not what:
            continue
        tested = ", ".join(f"'{n}'" for n in u.names[:3])
        verb = "is" if len(u.names) == 1 else "are"
        message = (
            f"{u.directive}: {tested} {verb} not defined, perhaps because '{u.missing}' was not found; "
            f"{_join(what)} may differ"
        )
        warnings.append(Diagnostic(Level.WARNING, message, u.location, CODE))
    return warnings


def _lines_by_file(enums: Sequence[Enum]) -> dict[str, tuple[list[int], list[int]]]:
    """Per file, the sorted lines of every enum's location and members, and
    beside each line the index of its enum (one sort instead of a scan of
    every member for every conditional)."""
    found: dict[str, list[tuple[int, int]]] = {}
    for i, e in enumerate(enums):
        for location in (e.location, *(m.location for m in e.members)):
            found.setdefault(location.file, []).append((location.line, i))
    by_file: dict[str, tuple[list[int], list[int]]] = {}
    for file, pairs in found.items():
        pairs.sort()
        by_file[file] = ([line for line, _ in pairs], [i for _, i in pairs])
    return by_file


def _enum_name(e: Enum) -> str:
    if e.origin == "macros":
        if e.name is not None:
            return f"the #define group '{e.name}'"
        return f"the macro {e.members[0].name}" if len(e.members) == 1 else "#define constants"
    if e.name is not None:
        return f"enum '{e.name}'"
    return f"the anonymous enum at line {e.location.line}"


def _join(items: list[str]) -> str:
    items = list(dict.fromkeys(items))
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]
