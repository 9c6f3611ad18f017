"""An .idl through the whole command: chosen by its extension (or
``--language``), configured in ``[tool.gen]``, its imports and includes in the
depfile, the run cache and the quick path, ``--check``, and clean errors."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from gen.run import quick
from gen.run.cli import main


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("GEN_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("GEN_NO_CACHE", raising=False)
    work = tmp_path / "work"
    (work / "idl").mkdir(parents=True)
    (work / "idl" / "base.idl").write_text('import "unknwn.idl";\nconst int BASE = 10;\n', encoding="utf-8")
    (work / "idl" / "base.h").write_text("#define NOT_THIS_ONE 1\n", encoding="utf-8")
    (work / "colors.idl").write_text(
        'import "base.idl";\ntypedef [v1_enum] enum tagCOLOR { RED = BASE, GREEN } COLOR;\n', encoding="utf-8"
    )
    monkeypatch.chdir(work)
    return work


def _colors(path: Path = Path("out/colors.json")) -> dict[str, int]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return {m["name"]: m["value"] for e in data["enums"] for m in e["members"]}


def test_an_idl_is_read_as_idl_and_its_depfile_names_every_file(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["-I", "idl", "--depfile", "out/colors.d", "colors.idl"]) == 0
    assert "wrote out/colors.py" in capsys.readouterr().out
    assert _colors() == {"RED": 10, "GREEN": 11}
    deps = (project / "out" / "colors.d").read_text(encoding="utf-8")
    # the .idl, its import, the shim standing in for unknwn.idl, the headers of widl's prologue
    for name in ("colors.idl", "idl/base.idl", "unknwn.idl", "rpc.h", "ole2.h"):
        assert name in deps, name
    assert "idl/base.h" not in deps  # the import is read as IDL, not as its header


def test_language_forces_the_front_end(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    os.rename("colors.idl", "colors.odl")
    assert main(["-I", "idl", "--language", "idl", "colors.odl"]) == 0
    assert _colors() == {"RED": 10, "GREEN": 11}
    # Read as C, the IDL says nothing gen extracts (and RED's BASE is unknown).
    assert main(["-I", "idl", "--language", "c", "-o", "as-c", "colors.odl"]) == 2
    assert "unresolved identifier 'BASE'" in capsys.readouterr().err


def test_tool_gen_takes_idl_files_and_a_language(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "pyproject.toml").write_text(
        '[tool.gen]\nheaders = ["colors.idl"]\ninclude-dirs = ["idl"]\nlanguage = "idl"\n', encoding="utf-8"
    )
    assert main([]) == 0
    assert _colors() == {"RED": 10, "GREEN": 11}
    (project / "pyproject.toml").write_text(
        '[tool.gen]\nheaders = ["colors.idl"]\nlanguage = "midl"\n', encoding="utf-8"
    )
    assert main([]) == 2
    assert "unknown language 'midl' (known: c, idl)" in capsys.readouterr().err


def test_an_import_changed_is_seen_by_the_cache_the_quick_path_and_check(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["-I", "idl", "colors.idl"]
    assert main(args) == 0
    assert main(args) == 0  # unchanged: leaves a stamp
    capsys.readouterr()
    assert quick.replay(args) == 0
    assert "unchanged out/colors.json" in capsys.readouterr().out
    (project / "idl" / "base.idl").write_text('import "unknwn.idl";\nconst int BASE = 20;\n', encoding="utf-8")
    assert quick.replay(args) is None  # falls through to a full run
    assert main(["--check", *args]) == 1
    assert "would change: out/colors.json" in capsys.readouterr().out
    assert main(args) == 0
    assert _colors() == {"RED": 20, "GREEN": 21}


def test_files_the_idl_includes_are_seen_like_its_imports(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An #include of the .idl (read by the IDL preprocessor) and one in a
    cpp_quote (read with the header) are in the depfile, and a change to
    either reaches the run cache, the quick path and --check."""
    (project / "idl" / "step.h").write_text("#define STEP 2\n", encoding="utf-8")
    (project / "idl" / "extra.h").write_text("#define BLUE_VALUE 30\n", encoding="utf-8")
    (project / "colors.idl").write_text(
        'import "base.idl";\n#include "step.h"\ncpp_quote("#include \\"extra.h\\"")\n'
        "typedef enum tagCOLOR { RED = BASE, GREEN = BASE + STEP, BLUE = BLUE_VALUE } COLOR;\n",
        encoding="utf-8",
    )
    args = ["-I", "idl", "--depfile", "out/colors.d", "colors.idl"]
    assert main(args) == 0
    assert _colors() == {"RED": 10, "GREEN": 12, "BLUE": 30}
    deps = (project / "out" / "colors.d").read_text(encoding="utf-8")
    assert "idl/step.h" in deps and "idl/extra.h" in deps
    # Locations in the outputs point into the .idl (line 4; columns of the names).
    data = json.loads((project / "out" / "colors.json").read_text(encoding="utf-8"))
    assert data["enums"][0]["location"] == {"file": "colors.idl", "line": 4, "column": 9}
    line = (project / "colors.idl").read_text(encoding="utf-8").split("\n")[3]
    for member in data["enums"][0]["members"]:
        assert (member["line"], member["column"]) == (4, line.index(f" {member['name']} ") + 2), member
    assert main(args) == 0  # unchanged: leaves a stamp
    for name, text, expected in (
        ("step.h", "#define STEP 3\n", {"RED": 10, "GREEN": 13, "BLUE": 30}),
        ("extra.h", "#define BLUE_VALUE 31\n", {"RED": 10, "GREEN": 13, "BLUE": 31}),
    ):
        capsys.readouterr()
        assert quick.replay(args) == 0, name
        assert "unchanged out/colors.json" in capsys.readouterr().out
        (project / "idl" / name).write_text(text, encoding="utf-8")
        assert quick.replay(args) is None, name
        assert main(["--check", *args]) == 1, name
        assert "would change: out/colors.json" in capsys.readouterr().out
        assert main(args) == 0
        assert _colors() == expected, name
        assert main(args) == 0  # a stamp again


def test_broken_idl_is_one_error_line_and_nothing_written(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "broken.idl").write_text("interface IFoo : IUnknown {\n    HRESULT f(;\n}\n", encoding="utf-8")
    assert main(["broken.idl"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("broken.idl:3:1: error: '}' does not close the '(' at broken.idl:2:14\n")
    assert "Traceback" not in err
    assert not (project / "out").exists()
