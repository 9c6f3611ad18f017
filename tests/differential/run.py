"""Differential test: our tool's enumerator values against clang's, header by header.

    python -m tests.differential.run [--corpus wine|mingw|all] [--sample N] [--no-sdk] [--jobs N] [--json REPORT]

For every header (or a deterministic sample) that clang parses without error (alone, or after
``-include windows.h``), the tool runs with the same include dirs and force-includes, and each of
clang's enumerators is exact (same name and value), wrong (value differs), unresolved (left out, and
an error diagnostic of the tool names it), or missing (left out silently); extra ones are the tool's
only. ``--no-sdk`` runs the tool with no include dirs at all (only its built-in shims).
Exit status: 0 when every enumerator is exact and none is extra, 1 otherwise, 2 if the corpus
could not be fetched.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from multiprocessing import Pool
from pathlib import Path
from typing import TypeVar

from . import corpus as corpora
from .clang_oracle import oracle
from .corpus import Corpus, CorpusError
from .tool import DEFAULT_TOOL, run_tool

T = TypeVar("T")


@dataclass(frozen=True)
class Task:
    corpus: str
    header: str
    path: str
    include_dirs: tuple[str, ...]
    resource_dir: str
    cache: str
    no_sdk: bool
    tool: str
    timeout: int


@dataclass
class HeaderReport:
    header: str
    clang_ok: bool
    force_includes: list[str] = field(default_factory=list)
    clang_errors: list[str] = field(default_factory=list)
    total: int = 0
    exact: int = 0
    wrong: list[tuple[str, int, int]] = field(default_factory=list)  # name, ours, clang's
    missing: list[tuple[str, int]] = field(default_factory=list)  # name, clang's
    unresolved: list[tuple[str, int]] = field(default_factory=list)  # name, clang's
    extra: list[tuple[str, int]] = field(default_factory=list)  # name, ours
    tool_errors: list[str] = field(default_factory=list)
    fatal: str | None = None
    clang_seconds: float = 0.0
    tool_seconds: float = 0.0


def check(task: Task) -> HeaderReport:
    """One header: clang's answer (cached), then the tool's, then the comparison."""
    start = time.perf_counter()
    clang = oracle(Path(task.path), task.include_dirs, task.resource_dir, Path(task.cache))
    report = HeaderReport(task.header, clang.ok, list(clang.force_includes), list(clang.errors))
    report.clang_seconds = time.perf_counter() - start
    if not clang.ok:
        return report
    include_dirs = [] if task.no_sdk else list(task.include_dirs)
    # windows.h forced in resolves to gen's shim when there is no SDK: a user would force it too.
    force_includes = list(clang.force_includes)
    ours = run_tool(task.tool, task.path, include_dirs, force_includes, task.timeout)
    report.tool_errors, report.fatal, report.tool_seconds = ours.errors, ours.fatal, ours.seconds
    expected = {e.name: e.value for e in clang.enumerators}
    report.total = len(expected)
    for name, value in expected.items():
        if name not in ours.values:
            (report.unresolved if ours.unresolved(name) else report.missing).append((name, value))
        elif ours.values[name] == value:
            report.exact += 1
        else:
            report.wrong.append((name, ours.values[name], value))
    report.extra = [(name, value) for name, value in ours.values.items() if name not in expected]
    return report


@dataclass
class Summary:
    corpus: str
    versions: dict[str, str]
    no_sdk: bool
    corpus_headers: int
    reports: list[HeaderReport]
    seconds: float

    @property
    def compared(self) -> list[HeaderReport]:
        return [r for r in self.reports if r.clang_ok]

    def count(self, what: str) -> int:
        return sum(len(getattr(r, what)) for r in self.compared)

    @property
    def total(self) -> int:
        return sum(r.total for r in self.compared)

    @property
    def exact(self) -> int:
        return sum(r.exact for r in self.compared)

    @property
    def fatal(self) -> list[HeaderReport]:
        return [r for r in self.compared if r.fatal]

    @property
    def passed(self) -> bool:
        return self.exact == self.total and not self.count("extra") and not self.fatal

    def to_json(self) -> dict[str, object]:
        counts = {k: self.count(k) for k in ("wrong", "missing", "unresolved", "extra", "tool_errors")}
        return {
            "corpus": self.corpus,
            "versions": self.versions,
            "no_sdk": self.no_sdk,
            "corpus_headers": self.corpus_headers,
            "headers_selected": len(self.reports),
            "headers_compared": len(self.compared),
            "headers_excluded": len(self.reports) - len(self.compared),
            "headers_fatal": len(self.fatal),
            "enumerators": self.total,
            "exact": self.exact,
            **counts,
            "seconds": round(self.seconds, 1),
            "headers": [asdict(r) for r in self.reports],
        }


def sample(headers: Sequence[str], n: int | None) -> list[str]:
    """A deterministic sample of ``n`` headers, stable as the corpus grows (ordered by a hash of the name)."""
    if n is None or n >= len(headers):
        return list(headers)
    return sorted(sorted(headers, key=lambda h: hashlib.sha1(h.encode()).hexdigest())[:n])


def compare(
    corpus: Corpus,
    headers: Sequence[str] | None = None,
    *,
    no_sdk: bool = False,
    jobs: int = 2,
    tool: str = DEFAULT_TOOL,
    cache: Path | None = None,
    timeout: int = 120,
    progress: bool = False,
) -> Summary:
    start = time.perf_counter()
    cache = cache or corpora.cache_dir()
    chosen = list(corpus.headers if headers is None else headers)
    tasks = [
        Task(
            corpus.name,
            h,
            str(corpus.path(h)),
            corpus.include_dirs,
            corpus.resource_dir,
            str(cache),
            no_sdk,
            tool,
            timeout,
        )
        for h in chosen
    ]
    reports: list[HeaderReport] = []
    with Pool(jobs) if jobs > 1 else _Inline() as pool:
        for report in pool.imap_unordered(check, tasks):
            reports.append(report)
            if progress and len(reports) % 100 == 0:
                print(
                    f"[{corpus.name}] {len(reports)}/{len(tasks)} headers, {time.perf_counter() - start:.0f} s",
                    file=sys.stderr,
                )
    order = {h: i for i, h in enumerate(chosen)}
    reports.sort(key=lambda r: order[r.header])
    return Summary(corpus.name, corpus.versions, no_sdk, len(corpus.headers), reports, time.perf_counter() - start)


class _Inline:
    """Pool's imap_unordered in this process (--jobs 1: simpler to debug and profile)."""

    def __enter__(self) -> _Inline:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def imap_unordered(self, func: object, items: Iterable[Task]) -> Iterator[HeaderReport]:
        return (check(item) for item in items)


def _spread(groups: Iterable[list[T]], n: int) -> list[T]:
    """Up to ``n`` items taken round-robin from the groups, so one bad header doesn't fill the samples."""
    groups = [g for g in groups if g]
    out: list[T] = []
    depth = 0
    while len(out) < n and any(depth < len(g) for g in groups):
        out += [g[depth] for g in groups if depth < len(g)][: n - len(out)]
        depth += 1
    return out


def _error_class(message: str) -> str:
    """A diagnostic with names and numbers blanked out, to group errors by kind."""
    message = message.split(": ", 1)[-1] if re.match(r"^\S+:\d+(:\d+)?: ", message) else message
    message = re.sub(r"'[^']*'", "'…'", message)
    return re.sub(r"\b\d+\b", "N", message)[:120]


def format_summary(summary: Summary, samples: int = 10) -> str:
    s = summary
    ok = s.compared
    forced = sum(1 for r in ok if r.force_includes)
    mode = "no SDK include dirs (built-in shims only)" if s.no_sdk else "SDK include dirs"
    versions = ", ".join(f"{k} {v}" for k, v in s.versions.items())
    lines = [
        f"== {s.corpus} ({versions}); tool with {mode}",
        f"headers: {len(s.reports)} of {s.corpus_headers}; compared {len(ok)} ({forced} with -include windows.h);"
        f" excluded (clang errors) {len(s.reports) - len(ok)}",
        f"enumerators: {s.total}; exact {s.exact}; wrong {s.count('wrong')}; missing {s.count('missing')};"
        f" unresolved {s.count('unresolved')}; extra {s.count('extra')}",
        f"tool: {s.count('tool_errors')} error diagnostics; {len(s.fatal)} headers failed outright;"
        f" {sum(r.tool_seconds for r in ok):.0f} s tool time, {sum(r.clang_seconds for r in s.reports):.0f} s clang"
        f" (incl. cache reads), {s.seconds:.0f} s wall",
    ]
    sections: list[tuple[str, list[str]]] = [
        (
            "wrong (header: name ours != clang)",
            _spread(([f"{r.header}: {n} {o} != {c}" for n, o, c in r.wrong] for r in ok), samples),
        ),
        (
            "missing (header: name = clang)",
            _spread(([f"{r.header}: {n} = {c}" for n, c in r.missing] for r in ok), samples),
        ),
        (
            "unresolved (header: name = clang)",
            _spread(([f"{r.header}: {n} = {c}" for n, c in r.unresolved] for r in ok), samples),
        ),
        ("extra (header: name = ours)", _spread(([f"{r.header}: {n} = {o}" for n, o in r.extra] for r in ok), samples)),
        ("failed outright", [f"{r.header}: {r.fatal}" for r in s.fatal][:samples]),
        ("tool error diagnostics", _spread(([f"{r.header}: {e}" for e in r.tool_errors] for r in ok), samples)),
    ]
    for title, items in sections:
        if items:
            lines.append(f"-- {title}:")
            lines += [f"   {item}" for item in items]
    classes = Counter(_error_class(e) for r in ok for e in r.tool_errors)
    if classes:
        lines.append("-- tool error diagnostics by kind:")
        lines += [f"   {n:6d}  {kind}" for kind, n in classes.most_common(samples)]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.differential.run", description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", choices=[*corpora.CORPUS_NAMES, "all"], default="all")
    parser.add_argument("--sample", type=int, metavar="N", help="a deterministic sample of N headers per corpus")
    parser.add_argument("--headers", help="comma-separated header names (relative to the corpus root) instead")
    parser.add_argument("--no-sdk", action="store_true", help="run the tool with no include dirs (built-in shims only)")
    parser.add_argument("--jobs", type=int, default=2, metavar="N")
    parser.add_argument("--json", type=Path, metavar="REPORT", help="write the full per-header report here")
    parser.add_argument("--tool", default=DEFAULT_TOOL, help="the extract function, as module:function")
    parser.add_argument("--timeout", type=int, default=120, help="seconds the tool may take on one header")
    parser.add_argument("--samples", type=int, default=10, help="failure samples shown per category")
    args = parser.parse_args(argv)
    names = corpora.CORPUS_NAMES if args.corpus == "all" else (args.corpus,)
    try:
        tree = corpora.fetch()
        loaded = [corpora.load(name, tree) for name in names]
    except CorpusError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    summaries = []
    for corpus in loaded:
        headers = args.headers.split(",") if args.headers else sample(corpus.headers, args.sample)
        summary = compare(
            corpus, headers, no_sdk=args.no_sdk, jobs=args.jobs, tool=args.tool, timeout=args.timeout, progress=True
        )
        print(format_summary(summary, args.samples), flush=True)
        summaries.append(summary)
    if args.json:
        args.json.write_text(json.dumps({"summaries": [s.to_json() for s in summaries]}, indent=1) + "\n")
    return 0 if all(s.passed for s in summaries) else 1


if __name__ == "__main__":
    sys.exit(main())
