"""The reference: every enumerator a header declares, with its value, as libclang computes it.

A header is parsed alone first; if clang reports errors it is parsed again with ``-include windows.h``
(many SDK headers assume windows.h came first); if that fails too the header is excluded. Results are
cached as JSON per header, keyed by the header's content, the arguments and the libclang version.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

import clang.cindex as ci  # type: ignore[import-untyped]

#: Bump when what is collected changes, to invalidate cached results.
ORACLE_VERSION = 1
TARGET = "x86_64-w64-mingw32"
RETRY_FORCE_INCLUDES: tuple[tuple[str, ...], ...] = ((), ("windows.h",))
#: Function bodies are skipped: they declare no file-scope enums, and parsing them is most of the time.
PARSE_OPTIONS = ci.TranslationUnit.PARSE_SKIP_FUNCTION_BODIES


@dataclass(frozen=True)
class Enumerator:
    name: str
    value: int
    #: The enum's tag, or None for an anonymous enum; its first typedef name, if any.
    tag: str | None
    typedef: str | None
    line: int


@dataclass(frozen=True)
class ClangResult:
    ok: bool
    #: The -include files clang needed (empty, or ("windows.h",)).
    force_includes: tuple[str, ...]
    enumerators: tuple[Enumerator, ...]
    #: The first error diagnostics of the last attempt (for an excluded header).
    errors: tuple[str, ...]

    def to_json(self) -> dict[str, object]:
        return {
            "ok": self.ok,
            "force_includes": list(self.force_includes),
            "errors": list(self.errors),
            "enumerators": [[e.name, e.value, e.tag, e.typedef, e.line] for e in self.enumerators],
        }

    @classmethod
    def from_json(cls, data: dict[str, object]) -> ClangResult:
        rows: list[list[object]] = data["enumerators"]  # type: ignore[assignment]
        enumerators = tuple(Enumerator(str(n), int(v), t, d, int(ln)) for n, v, t, d, ln in rows)  # type: ignore[call-overload, arg-type]
        return cls(bool(data["ok"]), tuple(data["force_includes"]), enumerators, tuple(data["errors"]))  # type: ignore[arg-type]


def clang_args(include_dirs: tuple[str, ...], resource_dir: str, force_includes: tuple[str, ...] = ()) -> list[str]:
    # The corpus dirs come first (-I), as the tool sees them; clang's resource headers (stddef.h,
    # x86intrin.h, ... which the libclang wheel lacks and mingw's winnt.h needs) come last, where the
    # tool has its built-in shims. (A clang driver puts the resource dir first; for mingw-w64 both
    # orders accept the same 1,295 headers.)
    args = ["-x", "c", "-target", TARGET, "-fms-extensions", "-nostdinc"]
    args += [f"-I{d}" for d in include_dirs]
    args += ["-isystem", resource_dir]
    for name in force_includes:
        args += ["-include", name]
    return args


_index: ci.Index | None = None


def _parse(header: Path, args: list[str]) -> ci.TranslationUnit:
    global _index
    if _index is None:
        _index = ci.Index.create()
    return _index.parse(str(header), args=args, options=PARSE_OPTIONS)


def _errors(tu: ci.TranslationUnit) -> list[str]:
    out = []
    for diag in tu.diagnostics:
        if diag.severity >= ci.Diagnostic.Error:
            where = f"{Path(diag.location.file.name).name}:{diag.location.line}: " if diag.location.file else ""
            out.append(where + diag.spelling)
    return out


def _enumerators(tu: ci.TranslationUnit, header: Path) -> tuple[Enumerator, ...]:
    """The enumerators of every enum definition whose (expansion) location is in ``header`` itself."""
    wanted = os.path.realpath(header)
    real: dict[str, str] = {}

    def in_header(cursor: ci.Cursor) -> bool:
        file = cursor.location.file
        if file is None:
            return False
        name = str(file.name)
        if name not in real:
            real[name] = os.path.realpath(name)
        return real[name] == wanted

    typedefs: dict[int, str] = {}
    enums: dict[int, ci.Cursor] = {}
    for top in tu.cursor.get_children():
        if not in_header(top):
            continue
        for cursor in top.walk_preorder():  # an enum inside a typedef or struct is visited twice: dedupe
            if cursor.kind == ci.CursorKind.ENUM_DECL and cursor.is_definition() and in_header(cursor):
                enums.setdefault(cursor.hash, cursor)
            elif cursor.kind == ci.CursorKind.TYPEDEF_DECL:
                decl = cursor.underlying_typedef_type.get_canonical().get_declaration()
                if decl.kind == ci.CursorKind.ENUM_DECL:
                    typedefs.setdefault(decl.hash, cursor.spelling)
    out = []
    for key, enum in sorted(enums.items(), key=lambda item: item[1].location.offset):
        tag = None if enum.is_anonymous() else enum.spelling
        for constant in enum.get_children():
            if constant.kind == ci.CursorKind.ENUM_CONSTANT_DECL:
                # enum_value reads the value as unsigned when the enum's integer type is unsigned.
                out.append(
                    Enumerator(constant.spelling, constant.enum_value, tag, typedefs.get(key), constant.location.line)
                )
    return tuple(out)


def analyse(header: Path, include_dirs: tuple[str, ...], resource_dir: str) -> ClangResult:
    """Parse ``header`` with clang (no cache)."""
    errors: list[str] = []
    for forced in RETRY_FORCE_INCLUDES:
        tu = _parse(header, clang_args(include_dirs, resource_dir, forced))
        errors = _errors(tu)
        if not errors:
            return ClangResult(True, forced, _enumerators(tu, header), ())
    return ClangResult(False, (), (), tuple(errors[:5]))


def cache_key(header: Path, include_dirs: tuple[str, ...], resource_dir: str) -> str:
    digest = hashlib.sha256()
    digest.update(header.read_bytes())
    recipe = [
        ORACLE_VERSION,
        metadata.version("libclang"),
        clang_args(include_dirs, resource_dir),
        RETRY_FORCE_INCLUDES,
        PARSE_OPTIONS,
    ]
    digest.update(json.dumps(recipe).encode())
    return digest.hexdigest()


def oracle(header: Path, include_dirs: tuple[str, ...], resource_dir: str, cache: Path) -> ClangResult:
    """Like :func:`analyse`, through a per-header JSON cache under ``cache/clang``."""
    key = cache_key(header, include_dirs, resource_dir)
    path = cache / "clang" / key[:2] / f"{key}.json"
    if path.exists():
        return ClangResult.from_json(json.loads(path.read_text()))
    result = analyse(header, include_dirs, resource_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_suffix(f".{os.getpid()}.tmp")
    temp.write_text(json.dumps(result.to_json()))
    os.replace(temp, path)
    return result
