"""Character constants and string literals: their code units, as clang reads
them (C11 6.4.4.4, 6.4.5).

A literal's body is read into elements: a numeric or simple escape (one code
unit of that value), a character written in the source or as a universal
character name (encoded in the literal's encoding: UTF-8 for plain and
``u8`` literals, UTF-16 for ``u`` and 16-bit ``L``, UTF-32 for ``U`` and
32-bit ``L``), or a byte of the file that is not UTF-8 (kept as that byte:
:mod:`gen.c.source` decodes such bytes as lone surrogates U+DC80-U+DCFF).
The errors are clang's: a character that needs more than one unit in a
character constant, an escape too large for the unit, several characters in
a prefixed constant.
"""

from __future__ import annotations

from dataclasses import dataclass

_SIMPLE_ESCAPES = {
    "n": 10,
    "t": 9,
    "r": 13,
    "a": 7,
    "b": 8,
    "f": 12,
    "v": 11,
    "e": 27,
    "E": 27,
    "\\": 92,
    "'": 39,
    '"': 34,
    "?": 63,
}
_HEX = "0123456789abcdefABCDEF"
#: Characters a universal character name may name below U+00A0 (C11 6.4.3p2).
_UCN_BASIC_ALLOWED = (0x24, 0x40, 0x60)


class LiteralError(ValueError):
    """The literal is ill-formed (clang rejects it)."""


@dataclass(frozen=True)
class Element:
    value: int
    #: "hex", "octal" or "simple" (an escape: one unit), "char" (a character:
    #: encoded), "byte" (a byte that is not UTF-8: one 8-bit unit).
    kind: str


def elements(body: str) -> list[Element]:
    """The elements of a literal's body (between the quotes)."""
    out: list[Element] = []
    i = 0
    n = len(body)
    while i < n:
        c = body[i]
        if c != "\\":
            code = ord(c)
            out.append(Element(code - 0xDC00, "byte") if 0xDC80 <= code <= 0xDCFF else Element(code, "char"))
            i += 1
            continue
        i += 1
        if i >= n:
            raise LiteralError("incomplete escape sequence")
        c = body[i]
        if c in _SIMPLE_ESCAPES:
            out.append(Element(_SIMPLE_ESCAPES[c], "simple"))
            i += 1
        elif c == "x":
            j = i + 1
            while j < n and body[j] in _HEX:
                j += 1
            if j == i + 1:
                raise LiteralError("\\x used with no following hex digits")
            digits = body[i + 1 : j].lstrip("0")
            # Past 32 bits no unit holds it (and the digits may be many).
            out.append(Element(int(digits, 16) if len(digits) <= 8 else 1 << 32, "hex"))
            i = j
        elif c in "01234567":
            j = i
            while j < n and j < i + 3 and body[j] in "01234567":
                j += 1
            out.append(Element(int(body[i:j], 8), "octal"))
            i = j
        elif c in "uU":
            width = 4 if c == "u" else 8
            digits = body[i + 1 : i + 1 + width]
            if len(digits) != width or any(d not in _HEX for d in digits):
                raise LiteralError("incomplete universal character name")
            code = int(digits, 16)
            if code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
                raise LiteralError("invalid universal character")
            if code < 0xA0 and code not in _UCN_BASIC_ALLOWED:
                raise LiteralError(f"character '{chr(code)}' cannot be specified by a universal character name")
            out.append(Element(code, "char"))
            i += 1 + width
        else:
            out.append(Element(ord(c), "simple"))  # an unknown escape: the character (clang warns)
            i += 1
    return out


def units(items: list[Element], bits: int, what: str) -> list[int]:
    """Code units of ``items`` in the encoding with ``bits``-bit units
    (8: UTF-8, 16: UTF-16, 32: UTF-32); ``what`` names the literal kind
    in messages ("character literal", "string literal")."""
    out: list[int] = []
    for e in items:
        if e.kind in ("hex", "octal"):
            if e.value >> bits:
                raise LiteralError(f"{e.kind} escape sequence out of range")
            out.append(e.value)
        elif e.kind == "simple":
            out.append(e.value)
        elif e.kind == "byte":
            if bits != 8:
                raise LiteralError(f"illegal character encoding in {what}")
            out.append(e.value)
        elif bits == 8:
            out.extend(chr(e.value).encode("utf-8"))
        elif bits == 16 and e.value > 0xFFFF:
            high, low = divmod(e.value - 0x10000, 0x400)
            out.extend((0xD800 + high, 0xDC00 + low))
        else:
            out.append(e.value)
    return out


def character_units(items: list[Element], bits: int, prefix: str) -> list[int]:
    """The units of a character constant: one per element, each of which
    must fit one unit; a constant with a prefix (``L``, ``u``, ``U``) holds
    exactly one."""
    if not items:
        raise LiteralError("empty character constant")
    if prefix in ("L", "u", "U") and len(items) > 1:
        kind = "wide" if prefix == "L" else "Unicode"
        raise LiteralError(f"{kind} character literals may not contain multiple characters")
    out: list[int] = []
    for e in items:
        encoded = units([e], bits, "character literal")
        if len(encoded) != 1:
            raise LiteralError("character too large for enclosing character literal type")
        out.append(encoded[0])
    return out
