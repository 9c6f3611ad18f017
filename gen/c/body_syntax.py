"""What is wrong with an enum body pycparser could not parse, in gen's words.

pycparser's messages (``<enum>:4:1: before: 2``, ``Invalid expression``)
name neither what was expected nor, often, where. When it fails, the body
is read again here, enumerator by enumerator: a name, then ``=`` and a
value, then ``,`` or the end. A value is checked with a small state machine
(an operand is expected, or an operator), which finds the first token that
cannot continue it. The message says what was expected at that token, as
gcc and clang do (``expected an expression before ','``).
"""

from __future__ import annotations

from dataclasses import dataclass

from gen.c.lexer import CHAR, IDENT, NUMBER, PUNCT, STRING, TYPE_WORDS, Token
from gen.diagnostics import GenError, Location

#: Operators that can only join two operands.
_BINARY = frozenset(
    ("/", "%", "<<", ">>", "<", ">", "<=", ">=", "==", "!=", "^", "|", "&&", "||", "=", "+=", "-=", "*=", "/=")
)
#: Operators that may also start an operand (unary).
_UNARY_TOO = frozenset(("+", "-", "*", "&"))
_UNARY = frozenset(("!", "~", "++", "--"))
_OPERAND = (IDENT, NUMBER, CHAR, STRING)
_QUALIFIERS = frozenset(("const", "volatile", "signed", "unsigned", "struct", "union", "enum"))


@dataclass(frozen=True)
class _Problem:
    message: str
    token: Token


def _loc(tok: Token) -> Location:
    return Location(tok.file, tok.line, tok.col)


def _shown(tok: Token) -> str:
    return tok.text if len(tok.text) <= 20 else tok.text[:17] + "..."


def _split(body: list[Token]) -> list[tuple[list[Token], Token | None]]:
    """The enumerators of a body: (tokens, the ',' after them or None)."""
    items: list[tuple[list[Token], Token | None]] = []
    current: list[Token] = []
    depth = 0
    for tok in body:
        if tok.kind == PUNCT and tok.text in ("(", "[", "{"):
            depth += 1
        elif tok.kind == PUNCT and tok.text in (")", "]", "}"):
            depth -= 1
        if tok.kind == PUNCT and tok.text == "," and depth == 0:
            items.append((current, tok))
            current = []
        else:
            current.append(tok)
    items.append((current, None))
    return items


def _type_like(tokens: list[Token]) -> bool:
    """``( ... )`` may hold a type name (a cast): identifiers (type words,
    qualifiers, typedef names) and ``*`` only."""
    return bool(tokens) and all(
        (t.kind == IDENT and t.text != "sizeof") or (t.kind == PUNCT and t.text == "*") for t in tokens
    )


def _starts_operand(tok: Token) -> bool:
    return tok.kind in _OPERAND or (tok.kind == PUNCT and (tok.text == "(" or tok.text in _UNARY_TOO | _UNARY))


def _value_problem(name: Token, tokens: list[Token], after: Token | None, eq: Token) -> _Problem | None:
    """The first token that cannot continue the value of ``name``."""
    expect_operand = True
    #: After ``(NAME)``: a cast if an operand follows, else a parenthesis.
    maybe_cast = False
    stack: list[tuple[str, int]] = []  # opener and the index it is at
    previous = eq
    for i, tok in enumerate(tokens):
        text = tok.text
        if maybe_cast:
            expect_operand = _starts_operand(tok)
            maybe_cast = False
        if expect_operand:
            if tok.kind in _OPERAND:
                expect_operand = text in ("sizeof", "_Alignof", "__alignof__")
            elif tok.kind == PUNCT and text == "(":
                stack.append(("(", i))
            elif tok.kind == PUNCT and (text in _UNARY_TOO or text in _UNARY):
                pass
            else:
                return _Problem(f"expected an expression before '{_shown(tok)}'", tok)
        else:
            if tok.kind == PUNCT and (text in _BINARY or text in _UNARY_TOO):
                expect_operand = True
            elif tok.kind == PUNCT and text == "?":
                stack.append(("?", i))
                expect_operand = True
            elif tok.kind == PUNCT and text == ":" and stack and stack[-1][0] == "?":
                stack.pop()
                expect_operand = True
            elif tok.kind == PUNCT and text == ")" and stack and stack[-1][0] in ("(", "call"):
                opener, start = stack.pop()
                maybe_cast = opener == "(" and _type_like(tokens[start + 1 : i])
            elif tok.kind == PUNCT and text == "(" and previous.kind == IDENT:
                stack.append(("call", i))  # a macro left unexpanded: NAME(...)
                expect_operand = True
            elif tok.kind == PUNCT and text == "," and stack and stack[-1][0] == "call":
                expect_operand = True
            elif tok.kind == PUNCT and text in ("++", "--"):
                pass
            else:
                return _Problem(f"expected an operator, ',' or '}}' before '{_shown(tok)}'", tok)
        previous = tok
    if expect_operand and not maybe_cast:
        if after is not None:
            return _Problem(f"expected an expression before '{after.text}'", after)
        return _Problem(f"expected an expression after '{_shown(previous)}' (the value of '{name.text}')", previous)
    for opener, index in reversed(stack):
        if opener == "?":
            return _Problem("expected ':' to complete this '?'", tokens[index])
        return _Problem("expected ')' to close this '('", tokens[index])
    return None


def body_problem(body: list[Token]) -> _Problem | None:
    """The first problem of an enum body, enumerator by enumerator."""
    items = _split(body)
    for index, (tokens, comma) in enumerate(items):
        last = index == len(items) - 1
        if not tokens:
            if comma is not None:
                return _Problem("expected an enumerator name before ','", comma)
            if last and index > 0:
                continue  # a trailing comma
            return None  # an empty body: the caller's message
        name = tokens[0]
        if name.kind != IDENT or name.text in TYPE_WORDS or name.text in _QUALIFIERS:
            return _Problem(f"expected an enumerator name, found '{_shown(name)}'", name)
        if len(tokens) == 1:
            continue
        eq = tokens[1]
        if eq.text != "=":
            return _Problem(f"expected '=', ',' or '}}' after enumerator '{name.text}', found '{_shown(eq)}'", eq)
        problem = _value_problem(name, tokens[2:], comma, eq)
        if problem is not None:
            return problem
    return None


def enum_syntax_error(kw: Token, body: list[Token], at: Token | None) -> GenError:
    """The error for an enum body pycparser rejected (``at``: the token it
    stopped at, if it said): what was expected, at the token where it was."""
    if not body:
        return GenError("an enum needs at least one enumerator (the body is empty)", _loc(kw))
    problem = body_problem(body)
    if problem is not None:
        return GenError(problem.message, _loc(problem.token))
    if at is not None:
        return GenError(f"unexpected '{_shown(at)}' in the enum body", _loc(at))
    return GenError("cannot read this enum body", _loc(kw))
