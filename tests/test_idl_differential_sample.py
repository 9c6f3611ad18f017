"""IDL differential sample: for a few of Wine's .idl files, every enumerator and
every grouped #define gen reads from the .idl equals what gen reads from the .h
widl generated from it (which tests/test_differential_sample.py ties to clang).

Needs the Wine corpus (fetched once into ~/.cache/gen-tests/corpus or
$GEN_CORPUS_CACHE); set GEN_SKIP_CORPUS=1 to skip. The whole corpus:
``python -m tests.differential.idl`` (see README.md).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

pytestmark = pytest.mark.skipif(os.environ.get("GEN_SKIP_CORPUS") == "1", reason="GEN_SKIP_CORPUS=1")

#: A spread of what widl turns into a header: imnxport (cpp_quote HRESULTs,
#: consts after a typedef), msctf (``~0u``, which widl writes as ``(~0)``),
#: propidl (ole2.h includes propidl.h: the header includes itself), oledb
#: (.idl files it #includes), bdaiface (enums of a header it #includes),
#: mfobjects (an #included header's cpp_quote("#if 0")), windows.gaming.input
#: (WinRT namespaces and contracts), d3d10 (enums and consts in interfaces),
#: wuapi (a library).
SAMPLE = (
    "imnxport.idl",
    "msctf.idl",
    "propidl.idl",
    "oledb.idl",
    "bdaiface.idl",
    "mfobjects.idl",
    "windows.gaming.input.idl",
    "d3d10.idl",
    "wuapi.idl",
)


def test_sample_matches_the_headers_widl_made() -> None:
    from tests.differential import corpus
    from tests.differential.idl import compare, format_summary

    try:
        corpus.load("wine")
    except corpus.CorpusError as exc:
        pytest.fail(f"cannot fetch the Wine corpus: {exc} (set GEN_SKIP_CORPUS=1 to skip this test)")
    summary = compare(SAMPLE, jobs=2)
    report = format_summary(summary, samples=20)
    assert len(summary.compared) == len(SAMPLE), report
    assert summary.total > 1500, report
    assert summary.passed, report
