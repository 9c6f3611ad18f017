"""What the IDL front end adds to the C front end's model: the ``#define``
groups decided on the header's outline, the [helpstring] descriptions, and
the order of the header.

The C rules group a header's macros by its lines (a run ends where C code
stands between two macros). An .idl's lines are not the header's: a
``cpp_quote("#define ...")`` line is a directive there, a ``const`` is a
``#define``, an interface's methods are C code after its typedefs. So each
macro and typedef is moved onto the header line its .idl line lands on
(:attr:`gen.idl.header.Lowered.positions`), grouped there, and moved back.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from gen.c.builder import ModelBuilder
from gen.c.cexpr import parser_stack
from gen.c.inttypes import IntTypes
from gen.c.macro_groups import IntegerMacro, TypedefMark, evaluate_macros, group_macros
from gen.c.macros import Macro
from gen.c.preprocessor import Preprocessor
from gen.diagnostics import Location
from gen.idl.header import Lowered
from gen.model import Enum, GroupSpec

#: Where anything the header's outline does not place goes: after the rest.
_UNPLACED = (1 << 30, 0)


def position(main: Lowered, where: Location) -> tuple[int, int]:
    """The header line (and column) of a declaration, for the order."""
    line = main.positions.get((where.file, where.line))
    return _UNPLACED if line is None else (line, where.column)


def documented(enum: Enum, docs: dict[Location, str]) -> Enum:
    """The enum with the descriptions its [helpstring]s give."""
    members = tuple(
        dataclasses.replace(m, doc=docs[m.location]) if m.doc is None and m.location in docs else m
        for m in enum.members
    )
    doc = enum.doc if enum.doc is not None else docs.get(enum.location)
    if doc == enum.doc and members == enum.members:
        return enum
    return dataclasses.replace(enum, members=members, doc=doc)


def macro_groups(
    main: Lowered,
    defined: Sequence[Macro],
    pp: Preprocessor,
    builder: ModelBuilder,
    types: IntTypes,
    taken: set[str],
    groups: Sequence[GroupSpec],
    every_file: bool,
) -> list[tuple[Enum, tuple[int, int]]]:
    """The ``#define`` groups of the header, each with its place in it; with
    ``every_file``, those of the files it includes too (grouped on their own
    lines, as the C front end does)."""

    def placed(where: Location) -> bool:
        return (where.file, where.line) in main.positions

    chosen = defined if every_file else [m for m in defined if placed(m.location)]
    with parser_stack():
        integer = evaluate_macros(
            chosen,
            pp.macros,
            types,
            builder.evaluator,
            builder.symbols.typedefs.__contains__,
            pp.budget,
            builder.reporter.warn,
        )
    own = [m for m in integer if placed(m.location)]
    moved = [dataclasses.replace(m, location=_on_outline(main, m.location)) for m in own]
    marks = [
        TypedefMark(name, main.positions[(where.file, where.line)])
        for name, where in builder.integer_typedef_marks
        if placed(where)
    ]
    real = {m.name: m.location for m in own}
    result: list[tuple[Enum, tuple[int, int]]] = []
    for enum in group_macros(moved, main.lines, marks, taken, groups, types):
        members = tuple(dataclasses.replace(m, location=real[m.name]) for m in enum.members)
        back = dataclasses.replace(enum, members=members, location=members[0].location)
        result.append((back, (enum.location.line, enum.location.column)))
    by_file: dict[str, list[IntegerMacro]] = {}
    for m in integer:
        if not placed(m.location):
            by_file.setdefault(m.location.file, []).append(m)
    for file, items in by_file.items():
        for enum in group_macros(items, pp.source_lines(file) or [], [], taken, (), types):
            result.append((enum, _UNPLACED))
    return result


def _on_outline(main: Lowered, where: Location) -> Location:
    return Location(main.name, main.positions[(where.file, where.line)], where.column)
