"""Struct and union sizes and alignments (issue 18, item 4) against clang.

Each case is a header of struct and union definitions; an enum asks for the
``sizeof`` and ``_Alignof`` of each. gen's values must equal the ones libclang
(the clang 18 wheel of the test extra) computes for the same enum, on every
target gen knows.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from gen.c.frontend import extract
from gen.c.targets import TARGETS
from gen.diagnostics import GenError

ci = pytest.importorskip("clang.cindex")

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
