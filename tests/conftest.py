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

# The run cache (gen/run/cache.py) of the tests is their own, fresh each session.
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


@dataclass(frozen=True)
class Installed:
    """gen installed from its own wheel into a fresh virtual environment."""

    venv: Path
    wheel: Path
    sdist: Path

    @property
    def bin(self) -> Path:
        return self.venv / ("Scripts" if os.name == "nt" else "bin")

    @property
    def gen(self) -> Path:
        return self.bin / "gen"

    @property
    def python(self) -> Path:
        return self.bin / "python"


def outside_env() -> dict[str, str]:
    """The environment for a process that must use the installed package:
    without PYTHONPATH (a session working in a copy sets it to the copy)."""
    return {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "GEN_DEBUG")}


def make_venv(folder: Path) -> Path:
    """A new virtual environment that sees the packages of the one running
    the tests (pycparser, jinja2, hatchling, ... from the test extra, so
    nothing is downloaded) but not this checkout: the test environment's
    site-packages is added after the venv's own through a .pth file, and
    an editable install's path hook there is not processed."""
    import sysconfig
    import venv

    venv.EnvBuilder(with_pip=False).create(folder)
    python = folder / ("Scripts" if os.name == "nt" else "bin") / "python"
    purelib = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    outer = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    Path(purelib, "_gen_tests_outer.pth").write_text("".join(f"{p}\n" for p in sorted(outer)), encoding="utf-8")
    return python


def pip_install(python: Path, *args: str) -> None:
    """``pip install`` into the environment of ``python`` (with the pip that runs the tests)."""
    proc = subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "-q", *args],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


@pytest.fixture(scope="session")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Installed:
    """gen built as a user's build front end builds it (sdist, then the wheel
    from the sdist) and installed from the wheel into a new venv."""
    root = tmp_path_factory.mktemp("gen-dist")
    build = subprocess.run(
        [sys.executable, "-m", "build", "--no-isolation", "--outdir", str(root / "dist"), str(REPO)],
        capture_output=True,
        text=True,
    )
    assert build.returncode == 0, build.stdout + build.stderr
    wheel = next((root / "dist").glob("*.whl"))
    sdist = next((root / "dist").glob("*.tar.gz"))
    python = make_venv(root / "venv")
    pip_install(python, str(wheel))
    return Installed(root / "venv", wheel, sdist)
