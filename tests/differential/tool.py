"""Runs the tool under test on one header and reduces its answer to names, values and error messages.

The tool is named as ``module:function`` (default ``gen.c.frontend:extract``) so that another implementation
(e.g. ``tests.differential.stub:extract``, libclang itself) can stand in for it. The function is
called as ``extract(path, include_dirs=..., defines=..., undefines=..., force_includes=...)`` and must
return an object with ``.module.enums`` (each with ``.members``: ``.name``, ``.value``) and
``.diagnostics`` (each with ``.level`` and ``.message``); a fatal problem is an exception.
"""

from __future__ import annotations

import importlib
import inspect
import re
import signal
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from types import FrameType
from typing import Any

DEFAULT_TOOL = "gen.c.frontend:extract"


@dataclass
class ToolOutcome:
    values: dict[str, int] = field(default_factory=dict)
    #: Every ERROR diagnostic, as "file:line: message" where a location is given; and the bare messages.
    errors: list[str] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)
    #: The fatal problem (an exception) that stopped the tool, if any.
    fatal: str | None = None
    seconds: float = 0.0

    def unresolved(self, name: str) -> bool:
        """Does an error diagnostic name this enumerator (so it was left out for a reason the tool gave)?"""
        pattern = re.compile(rf"(?<![A-Za-z0-9_]){re.escape(name)}(?![A-Za-z0-9_])")
        return any(pattern.search(message) for message in self.messages)


_loaded: dict[str, Callable[..., Any]] = {}


def load_tool(spec: str) -> Callable[..., Any]:
    if spec not in _loaded:
        module, _, name = spec.partition(":")
        _loaded[spec] = getattr(importlib.import_module(module), name or "extract")
    return _loaded[spec]


class _Timeout(Exception):
    pass


def _alarm(signum: int, frame: FrameType | None) -> None:
    raise _Timeout


def _is_error(diagnostic: Any) -> bool:
    level = getattr(diagnostic, "level", None)
    return str(getattr(level, "value", level)).lower() == "error"


def run_tool(
    spec: str, header: str, include_dirs: list[str], force_includes: list[str], timeout: int = 120
) -> ToolOutcome:
    extract = load_tool(spec)
    kwargs: dict[str, Any] = {
        "include_dirs": include_dirs,
        "defines": [],
        "undefines": [],
        "force_includes": force_includes,
    }
    if "macros" in inspect.signature(extract).parameters:
        kwargs["macros"] = "none"  # only C enums are compared; skip the #define groups
    outcome = ToolOutcome()
    start = time.perf_counter()
    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(timeout)
    try:
        result = extract(header, **kwargs)
        for enum in result.module.enums:
            if getattr(enum, "origin", "enum") != "enum":
                continue
            for member in enum.members:
                outcome.values[member.name] = member.value
        for diagnostic in result.diagnostics:
            if _is_error(diagnostic):
                location, message = getattr(diagnostic, "location", None), str(diagnostic.message)
                outcome.errors.append(f"{location}: {message}" if location else message)
                outcome.messages.append(message)
    except _Timeout:
        outcome.fatal = f"timed out after {timeout} s"
    except Exception as exc:  # a crash is a finding, not a reason to stop the run
        diagnostic = getattr(exc, "diagnostic", None)
        outcome.fatal = str(diagnostic) if diagnostic is not None else f"{type(exc).__name__}: {exc}"
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    outcome.seconds = time.perf_counter() - start
    return outcome
