"""Floating constants cast to integers (``(int)1e10``), against libclang.

clang folds such a cast toward zero and saturates at the type's limits; the
constant itself is first rounded to its format (``f`` single, none double,
``L`` the x87 80-bit format). gen reads the constant exactly, so huge
exponents (``0x1p99999``) and long mantissas are no problem either.
"""

from __future__ import annotations

import random
from pathlib import Path

import clang.cindex as ci  # type: ignore[import-untyped]
import pytest

from gen.c.frontend import extract

TYPES = ("int", "unsigned", "long long", "unsigned long long", "short", "unsigned char", "signed char", "_Bool")
FIXED = (
    "1e10",
    "-1e10",
    "1e308",
    "0x1p99999",
    "1e400",
    "1e-400",
    "-0.0",
    "0.5",
    "-1.5",
    "2147483647.5",
    "2147483648.0",
    "-2147483648.9",
    "4294967295.9",
    "9007199254740993.0",
    "9007199254740993.0L",
    "9007199254740993.0f",
    "16777217.0f",
    "18446744073709551615.0L",
    "18446744073709551616.0L",
    "9223372036854775807.0L",
    "0x1.fffffffffffff8p62",
    "0x1.fffffffffffffp63L",
    "1" + "0" * 400 + ".0e-400",
    "0." + "0" * 50 + "1e51",
    "1.00000000000000011102230246251565404236316680908203125",
    "1.00000000000000011102230246251565404236316680908203124",
    "1.00000000000000011102230246251565404236316680908203126",
    "4503599627370496.5",
    "4503599627370497.5",
    "+(255.99)",
    "1e99999999999999999999",
    "1e-99999999999999999999",
)


def random_literals(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        if rng.random() < 0.3:
            mantissa = "".join(rng.choice("0123456789abcdef") for _ in range(rng.randint(1, 18)))
            text = f"0x{mantissa[:1]}.{mantissa[1:]}p{rng.randint(-80, 80)}"
        else:
            digits = "".join(rng.choice("0123456789") for _ in range(rng.randint(1, 25)))
            point = rng.randint(0, len(digits))
            text = f"{digits[:point] or '0'}.{digits[point:]}e{rng.randint(-30, 30)}"
        text += rng.choice(("", "", "f", "L"))
        out.append(("-" if rng.random() < 0.3 else "") + text)
    return out


def clang_values(path: Path, target: str) -> dict[str, int]:
    tu = ci.Index.create().parse(str(path), args=["-x", "c", "-target", target])
    errors = [d.spelling for d in tu.diagnostics if d.severity >= ci.Diagnostic.Error]
    assert not errors, errors[:3]
    return {c.spelling: c.enum_value for c in tu.cursor.walk_preorder() if c.kind == ci.CursorKind.ENUM_CONSTANT_DECL}


@pytest.mark.parametrize("target", ["x86_64-w64-mingw32", "i686-w64-mingw32", "x86_64-linux-gnu"])
def test_casts_of_floating_constants_agree_with_clang(tmp_path: Path, target: str) -> None:
    literals = [*FIXED, *random_literals(sum(target.encode()), 150)]
    lines = []
    for i, lit in enumerate(literals):
        for j, t in enumerate(TYPES):
            # One enum each: a value past int must not change another's type.
            lines.append(f"enum {{ F{i}_{j} = ({t}){lit} }};")
    header = tmp_path / "floats.h"
    header.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = extract(header, name="floats.h", target=target, shims=False, macros="none")
    assert not result.errors, result.errors[:3]
    ours = {m.name: m.value for e in result.module.enums for m in e.members}
    theirs = clang_values(header, target)
    wrong = {n: (ours.get(n), v, literals[int(n[1:].split("_")[0])]) for n, v in theirs.items() if ours.get(n) != v}
    assert not wrong, list(wrong.items())[:10]
    assert set(ours) == set(theirs)
