"""Benchmark: gen against a libclang extraction of the same headers.

Usage (from the repository root, after the README's test set-up):

    python bench/run.py [--repeat 5] [--sizes 1000,10000,50000] [--only abcde] [--skip-corpus-set]

Each scenario runs gen and libclang as whole processes, alternating, and
prints the median of each and their ratio (gen / reference) next to the
target of issue 8. The scenarios:

  a  headers/Imnxport.h (no SDK: gen's shims; libclang gets the same shims)
  b  Wine's imnxport.h with Wine's include dirs, cold (--no-cache) and warm
     (gen's run cache primed)
  c  synthetic headers of N enums x 20 members
  d  a rerun of (a) when every output is already current (answered by the
     quick path, gen/run/quick.py), against a full run
  e  the whole Wine header set in one invocation (-include windows.h), using
     every core, against libclang over the same set

The reference (bench/clang_extract.py) visits only the top-level
declarations that come from the header (and the structs and unions among
them), as an extractor written against libclang would; gen is byte-compiled
first, as pip does when it installs the wheel.

The corpus comes from tests/differential/corpus.py (Debian packages fetched
into a cache on first use). Nothing here is a test: the numbers depend on
the machine and its load; the ratios are what to compare.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CLANG_EXTRACT = Path(__file__).resolve().parent / "clang_extract.py"
SHIMS = REPO / "gen" / "include"


def timed(cmd: Sequence[str], env: dict[str, str] | None = None, ok: tuple[int, ...] = (0, 2)) -> float:
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=REPO, capture_output=True, text=True, env=env)
    elapsed = time.perf_counter() - start
    if proc.returncode not in ok:
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}):\n{proc.stderr[-2000:]}")
    return elapsed


def alternate(runs: Sequence[Callable[[], float]], repeat: int) -> list[float]:
    """Median time of each run, the runs alternating within each round."""
    samples: list[list[float]] = [[] for _ in runs]
    for _ in range(repeat):
        for i, run in enumerate(runs):
            samples[i].append(run())
    return [statistics.median(s) for s in samples]


def report(name: str, gen_time: float, ref_time: float, target: float, ref_name: str = "libclang") -> None:
    ratio = gen_time / ref_time if ref_time else float("inf")
    verdict = "ok" if ratio <= target else "OVER"
    print(
        f"{name:<44} gen {gen_time:8.3f}s  {ref_name} {ref_time:8.3f}s  "
        f"ratio {ratio:6.2f}  target <= {target:<4}  {verdict}",
        flush=True,
    )


def gen_cmd(out: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "gen", "-q", "-o", str(out), *args]


def clang_cmd(*args: str) -> list[str]:
    return [sys.executable, str(CLANG_EXTRACT), *args]


def synthetic(path: Path, enums: int, members: int = 20) -> None:
    with path.open("w", encoding="utf-8") as f:
        for e in range(enums):
            f.write(f"typedef enum tagE{e} {{\n")
            for m in range(members):
                value = f" = E{e}_M{m - 1} + 1" if m % 3 == 2 else (f" = 0x{m:x}" if m % 3 == 1 else "")
                f.write(f"    E{e}_M{m}{value},\n")
            f.write(f"}} E{e};\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--sizes", default="1000,10000,50000")
    parser.add_argument("--only", default="abcde", help="the scenarios to run, e.g. 'ad' (default: all)")
    parser.add_argument("--skip-corpus-set", action="store_true", help="skip scenario e (the slowest)")
    args = parser.parse_args()
    only = set(args.only) - ({"e"} if args.skip_corpus_set else set())
    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    print(f"# gen benchmark, {date.today()}, {machine}")
    # An installed wheel has its modules byte-compiled by pip; a checkout
    # run with PYTHONDONTWRITEBYTECODE=1 would compile them on every start.
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(REPO / "gen")], check=True, capture_output=True)
    tmp = Path(tempfile.mkdtemp(prefix="gen-bench-"))
    env_nocache = {**os.environ, "GEN_CACHE_DIR": str(tmp / "cache")}
    try:
        stub = tmp / "stub"
        stub.mkdir()
        (stub / "imnact.h").write_text("", encoding="utf-8")
        out = tmp / "out"

        # a: the sample header
        if "a" in only:
            a = alternate(
                [
                    lambda: timed(gen_cmd(out, "--no-cache", "headers/Imnxport.h"), env_nocache),
                    lambda: timed(clang_cmd("headers/Imnxport.h", "-I", str(SHIMS), "-I", str(stub))),
                ],
                args.repeat,
            )
            report("a  headers/Imnxport.h", a[0], a[1], 0.5)

        # d: rerun when current (cache primed by one run)
        if "d" in only:
            timed(gen_cmd(out, "headers/Imnxport.h"), env_nocache)
            d = alternate(
                [
                    lambda: timed(gen_cmd(out, "headers/Imnxport.h"), env_nocache),
                    lambda: timed(gen_cmd(out, "--no-cache", "headers/Imnxport.h"), env_nocache),
                ],
                args.repeat,
            )
            report("d  rerun, outputs current (vs full run)", d[0], d[1], 0.25, "full run")

        if "b" in only or "e" in only:
            sys.path.insert(0, str(REPO))
            from tests.differential.corpus import load

            wine = load("wine")
            incs = [x for d in wine.include_dirs for x in ("-I", d)]
            clang_incs = [*incs, "-isystem", wine.resource_dir]

        # b: Wine's imnxport.h with the SDK include dirs
        if "b" in only:
            header = str(wine.path("imnxport.h"))
            b = alternate(
                [
                    lambda: timed(gen_cmd(out, "--no-cache", *incs, header), env_nocache),
                    lambda: timed(clang_cmd(header, *clang_incs)),
                ],
                args.repeat,
            )
            report("b  Wine imnxport.h, SDK dirs, cold", b[0], b[1], 1.0)
            timed(gen_cmd(out, *incs, header), env_nocache)
            warm = alternate([lambda: timed(gen_cmd(out, *incs, header), env_nocache)], args.repeat)[0]
            report("b  Wine imnxport.h, SDK dirs, warm", warm, b[1], 0.3)

        # c: synthetic headers
        if "c" in only:
            for size in [int(s) for s in args.sizes.split(",") if s]:
                path = tmp / f"synthetic_{size}.h"
                synthetic(path, size)
                rounds = args.repeat if size <= 10000 else 1
                c = alternate(
                    [
                        lambda p=path: timed(gen_cmd(out, "--no-cache", "--macros", "none", str(p)), env_nocache),
                        lambda p=path: timed(clang_cmd(str(p))),
                    ],
                    rounds,
                )
                report(f"c  synthetic {size} enums x 20", c[0], c[1], 1.0)

        # e: the whole Wine set in one invocation
        if "e" in only:
            headers = [str(wine.path(h)) for h in wine.headers if "/" not in h]
            force = ["-include", "windows.h"]
            # Headers gen cannot extract with windows.h forced in (atlcom.h's
            # #error without atlbase.h, ws2def.h after winsock.h) would make it
            # write nothing: leave them out of both sides.
            from gen.c.frontend import extract
            from gen.diagnostics import GenError

            def extracts(header: str) -> bool:
                try:
                    return not extract(header, include_dirs=wine.include_dirs, force_includes=["windows.h"]).errors
                except GenError:
                    return False

            headers = [h for h in headers if extracts(h)]
            e = alternate(
                [
                    lambda: timed(gen_cmd(out, "--no-cache", *incs, *force, *headers), env_nocache, ok=(0,)),
                    lambda: timed(clang_cmd("--each", *clang_incs, *force, *headers)),
                ],
                1,
            )
            report(f"e  whole Wine set ({len(headers)} headers, -j{os.cpu_count()})", e[0], e[1], 1.0)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
