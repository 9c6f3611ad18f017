"""Peak memory on small pathological inputs (issue 18, item 7).

Each input runs the real CLI in a fresh Python process under an address
space limit (so a regression fails the test instead of exhausting the
machine), which reports its own peak resident size (Linux: VmHWM). The bound is generous:
the interpreter and gen's imports alone take about 30 MB.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO

#: Peak resident size a run on a few hundred bytes (or 40 KB) may reach.
PEAK_BOUND_MB = 256
#: The address space each run gets: a runaway is a MemoryError, not an OOM kill.
ADDRESS_SPACE_MB = 2048

_LEVELS = "#define E1(x) D(D(D(D(x))))\n#define E2(x) E1(E1(E1(E1(x))))\n#define E3(x) E2(E2(E2(E2(x))))\n"
CASES = {
    # ``##`` doubling a number 64 times: was 362 MB (the lexer's regex kept
    # backtracking state per digit).
    "paste": "#define C(a, b) a##b\n#define D(x) C(x, x)\n" + _LEVELS + "enum { Q = E3(1) };\n",
    # ``#`` nested 64 times, each doubling the escapes: was 23 GB.
    "stringize": "#define S(x) #x\n#define D(x) S(x x)\n" + _LEVELS + "enum { Q = sizeof(E3(a)) };\n",
    # Calls nested in arguments, 40 KB of them (the issue: 937 MB).
    "nested calls": "#define F(x) x\nenum { A = " + "F(" * 20_000 + "1" + ")" * 20_000 + " };\n",
    "open calls": "#define F(x) x\nenum { A = " + "F(" * 20_000 + "\n",
    # A macro doubling its expansion forty times.
    "doubling": "#define A0 1\n"
    + "".join(f"#define A{i} A{i - 1}+A{i - 1}\n" for i in range(1, 41))
    + "enum { E = A40 };\n",
    # One 2-million-digit literal (2 MB: a long token must not cost
    # hundreds of bytes per character).
    "long literal": "enum { E = " + "1" * 2_000_000 + " };\n",
}

_RUNNER = """
import json, resource, sys
limit = int(sys.argv[1]) * 1024 * 1024
resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
from gen.run.cli import main
code = main(["-q", "--no-cache", "-o", sys.argv[2], sys.argv[3]])
# VmHWM: this process's own peak (ru_maxrss would carry the parent's over exec).
status = open("/proc/self/status", encoding="ascii").read()
peak = int(next(ln.split()[1] for ln in status.splitlines() if ln.startswith("VmHWM:"))) // 1024
print(json.dumps({"code": code, "peak_mb": peak}))
"""


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="peak memory is read from /proc")
@pytest.mark.parametrize("case", sorted(CASES))
def test_peak_memory_is_bounded(tmp_path: Path, case: str) -> None:
    header = tmp_path / "input.h"
    header.write_text(CASES[case], encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-c", _RUNNER, str(ADDRESS_SPACE_MB), str(tmp_path / "out"), str(header)],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=600,
        check=False,
    )
    assert "Traceback" not in proc.stderr and "internal error" not in proc.stderr, proc.stderr[-2000:]
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    assert result["code"] in (0, 2), proc.stderr[-2000:]
    if result["code"] == 2:
        assert ": error: " in proc.stderr and not (tmp_path / "out").exists()
    assert result["peak_mb"] < PEAK_BOUND_MB, f"{case}: peak {result['peak_mb']} MB"
