"""Stage 2, preprocess: a C preprocessor that yields the expanded tokens of a
translation unit, lazily, in order.

It follows includes through the user's include directories and then through
the shim headers shipped with the tool (``gen/include``), which stand in for
the Windows SDK. A missing include is a warning, not a failure: extraction
goes on without it and any value that needed it is reported by name later.
"""

from __future__ import annotations

import copy
import itertools
import os
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from gen.cexpr import EvalError, Evaluator
from gen.diagnostics import GenError, Location, Reporter
from gen.ifexpr import IfSyntaxError, parse_if_expression
from gen.inttypes import IntTypes
from gen.lexer import IDENT, PUNCT, STRING, TEXT, Token, spell, tokenize
from gen.macros import STRUCTURAL, Expander, Macro, ScanPolicy, number_token, string_token
from gen.source import SourceFile, read_source

PACKAGE_DIR = Path(__file__).resolve().parent
SHIM_DIR = PACKAGE_DIR / "include"
DATA_DIR = PACKAGE_DIR / "data"
MAX_INCLUDE_DEPTH = 200

_KEYWORD_RE = re.compile(r"\b(?:enum|typedef)\b")
_IDENT_RE = re.compile(r"[A-Za-z_$][A-Za-z0-9_$]*")
# Braces and semicolons outside string and character literals.
_STRUCTURE_RE = re.compile(r"""(?P<lit>(?:u8|[uUL])?(?:"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'))|(?P<p>[{};])""")
_DEFINE_HEAD_RE = re.compile(r"[ \t]*([A-Za-z_$][A-Za-z0-9_$]*)(\()?")
# A stretch of skimmed text: its first word (or character) stands for it.
_WORD_RE = re.compile(r"[A-Za-z_$][A-Za-z0-9_$]*(?:\s*\()?|[^\s{};\"']")
# Characters that cannot appear in C outside literals and comments (a quote
# here is one without its closing quote on the same line).
_STRAY_RE = re.compile(r"[@`\\\"']")
_DIRECTIVE_LINE_RE = re.compile(r"^[ \t\f\v]*#[^\n]*", re.M)
_DIRECTIVE_RE = re.compile(r"[ \t]*#[ \t]*([A-Za-z_]\w*|[0-9]+)?(.*)")
_GUARD_START_RE = re.compile(r"\A\s*#[ \t]*(?:ifndef[ \t]+(\w+)|if[ \t]+!\s*defined\s*\(?\s*(\w+)\s*\)?)[ \t]*\n")

#: Attributes clang reports through __has_attribute for GNU-style headers.
_KNOWN_ATTRIBUTES = frozenset(
    [
        "aligned",
        "alloc_size",
        "always_inline",
        "cdecl",
        "cold",
        "const",
        "constructor",
        "deprecated",
        "destructor",
        "dllexport",
        "dllimport",
        "fastcall",
        "format",
        "format_arg",
        "gnu_inline",
        "hot",
        "malloc",
        "may_alias",
        "mode",
        "ms_abi",
        "ms_struct",
        "no_instrument_function",
        "noinline",
        "nonnull",
        "noreturn",
        "nothrow",
        "packed",
        "pure",
        "returns_nonnull",
        "section",
        "sentinel",
        "stdcall",
        "sysv_abi",
        "thiscall",
        "transparent_union",
        "unused",
        "used",
        "vector_size",
        "visibility",
        "warn_unused_result",
        "weak",
        "alias",
        "artificial",
        "error",
        "warning",
        "externally_visible",
        "flatten",
        "optimize",
        "cleanup",
        "nonstring",
        "fallthrough",
    ]
)
_KNOWN_FEATURES = frozenset(
    [
        "c_alignas",
        "c_alignof",
        "c_atomic",
        "c_generic_selections",
        "c_static_assert",
        "c_thread_local",
        "attribute_deprecated_with_message",
        "attribute_unavailable_with_message",
    ]
)


@dataclass
class IncludedFile:
    source: SourceFile
    #: Index of the search directory the file was found in (for #include_next).
    dir_index: int


@dataclass
class _Cond:
    active: bool  # this group's lines are processed
    taken: bool  # some group of this #if chain was active
    parent_active: bool
    seen_else: bool
    location: Location
    #: NAME of an active ``#ifndef NAME`` (a header's "define unless defined").
    ifndef: str | None = None


@dataclass
class PreprocessorOptions:
    include_dirs: Sequence[str] = ()
    defines: Sequence[str] = ()
    undefines: Sequence[str] = ()
    force_includes: Sequence[str] = ()
    #: Search the shim headers after the include dirs.
    shims: bool = True
    target: str = "x86_64-w64-mingw32"


@dataclass
class Preprocessor:
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
    #: Called for every #define (macro, defining file) as it is processed.
    on_define: Callable[[Macro], None] | None = None
    main_file: str = ""
    #: Shared with the declaration scanner: when it does not need full
    #: tokens, text lines are skimmed (see ScanPolicy). Full by default.
    policy: ScanPolicy = field(default_factory=ScanPolicy)

    def __post_init__(self) -> None:
        self._search: list[Path] = [Path(d) for d in self.options.include_dirs]
        if self.options.shims:
            self._search.append(SHIM_DIR)
        self._once: set[Path] = set()
        self._guards: dict[Path, str] = {}
        self._cache: dict[Path, SourceFile] = {}
        self._by_name: dict[str, SourceFile] = {}
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
        self._install_builtins()

    # -- set-up -----------------------------------------------------------------
    def _install_builtins(self) -> None:
        predef = DATA_DIR / f"predefined-{self.options.target}.h"
        if not predef.exists():
            raise GenError(f"unknown target '{self.options.target}'")
        self._run_quietly(read_source(predef, "<built-in>"))
        self.macros.update(self._dynamic_macros())
        for d in self.options.defines:
            name, _, value = d.partition("=")
            text = f"#define {name} {value if '=' in d else '1'}\n"
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
    def tokens(self, main: Path, main_name: str) -> Iterator[Token]:
        """The fully expanded tokens of ``main`` (after the forced includes)."""
        self.main_file = main_name
        return Expander(self.macros, self._raw_tokens(main, main_name), None, self.policy, self._dangerous)

    def forced_tokens(self) -> Iterator[Token]:
        """The expanded tokens of the forced includes alone, with no main
        file known yet (a state :meth:`fork` can share among headers)."""
        return Expander(self.macros, self._forced_raw_tokens(), None, self.policy, self._dangerous)

    def main_tokens(self, main: Path, main_name: str) -> Iterator[Token]:
        """The expanded tokens of ``main`` alone, the forced includes being
        done already (by :meth:`forced_tokens`)."""
        self.main_file = main_name
        self._main_real = main.resolve()
        self._main_name = main_name
        return Expander(self.macros, self._main_raw_tokens(main, main_name), None, self.policy, self._dangerous)

    def fork(self, reporter: Reporter) -> Preprocessor:
        """A copy that continues from this state on its own: everything it
        changes (macros, files read, include guards) is its own."""
        new = copy.copy(self)
        new.reporter = reporter
        new.macros = dict(self.macros)
        new.files_read = list(self.files_read)
        new.missing_includes = list(self.missing_includes)
        new.dirs_probed = set(self.dirs_probed)
        new.on_define = None
        new.policy = ScanPolicy()
        new._once = set(self._once)
        new._guards = dict(self._guards)
        new._cache = dict(self._cache)
        new._by_name = dict(self._by_name)
        new._lines = dict(self._lines)
        new._dir_listing = dict(self._dir_listing)
        new._danger = dict(self._danger)
        for name, fresh in new._dynamic_macros().items():
            if name in new.macros and new.macros[name].builtin is not None:
                new.macros[name] = fresh
        return new

    def _raw_tokens(self, main: Path, main_name: str) -> Iterator[Token]:
        # The header keeps the user's name even when a forced include reaches
        # it first (``-include windows.h`` while extracting winnt.h).
        self._main_real = main.resolve()
        self._main_name = main_name
        yield from self._forced_raw_tokens()
        yield from self._main_raw_tokens(main, main_name)

    def _forced_raw_tokens(self) -> Iterator[Token]:
        for name in self.options.force_includes:
            found = self._find_include(name, quoted=True, current=None, after=None)
            if found is None:
                self._missing(name, Location("<command line>", 1))
                continue
            yield from self._tokens_of(self._process(found.source, found.dir_index))

    def _main_raw_tokens(self, main: Path, main_name: str) -> Iterator[Token]:
        source = self._load(main, main_name)
        if self._guards.get(source.path) in self.macros or source.path in self._once:
            return
        yield from self._tokens_of(self._process(source, -1))

    @staticmethod
    def _tokens_of(lines: Iterator[list[Token]]) -> Iterator[Token]:
        for line in lines:
            yield from line

    def source_lines(self, name: str) -> list[str] | None:
        """The normalised lines of a file read in this run, by display name."""
        lines = self._lines.get(name)
        if lines is None:
            source = self._by_name.get(name)
            if source is None:
                return None
            lines = self._lines[name] = source.text.split("\n")
        return lines

    def _note_read(self, path: Path) -> None:
        if path not in self.files_read:
            self.files_read.append(path)

    # -- skimming ---------------------------------------------------------------------
    def _skim(self, text: str, file: str, line: int) -> list[Token]:
        """The tokens of a line that matter while the scanner only follows
        statement boundaries: its braces and semicolons, unless the line
        names ``enum``/``typedef`` or a macro that may produce them, in which
        case all of its tokens."""
        if not self._carry and _KEYWORD_RE.search(text) is None:
            names = self.macros.keys() & set(_IDENT_RE.findall(text))
            if not any(self._dangerous(self.macros[n]) for n in names):
                self._skimmed = True
                return _structure_of(text, file, line)
        self._skimmed = False
        tokens = tokenize(text, file, line, space=True)
        # A macro invocation left open at the end of the line continues on
        # the next ones: keep them whole until the parentheses close.
        depth = self._carry
        for t in tokens:
            if t.text == "(":
                depth += 1
            elif t.text == ")" and depth:
                depth -= 1
        last = tokens[-1] if tokens else None
        if not depth and last is not None and last.kind == IDENT:
            m = self.macros.get(last.text)
            depth = 1 if m is not None and m.params is not None else 0
        self._carry = depth
        return tokens

    def _dangerous(self, macro: Macro) -> bool:
        """Whether expanding ``macro`` may produce enum, typedef, braces or ';'."""
        memo = self._danger.get(id(macro))
        if memo is not None and memo[0] == self._version and memo[1] is macro:
            return memo[2]
        result = self._compute_danger(macro, set())
        self._danger[id(macro)] = (self._version, macro, result)
        return result

    def _compute_danger(self, macro: Macro, seen: set[str]) -> bool:
        if macro.builtin is not None:
            return True  # __COUNTER__ must count every expansion
        seen.add(macro.name)
        for t in macro.body:
            if t.text in STRUCTURAL:
                return True
            if t.kind == IDENT and t.text not in seen:
                inner = self.macros.get(t.text)
                if inner is not None and self._compute_danger(inner, seen):
                    return True
        return False

    # -- files ----------------------------------------------------------------------
    def _segments(self, source: SourceFile) -> list[tuple[int, str]]:
        """``source`` as directive lines (line number, text) and blocks of
        text lines between them (minus the first line number, text)."""
        shared = _SHARED.get((source.path, source.name))
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

    def _text_block(self, block: str, name: str, first: int) -> Iterator[list[Token]]:
        """Tokens of a block of text lines, skimmed as a whole when possible."""
        if not self.policy.full and not self._carry:
            info = _BLOCKS.get(block)
            if info is None:
                info = _BLOCKS[block] = (_KEYWORD_RE.search(block) is not None, frozenset(_IDENT_RE.findall(block)))
            if not info[0] and not any(self._dangerous(self.macros[n]) for n in self.macros.keys() & info[1]):
                yield self._after(block, _structure_of(block, name, first), skimmed=True)
                return
        lineno = first - 1
        for text in block.split("\n"):
            lineno += 1
            if not text.strip():
                continue
            if self.policy.full:
                self._carry = 0
                yield self._after(text, tokenize(text, name, lineno, space=True), skimmed=False)
            else:
                tokens = self._skim(text, name, lineno)
                yield self._after(text, tokens, skimmed=self._skimmed)

    def _after(self, text: str, tokens: list[Token], skimmed: bool) -> list[Token]:
        """Carry ``f(...)`` across a line break before its ``{``: when a
        skimmed line ended in ``)`` (which the scanner did not get) and the
        next opens with ``{``, that is a function body, and the scanner must
        see the ``)`` to end the declaration there."""
        if self._paren_pending and tokens and tokens[0].text == "{" and tokens[0].kind == PUNCT:
            brace = tokens[0]
            tokens = [Token(PUNCT, ")", brace.file, brace.line, brace.col, True), *tokens]
        stripped = text.rstrip()
        if stripped:
            self._paren_pending = skimmed and stripped.endswith(")")
        return tokens

    @staticmethod
    def _structure(block: str, file: str, first: int) -> list[Token]:
        """The braces and semicolons of ``block`` (outside literals), with one
        TEXT token for each stretch of other text between them (so the scanner
        knows a statement is not empty); stray characters are errors."""
        tokens: list[Token] = []
        line = first
        seen = 0

        def at(offset: int) -> tuple[int, int]:
            nonlocal line, seen
            line += block.count("\n", seen, offset)
            seen = offset
            return line, offset - block.rfind("\n", 0, offset)

        gap_start = 0
        for m in _STRUCTURE_RE.finditer(block):
            start = m.start()
            stray = _STRAY_RE.search(block, gap_start, start)
            if stray is not None:
                raise GenError(_stray_message(stray.group()), Location(file, *at(stray.start())))
            gap = _WORD_RE.search(block, gap_start, start)
            if gap is not None:
                tokens.append(Token(TEXT, gap.group(), file, *at(gap.start()), True))
                # ``f(...) {`` opens a function body, which ends its declaration.
                if block[start] == "{" and block[gap_start:start].rstrip().endswith(")"):
                    tokens.append(Token(PUNCT, ")", file, *at(start), True))
            # A literal is content too; braces and semicolons are structure.
            kind = PUNCT if m.lastgroup == "p" else TEXT
            tokens.append(Token(kind, m.group(), file, *at(start), True))
            gap_start = m.end()
        stray = _STRAY_RE.search(block, gap_start)
        if stray is not None:
            raise GenError(_stray_message(stray.group()), Location(file, *at(stray.start())))
        gap = _WORD_RE.search(block, gap_start)
        if gap is not None:
            tokens.append(Token(TEXT, gap.group(), file, *at(gap.start()), True))
        return tokens

    def _process(self, source: SourceFile, dir_index: int) -> Iterator[list[Token]]:
        """Yield the token lists of the active text lines of ``source``;
        directives are carried out as they are reached."""
        self._depth += 1
        if self._depth > MAX_INCLUDE_DEPTH:
            raise GenError(f"#include nested deeper than {MAX_INCLUDE_DEPTH} levels (an include cycle?)")
        conds: list[_Cond] = []
        name = source.name
        active = True
        guard_candidate = self._guard_candidate(source.text)
        guard_closed_at = -1
        for lineno, text in self._segments(source):
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
                conds.pop()
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

    @staticmethod
    def _guard_candidate(text: str) -> str | None:
        m = _GUARD_START_RE.match(text)
        return (m.group(1) or m.group(2)) if m else None

    # -- includes -----------------------------------------------------------------------
    def _include(
        self, directive: str, rest: str, current: SourceFile, dir_index: int, loc: Location, col: int
    ) -> IncludedFile | None:
        spec = rest.strip()
        if not spec.startswith(('"', "<")):
            toks = Expander(self.macros, iter(tokenize(rest, loc.file, loc.line, col))).expand_all()
            spec = spell(toks).strip()
        if spec.startswith('"') and spec.endswith('"') and len(spec) >= 2:
            target, quoted = spec[1:-1], True
        elif spec.startswith("<") and ">" in spec:
            target, quoted = spec[1 : spec.index(">")], False
        else:
            raise GenError(f'#{directive} expects "FILENAME" or <FILENAME>', loc)
        if current.encoding == "latin-1" and not target.isascii():
            # The name's bytes as written: a file name is bytes, not Latin-1.
            target = os.fsdecode(target.encode("latin-1"))
        after = dir_index if directive == "include_next" else None
        found = self._find_include(target, quoted, current, after)
        if found is None:
            self._missing(target, loc)
            return None
        path = found.source.path  # resolved
        if path in self._once:
            return None
        guard = self._guards.get(path)
        if guard is not None and guard in self.macros:
            return None
        if directive == "import":
            self._once.add(path)
        return found

    def _missing(self, target: str, loc: Location) -> None:
        if target not in self.missing_includes:
            self.missing_includes.append(target)
        self.reporter.warn(f"'{target}' not found; continuing without it", loc)

    def _find_include(
        self, target: str, quoted: bool, current: SourceFile | None, after: int | None
    ) -> IncludedFile | None:
        target = target.replace("\\", "/")
        candidates: list[tuple[Path, int]] = []
        if Path(target).is_absolute():
            candidates.append((Path(target), -1))
        else:
            if quoted and current is not None and after is None and current.path.parent != Path("<command line>"):
                candidates.append((current.path.parent / target, -1))
            start = 0 if after is None else after + 1
            for i in range(start, len(self._search)):
                candidates.append((self._search[i] / target, i))
        for path, index in candidates:
            resolved = self._resolve_case(path)
            if resolved is not None:
                return IncludedFile(self._load(resolved, target), index)
            # A file appearing here later would change the result (for caches).
            self.dirs_probed.add(str(path.parent))
        return None

    def _resolve_case(self, path: Path) -> Path | None:
        """``path`` if it exists; else a case-insensitive match (Windows
        headers spell ``Windows.h`` and ``windows.h`` interchangeably)."""
        if path.is_file():
            return path
        parent = path.parent
        listing = self._dir_listing.get(parent)
        if listing is None:
            try:
                listing = {n.lower(): n for n in os.listdir(parent)}
            except OSError:
                listing = {}
            self._dir_listing[parent] = listing
        real = listing.get(path.name.lower())
        if real is not None and (parent / real).is_file():
            return parent / real
        return None

    def _load(self, path: Path, name: str) -> SourceFile:
        real = path.resolve()
        cached = self._cache.get(real)
        if cached is None:
            display = self._main_name if real == self._main_real else _display_name(path)
            cached = _shared_file(real, display).source
            self._cache[real] = cached
            self._by_name.setdefault(display, cached)
            self._note_read(path if display == self._main_name else real)
        return cached

    # -- directives --------------------------------------------------------------------------
    def _guarded_define(self, guard: str, rest: str, file: str, line: int, text: str) -> None:
        """``#ifndef X / #define X ...`` skipped because X is already defined:
        the header still defines X (as its own fallback); report it with the
        definition in force."""
        if self.on_define is None or not rest.split() or not rest.split()[0].startswith(guard):
            return
        macro = self._parse_define(rest, file, line, text)
        current = self.macros.get(macro.name)
        if macro.name == guard and current is not None and current.params is None:
            self.on_define(Macro(macro.name, None, current.body, macro.location, text=macro.text))

    def _define(self, rest: str, file: str, line: int, text: str) -> None:
        macro = self._parse_define(rest, file, line, text)
        self.macros[macro.name] = macro
        self._version += 1
        if self.on_define is not None:
            self.on_define(macro)

    def _parse_define(self, rest: str, file: str, line: int, text: str) -> Macro:
        col0 = len(text) - len(rest) + 1
        head = _DEFINE_HEAD_RE.match(rest)
        if head is None:
            raise GenError("macro name missing after #define", Location(file, line, col0))
        name = head.group(1)
        loc = Location(file, line, col0 + head.start(1))
        params: tuple[str, ...] | None = None
        variadic = False
        end = head.end()
        if head.group(2):
            close = rest.find(")", end)
            if close < 0:
                raise GenError(f"missing ')' in the parameter list of macro '{name}'", loc)
            params_list: list[str] = []
            for raw in rest[end:close].split(","):
                param = raw.strip()
                if param == "...":
                    variadic = True
                    params_list.append("__VA_ARGS__")
                elif param.endswith("...") and _IDENT_RE.fullmatch(param[:-3].strip()):
                    variadic = True  # GNU named variadic parameter: args...
                    params_list.append(param[:-3].strip())
                elif _IDENT_RE.fullmatch(param):
                    params_list.append(param)
                elif param or len(params_list) or rest[end:close].strip():
                    raise GenError(f"invalid parameter '{param}' in the parameter list of macro '{name}'", loc)
            params = tuple(params_list)
            end = close + 1
        body_text = rest[end:]
        stripped = body_text.lstrip()
        body_col = col0 + end + (len(body_text) - len(stripped))
        return Macro(name, params, None, loc, variadic, source=(stripped, file, line, body_col))

    def _pragma(self, rest: str, source: SourceFile) -> None:
        words = rest.split()
        if words[:1] == ["once"]:
            self._once.add(source.path)
        elif words[:1] == ["push_macro"] or words[:1] == ["pop_macro"]:
            self._push_pop_macro(words[0], rest)

    def _push_pop_macro(self, kind: str, rest: str) -> None:
        m = re.search(r'"([^"]+)"', rest)
        if not m:
            return
        name = m.group(1)
        stacks: dict[str, list[Macro | None]] = self.__dict__.setdefault("_macro_stacks", {})
        if kind == "push_macro":
            stacks.setdefault(name, []).append(self.macros.get(name))
        elif stacks.get(name):
            saved = stacks[name].pop()
            self._version += 1
            if saved is None:
                self.macros.pop(name, None)
            else:
                self.macros[name] = saved

    def _error_directive(self, message: str, loc: Location) -> None:
        if self.missing_includes:
            # Without the SDK, an SDK's own sanity checks fire; what follows
            # may still be extractable.
            self.reporter.warn(
                f"#error {message} (ignored: probably caused by the missing '{self.missing_includes[0]}')", loc
            )
            return
        raise GenError(f"#error {message}", loc)

    # -- #if -----------------------------------------------------------------------------------
    def _condition(self, kind: str, rest: str, file: str, line: int, text: str) -> bool:
        col0 = len(text) - len(rest) + 1
        toks = tokenize(rest, file, line, col0)
        if kind in ("ifdef", "ifndef"):
            if not toks or toks[0].kind != IDENT:
                raise GenError(f"macro name missing after #{kind}", Location(file, line, col0))
            return (toks[0].text in self.macros) == (kind == "ifdef")
        end = Token(PUNCT, "", file, line, len(text) + 1)
        expanded = Expander(self.macros, iter(toks), self._if_operators()).expand_all()
        if self.missing_includes and file == self.main_file:
            # Identifiers left after expansion count as 0; without the missing
            # headers that may not be what the SDK says (version macros...).
            unknown = sorted({t.text for t in expanded if t.kind == IDENT} - {"defined"})
            if unknown:
                self.reporter.warn(
                    f"#{kind} depends on {', '.join(repr(u) for u in unknown[:3])}, not defined here "
                    f"(from the missing '{self.missing_includes[0]}'?): what it guards may differ with the SDK",
                    Location(file, line, col0),
                )
        try:
            node = parse_if_expression(expanded, end)
            evaluator = Evaluator(self.types, lambda _n: None, preprocessor=True)
            value, _ = evaluator.evaluate(node)
        except IfSyntaxError as exc:
            tok = exc.token or end
            undefined = _undefined_call(expanded)
            if undefined is not None and self.missing_includes:
                # NAME(...) left in a #if is a function-like macro nobody
                # defined, most likely in the header that was not found.
                self.reporter.warn(
                    f"#if uses '{undefined}', which is not defined (from the missing "
                    f"'{self.missing_includes[0]}'?); taking the condition as true",
                    Location(file, line, col0),
                )
                return True
            if undefined is not None:
                message = f"function-like macro '{undefined}' is not defined"
                raise GenError(message, Location(tok.file, tok.line, tok.col)) from None
            raise GenError(str(exc), Location(tok.file, tok.line, tok.col)) from None
        except EvalError as exc:
            coord = getattr(exc.node, "coord", None)
            where = Location(coord.file, coord.line, coord.column or 0) if coord else Location(file, line, col0)
            raise GenError(f"in #if: {exc}", where) from None
        return value != 0

    def _if_operators(self) -> dict[str, Callable[[Expander, Token], Token]]:
        return {
            "defined": self._op_defined,
            "__has_include": self._op_has_include,
            "__has_include_next": self._op_has_include,
            "__has_attribute": _has(lambda n: n.strip("_") in _KNOWN_ATTRIBUTES),
            "__has_builtin": _has(lambda n: n.startswith("__builtin_") or n.startswith("__sync_")),
            "__has_feature": _has(lambda n: n in _KNOWN_FEATURES),
            "__has_extension": _has(lambda n: n in _KNOWN_FEATURES),
            "__has_cpp_attribute": _has(lambda n: False),
            "__has_c_attribute": _has(lambda n: n in ("deprecated", "fallthrough", "maybe_unused", "nodiscard")),
            "__has_declspec_attribute": _has(lambda n: n in ("dllexport", "dllimport", "noreturn", "uuid")),
            "__has_warning": _has(lambda n: False),
            "__is_identifier": _has(lambda n: True),
        }

    def _op_defined(self, ex: Expander, tok: Token) -> Token:
        nxt = ex.next_raw()
        paren = nxt is not None and nxt.text == "("
        if paren:
            nxt = ex.next_raw()
        if nxt is None or nxt.kind != IDENT:
            raise GenError("macro name missing after 'defined'", Location(tok.file, tok.line, tok.col))
        if paren:
            close = ex.next_raw()
            if close is None or close.text != ")":
                raise GenError("missing ')' after 'defined'", Location(tok.file, tok.line, tok.col))
        return number_token(int(nxt.text in self.macros), tok)

    def _op_has_include(self, ex: Expander, tok: Token) -> Token:
        loc = Location(tok.file, tok.line, tok.col)
        opening = ex.next_raw()
        if opening is None or opening.text != "(":
            raise GenError(f"missing '(' after '{tok.text}'", loc)
        parts: list[Token] = []
        depth = 0
        while True:
            t = ex.next_raw()
            if t is None:
                raise GenError(f"missing ')' after '{tok.text}'", loc)
            if t.text == "(":
                depth += 1
            elif t.text == ")":
                if depth == 0:
                    break
                depth -= 1
            parts.append(t)
        if parts and parts[0].kind == STRING:
            target, quoted = parts[0].text[1:-1], True
        else:
            spec = spell(Expander(self.macros, iter(parts)).expand_all()).strip()
            if spec.startswith('"'):
                target, quoted = spec.strip('"'), True
            else:
                target, quoted = spec.strip("<>").strip(), False
        current = self._by_name.get(tok.file)
        found = self._find_include(target, quoted, current, None)
        return number_token(int(found is not None), tok)


def _has(predicate: Callable[[str], bool]) -> Callable[[Expander, Token], Token]:
    def op(ex: Expander, tok: Token) -> Token:
        loc = Location(tok.file, tok.line, tok.col)
        opening = ex.next_raw()
        if opening is None or opening.text != "(":
            raise GenError(f"missing '(' after '{tok.text}'", loc)
        words: list[str] = []
        depth = 0
        while True:
            t = ex.next_raw()
            if t is None:
                raise GenError(f"missing ')' after '{tok.text}'", loc)
            if t.text == "(":
                depth += 1
            elif t.text == ")":
                if depth == 0:
                    break
                depth -= 1
            words.append(t.text)
        name = "".join(words).split("::")[-1]
        return number_token(int(predicate(name)), tok)

    return op


@dataclass
class _SharedFile:
    """A file as read once per process: many headers of one run (or one
    worker) include the same SDK files."""

    stamp: tuple[int, int]
    source: SourceFile
    segments: list[tuple[int, str]] | None = None


_SHARED: dict[tuple[Path, str], _SharedFile] = {}
_STRUCTURES: dict[tuple[str, str, int], list[Token]] = {}
#: Per text block: whether it names enum/typedef, and its identifiers.
_BLOCKS: dict[str, tuple[bool, frozenset[str]]] = {}
_SHARED_LIMIT = 4096


def _shared_file(real: Path, display: str) -> _SharedFile:
    try:
        st = real.stat()
        stamp = (st.st_mtime_ns, st.st_size)
    except OSError:
        stamp = (-1, -1)
    entry = _SHARED.get((real, display))
    if entry is None or entry.stamp != stamp or stamp[0] < 0:
        if len(_SHARED) >= _SHARED_LIMIT:
            _SHARED.clear()
            _STRUCTURES.clear()
            _BLOCKS.clear()
        entry = _SharedFile(stamp, read_source(real, display))
        _SHARED[(real, display)] = entry
    return entry


def _structure_of(block: str, file: str, first: int) -> list[Token]:
    """:meth:`Preprocessor._structure`, remembered per block (its tokens are
    never modified downstream)."""
    key = (block, file, first)
    tokens = _STRUCTURES.get(key)
    if tokens is None:
        tokens = _STRUCTURES[key] = Preprocessor._structure(block, file, first)
    return tokens


def _undefined_call(tokens: list[Token]) -> str | None:
    """The name in the first ``NAME (`` of an expanded #if line, if any."""
    for a, b in itertools.pairwise(tokens):
        if a.kind == IDENT and b.text == "(":
            return a.text
    return None


def _stray_message(char: str) -> str:
    if char in "\"'":
        return f"missing terminating {char} character (is this file C?)"
    return f"stray '{char}' in the header (is this file C?)"


def _only_blank_after(text: str, lineno: int) -> bool:
    """Whether nothing but whitespace follows line ``lineno`` of ``text``."""
    pos = 0
    for _ in range(lineno):
        pos = text.find("\n", pos) + 1
        if pos == 0:
            return True
    return not text[pos:].strip()


def _display_name(path: Path) -> str:
    """Shim headers are named by their include name, not their install path."""
    try:
        rel = path.resolve().relative_to(SHIM_DIR)
        return f"<gen>/{rel.as_posix()}"
    except ValueError:
        return path.as_posix()


__all__ = ["Preprocessor", "PreprocessorOptions"]
