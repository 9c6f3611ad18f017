"""The command line: options and config in, outputs and an exit code out.

Exit codes: 0 success (outputs written or already current), 1 ``--check``
found outputs that would change, 2 error (nothing is written).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from gen import __version__
from gen.api import DEFAULT_TARGET, TARGETS, extract
from gen.config import ConfigError, HeaderSettings, load_settings
from gen.diagnostics import Diagnostic, GenError, Level
from gen.render import discover_formats, make_environment, render, template_paths
from gen.viewmodel import module_view
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
        epilog="Exit codes: 0 success, 1 --check found stale outputs, 2 error.",
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
    p.add_argument("--ts-style", choices=TS_STYLES, help="TypeScript form (default: const-object)")
    p.add_argument("--check", action="store_true", help="write nothing; exit 1 if any output would change")
    p.add_argument("--diff", action="store_true", help="with --check, print a unified diff of each change")
    p.add_argument("--depfile", metavar="PATH", help="write a Makefile-syntax depfile of every file read")
    p.add_argument("--config", metavar="PYPROJECT", help="read [tool.gen] from this file instead of searching")
    p.add_argument("-q", "--quiet", action="store_true", help="print only warnings and errors")
    p.add_argument("--version", action="version", version=f"gen {__version__}")
    return p


@dataclass
class _Run:
    outputs: list[PlannedOutput] = field(default_factory=list)
    deps: list[str] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)


def _print(diag: Diagnostic) -> None:
    print(diag, file=sys.stderr)


def plan(settings: Sequence[HeaderSettings], run: _Run) -> None:
    """Extract and render every header; fills ``run``, writes nothing."""
    stems: dict[Path, str] = {}
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
        stem = output_stem(s.header)
        env = make_environment(s.template_dirs)
        formats = discover_formats(s.template_dirs)
        flags = {**{g.name: g.flags for g in s.groups if g.flags is not None}, **s.flags}
        view = module_view(module, stem, target=s.target, ts_style=s.ts_style, flags_overrides=flags)
        for name in s.formats:
            fmt = formats.get(name)
            if fmt is None:
                raise GenError(f"unknown format '{name}' (known: {', '.join(sorted(formats))})")
            path = safe_output_path(s.out_dir, f"{stem}.{fmt.extension}")
            if path in stems:
                raise GenError(f"headers {stems[path]} and {s.header} would both write {path}")
            stems[path] = s.header
            run.outputs.append(PlannedOutput(path, render(env, fmt, view)))
            run.deps.extend(template_paths(env, fmt))
        if s.config_file:
            run.deps.append(s.config_file)


def write_depfile(path: Path, targets: Sequence[Path], deps: Sequence[str]) -> None:
    def esc(p: str) -> str:
        return p.replace("\\", "/").replace(" ", "\\ ").replace("#", "\\#").replace("$", "$$")

    unique = list(dict.fromkeys(deps))
    text = " ".join(esc(t.as_posix()) for t in targets) + ": " + " \\\n  ".join(esc(d) for d in unique) + "\n"
    write_if_changed(PlannedOutput(path, text))


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        settings = load_settings(args)
        run = _Run()
        plan(settings, run)
    except ConfigError as exc:
        _print(exc.diagnostic)
        return EXIT_ERROR
    except GenError as exc:
        if "run" in locals():
            for d in run.diagnostics:
                _print(d)
        _print(exc.diagnostic)
        return EXIT_ERROR
    for d in run.diagnostics:
        if d.level is not Level.NOTE or not args.quiet:
            _print(d)
    if any(d.level is Level.ERROR for d in run.diagnostics):
        print(f"gen: {sum(d.level is Level.ERROR for d in run.diagnostics)} error(s); nothing written", file=sys.stderr)
        return EXIT_ERROR
    if args.check:
        stale = [o for o in run.outputs if o.is_stale()]
        for o in stale:
            print(f"would change: {o.path.as_posix()}")
            if args.diff:
                sys.stdout.write(o.diff())
        if stale:
            print(f"gen --check: {len(stale)} of {len(run.outputs)} output(s) are stale")
            return EXIT_STALE
        if not args.quiet:
            print(f"gen --check: all {len(run.outputs)} output(s) are current")
        return EXIT_OK
    try:
        for o in run.outputs:
            written = write_if_changed(o)
            if not args.quiet:
                print(f"{'wrote' if written else 'unchanged'} {o.path.as_posix()}")
        depfile = args.depfile or (settings[0].depfile if settings else None)
        if depfile:
            write_depfile(Path(depfile), [o.path for o in run.outputs], run.deps)
    except GenError as exc:
        _print(exc.diagnostic)
        return EXIT_ERROR
    return EXIT_OK
