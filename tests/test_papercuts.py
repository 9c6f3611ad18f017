"""Command-line and configuration papercuts (issue 12, item 11; issue 18,
item 15): each one a user hit, each with its test."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO

from gen.run.cli import main

HEADER = "enum COLOR { COLOR_RED = 1, COLOR_GREEN = 2 };\n"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "colors.h").write_text(HEADER, encoding="utf-8")
    return tmp_path


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(["--no-cache", *args])
    out, err = capsys.readouterr()
    return code, out, err


def pyproject(project: Path, body: str) -> None:
    (project / "pyproject.toml").write_text(f'[tool.gen]\nheaders = ["colors.h"]\n{body}', encoding="utf-8")


# -- options: no abbreviations, suggestions ---------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "meant"),
    [("--out", "--out-dir"), ("--chekc", "--check"), ("--depfile-targ", "--depfile-target"), ("--werrror", "--werror")],
)
def test_mistyped_options_are_errors_with_a_suggestion(
    project: Path, capsys: pytest.CaptureFixture[str], typed: str, meant: str
) -> None:
    """``--out x`` once meant ``--out-dir x`` (argparse abbreviations)."""
    with pytest.raises(SystemExit) as exit_:
        main([typed, "x", "colors.h"])
    assert exit_.value.code == 2
    assert capsys.readouterr().err.splitlines()[-1] == (
        f"gen: error: unrecognized arguments: {typed} (did you mean '{meant}'?)"
    )
    assert not (project / "out").exists() and not (project / "x").exists()


def test_short_options_still_take_attached_values(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "inc").mkdir()
    (project / "inc" / "base.h").write_text("#define BASE 4\n", encoding="utf-8")
    (project / "b.h").write_text('#include "base.h"\nenum B { B1 = BASE };\n', encoding="utf-8")
    assert run(["-Iinc", "-fjson", "-Werror", "b.h"], capsys)[0] == 0
    assert json.loads((project / "out" / "b.json").read_text())["enums"][0]["members"][0]["value"] == 4


# -- configuration: the real line, a broken table header, value errors with their line -------------


def test_a_broken_table_header_found_upward_is_an_error(project: Path) -> None:
    """``[tool.gen`` (no bracket) was passed over by the upward search; now it
    is the configuration, and its error names the file and line."""
    (project / "pyproject.toml").write_text('[project]\nname = "x"\n\n[tool.gen\nheaders = ["colors.h"]\n')
    (project / "sub").mkdir()
    proc = subprocess.run(
        [sys.executable, "-m", "gen", "--no-cache"],
        cwd=project / "sub",
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"},
    )
    assert proc.returncode == 2
    assert proc.stderr == (
        f"{project / 'pyproject.toml'}:4:10: error: invalid TOML: expected ']' at the end of a table declaration\n"
    )


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("out-dir = \n", "pyproject.toml:3:11: error: invalid TOML: invalid value"),
        ('out-dir = "x\n', "pyproject.toml:3:13: error: invalid TOML: illegal character '\\n'"),
        ("formats = [\n", "pyproject.toml:4:1: error: invalid TOML: invalid value"),
        (
            'target = "z80"\n',
            "pyproject.toml:3: error: unknown target 'z80' (known: i686-w64-mingw32, x86_64-linux-gnu, x86_64-w64-mingw32)",
        ),
        (
            'ts-style = "class"\n',
            "pyproject.toml:3: error: unknown ts-style 'class' (known: const-object, enum, const-enum)",
        ),
        (
            'missing-includes = "ignore"\n',
            "pyproject.toml:3: error: unknown missing-includes 'ignore' (known: warn, error)",
        ),
        ("formats = []\n", "pyproject.toml:3: error: 'formats' is empty: name at least one format"),
        (
            'stem = "my-enums"\n',
            "pyproject.toml:3: error: stem 'my-enums' is not a module name (letters, digits and '_', not first a digit, not a keyword)",
        ),
        (
            'docs = ["/dev/zero"]\n',
            "pyproject.toml:3: error: documentation folder '/dev/zero' is not a folder (a character device)",
        ),
        ('templates = "colors.h"\n', "pyproject.toml:3: error: template folder 'colors.h' is not a folder (a file)"),
        ("werror = 1\n", "pyproject.toml:3: error: 'werror' in [tool.gen] must be a boolean (true or false)"),
    ],
)
def test_configuration_errors_name_the_line(
    project: Path, capsys: pytest.CaptureFixture[str], body: str, expected: str
) -> None:
    pyproject(project, body)
    code, _, err = run([], capsys)
    assert code == 2 and err == expected + "\n"


def test_depfile_target_as_a_config_key(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pyproject(project, 'depfile = "gen.d"\ndepfile-target = "gen.stamp"\n')
    assert run(["-q"], capsys)[0] == 0
    assert (project / "gen.d").read_text(encoding="utf-8").startswith("gen.stamp: \\\n  colors.h \\\n")
    # The option overrides it.
    assert run(["-q", "--depfile-target", "other.stamp"], capsys)[0] == 0
    assert (project / "gen.d").read_text(encoding="utf-8").startswith("other.stamp: \\\n")
    # Like depfile, a setting of the whole run.
    pyproject(project, '[tool.gen.header."colors.h"]\ndepfile-target = "x"\n')
    code, _, err = run([], capsys)
    assert code == 2 and "'depfile-target' cannot be set in [tool.gen.header.\"colors.h\"]" in err


def test_a_top_level_flags_override_warns_once(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "shapes.h").write_text("enum SHAPE { SHAPE_ROUND = 1, SHAPE_SQUARE = 2 };\n", encoding="utf-8")
    (project / "pyproject.toml").write_text(
        '[tool.gen]\nheaders = ["colors.h", "shapes.h"]\nflags = { COLOR = true, NOSUCH = true }\n', encoding="utf-8"
    )
    code, _, err = run(["-q"], capsys)
    # COLOR is colors.h's: no warning for shapes.h; NOSUCH matches nothing: one warning.
    assert code == 0
    assert err == "pyproject.toml:3: warning: flags override 'NOSUCH' matches no enum of colors.h, shapes.h\n"


# -- the command line: empty formats, folders that are not folders, full paths ---------------------


def test_empty_format_list_is_an_error(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["-f", "", "colors.h"], capsys)
    assert code == 2 and err == "gen: error: no output format given (-f '')\n"
    assert not (project / "out").exists()
    code, _, err = run(["-f", ",", "colors.h"], capsys)
    assert code == 2 and err == "gen: error: no output format given (-f ',')\n"


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("--docs", "/dev/zero", "gen: error: documentation folder '/dev/zero' is not a folder (a character device)"),
        ("--docs", "missing", "gen: error: documentation folder 'missing' does not exist"),
        ("--docs", "colors.h", "gen: error: documentation folder 'colors.h' is not a folder (a file)"),
        ("--templates", "/dev/null", "gen: error: template folder '/dev/null' is not a folder (a character device)"),
    ],
)
def test_folders_that_are_not_folders(
    project: Path, capsys: pytest.CaptureFixture[str], option: str, value: str, message: str
) -> None:
    """``--docs /dev/zero`` once said "directory not found"."""
    code, _, err = run([option, value, "colors.h"], capsys)
    assert code == 2 and err == message + "\n"


def test_a_header_outside_the_working_folder_is_named_in_full(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "bad.h").write_text("enum E { A = 1 2 };\n", encoding="utf-8")
    here = tmp_path / "here"
    here.mkdir()
    monkeypatch.chdir(here)
    code, _, err = run([str(elsewhere / "bad.h")], capsys)
    assert code == 2
    assert err.splitlines()[0] == f"{elsewhere / 'bad.h'}:1:16: error: expected an operator, ',' or '}}' before '2'"


# -- enum bodies that do not parse: what was expected, where -----------------------------------------


@pytest.mark.parametrize(
    ("body", "column", "message"),
    [
        ("A = , B", 14, "expected an expression before ','"),
        ("A = 1 2", 16, "expected an operator, ',' or '}' before '2'"),
        ("A B", 12, "expected '=', ',' or '}' after enumerator 'A', found 'B'"),
        ("= 1", 10, "expected an enumerator name, found '='"),
        ("A,,B", 12, "expected an enumerator name before ','"),
        ("int A", 10, "expected an enumerator name, found 'int'"),
        ("A = 1 +", 16, "expected an expression after '+' (the value of 'A')"),
        ("A = (1 + )", 19, "expected an expression before ')'"),
        ("A = 1 ? 2", 16, "expected ':' to complete this '?'"),
        ("A = {1}", 14, "expected an expression before '{'"),
        ("X = (Y), Z = 1 2", 25, "expected an operator, ',' or '}' before '2'"),
        ("A = (int) 3, B = 4 5", 29, "expected an operator, ',' or '}' before '5'"),
        ("", 1, "an enum needs at least one enumerator (the body is empty)"),
    ],
)
def test_enum_body_syntax_errors(
    project: Path, capsys: pytest.CaptureFixture[str], body: str, column: int, message: str
) -> None:
    (project / "p.h").write_text(f"enum E {{ {body} }};\n", encoding="utf-8")
    code, _, err = run(["p.h"], capsys)
    assert code == 2
    assert err == f"p.h:1:{column}: error: {message}\ngen: 1 error(s); nothing written\n"
    assert "<enum>" not in err and "before:" not in err


# -- the JSON Schema ----------------------------------------------------------------------------------


def test_print_schema(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["--print-schema"], capsys)
    shipped = (REPO / "gen" / "schema" / "gen-enums.schema.json").read_text(encoding="utf-8")
    assert code == 0 and err == "" and out == shipped
    schema = json.loads(out)
    # The $id ends with the schema's path in the package.
    assert schema["$id"].endswith("/gen/schema/gen-enums.schema.json")
    assert schema["properties"]["schema_version"] == {"const": 2}
    # Outputs point at it.
    assert run(["-q", "-f", "json", "colors.h"], capsys)[0] == 0
    assert json.loads((project / "out" / "colors.json").read_text())["$schema"] == schema["$id"]


# -- machine-readable output stands alone on stdout ----------------------------------------------------


def test_docs_report_json_is_alone_on_stdout(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "docs").mkdir()
    code, out, err = run(["--docs", "docs", "--docs-report", "json", "--explain", "colors.h"], capsys)
    assert code == 0
    json.loads(out)  # nothing but the report
    assert "wrote out/colors.py" in err and "COLOR: IntEnum" in err
    code, out, err = run(["--docs", "docs", "--docs-report", "json", "--check", "colors.h"], capsys)
    assert code == 0 and "all 3 output(s) are current" in err
    json.loads(out)


# -- --touch: for build tools that cannot restat --------------------------------------------------------


def test_touch_gives_unchanged_outputs_a_new_time(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("GEN_CACHE_DIR", str(project / "cache"))
    monkeypatch.delenv("GEN_NO_CACHE", raising=False)
    assert main(["-f", "json", "colors.h"]) == 0
    out = project / "out" / "colors.json"
    os.utime(out, ns=(1_000_000_000, 1_000_000_000))
    text = out.read_text(encoding="utf-8")
    capsys.readouterr()
    for _ in range(2):  # the second from the run cache: it touches too
        assert main(["--touch", "-f", "json", "colors.h"]) == 0
        assert capsys.readouterr().out == "touched out/colors.json\n"
        assert out.stat().st_mtime_ns > 1_000_000_000 and out.read_text(encoding="utf-8") == text
        os.utime(out, ns=(1_000_000_000, 1_000_000_000))
    # A touching run leaves no quick-path stamp (a replay would not touch).
    assert not list((project / "cache").glob("quick-*.stamp"))
    assert main(["-f", "json", "colors.h"]) == 0
    assert out.stat().st_mtime_ns == 1_000_000_000  # without --touch: left alone
