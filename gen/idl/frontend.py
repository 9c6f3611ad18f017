"""The IDL front end as one call: .idl path in, model and diagnostics out,
the same model the C front end gives for the header MIDL or widl would
generate from the .idl.

Two preprocessing levels, as with widl and a C compiler:

1. each .idl file (the main one, and each import on its own, as widl does)
   goes through the C preprocessor with the IDL compiler's predefined macros
   (``__WIDL__``), then through the IDL parser (:mod:`gen.idl.parser`);
2. the statements become the header they stand for (:mod:`gen.idl.header`),
   which the C front end's preprocessor, declaration scanner and model
   builder read as they read any header, with the target's predefined macros,
   after widl's prologue (``rpc.h``, ``windows.h``, ``ole2.h``, the shims
   without an SDK). Imports come first, as the header's ``#include`` of
   each would: an import whose header is included already (its guard
   ``__x_h__`` is defined) is skipped, as that ``#include`` would be.

Locations stay those of the .idl: declarations keep their tokens, cpp_quote
text keeps its line and column.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from pathlib import Path

from gen.c.builder import ModelBuilder
from gen.c.cexpr import parser_stack
from gen.c.declarations import DeclarationScanner
from gen.c.frontend import display_name
from gen.c.includes import SHIM_DIR
from gen.c.inttypes import DATA_MODELS, IntTypes
from gen.c.lexer import IDENT, Token
from gen.c.macro_groups import IntegerMacro, TypedefMark, evaluate_macros, group_macros
from gen.c.macros import Expander, Macro
from gen.c.preprocessor import Preprocessor, PreprocessorOptions
from gen.c.source import Deferred, Segment, SourceFile, VirtualSource
from gen.c.targets import DEFAULT_TARGET, TARGETS
from gen.diagnostics import GenError, Location, Reporter
from gen.idl.header import Lowered, header_guard, header_name, lower, prologue_source
from gen.idl.parser import parse
from gen.idl.syntax import Statement
from gen.model import Enum, Extraction, GroupSpec, Module

#: What widl predefines for the .idl (not the C compiler's target macros).
IDL_PREDEFINED = ("__WIDL__",)


class _Files:
    """Every .idl of a run read through level 1, each with a fresh
    preprocessor (widl preprocesses each import on its own)."""

    def __init__(
        self, types: IntTypes, options: PreprocessorOptions, reporter: Reporter, read: list[str], probed: set[str]
    ) -> None:
        self.types = types
        self.options = options
        self.reporter = reporter
        self.read = read
        self.probed = probed
        self.preprocessors: list[Preprocessor] = []
        self.imported: set[Path] = set()

    def statements(self, path: Path, name: str) -> tuple[list[Statement], Preprocessor]:
        pp = Preprocessor(self.types, self.options, self.reporter)
        self.preprocessors.append(pp)
        unsafe = _UnsafeMacros(pp.macros)

        def expand(tokens: list[Token]) -> list[Token]:
            return Expander(pp.macros, iter(tokens)).expand_all()

        try:
            return parse(pp.tokens(path, name), name, unsafe, expand), pp
        finally:
            self._note(pp)

    def _note(self, pp: Preprocessor) -> None:
        for p in pp.files_read:
            if str(p) not in self.read:
                self.read.append(str(p))
        self.probed.update(pp.dirs_probed)

    def source_lines(self, name: str) -> list[str] | None:
        for pp in self.preprocessors:
            lines = pp.source_lines(name)
            if lines is not None:
                return lines
        return None

    def path_of(self, name: str) -> Path | None:
        for pp in self.preprocessors:
            source = pp.source_file(name)
            if source is not None:
                return source.path
        return None

    def find(self, target: str, importer: Path) -> Path | None:
        """An imported file: next to the importing file, then in the include
        folders, then among the shims."""
        folders = [importer.parent, *(Path(d) for d in self.options.include_dirs)]
        if self.options.shims:
            folders.append(SHIM_DIR)
        for folder in folders:
            candidate = folder / target
            if candidate.is_file():
                return candidate
            self.probed.add(str(folder))
        return None


class _UnsafeMacros:
    """Which macros may not stay unexpanded in an attribute list: those
    whose expansion could unbalance its brackets (memoized per definition)."""

    def __init__(self, macros: dict[str, Macro]) -> None:
        self.macros = macros
        self.memo: dict[int, bool] = {}

    def __call__(self, name: str) -> bool:
        return self._unsafe(name, set())

    def _unsafe(self, name: str, seen: set[str]) -> bool:
        macro = self.macros.get(name)
        if macro is None or name in seen:
            return False
        known = self.memo.get(id(macro))
        if known is not None:
            return known
        seen.add(name)
        depth = {"(": 0, "[": 0}
        result = False
        for tok in macro.body:
            t = tok.text
            if t in ("(", "["):
                depth[t] += 1
            elif t in (")", "]"):
                depth["(" if t == ")" else "["] -= 1
            elif t in ("{", "}", ";") or (tok.kind == IDENT and self._unsafe(t, seen)):
                result = True
                break
        result = result or any(depth.values())
        self.memo[id(macro)] = result
        return result


def _shown(path: Path) -> str:
    """How an imported file is named in locations (shims by their name)."""
    try:
        return f"<gen>/{path.resolve().relative_to(SHIM_DIR).as_posix()}"
    except ValueError:
        return path.as_posix()


def extract(
    idl: str | Path,
    *,
    include_dirs: Sequence[str] = (),
    defines: Sequence[str] = (),
    undefines: Sequence[str] = (),
    force_includes: Sequence[str] = (),
    target: str = DEFAULT_TARGET,
    shims: bool = True,
    name: str | None = None,
    macros: str = "main",
    groups: Sequence[GroupSpec] = (),
) -> Extraction:
    """Read ``idl`` and return every enum and ``#define`` group of the header
    it stands for, with values (the options are those of
    :func:`gen.c.frontend.extract`; ``-I``, ``-D`` and ``-U`` apply to the
    .idl and to the header alike)."""
    path = Path(idl)
    shown = name or display_name(path)
    if target not in TARGETS:
        raise GenError(f"unknown target '{target}' (known: {', '.join(sorted(TARGETS))})")
    if macros not in ("main", "all", "none"):
        raise GenError(f"unknown macros choice '{macros}' (main, all or none)")
    types = IntTypes(DATA_MODELS[TARGETS[target]])
    reporter = Reporter()
    read: list[str] = []
    probed: set[str] = set()
    level1 = PreprocessorOptions(include_dirs, defines, undefines, (), shims, target, predefined=IDL_PREDEFINED)
    files = _Files(types, level1, reporter, read, probed)
    statements, _ = files.statements(path, shown)
    main = lower(statements, shown, path, outline=True)
    files.imported.add(path.resolve())

    level2 = PreprocessorOptions(include_dirs, defines, undefines, force_includes, shims, target)
    pp = Preprocessor(types, level2, reporter)

    def open_import(file: str, tok: Token, importer: Path) -> SourceFile | None:
        if file.lower().endswith(".h"):
            # ``import "x.h"``: the header includes the C header itself.
            line = f"{' ' * (tok.col - 1)}#include <{file}>"
            return VirtualSource(tok.file, importer, "", segments=((tok.line, line),))
        if header_guard(file) in pp.macros:
            return None  # its header was included already
        found = files.find(file, importer)
        if found is None:
            if file not in pp.missing_includes:
                pp.missing_includes.append(file)
            reporter.warn(f"'{file}' not found; continuing without it", Location(tok.file, tok.line, tok.col))
            return None
        real = found.resolve()
        if real in files.imported:
            return None
        files.imported.add(real)
        imported_name = _shown(found)
        stmts, _ = files.statements(found, imported_name)
        lowered = lower(stmts, imported_name, found, outline=False)
        guard = header_guard(file)
        first: list[Segment] = [(1, f"#define {guard}"), *_import_segments(lowered)]
        return lowered.source(files.path_of, first)

    def deferred(file: str, tok: Token, importer: Path) -> Deferred:
        return Deferred(lambda: open_import(file, tok, importer))

    def _import_segments(lowered: Lowered) -> list[Deferred]:
        return [deferred(f, t, lowered.path) for f, t in lowered.imports]

    # The header: widl's prologue, then its guard around the imports and
    # everything else. An SDK header in the prologue may include the header
    # of this very .idl (ole2.h includes propidl.h): it gets this one.
    guard = header_guard(shown)
    first: list[Segment] = [
        Deferred(prologue_source),
        (1, f"#ifndef {guard}"),
        (1, f"#define {guard}"),
        *_import_segments(main),
    ]
    source = main.source(files.path_of, first, last=[(1, f"#endif /* {guard} */")])
    pp.provided[header_name(shown).lower()] = lambda: source

    defined: list[Macro] = []
    if macros != "none":
        pp.on_define = defined.append
    builder = ModelBuilder(types, reporter)

    def source_lines(file: str) -> list[str] | None:
        return files.source_lines(file) or pp.source_lines(file)

    scanner = DeclarationScanner(
        shown,
        builder.symbols.typedefs,
        source_lines,
        pp.policy,
        pp.macros.__contains__,
        lambda: bool(pp.missing_includes),
        is_main=lambda tok: (tok.file, tok.line) in main.positions,
    )
    try:
        with parser_stack():
            builder.add_all(scanner.scan(pp.source_tokens(source)))
    except RecursionError:
        raise GenError("input nested too deeply to process", Location(shown, 1, 1)) from None
    enums = tuple(_documented(e, main.docs) for e in builder.enums())
    order = {id(e): _position(main, e.location) for e in enums}
    if macros != "none":
        grouped, positions = _macro_groups(main, defined, pp, builder, types, enums, groups, macros, source_lines)
        order.update(positions)
        enums = (*enums, *grouped)
    enums = tuple(sorted(enums, key=lambda e: (order.get(id(e), (1 << 30, 0)), e.location.line, e.location.column)))
    for p in pp.files_read:
        if str(p) not in read:
            read.append(str(p))
    probed.update(pp.dirs_probed)
    module = Module(source=shown, enums=enums, files_read=tuple(read), dirs_probed=tuple(sorted(probed)))
    return Extraction(module, reporter.diagnostics)


def _key(where: Location) -> tuple[str, int]:
    return where.file, where.line


def _position(main: Lowered, where: Location) -> tuple[int, int]:
    return main.positions.get((where.file, where.line), 1 << 30), where.column


def _documented(enum: Enum, docs: dict[Location, str]) -> Enum:
    """The enum with the descriptions its [helpstring]s give."""
    if not docs:
        return enum
    members = tuple(
        dataclasses.replace(m, doc=docs[m.location]) if m.location in docs and m.doc is None else m
        for m in enum.members
    )
    doc = enum.doc if enum.doc is not None else docs.get(enum.location)
    if doc == enum.doc and members == enum.members:
        return enum
    return dataclasses.replace(enum, members=members, doc=doc)


def _macro_groups(
    main: Lowered,
    defined: list[Macro],
    pp: Preprocessor,
    builder: ModelBuilder,
    types: IntTypes,
    enums: Sequence[Enum],
    groups: Sequence[GroupSpec],
    macros: str,
    source_lines: object,
) -> tuple[list[Enum], dict[int, tuple[int, int]]]:
    """The ``#define`` groups, decided on the header's outline: each macro
    and typedef stands on the header line its .idl line lands on."""

    def in_main(m: Macro | IntegerMacro) -> bool:
        return (m.location.file, m.location.line) in main.positions

    chosen = defined if macros == "all" else [m for m in defined if in_main(m)]
    with parser_stack():
        integer = evaluate_macros(chosen, pp.macros, types, builder.evaluator, builder.symbols.typedefs.__contains__)
    taken = {e.name for e in enums if e.name}
    outline = [m for m in integer if in_main(m)]
    moved = [
        dataclasses.replace(m, location=Location(main.name, main.positions[_key(m.location)], m.location.column))
        for m in outline
    ]
    marks = [
        TypedefMark(n, main.positions[(loc.file, loc.line)])
        for n, loc in builder.integer_typedef_marks
        if (loc.file, loc.line) in main.positions
    ]
    real = {m.name: m.location for m in outline}
    result: list[Enum] = []
    positions: dict[int, tuple[int, int]] = {}
    for enum in group_macros(moved, main.lines, marks, taken, groups, types):
        at = (enum.location.line, enum.location.column)
        members = tuple(dataclasses.replace(m, location=real[m.name]) for m in enum.members)
        back = dataclasses.replace(enum, members=members, location=members[0].location)
        positions[id(back)] = at
        result.append(back)
    others = [m for m in integer if not in_main(m)]
    by_file: dict[str, list[IntegerMacro]] = {}
    for m in others:
        by_file.setdefault(m.location.file, []).append(m)
    for file, items in by_file.items():
        lines = pp.source_lines(file) or []
        result.extend(group_macros(items, lines, [], taken, (), types))
    return result, positions

