"""Stage 3, parse: find enum and typedef declarations in the expanded tokens.

The scanner does not parse all of C. It follows statement boundaries
(``;``, ``{``, ``}``) at every nesting level, and when a declaration holds
``enum ... {`` or starts with ``typedef``, it collects that declaration's
tokens. Each enum body is then parsed by pycparser; typedefs are read by a
small declarator reader, enough to know the integer type a name stands for.
"""

from __future__ import annotations

from collections.abc import Callable, Container, Iterable, Iterator
from dataclasses import dataclass, field, replace

from pycparser import c_ast
from pycparser.c_parser import Coord, CParser

from gen.c.body_syntax import enum_syntax_error
from gen.c.cexpr import MAX_BRACKET_DEPTH, parser_stack, too_deep
from gen.c.ctype import ANONYMOUS_SERIAL
from gen.c.lexer import IDENT, NUMBER, OTHER, PRAGMA_PACK, PREFIX_END, PUNCT, TEXT, TYPE_WORDS, Token, stray_message
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
#: Words that begin a declaration and cannot follow an enum body in the same one.
_STARTS_A_DECLARATION = TYPE_WORDS | {"enum", "struct", "union", "typedef"}


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
    #: Declared inside a function body (block scope: its names may repeat
    #: those of other blocks and of the file).
    block_scope: bool = False


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
    #: The tokens of each array declarator, by name (``NAME[16]``: its size).
    arrays: tuple[tuple[str, tuple[Token, ...]], ...] = ()
    #: Its attribute groups (``aligned``, ``vector_size``: they change the type).
    attributes: tuple[Token, ...] = ()


@dataclass(frozen=True)
class RecordDecl:
    """A ``struct`` or ``union`` definition, kept as tokens: its layout is
    computed (by :mod:`gen.c.records`) only if a ``sizeof`` asks for it."""

    kind: str
    #: The tag, or the key of an anonymous record (see :func:`record_key`).
    tag: str
    #: Tokens between the keyword and ``{``, and after ``}`` up to the
    #: end of the declaration (where its attributes stand).
    head: tuple[Token, ...]
    tail: tuple[Token, ...]
    #: The member declarations (macros expanded), without the braces.
    body: tuple[Token, ...]
    #: ``#pragma pack`` in force at the definition (bytes), or None.
    pack: int | None
    location: Location
    keyword: Token


Declaration = EnumDecl | TypedefDecl | RecordDecl


def record_key(keyword: Token) -> str:
    """The tag that stands for an anonymous struct or union: where its
    keyword is, and which token it is (one macro expansion may define
    several at one place); the scanner and every reader of its body see the
    same token object (the RecordDecl keeps it alive)."""
    return f"(anonymous at {keyword.file}:{keyword.line}:{keyword.col}){ANONYMOUS_SERIAL}{id(keyword)}"


@dataclass
class _OpenRecord:
    keyword: Token
    tag: str
    head: list[Token]
    #: Index in the scanner's token log where the body starts.
    start: int
    pack: int | None


def _pack_number(text: str) -> int | None:
    try:
        return int(text.rstrip("uUlL"), 0)
    except ValueError:
        return None


def _skip_group(toks: list[Token], i: int) -> int | None:
    """The index after the parenthesised group at ``toks[i]`` (None if
    there is none or it is not closed)."""
    if i >= len(toks) or toks[i].text != "(":
        return None
    depth = 0
    for j in range(i, len(toks)):
        if toks[j].text == "(":
            depth += 1
        elif toks[j].text == ")":
            depth -= 1
            if depth == 0:
                return j + 1
    return None


def _attribute_groups(toks: list[Token]) -> tuple[Token, ...]:
    """Every attribute group of ``toks``."""
    out: list[Token] = []
    for i, tok in enumerate(toks):
        if tok.kind == IDENT and tok.text in _SKIP_WITH_ARGS:
            end = _skip_group(toks, i + 1)
            if end is not None:
                out.extend(toks[i:end])
    return tuple(out)


def _attribute_run(toks: list[Token], i: int) -> list[Token]:
    """The attribute groups (``__attribute__((...))``, ``__declspec(...)``)
    that start at ``toks[i]``."""
    start = i
    while i < len(toks) and toks[i].kind == IDENT and toks[i].text in _SKIP_WITH_ARGS:
        end = _skip_group(toks, i + 1)
        if end is None:
            break
        i = end
    return toks[start:i]


#: Token kinds that mark a point of the stream rather than stand in C.
_MARKS = frozenset((PRAGMA_PACK, PREFIX_END))


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
    #: Whether a function body encloses this statement (block scope).
    in_function: bool = False
    #: The struct or union whose body this brace level is.
    record: _OpenRecord | None = None
    #: Records closed in this statement, each with the index of its ``}``
    #: in ``tokens`` (they are declared when the statement ends, with the
    #: attributes that follow the brace).
    closed: list[tuple[_OpenRecord, tuple[Token, ...], int]] = field(default_factory=list)
    #: Index of the last ``struct``/``union`` keyword in ``tokens``.
    record_at: int = -1

    @property
    def relevant(self) -> bool:
        """Whether this statement's tokens matter: an enum or a typedef
        (the types casts and sizeof can name)."""
        return self.has_enum or self.has_typedef


class DeclarationScanner:
    """Turns a token stream into the enum and typedef declarations it holds.

    ``type_names`` holds the typedef names known so far (pycparser must know
    them to parse casts); ``source_lines`` gives a file's lines by name, to
    recover initializers as written.

    ``record_bodies`` false skims struct and union bodies as other text is
    skimmed: their records are declared with empty bodies, for a run that
    will lay none out (one that needs a layout is read again with them; see
    :class:`gen.c.records.RecordBodiesSkimmed`). COM headers are mostly
    vtable structs, so this halves their time.
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
        record_bodies: bool = True,
        on_prefix_end: Callable[[], None] | None = None,
    ) -> None:
        self.record_bodies = record_bodies
        #: Called at the end of the main file's implicit include prefix (a
        #: PREFIX_END token) when the scanner stands between declarations
        #: there: nothing is open, every declaration before it is yielded.
        self.on_prefix_end = on_prefix_end
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
        #: ``#pragma pack``: the value in force (None: the default) and the pushed ones.
        self.pack: int | None = None
        self._pack_stack: list[tuple[str | None, int | None]] = []

    def continue_packing(self, other: DeclarationScanner) -> None:
        """Start with ``other``'s ``#pragma pack`` state: this scan goes on
        where that one ended (a tree pass's header after its forced includes)."""
        self.pack = other.pack
        self._pack_stack = list(other._pack_stack)

    def scan(self, tokens: Iterable[Token]) -> Iterator[Declaration]:
        # One statement in progress per open brace.
        stack: list[_Statement] = [_Statement()]
        policy = self.policy
        policy.full = False
        policy.closing = False
        it = iter(tokens)
        pushback: Token | None = None
        # Every token inside struct and union bodies (they need them all: a
        # body's layout is read from them), and how many bodies are open.
        log: list[Token] = []
        records = 0
        # Whether a record's tokens are kept (then in full).
        bodies = self.record_bodies
        # How many open braces belong to a typedef (whose names follow a '}').
        typedefs = 0
        while True:
            if pushback is not None:
                tok, pushback = pushback, None
            else:
                nxt = next(it, None)
                if nxt is None:
                    break
                tok = nxt
                if tok.kind in _MARKS:
                    if tok.kind == PRAGMA_PACK:
                        self._pragma_pack(tok)
                    elif self.on_prefix_end is not None and self._between_declarations(stack, records + typedefs):
                        self.on_prefix_end()
                    continue
                if records and bodies:
                    log.append(tok)
            text = tok.text
            stmt = stack[-1]
            if tok.kind == IDENT:
                if text == "typedef":
                    stmt.has_typedef = True
                    policy.full = stmt.relevant or (records > 0 and bodies)
                elif text == "enum":
                    stmt.has_enum = True
                    stmt.tokens.append(tok)
                    # The whole specifier, body included, stays in this
                    # statement: braces inside it are not statements.
                    policy.full = True
                    before = len(stmt.tokens)
                    pushback = self._collect_enum_specifier(it, stmt, tok)
                    if records and bodies:
                        log.extend(stmt.tokens[before:])
                    continue
                elif text in ("struct", "union"):
                    stmt.record_at = len(stmt.tokens)
                    # Macros in the tag (``struct WS(in_addr)``) must expand.
                    policy.full = True
                stmt.tokens.append(tok)
                continue
            if tok.kind != PUNCT:
                if tok.kind == OTHER:
                    raise GenError(stray_message(text), _loc(tok))
                stmt.tokens.append(tok)
                continue
            if text == ";":
                yield from self._finish(stmt)
                stack[-1] = _Statement(opener=stmt.opener, in_function=stmt.in_function, record=stmt.record)
                policy.full = records > 0 and bodies
            elif text == "{":
                if len(stack) == 1 and not stmt.tokens:
                    raise GenError("expected a declaration before '{' (is this file C?)", _loc(tok))
                record = self._record_head(stmt, len(log))
                # ``f(...) {`` opens a function body; ``struct __attribute__((...)) {`` does not.
                stmt.function_body = record is None and bool(stmt.tokens) and stmt.tokens[-1].text == ")"
                stmt.tokens.append(tok)
                stmt.braced = True
                stack.append(_Statement(opener=tok, in_function=stmt.in_function or stmt.function_body, record=record))
                if record is not None:
                    records += 1
                policy.full = records > 0 and bodies
                typedefs += stmt.has_typedef
                policy.closing = typedefs > 0
            elif text == "}":
                yield from self._finish(stmt)
                if len(stack) == 1:
                    raise GenError("unbalanced '}': no '{' is open here", _loc(tok))
                closed = stack.pop().record
                outer = stack[-1]
                if closed is not None:
                    records -= 1
                    outer.closed.append((closed, tuple(log[closed.start : len(log) - 1]), len(outer.tokens)))
                    if not records:
                        log.clear()
                typedefs -= outer.has_typedef
                policy.closing = typedefs > 0
                if outer.function_body:
                    # A function definition ends with its body, no ';'.
                    yield from self._finish(outer)
                    stack[-1] = _Statement(opener=outer.opener, in_function=outer.in_function, record=outer.record)
                    policy.full = records > 0 and bodies
                    continue
                # The closing brace belongs to the outer statement
                # (``typedef struct { ... } X;``), whose names follow.
                outer.tokens.append(tok)
                policy.full = outer.relevant or (records > 0 and bodies)
            else:
                stmt.tokens.append(tok)
        policy.full = True
        policy.closing = False
        if len(stack) > 1:
            opener = stack[-1].opener
            raise GenError(
                "unbalanced '{': the file ends before it is closed (truncated file?)",
                _loc(opener) if opener else None,
            )
        self._check_complete(stack[0])
        yield from self._finish(stack[0])

    def _between_declarations(self, stack: list[_Statement], open_bodies: int) -> bool:
        """Whether nothing is open: no brace, no statement, no pushed pack."""
        return (
            len(stack) == 1
            and not open_bodies
            and stack[0] == _Statement()
            and self.pack is None
            and not self._pack_stack
        )

    def _record_head(self, stmt: _Statement, start: int) -> _OpenRecord | None:
        """The struct or union whose body the ``{`` after ``stmt`` opens:
        the statement's last tokens must be ``struct [attributes] [tag]
        [attributes]`` (else the brace opens something else, such as a
        function body)."""
        at = stmt.record_at
        if at < 0:
            return None
        toks = stmt.tokens
        keyword = toks[at]
        tag: Token | None = None
        i = at + 1
        while i < len(toks):
            tok = toks[i]
            if tok.kind == IDENT and tok.text in _SKIP_WITH_ARGS:
                end = _skip_group(toks, i + 1)
                if end is None:
                    return None
                i = end
            elif tok.kind == IDENT and tag is None:
                tag = tok
                i += 1
            else:
                return None
        if tag is not None and tag.text in _SKIP_WITH_ARGS:
            return None
        key = tag.text if tag is not None else record_key(keyword)
        return _OpenRecord(keyword, key, toks[at + 1 :], start, self.pack)

    def _pragma_pack(self, tok: Token) -> None:
        """Follow ``#pragma pack``: ``(n)``, ``()``, ``(push[, label][, n])``,
        ``(pop[, label | n])``, as clang does (values other than powers of
        two up to 16 are ignored, as clang ignores them with a warning)."""
        args = [a for a in tok.text.split(",") if a]
        value: int | None = None
        label: str | None = None
        for arg in args[1:] if args[:1] in (["push"], ["pop"]) else args:
            number = _pack_number(arg)
            if number is None and arg != "show":
                label = arg
            value = number if number is not None else value
        if value is not None and value not in (1, 2, 4, 8, 16):
            return
        if args[:1] == ["push"]:
            self._pack_stack.append((label, self.pack))
            if value is not None:
                self.pack = value
        elif args[:1] == ["pop"]:
            if label is not None:
                labels = [entry[0] for entry in self._pack_stack]
                if label in labels:
                    index = len(labels) - 1 - labels[::-1].index(label)
                    self.pack = self._pack_stack[index][1]
                    del self._pack_stack[index:]
            elif self._pack_stack:
                self.pack = self._pack_stack.pop()[1]
            if value is not None:
                self.pack = value
        elif args == ["show"]:
            return
        else:
            self.pack = value

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
                f"expected ';' at end of input (after the declaration that starts at {_loc(first)})",
                self._end_of(stmt.tokens[-1]),
            )

    def _end_of(self, last: Token) -> Location:
        """Where a compiler expects the ';' missing at the end of the input:
        right after the last token of ``last``'s file (skimmed text does not
        keep its tokens, so the file's last line of C says where that is)."""
        origin = last.origin_end or last
        lines = self.source_lines(origin.file)
        if lines is not None:
            for index in range(len(lines) - 1, -1, -1):
                text = lines[index].rstrip()
                if text and not text.lstrip().startswith("#"):
                    return Location(origin.file, index + 1, len(text) + 1)
        return Location(origin.file, origin.line, origin.col + len(origin.text))

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
            if tok.kind == PREFIX_END:
                continue  # an include prefix ends inside the enum: no token
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
        if stmt.closed and not stmt.in_function:
            for record, body, brace in stmt.closed:
                kw = record.keyword
                tail = tuple(_attribute_run(stmt.tokens, brace + 1))
                yield RecordDecl(kw.text, record.tag, tuple(record.head), tail, body, record.pack, _loc(kw), kw)
        if not (stmt.has_enum or stmt.has_typedef):
            return
        toks = _strip_noise(stmt.tokens)
        i = 0
        n = len(toks)
        emitted_enum = False
        block_scope = stmt.in_function
        while i < n:
            if toks[i].text == "enum" and toks[i].kind == IDENT:
                if i and toks[i - 1].text == "}" and toks[i - 1].kind == PUNCT:
                    # ``struct S { ... }`` then an enum: the ';' is missing.
                    raise GenError("expected ';' after the struct or union declaration, before 'enum'", _loc(toks[i]))
                j, decl = self._enum_at(toks, i)
                if decl is not None:
                    emitted_enum = True
                    if j < n and toks[j].kind == IDENT and toks[j].text in _STARTS_A_DECLARATION:
                        # ``enum E { A }`` then a new declaration: the ';' is missing.
                        raise GenError(
                            f"expected ';' after the enum declaration, before '{toks[j].text}'", _loc(toks[j])
                        )
                    if stmt.has_typedef:
                        decl = self._with_typedefs(decl, toks, j)
                    yield replace(decl, block_scope=True) if block_scope else decl
                i = j
            else:
                i += 1
        if stmt.has_typedef and not emitted_enum:
            td = _typedef(toks, self.is_main)
            if td is not None:
                yield replace(td, attributes=_attribute_groups(stmt.tokens))

    def _with_typedefs(self, decl: EnumDecl, toks: list[Token], after: int) -> EnumDecl:
        names = _declarators(toks[after:])
        plain = tuple(n for n, kind in names if kind == "plain")
        other = tuple(n for n, kind in names if kind != "plain")
        return replace(decl, typedefs=plain, other_typedefs=other)

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
        # pycparser reads ASCII names only: others go by placeholders.
        aliases: dict[str, str] = {}
        long_numbers = False
        for tok in body:
            words = _MS_INT_WORDS.get(tok.text) if tok.kind == IDENT else None
            if tok.kind == IDENT and not tok.text.isascii():
                words = [aliases.setdefault(tok.text, f"__gen_name{len(aliases)}")]
            elif tok.kind == NUMBER and len(tok.text) > _LONG_NUMBER:
                # pycparser's lexer takes kilobytes per character of a number:
                # it reads a short stand-in, the real text is put back after.
                words = ["1.0" if _floating(tok.text) else "1"]
                long_numbers = True
            for w in words or [tok.text]:
                snippet.append(tok)
                lines.append(w)
        snippet.append(kw)
        lines.append("};")
        # pycparser must know which identifiers are type names to parse casts;
        # any name it needs is declared (as int) in a prelude that the
        # evaluator ignores: the real type comes from the typedef table.
        prelude = [aliases.get(n, n) for n in _prelude_for(body, self.type_names)]
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
        if long_numbers:
            _restore_numbers(ast, snippet, offset)
        enum = _find_enum(ast)
        if enum is not None and aliases:
            _restore_names(enum, {alias: name for name, alias in aliases.items()})
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
    depth = 0
    for k, tok in enumerate(body):
        if tok.text in ("(", "["):
            depth += 1
        elif tok.text in (")", "]"):
            depth -= 1
        if tok.kind != IDENT or tok.text in _TYPE_WORDS or tok.text in _QUALIFIERS or tok.text in names:
            continue
        if depth == 0 and (k == 0 or body[k - 1].text == ","):
            continue  # an enumerator's own name (a typedef name there is a redefinition)
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


#: Numbers longer than this reach pycparser as a stand-in (see _parse_body).
_LONG_NUMBER = 64


def _floating(text: str) -> bool:
    low = text.lower()
    return "p" in low if low.startswith("0x") else "." in low or "e" in low


def _restore_numbers(root: c_ast.Node, snippet: list[Token], offset: int) -> None:
    """Put long numbers back where their stand-ins stood (one token per
    snippet line: a constant's line names its token)."""
    stack = [root]
    while stack:
        node = stack.pop()
        if isinstance(node, c_ast.Constant) and node.coord is not None:
            index = node.coord.line - offset - 1
            if 0 <= index < len(snippet) and snippet[index].kind == NUMBER:
                node.value = snippet[index].text
        stack.extend(child for _, child in node.children())


def _restore_names(root: c_ast.Node, names: dict[str, str]) -> None:
    """Put the real names back where placeholders stood (see _parse_body)."""
    stack = [root]
    while stack:
        node = stack.pop()
        for attr in ("name", "declname"):
            value = getattr(node, attr, None)
            if isinstance(value, str) and value in names:
                setattr(node, attr, names[value])
        if isinstance(node, c_ast.IdentifierType):
            node.names = [names.get(n, n) for n in node.names]
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
    for group in split_top_level(toks):
        named = _declarator(group)
        if named is not None:
            result.append(named)
    return result


def split_top_level(toks: list[Token], separator: str = ",") -> list[list[Token]]:
    """``toks`` cut at each ``separator`` outside brackets (empty parts dropped)."""
    parts: list[list[Token]] = [[]]
    depth = 0
    for tok in toks:
        text = tok.text
        if text in ("(", "[", "{"):
            depth += 1
        elif text in (")", "]", "}"):
            depth -= 1
        elif text == separator and depth == 0:
            parts.append([])
            continue
        parts[-1].append(tok)
    return [p for p in parts if p]


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
        keyword = rest[i]
        i += 1
        tag = ""
        if i < n and rest[i].kind == IDENT:
            tag = rest[i].text
            i += 1
        if i < n and rest[i].text == "{":
            if not tag and kind != "enum":
                tag = record_key(keyword)
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
    arrays = []
    for group in split_top_level(rest[i:]):
        named = _declarator(group)
        if named is not None and named[1] == "array":
            arrays.append((named[0], tuple(group)))
    return TypedefDecl(tuple(base), tuple(names), _loc(kw), is_main(kw), tuple(arrays))


def _is_typedef_name_position(rest: list[Token], i: int) -> bool:
    # A lone identifier followed by a declarator start is the base type name.
    nxt = rest[i + 1] if i + 1 < len(rest) else None
    return nxt is not None and (nxt.kind == IDENT or nxt.text in ("*", "(", "^"))


__all__ = [
    "Declaration",
    "DeclarationScanner",
    "EnumDecl",
    "Enumerator",
    "RecordDecl",
    "TypedefDecl",
    "written_text",
]
