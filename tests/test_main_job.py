"""The main job, as a new user runs it: `python -m gen headers/Imnxport.h`
writes out/imnxport.{py,json,ts} with exactly the facts of Imnxport.h."""

from __future__ import annotations

import importlib.util
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import REPO, node_tool, run_gen

FACTS = json.loads((REPO / "tests" / "data" / "imnxport_enums.json").read_text(encoding="utf-8"))
EXPECTED = {e["typedef"]: {m["name"]: m["value"] for m in e["members"]} for e in FACTS["enums"]}
DEFINES = json.loads((REPO / "tests" / "data" / "imnxport_defines.json").read_text(encoding="utf-8"))["macros"]
EXPECTED_MACROS = {m["name"]: m["value"] for m in DEFINES}


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # A copy of the repository layout, so the real out/ is left alone.
    work = tmp_path_factory.mktemp("mainjob")
    shutil.copytree(REPO / "headers", work / "headers")
    proc = run_gen(["headers/Imnxport.h"], cwd=work)
    assert "error" not in proc.stderr
    return work / "out"


def test_writes_three_outputs(outputs: Path) -> None:
    assert sorted(p.name for p in outputs.iterdir()) == ["imnxport.json", "imnxport.py", "imnxport.ts"]


def test_python_has_every_fact(outputs: Path) -> None:
    spec = importlib.util.spec_from_file_location("imnxport_main_job", outputs / "imnxport.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert len(EXPECTED) == 20 and sum(map(len, EXPECTED.values())) == 166
    for name, members in EXPECTED.items():
        cls = getattr(module, name)
        assert {m: cls[m].value for m in cls.__members__} == members
    assert module.SMTPCOMMAND.SMTP_CUSTOM == 14
    assert issubclass(module.POP3MARKTYPE, __import__("enum").IntFlag)


def test_python_has_every_macro(outputs: Path) -> None:
    spec = importlib.util.spec_from_file_location("imnxport_main_job_macros", outputs / "imnxport.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    data = json.loads((outputs / "imnxport.json").read_text(encoding="utf-8"))
    found: dict[str, int] = {}
    for group in (e for e in data["enums"] if e["origin"] == "macros"):
        for m in group["members"]:
            holder = getattr(module, group["name"]) if group["name"] else module
            found[m["name"]] = int(getattr(holder, m["name"]))
    assert len(EXPECTED_MACROS) == 217
    assert found == EXPECTED_MACROS
    assert module.IXP_E.IXP_E_TIMEOUT == -2146644967
    assert issubclass(module.IMAP_MSGFLAGS, __import__("enum").IntFlag)


def test_json_has_every_fact(outputs: Path) -> None:
    data = json.loads((outputs / "imnxport.json").read_text(encoding="utf-8"))
    enums = [e for e in data["enums"] if e["origin"] == "enum"]
    got = {e["name"]: {m["name"]: m["value"] for m in e["members"]} for e in enums}
    assert got == EXPECTED
    written = {m["name"]: m["written_as"] for e in FACTS["enums"] for m in e["members"]}
    assert {m["name"]: m["expr"] for e in enums for m in e["members"]} == written
    tags = {e["name"]: e["tag"] for e in enums}
    assert tags == {e["typedef"]: e["tag"] for e in FACTS["enums"]}
    macros = [m for e in data["enums"] if e["origin"] == "macros" for m in e["members"]]
    assert {m["name"]: m["value"] for m in macros} == EXPECTED_MACROS
    assert {m["name"]: m["expr"] for m in macros} == {m["name"]: m["written_as"].strip() for m in DEFINES}
    hexes = {m["name"]: m.get("hex") for m in macros}
    assert hexes["IXP_E_TIMEOUT"] == "0x800CCC19"


def test_typescript_compiled_in_node_has_every_fact(outputs: Path, tmp_path: Path) -> None:
    build = subprocess.run(
        [
            str(node_tool("tsc")),
            "--strict",
            "--target",
            "es2022",
            "--module",
            "commonjs",
            "--outDir",
            str(tmp_path),
            str(outputs / "imnxport.ts"),
        ],
        capture_output=True,
        text=True,
    )
    assert build.returncode == 0, build.stdout + build.stderr
    run = subprocess.run(
        ["node", "-e", "console.log(JSON.stringify(require(process.argv[1])))", str(tmp_path / "imnxport.js")],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stderr
    exported = json.loads(run.stdout)
    assert {name: exported[name] for name in EXPECTED} == EXPECTED
    data = json.loads((outputs / "imnxport.json").read_text(encoding="utf-8"))
    found = {}
    for group in (e for e in data["enums"] if e["origin"] == "macros"):
        for m in group["members"]:
            found[m["name"]] = exported[group["name"]][m["name"]] if group["name"] else exported[m["name"]]
    assert found == EXPECTED_MACROS
