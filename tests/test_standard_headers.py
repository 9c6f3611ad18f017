"""gen's built-in standard headers (gen/stdinc) against clang's, value by value, for every target.

A probe header includes the standard headers and puts each checked expression in an enum of its
own: every limit macro (its value, its size and whether it is signed), every type (its size, its
alignment, whether it is signed), the integer-constant macros, the memory orders and the operator
spellings. gen
extracts the probe with its own headers (no system folders); clang (libclang) evaluates the same
probe with its own resource headers (libclang-common-16-dev from the test corpus). Every value must
be equal.

Where the C library decides rather than the compiler (``<wchar.h>``, ``<uchar.h>``: ``WEOF``,
``mbstate_t``), the reference is clang with the target's C library: mingw-w64's headers for the
Windows targets, this machine's glibc for Linux.

Struct types (``max_align_t``, ``atomic_flag``, ``imaxdiv_t``, glibc's ``mbstate_t``) are laid out
by gen (gen/c/records.py) and checked like the rest.

A third check has clang itself read gen's headers: the same probe gives clang's own values, and
every ``PRI*``/``SCN*`` macro passes clang's ``-Wformat`` for its type.

Needs the corpus (fetched once into ~/.cache/gen-tests/corpus); GEN_SKIP_CORPUS=1 skips it.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from gen.c.frontend import extract  # noqa: E402
from gen.c.search import STD_DIR  # noqa: E402
from gen.c.targets import TARGETS  # noqa: E402

pytestmark = pytest.mark.skipif(os.environ.get("GEN_SKIP_CORPUS") == "1", reason="GEN_SKIP_CORPUS=1")

ci = pytest.importorskip("clang.cindex")

#: Integer macros, by header. Floating ones (FLT_MAX, ...) are no integer constants.
LIMITS = {
    "stdint.h": [
        *[
            f"{p}INT{n}_{m}"
            for p in ("", "U")
            for n in (8, 16, 32, 64)
            for m in ("MIN", "MAX")
            if (p, m) != ("U", "MIN")
        ],
        *[
            f"{p}INT_{k}{n}_{m}"
            for k in ("LEAST", "FAST")
            for p in ("", "U")
            for n in (8, 16, 32, 64)
            for m in ("MIN", "MAX")
            if (p, m) != ("U", "MIN")
        ],
        *["INTPTR_MIN", "INTPTR_MAX", "UINTPTR_MAX", "INTMAX_MIN", "INTMAX_MAX", "UINTMAX_MAX"],
        *["PTRDIFF_MIN", "PTRDIFF_MAX", "SIG_ATOMIC_MIN", "SIG_ATOMIC_MAX", "SIZE_MAX"],
        *["WCHAR_MIN", "WCHAR_MAX", "WINT_MIN", "WINT_MAX"],
        *[f"{p}INT{n}_C(1)" for p in ("", "U") for n in (8, 16, 32, 64)],
        *["INTMAX_C(1)", "UINTMAX_C(1)", "UINT64_C(0xffffffffffffffff)", "INT64_C(-9223372036854775807)"],
    ],
    "limits.h": [
        *["CHAR_BIT", "MB_LEN_MAX", "SCHAR_MIN", "SCHAR_MAX", "UCHAR_MAX", "CHAR_MIN", "CHAR_MAX"],
        *["SHRT_MIN", "SHRT_MAX", "USHRT_MAX", "INT_MIN", "INT_MAX", "UINT_MAX"],
        *["LONG_MIN", "LONG_MAX", "ULONG_MAX", "LLONG_MIN", "LLONG_MAX", "ULLONG_MAX"],
    ],
    "float.h": [
        *["FLT_EVAL_METHOD", "FLT_RADIX", "DECIMAL_DIG"],
        *[
            f"{t}_{m}"
            for t in ("FLT", "DBL", "LDBL")
            for m in (
                "MANT_DIG",
                "DECIMAL_DIG",
                "DIG",
                "MIN_EXP",
                "MIN_10_EXP",
                "MAX_EXP",
                "MAX_10_EXP",
                "HAS_SUBNORM",
            )
        ],
    ],
    "stdbool.h": ["true", "false", "__bool_true_false_are_defined"],
    "stdalign.h": ["__alignas_is_defined", "__alignof_is_defined", "alignof(long double)", "alignof(long long)"],
    "stdatomic.h": [
        *[f"memory_order_{o}" for o in ("relaxed", "consume", "acquire", "release", "acq_rel", "seq_cst")],
        *[
            f"ATOMIC_{t}_LOCK_FREE"
            for t in ("BOOL", "CHAR", "CHAR16_T", "CHAR32_T", "WCHAR_T", "SHORT", "INT", "LONG", "LLONG", "POINTER")
        ],
        "kill_dependency(3)",
        "ATOMIC_VAR_INIT(4)",
    ],
    "iso646.h": [
        "(6 bitand 3)",
        "(6 bitor 3)",
        "(6 xor 3)",
        "(compl 0)",
        "(not 0)",
        "(1 and 0)",
        "(1 or 0)",
        "(1 not_eq 2)",
    ],
}
INTEGER_TYPES = [
    *[f"{p}int{n}_t" for p in ("", "u") for n in (8, 16, 32, 64)],
    *[f"{p}int_{k}{n}_t" for k in ("least", "fast") for p in ("", "u") for n in (8, 16, 32, 64)],
    *["intptr_t", "uintptr_t", "intmax_t", "uintmax_t", "size_t", "ptrdiff_t", "wchar_t", "wint_t", "bool"],
]
ATOMIC_TYPES = [
    *["atomic_bool", "atomic_char", "atomic_schar", "atomic_uchar", "atomic_short", "atomic_ushort"],
    *["atomic_int", "atomic_uint", "atomic_long", "atomic_ulong", "atomic_llong", "atomic_ullong"],
    *["atomic_char16_t", "atomic_char32_t", "atomic_wchar_t", "atomic_intptr_t", "atomic_uintptr_t"],
    *["atomic_size_t", "atomic_ptrdiff_t", "atomic_intmax_t", "atomic_uintmax_t"],
    *[f"atomic_{p}int_{k}{n}_t" for k in ("least", "fast") for p in ("", "u") for n in (8, 16, 32, 64)],
]
OTHER_TYPES = ["max_align_t", "va_list", "__gnuc_va_list", "long double", "memory_order", "atomic_flag"]
COMPILER_HEADERS = ["stddef.h", "stdint.h", "limits.h", "float.h", "stdarg.h", "stdbool.h", "stdalign.h"]
COMPILER_HEADERS += ["stdnoreturn.h", "iso646.h", "stdatomic.h"]

#: Decided by the C library: checked against clang with the target's libc headers.
LIBRARY_EXPRESSIONS = [
    *[f"{x}({m})" for m in ("WCHAR_MIN", "WCHAR_MAX", "WEOF") for x in ("", "sizeof")],
    *[f"(({m}) * 0 - 1 < 0)" for m in ("WCHAR_MIN", "WCHAR_MAX", "WEOF")],
    *[f"sizeof({t})" for t in ("mbstate_t", "char16_t", "char32_t", "wint_t", "wchar_t")],
    *["((char16_t)-1 < 0)", "((char32_t)-1 < 0)", "sizeof(imaxdiv_t)"],
]
LIBRARY_HEADERS = ["wchar.h", "uchar.h", "inttypes.h"]

#: gen's predefined macros are clang 14's, whose i686-w64-mingw32 CPU was the Pentium Pro (x87:
#: FLT_EVAL_METHOD 2); libclang 18 defaults to the Pentium 4 (SSE2: 0). The oracle gets the same CPU.
CPU = {"i686-w64-mingw32": ["-march=pentiumpro"]}


def compiler_expressions() -> list[str]:
    exprs: list[str] = []
    for macros in LIMITS.values():
        for m in macros:
            exprs += [f"({m})", f"sizeof({m})", f"(({m}) * 0 - 1 < 0)"]
    for t in INTEGER_TYPES:
        exprs += [f"sizeof({t})", f"_Alignof({t})", f"(({t})-1 < 0)"]
    for t in ATOMIC_TYPES:
        exprs += [f"sizeof({t})", f"_Alignof({t})"]
    for t in OTHER_TYPES:
        exprs += [f"sizeof({t})", f"_Alignof({t})"]
    exprs += ["sizeof(NULL)", "sizeof(ptrdiff_t) == sizeof(void *)"]
    return exprs


def probe(headers: Sequence[str], exprs: Sequence[str]) -> str:
    """A header with each expression in an enum of its own (so no value changes another's type)."""
    lines = ["#define __need_wint_t", "#include <stddef.h>"]
    lines += [f"#include <{h}>" for h in headers]
    lines += [f"enum {{ gen_probe_{i} = {e} }};" for i, e in enumerate(exprs)]
    return "\n".join(lines) + "\n"


def resource_dir() -> str:
    from tests.differential import corpus

    try:
        return corpus.load("mingw").resource_dir
    except corpus.CorpusError as exc:
        pytest.fail(f"cannot fetch clang's resource headers: {exc} (set GEN_SKIP_CORPUS=1 to skip this test)")


def mingw_include() -> str:
    from tests.differential import corpus

    return corpus.load("mingw").include_dirs[0]


def clang_values(text: str, folder: Path, target: str, system: Sequence[str]) -> dict[int, int]:
    """Probe index -> value as clang computes it, with ``system`` as its only include folders."""
    path = folder / "probe.c"
    path.write_text(text, encoding="utf-8")
    args = ["-x", "c", "-target", target, "-fms-extensions", "-nostdinc", *CPU.get(target, [])]
    for d in system:
        args += ["-isystem", d]
    tu = ci.Index.create().parse(str(path), args=args)
    errors = [str(d) for d in tu.diagnostics if d.severity >= ci.Diagnostic.Error]
    assert not errors, errors[:5]
    return {
        int(c.spelling.removeprefix("gen_probe_")): c.enum_value
        for c in tu.cursor.walk_preorder()
        if c.kind == ci.CursorKind.ENUM_CONSTANT_DECL and c.spelling.startswith("gen_probe_")
    }


def gen_values(text: str, folder: Path, target: str) -> tuple[dict[int, int], set[int]]:
    """Probe index -> value as gen computes it with its own standard headers, and the
    indexes gen refused (an error diagnostic naming the enumerator)."""
    path = folder / "probe.h"
    path.write_text(text, encoding="utf-8")
    result = extract(path, target=target, system_includes=False, macros="none")
    values = {
        int(m.name.removeprefix("gen_probe_")): m.value
        for e in result.module.enums
        for m in e.members
        if m.name.startswith("gen_probe_")
    }
    refused = {int(n) for d in result.errors for n in re.findall(r"\bgen_probe_(\d+)\b", d.message)}
    return values, refused


def compare(exprs: Sequence[str], ours: dict[int, int], refused: set[int], theirs: dict[int, int]) -> list[str]:
    problems = []
    for i, expr in enumerate(exprs):
        if ours.get(i) != theirs.get(i):
            problems.append(
                f"{expr}: gen {ours.get(i, 'refused' if i in refused else 'missing')}, clang {theirs.get(i)}"
            )
    return problems


@pytest.mark.parametrize("target", sorted(TARGETS))
def test_compiler_headers_match_clang(target: str, tmp_path: Path) -> None:
    exprs = compiler_expressions()
    text = probe(COMPILER_HEADERS, exprs)
    theirs = clang_values(text, tmp_path, target, [resource_dir()])
    assert len(theirs) == len(exprs)
    ours, refused = gen_values(text, tmp_path, target)
    problems = compare(exprs, ours, refused, theirs)
    assert not problems, "\n".join(problems)
    assert not refused


@pytest.mark.parametrize("target", sorted(TARGETS))
def test_library_headers_match_the_c_library(target: str, tmp_path: Path) -> None:
    if "linux" in target:
        system = ["/usr/include/x86_64-linux-gnu", "/usr/include"]
        if not Path("/usr/include/wchar.h").is_file():
            pytest.skip("no C library headers in /usr/include")
    else:
        system = [mingw_include()]
    exprs = LIBRARY_EXPRESSIONS
    text = probe(LIBRARY_HEADERS, exprs)
    theirs = clang_values(text, tmp_path, target, [*system, resource_dir()])
    assert len(theirs) == len(exprs)
    ours, refused = gen_values(text, tmp_path, target)
    problems = compare(exprs, ours, refused, theirs)
    assert not problems, "\n".join(problems)
    assert not refused


@pytest.mark.parametrize("target", sorted(TARGETS))
def test_clang_reads_gen_headers_alike(target: str, tmp_path: Path) -> None:
    """clang with gen's headers instead of its own: the same values, and format strings that
    fit their types (-Wformat, which knows the target's printf)."""
    exprs = compiler_expressions()
    text = probe(COMPILER_HEADERS, exprs)
    assert clang_values(text, tmp_path, target, [str(STD_DIR)]) == clang_values(
        text, tmp_path, target, [resource_dir()]
    )
    lines = [
        "#include <inttypes.h>",
        "#include <wchar.h>",
        "#include <uchar.h>",
        "int printf(const char *, ...) __attribute__((format(printf, 1, 2)));",
        "int scanf(const char *, ...) __attribute__((format(scanf, 1, 2)));",
        "void gen_probe(void) {",
    ]
    kinds = [("", n) for n in (8, 16, 32, 64)] + [(k, n) for k in ("LEAST", "FAST") for n in (8, 16, 32, 64)]
    names = [(f"{k}{n}", f"int_{k.lower()}{n}_t" if k else f"int{n}_t") for k, n in kinds]
    names += [("MAX", "intmax_t"), ("PTR", "intptr_t")]
    for suffix, signed in names:
        unsigned = "u" + signed
        lines.append(f"  {{ {signed} s = 0; {unsigned} u = 0;")
        for c in "di":
            lines.append(f'    printf("%" PRI{c}{suffix}, s); scanf("%" SCN{c}{suffix}, &s);')
        for c in "ouxX":
            lines.append(f'    printf("%" PRI{c}{suffix}, u);')
            if c != "X":
                lines.append(f'    scanf("%" SCN{c}{suffix}, &u);')
        lines.append("  }")
    lines.append("}")
    path = tmp_path / "formats.c"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    args = ["-x", "c", "-target", target, "-nostdinc", "-isystem", str(STD_DIR), "-Wformat", "-Werror=format"]
    tu = ci.Index.create().parse(str(path), args=args)
    problems = [str(d) for d in tu.diagnostics if d.severity >= ci.Diagnostic.Warning]
    assert not problems, problems[:10]
