"""Diagnostics are one line of plain text (issue 18): control characters
from #error text, names and file names never reach the terminal raw."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from conftest import REPO

from gen.diagnostics import Diagnostic, Level, Location, printable

RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def test_printable() -> None:
    assert printable("a\x1b[31mred\x07\n\t\u202eb\udcff") == "a\\x1b[31mred\\x07\\n\\t\\u202eb\\udcff"
    assert printable("plain caf\u00e9 \u00fc") == "plain caf\u00e9 \u00fc"


def test_diagnostic_is_one_plain_line() -> None:
    d = Diagnostic(Level.ERROR, "#error ring\x07 \x1b]0;title\x07 done\nnext", Location("dir\nx\u202e.h", 3, 2))
    assert str(d) == "dir\\nx\\u202e.h:3:2: error: #error ring\\x07 \\x1b]0;title\\x07 done next"


def run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO), "GEN_NO_CACHE": "1"}
    return subprocess.run(
        [sys.executable, "-m", "gen", "-o", "out", *args], cwd=cwd, capture_output=True, text=True, env=env
    )


def test_error_text_with_escape_sequences(tmp_path: Path) -> None:
    (tmp_path / "h.h").write_bytes(b"#error \x1b[2J\x1b]0;pwned\x07 cleared\nenum E { A };\n")
    proc = run(["h.h"], tmp_path)
    assert proc.returncode == 2
    assert not RAW.search(proc.stderr)
    assert proc.stderr.splitlines()[0] == "h.h:1:1: error: #error \\x1b[2J\\x1b]0;pwned\\x07 cleared"


def test_file_name_with_a_newline(tmp_path: Path) -> None:
    name = "evil\nh.h"
    (tmp_path / name).write_text("enum E { A = B };\n", encoding="utf-8")
    proc = run([name], tmp_path)
    assert proc.returncode == 2
    lines = proc.stderr.splitlines()
    assert lines[0].startswith("evil\\nh.h:1:") and "error:" in lines[0]
    assert not RAW.search(proc.stderr)
