"""Struct and union sizes and alignments (issue 18, item 4) against clang.

Each case is a header of struct and union definitions; an enum asks for the
``sizeof`` and ``_Alignof`` of each. gen's values must equal the ones libclang
(the clang 18 wheel of the test extra) computes for the same enum, on every
target gen knows.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

import pytest

from gen.c.frontend import extract
from gen.c.targets import TARGETS
from gen.diagnostics import GenError

ci = pytest.importorskip("clang.cindex")

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

CASES = {
    "scalars": """
        struct A { char a; int b; char c; };
        struct B { char a; long long b; };
        struct C { char a; double b; short c; };
        struct D { char a; long double b; };
        struct E { char a; void *p; long l; };
        struct F { char a[3]; short b[5]; };
        struct G { float f; char c; };
        struct H {};
        union U { char a; int b; double c; char d[13]; };
    """,
    "bitfields": """
        struct A { char a; int b:3; char c; };
        struct B { char a; int :0; char b; };
        struct C { int a:3; char b:2; int c:5; };
        struct D { short a:4; int b:20; };
        struct E { unsigned a:31; unsigned b:2; };
        struct F { char a:7; char b:7; char c:2; };
        struct G { long long a:3; int b:4; char c; };
        struct H { int a:3; int :0; int b:3; };
        struct I { char a; int :3; char b; };
        struct J { unsigned long long a:40; unsigned long long b:30; };
        union K { int a:3; char b:7; long long c:33; };
        struct L { char a; short b:9; short c:9; };
        struct M { int a:1; int :0; char b; };
        typedef enum { E0, E1 } en;
        struct N { en a:2; char b:3; en c:4; };
    """,
    "packed_and_aligned": """
        struct __attribute__((packed)) A { char a; int b; short c; };
        struct B { char a; int b __attribute__((packed)); short c; };
        struct C { char a; int b __attribute__((aligned(16))); };
        struct __attribute__((aligned(32))) D { char a; };
        struct E { char a; struct A x; char b; };
        struct F { char a; int b:5; int c:9; } __attribute__((packed));
        struct G { char a; _Alignas(8) char b; };
        struct H { char a; _Alignas(double) char b; };
        struct I { char a; __attribute__((aligned)) char b; };
        struct __declspec(align(16)) J { int a; };
        struct K { char a; __declspec(align(8)) int b; };
        struct __attribute__((packed, aligned(4))) L { char a; int b; char c; };
        struct M { char c; int b:3 __attribute__((aligned(8))); };
        struct N { char a; long long b __attribute__((aligned(__alignof__(long long)))); };
        struct O { char a; int b __attribute__((__aligned__(_Alignof(double) * 2))); };
    """,
    "pragma_pack": """
        #define PACKING 4
        #pragma pack(push, 2)
        struct A { char a; int b; double c; };
        #pragma pack(1)
        struct B { char a; long long b; };
        #pragma pack(push, label, PACKING)
        struct C { char a; double b; int c:3; long long d:5; };
        #pragma pack(pop, label)
        struct D { char a; int b; };
        #pragma pack(pop)
        struct E { char a; int b; };
        #pragma pack(push, 2)
        struct F { char a; int b __attribute__((aligned(8))); };
        struct G { char a; int b:3; char c; int d:30; };
        #pragma pack()
        struct H { char a; int b; };
        #pragma pack(pop)
    """,
    "nested": """
        struct A { char a; struct { short s; char c; } in; char b; };
        struct B { char a; union { int i; char c[5]; }; char b; };
        struct Out { struct In { char c; double d; } in; char e; };
        struct C { struct In x[3]; char y; };
        typedef struct { int a; char b; } T;
        typedef struct S2 S2T;
        struct S2 { T t[2]; S2T *next; };
        struct D { int (*f)(int); char c; void (*g[3])(void); int (*arr)[10]; };
        struct E { char a; struct A x[2][3]; };
        enum K { K1 = 300, K2 };
        struct F { char c; enum K k; };
    """,
    "typedefs": """
        typedef unsigned short WCHAR;
        typedef WCHAR NAME[32], *PNAME;
        struct J { long long regs[8]; int mask; };
        typedef struct J jmp_buf[1];
        typedef int M[2][3];
        struct S { NAME n; jmp_buf j; char c; M m; PNAME p; };
        typedef int a8 __attribute__((aligned(8)));
        typedef long long l4 __attribute__((aligned(4)));
        typedef float v4 __attribute__((__vector_size__(16)));
        typedef struct __attribute__((aligned(16))) { char c; } X;
        struct A { char c; a8 a; char d; l4 l; };
        struct B { char c; v4 v; };
        struct C { char c; X x; };
        struct D { char c; l4 l[3]; };
    """,
    "flexible": """
        struct A { int n; char data[]; };
        struct B { char c; double d[]; };
        struct C { short s; char c; int tail[0]; };
        union D { int a; char b[]; };
    """,
}


def _records(source: str) -> list[str]:
    """Every tagged struct and union ``source`` defines, and ``T``."""
    names = [f"{kind} {tag}" for kind, tag in re.findall(r"\b(struct|union)\b[^{;]*?(\w+)\s*\{", source)]
    names += [m for m in re.findall(r"}\s*(\w+);", source) if m == "T"]
    return list(dict.fromkeys(names))


def _probe(source: str) -> str:
    entries = []
    for i, name in enumerate(_records(source)):
        entries += [f"size_{i} = sizeof({name})", f"align_{i} = _Alignof({name})"]
    return source + "\nenum probe {\n    " + ",\n    ".join(entries) + "\n};\n"


def _clang(path: Path, target: str) -> dict[str, int]:
    tu = ci.Index.create().parse(str(path), args=["-x", "c", "-target", target, "-fms-extensions"])
    errors = [str(d) for d in tu.diagnostics if d.severity >= ci.Diagnostic.Error]
    assert not errors, errors
    return {
        c.spelling: c.enum_value
        for c in tu.cursor.walk_preorder()
        if c.kind == ci.CursorKind.ENUM_CONSTANT_DECL and c.spelling.startswith(("size_", "align_"))
    }


@pytest.mark.parametrize("target", sorted(TARGETS))
@pytest.mark.parametrize("case", sorted(CASES))
def test_layouts_agree_with_clang(tmp_path: Path, case: str, target: str) -> None:
    header = tmp_path / f"{case}.h"
    header.write_text(_probe(CASES[case]), encoding="utf-8")
    expected = _clang(header, target)
    assert len(expected) >= 8
    extraction = extract(header, target=target, macros="none")
    assert not [d for d in extraction.diagnostics if d.level.value == "error"]
    got = {m.name: m.value for e in extraction.module.enums if e.name == "probe" for m in e.members}
    assert got == expected


def test_binder_reproducer(tmp_path: Path) -> None:
    """issue 18's reproducer: android/binder.h's BR_TRANSACTION."""
    header = tmp_path / "binder.h"
    header.write_text(
        """
        typedef unsigned int __u32;
        typedef unsigned long long __u64;
        typedef __u64 binder_uintptr_t;
        typedef __u64 binder_size_t;
        struct binder_transaction_data {
            union { __u32 handle; binder_uintptr_t ptr; } target;
            binder_uintptr_t cookie;
            __u32 code;
            __u32 flags;
            int sender_pid;
            __u32 sender_euid;
            binder_size_t data_size;
            binder_size_t offsets_size;
            union {
                struct { binder_uintptr_t buffer; binder_uintptr_t offsets; } ptr;
                __u8 buf[8];
            } data;
        };
        #define _IOC(dir, type, nr, size) (((dir) << 30) | ((type) << 8) | ((nr) << 0) | ((size) << 16))
        #define _IOR(type, nr, size) _IOC(2U, (type), (nr), (sizeof(size)))
        enum binder_driver_return_protocol {
            BR_TRANSACTION = _IOR('r', 2, struct binder_transaction_data),
        };
        """.replace("__u8", "unsigned char"),
        encoding="utf-8",
    )
    extraction = extract(header, target="x86_64-linux-gnu")
    values = {m.name: m.value for e in extraction.module.enums for m in e.members}
    assert values["BR_TRANSACTION"] == 2151707138


@pytest.mark.skipif(not Path("/usr/include/linux/android/binder.h").exists(), reason="no Linux UAPI headers")
def test_binder_header_of_this_machine() -> None:
    """The real android/binder.h: every enumerator as clang computes it."""
    header = Path("/usr/include/linux/android/binder.h")
    dirs = ["/usr/include", "/usr/include/x86_64-linux-gnu"]
    args = ["-x", "c", "-target", "x86_64-linux-gnu", *[f"-I{d}" for d in dirs]]
    tu = ci.Index.create().parse(str(header), args=args)
    assert not [d for d in tu.diagnostics if d.severity >= ci.Diagnostic.Error]
    expected = {
        c.spelling: c.enum_value for c in tu.cursor.walk_preorder() if c.kind == ci.CursorKind.ENUM_CONSTANT_DECL
    }
    extraction = extract(header, include_dirs=dirs, target="x86_64-linux-gnu", macros="none")
    got = {m.name: m.value for e in extraction.module.enums for m in e.members}
    assert got["BR_TRANSACTION"] == 2151707138
    assert got == expected


@pytest.mark.parametrize(
    ("source", "message", "line"),
    [
        ("struct S;\nenum { A = sizeof(struct S) };\n", "incomplete type 'struct S'", 2),
        ("struct S { unknown_t x; };\nenum { A = sizeof(struct S) };\n", "unknown type name 'unknown_t'", 2),
        ("struct S { int x[-1]; };\nenum { A = sizeof(struct S) };\n", "negative size", 2),
    ],
)
def test_layout_out_of_reach_is_a_clean_error(tmp_path: Path, source: str, message: str, line: int) -> None:
    header = tmp_path / "bad.h"
    header.write_text(source, encoding="utf-8")
    try:
        extraction = extract(header)
    except GenError as exc:
        diagnostics = [(str(exc), exc.location)]
    else:
        diagnostics = [(d.message, d.location) for d in extraction.diagnostics]
    assert any(message in text and loc is not None and loc.line == line for text, loc in diagnostics), diagnostics


#: Headers with many structs: unions, bit-fields (wingdi's, winioctl's,
#: d3d12's), #pragma pack(push, n) through pshpack*.h and _CRT_PACKING,
#: DECLSPEC_ALIGN, nested and anonymous members (winnt.h), the DDK's
#: struct bodies made by macros. More: ``GEN_LAYOUT_HEADERS=all``.
CORPUS_SAMPLES = {
    "wine": ("winnt.h", "wingdi.h", "winsock.h", "d3d12.h"),
    "mingw": ("winnt.h", "wingdi.h", "winioctl.h", "ddk/wdm.h"),
}


def _corpus_records(tu: ci.TranslationUnit, header: Path) -> dict[str, tuple[int, int]]:
    """clang's size and alignment of each struct and union ``header`` defines
    (by the name a probe can use: ``struct TAG``, or a typedef name)."""
    wanted = os.path.realpath(header)
    out: dict[str, tuple[int, int]] = {}
    kinds = (ci.CursorKind.STRUCT_DECL, ci.CursorKind.UNION_DECL)
    for cursor in tu.cursor.walk_preorder():
        if cursor.kind not in kinds or not cursor.is_definition() or cursor.is_anonymous():
            continue
        file = cursor.location.file
        size = cursor.type.get_size()
        if file is None or size < 0 or os.path.realpath(file.name) != wanted:
            continue
        out[cursor.type.spelling] = (size, cursor.type.get_align())
    return out


@pytest.mark.skipif(os.environ.get("GEN_SKIP_CORPUS") == "1", reason="GEN_SKIP_CORPUS=1")
@pytest.mark.parametrize("name", sorted(CORPUS_SAMPLES))
def test_corpus_layouts_agree_with_clang(tmp_path: Path, name: str) -> None:
    """Every struct and union of a sample of Wine and mingw-w64 headers
    (x86_64-w64-mingw32, the corpora's target): sizeof and _Alignof."""
    from tests.differential import corpus
    from tests.differential.clang_oracle import RETRY_FORCE_INCLUDES, _errors, _parse, clang_args

    try:
        loaded = corpus.load(name)
    except corpus.CorpusError as exc:
        pytest.fail(f"cannot fetch the {name} corpus: {exc} (set GEN_SKIP_CORPUS=1 to skip this test)")
    whole = os.environ.get("GEN_LAYOUT_HEADERS") == "all"
    checked = 0
    for header in loaded.headers if whole else CORPUS_SAMPLES[name]:
        path = loaded.path(header)
        for forced in RETRY_FORCE_INCLUDES:
            tu = _parse(path, clang_args(loaded.include_dirs, loaded.resource_dir, forced))
            if not _errors(tu):
                break
        else:
            if whole:
                continue
            pytest.fail(f"clang rejects {header} (fix the sample)")
        records = _corpus_records(tu, path)
        names = sorted(records)
        if whole and not names:
            continue
        assert names, f"{header} defines no struct (fix the sample)"
        probe = tmp_path / f"probe_{checked}.h"
        lines = [f'#include "{path}"', "enum gen_probe {"]
        lines += [f"    s{i} = sizeof({n}), a{i} = _Alignof({n})," for i, n in enumerate(names)]
        probe.write_text("\n".join([*lines, "};", ""]), encoding="utf-8")
        extraction = extract(probe, include_dirs=loaded.include_dirs, force_includes=forced, macros="none")
        got = {m.name: m.value for e in extraction.module.enums if e.name == "gen_probe" for m in e.members}
        errors = [f"{d.location}: {d.message}" for d in extraction.diagnostics if d.level.value == "error"]
        assert not errors, (header, errors[:5])
        wrong = {n: (got.get(f"s{i}"), got.get(f"a{i}"), records[n]) for i, n in enumerate(names)}
        assert not {n: v for n, v in wrong.items() if v[:2] != v[2]}, header
        checked += len(names)
    print(f"{name}: {checked} structs and unions agree with clang")
    assert checked > 300
