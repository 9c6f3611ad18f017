"""Preprocessing tokens (C11 6.4) of one logical line.

The lexer sees text that :mod:`gen.c.source` has already spliced and stripped
of comments, so a line never continues and never holds a comment.
"""

from __future__ import annotations

import re
from typing import Final

IDENT: Final = "id"
NUMBER: Final = "num"
CHAR: Final = "chr"
STRING: Final = "str"
PUNCT: Final = "punct"
OTHER: Final = "other"
#: Stands for a stretch of text the preprocessor skimmed over (see ScanPolicy).
TEXT: Final = "text"

_TOKEN_RE = re.compile(
    r"""
    (?P<ws>[ \t\f\v]+)
    |(?P<chr>(?:u8|[uUL])?'(?:[^'\\\n]|\\.)*')
    |(?P<str>(?:u8|[uUL])?"(?:[^"\\\n]|\\.)*")
    |(?P<open>(?:u8|[uUL])?["'][^\n]*)
    |(?P<id>[A-Za-z_$][A-Za-z0-9_$]*)
    |(?P<num>\.?[0-9](?:[eEpP][+-]|[0-9A-Za-z_.']|\\u[0-9A-Fa-f]{4})*)
    |(?P<punct>%:%:|\.\.\.|<<=|>>=|->|\+\+|--|<<|>>|<=|>=|==|!=|&&|\|\||[*/%+\-&^|]=|\#\#|<:|:>|<%|%>|%:|[][(){}.&*+\-~!/%<>^|?:;=,\#])
    |(?P<other>[^\n])
    """,
    re.X,
)

#: Keywords that name (part of) an integer or floating type, MS forms included.
TYPE_WORDS: Final = frozenset(
    (
        *("void", "char", "short", "int", "long", "float", "double", "signed", "unsigned", "_Bool", "_Complex"),
        *("__int8", "__int16", "__int32", "__int64", "__int128", "__int128_t", "__uint128_t"),
    )
)

_DIGRAPHS: Final = {"<:": "[", ":>": "]", "<%": "{", "%>": "}", "%:": "#", "%:%:": "##"}


class Token:
    """One preprocessing token with the place it came from.

    ``hideset`` holds the macro names that must not expand this token again
    (Prosser's algorithm); ``space`` records whitespace before the token,
    which matters for stringizing and for ``#define F(x)`` versus
    ``#define F (x)``.
    """

    __slots__ = ("col", "file", "hideset", "kind", "line", "origin", "origin_end", "space", "text")

    def __init__(
        self,
        kind: str,
        text: str,
        file: str,
        line: int,
        col: int,
        space: bool = False,
        hideset: frozenset[str] = frozenset(),
    ) -> None:
        self.kind = kind
        self.text = text
        self.file = file
        self.line = line
        self.col = col
        self.space = space
        self.hideset = hideset
        #: For tokens produced by macro expansion: the first and last token of
        #: the outermost macro invocation in the source (to recover the text
        #: as written); None for tokens read straight from a file.
        self.origin: Token | None = None
        self.origin_end: Token | None = None

    def copy(self, hideset: frozenset[str] | None = None, space: bool | None = None) -> Token:
        t = Token(
            self.kind,
            self.text,
            self.file,
            self.line,
            self.col,
            self.space if space is None else space,
            self.hideset if hideset is None else hideset,
        )
        t.origin = self.origin
        t.origin_end = self.origin_end
        return t

    def __repr__(self) -> str:
        return f"Token({self.kind}, {self.text!r}, {self.file}:{self.line}:{self.col})"


def tokenize(text: str, file: str, line: int, col0: int = 1, space: bool = False) -> list[Token]:
    """Tokens of ``text`` (one logical line, without its newline).

    ``space`` says whether whitespace precedes the first token (true at the
    start of a text line: a newline separates it from the previous token).
    """
    tokens: list[Token] = []
    append = tokens.append
    for m in _TOKEN_RE.finditer(text):
        kind = m.lastgroup
        if kind == "ws":
            space = True
            continue
        s = m.group()
        if kind == "punct" and s in _DIGRAPHS:
            s = _DIGRAPHS[s]
        elif kind == "open":
            # A literal left open takes the rest of the line, as in gcc (and
            # a line of escaped quotes costs one scan, not one per quote).
            kind = OTHER
        append(Token(kind or OTHER, s, file, line, m.start() + col0, space))
        space = False
    return tokens


def stray_message(text: str) -> str:
    """The error for an OTHER token: a literal left open, or a stray character."""
    quote = text.lstrip("u8UL")[:1]
    if quote in ("'", '"'):
        return f"missing terminating {quote} character (is this file C?)"
    return f"stray '{text}' in the header (is this file C?)"


def spell(tokens: list[Token]) -> str:
    """Tokens back to text with single spaces where the source had space."""
    out: list[str] = []
    for i, t in enumerate(tokens):
        if i and t.space:
            out.append(" ")
        out.append(t.text)
    return "".join(out)
