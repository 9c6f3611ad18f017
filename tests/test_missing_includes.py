"""A missing include can change values: the lenient default warns (and says
which enum or #define group an undecided #if may change, at the #if), and
--werror / --missing-includes error (or their config keys) make it fatal."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gen.run.cli import main

HEADER = """\
#ifndef T_H
#define T_H
#include "config.h"
#ifdef __cplusplus
extern "C" {
#endif
enum T {
  T_FIRST,
#ifdef HAVE_TLS
  T_TLS,
#endif
  T_LAST
};
#if HAVE_X
#define FOO_A 1
#define FOO_B 2
#endif
#ifndef LIMIT
#define LIMIT 10
#endif
#ifdef COBJMACROS
#define T_Release(p) (p)->Release()
#endif
#if defined(USE_OLD)
typedef enum { OLD_A, OLD_B } OLD;
#endif
#ifdef __cplusplus
}
#endif
#endif
"""

WARNINGS = [
    "t.h:3:1: warning: 'config.h' not found; continuing without it",
    "t.h:9:1: warning: #ifdef HAVE_TLS: 'HAVE_TLS' is not defined, perhaps because 'config.h' was not found; "
    "enum 'T' may differ",
    "t.h:14:1: warning: #if HAVE_X: 'HAVE_X' is not defined, perhaps because 'config.h' was not found; "
    "the macros FOO_A, FOO_B may differ",
    "t.h:18:1: warning: #ifndef LIMIT: 'LIMIT' is not defined, perhaps because 'config.h' was not found; "
    "the macro LIMIT may differ",
    "t.h:24:1: warning: #if defined(USE_OLD): 'USE_OLD' is not defined, perhaps because 'config.h' was not found; "
    "the enums declared in it may differ",
]


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "t.h").write_text(HEADER, encoding="utf-8")
    return tmp_path


def members(project: Path) -> dict[str, int]:
    data = json.loads((project / "out" / "t.json").read_text(encoding="utf-8"))
    return {m["name"]: m["value"] for e in data["enums"] for m in e["members"]}


def test_lenient_default_warns_at_each_undecided_if(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The include guard, __cplusplus (gen predefines the compiler's macros
    exactly) and a conditional guarding only function-like macros say nothing."""
    assert main(["-q", "--no-cache", "t.h"]) == 0
    assert capsys.readouterr().err.splitlines() == WARNINGS
    assert members(project)["T_LAST"] == 1


def test_with_the_include_found_nothing_is_undecided(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "inc").mkdir()
    (project / "inc" / "config.h").write_text("#define HAVE_TLS 1\n#define HAVE_X 0\n", encoding="utf-8")
    assert main(["-q", "--no-cache", "-I", "inc", "t.h"]) == 0
    assert capsys.readouterr().err == ""
    assert members(project)["T_LAST"] == 2


@pytest.mark.parametrize(
    ("args", "config"),
    [
        (["--missing-includes", "error"], ""),
        ([], 'missing-includes = "error"\n'),
        (["--missing-includes=error", "--check"], ""),
    ],
    ids=["option", "config", "check"],
)
def test_missing_includes_error(
    project: Path, capsys: pytest.CaptureFixture[str], args: list[str], config: str
) -> None:
    if config:
        (project / "pyproject.toml").write_text(f'[tool.gen]\nheaders = ["t.h"]\n{config}', encoding="utf-8")
    assert main(["-q", "--no-cache", *args, *([] if config else ["t.h"])]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err[0] == "t.h:3:1: error: 'config.h' not found [--missing-includes=error]"
    assert err[1:-1] == WARNINGS[1:]  # still warnings: they say what the include would have decided
    assert err[-1] == "gen: 1 error(s); nothing written"
    assert not (project / "out").exists()


@pytest.mark.parametrize(
    ("args", "config"),
    [(["--werror"], ""), (["-Werror"], ""), ([], "werror = true\n")],
    ids=["--werror", "-Werror", "config"],
)
def test_werror(project: Path, capsys: pytest.CaptureFixture[str], args: list[str], config: str) -> None:
    if config:
        (project / "pyproject.toml").write_text(f'[tool.gen]\nheaders = ["t.h"]\n{config}', encoding="utf-8")
    assert main(["-q", "--no-cache", *args, *([] if config else ["t.h"])]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err[:-1] == [w.replace(": warning: ", ": error: ", 1) + " [-Werror]" for w in WARNINGS]
    assert err[-1] == f"gen: {len(WARNINGS)} error(s); nothing written"
    assert not (project / "out").exists()


def test_werror_without_warnings_changes_nothing(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "ok.h").write_text("enum E { A = 1 };\n", encoding="utf-8")
    assert main(["-q", "--no-cache", "--werror", "ok.h"]) == 0
    assert capsys.readouterr().err == ""


def test_anonymous_enum_and_definitions_in_an_included_file(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "a.h").write_text(
        '#include "missing.h"\n#include "b.h"\nenum { A_ONE = 1,\n#if LEVEL > 1\n  A_TWO,\n#endif\n};\n',
        encoding="utf-8",
    )
    # (Were the #ifndef first in the file, it would be taken for b.h's include guard.)
    (project / "b.h").write_text("int b(void);\n#ifndef B_LIMIT\n#define B_LIMIT 4\n#endif\n", encoding="utf-8")
    assert main(["-q", "--no-cache", "-f", "json", "a.h"]) == 0
    err = capsys.readouterr().err.splitlines()
    # B_LIMIT is b.h's: with --macros main it is not extracted, so nothing of
    # the output depends on that #ifndef.
    assert err == [
        "a.h:1:1: warning: 'missing.h' not found; continuing without it",
        "a.h:4:1: warning: #if LEVEL > 1: 'LEVEL' is not defined, perhaps because 'missing.h' was not found; "
        "the anonymous enum at line 3 may differ",
    ]
    assert main(["-q", "--no-cache", "-f", "json", "--macros", "all", "a.h"]) == 0
    assert "b.h:2:1: warning: #ifndef B_LIMIT: 'B_LIMIT' is not defined" in capsys.readouterr().err
