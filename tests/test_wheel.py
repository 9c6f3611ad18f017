"""A non-editable install from a built wheel works from another folder:
templates and schema ship inside the package."""

from __future__ import annotations

import email
import subprocess
import tarfile
import zipfile
from pathlib import Path

from conftest import REPO, Installed, outside_env


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
    env = outside_env()
    run = subprocess.run([str(installed.gen), "Imnxport.h"], cwd=work, capture_output=True, text=True, env=env)
    assert run.returncode == 0, run.stdout + run.stderr
    assert sorted(p.name for p in (work / "out").iterdir()) == ["imnxport.json", "imnxport.py", "imnxport.ts"]
    # IDL too, with the shim IDL files of the package.
    (work / "imnxport.idl").write_bytes((REPO / "headers" / "imnxport.idl").read_bytes())
    run = subprocess.run(
        [str(installed.gen), "-o", "idl", "imnxport.idl"], cwd=work, capture_output=True, text=True, env=env
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert (work / "idl" / "imnxport.json").is_file()
    # The installed package, not the checkout, did the work.
    where = subprocess.run(
        [str(installed.python), "-c", "import gen; print(gen.__file__)"],
        cwd=work,
        capture_output=True,
        text=True,
        env=env,
    )
    assert where.stdout.startswith(str(installed.venv)), where.stdout + where.stderr


def test_packaging_metadata(installed: Installed) -> None:
    """The wheel and the sdist carry the license, py.typed, the project's
    URLs and classifiers."""
    wheel = zipfile.ZipFile(installed.wheel)
    names = wheel.namelist()
    assert "gen/py.typed" in names
    (dist_info,) = {n.split("/")[0] for n in names if n.split("/")[0].endswith(".dist-info")}
    license_text = wheel.read(f"{dist_info}/licenses/LICENSE").decode("utf-8")
    assert license_text == (REPO / "LICENSE").read_text(encoding="utf-8")
    assert license_text.startswith("MIT License\n\nCopyright (c) 2026 the gen authors\n")
    metadata = email.message_from_bytes(wheel.read(f"{dist_info}/METADATA"))
    assert metadata["License-Expression"] == "MIT"
    assert metadata.get_all("License-File") == ["LICENSE"]
    urls = dict(u.split(", ", 1) for u in metadata.get_all("Project-URL") or [])
    assert urls["Homepage"] == "https://example.invalid/gen"
    assert set(urls) >= {"Homepage", "Documentation", "Source", "Issues"}
    classifiers = metadata.get_all("Classifier") or []
    assert {"Typing :: Typed", "Topic :: Software Development :: Code Generators"} <= set(classifiers)
    with tarfile.open(installed.sdist) as sdist:
        members = {m.name.split("/", 1)[1] for m in sdist.getmembers() if "/" in m.name}
    assert {"LICENSE", "gen/py.typed", "docs/build.md", "README.md"} <= members


def test_the_installed_package_is_typed(installed: Installed, tmp_path: Path) -> None:
    """mypy --strict accepts a user's code against the installed wheel (no
    "missing library stubs or py.typed marker")."""
    (tmp_path / "use.py").write_text(
        "import gen\n\nmodule: gen.Module = gen.extract('a.h')\nnames: list[str | None] = [e.name for e in module.enums]\n",
        encoding="utf-8",
    )
    proc = subprocess.run(
        [str(installed.python), "-m", "mypy", "--strict", "--no-incremental", "use.py"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
