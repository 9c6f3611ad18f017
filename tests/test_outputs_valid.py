"""The goldens are valid programs and data: the Python imports and passes
ruff and mypy --strict, the TypeScript compiles under tsc --strict and Node
gives the same values, the JSON validates against the shipped schema. Every
output also agrees with the JSON on every value."""

from __future__ import annotations

import enum
import importlib.util
import json
import re
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import jsonschema
import pytest
from conftest import REPO, Case, discover_cases, node_tool

from gen.output import filters

CASES = discover_cases()
SCHEMA = json.loads((REPO / "gen" / "schema" / "gen-enums.schema.json").read_text(encoding="utf-8"))


def _expected(case: Case, suffix: str) -> Path:
    found = sorted(case.expected.glob(f"*{suffix}"))
    assert len(found) == 1, f"{case.name}: expected one {suffix} golden, found {found}"
    return found[0]


def _json_values(case: Case) -> dict[str | None, dict[str, int]]:
    """name -> {member: value}; anonymous enums' members under None."""
    data = json.loads(_expected(case, ".json").read_text(encoding="utf-8"))
    out: dict[str | None, dict[str, int]] = {}
    for e in data["enums"]:
        out.setdefault(e["name"], {}).update({m["name"]: m["value"] for m in e["members"]})
    return out


def _py_class(case: Case, c_name: str) -> str:
    """The Python class of a C enum or group, as the case's options name it."""
    return filters.py_name(filters.pascal_case(c_name) if "pascal" in case.args else c_name)


def _ts_binding(case: Case, c_name: str) -> str:
    return filters.ts_name(filters.pascal_case(c_name) if "pascal" in case.args else c_name)


def _import(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"golden_{path.parent.parent.name}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_json_validates_against_schema(case: Case) -> None:
    data = json.loads(_expected(case, ".json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(SCHEMA).validate(data)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_python_imports_with_json_values(case: Case) -> None:
    module = _import(_expected(case, ".py"))
    values = _json_values(case)
    for name, members in values.items():
        if name is None:
            for member, value in members.items():
                assert getattr(module, filters.py_name(member)) == value, member
            continue
        cls = getattr(module, _py_class(case, name))
        assert issubclass(cls, (enum.IntEnum, enum.IntFlag))
        # Every member, in order (names may be escaped or stripped: tests/test_escaping.py).
        assert [cls[m].value for m in cls.__members__] == list(members.values())
    exported = [_py_class(case, n) for n in values if n is not None] + [
        filters.py_name(m) for m in values.get(None, {})
    ]
    assert sorted(module.__all__) == sorted(exported)


def test_python_goldens_pass_ruff_and_mypy_strict() -> None:
    files = [str(_expected(c, ".py")) for c in CASES]
    ruff = subprocess.run([sys.executable, "-m", "ruff", "check", "--isolated", *files], capture_output=True, text=True)
    assert ruff.returncode == 0, ruff.stdout + ruff.stderr
    # Pylint's errors too: bidi control characters (PLE2502) and other invisible characters (PLE251x).
    ruff = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--isolated", "--select", "PLE", *files], capture_output=True, text=True
    )
    assert ruff.returncode == 0, ruff.stdout + ruff.stderr
    # Each file on its own: they are separate modules with overlapping names.
    for f in files:
        mypy = subprocess.run(
            [sys.executable, "-m", "mypy", "--strict", "--no-incremental", f], capture_output=True, text=True
        )
        assert mypy.returncode == 0, f + "\n" + mypy.stdout + mypy.stderr


def test_typescript_goldens_compile_and_run(tmp_path: Path) -> None:
    tsc = node_tool("tsc")
    erasable = [c for c in CASES if "--ts-style" not in c.args]
    # The default form must pass --erasableSyntaxOnly (Node's type stripping).
    check = subprocess.run(
        [
            str(tsc),
            "--strict",
            "--erasableSyntaxOnly",
            "--noEmit",
            "--target",
            "es2022",
            *[str(_expected(c, ".ts")) for c in erasable],
        ],
        capture_output=True,
        text=True,
    )
    assert check.returncode == 0, check.stdout + check.stderr
    # Every form compiles under --strict and runs; copy each golden to its own folder.
    sources = []
    for c in CASES:
        folder = tmp_path / c.name
        folder.mkdir()
        target = folder / _expected(c, ".ts").name
        target.write_bytes(_expected(c, ".ts").read_bytes())
        sources.append(str(target))
    build = subprocess.run(
        [
            str(tsc),
            "--strict",
            "--target",
            "es2022",
            "--module",
            "commonjs",
            "--preserveConstEnums",
            "--outDir",
            str(tmp_path / "js"),
            "--rootDir",
            str(tmp_path),
            *sources,
        ],
        capture_output=True,
        text=True,
    )
    assert build.returncode == 0, build.stdout + build.stderr
    script = (
        "const m = require(process.argv[1]);"
        "console.log(JSON.stringify(m, (k, v) => typeof v === 'bigint' ? {bigint: v.toString()} : v));"
    )
    for c in CASES:
        js = tmp_path / "js" / c.name / (_expected(c, ".ts").stem + ".js")
        run = subprocess.run(["node", "-e", script, str(js)], capture_output=True, text=True)
        assert run.returncode == 0, run.stderr
        exported: dict[str, Any] = json.loads(run.stdout)
        for name, members in _json_values(c).items():
            if name is None:
                got = [_ts_number(exported[filters.ts_name(m)]) for m in members]
            else:
                obj = exported[_ts_binding(c, name)]
                # TypeScript numeric enums add reverse mappings (value -> name).
                got = [_ts_number(v) for k, v in obj.items() if not re.fullmatch(r"-?\d+", k)]
            assert got == list(members.values()), f"{c.name}: {name}"


def _ts_number(v: Any) -> int:
    if isinstance(v, dict):
        return int(v["bigint"])
    if isinstance(v, str):  # 64-bit values in the enum forms
        return int(v)
    assert isinstance(v, int), v
    return v
