"""Preprocessing tokens (C11 6.4) of one logical line.

The lexer sees text that :mod:`gen.c.source` has already spliced and stripped
of comments, so a line never continues and never holds a comment.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Final

IDENT: Final = "id"
NUMBER: Final = "num"
CHAR: Final = "chr"
STRING: Final = "str"
PUNCT: Final = "punct"
OTHER: Final = "other"
#: Stands for a stretch of text the preprocessor skimmed over (see ScanPolicy).
TEXT: Final = "text"
#: ``#pragma pack`` as a token of the stream (its text: the arguments, macros
#: expanded), for the declaration scanner: struct layouts depend on it.
PRAGMA_PACK: Final = "pack"
#: Where the main file's implicit include prefix ends (gen.c.implicit_prefix):
#: the declaration scanner says whether the state there can be stored.
PREFIX_END: Final = "prefix-end"

#: Characters C11 allows in identifiers beyond the basic ones (Annex D.1);
#: gcc 12 and clang 18 take them in C17 mode, as UTF-8 or as universal
#: character names (``\\u00E9``).
C11_IDENTIFIER_RANGES: Final = (
    *((0xA8, 0xA8), (0xAA, 0xAA), (0xAD, 0xAD), (0xAF, 0xAF), (0xB2, 0xB5), (0xB7, 0xBA), (0xBC, 0xBE)),
    *((0xC0, 0xD6), (0xD8, 0xF6), (0xF8, 0xFF), (0x100, 0x167F), (0x1681, 0x180D), (0x180F, 0x1FFF)),
    *((0x200B, 0x200D), (0x202A, 0x202E), (0x203F, 0x2040), (0x2054, 0x2054), (0x2060, 0x206F)),
    *((0x2070, 0x218F), (0x2460, 0x24FF), (0x2776, 0x2793), (0x2C00, 0x2DFF), (0x2E80, 0x2FFF)),
    *((0x3004, 0x3007), (0x3021, 0x302F), (0x3031, 0x303F), (0x3040, 0xD7FF)),
    *((0xF900, 0xFD3D), (0xFD40, 0xFDCF), (0xFDF0, 0xFE44), (0xFE47, 0xFFFD)),
    *((plane << 16, (plane << 16) + 0xFFFD) for plane in range(1, 15)),
)
#: Of those, the ones an identifier may not start with (Annex D.2).
C11_NOT_INITIAL: Final = ((0x300, 0x36F), (0x1DC0, 0x1DFF), (0x20D0, 0x20FF), (0xFE20, 0xFE2F))


def _char_class(ranges: tuple[tuple[int, int], ...]) -> str:
    return "".join(f"\\U{a:08x}" if a == b else f"\\U{a:08x}-\\U{b:08x}" for a, b in ranges)


def _without(ranges: tuple[tuple[int, int], ...], holes: tuple[tuple[int, int], ...]) -> tuple[tuple[int, int], ...]:
    out: list[tuple[int, int]] = []
    for a, b in ranges:
        for h0, h1 in holes:
            if a <= h1 and h0 <= b:
                if a < h0:
                    out.append((a, h0 - 1))
                a = h1 + 1
        if a <= b:
            out.append((a, b))
    return tuple(out)


_UCN = r"\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8}"


@dataclass(frozen=True)
class IdentifierParts:
    """Pieces of the identifier pattern, for :class:`TextPattern` templates."""

    #: A character that may continue an identifier.
    cont: str
    #: An identifier as written: basic and C11 characters, universal
    #: character names (checked and replaced by the characters they name:
    #: :func:`canonical`).
    ident: str


def _parts(extra: tuple[tuple[int, int], ...], initial: tuple[tuple[int, int], ...]) -> IdentifierParts:
    cont = f"[A-Za-z0-9_$\\${_char_class(extra)}]"
    start = f"[A-Za-z_$\\${_char_class(initial)}]"
    return IdentifierParts(cont, f"(?:{start}|{_UCN}){cont}*+(?:(?:{_UCN}){cont}*+)*+")


_ASCII_PARTS = _parts((), ())


class TextPattern:
    """A regular expression over C text, built twice from one template: with
    the identifier classes of ASCII only, for text that is ASCII (where the
    two match alike), and with C11's ranges, compiled on first use. The
    Unicode classes take some 7 ms each to compile, once per process, and
    nearly every header is ASCII."""

    def __init__(self, template: Callable[[IdentifierParts], str], flags: int = 0) -> None:
        self._template = template
        self._flags = flags
        self.ascii = re.compile(template(_ASCII_PARTS), flags)
        self._unicode: re.Pattern[str] | None = None

    def __call__(self, text: str) -> re.Pattern[str]:
        """The build to match ``text`` with."""
        if text.isascii():
            return self.ascii
        if self._unicode is None:
            parts = _parts(C11_IDENTIFIER_RANGES, _without(C11_IDENTIFIER_RANGES, C11_NOT_INITIAL))
            self._unicode = re.compile(self._template(parts), self._flags)
        return self._unicode


#: An identifier.
IDENT_RE: Final = TextPattern(lambda p: p.ident)

# Repetitions are possessive (``*+``): Python's regex engine otherwise keeps
# backtracking state for every repetition, hundreds of bytes per character
# of a long number, name or literal (a 2-million-digit number made by ``##``
# took 740 MB to lex).
_TOKEN_RE = TextPattern(
    lambda p: (
        rf"""
    (?P<ws>[ \t\f\v]+)
    |(?P<chr>(?:u8|[uUL])?'(?:[^'\\\n]++|\\.)*+')
    |(?P<str>(?:u8|[uUL])?"(?:[^"\\\n]++|\\.)*+")
    |(?P<open>(?:u8|[uUL])?["'][^\n]*)
    |(?P<id>{p.ident})
    |(?P<num>\.?[0-9](?:{p.cont}|[.'])*+(?:(?:(?<=[eEpP])[+-]|{_UCN})(?:{p.cont}|[.'])*+)*+)
    |(?P<punct>%:%:|\.\.\.|<<=|>>=|->|\+\+|--|<<|>>|<=|>=|==|!=|&&|\|\||[*/%+\-&^|]=|\#\#|<:|:>|<%|%>|%:|[][(){{}}.&*+\-~!/%<>^|?:;=,\#])
    |(?P<other>[^\n])
    """
    ),
    re.X,
)
_UCN_RE = re.compile(_UCN)


def _allowed(code: int, first: bool) -> bool:
    """Whether a universal character name may name ``code`` in an identifier
    (C11 6.4.3p2: none below U+00A0 but ``$``; Annex D for the rest)."""
    if code < 0xA0:
        return code == 0x24
    if first and any(a <= code <= b for a, b in C11_NOT_INITIAL):
        return False
    return any(a <= code <= b for a, b in C11_IDENTIFIER_RANGES)


def canonical(name: str) -> str | None:
    """An identifier with its universal character names replaced by the
    characters they name (``caf\\u00E9`` and ``café`` are one name in C);
    None if one names a character no identifier may hold there."""
    if "\\" not in name:
        return name
    out: list[str] = []
    pos = 0
    for m in _UCN_RE.finditer(name):
        out.append(name[pos : m.start()])
        code = int(m.group()[2:], 16)
        if not _allowed(code, m.start() == 0) or 0xD800 <= code <= 0xDFFF:
            return None
        out.append(chr(code))
        pos = m.end()
    out.append(name[pos:])
    return "".join(out)


def identifiers(text: str) -> set[str]:
    """The identifiers in ``text`` (canonical spellings)."""
    found = set(IDENT_RE(text).findall(text))
    if "\\" in text:
        found = {canonical(n) or n for n in found}
    return found


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
    for m in _TOKEN_RE(text).finditer(text):
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
        elif kind == "id" and "\\" in s:
            named = canonical(s)
            if named is None:
                kind = OTHER  # a universal character name no name may hold
            else:
                s = named
        append(Token(kind or OTHER, s, file, line, m.start() + col0, space))
        space = False
    return tokens


def stray_message(text: str) -> str:
    """The error for an OTHER token: a literal left open, or a stray character."""
    quote = text.lstrip("u8UL")[:1]
    if quote in ("'", '"'):
        return f"missing terminating {quote} character (is this file C?)"
    if "\\u" in text or "\\U" in text:
        return f"'{text}': a universal character name that no identifier may hold"
    if len(text) == 1 and 0xDC80 <= ord(text) <= 0xDCFF:
        return f"invalid UTF-8: byte 0x{ord(text) - 0xDC00:02X} (is this file C, and UTF-8?)"
    return f"stray '{text}' in the header (is this file C?)"


def spell(tokens: list[Token]) -> str:
    """Tokens back to text with single spaces where the source had space."""
    out: list[str] = []
    for i, t in enumerate(tokens):
        if i and t.space:
            out.append(" ")
        out.append(t.text)
    return "".join(out)
