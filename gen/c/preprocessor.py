"""Stage 2, preprocess: a C preprocessor that yields the expanded tokens of a
translation unit, lazily, in order.

It follows includes through the search path of :mod:`gen.c.search` (the
user's include directories, the system's for a Linux target, the shim
headers standing in for the Windows SDK, gen's own standard headers). A
missing include is a warning, not a failure: extraction goes on without it
and any value that needed it is reported by name later.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from gen.c.conditions import Conditions
from gen.c.directives import Directives
from gen.c.includes import SHARED, IncludeResolver
from gen.c.inttypes import IntTypes
from gen.c.lexer import IDENT, PREFIX_END, Token, tokenize
from gen.c.macros import Expander, ExpansionBudget, Macro, ScanPolicy, number_token, string_token
from gen.c.search import PACKAGE_DIR, SearchPath, search_path
from gen.c.skim import Skimmer
from gen.c.source import Deferred, PreLexed, Segment, SourceFile, VirtualSource, read_source, real_path
from gen.c.undecided import Undecided, undecided_names
from gen.diagnostics import GenError, Location, Reporter

DATA_DIR = PACKAGE_DIR / "data"
MAX_INCLUDE_DEPTH = 200

_DIRECTIVE_LINE_RE = re.compile(r"^[ \t\f\v]*#[^\n]*", re.M)
_DIRECTIVE_RE = re.compile(r"[ \t]*#[ \t]*([A-Za-z_]\w*|[0-9]+)?(.*)")
_GUARD_START_RE = re.compile(r"\A\s*#[ \t]*(?:ifndef[ \t]+(\w+)|if[ \t]+!\s*defined\s*\(?\s*(\w+)\s*\)?)[ \t]*\n")


@dataclass
class _Cond:
    active: bool  # this group's lines are processed
    taken: bool  # some group of this #if chain was active
    parent_active: bool
    seen_else: bool
    location: Location
    #: NAME of an active ``#ifndef NAME`` (a header's "define unless defined").
    ifndef: str | None = None
    #: Set when a missing include leaves a condition of the chain undecided.
    undecided: Undecided | None = None


@dataclass
class PreprocessorOptions:
    include_dirs: Sequence[str] = ()
    defines: Sequence[str] = ()
    undefines: Sequence[str] = ()
    force_includes: Sequence[str] = ()
    #: Search the shim headers after the include dirs.
    shims: bool = True
    target: str = "x86_64-w64-mingw32"
    #: Search the system's folders (Linux targets; see gen.c.search).
    system_includes: bool = True
    #: Look for the system's folders under this folder instead of /.
    sysroot: str | None = None

    def search_path(self) -> SearchPath:
        return search_path(
            self.include_dirs,
            self.target,
            shims=self.shims,
            system_includes=self.system_includes,
            sysroot=self.sysroot,
        )

    #: Predefined macros ("NAME" or "NAME=VALUE") instead of the target's
    #: (an IDL compiler predefines its own, not the C compiler's).
    predefined: Sequence[str] | None = None


@dataclass
class Preprocessor(Directives, Conditions, IncludeResolver, Skimmer):
    types: IntTypes
    options: PreprocessorOptions
    reporter: Reporter
    macros: dict[str, Macro] = field(default_factory=dict)
    #: Every file read, in order of first reading (for depfiles).
    files_read: list[Path] = field(default_factory=list)
    #: Includes that could not be found (their names as written).
    missing_includes: list[str] = field(default_factory=list)
    #: Folders searched for an include in vain (a file added there matters).
    dirs_probed: set[str] = field(default_factory=set)
    #: Conditionals a missing include left undecided (gen.c.undecided).
    undecided: list[Undecided] = field(default_factory=list)
    #: Called for every #define (macro, defining file) as it is processed.
    on_define: Callable[[Macro], None] | None = None
    main_file: str = ""
    #: Shared with the declaration scanner: when it does not need full
    #: tokens, text lines are skimmed (see ScanPolicy). Full by default.
    policy: ScanPolicy = field(default_factory=ScanPolicy)
    #: The macro-expansion work left to this run (see ExpansionBudget).
    budget: ExpansionBudget = field(default_factory=ExpansionBudget)
    #: Headers another front end provides (see IncludeResolver).
    provided: dict[str, Callable[[], SourceFile | None]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        search = self.options.search_path()
        self._search: list[Path] = [d.path for d in search.dirs]
        # Where the system's folders were looked for matters as much as
        # where an include was: a folder created there changes the path.
        self.dirs_probed.update(search.probed)
        self._once: set[Path] = set()
        self._guards: dict[Path, str] = {}
        self._cache: dict[Path, SourceFile] = {}
        self._by_name: dict[str, SourceFile] = {}
        self._stored: dict[Path, str] = {}
        self._stored_names: dict[str, Path] = {}
        self._lines: dict[str, list[str]] = {}
        self._dir_listing: dict[Path, dict[str, str]] = {}
        self._counter = 0
        self._depth = 0
        # Skimming state: parentheses left open by a whole line, and the
        # danger memo (invalidated by any change to the macro table).
        self._carry = 0
        self._paren_pending = False
        self._skimmed = False
        self._version = 0
        self._danger: dict[int, tuple[int, Macro, bool]] = {}
        self._main_real: Path | None = None
        self._main_name = ""
        self._not_defined: list[str] = []
        #: The first line after the main file's implicit include prefix
        #: (gen.c.implicit_prefix; 0: none): a PREFIX_END token goes there.
        self.prefix_end = 0
        #: Set when the main file is processed other than as the main file
        #: (reached by its own include prefix, or by a forced include): a
        #: state at its prefix's end then holds more than the prefix.
        self._main_nested = False
        #: A tree pass's mains (real path: the name standing for it) and
        #: the path each was first found at (see :meth:`name_mains`).
        self._mains: dict[Path, str] = {}
        self._found: dict[Path, Path] = {}
        #: The files ``__FILE__`` has named (a tree pass's names must not
        #: reach a token).
        self.files_named: set[str] = set()
        self._install_builtins()

    # -- set-up -----------------------------------------------------------------
    def _install_builtins(self) -> None:
        predef = DATA_DIR / f"predefined-{self.options.target}.h"
        if not predef.exists():
            raise GenError(f"unknown target '{self.options.target}'")
        if self.options.predefined is None:
            self._run_quietly(read_source(predef, "<built-in>"))
        else:
            self._run_quietly(SourceFile("<built-in>", Path("<built-in>"), _defines(self.options.predefined)))
        self.macros.update(self._dynamic_macros())
        if self.options.defines:
            text = _defines(self.options.defines)
            self._run_quietly(SourceFile("<command line>", Path("<command line>"), text))
        for name in self.options.undefines:
            self.macros.pop(name, None)

    def _dynamic_macros(self) -> dict[str, Macro]:
        """__LINE__, __FILE__, __COUNTER__ and the fixed date macros (bound
        to this preprocessor: __COUNTER__ counts here)."""
        here = Location("<built-in>", 1)
        macros: dict[str, Macro] = {}

        def line(tok: Token) -> list[Token]:
            origin = tok.origin or tok
            return [number_token(origin.line, tok)]

        def file(tok: Token) -> list[Token]:
            origin = tok.origin or tok
            self.files_named.add(origin.file)
            return [string_token(origin.file, tok)]

        def counter(tok: Token) -> list[Token]:
            self._counter += 1
            return [number_token(self._counter - 1, tok)]

        def fixed(text: str) -> Callable[[Token], list[Token]]:
            return lambda tok: [string_token(text, tok)]

        for name, fn in (
            ("__LINE__", line),
            ("__FILE__", file),
            ("__COUNTER__", counter),
            # Fixed values keep the output deterministic.
            ("__DATE__", fixed("Jan  1 1970")),
            ("__TIME__", fixed("00:00:00")),
            ("__TIMESTAMP__", fixed("Thu Jan  1 00:00:00 1970")),
        ):
            macros[name] = Macro(name, None, [], here, builtin=fn)
        return macros

    def _run_quietly(self, source: SourceFile) -> None:
        for _ in self._process(source, 0):
            pass

    # -- driving ------------------------------------------------------------------
    def tokens(self, main: Path, main_name: str) -> Expander:
        """The fully expanded tokens of ``main`` (after the forced includes)."""
        self.main_file = main_name
        return Expander(self.macros, self._raw_tokens(main, main_name), None, self.policy, self._dangerous, self.budget)

    def forced_tokens(self) -> Iterator[Token]:
        """The expanded tokens of the forced includes alone, with no main
        file known yet (a state :meth:`fork` can share among headers)."""
        return Expander(self.macros, self._forced_raw_tokens(), None, self.policy, self._dangerous, self.budget)

    def name_mains(self, mains: dict[Path, str]) -> None:
        """Name each file of ``mains`` (real path: name) as a main file is
        named, each its own way, for a tree pass (see gen.c.frontend)."""
        self._mains = dict(mains)

    def found_path(self, real: Path) -> Path | None:
        """Where a main of the tree pass was first found (as a main file's
        path is listed among the files read)."""
        return self._found.get(real)

    def main_tokens(self, main: Path, main_name: str) -> Expander:
        """The expanded tokens of ``main`` alone, the forced includes being
        done already (by :meth:`forced_tokens`)."""
        self.main_file = main_name
        self._main_real = real_path(main)
        self._main_name = main_name
        return Expander(
            self.macros, self._main_raw_tokens(main, main_name), None, self.policy, self._dangerous, self.budget
        )

    def resume_tokens(self, main: Path, main_name: str, start: int) -> Expander:
        """The expanded tokens of ``main`` from line ``start`` on, this
        preprocessor holding the state after its lines before ``start`` (a
        restored implicit include prefix: its conditionals are all closed
        there, and its ``#pragma once`` or guard does not stop the rest)."""
        self.main_file = main_name
        self._main_real = real_path(main)
        self._main_name = main_name
        source = self._load(main, main_name)
        raw = self._tokens_of(self._process(source, -1, start=start))
        return Expander(self.macros, raw, None, self.policy, self._dangerous, self.budget)

    def source_tokens(self, source: VirtualSource) -> Iterator[Token]:
        """The expanded tokens of a file another front end has cut into
        segments (after the forced includes)."""
        self.main_file = source.name

        def raw() -> Iterator[Token]:
            yield from self._forced_raw_tokens()
            yield from self._tokens_of(self._process(source, -1))

        return Expander(self.macros, raw(), None, self.policy, self._dangerous, self.budget)

    def fork(self, reporter: Reporter) -> Preprocessor:
        """A copy that continues from this state on its own: everything it
        changes (macros, files read, include guards) is its own."""
        new = copy.copy(self)
        new.reporter = reporter
        new.macros = dict(self.macros)
        new.files_read = list(self.files_read)
        new.missing_includes = list(self.missing_includes)
        new.dirs_probed = set(self.dirs_probed)
        new.undecided = list(self.undecided)
        new.on_define = None
        new.policy = ScanPolicy()
        new.budget = self.budget.copy()
        new._once = set(self._once)
        new._guards = dict(self._guards)
        new._cache = dict(self._cache)
        new._by_name = dict(self._by_name)
        new._stored = dict(self._stored)
        new._stored_names = dict(self._stored_names)
        new._lines = dict(self._lines)
        new._dir_listing = dict(self._dir_listing)
        new._danger = dict(self._danger)
        new._found = dict(self._found)
        new.files_named = set(self.files_named)
        for name, fresh in new._dynamic_macros().items():
            if name in new.macros and new.macros[name].builtin is not None:
                new.macros[name] = fresh
        return new

    def _raw_tokens(self, main: Path, main_name: str) -> Iterator[Token]:
        # The header keeps the user's name even when a forced include reaches
        # it first (``-include windows.h`` while extracting winnt.h).
        self._main_real = real_path(main)
        self._main_name = main_name
        yield from self._forced_raw_tokens()
        yield from self._main_raw_tokens(main, main_name)

    def _forced_raw_tokens(self) -> Iterator[Token]:
        for name in self.options.force_includes:
            unusable: list[tuple[Path, str]] = []
            found = self._find_include(name, quoted=True, current=None, after=None, unusable=unusable)
            if found is None:
                self._missing(name, Location("<command line>", 1), unusable)
                continue
            yield from self._tokens_of(self._process(found.source, found.dir_index))

    def _main_raw_tokens(self, main: Path, main_name: str) -> Iterator[Token]:
        source = self._load(main, main_name)
        if self._guards.get(source.path) in self.macros or source.path in self._once:
            return
        yield from self._tokens_of(self._process(source, -1, cut=self.prefix_end))

    @staticmethod
    def _tokens_of(lines: Iterator[list[Token]]) -> Iterator[Token]:
        for line in lines:
            yield from line

    # -- files ----------------------------------------------------------------------
    def _segments(self, source: SourceFile) -> Iterable[Segment]:
        """``source`` as directive lines (line number, text) and blocks of
        text lines between them (minus the first line number, text)."""
        if isinstance(source, VirtualSource):
            return source.segments
        shared = SHARED.get((source.path, source.name))
        if shared is not None and shared.source is source:
            if shared.segments is None:
                shared.segments = self._split(source)
            return shared.segments
        return self._split(source)

    @staticmethod
    def _split(source: SourceFile) -> list[tuple[int, str]]:
        text = source.text
        segments: list[tuple[int, str]] = []
        pos = 0
        line = 1
        for m in _DIRECTIVE_LINE_RE.finditer(text):
            start = m.start()
            if start > pos:
                block = text[pos:start]
                if block.strip():
                    segments.append((-line, block))
                line += block.count("\n")
            segments.append((line, m.group()))
            pos = m.end() + 1
            line += 1
        if pos < len(text) and text[pos:].strip():
            segments.append((-line, text[pos:]))
        return segments

    def _process(self, source: SourceFile, dir_index: int, cut: int = 0, start: int = 0) -> Iterator[list[Token]]:
        """Yield the token lists of the active text lines of ``source``;
        directives are carried out as they are reached. ``cut``: the line
        before which a PREFIX_END token goes (if no conditional is open
        there); ``start``: the line to start at (the directives before it
        are done already: see :meth:`resume_tokens`)."""
        self._depth += 1
        if self._depth > MAX_INCLUDE_DEPTH:
            raise GenError(f"#include nested deeper than {MAX_INCLUDE_DEPTH} levels (an include cycle?)")
        if not (cut or start) and source.path == self._main_real:
            self._main_nested = True
        conds: list[_Cond] = []
        name = source.name
        active = True
        guard_candidate = self._guard_candidate(source.text)
        guard_closed_at = -1
        for segment in self._segments(source):
            if type(segment) is not tuple:
                # Made by another front end (gen.idl): tokens, or a file
                # whose reading it decides now.
                if active and isinstance(segment, PreLexed):
                    yield segment.tokens
                elif active and isinstance(segment, Deferred):
                    nested = segment.open()
                    if nested is not None:
                        yield from self._process(nested, -1)
                continue
            lineno, text = segment
            if cut and abs(lineno) >= cut:
                if not conds:
                    yield [Token(PREFIX_END, "", name, cut, 1)]
                cut = 0
            if start:
                if 0 < lineno < start:
                    continue
                start = 0
            if lineno < 0:
                # A block of text lines (no directives) starting at -lineno.
                if active:
                    yield from self._text_block(text, name, -lineno)
                continue
            m = _DIRECTIVE_RE.match(text)
            assert m is not None
            directive = m.group(1) or ""
            rest = m.group(2)
            col = text.index("#") + 1
            loc = Location(name, lineno, col)
            if directive in ("if", "ifdef", "ifndef"):
                if active:
                    taken = self._condition(directive, rest, name, lineno, text)
                    ifndef = rest.split()[0] if directive == "ifndef" and rest.split() else None
                    conds.append(_Cond(taken, taken, True, False, loc, ifndef))
                    # A header's include guard decides nothing about its content.
                    if not (ifndef and ifndef == guard_candidate and len(conds) == 1):
                        self._note_undecided(conds[-1], directive, rest, loc)
                else:
                    conds.append(_Cond(False, True, False, False, loc))
                active = conds[-1].active
            elif directive in ("elif", "elifdef", "elifndef"):
                if not conds:
                    raise GenError(f"#{directive} without #if", loc)
                c = conds[-1]
                if c.seen_else:
                    raise GenError(f"#{directive} after #else", loc)
                if c.taken or not c.parent_active:
                    c.active = False
                else:
                    kind = {"elif": "if", "elifdef": "ifdef", "elifndef": "ifndef"}[directive]
                    c.active = self._condition(kind, rest, name, lineno, text)
                    c.taken = c.active
                    self._note_undecided(c, directive, rest, loc)
                active = c.active
            elif directive == "else":
                if not conds:
                    raise GenError("#else without #if", loc)
                c = conds[-1]
                if c.seen_else:
                    raise GenError("#else after #else", loc)
                c.seen_else = True
                c.active = c.parent_active and not c.taken
                c.taken = True
                active = c.active
            elif directive == "endif":
                if not conds:
                    raise GenError("#endif without #if", loc)
                closed = conds.pop()
                if closed.undecided is not None:
                    closed.undecided.last_line = lineno
                active = conds[-1].active if conds else True
                if not conds and guard_candidate and guard_closed_at < 0:
                    guard_closed_at = lineno
            elif not active:
                if directive == "define" and conds and conds[-1].ifndef and conds[-1].parent_active:
                    self._guarded_define(conds[-1].ifndef, rest, name, lineno, text)
                continue
            elif directive == "define":
                self._define(rest, name, lineno, text)
            elif directive == "undef":
                toks = tokenize(rest, name, lineno, m.start(2) + 1)
                if not toks or toks[0].kind != IDENT:
                    raise GenError("macro name missing after #undef", loc)
                self.macros.pop(toks[0].text, None)
                self._version += 1
            elif directive in ("include", "include_next", "import"):
                included = self._include(directive, rest, source, dir_index, loc, m.start(2) + 1)
                if included is not None:
                    if self._depth >= MAX_INCLUDE_DEPTH:
                        raise GenError(f"#include nested deeper than {MAX_INCLUDE_DEPTH} levels (a cycle?)", loc)
                    yield from self._process(included.source, included.dir_index)
            elif directive == "pragma":
                self._pragma(rest, source)
                pack = self._pack_token(rest, loc)
                if pack is not None:
                    yield [pack]
            elif directive == "error":
                self._error_directive(rest.strip(), loc)
            elif directive == "warning":
                self.reporter.warn(f"#warning {rest.strip()}", loc)
            elif directive in ("line", "ident", "sccs", "assert", "unassert", "") or directive.isdigit():
                continue
            else:
                raise GenError(f"invalid preprocessing directive '#{directive}'", loc)
        if conds:
            raise GenError(f"unterminated #{'if'} (the file ends inside a conditional)", conds[-1].location)
        if guard_candidate and guard_closed_at > 0 and _only_blank_after(source.text, guard_closed_at):
            self._guards[source.path] = guard_candidate
        self._depth -= 1

    def _note_undecided(self, cond: _Cond, directive: str, rest: str, loc: Location) -> None:
        """Record the conditional when the condition just evaluated tested
        names nobody defined while an include was missing."""
        names = undecided_names(self._not_defined)
        if not names or not self.missing_includes or cond.undecided is not None:
            return
        written = " ".join(f"#{directive} {rest.strip()}".split())
        keyword = self.policy.enum_keyword
        inside = Location(keyword.file, keyword.line, keyword.col) if keyword is not None else None
        cond.undecided = Undecided(
            loc, written[:60] + ("..." if len(written) > 60 else ""), names, self.missing_includes[0], 0, inside
        )
        self.undecided.append(cond.undecided)

    @staticmethod
    def _guard_candidate(text: str) -> str | None:
        m = _GUARD_START_RE.match(text)
        return (m.group(1) or m.group(2)) if m else None


def _defines(definitions: Sequence[str]) -> str:
    """``-D`` style definitions ("NAME" or "NAME=VALUE") as #define lines."""
    lines = []
    for d in definitions:
        name, _, value = d.partition("=")
        lines.append(f"#define {name} {value if '=' in d else '1'}\n")
    return "".join(lines)


def _only_blank_after(text: str, lineno: int) -> bool:
    """Whether nothing but whitespace follows line ``lineno`` of ``text``."""
    pos = 0
    for _ in range(lineno):
        pos = text.find("\n", pos) + 1
        if pos == 0:
            return True
    return not text[pos:].strip()


__all__ = ["Preprocessor", "PreprocessorOptions"]
