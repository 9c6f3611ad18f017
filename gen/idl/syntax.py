"""What the IDL parser finds: statements with their attributes and tokens.

Only what decides the header MIDL or widl would write is kept: imports,
``cpp_quote`` text, ``const`` declarations, type declarations (as their
tokens, for the C front end), the blocks that nest them, and the attributes
that change the header (``[contract]``, ``[contractversion]``) or the
outputs (``[helpstring]``). Everything else is a plain declaration.
"""

from __future__ import annotations

from dataclasses import dataclass

from gen.c.lexer import STRING, Token
from gen.diagnostics import Location


@dataclass(frozen=True)
class Attribute:
    """One entry of an attribute list: ``uuid(...)``, ``helpstring("...")``."""

    name: Token
    #: The arguments, split at top-level commas.
    args: tuple[tuple[Token, ...], ...] = ()

    @property
    def string(self) -> str | None:
        """The value of a single string argument (``helpstring("...")``)."""
        if len(self.args) == 1 and self.args[0] and all(t.kind == STRING for t in self.args[0]):
            return "".join(unescape(t.text[t.text.index('"') + 1 : -1]) for t in self.args[0])
        return None


Attributes = tuple[Attribute, ...]


def find(attrs: Attributes, name: str) -> Attribute | None:
    for attr in attrs:
        if attr.name.text == name:
            return attr
    return None


def unescape(text: str) -> str:
    """The text of an IDL string as widl reads it: ``\\\\`` and ``\\"`` lose
    their backslash, every other escape is kept as written (so ``\\n`` stays
    two characters: cpp_quote text goes into the header as C source)."""
    if "\\" not in text:
        return text
    out: list[str] = []
    i = 0
    while i < len(text):
        c = text[i]
        if c == "\\" and i + 1 < len(text):
            nxt = text[i + 1]
            out.append(nxt if nxt in '\\"' else c + nxt)
            i += 2
            continue
        out.append(c)
        i += 1
    return "".join(out)


@dataclass(frozen=True)
class Import:
    """``import "a.idl", "b.h";``: each file and the string naming it."""

    files: tuple[tuple[str, Token], ...]


@dataclass(frozen=True)
class CppQuote:
    """``cpp_quote("...")``: the C text (unescaped) and the string token."""

    text: str
    string: Token

    @property
    def location(self) -> Location:
        """Where the text starts: just after the opening quote."""
        return Location(self.string.file, self.string.line, self.string.col + self.string.text.index('"') + 1)


@dataclass(frozen=True)
class Const:
    """``const TYPE NAME = VALUE;``, which the header makes ``#define NAME (VALUE)``."""

    attrs: Attributes
    name: Token
    value: tuple[Token, ...]


@dataclass(frozen=True)
class Declaration:
    """A declaration up to its ``;``: ``typedef``s, ``enum``/``struct``/``union``
    definitions ("type"), and everything else ("other": methods, prototypes)."""

    kind: str
    attrs: Attributes
    #: The tokens as written, attribute lists included, and the ``;``.
    tokens: tuple[Token, ...]


@dataclass(frozen=True)
class Block:
    """``interface``, ``dispinterface``, ``coclass``, ``library``, ``module``,
    ``namespace``, ``apicontract``, ``runtimeclass`` or ``declare``, with the
    statements inside (None for a forward declaration, ``interface X;``)."""

    kind: str
    name: str
    attrs: Attributes
    body: tuple[Statement, ...] | None
    keyword: Token
    #: Whether it names a base (``interface X : IUnknown``).
    derived: bool = False


Statement = Import | CppQuote | Const | Declaration | Block
