"""The include search path: -I, the system's folders (Linux targets, found as a compiler driver finds
them, under --sysroot when given), the Windows shims, then gen's own standard headers; what
--print-search-dirs shows; and that the depfile and the run cache see the system folders looked in.

A sysroot in tmp_path stands in for the machine's / so that these tests do not depend on what is
installed; tests/test_system_headers.py runs gen on the real /usr/include.
"""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

from gen.c.frontend import extract
from gen.c.search import SHIM_DIR, STD_DIR, search_path, system_candidates
from gen.run.cli import main

LINUX = "x86_64-linux-gnu"


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project folder with an empty config (so the repository's own is not read) and a sysroot
    holding the multiarch folder and /usr/include, but no /usr/local/include."""
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "pyproject.toml", "[tool.gen]\n")
    (tmp_path / "root/usr/include/x86_64-linux-gnu").mkdir(parents=True)
    return tmp_path


def values(out: Path, stem: str) -> dict[str, int]:
    data = json.loads((out / f"{stem}.json").read_text(encoding="utf-8"))
    return {m["name"]: m["value"] for e in data["enums"] for m in e["members"]}


# -- the order ------------------------------------------------------------------------


def test_linux_order_is_the_drivers(tmp_path: Path) -> None:
    for sub in ("usr/local/include", "usr/include/x86_64-linux-gnu", "usr/include"):
        (tmp_path / sub).mkdir(parents=True, exist_ok=True)
    found = search_path(["inc"], LINUX, sysroot=str(tmp_path))
    assert [(d.origin, d.path) for d in found.dirs] == [
        ("-I", Path("inc")),
        ("system", tmp_path / "usr/local/include"),
        ("system", tmp_path / "usr/include/x86_64-linux-gnu"),
        ("system", tmp_path / "usr/include"),
        ("shims", SHIM_DIR),
        ("standard", STD_DIR),
    ]
    # As gcc -v lists them: /usr/local/include first, then the multiarch folder, then /usr/include.
    assert [str(p) for p in system_candidates(LINUX)] == [
        "/usr/local/include",
        "/usr/include/x86_64-linux-gnu",
        "/usr/include",
    ]


def test_absent_folders_are_skipped_but_probed(tmp_path: Path) -> None:
    (tmp_path / "usr/include").mkdir(parents=True)
    found = search_path([], LINUX, sysroot=str(tmp_path), shims=False)
    assert [d.path for d in found.dirs] == [tmp_path / "usr/include", STD_DIR]
    assert found.probed == tuple(str(p) for p in system_candidates(LINUX, str(tmp_path)))


@pytest.mark.parametrize("target", ["x86_64-w64-mingw32", "i686-w64-mingw32"])
def test_windows_targets_have_no_system_folders(target: str) -> None:
    found = search_path(["inc"], target)
    assert [d.origin for d in found.dirs] == ["-I", "shims", "standard"]
    assert found.probed == ()


def test_no_system_includes(tmp_path: Path) -> None:
    (tmp_path / "usr/include").mkdir(parents=True)
    found = search_path([], LINUX, sysroot=str(tmp_path), system_includes=False)
    assert [d.origin for d in found.dirs] == ["shims", "standard"]
    assert found.probed == ()


# -- --print-search-dirs ------------------------------------------------------------------


def test_print_search_dirs(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["--print-search-dirs", "--target", LINUX, "--sysroot", "root", "-I", "inc"], capsys)
    assert (code, err) == (0, "")
    sysroot = project / "root"
    assert out.splitlines() == [
        f"-I        {(project / 'inc').as_posix()}",
        f"system    {sysroot.as_posix()}/usr/include/x86_64-linux-gnu",
        f"system    {sysroot.as_posix()}/usr/include",
        f"shims     {SHIM_DIR.as_posix()}",
        f"standard  {STD_DIR.as_posix()}",
    ]
    code, out, _ = run(["--print-search-dirs", "--no-system-includes", "--no-shims", "--target", LINUX], capsys)
    assert (code, out) == (0, f"standard  {STD_DIR.as_posix()}\n")
    # The default target: no system folder at all.
    code, out, _ = run(["--print-search-dirs"], capsys)
    assert out.splitlines() == [f"shims     {SHIM_DIR.as_posix()}", f"standard  {STD_DIR.as_posix()}"]


def test_config_keys(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(project / "pyproject.toml", '[tool.gen]\ntarget = "x86_64-linux-gnu"\nsysroot = "root"\n')
    # Run from a subfolder: the sysroot is relative to the config.
    (project / "sub").mkdir()
    import os

    os.chdir(project / "sub")
    code, out, _ = run(["--print-search-dirs"], capsys)
    assert code == 0
    assert f"system    {(project / 'root').as_posix()}/usr/include" in out.splitlines()
    write(project / "pyproject.toml", '[tool.gen]\ntarget = "x86_64-linux-gnu"\nsystem-includes = false\n')
    code, out, _ = run(["--print-search-dirs"], capsys)
    assert "system" not in out
    write(project / "pyproject.toml", '[tool.gen]\nsystem-includes = "no"\n')
    code, _, err = run(["--print-search-dirs"], capsys)
    assert code == 2 and "'system-includes' in [tool.gen] must be a boolean" in err


def test_sysroot_errors(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["--print-search-dirs", "--sysroot", "root"], capsys)
    assert code == 2
    assert "a sysroot applies to targets with system include folders (x86_64-linux-gnu)" in err
    code, _, err = run(["--print-search-dirs", "--target", LINUX, "--sysroot", "nowhere"], capsys)
    assert code == 2 and "sysroot 'nowhere' is not a folder" in err
    assert "Traceback" not in err


# -- headers found there ---------------------------------------------------------------------


def test_a_linux_header_needs_no_flags(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """System headers come from the sysroot's folders (multiarch before /usr/include), the
    standard ones from gen; no warning, no -I."""
    write(project / "root/usr/include/x86_64-linux-gnu/bits/width.h", "#define LIB_WIDTH 64\n")
    write(project / "root/usr/include/lib.h", "#include <bits/width.h>\n#define LIB_BASE 16\n")
    write(
        project / "api.h",
        """\
        #include <stdint.h>
        #include <lib.h>
        enum api { API_BITS = LIB_WIDTH, API_BASE = LIB_BASE, API_MAX = sizeof(uintmax_t), API_TOP = INT32_MAX };
        """,
    )
    code, _, err = run(["-q", "-f", "json", "--target", LINUX, "--sysroot", "root", "api.h"], capsys)
    assert (code, err) == (0, "")
    assert values(project / "out", "api") == {"API_BITS": 64, "API_BASE": 16, "API_MAX": 8, "API_TOP": 2147483647}


def test_the_c_library_wins_over_the_standard_headers(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A libc's <limits.h> comes first and reaches gen's with #include_next, as glibc's does."""
    write(
        project / "root/usr/include/limits.h",
        """\
        #define MB_LEN_MAX 16
        #define LIBC_LIMITS 1
        #include_next <limits.h>
        """,
    )
    write(project / "api.h", "#include <limits.h>\nenum { MB = MB_LEN_MAX, LIBC = LIBC_LIMITS, BITS = CHAR_BIT };\n")
    code, _, err = run(["-q", "-f", "json", "--target", LINUX, "--sysroot", "root", "api.h"], capsys)
    assert (code, err) == (0, "")
    assert values(project / "out", "api") == {"MB": 16, "LIBC": 1, "BITS": 8}
    # -I wins over both.
    write(project / "inc/limits.h", "#define CHAR_BIT 9\n")
    code, _, _ = run(["-q", "-f", "json", "--target", LINUX, "--sysroot", "root", "-I", "inc", "api.h"], capsys)
    assert code == 2  # MB_LEN_MAX and LIBC_LIMITS are no longer defined


@pytest.mark.parametrize("target", ["x86_64-w64-mingw32", "i686-w64-mingw32", LINUX])
def test_standard_headers_for_every_target_without_an_sdk(target: str, tmp_path: Path) -> None:
    header = write(
        tmp_path / "api.h",
        """\
        #include <windows.h>
        #include <stdint.h>
        #include <stddef.h>
        #include <limits.h>
        #include <stdarg.h>
        typedef enum { A_PTR = sizeof(uintptr_t), A_LONG = sizeof(long), A_MAX = UINT32_MAX,
                       A_VA = sizeof(va_list), A_SIZE = sizeof(size_t) == sizeof(void *) } A;
        """,
    )
    result = extract(header, target=target, system_includes=False)
    assert not result.diagnostics
    got = {m.name: m.value for e in result.module.enums for m in e.members}
    sizes = {"x86_64-w64-mingw32": (8, 4, 8), "i686-w64-mingw32": (4, 4, 4), LINUX: (8, 8, 24)}[target]
    assert (got["A_PTR"], got["A_LONG"], got["A_VA"]) == sizes
    assert (got["A_MAX"], got["A_SIZE"]) == (4294967295, 1)
    assert any(f.endswith("gen/stdinc/stdint.h") for f in result.module.files_read)


# -- caches and depfiles see the folders looked in ----------------------------------------------


def test_a_header_appearing_in_an_earlier_system_folder(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """/usr/local/include is searched first: a header created there later (the folder too) must
    change the result, through the run cache and the quick path alike."""
    write(project / "root/usr/include/lib.h", "#define LIB_VALUE 1\n")
    write(project / "api.h", "#include <lib.h>\nenum { VALUE = LIB_VALUE };\n")
    args = ["-q", "-f", "json", "--target", LINUX, "--sysroot", "root", "--depfile", "gen.d", "api.h"]
    assert run(args, capsys)[0] == 0
    assert values(project / "out", "api") == {"VALUE": 1}
    # /usr/local/include is absent (/usr/local too): the depfile names its nearest existing parent.
    deps = (project / "gen.d").read_text(encoding="utf-8").split("\n\n")[0].split()
    assert "root/usr" in deps
    assert "root/usr/include/x86_64-linux-gnu" in deps
    assert run(args, capsys)[0] == 0  # served from the cache or the quick path
    write(project / "root/usr/local/include/lib.h", "#define LIB_VALUE 2\n")
    assert run(args, capsys)[0] == 0
    assert values(project / "out", "api") == {"VALUE": 2}
    deps = (project / "gen.d").read_text(encoding="utf-8").split("\n\n")[0]
    assert "root/usr/local/include/lib.h" in deps


def test_scanner_keeps_the_names_after_a_multi_line_struct(tmp_path: Path) -> None:
    """``typedef struct {`` ... ``} NAME;`` over several lines still declares NAME (a type name
    casts and sizeof can use), as max_align_t in <stddef.h> is declared."""
    header = write(
        tmp_path / "s.h",
        """\
        typedef struct {
          int a;
          int b;
        } S, *PS;
        typedef struct
          {
            long x;
          }
        T;
        enum { P = sizeof(S *), Q = sizeof(PS), R = sizeof(T *) };
        """,
    )
    result = extract(header)
    assert not result.diagnostics
    assert {m.name: m.value for e in result.module.enums for m in e.members} == {"P": 8, "Q": 8, "R": 8}
