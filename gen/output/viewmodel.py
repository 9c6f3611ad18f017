"""The view model: what every template receives.

Names are already escaped for each language and values already formatted,
so templates only lay text out. This structure is a public interface for
user templates; it is versioned together with the JSON schema
(:data:`VIEW_MODEL_VERSION`) and documented in docs/templates.md.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass

from gen.diagnostics import GenError
from gen.model import Enum, Member, Module
from gen.output import filters, naming
from gen.output.flags import classify

#: Bumped with any incompatible change to the view model or the JSON schema.
VIEW_MODEL_VERSION = 1
#: The schema's $id: the project's address, then the schema's path in the
#: package (gen/schema/gen-enums.schema.json; ``gen --print-schema``).
SCHEMA_ID = "https://example.invalid/gen/gen/schema/gen-enums.schema.json"


@dataclass(frozen=True)
class MemberView:
    c_name: str
    py_name: str
    ts_key: str
    #: The TypeScript binding of a constant of an anonymous enum (``export const``).
    ts_name: str
    #: The value as a Python int, and formatted for each language.
    value: int
    py_value: str
    ts_value: str
    #: Unsigned 32-bit hex spelling (``0x800CCC19``) for 32-bit values.
    hex: str
    expr: str | None
    line: int
    column: int
    doc: str | None
    #: Escaped single-line forms of ``doc`` for each language's comments.
    py_doc: str | None
    ts_doc: str | None


@dataclass(frozen=True)
class EnumView:
    #: The name users know the type by (first typedef, else the tag); None if anonymous.
    c_name: str | None
    tag: str | None
    typedefs: tuple[str, ...]
    py_name: str
    ts_name: str
    #: "IntFlag" or "IntEnum" (Python base class).
    py_base: str
    flags: bool
    flags_reason: str
    underlying: str
    fixed_type: str | None
    origin: str
    file: str
    line: int
    column: int
    members: tuple[MemberView, ...]
    doc: str | None
    #: Docstring / JSDoc summary lines, escaped for each language.
    py_doc_lines: tuple[str, ...]
    ts_doc_lines: tuple[str, ...]
    #: Whether the values are HRESULTs (negative 32-bit codes): outputs add the unsigned hex.
    hresult: bool


@dataclass(frozen=True)
class ModuleView:
    source: str
    #: Base name of the output files (a valid Python module name).
    stem: str
    generator: str
    version: int
    schema_id: str
    target: str
    #: Named enums (classes / const objects).
    enums: tuple[EnumView, ...]
    #: Anonymous enums: their members become module-level constants.
    anonymous: tuple[EnumView, ...]
    #: Named and anonymous enums together, in header order.
    all_enums: tuple[EnumView, ...]
    #: Every exported Python name, in the order ruff (RUF022) expects.
    py_all: tuple[str, ...]
    #: TypeScript form: "const-object", "enum" or "const-enum".
    ts_style: str


def _summary(enum: Enum) -> str:
    where = f"declared at {enum.location.file}:{enum.location.line}."
    if enum.origin == "macros":
        if not enum.group:
            return f"#define constant {where}"
        if enum.typedefs:
            return f"#define constants of type {enum.typedefs[0]} {where}"
        if all(m.name.startswith(enum.group) for m in enum.members):
            star = "_*" if all(m.name.startswith(enum.group + "_") for m in enum.members) else "*"
            return f"#define constants {enum.group}{star} {where}"
        return f"#define constants {where}"
    if enum.tag and enum.typedefs:
        return f"C enum {enum.tag} (typedef {', '.join(enum.typedefs)}) {where}"
    if enum.tag:
        return f"C enum {enum.tag} {where}"
    if enum.typedefs:
        return f"C typedef {', '.join(enum.typedefs)} of an enum without a tag, {where}"
    return f"Anonymous C enum {where}"


def _is_hresult(enum: Enum) -> bool:
    """Error-code enums: every non-zero value is a negative 32-bit code with
    facility or code bits set (not a small negative such as -1)."""
    nonzero = [m.value for m in enum.members if m.value]
    return bool(nonzero) and all(-(2**31) <= v <= -(2**16) for v in nonzero)


def _member_view(m: Member, flags: bool, hresult: bool) -> MemberView:
    py_value = filters.hex_value(m.value) if flags else str(m.value)
    doc = m.doc
    return MemberView(
        c_name=m.name,
        py_name=filters.py_member_name(m.name),
        ts_key=filters.ts_key(m.name),
        ts_name=filters.ts_name(m.name),
        value=m.value,
        py_value=py_value,
        ts_value=filters.ts_value(m.value),
        hex=filters.unsigned32(m.value) if -(2**31) <= m.value < 2**32 else filters.hex_value(m.value, 64),
        expr=m.expr,
        line=m.location.line,
        column=m.location.column,
        doc=doc,
        py_doc=filters.py_docstring(" ".join(doc.split())) if doc else None,
        ts_doc=filters.comment_text(" ".join(doc.split())) if doc else None,
    )


def enum_view(enum: Enum, flags_override: bool | None = None) -> EnumView:
    decision = classify(enum)
    flags = decision.flags if flags_override is None else flags_override
    reason = decision.reason if flags_override is None else "set in the configuration"
    negative = next((m for m in enum.members if m.value < 0), None)
    if flags and negative is not None:  # enum.IntFlag cannot hold a negative member
        raise GenError(f"{enum.name} cannot be flags: {negative.name} = {negative.value} is negative", enum.location)
    hresult = _is_hresult(enum)
    name = enum.name
    summary = _summary(enum)
    doc_lines = [summary]
    if enum.doc:
        doc_lines = [*[p for p in enum.doc.split("\n\n") if p.strip()], "", summary]
    return EnumView(
        c_name=name,
        tag=enum.tag,
        typedefs=enum.typedefs,
        py_name=filters.py_name(name) if name else "",
        ts_name=filters.ts_name(name) if name else "",
        py_base="IntFlag" if flags else "IntEnum",
        flags=flags,
        flags_reason=reason,
        underlying=enum.underlying.name,
        fixed_type=enum.fixed_type,
        origin=enum.origin,
        file=enum.location.file,
        line=enum.location.line,
        column=enum.location.column,
        members=filters.unique_members([_member_view(m, flags, hresult) for m in enum.members]),
        doc=enum.doc,
        py_doc_lines=tuple(filters.py_docstring(" ".join(line.split())) for line in doc_lines),
        ts_doc_lines=tuple(filters.comment_text(" ".join(line.split())) for line in doc_lines),
        hresult=hresult,
    )


def strip_member_prefix(view: EnumView) -> EnumView:
    """``view`` with its members' Python and TypeScript names stripped of
    the common prefix (C names, and so the JSON, unchanged)."""
    if view.c_name is None:
        return view
    prefix = naming.common_prefix([m.c_name for m in view.members])
    if not prefix:
        return view
    members = tuple(
        dataclasses.replace(
            m,
            py_name=filters.py_member_name(m.c_name[len(prefix) :]),
            ts_key=filters.ts_key(m.c_name[len(prefix) :]),
        )
        for m in view.members
    )
    return dataclasses.replace(view, members=members)


def module_view(
    module: Module,
    stem: str,
    *,
    target: str,
    ts_style: str = "const-object",
    flags_overrides: Mapping[str, bool] | None = None,
    strip_prefix: bool = False,
) -> ModuleView:
    overrides = flags_overrides or {}
    named: list[EnumView] = []
    anonymous: list[EnumView] = []
    every: list[EnumView] = []
    for enum in module.enums:
        override = overrides.get(enum.name) if enum.name else None
        view = enum_view(enum, override)
        if strip_prefix:
            view = strip_member_prefix(view)
        every.append(view)
    every = filters.unique_exports(every)  # distinct names across the module
    named = [v for v in every if v.c_name]
    anonymous = [v for v in every if not v.c_name]
    exported: list[str] = [e.py_name for e in named]
    exported += [m.py_name for e in anonymous for m in e.members]
    return ModuleView(
        source=module.source,
        stem=stem,
        generator="gen",
        version=VIEW_MODEL_VERSION,
        schema_id=SCHEMA_ID,
        target=target,
        enums=tuple(named),
        anonymous=tuple(anonymous),
        all_enums=tuple(every),
        py_all=tuple(filters.py_all_order(list(dict.fromkeys(exported)))),
        ts_style=ts_style,
    )
