"""Issue 18's hostile and unusual C input, one test per reproducer of the C
front end: each ends with clang's values or one clean error (exit code 2,
``file:line:col: error: ...``, no traceback, nothing written).

The CLI runs in-process here (each case is small); tests/test_robustness.py
runs it as a process for the inputs where signals and exit codes matter.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from gen.c.frontend import extract
from gen.run import cli

ERROR_RE = re.compile(r"^(?P<where>[^\n]+?): error: (?P<message>[^\n]+)$")


@dataclass
class Result:
    code: int
    stderr: str
    values: dict[str, int]

    def errors(self) -> list[str]:
        assert "Traceback" not in self.stderr and "internal error" not in self.stderr, self.stderr
        return [ln for ln in self.stderr.splitlines() if ERROR_RE.match(ln)]


def run(folder: Path, text: str | bytes, *args: str, name: str = "t.h") -> Result:
    """gen on ``text`` (written to ``folder/name``); the JSON's values."""
    header = folder / name
    if isinstance(text, str):
        header.write_text(text, encoding="utf-8")
    else:
        header.write_bytes(text)
    out = folder / "out"
    shutil.rmtree(out, ignore_errors=True)
    err = io.StringIO()
    old = Path.cwd()
    os.chdir(folder)
    try:
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
            code = cli.main(["-q", "--no-cache", "-o", "out", "-f", "json", *args, name])
    finally:
        os.chdir(old)
    values: dict[str, int] = {}
    if code == 0:
        data = json.loads((out / f"{Path(name).stem}.json").read_text(encoding="utf-8"))
        values = {m["name"]: m["value"] for e in data["enums"] for m in e["members"]}
    else:
        assert not out.exists() or not any(out.iterdir()), "written on error"
    return Result(code, err.getvalue(), values)


def clean_error(result: Result, where: str, message: str) -> None:
    assert result.code == 2, result.stderr
    errors = result.errors()
    assert errors, result.stderr
    assert errors[0] == f"{where}: error: {message}", result.stderr


# -- item 1: comments spanning lines in directives (C11 5.1.1.2: one space before directives) ---------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("#define X 1 /* a comment\n   spanning lines */ + 1\nenum E { A = X };\n", {"X": 2, "A": 2}),
        ("#define X 0x10 /* a\n b\n c */ | 0x01\nenum E { A = X };\n", {"X": 17, "A": 17}),
        # The directive's lines join, and every later line keeps its number.
        ("#define X 1 /*\n*/ + 1\nenum E {\n  A = X,\n  B\n};\n", {"X": 2, "A": 2, "B": 3}),
        ("#if 0 /* a\n */ || 1\nenum E { A = 5 };\n#endif\n", {"A": 5}),
        ("/* only\n a comment */ #define W 4\nenum E { A = W };\n", {"W": 4, "A": 4}),
        # After C code, a comment spanning lines keeps a '#' out of the directives (as gcc does).
        ("#define Y 1\nint x; /* a\n */ # undef Y\nenum E { A = Y };\n", None),
        ("#define F(a, /* b\n */ b) a + b\nenum E { A = F(1, 2) };\n", {"A": 3}),
        ("#\\\ndef\\\nine \\\nX \\\n7\nenum E { A = X };\n", {"X": 7, "A": 7}),
    ],
)
def test_comments_and_splices_inside_directives(tmp_path: Path, text: str, expected: dict[str, int] | None) -> None:
    result = run(tmp_path, text, "--macros", "all")
    if expected is None:
        # gcc: the '#' is text, so "int x; # undef Y" is a syntax error; gen
        # does not take it as a directive (Y stays 1 for A).
        assert result.code == 0, result.stderr
        assert result.values["A"] == 1
        return
    assert result.code == 0, result.stderr
    assert {k: v for k, v in result.values.items() if k in expected} == expected


def test_lines_after_a_joined_directive_keep_their_numbers(tmp_path: Path) -> None:
    (tmp_path / "t.h").write_text("#define X 1 /* a\n b */ + 1\nenum E {\n  A = X\n};\n", encoding="utf-8")
    result = extract(tmp_path / "t.h", name="t.h", shims=False, macros="none")
    (member,) = result.module.enums[0].members
    assert (member.location.line, member.location.column, member.value) == (4, 3, 2)


# -- item 3: redefinitions --------------------------------------------------------------------------


def test_redeclared_enumerators_and_tags_are_errors(tmp_path: Path) -> None:
    result = run(tmp_path, "enum E { A = 1, A = 2 }; enum E { B = 3 };\n")
    assert result.code == 2
    assert result.errors()[:2] == [
        "t.h:1:17: error: redefinition of enumerator 'A' (previous definition at t.h:1:10)",
        "t.h:1:26: error: redefinition of 'enum E' (previous definition at t.h:1:1)",
    ]


def test_enumerator_and_typedef_of_one_name_are_errors(tmp_path: Path) -> None:
    clean_error(
        run(tmp_path, "typedef int T;\nenum { T = 4 };\n"),
        "t.h:2:8",
        "redefinition of 'T' as a different kind of symbol (previous definition, as a typedef name, at t.h:1:1)",
    )
    clean_error(
        run(tmp_path, "enum { T = 4 };\ntypedef int T;\n"),
        "t.h:2:1",
        "redefinition of 'T' as a different kind of symbol (previous definition, as an enumerator, at t.h:1:8)",
    )


def test_redefinition_across_an_include_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "inc.h").write_text("enum { SHARED = 1 };\n", encoding="utf-8")
    result = run(tmp_path, '#include "inc.h"\nenum { SHARED = 2 };\n')
    clean_error(
        result,
        "t.h:2:8",
        f"redefinition of enumerator 'SHARED' (previous definition at {(tmp_path / 'inc.h').resolve()}:1:8)",
    )


def test_enums_in_function_bodies_are_block_scoped(tmp_path: Path) -> None:
    text = (
        "enum { A = 1 };\n"
        "static int f(void) { enum { A = 2 }; return A; }\n"
        "static int g(void) { enum { A = 3 }; return A; }\n"
    )
    result = run(tmp_path, text)
    assert result.code == 0, result.stderr
    assert result.values == {"A": 1}


# -- item 8: internal errors become clean errors or right values ---------------------------------------


def test_integer_literals_past_python_digit_limit(tmp_path: Path) -> None:
    digits = "9" * 5000
    result = run(tmp_path, f"#define BIG {digits}\nenum {{ A = 1 }};\n")
    assert result.code == 0 and result.values == {"A": 1}, result.stderr  # BIG is no integer: skipped
    message = f"integer constant '{digits[:20]}...{digits[-20:]} (5000 characters)' is too large for any integer type"
    clean_error(
        run(tmp_path, f"enum {{ A = {digits} }};\n"),
        "t.h:1:12",
        f"cannot compute the value of enumerator 'A': {message}",
    )
    clean_error(run(tmp_path, f"#if {digits}\n#endif\n"), "t.h:1:5", f"in #if: {message}")
    hex_digits = "0x" + "f" * 5000
    assert run(tmp_path, f"enum {{ A = {hex_digits} }};\n").code == 2


def test_a_cast_of_a_huge_floating_constant_saturates_as_in_clang(tmp_path: Path) -> None:
    result = run(tmp_path, "enum E { A = (int)0x1p99999, B = (unsigned char)-1e999, C = (int)1e10 };\n")
    assert result.code == 0, result.stderr
    assert result.values == {"A": 2147483647, "B": 0, "C": 2147483647}


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links")
def test_a_symbolic_link_loop(tmp_path: Path) -> None:
    os.symlink("b.h", tmp_path / "a.h")
    os.symlink("a.h", tmp_path / "b.h")
    clean_error(
        run(tmp_path, '#include "a.h"\nenum { A };\n', name="m.h"),
        "m.h:1:1",
        f"cannot include 'a.h': {tmp_path.resolve() / 'a.h'} is a symbolic link loop, not a regular file",
    )
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.chdir(tmp_path):
        assert cli.main(["--no-cache", "-o", "out", "a.h"]) == 2
    assert err.getvalue().splitlines()[0] == "a.h:1:1: error: cannot read file: Too many levels of symbolic links"


# -- item 15: includes that exist but are not files; missing ';' -------------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_include_of_a_fifo_says_what_it_is(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "fifo.h")
    clean_error(
        run(tmp_path, '#include "fifo.h"\n'),
        "t.h:1:1",
        f"cannot include 'fifo.h': {tmp_path.resolve() / 'fifo.h'} is a FIFO, not a regular file",
    )


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_forced_include_of_a_device_says_what_it_is(tmp_path: Path) -> None:
    clean_error(
        run(tmp_path, "enum { A };\n", "-include", "/dev/zero"),
        "<command line>:1",
        "cannot include '/dev/zero': /dev/zero is a character device, not a regular file",
    )


def test_include_of_a_directory_says_so_and_search_goes_on(tmp_path: Path) -> None:
    result = run(tmp_path, '#include "."\nenum { A = 1 };\n')
    assert result.code == 0
    assert f"t.h:1:1: warning: '.' not found ({tmp_path.resolve()} is a directory); continuing without it" in (
        result.stderr
    )
    # A directory named like the header in one folder, the header in the next.
    (tmp_path / "first" / "x.h").mkdir(parents=True)
    (tmp_path / "second").mkdir()
    (tmp_path / "second" / "x.h").write_text("enum { FROM_X = 7 };\n", encoding="utf-8")
    result = run(tmp_path, "#include <x.h>\nenum { B = FROM_X };\n", "-I", "first", "-I", "second")
    assert result.code == 0, result.stderr
    assert result.values == {"B": 7}
