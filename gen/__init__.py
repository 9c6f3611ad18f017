"""gen: C header enums and #define groups to Python, JSON and TypeScript.

The library API (:mod:`gen.run.api`) is loaded on first use of one of its
names, so that ``import gen`` stays cheap (the command's quick path imports
this package before anything else)::

    import gen

    module = gen.extract("include/api.h", defines=["API_LEVEL=2"])
    gen.generate(["include/api.h"], out_dir="out", formats=["python", "json"])
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from gen.diagnostics import Diagnostic, GenError, Location
    from gen.model import Enum, Member, Module
    from gen.run.api import GenWarning, extract, generate, schema, schema_path

__all__ = [
    "Diagnostic",
    "Enum",
    "GenError",
    "GenWarning",
    "Location",
    "Member",
    "Module",
    "__version__",
    "extract",
    "generate",
    "schema",
    "schema_path",
]

#: Each lazily exported name and the module it comes from.
_LAZY = {
    "Diagnostic": "gen.diagnostics",
    "GenError": "gen.diagnostics",
    "Location": "gen.diagnostics",
    "Enum": "gen.model",
    "Member": "gen.model",
    "Module": "gen.model",
    "GenWarning": "gen.run.api",
    "extract": "gen.run.api",
    "generate": "gen.run.api",
    "schema": "gen.run.api",
    "schema_path": "gen.run.api",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'gen' has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(module), name)
    globals()[name] = value  # once loaded, an ordinary attribute
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
