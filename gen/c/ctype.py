"""C types other than integers, with what ``sizeof`` and ``_Alignof`` need.

Integer types are :class:`gen.model.IntType`; here are pointers, floating
types, arrays, function types, ``struct``/``union`` types (by reference to
their definition: see :mod:`gen.c.records`) and typedefs that change a
type's alignment. Sizes and alignments are in bytes, for the target's
:class:`Abi`.
"""

from __future__ import annotations

from dataclasses import dataclass

from gen.c.inttypes import DataModel
from gen.model import IntType


@dataclass(frozen=True)
class PointerType:
    """Any pointer: casts to it leave the integer domain; sizeof needs its size."""

    bits: int


@dataclass(frozen=True)
class OpaqueType:
    """A type known by name only, or with a size and alignment but no
    integer value (floating and vector types)."""

    name: str
    size: int | None = None
    align: int | None = None


@dataclass(frozen=True)
class ArrayType:
    element: CType
    #: None for an array of unknown size (a flexible array member: size 0).
    count: int | None


@dataclass(frozen=True)
class FunctionType:
    """A function (its size is unknown; pointers to it are PointerType)."""

    name: str = "function"


#: Separates an anonymous record's place from its serial (not shown to users).
ANONYMOUS_SERIAL = "#"


@dataclass(frozen=True)
class RecordType:
    """``struct TAG`` or ``union TAG``; an anonymous one has a key of its
    own (``<anonymous struct 3>``). Its definition is looked up when its
    size is wanted: it may come after the name (``struct S; typedef
    struct S T; struct S { ... };``)."""

    kind: str
    tag: str

    @property
    def name(self) -> str:
        # An anonymous record's key ends in a serial number, not for users.
        return f"{self.kind} {self.tag.partition(ANONYMOUS_SERIAL)[0]}"


@dataclass(frozen=True)
class AlignedType:
    """A typedef whose ``aligned`` attribute sets the alignment (it may
    lower it too: ``typedef int i2 __attribute__((aligned(2)))``)."""

    base: CType
    align: int


CType = IntType | PointerType | OpaqueType | ArrayType | FunctionType | RecordType | AlignedType


def strip_alignment(t: CType) -> CType:
    """The type under typedef alignment changes (its value behaves alike)."""
    while isinstance(t, AlignedType):
        t = t.base
    return t


def type_name(t: CType) -> str:
    t = strip_alignment(t)
    if isinstance(t, IntType | OpaqueType | RecordType | FunctionType):
        return t.name
    if isinstance(t, PointerType):
        return "pointer"
    assert isinstance(t, ArrayType)
    return f"{type_name(t.element)}[{'' if t.count is None else t.count}]"


@dataclass(frozen=True)
class Abi:
    """What sizes and layouts depend on besides the integer sizes."""

    pointer_bytes: int
    #: Bit-fields laid out as MSVC does (``-mms-bitfields``, the default of
    #: the mingw targets in gcc and clang).
    ms_bitfields: bool
    #: sizeof and alignof ``long double`` (x87: 12/4 on i686 Windows).
    long_double: tuple[int, int]


def abi_for(model: DataModel) -> Abi:
    """The ABI of the target with data model ``model`` (see gen.c.targets:
    LP64 is x86_64 Linux, the others are the mingw targets)."""
    long_double = (model.long_double_bytes, model.long_double_align)
    return Abi(model.pointer_bits // 8, model.name != "lp64", long_double)


#: Floating and other built-in types that are not integers: size, alignment.
_BUILTIN_SIZES = {"float": (4, 4), "double": (8, 8), "void": (1, 1), "_Float16": (2, 2), "__float128": (16, 16)}


def builtin_type(name: str, abi: Abi) -> OpaqueType | None:
    """The non-integer built-in type spelled ``name`` ("long double"...)."""
    if name == "long double":
        return OpaqueType(name, *abi.long_double)
    found = _BUILTIN_SIZES.get(name)
    return OpaqueType(name, *found) if found is not None else None
