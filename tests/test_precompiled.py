"""The state after the forced includes is kept in the cache folder for later
processes (gen/c/precompiled.py, gen.run.cache.PrefixCache): a later process
with the same options resumes from it, and gets exactly what preprocessing
the forced includes again gives; any change to a file read or a folder
searched, to the options or to the entry itself, and the entry is not used."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import REPO, discover_cases

import gen.c.frontend as api
from gen.c.includes import clear_caches
from gen.c.preprocessor import Preprocessor
from gen.model import Extraction
from gen.run import cache

FORCED = """\
#pragma once
#include "base.h"
#include "guarded.h"
#include "missing_sdk.h"
#ifdef SDK_FEATURE
#define FEATURE_LEVEL 2
#endif
#pragma push_macro ("LEVEL")
#undef LEVEL
#define LEVEL 99
#pragma pop_macro ("LEVEL")
#define SHIFT(n) (1 << (n))
typedef unsigned long DWORD;
typedef void *PVOID;
typedef struct { int a; struct { char c[3]; } inner; } ANON;
struct named { DWORD d; ANON x; };
typedef enum tagBASE_ENUM { BE_ONE = BASE + 1, BE_TWO } BASE_ENUM;
enum { FIRST_COUNT = __COUNTER__ };
#pragma push_macro ("BASE")
"""

SDK = {
    "base.h": "#define BASE 10\n#define LEVEL 3\n",
    "guarded.h": "#ifndef GUARDED_H\n#define GUARDED_H\nenum guarded { G_A = 3 };\n#endif\n",
}

# Text first: no implicit include prefix (test_implicit_prefix.py has those).
MAIN = """\
typedef int main_first_t;
#include "guarded.h"
#undef BASE
#define BASE 1000
#pragma pop_macro ("BASE")
enum uses {
    U_A = BE_TWO + SHIFT(4), U_B = (DWORD)-1, U_C = __COUNTER__, U_D = LEVEL,
    U_G = G_A, U_H = BASE, U_I = sizeof(PVOID)
};
#define U_MAC (BASE * 3)
"""


def _age(root: Path, seconds: float) -> None:
    """Set every file's and folder's times ``seconds`` back: a state is
    stored only when its inputs are older than the stamps can tell apart."""
    when = time.time() - seconds
    for folder, dirs, files in os.walk(root):
        for name in [*dirs, *files]:
            os.utime(Path(folder) / name, (when, when))
    os.utime(root, (when, when))


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("GEN_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("GEN_NO_CACHE", raising=False)
    work = tmp_path / "work"
    (work / "first").mkdir(parents=True)
    (work / "sdk").mkdir()
    (work / "forced.h").write_text(FORCED, encoding="utf-8")
    for name, text in SDK.items():
        (work / "sdk" / name).write_text(text, encoding="utf-8")
    (work / "main.h").write_text(MAIN, encoding="utf-8")
    _age(work, 100)
    monkeypatch.chdir(work)
    _new_process()
    return work


def _new_process() -> None:
    """Forget what this process keeps of earlier runs, as a new one would."""
    api._PREFIXES.clear()
    clear_caches()


@pytest.fixture
def preprocessed(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """How many times the forced includes were preprocessed."""
    calls = [0]
    original = Preprocessor.forced_tokens

    def counting(self: Preprocessor) -> Iterator[object]:
        calls[0] += 1
        return original(self)

    monkeypatch.setattr(Preprocessor, "forced_tokens", counting)
    yield calls


def _extract(stored: bool, **options: object) -> tuple[object, ...]:
    _new_process()
    settings: dict[str, object] = {
        "include_dirs": ["first", "sdk", "."],
        "force_includes": ["forced.h"],
        "macros": "all",
    }
    settings.update(options)
    store = cache.PrefixCache() if stored else None
    result = api.extract("main.h", prefix_store=store, **settings)  # type: ignore[arg-type]
    assert isinstance(result, Extraction)
    return result.module, tuple(result.diagnostics)


def _entries(project: Path) -> list[Path]:
    return sorted((project.parent / "cache").glob("prefix-*.json"))


def test_a_later_process_resumes_from_the_stored_state(project: Path, preprocessed: list[int]) -> None:
    fresh = _extract(stored=False)
    assert preprocessed[0] == 1
    first = _extract(stored=True)
    assert preprocessed[0] == 2 and len(_entries(project)) == 1
    second = _extract(stored=True)
    assert preprocessed[0] == 2, "the stored state should have been used"
    assert first == second == fresh
    module = fresh[0]
    values = {m.name: m.value for e in module.enums for m in e.members}  # type: ignore[attr-defined]
    # Values that need the pragma stacks, include guards and the macro table of the state.
    assert (values["U_D"], values["U_G"], values["U_H"]) == (3, 3, 10)
    # The warning about the missing SDK file comes back with the state.
    assert any("missing_sdk.h" in d.message for d in fresh[1])  # type: ignore[attr-defined]


def test_a_header_that_needs_layouts_resumes_from_the_state_with_record_bodies(
    project: Path, preprocessed: list[int]
) -> None:
    """Struct and union bodies are skimmed first; a sizeof of a record reads
    the header again with them (gen.c.records.RecordBodiesSkimmed), so the
    forced includes are preprocessed twice, and both states are stored."""
    with (project / "main.h").open("a", encoding="utf-8") as f:
        f.write("enum layouts { U_E = sizeof(ANON), U_F = sizeof(struct named) };\n")
    _age(project, 100)
    fresh = _extract(stored=False)
    assert preprocessed[0] == 2
    first = _extract(stored=True)
    assert preprocessed[0] == 4 and len(_entries(project)) == 2
    second = _extract(stored=True)
    assert preprocessed[0] == 4, "the stored states should have been used"
    assert first == second == fresh
    values = {m.name: m.value for e in fresh[0].enums for m in e.members}  # type: ignore[attr-defined]
    # Records from the state: an anonymous one nested in another.
    assert (values["U_E"], values["U_F"]) == (8, 12)


def test_what_the_main_header_redefines_is_reported_alike(project: Path, preprocessed: list[int]) -> None:
    """Definition sites come with the state: redefining an enumerator, a
    tag or a typedef name of the forced includes is the same error."""
    (project / "main.h").write_text(
        "enum tagBASE_ENUM { X_A };\nenum { BE_ONE = 5 };\ntypedef int BE_TWO;\nenum ok { O_A = FIRST_COUNT };\n",
        encoding="utf-8",
    )
    _age(project, 100)
    fresh = _extract(stored=False)
    _extract(stored=True)
    preprocessed[0] = 0
    resumed = _extract(stored=True)
    assert preprocessed[0] == 0
    assert resumed == fresh
    assert sum("redefinition" in d.message for d in fresh[1]) == 3  # type: ignore[attr-defined]


def _primed(project: Path, preprocessed: list[int]) -> tuple[object, ...]:
    before = _extract(stored=True)
    assert len(_entries(project)) == 1
    preprocessed[0] = 0
    return before


def test_an_edited_sdk_file_is_read_again(project: Path, preprocessed: list[int]) -> None:
    before = _primed(project, preprocessed)
    (project / "sdk" / "base.h").write_text("#define BASE 20\n#define LEVEL 4\n", encoding="utf-8")
    after = _extract(stored=True)
    assert preprocessed[0] == 1
    assert after == _extract(stored=False) and after != before


def test_an_edit_keeping_size_and_only_changing_the_time_is_seen(project: Path, preprocessed: list[int]) -> None:
    before = _primed(project, preprocessed)
    (project / "sdk" / "base.h").write_text("#define BASE 30\n#define LEVEL 3\n", encoding="utf-8")
    _age(project / "sdk", 50)
    after = _extract(stored=True)
    assert preprocessed[0] == 1
    assert after == _extract(stored=False) and after != before


def test_a_new_file_shadowing_one_in_a_later_folder(project: Path, preprocessed: list[int]) -> None:
    before = _primed(project, preprocessed)
    (project / "first" / "base.h").write_text("#define BASE 40\n#define LEVEL 5\n", encoding="utf-8")
    after = _extract(stored=True)
    assert preprocessed[0] == 1
    assert after == _extract(stored=False) and after != before
    values = {m.name: m.value for e in after[0].enums for m in e.members}  # type: ignore[attr-defined]
    assert values["U_D"] == 5


def test_a_missing_include_that_appears(project: Path, preprocessed: list[int]) -> None:
    before = _primed(project, preprocessed)
    (project / "sdk" / "missing_sdk.h").write_text("#define NOW_THERE 1\n", encoding="utf-8")
    after = _extract(stored=True)
    assert preprocessed[0] == 1
    assert after == _extract(stored=False) and after != before


@pytest.mark.parametrize(
    "options",
    [{"defines": ["BASE_EXTRA=1"]}, {"defines": ["LEVEL=7"]}, {"target": "i686-w64-mingw32"}, {"undefines": ["X"]}],
    ids=["define", "define-changing-a-value", "target", "undefine"],
)
def test_other_options_do_not_share_the_state(
    project: Path, preprocessed: list[int], options: dict[str, object]
) -> None:
    before = _primed(project, preprocessed)
    after = _extract(stored=True, **options)
    assert preprocessed[0] == 1, "another option set must not use the stored state"
    assert after == _extract(stored=False, **options)
    assert len(_entries(project)) == 2
    if "target" in options:
        assert after != before


def break_entry(project: Path, how: str, edit: Callable[[str, dict[str, Any], dict[str, Any]], None]) -> None:
    """Spoil the one stored entry: ``garbage`` and ``truncated`` bytes, else
    ``edit(how, entry, state)`` on its data."""
    (path,) = _entries(project)
    text = path.read_text(encoding="utf-8")
    if how == "garbage":
        path.write_bytes(b"\x00\xffnot json at all")
        return
    if how == "truncated":
        path.write_text(text[: len(text) // 2], encoding="utf-8")
        return
    data = json.loads(text)
    edit(how, data, data["state"])
    path.write_text(json.dumps(data), encoding="utf-8")


def _break_entry(project: Path, how: str) -> None:
    break_entry(project, how, _spoil)


def _spoil(how: str, data: dict[str, Any], state: dict[str, Any]) -> None:
    if how == "macro-line-as-text":
        state["macro_columns"]["line"][-1] = "12"
    elif how == "typedef-type-unknown":
        state["typedefs"][0][1] = ["zz", 1]
    elif how == "token-column-short":
        state["token_columns"][1].pop()
    elif how == "file-index-out-of-range":
        state["token_columns"][2][0] = 10**6
    elif how == "stamps-as-dict":
        state["stamps"] = {"a": 1}
    elif how == "state-a-list":
        data["state"] = []
    elif how == "value-as-float":
        state["constants"][0][1] = 1.5
    elif how == "other-gen":
        data["gen"] = "0" * 40


@pytest.mark.parametrize(
    "how",
    [
        "garbage",
        "truncated",
        "macro-line-as-text",
        "typedef-type-unknown",
        "token-column-short",
        "file-index-out-of-range",
        "stamps-as-dict",
        "state-a-list",
        "value-as-float",
        "other-gen",
    ],
)
def test_a_broken_entry_is_ignored(project: Path, preprocessed: list[int], how: str) -> None:
    before = _primed(project, preprocessed)
    _break_entry(project, how)
    after = _extract(stored=True)
    assert preprocessed[0] == 1, "a broken entry must not be used"
    assert after == before == _extract(stored=False)


def test_no_cache_neither_reads_nor_writes_entries(project: Path, preprocessed: list[int]) -> None:
    from gen.run.cli import main

    # Outputs go elsewhere: the project folder is one the state depends on.
    args = ["-q", "-I", "sdk", "-I", ".", "-include", "forced.h", "-o", "../out", "main.h"]
    assert main(["--no-cache", *args]) == 0
    assert not _entries(project)
    _new_process()
    assert main(args) == 0
    assert len(_entries(project)) == 1
    _new_process()
    preprocessed[0] = 0
    assert main(["--no-cache", *args]) == 0
    assert preprocessed[0] == 1


def test_entries_count_toward_the_size_cap(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _extract(stored=True)
    (entry,) = _entries(project)
    assert cache.PREFIX_NAME.match(entry.name)
    assert entry in [Path(e.path) for e in cache._own_files()]
    assert cache.trim(0) >= 1 and not entry.exists()


def test_recent_inputs_are_not_stored(project: Path) -> None:
    # A file changed within the stamps' resolution might change again unseen.
    (project / "sdk" / "base.h").write_text("#define BASE 10\n#define LEVEL 3\n", encoding="utf-8")
    _extract(stored=True)
    assert not _entries(project)


def test_two_processes_give_what_no_cache_gives(project: Path) -> None:
    """End to end: the second process uses the first one's entry (its own
    run record is removed, so the run cache cannot answer)."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    args = ["-I", "sdk", "-I", ".", "-include", "forced.h", "--macros", "all"]

    def gen(*extra: str, out: str) -> str:
        done = subprocess.run(
            [sys.executable, "-m", "gen", *args, *extra, "-o", out, "main.h"], env=env, capture_output=True, text=True
        )
        assert done.returncode == 0, done.stderr
        return done.stderr

    gen(out="../primed")
    (entry,) = _entries(project)
    for record in (project.parent / "cache").glob("*.json"):
        if record != entry:
            record.unlink()
    stamp = entry.stat().st_mtime_ns
    os.utime(entry, ns=(stamp - 10**9, stamp - 10**9))
    warned = gen(out="../warm")
    assert entry.stat().st_mtime_ns > stamp - 10**9, "the entry was not read"
    cold = gen("--no-cache", out="../cold")
    assert warned == cold
    outputs = os.listdir("../cold")
    assert outputs
    for name in outputs:
        assert (project.parent / "warm" / name).read_bytes() == (project.parent / "cold" / name).read_bytes()


@pytest.mark.parametrize("case", discover_cases(), ids=lambda c: c.name)
def test_golden_cases_with_a_forced_include_match_a_run_without_the_state(
    case: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each golden case's header with ``-include windows.h`` (gen's shim):
    the run that stores the state, the run that resumes from it and a run
    without the cache write the same bytes."""
    from gen.run.cli import main

    monkeypatch.setenv("GEN_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.chdir(REPO)
    outputs = []
    for run, extra in enumerate((["--no-cache"], [], [])):
        _new_process()
        for record in (tmp_path / "cache").glob("*.json"):
            if not record.name.startswith("prefix-"):
                record.unlink()
        out = tmp_path / f"out{run}"
        argv = ["-q", *extra, "-include", "windows.h", "-o", str(out), *case.args, case.header]  # type: ignore[attr-defined]
        assert main(argv) in (0, 1)
        outputs.append({p.name: p.read_bytes() for p in sorted(out.iterdir())} if out.exists() else {})
    # The IDL front end does not keep the state (it runs the forced includes itself).
    if not case.header.endswith(".idl"):  # type: ignore[attr-defined]
        assert list((tmp_path / "cache").glob("prefix-*.json")), "no state was stored"
    assert outputs[0] and outputs[0] == outputs[1] == outputs[2]


corpus_only = pytest.mark.skipif(os.environ.get("GEN_SKIP_CORPUS") == "1", reason="GEN_SKIP_CORPUS=1")


@corpus_only
def test_wine_headers_with_windows_h_forced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, preprocessed: list[int]
) -> None:
    """Wine's headers, ``-include windows.h``: the state stored by the first
    header serves the others, with the bytes of runs without it."""
    from gen.run.cli import main
    from tests.differential.corpus import load

    wine = load("wine")
    incs = [x for d in wine.include_dirs for x in ("-I", d)]
    monkeypatch.setenv("GEN_CACHE_DIR", str(tmp_path / "cache"))
    names = ("imnxport.h", "bits.h", "commctrl.h")
    for name in names:
        header = str(wine.path(name))
        outputs = []
        for run, extra in enumerate((["--no-cache"], [])):
            _new_process()
            out = tmp_path / f"{name}-{run}"
            assert main(["-q", *extra, *incs, "-include", "windows.h", "-o", str(out), header]) in (0, 1)
            outputs.append({p.name: p.read_bytes() for p in sorted(out.iterdir())})
        assert outputs[0] == outputs[1], name
    # The state after windows.h, and the one after imnxport.h's implicit
    # include prefix (which bits.h shares; commctrl.h has none).
    assert len(list((tmp_path / "cache").glob("prefix-*.json"))) == 2
    # Each run without the cache, and the first with it: windows.h was
    # preprocessed once for all the later headers.
    assert preprocessed[0] == len(names) + 1
