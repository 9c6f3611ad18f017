"""Stage 3, parse: find enum and typedef declarations in the expanded tokens.

The scanner does not parse all of C. It follows statement boundaries
(``;``, ``{``, ``}``) at every nesting level, and when a declaration holds
``enum ... {`` or starts with ``typedef``, it collects that declaration's
tokens. Each enum body is then parsed by pycparser; typedefs are read by a
small declarator reader, enough to know the integer type a name stands for.
"""

from __future__ import annotations

from collections.abc import Callable, Container, Iterable, Iterator
from dataclasses import dataclass, field

from pycparser import c_ast
from pycparser.c_parser import Coord, CParser

from gen.c.body_syntax import enum_syntax_error
from gen.c.cexpr import MAX_BRACKET_DEPTH, parser_stack, too_deep
from gen.c.lexer import IDENT, OTHER, PUNCT, TEXT, TYPE_WORDS, Token
from gen.c.macros import ScanPolicy
from gen.diagnostics import GenError, Location

#: Words that may appear in declaration specifiers and never name a type.
_QUALIFIERS = frozenset(
    [
        "const",
        "volatile",
        "restrict",
        "__restrict",
        "__restrict__",
        "__const",
        "__volatile__",
        "__volatile",
        "static",
        "extern",
        "register",
        "inline",
        "__inline",
        "__inline__",
        "__forceinline",
        "_Noreturn",
        "__extension__",
        "auto",
        "_Thread_local",
        "__thread",
        "__unaligned",
        "__ptr32",
        "__ptr64",
        "__w64",
        "__cdecl",
        "__stdcall",
        "__fastcall",
        "__thiscall",
        "__vectorcall",
        "__pascal",
        "_cdecl",
        "_stdcall",
        "_fastcall",
        "__sptr",
        "__uptr",
        "__unaligned__",
        "__signed__",
        "__signed",
        "_Atomic",
    ]
)
#: Words introducing a parenthesised operand to drop (attributes, asm, pragmas).
_SKIP_WITH_ARGS = frozenset(
    [
        "__attribute__",
        "__attribute",
        "__declspec",
        "__asm__",
        "__asm",
        "asm",
        "_Pragma",
        "__pragma",
        "_Alignas",
        "alignas",
        "__alignas",
    ]
)
#: Integer type words, normalised to what pycparser understands.
_MS_INT_WORDS = {"__int8": ["char"], "__int16": ["short"], "__int32": ["int"], "__int64": ["long", "long"]}
_TYPE_WORDS = TYPE_WORDS


@dataclass(frozen=True)
class Enumerator:
    name: str
    #: The initializer's AST, or None for an implicit value.
    value: c_ast.Node | None
    #: The initializer as written in the source, whitespace-normalised.
    expr: str | None
    location: Location


@dataclass(frozen=True)
class EnumDecl:
    tag: str | None
    #: Underlying type words for ``enum X : type``, else None.
    fixed_type: tuple[str, ...] | None
    enumerators: tuple[Enumerator, ...]
    #: Non-pointer typedef names declared together with the body.
    typedefs: tuple[str, ...]
    #: Pointer (or array) typedef names declared with it (``*PX``).
    other_typedefs: tuple[str, ...]
    location: Location
    #: Whether the keyword came from the main file (not from an include).
    in_main: bool


@dataclass(frozen=True)
class TypedefDecl:
    """``typedef <base> <declarators>;`` reduced to what casts and sizeof need."""

    #: The base type: integer words, or a single typedef name, or
    #: ("enum", tag) / ("struct", tag) / ("union", tag).
    base: tuple[str, ...]
    #: (name, kind) where kind is "plain", "pointer", "array" or "function".
    names: tuple[tuple[str, str], ...]
    location: Location
    in_main: bool


Declaration = EnumDecl | TypedefDecl


@dataclass
class _Statement:
    tokens: list[Token] = field(default_factory=list)
    has_typedef: bool = False
    has_enum: bool = False
    #: The '{' that opened this nesting level (for unbalanced-brace errors).
    opener: Token | None = None
    #: Whether this statement opened a brace of its own (a struct body).
    braced: bool = False
    #: Whether that brace opened a function body (after a ')').
    function_body: bool = False

    @property
    def relevant(self) -> bool:
        """Whether this statement's tokens matter: an enum, or a typedef
        without a struct/union body (the integer types casts can name)."""
        return self.has_enum or (self.has_typedef and not self.braced)


class DeclarationScanner:
    """Turns a token stream into the enum and typedef declarations it holds.

    ``type_names`` holds the typedef names known so far (pycparser must know
    them to parse casts); ``source_lines`` gives a file's lines by name, to
    recover initializers as written.
    """

    def __init__(
        self,
        main_file: str,
        type_names: Container[str],
        source_lines: Callable[[str], list[str] | None],
        policy: ScanPolicy | None = None,
        is_macro: Callable[[str], bool] = lambda _name: False,
        lenient_end: Callable[[], bool] = lambda: False,
        is_main: Callable[[Token], bool] | None = None,
    ) -> None:
        self.main_file = main_file
        # Whether a declaration (by its first keyword) belongs to the main
        # file; another front end may say so otherwise than by file name.
        self.is_main = is_main or (lambda tok: tok.file == main_file)
        self.type_names = type_names
        self.source_lines = source_lines
        # Tells the preprocessor when full tokens are needed (see ScanPolicy).
        self.policy = policy or ScanPolicy()
        # To tell an unterminated declaration from a trailing macro call.
        self.is_macro = is_macro
        self.lenient_end = lenient_end
        self._parser = CParser()

    def scan(self, tokens: Iterable[Token]) -> Iterator[Declaration]:
        # One statement in progress per open brace.
        stack: list[_Statement] = [_Statement()]
        policy = self.policy
        policy.full = False
        it = iter(tokens)
        pushback: Token | None = None
        while True:
            if pushback is not None:
                tok, pushback = pushback, None
            else:
                nxt = next(it, None)
                if nxt is None:
                    break
                tok = nxt
            text = tok.text
            stmt = stack[-1]
            if tok.kind == IDENT:
                if text == "typedef":
                    stmt.has_typedef = True
                    policy.full = stmt.relevant
                elif text == "enum":
                    stmt.has_enum = True
                    stmt.tokens.append(tok)
                    # The whole specifier, body included, stays in this
                    # statement: braces inside it are not statements.
                    policy.full = True
                    pushback = self._collect_enum_specifier(it, stmt, tok)
                    continue
                stmt.tokens.append(tok)
                continue
            if tok.kind != PUNCT:
                if tok.kind == OTHER:
                    raise GenError(f"stray '{text}' in the header (is this file C?)", _loc(tok))
                stmt.tokens.append(tok)
                continue
            if text == ";":
                yield from self._finish(stmt)
                stack[-1] = _Statement(opener=stmt.opener)
                policy.full = False
            elif text == "{":
                if len(stack) == 1 and not stmt.tokens:
                    raise GenError("expected a declaration before '{' (is this file C?)", _loc(tok))
                stmt.function_body = bool(stmt.tokens) and stmt.tokens[-1].text == ")"
                stmt.tokens.append(tok)
                stmt.braced = True
                stack.append(_Statement(opener=tok))
                policy.full = False
            elif text == "}":
                yield from self._finish(stmt)
                if len(stack) == 1:
                    raise GenError("unbalanced '}': no '{' is open here", _loc(tok))
                stack.pop()
                outer = stack[-1]
                if outer.function_body:
                    # A function definition ends with its body, no ';'.
                    yield from self._finish(outer)
                    stack[-1] = _Statement(opener=outer.opener)
                    policy.full = False
                    continue
                # The closing brace belongs to the outer statement
                # (``typedef struct { ... } X;``).
                outer.tokens.append(tok)
                policy.full = outer.relevant
            else:
                stmt.tokens.append(tok)
        policy.full = True
        if len(stack) > 1:
            opener = stack[-1].opener
            raise GenError(
                "unbalanced '{': the file ends before it is closed (truncated file?)",
                _loc(opener) if opener else None,
            )
        self._check_complete(stack[0])
        yield from self._finish(stack[0])

    def _check_complete(self, stmt: _Statement) -> None:
        """A declaration left open at the end of the input means a truncated
        file or text that is not C; a trailing macro call (left unexpanded
        while skimming, or expanding to nothing) is fine."""
        if self.lenient_end() or not stmt.tokens:
            return  # a macro from a missing header may stand there
        first = stmt.tokens[0]
        second = stmt.tokens[1] if len(stmt.tokens) > 1 else None
        # ``NAME(...)`` at the end: a macro call (perhaps one this SDK defines
        # and the shims do not), not a declaration.
        call = first.text.endswith("(") or (first.kind == IDENT and second is not None and second.text == "(")
        if not call and not (first.kind in (IDENT, TEXT) and self.is_macro(first.text.rstrip("( \t"))):
            raise GenError(
                "expected ';' at the end of the declaration starting here (truncated file, or not C?)", _loc(first)
            )

    def _collect_enum_specifier(self, it: Iterator[Token], stmt: _Statement, kw: Token) -> Token | None:
        """Read ``[attrs] [tag] [: type] [{ body }]`` after ``enum``.

        Returns the token that ended a specifier without a body (``;`` in
        ``enum X x;``), which the caller must process next.
        """
        self.policy.enum_keyword = kw  # the preprocessor asks (gen.c.undecided)
        try:
            return self._enum_specifier_tokens(it, stmt, kw)
        finally:
            self.policy.enum_keyword = None

    def _enum_specifier_tokens(self, it: Iterator[Token], stmt: _Statement, kw: Token) -> Token | None:
        depth = 0
        for tok in it:
            t = tok.text
            if depth == 0 and tok.kind == PUNCT and t not in ("{", "(", "[", ":", "::"):
                return tok
            stmt.tokens.append(tok)
            if tok.kind != PUNCT:
                continue
            if t in ("{", "(", "["):
                depth += 1
            elif t in ("}", ")", "]"):
                depth -= 1
                if depth == 0 and t == "}":
                    return None
        raise GenError("unterminated enum declaration (truncated file?)", _loc(kw))

    def _finish(self, stmt: _Statement) -> Iterator[Declaration]:
        if not (stmt.has_enum or stmt.has_typedef):
            return
        toks = _strip_noise(stmt.tokens)
        i = 0
        n = len(toks)
        emitted_enum = False
        while i < n:
            if toks[i].text == "enum" and toks[i].kind == IDENT:
                j, decl = self._enum_at(toks, i)
                if decl is not None:
                    emitted_enum = True
                    yield self._with_typedefs(decl, toks, j) if stmt.has_typedef else decl
                i = j
            else:
                i += 1
        if stmt.has_typedef and not emitted_enum:
            td = _typedef(toks, self.is_main)
            if td is not None:
                yield td

    def _with_typedefs(self, decl: EnumDecl, toks: list[Token], after: int) -> EnumDecl:
        names = _declarators(toks[after:])
        plain = tuple(n for n, kind in names if kind == "plain")
        other = tuple(n for n, kind in names if kind != "plain")
        return EnumDecl(decl.tag, decl.fixed_type, decl.enumerators, plain, other, decl.location, decl.in_main)

    def _enum_at(self, toks: list[Token], i: int) -> tuple[int, EnumDecl | None]:
        """Parse ``enum [tag] [: type] { ... }`` starting at toks[i]."""
        kw = toks[i]
        j = i + 1
        tag: str | None = None
        if j < len(toks) and toks[j].kind == IDENT and toks[j].text not in _QUALIFIERS:
            tag = toks[j].text
            j += 1
        fixed: list[str] | None = None
        if j < len(toks) and toks[j].text == ":":
            fixed = []
            j += 1
            while j < len(toks) and toks[j].text != "{":
                fixed.extend(_MS_INT_WORDS.get(toks[j].text, [toks[j].text]))
                j += 1
        if j >= len(toks) or toks[j].text != "{":
            return j, None
        depth = 0
        start = j
        while j < len(toks):
            t = toks[j].text
            if t == "{":
                depth += 1
            elif t == "}":
                depth -= 1
                if depth == 0:
                    break
            j += 1
        body = toks[start + 1 : j]
        decl = self._parse_body(kw, tag, tuple(fixed) if fixed is not None else None, body)
        return j + 1, decl

    def _parse_body(self, kw: Token, tag: str | None, fixed: tuple[str, ...] | None, body: list[Token]) -> EnumDecl:
        # One token per line: pycparser's coordinates then index ``snippet``.
        snippet: list[Token] = [kw]
        lines = ["enum"]
        if tag:
            snippet.append(kw)
            lines.append("__gen_tag")
        snippet.append(kw)
        lines.append("{")
        typedef_names: set[str] = set()
        for tok in body:
            words = _MS_INT_WORDS.get(tok.text) if tok.kind == IDENT else None
            for w in words or [tok.text]:
                snippet.append(tok)
                lines.append(w)
            if tok.kind == IDENT and not words:
                typedef_names.add(tok.text)
        snippet.append(kw)
        lines.append("};")
        # pycparser must know which identifiers are type names to parse casts;
        # any name it needs is declared (as int) in a prelude that the
        # evaluator ignores: the real type comes from the typedef table.
        prelude = _prelude_for(body, self.type_names)
        text = "".join(f"typedef int {n};\n" for n in prelude) + "\n".join(lines) + "\n"
        offset = len(prelude)
        deep = too_deep(body)
        if deep is not None:
            raise GenError(f"bracket nesting level exceeded maximum of {MAX_BRACKET_DEPTH}", _loc(deep))
        try:
            with parser_stack():
                ast = self._parser.parse(text, "<enum>")
        except RecursionError:
            raise GenError("enum initializer nested too deeply to parse", _loc(kw)) from None
        except Exception as exc:  # pycparser raises ParseError, and others on odd input
            # Said again in gen's words, at the token where the trouble is.
            raise enum_syntax_error(kw, body, _snippet_token(str(exc), snippet, offset)) from None
        enum = _find_enum(ast)
        values = enum.values.enumerators if enum is not None and enum.values is not None else []
        # Written forms first: they need the snippet coordinates.
        exprs = [self._expr_text(e, snippet, e.coord.line - offset - 1) for e in values]
        if enum is not None:
            _relocate(enum, snippet, offset)
        enumerators: list[Enumerator] = []
        for e, expr in zip(values, exprs, strict=True):
            enumerators.append(Enumerator(e.name, e.value, expr, _coord_location(e.coord, kw)))
        return EnumDecl(tag, fixed, tuple(enumerators), (), (), _loc(kw), self.is_main(kw))

    def _expr_text(self, e: c_ast.Enumerator, snippet: list[Token], name_index: int) -> str | None:
        """The initializer of ``e`` as written in the source file."""
        if e.value is None:
            return None
        toks = _initializer_tokens(snippet, name_index)
        return written_text(toks, self.source_lines) if toks else None


def _loc(tok: Token) -> Location:
    return Location(tok.file, tok.line, tok.col)


def _prelude_for(body: list[Token], type_names: Container[str]) -> list[str]:
    """Identifiers pycparser must take as type names: known typedefs, and
    unknown names in cast position ``( NAME ) operand`` (the evaluator then
    reports the unknown type by name instead of a syntax error)."""
    names: list[str] = []
    for k, tok in enumerate(body):
        if tok.kind != IDENT or tok.text in _TYPE_WORDS or tok.text in _QUALIFIERS or tok.text in names:
            continue
        if tok.text in type_names:
            names.append(tok.text)
            continue
        if k == 0 or body[k - 1].text != "(":
            continue
        j = k + 1
        while j < len(body) and body[j].text in ("*", "const", "volatile"):
            j += 1
        nxt = body[j + 1] if j + 1 < len(body) else None
        if (
            j < len(body)
            and body[j].text == ")"
            and nxt is not None
            and (nxt.kind != PUNCT or nxt.text in ("(", "~", "!"))
        ):
            names.append(tok.text)
    return names


def _relocate(root: c_ast.Node, snippet: list[Token], offset: int) -> None:
    """Replace snippet coordinates by the source locations of the tokens."""
    stack = [root]
    while stack:
        node = stack.pop()
        coord = node.coord
        if coord is not None:
            index = coord.line - offset - 1
            if 0 <= index < len(snippet):
                tok = snippet[index]
                node.coord = Coord(tok.file, tok.line, tok.col)
        stack.extend(child for _, child in node.children())


def _coord_location(coord: Coord | None, fallback: Token) -> Location:
    if coord is None:
        return _loc(fallback)
    return Location(coord.file, coord.line, coord.column or 0)


def _find_enum(ast: c_ast.FileAST) -> c_ast.Enum | None:
    for ext in reversed(ast.ext):
        if isinstance(ext, c_ast.Decl) and isinstance(ext.type, c_ast.Enum):
            return ext.type
    return None


def _snippet_token(message: str, snippet: list[Token], offset: int) -> Token | None:
    """The body token a pycparser message (``<enum>:LINE:COL: ...``) names."""
    parts = message.split(":")
    if len(parts) >= 2 and parts[1].isdigit():
        line = int(parts[1]) - offset - 1
        if 0 < line < len(snippet) - 1:  # not the added "enum", "{" and "};" lines
            return snippet[line]
    return None


def _initializer_tokens(snippet: list[Token], name_line: int) -> list[Token]:
    # After the name comes '=', then tokens up to the ',' or '}' at depth 0.
    out: list[Token] = []
    k = name_line + 1
    while k < len(snippet) and snippet[k].text != "=":
        k += 1
    k += 1
    depth = 0
    while k < len(snippet) - 1:
        tok = snippet[k]
        if tok.text in ("(", "["):
            depth += 1
        elif tok.text in (")", "]"):
            depth -= 1
        elif tok.text == "," and depth == 0:
            break
        if not out or out[-1] is not tok:
            out.append(tok)
        k += 1
    return out


def written_text(toks: list[Token], lines_of: Callable[[str], list[str] | None]) -> str:
    """Source text spanned by ``toks`` (macro invocations included),
    whitespace-normalised; falls back to the tokens' spelling."""
    first = toks[0].origin or toks[0]
    last = toks[-1].origin_end or toks[-1]
    lines = lines_of(first.file)
    if lines is not None and first.file == last.file and (first.line, first.col) <= (last.line, last.col):
        start, end = first.line - 1, last.line - 1
        if 0 <= start <= end < len(lines):
            stop = last.col - 1 + len(last.text)
            if start == end:
                piece = lines[start][first.col - 1 : stop]
            else:
                piece = " ".join([lines[start][first.col - 1 :], *lines[start + 1 : end], lines[end][:stop]])
            return " ".join(piece.split())
    return " ".join(t.text for t in toks)


def _strip_noise(toks: list[Token]) -> list[Token]:
    """Drop attributes, declspecs, asm labels and pragmas (with operands)."""
    out: list[Token] = []
    i = 0
    n = len(toks)
    while i < n:
        tok = toks[i]
        if tok.kind == IDENT and tok.text in _SKIP_WITH_ARGS:
            j = i + 1
            if j < n and toks[j].text == "(":
                depth = 0
                while j < n:
                    if toks[j].text == "(":
                        depth += 1
                    elif toks[j].text == ")":
                        depth -= 1
                        if depth == 0:
                            break
                    j += 1
                i = j + 1
                continue
            i += 1
            continue
        if tok.text == "[" and i + 1 < n and toks[i + 1].text == "[":
            # C23 attribute [[...]]
            depth = 0
            j = i
            while j < n:
                if toks[j].text == "[":
                    depth += 1
                elif toks[j].text == "]":
                    depth -= 1
                    if depth == 0:
                        break
                j += 1
            i = j + 1
            continue
        if tok.kind == IDENT and tok.text in ("__extension__", "__unaligned", "__w64", "__ptr64", "__ptr32"):
            i += 1
            continue
        out.append(tok)
        i += 1
    return out


def _declarators(toks: list[Token]) -> list[tuple[str, str]]:
    """Names declared by the declarator list ``toks`` (up to the end)."""
    result: list[tuple[str, str]] = []
    for group in _split_top_commas(toks):
        named = _declarator(group)
        if named is not None:
            result.append(named)
    return result


def _split_top_commas(toks: list[Token]) -> list[list[Token]]:
    groups: list[list[Token]] = [[]]
    depth = 0
    for tok in toks:
        t = tok.text
        if t in ("(", "[", "{"):
            depth += 1
        elif t in (")", "]", "}"):
            depth -= 1
        elif t == "," and depth == 0:
            groups.append([])
            continue
        groups[-1].append(tok)
    return [g for g in groups if g]


def _declarator(group: list[Token]) -> tuple[str, str] | None:
    pointer = False
    name: str | None = None
    kind = "plain"
    for k, tok in enumerate(group):
        t = tok.text
        if t == "*" or t == "^":
            pointer = True
        elif tok.kind == IDENT and t not in _QUALIFIERS and name is None:
            name = t
            rest = group[k + 1 :]
            if rest and rest[0].text == "[":
                kind = "array"
            elif rest and rest[0].text == "(":
                kind = "function"
        elif t == "=":
            break
    if name is None:
        return None
    if pointer:
        kind = "pointer"
    return name, kind


def _typedef(toks: list[Token], is_main: Callable[[Token], bool]) -> TypedefDecl | None:
    """Read ``typedef <specifiers> <declarators>`` (no enum body)."""
    try:
        k = next(i for i, t in enumerate(toks) if t.text == "typedef")
    except StopIteration:
        return None
    kw = toks[k]
    rest = [t for t in toks[k + 1 :] if t.text not in _QUALIFIERS]
    base: list[str] = []
    i = 0
    n = len(rest)
    if i < n and rest[i].text in ("struct", "union", "enum"):
        kind = rest[i].text
        i += 1
        tag = ""
        if i < n and rest[i].kind == IDENT:
            tag = rest[i].text
            i += 1
        if i < n and rest[i].text == "{":
            depth = 0
            while i < n:
                if rest[i].text == "{":
                    depth += 1
                elif rest[i].text == "}":
                    depth -= 1
                    if depth == 0:
                        break
                i += 1
            i += 1
        base = [kind, tag]
    else:
        while (
            i < n
            and rest[i].kind == IDENT
            and (rest[i].text in _TYPE_WORDS or (not base and _is_typedef_name_position(rest, i)))
        ):
            base.extend(_MS_INT_WORDS.get(rest[i].text, [rest[i].text]))
            i += 1
            if base and base[-1] not in _TYPE_WORDS and base[-1] not in ("long",):
                break
    if not base:
        return None
    names = _declarators(rest[i:])
    if not names:
        return None
    return TypedefDecl(tuple(base), tuple(names), _loc(kw), is_main(kw))


def _is_typedef_name_position(rest: list[Token], i: int) -> bool:
    # A lone identifier followed by a declarator start is the base type name.
    nxt = rest[i + 1] if i + 1 < len(rest) else None
    return nxt is not None and (nxt.kind == IDENT or nxt.text in ("*", "(", "^"))


__all__ = [
    "Declaration",
    "DeclarationScanner",
    "EnumDecl",
    "Enumerator",
    "TypedefDecl",
    "written_text",
]
