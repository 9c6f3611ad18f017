"""Benchmark: gen against a libclang extraction of the same headers.

Usage (from the repository root, after the README's test set-up):

    python bench/run.py [--repeat 3] [--sizes 1000,10000] [--only a,b,b2,v,c,d,e] [--jobs N] [--skip-corpus-set]

Each scenario runs gen and libclang as whole processes, alternating, and
prints for each side the median wall time, the median CPU time (user +
system, the process and its children) and the peak resident memory (the
largest of any process of the run; measured by bench/measure.py), then the ratio gen / reference of the
wall times (and of the CPU times) next to the target of issue 17. The
scenarios:

  a   headers/Imnxport.h (no SDK: gen's shims; libclang gets the same shims)
  b   Wine's imnxport.h with Wine's include dirs, cold (--no-cache) and warm
      (gen's run cache primed)
  b2  a second Wine header that includes windows.h (bits.h), in a new
      process whose run cache a first one (imnxport.h) primed; libclang cold
  b2f the same with -include windows.h on gen's command lines: the second
      process resumes from the state the first stored after windows.h
      (gen/c/precompiled.py); libclang as in b2
  v   vulkan_core.h (Debian's libvulkan-dev, fetched as the header-comment
      tests do) for x86_64-linux-gnu, cold, both sides given the same system
      include folders (clang's resource headers, /usr/include)
  c   synthetic headers of N enums x 20 members (reported, no target)
  d   a rerun of (a) when every output is already current (answered by the
      quick path, gen/run/quick.py), against a full run
  e   the whole Wine header set (-include windows.h): gen with -j N against
      N libclang processes, each given every N-th header

The reference (bench/clang_extract.py) visits only the top-level
declarations that come from the header (and the structs and unions among
them), as an extractor written against libclang would; gen is byte-compiled
first, as pip does when it installs the wheel.

The corpus comes from tests/differential/corpus.py (Debian packages fetched
into a cache on first use). Nothing here is a test: the numbers depend on
the machine and its load; the ratios are what to compare, and the CPU
ratio is the steadier one on a shared machine.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CLANG_EXTRACT = Path(__file__).resolve().parent / "clang_extract.py"
MEASURE = Path(__file__).resolve().parent / "measure.py"
SHIMS = REPO / "gen" / "include"
#: The targets of issue 17 (gen / libclang, wall time); None: reported only.
TARGETS: dict[str, float | None] = {
    "a": 3.0,
    "b": 2.5,
    "b2": 0.5,
    "b2f": 0.5,
    "v": 2.5,
    "c": None,
    "d": 0.25,
    "e": 1.0,
}
SCENARIOS = ("a", "b", "b2", "b2f", "v", "c", "d", "e")
#: The header of (b2), run after imnxport.h primed the cache.
SECOND_HEADER = "bits.h"


@dataclass(frozen=True)
class Sample:
    wall: float
    #: User + system time of the processes and the children they waited for.
    cpu: float
    #: The largest resident set of any of those processes, in bytes.
    rss: int


def processes(cmds: Sequence[Sequence[str]], env: dict[str, str] | None = None, ok: tuple[int, ...] = (0, 2)) -> Sample:
    """Run ``cmds`` at the same time, each through bench/measure.py: the
    longest wall time, the CPU time of all, the peak RSS of the largest."""
    failed = []
    with tempfile.TemporaryDirectory(prefix="gen-measure-") as folder, contextlib.ExitStack() as files:
        running = []
        for i, cmd in enumerate(cmds):
            err = files.enter_context(tempfile.TemporaryFile())
            result = os.path.join(folder, f"{i}.json")
            launcher = [sys.executable, "-S", "-I", str(MEASURE), result, *cmd]
            proc = subprocess.Popen(launcher, cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=err)
            running.append((cmd, proc, err, result))
        samples = []
        for cmd, proc, err, result in running:
            if proc.wait() not in ok:
                err.seek(0)
                failed.append(f"{' '.join(cmd)[:300]} failed ({proc.returncode}):\n{err.read().decode()[-2000:]}")
                continue
            with open(result, encoding="utf-8") as f:
                samples.append(json.load(f))
    if failed:
        raise SystemExit("\n".join(failed))
    return Sample(max(s["wall"] for s in samples), sum(s["cpu"] for s in samples), max(s["rss"] for s in samples))


def timed(cmd: Sequence[str], env: dict[str, str] | None = None, ok: tuple[int, ...] = (0, 2)) -> Sample:
    return processes([cmd], env, ok)


def alternate(runs: Sequence[Callable[[], Sample]], repeat: int) -> list[Sample]:
    """Median wall and CPU time and peak RSS of each run, the runs alternating within each round."""
    samples: list[list[Sample]] = [[] for _ in runs]
    for _ in range(repeat):
        for i, run in enumerate(runs):
            samples[i].append(run())
    return [
        Sample(statistics.median(x.wall for x in s), statistics.median(x.cpu for x in s), max(x.rss for x in s))
        for s in samples
    ]


def _side(name: str, s: Sample) -> str:
    return f"{name} {s.wall:7.3f}s (cpu {s.cpu:7.3f}s, {s.rss / 1e6:5.0f} MB)"


def report(name: str, gen: Sample, ref: Sample, target: float | None, ref_name: str = "libclang") -> None:
    ratio = gen.wall / ref.wall if ref.wall else float("inf")
    cpu_ratio = gen.cpu / ref.cpu if ref.cpu else float("inf")
    if target is None:
        verdict = "target: none (reported)"
    else:
        verdict = f"target <= {target:<4}  {'ok' if ratio <= target else 'OVER'}"
    print(
        f"{name:<40} {_side('gen', gen)}  {_side(ref_name, ref)}  ratio {ratio:6.2f} (cpu {cpu_ratio:5.2f})  {verdict}",
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


def vulkan_include() -> Path | None:
    """Debian's Vulkan headers, fetched into the corpus cache as
    tests/test_header_comments.py does; None (with a message) if they cannot be."""
    from tests.differential.corpus import CorpusError, _download, cache_dir

    root = cache_dir() / "vulkan"
    marker = root / ".unpacked"
    try:
        if not marker.exists():
            debs = cache_dir() / "debs"
            debs.mkdir(parents=True, exist_ok=True)
            deb = _download("libvulkan-dev", debs)
            subprocess.run(["dpkg-deb", "-x", str(deb), str(root)], check=True, capture_output=True)
            marker.write_text(deb.name + "\n", encoding="utf-8")
    except (CorpusError, OSError, subprocess.CalledProcessError) as exc:
        print(f"v  skipped: libvulkan-dev is not available ({str(exc).splitlines()[0]})", flush=True)
        return None
    include = root / "usr" / "include"
    return include if (include / "vulkan" / "vulkan_core.h").is_file() else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--sizes", default="1000,10000", help="synthetic sizes for (c), e.g. 1000,10000,50000")
    parser.add_argument("--only", default=",".join(SCENARIOS), help="the scenarios to run, e.g. 'a,b2,d'")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="processes on each side in (e)")
    parser.add_argument("--skip-corpus-set", action="store_true", help="skip scenario e (the slowest)")
    args = parser.parse_args()
    only = {x.strip() for x in args.only.split(",") if x.strip()}
    if len(only) == 1 and not only <= set(SCENARIOS):  # the old form, --only abcde
        only = set(next(iter(only)))
    if unknown := only - set(SCENARIOS):
        parser.error(f"unknown scenarios {', '.join(sorted(unknown))} (known: {', '.join(SCENARIOS)})")
    if args.skip_corpus_set:
        only.discard("e")
    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    print(f"# gen benchmark, {date.today()}, {machine}, load {os.getloadavg()[0]:.1f}, repeat {args.repeat}")
    # An installed wheel has its modules byte-compiled by pip; a checkout
    # run with PYTHONDONTWRITEBYTECODE=1 would compile them on every start.
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(REPO / "gen")], check=True, capture_output=True)
    sys.path.insert(0, str(REPO))
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
            report("a  headers/Imnxport.h, cold", a[0], a[1], TARGETS["a"])

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
            report("d  rerun, outputs current (vs full run)", d[0], d[1], TARGETS["d"], "full run")

        if only & {"b", "b2", "b2f", "e"}:
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
            report("b  Wine imnxport.h, SDK dirs, cold", b[0], b[1], TARGETS["b"])
            timed(gen_cmd(out, *incs, header), env_nocache)
            warm = alternate([lambda: timed(gen_cmd(out, *incs, header), env_nocache)], args.repeat)[0]
            report("b  same, warm (issue 8's target)", warm, b[1], 0.3)

        # b2: a second header in a new process, after a first primed the cache
        # (b2f: both given -include windows.h, whose state the first stores)
        if only & {"b2", "b2f"}:
            first, second = str(wine.path("imnxport.h")), str(wine.path(SECOND_HEADER))
        for name, forced in (("b2", []), ("b2f", ["-include", "windows.h"])):
            if name not in only:
                continue
            primed = tmp / f"primed-{name}"
            env_primed = {**os.environ, "GEN_CACHE_DIR": str(primed)}
            timed(gen_cmd(tmp / f"out-first-{name}", *incs, *forced, first), env_primed)

            def after_first(primed: Path = primed, forced: list[str] = forced) -> Sample:
                # Each round starts from the primed cache, without the second header's own record.
                fresh = tmp / "b2-cache"
                shutil.rmtree(fresh, ignore_errors=True)
                if primed.exists():
                    shutil.copytree(primed, fresh)
                return timed(gen_cmd(out, *incs, *forced, second), {**os.environ, "GEN_CACHE_DIR": str(fresh)})

            b2 = alternate([after_first, lambda: timed(clang_cmd(second, *clang_incs))], args.repeat)
            shown = f"{name:<3}Wine {SECOND_HEADER} after imnxport.h" + (" (-include windows.h)" if forced else "")
            report(shown, b2[0], b2[1], TARGETS[name])

        # v: a big ordinary C header
        if "v" in only and (vulkan := vulkan_include()) is not None:
            from tests.differential.corpus import fetch

            tree = fetch()
            resource = sorted(tree.glob("usr/lib/llvm-*/lib/clang/*/include"))[-1]
            system = [str(resource), "/usr/include/x86_64-linux-gnu", "/usr/include"]
            system = [d for d in system if os.path.isdir(d)]
            core = str(vulkan / "vulkan" / "vulkan_core.h")
            target = "x86_64-linux-gnu"
            gen_incs = [x for d in [str(vulkan), *system] for x in ("-I", d)]
            clang_v = ["-I", str(vulkan), *[x for d in system for x in ("-isystem", d)]]
            v = alternate(
                [
                    lambda: timed(gen_cmd(out, "--no-cache", "--target", target, *gen_incs, core), env_nocache),
                    lambda: timed(clang_cmd("--target", target, core, *clang_v)),
                ],
                args.repeat,
            )
            report("v  vulkan_core.h, system dirs, cold", v[0], v[1], TARGETS["v"])

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
                report(f"c  synthetic {size} enums x 20", c[0], c[1], TARGETS["c"])

        # e: the whole Wine set, the same number of processes on each side
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
            jobs = max(1, args.jobs)
            e = alternate(
                [
                    lambda: timed(
                        gen_cmd(out, "--no-cache", "-j", str(jobs), *incs, *force, *headers), env_nocache, ok=(0,)
                    ),
                    lambda: processes(
                        [clang_cmd("--each", *clang_incs, *force, *headers[i::jobs]) for i in range(jobs)]
                    ),
                ],
                1,
            )
            report(f"e  whole Wine set ({len(headers)} headers, {jobs} processes each)", e[0], e[1], TARGETS["e"])
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
