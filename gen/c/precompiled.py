"""The state after the forced includes as plain data, for another process.

:func:`dump` turns what :meth:`Preprocessor.fork` and :meth:`ModelBuilder.fork`
carry (macros, include guards, ``#pragma once`` files, push_macro stacks,
files read, folders probed, missing includes, typedefs and their types,
records, enum tags, constants, definition sites, the diagnostics so far)
into JSON-ready lists and dicts; :func:`restore` builds a preprocessor and
a builder from them. The data is input like any other: every field is
checked for its type as it is read, and anything unexpected makes
:func:`restore` return None (the caller then preprocesses in full). Nothing
in it is code: no pickle, no eval.

:func:`dump` returns None for a state it cannot write down faithfully (an
attribute it does not know, a token it cannot name): such a state is simply
not shared across processes.

The state at the end of a header's implicit include prefix
(gen.c.implicit_prefix) is written the same way, with the main file named
by a placeholder wherever it appears (its display name in the files table,
which every location and token goes through; its path in the files read,
the ``#pragma once`` files and the include guards): :func:`restore` puts the
header being read in its place, and that header is then read from the
first line after the prefix (``Preprocessor.resume_tokens``).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from gen.c.builder import ModelBuilder
from gen.c.ctype import (
    ANONYMOUS_SERIAL,
    AlignedType,
    ArrayType,
    CType,
    FunctionType,
    OpaqueType,
    PointerType,
    RecordType,
)
from gen.c.declarations import RecordDecl
from gen.c.inttypes import IntTypes
from gen.c.lexer import Token
from gen.c.macros import ExpansionBudget, Macro
from gen.c.preprocessor import Preprocessor, PreprocessorOptions
from gen.c.undecided import Undecided
from gen.diagnostics import Diagnostic, Level, Location, Reporter
from gen.model import IntType

#: Changes whenever the layout below does (the run layer keys on it too).
FORMAT = 3

#: Stands for the main file in a state stored at the end of its implicit
#: include prefix (no path or display name holds a NUL).
MAIN_PLACEHOLDER = "\x00main"

#: The preprocessor attributes this module knows how to write down (or
#: knows to be rebuilt fresh); a state holding any other is not shared.
_PP_FIELDS = frozenset(
    (
        "types",
        "options",
        "reporter",
        "macros",
        "files_read",
        "missing_includes",
        "dirs_probed",
        "undecided",
        "on_define",
        "main_file",
        "policy",
        "budget",
        "provided",
        "_search",
        "_once",
        "_guards",
        "_cache",
        "_by_name",
        "_stored",
        "_stored_names",
        "_lines",
        "_dir_listing",
        "_counter",
        "_depth",
        "_carry",
        "_paren_pending",
        "_skimmed",
        "_version",
        "_danger",
        "_main_real",
        "_main_name",
        "_not_defined",
        "_macro_stacks",
        "prefix_end",
        "_main_nested",
        "_mains",
        "_found",
        "files_named",
    )
)
_BUILDER_FIELDS = frozenset(
    [
        "types",
        "reporter",
        "symbols",
        "_main",
        "_tag_typedefs",
        "integer_typedef_marks",
        "evaluator",
        "layouts",
        "owners",
    ]
)


_MACRO_COLUMNS = (
    "name",
    "params",
    "variadic",
    "file",
    "line",
    "column",
    "source",
    "source_file",
    "source_line",
    "source_column",
    "body",
    "text",
    "builtin",
)


class PrefixStore(Protocol):
    """Where the state is kept between processes (gen.run.cache provides one)."""

    def load(self, key: dict[str, Any]) -> object | None: ...

    def save(self, key: dict[str, Any], data: dict[str, Any], inputs: list[str]) -> None: ...


@dataclass(frozen=True)
class MainFile:
    """The main file of a state at the end of its implicit include prefix."""

    #: Its display name (in locations and tokens).
    name: str
    #: Its path as given (in the files read).
    path: Path
    #: Its resolved path (the key of the files read, once and guards).
    real: Path


class _Bad(Exception):
    """The stored data does not have the expected shape."""


class _CannotDump(Exception):
    """The state holds something this module cannot write down."""


def key_of(options: PreprocessorOptions, cwd: str, record_bodies: bool = True) -> dict[str, Any]:
    """Everything besides the files read that decides the state."""
    return {
        "record_bodies": record_bodies,
        "format": FORMAT,
        "cwd": cwd,
        "include_dirs": list(options.include_dirs),
        "defines": list(options.defines),
        "undefines": list(options.undefines),
        "force_includes": list(options.force_includes),
        "shims": options.shims,
        "target": options.target,
        "system_includes": options.system_includes,
        "sysroot": options.sysroot,
        "predefined": None if options.predefined is None else list(options.predefined),
    }


# -- writing ------------------------------------------------------------------


class _Writer:
    def __init__(self, types: IntTypes) -> None:
        self.types = types
        self.files: dict[str, int] = {}
        self.macro_ids: dict[int, int] = {}
        #: id() of each replacement list written -> the row of its macro
        #: (a guarded #define shares its list with the definition in force,
        #: and gen.c.macro_groups tells them by that).
        self.body_rows: dict[int, int] = {}
        #: Every macro, column by column (a few lists read fast).
        self.macro_columns: dict[str, list[Any]] = {name: [] for name in _MACRO_COLUMNS}
        #: id() of every record token -> its index in the token columns.
        self.token_places: dict[int, int] = {}
        #: Every record's tokens, column by column (kind, text, file, line,
        #: column, space before): a few lists read fast, not one per token.
        self.kinds: dict[str, int] = {}
        self.columns: tuple[list[int], list[str], list[int], list[int], list[int], list[int]] = ([], [], [], [], [], [])

    def record_tokens(self, toks: tuple[Token, ...] | list[Token]) -> list[int] | dict[str, list[int]]:
        """A record's tokens, each written once: [start, end) of the ones
        new to the columns, else {"at": [index, ...]}. (A nested record's
        tokens are its enclosing record's too, and its anonymous key names
        the very token object both share. The tokens are expanded already
        and only read, by gen.c.records: where a macro made them, and their
        hidesets, no longer matter.)"""
        kinds, texts, files, lines, cols, spaces = self.columns
        start = len(texts)
        at = []
        for t in toks:
            index = self.token_places.get(id(t))
            if index is None:
                index = self.token_places[id(t)] = len(texts)
                kinds.append(self.kinds.setdefault(t.kind, len(self.kinds)))
                texts.append(t.text)
                files.append(self.file(t.file))
                lines.append(t.line)
                cols.append(t.col)
                spaces.append(int(t.space))
            at.append(index)
        if at == list(range(start, len(texts))):
            return [start, len(texts)]
        return {"at": at}

    def file(self, name: str) -> int:
        index = self.files.get(name)
        if index is None:
            index = self.files[name] = len(self.files)
        return index

    def loc(self, loc: Location | None) -> list[int] | None:
        return None if loc is None else [self.file(loc.file), loc.line, loc.column]

    def tokens(self, toks: list[Token]) -> list[Any]:
        """A macro's replacement list (as written: no expansion made it)."""
        flat: list[Any] = []
        for t in toks:
            if t.origin is not None or t.origin_end is not None:
                raise _CannotDump
            flat += [t.kind, t.text, self.file(t.file), t.line, t.col, int(t.space), sorted(t.hideset)]
        return flat

    def macro(self, m: Macro | None) -> int | None:
        """A macro's row in the macro columns (each macro written once)."""
        if m is None:
            return None
        index = self.macro_ids.get(id(m))
        if index is not None:
            return index
        c = self.macro_columns
        index = self.macro_ids[id(m)] = len(c["name"])
        src = m._source
        c["name"].append(m.name)
        c["params"].append(None if m.params is None else list(m.params))
        c["variadic"].append(m.variadic)
        c["file"].append(self.file(m.location.file))
        c["line"].append(m.location.line)
        c["column"].append(m.location.column)
        c["source"].append(None if src is None else src[0])
        c["source_file"].append(0 if src is None else self.file(src[1]))
        c["source_line"].append(0 if src is None else src[2])
        c["source_column"].append(0 if src is None else src[3])
        if m._body is None or m.builtin is not None:
            c["body"].append(None)
        elif id(m._body) in self.body_rows:
            c["body"].append(self.body_rows[id(m._body)])
        else:
            self.body_rows[id(m._body)] = index
            c["body"].append(self.tokens(m._body))
        c["text"].append(m._text)
        # Built-in macros (__LINE__...) are the new preprocessor's own.
        c["builtin"].append(m.name if m.builtin is not None else None)
        return index

    def tag(self, tag: str) -> Any:
        """A record tag; an anonymous one names its keyword token by place
        (its key holds the token's id, which another process must remake)."""
        head, sep, serial = tag.rpartition(ANONYMOUS_SERIAL)
        if not sep or not head.startswith("(anonymous at ") or not serial.isdigit():
            return tag
        place = self.token_places.get(int(serial))
        if place is None:
            raise _CannotDump
        return [head, place]

    def ctype(self, t: CType) -> Any:
        if isinstance(t, IntType):
            if self.types.by_name.get(t.name) != t:
                raise _CannotDump
            return ["i", t.name]
        if isinstance(t, PointerType):
            return ["p", t.bits]
        if isinstance(t, OpaqueType):
            return ["o", t.name, t.size, t.align]
        if isinstance(t, ArrayType):
            return ["a", self.ctype(t.element), t.count]
        if isinstance(t, FunctionType):
            return ["f", t.name]
        if isinstance(t, RecordType):
            return ["r", t.kind, self.tag(t.tag)]
        if isinstance(t, AlignedType):
            return ["al", self.ctype(t.base), t.align]
        raise _CannotDump


def dump(
    pp: Preprocessor, builder: ModelBuilder, reporter: Reporter, defined: list[Macro], main: MainFile | None = None
) -> dict[str, Any] | None:
    """The state as JSON-ready data, or None if it cannot be written down.
    With ``main``, the state is the one at the end of that file's implicit
    include prefix (the preprocessor inside it, with no conditional open)."""
    try:
        return _dump(pp, builder, reporter, defined, main)
    except (_CannotDump, RecursionError):  # RecursionError: types nested too deep to write
        return None


def _dump(
    pp: Preprocessor, builder: ModelBuilder, reporter: Reporter, defined: list[Macro], main: MainFile | None
) -> dict[str, Any]:
    if not set(vars(pp)) <= _PP_FIELDS or not set(vars(builder)) <= _BUILDER_FIELDS:
        raise _CannotDump
    if pp._depth != (main is not None) or builder._main or builder.integer_typedef_marks or pp.provided:
        raise _CannotDump
    if pp._mains or builder.owners is not None:
        raise _CannotDump  # a tree pass's names are this process's own
    main_real = None if main is None else main.real
    if pp._main_real != main_real or pp._main_nested:
        raise _CannotDump
    budget = pp.budget.left
    if main is not None:
        source = pp._cache.get(main.real)
        if source is None or pp._by_name.get(main.name) is not source:
            raise _CannotDump
        # The header's own share of the budget comes with the next header.
        budget -= len(source.text) * ExpansionBudget.PER_BYTE
        if budget < ExpansionBudget.BASE // 2:
            raise _CannotDump
    w = _Writer(builder.types)
    symbols = builder.symbols
    records = list(symbols.records.items())
    # Tokens first: anonymous tags (in keys, tags and types) name them.
    spans = [
        [w.record_tokens([d.keyword]), w.record_tokens(d.head), w.record_tokens(d.tail), w.record_tokens(d.body)]
        for _, d in records
    ]
    # Every file read (those a restored state has not read again yet too),
    # except the main file.
    sources = [(real, source.name) for real, source in pp._cache.items() if real != main_real]
    sources += pp._stored.items()
    for real, source in pp._cache.items():
        if source.path != real:
            raise _CannotDump
    source_index = {real: i for i, (real, _) in enumerate(sources)}
    by_name = []
    for name, source in pp._by_name.items():
        if pp._cache.get(source.path) is not source or source.name != name:
            raise _CannotDump
        if source.path != main_real:
            by_name.append([name, source_index[source.path]])
    for name, real in pp._stored_names.items():
        if pp._stored.get(real) != name:
            raise _CannotDump
        by_name.append([name, source_index[real]])
    if main is not None and any(name == main.name for _, name in sources):
        raise _CannotDump  # another file shown as the main file

    def path(p: Path) -> str:
        return MAIN_PLACEHOLDER if p == main_real else str(p)

    stacks = getattr(pp, "_macro_stacks", {})
    state: dict[str, Any] = {
        "macros": [[name, w.macro(m)] for name, m in pp.macros.items()],
        "defined": [w.macro(m) for m in defined],
        "stacks": {name: [w.macro(m) for m in stack] for name, stack in stacks.items()},
        "files_read": [MAIN_PLACEHOLDER if main and p == main.path else str(p) for p in pp.files_read],
        "missing": list(pp.missing_includes),
        "dirs_probed": sorted(pp.dirs_probed),
        "undecided": [
            [w.loc(u.location), u.directive, list(u.names), u.missing, u.last_line, w.loc(u.enum_keyword)]
            for u in pp.undecided
        ],
        "budget": budget,
        "record_bodies": builder.layouts.bodies,
        "once": sorted(path(p) for p in pp._once),
        "guards": [[path(p), g] for p, g in pp._guards.items()],
        "sources": [[str(real), name] for real, name in sources],
        "by_name": by_name,
        "counter": pp._counter,
        "carry": pp._carry,
        "paren_pending": pp._paren_pending,
        "skimmed": pp._skimmed,
        "version": pp._version,
        "not_defined": list(pp._not_defined),
        "constants": [[name, v, w.ctype(t)] for name, (v, t) in symbols.constants.items()],
        "typedefs": [[name, w.ctype(t)] for name, t in symbols.typedefs.items()],
        "enum_tags": [[name, w.ctype(t)] for name, t in symbols.enum_tags.items()],
        "records": [
            [d.kind, w.tag(d.tag), *span, d.pack, w.loc(d.location)]
            for (_, d), span in zip(records, spans, strict=True)
        ],
        "enumerator_sites": [[n, w.loc(loc), main] for n, (loc, main) in symbols.enumerator_sites.items()],
        "tag_sites": [[n, w.loc(loc), main] for n, (loc, main) in symbols.tag_sites.items()],
        "typedef_sites": [[n, w.loc(loc), main] for n, (loc, main) in symbols.typedef_sites.items()],
        "tag_typedefs": {tag: list(names) for tag, names in builder._tag_typedefs.items()},
        "diagnostics": [[d.level.value, d.message, w.loc(d.location), d.code] for d in reporter.diagnostics],
    }
    for key, d in records:
        if key != f"{d.kind} {d.tag}" or d.kind not in ("struct", "union"):
            raise _CannotDump
    state["macro_columns"] = w.macro_columns
    state["token_kinds"] = list(w.kinds)
    state["token_columns"] = list(w.columns)
    state["files"] = [MAIN_PLACEHOLDER if main and f == main.name else f for f in w.files]
    return state


# -- reading ------------------------------------------------------------------


def _str(v: object) -> str:
    if type(v) is not str:
        raise _Bad
    return v


def _int(v: object) -> int:
    if type(v) is not int:
        raise _Bad
    return v


def _bool(v: object) -> bool:
    if type(v) is not bool:
        raise _Bad
    return v


def _opt_int(v: object) -> int | None:
    return None if v is None else _int(v)


def _list(v: object, size: int | None = None) -> list[Any]:
    if type(v) is not list or (size is not None and len(v) != size):
        raise _Bad
    return v


def _dict(v: object) -> dict[str, Any]:
    if type(v) is not dict:
        raise _Bad
    return v


class _Reader:
    def __init__(
        self, data: dict[str, Any], types: IntTypes, builtins: dict[str, Macro], main: MainFile | None
    ) -> None:
        self.types = types
        self.files = [sys.intern(_str(f)) for f in _list(data["files"])]
        if main is not None and main.name in self.files:
            raise _Bad  # the state read the main file under its name
        if MAIN_PLACEHOLDER in self.files:
            if main is None:
                raise _Bad
            self.files[self.files.index(MAIN_PLACEHOLDER)] = sys.intern(main.name)
        self.kinds: dict[str, str] = {}
        self.builtins = builtins
        self.macros = self._macros(_dict(data["macro_columns"]))
        self.record_tokens = self._columns(data)

    def file(self, v: object) -> str:
        i = _int(v)
        if not 0 <= i < len(self.files):
            raise _Bad
        return self.files[i]

    def loc(self, v: object) -> Location:
        f, line, col = _list(v, 3)
        return Location(self.file(f), _int(line), _int(col))

    def opt_loc(self, v: object) -> Location | None:
        return None if v is None else self.loc(v)

    def kind(self, v: object) -> str:
        k = _str(v)
        return self.kinds.setdefault(k, sys.intern(k))

    def tokens(self, v: object) -> list[Token]:
        """A macro's replacement list."""
        flat = _list(v)
        if len(flat) % 7:
            raise _Bad
        out = []
        for i in range(0, len(flat), 7):
            kind, text, f, line, col, space, hideset = flat[i : i + 7]
            tok = Token(self.kind(kind), _str(text), self.file(f), _int(line), _int(col), bool(_int(space)))
            tok.hideset = frozenset(_str(n) for n in _list(hideset))
            out.append(tok)
        return out

    def _columns(self, data: dict[str, Any]) -> list[Token]:
        """Every record's tokens, from the columns (checked column-wise)."""
        kinds = [self.kind(k) for k in _list(data["token_kinds"])]
        columns = _list(data["token_columns"], 6)
        kind_ids, texts, file_ids, lines, cols, spaces = (_list(c) for c in columns)
        if len({len(c) for c in columns}) != 1:
            raise _Bad
        if not set(map(type, texts)) <= {str} or not {*map(type, kind_ids), *map(type, file_ids)} <= {int}:
            raise _Bad
        if not {*map(type, lines), *map(type, cols), *map(type, spaces)} <= {int}:
            raise _Bad
        if texts and not (
            0 <= min(kind_ids) <= max(kind_ids) < len(kinds) and 0 <= min(file_ids) <= max(file_ids) < len(self.files)
        ):
            raise _Bad
        return list(
            map(
                Token,
                map(kinds.__getitem__, kind_ids),
                texts,
                map(self.files.__getitem__, file_ids),
                lines,
                cols,
                map(bool, spaces),
            )
        )

    def span(self, v: object) -> tuple[Token, ...]:
        toks = self.record_tokens
        if type(v) is dict:
            at = _list(v["at"])
            if len(v) != 1 or not set(map(type, at)) <= {int} or (at and not 0 <= min(at) <= max(at) < len(toks)):
                raise _Bad
            return tuple(map(toks.__getitem__, at))
        start, end = _list(v, 2)
        if not 0 <= _int(start) <= _int(end) <= len(toks):
            raise _Bad
        return tuple(toks[start:end])

    def _macros(self, columns: dict[str, Any]) -> list[Macro]:
        """Every macro, from the columns (checked column-wise)."""
        if set(columns) != set(_MACRO_COLUMNS):
            raise _Bad
        c = {name: _list(columns[name]) for name in _MACRO_COLUMNS}
        if len({len(v) for v in c.values()}) != 1:
            raise _Bad
        files = self.files
        ints = {*map(type, c["file"]), *map(type, c["line"]), *map(type, c["column"])}
        ints |= {*map(type, c["source_file"]), *map(type, c["source_line"]), *map(type, c["source_column"])}
        if not ints <= {int} or not set(map(type, c["name"])) <= {str} or not set(map(type, c["variadic"])) <= {bool}:
            raise _Bad
        for name in ("source", "text", "builtin"):
            if not set(map(type, c[name])) <= {str, type(None)}:
                raise _Bad
        for index in (*c["file"], *c["source_file"]):
            if not 0 <= index < len(files):
                raise _Bad
        params = [None if p is None else tuple(_str(n) for n in _list(p)) for p in c["params"]]
        bodies: list[list[Token] | None] = []
        for b in c["body"]:
            if type(b) is int:
                # The very list of an earlier macro.
                if not 0 <= b < len(bodies) or bodies[b] is None:
                    raise _Bad
                bodies.append(bodies[b])
            else:
                bodies.append(None if b is None else self.tokens(b))
        locations = list(map(Location, map(files.__getitem__, c["file"]), c["line"], c["column"]))
        sources = [
            None if text is None else (text, files[f], line, col)
            for text, f, line, col in zip(
                c["source"], c["source_file"], c["source_line"], c["source_column"], strict=True
            )
        ]
        nothing = [None] * len(sources)
        made = list(map(Macro, c["name"], params, bodies, locations, c["variadic"], nothing, c["text"], sources))
        for i, name in enumerate(c["builtin"]):
            if name is not None:
                found = self.builtins.get(name)
                if found is None:
                    raise _Bad
                made[i] = found
        return made

    def macro(self, v: object) -> Macro:
        i = _int(v)
        if not 0 <= i < len(self.macros):
            raise _Bad
        return self.macros[i]

    def opt_macro(self, v: object) -> Macro | None:
        return None if v is None else self.macro(v)

    def tag(self, v: object) -> str:
        if type(v) is str:
            return v
        head, place = _list(v, 2)
        i = _int(place)
        if not 0 <= i < len(self.record_tokens):
            raise _Bad
        return f"{_str(head)}{ANONYMOUS_SERIAL}{id(self.record_tokens[i])}"

    def ctype(self, v: object) -> CType:
        entry = _list(v)
        if not entry:
            raise _Bad
        code, args = entry[0], entry[1:]
        if code == "i" and len(args) == 1:
            found = self.types.by_name.get(_str(args[0]))
            if found is None:
                raise _Bad
            return found
        if code == "p" and len(args) == 1:
            return PointerType(_int(args[0]))
        if code == "o" and len(args) == 3:
            return OpaqueType(_str(args[0]), _opt_int(args[1]), _opt_int(args[2]))
        if code == "a" and len(args) == 2:
            return ArrayType(self.ctype(args[0]), _opt_int(args[1]))
        if code == "f" and len(args) == 1:
            return FunctionType(_str(args[0]))
        if code == "r" and len(args) == 2:
            return RecordType(_str(args[0]), self.tag(args[1]))
        if code == "al" and len(args) == 2:
            return AlignedType(self.ctype(args[0]), _int(args[1]))
        raise _Bad

    def value(self, v: object, t: object) -> tuple[int, IntType]:
        found = self.ctype(t)
        if not isinstance(found, IntType):
            raise _Bad
        return _int(v), found

    def sites(self, v: object) -> dict[str, tuple[Location, bool]]:
        out = {}
        for entry in _list(v):
            name, loc, main = _list(entry, 3)
            out[_str(name)] = (self.loc(loc), _bool(main))
        return out


def restore(
    data: object,
    types: IntTypes,
    options: PreprocessorOptions,
    record_bodies: bool = True,
    main: MainFile | None = None,
) -> tuple[Preprocessor, ModelBuilder, Reporter, list[Macro]] | None:
    """The state :func:`dump` wrote, or None if ``data`` is not exactly such
    a state. The files it read are read again on first use. ``main``: the
    file that takes the place of the one the state was stored for."""
    try:
        return _restore(_dict(data), types, options, record_bodies, main)
    except (_Bad, KeyError, ValueError, TypeError, OverflowError, RecursionError):
        return None
    except Exception:
        return None


def _restore(
    data: dict[str, Any], types: IntTypes, options: PreprocessorOptions, record_bodies: bool, main: MainFile | None
) -> tuple[Preprocessor, ModelBuilder, Reporter, list[Macro]]:
    if main is not None:
        # A state that read the main file as an include (stored by a header
        # whose prefix reaches this one): found before the costly part.
        real = str(main.real)
        if any(type(e) is list and e and e[0] == real for e in _list(data["sources"])):
            raise _Bad
    reporter = Reporter()
    pp = Preprocessor(types, options, reporter)
    r = _Reader(data, types, {n: m for n, m in pp.macros.items() if m.builtin is not None}, main)

    def path(v: object) -> Path:
        text = _str(v)
        if text == MAIN_PLACEHOLDER and main is not None:
            return main.real
        if "\x00" in text:
            raise _Bad
        return Path(text)

    for entry in _list(data["diagnostics"]):
        level, message, loc, code = _list(entry, 4)
        reporter.add(
            Diagnostic(Level(_str(level)), _str(message), r.opt_loc(loc), None if code is None else _str(code))
        )
    pp.macros = {_str(name): r.macro(i) for name, i in map(lambda e: _list(e, 2), _list(data["macros"]))}
    defined = [r.macro(i) for i in _list(data["defined"])]
    stacks = {_str(name): [r.opt_macro(i) for i in _list(s)] for name, s in _dict(data["stacks"]).items()}
    if stacks:
        pp.__dict__["_macro_stacks"] = stacks
    pp.files_read = [main.path if main and p == MAIN_PLACEHOLDER else path(p) for p in _list(data["files_read"])]
    if main is not None and pp.files_read.count(main.path) != 1:
        raise _Bad
    pp.missing_includes = [_str(n) for n in _list(data["missing"])]
    pp.dirs_probed = {_str(d) for d in _list(data["dirs_probed"])}
    pp.undecided = []
    for entry in _list(data["undecided"]):
        loc, directive, names, missing, last, keyword = _list(entry, 6)
        names_t = tuple(_str(n) for n in _list(names))
        pp.undecided.append(
            Undecided(r.loc(loc), _str(directive), names_t, _str(missing), _int(last), r.opt_loc(keyword))
        )
    pp.budget.left = _int(data["budget"])
    pp._once = {path(p) for p in _list(data["once"])}
    pp._guards = {path(p): _str(g) for p, g in map(lambda e: _list(e, 2), _list(data["guards"]))}
    # Read again on first use (the stamps said each file is as it was).
    sources: list[tuple[Path, str]] = []
    for entry in _list(data["sources"]):
        real, name = _list(entry, 2)
        sources.append((path(real), _str(name)))
    pp._stored = dict(sources)
    pp._stored_names = {}
    for entry in _list(data["by_name"]):
        name, index = _list(entry, 2)
        i = _int(index)
        if not 0 <= i < len(sources) or sources[i][1] != _str(name):
            raise _Bad
        pp._stored_names[sources[i][1]] = sources[i][0]
    if len(pp._stored) != len(sources) or (main is not None and main.real in pp._stored):
        raise _Bad
    pp._counter = _int(data["counter"])
    pp._carry = _int(data["carry"])
    pp._paren_pending = _bool(data["paren_pending"])
    pp._skimmed = _bool(data["skimmed"])
    pp._version = _int(data["version"])
    pp._not_defined = [_str(n) for n in _list(data["not_defined"])]

    if _bool(data["record_bodies"]) is not record_bodies:
        raise _Bad
    builder = ModelBuilder(types, reporter, record_bodies)
    symbols = builder.symbols
    for entry in _list(data["records"]):
        kind, tag, keyword, head, tail, body, pack, loc = _list(entry, 8)
        kind_s = _str(kind)
        keywords = r.span(keyword)
        if kind_s not in ("struct", "union") or len(keywords) != 1:
            raise _Bad
        tag_s = r.tag(tag)
        decl = RecordDecl(
            kind_s, tag_s, r.span(head), r.span(tail), r.span(body), _opt_int(pack), r.loc(loc), keywords[0]
        )
        symbols.records[f"{kind_s} {tag_s}"] = decl
    symbols.constants.update(
        (_str(n), r.value(v, t)) for n, v, t in map(lambda e: _list(e, 3), _list(data["constants"]))
    )
    symbols.typedefs.update((_str(n), r.ctype(t)) for n, t in map(lambda e: _list(e, 2), _list(data["typedefs"])))
    for name, t in map(lambda e: _list(e, 2), _list(data["enum_tags"])):
        found = r.ctype(t)
        if not isinstance(found, IntType):
            raise _Bad
        symbols.enum_tags[_str(name)] = found
    symbols.enumerator_sites.update(r.sites(data["enumerator_sites"]))
    symbols.tag_sites.update(r.sites(data["tag_sites"]))
    symbols.typedef_sites.update(r.sites(data["typedef_sites"]))
    builder._tag_typedefs = {_str(t): [_str(n) for n in _list(ns)] for t, ns in _dict(data["tag_typedefs"]).items()}
    return pp, builder, reporter, defined
