"""#define constant groups of real SDK headers against clang: for the sample
headers of both corpora (tests/test_differential_sample.py), every macro gen
extracts is evaluated by clang as an enumerator initializer after the
header, and the values must agree. A macro clang does not accept as an
integer constant expression must not have been extracted.

The whole corpora: ``GEN_MACRO_CORPUS=all python -m pytest tests/test_macros_against_clang.py``.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import pytest
from conftest import REPO

if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from gen.c.frontend import extract
from tests.differential.clang_oracle import clang_args, oracle
from tests.differential.corpus import Corpus, cache_dir, load
from tests.test_differential_sample import SAMPLES

pytestmark = pytest.mark.skipif(os.environ.get("GEN_SKIP_CORPUS") == "1", reason="GEN_SKIP_CORPUS=1")


def _cases() -> list[tuple[str, str]]:
    if os.environ.get("GEN_MACRO_CORPUS") == "all":
        return [(name, h) for name in ("wine", "mingw") for h in load(name).headers]
    return [(name, h) for name, headers in sorted(SAMPLES.items()) for h in headers]


def _clang_values(corpus: Corpus, header: Path, forced: tuple[str, ...], names: list[str]) -> dict[str, int | None]:
    import clang.cindex as ci

    with tempfile.TemporaryDirectory() as tmp:
        probe = Path(tmp) / "probe.c"
        lines = [f'#include "{header.as_posix()}"']
        lines += [f"enum {{ gen_probe_{i} = ({name}) }};" for i, name in enumerate(names)]
        probe.write_text("\n".join(lines) + "\n", encoding="utf-8")
        tu = ci.Index.create().parse(str(probe), args=clang_args(corpus.include_dirs, corpus.resource_dir, forced))
        bad_lines = {
            d.location.line
            for d in tu.diagnostics
            if d.severity >= ci.Diagnostic.Error and d.location.file and Path(d.location.file.name) == probe
        }
        values: dict[str, int | None] = {n: None for n in names}
        for cursor in tu.cursor.walk_preorder():
            if cursor.kind == ci.CursorKind.ENUM_CONSTANT_DECL and cursor.spelling.startswith("gen_probe_"):
                index = int(cursor.spelling.removeprefix("gen_probe_"))
                if index + 2 not in bad_lines:
                    values[names[index]] = cursor.enum_value
    return values


@pytest.mark.parametrize(("corpus_name", "name"), _cases())
def test_extracted_macros_equal_clang(corpus_name: str, name: str) -> None:
    corpus = load(corpus_name)
    header = corpus.path(name)
    reference = oracle(header, corpus.include_dirs, corpus.resource_dir, cache_dir())
    if not reference.ok:
        pytest.skip("clang does not parse this header")
    result = extract(
        header, include_dirs=list(corpus.include_dirs), force_includes=list(reference.force_includes), macros="main"
    )
    ours = {m.name: m.value for e in result.module.enums if e.origin == "macros" for m in e.members}
    if not ours:
        return
    names = sorted(ours)
    theirs = _clang_values(corpus, header, reference.force_includes, names)
    disagree = {n: (ours[n], theirs[n]) for n in names if ours[n] != theirs[n]}
    assert not disagree, f"{len(disagree)} of {len(names)} macros differ (ours, clang): {list(disagree.items())[:8]}"
