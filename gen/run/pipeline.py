"""The work of one run, from settings to planned outputs (nothing written).

Kept apart from :mod:`gen.run.cli` so that a run served from the cache
(:mod:`gen.run.cache`) never imports the parser, pycparser or Jinja.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from gen.c.frontend import display_name
from gen.c.frontend import extract as extract_c
from gen.c.search import nearest_existing, system_candidates
from gen.diagnostics import Diagnostic, GenError, Level, Location
from gen.model import Extraction, Module
from gen.output.flags import classify
from gen.output.naming import common_prefix
from gen.output.render import OutputFormat, discover_formats, loaded_templates, make_environment, render, template_paths
from gen.output.viewmodel import ModuleView, module_view
from gen.output.writer import PlannedOutput, output_stem, safe_output_path
from gen.run.cache import PrefixCache, cache_dir
from gen.run.config import HeaderSettings, setting_line

if TYPE_CHECKING:  # docs are imported only when a run uses them
    from jinja2 import Environment

    from gen.docs.page import DocPage
    from gen.docs.report import DriftReport


@dataclass
class RunResult:
    outputs: list[PlannedOutput] = field(default_factory=list)
    #: Every file the run read: headers, includes, templates, config, pages.
    deps: list[str] = field(default_factory=list)
    #: Folders where an include was looked for in vain.
    dirs_probed: list[str] = field(default_factory=list)
    #: Folders a depfile names besides the files: the system include
    #: folders looked at (see system_folder_deps).
    dep_folders: list[str] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    #: Lines for --explain: one per enum, per header.
    explain: list[str] = field(default_factory=list)
    #: Drift between documentation pages and headers, one per header with --docs.
    drift: list[DriftReport] = field(default_factory=list)
    #: Every documentation page read, and those some header's enum matched.
    pages: dict[str, DocPage] = field(default_factory=dict)
    matched_pages: set[str] = field(default_factory=set)


def language(s: HeaderSettings) -> str:
    """The front end for a header: as configured, else by its extension."""
    if s.language is not None:
        return s.language
    return "idl" if s.header.lower().endswith(".idl") else "c"


def _extract_one(s: HeaderSettings, store: PrefixCache | None = None) -> Extraction | Diagnostic:
    """Extract one header; a fatal problem comes back as its diagnostic
    (so that it crosses process boundaries intact). ``store`` keeps the
    state after the forced includes for later processes."""
    # The stored forced-include state is the C front end's alone.
    extract: Callable[..., Extraction] = partial(extract_c, prefix_store=store)
    if language(s) == "idl":
        # Imported only for .idl inputs: a header's run does not pay for it.
        from gen.idl.frontend import extract as extract_idl

        extract = extract_idl
    try:
        return extract(
            s.header,
            include_dirs=s.include_dirs,
            defines=s.defines,
            undefines=s.undefines,
            force_includes=s.force_includes,
            target=s.target,
            shims=s.shims,
            system_includes=s.system_includes,
            sysroot=s.sysroot,
            macros=s.macros,
            groups=s.groups,
        )
    except GenError as exc:
        return exc.diagnostic


def extract_settings(s: HeaderSettings) -> tuple[Module | None, list[Diagnostic]]:
    """One header's module (None after a fatal error) and its diagnostics,
    as the settings rate them."""
    result = _extract_one(s)
    if isinstance(result, Diagnostic):
        return None, [_named_in_full(result, s)]
    return result.module, [promoted(_named_in_full(d, s), s) for d in result.diagnostics]


def _extract_all(
    settings: Sequence[HeaderSettings], jobs: int, store: PrefixCache | None = None
) -> Iterator[Extraction | Diagnostic]:
    """Extractions in header order; several headers use several processes."""
    one = partial(_extract_one, store=store)
    if jobs <= 1 or len(settings) <= 1:
        yield from map(one, settings)
        return
    # Imported here: multiprocessing costs a single-header run ~10 ms.
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=jobs) as pool:
        yield from pool.map(one, settings, chunksize=max(1, len(settings) // (jobs * 8)))


def stem_of(s: HeaderSettings) -> str:
    """The base name of a header's outputs: ``stem`` if set, else made from
    the header's file name."""
    return s.stem or output_stem(s.header)


def promoted(d: Diagnostic, s: HeaderSettings) -> Diagnostic:
    """``d`` as the settings rate it: a missing include is an error under
    ``missing-includes = "error"``, every warning is under ``werror``."""
    if d.level is not Level.WARNING:
        return d
    if d.code == "missing-include" and s.missing_includes == "error":
        text = d.message.replace("; continuing without it", "")
        return replace(d, level=Level.ERROR, message=f"{text} [--missing-includes=error]")
    if s.werror:
        return replace(d, level=Level.ERROR, message=f"{d.message} [-Werror]")
    return d


def _named_in_full(d: Diagnostic, s: HeaderSettings) -> Diagnostic:
    """The header as the user gave it: the front end names a header outside
    the working folder by its file name alone (that is what outputs show);
    diagnostics need the path that leads to it."""
    if d.location is None or d.location.file == s.header:
        return d
    if d.location.file != display_name(Path(s.header)):
        return d
    return replace(d, location=replace(d.location, file=s.header))


def plan(
    settings: Sequence[HeaderSettings], run: RunResult, jobs: int = 1, prefix_cache: PrefixCache | None = None
) -> None:
    """Extract and render every header; fills ``run``, writes nothing.
    ``prefix_cache`` shares the state after the forced includes with later
    processes (the run cache's folder; off with the run cache)."""
    layout = output_layout(settings)
    overrides = _FlagOverrides()
    # One environment per set of template folders: its compiled templates
    # serve every header of the run (Jinja checks each against its file).
    envs: dict[tuple[Path, ...], Environment] = {}
    for s, result in zip(settings, _extract_all(settings, jobs, prefix_cache), strict=True):
        if isinstance(result, Diagnostic):
            result = _named_in_full(result, s)
            # Every header is tried, so one run reports every broken one;
            # a problem in an included file names the header that reached it.
            if len(settings) > 1 and (result.location is None or result.location.file != s.header):
                result = replace(result, message=f"{result.message} (while extracting {s.header})")
            run.diagnostics.append(result)
            continue
        diagnostics = [promoted(_named_in_full(d, s), s) for d in result.diagnostics]
        run.diagnostics.extend(diagnostics)
        run.deps.extend(result.module.files_read)
        run.dirs_probed.extend(result.module.dirs_probed)
        run.dep_folders.extend(system_folder_deps(s, result.module.dirs_probed))
        if any(d.level is Level.ERROR for d in diagnostics):
            continue
        module = s.select(result.module)
        if s.docs:
            module = _apply_docs(module, s.docs, run)
        stem = stem_of(s)
        if (folders := tuple(s.template_dirs)) not in envs:
            envs[folders] = make_environment(s.template_dirs, cache_dir() / "jinja")
        env = envs[folders]
        # A template added to a user folder may override a built-in one.
        run.dirs_probed.extend(str(d) for d in s.template_dirs)
        flags = {**{g.name: g.flags for g in s.groups if g.flags is not None}, **s.flags}
        overrides.note(s, result.module)
        view = module_view(
            module,
            stem,
            target=s.target,
            ts_style=s.ts_style,
            flags_overrides=flags,
            strip_prefix=s.strip_prefix,
            class_names=s.class_names,
            ts_lookup=s.ts_lookup,
            header_comments=s.header_comments,
        )
        run.explain.extend(_explain(s, module, view, flags))
        for fmt, path in layout[s.header]:
            run.outputs.append(PlannedOutput(path, render(env, fmt, view)))
            run.deps.extend(template_paths(env, fmt))
        # What rendering actually loaded (dynamic includes too).
        run.deps.extend(loaded_templates(env))
        if s.config_file:
            run.deps.append(s.config_file)
    if settings:
        run.diagnostics.extend(promoted(d, settings[0]) for d in overrides.unmatched())


def system_folder_deps(s: HeaderSettings, dirs_probed: Sequence[str]) -> list[str]:
    """The system include folders a header's result depends on, for the
    depfile: each folder discovery looked at and each folder under them
    where an include was looked for in vain (a header added there changes
    the result). A folder that is not there is named by its nearest existing
    parent, whose modification time changes when it is created."""
    if not s.system_includes:
        return []
    roots = [str(c) for c in system_candidates(s.target, s.sysroot)]
    inside = [d for d in dirs_probed if any(d == r or d.startswith(r.rstrip("/") + "/") for r in roots)]
    return list(dict.fromkeys(nearest_existing(d) for d in [*roots, *inside]))


def output_layout(settings: Sequence[HeaderSettings]) -> dict[str, list[tuple[OutputFormat, Path]]]:
    """Each header's outputs, checked before any work is done: every format
    is known, and no two outputs (of two headers, or two formats) are the
    same file."""
    layout: dict[str, list[tuple[OutputFormat, Path]]] = {}
    owners: dict[str, tuple[str, str]] = {}
    for s in settings:
        formats = discover_formats(s.template_dirs)
        stem = stem_of(s)
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


@dataclass
class _FlagOverrides:
    """``flags`` entries and the headers they apply to, to warn about those
    that name no enum (typos): once per entry, not once per header (a
    top-level entry applies to every header and is meant for one)."""

    headers: dict[str, list[str]] = field(default_factory=dict)
    matched: set[str] = field(default_factory=set)
    config: dict[str, str] = field(default_factory=dict)

    def note(self, s: HeaderSettings, module: Module) -> None:
        names = {e.name for e in module.enums if e.name}
        for name in s.flags:
            self.headers.setdefault(name, []).append(s.header)
            if s.config_file:
                self.config.setdefault(name, s.config_file)
            if name in names:
                self.matched.add(name)

    def unmatched(self) -> list[Diagnostic]:
        found = []
        for name, headers in self.headers.items():
            if name in self.matched:
                continue
            config = self.config.get(name)
            where = Location(config, setting_line(Path(config), name)) if config else None
            found.append(
                Diagnostic(Level.WARNING, f"flags override '{name}' matches no enum of {', '.join(headers)}", where)
            )
        return found


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


def _apply_docs(module: Module, folders: Sequence[str], run: RunResult) -> Module:
    """Attach descriptions from documentation pages to the module's C enums."""
    from gen.docs.matching import apply_docs, match_pages
    from gen.docs.page import doc_folders, load_docs
    from gen.docs.report import drift_report

    # A page added anywhere under a docs folder may change the outputs.
    run.dirs_probed.extend(str(d) for d in doc_folders(folders))
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


def print_drift(run: RunResult, form: str) -> bool:
    """Print the drift report; True if anything drifts."""
    from gen.docs.report import DriftReport

    unmatched = tuple(run.pages[p] for p in sorted(run.pages) if p not in run.matched_pages)
    report = DriftReport(tuple(e for r in run.drift for e in r.enums), unmatched)
    if form == "json":
        print(json.dumps(report.to_json(), indent=2, ensure_ascii=False))
    else:
        text = report.to_text()
        print(text if text else "docs: no drift between the pages and the headers")
    return report.has_drift
