"""The command line: options and config in, outputs and an exit code out.

Exit codes: 0 success (outputs written or already current), 1 ``--check``
found outputs that would change, 2 error (nothing is written). The command
never ends in a traceback: an unexpected exception is reported as one line,
``gen: internal error: ...``, with exit code 2 (set ``GEN_DEBUG=1`` to see
the traceback).

Output naming: ``<out-dir>/<stem>.<ext>``, where ``<stem>`` is
:func:`output_stem` of the header and ``<ext>`` comes from the format's
template name ``<format>.<ext>.j2`` (``python.py.j2`` -> ``.py``).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from gen import __version__
from gen.api import DEFAULT_TARGET, TARGETS, extract
from gen.config import HeaderSettings, load_settings
from gen.diagnostics import Diagnostic, GenError, Level, Location
from gen.docs import DocPage, apply_docs, load_docs, match_pages
from gen.docs_report import DriftReport, drift_report
from gen.flags import classify
from gen.model import Module
from gen.naming import common_prefix
from gen.render import OutputFormat, discover_formats, loaded_templates, make_environment, render, template_paths
from gen.viewmodel import ModuleView, module_view
from gen.writer import PlannedOutput, safe_output_path, write_if_changed

EXIT_OK = 0
EXIT_STALE = 1
EXIT_ERROR = 2
TS_STYLES = ("const-object", "enum", "const-enum")


def output_stem(header: str) -> str:
    """Output base name: the header's file name without extension, lower-cased,
    made a valid Python module name (``My-Header.h`` -> ``my_header``)."""
    stem = Path(header.replace("\\", "/")).name.split(".")[0].lower()
    stem = re.sub(r"[^a-z0-9_]", "_", stem)
    if not stem or stem[0].isdigit():
        stem = "_" + stem
    return stem


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="gen",
        description="Extract the enums of C headers (values as clang computes them) "
        "and write them as Python, JSON and TypeScript.",
        epilog="Exit codes: 0 success, 1 --check found stale outputs (or --strict found drift), 2 error. "
        "Settings come from [tool.gen] of the nearest pyproject.toml; options override them.",
    )
    p.add_argument("headers", nargs="*", metavar="HEADER", help="C headers to read (or set 'headers' in [tool.gen])")
    p.add_argument("-o", "--out-dir", help="output folder (default: out)")
    p.add_argument(
        "-f",
        "--format",
        action="append",
        dest="formats",
        metavar="FORMAT",
        help="output format, repeatable or comma-separated: python, json, typescript, or a user template's "
        "(default: all three built-ins)",
    )
    p.add_argument("-I", dest="include_dirs", action="append", metavar="DIR", help="add an include directory")
    p.add_argument("-D", dest="defines", action="append", metavar="NAME[=VALUE]", help="define a macro")
    p.add_argument("-U", dest="undefines", action="append", metavar="NAME", help="undefine a macro")
    p.add_argument(
        "-include",
        dest="force_includes",
        action="append",
        metavar="FILE",
        help="include FILE before the header (as gcc and clang do)",
    )
    p.add_argument(
        "--target", choices=sorted(TARGETS), help=f"target whose data model values follow (default: {DEFAULT_TARGET})"
    )
    p.add_argument(
        "--docs",
        action="append",
        metavar="DIR",
        help="folder of SDK reference pages whose descriptions go into the outputs (repeatable)",
    )
    p.add_argument(
        "--docs-report",
        choices=("text", "json"),
        help="print where the documentation pages and the headers disagree",
    )
    p.add_argument("--strict", action="store_true", help="with --docs-report, exit 1 when anything drifts")
    p.add_argument(
        "--macros",
        choices=("main", "all", "none"),
        help="which integer #define constants become groups: this header's (main, default), "
        "also those of included files (all), or none",
    )
    p.add_argument(
        "--no-shims",
        dest="shims",
        action="store_false",
        default=None,
        help="do not fall back to the built-in Windows shim headers",
    )
    p.add_argument("--templates", metavar="DIR", help="folder of templates overriding or adding to the built-ins")
    p.add_argument(
        "--include-enum",
        dest="include_enums",
        action="append",
        metavar="REGEX",
        help="keep only enums whose name matches REGEX (repeatable; any match keeps)",
    )
    p.add_argument(
        "--exclude-enum",
        dest="exclude_enums",
        action="append",
        metavar="REGEX",
        help="drop enums whose name matches REGEX (repeatable)",
    )
    p.add_argument(
        "--strip-prefix",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="drop each enum's common member-name prefix (at an '_') from the Python and TypeScript names; "
        "JSON keeps the C names",
    )
    p.add_argument(
        "--explain",
        action="store_true",
        help="print, for each enum, whether it is IntFlag or IntEnum and why (and the prefix stripped)",
    )
    p.add_argument("--ts-style", choices=TS_STYLES, help="TypeScript form (default: const-object)")
    p.add_argument("--check", action="store_true", help="write nothing; exit 1 if any output would change")
    p.add_argument("--diff", action="store_true", help="print a unified diff of each change (implies --check)")
    p.add_argument("--depfile", metavar="PATH", help="write a Makefile-syntax depfile of every file read")
    p.add_argument(
        "--depfile-target",
        metavar="TARGET",
        help="the target the depfile names (default: every output), e.g. a stamp file",
    )
    p.add_argument("--config", metavar="PYPROJECT", help="read [tool.gen] from this file instead of searching")
    p.add_argument("-q", "--quiet", action="store_true", help="print only warnings and errors")
    p.add_argument("--version", action="version", version=f"gen {__version__}")
    return p


@dataclass
class _Run:
    outputs: list[PlannedOutput] = field(default_factory=list)
    deps: list[str] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    #: Lines for --explain: one per enum, per header.
    explain: list[str] = field(default_factory=list)
    #: Drift between documentation pages and headers, one per header with --docs.
    drift: list[DriftReport] = field(default_factory=list)
    #: Every documentation page read, and those some header's enum matched.
    pages: dict[str, DocPage] = field(default_factory=dict)
    matched_pages: set[str] = field(default_factory=set)


def _print(diag: Diagnostic) -> None:
    print(diag, file=sys.stderr)


def plan(settings: Sequence[HeaderSettings], run: _Run) -> None:
    """Extract and render every header; fills ``run``, writes nothing."""
    layout = output_layout(settings)
    for s in settings:
        result = extract(
            s.header,
            include_dirs=s.include_dirs,
            defines=s.defines,
            undefines=s.undefines,
            force_includes=s.force_includes,
            target=s.target,
            shims=s.shims,
            macros=s.macros,
            groups=s.groups,
        )
        run.diagnostics.extend(result.diagnostics)
        run.deps.extend(result.module.files_read)
        if result.errors:
            continue
        module = s.select(result.module)
        if s.docs:
            module = _apply_docs(module, s.docs, run)
        stem = output_stem(s.header)
        env = make_environment(s.template_dirs)
        flags = {**{g.name: g.flags for g in s.groups if g.flags is not None}, **s.flags}
        _check_flag_overrides(s, result.module, run)
        view = module_view(
            module, stem, target=s.target, ts_style=s.ts_style, flags_overrides=flags, strip_prefix=s.strip_prefix
        )
        run.explain.extend(_explain(s, module, view, flags))
        for fmt, path in layout[s.header]:
            run.outputs.append(PlannedOutput(path, render(env, fmt, view)))
            run.deps.extend(template_paths(env, fmt))
        # What rendering actually loaded (dynamic includes too).
        run.deps.extend(loaded_templates(env))
        if s.config_file:
            run.deps.append(s.config_file)


def output_layout(settings: Sequence[HeaderSettings]) -> dict[str, list[tuple[OutputFormat, Path]]]:
    """Each header's outputs, checked before any work is done: every format
    is known, and no two outputs (of two headers, or two formats) are the
    same file."""
    layout: dict[str, list[tuple[OutputFormat, Path]]] = {}
    owners: dict[str, tuple[str, str]] = {}
    for s in settings:
        formats = discover_formats(s.template_dirs)
        stem = output_stem(s.header)
        mine: list[tuple[OutputFormat, Path]] = []
        for name in dict.fromkeys(s.formats):
            fmt = formats.get(name)
            if fmt is None:
                raise GenError(f"unknown format '{name}' (known: {', '.join(sorted(formats))})")
            path = safe_output_path(s.out_dir, f"{stem}.{fmt.extension}")
            key = os.path.normcase(os.path.abspath(path))
            if key in owners:
                header, other = owners[key]
                if header == s.header:
                    raise GenError(f"formats '{other}' and '{name}' would both write {path.as_posix()}")
                raise GenError(
                    f"headers {header} and {s.header} would both write {path.as_posix()}: outputs are named "
                    f"after the header's file name (here '{stem}'); give one of them its own out-dir "
                    f'([tool.gen.header."{s.header}"] out-dir = "...") or run gen once per header with -o'
                )
            owners[key] = (s.header, name)
            mine.append((fmt, path))
        layout[s.header] = mine
    return layout


def _check_flag_overrides(s: HeaderSettings, module: Module, run: _Run) -> None:
    """Warn about ``flags`` entries that name no enum of the header (typos)."""
    names = {e.name for e in module.enums if e.name}
    for name in s.flags:
        if name not in names:
            where = Location(s.config_file, 1) if s.config_file else None
            run.diagnostics.append(
                Diagnostic(Level.WARNING, f"flags override '{name}' matches no enum of {s.header}", where)
            )


def _explain(s: HeaderSettings, module: Module, view: ModuleView, overrides: Mapping[str, bool]) -> list[str]:
    """One line per enum: IntFlag or IntEnum, and why."""
    lines: list[str] = []
    for enum, ev in zip(module.enums, view.all_enums, strict=True):
        name = ev.c_name or f"anonymous enum at {ev.file}:{ev.line}"
        if ev.c_name is not None and ev.c_name in overrides:
            rule = classify(enum)
            setting = f"flags.{ev.c_name} = {'true' if ev.flags else 'false'}"
            why = (
                f"set in the configuration ({setting}); the rule alone would choose "
                f"{'IntFlag' if rule.flags else 'IntEnum'}: {rule.reason}"
            )
        else:
            why = ev.flags_reason
        line = f"{s.header}: {name}: {ev.py_base}: {why}"
        if s.strip_prefix and ev.c_name is not None:
            prefix = common_prefix([m.c_name for m in ev.members])
            line += f"; member prefix '{prefix}' stripped" if prefix else "; no member prefix stripped"
        lines.append(line)
    return lines


def _apply_docs(module: Module, folders: Sequence[str], run: _Run) -> Module:
    """Attach descriptions from documentation pages to the module's C enums."""
    for page in load_docs(folders):
        run.pages.setdefault(page.path, page)
    pages = [run.pages[p] for p in sorted(run.pages)]
    run.deps.extend(p.path for p in pages)
    enums = [e for e in module.enums if e.origin == "enum"]
    matches = match_pages(pages, enums)
    run.matched_pages.update(m.page.path for m in matches.matches)
    run.drift.append(drift_report(matches))
    documented = dict(zip(enums, apply_docs(enums, matches), strict=True))
    return replace(module, enums=tuple(documented.get(e, e) for e in module.enums))


def _print_drift(run: _Run, form: str) -> bool:
    """Print the drift report; True if anything drifts."""
    unmatched = tuple(run.pages[p] for p in sorted(run.pages) if p not in run.matched_pages)
    report = DriftReport(tuple(e for r in run.drift for e in r.enums), unmatched)
    if form == "json":
        print(json.dumps(report.to_json(), indent=2, ensure_ascii=False))
    else:
        text = report.to_text()
        print(text if text else "docs: no drift between the pages and the headers")
    return report.has_drift


def depfile_path(path: str | Path, cwd: Path | None = None, project: Path | None = None) -> str:
    """A path as the depfile names it: relative to ``cwd`` (default: the
    working folder), as the Makefile or build.ninja names its files, when
    inside ``cwd`` or inside ``project`` (then with ``..``); else absolute
    (gen's own shim headers and templates, for instance). Normalised, with
    '/' separators."""
    text = os.fspath(path)
    base = cwd if cwd is not None else Path.cwd()
    if os.path.isabs(text):
        # As given, then with symlinks resolved (/tmp -> /private/tmp).
        for here, top in ((base, project), (base.resolve(), project.resolve() if project else None)):
            if any(Path(text).is_relative_to(folder) for folder in (here, top) if folder is not None):
                text = os.path.relpath(text, here)
                break
    text = os.path.normpath(text)
    return text.replace(os.sep, "/") if os.sep != "/" else text


def _escape_make(path: str) -> str:
    if "\n" in path or "\r" in path:
        raise GenError(f"cannot name {path!r} in a depfile: it contains a line break")
    return path.replace(" ", "\\ ").replace("#", "\\#").replace("$", "$$")


def depfile_text(targets: Sequence[str | Path], deps: Sequence[str | Path]) -> str:
    """Makefile syntax, as ``gcc -MD -MP`` writes it: one rule naming the
    targets and every file read, then an empty rule per file read, so make
    does not stop when one of them is deleted. GNU make and ninja read it."""
    names = list(dict.fromkeys(_escape_make(depfile_path(t)) for t in targets))
    files = list(dict.fromkeys(_escape_make(depfile_path(d)) for d in deps))
    head = " ".join(names) + ":"
    lines = [head + "".join(f" \\\n  {f}" for f in files), ""]
    lines += [f"{f}:" for f in files]
    return "\n".join(lines) + "\n"


def write_depfile(path: Path, targets: Sequence[str | Path], deps: Sequence[str | Path]) -> bool:
    """Write the depfile (only if its content changes); True if written."""
    return write_if_changed(PlannedOutput(path, depfile_text(targets, deps)))


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return the exit code (0, 1 or 2).

    Never ends in a traceback: an unexpected exception becomes one line,
    ``gen: internal error: ...``, and exit code 2. ``GEN_DEBUG=1`` in the
    environment lets the traceback through, for debugging.
    """
    try:
        args = build_parser().parse_args(argv)
        if args.diff:
            args.check = True
        return _run(args)
    except KeyboardInterrupt:
        print("gen: interrupted", file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:
        # stdout was closed early (``gen --explain | head``): stop quietly;
        # point stdout at devnull so the interpreter's final flush is silent.
        with contextlib.suppress(OSError, ValueError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_ERROR
    except Exception as exc:
        if os.environ.get("GEN_DEBUG"):
            raise
        detail = " ".join(str(exc).split()) or "(no message)"
        print(
            f"gen: internal error: {type(exc).__name__}: {detail} "
            "(this is a bug in gen; please report it with the command and the input)",
            file=sys.stderr,
        )
        return EXIT_ERROR


def _run(args: argparse.Namespace) -> int:
    try:
        settings = load_settings(args)
    except GenError as exc:
        _print(exc.diagnostic)
        return EXIT_ERROR
    # With a config, the run works in its folder, so outputs are the same
    # wherever gen is started; what it prints stays relative to the cwd.
    origin = Path.cwd()
    root = settings[0].root if settings else None
    with contextlib.chdir(root) if root is not None else contextlib.nullcontext():
        return _execute(args, settings, origin)


def _execute(args: argparse.Namespace, settings: list[HeaderSettings], origin: Path) -> int:
    project = settings[0].root if settings else None

    def shown(path: str | Path) -> str:
        return depfile_path(os.path.abspath(path), origin, project)

    try:
        run = _Run()
        plan(settings, run)
    except GenError as exc:
        if "run" in locals():
            for d in run.diagnostics:
                _print(d)
        _print(exc.diagnostic)
        return EXIT_ERROR
    for d in run.diagnostics:
        if d.level is not Level.NOTE or not args.quiet:
            _print(d)
    if args.explain:
        for line in run.explain:
            print(line)
    if any(d.level is Level.ERROR for d in run.diagnostics):
        print(f"gen: {sum(d.level is Level.ERROR for d in run.diagnostics)} error(s); nothing written", file=sys.stderr)
        return EXIT_ERROR
    drifted = _print_drift(run, args.docs_report) if args.docs_report else False
    if args.check:
        stale = [o for o in run.outputs if o.is_stale()]
        for o in stale:
            print(f"would change: {shown(o.path)}")
            if args.diff:
                sys.stdout.write(o.diff(shown(o.path)))
        if stale:
            print(f"gen --check: {len(stale)} of {len(run.outputs)} output(s) are stale")
            return EXIT_STALE
        if not args.quiet:
            print(f"gen --check: all {len(run.outputs)} output(s) are current")
        return EXIT_STALE if args.strict and drifted else EXIT_OK
    try:
        for o in run.outputs:
            written = write_if_changed(o)
            if not args.quiet:
                print(f"{'wrote' if written else 'unchanged'} {shown(o.path)}")
        depfile = settings[0].depfile if settings else None
        if depfile:
            # Named as make or ninja, started in the same folder as gen, name them.
            targets = [args.depfile_target] if args.depfile_target else [shown(o.path) for o in run.outputs]
            write_depfile(Path(depfile), targets, [shown(d) for d in run.deps])
    except GenError as exc:
        _print(exc.diagnostic)
        return EXIT_ERROR
    return EXIT_STALE if args.strict and drifted else EXIT_OK
