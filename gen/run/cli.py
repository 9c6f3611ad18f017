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
import os
import re
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import IO, NoReturn

from gen import __version__
from gen.c.targets import DEFAULT_TARGET, TARGETS
from gen.diagnostics import Diagnostic, GenError, Level, Location, printable
from gen.output.writer import PlannedOutput, output_stem, remove_stale_temporaries, write_outputs
from gen.run import cache, quick
from gen.run.config import CHOICES, HeaderSettings, load_settings, pyproject_candidates
from gen.run.depfile import depfile_output, depfile_path, depfile_text
from gen.run.orphans import Orphan, find_orphans

__all__ = ["build_parser", "depfile_text", "main", "output_stem"]

EXIT_OK = 0
EXIT_STALE = 1
EXIT_ERROR = 2
TS_STYLES = ("const-object", "enum", "const-enum")


class _Parser(argparse.ArgumentParser):
    """No abbreviations (``--out`` must not mean ``--out-dir``), and a
    suggestion for a mistyped option."""

    def error(self, message: str) -> NoReturn:
        m = re.fullmatch(r"unrecognized arguments: (.*)", message)
        if m:
            import difflib  # only for a mistake

            known = [o for action in self._actions for o in action.option_strings]
            for word in m.group(1).split():
                close = difflib.get_close_matches(word.split("=")[0], known, n=1, cutoff=0.6)
                if word.startswith("-") and close:
                    message += f" (did you mean '{close[0]}'?)"
                    break
        super().error(message)


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="gen",
        allow_abbrev=False,
        description="Extract the enums of C headers (values as clang computes them) "
        "and write them as Python, JSON and TypeScript.",
        epilog="Exit codes: 0 success, 1 --check found stale or orphaned outputs (or --strict found drift), 2 error. "
        "Settings come from [tool.gen] of the nearest pyproject.toml; options override them.",
    )
    p.add_argument(
        "headers", nargs="*", metavar="HEADER", help="C headers or .idl files to read (or set 'headers' in [tool.gen])"
    )
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
        "--language",
        choices=("c", "idl"),
        help="read the inputs as C headers or as IDL (default: IDL for .idl files, C otherwise)",
    )
    p.add_argument(
        "--no-shims",
        dest="shims",
        action="store_false",
        default=None,
        help="do not fall back to the built-in Windows shim headers",
    )
    p.add_argument(
        "--no-system-includes",
        dest="system_includes",
        action="store_false",
        default=None,
        help="do not search the system's include folders (/usr/local/include, /usr/include/<multiarch>, "
        "/usr/include for a Linux target)",
    )
    p.add_argument(
        "--sysroot", metavar="DIR", help="look for the system's include folders under DIR instead of / (Linux targets)"
    )
    p.add_argument(
        "--print-search-dirs",
        action="store_true",
        help="print the folders #include <...> searches, in order, each with where it came from, and exit",
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
        "--class-names",
        choices=("c", "pascal"),
        help="Python class and TypeScript type names: as in C (c, default) or PascalCase (pascal: "
        "SMTP_COMMAND -> SmtpCommand); JSON keeps the C names",
    )
    p.add_argument(
        "--ts-lookup",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="TypeScript lookup helpers per enum: isX(v), nameOfX(v), valuesOfX (const-object form; default: on)",
    )
    p.add_argument(
        "--header-comments",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="use the header's own comments as descriptions (default: on; --docs pages take precedence)",
    )
    p.add_argument(
        "--explain",
        action="store_true",
        help="print, for each enum, whether it is IntFlag or IntEnum and why (and the prefix stripped)",
    )
    p.add_argument("--ts-style", choices=TS_STYLES, help="TypeScript form (default: const-object)")
    p.add_argument(
        "--werror",
        "-Werror",
        action="store_true",
        default=None,
        help="make every warning an error (exit 2, nothing written)",
    )
    p.add_argument(
        "--missing-includes",
        choices=CHOICES["missing-includes"],
        help="an #include that is not found: warn and continue without it (default), or error",
    )
    p.add_argument(
        "--check",
        action="store_true",
        help="write nothing; exit 1 if any output would change or is orphaned (generated earlier, no longer written)",
    )
    p.add_argument(
        "--touch",
        action="store_true",
        help="give outputs that did not change a new modification time too (for build tools that compare times "
        "and cannot restat, such as CMake's Makefiles generator)",
    )
    p.add_argument(
        "--prune",
        action="store_true",
        help="delete orphaned outputs: files gen generated earlier in the output folders that the run no longer writes",
    )
    p.add_argument("--diff", action="store_true", help="print a unified diff of each change (implies --check)")
    p.add_argument("--depfile", metavar="PATH", help="write a Makefile-syntax depfile of every file read")
    p.add_argument(
        "--depfile-target",
        metavar="TARGET",
        help="the target the depfile names (default: every output), e.g. a stamp file",
    )
    p.add_argument("--config", metavar="PYPROJECT", help="read [tool.gen] from this file instead of searching")
    p.add_argument("--no-config", action="store_true", help="read no [tool.gen] configuration")
    p.add_argument(
        "--stem",
        metavar="NAME",
        help="base name of the outputs (NAME.py, NAME.json, ...) instead of one made from the header's name",
    )
    p.add_argument("-q", "--quiet", action="store_true", help="print only warnings and errors")
    p.add_argument(
        "-j",
        "--jobs",
        type=int,
        metavar="N",
        help="headers extracted in parallel when several are given (default: the number of cores)",
    )
    p.add_argument(
        "--no-cache",
        action="store_true",
        help="do not use or update the run cache (by default a run whose inputs are all unchanged "
        "is served from $GEN_CACHE_DIR or ~/.cache/gen)",
    )
    p.add_argument(
        "--clear-cache", action="store_true", help="delete the run cache (records, quick-path stamps) and exit"
    )
    p.add_argument("--print-schema", action="store_true", help="print the JSON Schema of the JSON output and exit")
    p.add_argument("--version", action="version", version=f"gen {__version__}")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return the exit code (0, 1 or 2).

    Never ends in a traceback: an unexpected exception becomes one line,
    ``gen: internal error: ...``, and exit code 2. ``GEN_DEBUG=1`` in the
    environment lets the traceback through, for debugging.
    """
    raw = list(sys.argv[1:] if argv is None else argv)
    # Everything printed is kept, so that a run which changed nothing can
    # leave a stamp for gen.run.quick to replay.
    real = sys.stdout, sys.stderr
    printed = sys.stdout, sys.stderr = quick.Recorder(real[0]), quick.Recorder(real[1])
    try:
        args = build_parser().parse_args(raw)
        if args.diff:
            args.check = True
        if args.print_schema:
            from gen.run.api import schema_text

            sys.stdout.write(schema_text())
            return EXIT_OK
        if args.clear_cache:
            removed = cache.clear()
            if not args.quiet:
                print(printable(f"gen: cleared the cache in {cache.cache_dir()} ({removed} file(s) removed)"))
            return EXIT_OK
        return _run(args, raw, printed)
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
        detail = printable(" ".join(str(exc).split())) or "(no message)"
        print(
            f"gen: internal error: {type(exc).__name__}: {detail} "
            "(this is a bug in gen; please report it with the command and the input)",
            file=sys.stderr,
        )
        return EXIT_ERROR
    finally:
        sys.stdout, sys.stderr = real


def _print(diag: Diagnostic | str) -> None:
    print(diag, file=sys.stderr)


def _run(args: argparse.Namespace, raw: list[str], printed: tuple[quick.Recorder, quick.Recorder]) -> int:
    started = time.time_ns()
    try:
        settings = load_settings(args, require_headers=not args.print_search_dirs)
    except GenError as exc:
        _print(exc.diagnostic)
        return EXIT_ERROR
    if args.print_search_dirs:
        # Paths in the settings are relative to the run's folder.
        root = settings[0].root
        with contextlib.chdir(root) if root is not None else contextlib.nullcontext():
            _print_search_dirs(settings)
        return EXIT_OK
    # With a config, the run works in its folder, so outputs are the same
    # wherever gen is started; what it prints stays relative to the cwd.
    origin = Path.cwd()
    root = settings[0].root if settings else None
    with contextlib.chdir(root) if root is not None else contextlib.nullcontext():
        code, stamp = _execute(args, settings, origin, started)
        if stamp is not None:
            files, dirs = stamp
            # Which pyproject.toml applies depends on the files on the way up.
            searched = [] if args.config else [str(p) for p in pyproject_candidates(origin)]
            files += [p for p in searched if os.path.lexists(p)]
            absent = [p for p in searched if not os.path.lexists(p)]
            text = (printed[0].text(), printed[1].text())
            quick.store(raw, [*files, *quick.own_files()], absent, dirs, text, code, not_after=started)
        return code


def _print_search_dirs(settings: Sequence[HeaderSettings]) -> None:
    """Each folder of the include search path with its origin (-I, system,
    shims, standard); one list per header when their settings differ."""
    from gen.c.search import search_path

    listings: dict[str, list[str]] = {}
    for s in settings:
        found = search_path(
            s.include_dirs, s.target, shims=s.shims, system_includes=s.system_includes, sysroot=s.sysroot
        )
        lines = [f"{d.origin:<9} {Path(os.path.abspath(d.path)).as_posix()}" for d in found.dirs]
        listings.setdefault("\n".join(lines), []).append(s.header)
    for text, headers in listings.items():
        if len(listings) > 1:
            print(f"{', '.join(headers)}:")
        print(text)


def _execute(
    args: argparse.Namespace, settings: list[HeaderSettings], origin: Path, started: int
) -> tuple[int, tuple[list[str], list[str]] | None]:
    """Run (or serve from the run cache) and write. Returns the exit code
    and, when the run changed nothing and may be replayed by gen.run.quick, the
    files and folders its result depends on."""
    project = settings[0].root if settings else None

    def shown(path: str | Path) -> str:
        return depfile_path(os.path.abspath(path), origin, project)

    use_cache = not (args.no_cache or os.environ.get("GEN_NO_CACHE") or args.explain or args.docs_report)
    key = cache.run_key(settings, {}) if use_cache else ""
    record = cache.load(key) if use_cache else None
    if record is not None:
        # Every input is as it was: the outputs are known without parsing.
        for line in record.diagnostics:
            _print(line)
        outputs = [PlannedOutput(Path(p), text) for p, text in record.outputs]
        code, changed, looked = _finish(args, settings, outputs, record.deps, shown, drifted=False)
        if code != EXIT_OK or changed:
            return code, None
        return code, ([*record.inputs, *_written(args, settings, outputs), *looked[0]], [*record.dirs, *looked[1]])

    from gen.run.pipeline import RunResult, plan, print_drift

    try:
        run = RunResult()
        jobs = args.jobs if args.jobs else (os.cpu_count() or 1)
        plan(settings, run, jobs=jobs, prefix_cache=cache.PrefixCache() if use_cache else None)
    except GenError as exc:
        if "run" in locals():
            for d in run.diagnostics:
                _print(d)
        _print(exc.diagnostic)
        return EXIT_ERROR, None
    printed = [d for d in run.diagnostics if d.level is not Level.NOTE or not args.quiet]
    for d in printed:
        _print(d)
    if args.explain:
        for line in run.explain:
            print(printable(line), file=_status(args))
    if any(d.level is Level.ERROR for d in run.diagnostics):
        print(f"gen: {sum(d.level is Level.ERROR for d in run.diagnostics)} error(s); nothing written", file=sys.stderr)
        return EXIT_ERROR, None
    drifted = print_drift(run, args.docs_report) if args.docs_report else False
    # The depfile names the files read and the system folders looked in.
    named = [*run.deps, *dict.fromkeys(run.dep_folders)]
    code, changed, looked = _finish(args, settings, run.outputs, named, shown, drifted)
    if not use_cache or code == EXIT_ERROR:
        return code, None
    new = cache.make_record(
        run.deps,
        run.dirs_probed,
        [(str(o.path), o.text) for o in run.outputs],
        [str(d) for d in printed],
        named,
        not_after=started,
    )
    if new is None:
        return code, None
    cache.store(key, new)
    if code != EXIT_OK or changed:
        return code, None
    return code, ([*run.deps, *_written(args, settings, run.outputs), *looked[0]], [*run.dirs_probed, *looked[1]])


def _written(args: argparse.Namespace, settings: list[HeaderSettings], outputs: Sequence[PlannedOutput]) -> list[str]:
    """The files a run writes (or, with --check, compares): its outputs and depfile."""
    depfile = settings[0].depfile if settings and not args.check else None
    return [str(o.path) for o in outputs] + ([str(depfile)] if depfile else [])


def _status(args: argparse.Namespace) -> IO[str]:
    """Where status lines go: stdout, unless it carries machine-readable
    output (``--docs-report json``), which must stand alone there."""
    return sys.stderr if args.docs_report == "json" else sys.stdout


def _finish(
    args: argparse.Namespace,
    settings: list[HeaderSettings],
    outputs: Sequence[PlannedOutput],
    deps: Sequence[str],
    shown: Callable[[str | Path], str],
    drifted: bool,
) -> tuple[int, bool, tuple[list[str], list[str]]]:
    """Check or write the outputs (and the depfile), all or nothing; the
    exit code, whether any file was written or removed, and the files and
    folders looked at for orphans (a stamp depends on them)."""
    status = _status(args)
    out_dirs = sorted({o.path.parent for o in outputs})
    # The full list of headers comes from [tool.gen] when none is typed.
    complete = not args.headers and bool(settings) and settings[0].config_file is not None
    orphans = find_orphans(outputs, complete)
    looked = ([str(o.path) for o in orphans], [str(d) for d in out_dirs])
    if args.check:
        stale = [o for o in outputs if o.is_stale()]
        for o in stale:
            print(f"would change: {printable(shown(o.path))}", file=status)
            if args.diff:
                status.write(o.diff(shown(o.path)))
        for orphan in orphans:
            line = f"orphaned: {shown(orphan.path)} (generated from {orphan.source}; --prune deletes it)"
            print(printable(line), file=status)
        if stale:
            print(f"gen --check: {len(stale)} of {len(outputs)} output(s) are stale", file=status)
        if orphans:
            print(f"gen --check: {len(orphans)} orphaned output(s)", file=status)
        if stale or orphans:
            return EXIT_STALE, False, looked
        if not args.quiet:
            print(f"gen --check: all {len(outputs)} output(s) are current", file=status)
        return (EXIT_STALE if args.strict and drifted else EXIT_OK), False, looked
    if orphans and not args.prune:
        werror = bool(settings) and settings[0].werror
        for orphan in orphans:
            _print(_orphan_diagnostic(orphan, shown, werror))
        if werror:
            print(f"gen: {len(orphans)} error(s); nothing written", file=sys.stderr)
            return EXIT_ERROR, False, looked
    planned = list(outputs)
    depfile = settings[0].depfile if settings else None
    if depfile:
        # Named as make or ninja, started in the same folder as gen, name them.
        target = settings[0].depfile_target
        targets = [target] if target else [shown(o.path) for o in outputs]
        planned.append(depfile_output(Path(depfile), targets, [shown(d) for d in deps]))
    try:
        written = write_outputs(planned)
    except GenError as exc:
        _print(exc.diagnostic)
        print("gen: 1 error(s); nothing written", file=sys.stderr)
        return EXIT_ERROR, False, looked
    if args.touch:
        # For build tools that compare times and cannot restat: outputs
        # that did not change get a new modification time too.
        for o, w in zip(outputs, written, strict=False):
            if not w:
                with contextlib.suppress(OSError):
                    os.utime(o.path)
    if not args.quiet:
        for o, w in zip(outputs, written, strict=False):
            verb = "wrote" if w else "touched" if args.touch else "unchanged"
            print(f"{verb} {printable(shown(o.path))}", file=status)
    # A touching run is never replayed by the quick path: it must touch.
    changed = any(written) or bool(args.touch and outputs)
    if args.prune:
        for orphan in orphans:
            try:
                os.unlink(orphan.path)
            except OSError as exc:
                where = Location(shown(orphan.path), 1)
                _print(Diagnostic(Level.ERROR, f"cannot delete: {exc.strerror or exc}", where))
                return EXIT_ERROR, True, looked
            changed = True
            if not args.quiet:
                print(f"removed {printable(shown(orphan.path))}", file=status)
    # Leftovers of killed runs, in the folders this run writes to.
    for folder in {*out_dirs, *([Path(depfile).parent] if depfile else [])}:
        remove_stale_temporaries(folder)
    return (EXIT_STALE if args.strict and drifted else EXIT_OK), changed, looked


def _orphan_diagnostic(orphan: Orphan, shown: Callable[[str | Path], str], error: bool) -> Diagnostic:
    level, suffix = (Level.ERROR, " [-Werror]") if error else (Level.WARNING, "")
    message = f"orphaned output: generated from {orphan.source}, no longer written by this run; --prune deletes it"
    return Diagnostic(level, message + suffix, Location(shown(orphan.path), 1))
