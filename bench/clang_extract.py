"""The reference extraction for the benchmark: every enumerator of a header,
with its value, through libclang (PyPI ``libclang``), as one process.

    python bench/clang_extract.py HEADER [-I DIR ...] [-isystem DIR] [-include FILE]
    python bench/clang_extract.py --each [options] HEADER...   (one TU per header)
"""

from __future__ import annotations

import sys
from pathlib import Path

import clang.cindex as ci

TARGET = ["-x", "c", "-target", "x86_64-w64-mingw32", "-fms-extensions", "-nostdinc"]


def main(argv: list[str]) -> int:
    each = "--each" in argv
    argv = [a for a in argv if a != "--each"]
    headers: list[str] = []
    options: list[str] = []
    i = 0
    while i < len(argv):
        if argv[i] in ("-I", "-isystem", "-include", "-D"):
            options += argv[i : i + 2]
            i += 2
        else:
            headers.append(argv[i])
            i += 1
    index = ci.Index.create()
    count = 0
    for header in headers if each else headers[:1]:
        real = Path(header).resolve()
        tu = index.parse(header, args=[*TARGET, *options])
        for cursor in tu.cursor.walk_preorder():
            location = cursor.location.file
            if cursor.kind == ci.CursorKind.ENUM_CONSTANT_DECL and location and Path(location.name).resolve() == real:
                count += 1
                _ = cursor.enum_value
    print(count)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
