"""Differential test of the IDL front end: Wine's .idl files against the headers widl made from them.

    python -m tests.differential.idl [--no-sdk] [--sample N] [--files a.idl,b.idl] [--jobs N] [--json REPORT]

For every .idl of the Wine corpus with a sibling .h (widl's output, shipped with it), gen reads the
.idl (``gen.idl.frontend``) and the .h (``gen.c.frontend``, which the header differential ties to
clang), both with Wine's include folders, and every enumerator and every grouped ``#define`` must be
equal: same names, same values, and each macro in the group of the same name (or a plain constant in
both). ``--no-sdk`` reads the .idl with no include folders at all (gen's shims only), against the same
reference (the .idl in a folder of its own with the files it is made of, :func:`own_parts`: the other
Wine files next to it are the SDK too). Exit status: 0 when everything is equal, 1 otherwise, 2 if the corpus could not be fetched.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import signal
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from multiprocessing import Pool
from pathlib import Path
from types import FrameType
from typing import Any

from . import corpus as corpora
from .corpus import CorpusError
from .run import sample

Values = dict[str, tuple[int, str | None]]


@dataclass(frozen=True)
class Task:
    idl: str
    root: str
    include_dirs: tuple[str, ...]
    no_sdk: bool
    timeout: int


@dataclass
class FileReport:
    idl: str
    #: The reference (the .h) could not be read: the pair is not compared.
    reference_error: str | None = None
    enumerators: int = 0
    macros: int = 0
    exact: int = 0
    wrong: list[tuple[str, int, int]] = field(default_factory=list)  # name, ours, reference
    regrouped: list[tuple[str, str | None, str | None]] = field(default_factory=list)  # name, ours, reference
    missing: list[tuple[str, int]] = field(default_factory=list)
    unresolved: list[tuple[str, int]] = field(default_factory=list)
    extra: list[tuple[str, int]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    #: With --no-sdk: the reference values that the .h, read without the SDK
    #: too, does not give right either (the shims lack what they need), and
    #: the values it has that the reference lacks (as the extra from the .idl).
    shared: list[str] = field(default_factory=list)
    shared_extra: list[str] = field(default_factory=list)
    fatal: str | None = None
    seconds: float = 0.0

    @property
    def total(self) -> int:
        return self.enumerators + self.macros


class _Timeout(Exception):
    pass


def _alarm(signum: int, frame: FrameType | None) -> None:
    raise _Timeout


def _values(extraction: Any) -> tuple[Values, Values]:
    """(enumerators, grouped macros): name -> (value, group name; None for an ungrouped constant)."""
    enums: Values = {}
    macros: Values = {}
    for enum in extraction.module.enums:
        target = macros if enum.origin == "macros" else enums
        for member in enum.members:
            target[member.name] = (member.value, enum.name if enum.origin == "macros" else None)
    return enums, macros


def check(task: Task) -> FileReport:
    from gen.c.frontend import extract as extract_header
    from gen.diagnostics import GenError, Level
    from gen.idl.frontend import extract as extract_idl

    report = FileReport(task.idl)
    root = Path(task.root)
    header = root / (task.idl[: -len(".idl")] + ".h")
    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(task.timeout)
    try:
        try:
            reference = extract_header(header, include_dirs=task.include_dirs)
        except GenError as exc:
            report.reference_error = str(exc.diagnostic)
            return report
        if reference.errors:
            report.reference_error = str(reference.errors[0])
            return report
        ref_enums, ref_macros = _values(reference)
        report.enumerators, report.macros = len(ref_enums), len(ref_macros)
        start = time.perf_counter()
        try:
            if task.no_sdk:
                # In a folder of its own: the Wine files next to it are the SDK too.
                with tempfile.TemporaryDirectory(prefix="gen-idl-") as alone:
                    for part in own_parts(root, task.idl):
                        shutil.copyfile(root / part, Path(alone) / part)
                    # -I for the folder itself: some parts are #included <so>.
                    ours = extract_idl(Path(alone) / task.idl, include_dirs=(alone,), name=task.idl)
            else:
                ours = extract_idl(root / task.idl, include_dirs=task.include_dirs)
        except GenError as exc:
            report.fatal = str(exc.diagnostic)
            return report
        finally:
            report.seconds = time.perf_counter() - start
    except _Timeout:
        report.fatal = f"timed out after {task.timeout} s"
        return report
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    if task.no_sdk:
        report.shared, report.shared_extra = _also_wrong_in_header(header, ref_enums, ref_macros)
    report.errors = [str(d) for d in ours.diagnostics if d.level is Level.ERROR]
    messages = " ".join(d.message for d in ours.diagnostics if d.level is Level.ERROR)
    our_enums, our_macros = _values(ours)
    for expected, got in ((ref_enums, our_enums), (ref_macros, our_macros)):
        for name, (value, group) in expected.items():
            if name not in got:
                (report.unresolved if f"'{name}'" in messages else report.missing).append((name, value))
            elif got[name][0] != value:
                report.wrong.append((name, got[name][0], value))
            elif got[name][1] != group:
                report.regrouped.append((name, got[name][1], group))
            else:
                report.exact += 1
        report.extra += [(name, v) for name, (v, _) in got.items() if name not in expected]
    return report


_INCLUDE_RE = re.compile(r'^[ \t]*#[ \t]*include[ \t]*([<"])([^>"]+)[>"]', re.M)


def own_parts(root: Path, idl: str) -> list[str]:
    """``idl`` and the files it is made of: the .idl files it #includes (in
    Wine they have no header of their own) and the headers it #includes in
    quotes (``bdaiface_enums.h``), recursively; not its imports, nor the SDK
    headers it #includes in angle brackets."""
    parts = [idl]
    for name in parts:
        text = (root / name).read_text(encoding="latin-1")
        for quote, included in _INCLUDE_RE.findall(text):
            if (included.endswith(".idl") or quote == '"') and (root / included).is_file() and included not in parts:
                parts.append(included)
    return parts


def _also_wrong_in_header(header: Path, ref_enums: Values, ref_macros: Values) -> tuple[list[str], list[str]]:
    """The reference values the .h alone (no SDK) does not give right, and
    the values it gives that the reference does not have."""
    from gen.c.frontend import extract as extract_header
    from gen.diagnostics import GenError

    with tempfile.TemporaryDirectory(prefix="gen-idl-h-") as alone:
        copy = Path(alone) / header.name
        shutil.copyfile(header, copy)
        try:
            enums, macros = _values(extract_header(copy, name=header.name))
        except GenError:
            return [*ref_enums, *ref_macros], []
    wrong = [n for n, (v, _) in ref_enums.items() if enums.get(n, (None,))[0] != v]
    wrong += [n for n, vg in ref_macros.items() if macros.get(n) != vg]
    return wrong, [n for n in (*enums, *macros) if n not in ref_enums and n not in ref_macros]


@dataclass
class Summary:
    no_sdk: bool
    versions: dict[str, str]
    pairs: int
    reports: list[FileReport]
    seconds: float

    @property
    def compared(self) -> list[FileReport]:
        return [r for r in self.reports if r.reference_error is None]

    def count(self, what: str) -> int:
        return sum(len(getattr(r, what)) for r in self.compared)

    @property
    def total(self) -> int:
        return sum(r.total for r in self.compared)

    @property
    def exact(self) -> int:
        return sum(r.exact for r in self.compared)

    @property
    def fatal(self) -> list[FileReport]:
        return [r for r in self.compared if r.fatal]

    @property
    def shared_not_exact(self) -> int:
        """Of the values not exact from the .idl, those the .h read without the
        SDK does not give right either (with --no-sdk)."""
        total = 0
        for r in self.compared:
            shared = set(r.shared)
            names = [n for n, *_ in r.wrong + r.regrouped + r.missing + r.unresolved]
            total += sum(1 for n in names if n in shared)
        return total

    @property
    def shared_extra(self) -> int:
        """Of the extra values from the .idl, those the .h read without the
        SDK has too (with --no-sdk)."""
        return sum(len({n for n, _ in r.extra} & set(r.shared_extra)) for r in self.compared)

    @property
    def passed(self) -> bool:
        return self.exact == self.total and not self.count("extra") and not self.fatal

    def to_json(self) -> dict[str, object]:
        return {
            "no_sdk": self.no_sdk,
            "versions": self.versions,
            "pairs": self.pairs,
            "files_compared": len(self.compared),
            "enumerators": sum(r.enumerators for r in self.compared),
            "macros": sum(r.macros for r in self.compared),
            "exact": self.exact,
            **{k: self.count(k) for k in ("wrong", "regrouped", "missing", "unresolved", "extra", "errors")},
            "not_exact_in_header_too": self.shared_not_exact,
            "extra_in_header_too": self.shared_extra,
            "fatal": len(self.fatal),
            "seconds": round(self.seconds, 1),
            "files": [asdict(r) for r in self.reports],
        }


def pairs(root: Path) -> list[str]:
    """The .idl files with a sibling .h that widl generated from them."""
    found = []
    for idl in sorted(root.glob("*.idl")):
        header = idl.with_suffix(".h")
        if header.is_file() and b"Autogenerated by WIDL" in header.read_bytes()[:200]:
            found.append(idl.name)
    return found


class _Inline:
    def __enter__(self) -> _Inline:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def imap_unordered(self, func: object, items: Iterable[Task]) -> Iterator[FileReport]:
        return (check(item) for item in items)


def compare(
    files: Sequence[str] | None = None,
    *,
    no_sdk: bool = False,
    jobs: int = 2,
    timeout: int = 300,
    progress: bool = False,
) -> Summary:
    start = time.perf_counter()
    wine = corpora.load("wine")
    chosen = list(pairs(wine.root) if files is None else files)
    tasks = [Task(f, str(wine.root), wine.include_dirs, no_sdk, timeout) for f in chosen]
    reports: list[FileReport] = []
    with Pool(jobs, maxtasksperchild=20) if jobs > 1 else _Inline() as pool:
        for report in pool.imap_unordered(check, tasks):
            reports.append(report)
            if progress and len(reports) % 25 == 0:
                print(f"[idl] {len(reports)}/{len(tasks)}, {time.perf_counter() - start:.0f} s", file=sys.stderr)
    order = {f: i for i, f in enumerate(chosen)}
    reports.sort(key=lambda r: order[r.idl])
    return Summary(no_sdk, wine.versions, len(pairs(wine.root)), reports, time.perf_counter() - start)


def _spread(groups: Iterable[list[str]], n: int) -> list[str]:
    groups = [g for g in groups if g]
    out: list[str] = []
    depth = 0
    while len(out) < n and any(depth < len(g) for g in groups):
        out += [g[depth] for g in groups if depth < len(g)][: n - len(out)]
        depth += 1
    return out


def format_summary(s: Summary, samples: int = 10) -> str:
    ok = s.compared
    mode = "no include folders (gen's shims only)" if s.no_sdk else "Wine's include folders"
    lines = [
        f"== Wine IDL ({', '.join(f'{k} {v}' for k, v in s.versions.items())}); .idl read with {mode}",
        f"pairs: {len(s.reports)} of {s.pairs}; compared {len(ok)}; reference .h unreadable {len(s.reports) - len(ok)}",
        f"enumerators {sum(r.enumerators for r in ok)} + grouped macros {sum(r.macros for r in ok)} = {s.total};"
        f" exact {s.exact}; wrong {s.count('wrong')}; regrouped {s.count('regrouped')}; missing {s.count('missing')};"
        f" unresolved {s.count('unresolved')}; extra {s.count('extra')}",
        *(
            [
                f"of the {s.total - s.exact} not exact, {s.shared_not_exact} are not right from the .h without the SDK"
                f" either; of the {s.count('extra')} extra, the .h without the SDK has {s.shared_extra} too"
            ]
            if s.no_sdk
            else []
        ),
        f"idl: {s.count('errors')} error diagnostics; {len(s.fatal)} files failed outright;"
        f" {sum(r.seconds for r in ok):.0f} s reading .idl, {s.seconds:.0f} s wall",
    ]
    sections = [
        ("wrong (file: name ours != reference)", [[f"{r.idl}: {n} {o} != {c}" for n, o, c in r.wrong] for r in ok]),
        (
            "regrouped (file: name ours / reference)",
            [[f"{r.idl}: {n} {o} / {c}" for n, o, c in r.regrouped] for r in ok],
        ),
        ("missing (file: name = reference)", [[f"{r.idl}: {n} = {c}" for n, c in r.missing] for r in ok]),
        ("unresolved (file: name = reference)", [[f"{r.idl}: {n} = {c}" for n, c in r.unresolved] for r in ok]),
        ("extra (file: name = ours)", [[f"{r.idl}: {n} = {o}" for n, o in r.extra] for r in ok]),
        ("failed outright", [[f"{r.idl}: {r.fatal}"] for r in s.fatal]),
        ("error diagnostics", [[f"{r.idl}: {e}" for e in r.errors] for r in ok]),
        ("reference unreadable", [[f"{r.idl}: {r.reference_error}"] for r in s.reports if r.reference_error]),
    ]
    for title, groups in sections:
        items = _spread(groups, samples)
        if items:
            lines.append(f"-- {title}:")
            lines += [f"   {item}" for item in items]
    kinds = Counter(e.split(": ", 2)[-1][:100] for r in ok for e in r.errors)
    if kinds:
        lines.append("-- error diagnostics by kind:")
        lines += [f"   {n:6d}  {kind}" for kind, n in kinds.most_common(samples)]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.differential.idl", description=__doc__.split("\n\n")[0])
    parser.add_argument("--no-sdk", action="store_true", help="read the .idl with no include folders (shims only)")
    parser.add_argument("--sample", type=int, metavar="N", help="a deterministic sample of N files")
    parser.add_argument("--files", help="comma-separated .idl names instead")
    parser.add_argument("--jobs", type=int, default=2, metavar="N")
    parser.add_argument("--timeout", type=int, default=300, help="seconds one pair may take")
    parser.add_argument("--json", type=Path, metavar="REPORT", help="write the full per-file report here")
    parser.add_argument("--samples", type=int, default=10, help="samples shown per category")
    args = parser.parse_args(argv)
    try:
        wine = corpora.load("wine")
    except CorpusError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    files = args.files.split(",") if args.files else sample(pairs(wine.root), args.sample)
    summary = compare(files, no_sdk=args.no_sdk, jobs=args.jobs, timeout=args.timeout, progress=True)
    print(format_summary(summary, args.samples), flush=True)
    if args.json:
        args.json.write_text(json.dumps(summary.to_json(), indent=1) + "\n")
    return 0 if summary.passed else 1


if __name__ == "__main__":
    sys.exit(main())
