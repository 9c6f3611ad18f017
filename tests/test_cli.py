"""The command line as a build step: exit codes, --check/--diff, writing only
what changed (atomically), depfiles that make and ninja read, several headers
per run, selection, --strip-prefix, --explain, and no tracebacks ever."""

from __future__ import annotations

import json
import os
import shutil
import signal
import stat
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from conftest import REPO

from gen.diagnostics import GenError
from gen.output.naming import common_prefix, strip_names
from gen.output.writer import TEMP_NAME, PlannedOutput, write_if_changed
from gen.run.cli import depfile_text, main, output_stem

HEADER = """\
#include "sub.h"
typedef enum tagCOLOR { COLOR_RED = 1, COLOR_GREEN = 2, COLOR_BLUE = 4, COLOR_ALL = 7 } COLOR;
enum MODE { MODE_OFF, MODE_ON, MODE_AUTO = SUB_VALUE };
enum { LONE_A = 1, LONE_B = 2 };
"""
SUB = "#define SUB_VALUE 9\n"


def make_project(root: Path, name: str = "colors.h") -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / name).write_text(HEADER, encoding="utf-8")
    (root / "sub.h").write_text(SUB, encoding="utf-8")
    return root / name


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    make_project(tmp_path)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def mtimes(folder: Path) -> dict[str, int]:
    return {p.name: p.stat().st_mtime_ns for p in sorted(folder.iterdir())}


# -- output names --------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "stem"),
    [
        ("Imnxport.h", "imnxport"),
        ("headers/Imnxport.h", "imnxport"),
        ("sdk\\My-Header.h", "my_header"),
        ("a/foo.bar.h", "foo_bar"),
        ("windows.devices.enumeration.h", "windows_devices_enumeration"),
        ("noext", "noext"),
        ("3d.h", "_3d"),
        ("weird name!.hpp", "weird_name_"),
    ],
)
def test_output_stem(header: str, stem: str) -> None:
    assert output_stem(header) == stem


# -- exit codes, --check, --diff ------------------------------------------------


def test_writes_then_second_run_changes_nothing(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["colors.h"], capsys)
    assert code == 0
    assert sorted(p.name for p in (project / "out").iterdir()) == ["colors.json", "colors.py", "colors.ts"]
    assert out.count("wrote ") == 3
    # Back-date the outputs: an unchanged output must keep even an old mtime.
    for p in (project / "out").iterdir():
        os.utime(p, ns=(1_000_000_000, 1_000_000_000))
    before = mtimes(project / "out")
    code, out, _ = run(["colors.h"], capsys)
    assert code == 0
    assert out.count("unchanged ") == 3 and "wrote" not in out
    assert mtimes(project / "out") == before


def test_check_writes_nothing_and_exits_1_when_stale(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["--check", "colors.h"], capsys)
    assert code == 1
    assert not (project / "out").exists()
    assert "would change: out/colors.py" in out
    assert "3 of 3 output(s) are stale" in out


def test_check_exits_0_when_current(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["colors.h"], capsys)[0] == 0
    code, out, _ = run(["--check", "colors.h"], capsys)
    assert code == 0
    assert "all 3 output(s) are current" in out
    assert run(["--check", "-q", "colors.h"], capsys)[1] == ""


def test_diff_implies_check_and_prints_a_unified_diff(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["colors.h"], capsys)[0] == 0
    py = project / "out" / "colors.py"
    good = py.read_text(encoding="utf-8")
    py.write_text(good.replace("COLOR_RED = 0x00000001", "COLOR_RED = 0x00000011"), encoding="utf-8")
    code, out, _ = run(["--diff", "colors.h"], capsys)
    assert code == 1
    assert "--- a/out/colors.py" in out and "+++ b/out/colors.py" in out
    assert "-    COLOR_RED = 0x00000011" in out and "+    COLOR_RED = 0x00000001" in out
    assert "colors.json" not in out  # only the stale one
    assert py.read_text(encoding="utf-8") != good  # --diff wrote nothing


def test_errors_exit_2_and_write_nothing(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["missing.h"], capsys)
    assert code == 2 and "error" in err
    code, _, err = run(["--format", "python,cobol", "colors.h"], capsys)
    assert code == 2
    assert "unknown format 'cobol' (known: json, python, typescript)" in err
    code, _, err = run(["--include-enum", "([", "colors.h"], capsys)
    assert code == 2 and "invalid regular expression" in err
    (project / "bad.h").write_text("enum E { A = UNKNOWN_THING };\n", encoding="utf-8")
    code, _, err = run(["colors.h", "bad.h"], capsys)
    assert code == 2 and "UNKNOWN_THING" in err and "nothing written" in err
    assert not (project / "out").exists()


def test_usage_errors_exit_2(project: Path) -> None:
    with pytest.raises(SystemExit) as info:
        main(["--no-such-option"])
    assert info.value.code == 2


# -- never a traceback ------------------------------------------------------------


def test_internal_error_is_one_line_exit_2(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def boom(*_: object, **__: object) -> None:
        raise RuntimeError("boom\nsecond line")

    import gen.run.pipeline

    monkeypatch.setattr(gen.run.pipeline, "plan", boom)
    code, out, err = run(["colors.h"], capsys)
    assert code == 2
    assert out == ""
    lines = err.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("gen: internal error: RuntimeError: boom second line")
    assert "Traceback" not in err


def test_gen_debug_lets_the_traceback_through(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def boom(*_: object, **__: object) -> None:
        raise RuntimeError("boom")

    import gen.run.pipeline

    monkeypatch.setattr(gen.run.pipeline, "plan", boom)
    monkeypatch.setenv("GEN_DEBUG", "1")
    with pytest.raises(RuntimeError):
        main(["colors.h"])


def test_internal_error_in_a_real_process(project: Path) -> None:
    code = (
        "import sys\nimport gen.run.cli as c\nimport gen.run.pipeline as p\n"
        "def boom(*a, **k):\n    raise KeyError('x')\n"
        "p.plan = boom\nsys.exit(c.main(['--no-cache', 'colors.h']))\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "GEN_DEBUG"}
    env["PYTHONPATH"] = str(REPO)
    proc = subprocess.run([sys.executable, "-c", code], cwd=project, capture_output=True, text=True, env=env)
    assert proc.returncode == 2
    assert proc.stderr.startswith("gen: internal error: KeyError: 'x'")
    assert "Traceback" not in proc.stderr


def test_closed_stdout_is_no_traceback(project: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    proc = subprocess.run(
        f"{sys.executable} -m gen --explain --check colors.h | head -c 1 >/dev/null",
        shell=True,
        cwd=project,
        capture_output=True,
        text=True,
        env=env,
    )
    assert "Traceback" not in proc.stderr
    assert "internal error" not in proc.stderr


# -- writing: only on change, atomically, keeping permissions -------------------------


def test_rewrite_replaces_by_rename_and_keeps_permissions(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["-f", "json", "colors.h"], capsys)[0] == 0
    out = project / "out" / "colors.json"
    good = out.read_text(encoding="utf-8")
    out.write_text("{}", encoding="utf-8")
    out.chmod(0o640)
    inode = out.stat().st_ino
    assert run(["-f", "json", "colors.h"], capsys)[0] == 0
    assert out.read_text(encoding="utf-8") == good
    assert out.stat().st_ino != inode  # a new file renamed over the old one
    assert stat.S_IMODE(out.stat().st_mode) == 0o640
    assert [p.name for p in (project / "out").iterdir()] == ["colors.json"]  # no temporary file left


def test_new_files_get_the_usual_permissions(tmp_path: Path) -> None:
    mask = os.umask(0o027)
    try:
        write_if_changed(PlannedOutput(tmp_path / "x.txt", "x\n"))
    finally:
        os.umask(mask)
    assert stat.S_IMODE((tmp_path / "x.txt").stat().st_mode) == 0o640  # not mkstemp's 0o600


def test_failed_write_leaves_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "x.txt"
    target.write_text("old\n", encoding="utf-8")

    def fail(*_: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", fail)
    with pytest.raises(GenError, match="No space left on device"):
        write_if_changed(PlannedOutput(target, "new\n"))
    assert target.read_text(encoding="utf-8") == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["x.txt"]


def test_killed_run_leaves_no_half_file(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """SIGKILL at the worst moment (new text written, not yet renamed): the
    output is still the complete old file."""
    assert run(["-f", "json", "colors.h"], capsys)[0] == 0
    out = project / "out" / "colors.json"
    out.write_text('{"old": true}\n', encoding="utf-8")
    code = (
        "import os, signal, sys\nimport gen.output.writer as w\n"
        "w.os.replace = lambda *a: os.kill(os.getpid(), signal.SIGKILL)\n"
        "from gen.run.cli import main\nsys.exit(main(['-f', 'json', 'colors.h']))\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], cwd=project, capture_output=True, env={**os.environ, "PYTHONPATH": str(REPO)}
    )
    assert proc.returncode == -signal.SIGKILL
    assert out.read_text(encoding="utf-8") == '{"old": true}\n'
    # The new text, and a second name for the old file (to restore it from).
    left = {p.suffix: p for p in (project / "out").iterdir() if p.name != "colors.json"}
    assert sorted(left) == [".old", ".tmp"] and all(TEMP_NAME.match(p.name) for p in left.values())
    assert left[".old"].read_text(encoding="utf-8") == '{"old": true}\n'
    json.loads(left[".tmp"].read_text(encoding="utf-8"))  # the new text, complete, never half in the target


def test_output_into_a_file_is_an_error(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "out").write_text("not a folder", encoding="utf-8")
    code, _, err = run(["colors.h"], capsys)
    assert code == 2 and "is not a folder" in err


# -- several headers, formats, naming -----------------------------------------------


def test_several_headers_out_dir_and_formats(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    make_project(project / "more", "Other-Header.h")
    code, _, _ = run(
        ["-o", "gen-out", "-f", "json", "--format", "typescript", "colors.h", "more/Other-Header.h"], capsys
    )
    assert code == 0
    assert sorted(p.name for p in (project / "gen-out").iterdir()) == [
        "colors.json",
        "colors.ts",
        "other_header.json",
        "other_header.ts",
    ]


def test_two_headers_with_one_stem_are_an_error(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    make_project(project / "b", "COLORS.h")
    code, _, err = run(["colors.h", "b/COLORS.h"], capsys)
    assert code == 2
    assert "headers colors.h and b/COLORS.h would both write out/colors.py" in err
    assert "own out-dir" in err
    assert not (project / "out").exists()


def test_the_same_header_twice_is_read_once(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["colors.h", "./colors.h"], capsys)
    assert code == 0 and out.count("wrote ") == 3


def test_two_formats_writing_one_file_are_an_error(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    tpl = project / "tpl"
    tpl.mkdir()
    (tpl / "other.py.j2").write_text("# {{ source }}\n", encoding="utf-8")
    code, _, err = run(["--templates", "tpl", "-f", "python,other", "colors.h"], capsys)
    assert code == 2 and "formats 'python' and 'other' would both write out/colors.py" in err


# -- selection, strip-prefix, explain -------------------------------------------------


def test_include_and_exclude_enum(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["-f", "json", "--include-enum", "^COL", "--include-enum", "^MO", "colors.h"], capsys)[0] == 0
    names = [e["name"] for e in json.loads((project / "out" / "colors.json").read_text())["enums"]]
    assert names == ["COLOR", "MODE"]
    assert run(["-f", "json", "--exclude-enum", "^COL", "colors.h"], capsys)[0] == 0
    names = [e["name"] for e in json.loads((project / "out" / "colors.json").read_text())["enums"]]
    assert names == ["MODE", None]


def test_strip_prefix_in_python_and_typescript_not_json(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["--strip-prefix", "colors.h"], capsys)[0] == 0
    py = (project / "out" / "colors.py").read_text(encoding="utf-8")
    ts = (project / "out" / "colors.ts").read_text(encoding="utf-8")
    data = json.loads((project / "out" / "colors.json").read_text(encoding="utf-8"))
    assert "    RED = 0x00000001" in py and "    OFF = 0" in py
    assert "  RED: 1," in ts and "  AUTO: 9," in ts
    # Anonymous enums are module-level constants: never stripped.
    assert "LONE_A: Final = 1" in py and "export const LONE_A = 1;" in ts
    assert [m["name"] for m in data["enums"][0]["members"]] == ["COLOR_RED", "COLOR_GREEN", "COLOR_BLUE", "COLOR_ALL"]
    namespace: dict[str, object] = {}
    exec(compile(py, "colors.py", "exec"), namespace)
    color = namespace["COLOR"]
    assert color.RED | color.GREEN == 3  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("names", "prefix"),
    [
        (["POP3_MARK_FOR_TOP", "POP3_MARK_FOR_RETR"], "POP3_MARK_FOR_"),
        (["SMTP_NONE", "SMTP_BANNER"], "SMTP_"),
        # only at '_' boundaries
        (["COLORRED", "COLORGREEN"], ""),
        (["FOO_BAR", "FOO_BAZ"], "FOO_"),
        # never a leading digit: cut back to an earlier '_'
        (["IMAP_FLAG_1", "IMAP_FLAG_X"], "IMAP_"),
        (["MF_1", "MF_2"], ""),
        # never an empty name, never a leading '_'
        (["FOO_", "FOO_A"], ""),
        (["A__X", "A__Y"], "A__"),
        (["X__", "X_A"], ""),
        # escaping would be needed (keywords, enum's reserved names): strip nothing
        (["V_None", "V_Some"], ""),
        (["K_class", "K_def"], ""),
        (["P_name", "P_other"], ""),
        (["T_mro", "T_x"], ""),
        # one member: nothing
        (["ONLY_ONE"], ""),
        ([], ""),
        (["A_X", "B_X"], ""),
    ],
)
def test_common_prefix(names: list[str], prefix: str) -> None:
    assert common_prefix(names) == prefix


def test_strip_names() -> None:
    assert strip_names(["DSNRET_DEFAULT", "DSNRET_HDRS", "DSNRET_FULL"]) == ["DEFAULT", "HDRS", "FULL"]
    assert strip_names(["V_None", "V_Some"]) == ["V_None", "V_Some"]


def test_explain(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["--explain", "--check", "colors.h"], capsys)
    assert code == 1
    lines = [line for line in out.splitlines() if line.startswith("colors.h: ")]
    assert lines[0].startswith("colors.h: COLOR: IntFlag: ")
    assert lines[1].startswith("colors.h: MODE: IntEnum: ")
    assert lines[2].startswith("colors.h: anonymous enum at colors.h:4: IntEnum: ")
    code, out, _ = run(["--explain", "--strip-prefix", "--check", "colors.h"], capsys)
    assert "colors.h: COLOR: IntFlag: " in out and "member prefix 'COLOR_' stripped" in out
    assert "anonymous enum at colors.h:4: IntEnum: " in out


def test_explain_reports_config_overrides(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "pyproject.toml").write_text("[tool.gen]\nflags = { COLOR = false, NOSUCH = true }\n", encoding="utf-8")
    code, out, err = run(["--explain", "colors.h"], capsys)
    assert code == 0
    assert (
        "colors.h: COLOR: IntEnum: set in the configuration (flags.COLOR = false); "
        "the rule alone would choose IntFlag: " in out
    )
    assert "warning: flags override 'NOSUCH' matches no enum of colors.h" in err
    assert "class COLOR(enum.IntEnum)" in (project / "out" / "colors.py").read_text(encoding="utf-8")


# -- depfiles ----------------------------------------------------------------------


def test_depfile_names_every_file_read(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "colors.h").write_text("#include <windows.h>\n" + HEADER, encoding="utf-8")
    code, _, _ = run(["--depfile", "build/gen.d", "colors.h"], capsys)
    assert code == 0
    text = (project / "build" / "gen.d").read_text(encoding="utf-8")
    rule, _, phony = text.partition("\n\n")
    targets, _, deps = rule.partition(":")
    assert targets.split() == ["out/colors.py", "out/colors.json", "out/colors.ts"]
    files = deps.replace("\\\n", " ").split()
    assert files[0] == "colors.h"
    assert "sub.h" in files
    assert any(f.endswith("gen/include/windows.h") for f in files)
    for tpl in ("python.py.j2", "json.json.j2", "typescript.ts.j2"):
        assert any(f.endswith("/" + tpl) for f in files)
    # An empty rule per file, as gcc -MP writes.
    assert phony.splitlines() == [f"{f}:" for f in files]
    # Unchanged: the depfile keeps its mtime too.
    os.utime(project / "build" / "gen.d", ns=(1_000_000_000, 1_000_000_000))
    assert run(["--depfile", "build/gen.d", "colors.h"], capsys)[0] == 0
    assert (project / "build" / "gen.d").stat().st_mtime_ns == 1_000_000_000


def test_depfile_target_and_check_mode(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["--check", "--depfile", "gen.d", "colors.h"], capsys)[0] == 1
    assert not (project / "gen.d").exists()  # --check writes nothing at all
    assert run(["--depfile", "gen.d", "--depfile-target", "gen.stamp", "colors.h"], capsys)[0] == 0
    assert (project / "gen.d").read_text(encoding="utf-8").startswith("gen.stamp: \\\n  colors.h \\\n")


def test_depfile_text_escapes_for_make() -> None:
    text = depfile_text(["out/a b.py"], ["dir/x y.h", "h#1.h", "$cost.h", "dir/x y.h"])
    assert text == (
        "out/a\\ b.py: \\\n  dir/x\\ y.h \\\n  h\\#1.h \\\n  $$cost.h\n\ndir/x\\ y.h:\nh\\#1.h:\n$$cost.h:\n"
    )


def test_depfile_paths_relative_inside_cwd(project: Path) -> None:
    text = depfile_text([project / "out" / "a.py"], [project / "inc" / ".." / "a.h", "/elsewhere/b.h"])
    assert text.splitlines()[0] == "out/a.py: \\"
    assert "  a.h \\" in text and "  /elsewhere/b.h" in text


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_make_reads_the_depfile(project: Path) -> None:
    """make includes the depfile: a stamp rule reruns gen when an included
    header changes, and does nothing otherwise."""
    gen = f"{sys.executable} -m gen"
    (project / "Makefile").write_text(
        textwrap.dedent(
            f"""\
            OUTPUTS := out/colors.py out/colors.json
            all: $(OUTPUTS)
            gen.stamp: colors.h
            \t{gen} -q -f python,json --depfile gen.d --depfile-target gen.stamp colors.h
            \ttouch gen.stamp
            $(OUTPUTS): gen.stamp ;
            -include gen.d
            """
        ),
        encoding="utf-8",
    )
    env = {**os.environ, "PYTHONPATH": str(REPO)}

    def make(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(["make", *args], cwd=project, capture_output=True, text=True, env=env)

    first = make()
    assert first.returncode == 0, first.stdout + first.stderr
    assert make("-q").returncode == 0  # up to date
    # The included header is now newer than the stamp.
    os.utime(project / "gen.stamp", ns=(1_000_000_000, 1_000_000_000))
    assert make("-q").returncode == 1
    assert "-m gen" in make().stdout
    assert make("-q").returncode == 0
    # A deleted include does not break make (the empty rules).
    (project / "colors.h").write_text(HEADER.replace('#include "sub.h"', "#define SUB_VALUE 9"), encoding="utf-8")
    assert make().returncode == 0
    (project / "sub.h").unlink()
    again = make()
    assert again.returncode == 0, again.stderr


@pytest.mark.skipif(shutil.which("ninja") is None, reason="ninja is not installed")
def test_ninja_reads_the_depfile(project: Path) -> None:
    (project / "build.ninja").write_text(
        textwrap.dedent(
            f"""\
            rule gen
              command = {sys.executable} -m gen -q -f python,json --depfile gen.d colors.h
              depfile = gen.d
              deps = gcc
              restat = 1
            build out/colors.py out/colors.json: gen colors.h
            """
        ),
        encoding="utf-8",
    )
    env = {**os.environ, "PYTHONPATH": str(REPO)}

    def ninja(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(["ninja", *args], cwd=project, capture_output=True, text=True, env=env)

    assert ninja().returncode == 0
    assert "no work to do" in ninja().stdout
    deps = ninja("-t", "deps").stdout
    assert "sub.h" in deps and "python.py.j2" in deps
    # Newer than the outputs, but not in the future: ninja 1.12 and later
    # (the test extra's) compare a restat output with the time of the run.
    time.sleep(0.05)
    os.utime(project / "sub.h")
    rerun = ninja("-d", "explain")
    assert "sub.h" in rerun.stderr + rerun.stdout
    assert "no work to do" in ninja().stdout  # restat: unchanged outputs are not rebuilt again
