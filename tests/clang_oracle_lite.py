"""Ask libclang (PyPI `libclang`, a test dependency) for the values of
enumerators and macros, as the reference the tool must agree with."""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from pathlib import Path

import clang.cindex as ci

TARGET_ARGS = ["-x", "c", "-target", "x86_64-w64-mingw32", "-fms-extensions"]


def clang_macro_values(header: Path, names: Sequence[str], include_dirs: Sequence[str] = ()) -> dict[str, int]:
    """Each macro evaluated as an enumerator initializer after including ``header``."""
    lines = [f'#include "{header.resolve().as_posix()}"']
    # One enum per macro: a value that does not fit int must not change the others.
    lines += [f"enum {{ gen_check_{i} = ({name}) }};" for i, name in enumerate(names)]
    with tempfile.TemporaryDirectory() as tmp:
        probe = Path(tmp) / "probe.c"
        probe.write_text("\n".join(lines) + "\n", encoding="utf-8")
        tu = ci.Index.create().parse(str(probe), args=[*TARGET_ARGS, *[f"-I{d}" for d in include_dirs]])
        errors = [str(d) for d in tu.diagnostics if d.severity >= ci.Diagnostic.Error]
        assert not errors, errors[:5]
        values: dict[str, int] = {}
        for cursor in tu.cursor.walk_preorder():
            if cursor.kind == ci.CursorKind.ENUM_CONSTANT_DECL and cursor.spelling.startswith("gen_check_"):
                values[names[int(cursor.spelling.removeprefix("gen_check_"))]] = cursor.enum_value
    return values


def clang_enum_values(header: Path, include_dirs: Sequence[str] = ()) -> dict[str, int]:
    """Every enumerator declared in ``header`` itself."""
    tu = ci.Index.create().parse(str(header), args=[*TARGET_ARGS, *[f"-I{d}" for d in include_dirs]])
    errors = [str(d) for d in tu.diagnostics if d.severity >= ci.Diagnostic.Error]
    assert not errors, errors[:5]
    real = header.resolve()
    return {
        c.spelling: c.enum_value
        for c in tu.cursor.walk_preorder()
        if c.kind == ci.CursorKind.ENUM_CONSTANT_DECL
        and c.location.file
        and Path(c.location.file.name).resolve() == real
    }
