"""Microsoft's own MIDL output, unmodified and unseen during development:
the Direct3D 12 headers of Debian's directx-headers-dev (MIDL 8.01). With no
SDK at all (gen's shims only) every enumerator equals what clang computes
with the mingw-w64 SDK.

Fetched into the corpus cache like the Wine and mingw-w64 corpora (set
GEN_SKIP_CORPUS=1 to skip on a machine without the package registry).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO

if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from gen.c.frontend import extract
from tests.differential.corpus import _download, cache_dir, load

pytestmark = pytest.mark.skipif(os.environ.get("GEN_SKIP_CORPUS") == "1", reason="GEN_SKIP_CORPUS=1")

HEADERS = ("d3d12.h", "d3d12video.h", "d3dcommon.h", "d3d12sdklayers.h", "d3d12shader.h", "dxgiformat.h")


@pytest.fixture(scope="module")
def directx() -> Path:
    root = cache_dir() / "directx"
    marker = root / ".unpacked"
    if not marker.exists():
        debs = cache_dir() / "debs"
        debs.mkdir(parents=True, exist_ok=True)
        deb = _download("directx-headers-dev", debs)
        subprocess.run(["dpkg-deb", "-x", str(deb), str(root)], check=True)
        marker.write_text(deb.name + "\n", encoding="utf-8")
    return root / "usr" / "include" / "directx"


def _clang_values(header: Path, include_dirs: list[str], resource_dir: str) -> dict[str, int]:
    import clang.cindex as ci

    base = ["-x", "c", "-target", "x86_64-w64-mingw32", "-fms-extensions", "-nostdinc", "-isystem", resource_dir]
    args = base + [f"-I{d}" for d in include_dirs]
    index = ci.Index.create()
    tu = index.parse(str(header), args=args)
    if any(d.severity >= ci.Diagnostic.Error for d in tu.diagnostics):
        tu = index.parse(str(header), args=[*args, "-include", "windows.h"])
    errors = [str(d) for d in tu.diagnostics if d.severity >= ci.Diagnostic.Error]
    assert not errors, errors[:3]
    return {
        c.spelling: c.enum_value
        for c in tu.cursor.walk_preorder()
        if c.kind == ci.CursorKind.ENUM_CONSTANT_DECL and c.location.file and Path(c.location.file.name) == header
    }


@pytest.mark.parametrize("name", HEADERS)
def test_no_sdk_values_equal_clang_with_the_sdk(directx: Path, name: str) -> None:
    mingw = load("mingw")
    header = directx / name
    reference = _clang_values(header, [str(directx), *mingw.include_dirs], mingw.resource_dir)
    assert reference, f"clang found no enumerator in {name}"
    result = extract(header, include_dirs=[str(directx)], macros="none")
    assert [str(d) for d in result.diagnostics if d.level.value == "error"] == []
    ours = {m.name: m.value for e in result.module.enums for m in e.members}
    assert ours == reference


#: The .idl files the package ships with the header MIDL 8.01 made from each
#: (dxgiformat.h and dxgicommon.h are written by hand: no MIDL banner).
IDL_FILES = ("d3d12.idl", "d3dcommon.idl", "d3d12video.idl", "d3d12sdklayers.idl", "d3d12compatibility.idl")


@pytest.mark.parametrize("name", IDL_FILES)
def test_microsoft_idl_gives_what_midl_wrote(directx: Path, name: str) -> None:
    """gen's IDL front end on Microsoft's own IDL, with no SDK, against the
    header MIDL made from it: the same enumerators and #define groups."""
    from gen.idl.frontend import extract as extract_idl

    def values(result: object) -> dict[str, tuple[int, str | None]]:
        enums = result.module.enums  # type: ignore[attr-defined]
        return {m.name: (m.value, e.name if e.origin == "macros" else None) for e in enums for m in e.members}

    header = extract(directx / name.replace(".idl", ".h"))
    idl = extract_idl(directx / name)
    assert not idl.errors and not header.errors
    assert values(idl) == values(header)
    assert len(values(header)) > 5
