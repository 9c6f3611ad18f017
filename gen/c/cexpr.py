"""Integer constant expressions, evaluated as clang evaluates them.

The evaluator walks pycparser ``c_ast`` expression nodes. It is shared by the
enumerator initializers (parsed by pycparser) and by ``#if`` conditions
(parsed by :mod:`gen.c.ifexpr` into the same node types). Values are pairs of
a Python int and the :class:`IntType` it has.

Evaluation never recurses on the Python stack: every operator is a generator
that *yields* the operands it needs, and one loop (:meth:`Evaluator.evaluate`)
drives them with an explicit stack. So ``1+1+...+1`` with a million terms, or
an expression nested as deeply as a parser can produce, evaluates in time and
memory proportional to its size instead of raising ``RecursionError``.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Generator, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from types import GeneratorType
from typing import Any, Protocol, TypeVar

from pycparser import c_ast

from gen.c import literals
from gen.c.ctype import (
    AlignedType,
    ArrayType,
    CType,
    FunctionType,
    OpaqueType,
    PointerType,
    RecordType,
    abi_for,
    builtin_type,
    strip_alignment,
    type_name,
)
from gen.c.floats import FloatSyntaxError, parse_float, to_integer
from gen.c.inttypes import IntTypes
from gen.model import IntType


class EvalError(Exception):
    """The expression is not an integer constant expression we can compute."""

    def __init__(self, message: str, node: c_ast.Node | None = None, identifier: str | None = None) -> None:
        super().__init__(message)
        self.node = node
        #: The identifier that could not be resolved, if that is the cause.
        self.identifier = identifier


Value = tuple[int, IntType]


@dataclass(frozen=True)
class _TypeOf:
    """What an operator yields to learn an operand's type without its value."""

    node: c_ast.Node


#: An operator in evaluation: yields operands (or :class:`_TypeOf`), returns its value.
_Gen = Generator["c_ast.Node | _TypeOf", Any, Value]

#: Deepest bracket nesting accepted in an expression handed to a recursive
#: parser: clang's default ``-fbracket-depth`` (deeper input is a fatal
#: "bracket nesting level exceeded maximum of 256" for clang too).
MAX_BRACKET_DEPTH = 256


class _Spelled(Protocol):
    text: str


_T = TypeVar("_T", bound=_Spelled)


#: Python frames a recursive-descent parser may use (pycparser takes about 8
#: per bracket level, so MAX_BRACKET_DEPTH levels fit with room to spare).
#: Python 3.11 runs Python-to-Python calls without C recursion, so this
#: costs heap memory only; deeper input still ends in a RecursionError.
PARSER_FRAMES = 10_000


@contextmanager
def parser_stack(frames: int = PARSER_FRAMES) -> Iterator[None]:
    """Raise the recursion limit to ``frames`` for the duration (never lower it)."""
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(limit, frames))
    try:
        yield
    finally:
        sys.setrecursionlimit(limit)


def too_deep(tokens: Sequence[_T], limit: int = MAX_BRACKET_DEPTH) -> _T | None:
    """The first ``(``, ``[`` or ``{`` nested deeper than ``limit``, else None."""
    depth = 0
    for tok in tokens:
        t = tok.text
        if t in ("(", "[", "{"):
            depth += 1
            if depth > limit:
                return tok
        elif t in (")", "]", "}"):
            depth -= 1
    return None


# Specifier words to canonical integer type names (C11 6.7.2p2 and MS forms).
_SIGNED_WORDS = {"signed", "__signed__", "__signed"}
_INT_WORDS = {"int"}
_MS_SIZED = {"__int8": 8, "__int16": 16, "__int32": 32, "__int64": 64}


def integer_type_from_words(words: list[str], types: IntTypes) -> IntType | None:
    """``["unsigned", "long", "int"]`` to its IntType; None if not an integer type."""
    unsigned = False
    signed = False
    longs = 0
    base: str | None = None
    for w in words:
        if w == "unsigned":
            unsigned = True
        elif w in _SIGNED_WORDS:
            signed = True
        elif w == "long":
            longs += 1
        elif w in (
            "const",
            "volatile",
            "__const",
            "__volatile__",
            "restrict",
            "__restrict",
            "__unaligned",
            "__ptr32",
            "__ptr64",
        ):
            continue
        elif w in _INT_WORDS:
            base = base or "int"
        elif w in ("char", "short", "_Bool", "__int128", "__int128_t") or w in _MS_SIZED:
            base = w
        elif w == "__uint128_t":
            base, unsigned = "__int128", True
        else:
            return None
    if base in _MS_SIZED:
        bits = _MS_SIZED[base]
        name = {8: "char", 16: "short", 32: "int", 64: "long long"}[bits]
        if name == "char":
            name = "signed char"
        base = name
    if base == "_Bool":
        return types.bool
    if base == "char":
        if unsigned:
            return types.by_name["unsigned char"]
        return types.by_name["signed char"] if signed else types.char
    if base == "signed char":
        return types.by_name["unsigned char" if unsigned else "signed char"]
    if base in ("__int128", "__int128_t"):
        return types.by_name["unsigned __int128" if unsigned else "__int128"]
    if base == "short":
        name = "short"
    elif base == "long long" or longs >= 2:
        name = "long long"
    elif longs == 1:
        name = "long"
    elif base in ("int", None):
        if not (unsigned or signed or base or longs):
            return None
        name = "int"
    else:
        name = base
    return types.by_name[f"unsigned {name}" if unsigned else name]


class Evaluator:
    """Evaluates c_ast expressions.

    ``constant`` resolves an identifier to a value (an enumerator) or None;
    ``typedef`` resolves a typedef name (for casts and sizeof) or None;
    ``enum_type`` gives the type of ``enum TAG``; ``size_align`` gives the
    size and alignment of any type (struct layouts: :mod:`gen.c.records`),
    raising :class:`EvalError` when it is unknown. With ``preprocessor=True``
    every value is widened to intmax_t/uintmax_t as ``#if`` requires, and
    remaining identifiers evaluate to 0.
    """

    def __init__(
        self,
        types: IntTypes,
        constant: Callable[[str], Value | None],
        typedef: Callable[[str], CType | None] | Mapping[str, CType] = lambda _n: None,
        enum_type: Callable[[str], IntType | None] = lambda _n: None,
        preprocessor: bool = False,
        size_align: Callable[[CType, c_ast.Node], tuple[int, int]] | None = None,
    ) -> None:
        self.types = types
        self.abi = abi_for(types.model)
        self.size_align = size_align or self.scalar_size_align
        self._constant = constant
        self._typedef = typedef.get if isinstance(typedef, Mapping) else typedef
        self._enum_type = enum_type
        self.pp = preprocessor
        #: >0 while only the type of an operand is wanted (an unevaluated
        #: ternary arm or sizeof operand): division by zero is then no error.
        self._lenient = 0

    # -- entry points -------------------------------------------------------
    def constant(self, name: str) -> Value | None:
        """The value of the enumerator ``name``, if there is one."""
        return self._constant(name)

    def evaluate(self, node: c_ast.Node) -> Value:
        """Value and type of ``node``; raises :class:`EvalError`."""
        return self._run(node)

    def _run(self, node: c_ast.Node) -> Value:
        """The trampoline: drive the operator generators with an explicit stack.

        A generator yields a sub-node to get its :data:`Value`, or a
        :class:`_TypeOf` to get the sub-node's type (``None`` if it cannot be
        computed, without failing). Errors travel up the stack as they would
        through recursive calls.
        """
        first = self._dispatch(node)
        if not isinstance(first, GeneratorType):
            return first  # type: ignore[return-value]
        stack: list[tuple[_Gen, bool]] = [(first, False)]
        send: Any = None
        error: EvalError | None = None
        while True:
            gen, want_type = stack[-1]
            try:
                if error is not None:
                    request = gen.throw(error)
                    error = None
                else:
                    request = gen.send(send)
            except StopIteration as stop:
                stack.pop()
                if want_type:
                    self._lenient -= 1
                result: Value = stop.value
                if not stack:
                    return result
                send, error = (result[1] if want_type else result), None
                continue
            except EvalError as exc:
                stack.pop()
                if want_type:
                    self._lenient -= 1
                if not stack:
                    raise
                send, error = (None, None) if want_type else (None, exc)
                continue
            want_type = isinstance(request, _TypeOf)
            sub = request.node if isinstance(request, _TypeOf) else request
            if want_type:
                self._lenient += 1
            try:
                step = self._dispatch(sub)
            except EvalError as exc:
                if want_type:
                    self._lenient -= 1
                send, error = (None, None) if want_type else (None, exc)
                continue
            if isinstance(step, GeneratorType):
                stack.append((step, want_type))
                send = None
                continue
            if want_type:
                self._lenient -= 1
            value: Value = step  # type: ignore[assignment]
            send = value[1] if want_type else value

    def _dispatch(self, node: c_ast.Node) -> Value | _Gen:
        method = getattr(self, "_eval_" + type(node).__name__, None)
        if method is None:
            raise EvalError(f"not an integer constant expression ({type(node).__name__})", node)
        result: Value | _Gen = method(node)
        return result

    # -- helpers -------------------------------------------------------------
    def _pp(self, t: IntType) -> IntType:
        # #if arithmetic happens in intmax_t / uintmax_t (C11 6.10.1p4).
        if not self.pp:
            return t
        return self.types.llong if t.signed else self.types.ullong

    def _convert(self, v: Value, t: IntType) -> Value:
        return t.wrap(v[0]), t

    # -- leaves -------------------------------------------------------------
    def _eval_Constant(self, node: c_ast.Constant) -> Value:
        text = node.value
        if node.type == "char" or text[-1:] == "'":
            v, t = self.char_literal(text, node)
            return self._convert((v, t), self._pp(t)) if self.pp else (v, t)
        if node.type == "string":
            raise EvalError("a string literal is not an integer constant", node)
        v, t = self.int_literal(text, node)
        return v, self._pp(t)

    def int_literal(self, text: str, node: c_ast.Node | None = None) -> Value:
        s = text.replace("'", "")
        low = s.lower()
        if low.startswith("0x"):
            body, base, decimal = low[2:], 16, False
            digits = "0123456789abcdef"
        elif low.startswith("0b"):
            body, base, decimal = low[2:], 2, False
            digits = "01"
        elif low.startswith("0") and len(low) > 1:
            body, base, decimal = low[1:], 8, False
            digits = "01234567"
        else:
            body, base, decimal = low, 10, True
            digits = "0123456789"
        i = 0
        while i < len(body) and body[i] in digits:
            i += 1
        number, suffix = body[:i], body[i:]
        if base == 8 and not number:
            number = "0"
        if not number or suffix not in _INT_SUFFIXES:
            if _looks_float(low):
                raise EvalError(f"floating constant '{_abridged(text)}' in an integer constant expression", node)
            raise EvalError(f"invalid integer constant '{_abridged(text)}'", node)
        if len(number.lstrip("0")) > _MAX_LITERAL_DIGITS[base]:
            # Past every integer type (and Python's 4,300-digit conversion limit).
            raise EvalError(f"integer constant '{_abridged(text)}' is too large for any integer type", node)
        value = int(number, base)
        t = self.types.literal_type(value, decimal, suffix)
        if t is None:
            raise EvalError(f"integer constant '{text}' is too large for any integer type", node)
        return value, t

    def char_literal(self, text: str, node: c_ast.Node | None = None) -> Value:
        prefix = text[: text.index("'")]
        types = self.types
        try:
            items = literals.elements(text[len(prefix) + 1 : -1])
            # A prefixed constant has the type of its character type (C11
            # 6.4.4.4p9), which sizeof sees: wchar_t is unsigned short on the
            # Windows targets (long is 32 bits on both), int elsewhere;
            # char16_t is unsigned short, char32_t unsigned int, C23's char8_t
            # unsigned char.
            prefixed = {
                "L": types.by_name["unsigned short"] if types.model.long_bits == 32 else types.int,
                "u": types.by_name["unsigned short"],
                "U": types.uint,
                "u8": types.by_name["unsigned char"],
            }.get(prefix)
            bits = min(prefixed.bits, 32) if prefixed is not None else 8
            codes = literals.character_units(items, bits, prefix)
        except literals.LiteralError as exc:
            raise EvalError(str(exc), node) from None
        if prefixed is not None:
            return prefixed.wrap(codes[-1]), prefixed
        if len(codes) == 1:
            return types.char.wrap(codes[0]), types.int
        # Multi-character constant: gcc/clang pack bytes big-endian into int.
        value = 0
        for c in codes:
            value = (value << 8) | (c & 0xFF)
        return types.int.wrap(value), types.int

    def _eval_ID(self, node: c_ast.ID) -> Value:
        found = self._constant(node.name)
        if found is not None:
            return (found[0], self._pp(found[1])) if self.pp else found
        if self.pp:
            return 0, self.types.llong
        raise EvalError(f"unresolved identifier '{node.name}'", node, identifier=node.name)

    # -- operators (generators: ``yield node`` evaluates an operand) -----------
    def _eval_UnaryOp(self, node: c_ast.UnaryOp) -> _Gen:
        op = node.op
        if op == "sizeof":
            return (yield from self._sizeof(node.expr, node))
        if op in ("_Alignof", "__alignof__", "alignof", "__alignof"):
            return (yield from self._alignof(node.expr, node))
        if op in ("p++", "p--", "++", "--", "&", "*"):
            raise EvalError(f"operator '{op.lstrip('p')}' is not allowed in an integer constant expression", node)
        v, t = yield node.expr
        if op == "!":
            return int(v == 0), self._pp(self.types.int)
        t = self.types.promote(t)
        if op == "-":
            return t.wrap(-v), t
        if op == "+":
            return v, t
        if op == "~":
            return t.wrap(~v), t
        raise EvalError(f"unsupported unary operator '{op}'", node)

    def _eval_BinaryOp(self, node: c_ast.BinaryOp) -> _Gen:
        op = node.op
        if op == "&&":
            lv, _ = yield node.left
            if not lv:
                return 0, self._pp(self.types.int)
            rv, _ = yield node.right
            return int(rv != 0), self._pp(self.types.int)
        if op == "||":
            lv, _ = yield node.left
            if lv:
                return 1, self._pp(self.types.int)
            rv, _ = yield node.right
            return int(rv != 0), self._pp(self.types.int)
        lv, lt = yield node.left
        rv, rt = yield node.right
        if op in ("<<", ">>"):
            return self._shift(op, lv, self.types.promote(lt), rv, node)
        t = self.types.common(lt, rt)
        a, b = t.wrap(lv), t.wrap(rv)
        if op == "+":
            return t.wrap(a + b), t
        if op == "-":
            return t.wrap(a - b), t
        if op == "*":
            return t.wrap(a * b), t
        if op in ("/", "%"):
            if b == 0:
                if self._lenient:
                    return 0, t  # only the type is wanted (an unevaluated operand)
                raise EvalError("division by zero in a constant expression", node)
            q = abs(a) // abs(b)
            if (a < 0) != (b < 0):
                q = -q
            return (t.wrap(q), t) if op == "/" else (t.wrap(a - b * q), t)
        if op == "&":
            return t.wrap(a & b), t
        if op == "|":
            return t.wrap(a | b), t
        if op == "^":
            return t.wrap(a ^ b), t
        result_t = self._pp(self.types.int)
        if op == "<":
            return int(a < b), result_t
        if op == ">":
            return int(a > b), result_t
        if op == "<=":
            return int(a <= b), result_t
        if op == ">=":
            return int(a >= b), result_t
        if op == "==":
            return int(a == b), result_t
        if op == "!=":
            return int(a != b), result_t
        raise EvalError(f"unsupported binary operator '{op}'", node)

    def _shift(self, op: str, a: int, t: IntType, count: int, node: c_ast.Node) -> Value:
        # clang folds undefined shifts instead of rejecting them: a negative
        # count shifts the other way, a count >= width is clamped to width-1.
        if count < 0:
            count = -count
            op = ">>" if op == "<<" else "<<"
        count = min(count, t.bits - 1)
        a = t.wrap(a)
        if op == "<<":
            return t.wrap(a << count), t
        return t.wrap(a >> count), t

    def _eval_TernaryOp(self, node: c_ast.TernaryOp) -> _Gen:
        cv, _ = yield node.cond
        chosen, other = (node.iftrue, node.iffalse) if cv else (node.iffalse, node.iftrue)
        v, t = yield chosen
        # The result has the common type of both arms; the other arm is not
        # evaluated, only typed.
        ot = yield _TypeOf(other)
        common = self.types.common(t, ot) if ot is not None else t
        return common.wrap(v), common

    def _eval_FuncCall(self, node: c_ast.FuncCall) -> Value:
        # In a header, NAME(args) surviving preprocessing is a function-like
        # macro that was never defined (typically from a missing header).
        if not isinstance(node.name, c_ast.ID):
            raise EvalError("a function call is not an integer constant expression", node)
        name = node.name.name
        raise EvalError(f"unresolved identifier '{name}' (called as a function)", node, identifier=name)

    def _eval_ExprList(self, node: c_ast.ExprList) -> _Gen:
        # The comma operator: clang accepts it in C with a warning.
        result: Value | None = None
        for e in node.exprs:
            result = yield e
        if result is None:
            raise EvalError("empty expression", node)
        return result

    def _eval_Cast(self, node: c_ast.Cast) -> _Gen:
        target = strip_alignment(self.resolve_type(node.to_type))
        if isinstance(target, PointerType):
            raise EvalError("a cast to a pointer type is not an integer constant expression", node)
        if not isinstance(target, IntType):
            raise EvalError(f"cast to non-integer type '{type_name(target)}'", node)
        floating = _floating_operand(node.expr)
        if floating is not None:
            negative, constant = floating
            try:
                rounded = parse_float(constant.value)
            except FloatSyntaxError:
                raise EvalError(f"invalid floating constant '{_abridged(constant.value)}'", constant) from None
            return to_integer(rounded, negative, target), target
        v, _ = yield node.expr
        return target.wrap(v), target

    # -- types ----------------------------------------------------------------
    def resolve_type(self, typename: c_ast.Node) -> CType:
        """The type named by a c_ast Typename (for casts and sizeof)."""
        decl = typename.type if isinstance(typename, c_ast.Typename) else typename
        if isinstance(decl, (c_ast.PtrDecl,)):
            return PointerType(self.types.model.pointer_bits)
        if isinstance(decl, c_ast.ArrayDecl):
            element = self.resolve_type(decl.type)
            if decl.dim is None:
                return ArrayType(element, None)
            count, _ = self.evaluate(decl.dim)
            if count < 0:
                raise EvalError("array has a negative size", decl.dim)
            return ArrayType(element, count)
        if isinstance(decl, c_ast.FuncDecl):
            return FunctionType()
        if isinstance(decl, c_ast.TypeDecl):
            inner = decl.type
            if isinstance(inner, c_ast.IdentifierType):
                return self._type_from_names(inner.names, typename)
            if isinstance(inner, c_ast.Enum):
                t = self._enum_type(inner.name) if inner.name else None
                return t or self.types.int
            if isinstance(inner, (c_ast.Struct, c_ast.Union)):
                kind = type(inner).__name__.lower()
                if inner.decls is not None or not inner.name:
                    raise EvalError(f"a {kind} defined inside an expression is not supported", typename)
                return RecordType(kind, inner.name)
        raise EvalError("unsupported type in a constant expression", typename)

    def _type_from_names(self, names: list[str], node: c_ast.Node) -> CType:
        t = integer_type_from_words(names, self.types)
        if t is not None:
            return t
        words = [w for w in names if w not in ("const", "volatile")]
        if len(words) == 1:
            found = self._typedef(words[0])
            if found is not None:
                return found
        builtin = builtin_type(" ".join(words), self.abi)
        if builtin is not None:
            return builtin
        if len(words) == 1:
            raise EvalError(f"unknown type '{words[0]}'", node, identifier=words[0])
        raise EvalError(f"unknown type '{' '.join(names)}'", node)

    def scalar_size_align(self, t: CType, node: c_ast.Node) -> tuple[int, int]:
        """Size and alignment of a type that is not a struct or union."""
        if isinstance(t, AlignedType):
            return self.size_align(t.base, node)[0], t.align
        if isinstance(t, IntType):
            size = max(1, t.bits // 8)
            return size, size
        if isinstance(t, PointerType):
            return t.bits // 8, t.bits // 8
        if isinstance(t, ArrayType):
            size, align = self.size_align(t.element, node)
            return size * (t.count or 0), align
        if isinstance(t, OpaqueType) and t.size is not None:
            return t.size, t.align or t.size
        if isinstance(t, FunctionType):
            raise EvalError("invalid application of 'sizeof' to a function type", node)
        raise EvalError(f"size of '{type_name(t)}' is not known", node)

    def _sizeof(self, operand: c_ast.Node, node: c_ast.Node, index: int = 0) -> _Gen:
        if isinstance(operand, c_ast.Typename):
            t = self.resolve_type(operand)
            if isinstance(t, ArrayType) and t.count is None and index == 0:
                raise EvalError(f"invalid application of 'sizeof' to an incomplete type '{type_name(t)}'", node)
            size = self.size_align(t, node)[index]
        elif isinstance(operand, c_ast.Constant) and operand.type == "string":
            size = _string_size(operand.value, self.types, node)
            if index:
                size = _string_unit_bits(operand.value, self.types) // 8
        elif isinstance(operand, c_ast.Cast):
            # A cast's type is all sizeof needs (NULL is ``((void *)0)``).
            size = self.size_align(self.resolve_type(operand.to_type), node)[index]
        else:
            # The operand is not evaluated, only typed.
            self._lenient += 1
            try:
                _, t = yield operand
            finally:
                self._lenient -= 1
            size = self.size_align(t, node)[index]
        return size, self._pp(self.types.size_t)

    def _alignof(self, operand: c_ast.Node, node: c_ast.Node) -> _Gen:
        return (yield from self._sizeof(operand, node, 1))


_INT_SUFFIXES = {
    "",
    "u",
    "l",
    "ul",
    "lu",
    "ll",
    "ull",
    "llu",
    "i64",
    "ui64",
    "i32",
    "ui32",
    "i16",
    "ui16",
    "i8",
    "ui8",
    "uz",
    "zu",
    "z",
}


#: Digits (without leading zeros) of the largest literal an integer type
#: holds (unsigned long long), per base.
_MAX_LITERAL_DIGITS = {2: 64, 8: 22, 10: 20, 16: 16}


def _abridged(text: str, keep: int = 40) -> str:
    """A long literal shortened for a message."""
    return text if len(text) <= keep else f"{text[: keep // 2]}...{text[-keep // 2 :]} ({len(text)} characters)"


def _looks_float(low: str) -> bool:
    if not low[:1].isdigit() and not low.startswith("."):
        return False  # a character constant such as 'E'
    if low.startswith("0x"):
        return "p" in low
    return "." in low or "e" in low


def _floating_operand(node: c_ast.Node) -> tuple[bool, c_ast.Constant] | None:
    """A floating constant under unary signs (``-1.5``): its sign and the
    constant; None for anything else."""
    negative = False
    while isinstance(node, c_ast.UnaryOp) and node.op in ("-", "+"):
        negative ^= node.op == "-"
        node = node.expr
    if isinstance(node, c_ast.Constant) and (
        node.type in ("float", "double", "long double") or _looks_float(node.value.lower())
    ):
        return negative, node
    return None


def _string_unit_bits(text: str, types: IntTypes) -> int:
    """Bits of one element of the string literal ``text``."""
    wide = 16 if types.model.long_bits == 32 else 32  # wchar_t: Windows targets 16 bits
    return {"": 8, "u8": 8, "u": 16, "U": 32, "L": wide}[text[: text.index('"')]]


def _string_size(text: str, types: IntTypes, node: c_ast.Node) -> int:
    prefix = text[: text.index('"')]
    bits = _string_unit_bits(text, types)
    try:
        count = len(literals.units(literals.elements(text[len(prefix) + 1 : -1]), bits, "string literal"))
    except literals.LiteralError as exc:
        raise EvalError(str(exc), node) from None
    return (count + 1) * (bits // 8)
