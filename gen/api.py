"""The pipeline as one call: header path in, model and diagnostics out."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from gen.declarations import DeclarationScanner
from gen.diagnostics import Diagnostic, GenError, Level, Location, Reporter
from gen.extract import ModelBuilder
from gen.inttypes import DATA_MODELS, IntTypes
from gen.model import Module
from gen.preprocessor import Preprocessor, PreprocessorOptions

#: Target triples and the data model of each.
TARGETS = {
    "x86_64-w64-mingw32": "llp64",
    "i686-w64-mingw32": "ilp32",
    "x86_64-linux-gnu": "lp64",
}
DEFAULT_TARGET = "x86_64-w64-mingw32"


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
) -> Extraction:
    """Read ``header`` and return every enum it declares, with values.

    Raises :class:`GenError` for a fatal problem (unreadable file, broken
    syntax); problems with single enumerators are error diagnostics in the
    result, and those enumerators are left out of the model.
    """
    path = Path(header)
    shown = name or display_name(path)
    if target not in TARGETS:
        raise GenError(f"unknown target '{target}' (known: {', '.join(sorted(TARGETS))})")
    types = IntTypes(DATA_MODELS[TARGETS[target]])
    reporter = Reporter()
    options = PreprocessorOptions(include_dirs, defines, undefines, force_includes, shims, target)
    pp = Preprocessor(types, options, reporter)
    builder = ModelBuilder(types, reporter)
    scanner = DeclarationScanner(shown, builder.symbols.typedefs, pp.source_lines)
    limit = sys.getrecursionlimit()
    try:
        builder.add_all(scanner.scan(pp.tokens(path, shown)))
    except RecursionError:
        raise GenError("input nested too deeply to process", Location(shown, 1, 1)) from None
    finally:
        sys.setrecursionlimit(limit)
    module = Module(
        source=shown,
        enums=builder.enums(),
        files_read=tuple(str(p) for p in pp.files_read),
    )
    return Extraction(module, reporter.diagnostics)
