"""The C front end with the cache folder's stored include-prefix states in
use, as a tool for the differential (``--tool
tests.differential.stored:extract``): each header starts as a new process
would (nothing kept in memory from earlier headers) and resumes from a state
an earlier header stored under ``GEN_CACHE_DIR``, or stores one."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import gen.c.frontend as frontend
from gen.c.includes import clear_caches
from gen.model import Extraction
from gen.run.cache import PrefixCache


def extract(
    header: str | Path,
    *,
    include_dirs: Sequence[str] = (),
    defines: Sequence[str] = (),
    undefines: Sequence[str] = (),
    force_includes: Sequence[str] = (),
    macros: str = "main",
) -> Extraction:
    frontend._PREFIXES.clear()
    clear_caches()
    return frontend.extract(
        header,
        include_dirs=include_dirs,
        defines=defines,
        undefines=undefines,
        force_includes=force_includes,
        macros=macros,
        prefix_store=PrefixCache(),
    )
