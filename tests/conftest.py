"""Shared test set-up: the golden-update switch and the case discovery."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import tomllib
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent

# The run cache (gen/cache.py) of the tests is their own, fresh each session.
os.environ.setdefault("GEN_CACHE_DIR", tempfile.mkdtemp(prefix="gen-test-cache-"))
CASES_DIR = REPO / "tests" / "cases"
UPDATE_COMMAND = "python -m pytest tests/test_golden.py --update-goldens"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-goldens",
        action="store_true",
        help="rewrite the expected outputs of tests/cases from the current code (read the diff before committing)",
    )


@dataclass(frozen=True)
class Case:
    name: str
    folder: Path
    header: str  # relative to the repo root
    args: tuple[str, ...]

    @property
    def expected(self) -> Path:
        return self.folder / "expected"


def discover_cases() -> list[Case]:
    cases = []
    for folder in sorted(p for p in CASES_DIR.iterdir() if (p / "case.toml").is_file()):
        spec = tomllib.loads((folder / "case.toml").read_text(encoding="utf-8"))
        header = spec.get("header", "input.h")
        if header.startswith("/"):
            rel = header.lstrip("/")
        else:
            rel = (folder / header).relative_to(REPO).as_posix()
        cases.append(Case(folder.name, folder, rel, tuple(spec.get("args", ()))))
    return cases


def run_gen(args: list[str], cwd: Path = REPO, check: bool = True) -> subprocess.CompletedProcess[str]:
    """Run the CLI as a user would (a separate process, real exit code)."""
    proc = subprocess.run([sys.executable, "-m", "gen", *args], cwd=cwd, capture_output=True, text=True, timeout=300)
    if check and proc.returncode != 0:
        raise AssertionError(f"gen {' '.join(args)} exited {proc.returncode}:\n{proc.stdout}\n{proc.stderr}")
    return proc


def generate_case(case: Case, out_dir: Path) -> dict[str, str]:
    """Outputs of one case, by file name."""
    if out_dir.exists():
        shutil.rmtree(out_dir)
    run_gen(["-q", "-o", str(out_dir), *case.args, case.header])
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(out_dir.iterdir())}


def node_tool(name: str) -> Path:
    """A tool from the project's node_modules (installed by `npm ci`)."""
    path = REPO / "node_modules" / ".bin" / name
    if not path.exists():
        raise AssertionError(f"{path} is missing: run `npm ci` in {REPO} first (see README)")
    return path
