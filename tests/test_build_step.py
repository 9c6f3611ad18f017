"""gen as another repository's build step, end to end: a throwaway consumer
repository with a [tool.gen] config and a custom template, using gen installed
from a built wheel (not this checkout). Two runs in a row rewrite nothing;
editing a template makes `gen --check` fail; the depfile names the header, the
files it includes and the templates; and the pre-commit hooks this
repository ships point at the installed command. (The make, ninja, CMake
and Python back-end recipes of docs/build.md: tests/test_build_systems.py.)"""

from __future__ import annotations

import importlib
import json
import os
import re
import shutil
import subprocess
import tomllib
from pathlib import Path

import pytest
from conftest import REPO, Installed, outside_env

API_H = """\
#include <windows.h>
#include "api_base.h"

/* Transfer modes. */
typedef enum tagAPI_MODE {
    API_MODE_READ = API_BASE_BIT,
    API_MODE_WRITE = API_BASE_BIT << 1,
    API_MODE_BOTH = API_MODE_READ | API_MODE_WRITE
} API_MODE;

typedef enum tagAPI_RESULT {
    API_RESULT_OK = S_OK,
    API_RESULT_DENIED = MAKE_HRESULT(SEVERITY_ERROR, FACILITY_ITF, 0x201),
#if API_LEVEL >= 2
    API_RESULT_RETRY = MAKE_HRESULT(SEVERITY_ERROR, FACILITY_ITF, 0x202),
#endif
} API_RESULT;

enum INTERNAL_STATE { INTERNAL_STATE_A, INTERNAL_STATE_B };
"""

API_BASE_H = """\
#pragma once
#define API_BASE_BIT 0x10
"""

PYPROJECT = """\
[project]
name = "consumer"
version = "1.0"

[tool.gen]
headers = ["include/api.h"]
out-dir = "src/consumer/generated"
formats = ["python", "json", "typescript", "rust"]
templates = "gen-templates"
depfile = "build/gen.d"
strip-prefix = true
exclude = ["^INTERNAL_"]

[tool.gen.header."include/api.h"]
defines = ["API_LEVEL=2"]
flags = { API_MODE = true }
"""

OUTPUTS = ("api.py", "api.json", "api.ts", "api.rs")


@pytest.fixture
def consumer(tmp_path: Path) -> Path:
    repo = tmp_path / "consumer"
    (repo / "include").mkdir(parents=True)
    (repo / "include" / "api.h").write_text(API_H, encoding="utf-8")
    (repo / "include" / "api_base.h").write_text(API_BASE_H, encoding="utf-8")
    (repo / "pyproject.toml").write_text(PYPROJECT, encoding="utf-8")
    shutil.copytree(REPO / "docs" / "examples" / "templates", repo / "gen-templates")
    return repo


def gen(installed: Installed, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(installed.gen), *args], cwd=cwd, capture_output=True, text=True, env=outside_env(), timeout=300
    )


def stamps(folder: Path) -> dict[str, int]:
    return {p.name: p.stat().st_mtime_ns for p in sorted(folder.iterdir())}


def test_consumer_repository_build_step(installed: Installed, consumer: Path) -> None:
    out = consumer / "src" / "consumer" / "generated"

    # First run: everything written, from the config alone.
    first = gen(installed, cwd=consumer)
    assert first.returncode == 0, first.stdout + first.stderr
    assert sorted(p.name for p in out.iterdir()) == sorted(OUTPUTS)
    assert "error" not in first.stderr

    # The installed package did the work, with the config's settings.
    data = json.loads((out / "api.json").read_text(encoding="utf-8"))
    assert [e["name"] for e in data["enums"]] == ["API_MODE", "API_RESULT"]  # exclude = ["^INTERNAL_"]
    result = {m["name"]: m["value"] for m in data["enums"][1]["members"]}
    assert result == {"API_RESULT_OK": 0, "API_RESULT_DENIED": -2147220991, "API_RESULT_RETRY": -2147220990}
    check_module = (
        "import sys; sys.path.insert(0, 'src'); import gen, consumer.generated.api as a; "
        "print(gen.__file__); print(int(a.API_MODE.READ | a.API_MODE.WRITE), a.API_RESULT.RETRY.value)"
    )
    shown = subprocess.run(
        [str(installed.python), "-c", check_module], cwd=consumer, capture_output=True, text=True, env=outside_env()
    )
    assert shown.returncode == 0, shown.stderr
    where, values = shown.stdout.splitlines()
    assert where.startswith(str(installed.venv)) and values == "48 -2147220990"  # strip-prefix, IntFlag
    assert "pub const API_MODE_READ: Self = Self(16);" in (out / "api.rs").read_text(encoding="utf-8")

    # The depfile: the header, what it included (gen's shims too), the templates, the config.
    depfile = consumer / "build" / "gen.d"
    rule = depfile.read_text(encoding="utf-8").split("\n\n")[0]
    targets, _, deps = rule.partition(":")
    assert sorted(targets.split()) == sorted(f"src/consumer/generated/{name}" for name in OUTPUTS)
    files = deps.replace("\\\n", " ").split()
    assert files[0] == "include/api.h"
    assert "include/api_base.h" in files
    site = [f for f in files if f.startswith(str(installed.venv))]
    assert any(f.endswith("/gen/include/windows.h") for f in site)
    assert any(f.endswith("/gen/include/_gen_winbase.h") for f in site)  # included by windows.h
    for builtin in ("python.py.j2", "json.json.j2", "typescript.ts.j2"):
        assert any(f.endswith(f"/gen/templates/{builtin}") for f in site), builtin
    assert "gen-templates/rust.rs.j2" in files
    assert "pyproject.toml" in files

    # Second run: nothing rewritten, every modification time kept.
    for p in [*out.iterdir(), depfile]:
        os.utime(p, ns=(1_000_000_000, 1_000_000_000))
    before = {**stamps(out), "gen.d": depfile.stat().st_mtime_ns}
    second = gen(installed, cwd=consumer)
    assert second.returncode == 0, second.stderr
    assert "wrote" not in second.stdout and second.stdout.count("unchanged") == len(OUTPUTS)
    assert {**stamps(out), "gen.d": depfile.stat().st_mtime_ns} == before
    assert gen(installed, "--check", cwd=consumer).returncode == 0
    # ... from a subfolder too: the config is found upward.
    assert gen(installed, "--check", "-q", cwd=consumer / "include").returncode == 0

    # Editing a template: --check exits 1 naming only that output, and writes nothing.
    template = consumer / "gen-templates" / "rust.rs.j2"
    template.write_text(
        template.read_text(encoding="utf-8").replace("#[repr(transparent)]", "#[repr(transparent)]\n#[must_use]"),
        encoding="utf-8",
    )
    check = gen(installed, "--check", cwd=consumer)
    assert check.returncode == 1, check.stdout + check.stderr
    assert re.findall(r"would change: (\S+)", check.stdout) == ["src/consumer/generated/api.rs"]
    assert "1 of 4 output(s) are stale" in check.stdout
    assert {**stamps(out), "gen.d": depfile.stat().st_mtime_ns} == before
    diff = gen(installed, "--diff", cwd=consumer)
    assert diff.returncode == 1 and "+#[must_use]" in diff.stdout

    # Regenerating rewrites just that output.
    third = gen(installed, cwd=consumer)
    assert third.returncode == 0
    after = stamps(out)
    assert after["api.rs"] != before["api.rs"]
    assert {k: v for k, v in after.items() if k != "api.rs"} == {
        k: v for k, v in before.items() if k in after and k != "api.rs"
    }
    assert gen(installed, "--check", "-q", cwd=consumer).returncode == 0

    # A configuration mistake: a one-line error with file and line, exit 2.
    (consumer / "pyproject.toml").write_text(PYPROJECT + 'colour = "red"\n', encoding="utf-8")
    bad = gen(installed, cwd=consumer)
    assert bad.returncode == 2
    line = PYPROJECT.count("\n") + 1
    assert (
        bad.stderr.strip()
        == f"pyproject.toml:{line}: error: unknown key 'colour' in [tool.gen.header.\"include/api.h\"]"
    )


def read_hooks(text: str) -> list[dict[str, object]]:
    """The simple YAML of .pre-commit-hooks.yaml (a list of flat mappings;
    scalars, booleans and [flow, lists]) without needing PyYAML."""
    hooks: list[dict[str, object]] = []
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        m = re.fullmatch(r"(- |  )([a-z_]+): (.*)", line)
        assert m, f"unexpected line in .pre-commit-hooks.yaml: {line!r}"
        if m.group(1) == "- ":
            hooks.append({})
        raw = m.group(3).strip()
        value: object = raw
        if raw in ("true", "false"):
            value = raw == "true"
        elif raw.startswith("["):
            value = [item.strip() for item in raw[1:-1].split(",") if item.strip()]
        hooks[-1][m.group(2)] = value
    return hooks


def test_pre_commit_hooks_run_the_installed_command(installed: Installed) -> None:
    text = (REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    hooks = read_hooks(text)
    try:
        yaml = importlib.import_module("yaml")  # cross-check with PyYAML when installed
    except ImportError:
        pass
    else:
        assert yaml.safe_load(text) == hooks
    scripts = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]
    by_id = {h["id"]: h for h in hooks}
    assert set(by_id) == {"gen", "gen-check"}
    for hook in hooks:
        # The keys pre-commit requires, and the ones this tool needs.
        assert {"id", "name", "entry", "language"} <= set(hook)
        assert hook["language"] == "python"
        assert hook["pass_filenames"] is False  # headers come from [tool.gen]
        entry, pattern = hook["entry"], hook["files"]
        assert isinstance(entry, str) and isinstance(pattern, str)
        command = entry.split()[0]
        assert command in scripts and (installed.venv / "bin" / command).is_file()
        files = re.compile(pattern)
        for path in ("include/api.h", "sdk/Imnxport.H", "idl/x.idl", "gen-templates/rust.rs.j2", "pyproject.toml"):
            assert files.search(path), path
        for path in ("src/consumer/generated/api.py", "README.md", "notpyproject.toml.bak"):
            assert not files.search(path), path
    assert "--check" in str(by_id["gen-check"]["entry"]).split()
