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
import re
from collections.abc import Sequence
from pathlib import Path

from gen.c.builder import ModelBuilder
from gen.c.cexpr import parser_stack
from gen.c.comments import describe
from gen.c.declarations import DeclarationScanner
from gen.c.frontend import display_name
from gen.c.inttypes import DATA_MODELS, IntTypes
from gen.c.lexer import Token
from gen.c.macros import Macro
from gen.c.preprocessor import Preprocessor, PreprocessorOptions
from gen.c.source import Deferred, Segment, SourceFile, VirtualSource
from gen.c.targets import DEFAULT_TARGET, TARGETS
from gen.c.undecided import Undecided, undecided_warnings
from gen.diagnostics import Diagnostic, GenError, Location, Reporter
from gen.idl.files import IDL_PREDEFINED, IdlFiles, shown_name
from gen.idl.groups import documented, macro_groups, position
from gen.idl.header import Lowered, lower
from gen.idl.syntax import unescape
from gen.idl.widl import header_guard, header_name, prologue_source
from gen.model import Enum, Extraction, GroupSpec, Module


class _Imports:
    """The imports of the header, read when the preprocessor reaches them."""

    def __init__(self, files: IdlFiles, pp: Preprocessor, reporter: Reporter) -> None:
        self.files = files
        self.pp = pp
        self.reporter = reporter

    def segments(self, lowered: Lowered) -> list[Segment]:
        return [self._deferred(file, tok, lowered.path) for file, tok in lowered.imports]

    def _deferred(self, file: str, tok: Token, importer: Path) -> Deferred:
        return Deferred(lambda: self._open(file, tok, importer))

    def _open(self, file: str, tok: Token, importer: Path) -> SourceFile | None:
        if file.lower().endswith(".h"):
            # ``import "x.h"``: the header includes the C header itself.
            line = f"{' ' * (tok.col - 1)}#include <{file}>"
            return VirtualSource(tok.file, importer, "", segments=((tok.line, line),))
        guard = header_guard(file)
        if guard in self.pp.macros:
            return None  # its header was included already: so was it
        found = self.files.find(file, importer)
        if found is None:
            if file not in self.pp.missing_includes:
                self.pp.missing_includes.append(file)
            self.reporter.warn(f"'{file}' not found; continuing without it", Location(tok.file, tok.line, tok.col))
            return None
        if found.resolve() in self.files.imported:
            return None
        self.files.imported.add(found.resolve())
        name = shown_name(found)
        lowered = lower(self.files.statements(found, name), name, found, outline=False)
        first: list[Segment] = [(1, f"#define {guard}"), *self.segments(lowered)]
        return lowered.source(self.files.path_of, first)


def _header(main: Lowered, imports: _Imports, files: IdlFiles) -> VirtualSource:
    """The header: widl's prologue, then its guard around the imports and
    everything else (a file of its own, so that a cpp_quote("#if") left open
    is an error located there)."""
    guard = header_guard(main.name)
    body = main.source(files.path_of, imports.segments(main))
    segments: list[Segment] = [
        Deferred(prologue_source),
        (1, f"#ifndef {guard}"),
        (1, f"#define {guard}"),
        Deferred(lambda: body),
        (1, f"#endif /* {guard} */"),
    ]
    return VirtualSource(main.name, main.path, "", segments=tuple(segments))


def extract(
    idl: str | Path,
    *,
    include_dirs: Sequence[str] = (),
    defines: Sequence[str] = (),
    undefines: Sequence[str] = (),
    force_includes: Sequence[str] = (),
    target: str = DEFAULT_TARGET,
    shims: bool = True,
    system_includes: bool = True,
    sysroot: str | None = None,
    name: str | None = None,
    macros: str = "main",
    groups: Sequence[GroupSpec] = (),
) -> Extraction:
    """Read ``idl`` and return every enum and ``#define`` group of the header
    it stands for, with values. The options are those of
    :func:`gen.c.frontend.extract`; ``-I``, ``-D`` and ``-U`` apply to the
    .idl and to the header alike, ``-include`` to the header."""
    path = Path(idl)
    shown = name or display_name(path)
    if target not in TARGETS:
        raise GenError(f"unknown target '{target}' (known: {', '.join(sorted(TARGETS))})")
    if macros not in ("main", "all", "none"):
        raise GenError(f"unknown macros choice '{macros}' (main, all or none)")
    types = IntTypes(DATA_MODELS[TARGETS[target]])
    reporter = Reporter()
    level1 = PreprocessorOptions(
        include_dirs, defines, undefines, (), shims, target, system_includes, sysroot, predefined=IDL_PREDEFINED
    )
    files = IdlFiles(types, level1, reporter)
    main = lower(files.statements(path, shown), shown, path, outline=True)
    files.imported.add(path.resolve())

    level2 = PreprocessorOptions(
        include_dirs, defines, undefines, force_includes, shims, target, system_includes, sysroot
    )
    pp = Preprocessor(types, level2, reporter)
    source = _header(main, _Imports(files, pp, reporter), files)
    # An SDK header of the prologue may include the header of this very
    # .idl (Wine's ole2.h includes propidl.h): it gets this one, as the real
    # header gets itself.
    pp.provided[header_name(shown).lower()] = lambda: source
    defined: list[Macro] = []
    if macros != "none":
        pp.on_define = defined.append
    builder = ModelBuilder(types, reporter)
    scanner = DeclarationScanner(
        shown,
        builder.symbols.typedefs,
        lambda file: files.source_lines(file) or pp.source_lines(file),
        pp.policy,
        pp.macros.__contains__,
        lambda: bool(pp.missing_includes),
        # What the header holds of the .idl (and of the files it #includes).
        is_main=lambda tok: (tok.file, tok.line) in main.positions,
    )
    try:
        with parser_stack():
            builder.add_all(scanner.scan(pp.source_tokens(source)))
    except RecursionError:
        raise GenError("input nested too deeply to process", Location(shown, 1, 1)) from None

    placed: list[tuple[Enum, tuple[int, int]]] = [
        (documented(e, main.docs), position(main, e.location)) for e in builder.enums()
    ]
    if macros != "none":
        taken = {e.name for e, _ in placed if e.name}
        placed += macro_groups(main, defined, pp, builder, types, taken, groups, every_file=macros == "all")
    placed.sort(key=lambda item: (item[1], item[0].location.line, item[0].location.column))
    files.note(pp)
    enums = [e for e, _ in placed]
    for warning in _undecided_warnings(files, pp, enums, macros, shown):
        reporter.add(warning)
    module = Module(
        source=shown,
        # The .idl's comments describe what they stand by, as a header's do.
        enums=describe(enums, files.raw_text),
        files_read=tuple(files.read),
        dirs_probed=tuple(sorted(files.probed)),
    )
    return Extraction(module, reporter.diagnostics)


#: A line of the .idl that is one cpp_quote: the header has its text there.
_CPP_QUOTE_LINE = re.compile(r'\s*cpp_quote\s*\(\s*"(.*)"\s*\)\s*;?\s*\Z')


def _undecided_warnings(
    files: IdlFiles, pp: Preprocessor, enums: Sequence[Enum], macros: str, shown: str
) -> list[Diagnostic]:
    """Conditionals a missing ``#include`` left undecided, as for headers:
    those of the .idl files (whose own ``#define`` lines never reach the
    header) and those of the header (cpp_quote text, the files it includes)."""

    def idl_lines(file: str) -> list[str] | None:
        return files.source_lines(file) or pp.source_lines(file)

    def header_lines(file: str) -> list[str] | None:
        lines = idl_lines(file)
        if lines is None:
            return None
        return [unescape(m.group(1)) if (m := _CPP_QUOTE_LINE.match(line)) else line for line in lines]

    def header_macros(file: str) -> bool:
        return macros == "all" or (macros == "main" and file == shown)

    out = undecided_warnings(
        [_in_enum_body(u, enums) for level1 in files.preprocessors for u in level1.undecided],
        enums,
        idl_lines,
        lambda _file: False,
    )
    out += undecided_warnings(pp.undecided, enums, header_lines, header_macros)
    return out


def _in_enum_body(u: Undecided, enums: Sequence[Enum]) -> Undecided:
    """``u`` with the enum whose body holds it: the IDL parser, not the
    declaration scanner, read the .idl, so no scanner marked it."""
    if u.enum_keyword is not None:
        return u
    last = u.last_line or u.location.line
    for e in enums:
        if e.location.file != u.location.file or not e.members or e.location.line >= u.location.line:
            continue
        if max(m.location.line for m in e.members) > last:
            return dataclasses.replace(u, enum_keyword=e.location)
    return u
