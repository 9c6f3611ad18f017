"""Every build-system recipe of docs/build.md, run with the real tool and
gen installed from its wheel: GNU make, ninja and CMake (both the Ninja and
the Unix Makefiles generators; ninja and cmake come from PyPI through the
test extra), and pip building a consumer's wheel with a hatchling build hook
and with a setuptools build_py step. The recipes are read from the page, so
what it shows is what runs; the README shows the same make and ninja text.

Each build reaches a no-op, stays one after an included header is touched
without changing an output, and brings back a deleted output."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import sysconfig
import time
import zipfile
from pathlib import Path

import pytest
from conftest import REPO, Installed, make_venv, pip_install

DOCS = (REPO / "docs" / "build.md").read_text(encoding="utf-8")
README = (REPO / "README.md").read_text(encoding="utf-8")
OUTPUTS = ("imnxport.py", "imnxport.json", "imnxport.ts")
#: ninja and cmake from the test extra (PyPI), not whatever the machine has.
SCRIPTS = Path(sysconfig.get_path("scripts"))


def section(title: str, text: str = DOCS) -> str:
    """The text under a ``## title`` (or ``### title``) heading, up to the
    next heading of that level or above."""
    m = re.search(rf"^(#+) {re.escape(title)}\n", text, re.M)
    assert m, f"no section {title!r}"
    level = len(m.group(1))
    end = re.compile(rf"^#{{1,{level}}} ", re.M).search(text, m.end())
    return text[m.end() : end.start() if end else None]


def blocks(title: str, lang: str) -> list[str]:
    return re.findall(rf"```{lang}\n(.*?)```", section(title), re.S)


def files(title: str) -> dict[str, str]:
    """The files a section shows as **`name`** followed by a code block."""
    return dict(re.findall(r"\*\*`([^`]+)`\*\*[^\n]*\n\n```\w+\n(.*?)```", section(title), re.S))


def tool(name: str) -> Path:
    path = SCRIPTS / name
    assert path.exists(), f"{path} is missing: install the test extra (pip install -e '.[test]')"
    return path


@pytest.fixture
def imnxport(tmp_path: Path) -> Path:
    project = tmp_path / "project"
    (project / "headers").mkdir(parents=True)
    shutil.copy(REPO / "headers" / "Imnxport.h", project / "headers" / "Imnxport.h")
    return project


def environment(installed: Installed) -> dict[str, str]:
    """The installed gen first on the PATH, then the PyPI tools, then the
    system's (make); no PYTHONPATH pointing at this checkout."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "GEN_DEBUG", "MAKEFLAGS")}
    env["PATH"] = os.pathsep.join([str(installed.bin), str(SCRIPTS), "/usr/local/bin", "/usr/bin", "/bin"])
    return env


def run(args: list[str | Path], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=600)
    return proc


def ok(proc: subprocess.CompletedProcess[str]) -> str:
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return proc.stdout + proc.stderr


def touch_later(path: Path) -> None:
    """A newer modification time than anything built so far, content
    unchanged (as after a save)."""
    time.sleep(0.05)
    os.utime(path)


def mtimes(folder: Path) -> dict[str, int]:
    return {p.name: p.stat().st_mtime_ns for p in sorted(folder.iterdir())}


# -- make ---------------------------------------------------------------------------------------------


@pytest.mark.skipif(shutil.which("make") is None, reason="GNU make is not installed")
def test_make_recipe(installed: Installed, imnxport: Path) -> None:
    (recipe,) = blocks("make", "make")
    assert f"```make\n{recipe}```" in section("Using gen as a build step", README), "README differs from docs/build.md"
    (imnxport / "Makefile").write_text(recipe, encoding="utf-8")
    env = environment(installed)

    def make(*args: str) -> subprocess.CompletedProcess[str]:
        return run(["make", *args], imnxport, env)

    ok(make())
    assert sorted(p.name for p in (imnxport / "out").iterdir()) == sorted(OUTPUTS)
    assert make("-q").returncode == 0  # a no-op
    # The header saved again, unchanged: gen runs once, then make is done.
    touch_later(imnxport / "headers" / "Imnxport.h")
    before = mtimes(imnxport / "out")
    assert make("-q").returncode == 1
    assert "gen --quiet" in ok(make())
    assert mtimes(imnxport / "out") == before  # unchanged outputs kept their times
    assert make("-q").returncode == 0
    # A deleted output comes back (the old recipe said "Nothing to be done").
    (imnxport / "out" / "imnxport.ts").unlink()
    assert make("-q").returncode == 1
    ok(make())
    assert (imnxport / "out" / "imnxport.ts").is_file()
    assert make("-q").returncode == 0
    # A file the header includes (a shim) is in the depfile.
    assert "/gen/include/windows.h" in (imnxport / "gen.d").read_text(encoding="utf-8")


# -- ninja --------------------------------------------------------------------------------------------


def test_ninja_recipe(installed: Installed, imnxport: Path) -> None:
    (recipe,) = blocks("ninja", "ninja")
    assert f"```ninja\n{recipe}```" in section("Using gen as a build step", README), "README differs from docs/build.md"
    (imnxport / "build.ninja").write_text(recipe, encoding="utf-8")
    env = environment(installed)
    ninja = tool("ninja")
    ok(run([ninja], imnxport, env))
    assert "no work to do" in ok(run([ninja], imnxport, env))
    touch_later(imnxport / "headers" / "Imnxport.h")
    assert "gen headers/Imnxport.h" in ok(run([ninja], imnxport, env))
    assert "no work to do" in ok(run([ninja], imnxport, env))  # restat
    (imnxport / "out" / "imnxport.json").unlink()
    assert "gen headers/Imnxport.h" in ok(run([ninja], imnxport, env))
    assert "no work to do" in ok(run([ninja], imnxport, env))
    assert "windows.h" in ok(run([ninja, "-t", "deps"], imnxport, env))


# -- CMake --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("generator", ["Ninja", "Unix Makefiles"])
def test_cmake_recipe(installed: Installed, imnxport: Path, generator: str) -> None:
    if generator == "Unix Makefiles" and shutil.which("make") is None:
        pytest.skip("GNU make is not installed")
    cmakelists, pyproject = blocks("CMake", "cmake") + blocks("CMake", "toml")
    (imnxport / "CMakeLists.txt").write_text(cmakelists, encoding="utf-8")
    (imnxport / "pyproject.toml").write_text(pyproject, encoding="utf-8")
    env = environment(installed)
    cmake = tool("cmake")
    configure = [cmake, "-S", ".", "-B", "build", "-G", generator]
    if generator == "Ninja":
        configure.append(f"-DCMAKE_MAKE_PROGRAM={tool('ninja')}")
    ok(run(configure, imnxport, env))
    ran = "gen: C headers to Python, JSON and TypeScript"

    def build() -> str:
        return ok(run([cmake, "--build", "build"], imnxport, env))

    assert ran in build()
    assert sorted(p.name for p in (imnxport / "out").iterdir()) == sorted(OUTPUTS)
    assert ran not in build()  # a no-op
    # An included header saved again: gen runs once (touching the unchanged
    # outputs), then the build is a no-op again. Without --touch the
    # Makefiles generator ran gen on every build from then on.
    touch_later(imnxport / "headers" / "Imnxport.h")
    before = {p.name: p.read_bytes() for p in (imnxport / "out").iterdir()}
    assert ran in build()
    assert {p.name: p.read_bytes() for p in (imnxport / "out").iterdir()} == before
    for _ in range(2):
        assert ran not in build()
    # A deleted output comes back.
    (imnxport / "out" / "imnxport.py").unlink()
    assert ran in build()
    assert (imnxport / "out" / "imnxport.py").is_file()
    assert ran not in build()


# -- Python packages: a consumer's wheel with generated modules inside ------------------------------

API_H = """\
#include "api_config.h"
typedef enum tagAPI_MODE { API_MODE_READ = 1, API_MODE_WRITE = 2, API_MODE_BOTH = API_MODE_READ | API_MODE_WRITE } API_MODE;
enum api_level { API_LEVEL_BASE = API_BASE, API_LEVEL_NEXT };
"""


@pytest.mark.parametrize("backend", ["hatchling", "setuptools"])
def test_a_consumer_wheel_carries_the_generated_module(installed: Installed, tmp_path: Path, backend: str) -> None:
    title = {"hatchling": "hatchling: a build hook", "setuptools": "setuptools: a `build_py` step"}[backend]
    shown = files(title)
    (config,) = blocks("Python packages: generated modules inside the wheel", "toml")[:1]
    consumer = tmp_path / "consumer"
    (consumer / "include").mkdir(parents=True)
    (consumer / "src" / "consumer").mkdir(parents=True)
    (consumer / "include" / "api.h").write_text(API_H, encoding="utf-8")
    (consumer / "include" / "api_config.h").write_text("#define API_BASE 10\n", encoding="utf-8")
    (consumer / "src" / "consumer" / "__init__.py").write_text('"""A consumer of gen."""\n', encoding="utf-8")
    for name, text in shown.items():
        if name == "pyproject.toml":
            text = f"{text}\n{config}"
        (consumer / name).write_text(text, encoding="utf-8")
    assert sorted(shown) == sorted(
        {"hatchling": ["hatch_build.py"], "setuptools": ["setup.py"]}[backend] + ["pyproject.toml"]
    )
    dist = tmp_path / "dist"
    # pip builds the wheel in the environment gen is installed in (no
    # isolation: nothing is downloaded; the back ends come with the test extra).
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(installed.python),
            "wheel",
            "--no-build-isolation",
            "--no-deps",
            "-q",
            "-w",
            str(dist),
            str(consumer),
        ],
        capture_output=True,
        text=True,
        env={k: v for k, v in os.environ.items() if k != "PYTHONPATH"},
        timeout=600,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    (wheel,) = dist.glob("consumer-1.0-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "consumer/_api.py" in names and "consumer/__init__.py" in names
    module = zipfile.ZipFile(wheel).read("consumer/_api.py").decode("utf-8")
    assert module.startswith("# Generated by gen from include/api.h.")
    # Installed elsewhere, the generated module imports with clang's values.
    python = make_venv(tmp_path / "user-venv")
    pip_install(python, str(wheel))
    check = "import consumer._api as a; print(int(a.API_MODE.API_MODE_BOTH), a.api_level.API_LEVEL_NEXT.value)"
    shown_values = subprocess.run([str(python), "-c", check], capture_output=True, text=True, cwd=tmp_path)
    assert shown_values.returncode == 0, shown_values.stderr
    assert shown_values.stdout.split() == ["3", "11"]
