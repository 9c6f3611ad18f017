"""A non-editable install from a built wheel works from another folder:
templates and schema ship inside the package."""

from __future__ import annotations

import subprocess
import zipfile
from pathlib import Path

from conftest import REPO, Installed


def test_wheel_install_runs_outside_the_repo(installed: Installed, tmp_path: Path) -> None:
    names = zipfile.ZipFile(installed.wheel).namelist()
    for required in (
        "gen/templates/python.py.j2",
        "gen/templates/json.json.j2",
        "gen/templates/typescript.ts.j2",
        "gen/schema/gen-enums.schema.json",
        "gen/include/windows.h",
        "gen/include/objidl.idl",
        "gen/idl/frontend.py",
        "gen/data/predefined-x86_64-w64-mingw32.h",
    ):
        assert required in names, required
    work = tmp_path / "elsewhere"
    work.mkdir()
    (work / "Imnxport.h").write_bytes((REPO / "headers" / "Imnxport.h").read_bytes())
    run = subprocess.run([str(installed.gen), "Imnxport.h"], cwd=work, capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr
    assert sorted(p.name for p in (work / "out").iterdir()) == ["imnxport.json", "imnxport.py", "imnxport.ts"]
    # IDL too, with the shim IDL files of the package.
    (work / "imnxport.idl").write_bytes((REPO / "headers" / "imnxport.idl").read_bytes())
    run = subprocess.run([str(installed.gen), "-o", "idl", "imnxport.idl"], cwd=work, capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr
    assert (work / "idl" / "imnxport.json").is_file()
    # The installed package, not the checkout, did the work.
    where = subprocess.run(
        [str(installed.python), "-c", "import gen; print(gen.__file__)"], cwd=work, capture_output=True, text=True
    )
    assert where.stdout.startswith(str(installed.venv)), where.stdout + where.stderr
