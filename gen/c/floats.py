"""Floating constants cast to integer types, as clang folds ``(int)1e10``.

A floating constant may appear in an integer constant expression as the
operand of a cast (C11 6.6p6). Its value is read exactly (never through a
Python float, which would overflow on ``0x1p99999`` and round ``1e23L`` as a
double), rounded to nearest-even in the constant's format (``f``: IEEE
single, no suffix: double, ``L``: the x87 80-bit format of every target gen
knows), then converted as LLVM's ``APFloat::convertToInteger`` does: toward
zero, saturating at the target type's limits (clang gives ``INT_MAX`` for
``(int)1e10`` and 0 for ``(unsigned)-1.5``); ``_Bool`` is ``value != 0``.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from fractions import Fraction

from gen.model import IntType


@dataclass(frozen=True)
class FloatFormat:
    name: str
    #: Significand bits, the hidden bit included.
    precision: int
    #: Exponent of the smallest normal and of the largest finite power of two.
    emin: int
    emax: int


SINGLE = FloatFormat("float", 24, -126, 127)
DOUBLE = FloatFormat("double", 53, -1022, 1023)
X87 = FloatFormat("long double", 64, -16382, 16383)

_DECIMAL_RE = re.compile(r"(?P<int>[0-9]*)(?:\.(?P<frac>[0-9]*))?(?:[eE](?P<exp>[+-]?[0-9]+))?(?P<suffix>[fFlL]?)")
_HEX_RE = re.compile(
    r"0[xX](?P<int>[0-9a-fA-F]*)(?:\.(?P<frac>[0-9a-fA-F]*))?[pP](?P<exp>[+-]?[0-9]+)(?P<suffix>[fFlL]?)"
)
#: Exponents with more digits than this are beyond every format either way.
_MAX_EXPONENT_DIGITS = 9
#: Significant digits read exactly (far more than any format holds; Python
#: converts at most 4,300 decimal digits at once).
_MAX_DIGITS = 1000


class FloatSyntaxError(ValueError):
    """Not a floating constant gen can read."""


#: A rounded value: a Fraction, or +-infinity as a float.
Rounded = Fraction | float


def parse_float(text: str) -> Rounded:
    """The value of a floating constant, rounded to its format."""
    s = text.replace("'", "")
    hexa = _HEX_RE.fullmatch(s)
    m = hexa or _DECIMAL_RE.fullmatch(s)
    if m is None or not (m["int"] or m["frac"]):
        raise FloatSyntaxError(text)
    if not hexa and m["frac"] is None and m["exp"] is None:
        raise FloatSyntaxError(text)  # an integer
    digits = m["int"] + (m["frac"] or "")
    frac_digits = len(m["frac"] or "")
    significant = digits.lstrip("0")
    if not significant:
        return Fraction(0)
    if len(significant) > _MAX_DIGITS:
        # Keep the leading digits and one sticky digit standing for the rest
        # (non-zero if any of it is): rounding stays exact.
        dropped = len(significant) - _MAX_DIGITS
        sticky = "1" if significant[_MAX_DIGITS:].strip("0") else "0"
        significant = significant[:_MAX_DIGITS] + sticky
        frac_digits -= dropped - 1
    mantissa = int(significant, 16 if hexa else 10)
    exp_text = m["exp"] or "0"
    fmt = {"": DOUBLE, "f": SINGLE, "l": X87}[m["suffix"].lower()]
    if len(exp_text.lstrip("+-").lstrip("0")) > _MAX_EXPONENT_DIGITS:
        return Fraction(0) if exp_text.startswith("-") else math.inf
    exponent = int(exp_text)
    # Each hex digit after the point is four bits, each decimal one a tenth.
    if hexa:
        power2, power10 = exponent - 4 * frac_digits, 0
    else:
        power2, power10 = 0, exponent - frac_digits
    # Far beyond the format's range: infinity or zero without big numbers.
    magnitude = mantissa.bit_length() + power2 + power10 * math.log2(10)
    if magnitude > fmt.emax + 2:
        return math.inf
    if magnitude < fmt.emin - fmt.precision - 2:
        return Fraction(0)
    value = Fraction(mantissa) * Fraction(2) ** power2 * Fraction(10) ** power10
    return round_to(value, fmt)


def round_to(value: Fraction, fmt: FloatFormat) -> Rounded:
    """``value`` (positive) rounded to nearest, ties to even, in ``fmt``."""
    if value == 0:
        return value
    k = value.numerator.bit_length() - value.denominator.bit_length()
    if Fraction(2) ** k > value:
        k -= 1
    k = max(k, fmt.emin)  # subnormal numbers share the smallest exponent
    quantum = Fraction(2) ** (k - fmt.precision + 1)
    units = value / quantum
    whole = units.numerator // units.denominator
    rest = units - whole
    if rest > Fraction(1, 2) or (rest == Fraction(1, 2) and whole % 2):
        whole += 1
    result = whole * quantum
    if result >= Fraction(2) ** (fmt.emax + 1):
        return math.inf
    return result


def to_integer(value: Rounded, negative: bool, target: IntType) -> int:
    """A rounded floating value (with its sign) converted to ``target``."""
    if target.bits == 1:  # _Bool: any non-zero value is true
        return int(value != 0)
    if value == math.inf:
        return target.min if negative else target.max
    whole = int(value)  # toward zero
    if negative:
        whole = -whole
    return min(max(whole, target.min), target.max)
