"""A precedence-climbing parser for ``#if`` expressions.

It builds the same pycparser ``c_ast`` nodes the C parser builds, so that one
evaluator (:mod:`gen.cexpr`) serves both ``#if`` and enumerator values. It is
iterative in the depth of binary operators and bounded in the depth of
parentheses and unary operators, so hostile input cannot exhaust the stack.
"""

from __future__ import annotations

from collections.abc import Callable

from pycparser import c_ast
from pycparser.c_parser import Coord

from gen.lexer import CHAR, IDENT, NUMBER, Token

MAX_DEPTH = 2000

_BINARY_PRECEDENCE = {
    "||": 1,
    "&&": 2,
    "|": 3,
    "^": 4,
    "&": 5,
    "==": 6,
    "!=": 6,
    "<": 7,
    ">": 7,
    "<=": 7,
    ">=": 7,
    "<<": 8,
    ">>": 8,
    "+": 9,
    "-": 9,
    "*": 10,
    "/": 10,
    "%": 10,
}


class IfSyntaxError(Exception):
    def __init__(self, message: str, token: Token | None) -> None:
        super().__init__(message)
        self.token = token


#: Words that start a type name in a cast or ``sizeof(...)``.
_TYPE_WORDS = frozenset(
    [
        "void",
        "char",
        "short",
        "int",
        "long",
        "float",
        "double",
        "signed",
        "unsigned",
        "_Bool",
        "__int8",
        "__int16",
        "__int32",
        "__int64",
        "__int128",
        "const",
        "volatile",
        "struct",
        "union",
        "enum",
    ]
)


class _Parser:
    def __init__(self, tokens: list[Token], end: Token | None, is_type: Callable[[str], bool] | None = None) -> None:
        self.tokens = tokens
        self.pos = 0
        self.end = end
        self.depth = 0
        # With a type-name predicate the parser also reads casts and sizeof
        # (constant expressions outside #if, such as #define bodies).
        self.is_type = is_type

    def peek(self) -> Token | None:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def take(self) -> Token:
        tok = self.peek()
        if tok is None:
            raise IfSyntaxError("unexpected end of #if expression", self.end)
        self.pos += 1
        return tok

    def expect(self, text: str) -> Token:
        tok = self.peek()
        if tok is None or tok.text != text:
            raise IfSyntaxError(f"expected '{text}' in #if expression", tok or self.end)
        self.pos += 1
        return tok

    def comma(self) -> c_ast.Node:
        first = self.conditional()
        exprs = [first]
        while (tok := self.peek()) is not None and tok.text == ",":
            self.pos += 1
            exprs.append(self.conditional())
        return first if len(exprs) == 1 else c_ast.ExprList(exprs, _coord(exprs[0]))

    def conditional(self) -> c_ast.Node:
        cond = self.binary(1)
        tok = self.peek()
        if tok is None or tok.text != "?":
            return cond
        self.pos += 1
        self._enter(tok)
        iftrue = self.comma()
        self.expect(":")
        iffalse = self.conditional()
        self.depth -= 1
        return c_ast.TernaryOp(cond, iftrue, iffalse, _coord_tok(tok))

    def binary(self, min_prec: int) -> c_ast.Node:
        # Operator-precedence climbing with an explicit stack: chains such as
        # a+b+c+... of any length use no recursion.
        operands = [self.unary()]
        operators: list[tuple[str, int, Token]] = []
        while True:
            tok = self.peek()
            prec = _BINARY_PRECEDENCE.get(tok.text, 0) if tok is not None and tok.kind == "punct" else 0
            if prec < min_prec or tok is None:
                break
            while operators and operators[-1][1] >= prec:
                self._reduce(operands, operators)
            operators.append((tok.text, prec, tok))
            self.pos += 1
            operands.append(self.unary())
        while operators:
            self._reduce(operands, operators)
        return operands[0]

    @staticmethod
    def _reduce(operands: list[c_ast.Node], operators: list[tuple[str, int, Token]]) -> None:
        op, _, tok = operators.pop()
        right = operands.pop()
        left = operands.pop()
        operands.append(c_ast.BinaryOp(op, left, right, _coord_tok(tok)))

    def unary(self) -> c_ast.Node:
        tok = self.take()
        if tok.kind == "punct" and tok.text in ("-", "+", "!", "~"):
            self._enter(tok)
            node = c_ast.UnaryOp(tok.text, self.unary(), _coord_tok(tok))
            self.depth -= 1
            return node
        if self.is_type is not None and tok.kind == IDENT and tok.text == "sizeof":
            return self._sizeof(tok)
        if self.is_type is not None and tok.text == "(" and self._type_starts():
            self._enter(tok)
            typename = self._typename(tok)
            node = c_ast.Cast(typename, self.unary(), _coord_tok(tok))
            self.depth -= 1
            return node
        if tok.text == "(":
            self._enter(tok)
            inner = self.comma()
            self.expect(")")
            self.depth -= 1
            return inner
        if tok.kind == NUMBER:
            return c_ast.Constant("int", tok.text, _coord_tok(tok))
        if tok.kind == CHAR:
            return c_ast.Constant("char", tok.text, _coord_tok(tok))
        if tok.kind == IDENT:
            return c_ast.ID(tok.text, _coord_tok(tok))
        raise IfSyntaxError(f"unexpected '{tok.text}' in #if expression", tok)

    def _type_starts(self) -> bool:
        tok = self.peek()
        return (
            tok is not None
            and tok.kind == IDENT
            and (tok.text in _TYPE_WORDS or (self.is_type is not None and self.is_type(tok.text)))
        )

    def _typename(self, start: Token) -> c_ast.Typename:
        """``type-words [*...] )`` after an opening parenthesis."""
        words: list[str] = []
        pointers = 0
        while (tok := self.peek()) is not None and tok.text != ")":
            if tok.text == "*":
                pointers += 1
            elif tok.kind == IDENT:
                if pointers:
                    raise IfSyntaxError("unsupported type name in a cast", tok)
                words.append(tok.text)
            else:
                raise IfSyntaxError(f"unexpected '{tok.text}' in a type name", tok)
            self.pos += 1
        self.expect(")")
        coord = _coord_tok(start)
        decl: c_ast.Node
        if words[:1] in (["struct"], ["union"], ["enum"]):
            kind = {"struct": c_ast.Struct, "union": c_ast.Union, "enum": c_ast.Enum}[words[0]]
            decl = c_ast.TypeDecl(None, [], None, kind(words[1] if len(words) > 1 else None, None, coord), coord)
        else:
            decl = c_ast.TypeDecl(None, [], None, c_ast.IdentifierType(words, coord), coord)
        for _ in range(pointers):
            decl = c_ast.PtrDecl([], decl, coord)
        return c_ast.Typename(None, [], None, decl, coord)

    def _sizeof(self, tok: Token) -> c_ast.Node:
        nxt = self.peek()
        if nxt is not None and nxt.text == "(":
            self.pos += 1
            if self._type_starts():
                return c_ast.UnaryOp("sizeof", self._typename(nxt), _coord_tok(tok))
            self.pos -= 1
        self._enter(tok)
        node = c_ast.UnaryOp("sizeof", self.unary(), _coord_tok(tok))
        self.depth -= 1
        return node

    def _enter(self, tok: Token) -> None:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise IfSyntaxError(f"#if expression nested deeper than {MAX_DEPTH} levels", tok)


def _coord_tok(tok: Token) -> Coord:
    return Coord(tok.file, tok.line, tok.col)


def _coord(node: c_ast.Node) -> Coord | None:
    coord: Coord | None = node.coord
    return coord


def parse_constant_expression(tokens: list[Token], is_type: Callable[[str], bool]) -> c_ast.Node:
    """Parse a C constant expression with casts and sizeof (a #define body)."""
    parser = _Parser(tokens, None, is_type)
    if not tokens:
        raise IfSyntaxError("empty expression", None)
    node = parser.comma()
    extra = parser.peek()
    if extra is not None:
        raise IfSyntaxError(f"unexpected '{extra.text}' in expression", extra)
    return node


def parse_if_expression(tokens: list[Token], end: Token | None = None) -> c_ast.Node:
    """Parse fully macro-expanded ``#if`` tokens (``defined`` already replaced)."""
    parser = _Parser(tokens, end)
    if not tokens:
        raise IfSyntaxError("#if with no expression", end)
    node = parser.comma()
    extra = parser.peek()
    if extra is not None:
        raise IfSyntaxError(f"unexpected '{extra.text}' in #if expression", extra)
    return node
