"""The IntFlag rule of gen/output/flags.py, one case per clause, on real C text."""

from __future__ import annotations

from pathlib import Path

import pytest

from gen.c.frontend import extract
from gen.output.flags import classify

CASES = [
    # (enum body, flags?, words of the reason)
    ("A = 0x1, B = 0x2, C = 0x4, D = 0x8, E = 0x10", True, "single-bit"),
    ("A = 1, B = 2, C = 4, ALL = 7", True, "single-bit"),
    ("A = 0, B = A + 1, C = 16, D = 32", True, "single-bit"),
    ("A = -1, B = 1, C = 2", False, "negative"),
    ("A, B, C", False, "counter"),
    ("A = 0, B = A + 1, C = B + 1", False, "counter"),
    ("RED = 0, GREEN = 1, BLUE = 2, ALPHA = 3, DEPTH = 4", False, "without a gap"),
    ("ONE = 1, TWO = 2, THREE = 3", False, "without a gap"),
    ("A = 0x0, B = 0x1, C = 0x2, AB = 0x3, D = 0x4", True, "single-bit"),
    ("NONE = 0, A = 1, B = 2, C = 4", True, "single-bit"),
    ("A = 1, B = 2", False, "only two"),
    ("A = 1 << 0, B = 1 << 1", True, "single-bit"),
    ("A = 1, B = 2, C = 4, ODD = 9", False, "not a combination"),
    ("A = 5, B = 6", False, "fewer than two"),
]


@pytest.mark.parametrize(("body", "flags", "reason"), CASES)
def test_rule(tmp_path: Path, body: str, flags: bool, reason: str) -> None:
    header = tmp_path / "e.h"
    header.write_text(f"enum e {{ {body} }};\n", encoding="utf-8")
    (enum,) = extract(header).module.enums
    decision = classify(enum)
    assert (decision.flags, reason in decision.reason) == (flags, True), decision.reason
