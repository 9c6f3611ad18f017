"""The run cache serves a run only when every input is unchanged, and then
gives exactly what a fresh run gives."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import REPO

import gen.run.pipeline
from gen.run import cache, quick
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


# -- records are untrusted input ------------------------------------------------------------------


def _record_path(project: Path) -> Path:
    (record,) = [p for p in (project.parent / "cache").iterdir() if cache.RECORD_NAME.match(p.name)]
    return record


@pytest.mark.parametrize(
    "damage",
    [
        lambda d: d.update(outputs=[[1, 2]]),
        lambda d: d.update(outputs=[["out/colors.py"]]),
        lambda d: d.update(outputs="out/colors.py"),
        lambda d: d.update(inputs={"colors.h": 5}),
        lambda d: d.update(dirs={"inc": "yesterday"}),
        lambda d: d.update(dirs={"inc": True}),
        lambda d: d.update(diagnostics=[None]),
        lambda d: d.update(deps={"a": 1}),
        lambda d: d.pop("deps"),
        lambda d: d.update(extra=1),
    ],
    ids=[
        "output-ints",
        "output-short",
        "outputs-str",
        "hash-int",
        "dir-str",
        "dir-bool",
        "diag-none",
        "deps-dict",
        "no-deps",
        "extra",
    ],
)
def test_a_malformed_record_means_a_full_run(
    project: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    damage: Callable[[dict[str, object]], object],
) -> None:
    assert main(["--no-cache", "-I", "inc", "colors.h"]) == 0
    assert main(["-I", "inc", "colors.h"]) == 0
    record = _record_path(project)
    data = json.loads(record.read_text(encoding="utf-8"))
    damage(data)
    record.write_text(json.dumps(data), encoding="utf-8")
    capsys.readouterr()
    ran = []
    real = gen.run.pipeline.plan
    monkeypatch.setattr(gen.run.pipeline, "plan", lambda *a, **k: ran.append(1) or real(*a, **k))
    assert main(["-I", "inc", "colors.h"]) == 0
    out, err = capsys.readouterr()
    assert ran == [1] and "Traceback" not in err and "internal error" not in err
    assert "unchanged out/colors.py" in out


@pytest.mark.parametrize("text", ["", "{", "[]", "null", '{"inputs": {}}', "\udcff"])
def test_garbage_records_are_ignored(project: Path, capsys: pytest.CaptureFixture[str], text: str) -> None:
    assert main(["--no-cache", "-I", "inc", "colors.h"]) == 0
    assert main(["-I", "inc", "colors.h"]) == 0
    _record_path(project).write_bytes(text.encode("utf-8", "surrogateescape"))
    capsys.readouterr()
    assert main(["-I", "inc", "colors.h"]) == 0
    assert "error" not in capsys.readouterr().err


# -- housekeeping: a size cap with least-recently-used eviction, --clear-cache ----------------------


def _fill(folder: Path, count: int, size: int) -> list[Path]:
    """``count`` fake records of ``size`` bytes, oldest first."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        path = folder / f"{i:040x}.json"
        path.write_bytes(b"x" * size)
        os.utime(path, ns=(1_000_000_000 * (i + 1), 1_000_000_000 * (i + 1)))
        paths.append(path)
    return paths


def test_the_cache_is_kept_under_its_size_cap(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = project.parent / "cache"
    old = _fill(folder, 10, 100_000)  # 1 MB
    unrelated = folder / "notes.txt"  # not gen's: never deleted
    unrelated.write_bytes(b"y" * 100_000)
    os.utime(unrelated, ns=(1, 1))
    os.utime(old[2], None)  # used just now: the most recent of them
    monkeypatch.setenv("GEN_CACHE_MAX_MB", "0.5")
    assert main(["-I", "inc", "colors.h"]) == 0
    left = {p.name for p in folder.iterdir()}
    gone = [p.name for p in old if p.name not in left]
    assert gone == [p.name for p in old if p != old[2]][: len(gone)]  # the least recently used went first
    assert old[2].name in left and unrelated.name in left
    assert sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and p != unrelated) <= 500_000
    # The run's own record survived, and serves the next run.
    _forbid_work(monkeypatch)
    assert main(["-I", "inc", "colors.h"]) == 0


def test_a_hit_makes_a_record_recently_used(project: Path) -> None:
    assert main(["-I", "inc", "colors.h"]) == 0
    record = _record_path(project)
    os.utime(record, ns=(1_000_000_000, 1_000_000_000))
    assert main(["-q", "-I", "inc", "colors.h"]) == 0  # other arguments: no stamp, but the same record
    assert record.stat().st_mtime_ns > 1_000_000_000


def test_the_default_cap_is_documented() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert f"`GEN_CACHE_MAX_MB` (default {cache.DEFAULT_MAX_MB})" in readme


def test_clear_cache(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = project.parent / "cache"
    for args in (["-I", "inc", "colors.h"], ["-I", "inc", "colors.h"]):
        assert main(args) == 0  # a record, a stamp, compiled templates
    unrelated = folder / "notes.txt"
    unrelated.write_text("mine\n", encoding="utf-8")
    assert any(cache.STAMP_NAME.match(p.name) for p in folder.iterdir())
    assert (folder / "jinja").is_dir()
    capsys.readouterr()
    assert main(["--clear-cache"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"gen: cleared the cache in {folder} (") and "file(s) removed)" in out
    assert sorted(p.name for p in folder.iterdir()) == ["notes.txt"]
    assert quick.replay(["-I", "inc", "colors.h"]) is None
