"""Programs that use the generated code as its users do (tests/programs/):
the TypeScript one combines flags, tests bits of a 64-bit enum and looks an
unsigned HRESULT up, compiled with tsc --strict --erasableSyntaxOnly and run
by Node; the Python one looks HRESULTs up by their unsigned spelling,
checked by mypy --strict and run. Both use the golden outputs, so what they
show is what gen writes."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from conftest import CASES_DIR, REPO, node_tool

PROGRAMS = REPO / "tests" / "programs"
#: Module name in the programs -> the golden case whose output it is.
MODULES = {"flags": "flags", "values_64bit": "values_64bit", "hresult_codes": "hresult_codes", "imnxport": "imnxport"}


def _place(folder: Path, suffix: str) -> None:
    for module, case in MODULES.items():
        (golden,) = (CASES_DIR / case / "expected").glob(f"*{suffix}")
        shutil.copyfile(golden, folder / f"{module}{suffix}")


def test_typescript_program(tmp_path: Path) -> None:
    _place(tmp_path, ".ts")
    shutil.copyfile(PROGRAMS / "usage.ts", tmp_path / "usage.ts")
    build = subprocess.run(
        [
            str(node_tool("tsc")),
            "--strict",
            "--erasableSyntaxOnly",
            "--target",
            "es2022",
            "--module",
            "commonjs",
            "--outDir",
            str(tmp_path / "js"),
            str(tmp_path / "usage.ts"),
        ],
        capture_output=True,
        text=True,
    )
    assert build.returncode == 0, build.stdout + build.stderr
    run = subprocess.run(["node", str(tmp_path / "js" / "usage.js")], capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr
    assert run.stdout.strip() == "usage.ts: all checks passed"


def test_python_program(tmp_path: Path) -> None:
    _place(tmp_path, ".py")
    shutil.copyfile(PROGRAMS / "usage.py", tmp_path / "usage.py")
    mypy = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "usage.py"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert mypy.returncode == 0, mypy.stdout + mypy.stderr
    run = subprocess.run([sys.executable, "-X", "dev", "usage.py"], cwd=tmp_path, capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr
    assert run.stdout.strip() == "usage.py: all checks passed"
