"""User templates: overriding built-ins, adding formats, partials, errors at
the template's line, every template read named in the depfile, the view model
documented and versioned with the JSON schema, and the shipped Rust example
compiling with rustc."""

from __future__ import annotations

import dataclasses
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import jinja2.parser
import pytest
from conftest import REPO

from gen.model import Module
from gen.output.filters import FILTERS
from gen.output.render import discover_formats, loaded_templates, make_environment, render, template_paths
from gen.output.viewmodel import SCHEMA_ID, VIEW_MODEL_VERSION, EnumView, MemberView, ModuleView, module_view
from gen.run.cli import main

DOC = REPO / "docs" / "templates.md"
RUST_EXAMPLE = REPO / "docs" / "examples" / "templates"

HEADER = """\
typedef enum tagCOLOR { COLOR_RED = 1, COLOR_GREEN = 2, COLOR_BLUE = 4 } COLOR;
enum MODE { MODE_OFF, MODE_ON };
"""

#: The fields of view model version 2. While VIEW_MODEL_VERSION is 2, none may
#: disappear (templates rely on them); adding fields is fine. An incompatible
#: change bumps VIEW_MODEL_VERSION and the JSON schema version together, and
#: then this snapshot is redone. (Version 2: ``MemberView.ts_value`` is a bigint
#: literal for every member of an enum that needs BigInt; fields were added.)
VERSION_2_FIELDS = {
    "ModuleView": {
        "source", "stem", "generator", "version", "schema_id", "target", "enums", "anonymous", "all_enums",
        "py_all", "ts_style", "class_names", "ts_lookup", "ts_has_flags",
    },
    "EnumView": {
        "c_name", "tag", "typedefs", "py_name", "ts_name", "py_base", "flags", "flags_reason", "underlying",
        "fixed_type", "origin", "file", "line", "column", "members", "doc", "py_doc_lines", "ts_doc_lines",
        "hresult", "bigint", "ts_value_type", "ts_mask", "ts_is", "ts_name_of", "ts_values_of", "ts_locals",
    },
    "MemberView": {
        "c_name", "py_name", "ts_key", "value", "py_value", "ts_value", "hex", "expr", "line", "column", "doc",
        "py_doc", "ts_doc",
    },
}  # fmt: skip
VERSION_2_FILTERS = {
    "py_name", "py_member_name", "py_docstring", "py_string", "ts_name", "ts_key", "ts_value", "comment_text",
    "line_comment", "hex_value", "unsigned32", "json", "pascal_case",
}  # fmt: skip


def section(title: str) -> str:
    """The text of the docs/templates.md section headed ``title``."""
    text = DOC.read_text(encoding="utf-8")
    m = re.search(rf"^(#+) {re.escape(title)}\n(.*?)(?=^#{{1,3}} |\Z)", text, re.M | re.S)
    assert m, f"docs/templates.md has no section '{title}'"
    return m.group(2)


def documented_names(text: str) -> set[str]:
    """First-column names of the markdown tables in ``text``."""
    return set(re.findall(r"^\| `(\w+)(?:\([^)]*\))?` \|", text, re.M))


# -- the documented, versioned interface --------------------------------------------------------


@pytest.mark.parametrize("cls", [ModuleView, EnumView, MemberView], ids=lambda c: c.__name__)
def test_every_view_model_field_is_documented(cls: type) -> None:
    fields = {f.name for f in dataclasses.fields(cls)}
    documented = documented_names(section(cls.__name__))
    assert fields - documented == set(), f"document these {cls.__name__} fields in docs/templates.md"
    assert documented - fields == set(), f"docs/templates.md documents {cls.__name__} fields that do not exist"


def test_every_filter_and_function_is_documented() -> None:
    assert documented_names(section("Filters")) == set(FILTERS)
    env = make_environment()
    ours = {name for name in env.globals if name == "fail"}
    assert documented_names(section("Functions")) == ours


@pytest.mark.parametrize("cls", [ModuleView, EnumView, MemberView], ids=lambda c: c.__name__)
def test_no_field_disappears_within_a_version(cls: type) -> None:
    if VIEW_MODEL_VERSION != 2:
        pytest.fail("VIEW_MODEL_VERSION changed: redo VERSION_2_FIELDS for the new version (and rename it)")
    missing = VERSION_2_FIELDS[cls.__name__] - {f.name for f in dataclasses.fields(cls)}
    assert not missing, f"{sorted(missing)} left {cls.__name__}: an incompatible change needs a new version"
    assert set(FILTERS) >= VERSION_2_FILTERS


def test_view_model_version_is_the_schema_version() -> None:
    schema = json.loads((REPO / "gen" / "schema" / "gen-enums.schema.json").read_text(encoding="utf-8"))
    assert schema["properties"]["schema_version"]["const"] == VIEW_MODEL_VERSION
    assert schema["$id"] == SCHEMA_ID
    # The $id says where the schema is in the package; the version is schema_version's.
    assert SCHEMA_ID.endswith("/gen/schema/gen-enums.schema.json")
    assert f"It is now **{VIEW_MODEL_VERSION}**." in section("Versioning")


# -- user template folders ------------------------------------------------------------------------


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "colors.h").write_text(HEADER, encoding="utf-8")
    (tmp_path / "tpl").mkdir()
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def test_user_template_overrides_a_builtin_by_name(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "tpl" / "python.py.j2").write_text(
        "{% for e in enums %}{{ e.py_name }} = {{ e.members | length }}\n{% endfor %}", encoding="utf-8"
    )
    code, _, err = run(["--templates", "tpl", "colors.h"], capsys)
    assert code == 0, err
    assert (project / "out" / "colors.py").read_text(encoding="utf-8") == "COLOR = 3\nMODE = 2\n"
    assert (project / "out" / "colors.ts").read_text(encoding="utf-8").startswith("// Generated by gen")


def test_user_template_adds_a_format(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "tpl" / "csharp.cs.j2").write_text(
        "namespace Gen;\n{% for e in enums %}\npublic enum {{ e.c_name }} : {{ 'uint' if e.flags else 'int' }}\n{\n"
        "{% for m in e.members %}    {{ m.c_name }} = {{ m.value }},\n{% endfor %}}\n{% endfor %}",
        encoding="utf-8",
    )
    formats = discover_formats([project / "tpl"])
    assert formats["csharp"].extension == "cs"
    code, _, err = run(["--templates", "tpl", "-f", "csharp", "colors.h"], capsys)
    assert code == 0, err
    text = (project / "out" / "colors.cs").read_text(encoding="utf-8")
    assert "public enum COLOR : uint\n{\n    COLOR_RED = 1," in text
    assert sorted(p.name for p in (project / "out").iterdir()) == ["colors.cs"]


def test_partials_are_not_formats_and_every_loaded_template_is_a_dependency(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tpl = project / "tpl"
    (tpl / "_base.txt.j2").write_text("BEGIN\n{% block body %}{% endblock %}\nEND\n", encoding="utf-8")
    (tpl / "_macros.j2").write_text("{% macro row(m) %}{{ m.c_name }}={{ m.value }}{% endmacro %}", encoding="utf-8")
    (tpl / "_dynamic.j2").write_text("dynamic\n", encoding="utf-8")
    (tpl / "_unused.j2").write_text("never read\n", encoding="utf-8")
    (tpl / "listing.txt.j2").write_text(
        '{% extends "_base.txt.j2" %}{% import "_macros.j2" as mac %}{% block body %}'
        "{% for e in enums %}{% for m in e.members %}{{ mac.row(m) }}\n{% endfor %}{% endfor %}"
        '{% set name = "_dyn" ~ "amic.j2" %}{% include name %}{% endblock %}',
        encoding="utf-8",
    )
    assert set(discover_formats([tpl])) == {"listing", "python", "json", "typescript"}
    code, _, err = run(["--templates", "tpl", "-f", "listing", "--depfile", "gen.d", "colors.h"], capsys)
    assert code == 0, err
    assert (project / "out" / "colors.txt").read_text(encoding="utf-8").startswith("BEGIN\nCOLOR_RED=1\n")
    deps = (project / "gen.d").read_text(encoding="utf-8")
    for name in ("listing.txt.j2", "_base.txt.j2", "_macros.j2", "_dynamic.j2"):
        assert f"tpl/{name}" in deps, name
    assert "_unused.j2" not in deps
    assert "python.py.j2" not in deps  # formats not rendered are not dependencies


def test_static_references_are_read_from_the_compiled_templates(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The static dependencies of a template rendering loaded (compiled now,
    or from the bytecode cache) come from its compiled code, without parsing
    its source a second time; a template named only statically, which
    rendering never loads, is read and parsed as before."""
    tpl = tmp_path / "tpl"
    tpl.mkdir()
    files = {
        "x.txt.j2": '{% include "_part.j2" %}{% if false %}{% include "_static.j2" %}{% endif %}',
        "_part.j2": '{% import "_macros.j2" as mac %}{% include "_gone.j2" ignore missing %}part\n',
        "_macros.j2": "{% macro row() %}{% endmacro %}",
        "_static.j2": '{% include "_deeper.j2" %}',
        "_deeper.j2": "deeper\n",
    }
    for name, text in files.items():
        (tpl / name).write_text(text, encoding="utf-8")
    parsed: list[str | None] = []
    original = jinja2.parser.Parser.parse
    monkeypatch.setattr(jinja2.parser.Parser, "parse", lambda self: parsed.append(self.name) or original(self))
    fmt = discover_formats([tpl])["x"]
    view = module_view(Module("t.h", ()), "t", target="x86_64-linux-gnu")
    expected = [str(tpl / name) for name in ("x.txt.j2", "_part.j2", "_static.j2", "_macros.j2", "_deeper.j2")]
    for compiled in (True, False):  # a new environment reads the bytecode cache
        parsed.clear()
        env = make_environment([tpl], tmp_path / "jinja")
        assert render(env, fmt, view) == "part\n"
        loaded = ["x.txt.j2", "_part.j2", "_macros.j2"]
        assert sorted(parsed) == (sorted(loaded) if compiled else [])
        parsed.clear()
        assert template_paths(env, fmt) == expected
        # Parsed: only the two rendering never loaded, once in a process.
        assert len(parsed) == (2 if compiled else 0)
        assert loaded_templates(env) == [str(tpl / name) for name in (*loaded, "_static.j2", "_deeper.j2")]


def test_a_user_template_can_build_on_a_builtin(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "tpl" / "pyplus.py.j2").write_text(
        '{% include "python.py.j2" %}\nEXTRA = {{ enums | length }}\n', encoding="utf-8"
    )
    code, _, err = run(["--templates", "tpl", "-f", "pyplus", "-o", "o", "colors.h"], capsys)
    assert code == 0, err
    text = (project / "o" / "colors.py").read_text(encoding="utf-8")
    assert "class COLOR(enum.IntFlag):" in text and text.endswith("EXTRA = 2\n")


@pytest.mark.parametrize(
    ("template", "message"),
    [
        ("line one\n{% for e in enums %}\n", r"tpl/bad\.txt\.j2:2: error: template error: Unexpected end of template"),
        ("ok\n\n{{ enums[0].nmae }}\n", r"tpl/bad\.txt\.j2:3: error: template 'bad\.txt\.j2' failed: .*nmae"),
        ("ok\n{{ 'text' | hex_value }}\n", r"tpl/bad\.txt\.j2:2: error: template 'bad\.txt\.j2' failed: TypeError"),
        (
            '{{ fail("needs version 9") }}\n',
            r"tpl/bad\.txt\.j2:1: error: template 'bad\.txt\.j2' failed: needs version 9",
        ),
    ],
)
def test_template_errors_point_at_the_template_line(
    project: Path, capsys: pytest.CaptureFixture[str], template: str, message: str
) -> None:
    (project / "tpl" / "bad.txt.j2").write_text(template, encoding="utf-8")
    code, _, err = run(["--templates", "tpl", "-f", "bad", "colors.h"], capsys)
    assert code == 2
    assert "internal error" not in err and "Traceback" not in err
    assert re.search(message, err.replace(str(project) + "/", "")), err
    assert not (project / "out").exists()


def test_missing_template_folder(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["--templates", "nope", "colors.h"], capsys)
    assert code == 2 and "template folder 'nope' does not exist" in err


# -- the shipped example: Rust ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def rust_outputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("rust")
    shutil.copy(REPO / "headers" / "Imnxport.h", work / "Imnxport.h")
    proc = subprocess.run(
        [sys.executable, "-m", "gen", "-q", "--templates", str(RUST_EXAMPLE), "-f", "rust,json", "Imnxport.h"],
        cwd=work,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    assert proc.returncode == 0, proc.stderr
    return work / "out"


def test_rust_example_renders(rust_outputs: Path) -> None:
    text = (rust_outputs / "imnxport.rs").read_text(encoding="utf-8")
    assert "pub struct POP3MARKTYPE(pub i32);" in text
    assert "    pub const POP3_MARK_FOR_TOP: Self = Self(1);" in text
    assert "impl core::ops::BitOr for POP3MARKTYPE {" in text


@pytest.mark.skipif(shutil.which("rustc") is None, reason="rustc is not installed")
def test_rust_example_compiles_with_every_value(rust_outputs: Path, tmp_path: Path) -> None:
    data = json.loads((rust_outputs / "imnxport.json").read_text(encoding="utf-8"))
    named = [e for e in data["enums"] if e["name"]]
    prints = [
        f'    println!("{e["name"]} {m["name"]} {{}}", imnxport::{e["name"]}::{m["name"]}.0);'
        for e in named
        for m in e["members"]
    ]
    prints += [
        f'    println!("- {m["name"]} {{}}", imnxport::{m["name"]});'
        for e in data["enums"]
        if not e["name"]
        for m in e["members"]
    ]
    shutil.copy(rust_outputs / "imnxport.rs", tmp_path / "imnxport.rs")
    (tmp_path / "main.rs").write_text("mod imnxport;\n\nfn main() {\n" + "\n".join(prints) + "\n}\n", encoding="utf-8")
    build = subprocess.run(
        ["rustc", "--edition", "2021", "-D", "warnings", "-o", str(tmp_path / "main"), str(tmp_path / "main.rs")],
        capture_output=True,
        text=True,
    )
    assert build.returncode == 0, build.stderr
    got = subprocess.run([str(tmp_path / "main")], capture_output=True, text=True, check=True).stdout.splitlines()
    want = [f"{e['name'] or '-'} {m['name']} {m['value']}" for e in named for m in e["members"]]
    want += [f"- {m['name']} {m['value']}" for e in data["enums"] if not e["name"] for m in e["members"]]
    assert got == want
    assert len(got) > 150
