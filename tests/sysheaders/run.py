"""Differential check on this machine's system headers: gen with no flags against gcc.

    python -m tests.sysheaders.run [--root /usr/include] [--sample N] [--headers A,B] [--jobs 2]
                                   [--json REPORT] [--no-cache]

Every ``*.h`` under the root (symbolic links to folders are not followed) that gcc accepts alone
(``gcc -fsyntax-only -x c HEADER``, no other flag) is run through gen as a user would run it:
``gen --target x86_64-linux-gnu HEADER`` (the real command line, in this process, with an empty
configuration; only the output format and folder are chosen). Then:

* every enumerator gcc declares in the header (the header's own file-scope enums, listed by the
  DWARF of the header compiled alone) must be in gen's JSON with gcc's value; gen's enumerators
  gcc does not list are *extra*;
* every ``#define`` constant gen groups must have gcc's value, and be an integer constant for gcc;
* gen must not refuse the header (exit code 2): a header gcc accepts and gen refuses is a bug.

gcc's values come from a program that includes the header and prints each name
(:mod:`tests.sysheaders.gcc_oracle`). The figures are printed per top-level folder of the root.
Exit status: 0 when every header gcc accepts passes, 1 otherwise.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import io
import json
import os
import re
import signal
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, field
from multiprocessing import Pool
from pathlib import Path
from types import FrameType

from . import gcc_oracle

ROOT = Path("/usr/include")
TARGET = "x86_64-linux-gnu"
#: Seconds gen may take on one header.
GEN_TIMEOUT = 120

#: Why gen refused a header, by the first error it printed: (pattern, kind, who owns the fix).
REFUSAL_KINDS: tuple[tuple[str, str, str], ...] = (
    (r"timed out", "gen took too long", "frontend (hangs)"),
    (r"size of '(struct|union)|offsetof", "struct or union layout (sizeof, offsetof)", "frontend (struct sizeof)"),
    (r"stray '\\?[^']*'|non-ASCII|universal character", "non-ASCII identifier", "frontend (non-ASCII identifiers)"),
)
CLANG_REFUSES = ("clang refuses it too (gen reads headers as clang does)", "none: gen follows clang")
OTHER = ("other", "sysheaders (this check's own bug list)")


@dataclass
class HeaderReport:
    header: str
    folder: str
    gcc_ok: bool
    gcc_errors: list[str] = field(default_factory=list)
    #: gcc accepts the header but cannot build it alone into an object (no enumerator list).
    gcc_no_object: str | None = None
    #: gen's first error line when it refused the header (exit code 2), with its kind and owner.
    refused: str | None = None
    refusal_kind: str | None = None
    refusal_owner: str | None = None
    enumerators: int = 0
    exact: int = 0
    wrong: list[tuple[str, int, int]] = field(default_factory=list)  # name, gen, gcc
    missing: list[tuple[str, int | None]] = field(default_factory=list)  # name, gcc (None: gcc could not print it)
    extra: list[tuple[str, int]] = field(default_factory=list)  # name, gen
    macros: int = 0
    macros_exact: int = 0
    macros_wrong: list[tuple[str, int, int]] = field(default_factory=list)
    #: Macros gen groups that gcc does not take for integer constants (name, why).
    macros_refused: list[tuple[str, str]] = field(default_factory=list)
    #: Includes gen did not find (a warning): gcc found them.
    not_found: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def passed(self) -> bool:
        if not self.gcc_ok:
            return True
        return not (
            self.refused
            or self.wrong
            or self.missing
            or self.extra
            or self.macros_wrong
            or self.macros_refused
            or self.gcc_no_object
        )


def headers_under(root: Path) -> list[str]:
    """Every ``*.h`` file under ``root``, relative, sorted (folder links are not followed)."""
    found: list[str] = []
    for folder, subdirs, files in os.walk(root):
        subdirs.sort()
        for name in sorted(files):
            path = Path(folder) / name
            if name.endswith(".h") and path.is_file():
                found.append(path.relative_to(root).as_posix())
    return sorted(found)


def sample(headers: Sequence[str], n: int | None) -> list[str]:
    """A deterministic sample of ``n`` headers (ordered by a hash of the name)."""
    if n is None or n >= len(headers):
        return list(headers)
    return sorted(sorted(headers, key=lambda h: hashlib.sha1(h.encode()).hexdigest())[:n])


def refusal_kind(message: str) -> tuple[str, str]:
    for pattern, kind, owner in REFUSAL_KINDS:
        if re.search(pattern, message):
            return kind, owner
    return OTHER


def clang_refuses(headers: Sequence[Path]) -> set[Path]:
    """Those of ``headers`` clang (libclang, with its resource headers and the system folders)
    refuses too; none when libclang or its resource headers cannot be had."""
    try:
        import clang.cindex as ci  # type: ignore[import-untyped]

        from tests.differential import corpus

        resource = corpus.load("mingw").resource_dir
    except Exception:
        return set()
    from gen.c.search import system_candidates

    args = ["-x", "c", "-target", TARGET, "-nostdinc", "-isystem", resource]
    for folder in system_candidates(TARGET):
        if folder.is_dir():
            args += ["-isystem", str(folder)]
    index = ci.Index.create()
    refused = set()
    for header in headers:
        tu = index.parse(str(header), args=args)
        if any(d.severity >= ci.Diagnostic.Error for d in tu.diagnostics):
            refused.add(header)
    return refused


class _Timeout(BaseException):
    """Raised in gen's stack by the alarm: a BaseException, so gen cannot catch it."""


def _alarm(signum: int, frame: FrameType | None) -> None:
    raise _Timeout


def run_gen(header: Path, folder: Path) -> tuple[int, str, dict[str, object] | None]:
    """gen's command line on ``header``, in this process: exit code, stderr and the JSON."""
    from gen.run.cli import main

    config = folder / "empty.toml"
    config.write_text("", encoding="utf-8")
    out = folder / "out"
    err = io.StringIO()
    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(GEN_TIMEOUT)
    try:
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
            code = main(
                [
                    "-q",
                    "--no-cache",
                    "--config",
                    str(config),
                    "-f",
                    "json",
                    "-o",
                    str(out),
                    "--target",
                    TARGET,
                    str(header),
                ]
            )
    except _Timeout:
        return 2, f"{header}: error: gen timed out after {GEN_TIMEOUT} s", None
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    outputs = list(out.glob("*.json")) if out.is_dir() else []
    data = json.loads(outputs[0].read_text(encoding="utf-8")) if code == 0 and outputs else None
    return code, err.getvalue(), data


def check(task: tuple[str, str, bool]) -> HeaderReport:
    root, name, use_cache = task
    start = time.perf_counter()
    header = Path(root) / name
    report = HeaderReport(name, name.split("/")[0] if "/" in name else ".", False)
    gcc = gcc_oracle.examine(header, use_cache)
    report.gcc_ok, report.gcc_errors = gcc.ok, gcc.errors
    if not gcc.ok:
        report.seconds = time.perf_counter() - start
        return report
    report.gcc_no_object = gcc.no_object
    with tempfile.TemporaryDirectory(prefix="gen-sysheaders-") as tmp:
        code, stderr, data = run_gen(header, Path(tmp))
    report.not_found = re.findall(r"warning: '([^']*)' not found", stderr)
    report.enumerators = len(gcc.enumerators)
    if code != 0 or data is None:
        errors = [ln for ln in stderr.splitlines() if ": error: " in ln] or stderr.splitlines() or [f"exit code {code}"]
        report.refused = errors[0]
        report.refusal_kind, report.refusal_owner = refusal_kind(errors[0])
        report.seconds = time.perf_counter() - start
        return report
    ours: dict[str, int] = {}
    grouped: dict[str, int] = {}
    for enum in data["enums"]:  # type: ignore[attr-defined]
        target = grouped if enum.get("origin") == "macros" else ours
        for member in enum["members"]:
            target[member["name"]] = member["value"]
    extra = [n for n in ours if n not in set(gcc.enumerators)]
    # gen's extra enumerators are printed too: gcc may see them (a block-scope enum it does not list).
    theirs = gcc_oracle.values(header, [*gcc.enumerators, *extra], list(grouped))
    for name in gcc.enumerators:
        if name not in ours:
            report.missing.append((name, theirs.values.get(name)))
        elif name not in theirs.values:
            report.missing.append((name, None))
        elif ours[name] == theirs.values[name]:
            report.exact += 1
        else:
            report.wrong.append((name, ours[name], theirs.values[name]))
    report.extra = [(n, ours[n]) for n in extra]
    report.macros = len(grouped)
    for name, value in grouped.items():
        if name in theirs.refused or name not in theirs.values:
            report.macros_refused.append((name, theirs.refused.get(name, "not printed")))
        elif theirs.values[name] == value:
            report.macros_exact += 1
        else:
            report.macros_wrong.append((name, value, theirs.values[name]))
    report.seconds = time.perf_counter() - start
    return report


@dataclass
class Summary:
    root: str
    gcc: str
    headers: int
    reports: list[HeaderReport]
    seconds: float

    @property
    def accepted(self) -> list[HeaderReport]:
        return [r for r in self.reports if r.gcc_ok]

    @property
    def passed(self) -> bool:
        return all(r.passed for r in self.reports)

    def to_json(self) -> dict[str, object]:
        return {
            "root": self.root,
            "gcc": self.gcc,
            "headers": self.headers,
            "seconds": round(self.seconds, 1),
            "reports": [asdict(r) for r in self.reports],
        }


def compare(
    root: Path, headers: Sequence[str], jobs: int = 2, use_cache: bool = True, progress: bool = False
) -> Summary:
    start = time.perf_counter()
    tasks = [(str(root), h, use_cache) for h in headers]
    reports: list[HeaderReport] = []
    with Pool(jobs) if jobs > 1 else contextlib.nullcontext() as pool:
        results: Iterator[HeaderReport] = pool.imap_unordered(check, tasks, chunksize=4) if pool else map(check, tasks)
        for report in results:
            reports.append(report)
            if progress and len(reports) % 250 == 0:
                print(f"{len(reports)}/{len(tasks)} headers, {time.perf_counter() - start:.0f} s", file=sys.stderr)
    order = {h: i for i, h in enumerate(headers)}
    reports.sort(key=lambda r: order[r.header])
    # A refusal nothing else explains: does clang (whose reading gen follows) refuse it too?
    unexplained = [root / r.header for r in reports if r.refused and r.refusal_kind == OTHER[0]]
    both = clang_refuses(unexplained) if unexplained else set()
    for r in reports:
        if root / r.header in both:
            r.refusal_kind, r.refusal_owner = CLANG_REFUSES
    return Summary(str(root), gcc_oracle.gcc_version(), len(headers), reports, time.perf_counter() - start)


def _row(label: str, rs: Sequence[HeaderReport]) -> str:
    acc = [r for r in rs if r.gcc_ok]
    done = [r for r in acc if not r.refused]
    enums = sum(r.enumerators for r in done)
    exact = sum(r.exact for r in done)
    macros = sum(r.macros for r in done)
    mexact = sum(r.macros_exact for r in done)
    bad = sum(len(r.wrong) + len(r.missing) + len(r.extra) for r in done)
    mbad = sum(len(r.macros_wrong) + len(r.macros_refused) for r in done)
    refused = len(acc) - len(done)
    return (
        f"{label:<28} {len(rs):>6} {len(acc):>6} {refused:>7} {enums:>8} {exact:>8} {bad:>6}"
        f" {macros:>8} {mexact:>8} {mbad:>6}"
    )


def format_summary(s: Summary, samples: int = 10, folders: int = 40) -> str:
    acc = s.accepted
    lines = [
        f"== {s.root}: {s.headers} headers; {len(acc)} accepted alone by {s.gcc}; gen --target {TARGET}, no other flag",
        f"{'folder':<28} {'headers':>6} {'gcc ok':>6} {'refused':>7} {'enums':>8} {'exact':>8} {'bad':>6}"
        f" {'macros':>8} {'exact':>8} {'bad':>6}",
    ]
    by_folder: dict[str, list[HeaderReport]] = {}
    for r in s.reports:
        by_folder.setdefault(r.folder, []).append(r)
    ordered = sorted(by_folder.items(), key=lambda item: (-len(item[1]), item[0]))
    for folder, rs in ordered[:folders]:
        lines.append(_row(folder, rs))
    if len(ordered) > folders:
        rest = [r for _, rs in ordered[folders:] for r in rs]
        lines.append(_row(f"({len(ordered) - folders} more folders)", rest))
    lines.append(_row("all", s.reports))
    refused = [r for r in acc if r.refused]
    kinds = Counter((r.refusal_kind, r.refusal_owner) for r in refused)
    lines.append(f"-- headers gcc accepts and gen refuses: {len(refused)}")
    lines += [f"   {n:6d}  {kind} [{owner}]" for (kind, owner), n in kinds.most_common()]
    sections = [
        ("refused (header: first error)", [f"{r.header}: {r.refused}" for r in refused]),
        ("wrong (header: name gen != gcc)", [f"{r.header}: {n} {o} != {t}" for r in acc for n, o, t in r.wrong]),
        ("missing (header: name = gcc)", [f"{r.header}: {n} = {t}" for r in acc for n, t in r.missing]),
        ("extra (header: name = gen)", [f"{r.header}: {n} = {o}" for r in acc for n, o in r.extra]),
        (
            "macros wrong (header: name gen != gcc)",
            [f"{r.header}: {n} {o} != {t}" for r in acc for n, o, t in r.macros_wrong],
        ),
        ("macros gcc refuses (header: name: why)", [f"{r.header}: {n}: {w}" for r in acc for n, w in r.macros_refused]),
        ("gcc accepts but cannot build alone", [f"{r.header}: {r.gcc_no_object}" for r in acc if r.gcc_no_object]),
    ]
    for title, items in sections:
        if items:
            lines.append(f"-- {title}: {len(items)}")
            lines += [f"   {item}" for item in items[:samples]]
    missing = Counter(name for r in acc for name in r.not_found)
    if missing:
        lines.append(f"-- includes gen did not find (warnings), in {sum(1 for r in acc if r.not_found)} headers:")
        lines += [f"   {n:6d}  {name}" for name, n in missing.most_common(samples)]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.sysheaders.run", description=__doc__.split("\n\n")[0])
    parser.add_argument("--root", type=Path, default=ROOT, help="the folder of headers (default: /usr/include)")
    parser.add_argument("--sample", type=int, metavar="N", help="a deterministic sample of N headers")
    parser.add_argument("--headers", help="comma-separated header names (relative to the root) instead")
    parser.add_argument("--jobs", type=int, default=2, metavar="N")
    parser.add_argument("--json", type=Path, metavar="REPORT", help="write the full per-header report here")
    parser.add_argument("--no-cache", action="store_true", help="ask gcc again instead of using cached answers")
    parser.add_argument("--samples", type=int, default=10, help="examples shown per category")
    args = parser.parse_args(argv)
    if not args.root.is_dir():
        print(f"error: {args.root} is not a folder", file=sys.stderr)
        return 2
    headers = args.headers.split(",") if args.headers else sample(headers_under(args.root), args.sample)
    summary = compare(args.root, headers, jobs=args.jobs, use_cache=not args.no_cache, progress=True)
    print(format_summary(summary, args.samples), flush=True)
    if args.json:
        args.json.write_text(json.dumps(summary.to_json(), indent=1) + "\n", encoding="utf-8")
    return 0 if summary.passed else 1


if __name__ == "__main__":
    sys.exit(main())
