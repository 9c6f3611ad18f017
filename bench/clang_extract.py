"""The reference extraction for the benchmark: every enumerator of a header,
with its value, through libclang (PyPI ``libclang``), as one process.

    python bench/clang_extract.py HEADER [-I DIR ...] [-isystem DIR] [-include FILE]
    python bench/clang_extract.py --each [options] HEADER...   (one TU per header)
    python bench/clang_extract.py --target x86_64-linux-gnu HEADER -isystem DIR ...

The default target is x86_64-w64-mingw32 (the SDK headers' compiler).

It visits only what an extractor has to: the top-level declarations of the
translation unit that come from the header itself, and the structs and unions
among them (C lets an enum be defined inside one). A whole-tree walk would
spend most of its time in Python on the included SDK's cursors and make the
reference several times slower than libclang needs to be.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator

import clang.cindex as ci

DEFAULT_TARGET = "x86_64-w64-mingw32"
OPTIONS = ["-x", "c", "-fms-extensions", "-nostdinc"]
ENUM = ci.CursorKind.ENUM_DECL
CONSTANT = ci.CursorKind.ENUM_CONSTANT_DECL
RECORDS = (ci.CursorKind.STRUCT_DECL, ci.CursorKind.UNION_DECL)


def enums_in(cursor: ci.Cursor) -> Iterator[ci.Cursor]:
    for child in cursor.get_children():
        if child.kind == ENUM:
            yield child
        elif child.kind in RECORDS:
            yield from enums_in(child)


def extract(tu: ci.TranslationUnit, header: str) -> dict[str, int]:
    values: dict[str, int] = {}
    for top in tu.cursor.get_children():
        if top.kind != ENUM and top.kind not in RECORDS:
            continue
        location = top.location.file
        if location is None or location.name != header:
            continue
        for enum in [top] if top.kind == ENUM else enums_in(top):
            for constant in enum.get_children():
                if constant.kind == CONSTANT:
                    values[constant.spelling] = constant.enum_value
    return values


def main(argv: list[str]) -> int:
    each = "--each" in argv
    argv = [a for a in argv if a != "--each"]
    headers: list[str] = []
    options: list[str] = []
    target = DEFAULT_TARGET
    i = 0
    while i < len(argv):
        if argv[i] == "--target":
            target = argv[i + 1]
            i += 2
        elif argv[i] in ("-I", "-isystem", "-include", "-D"):
            options += argv[i : i + 2]
            i += 2
        else:
            headers.append(argv[i])
            i += 1
    index = ci.Index.create()
    count = 0
    for header in headers if each else headers[:1]:
        tu = index.parse(header, args=[*OPTIONS, "-target", target, *options])
        count += len(extract(tu, header))
    print(count)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
