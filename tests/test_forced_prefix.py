"""The forced includes (``-include``) are processed once per process and
shared by every header (gen/c/frontend.py, _forced_prefix): each header's result
must be exactly what processing them for that header alone gives."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import gen.c.frontend as api
from gen.c.frontend import extract
from gen.diagnostics import GenError
from gen.model import Extraction

FORCED = """\
#pragma once
#define BASE 10
#define SHIFT(n) (1 << (n))
typedef unsigned long DWORD;
typedef enum tagBASE_ENUM { BE_ONE = BASE + 1, BE_TWO } BASE_ENUM;
enum { FIRST_COUNT = __COUNTER__ };
#include "guarded.h"
#include "reached.h"
"""

HEADERS = {
    "guarded.h": "#ifndef GUARDED_H\n#define GUARDED_H\nenum guarded { G_A = 3 };\n#endif\n",
    # Reached by the forced include itself: extracted as the main file there.
    "reached.h": "enum reached { R_A = BASE, R_B };\n",
    "uses.h": "enum uses { U_A = BE_TWO + SHIFT(4), U_B = (DWORD)-1, U_C = __COUNTER__ };\n#define U_MAC (BASE * 3)\n",
    "redefines.h": "#undef BASE\n#define BASE 20\nenum redef { D_A = BASE, D_C = __COUNTER__ };\n",
    "includes_guarded.h": '#include "guarded.h"\n#include "missing.h"\nenum again { A_A = G_A + 1 };\n',
    # An error here, a warning only where an include was missing.
    "calls_undefined.h": "#if NOT_DEFINED(1)\n#endif\nenum c { C_A };\n",
}


def make_project(folder: Path, monkeypatch: pytest.MonkeyPatch, forced: str, headers: dict[str, str]) -> Path:
    """``forced.h`` and ``headers`` in ``folder``, the current folder, and
    no forced-include state left from an earlier test."""
    (folder / "forced.h").write_text(forced, encoding="utf-8")
    for name, text in headers.items():
        (folder / name).write_text(text, encoding="utf-8")
    monkeypatch.chdir(folder)
    api._PREFIXES.clear()
    return folder


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return make_project(tmp_path, monkeypatch, FORCED, HEADERS)


def _extract(name: str, shared: bool, monkeypatch: pytest.MonkeyPatch) -> Extraction | str:
    with monkeypatch.context() as m:
        if not shared:
            m.setattr(api, "_forced_prefix", lambda *_: None)
        try:
            return extract(name, include_dirs=["."], force_includes=["forced.h"], macros="all")
        except GenError as exc:
            return str(exc.diagnostic)


def test_each_header_gets_what_a_fresh_run_gives(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    names = list(HEADERS)
    # Twice over, in two orders: the shared state must not carry anything
    # from one header to the next (macros, guards, __COUNTER__, warnings).
    for name in [*names, *reversed(names)]:
        assert _extract(name, True, monkeypatch) == _extract(name, False, monkeypatch), name
    (prefix,) = api._PREFIXES.values()
    assert prefix is not None and prefix.real_paths  # shared, not fallen back


def test_values_come_through_the_prefix(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    result = _extract("uses.h", True, monkeypatch)
    assert isinstance(result, Extraction)
    values = {m.name: m.value for e in result.module.enums for m in e.members}
    assert values["U_A"] == 12 + 16 and values["U_B"] == 0xFFFFFFFF and values["U_C"] == 1
    assert values["U_MAC"] == 30
    redefined = _extract("redefines.h", True, monkeypatch)
    assert isinstance(redefined, Extraction)
    assert {m.name: m.value for e in redefined.module.enums for m in e.members}["D_A"] == 20
    assert "'missing.h' not found" in str(_extract("includes_guarded.h", True, monkeypatch).diagnostics)


def test_a_changed_forced_include_is_read_again(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def first_value() -> int:
        result = _extract("uses.h", True, monkeypatch)
        assert isinstance(result, Extraction)
        return result.module.enums[0].members[0].value

    assert first_value() == 28
    forced = project / "forced.h"
    forced.write_text(FORCED.replace("#define BASE 10", "#define BASE 100"), encoding="utf-8")
    os.utime(forced, ns=(0, 0))  # even with an mtime from the past: the size changed
    assert first_value() == 118
