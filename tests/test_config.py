"""[tool.gen] in pyproject.toml: where it is found, what it may contain, how
per-header tables and command-line flags override it, and the errors it
gives (file:line: error: ...)."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

from gen.run.cli import build_parser, main
from gen.run.config import find_pyproject, load_settings

HEADER = """\
typedef enum tagCOLOR { COLOR_RED = 1, COLOR_GREEN = 2, COLOR_BLUE = 4 } COLOR;
#ifdef WANT_EXTRA
enum EXTRA { EXTRA_A, EXTRA_B };
#endif
enum MODE { MODE_OFF, MODE_ON };
"""


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def enum_names(path: Path) -> list[str | None]:
    return [e["name"] for e in json.loads(path.read_text(encoding="utf-8"))["enums"]]


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    write(tmp_path / "include" / "colors.h", HEADER)
    write(tmp_path / "include" / "modes.h", HEADER.replace("COLOR", "SHADE"))
    monkeypatch.chdir(tmp_path)
    return tmp_path


# -- finding the file ------------------------------------------------------------------


def test_nearest_pyproject_with_a_gen_table(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", "[tool.gen]\nout-dir = 'x'\n")
    write(tmp_path / "pkg" / "pyproject.toml", "[project]\nname = 'pkg'\n")  # no [tool.gen]: passed over
    write(tmp_path / "pkg" / "sub" / "deeper" / "keep", "")
    assert find_pyproject(tmp_path / "pkg" / "sub" / "deeper") == tmp_path / "pyproject.toml"
    write(tmp_path / "pkg" / "pyproject.toml", "[tool.gen]\n")
    assert find_pyproject(tmp_path / "pkg" / "sub") == tmp_path / "pkg" / "pyproject.toml"
    assert find_pyproject(Path("/")) is None or find_pyproject(Path("/")) == Path("/pyproject.toml")


def test_run_from_a_subfolder_uses_the_config_above(
    repo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    write(repo / "pyproject.toml", '[tool.gen]\nheaders = ["include/colors.h"]\nformats = ["json"]\n')
    monkeypatch.chdir(repo / "include")
    code, _, err = run([], capsys)
    assert code == 0, err
    assert (repo / "out" / "colors.json").is_file()  # out-dir relative to the pyproject.toml


def test_no_header_anywhere_is_an_error(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run([], capsys)
    assert code == 2 and "no header given" in err


def test_explicit_config_file(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(repo / "conf" / "gen.toml", '[tool.gen]\nheaders = ["../include/colors.h"]\nformats = ["json"]\n')
    code, _, err = run(["--config", "conf/gen.toml"], capsys)
    assert code == 0, err
    assert (repo / "conf" / "out" / "colors.json").is_file()
    code, _, err = run(["--config", "nope.toml"], capsys)
    assert code == 2 and "config file 'nope.toml' not found" in err


# -- errors name the file and the line -----------------------------------------------------


def test_unknown_key_names_file_line_and_key(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(
        repo / "pyproject.toml",
        """\
        [project]
        name = "consumer"
        flavour = 1

        [tool.gen]
        headers = ["include/colors.h"]
        flavour = "x"
        """,
    )
    code, out, err = run([], capsys)
    assert code == 2 and out == ""
    assert err.strip() == "pyproject.toml:7: error: unknown key 'flavour' in [tool.gen]"


def test_unknown_key_suggests_the_spelling(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(repo / "pyproject.toml", '[tool.gen]\n\nout_dir = "o"\n')
    code, _, err = run(["include/colors.h"], capsys)
    assert code == 2
    assert err.strip() == "pyproject.toml:3: error: unknown key 'out_dir' in [tool.gen] (did you mean 'out-dir'?)"


def test_unknown_key_as_dotted_key_and_in_a_header_table(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(repo / "pyproject.toml", '[tool]\nother = 1\ngen.colour = "red"\n')
    code, _, err = run(["include/colors.h"], capsys)
    assert err.strip() == "pyproject.toml:3: error: unknown key 'colour' in [tool.gen]"
    write(
        repo / "pyproject.toml",
        """\
        [tool.gen]
        formats = ["json"]

        [tool.gen.header."include/colors.h"]
        defines = ["X"]
        colour = "red"
        """,
    )
    code, _, err = run(["include/colors.h"], capsys)
    assert code == 2
    assert err.strip() == "pyproject.toml:6: error: unknown key 'colour' in [tool.gen.header.\"include/colors.h\"]"


def test_run_wide_keys_are_refused_per_header(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(repo / "pyproject.toml", '[tool.gen.header."include/colors.h"]\ndepfile = "x.d"\n')
    code, _, err = run(["include/colors.h"], capsys)
    assert code == 2
    assert "pyproject.toml:2: error: 'depfile' cannot be set in [tool.gen.header.\"include/colors.h\"]" in err


def test_header_table_for_a_missing_file(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(repo / "pyproject.toml", '[tool.gen]\n[tool.gen.header."include/colours.h"]\ndefines = []\n')
    code, _, err = run(["include/colors.h"], capsys)
    assert code == 2
    assert 'pyproject.toml:2: error: [tool.gen.header."include/colours.h"] names no file' in err


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ('strip-prefix = "yes"', "pyproject.toml:2: error: 'strip-prefix' in [tool.gen] must be a boolean"),
        ('formats = "json"', "pyproject.toml:2: error: 'formats' in [tool.gen] must be a list"),
        ("defines = [1]", "pyproject.toml:2: error: 'defines' in [tool.gen] must be a string"),
        ("flags = { COLOR = 1 }", "pyproject.toml:2: error: 'flags.COLOR' in [tool.gen] must be a boolean"),
        ('headers = "include/colors.h"', "pyproject.toml:2: error: 'headers' in [tool.gen] must be a list of strings"),
        ("header = 3", "pyproject.toml:2: error: 'header' in [tool.gen] must be tables"),
        ('target = "z80"', "error: unknown target 'z80'"),
        ('include = ["(["]', "error: invalid regular expression '(['"),
        ('class-names = "camel"', "error: unknown class-names 'camel' (known: c, pascal)"),
        ('ts-lookup = "no"', "pyproject.toml:2: error: 'ts-lookup' in [tool.gen] must be a boolean"),
        ("header-comments = 0", "pyproject.toml:2: error: 'header-comments' in [tool.gen] must be a boolean"),
    ],
)
def test_bad_values(repo: Path, capsys: pytest.CaptureFixture[str], body: str, message: str) -> None:
    write(repo / "pyproject.toml", f"[tool.gen]\n{body}\n")
    code, _, err = run([] if "headers" in body else ["include/colors.h"], capsys)
    assert code == 2
    assert message in err, err


def test_invalid_toml_names_the_line(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(repo / "pyproject.toml", '[tool.gen]\nout-dir = "x"\nformats = [\n')
    code, _, err = run(["include/colors.h"], capsys)
    assert code == 2 and err.startswith("pyproject.toml:") and "invalid TOML" in err


# -- merging: defaults < [tool.gen] < per-header < command line --------------------------------


def test_per_header_settings_apply_to_that_header_only(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(
        repo / "pyproject.toml",
        """\
        [tool.gen]
        headers = ["include/colors.h", "include/modes.h"]
        formats = ["json"]

        [tool.gen.header."include/modes.h"]
        defines = ["WANT_EXTRA"]
        """,
    )
    code, _, err = run([], capsys)
    assert code == 0, err
    assert enum_names(repo / "out" / "colors.json") == ["COLOR", "MODE"]
    assert enum_names(repo / "out" / "modes.json") == ["SHADE", "EXTRA", "MODE"]


def test_command_line_overrides_config(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(
        repo / "pyproject.toml",
        """\
        [tool.gen]
        headers = ["include/colors.h"]
        out-dir = "generated"
        formats = ["python"]
        include = ["^MODE$"]
        strip-prefix = true
        """,
    )
    assert run([], capsys)[0] == 0
    assert "    OFF = 0" in (repo / "generated" / "colors.py").read_text(encoding="utf-8")
    code, _, err = run(["-o", "cli-out", "-f", "json,python", "--include-enum", "^COL", "--no-strip-prefix"], capsys)
    assert code == 0, err
    assert enum_names(repo / "cli-out" / "colors.json") == ["COLOR"]
    assert "    COLOR_RED = 0x00000001" in (repo / "cli-out" / "colors.py").read_text(encoding="utf-8")


def test_flags_merge_per_header(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(
        repo / "pyproject.toml",
        """\
        [tool.gen]
        flags = { COLOR = false, MODE = true }

        [tool.gen.header."include/colors.h"]
        flags = { MODE = false }
        """,
    )
    args = build_parser().parse_args(["include/colors.h", "include/modes.h"])
    colors, modes = load_settings(args)
    assert colors.flags == {"COLOR": False, "MODE": False}
    assert modes.flags == {"COLOR": False, "MODE": True}


def test_force_includes_are_found_like_gcc(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(repo / "pre" / "defs.h", "#define WANT_EXTRA 1\n")
    write(repo / "pyproject.toml", '[tool.gen]\nforce-includes = ["pre/defs.h"]\nformats = ["json"]\n')
    code, _, err = run(["include/colors.h"], capsys)
    assert code == 0, err
    assert "EXTRA" in enum_names(repo / "out" / "colors.json")
    # On the command line: relative to the current folder first.
    (repo / "pyproject.toml").unlink()
    code, _, err = run(["-f", "json", "-include", "pre/defs.h", "include/colors.h"], capsys)
    assert code == 0, err
    assert "EXTRA" in enum_names(repo / "out" / "colors.json")


def test_headers_listed_twice_run_once(repo: Path) -> None:
    write(repo / "pyproject.toml", '[tool.gen]\nheaders = ["include/colors.h", "./include/../include/colors.h"]\n')
    assert len(load_settings(build_parser().parse_args([]))) == 1


def test_config_file_is_a_dependency(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(repo / "pyproject.toml", '[tool.gen]\nheaders = ["include/colors.h"]\ndepfile = "gen.d"\n')
    assert run([], capsys)[0] == 0
    text = (repo / "gen.d").read_text(encoding="utf-8")
    assert text.startswith("out/colors.py out/colors.json out/colors.ts: \\\n  include/colors.h \\\n")
    assert "\n  pyproject.toml\n" in text or "  pyproject.toml \\\n" in text


def test_outputs_do_not_depend_on_where_gen_starts(
    repo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """With a config, the run works in its folder: a subfolder gives the same
    bytes (file names in outputs are relative to the config), while printed
    paths and the depfile stay relative to where gen was started."""
    write(repo / "sdk" / "base.h", "enum BASE { BASE_A = 1, BASE_B = 2 };\n")
    write(repo / "include" / "uses.h", "#include <base.h>\nenum USES { USES_X = BASE_B };\n")
    write(repo / "pyproject.toml", '[tool.gen]\nheaders = ["include/uses.h"]\ninclude-dirs = ["sdk"]\n')
    assert run([], capsys)[0] == 0
    data = json.loads((repo / "out" / "uses.json").read_text(encoding="utf-8"))
    assert data["source"] == "include/uses.h"
    assert data["enums"][0]["members"][0]["value"] == 2  # sdk/ found through include-dirs
    monkeypatch.chdir(repo / "include")
    code, out, _ = run(["--check"], capsys)
    assert code == 0, out
    code, out, _ = run(["--depfile", "gen.d"], capsys)
    assert code == 0
    assert "unchanged ../out/uses.py" in out
    text = (repo / "include" / "gen.d").read_text(encoding="utf-8")
    assert text.startswith("../out/uses.py ../out/uses.json ../out/uses.ts: \\\n  uses.h \\\n  ../sdk/base.h \\\n")
    assert "  ../pyproject.toml" in text
    # A header named on the command line is taken from the cwd.
    code, out, _ = run(["--check", "uses.h"], capsys)
    assert code == 0, out


def test_naming_lookup_and_comment_settings(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(repo / "include" / "colors.h", "/* Colours. */\n" + HEADER)
    write(
        repo / "pyproject.toml",
        """\
        [tool.gen]
        headers = ["include/colors.h"]
        formats = ["python", "typescript"]
        class-names = "pascal"
        ts-lookup = false
        header-comments = false
        """,
    )
    assert run([], capsys)[0] == 0
    py = (repo / "out" / "colors.py").read_text(encoding="utf-8")
    ts = (repo / "out" / "colors.ts").read_text(encoding="utf-8")
    assert "class Color(enum.IntFlag):" in py and "Colours" not in py
    assert "export const Color = {" in ts and "isColor" not in ts
    code, _, err = run(["--class-names", "c", "--ts-lookup", "--header-comments"], capsys)
    assert code == 0, err
    py = (repo / "out" / "colors.py").read_text(encoding="utf-8")
    ts = (repo / "out" / "colors.ts").read_text(encoding="utf-8")
    assert "class COLOR(enum.IntFlag):" in py and "Colours." in py
    assert "export function isCOLOR(v: unknown): v is COLOR {" in ts
