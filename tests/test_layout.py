"""The package's layout: stages import one way, with no cycle (the
import-linter contracts in pyproject.toml), and the checker notices a
forbidden import when one is added."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO


def lint_imports(root: Path) -> subprocess.CompletedProcess[str]:
    """``lint-imports`` on the ``gen`` package found in ``root``."""
    env = {**os.environ, "PYTHONPATH": str(root)}
    return subprocess.run(
        [str(Path(sys.executable).parent / "lint-imports"), "--config", str(root / "pyproject.toml"), "--no-cache"],
        cwd=root,
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )


def test_the_contracts_are_kept() -> None:
    proc = lint_imports(REPO)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "3 kept, 0 broken" in proc.stdout


@pytest.mark.parametrize(
    ("module", "added", "broken"),
    [
        # A front end reaching into the outputs.
        ("gen/c/lexer.py", "from gen.output import filters", "Stages import one way"),
        # The outputs reaching into a front end.
        ("gen/output/filters.py", "import gen.c.inttypes", "Stages import one way"),
        # The model depending on a stage.
        ("gen/model.py", "import gen.run.cache", "Stages import one way"),
        # A cycle inside one stage.
        ("gen/c/lexer.py", "import gen.c.macros", "No import cycle"),
        # The C front end reaching up into the IDL front end built on it.
        ("gen/c/source.py", "import gen.idl.syntax", "Stages import one way"),
        # The IDL front end reaching into the outputs or the docs.
        ("gen/idl/header.py", "from gen.output import naming", "never on docs or outputs"),
        ("gen/idl/syntax.py", "import gen.docs.page", "never on docs or outputs"),
    ],
)
def test_a_forbidden_import_breaks_a_contract(tmp_path: Path, module: str, added: str, broken: str) -> None:
    shutil.copytree(REPO / "gen", tmp_path / "gen", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(REPO / "pyproject.toml", tmp_path / "pyproject.toml")
    path = tmp_path / module
    path.write_text(path.read_text(encoding="utf-8") + f"\n{added}  # noqa\n", encoding="utf-8")
    proc = lint_imports(tmp_path)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert f"{broken}" in proc.stdout and "BROKEN" in proc.stdout, proc.stdout
