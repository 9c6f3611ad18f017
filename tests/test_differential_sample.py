"""Differential sample: for ~20 headers of each SDK corpus, every enumerator has clang's exact value.

Needs the corpora (Debian packages, fetched once into ~/.cache/gen-tests/corpus or $GEN_CORPUS_CACHE)
and the libclang wheel (tests/differential/requirements.txt). Without them this test fails, on purpose;
set GEN_SKIP_CORPUS=1 to skip it instead. The whole corpus: ``python -m tests.differential.run``.
"""

from __future__ import annotations

import os
import sys

import pytest
from conftest import REPO

if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

pytestmark = pytest.mark.skipif(os.environ.get("GEN_SKIP_CORPUS") == "1", reason="GEN_SKIP_CORPUS=1")

#: A fixed spread: large COM/IDL headers, enums needing windows.h first, negative, unsigned and
#: 64-bit-looking values, values built from macros and casts, DEFINE_ENUM_FLAG_OPERATORS users.
SAMPLES = {
    "wine": (
        "d3d9types.h",
        "winuser.h",
        "dwrite.h",
        "mshtml.h",
        "imnxport.h",
    ),
    "mingw": (
        "d3d9types.h",
        "winuser.h",
        "dwrite.h",
        "d3d12.h",
    ),
}


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_sample_matches_clang(name: str) -> None:
    try:
        from tests.differential import corpus
        from tests.differential.run import compare, format_summary
    except ImportError as exc:  # libclang missing
        pytest.fail(f"cannot import the differential harness ({exc}); pip install -r tests/differential/requirements.txt")
    try:
        loaded = corpus.load(name)
    except corpus.CorpusError as exc:
        pytest.fail(f"cannot fetch the {name} corpus: {exc} (set GEN_SKIP_CORPUS=1 to skip this test)")
    summary = compare(loaded, SAMPLES[name], jobs=2)
    report = format_summary(summary, samples=20)
    excluded = [r.header for r in summary.reports if not r.clang_ok]
    assert not excluded, f"sample headers clang rejects (fix the sample): {excluded}\n{report}"
    assert summary.total > 0, report
    assert summary.passed, report
