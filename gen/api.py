"""The pipeline as one call: header path in, model and diagnostics out."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from gen.cexpr import parser_stack
from gen.declarations import DeclarationScanner
from gen.diagnostics import Diagnostic, GenError, Level, Location, Reporter
from gen.extract import ModelBuilder
from gen.inttypes import DATA_MODELS, IntTypes
from gen.macro_groups import TypedefMark, evaluate_macros, group_macros
from gen.macros import Macro
from gen.model import GroupSpec, Module
from gen.preprocessor import Preprocessor, PreprocessorOptions
from gen.targets import DEFAULT_TARGET, TARGETS


@dataclass
class Extraction:
    module: Module
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.level is Level.ERROR]


def display_name(path: Path) -> str:
    """How a header is named in outputs: as given, relative, '/' separators."""
    text = path.as_posix()
    if path.is_absolute():
        try:
            text = path.resolve().relative_to(Path.cwd().resolve()).as_posix()
        except ValueError:
            text = path.name
    return text


def extract(
    header: str | Path,
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
    """Read ``header`` and return every enum it declares, with values.

    Raises :class:`GenError` for a fatal problem (unreadable file, broken
    syntax); problems with single enumerators are error diagnostics in the
    result, and those enumerators are left out of the model.

    ``macros`` chooses which integer #define constants become groups:
    "main" (those defined in ``header``), "all" (also from included files)
    or "none"; ``groups`` are explicit groups that take their macros first.
    """
    path = Path(header)
    shown = name or display_name(path)
    if target not in TARGETS:
        raise GenError(f"unknown target '{target}' (known: {', '.join(sorted(TARGETS))})")
    types = IntTypes(DATA_MODELS[TARGETS[target]])
    reporter = Reporter()
    options = PreprocessorOptions(include_dirs, defines, undefines, force_includes, shims, target)
    if macros not in ("main", "all", "none"):
        raise GenError(f"unknown macros choice '{macros}' (main, all or none)")
    pp = Preprocessor(types, options, reporter)
    defined: list[Macro] = []
    if macros != "none":
        pp.on_define = defined.append
    builder = ModelBuilder(types, reporter)
    scanner = DeclarationScanner(
        shown,
        builder.symbols.typedefs,
        pp.source_lines,
        pp.policy,
        pp.macros.__contains__,
        lambda: bool(pp.missing_includes),
    )
    try:
        # Macro arguments nest as deep as the calls (``F(F(F(...)))``): give
        # the expander the parsers' room (clang has no limit there).
        with parser_stack():
            builder.add_all(scanner.scan(pp.tokens(path, shown)))
    except RecursionError:
        raise GenError("input nested too deeply to process", Location(shown, 1, 1)) from None
    enums = builder.enums()
    if macros != "none":
        if macros == "main":
            defined = [m for m in defined if m.location.file == shown]
        with parser_stack():
            integer = evaluate_macros(
                defined, pp.macros, types, builder.evaluator, builder.symbols.typedefs.__contains__
            )
        taken = {e.name for e in enums if e.name}
        marks = [TypedefMark(n, line) for n, line in builder.integer_typedef_marks]
        grouped = group_macros(integer, pp.source_lines(shown) or [], marks, taken, groups, types)
        enums = tuple(sorted((*enums, *grouped), key=lambda e: (e.location.line, e.location.column)))
    module = Module(
        source=shown,
        enums=enums,
        files_read=tuple(str(p) for p in pp.files_read),
        dirs_probed=tuple(sorted(pp.dirs_probed)),
    )
    return Extraction(module, reporter.diagnostics)
