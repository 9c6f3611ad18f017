"""An operator-precedence parser for ``#if`` expressions and other constant
expressions read from tokens (``#define`` bodies).

It builds the same pycparser ``c_ast`` nodes the C parser builds, so that one
evaluator (:mod:`gen.c.cexpr`) serves both ``#if`` and enumerator values. It
never recurses: operands and pending operators (binary and prefix operators,
casts, ``sizeof``, open parentheses, ``?`` and ``:``) live on two explicit
stacks, so parentheses nested 100,000 deep or a chain of a million operators
cost memory in proportion to their length and no Python stack at all.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from pycparser import c_ast
from pycparser.c_parser import Coord

from gen.c.lexer import CHAR, IDENT, NUMBER, PUNCT, TYPE_WORDS, Token

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
_TYPE_WORDS = TYPE_WORDS | {"const", "volatile", "struct", "union", "enum"}


#: Precedence of the ternary operator's ``:`` (right-associative) and of the
#: comma operator; every binary operator binds tighter than both.
_TERNARY = 0
_COMMA = -1
_PREFIX = ("-", "+", "!", "~")
#: Operators that take a type name or an expression: ``sizeof`` and the
#: spellings of ``_Alignof`` that reach the parser (``alignof`` is a macro
#: of <stdalign.h> before C23; GNU's ``__alignof__`` also takes an expression).
_TYPE_OPERATORS = frozenset({"sizeof", "_Alignof", "__alignof__", "__alignof", "alignof"})


@dataclass
class _Op:
    """A pending operator on the parser's stack.

    kind: "binary" (``text`` is the operator), "prefix" (``text`` is a
    unary operator, "sizeof" or "cast" with its ``typename``), "(" and
    "?" (barriers: what follows is reduced up to them), ":" (a ternary
    waiting for its last operand; ``cond`` and ``iftrue`` are set) or ",".
    """

    kind: str
    token: Token
    prec: int = 0
    text: str = ""
    typename: c_ast.Typename | None = None
    cond: c_ast.Node | None = None
    iftrue: c_ast.Node | None = None


class _Parser:
    def __init__(self, tokens: list[Token], end: Token | None, is_type: Callable[[str], bool] | None = None) -> None:
        self.tokens = tokens
        self.pos = 0
        self.end = end
        # With a type-name predicate the parser also reads casts and sizeof
        # (constant expressions outside #if, such as #define bodies).
        self.is_type = is_type
        self.operands: list[c_ast.Node] = []
        self.ops: list[_Op] = []

    def peek(self) -> Token | None:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def expect(self, text: str) -> Token:
        tok = self.peek()
        if tok is None or tok.text != text:
            raise IfSyntaxError(f"expected '{text}' in #if expression", tok or self.end)
        self.pos += 1
        return tok

    # -- the driver -------------------------------------------------------------
    def parse(self) -> c_ast.Node:
        """Read an expression (comma operators included) up to the first token
        that cannot continue it at the top level; ``self.pos`` stops there."""
        while True:
            self._operand()
            if not self._operators():
                break
        self._reduce_to_barrier()
        if self.ops:
            barrier = self.ops[-1]
            raise IfSyntaxError(f"expected '{')' if barrier.kind == '(' else ':'}' in #if expression", self.end)
        return self.operands.pop()

    def _operand(self) -> None:
        """Read prefix operators and open parentheses, then one primary
        expression; apply the prefix operators that now have their operand."""
        while True:
            tok = self.peek()
            if tok is None:
                raise IfSyntaxError("unexpected end of #if expression", self.end)
            self.pos += 1
            coord = _coord_tok(tok)
            if tok.kind == PUNCT and tok.text in _PREFIX:
                self.ops.append(_Op("prefix", tok, text=tok.text))
                continue
            if self.is_type is not None and tok.kind == IDENT and tok.text in _TYPE_OPERATORS:
                nxt = self.peek()
                if nxt is not None and nxt.text == "(":
                    self.pos += 1
                    if self._type_starts():
                        self.operands.append(c_ast.UnaryOp(tok.text, self._typename(nxt), coord))
                        break
                    self.pos -= 1
                self.ops.append(_Op("prefix", tok, text=tok.text))
                continue
            if tok.text == "(":
                if self.is_type is not None and self._type_starts():
                    self.ops.append(_Op("prefix", tok, text="cast", typename=self._typename(tok)))
                else:
                    self.ops.append(_Op("(", tok))
                continue
            if tok.kind == NUMBER:
                self.operands.append(c_ast.Constant("int", tok.text, coord))
            elif tok.kind == CHAR:
                self.operands.append(c_ast.Constant("char", tok.text, coord))
            elif tok.kind == IDENT:
                self.operands.append(c_ast.ID(tok.text, coord))
            else:
                raise IfSyntaxError(f"unexpected '{tok.text}' in #if expression", tok)
            break
        self._apply_prefixes()

    def _operators(self) -> bool:
        """Read closing parentheses and then one binary operator, ``?``, ``:``
        or ``,``. False at a token that cannot continue the expression at the
        top level (the end, or an extra token the caller reports)."""
        while True:
            tok = self.peek()
            if tok is None:
                return False
            text = tok.text
            if tok.kind == PUNCT and text == ")":
                self._reduce_to_barrier()
                if not self.ops or self.ops[-1].kind != "(":
                    return self._stray(tok)
                self.ops.pop()
                self.pos += 1
                self._apply_prefixes()
                continue
            prec = _BINARY_PRECEDENCE.get(text, 0) if tok.kind == PUNCT else 0
            if prec:
                self._reduce(prec)
                self.ops.append(_Op("binary", tok, prec, text))
            elif tok.kind == PUNCT and text == "?":
                self._reduce(_TERNARY + 1)
                self.ops.append(_Op("?", tok))
            elif tok.kind == PUNCT and text == ":":
                self._reduce_to_barrier()
                if not self.ops or self.ops[-1].kind != "?":
                    return self._stray(tok)
                question = self.ops.pop()
                iftrue = self.operands.pop()
                cond = self.operands.pop()
                self.ops.append(_Op(":", question.token, _TERNARY, cond=cond, iftrue=iftrue))
            elif tok.kind == PUNCT and text == ",":
                self._reduce(_COMMA)
                self.ops.append(_Op(",", tok, _COMMA))
            else:
                return self._stray(tok)
            self.pos += 1
            return True

    def _stray(self, tok: Token) -> bool:
        """A token that cannot continue the expression: inside parentheses or
        a ``?`` it is an error; at the top level the caller decides."""
        for op in reversed(self.ops):
            if op.kind in ("(", "?"):
                raise IfSyntaxError(f"expected '{')' if op.kind == '(' else ':'}' in #if expression", tok)
        return False

    # -- reductions -------------------------------------------------------------
    def _apply_prefixes(self) -> None:
        ops, operands = self.ops, self.operands
        while ops and ops[-1].kind == "prefix":
            op = ops.pop()
            coord = _coord_tok(op.token)
            if op.text == "cast":
                operands.append(c_ast.Cast(op.typename, operands.pop(), coord))
            else:
                operands.append(c_ast.UnaryOp(op.text, operands.pop(), coord))

    def _reduce(self, prec: int) -> None:
        """Reduce the operators that bind at least as tightly as ``prec``
        (left-associative), except a pending ``:`` when ``prec`` is the
        ternary's own (right-associative); stop at a barrier."""
        ops = self.ops
        while ops and ops[-1].kind not in ("(", "?") and ops[-1].prec >= prec:
            if ops[-1].kind == ":" and prec > _TERNARY:
                break
            self._reduce_top()

    def _reduce_to_barrier(self) -> None:
        ops = self.ops
        while ops and ops[-1].kind not in ("(", "?"):
            self._reduce_top()

    def _reduce_top(self) -> None:
        op = self.ops.pop()
        operands = self.operands
        right = operands.pop()
        coord = _coord_tok(op.token)
        if op.kind == "binary":
            operands.append(c_ast.BinaryOp(op.text, operands.pop(), right, coord))
        elif op.kind == ":":
            operands.append(c_ast.TernaryOp(op.cond, op.iftrue, right, coord))
        else:  # ","
            left = operands.pop()
            exprs = [*left.exprs, right] if isinstance(left, c_ast.ExprList) else [left, right]
            operands.append(c_ast.ExprList(exprs, _coord(exprs[0])))

    # -- type names ---------------------------------------------------------------
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
            tag = words[1] if len(words) > 1 else None
            named: c_ast.Node
            if words[0] != "enum":
                named = {"struct": c_ast.Struct, "union": c_ast.Union}[words[0]](tag, None, coord)
            elif "underlying_type" in c_ast.Enum.__slots__:  # pycparser 3.12: Enum(name, values, type, coord)
                named = c_ast.Enum(tag, None, None, coord)
            else:
                named = c_ast.Enum(tag, None, coord)
            decl = c_ast.TypeDecl(None, [], None, named, coord)
        else:
            decl = c_ast.TypeDecl(None, [], None, c_ast.IdentifierType(words, coord), coord)
        for _ in range(pointers):
            decl = c_ast.PtrDecl([], decl, coord)
        return c_ast.Typename(None, [], None, decl, coord)


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
    node = parser.parse()
    extra = parser.peek()
    if extra is not None:
        raise IfSyntaxError(f"unexpected '{extra.text}' in expression", extra)
    return node


def parse_if_expression(tokens: list[Token], end: Token | None = None) -> c_ast.Node:
    """Parse fully macro-expanded ``#if`` tokens (``defined`` already replaced)."""
    parser = _Parser(tokens, end)
    if not tokens:
        raise IfSyntaxError("#if with no expression", end)
    node = parser.parse()
    extra = parser.peek()
    if extra is not None:
        raise IfSyntaxError(f"unexpected '{extra.text}' in #if expression", extra)
    return node
