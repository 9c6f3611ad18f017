"""The quick path (gen.run.quick) replays a rerun that changed nothing exactly
as the full command would print it, and never once anything it depends on
has changed."""

from __future__ import annotations

import marshal
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import REPO

from gen.run import quick
from gen.run.cli import main

ARGS = [
    "-I",
    "inc",
    "--templates",
    "tpl",
    "-f",
    "python,json,typescript,notes",
    "--docs",
    "docs",
    "--depfile",
    "out/colors.d",
    "colors.h",
]


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("GEN_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("GEN_NO_CACHE", raising=False)
    work = tmp_path / "work"
    for folder in ("inc", "tpl", "docs/sub"):
        (work / folder).mkdir(parents=True)
    (work / "inc" / "base.h").write_text("#define BASE 10\n", encoding="utf-8")
    (work / "tpl" / "notes.txt.j2").write_text("{{ source }}\n", encoding="utf-8")
    (work / "colors.h").write_text(
        '#include "base.h"\n#include "optional.h"\nenum color { RED = BASE, GREEN };\n', encoding="utf-8"
    )
    monkeypatch.chdir(work)
    return work


def _stamped(capsys: pytest.CaptureFixture[str], args: list[str] = ARGS) -> tuple[str, str]:
    """Run twice (the second run changes nothing and leaves a stamp); what
    the second printed."""
    assert main(args) == 0
    capsys.readouterr()
    assert main(args) == 0
    return capsys.readouterr()


def test_replay_prints_what_the_full_run_printed(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out, err = _stamped(capsys)
    assert "unchanged out/colors.py" in out and "'optional.h' not found" in err
    assert quick.replay(ARGS) == 0
    assert capsys.readouterr() == (out, err)
    # A file touched but not changed still matches by content.
    os.utime(project / "inc" / "base.h")
    assert quick.replay(ARGS) == 0


def test_check_mode_is_replayed_too(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(ARGS) == 0
    out, err = _stamped(capsys, ["--check", *ARGS])
    assert "all 4 output(s) are current" in out
    assert quick.replay(["--check", *ARGS]) == 0
    assert capsys.readouterr() == (out, err)


def _rewrite_same_size(path: Path) -> None:
    # Same size and, on a coarse clock, possibly the same times: only the
    # content (hashed because the change is recent) tells.
    path.write_text(path.read_text(encoding="utf-8").replace("10", "20"), encoding="utf-8")


CHANGES: dict[str, Callable[[Path], object]] = {
    "included header rewritten, same size": lambda p: _rewrite_same_size(p / "inc" / "base.h"),
    "header deleted": lambda p: (p / "inc" / "base.h").unlink(),
    "missing include appears": lambda p: (p / "inc" / "optional.h").write_text("\n", encoding="utf-8"),
    "pyproject.toml appears above": lambda p: (p.parent / "pyproject.toml").write_text(
        "[tool.gen]\n", encoding="utf-8"
    ),
    "template override appears": lambda p: (p / "tpl" / "python.py.j2").write_text("x\n", encoding="utf-8"),
    "template edited": lambda p: (p / "tpl" / "notes.txt.j2").write_text("{{ source }}!\n", encoding="utf-8"),
    "docs page appears": lambda p: (p / "docs" / "sub" / "color.md").write_text("# color\n", encoding="utf-8"),
    "output edited": lambda p: (p / "out" / "colors.ts").write_text("edited\n", encoding="utf-8"),
    "output deleted": lambda p: (p / "out" / "colors.json").unlink(),
    "depfile edited": lambda p: (p / "out" / "colors.d").write_text("x:\n", encoding="utf-8"),
}


@pytest.mark.parametrize("change", sorted(CHANGES))
def test_any_change_falls_through(project: Path, capsys: pytest.CaptureFixture[str], change: str) -> None:
    _stamped(capsys)
    CHANGES[change](project)
    assert quick.replay(ARGS) is None


def test_other_arguments_or_no_cache_fall_through(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _stamped(capsys)
    assert quick.replay(["-q", *ARGS]) is None
    monkeypatch.setenv("GEN_NO_CACHE", "1")
    assert quick.replay(ARGS) is None


def test_runs_that_write_or_fail_leave_no_stamp(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(ARGS) == 0  # wrote the outputs: the next run would print "unchanged"
    assert quick.replay(ARGS) is None
    (project / "bad.h").write_text("enum { A = 1 / 0 };\n", encoding="utf-8")
    for _ in range(2):
        assert main(["bad.h"]) == 2
    assert quick.replay(["bad.h"]) is None


def test_command_line_replay_matches_a_full_run(project: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO)}

    def run(*extra: str) -> tuple[str, str, int]:
        proc = subprocess.run(
            [sys.executable, *extra, "-m", "gen", *ARGS], capture_output=True, text=True, env=env, check=False
        )
        return proc.stdout, proc.stderr, proc.returncode

    run()
    full = run()
    replayed = run("-X", "importtime")
    # Answered before the CLI loaded: of gen, only the package, its run
    # package and the quick path itself (python -m runs gen/__main__.py as
    # __main__); nothing from outside the standard library.
    imported = {line.rsplit("|", 1)[1].strip() for line in replayed[1].splitlines() if line.startswith("import time:")}
    assert {m for m in imported if m.split(".")[0] == "gen"} == {"gen", "gen.run", "gen.run.quick"}
    assert not imported & {"jinja2", "pycparser", "markupsafe"}
    lines = [line for line in replayed[1].splitlines(keepends=True) if not line.startswith("import time:")]
    assert (replayed[0], "".join(lines), replayed[2]) == full


# -- stamps are untrusted input -------------------------------------------------------------------


def _stamp_file(project: Path) -> Path:
    (stamp,) = (project.parent / "cache").glob("quick-*.stamp")
    return stamp


DAMAGE: dict[str, Callable[[dict[str, object]], object]] = {
    "stdout not text": lambda s: s.update(stdout=7),
    "stderr bytes": lambda s: s.update(stderr=b"x"),
    "code text": lambda s: s.update(code="0"),
    "code bool": lambda s: s.update(code=True),
    "code out of range": lambda s: s.update(code=1000),
    "files not a list": lambda s: s.update(files={"a": 1}),
    "file entry short": lambda s: s.update(files=[("a", 1)]),
    "file size text": lambda s: s.update(files=[(p, "1", i, m, c, h) for p, _, i, m, c, h in s["files"]]),  # type: ignore[attr-defined]
    "absent ints": lambda s: s.update(absent=[1]),
    "dirs state text": lambda s: s.update(dirs=[("d", "x")]),
    "time float": lambda s: s.update(time=1.5),
    "key text": lambda s: s.update(key=str(s["key"])),
    "field missing": lambda s: s.pop("stderr"),
    "field added": lambda s: s.update(more=1),
}


@pytest.mark.parametrize("damage", sorted(DAMAGE))
def test_a_malformed_stamp_falls_through(project: Path, capsys: pytest.CaptureFixture[str], damage: str) -> None:
    _stamped(capsys)
    stamp = _stamp_file(project)
    data = marshal.loads(stamp.read_bytes())
    DAMAGE[damage](data)
    stamp.write_bytes(marshal.dumps(data))
    assert quick.replay(ARGS) is None
    assert capsys.readouterr() == ("", "")


@pytest.mark.parametrize("content", [b"", b"\x00garbage", marshal.dumps([1, 2]), marshal.dumps(None), b"\xe9" * 100])
def test_garbage_stamps_fall_through(project: Path, capsys: pytest.CaptureFixture[str], content: bytes) -> None:
    _stamped(capsys)
    _stamp_file(project).write_bytes(content)
    assert quick.replay(ARGS) is None


def test_a_malformed_stamp_is_no_traceback_on_the_command_line(project: Path) -> None:
    """The quick path runs before the command line's guard: a stamp with a
    wrong field type once gave a raw traceback there."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}

    def run() -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "gen", *ARGS], capture_output=True, text=True, env=env)

    run()
    full = run()
    stamp = _stamp_file(project)
    data = marshal.loads(stamp.read_bytes())
    data["stdout"] = 12345
    stamp.write_bytes(marshal.dumps(data))
    again = run()
    assert again.returncode == 0 and "Traceback" not in again.stderr
    assert (again.stdout, again.stderr) == (full.stdout, full.stderr)
