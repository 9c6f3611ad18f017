"""The C front end as one call: header path in, model and diagnostics out."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from gen.c.builder import ModelBuilder
from gen.c.cexpr import parser_stack
from gen.c.comments import describe, read_text
from gen.c.declarations import DeclarationScanner
from gen.c.implicit_prefix import ImplicitPrefix, implicit_prefix
from gen.c.includes import included_name, read_shared
from gen.c.inttypes import DATA_MODELS, IntTypes
from gen.c.lexer import Token
from gen.c.macro_groups import TypedefMark, evaluate_macros, group_macros
from gen.c.macros import Macro
from gen.c.precompiled import MainFile, PrefixStore, dump, key_of, restore
from gen.c.preprocessor import Preprocessor, PreprocessorOptions
from gen.c.records import RecordBodiesSkimmed
from gen.c.skim import TREE_MAIN
from gen.c.source import real_path
from gen.c.targets import DEFAULT_TARGET, TARGETS
from gen.c.undecided import undecided_warnings
from gen.diagnostics import Diagnostic, GenError, Location, Reporter, printable
from gen.model import Enum, Extraction, GroupSpec, Module


def display_name(path: Path) -> str:
    """How a header is named in outputs: as given, relative, '/' separators."""
    text = path.as_posix()
    if path.is_absolute():
        try:
            text = real_path(path).relative_to(Path.cwd().resolve()).as_posix()
        except ValueError:
            text = path.name
    return text


def extract(
    header: str | Path,
    *,
    include_dirs: Sequence[str] = (),
    defines: Sequence[str] = (),
    undefines: Sequence[str] = (),
    force_includes: Sequence[str] = (),
    target: str = DEFAULT_TARGET,
    shims: bool = True,
    system_includes: bool = True,
    sysroot: str | None = None,
    name: str | None = None,
    macros: str = "main",
    groups: Sequence[GroupSpec] = (),
    prefix_store: PrefixStore | None = None,
) -> Extraction:
    """Read ``header`` and return every enum it declares, with values.

    Raises :class:`GenError` for a fatal problem (unreadable file, broken
    syntax); problems with single enumerators are error diagnostics in the
    result, and those enumerators are left out of the model.

    ``system_includes`` searches the system's folders (Linux targets, under
    ``sysroot`` if given; see :mod:`gen.c.search`).
    ``macros`` chooses which integer #define constants become groups:
    "main" (those defined in ``header``), "all" (also from included files)
    or "none"; ``groups`` are explicit groups that take their macros first.
    ``prefix_store`` keeps the state after the forced includes, and the
    state after the header's implicit include prefix (its leading
    ``#include`` lines: see :mod:`gen.c.implicit_prefix`), for later
    processes (see :mod:`gen.c.precompiled`).
    """
    path = Path(header)
    shown = name or display_name(path)
    if target not in TARGETS:
        raise GenError(f"unknown target '{target}' (known: {', '.join(sorted(TARGETS))})")
    types = IntTypes(DATA_MODELS[TARGETS[target]])
    options = PreprocessorOptions(
        include_dirs, defines, undefines, force_includes, shims, target, system_includes, sysroot
    )
    if macros not in ("main", "all", "none"):
        raise GenError(f"unknown macros choice '{macros}' (main, all or none)")
    try:
        # Struct and union bodies are skimmed first: few headers ask for a layout.
        return _extract(path, shown, options, types, macros, groups, prefix_store, record_bodies=False)
    except RecordBodiesSkimmed:
        return _extract(path, shown, options, types, macros, groups, prefix_store, record_bodies=True)


def _extract(
    path: Path,
    shown: str,
    options: PreprocessorOptions,
    types: IntTypes,
    macros: str,
    groups: Sequence[GroupSpec],
    prefix_store: PrefixStore | None,
    record_bodies: bool,
) -> Extraction:
    implicit = _implicit(path, shown, options, record_bodies) if prefix_store is not None else None
    resumed = _load_implicit(prefix_store, implicit, options, types, record_bodies)
    prefix = None
    if resumed is None and options.force_includes:
        prefix = _forced_prefix(options, types, prefix_store, record_bodies)
    defined: list[Macro] = []
    if resumed is not None and implicit is not None:
        # Another header with the same include prefix stored the state after it.
        pp, builder, reporter, defined = resumed
        tokens = pp.resume_tokens(path, shown, implicit.prefix.end)
    elif prefix is not None and real_path(path) not in prefix.real_paths:
        # The forced includes were processed once for the whole run.
        reporter = prefix.reporter.fork()
        pp = prefix.pp.fork(reporter)
        builder = prefix.builder.fork(reporter)
        defined = list(prefix.defined)
        tokens = pp.main_tokens(path, shown)
    elif prefix is not None and (cut := _from_tree(prefix, path, shown, macros, groups)) is not None:
        # A header the forced includes read: cut from the run's tree pass.
        return cut
    else:
        reporter = Reporter()
        pp = Preprocessor(types, options, reporter)
        builder = ModelBuilder(types, reporter, record_bodies)
        tokens = pp.tokens(path, shown)
    on_prefix_end = None
    if implicit is not None and resumed is None and prefix_store is not None:
        pp.prefix_end = implicit.prefix.end
        store, at = prefix_store, implicit

        def on_prefix_end() -> None:
            # Not when a token read ahead waits (a macro name looking for '(').
            if not tokens.pending:
                _store_implicit(store, at, pp, builder, reporter, defined)

    if macros != "none" or implicit is not None:
        # (The stored state carries the prefix's #defines for any choice.)
        pp.on_define = defined.append
    scanner = _scanner(pp, builder, shown, lambda: bool(pp.missing_includes), record_bodies, None, on_prefix_end)
    _scan(scanner, tokens, builder, shown)
    return _result(pp, builder, reporter, defined, shown, macros, groups, types)


def _scanner(
    pp: Preprocessor,
    builder: ModelBuilder,
    main_file: str,
    lenient_end: Callable[[], bool],
    record_bodies: bool,
    is_main: Callable[[Token], bool] | None = None,
    on_prefix_end: Callable[[], None] | None = None,
) -> DeclarationScanner:
    """The declaration scanner over ``pp``'s tokens, feeding ``builder``."""
    return DeclarationScanner(
        main_file,
        builder.symbols.typedefs,
        pp.source_lines,
        pp.policy,
        pp.macros.__contains__,
        lenient_end,
        is_main=is_main,
        record_bodies=record_bodies,
        on_prefix_end=on_prefix_end,
    )


def _scan(scanner: DeclarationScanner, tokens: Iterator[Token], builder: ModelBuilder, shown: str) -> None:
    try:
        # Macro arguments nest as deep as the calls (``F(F(F(...)))``): give
        # the expander the parsers' room (clang has no limit there).
        with parser_stack():
            builder.add_all(scanner.scan(tokens))
    except RecursionError:
        raise GenError("input nested too deeply to process", Location(shown, 1, 1)) from None


def _result(
    pp: Preprocessor,
    builder: ModelBuilder,
    reporter: Reporter,
    defined: list[Macro],
    shown: str,
    macros: str,
    groups: Sequence[GroupSpec],
    types: IntTypes,
) -> Extraction:
    """The extraction once the header is scanned: its enums, its #define
    groups, the warnings about them, and the comments that describe them."""
    enums = builder.enums()
    if macros != "none":
        if macros == "main":
            defined = [m for m in defined if m.location.file == shown]
        with parser_stack():
            integer = evaluate_macros(
                defined,
                pp.macros,
                types,
                builder.evaluator,
                builder.symbols.typedefs.__contains__,
                pp.budget,
                reporter.warn,
            )
        taken = {e.name for e in enums if e.name}
        marks = [TypedefMark(n, loc.line) for n, loc in builder.integer_typedef_marks]
        grouped = group_macros(integer, pp.source_lines(shown) or [], marks, taken, groups, types)
        enums = tuple(sorted((*enums, *grouped), key=lambda e: (e.location.line, e.location.column)))
    for warning in undecided_warnings(
        pp.undecided, enums, pp.source_lines, lambda file: macros == "all" or (macros == "main" and file == shown)
    ):
        reporter.add(warning)
    enums = describe(enums, lambda name: _raw_text(pp, name))
    module = Module(
        source=shown,
        enums=enums,
        files_read=tuple(str(p) for p in pp.files_read),
        dirs_probed=tuple(sorted(pp.dirs_probed)),
    )
    return Extraction(module, reporter.diagnostics)


def _raw_text(pp: Preprocessor, name: str) -> str | None:
    """The text of a file read in this run, comments and all (see gen.c.comments)."""
    source = pp.source_file(name)
    return read_text(source.path, source.encoding) if source is not None else None


@dataclass
class _Prefix:
    """The state after the forced includes (``-include windows.h``), which
    is the same for every header of a run: computed once per process and
    forked for each header, as a precompiled header would be."""

    pp: Preprocessor
    builder: ModelBuilder
    reporter: Reporter
    defined: list[Macro]
    #: Resolved paths of the files it read: a header among them is reached
    #: by the forced includes themselves and is extracted without the prefix.
    real_paths: frozenset[Path]
    #: (path, mtime, size) of each file read and (folder, mtime) of each
    #: folder probed in vain: any change and the prefix is computed again.
    stamps: tuple[tuple[str, int | None, int | None], ...]
    #: The tree pass, once a header among ``real_paths`` asked for it
    #: (None: it could not be made; each such header runs alone).
    tree: _TreePass | None = None
    tree_tried: bool = False


@dataclass
class _TreePass:
    """The forced includes once more, every header they read standing as
    the main file: their declarations count as the main file's, and each
    problem that only a main file's declarations raise records whose it is.

    A header the forced includes reach is otherwise extracted alone (the
    whole tree again, for each such header of a run: Wine's windows.h reads
    82 of its headers); from this pass it is cut out instead: its enums,
    its problems and its names, then its own text after the forced
    includes, as the header alone would give them.
    """

    pp: Preprocessor
    builder: ModelBuilder
    reporter: Reporter
    defined: list[Macro]
    scanner: DeclarationScanner
    #: Each header's name in this pass, by real path.
    mains: dict[Path, str]
    #: What each of those names stands for in a header's own result: the
    #: name the file has when included.
    shown: dict[str, str]


#: Off: each header the forced includes read is extracted alone (tests
#: compare the two).
USE_TREE_PASS = True


def _tree_pass(prefix: _Prefix) -> _TreePass | None:
    if not USE_TREE_PASS:
        return None
    if not prefix.tree_tried:
        prefix.tree_tried = True
        prefix.tree = _make_tree_pass(prefix)
    return prefix.tree


def _make_tree_pass(prefix: _Prefix) -> _TreePass | None:
    # gen's own shims are never a user's header (and their names are special).
    mains = {
        real: f"{TREE_MAIN}{real}" for real in sorted(prefix.real_paths) if not included_name(real).startswith("<")
    }
    try:
        done = _forced_pass(prefix.pp.types, prefix.pp.options, prefix.builder.layouts.bodies, mains)
    except (GenError, RecursionError, RecordBodiesSkimmed):
        return None
    pp, builder, reporter, defined, scanner = done
    if set(mains.values()) & pp.files_named:
        return None  # __FILE__ gave a token this pass's name for a header
    shown = {name: included_name(pp.found_path(real) or real) for real, name in mains.items()}
    return _TreePass(pp, builder, reporter, defined, scanner, mains, shown)


def _forced_pass(
    types: IntTypes, options: PreprocessorOptions, record_bodies: bool, mains: dict[Path, str] | None = None
) -> tuple[Preprocessor, ModelBuilder, Reporter, list[Macro], DeclarationScanner]:
    """The forced includes on their own, every #define recorded; with
    ``mains`` (real path: name), as a tree pass. Raises what scanning raises."""
    reporter = Reporter()
    pp = Preprocessor(types, options, reporter)
    builder = ModelBuilder(types, reporter, record_bodies)
    names = frozenset(mains.values()) if mains is not None else None
    if mains is not None:
        pp.name_mains(mains)
        builder.owners = {}
    defined: list[Macro] = []
    pp.on_define = defined.append
    is_main = None if names is None else lambda tok: tok.file in names
    scanner = _scanner(pp, builder, "", lambda: False, record_bodies, is_main)
    with parser_stack():
        builder.add_all(scanner.scan(pp.forced_tokens()))
    pp.on_define = None
    return pp, builder, reporter, defined, scanner


def _from_tree(prefix: _Prefix, path: Path, shown: str, macros: str, groups: Sequence[GroupSpec]) -> Extraction | None:
    """``path``, a header the forced includes read, cut from the tree
    pass; None if there is none (then it is extracted alone)."""
    tree = _tree_pass(prefix)
    real = real_path(path)
    mine = None if tree is None else tree.mains.get(real)
    if tree is None or mine is None:
        return None
    names = frozenset(tree.mains.values())
    reporter = tree.reporter.fork()
    pp = tree.pp.fork(reporter)
    builder = tree.builder.fork(reporter)
    defined = list(tree.defined)
    # What the header holds after the forced includes (unless guarded).
    tokens = pp.main_tokens(path, mine)
    if macros != "none":
        pp.on_define = defined.append
    bodies = prefix.builder.layouts.bodies
    scanner = _scanner(pp, builder, "", lambda: bool(pp.missing_includes), bodies, lambda tok: tok.file in names)
    scanner.continue_packing(tree.scanner)
    renames = {**tree.shown, mine: shown}
    try:
        _scan(scanner, tokens, builder, mine)
        if names & pp.files_named:
            return None
        builder.keep_main(mine)
        result = _result(pp, builder, reporter, defined, mine, macros, groups, pp.types)
    except GenError as exc:
        # (The same exception, so that what catches a kind of it still does.)
        exc.diagnostic = _renamed_diagnostic(exc.diagnostic, renames)
        exc.args = (exc.diagnostic.message,)
        raise
    owners = builder.owners or {}
    kept = Reporter()
    for d in result.diagnostics:
        files = owners.get(d)
        if files is None or mine in files:
            kept.add(_renamed_diagnostic(d, renames))
    # Alone, the header is listed by the path it was first found at.
    found = pp.found_path(real)
    listed = {str(real): str(found)} if found is not None else {}
    module = replace(
        result.module,
        source=shown,
        enums=tuple(_renamed_enum(e, renames) for e in result.module.enums),
        files_read=tuple(listed.get(p, p) for p in result.module.files_read),
    )
    return Extraction(module, kept.diagnostics)


def _renamed_location(loc: Location, renames: dict[str, str]) -> Location:
    return replace(loc, file=renames[loc.file]) if loc.file in renames else loc


def _renamed_enum(enum: Enum, renames: dict[str, str]) -> Enum:
    members = tuple(replace(m, location=_renamed_location(m.location, renames)) for m in enum.members)
    return replace(enum, location=_renamed_location(enum.location, renames), members=members)


def _renamed_diagnostic(d: Diagnostic, renames: dict[str, str]) -> Diagnostic:
    message = d.message
    if TREE_MAIN in message or printable(TREE_MAIN) in message:
        for name, new in renames.items():
            message = message.replace(name, new).replace(printable(name), printable(new))
    location = None if d.location is None else _renamed_location(d.location, renames)
    return replace(d, message=message, location=location)


_PREFIXES: dict[tuple[object, ...], _Prefix | None] = {}


def _stat(path: str) -> tuple[str, int | None, int | None]:
    try:
        st = os.stat(path)
    except OSError:
        return path, None, None
    return path, st.st_mtime_ns, st.st_size


def _forced_prefix(
    options: PreprocessorOptions, types: IntTypes, store: PrefixStore | None = None, record_bodies: bool = True
) -> _Prefix | None:
    """The shared state after ``options.force_includes``, or None when the
    forced includes cannot be processed on their own (then each header runs
    them itself and reports what goes wrong in its own context). With a
    ``store``, a state another process left there is used if every file it
    read and every folder it probed is as it was, and a state computed here
    is left there."""
    key = (
        os.getcwd(),
        tuple(options.include_dirs),
        tuple(options.defines),
        tuple(options.undefines),
        tuple(options.force_includes),
        options.shims,
        options.target,
        options.system_includes,
        options.sysroot,
        record_bodies,
    )
    if key in _PREFIXES:
        cached = _PREFIXES[key]
        if cached is None or all(_stat(stamp[0]) == stamp for stamp in cached.stamps):
            return cached
    if len(_PREFIXES) >= 4:
        _PREFIXES.clear()
    stored_key = key_of(options, key[0], record_bodies) if store is not None else {}
    if store is not None:
        loaded = _load_prefix(store.load(stored_key), options, types, record_bodies)
        if loaded is not None:
            _PREFIXES[key] = loaded
            return loaded
    try:
        pp, builder, reporter, defined, _ = _forced_pass(types, options, record_bodies)
    except (GenError, RecursionError):
        _PREFIXES[key] = None
        return None
    read = [str(p) for p in pp.files_read]
    stamps = tuple(_stat(p) for p in [*read, *sorted(pp.dirs_probed)])
    real = frozenset(real_path(Path(p)) for p in read)
    prefix = _PREFIXES[key] = _Prefix(pp, builder, reporter, defined, real, stamps)
    if store is not None and all(stamp[1] is not None or stamp[0] in pp.dirs_probed for stamp in stamps):
        state = dump(pp, builder, reporter, defined)
        if state is not None:
            state["stamps"] = [list(stamp) for stamp in stamps]
            store.save(stored_key, state, [stamp[0] for stamp in stamps])
    return prefix


def _checked_stamps(data: dict[str, object]) -> tuple[tuple[str, int | None, int | None], ...] | None:
    """The stamps of a stored state, if well formed and all still true."""
    listed = data.get("stamps")
    if not isinstance(listed, list):
        return None
    stamps = []
    for stamp in listed:
        if not (isinstance(stamp, list) and len(stamp) == 3 and isinstance(stamp[0], str)):
            return None
        if not all(v is None or type(v) is int for v in stamp[1:]):
            return None
        if _stat(stamp[0]) != tuple(stamp):
            return None
        stamps.append((stamp[0], stamp[1], stamp[2]))
    return tuple(stamps)


def _load_prefix(data: object, options: PreprocessorOptions, types: IntTypes, record_bodies: bool) -> _Prefix | None:
    """A stored state, if well formed and every stamp in it still holds."""
    if not isinstance(data, dict):
        return None
    stamps = _checked_stamps(data)
    if stamps is None:
        return None
    state = restore(data, types, options, record_bodies)
    if state is None:
        return None
    pp, builder, reporter, defined = state
    real = frozenset(real_path(p) for p in pp.files_read)
    return _Prefix(pp, builder, reporter, defined, real, tuple(stamps))


@dataclass(frozen=True)
class _Implicit:
    """A header's implicit include prefix and the key of its stored state."""

    prefix: ImplicitPrefix
    main: MainFile
    key: dict[str, object]


def _implicit(path: Path, shown: str, options: PreprocessorOptions, record_bodies: bool) -> _Implicit | None:
    """The header's implicit include prefix, if it has one worth storing."""
    try:
        source = read_shared(path, shown)
    except GenError:
        return None  # reported where the preprocessor reads it
    prefix = implicit_prefix(source.text)
    if prefix is None:
        return None
    main = MainFile(shown, path, real_path(path))
    key = key_of(options, os.getcwd(), record_bodies)
    # The prefix's text stands for the main file, whose stamp is not
    # checked; its folder is where a quoted #include looks first.
    key["implicit_prefix"] = prefix.text
    key["main_folder"] = str(main.real.parent)
    return _Implicit(prefix, main, key)


def _load_implicit(
    store: PrefixStore | None,
    implicit: _Implicit | None,
    options: PreprocessorOptions,
    types: IntTypes,
    record_bodies: bool,
) -> tuple[Preprocessor, ModelBuilder, Reporter, list[Macro]] | None:
    """A stored state after the header's implicit include prefix, if well
    formed and every stamp in it still holds."""
    if store is None or implicit is None:
        return None
    data = store.load(implicit.key)
    if not isinstance(data, dict) or _checked_stamps(data) is None:
        return None
    return restore(data, types, options, record_bodies, implicit.main)


def _store_implicit(
    store: PrefixStore,
    implicit: _Implicit,
    pp: Preprocessor,
    builder: ModelBuilder,
    reporter: Reporter,
    defined: list[Macro],
) -> None:
    """Store the state at the end of the header's implicit include prefix
    (the scanner stands between declarations there), stamped with every
    file read but the header itself and every folder probed."""
    read = [str(p) for p in pp.files_read if p != implicit.main.path]
    stamps = tuple(_stat(p) for p in [*read, *sorted(pp.dirs_probed)])
    if not all(stamp[1] is not None or stamp[0] in pp.dirs_probed for stamp in stamps):
        return
    state = dump(pp, builder, reporter, defined, implicit.main)
    if state is not None:
        state["stamps"] = [list(stamp) for stamp in stamps]
        store.save(implicit.key, state, [stamp[0] for stamp in stamps])
