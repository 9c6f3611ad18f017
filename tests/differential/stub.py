"""A stand-in for ``gen.c.frontend.extract`` built on libclang itself: it must score exact == total.

Run ``python -m tests.differential.run --tool tests.differential.stub:extract`` to check the harness
(corpus, oracle, comparison, report) independently of the tool under test.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .clang_oracle import analyse
from .corpus import fetch, load


@dataclass(frozen=True)
class StubMember:
    name: str
    value: int


@dataclass(frozen=True)
class StubEnum:
    members: tuple[StubMember, ...]
    origin: str = "enum"


@dataclass(frozen=True)
class StubModule:
    enums: tuple[StubEnum, ...]


@dataclass(frozen=True)
class StubDiagnostic:
    level: str
    message: str


@dataclass(frozen=True)
class StubResult:
    module: StubModule
    diagnostics: list[StubDiagnostic] = field(default_factory=list)


def extract(
    header: str,
    *,
    include_dirs: Sequence[str] = (),
    defines: Sequence[str] = (),
    undefines: Sequence[str] = (),
    force_includes: Sequence[str] = (),
) -> StubResult:
    resource_dir = load("mingw", fetch()).resource_dir
    result = analyse(Path(header), tuple(include_dirs), resource_dir)
    members = tuple(StubMember(e.name, e.value) for e in result.enumerators)
    diagnostics = [StubDiagnostic("error", message) for message in result.errors]
    return StubResult(StubModule((StubEnum(members),)), diagnostics)
