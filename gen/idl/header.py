"""Stage 3 of the IDL front end, lower: an .idl file's statements to the
header MIDL or widl would write from it, as segments the C preprocessor
walks (:class:`gen.c.source.VirtualSource`).

What goes where follows widl's header writer:

- ``cpp_quote`` text goes in as C source, in place;
- ``const TYPE NAME = VALUE;`` becomes ``#define NAME ( VALUE )``;
- ``typedef``s and ``enum``/``struct``/``union`` definitions go in as their
  tokens (attribute lists taken out), with the .idl's locations; enums in a
  WinRT ``namespace`` get C member names (``PropertyType_Empty``);
- ``[contract(C, v)]`` puts ``#if C_VERSION >= v`` around a declaration or
  an enumerator, and ``apicontract`` defines ``C_VERSION``;
- imports go first, as the header's ``#include`` of each imported file
  would (see :mod:`gen.idl.frontend`); everything else (methods, coclasses,
  GUIDs, vtables) is C code that cannot change a value, and is left out.

For the main file it also keeps the outline of that header, one entry per
line ("#" a directive, "" nothing or a comment, ";" C code), which decides
the ``#define`` groups as the header's lines would; and the ``[helpstring]``
of each enum and enumerator.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from gen.c.lexer import IDENT, NUMBER, PUNCT, Token, spell
from gen.c.source import Deferred, PreLexed, Segment, VirtualSource
from gen.diagnostics import Location
from gen.idl.parser import strip_attributes
from gen.idl.syntax import Attributes, Block, Const, CppQuote, Declaration, Import, Statement, find
from gen.idl.widl import contract_version, widl_number

_DIRECTIVE = "#"
_CODE = ";"
_BLANK = ""


def _numbers(toks: Sequence[Token]) -> list[Token]:
    return [widl_number(t) if t.kind == NUMBER else t for t in toks]


@dataclass
class Lowered:
    """One .idl file as the header it stands for."""

    name: str
    path: Path
    #: The files it imports, in order (they go first in the header).
    imports: list[tuple[str, Token]] = field(default_factory=list)
    #: (file, segment) in order: level-1 #included files keep their names.
    segments: list[tuple[str, Segment]] = field(default_factory=list)
    #: The header's outline, one entry per line (main file only).
    lines: list[str] = field(default_factory=list)
    #: (file, line) of .idl text -> the header line it lands on (1-based).
    positions: dict[tuple[str, int], int] = field(default_factory=dict)
    #: Descriptions from [helpstring], by the location of the enum keyword
    #: or the enumerator's name.
    docs: dict[Location, str] = field(default_factory=dict)

    def source(self, paths: Callable[[str], Path | None], first: Sequence[Segment] = ()) -> VirtualSource:
        """The segments as a file for the preprocessor; a stretch from
        another file (one the .idl #included) is a file of its own, so that
        its directives are located there."""
        own: list[Segment] = list(first)
        run: list[Segment] = []
        run_file: str | None = None

        def flush() -> None:
            if run_file is not None and run:
                nested = VirtualSource(run_file, paths(run_file) or self.path, "", segments=tuple(run))
                own.append(Deferred(lambda: nested))

        for file, segment in self.segments:
            if file == self.name:
                if run_file is not None:
                    flush()
                    run, run_file = [], None
                own.append(segment)
            else:
                if file != run_file:
                    flush()
                    run, run_file = [], file
                run.append(segment)
        flush()
        return VirtualSource(self.name, self.path, "", segments=tuple(own))


class _Writer:
    """Appends to a :class:`Lowered`: segments, and (for the main file) the
    outline lines and positions."""

    def __init__(self, out: Lowered, outline: bool) -> None:
        self.out = out
        self.outline = outline
        # cpp_quote text may open a comment that later lines close, or end
        # in a backslash that continues the line: the header's text decides.
        self.in_comment = False
        self.continued: tuple[str, Location, str] | None = None

    # -- outline --------------------------------------------------------------------
    def line(self, kind: str, where: Location | None = None) -> None:
        if not self.outline:
            return
        self.out.lines.append(kind)
        if where is not None:
            self.out.positions.setdefault((where.file, where.line), len(self.out.lines))

    # -- segments -----------------------------------------------------------------
    def directive(self, text: str, where: Location, name_offset: int = 0) -> None:
        """A directive line, padded so that the column ``name_offset`` into
        ``text`` is ``where``'s column."""
        if self.in_comment:
            return
        pad = max(0, where.column - 1 - name_offset)
        self.out.segments.append((where.file, (where.line, " " * pad + text)))
        self.line(_DIRECTIVE, where)

    def tokens(self, toks: Sequence[Token]) -> None:
        if self.in_comment or not toks:
            return
        self.out.segments.append((toks[0].file, PreLexed(list(toks))))
        if self.outline:
            self.line(_CODE, _loc(toks[0]))
            index = len(self.out.lines)
            for tok in toks:
                self.out.positions.setdefault((tok.file, tok.line), index)

    def code(self, where: Location | None = None) -> None:
        if not self.in_comment:
            self.line(_CODE, where)

    def cpp_quote(self, quote: CppQuote) -> None:
        where = quote.location
        text = quote.text
        if self.continued is not None:
            # The previous line ended in a backslash: this one continues it.
            head, where, _ = self.continued
            text = head + text
            self.continued = None
        if text.endswith("\\") and not self.in_comment:
            self.continued = (text[:-1], where, text)
            return
        code, self.in_comment = _blank_comments(text, self.in_comment)
        stripped = code.strip()
        if not stripped:
            self.line(_BLANK, where)
            self.out.positions.setdefault((where.file, where.line), len(self.out.lines))
            return
        pad = " " * (where.column - 1)
        if stripped.startswith("#"):
            self.out.segments.append((where.file, (where.line, pad + code)))
            self.line(_DIRECTIVE, where)
        else:
            self.out.segments.append((where.file, (-where.line, pad + code)))
            self.line(_CODE, where)

    def finish(self) -> None:
        if self.continued is not None:
            head, where, _ = self.continued
            self.continued = None
            self.cpp_quote(CppQuote(head, Token(PUNCT, '"', where.file, where.line, where.column - 1)))


def _loc(tok: Token) -> Location:
    return Location(tok.file, tok.line, tok.col)


_COMMENT_RE = re.compile(r"""//.*|/\*.*?(?:\*/|$)|"(?:[^"\\]|\\.)*"?|'(?:[^'\\]|\\.)*'?""")


def _blank_comments(text: str, in_comment: bool) -> tuple[str, bool]:
    """``text`` with comments blanked (columns kept), given whether a comment
    is open at its start; and whether one is open at its end."""
    out = text
    start = 0
    if in_comment:
        end = text.find("*/")
        if end < 0:
            return " " * len(text), True
        out = " " * (end + 2) + text[end + 2 :]
        start = end + 2
    pieces: list[str] = [out[:start]]
    pos = start
    open_at_end = False
    for m in _COMMENT_RE.finditer(out, start):
        pieces.append(out[pos : m.start()])
        s = m.group()
        if s.startswith("/*"):
            pieces.append(" " * len(s))
            open_at_end = not s.endswith("*/") or len(s) < 4
        elif s.startswith("//"):
            pieces.append(" " * len(s))
        else:
            pieces.append(s)
        pos = m.end()
    pieces.append(out[pos:])
    return "".join(pieces), open_at_end


@dataclass
class _Scope:
    """Where a statement stands: its namespace, and whether methods of an
    object interface (written into its vtable, not here) are around."""

    namespace: tuple[str, ...] = ()
    in_object_interface: bool = False


def lower(statements: Sequence[Statement], name: str, path: Path, outline: bool) -> Lowered:
    """The header of one .idl file; ``outline`` for the main file."""
    out = Lowered(name, path)
    writer = _Writer(out, outline)
    _collect_imports(statements, out.imports)
    _statements(statements, writer, _Scope())
    writer.finish()
    return out


def _collect_imports(statements: Sequence[Statement], found: list[tuple[str, Token]]) -> None:
    # widl writes the #include of every import first, also of those in
    # interface and library blocks.
    for stmt in statements:
        if isinstance(stmt, Import):
            found.extend(stmt.files)
        elif isinstance(stmt, Block) and stmt.body is not None and stmt.kind in ("interface", "library", "namespace"):
            _collect_imports(stmt.body, found)


def _statements(statements: Sequence[Statement], w: _Writer, scope: _Scope) -> None:
    for stmt in statements:
        if isinstance(stmt, CppQuote):
            w.cpp_quote(stmt)
        elif isinstance(stmt, Const):
            _const(stmt, w)
        elif isinstance(stmt, Declaration):
            _declaration(stmt, w, scope)
        elif isinstance(stmt, Block):
            _block(stmt, w, scope)


def _const(stmt: Const, w: _Writer) -> None:
    value = spell(_numbers(stmt.value)).strip()
    text = f"#define {stmt.name.text} ( {value} )"
    w.directive(text, _loc(stmt.name), len("#define "))
    w.line(_BLANK)


def _contract_macro(attrs: Attributes, scope: _Scope) -> tuple[str, int] | None:
    attr = find(attrs, "contract")
    if attr is None or len(attr.args) != 2:
        return None
    name = "".join(t.text for t in attr.args[0])
    version = contract_version(attr.args[1])
    if version is None or not name:
        return None
    if "." not in name:
        name = ".".join((*scope.namespace, name))
    return name.replace(".", "_").upper() + "_VERSION", version


def _guard_start(attrs: Attributes, scope: _Scope, w: _Writer, where: Token) -> tuple[str, int] | None:
    guard = _contract_macro(attrs, scope)
    if guard is not None:
        w.directive(f"#if {guard[0]} >= {guard[1]:#x}", _loc(where))
    return guard


def _guard_end(guard: tuple[str, int] | None, w: _Writer, where: Token) -> None:
    if guard is not None:
        w.directive(f"#endif /* {guard[0]} >= {guard[1]:#x} */", _loc(where))


def _block(block: Block, w: _Writer, scope: _Scope) -> None:
    kw = block.keyword
    where = _loc(kw)
    if block.body is None:
        if block.kind in ("interface", "dispinterface", "coclass", "runtimeclass"):
            w.code(where)  # a forward declaration
        return
    if block.kind == "namespace":
        inner = _Scope((*scope.namespace, *block.name.split(".")), scope.in_object_interface)
        _statements(block.body, w, inner)
        return
    if block.kind == "apicontract":
        version_attr = find(block.attrs, "contractversion")
        version = contract_version(version_attr.args[0]) if version_attr and version_attr.args else None
        macro = "_".join((*scope.namespace, block.name)).upper() + "_VERSION"
        if version is not None:
            w.directive(f"#if !defined({macro})", where)
            w.directive(f"#define {macro} {version:#x}", where, len("#define "))
            w.directive(f"#endif // defined({macro})", where)
            w.line(_BLANK)
        return
    if block.kind in ("coclass", "runtimeclass", "declare"):
        w.code(where)  # GUIDs, class names: code, nothing to extract
        return
    guard = _guard_start(block.attrs, scope, w, kw)
    if block.kind in ("interface", "dispinterface"):
        # COM interfaces (widl's is_object) and RPC interfaces differ in
        # what the header writes around their statements.
        com = block.kind == "dispinterface" or block.derived or any(find(block.attrs, a) for a in ("object", "odl"))
        if com:
            w.line(_DIRECTIVE, where)  # #ifndef __X_INTERFACE_DEFINED__
        else:
            w.code(where)  # extern RPC_IF_HANDLE X_v0_0_c_ifspec;
        _statements(block.body, w, _Scope(scope.namespace, com))
        if com:
            w.code()  # the GUID and the vtable
        w.line(_DIRECTIVE)
    elif block.kind == "library":
        w.line(_DIRECTIVE, where)
        if find(block.attrs, "uuid"):
            w.code()  # DEFINE_GUID(LIBID_...)
        _statements(block.body, w, _Scope(scope.namespace, False))
        w.line(_DIRECTIVE)
    elif block.kind == "module":
        w.line(_DIRECTIVE, where)
        _statements(block.body, w, _Scope(scope.namespace, False))
        w.line(_DIRECTIVE)
    _guard_end(guard, w, kw)


def _declaration(decl: Declaration, w: _Writer, scope: _Scope) -> None:
    if decl.kind == "other":
        if not scope.in_object_interface and decl.tokens:
            w.code(_loc(decl.tokens[0]))  # a prototype or a variable
        return
    if not decl.tokens:
        return
    toks, attrs_at = strip_attributes(decl.tokens)
    toks = _numbers(toks)
    # Attributes before the declaration, or right after "typedef", are the type's.
    lead = decl.attrs + attrs_at.get(1 if decl.kind == "typedef" else 0, ())
    guard = _guard_start(lead, scope, w, decl.tokens[0])
    for piece in _pieces(toks, attrs_at, lead, decl.kind, scope, w):
        if isinstance(piece, tuple):
            w.directive(*piece)
        else:
            w.tokens(piece)
    _guard_end(guard, w, decl.tokens[-1])


#: A declaration as the header has it: runs of tokens, and the directives
#: (text, location) that [contract] puts around single enumerators.
_Piece = list[Token] | tuple[str, Location]


def _pieces(
    toks: list[Token],
    attrs_at: dict[int, Attributes],
    lead: Attributes,
    kind: str,
    scope: _Scope,
    w: _Writer,
) -> list[_Piece]:
    """The declaration's tokens with each enum body as the header writes it:
    enumerators named as there (``PropertyType_Empty`` in a namespace),
    documented from [helpstring], and guarded by their [contract]."""
    pieces: list[_Piece] = [[]]
    first_type = 1 if kind == "typedef" else 0
    i = 0
    n = len(toks)
    while i < n:
        tok = toks[i]
        run = pieces[-1]
        assert isinstance(run, list)
        if tok.kind == IDENT and tok.text == "enum":
            tag = i + 1 if i + 1 < n and toks[i + 1].kind == IDENT else None
            brace = (tag if tag is not None else i) + 1
            if brace < n and toks[brace].text == "{":
                doc = _helpstring(attrs_at.get(i, ()) + (lead if i == first_type else ()))
                if doc is not None:
                    w.out.docs[_loc(tok)] = doc
                prefix = None
                if scope.namespace:
                    prefix = toks[tag].text if tag is not None else _typedef_name(toks, brace)
                run.extend(toks[i : brace + 1])
                i = _enum_body(toks, attrs_at, brace, prefix, pieces, scope, w)
                continue
        run.append(tok)
        i += 1
    return [p for p in pieces if isinstance(p, tuple) or p]


def _enum_body(
    toks: list[Token],
    attrs_at: dict[int, Attributes],
    brace: int,
    prefix: str | None,
    pieces: list[_Piece],
    scope: _Scope,
    w: _Writer,
) -> int:
    """Copy an enum body (after its ``{``, up to its ``}``) into ``pieces``;
    returns the index after the ``}``."""
    close = _matching_brace(toks, brace)
    renamed = {t.text: f"{prefix}_{t.text}" for t in _member_names(toks, brace, close)} if prefix else {}
    expect_name = True
    depth = 0
    guard: tuple[str, int] | None = None
    previous = toks[brace]
    for index in range(brace + 1, close):
        tok = toks[index]
        if tok.kind == PUNCT and tok.text in ("(", "["):
            depth += 1
        elif tok.kind == PUNCT and tok.text in (")", "]"):
            depth -= 1
        elif tok.kind == PUNCT and tok.text == "," and depth == 0:
            expect_name = True
        elif expect_name and tok.kind == IDENT:
            expect_name = False
            attrs = attrs_at.get(index, ())
            doc = _helpstring(attrs)
            if doc is not None:
                w.out.docs[_loc(tok)] = doc
            if guard is not None:
                pieces += [(f"#endif /* {guard[0]} >= {guard[1]:#x} */", _loc(previous)), []]
            guard = _contract_macro(attrs, scope)
            if guard is not None:
                pieces += [(f"#if {guard[0]} >= {guard[1]:#x}", _loc(tok)), []]
        if tok.kind == IDENT and tok.text in renamed:
            tok = Token(IDENT, renamed[tok.text], tok.file, tok.line, tok.col, tok.space)
        run = pieces[-1]
        assert isinstance(run, list)
        run.append(tok)
        previous = tok
    if guard is not None:
        pieces += [(f"#endif /* {guard[0]} >= {guard[1]:#x} */", _loc(previous)), []]
    if close < len(toks):
        run = pieces[-1]
        assert isinstance(run, list)
        run.append(toks[close])
    return close + 1


def _matching_brace(toks: Sequence[Token], brace: int) -> int:
    depth = 0
    for k in range(brace, len(toks)):
        if toks[k].kind == PUNCT and toks[k].text == "{":
            depth += 1
        elif toks[k].kind == PUNCT and toks[k].text == "}":
            depth -= 1
            if depth == 0:
                return k
    return len(toks)


def _member_names(toks: Sequence[Token], brace: int, close: int) -> list[Token]:
    names: list[Token] = []
    expect = True
    depth = 0
    for k in range(brace + 1, close):
        tok = toks[k]
        if tok.kind == PUNCT and tok.text in ("(", "["):
            depth += 1
        elif tok.kind == PUNCT and tok.text in (")", "]"):
            depth -= 1
        elif expect and tok.kind == IDENT:
            names.append(tok)
            expect = False
        elif tok.kind == PUNCT and tok.text == "," and depth == 0:
            expect = True
    return names


def _typedef_name(toks: Sequence[Token], brace: int) -> str | None:
    close = _matching_brace(toks, brace)
    for tok in toks[close + 1 :]:
        if tok.kind == IDENT:
            return tok.text
    return None


def _helpstring(attrs: Attributes) -> str | None:
    attr = find(attrs, "helpstring")
    text = attr.string if attr is not None else None
    return text if text else None


__all__ = ["Lowered", "lower"]
