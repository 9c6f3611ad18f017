"""Which enums are sets of bit flags (rendered as ``enum.IntFlag``).

The rule, in order (the first that applies decides):

1. A value below zero: not flags (a negative IntFlag member means something
   else from Python 3.15 on, and C flag sets are unsigned in practice).
2. A member above 1 whose value is implicit or written as ``X + 1``: not
   flags; that is a counter. So are consecutive values (0, 1, 2, 3, ...)
   that reach a value of more than one bit, when none is written in hex or as
   a shift: a counter written out in decimal.
3. Fewer than two distinct single-bit values: not flags.
4. A value that is neither 0 nor a single bit must be the OR of single-bit
   values of the same enum (a mask such as ``ALL = 0x1F``); otherwise not flags.
5. Two single-bit values only: flags when some value is written in hex or as
   a shift (``0x4``, ``1 << 2``), else not (``A, B`` counting 0, 1, 2 is not).
6. Otherwise flags.

So ``POP3MARKTYPE`` (0x1, 0x2, 0x4, 0x8, 0x10) is flags, and ``INETADDRTYPE``
(0, ``ADDR_TO + 1``, then 16, 32, 64, 128: a one-bit counter combined with
flag bits) is flags too, while ``DSNRET`` (0, 1, 2 as a ``+ 1`` chain) is not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from gen.model import Enum

_INCREMENT_RE = re.compile(r"\A\(?\s*\w+\s*\+\s*1\s*\)?\Z")
_BIT_FORM_RE = re.compile(r"0[xX][0-9A-Fa-f]+|<<")


@dataclass(frozen=True)
class FlagsDecision:
    flags: bool
    reason: str


def _single_bit(v: int) -> bool:
    return v > 0 and v & (v - 1) == 0


def classify(enum: Enum) -> FlagsDecision:
    values = [m.value for m in enum.members]
    if not values:
        return FlagsDecision(False, "no members")
    negative = [m.name for m in enum.members if m.value < 0]
    if negative:
        return FlagsDecision(False, f"negative value ({negative[0]})")
    for m in enum.members:
        if m.value > 1 and (m.expr is None or _INCREMENT_RE.match(m.expr)):
            return FlagsDecision(False, f"counter: {m.name} is the previous value plus one")
    distinct = sorted(set(values))
    if (
        len(distinct) >= 3
        and distinct[-1] - distinct[0] == len(distinct) - 1
        and any(v > 0 and not _single_bit(v) for v in distinct)
        and not any(m.expr and _BIT_FORM_RE.search(m.expr) for m in enum.members)
    ):
        return FlagsDecision(False, f"counter: the values run {distinct[0]} to {distinct[-1]} without a gap")
    bits = {v for v in values if _single_bit(v)}
    if len(bits) < 2:
        return FlagsDecision(False, "fewer than two single-bit values")
    union = 0
    for b in bits:
        union |= b
    for m in enum.members:
        v = m.value
        if v and not _single_bit(v) and v & ~union:
            return FlagsDecision(False, f"{m.name} = {v} is not a combination of the single-bit values")
    if len(bits) == 2 and not any(m.expr and _BIT_FORM_RE.search(m.expr) for m in enum.members):
        return FlagsDecision(False, "only two single-bit values, none written in hex or as a shift")
    return FlagsDecision(True, f"{len(bits)} single-bit values; every other value is 0 or a mask of them")
