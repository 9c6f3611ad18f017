"""Every input finishes in time linear in its size (issue 18, item 6).

Each case is run at two sizes, n and 4n, in this process, and the CPU time
of the front end is compared within the test run: linear work takes about
four times as long at 4n, quadratic work sixteen times. The bound is
generous (eight) because the machine is shared; the minimum of a few runs
is taken to drop interruptions. Cases that stop at the macro-expansion
budget (exponential macros) must scale too: the budget grows with the
input (its fixed part is made small here, so that it does not hide that).

The property test at the end has Hypothesis build a random "unit" out of
fragments that have tripped C front ends (open comments and literals,
splices, nested calls, pastes, directives...), and repeats it n and 4n
times. ``GEN_LINEAR_EXAMPLES`` sets how many units it tries (default 10).
"""

from __future__ import annotations

import contextlib
import gc
import os
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gen.c.frontend import extract
from gen.c.includes import clear_caches
from gen.c.macros import ExpansionBudget
from gen.diagnostics import GenError

#: Largest CPU-time ratio accepted between sizes 4n and n (linear: ~4).
MAX_RATIO = 8.0
#: Below this, n is doubled first: the fixed cost of a run would hide the rest.
MIN_SECONDS = 0.03
MAX_BYTES = 300_000
EXAMPLES = int(os.environ.get("GEN_LINEAR_EXAMPLES", "10"))


@pytest.fixture(autouse=True)
def small_fixed_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    """The fixed part of the expansion budget (a second or two of work) would
    hide how the part that grows with the input scales: shrink it."""
    monkeypatch.setattr(ExpansionBudget, "BASE", 20_000)


def cpu_seconds(folder: Path, text: str, runs: int) -> float:
    header = folder / "t.h"
    header.write_text(text, encoding="utf-8")
    best = float("inf")
    # Objects other tests left in this process are not the runs': the
    # collector would scan them all at whichever run its threshold falls.
    gc.collect()
    gc.freeze()
    try:
        for _ in range(runs):
            clear_caches()  # files are read once per process: read them again
            start = time.process_time()
            with contextlib.suppress(GenError):  # a clean error is an answer too: only the time matters
                extract(header, name="t.h", shims=False)
            best = min(best, time.process_time() - start)
    finally:
        gc.unfreeze()
    return best


def assert_linear(folder: Path, make: Callable[[int], str], n: int = 1000) -> tuple[float, float]:
    """CPU time at n and 4n (n grown until the input dominates the run)."""
    small = cpu_seconds(folder, make(n), 3)
    while small < MIN_SECONDS and len(make(n)) < MAX_BYTES:
        n *= 2
        small = cpu_seconds(folder, make(n), 3)
    large = cpu_seconds(folder, make(4 * n), 2)
    ratio = large / max(small, MIN_SECONDS)
    assert ratio < MAX_RATIO, f"n={n}: {small:.3f} s, 4n: {large:.3f} s (x{ratio:.1f}): not linear"
    return small, large


FAMILIES: dict[str, Callable[[int], str]] = {
    # The reproducers of issue 18 (item 6).
    "unterminated comment": lambda n: "/* " * n,
    "a line of escaped quotes": lambda n: '"' + '\\"' * n + "\n",
    "doubling macros no enum uses": lambda n: "".join(
        f"#define A{i} (A{i - 1}+A{i - 1})\n" if i else "#define A0 1\n" for i in range(n // 20)
    ),
    # Their relatives.
    "a line of escaped apostrophes": lambda n: "int x = '" + "\\'" * n + "\n",
    "calls nested in arguments": lambda n: "#define F(x) x\nenum { A = " + "F(" * n + "1" + ")" * n + " };\n",
    "an unterminated call": lambda n: "#define F(x) x\nenum { A = " + "F(" * n + "\n",
    "doubling function-like macros": lambda n: (
        "#define D(x) x x\n" + "".join(f"#define B{i} D(B{i - 1})\n" if i else "#define B0 1\n" for i in range(n // 20))
    ),
    "a chain of pastes": lambda n: "#define X a" + " ## b" * n + "\nenum { A = 1 };\n",
    "pasted hashes": lambda n: "#define X " + "#" * n + "\nenum { A = 1 };\n",
    "parentheses in #if": lambda n: "#if " + "(" * n + "1" + ")" * n + "\nenum { A = 1 };\n#endif\n",
    "many #if lines": lambda n: "#define X 1\n" + "#if X\n#endif\n" * n,
    "a comment spanning lines in a #define": lambda n: "#define X 1 /*" + "\n" * n + "*/ + 1\nenum { A = X };\n",
    "splices": lambda n: "#define X 1 \\\n" * n + "\nenum { A = X };\n",
    "braces": lambda n: "struct S " + "{" * n + "}" * n + ";\n",
    "an enum body": lambda n: "enum {" + ",".join(f"E{i}" for i in range(n)) + "};\n",
    "stars": lambda n: "/*" + "*" * n + "\n",
}


@pytest.mark.parametrize("name", sorted(FAMILIES))
def test_time_is_linear_in_the_input(tmp_path: Path, name: str) -> None:
    assert_linear(tmp_path, FAMILIES[name])


FRAGMENTS = (
    *("/*", "*/", "//", "/**/", "\n", " ", "\\\n", "\\", '"', "'", '\\"', "L'", 'u8"', "é", "$", "@"),
    *("#define A ", "#define F(x) x x\n", "#define G(x, ...) x ## __VA_ARGS__\n", "#undef A\n"),
    *("#if ", "#if A\n", "#ifdef F\n", "#else\n", "#endif\n", "#error x\n", "#pragma pack(1)\n", "#line 1\n"),
    *("F(", "G(", "A", "(", ")", ",", "##", "#", "1", "0x1p3", "'a'", "sizeof"),
    *("enum E {", "enum {", "typedef int T;\n", "typedef enum {", "struct S {", "}", "{", ";", "=", "e", "."),
)


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=12))
def test_random_repeated_units_take_linear_time(tmp_path: Path, parts: list[str]) -> None:
    unit = "".join(parts)
    assert_linear(tmp_path, lambda n: unit * max(1, n // len(unit)), n=4000)
