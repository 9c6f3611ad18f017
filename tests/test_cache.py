"""The run cache serves a run only when every input is unchanged, and then
gives exactly what a fresh run gives."""

from __future__ import annotations

from pathlib import Path

import pytest

import gen.run.pipeline
from gen.run.cli import main


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("GEN_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("GEN_NO_CACHE", raising=False)
    work = tmp_path / "work"
    work.mkdir()
    (work / "inc").mkdir()
    (work / "inc" / "base.h").write_text("#define BASE 10\n", encoding="utf-8")
    (work / "colors.h").write_text(
        '#include "base.h"\n#include "optional.h"\nenum color { RED = BASE, GREEN };\n', encoding="utf-8"
    )
    monkeypatch.chdir(work)
    return work


def _forbid_work(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*_: object, **__: object) -> None:
        raise AssertionError("the pipeline ran although the cache should have served this run")

    monkeypatch.setattr(gen.run.pipeline, "plan", fail)


def test_unchanged_inputs_are_served_from_the_cache(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["-I", "inc", "colors.h"]) == 0
    first = {p.name: p.read_text(encoding="utf-8") for p in (project / "out").iterdir()}
    capsys.readouterr()
    _forbid_work(monkeypatch)
    assert main(["-I", "inc", "colors.h"]) == 0
    out, err = capsys.readouterr()
    assert "unchanged out/colors.py" in out
    assert "'optional.h' not found" in err  # warnings are replayed
    assert {p.name: p.read_text(encoding="utf-8") for p in (project / "out").iterdir()} == first
    # A deleted output comes back from the record.
    (project / "out" / "colors.py").unlink()
    assert main(["-I", "inc", "colors.h"]) == 0
    assert (project / "out" / "colors.py").read_text(encoding="utf-8") == first["colors.py"]
    # --check compares against the record too.
    (project / "out" / "colors.ts").write_text("edited\n", encoding="utf-8")
    assert main(["--check", "-I", "inc", "colors.h"]) == 1


@pytest.mark.parametrize(
    "change",
    ["included header", "new include appears", "settings", "template"],
)
def test_any_change_to_an_input_misses(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], change: str
) -> None:
    args = ["-I", "inc", "colors.h"]
    templates = project / "tpl"
    templates.mkdir()
    (templates / "python.py.j2").write_text("# {{ source }}\n", encoding="utf-8")
    args = ["--templates", "tpl", *args]
    assert main(args) == 0
    calls: list[int] = []
    real = gen.run.pipeline.plan

    def counting(*a: object, **k: object) -> None:
        calls.append(1)
        real(*a, **k)  # type: ignore[arg-type]

    monkeypatch.setattr(gen.run.pipeline, "plan", counting)
    if change == "included header":
        (project / "inc" / "base.h").write_text("#define BASE 20\n", encoding="utf-8")
    elif change == "new include appears":
        (project / "inc" / "optional.h").write_text("/* now present */\n", encoding="utf-8")
    elif change == "settings":
        args = ["-D", "EXTRA=1", *args]
    else:
        (templates / "python.py.j2").write_text("# changed {{ source }}\n", encoding="utf-8")
    capsys.readouterr()
    assert main(args) == 0
    assert calls == [1]
    if change == "included header":
        assert "RED = 20" in (project / "out" / "colors.py").read_text(encoding="utf-8") or "RED: 20" in (
            project / "out" / "colors.ts"
        ).read_text(encoding="utf-8")


def test_no_cache_flag_always_runs(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["-I", "inc", "colors.h"]) == 0
    _forbid_work(monkeypatch)
    capsys.readouterr()
    assert main(["--no-cache", "-I", "inc", "colors.h"]) == 2
    assert "the pipeline ran" in capsys.readouterr().err
