"""Differential sample: for ~20 headers of each SDK corpus, every enumerator has clang's exact value.

Needs the corpora (Debian packages, fetched once into ~/.cache/gen-tests/corpus or $GEN_CORPUS_CACHE)
and the libclang wheel (tests/differential/requirements.txt). Without them this test fails, on purpose;
set GEN_SKIP_CORPUS=1 to skip it instead. The whole corpus: ``python -m tests.differential.run``.
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

#: A fixed spread: headers that need windows.h force-included (d3d9types, winuser, wingdi, winnt,
#: winioctl, msi, ntsecapi), big IDL-generated COM headers (mshtml, shobjidl, d3d12, dwrite, imnxport),
#: negative values down to INT_MIN (wingdi, urlmon, shobjidl, mtsadmin, d3dx9 HRESULTs, xaudio2), unsigned
#: enums past INT_MAX (d3d12, propsys, computedefs, cor, dxgiformat's 0xffffffff), DEFINE_ENUM_FLAG_OPERATORS
#: users (dwrite, d3d12, d2d1_1, dwmapi, directmanipulation, audioclient), and the DDK (wdm.h, 812 values).
#: C-mode Windows headers have no fixed underlying types (`enum X : T` is C++-only in both SDKs).
SAMPLES = {
    "wine": (
        "d3d9types.h",
        "winuser.h",
        "dwrite.h",
        "mshtml.h",
        "imnxport.h",
        "winternl.h",
        "wingdi.h",
        "winnt.h",
        "d3d12.h",
        "shobjidl.h",
        "urlmon.h",
        "propsys.h",
        "msi.h",
        "xaudio2.h",
        "msasn1.h",
        "d3dx9.h",
        "winioctl.h",
        "dxgiformat.h",
    ),
    "mingw": (
        "d3d9types.h",
        "winuser.h",
        "dwrite.h",
        "d3d12.h",
        "d2d1_1.h",
        "dwmapi.h",
        "directmanipulation.h",
        "audioclient.h",
        "mshtml.h",
        "winnt.h",
        "ntsecapi.h",
        "winioctl.h",
        "ddk/wdm.h",
        "computedefs.h",
        "cor.h",
        "shobjidl.h",
        "mtsadmin.h",
        "wtypesbase.h",
    ),
}


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_sample_matches_clang(name: str) -> None:
    try:
        from tests.differential import corpus
        from tests.differential.run import compare, format_summary
    except ImportError as exc:  # libclang missing
        pytest.fail(
            f"cannot import the differential harness ({exc}); pip install -r tests/differential/requirements.txt"
        )
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
