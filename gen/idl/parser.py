"""Stage 2 of the IDL front end, parse: the preprocessed tokens of one .idl
file to its statements (:mod:`gen.idl.syntax`).

The parser follows statement boundaries, as the C declaration scanner does:
it knows the IDL keywords that open blocks or change the header (``import``,
``cpp_quote``, ``const``, ``typedef``, ``interface``, ``library``, ...) and
reads any other declaration up to its ``;``. Attribute lists ``[...]`` are
read wherever they may stand; inside a declaration they stay among its tokens
(:func:`strip_attributes` takes them out), so that what follows sees
the declaration as written.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Sequence
from typing import Protocol

from gen.c.lexer import IDENT, OTHER, PRAGMA_PACK, PUNCT, STRING, Token
from gen.diagnostics import GenError, Location
from gen.idl.syntax import (
    Attribute,
    Attributes,
    Block,
    Const,
    CppQuote,
    Declaration,
    Import,
    Statement,
    unescape,
)

#: Keywords that open a named block (or forward-declare one with ``;``).
_BLOCKS = frozenset(
    ("interface", "dispinterface", "coclass", "library", "module", "apicontract", "runtimeclass", "namespace")
)
_OPEN = {"(": ")", "[": "]", "{": "}"}
#: Blocks (interface in library in namespace ...) are read recursively; real
#: IDL nests a handful, this bounds the recursion (as clang bounds brackets).
MAX_BLOCK_DEPTH = 256
_CLOSE = frozenset(_OPEN.values())


def _loc(tok: Token) -> Location:
    return Location(tok.file, tok.line, tok.col)


class TokenSource(Protocol):
    """Where the parser reads tokens: the level-1 macro expander
    (:class:`gen.c.macros.Expander`), or a list in tests."""

    def next_expanded(self) -> Token | None: ...

    def next_raw(self) -> Token | None: ...

    def push(self, tokens: list[Token]) -> None: ...


class ListSource:
    """A :class:`TokenSource` over tokens that need no expansion."""

    def __init__(self, tokens: Sequence[Token]) -> None:
        self.tokens = list(reversed(tokens))

    def next_expanded(self) -> Token | None:
        return self.tokens.pop() if self.tokens else None

    next_raw = next_expanded

    def push(self, tokens: list[Token]) -> None:
        self.tokens.extend(reversed(tokens))


#: Attributes whose arguments decide the header or the outputs: only these
#: are macro-expanded (in ``[id(DISPID_X)]`` and the like expansion is wasted).
_EXPANDED_ATTRIBUTES = frozenset(("helpstring", "contract", "contractversion"))


class _Parser:
    def __init__(self, source: TokenSource, file: str, unsafe: Callable[[str], bool] = lambda _n: False) -> None:
        self.src = source
        self.buf: deque[Token] = deque()
        self.file = file
        self.last: Token | None = None
        # A macro whose expansion could unbalance brackets (it cannot be
        # left unexpanded in an attribute list).
        self.unsafe = unsafe
        self.expand: Callable[[list[Token]], list[Token]] | None = None
        self.depth = 0

    # -- tokens -------------------------------------------------------------------
    def peek(self, ahead: int = 0) -> Token | None:
        while len(self.buf) <= ahead:
            tok = self.src.next_expanded()
            if tok is None:
                return None
            self.buf.append(tok)
        return self.buf[ahead]

    def next(self, what: str) -> Token:
        tok = self.peek()
        if tok is None:
            where = _loc(self.last) if self.last else Location(self.file, 1, 1)
            raise GenError(f"the file ends where {what} should follow (truncated file?)", where)
        self.buf.popleft()
        self.last = tok
        return tok

    def skip(self, count: int = 1) -> None:
        for _ in range(count):
            self.next("a token")

    def at(self, text: str) -> bool:
        tok = self.peek()
        return tok is not None and tok.text == text and tok.kind in (PUNCT, IDENT)

    def expect(self, text: str, what: str) -> Token:
        tok = self.next(f"'{text}'")
        if tok.text != text:
            raise GenError(f"expected '{text}' {what}, found '{tok.text}'", _loc(tok))
        return tok

    def balanced(self) -> list[Token]:
        """The bracketed group starting at the current token, brackets included."""
        opener = self.next("a bracket")
        if opener.text == "[" and not self.buf:
            raw = self.raw_attribute_list(opener)
            if raw is not None:
                return raw
        out = [opener]
        stack = [_OPEN[opener.text]]
        while stack:
            tok = self.next(f"'{stack[-1]}' to close the '{opener.text}' at {_loc(opener)}")
            out.append(tok)
            if tok.kind != PUNCT:
                continue
            if tok.text in _OPEN:
                stack.append(_OPEN[tok.text])
            elif tok.text in _CLOSE:
                if tok.text != stack[-1]:
                    raise GenError(f"'{tok.text}' does not close the '{opener.text}' at {_loc(opener)}", _loc(tok))
                stack.pop()
        return out

    def raw_attribute_list(self, opener: Token) -> list[Token] | None:
        """An attribute list read without macro expansion (which only the
        arguments of a few attributes need: :func:`expand_arguments`); None,
        with the tokens given back, when a macro there could unbalance it."""
        out = [opener]
        depth = 1
        while depth:
            tok = self.src.next_raw()
            if tok is None:
                raise GenError(f"']' to close the '[' at {_loc(opener)} is missing (truncated file?)", _loc(opener))
            out.append(tok)
            if tok.kind == IDENT and self.unsafe(tok.text):
                self.src.push(out[1:])
                return None
            if tok.kind == PUNCT:
                if tok.text in _OPEN:
                    depth += 1
                elif tok.text in _CLOSE:
                    depth -= 1
        self.last = out[-1]
        return out

    # -- statements ----------------------------------------------------------------
    def statements(self, closer: Token | None) -> list[Statement]:
        """Statements up to the ``}`` matching ``closer`` (or the end of the file)."""
        out: list[Statement] = []
        while True:
            tok = self.peek()
            if tok is None:
                if closer is not None:
                    raise GenError("unbalanced '{': the file ends before it is closed (truncated file?)", _loc(closer))
                return out
            if tok.kind == PUNCT and tok.text == "}":
                if closer is None:
                    raise GenError("unbalanced '}': no '{' is open here", _loc(tok))
                self.skip()
                return out
            if tok.kind == PUNCT and tok.text == ";":
                self.skip()
                continue
            stmt = self.statement()
            if stmt is not None:
                out.append(stmt)

    def attributes(self) -> Attributes:
        attrs: list[Attribute] = []
        while self.at("["):
            attrs.extend(parse_attribute_list(self.balanced(), self.expand))
        return tuple(attrs)

    def statement(self) -> Statement | None:
        attrs = self.attributes()
        tok = self.peek()
        if tok is None:
            where = _loc(self.last) if self.last else Location(self.file, 1, 1)
            raise GenError("attributes at the end of the file, with nothing they apply to", where)
        word = tok.text if tok.kind == IDENT else ""
        if tok.kind == PRAGMA_PACK:
            # widl copies ``#pragma`` lines into the header, where
            # ``pack`` sets the layout of the structs after it.
            self.skip()
            return CppQuote(f"#pragma pack({tok.text})", Token(PUNCT, '"', tok.file, tok.line, tok.col))
        if tok.kind == OTHER:
            raise GenError(f"stray '{tok.text}' in the IDL", _loc(tok))
        if word == "import":
            return self.import_()
        if word == "cpp_quote":
            return self.cpp_quote()
        if word == "importlib":
            self.skip_declaration()
            return None
        if word == "midl_pragma":
            # ``midl_pragma warning (disable: 2111)``, with or without a ';'
            self.skip()
            while (tok := self.peek()) is not None and tok.kind == IDENT:
                self.skip()
            if self.at("("):
                self.balanced()
            return None
        if word in ("properties", "methods") and (nxt := self.peek(1)) is not None and nxt.text == ":":
            self.skip(2)  # dispinterface sections
            return None
        if word in _BLOCKS or word == "declare":
            return self.block(attrs)
        if word == "const":
            return self.const_or_declaration(attrs)
        kind = "typedef" if word == "typedef" else "type" if word in ("enum", "struct", "union") else "other"
        return Declaration(kind, attrs, tuple(self.declaration_tokens(keep_end=True)))

    def import_(self) -> Import:
        self.next("import")
        files: list[tuple[str, Token]] = []
        while True:
            tok = self.next("the file to import")
            if tok.kind != STRING:
                raise GenError(f"expected a file name in quotes after import, found '{tok.text}'", _loc(tok))
            files.append((unescape(tok.text[tok.text.index('"') + 1 : -1]), tok))
            sep = self.next("';' after the import")
            if sep.text == ";":
                return Import(tuple(files))
            if sep.text != ",":
                raise GenError(f"expected ';' after the import, found '{sep.text}'", _loc(sep))

    def cpp_quote(self) -> CppQuote:
        keyword = self.next("cpp_quote")
        self.expect("(", "after cpp_quote")
        strings: list[Token] = []
        while (tok := self.peek()) is not None and tok.kind == STRING:
            strings.append(tok)
            self.skip()
        if not strings:
            raise GenError("cpp_quote expects a string in quotes", _loc(keyword))
        self.expect(")", "after the cpp_quote string")
        text = "".join(unescape(s.text[s.text.index('"') + 1 : -1]) for s in strings)
        return CppQuote(text, strings[0])

    def block(self, attrs: Attributes) -> Block | None:
        keyword = self.next("a keyword")
        kind = keyword.text
        name = ""
        if kind != "declare":
            # Dotted names (namespaces, WinRT types) and parameters (IVector<T>).
            parts: list[str] = []
            while (tok := self.peek()) is not None and not (tok.kind == PUNCT and tok.text in ("{", ";", ":")):
                if tok.text == "<":
                    depth = 0
                    while True:
                        t = self.next("'>'")
                        depth += {"<": 1, ">": -1, ">>": -2}.get(t.text, 0)
                        parts.append(t.text)
                        if depth <= 0:
                            break
                    continue
                if tok.kind == PUNCT and tok.text not in (".",):
                    break
                parts.append(tok.text)
                self.skip()
            name = "".join(parts)
            if not name:
                where = self.peek() or keyword
                raise GenError(f"expected a name after '{kind}'", _loc(where))
        tok = self.peek()
        if tok is not None and tok.text == ";":
            self.skip()
            return Block(kind, name, attrs, None, keyword)
        derived = False
        if tok is not None and tok.text == ":":
            derived = True
            while (tok := self.peek()) is not None and tok.text not in ("{", ";"):
                self.skip()
            if tok is not None and tok.text == ";":
                self.skip()
                return Block(kind, name, attrs, None, keyword, derived)
        if tok is None or tok.text != "{":
            # Not a block after all (a method named like a keyword, say).
            rest = self.declaration_tokens()
            return Block(kind, name, attrs, None, keyword) if not rest else None
        opener = self.next("'{'")
        self.depth += 1
        if self.depth > MAX_BLOCK_DEPTH:
            raise GenError(f"blocks nested deeper than {MAX_BLOCK_DEPTH} levels", _loc(opener))
        body = self.statements(opener)
        self.depth -= 1
        return Block(kind, name, attrs, tuple(body), keyword, derived)

    def const_or_declaration(self, attrs: Attributes) -> Statement:
        tokens = self.declaration_tokens()
        eq = next((i for i, t in enumerate(tokens) if t.kind == PUNCT and t.text == "="), None)
        if eq is None or eq < 2 or tokens[eq - 1].kind != IDENT:
            return Declaration("other", attrs, tuple(tokens))
        return Const(attrs, tokens[eq - 1], tuple(tokens[eq + 1 :]))

    def declaration_tokens(self, keep_end: bool = False) -> list[Token]:
        """The tokens up to the ``;`` that ends the declaration (included
        with ``keep_end``)."""
        out: list[Token] = []
        while True:
            tok = self.peek()
            if tok is None:
                if out:
                    raise GenError(
                        "expected ';' at the end of the declaration starting here (truncated file?)", _loc(out[0])
                    )
                return out
            if tok.kind == PUNCT:
                if tok.text == ";":
                    self.skip()
                    if keep_end:
                        out.append(tok)
                    return out
                if tok.text in _OPEN:
                    out.extend(self.balanced())
                    continue
                if tok.text in _CLOSE:
                    if out:
                        raise GenError(f"unbalanced '{tok.text}' in the declaration starting here", _loc(out[0]))
                    raise GenError(f"unbalanced '{tok.text}'", _loc(tok))
            out.append(tok)
            self.skip()

    def skip_declaration(self) -> None:
        self.declaration_tokens()


def parse_attribute_list(
    tokens: Sequence[Token], expand: Callable[[list[Token]], list[Token]] | None = None
) -> list[Attribute]:
    """``[a, b(x, y), ...]`` (brackets included) to its attributes; the
    arguments of those that matter go through ``expand`` (macros)."""
    attrs: list[Attribute] = []
    for item in split_commas(tokens[1:-1]):
        if not item:
            continue
        name = item[0]
        args: tuple[tuple[Token, ...], ...] = ()
        if len(item) > 1 and item[1].text == "(" and item[-1].text == ")":
            inner = item[2:-1]
            if expand is not None and name.text in _EXPANDED_ATTRIBUTES:
                inner = expand(inner)
            args = tuple(tuple(a) for a in split_commas(inner))
        attrs.append(Attribute(name, args))
    return attrs


def split_commas(tokens: Sequence[Token]) -> list[list[Token]]:
    groups: list[list[Token]] = [[]]
    depth = 0
    for tok in tokens:
        if tok.kind == PUNCT:
            if tok.text in _OPEN:
                depth += 1
            elif tok.text in _CLOSE:
                depth -= 1
            elif tok.text == "," and depth == 0:
                groups.append([])
                continue
        groups[-1].append(tok)
    return groups


#: Tokens after which ``[`` opens an attribute list rather than an array size.
_ATTRIBUTE_BEFORE = frozenset(("{", ";", ",", "(", "typedef"))


def strip_attributes(tokens: Sequence[Token]) -> tuple[list[Token], dict[int, Attributes]]:
    """``tokens`` without their attribute lists, and the attributes, keyed by
    the index (in the result) of the token they stand before."""
    out: list[Token] = []
    found: dict[int, Attributes] = {}
    i = 0
    n = len(tokens)
    while i < n:
        tok = tokens[i]
        if tok.text == "[" and tok.kind == PUNCT and (not out or out[-1].text in _ATTRIBUTE_BEFORE):
            j = i
            depth = 0
            while j < n:
                t = tokens[j].text
                if tokens[j].kind == PUNCT:
                    if t in _OPEN:
                        depth += 1
                    elif t in _CLOSE:
                        depth -= 1
                        if depth == 0:
                            break
                j += 1
            found[len(out)] = found.get(len(out), ()) + tuple(parse_attribute_list(tokens[i : j + 1]))
            i = j + 1
            continue
        out.append(tok)
        i += 1
    return out, found


def parse(
    source: TokenSource,
    file: str,
    unsafe: Callable[[str], bool] = lambda _n: False,
    expand: Callable[[list[Token]], list[Token]] | None = None,
) -> list[Statement]:
    """The statements of one .idl file, read from its preprocessor: its
    expanded tokens, but attribute lists as written (see
    :meth:`_Parser.raw_attribute_list`); ``unsafe`` names the macros that
    must be expanded even there, ``expand`` expands the arguments that
    matter."""
    parser = _Parser(source, file, unsafe)
    parser.expand = expand
    return parser.statements(None)


def parse_tokens(tokens: Sequence[Token], file: str) -> list[Statement]:
    """The statements of tokens that need no preprocessing (tests)."""
    return parse(ListSource(tokens), file)


__all__ = [
    "ListSource",
    "TokenSource",
    "parse",
    "parse_attribute_list",
    "parse_tokens",
    "split_commas",
    "strip_attributes",
]
