"""A non-editable install from a built wheel works from another folder:
templates and schema ship inside the package."""

from __future__ import annotations

import subprocess
import sys
import venv
from pathlib import Path

from conftest import REPO


def test_wheel_install_runs_outside_the_repo(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-w", str(dist), str(REPO)],
        capture_output=True,
        text=True,
    )
    assert build.returncode == 0, build.stdout + build.stderr
    wheel = next(dist.glob("*.whl"))
    import zipfile

    names = zipfile.ZipFile(wheel).namelist()
    for required in (
        "gen/templates/python.py.j2",
        "gen/templates/json.json.j2",
        "gen/templates/typescript.ts.j2",
        "gen/schema/gen-enums.schema.json",
        "gen/include/windows.h",
        "gen/data/predefined-x86_64-w64-mingw32.h",
    ):
        assert required in names, required
    env_dir = tmp_path / "venv"
    # System site-packages provide pycparser and jinja2 without a download.
    venv.EnvBuilder(system_site_packages=True, with_pip=True).create(env_dir)
    python = env_dir / "bin" / "python"
    install = subprocess.run(
        [str(python), "-m", "pip", "install", "--no-deps", str(wheel)], capture_output=True, text=True
    )
    assert install.returncode == 0, install.stdout + install.stderr
    work = tmp_path / "elsewhere"
    work.mkdir()
    (work / "Imnxport.h").write_bytes((REPO / "headers" / "Imnxport.h").read_bytes())
    run = subprocess.run([str(env_dir / "bin" / "gen"), "Imnxport.h"], cwd=work, capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr
    assert sorted(p.name for p in (work / "out").iterdir()) == ["imnxport.json", "imnxport.py", "imnxport.ts"]
    # The installed package, not the checkout, did the work.
    where = subprocess.run(
        [str(python), "-c", "import gen; print(gen.__file__)"], cwd=work, capture_output=True, text=True
    )
    assert str(env_dir) in where.stdout
