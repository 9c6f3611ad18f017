"""Golden tests: each folder under tests/cases is a header, options and the
expected outputs. A mismatch prints a unified diff and the update command."""

from __future__ import annotations

import difflib
import shutil
from pathlib import Path

import pytest
from conftest import UPDATE_COMMAND, Case, discover_cases, generate_case

CASES = discover_cases()


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_case_matches_goldens(case: Case, tmp_path: Path, request: pytest.FixtureRequest) -> None:
    produced = generate_case(case, tmp_path / "out")
    assert produced, f"{case.name}: no outputs produced"
    if request.config.getoption("--update-goldens"):
        if case.expected.exists():
            shutil.rmtree(case.expected)
        case.expected.mkdir(parents=True)
        for name, text in produced.items():
            (case.expected / name).write_bytes(text.encode("utf-8"))
        return
    expected = (
        {p.name: p.read_text(encoding="utf-8") for p in sorted(case.expected.iterdir())}
        if case.expected.is_dir()
        else {}
    )
    problems = []
    for name in sorted(set(expected) | set(produced)):
        old, new = expected.get(name), produced.get(name)
        if old == new:
            continue
        if old is None:
            problems.append(f"unexpected new output {name}")
        elif new is None:
            problems.append(f"expected output {name} was not produced")
        else:
            rel = (case.expected / name).as_posix()
            diff = difflib.unified_diff(old.splitlines(True), new.splitlines(True), f"a/{rel}", f"b/{rel}")
            problems.append("".join(diff))
    if problems:
        pytest.fail(
            f"case {case.name}: outputs differ from the goldens:\n"
            + "\n".join(problems)
            + f"\nIf the change is intended, run `{UPDATE_COMMAND}` and read the diff before committing.",
            pytrace=False,
        )
