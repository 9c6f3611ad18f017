"""Writing a run's files: all or nothing, never harm to a file that is not
a regular file, no temporary file left behind for long.

The fault-injection test fails each system call of the writer in turn (the
n-th open, write, fsync, chmod, link, rename, mkdir) and checks that a run
which fails changed nothing at all, and one that succeeds wrote everything.
"""

from __future__ import annotations

import errno
import os
import stat
import subprocess
import sys
import time
import types
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import REPO

import gen.output.writer as writer
from gen.output.writer import STALE_SECONDS, TEMP_NAME, PlannedOutput, write_outputs
from gen.run.cli import main

OPERATIONS = ("open", "write", "fsync", "fchmod", "link", "replace", "mkdir")


def snapshot(root: Path) -> dict[str, bytes | None]:
    """Every file (bytes) and folder (None) under ``root``, but the headers."""
    found: dict[str, bytes | None] = {}
    for path in sorted(root.rglob("*")):
        name = path.relative_to(root).as_posix()
        if name.endswith(".h"):
            continue
        found[name] = None if path.is_dir() else path.read_bytes()
    return found


@pytest.fixture
def two_headers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """a.h, whose outputs exist in an old version, and b.h, whose outputs do
    not exist yet; the depfile goes to a folder that does not exist yet."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.h").write_text("enum A { A1 = 1 };\n", encoding="utf-8")
    (tmp_path / "b.h").write_text("enum B { B1 = 2 };\n", encoding="utf-8")
    assert main(["-q", "--no-cache", "a.h"]) == 0
    (tmp_path / "a.h").write_text("enum A { A1 = 1, A2 = 5 };\n", encoding="utf-8")
    return tmp_path


ARGS = ["-q", "--no-cache", "--depfile", "deps/gen.d", "a.h", "b.h"]


def failing_os(operation: str, n: int, no_links: bool) -> tuple[types.ModuleType, dict[str, int]]:
    """The writer's view of ``os``: the n-th call of ``operation`` fails
    (ENOSPC), and with ``no_links`` every hard link does (EPERM)."""
    calls = dict.fromkeys(OPERATIONS, 0)

    def hooked(name: str, real: Callable[..., object]) -> Callable[..., object]:
        def call(*args: object, **kwargs: object) -> object:
            calls[name] += 1
            if name == "link" and no_links:
                raise OSError(errno.EPERM, "Operation not permitted")
            if name == operation and calls[name] == n:
                raise OSError(errno.ENOSPC, "No space left on device")
            return real(*args, **kwargs)

        return call

    proxy = types.ModuleType("os")
    proxy.__dict__.update(os.__dict__)
    for name in OPERATIONS:
        setattr(proxy, name, hooked(name, getattr(os, name)))
    return proxy, calls


@pytest.mark.parametrize("no_links", [False, True], ids=["hard-links", "no-hard-links"])
@pytest.mark.parametrize("operation", OPERATIONS)
def test_each_failing_call_leaves_everything_as_it_was(
    two_headers: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    operation: str,
    no_links: bool,
) -> None:
    before = snapshot(two_headers)
    failures = 0
    for n in range(1, 100):
        proxy, calls = failing_os(operation, n, no_links)
        monkeypatch.setattr(writer, "os", proxy)
        code = main(ARGS)
        monkeypatch.setattr(writer, "os", os)
        err = capsys.readouterr().err
        if calls[operation] < n or (operation == "link" and no_links):
            # The n-th call never came (or failing it changes nothing): the
            # run succeeded and wrote everything.
            assert code == 0, err
            break
        if code == 0:
            assert operation == "link", err  # a failed link falls back to keeping the old bytes
            continue
        failures += 1
        assert code == 2 and "No space left on device" in err and "Traceback" not in err, err
        assert err.endswith("gen: 1 error(s); nothing written\n"), err
        assert snapshot(two_headers) == before, f"call {n} of {operation} failed, and files changed"
    else:
        pytest.fail("the run never completed")
    if operation != "link":
        assert failures >= 1
    after = snapshot(two_headers)
    assert sorted(after) == [
        "deps",
        "deps/gen.d",
        "out",
        *sorted(f"out/{s}.{e}" for s in "ab" for e in ("json", "py", "ts")),
    ]
    assert b"A2 = 5" in (after["out/a.py"] or b"")
    assert not [p for p in (two_headers / "out").iterdir() if TEMP_NAME.match(p.name)]


def test_a_later_output_that_is_a_folder_writes_nothing(two_headers: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (two_headers / "out" / "b.ts").mkdir(parents=True)
    before = snapshot(two_headers)
    assert main(ARGS) == 2
    assert "out/b.ts:1: error: cannot write out/b.ts: it is a folder" in capsys.readouterr().err
    assert snapshot(two_headers) == before


def test_long_stems(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """Temporary names are short and fixed, so a 237-character stem (whose
    temporary files used to be named after it, and too long) is written;
    with 251 characters 'x.py' fits a 255-byte name and 'x.json' does not:
    an error, and nothing is written."""
    monkeypatch.chdir(tmp_path)
    fits = "h" * 237
    (tmp_path / f"{fits}.h").write_text("enum E { A = 1 };\n", encoding="utf-8")
    assert main(["-q", "--no-cache", f"{fits}.h"]) == 0
    assert sorted(p.suffix for p in (tmp_path / "out").iterdir()) == [".json", ".py", ".ts"]
    long = "g" * 251
    (tmp_path / f"{long}.h").write_text("enum E { A = 1 };\n", encoding="utf-8")
    before = snapshot(tmp_path)
    assert main(["-q", "--no-cache", "-f", "python,json", f"{long}.h"]) == 2
    assert "File name too long" in capsys.readouterr().err
    assert snapshot(tmp_path) == before


def test_restore_after_a_failed_rename_in_another_folder(two_headers: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The depfile's rename fails after all six outputs were renamed: each
    gets its old file back (a.*) or is removed again (b.*)."""
    proxy, _ = failing_os("replace", 7, no_links=False)
    monkeypatch.setattr(writer, "os", proxy)
    before = snapshot(two_headers)
    assert main(ARGS) == 2
    assert snapshot(two_headers) == before


# -- files that are not regular files -------------------------------------------------------------


def test_depfile_through_a_link_to_dev_null(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.h").write_text("enum A { A1 };\n", encoding="utf-8")
    (tmp_path / "mynull").symlink_to("/dev/null")
    assert main(["-q", "--no-cache", "--depfile", "mynull", "a.h"]) == 0
    assert os.readlink(tmp_path / "mynull") == "/dev/null"
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


@pytest.mark.skipif(not hasattr(os, "mknod") or os.geteuid() != 0, reason="making device nodes needs root")
def test_a_character_device_is_written_in_place(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``--depfile mynull`` where mynull is a character device (a node of
    /dev/null's device made here, so that a bug cannot harm /dev/null)."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.h").write_text("enum A { A1 };\n", encoding="utf-8")
    null = os.stat("/dev/null").st_rdev
    os.mknod(tmp_path / "mynull", stat.S_IFCHR | 0o666, null)
    for _ in range(2):  # and again: a device is never "unchanged"
        assert main(["-q", "--no-cache", "--depfile", "mynull", "-o", "mynull-out", "a.h"]) == 0
        st = os.lstat(tmp_path / "mynull")
        assert stat.S_ISCHR(st.st_mode) and st.st_rdev == null


@pytest.mark.skipif(not hasattr(os, "mknod") or os.geteuid() != 0, reason="making device nodes needs root")
def test_a_block_device_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.h").write_text("enum A { A1 };\n", encoding="utf-8")
    os.mknod(tmp_path / "disk", stat.S_IFBLK | 0o600, os.makedev(7, 200))  # a loop device number; never opened
    assert main(["-q", "--no-cache", "--depfile", "disk", "a.h"]) == 2
    assert "disk:1: error: cannot write disk: it is a block device" in capsys.readouterr().err
    assert stat.S_ISBLK(os.lstat(tmp_path / "disk").st_mode)
    assert not (tmp_path / "out").exists()


def test_sockets_are_refused(tmp_path: Path) -> None:
    import socket

    path = tmp_path / "s.py"
    sock = socket.socket(socket.AF_UNIX)
    try:
        sock.bind(str(path))
        with pytest.raises(writer.GenError, match="it is a socket"):
            write_outputs([PlannedOutput(path, "x\n")])
    finally:
        sock.close()
    assert stat.S_ISSOCK(os.lstat(path).st_mode)


# -- leftovers of killed runs ---------------------------------------------------------------------


def test_stale_temporaries_are_removed_by_later_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    cache = tmp_path / "cache"
    monkeypatch.setenv("GEN_CACHE_DIR", str(cache))
    monkeypatch.delenv("GEN_NO_CACHE", raising=False)
    (tmp_path / "a.h").write_text("enum A { A1 };\n", encoding="utf-8")
    old = time.time() - STALE_SECONDS - 60
    names = {
        ".gen-0a1b2c3d.tmp": True,  # ours and old: removed
        ".gen-4e5f6a7b.old": True,
        ".gen-8c9d0e1f.tmp.keep": False,  # not our pattern
        ".gen-short.tmp": False,
        ".a.py.k3j_9x2a.tmp": False,  # an older gen's pattern: not ours to judge
    }
    for folder in (tmp_path / "out", cache):
        folder.mkdir()
        for name in names:
            (folder / name).write_text("x", encoding="utf-8")
            os.utime(folder / name, (old, old))
        (folder / ".gen-fedcba98.tmp").write_text("x", encoding="utf-8")  # fresh: a running gen's
    assert main(["-q", "a.h"]) == 0
    for folder in (tmp_path / "out", cache):
        left = {p.name for p in folder.iterdir()}
        assert {n for n, gone in names.items() if gone} & left == set()
        assert {n for n, gone in names.items() if not gone} | {".gen-fedcba98.tmp"} <= left


def test_check_deletes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.h").write_text("enum A { A1 };\n", encoding="utf-8")
    assert main(["-q", "--no-cache", "a.h"]) == 0
    stale = tmp_path / "out" / ".gen-0a1b2c3d.tmp"
    stale.write_text("x", encoding="utf-8")
    os.utime(stale, (1, 1))
    assert main(["-q", "--no-cache", "--check", "a.h"]) == 0
    assert stale.exists()


def test_a_killed_run_leaves_only_names_of_the_pattern(tmp_path: Path) -> None:
    """Killed between the renames: the leftovers are named as the cleanup
    expects, and each output is old or new."""
    (tmp_path / "a.h").write_text("enum A { A1 };\n", encoding="utf-8")
    subprocess.run(
        [sys.executable, "-m", "gen", "-q", "--no-cache", "a.h"],
        cwd=tmp_path,
        check=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    (tmp_path / "a.h").write_text("enum A { A1, A2 };\n", encoding="utf-8")
    code = (
        "import os, signal, sys\nimport gen.output.writer as w\n"
        "real = os.replace\ncount = [0]\n"
        "def replace(*a):\n    count[0] += 1\n    real(*a)\n    if count[0] == 2: os.kill(os.getpid(), signal.SIGKILL)\n"
        "proxy = type(sys)('os'); proxy.__dict__.update(os.__dict__); proxy.replace = replace; w.os = proxy\n"
        "from gen.run.cli import main\nsys.exit(main(['-q', '--no-cache', 'a.h']))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env={**os.environ, "PYTHONPATH": str(REPO)})
    assert proc.returncode == -9
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    outputs = [n for n in names if not n.startswith(".")]
    assert outputs == ["a.json", "a.py", "a.ts"]
    assert all(TEMP_NAME.match(n) for n in names if n.startswith(".")) and len(names) > 3
