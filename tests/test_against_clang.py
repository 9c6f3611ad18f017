"""Every enumerator and every extracted #define constant of our sample
headers equals what clang computes for x86_64-w64-mingw32 (with gen's shim
headers standing in for the SDK on both sides)."""

from __future__ import annotations

from pathlib import Path

import pytest
from clang_oracle_lite import clang_enum_values, clang_macro_values
from conftest import REPO, Case, discover_cases

from gen.c.frontend import extract
from gen.c.search import SHIM_DIR

#: C headers only: clang reads no IDL. The IDL cases are tied to headers
#: instead: imnxport_idl to headers/Imnxport.h (tests/test_idl.py), the IDL
#: front end as a whole to Wine's widl headers (tests/differential/idl.py).
CASES = [c for c in discover_cases() if not c.header.endswith(".idl")]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_values_equal_clang(case: Case, tmp_path: Path) -> None:
    header = REPO / case.header
    result = extract(header, include_dirs=[str(header.parent)])
    # Headers gen reports missing (imnact.h) get an empty stand-in for clang.
    for missing in {d.message.split("'")[1] for d in result.diagnostics if "not found" in d.message}:
        (tmp_path / missing).write_text("", encoding="utf-8")
    ours_enums = {m.name: m.value for e in result.module.enums if e.origin == "enum" for m in e.members}
    ours_macros = {m.name: m.value for e in result.module.enums if e.origin == "macros" for m in e.members}
    include = [str(SHIM_DIR), str(tmp_path)]
    assert ours_enums == clang_enum_values(header, include)
    if ours_macros:
        assert ours_macros == clang_macro_values(header, sorted(ours_macros), include)
