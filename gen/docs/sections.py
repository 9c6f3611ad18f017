"""The Syntax block (the enum as the page declares it) and the Constants
section (each member's description) of a reference page."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import NamedTuple

from gen.diagnostics import GenError, Location
from gen.docs.markdown import collapse, parse, strong_texts, to_plain_text

_IDENT = r"[A-Za-z_][A-Za-z0-9_]*"
IDENT_RE = re.compile(_IDENT)
IDENT_PREFIX = re.compile(_IDENT + r"(?![A-Za-z0-9_])")
_SPAN_ID = re.compile(r"<span\s[^>]*?\bid\s*=\s*[\"']([^\"']*)[\"']", re.IGNORECASE)
_DL_TAG = re.compile(r"<(/?)(dl|dt|dd)\b[^>]*>", re.IGNORECASE)


class DocMember(NamedTuple):
    """One member as a page writes it: name, value text, value if known.

    ``value_text`` is None when the page gives no value (the member follows
    its predecessor); ``value`` is None when the text is not something this
    module can evaluate (see :func:`_evaluate`).
    """

    name: str
    value_text: str | None
    value: int | None


@dataclass
class Section:
    """The lines of one part of the page, and the file line of the first."""

    first_line: int
    lines: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


# --------------------------------------------------------------------------

_ENUM_KEYWORD = re.compile(r"\benum\b")
_ENUM_HEAD = re.compile(
    rf"enum(?:\s+(?:class|struct)\b)?\s*(?:\[[^\]]*\]\s*)?(?:(?P<tag>{_IDENT})\s*)?(?::[^{{;]*)?(?P<brace>\{{)?"
)
_COMMENT = re.compile(r"/\*.*?\*/|//[^\n]*", re.DOTALL)
_MEMBER = re.compile(rf"^(?:\[[^\]]*\]\s*)*(?P<name>{_IDENT})\s*(?:=\s*(?P<value>.+))?$", re.DOTALL)


def read_syntax(section: Section | None, path: str) -> tuple[str | None, tuple[str, ...], tuple[DocMember, ...]]:
    """The (tag, typedef names, members) of the first enum in the Syntax block.

    A Syntax block that declares no enum (a struct page, say) gives nothing.
    """
    code, first_line = _code_block(section) if section else ("", 0)
    # Blank comments out but keep offsets, so error locations stay right.
    code = _COMMENT.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), code)
    for keyword in _ENUM_KEYWORD.finditer(code):
        head = _ENUM_HEAD.match(code, keyword.start())
        if head and head.group("brace"):
            where = _Where(path, code, first_line)
            return _enum_declaration(code, head, where)
    return None, (), ()


def _code_block(section: Section) -> tuple[str, int]:
    """The first code block (fenced or indented) holding ``enum``, else the
    first block; with the page line of its first line."""
    blocks: list[tuple[str, int]] = []
    for token in parse(section.text):
        if token.type in ("fence", "code_block") and token.map:
            # A fence's text starts on the line after its opening marker.
            skip = 1 if token.type == "fence" else 0
            blocks.append((token.content, section.first_line + token.map[0] + skip))
    for text, first in blocks:
        if _ENUM_KEYWORD.search(text):
            return text, first
    return blocks[0] if blocks else ("", 0)


@dataclass(frozen=True)
class _Where:
    """Turns offsets in a code block into page locations."""

    path: str
    code: str
    first_line: int

    def at(self, offset: int) -> Location:
        line = self.code.count("\n", 0, offset)
        column = offset - (self.code.rfind("\n", 0, offset) + 1) + 1
        return Location(self.path, self.first_line + line, column)


def _enum_declaration(
    code: str, head: re.Match[str], where: _Where
) -> tuple[str | None, tuple[str, ...], tuple[DocMember, ...]]:
    body_start = head.end()
    body_end = _closing_brace(code, body_start)
    if body_end < 0:
        raise GenError("enum in the Syntax block has no closing '}'", where.at(head.start()))
    members = _members(code, body_start, body_end, where)
    semicolon = code.find(";", body_end)
    declarators = code[body_end + 1 : semicolon if semicolon >= 0 else len(code)]
    is_typedef = "typedef" in IDENT_RE.findall(code[: head.start()].rsplit(";", 1)[-1])
    typedefs = _typedef_names(declarators) if is_typedef else ()
    return head.group("tag"), typedefs, members


def _closing_brace(code: str, start: int) -> int:
    depth = 0
    for index in range(start, len(code)):
        char = code[index]
        if char == "{":
            depth += 1
        elif char == "}":
            if depth == 0:
                return index
            depth -= 1
    return -1


def _split_top_level(text: str, start: int, end: int) -> list[tuple[str, int]]:
    """Split ``text[start:end]`` at commas outside parentheses: (part, offset)."""
    parts: list[tuple[str, int]] = []
    depth, part_start = 0, start
    for index in range(start, end):
        char = text[index]
        depth += (char in "([") - (char in ")]")
        if char == "," and depth == 0:
            parts.append((text[part_start:index], part_start))
            part_start = index + 1
    parts.append((text[part_start:end], part_start))
    return parts


def _members(code: str, start: int, end: int, where: _Where) -> tuple[DocMember, ...]:
    members: list[DocMember] = []
    known: dict[str, int] = {}
    for part, offset in _split_top_level(code, start, end):
        text = part.strip()
        if not text:
            continue  # a trailing comma
        match = _MEMBER.match(text)
        if not match:
            lead = len(part) - len(part.lstrip())
            raise GenError(
                f"cannot read enum member {collapse(text)!r} in the Syntax block",
                where.at(offset + lead),
            )
        member = _member(match.group("name"), match.group("value"), members, known)
        if member.value is not None:
            known[member.name] = member.value
        members.append(member)
    return tuple(members)


def _member(name: str, value: str | None, before: list[DocMember], known: Mapping[str, int]) -> DocMember:
    if value is not None:
        text = collapse(value)
        return DocMember(name, text, _evaluate(text, known))
    # No initializer: one more than the previous member, as in C.
    previous = before[-1].value if before else -1
    return DocMember(name, None, None if previous is None else previous + 1)


def _typedef_names(declarators: str) -> tuple[str, ...]:
    """Plain names among ``FOO, *PFOO, FAR *LPFOO``; pointers are skipped."""
    names: list[str] = []
    for part, _ in _split_top_level(declarators, 0, len(declarators)):
        if any(char in part for char in "*()[]&"):
            continue
        idents = IDENT_RE.findall(part)
        if idents:
            names.append(idents[-1])
    return tuple(names)


# --------------------------------------------------------------------------
# Values as pages write them
# --------------------------------------------------------------------------

_VALUE_TOKEN = re.compile(
    rf"\s*(?:(?P<num>0[xX][0-9a-fA-F]+|[0-9]+)(?:[uUlL]|i64|ui64|i32|ui32)*(?![\w.])|(?P<name>{_IDENT})|(?P<op><<|>>|[-+*|&^~()]))"
)
_BINARY: dict[str, tuple[int, Callable[[int, int], int]]] = {
    "|": (1, lambda a, b: a | b),
    "^": (2, lambda a, b: a ^ b),
    "&": (3, lambda a, b: a & b),
    "<<": (4, lambda a, b: a << b),
    ">>": (4, lambda a, b: a >> b),
    "+": (5, lambda a, b: a + b),
    "-": (5, lambda a, b: a - b),
    "*": (6, lambda a, b: a * b),
}


class _Unknown(Exception):
    """The value text is not something :func:`_evaluate` understands."""


def _evaluate(text: str, known: Mapping[str, int]) -> int | None:
    """The value of a documented initializer, or None if it can't be known.

    Understands integer literals (decimal, hex, octal, with C suffixes),
    names of earlier members, parentheses, unary ``- + ~`` and the binary
    operators ``* + - << >> & ^ |``; that covers what reference pages write
    (``0x10``, ``FOO_NONE + 1``, ``1 << 4``). The result is the mathematical
    value; callers compare it modulo the enum's underlying type.
    """
    try:
        tokens = _value_tokens(text)
        value, rest = _binary(tokens, known, 0)
    except (_Unknown, ValueError, IndexError, RecursionError):
        return None  # RecursionError: absurdly nested parentheses
    return value if not rest and value.bit_length() <= 128 else None


def _value_tokens(text: str) -> list[str]:
    tokens: list[str] = []
    position = 0
    text = text.rstrip()
    while position < len(text):
        match = _VALUE_TOKEN.match(text, position)
        if not match:
            raise _Unknown(text)
        tokens.append(match.group("num") or match.group("name") or match.group("op"))
        position = match.end()
    return tokens


def _binary(tokens: list[str], known: Mapping[str, int], min_precedence: int) -> tuple[int, list[str]]:
    """Precedence climbing over ``tokens``; returns (value, unread tokens)."""
    left, tokens = _unary(tokens, known)
    while tokens and tokens[0] in _BINARY and _BINARY[tokens[0]][0] > min_precedence:
        operator = tokens[0]
        precedence, apply = _BINARY[operator]
        right, tokens = _binary(tokens[1:], known, precedence)
        if operator in ("<<", ">>") and not 0 <= right <= 128:
            raise _Unknown("shift out of range")  # C leaves it undefined
        left = apply(left, right)
    return left, tokens


def _unary(tokens: list[str], known: Mapping[str, int]) -> tuple[int, list[str]]:
    token, rest = tokens[0], tokens[1:]
    if token in ("-", "+", "~"):
        value, rest = _unary(rest, known)
        return {"-": -value, "+": value, "~": ~value}[token], rest
    if token == "(":
        value, rest = _binary(rest, known, 0)
        if not rest or rest[0] != ")":
            raise _Unknown("unbalanced parentheses")
        return value, rest[1:]
    if token[0].isdigit():
        return _literal(token), rest
    if token in known:
        return known[token], rest
    raise _Unknown(token)


def _literal(token: str) -> int:
    if token[:2].lower() == "0x":
        return int(token, 16)
    if len(token) > 1 and token[0] == "0":
        return int(token, 8)  # C octal; "09" raises ValueError -> unknown
    return int(token)


# --------------------------------------------------------------------------
# The Constants section
# --------------------------------------------------------------------------


def read_constants(section: Section | None, path: str) -> list[tuple[str, str | None, int | None, str]]:
    """(name, value text, value, description) of each documented constant.

    Reads the ``<dl>`` list; a ``<dt>`` names a constant (and may write its
    value after the name), the following ``<dd>`` describes it. Several
    ``<dt>`` before one ``<dd>`` share it. Pages that use a Markdown table
    instead are read row by row (first cell: name, the rest: description).
    """
    if section is None:
        return []
    terms = _dl_terms(section.text) if _DL_TAG.search(section.text) else _table_terms(section.text)
    constants = []
    for term, description in terms:
        name, value_text = _term_name(term)
        if name is None:
            raise GenError(
                f"constant without a name in the Constants section: {collapse(to_plain_text(term))!r}",
                Location(
                    path,
                    section.first_line + section.text.count("\n", 0, section.text.find(term)),
                    1,
                ),
            )
        value = _evaluate(value_text, {}) if value_text else None
        constants.append((name, value_text, value, to_plain_text(description)))
    return constants


def _dl_terms(text: str) -> list[tuple[str, str]]:
    """(dt markup, dd markup) pairs of the outermost ``<dl>`` lists."""
    pairs: list[tuple[str, str]] = []
    pending: list[str] = []
    depth, open_at, open_kind = 0, 0, ""
    for tag in _DL_TAG.finditer(text):
        closing, kind = tag.group(1) == "/", tag.group(2).lower()
        if kind == "dl":
            depth += -1 if closing else 1
        elif depth == 1 and not closing:
            open_at, open_kind = tag.end(), kind
        elif depth == 1 and closing and kind == open_kind:
            content = text[open_at : tag.start()]
            if kind == "dt":
                pending.append(content)
            else:
                pairs += [(term, content) for term in pending]
                pending = []
            open_kind = ""
    return pairs + [(term, "") for term in pending]


def _table_terms(text: str) -> list[tuple[str, str]]:
    """(name cell, description cells) of each body row of the tables."""
    pairs: list[tuple[str, str]] = []
    in_body = False
    row: list[str] = []
    for token in parse(text):
        if token.type == "tbody_open":
            in_body = True
        elif token.type == "tbody_close":
            in_body = False
        elif token.type == "tr_open":
            row = []
        elif token.type == "inline" and in_body:
            row.append(token.content)
        elif token.type == "tr_close" and in_body and len(row) >= 2:
            pairs.append((row[0], "\n\n".join(row[1:])))
    return pairs


def _term_name(term: str) -> tuple[str | None, str | None]:
    """The constant a ``<dt>`` names and the value text written after it.

    The ``<span id>`` anchor is the most reliable name (translated pages
    keep it while the bold text is translated); then the bold text; then
    the first identifier.
    """
    plain = to_plain_text(term)
    bold, after_bold = strong_texts(term)
    candidates = [m.group(1) for m in _SPAN_ID.finditer(term)]
    candidates += bold
    candidates += IDENT_RE.findall(plain)[:1]
    name = next((c for c in candidates if IDENT_PREFIX.fullmatch(c)), None)
    if name is None:
        return None, None
    rest = plain.replace(name, "", 1) if name in plain else after_bold
    value = collapse(rest).strip("()[] ")
    return name, value or None


# --------------------------------------------------------------------------
# Loading
