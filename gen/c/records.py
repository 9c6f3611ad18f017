"""Sizes and alignments of structs and unions, as clang lays them out.

A :class:`gen.c.declarations.RecordDecl` keeps a definition's tokens; the
first ``sizeof`` or ``_Alignof`` that needs it reads its members (a small
declarator reader: specifiers, pointers, arrays, function pointers,
bit-fields, attributes) and lays them out with the rules of clang's
``ItaniumRecordLayoutBuilder``: natural alignment, ``packed`` and
``aligned`` attributes, ``__declspec(align)``, ``_Alignas``, ``#pragma
pack`` (which caps even explicit alignment), and for the mingw targets
MSVC's bit-field rules (a bit-field opens a new storage unit of its type's
size when the previous one differs or is full; zero-width bit-fields after
non-bit-fields are ignored). Offsets are in bits here, results in bytes.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from pycparser import c_ast

from gen.c.cexpr import EvalError, Evaluator, integer_type_from_words
from gen.c.ctype import (
    AlignedType,
    ArrayType,
    CType,
    FunctionType,
    OpaqueType,
    PointerType,
    RecordType,
    builtin_type,
    strip_alignment,
    type_name,
)
from gen.c.declarations import RecordDecl, record_key, split_top_level
from gen.c.ifexpr import IfSyntaxError, parse_constant_expression
from gen.c.lexer import IDENT, TYPE_WORDS, Token
from gen.diagnostics import Location
from gen.model import IntType

#: Words in a member declaration that change nothing about its layout.
_IGNORED = frozenset(
    (
        *("const", "volatile", "restrict", "__restrict", "__restrict__", "__const", "__volatile__", "__volatile"),
        *("__extension__", "_Atomic", "__unaligned", "__ptr32", "__ptr64", "__w64", "__signed__", "__signed"),
        *("__cdecl", "__stdcall", "__fastcall", "__thiscall", "__vectorcall", "__pascal", "static", "extern"),
        *("__sptr", "__uptr", "register", "inline", "__inline", "__inline__"),
    )
)
_ATTRIBUTE_WORDS = frozenset(("__attribute__", "__attribute"))
_DROPPED_GROUPS = frozenset(("__asm__", "__asm", "asm", "_Pragma", "__pragma"))
_ALIGNAS = frozenset(("_Alignas", "alignas", "__alignas"))
_MS_INT_WORDS = {"__int8": "char", "__int16": "short", "__int32": "int", "__int64": "long long"}
#: The ``aligned`` attribute without a value: the largest alignment (x86).
_BIGGEST_ALIGNMENT = 16


@dataclass(frozen=True)
class _Attributes:
    packed: bool = False
    #: Largest explicit alignment in bytes (0: none).
    align: int = 0
    #: ``vector_size`` in bytes (0: none).
    vector: int = 0


@dataclass(frozen=True)
class Field:
    name: str | None
    type: CType
    #: Bit-field width, None for an ordinary member.
    width: int | None
    attributes: _Attributes


class RecordError(Exception):
    """A struct or union whose layout cannot be computed."""


class RecordBodiesSkimmed(Exception):
    """A layout was asked for in a run that skimmed struct and union bodies
    (see :class:`gen.c.declarations.DeclarationScanner`): the header must be
    read again with their full tokens. Not an :class:`EvalError`, so that no
    evaluation swallows it as an ordinary failure."""


class Layouts:
    """Sizes and alignments of every type, structs and unions included.

    ``records`` maps ``kind tag`` keys to definitions, ``typedefs`` and
    ``enum_tags`` are the translation unit's; ``evaluator`` computes array
    sizes, bit-field widths and attribute operands.
    """

    def __init__(
        self,
        evaluator: Evaluator,
        records: Mapping[str, RecordDecl],
        typedefs: Mapping[str, CType],
        enum_tags: Callable[[str], IntType | None],
    ) -> None:
        self.evaluator = evaluator
        self.abi = evaluator.abi
        self.records = records
        self.typedefs = typedefs
        self.enum_tags = enum_tags
        self._memo: dict[int, tuple[RecordDecl, int, int]] = {}
        self._busy: set[str] = set()
        #: Whether record bodies hold their full tokens (else any record
        #: layout raises RecordBodiesSkimmed).
        self.bodies = True

    # -- the evaluator's callback ---------------------------------------------------
    def size_align(self, t: CType, node: c_ast.Node) -> tuple[int, int]:
        """Size and alignment of ``t`` in bytes; raises EvalError."""
        try:
            return self._size_align(t)
        except RecordError as exc:
            raise EvalError(str(exc), node) from None

    def _size_align(self, t: CType) -> tuple[int, int]:
        if isinstance(t, RecordType):
            return self._record(t)
        if isinstance(t, AlignedType):
            return self._size_align(t.base)[0], t.align
        if isinstance(t, ArrayType):
            size, align = self._size_align(t.element)
            return size * (t.count or 0), align
        if isinstance(t, IntType):
            size = max(1, t.bits // 8)
            return size, size
        if isinstance(t, PointerType):
            return t.bits // 8, t.bits // 8
        if isinstance(t, OpaqueType) and t.size is not None:
            return t.size, t.align or t.size
        if isinstance(t, FunctionType):
            raise RecordError("invalid application of 'sizeof' to a function type")
        raise RecordError(f"size of '{type_name(t)}' is not known")

    # -- records ----------------------------------------------------------------------
    def _record(self, t: RecordType) -> tuple[int, int]:
        if not self.bodies:
            raise RecordBodiesSkimmed
        key = f"{t.kind} {t.tag}"
        decl = self.records.get(key)
        if decl is None:
            raise RecordError(f"invalid application of 'sizeof' to an incomplete type '{type_name(t)}'")
        memo = self._memo.get(id(decl))
        if memo is not None and memo[0] is decl:
            return memo[1], memo[2]
        if key in self._busy:
            raise RecordError(f"'{type_name(t)}' contains itself (at {decl.location})")
        self._busy.add(key)
        try:
            fields = self._fields(decl)
            size, align = self._lay_out(decl, fields)
        finally:
            self._busy.discard(key)
        self._memo[id(decl)] = (decl, size, align)
        return size, align

    def _lay_out(self, decl: RecordDecl, fields: list[Field]) -> tuple[int, int]:
        own = self._attributes([*decl.head, *decl.tail])
        union = decl.kind == "union"
        ms = self.abi.ms_bitfields
        max_field_align = (decl.pack or 0) * 8
        alignment = max(8, own.align * 8)
        data_size = size = unfilled = last_unit = 0
        for f in fields:
            if f.width is None:
                unfilled = last_unit = 0
                offset = 0 if union else data_size
                t = strip_alignment(f.type)
                if isinstance(t, ArrayType) and t.count is None:
                    field_size, field_align = 0, self._size_align(t.element)[1] * 8
                else:
                    field_size, field_align = (8 * n for n in self._size_align(f.type))
                if ms:
                    # MS rules align a built-in type (arrays: their element)
                    # to its size (power-of-two sizes only).
                    base = t
                    while isinstance(base, ArrayType):
                        base = strip_alignment(base.element)
                    if isinstance(base, IntType | OpaqueType):
                        type_size = self._size_align(base)[0] * 8
                        if type_size > field_align and type_size & (type_size - 1) == 0:
                            field_align = type_size
                if own.packed or f.attributes.packed:
                    field_align = 8
                field_align = max(field_align, f.attributes.align * 8)
                if max_field_align:
                    field_align = min(field_align, max_field_align)
                offset = _align_to(offset, field_align)
                data_size = max(data_size, field_size) if union else offset + field_size
            else:
                width = f.width
                unit, field_align = (8 * n for n in self._size_align(f.type))
                if ms:
                    field_align = unit
                    if last_unit != unit or unfilled < width:
                        if not last_unit and not width:
                            field_align = 8  # after an ordinary member: ignored
                        unfilled = last_unit = 0
                offset = 0 if union else data_size - unfilled
                unpacked_align = field_align
                packed = own.packed or f.attributes.packed
                if not ms and packed and width:
                    field_align = 8
                explicit = f.attributes.align * 8
                if explicit:
                    field_align = max(field_align, explicit)
                    unpacked_align = max(unpacked_align, explicit)
                if max_field_align and width:
                    unpacked_align = min(unpacked_align, max_field_align)
                    field_align = unpacked_align if packed else min(field_align, max_field_align)
                if ms and union:
                    field_align = 8
                if ms:
                    if not width or width > unfilled:
                        offset = _align_to(offset, field_align)
                        unfilled = 0
                elif not width or (not max_field_align and offset % field_align + width > unit):
                    offset = _align_to(offset, field_align)
                elif explicit and (not max_field_align or explicit <= max_field_align):
                    offset = _align_to(offset, explicit)
                if not ms and f.name is None:
                    field_align = 8  # unnamed bit-fields leave the alignment alone
                if union:
                    data_size = max(data_size, (unit if width else 8) if ms else _align_to(width, 8))
                elif ms and width:
                    if not unfilled:
                        data_size = offset + unit
                        unfilled = unit
                    unfilled -= width
                    last_unit = unit
                else:
                    data_size = _align_to(offset + width, 8)
                    unfilled = data_size - offset - width
                    last_unit = 0
            size = max(size, data_size)
            alignment = max(alignment, field_align)
        return _align_to(size, alignment) // 8, alignment // 8

    # -- members ------------------------------------------------------------------------
    def _fields(self, decl: RecordDecl) -> list[Field]:
        fields: list[Field] = []
        for member in split_top_level(list(decl.body), ";"):
            fields.extend(self._member(decl, member))
        return fields

    def _member(self, decl: RecordDecl, toks: list[Token]) -> list[Field]:
        attributes = self._attributes(toks)
        toks = _without_attributes(toks)
        if not toks:
            return []
        base, i, defines_anonymous = self._specifiers(decl, toks)
        rest = toks[i:]
        if not rest:
            # ``struct { ... };``: an anonymous member (C11); other
            # declarations without a declarator declare no member.
            return [Field(None, base, None, attributes)] if defines_anonymous else []
        fields = []
        for group in split_top_level(rest, ","):
            width_at = _top_level(group, ":")
            width: int | None = None
            if width_at is not None:
                width = self._constant(group[width_at + 1 :], group[width_at])
                if width < 0:
                    raise RecordError(f"bit-field has a negative width (at {_loc(group[width_at])})")
                group = group[:width_at]
            name, t = self._declarator(group, base)
            fields.append(Field(name, t, width, attributes))
        return fields

    def _specifiers(self, decl: RecordDecl, toks: list[Token]) -> tuple[CType, int, bool]:
        """The base type of a member declaration, where its declarators
        start, and whether it defines an anonymous struct or union."""
        words: list[str] = []
        found: CType | None = None
        anonymous = False
        i = 0
        n = len(toks)
        while i < n:
            tok = toks[i]
            text = tok.text
            if tok.kind != IDENT:
                break
            if text in _IGNORED:
                i += 1
            elif text in ("struct", "union", "enum"):
                i += 1
                tag = None
                if i < n and toks[i].kind == IDENT:
                    tag = toks[i].text
                    i += 1
                if text == "enum" and i < n and toks[i].text == ":":
                    while i < n and toks[i].text != "{":
                        i += 1
                body = i < n and toks[i].text == "{"
                if body:
                    i = _after_group(toks, i, "{", "}")
                if text == "enum":
                    found = (self.enum_tags(tag) if tag else None) or self.evaluator.types.int
                else:
                    anonymous = body and tag is None
                    found = RecordType(text, tag or record_key(tok))
            elif text in TYPE_WORDS:
                words.append(_MS_INT_WORDS.get(text, text))
                i += 1
            elif not words and found is None and text in self.typedefs:
                found = self.typedefs[text]
                i += 1
            else:
                break
        if words:
            joined = " ".join(words).split()
            found = integer_type_from_words(joined, self.evaluator.types) or builtin_type(
                " ".join(w for w in joined if w != "signed"), self.abi
            )
        if found is None:
            where = toks[i] if i < n else toks[0]
            owner = type_name(RecordType(decl.kind, decl.tag))
            raise RecordError(f"unknown type name '{where.text}' in '{owner}' (at {_loc(where)})")
        return found, i, anonymous

    def typedef_type(self, name: str, base: CType, attributes: tuple[Token, ...]) -> CType | None:
        """``base`` changed by a typedef's attributes: ``vector_size``
        (a vector type, aligned to its size) and ``aligned`` (which may
        lower the alignment too); None if an operand cannot be computed."""
        try:
            found = self._attributes(list(attributes))
        except RecordError:
            return None
        t = base
        if found.vector:
            t = OpaqueType(f"vector {name}", found.vector, found.vector)
        return AlignedType(t, found.align) if found.align else t

    def declared_type(self, toks: list[Token], base: CType) -> CType | None:
        """The type a typedef declarator gives its name (None if it cannot
        be computed now: the name then stands for a type of unknown size)."""
        try:
            return self._declarator(toks, base)[1]
        except RecordError:
            return None

    def _declarator(self, toks: list[Token], base: CType) -> tuple[str | None, CType]:
        """The name and type declared by ``toks`` over ``base`` (C11 6.7.6)."""
        i = 0
        n = len(toks)
        t = base
        while i < n and (toks[i].text in ("*", "^") or toks[i].text in _IGNORED):
            if toks[i].text in ("*", "^"):
                t = PointerType(self.abi.pointer_bytes * 8)
            i += 1
        inner: list[Token] | None = None
        name: str | None = None
        if i < n and toks[i].text == "(":
            end = _after_group(toks, i, "(", ")")
            inner = toks[i + 1 : end - 1]
            i = end
        elif i < n and toks[i].kind == IDENT:
            name = toks[i].text
            i += 1
        suffixes: list[FunctionType | list[Token]] = []
        while i < n:
            if toks[i].text == "[":
                end = _after_group(toks, i, "[", "]")
                suffixes.append(toks[i + 1 : end - 1])
                i = end
            elif toks[i].text == "(":
                i = _after_group(toks, i, "(", ")")
                suffixes.append(FunctionType())
            else:
                raise RecordError(f"unexpected '{toks[i].text}' in a member declarator (at {_loc(toks[i])})")
        for suffix in reversed(suffixes):
            if not isinstance(suffix, list):
                t = suffix
            else:
                count = self._constant(suffix, toks[0]) if suffix else None
                if count is not None and count < 0:
                    raise RecordError(f"array has a negative size (at {_loc(suffix[0])})")
                t = ArrayType(t, count)
        if inner is not None:
            return self._declarator(inner, t)
        return name, t

    def _constant(self, toks: list[Token], where: Token) -> int:
        if not toks:
            raise RecordError(f"expected a constant expression (at {_loc(where)})")
        try:
            node = parse_constant_expression(toks, self.typedefs.__contains__)
            return self.evaluator.evaluate(node)[0]
        except IfSyntaxError as exc:
            raise RecordError(f"{exc} (at {_loc(exc.token or toks[0])})") from None
        except EvalError as exc:
            raise RecordError(f"{exc} (at {_loc(toks[0])})") from None

    def _attributes(self, toks: list[Token]) -> _Attributes:
        """``packed`` and the largest alignment among the attribute groups of
        ``toks`` (outside nested braces: those belong to nested members)."""
        packed = False
        align = vector = 0
        depth = 0
        i = 0
        n = len(toks)
        while i < n:
            text = toks[i].text
            if text == "{":
                depth += 1
            elif text == "}":
                depth -= 1
            if depth or toks[i].kind != IDENT or i + 1 >= n or toks[i + 1].text != "(":
                i += 1
                continue
            end = _after_group(toks, i + 1, "(", ")")
            inside = list(toks[i + 2 : end - 1])
            if text in _ATTRIBUTE_WORDS:
                for item in split_top_level(inside[1:-1] if inside[:1] and inside[0].text == "(" else inside, ","):
                    word = item[0].text.strip("_") if item else ""
                    if word == "packed":
                        packed = True
                    elif word == "vector_size" and len(item) > 2:
                        vector = self._constant(item[2:-1], item[0])
                    elif word == "aligned":
                        operand = item[2:-1] if len(item) > 2 else []
                        align = max(align, self._constant(operand, item[0]) if operand else _BIGGEST_ALIGNMENT)
            elif text == "__declspec":
                for item in split_top_level(inside, ","):
                    if item and item[0].text == "align" and len(item) > 2:
                        align = max(align, self._constant(item[2:-1], item[0]))
            elif text in _ALIGNAS:
                align = max(align, self._alignas(inside))
            i = end
        return _Attributes(packed, align, vector)

    def _alignas(self, inside: list[Token]) -> int:
        """``_Alignas(constant)`` or ``_Alignas(type)``."""
        first = inside[0] if inside else None
        if first is not None and (first.text in TYPE_WORDS or first.text in self.typedefs or first.text in _IGNORED):
            base, i, _ = self._specifiers(
                RecordDecl("struct", "_Alignas", (), (), (), None, _loc(first), first), inside
            )
            _, t = self._declarator(inside[i:], base)
            return self._size_align(t)[1]
        if first is None:
            return 0
        return self._constant(inside, first)


def _align_to(value: int, align: int) -> int:
    return -(-value // align) * align


def _loc(tok: Token) -> Location:
    return Location(tok.file, tok.line, tok.col)


def _after_group(toks: list[Token], i: int, opener: str, closer: str) -> int:
    """The index after the bracket group opened at ``toks[i]``."""
    depth = 0
    for j in range(i, len(toks)):
        text = toks[j].text
        if text in ("(", "[", "{"):
            depth += 1
        elif text in (")", "]", "}"):
            depth -= 1
            if depth == 0:
                if text != closer:
                    break
                return j + 1
    raise RecordError(f"unbalanced '{opener}' in a member declaration (at {_loc(toks[i])})")


def _top_level(toks: list[Token], text: str) -> int | None:
    depth = 0
    for k, tok in enumerate(toks):
        if tok.text in ("(", "[", "{"):
            depth += 1
        elif tok.text in (")", "]", "}"):
            depth -= 1
        elif tok.text == text and depth == 0:
            return k
    return None


def _without_attributes(toks: list[Token]) -> list[Token]:
    """``toks`` without attribute groups, asm labels and ``[[...]]``, outside
    nested braces (a nested definition keeps its own)."""
    out: list[Token] = []
    depth = 0
    i = 0
    n = len(toks)
    words = _ATTRIBUTE_WORDS | _DROPPED_GROUPS | _ALIGNAS | {"__declspec"}
    while i < n:
        tok = toks[i]
        if tok.text == "{":
            depth += 1
        elif tok.text == "}":
            depth -= 1
        if not depth and tok.kind == IDENT and tok.text in words and i + 1 < n and toks[i + 1].text == "(":
            i = _after_group(toks, i + 1, "(", ")")
            continue
        if not depth and tok.text == "[" and i + 1 < n and toks[i + 1].text == "[":
            i = _after_group(toks, i, "[", "]")
            continue
        out.append(tok)
        i += 1
    return out
