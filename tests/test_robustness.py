"""Hostile and broken inputs: every one is answered in bounded time and
memory, with the right result or a clean error -- one ``file:line:col:
error: ...`` line, exit code 2, no traceback, nothing written -- and writes
never leave the output folder nor leave a half-written file behind.

The big inputs are generated at test time. The million-enumerator case
takes about a minute, so it is marked ``slow`` and runs only with
``GEN_SLOW_TESTS=1`` (see CONTRIBUTING.md); a 100,000-enumerator version
runs by default.
"""

from __future__ import annotations

import json
import os
import random
import re
import resource
import signal
import stat
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import REPO

from gen.c import source
from gen.diagnostics import GenError
from gen.run import cli

ERROR_RE = re.compile(r"^(?P<file>[^\n]+?):(?P<line>\d+):(?P<col>\d+): error: (?P<message>[^\n]+)$")
SUMMARY_RE = re.compile(r"^gen: \d+ error\(s\); nothing written$")
SLOW = pytest.mark.skipif(not os.environ.get("GEN_SLOW_TESTS"), reason="slow: set GEN_SLOW_TESTS=1")


@dataclass
class Run:
    code: int
    stdout: str
    stderr: str
    seconds: float

    @property
    def error(self) -> re.Match[str]:
        """The (first) error line, parsed; asserts the stderr is clean."""
        lines = self.stderr.splitlines()
        assert "Traceback" not in self.stderr, self.stderr
        assert all(ERROR_RE.match(ln) or SUMMARY_RE.match(ln) or ": warning: " in ln for ln in lines), self.stderr
        errors = [m for m in map(ERROR_RE.match, lines) if m]
        assert errors, f"no error line in:\n{self.stderr}"
        return errors[0]


def gen(args: Sequence[str], cwd: Path, timeout: float = 120) -> Run:
    """Run the CLI as a separate process (real exit code, real signals)."""
    env = {**os.environ, "GEN_CACHE_DIR": str(cwd / ".gen-cache"), "PYTHONPATH": str(REPO)}
    start = time.monotonic()
    proc = subprocess.run(
        [sys.executable, "-m", "gen", "--no-cache", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
    )
    return Run(proc.returncode, proc.stdout, proc.stderr, time.monotonic() - start)


def files_under(folder: Path) -> set[str]:
    """Files (and links) under ``folder``, but not gen's caches (GEN_CACHE_DIR)."""
    found = {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file() or p.is_symlink()}
    return {f for f in found if ".gen-cache/" not in f}


def assert_clean_error(run: Run, out: Path, file: str, line: int | None = None, message: str = "") -> re.Match[str]:
    """Exit 2, one-line diagnostics naming ``file`` (and ``line``), nothing written."""
    assert run.code == 2, f"exit {run.code}\n{run.stdout}\n{run.stderr}"
    error = run.error
    assert error["file"] == file or error["file"].endswith("/" + file), run.stderr  # includes: full path
    if line is not None:
        assert int(error["line"]) == line, run.stderr
    assert message in error["message"], run.stderr
    assert not out.exists() or not any(out.iterdir()), f"written on error: {sorted(files_under(out))}"
    return error


def json_output(out: Path, stem: str) -> dict[str, int]:
    data = json.loads((out / f"{stem}.json").read_text(encoding="utf-8"))
    return {m["name"]: m["value"] for e in data["enums"] for m in e["members"]}


# -- nesting -----------------------------------------------------------------------------------


def test_parentheses_100000_deep_in_an_enum(tmp_path: Path) -> None:
    depth = 100_000
    (tmp_path / "deep.h").write_text("enum E {\n  A = 1,\n  B = " + "(" * depth + "1" + ")" * depth + "\n};\n")
    run = gen(["-o", "out", "deep.h"], tmp_path)
    error = assert_clean_error(run, tmp_path / "out", "deep.h", 3, "bracket nesting level exceeded maximum of 256")
    assert int(error["col"]) == len("  B = ") + 257  # the 257th "("
    assert run.seconds < 30


def test_parentheses_256_deep_still_evaluate(tmp_path: Path) -> None:
    # clang's default bracket limit; recursive pycparser needs a raised stack for it.
    (tmp_path / "d.h").write_text("enum E { A = " + "(" * 256 + "-7" + ")" * 256 + " };\n")
    run = gen(["-o", "out", "-f", "json", "d.h"], tmp_path)
    assert run.code == 0, run.stderr
    assert json_output(tmp_path / "out", "d") == {"A": -7}


@pytest.mark.parametrize("chain", ["-", "~", "(int)", "(unsigned char)-"])
def test_deep_prefix_chains_are_clean_errors(tmp_path: Path, chain: str) -> None:
    # 100,000 unary operators or casts: no bracket is deep, but a recursive
    # parser would need 100,000 frames. The answer is a clean error.
    (tmp_path / "u.h").write_text("enum E { A = " + chain * 100_000 + "1 };\n")
    run = gen(["-o", "out", "u.h"], tmp_path)
    assert_clean_error(run, tmp_path / "out", "u.h", 1, "nested too deeply")
    assert run.seconds < 60


def test_macro_calls_nested_1000_deep_evaluate(tmp_path: Path) -> None:
    # clang sets no limit on calls nested in macro arguments; the invocation
    # parentheses are gone after expansion, so no bracket is deep.
    calls = "F(" * 1000 + "0" + ")" * 1000
    (tmp_path / "m.h").write_text(f"#define F(x) x+1\n#define DEEP {calls}\nenum E {{ A = {calls} }};\n")
    run = gen(["-o", "out", "-f", "json", "m.h"], tmp_path)
    assert run.code == 0, run.stderr
    assert json_output(tmp_path / "out", "m") == {"A": 1000, "DEEP": 1000}


@pytest.mark.parametrize("where", ["enum", "macro"])
def test_macro_calls_nested_5000_deep_are_clean_errors(tmp_path: Path, where: str) -> None:
    calls = "F(" * 5000 + "0" + ")" * 5000
    body = f"enum E {{ A = {calls} }};" if where == "enum" else f"#define DEEP {calls}"
    (tmp_path / "m.h").write_text(f"#define F(x) x+1\n{body}\n")
    run = gen(["-o", "out", "m.h"], tmp_path)
    assert_clean_error(run, tmp_path / "out", "m.h", None, "too")


def test_if_parentheses_100000_deep(tmp_path: Path) -> None:
    depth = 100_000
    text = "#if " + "(" * depth + "2 > 1" + ")" * depth + "\nenum E { A = 5 };\n#else\nenum E { A = 6 };\n#endif\n"
    (tmp_path / "i.h").write_text(text)
    run = gen(["-o", "out", "-f", "json", "i.h"], tmp_path)
    assert run.code == 0, run.stderr
    assert json_output(tmp_path / "out", "i") == {"A": 5}


def test_long_operator_chain_in_an_enum(tmp_path: Path) -> None:
    # Not nested at all: 100,000 additions evaluate, without recursion.
    (tmp_path / "c.h").write_text("enum E { A = " + " + ".join(["1"] * 100_000) + " };\n")
    run = gen(["-o", "out", "-f", "json", "c.h"], tmp_path)
    assert run.code == 0, run.stderr
    assert json_output(tmp_path / "out", "c") == {"A": 100_000}


# -- size --------------------------------------------------------------------------------------


def write_enumerators(path: Path, count: int) -> None:
    with path.open("w", encoding="ascii") as f:
        f.write("enum Big {\n")
        for i in range(count):
            f.write(f"  E{i} = {i * 3},\n" if i % 2 else f"  E{i},\n")
        f.write("};\n")


def check_enumerators(out: Path, stem: str, count: int) -> None:
    values = json_output(out, stem)
    assert len(values) == count
    assert all(values[f"E{i}"] == (i * 3 if i % 2 else (i - 1) * 3 + 1 if i else 0) for i in range(count))


def test_100000_enumerators(tmp_path: Path) -> None:
    write_enumerators(tmp_path / "many.h", 100_000)
    run = gen(["-o", "out", "many.h"], tmp_path)
    assert run.code == 0, run.stderr
    check_enumerators(tmp_path / "out", "many", 100_000)
    assert run.seconds < 60


@pytest.mark.slow
@SLOW
def test_a_million_enumerators(tmp_path: Path) -> None:
    write_enumerators(tmp_path / "million.h", 1_000_000)
    run = gen(["-o", "out", "million.h"], tmp_path, timeout=900)
    assert run.code == 0, run.stderr
    check_enumerators(tmp_path / "out", "million", 1_000_000)
    assert run.seconds < 300
    assert resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss < 8 * 1024 * 1024  # KiB: under 8 GiB


def test_a_50_mb_header(tmp_path: Path) -> None:
    header = tmp_path / "big.h"
    with header.open("w", encoding="ascii") as f:
        f.write("/* a licence text that never ends\n")
        line = "   " + "lorem ipsum dolor sit amet " * 3 + "enum { NOT = 1 }; */ is still the comment? no: *\\/\n"
        f.write(line.replace("*/", "* /") * (45_000_000 // len(line)))
        f.write("*/\n")
        for i in range(40_000):
            f.write(f"int function_{i}(int a, long b, const char *c); /* {i} */\n")
        f.write("typedef enum tagLAST { LAST_A = 1 << 4, LAST_B = LAST_A | 1 } LAST;\n")
    assert header.stat().st_size > 47_000_000
    run = gen(["-o", "out", "-f", "json", "big.h"], tmp_path, timeout=300)
    assert run.code == 0, run.stderr
    assert json_output(tmp_path / "out", "big") == {"LAST_A": 16, "LAST_B": 17}
    assert run.seconds < 120
    assert resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss < 4 * 1024 * 1024  # KiB: under 4 GiB


def test_a_file_over_the_size_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(source, "MAX_FILE_BYTES", 1000)
    (tmp_path / "h.h").write_text("/*" + "x" * 2000 + "*/\nenum E { A };\n")
    with pytest.raises(GenError, match="larger than"):
        source.read_source(tmp_path / "h.h", "h.h")


# -- includes ----------------------------------------------------------------------------------


def test_include_cycle(tmp_path: Path) -> None:
    (tmp_path / "a.h").write_text('#include "b.h"\nenum A { A1 = 1 };\n')
    (tmp_path / "b.h").write_text('\n#include "a.h"\nenum B { B1 = 2 };\n')
    run = gen(["-o", "out", "a.h"], tmp_path)
    assert_clean_error(run, tmp_path / "out", "b.h", 2, "#include nested deeper than 200 levels")
    assert run.seconds < 30


def test_header_that_includes_itself(tmp_path: Path) -> None:
    (tmp_path / "self.h").write_text('enum A { A1 = 1 };\n#include "self.h"\n')
    run = gen(["-o", "out", "self.h"], tmp_path)
    assert_clean_error(run, tmp_path / "out", "self.h", 2, "#include nested deeper than 200 levels")


def test_header_that_includes_itself_behind_a_guard(tmp_path: Path) -> None:
    (tmp_path / "g.h").write_text('#ifndef G_H\n#define G_H\n#include "g.h"\nenum A { A1 = 1 };\n#endif\n')
    run = gen(["-o", "out", "-f", "json", "g.h"], tmp_path)
    assert run.code == 0, run.stderr
    assert json_output(tmp_path / "out", "g")["A1"] == 1


# -- what is not a C header --------------------------------------------------------------------


def test_binary_file_with_nul_bytes(tmp_path: Path) -> None:
    (tmp_path / "bin.h").write_bytes(b"enum E { A = 1 };\n\x7fELF\x02\x01\x01\x00\x00\x00")
    run = gen(["-o", "out", "bin.h"], tmp_path)
    assert_clean_error(run, tmp_path / "out", "bin.h", 2, "NUL bytes")


def test_binary_file_without_nul_bytes(tmp_path: Path) -> None:
    rng = random.Random(6)
    (tmp_path / "noise.h").write_bytes(bytes(rng.randrange(1, 256) for _ in range(100_000)))
    run = gen(["-o", "out", "noise.h"], tmp_path)
    assert_clean_error(run, tmp_path / "out", "noise.h", message="binary data")


def test_the_python_interpreter_as_a_header(tmp_path: Path) -> None:
    run = gen(["-o", "out", sys.executable], tmp_path)
    assert_clean_error(run, tmp_path / "out", Path(sys.executable).name, message="NUL bytes")


def test_nul_byte_is_located(tmp_path: Path) -> None:
    (tmp_path / "nul.h").write_bytes(b"enum E {\n  A = 1,\n  B\x00 = 2\n};\n")
    run = gen(["-o", "out", "nul.h"], tmp_path)
    error = assert_clean_error(run, tmp_path / "out", "nul.h", 3, "NUL bytes")
    assert int(error["col"]) == 4


def test_invalid_utf8_in_comments_and_strings_is_fine(tmp_path: Path) -> None:
    (tmp_path / "l1.h").write_bytes(
        b'/* Copyright \xa9 caf\xe9 \xff\xfe */\nstatic const char *s = "\xe9";\nenum E { A = 1, B = A << 3 }; // \xc3\x28\n'
    )
    run = gen(["-o", "out", "l1.h"], tmp_path)
    assert run.code == 0, run.stderr
    assert json_output(tmp_path / "out", "l1") == {"A": 1, "B": 8}


def test_invalid_utf8_where_a_name_goes(tmp_path: Path) -> None:
    (tmp_path / "bad.h").write_bytes(b"enum E {\n  A = 1,\n  B\xe9 = 2\n};\n")
    run = gen(["-o", "out", "bad.h"], tmp_path)
    assert_clean_error(run, tmp_path / "out", "bad.h", 3)


def test_utf16_header_is_decoded(tmp_path: Path) -> None:
    (tmp_path / "w.h").write_bytes("\ufeffenum E { A = 0x10, B };\r\n".encode("utf-16-le"))
    run = gen(["-o", "out", "-f", "json", "w.h"], tmp_path)
    assert run.code == 0, run.stderr
    assert json_output(tmp_path / "out", "w") == {"A": 16, "B": 17}


def test_unterminated_comment_and_enum(tmp_path: Path) -> None:
    (tmp_path / "c.h").write_text("enum E { A = 1 };\n  /* never closed\nenum F { B };\n")
    assert_clean_error(gen(["-o", "out", "c.h"], tmp_path), tmp_path / "out", "c.h", 2, "unterminated /* comment")
    (tmp_path / "e.h").write_text("enum E { A = 1,\n  B = 2\n")
    assert_clean_error(gen(["-o", "out", "e.h"], tmp_path), tmp_path / "out", "e.h", 1, "unterminated enum")


def test_empty_file(tmp_path: Path) -> None:
    (tmp_path / "empty.h").write_bytes(b"")
    run = gen(["-o", "out", "empty.h"], tmp_path)
    assert run.code == 0, run.stderr
    out = tmp_path / "out"
    assert sorted(files_under(out)) == ["empty.json", "empty.py", "empty.ts"]
    assert json.loads((out / "empty.json").read_text())["enums"] == []
    namespace: dict[str, object] = {}
    exec(compile((out / "empty.py").read_text(), "empty.py", "exec"), namespace)
    assert namespace["__all__"] == []
    for tool in (["ruff", "check", "--isolated"], ["mypy", "--strict", "--no-incremental"]):
        proc = subprocess.run([sys.executable, "-m", *tool, str(out / "empty.py")], capture_output=True, text=True)
        assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "export {};" in (out / "empty.ts").read_text()  # a module, not a script


def test_directory_as_header(tmp_path: Path) -> None:
    (tmp_path / "dir.h").mkdir()
    run = gen(["-o", "out", "dir.h"], tmp_path)
    assert_clean_error(run, tmp_path / "out", "dir.h", 1, "is a directory")


def test_missing_header(tmp_path: Path) -> None:
    run = gen(["-o", "out", "nowhere.h"], tmp_path)
    assert_clean_error(run, tmp_path / "out", "nowhere.h", 1, "No such file")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_fifo_as_header_does_not_hang(tmp_path: Path) -> None:
    # Opening a FIFO for reading blocks until a writer comes: gen must not wait.
    os.mkfifo(tmp_path / "pipe.h")
    run = gen(["-o", "out", "pipe.h"], tmp_path, timeout=30)
    assert_clean_error(run, tmp_path / "out", "pipe.h", 1, "not a regular file")


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_endless_device_as_header(tmp_path: Path) -> None:
    run = gen(["-o", "out", "/dev/zero"], tmp_path, timeout=30)
    assert_clean_error(run, tmp_path / "out", "zero", 1, "not a regular file")


@pytest.mark.skipif(not Path("/proc/self/mem").exists(), reason="no /proc")
def test_file_that_fails_to_read(tmp_path: Path) -> None:
    # /proc/self/mem opens but reading offset 0 fails (EIO): an unreadable file.
    run = gen(["-o", "out", "/proc/self/mem"], tmp_path, timeout=30)
    assert_clean_error(run, tmp_path / "out", "mem", 1, "cannot read file")


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    # Tests run as root, for whom chmod 000 changes nothing: refuse the open instead.
    header = tmp_path / "secret.h"
    header.write_text("enum E { A };\n")
    real_open = os.open

    def deny(path: object, flags: int, *args: int) -> int:
        if str(path).endswith("secret.h"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, flags, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", deny)
    monkeypatch.chdir(tmp_path)
    code = cli.main(["-q", "--no-cache", "-o", "out", "secret.h"])
    err = capsys.readouterr().err
    assert code == 2
    assert err.splitlines()[0] == "secret.h:1:1: error: cannot read file: Permission denied"
    assert not (tmp_path / "out").exists()


def test_errors_in_one_of_several_headers_write_nothing(tmp_path: Path) -> None:
    (tmp_path / "good.h").write_text("enum G { G1 = 1 };\n")
    (tmp_path / "bad.h").write_text("enum B { B1 = 1 / 0 };\n")
    run = gen(["-o", "out", "good.h", "bad.h"], tmp_path)
    assert_clean_error(run, tmp_path / "out", "bad.h", 1, "division by zero")


def test_every_broken_header_of_a_run_is_reported(tmp_path: Path) -> None:
    (tmp_path / "good.h").write_text("enum G { G1 = 1 };\n")
    (tmp_path / "bad.h").write_text("enum B { B1 = 1, @ };\n")
    (tmp_path / "inc.h").write_text("enum { X = 1,\n")
    (tmp_path / "reaches.h").write_text('#include "inc.h"\n')
    run = gen(["-q", "-o", "out", "-j", "1", "good.h", "bad.h", "reaches.h"], tmp_path)
    assert_clean_error(run, tmp_path / "out", "bad.h", 1)
    errors = [line for line in run.stderr.splitlines() if ": error: " in line]
    assert len(errors) == 2, run.stderr
    assert errors[1].endswith("(while extracting reaches.h)"), errors[1]
    assert "gen: 2 error(s); nothing written" in run.stderr


# -- writes stay in the output folder --------------------------------------------------------------


@pytest.mark.parametrize(
    ("relative", "stem"),
    [
        ("../up.h", "up"),
        ("..h", "_"),
        (".h", "_"),
        ("sub/../dots.h", "dots"),
        ("with space.h", "with_space"),
        ("unicodé ünï.h", "unicod___n_"),
        ("semi;colon;rm -rf.h", "semi_colon_rm__rf"),
        ("My-Header.Final.h", "my_header_final"),
        ("1st.h", "_1st"),
        ("$(touch pwned).h", "__touch_pwned_"),
        ("class.h", "class_"),  # a Python keyword is no module name
    ],
)
def test_output_names_stay_in_the_output_folder(tmp_path: Path, relative: str, stem: str) -> None:
    work = tmp_path / "work"
    (work / "sub").mkdir(parents=True)
    header = (work / relative).resolve()
    header.write_text("enum E { A = 1 };\n")
    before = files_under(tmp_path)
    run = gen(["-o", "out", relative], work)
    assert run.code == 0, run.stderr
    created = files_under(tmp_path) - before
    assert created == {f"work/out/{stem}.{ext}" for ext in ("py", "json", "ts")}, created


@pytest.mark.skipif(sys.platform == "darwin", reason="macOS file names are always UTF-8")
def test_header_name_that_is_not_utf8(tmp_path: Path) -> None:
    name = os.fsdecode(b"\xff\xfe.h")  # undecodable bytes: lone surrogates in Python
    (tmp_path / name).write_text("enum E { A = 1 };\n")
    run = gen(["-o", "out", "--depfile", "out/deps.d", name], tmp_path)
    assert run.code == 0, run.stderr
    out = tmp_path / "out"
    assert sorted(files_under(out)) == ["__.json", "__.py", "__.ts", "deps.d"]
    assert "\ufffd" in (out / "__.py").read_text(encoding="utf-8")  # the name, readable
    assert json.loads((out / "__.json").read_text(encoding="utf-8"))["source"] == "\ufffd\ufffd.h"
    assert b"\xff\xfe.h" in (out / "deps.d").read_bytes()  # make needs the real bytes


@pytest.mark.skipif(sys.platform == "darwin", reason="macOS file names are always UTF-8")
def test_include_names_that_are_not_utf8(tmp_path: Path) -> None:
    # A header in a legacy code page names its includes in the same bytes.
    (tmp_path / os.fsdecode(b"caf\xe9.h")).write_text("enum { X = 5 };\n")
    (tmp_path / os.fsdecode(b"\xff.h")).write_text("enum { Z = 7 };\n")
    (tmp_path / "m.h").write_bytes(b'#include "caf\xe9.h"\n#include "\xff.h"\nenum { Y = X + Z };\n')
    run = gen(["-o", "out", "-f", "json", "--depfile", "out/m.d", "m.h"], tmp_path)
    assert run.code == 0, run.stderr
    assert json_output(tmp_path / "out", "m")["Y"] == 12
    assert b"caf\xe9.h" in (tmp_path / "out" / "m.d").read_bytes()


def test_header_names_that_collide_are_an_error(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "x.h").write_text("enum A { A1 };\n")
    (tmp_path / "X.h").write_text("enum B { B1 };\n")
    run = gen(["-o", "out", "a/x.h", "X.h"], tmp_path)
    assert run.code == 2 and "would both write" in run.stderr, run.stderr
    assert not (tmp_path / "out").exists()


def test_output_symlink_is_replaced_not_followed(tmp_path: Path) -> None:
    (tmp_path / "h.h").write_text("enum E { A = 1 };\n")
    (tmp_path / "out").mkdir()
    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n")
    (tmp_path / "out" / "h.py").symlink_to(victim)
    run = gen(["-o", "out", "h.h"], tmp_path)
    assert run.code == 0, run.stderr
    assert victim.read_text() == "precious\n"
    assert not (tmp_path / "out" / "h.py").is_symlink()
    assert "class E(enum.IntEnum)" in (tmp_path / "out" / "h.py").read_text()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_output_path_that_is_a_fifo_does_not_hang(tmp_path: Path) -> None:
    """A FIFO is never replaced: with nobody reading it, a clean error (not
    a hang) and nothing written; with a reader, the text goes through it."""
    (tmp_path / "h.h").write_text("enum E { A = 1 };\n")
    (tmp_path / "out").mkdir()
    fifo = tmp_path / "out" / "h.py"
    os.mkfifo(fifo)
    run = gen(["-o", "out", "h.h"], tmp_path, timeout=30)
    assert run.code == 2 and "Traceback" not in run.stderr
    assert run.stderr.splitlines() == [
        "out/h.py:1: error: cannot write out/h.py: it is a FIFO that nobody reads",
        "gen: 1 error(s); nothing written",
    ]
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["h.py"]
    reader = subprocess.Popen(["cat", str(fifo)], stdout=subprocess.PIPE)
    try:
        time.sleep(0.2)  # cat has the FIFO open
        run = gen(["-o", "out", "-f", "python", "h.h"], tmp_path, timeout=30)
        received = reader.communicate(timeout=30)[0].decode()
    finally:
        reader.kill()
    assert run.code == 0, run.stderr
    assert "class E(enum.IntEnum)" in received
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


# -- a run killed at any point --------------------------------------------------------------------

#: A leftover of a killed run: the temporary file of one output (see CONTRIBUTING.md).
TEMP_RE = re.compile(r"^\.gen-[a-z0-9]{8}\.(tmp|old)$")

KILLER = """
import os, signal, sys
import gen.output.writer
when, n = sys.argv[1], int(sys.argv[2])
calls = {"write": 0, "fsync": 0, "replace": 0}

def step(name, real):
    def wrapper(*args):
        calls[name] += 1
        if name == when and calls[name] == n:
            if name == "write":  # die half-way through a chunk of the output
                real(args[0], bytes(args[1])[: len(args[1]) // 2])
            os.kill(os.getpid(), signal.SIGKILL)
        return real(*args)
    return wrapper

WRITE = step("write", os.write)
# The writer's view of os: the same, with its write (in 4 KiB chunks),
# fsync and replace steps hooked.
proxy = type(sys)("os")
proxy.__dict__.update(os.__dict__)
proxy.write = lambda fd, data: WRITE(fd, bytes(data[:4096]))
proxy.fsync = step("fsync", os.fsync)
proxy.replace = step("replace", os.replace)
gen.output.writer.os = proxy
from gen.run.cli import main
sys.exit(main(sys.argv[3:]))
"""


def versions(folder: Path) -> tuple[dict[str, str], dict[str, str]]:
    """Outputs of two different versions of one header: (old, new)."""
    (folder / "kill.h").write_text("enum OLD { " + ", ".join(f"O{i} = {i}" for i in range(3000)) + " };\n")
    assert gen(["-o", "out", "kill.h"], folder).code == 0
    old = {p.name: p.read_text() for p in (folder / "out").iterdir()}
    (folder / "kill.h").write_text("enum NEW { " + ", ".join(f"N{i} = {i * 7}" for i in range(3000)) + " };\n")
    assert gen(["-o", "new", "kill.h"], folder).code == 0
    new = {p.name: p.read_text() for p in (folder / "new").iterdir()}
    return old, new


def assert_each_output_old_or_new(out: Path, old: dict[str, str], new: dict[str, str]) -> list[str]:
    leftovers = []
    for p in out.iterdir():
        if p.name in old:
            text = p.read_text()
            assert text in (old[p.name], new[p.name]), f"{p.name} is neither the old nor the new output"
        else:
            assert TEMP_RE.match(p.name), f"unexpected file {p.name}"
            leftovers.append(p.name)
    assert set(old) <= {p.name for p in out.iterdir()}, "an output disappeared"
    return leftovers


@pytest.mark.parametrize(
    ("when", "n"), [("write", 1), ("write", 2), ("fsync", 1), ("replace", 1), ("replace", 2), ("replace", 3)]
)
def test_killed_at_each_step_of_writing(tmp_path: Path, when: str, n: int) -> None:
    old, new = versions(tmp_path)
    env = {**os.environ, "PYTHONPATH": str(REPO), "GEN_CACHE_DIR": str(tmp_path / ".gen-cache")}
    proc = subprocess.run(
        [sys.executable, "-c", KILLER, when, str(n), "-q", "--no-cache", "-o", "out", "kill.h"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert proc.returncode == -signal.SIGKILL, proc.stderr
    leftovers = assert_each_output_old_or_new(tmp_path / "out", old, new)
    replaced = sum((tmp_path / "out" / name).read_text() == new[name] for name in old)
    assert replaced == (n - 1 if when == "replace" else 0)
    # The next run completes the job; leftovers of the killed one are ignored.
    rerun = gen(["-o", "out", "kill.h"], tmp_path)
    assert rerun.code == 0, rerun.stderr
    assert {name: (tmp_path / "out" / name).read_text() for name in old} == new
    assert {p.name for p in (tmp_path / "out").iterdir()} == set(old) | set(leftovers)


def test_sigkill_at_random_moments(tmp_path: Path) -> None:
    old, new = versions(tmp_path)
    rng = random.Random(11)
    full = gen(["-o", "probe", "kill.h"], tmp_path).seconds
    env = {**os.environ, "PYTHONPATH": str(REPO), "GEN_CACHE_DIR": str(tmp_path / ".gen-cache")}
    for _ in range(8):
        proc = subprocess.Popen(
            [sys.executable, "-m", "gen", "-q", "--no-cache", "-o", "out", "kill.h"],
            cwd=tmp_path,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(rng.uniform(0.2, 1.2) * full)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=60)
        assert_each_output_old_or_new(tmp_path / "out", old, new)
        # Back to the old version for the next round.
        for name, text in old.items():
            (tmp_path / "out" / name).write_text(text)
