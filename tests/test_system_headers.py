"""A sample of the differential check on this machine's system headers (tests/sysheaders): gen with
no flag but ``--target x86_64-linux-gnu`` gives gcc's value for every enumerator and every grouped
macro of each header gcc accepts alone, and refuses none of them.

The sample: a fixed spread of C library and kernel headers (those present here), plus a deterministic
sample of every header under /usr/include. The whole run: ``python -m tests.sysheaders.run``.
Skipped without gcc or /usr/include.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from tests.sysheaders.run import ROOT, compare, format_summary, headers_under, sample  # noqa: E402

pytestmark = pytest.mark.skipif(
    shutil.which("gcc") is None or not (ROOT / "stdio.h").is_file(), reason="needs gcc and a C library in /usr/include"
)

#: glibc's headers over gen's <limits.h>, <stddef.h>, <stdarg.h> (limits, stdint, inttypes, wchar,
#: stdio); enums and grouped macros of every kind (signal, elf, fcntl, sockets, netinet, termios,
#: the kernel's input codes and netlink); multiarch headers (sys/, bits/ via the public ones).
FIXED = (
    "limits.h",
    "stdint.h",
    "inttypes.h",
    "wchar.h",
    "stdio.h",
    "signal.h",
    "elf.h",
    "fcntl.h",
    "termios.h",
    "netdb.h",
    "netinet/in.h",
    "x86_64-linux-gnu/sys/socket.h",
    "x86_64-linux-gnu/sys/mman.h",
    "linux/input.h",
    "linux/netlink.h",
    "linux/if_link.h",
)
SAMPLED = 24


def test_sample_matches_gcc() -> None:
    headers = [h for h in FIXED if (ROOT / h).is_file()]
    headers += [h for h in sample(headers_under(ROOT), SAMPLED) if h not in headers]
    summary = compare(ROOT, headers, jobs=2)
    report = format_summary(summary, samples=20)
    assert summary.accepted, report
    assert sum(r.enumerators for r in summary.accepted) > 0, report
    assert summary.passed, report
