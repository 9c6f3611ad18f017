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

from collections.abc import Sequence

from gen.c.lexer import IDENT, OTHER, PUNCT, STRING, Token
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
_CLOSE = frozenset(_OPEN.values())


def _loc(tok: Token) -> Location:
    return Location(tok.file, tok.line, tok.col)


class _Parser:
    def __init__(self, tokens: Sequence[Token], file: str) -> None:
        self.toks = tokens
        self.pos = 0
        self.file = file

    # -- tokens -------------------------------------------------------------------
    def peek(self, ahead: int = 0) -> Token | None:
        i = self.pos + ahead
        return self.toks[i] if i < len(self.toks) else None

    def next(self, what: str) -> Token:
        tok = self.peek()
        if tok is None:
            last = self.toks[-1] if self.toks else None
            where = _loc(last) if last else Location(self.file, 1, 1)
            raise GenError(f"the file ends where {what} should follow (truncated file?)", where)
        self.pos += 1
        return tok

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
                self.pos += 1
                return out
            if tok.kind == PUNCT and tok.text == ";":
                self.pos += 1
                continue
            stmt = self.statement()
            if stmt is not None:
                out.append(stmt)

    def attributes(self) -> Attributes:
        attrs: list[Attribute] = []
        while self.at("["):
            attrs.extend(parse_attribute_list(self.balanced()))
        return tuple(attrs)

    def statement(self) -> Statement | None:
        attrs = self.attributes()
        tok = self.peek()
        if tok is None:
            raise GenError("attributes at the end of the file, with nothing they apply to", _loc(self.toks[-1]))
        word = tok.text if tok.kind == IDENT else ""
        if tok.kind == OTHER:
            raise GenError(f"stray '{tok.text}' in the IDL", _loc(tok))
        if word == "import":
            return self.import_()
        if word == "cpp_quote":
            return self.cpp_quote()
        if word in ("importlib", "midl_pragma"):
            self.skip_declaration()
            return None
        if word in ("properties", "methods") and (nxt := self.peek(1)) is not None and nxt.text == ":":
            self.pos += 2  # dispinterface sections
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
                raise GenError(f'expected a file name in quotes after import, found \'{tok.text}\'', _loc(tok))
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
            self.pos += 1
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
                self.pos += 1
            name = "".join(parts)
            if not name:
                where = self.peek() or keyword
                raise GenError(f"expected a name after '{kind}'", _loc(where))
        tok = self.peek()
        if tok is not None and tok.text == ";":
            self.pos += 1
            return Block(kind, name, attrs, None, keyword)
        derived = False
        if tok is not None and tok.text == ":":
            derived = True
            while (tok := self.peek()) is not None and tok.text not in ("{", ";"):
                self.pos += 1
            if tok is not None and tok.text == ";":
                self.pos += 1
                return Block(kind, name, attrs, None, keyword, derived)
        if tok is None or tok.text != "{":
            # Not a block after all (a method named like a keyword, say).
            rest = self.declaration_tokens()
            return Block(kind, name, attrs, None, keyword) if not rest else None
        opener = self.next("'{'")
        body = self.statements(opener)
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
                    self.pos += 1
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
            self.pos += 1

    def skip_declaration(self) -> None:
        self.declaration_tokens()


def parse_attribute_list(tokens: Sequence[Token]) -> list[Attribute]:
    """``[a, b(x, y), ...]`` (brackets included) to its attributes."""
    attrs: list[Attribute] = []
    for item in split_commas(tokens[1:-1]):
        if not item:
            continue
        name = item[0]
        args: tuple[tuple[Token, ...], ...] = ()
        if len(item) > 1 and item[1].text == "(" and item[-1].text == ")":
            args = tuple(tuple(a) for a in split_commas(item[2:-1]))
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


def parse(tokens: Sequence[Token], file: str) -> list[Statement]:
    """The statements of one preprocessed .idl file."""
    return _Parser(tokens, file).statements(None)


__all__ = ["parse", "parse_attribute_list", "split_commas", "strip_attributes"]
