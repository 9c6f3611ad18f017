"""C integer types and the arithmetic rules a compiler applies to them.

Values are Python ints kept in the range of their type; every operation
converts its result back into that range, exactly as two's-complement
hardware (and clang's constant folder) does.
"""

from __future__ import annotations

from dataclasses import dataclass

from gen.model import IntType


@dataclass(frozen=True)
class DataModel:
    """Sizes of the integer types for one target."""

    name: str
    long_bits: int
    pointer_bits: int
    #: Whether plain ``char`` is signed (true on x86).
    char_signed: bool = True
    #: ``long double``: x87 extended precision, padded to 16 bytes on
    #: x86_64 and to 12 (aligned to 4) on i686.
    long_double_bytes: int = 16
    long_double_align: int = 16
    #: ``__builtin_va_list``: the SysV x86_64 ABI's array of one 24-byte
    #: struct; a plain ``char *`` on Windows and i686.
    va_list_bytes: int = 8
    va_list_align: int = 8

    def types(self) -> dict[str, IntType]:
        lb = self.long_bits
        return {
            "_Bool": IntType("_Bool", 1, False, 0),
            "char": IntType("char", 8, self.char_signed, 1),
            "signed char": IntType("signed char", 8, True, 1),
            "unsigned char": IntType("unsigned char", 8, False, 1),
            "short": IntType("short", 16, True, 2),
            "unsigned short": IntType("unsigned short", 16, False, 2),
            "int": IntType("int", 32, True, 3),
            "unsigned int": IntType("unsigned int", 32, False, 3),
            "long": IntType("long", lb, True, 4),
            "unsigned long": IntType("unsigned long", lb, False, 4),
            "long long": IntType("long long", 64, True, 5),
            "unsigned long long": IntType("unsigned long long", 64, False, 5),
            "__int128": IntType("__int128", 128, True, 6),
            "unsigned __int128": IntType("unsigned __int128", 128, False, 6),
        }


#: Windows (x86_64-w64-mingw32, MSVC): long is 32 bits.
LLP64 = DataModel("llp64", long_bits=32, pointer_bits=64)
#: Linux and most Unix x86_64: long is 64 bits.
LP64 = DataModel("lp64", long_bits=64, pointer_bits=64, va_list_bytes=24)
#: 32-bit x86 Windows or Linux.
ILP32 = DataModel(
    "ilp32", long_bits=32, pointer_bits=32, long_double_bytes=12, long_double_align=4, va_list_bytes=4, va_list_align=4
)

DATA_MODELS = {m.name: m for m in (LLP64, LP64, ILP32)}


class IntTypes:
    """The integer types of one data model, with C's conversion rules."""

    def __init__(self, model: DataModel) -> None:
        self.model = model
        t = model.types()
        self.by_name = t
        self.bool = t["_Bool"]
        self.char = t["char"]
        self.int = t["int"]
        self.uint = t["unsigned int"]
        self.long = t["long"]
        self.ulong = t["unsigned long"]
        self.llong = t["long long"]
        self.ullong = t["unsigned long long"]
        self.size_t = self.ullong if model.pointer_bits == 64 else self.uint
        self.ptrdiff_t = self.llong if model.pointer_bits == 64 else self.int
        if model.long_bits == model.pointer_bits:
            self.size_t = self.ulong
            self.ptrdiff_t = self.long

    def unsigned_of(self, t: IntType) -> IntType:
        if not t.signed:
            return t
        name = "unsigned char" if t.name in ("char", "signed char") else f"unsigned {t.name}"
        return self.by_name[name]

    def promote(self, t: IntType) -> IntType:
        """Integer promotions (C11 6.3.1.1p2)."""
        if t.rank < self.int.rank:
            return self.int if self.int.holds(t.min) and self.int.holds(t.max) else self.uint
        return t

    def common(self, a: IntType, b: IntType) -> IntType:
        """Usual arithmetic conversions for two integer operands (C11 6.3.1.8)."""
        a, b = self.promote(a), self.promote(b)
        if a == b:
            return a
        if a.signed == b.signed:
            return a if a.rank >= b.rank else b
        unsigned, signed = (a, b) if not a.signed else (b, a)
        if unsigned.rank >= signed.rank:
            return unsigned
        if signed.bits > unsigned.bits:
            return signed
        return self.unsigned_of(signed)

    def literal_type(self, value: int, decimal: bool, suffix: str) -> IntType | None:
        """The type of an integer literal (C11 6.4.4.1p5); None if none fits.

        ``suffix`` is lower-cased; MS ``i64``/``ui64`` suffixes are accepted.
        """
        unsigned = "u" in suffix
        if "i64" in suffix or "ll" in suffix:
            candidates = [self.ullong] if unsigned else [self.llong, self.ullong]
        elif "l" in suffix:
            candidates = [self.ulong, self.ullong] if unsigned else [self.long, self.ulong, self.llong, self.ullong]
        elif unsigned:
            candidates = [self.uint, self.ulong, self.ullong]
        else:
            candidates = [self.int, self.uint, self.long, self.ulong, self.llong, self.ullong]
        if decimal and not unsigned:
            # A decimal literal without u never becomes unsigned (C99); clang
            # falls back to unsigned long long with a warning only past that.
            signed_only = [c for c in candidates if c.signed]
            for c in signed_only:
                if c.holds(value):
                    return c
            return self.ullong if self.ullong.holds(value) else None
        for c in candidates:
            if c.holds(value):
                return c
        return None

    def next_larger(self, t: IntType) -> IntType | None:
        """clang's getNextLargerIntegralType: wider type of the same signedness."""
        order = ["char", "short", "int", "long", "long long"]
        for name in order:
            full = name if t.signed else f"unsigned {name}"
            if name == "char":
                full = "signed char" if t.signed else "unsigned char"
            cand = self.by_name[full]
            if cand.bits > t.bits:
                return cand
        return None
