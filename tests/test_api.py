"""The library API: ``import gen; gen.extract(...)``, ``gen.generate(...)``,
typed and documented; ``import gen`` stays light (the quick path imports it
first); errors name the file, warnings are Python warnings."""

from __future__ import annotations

import contextlib
import io
import os
import re
import shutil
import subprocess
import sys
import warnings
from pathlib import Path

import pytest
from conftest import REPO

import gen

CONFIG_H = "#define HAVE_TLS 1\n"
HEADER = '#include "config.h"\nenum T { T_FIRST,\n#ifdef HAVE_TLS\n  T_TLS,\n#endif\n  T_LAST };\n'


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "t.h").write_text(HEADER, encoding="utf-8")
    (tmp_path / "inc").mkdir()
    (tmp_path / "inc" / "config.h").write_text(CONFIG_H, encoding="utf-8")
    return tmp_path


def test_import_gen_loads_nothing_else() -> None:
    code = "import sys, gen; print(sorted(m for m in sys.modules if m == 'gen' or m.startswith('gen.')))"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO)
    assert proc.stdout.strip() == "['gen']"
    assert set(gen.__all__) <= set(dir(gen))
    with pytest.raises(AttributeError):
        gen.no_such_thing  # noqa: B018


def test_extract(project: Path) -> None:
    module = gen.extract("t.h", include_dirs=["inc"])
    assert isinstance(module, gen.Module)
    (enum,) = module.enums
    assert isinstance(enum, gen.Enum) and enum.name == "T"
    assert {m.name: m.value for m in enum.members} == {"T_FIRST": 0, "T_TLS": 1, "T_LAST": 2}
    with pytest.warns(gen.GenWarning):  # config.h not found
        assert gen.extract("t.h", defines=["HAVE_TLS"]).enums[0].members[-1].value == 2


def test_warnings_are_python_warnings(project: Path) -> None:
    with pytest.warns(gen.GenWarning) as caught:
        module = gen.extract("t.h")
    assert str(caught[0].message) == "t.h:1:1: warning: 'config.h' not found; continuing without it"
    assert "enum 'T' may differ" in str(caught[1].message)
    assert module.enums[0].members[-1].value == 1
    with warnings.catch_warnings():
        warnings.simplefilter("error", gen.GenWarning)
        with pytest.raises(gen.GenWarning):
            gen.extract("t.h")


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"werror": True}, "t.h:1:1: error: 'config.h' not found; continuing without it [-Werror]"),
        ({"missing_includes": "error"}, "t.h:1:1: error: 'config.h' not found [--missing-includes=error]"),
    ],
)
def test_errors_name_the_file(project: Path, options: dict[str, object], message: str) -> None:
    with pytest.raises(gen.GenError) as raised:
        gen.extract("t.h", **options)  # type: ignore[arg-type]
    assert str(raised.value).startswith(message)
    assert raised.value.diagnostic.location == gen.Location("t.h", 1, 1)
    (project / "bad.h").write_text("enum E { A = 1 2 };\n", encoding="utf-8")
    with pytest.raises(gen.GenError, match=r"^bad\.h:1:16: error: expected an operator"):
        gen.extract("bad.h")
    with pytest.raises(gen.GenError, match="unknown target 'z80'"):
        gen.extract("t.h", target="z80")


def test_generate(project: Path) -> None:
    paths = gen.generate(["t.h"], out_dir="src/pkg", formats=["python", "json"], stem="_t", include_dirs=["inc"])
    assert paths == [project / "src" / "pkg" / "_t.py", project / "src" / "pkg" / "_t.json"]
    assert "T_TLS = 1" in paths[0].read_text(encoding="utf-8")
    stamp = paths[0].stat().st_mtime_ns
    assert (
        gen.generate(["t.h"], out_dir="src/pkg", formats=["python", "json"], stem="_t", include_dirs=["inc"]) == paths
    )
    assert paths[0].stat().st_mtime_ns == stamp  # unchanged: not rewritten
    # Nothing printed.
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed), contextlib.redirect_stderr(printed):
        gen.generate(["t.h"], out_dir="out", include_dirs=["inc"])
    assert printed.getvalue() == ""


def test_generate_from_a_config(project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (project / "pyproject.toml").write_text(
        '[tool.gen]\nheaders = ["t.h"]\nout-dir = "gen-out"\ninclude-dirs = ["inc"]\nformats = ["json"]\n'
        'depfile = "gen.d"\n',
        encoding="utf-8",
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)  # the config's paths are its folder's
    paths = gen.generate(config=project / "pyproject.toml", formats=["json", "typescript"])
    assert paths == [project / "gen-out" / "t.json", project / "gen-out" / "t.ts"]
    assert Path.cwd() == elsewhere
    # The depfile names its files as seen from where the call was made.
    rule = (project / "gen.d").read_text(encoding="utf-8")
    assert rule.startswith("../gen-out/t.json ../gen-out/t.ts: \\\n  ../t.h \\\n  ../inc/config.h \\\n")
    # Without config=, no configuration is read (not even the one found upward).
    monkeypatch.chdir(project)
    with pytest.raises(gen.GenError, match="no header given"):
        gen.generate()


def test_generate_errors_write_nothing(project: Path) -> None:
    (project / "bad.h").write_text("enum E { A = 1 / 0 };\n", encoding="utf-8")
    with pytest.raises(gen.GenError, match=r"^bad\.h:1:"):
        gen.generate(["t.h", "bad.h"], out_dir="out", include_dirs=["inc"])
    assert not (project / "out").exists()


def test_schema() -> None:
    schema = gen.schema()
    assert schema["$id"].endswith("/gen/schema/gen-enums.schema.json")
    assert gen.schema_path().read_text(encoding="utf-8") == (
        REPO / "gen" / "schema" / "gen-enums.schema.json"
    ).read_text(encoding="utf-8")


def readme_section(title: str) -> str:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    start = text.index(f"\n## {title}\n")
    end = text.find("\n## ", start + 1)
    return text[start : end if end > 0 else None]


def test_the_readme_example_runs_as_shown(tmp_path: Path) -> None:
    section = readme_section("Library API")
    code, shown = re.findall(r"```(?:python|text)\n(.*?)```", section, re.S)[:2]
    (tmp_path / "headers").mkdir()
    shutil.copy(REPO / "headers" / "Imnxport.h", tmp_path / "headers" / "Imnxport.h")
    proc = subprocess.run(
        [sys.executable, "-W", "ignore::UserWarning", "-c", code],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == shown


def test_the_api_type_checks(tmp_path: Path) -> None:
    """py.typed: a user's code using the API passes mypy --strict."""
    (tmp_path / "use.py").write_text(
        "import gen\n\n"
        "def values(header: str) -> dict[str, int]:\n"
        "    module: gen.Module = gen.extract(header, defines=['X=1'])\n"
        "    return {m.name: m.value for e in module.enums for m in e.members}\n\n"
        "paths: list[str] = [p.name for p in gen.generate(['a.h'], out_dir='out')]\n",
        encoding="utf-8",
    )
    proc = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "use.py"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={**os.environ, "MYPYPATH": str(REPO)},
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_a_header_run_imports_no_idl_and_no_docs(tmp_path: Path) -> None:
    # Imports are a large part of a small run (issue 17): each front end and
    # the documentation reader load only when an input needs them.
    (tmp_path / "t.h").write_text("enum E { A = 1 };\n", encoding="utf-8")
    code = (
        "import sys; from gen.run.cli import main; rc = main(['t.h', '-o', 'out', '--no-cache']); "
        "print(rc, sorted({m.split('.')[1] for m in sys.modules if m.startswith('gen.')}))"
    )
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, env=env)
    assert proc.returncode == 0, proc.stderr
    rc, loaded = proc.stdout.strip().splitlines()[-1].split(" ", 1)
    assert rc == "0"
    assert "'idl'" not in loaded and "'docs'" not in loaded, loaded
