"""Benchmark: documentation pages and header comments at doubling sizes.

Usage (from the repository root, after the README's test set-up):

    python bench/docs_linear.py [--start 6250] [--steps 4] [--repeat 3]

Times, at input sizes doubling from --start, the inputs that once took
quadratic time or worse: a page whose ``<dd>`` is ``*a `` repeated N times
(issue 18: 50,000 took over 60 s), a page of N nested emphasis openers and
link brackets, and a header with N commented members (gen/c/comments.py).
Each line shows the best of --repeat runs and the ratio to the size before:
about 2 is linear, about 4 quadratic. Not a test: the numbers depend on the
machine and its load.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from gen.c.frontend import extract  # noqa: E402
from gen.docs.page import parse_text  # noqa: E402


def emphasis_page(n: int) -> str:
    return "# E\n## Constants\n<dl> <dt>\n\n**E\\_A**\n</dt> <dd>\n\n" + "*a " * n + "\n\n</dd> </dl>\n"


def brackets_page(n: int) -> str:
    return "# E\n\n" + "**[" * n + "x" + "](y)**" * (n // 2) + "\n"


def commented_header(n: int, folder: Path) -> Path:
    path = folder / f"comments{n}.h"
    members = "".join(f"  M{i} = {i}, /* member {i} */\n" for i in range(n))
    path.write_text("/* The enum. */\nenum BIG {\n" + members + "};\n", encoding="utf-8")
    return path


def best(run: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--start", type=int, default=6250)
    parser.add_argument("--steps", type=int, default=4)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        cases: list[tuple[str, Callable[[int], Callable[[], object]]]] = [
            ("page: <dd> of '*a ' x N", lambda n: lambda: parse_text(emphasis_page(n), "e.md")),
            ("page: N '**[' openers", lambda n: lambda: parse_text(brackets_page(n), "e.md")),
            ("header: N commented members", lambda n: (lambda h: lambda: extract(h))(commented_header(n, folder))),
        ]
        for name, make in cases:
            previous = None
            for step in range(args.steps):
                n = args.start * 2**step
                seconds = best(make(n), args.repeat)
                ratio = f"x{seconds / previous:.1f}" if previous else ""
                print(f"{name:32} N={n:>7}  {seconds:8.3f} s  {ratio}")
                previous = seconds


if __name__ == "__main__":
    main()
