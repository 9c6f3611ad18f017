"""A header that the forced includes read themselves (``winuser.h`` with
``-include windows.h``) is cut from one tree pass over the forced includes
(gen/c/frontend.py, _TreePass) instead of running the whole tree again
alone: its result must be exactly what the run alone gives (enums, names,
values, comments, #define groups, problems, files read)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from test_forced_prefix import make_project

import gen.c.frontend as api
from gen.c.frontend import TREE_MAIN, extract
from gen.diagnostics import GenError
from gen.model import Extraction

FORCED = """\
#pragma once
#pragma pack(push, 4)
#include "first.h"
#include "second.h"
#include "unguarded.h"
#include "counts.h"
#include "twice.h"
#pragma pack(pop)
#define AFTER_ALL 99
"""

HEADERS = {
    "first.h": """\
#ifndef FIRST_H
#define FIRST_H
/* The first header's enum. */
typedef enum tagFIRST {
    F_ONE = 1, /* one */
    F_TWO = F_ONE << 1,
} FIRST;
typedef int FIRST_INT;
#define FIRST_FLAG_A 0x10
#define FIRST_FLAG_B (FIRST_FLAG_A << 1)
#define FIRST_LATE (AFTER_ALL + 1)
#endif
""",
    # Redefines an enumerator of first.h (an error for either as the main
    # file, nothing for the others) and has one with no value.
    "second.h": """\
#ifndef SECOND_H
#define SECOND_H
struct packed { char c; int i; };
enum second { S_SIZE = sizeof(struct packed), F_ONE = 5, S_BAD = NOT_A_NAME, S_AFTER };
typedef long SECOND_LONG;
#define SECOND_VALUE (S_SIZE + 1)
#endif
""",
    # No guard: read again after the forced includes when it is the header.
    "unguarded.h": "enum { U_ONCE = 7 };\n#define U_MACRO 3\n",
    "counts.h": "#ifndef COUNTS_H\n#define COUNTS_H\nenum counts { C_A = __COUNTER__, C_B = __LINE__ };\n#endif\n",
    # Fails when read a second time, as the header after the forced includes.
    "twice.h": "#ifdef TWICE_SEEN\n#error read twice\n#endif\n#define TWICE_SEEN\n",
    # Not read by the forced includes: the ordinary shared prefix.
    "outside.h": '#include "first.h"\nenum outside { O_A = F_TWO + S_SIZE };\n',
}

INSIDE = ["first.h", "second.h", "unguarded.h", "counts.h"]


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return make_project(tmp_path, monkeypatch, FORCED, HEADERS)


def _extract(header: str | Path, tree: bool, monkeypatch: pytest.MonkeyPatch, macros: str = "main") -> Extraction | str:
    with monkeypatch.context() as m:
        m.setattr(api, "USE_TREE_PASS", tree)
        try:
            return extract(header, include_dirs=["."], force_includes=["forced.h"], macros=macros)
        except GenError as exc:
            return str(exc.diagnostic)


def _tree_passes() -> list[api._TreePass]:
    return [p.tree for p in api._PREFIXES.values() if p is not None and p.tree is not None]


@pytest.mark.parametrize("macros", ["main", "all", "none"])
def test_each_header_cut_from_the_tree_pass_is_what_it_gives_alone(
    project: Path, monkeypatch: pytest.MonkeyPatch, macros: str
) -> None:
    cut = {name: _extract(name, True, monkeypatch, macros) for name in [*INSIDE, "outside.h"]}
    assert len(_tree_passes()) == 1, "the tree pass is made once for the run"
    alone = {name: _extract(name, False, monkeypatch, macros) for name in [*INSIDE, "outside.h"]}
    for name in cut:
        assert cut[name] == alone[name], name
        assert not isinstance(cut[name], str), cut[name]
        assert TREE_MAIN not in repr(cut[name])


def test_what_the_cut_holds(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = _extract("first.h", True, monkeypatch)
    assert isinstance(first, Extraction)
    enums = {e.name: e for e in first.module.enums}
    assert [(m.name, m.value) for m in enums["FIRST"].members] == [("F_ONE", 1), ("F_TWO", 2)]
    assert enums["FIRST"].location.file == "first.h"
    assert enums["FIRST"].comment == "The first header's enum."
    # #define groups are evaluated at the end of the unit, past the forced includes.
    macros = {m.name: m.value for e in first.module.enums if e.origin == "macros" for m in e.members}
    assert macros == {"FIRST_FLAG_A": 0x10, "FIRST_FLAG_B": 0x20, "FIRST_LATE": 100}
    # second.h's redefinition of F_ONE is first.h's problem too (its first definition).
    assert [d.message for d in first.diagnostics if "F_ONE" in d.message] == [
        "redefinition of enumerator 'F_ONE' (previous definition at first.h:5:5)"
    ]
    second = _extract("second.h", True, monkeypatch)
    assert isinstance(second, Extraction)
    messages = sorted(d.message for d in second.diagnostics)
    assert any("NOT_A_NAME" in m for m in messages)
    assert any("redefinition of enumerator 'F_ONE'" in m for m in messages)
    # Packed by the forced include's #pragma pack(push, 4) around it.
    sizes = [(m.name, m.value) for e in second.module.enums if e.tag == "second" for m in e.members]
    assert sizes[0] == ("S_SIZE", 8)
    counts = _extract("counts.h", True, monkeypatch)
    assert isinstance(counts, Extraction)
    assert not any("F_ONE" in d.message or "NOT_A_NAME" in d.message for d in counts.diagnostics)


def test_an_unguarded_header_is_read_again_after_the_forced_includes(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = _extract("unguarded.h", True, monkeypatch)
    assert isinstance(result, Extraction)
    # Twice the main file's: the second definition is an error, as alone.
    assert any("redefinition of enumerator 'U_ONCE'" in d.message for d in result.diagnostics)
    assert result == _extract("unguarded.h", False, monkeypatch)


def test_header_named_another_way(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    absolute = project / "first.h"
    cut = _extract(absolute, True, monkeypatch)
    assert cut == _extract(absolute, False, monkeypatch)
    assert isinstance(cut, Extraction)
    assert cut.module.source == "first.h"


def test_file_macro_in_the_tree_means_no_tree_pass(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """__FILE__ would spell the pass's own name for a header: each header runs alone."""
    (project / "counts.h").write_text(
        "#ifndef COUNTS_H\n#define COUNTS_H\nenum counts { C_A = sizeof(__FILE__) };\n#endif\n", encoding="utf-8"
    )
    cut = _extract("counts.h", True, monkeypatch)
    assert cut == _extract("counts.h", False, monkeypatch)
    assert isinstance(cut, Extraction)
    assert [(m.name, m.value) for m in cut.module.enums[0].members] == [("C_A", len("counts.h") + 1)]
    assert _tree_passes() == []


def test_a_tree_pass_that_cannot_be_made_leaves_each_header_alone(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Should the tree pass fail where the shared prefix did not, the
    headers it would have served are extracted alone, the others still
    from the shared prefix."""
    forced_pass = api._forced_pass

    def failing(*args: Any) -> Any:
        if len(args) > 3 and args[3] is not None:
            raise GenError("the tree pass fails here")
        return forced_pass(*args)

    monkeypatch.setattr(api, "_forced_pass", failing)
    cut = _extract("first.h", True, monkeypatch)
    assert isinstance(cut, Extraction)
    assert _tree_passes() == []
    assert [p.tree_tried for p in api._PREFIXES.values() if p is not None] == [True]
    assert cut == _extract("first.h", False, monkeypatch)
    assert _extract("outside.h", True, monkeypatch) == _extract("outside.h", False, monkeypatch)


def test_an_error_in_the_header_names_it_as_alone(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cut = _extract("twice.h", True, monkeypatch)
    assert cut == _extract("twice.h", False, monkeypatch)
    assert cut == "twice.h:2:1: error: #error read twice"
